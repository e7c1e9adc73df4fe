// Appends one event to the hash-chained audit log, inside the caller's transaction.
import { createHash } from "node:crypto";
import { desc, sql } from "drizzle-orm";
import type { Queryable } from "../platform/database/connect.ts";
import { auditEvents } from "./schema.ts";

/** Who did it and through which request; every use case that changes data receives one. */
export interface AuditActor {
  userId: string | null;
  /** E-mail of the person, or "cli" / "system". */
  label: string;
  requestId?: string | null;
  ip?: string | null;
}

export interface AuditEventInput {
  action: string;
  associationId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = "0".repeat(64);

/** JSON with sorted keys, so the same content always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export interface HashedFields {
  occurredAt: Date;
  associationId: string | null;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
}

export function hashEvent(prevHash: string, fields: HashedFields): string {
  const body = canonicalJson({
    occurredAt: fields.occurredAt.toISOString(),
    associationId: fields.associationId,
    actorUserId: fields.actorUserId,
    actorLabel: fields.actorLabel,
    action: fields.action,
    targetType: fields.targetType,
    targetId: fields.targetId,
    details: fields.details,
    requestId: fields.requestId,
    ip: fields.ip,
  });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

export async function recordAuditEvent(
  q: Queryable,
  actor: AuditActor,
  event: AuditEventInput,
): Promise<void> {
  await q.transaction(async (tx) => {
    // One writer at a time extends the chain; the lock lasts until the caller's transaction ends.
    await tx.execute(sql`select pg_advisory_xact_lock(727270002)`);
    const [last] = await tx
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    const fields: HashedFields = {
      occurredAt: new Date(),
      associationId: event.associationId ?? null,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      details: event.details ?? {},
      requestId: actor.requestId ?? null,
      ip: actor.ip ?? null,
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await tx.insert(auditEvents).values({ ...fields, prevHash, hash: hashEvent(prevHash, fields) });
  });
}
