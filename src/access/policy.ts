// The one place that says who may do what. Every page, form action and API operation asks
// `can` / `authorize` here; nothing else decides access.
//
// Participant identities never reach the association zone: no association-zone permission is
// granted to the participant role, and the register's permissions (later capabilities) are
// granted only to participant officers of the initiative.
import type { Role } from "../people/roles.ts";
import type { Principal } from "./principal.ts";

export const PERMISSIONS = {
  /** Entering the association's pages at all (staff see the office view, participants their own). */
  "association.enter": [
    "association_admin",
    "board_member",
    "initiative_lead",
    "steering_group_member",
    "participant_officer",
    "participant",
    "auditor",
  ],
  /** The association's start page and navigation. */
  "association.view": [
    "association_admin",
    "board_member",
    "initiative_lead",
    "steering_group_member",
    "participant_officer",
    "auditor",
  ],
  /** The initiative register: all of the association's initiatives. */
  "initiatives.view": ["association_admin", "board_member"],
  "initiatives.manage": ["association_admin"],
  /** One initiative; initiative-scoped roles get these on their own initiative (below). */
  "initiative.view": ["association_admin", "board_member"],
  "initiative.edit": ["association_admin"],
  /** All of the association's applications; initiative roles see their own (below). */
  "applications.view": ["association_admin", "board_member"],
  /** Starting an application: the office, and initiative leads (canCreateApplication). */
  "applications.create": ["association_admin"],
  /** The office's part: registering paper originals, preparation, returns, the form's texts. */
  "applications.manage": ["association_admin"],
  "applications.comment": ["association_admin", "board_member"],
  "applications.decide": ["association_admin", "board_member"],
  /** One application; initiative-scoped roles get these on their own initiative's. */
  "application.view": ["association_admin", "board_member"],
  "application.edit": ["association_admin"],
  /** Every report of the association (periodic, deviation, final) and the reporting dashboard. */
  "reports.view": ["association_admin", "board_member"],
  /** The office's part: the calendar, registering arrivals, accepting or returning reports. */
  "reports.manage": ["association_admin"],
  /** Deciding a deviation report: the office or the board. */
  "deviations.decide": ["association_admin", "board_member"],
  /** One initiative's reports; initiative roles get these on their own initiative. */
  "report.view": ["association_admin", "board_member"],
  /** Writing the initiative's reports (the office too, for reports that arrive by e-mail). */
  "report.write": ["association_admin"],
  /** Section 2.6 of a periodic report: the steering group's analysis. */
  "report.steering": ["association_admin"],
  /** The steering group: members, meetings, attendance, minutes. */
  "steering_group.view": ["association_admin", "board_member"],
  "steering_group.manage": ["association_admin"],
  /** The association's money: allocated funds, equity, administrative costs, every initiative's outcome. */
  "finance.view": ["association_admin", "board_member"],
  /** The office's part: funds, the normal band, approving or returning requisitions, payments, prognoses. */
  "finance.manage": ["association_admin"],
  /** One initiative's budget; initiative roles get it on their own initiative. */
  "budget.view": ["association_admin", "board_member"],
  /** Setting, revising, importing and re-phasing a budget: the office. */
  "budget.edit": ["association_admin"],
  /** One initiative's requisitions and outcome; initiative roles get these on their own. */
  "requisition.view": ["association_admin", "board_member"],
  /** Writing and submitting requisitions (the office too, for one that arrives on paper). */
  "requisition.write": ["association_admin"],
  "member_organisations.view": [
    "association_admin",
    "board_member",
    "initiative_lead",
    "steering_group_member",
    "participant_officer",
  ],
  "member_organisations.manage": ["association_admin"],
  /** Staff accounts of the association and their roles (never participant accounts). */
  "users.view": ["association_admin"],
  "users.manage": ["association_admin"],
  "outbox.view": ["association_admin"],
  /** The audit log: who did what, never the contents of participant records. */
  "audit.view": ["auditor"],
  /** The participant's own pages. */
  "portal.use": ["participant"],
  // ── The participant register (issue 6) ────────────────────────────────────────────────────
  // Identities are seen only by participant officers, and only on their own initiatives
  // (INITIATIVE_PERMISSIONS below): no association-wide role holds register.view/.write.
  /** Reading the register's records of an initiative (masked identities, each read logged). */
  "register.view": [],
  /** Registering, enrolling, exiting, consents and erasures of participants. */
  "register.write": [],
  /** The register's aggregates, after disclosure control; never a single participant. */
  "register.statistics": ["association_admin", "board_member"],
  /** The association's disclosure control of those aggregates: threshold, whether 0 is shown. */
  "register.disclosure_settings": ["association_admin"],
  /** The register's access log (who read what, when): log rows only, never identities. */
  "register.access_log": ["auditor"],
  /**
   * Count-only participation of a structural initiative (women, men, others per period): no
   * identities, so the office may enter them too; participant officers on their own initiative.
   */
  "register.count_only": ["association_admin"],
  // ── end of the participant register ───────────────────────────────────────────────────────
  // ── The follow-up report (issue 7) ────────────────────────────────────────────────────────
  // The office writes and locks it for the board: the board and the auditor read the locked
  // versions only, the office its drafts too.
  /** The association's follow-up reports (their locked versions and documents). */
  "follow_up.view": ["association_admin", "board_member", "auditor"],
  /** Reading the drafts, which are computed from live data on every view. */
  "follow_up.drafts": ["association_admin"],
  /** Creating a follow-up, editing a draft's texts, locking it, starting a new version. */
  "follow_up.edit": ["association_admin"],
  // ── end of the follow-up report ───────────────────────────────────────────────────────────
  // ── Progression measurement (issue 8) ─────────────────────────────────────────────────────
  // Instruments and plans are the association's configuration; measurements are register data
  // (participant officers of the initiative only); results are protected aggregates.
  /** The association's instruments: create, edit a draft, publish, archive. */
  "progression.instruments": ["association_admin"],
  /** An initiative's measurement plan (instruments, interval, target, comparison group). */
  "progression.plan": ["association_admin"],
  /** Progression results after disclosure control; never a single participant's answers. */
  "progression.results": ["association_admin", "board_member"],
  /** Entering and correcting measurements, the due list, the comparison group. */
  "progression.measure": [],
  /** The evaluator's pseudonymous export of an initiative's measurements. */
  "progression.export": [],
  // ── end of progression measurement ────────────────────────────────────────────────────────
  // ── The participant portal (issue 9) ──────────────────────────────────────────────────────
  // The portal's participant data (accounts, codes, plan steps, bookings, messages) is register
  // data: participant officers of the initiative only. Guides carry no participant data; usage
  // reaches everybody else only as protected aggregates.
  /** Portal access and codes, action-plan steps, availability, bookings, the portal outbox. */
  "portal.staff": [],
  /** Writing and publishing the support guides (Stöd). */
  "portal.guides": ["association_admin"],
  /** The portal's usage figures after disclosure control. */
  "portal.usage": ["association_admin", "board_member"],
  /** Sign-in with e-ID: the association's OpenID Connect broker. */
  "portal.eid": ["association_admin"],
  /** Problems reported from the accessibility statement. */
  "accessibility.reports": ["association_admin"],
  // ── end of the participant portal ─────────────────────────────────────────────────────────
  // ── Courses and evaluation (issue 10) ─────────────────────────────────────────────────────
  // Course material is about no person: the office writes courses for the whole association,
  // an initiative's lead and officers for their initiative. What participants did and answered
  // is register data: results reach everybody only as protected aggregates ("portal.usage"),
  // and the free-text answers only the initiative's participant officers.
  /** Writing, translating and publishing courses. */
  "course.author": ["association_admin"],
  /** Editing an initiative's evaluation questions (Tyck till). */
  "evaluation.edit": [],
  /** Reading the free-text answers of an initiative's evaluation. */
  "evaluation.free_text": [],
  // ── end of courses and evaluation ─────────────────────────────────────────────────────────
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Permissions that only read; a read-scoped API token gets these and no others. */
const READ_ONLY: ReadonlySet<Permission> = new Set([
  "association.enter",
  "initiatives.view",
  "initiative.view",
  "applications.view",
  "application.view",
  "reports.view",
  "report.view",
  "steering_group.view",
  "finance.view",
  "budget.view",
  "requisition.view",
  "association.view",
  "member_organisations.view",
  "users.view",
  "outbox.view",
  "audit.view",
  "portal.use",
  // the participant register: statistics and the access log only; a read token never sees
  // a participant's record
  "register.statistics",
  "register.access_log",
  // the follow-up report: its versions and documents (issue 7)
  "follow_up.view",
  "follow_up.drafts",
  // progression: the results only (issue 8)
  "progression.results",
  // the portal: usage figures only (issue 9)
  "portal.usage",
]);

/** What the initiative-scoped roles may do, on the initiative their role is for and no other. */
export const INITIATIVE_PERMISSIONS: Partial<Record<Permission, readonly Role[]>> = {
  "initiative.view": ["initiative_lead", "steering_group_member", "participant_officer"],
  "initiative.edit": ["initiative_lead"],
  "application.view": ["initiative_lead", "steering_group_member"],
  "application.edit": ["initiative_lead"],
  "report.view": ["initiative_lead", "steering_group_member"],
  "report.write": ["initiative_lead"],
  "report.steering": ["steering_group_member"],
  "steering_group.view": ["initiative_lead", "steering_group_member"],
  "steering_group.manage": ["initiative_lead"],
  "budget.view": ["initiative_lead", "steering_group_member"],
  "requisition.view": ["initiative_lead", "steering_group_member"],
  "requisition.write": ["initiative_lead"],
  // the participant register: participant officers of the initiative, and nobody else
  "register.view": ["participant_officer"],
  "register.write": ["participant_officer"],
  "register.count_only": ["participant_officer"],
  // progression measurement: the register's roles measure and export; the initiative's lead and
  // steering group see its protected results
  "progression.measure": ["participant_officer"],
  "progression.export": ["participant_officer"],
  "progression.results": ["initiative_lead", "steering_group_member"],
  // the portal: the register's roles work with participants' portal data; the initiative's
  // lead and officers write guides; its lead and steering group see protected usage figures
  "portal.staff": ["participant_officer"],
  "portal.guides": ["initiative_lead", "participant_officer"],
  "portal.usage": ["initiative_lead", "steering_group_member", "participant_officer"],
  // courses and evaluation: the initiative's lead and officers write courses and questions; the
  // officers, who work with the participants, read the free-text answers
  "course.author": ["initiative_lead", "participant_officer"],
  "evaluation.edit": ["initiative_lead", "participant_officer"],
  "evaluation.free_text": ["participant_officer"],
};

/**
 * Who may start a new application: the office, and anyone who leads an initiative of the
 * association (they work for a member organisation and become lead of the new one).
 */
export function canCreateApplication(
  principal: Principal | undefined,
  associationId: string,
): boolean {
  if (!principal) return false;
  if (can(principal, "applications.create", associationId)) return true;
  if (principal.via.type === "token" && principal.via.scope === "read") return false;
  return principal.grants.some(
    (g) => g.associationId === associationId && g.role === "initiative_lead",
  );
}

export function rolesIn(principal: Principal, associationId: string): Set<Role> {
  return new Set(
    principal.grants.filter((g) => g.associationId === associationId).map((g) => g.role),
  );
}

export function can(
  principal: Principal | undefined,
  permission: Permission,
  associationId: string,
): boolean {
  if (!principal) return false;
  if (
    principal.via.type === "token" &&
    principal.via.scope === "read" &&
    !READ_ONLY.has(permission)
  )
    return false;
  const allowed: readonly Role[] = PERMISSIONS[permission];
  for (const role of rolesIn(principal, associationId)) if (allowed.includes(role)) return true;
  return false;
}

/** A permission on one initiative: association-wide, or through a role on that initiative. */
export function canOnInitiative(
  principal: Principal | undefined,
  permission: Permission,
  associationId: string,
  initiativeId: string,
): boolean {
  if (!principal) return false;
  if (can(principal, permission, associationId)) return true;
  if (
    principal.via.type === "token" &&
    principal.via.scope === "read" &&
    !READ_ONLY.has(permission)
  )
    return false;
  const roles = INITIATIVE_PERMISSIONS[permission] ?? [];
  return principal.grants.some(
    (g) =>
      g.associationId === associationId &&
      g.initiativeId === initiativeId &&
      roles.includes(g.role),
  );
}

/** The initiatives a principal may see in an association: "all", or the ids of its own. */
export function visibleInitiatives(principal: Principal, associationId: string): "all" | string[] {
  if (can(principal, "initiatives.view", associationId)) return "all";
  const roles = INITIATIVE_PERMISSIONS["initiative.view"] ?? [];
  return principal.grants
    .filter((g) => g.associationId === associationId && g.initiativeId && roles.includes(g.role))
    .map((g) => g.initiativeId as string);
}

/** The initiatives whose reports a principal may see: "all", or the ids of its own. */
export function visibleReports(principal: Principal, associationId: string): "all" | string[] {
  if (can(principal, "reports.view", associationId)) return "all";
  const roles = INITIATIVE_PERMISSIONS["report.view"] ?? [];
  return principal.grants
    .filter((g) => g.associationId === associationId && g.initiativeId && roles.includes(g.role))
    .map((g) => g.initiativeId as string);
}

/** The initiatives whose requisitions a principal may see: "all", or the ids of its own. */
export function visibleRequisitions(principal: Principal, associationId: string): "all" | string[] {
  if (can(principal, "requisition.view", associationId)) return "all";
  const roles = INITIATIVE_PERMISSIONS["requisition.view"] ?? [];
  return principal.grants
    .filter((g) => g.associationId === associationId && g.initiativeId && roles.includes(g.role))
    .map((g) => g.initiativeId as string);
}

/** The initiatives whose applications a principal may see: "all", or the ids of its own. */
export function visibleApplications(principal: Principal, associationId: string): "all" | string[] {
  if (can(principal, "applications.view", associationId)) return "all";
  const roles = INITIATIVE_PERMISSIONS["application.view"] ?? [];
  return principal.grants
    .filter((g) => g.associationId === associationId && g.initiativeId && roles.includes(g.role))
    .map((g) => g.initiativeId as string);
}

export class ForbiddenError extends Error {
  readonly status = 403;
  readonly permission: Permission;
  constructor(permission: Permission) {
    super("Du har inte behörighet att göra det här.");
    this.permission = permission;
    this.name = "ForbiddenError";
  }
}

export function authorize(
  principal: Principal | undefined,
  permission: Permission,
  associationId: string,
): Principal {
  if (!principal || !can(principal, permission, associationId))
    throw new ForbiddenError(permission);
  return principal;
}

export function authorizeOnInitiative(
  principal: Principal | undefined,
  permission: Permission,
  associationId: string,
  initiativeId: string,
): Principal {
  if (!principal || !canOnInitiative(principal, permission, associationId, initiativeId)) {
    throw new ForbiddenError(permission);
  }
  return principal;
}

/** The permissions a principal holds in an association: drives the navigation. */
export function permissionsIn(principal: Principal, associationId: string): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(principal, p, associationId));
}
