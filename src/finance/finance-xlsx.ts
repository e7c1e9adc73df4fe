// The association's money of a year as an XLSX workbook (domain/finance.md, Exports): a sheet
// per table — Förbundet (the allocated funds split per member, the computed equity term by term,
// the administrative costs), Budget and Utfall (per initiative and reporting period),
// Rekvisitioner (every requisition of the year with its lines per cost category) and Återförda
// medel. Real numbers with number formats (kronor, per cent, dates), frozen headers, column
// widths, and sums and ratios as formulas with their results cached, so a reader without a
// calculation engine sees the same figures as the page. Every figure comes from the same
// functions the money page uses (yearOverview); nothing is computed here that the page does not.
import { Workbook, type Worksheet } from "@cj-tech-master/excelts";
import { and, asc, eq, inArray, like } from "drizzle-orm";
import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  type BudgetCategory,
} from "../applications/content.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { formatDate } from "../platform/i18n/format.ts";
import { sumKronor } from "../platform/money.ts";
import { splitRuleText, type YearOverview, yearOverview } from "./association-money.ts";
import { ORIENTATION_NAMES } from "./national-money.ts";
import { PROGNOSIS_LABELS } from "./outcome.ts";
import { listReturnedFunds, type ReturnedFunds } from "./returned-funds.ts";
import { type RequisitionStatus, requisitionLines, requisitions } from "./schema.ts";

export const KRONOR_FORMAT = '#,##0" kr"';
export const PERCENT_FORMAT = "0%";
export const DATE_FORMAT = "yyyy-mm-dd";
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const REQUISITION_STATUS_LABELS: Record<RequisitionStatus, string> = {
  utkast: "Utkast",
  inskickad: "Inskickad",
  aterskickad: "Återskickad",
  godkand: "Godkänd",
};
export const PAYMENT_STATUS_LABELS: Record<"ej_betald" | "betald", string> = {
  ej_betald: "Ej betald",
  betald: "Betald",
};
const KIND_LABELS: Record<string, string> = {
  forsakringskassan: "Försäkringskassan",
  arbetsformedlingen: "Arbetsförmedlingen",
  region: "Region",
  kommun: "Kommun",
  annan: "Annan",
};

/** A requisition of the year with its lines summed per cost category and per source. */
export interface YearRequisition {
  id: string;
  initiativeId: string;
  initiativeName: string;
  periodKey: string;
  status: RequisitionStatus;
  submittedOn: string | null;
  approvedOn: string | null;
  paymentStatus: "ej_betald" | "betald";
  paidOn: string | null;
  byCategory: Record<BudgetCategory, number>;
  association: number;
  coFinancing: number;
  total: number;
}

