// The association's money of a year against a real database: the ½ · ¼ · ¼ split with the
// municipal key (by hand, and as a property: the parts always add up to the total), the
// year's funds saved at the version read and refused field by field, and the computed equity
// at the end of the year with each of its terms.
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { auditEvents } from "../audit/schema.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import { parseSignedKronor, sumKronor } from "../platform/money.ts";
import {
  equityAtYearEnd,
  type FundingMember,
  fundingSplit,
  getFundingYear,
  saveFundingYear,
  splitRuleText,
  yearOverview,
} from "./association-money.ts";
import {
  fixtureActor as actor,
  moneyAssociation,
  moneyInitiative,
  writeBudget,
  writeRequisition,
} from "./finance-test-fixtures.ts";
import { recordReturnedFunds } from "./returned-funds.ts";
import { fundingShares } from "./schema.ts";

let t: TestDatabase;
let associationId = "";
let orgs: Awaited<ReturnType<typeof moneyAssociation>>["orgs"];

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
  ({ associationId, orgs } = await moneyAssociation(t.db, "pengar"));
});

afterAll(async () => {
  await t?.drop();
});

const member = (
  kind: FundingMember["kind"],
  name: string,
  keyValue: number | null = null,
): FundingMember => ({ organisationId: name, name, kind, keyValue });

describe("the split of the allocated funds", () => {
  it("gives Försäkringskassan half, the region a quarter and the municipalities a quarter by population", () => {
    const split = fundingSplit(10_000_001, [
      member("forsakringskassan", "Försäkringskassan"),
      member("arbetsformedlingen", "Arbetsförmedlingen"),
      member("region", "Region Uppsala"),
      member("kommun", "Heby kommun", 14_000),
      member("kommun", "Tierps kommun", 21_000),
      member("kommun", "Uppsala kommun", 242_140),
    ]);
    const by = Object.fromEntries(split.rows.map((r) => [r.name, [r.amount, r.basis]]));
    // 10 000 001 = 5 000 001 + 2 500 000 + 2 500 000; the odd krona goes to the largest remainder
    expect(by.Försäkringskassan).toEqual([5_000_001, "half"]);
    expect(by.Arbetsförmedlingen).toEqual([0, "paidByFk"]);
    expect(by["Region Uppsala"]).toEqual([2_500_000, "equal"]);
    // 2 500 000 × 14 000 / 277 140 = 126 290,03…; × 21 000 → 189 435,01…; × 242 140 → 2 184 274,96…
    expect(by["Heby kommun"]).toEqual([126_290, "key"]);
    expect(by["Tierps kommun"]).toEqual([189_435, "key"]);
    expect(by["Uppsala kommun"]).toEqual([2_184_275, "key"]);
    expect(split.unassigned).toBe(0);
    expect(split.groups.map((g) => [g.group, g.share, g.amount])).toEqual([
      ["forsakringskassan", "1/2", 5_000_001],
      ["region", "1/4", 2_500_000],
      ["kommun", "1/4", 2_500_000],
    ]);
    const uppsala = split.rows.find((r) => r.name === "Uppsala kommun");
    if (!uppsala) throw new Error("no row");
    expect(splitRuleText(uppsala, split)).toBe(
      "Del av kommunernas fjärdedel efter nyckel: 242140 av 277140.",
    );
  });

  it("splits equally without keys, and keeps a group without members unassigned", () => {
    const split = fundingSplit(100, [
      member("forsakringskassan", "FK"),
      member("kommun", "A"),
      member("kommun", "B"),
      member("kommun", "C"),
    ]);
    expect(split.rows.map((r) => [r.name, r.amount])).toEqual([
      ["FK", 50],
      ["A", 9],
      ["B", 8],
      ["C", 8],
    ]);
    expect(split.unassigned).toBe(25);
  });

  it("always adds up to the total, whatever the keys (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000_000 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 3 }),
        (total, municipalKeys, regionKeys) => {
          const members = [
            member("forsakringskassan", "FK"),
            member("arbetsformedlingen", "AF"),
            ...regionKeys.map((k, i) => member("region", `R${i}`, k)),
            ...municipalKeys.map((k, i) => member("kommun", `K${i}`, k)),
          ];
          const split = fundingSplit(total, members);
          expect(sumKronor(split.rows.map((r) => r.amount)) + split.unassigned).toBe(total);
          for (const g of split.groups) {
            const parts = split.rows.filter((r) => r.group === g.group).map((r) => r.amount);
            const missing =
              parts.length === 0 ||
              split.rows.filter((r) => r.group === g.group).every((r) => r.basis === "missingKey");
            expect(sumKronor(parts)).toBe(missing ? 0 : g.amount);
          }
          expect(split.rows.every((r) => Number.isSafeInteger(r.amount) && r.amount >= 0)).toBe(
            true,
          );
        },
      ),
    );
  });
});

