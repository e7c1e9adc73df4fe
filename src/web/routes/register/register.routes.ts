// The participant register's pages, inside /:association (src/web/routes.ts spreads this list):
// a participant officer's enrollments, registering, importing (and the progress route the
// import page posts to when JavaScript runs), one enrollment with its exit, changes, erasures,
// the data-subject export and its access log; and the count-only participation of a
// structural initiative.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const registerRoutes: RouteConfigEntry[] = [
  route("deltagare", "routes/register/enrollments.tsx"),
  route("deltagare/ny", "routes/register/enrollment-new.tsx"),
  route("deltagare/importera", "routes/register/import.tsx"),
  route("deltagare/importera/mall", "routes/register/import-template.ts"),
  route("deltagare/importera/forlopp", "routes/register/import-progress.ts"),
  route("deltagare/:enrollmentId", "routes/register/enrollment.tsx"),
  route("deltagare/:enrollmentId/utdrag", "routes/register/enrollment-export.ts"),
  route("insatser/:initiativeId/deltagarantal", "routes/register/count-only.tsx"),
];
