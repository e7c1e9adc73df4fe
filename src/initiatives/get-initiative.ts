// One initiative with its owner, partners, goals and local units, as the pages and the API show it.
import { and, asc, eq, inArray } from "drizzle-orm";
import { memberOrganisations } from "../associations/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import {
  initiativeGoals,
  initiativeLocalUnits,
  initiativePartners,
  initiatives,
} from "./schema.ts";

export async function getInitiative(q: Queryable, associationId: string, initiativeId: string) {
  const [row] = await q
    .select({ initiative: initiatives, ownerName: memberOrganisations.name })
    .from(initiatives)
    .innerJoin(memberOrganisations, eq(memberOrganisations.id, initiatives.ownerOrganisationId))
    .where(and(eq(initiatives.id, initiativeId), eq(initiatives.associationId, associationId)));
  if (!row) return undefined;
  // one after another: inside a transaction these share one connection
  const partners = await q
    .select({
      id: memberOrganisations.id,
      name: memberOrganisations.name,
      kind: memberOrganisations.kind,
    })
    .from(initiativePartners)
    .innerJoin(memberOrganisations, eq(memberOrganisations.id, initiativePartners.organisationId))
    .where(eq(initiativePartners.initiativeId, initiativeId))
    .orderBy(asc(memberOrganisations.name));
  const goals = await q
    .select()
    .from(initiativeGoals)
    .where(eq(initiativeGoals.initiativeId, initiativeId))
    .orderBy(asc(initiativeGoals.position));
  const localUnits = await q
    .select()
    .from(initiativeLocalUnits)
    .where(eq(initiativeLocalUnits.initiativeId, initiativeId))
    .orderBy(asc(initiativeLocalUnits.position));
  return { ...row.initiative, ownerName: row.ownerName, partners, goals, localUnits };
}

export type InitiativeDetails = NonNullable<Awaited<ReturnType<typeof getInitiative>>>;

/** Names of the partners of several initiatives at once, for lists. */
export async function partnerNames(
  q: Queryable,
  initiativeIds: string[],
): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  if (!initiativeIds.length) return names;
  const rows = await q
    .select({ initiativeId: initiativePartners.initiativeId, name: memberOrganisations.name })
    .from(initiativePartners)
    .innerJoin(memberOrganisations, eq(memberOrganisations.id, initiativePartners.organisationId))
    .where(inArray(initiativePartners.initiativeId, initiativeIds))
    .orderBy(asc(memberOrganisations.name));
  for (const r of rows) names.set(r.initiativeId, [...(names.get(r.initiativeId) ?? []), r.name]);
  return names;
}
