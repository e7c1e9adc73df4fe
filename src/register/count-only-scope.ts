// Who may read and enter the count-only participation of a structural initiative (women, men and
// others per period), and in which register scope. The counts hold no identities, so besides the
// initiative's participant officers the office may enter them too (register.count_only): it
// often gets the figures from a conference or a training by mail.
//
// The office's scope names the one structural initiative and its owner, and nothing else. A
// structural initiative has no enrollments or consents (registerParticipant and the import
// refuse it), so that scope reaches its count-only rows only; and it is handed to
// listCountOnly / recordCountOnly alone. An individual initiative gets no scope from here.
import { and, eq } from "drizzle-orm";
import { canOnInitiative } from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { UUID } from "../platform/uuid.ts";
import { EMPTY_SCOPE, type RegisterAccess, registerScopeFor } from "./scope.ts";

export interface CountOnlyAccess extends RegisterAccess {
  initiative: { id: string; name: string; orientation: "individual" | "structural" };
  /** A participant officer of the initiative (who also sees its participants). */
  officer: boolean;
}

/**
 * The count-only access of `principal` to an initiative of the association: null when the
 * initiative does not exist there, "forbidden" without register.count_only on it.
 */
export async function countOnlyAccessFor(
  q: Queryable,
  principal: Principal,
  associationId: string,
  initiativeId: string,
): Promise<CountOnlyAccess | "forbidden" | null> {
  if (!UUID.test(initiativeId)) return null;
  const [initiative] = await q
    .select({
      id: initiatives.id,
      name: initiatives.name,
      orientation: initiatives.orientation,
      ownerId: initiatives.ownerOrganisationId,
    })
    .from(initiatives)
    .where(and(eq(initiatives.id, initiativeId), eq(initiatives.associationId, associationId)));
  if (!initiative) return null;
  if (!canOnInitiative(principal, "register.count_only", associationId, initiativeId))
    return "forbidden";
  const view = { id: initiative.id, name: initiative.name, orientation: initiative.orientation };
  const own = await registerScopeFor(q, principal, associationId, initiativeId);
  if (own.scope.initiatives.includes(initiativeId))
    return { ...own, initiative: view, officer: true };
  return {
    actor: own.actor,
    scope:
      initiative.orientation === "structural"
        ? { controllers: [initiative.ownerId], initiatives: [initiative.id] }
        : EMPTY_SCOPE,
    initiative: view,
    officer: false,
  };
}
