// Who on the staff may write what the participants read in the portal (guides, issue 9; courses,
// issue 10): the office for the whole association, an initiative's lead and participant officers
// for their own initiative. Each kind has its own permission; the rules are the same.
import { and, asc, eq, inArray } from "drizzle-orm";
import { can, canOnInitiative } from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";

export type WritingPermission = "portal.guides" | "course.author";

/** May this person write for the whole association (null) or for one initiative? */
export function mayWriteFor(
  principal: Principal,
  permission: WritingPermission,
  associationId: string,
  initiativeId: string | null,
): boolean {
  return initiativeId === null
    ? can(principal, permission, associationId)
    : canOnInitiative(principal, permission, associationId, initiativeId);
}

/**
 * Where this person may write: "all" (the office), or the initiatives of the association they
 * lead or work with participants on. An empty list: nowhere.
 */
export function writingScopesOf(
  principal: Principal,
  permission: WritingPermission,
  associationId: string,
): "all" | string[] {
  if (can(principal, permission, associationId)) return "all";
  const ids = principal.grants
    .filter((g) => g.associationId === associationId && g.initiativeId)
    .map((g) => g.initiativeId as string)
    .filter((id) => canOnInitiative(principal, permission, associationId, id));
  return [...new Set(ids)];
}

/** The initiatives this person may write for, with their names. */
export async function writingInitiativeChoices(
  q: Queryable,
  principal: Principal,
  permission: WritingPermission,
  associationId: string,
): Promise<{ id: string; name: string }[]> {
  const scopes = writingScopesOf(principal, permission, associationId);
  if (scopes !== "all" && scopes.length === 0) return [];
  return q
    .select({ id: initiatives.id, name: initiatives.name })
    .from(initiatives)
    .where(
      scopes === "all"
        ? eq(initiatives.associationId, associationId)
        : and(eq(initiatives.associationId, associationId), inArray(initiatives.id, scopes)),
    )
    .orderBy(asc(initiatives.name));
}

/**
 * Checks the target a form names: the initiative is the association's (one row, its id only),
 * and this person may write for it (or for the whole association). `what` is the plural noun in
 * the messages: "kurser", "guider".
 */
export async function checkWritingTarget(
  q: Queryable,
  principal: Principal,
  permission: WritingPermission,
  associationId: string,
  initiativeId: string | null,
  what: "kurser" | "guider",
): Promise<void> {
  if (initiativeId !== null) {
    const [initiative] = await q
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(and(eq(initiatives.id, initiativeId), eq(initiatives.associationId, associationId)));
    if (!initiative)
      throw new ValidationError({
        initiativeId: "Insatsen finns inte i förbundet. Välj en insats i listan.",
      });
  }
  if (!mayWriteFor(principal, permission, associationId, initiativeId))
    throw new ValidationError({
      initiativeId:
        initiativeId === null
          ? `Bara förbundets kansli kan skriva ${what} för hela förbundet. Välj en av dina insatser.`
          : `Du kan bara skriva ${what} för insatser där du är insatsledare eller deltagarhandläggare.`,
    });
}
