// English texts of deviations.sv.ts; spread into en.ts.
import type { deviationsSv } from "./deviations.sv.ts";

export const deviationsEn: Record<keyof typeof deviationsSv, string> = {};
