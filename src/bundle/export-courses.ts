// Courses and Tyck till's question sets of an association as bundle sections (course-schema.ts):
// every course with its draft (chapters, pages, translation confirmations), its files (bytes as
// base64) and every published version; every stored question set of its initiatives. Progress,
// quiz answers and Tyck till's responses and receipts are register data and stay out. Courses are
// sorted by their place in the list, chapters and pages by their place, files by upload time,
// versions by number, question sets in the order of their initiatives in the bundle: the same data
// always gives the same sections. The functions that turn stored rows into their bundle form are
// also what the import compares a file with (import-courses.ts).
import { asc, eq, inArray } from "drizzle-orm";
import {
  courseChapters,
  courseChapterTranslations,
  courseMedia,
  coursePages,
  courses,
  courseVersions,
} from "../courses/schema.ts";
import type { ChapterText, CourseText, PageText } from "../courses/texts.ts";
import type { EvaluationQuestion, QuestionText } from "../evaluation/schema.ts";
import { evaluationForms } from "../evaluation/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { PORTAL_LOCALES, type PortalLocale } from "../portal/locales.ts";
import type {
  BundleChapter,
  BundleCourse,
  BundleCourseVersion,
  BundleEvaluationForm,
  BundleMedia,
  BundlePage,
} from "./course-schema.ts";
import { compare } from "./export-reports.ts";

export type CourseRow = typeof courses.$inferSelect;
export type ChapterRow = typeof courseChapters.$inferSelect;
export type PageRow = typeof coursePages.$inferSelect;
export type TranslationRow = typeof courseChapterTranslations.$inferSelect;
export type MediaRow = typeof courseMedia.$inferSelect;
export type CourseVersionRow = typeof courseVersions.$inferSelect;
export type EvaluationFormRow = typeof evaluationForms.$inferSelect;

/** The draft of a course as the bundle holds it (its files and versions apart). */
export type BundleCourseDraft = Omit<BundleCourse, "media" | "versions">;

/** Texts per language in the portal's order (Swedish first), each shaped by `one`. */
function perLanguage<T, U>(
  texts: Partial<Record<PortalLocale, T>>,
  one: (text: T) => U,
): { sv: U } & Partial<Record<PortalLocale, U>> {
  const out: Partial<Record<PortalLocale, U>> = {};
  for (const locale of PORTAL_LOCALES) {
    const text = texts[locale];
    if (text !== undefined && text !== null) out[locale] = one(text);
  }
  return out as { sv: U } & Partial<Record<PortalLocale, U>>;
}

const courseText = (t: CourseText): CourseText => ({ title: t.title, summary: t.summary });
const chapterText = (t: ChapterText): ChapterText => ({ title: t.title, intro: t.intro });

/** A page's text with its fields in a fixed order, nothing else. */
export function pageText(t: PageText): PageText {
  const out: PageText = { title: t.title, body: t.body };
  if (typeof t.alt === "string") out.alt = t.alt;
  if (typeof t.audioId === "string") out.audioId = t.audioId;
  if (typeof t.captionsId === "string") out.captionsId = t.captionsId;
  if (Array.isArray(t.options)) out.options = [...t.options];
  if (typeof t.explanation === "string") out.explanation = t.explanation;
  return out;
}

export const courseTexts = (texts: Partial<Record<PortalLocale, CourseText>>) =>
  perLanguage(texts, courseText);
export const chapterTexts = (texts: Partial<Record<PortalLocale, ChapterText>>) =>
  perLanguage(texts, chapterText);
export const pageTexts = (texts: Partial<Record<PortalLocale, PageText>>) =>
  perLanguage(texts, pageText);

export const byPlace = <T extends { position: number; key: string }>(a: T, b: T) =>
  a.position - b.position || compare(a.key, b.key);

export const pageOf = (p: PageRow): BundlePage => ({
  key: p.id,
  position: p.position,
  kind: p.kind,
  media: p.mediaId,
  correctOption: p.correctOption,
  texts: pageTexts(p.texts),
});

/** A stored draft (the course row, its chapters, pages and confirmations) as the bundle holds it. */
export function courseDraftOf(
  row: CourseRow,
  chapters: readonly ChapterRow[],
  pages: readonly PageRow[],
  translations: readonly TranslationRow[],
): BundleCourseDraft {
  return {
    key: row.id,
    initiative: row.initiativeId,
    texts: courseTexts(row.texts),
    position: row.position,
    withdrawnAt: row.withdrawnAt ? row.withdrawnAt.toISOString() : null,
    updated: { name: row.updatedByName, at: row.updatedAt.toISOString() },
    chapters: chapters
      .filter((c) => c.courseId === row.id)
      .map(
        (c): BundleChapter => ({
          key: c.id,
          position: c.position,
          texts: chapterTexts(c.texts),
          translations: translations
            .filter((t) => t.chapterId === c.id)
            .sort((a, b) => PORTAL_LOCALES.indexOf(a.locale) - PORTAL_LOCALES.indexOf(b.locale))
            .map((t) => ({
              locale: t.locale as BundleChapter["translations"][number]["locale"],
              sourceHash: t.sourceHash,
              confirmed: { name: t.confirmedByName, at: t.confirmedAt.toISOString() },
            })),
          pages: pages
            .filter((p) => p.chapterId === c.id)
            .map(pageOf)
            .sort(byPlace),
        }),
      )
      .sort(byPlace),
  };
}

