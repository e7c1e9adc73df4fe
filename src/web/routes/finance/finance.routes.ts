// The money capability's finance pages, inside /:association (src/web/routes.ts spreads this list).
import type { RouteConfigEntry } from "@react-router/dev/routes";

export const financeRoutes: RouteConfigEntry[] = [];
