// Budget against outcome (domain/finance.md): per reporting period, the budget of association
// funds in the current budget version and the outcome — the association-fund lines of the
// approved requisition of that period; the förbrukningskvot of each period and of the year to
// date; the suggested prognosis and the office's override. Every figure here is computed from
// rows a user can open (the budget version, the requisitions), never stored.
import { and, asc, desc, eq, inArray, like } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { initiatives, type Orientation } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { ratioPercent, sumKronor } from "../platform/money.ts";
import { actorName } from "../reports/report-versions.ts";
import { periodicReports } from "../reports/schema.ts";
import { initiativeDates, initiativePeriods, periodOfKey, yearOfPeriod } from "./periods.ts";
import {
  financeSettings,
  initiativeBudgetLines,
  initiativeBudgets,
  PROGNOSES,
  type Prognosis,
  prognosisOverrides,
  requisitionLines,
  requisitions,
  returnedFunds,
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
  const overrides = await q
    .select()
    .from(prognosisOverrides)
    .where(eq(prognosisOverrides.initiativeId, initiativeId))
    .orderBy(desc(prognosisOverrides.setAt));
  const outcomeOf = (requisitionId: string) =>
    outcomeLines.filter((l) => l.requisitionId === requisitionId);
  return moneyOfRows({
    initiativeId,
    initiativeName: initiative.name,
    status: initiative.status,
    asOf,
    band,
    periodList,
    budgetVersion: budget?.version ?? null,
    budgetLines,
    requisitions: reqs,
    outcomeLines: outcomeOf,
    latestInPhase: answers?.inPhase?.answer ?? null,
    overrides,
  });
}

type OverrideRow = typeof prognosisOverrides.$inferSelect;

/**
 * Budget, outcome, ratios and prognosis of one initiative from its rows, as of a day: the
 * periods (with those outside the initiative's current dates that hold money), the year to
 * date, the suggested prognosis and the override of the latest ended period (`overrides`
 * newest first). initiativeMoney reads one initiative's rows; the follow-up reads many at once.
 */
