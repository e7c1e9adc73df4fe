// Swedish texts of the budget pages (an initiative's budget, versions, import and export); spread into sv.ts.
export const budgetsSv = {
  "budgets.title": "Budget",
};
