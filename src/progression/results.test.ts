// The progression results on a real database, against figures computed by hand from the fixture
// (results-fixture.ts). Item b is reverse-scored (6 − answer); s1 = mean(a, b); total = mean(a,
// b, c) given when at least 2 of 3 are answered. Scores (nollpunkt → latest in 2026):
//   W1 kvinna  total 2.33 → 4.33 (avslut; the follow-up in May is not the latest)  change 2
//   W2 kvinna  total 2.67 → 3.50 (c unanswered at the follow-up)                     change 0.83
//   W3 kvinna  measured, no follow-up;  W4 kvinna  enrolled, not measured
//   M1 man     total 2.67 → 3.67 (zero-point in 2025 counts; the 2025 follow-up does not) change 1
//   M2 man     total 4.33 → 3.33                                                        change −1
//   O1 annan   total 1.67 → 2.67                                                        change 1
//   a voided enrollment and one that ended in 2025 are never counted.
// Comparison group: J-1 kvinna 3 → 3.33, J-2 man 2 → 4; J-3 measured in 2025 only.
// Initiative b: 8 enrolled (4 + 4), 3 measured (2 women, 1 man), 2 pairs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { ValidationError } from "../platform/errors.ts";
import type { ProtectedCell, ProtectedRatio } from "../register/disclosure.ts";
import {
  type GenderFigures,
  type GroupResults,
  type InstrumentResults,
  type ProgressionResults,
  type ProtectedMean,
  progressionResults,
} from "./results.ts";
import { type ProgressionFixture, progressionFixture } from "./results-fixture.ts";

let t: TestDatabase;
let p: ProgressionFixture;
const YEAR = { from: "2026-01-01", to: "2026-12-31" };

beforeAll(async () => {
  t = await createTestDatabase();
  p = await progressionFixture(t.db, t.owner.db);
});
afterAll(() => t?.drop());

const counts = (g: GenderFigures<ProtectedCell>) =>
  [g.kvinnor, g.man, g.totalt].map((c) => ("value" in c ? c.value : c.suppressed));
const ratios = (g: GenderFigures<ProtectedRatio>) =>
  [g.kvinnor, g.man, g.totalt].map((c) => ("ratio" in c ? c.ratio : c.suppressed));
const means = (g: GenderFigures<ProtectedMean>) =>
  [g.kvinnor, g.man, g.totalt].map((c) => ("value" in c ? c.value : c.suppressed));

const instrumentOf = (r: ProgressionResults, id: string): InstrumentResults => {
  const found = r.initiatives.find((i) => i.id === id)?.instruments[0];
  if (!found) throw new Error("no results for the initiative");
  return found;
};
const scoreOf = (g: GroupResults, key: string) => {
  const found = g.scores.find((s) => s.key === key);
  if (!found) throw new Error(`no score ${key}`);
  return found;
};

