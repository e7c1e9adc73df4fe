// Tables of the tenant: the association (samordningsförbund) and its member organisations.
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
