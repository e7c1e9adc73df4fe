// One chapter of a course, for those who write it: its texts in Swedish beside one other
// language at a time (?sprak=xx), its pages (PageList, page-list.tsx), and per language the
// translation's status, what is missing (each a link to where it is written) and the
// translator's confirmation against the Swedish as it is now. Deleting asks for a confirmation;
// published versions keep their own copy of the chapter.
import { data, Link, useSearchParams } from "react-router";
import {
  type ChapterInput,
  chapterSwedishHash,
  confirmTranslation,
  deleteChapter,
  removeConfirmation,
  updateChapter,
} from "../../../courses/authoring.ts";
import { missingPageTexts, TRANSLATED_LOCALES } from "../../../courses/texts.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { createTranslator } from "../../../platform/i18n/translate.ts";
import { PORTAL_LOCALES, type PortalLocale } from "../../../portal/locales.ts";
import { attempt, redirectWithNotice, text } from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import type { Route } from "./+types/chapter.ts";
import {
  LanguageFields,
  LanguageTabs,
  languageKey,
  Notice,
  StateLegend,
  stateKey,
} from "./course-ui.tsx";
import {
  chosenLanguage,
  requireCourseDraft,
  requireCourseWriter,
} from "./courses-access.server.ts";
import { PageList } from "./page-list.tsx";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { association, draft } = await requireCourseDraft(context, request, params);
  const language = chosenLanguage(request);
  const index = draft.chapters.findIndex((c) => c.chapter.id === params.chapterId);
  const view = draft.chapters[index];
  if (!view)
    throw data(
      {
        message: new NotFoundError("Kapitlet finns inte i kursen. Det kan ha tagits bort.").message,
      },
      { status: 404 },
    );
  const { chapter } = view;
  return {
    slug: association.slug,
    language,
    course: { id: draft.course.id, title: draft.course.texts.sv?.title ?? "" },
    chapter: {
      id: chapter.id,
      number: index + 1,
      version: chapter.version,
      texts: chapter.texts,
    },
    swedishHash: chapterSwedishHash(draft, view),
    pages: view.pages.map((p, i) => ({
      id: p.id,
      kind: p.kind,
      title: p.texts.sv?.title ?? "",
      missingSv: missingPageTexts(p, "sv", i + 1).length,
    })),
    statuses: PORTAL_LOCALES.map((l) => ({
      locale: l,
      state: view.statuses[l].state,
      missing: view.statuses[l].missing,
    })),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, db, actor, principal, association } = await requireCourseWriter(
    context,
    request,
    params.association,
  );
  const form = await request.formData();
  const intent = text(form, "intent");
  const { courseId, chapterId } = params;
  const language = chosenLanguage(request);
  const here = `/${association.slug}/kurser/${courseId}/kapitel/${chapterId}?sprak=${language}`;

  if (intent === "save") {
    const languages = text(form, "languages")
      .split(",")
      .filter((l): l is PortalLocale => (PORTAL_LOCALES as readonly string[]).includes(l));
    const values: Record<string, string> = { intent };
    const texts: ChapterInput["texts"] = {};
    for (const l of languages) {
      values[`title-${l}`] = text(form, `title-${l}`);
      values[`intro-${l}`] = text(form, `intro-${l}`);
      texts[l] = { title: values[`title-${l}`], intro: values[`intro-${l}`] };
    }
    const saved = await attempt(
      () =>
        updateChapter(
          db,
          actor,
          principal,
          association.id,
          courseId,
          chapterId,
          { texts },
          Number(text(form, "version")),
        ),
      values,
    );
    if (!saved.ok) return saved.failure;
    return redirectWithNotice(here, "sparad");
  }
  if (intent === "confirm" || intent === "unconfirm") {
    const locale = text(form, "locale");
    const done = await attempt<unknown>(() =>
      intent === "confirm"
        ? confirmTranslation(
            db,
            actor,
            principal,
            association.id,
            courseId,
            chapterId,
            locale,
            text(form, "swedishHash"),
          )
        : removeConfirmation(db, actor, principal, association.id, courseId, chapterId, locale),
    );
    if (!done.ok) return done.failure;
    return redirectWithNotice(
      `${here}#status-${locale}`,
      intent === "confirm" ? "bekraftad" : "obekraftad",
    );
  }
  if (intent === "delete") {
    if (text(form, "confirmDelete") !== "ja")
      return data(
        {
          errors: {
            confirmDelete: createTranslator(state.locale)("courses.chapter.deleteConfirmMissing"),
          },
          values: { intent },
        },
        { status: 400 },
      );
    const done = await attempt(() =>
      deleteChapter(
        db,
        actor,
        principal,
        association.id,
        courseId,
        chapterId,
        Number(text(form, "version")),
      ),
    );
    if (!done.ok) return done.failure;
    return redirectWithNotice(
      `/${association.slug}/kurser/${courseId}?sprak=${language}`,
      "borttaget",
    );
  }
  return data(
    { errors: { form: "Okänd åtgärd. Ladda om sidan och försök igen." } },
    { status: 400 },
  );
}

