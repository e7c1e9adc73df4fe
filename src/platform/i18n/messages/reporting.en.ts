// English texts of reporting.sv.ts; spread into en.ts.
import type { reportingSv } from "./reporting.sv.ts";

export const reportingEn: Record<keyof typeof reportingSv, string> = {};
