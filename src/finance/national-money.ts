// The national follow-up's figures for a year (domain/follow-up.md, "National figures";
// finance.md): the allocated funds and the equity, the budget and outcome of the administrative
// costs, per initiative its orientation, target group, budget and outcome, and the participants
// — in individual initiatives by gender, in structural ones their count-only participation —
// as JSON (the API, a download, `samspar report national`) and as CSV (semicolon-separated,
// UTF-8 with BOM, so Excel opens it in Swedish). The money comes from yearOverview, like the
// money page; the participants from the register's statistics (src/register/aggregates.ts),
// after the association's disclosure control, like every figure that leaves the register.
import type { Db } from "../platform/database/connect.ts";
import { formatNumber } from "../platform/i18n/format.ts";
import {
  FIGURE,
  formatStatistic,
  PERIODS_TOTAL,
  registerStatistics,
  type StatisticsCell,
} from "../register/aggregates.ts";
import { type YearOverview, yearOverview } from "./association-money.ts";

/** A count of participants after disclosure control: the value, or why it is not shown. */
export type NationalCount =
  | { value: number }
  | { suppressed: true; reason: "primary" | "secondary" | "left_out"; display: string };

export interface NationalParticipantRow {
  name: string;
  women: NationalCount;
  men: NationalCount;
  /** Everyone: women, men, other genders and not stated. */
  total: NationalCount;
}

/** The participants of the year, after disclosure control. */
export interface NationalParticipants {
  /** The association's disclosure threshold (0: off); counts below it are shown as "< 5". */
  threshold: number;
  allowTrueZero: boolean;
  /** Individual initiatives: enrollments ongoing some day of the year, by gender. */
  individual: NationalParticipantRow[];
  /** All individual initiatives together; null when there are none. */
  individualTotal: NationalParticipantRow | null;
  /** Structural initiatives: their count-only participation in the periods within the year. */
  structural: NationalParticipantRow[];
  structuralTotal: NationalParticipantRow | null;
  /** How many counts are not shown (never which), and why. */
  suppressedCells: number;
  reasons: string[];
}

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
  participants: NationalParticipants;
  notes: string[];
}

export const ORIENTATION_NAMES = { individual: "Individinriktad", structural: "Strukturinriktad" };

const countOf = (cell: StatisticsCell): NationalCount =>
  "value" in cell
    ? { value: cell.value }
    : { suppressed: true, reason: cell.suppressed, display: formatStatistic(cell) };

/** What the disclosure control did to the participant figures, in words (never which values). */
function disclosureNote(p: NationalParticipants): string {
  if (p.threshold === 0)
    return "Förbundet har stängt av röjandekontrollen (tröskel 0): alla antal deltagare visas som de är.";
  const t = p.threshold;
  const hidden =
    p.suppressedCells === 0
      ? "Ingen uppgift om deltagare behövde döljas."
      : `${formatNumber(p.suppressedCells)} ${p.suppressedCells === 1 ? "uppgift" : "uppgifter"} om deltagare visas inte.`;
  return `Deltagaruppgifterna har gått igenom förbundets röjandekontroll med tröskeln ${t}: ett antal under ${t}${p.allowTrueZero ? "" : " (även 0)"} visas som ”< ${t}”, och ”..” är ett antal som döljs så att ett annat dolt antal inte kan räknas fram ur summorna. ${hidden}`;
}

/** The figures from an overview of the year and its participants (pure). */
export function nationalMoneyFromOverview(
  associationName: string,
  overview: YearOverview,
  participants: NationalParticipants,
): NationalMoneyFigures {
  const { funding, money, equity } = overview;
  const notes = [
    "Belopp i hela kronor. Insatsernas budget och utfall avser förbundsmedel; medfinansiering ingår inte.",
    `Utfallet är förbundsmedlen i godkända rekvisitioner för årets rapportperioder, räknat till och med ${money.asOf}. Rekvisitioner som inte är godkända ingår inte.`,
    "Beräknat eget kapital vid årets slut = eget kapital vid årets början + tilldelade medel + återförda medel − insatsernas godkända utfall − administrativa kostnader (utfall, eller budget så länge utfallet saknas).",
    "Deltagare i individinriktade insatser: inskrivningar som pågått någon dag under året, per kön, ur deltagarregistret. Varje inskrivning räknas för sig och felregistreringar räknas aldrig. Totalt räknar alla, även annat kön och uppgift saknas. Deltagare i strukturinriktade insatser: antal enligt insatsens egen räkning för de perioder som ligger helt inom året. Budgeterat antal deltagare kommer från insatsregistret.",
    disclosureNote(participants),
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
    participants,
    notes,
  };
}

