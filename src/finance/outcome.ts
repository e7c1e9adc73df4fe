// Budget against outcome (domain/finance.md): per reporting period, the budget of association
// funds in the current budget version and the outcome — the association-fund lines of the
// approved requisition of that period; the förbrukningskvot of each period and of the year to
// date; the suggested prognosis and the office's override. Every figure here is computed from
// rows a user can open (the budget version, the requisitions), never stored.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../platform/database/connect.ts";
import { ratioPercent, sumKronor } from "../platform/money.ts";
import { periodicReports } from "../reports/schema.ts";
import { initiativeDates, initiativePeriods, periodOfKey, yearOfPeriod } from "./periods.ts";
import {
  financeSettings,
  initiativeBudgetLines,
  initiativeBudgets,
  type Prognosis,
  prognosisOverrides,
  requisitionLines,
  requisitions,
} from "./schema.ts";

export interface FinanceBand {
  low: number;
  high: number;
  version: number;
}

export async function getFinanceBand(q: Queryable, associationId: string): Promise<FinanceBand> {
  const [row] = await q
    .select()
    .from(financeSettings)
    .where(eq(financeSettings.associationId, associationId));
  return row
    ? { low: row.ratioLowPercent, high: row.ratioHighPercent, version: row.version }
    : { low: 80, high: 110, version: 0 };
}

export interface PeriodMoney {
  periodKey: string;
  start: string;
  end: string;
  year: number;
  /** Association funds budgeted for the period (current budget version). */
  budget: number;
  /** Co-financing budgeted for the period. */
  coFinancingBudget: number;
  /** Association funds of the period's approved requisition; 0 without one. */
  outcome: number;
  coFinancingOutcome: number;
  /** Outcome ÷ budget in whole per cent; null when the budget is zero. */
  ratioPercent: number | null;
  /** The period's requisition, if any. */
  requisition: { id: string; status: string; paymentStatus: string } | null;
  /** The period has ended by the day the figures are for. */
  ended: boolean;
}

export interface InitiativeMoney {
  initiativeId: string;
  initiativeName: string;
  asOf: string;
  year: number;
  band: { low: number; high: number };
  budgetVersion: number | null;
  periods: PeriodMoney[];
  /** The year's ended periods: budget, outcome and ratio so far. */
  yearToDate: { budget: number; outcome: number; ratioPercent: number | null; periods: string[] };
  /** The latest ended period of the year (its ratio is shown beside the year's). */
  latestPeriod: PeriodMoney | null;
  suggested: { prognosis: Prognosis; reason: string };
  override: {
    prognosis: Prognosis;
    comment: string;
    setByName: string;
    setAt: Date;
    periodKey: string;
  } | null;
  /** The override when there is one for the latest ended period, else the suggestion. */
  prognosis: Prognosis;
}

/** How far outside the normal band (percentage points) the year's ratio must be for "Åtgärd". */
export const ACTION_MARGIN = 20;

/**
 * The suggested prognosis (documented in ADR 0010): Avslutad for an ended initiative; otherwise
 * OK while no budgeted period has ended or the year's ratio is within the band; Bevaka outside the
 * band; Åtgärd when the year's ratio is more than ACTION_MARGIN points outside the band, or outside
 * it while the latest periodic report says the initiative is not in phase.
 */
export function suggestPrognosis(input: {
  ended: boolean;
  ratioPercent: number | null;
  band: { low: number; high: number };
  latestInPhase: string | null;
}): { prognosis: Prognosis; reason: string } {
  const { band, ratioPercent: ratio } = input;
  if (input.ended) return { prognosis: "avslutad", reason: "Insatsen är avslutad." };
  if (ratio === null)
    return {
      prognosis: "ok",
      reason: "Ingen period med budget har slutat i år, så det finns ingen förbrukningskvot än.",
    };
  const bandText = `${band.low}–${band.high} %`;
  if (ratio >= band.low && ratio <= band.high)
    return {
      prognosis: "ok",
      reason: `Förbrukningskvoten hittills i år, ${ratio} %, ligger inom normalintervallet ${bandText}.`,
    };
  const side = ratio < band.low ? "under" : "över";
  const far = ratio < band.low - ACTION_MARGIN || ratio > band.high + ACTION_MARGIN;
  if (far)
    return {
      prognosis: "atgard",
      reason: `Förbrukningskvoten hittills i år, ${ratio} %, ligger mer än ${ACTION_MARGIN} procentenheter ${side} normalintervallet ${bandText}.`,
    };
  if (input.latestInPhase === "nej")
    return {
      prognosis: "atgard",
      reason: `Förbrukningskvoten hittills i år, ${ratio} %, ligger ${side} normalintervallet ${bandText} och den senaste lägesrapporten säger att insatsen inte ligger i fas.`,
    };
  return {
    prognosis: "bevaka",
    reason: `Förbrukningskvoten hittills i år, ${ratio} %, ligger ${side} normalintervallet ${bandText}.`,
  };
}

