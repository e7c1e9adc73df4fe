// The languages of the user interface. Swedish first; the portal adds more (RTL-ready).
export const LOCALES = ["sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "sv";

const RTL: ReadonlySet<string> = new Set(["ar", "fa", "prs", "he", "ur"]);
export const directionOf = (locale: string): "rtl" | "ltr" =>
  RTL.has(locale.split("-")[0] ?? "") ? "rtl" : "ltr";

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (LOCALES as readonly string[]).includes(value);

/**
 * The BCP 47 tag handed to Intl for a user-interface language. Both languages format numbers
 * the Swedish way ("en-SE": English as used in Sweden), so an amount reads "1 420 000 kr" in
 * every language and figures can be compared across translated pages. Other tags (a future
 * "ar") pass through unchanged.
 */
export const intlLocaleOf = (locale: string): string =>
  locale === "sv" ? "sv-SE" : locale === "en" ? "en-SE" : locale;
