// Tyck till's protected results (src/evaluation/results.ts) on hand-built responses: exact
// distributions and means with disclosure control off, "< 5" and no distribution for too few
// answers, secondary suppression across months and the whole period (property), free text as a
// count only, and only the initiative and the context asked for.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { ValidationError } from "../platform/errors.ts";
import { formatUsage, type UsageCell } from "../portal/usage.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { inRegister } from "../register/zone.ts";
import {
  type EvaluationResults,
  evaluationResults,
  formatMean,
  protectResults,
  type QuestionResult,
  type ResultPeriod,
  SCALE_VALUES,
} from "./results.ts";
import {
  type EvaluationContext,
  evaluationForms,
  evaluationResponses,
  type ResponseAnswer,
} from "./schema.ts";

let t: TestDatabase;
let f: RegisterFixture;
let formId = "";
const SECRET = "Min handläggare heter Lina och jag bor på Storgatan";

async function respond(
  month: string,
  answers: ResponseAnswer[],
  context: EvaluationContext = "mote",
  initiativeId = f.tierp.initiative,
) {
  const access = await f.access(
    initiativeId === f.tierp.initiative ? f.officers.tierp : f.officers.tierpSecond,
  );
  await inRegister(t.db, access.scope, (tx) =>
    tx.insert(evaluationResponses).values({
      associationId: f.associationId,
      dataControllerId: f.tierp.controller,
      initiativeId,
      formId,
      formVersion: 1,
      kind: context === "slut" ? "slut" : "kort",
      context,
      month: `${month}-01`,
      answers,
    }),
  );
}

const scale = (value: number | null): ResponseAnswer => ({
  questionId: "q-skala",
  type: "skala",
  questionSv: "Hur nöjd är du med mötet?",
  value,
});
const free = (value: string | null): ResponseAnswer => ({
  questionId: "q-fritext",
  type: "fritext",
  questionSv: "Något mer?",
  value,
});

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "tyckresultat");
  const [form] = await t.db
    .insert(evaluationForms)
    .values({
      associationId: f.associationId,
      initiativeId: f.tierp.initiative,
      kind: "kort",
      questions: [
        {
          id: "q-skala",
          type: "skala",
          texts: { sv: { text: "Hur nöjd är du med mötet?", low: "Inte alls", high: "Mycket" } },
        },
        { id: "q-fritext", type: "fritext", texts: { sv: { text: "Något mer?" } } },
      ],
      updatedByName: "Test",
    })
    .returning({ id: evaluationForms.id });
  formId = form?.id ?? "";
  // March: 12 answers after meetings: 1×1, 2×2, 0×3, 4×4, 5×5 (mean 46/12 = 3,83 → "3,8")
  // and 6 free-text answers (one blank: not counted)
  const march = [1, 2, 2, 4, 4, 4, 4, 5, 5, 5, 5, 5];
  for (const [i, v] of march.entries())
    await respond("2026-03", [scale(v), free(i < 5 ? SECRET : i === 5 ? "  " : null)]);
  // April: 2 answers (too few), one skipped the scale
  await respond("2026-04", [scale(5), free(null)]);
  await respond("2026-04", [scale(3), free(null)]);
  await respond("2026-04", [scale(null), free(SECRET)]);
  // after chapters and on another initiative: never in the meetings' results of Tierp
  for (let i = 0; i < 6; i++) await respond("2026-03", [scale(1)], "kapitel");
  for (let i = 0; i < 6; i++) await respond("2026-03", [scale(1)], "mote", f.tierp.second);
  // a question that has left the form
  for (let i = 0; i < 5; i++)
    await respond("2026-03", [
      { questionId: "q-gammal", type: "skala", questionSv: "Gammal fråga?", value: 3 },
    ]);
});
afterAll(() => t?.drop());

const results = (threshold: number, context: EvaluationContext = "mote") =>
  evaluationResults(t.db, f.associationId, {
    from: "2026-03",
    to: "2026-04",
    context,
    initiativeIds: [f.tierp.initiative],
    threshold,
    allowTrueZero: threshold === 0,
  });

const show = (c: UsageCell) => formatUsage(c);
const line = (p: ResultPeriod) => [
  p.key,
  show(p.answers),
  ...(p.distribution ?? []).map(show),
  p.mean === null ? null : "value" in p.mean ? formatMean(p.mean.value) : p.mean.hidden,
];
/**
 * A line (a row or a column with its total) never hides exactly one figure: its total would give
 * it back — unless a total of the line is left out (not published, so the line tells nothing).
 */
const safeLine = (line: readonly UsageCell[]) => {
  const suppressed = line.filter(
    (c) => "suppressed" in c && (c.suppressed === "primary" || c.suppressed === "secondary"),
  ).length;
  const leftOut = line.filter((c) => "suppressed" in c && c.suppressed === "left_out").length;
  return suppressed !== 1 || leftOut > 0;
};

const question = (r: EvaluationResults, id: string) =>
  r.questions.find((q) => q.questionId === id) as QuestionResult;

