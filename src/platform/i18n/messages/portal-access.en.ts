// English texts of the staff pages for the portal: portal access, sign-in codes and the portal's outbox to participants; spread into en.ts.
import type { portalAccessSv } from "./portal-access.sv.ts";

export const portalAccessEn: Record<keyof typeof portalAccessSv, string> = {};
