// Turns the portal's message keys into text in the participant's language (ICU MessageFormat:
// Arabic has six plural forms, which Intl.PluralRules gives), and formats dates for people who
// read them in any of the six languages: always the Gregorian calendar and Latin digits.
import { IntlMessageFormat, type PrimitiveType } from "intl-messageformat";
import { formatDate, TIME_ZONE } from "../platform/i18n/format.ts";
import { DEFAULT_PORTAL_LOCALE, type PortalLocale, portalIntlLocale } from "./locales.ts";
import { PORTAL_CATALOGUES, type PortalKey } from "./messages/index.ts";

export type PortalTranslate = (key: PortalKey, values?: Record<string, unknown>) => string;

const compiled = new Map<string, IntlMessageFormat>();

function compile(locale: PortalLocale, key: string, message: string): IntlMessageFormat {
  const cacheKey = `${locale}\u0000${key}\u0000${message}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(message, portalIntlLocale(locale), undefined, {
      ignoreTag: true,
    });
    compiled.set(cacheKey, format);
  }
  return format;
}

/**
 * A translator for one portal language. Every catalogue has every key (the types say so); a
 * key that is somehow empty falls back to Swedish rather than showing nothing.
 */
export function createPortalTranslator(
  locale: PortalLocale,
  catalogues = PORTAL_CATALOGUES,
): PortalTranslate {
  return (key, values) => {
    const own = catalogues[locale][key];
    const [messageLocale, message] = own
      ? [locale, own]
      : [DEFAULT_PORTAL_LOCALE, catalogues[DEFAULT_PORTAL_LOCALE][key]];
    if (message === undefined) return key;
    const result = compile(messageLocale, key, message).format(
      values as Record<string, PrimitiveType> | undefined,
    );
    return Array.isArray(result) ? result.join("") : String(result);
  };
}

/** "tisdag 8 december 2026" in the language (Gregorian, Latin digits, Swedish time). */
export function portalLongDate(locale: PortalLocale, date: Date | string): string {
  const instant =
    typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? new Date(`${formatDate(date)}T12:00:00Z`)
      : new Date(date);
  return new Intl.DateTimeFormat(portalIntlLocale(locale), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: TIME_ZONE,
  }).format(instant);
}

/** "09:30": the time of day in Swedish time, 24-hour clock, in every language. */
export function portalTime(date: Date | string): string {
  return new Intl.DateTimeFormat("sv-SE", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: TIME_ZONE,
  }).format(new Date(date));
}
