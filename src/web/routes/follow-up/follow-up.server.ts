// What the follow-up pages share on the server: the follow-up in the URL for a person who may
// see it, the version the page shows (the board and the auditor only ever get locked ones), and
// the report shaped for the page — every table as the documents' cells (documents/tables.ts, so
// the page, the DOCX, the PDF and the XLSX write the same figures), the charts as SVG with their
// data tables, every figure's definition, and, for those allowed to follow them, the records
// behind each table (initiatives, reports, requisitions; never a participant).
import { data, type RouterContextProvider } from "react-router";
import type { Permission } from "../../../access/policy.ts";
import type { TableModel } from "../../../documents/layout.ts";
import { FIGURE_KEYS } from "../../../follow-up/definitions.ts";
import { type FollowUpChart, followUpCharts } from "../../../follow-up/documents/charts.ts";
import {
  type Cell,
  cellText,
  type ReportTable,
  reportTables,
} from "../../../follow-up/documents/tables.ts";
import {
  disclosureSentences,
  EDITED_NOTE,
  editableParagraphs,
  followUpTitle,
  GENERATED_NOTE,
  hiddenLegend,
  isEdited,
  type SectionKey,
} from "../../../follow-up/documents/text.ts";
import type { EditableText, FollowUpReport, SourceRef } from "../../../follow-up/model.ts";
import {
  type FollowUpDetails,
  type FollowUpVersionInfo,
  getFollowUp,
  visibleVersions,
} from "../../../follow-up/store.ts";
import { versionBand, versionReport } from "../../../follow-up/store-report.ts";
import type { Db } from "../../../platform/database/connect.ts";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import { type AssociationAccess, requireAssociation } from "../../guard.server.ts";

type Ctx = Readonly<RouterContextProvider>;

export const VIEW: Permission = "follow_up.view";

/** The follow-up in the URL for a person with `permission`: else 403, or 404 if there is none. */
export async function requireFollowUp(
  context: Ctx,
  request: Request,
  params: { association?: string; followUpId?: string },
  permission: Permission = VIEW,
): Promise<AssociationAccess & { followUp: FollowUpDetails; seesDrafts: boolean }> {
  const access = await requireAssociation(context, request, params.association, permission);
  const followUp = await getFollowUp(
    access.state.services.db,
    access.association.id,
    params.followUpId ?? "",
  );
  if (!followUp) throw data({ message: "Uppföljningen finns inte i förbundet." }, { status: 404 });
  return { ...access, followUp, seesDrafts: access.permissions.includes("follow_up.drafts") };
}

/**
 * The version a page shows: the one asked for (?version=N) if the person may see it, else the
 * newest they may see — the draft for the office, the latest locked version for everyone else.
 * Undefined when there is none to show.
 */
export function chosenVersion(
  followUp: FollowUpDetails,
  seesDrafts: boolean,
  asked: string | null,
): FollowUpVersionInfo | undefined {
  const visible = visibleVersions(followUp, seesDrafts);
  if (asked !== null && asked !== "") return visible.find((v) => String(v.number) === asked);
  return visible.at(-1);
}

/** 404 for a version that is not there, or not for this person (a draft for the board). */
export function requireVersion(
  followUp: FollowUpDetails,
  seesDrafts: boolean,
  asked: string | null,
): FollowUpVersionInfo {
  const version = chosenVersion(followUp, seesDrafts, asked);
  if (!version)
    throw data(
      {
        message:
          asked || seesDrafts
            ? "Versionen av uppföljningen finns inte."
            : "Uppföljningen har ingen låst version ännu. Den visas här när förbundets kansli har låst den.",
      },
      { status: 404 },
    );
  return version;
}

// ---------------------------------------------------------------------------------------------
// The report shaped for the page

export interface CellView {
  text: string;
  /** Why a participant figure is not shown, for screen readers (the mark is shown). */
  hidden: string | null;
  /** Small print under the text (a footnote). */
  note: string | null;
  tone: "green" | "yellow" | "red" | null;
}

