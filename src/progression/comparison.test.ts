// The comparison group on a real database: anonymous measurements paired by the initiative's own
// code, only where the plan keeps a comparison group, refusals in Swedish that write nothing (a
// code like a personal number, an answer outside the scale, a follow-up before the zero-point),
// removal, and the register's access log.
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { accessLog } from "../register/schema.ts";
import type { RegisterAccess } from "../register/scope.ts";
import {
  type ComparisonInput,
  listComparison,
  recordComparison,
  removeComparison,
  respondentCodeProblem,
} from "./comparison.ts";
import { FIXTURE_TODAY, type ProgressionFixture, progressionFixture } from "./results-fixture.ts";
import { comparisonMeasurements } from "./schema.ts";

let t: TestDatabase;
let p: ProgressionFixture;
let tierp: RegisterAccess;
let heby: RegisterAccess;

beforeAll(async () => {
  t = await createTestDatabase();
  p = await progressionFixture(t.db, t.owner.db, { comparison: false });
  tierp = await p.f.access(p.f.officers.tierp);
  heby = await p.f.access(p.f.officers.heby);
});
afterAll(() => t?.drop());

const input = (over: Partial<ComparisonInput> = {}): ComparisonInput => ({
  initiativeId: p.a,
  instrumentVersionId: p.versionId,
  respondentCode: "J-17",
  gender: "kvinna",
  occasion: "nollpunkt",
  measuredOn: "2026-03-02",
  answers: { a: 2, b: 4, c: 3 },
  ...over,
});

const stored = () =>
  t.owner.db
    .select()
    .from(comparisonMeasurements)
    .where(eq(comparisonMeasurements.initiativeId, p.a));

const refusal = async (run: Promise<unknown>) => {
  const error = await run.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
};

