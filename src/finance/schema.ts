// Money (domain/finance.md): the association's allocated funds, equity and administrative
// costs per year; each initiative's budget per reporting period, cost category and source
// (association funds or a party's own financing / co-financing), kept as versions; the
// requisitions whose approved amounts are the outcome; returned funds; and the office's
// prognosis. Amounts are whole kronor (bigint, mode number: safe integers), never floats.
// No participant identities here.
import { sql } from "drizzle-orm";
import {
  bigint,
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
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { BudgetCategory, CoFinancingKind } from "../applications/content.ts";
import { associations, memberOrganisations } from "../associations/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import { users } from "../people/schema.ts";
import { bytea } from "../platform/database/column-types.ts";
import { deviationReports } from "../reports/schema.ts";

const kronor = (name: string) => bigint(name, { mode: "number" });

/** Where a budget or outcome line's money comes from. */
export const FUNDING_SOURCES = ["forbund", "medfinansiering"] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const PROGNOSES = ["ok", "bevaka", "atgard", "avslutad"] as const;
export type Prognosis = (typeof PROGNOSES)[number];

/** The association's money rules: the band of consumption ratios it considers normal. */
export const financeSettings = pgTable(
  "finance_settings",
  {
    associationId: uuid("association_id")
      .primaryKey()
      .references(() => associations.id),
    /** Whole per cent; outside [low, high] an initiative is flagged "bevaka". */
    ratioLowPercent: integer("ratio_low_percent").notNull().default(80),
    ratioHighPercent: integer("ratio_high_percent").notNull().default(110),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    check(
      "finance_settings_band_check",
      sql`${t.ratioLowPercent} between 0 and 1000 and ${t.ratioHighPercent} between ${t.ratioLowPercent} and 1000`,
    ),
  ],
);

/**
 * The association's money of one year: the members' allocated funds (tilldelade medel), equity
 * carried in, and the budget and outcome of the office's administrative costs.
 */
export const fundingYears = pgTable(
  "funding_years",
  {
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    year: integer("year").notNull(),
    /** All members' contributions together; split ½ · ¼ · ¼ (funding_shares). */
    totalAllocation: kronor("total_allocation").notNull(),
    /** Eget kapital at the start of the year. May be negative. */
    equityOpening: kronor("equity_opening").notNull().default(0),
    adminBudget: kronor("admin_budget").notNull().default(0),
    /** Null until the year's administrative costs are known. */
    adminOutcome: kronor("admin_outcome"),
    note: text("note").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.associationId, t.year] }),
    check("funding_years_year_check", sql`${t.year} between 2000 and 2100`),
    check(
      "funding_years_amounts_check",
      sql`${t.totalAllocation} >= 0 and ${t.adminBudget} >= 0 and (${t.adminOutcome} is null or ${t.adminOutcome} >= 0)`,
    ),
  ],
);

/**
 * A member's key of a year: the municipalities' quarter (and the regions', if several) is
 * split by this key, usually population. Null key: equal shares within the group.
 */
export const fundingShares = pgTable(
  "funding_shares",
  {
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    year: integer("year").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => memberOrganisations.id),
    keyValue: kronor("key_value"),
  },
  (t) => [
    primaryKey({ columns: [t.associationId, t.year, t.organisationId] }),
    check("funding_shares_key_check", sql`${t.keyValue} is null or ${t.keyValue} >= 0`),
  ],
);

/**
 * One version of an initiative's budget. Versions are never changed: a change (a revision by
 * the office, or a re-phasing after an approved deviation report) is a new version, and the
 * previous one becomes "ersatt". Exactly one version per initiative is "gallande".
 */
