// English texts of finance.sv.ts; spread into en.ts.
import type { financeSv } from "./finance.sv.ts";

export const financeEn: Record<keyof typeof financeSv, string> = {
  "finance.title": "Finance",
};
