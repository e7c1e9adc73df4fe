// Swedish texts of the staff pages for the portal: the support guides and accessibility reports; spread into sv.ts.
export const portalGuidesSv = {} as const;
