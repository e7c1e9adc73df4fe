// An initiative's budget as XLSX: the template the office fills in (pre-filled with the current
// budget), its import, and the export of the budget with its version history.
//
// The sheet "Budget" is the same in the template, the import and the export, so an exported
// budget can be imported again. Its columns, in this order, with exactly these headers in row 1:
//
//   A Period        the reporting period's key, e.g. 2026-K3 (quarter) or 2026-T2 (tertial)
//   B Kostnadsslag  Personal, Lokaler, Resor, Material, Utvärdering or Övrigt
//   C Källa         Förbundsmedel or Medfinansiering
//   D Part          the co-financing party's name (the owner or a partner); empty for förbundsmedel
//   E Slag          Pengar, Personaltid or Deltagarnas ersättningar (ESF); empty for förbundsmedel
//   F Belopp        whole kronor, a number
//
// A row with an empty amount is no line. The row "Summa" (a SUM formula over column F) is
// recognised and not read. The import reads the whole file and saves nothing unless every cell
// is right; each problem names its cell ("Cell F7: ”tolv” är inte ett belopp i hela kronor …").
// Numbers are real numbers with the format #,##0" kr"; sums are formulas with cached results.
import { Workbook, type Worksheet } from "@cj-tech-master/excelts";
import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  type BudgetCategory,
  CO_FINANCING_KIND_LABELS,
  CO_FINANCING_KINDS,
  type CoFinancingKind,
} from "../applications/content.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { formatDateTime, formatMoney } from "../platform/i18n/format.ts";
import { parseKronor, sumKronor } from "../platform/money.ts";
import type { ReportingPeriod } from "../reports/calendar.ts";
import { documentKindOf } from "../reports/steering-groups.ts";
import {
  BUDGET_KIND_LABELS,
  type BudgetLine,
  type BudgetParty,
  type BudgetTotals,
  type BudgetVersion,
  budgetLineKey,
  budgetTotals,
  type CurrentBudget,
  coFinancingCategory,
  getCurrentBudget,
  listBudgetVersions,
  saveBudget,
  sortLines,
} from "./budgets.ts";

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The sheet and its columns, in order. */
export const BUDGET_SHEET = "Budget";
export const BUDGET_COLUMNS = [
  "Period",
  "Kostnadsslag",
  "Källa",
  "Part",
  "Slag",
  "Belopp",
] as const;
export const TOTAL_LABEL = "Summa";
const SOURCE_LABELS = { forbund: "Förbundsmedel", medfinansiering: "Medfinansiering" } as const;

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

const KRONOR = '#,##0" kr"';
const letter = (column: number) => String.fromCharCode(64 + column);

// ---------------------------------------------------------------------------------------------
// Writing

type Row = {
  periodKey: string;
  category: BudgetCategory;
  source: "forbund" | "medfinansiering";
  party: string;
  coKind: CoFinancingKind | null;
  amount: number | null;
};

function styleHeader(ws: Worksheet) {
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

/** The "Budget" sheet: the columns, the rows, and a Summa row with a SUM formula. */
function budgetSheet(
  wb: Workbook,
  rows: readonly Row[],
  lists?: { periods: number; parties: number },
) {
  const ws = wb.addWorksheet(BUDGET_SHEET);
  ws.columns = [
    { header: BUDGET_COLUMNS[0], key: "period", width: 12 },
    { header: BUDGET_COLUMNS[1], key: "category", width: 16 },
    { header: BUDGET_COLUMNS[2], key: "source", width: 18 },
    { header: BUDGET_COLUMNS[3], key: "party", width: 30 },
    { header: BUDGET_COLUMNS[4], key: "kind", width: 32 },
    { header: BUDGET_COLUMNS[5], key: "amount", width: 16, style: { numFmt: KRONOR } },
  ];
  styleHeader(ws);
  for (const r of rows)
    ws.addRow({
      period: r.periodKey,
      category: BUDGET_CATEGORY_LABELS[r.category],
      source: SOURCE_LABELS[r.source],
      party: r.party || null,
      kind: r.coKind ? CO_FINANCING_KIND_LABELS[r.coKind] : null,
      amount: r.amount,
    });
  const last = rows.length + 1;
  const total = ws.addRow({
    period: TOTAL_LABEL,
    amount: {
      formula: `SUM(F2:F${Math.max(2, last)})`,
      result: sumKronor(rows.map((r) => r.amount ?? 0)),
    },
  });
  total.font = { bold: true };
  if (lists) {
    // drop-down lists from the sheet "Listor", for the rows of the template and some to add
    const to = last + 200;
    const list = (column: number, range: string) => {
      for (let r = 2; r <= to; r++) {
        if (r === last + 1) continue;
        ws.getCell(r, column).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [range],
          showErrorMessage: false,
        };
      }
    };
    if (lists.periods) list(1, `Listor!$A$2:$A$${lists.periods + 1}`);
    list(2, `Listor!$B$2:$B$${BUDGET_CATEGORIES.length + 1}`);
    list(3, "Listor!$C$2:$C$3");
    if (lists.parties) list(4, `Listor!$D$2:$D$${lists.parties + 1}`);
    list(5, `Listor!$E$2:$E$${CO_FINANCING_KINDS.length + 1}`);
  }
  return ws;
}

