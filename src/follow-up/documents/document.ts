// The follow-up report as a document for the DOCX and PDF writers of src/documents: the title
// "Uppföljning av insatser – <period>", the association's name, the version and its lock status
// on every page, then every section in the order of domain/follow-up.md — text, tables (each
// colour with its word), the three charts each followed by its figures as a table, the
// disclosure note — and the definitions of the figures as an appendix.
import type { DocumentModel, DocumentNode, Fact, TableModel } from "../../documents/layout.ts";
import { formatDate, formatDateTime } from "../../platform/i18n/format.ts";
import { type Block, parseRichText } from "../../platform/text/rich-text.ts";
import type { EditableText, FollowUpReport } from "../model.ts";
import { asFigure, type FollowUpChart, followUpCharts } from "./charts.ts";
import { cellText, type FinanceBandPercent, type ReportTable, reportTables } from "./tables.ts";
import {
  disclosureSentences,
  EDITED_NOTE,
  followUpFileBaseName,
  followUpTitle,
  GENERATED_NOTE,
  hiddenLegend,
  isEdited,
  SECTION_TITLES,
  versionText,
} from "./text.ts";

/** What an output needs besides the report. */
export interface FollowUpRenderOptions {
  /** The association's normal band of the förbrukningskvot (getFinanceBand; 80–110 % default). */
  band: FinanceBandPercent;
}

/** A report table's part as the documents' table: each cell's text, note and colour. */
export function partTable(table: ReportTable, rows: ReportTable["parts"][number]["rows"]) {
  return {
    columns: table.columns.map((c) => ({ title: c.title, align: c.align, weight: c.weight })),
    rows: rows.map((row) => ({
      cells: row.cells.map(cellText),
      ...(row.total ? { total: true } : {}),
      ...(row.cells.some((c) => c.note) ? { notes: row.cells.map((c) => c.note ?? "") } : {}),
      ...(row.cells.some((c) => c.tone) ? { tones: row.cells.map((c) => c.tone ?? null) } : {}),
    })),
  } satisfies TableModel;
}

/** The office's text as blocks, or the generated sentences a paragraph each. */
function editableBlocks(text: EditableText): Block[] {
  if (isEdited(text)) return parseRichText(text.edited ?? "");
  return text.generated.map((s) => ({ type: "paragraph", lines: [[{ text: s }]] }));
}

const EMPTY_PART: Record<string, string> = {
  "Aktiva under perioden": "Inga insatser var aktiva under perioden.",
  "Avslutade under perioden": "Ingen insats avslutades under perioden.",
};

/** The table's parts, its notes and (for participant figures) the legend of "< 5" and "..". */
function tableNodes(table: ReportTable, threshold: number, emptyText: string): DocumentNode[] {
  const nodes: DocumentNode[] = [];
  for (const part of table.parts) {
    if (part.heading) nodes.push({ type: "heading", title: part.heading });
    if (part.rows.length === 0)
      nodes.push({
        type: "text",
        blocks: parseRichText((part.heading && EMPTY_PART[part.heading]) || emptyText),
      });
    else nodes.push({ type: "table", table: partTable(table, part.rows) });
  }
  const hasRows = table.parts.some((p) => p.rows.length > 0);
  if (hasRows) {
    for (const note of table.notes) nodes.push({ type: "note", text: note });
    if (table.persons) nodes.push({ type: "note", text: hiddenLegend(threshold) });
  }
  return nodes;
}

/** A chart, then its figures as a table for those who cannot see it. */
function chartNodes(chart: FollowUpChart | null, none: string): DocumentNode[] {
  if (!chart) return [{ type: "note", text: none }];
  return [
    { type: "figure", figure: asFigure(chart) },
    {
      type: "field",
      label: `Uppgifterna i ${chart.caption.split(".")[0]?.toLowerCase()}`,
      body: { type: "table", table: chart.table },
      level: 3,
    },
  ];
}

