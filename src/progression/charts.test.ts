// The progression charts drawn from real results (the fixture of results-fixture.ts): accessible
// SVG with a title and description, a label in words on every bar, the figures as a table beside
// it, and no bar for a figure that disclosure control hides.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { changeChart, distributionChart } from "./charts.ts";
import { type InstrumentResults, progressionResults } from "./results.ts";
import { type ProgressionFixture, progressionFixture } from "./results-fixture.ts";

let t: TestDatabase;
let p: ProgressionFixture;
const YEAR = { from: "2026-01-01", to: "2026-12-31" };

beforeAll(async () => {
  t = await createTestDatabase();
  p = await progressionFixture(t.db, t.owner.db);
});
afterAll(() => t?.drop());

async function instrument(threshold: number, id: string): Promise<InstrumentResults> {
  const r = await progressionResults(t.db, p.f.associationId, { ...YEAR, threshold });
  const found = r.initiatives.find((i) => i.id === id)?.instruments[0];
  if (!found) throw new Error("no results");
  return found;
}

describe("the progression charts", () => {
  it("draws the mean change by gender with the comparison group, labelled in words, with its table", async () => {
    const chart = changeChart(await instrument(0, p.a), "a1", "Tierp, Växtverket");
    if (!chart) throw new Error("a chart");
    expect(chart.svg).toMatch(
      /^<svg[^>]* role="img" aria-labelledby="a1-forandring-title a1-forandring-desc"/,
    );
    expect(chart.svg).toContain(
      '<title id="a1-forandring-title">Förändring från nollpunkten per dimension – Tierp, Växtverket</title>',
    );
    expect(chart.svg).not.toContain("<style");
    expect(chart.svg).not.toContain(" style=");
    expect(chart.svg).toContain("Kvinnor +1,42");
    expect(chart.svg).toContain("Män 0");
    expect(chart.svg).toContain("Jämförelsegrupp +1,17");
    expect(chart.table.columns).toEqual([
      "Dimension",
      "Kvinnor",
      "Män",
      "Totalt",
      "Jämförelsegrupp (alla)",
    ]);
    expect(chart.table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ["Totalpoäng", "+1,42", "0", "+0,77", "+1,17"],
      ["Delskala: Framtid", "+1,25", "−0,25", "+0,6", "+1"],
    ]);
    expect(chart.omitted).toBe(0);
  });

  it("draws the distribution of the total at the zero-point and the latest measurement", async () => {
    const chart = distributionChart(await instrument(0, p.a), "a1", "Tierp, Växtverket");
    if (!chart) throw new Error("a chart");
    expect(chart.svg).toContain("Nollpunkt 2");
    expect(chart.svg).toContain("Senaste 3");
    expect(chart.table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ["1", "0", "0"],
      ["2", "2", "0"],
      ["3", "2", "2"],
      ["4", "1", "3"],
      ["5", "0", "0"],
    ]);
  });

  it("draws nothing that disclosure control hides", async () => {
    const b = await instrument(5, p.b);
    expect(changeChart(b, "b1", "Heby, Steget")).toBeNull();
    expect(distributionChart(b, "b1", "Heby, Steget")).toBeNull();
  });
});
