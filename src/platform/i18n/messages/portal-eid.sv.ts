// Swedish texts of the staff pages for the portal: the association's e-ID broker settings; spread into sv.ts.
export const portalEidSv = {} as const;