const partyName = (parties: readonly BudgetParty[], id: string | null) =>
  id === null ? "" : (parties.find((p) => p.id === id)?.name ?? "");

const toRow = (l: BudgetLine, parties: readonly BudgetParty[]): Row => ({
  periodKey: l.periodKey,
  category: l.category,
  source: l.source,
  party: partyName(parties, l.organisationId),
  coKind: l.coKind,
  amount: l.amount,
});

/**
 * The template's rows: per period, association funds per category, then each party's
 * co-financing per kind (participants' benefits only in ESF initiatives) on the category the
 * application's proposal uses, each pre-filled with the current budget; then the current
 * budget's other lines (another category, a former party, a period outside the initiative).
 */
export function templateRows(budget: CurrentBudget): Row[] {
  const lines = budget.current?.lines ?? [];
  const byKey = new Map(lines.map((l) => [budgetLineKey(l), l]));
  const used = new Set<string>();
  const parties = budget.parties.filter((p) => p.isParty);
  const kinds = CO_FINANCING_KINDS.filter(
    (k) =>
      k !== "deltagarersattning" ||
      budget.initiative.esf ||
      lines.some((l) => l.coKind === "deltagarersattning"),
  );
  const rows: Row[] = [];
  const periodKeys = [
    ...new Set([...budget.periods.map((p) => p.key), ...lines.map((l) => l.periodKey)]),
  ].sort();
  for (const periodKey of periodKeys) {
    const inPeriods = budget.periods.some((p) => p.key === periodKey);
    const take = (line: Omit<BudgetLine, "amount" | "year" | "periodKey">) => {
      const key = budgetLineKey({ ...line, periodKey, amount: 0 });
      const found = byKey.get(key);
      if (!found && !inPeriods) return;
      used.add(key);
      rows.push({
        periodKey,
        category: line.category,
        source: line.source,
        party: partyName(budget.parties, line.organisationId),
        coKind: line.coKind,
        amount: found?.amount ?? null,
      });
    };
    for (const category of BUDGET_CATEGORIES)
      take({ category, source: "forbund", organisationId: null, coKind: null });
    for (const party of parties)
      for (const coKind of kinds)
        take({
          category: coFinancingCategory(coKind),
          source: "medfinansiering",
          organisationId: party.id,
          coKind,
        });
    for (const l of lines)
      if (l.periodKey === periodKey && !used.has(budgetLineKey(l))) {
        used.add(budgetLineKey(l));
        rows.push(toRow(l, budget.parties));
      }
  }
  return rows;
}

const fileSafe = (name: string) =>
  name
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 60) || "insats";

/** The template for an initiative: "Budget", "Anvisningar" (in Swedish) and "Listor". */
export async function budgetTemplateXlsx(
  q: Queryable,
  associationId: string,
  initiativeId: string,
  now = new Date(),
): Promise<{ fileName: string; data: Uint8Array }> {
  const budget = await getCurrentBudget(q, associationId, initiativeId);
  const wb = new Workbook();
  wb.creator = "Samspår";
  wb.created = now;
  const periodKeys = budget.periods.map((p) => p.key);
  const partyNames = budget.parties.filter((p) => p.isParty).map((p) => p.name);
  budgetSheet(wb, templateRows(budget), {
    periods: periodKeys.length,
    parties: partyNames.length,
  });
  instructionsSheet(wb, budget, now);
  const lists = wb.addWorksheet("Listor");
  lists.columns = [
    { header: "Perioder", key: "a", width: 12 },
    { header: "Kostnadsslag", key: "b", width: 16 },
    { header: "Källor", key: "c", width: 18 },
    { header: "Parter", key: "d", width: 30 },
    { header: "Slag", key: "e", width: 32 },
  ];
  styleHeader(lists);
  const count = Math.max(
    periodKeys.length,
    BUDGET_CATEGORIES.length,
    2,
    partyNames.length,
    CO_FINANCING_KINDS.length,
  );
  for (let i = 0; i < count; i++) {
    const category = BUDGET_CATEGORIES[i];
    const kind = CO_FINANCING_KINDS[i];
    lists.addRow({
      a: periodKeys[i] ?? null,
      b: category ? BUDGET_CATEGORY_LABELS[category] : null,
      c: [SOURCE_LABELS.forbund, SOURCE_LABELS.medfinansiering][i] ?? null,
      d: partyNames[i] ?? null,
      e: kind ? CO_FINANCING_KIND_LABELS[kind] : null,
    });
  }
  return {
    fileName: `budgetmall-${fileSafe(budget.initiative.name)}.xlsx`,
    data: new Uint8Array(await wb.xlsx.writeBuffer()),
  };
}

