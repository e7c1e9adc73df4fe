// The follow-up period (domain/follow-up.md): two dates, both days included, and how the report
// names it — "kvartal 1 och 2 2026", "tertial 2 2026", "2026", or the dates themselves. Which
// initiatives are active in it, which started and which ended in it, and the calendar quarters
// the summary counts them by.
import { ValidationError } from "../platform/errors.ts";
import type { FollowUpPeriod } from "./model.ts";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real calendar date written ÅÅÅÅ-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const lastDayOfMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The number of days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysInclusive(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000) + 1);
}

/** Checks the period's dates; throws a ValidationError saying what to write. */
export function checkPeriod(from: string, to: string): void {
  const problems: Record<string, string> = {};
  if (!isIsoDate(from))
    problems.from = `Skriv periodens första dag som ÅÅÅÅ-MM-DD, till exempel 2026-01-01. Du skrev ”${from}”.`;
  if (!isIsoDate(to))
    problems.to = `Skriv periodens sista dag som ÅÅÅÅ-MM-DD, till exempel 2026-06-30. Du skrev ”${to}”.`;
  if (!problems.from && !problems.to && from > to)
    problems.to = `Periodens sista dag (${to}) ligger före dess första dag (${from}). Byt plats på datumen.`;
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
}

/** Runs of whole units (quarters of 3 months, tertials of 4) that the period covers exactly. */
function unitsCovered(from: string, to: string, months: number): [number, number] | null {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  if (fy !== ty || fd !== 1 || (fm - 1) % months !== 0 || tm % months !== 0) return null;
  if (td !== lastDayOfMonth(ty, tm)) return null;
  return [(fm - 1) / months + 1, tm / months];
}

const run = (first: number, last: number): string =>
  first === last ? `${first}` : last === first + 1 ? `${first} och ${last}` : `${first}–${last}`;

/**
 * How the report names a period: "2026" for a calendar year, "kvartal 1 och 2 2026" for whole
 * quarters, "tertial 2 2026" for whole tertials, otherwise "2026-01-01 – 2026-08-31".
 */
export function periodLabel(from: string, to: string): string {
  const year = from.slice(0, 4);
  if (from === `${year}-01-01` && to === `${year}-12-31`) return year;
  const quarters = unitsCovered(from, to, 3);
  if (quarters) return `kvartal ${run(...quarters)} ${year}`;
  const tertials = unitsCovered(from, to, 4);
  if (tertials) return `tertial ${run(...tertials)} ${year}`;
  return `${from} – ${to}`;
}

export function followUpPeriod(from: string, to: string, label?: string): FollowUpPeriod {
  checkPeriod(from, to);
  const given = label?.trim();
  return { from, to, label: given ? given : periodLabel(from, to) };
}

/** The calendar quarter of a date: key "2026-K2" and the words "kvartal 2 2026". */
export function quarterOf(date: string): { key: string; label: string } {
  const year = date.slice(0, 4);
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return { key: `${year}-K${quarter}`, label: `kvartal ${quarter} ${year}` };
}

/** "2026 kvartal 2" / "2026 tertial 1" for a reporting period key ("2026-K2", "2026-T1"). */
export function reportingPeriodWords(periodKey: string): string {
  const m = /^(\d{4})-([KT])(\d)$/.exec(periodKey);
  if (!m) return periodKey;
  return `${m[1]} ${m[2] === "K" ? "kvartal" : "tertial"} ${m[3]}`;
}

export interface Dated {
  startDate: string | null;
  endDate: string | null;
}

/** Active in the period: start ≤ period end and (no end, or end ≥ period start). */
export const isActiveIn = (i: Dated, p: { from: string; to: string }): boolean =>
  i.startDate !== null && i.startDate <= p.to && (i.endDate === null || i.endDate >= p.from);

/** Ended within the period: its end date lies in it. */
export const endedIn = (i: Dated, p: { from: string; to: string }): boolean =>
  i.endDate !== null && i.endDate >= p.from && i.endDate <= p.to;

/** Started within the period: its start date lies in it. */
export const startedIn = (i: Dated, p: { from: string; to: string }): boolean =>
  i.startDate !== null && i.startDate >= p.from && i.startDate <= p.to;

/** The smaller of two ISO dates. */
export const minDate = (a: string, b: string): string => (a < b ? a : b);
