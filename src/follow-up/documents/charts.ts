// The follow-up report's three charts, drawn on the server as SVG with Apache ECharts (so the
// page shows them without JavaScript, and the PDF draws the same SVG as vectors): exit reasons by
// gender (table 7), förbrukningskvot per initiative with the normal band (table 4), and
// participants against the expected number (table 8).
//
// Each chart comes with its data as a plain table (shown beside it for screen readers), a
// description in words (its <title>/<desc>, role="img"), and its data for Word's own chart.
// A participant figure that is not shown (disclosure control) is never drawn: the bar is left
// out, and the caption and the table say so. Colour is never the only carrier of meaning: every
// bar is labelled with its series and value in words. The text is measured in the typeface the
// PDF embeds (Source Sans 3), and the output depends only on the input (tests compare it).
import * as echarts from "echarts";
import { accessibleSvg, CHART_FONT_FAMILY } from "../../documents/chart-svg.ts";
import type { Figure, FigureChart, TableModel } from "../../documents/layout.ts";
import { formatNumber } from "../../platform/i18n/format.ts";
import type { Colour, FollowUpReport, PersonCount } from "../model.ts";
import type { FinanceBandPercent } from "./tables.ts";
import { countText, expectedText, isShown } from "./text.ts";

export type ChartKey = "exit_reasons" | "budget_ratio" | "participants";

export interface FollowUpChart {
  key: ChartKey;
  /** "Figur 1. Avslutningsanledningar efter kön". */
  caption: string;
  /** What the chart shows, and what it leaves out, in words. */
  description: string;
  /** Accessible SVG markup (role="img", <title>, <desc>), safe to put in a page as it is. */
  svg: string;
  width: number;
  height: number;
  /** The chart's figures as a table, to show beside it. */
  table: TableModel;
  /** Figures that are not drawn because they are not shown (disclosure control) or missing. */
  omitted: number;
  /** The same data for a chart Word draws itself. */
  word: FigureChart;
}

export const CHART_WIDTH = 640;

const INK = "#1b1f24";
const MUTED = "#4a5260";
const GRID = "#d5d9df";
/** Series colours, each at least 3:1 against white (WCAG 1.4.11). */
const SERIES = { women: "#1d4f6e", men: "#b8560b", participants: "#1d4f6e", expected: "#6b7280" };
/** The prognosis colours as bars: darker than the table's backgrounds, at least 3:1 on white. */
const PROGNOSIS_BARS: Record<Colour, string> = {
  green: "#2e7d32",
  yellow: "#9a6700",
  red: "#c62828",
  none: "#6b7280",
};

// ——— the SVG as the page and the documents need it: src/documents/chart-svg.ts ———

interface Series {
  name: string;
  values: (number | null)[];
  color: string;
  /** The label at each bar ("Kvinnor 12"); null for none. */
  labels: (string | null)[];
  colors?: (string | null)[];
}

interface BarChart {
  key: ChartKey;
  categories: string[];
  series: Series[];
  axisTitle: string;
  /** How the value axis writes a value ("{value} %"). */
  axisSuffix: string;
  max?: number;
  /** Limits drawn across the bars (the normal band). */
  limits?: { value: number; label: string }[];
}

const PER_BAR = 20;
const GAP = 14;

