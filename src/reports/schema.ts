// The reporting side of an initiative's life (domain/documents.md §2–§5): the association's
// reporting calendar, periodic reports, deviation reports, final reports, steering groups with
// their meetings, attendance and minutes, and reminders. Every report keeps every saved version
// (report_versions, append-only) and its review comments. No participant identities here.
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
import type { SignatureMethod } from "../applications/schema.ts";
import { associations, memberOrganisations } from "../associations/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import { users } from "../people/schema.ts";
import { bytea } from "../platform/database/column-types.ts";

export const CADENCES = ["quarter", "tertial"] as const;
export type Cadence = (typeof CADENCES)[number];

/** The association's reporting calendar. */
export const reportingSettings = pgTable(
  "reporting_settings",
  {
    associationId: uuid("association_id")
      .primaryKey()
      .references(() => associations.id),
    cadence: text("cadence").$type<Cadence>().notNull().default("quarter"),
    /** Due this many months after the period's end (default one). */
    dueMonthsAfter: integer("due_months_after").notNull().default(1),
    /** A reminder goes out this many days before the due date. */
    remindDaysBefore: integer("remind_days_before").notNull().default(7),
    /** Follow-up periods of the association's follow-up report: "halfyear", "year" (issue 7). */
    followUpPeriods: jsonb("follow_up_periods")
      .$type<Array<"halfyear" | "year" | "tertial" | "quarter">>()
      .notNull()
      .default(["halfyear", "year"]),
    /**
     * Periodic reports are created for periods that start on or after this date (null: from each
     * initiative's start). An association that starts using Samspår mid-stream sets it so that
     * years of past periods do not show up as late drafts.
     */
    reportsFrom: date("reports_from"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    check("reporting_settings_cadence_check", sql`${t.cadence} in ('quarter','tertial')`),
    check("reporting_settings_due_check", sql`${t.dueMonthsAfter} between 0 and 6`),
    check("reporting_settings_remind_check", sql`${t.remindDaysBefore} between 0 and 60`),
  ],
);

export const PERIODIC_REPORT_STATUSES = ["utkast", "inskickad", "aterskickad", "last"] as const;
export type PeriodicReportStatus = (typeof PERIODIC_REPORT_STATUSES)[number];

/**
 * One report per initiative and reporting period, created automatically from the calendar.
 * utkast → inskickad → (the office accepts: låst) or (returns with comments: återskickad → inskickad …).
 */
export const periodicReports = pgTable(
  "periodic_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id),
    /** "2026-K1" (quarter) or "2026-T2" (tertial). */
    periodKey: text("period_key").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    dueDate: date("due_date").notNull(),
    status: text("status").$type<PeriodicReportStatus>().notNull().default("utkast"),
    /** Sections 2.1–2.5, the status questions and the reporters (periodic-report-content.ts). */
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    /** Section 2.6, written by the steering group. */
    steeringAnalysis: jsonb("steering_analysis").$type<Record<string, unknown>>().notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** Registered by the office: arrival date, diarienummer and the receiving officer's initials. */
    arrivalDate: date("arrival_date"),
    registryNumber: text("registry_number"),
    receivedByInitials: text("received_by_initials"),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    lockedBy: uuid("locked_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("periodic_reports_period_unique").on(t.initiativeId, t.periodKey),
    unique("periodic_reports_registry_unique").on(t.associationId, t.registryNumber),
    index("periodic_reports_association_idx").on(t.associationId, t.periodEnd),
    check(
      "periodic_reports_status_check",
      sql`${t.status} in ('utkast','inskickad','aterskickad','last')`,
    ),
    check("periodic_reports_period_check", sql`${t.periodEnd} >= ${t.periodStart}`),
    check(
      "periodic_reports_locked_check",
      sql`(${t.status} = 'last') = (${t.lockedAt} is not null)`,
    ),
  ],
);

export const DEVIATION_TYPES = ["mal", "malgrupp", "budget", "tidsplan", "bemanning"] as const;
export type DeviationType = (typeof DEVIATION_TYPES)[number];
export const DEVIATION_REQUESTS = [
  "ingen",
  "forlangning",
  "flytta_medel",
  "andrad_malgrupp",
  "avslut_i_fortid",
] as const;
export type DeviationRequest = (typeof DEVIATION_REQUESTS)[number];
export const DEVIATION_STATUSES = ["utkast", "inskickad", "godkand", "avslagen"] as const;
export type DeviationStatus = (typeof DEVIATION_STATUSES)[number];

/** Avvikelserapport: what deviates, why, and an optional request the office or board decides. */
export const deviationReports = pgTable(
  "deviation_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id),
    status: text("status").$type<DeviationStatus>().notNull().default("utkast"),
    types: jsonb("types").$type<DeviationType[]>().notNull().default([]),
    description: text("description").notNull().default(""),
    cause: text("cause").notNull().default(""),
    consequence: text("consequence").notNull().default(""),
    measures: text("measures").notNull().default(""),
    request: text("request").$type<DeviationRequest>().notNull().default("ingen"),
    /** Extension: the requested new end. Early termination: the actual end. */
    requestedEndDate: date("requested_end_date"),
    requestedTargetGroup: text("requested_target_group"),
    /** Moving unused funds to a later period (whole kronor; the money capability re-phases). */
    requestedAmount: bigint("requested_amount", { mode: "number" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    arrivalDate: date("arrival_date"),
    registryNumber: text("registry_number"),
    /** The office's or the board's decision. */
    decidedBy: uuid("decided_by").references(() => users.id),
    decisionBody: text("decision_body").$type<"kansli" | "styrelse">(),
    decisionDate: date("decision_date"),
    decisionMeeting: text("decision_meeting"),
    decisionParagraph: text("decision_paragraph"),
    decisionMotivation: text("decision_motivation"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("deviation_reports_initiative_idx").on(t.initiativeId),
    unique("deviation_reports_registry_unique").on(t.associationId, t.registryNumber),
    check(
      "deviation_reports_status_check",
      sql`${t.status} in ('utkast','inskickad','godkand','avslagen')`,
    ),
    check(
      "deviation_reports_request_check",
      sql`${t.request} in ('ingen','forlangning','flytta_medel','andrad_malgrupp','avslut_i_fortid')`,
    ),
    check(
      "deviation_reports_decision_check",
      sql`(${t.status} in ('godkand','avslagen')) = (${t.decisionDate} is not null)`,
    ),
  ],
);

export const FINAL_REPORT_STATUSES = ["utkast", "inskickad", "aterskickad", "last"] as const;
export type FinalReportStatus = (typeof FINAL_REPORT_STATUSES)[number];

/** Slutrapport: one per initiative; submitting it closes the initiative. */
export const finalReports = pgTable(
  "final_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id)
      .unique(),
    status: text("status").$type<FinalReportStatus>().notNull().default("utkast"),
    /** Every field of documents.md §4 (final-report-content.ts). */
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    arrivalDate: date("arrival_date"),
    registryNumber: text("registry_number"),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("final_reports_registry_unique").on(t.associationId, t.registryNumber),
    check(
      "final_reports_status_check",
      sql`${t.status} in ('utkast','inskickad','aterskickad','last')`,
    ),
  ],
);

/**
 * One signature per party of a final report, as for applications (src/applications/schema.ts):
 * requested by e-mail (a one-time link to the person named as authorised for the party) or
 * registered by the office from a signed paper. Saving changed content removes the given
 * signatures: a signature covers the content it was given for. Submission requires every
 * party's, and copies them into the submitted content (`content.signatures`).
 */
export const finalReportSignatures = pgTable(
  "final_report_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    finalReportId: uuid("final_report_id")
      .notNull()
      .references(() => finalReports.id),
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
    /** The report's version the signature was given for. */
    signedVersion: integer("signed_version"),
    recordedBy: uuid("recorded_by").references(() => users.id),
  },
  (t) => [
    unique("final_report_signatures_party_unique").on(t.finalReportId, t.organisationId),
    check("final_report_signatures_method_check", sql`${t.method} in ('link','paper')`),
    check(
      "final_report_signatures_signed_check",
      sql`(${t.signedAt} is null) = (${t.signedOn} is null)`,
    ),
    index("final_report_signatures_token_idx").on(t.tokenHash),
  ],
);

export const REPORT_KINDS = ["periodic", "deviation", "final"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Every saved state of every report: what it said and its status, who and why. Append-only. */
export const reportVersions = pgTable(
  "report_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<ReportKind>().notNull(),
    reportId: uuid("report_id").notNull(),
    version: integer("version").notNull(),
    status: text("status").notNull(),
    /** The report's row as it was (content, answers, decision fields). */
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    event: text("event").notNull(),
    note: text("note"),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorName: text("actor_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("report_versions_unique").on(t.kind, t.reportId, t.version),
    check("report_versions_kind_check", sql`${t.kind} in ('periodic','deviation','final')`),
  ],
);

/** Review comments on a report (the office's, or the steering group's on 2.6). */
export const reportComments = pgTable(
  "report_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<ReportKind>().notNull(),
    reportId: uuid("report_id").notNull(),
    /** A field the comment is about (e.g. a derived answer), or null for the whole report. */
    field: text("field"),
    authorUserId: uuid("author_user_id").references(() => users.id),
    authorName: text("author_name").notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("report_comments_report_idx").on(t.kind, t.reportId)],
);

/** Reminders sent for a periodic report, so each goes out once. */
export const reportReminders = pgTable(
  "report_reminders",
  {
    reportId: uuid("report_id")
      .notNull()
      .references(() => periodicReports.id),
    /** "before" (ahead of the due date) or "overdue-N" (N weeks late, 0 = the day after). */
    kind: text("kind").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    recipients: integer("recipients").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.kind] })],
);

