// English texts of the staff pages for the portal: the support guides and accessibility reports; spread into en.ts.
import type { portalGuidesSv } from "./portal-guides.sv.ts";

export const portalGuidesEn: Record<keyof typeof portalGuidesSv, string> = {};
