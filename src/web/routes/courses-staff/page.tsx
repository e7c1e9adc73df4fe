// One page of a course's chapter in the editor: its texts in Swedish and, side by side, in ONE
// other portal language (?sprak=en|ar|so|ti|fa; Swedish alone with ?sprak=sv), with the files
// of its kind in the same form (a picture, each language's recording, a video and each
// language's captions) and a preview of what is saved. A refused upload or text re-renders
// with everything typed kept and the problems on top, each linking to its field.
import { Link, useSearchParams } from "react-router";
import type { CourseDraft } from "../../../courses/draft.ts";
import { type MediaInfo, mediaInfoOf, storeMedia } from "../../../courses/media.ts";
import {
  CORRECT_FIELD,
  optionField,
  PAGE_ALT_MAX,
  PAGE_BODY_MAX,
  PAGE_TITLE_MAX,
  type PageInput,
  type PageTextInput,
  type PageTextPart,
  PICTURE_FIELD,
  pageField,
  pageInDraft,
  QUIZ_OPTIONS_MAX,
  updatePage,
  VIDEO_FIELD,
} from "../../../courses/pages.ts";
import type { MediaKind, PageKind, PageText } from "../../../courses/texts.ts";
import { NotFoundError, ValidationError } from "../../../platform/errors.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import {
  isPortalLocale,
  PORTAL_LOCALES,
  type PortalLocale,
  portalDirection,
} from "../../../portal/locales.ts";
import { attempt, redirectWithNotice, text } from "../../guard.server.ts";
import { Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { LanguageTextField } from "../../ui/language-text-field.tsx";
import { ProblemSummary } from "../../ui/workflow-panels.tsx";
import { languageKey } from "../portal-staff/guide-keys.ts";
import type { Route } from "./+types/page.ts";
import { notFoundPage, requireCourseDraft } from "./courses-access.server.ts";
import stylesHref from "./page.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

/** The page in the course's draft, when it is in the URL's chapter; otherwise 404. */
function pageOf(draft: CourseDraft, params: { chapterId: string; pageId: string }) {
  try {
    const found = pageInDraft(draft, params.pageId);
    if (found.view.chapter.id !== params.chapterId) throw new NotFoundError("Sidan finns inte.");
    return found;
  } catch (error) {
    return notFoundPage(error);
  }
}

const shownLocale = (value: string | null): PortalLocale => (isPortalLocale(value) ? value : "sv");

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { db, association, draft } = await requireCourseDraft(context, request, params);
  const { view, page } = pageOf(draft, params);
  const locale = shownLocale(new URL(request.url).searchParams.get("sprak"));
  const ids = [
    page.mediaId ?? "",
    ...Object.values(page.texts).flatMap((t) => [t?.audioId ?? "", t?.captionsId ?? ""]),
  ];
  const media: Record<string, MediaInfo> = Object.fromEntries(
    (await mediaInfoOf(db, association.id, draft.course.id, ids)).map((m) => [m.id, m]),
  );
  const missing = (l: PortalLocale) =>
    view.statuses[l].missing.filter((m) => m.pageId === page.id).map((m) => m.label);
  return {
    slug: association.slug,
    courseId: draft.course.id,
    chapterId: view.chapter.id,
    courseTitle: draft.course.texts.sv?.title ?? "",
    chapterTitle: view.chapter.texts.sv?.title ?? "",
    position: view.pages.findIndex((p) => p.id === page.id) + 1,
    locale,
    page: {
      id: page.id,
      kind: page.kind,
      version: page.version,
      mediaId: page.mediaId,
      correctOption: page.correctOption,
      texts: page.texts,
    },
    media,
    missing: { sv: missing("sv"), other: locale === "sv" ? [] : missing(locale) },
  };
}

/** The languages the form shows: Swedish, and the chosen other one. */
const shownLocales = (locale: PortalLocale): PortalLocale[] =>
  locale === "sv" ? ["sv"] : ["sv", locale];

