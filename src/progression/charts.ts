// The progression results' charts, drawn on the server as SVG with Apache ECharts (the approach
// of src/follow-up/documents/charts.ts): the mean change per dimension by gender, and the
// distribution of the total score at the zero-point and at the latest measurement. The page shows
// them without JavaScript.
//
// Each chart comes with its figures as a plain table (shown beside it, for screen readers and for
// anyone who wants the numbers), a description in words (the SVG's <title>/<desc>, role="img"),
// and never carries meaning by colour alone: every bar is labelled with its series and value, and
// the two series differ in pattern as well (solid and hatched). A figure that is not shown
// (disclosure control) is never drawn: the bar is left out, and the description and the table say
// so.
import * as echarts from "echarts";
import { accessibleSvg, CHART_FONT_FAMILY } from "../documents/chart-svg.ts";
import { formatNumber } from "../platform/i18n/format.ts";
import { formatProtected, type ProtectedCell } from "../register/disclosure.ts";
import {
  formatMean,
  type GroupResults,
  type InstrumentResults,
  type ProtectedMean,
} from "./results.ts";

export interface ChartTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<{ readonly label: string; readonly cells: readonly string[] }>;
}

export interface ProgressionChart {
  readonly key: "forandring" | "fordelning";
  readonly caption: string;
  readonly description: string;
  /** Accessible SVG markup (role="img", <title>, <desc>), safe to put in a page as it is. */
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly table: ChartTable;
  /** Figures not drawn because they are not shown. */
  readonly omitted: number;
}

const WIDTH = 640;
const INK = "#1b1f24";
const MUTED = "#4a5260";
const GRID = "#d5d9df";
/** Each at least 3:1 against white (WCAG 1.4.11); the second series is hatched as well. */
const COLOURS = ["#1d4f6e", "#b8560b", "#4a5260"] as const;

interface Series {
  name: string;
  values: (number | null)[];
  labels: (string | null)[];
}

const PER_BAR = 18;
const GAP = 14;

/** Horizontal bars (server side, no animation); the second series hatched. */
function renderBars(
  id: string,
  categories: readonly string[],
  series: readonly Series[],
  axisTitle: string,
  title: string,
  description: string,
  options: { min?: number } = {},
): { svg: string; height: number } {
  const height = Math.max(
    160,
    categories.length * (series.length * PER_BAR + GAP) + 68 + series.length * 20,
  );
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height });
  const label = { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: INK };
  instance.setOption({
    animation: false,
    aria: { enabled: false },
    textStyle: label,
    grid: { left: 8, right: 110, top: 12, bottom: 36 + series.length * 20, containLabel: true },
    legend: {
      show: true,
      orient: "vertical",
      bottom: 0,
      left: 8,
      icon: "rect",
      itemWidth: 14,
      itemHeight: 14,
      itemGap: 6,
      selectedMode: false,
      textStyle: label,
      data: series.map((s) => s.name),
    },
    xAxis: {
      type: "value",
      name: axisTitle,
      nameLocation: "middle",
      nameGap: 26,
      nameTextStyle: { ...label, color: MUTED },
      ...(options.min !== undefined ? { min: options.min } : {}),
      axisLabel: { ...label, color: MUTED, formatter: (v: number) => formatNumber(v) },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: categories,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: MUTED } },
      axisLabel: { ...label, width: 200, overflow: "truncate" },
    },
    series: series.map((s, si) => ({
      type: "bar",
      name: s.name,
      barMaxWidth: PER_BAR - 4,
      barGap: "20%",
      itemStyle: {
        color: COLOURS[si % COLOURS.length],
        // a pattern besides the colour: the second series is outlined and hatched
        ...(si === 1 ? { borderColor: INK, borderWidth: 1, borderType: "dashed" } : {}),
        ...(si === 2 ? { borderColor: INK, borderWidth: 2 } : {}),
      },
      data: s.values.map((v, i) => ({
        value: v,
        label: {
          show: v !== null && s.labels[i] !== null,
          position: "right",
          formatter: () => s.labels[i] ?? "",
          ...label,
          textBorderWidth: 0,
        },
      })),
    })),
  });
  const raw = instance.renderToSVGString();
  instance.dispose();
  return { svg: accessibleSvg(raw, id, title, description), height };
}

const omittedSentence = (n: number) =>
  n === 0
    ? ""
    : ` ${n === 1 ? "En uppgift" : `${formatNumber(n)} uppgifter`} ritas inte eftersom de inte visas (röjandekontroll); tabellen visar vilka.`;

const meanValue = (m: ProtectedMean) => ("value" in m ? m.value : null);
const cellValue = (c: ProtectedCell) => ("value" in c ? c.value : null);
const signed = (n: number) => formatMean({ value: n }, true);

