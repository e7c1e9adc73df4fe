// The three charts, read as SVG structure (no snapshots): every shown figure is one bar whose
// length is in proportion to its value and whose label names it; a figure that is not shown
// (disclosure control) or missing has no bar and no label, and the caption says so; the band
// lines are the association's own; the SVG is accessible (role, title, desc), fit for a page
// with a strict Content-Security-Policy (no style attributes or elements), the same on every
// render, and drawn in full as vectors in a PDF (nothing the PDF writer cannot draw).
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { pdfFonts } from "../../documents/fonts.ts";
import { drawSvg, parseSvg, type SvgElement } from "../../documents/svg.ts";
import { formatStatistic } from "../../register/aggregates.ts";
import type { FollowUpReport, PersonCount } from "../model.ts";
import {
  budgetRatioChart,
  exitReasonsChart,
  type FollowUpChart,
  followUpCharts,
  participantsChart,
} from "./charts.ts";
import { followUpFixture } from "./test-fixture.ts";

const BAND = { low: 75, high: 105 };

function elements(svg: string): SvgElement[] {
  const all: SvgElement[] = [];
  const walk = (e: SvgElement) => {
    all.push(e);
    for (const c of e.children) walk(c);
  };
  walk(parseSvg(svg));
  return all;
}

/** The bars: marks of the chart with a fill, as [series, index, width]. */
function bars(svg: string) {
  return elements(svg)
    .filter(
      (e) =>
        e.name === "path" &&
        e.attributes["data-part"] === "chart" &&
        e.attributes.fill !== "none" &&
        e.attributes.fill !== undefined,
    )
    .map((e) => {
      const m = /^M(-?[\d.]+) (-?[\d.]+)l(-?[\d.]+) 0/.exec(e.attributes.d ?? "");
      if (!m) throw new Error(`a bar that is not a rectangle: ${e.attributes.d}`);
      return {
        series: Number(e.attributes["data-series"]),
        index: Number(e.attributes["data-index"]),
        x: Number(m[1]),
        width: Number(m[3]),
        fill: e.attributes.fill,
      };
    });
}

const texts = (svg: string) =>
  elements(svg)
    .filter((e) => e.name === "text")
    .map((e) => e.text.trim());

const shown = (cell: PersonCount) => ("value" in cell ? cell.value : null);

function expectAccessible(chart: FollowUpChart) {
  const root = parseSvg(chart.svg);
  expect(root.attributes.role).toBe("img");
  const [titleId, descId] = (root.attributes["aria-labelledby"] ?? "").split(" ");
  const title = root.children.find((c) => c.name === "title");
  const desc = root.children.find((c) => c.name === "desc");
  expect(title?.attributes.id).toBe(titleId);
  expect(desc?.attributes.id).toBe(descId);
  expect(title?.text).toBe(chart.caption);
  expect(desc?.text).toBe(chart.description);
  // a strict Content-Security-Policy ignores style attributes and elements: none are used
  expect(chart.svg).not.toMatch(/\sstyle=|<style/);
  // the renderer's running ids are replaced by the chart's own
  expect(chart.svg).not.toMatch(/zr\d+-/);
  // every text has its size as an attribute
  for (const e of elements(chart.svg).filter((x) => x.name === "text"))
    expect(e.attributes["font-size"]).toMatch(/^\d+px$/);
}

/** Draws the chart into a PDF page and returns what could not be drawn. */
function drawnInPdf(chart: FollowUpChart): string[] {
  const doc = new PDFDocument({ autoFirstPage: true, size: "A4" });
  const fonts = pdfFonts();
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("semibold", fonts.semibold);
  const { unsupported } = drawSvg(doc, chart.svg, {
    x: 60,
    y: 60,
    scale: 0.7,
    fonts: { regular: "regular", bold: "semibold" },
  });
  doc.end();
  return unsupported;
}

