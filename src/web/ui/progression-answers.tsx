// The answers of a progression measurement as a form: one fieldset per item, a large radio button
// for each number of the scale (a row that wraps, so it works at 320 px), the end labels, and
// "vill inte svara". No JavaScript: the radios post `answers.<item key>` with the number, or
// "avstar". The items are shown in the respondent's language (right to left for Arabic and
// Persian) with the Swedish text beside when it is another language, so the coach can follow.
// Used by the coach's interview form and, later, the participant portal (issue 9).
import type { LinkDescriptor } from "react-router";
import {
  type InstrumentDefinition,
  type PortalLanguage,
  RTL_LANGUAGES,
  type Texts,
} from "../../progression/model.ts";
import { useT } from "./i18n.tsx";
import stylesHref from "./progression-answers.css?url";

/** The stylesheet of the answer fieldsets, for the `links` of a route that shows them. */
export const progressionAnswersLinks = (): LinkDescriptor[] => [
  { rel: "stylesheet", href: stylesHref },
];

/** The value a "vill inte svara" radio posts. */
export const SKIP = "avstar";

/** The form field of an item's answer. */
export const answerField = (key: string) => `answers.${key}`;

/** The languages every item, the instructions and the end labels of an instrument have. */
export function languagesOf(definition: InstrumentDefinition): PortalLanguage[] {
  const texts: Texts[] = [
    definition.instructions,
    definition.scale.minLabel,
    definition.scale.maxLabel,
    ...definition.items.map((i) => i.text),
  ];
  const all: PortalLanguage[] = ["sv", "en", "ar", "so", "ti", "fa"];
  return all.filter((l) => texts.every((t) => typeof t[l] === "string" && t[l] !== ""));
}

/**
 * The posted answers: item key → the number, null for "vill inte svara" or no answer, or the
 * text itself when it is not a whole number (so the check can say what was wrong).
 */
export function answersFrom(
  definition: InstrumentDefinition,
  form: FormData,
): { answers: Record<string, unknown>; values: Record<string, string> } {
  const answers: Record<string, unknown> = {};
  const values: Record<string, string> = {};
  for (const item of definition.items) {
    const raw = form.get(answerField(item.key));
    const v = typeof raw === "string" ? raw.trim() : "";
    values[answerField(item.key)] = v;
    answers[item.key] = v === "" || v === SKIP ? null : /^-?\d+$/.test(v) ? Number(v) : v;
  }
  return { answers, values };
}

function InLanguage({
  texts,
  language,
  swedishToo,
}: {
  texts: Texts;
  language: PortalLanguage;
  swedishToo: boolean;
}) {
  const own = texts[language] ?? texts.sv;
  if (language === "sv" || own === texts.sv) return <>{texts.sv}</>;
  return (
    <>
      <span lang={language} dir={RTL_LANGUAGES.has(language) ? "rtl" : "ltr"}>
        {own}
      </span>
      {swedishToo ? (
        <span className="answers__swedish" lang="sv">
          {texts.sv}
        </span>
      ) : null}
    </>
  );
}

export function ProgressionAnswers({
  definition,
  language,
  values,
  errors,
  swedishToo = true,
}: {
  definition: InstrumentDefinition;
  language: PortalLanguage;
  /** What was posted or stored: item field → "1" … "10", "avstar" or "". */
  values: Record<string, string>;
  errors: Record<string, string>;
  /** Shows the Swedish text beside another language's (for staff). */
  swedishToo?: boolean;
}) {
  const t = useT();
  const { min, max } = definition.scale;
  const numbers: number[] = [];
  for (let n = min; n <= max; n++) numbers.push(n);
  const ends = (
    <>
      {min} ={" "}
      <InLanguage texts={definition.scale.minLabel} language={language} swedishToo={false} />; {max}{" "}
      = <InLanguage texts={definition.scale.maxLabel} language={language} swedishToo={false} />
    </>
  );
  return (
    <div className="answers">
      <p>
        <InLanguage texts={definition.instructions} language={language} swedishToo={swedishToo} />
      </p>
      {definition.items.map((item, index) => {
        const field = answerField(item.key);
        const error = errors[field];
        const value = values[field] ?? "";
        const hintId = `${field}-hint`;
        return (
          <fieldset
            key={item.key}
            className={error ? "answers__item field--error" : "answers__item"}
            aria-describedby={error ? `${hintId} ${field}-error` : hintId}
          >
            <legend>
              {t("progression.measure.answers.item", { number: index + 1 })}{" "}
              <InLanguage texts={item.text} language={language} swedishToo={swedishToo} />
            </legend>
            {error ? (
              <p className="field__error" id={`${field}-error`}>
                {error}
              </p>
            ) : null}
            <div className="answers__scale">
              {numbers.map((n, i) => (
                <label key={n} className="answers__option">
                  <input
                    type="radio"
                    name={field}
                    id={i === 0 ? field : `${field}-${n}`}
                    value={String(n)}
                    defaultChecked={value === String(n)}
                    aria-invalid={error ? true : undefined}
                  />
                  {n}
                </label>
              ))}
            </div>
            <p className="answers__ends" id={hintId}>
              <span>{ends}</span>
            </p>
            <label className="answers__skip">
              <input
                type="radio"
                name={field}
                id={`${field}-${SKIP}`}
                value={SKIP}
                defaultChecked={value === SKIP}
              />
              {t("progression.measure.answers.skip")}
            </label>
          </fieldset>
        );
      })}
    </div>
  );
}
