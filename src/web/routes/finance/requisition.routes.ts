// The money capability's requisition pages, inside /:association (src/web/routes.ts spreads this list).
import type { RouteConfigEntry } from "@react-router/dev/routes";

export const requisitionRoutes: RouteConfigEntry[] = [];
