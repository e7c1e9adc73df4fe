// The money capability's budget pages, inside /:association (src/web/routes.ts spreads this list).
import type { RouteConfigEntry } from "@react-router/dev/routes";

export const budgetRoutes: RouteConfigEntry[] = [];
