// The staff's side of courses and Tyck till (issue 10), inside /:association (src/web/routes.ts
// spreads this list): writing, translating, previewing and publishing courses; the initiative's
// evaluation questions, their protected results and the free-text answers; course figures.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const courseStaffRoutes: RouteConfigEntry[] = [
  route("kurser", "routes/courses-staff/courses.tsx"),
  route("kurser/:courseId", "routes/courses-staff/course.tsx"),
  route("kurser/:courseId/kapitel/:chapterId", "routes/courses-staff/chapter.tsx"),
  route("kurser/:courseId/kapitel/:chapterId/sidor", "routes/courses-staff/page-list.tsx"),
  route("kurser/:courseId/kapitel/:chapterId/sidor/:pageId", "routes/courses-staff/page.tsx"),
  route("kurser/:courseId/forhandsvisning", "routes/courses-staff/preview.tsx"),
  route("kurser/:courseId/filer/:mediaId", "routes/courses-staff/media.ts"),
  route("insatser/:initiativeId/portal/kurser", "routes/courses-staff/figures.tsx"),
  route("insatser/:initiativeId/portal/tyck-till", "routes/evaluation-staff/forms.tsx"),
  route("insatser/:initiativeId/portal/tyck-till/resultat", "routes/evaluation-staff/results.tsx"),
  route("insatser/:initiativeId/portal/tyck-till/fritext", "routes/evaluation-staff/free-text.tsx"),
];
