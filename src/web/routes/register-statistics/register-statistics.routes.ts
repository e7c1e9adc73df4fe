// The participant register's statistics and its access log, inside /:association
// (src/web/routes.ts spreads this list).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const registerStatisticsRoutes: RouteConfigEntry[] = [
  route("deltagarstatistik", "routes/register-statistics/statistics.tsx"),
  route("registerlogg", "routes/register-statistics/access-log.tsx"),
];