function instructionsSheet(wb: Workbook, budget: CurrentBudget, now: Date) {
  const ws = wb.addWorksheet("Anvisningar");
  ws.columns = [{ key: "text", width: 110 }];
  const { initiative, periods, parties, current } = budget;
  const range =
    initiative.startDate && initiative.endDate
      ? `${initiative.startDate} – ${initiative.endDate}`
      : "inga datum angivna";
  const lines: Array<[string, boolean?]> = [
    [`Budgetmall för ${initiative.name}`, true],
    [`Insatsens tid: ${range}`],
    [
      `Perioder: ${periods.length ? periods.map((p) => p.key).join(", ") : "inga (insatsen saknar start- eller slutdatum)"}`,
    ],
    [
      `Parter som kan stå för medfinansiering: ${
        parties
          .filter((p) => p.isParty)
          .map((p) => (p.isOwner ? `${p.name} (ägare)` : p.name))
          .join(", ") || "inga"
      }`,
    ],
    [
      current
        ? `Ifylld med budgetversion ${current.version} (${BUDGET_KIND_LABELS[current.kind].toLowerCase()}), totalt ${formatMoney(current.totals.total)}. Skapad ${formatDateTime(now)}.`
        : `Insatsen har ingen budget än; beloppen är tomma. Skapad ${formatDateTime(now)}.`,
    ],
    [""],
    ["Så fyller du i mallen", true],
    [
      "1. Fyll i beloppen på bladet Budget, i kolumnen Belopp, i hela kronor med siffror (till exempel 125000). Inga ören och inga minusbelopp.",
    ],
    ["2. En tom cell i Belopp betyder att raden inte finns i budgeten. 0 betyder noll kronor."],
    [
      `3. Ändra inte rubrikerna i rad 1 och inte kolumnernas ordning: ${BUDGET_COLUMNS.join(", ")}.`,
    ],
    ["4. Period är en av insatsens perioder ovan, skriven som i mallen (till exempel 2026-K3)."],
    [
      `5. Kostnadsslag är ett av: ${BUDGET_CATEGORIES.map((c) => BUDGET_CATEGORY_LABELS[c]).join(", ")}.`,
    ],
    [
      "6. Källa är Förbundsmedel (medel som förbundet beviljat) eller Medfinansiering (en parts egen finansiering). För förbundsmedel lämnas Part och Slag tomma.",
    ],
    [
      `7. För medfinansiering är Part insatsens ägare eller en samverkanspart, och Slag ett av: ${CO_FINANCING_KINDS.map((k) => CO_FINANCING_KIND_LABELS[k]).join(", ")}. Mallen föreslår kostnadsslaget Personal för personaltid och Övrigt för annat; du kan välja ett annat.`,
    ],
    [
      "8. Du får lägga till rader (till exempel medfinansiering på ett annat kostnadsslag) och ta bort rader. Två rader får inte gälla samma period, kostnadsslag, källa, part och slag.",
    ],
    ["9. Raden Summa räknas ut av kalkylprogrammet och läses inte in."],
    [""],
    ["När du importerar", true],
    [
      "Importen läser hela bladet Budget. Finns ett enda fel sparas ingenting, och alla fel visas med sin cell, till exempel ”Cell F7: ”tolv” är inte ett belopp i hela kronor”.",
    ],
    [
      "Du ser summorna innan något sparas. En import ersätter hela budgeten med filens rader som en ny version; den tidigare versionen finns kvar i historiken.",
    ],
  ];
  for (const [text, bold] of lines) {
    const row = ws.addRow({ text });
    if (bold) row.font = { bold: true, size: text === lines[0]?.[0] ? 14 : 11 };
    row.alignment = { wrapText: true, vertical: "top" };
  }
}