describe("Tyck till's results", () => {
  it("counts answers, the distribution and the mean with disclosure control off", async () => {
    const r = await results(0);
    expect(r.questions.map((q) => [q.questionId, q.inForm])).toEqual([
      ["q-skala", true],
      ["q-fritext", true],
      ["q-gammal", false],
    ]);
    const q = question(r, "q-skala");
    expect(q.text).toBe("Hur nöjd är du med mötet?");
    expect([q.low, q.high]).toEqual(["Inte alls", "Mycket"]);
    expect([...q.months.map(line), line(q.total)]).toEqual([
      ["2026-03", "12", "1", "2", "0", "4", "5", "3,8"],
      ["2026-04", "2", "0", "0", "1", "0", "1", "4,0"],
      ["total", "14", "1", "2", "1", "4", "6", "3,9"],
    ]);
    const text = question(r, "q-fritext");
    expect([...text.months.map(line), line(text.total)]).toEqual([
      ["2026-03", "5", null],
      ["2026-04", "1", null],
      ["total", "6", null],
    ]);
    expect(question(r, "q-gammal").text).toBe("Gammal fråga?");
  });

  it('shows "< 5" and no distribution or mean for too few answers, and hides enough else', async () => {
    const r = await results(5);
    const q = question(r, "q-skala");
    const april = q.months[1] as ResultPeriod;
    expect(show(april.answers)).toBe("<\u00a05");
    expect(april.distribution).toBeNull();
    expect(april.mean).toEqual({ hidden: "few" });
    // March: 1, 2 and 0 are too few; the mean would give them back
    const march = q.months[0] as ResultPeriod;
    expect(show(march.answers)).not.toBe("<\u00a05");
    expect(march.distribution?.slice(0, 3).map(show)).toEqual(["<\u00a05", "<\u00a05", "<\u00a05"]);
    expect(march.mean).toEqual({ hidden: "distribution" });
    // the whole period: 1, 2 and 3 chosen 1–2 times each; no mean
    expect(q.total.distribution?.slice(0, 3).map(show)).toEqual([
      "<\u00a05",
      "<\u00a05",
      "<\u00a05",
    ]);
    expect(q.total.mean).toEqual({ hidden: "distribution" });
    // free text: April's single answer is hidden, and so is a second figure of its column
    const text = question(r, "q-fritext");
    expect(show(text.months[1]?.answers as UsageCell)).toBe("<\u00a05");
    const hidden = [text.months[0]?.answers, text.total.answers].filter(
      (c) => c && "suppressed" in c,
    );
    expect(hidden.length).toBeGreaterThanOrEqual(1);
  });

  it("counts only the context and the initiative asked for, and never the texts", async () => {
    const chapters = await results(0, "kapitel");
    expect(line(question(chapters, "q-skala").total)).toEqual([
      "total",
      "6",
      "6",
      "0",
      "0",
      "0",
      "0",
      "1,0",
    ]);
    const exit = await results(0, "slut");
    expect(exit.questions).toEqual([]);
    const text = JSON.stringify([await results(0), await results(5)]);
    expect(text).not.toContain("Lina");
    expect(text).not.toContain("Storgatan");
  });

  it("refuses a bad period and an unknown context", async () => {
    await expect(
      evaluationResults(t.db, f.associationId, {
        from: "2026-05",
        to: "2026-02",
        context: "mote",
        initiativeIds: [f.tierp.initiative],
      }),
    ).rejects.toThrow(ValidationError);
    await expect(
      evaluationResults(t.db, f.associationId, {
        from: "2026-01",
        to: "2026-02",
        context: "annat" as EvaluationContext,
        initiativeIds: [f.tierp.initiative],
      }),
    ).rejects.toThrow(ValidationError);
  });
});

describe("Tyck till's results, protected", () => {
  it("never leaves a single hidden figure in a line of a scale table", () => {
    const month = fc.array(fc.nat(9), { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(month, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(3, 5),
        fc.boolean(),
        (raw, threshold, allowTrueZero) => {
          const months = raw.map((_, i) => `2026-0${i + 1}`);
          const counts = new Map([
            ["i|q", new Map(months.map((m, i) => [m, new Map(raw[i]?.map((n, j) => [j + 1, n]))]))],
          ]);
          const out = protectResults(
            [
              {
                initiativeId: "i",
                initiativeName: "Insats",
                questionId: "q",
                text: "Fråga?",
                type: "skala",
                low: null,
                high: null,
                inForm: true,
              },
            ],
            counts,
            months,
            { threshold, allowTrueZero },
          );
          const q = out.questions[0] as QuestionResult;
          const hidden = (c: UsageCell | undefined) => c !== undefined && "suppressed" in c;
          // rows: a month's (or the period's) values and its answers
          for (const [i, p] of [...q.months, q.total].entries()) {
            const truth =
              i < raw.length
                ? (raw[i] ?? [])
                : SCALE_VALUES.map((_, j) => raw.reduce((s, r) => s + (r[j] ?? 0), 0));
            if (!p.distribution) {
              expect(hidden(p.answers)).toBe(true);
              continue;
            }
            const shown = p.distribution.filter((c) => !hidden(c));
            for (const [j, c] of p.distribution.entries())
              if ("value" in c) expect(c.value).toBe(truth[j]);
            expect(safeLine([...p.distribution, p.answers])).toBe(true);
            if (p.mean && "value" in p.mean) expect(shown.length).toBe(SCALE_VALUES.length);
          }
          // columns: a value's months and the whole period
          for (const j of SCALE_VALUES.keys()) {
            const column = [...q.months.map((p) => p.distribution?.[j]), q.total.distribution?.[j]];
            if (column.some((c) => c === undefined)) continue; // a row shows no distribution
            expect(safeLine(column as UsageCell[])).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
