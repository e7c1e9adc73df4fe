// Progression measurement's pages (instruments), inside /:association (src/web/routes.ts spreads
// this list): the instruments (Samspår's and the association's own), a new one, and one
// instrument with its versions and the draft's edit form.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const progressionInstrumentsRoutes: RouteConfigEntry[] = [
  route("progression/instrument", "routes/progression/instrument-list.tsx"),
  route("progression/instrument/ny", "routes/progression/instrument-new.tsx"),
  route("progression/instrument/:instrumentId", "routes/progression/instrument-page.tsx"),
];
