// English texts of requisitions.sv.ts; spread into en.ts.
import type { requisitionsSv } from "./requisitions.sv.ts";

export const requisitionsEn: Record<keyof typeof requisitionsSv, string> = {
  "requisitions.title": "Requisitions",
};
