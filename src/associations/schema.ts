// Tables of the tenant: the association (samordningsförbund), its member organisations, and its
// disclosure control of the participant statistics.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

export const associations = pgTable("associations", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  orgNumber: text("org_number"),
  /** Staff must enrol TOTP before they get in (off only for demo instances). */
  requireStaffTotp: boolean("require_staff_totp").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
});

export const MEMBER_ORGANISATION_KINDS = [
  "forsakringskassan",
  "arbetsformedlingen",
  "region",
  "kommun",
  "annan",
] as const;
export type MemberOrganisationKind = (typeof MEMBER_ORGANISATION_KINDS)[number];

export const memberOrganisations = pgTable(
  "member_organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    name: text("name").notNull(),
    orgNumber: text("org_number").notNull(),
    kind: text("kind").$type<MemberOrganisationKind>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("member_organisations_org_number_unique").on(t.associationId, t.orgNumber),
    check(
      "member_organisations_kind_check",
      sql`${t.kind} in ('forsakringskassan','arbetsformedlingen','region','kommun','annan')`,
    ),
  ],
);

/**
 * The thresholds an association may choose for disclosure control (domain/follow-up.md): 0 turns
 * it off, otherwise 3–20. Below 3 "< t" gives the value away or nearly so (1 and 2 are refused;
 * src/register/disclosure.ts refuses those that protect no one), and above 20 nearly every figure
 * of an association's initiatives (tens of participants each) would be hidden.
 */
export const DISCLOSURE_THRESHOLD_OFF = 0;
export const DISCLOSURE_THRESHOLD_MIN = 3;
export const DISCLOSURE_THRESHOLD_MAX = 20;

/**
 * The association's disclosure control of everything that leaves the participant register
 * (statistics, the follow-up report, the API, the national figures). No row: the defaults,
 * threshold 5 with a true 0 hidden like a small count.
 */
export const disclosureSettings = pgTable(
  "disclosure_settings",
  {
    associationId: uuid("association_id")
      .primaryKey()
      .references(() => associations.id),
    /** Counts 1..threshold−1 are shown as "< threshold"; 0 turns disclosure control off. */
    threshold: integer("threshold").notNull().default(5),
    /** Whether a true 0 is shown as 0 ("visa nollor"); otherwise it is hidden like "< 5". */
    allowTrueZero: boolean("allow_true_zero").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    check(
      "disclosure_settings_threshold_check",
      sql`${t.threshold} = 0 or ${t.threshold} between 3 and 20`,
    ),
  ],
);