/**
 * The mean change per dimension (the total and each subscale) by gender, and the comparison
 * group's (everyone) beside when there is one. Null when nothing can be drawn.
 */
export function changeChart(
  instrument: InstrumentResults,
  id: string,
  name: string,
): ProgressionChart | null {
  const dimension = (g: GroupResults) => g.scores.filter((s) => !s.key.startsWith("fraga:"));
  const rows = dimension(instrument.participants);
  const comparison = instrument.comparison ? dimension(instrument.comparison) : null;
  const series: Series[] = [
    { name: "Kvinnor", values: rows.map((r) => meanValue(r.change.kvinnor)), labels: [] },
    { name: "Män", values: rows.map((r) => meanValue(r.change.man)), labels: [] },
    ...(comparison
      ? [
          {
            name: "Jämförelsegrupp (alla)",
            values: comparison.map((r) => meanValue(r.change.totalt)),
            labels: [],
          },
        ]
      : []),
  ];
  for (const s of series)
    s.labels = s.values.map((v) => (v === null ? null : `${s.name.split(" ")[0]} ${signed(v)}`));
  const drawn = series.flatMap((s) => s.values).filter((v) => v !== null).length;
  const omitted = series.flatMap((s) => s.values).length - drawn;
  const caption = `Förändring från nollpunkten per dimension – ${name}`;
  const description = `Liggande stapeldiagram över medelförändringen från nollpunkten till den senaste mätningen för ${instrument.instrumentName}, per dimension, för kvinnor och män${comparison ? " och för jämförelsegruppen" : ""}. Varje stapel har grupp och värde utskrivet.${omittedSentence(omitted)}`;
  const table: ChartTable = {
    caption,
    columns: [
      "Dimension",
      "Kvinnor",
      "Män",
      "Totalt",
      ...(comparison ? ["Jämförelsegrupp (alla)"] : []),
    ],
    rows: rows.map((r, i) => ({
      label: r.label,
      cells: [
        formatMean(r.change.kvinnor, true),
        formatMean(r.change.man, true),
        formatMean(r.change.totalt, true),
        ...(comparison
          ? [formatMean((comparison[i] as (typeof rows)[number]).change.totalt, true)]
          : []),
      ],
    })),
  };
  if (drawn === 0) return null;
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const { svg, height } = renderBars(
    `${id}-forandring`,
    rows.map((r) => r.label),
    series,
    "Medelförändring (poäng)",
    caption,
    description,
    { min: Math.min(0, Math.floor(Math.min(...values))) },
  );
  return { key: "forandring", caption, description, svg, width: WIDTH, height, table, omitted };
}

/** The distribution of the total score at the zero-point and at the latest measurement (everyone). */
export function distributionChart(
  instrument: InstrumentResults,
  id: string,
  name: string,
): ProgressionChart | null {
  const d = instrument.participants.distribution;
  const series: Series[] = [
    { name: "Nollpunkt", values: d.baseline.map(cellValue), labels: [] },
    { name: "Senaste mätningen", values: d.latest.map(cellValue), labels: [] },
  ];
  for (const s of series)
    s.labels = s.values.map((v) =>
      v === null ? null : `${s.name === "Nollpunkt" ? "Nollpunkt" : "Senaste"} ${formatNumber(v)}`,
    );
  const drawn = series.flatMap((s) => s.values).filter((v) => v !== null).length;
  const omitted = series.flatMap((s) => s.values).length - drawn;
  const caption = `Totalpoängens fördelning vid nollpunkten och vid den senaste mätningen – ${name}`;
  const description = `Liggande stapeldiagram över hur många personer som hade varje totalpoäng (avrundad till helt steg) på ${instrument.instrumentName}, vid nollpunkten och vid den senaste mätningen. Varje stapel har tillfälle och antal utskrivet.${omittedSentence(omitted)}`;
  const table: ChartTable = {
    caption,
    columns: ["Totalpoäng", "Nollpunkt", "Senaste mätningen"],
    rows: d.steps.map((step, i) => ({
      label: formatNumber(step),
      cells: [
        formatProtected(d.baseline[i] as ProtectedCell),
        formatProtected(d.latest[i] as ProtectedCell),
      ],
    })),
  };
  if (drawn === 0) return null;
  const { svg, height } = renderBars(
    `${id}-fordelning`,
    d.steps.map((s) => `Poäng ${formatNumber(s)}`),
    series,
    "Antal personer",
    caption,
    description,
    { min: 0 },
  );
  return { key: "fordelning", caption, description, svg, width: WIDTH, height, table, omitted };
}