describe("exit reasons by gender (table 7)", () => {
  const report = followUpFixture();
  const chart = exitReasonsChart(report, 2) as FollowUpChart;
  const rows = report.exitReasons.filter((r) => r.partOf === null);

  it("draws one bar per shown count, none for a hidden one, in proportion to the counts", () => {
    const drawn = bars(chart.svg);
    const expected = rows.flatMap((r, i) =>
      [shown(r.women), shown(r.men)].flatMap((v, s) =>
        v === null ? [] : [{ series: s, index: i, value: v }],
      ),
    );
    expect(drawn.map((b) => [b.series, b.index]).sort()).toEqual(
      expected.map((e) => [e.series, e.index]).sort(),
    );
    // the width of each bar over its value is the same for all
    const scale = expected.map((e) => {
      const bar = drawn.find((b) => b.series === e.series && b.index === e.index);
      return (bar?.width ?? 0) / e.value;
    });
    for (const s of scale) expect(s).toBeCloseTo(scale[0] as number, 1);
    // women and men in their own colours
    expect(new Set(drawn.filter((b) => b.series === 0).map((b) => b.fill)).size).toBe(1);
    expect(drawn.find((b) => b.series === 0)?.fill).not.toBe(
      drawn.find((b) => b.series === 1)?.fill,
    );
  });

  it("labels each bar with its gender and count, and never writes a hidden figure", () => {
    const labels = texts(chart.svg);
    for (const r of rows) {
      expect(labels).toContain(r.label);
      for (const [name, cell] of [
        ["Kvinnor", r.women],
        ["Män", r.men],
      ] as const) {
        const v = shown(cell);
        if (v !== null) expect(labels).toContain(`${name} ${v}`);
      }
    }
    const barLabels = labels.filter((l) => /^(Kvinnor|Män) /.test(l));
    expect(barLabels).toHaveLength(bars(chart.svg).length);
    // no "< 5", "..", or a count that is hidden anywhere in the drawing
    for (const l of labels) {
      expect(l).not.toContain("<");
      expect(l).not.toContain("..");
    }
    // the part row "both work and studies" is left to the table
    expect(labels).not.toContain("Både arbete och studier");
  });

  it("says in the caption how many figures are not drawn, and lists them in its table", () => {
    const hidden = rows.flatMap((r) => [r.women, r.men]).filter((c) => !("value" in c));
    expect(hidden.length).toBeGreaterThan(0);
    expect(chart.omitted).toBe(hidden.length);
    expect(chart.description).toContain(`${hidden.length} uppgifter ritas inte`);
    expect(chart.table.columns.map((c) => c.title)).toEqual([
      "Avslutningsanledning",
      "Kvinnor",
      "Män",
    ]);
    expect(chart.table.rows.map((r) => r.cells)).toEqual(
      rows.map((r) => [r.label, formatStatistic(r.women), formatStatistic(r.men)]),
    );
  });

  it("is accessible and drawn in full in a PDF", () => {
    expectAccessible(chart);
    expect(drawnInPdf(chart)).toEqual([]);
  });

  it("is left out when no count by gender can be shown", () => {
    const r = followUpFixture();
    for (const row of r.exitReasons) {
      row.women = { suppressed: "primary", threshold: 5 };
      row.men = { suppressed: "secondary", threshold: 5 };
    }
    expect(exitReasonsChart(r, 1)).toBeNull();
  });
});

describe("förbrukningskvot per initiative (table 4)", () => {
  const report = followUpFixture();
  const chart = budgetRatioChart(report, BAND, 1) as FollowUpChart;

  it("draws each initiative's ratio in its prognosis colour, none where there is no ratio", () => {
    const drawn = bars(chart.svg);
    const withRatio = report.budget.rows.flatMap((r, i) =>
      r.ratioPercent === null ? [] : [{ i, ratio: r.ratioPercent, colour: r.colour }],
    );
    expect(drawn.map((b) => b.index).sort()).toEqual(withRatio.map((w) => w.i).sort());
    const scale = withRatio.map((w) => (drawn.find((b) => b.index === w.i)?.width ?? 0) / w.ratio);
    for (const s of scale) expect(s).toBeCloseTo(scale[0] as number, 1);
    // one colour per prognosis colour
    const fillOf = new Map<string, string | undefined>();
    for (const w of withRatio) {
      const fill = drawn.find((b) => b.index === w.i)?.fill;
      if (fillOf.has(w.colour)) expect(fill).toBe(fillOf.get(w.colour));
      fillOf.set(w.colour, fill);
    }
    expect(new Set(fillOf.values()).size).toBe(fillOf.size);
    // the colour is said in words on every bar
    const labels = texts(chart.svg);
    for (const r of report.budget.rows)
      if (r.ratioPercent !== null) expect(labels).toContain(`${r.ratioPercent} % ${r.prognosis}`);
  });

  it("draws the association's band as two dashed lines at its limits", () => {
    const lines = elements(chart.svg).filter(
      (e) => e.name === "path" && e.attributes["stroke-dasharray"],
    );
    expect(lines).toHaveLength(2);
    const labels = texts(chart.svg);
    expect(labels).toContain("75 %");
    expect(labels).toContain("105 %");
    // each line stands where a bar of that ratio would end
    const drawn = bars(chart.svg);
    const first = report.budget.rows.findIndex((r) => r.ratioPercent !== null);
    const bar = drawn.find((b) => b.index === first);
    const perPercent = (bar?.width ?? 0) / (report.budget.rows[first]?.ratioPercent ?? 1);
    const xs = lines
      .map((l) => Number(/^M(-?[\d.]+)/.exec(l.attributes.d ?? "")?.[1]))
      .sort((p, q) => p - q);
    // (a line is drawn on the half pixel, so it is crisp)
    expect(Math.abs((xs[0] ?? 0) - ((bar?.x ?? 0) + 75 * perPercent))).toBeLessThan(1);
    expect(Math.abs((xs[1] ?? 0) - ((bar?.x ?? 0) + 105 * perPercent))).toBeLessThan(1);
    expect(chart.description).toContain("75–105 %");
  });

  it("names the initiative without a ratio in the caption and its table", () => {
    expect(chart.omitted).toBe(1);
    expect(chart.description).toContain("En uppgift ritas inte");
    const alv = chart.table.rows.find((r) => r.cells[0] === "Älvkarleby, Vägen vidare");
    expect(alv?.cells[1]).toBe("–");
    expect(chart.table.rows.at(-1)?.cells).toEqual(["Normalintervall", "75–105\u00a0%", ""]);
  });

  it("is accessible and drawn in full in a PDF", () => {
    expectAccessible(chart);
    expect(drawnInPdf(chart)).toEqual([]);
  });
});

