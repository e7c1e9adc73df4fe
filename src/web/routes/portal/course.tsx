// One course (/portal/kurser/:courseId): its chapters in order, each with whether it is done,
// started or not started (an icon and the words), how many pages it has, and the language it is
// read in — a chapter not on the participant's language says it will be shown in Swedish.
import { data } from "react-router";
import {
  type ChapterState,
  chapterInLanguage,
  courseForParticipant,
} from "../../../courses/reading.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import { titleIn } from "../../ui/course-continue.tsx";
import { Tx, usePortal, Written } from "../../ui/portal-i18n.tsx";
import { PortalIcon, type PortalIconName } from "../../ui/portal-icons.tsx";
import type { Route } from "./+types/course.ts";

export const handle = { portal: true, hydrate: false };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, account, language } = await requireParticipant(context, request);
  try {
    const course = await courseForParticipant(state.services.db, account, params.courseId ?? "");
    return {
      course: {
        id: course.id,
        label: titleIn(course.texts, language.locale).text,
        title: { ...textsOf(course.texts, "title"), sv: course.texts.sv?.title ?? "" },
        summary: { ...textsOf(course.texts, "summary"), sv: course.texts.sv?.summary ?? "" },
        done: course.done,
        total: course.total,
        chapters: course.chapters.map((c) => ({
          id: c.id,
          title: { ...textsOf(c.texts, "title"), sv: c.texts.sv?.title ?? "" },
          intro: { ...textsOf(c.texts, "intro"), sv: c.texts.sv?.intro ?? "" },
          inSwedish: chapterInLanguage({ ...c, pages: [] }, language.locale).fallback,
          label: chapterInLanguage({ ...c, pages: [] }, language.locale).text.title,
          pageCount: c.pageCount,
          state: c.state,
          lastPageNumber: c.lastPageNumber,
        })),
      },
    };
  } catch (error) {
    if (error instanceof NotFoundError) return data({ course: null }, { status: 404 });
    throw error;
  }
}

function textsOf<T extends object, K extends keyof T>(
  texts: Partial<Record<string, T>>,
  field: K,
): Partial<Record<string, T[K]>> {
  const out: Partial<Record<string, T[K]>> = {};
  for (const [locale, text] of Object.entries(texts)) if (text) out[locale] = text[field];
  return out;
}

const STATE_ICON: Record<ChapterState, PortalIconName> = {
  klar: "check",
  paborjad: "half",
  ej: "circle",
};

export default function Course({ loaderData }: Route.ComponentProps) {
  const { t } = usePortal();
  const { course } = loaderData;
  if (!course)
    return (
      <main id="innehall" tabIndex={-1}>
        <title>{`${t("portal.courses.notFound")} – ${t("portal.name")}`}</title>
        <Tx as="h1" k="portal.courses.notFound" />
        <p>
          <a href="/portal/kurser">{t("portal.courses.backToList")}</a>
        </p>
      </main>
    );
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${course.label} – ${t("portal.name")}`}</title>
      <p>
        <a href="/portal/kurser">{t("portal.courses.backToList")}</a>
      </p>
      <Written as="h1" texts={course.title} />
      {course.summary.sv ? <Written as="p" texts={course.summary} /> : null}
      <p className="course-progress">
        {t("portal.courses.progress", { done: course.done, total: course.total })}
      </p>
      <h2>{t("portal.courses.chapters")}</h2>
      <ol className="course-chapters">
        {course.chapters.map((c, i) => {
          const page = c.state === "paborjad" ? c.lastPageNumber : 1;
          const action =
            c.state === "klar"
              ? "portal.courses.readAgain"
              : c.state === "paborjad"
                ? "portal.courses.readMore"
                : "portal.courses.read";
          return (
            <li key={c.id} className={`course-chapter course-chapter--${c.state}`}>
              <p className="course-chapter__number">
                {t("portal.courses.chapterNumber", { number: i + 1 })}
              </p>
              <Written as="h3" texts={c.title} />
              {c.intro.sv ? <Written as="p" texts={c.intro} /> : null}
              <p className="course-chapter__state">
                <PortalIcon name={STATE_ICON[c.state]} />
                <span>{t(`portal.courses.state.${c.state}`)}</span>
                <span className="course-chapter__pages">
                  {t("portal.courses.pageCount", { count: c.pageCount })}
                </span>
              </p>
              {c.inSwedish ? (
                <p className="course-page__notice">{t("portal.courses.chapterInSwedish")}</p>
              ) : null}
              {c.pageCount > 0 ? (
                <a href={`/portal/kurser/${course.id}/${c.id}/${page}`} className="portal-button">
                  {t(action)}
                  <span className="visually-hidden">
                    {": "}
                    {c.label}
                  </span>
                </a>
              ) : null}
            </li>
          );
        })}
      </ol>
    </main>
  );
}
