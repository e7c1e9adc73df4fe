// The append-only, hash-chained audit log. The triggers that forbid UPDATE, DELETE and TRUNCATE
// live in the hand-written migration drizzle/*_audit_append_only.sql.
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull(),
    associationId: uuid("association_id"),
    actorUserId: uuid("actor_user_id"),
    /** Who, as it read at the time (e-mail or "system"/"cli"), so the log stands on its own. */
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    requestId: text("request_id"),
    ip: text("ip"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_events_association_idx").on(t.associationId, t.seq),
    index("audit_events_action_idx").on(t.action),
  ],
);
