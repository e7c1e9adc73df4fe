// The staff's preview of a course (/:association/kurser/:courseId/forhandsvisning): the draft as
// a participant would read it if it were published now (draftSnapshot: a chapter not "klar" in
// the chosen language is shown in Swedish, whole, with the participants' notice), or, with
// ?version=N, exactly what published version N showed (its snapshot), one page at a time, drawn
// by the same component as the participant's page. ?sprak=xx&kapitel=ID&sida=N pick the
// language, chapter and page (a plain GET form, works without JavaScript). A quiz question shows
// its right answer marked; nothing is posted. Files come from the staff's file route (a
// published version's files are kept: courses/unused-media).
import { Link } from "react-router";
import { draftSnapshot, loadCourseDraft } from "../../../courses/draft.ts";
import { pictureSize } from "../../../courses/media.ts";
import { listVersions, publishedVersion } from "../../../courses/publish.ts";
import { chapterInLanguage, pageText } from "../../../courses/reading.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import {
  isPortalLocale,
  PORTAL_LANGUAGE_NAMES,
  PORTAL_LOCALES,
  type PortalLocale,
  portalDirection,
} from "../../../portal/locales.ts";
import { createPortalTranslator } from "../../../portal/translate.ts";
import { titleIn } from "../../ui/course-continue.tsx";
import { CoursePageView } from "../../ui/course-page-view.tsx";
import { useT } from "../../ui/i18n.tsx";
import type { Route } from "./+types/preview.ts";
import { notFoundPage, requireCourseWriter } from "./courses-access.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { db, principal, association } = await requireCourseWriter(
    context,
    request,
    params.association,
  );
  const courseId = params.courseId ?? "";
  const query = new URL(request.url).searchParams;
  const wantedVersion = query.get("version") ?? "";
  const versionNumber = /^[1-9]\d{0,5}$/.test(wantedVersion) ? Number(wantedVersion) : null;
  const [draft, versions, published] = await Promise.all([
    loadCourseDraft(db, principal, association.id, courseId),
    listVersions(db, principal, association.id, courseId),
    versionNumber === null
      ? null
      : publishedVersion(db, principal, association.id, courseId, versionNumber),
  ]).catch(notFoundPage);
  const snapshot = published ? published.snapshot : draftSnapshot(draft);
  const wanted = query.get("sprak");
  const locale: PortalLocale = isPortalLocale(wanted) ? wanted : "sv";
  const index = Math.max(
    0,
    snapshot.chapters.findIndex((c) => c.id === query.get("kapitel")),
  );
  const chapter = snapshot.chapters[index];
  const pageNumber = /^\d+$/.test(query.get("sida") ?? "") ? Number(query.get("sida")) : 1;
  const base = `/${association.slug}/kurser/${draft.course.id}`;
  const href = (chapterId: string, n: number) =>
    `${base}/forhandsvisning?${new URLSearchParams({
      ...(published ? { version: String(published.number) } : {}),
      sprak: locale,
      kapitel: chapterId,
      sida: String(n),
    })}`;
  const chapters = snapshot.chapters.map((c) => {
    const shown = chapterInLanguage(c, locale);
    return { id: c.id, title: shown.text.title, inSwedish: shown.fallback };
  });
  let page = null;
  if (chapter) {
    const p = chapter.pages[pageNumber - 1];
    if (p) {
      const language = chapterInLanguage(chapter, locale);
      const next = snapshot.chapters[index + 1];
      page = {
        courseTitle: titleIn(snapshot.texts, locale),
        chapterTitle: language.text.title,
        locale: language.locale,
        fallback: language.fallback,
        kind: p.kind,
        text: pageText(p, language.locale),
        mediaId: p.mediaId,
        mediaSize: p.kind === "bild" ? await pictureSize(db, association.id, p.mediaId) : null,
        rightOption: p.correctOption ?? 0,
        pageNumber,
        pageCount: chapter.pages.length,
        previousHref: pageNumber > 1 ? href(chapter.id, pageNumber - 1) : null,
        nextHref:
          pageNumber < chapter.pages.length
            ? href(chapter.id, pageNumber + 1)
            : next
              ? href(next.id, 1)
              : base,
      };
    }
  }
  return {
    slug: association.slug,
    courseId: draft.course.id,
    shown: published ? published.number : null,
    versions: versions.map((v) => ({ number: v.number, date: formatDate(v.publishedAt) })),
    title: draft.course.texts.sv?.title ?? "",
    locale,
    chapters,
    chapterId: chapter?.id ?? null,
    chapterPages: chapter?.pages.length ?? 0,
    pageNumber,
    page,
  };
}

