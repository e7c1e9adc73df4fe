// Swedish texts of the requisition pages; spread into sv.ts.
export const requisitionsSv = {
  "requisitions.title": "Rekvisitioner",
};