/** Draws horizontal bars with ECharts (server side, no animation) and returns its SVG. */
function renderBars(chart: BarChart, title: string, description: string) {
  const rows = chart.categories.length;
  const height = Math.max(
    160,
    rows * (chart.series.length * PER_BAR + GAP) +
      (chart.series.length > 1 ? 68 + chart.series.length * 20 : 68) +
      (chart.limits ? 16 : 0),
  );
  const instance = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: CHART_WIDTH,
    height,
  });
  const label = { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: INK };
  instance.setOption({
    animation: false,
    aria: { enabled: false },
    textStyle: label,
    grid: {
      left: 8,
      right: 96,
      top: chart.limits ? 28 : 12,
      bottom: chart.series.length > 1 ? 36 + chart.series.length * 20 : 36,
      containLabel: true,
    },
    // one series needs no key: its bars are named by the axis and their labels
    // one key a line: the page's typeface may be wider than the PDF's, which is measured
    legend: {
      show: chart.series.length > 1,
      orient: "vertical",
      bottom: 0,
      left: 8,
      icon: "rect",
      itemWidth: 14,
      itemHeight: 14,
      itemGap: 6,
      selectedMode: false,
      textStyle: label,
      data: chart.series.map((s) => s.name),
    },
    xAxis: {
      type: "value",
      name: chart.axisTitle,
      nameLocation: "middle",
      nameGap: 26,
      nameTextStyle: { ...label, color: MUTED },
      minInterval: 1,
      min: 0,
      ...(chart.max !== undefined ? { max: chart.max } : {}),
      axisLabel: {
        ...label,
        color: MUTED,
        formatter: (v: number) => `${formatNumber(v)}${chart.axisSuffix}`,
      },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: chart.categories,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: MUTED } },
      axisLabel: { ...label, width: 190, overflow: "break", lineHeight: 14 },
    },
    series: chart.series.map((s, si) => ({
      type: "bar",
      // above the limit lines, so their labels' white ground covers the lines
      z: 3,
      name: s.name,
      barMaxWidth: PER_BAR - 4,
      barGap: "20%",
      itemStyle: { color: s.color },
      data: s.values.map((v, i) => ({
        value: v,
        itemStyle: { color: s.colors?.[i] ?? s.color },
        label: {
          show: v !== null && s.labels[i] !== null,
          position: "right",
          formatter: () => s.labels[i] ?? "",
          ...label,
          textBorderWidth: 0,
          // a white ground, so a limit line crossing the label does not strike it through
          backgroundColor: "#ffffff",
          padding: [3, 3],
        },
      })),
      ...(si === 0 && chart.limits
        ? {
            markLine: {
              z: 1,
              silent: true,
              symbol: "none",
              animation: false,
              lineStyle: { color: INK, type: [6, 3], width: 1.5 },
              label: { ...label, position: "start", formatter: "{b}", textBorderWidth: 0 },
              data: chart.limits.map((l) => ({ xAxis: l.value, name: l.label })),
            },
          }
        : {}),
    })),
  });
  const raw = instance.renderToSVGString();
  instance.dispose();
  return { svg: accessibleSvg(raw, `chart-${chart.key}`, title, description), height };
}

const omittedSentence = (n: number, why: string) =>
  n === 0
    ? ""
    : ` ${n === 1 ? "En uppgift" : `${formatNumber(n)} uppgifter`} ritas inte: ${why} De står i tabellen.`;

const count = (cell: PersonCount) => (isShown(cell) ? cell.value : null);

/** (a) Table 7: how those who exited in the period ended, women and men, per reason. */
export function exitReasonsChart(report: FollowUpReport, figure: number): FollowUpChart | null {
  // the "both work and studies" row is a part of the rows above, for information: table only
  const rows = report.exitReasons.filter((r) => r.partOf === null);
  if (rows.length === 0) return null;
  const women = rows.map((r) => count(r.women));
  const men = rows.map((r) => count(r.men));
  const omitted = [...women, ...men].filter((v) => v === null).length;
  if (omitted === women.length + men.length) return null;
  const caption = `Figur ${figure}. Avslutningsanledningar efter kön`;
  const description = `Liggande stapeldiagram över hur många kvinnor och män som avslutades under perioden, per avslutningsanledning (tabell 7). Varje stapel har kön och antal utskrivet.${omittedSentence(
    omitted,
    `antalet är för litet för att visas (röjandekontroll).`,
  )}`;
  const chart: BarChart = {
    key: "exit_reasons",
    categories: rows.map((r) => r.label),
    series: [
      {
        name: "Kvinnor",
        values: women,
        color: SERIES.women,
        labels: women.map((v) => (v === null ? null : `Kvinnor ${formatNumber(v)}`)),
      },
      {
        name: "Män",
        values: men,
        color: SERIES.men,
        labels: men.map((v) => (v === null ? null : `Män ${formatNumber(v)}`)),
      },
    ],
    axisTitle: "Antal personer",
    axisSuffix: "",
  };
  const { svg, height } = renderBars(chart, caption, description);
  return {
    key: "exit_reasons",
    caption,
    description,
    svg,
    width: CHART_WIDTH,
    height,
    omitted,
    table: {
      columns: [
        { title: "Avslutningsanledning", align: "left", weight: 3 },
        { title: "Kvinnor", align: "right", weight: 1 },
        { title: "Män", align: "right", weight: 1 },
      ],
      rows: rows.map((r) => ({ cells: [r.label, countText(r.women), countText(r.men)] })),
    },
    word: wordChart(chart),
  };
}

