// The money of an association as bundle sections (money-schema.ts): the normal band, the
// allocated funds of each year with the members' keys, every version of each initiative's
// budget, the requisitions with their lines, attachments and history, returned funds and the
// office's prognoses. Organisations become org numbers, people stay names; user ids, version
// ids and the association's id are left out. The same data always gives the same sections:
// everything is sorted by what the document itself holds.
// The functions that turn a stored row into its bundle form are also what the import compares
// a file with (import-money.ts).
import { asc, eq, inArray } from "drizzle-orm";
import { BUDGET_CATEGORIES, CO_FINANCING_KINDS } from "../applications/content.ts";
import { PAYMENT_STATUSES } from "../finance/requisitions.ts";
import {
  financeSettings,
  fundingShares,
  fundingYears,
  initiativeBudgetLines,
  initiativeBudgets,
  prognosisOverrides,
  REQUISITION_STATUSES,
  requisitionAttachments,
  requisitionEvents,
  requisitionLines,
  requisitions,
  returnedFunds,
} from "../finance/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { compare, type OrgNumberOf } from "./export-reports.ts";
import type {
  BundleBudgetLine,
  BundleBudgetVersion,
  BundleFinanceSettings,
  BundleFundingYear,
  BundleInitiativeBudget,
  BundleMoneyLine,
  BundlePrognosisOverride,
  BundleRequisition,
  BundleRequisitionEvent,
  BundleRequisitionSnapshot,
  BundleReturnedFunds,
} from "./money-schema.ts";

type Raw = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const strOrNull = (v: unknown): string | null => (typeof v === "string" ? v : null);
const int = (v: unknown): number => (typeof v === "number" && Number.isSafeInteger(v) ? v : 0);
const obj = (v: unknown): Raw =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Raw) : {};
const list = (v: unknown): Raw[] =>
  Array.isArray(v) ? v.filter((x): x is Raw => !!x && typeof x === "object") : [];

// ------------------------------------------------------------------------------------------
// Lines: one order everywhere

const categoryRank = (c: string) => (BUDGET_CATEGORIES as readonly string[]).indexOf(c);
const kindRank = (k: string | null) =>
  k === null ? -1 : (CO_FINANCING_KINDS as readonly string[]).indexOf(k);

/** Category, source (association funds first), party, kind. */
export const byLine = (a: BundleMoneyLine, b: BundleMoneyLine) =>
  categoryRank(a.category) - categoryRank(b.category) ||
  (a.source === b.source ? 0 : a.source === "forbund" ? -1 : 1) ||
  compare(a.organisation ?? "", b.organisation ?? "") ||
  kindRank(a.coKind) - kindRank(b.coKind);

/** Period first, then as byLine. */
export const byBudgetLine = (a: BundleBudgetLine, b: BundleBudgetLine) =>
  compare(a.periodKey, b.periodKey) || byLine(a, b);

type LineRow = {
  category: BundleMoneyLine["category"];
  source: BundleMoneyLine["source"];
  organisationId: string | null;
  coKind: BundleMoneyLine["coKind"];
  amount: number;
};

export const moneyLineOf = (l: LineRow, orgNumberOf: OrgNumberOf): BundleMoneyLine => ({
  category: l.category,
  source: l.source,
  organisation: l.organisationId ? orgNumberOf(l.organisationId) : null,
  coKind: l.coKind,
  amount: l.amount,
});

export const budgetLineOf = (
  l: LineRow & { periodKey: string },
  orgNumberOf: OrgNumberOf,
): BundleBudgetLine => ({ periodKey: l.periodKey, ...moneyLineOf(l, orgNumberOf) });

// ------------------------------------------------------------------------------------------
// A stored row in bundle form

type BudgetRow = typeof initiativeBudgets.$inferSelect;
type BudgetLineRow = typeof initiativeBudgetLines.$inferSelect;

/** A stored budget version as the bundle holds it. */
export const budgetVersionOf = (
  v: BudgetRow,
  lines: readonly BudgetLineRow[],
  orgNumberOf: OrgNumberOf,
): BundleBudgetVersion => ({
  version: v.budgetVersion,
  status: v.status,
  kind: v.kind,
  reason: v.reason,
  deviationReport: v.deviationReportId,
  actorName: v.createdByName,
  createdAt: v.createdAt.toISOString(),
  lines: lines.map((l) => budgetLineOf(l, orgNumberOf)).sort(byBudgetLine),
});

