// Budget against outcome against a real database, with figures computed by hand: the ratio per
// period and for the year to date (outcome ÷ budget, whole per cent, half away from zero), each
// rule of the suggested prognosis, the office's override with its required comment, the
// association's year with totals per orientation, and the normal band.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { auditEvents } from "../audit/schema.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { periodicReports } from "../reports/schema.ts";
import {
  fixtureActor as actor,
  moneyAssociation,
  moneyInitiative,
  writeBudget,
  writeRequisition,
} from "./finance-test-fixtures.ts";
import {
  ACTION_MARGIN,
  asOfForYear,
  associationMoney,
  getFinanceBand,
  initiativeMoney,
  listPrognosisOverrides,
  setPrognosisOverride,
  suggestPrognosis,
} from "./outcome.ts";
import { recordReturnedFunds } from "./returned-funds.ts";
import { saveFinanceBand } from "./settings.ts";

let t: TestDatabase;
let associationId = "";
const ids = { a: "", b: "", c: "", d: "", e: "" };
const AS_OF = "2026-07-15";

const fieldsOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
};

const quarters = (year: number, amounts: number[]) =>
  Object.fromEntries(amounts.map((amount, i) => [`${year}-K${i + 1}`, [{ amount }]]));

beforeAll(async () => {
  t = await createTestDatabase();
  const made = await moneyAssociation(t.db, "utfall");
  associationId = made.associationId;
  const { orgs } = made;
  const initiative = (name: string, o: Parameters<typeof moneyInitiative>[5] = {}) =>
    moneyInitiative(t.db, associationId, orgs.tierp, orgs.fk, name, o);
  ids.a = await initiative("A Tierp, Växtverket");
  ids.b = await initiative("B Region, Samverkansteam", { orientation: "structural" });
  ids.c = await initiative("C Heby, IPS");
  ids.d = await initiative("D Knivsta, Föreningsbron", {
    status: "avslutad",
    endDate: "2026-03-31",
  });
  ids.e = await initiative("E Enköping, Nystart", { startDate: "2026-07-01" });

  // A: 100 000 a quarter, 20 000 co-financing in K1; K1 and K2 approved
  await writeBudget(t.db, associationId, ids.a, {
    ...quarters(2026, [100_000, 100_000, 100_000, 100_000]),
    "2026-K1": [
      { amount: 100_000 },
      {
        amount: 20_000,
        source: "medfinansiering",
        organisationId: orgs.tierp,
        coKind: "personaltid",
      },
    ],
  });
  await writeRequisition(t.db, associationId, ids.a, "2026-K1", "godkand", [
    { amount: 80_000, category: "personal" },
    { amount: 10_000, category: "lokaler" },
    {
      amount: 20_000,
      source: "medfinansiering",
      organisationId: orgs.tierp,
      coKind: "personaltid",
    },
  ]);
  await writeRequisition(t.db, associationId, ids.a, "2026-K2", "godkand", [{ amount: 95_000 }], {
    paidOn: "2026-07-10",
  });
  // B: 50 000 a quarter; K1 approved 30 000, K2 submitted (no outcome yet)
  await writeBudget(t.db, associationId, ids.b, quarters(2026, [50_000, 50_000]));
  await writeRequisition(t.db, associationId, ids.b, "2026-K1", "godkand", [{ amount: 30_000 }]);
  await writeRequisition(t.db, associationId, ids.b, "2026-K2", "inskickad", [{ amount: 40_000 }]);
  // C: 100 000 a quarter, 70 000 spent in each
  await writeBudget(t.db, associationId, ids.c, quarters(2026, [100_000, 100_000]));
  await writeRequisition(t.db, associationId, ids.c, "2026-K1", "godkand", [{ amount: 70_000 }]);
  await writeRequisition(t.db, associationId, ids.c, "2026-K2", "godkand", [{ amount: 70_000 }]);
  // D: ended, all spent
  await writeBudget(t.db, associationId, ids.d, { "2026-K1": [{ amount: 60_000 }] });
  await writeRequisition(t.db, associationId, ids.d, "2026-K1", "godkand", [{ amount: 60_000 }]);
  // E: starts in K3; no budgeted period has ended
  await writeBudget(t.db, associationId, ids.e, { "2026-K3": [{ amount: 80_000 }] });
  await recordReturnedFunds(
    t.db,
    actor,
    associationId,
    ids.c,
    { amount: "15 000", reason: "Vakans under april och maj", returnedOn: "2026-07-01" },
    { today: AS_OF },
  );
});

