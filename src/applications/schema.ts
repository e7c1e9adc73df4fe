// Applications (ansökningar, domain/documents.md §1): the form's content as one validated JSON
// document, its workflow from draft to decision, every saved version, the preparation's
// comments and one signature per party. An application belongs to an initiative in status
// "ansökan"; approval turns that initiative into a running one. No participant data here.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { associations, memberOrganisations } from "../associations/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import { users } from "../people/schema.ts";
import type { ApplicationContent } from "./content.ts";

export const APPLICATION_STATUSES = [
  "utkast",
  "inskickad",
  "under_beredning",
  "komplettering",
  "beviljad",
  "avslagen",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The association's form: its version label, help text per field and the agreement text. */
export const applicationSettings = pgTable("application_settings", {
  associationId: uuid("association_id")
    .primaryKey()
    .references(() => associations.id),
  formVersion: text("form_version").notNull(),
  /** Field key (content.ts) → help text shown under the field. */
  helpTexts: jsonb("help_texts").$type<Record<string, string>>().notNull().default({}),
  agreementText: text("agreement_text").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
});

/** The association's logo for documents (PNG or JPEG, base64; at most 300 kB). */
export const associationLogos = pgTable(
  "association_logos",
  {
    associationId: uuid("association_id")
      .primaryKey()
      .references(() => associations.id),
    mediaType: text("media_type").notNull(),
    dataBase64: text("data_base64").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("association_logos_type_check", sql`${t.mediaType} in ('image/png','image/jpeg')`)],
);

/** Diarienummer: one sequence per association and year, shared by all its documents. */
export const registryCounters = pgTable(
  "registry_counters",
  {
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.associationId, t.year] })],
);

export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id),
    status: text("status").$type<ApplicationStatus>().notNull().default("utkast"),
    content: jsonb("content").$type<ApplicationContent>().notNull(),
    formVersion: text("form_version").notNull(),
    /** Registered by the office from a paper (or e-mailed) original. */
    receivedOnPaper: boolean("received_on_paper").notNull().default(false),
    registryNumber: text("registry_number"),
    arrivalDate: date("arrival_date"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** The office's message when it returned the application for completion. */
    returnMessage: text("return_message"),
    decision: text("decision").$type<"beviljad" | "avslagen">(),
    decidedAmount: bigint("decided_amount", { mode: "number" }),
    decidedStartDate: date("decided_start_date"),
    decidedEndDate: date("decided_end_date"),
    decisionConditions: text("decision_conditions"),
    decisionMeeting: text("decision_meeting"),
    decisionParagraph: text("decision_paragraph"),
    decisionDate: date("decision_date"),
    decidedBy: uuid("decided_by").references(() => users.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("applications_association_idx").on(t.associationId),
    index("applications_initiative_idx").on(t.initiativeId),
    unique("applications_registry_number_unique").on(t.associationId, t.registryNumber),
    check(
      "applications_status_check",
      sql`${t.status} in ('utkast','inskickad','under_beredning','komplettering','beviljad','avslagen')`,
    ),
    check(
      "applications_decision_check",
      sql`(${t.decision} is null) = (${t.status} not in ('beviljad','avslagen')) and (${t.decision} is null or ${t.decision} = ${t.status})`,
    ),
    check(
      "applications_registered_check",
      sql`${t.status} = 'utkast' or (${t.registryNumber} is not null and ${t.arrivalDate} is not null)`,
    ),
    check("applications_amount_check", sql`${t.decidedAmount} is null or ${t.decidedAmount} >= 0`),
    check(
      "applications_period_check",
      sql`${t.decidedEndDate} is null or ${t.decidedStartDate} is null or ${t.decidedEndDate} >= ${t.decidedStartDate}`,
    ),
  ],
);

/** Every saved state of an application: content and status as they were, who and why. */
export const applicationVersions = pgTable(
  "application_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    version: integer("version").notNull(),
    status: text("status").$type<ApplicationStatus>().notNull(),
    content: jsonb("content").$type<ApplicationContent>().notNull(),
    /** What made this version: created, saved, submitted, returned, decided, … */
    event: text("event").notNull(),
    note: text("note"),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorName: text("actor_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("application_versions_unique").on(t.applicationId, t.version)],
);

/** The preparation's comments (beredning). */
export const applicationComments = pgTable(
  "application_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    authorUserId: uuid("author_user_id").references(() => users.id),
    authorName: text("author_name").notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_comments_application_idx").on(t.applicationId)],
);

export const SIGNATURE_METHODS = ["link", "paper"] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

/**
 * One signature per party. Requested by e-mail (a one-time link to the person the applicant
 * names as authorised for that party) or registered by the office from a signed paper.
 * Saving new content removes the signatures: a signature covers the content it was given for.
 */
export const applicationSignatures = pgTable(
  "application_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => memberOrganisations.id),
    signerName: text("signer_name").notNull(),
    signerEmail: text("signer_email").notNull(),
    signerTitle: text("signer_title").notNull().default(""),
    method: text("method").$type<SignatureMethod>().notNull(),
    tokenHash: text("token_hash"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    signedOn: date("signed_on"),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    /** The application version the signature was given for. */
    signedVersion: integer("signed_version"),
    recordedBy: uuid("recorded_by").references(() => users.id),
  },
  (t) => [
    unique("application_signatures_party_unique").on(t.applicationId, t.organisationId),
    check("application_signatures_method_check", sql`${t.method} in ('link','paper')`),
    index("application_signatures_token_idx").on(t.tokenHash),
  ],
);