export function moneyOfRows(input: {
  initiativeId: string;
  initiativeName: string;
  status: string;
  asOf: string;
  band: FinanceBand;
  periodList: ReadonlyArray<{ key: string; start: string; end: string }>;
  budgetVersion: number | null;
  budgetLines: ReadonlyArray<{ periodKey: string; source: string; amount: number }>;
  requisitions: ReadonlyArray<{
    id: string;
    periodKey: string;
    status: string;
    paymentStatus: string;
  }>;
  /** The lines of an approved requisition. */
  outcomeLines: (requisitionId: string) => ReadonlyArray<{ source: string; amount: number }>;
  latestInPhase: string | null;
  overrides: readonly OverrideRow[];
}): InitiativeMoney {
  const { asOf, band, periodList, budgetLines } = input;
  const reqs = input.requisitions;
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
      const out = req?.status === "godkand" ? input.outcomeLines(req.id) : [];
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
  const suggested = suggestPrognosis({
    ended: input.status === "avslutad" || input.status === "avslutad_i_fortid",
    ratioPercent: ratioPercent(ytdOutcome, ytdBudget),
    band,
    latestInPhase: input.latestInPhase,
  });
  const override = latestPeriod
    ? input.overrides.find((o) => o.periodKey === latestPeriod.periodKey)
    : undefined;
  return {
    initiativeId: input.initiativeId,
    initiativeName: input.initiativeName,
    asOf,
    year,
    band: { low: band.low, high: band.high },
    budgetVersion: input.budgetVersion,
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

// ---------------------------------------------------------------------------------------------
// The office's override of the suggested prognosis

/** The Swedish names of the prognoses, as the pages and the exports show them. */
export const PROGNOSIS_LABELS: Record<Prognosis, string> = {
  ok: "OK",
  bevaka: "Bevaka",
  atgard: "Åtgärd",
  avslutad: "Avslutad",
};

export interface PrognosisOverride {
  id: string;
  periodKey: string;
  prognosis: Prognosis;
  comment: string;
  setByName: string;
  setAt: Date;
}

/**
 * Sets the office's prognosis for an initiative as of a reporting period, with the reason.
 * The period must be one of the initiative's money periods and have ended by `today`: the
 * prognosis is the office's view of a period whose figures are in. Append-only: an earlier
 * override stays in the history, the latest per period applies.
 */
export async function setPrognosisOverride(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  periodKey: string,
  prognosis: string,
  comment: string,
  options: { today?: string } = {},
): Promise<PrognosisOverride> {
  const today = options.today ?? todayInSweden();
  const money = await initiativeMoney(q, associationId, initiativeId, today);
  const problems: Record<string, string> = {};
  if (!(PROGNOSES as readonly string[]).includes(prognosis))
    problems.prognosis = "Välj en prognos: OK, Bevaka, Åtgärd eller Avslutad.";
  const text = comment.trim();
  if (!text)
    problems.comment =
      "Skriv varför prognosen ska vara en annan än den föreslagna. Kommentaren krävs.";
  else if (text.length > 2000) problems.comment = "Kommentaren får ha högst 2 000 tecken.";
  const period = money.periods.find((p) => p.periodKey === periodKey);
  if (!period)
    problems.periodKey = `Perioden ${periodKey} hör inte till insatsen. Välj en av insatsens rapportperioder.`;
  else if (!period.ended)
    problems.periodKey = `Perioden ${periodKey} har inte slutat än. Prognosen sätts för en period som har slutat.`;
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return q.transaction(async (tx) => {
    const [row] = await tx
      .insert(prognosisOverrides)
      .values({
        associationId,
        initiativeId,
        periodKey,
        prognosis: prognosis as Prognosis,
        comment: text,
        setBy: actor.userId,
        setByName: await actorName(tx, actor),
      })
      .returning();
    if (!row) throw new Error("prognosis override not stored");
    await recordAuditEvent(tx, actor, {
      action: "prognosis.overridden",
      associationId,
      targetType: "initiative",
      targetId: initiativeId,
      details: {
        periodKey,
        prognosis,
        suggested:
          period?.periodKey === money.latestPeriod?.periodKey ? money.suggested.prognosis : null,
        comment: text,
      },
    });
    return {
      id: row.id,
      periodKey: row.periodKey,
      prognosis: row.prognosis,
      comment: row.comment,
      setByName: row.setByName,
      setAt: row.setAt,
    };
  });
}

/** Every override of an initiative's prognosis, newest first. */
export async function listPrognosisOverrides(
  q: Queryable,
  associationId: string,
  initiativeId: string,
): Promise<PrognosisOverride[]> {
  const rows = await q
    .select()
    .from(prognosisOverrides)
    .where(
      and(
        eq(prognosisOverrides.associationId, associationId),
        eq(prognosisOverrides.initiativeId, initiativeId),
      ),
    )
    .orderBy(desc(prognosisOverrides.setAt), desc(prognosisOverrides.id));
  return rows.map((r) => ({
    id: r.id,
    periodKey: r.periodKey,
    prognosis: r.prognosis,
    comment: r.comment,
    setByName: r.setByName,
    setAt: r.setAt,
  }));
}

// ---------------------------------------------------------------------------------------------
// The association's money of a year: every initiative, and totals

/**
 * The day a year's figures are for: today within the current year, the year's last day for a
 * past year, and its first day for a future year (nothing has ended yet).
 */
export function asOfForYear(year: number, today: string = todayInSweden()): string {
  const current = Number(today.slice(0, 4));
  if (year === current) return today;
  return year < current ? `${year}-12-31` : `${year}-01-01`;
}

export interface InitiativeYearMoney {
  initiativeId: string;
  name: string;
  orientation: Orientation;
  status: string;
  targetGroup: string;
  expectedParticipants: number | null;
  expectedParticipantsOngoing: boolean;
  /** The whole year: association funds budgeted and approved outcome of the year's periods. */
  yearBudget: number;
  yearOutcome: number;
  yearCoFinancingBudget: number;
  yearCoFinancingOutcome: number;
  /** The year's periods that have ended by the day the figures are for. */
  ytdBudget: number;
  ytdOutcome: number;
  ratioPercent: number | null;
  latestPeriodKey: string | null;
  suggested: { prognosis: Prognosis; reason: string };
  override: InitiativeMoney["override"];
  prognosis: Prognosis;
  /** Returned funds that concern the year. */
  returned: number;
  /** The initiative's periods in the year, each with its budget, outcome and ratio. */
  periods: PeriodMoney[];
}

export interface MoneyTotals {
  initiatives: number;
  yearBudget: number;
  yearOutcome: number;
  yearCoFinancingBudget: number;
  yearCoFinancingOutcome: number;
  ytdBudget: number;
  ytdOutcome: number;
  ratioPercent: number | null;
  returned: number;
}

export interface AssociationMoney {
  year: number;
  asOf: string;
  band: { low: number; high: number };
  initiatives: InitiativeYearMoney[];
  totals: { individual: MoneyTotals; structural: MoneyTotals; all: MoneyTotals };
}

function totalsOf(rows: readonly InitiativeYearMoney[]): MoneyTotals {
  const sum = (f: (r: InitiativeYearMoney) => number) => sumKronor(rows.map(f));
  const ytdBudget = sum((r) => r.ytdBudget);
  const ytdOutcome = sum((r) => r.ytdOutcome);
  return {
    initiatives: rows.length,
    yearBudget: sum((r) => r.yearBudget),
    yearOutcome: sum((r) => r.yearOutcome),
    yearCoFinancingBudget: sum((r) => r.yearCoFinancingBudget),
    yearCoFinancingOutcome: sum((r) => r.yearCoFinancingOutcome),
    ytdBudget,
    ytdOutcome,
    ratioPercent: ratioPercent(ytdOutcome, ytdBudget),
    returned: sum((r) => r.returned),
  };
}

/**
 * Every initiative with a budget, an approved outcome or returned funds in the year: the year's
 * budget and outcome (association funds and co-financing), the ratio of the year to date, the
 * suggested and the effective prognosis; and totals for individual and structural initiatives
 * and all. `asOf` is brought into the year (asOfForYear) so that "to date" means that year.
 */
export async function associationMoney(
  q: Queryable,
  associationId: string,
  year: number,
  asOf: string,
): Promise<AssociationMoney> {
  const day = asOfForYear(year, asOf);
  const budgeted = await q
    .selectDistinct({ id: initiativeBudgets.initiativeId })
    .from(initiativeBudgets)
    .innerJoin(initiativeBudgetLines, eq(initiativeBudgetLines.budgetId, initiativeBudgets.id))
    .where(
      and(
        eq(initiativeBudgets.associationId, associationId),
        eq(initiativeBudgets.status, "gallande"),
        eq(initiativeBudgetLines.year, year),
      ),
    );
  const claimed = await q
    .selectDistinct({ id: requisitions.initiativeId })
    .from(requisitions)
    .where(
      and(
        eq(requisitions.associationId, associationId),
        eq(requisitions.status, "godkand"),
        like(requisitions.periodKey, `${year}-%`),
      ),
    );
  const returnedRows = await q
    .select({ initiativeId: returnedFunds.initiativeId, amount: returnedFunds.amount })
    .from(returnedFunds)
    .where(and(eq(returnedFunds.associationId, associationId), eq(returnedFunds.year, year)));
  const ids = [
    ...new Set(
      [...budgeted, ...claimed].map((r) => r.id).concat(returnedRows.map((r) => r.initiativeId)),
    ),
  ];
  const info = ids.length
    ? await q
        .select({
          id: initiatives.id,
          name: initiatives.name,
          orientation: initiatives.orientation,
          status: initiatives.status,
          targetGroup: initiatives.targetGroup,
          expectedParticipants: initiatives.expectedParticipants,
          expectedParticipantsOngoing: initiatives.expectedParticipantsOngoing,
        })
        .from(initiatives)
        .where(and(eq(initiatives.associationId, associationId), inArray(initiatives.id, ids)))
        .orderBy(asc(initiatives.name))
    : [];
  const band = await getFinanceBand(q, associationId);
  const rows: InitiativeYearMoney[] = [];
  for (const i of info) {
    const m = await initiativeMoney(q, associationId, i.id, day);
    const ofYear = m.periods.filter((p) => p.year === year);
    rows.push({
      initiativeId: i.id,
      name: i.name,
      orientation: i.orientation,
      status: i.status,
      targetGroup: i.targetGroup,
      expectedParticipants: i.expectedParticipants,
      expectedParticipantsOngoing: i.expectedParticipantsOngoing,
      yearBudget: sumKronor(ofYear.map((p) => p.budget)),
      yearOutcome: sumKronor(ofYear.map((p) => p.outcome)),
      yearCoFinancingBudget: sumKronor(ofYear.map((p) => p.coFinancingBudget)),
      yearCoFinancingOutcome: sumKronor(ofYear.map((p) => p.coFinancingOutcome)),
      ytdBudget: m.yearToDate.budget,
      ytdOutcome: m.yearToDate.outcome,
      ratioPercent: m.yearToDate.ratioPercent,
      latestPeriodKey: m.latestPeriod?.periodKey ?? null,
      suggested: m.suggested,
      override: m.override,
      prognosis: m.prognosis,
      returned: sumKronor(returnedRows.filter((r) => r.initiativeId === i.id).map((r) => r.amount)),
      periods: ofYear,
    });
  }
  return {
    year,
    asOf: day,
    band: { low: band.low, high: band.high },
    initiatives: rows,
    totals: {
      individual: totalsOf(rows.filter((r) => r.orientation === "individual")),
      structural: totalsOf(rows.filter((r) => r.orientation === "structural")),
      all: totalsOf(rows),
    },
  };
}
