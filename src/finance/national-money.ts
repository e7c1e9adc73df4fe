// The money part of the national follow-up for a year (domain/follow-up.md, "National
// figures"; finance.md): the allocated funds and the equity, the budget and outcome of the
// administrative costs, and per initiative its orientation, target group, budget and outcome —
// as JSON (the API and a download) and as CSV (semicolon-separated, UTF-8 with BOM, so Excel
// opens it in Swedish). Every figure comes from yearOverview, like the money page.
//
// The participant figures the national follow-up also asks for (participants in individual
// initiatives by gender, counts in structural ones) come from the participant register, which
// Samspår does not have yet; the notes say so rather than leave a gap that looks like zero.
import type { Queryable } from "../platform/database/connect.ts";
import { type YearOverview, yearOverview } from "./association-money.ts";

export interface NationalMoneyFigures {
  association: string;
  year: number;
  /** The day the outcome is counted to. */
  asOf: string;
  allocatedFunds: {
    total: number;
    members: Array<{ name: string; kind: string; amount: number }>;
  };
  equity: {
    opening: number;
    /** Beräknat eget kapital vid årets slut, and its terms. */
    closing: number;
    allocation: number;
    returnedFunds: number;
    initiativesOutcome: number;
    administrativeCosts: number;
    administrativeCostsBasis: "utfall" | "budget";
  };
  administrativeCosts: { budget: number; outcome: number | null };
  initiatives: Array<{
    name: string;
    orientation: "individual" | "structural";
    targetGroup: string;
    /** Association funds budgeted for the year's periods (current budget version). */
    budget: number;
    /** Association funds in approved requisitions of the year's periods. */
    outcome: number;
    /** From the initiative register: expected participants (for the whole period, or at once). */
    expectedParticipants: number | null;
    expectedParticipantsOngoing: boolean;
  }>;
  notes: string[];
}

export const ORIENTATION_NAMES = { individual: "Individinriktad", structural: "Strukturinriktad" };

/** The figures from an overview of the year (pure). */
export function nationalMoneyFromOverview(
  associationName: string,
  overview: YearOverview,
): NationalMoneyFigures {
  const { funding, money, equity } = overview;
  const notes = [
    "Belopp i hela kronor. Insatsernas budget och utfall avser förbundsmedel; medfinansiering ingår inte.",
    `Utfallet är förbundsmedlen i godkända rekvisitioner för årets rapportperioder, räknat till och med ${money.asOf}. Rekvisitioner som inte är godkända ingår inte.`,
    "Beräknat eget kapital vid årets slut = eget kapital vid årets början + tilldelade medel + återförda medel − insatsernas godkända utfall − administrativa kostnader (utfall, eller budget så länge utfallet saknas).",
    "Deltagaruppgifterna som den nationella uppföljningen också frågar efter (deltagare per kön i individinriktade insatser, antal deltagare i strukturinriktade) kommer från deltagarregistret, som ännu inte finns i Samspår. De ingår inte här. Budgeterat antal deltagare kommer från insatsregistret.",
  ];
  if (!funding.saved)
    notes.push(
      `Förbundets medel för ${funding.year} är inte angivna: tilldelade medel, eget kapital och administrativa kostnader visas som 0.`,
    );
  if (funding.adminOutcome === null)
    notes.push("Utfallet av de administrativa kostnaderna är inte angivet för året.");
  return {
    association: associationName,
    year: funding.year,
    asOf: money.asOf,
    allocatedFunds: {
      total: funding.totalAllocation,
      members: funding.split.rows
        .filter((r) => r.group !== "annan")
        .map((r) => ({ name: r.name, kind: r.kind, amount: r.amount })),
    },
    equity: {
      opening: equity.opening,
      closing: equity.closing,
      allocation: equity.allocation,
      returnedFunds: equity.returnedFunds,
      initiativesOutcome: equity.initiativesOutcome,
      administrativeCosts: equity.adminCosts,
      administrativeCostsBasis: equity.adminBasis,
    },
    administrativeCosts: { budget: funding.adminBudget, outcome: funding.adminOutcome },
    initiatives: money.initiatives.map((i) => ({
      name: i.name,
      orientation: i.orientation,
      targetGroup: i.targetGroup,
      budget: i.yearBudget,
      outcome: i.yearOutcome,
      expectedParticipants: i.expectedParticipants,
      expectedParticipantsOngoing: i.expectedParticipantsOngoing,
    })),
    notes,
  };
}

export async function nationalMoneyFigures(
  q: Queryable,
  association: { id: string; name: string },
  year: number,
  asOf: string,
): Promise<NationalMoneyFigures> {
  return nationalMoneyFromOverview(
    association.name,
    await yearOverview(q, association.id, year, asOf),
  );
}

/** A CSV field: quoted when it holds a separator, a quote or a line break. */
function field(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_HEADER = ["Avsnitt", "Insats", "Uppgift", "Värde", "Enhet"];

/**
 * The figures as CSV, one figure a row: section, initiative, what, value, unit. Semicolons,
 * CRLF line ends, UTF-8 with a byte order mark; amounts as plain whole numbers so a
 * spreadsheet reads them as numbers.
 */
export function nationalMoneyCsv(f: NationalMoneyFigures): string {
  const rows: Array<Array<string | number | null>> = [CSV_HEADER];
  const kr = (section: string, what: string, value: number | null, initiative = "") =>
    rows.push([section, initiative, what, value, value === null ? null : "kr"]);
  rows.push(["Förbundet", "", "Förbund", f.association, null]);
  rows.push(["Förbundet", "", "År", f.year, null]);
  rows.push(["Förbundet", "", "Utfall räknat till och med", f.asOf, null]);
  kr("Tilldelade medel", "Summa tilldelade medel", f.allocatedFunds.total);
  for (const m of f.allocatedFunds.members)
    kr("Tilldelade medel", `Tilldelade medel från ${m.name}`, m.amount);
  kr("Eget kapital", "Eget kapital vid årets början", f.equity.opening);
  kr("Eget kapital", "Återförda medel", f.equity.returnedFunds);
  kr("Eget kapital", "Insatsernas godkända utfall", f.equity.initiativesOutcome);
  kr(
    "Eget kapital",
    `Administrativa kostnader (${f.equity.administrativeCostsBasis})`,
    f.equity.administrativeCosts,
  );
  kr("Eget kapital", "Beräknat eget kapital vid årets slut", f.equity.closing);
  kr("Administrativa kostnader", "Budget", f.administrativeCosts.budget);
  if (f.administrativeCosts.outcome === null)
    rows.push(["Administrativa kostnader", "", "Utfall", "Inte angivet", null]);
  else kr("Administrativa kostnader", "Utfall", f.administrativeCosts.outcome);
  for (const i of f.initiatives) {
    rows.push(["Insats", i.name, "Inriktning", ORIENTATION_NAMES[i.orientation], null]);
    rows.push(["Insats", i.name, "Målgrupp", i.targetGroup, null]);
    kr("Insats", "Budget (förbundsmedel)", i.budget, i.name);
    kr("Insats", "Utfall (förbundsmedel)", i.outcome, i.name);
    rows.push([
      "Insats",
      i.name,
      i.expectedParticipantsOngoing
        ? "Budgeterat antal deltagare (samtidigt)"
        : "Budgeterat antal deltagare",
      i.expectedParticipants,
      i.expectedParticipants === null ? null : "personer",
    ]);
  }
  for (const note of f.notes) rows.push(["Anmärkning", "", note, null, null]);
  return `\ufeff${rows.map((r) => r.map(field).join(";")).join("\r\n")}\r\n`;
}
