// The staff catalogue's keys for a guide's category and language (portal-guides.{sv,en}.ts).

import type { MessageKey } from "../../../platform/i18n/translate.ts";
import type { PortalLocale } from "../../../portal/locales.ts";
import type { GuideCategory } from "../../../portal/schema.ts";

export const categoryKey = (category: GuideCategory): MessageKey =>
  `portalStaff.guides.category.${category}`;
export const languageKey = (locale: PortalLocale): MessageKey =>
  `portalStaff.guides.language.${locale}`;
