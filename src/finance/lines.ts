// The shape every money line has — a budget line of a period, or a line of a requisition: a cost
// category and a source (association funds, or a party's own financing / co-financing of a kind)
// with an amount in whole kronor. One parser for both, so the two always agree on what is valid.
import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  type BudgetCategory,
  CO_FINANCING_KIND_LABELS,
  CO_FINANCING_KINDS,
  type CoFinancingKind,
} from "../applications/content.ts";
import { parseKronor, sumKronor } from "../platform/money.ts";
import type { FundingSource } from "./schema.ts";

export interface MoneyLine {
  category: BudgetCategory;
  source: FundingSource;
  /** The party, for co-financing; null for association funds. */
  organisationId: string | null;
  coKind: CoFinancingKind | null;
  amount: number;
}

/** A line as typed in a form, an API body or a spreadsheet row. */
export interface MoneyLineInput {
  category: string;
  source: string;
  organisationId?: string | null;
  coKind?: string | null;
  amount: string | number | null | undefined;
}

/** Identifies a line within its period or requisition: category, source, party, kind. */
export const lineKey = (l: Pick<MoneyLine, "category" | "source" | "organisationId" | "coKind">) =>
  `${l.category}|${l.source}|${l.organisationId ?? ""}|${l.coKind ?? ""}`;

/** "Personal, förbundsmedel" / "Personal, medfinansiering Tierps kommun (personaltid)". */
export function lineLabel(l: MoneyLine | MoneyLineInput, partyName?: string): string {
  const category = BUDGET_CATEGORY_LABELS[l.category as BudgetCategory] ?? l.category;
  if (l.source === "forbund") return `${category}, förbundsmedel`;
  const kind = CO_FINANCING_KIND_LABELS[l.coKind as CoFinancingKind] ?? l.coKind ?? "";
  return `${category}, medfinansiering ${partyName ?? ""} (${kind.toLowerCase()})`
    .replace(/\s+/g, " ")
    .replace(" )", ")");
}

/**
 * Reads lines. `field(i, part)` names a problem's field (e.g. `lines.3.amount` or a spreadsheet
 * cell "C7"); `parties` are the organisations that may co-finance (the owner and the partners).
 * Empty amounts are dropped (no line), zeros kept. Returns the lines or the problems, never both.
 */
export function parseMoneyLines(
  input: readonly MoneyLineInput[],
  parties: ReadonlySet<string>,
  field: (
    index: number,
    part: "category" | "source" | "organisationId" | "coKind" | "amount",
  ) => string,
): { lines: MoneyLine[]; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const lines: MoneyLine[] = [];
  const seen = new Map<string, number>();
  input.forEach((row, i) => {
    const amount = parseKronor(row.amount ?? null);
    if (amount === null) return;
    let ok = true;
    if (amount === "invalid") {
      problems[field(i, "amount")] =
        "Skriv beloppet i hela kronor med siffror, till exempel 125 000. Minusbelopp går inte.";
      ok = false;
    }
    if (!(BUDGET_CATEGORIES as readonly string[]).includes(row.category)) {
      problems[field(i, "category")] =
        `Välj ett kostnadsslag: ${BUDGET_CATEGORIES.map((c) => BUDGET_CATEGORY_LABELS[c].toLowerCase()).join(", ")}.`;
      ok = false;
    }
    const source = row.source;
    if (source !== "forbund" && source !== "medfinansiering") {
      problems[field(i, "source")] = "Välj förbundsmedel eller medfinansiering.";
      ok = false;
    }
    const organisationId = row.organisationId?.trim() || null;
    const coKind = row.coKind?.trim() || null;
    if (source === "medfinansiering") {
      if (!organisationId || !parties.has(organisationId)) {
        problems[field(i, "organisationId")] =
          "Välj vilken part som står för medfinansieringen: ägaren eller en samverkanspart.";
        ok = false;
      }
      if (!coKind || !(CO_FINANCING_KINDS as readonly string[]).includes(coKind)) {
        problems[field(i, "coKind")] =
          "Välj slag av medfinansiering: pengar, personaltid eller deltagarnas ersättningar.";
        ok = false;
      }
    }
    if (!ok || amount === "invalid") return;
    const line: MoneyLine = {
      category: row.category as BudgetCategory,
      source: source as FundingSource,
      organisationId: source === "forbund" ? null : organisationId,
      coKind: source === "forbund" ? null : (coKind as CoFinancingKind),
      amount,
    };
    const key = lineKey(line);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems[field(i, "category")] =
        `Raden finns redan (rad ${earlier + 1}). Lägg ihop beloppen på en rad.`;
      return;
    }
    seen.set(key, i);
    lines.push(line);
  });
  return Object.keys(problems).length ? { lines: [], problems } : { lines, problems };
}

/** Totals of lines: all, association funds, co-financing, per category. Exact integers. */
export function lineTotals(lines: readonly Pick<MoneyLine, "category" | "source" | "amount">[]) {
  const byCategory = Object.fromEntries(
    BUDGET_CATEGORIES.map((c) => [
      c,
      sumKronor(lines.filter((l) => l.category === c).map((l) => l.amount)),
    ]),
  ) as Record<BudgetCategory, number>;
  return {
    total: sumKronor(lines.map((l) => l.amount)),
    association: sumKronor(lines.filter((l) => l.source === "forbund").map((l) => l.amount)),
    coFinancing: sumKronor(
      lines.filter((l) => l.source === "medfinansiering").map((l) => l.amount),
    ),
    byCategory,
  };
}
