// One page of a course chapter (/portal/kurser/:courseId/:chapterId/:page, 1-based): in the
// chapter's language for this participant — theirs when the chapter is published in it, else
// Swedish whole with a notice — and with "Visa på svenska också" the Swedish under each text.
// Opening a page records where the participant is. A quiz question is a plain form: the answer
// is posted, and the page shows right or wrong with the explanation, then "Nästa".
import { data } from "react-router";
import { pictureSize } from "../../../courses/media.ts";
import {
  answerQuiz,
  type PageForParticipant,
  pageForParticipant,
  recordVisit,
} from "../../../courses/reading.ts";
import type { PageText } from "../../../courses/texts.ts";
import { NotFoundError, ValidationError } from "../../../platform/errors.ts";
import type { PortalLocale } from "../../../portal/locales.ts";
import { type PortalLanguage, requireParticipant } from "../../portal-guard.server.ts";
import { CoursePageView } from "../../ui/course-page-view.tsx";
import { CsrfField } from "../../ui/form.tsx";
import { Tx, usePortal } from "../../ui/portal-i18n.tsx";
import type { Route } from "./+types/course-page.ts";

export const handle = { portal: true, hydrate: false };

interface QuizResultView {
  chosen: number;
  correct: boolean;
  rightOption: number;
  explanation: string;
}

function pageView(found: PageForParticipant, language: PortalLanguage) {
  const { chapter, page } = found;
  const base = `/portal/kurser/${found.course.id}/${chapter.id}`;
  const courseLocale: PortalLocale = found.course.texts[language.locale] ? language.locale : "sv";
  const inOther = found.language.locale !== "sv";
  const svText: PageText | undefined = page.texts.sv;
  const previous: QuizResultView | null =
    found.answer && page.correctOption !== null
      ? {
          chosen: found.answer.chosen,
          correct: found.answer.correct,
          rightOption: page.correctOption,
          explanation: found.text.explanation ?? "",
        }
      : null;
  return {
    courseId: found.course.id,
    courseTitle: {
      text: found.course.texts[courseLocale]?.title ?? found.course.texts.sv?.title ?? "",
      locale: courseLocale,
    },
    chapterTitle: found.language.text.title,
    locale: found.language.locale,
    fallback: found.language.fallback,
    kind: page.kind,
    text: {
      title: found.text.title,
      body: found.text.body,
      alt: found.text.alt,
      audioId: found.text.audioId,
      captionsId: found.text.captionsId,
      options: found.text.options,
      // the explanation only once answered
      explanation: previous ? found.text.explanation : undefined,
    } satisfies PageText,
    swedish:
      language.swedishToo && inOther && svText
        ? {
            chapterTitle: chapter.texts.sv?.title ?? "",
            text: { ...svText, explanation: previous ? svText.explanation : undefined },
          }
        : null,
    mediaId: page.mediaId,
    pageNumber: found.pageNumber,
    pageCount: found.pageCount,
    previousHref: found.pageNumber > 1 ? `${base}/${found.pageNumber - 1}` : null,
    nextHref:
      found.pageNumber < found.pageCount ? `${base}/${found.pageNumber + 1}` : `${base}/klart`,
    previous,
  };
}

async function find(args: Route.LoaderArgs | Route.ActionArgs) {
  const { context, request, params } = args;
  const access = await requireParticipant(context, request);
  const found = await pageForParticipant(
    access.state.services.db,
    access.account,
    params.courseId ?? "",
    params.chapterId ?? "",
    Number(params.page),
    access.language.locale,
  );
  return { access, found };
}

export async function loader(args: Route.LoaderArgs) {
  try {
    const { access, found } = await find(args);
    await recordVisit(
      access.state.services.db,
      access.account,
      found.course.id,
      found.chapter.id,
      found.page.id,
    );
    const mediaSize =
      found.page.kind === "bild"
        ? await pictureSize(
            access.state.services.db,
            access.account.associationId,
            found.page.mediaId,
          )
        : null;
    return { page: { ...pageView(found, access.language), mediaSize } };
  } catch (error) {
    if (error instanceof NotFoundError) return data({ page: null }, { status: 404 });
    throw error;
  }
}

type Answered = { result: QuizResultView; error?: undefined } | { result?: undefined; error: true };

export async function action(args: Route.ActionArgs) {
  try {
    const { access, found } = await find(args);
    const form = await args.request.formData();
    const raw = form.get("svar");
    const chosen = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : -1;
    const result = await answerQuiz(
      access.state.services.db,
      access.account,
      found.course.id,
      found.chapter.id,
      found.page.id,
      chosen,
      access.language.locale,
    );
    return data<Answered>({ result });
  } catch (error) {
    if (error instanceof ValidationError) return data<Answered>({ error: true }, { status: 400 });
    if (error instanceof NotFoundError) return data<Answered>({ error: true }, { status: 404 });
    throw error;
  }
}

export default function CoursePage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = usePortal();
  const page = loaderData.page;
  if (!page)
    return (
      <main id="innehall" tabIndex={-1}>
        <title>{`${t("portal.courses.pageNotFound")} – ${t("portal.name")}`}</title>
        <Tx as="h1" k="portal.courses.pageNotFound" />
        <p>
          <a href={`/portal/kurser/${params.courseId}`}>{t("portal.courses.backToCourse")}</a>
        </p>
        <p>
          <a href="/portal/kurser">{t("portal.courses.backToList")}</a>
        </p>
      </main>
    );
  const answered = actionData as Answered | undefined;
  const result = answered?.result ?? page.previous;
  // the explanation comes with the answer (never before it)
  const text = result ? { ...page.text, explanation: result.explanation } : page.text;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${page.text.title} – ${t("portal.name")}`}</title>
      <p>
        <a href={`/portal/kurser/${page.courseId}`}>{t("portal.courses.backToCourse")}</a>
      </p>
      <CoursePageView
        t={t}
        locale={page.locale}
        fallback={page.fallback}
        courseTitle={page.courseTitle}
        chapterTitle={page.chapterTitle}
        kind={page.kind}
        text={text}
        swedish={page.swedish}
        mediaId={page.mediaId}
        mediaSize={page.mediaSize}
        mediaUrl={(id) => `/portal/filer/${id}`}
        pageNumber={page.pageNumber}
        pageCount={page.pageCount}
        previousHref={page.previousHref}
        nextHref={page.nextHref}
        quiz={
          page.kind === "fraga"
            ? {
                mode: "form",
                hidden: <CsrfField />,
                chosen: result?.chosen ?? null,
                error: answered?.error === true,
                result: result ?? null,
              }
            : null
        }
      />
    </main>
  );
}