/** A chosen file of the form, or undefined when none was chosen. */
function fileOf(form: FormData, name: string): File | undefined {
  const value = form.get(name);
  return value instanceof File && value.size > 0 ? value : undefined;
}

/** What the form sent: the values to show again and the use case's input. */
function formValues(form: FormData, kind: PageKind, locales: PortalLocale[]) {
  const values: Record<string, string> = {};
  const input: PageInput = { texts: {} };
  const keep = (name: string) => {
    const value = text(form, name);
    values[name] = value;
    return value;
  };
  for (const locale of locales) {
    const t: PageTextInput = {
      title: keep(pageField(locale, "title")),
      body: keep(pageField(locale, "body")),
    };
    if (kind === "bild") t.alt = keep(pageField(locale, "alt"));
    if (kind === "fraga") {
      t.options = Array.from({ length: QUIZ_OPTIONS_MAX }, (_, i) => keep(optionField(locale, i)));
      t.explanation = keep(pageField(locale, "explanation"));
    }
    input.texts[locale] = t;
  }
  if (kind === "fraga") {
    const chosen = keep(CORRECT_FIELD);
    input.correctOption = /^\d$/.test(chosen) ? Number(chosen) : null;
  }
  return { values, input };
}

/** The files of the form: which field, which kind, and where the stored id goes. */
function filesOf(form: FormData, kind: PageKind, locales: PortalLocale[]) {
  const files: {
    field: string;
    kind: MediaKind;
    file: File;
    attach: (input: PageInput, id: string) => void;
  }[] = [];
  const add = (field: string, media: MediaKind, attach: (input: PageInput, id: string) => void) => {
    const file = fileOf(form, field);
    if (file) files.push({ field, kind: media, file, attach });
  };
  if (kind === "bild")
    add(PICTURE_FIELD, "bild", (input, id) => {
      input.mediaId = id;
    });
  if (kind === "video")
    add(VIDEO_FIELD, "video", (input, id) => {
      input.mediaId = id;
    });
  for (const locale of locales) {
    const into = (input: PageInput) => {
      input.texts[locale] ??= {};
      return input.texts[locale];
    };
    if (kind === "ljud")
      add(pageField(locale, "audio"), "ljud", (input, id) => {
        into(input).audioId = id;
      });
    if (kind === "video")
      add(pageField(locale, "captions"), "textning", (input, id) => {
        into(input).captionsId = id;
      });
  }
  return files;
}

const FILE_NOT_KEPT =
  "Filen sparades inte, eftersom något annat på sidan behöver rättas. Välj filen igen när du sparar.";

export async function action({ context, request, params }: Route.ActionArgs) {
  const { db, actor, principal, association, draft } = await requireCourseDraft(
    context,
    request,
    params,
  );
  const { page } = pageOf(draft, params);
  const form = await request.formData();
  const locale = shownLocale(text(form, "sprak"));
  const locales = shownLocales(locale);
  const version = Number(text(form, "version"));
  const { values, input } = formValues(form, page.kind, locales);
  values.sprak = locale;
  const files = filesOf(form, page.kind, locales);

  const saved = await attempt(
    () =>
      db.transaction(async (tx) => {
        const problems: Record<string, string> = {};
        const stored: string[] = [];
        for (const f of files) {
          try {
            const id = await storeMedia(
              tx,
              actor,
              principal,
              association.id,
              draft.course.id,
              f.kind,
              { fileName: f.file.name, data: new Uint8Array(await f.file.arrayBuffer()) },
              f.field,
            );
            f.attach(input, id);
            stored.push(f.field);
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            Object.assign(problems, error.fields);
          }
        }
        try {
          await updatePage(
            tx,
            actor,
            principal,
            association.id,
            draft.course.id,
            page.id,
            input,
            version,
          );
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          Object.assign(problems, error.fields);
        }
        if (Object.keys(problems).length) {
          // nothing is kept: a file that was fine must be chosen again
          for (const field of stored) problems[field] ??= FILE_NOT_KEPT;
          throw new ValidationError(problems);
        }
      }),
    values,
  );
  if (!saved.ok) return saved.failure;
  return redirectWithNotice(
    `/${association.slug}/kurser/${draft.course.id}/kapitel/${params.chapterId}/sidor/${page.id}?sprak=${locale}`,
    "sparad",
  );
}