export interface TableView {
  key: SectionKey;
  title: string;
  columns: Array<{ title: string; numeric: boolean }>;
  parts: Array<{
    heading: string | null;
    rows: Array<{ total: boolean; cells: CellView[] }>;
  }>;
  notes: string[];
  /** What the page says when the table has no rows; null: the page's own words. */
  empty: string | null;
}

export interface ChartView {
  id: string;
  caption: string;
  description: string;
  svg: string;
  table: TableModel;
}

export interface SourceLink {
  label: string;
  href: string | null;
}

/** One table's definitions and the records behind it. */
export interface TraceView {
  definitions: Array<{ key: string; label: string; definition: string; source: string }>;
  /** Per initiative (or other row): the records behind it; null when not for this person. */
  sources: Array<{ row: SourceLink; refs: SourceLink[] }> | null;
}

export interface EditableView {
  paragraphs: string[];
  /** The office's own text (rich text), or null when the generated sentences are shown. */
  edited: string | null;
  note: string;
}

export interface ReportView {
  title: string;
  associationName: string;
  period: FollowUpReport["period"];
  generatedAt: string;
  previous: { label: string; lockedAt: string } | null;
  threshold: number;
  summary: EditableView;
  background: EditableView;
  analysis: EditableView;
  disclosure: string[];
  tables: Record<
    Exclude<SectionKey, "summary" | "background" | "analysis" | "disclosure" | "definitions">,
    TableView
  > & {
    /** Kurser och Tyck till's second table: Tyck till's answers per question. */
    feedback: TableView;
  };
  goalComments: Array<{ name: string; comment: string }>;
  charts: { budget: ChartView | null; exits: ChartView | null; participants: ChartView | null };
  ended: Array<{
    id: string;
    name: string;
    owner: string;
    partners: string[];
    startDate: string | null;
    endDate: string | null;
    purpose: string;
    outcomeSummary: string;
    finalReport: SourceLink | null;
  }>;
  trace: Partial<Record<SectionKey, TraceView>>;
}

function cellView(cell: Cell): CellView {
  const figure =
    cell.kind === "count" ||
    cell.kind === "share" ||
    cell.kind === "change" ||
    cell.kind === "mean";
  const hiddenFigure =
    figure &&
    ((cell.kind === "count" && !("value" in cell.cell)) ||
      (cell.kind === "share" && !("ratio" in cell.share)) ||
      (cell.kind === "change" && cell.cell !== null && !("value" in cell.cell)) ||
      (cell.kind === "mean" && !("value" in cell.mean)));
  return {
    text: cellText(cell),
    hidden: hiddenFigure ? (cell.kind === "mean" ? (cell.why ?? null) : (cell.note ?? null)) : null,
    note: hiddenFigure ? null : (cell.note ?? null),
    tone: cell.tone === "green" || cell.tone === "yellow" || cell.tone === "red" ? cell.tone : null,
  };
}

function tableView(table: ReportTable & { empty?: string }, threshold: number): TableView {
  return {
    empty: table.empty ?? null,
    key: table.section,
    title: table.title,
    columns: table.columns.map((c) => ({ title: c.title, numeric: c.align === "right" })),
    parts: table.parts.map((p) => ({
      heading: p.heading,
      rows: p.rows.map((r) => ({ total: r.total === true, cells: r.cells.map(cellView) })),
    })),
    notes: [...table.notes, ...(table.persons ? [hiddenLegend(threshold)] : [])],
  };
}

function chartView(chart: FollowUpChart | null): ChartView | null {
  if (!chart) return null;
  return {
    id: `figur-${chart.key}`,
    caption: chart.caption,
    description: chart.description,
    svg: chart.svg,
    table: chart.table,
  };
}

function editableView(text: EditableText): EditableView {
  return {
    paragraphs: editableParagraphs(text),
    edited: isEdited(text) ? text.edited : null,
    note: isEdited(text) ? EDITED_NOTE : GENERATED_NOTE,
  };
}