describe("the comparison group", () => {
  it("records a zero-point and a follow-up under the code, lists them with their total and logs both", async () => {
    await recordComparison(t.db, tierp, input(), FIXTURE_TODAY);
    await recordComparison(
      t.db,
      tierp,
      input({
        occasion: "uppfoljning",
        measuredOn: "2026-06-02",
        answers: { a: 4, b: 2, c: null },
      }),
      FIXTURE_TODAY,
    );
    const { instruments, rows } = await listComparison(t.db, tierp, p.a);
    expect(instruments?.map((i) => i.name)).toEqual(["Framtidstro"]);
    expect(rows.map((r) => [r.respondentCode, r.occasion, r.measuredOn, r.total])).toEqual([
      ["J-17", "nollpunkt", "2026-03-02", 2.33],
      ["J-17", "uppfoljning", "2026-06-02", 4],
    ]);
    expect(rows[1]?.answers).toEqual({ a: 4, b: 2, c: null });
    const entries = await t.owner.db
      .select({ action: accessLog.action, fields: accessLog.fields })
      .from(accessLog)
      .where(eq(accessLog.dataControllerId, p.f.tierp.controller))
      .orderBy(asc(accessLog.id));
    const ours = entries.filter((e) => e.fields.includes("jamforelsegrupp"));
    expect(ours.map((e) => e.action)).toEqual(["change", "change", "search"]);
  });

  it("refuses a code shaped like a personal number, in Swedish, and writes nothing", async () => {
    const before = (await stored()).length;
    for (const code of ["900115-1234", "199001151234", "19900115-1234"]) {
      const fields = await refusal(
        recordComparison(t.db, tierp, input({ respondentCode: code }), FIXTURE_TODAY),
      );
      expect(fields.respondentCode).toContain("ser ut som ett personnummer");
    }
    expect(respondentCodeProblem("A123456")).toContain("sex siffror i rad");
    expect(respondentCodeProblem("")).toContain("Skriv respondentens kod");
    expect(respondentCodeProblem("J-17")).toBeNull();
    expect((await stored()).length).toBe(before);
    // the database refuses six digits in a row whatever the code does
    const error = await t.owner.db
      .insert(comparisonMeasurements)
      .values({
        associationId: p.f.associationId,
        dataControllerId: p.f.tierp.controller,
        initiativeId: p.a,
        instrumentVersionId: p.versionId,
        respondentCode: "X900115",
        gender: "man",
        occasion: "nollpunkt",
        measuredOn: "2026-01-01",
        answers: { a: 1, b: 1, c: 1 },
        recordedByName: "test",
      })
      .catch((e: unknown) => e);
    expect(String((error as { cause?: unknown }).cause ?? error)).toContain(
      "comparison_measurements_code_check",
    );
  });

  it("refuses an answer outside the scale and every other bad field at once", async () => {
    const fields = await refusal(
      recordComparison(
        t.db,
        tierp,
        input({
          respondentCode: "J-18",
          gender: "okänd",
          measuredOn: "2026-13-01",
          answers: { a: 7, b: 2, c: 3 },
        }),
        FIXTURE_TODAY,
      ),
    );
    expect(fields["answers.a"]).toBe("Fråga 1: svaret ska vara ett heltal från 1 till 5, inte 7.");
    expect(fields.gender).toContain("Välj kön");
    expect(fields.measuredOn).toContain("ÅÅÅÅ-MM-DD");
    const future = await refusal(
      recordComparison(
        t.db,
        tierp,
        input({ respondentCode: "J-18", measuredOn: "2026-12-24" }),
        FIXTURE_TODAY,
      ),
    );
    expect(future.measuredOn).toContain("ligger i framtiden");
  });

  it("refuses a follow-up without or before the code's zero-point, and a second zero-point", async () => {
    const none = await refusal(
      recordComparison(
        t.db,
        tierp,
        input({ respondentCode: "J-99", occasion: "uppfoljning" }),
        FIXTURE_TODAY,
      ),
    );
    expect(none.occasion).toBe(
      "Koden J-99 har ingen nollpunkt med instrumentet. Registrera nollpunkten först.",
    );
    const before = await refusal(
      recordComparison(
        t.db,
        tierp,
        input({ occasion: "avslut", measuredOn: "2026-01-15" }),
        FIXTURE_TODAY,
      ),
    );
    expect(before.measuredOn).toBe(
      "Mätdatumet 2026-01-15 ligger före kodens nollpunkt (2026-03-02). En avslutsmätning kan inte göras före nollpunkten.",
    );
    const twice = await refusal(recordComparison(t.db, tierp, input(), FIXTURE_TODAY));
    expect(twice.occasion).toContain("har redan en nollpunkt (2026-03-02)");
    const gender = await refusal(
      recordComparison(
        t.db,
        tierp,
        input({ occasion: "avslut", measuredOn: "2026-09-01", gender: "man" }),
        FIXTURE_TODAY,
      ),
    );
    expect(gender.gender).toContain("registrerad som kvinna");
    expect((await stored()).length).toBe(2);
  });

  it("is only for a plan with a comparison group, and only in the officer's own initiatives", async () => {
    const fields = await refusal(
      recordComparison(t.db, heby, input({ initiativeId: p.b }), FIXTURE_TODAY),
    );
    expect(fields.form).toContain("ingen jämförelsegrupp");
    const error = await recordComparison(t.db, heby, input(), FIXTURE_TODAY).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
    const listed = await listComparison(t.db, heby, p.a).catch((e: unknown) => e);
    expect(listed).toBeInstanceOf(NotFoundError);
  });

  it("removes a measurement; a zero-point with follow-ups stays; a stale version is a conflict", async () => {
    const { rows } = await listComparison(t.db, tierp, p.a);
    const [zero, follow] = rows;
    if (!zero || !follow) throw new Error("two rows");
    const kept = await refusal(
      removeComparison(t.db, tierp, { initiativeId: p.a, id: zero.id, version: zero.version }),
    );
    expect(kept.form).toContain("Ta bort dem först");
    const stale = await removeComparison(t.db, tierp, {
      initiativeId: p.a,
      id: follow.id,
      version: follow.version + 1,
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    await removeComparison(t.db, tierp, {
      initiativeId: p.a,
      id: follow.id,
      version: follow.version,
    });
    await removeComparison(t.db, tierp, { initiativeId: p.a, id: zero.id, version: zero.version });
    expect(await stored()).toEqual([]);
  });
});