// ── The form ─────────────────────────────────────────────────────────────────────────────────

const KIND_KEY: Record<PageKind, MessageKey> = {
  text: "coursePages.kind.text",
  bild: "coursePages.kind.bild",
  ljud: "coursePages.kind.ljud",
  video: "coursePages.kind.video",
  fraga: "coursePages.kind.fraga",
};

const ACCEPT: Record<MediaKind, string> = {
  bild: "image/jpeg,image/png,image/webp",
  ljud: "audio/mpeg,audio/mp4,audio/ogg,audio/webm,.mp3,.m4a,.ogg,.webm",
  video: "video/mp4,video/webm",
  textning: "text/vtt,.vtt",
};

const BODY_LABEL: Record<PageKind, MessageKey> = {
  text: "coursePages.field.body",
  bild: "coursePages.field.bodyOptional",
  ljud: "coursePages.field.spoken",
  video: "coursePages.field.bodyOptional",
  fraga: "coursePages.field.question",
};

const describedBy = (...ids: (string | false | undefined)[]) =>
  ids.filter(Boolean).join(" ") || undefined;

function FileField({
  name,
  label,
  hint,
  error,
  accept,
}: {
  name: string;
  label: string;
  hint: string;
  error: string | undefined;
  accept: string;
}) {
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={name}>{label}</label>
      <p className="field__hint" id={`${name}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="field__error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        type="file"
        accept={accept}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${name}-hint`, error && `${name}-error`)}
      />
    </div>
  );
}

type LoaderData = Route.ComponentProps["loaderData"];

/** The editor shows a picture at most 480 pixels wide, its height in proportion when known. */
const PREVIEW_WIDTH = 480;
function previewSize(media: MediaInfo | undefined): { width: number; height?: number } {
  if (!media?.width || !media.height) return { width: PREVIEW_WIDTH };
  const width = Math.min(PREVIEW_WIDTH, media.width);
  return { width, height: Math.max(1, Math.round((media.height * width) / media.width)) };
}

function Saved({ media, label }: { media: MediaInfo | undefined; label: string }) {
  const { t } = useI18n();
  return (
    <p className="field__hint">
      {label}: {media ? media.fileName : t("coursePages.file.none")}
    </p>
  );
}

