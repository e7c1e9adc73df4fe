// The follow-up report as an XLSX workbook in the house style of the money workbook
// (src/finance/finance-xlsx.ts): a sheet per table — Sammanfattning, Tabell 1–5, Struktur och
// individ, Tabell 6, Tabell 7, Deltagarnas bakgrund, Tabell 8, Progression, Deltagarportalen,
// Avslutade insatser,
// Definitioner —
// with a bold, frozen header row, column widths, and real numbers with number formats (kronor,
// per cent, dates; the structure's outcome in whole kronor shown as tkr). A participant figure
// that is not shown is the text "< 5" or ".." with a note saying why, never a number. Colours
// fill a cell whose text says the same. Every cell comes from the same table model as the
// DOCX and PDF (tables.ts), so the figures agree.
import { type Cell as SheetCell, Workbook, type Worksheet } from "@cj-tech-master/excelts";
import type { CellTone } from "../../documents/layout.ts";
import type { RenderedDocument } from "../../documents/render.ts";
import {
  DATE_FORMAT,
  KRONOR_FORMAT,
  PERCENT_FORMAT,
  XLSX_MEDIA_TYPE,
} from "../../finance/finance-xlsx.ts";
import { formatDate, formatDateTime } from "../../platform/i18n/format.ts";
import type { FollowUpReport } from "../model.ts";
import type { FollowUpRenderOptions } from "./document.ts";
import { type Cell, cellText, type ReportTable, reportTables } from "./tables.ts";
import {
  disclosureSentences,
  editableParagraphs,
  followUpFileBaseName,
  followUpTitle,
  hiddenLegend,
  SECTION_TITLES,
  versionText,
} from "./text.ts";

export const COUNT_FORMAT = "#,##0";
/** Whole kronor shown in thousands: 1 354 750 → "1 355 tkr". */
export const TKR_FORMAT = '#,##0," tkr"';
/** A change with its sign: "+49", "−3", "0". */
export const CHANGE_FORMAT = '+#,##0;"−"#,##0;0';
export const ONGOING_FORMAT = '#,##0" personer löpande"';
/** A mean change with its sign and two decimals: "+1.42", "−1.00", "0". */
export const MEAN_CHANGE_FORMAT = '+#,##0.00;"−"#,##0.00;0';

const FILLS: Record<CellTone, string> = {
  green: "FFD5EFDA",
  yellow: "FFFFF0B3",
  red: "FFF9D6D3",
};

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Writes one cell of the table model: numbers as numbers, hidden figures as text with a note. */
function writeCell(target: SheetCell, cell: Cell) {
  const hidden = (text: string) => {
    target.value = text;
    target.alignment = { horizontal: "right" };
  };
  switch (cell.kind) {
    case "text":
      target.value = cell.text === "" ? null : cell.text;
      break;
    case "count":
      if ("value" in cell.cell) {
        target.value = cell.cell.value;
        target.numFmt = COUNT_FORMAT;
      } else hidden(cellText(cell));
      break;
    case "share":
      if ("ratio" in cell.share) {
        target.value = cell.share.ratio;
        target.numFmt = PERCENT_FORMAT;
      } else hidden(cellText(cell));
      break;
    case "number":
      target.value = cell.value;
      target.numFmt = COUNT_FORMAT;
      break;
    case "money":
      target.value = cell.value;
      target.numFmt = KRONOR_FORMAT;
      break;
    case "tkr":
      target.value = cell.value;
      target.numFmt = TKR_FORMAT;
      break;
    case "percent":
      target.value = cell.value === null ? null : cell.value / 100;
      target.numFmt = PERCENT_FORMAT;
      break;
    case "date":
      target.value = cell.value ? asDate(cell.value) : null;
      target.numFmt = DATE_FORMAT;
      break;
    case "expected":
      target.value = cell.value?.count ?? null;
      target.numFmt = cell.value?.ongoing ? ONGOING_FORMAT : COUNT_FORMAT;
      break;
    case "change":
      if (cell.cell === null) target.value = null;
      else if ("value" in cell.cell) {
        target.value = cell.negative ? -cell.cell.value : cell.cell.value;
        target.numFmt = CHANGE_FORMAT;
      } else hidden(cellText(cell));
      break;
    case "mean":
      if ("value" in cell.mean) {
        target.value = cell.mean.value;
        target.numFmt = MEAN_CHANGE_FORMAT;
      } else hidden(cellText(cell));
      break;
  }
  if (cell.tone)
    target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILLS[cell.tone] } };
  const note = [cell.note, cell.why].filter(Boolean).join(" ");
  if (note) target.note = note;
}

