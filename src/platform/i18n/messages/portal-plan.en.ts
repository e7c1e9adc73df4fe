// English texts of the staff pages for the portal: the participant's action-plan steps; spread into en.ts.
import type { portalPlanSv } from "./portal-plan.sv.ts";

export const portalPlanEn: Record<keyof typeof portalPlanSv, string> = {};