export default function CoursePreview({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const {
    slug,
    courseId,
    shown,
    versions,
    title,
    locale,
    chapters,
    chapterId,
    chapterPages,
    pageNumber,
    page,
  } = loaderData;
  const shownDate = versions.find((v) => v.number === shown)?.date ?? "";
  const base = `/${slug}/kurser/${courseId}`;
  return (
    <main id="innehall" tabIndex={-1} className="course-preview">
      <title>{`${t("coursePreview.title", { title })} – Samspår`}</title>
      <p>
        <Link to={base}>{t("coursePreview.back")}</Link>
      </p>
      <p className="course-preview__banner" role="note">
        <strong>
          {shown === null
            ? t("coursePreview.banner")
            : t("coursePreview.versionBanner", { number: shown, date: shownDate })}
        </strong>
      </p>
      <p>{t("coursePreview.intro")}</p>
      {chapters.length === 0 ? (
        <p>{t("coursePreview.noChapters")}</p>
      ) : (
        <form method="get" className="course-preview__choose">
          <fieldset>
            <legend>{t("coursePreview.choose")}</legend>
            {versions.length > 0 ? (
              <div className="field">
                <label htmlFor="version">{t("coursePreview.version")}</label>
                <select id="version" name="version" defaultValue={shown ?? ""}>
                  <option value="">{t("coursePreview.draft")}</option>
                  {versions.map((v) => (
                    <option key={v.number} value={v.number}>
                      {t("coursePreview.versionOption", { number: v.number, date: v.date })}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="sprak">{t("coursePreview.language")}</label>
              <select id="sprak" name="sprak" defaultValue={locale}>
                {PORTAL_LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {PORTAL_LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="kapitel">{t("coursePreview.chapter")}</label>
              <select id="kapitel" name="kapitel" defaultValue={chapterId ?? undefined}>
                {chapters.map((c, i) => (
                  <option key={c.id} value={c.id}>
                    {t(
                      c.inSwedish
                        ? "coursePreview.chapterInSwedish"
                        : "coursePreview.chapterOption",
                      {
                        number: i + 1,
                        title: c.title,
                      },
                    )}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="sida">{t("coursePreview.page")}</label>
              <input
                id="sida"
                name="sida"
                type="number"
                min={1}
                max={Math.max(1, chapterPages)}
                defaultValue={pageNumber}
                inputMode="numeric"
              />
            </div>
            <button type="submit" className="button">
              {t("coursePreview.show")}
            </button>
          </fieldset>
        </form>
      )}
      {chapters.length > 0 && chapterPages === 0 ? <p>{t("coursePreview.noPages")}</p> : null}
      {chapterPages > 0 && !page ? (
        <p>{t("coursePreview.noPage", { count: chapterPages })}</p>
      ) : null}
      {page ? (
        <div className="course-preview__participant" lang={locale} dir={portalDirection(locale)}>
          <CoursePageView
            t={createPortalTranslator(locale)}
            locale={page.locale}
            fallback={page.fallback}
            courseTitle={page.courseTitle}
            chapterTitle={page.chapterTitle}
            kind={page.kind}
            text={page.text}
            swedish={null}
            mediaId={page.mediaId}
            mediaSize={page.mediaSize}
            mediaUrl={(id) => `${base}/filer/${id}`}
            pageNumber={page.pageNumber}
            pageCount={page.pageCount}
            previousHref={page.previousHref}
            nextHref={page.nextHref}
            quiz={page.kind === "fraga" ? { mode: "preview", rightOption: page.rightOption } : null}
          />
        </div>
      ) : null}
    </main>
  );
}
