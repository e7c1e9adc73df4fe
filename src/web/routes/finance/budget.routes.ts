// The money capability's budget pages, inside /:association (src/web/routes.ts spreads this list):
// an initiative's budget, its versions, the change and re-phasing forms, the XLSX import, and the
// template and export downloads.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const budgetRoutes: RouteConfigEntry[] = [
  route("insatser/:initiativeId/budget", "routes/finance/budget.tsx"),
  route("insatser/:initiativeId/budget/andra", "routes/finance/budget-edit.tsx"),
  route("insatser/:initiativeId/budget/omfordela", "routes/finance/budget-rephase.tsx"),
  route("insatser/:initiativeId/budget/importera", "routes/finance/budget-import.tsx"),
  route("insatser/:initiativeId/budget/mall", "routes/finance/budget-template.ts"),
  route("insatser/:initiativeId/budget/xlsx", "routes/finance/budget-export.ts"),
  route(
    "insatser/:initiativeId/budget/versioner/:budgetVersion",
    "routes/finance/budget-version.tsx",
  ),
];
