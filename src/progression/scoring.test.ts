// Scoring by hand (issue 8, must-show 2): a six-item instrument on 1–5 with two reverse-scored
// items and two subscales (one item in neither), scored as a mean and as a (prorated) sum; missing
// answers below and above the least answered share; change scores and "improved"; the Swedish
// refusals of answers outside the scale. Every expected value is worked out in the comments.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SELF_RATING } from "./builtin.ts";
import type { Answers, InstrumentDefinition } from "./model.ts";
import { changeOf, improved, round2, scoreAnswers, scoreKeys, validateAnswers } from "./scoring.ts";

/**
 * Items a–f on 1–5. Subscale x: a, b (reverse), c. Subscale y: d, e (reverse). f: the total only.
 * A reversed answer scores min + max − answer = 6 − answer. At least half the items answered.
 */
const medel: InstrumentDefinition = {
  respondent: "deltagare",
  instructions: { sv: "Svara på varje fråga." },
  scale: { min: 1, max: 5, minLabel: { sv: "Inte alls" }, maxLabel: { sv: "Helt" } },
  subscales: [
    { key: "x", name: { sv: "X" } },
    { key: "y", name: { sv: "Y" } },
  ],
  items: [
    { key: "a", text: { sv: "A" }, reverse: false, subscale: "x" },
    { key: "b", text: { sv: "B" }, reverse: true, subscale: "x" },
    { key: "c", text: { sv: "C" }, reverse: false, subscale: "x" },
    { key: "d", text: { sv: "D" }, reverse: false, subscale: "y" },
    { key: "e", text: { sv: "E" }, reverse: true, subscale: "y" },
    { key: "f", text: { sv: "F" }, reverse: false, subscale: null },
  ],
  scoring: { method: "medel", minAnsweredShare: 0.5, improvement: 0.5 },
};
const summa: InstrumentDefinition = { ...medel, scoring: { ...medel.scoring, method: "summa" } };

// Answers a=4 b=2 c=5 d=3 e=1 f=2 → scored a=4 b=6−2=4 c=5 d=3 e=6−1=5 f=2
const full: Answers = { a: 4, b: 2, c: 5, d: 3, e: 1, f: 2 };
// b and f declined, c not given: scored a=4 d=3 e=5 → 3 of 6 answered (= the least share 0.5)
const partly: Answers = { a: 4, b: null, d: 3, e: 1, f: null };
// a=4 and d=2 only: 2 of 6 answered (0.33 < 0.5)
const tooFew: Answers = { a: 4, d: 2 };
// later: a=5 b=1 c=5 d=4 e=1 f=3 → scored a=5 b=5 c=5 d=4 e=5 f=3
const later: Answers = { a: 5, b: 1, c: 5, d: 4, e: 1, f: 3 };

