// The follow-up's pure parts, by hand: how a period is named, how an initiative is named after
// its owner's municipality, sums and shares over the two groups of table 6, the change of
// table 8 through disclosure control, the rule for "behind target", the colours of table 2,
// and the fraction a shown share stands for.
import { describe, expect, it } from "vitest";
import { fractionOf } from "./audit.ts";
import type { InitiativeFacts } from "./initiatives.ts";
import { municipalityName, reportName } from "./initiatives.ts";
import { checkPeriod, daysInclusive, periodLabel, quarterOf } from "./period.ts";
import { behindTarget, changeOf, sumCells, sumShare } from "./sections-participants.ts";
import { goalColour } from "./sections-reports.ts";
import { listWords } from "./summary.ts";

const v = (value: number) => ({ value });
const P = { suppressed: "primary" as const, threshold: 5 };
const S = { suppressed: "secondary" as const, threshold: 5 };
const L = { suppressed: "left_out" as const, threshold: 5 };
const five = { threshold: 5, allowTrueZero: false };

describe("the period", () => {
  it("is named by its quarters, tertials or year, else by its dates", () => {
    expect(periodLabel("2026-01-01", "2026-06-30")).toBe("kvartal 1 och 2 2026");
    expect(periodLabel("2026-04-01", "2026-06-30")).toBe("kvartal 2 2026");
    expect(periodLabel("2026-01-01", "2026-09-30")).toBe("kvartal 1–3 2026");
    expect(periodLabel("2026-01-01", "2026-12-31")).toBe("2026");
    expect(periodLabel("2026-01-01", "2026-04-30")).toBe("tertial 1 2026");
    expect(periodLabel("2026-05-01", "2026-12-31")).toBe("tertial 2 och 3 2026");
    expect(periodLabel("2026-01-01", "2026-08-31")).toBe("tertial 1 och 2 2026");
    expect(periodLabel("2026-01-01", "2026-07-31")).toBe("2026-01-01 – 2026-07-31");
    expect(periodLabel("2025-07-01", "2026-06-30")).toBe("2025-07-01 – 2026-06-30");
    expect(periodLabel("2026-01-15", "2026-06-30")).toBe("2026-01-15 – 2026-06-30");
  });

  it("checks its dates and counts days and quarters", () => {
    expect(() => checkPeriod("2026-02-30", "2026-06-30")).toThrow(/ÅÅÅÅ-MM-DD/);
    expect(() => checkPeriod("2026-07-01", "2026-06-30")).toThrow(/Byt plats/);
    expect(daysInclusive("2025-01-01", "2027-12-31")).toBe(1095);
    expect(daysInclusive("2026-04-01", "2026-06-30")).toBe(91);
    expect(daysInclusive("2026-07-01", "2026-06-30")).toBe(0);
    expect(quarterOf("2026-05-31")).toEqual({ key: "2026-K2", label: "kvartal 2 2026" });
    expect(listWords(["a", "b", "c"])).toBe("a, b och c");
  });
});

describe("names", () => {
  it("takes the municipality from the owner, keeping names that end in s", () => {
    expect(municipalityName("Tierps kommun")).toBe("Tierp");
    expect(municipalityName("Heby kommun")).toBe("Heby");
    expect(municipalityName("Östhammars kommun")).toBe("Östhammar");
    expect(municipalityName("Borås kommun")).toBe("Borås");
    expect(municipalityName("Hofors kommun")).toBe("Hofors");
    expect(municipalityName("Bollnäs kommun")).toBe("Bollnäs");
  });

  it("prefixes an initiative's name with its owner unless it already is", () => {
    const tierp = { name: "Tierps kommun", kind: "kommun" };
    expect(reportName("Tierp, Växtverket", tierp)).toBe("Tierp, Växtverket");
    expect(reportName("Växtverket", tierp)).toBe("Tierp, Växtverket");
    expect(reportName("Region, Samverkansteam", { name: "Region Uppsala", kind: "region" })).toBe(
      "Region, Samverkansteam",
    );
    expect(reportName("Jobbspår", { name: "Arbetsförmedlingen", kind: "arbetsformedlingen" })).toBe(
      "Arbetsförmedlingen, Jobbspår",
    );
  });
});

describe("sums over the groups", () => {
  it("shows a sum of shown parts, a lone hidden part beside zeros as it is, else leaves it out", () => {
    expect(sumCells([v(7), v(12)], 5)).toEqual(v(19));
    expect(sumCells([P, v(0)], 5)).toEqual(P);
    expect(sumCells([v(0), S], 5)).toEqual(S);
    expect(sumCells([P, v(8)], 5)).toEqual(L);
    expect(sumCells([P, P], 5)).toEqual(L);
    expect(sumCells([], 5)).toEqual(v(0));
  });

  it("computes a share from shown counts only, through protectShare", () => {
    const part = (n: number, d: number) => ({
      numerator: v(n),
      denominator: v(d),
      share: { ratio: n / d },
    });
    expect(sumShare([part(6, 10), part(9, 20)], five)).toEqual({ ratio: 15 / 30 });
    // 3 + 1 = 4 is below the threshold: not shown
    expect(sumShare([part(3, 10), part(1, 20)], five)).toEqual({
      suppressed: "numerator",
      threshold: 5,
    });
    // the other group has nobody in the denominator: the one group's share as it is
    expect(
      sumShare([{ numerator: P, denominator: v(12), share: S as never }, part(0, 0)], five),
    ).toEqual(S);
    expect(sumShare([{ numerator: P, denominator: v(12), share: L }, part(5, 10)], five)).toEqual(
      L,
    );
  });
});

