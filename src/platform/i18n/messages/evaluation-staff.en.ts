// English texts of the staff pages for Tyck till: the question sets and the free-text answers; spread into en.ts.
import type { evaluationStaffSv } from "./evaluation-staff.sv.ts";

export const evaluationStaffEn: Record<keyof typeof evaluationStaffSv, string> = {};
