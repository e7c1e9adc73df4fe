// The association's disclosure control against a real database: the defaults, what may be
// saved (0 or 3–20, typed or given) and the Swedish messages for what may not, the database's
// own check behind it, saving at the version read (ConflictError otherwise) and the audit event.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { auditEvents } from "../audit/schema.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import { createAssociation } from "./create-association.ts";
import {
  getDisclosureSettings,
  parseDisclosureThreshold,
  saveDisclosureSettings,
} from "./disclosure-settings.ts";
import { disclosureSettings } from "./schema.ts";

const actor = { userId: null, label: "test" };
let t: TestDatabase;
let associationId = "";
let otherId = "";

beforeAll(async () => {
  t = await createTestDatabase();
  associationId = (await createAssociation(t.db, actor, { slug: "trosklar", name: "Trösklar" })).id;
  otherId = (await createAssociation(t.db, actor, { slug: "annat", name: "Annat förbund" })).id;
});
afterAll(() => t?.drop());

const fieldsOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
};

describe("parseDisclosureThreshold", () => {
  it("accepts 0 and 3–20, typed with spaces or given as a number", () => {
    expect(parseDisclosureThreshold("0")).toBe(0);
    expect(parseDisclosureThreshold(" 5 ")).toBe(5);
    expect(parseDisclosureThreshold("1\u00a00")).toBe(10);
    expect(parseDisclosureThreshold(3)).toBe(3);
    expect(parseDisclosureThreshold("20")).toBe(20);
  });

  it("says in Swedish what to write instead of text, 1, 2, a fraction or above 20", () => {
    const problem = (value: string | number) => {
      const result = parseDisclosureThreshold(value);
      if (typeof result === "number") throw new Error(`${value} was accepted`);
      return result.problem;
    };
    expect(problem("")).toBe("Fyll i tröskeln: 0 eller ett heltal från 3 till 20, till exempel 5.");
    expect(problem("fem")).toBe(
      "Skriv tröskeln som 0 eller ett heltal från 3 till 20, med siffror och utan decimaler, till exempel 5. Du skrev ”fem”.",
    );
    expect(problem("4,5")).toMatch(/utan decimaler/);
    expect(problem("-3")).toMatch(/med siffror/);
    expect(problem(2.5)).toMatch(/utan decimaler/);
    expect(problem("1")).toBe(
      "Tröskeln 1 skyddar för lite: ”< 1” avslöjar i stort sett värdet. Skriv 0 eller ett heltal från 3 till 20 (0 stänger av röjandekontrollen).",
    );
    expect(problem("2")).toMatch(/^Tröskeln 2 skyddar för lite/);
    expect(problem("21")).toBe(
      "Tröskeln får vara högst 20: med en högre tröskel döljs nästan alla uppgifter. Skriv 0 eller ett heltal från 3 till 20.",
    );
  });
});

describe("the association's disclosure settings", () => {
  it("are the defaults (threshold 5, zeros hidden, version 0) until saved", async () => {
    expect(await getDisclosureSettings(t.db, associationId)).toEqual({
      threshold: 5,
      allowTrueZero: false,
      version: 0,
    });
  });

  it("refuses bad input, naming what to write, and writes nothing", async () => {
    for (const threshold of ["tre", "1", "2", "21", "", "3.0"]) {
      const fields = await fieldsOf(
        saveDisclosureSettings(t.db, actor, associationId, 0, { threshold, allowTrueZero: false }),
      );
      expect(Object.keys(fields)).toEqual(["threshold"]);
      expect(fields.threshold).toMatch(/0 eller ett heltal från 3 till 20/);
    }
    expect(await t.db.$count(disclosureSettings)).toBe(0);
    expect(
      await t.db.$count(auditEvents, eq(auditEvents.action, "disclosure_settings.updated")),
    ).toBe(0);
  });

  it("saves at the version read, with an audit event holding the old and new values", async () => {
    const saved = await saveDisclosureSettings(t.db, actor, associationId, 0, {
      threshold: "10",
      allowTrueZero: false,
    });
    expect(saved).toEqual({ threshold: 10, allowTrueZero: false, version: 1 });
    const again = await saveDisclosureSettings(t.db, actor, associationId, 1, {
      threshold: 3,
      allowTrueZero: true,
    });
    expect(again).toEqual({ threshold: 3, allowTrueZero: true, version: 2 });
    // another association keeps the defaults
    expect((await getDisclosureSettings(t.db, otherId)).threshold).toBe(5);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "disclosure_settings.updated"))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => [e.associationId, e.actorLabel, e.details])).toEqual([
      [
        associationId,
        "test",
        {
          threshold: 10,
          allowTrueZero: false,
          before: { threshold: 5, allowTrueZero: false, defaults: true },
        },
      ],
      [
        associationId,
        "test",
        { threshold: 3, allowTrueZero: true, before: { threshold: 10, allowTrueZero: false } },
      ],
    ]);
  });

  it("refuses a save at an old version (someone else changed it) with ConflictError", async () => {
    const error = await saveDisclosureSettings(t.db, actor, associationId, 1, {
      threshold: 7,
      allowTrueZero: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toMatch(/Någon annan har ändrat röjandekontrollen/);
    // a first save racing another first save: the second finds a row at version 1
    const fresh = await saveDisclosureSettings(t.db, actor, otherId, 0, {
      threshold: 0,
      allowTrueZero: false,
    });
    expect(fresh.version).toBe(1);
    await expect(
      saveDisclosureSettings(t.db, actor, otherId, 0, { threshold: 5, allowTrueZero: false }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await getDisclosureSettings(t.db, associationId)).toEqual({
      threshold: 3,
      allowTrueZero: true,
      version: 2,
    });
  });

  it("is guarded by the database too: a threshold of 1, 2 or above 20 cannot be stored", async () => {
    for (const threshold of [1, 2, 21, -1]) {
      const error = await t.db
        .execute(
          sql`update disclosure_settings set threshold = ${threshold} where association_id = ${associationId}`,
        )
        .catch((e: unknown) => e);
      expect(String((error as { cause?: unknown })?.cause ?? error)).toMatch(
        /disclosure_settings_threshold_check/,
      );
    }
  });
});