describe("scoring a measurement", () => {
  it("scores every item, reversing the reverse-scored ones", () => {
    expect(scoreAnswers(medel, full).items).toEqual({ a: 4, b: 4, c: 5, d: 3, e: 5, f: 2 });
  });

  it("scores the subscales and the total as means", () => {
    // x = (4 + 4 + 5) / 3 = 13/3 = 4.333… → 4.33; y = (3 + 5) / 2 = 4
    // total = (4 + 4 + 5 + 3 + 5 + 2) / 6 = 23/6 = 3.833… → 3.83
    const s = scoreAnswers(medel, full);
    expect(s.subscales).toEqual({ x: 4.33, y: 4 });
    expect(s.total).toBe(3.83);
  });

  it("scores the subscales and the total as sums", () => {
    // x = 4 + 4 + 5 = 13; y = 3 + 5 = 8; total = 23
    const s = scoreAnswers(summa, full);
    expect(s.subscales).toEqual({ x: 13, y: 8 });
    expect(s.total).toBe(23);
  });

  it("gives a score from the answered items when at least the least share is answered", () => {
    // total: 3 of 6 answered = 0.5 ≥ 0.5 → mean (4 + 3 + 5) / 3 = 4; as a sum prorated to all six
    // items 4 × 6 = 24 (a skipped item does not lower the sum).
    // x: only a answered, 1 of 3 = 0.33 < 0.5 → no score; y: d and e, 2 of 2 → (3 + 5) / 2 = 4,
    // as a sum 4 × 2 = 8.
    const m = scoreAnswers(medel, partly);
    expect(m.items).toEqual({ a: 4, b: null, c: null, d: 3, e: 5, f: null });
    expect(m.total).toBe(4);
    expect(m.subscales).toEqual({ x: null, y: 4 });
    const s = scoreAnswers(summa, partly);
    expect(s.total).toBe(24);
    expect(s.subscales).toEqual({ x: null, y: 8 });
  });

  it("gives no score, never a guess, when fewer than the least share are answered", () => {
    // total: 2 of 6 = 0.33 < 0.5 → null; x: a only, 1 of 3 → null; y: d only, 1 of 2 = 0.5 → 2
    // (as a sum 2 × 2 = 4)
    const m = scoreAnswers(medel, tooFew);
    expect(m.total).toBeNull();
    expect(m.subscales).toEqual({ x: null, y: 2 });
    expect(scoreAnswers(summa, tooFew).subscales).toEqual({ x: null, y: 4 });
    expect(scoreAnswers(medel, {}).total).toBeNull();
  });

  it("needs seven of the shipped self-rating's nine items (0.7 × 9 = 6.3)", () => {
    const definition = SELF_RATING.versions[0]?.definition as InstrumentDefinition;
    const keys = definition.items.map((i) => i.key);
    const answered = (n: number): Answers =>
      Object.fromEntries(keys.map((k, i) => [k, i < n ? 8 : null]));
    expect(scoreAnswers(definition, answered(6)).total).toBeNull();
    expect(scoreAnswers(definition, answered(7)).total).toBe(8);
    // its subscales have three items each: 0.7 × 3 = 2.1 → all three needed
    expect(scoreAnswers(definition, answered(7)).subscales).toEqual({
      vardag_halsa: 8,
      tro_mal: 8,
      arbetsmarknad: null,
    });
  });

  it("lists the score keys in the order results show them", () => {
    expect(scoreKeys(medel)).toEqual([
      "total",
      "delskala:x",
      "delskala:y",
      "fraga:a",
      "fraga:b",
      "fraga:c",
      "fraga:d",
      "fraga:e",
      "fraga:f",
    ]);
  });
});

describe("change from the zero-point", () => {
  const baseline = scoreAnswers(medel, full); // total 3.83, x 4.33, y 4
  const after = scoreAnswers(medel, later); // total 27/6 = 4.5, x 15/3 = 5, y 9/2 = 4.5

  it("is the later score minus the zero-point's, per score", () => {
    // total 4.5 − 3.83 = 0.67; x 5 − 4.33 = 0.67; y 4.5 − 4 = 0.5;
    // items a 5−4 = 1, b 5−4 = 1, c 5−5 = 0, d 4−3 = 1, e 5−5 = 0, f 3−2 = 1
    expect(after.total).toBe(4.5);
    expect(changeOf(medel, baseline, after)).toEqual({
      total: 0.67,
      "delskala:x": 0.67,
      "delskala:y": 0.5,
      "fraga:a": 1,
      "fraga:b": 1,
      "fraga:c": 0,
      "fraga:d": 1,
      "fraga:e": 0,
      "fraga:f": 1,
    });
  });

  it("is missing where either score is missing", () => {
    // partly: total 4, x null, y 4 → total 4 − 3.83 = 0.17, x null, y 0; c not answered later
    const change = changeOf(medel, baseline, scoreAnswers(medel, partly));
    expect(change.total).toBe(0.17);
    expect(change["delskala:x"]).toBeNull();
    expect(change["delskala:y"]).toBe(0);
    expect(change["fraga:c"]).toBeNull();
    expect(change["fraga:b"]).toBeNull();
  });

  it("can be negative: every answer at the bottom of what is measured", () => {
    // a=1 b=5 c=1 d=1 e=5 f=1 → every scored item 1 → total 1; 1 − 3.83 = −2.83
    const worst = scoreAnswers(medel, { a: 1, b: 5, c: 1, d: 1, e: 5, f: 1 });
    expect(worst.total).toBe(1);
    expect(changeOf(medel, baseline, worst).total).toBe(-2.83);
    expect(improved(medel, baseline, worst)).toBe(false);
  });

  it("counts as improved when the total rose by at least the instrument's improvement", () => {
    // 0.67 ≥ 0.5 → improved; with 1 as the improvement 0.67 < 1 → not
    expect(improved(medel, baseline, after)).toBe(true);
    const strict = { ...medel, scoring: { ...medel.scoring, improvement: 1 } };
    expect(improved(strict, baseline, after)).toBe(false);
    // a rise of exactly the improvement counts: 3.83 + 0.17 = 4 with improvement 0.17
    const exact = { ...medel, scoring: { ...medel.scoring, improvement: 0.17 } };
    expect(improved(exact, baseline, scoreAnswers(medel, partly))).toBe(true);
    // the same total is not improved by 0.5
    expect(improved(medel, baseline, baseline)).toBe(false);
  });

  it("is not comparable (null) when either total is missing", () => {
    expect(improved(medel, baseline, scoreAnswers(medel, tooFew))).toBeNull();
    expect(improved(medel, scoreAnswers(medel, tooFew), baseline)).toBeNull();
  });
});

