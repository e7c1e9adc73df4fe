// English texts of budgets.sv.ts; spread into en.ts.
import type { budgetsSv } from "./budgets.sv.ts";

export const budgetsEn: Record<keyof typeof budgetsSv, string> = {
  "budgets.title": "Budget",
};
