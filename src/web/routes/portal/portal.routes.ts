// The participant portal's pages (issue 9; domain/portal.md), at the top level: a participant
// belongs to one association, and the portal's addresses stay short. Every page is rendered on
// the server and sends no JavaScript (handle { portal: true, hydrate: false }, root.tsx).
import { index, type RouteConfigEntry, route } from "@react-router/dev/routes";

export const portalRoutes: RouteConfigEntry[] = [
  // without signing in
  route("portal/logga-in", "routes/portal/sign-in.tsx"),
  route("portal/logga-in/e-legitimation/:association", "routes/portal/eid-start.ts"),
  route("portal/logga-in/e-legitimation-retur", "routes/portal/eid-callback.ts"),
  route("portal/logga-ut", "routes/portal/sign-out.tsx"),
  route("portal/sprak", "routes/portal/language.ts"),
  route("portal/tillganglighet", "routes/portal/accessibility.tsx"),
  // signed in
  route("portal", "routes/portal/layout.tsx", [
    index("routes/portal/home.tsx"),
    route("plan", "routes/portal/plan.tsx"),
    route("boka", "routes/portal/booking.tsx"),
    route("boka/:availabilityId", "routes/portal/booking-times.tsx"),
    route("bokningar/:bookingId", "routes/portal/booking-detail.tsx"),
    route("stod", "routes/portal/support.tsx"),
    route("stod/:guideId", "routes/portal/guide.tsx"),
    route("mina-uppgifter", "routes/portal/my-data.tsx"),
    route("mina-uppgifter/utdrag.json", "routes/portal/my-data-json.ts"),
    route("mina-uppgifter/utdrag.pdf", "routes/portal/my-data-pdf.ts"),
    route("installningar", "routes/portal/settings.tsx"),
    route("kurser", "routes/portal/courses.tsx"),
    route("kurser/:courseId", "routes/portal/course.tsx"),
    route("kurser/:courseId/:chapterId/klart", "routes/portal/chapter-done.tsx"),
    route("kurser/:courseId/:chapterId/:page", "routes/portal/course-page.tsx"),
    route("filer/:mediaId", "routes/portal/media.ts"),
    route("tyck-till", "routes/portal/feedback.tsx"),
    route("tyck-till/:context/:key", "routes/portal/feedback-form.tsx"),
  ]),
];
