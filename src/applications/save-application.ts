// Starting an application and saving drafts of it. Every save is a new version with a full
// snapshot, so the history shows who changed what and when. A save carries the version it was
// based on: a save by someone else in between is refused with their changes shown, never
// overwritten. While an application is open, its initiative (status "ansökan") mirrors it.
import { and, eq, isNotNull } from "drizzle-orm";
import { memberOrganisations } from "../associations/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { insertInitiative, writeInitiativeChildren } from "../initiatives/save-initiative.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { InitiativeValues } from "../initiatives/validate-initiative.ts";
import { roleAssignments, users } from "../people/schema.ts";
import type { Queryable, Tx } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import type { ApplicationContent } from "./content.ts";
import { diffContent } from "./diff.ts";
import {
  type ApplicationStatus,
  applicationSignatures,
  applications,
  applicationVersions,
} from "./schema.ts";
import { getApplicationSettings } from "./settings.ts";
import { type ApplicationInput, validateApplication } from "./validate-application.ts";

/** Statuses in which the applicant (or the office) may change the content. */
export const EDITABLE_STATUSES: ReadonlySet<ApplicationStatus> = new Set([
  "utkast",
  "komplettering",
]);

async function actorName(tx: Tx, actor: AuditActor): Promise<string> {
  if (!actor.userId) return actor.label;
  const [u] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  return u?.name ?? actor.label;
}

/** Appends the snapshot of one version; called for every change of content or status. */
export async function writeApplicationVersion(
  tx: Tx,
  actor: AuditActor,
  row: { id: string; version: number; status: ApplicationStatus; content: ApplicationContent },
  event: string,
  note: string | null = null,
  at?: Date,
): Promise<void> {
  await tx.insert(applicationVersions).values({
    applicationId: row.id,
    version: row.version,
    status: row.status,
    content: row.content,
    event,
    note,
    actorUserId: actor.userId,
    actorName: await actorName(tx, actor),
    // the clock, not the transaction's start: versions written in one transaction stay in order
    createdAt: at ?? new Date(),
  });
}

/** The initiative's own fields as an application states them. */
export const initiativeValuesOf = (
  c: ApplicationContent,
  status: InitiativeValues["status"] = "ansokan",
): InitiativeValues => ({
  name: c.name,
  ownerOrganisationId: c.ownerOrganisationId,
  partnerIds: c.partnerIds,
  status,
  orientation: c.orientation,
  preRehabilitation: c.preRehabilitation,
  esf: c.esf,
  startDate: c.startDate,
  endDate: c.endDate,
  lastIntakeDate: c.lastIntakeDate,
  plannedEndDate: null,
  targetGroup: c.targetGroup,
  expectedParticipants: c.expectedParticipants,
  expectedParticipantsOngoing: c.expectedParticipantsOngoing,
  goals: c.goals,
  localUnits: c.localUnits,
});

/** Makes the initiative say what its application says (only while it is an application). */
export async function mirrorToInitiative(
  tx: Tx,
  initiativeId: string,
  values: InitiativeValues,
): Promise<void> {
  const { partnerIds: _p, goals: _g, localUnits: _l, ...columns } = values;
  const [current] = await tx
    .select({ version: initiatives.version })
    .from(initiatives)
    .where(eq(initiatives.id, initiativeId))
    .for("update");
  if (!current) throw new NotFoundError("Insatsen finns inte.");
  await tx
    .update(initiatives)
    .set({ ...columns, version: current.version + 1, updatedAt: new Date() })
    .where(eq(initiatives.id, initiativeId));
  await writeInitiativeChildren(tx, initiativeId, values);
}

export interface CreateApplicationOptions {
  /** The office registers an application that arrived on paper or by e-mail. */
  onPaper?: boolean;
  /** Give the creator the initiative lead role on the new initiative (an applicant). */
  makeCreatorLead?: boolean;
  /** Keep given ids (the bundle). */
  id?: string;
  initiativeId?: string;
}

