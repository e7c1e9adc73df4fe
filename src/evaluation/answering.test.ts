// Tyck till for the participant: what is open (completed chapters, past meetings, the exit
// survey), answering in one transaction without the participant's id, refusing a second
// answer, declining, and keys that are not the participant's.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { portalScope } from "../portal/accounts.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { inRegister } from "../register/zone.ts";
import {
  ALREADY_ANSWERED,
  checkToAnswer,
  decline,
  monthOfAnswer,
  openChecks,
  readAnswers,
  submitAnswers,
} from "./answering.ts";
import { type EvaluationFixture, evaluationFixture, meeting } from "./evaluation-fixture.ts";
import { evaluationReceipts, evaluationResponses, FREE_TEXT_MAX } from "./schema.ts";

let t: TestDatabase;
let f: RegisterFixture;
let e: EvaluationFixture;
let recent: string;
let old: string;
let cancelled: string;
let missed: string;
let future: string;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "svar");
  e = await evaluationFixture(t.db, f, "ar");
  recent = await meeting(t.db, e.account, 3);
  old = await meeting(t.db, e.account, 31);
  cancelled = await meeting(t.db, e.account, 4, "avbokad");
  missed = await meeting(t.db, e.account, 5, "uteblev");
  future = await meeting(t.db, e.account, -2, "bokad");
});
afterAll(() => t?.drop());

/** Every response and receipt, read as the database's owner (tests only). */
const responses = async () =>
  (await t.owner.db.execute(sql`select * from register.evaluation_responses order by month`)).rows;
const receipts = async () =>
  (
    await t.owner.db.execute<{ context: string; context_key: string; outcome: string }>(
      sql`select * from register.evaluation_receipts`,
    )
  ).rows;

describe("what is open", () => {
  it("lists the completed chapter, the meeting that has passed and the exit survey", async () => {
    const open = await openChecks(t.db, e.account);
    expect(open.map((c) => [c.context, c.key])).toEqual([
      ["kapitel", e.chapter],
      ["mote", recent],
      ["slut", "slut"],
    ]);
    const chapter = open.find((c) => c.context === "kapitel");
    expect(chapter).toMatchObject({ title: { sv: "Att bo i Sverige", ar: "العيش في السويد" } });
    expect(open.find((c) => c.context === "mote")).toMatchObject({ title: "Lina, studiecoach" });
    for (const key of [old, cancelled, missed, future, e.unfinished])
      expect(open.some((c) => c.key === key)).toBe(false);
  });

  it("shows nothing of a chapter older than 60 days", async () => {
    const later = new Date(Date.now() + 59 * 86_400_000);
    const open = await openChecks(t.db, e.account, { now: later });
    expect(open.map((c) => c.context)).toEqual(["slut"]);
  });
});

