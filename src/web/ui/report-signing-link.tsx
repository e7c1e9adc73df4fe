// The page a signing link opens, for the parts an application and a final report share (they
// are signed the same way and say it in their own words): the summary of what the person signs
// for, and what the link shows when there is nothing to sign: thanks, once the person has signed
// (the action's redirect adds `?klart=underskriven`), else why the link does not work (used,
// expired, unknown, or for a document that can no longer be signed).
import type { ReactNode } from "react";
import { useSearchParams } from "react-router";
import type { MessageKey } from "../../platform/i18n/translate.ts";
import { useI18n } from "./i18n.tsx";
import { RichText } from "./rich-text.tsx";

export interface SigningLinkWords {
  thanksTitle: MessageKey;
  thanks: MessageKey;
  invalidTitle: MessageKey;
  invalid: MessageKey;
}

/** The whole page of a link with nothing to sign; `error` is why signing was just refused. */
export function SigningLinkEnded({
  words,
  error,
}: {
  words: SigningLinkWords;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const done = params.get("klart") === "underskriven";
  const title = t(done ? words.thanksTitle : words.invalidTitle);
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <h1>{title}</h1>
      {done ? (
        <p className="notice" role="status">
          {t(words.thanks)}
        </p>
      ) : (
        <p className="warning">{error ?? t(words.invalid)}</p>
      )}
    </main>
  );
}

export interface SigningSummaryWords {
  title: MessageKey;
  signsFor: MessageKey;
  owner: MessageKey;
  partners: MessageKey;
  time: MessageKey;
  /** With `start` and `end`. */
  period: MessageKey;
  purpose: MessageKey;
  notFilled: MessageKey;
}

/**
 * What the person signs for: their party, the owner, the partners and the time, then what the
 * document adds (`children`, more rows of the list), and the purpose.
 */
export function SigningSummary({
  words,
  summary: s,
  children,
}: {
  words: SigningSummaryWords;
  summary: {
    party: string;
    owner: string;
    partners: string[];
    startDate: string;
    endDate: string;
    purpose: string;
  };
  children: ReactNode;
}) {
  const { t } = useI18n();
  const notFilled = t(words.notFilled);
  return (
    <>
      <h2>{t(words.title)}</h2>
      <dl className="summary">
        <dt>{t(words.signsFor)}</dt>
        <dd>{s.party}</dd>
        <dt>{t(words.owner)}</dt>
        <dd>{s.owner || notFilled}</dd>
        <dt>{t(words.partners)}</dt>
        <dd>{s.partners.length ? s.partners.join(", ") : notFilled}</dd>
        <dt>{t(words.time)}</dt>
        <dd>
          {s.startDate || s.endDate
            ? t(words.period, { start: s.startDate || "–", end: s.endDate || "–" })
            : notFilled}
        </dd>
        {children}
      </dl>
      <h3>{t(words.purpose)}</h3>
      <RichText text={s.purpose} headingLevel={4} empty={notFilled} />
    </>
  );
}