/** Starts an application as a draft, with its initiative in status "ansökan". */
export async function createApplication(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  input: ApplicationInput,
  options: CreateApplicationOptions = {},
): Promise<string> {
  const content = await validateApplication(q, associationId, input, "draft");
  const settings = await getApplicationSettings(q, associationId);
  return q.transaction(async (tx) => {
    const initiativeId = await insertInitiative(
      tx,
      actor,
      associationId,
      initiativeValuesOf(content),
      { source: "application", ...(options.initiativeId ? { id: options.initiativeId } : {}) },
    );
    const [row] = await tx
      .insert(applications)
      .values({
        ...(options.id ? { id: options.id } : {}),
        associationId,
        initiativeId,
        status: "utkast",
        content,
        formVersion: settings.formVersion,
        receivedOnPaper: options.onPaper ?? false,
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await writeApplicationVersion(tx, actor, row, "created");
    if (options.makeCreatorLead && actor.userId) {
      await tx
        .insert(roleAssignments)
        .values({ userId: actor.userId, associationId, initiativeId, role: "initiative_lead" })
        .onConflictDoNothing();
      await recordAuditEvent(tx, actor, {
        action: "role.assigned",
        associationId,
        targetType: "user",
        targetId: actor.userId,
        details: { role: "initiative_lead", initiativeId, reason: "sökande" },
      });
    }
    await recordAuditEvent(tx, actor, {
      action: "application.created",
      associationId,
      targetType: "application",
      targetId: row.id,
      details: { name: content.name, onPaper: options.onPaper ?? false },
    });
    return row.id;
  });
}

/**
 * Locks the application row for a change and checks the version the change was based on.
 * A stale version is refused with the other person's changes since that version.
 */
export async function lockApplication(
  tx: Tx,
  associationId: string,
  applicationId: string,
  expectedVersion: number | undefined,
) {
  const [row] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.associationId, associationId)))
    .for("update");
  if (!row) throw new NotFoundError("Ansökan finns inte.");
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    const [base] = await tx
      .select()
      .from(applicationVersions)
      .where(
        and(
          eq(applicationVersions.applicationId, applicationId),
          eq(applicationVersions.version, expectedVersion),
        ),
      );
    const orgs = await tx
      .select({ id: memberOrganisations.id, name: memberOrganisations.name })
      .from(memberOrganisations)
      .where(eq(memberOrganisations.associationId, associationId));
    const name = new Map(orgs.map((o) => [o.id, o.name]));
    const changes = base
      ? diffContent(base.content, row.content, (id) => name.get(id) ?? id).map((c) => ({
          field: c.key,
          label: c.label,
          before: c.before,
          theirs: c.after,
        }))
      : [];
    const [latest] = await tx
      .select({ actorName: applicationVersions.actorName, event: applicationVersions.event })
      .from(applicationVersions)
      .where(
        and(
          eq(applicationVersions.applicationId, applicationId),
          eq(applicationVersions.version, row.version),
        ),
      );
    const who = latest?.actorName ?? "Någon annan";
    const statusChanged = base && base.status !== row.status;
    throw new ConflictError(
      `${who} har ändrat ansökan medan du arbetade (version ${row.version}, du utgick från version ${expectedVersion}). ` +
        (changes.length
          ? `Deras ändringar: ${changes.map((c) => c.label.toLowerCase()).join(", ")}. `
          : statusChanged
            ? "Ansökans status har ändrats. "
            : "") +
        "Dina ändringar är inte sparade. Jämför med deras ändringar nedan och spara igen.",
      changes,
    );
  }
  return row;
}

/** Saves a draft (or a completion): incomplete is fine, inconsistent is not. */
export async function saveApplication(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  applicationId: string,
  expectedVersion: number,
  input: ApplicationInput,
): Promise<{ version: number; signaturesRemoved: number }> {
  const content = await validateApplication(q, associationId, input, "draft");
  return q.transaction(async (tx) => {
    const row = await lockApplication(tx, associationId, applicationId, expectedVersion);
    if (!EDITABLE_STATUSES.has(row.status))
      throw new ValidationError({
        status:
          row.status === "beviljad" || row.status === "avslagen"
            ? "Ansökan är beslutad och kan inte ändras."
            : "Ansökan är inskickad och kan inte ändras förrän förbundet skickar tillbaka den för komplettering.",
      });
    if (JSON.stringify(row.content) === JSON.stringify(content))
      return { version: row.version, signaturesRemoved: 0 };
    // a signature covers the content it was given for
    const removed = await tx
      .delete(applicationSignatures)
      .where(
        and(
          eq(applicationSignatures.applicationId, applicationId),
          isNotNull(applicationSignatures.signedAt),
        ),
      )
      .returning({ id: applicationSignatures.id });
    const version = row.version + 1;
    await tx
      .update(applications)
      .set({ content, version, updatedAt: new Date() })
      .where(eq(applications.id, applicationId));
    await mirrorToInitiative(tx, row.initiativeId, initiativeValuesOf(content));
    await writeApplicationVersion(
      tx,
      actor,
      { ...row, content, version },
      "saved",
      removed.length
        ? `${removed.length} underskrift(er) togs bort eftersom innehållet ändrades.`
        : null,
    );
    const changed = diffContent(row.content, content, (id) => id).map((c) => c.key);
    await recordAuditEvent(tx, actor, {
      action: "application.saved",
      associationId,
      targetType: "application",
      targetId: applicationId,
      details: { version, changed, signaturesRemoved: removed.length },
    });
    return { version, signaturesRemoved: removed.length };
  });
}