function LanguageColumn({
  loaderData,
  locale,
  values,
  errors,
}: {
  loaderData: LoaderData;
  locale: PortalLocale;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { t, locale: ui } = useI18n();
  const { page, media, slug, courseId } = loaderData;
  const kind = page.kind;
  const name = t(languageKey(locale));
  const language = ui === "sv" ? name.toLocaleLowerCase("sv-SE") : name;
  const saved: PageText | undefined = page.texts[locale];
  const field = (part: PageTextPart) => pageField(locale, part);
  const fileUrl = (id: string) => `/${slug}/kurser/${courseId}/filer/${id}`;
  return (
    <fieldset lang={locale} dir={portalDirection(locale)} className="guide-edit__language">
      <legend lang={ui} dir="ltr">
        {name}
      </legend>
      <LanguageTextField
        name={field("title")}
        label={t("coursePages.field.title", { language })}
        hint={t("coursePages.field.titleHint", { max: PAGE_TITLE_MAX })}
        error={errors[field("title")]}
        value={values[field("title")] ?? ""}
        lang={locale}
      />
      <LanguageTextField
        name={field("body")}
        label={t(BODY_LABEL[kind], { language })}
        hint={t("coursePages.field.bodyHint", { max: PAGE_BODY_MAX.toLocaleString("sv-SE") })}
        error={errors[field("body")]}
        value={values[field("body")] ?? ""}
        lang={locale}
        rows={kind === "fraga" ? 3 : 8}
      />
      {kind === "bild" ? (
        <LanguageTextField
          name={field("alt")}
          label={t("coursePages.field.alt", { language })}
          hint={t("coursePages.field.altHint", { max: PAGE_ALT_MAX })}
          error={errors[field("alt")]}
          value={values[field("alt")] ?? ""}
          lang={locale}
        />
      ) : null}
      {kind === "ljud" ? (
        <div>
          {saved?.audioId ? (
            <>
              <Saved
                media={media[saved.audioId]}
                label={t("coursePages.file.savedRecording", { language })}
              />
              {/* biome-ignore lint/a11y/useMediaCaption: the text beside it is what the recording says */}
              <audio controls preload="none" src={fileUrl(saved.audioId)} />
            </>
          ) : (
            <Saved media={undefined} label={t("coursePages.file.savedRecording", { language })} />
          )}
          <FileField
            name={field("audio")}
            label={t("coursePages.file.recording", { language })}
            hint={t("coursePages.file.recordingHint")}
            error={errors[field("audio")]}
            accept={ACCEPT.ljud}
          />
        </div>
      ) : null}
      {kind === "video" ? (
        <div>
          <Saved
            media={saved?.captionsId ? media[saved.captionsId] : undefined}
            label={t("coursePages.file.savedCaptions", { language })}
          />
          <FileField
            name={field("captions")}
            label={t("coursePages.file.captions", { language })}
            hint={t("coursePages.file.captionsHint")}
            error={errors[field("captions")]}
            accept={ACCEPT.textning}
          />
        </div>
      ) : null}
      {kind === "fraga" ? (
        <QuizFields locale={locale} language={language} values={values} errors={errors} />
      ) : null}
    </fieldset>
  );
}

function QuizFields({
  locale,
  language,
  values,
  errors,
}: {
  locale: PortalLocale;
  language: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { t, locale: ui } = useI18n();
  const dir = portalDirection(locale);
  const correct = values[CORRECT_FIELD] ?? "";
  const correctError = locale === "sv" ? errors[CORRECT_FIELD] : undefined;
  return (
    <>
      <fieldset
        className={correctError ? "field field--error" : "field"}
        aria-describedby={describedBy(
          `options-${locale}-hint`,
          correctError && `${CORRECT_FIELD}-error`,
        )}
      >
        <legend lang={ui} dir="ltr">
          {t("coursePages.field.options", { language })}
        </legend>
        <p className="field__hint" id={`options-${locale}-hint`} lang={ui} dir="ltr">
          {locale === "sv"
            ? t("coursePages.field.optionsHintSv", { max: QUIZ_OPTIONS_MAX })
            : t("coursePages.field.optionsHint")}
        </p>
        {correctError ? (
          <p className="field__error" id={`${CORRECT_FIELD}-error`} lang="sv" dir="ltr">
            {correctError}
          </p>
        ) : null}
        {Array.from({ length: QUIZ_OPTIONS_MAX }, (_, i) => {
          const name = optionField(locale, i);
          const error = errors[name];
          const radioId = i === 0 ? CORRECT_FIELD : `${CORRECT_FIELD}-${i}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the options are places 1–5
            <div key={i} className={error ? "field field--error" : "field"}>
              <label htmlFor={name} lang={ui} dir="ltr">
                {t("coursePages.field.option", { number: i + 1 })}
              </label>
              {error ? (
                <p className="field__error" id={`${name}-error`} lang="sv" dir="ltr">
                  {error}
                </p>
              ) : null}
              <input
                id={name}
                name={name}
                type="text"
                defaultValue={values[name] ?? ""}
                lang={locale}
                dir={dir}
                autoComplete="off"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${name}-error` : undefined}
                className="input"
              />
              {locale === "sv" ? (
                <label htmlFor={radioId} lang={ui} dir="ltr" className="course-page__correct">
                  <input
                    type="radio"
                    id={radioId}
                    name={CORRECT_FIELD}
                    value={String(i)}
                    defaultChecked={correct === String(i)}
                  />{" "}
                  {t("coursePages.field.correct", { number: i + 1 })}
                </label>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <LanguageTextField
        name={pageField(locale, "explanation")}
        label={t("coursePages.field.explanation", { language })}
        hint={t("coursePages.field.explanationHint")}
        error={errors[pageField(locale, "explanation")]}
        value={values[pageField(locale, "explanation")] ?? ""}
        lang={locale}
        rows={3}
      />
    </>
  );
}

/** The values the form starts with: the saved page. */
function savedValues(loaderData: LoaderData): Record<string, string> {
  const { page, locale } = loaderData;
  const values: Record<string, string> = {};
  for (const l of shownLocales(locale)) {
    const saved = page.texts[l];
    values[pageField(l, "title")] = saved?.title ?? "";
    values[pageField(l, "body")] = saved?.body ?? "";
    values[pageField(l, "alt")] = saved?.alt ?? "";
    values[pageField(l, "explanation")] = saved?.explanation ?? "";
    for (let i = 0; i < QUIZ_OPTIONS_MAX; i++)
      values[optionField(l, i)] = saved?.options?.[i] ?? "";
  }
  const svOptions = page.texts.sv?.options?.length ?? 0;
  values[CORRECT_FIELD] =
    page.correctOption !== null && page.correctOption < svOptions ? String(page.correctOption) : "";
  return values;
}

const NOTICES: Record<string, MessageKey> = {
  sparad: "coursePages.notice.saved",
  tillagd: "coursePages.notice.added",
};

export default function PageEditor({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const [params] = useSearchParams();
  const notice = params.get("klart");
  const { slug, courseId, chapterId, page, media, locale, position, missing } = loaderData;
  const errors = failure?.errors ?? {};
  const values = failure?.values ?? savedValues(loaderData);
  const base = `/${slug}/kurser/${courseId}`;
  const here = `${base}/kapitel/${chapterId}/sidor/${page.id}`;
  const kindName = t(KIND_KEY[page.kind]);
  const title = page.texts.sv?.title || t("coursePages.untitled");
  const heading = t("coursePages.heading", { number: position, kind: kindName, title });
  const svAlt = page.texts.sv?.alt ?? "";
  const otherAlt = locale !== "sv" ? page.texts[locale]?.alt : undefined;
  const fileUrl = (id: string) => `${base}/filer/${id}`;
  const captions = shownLocales(locale).flatMap((l) => {
    const id = page.texts[l]?.captionsId;
    return id ? [{ locale: l, id }] : [];
  });
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${heading} – Samspår`}</title>
      <p>
        <Link to={`${base}/kapitel/${chapterId}`}>
          {t("coursePages.backToChapter", { chapter: loaderData.chapterTitle })}
        </Link>
      </p>
      <p className="lead">{loaderData.courseTitle}</p>
      <h1>{heading}</h1>
      {notice && Object.hasOwn(NOTICES, notice) ? (
        <p className="notice" role="status">
          {t(NOTICES[notice] as MessageKey)}
        </p>
      ) : null}
      <ProblemSummary
        items={Object.entries(errors).map(([key, message]) => ({
          key,
          message,
          href: key === "form" ? undefined : `#${key}`,
        }))}
      />

      <nav aria-labelledby="sprak-rubrik">
        <h2 id="sprak-rubrik">{t("coursePages.languages")}</h2>
        <ul className="link-list course-page__tabs">
          {PORTAL_LOCALES.map((l) => (
            <li key={l}>
              <Link to={`${here}?sprak=${l}`} aria-current={l === locale ? "page" : undefined}>
                {l === "sv"
                  ? t("coursePages.swedishOnly")
                  : t("coursePages.besideSwedish", { language: t(languageKey(l)) })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {missing.sv.length || missing.other.length ? (
        <section aria-labelledby="saknas" className="panel">
          <h2 id="saknas">{t("coursePages.missingTitle")}</h2>
          <ul>
            {missing.sv.map((label) => (
              <li key={`sv-${label}`}>
                {t("coursePages.missingIn", { language: t(languageKey("sv")), label })}
              </li>
            ))}
            {missing.other.map((label) => (
              <li key={`x-${label}`}>
                {t("coursePages.missingIn", { language: t(languageKey(locale)), label })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Form method="post" encType="multipart/form-data" reloadDocument noValidate>
        <input type="hidden" name="version" value={page.version} />
        <input type="hidden" name="sprak" value={locale} />
        {page.kind === "bild" ? (
          <section aria-labelledby="bilden" className="panel">
            <h2 id="bilden">{t("coursePages.picture.title")}</h2>
            {page.mediaId ? (
              <figure className="course-page__media-figure">
                <img
                  src={fileUrl(page.mediaId)}
                  alt={svAlt}
                  {...previewSize(media[page.mediaId])}
                  className="course-page__media"
                />
                <figcaption>
                  {t("coursePages.picture.altShown", { alt: svAlt || t("coursePages.none") })}
                  {otherAlt ? (
                    <>
                      <br />
                      <span lang={locale} dir={portalDirection(locale)}>
                        {otherAlt}
                      </span>
                    </>
                  ) : null}
                </figcaption>
              </figure>
            ) : (
              <p>{t("coursePages.picture.none")}</p>
            )}
            <FileField
              name={PICTURE_FIELD}
              label={
                page.mediaId ? t("coursePages.picture.replace") : t("coursePages.picture.choose")
              }
              hint={t("coursePages.picture.hint")}
              error={errors[PICTURE_FIELD]}
              accept={ACCEPT.bild}
            />
          </section>
        ) : null}
        {page.kind === "video" ? (
          <section aria-labelledby="videon" className="panel">
            <h2 id="videon">{t("coursePages.video.title")}</h2>
            {page.mediaId ? (
              <>
                <Saved media={media[page.mediaId]} label={t("coursePages.video.saved")} />
                {/* biome-ignore lint/a11y/useMediaCaption: the captions are the tracks, when uploaded */}
                <video controls preload="metadata" width={480} className="course-page__media">
                  <source
                    src={fileUrl(page.mediaId)}
                    type={media[page.mediaId]?.mediaType ?? "video/mp4"}
                  />
                  {captions.map((c, i) => (
                    <track
                      key={c.locale}
                      kind="captions"
                      src={fileUrl(c.id)}
                      srcLang={c.locale}
                      label={t(languageKey(c.locale))}
                      default={i === 0}
                    />
                  ))}
                </video>
              </>
            ) : (
              <p>{t("coursePages.video.none")}</p>
            )}
            <FileField
              name={VIDEO_FIELD}
              label={page.mediaId ? t("coursePages.video.replace") : t("coursePages.video.choose")}
              hint={t("coursePages.video.hint")}
              error={errors[VIDEO_FIELD]}
              accept={ACCEPT.video}
            />
          </section>
        ) : null}

        <div className={locale === "sv" ? undefined : "guide-edit__side-by-side"}>
          {shownLocales(locale).map((l) => (
            <LanguageColumn
              key={l}
              loaderData={loaderData}
              locale={l}
              values={values}
              errors={errors}
            />
          ))}
        </div>
        <div className="button-row">
          <SubmitButton>{t("coursePages.save")}</SubmitButton>
          <Link to={`${base}/forhandsvisning?sprak=${locale}`}>{t("coursePages.preview")}</Link>
          <Link to={`${base}/kapitel/${chapterId}`}>{t("coursePages.toChapter")}</Link>
        </div>
      </Form>
    </main>
  );
}