afterAll(async () => {
  await t?.drop();
});

describe("the suggested prognosis, rule by rule", () => {
  const band = { low: 80, high: 110 };
  const suggest = (ratioPercent: number | null, o: { ended?: boolean; inPhase?: string } = {}) =>
    suggestPrognosis({
      ended: o.ended ?? false,
      ratioPercent,
      band,
      latestInPhase: o.inPhase ?? null,
    });

  it("Avslutad for an ended initiative, whatever its ratio", () => {
    expect(suggest(30, { ended: true })).toEqual({
      prognosis: "avslutad",
      reason: "Insatsen är avslutad.",
    });
  });
  it("OK without a ratio (no budgeted period has ended)", () => {
    expect(suggest(null).prognosis).toBe("ok");
    expect(suggest(null).reason).toMatch(/ingen förbrukningskvot än/);
  });
  it("OK within the band, both limits included", () => {
    expect(suggest(80).prognosis).toBe("ok");
    expect(suggest(110).prognosis).toBe("ok");
    expect(suggest(93).reason).toBe(
      "Förbrukningskvoten hittills i år, 93 %, ligger inom normalintervallet 80–110 %.",
    );
  });
  it("Bevaka outside the band, up to the action margin", () => {
    expect(ACTION_MARGIN).toBe(20);
    expect(suggest(79)).toEqual({
      prognosis: "bevaka",
      reason: "Förbrukningskvoten hittills i år, 79 %, ligger under normalintervallet 80–110 %.",
    });
    expect(suggest(60).prognosis).toBe("bevaka");
    expect(suggest(130).prognosis).toBe("bevaka");
    expect(suggest(111).reason).toMatch(/ligger över normalintervallet/);
  });
  it("Åtgärd more than the margin outside the band", () => {
    expect(suggest(59).prognosis).toBe("atgard");
    expect(suggest(131).prognosis).toBe("atgard");
    expect(suggest(131).reason).toMatch(/mer än 20 procentenheter över/);
  });
  it("Åtgärd outside the band when the latest report says the initiative is not in phase", () => {
    expect(suggest(75, { inPhase: "nej" }).prognosis).toBe("atgard");
    expect(suggest(75, { inPhase: "nej" }).reason).toMatch(/inte ligger i fas/);
    // within the band the report alone does not change the suggestion
    expect(suggest(95, { inPhase: "nej" }).prognosis).toBe("ok");
    expect(suggest(75, { inPhase: "ja" }).prognosis).toBe("bevaka");
  });
});

