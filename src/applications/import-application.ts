// Writes an application as another instance had it (the association bundle, bundle/*): its
// row, every version with the time it was made, its signatures and its comments, inside the
// caller's transaction. The history stays append-only: an application already here is only
// brought forward by versions that come after the ones it has; a history that differs from the
// stored one is refused, never rewritten. The same application twice changes nothing.
import { isDeepStrictEqual } from "node:util";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Tx } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import type { ApplicationContent } from "./content.ts";
import {
  type ApplicationStatus,
  applicationComments,
  applicationSignatures,
  applications,
  applicationVersions,
  type SignatureMethod,
} from "./schema.ts";

/** An application with its organisations and initiative as ids of this instance. */
export interface ApplicationRecord {
  id: string;
  initiativeId: string;
  status: ApplicationStatus;
  content: ApplicationContent;
  formVersion: string;
  receivedOnPaper: boolean;
  registryNumber: string | null;
  arrivalDate: string | null;
  submittedAt: Date | null;
  returnMessage: string | null;
  decision: "beviljad" | "avslagen" | null;
  decidedAmount: number | null;
  decidedStartDate: string | null;
  decidedEndDate: string | null;
  decisionConditions: string | null;
  decisionMeeting: string | null;
  decisionParagraph: string | null;
  decisionDate: string | null;
  /** Given signatures only; open requests by link are not moved. */
  signatures: Array<{
    organisationId: string;
    signerName: string;
    signerEmail: string;
    signerTitle: string;
    method: SignatureMethod;
    signedOn: string;
    signedAt: Date;
    signedVersion: number;
  }>;
  comments: Array<{ authorName: string; text: string; createdAt: Date }>;
  /** Every version, 1, 2, 3, … in order; the last one is the application as it is. */
  versions: Array<{
    version: number;
    status: ApplicationStatus;
    content: ApplicationContent;
    event: string;
    note: string | null;
    actorName: string;
    createdAt: Date;
  }>;
}

export type ImportOutcome = "created" | "updated" | "unchanged";

/** The row's own fields, as compared and written. */
const rowFields = (r: ApplicationRecord | typeof applications.$inferSelect) => ({
  status: r.status,
  content: r.content,
  formVersion: r.formVersion,
  receivedOnPaper: r.receivedOnPaper,
  registryNumber: r.registryNumber,
  arrivalDate: r.arrivalDate,
  submittedAt: r.submittedAt,
  returnMessage: r.returnMessage,
  decision: r.decision,
  decidedAmount: r.decidedAmount,
  decidedStartDate: r.decidedStartDate,
  decidedEndDate: r.decidedEndDate,
  decisionConditions: r.decisionConditions,
  decisionMeeting: r.decisionMeeting,
  decisionParagraph: r.decisionParagraph,
  decisionDate: r.decisionDate,
});

const versionFields = (v: ApplicationRecord["versions"][number]) => ({
  version: v.version,
  status: v.status,
  content: v.content,
  event: v.event,
  note: v.note,
  actorName: v.actorName,
  createdAt: v.createdAt,
});

const commentKey = (c: { authorName: string; text: string; createdAt: Date }) =>
  JSON.stringify([c.createdAt.getTime(), c.authorName, c.text]);

/**
 * Creates the application, brings a stored one forward, or leaves it as it is. The caller has
 * checked the record (statuses, organisations, the initiative); this refuses only what would
 * rewrite the stored history: another association's or initiative's application, or versions
 * that differ from the stored ones.
 */
