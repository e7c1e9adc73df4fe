// The follow-up report as the office keeps it (domain/follow-up.md): a follow-up is one period of
// one association ("kvartal 1 och 2 2026"); its versions are drafts the office edits and locked
// versions for the board. A draft holds only the office's own texts and is computed from live
// data whenever it is shown; locking stores the complete computed report (the FollowUpReport of
// model.ts, as JSON) and from then on the version never changes — a database trigger refuses any
// change or deletion of a locked version, whatever the code does (migration 0015). After a lock
// the office may start a new draft of the same follow-up. No participant identities here: the
// snapshot holds only figures that passed disclosure control.
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { associations } from "../associations/schema.ts";
import { users } from "../people/schema.ts";
import type { FollowUpReport } from "./model.ts";

export const FOLLOW_UP_VERSION_STATUSES = ["utkast", "last"] as const;
export type FollowUpVersionStatus = (typeof FOLLOW_UP_VERSION_STATUSES)[number];

/** One follow-up period of an association; at most one follow-up per period. */
export const followUps = pgTable(
  "follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    /** ÅÅÅÅ-MM-DD, both days included. */
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to").notNull(),
    /** How the report names the period: "kvartal 1 och 2 2026". */
    label: text("label").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("follow_ups_period_unique").on(t.associationId, t.periodFrom, t.periodTo),
    index("follow_ups_association_idx").on(t.associationId, t.periodTo),
    check("follow_ups_period_check", sql`${t.periodTo} >= ${t.periodFrom}`),
    check("follow_ups_label_check", sql`length(trim(${t.label})) between 1 and 200`),
  ],
);

/**
 * A version of a follow-up: a draft (utkast) with the office's texts, or a locked one (låst)
 * with the complete report as it was when locked. One draft at a time per follow-up.
 */
export const followUpVersions = pgTable(
  "follow_up_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    followUpId: uuid("follow_up_id")
      .notNull()
      .references(() => followUps.id),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    /** 1, 2, … within the follow-up. */
    number: integer("number").notNull(),
    status: text("status").$type<FollowUpVersionStatus>().notNull().default("utkast"),
    /** The office's own texts; null: the generated text is used. */
    summary: text("summary"),
    background: text("background"),
    analysis: text("analysis"),
    /** The computed report, stored when the version is locked (null for a draft). */
    report: jsonb("report").$type<FollowUpReport>(),
    /**
     * The association's normal band of the förbrukningskvot when the version was locked (its
     * outputs draw table 4's note and the chart's band from it, as they were then).
     */
    ratioLowPercent: integer("ratio_low_percent"),
    ratioHighPercent: integer("ratio_high_percent"),
    createdBy: uuid("created_by").references(() => users.id),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedByName: text("updated_by_name").notNull(),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    lockedBy: uuid("locked_by").references(() => users.id),
    lockedByName: text("locked_by_name"),
    /** Optimistic concurrency: raised by every change of the draft. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("follow_up_versions_number_unique").on(t.followUpId, t.number),
    uniqueIndex("follow_up_versions_one_draft").on(t.followUpId).where(sql`${t.status} = 'utkast'`),
    index("follow_up_versions_association_idx").on(t.associationId, t.status),
    check("follow_up_versions_status_check", sql`${t.status} in ('utkast','last')`),
    check("follow_up_versions_number_check", sql`${t.number} >= 1`),
    check(
      "follow_up_versions_locked_check",
      sql`(${t.status} = 'last') = (${t.lockedAt} is not null and ${t.report} is not null and ${t.lockedByName} is not null and ${t.ratioLowPercent} is not null and ${t.ratioHighPercent} is not null)`,
    ),
    check(
      "follow_up_versions_texts_check",
      sql`coalesce(length(${t.summary}), 0) <= 20000 and coalesce(length(${t.background}), 0) <= 20000 and coalesce(length(${t.analysis}), 0) <= 20000`,
    ),
  ],
);
