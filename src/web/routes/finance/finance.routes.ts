// The money capability's finance pages, inside /:association (src/web/routes.ts spreads this list).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const financeRoutes: RouteConfigEntry[] = [
  route("ekonomi", "routes/finance/finance.tsx"),
  route("ekonomi/ar/:year", "routes/finance/finance-year.tsx"),
  route("ekonomi/installningar", "routes/finance/finance-settings.tsx"),
  route("ekonomi/arbetsbok", "routes/finance/finance-workbook.ts"),
  route("ekonomi/nationella-uppgifter", "routes/finance/finance-national.ts"),
  route("insatser/:initiativeId/ekonomi", "routes/finance/initiative-money.tsx"),
];