const input = (over: Record<string, unknown> = {}) => ({
  totalAllocation: "10 000 001",
  equityOpening: "−150 000",
  adminBudget: "900 000 kr",
  adminOutcome: "",
  note: "Beslut i styrelsen 2025-12-10 § 4",
  keys: {
    [orgs.region]: "",
    [orgs.uppsala]: "242 140",
    [orgs.tierp]: "21000",
    [orgs.heby]: "14 000",
  },
  ...over,
});

describe("a signed amount (the equity)", () => {
  it("takes one leading minus, hyphen or minus sign, and nothing else", () => {
    expect(parseSignedKronor("−150 000 kr")).toBe(-150_000);
    expect(parseSignedKronor("-150000")).toBe(-150_000);
    expect(parseSignedKronor(" 2 500 000,00")).toBe(2_500_000);
    expect(parseSignedKronor("-0")).toBe(0);
    expect(parseSignedKronor(-42)).toBe(-42);
    expect(parseSignedKronor("")).toBeNull();
    for (const bad of ["-", "--5", "5-", "12-3", "−1,5", "minus fem", "+5"])
      expect(parseSignedKronor(bad)).toBe("invalid");
  });
});

describe("the year's funds", () => {
  it("is empty until saved, then saved at the version read with keys and an audit event", async () => {
    const empty = await getFundingYear(t.db, associationId, 2026);
    expect(empty.saved).toBe(false);
    expect(empty.version).toBe(0);
    const saved = await saveFundingYear(t.db, actor, associationId, 2026, 0, input());
    expect(saved).toMatchObject({
      saved: true,
      version: 1,
      totalAllocation: 10_000_001,
      equityOpening: -150_000,
      adminBudget: 900_000,
      adminOutcome: null,
      note: "Beslut i styrelsen 2025-12-10 § 4",
    });
    expect(sumKronor(saved.split.rows.map((r) => r.amount))).toBe(10_000_001);
    expect(saved.split.rows.find((r) => r.organisationId === orgs.uppsala)?.amount).toBe(2_184_275);
    const shares = await t.db
      .select()
      .from(fundingShares)
      .where(and(eq(fundingShares.associationId, associationId), eq(fundingShares.year, 2026)));
    expect(shares).toHaveLength(4);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "funding_year.saved"))
      .orderBy(auditEvents.seq);
    expect(event?.details).toMatchObject({
      year: 2026,
      totalAllocation: 10_000_001,
      equityOpening: -150_000,
    });

    // a second person with the old version is refused, nothing changes
    await expect(
      saveFundingYear(t.db, actor, associationId, 2026, 0, input({ totalAllocation: "1" })),
    ).rejects.toBeInstanceOf(ConflictError);
    const again = await saveFundingYear(
      t.db,
      actor,
      associationId,
      2026,
      1,
      input({ adminOutcome: "875 500", keys: {} }),
    );
    expect(again.version).toBe(2);
    expect(again.adminOutcome).toBe(875_500);
    // without keys the municipalities share equally: 833 334 + 833 333 + 833 333
    expect(
      again.split.rows.filter((r) => r.kind === "kommun").map((r) => [r.name, r.amount, r.basis]),
    ).toEqual([
      ["Heby kommun", 833_334, "equal"],
      ["Tierps kommun", 833_333, "equal"],
      ["Uppsala kommun", 833_333, "equal"],
    ]);
  });

  it("refuses bad input with the field named, and stores nothing", async () => {
    const fields = await fieldsOf(
      saveFundingYear(
        t.db,
        actor,
        associationId,
        2027,
        0,
        input({
          totalAllocation: "-5",
          equityOpening: "12-3",
          adminBudget: "tio",
          adminOutcome: "1,5",
          keys: { [orgs.uppsala]: "många", [orgs.tierp]: "21 000", [orgs.heby]: "" },
        }),
      ),
    );
    expect(Object.keys(fields).sort()).toEqual(
      [
        "totalAllocation",
        "equityOpening",
        "adminBudget",
        "adminOutcome",
        `key.${orgs.uppsala}`,
        `key.${orgs.heby}`,
      ].sort(),
    );
    expect(fields.totalAllocation).toMatch(/Minusbelopp går inte/);
    expect(fields.equityOpening).toMatch(/minustecken först/);
    expect(fields[`key.${orgs.heby}`]).toMatch(/Ange nyckeln för Heby kommun också/);
    const missing = await fieldsOf(
      saveFundingYear(t.db, actor, associationId, 2027, 0, {
        totalAllocation: "",
        equityOpening: "",
        adminBudget: "",
      }),
    );
    expect(Object.keys(missing).sort()).toEqual([
      "adminBudget",
      "equityOpening",
      "totalAllocation",
    ]);
    const foreign = await fieldsOf(
      saveFundingYear(t.db, actor, associationId, 2027, 0, input({ keys: { [orgs.fk]: "5" } })),
    );
    expect(foreign[`key.${orgs.fk}`]).toMatch(/regioner och kommuner/);
    expect((await getFundingYear(t.db, associationId, 2027)).saved).toBe(false);
  });

  it("refuses to split money when a member kind is missing", async () => {
    const lonely = (await createAssociation(t.db, actor, { slug: "ensam", name: "Ensam" })).id;
    const fields = await fieldsOf(
      saveFundingYear(t.db, actor, lonely, 2026, 0, {
        totalAllocation: "100",
        equityOpening: "0",
        adminBudget: "0",
      }),
    );
    expect(fields.totalAllocation).toMatch(
      /saknar medlem av slaget Försäkringskassan, region och kommun\./,
    );
  });
});