describe("an initiative's money", () => {
  it("computes each period's ratio and the year to date by hand", async () => {
    const m = await initiativeMoney(t.db, associationId, ids.a, AS_OF);
    const p = Object.fromEntries(m.periods.map((x) => [x.periodKey, x]));
    expect(p["2026-K1"]).toMatchObject({
      budget: 100_000,
      coFinancingBudget: 20_000,
      outcome: 90_000,
      coFinancingOutcome: 20_000,
      ratioPercent: 90,
      ended: true,
    });
    expect(p["2026-K2"]).toMatchObject({ budget: 100_000, outcome: 95_000, ratioPercent: 95 });
    expect(p["2026-K2"]?.requisition).toMatchObject({ status: "godkand", paymentStatus: "betald" });
    expect(p["2026-K3"]).toMatchObject({ budget: 100_000, outcome: 0, ended: false });
    // (90 000 + 95 000) ÷ (100 000 + 100 000) = 92,5 % → 93 %
    expect(m.yearToDate).toEqual({
      budget: 200_000,
      outcome: 185_000,
      ratioPercent: 93,
      periods: ["2026-K1", "2026-K2"],
    });
    expect(m.suggested.prognosis).toBe("ok");
    expect(m.prognosis).toBe("ok");
  });

  it("counts only approved requisitions: a submitted one is not outcome", async () => {
    const m = await initiativeMoney(t.db, associationId, ids.b, AS_OF);
    // 30 000 ÷ 100 000 = 30 %: more than 20 points under 80 %
    expect(m.yearToDate).toMatchObject({ budget: 100_000, outcome: 30_000, ratioPercent: 30 });
    expect(m.periods.find((x) => x.periodKey === "2026-K2")).toMatchObject({
      outcome: 0,
      requisition: { status: "inskickad" },
    });
    expect(m.suggested.prognosis).toBe("atgard");
  });

  it("suggests Bevaka at 70 %, and Åtgärd once the latest report says not in phase", async () => {
    const before = await initiativeMoney(t.db, associationId, ids.c, AS_OF);
    expect(before.yearToDate.ratioPercent).toBe(70);
    expect(before.suggested.prognosis).toBe("bevaka");
    await t.db.insert(periodicReports).values({
      associationId,
      initiativeId: ids.c,
      periodKey: "2026-K2",
      periodStart: "2026-04-01",
      periodEnd: "2026-06-30",
      dueDate: "2026-07-31",
      status: "inskickad",
      content: { answers: { inPhase: { answer: "nej", comment: "Två vakanser" } } },
      steeringAnalysis: {},
    });
    const after = await initiativeMoney(t.db, associationId, ids.c, AS_OF);
    expect(after.suggested.prognosis).toBe("atgard");
    expect(after.suggested.reason).toMatch(/inte ligger i fas/);
  });

  it("suggests Avslutad for an ended initiative and OK before any budgeted period has ended", async () => {
    expect((await initiativeMoney(t.db, associationId, ids.d, AS_OF)).suggested.prognosis).toBe(
      "avslutad",
    );
    const e = await initiativeMoney(t.db, associationId, ids.e, AS_OF);
    expect(e.yearToDate.ratioPercent).toBeNull();
    expect(e.suggested.prognosis).toBe("ok");
  });
});

describe("the office's override", () => {
  it("applies to the latest ended period, keeps the suggestion, and is audited", async () => {
    const set = await setPrognosisOverride(
      t.db,
      actor,
      associationId,
      ids.a,
      "2026-K2",
      "bevaka",
      "  Rekryteringen till hösten är osäker.  ",
      { today: AS_OF },
    );
    expect(set).toMatchObject({ periodKey: "2026-K2", prognosis: "bevaka", setByName: "test" });
    expect(set.comment).toBe("Rekryteringen till hösten är osäker.");
    const m = await initiativeMoney(t.db, associationId, ids.a, AS_OF);
    expect(m.suggested.prognosis).toBe("ok");
    expect(m.prognosis).toBe("bevaka");
    expect(m.override?.comment).toBe("Rekryteringen till hösten är osäker.");
    await setPrognosisOverride(t.db, actor, associationId, ids.a, "2026-K2", "ok", "Rekryterat.", {
      today: AS_OF,
    });
    const history = await listPrognosisOverrides(t.db, associationId, ids.a);
    expect(history.map((h) => h.prognosis)).toEqual(["ok", "bevaka"]);
    expect((await initiativeMoney(t.db, associationId, ids.a, AS_OF)).prognosis).toBe("ok");
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "prognosis.overridden"))
      .orderBy(auditEvents.seq);
    expect(events).toHaveLength(2);
    expect(events[0]?.details).toMatchObject({ periodKey: "2026-K2", prognosis: "bevaka" });
  });

  it("once the next period has ended, the new period's suggestion applies again", async () => {
    const m = await initiativeMoney(t.db, associationId, ids.a, "2026-10-15");
    expect(m.latestPeriod?.periodKey).toBe("2026-K3");
    expect(m.override).toBeNull();
  });

  it("refuses a missing comment, an unknown prognosis and a period that is not the initiative's or has not ended", async () => {
    const fields = await fieldsOf(
      setPrognosisOverride(t.db, actor, associationId, ids.a, "2026-K3", "kanske", "   ", {
        today: AS_OF,
      }),
    );
    expect(fields).toEqual({
      prognosis: "Välj en prognos: OK, Bevaka, Åtgärd eller Avslutad.",
      comment: "Skriv varför prognosen ska vara en annan än den föreslagna. Kommentaren krävs.",
      periodKey:
        "Perioden 2026-K3 har inte slutat än. Prognosen sätts för en period som har slutat.",
    });
    const outside = await fieldsOf(
      setPrognosisOverride(t.db, actor, associationId, ids.a, "2031-K1", "ok", "x", {
        today: AS_OF,
      }),
    );
    expect(outside.periodKey).toMatch(/hör inte till insatsen/);
    await expect(
      setPrognosisOverride(t.db, actor, associationId, crypto.randomUUID(), "2026-K1", "ok", "x"),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await listPrognosisOverrides(t.db, associationId, ids.a)).toHaveLength(2);
  });
});