describe("participants against the expected number (table 8)", () => {
  const report = followUpFixture();
  const chart = participantsChart(report, 3) as FollowUpChart;

  it("draws the shown counts and the expected totals, not an ongoing number", () => {
    const drawn = bars(chart.svg);
    const rows = report.participants.rows;
    const expected = rows.flatMap((r, i) => [
      ...(shown(r.wholeTime) === null ? [] : [[0, i]]),
      ...(r.expected && !r.expected.ongoing ? [[1, i]] : []),
    ]);
    expect(drawn.map((b) => [b.series, b.index]).sort()).toEqual(expected.sort());
    const labels = texts(chart.svg);
    for (const r of rows) {
      const v = shown(r.wholeTime);
      if (v !== null) expect(labels).toContain(`Deltagare ${v}`);
      if (r.expected && !r.expected.ongoing)
        expect(labels).toContain(`Förväntat ${r.expected.count}`);
    }
    // "15 personer löpande" is not drawn as a total of 15
    expect(labels).not.toContain("Förväntat 15");
    expect(chart.table.rows.find((r) => r.cells[0] === "Uppsala, Steg framåt")?.cells[2]).toBe(
      "15 personer löpande",
    );
    expect(chart.description).toContain("löpande antal");
  });

  it("leaves out a hidden count", () => {
    const r: FollowUpReport = followUpFixture();
    const row = r.participants.rows[2];
    if (!row) throw new Error("the fixture has four rows");
    row.wholeTime = { suppressed: "primary", threshold: 5 };
    const c = participantsChart(r, 3) as FollowUpChart;
    expect(bars(c.svg).filter((b) => b.series === 0 && b.index === 2)).toEqual([]);
    expect(texts(c.svg)).not.toContain("Deltagare 9");
    expect(c.table.rows[2]?.cells[1]).toBe("<\u00a05");
    expect(c.description).toContain("för litet för att visas");
  });

  it("is accessible and drawn in full in a PDF", () => {
    expectAccessible(chart);
    expect(drawnInPdf(chart)).toEqual([]);
  });
});

describe("the charts together", () => {
  it("are numbered in the order they appear and the same on every render", () => {
    const a = followUpCharts(followUpFixture(), BAND);
    const b = followUpCharts(followUpFixture(), BAND);
    expect([a.budget?.caption, a.exits?.caption, a.participants?.caption]).toEqual([
      "Figur 1. Förbrukningskvot per insats",
      "Figur 2. Avslutningsanledningar efter kön",
      "Figur 3. Antal deltagare mot förväntat antal",
    ]);
    expect(a.budget?.svg).toBe(b.budget?.svg);
    expect(a.exits?.svg).toBe(b.exits?.svg);
    expect(a.participants?.svg).toBe(b.participants?.svg);
    // ids are unique on a page that shows all three
    const ids = [a.budget, a.exits, a.participants].flatMap((c) =>
      [...(c?.svg ?? "").matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("number on when a chart is left out", () => {
    const r = followUpFixture();
    r.budget.rows = [];
    const c = followUpCharts(r, BAND);
    expect(c.budget).toBeNull();
    expect(c.exits?.caption).toBe("Figur 1. Avslutningsanledningar efter kön");
    expect(c.participants?.caption).toBe("Figur 2. Antal deltagare mot förväntat antal");
  });
});
