// Measurement plans on a real database: saved and changed with an audit event of the changes,
// refused per field in Swedish (instruments that are drafts, archived or another association's,
// numbers out of range), only for individual initiatives that have not ended, and a stale
// version is a conflict.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { auditEvents } from "../audit/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { addTestInstrument } from "./measure-fixture.ts";
import { getPlan, type PlanInput, planChoices, savePlan } from "./plans.ts";
import { progressionPlans } from "./schema.ts";

let t: TestDatabase;
let f: RegisterFixture;
const v: Record<string, string> = {};
const actor = { userId: null, label: "eva@example.se", name: "Eva Ek" };

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "plan");
  v.own = (await addTestInstrument(t.db, f.associationId, "egen", { draft: true })).versionId;
  const withDraft = await addTestInstrument(t.db, f.associationId, "med-utkast", { draft: true });
  v.draft = withDraft.draftId ?? "";
  v.shipped = (await addTestInstrument(t.db, null, "samspar-test")).versionId;
  v.archived = (
    await addTestInstrument(t.db, f.associationId, "arkiverad", { archived: true })
  ).versionId;
  const other = await createAssociation(t.db, actor, { slug: "annat", name: "Annat förbund" });
  v.others = (await addTestInstrument(t.db, other.id, "annans")).versionId;
});
afterAll(() => t?.drop());

const input = (over: Partial<PlanInput> = {}): PlanInput => ({
  instrumentVersionIds: [v.own ?? ""],
  intervalMonths: 3,
  atExit: true,
  graceDays: 14,
  targetPercent: 60,
  comparisonGroup: false,
  ...over,
});

async function refusal(run: () => Promise<unknown>): Promise<Record<string, string>> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("plan choices", () => {
  it("are the published versions shipped or the association's own, not archived", async () => {
    const choices = await planChoices(t.db, f.associationId);
    const ids = choices.map((c) => c.versionId);
    expect(ids).toContain(v.own);
    expect(ids).toContain(v.shipped);
    expect(ids).not.toContain(v.draft);
    expect(ids).not.toContain(v.archived);
    expect(ids).not.toContain(v.others);
  });
});

describe("savePlan", () => {
  it("creates a plan, then changes it with an audit event naming the changes", async () => {
    expect(await getPlan(t.db, f.associationId, f.tierp.initiative)).toBeNull();
    const created = await savePlan(t.db, actor, f.associationId, f.tierp.initiative, input(), null);
    expect(created).toMatchObject({ version: 1, intervalMonths: 3, targetPercent: 60 });
    expect(created.updatedByName).toBe("Eva Ek");
    const changed = await savePlan(
      t.db,
      actor,
      f.associationId,
      f.tierp.initiative,
      input({ instrumentVersionIds: [v.own ?? "", v.shipped ?? ""], intervalMonths: 6 }),
      1,
    );
    expect(changed.version).toBe(2);
    expect(changed.instrumentVersionIds).toEqual([v.own, v.shipped]);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "progression_plan.saved"),
          eq(auditEvents.targetId, f.tierp.initiative),
        ),
      );
    expect(events).toHaveLength(2);
    const last = events.at(-1)?.details as { changes: Record<string, unknown> };
    expect(Object.keys(last.changes).sort()).toEqual(["instrumentVersionIds", "intervalMonths"]);
    expect(last.changes.intervalMonths).toEqual({ before: 3, after: 6 });
  });

  it("refuses a stale version and a second plan made at the same time", async () => {
    await expect(
      savePlan(t.db, actor, f.associationId, f.tierp.initiative, input(), 1),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      savePlan(t.db, actor, f.associationId, f.tierp.initiative, input(), null),
    ).rejects.toThrow(/Någon annan har ändrat mätplanen/);
    expect((await getPlan(t.db, f.associationId, f.tierp.initiative))?.version).toBe(2);
  });

  it("refuses every bad field at once, in Swedish, and writes nothing", async () => {
    const problems = await refusal(() =>
      savePlan(
        t.db,
        actor,
        f.associationId,
        f.heby.initiative,
        input({ instrumentVersionIds: [], intervalMonths: 25, graceDays: -1, targetPercent: 101 }),
        null,
      ),
    );
    expect(problems).toEqual({
      instrumentVersionIds: "Välj minst ett instrument att mäta med.",
      intervalMonths: expect.stringContaining("ett heltal från 0 till 24"),
      graceDays: expect.stringContaining("ett heltal från 0 till 90"),
      targetPercent: expect.stringContaining("ett heltal från 0 till 100"),
    });
    for (const bad of [v.draft, v.archived, v.others, "not-a-uuid"])
      expect(
        (
          await refusal(() =>
            savePlan(
              t.db,
              actor,
              f.associationId,
              f.heby.initiative,
              input({ instrumentVersionIds: [bad ?? ""] }),
              null,
            ),
          )
        ).instrumentVersionIds,
      ).toMatch(/publicerad version/);
    expect(
      (
        await refusal(() =>
          savePlan(
            t.db,
            actor,
            f.associationId,
            f.heby.initiative,
            input({ instrumentVersionIds: Array.from({ length: 11 }, (_, i) => `x${i}`) }),
            null,
          ),
        )
      ).instrumentVersionIds,
    ).toBe("Välj högst 10 instrument, inte 11.");
    const rows = await t.db
      .select()
      .from(progressionPlans)
      .where(eq(progressionPlans.initiativeId, f.heby.initiative));
    expect(rows).toHaveLength(0);
  });

  it("is for individual initiatives that have not ended", async () => {
    expect(
      (
        await refusal(() =>
          savePlan(t.db, actor, f.associationId, f.tierp.structural, input(), null),
        )
      ).form,
    ).toMatch(/strukturinriktad insats/);
    await t.db
      .update(initiatives)
      .set({ status: "avslutad" })
      .where(eq(initiatives.id, f.heby.units));
    expect(
      (await refusal(() => savePlan(t.db, actor, f.associationId, f.heby.units, input(), null)))
        .form,
    ).toMatch(/avslutad/);
    // another association's initiative does not exist here
    const other = await createAssociation(t.db, actor, { slug: "tredje", name: "Tredje" });
    await expect(savePlan(t.db, actor, other.id, f.tierp.second, input(), null)).rejects.toThrow(
      /Insatsen finns inte/,
    );
  });
});
