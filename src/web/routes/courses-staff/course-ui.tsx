// Pieces the course and chapter pages share: the language tabs (Swedish and one other language
// at a time), a language's text fields, and the translation states' words and legend.
import { Link } from "react-router";
import type { TranslationState } from "../../../courses/texts.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { PORTAL_LOCALES, type PortalLocale, portalDirection } from "../../../portal/locales.ts";
import { useI18n } from "../../ui/i18n.tsx";
import { LanguageTextField } from "../../ui/language-text-field.tsx";

export const languageKey = (locale: PortalLocale): MessageKey => `courses.language.${locale}`;
export const stateKey = (state: TranslationState): MessageKey => `courses.state.${state}`;
const stateHelpKey = (state: TranslationState): MessageKey => `courses.stateHelp.${state}`;

export const STATES: readonly TranslationState[] = [
  "saknas",
  "paborjad",
  "komplett",
  "inaktuell",
  "klar",
];

/** Links to show one other language beside the Swedish; the current one is marked. */
export function LanguageTabs({ path, current }: { path: string; current: PortalLocale }) {
  const { t } = useI18n();
  return (
    <nav aria-labelledby="sprakval">
      <h2 id="sprakval">{t("courses.languageTabs")}</h2>
      <ul className="inline-list">
        {PORTAL_LOCALES.filter((l) => l !== "sv").map((l) => (
          <li key={l}>
            {l === current ? (
              <strong aria-current="page">{t(languageKey(l))}</strong>
            ) : (
              <Link to={`${path}?sprak=${l}`}>{t(languageKey(l))}</Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** One language's title and a longer text (a course's summary, a chapter's introduction). */
export function LanguageFields({
  locale,
  second,
  values,
  errors,
}: {
  locale: PortalLocale;
  second: "summary" | "intro";
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { t, locale: ui } = useI18n();
  const dir = portalDirection(locale);
  const name = t(languageKey(locale));
  const language = ui === "sv" ? name.toLocaleLowerCase("sv-SE") : name;
  const fields = [
    { field: `title-${locale}`, label: t("courses.field.title", { language }), multi: false },
    {
      field: `${second}-${locale}`,
      label:
        second === "summary"
          ? t("courses.field.summary", { language })
          : t("courses.field.intro", { language }),
      multi: true,
    },
  ];
  return (
    <fieldset lang={locale} dir={dir} className="guide-edit__language">
      <legend lang={ui} dir="ltr">
        {locale === "sv"
          ? t("courses.swedishRequired", { language: name })
          : t("courses.optionalLanguage", { language: name })}
      </legend>
      {fields.map(({ field, label, multi }) => (
        <LanguageTextField
          key={field}
          name={field}
          label={label}
          error={errors[field]}
          value={values[field] ?? ""}
          lang={locale}
          rows={multi ? 4 : undefined}
        />
      ))}
    </fieldset>
  );
}

/** What each state word means, under the status tables. */
export function StateLegend() {
  const { t } = useI18n();
  return (
    <dl className="course-states">
      {STATES.map((s) => (
        <div key={s}>
          <dt>{t(stateKey(s))}</dt>
          <dd>{t(stateHelpKey(s))}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The notice words after a redirect (?klart=…), shared by the course pages. */
export const NOTICES: Record<string, MessageKey> = {
  skapad: "courses.notice.created",
  sparad: "courses.notice.saved",
  kapitel: "courses.notice.chapterAdded",
  flyttad: "courses.notice.moved",
  publicerad: "courses.notice.published",
  tillbakadragen: "courses.notice.withdrawn",
  aterstalld: "courses.notice.restored",
  bekraftad: "courses.notice.confirmed",
  obekraftad: "courses.notice.unconfirmed",
  borttaget: "courses.notice.chapterDeleted",
};

export function Notice({ notice }: { notice: string | null }) {
  const { t } = useI18n();
  if (!notice || !Object.hasOwn(NOTICES, notice)) return null;
  return (
    <p className="notice" role="status">
      {t(NOTICES[notice] as MessageKey)}
    </p>
  );
}
