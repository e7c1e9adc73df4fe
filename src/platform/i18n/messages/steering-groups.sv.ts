// Swedish texts of the steering-groups pages; spread into sv.ts.
export const steeringGroupsSv = {} as const;
