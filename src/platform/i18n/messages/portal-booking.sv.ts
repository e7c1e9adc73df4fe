// Swedish texts of the staff pages for the portal: published availability and bookings; spread into sv.ts.
export const portalBookingSv = {} as const;
