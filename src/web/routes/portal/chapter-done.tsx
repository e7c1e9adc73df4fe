// The end of a chapter (/portal/kurser/:courseId/:chapterId/klart), reached by "Nästa" on the
// chapter's last page: the chapter is marked done (the first time only), the page says so, links
// to the next chapter and offers "Tyck till om kapitlet (två frågor)". Reached before the last
// page was read, it says so and links back to where the participant is.
import { data } from "react-router";
import {
  chapterInLanguage,
  completeChapter,
  courseForParticipant,
} from "../../../courses/reading.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { portalDirection } from "../../../portal/locales.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import { Tx, usePortal } from "../../ui/portal-i18n.tsx";
import { PortalIcon } from "../../ui/portal-icons.tsx";
import type { Route } from "./+types/chapter-done.ts";

export const handle = { portal: true, hydrate: false };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, account, language } = await requireParticipant(context, request);
  const db = state.services.db;
  try {
    const courseId = params.courseId ?? "";
    const chapterId = params.chapterId ?? "";
    const done = await completeChapter(db, account, courseId, chapterId);
    const course = await courseForParticipant(db, account, courseId);
    const next = course.chapters.find((c) => c.id === done.nextChapterId);
    const own = chapterInLanguage(done.chapter, language.locale);
    const nextOwn = next ? chapterInLanguage({ ...next, pages: [] }, language.locale) : null;
    const here = course.chapters.find((c) => c.id === chapterId);
    return {
      found: {
        courseId,
        chapterId,
        completed: done.completed,
        title: { text: own.text.title, locale: own.locale },
        next:
          next && nextOwn
            ? { id: next.id, title: nextOwn.text.title, locale: nextOwn.locale }
            : null,
        resumePage: here?.lastPageNumber ?? 1,
        allDone: course.done === course.total,
      },
    };
  } catch (error) {
    if (error instanceof NotFoundError) return data({ found: null }, { status: 404 });
    throw error;
  }
}

export default function ChapterDone({ loaderData }: Route.ComponentProps) {
  const { t } = usePortal();
  const { found } = loaderData;
  if (!found)
    return (
      <main id="innehall" tabIndex={-1}>
        <title>{`${t("portal.courses.notFound")} – ${t("portal.name")}`}</title>
        <Tx as="h1" k="portal.courses.notFound" />
        <p>
          <a href="/portal/kurser">{t("portal.courses.backToList")}</a>
        </p>
      </main>
    );
  const course = `/portal/kurser/${found.courseId}`;
  const title = (
    <span lang={found.title.locale} dir={portalDirection(found.title.locale)}>
      {found.title.text}
    </span>
  );
  if (!found.completed)
    return (
      <main id="innehall" tabIndex={-1}>
        <title>{`${t("portal.courses.done.notYet")} – ${t("portal.name")}`}</title>
        <h1>{title}</h1>
        <Tx as="p" k="portal.courses.done.notYet" className="portal-lead" />
        <p>
          <a
            href={`${course}/${found.chapterId}/${found.resumePage}`}
            className="portal-button course-continue"
          >
            {t("portal.courses.done.continue")}
          </a>
        </p>
        <p>
          <a href={course}>{t("portal.courses.backToCourse")}</a>
        </p>
      </main>
    );
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("portal.courses.done.title")} – ${t("portal.name")}`}</title>
      <h1 className="course-done__title">
        <PortalIcon name="check" />
        {t("portal.courses.done.title")}
      </h1>
      <p className="portal-lead">{t("portal.courses.done.text", { title: found.title.text })}</p>
      {found.next ? (
        <p>
          <a href={`${course}/${found.next.id}/1`} className="portal-button course-continue">
            {t("portal.courses.done.next", { title: found.next.title })}
          </a>
        </p>
      ) : (
        <>
          <Tx as="p" k="portal.courses.done.last" />
          {found.allDone ? <Tx as="p" k="portal.courses.allDone" /> : null}
        </>
      )}
      <section aria-labelledby="tyck-till" className="portal-card course-feedback">
        <Tx as="h2" k="portal.courses.feedback.title" id="tyck-till" />
        <Tx as="p" k="portal.courses.feedback.text" />
        <p>
          <a href={`/portal/tyck-till/kapitel/${found.chapterId}`} className="portal-button">
            {t("portal.courses.feedback.link")}
          </a>
        </p>
      </section>
      <p>
        <a href={course}>{t("portal.courses.backToCourse")}</a>
      </p>
    </main>
  );
}
