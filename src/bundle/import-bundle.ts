// Reads a bundle (see bundle-schema.ts) into the instance, in one transaction: the association
// is created if its slug is new, member organisations are matched by org number, initiatives by
// their key. What is new is created, what differs is updated, the rest is left alone; nothing is
// ever deleted. The same bundle twice changes nothing. Every rule of the web form applies: one
// problem anywhere and nothing is written.
import { and, eq, inArray } from "drizzle-orm";
import { createAssociation } from "../associations/create-association.ts";
import {
  addMemberOrganisation,
  updateMemberOrganisation,
} from "../associations/member-organisations.ts";
import { checkOrgNumber } from "../associations/org-number.ts";
import { associations, memberOrganisations } from "../associations/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { getInitiative } from "../initiatives/get-initiative.ts";
import {
  changedFields,
  fieldLabel,
  insertInitiative,
  writeInitiativeChange,
} from "../initiatives/save-initiative.ts";
import { initiatives } from "../initiatives/schema.ts";
import {
  type InitiativeInput,
  type InitiativeValues,
  validateInitiative,
} from "../initiatives/validate-initiative.ts";
import type { Queryable, Tx } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { type Bundle, type BundleInitiative, parseBundle } from "./bundle-schema.ts";

export const IMPORT_ACTOR: AuditActor = { userId: null, label: "cli:import" };

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportResult {
  association: { id: string; slug: string; name: string; outcome: keyof ImportCounts };
  memberOrganisations: ImportCounts;
  initiatives: ImportCounts;
}

const counts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

/** Re-raises a use case's ValidationError with each field placed in the bundle. */
function placed(error: unknown, where: string, label = ""): never {
  if (!(error instanceof ValidationError)) throw error;
  throw new ValidationError(
    Object.fromEntries(
      Object.entries(error.fields).map(([field, message]) => [
        `${where}.${field}`,
        `${where}.${field}${label}: ${message}`,
      ]),
    ),
  );
}

/** validateInitiative's field names, as the bundle spells them. */
const bundleField = (field: string) => {
  const renamed =
    field === "ownerOrganisationId" ? "owner" : field === "partnerIds" ? "partners" : field;
  return renamed.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
};

async function importAssociation(tx: Tx, actor: AuditActor, input: Bundle["association"]) {
  const slug = input.slug.trim().toLowerCase();
  const [existing] = await tx.select().from(associations).where(eq(associations.slug, slug));
  if (!existing) {
    const created = await createAssociation(tx, actor, {
      slug,
      name: input.name,
      orgNumber: input.orgNumber ?? undefined,
      requireStaffTotp: input.requireStaffTotp,
    }).catch((error) => placed(error, "association"));
    return { row: created, outcome: "created" as const };
  }
  const name = input.name.trim();
  if (!name)
    throw new ValidationError({ "association.name": "association.name: Fyll i förbundets namn." });
  let orgNumber: string | null = null;
  if (input.orgNumber) {
    const check = checkOrgNumber(input.orgNumber);
    if (!check.ok)
      throw new ValidationError({
        "association.orgNumber": `association.orgNumber: ${check.problem}`,
      });
    orgNumber = check.value;
  }
  // requireStaffTotp is only used when the import creates the association: a file never lowers
  // an existing association's sign-in requirements.
  if (existing.name === name && existing.orgNumber === orgNumber) {
    return { row: existing, outcome: "unchanged" as const };
  }
  const [row] = await tx
    .update(associations)
    .set({ name, orgNumber, version: existing.version + 1 })
    .where(eq(associations.id, existing.id))
    .returning();
  if (!row) throw new Error("update returned nothing");
  await recordAuditEvent(tx, actor, {
    action: "association.updated",
    associationId: existing.id,
    targetType: "association",
    targetId: existing.id,
    details: {
      ...(existing.name !== name ? { name: { from: existing.name, to: name } } : {}),
      ...(existing.orgNumber !== orgNumber
        ? { orgNumber: { from: existing.orgNumber, to: orgNumber } }
        : {}),
    },
  });
  return { row, outcome: "updated" as const };
}

async function importMemberOrganisations(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  list: Bundle["memberOrganisations"],
): Promise<ImportCounts> {
  const result = counts();
  const seen = new Map<string, number>();
  list.forEach((o, i) => {
    const first = seen.get(o.orgNumber);
    if (first !== undefined) {
      throw new ValidationError({
        [`memberOrganisations[${i}].orgNumber`]: `memberOrganisations[${i}].orgNumber: Organisationsnumret ${o.orgNumber} finns redan i memberOrganisations[${first}].`,
      });
    }
    seen.set(o.orgNumber, i);
  });
  const existing = await tx
    .select()
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, associationId));
  const byOrgNumber = new Map(existing.map((o) => [o.orgNumber, o]));
  for (const [i, o] of list.entries()) {
    const where = `memberOrganisations[${i}]`;
    const input = { name: o.name, orgNumber: o.orgNumber, kind: o.kind };
    const current = byOrgNumber.get(o.orgNumber);
    if (!current) {
      await addMemberOrganisation(tx, actor, associationId, input).catch((e) => placed(e, where));
      result.created++;
    } else if (current.name !== o.name.trim() || current.kind !== o.kind) {
      await updateMemberOrganisation(
        tx,
        actor,
        associationId,
        current.id,
        current.version,
        input,
      ).catch((e) => placed(e, where));
      result.updated++;
    } else {
      result.unchanged++;
    }
  }
  return result;
}

