// Swedish texts of the staff pages for the portal: the portal's usage figures; spread into sv.ts.
export const portalUsageSv = {} as const;