/** Every requisition of the year's periods, in any status, by initiative and period. */
export async function requisitionsOfYear(
  q: Queryable,
  associationId: string,
  year: number,
): Promise<YearRequisition[]> {
  const rows = await q
    .select({
      id: requisitions.id,
      initiativeId: requisitions.initiativeId,
      initiativeName: initiatives.name,
      periodKey: requisitions.periodKey,
      status: requisitions.status,
      submittedAt: requisitions.submittedAt,
      approvedAt: requisitions.approvedAt,
      paymentStatus: requisitions.paymentStatus,
      paidOn: requisitions.paidOn,
    })
    .from(requisitions)
    .innerJoin(initiatives, eq(initiatives.id, requisitions.initiativeId))
    .where(
      and(eq(requisitions.associationId, associationId), like(requisitions.periodKey, `${year}-%`)),
    )
    .orderBy(asc(initiatives.name), asc(requisitions.periodKey));
  const lines = rows.length
    ? await q
        .select()
        .from(requisitionLines)
        .where(
          inArray(
            requisitionLines.requisitionId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((r) => {
    const own = lines.filter((l) => l.requisitionId === r.id);
    const byCategory = Object.fromEntries(
      BUDGET_CATEGORIES.map((c) => [
        c,
        sumKronor(own.filter((l) => l.category === c).map((l) => l.amount)),
      ]),
    ) as Record<BudgetCategory, number>;
    return {
      id: r.id,
      initiativeId: r.initiativeId,
      initiativeName: r.initiativeName,
      periodKey: r.periodKey,
      status: r.status,
      submittedOn: r.submittedAt ? formatDate(r.submittedAt) : null,
      approvedOn: r.approvedAt ? formatDate(r.approvedAt) : null,
      paymentStatus: r.paymentStatus,
      paidOn: r.paidOn,
      byCategory,
      association: sumKronor(own.filter((l) => l.source === "forbund").map((l) => l.amount)),
      coFinancing: sumKronor(
        own.filter((l) => l.source === "medfinansiering").map((l) => l.amount),
      ),
      total: sumKronor(own.map((l) => l.amount)),
    };
  });
}

export interface FinanceWorkbookData {
  associationName: string;
  year: number;
  overview: YearOverview;
  requisitions: YearRequisition[];
  returned: ReturnedFunds[];
}

/** What the workbook holds, read with the same functions as the year's money page. */
export async function financeWorkbookData(
  q: Queryable,
  association: { id: string; name: string },
  year: number,
  asOf: string,
): Promise<FinanceWorkbookData> {
  const overview = await yearOverview(q, association.id, year, asOf);
  const reqs = await requisitionsOfYear(q, association.id, year);
  const returned = await listReturnedFunds(q, association.id, { year });
  return {
    associationName: association.name,
    year,
    overview,
    requisitions: reqs,
    returned: [...returned].sort((a, b) => (a.returnedOn < b.returnedOn ? -1 : 1)),
  };
}

/** "A", "B", … "AA": the letter of a 1-based column. */
export function columnLetter(n: number): string {
  let s = "";
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

const asDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

interface Column {
  header: string;
  width: number;
  format?: string;
}

/** A sheet with a bold, frozen header row and the columns' widths and number formats. */
function sheet(wb: Workbook, name: string, columns: Column[]): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({ header: c.header, key: `c${i + 1}`, width: c.width }));
  columns.forEach((c, i) => {
    if (c.format) ws.getColumn(i + 1).numFmt = c.format;
  });
  ws.getRow(1).font = { bold: true };
  return ws;
}

/** `SUM(C2:C9)` of a column over the data rows, with the sum as the cached result. */
const sumFormula = (column: number, first: number, last: number, result: number) => ({
  formula:
    last >= first ? `SUM(${columnLetter(column)}${first}:${columnLetter(column)}${last})` : "0",
  result,
});

/** Outcome ÷ budget as a formula, empty when the budget is zero (as the page shows "–"). */
const ratioFormula = (budgetCell: string, outcomeCell: string, budget: number, outcome: number) =>
  budget === 0
    ? { formula: `IF(${budgetCell}=0,"",${outcomeCell}/${budgetCell})`, result: "" }
    : { formula: `IF(${budgetCell}=0,"",${outcomeCell}/${budgetCell})`, result: outcome / budget };

function totalRow(ws: Worksheet, values: unknown[]) {
  const row = ws.addRow(values);
  row.font = { bold: true };
  return row;
}

/** The workbook as built from its data (pure: the test reads it back against the same data). */
export async function buildFinanceWorkbook(data: FinanceWorkbookData): Promise<Buffer> {
  const { overview, year } = data;
  const { funding, money, equity } = overview;
  const wb = new Workbook();
  wb.creator = "Samspår";
  wb.title = `${data.associationName}: ekonomi ${year}`;

  // Förbundet: the split, then the equity and the administrative costs
  const f = sheet(wb, "Förbundet", [
    { header: "Medlem", width: 34 },
    { header: "Slag", width: 20 },
    { header: "Fördelningsregel", width: 64 },
    { header: "Nyckel", width: 14, format: "#,##0" },
    { header: "Tilldelade medel", width: 18, format: KRONOR_FORMAT },
  ]);
  const split = funding.split;
  for (const r of split.rows)
    f.addRow([
      r.name,
      KIND_LABELS[r.kind] ?? r.kind,
      splitRuleText(r, split),
      r.keyValue,
      r.amount,
    ]);
  const lastMember = split.rows.length + 1;
  totalRow(f, [
    "Summa tilldelade medel",
    null,
    split.unassigned
      ? `Varav ${split.unassigned} kr kan inte fördelas: förbundet saknar medlem av något slag.`
      : "Försäkringskassan ½, regionen ¼, kommunerna ¼.",
    null,
    sumFormula(5, 2, lastMember, sumKronor(split.rows.map((r) => r.amount))),
  ]).number;
  f.addRow([]);
  const equityHeader = f.addRow(["Beräknat eget kapital vid årets slut", null, "Underlag"]);
  equityHeader.font = { bold: true };
  const terms: Array<[string, string, number]> = [
    ["Eget kapital vid årets början", "Angivet för året.", equity.opening],
    ["+ Tilldelade medel", "Summan ovan.", equity.allocation],
    ["+ Återförda medel", "Bladet Återförda medel, summan.", equity.returnedFunds],
    [
      "− Insatsernas godkända utfall",
      "Förbundsmedel i godkända rekvisitioner för årets perioder (bladet Utfall, summan).",
      -equity.initiativesOutcome,
    ],
    [
      "− Administrativa kostnader",
      equity.adminBasis === "utfall"
        ? "Utfall för året."
        : "Budget för året: utfallet är inte angivet än.",
      -equity.adminCosts,
    ],
  ];
  const firstTerm = f.rowCount + 1;
  for (const [label, basis, amount] of terms) {
    const row = f.addRow([label, null, basis, null, amount]);
    row.getCell(5).numFmt = KRONOR_FORMAT;
  }
  const closing = totalRow(f, [
    "= Beräknat eget kapital vid årets slut",
    null,
    "Summan av raderna ovan.",
    null,
    sumFormula(5, firstTerm, firstTerm + terms.length - 1, equity.closing),
  ]);
  closing.getCell(5).numFmt = KRONOR_FORMAT;
  f.addRow([]);
  const adminHeader = f.addRow(["Administrativa kostnader", null, "Avser"]);
  adminHeader.font = { bold: true };
  f.addRow(["Budget", null, "Kansliets kostnader, budget för året.", null, funding.adminBudget]);
  f.addRow([
    "Utfall",
    null,
    funding.adminOutcome === null ? "Inte angivet än." : "Kansliets kostnader, utfall för året.",
    null,
    funding.adminOutcome,
  ]);
  if (funding.note) f.addRow(["Anteckning", null, funding.note]);

  // Budget: per initiative and period, association funds and co-financing
  const b = sheet(wb, "Budget", [
    { header: "Insats", width: 40 },
    { header: "Inriktning", width: 18 },
    { header: "Period", width: 10 },
    { header: "Förbundsmedel", width: 18, format: KRONOR_FORMAT },
    { header: "Medfinansiering", width: 18, format: KRONOR_FORMAT },
    { header: "Summa", width: 18, format: KRONOR_FORMAT },
  ]);
  const budgetRows = money.initiatives.flatMap((i) => i.periods.map((p) => ({ i, p })));
  budgetRows.forEach(({ i, p }, n) => {
    const r = n + 2;
    b.addRow([
      i.name,
      ORIENTATION_NAMES[i.orientation],
      p.periodKey,
      p.budget,
      p.coFinancingBudget,
      { formula: `D${r}+E${r}`, result: p.budget + p.coFinancingBudget },
    ]);
  });
  const lastBudget = budgetRows.length + 1;
  totalRow(b, [
    "Summa",
    null,
    null,
    sumFormula(4, 2, lastBudget, money.totals.all.yearBudget),
    sumFormula(5, 2, lastBudget, money.totals.all.yearCoFinancingBudget),
    sumFormula(
      6,
      2,
      lastBudget,
      money.totals.all.yearBudget + money.totals.all.yearCoFinancingBudget,
    ),
  ]);

  // Utfall: per initiative and period, budget, outcome, ratio; the initiative's prognosis
  const u = sheet(wb, "Utfall", [
    { header: "Insats", width: 40 },
    { header: "Period", width: 10 },
    { header: "Budget (förbundsmedel)", width: 20, format: KRONOR_FORMAT },
    { header: "Utfall (godkänt)", width: 18, format: KRONOR_FORMAT },
    { header: "Förbrukningskvot", width: 16, format: PERCENT_FORMAT },
    { header: "Rekvisition", width: 14 },
    { header: "Betalning", width: 12 },
    { header: "Prognos för insatsen", width: 20 },
  ]);
  budgetRows.forEach(({ i, p }, n) => {
    const r = n + 2;
    u.addRow([
      i.name,
      p.periodKey,
      p.budget,
      p.outcome,
      ratioFormula(`C${r}`, `D${r}`, p.budget, p.outcome),
      p.requisition
        ? REQUISITION_STATUS_LABELS[p.requisition.status as RequisitionStatus]
        : "Ingen",
      p.requisition
        ? PAYMENT_STATUS_LABELS[p.requisition.paymentStatus as "ej_betald" | "betald"]
        : null,
      PROGNOSIS_LABELS[i.prognosis],
    ]);
  });
  const totalOutcomeRow = budgetRows.length + 2;
  totalRow(u, [
    "Summa",
    null,
    sumFormula(3, 2, lastBudget, money.totals.all.yearBudget),
    sumFormula(4, 2, lastBudget, money.totals.all.yearOutcome),
    ratioFormula(
      `C${totalOutcomeRow}`,
      `D${totalOutcomeRow}`,
      money.totals.all.yearBudget,
      money.totals.all.yearOutcome,
    ),
  ]);

  // Rekvisitioner: every requisition of the year, its lines per category
  const categoryColumns = BUDGET_CATEGORIES.map((c) => ({
    header: BUDGET_CATEGORY_LABELS[c],
    width: 14,
    format: KRONOR_FORMAT,
  }));
  const rq = sheet(wb, "Rekvisitioner", [
    { header: "Insats", width: 40 },
    { header: "Period", width: 10 },
    { header: "Status", width: 14 },
    { header: "Inskickad", width: 12, format: DATE_FORMAT },
    { header: "Godkänd", width: 12, format: DATE_FORMAT },
    { header: "Betalning", width: 12 },
    { header: "Betald den", width: 12, format: DATE_FORMAT },
    ...categoryColumns,
    { header: "Summa", width: 16, format: KRONOR_FORMAT },
    { header: "Varav förbundsmedel", width: 20, format: KRONOR_FORMAT },
    { header: "Varav medfinansiering", width: 20, format: KRONOR_FORMAT },
  ]);
  const firstCat = 8;
  const lastCat = firstCat + BUDGET_CATEGORIES.length - 1;
  data.requisitions.forEach((r, n) => {
    const row = n + 2;
    rq.addRow([
      r.initiativeName,
      r.periodKey,
      REQUISITION_STATUS_LABELS[r.status],
      asDate(r.submittedOn),
      asDate(r.approvedOn),
      PAYMENT_STATUS_LABELS[r.paymentStatus],
      asDate(r.paidOn),
      ...BUDGET_CATEGORIES.map((c) => r.byCategory[c]),
      {
        formula: `SUM(${columnLetter(firstCat)}${row}:${columnLetter(lastCat)}${row})`,
        result: r.total,
      },
      r.association,
      r.coFinancing,
    ]);
  });
  const lastReq = data.requisitions.length + 1;
  totalRow(rq, [
    "Summa",
    null,
    null,
    null,
    null,
    null,
    null,
    ...BUDGET_CATEGORIES.map((c, i) =>
      sumFormula(
        firstCat + i,
        2,
        lastReq,
        sumKronor(data.requisitions.map((r) => r.byCategory[c])),
      ),
    ),
    sumFormula(lastCat + 1, 2, lastReq, sumKronor(data.requisitions.map((r) => r.total))),
    sumFormula(lastCat + 2, 2, lastReq, sumKronor(data.requisitions.map((r) => r.association))),
    sumFormula(lastCat + 3, 2, lastReq, sumKronor(data.requisitions.map((r) => r.coFinancing))),
  ]);

  // Återförda medel
  const names = new Map(money.initiatives.map((i) => [i.initiativeId, i.name]));
  const a = sheet(wb, "Återförda medel", [
    { header: "Insats", width: 40 },
    { header: "Återfört den", width: 14, format: DATE_FORMAT },
    { header: "Avser år", width: 10 },
    { header: "Belopp", width: 16, format: KRONOR_FORMAT },
    { header: "Orsak", width: 60 },
    { header: "Registrerat av", width: 28 },
  ]);
  for (const r of data.returned)
    a.addRow([
      names.get(r.initiativeId) ?? "",
      asDate(r.returnedOn),
      r.year,
      r.amount,
      r.reason,
      r.createdByName,
    ]);
  totalRow(a, [
    "Summa",
    null,
    null,
    sumFormula(4, 2, data.returned.length + 1, sumKronor(data.returned.map((r) => r.amount))),
  ]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The year's workbook as a download: its file name and bytes. */
export async function financeWorkbook(
  q: Queryable,
  association: { id: string; slug: string; name: string },
  year: number,
  asOf: string,
): Promise<{ fileName: string; mediaType: string; body: Buffer }> {
  const data = await financeWorkbookData(q, association, year, asOf);
  return {
    fileName: `ekonomi-${association.slug}-${year}.xlsx`,
    mediaType: XLSX_MEDIA_TYPE,
    body: await buildFinanceWorkbook(data),
  };
}