/** A sheet of sums with a Summa row of SUM formulas; `formulaColumns` are computed per row. */
function sumSheet(
  wb: Workbook,
  name: string,
  columns: Array<{ header: string; key: string; width: number; money?: boolean }>,
  rows: Array<Record<string, string | number>>,
  rowTotal?: { key: string; of: string[] },
) {
  const ws = wb.addWorksheet(name);
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.money ? { style: { numFmt: KRONOR } } : {}),
  }));
  styleHeader(ws);
  const col = (key: string) => letter(columns.findIndex((c) => c.key === key) + 1);
  rows.forEach((r, i) => {
    const n = i + 2;
    const values: Record<string, unknown> = { ...r };
    if (rowTotal)
      values[rowTotal.key] = {
        formula: rowTotal.of.map((k) => `${col(k)}${n}`).join("+"),
        result: sumKronor(rowTotal.of.map((k) => Number(r[k] ?? 0))),
      };
    ws.addRow(values);
  });
  const sums: Record<string, unknown> = { [columns[0]?.key ?? ""]: TOTAL_LABEL };
  for (const c of columns.filter((c) => c.money))
    sums[c.key] = {
      formula: `SUM(${col(c.key)}2:${col(c.key)}${Math.max(2, rows.length + 1)})`,
      result: sumKronor(
        rows.map((r) =>
          rowTotal && c.key === rowTotal.key
            ? sumKronor(rowTotal.of.map((k) => Number(r[k] ?? 0)))
            : Number(r[c.key] ?? 0),
        ),
      ),
    };
  ws.addRow(sums).font = { bold: true };
  return ws;
}

const sumsColumns = (first: { header: string; key: string; width: number }[]) => [
  ...first,
  { header: "Förbundsmedel", key: "association", width: 18, money: true },
  { header: "Medfinansiering", key: "coFinancing", width: 18, money: true },
  { header: "Totalt", key: "total", width: 18, money: true },
];

/**
 * The budget as XLSX: the current version's lines ("Budget", importable again), its sums per
 * period and per year, the version history and every version's lines.
 */
