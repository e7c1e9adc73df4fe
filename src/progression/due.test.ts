// The measurement plan's due dates, computed by hand: month arithmetic at the end of a month,
// the grace period's edges, counted follow-ups, the exit, and properties over random plans.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, compareDue, type DueMeasurement, dueOccasions } from "./due.ts";

const V = "v1";
const plan = { instrumentVersionIds: [V], intervalMonths: 3, atExit: true, graceDays: 14 };

describe("addMonths and addDays", () => {
  it("keeps the day, or takes the month's last day when it has none", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-01-31", 2)).toBe("2026-03-31");
    expect(addMonths("2026-08-31", 3)).toBe("2026-11-30");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonths("2026-03-02", 24)).toBe("2028-03-02");
  });
  it("crosses months and years", () => {
    expect(addDays("2026-02-20", 14)).toBe("2026-03-06");
    expect(addDays("2028-02-20", 14)).toBe("2028-03-05");
    expect(addDays("2026-12-25", 10)).toBe("2027-01-04");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("dueOccasions", () => {
  it("lists the zero-point at the start, the follow-ups due so far and the next one", () => {
    const list = dueOccasions(plan, { startDate: "2026-01-31", endDate: null }, [], "2026-08-10");
    expect(list.map((o) => [o.occasion, o.number, o.dueOn, o.status])).toEqual([
      ["nollpunkt", 0, "2026-01-31", "forsenad"],
      ["uppfoljning", 1, "2026-04-30", "forsenad"],
      // 31 Jan + 6 months = 31 Jul; 10 Aug is within the 14 days
      ["uppfoljning", 2, "2026-07-31", "att_gora"],
      ["uppfoljning", 3, "2026-10-31", "kommande"],
    ]);
    expect(list[2]?.lastDayOn).toBe("2026-08-13");
  });

  it("turns overdue on the day the grace period has passed", () => {
    const start = { startDate: "2026-03-02", endDate: null };
    const zero = (today: string) => dueOccasions(plan, start, [], today)[0]?.status;
    expect(zero("2026-03-01")).toBe("kommande");
    expect(zero("2026-03-02")).toBe("att_gora");
    expect(zero("2026-03-15")).toBe("att_gora");
    expect(zero("2026-03-16")).toBe("forsenad");
    // no grace: overdue on the due date itself
    expect(dueOccasions({ ...plan, graceDays: 0 }, start, [], "2026-03-02")[0]?.status).toBe(
      "forsenad",
    );
  });

  it("counts follow-ups: the k-th is done when there are at least k", () => {
    const m: DueMeasurement[] = [
      { instrumentVersionId: V, occasion: "nollpunkt", measuredOn: "2026-01-10" },
      { instrumentVersionId: V, occasion: "uppfoljning", measuredOn: "2026-04-20" },
      // another version's follow-up does not count
      { instrumentVersionId: "v2", occasion: "uppfoljning", measuredOn: "2026-07-20" },
    ];
    const list = dueOccasions(plan, { startDate: "2026-01-10", endDate: null }, m, "2026-09-01");
    expect(list.map((o) => [o.occasion, o.number, o.status])).toEqual([
      ["nollpunkt", 0, "klar"],
      ["uppfoljning", 1, "klar"],
      ["uppfoljning", 2, "forsenad"],
      ["uppfoljning", 3, "kommande"],
    ]);
  });

  it("ends the follow-ups before the end date and adds the exit measurement", () => {
    const list = dueOccasions(
      plan,
      { startDate: "2026-01-10", endDate: "2026-07-10" },
      [],
      "2026-07-15",
    );
    expect(list.map((o) => [o.occasion, o.number, o.dueOn, o.status])).toEqual([
      ["nollpunkt", 0, "2026-01-10", "forsenad"],
      ["uppfoljning", 1, "2026-04-10", "forsenad"],
      // the second follow-up would fall on the end date: the exit measurement replaces it
      ["avslut", 0, "2026-07-10", "att_gora"],
    ]);
    // without the exit occasion and without follow-ups: the zero-point only
    expect(
      dueOccasions(
        { ...plan, atExit: false, intervalMonths: 0 },
        { startDate: "2026-01-10", endDate: "2026-07-10" },
        [],
        "2026-07-15",
      ).map((o) => o.occasion),
    ).toEqual(["nollpunkt"]);
  });

  it("lists every version of the plan", () => {
    const list = dueOccasions(
      { ...plan, instrumentVersionIds: ["a", "b"], intervalMonths: 0 },
      { startDate: "2026-05-01", endDate: null },
      [{ instrumentVersionId: "b", occasion: "nollpunkt", measuredOn: "2026-05-02" }],
      "2026-05-03",
    );
    expect(list.map((o) => [o.instrumentVersionId, o.status])).toEqual([
      ["a", "att_gora"],
      ["b", "klar"],
    ]);
  });

  it("sorts overdue first, then to do, coming and done, by due date within", () => {
    const rows = [
      { status: "klar" as const, dueOn: "2026-01-01" },
      { status: "kommande" as const, dueOn: "2026-02-01" },
      { status: "forsenad" as const, dueOn: "2026-03-01" },
      { status: "att_gora" as const, dueOn: "2026-01-15" },
      { status: "forsenad" as const, dueOn: "2026-01-20" },
    ];
    expect([...rows].sort(compareDue).map((r) => `${r.status} ${r.dueOn}`)).toEqual([
      "forsenad 2026-01-20",
      "forsenad 2026-03-01",
      "att_gora 2026-01-15",
      "kommande 2026-02-01",
      "klar 2026-01-01",
    ]);
  });
});

describe("properties", () => {
  const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays("2024-01-01", n));
  const occasion = fc.constantFrom("nollpunkt" as const, "uppfoljning" as const, "avslut" as const);
  const arbitrary = fc.record({
    interval: fc.integer({ min: 0, max: 24 }),
    atExit: fc.boolean(),
    grace: fc.integer({ min: 0, max: 90 }),
    start: day,
    length: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
    measurements: fc.array(
      fc.record({ version: fc.constantFrom("a", "b", "c"), occasion, measuredOn: day }),
      { maxLength: 8 },
    ),
    today: day,
    later: fc.integer({ min: 0, max: 800 }),
  });

  it("is never done without a measurement of that version and occasion", () => {
    fc.assert(
      fc.property(arbitrary, (a) => {
        const m = a.measurements.map((x) => ({
          instrumentVersionId: x.version,
          occasion: x.occasion,
          measuredOn: x.measuredOn,
        }));
        const end = a.length === null ? null : addDays(a.start, a.length);
        const list = dueOccasions(
          {
            instrumentVersionIds: ["a", "b"],
            intervalMonths: a.interval,
            atExit: a.atExit,
            graceDays: a.grace,
          },
          { startDate: a.start, endDate: end },
          m,
          a.today,
        );
        for (const o of list.filter((x) => x.status === "klar")) {
          const same = m.filter(
            (x) => x.instrumentVersionId === o.instrumentVersionId && x.occasion === o.occasion,
          );
          expect(same.length).toBeGreaterThanOrEqual(Math.max(1, o.number));
        }
      }),
    );
  });

  it("lists no fewer occasions, due or overdue ones, on a later day", () => {
    fc.assert(
      fc.property(arbitrary, (a) => {
        const m = a.measurements.map((x) => ({
          instrumentVersionId: x.version,
          occasion: x.occasion,
          measuredOn: x.measuredOn,
        }));
        const p = {
          instrumentVersionIds: ["a", "b"],
          intervalMonths: a.interval,
          atExit: a.atExit,
          graceDays: a.grace,
        };
        const e = {
          startDate: a.start,
          endDate: a.length === null ? null : addDays(a.start, a.length),
        };
        const now = dueOccasions(p, e, m, a.today);
        const then = dueOccasions(p, e, m, addDays(a.today, a.later));
        const count = (list: typeof now, f: (o: (typeof now)[number]) => boolean) =>
          list.filter(f).length;
        expect(then.length).toBeGreaterThanOrEqual(now.length);
        expect(count(then, (o) => o.status === "forsenad")).toBeGreaterThanOrEqual(
          count(now, (o) => o.status === "forsenad"),
        );
        expect(count(then, (o) => o.status !== "kommande")).toBeGreaterThanOrEqual(
          count(now, (o) => o.status !== "kommande"),
        );
      }),
    );
  });
});