/** The follow-up report as a document model. */
export function followUpDocument(
  report: FollowUpReport,
  options: FollowUpRenderOptions,
): DocumentModel {
  const tables = reportTables(report, options.band);
  const charts = followUpCharts(report, options.band);
  const t = report.disclosure.threshold;
  const title = followUpTitle(report);
  const version = versionText(report);
  const nodes: DocumentNode[] = [];
  const section = (key: keyof typeof SECTION_TITLES) =>
    nodes.push({ type: "section", title: SECTION_TITLES[key] });
  const editable = (text: EditableText, none: string) => {
    const blocks = editableBlocks(text);
    nodes.push({ type: "text", blocks: blocks.length ? blocks : parseRichText(none) });
    if (blocks.length)
      nodes.push({ type: "note", text: isEdited(text) ? EDITED_NOTE : GENERATED_NOTE });
  };

  section("summary");
  editable(report.summary, "Ingen sammanfattning är skriven.");

  section("background");
  editable(report.background, "Ingen bakgrund är skriven.");
  nodes.push({
    type: "field",
    label: SECTION_TITLES.disclosure,
    body: {
      type: "rich",
      blocks: disclosureSentences(report).map((s) => ({
        type: "paragraph",
        lines: [[{ text: s }]],
      })),
    },
  });

  section("initiatives");
  nodes.push(...tableNodes(tables.initiatives, t, "Inga insatser."));

  section("goalStatus");
  nodes.push(...tableNodes(tables.goalStatus, t, "Inga aktiva insatser under perioden."));
  const comments = report.goalStatus.filter((g) => g.comment?.trim());
  if (comments.length) {
    nodes.push({ type: "heading", title: "Kommentarer till avvikelser" });
    for (const g of comments)
      nodes.push({
        type: "text",
        blocks: [{ type: "paragraph", lines: [[{ text: `${g.name}: ${g.comment?.trim()}` }]] }],
      });
  }

  section("preconditions");
  nodes.push(...tableNodes(tables.preconditions, t, "Inga aktiva insatser under perioden."));

  section("budget");
  nodes.push(...tableNodes(tables.budget, t, "Ingen insats har budget för perioden."));
  nodes.push(...chartNodes(charts.budget, "Ingen förbrukningskvot att visa i diagram."));

  section("quality");
  nodes.push(...tableNodes(tables.quality, t, "Inga aktiva insatser under perioden."));

  section("structure");
  nodes.push(...tableNodes(tables.structure, t, "Inga aktiva insatser under perioden."));

  section("individual");
  nodes.push(...tableNodes(tables.individual, t, "Inga individinriktade insatser under perioden."));

  section("exitReasons");
  nodes.push(...tableNodes(tables.exitReasons, t, "Ingen avslutades under perioden."));
  nodes.push(
    ...chartNodes(
      charts.exits,
      "Inget diagram: inga antal per kön kan visas för perioden (röjandekontroll).",
    ),
  );

  section("participantBackground");
  nodes.push(...tableNodes(tables.participantBackground, t, "Ingen skrevs in under perioden."));

  section("participants");
  nodes.push(...tableNodes(tables.participants, t, "Inga individinriktade insatser."));
  nodes.push(...chartNodes(charts.participants, "Inga antal deltagare att visa i diagram."));

  section("progression");
  nodes.push(...tableNodes(tables.progression, t, tables.progression.empty));

  section("portalUsage");
  nodes.push(...tableNodes(tables.portalUsage, t, tables.portalUsage.empty));

  section("coursesFeedback");
  for (const table of [tables.courses, tables.feedback]) {
    nodes.push({ type: "heading", title: table.title });
    nodes.push(...tableNodes(table, t, table.empty));
  }

  section("endedInitiatives");
  if (report.endedInitiatives.length === 0)
    nodes.push({
      type: "text",
      blocks: parseRichText("Ingen insats avslutades under perioden."),
    });
  for (const e of report.endedInitiatives) {
    nodes.push({ type: "heading", title: e.name });
    const facts: Fact[] = [
      { label: "Ägare", lines: [e.owner] },
      { label: "Samverkansparter", lines: e.partners },
      { label: "Start", lines: e.startDate ? [formatDate(e.startDate)] : [] },
      { label: "Slut", lines: e.endDate ? [formatDate(e.endDate)] : [] },
      {
        label: "Slutrapport",
        lines: e.finalReport ? [e.finalReport.label] : ["Ingen slutrapport"],
      },
    ];
    nodes.push({ type: "facts", facts });
    nodes.push({
      type: "field",
      label: "Syfte",
      body: { type: "rich", blocks: parseRichText(e.purpose) },
      level: 3,
    });
    nodes.push({
      type: "field",
      label: "Resultat",
      body: { type: "rich", blocks: parseRichText(e.outcomeSummary) },
      level: 3,
    });
  }

  section("analysis");
  editable(report.analysis, "Kansliet har inte skrivit någon analys.");

  section("definitions");
  const definitions = Object.values(report.definitions);
  if (definitions.length === 0)
    nodes.push({ type: "text", blocks: parseRichText("Rapporten har inga definitioner.") });
  else
    nodes.push({
      type: "table",
      table: {
        columns: [
          { title: "Uppgift", align: "left", weight: 2 },
          { title: "Definition och källa", align: "left", weight: 5 },
        ],
        rows: definitions.map((d) => ({
          cells: [d.label, d.definition],
          notes: ["", `Källa: ${d.source}`],
        })),
      },
    });

  const registration: Fact[] = [
    {
      label: "Period",
      lines: [`${formatDate(report.period.from)} – ${formatDate(report.period.to)}`],
    },
    { label: "Version", lines: [version] },
    { label: "Jämförs med", lines: report.previous ? [report.previous.period.label] : [] },
    { label: "Beräknad", lines: [formatDateTime(report.generatedAt)] },
  ];
  return {
    associationName: report.association.name,
    headerNote: version,
    title,
    name: report.association.name,
    registration,
    footer: `${title} · ${version}`,
    fileBaseName: followUpFileBaseName(report),
    keywords: `uppföljning, insatser, samordningsförbund, ${report.period.label}`,
    description: `${title} för ${report.association.name}. ${version}.`,
    nodes,
  };
}