/** A sheet with a bold, frozen header row and the columns' widths. */
function sheet(wb: Workbook, name: string, columns: { title: string; width: number }[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({ header: c.title, key: `c${i + 1}`, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  return ws;
}

/** Sentences under a table, after an empty row, each in a row of its own. */
function notes(ws: Worksheet, sentences: string[]) {
  if (sentences.length === 0) return;
  ws.addRow([]);
  for (const s of sentences) {
    const row = ws.addRow([s]);
    row.font = { italic: true };
  }
}

/** Extra columns a sheet has beside the table model, by table. */
type Extra = { title: string; width: number; values: (string | null)[] };

/**
 * One table as a sheet: a "Grupp" column first when the table has named parts, then the
 * columns, a row per model row (sum rows bold), and the notes under it.
 */
function tableSheet(wb: Workbook, table: ReportTable, threshold: number, extra?: Extra) {
  const grouped = table.parts.some((p) => p.heading !== null);
  const columns = [
    ...(grouped ? [{ title: "Grupp", width: 30 }] : []),
    ...table.columns.map((c) => ({ title: c.title, width: c.width })),
    ...(extra ? [{ title: extra.title, width: extra.width }] : []),
  ];
  const ws = sheet(wb, table.sheet, columns);
  const offset = grouped ? 1 : 0;
  let n = 0;
  for (const part of table.parts)
    for (const row of part.rows) {
      const sheetRow = ws.getRow(ws.rowCount + 1);
      if (grouped) sheetRow.getCell(1).value = part.heading;
      row.cells.forEach((cell, i) => {
        writeCell(sheetRow.getCell(offset + i + 1), cell);
      });
      if (extra) sheetRow.getCell(columns.length).value = extra.values[n] ?? null;
      if (row.total) sheetRow.font = { bold: true };
      sheetRow.alignment = { wrapText: true, vertical: "top" };
      sheetRow.commit();
      n++;
    }
  notes(ws, [...table.notes, ...(table.persons ? [hiddenLegend(threshold)] : [])]);
  return ws;
}

/** The workbook of one report (pure: the tests read it back against the same report). */
export async function buildFollowUpWorkbook(
  report: FollowUpReport,
  options: FollowUpRenderOptions,
): Promise<Buffer> {
  const tables = reportTables(report, options.band);
  const t = report.disclosure.threshold;
  const wb = new Workbook();
  wb.creator = "Samspår";
  wb.title = `${report.association.name}: ${followUpTitle(report)}`;

  const s = sheet(wb, "Sammanfattning", [
    { title: "Uppgift", width: 28 },
    { title: "Innehåll", width: 110 },
  ]);
  const text = (paragraphs: string[]) => paragraphs.join("\n\n") || null;
  const facts: Array<[string, string | null]> = [
    ["Rubrik", followUpTitle(report)],
    ["Förbund", report.association.name],
    ["Period", `${formatDate(report.period.from)} – ${formatDate(report.period.to)}`],
    ["Version", versionText(report)],
    ["Jämförs med", report.previous ? report.previous.period.label : null],
    ["Beräknad", formatDateTime(report.generatedAt)],
    [SECTION_TITLES.summary, text(editableParagraphs(report.summary))],
    [SECTION_TITLES.background, text(editableParagraphs(report.background))],
    [SECTION_TITLES.disclosure, text(disclosureSentences(report))],
    [SECTION_TITLES.analysis, text(editableParagraphs(report.analysis))],
  ];
  for (const [label, value] of facts) {
    const row = s.addRow([label, value]);
    row.alignment = { wrapText: true, vertical: "top" };
    row.getCell(1).font = { bold: true };
  }

  tableSheet(wb, tables.initiatives, t);
  tableSheet(wb, tables.goalStatus, t, {
    title: "Kommentar",
    width: 60,
    values: report.goalStatus.map((g) => g.comment),
  });
  tableSheet(wb, tables.preconditions, t);
  tableSheet(wb, tables.budget, t);
  tableSheet(wb, tables.quality, t);
  tableSheet(wb, tables.structure, t);
  tableSheet(wb, tables.individual, t);
  tableSheet(wb, tables.exitReasons, t);
  tableSheet(wb, tables.participantBackground, t);
  tableSheet(wb, tables.participants, t);
  const progression = tableSheet(wb, tables.progression, t);
  if (tables.progression.parts.every((p) => p.rows.length === 0))
    notes(progression, [tables.progression.empty]);
  const portalUsage = tableSheet(wb, tables.portalUsage, t);
  if (tables.portalUsage.parts.every((p) => p.rows.length === 0))
    notes(portalUsage, [tables.portalUsage.empty]);
  for (const table of [tables.courses, tables.feedback]) {
    const sheet = tableSheet(wb, table, t);
    if (table.parts.every((p) => p.rows.length === 0)) notes(sheet, [table.empty]);
  }
  tableSheet(wb, tables.endedInitiatives, t);
  tableSheet(wb, tables.definitions, t, {
    title: "Nyckel",
    width: 40,
    values: Object.keys(report.definitions),
  });

  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function renderFollowUpXlsx(
  report: FollowUpReport,
  options: FollowUpRenderOptions,
): Promise<RenderedDocument> {
  return {
    body: await buildFollowUpWorkbook(report, options),
    mediaType: XLSX_MEDIA_TYPE,
    fileName: `${followUpFileBaseName(report)}.xlsx`,
  };
}
