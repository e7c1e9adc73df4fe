// One page of a course as a participant reads it: the title, the plain-text body (paragraphs
// and "- " lists, src/portal/guide-text.ts), the picture, the recording with its text visible,
// the video with captions, or the quiz question; "Sida 2 av 5" and large "Föregående"/"Nästa"
// links. Used by the portal's page and by the staff's preview, so it needs no request context:
// the words come from `t` (a portal translator in the participant's language) and the texts and
// links from props. With `swedish` (the chapter's Swedish, for "Visa på svenska också") the
// Swedish follows each text.
import type { ReactNode } from "react";
import type { PixelSize } from "../../courses/image-size.ts";
import type { PageKind, PageText } from "../../courses/texts.ts";
import { guideBlocks } from "../../portal/guide-text.ts";
import { PORTAL_LANGUAGE_NAMES, type PortalLocale, portalDirection } from "../../portal/locales.ts";
import type { PortalTranslate } from "../../portal/translate.ts";
import { PortalIcon } from "./portal-icons.tsx";

export function PlainText({ body }: { body: string }) {
  return (
    <>
      {guideBlocks(body).map((block, i) =>
        block.kind === "ul" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks are a fixed rendering of the text
          <ul key={i}>
            {block.items.map((item, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items are a fixed rendering of the text
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks are a fixed rendering of the text
          <p key={i}>
            {block.lines.map((line, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are a fixed rendering of the text
              <span key={j}>
                {j > 0 ? <br /> : null}
                {line}
              </span>
            ))}
          </p>
        ),
      )}
    </>
  );
}

/** The Swedish under a text ("Visa på svenska också"). */
function SwedishToo({ children }: { children: ReactNode }) {
  return (
    <div className="sv-too course-page__sv" lang="sv" dir="ltr">
      {children}
    </div>
  );
}

export type QuizView =
  /** The participant's form: radio options and "Svara" (a plain POST). */
  | {
      mode: "form";
      /** The CSRF field (the portal's root gives it). */
      hidden: ReactNode;
      chosen: number | null;
      error: boolean;
      result: { chosen: number; correct: boolean; rightOption: number; explanation: string } | null;
    }
  /** The staff's preview: the options with the right one marked, no form. */
  | { mode: "preview"; rightOption: number };

export interface CoursePageViewProps {
  /** The participant's language: the portal's own words (t) are in it. */
  t: PortalTranslate;
  /** The language the chapter is read in. */
  locale: PortalLocale;
  /** The participant's language is not the chapter's: the notice. */
  fallback: boolean;
  /** The course's title and the language it is in. */
  courseTitle: { text: string; locale: PortalLocale };
  chapterTitle: string;
  kind: PageKind;
  text: PageText;
  /** The chapter's Swedish (chapter title and page text), when it is to follow each text. */
  swedish: { chapterTitle: string; text: PageText } | null;
  /** The picture or video (same in every language). */
  mediaId: string | null;
  /**
   * The picture's size in pixels (course_media width/height): given to the <img>, so the page
   * keeps its place for the picture while it loads (the CSS still scales it to the screen).
   * Null or left out when unknown.
   */
  mediaSize?: PixelSize | null;
  mediaUrl: (mediaId: string) => string;
  pageNumber: number;
  pageCount: number;
  previousHref: string | null;
  nextHref: string;
  quiz: QuizView | null;
}

export function CoursePageView(props: CoursePageViewProps) {
  const { t, locale, text, swedish, kind } = props;
  // the texts are in the chapter's language; the portal's own words in the participant's
  const content = { lang: locale, dir: portalDirection(locale) };
  const headingId = "sida-rubrik";
  const body =
    kind !== "fraga" && text.body ? (
      <div className="course-page__body" {...content}>
        <PlainText body={text.body} />
      </div>
    ) : null;
  const swedishBody =
    kind !== "fraga" && swedish?.text.body ? (
      <SwedishToo>
        <PlainText body={swedish.text.body} />
      </SwedishToo>
    ) : null;
  return (
    <article className="course-page" aria-labelledby={headingId}>
      <p className="course-page__where">
        <span lang={props.courseTitle.locale} dir={portalDirection(props.courseTitle.locale)}>
          {props.courseTitle.text}
        </span>
        {" · "}
        <span {...content}>{props.chapterTitle}</span>
        {swedish ? (
          <span className="sv-too" lang="sv" dir="ltr">
            {swedish.chapterTitle}
          </span>
        ) : null}
      </p>
      {props.fallback ? (
        <p className="course-page__notice">{t("portal.courses.chapterInSwedish")}</p>
      ) : null}
      <h1 id={headingId}>
        <span {...content}>{text.title}</span>
        {swedish ? (
          <span className="sv-too" lang="sv" dir="ltr">
            {swedish.text.title}
          </span>
        ) : null}
      </h1>
      <p className="course-page__count">
        {t("portal.courses.pageOf", { number: props.pageNumber, count: props.pageCount })}
      </p>

      {kind === "bild" && props.mediaId ? (
        <figure className="course-page__figure">
          <img
            src={props.mediaUrl(props.mediaId)}
            alt={text.alt ?? ""}
            width={props.mediaSize?.width}
            height={props.mediaSize?.height}
            loading="lazy"
            {...content}
          />
        </figure>
      ) : null}
      {kind === "video" && props.mediaId ? (
        // biome-ignore lint/a11y/useMediaCaption: the track is there whenever the page has captions, and a published video page always has them (texts.ts requiredFields)
        <video
          className="course-page__video"
          controls
          preload="none"
          src={props.mediaUrl(props.mediaId)}
        >
          {text.captionsId ? (
            <track
              kind="captions"
              srcLang={locale}
              label={PORTAL_LANGUAGE_NAMES[locale]}
              src={props.mediaUrl(text.captionsId)}
              default
            />
          ) : null}
        </video>
      ) : null}
      {kind === "ljud" ? (
        <section className="course-page__audio" aria-labelledby="inspelningen">
          {text.audioId ? (
            // biome-ignore lint/a11y/useMediaCaption: the recording's text is shown right below it
            <audio controls preload="none" src={props.mediaUrl(text.audioId)} />
          ) : null}
          <h2 id="inspelningen">{t("portal.courses.audioText")}</h2>
          {body}
          {swedishBody}
        </section>
      ) : (
        <>
          {body}
          {swedishBody}
        </>
      )}

      {kind === "fraga" && props.quiz ? (
        <Quiz t={t} locale={locale} text={text} swedish={swedish?.text ?? null} quiz={props.quiz} />
      ) : null}

      <nav className="course-page__nav" aria-label={t("portal.courses.pages")}>
        {props.previousHref ? (
          <a href={props.previousHref} className="portal-button portal-button--secondary">
            {t("portal.courses.previous")}
          </a>
        ) : null}
        <a href={props.nextHref} className="portal-button">
          {t("portal.courses.next")}
        </a>
      </nav>
    </article>
  );
}

/** A question as one line: a legend holds no paragraphs. */
const oneLine = (body: string) => body.replace(/\s+/g, " ").trim();

function Quiz({
  t,
  locale,
  text,
  swedish,
  quiz,
}: {
  t: PortalTranslate;
  locale: PortalLocale;
  text: PageText;
  swedish: PageText | null;
  quiz: QuizView;
}) {
  const options = text.options ?? [];
  const content = { lang: locale, dir: portalDirection(locale) };
  const question = (
    <>
      <div className="course-quiz__text" {...content}>
        <PlainText body={text.body} />
      </div>
      {swedish ? (
        <SwedishToo>
          <PlainText body={swedish.body} />
        </SwedishToo>
      ) : null}
    </>
  );
  if (quiz.mode === "preview")
    return (
      <div className="course-quiz">
        <div className="course-quiz__question">{question}</div>
        <ol className="course-quiz__options">
          {options.map((option, i) => (
            <li key={option} className={i === quiz.rightOption ? "course-quiz__right" : undefined}>
              <span {...content}>{option}</span>
              {i === quiz.rightOption ? (
                <strong>
                  {" "}
                  <PortalIcon name="check" /> {t("portal.courses.quiz.rightMark")}
                </strong>
              ) : null}
            </li>
          ))}
        </ol>
        {text.explanation ? (
          <p className="course-quiz__explanation">
            <strong>{t("portal.courses.quiz.why")}</strong>{" "}
            <span {...content}>{text.explanation}</span>
          </p>
        ) : null}
      </div>
    );
  const { result } = quiz;
  return (
    <div className="course-quiz">
      {result ? (
        <section
          className={`course-quiz__result ${result.correct ? "course-quiz__result--right" : "course-quiz__result--wrong"}`}
          aria-labelledby="svaret"
        >
          <h2 id="svaret">
            {result.correct ? <PortalIcon name="check" /> : null}
            {result.correct ? t("portal.courses.quiz.right") : t("portal.courses.quiz.wrong")}
          </h2>
          <p>{t("portal.courses.quiz.yourAnswer", { option: options[result.chosen] ?? "" })}</p>
          <p>
            {t("portal.courses.quiz.rightAnswer", { option: options[result.rightOption] ?? "" })}
          </p>
          {result.explanation ? (
            <p>
              <strong>{t("portal.courses.quiz.why")}</strong>{" "}
              <span {...content}>{result.explanation}</span>
            </p>
          ) : null}
          {swedish?.explanation ? (
            <SwedishToo>
              <p>{swedish.explanation}</p>
            </SwedishToo>
          ) : null}
          <p>{t("portal.courses.quiz.again")}</p>
        </section>
      ) : null}
      <form method="post" className="course-quiz__form">
        {quiz.hidden}
        <fieldset aria-describedby={quiz.error ? "svar-fel" : undefined}>
          <legend className="course-quiz__question">
            <span {...content}>{oneLine(text.body)}</span>
            {swedish ? (
              <span className="sv-too" lang="sv" dir="ltr">
                {oneLine(swedish.body)}
              </span>
            ) : null}
          </legend>
          {quiz.error ? (
            <p id="svar-fel" className="course-quiz__error" role="alert">
              {t("portal.courses.quiz.choose")}
            </p>
          ) : null}
          {options.map((option, i) => (
            <label key={option} className="course-quiz__option">
              <input
                type="radio"
                name="svar"
                value={i}
                defaultChecked={quiz.chosen === i}
                required
              />
              <span {...content}>{option}</span>
              {swedish?.options?.[i] ? (
                <span className="sv-too" lang="sv" dir="ltr">
                  {swedish.options[i]}
                </span>
              ) : null}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="portal-button">
          {t("portal.courses.quiz.answer")}
        </button>
      </form>
    </div>
  );
}
