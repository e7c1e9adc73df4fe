// English texts of periodic-reports.sv.ts; spread into en.ts.
import type { periodicReportsSv } from "./periodic-reports.sv.ts";

export const periodicReportsEn: Record<keyof typeof periodicReportsSv, string> = {};