/** (b) Table 4: each initiative's förbrukningskvot against the association's normal band. */
export function budgetRatioChart(
  report: FollowUpReport,
  band: FinanceBandPercent,
  figure: number,
): FollowUpChart | null {
  const rows = report.budget.rows;
  if (rows.length === 0) return null;
  const values = rows.map((r) => r.ratioPercent);
  const omitted = values.filter((v) => v === null).length;
  if (omitted === values.length) return null;
  const top = Math.max(band.high, ...values.map((v) => v ?? 0));
  const max = Math.ceil((top + 10) / 20) * 20;
  const caption = `Figur ${figure}. Förbrukningskvot per insats`;
  const description = `Liggande stapeldiagram över varje insats förbrukningskvot, utfall delat med budget för perioden i procent (tabell 4), med normalintervallet ${band.low}–${band.high} % som två streckade linjer. Varje stapel har kvot och prognos utskrivna; färgen följer prognosen (grön OK, gul Bevaka, röd Åtgärd, grå Avslutad).${omittedSentence(
    omitted,
    "insatsen har ingen budget för perioden, så kvoten finns inte.",
  )}`;
  const chart: BarChart = {
    key: "budget_ratio",
    categories: rows.map((r) => r.name),
    series: [
      {
        name: "Förbrukningskvot",
        values,
        color: SERIES.participants,
        colors: rows.map((r) => PROGNOSIS_BARS[r.colour]),
        labels: rows.map((r) =>
          r.ratioPercent === null ? null : `${formatNumber(r.ratioPercent)} % ${r.prognosis}`,
        ),
      },
    ],
    axisTitle: "Förbrukningskvot (procent)",
    axisSuffix: " %",
    max,
    limits: [
      { value: band.low, label: `${band.low} %` },
      { value: band.high, label: `${band.high} %` },
    ],
  };
  const { svg, height } = renderBars(chart, caption, description);
  return {
    key: "budget_ratio",
    caption,
    description,
    svg,
    width: CHART_WIDTH,
    height,
    omitted,
    table: {
      columns: [
        { title: "Insats", align: "left", weight: 3 },
        { title: "Förbrukningskvot", align: "right", weight: 1.2 },
        { title: "Prognos", align: "left", weight: 1 },
      ],
      rows: [
        ...rows.map((r) => ({
          cells: [
            r.name,
            r.ratioPercent === null ? "–" : `${formatNumber(r.ratioPercent)}\u00a0%`,
            r.prognosis,
          ],
        })),
        {
          cells: ["Normalintervall", `${band.low}–${band.high}\u00a0%`, ""],
          total: true,
        },
      ],
    },
    word: {
      ...wordChart(chart),
      // Word draws the band as lines across columns (a bar chart's series are all bars)
      direction: "columns",
      series: [
        ...wordChart(chart).series,
        {
          name: `Nedre gräns ${band.low} %`,
          values: rows.map(() => band.low),
          color: INK.slice(1).toUpperCase(),
          line: true,
        },
        {
          name: `Övre gräns ${band.high} %`,
          values: rows.map(() => band.high),
          color: INK.slice(1).toUpperCase(),
          line: true,
        },
      ],
    },
  };
}

