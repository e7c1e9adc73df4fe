// The portal's languages (domain/portal.md): Swedish, English, Arabic (right to left), Somali,
// Tigrinya and Dari. Staff pages have Swedish and English only (src/platform/i18n/locales.ts);
// the portal has catalogues of its own (src/portal/messages), so the staff pages never carry
// them. Dates are always Gregorian and digits always Latin (format.ts).
import { PORTAL_LANGUAGES, type PortalLanguage } from "../progression/model.ts";

export const PORTAL_LOCALES = PORTAL_LANGUAGES;
export type PortalLocale = PortalLanguage;
export const DEFAULT_PORTAL_LOCALE: PortalLocale = "sv";

/** The cookie that keeps the participant's language, also before signing in. */
export const PORTAL_LANGUAGE_COOKIE = "samspar_portal_sprak";
/** The cookie for "visa på svenska också" (Swedish under every text, for learners). */
export const PORTAL_SWEDISH_TOO_COOKIE = "samspar_portal_svenska";

export const isPortalLocale = (value: unknown): value is PortalLocale =>
  typeof value === "string" && (PORTAL_LOCALES as readonly string[]).includes(value);

const RTL: ReadonlySet<PortalLocale> = new Set(["ar", "fa"]);
export const portalDirection = (locale: PortalLocale): "rtl" | "ltr" =>
  RTL.has(locale) ? "rtl" : "ltr";

/** The languages' names inside a Swedish sentence ("på engelska"), for staff messages. */
export const LANGUAGE_IN_SWEDISH: Record<PortalLocale, string> = {
  sv: "svenska",
  en: "engelska",
  ar: "arabiska",
  so: "somaliska",
  ti: "tigrinja",
  fa: "dari",
};

/** Each language's name in itself, for the language choice. */
export const PORTAL_LANGUAGE_NAMES: Record<PortalLocale, string> = {
  sv: "Svenska",
  en: "English",
  ar: "العربية",
  so: "Soomaali",
  ti: "ትግርኛ",
  fa: "دری",
};

/**
 * The BCP 47 tag for Intl: Gregorian calendar and Latin digits in every language ("fa" would
 * otherwise give the Persian calendar, "ar" Arabic-Indic digits).
 */
export const portalIntlLocale = (locale: PortalLocale): string =>
  locale === "sv" ? "sv-SE" : locale === "en" ? "en-SE" : `${locale}-u-ca-gregory-nu-latn`;
