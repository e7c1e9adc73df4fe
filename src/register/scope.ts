// Who may work in which part of the participant register, and how they are named in its access
// log. Only participant officers (deltagaransvarig) get a register scope: the initiatives they
// hold the role on, and the owner organisations of those initiatives as data controllers.
// Everybody else gets an empty scope, in which row-level security shows nothing. The auditor
// gets a scope of another type, for the access log only (AccessLogScope).
import { and, eq, inArray } from "drizzle-orm";
import { can, canOnInitiative } from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import { associations, memberOrganisations } from "../associations/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import { roleLabel } from "../people/role-labels.ts";
import { isRole, type Role } from "../people/roles.ts";
import type { Queryable } from "../platform/database/connect.ts";
import type { RegisterScope } from "./zone.ts";

/** Who reads or changes the register, as the access log records it. */
export interface RegisterActor {
  userId: string | null;
  name: string;
  /** A role code (participant_officer …) or "system" for scheduled work. */
  role: Role | "system";
  /**
   * The organisation the actor acts for, per data controller: a participant officer works for
   * the organisation that owns the initiative. Looked up by the record's data controller.
   */
  organisations: Readonly<Record<string, string>>;
  /** Used when a controller has no entry of its own. */
  organisation: string;
  requestId?: string | null;
}

export interface RegisterAccess {
  scope: RegisterScope;
  actor: RegisterActor;
}

export const EMPTY_SCOPE: RegisterScope = { controllers: [], initiatives: [] };

/** The organisation to log for an action on a record of `controllerId`. */
export const actorOrganisation = (actor: RegisterActor, controllerId: string): string =>
  actor.organisations[controllerId] ?? actor.organisation;

/** How a role of the access log reads in Swedish ("system" for scheduled work). */
export const actorRoleLabel = (role: string): string =>
  isRole(role) ? roleLabel(role) : role === "system" ? "system (automatisk)" : role;

/**
 * The register scope of `principal` in an association: the initiatives on which it may read
 * the register (register.view: participant officers of that initiative) and their owner
 * organisations. With `initiativeId`, that initiative only — or nothing, when the principal is
 * not its participant officer.
 */
export async function registerScopeFor(
  q: Queryable,
  principal: Principal,
  associationId: string,
  initiativeId?: string,
): Promise<RegisterAccess> {
  const granted = [
    ...new Set(
      principal.grants
        .filter(
          (g) =>
            g.associationId === associationId &&
            g.role === "participant_officer" &&
            g.initiativeId !== null &&
            (initiativeId === undefined || g.initiativeId === initiativeId),
        )
        .map((g) => g.initiativeId as string),
    ),
  ].filter((id) => canOnInitiative(principal, "register.view", associationId, id));

  const owned =
    granted.length === 0
      ? []
      : await q
          .select({
            id: initiatives.id,
            ownerId: initiatives.ownerOrganisationId,
            ownerName: memberOrganisations.name,
          })
          .from(initiatives)
          .innerJoin(
            memberOrganisations,
            eq(memberOrganisations.id, initiatives.ownerOrganisationId),
          )
          .where(
            and(eq(initiatives.associationId, associationId), inArray(initiatives.id, granted)),
          );

  const organisations: Record<string, string> = {};
  for (const row of owned) organisations[row.ownerId] = row.ownerName;
  const names = [...new Set(owned.map((r) => r.ownerName))].sort((a, b) =>
    a.localeCompare(b, "sv"),
  );
  return {
    scope: {
      controllers: Object.keys(organisations),
      initiatives: owned.map((r) => r.id),
    },
    actor: {
      userId: principal.userId,
      name: principal.name,
      role: owned.length > 0 ? "participant_officer" : firstRole(principal, associationId),
      organisations,
      organisation: names.length > 0 ? names.join(", ") : await associationName(q, associationId),
      requestId: null,
    },
  };
}

function firstRole(principal: Principal, associationId: string): Role | "system" {
  return principal.grants.find((g) => g.associationId === associationId)?.role ?? "system";
}

async function associationName(q: Queryable, associationId: string): Promise<string> {
  const [row] = await q
    .select({ name: associations.name })
    .from(associations)
    .where(eq(associations.id, associationId));
  return row?.name ?? "";
}

/**
 * The auditor's view of the register: the access log of every data controller of one
 * association, and nothing else. It is a type of its own, not a RegisterScope, so it cannot be
 * handed to a function that reads participants; only src/register/access-log.ts takes it.
 */
export interface AccessLogScope {
  kind: "access_log";
  associationId: string;
  controllers: readonly string[];
}

/** The access-log scope of an auditor (register.access_log), or null for anybody else. */
export async function accessLogScopeFor(
  q: Queryable,
  principal: Principal,
  associationId: string,
): Promise<AccessLogScope | null> {
  if (!can(principal, "register.access_log", associationId)) return null;
  const controllers = await q
    .select({ id: memberOrganisations.id })
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, associationId));
  return { kind: "access_log", associationId, controllers: controllers.map((c) => c.id) };
}

/** The actor of scheduled work (retention), named as the access log shows it. */
export function systemActor(name: string): RegisterActor {
  return { userId: null, name, role: "system", organisations: {}, organisation: "Samspår" };
}