describe("the association's year", () => {
  it("lists every initiative with money in the year and totals per orientation, by hand", async () => {
    const year = await associationMoney(t.db, associationId, 2026, AS_OF);
    expect(year.asOf).toBe(AS_OF);
    expect(
      year.initiatives.map((i) => [
        i.name,
        i.yearBudget,
        i.yearOutcome,
        i.ratioPercent,
        i.prognosis,
      ]),
    ).toEqual([
      ["A Tierp, Växtverket", 400_000, 185_000, 93, "ok"],
      ["B Region, Samverkansteam", 100_000, 30_000, 30, "atgard"],
      ["C Heby, IPS", 200_000, 140_000, 70, "atgard"],
      ["D Knivsta, Föreningsbron", 60_000, 60_000, 100, "avslutad"],
      ["E Enköping, Nystart", 80_000, 0, null, "ok"],
    ]);
    expect(year.initiatives.find((i) => i.name.startsWith("C"))?.returned).toBe(15_000);
    expect(year.totals.individual).toEqual({
      initiatives: 4,
      yearBudget: 740_000,
      yearOutcome: 385_000,
      yearCoFinancingBudget: 20_000,
      yearCoFinancingOutcome: 20_000,
      ytdBudget: 460_000,
      ytdOutcome: 385_000,
      // 385 000 ÷ 460 000 = 83,7 %
      ratioPercent: 84,
      returned: 15_000,
    });
    expect(year.totals.structural).toMatchObject({
      initiatives: 1,
      yearBudget: 100_000,
      ytdOutcome: 30_000,
      ratioPercent: 30,
    });
    expect(year.totals.all).toMatchObject({
      initiatives: 5,
      yearBudget: 840_000,
      yearOutcome: 415_000,
      ytdBudget: 560_000,
      // 415 000 ÷ 560 000 = 74,1 %
      ratioPercent: 74,
    });
    // a year without money lists nothing
    expect((await associationMoney(t.db, associationId, 2024, AS_OF)).initiatives).toEqual([]);
  });

  it("brings the day of the figures into the year", () => {
    expect(asOfForYear(2026, "2026-07-15")).toBe("2026-07-15");
    expect(asOfForYear(2025, "2026-07-15")).toBe("2025-12-31");
    expect(asOfForYear(2027, "2026-07-15")).toBe("2027-01-01");
  });
});

describe("the normal band", () => {
  it("is 80–110 % until saved; saved at the version read; a wider band makes 70 % OK", async () => {
    expect(await getFinanceBand(t.db, associationId)).toEqual({ low: 80, high: 110, version: 0 });
    const fields = await fieldsOf(
      saveFinanceBand(t.db, actor, associationId, 0, { low: "90", high: "85 %" }),
    );
    expect(fields).toEqual({
      high: "Den övre gränsen (85 %) får inte vara lägre än den nedre (90 %).",
    });
    const bad = await fieldsOf(
      saveFinanceBand(t.db, actor, associationId, 0, { low: "7,5", high: "" }),
    );
    expect(Object.keys(bad).sort()).toEqual(["high", "low"]);
    expect(bad.low).toMatch(/utan decimaler/);
    const saved = await saveFinanceBand(t.db, actor, associationId, 0, {
      low: "50",
      high: "120 %",
    });
    expect(saved).toEqual({ low: 50, high: 120, version: 1 });
    await expect(
      saveFinanceBand(t.db, actor, associationId, 0, { low: 80, high: 110 }),
    ).rejects.toBeInstanceOf(ConflictError);
    const c = await initiativeMoney(t.db, associationId, ids.c, AS_OF);
    expect(c.band).toEqual({ low: 50, high: 120 });
    expect(c.suggested.prognosis).toBe("ok");
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "finance_settings.updated"))
      .orderBy(auditEvents.seq);
    expect(event?.details).toMatchObject({ low: 50, high: 120, before: null });
  });
});
