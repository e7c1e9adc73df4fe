// English texts of final-reports.sv.ts; spread into en.ts.
import type { finalReportsSv } from "./final-reports.sv.ts";

export const finalReportsEn: Record<keyof typeof finalReportsSv, string> = {};
