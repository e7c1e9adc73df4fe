// Swedish texts of the staff pages for the portal: the participant's action-plan steps; spread into sv.ts.
export const portalPlanSv = {} as const;
