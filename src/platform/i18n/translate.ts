// Turns message keys into text in the user's language, and picks that language for a request.
import { IntlMessageFormat, type PrimitiveType } from "intl-messageformat";
import { DEFAULT_LOCALE, intlLocaleOf, isLocale, type Locale } from "./locales.ts";
import { en } from "./messages/en.ts";
import { sv } from "./messages/sv.ts";

/** Every key of the user interface; Swedish is the source catalogue. */
export type MessageKey = keyof typeof sv;

export type Translate = (key: MessageKey, values?: Record<string, unknown>) => string;

export type Catalogues = Readonly<Record<Locale, Readonly<Partial<Record<MessageKey, string>>>>>;

/** The catalogues per language. A language may lack keys; those fall back to Swedish. */
export const CATALOGUES: Catalogues = { sv, en };

// Compiled messages, shared by all translators, per `${locale}\0${key}`. The source text is kept
// so that a translator over other catalogues (tests) never gets a stale compilation.
const compiled = new Map<string, { message: string; format: IntlMessageFormat }>();

function compile(locale: Locale, key: string, message: string): IntlMessageFormat {
  const cacheKey = `${locale}\u0000${key}`;
  const cached = compiled.get(cacheKey);
  if (cached?.message === message) return cached.format;
  // Latin digits in every language, like format.ts. Tags are plain text: no rich-text markup.
  const format = new IntlMessageFormat(message, `${intlLocaleOf(locale)}-u-nu-latn`, undefined, {
    ignoreTag: true,
  });
  compiled.set(cacheKey, { message, format });
  return format;
}

/**
 * A translator for one language. Keys missing in that language use the Swedish text (and
 * Swedish plural rules); a key missing everywhere (only possible when the type is bypassed)
 * returns the key itself, so a page still renders. A placeholder without a value throws.
 * Pass dates as strings from formatDate/formatDateTime, so they are shown in Swedish time.
 */
export function createTranslator(locale: Locale, catalogues: Catalogues = CATALOGUES): Translate {
  const catalogue = catalogues[locale];
  return (key, values) => {
    const own = catalogue[key];
    const [messageLocale, message] =
      own !== undefined ? [locale, own] : [DEFAULT_LOCALE, catalogues[DEFAULT_LOCALE][key]];
    if (message === undefined) return key;
    const result = compile(messageLocale, key, message).format(
      values as Record<string, PrimitiveType> | undefined,
    );
    return Array.isArray(result) ? result.join("") : String(result);
  };
}

/**
 * The language for a request: a valid language cookie wins, then the supported language the
 * browser prefers most in Accept-Language (by q-value, then order; "en-GB" counts as "en"),
 * otherwise Swedish.
 */
export function negotiateLocale(
  cookieValue: string | undefined,
  acceptLanguage: string | null,
): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranges = acceptLanguage
    .split(",")
    .map((entry, index) => {
      const [tag = "", ...params] = entry.trim().split(";");
      let q = 1;
      for (const param of params) {
        const [name, value] = param.trim().split("=");
        if (name?.trim().toLowerCase() === "q") {
          const parsed = Number(value?.trim());
          q = Number.isFinite(parsed) ? parsed : 0;
        }
      }
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", q, index };
    })
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { language } of ranges) {
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}
