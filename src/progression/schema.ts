// Progression measurement in the database (src/progression/model.ts). Instruments and plans are
// the association's configuration (public schema, association zone). Measurements are participant
// data: the register's schema under the register's role and row-level security (migration 0016),
// like enrollments; the association zone reads them only as protected aggregates.
import { sql } from "drizzle-orm";
import {
  boolean,
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
import { initiatives } from "../initiatives/schema.ts";
import { users } from "../people/schema.ts";
import { enrollments, participants, register } from "../register/schema.ts";
import type { Answers, EntryMode, InstrumentDefinition, Occasion, Texts } from "./model.ts";

/**
 * An instrument: Samspår's own (association_id null, shipped in code: builtin.ts, the same for
 * every association) or an association's own. A licensed instrument names its licence: the
 * association that adds it states that it holds the right to use it unchanged.
 */
export const progressionInstruments = pgTable(
  "progression_instruments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** null: shipped with Samspår, visible to every association, changed only by Samspår. */
    associationId: uuid("association_id").references(() => associations.id),
    /** Stable short name: a-z, 0-9 and -, unique per association (and among the shipped). */
    key: text("key").notNull(),
    name: jsonb("name").$type<Texts>().notNull(),
    /** null: open. Otherwise who holds the licence and on what terms, shown wherever it is used. */
    licence: text("licence"),
    archived: boolean("archived").notNull().default(false),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("progression_instruments_key_unique")
      .on(t.associationId, t.key)
      .where(sql`${t.associationId} is not null`),
    uniqueIndex("progression_instruments_shipped_key_unique")
      .on(t.key)
      .where(sql`${t.associationId} is null`),
    check("progression_instruments_key_check", sql`${t.key} ~ '^[a-z0-9][a-z0-9-]{0,59}$'`),
  ],
);

export const INSTRUMENT_VERSION_STATUSES = ["utkast", "publicerad"] as const;
export type InstrumentVersionStatus = (typeof INSTRUMENT_VERSION_STATUSES)[number];

/**
 * A version of an instrument: a draft the association edits, or a published version that
 * measurements use. A published version never changes (trigger in migration 0016).
 */
export const progressionInstrumentVersions = pgTable(
  "progression_instrument_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    instrumentId: uuid("instrument_id")
      .notNull()
      .references(() => progressionInstruments.id),
    /** 1, 2, … within the instrument. */
    number: integer("number").notNull(),
    status: text("status").$type<InstrumentVersionStatus>().notNull().default("utkast"),
    definition: jsonb("definition").$type<InstrumentDefinition>().notNull(),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedByName: text("published_by_name"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("progression_instrument_versions_number_unique").on(t.instrumentId, t.number),
    check(
      "progression_instrument_versions_status_check",
      sql`${t.status} in ('utkast','publicerad')`,
    ),
    check(
      "progression_instrument_versions_published_check",
      sql`(${t.status} = 'publicerad') = (${t.publishedAt} is not null)`,
    ),
  ],
);

/**
 * An initiative's measurement plan: which instrument versions, a zero-point (nollpunkt) at start,
 * a follow-up every `intervalMonths` months (0: none), one at exit, the share of participants
 * the initiative aims to measure, and whether it keeps a comparison group.
 */
export const progressionPlans = pgTable(
  "progression_plans",
  {
    initiativeId: uuid("initiative_id")
      .primaryKey()
      .references(() => initiatives.id),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    /** Published instrument versions measured at each occasion (one or more). */
    instrumentVersionIds: uuid("instrument_version_ids").array().notNull(),
    intervalMonths: integer("interval_months").notNull().default(3),
    atExit: boolean("at_exit").notNull().default(true),
    /** Days after a measurement falls due before it is overdue. */
    graceDays: integer("grace_days").notNull().default(14),
    targetPercent: integer("target_percent").notNull().default(50),
    comparisonGroup: boolean("comparison_group").notNull().default(false),
    updatedByName: text("updated_by_name").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("progression_plans_association_idx").on(t.associationId),
    check("progression_plans_interval_check", sql`${t.intervalMonths} between 0 and 24`),
    check("progression_plans_grace_check", sql`${t.graceDays} between 0 and 90`),
    check("progression_plans_target_check", sql`${t.targetPercent} between 0 and 100`),
    check(
      "progression_plans_instruments_check",
      sql`cardinality(${t.instrumentVersionIds}) between 1 and 10`,
    ),
  ],
);