/** Checks every initiative first, so that the refusal lists all problems at once. */
async function validateInitiatives(
  tx: Tx,
  associationId: string,
  list: BundleInitiative[],
): Promise<Array<{ key: string; values: InitiativeValues; exists: boolean }>> {
  const problems: Record<string, string> = {};
  const keys = list.map((i) => i.key.toLowerCase());
  const found = keys.length
    ? await tx
        .select({ id: initiatives.id, associationId: initiatives.associationId })
        .from(initiatives)
        .where(inArray(initiatives.id, keys))
    : [];
  const ownerOf = new Map(found.map((r) => [r.id, r.associationId]));
  const orgs = await tx
    .select({ id: memberOrganisations.id, orgNumber: memberOrganisations.orgNumber })
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, associationId));
  const orgId = new Map(orgs.map((o) => [o.orgNumber, o.id]));
  const unknownOrg = (n: string) =>
    `Organisationsnumret ${n} finns inte bland förbundets medlemsorganisationer.`;

  const validated: Array<{ key: string; values: InitiativeValues; exists: boolean }> = [];
  for (const [i, item] of list.entries()) {
    const where = `initiatives[${i}]`;
    const about = ` (insatsen "${item.name}")`;
    const add = (field: string, message: string) => {
      problems[`${where}.${field}`] ??= `${where}.${field}${about}: ${message}`;
    };
    const key = keys[i] ?? item.key;
    const firstWithKey = keys.indexOf(key);
    if (firstWithKey !== i) add("key", `Nyckeln finns redan i initiatives[${firstWithKey}].`);
    const holder = ownerOf.get(key);
    if (holder && holder !== associationId)
      add("key", "Nyckeln används redan av en insats i ett annat förbund.");

    const owner = orgId.get(item.owner);
    if (!owner) add("owner", unknownOrg(item.owner));
    const unknownPartners = item.partners.filter((p) => !orgId.has(p));
    if (unknownPartners.length) add("partners", unknownOrg(unknownPartners.join(", ")));

    const input: InitiativeInput = {
      ...item,
      ownerOrganisationId: owner ?? "",
      partnerIds: item.partners.flatMap((p) => orgId.get(p) ?? []),
    };
    try {
      const values = await validateInitiative(tx, associationId, input);
      validated.push({ key, values, exists: holder === associationId });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const [field, message] of Object.entries(error.fields)) {
        const label = field.includes(".") ? "" : `, ${fieldLabel(field)}`;
        problems[`${where}.${bundleField(field)}`] ??=
          `${where}.${bundleField(field)} (insatsen "${item.name}"${label}): ${message}`;
      }
    }
  }
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return validated;
}

async function writeInitiatives(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  list: Array<{ key: string; values: InitiativeValues; exists: boolean }>,
): Promise<ImportCounts> {
  const result = counts();
  for (const { key, values, exists } of list) {
    if (!exists) {
      await insertInitiative(tx, actor, associationId, values, { id: key, source: "bundle" });
      result.created++;
      continue;
    }
    const [locked] = await tx
      .select({ version: initiatives.version })
      .from(initiatives)
      .where(and(eq(initiatives.id, key), eq(initiatives.associationId, associationId)))
      .for("update");
    const current = await getInitiative(tx, associationId, key);
    if (!locked || !current) throw new Error(`initiative ${key} vanished during the import`);
    const changed = changedFields(current, values);
    if (!changed.length) {
      result.unchanged++;
      continue;
    }
    await writeInitiativeChange(
      tx,
      actor,
      associationId,
      key,
      locked.version,
      values,
      changed,
      "bundle",
    );
    result.updated++;
  }
  return result;
}

/** Imports a bundle given as its JSON text or as an already parsed bundle. */
export async function importBundle(
  q: Queryable,
  actor: AuditActor,
  source: string | Bundle,
): Promise<ImportResult> {
  const bundle = typeof source === "string" ? parseBundle(source) : source;
  return q.transaction(async (tx) => {
    const association = await importAssociation(tx, actor, bundle.association);
    const associationId = association.row.id;
    const orgs = await importMemberOrganisations(
      tx,
      actor,
      associationId,
      bundle.memberOrganisations,
    );
    const validated = await validateInitiatives(tx, associationId, bundle.initiatives);
    const written = await writeInitiatives(tx, actor, associationId, validated);
    const result: ImportResult = {
      association: {
        id: associationId,
        slug: association.row.slug,
        name: association.row.name,
        outcome: association.outcome,
      },
      memberOrganisations: orgs,
      initiatives: written,
    };
    const changed =
      association.outcome !== "unchanged" ||
      orgs.created + orgs.updated + written.created + written.updated > 0;
    // a bundle that changes nothing leaves no trace, so importing it again is a true no-op
    if (changed) {
      await recordAuditEvent(tx, actor, {
        action: "bundle.imported",
        associationId,
        targetType: "association",
        targetId: associationId,
        details: {
          format: bundle.format,
          version: bundle.version,
          exportedAt: bundle.exportedAt ?? null,
          memberOrganisations: orgs,
          initiatives: written,
        },
      });
    }
    return result;
  });
}
