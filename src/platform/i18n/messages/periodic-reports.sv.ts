// Swedish texts of the periodic-reports pages; spread into sv.ts.
export const periodicReportsSv = {} as const;