export const initiativeBudgets = pgTable(
  "initiative_budgets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id),
    budgetVersion: integer("budget_version").notNull(),
    status: text("status").$type<"gallande" | "ersatt">().notNull().default("gallande"),
    /** "beslut" (from the decision or entered), "revision", "omfordelning", "import". */
    kind: text("kind").$type<"beslut" | "revision" | "omfordelning" | "import">().notNull(),
    reason: text("reason").notNull().default(""),
    /** For a re-phasing: the approved deviation report that allowed it. */
    deviationReportId: uuid("deviation_report_id").references(() => deviationReports.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("initiative_budgets_version_unique").on(t.initiativeId, t.budgetVersion),
    uniqueIndex("initiative_budgets_current_unique")
      .on(t.initiativeId)
      .where(sql`${t.status} = 'gallande'`),
    check("initiative_budgets_status_check", sql`${t.status} in ('gallande','ersatt')`),
    check(
      "initiative_budgets_kind_check",
      sql`${t.kind} in ('beslut','revision','omfordelning','import')`,
    ),
  ],
);

/**
 * A line of a budget version: the amount for one reporting period, cost category and source.
 * Co-financing lines name the party and the kind (money, staff time, participants' benefits).
 */
export const initiativeBudgetLines = pgTable(
  "initiative_budget_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    budgetId: uuid("budget_id")
      .notNull()
      .references(() => initiativeBudgets.id),
    /** The reporting period, "2026-K1" / "2026-T2" (reports/calendar.ts). */
    periodKey: text("period_key").notNull(),
    year: integer("year").notNull(),
    category: text("category").$type<BudgetCategory>().notNull(),
    source: text("source").$type<FundingSource>().notNull(),
    organisationId: uuid("organisation_id").references(() => memberOrganisations.id),
    coKind: text("co_kind").$type<CoFinancingKind>(),
    amount: kronor("amount").notNull(),
  },
  (t) => [
    index("initiative_budget_lines_budget_idx").on(t.budgetId),
    uniqueIndex("initiative_budget_lines_unique").on(
      t.budgetId,
      t.periodKey,
      t.category,
      t.source,
      sql`coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.coKind}, '')`,
    ),
    check("initiative_budget_lines_amount_check", sql`${t.amount} >= 0`),
    check(
      "initiative_budget_lines_category_check",
      sql`${t.category} in ('personal','lokaler','resor','material','utvardering','ovrigt')`,
    ),
    check(
      "initiative_budget_lines_source_check",
      sql`(${t.source} = 'forbund' and ${t.organisationId} is null and ${t.coKind} is null) or (${t.source} = 'medfinansiering' and ${t.organisationId} is not null and ${t.coKind} in ('pengar','personaltid','deltagarersattning'))`,
    ),
    check("initiative_budget_lines_year_check", sql`${t.year} = substr(${t.periodKey}, 1, 4)::int`),
  ],
);

export const REQUISITION_STATUSES = ["utkast", "inskickad", "aterskickad", "godkand"] as const;
export type RequisitionStatus = (typeof REQUISITION_STATUSES)[number];

/**
 * Rekvisition: the owner's claim of actual costs for one reporting period. utkast → inskickad →
 * (the office approves: godkänd, its amounts are the outcome) or (returns with a reason:
 * återskickad → inskickad …). An approved requisition is paid (payment status) and never changes.
 */