describe("progression results with disclosure control off (threshold 0): the exact figures", () => {
  let r: ProgressionResults;
  beforeAll(async () => {
    r = await progressionResults(t.db, p.f.associationId, { ...YEAR, threshold: 0 });
  });

  it("lists the individual initiatives with a plan, by name, with their instrument version", () => {
    expect(r.initiatives.map((i) => i.name)).toEqual(["Heby, Steget", "Tierp, Växtverket"]);
    const a = instrumentOf(r, p.a);
    expect(a.instrumentKey).toBe("framtidstro");
    expect(a.versionNumber).toBe(1);
    expect(r.definitions.forandring).toContain("senaste mätningen minus nollpunkten");
    // no count is hidden; only shares over nobody (b's men have no pair) are not shown
    expect(r.disclosure.primary + r.disclosure.secondary).toBe(0);
    expect(r.disclosure.shares).toEqual({ denominator: 1, numerator: 0, complement: 0 });
    expect(r.suppressedCells).toBe(1);
    expect(r.disclosure.reasons[0]).toContain("avstängd");
  });

  it("counts the enrolled and the measured by gender (others in the total only), against the target", () => {
    const { coverage } = instrumentOf(r, p.a);
    expect(counts(coverage.enrolled)).toEqual([4, 2, 7]);
    expect(counts(coverage.measured)).toEqual([3, 2, 6]);
    expect(ratios(coverage.share)).toEqual([0.75, 1, 6 / 7]);
    expect(coverage.target).toBe("uppnatt");
    expect(coverage.targetText).toBe("Målet 50 % är uppnått.");
    const b = instrumentOf(r, p.b).coverage;
    expect(counts(b.enrolled)).toEqual([4, 4, 8]);
    expect(counts(b.measured)).toEqual([2, 1, 3]);
    expect(ratios(b.share)).toEqual([0.5, 0.25, 0.375]);
    expect(b.target).toBe("inte_uppnatt");
    expect(b.targetText).toBe("Målet 80 % är inte uppnått.");
  });

  it("pairs the zero-point with the latest later measurement in the period and averages the changes", () => {
    const { participants } = instrumentOf(r, p.a);
    expect(counts(participants.pairs)).toEqual([2, 2, 5]);
    const total = scoreOf(participants, "total");
    expect(counts(total.n)).toEqual([2, 2, 5]);
    expect(means(total.baseline)).toEqual([2.5, 3.5, 2.73]);
    expect(means(total.latest)).toEqual([3.92, 3.5, 3.5]);
    expect(means(total.change)).toEqual([1.42, 0, 0.77]);
    // the subscale: W1 2 → 4, W2 3 → 3.5, M1 3 → 3.5, M2 4.5 → 3.5, O1 1.5 → 2.5
    const s1 = scoreOf(participants, "delskala:s1");
    expect(s1.label).toBe("Delskala: Framtid");
    expect(means(s1.change)).toEqual([1.25, -0.25, 0.6]);
    // the reverse-scored item b: W1 2 → 4, W2 3 → 4, M1 4 → 4, M2 5 → 4, O1 2 → 3
    const b = scoreOf(participants, "fraga:b");
    expect(b.label).toBe("Fråga 2: Jag oroar mig för framtiden.");
    expect(means(b.baseline)).toEqual([2.5, 4.5, 3.2]);
    expect(means(b.change)).toEqual([1.5, -0.5, 0.6]);
    // item c is unanswered at W2's follow-up: four pairs
    const c = scoreOf(participants, "fraga:c");
    expect(counts(c.n)).toEqual([1, 2, 4]);
    expect(means(c.change)).toEqual([2, 0.5, 1]);
  });

  it("gives the share improved (total up by at least 1) and the distributions of the total", () => {
    const { participants } = instrumentOf(r, p.a);
    expect(ratios(participants.improved)).toEqual([0.5, 0.5, 0.6]);
    const d = participants.distribution;
    expect(d.steps).toEqual([1, 2, 3, 4, 5]);
    expect(d.baseline.map((c) => ("value" in c ? c.value : null))).toEqual([0, 2, 2, 1, 0]);
    expect(d.latest.map((c) => ("value" in c ? c.value : null))).toEqual([0, 0, 2, 3, 0]);
    expect(d.n).toEqual({ value: 5 });
  });

  it("shows the comparison group side by side, paired by code, only where the plan keeps one", () => {
    const a = instrumentOf(r, p.a);
    const c = a.comparison;
    if (!c) throw new Error("a keeps a comparison group");
    expect(counts(c.measured)).toEqual([1, 1, 2]);
    expect(counts(c.pairs)).toEqual([1, 1, 2]);
    const total = scoreOf(c, "total");
    expect(means(total.baseline)).toEqual([3, 2, 2.5]);
    expect(means(total.latest)).toEqual([3.33, 4, 3.67]);
    expect(means(total.change)).toEqual([0.33, 2, 1.17]);
    expect(ratios(c.improved)).toEqual([0, 1, 0.5]);
    expect(instrumentOf(r, p.b).comparison).toBeNull();
  });

  it("limits the results to the initiatives asked for, and refuses a bad period in Swedish", async () => {
    const only = await progressionResults(t.db, p.f.associationId, {
      ...YEAR,
      threshold: 0,
      initiativeIds: [p.b],
    });
    expect(only.initiatives.map((i) => i.id)).toEqual([p.b]);
    const none = await progressionResults(t.db, p.f.associationId, {
      ...YEAR,
      threshold: 0,
      initiativeIds: [],
    });
    expect(none.initiatives).toEqual([]);
    const error = await progressionResults(t.db, p.f.associationId, {
      from: "2026-12-31",
      to: "2026-01-01",
      threshold: 0,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.to).toContain("ligger före");
  });
});

/** Every count of the results, with where it stands. */
function allCounts(r: ProgressionResults): Array<[string, ProtectedCell]> {
  const out: Array<[string, ProtectedCell]> = [];
  const gender = (where: string, g: GenderFigures<ProtectedCell>) => {
    out.push(
      [`${where} kvinnor`, g.kvinnor],
      [`${where} män`, g.man],
      [`${where} totalt`, g.totalt],
    );
  };
  const group = (where: string, g: GroupResults) => {
    gender(`${where} mätta`, g.measured);
    gender(`${where} par`, g.pairs);
    for (const s of g.scores) gender(`${where} n ${s.key}`, s.n);
    g.distribution.baseline.forEach((c, i) => {
      out.push([`${where} fördelning nollpunkt ${i}`, c]);
    });
    g.distribution.latest.forEach((c, i) => {
      out.push([`${where} fördelning senaste ${i}`, c]);
    });
  };
  for (const initiative of r.initiatives)
    for (const i of initiative.instruments) {
      gender(`${initiative.name} inskrivna`, i.coverage.enrolled);
      gender(`${initiative.name} mätta`, i.coverage.measured);
      group(initiative.name, i.participants);
      if (i.comparison) group(`${initiative.name} jämförelse`, i.comparison);
    }
  return out;
}

describe("progression results with the association's threshold (5)", () => {
  let r: ProgressionResults;
  beforeAll(async () => {
    r = await progressionResults(t.db, p.f.associationId, YEAR);
  });

  it("uses the association's own settings and never shows a count of 1–4 (or a hidden 0)", () => {
    expect(r.threshold).toBe(5);
    const shown = allCounts(r).filter(([, c]) => "value" in c);
    for (const [where, c] of shown)
      expect({ where, value: (c as { value: number }).value >= 5 }).toEqual({ where, value: true });
    expect(r.suppressedCells).toBeGreaterThan(0);
    expect(r.disclosure.primary).toBeGreaterThan(0);
    expect(r.disclosure.reasons.join(" ")).toContain("visas som ”<\u00a05”");
  });

  it("suppresses a measured count of 1–4 everywhere: the count, its share, the target and every figure built on it", () => {
    const b = instrumentOf(r, p.b);
    expect(b.coverage.measured.totalt).toEqual({ suppressed: "primary", threshold: 5 });
    expect(b.participants.measured.totalt).toEqual({ suppressed: "primary", threshold: 5 });
    for (const share of [b.coverage.share.kvinnor, b.coverage.share.man, b.coverage.share.totalt])
      expect("ratio" in share).toBe(false);
    expect(b.coverage.target).toBe("kan_inte_bedomas");
    expect(b.coverage.targetText).toContain("kan inte bedömas");
    for (const s of b.participants.scores)
      for (const m of [...Object.values(s.baseline), ...Object.values(s.change)])
        expect("value" in m).toBe(false);
    for (const share of Object.values(b.participants.improved))
      expect("ratio" in share).toBe(false);
  });

  it("never leaves a single hidden cell in a line of kvinnor, män and totalt", () => {
    const lines: GenderFigures<ProtectedCell>[] = [];
    for (const initiative of r.initiatives)
      for (const i of initiative.instruments) {
        lines.push(i.coverage.enrolled, i.coverage.measured);
        for (const g of [i.participants, ...(i.comparison ? [i.comparison] : [])]) {
          lines.push(g.measured, g.pairs, ...g.scores.map((s) => s.n));
        }
      }
    for (const line of lines) {
      const hidden = [line.kvinnor, line.man, line.totalt].filter((c) => "suppressed" in c).length;
      expect(hidden).not.toBe(1);
    }
  });

  it("shows a mean only when its n is shown", () => {
    for (const initiative of r.initiatives)
      for (const i of initiative.instruments)
        for (const g of [i.participants, ...(i.comparison ? [i.comparison] : [])])
          for (const s of g.scores)
            for (const key of ["kvinnor", "man", "totalt"] as const)
              if (!("value" in s.n[key])) {
                expect(s.baseline[key]).toEqual({ suppressed: "n_hidden", threshold: 5 });
                expect(s.change[key]).toEqual({ suppressed: "n_hidden", threshold: 5 });
              }
  });
});

describe("protection with a threshold of 3 (zeros shown)", () => {
  it("publishes what is safe and hides the rest consistently", async () => {
    const r = await progressionResults(t.db, p.f.associationId, {
      ...YEAR,
      threshold: 3,
      allowTrueZero: true,
    });
    // 7 enrolled and 6 measured in a would give away the one not measured (7 − 6 = 1, a count
    // below 3): neither total is shown, though each is 3 or more
    const a = instrumentOf(r, p.a).coverage;
    expect(a.enrolled.totalt).toEqual({ suppressed: "secondary", threshold: 3 });
    expect("value" in a.measured.totalt).toBe(false);
    const shown = allCounts(r).filter(([, c]) => "value" in c);
    for (const [, c] of shown) if ("value" in c) expect(c.value === 0 || c.value >= 3).toBe(true);
    expect(r.disclosure.reasons.join(" ")).toContain("1–2 personer");
  });
});
