// Swedish texts of the deviations pages; spread into sv.ts.
export const deviationsSv = {} as const;