/** Steering-group members per party: ordinary or deputy, from–to. */
export const steeringGroupMembers = pgTable(
  "steering_group_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => memberOrganisations.id),
    name: text("name").notNull(),
    email: text("email").notNull().default(""),
    title: text("title").notNull().default(""),
    membership: text("membership").$type<"ordinarie" | "ersattare">().notNull(),
    fromDate: date("from_date").notNull(),
    toDate: date("to_date"),
    userId: uuid("user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("steering_group_members_initiative_idx").on(t.initiativeId),
    check(
      "steering_group_members_membership_check",
      sql`${t.membership} in ('ordinarie','ersattare')`,
    ),
    check(
      "steering_group_members_dates_check",
      sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`,
    ),
  ],
);

/** A steering-group meeting: planned or held, with agenda and decisions. */
export const steeringGroupMeetings = pgTable(
  "steering_group_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id),
    meetingDate: date("meeting_date").notNull(),
    held: boolean("held").notNull().default(false),
    agenda: text("agenda").notNull().default(""),
    decisions: text("decisions").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("steering_group_meetings_initiative_idx").on(t.initiativeId, t.meetingDate)],
);

/** Who attended a held meeting. */
export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => steeringGroupMeetings.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => steeringGroupMembers.id),
    present: boolean("present").notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] })],
);

/** Minutes (protokoll) and other documents of a meeting; type and size checked on upload. */
export const meetingAttachments = pgTable(
  "meeting_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => steeringGroupMeetings.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("meeting_attachments_meeting_idx").on(t.meetingId),
    check("meeting_attachments_size_check", sql`${t.sizeBytes} between 1 and 10485760`),
  ],
);
