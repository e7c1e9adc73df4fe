// Every page of the web app. Paths are Swedish because people read them; the authorization
// test (src/access/routes.authorization.test.ts) walks this list against every role.
import { index, type RouteConfig, route } from "@react-router/dev/routes";
import { courseStaffRoutes } from "./routes/courses-staff/courses-staff.routes.ts";
import { budgetRoutes } from "./routes/finance/budget.routes.ts";
import { financeRoutes } from "./routes/finance/finance.routes.ts";
import { requisitionRoutes } from "./routes/finance/requisition.routes.ts";
import { followUpRoutes } from "./routes/follow-up/follow-up.routes.ts";
import { portalRoutes } from "./routes/portal/portal.routes.ts";
import { portalStaffRoutes } from "./routes/portal-staff/portal-staff.routes.ts";
import { progressionInstrumentsRoutes } from "./routes/progression/instruments.routes.ts";
import { progressionMeasureRoutes } from "./routes/progression/measure.routes.ts";
import { progressionResultsRoutes } from "./routes/progression/results.routes.ts";
import { registerRoutes } from "./routes/register/register.routes.ts";
import { registerStatisticsRoutes } from "./routes/register-statistics/register-statistics.routes.ts";

export default [
  index("routes/home.tsx"),
  route("logga-in", "routes/sign-in.tsx"),
  route("logga-in/kod", "routes/sign-in-code.tsx"),
  route("logga-in/aktivera-kod", "routes/sign-in-enrol.tsx"),
  route("logga-in/oidc", "routes/oidc-start.ts"),
  route("logga-in/oidc/retur", "routes/oidc-callback.ts"),
  route("logga-ut", "routes/sign-out.tsx"),
  route("valkommen/:token", "routes/invitation.tsx"),
  route("signera/:token", "routes/sign-application.tsx"),
  route("signera-slutrapport/:token", "routes/sign-final-report.tsx"),
  route("konto", "routes/account.tsx"),
  route("sprak", "routes/language.ts"),
  route("tillganglighet", "routes/accessibility.tsx"),
  ...portalRoutes,
  route(":association", "routes/association/layout.tsx", [
    index("routes/association/overview.tsx"),
    route("insatser", "routes/association/initiatives.tsx"),
    route("insatser/ny", "routes/association/initiative-new.tsx"),
    route("insatser/:initiativeId", "routes/association/initiative.tsx"),
    route("insatser/:initiativeId/andra", "routes/association/initiative-edit.tsx"),
    route("ansokningar", "routes/association/applications.tsx"),
    route("ansokningar/ny", "routes/association/application-new.tsx"),
    route("ansokningar/blankett", "routes/association/application-settings.tsx"),
    route("ansokningar/:applicationId", "routes/association/application.tsx"),
    route("ansokningar/:applicationId/andra", "routes/association/application-edit.tsx"),
    route("ansokningar/:applicationId/historik", "routes/association/application-history.tsx"),
    route("ansokningar/:applicationId/dokument", "routes/association/application-document.ts"),
    route("rapporter", "routes/association/reports.tsx"),
    route("rapporter/kalender", "routes/association/reporting-calendar.tsx"),
    route("rapporter/:reportId", "routes/association/periodic-report.tsx"),
    route("rapporter/:reportId/andra", "routes/association/periodic-report-edit.tsx"),
    route("rapporter/:reportId/styrgrupp", "routes/association/periodic-report-steering.tsx"),
    route("rapporter/:reportId/dokument", "routes/association/periodic-report-document.ts"),
    route("insatser/:initiativeId/styrgrupp", "routes/association/steering-group.tsx"),
    route(
      "insatser/:initiativeId/styrgrupp/moten/:meetingId",
      "routes/association/steering-group-meeting.tsx",
    ),
    route(
      "insatser/:initiativeId/styrgrupp/bilagor/:attachmentId",
      "routes/association/steering-group-attachment.ts",
    ),
    route("insatser/:initiativeId/slutrapport", "routes/association/final-report-start.tsx"),
    route("avvikelser", "routes/association/deviations.tsx"),
    route("avvikelser/ny", "routes/association/deviation-new.tsx"),
    route("avvikelser/:deviationId", "routes/association/deviation.tsx"),
    route("avvikelser/:deviationId/andra", "routes/association/deviation-edit.tsx"),
    route("avvikelser/:deviationId/dokument", "routes/association/deviation-document.ts"),
    route("slutrapporter/:finalReportId", "routes/association/final-report.tsx"),
    route("slutrapporter/:finalReportId/andra", "routes/association/final-report-edit.tsx"),
    route("slutrapporter/:finalReportId/dokument", "routes/association/final-report-document.ts"),
    ...financeRoutes,
    ...budgetRoutes,
    ...requisitionRoutes,
    ...registerRoutes,
    ...registerStatisticsRoutes,
    ...followUpRoutes,
    ...progressionInstrumentsRoutes,
    ...progressionMeasureRoutes,
    ...progressionResultsRoutes,
    ...portalStaffRoutes,
    ...courseStaffRoutes,
    route("organisationer", "routes/association/member-organisations.tsx"),
    route("organisationer/:organisationId", "routes/association/member-organisation.tsx"),
    route("personer", "routes/association/people.tsx"),
    route("personer/ny", "routes/association/person-new.tsx"),
    route("personer/:userId", "routes/association/person.tsx"),
    route("granskningslogg", "routes/association/audit-log.tsx"),
    route("utkorg", "routes/association/outbox.tsx"),
  ]),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