export async function budgetExportXlsx(
  q: Queryable,
  associationId: string,
  initiativeId: string,
  now = new Date(),
): Promise<{ fileName: string; data: Uint8Array }> {
  const budget = await getCurrentBudget(q, associationId, initiativeId);
  const current = budget.current;
  if (!current) throw new NotFoundError("Insatsen har ingen budget än.");
  const { versions, parties } = await listBudgetVersions(q, associationId, initiativeId);
  const wb = new Workbook();
  wb.creator = "Samspår";
  wb.created = now;
  budgetSheet(
    wb,
    current.lines.map((l) => toRow(l, parties)),
  );
  const totals: BudgetTotals = current.totals;
  sumSheet(
    wb,
    "Per period",
    sumsColumns([
      { header: "Period", key: "period", width: 12 },
      { header: "År", key: "year", width: 8 },
    ]),
    totals.byPeriod.map((p) => ({
      period: p.periodKey,
      year: p.year,
      association: p.association,
      coFinancing: p.coFinancing,
    })),
    { key: "total", of: ["association", "coFinancing"] },
  );
  sumSheet(
    wb,
    "Per år och kostnadsslag",
    [
      { header: "År", key: "year", width: 8 },
      ...BUDGET_CATEGORIES.map((c) => ({
        header: BUDGET_CATEGORY_LABELS[c],
        key: c,
        width: 16,
        money: true,
      })),
      { header: "Totalt", key: "total", width: 18, money: true },
    ],
    totals.byYear.map((y) => ({ year: y.year, ...y.byCategory })),
    { key: "total", of: [...BUDGET_CATEGORIES] },
  );
  const history = wb.addWorksheet("Versioner");
  history.columns = [
    { header: "Version", key: "version", width: 10 },
    { header: "Status", key: "status", width: 10 },
    { header: "Slag", key: "kind", width: 30 },
    { header: "Orsak", key: "reason", width: 60 },
    { header: "Avvikelserapport", key: "deviation", width: 18 },
    { header: "Sparad av", key: "by", width: 30 },
    { header: "Sparad", key: "at", width: 18 },
    { header: "Förbundsmedel", key: "association", width: 18, style: { numFmt: KRONOR } },
    { header: "Medfinansiering", key: "coFinancing", width: 18, style: { numFmt: KRONOR } },
    { header: "Totalt", key: "total", width: 18, style: { numFmt: KRONOR } },
  ];
  styleHeader(history);
  for (const v of versions)
    history.addRow({
      version: v.version,
      status: v.status === "gallande" ? "Gäller" : "Ersatt",
      kind: BUDGET_KIND_LABELS[v.kind],
      reason: v.reason,
      deviation: v.deviationReport ? (v.deviationReport.registryNumber ?? "Ja") : "",
      by: v.createdByName,
      at: formatDateTime(v.createdAt),
      association: v.totals.association,
      coFinancing: v.totals.coFinancing,
      total: v.totals.total,
    });
  const all = wb.addWorksheet("Versionernas rader");
  all.columns = [
    { header: "Version", key: "version", width: 10 },
    { header: BUDGET_COLUMNS[0], key: "period", width: 12 },
    { header: BUDGET_COLUMNS[1], key: "category", width: 16 },
    { header: BUDGET_COLUMNS[2], key: "source", width: 18 },
    { header: BUDGET_COLUMNS[3], key: "party", width: 30 },
    { header: BUDGET_COLUMNS[4], key: "kind", width: 32 },
    { header: BUDGET_COLUMNS[5], key: "amount", width: 16, style: { numFmt: KRONOR } },
  ];
  styleHeader(all);
  for (const v of versions)
    for (const l of v.lines)
      all.addRow({
        version: v.version,
        period: l.periodKey,
        category: BUDGET_CATEGORY_LABELS[l.category],
        source: SOURCE_LABELS[l.source],
        party: partyName(parties, l.organisationId) || null,
        kind: l.coKind ? CO_FINANCING_KIND_LABELS[l.coKind] : null,
        amount: l.amount,
      });
  all.autoFilter = "A1:G1";
  return {
    fileName: `budget-${fileSafe(budget.initiative.name)}-version-${current.version}.xlsx`,
    data: new Uint8Array(await wb.xlsx.writeBuffer()),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

type CellRead =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "formula"; result: unknown }
  | { kind: "other"; shown: string };

/** What a cell holds, as the import reads it. */
function readCell(value: unknown): CellRead {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "string")
    return value.trim() === "" ? { kind: "empty" } : { kind: "text", text: value.trim() };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "boolean") return { kind: "other", shown: value ? "SANT" : "FALSKT" };
  if (value instanceof Date) return { kind: "other", shown: value.toISOString().slice(0, 10) };
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("formula" in v || "sharedFormula" in v) return { kind: "formula", result: v.result };
    if (Array.isArray(v.richText)) {
      const text = (v.richText as Array<{ text?: string }>).map((r) => r.text ?? "").join("");
      return text.trim() ? { kind: "text", text: text.trim() } : { kind: "empty" };
    }
    if (typeof v.text === "string")
      return v.text.trim() ? { kind: "text", text: v.text.trim() } : { kind: "empty" };
    if (typeof v.error === "string") return { kind: "other", shown: v.error };
  }
  return { kind: "other", shown: String(value) };
}