describe("validating answers", () => {
  it("accepts whole numbers on the scale and declined items", () => {
    expect(validateAnswers(medel, full)).toEqual({});
    expect(validateAnswers(medel, partly)).toEqual({});
  });

  it("refuses an answer outside the scale, saying which question and what is allowed", () => {
    expect(validateAnswers(medel, { ...full, a: 0 })).toEqual({
      a: "Fråga 1: svaret ska vara ett heltal från 1 till 5, inte 0.",
    });
    expect(validateAnswers(medel, { ...full, c: 6 })).toEqual({
      c: "Fråga 3: svaret ska vara ett heltal från 1 till 5, inte 6.",
    });
    expect(validateAnswers(medel, { ...full, d: 2.5 })).toEqual({
      d: "Fråga 4: svaret ska vara ett heltal från 1 till 5, inte 2.5.",
    });
    expect(validateAnswers(medel, { ...full, f: "tre" })).toEqual({
      f: "Fråga 6: svaret ska vara ett heltal från 1 till 5, inte tre.",
    });
  });

  it("refuses a question the instrument does not have", () => {
    expect(validateAnswers(medel, { ...full, z: 3 })).toEqual({
      "": 'Frågan "z" finns inte i instrumentet.',
    });
  });

  it("refuses too few answers for a result, saying how many are needed", () => {
    expect(validateAnswers(medel, tooFew)).toEqual({
      "": "För få frågor är besvarade för att ge ett resultat: minst 3 av 6 behövs.",
    });
  });
});

describe("properties", () => {
  const scaleArb = fc
    .integer({ min: 0, max: 99 })
    .chain((min) => fc.integer({ min: min + 1, max: 100 }).map((max) => ({ min, max })));

  const instrumentArb = fc
    .record({
      scale: scaleArb,
      items: fc.array(fc.record({ reverse: fc.boolean(), sub: fc.integer({ min: -1, max: 2 }) }), {
        minLength: 1,
        maxLength: 12,
      }),
      share: fc.double({ min: 0.01, max: 1, noNaN: true }),
    })
    .map(
      ({ scale, items, share }): InstrumentDefinition => ({
        respondent: "deltagare",
        instructions: { sv: "" },
        scale: { ...scale, minLabel: { sv: "" }, maxLabel: { sv: "" } },
        subscales: [0, 1, 2].map((i) => ({ key: `s${i}`, name: { sv: `S${i}` } })),
        items: items.map((item, i) => ({
          key: `q${i}`,
          text: { sv: `Fråga ${i}` },
          reverse: item.reverse,
          subscale: item.sub < 0 ? null : `s${item.sub}`,
        })),
        scoring: { method: "medel", minAnsweredShare: share, improvement: 1 },
      }),
    );

  const withAnswers = instrumentArb.chain((d) =>
    fc
      .array(fc.option(fc.integer({ min: d.scale.min, max: d.scale.max }), { nil: null }), {
        minLength: d.items.length,
        maxLength: d.items.length,
      })
      .map((values) => ({
        d,
        answers: Object.fromEntries(d.items.map((item, i) => [item.key, values[i] ?? null])),
      })),
  );

  it("reversing twice gives the answer back", () => {
    fc.assert(
      fc.property(withAnswers, ({ d, answers }) => {
        const once = scoreAnswers(d, answers).items;
        const twice = scoreAnswers(d, once).items;
        expect(twice).toEqual(answers);
      }),
    );
  });

  it("keeps every mean score within the scale", () => {
    fc.assert(
      fc.property(withAnswers, ({ d, answers }) => {
        const s = scoreAnswers(d, answers);
        const scores = [s.total, ...Object.values(s.subscales), ...Object.values(s.items)];
        for (const score of scores)
          if (score !== null) {
            expect(score).toBeGreaterThanOrEqual(d.scale.min);
            expect(score).toBeLessThanOrEqual(d.scale.max);
          }
      }),
    );
  });

  it("rounds to two decimals, half away from zero", () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(23 / 6)).toBe(3.83);
  });
});
