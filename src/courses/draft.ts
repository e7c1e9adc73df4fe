// Who may write which course, and a course's draft read whole (issue 10; ADR 0015): the course,
// its chapters in order with their pages, each chapter's translation status per language, and
// the snapshot publishing it now would give. Authoring pages, preview and publish all read it.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { NotFoundError } from "../platform/errors.ts";
import { isUuid } from "../platform/uuid.ts";
import { PORTAL_LOCALES, type PortalLocale } from "../portal/locales.ts";
import { mayWriteFor, writingScopesOf } from "../portal/staff-writing.ts";
import { courseChapters, courseChapterTranslations, coursePages, courses } from "./schema.ts";
import {
  type CourseSnapshot,
  type DraftPage,
  snapshotOf,
  type TranslationStatus,
  translationStatus,
} from "./texts.ts";

export const isCourseId = isUuid;

/** May this person write courses for the whole association (null) or for one initiative? */
export const mayAuthorCourses = (
  principal: Principal,
  associationId: string,
  initiativeId: string | null,
): boolean => mayWriteFor(principal, "course.author", associationId, initiativeId);

/**
 * Where this person may write courses: "all" (the office), or the initiatives of the association
 * they lead or work with participants on. An empty list: nowhere.
 */
export const courseScopesOf = (principal: Principal, associationId: string): "all" | string[] =>
  writingScopesOf(principal, "course.author", associationId);

export type CourseRow = typeof courses.$inferSelect;
export type ChapterRow = typeof courseChapters.$inferSelect;
export type PageRow = typeof coursePages.$inferSelect;

export interface DraftChapterView {
  chapter: ChapterRow;
  pages: PageRow[];
  /** Every portal language, Swedish first. */
  statuses: Record<PortalLocale, TranslationStatus>;
}

export interface CourseDraft {
  course: CourseRow;
  chapters: DraftChapterView[];
}

const asDraftPage = (p: PageRow): DraftPage => ({
  id: p.id,
  position: p.position,
  kind: p.kind,
  mediaId: p.mediaId,
  correctOption: p.correctOption,
  texts: p.texts,
});

/**
 * A course's draft, if this person may write it; otherwise "not found" (a course someone may
 * not touch is answered as if it did not exist). `forUpdate` locks the course row, which every
 * change to the course, its chapters or pages takes first (one writer at a time per course).
 */
export async function loadCourseDraft(
  q: Queryable,
  principal: Principal,
  associationId: string,
  courseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<CourseDraft> {
  if (!isCourseId(courseId)) throw new NotFoundError("Kursen finns inte.");
  const query = q
    .select()
    .from(courses)
    .where(and(eq(courses.id, courseId), eq(courses.associationId, associationId)));
  const [course] = options.forUpdate ? await query.for("update") : await query;
  if (!course || !mayAuthorCourses(principal, associationId, course.initiativeId))
    throw new NotFoundError("Kursen finns inte, eller så får du inte ändra den.");
  return { course, chapters: await chaptersOf(q, course) };
}

/**
 * One change to a course, its chapters or pages: in one transaction, the course locked first
 * (loadCourseDraft forUpdate), then `change` with the draft as it is under the lock.
 */
export function changeCourse<T>(
  q: Queryable,
  principal: Principal,
  associationId: string,
  courseId: string,
  change: (tx: Queryable, draft: CourseDraft) => Promise<T>,
): Promise<T> {
  return q.transaction(async (tx) =>
    change(tx, await loadCourseDraft(tx, principal, associationId, courseId, { forUpdate: true })),
  );
}

async function chaptersOf(q: Queryable, course: CourseRow): Promise<DraftChapterView[]> {
  const chapters = await q
    .select()
    .from(courseChapters)
    .where(eq(courseChapters.courseId, course.id))
    .orderBy(asc(courseChapters.position), asc(courseChapters.createdAt));
  if (chapters.length === 0) return [];
  const ids = chapters.map((c) => c.id);
  const pages = await q
    .select()
    .from(coursePages)
    .where(inArray(coursePages.chapterId, ids))
    .orderBy(asc(coursePages.position), asc(coursePages.createdAt));
  const confirmations = await q
    .select()
    .from(courseChapterTranslations)
    .where(inArray(courseChapterTranslations.chapterId, ids));
  return chapters.map((chapter) => {
    const own = pages.filter((p) => p.chapterId === chapter.id);
    const draftPages = own.map(asDraftPage);
    const statuses = {} as Record<PortalLocale, TranslationStatus>;
    for (const locale of PORTAL_LOCALES) {
      const confirmation = confirmations.find(
        (c) => c.chapterId === chapter.id && c.locale === locale,
      );
      statuses[locale] = translationStatus(course, chapter, draftPages, locale, confirmation);
    }
    return { chapter, pages: own, statuses };
  });
}

/** The languages a chapter would be published in now: Swedish and every "klar" translation. */
export const readyLocales = (view: DraftChapterView): PortalLocale[] =>
  PORTAL_LOCALES.filter((l) => view.statuses[l].state === "klar");

/** What publishing the draft now would give participants (also the preview). */
export function draftSnapshot(draft: CourseDraft): CourseSnapshot {
  return snapshotOf(
    draft.course,
    draft.chapters.map((v) => ({
      chapter: v.chapter,
      pages: v.pages.map(asDraftPage),
      ready: readyLocales(v),
    })),
  );
}
