// The demo's Tyck till: stored question sets for the two portal initiatives and about a hundred
// anonymous answers over the last six months, mostly 3–5, with a few plain-Swedish free texts.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { evaluationForms, type ResponseAnswer } from "../evaluation/schema.ts";
import { seedDemo } from "./seed-demo.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
}, 240_000);
afterAll(() => t?.drop());

describe("the demo's Tyck till", () => {
  it("stores both question sets of both portal initiatives", async () => {
    const forms = await t.db.select().from(evaluationForms);
    expect(forms).toHaveLength(4);
    expect(forms.filter((f) => f.kind === "kort").every((f) => f.questions.length === 2)).toBe(
      true,
    );
  });

  it("has plausible, anonymous answers over the last six months", async () => {
    const rows = (
      await t.owner.db.execute<{
        month: string;
        context: string;
        chapter_id: string | null;
        answers: ResponseAnswer[];
      }>(sql`select * from register.evaluation_responses`)
    ).rows;
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(rows.length).toBeLessThanOrEqual(120);
    const months = new Set(rows.map((r) => String(r.month).slice(0, 7)));
    expect(months.size).toBe(6);
    expect(new Set(rows.map((r) => r.context))).toEqual(new Set(["mote", "kapitel", "slut"]));
    expect(rows.filter((r) => r.context === "kapitel").every((r) => r.chapter_id)).toBe(true);
    const scale = rows.flatMap((r) =>
      r.answers.filter((a) => a.type === "skala" && a.value !== null).map((a) => a.value as number),
    );
    expect(scale.filter((v) => v >= 3).length / scale.length).toBeGreaterThan(0.8);
    const free = rows.flatMap((r) =>
      r.answers.filter((a) => a.type === "fritext" && a.value).map((a) => a.value as string),
    );
    expect(free.length).toBeGreaterThan(5);
    const columns = (
      await t.owner.db.execute<{ column_name: string }>(
        sql`select column_name from information_schema.columns where table_schema = 'register' and table_name = 'evaluation_responses'`,
      )
    ).rows.map((c) => c.column_name);
    expect(columns).not.toContain("participant_id");
  });
});
