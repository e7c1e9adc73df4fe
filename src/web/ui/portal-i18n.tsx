// Gives the portal's components the participant's language, and "visa på svenska också": with it
// on, a text in another language is followed by the Swedish (lang="sv"), for learners.
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { type PortalLocale, portalDirection } from "../../portal/locales.ts";
import type { PortalKey } from "../../portal/messages/index.ts";
import {
  createPortalTranslator,
  type PortalTranslate,
  portalLongDate,
  portalTime,
} from "../../portal/translate.ts";

interface PortalI18n {
  locale: PortalLocale;
  t: PortalTranslate;
  /** The Swedish text of a key (for "på svenska också"). */
  sv: PortalTranslate;
  swedishToo: boolean;
  longDate: (date: Date | string) => string;
  time: (date: Date | string) => string;
}

const PortalI18nContext = createContext<PortalI18n | null>(null);

export function PortalI18nProvider(props: {
  locale: PortalLocale;
  swedishToo: boolean;
  children: ReactNode;
}) {
  const { locale, swedishToo } = props;
  const value = useMemo<PortalI18n>(
    () => ({
      locale,
      t: createPortalTranslator(locale),
      sv: createPortalTranslator("sv"),
      swedishToo: swedishToo && locale !== "sv",
      longDate: (date) => portalLongDate(locale, date),
      time: portalTime,
    }),
    [locale, swedishToo],
  );
  return <PortalI18nContext.Provider value={value}>{props.children}</PortalI18nContext.Provider>;
}

export function usePortal(): PortalI18n {
  const value = useContext(PortalI18nContext);
  if (!value) throw new Error("usePortal outside PortalI18nProvider");
  return value;
}

export const usePortalT = () => usePortal().t;

/**
 * A text in the participant's language, and below it the Swedish when "på svenska också" is on.
 * Use it for headings and paragraphs (`as` picks the element); buttons and labels use t().
 */
export function Tx({
  k,
  values,
  as: Tag = "span",
  className,
  id,
}: {
  k: PortalKey;
  values?: Record<string, unknown>;
  as?: "span" | "p" | "h1" | "h2" | "h3" | "li" | "strong";
  className?: string;
  id?: string;
}) {
  const { t, sv, swedishToo } = usePortal();
  return (
    <Tag className={className} id={id}>
      {t(k, values)}
      {swedishToo ? (
        <span className="sv-too" lang="sv" dir="ltr">
          {sv(k, values)}
        </span>
      ) : null}
    </Tag>
  );
}

/** Staff-written text that exists in Swedish and maybe the participant's language. */
export function Written({
  texts,
  as: Tag = "span",
}: {
  texts: Partial<Record<PortalLocale, string>> & { sv: string };
  as?: "span" | "p" | "h1" | "h2" | "h3" | "li" | "strong";
}) {
  const { locale, swedishToo } = usePortal();
  const own = texts[locale];
  if (!own)
    return (
      <Tag lang="sv" dir="ltr">
        {texts.sv}
      </Tag>
    );
  return (
    <Tag lang={locale} dir={portalDirection(locale)}>
      {own}
      {swedishToo && locale !== "sv" ? (
        <span className="sv-too" lang="sv" dir="ltr">
          {texts.sv}
        </span>
      ) : null}
    </Tag>
  );
}
