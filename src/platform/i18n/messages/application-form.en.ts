// English texts of application-form.sv.ts; spread into en.ts.
import type { applicationFormSv } from "./application-form.sv.ts";

export const applicationFormEn: Record<keyof typeof applicationFormSv, string> = {};
