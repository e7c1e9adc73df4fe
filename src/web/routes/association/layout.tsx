// The frame of an association's pages: navigation built from what the person may do there.

import { NavLink, Outlet } from "react-router";
import {
  canOnInitiative,
  type Permission,
  visibleApplications,
  visibleInitiatives,
  visibleReports,
  visibleRequisitions,
} from "../../../access/policy.ts";
import { courseScopesOf } from "../../../courses/draft.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { guideScopesOf } from "../../../portal/guides.ts";
import { requireAssociation } from "../../guard.server.ts";
import { useT } from "../../ui/i18n.tsx";
import type { Route } from "./+types/layout.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { principal, association, permissions } = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  // the register's list is also there for the initiative-scoped roles, showing their own
  const visible = visibleInitiatives(principal, association.id);
  const canListInitiatives = visible === "all" || visible.length > 0;
  // likewise the applications: all of them, or those of the person's own initiatives
  const applications = visibleApplications(principal, association.id);
  const canListApplications = applications === "all" || applications.length > 0;
  // and the reports (periodic and deviation reports) of all initiatives, or of one's own
  const reports = visibleReports(principal, association.id);
  const canListReports = reports === "all" || reports.length > 0;
  // and requisitions: all of them, or those of one's own initiative
  const requisitions = visibleRequisitions(principal, association.id);
  const canListRequisitions = requisitions === "all" || requisitions.length > 0;
  // and the participant register: only a participant officer, of their own initiatives
  const canListParticipants = principal.grants.some(
    (g) =>
      g.associationId === association.id &&
      g.initiativeId !== null &&
      canOnInitiative(principal, "register.view", association.id, g.initiativeId),
  );
  // the portal's support guides: the office, and leads and officers for their initiatives
  const guides = guideScopesOf(principal, association.id);
  const canWriteGuides = guides === "all" || guides.length > 0;
  // courses: the same people, for the same scope
  const courseScopes = courseScopesOf(principal, association.id);
  const canWriteCourses = courseScopes === "all" || courseScopes.length > 0;
  return {
    association: { slug: association.slug, name: association.name },
    permissions,
    canWriteGuides,
    canWriteCourses,
    canListInitiatives,
    canListApplications,
    canListReports,
    canListRequisitions,
    canListParticipants,
  };
}

const NAVIGATION: Array<{ to: string; label: MessageKey; permission: Permission }> = [
  { to: "", label: "nav.home", permission: "association.enter" },
  { to: "insatser", label: "nav.initiatives", permission: "initiatives.view" },
  { to: "ansokningar", label: "applications.title", permission: "applications.view" },
  { to: "rapporter", label: "nav.reports", permission: "reports.view" },
  { to: "avvikelser", label: "nav.deviations", permission: "reports.view" },
  { to: "rekvisitioner", label: "requisitions.title", permission: "requisition.view" },
  { to: "ekonomi", label: "finance.title", permission: "finance.view" },
  { to: "uppfoljning", label: "followUp.nav", permission: "follow_up.view" },
  { to: "progression", label: "progression.nav", permission: "progression.results" },
  { to: "deltagare", label: "register.title", permission: "register.view" },
  {
    to: "deltagarstatistik",
    label: "registerStatistics.title",
    permission: "register.statistics",
  },
  { to: "registerlogg", label: "registerLog.nav", permission: "register.access_log" },
  { to: "stod", label: "portalStaff.guides.nav", permission: "portal.guides" },
  { to: "kurser", label: "courses.nav", permission: "course.author" },
  { to: "e-legitimation", label: "portalStaff.eid.nav", permission: "portal.eid" },
  {
    to: "organisationer",
    label: "nav.memberOrganisations",
    permission: "member_organisations.view",
  },
  { to: "personer", label: "nav.people", permission: "users.view" },
  { to: "utkorg", label: "nav.outbox", permission: "outbox.view" },
  { to: "granskningslogg", label: "nav.auditLog", permission: "audit.view" },
  {
    to: "tillganglighetsrapporter",
    label: "portalStaff.accessibilityReports.nav",
    permission: "accessibility.reports",
  },
];

export default function AssociationLayout({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const {
    association,
    permissions,
    canWriteGuides,
    canWriteCourses,
    canListInitiatives,
    canListApplications,
    canListReports,
    canListRequisitions,
    canListParticipants,
  } = loaderData;
  const shown = (item: (typeof NAVIGATION)[number]) =>
    item.to === "insatser"
      ? canListInitiatives
      : item.to === "ansokningar"
        ? canListApplications
        : item.to === "rapporter" || item.to === "avvikelser"
          ? canListReports
          : item.to === "rekvisitioner"
            ? canListRequisitions
            : item.to === "deltagare"
              ? canListParticipants
              : item.to === "stod"
                ? canWriteGuides
                : item.to === "kurser"
                  ? canWriteCourses
                  : permissions.includes(item.permission);
  return (
    <>
      <nav className="side-nav" aria-label={t("nav.mainMenu")}>
        <p className="tag">{association.name}</p>
        <ul>
          {NAVIGATION.filter(shown).map((item) => (
            <li key={item.to}>
              <NavLink to={`/${association.slug}${item.to ? `/${item.to}` : ""}`} end>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
