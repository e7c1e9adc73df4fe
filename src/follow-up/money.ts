// Budget against outcome for many initiatives at once: exactly finance/outcome.ts
// initiativeMoney — the same periods (finance/periods.ts, reports/calendar.ts), the same budget
// version ("gällande"), the same approved requisitions, the same ratio (platform/money.ts
// ratioPercent) and the same suggested prognosis (finance/outcome.ts suggestPrognosis) and
// override — but read in seven queries for all of them instead of nine per initiative. The
// follow-up's test checks that every initiative's figures equal initiativeMoney's.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import {
  getFinanceBand,
  type InitiativeMoney,
  type PeriodMoney,
  suggestPrognosis,
} from "../finance/outcome.ts";
import { periodOfKey, yearOfPeriod } from "../finance/periods.ts";
import {
  initiativeBudgetLines,
  initiativeBudgets,
  prognosisOverrides,
  requisitionLines,
  requisitions,
} from "../finance/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ratioPercent, sumKronor } from "../platform/money.ts";
import { getReportingSettings, periodsBetween } from "../reports/calendar.ts";
import { periodicReports } from "../reports/schema.ts";

export interface MoneyInitiative {
  id: string;
  /** The registered name (initiativeMoney's initiativeName). */
  registeredName: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** initiativeMoney(q, associationId, id, asOf) for every initiative given, by id. */
export async function initiativesMoney(
  q: Queryable,
  associationId: string,
  list: readonly MoneyInitiative[],
  asOf: string,
): Promise<Map<string, InitiativeMoney>> {
  const out = new Map<string, InitiativeMoney>();
  if (list.length === 0) return out;
  const ids = list.map((i) => i.id);
  const band = await getFinanceBand(q, associationId);
  const settings = await getReportingSettings(q, associationId);
  const budgets = await q
    .select({
      id: initiativeBudgets.id,
      initiativeId: initiativeBudgets.initiativeId,
      version: initiativeBudgets.budgetVersion,
    })
    .from(initiativeBudgets)
    .where(
      and(inArray(initiativeBudgets.initiativeId, ids), eq(initiativeBudgets.status, "gallande")),
    );
  const budgetLines = budgets.length
    ? await q
        .select({
          budgetId: initiativeBudgetLines.budgetId,
          periodKey: initiativeBudgetLines.periodKey,
          source: initiativeBudgetLines.source,
          amount: initiativeBudgetLines.amount,
        })
        .from(initiativeBudgetLines)
        .where(
          inArray(
            initiativeBudgetLines.budgetId,
            budgets.map((b) => b.id),
          ),
        )
    : [];
  const reqs = await q
    .select({
      id: requisitions.id,
      initiativeId: requisitions.initiativeId,
      periodKey: requisitions.periodKey,
      status: requisitions.status,
      paymentStatus: requisitions.paymentStatus,
    })
    .from(requisitions)
    .where(inArray(requisitions.initiativeId, ids));
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
  // the latest submitted or locked report of each initiative (as initiativeMoney: any period)
  const latestReports = await q
    .selectDistinctOn([periodicReports.initiativeId], {
      initiativeId: periodicReports.initiativeId,
      inPhase: sql<string | null>`${periodicReports.content}->'answers'->'inPhase'->>'answer'`,
    })
    .from(periodicReports)
    .where(
      and(
        inArray(periodicReports.initiativeId, ids),
        inArray(periodicReports.status, ["inskickad", "last"]),
      ),
    )
    .orderBy(asc(periodicReports.initiativeId), desc(periodicReports.periodEnd));
  const overrides = await q
    .select()
    .from(prognosisOverrides)
    .where(inArray(prognosisOverrides.initiativeId, ids))
    .orderBy(desc(prognosisOverrides.setAt));

  const budgetOf = new Map(budgets.map((b) => [b.initiativeId, b]));
  const linesOf = groupBy(budgetLines, (l) => l.budgetId);
  const reqsOf = groupBy(reqs, (r) => r.initiativeId);
  const outcomeOf = groupBy(outcomeLines, (l) => l.requisitionId);
  const inPhaseOf = new Map(latestReports.map((r) => [r.initiativeId, r.inPhase ?? null]));
  const overridesOf = groupBy(overrides, (o) => `${o.initiativeId}|${o.periodKey}`);
  const year = Number(asOf.slice(0, 4));

  for (const initiative of list) {
    const budget = budgetOf.get(initiative.id);
    const lines = budget ? (linesOf.get(budget.id) ?? []) : [];
    const own = reqsOf.get(initiative.id) ?? [];
    const reqByPeriod = new Map(own.map((r) => [r.periodKey, r]));
    const periodList =
      initiative.startDate && initiative.endDate
        ? periodsBetween(
            settings.cadence,
            initiative.startDate,
            initiative.endDate,
            settings.dueMonthsAfter,
          )
        : [];
    const keys = new Map(periodList.map((p) => [p.key, p]));
    const extra = new Set(
      [...lines.map((l) => l.periodKey), ...own.map((r) => r.periodKey)].filter(
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
        const periodLines = lines.filter((l) => l.periodKey === p.key);
        const out = req?.status === "godkand" ? (outcomeOf.get(req.id) ?? []) : [];
        const b = sumKronor(periodLines.filter((l) => l.source === "forbund").map((l) => l.amount));
        const o = sumKronor(out.filter((l) => l.source === "forbund").map((l) => l.amount));
        return {
          periodKey: p.key,
          start: p.start,
          end: p.end,
          year: yearOfPeriod(p.key),
          budget: b,
          coFinancingBudget: sumKronor(
            periodLines.filter((l) => l.source === "medfinansiering").map((l) => l.amount),
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
    const ytdPeriods = periods.filter((p) => p.year === year && p.ended);
    const ytdBudget = sumKronor(ytdPeriods.map((p) => p.budget));
    const ytdOutcome = sumKronor(ytdPeriods.map((p) => p.outcome));
    const latestPeriod = ytdPeriods[ytdPeriods.length - 1] ?? null;
    const suggested = suggestPrognosis({
      ended: initiative.status === "avslutad" || initiative.status === "avslutad_i_fortid",
      ratioPercent: ratioPercent(ytdOutcome, ytdBudget),
      band,
      latestInPhase: inPhaseOf.get(initiative.id) ?? null,
    });
    const override = latestPeriod
      ? overridesOf.get(`${initiative.id}|${latestPeriod.periodKey}`)?.[0]
      : undefined;
    out.set(initiative.id, {
      initiativeId: initiative.id,
      initiativeName: initiative.registeredName,
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
    });
  }
  return out;
}
