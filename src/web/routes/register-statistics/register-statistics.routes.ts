// The participant register's statistics, the association's disclosure control and the register's
// access log, inside /:association (src/web/routes.ts spreads this list).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const registerStatisticsRoutes: RouteConfigEntry[] = [
  route("deltagarstatistik", "routes/register-statistics/statistics.tsx"),
  route("deltagarstatistik/rojandekontroll", "routes/register-statistics/disclosure-settings.tsx"),
  route("registerlogg", "routes/register-statistics/access-log.tsx"),
];
