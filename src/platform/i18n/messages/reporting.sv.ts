// Swedish texts of the reporting pages; spread into sv.ts.
export const reportingSv = {} as const;