/**
 * The participants of a year after the association's disclosure control: per individual
 * initiative the enrollments ongoing some day of the year by gender, per structural initiative
 * its count-only participation, and the totals — the same protected cells as the participant
 * statistics of the year (one registerStatistics call, so no hidden count can be recovered from
 * the others).
 */
export async function nationalParticipants(
  db: Db,
  associationId: string,
  year: number,
): Promise<NationalParticipants> {
  const stats = await registerStatistics(db, associationId, {
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  const individualRow = (unit: (typeof stats.individual)[number]): NationalParticipantRow => {
    const row = unit.tables.flatMap((t) => t.rows).find((r) => r.key === FIGURE.enrolled);
    if (!row) throw new Error(`the statistics have no ${FIGURE.enrolled}`);
    return {
      name: unit.name,
      women: countOf(row.kvinnor),
      men: countOf(row.man),
      total: countOf(row.totalt),
    };
  };
  const structuralRow = (unit: (typeof stats.structural)[number]): NationalParticipantRow => {
    const row = unit.table.rows.find((r) => r.key === PERIODS_TOTAL);
    if (!row) throw new Error(`the statistics have no ${PERIODS_TOTAL}`);
    return {
      name: unit.name,
      women: countOf(row.kvinnor),
      men: countOf(row.man),
      total: countOf(row.totalt),
    };
  };
  const individual = stats.individual.map(individualRow);
  const individualTotal = stats.individualTotal ? individualRow(stats.individualTotal) : null;
  const structural = stats.structural.map(structuralRow);
  const structuralTotal = stats.structuralTotal ? structuralRow(stats.structuralTotal) : null;
  // what is hidden among these counts (the statistics' own summary also covers their shares)
  const cells = [
    ...individual,
    ...(individualTotal ? [individualTotal] : []),
    ...structural,
    ...(structuralTotal ? [structuralTotal] : []),
  ].flatMap((r) => [r.women, r.men, r.total]);
  const primary = cells.filter((c) => "reason" in c && c.reason === "primary").length;
  const protecting = cells.filter((c) => "reason" in c && c.reason !== "primary").length;
  const t = stats.threshold;
  const reasons = [
    ...(primary > 0
      ? [
          `${formatNumber(primary)} antal avser färre än ${t} personer${stats.allowTrueZero ? "" : " (0 inräknat)"} och visas som ”< ${t}”.`,
        ]
      : []),
    ...(protecting > 0
      ? [
          `${formatNumber(protecting)} antal döljs (”..”) så att inget antal under ${t} kan räknas fram ur summorna.`,
        ]
      : []),
  ];
  return {
    threshold: t,
    allowTrueZero: stats.allowTrueZero,
    individual,
    individualTotal,
    structural,
    structuralTotal,
    suppressedCells: primary + protecting,
    reasons,
  };
}

export async function nationalMoneyFigures(
  db: Db,
  association: { id: string; name: string },
  year: number,
  asOf: string,
): Promise<NationalMoneyFigures> {
  const [overview, participants] = await Promise.all([
    yearOverview(db, association.id, year, asOf),
    nationalParticipants(db, association.id, year),
  ]);
  return nationalMoneyFromOverview(association.name, overview, participants);
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
  const people = (section: string, row: NationalParticipantRow, what: string) => {
    for (const [label, cell] of [
      ["Kvinnor", row.women],
      ["Män", row.men],
      ["Totalt", row.total],
    ] as const)
      rows.push([
        section,
        row.name,
        `${label} ${what}`,
        "value" in cell ? cell.value : cell.display,
        "personer",
      ]);
  };
  const p = f.participants;
  const enrolled = "(inskrivna under året)";
  for (const row of p.individual) people("Deltagare, individinriktade insatser", row, enrolled);
  if (p.individualTotal)
    people("Deltagare, individinriktade insatser", p.individualTotal, enrolled);
  const counted = "(antal deltagare under året)";
  for (const row of p.structural) people("Deltagare, strukturinriktade insatser", row, counted);
  if (p.structuralTotal)
    people("Deltagare, strukturinriktade insatser", p.structuralTotal, counted);
  rows.push(["Röjandekontroll", "", "Tröskel", p.threshold, null]);
  rows.push(["Röjandekontroll", "", "Antal som inte visas", p.suppressedCells, null]);
  for (const reason of p.reasons) rows.push(["Röjandekontroll", "", reason, null, null]);
  for (const note of f.notes) rows.push(["Anmärkning", "", note, null, null]);
  return `\ufeff${rows.map((r) => r.map(field).join(";")).join("\r\n")}\r\n`;
}