export const requisitions = pgTable(
  "requisitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id),
    periodKey: text("period_key").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    status: text("status").$type<RequisitionStatus>().notNull().default("utkast"),
    /** The owner's note to the office (e.g. what a vacancy meant for the costs). */
    note: text("note").notNull().default(""),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** The latest return's reason, shown to the owner until the next submission. */
    returnReason: text("return_reason"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedBy: uuid("approved_by").references(() => users.id),
    paymentStatus: text("payment_status")
      .$type<"ej_betald" | "betald">()
      .notNull()
      .default("ej_betald"),
    paidOn: date("paid_on"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("requisitions_period_unique").on(t.initiativeId, t.periodKey),
    index("requisitions_association_idx").on(t.associationId, t.periodEnd),
    check(
      "requisitions_status_check",
      sql`${t.status} in ('utkast','inskickad','aterskickad','godkand')`,
    ),
    check(
      "requisitions_approved_check",
      sql`(${t.status} = 'godkand') = (${t.approvedAt} is not null)`,
    ),
    check(
      "requisitions_payment_check",
      sql`(${t.paymentStatus} = 'betald') = (${t.paidOn} is not null) and (${t.paymentStatus} = 'ej_betald' or ${t.status} = 'godkand')`,
    ),
  ],
);

/** The amounts claimed: per cost category and source, like the budget's lines. */
export const requisitionLines = pgTable(
  "requisition_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requisitionId: uuid("requisition_id")
      .notNull()
      .references(() => requisitions.id, { onDelete: "cascade" }),
    category: text("category").$type<BudgetCategory>().notNull(),
    source: text("source").$type<FundingSource>().notNull(),
    organisationId: uuid("organisation_id").references(() => memberOrganisations.id),
    coKind: text("co_kind").$type<CoFinancingKind>(),
    amount: kronor("amount").notNull(),
  },
  (t) => [
    index("requisition_lines_requisition_idx").on(t.requisitionId),
    uniqueIndex("requisition_lines_unique").on(
      t.requisitionId,
      t.category,
      t.source,
      sql`coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.coKind}, '')`,
    ),
    check("requisition_lines_amount_check", sql`${t.amount} >= 0`),
    check(
      "requisition_lines_category_check",
      sql`${t.category} in ('personal','lokaler','resor','material','utvardering','ovrigt')`,
    ),
    check(
      "requisition_lines_source_check",
      sql`(${t.source} = 'forbund' and ${t.organisationId} is null and ${t.coKind} is null) or (${t.source} = 'medfinansiering' and ${t.organisationId} is not null and ${t.coKind} in ('pengar','personaltid','deltagarersattning'))`,
    ),
  ],
);

/** The requisition's evidence (a ledger extract); type and size checked on upload. */
export const requisitionAttachments = pgTable(
  "requisition_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requisitionId: uuid("requisition_id")
      .notNull()
      .references(() => requisitions.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("requisition_attachments_requisition_idx").on(t.requisitionId),
    check("requisition_attachments_size_check", sql`${t.sizeBytes} between 1 and 10485760`),
  ],
);

/** Everything that happened to a requisition, with its lines as they were. Append-only. */
export const requisitionEvents = pgTable(
  "requisition_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requisitionId: uuid("requisition_id")
      .notNull()
      .references(() => requisitions.id),
    /** "skapad", "sparad", "inskickad", "aterskickad", "godkand", "betald". */
    event: text("event").notNull(),
    note: text("note"),
    /** The lines and total at this moment. */
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorName: text("actor_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("requisition_events_requisition_idx").on(t.requisitionId, t.createdAt)],
);

/** Återförda medel: unspent money an initiative returned to the association, and why. */
export const returnedFunds = pgTable(
  "returned_funds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id),
    year: integer("year").notNull(),
    amount: kronor("amount").notNull(),
    reason: text("reason").notNull(),
    returnedOn: date("returned_on").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("returned_funds_initiative_idx").on(t.initiativeId, t.year),
    check("returned_funds_amount_check", sql`${t.amount} > 0`),
    check("returned_funds_reason_check", sql`length(trim(${t.reason})) > 0`),
  ],
);

/**
 * The office's prognosis for an initiative as of a reporting period, overriding the suggested
 * one, always with a comment. Append-only: the latest per initiative and period applies.
 */
export const prognosisOverrides = pgTable(
  "prognosis_overrides",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id),
    periodKey: text("period_key").notNull(),
    prognosis: text("prognosis").$type<Prognosis>().notNull(),
    comment: text("comment").notNull(),
    setBy: uuid("set_by").references(() => users.id),
    setByName: text("set_by_name").notNull(),
    setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("prognosis_overrides_initiative_idx").on(t.initiativeId, t.periodKey, t.setAt),
    check(
      "prognosis_overrides_prognosis_check",
      sql`${t.prognosis} in ('ok','bevaka','atgard','avslutad')`,
    ),
    check("prognosis_overrides_comment_check", sql`length(trim(${t.comment})) > 0`),
  ],
);
