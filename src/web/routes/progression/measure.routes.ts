// Progression measurement's pages (measure), inside /:association (src/web/routes.ts spreads this
// list): an initiative's measurement plan (the office), the coach's list of measurements due, an
// enrollment's measurements, the interview form for entering or correcting one, and an
// instrument version's paper form as PDF.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const progressionMeasureRoutes: RouteConfigEntry[] = [
  route("insatser/:initiativeId/progression", "routes/progression/plan.tsx"),
  route("deltagare/matningar", "routes/progression/due.tsx"),
  route("deltagare/:enrollmentId/matningar", "routes/progression/enrollment-measurements.tsx"),
  route("deltagare/:enrollmentId/matningar/ny", "routes/progression/measurement-new.tsx"),
  route(
    "progression/instrument/versioner/:versionId/blankett.pdf",
    "routes/progression/paper-form.ts",
  ),
];