describe("answering", () => {
  it("refuses a scale outside 1–5, too long text and nothing answered, storing nothing", async () => {
    const form = (await checkToAnswer(t.db, e.account, "mote", recent)).form;
    const [scale, free] = form.questions;
    if (!scale || !free) throw new Error("no questions");
    expect(readAnswers(form, { [scale.id]: "6" }).problems).toEqual({ [scale.id]: "scale" });
    expect(readAnswers(form, { [scale.id]: "2.5" }).problems).toEqual({ [scale.id]: "scale" });
    expect(readAnswers(form, { [free.id]: "x".repeat(FREE_TEXT_MAX + 1) }).problems).toEqual({
      [free.id]: "tooLong",
    });
    expect(readAnswers(form, { [scale.id]: "", [free.id]: "  " }).problems).toEqual({
      form: "empty",
    });
    await expect(
      submitAnswers(t.db, e.account, "mote", recent, { [scale.id]: "0" }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await responses()).toHaveLength(0);
    expect(await receipts()).toHaveLength(0);
  });

  it("stores the response without the participant and a receipt, once", async () => {
    const { form } = await checkToAnswer(t.db, e.account, "kapitel", e.chapter);
    const [scale, free] = form.questions;
    if (!scale || !free) throw new Error("no questions");
    const now = new Date("2026-11-30T23:30:00Z"); // 1 December in Sweden
    expect(monthOfAnswer(now)).toBe("2026-12-01");
    // answered now, and the month read for that same moment (not at a month's turn in between)
    const answeredAt = new Date();
    await submitAnswers(
      t.db,
      e.account,
      "kapitel",
      e.chapter,
      { [scale.id]: "4", [free.id]: "  Fler bilder.\r\n\r\n\r\nTack!  " },
      { now: answeredAt },
    );
    const [row] = await responses();
    expect(row).toMatchObject({
      initiative_id: f.tierp.initiative,
      context: "kapitel",
      kind: "kort",
      course_id: e.courseId,
      chapter_id: e.chapter,
      month: monthOfAnswer(answeredAt),
    });
    expect(Object.keys(row ?? {})).not.toContain("participant_id");
    expect(JSON.stringify(row)).not.toContain(e.account.participantId);
    expect(row?.answers).toEqual([
      { questionId: "kort-hur", type: "skala", questionSv: "Hur var det?", value: 4 },
      {
        questionId: "kort-battre",
        type: "fritext",
        questionSv: "Vad kan bli bättre? Du behöver inte svara.",
        value: "Fler bilder.\n\nTack!",
      },
    ]);
    expect(await receipts()).toMatchObject([
      { context: "kapitel", context_key: e.chapter, outcome: "svarat" },
    ]);

    const again = submitAnswers(t.db, e.account, "kapitel", e.chapter, { [scale.id]: "5" });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toThrow(ALREADY_ANSWERED);
    expect(await responses()).toHaveLength(1);
    expect((await openChecks(t.db, e.account)).some((c) => c.key === e.chapter)).toBe(false);
    expect((await checkToAnswer(t.db, e.account, "kapitel", e.chapter)).answered).toBe(true);
  });

  it("refuses two answers at the same moment: one is stored", async () => {
    const { form } = await checkToAnswer(t.db, e.account, "slut", "slut");
    const first = form.questions[0];
    if (!first) throw new Error("no questions");
    const results = await Promise.allSettled([
      submitAnswers(t.db, e.account, "slut", "slut", { [first.id]: "5" }),
      submitAnswers(t.db, e.account, "slut", "slut", { [first.id]: "3" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    const slut = (await responses()).filter((r) => r.context === "slut");
    expect(slut).toHaveLength(1);
    expect(slut[0]?.kind).toBe("slut");
  });

  it("declines with a receipt and no response", async () => {
    const before = (await responses()).length;
    await decline(t.db, e.account, "mote", recent);
    expect((await responses()).length).toBe(before);
    expect((await receipts()).find((r) => r.context_key === recent)?.outcome).toBe("avstod");
    await expect(decline(t.db, e.account, "mote", recent)).rejects.toThrow(ALREADY_ANSWERED);
    await expect(
      submitAnswers(t.db, e.account, "mote", recent, { "kort-hur": "3" }),
    ).rejects.toThrow(ALREADY_ANSWERED);
  });

  it("answers as not found for keys that are not the participant's to answer", async () => {
    const other = await evaluationFixture(t.db, f, "sv");
    const othersMeeting = await meeting(t.db, other.account, 2);
    const cases: [string, string][] = [
      ["mote", old],
      ["mote", cancelled],
      ["mote", missed],
      ["mote", future],
      ["mote", othersMeeting],
      ["kapitel", e.unfinished],
      ["kapitel", other.chapter],
      ["kapitel", "inte-ett-id"],
      ["slut", "annat"],
      ["okand", "slut"],
    ];
    for (const [context, key] of cases) {
      await expect(checkToAnswer(t.db, e.account, context, key)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(
        submitAnswers(t.db, e.account, context, key, { "kort-hur": "3" }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(decline(t.db, e.account, context, key)).rejects.toBeInstanceOf(NotFoundError);
    }
    // the other participant's own chapter is theirs to answer
    expect((await openChecks(t.db, other.account)).map((c) => c.context).sort()).toEqual([
      "kapitel",
      "mote",
      "slut",
    ]);
  });

  it("never lets the association zone read the responses", async () => {
    await expect(
      t.db.execute(sql`select count(*) from register.evaluation_responses`),
    ).rejects.toThrow();
    const mine = await inRegister(t.db, portalScope(e.account), (tx) =>
      tx.select().from(evaluationReceipts),
    );
    expect(mine.length).toBeGreaterThan(0);
    expect(evaluationResponses).toBeDefined();
  });
});
