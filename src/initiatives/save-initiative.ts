// Registers a new initiative, or saves changes to one. Changes carry the version they were
// based on: someone else's save in between is reported with what they changed, never
// overwritten. Partners, goals and local units are saved with the initiative, as one.
import { and, eq, inArray } from "drizzle-orm";
import { applications } from "../applications/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable, Tx } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { getInitiative, type InitiativeDetails } from "./get-initiative.ts";
import {
  initiativeGoals,
  initiativeLocalUnits,
  initiativePartners,
  initiatives,
} from "./schema.ts";
import {
  type InitiativeInput,
  type InitiativeValues,
  validateInitiative,
} from "./validate-initiative.ts";

/** Partners, goals and local units, replaced as one with the initiative. */
export async function writeInitiativeChildren(
  tx: Tx,
  initiativeId: string,
  values: InitiativeValues,
) {
  await tx.delete(initiativePartners).where(eq(initiativePartners.initiativeId, initiativeId));
  await tx.delete(initiativeGoals).where(eq(initiativeGoals.initiativeId, initiativeId));
  await tx.delete(initiativeLocalUnits).where(eq(initiativeLocalUnits.initiativeId, initiativeId));
  if (values.partnerIds.length) {
    await tx
      .insert(initiativePartners)
      .values(values.partnerIds.map((organisationId) => ({ initiativeId, organisationId })));
  }
  if (values.goals.length) {
    await tx
      .insert(initiativeGoals)
      .values(values.goals.map((g, position) => ({ ...g, initiativeId, position })));
  }
  if (values.localUnits.length) {
    await tx
      .insert(initiativeLocalUnits)
      .values(values.localUnits.map((u, position) => ({ ...u, initiativeId, position })));
  }
}

/** The initiative row's own columns (without partners, goals and local units). */
const columns = (values: InitiativeValues) => {
  const { partnerIds: _p, goals: _g, localUnits: _l, ...rest } = values;
  return rest;
};

/**
 * Inserts a validated initiative with its partners, goals and local units and its audit
 * event, inside the caller's transaction. `id` keeps a given id (the bundle's key).
 */
export async function insertInitiative(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  values: InitiativeValues,
  options: { id?: string; source?: string } = {},
): Promise<string> {
  const [row] = await tx
    .insert(initiatives)
    .values({ ...columns(values), associationId, ...(options.id ? { id: options.id } : {}) })
    .returning({ id: initiatives.id });
  if (!row) throw new Error("insert returned nothing");
  await writeInitiativeChildren(tx, row.id, values);
  await recordAuditEvent(tx, actor, {
    action: "initiative.created",
    associationId,
    targetType: "initiative",
    targetId: row.id,
    details: {
      name: values.name,
      status: values.status,
      ...(options.source ? { source: options.source } : {}),
    },
  });
  return row.id;
}

/**
 * Writes a validated change to a locked initiative: its row (version + 1), its partners, goals
 * and local units, and the audit event naming the changed fields.
 */
export async function writeInitiativeChange(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  fromVersion: number,
  values: InitiativeValues,
  changed: string[],
  source?: string,
): Promise<void> {
  await tx
    .update(initiatives)
    .set({ ...columns(values), version: fromVersion + 1, updatedAt: new Date() })
    .where(eq(initiatives.id, initiativeId));
  await writeInitiativeChildren(tx, initiativeId, values);
  await recordAuditEvent(tx, actor, {
    action: "initiative.updated",
    associationId,
    targetType: "initiative",
    targetId: initiativeId,
    details: { changed, ...(source ? { source } : {}) },
  });
}

export async function createInitiative(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  input: InitiativeInput,
): Promise<InitiativeDetails> {
  const values = await validateInitiative(q, associationId, input);
  const id = await q.transaction((tx) => insertInitiative(tx, actor, associationId, values));
  const saved = await getInitiative(q, associationId, id);
  if (!saved) throw new Error("saved initiative missing");
  return saved;
}

