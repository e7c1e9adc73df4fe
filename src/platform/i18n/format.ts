// Swedish-first formatting of money, numbers, percentages and dates for pages, reports and mail.
//
// What Intl gives is kept as it is, and tests pin it:
// - Groups of thousands are separated by a NO-BREAK SPACE (U+00A0), and so are the number and
//   its unit ("1 420 000 kr", "93 %"), so a figure never wraps over two lines.
// - Swedish negative numbers use the MINUS SIGN U+2212 ("−5 kr"), not the hyphen-minus;
//   English (en-SE) uses the hyphen-minus ("-5 kr"). Code that reads figures back must accept both.
// - Numbers always use Latin digits (0–9), also for a future right-to-left language such as
//   Arabic, and dates are always ISO 8601 in the Gregorian calendar and Swedish time
//   (Europe/Stockholm), whatever the language of the page.
//
// The functions are pure: the output depends only on the arguments. Intl formatters are costly
// to create, so they are memoised per locale and options; that cache holds no state that
// changes what a function returns.
import { DEFAULT_LOCALE, intlLocaleOf } from "./locales.ts";

/** The time zone all dates and times are shown in. */
export const TIME_ZONE = "Europe/Stockholm";

const MINUS_SIGN = "\u2212";
const NO_BREAK_SPACE = "\u00a0";

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const cacheKey = `${locale}\u0000${JSON.stringify(options)}`;
  let format = numberFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(intlLocaleOf(locale), {
      numberingSystem: "latn",
      // Never "−0": a rounded-away negative shows as plain 0.
      signDisplay: "negative",
      ...options,
    });
    numberFormats.set(cacheKey, format);
  }
  return format;
}

function assertKronor(kronor: number, what = "Beloppet"): void {
  if (!Number.isSafeInteger(kronor)) {
    throw new RangeError(`${what} måste vara ett heltal i hela kronor, fick ${String(kronor)}.`);
  }
}

/**
 * An amount in whole kronor: `formatMoney(1420000)` → "1 420 000 kr" (U+00A0 between groups
 * and before "kr"); negative amounts get U+2212 in Swedish. Throws a RangeError for anything
 * but a safe integer, since amounts are stored and summed as whole kronor.
 */
export function formatMoney(kronor: number, locale: string = DEFAULT_LOCALE): string {
  assertKronor(kronor);
  return numberFormat(locale, {
    style: "currency",
    currency: "SEK",
    currencyDisplay: "symbol",
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(kronor);
}

/** Whole kronor rounded to whole thousands, half away from zero, in exact integer arithmetic. */
export function roundToThousands(kronor: number): number {
  assertKronor(kronor);
  const magnitude = Math.abs(kronor);
  const remainder = magnitude % 1000;
  const thousands = (magnitude - remainder) / 1000 + (remainder >= 500 ? 1 : 0);
  return kronor < 0 && thousands !== 0 ? -thousands : thousands;
}

const THOUSAND_KRONOR_UNIT: Readonly<Record<string, string>> = { sv: "tkr", en: "kSEK" };

/**
 * An amount in thousands of kronor for tables and reports: `formatThousandKronor(2988500)` →
 * "2 989 tkr" (rounded half away from zero). English uses the unit "kSEK".
 */
export function formatThousandKronor(kronor: number, locale: string = DEFAULT_LOCALE): string {
  const unit = THOUSAND_KRONOR_UNIT[locale] ?? "kSEK";
  return `${formatNumber(roundToThousands(kronor), locale)}${NO_BREAK_SPACE}${unit}`;
}

/**
 * A ratio as a percentage: `formatPercent(0.93)` → "93 %" (U+00A0 before "%"), with exactly
 * `decimals` decimals, rounded half away from zero.
 */
export function formatPercent(
  ratio: number,
  decimals = 0,
  locale: string = DEFAULT_LOCALE,
): string {
  if (!Number.isFinite(ratio)) throw new RangeError(`Andelen måste vara ett tal, fick ${ratio}.`);
  return numberFormat(locale, {
    style: "percent",
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(ratio);
}

/** A plain number with Swedish grouping: `formatNumber(12345.5)` → "12 345,5" (at most 3 decimals). */
export function formatNumber(n: number, locale: string = DEFAULT_LOCALE): string {
  if (!Number.isFinite(n)) throw new RangeError(`Talet måste vara ändligt, fick ${n}.`);
  return numberFormat(locale, { maximumFractionDigits: 3 }).format(n);
}

/**
 * Sums amounts in whole kronor. Throws a RangeError if any value, or the sum, is not a safe
 * integer, so a stray fraction or a float never slips into a total.
 */
export function sumKronor(values: readonly number[]): number {
  let sum = 0;
  for (const [index, value] of values.entries()) {
    assertKronor(value, `Belopp nummer ${index + 1}`);
    sum += value;
  }
  assertKronor(sum, "Summan");
  return sum;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// A date-time string must say which time zone it is in, or the result would depend on the
// time zone of the server.
const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

function toInstant(date: Date | string): Date {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new RangeError("Ogiltigt datum.");
    return date;
  }
  if (!DATE_TIME_WITH_ZONE.test(date)) {
    throw new RangeError(
      `Ogiltig tidpunkt: "${date}". Ange ISO 8601 med tidszon, t.ex. 2026-04-01T08:00:00Z.`,
    );
  }
  const instant = new Date(date);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Ogiltig tidpunkt: "${date}".`);
  return instant;
}

const stockholmParts = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  calendar: "gregory",
  numberingSystem: "latn",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

function wallClock(
  date: Date | string,
): Record<"year" | "month" | "day" | "hour" | "minute", string> {
  const fields = { year: "", month: "", day: "", hour: "", minute: "" };
  for (const part of stockholmParts.formatToParts(toInstant(date))) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = part.value;
  }
  return fields;
}

/**
 * The date as ISO `YYYY-MM-DD` in Swedish time: 2026-03-31T23:30:00Z is "2026-04-01".
 * A date-only string ("2026-04-01") is a calendar date and is returned as it is, once checked
 * to exist; any other string must be ISO 8601 with a time zone.
 */
export function formatDate(date: Date | string): string {
  if (typeof date === "string") {
    const m = DATE_ONLY.exec(date);
    if (m) {
      const [, y, mo, d] = m.map(Number) as [number, number, number, number];
      const check = new Date(Date.UTC(y, mo - 1, d));
      if (
        check.getUTCFullYear() !== y ||
        check.getUTCMonth() !== mo - 1 ||
        check.getUTCDate() !== d
      ) {
        throw new RangeError(`Datumet finns inte: "${date}".`);
      }
      return date;
    }
  }
  const { year, month, day } = wallClock(date);
  return `${year}-${month}-${day}`;
}

/** The date and time as `YYYY-MM-DD HH:mm` (24-hour clock) in Swedish time. */
export function formatDateTime(date: Date | string): string {
  const { year, month, day, hour, minute } = wallClock(date);
  return `${year}-${month}-${day} ${hour}:${minute}`;
}

/** Exported for tests and parsers of formatted figures. */
export const FORMAT_CHARACTERS = { MINUS_SIGN, NO_BREAK_SPACE } as const;