/** The cell's text for a text column; a number is read as its digits. */
function cellText(value: unknown): string | { shown: string } {
  const c = readCell(value);
  switch (c.kind) {
    case "empty":
      return "";
    case "text":
      return c.text;
    case "number":
      return String(c.value);
    case "formula":
      return typeof c.result === "string" ? c.result.trim() : { shown: String(c.result ?? "") };
    case "other":
      return { shown: c.shown };
  }
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

const quoted = (s: string) => `”${s}”`;
const decimal = (n: number) => String(n).replace(".", ",").replace("-", "−");

export interface ImportContext {
  periods: readonly ReportingPeriod[];
  /** The owner and the partners (only they may co-finance). */
  parties: ReadonlyArray<Pick<BudgetParty, "id" | "name">>;
  initiative: { startDate: string | null; endDate: string | null };
}

export interface ImportedLine {
  row: number;
  line: BudgetLine;
}

const problem = (cell: string, text: string) => [cell, `Cell ${cell}: ${text}`] as const;

/** Reads the "Budget" sheet of a workbook. Every problem is keyed by its cell (or "file"). */
export async function readBudgetWorkbook(
  data: Uint8Array,
  context: ImportContext,
): Promise<{ lines: ImportedLine[]; problems: Record<string, string> }> {
  const problems: Record<string, string> = {};
  const refuse = (message: string) => ({ lines: [], problems: { file: message } });
  if (data.byteLength === 0) return refuse("Filen är tom. Välj den ifyllda budgetmallen igen.");
  if (data.byteLength > MAX_IMPORT_BYTES)
    return refuse(
      `Filen är ${(data.byteLength / 1024 / 1024).toFixed(1).replace(".", ",")} MB. Största tillåtna storlek är 2 MB; en ifylld budgetmall är mycket mindre.`,
    );
  if (documentKindOf(data) !== "xlsx")
    return refuse(
      "Filen är ingen Excel-arbetsbok (XLSX). Ladda ner budgetmallen, fyll i den och spara den som .xlsx.",
    );
  const wb = new Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data), { maxRows: MAX_IMPORT_ROWS + 2, maxCols: 40 });
  } catch {
    return refuse(
      "Filen går inte att läsa som Excel-arbetsbok. Spara den som .xlsx och försök igen.",
    );
  }
  const ws = wb.getWorksheet(BUDGET_SHEET);
  if (!ws)
    return refuse(
      `Arbetsboken saknar bladet ${quoted(BUDGET_SHEET)}. Använd budgetmallen från Samspår och behåll bladets namn.`,
    );
  if (ws.rowCount > MAX_IMPORT_ROWS + 1)
    return refuse(
      `Bladet ${quoted(BUDGET_SHEET)} har fler än ${MAX_IMPORT_ROWS.toLocaleString("sv-SE")} rader. Ta bort tomma rader längst ner och försök igen.`,
    );

  // the header, exactly
  const header = ws.getRow(1);
  BUDGET_COLUMNS.forEach((name, i) => {
    const cell = `${letter(i + 1)}1`;
    const text = cellText(header.getCell(i + 1).value);
    const shown = typeof text === "string" ? text : text.shown;
    if (shown === name) return;
    problems[cell] = shown
      ? `Kolumn ${letter(i + 1)} heter ${quoted(shown)}, ska heta ${quoted(name)}.`
      : `Kolumn ${letter(i + 1)} saknar rubrik, ska heta ${quoted(name)}.`;
  });
  for (let c = BUDGET_COLUMNS.length + 1; c <= Math.max(ws.columnCount, header.cellCount); c++) {
    const text = cellText(header.getCell(c).value);
    const shown = typeof text === "string" ? text : text.shown;
    if (shown)
      problems[`${letter(c)}1`] =
        `Kolumn ${letter(c)} heter ${quoted(shown)} men hör inte till mallen. Ta bort kolumnen; mallens kolumner är ${BUDGET_COLUMNS.join(", ")}.`;
  }
  if (Object.keys(problems).length) return { lines: [], problems };

  const periodKeys = new Set(context.periods.map((p) => p.key));
  const range =
    context.periods.length > 1
      ? `${context.periods[0]?.key} – ${context.periods[context.periods.length - 1]?.key}`
      : (context.periods[0]?.key ?? "");
  const categories = new Map<string, BudgetCategory>();
  for (const c of BUDGET_CATEGORIES) {
    categories.set(fold(c), c);
    categories.set(fold(BUDGET_CATEGORY_LABELS[c]), c);
  }
  const kinds = new Map<string, CoFinancingKind>();
  for (const k of CO_FINANCING_KINDS) {
    kinds.set(fold(k), k);
    kinds.set(fold(CO_FINANCING_KIND_LABELS[k]), k);
  }
  kinds.set(fold("Deltagarnas ersättningar"), "deltagarersattning");
  const sources = new Map<string, "forbund" | "medfinansiering">([
    [fold("Förbundsmedel"), "forbund"],
    [fold("forbund"), "forbund"],
    [fold("Medfinansiering"), "medfinansiering"],
    [fold("Egen finansiering"), "medfinansiering"],
  ]);
  const parties = new Map(context.parties.map((p) => [fold(p.name), p.id]));
  const partyList = context.parties.map((p) => p.name).join(", ");

  const lines: ImportedLine[] = [];
  const seen = new Map<string, number>();
  const last = ws.rowCount;
  for (let r = 2; r <= last; r++) {
    const row = ws.getRow(r);
    const values = BUDGET_COLUMNS.map((_, i) => row.getCell(i + 1).value);
    const reads = values.map(readCell);
    if (reads.every((c) => c.kind === "empty")) continue;
    const texts = values.slice(0, 5).map(cellText);
    const plain = (i: number) => {
      const t = texts[i];
      return typeof t === "string" ? t : t?.shown ? `\u0000${t.shown}` : "";
    };
    // the total row: "Summa" in column A (or a formula alone in F) and nothing else
    const labelsEmpty = [1, 2, 3, 4].every((i) => plain(i) === "");
    if (labelsEmpty && (fold(plain(0)) === "summa" || fold(plain(0)) === "totalt")) continue;
    if (labelsEmpty && plain(0) === "" && reads[5]?.kind === "formula") continue;

    // the amount first: a row without an amount is no line
    const amountCell = `F${r}`;
    const amountRead = reads[5] ?? { kind: "empty" };
    let amount: number | null = null;
    const notAmount = (shown: string, extra: string) =>
      problem(amountCell, `${quoted(shown)} är inte ett belopp i hela kronor. ${extra}`);
    const amountProblem = (): readonly [string, string] | null => {
      const value =
        amountRead.kind === "formula"
          ? readCell(amountRead.result === undefined ? null : amountRead.result)
          : amountRead;
      if (amountRead.kind === "formula" && value.kind === "empty")
        return problem(
          amountCell,
          "formeln har inget uträknat värde i filen. Skriv beloppet som ett tal, eller spara filen i ett kalkylprogram som räknar ut formeln.",
        );
      switch (value.kind) {
        case "empty":
          return null;
        case "number":
          if (!Number.isFinite(value.value))
            return notAmount(String(value.value), "Skriv beloppet med siffror.");
          if (value.value < 0) return notAmount(decimal(value.value), "Minusbelopp går inte.");
          if (!Number.isSafeInteger(value.value))
            return notAmount(decimal(value.value), "Skriv beloppet utan ören, i hela kronor.");
          amount = value.value;
          return null;
        case "text": {
          const parsed = parseKronor(value.text);
          if (parsed === "invalid" || parsed === null)
            return notAmount(
              value.text,
              "Skriv beloppet med siffror, till exempel 125000. Minusbelopp och ören går inte.",
            );
          amount = parsed;
          return null;
        }
        default:
          return notAmount(
            value.kind === "other" ? value.shown : "",
            "Skriv beloppet med siffror, till exempel 125000.",
          );
      }
    };
    const bad = amountProblem();
    if (bad) problems[bad[0]] = bad[1];
    if (amount === null && !bad) continue;

    let ok = !bad;
    const fail = (column: number, text: string) => {
      const [cell, message] = problem(`${letter(column)}${r}`, text);
      problems[cell] = message;
      ok = false;
    };
    const textOf = (i: number) => {
      const t = texts[i];
      if (t === undefined) return "";
      if (typeof t === "string") return t;
      fail(i + 1, `${quoted(t.shown)} är ingen text. Skriv texten som i mallen.`);
      return null;
    };
    // A: the period
    const periodText = textOf(0);
    const periodKey = (periodText ?? "").toUpperCase().replace(/\s+/g, "");
    if (periodText !== null) {
      if (!context.initiative.startDate || !context.initiative.endDate)
        fail(
          1,
          "insatsen saknar start- eller slutdatum, så den har inga perioder att budgetera. Ange datumen på insatsens sida först.",
        );
      else if (!periodKey) fail(1, `ange perioden, en av insatsens perioder ${range}.`);
      else if (!periodKeys.has(periodKey))
        fail(
          1,
          /^\d{4}-[KT]\d$/.test(periodKey)
            ? `perioden ${quoted(periodText)} ligger utanför insatsens tid (${context.initiative.startDate} – ${context.initiative.endDate}). Välj en av insatsens perioder ${range}.`
            : `${quoted(periodText)} är ingen period. Skriv perioden som i mallen, till exempel ${context.periods[0]?.key ?? "2026-K1"}.`,
        );
    }
    // B: the category
    const categoryText = textOf(1);
    const category = categoryText ? categories.get(fold(categoryText)) : undefined;
    if (categoryText !== null && !category)
      fail(
        2,
        categoryText
          ? `${quoted(categoryText)} är inget kostnadsslag. Skriv ett av: ${BUDGET_CATEGORIES.map((c) => BUDGET_CATEGORY_LABELS[c]).join(", ")}.`
          : `ange kostnadsslaget, ett av: ${BUDGET_CATEGORIES.map((c) => BUDGET_CATEGORY_LABELS[c]).join(", ")}.`,
      );
    // C: the source
    const sourceText = textOf(2);
    const source = sourceText ? sources.get(fold(sourceText)) : undefined;
    if (sourceText !== null && !source)
      fail(
        3,
        sourceText
          ? `${quoted(sourceText)} är ingen källa. Skriv Förbundsmedel eller Medfinansiering.`
          : "ange källan: Förbundsmedel eller Medfinansiering.",
      );
    // D and E: the party and the kind, for co-financing only
    const partyText = textOf(3);
    const kindText = textOf(4);
    let organisationId: string | null = null;
    let coKind: CoFinancingKind | null = null;
    if (source === "forbund") {
      if (partyText)
        fail(
          4,
          "förbundsmedel har ingen part. Lämna cellen tom, eller skriv Medfinansiering i kolumn C.",
        );
      if (kindText)
        fail(
          5,
          "förbundsmedel har inget slag. Lämna cellen tom, eller skriv Medfinansiering i kolumn C.",
        );
    } else if (source === "medfinansiering") {
      if (partyText !== null) {
        organisationId = partyText ? (parties.get(fold(partyText)) ?? null) : null;
        if (!organisationId)
          fail(
            4,
            partyText
              ? `${quoted(partyText)} är inte part i insatsen. Skriv ägaren eller en samverkanspart: ${partyList}.`
              : `skriv vilken part som står för medfinansieringen: ${partyList}.`,
          );
      }
      if (kindText !== null) {
        coKind = kindText ? (kinds.get(fold(kindText)) ?? null) : null;
        if (!coKind)
          fail(
            5,
            `${kindText ? `${quoted(kindText)} är inget slag av medfinansiering. ` : ""}Skriv ett av: ${CO_FINANCING_KINDS.map((k) => CO_FINANCING_KIND_LABELS[k]).join(", ")}.`,
          );
      }
    }
    if (!ok || amount === null || !category || !source) continue;
    const line: BudgetLine = {
      periodKey,
      year: Number(periodKey.slice(0, 4)),
      category,
      source,
      organisationId: source === "forbund" ? null : organisationId,
      coKind: source === "forbund" ? null : coKind,
      amount,
    };
    const key = budgetLineKey(line);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const [cell, message] = problem(
        amountCell,
        `raden gäller samma period, kostnadsslag, källa, part och slag som rad ${earlier}. Lägg ihop beloppen på en rad.`,
      );
      problems[cell] = message;
      continue;
    }
    seen.set(key, r);
    lines.push({ row: r, line });
  }
  if (!Object.keys(problems).length && !lines.length)
    problems.file =
      "Filen har inga belopp. Fyll i kolumnen Belopp på bladet Budget (0 räknas som ett belopp) och försök igen.";
  return Object.keys(problems).length ? { lines: [], problems } : { lines, problems };
}

