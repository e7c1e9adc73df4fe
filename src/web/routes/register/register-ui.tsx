// What the participant register's pages draw alike: the code lists as choices in the page's
// language, the identity as it may be shown (masked, or why there is none), an enrollment's
// status, and period names for count-only participation.

import type { MessageKey } from "../../../platform/i18n/translate.ts";
import {
  EDUCATION,
  EXIT_STATUS,
  EXTENT,
  GENDER,
  OCCUPATION_BEFORE,
  REFERRER,
  SUPPORT,
  TIME_ON_SUPPORT,
} from "../../../register/codes.ts";
import type { useT } from "../../ui/i18n.tsx";
import { periodLabel } from "../../ui/periodic-report-form.tsx";

type Translate = ReturnType<typeof useT>;

/** The register's code lists by the name their messages use (register.code.<list>.<code>). */
export const CODE_LISTS = {
  gender: GENDER,
  education: EDUCATION,
  support: SUPPORT,
  timeOnSupport: TIME_ON_SUPPORT,
  occupation: OCCUPATION_BEFORE,
  referrer: REFERRER,
  exitStatus: EXIT_STATUS,
  extent: EXTENT,
} as const;

export type CodeList = keyof typeof CODE_LISTS;

/** The words of a code in the page's language (the code itself if it is unknown). */
export function codeText(t: Translate, list: CodeList, code: string): string {
  if (!Object.hasOwn(CODE_LISTS[list], code)) return code;
  return t(`register.code.${list}.${code}` as MessageKey);
}

/** A code list as the options of a select or of radio buttons, in the list's order. */
export function codeOptions(
  t: Translate,
  list: CodeList,
  leaveOut: readonly string[] = [],
): Array<{ value: string; label: string }> {
  return Object.keys(CODE_LISTS[list])
    .filter((code) => !leaveOut.includes(code))
    .map((code) => ({ value: code, label: codeText(t, list, code) }));
}

/** Several codes ("a-kassa, försörjningsstöd"). */
export const codesText = (t: Translate, list: CodeList, codes: readonly string[]) =>
  codes.map((c) => codeText(t, list, c)).join(", ");

export type IdentityState = "lagrad" | "anonym" | "raderad" | "skyddad";

const IDENTITY_KEYS: Record<IdentityState, MessageKey> = {
  lagrad: "register.identity.lagrad",
  anonym: "register.identity.anonym",
  raderad: "register.identity.raderad",
  skyddad: "register.identity.skyddad",
};

/** The masked number, or why none is shown: "anonym", "raderad", "skyddade personuppgifter". */
export function identityText(
  t: Translate,
  participant: { identity: string | null; identityState: IdentityState },
): string {
  return participant.identity ?? t(IDENTITY_KEYS[participant.identityState]);
}

/** An enrollment's status: ongoing, voided, or the status at exit. */
export function statusText(
  t: Translate,
  e: { endDate: string | null; voided: boolean; exitStatus: string | null },
): string {
  if (e.voided) return t("register.status.voided");
  if (!e.endDate) return t("register.status.ongoing");
  return e.exitStatus ? codeText(t, "exitStatus", e.exitStatus) : t("register.status.ended");
}

/** "Kvartal 1 2026", "Halvår 2 2026", "2026": a count-only period in the page's language. */
export function countPeriodLabel(t: Translate, key: string): string {
  const half = /^(\d{4})-H([12])$/.exec(key);
  if (half) return t("register.period.half", { number: Number(half[2]), year: Number(half[1]) });
  if (/^\d{4}$/.test(key)) return key;
  return periodLabel(t, key);
}

/** Yes / no / unknown, for the optional flags. */
export function yesNoText(t: Translate, value: boolean | null): string {
  return value === null
    ? t("register.value.unknown")
    : value
      ? t("register.value.yes")
      : t("register.value.no");
}