/** A file as the bundle holds it (its bytes as base64). */
export const mediaOf = (
  m: Pick<
    MediaRow,
    "id" | "kind" | "mediaType" | "fileName" | "sha256" | "data" | "uploadedByName" | "uploadedAt"
  >,
): BundleMedia => ({
  key: m.id,
  kind: m.kind,
  mediaType: m.mediaType,
  fileName: m.fileName,
  sha256: m.sha256,
  dataBase64: Buffer.from(m.data).toString("base64"),
  uploaded: { name: m.uploadedByName, at: m.uploadedAt.toISOString() },
});

/** The file without its bytes, for comparing a stored file with the file's (sha256 stands for them). */
export const mediaHeadOf = (m: BundleMedia) => ({
  key: m.key,
  kind: m.kind,
  mediaType: m.mediaType,
  fileName: m.fileName,
  sha256: m.sha256,
  uploaded: m.uploaded,
});

export const courseVersionOf = (v: CourseVersionRow): BundleCourseVersion => ({
  number: v.number,
  note: v.note,
  published: { name: v.publishedByName, at: v.publishedAt.toISOString() },
  snapshot: v.snapshot as BundleCourseVersion["snapshot"],
});

const questionText = (t: QuestionText): QuestionText => {
  const out: QuestionText = { text: t.text };
  if (typeof t.low === "string") out.low = t.low;
  if (typeof t.high === "string") out.high = t.high;
  return out;
};

export const questionsOf = (questions: readonly EvaluationQuestion[]) =>
  questions.map((q) => ({ id: q.id, type: q.type, texts: perLanguage(q.texts, questionText) }));

export const evaluationFormOf = (f: EvaluationFormRow): BundleEvaluationForm => ({
  initiative: f.initiativeId,
  kind: f.kind,
  version: f.version,
  questions: questionsOf(f.questions),
  updated: { name: f.updatedByName, at: f.updatedAt.toISOString() },
});

/** The stored rows of some courses' drafts (one query after another: q may be a transaction). */
export async function draftRows(q: Queryable, courseIds: readonly string[]) {
  if (!courseIds.length) return { chapters: [], pages: [], translations: [] };
  const chapters = await q
    .select()
    .from(courseChapters)
    .where(inArray(courseChapters.courseId, [...courseIds]));
  const chapterIds = chapters.map((c) => c.id);
  const pages = chapterIds.length
    ? await q.select().from(coursePages).where(inArray(coursePages.chapterId, chapterIds))
    : [];
  const translations = chapterIds.length
    ? await q
        .select()
        .from(courseChapterTranslations)
        .where(inArray(courseChapterTranslations.chapterId, chapterIds))
    : [];
  return { chapters, pages, translations };
}

/**
 * The association's courses and its initiatives' question sets. `initiativeRank` gives each
 * initiative's place in the bundle's list, which orders the question sets.
 */
export async function exportCourses(
  q: Queryable,
  associationId: string,
  initiativeRank: ReadonlyMap<string, number>,
): Promise<{ courses: BundleCourse[]; evaluationForms: BundleEvaluationForm[] }> {
  const rows = await q.select().from(courses).where(eq(courses.associationId, associationId));
  const ids = rows.map((r) => r.id);
  const draft = await draftRows(q, ids);
  const media = ids.length
    ? await q.select().from(courseMedia).where(inArray(courseMedia.courseId, ids))
    : [];
  const versions = ids.length
    ? await q
        .select()
        .from(courseVersions)
        .where(inArray(courseVersions.courseId, ids))
        .orderBy(asc(courseVersions.number))
    : [];
  const forms = await q
    .select()
    .from(evaluationForms)
    .where(eq(evaluationForms.associationId, associationId));
  const rank = (initiativeId: string) => initiativeRank.get(initiativeId) ?? initiativeRank.size;
  const kindRank = (kind: string) => (kind === "kort" ? 0 : 1);
  return {
    courses: rows
      .map(
        (row): BundleCourse => ({
          ...courseDraftOf(row, draft.chapters, draft.pages, draft.translations),
          media: media
            .filter((m) => m.courseId === row.id)
            .map(mediaOf)
            .sort((a, b) => compare(a.uploaded.at, b.uploaded.at) || compare(a.key, b.key)),
          versions: versions.filter((v) => v.courseId === row.id).map(courseVersionOf),
        }),
      )
      .sort(
        (a, b) =>
          a.position - b.position ||
          compare(a.texts.sv.title, b.texts.sv.title) ||
          compare(a.key, b.key),
      ),
    evaluationForms: forms
      .map(evaluationFormOf)
      .sort(
        (a, b) =>
          rank(a.initiative) - rank(b.initiative) ||
          compare(a.initiative, b.initiative) ||
          kindRank(a.kind) - kindRank(b.kind),
      ),
  };
}
