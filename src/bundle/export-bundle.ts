// Writes an association's register as a bundle (see bundle-schema.ts). Everything is sorted so
// that the same data always gives the same document: export → import → export differs only in
// exportedAt.
import { asc, eq, inArray } from "drizzle-orm";
import { associations, memberOrganisations } from "../associations/schema.ts";
import {
  initiativeGoals,
  initiativeLocalUnits,
  initiativePartners,
  initiatives,
} from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { NotFoundError } from "../platform/errors.ts";
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type Bundle,
  type BundleInitiative,
} from "./bundle-schema.ts";

const swedish = new Intl.Collator("sv");
/** Swedish order, ties broken by code units so the order never depends on the collator alone. */
const compare = (a: string, b: string) => swedish.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

export async function exportBundle(
  q: Queryable,
  associationId: string,
  now: Date = new Date(),
): Promise<Bundle> {
  const [association] = await q
    .select()
    .from(associations)
    .where(eq(associations.id, associationId));
  if (!association) throw new NotFoundError("Förbundet finns inte.");
  const orgs = await q
    .select()
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, associationId));
  const orgNumberById = new Map(orgs.map((o) => [o.id, o.orgNumber]));
  const orgNumberOf = (id: string) => {
    const value = orgNumberById.get(id);
    if (!value) throw new Error(`organisation ${id} is not a member of the association`);
    return value;
  };

  const rows = await q
    .select()
    .from(initiatives)
    .where(eq(initiatives.associationId, associationId));
  const ids = rows.map((r) => r.id);
  // one query after another: q may be a transaction, which runs one query at a time
  const partners = ids.length
    ? await q.select().from(initiativePartners).where(inArray(initiativePartners.initiativeId, ids))
    : [];
  const goals = ids.length
    ? await q
        .select()
        .from(initiativeGoals)
        .where(inArray(initiativeGoals.initiativeId, ids))
        .orderBy(asc(initiativeGoals.position))
    : [];
  const units = ids.length
    ? await q
        .select()
        .from(initiativeLocalUnits)
        .where(inArray(initiativeLocalUnits.initiativeId, ids))
        .orderBy(asc(initiativeLocalUnits.position))
    : [];
  const byInitiative = <T extends { initiativeId: string }>(list: T[], id: string) =>
    list.filter((x) => x.initiativeId === id);

  const bundleInitiatives: BundleInitiative[] = rows
    .map((r) => ({
      key: r.id,
      name: r.name,
      owner: orgNumberOf(r.ownerOrganisationId),
      partners: byInitiative(partners, r.id)
        .map((p) => orgNumberOf(p.organisationId))
        .sort(compare),
      status: r.status,
      orientation: r.orientation,
      preRehabilitation: r.preRehabilitation,
      esf: r.esf,
      startDate: r.startDate,
      endDate: r.endDate,
      lastIntakeDate: r.lastIntakeDate,
      plannedEndDate: r.plannedEndDate,
      targetGroup: r.targetGroup,
      expectedParticipants: r.expectedParticipants,
      expectedParticipantsOngoing: r.expectedParticipantsOngoing,
      goals: byInitiative(goals, r.id).map((g) => ({
        text: g.text,
        kind: g.kind,
        targetNumber: g.targetNumber,
        targetPercent: g.targetPercent,
      })),
      localUnits: byInitiative(units, r.id).map((u) => ({
        name: u.name,
        expectedParticipants: u.expectedParticipants,
      })),
    }))
    .sort((a, b) => compare(a.name, b.name) || compare(a.key, b.key));

  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: now.toISOString(),
    association: {
      slug: association.slug,
      name: association.name,
      orgNumber: association.orgNumber,
      requireStaffTotp: association.requireStaffTotp,
    },
    memberOrganisations: orgs
      .map((o) => ({ key: o.orgNumber, name: o.name, orgNumber: o.orgNumber, kind: o.kind }))
      .sort((a, b) => compare(a.orgNumber, b.orgNumber)),
    initiatives: bundleInitiatives,
  };
}

/** The bundle as the file holds it: two-space indentation and a final newline. */
export const bundleJson = (bundle: Bundle) => `${JSON.stringify(bundle, null, 2)}\n`;
