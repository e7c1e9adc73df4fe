// The participant register (domain/participants.md): its own PostgreSQL schema, "register",
// readable only through the database role samspar_register, with row-level security per data
// controller (the member organisation that owns the initiative) and initiative. The association
// zone's role (samspar_association) has no privilege on this schema at all: participant
// identities never reach it. Identities are stored encrypted (the key is outside the database)
// with a keyed hash for look-up; statistics fields stay when an identity is erased.
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { associations, memberOrganisations } from "../associations/schema.ts";
import { initiatives } from "../initiatives/schema.ts";

export const register = pgSchema("register");

export const GENDERS = ["kvinna", "man", "annan", "vill_ej_ange", "uppgift_saknas"] as const;
export type Gender = (typeof GENDERS)[number];

/**
 * A person in one data controller's register. Anonymous participants (no consent, or protected
 * identity) have no identity at all: gender and birth year only. An erased identity leaves the
 * row and its statistics; `erasedAt` says when.
 */
export const participants = register.table(
  "participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    /** The member organisation that owns the initiative(s) and so is data controller. */
    dataControllerId: uuid("data_controller_id")
      .notNull()
      .references(() => memberOrganisations.id),
    /** AES-256-GCM of the canonical number (src/register/crypto.ts); null when anonymous or erased. */
    identityCiphertext: text("identity_ciphertext"),
    /** HMAC of the canonical number, to find the person again; null when anonymous or erased. */
    identityLookup: text("identity_lookup"),
    identityKind: text("identity_kind").$type<"personnummer" | "samordningsnummer">(),
    /** The name, encrypted like the number; optional. */
    nameCiphertext: text("name_ciphertext"),
    anonymous: boolean("anonymous").notNull().default(false),
    protectedIdentity: boolean("protected_identity").notNull().default(false),
    gender: text("gender").$type<Gender>().notNull().default("uppgift_saknas"),
    birthYear: integer("birth_year"),
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("participants_identity_unique")
      .on(t.dataControllerId, t.identityLookup)
      .where(sql`${t.identityLookup} is not null`),
    index("participants_controller_idx").on(t.dataControllerId),
    check(
      "participants_anonymous_check",
      sql`not (${t.anonymous} and ${t.identityCiphertext} is not null)`,
    ),
    check(
      "participants_identity_pair_check",
      sql`(${t.identityCiphertext} is null) = (${t.identityLookup} is null)`,
    ),
    check(
      "participants_gender_check",
      sql`${t.gender} in ('kvinna','man','annan','vill_ej_ange','uppgift_saknas')`,
    ),
    check(
      "participants_birth_year_check",
      sql`${t.birthYear} is null or ${t.birthYear} between 1900 and 2100`,
    ),
  ],
);

/** Samtycke: a consent per initiative, with the text's version and language; withdrawal kept. */
export const consents = register.table(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    dataControllerId: uuid("data_controller_id").notNull(),
    initiativeId: uuid("initiative_id").notNull(),
    consentedOn: date("consented_on").notNull(),
    textVersion: text("text_version").notNull(),
    language: text("language").notNull(),
    recordedBy: uuid("recorded_by"),
    recordedByName: text("recorded_by_name").notNull(),
    withdrawnOn: date("withdrawn_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("consents_participant_idx").on(t.participantId, t.initiativeId)],
);

/**
 * Inskrivning: a participant in an initiative (and local unit), from start to exit. `background`
 * holds the code lists at start, `exit` the status at exit (src/register/codes.ts). A
 * felregistrering voids the enrollment: it is never counted.
 */
export const enrollments = register.table(
  "enrollments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    associationId: uuid("association_id").notNull(),
    dataControllerId: uuid("data_controller_id").notNull(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id),
    localUnitId: uuid("local_unit_id"),
    /** The initiative's own key of the participant (deltagar_id), for imports. */
    externalKey: text("external_key"),
    startDate: date("start_date").notNull(),
    officerUserId: uuid("officer_user_id"),
    actionPlanDate: date("action_plan_date"),
    municipalityCode: text("municipality_code"),
    background: jsonb("background").$type<Record<string, unknown>>().notNull().default({}),
    endDate: date("end_date"),
    exit: jsonb("exit").$type<Record<string, unknown>>(),
    voided: boolean("voided").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("enrollments_external_key_unique")
      .on(t.initiativeId, t.externalKey)
      .where(sql`${t.externalKey} is not null`),
    index("enrollments_initiative_idx").on(t.initiativeId, t.startDate),
    index("enrollments_participant_idx").on(t.participantId),
    check("enrollments_dates_check", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check("enrollments_exit_check", sql`(${t.endDate} is null) = (${t.exit} is null)`),
  ],
);

/** Count-only participation of structural initiatives: per period, women, men and others. */
export const countOnlyParticipation = register.table(
  "count_only_participation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id").notNull(),
    dataControllerId: uuid("data_controller_id").notNull(),
    initiativeId: uuid("initiative_id").notNull(),
    periodKey: text("period_key").notNull(),
    women: integer("women").notNull().default(0),
    men: integer("men").notNull().default(0),
    others: integer("others").notNull().default(0),
    recordedByName: text("recorded_by_name").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("count_only_period_unique").on(t.initiativeId, t.periodKey),
    check("count_only_counts_check", sql`${t.women} >= 0 and ${t.men} >= 0 and ${t.others} >= 0`),
  ],
);

export const ACCESS_ACTIONS = [
  "read",
  "search",
  "reveal",
  "export",
  "change",
  "erase",
  "import",
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/**
 * Every read of an identifiable record and every change: who (person, role, organisation), when,
 * what (record, fields, action), through which request, and the outcome. Append-only.
 */
export const accessLog = register.table(
  "access_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    associationId: uuid("association_id").notNull(),
    dataControllerId: uuid("data_controller_id").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorName: text("actor_name").notNull(),
    actorRole: text("actor_role").notNull(),
    actorOrganisation: text("actor_organisation").notNull(),
    participantId: uuid("participant_id"),
    enrollmentId: uuid("enrollment_id"),
    action: text("action").$type<AccessAction>().notNull(),
    fields: jsonb("fields").$type<string[]>().notNull().default([]),
    requestId: text("request_id"),
    outcome: text("outcome").$type<"ok" | "denied" | "error">().notNull(),
  },
  (t) => [
    index("access_log_participant_idx").on(t.participantId, t.at),
    index("access_log_controller_idx").on(t.dataControllerId, t.at),
    check(
      "access_log_action_check",
      sql`${t.action} in ('read','search','reveal','export','change','erase','import')`,
    ),
    check("access_log_outcome_check", sql`${t.outcome} in ('ok','denied','error')`),
  ],
);

/** Every erasure of an identity: why and when (withdrawn consent, protected identity, retention). */
export const erasures = register.table(
  "erasures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    dataControllerId: uuid("data_controller_id").notNull(),
    reason: text("reason")
      .$type<"samtycke_aterkallat" | "skyddad_identitet" | "gallring" | "begaran">()
      .notNull(),
    erasedAt: timestamp("erased_at", { withTimezone: true }).notNull().defaultNow(),
    erasedByName: text("erased_by_name").notNull(),
  },
  (t) => [
    index("erasures_participant_idx").on(t.participantId),
    check(
      "erasures_reason_check",
      sql`${t.reason} in ('samtycke_aterkallat','skyddad_identitet','gallring','begaran')`,
    ),
  ],
);
