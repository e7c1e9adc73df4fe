// Table 4 (Prognos och utfall budget) and "Struktur och individ", from the money figures of
// finance/outcome.ts (read in a batch by money.ts): the budget for the period is the association
// funds budgeted (current budget version) for the reporting periods that end within the
// follow-up period, the outcome the association funds of those periods' approved requisitions,
// the förbrukningskvot outcome ÷ budget in whole per cent (platform/money.ts ratioPercent, as
// everywhere), and the prognosis (OK / Bevaka / Åtgärd / Avslutad) the initiative's money page
// shows as of the period's end (or today, for a period not yet over).
import type { InitiativeMoney } from "../finance/outcome.ts";
import { PROGNOSIS_LABELS } from "../finance/outcome.ts";
import type { Prognosis } from "../finance/schema.ts";
import { ratioPercent, sumKronor } from "../platform/money.ts";
import type { InitiativeFacts } from "./initiatives.ts";
import { refOf } from "./initiatives.ts";
import type { BudgetRow, Colour, FollowUpReport, SourceRef, StructureRow } from "./model.ts";
import { reportingPeriodWords } from "./period.ts";

interface Period {
  from: string;
  to: string;
}

const PROGNOSIS_COLOUR: Record<Prognosis, Colour> = {
  ok: "green",
  bevaka: "yellow",
  atgard: "red",
  avslutad: "none",
};

/** The money periods counted for the follow-up period: those that end within it. */
export const periodsWithin = (money: InitiativeMoney, period: Period) =>
  money.periods.filter((p) => p.end !== "" && p.end >= period.from && p.end <= period.to);

export function budgetRow(
  initiative: InitiativeFacts,
  money: InitiativeMoney,
  period: Period,
): BudgetRow {
  const within = periodsWithin(money, period);
  const budget = sumKronor(within.map((p) => p.budget));
  const outcome = sumKronor(within.map((p) => p.outcome));
  const sources: SourceRef[] = within.flatMap((p) =>
    p.requisition && p.requisition.status === "godkand"
      ? [
          {
            kind: "requisition" as const,
            id: p.requisition.id,
            label: `Rekvisition ${reportingPeriodWords(p.periodKey)}`,
          },
        ]
      : [],
  );
  return {
    ...refOf(initiative),
    budget,
    outcome,
    ratioPercent: ratioPercent(outcome, budget),
    prognosis: PROGNOSIS_LABELS[money.prognosis] as BudgetRow["prognosis"],
    colour: PROGNOSIS_COLOUR[money.prognosis],
    sources,
  };
}

/**
 * Table 4: every initiative active in the period, and any other with a budget or an outcome in
 * it (money budgeted or spent is never left out), in the order given; and the totals.
 */
export function budgetTable(
  initiatives: readonly InitiativeFacts[],
  active: ReadonlySet<string>,
  money: ReadonlyMap<string, InitiativeMoney>,
  period: Period,
): FollowUpReport["budget"] {
  const rows: BudgetRow[] = [];
  for (const initiative of initiatives) {
    const m = money.get(initiative.id);
    if (!m) continue;
    const row = budgetRow(initiative, m, period);
    if (active.has(initiative.id) || row.budget !== 0 || row.outcome !== 0) rows.push(row);
  }
  const budget = sumKronor(rows.map((r) => r.budget));
  const outcome = sumKronor(rows.map((r) => r.outcome));
  return { rows, total: { budget, outcome, ratioPercent: ratioPercent(outcome, budget) } };
}

/** Struktur och individ: the active initiatives and their outcome in the period, by orientation. */
export function structureRows(
  initiatives: readonly InitiativeFacts[],
  active: ReadonlySet<string>,
  budget: FollowUpReport["budget"],
): StructureRow[] {
  const outcomeOf = new Map(budget.rows.map((r) => [r.id, r.outcome]));
  const of = (orientation: "structural" | "individual"): StructureRow => {
    const list = initiatives.filter((i) => active.has(i.id) && i.orientation === orientation);
    return {
      orientation,
      initiatives: list.length,
      outcome: sumKronor(list.map((i) => outcomeOf.get(i.id) ?? 0)),
    };
  };
  const structural = of("structural");
  const individual = of("individual");
  return [
    structural,
    individual,
    {
      orientation: "total",
      initiatives: structural.initiatives + individual.initiatives,
      outcome: sumKronor([structural.outcome, individual.outcome]),
    },
  ];
}
