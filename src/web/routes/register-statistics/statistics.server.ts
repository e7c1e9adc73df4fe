// What the participant statistics page shows: the period and initiative asked for, and the
// register's statistics after disclosure control (src/register/aggregates.ts), shaped for the
// page. Only protected cells reach here; a hidden one becomes its mark ("< 5", "..") and a kind,
// never a value.
import { todayInSweden } from "../../../applications/workflow.ts";
import { findInitiatives } from "../../../initiatives/find-initiatives.ts";
import type { Db } from "../../../platform/database/connect.ts";
import { NotFoundError, ValidationError } from "../../../platform/errors.ts";
import { DEFAULT_LOCALE, isLocale } from "../../../platform/i18n/locales.ts";
import { createTranslator } from "../../../platform/i18n/translate.ts";
import {
  FIGURE,
  type IndividualStatistics,
  PERIODS_TOTAL,
  type RegisterStatistics,
  registerStatistics,
  type StatisticsCell,
  type StatisticsTable,
  type StructuralStatistics,
} from "../../../register/aggregates.ts";
import { formatProtected, type ProtectedRatio } from "../../../register/disclosure.ts";

/** How a figure is shown: its text, and why it is hidden when it is. */
export interface CellView {
  text: string;
  kind: "value" | "primary" | "secondary" | "left_out" | "share_hidden";
}

export interface TableView {
  key: string;
  title: string;
  definition: string;
  rows: Array<{
    key: string;
    label: string;
    definition: string;
    partOf: boolean;
    cells: [CellView, CellView, CellView];
  }>;
}

export interface GroupView {
  id: string | null;
  name: string;
  startDate: string | null;
  endDate: string | null;
  tables: TableView[];
  shares: Array<{ key: string; label: string; definition: string; share: CellView }>;
}

/**
 * The initiatives of one orientation side by side: a few key figures each (totalt), and a link
 * to the initiative's own tables. Every figure is the same protected cell as in its tables.
 */
export interface OverviewView {
  columns: Array<{ key: string; label: string; definition: string }>;
  rows: Array<{ id: string; name: string; cells: CellView[] }>;
}

/** One orientation: the figures of all its initiatives together, or of the one asked for. */
export interface OrientationView {
  /** All initiatives together; or the single initiative when only one is shown. */
  main: GroupView | null;
  /** With more than one initiative: each one's key figures. */
  overview: OverviewView | null;
}

export interface StatisticsView {
  period: { from: string; to: string };
  threshold: number;
  allowTrueZero: boolean;
  genderNote: string;
  countingNote: string;
  individual: OrientationView;
  structural: OrientationView;
  /** How many figures are hidden (each counted once), how many totals left out, and why. */
  disclosure: { hidden: number; leftOut: number; reasons: string[] };
}

export interface StatisticsPage {
  query: { from: string; to: string; initiative: string };
  initiatives: Array<{ id: string; name: string; orientation: "individual" | "structural" }>;
  presets: Array<{ from: string; to: string; kind: "half" | "year"; half: 1 | 2; year: number }>;
  errors: Record<string, string> | null;
  statistics: StatisticsView | null;
}

const cellOf = (cell: StatisticsCell, locale: string): CellView => {
  if ("value" in cell) return { text: formatProtected(cell, locale), kind: "value" };
  if (cell.suppressed === "left_out") return { text: "..", kind: "left_out" };
  return { text: formatProtected(cell, locale), kind: cell.suppressed };
};

const shareOf = (share: ProtectedRatio, locale: string): CellView =>
  "ratio" in share
    ? { text: formatProtected(share, locale), kind: "value" }
    : { text: formatProtected(share, locale), kind: "share_hidden" };

function tableOf(table: StatisticsTable, locale: string): TableView {
  return {
    key: table.key,
    title: table.title,
    definition: table.definition,
    rows: table.rows.map((row) => ({
      key: row.key,
      label: row.label,
      definition: row.definition,
      partOf: row.partOf !== undefined,
      cells: [cellOf(row.kvinnor, locale), cellOf(row.man, locale), cellOf(row.totalt, locale)],
    })),
  };
}