/**
 * One measurement of one participant's enrollment with one instrument version, at one occasion.
 * Scores are not stored: they are computed from the answers and the version's definition
 * (scoring.ts), so every figure traces back to the answers.
 */
export const measurements = register.table(
  "measurements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id").notNull(),
    dataControllerId: uuid("data_controller_id").notNull(),
    initiativeId: uuid("initiative_id").notNull(),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    instrumentVersionId: uuid("instrument_version_id")
      .notNull()
      .references(() => progressionInstrumentVersions.id),
    occasion: text("occasion").$type<Occasion>().notNull(),
    measuredOn: date("measured_on").notNull(),
    mode: text("mode").$type<EntryMode>().notNull(),
    answers: jsonb("answers").$type<Answers>().notNull(),
    recordedBy: uuid("recorded_by"),
    recordedByName: text("recorded_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("measurements_enrollment_idx").on(t.enrollmentId, t.measuredOn),
    index("measurements_initiative_idx").on(t.initiativeId, t.measuredOn),
    // one zero-point and one exit measurement per enrollment and instrument version
    uniqueIndex("measurements_once_unique")
      .on(t.enrollmentId, t.instrumentVersionId, t.occasion)
      .where(sql`${t.occasion} in ('nollpunkt','avslut')`),
    check(
      "measurements_occasion_check",
      sql`${t.occasion} in ('nollpunkt','uppfoljning','avslut')`,
    ),
    check("measurements_mode_check", sql`${t.mode} in ('samtal','deltagare','papper')`),
  ],
);

/**
 * Anonymous measurements of a comparison group (people who are not participants) for one
 * initiative: no participant, no identity; `respondentCode` is the initiative's own code that
 * pairs a respondent's zero-point with their follow-up (e.g. "J-17"), never a personal number.
 */
export const comparisonMeasurements = register.table(
  "comparison_measurements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id").notNull(),
    dataControllerId: uuid("data_controller_id").notNull(),
    initiativeId: uuid("initiative_id").notNull(),
    instrumentVersionId: uuid("instrument_version_id")
      .notNull()
      .references(() => progressionInstrumentVersions.id),
    respondentCode: text("respondent_code").notNull(),
    gender: text("gender").notNull(),
    occasion: text("occasion").$type<Occasion>().notNull(),
    measuredOn: date("measured_on").notNull(),
    answers: jsonb("answers").$type<Answers>().notNull(),
    recordedByName: text("recorded_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("comparison_measurements_initiative_idx").on(t.initiativeId, t.respondentCode),
    uniqueIndex("comparison_measurements_once_unique")
      .on(t.initiativeId, t.instrumentVersionId, t.respondentCode, t.occasion)
      .where(sql`${t.occasion} in ('nollpunkt','avslut')`),
    check(
      "comparison_measurements_code_check",
      // a short code, and never something shaped like a personal number (ten or twelve digits)
      sql`length(${t.respondentCode}) between 1 and 20 and ${t.respondentCode} !~ '[0-9]{6}'`,
    ),
    check(
      "comparison_measurements_gender_check",
      sql`${t.gender} in ('kvinna','man','annan','vill_ej_ange','uppgift_saknas')`,
    ),
    check(
      "comparison_measurements_occasion_check",
      sql`${t.occasion} in ('nollpunkt','uppfoljning','avslut')`,
    ),
  ],
);
