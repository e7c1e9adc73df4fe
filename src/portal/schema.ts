// The participant portal's tables (issue 9; domain/portal.md). Two zones, as everywhere:
//
// - The association zone (public schema) holds what carries no participant identity: the
//   one-time sign-in codes (a hash and the portal account's pseudonymous user id), the support
//   guides staff write, an association's e-ID settings and accessibility reports.
// - The register zone (schema "register", ADR 0011) holds everything about a person: the link
//   from the pseudonymous portal user to the register's participant, the action-plan steps,
//   availability and bookings, sign-ins (for the usage figures) and the messages sent to
//   participants (their e-mail address or phone number is personal data: never in the
//   association's outbox). The association zone sees usage only as protected aggregates.
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { associations } from "../associations/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import { users } from "../people/schema.ts";
import { participants, register } from "../register/schema.ts";
import type { PortalLocale } from "./locales.ts";

// ── Association zone ─────────────────────────────────────────────────────────────────────────

/**
 * A one-time sign-in code for a portal account. Only the code's SHA-256 is stored; the user it
 * opens is the pseudonymous portal user (users.kind = 'participant', no name or address).
 */
export const portalSignInCodes = pgTable(
  "portal_sign_in_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** Set when staff made a newer code: the older one stops working. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("portal_sign_in_codes_user_idx").on(t.userId)],
);

export const GUIDE_CATEGORIES = [
  "digitalt",
  "videomote",
  "matematik",
  "svenska",
  "studieteknik",
  "ovrigt",
] as const;
export type GuideCategory = (typeof GUIDE_CATEGORIES)[number];

/** One guide's text in one language. */
export interface GuideText {
  title: string;
  /** Plain text; blank lines separate paragraphs, lines starting "- " are list items. */
  body: string;
}

/** Stöd: a short guide written by staff, in Swedish and any of the portal's languages. */
export const portalGuides = pgTable(
  "portal_guides",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    /** Null: for every initiative of the association. */
    initiativeId: uuid("initiative_id").references(() => initiatives.id),
    category: text("category").$type<GuideCategory>().notNull(),
    /** { sv: {title, body}, en?: …, ar?: … } — Swedish always. */
    texts: jsonb("texts").$type<Partial<Record<PortalLocale, GuideText>>>().notNull(),
    published: boolean("published").notNull().default(false),
    position: integer("position").notNull().default(0),
    updatedByName: text("updated_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("portal_guides_association_idx").on(t.associationId),
    check(
      "portal_guides_category_check",
      sql`${t.category} in ('digitalt','videomote','matematik','svenska','studieteknik','ovrigt')`,
    ),
    check("portal_guides_swedish_check", sql`${t.texts} ? 'sv'`),
  ],
);

/**
 * Sign-in with Swedish e-ID through an OpenID Connect broker, configured per association. The
 * client secret is sealed with the application's key (platform/secrets.ts).
 */
export const portalEidSettings = pgTable("portal_eid_settings", {
  associationId: uuid("association_id")
    .primaryKey()
    .references(() => associations.id),
  enabled: boolean("enabled").notNull().default(false),
  /** The broker's issuer URL (discovery at /.well-known/openid-configuration). */
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  clientSecretSealed: text("client_secret_sealed").notNull(),
  /** The claim that carries the personnummer (brokers differ). */
  personalNumberClaim: text("personal_number_claim").notNull().default("personal_number"),
  /**
   * The scopes asked for. Some brokers release the personnummer only under a scope of their own
   * (e.g. Freja's "personalIdentityNumber", Signicat's "nin"); "openid" is always among them.
   */
  scopes: text("scopes").notNull().default("openid profile"),
  /** What the button says, e.g. "BankID". */
  label: text("label").notNull().default("BankID"),
  updatedByName: text("updated_by_name").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
});

/**
 * A problem reported from the accessibility statement (DOS-lagen): anyone may write one. A
 * signed-in reporter's report belongs to their association (only its office sees it); a report
 * made without signing in has none and is shown to every association's office.
 */
export const accessibilityReports = pgTable(
  "accessibility_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null: made by someone not signed in (it cannot be routed to one association). */
    associationId: uuid("association_id").references(() => associations.id),
    /** The page the problem is on, as the person gave it. */
    page: text("page").notNull(),
    description: text("description").notNull(),
    /** How to answer, if the person wants an answer; optional. */
    contact: text("contact"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("accessibility_reports_association_idx").on(t.associationId, t.createdAt)],
);

// ── Register zone ────────────────────────────────────────────────────────────────────────────

/**
 * A participant's portal account: the pseudonymous user (association zone) ↔ the register's
 * participant. The contact details for reminders and codes are encrypted like the identity.
 */
