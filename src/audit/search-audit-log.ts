// The auditor's search over the audit log of one association.
import { and, desc, eq, gte, ilike, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import { roleAssignments, users } from "../people/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { endOfSwedishDay, startOfSwedishDay } from "../platform/swedish-day.ts";
import { auditEvents } from "./schema.ts";

export interface AuditSearch {
  associationId: string;
  /** Matches the actor, the action or the target (case-insensitive substring). */
  text?: string | undefined;
  action?: string | undefined;
  /** Inclusive ISO dates, Swedish days (Europe/Stockholm). */
  from?: string | undefined;
  to?: string | undefined;
  /** Show events older than this seq (keyset paging). */
  before?: number | undefined;
  limit?: number;
}

export async function searchAuditLog(q: Queryable, search: AuditSearch) {
  const limit = Math.min(search.limit ?? 50, 200);
  // The association's own events, and the sign-ins (which belong to no association) of its
  // staff. Participant accounts are left out: their identities stay out of this zone.
  const staff = q
    .select({ id: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.associationId, search.associationId), eq(users.kind, "staff")));
  const scope = or(
    eq(auditEvents.associationId, search.associationId),
    and(isNull(auditEvents.associationId), inArray(auditEvents.actorUserId, staff)),
  );
  const conditions: SQL[] = scope ? [scope] : [];
  if (search.action) conditions.push(eq(auditEvents.action, search.action));
  // the days as the auditor reads them on the page: Swedish days, not UTC ones
  if (search.from) conditions.push(gte(auditEvents.occurredAt, startOfSwedishDay(search.from)));
  if (search.to) conditions.push(lt(auditEvents.occurredAt, endOfSwedishDay(search.to)));
  if (search.before) conditions.push(lt(auditEvents.seq, search.before));
  if (search.text) {
    const pattern = `%${search.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(
      ilike(auditEvents.actorLabel, pattern),
      ilike(auditEvents.action, pattern),
      ilike(auditEvents.targetId, pattern),
    );
    if (match) conditions.push(match);
  }
  const rows = await q
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(limit + 1);
  return { events: rows.slice(0, limit), more: rows.length > limit };
}