describe("the change of table 8", () => {
  it("is a count of people: small changes are hidden, and hidden sides hide it", () => {
    expect(changeOf(v(60), v(40), five)).toEqual({ change: v(20), changeNegative: false });
    expect(changeOf(v(40), v(52), five)).toEqual({ change: v(12), changeNegative: true });
    expect(changeOf(v(43), v(40), five)).toEqual({ change: P, changeNegative: false });
    expect(changeOf(v(40), v(43), five)).toEqual({ change: P, changeNegative: false });
    expect(changeOf(v(40), v(40), five)).toEqual({ change: P, changeNegative: false });
    expect(changeOf(v(40), v(40), { threshold: 5, allowTrueZero: true })).toEqual({
      change: v(0),
      changeNegative: false,
    });
    expect(changeOf(P, v(40), five)).toEqual({ change: L, changeNegative: false });
    expect(changeOf(v(40), S, five)).toEqual({ change: L, changeNegative: false });
    expect(changeOf(v(40), undefined, five)).toEqual({ change: null, changeNegative: false });
    expect(changeOf(v(41), v(40), { threshold: 0, allowTrueZero: false })).toEqual({
      change: v(1),
      changeNegative: false,
    });
  });
});

describe("behind target", () => {
  const initiative = (o: Partial<InitiativeFacts>): InitiativeFacts => ({
    id: "i",
    name: "Tierp, Växtverket",
    registeredName: "Tierp, Växtverket",
    status: "pagaende",
    owner: { id: "o", name: "Tierps kommun", kind: "kommun" },
    partners: [],
    orientation: "individual",
    preRehabilitation: false,
    startDate: "2025-01-01",
    endDate: "2027-12-31",
    plannedEndDate: null,
    expectedParticipants: 100,
    expectedParticipantsOngoing: false,
    ...o,
  });
  const H1 = { from: "2026-01-01", to: "2026-06-30" };

  it("compares the whole time with the expected number pro rata, 80 % of it", () => {
    // 100 × 546 / 1 095 = 49.86; 80 % = 39.9
    expect(behindTarget(initiative({}), v(39), v(0), H1, 5)).toMatchObject({ behind: true });
    expect(behindTarget(initiative({}), v(40), v(0), H1, 5)).toMatchObject({ behind: false });
    expect(behindTarget(initiative({}), v(40), v(0), H1, 5).expectedNow).toBeCloseTo(
      (100 * 546) / 1095,
      6,
    );
    // ended early: the planned time is the original one, and the time gone stops at the end
    const early = initiative({ endDate: "2026-03-31", plannedEndDate: "2027-12-31" });
    // 100 × 455 / 1 095 = 41.55; 80 % = 33.2
    expect(behindTarget(early, v(33), v(0), H1, 5)).toMatchObject({ behind: true });
    expect(behindTarget(early, v(34), v(0), H1, 5)).toMatchObject({ behind: false });
  });

  it("compares the ongoing with 'N löpande' for a running initiative", () => {
    const running = initiative({ expectedParticipants: 15, expectedParticipantsOngoing: true });
    expect(behindTarget(running, v(100), v(11), H1, 5)).toMatchObject({ behind: true });
    expect(behindTarget(running, v(100), v(12), H1, 5)).toMatchObject({ behind: false });
    const ended = initiative({ ...running, endDate: "2026-05-31" });
    expect(behindTarget(ended, v(0), v(0), H1, 5)).toMatchObject({ behind: false });
  });

  it("judges a hidden figure only when its mark settles it", () => {
    // "< 5" is at most 4: behind when 4 is below 80 % of the expected
    expect(behindTarget(initiative({}), P, v(0), H1, 5)).toMatchObject({ behind: true });
    const small = initiative({ expectedParticipants: 8 }); // 8 × 0.4986 × 0.8 = 3.19
    expect(behindTarget(small, P, v(0), H1, 5)).toMatchObject({ behind: false });
    expect(behindTarget(initiative({}), S, v(0), H1, 5)).toMatchObject({ behind: false });
    expect(
      behindTarget(initiative({ expectedParticipants: null }), v(0), v(0), H1, 5),
    ).toMatchObject({
      behind: false,
    });
  });
});

describe("the colours of table 2", () => {
  const deviation = {
    id: "d",
    initiativeId: "i",
    types: ["budget" as const],
    status: "inskickad",
    registryNumber: "2026-0001",
    arrivalDate: "2026-03-01",
    decisionDate: null,
    description: "",
  };
  it("say in words why", () => {
    expect(goalColour("ja", "ja", [], true)).toEqual({
      colour: "green",
      colourText: "Grön: i fas med uppsatta mål.",
    });
    expect(goalColour("ja", "nej", [], true)).toEqual({
      colour: "yellow",
      colourText: "Gul (bevaka): styrgruppens prognos är att målen inte nås.",
    });
    expect(goalColour("ja_kommentar", "ja", [], true).colour).toBe("yellow");
    expect(goalColour("ja", "ja", [deviation], true)).toEqual({
      colour: "red",
      colourText: "Röd: en avvikelserapport under perioden (budget).",
    });
    expect(goalColour("nej", "ingen", [], true).colour).toBe("red");
    expect(goalColour(null, null, [], false)).toEqual({
      colour: "none",
      colourText: "Ingen färg: ingen lägesrapport för perioden.",
    });
  });
});

describe("a shown share as a fraction", () => {
  it("is found again from the ratio", () => {
    expect(fractionOf(25 / 35)).toEqual([5, 7]);
    expect(fractionOf(1)).toEqual([1, 1]);
    expect(fractionOf(0)).toEqual([0, 1]);
    expect(fractionOf(4_861 / 6_007)).toEqual([4_861, 6_007]);
  });
});
