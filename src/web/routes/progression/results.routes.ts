// Progression measurement's pages (results), inside /:association (src/web/routes.ts spreads this list):
// the protected results per initiative, an initiative's comparison group, and the evaluator export.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const progressionResultsRoutes: RouteConfigEntry[] = [
  route("progression", "routes/progression/results.tsx"),
  route("insatser/:initiativeId/jamforelsegrupp", "routes/progression/comparison.tsx"),
  route(
    "insatser/:initiativeId/progression/utvardering.csv",
    "routes/progression/evaluator-export.ts",
  ),
];
