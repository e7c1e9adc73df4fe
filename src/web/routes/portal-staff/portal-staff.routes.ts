// The staff's side of the participant portal, inside /:association (src/web/routes.ts spreads
// this list): portal access and sign-in codes, the participant's action-plan steps, published
// availability and bookings, the portal's outbox to participants, the usage figures, the support
// guides, the e-ID broker and the accessibility reports.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const portalStaffRoutes: RouteConfigEntry[] = [
  route("insatser/:initiativeId/portal", "routes/portal-staff/access.tsx"),
  route("insatser/:initiativeId/portal/utkorg", "routes/portal-staff/outbox.tsx"),
  route("insatser/:initiativeId/portal/tider", "routes/portal-staff/availability.tsx"),
  route("insatser/:initiativeId/portal/statistik", "routes/portal-staff/usage.tsx"),
  route("deltagare/:enrollmentId/plan", "routes/portal-staff/plan-steps.tsx"),
  route("stod", "routes/portal-staff/guides.tsx"),
  route("stod/:guideId", "routes/portal-staff/guide-edit.tsx"),
  route("e-legitimation", "routes/portal-staff/eid-settings.tsx"),
  route("tillganglighetsrapporter", "routes/portal-staff/accessibility-reports.tsx"),
];
