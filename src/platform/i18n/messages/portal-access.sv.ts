// Swedish texts of the staff pages for the portal: portal access, sign-in codes and the portal's outbox to participants; spread into sv.ts.
export const portalAccessSv = {} as const;
