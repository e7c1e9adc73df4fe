// Gives every component the translator for the request's language.
import { createContext, type ReactNode, useContext, useMemo } from "react";
import type { Locale } from "../../platform/i18n/locales.ts";
import { createTranslator, type MessageKey } from "../../platform/i18n/translate.ts";

type Translate = (key: MessageKey, values?: Record<string, unknown>) => string;

const I18nContext = createContext<{ locale: Locale; t: Translate } | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: createTranslator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}

export const useT = () => useI18n().t;
