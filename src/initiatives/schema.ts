// The initiative register: an initiative (insats) with its owner and partners, orientation,
// dates, target group, local units and goals. The application workflow (issue 3, later
// slices) creates and changes these rows; nothing here holds participant identities.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { associations, memberOrganisations } from "../associations/schema.ts";

export const INITIATIVE_STATUSES = [
  "ansokan",
  "beviljad",
  "pagaende",
  "avslutad",
  "avslutad_i_fortid",
  "avslagen",
] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const ORIENTATIONS = ["individual", "structural"] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

export const GOAL_KINDS = ["resultatmal", "insatsmal", "effektmal"] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

export const initiatives = pgTable(
  "initiatives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    name: text("name").notNull(),
    ownerOrganisationId: uuid("owner_organisation_id")
      .notNull()
      .references(() => memberOrganisations.id),
    status: text("status").$type<InitiativeStatus>().notNull().default("ansokan"),
    orientation: text("orientation").$type<Orientation>().notNull().default("individual"),
    /** Förrehabiliterande: the goal is a plan towards work or studies. */
    preRehabilitation: boolean("pre_rehabilitation").notNull().default(false),
    esf: boolean("esf").notNull().default(false),
    startDate: date("start_date"),
    endDate: date("end_date"),
    lastIntakeDate: date("last_intake_date"),
    /** For an initiative ended early: the end it was planned to have. */
    plannedEndDate: date("planned_end_date"),
    targetGroup: text("target_group").notNull().default(""),
    /** Expected participants for the whole period, or at any one time when `ongoing`. */
    expectedParticipants: integer("expected_participants"),
    expectedParticipantsOngoing: boolean("expected_participants_ongoing").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("initiatives_association_idx").on(t.associationId),
    check(
      "initiatives_status_check",
      sql`${t.status} in ('ansokan','beviljad','pagaende','avslutad','avslutad_i_fortid','avslagen')`,
    ),
    check("initiatives_orientation_check", sql`${t.orientation} in ('individual','structural')`),
    check(
      "initiatives_dates_check",
      sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`,
    ),
    check(
      "initiatives_expected_participants_check",
      sql`${t.expectedParticipants} is null or ${t.expectedParticipants} >= 0`,
    ),
  ],
);

/** Samverkansparter: the member organisations running the initiative with its owner. */
export const initiativePartners = pgTable(
  "initiative_partners",
  {
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => memberOrganisations.id),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.organisationId] })],
);

/** Local units, e.g. the municipalities of a county-wide project, each with its own target. */
export const initiativeLocalUnits = pgTable(
  "initiative_local_units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    expectedParticipants: integer("expected_participants"),
  },
  (t) => [index("initiative_local_units_initiative_idx").on(t.initiativeId)],
);

/** Goals: a text, a kind, and where measurable a target number or share (whole per cent). */
export const initiativeGoals = pgTable(
  "initiative_goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    kind: text("kind").$type<GoalKind>().notNull(),
    targetNumber: integer("target_number"),
    targetPercent: integer("target_percent"),
  },
  (t) => [
    index("initiative_goals_initiative_idx").on(t.initiativeId),
    check("initiative_goals_kind_check", sql`${t.kind} in ('resultatmal','insatsmal','effektmal')`),
    check(
      "initiative_goals_percent_check",
      sql`${t.targetPercent} is null or (${t.targetPercent} between 0 and 100)`,
    ),
  ],
);
