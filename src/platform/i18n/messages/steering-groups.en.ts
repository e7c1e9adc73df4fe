// English texts of steering-groups.sv.ts; spread into en.ts.
import type { steeringGroupsSv } from "./steering-groups.sv.ts";

export const steeringGroupsEn: Record<keyof typeof steeringGroupsSv, string> = {};