/** The initiative's values as the initiative writer takes them. */
export const initiativeValuesOf = (d: InitiativeDetails): InitiativeValues => ({
  name: d.name,
  ownerOrganisationId: d.ownerOrganisationId,
  partnerIds: d.partners.map((p) => p.id),
  status: d.status,
  orientation: d.orientation,
  preRehabilitation: d.preRehabilitation,
  esf: d.esf,
  startDate: d.startDate,
  endDate: d.endDate,
  lastIntakeDate: d.lastIntakeDate,
  plannedEndDate: d.plannedEndDate,
  targetGroup: d.targetGroup,
  expectedParticipants: d.expectedParticipants,
  expectedParticipantsOngoing: d.expectedParticipantsOngoing,
  goals: d.goals.map(({ text, kind, targetNumber, targetPercent }) => ({
    text,
    kind,
    targetNumber,
    targetPercent,
  })),
  localUnits: d.localUnits.map(({ name, expectedParticipants }) => ({
    name,
    expectedParticipants,
  })),
});

/** What changed between two saved states, field by field, for the audit log and conflicts. */
export function changedFields(before: InitiativeDetails, after: InitiativeValues): string[] {
  const comparable = (d: InitiativeDetails): InitiativeValues => {
    const values = initiativeValuesOf(d);
    return { ...values, partnerIds: [...values.partnerIds].sort() };
  };
  const a = comparable(before) as unknown as Record<string, unknown>;
  const b = { ...after, partnerIds: [...after.partnerIds].sort() } as unknown as Record<
    string,
    unknown
  >;
  return Object.keys(b).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

export async function updateInitiative(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  expectedVersion: number,
  input: InitiativeInput,
): Promise<InitiativeDetails> {
  const values = await validateInitiative(q, associationId, input);
  await q.transaction(async (tx) => {
    const [locked] = await tx
      .select({ version: initiatives.version })
      .from(initiatives)
      .where(and(eq(initiatives.id, initiativeId), eq(initiatives.associationId, associationId)))
      .for("update");
    if (!locked) throw new NotFoundError("Insatsen finns inte.");
    const [open] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.initiativeId, initiativeId),
          inArray(applications.status, ["utkast", "inskickad", "under_beredning", "komplettering"]),
        ),
      );
    if (open)
      throw new ValidationError({
        status:
          "Insatsen är en ansökan som inte är beslutad än. Ändra uppgifterna i ansökan; insatsen följer den.",
      });
    const current = await getInitiative(tx, associationId, initiativeId);
    if (!current) throw new NotFoundError("Insatsen finns inte.");
    if (locked.version !== expectedVersion) {
      const theirs = changedFields(current, values);
      throw new ConflictError(
        `Någon annan har sparat insatsen medan du arbetade (version ${locked.version}, du utgick från ${expectedVersion}). ` +
          `Deras version skiljer sig från din i: ${theirs.map(fieldLabel).join(", ") || "inga fält"}. ` +
          "Hämta den senaste versionen, se deras ändringar och gör om dina.",
      );
    }
    await writeInitiativeChange(
      tx,
      actor,
      associationId,
      initiativeId,
      locked.version,
      values,
      changedFields(current, values),
    );
  });
  const saved = await getInitiative(q, associationId, initiativeId);
  if (!saved) throw new Error("saved initiative missing");
  return saved;
}

const LABELS: Record<string, string> = {
  name: "namn",
  ownerOrganisationId: "insatsägare",
  partnerIds: "samverkansparter",
  status: "status",
  orientation: "inriktning",
  preRehabilitation: "förrehabiliterande",
  esf: "ESF",
  startDate: "startdatum",
  endDate: "slutdatum",
  lastIntakeDate: "sista intag",
  plannedEndDate: "planerat slut",
  targetGroup: "målgrupp",
  expectedParticipants: "antal deltagare",
  expectedParticipantsOngoing: "löpande antal",
  goals: "mål",
  localUnits: "delområden",
};
export const fieldLabel = (field: string) => LABELS[field] ?? field;