/** (c) Table 8: participants over the whole time against the number the application expected. */
export function participantsChart(report: FollowUpReport, figure: number): FollowUpChart | null {
  const rows = report.participants.rows;
  if (rows.length === 0) return null;
  const actual = rows.map((r) => count(r.wholeTime));
  const expected = rows.map((r) => (r.expected && !r.expected.ongoing ? r.expected.count : null));
  const hidden = actual.filter((v) => v === null).length;
  const noTarget = expected.filter((v) => v === null).length;
  if (hidden === actual.length && noTarget === expected.length) return null;
  const caption = `Figur ${figure}. Antal deltagare mot förväntat antal`;
  const description = `Liggande stapeldiagram över antalet deltagare under hela insatstiden fram till periodens slut och det antal som ansökan förväntade, per individinriktad insats (tabell 8). Varje stapel har sitt namn och antal utskrivet.${omittedSentence(
    hidden,
    "antalet är för litet för att visas (röjandekontroll).",
  )}${
    noTarget === 0
      ? ""
      : ` ${noTarget === 1 ? "En insats" : `${formatNumber(noTarget)} insatser`} har inget förväntat antal att rita: ansökan angav inget, eller ett löpande antal (hur många som deltar samtidigt), som inte kan jämföras med antalet under hela tiden.`
  }`;
  const chart: BarChart = {
    key: "participants",
    categories: rows.map((r) => r.name),
    series: [
      {
        name: "Deltagare hela insatstiden",
        values: actual,
        color: SERIES.participants,
        labels: actual.map((v) => (v === null ? null : `Deltagare ${formatNumber(v)}`)),
      },
      {
        name: "Förväntat antal enligt ansökan",
        values: expected,
        color: SERIES.expected,
        labels: expected.map((v) => (v === null ? null : `Förväntat ${formatNumber(v)}`)),
      },
    ],
    axisTitle: "Antal personer",
    axisSuffix: "",
  };
  const { svg, height } = renderBars(chart, caption, description);
  return {
    key: "participants",
    caption,
    description,
    svg,
    width: CHART_WIDTH,
    height,
    omitted: hidden + noTarget,
    table: {
      columns: [
        { title: "Insats", align: "left", weight: 3 },
        { title: "Deltagare hela insatstiden", align: "right", weight: 1.4 },
        { title: "Förväntat antal enligt ansökan", align: "right", weight: 1.6 },
      ],
      rows: rows.map((r) => ({
        cells: [r.name, countText(r.wholeTime), expectedText(r.expected) ?? "–"],
      })),
    },
    word: wordChart(chart),
  };
}

function wordChart(chart: BarChart): FigureChart {
  return {
    direction: "bars",
    categories: chart.categories,
    series: chart.series.map((s) => ({
      name: s.name,
      values: s.values,
      color: s.color.slice(1).toUpperCase(),
      labels: s.labels,
      ...(s.colors ? { colors: s.colors.map((c) => (c ? c.slice(1).toUpperCase() : null)) } : {}),
    })),
    valueAxis: {
      title: chart.axisTitle,
      minimum: 0,
      ...(chart.max !== undefined ? { maximum: chart.max } : {}),
      numberFormat: chart.axisSuffix ? '0" %"' : "0",
    },
  };
}

/** The report's charts in the order they appear (tables 4, 7, 8), numbered; none left out. */
export function followUpCharts(report: FollowUpReport, band: FinanceBandPercent) {
  let n = 0;
  const budget = budgetRatioChart(report, band, n + 1);
  if (budget) n++;
  const exits = exitReasonsChart(report, n + 1);
  if (exits) n++;
  const participants = participantsChart(report, n + 1);
  return { budget, exits, participants };
}

/** A chart as the documents' figure node. */
export const asFigure = (chart: FollowUpChart): Figure => ({
  caption: chart.caption,
  description: chart.description,
  svg: chart.svg,
  width: chart.width,
  height: chart.height,
  chart: chart.word,
});