/** A requisition event's snapshot (as requisitions.ts keeps it) in bundle form. */
export function snapshotOf(raw: unknown, orgNumberOf: OrgNumberOf): BundleRequisitionSnapshot {
  const s = obj(raw);
  const totals = obj(s.totals);
  const status = str(s.status);
  const payment = str(s.paymentStatus);
  return {
    status: ((REQUISITION_STATUSES as readonly string[]).includes(status)
      ? status
      : "utkast") as BundleRequisitionSnapshot["status"],
    version: Math.max(1, int(s.version)),
    note: str(s.note),
    returnReason: strOrNull(s.returnReason),
    paymentStatus: ((PAYMENT_STATUSES as readonly string[]).includes(payment)
      ? payment
      : "ej_betald") as BundleRequisitionSnapshot["paymentStatus"],
    paidOn: strOrNull(s.paidOn),
    attachments: int(s.attachments),
    lines: list(s.lines)
      .map((l) =>
        moneyLineOf(
          {
            category: str(l.category) as LineRow["category"],
            source: str(l.source) as LineRow["source"],
            organisationId: strOrNull(l.organisationId),
            coKind: strOrNull(l.coKind) as LineRow["coKind"],
            amount: int(l.amount),
          },
          orgNumberOf,
        ),
      )
      .sort(byLine),
    totals: {
      total: int(totals.total),
      association: int(totals.association),
      coFinancing: int(totals.coFinancing),
    },
  };
}

type EventRow = typeof requisitionEvents.$inferSelect;

export const eventOf = (e: EventRow, orgNumberOf: OrgNumberOf): BundleRequisitionEvent => ({
  event: e.event,
  note: e.note,
  actorName: e.actorName,
  createdAt: e.createdAt.toISOString(),
  snapshot: snapshotOf(e.snapshot, orgNumberOf),
});

/**
 * Time order; events of the same moment by the requisition's version they left (each step
 * raises it), then by what they hold, so the order never varies.
 */
export const byEvent = (a: BundleRequisitionEvent, b: BundleRequisitionEvent) =>
  compare(a.createdAt, b.createdAt) ||
  a.snapshot.version - b.snapshot.version ||
  compare(JSON.stringify(a), JSON.stringify(b));

type RequisitionRow = typeof requisitions.$inferSelect;

