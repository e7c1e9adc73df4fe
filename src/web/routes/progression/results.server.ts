// What the progression results page shows: who may see which initiatives' results, the period
// asked for, and the results after disclosure control (src/progression/results.ts) shaped for the
// page with their charts. Only protected figures reach here; a hidden one becomes "–" and the
// kind of reason, never a value.
import { data } from "react-router";
import { can, canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import type { Principal } from "../../../access/principal.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import type { Db } from "../../../platform/database/connect.ts";
import { ValidationError } from "../../../platform/errors.ts";
import {
  changeChart,
  distributionChart,
  type ProgressionChart,
} from "../../../progression/charts.ts";
import {
  DEFINITION_LABELS,
  DEFINITIONS,
  type DefinitionKey,
  formatMean,
  type GenderFigures,
  type GroupResults,
  type ProtectedMean,
  progressionResults,
} from "../../../progression/results.ts";
import {
  formatProtected,
  type ProtectedCell,
  type ProtectedRatio,
} from "../../../register/disclosure.ts";

/** A figure as the page shows it: its text, or "–" and why it is hidden. */
export interface CellView {
  text: string;
  kind: "value" | "primary" | "secondary" | "share" | "mean" | "none";
}

export type GenderView = [CellView, CellView, CellView];

export interface GroupView {
  measured: GenderView;
  pairs: GenderView;
  improved: GenderView;
  scores: Array<{
    key: string;
    label: string;
    n: GenderView;
    baseline: GenderView;
    latest: GenderView;
    change: GenderView;
  }>;
}

export interface ChartView {
  id: string;
  caption: string;
  description: string;
  svg: string;
  table: ProgressionChart["table"];
}

export interface InstrumentView {
  id: string;
  name: string;
  version: number;
  improvement: number;
  enrolled: GenderView;
  measured: GenderView;
  share: GenderView;
  targetText: string;
  target: "uppnatt" | "inte_uppnatt" | "kan_inte_bedomas";
  participants: GroupView;
  comparison: GroupView | null;
  changeChart: ChartView | null;
  distributionChart: ChartView | null;
}

export interface InitiativeView {
  id: string;
  name: string;
  targetPercent: number;
  comparisonGroup: boolean;
  /** The signed-in person measures here (the comparison group's page). */
  measures: boolean;
  /** The signed-in person may download the evaluator file. */
  exports: boolean;
  instruments: InstrumentView[];
}

export interface ResultsPage {
  query: { from: string; to: string };
  errors: Record<string, string> | null;
  threshold: number;
  suppressed: number;
  reasons: string[];
  definitions: Array<{ key: DefinitionKey; label: string; text: string }>;
  initiatives: InitiativeView[];
}

const cell = (c: ProtectedCell): CellView =>
  "value" in c ? { text: formatProtected(c), kind: "value" } : { text: "–", kind: c.suppressed };

const ratio = (r: ProtectedRatio): CellView =>
  "ratio" in r ? { text: formatProtected(r), kind: "value" } : { text: "–", kind: "share" };

const mean = (m: ProtectedMean, signed = false): CellView =>
  "value" in m
    ? { text: formatMean(m, signed), kind: "value" }
    : { text: "–", kind: m.suppressed === "none" ? "none" : "mean" };

const genders = <T>(g: GenderFigures<T>, of: (x: T) => CellView): GenderView => [
  of(g.kvinnor),
  of(g.man),
  of(g.totalt),
];

function groupView(g: GroupResults): GroupView {
  return {
    measured: genders(g.measured, cell),
    pairs: genders(g.pairs, cell),
    improved: genders(g.improved, ratio),
    scores: g.scores.map((s) => ({
      key: s.key,
      label: s.label,
      n: genders(s.n, cell),
      baseline: genders(s.baseline, (m) => mean(m)),
      latest: genders(s.latest, (m) => mean(m)),
      change: genders(s.change, (m) => mean(m, true)),
    })),
  };
}

const chartView = (chart: ProgressionChart | null, id: string): ChartView | null =>
  chart
    ? {
        id,
        caption: chart.caption,
        description: chart.description,
        svg: chart.svg,
        table: chart.table,
      }
    : null;

/**
 * The initiatives whose results the principal may see: "all" for the office and the board
 * (progression.results in the association), else the ids it holds the permission on; 403 when none.
 */
export function resultsScope(principal: Principal, associationId: string): "all" | string[] {
  if (can(principal, "progression.results", associationId)) return "all";
  const own = [
    ...new Set(
      principal.grants
        .filter((g) => g.associationId === associationId && g.initiativeId !== null)
        .map((g) => g.initiativeId as string),
    ),
  ].filter((id) => canOnInitiative(principal, "progression.results", associationId, id));
  if (own.length === 0)
    throw data({ message: new ForbiddenError("progression.results").message }, { status: 403 });
  return own;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function loadResultsPage(
  db: Db,
  principal: Principal,
  associationId: string,
  url: URL,
): Promise<ResultsPage> {
  const scope = resultsScope(principal, associationId);
  const year = todayInSweden().slice(0, 4);
  const from = (url.searchParams.get("fran") ?? "").trim() || `${year}-01-01`;
  const to = (url.searchParams.get("till") ?? "").trim() || `${year}-12-31`;
  const query = { from, to };
  const empty = { threshold: 0, suppressed: 0, reasons: [], initiatives: [] };
  const definitions = (Object.keys(DEFINITIONS) as DefinitionKey[]).map((key) => ({
    key,
    label: DEFINITION_LABELS[key],
    text: DEFINITIONS[key],
  }));
  let results: Awaited<ReturnType<typeof progressionResults>>;
  try {
    results = await progressionResults(db, associationId, {
      from: DATE.test(from) ? from : from.slice(0, 40),
      to: DATE.test(to) ? to : to.slice(0, 40),
      ...(scope === "all" ? {} : { initiativeIds: scope }),
    });
  } catch (error) {
    if (error instanceof ValidationError)
      return {
        query,
        errors: Object.fromEntries(
          Object.entries(error.fields).map(([k, m]) => [
            k === "from" ? "fran" : k === "to" ? "till" : k,
            m,
          ]),
        ),
        definitions,
        ...empty,
      };
    throw error;
  }
  return {
    query,
    errors: null,
    threshold: results.threshold,
    suppressed: results.suppressedCells,
    reasons: [...results.disclosure.reasons],
    definitions,
    initiatives: results.initiatives.map((initiative, i) => ({
      id: initiative.id,
      name: initiative.name,
      targetPercent: initiative.targetPercent,
      comparisonGroup: initiative.comparisonGroup,
      measures: canOnInitiative(principal, "progression.measure", associationId, initiative.id),
      exports: canOnInitiative(principal, "progression.export", associationId, initiative.id),
      instruments: initiative.instruments.map((instrument, j) => {
        const id = `diagram-${i + 1}-${j + 1}`;
        return {
          id: instrument.instrumentVersionId,
          name: instrument.instrumentName,
          version: instrument.versionNumber,
          improvement: instrument.improvement,
          enrolled: genders(instrument.coverage.enrolled, cell),
          measured: genders(instrument.coverage.measured, cell),
          share: genders(instrument.coverage.share, ratio),
          targetText: instrument.coverage.targetText,
          target: instrument.coverage.target,
          participants: groupView(instrument.participants),
          comparison: instrument.comparison ? groupView(instrument.comparison) : null,
          changeChart: chartView(changeChart(instrument, id, initiative.name), `${id}-forandring`),
          distributionChart: chartView(
            distributionChart(instrument, id, initiative.name),
            `${id}-fordelning`,
          ),
        };
      }),
    })),
  };
}