/** Which records a person may follow from the report, by what they may see in the association. */
export interface SourceAccess {
  initiatives: boolean;
  reports: boolean;
  requisitions: boolean;
}

/** What a person may follow; null when nothing (the auditor), and no list is shown at all. */
export function sourceAccessOf(permissions: readonly Permission[]): SourceAccess | null {
  const access = {
    initiatives: permissions.includes("initiatives.view"),
    reports: permissions.includes("reports.view"),
    requisitions: permissions.includes("requisition.view"),
  };
  return access.initiatives || access.reports || access.requisitions ? access : null;
}

const SOURCE_PATHS: Record<SourceRef["kind"], string> = {
  initiative: "insatser",
  periodic_report: "rapporter",
  deviation_report: "avvikelser",
  final_report: "slutrapporter",
  requisition: "rekvisitioner",
};

const mayFollow = (ref: SourceRef, access: SourceAccess) =>
  ref.kind === "initiative"
    ? access.initiatives
    : ref.kind === "requisition"
      ? access.requisitions
      : access.reports;

/** A record as a link for one who may follow it; a row's initiative is named all the same. */
function linkOf(slug: string, ref: SourceRef, access: SourceAccess): SourceLink {
  return {
    label: ref.label,
    href: mayFollow(ref, access) ? `/${slug}/${SOURCE_PATHS[ref.kind]}/${ref.id}` : null,
  };
}

/** The records behind a row that the person may follow. */
const refsOf = (slug: string, refs: SourceRef[], access: SourceAccess): SourceLink[] =>
  refs.filter((r) => mayFollow(r, access)).map((r) => linkOf(slug, r, access));

/** The records behind each table, by the rows of the report (never a participant). */
function sourcesOf(
  report: FollowUpReport,
  slug: string,
  access: SourceAccess,
): Partial<Record<SectionKey, TraceView["sources"]>> {
  const initiative = (row: { id: string; name: string }) =>
    linkOf(slug, { kind: "initiative", id: row.id, label: row.name }, access);
  const withReport = (rows: Array<{ id: string; name: string; report: SourceRef | null }>) =>
    rows.map((r) => ({
      row: initiative(r),
      refs: refsOf(slug, r.report ? [r.report] : [], access),
    }));
  const initiativesOnly = (rows: Array<{ id: string; name: string }>) =>
    rows.map((r) => ({ row: initiative(r), refs: [] }));
  const individual = report.initiatives.filter((i) => i.orientation === "individual");
  return {
    initiatives: initiativesOnly(report.initiatives),
    goalStatus: withReport(report.goalStatus),
    preconditions: withReport(report.preconditions),
    budget: report.budget.rows.map((r) => ({
      row: initiative(r),
      refs: refsOf(slug, r.sources, access),
    })),
    quality: withReport(report.quality),
    structure: initiativesOnly(report.initiatives),
    individual: initiativesOnly(individual),
    exitReasons: initiativesOnly(individual),
    participantBackground: initiativesOnly(individual),
    participants: initiativesOnly(report.participants.rows),
    progression: initiativesOnly(
      (report.progression?.rows ?? []).filter(
        (r, i, rows) => rows.findIndex((o) => o.id === r.id) === i,
      ),
    ),
    endedInitiatives: report.endedInitiatives.map((e) => ({
      row: initiative(e),
      refs: refsOf(slug, e.finalReport ? [e.finalReport] : [], access),
    })),
  };
}

