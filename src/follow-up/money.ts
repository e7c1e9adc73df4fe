// Budget against outcome for many initiatives at once: finance/outcome.ts initiativeMoney for
// each — the same rows (current budget version, requisitions, approved lines, latest report,
// overrides) turned into figures by the same moneyOfRows — but read in seven queries for all
// of them instead of seven per initiative. The
// follow-up's test checks that every initiative's figures equal initiativeMoney's.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getFinanceBand, type InitiativeMoney, moneyOfRows } from "../finance/outcome.ts";
import {
  initiativeBudgetLines,
  initiativeBudgets,
  prognosisOverrides,
  requisitionLines,
  requisitions,
} from "../finance/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
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
  const overridesOf = groupBy(overrides, (o) => o.initiativeId);

  for (const initiative of list) {
    const budget = budgetOf.get(initiative.id);
    const periodList =
      initiative.startDate && initiative.endDate
        ? periodsBetween(
            settings.cadence,
            initiative.startDate,
            initiative.endDate,
            settings.dueMonthsAfter,
          )
        : [];
    out.set(
      initiative.id,
      moneyOfRows({
        initiativeId: initiative.id,
        initiativeName: initiative.registeredName,
        status: initiative.status,
        asOf,
        band,
        periodList,
        budgetVersion: budget?.version ?? null,
        budgetLines: budget ? (linesOf.get(budget.id) ?? []) : [],
        requisitions: reqsOf.get(initiative.id) ?? [],
        outcomeLines: (requisitionId) => outcomeOf.get(requisitionId) ?? [],
        latestInPhase: inPhaseOf.get(initiative.id) ?? null,
        overrides: overridesOf.get(initiative.id) ?? [],
      }),
    );
  }
  return out;
}
