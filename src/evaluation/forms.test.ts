// Tyck till's question sets: the defaults stored on first read, editing with stable ids, the
// limits, languages kept when the page did not show them, and the optimistic version.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { auditEvents } from "../audit/schema.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import {
  DEFAULT_QUESTIONS,
  DEFAULTS_BY,
  formForEditing,
  formLocale,
  formOf,
  type QuestionInput,
  updateForm,
} from "./forms.ts";
import { evaluationForms } from "./schema.ts";

const actor = { userId: null, label: "test" };
let t: TestDatabase;
let f: RegisterFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "form");
});
afterAll(() => t?.drop());

const asInput = (q: (typeof DEFAULT_QUESTIONS)["kort"][number]): QuestionInput => ({
  id: q.id,
  type: q.type,
  texts: { sv: { ...q.texts.sv } },
});

describe("the defaults", () => {
  it("have Swedish, English and Arabic for every question, within the limits", () => {
    expect(DEFAULT_QUESTIONS.kort).toHaveLength(2);
    expect(DEFAULT_QUESTIONS.slut.length).toBeGreaterThanOrEqual(6);
    expect(DEFAULT_QUESTIONS.slut.length).toBeLessThanOrEqual(8);
    for (const kind of ["kort", "slut"] as const) {
      const form = { questions: DEFAULT_QUESTIONS[kind] };
      expect(formLocale(form, "en")).toBe("en");
      expect(formLocale(form, "ar")).toBe("ar");
      expect(formLocale(form, "so")).toBe("sv");
      for (const q of DEFAULT_QUESTIONS[kind])
        for (const text of Object.values(q.texts)) {
          expect(text?.text.length).toBeLessThanOrEqual(300);
          if (q.type === "skala") expect(text?.low && text.high).toBeTruthy();
        }
    }
  });

  it("are stored on the first read, once", async () => {
    const initiative = { id: f.tierp.initiative, associationId: f.associationId };
    const [a, b] = await Promise.all([
      formOf(t.db, initiative, "kort"),
      formOf(t.db, initiative, "kort"),
    ]);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ version: 1, updatedByName: DEFAULTS_BY });
    expect(a.questions.map((q) => q.id)).toEqual(["kort-hur", "kort-battre"]);
    const rows = await t.db
      .select()
      .from(evaluationForms)
      .where(eq(evaluationForms.initiativeId, f.tierp.initiative));
    expect(rows).toHaveLength(1);
  });
});

describe("editing a form", () => {
  it("keeps ids of edited questions, keeps languages not sent, and records an audit event", async () => {
    const form = await formForEditing(
      t.db,
      f.officers.tierp,
      f.associationId,
      f.tierp.initiative,
      "slut",
    );
    const [first, second] = form.questions;
    if (!first || !second) throw new Error("no defaults");
    const saved = await updateForm(
      t.db,
      actor,
      f.officers.tierp,
      f.associationId,
      f.tierp.initiative,
      "slut",
      {
        questions: [
          // moved first, Swedish edited, Arabic not on the page (kept), English emptied (removed)
          {
            id: second.id,
            type: "skala",
            texts: {
              sv: { text: "  Blev du  väl bemött? ", low: "Nej", high: "Ja" },
              en: { text: "", low: "", high: "" },
            },
          },
          asInput(first),
          { type: "fritext", texts: { sv: { text: "Något mer?" } } },
        ],
      },
      form.version,
    );
    expect(saved.version).toBe(form.version + 1);
    expect(saved.updatedByName).toBe("Anna Andersson");
    const [moved, kept, added] = saved.questions;
    expect(moved).toMatchObject({
      id: second.id,
      texts: { sv: { text: "Blev du väl bemött?", low: "Nej", high: "Ja" } },
    });
    expect(moved?.texts.ar).toEqual(second.texts.ar);
    expect(moved?.texts.en).toBeUndefined();
    expect(kept?.id).toBe(first.id);
    expect(kept?.texts.en).toEqual(first.texts.en);
    expect(added?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(formLocale(saved, "en")).toBe("sv");
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "evaluation_form.updated"), eq(auditEvents.targetId, saved.id)),
      );
    expect(event?.details).toMatchObject({ kind: "slut", questions: 3, added: 1, removed: 5 });
  });

  it("refuses a stale version, and changes nothing", async () => {
    const form = await formOf(
      t.db,
      { id: f.tierp.initiative, associationId: f.associationId },
      "slut",
    );
    await expect(
      updateForm(
        t.db,
        actor,
        f.officers.tierp,
        f.associationId,
        f.tierp.initiative,
        "slut",
        { questions: form.questions.map(asInput) },
        form.version - 1,
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    const again = await formOf(
      t.db,
      { id: f.tierp.initiative, associationId: f.associationId },
      "slut",
    );
    expect(again.version).toBe(form.version);
  });

  it("refuses three questions in the short check, a missing Swedish text and too long texts", async () => {
    const edit = (questions: QuestionInput[]) =>
      updateForm(
        t.db,
        actor,
        f.officers.tierp,
        f.associationId,
        f.tierp.initiative,
        "kort",
        { questions },
        1,
      ).catch((e: unknown) => e);
    const three = await edit(DEFAULT_QUESTIONS.slut.slice(0, 3).map(asInput));
    expect(three).toBeInstanceOf(ValidationError);
    expect((three as ValidationError).fields.questions).toContain("högst 2 frågor");
    const none = await edit([]);
    expect((none as ValidationError).fields.questions).toContain("minst en fråga");
    const bad = (await edit([
      { type: "skala", texts: { sv: { text: "", low: "x".repeat(41), high: "Bra" } } },
      {
        type: "fritext",
        texts: { sv: { text: "y".repeat(301) }, so: { text: "Maxay fiicnaan kartaa?" } },
      },
    ])) as ValidationError;
    expect(bad.fields["q0-text-sv"]).toContain("Skriv fråga 1 på svenska");
    expect(bad.fields["q0-low-sv"]).toContain("högst 40 tecken");
    expect(bad.fields["q1-text-sv"]).toContain("högst 300 tecken");
    const typeless = (await edit([
      { type: "val", texts: { sv: { text: "Hur var det?" } } },
    ])) as ValidationError;
    expect(typeless.fields["q0-type"]).toContain("skala från 1 till 5");
    const halfEnglish = (await edit([
      {
        type: "skala",
        texts: { sv: { text: "Hur?", low: "Dåligt", high: "Bra" }, en: { text: "How?" } },
      },
    ])) as ValidationError;
    expect(halfEnglish.fields["q0-low-en"]).toContain("på engelska");
    const form = await formOf(
      t.db,
      { id: f.tierp.initiative, associationId: f.associationId },
      "kort",
    );
    expect(form.version).toBe(1);
  });

  it("answers as not found to the office, to an officer of another initiative and for a foreign id", async () => {
    for (const [who, initiative] of [
      [f.admin, f.tierp.initiative],
      [f.officers.heby, f.tierp.initiative],
      [f.officers.tierp, "00000000-0000-4000-8000-000000000000"],
      [f.officers.tierp, "inte-ett-id"],
    ] as const)
      await expect(
        formForEditing(t.db, who, f.associationId, initiative, "kort"),
      ).rejects.toBeInstanceOf(NotFoundError);
  });
});