/** Every section's figure definitions (the report's own, as stored) and sources. */
function traceOf(
  report: FollowUpReport,
  slug: string,
  access: SourceAccess | null,
): Partial<Record<SectionKey, TraceView>> {
  const sources = access ? sourcesOf(report, slug, access) : {};
  const trace: Partial<Record<SectionKey, TraceView>> = {};
  for (const [section, keys] of Object.entries(FIGURE_KEYS) as Array<
    [SectionKey, Record<string, string>]
  >) {
    const definitions = Object.values(keys)
      .map((key) => report.definitions[key])
      .filter((d) => d !== undefined)
      .map((d) => ({ key: d.key, label: d.label, definition: d.definition, source: d.source }));
    const listed = sources[section];
    trace[section] = { definitions, sources: listed && listed.length > 0 ? listed : null };
  }
  return trace;
}

/**
 * The report shaped for the page. `access` is what the person may follow (null: the records
 * behind the figures are not listed at all).
 */
export function reportView(
  report: FollowUpReport,
  band: { low: number; high: number },
  slug: string,
  access: SourceAccess | null,
): ReportView {
  const t = report.disclosure.threshold;
  const tables = reportTables(report, band);
  const charts = followUpCharts(report, band);
  const ended = access ? sourcesOf(report, slug, access).endedInitiatives : undefined;
  return {
    title: followUpTitle(report),
    associationName: report.association.name,
    period: report.period,
    generatedAt: formatDateTime(report.generatedAt),
    previous: report.previous
      ? { label: report.previous.period.label, lockedAt: formatDateTime(report.previous.lockedAt) }
      : null,
    threshold: t,
    summary: editableView(report.summary),
    background: editableView(report.background),
    analysis: editableView(report.analysis),
    disclosure: disclosureSentences(report),
    tables: {
      initiatives: tableView(tables.initiatives, t),
      goalStatus: tableView(tables.goalStatus, t),
      preconditions: tableView(tables.preconditions, t),
      budget: tableView(tables.budget, t),
      quality: tableView(tables.quality, t),
      structure: tableView(tables.structure, t),
      individual: tableView(tables.individual, t),
      exitReasons: tableView(tables.exitReasons, t),
      participantBackground: tableView(tables.participantBackground, t),
      participants: tableView(tables.participants, t),
      progression: tableView(tables.progression, t),
      portalUsage: tableView(tables.portalUsage, t),
      coursesFeedback: tableView(tables.courses, t),
      feedback: tableView(tables.feedback, t),
      endedInitiatives: tableView(tables.endedInitiatives, t),
    },
    goalComments: report.goalStatus
      .filter((g) => g.comment?.trim())
      .map((g) => ({ name: g.name, comment: g.comment?.trim() ?? "" })),
    charts: {
      budget: chartView(charts.budget),
      exits: chartView(charts.exits),
      participants: chartView(charts.participants),
    },
    ended: report.endedInitiatives.map((e, i) => ({
      id: e.id,
      name: e.name,
      owner: e.owner,
      partners: e.partners,
      startDate: e.startDate,
      endDate: e.endDate,
      purpose: e.purpose,
      outcomeSummary: e.outcomeSummary,
      finalReport: e.finalReport
        ? (ended?.[i]?.refs[0] ?? { label: e.finalReport.label, href: null })
        : null,
    })),
    trace: traceOf(report, slug, access),
  };
}

/** The report of a version shaped for its page, with the band its outputs use. */
export async function versionView(
  db: Db,
  followUp: FollowUpDetails,
  version: FollowUpVersionInfo,
  slug: string,
  access: SourceAccess | null,
): Promise<ReportView> {
  const [report, band] = await Promise.all([
    versionReport(db, followUp, version),
    versionBand(db, followUp.associationId, version),
  ]);
  return reportView(report, band, slug, access);
}

/** A version as the pages list it. */
export const versionSummary = (v: FollowUpVersionInfo) => ({
  id: v.id,
  number: v.number,
  status: v.status,
  version: v.version,
  updatedAt: formatDateTime(v.updatedAt),
  updatedByName: v.updatedByName,
  lockedAt: v.lockedAt ? formatDateTime(v.lockedAt) : null,
  lockedByName: v.lockedByName,
});

export type VersionSummary = ReturnType<typeof versionSummary>;
