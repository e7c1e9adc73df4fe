// A day typed by a person in Sweden ("2026-03-29") is the day from 00:00 to 24:00 Swedish time
// (Europe/Stockholm), the time every page shows — not the UTC day, which begins an hour (two in
// summer) later. Searches by date range turn the typed days into these moments.
import { TIME_ZONE } from "./i18n/format.ts";

const swedishHour = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  hourCycle: "h23",
});

/** The day after `iso` (ÅÅÅÅ-MM-DD). */
function nextDay(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The moment the Swedish day `iso` (ÅÅÅÅ-MM-DD) begins: its 00:00 in Stockholm. */
export function startOfSwedishDay(iso: string): Date {
  const utcMidnight = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(utcMidnight)) throw new RangeError(`not a date: ${iso}`);
  // At 00:00 UTC Sweden is one hour ahead (two in summer). Summer time begins and ends at 01:00
  // UTC, never between the Swedish midnight and the UTC one, so the offset is the same at both.
  const ahead = Number(swedishHour.format(utcMidnight));
  return new Date(utcMidnight - ahead * 3_600_000);
}

/** The moment the Swedish day `iso` ends: the next day's 00:00 in Stockholm (exclusive). */
export const endOfSwedishDay = (iso: string): Date => startOfSwedishDay(nextDay(iso));
