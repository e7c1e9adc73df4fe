// Every saved state of a report, for all three kinds: written in the same transaction as the
// change, never changed afterwards (a database trigger refuses it), read back as history.
import { and, asc, desc, eq } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { users } from "../people/schema.ts";
import type { Queryable, Tx } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { type ReportKind, reportComments, reportVersions } from "./schema.ts";

/** The name shown for the actor in histories and comments. */
export async function actorName(q: Queryable, actor: AuditActor): Promise<string> {
  if (!actor.userId) return actor.label;
  const [u] = await q.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  return u?.name ?? actor.label;
}

/** Appends the snapshot of one version of a report. */
export async function writeReportVersion(
  tx: Tx,
  actor: AuditActor,
  kind: ReportKind,
  row: { id: string; version: number; status: string } & Record<string, unknown>,
  event: string,
  note: string | null = null,
): Promise<void> {
  const { createdAt: _c, updatedAt: _u, ...snapshot } = row;
  await tx.insert(reportVersions).values({
    kind,
    reportId: row.id,
    version: row.version,
    status: row.status,
    snapshot: JSON.parse(JSON.stringify(snapshot)) as Record<string, unknown>,
    event,
    note,
    actorUserId: actor.userId,
    actorName: await actorName(tx, actor),
    // the clock, not the transaction's start: versions written in one transaction keep their order
    createdAt: new Date(),
  });
}

/** The audit log's name of each kind of report: its events are `<name>.<event>`. */
const AUDIT_TARGET: Record<ReportKind, string> = {
  periodic: "periodic_report",
  deviation: "deviation_report",
  final: "final_report",
};

/**
 * Records a report's new state in the transaction that wrote its row: the version's snapshot
 * and the audit event, with the report's status and version and what `details` adds (what
 * identifies the report, and what the event says).
 */
export async function recordReportChange(
  tx: Tx,
  actor: AuditActor,
  kind: ReportKind,
  row: { id: string; associationId: string; version: number; status: string } & Record<
    string,
    unknown
  >,
  event: string,
  details: Record<string, unknown>,
  note: string | null = null,
): Promise<void> {
  await writeReportVersion(tx, actor, kind, row, event, note);
  await recordAuditEvent(tx, actor, {
    action: `${AUDIT_TARGET[kind]}.${event}`,
    associationId: row.associationId,
    targetType: AUDIT_TARGET[kind],
    targetId: row.id,
    details: { status: row.status, version: row.version, ...details },
  });
}

export async function listReportVersions(q: Queryable, kind: ReportKind, reportId: string) {
  return q
    .select({
      version: reportVersions.version,
      status: reportVersions.status,
      event: reportVersions.event,
      note: reportVersions.note,
      actorName: reportVersions.actorName,
      createdAt: reportVersions.createdAt,
    })
    .from(reportVersions)
    .where(and(eq(reportVersions.kind, kind), eq(reportVersions.reportId, reportId)))
    .orderBy(desc(reportVersions.version));
}

export async function getReportVersion(
  q: Queryable,
  kind: ReportKind,
  reportId: string,
  version: number,
) {
  const [row] = await q
    .select()
    .from(reportVersions)
    .where(
      and(
        eq(reportVersions.kind, kind),
        eq(reportVersions.reportId, reportId),
        eq(reportVersions.version, version),
      ),
    );
  return row;
}

export async function listReportComments(q: Queryable, kind: ReportKind, reportId: string) {
  return q
    .select()
    .from(reportComments)
    .where(and(eq(reportComments.kind, kind), eq(reportComments.reportId, reportId)))
    .orderBy(asc(reportComments.createdAt), asc(reportComments.id));
}

/** The office's message when it returns a report for completion: some text, at most 5 000 characters. */
export function returnMessage(message: string): string {
  const text = message.trim();
  if (!text) throw new ValidationError({ returnMessage: "Skriv vad som ska kompletteras." });
  if (text.length > 5000)
    throw new ValidationError({ returnMessage: "Meddelandet får ha högst 5 000 tecken." });
  return text;
}

/** Adds a comment to a report, inside the caller's transaction. */
export async function insertReportComment(
  tx: Tx,
  actor: AuditActor,
  kind: ReportKind,
  reportId: string,
  text: string,
  field: string | null = null,
): Promise<string> {
  const [row] = await tx
    .insert(reportComments)
    .values({
      kind,
      reportId,
      field,
      authorUserId: actor.userId,
      authorName: await actorName(tx, actor),
      text,
      createdAt: new Date(),
    })
    .returning({ id: reportComments.id });
  if (!row) throw new Error("insert returned nothing");
  return row.id;
}