export interface ImportResult {
  /** The lines the file gives, in the order every page shows them. */
  lines: BudgetLine[];
  totals: BudgetTotals;
  /** The budget in force now, for comparison (null without one). */
  current: { version: number; totals: BudgetTotals } | null;
  /** The version the import wrote; null for a dry run. */
  saved: BudgetVersion | null;
}

/**
 * Imports a filled template: reads and checks every cell, then (unless `dryRun`) saves the lines
 * as a new version of kind "import". Any problem is a ValidationError listing every problem by
 * its cell, and nothing is saved.
 */
export async function importBudgetXlsx(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  expectedBudgetVersion: number | null,
  input: { data: Uint8Array; fileName: string; reason?: string; dryRun: boolean },
): Promise<ImportResult> {
  const budget = await getCurrentBudget(q, associationId, initiativeId);
  const context: ImportContext = {
    periods: budget.periods,
    parties: budget.parties.filter((p) => p.isParty),
    initiative: budget.initiative,
  };
  const read = await readBudgetWorkbook(input.data, context);
  if (Object.keys(read.problems).length) throw new ValidationError(read.problems);
  const lines = sortLines(
    read.lines.map((l) => l.line),
    budget.parties.map((p) => p.id),
  );
  const current = budget.current
    ? { version: budget.current.version, totals: budget.current.totals }
    : null;
  if (input.dryRun) return { lines, totals: budgetTotals(lines), current, saved: null };
  const reason =
    input.reason?.trim() || `Import från ${input.fileName.trim() || "en XLSX-fil"}`.slice(0, 2000);
  const rows = read.lines;
  const cell = (i: number, part: string) => {
    const column = { periodKey: "A", category: "B", source: "C", organisationId: "D", coKind: "E" }[
      part
    ];
    return `${column ?? "F"}${rows[i]?.row ?? ""}`;
  };
  const saved = await saveBudget(q, actor, associationId, initiativeId, expectedBudgetVersion, {
    lines: rows.map((r) => r.line),
    reason,
    kind: "import",
    field: cell,
    row: (i) => `rad ${rows[i]?.row ?? i + 2}`,
  });
  return { lines: saved.lines, totals: saved.totals, current, saved };
}
