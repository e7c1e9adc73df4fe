// Which measurements an enrollment is due for under its initiative's measurement plan (pure):
// the zero-point (nollpunkt) at the start, a follow-up (uppföljning) every `intervalMonths`
// months after the start while the enrollment is open (and before its end), and the exit
// measurement (avslut) at the end date when the plan measures at exit — for every instrument
// version of the plan. Each occasion is done ("klar"), coming ("kommande"), to do within the
// grace period ("att_gora": due ≤ today < due + graceDays) or overdue ("forsenad").
//
// Follow-ups are counted, not matched by date: the k-th follow-up is done when the enrollment has
// at least k follow-up measurements of that version. Of the follow-ups not yet due, only the next
// one is listed (as "kommande") while the enrollment is open.
import type { Occasion } from "./model.ts";

export const DUE_STATUSES = ["forsenad", "att_gora", "kommande", "klar"] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];

export interface DuePlan {
  instrumentVersionIds: readonly string[];
  /** 0: no follow-ups between the zero-point and the exit. */
  intervalMonths: number;
  atExit: boolean;
  graceDays: number;
}

export interface DueEnrollment {
  startDate: string;
  endDate: string | null;
}

export interface DueMeasurement {
  instrumentVersionId: string;
  occasion: Occasion;
  measuredOn: string;
}

export interface DueOccasion {
  instrumentVersionId: string;
  occasion: Occasion;
  /** The follow-up's number (1, 2, …); 0 for the zero-point and the exit. */
  number: number;
  dueOn: string;
  /** The last day it is "att_gora"; from the day after, it is overdue. */
  lastDayOn: string;
  status: DueStatus;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` plus `months` calendar months; the 31st of January + 1 month is the last of February. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** `date` plus `days` days (negative: before). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

function statusOf(done: boolean, dueOn: string, graceDays: number, today: string): DueStatus {
  if (done) return "klar";
  if (today < dueOn) return "kommande";
  if (today < addDays(dueOn, graceDays)) return "att_gora";
  return "forsenad";
}

/** The most follow-ups listed per version: 50 years of monthly follow-ups is beyond any plan. */
const MAX_FOLLOW_UPS = 600;

/**
 * The occasions of `enrollment` under `plan` up to `today` (and the next coming follow-up), per
 * instrument version in the plan's order: zero-point, follow-ups in order, exit.
 */
export function dueOccasions(
  plan: DuePlan,
  enrollment: DueEnrollment,
  measurements: readonly DueMeasurement[],
  today: string,
): DueOccasion[] {
  const out: DueOccasion[] = [];
  const occasion = (
    instrumentVersionId: string,
    kind: Occasion,
    number: number,
    dueOn: string,
    done: boolean,
  ): DueOccasion => ({
    instrumentVersionId,
    occasion: kind,
    number,
    dueOn,
    lastDayOn: addDays(dueOn, plan.graceDays - 1),
    status: statusOf(done, dueOn, plan.graceDays, today),
  });
  for (const versionId of plan.instrumentVersionIds) {
    const of = (kind: Occasion) =>
      measurements.filter((m) => m.instrumentVersionId === versionId && m.occasion === kind).length;
    out.push(occasion(versionId, "nollpunkt", 0, enrollment.startDate, of("nollpunkt") > 0));
    if (plan.intervalMonths > 0) {
      const followUps = of("uppfoljning");
      for (let k = 1; k <= MAX_FOLLOW_UPS; k++) {
        const dueOn = addMonths(enrollment.startDate, k * plan.intervalMonths);
        if (enrollment.endDate !== null && dueOn >= enrollment.endDate) break;
        out.push(occasion(versionId, "uppfoljning", k, dueOn, followUps >= k));
        // while open: every follow-up due so far, and the next one
        if (enrollment.endDate === null && dueOn > today) break;
      }
    }
    if (plan.atExit && enrollment.endDate !== null)
      out.push(occasion(versionId, "avslut", 0, enrollment.endDate, of("avslut") > 0));
  }
  return out;
}

/** The order of the coach's list: overdue first, then to do, coming, done; by due date within. */
export function compareDue(
  a: { status: DueStatus; dueOn: string },
  b: { status: DueStatus; dueOn: string },
): number {
  return (
    DUE_STATUSES.indexOf(a.status) - DUE_STATUSES.indexOf(b.status) ||
    a.dueOn.localeCompare(b.dueOn)
  );
}