function individualOf(group: IndividualStatistics, locale: string): GroupView {
  return {
    id: group.initiative?.id ?? null,
    name: group.name,
    startDate: group.initiative?.startDate ?? null,
    endDate: group.initiative?.endDate ?? null,
    tables: group.tables.map((t) => tableOf(t, locale)),
    shares: group.shares.map((s) => ({
      key: s.key,
      label: s.label,
      definition: s.definition,
      share: shareOf(s.share, locale),
    })),
  };
}

function structuralOf(group: StructuralStatistics, locale: string): GroupView {
  return {
    id: group.initiative?.id ?? null,
    name: group.name,
    startDate: group.initiative?.startDate ?? null,
    endDate: group.initiative?.endDate ?? null,
    tables: [tableOf(group.table, locale)],
    shares: [],
  };
}

/** The key figures of an individual initiative in the overview (its "totalt" cells). */
const INDIVIDUAL_OVERVIEW = [
  FIGURE.started,
  FIGURE.whole,
  FIGURE.exited,
  FIGURE.toWorkOrStudies,
  FIGURE.ongoing,
] as const;
const INDIVIDUAL_OVERVIEW_SHARE = "andel_till_arbete_och_eller_studier";

function individualOverview(groups: readonly IndividualStatistics[], locale: string): OverviewView {
  const first = groups[0];
  const rowSpec = (key: string) => first?.tables.flatMap((t) => t.rows).find((r) => r.key === key);
  const shareSpec = first?.shares.find((s) => s.key === INDIVIDUAL_OVERVIEW_SHARE);
  return {
    columns: [
      ...INDIVIDUAL_OVERVIEW.map((key) => ({
        key,
        label: rowSpec(key)?.label ?? key,
        definition: rowSpec(key)?.definition ?? "",
      })),
      ...(shareSpec
        ? [{ key: shareSpec.key, label: shareSpec.label, definition: shareSpec.definition }]
        : []),
    ],
    rows: groups.map((group) => {
      const rows = group.tables.flatMap((t) => t.rows);
      const share = group.shares.find((s) => s.key === INDIVIDUAL_OVERVIEW_SHARE);
      return {
        id: group.initiative?.id ?? "",
        name: group.name,
        cells: [
          ...INDIVIDUAL_OVERVIEW.map((key) => {
            const row = rows.find((r) => r.key === key);
            if (!row) throw new Error(`statistikens rad ${key} saknas`);
            return cellOf(row.totalt, locale);
          }),
          ...(share ? [shareOf(share.share, locale)] : []),
        ],
      };
    }),
  };
}

function structuralOverview(groups: readonly StructuralStatistics[], locale: string): OverviewView {
  const spec = groups[0]?.table.rows.find((r) => r.key === PERIODS_TOTAL);
  const definition = spec?.definition ?? "";
  return {
    columns: [
      { key: "kvinnor", label: "Kvinnor", definition },
      { key: "man", label: "Män", definition },
      { key: "totalt", label: "Totalt", definition },
    ],
    rows: groups.map((group) => {
      const row = group.table.rows.find((r) => r.key === PERIODS_TOTAL);
      if (!row) throw new Error(`statistikens rad ${PERIODS_TOTAL} saknas`);
      return {
        id: group.initiative?.id ?? "",
        name: group.name,
        cells: [cellOf(row.kvinnor, locale), cellOf(row.man, locale), cellOf(row.totalt, locale)],
      };
    }),
  };
}

