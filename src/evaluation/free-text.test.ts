// The free-text answers: only the initiative's participant officers read them; only the text,
// the question, the month and what it was about; newest month first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { submitAnswers } from "./answering.ts";
import { type EvaluationFixture, evaluationFixture, meeting } from "./evaluation-fixture.ts";
import { freeTextAnswers } from "./free-text.ts";

let t: TestDatabase;
let f: RegisterFixture;
let e: EvaluationFixture;
const month = (d: Date) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(d).slice(0, 7);
// the answers are given at this moment: their month is this one, also at a month's turn
const answeredAt = new Date();
const thisMonth = month(answeredAt);

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "fritext");
  e = await evaluationFixture(t.db, f);
  const met = await meeting(t.db, e.account, 1);
  const at = { now: answeredAt };
  await submitAnswers(
    t.db,
    e.account,
    "kapitel",
    e.chapter,
    { "kort-hur": "5", "kort-battre": "Mer bilder i kapitlet." },
    at,
  );
  await submitAnswers(t.db, e.account, "mote", met, { "kort-hur": "4", "kort-battre": "" }, at);
  await submitAnswers(
    t.db,
    e.account,
    "slut",
    "slut",
    { "slut-nytta": "4", "slut-bast": "Att jag fick öva svenska." },
    at,
  );
});
afterAll(() => t?.drop());

describe("free-text answers", () => {
  it("shows the initiative's participant officer the texts with question, month and context", async () => {
    const answers = await freeTextAnswers(
      t.db,
      f.officers.tierp,
      f.associationId,
      f.tierp.initiative,
      { from: "2026-01", to: "2099-12" },
    );
    expect(answers).toEqual([
      {
        text: "Mer bilder i kapitlet.",
        question: "Vad kan bli bättre? Du behöver inte svara.",
        month: thisMonth,
        context: "kapitel",
        chapterTitle: "Att bo i Sverige",
      },
      {
        text: "Att jag fick öva svenska.",
        question: "Vad var bäst?",
        month: thisMonth,
        context: "slut",
        chapterTitle: null,
      },
    ]);
    const earlier = await freeTextAnswers(
      t.db,
      f.officers.tierp,
      f.associationId,
      f.tierp.initiative,
      { from: "2020-01", to: "2020-12" },
    );
    expect(earlier).toEqual([]);
  });

  it("is not found for the office, another initiative's officer and the auditor", async () => {
    for (const who of [f.admin, f.officers.heby, f.officers.tierpSecond, f.auditor])
      await expect(
        freeTextAnswers(t.db, who, f.associationId, f.tierp.initiative, {
          from: "2026-01",
          to: "2026-12",
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a period that is not ÅÅÅÅ-MM or runs backwards", async () => {
    const read = (from: string, to: string) =>
      freeTextAnswers(t.db, f.officers.tierp, f.associationId, f.tierp.initiative, { from, to });
    await expect(read("2026-13", "2026-12")).rejects.toBeInstanceOf(ValidationError);
    await expect(read("2026-10", "2026-02")).rejects.toThrow("före den första");
  });
});