export default function Chapter({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const [params] = useSearchParams();
  const d = loaderData;
  const { chapter, language } = d;
  const errors = failure?.errors ?? {};
  const coursePath = `/${d.slug}/kurser/${d.course.id}`;
  const path = `${coursePath}/kapitel/${chapter.id}`;
  const values: Record<string, string> =
    failure?.values?.intent === "save"
      ? failure.values
      : Object.fromEntries(
          (["sv", language] as const).flatMap((l) => [
            [`title-${l}`, chapter.texts[l]?.title ?? ""],
            [`intro-${l}`, chapter.texts[l]?.intro ?? ""],
          ]),
        );
  const languageName = (l: PortalLocale) => t(languageKey(l));
  const title = chapter.texts.sv?.title ?? "";
  /** Where a missing text is written: the page's editor, or this chapter's or the course's form. */
  const whereToWrite = (l: PortalLocale, m: { pageId: string | null; field: string }) =>
    m.pageId
      ? `${path}/sidor/${m.pageId}?sprak=${l}`
      : m.field === "courseTitle"
        ? `${coursePath}?sprak=${l === "sv" ? language : l}#title-${l}`
        : m.field === "chapterTitle"
          ? `${path}?sprak=${l === "sv" ? language : l}#title-${l}`
          : `${path}#sidor`;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – ${d.course.title} – Samspår`}</title>
      <p>
        <Link to={`${coursePath}?sprak=${language}`}>
          {t("courses.chapter.backToCourse", { course: d.course.title })}
        </Link>
      </p>
      <h1 lang="sv">{t("courses.chapters.numbered", { number: chapter.number, title })}</h1>
      <Notice notice={params.get("klart")} />
      <ErrorSummary errors={errors} />
      <p>
        <Link to={`${coursePath}/forhandsvisning?sprak=${language}`}>
          {t("courses.preview", { language: languageName(language) })}
        </Link>
      </p>

      <LanguageTabs path={path} current={language} />

      <section aria-labelledby="kapitlets-texter">
        <h2 id="kapitlets-texter">{t("courses.chapter.texts")}</h2>
        <Form method="post" reloadDocument noValidate>
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={chapter.version} />
          <input type="hidden" name="languages" value={`sv,${language}`} />
          <div className="guide-edit__side-by-side">
            <LanguageFields locale="sv" second="intro" values={values} errors={errors} />
            <LanguageFields locale={language} second="intro" values={values} errors={errors} />
          </div>
          <SubmitButton>{t("courses.chapter.save")}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="sidor">
        <h2 id="sidor">{t("courses.chapter.pages")}</h2>
        <PageList
          association={d.slug}
          courseId={d.course.id}
          chapterId={chapter.id}
          pages={d.pages}
        />
      </section>

      <section aria-labelledby="oversattning">
        <h2 id="oversattning">{t("courses.chapter.translation")}</h2>
        <p>{t("courses.chapter.translationIntro")}</p>
        {d.statuses.map((s) => (
          <section key={s.locale} aria-labelledby={`status-${s.locale}`} className="panel">
            <h3 id={`status-${s.locale}`}>
              {`${languageName(s.locale)}: ${t(stateKey(s.state))}`}
            </h3>
            {s.missing.length ? (
              <>
                <p>{t("courses.chapter.missing", { count: s.missing.length })}</p>
                <ul>
                  {s.missing.map((m) => (
                    <li key={`${m.pageId ?? ""}-${m.field}`} lang="sv">
                      <Link to={whereToWrite(s.locale, m)}>{m.label}</Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {(TRANSLATED_LOCALES as readonly string[]).includes(s.locale) &&
            (s.state === "komplett" || s.state === "inaktuell") ? (
              <Form method="post" reloadDocument>
                <input type="hidden" name="intent" value="confirm" />
                <input type="hidden" name="locale" value={s.locale} />
                <input type="hidden" name="swedishHash" value={d.swedishHash} />
                <p>
                  {s.state === "inaktuell"
                    ? t("courses.chapter.confirmAgainHint")
                    : t("courses.chapter.confirmHint")}
                </p>
                {errors[`confirm-${s.locale}`] ? (
                  <p className="field__error" id={`confirm-${s.locale}`}>
                    {errors[`confirm-${s.locale}`]}
                  </p>
                ) : null}
                <SubmitButton>
                  {t("courses.chapter.confirm")}
                  <span className="visually-hidden">: {languageName(s.locale)}</span>
                </SubmitButton>
              </Form>
            ) : null}
            {s.locale !== "sv" && s.state === "klar" ? (
              <Form method="post" reloadDocument>
                <input type="hidden" name="intent" value="unconfirm" />
                <input type="hidden" name="locale" value={s.locale} />
                <SubmitButton variant="secondary">
                  {t("courses.chapter.unconfirm")}
                  <span className="visually-hidden">: {languageName(s.locale)}</span>
                </SubmitButton>
              </Form>
            ) : null}
          </section>
        ))}
        <h3>{t("courses.legend")}</h3>
        <StateLegend />
      </section>

      <section aria-labelledby="ta-bort" className="panel">
        <h2 id="ta-bort">{t("courses.chapter.deleteTitle")}</h2>
        <p>{t("courses.chapter.deleteHint")}</p>
        <Form method="post" reloadDocument>
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="version" value={chapter.version} />
          <div className={errors.confirmDelete ? "field field--error" : "field"}>
            {errors.confirmDelete ? (
              <p className="field__error" id="confirmDelete-error">
                {errors.confirmDelete}
              </p>
            ) : null}
            <label htmlFor="confirmDelete">
              <input
                type="checkbox"
                id="confirmDelete"
                name="confirmDelete"
                value="ja"
                aria-describedby={errors.confirmDelete ? "confirmDelete-error" : undefined}
              />{" "}
              {t("courses.chapter.deleteConfirm", { title })}
            </label>
          </div>
          <SubmitButton variant="danger">{t("courses.chapter.delete")}</SubmitButton>
        </Form>
      </section>
    </main>
  );
}
