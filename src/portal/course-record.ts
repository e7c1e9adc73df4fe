// A participant's course reading, quiz answers and Tyck till receipts as their own data (GDPR
// art. 15): the rows are register data (courseProgress, quizAnswers, evaluationReceipts, read in
// the register zone by the caller); the names of the courses, chapters, questions and options
// come from the published versions (course_versions, the association zone, read here). A chapter
// or page is named by the newest version of its course that still has it, so a chapter removed
// since the participant read it keeps the name it had. Tyck till's answers themselves
// (evaluation_responses) carry no participant and cannot be found per person.
import { and, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { courses, courseVersions } from "../courses/schema.ts";
import type { CourseText, SnapshotChapter, SnapshotPage } from "../courses/texts.ts";
import type { Queryable } from "../platform/database/connect.ts";
import type { PortalLocale } from "./locales.ts";

/** Swedish always, and the languages the text is published in. */
export type PublishedTexts = { sv: string } & Partial<Record<PortalLocale, string>>;

export interface CourseCatalogue {
  course(courseId: string): PublishedTexts;
  /** The chapter's course, title and pages; null when no published version has it. */
  chapter(
    chapterId: string,
  ): { courseId: string; title: PublishedTexts; chapter: SnapshotChapter } | null;
  page(pageId: string): { chapterId: string; number: number; page: SnapshotPage } | null;
}

/** A course, chapter or page no published version names any longer. */
export const UNNAMED_COURSE = "Kurs som inte längre finns";
export const UNNAMED_CHAPTER = "Kapitel som inte längre finns";
export const UNNAMED_QUESTION = "Fråga som inte längre finns";

/** The texts' `field` in every language that has it (Swedish always, or `fallback`). */
export function publishedTexts<T>(
  texts: Partial<Record<PortalLocale, T>>,
  field: (text: T) => string | undefined,
  fallback: string,
): PublishedTexts {
  const out: PublishedTexts = { sv: fallback };
  for (const [locale, text] of Object.entries(texts) as [PortalLocale, T | undefined][]) {
    const value = text === undefined ? undefined : field(text)?.trim();
    if (value) out[locale] = value;
  }
  return out;
}

/** An option of a quiz page in every language the chapter is published in. */
export function optionTexts(page: SnapshotPage | undefined, chosen: number): PublishedTexts {
  if (!page) return { sv: `Svar ${chosen + 1}` };
  return publishedTexts(page.texts, (t) => t.options?.[chosen], `Svar ${chosen + 1}`);
}

/**
 * The published names for the given courses and chapters (a chapter found by id in any version
 * of any course: Tyck till's receipts name only the chapter).
 */
export async function courseCatalogue(
  q: Queryable,
  associationId: string,
  courseIds: readonly string[],
  chapterIds: readonly string[],
): Promise<CourseCatalogue> {
  const wanted: SQL[] = [];
  if (courseIds.length) wanted.push(inArray(courseVersions.courseId, [...new Set(courseIds)]));
  for (const id of new Set(chapterIds))
    wanted.push(
      sql`${courseVersions.snapshot} -> 'chapters' @> ${JSON.stringify([{ id }])}::jsonb`,
    );
  const rows = wanted.length
    ? await q
        .select({ courseId: courseVersions.courseId, snapshot: courseVersions.snapshot })
        .from(courseVersions)
        .where(
          and(
            or(...wanted),
            inArray(
              courseVersions.courseId,
              q
                .select({ id: courses.id })
                .from(courses)
                .where(eq(courses.associationId, associationId)),
            ),
          ),
        )
        .orderBy(courseVersions.courseId, desc(courseVersions.number))
    : [];
  const courseTexts = new Map<string, Partial<Record<PortalLocale, CourseText>>>();
  const chapters = new Map<string, { courseId: string; chapter: SnapshotChapter }>();
  const pages = new Map<string, { chapterId: string; number: number; page: SnapshotPage }>();
  // newest version first per course: the first name seen is the newest
  for (const { courseId, snapshot } of rows) {
    if (!courseTexts.has(courseId)) courseTexts.set(courseId, snapshot.texts);
    for (const chapter of snapshot.chapters) {
      if (!chapters.has(chapter.id)) chapters.set(chapter.id, { courseId, chapter });
      chapter.pages.forEach((page, i) => {
        if (!pages.has(page.id)) pages.set(page.id, { chapterId: chapter.id, number: i + 1, page });
      });
    }
  }
  return {
    course: (courseId) =>
      publishedTexts(courseTexts.get(courseId) ?? {}, (t) => t.title, UNNAMED_COURSE),
    chapter: (chapterId) => {
      const found = chapters.get(chapterId);
      if (!found) return null;
      const title = publishedTexts(found.chapter.texts, (t) => t.title, UNNAMED_CHAPTER);
      return { ...found, title };
    },
    page: (pageId) => pages.get(pageId) ?? null,
  };
}
