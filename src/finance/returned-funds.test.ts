// Returned funds against a real database: recorded with amount, reason, day and the year they
// concern, with an audit event; refused field by field (no amount, zero, negative or text, no
// reason, a future or impossible day, a year after the day or before the initiative); listed
// newest first, per initiative or year; never for another association's initiative.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { auditEvents } from "../audit/schema.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import {
  fixtureActor as actor,
  moneyAssociation,
  moneyInitiative,
} from "./finance-test-fixtures.ts";
import { listReturnedFunds, recordReturnedFunds } from "./returned-funds.ts";
import { returnedFunds } from "./schema.ts";

let t: TestDatabase;
let associationId = "";
let otherAssociationId = "";
let initiativeId = "";
let otherInitiativeId = "";
const TODAY = "2026-11-23";

const fieldsOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
};

beforeAll(async () => {
  t = await createTestDatabase();
  const one = await moneyAssociation(t.db, "atert");
  associationId = one.associationId;
  initiativeId = await moneyInitiative(
    t.db,
    associationId,
    one.orgs.tierp,
    one.orgs.fk,
    "Tierp, Växtverket",
  );
  const two = await moneyAssociation(t.db, "annat");
  otherAssociationId = two.associationId;
  otherInitiativeId = await moneyInitiative(
    t.db,
    otherAssociationId,
    two.orgs.heby,
    two.orgs.fk,
    "Heby, Vägen ut",
  );
});

afterAll(async () => {
  await t?.drop();
});

describe("returned funds", () => {
  it("records the amount, reason, day and year, with an audit event", async () => {
    const first = await recordReturnedFunds(
      t.db,
      actor,
      associationId,
      initiativeId,
      {
        amount: "45 000 kr",
        reason: " Vakans under kvartal 2 ",
        returnedOn: "2026-02-15",
        year: "2025",
      },
      { today: TODAY },
    );
    expect(first).toMatchObject({
      amount: 45_000,
      reason: "Vakans under kvartal 2",
      returnedOn: "2026-02-15",
      year: 2025,
      createdByName: "test",
    });
    // without a year: the year of the day
    const second = await recordReturnedFunds(
      t.db,
      actor,
      associationId,
      initiativeId,
      { amount: 12_500, reason: "Lägre resekostnader", returnedOn: TODAY },
      { today: TODAY },
    );
    expect(second.year).toBe(2026);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "returned_funds.recorded"))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.details)).toEqual([
      { amount: 45_000, year: 2025, returnedOn: "2026-02-15", reason: "Vakans under kvartal 2" },
      { amount: 12_500, year: 2026, returnedOn: TODAY, reason: "Lägre resekostnader" },
    ]);
    expect((await listReturnedFunds(t.db, associationId)).map((r) => r.amount)).toEqual([
      12_500, 45_000,
    ]);
    expect(
      (await listReturnedFunds(t.db, associationId, { year: 2025 })).map((r) => r.amount),
    ).toEqual([45_000]);
    expect(await listReturnedFunds(t.db, otherAssociationId)).toEqual([]);
  });

  it("refuses bad input with the field named, and stores nothing", async () => {
    const before = (await t.db.select().from(returnedFunds)).length;
    const all = await fieldsOf(
      recordReturnedFunds(
        t.db,
        actor,
        associationId,
        initiativeId,
        { amount: "-100", reason: "  ", returnedOn: "2026-11-24", year: "26" },
        { today: TODAY },
      ),
    );
    expect(Object.keys(all).sort()).toEqual(["amount", "reason", "returnedOn", "year"]);
    expect(all.amount).toMatch(/Minusbelopp går inte/);
    expect(all.returnedOn).toBe(
      "Datumet får inte vara i framtiden. Ange dagen medlen kom tillbaka, senast 2026-11-23.",
    );
    const zero = await fieldsOf(
      recordReturnedFunds(
        t.db,
        actor,
        associationId,
        initiativeId,
        { amount: "0", reason: "x", returnedOn: "2026-02-30" },
        { today: TODAY },
      ),
    );
    expect(zero).toEqual({
      amount: "Beloppet ska vara större än 0 kr.",
      returnedOn: "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-15.",
    });
    const text = await fieldsOf(
      recordReturnedFunds(
        t.db,
        actor,
        associationId,
        initiativeId,
        { amount: "tusen", reason: "x", returnedOn: "2026-03-01", year: "2027" },
        { today: TODAY },
      ),
    );
    expect(Object.keys(text).sort()).toEqual(["amount", "year"]);
    expect(text.year).toMatch(/inte vara senare än året de kom tillbaka \(2026\)/);
    const early = await fieldsOf(
      recordReturnedFunds(
        t.db,
        actor,
        associationId,
        initiativeId,
        { amount: "1", reason: "x", returnedOn: "2026-03-01", year: "2024" },
        { today: TODAY },
      ),
    );
    expect(early.year).toBe("Insatsen började 2025. Ange ett år från och med 2025.");
    expect((await t.db.select().from(returnedFunds)).length).toBe(before);
  });

  it("never records money for another association's initiative", async () => {
    await expect(
      recordReturnedFunds(
        t.db,
        actor,
        associationId,
        otherInitiativeId,
        { amount: "1", reason: "x", returnedOn: "2026-03-01" },
        { today: TODAY },
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