export async function importApplication(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  record: ApplicationRecord,
): Promise<ImportOutcome> {
  const last = record.versions.at(-1);
  const first = record.versions[0];
  if (!first || !last) throw new ValidationError({ versions: "Ansökan saknar versioner." });
  const [existing] = await tx
    .select()
    .from(applications)
    .where(eq(applications.id, record.id))
    .for("update");

  const signatureValues = (s: ApplicationRecord["signatures"][number]) => ({
    applicationId: record.id,
    organisationId: s.organisationId,
    signerName: s.signerName,
    signerEmail: s.signerEmail,
    signerTitle: s.signerTitle,
    method: s.method,
    tokenHash: null,
    requestedAt: s.signedAt,
    expiresAt: null,
    signedOn: s.signedOn,
    signedAt: s.signedAt,
    signedVersion: s.signedVersion,
    recordedBy: null,
  });
  const insertVersions = async (list: ApplicationRecord["versions"]) => {
    if (list.length)
      await tx
        .insert(applicationVersions)
        .values(list.map((v) => ({ ...versionFields(v), applicationId: record.id })));
  };
  const insertComments = async (list: ApplicationRecord["comments"]) => {
    if (list.length)
      await tx
        .insert(applicationComments)
        .values(list.map((c) => ({ ...c, applicationId: record.id, authorUserId: null })));
  };
  const audit = (details: Record<string, unknown>) =>
    recordAuditEvent(tx, actor, {
      action: "application.imported",
      associationId,
      targetType: "application",
      targetId: record.id,
      details: { name: record.content.name, status: record.status, ...details },
    });

  if (!existing) {
    await tx.insert(applications).values({
      id: record.id,
      associationId,
      initiativeId: record.initiativeId,
      ...rowFields(record),
      decidedBy: null,
      createdBy: null,
      createdAt: first.createdAt,
      updatedAt: last.createdAt,
      version: last.version,
    });
    await insertVersions(record.versions);
    if (record.signatures.length)
      await tx.insert(applicationSignatures).values(record.signatures.map(signatureValues));
    await insertComments(record.comments);
    await audit({ outcome: "created", versions: record.versions.length });
    return "created";
  }

  if (existing.associationId !== associationId)
    throw new ValidationError({ key: "Nyckeln används redan av en ansökan i ett annat förbund." });
  if (existing.initiativeId !== record.initiativeId)
    throw new ValidationError({
      initiative: "Ansökan finns redan här och hör till en annan insats än i filen.",
    });
  const stored = await tx
    .select()
    .from(applicationVersions)
    .where(eq(applicationVersions.applicationId, record.id))
    .orderBy(asc(applicationVersions.version));
  if (stored.length > record.versions.length)
    throw new ValidationError({
      versions: `Ansökan har ${stored.length} versioner här men ${record.versions.length} i filen. Historiken kan inte skrivas om: importera en nyare export.`,
    });
  for (const [i, v] of stored.entries()) {
    const theirs = record.versions[i];
    if (!theirs || !isDeepStrictEqual(versionFields(v), versionFields(theirs)))
      throw new ValidationError({
        [`versions[${i}]`]: `Version ${v.version} av ansökan skiljer sig från den som finns här. Historiken kan inte skrivas om.`,
      });
  }
  const added = record.versions.slice(stored.length);
  if (!added.length && !isDeepStrictEqual(rowFields(existing), rowFields(record)))
    throw new ValidationError({
      status:
        "Ansökans uppgifter skiljer sig från dem som finns här, men historiken är densamma. Ändra inte en exporterad ansökan för hand; varje ändring är en ny version.",
    });

  const signed = await tx
    .select()
    .from(applicationSignatures)
    .where(
      and(
        eq(applicationSignatures.applicationId, record.id),
        isNotNull(applicationSignatures.signedAt),
      ),
    );
  const signatureOf = (s: (typeof signed)[number]) => ({
    organisationId: s.organisationId,
    signerName: s.signerName,
    signerEmail: s.signerEmail,
    signerTitle: s.signerTitle,
    method: s.method,
    signedOn: s.signedOn,
    signedAt: s.signedAt,
    signedVersion: s.signedVersion,
  });
  const byOrg = <T extends { organisationId: string }>(list: T[]) =>
    [...list].sort((a, b) => (a.organisationId < b.organisationId ? -1 : 1));
  const signaturesChanged = !isDeepStrictEqual(
    byOrg(signed.map(signatureOf)),
    byOrg(record.signatures),
  );
  const commentRows = await tx
    .select()
    .from(applicationComments)
    .where(eq(applicationComments.applicationId, record.id));
  const have = new Set(commentRows.map(commentKey));
  // comments are never removed: one missing from the file stays
  const newComments = record.comments.filter((c) => !have.has(commentKey(c)));

  if (!added.length && !signaturesChanged && !newComments.length) return "unchanged";

  if (added.length) {
    await tx
      .update(applications)
      .set({ ...rowFields(record), updatedAt: last.createdAt, version: last.version })
      .where(eq(applications.id, record.id));
    await insertVersions(added);
  }
  if (signaturesChanged) {
    // a signature covers the content it was given for: the file's are the ones that hold
    const keep = record.signatures.map((s) => s.organisationId);
    const gone = signed.filter((s) => !keep.includes(s.organisationId)).map((s) => s.id);
    if (gone.length)
      await tx.delete(applicationSignatures).where(inArray(applicationSignatures.id, gone));
    for (const s of record.signatures) {
      const values = signatureValues(s);
      await tx
        .insert(applicationSignatures)
        .values(values)
        .onConflictDoUpdate({
          target: [applicationSignatures.applicationId, applicationSignatures.organisationId],
          set: values,
        });
    }
  }
  await insertComments(newComments);
  await audit({
    outcome: "updated",
    versionsAdded: added.length,
    commentsAdded: newComments.length,
    signaturesChanged,
  });
  return "updated";
}
