import { describe, expect, it } from "vitest";
import {
  initialsOf,
  matchesFilter,
  nextTask,
  periodParts,
  periodsOf,
  summarise,
  taskFor,
} from "./report-dashboard.ts";

describe("the reporting dashboard's rules", () => {
  it("reads period keys and makes initials", () => {
    expect(periodParts("2026-K3")).toEqual({ kind: "K", number: 3, year: 2026 });
    expect(periodParts("2025-T2")).toEqual({ kind: "T", number: 2, year: 2025 });
    expect(periodParts("fel").number).toBe(0);
    expect(initialsOf("Maria Lindqvist")).toBe("ML");
    expect(initialsOf("Anna-Karin Öberg Ek")).toBe("AKÖE");
    expect(initialsOf("  ")).toBe("");
  });

  it("filters by period and status, 'forsenad' meaning the overdue ones", () => {
    const late = { periodKey: "2026-K2", status: "utkast" as const, overdue: true };
    const sent = { periodKey: "2026-K2", status: "inskickad" as const, overdue: false };
    expect(matchesFilter(late, { status: "forsenad" })).toBe(true);
    expect(matchesFilter(sent, { status: "forsenad" })).toBe(false);
    expect(matchesFilter(sent, { status: "inskickad", periodKey: "2026-K2" })).toBe(true);
    expect(matchesFilter(sent, { periodKey: "2026-K3" })).toBe(false);
    expect(matchesFilter(late, {})).toBe(true);
  });

  it("lists each period once, newest first, and counts what is late and waiting", () => {
    const reports = [
      { periodKey: "2026-K1", periodEnd: "2026-03-31", status: "last" as const, overdue: false },
      { periodKey: "2026-K3", periodEnd: "2026-09-30", status: "utkast" as const, overdue: true },
      {
        periodKey: "2026-K1",
        periodEnd: "2026-03-31",
        status: "inskickad" as const,
        overdue: false,
      },
      {
        periodKey: "2026-T2",
        periodEnd: "2026-08-31",
        status: "aterskickad" as const,
        overdue: true,
      },
    ];
    expect(periodsOf(reports).map((p) => p.key)).toEqual(["2026-K3", "2026-T2", "2026-K1"]);
    expect(summarise(reports)).toEqual({
      overdue: 2,
      awaitingReview: 1,
      returned: 1,
      drafts: 1,
      locked: 1,
    });
  });

  it("tells the lead and the steering group what to do, returned reports first", () => {
    const today = "2026-11-23";
    const lead = { write: true, steering: false };
    const steering = { write: false, steering: true };
    const draft = { status: "utkast" as const, periodEnd: "2026-09-30", steeringWritten: false };
    expect(taskFor(draft, lead, today)).toBe("submit");
    expect(taskFor({ ...draft, status: "aterskickad" }, lead, today)).toBe("complete");
    expect(taskFor({ ...draft, status: "inskickad" }, lead, today)).toBeNull();
    expect(taskFor(draft, steering, today)).toBe("steering");
    expect(taskFor({ ...draft, steeringWritten: true }, steering, today)).toBeNull();
    expect(taskFor({ ...draft, status: "last" }, steering, today)).toBeNull();
    // the period has not ended: nothing to analyse yet
    expect(taskFor({ ...draft, periodEnd: "2026-12-31" }, steering, today)).toBeNull();
    expect(
      nextTask([
        { id: "a", dueDate: "2026-01-31", task: "submit" as const },
        { id: "b", dueDate: "2026-10-31", task: "complete" as const },
        { id: "c", dueDate: "2025-10-31", task: null },
        { id: "d", dueDate: "2025-04-30", task: "steering" as const },
      ])?.id,
    ).toBe("b");
    expect(nextTask([{ id: "x", dueDate: "2026-01-31", task: null }])).toBeUndefined();
  });
});
