// English texts of the staff pages for the portal: the association's e-ID broker settings; spread into en.ts.
import type { portalEidSv } from "./portal-eid.sv.ts";

export const portalEidEn: Record<keyof typeof portalEidSv, string> = {};