describe("the computed equity at the end of the year", () => {
  it("is opening + allocation + returned funds − initiatives' outcome − administrative costs", () => {
    expect(
      equityAtYearEnd({
        opening: -150_000,
        allocation: 10_000_001,
        returnedFunds: 15_000,
        initiativesOutcome: 355_000,
        adminBudget: 900_000,
        adminOutcome: null,
      }),
    ).toEqual({
      opening: -150_000,
      allocation: 10_000_001,
      returnedFunds: 15_000,
      initiativesOutcome: 355_000,
      adminCosts: 900_000,
      adminBasis: "budget",
      closing: 8_610_001,
    });
    expect(
      equityAtYearEnd({
        opening: 0,
        allocation: 100,
        returnedFunds: 0,
        initiativesOutcome: 30,
        adminBudget: 50,
        adminOutcome: 60,
      }),
    ).toMatchObject({ adminCosts: 60, adminBasis: "utfall", closing: 10 });
  });

  it("takes its terms from the year's funds, approved outcome (association funds only) and returned funds", async () => {
    const initiative = await moneyInitiative(
      t.db,
      associationId,
      orgs.tierp,
      orgs.fk,
      "Tierp, Växtverket",
    );
    await writeBudget(t.db, associationId, initiative, {
      "2028-K1": [{ amount: 100_000 }],
      "2028-K2": [{ amount: 100_000 }],
    });
    await writeRequisition(t.db, associationId, initiative, "2028-K1", "godkand", [
      { amount: 90_000 },
      {
        amount: 20_000,
        source: "medfinansiering",
        organisationId: orgs.tierp,
        coKind: "personaltid",
      },
    ]);
    // submitted but not approved: no outcome yet
    await writeRequisition(t.db, associationId, initiative, "2028-K2", "inskickad", [
      { amount: 99_000 },
    ]);
    await saveFundingYear(t.db, actor, associationId, 2028, 0, {
      totalAllocation: "1 000 000",
      equityOpening: "200 000",
      adminBudget: "100 000",
      adminOutcome: "120 000",
    });
    await recordReturnedFunds(
      t.db,
      actor,
      associationId,
      initiative,
      { amount: "5 000", reason: "Vakans i mars", returnedOn: "2028-04-10" },
      { today: "2028-12-31" },
    );
    const overview = await yearOverview(t.db, associationId, 2028, "2028-12-31");
    expect(overview.equity).toEqual({
      opening: 200_000,
      allocation: 1_000_000,
      returnedFunds: 5_000,
      initiativesOutcome: 90_000,
      adminCosts: 120_000,
      adminBasis: "utfall",
      // 200 000 + 1 000 000 + 5 000 − 90 000 − 120 000
      closing: 995_000,
    });
  });
});
