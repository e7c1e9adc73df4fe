// Swedish texts of the final-reports pages; spread into sv.ts.
export const finalReportsSv = {} as const;
