// A scale question's distribution as a bar chart, drawn on the server as SVG with ECharts and
// made fit for the page by the project's chart helper (src/documents/chart-svg.ts), like the
// follow-up report's charts: no JavaScript, a strict Content-Security-Policy, role="img" with a
// title and a description. A count that is not shown (disclosure control) is never drawn: its
// bar is left out, its label says "< 5" or "..", and the description says how many are missing.
// Colour carries no meaning: every bar is labelled with its value in words.
import * as echarts from "echarts";
import { accessibleSvg, CHART_FONT_FAMILY } from "../documents/chart-svg.ts";
import { formatNumber } from "../platform/i18n/format.ts";
import type { Translate } from "../platform/i18n/translate.ts";
import { formatUsage } from "../portal/usage.ts";
import type { QuestionResult } from "./results.ts";
import { SCALE_VALUES } from "./results.ts";

const INK = "#1b1f24";
const MUTED = "#4a5260";
const GRID = "#d5d9df";
const BAR = "#1d4f6e";
export const RESULTS_CHART_WIDTH = 560;

export interface ResultsChart {
  svg: string;
  /** Bars not drawn because their count is not shown. */
  omitted: number;
}

/** The whole period's distribution of a scale question, or null when it is not shown. */
export function distributionChart(
  question: QuestionResult,
  index: number,
  t: Translate,
  locale: string,
): ResultsChart | null {
  const cells = question.total.distribution;
  if (question.type !== "skala" || !cells) return null;
  const categories = SCALE_VALUES.map((v) =>
    v === SCALE_VALUES[0] && question.low
      ? `${v} – ${question.low}`
      : v === SCALE_VALUES[SCALE_VALUES.length - 1] && question.high
        ? `${v} – ${question.high}`
        : String(v),
  );
  const values = cells.map((c) => ("value" in c ? c.value : null));
  const omitted = values.filter((v) => v === null).length;
  const height = 80 + SCALE_VALUES.length * 30;
  const instance = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: RESULTS_CHART_WIDTH,
    height,
  });
  const label = { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: INK };
  instance.setOption({
    animation: false,
    aria: { enabled: false },
    textStyle: label,
    grid: { left: 8, right: 72, top: 12, bottom: 36, containLabel: true },
    xAxis: {
      type: "value",
      name: t("courseFigures.results.chart.axis"),
      nameLocation: "middle",
      nameGap: 26,
      nameTextStyle: { ...label, color: MUTED },
      minInterval: 1,
      min: 0,
      axisLabel: { ...label, color: MUTED, formatter: (v: number) => formatNumber(v, locale) },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: categories,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: MUTED } },
      axisLabel: { ...label, width: 160, overflow: "break", lineHeight: 14 },
    },
    series: [
      {
        type: "bar",
        name: t("courseFigures.results.chart.axis"),
        barMaxWidth: 18,
        itemStyle: { color: BAR },
        data: values.map((v, i) => ({
          value: v ?? 0,
          label: {
            show: true,
            position: "right",
            formatter: () => formatUsage(cells[i] as (typeof cells)[number], locale),
            ...label,
            textBorderWidth: 0,
          },
          itemStyle: { color: v === null ? "transparent" : BAR },
        })),
      },
    ],
  });
  const raw = instance.renderToSVGString();
  instance.dispose();
  const title = t("courseFigures.results.chart.title", { question: question.text });
  const shown = cells
    .map((c, i) => `${categories[i]}: ${formatUsage(c, locale)}`)
    .join(", ")
    .concat(".");
  const description = t("courseFigures.results.chart.description", {
    shown:
      omitted > 0
        ? `${shown} ${t("courseFigures.results.chart.hidden", { count: omitted })}`
        : shown,
  });
  return {
    svg: accessibleSvg(raw, `tyck-till-${index}`, title, description),
    omitted,
  };
}
