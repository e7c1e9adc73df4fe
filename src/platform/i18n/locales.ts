// The languages of the user interface. Swedish first; the portal adds more (RTL-ready).
export const LOCALES = ["sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "sv";

const RTL: ReadonlySet<string> = new Set(["ar", "fa", "prs", "he", "ur"]);
export const directionOf = (locale: string): "rtl" | "ltr" =>
  RTL.has(locale.split("-")[0] ?? "") ? "rtl" : "ltr";

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (LOCALES as readonly string[]).includes(value);
