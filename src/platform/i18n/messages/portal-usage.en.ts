// English texts of the staff pages for the portal: the portal's usage figures; spread into en.ts.
import type { portalUsageSv } from "./portal-usage.sv.ts";

export const portalUsageEn: Record<keyof typeof portalUsageSv, string> = {};