/** A requisition's own fields (without key, initiative and what hangs on it). */
export const requisitionFieldsOf = (r: RequisitionRow) => ({
  periodKey: r.periodKey,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
  status: r.status,
  note: r.note,
  submittedAt: r.submittedAt?.toISOString() ?? null,
  returnReason: r.returnReason,
  approvedAt: r.approvedAt?.toISOString() ?? null,
  paymentStatus: r.paymentStatus,
  paidOn: r.paidOn,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

type ReturnedRow = typeof returnedFunds.$inferSelect;

export const returnedFundsOf = (r: ReturnedRow): BundleReturnedFunds => ({
  key: r.id,
  initiative: r.initiativeId,
  year: r.year,
  amount: r.amount,
  reason: r.reason,
  returnedOn: r.returnedOn,
  actorName: r.createdByName,
  createdAt: r.createdAt.toISOString(),
});

type OverrideRow = typeof prognosisOverrides.$inferSelect;

export const prognosisOverrideOf = (r: OverrideRow): BundlePrognosisOverride => ({
  initiative: r.initiativeId,
  periodKey: r.periodKey,
  prognosis: r.prognosis,
  comment: r.comment,
  actorName: r.setByName,
  setAt: r.setAt.toISOString(),
});

/** Time order within an initiative; the same moment by what the overrides hold. */
export const byOverride = (a: BundlePrognosisOverride, b: BundlePrognosisOverride) =>
  compare(a.setAt, b.setAt) ||
  compare(a.periodKey, b.periodKey) ||
  compare(a.prognosis, b.prognosis) ||
  compare(a.comment, b.comment) ||
  compare(a.actorName, b.actorName);

// ------------------------------------------------------------------------------------------
// The sections

export interface MoneySections {
  financeSettings: BundleFinanceSettings;
  fundingYears: BundleFundingYear[];
  initiativeBudgets: BundleInitiativeBudget[];
  requisitions: BundleRequisition[];
  returnedFunds: BundleReturnedFunds[];
  prognosisOverrides: BundlePrognosisOverride[];
}

/**
 * The association's money. `initiativeRank` gives each initiative's place in the bundle's
 * (sorted) list of initiatives, so that budgets and requisitions follow the same order.
 */
export async function exportMoney(
  q: Queryable,
  associationId: string,
  orgNumberOf: OrgNumberOf,
  initiativeRank: ReadonlyMap<string, number>,
): Promise<MoneySections> {
  const rank = (initiativeId: string) => initiativeRank.get(initiativeId) ?? initiativeRank.size;
  const byInitiative = (a: { initiative: string }, b: { initiative: string }) =>
    rank(a.initiative) - rank(b.initiative) || compare(a.initiative, b.initiative);

  // one query after another: q may be a transaction, which runs one query at a time
  const [settings] = await q
    .select()
    .from(financeSettings)
    .where(eq(financeSettings.associationId, associationId));
  const years = await q
    .select()
    .from(fundingYears)
    .where(eq(fundingYears.associationId, associationId))
    .orderBy(asc(fundingYears.year));
  const shares = await q
    .select()
    .from(fundingShares)
    .where(eq(fundingShares.associationId, associationId));

  const budgets = await q
    .select()
    .from(initiativeBudgets)
    .where(eq(initiativeBudgets.associationId, associationId))
    .orderBy(asc(initiativeBudgets.budgetVersion));
  const budgetLines = budgets.length
    ? await q
        .select()
        .from(initiativeBudgetLines)
        .where(
          inArray(
            initiativeBudgetLines.budgetId,
            budgets.map((b) => b.id),
          ),
        )
    : [];

  const reqs = await q
    .select()
    .from(requisitions)
    .where(eq(requisitions.associationId, associationId));
  const reqIds = reqs.map((r) => r.id);
  const reqLines = reqIds.length
    ? await q.select().from(requisitionLines).where(inArray(requisitionLines.requisitionId, reqIds))
    : [];
  const files = reqIds.length
    ? await q
        .select()
        .from(requisitionAttachments)
        .where(inArray(requisitionAttachments.requisitionId, reqIds))
    : [];
  const events = reqIds.length
    ? await q
        .select()
        .from(requisitionEvents)
        .where(inArray(requisitionEvents.requisitionId, reqIds))
    : [];

  const returned = await q
    .select()
    .from(returnedFunds)
    .where(eq(returnedFunds.associationId, associationId));
  const overrides = await q
    .select()
    .from(prognosisOverrides)
    .where(eq(prognosisOverrides.associationId, associationId));

  const budgetInitiatives = [...new Set(budgets.map((b) => b.initiativeId))];
  return {
    financeSettings: settings
      ? {
          ratioLowPercent: settings.ratioLowPercent,
          ratioHighPercent: settings.ratioHighPercent,
        }
      : null,
    fundingYears: years.map((y) => ({
      year: y.year,
      totalAllocation: y.totalAllocation,
      equityOpening: y.equityOpening,
      adminBudget: y.adminBudget,
      adminOutcome: y.adminOutcome,
      note: y.note,
      shares: shares
        .filter((s) => s.year === y.year)
        .map((s) => ({ organisation: orgNumberOf(s.organisationId), keyValue: s.keyValue }))
        .sort((a, b) => compare(a.organisation, b.organisation)),
    })),
    initiativeBudgets: budgetInitiatives
      .map(
        (initiativeId): BundleInitiativeBudget => ({
          initiative: initiativeId,
          versions: budgets
            .filter((b) => b.initiativeId === initiativeId)
            .map((b) =>
              budgetVersionOf(
                b,
                budgetLines.filter((l) => l.budgetId === b.id),
                orgNumberOf,
              ),
            ),
        }),
      )
      .sort(byInitiative),
    requisitions: reqs
      .map(
        (r): BundleRequisition => ({
          key: r.id,
          initiative: r.initiativeId,
          ...requisitionFieldsOf(r),
          lines: reqLines
            .filter((l) => l.requisitionId === r.id)
            .map((l) => moneyLineOf(l, orgNumberOf))
            .sort(byLine),
          attachments: files
            .filter((a) => a.requisitionId === r.id)
            .map((a) => ({
              key: a.id,
              fileName: a.fileName,
              mediaType: a.mediaType,
              sizeBytes: a.sizeBytes,
              sha256: a.sha256,
              uploadedAt: a.uploadedAt.toISOString(),
              dataBase64: Buffer.from(a.data).toString("base64"),
            }))
            .sort(
              (a, b) =>
                compare(a.uploadedAt, b.uploadedAt) ||
                compare(a.fileName, b.fileName) ||
                compare(a.key, b.key),
            ),
          events: events
            .filter((e) => e.requisitionId === r.id)
            .map((e) => eventOf(e, orgNumberOf))
            .sort(byEvent),
        }),
      )
      .sort(
        (a, b) =>
          byInitiative(a, b) ||
          compare(a.periodStart, b.periodStart) ||
          compare(a.periodKey, b.periodKey) ||
          compare(a.key, b.key),
      ),
    returnedFunds: returned
      .map(returnedFundsOf)
      .sort(
        (a, b) =>
          byInitiative(a, b) ||
          compare(a.returnedOn, b.returnedOn) ||
          compare(a.createdAt, b.createdAt) ||
          compare(a.key, b.key),
      ),
    prognosisOverrides: overrides
      .map(prognosisOverrideOf)
      .sort((a, b) => byInitiative(a, b) || byOverride(a, b)),
  };
}
