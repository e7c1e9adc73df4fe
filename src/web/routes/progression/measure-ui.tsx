// What the measurement pages draw alike: an instrument's name in the page's language, the names
// of occasions, entry modes and due statuses.
import type { Locale } from "../../../platform/i18n/locales.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import type { DueStatus } from "../../../progression/due.ts";
import type { EntryMode, Occasion, Texts } from "../../../progression/model.ts";
import type { useT } from "../../ui/i18n.tsx";

type Translate = ReturnType<typeof useT>;

/** A text of an instrument in the page's language (Swedish when it has none). */
export const textOf = (texts: Texts, locale: Locale) => texts[locale] ?? texts.sv;

export const OCCASION_KEYS: Record<Occasion, MessageKey> = {
  nollpunkt: "progression.measure.occasion.nollpunkt",
  uppfoljning: "progression.measure.occasion.uppfoljning",
  avslut: "progression.measure.occasion.avslut",
};

export const MODE_KEYS: Record<EntryMode, MessageKey> = {
  samtal: "progression.measure.mode.samtal",
  papper: "progression.measure.mode.papper",
  deltagare: "progression.measure.mode.deltagare",
};

export const STATUS_KEYS: Record<DueStatus, MessageKey> = {
  forsenad: "progression.measure.status.forsenad",
  att_gora: "progression.measure.status.att_gora",
  kommande: "progression.measure.status.kommande",
  klar: "progression.measure.status.klar",
};

/** "Uppföljning 2", "Nollpunkt": an occasion with its follow-up number. */
export function occasionText(t: Translate, occasion: Occasion, number = 0): string {
  const name = t(OCCASION_KEYS[occasion]);
  return occasion === "uppfoljning" && number > 0 ? `${name} ${number}` : name;
}