/** Budget, outcome, ratios and prognosis of one initiative as of a day ("YYYY-MM-DD"). */
export async function initiativeMoney(
  q: Queryable,
  associationId: string,
  initiativeId: string,
  asOf: string,
): Promise<InitiativeMoney> {
  const initiative = await initiativeDates(q, associationId, initiativeId);
  const band = await getFinanceBand(q, associationId);
  const periodList = await initiativePeriods(q, initiative);
  const [budget] = await q
    .select({ id: initiativeBudgets.id, version: initiativeBudgets.budgetVersion })
    .from(initiativeBudgets)
    .where(
      and(
        eq(initiativeBudgets.initiativeId, initiativeId),
        eq(initiativeBudgets.status, "gallande"),
      ),
    );
  const budgetLines = budget
    ? await q
        .select({
          periodKey: initiativeBudgetLines.periodKey,
          source: initiativeBudgetLines.source,
          amount: initiativeBudgetLines.amount,
        })
        .from(initiativeBudgetLines)
        .where(eq(initiativeBudgetLines.budgetId, budget.id))
    : [];
  const reqs = await q
    .select({
      id: requisitions.id,
      periodKey: requisitions.periodKey,
      status: requisitions.status,
      paymentStatus: requisitions.paymentStatus,
    })
    .from(requisitions)
    .where(eq(requisitions.initiativeId, initiativeId));
  const approvedIds = reqs.filter((r) => r.status === "godkand").map((r) => r.id);
  const outcomeLines = approvedIds.length
    ? await q
        .select({
          requisitionId: requisitionLines.requisitionId,
          source: requisitionLines.source,
          amount: requisitionLines.amount,
        })
        .from(requisitionLines)
        .where(inArray(requisitionLines.requisitionId, approvedIds))
    : [];
  const reqByPeriod = new Map(reqs.map((r) => [r.periodKey, r]));
  // Periods with budget lines or a requisition outside the initiative's current dates (after a
  // shortened end) still count: money that was budgeted or spent is never hidden.
  const keys = new Map(periodList.map((p) => [p.key, p]));
  const extra = new Set(
    [...budgetLines.map((l) => l.periodKey), ...reqs.map((r) => r.periodKey)].filter(
      (k) => !keys.has(k),
    ),
  );
  const periods: PeriodMoney[] = [
    ...periodList.map((p) => ({ key: p.key, start: p.start, end: p.end })),
    ...[...extra].map((key) => {
      const p = periodOfKey(key);
      return { key, start: p?.start ?? "", end: p?.end ?? "" };
    }),
  ]
    .map((p) => {
      const req = reqByPeriod.get(p.key);
      const lines = budgetLines.filter((l) => l.periodKey === p.key);
      const out =
        req?.status === "godkand" ? outcomeLines.filter((l) => l.requisitionId === req.id) : [];
      const b = sumKronor(lines.filter((l) => l.source === "forbund").map((l) => l.amount));
      const o = sumKronor(out.filter((l) => l.source === "forbund").map((l) => l.amount));
      return {
        periodKey: p.key,
        start: p.start,
        end: p.end,
        year: yearOfPeriod(p.key),
        budget: b,
        coFinancingBudget: sumKronor(
          lines.filter((l) => l.source === "medfinansiering").map((l) => l.amount),
        ),
        outcome: o,
        coFinancingOutcome: sumKronor(
          out.filter((l) => l.source === "medfinansiering").map((l) => l.amount),
        ),
        ratioPercent: ratioPercent(o, b),
        requisition: req
          ? { id: req.id, status: req.status, paymentStatus: req.paymentStatus }
          : null,
        ended: p.end !== "" && p.end <= asOf,
      };
    })
    .sort((a, b) => (a.periodKey < b.periodKey ? -1 : a.periodKey > b.periodKey ? 1 : 0));
  const year = Number(asOf.slice(0, 4));
  const ytdPeriods = periods.filter((p) => p.year === year && p.ended);
  const ytdBudget = sumKronor(ytdPeriods.map((p) => p.budget));
  const ytdOutcome = sumKronor(ytdPeriods.map((p) => p.outcome));
  const latestPeriod = ytdPeriods[ytdPeriods.length - 1] ?? null;
  const [latestReport] = await q
    .select({ content: periodicReports.content })
    .from(periodicReports)
    .where(
      and(
        eq(periodicReports.initiativeId, initiativeId),
        inArray(periodicReports.status, ["inskickad", "last"]),
      ),
    )
    .orderBy(desc(periodicReports.periodEnd))
    .limit(1);
  const answers = (
    latestReport?.content as { answers?: Record<string, { answer?: string | null }> }
  )?.answers;
  const suggested = suggestPrognosis({
    ended: initiative.status === "avslutad" || initiative.status === "avslutad_i_fortid",
    ratioPercent: ratioPercent(ytdOutcome, ytdBudget),
    band,
    latestInPhase: answers?.inPhase?.answer ?? null,
  });
  const [override] = latestPeriod
    ? await q
        .select()
        .from(prognosisOverrides)
        .where(
          and(
            eq(prognosisOverrides.initiativeId, initiativeId),
            eq(prognosisOverrides.periodKey, latestPeriod.periodKey),
          ),
        )
        .orderBy(desc(prognosisOverrides.setAt))
        .limit(1)
    : [];
  return {
    initiativeId,
    initiativeName: initiative.name,
    asOf,
    year,
    band: { low: band.low, high: band.high },
    budgetVersion: budget?.version ?? null,
    periods,
    yearToDate: {
      budget: ytdBudget,
      outcome: ytdOutcome,
      ratioPercent: ratioPercent(ytdOutcome, ytdBudget),
      periods: ytdPeriods.map((p) => p.periodKey),
    },
    latestPeriod,
    suggested,
    override: override
      ? {
          prognosis: override.prognosis,
          comment: override.comment,
          setByName: override.setByName,
          setAt: override.setAt,
          periodKey: override.periodKey,
        }
      : null,
    prognosis: override?.prognosis ?? suggested.prognosis,
  };
}
