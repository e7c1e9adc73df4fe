// Swedish texts of the association money pages (funds, equity, administrative costs, outcome, ratio and prognosis); spread into sv.ts.
export const financeSv = {
  "finance.title": "Ekonomi",
};