export const portalAccounts = register.table(
  "portal_accounts",
  {
    userId: uuid("user_id").primaryKey(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    associationId: uuid("association_id").notNull(),
    dataControllerId: uuid("data_controller_id").notNull(),
    /** The initiative the account was made on (row-level security); the grants say the rest. */
    initiativeId: uuid("initiative_id").notNull(),
    locale: text("locale").$type<PortalLocale>().notNull().default("sv"),
    emailCiphertext: text("email_ciphertext"),
    phoneCiphertext: text("phone_ciphertext"),
    reminders: text("reminders").$type<"epost" | "sms" | "ingen">().notNull().default("ingen"),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("portal_accounts_participant_unique").on(t.participantId),
    check("portal_accounts_locale_check", sql`${t.locale} in ('sv','en','ar','so','ti','fa')`),
    check("portal_accounts_reminders_check", sql`${t.reminders} in ('epost','sms','ingen')`),
  ],
);

export const PLAN_STEP_STATUSES = ["planerad", "pagar", "klar"] as const;
export type PlanStepStatus = (typeof PLAN_STEP_STATUSES)[number];

/** Min plan: a step of the participant's action plan (handlingsplan), recorded by the coach. */
export const planSteps = register.table(
  "plan_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id").notNull(),
    dataControllerId: uuid("data_controller_id").notNull(),
    initiativeId: uuid("initiative_id").notNull(),
    enrollmentId: uuid("enrollment_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    /** Written for the participant: short sentences, plain Swedish (or the person's language). */
    title: text("title").notNull(),
    details: text("details"),
    dueOn: date("due_on"),
    status: text("status").$type<PlanStepStatus>().notNull().default("planerad"),
    position: integer("position").notNull().default(0),
    recordedByName: text("recorded_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("plan_steps_enrollment_idx").on(t.enrollmentId, t.position),
    check("plan_steps_status_check", sql`${t.status} in ('planerad','pagar','klar')`),
    check("plan_steps_title_check", sql`length(${t.title}) between 1 and 200`),
  ],
);

export const BOOKING_KINDS = ["studiecoach", "specialpedagog", "kurator", "studieplats"] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];
export const MEETING_MODES = ["pa_plats", "video"] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

/**
 * Published availability: one day's window of bookable times with a person (capacity 1 per time)
 * or a study place's opening hours (capacity = places). Times are Swedish local time.
 */
export const availability = register.table(
  "availability",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id").notNull(),
    dataControllerId: uuid("data_controller_id").notNull(),
    initiativeId: uuid("initiative_id").notNull(),
    kind: text("kind").$type<BookingKind>().notNull(),
    /** Who the participant meets ("Lina, studiecoach") or the study place's name. */
    title: text("title").notNull(),
    staffUserId: uuid("staff_user_id"),
    mode: text("mode").$type<MeetingMode>().notNull(),
    /** The address and room (on site) or the meeting link (video). */
    place: text("place").notNull(),
    day: date("day").notNull(),
    opensAt: time("opens_at").notNull(),
    closesAt: time("closes_at").notNull(),
    slotMinutes: integer("slot_minutes").notNull(),
    capacity: integer("capacity").notNull().default(1),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("availability_initiative_idx").on(t.initiativeId, t.day),
    check(
      "availability_kind_check",
      sql`${t.kind} in ('studiecoach','specialpedagog','kurator','studieplats')`,
    ),
    check("availability_mode_check", sql`${t.mode} in ('pa_plats','video')`),
    check("availability_hours_check", sql`${t.closesAt} > ${t.opensAt}`),
    check("availability_slot_check", sql`${t.slotMinutes} between 10 and 480`),
    check("availability_capacity_check", sql`${t.capacity} between 1 and 500`),
  ],
);

export const BOOKING_STATUSES = ["bokad", "avbokad", "genomford", "uteblev"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** A participant's booking of one time in an availability window. */
export const bookings = register.table(
  "bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    availabilityId: uuid("availability_id")
      .notNull()
      .references(() => availability.id),
    associationId: uuid("association_id").notNull(),
    dataControllerId: uuid("data_controller_id").notNull(),
    initiativeId: uuid("initiative_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    status: text("status").$type<BookingStatus>().notNull().default("bokad"),
    /** Who booked: the participant in the portal or staff for them. */
    bookedBy: text("booked_by").$type<"deltagare" | "personal">().notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("bookings_availability_idx").on(t.availabilityId, t.startsAt),
    index("bookings_participant_idx").on(t.participantId, t.startsAt),
    // one person, one booking at a time
    uniqueIndex("bookings_participant_time_unique")
      .on(t.participantId, t.startsAt)
      .where(sql`${t.status} = 'bokad'`),
    check("bookings_status_check", sql`${t.status} in ('bokad','avbokad','genomford','uteblev')`),
    check("bookings_time_check", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Every sign-in to the portal, for the usage figures (logged in per month, new/returning). */
export const portalSignIns = register.table(
  "portal_sign_ins",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    associationId: uuid("association_id").notNull(),
    dataControllerId: uuid("data_controller_id").notNull(),
    initiativeId: uuid("initiative_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    method: text("method").$type<"kod" | "e-legitimation" | "losenord">().notNull(),
  },
  (t) => [
    index("portal_sign_ins_initiative_idx").on(t.initiativeId, t.at),
    check("portal_sign_ins_method_check", sql`${t.method} in ('kod','e-legitimation','losenord')`),
  ],
);

/**
 * Messages to participants (codes, booking confirmations, reminders) by e-mail or SMS. The
 * address is encrypted. Without SMTP (or without an SMS gateway, which Samspår does not have
 * yet) a message stays here, on the initiative's portal outbox page for its staff.
 */
export const portalMessages = register.table(
  "portal_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id").notNull(),
    dataControllerId: uuid("data_controller_id").notNull(),
    initiativeId: uuid("initiative_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    channel: text("channel").$type<"epost" | "sms">().notNull(),
    toCiphertext: text("to_ciphertext").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    kind: text("kind").$type<"kod" | "bokning" | "paminnelse" | "avbokning">().notNull(),
    status: text("status").$type<"utkorg" | "skickad" | "misslyckad">().notNull(),
    bookingId: uuid("booking_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("portal_messages_initiative_idx").on(t.initiativeId, t.createdAt),
    check("portal_messages_channel_check", sql`${t.channel} in ('epost','sms')`),
    check(
      "portal_messages_kind_check",
      sql`${t.kind} in ('kod','bokning','paminnelse','avbokning')`,
    ),
    check("portal_messages_status_check", sql`${t.status} in ('utkorg','skickad','misslyckad')`),
  ],
);