export function statisticsView(stats: RegisterStatistics, locale: string): StatisticsView {
  const d = stats.disclosure;
  const [oneIndividual] = stats.individual;
  const [oneStructural] = stats.structural;
  return {
    period: stats.period,
    threshold: stats.threshold,
    allowTrueZero: stats.allowTrueZero,
    genderNote: stats.genderNote,
    countingNote: stats.countingNote,
    individual:
      stats.individual.length === 1 && oneIndividual
        ? { main: individualOf(oneIndividual, locale), overview: null }
        : {
            main: stats.individualTotal ? individualOf(stats.individualTotal, locale) : null,
            overview:
              stats.individual.length > 1 ? individualOverview(stats.individual, locale) : null,
          },
    structural:
      stats.structural.length === 1 && oneStructural
        ? { main: structuralOf(oneStructural, locale), overview: null }
        : {
            main: stats.structuralTotal ? structuralOf(stats.structuralTotal, locale) : null,
            overview:
              stats.structural.length > 1 ? structuralOverview(stats.structural, locale) : null,
          },
    disclosure: {
      hidden:
        d.primary +
        d.secondary +
        d.shares.denominator +
        d.shares.numerator +
        d.shares.complement +
        stats.leftOut,
      leftOut: stats.leftOut,
      reasons: [...d.reasons],
    },
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) =>
  DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** The half-year `today` lies in. */
export function currentHalfYear(today: string): { from: string; to: string } {
  const year = today.slice(0, 4);
  return Number(today.slice(5, 7)) <= 6
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/** The last four half-years and the last two whole years, newest first. */
export function periodPresets(today: string): StatisticsPage["presets"] {
  const year = Number(today.slice(0, 4));
  const firstHalf = Number(today.slice(5, 7)) <= 6;
  const halves: StatisticsPage["presets"] = [];
  let y = year;
  let h: 1 | 2 = firstHalf ? 1 : 2;
  for (let k = 0; k < 4; k++) {
    halves.push({
      kind: "half",
      half: h,
      year: y,
      from: `${y}-${h === 1 ? "01-01" : "07-01"}`,
      to: `${y}-${h === 1 ? "06-30" : "12-31"}`,
    });
    if (h === 2) h = 1;
    else {
      h = 2;
      y--;
    }
  }
  const years: StatisticsPage["presets"] = [year, year - 1].map((y) => ({
    kind: "year",
    half: 1,
    year: y,
    from: `${y}-01-01`,
    to: `${y}-12-31`,
  }));
  return [...halves, ...years];
}

/** Reads the query (fran, till, insats), defaulting to the current half-year and all initiatives. */
export async function loadStatisticsPage(
  db: Db,
  associationId: string,
  url: URL,
  locale: string,
  now = new Date(),
): Promise<StatisticsPage> {
  const today = todayInSweden(now);
  const half = currentHalfYear(today);
  const from = url.searchParams.get("fran")?.trim() || half.from;
  const to = url.searchParams.get("till")?.trim() || half.to;
  const initiative = url.searchParams.get("insats")?.trim() ?? "";
  const listed = await findInitiatives(db, {
    associationId,
    visible: "all",
    statuses: ["beviljad", "pagaende", "avslutad", "avslutad_i_fortid"],
    sort: "name",
  });
  const page: Omit<StatisticsPage, "errors" | "statistics"> = {
    query: { from, to, initiative },
    initiatives: listed.map((i) => ({ id: i.id, name: i.name, orientation: i.orientation })),
    presets: periodPresets(today),
  };
  // the page's own checks, in the page's language (the use case checks them again, in Swedish)
  const t = createTranslator(isLocale(locale) ? locale : DEFAULT_LOCALE);
  const errors: Record<string, string> = {};
  const fromOk = isDate(from);
  const toOk = isDate(to);
  if (!fromOk) errors.fran = t("registerStatistics.errorFrom", { example: half.from });
  if (!toOk) errors.till = t("registerStatistics.errorTo", { example: half.to });
  if (fromOk && toOk && from > to) errors.till = t("registerStatistics.errorOrder", { from, to });
  if (initiative && !page.initiatives.some((i) => i.id === initiative))
    errors.insats = t("registerStatistics.errorInitiative");
  if (Object.keys(errors).length > 0) return { ...page, errors, statistics: null };
  try {
    // the association's own disclosure control applies (registerStatistics reads it)
    const stats = await registerStatistics(db, associationId, {
      from,
      to,
      initiativeIds: initiative ? [initiative] : "all",
      locale,
    });
    return { ...page, errors: null, statistics: statisticsView(stats, locale) };
  } catch (error) {
    if (error instanceof ValidationError) {
      const fields: Record<string, string> = {};
      for (const [field, message] of Object.entries(error.fields))
        fields[field === "from" ? "fran" : field === "to" ? "till" : field] = message;
      return { ...page, errors: fields, statistics: null };
    }
    if (error instanceof NotFoundError)
      return {
        ...page,
        errors: { insats: t("registerStatistics.errorInitiative") },
        statistics: null,
      };
    throw error;
  }
}
