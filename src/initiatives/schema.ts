// The initiative (insats) as far as the foundation needs it: something roles can be scoped to.
// The initiatives capability extends this table with the application workflow's fields.
import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "initiatives_status_check",
      sql`${t.status} in ('ansokan','beviljad','pagaende','avslutad','avslutad_i_fortid','avslagen')`,
    ),
  ],
);
