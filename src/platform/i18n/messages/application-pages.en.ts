// English texts of application-pages.sv.ts; spread into en.ts.
import type { applicationPagesSv } from "./application-pages.sv.ts";

export const applicationPagesEn: Record<keyof typeof applicationPagesSv, string> = {};
