// Reading courses in the portal (issue 10; ADR 0015): the courses a participant may read — the
// newest published version of every course of their association that is for everyone or for one
// of their initiatives, and not withdrawn — with how far they have come, one page at a time, the
// quiz answers, "Fortsätt där jag var" and the course files they may fetch.
//
// The course material is the association zone's and is read with the normal connection; what
// the participant did (register.course_progress, register.quiz_answers) is register data, read
// and written only inside `inRegister` with the participant's own portal scope — and every query
// also filters on the participant's own id (row-level security limits controller and initiatives,
// the code limits the person).
import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../platform/database/connect.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { type PortalAccount, portalScope } from "../portal/accounts.ts";
import type { PortalLocale } from "../portal/locales.ts";
import { inRegister } from "../register/zone.ts";
import { isCourseId } from "./draft.ts";
import { MEDIA_INFO, type MediaInfo } from "./media.ts";
import { courseMedia, courseProgress, courses, courseVersions, quizAnswers } from "./schema.ts";
import {
  type ChapterText,
  type CourseSnapshot,
  type CourseText,
  chapterLocale,
  mediaIdsOf,
  type PageText,
  type SnapshotChapter,
  type SnapshotPage,
} from "./texts.ts";

const COURSE_NOT_FOUND = "Kursen finns inte, eller så är den inte för dig.";
const CHAPTER_NOT_FOUND = "Kapitlet finns inte i kursen längre.";
const PAGE_NOT_FOUND = "Sidan finns inte i kapitlet.";
const MEDIA_NOT_FOUND = "Filen finns inte, eller så hör den inte till en kurs du kan läsa.";

/** The newest published version of a course the participant may read. */
export interface ReadableCourse {
  courseId: string;
  /** The initiative the participant's progress is recorded on. */
  initiativeId: string;
  versionNumber: number;
  snapshot: CourseSnapshot;
}

export type ChapterState = "klar" | "paborjad" | "ej";

export interface ChapterProgress {
  id: string;
  texts: Partial<Record<PortalLocale, ChapterText>>;
  locales: PortalLocale[];
  pageCount: number;
  state: ChapterState;
  /** 1-based: the page read last (1 when not started). */
  lastPageNumber: number;
}

export interface CourseProgressView {
  id: string;
  texts: Partial<Record<PortalLocale, CourseText>>;
  chapters: ChapterProgress[];
  done: number;
  total: number;
  started: boolean;
  /** The chapter read most recently and not finished, or null. */
  lastPlace: { chapterId: string; pageNumber: number } | null;
}

type ProgressRow = typeof courseProgress.$inferSelect;

/** The courses the participant may read, in the association's order. */
export async function readableCourses(
  db: Db,
  account: PortalAccount,
  onlyCourseId?: string,
): Promise<ReadableCourse[]> {
  const mine = [...account.initiativeIds];
  const rows = await db
    .selectDistinctOn([courseVersions.courseId], {
      courseId: courseVersions.courseId,
      initiativeId: courses.initiativeId,
      position: courses.position,
      createdAt: courses.createdAt,
      number: courseVersions.number,
      snapshot: courseVersions.snapshot,
    })
    .from(courseVersions)
    .innerJoin(courses, eq(courses.id, courseVersions.courseId))
    .where(
      and(
        eq(courses.associationId, account.associationId),
        isNull(courses.withdrawnAt),
        mine.length
          ? or(isNull(courses.initiativeId), inArray(courses.initiativeId, mine))
          : isNull(courses.initiativeId),
        onlyCourseId ? eq(courses.id, onlyCourseId) : undefined,
      ),
    )
    .orderBy(courseVersions.courseId, desc(courseVersions.number));
  return rows
    .sort((a, b) => a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime())
    .map((r) => ({
      courseId: r.courseId,
      initiativeId: r.initiativeId ?? account.initiativeId,
      versionNumber: r.number,
      snapshot: r.snapshot,
    }));
}

async function progressRows(
  db: Db,
  account: PortalAccount,
  courseIds: string[],
): Promise<ProgressRow[]> {
  if (courseIds.length === 0) return [];
  return inRegister(db, portalScope(account), (tx) =>
    tx
      .select()
      .from(courseProgress)
      .where(
        and(
          eq(courseProgress.participantId, account.participantId),
          inArray(courseProgress.courseId, courseIds),
        ),
      ),
  );
}

const pageNumberOf = (chapter: SnapshotChapter, pageId: string | null): number => {
  const index = pageId ? chapter.pages.findIndex((p) => p.id === pageId) : -1;
  return index < 0 ? 1 : index + 1;
};

function progressView(course: ReadableCourse, rows: ProgressRow[]): CourseProgressView {
  const own = rows.filter((r) => r.courseId === course.courseId);
  const chapters = course.snapshot.chapters.map((chapter): ChapterProgress => {
    const row = own.find((r) => r.chapterId === chapter.id);
    return {
      id: chapter.id,
      texts: chapter.texts,
      locales: chapter.locales,
      pageCount: chapter.pages.length,
      state: row?.completedAt ? "klar" : row ? "paborjad" : "ej",
      lastPageNumber: pageNumberOf(chapter, row?.lastPageId ?? null),
    };
  });
  const inSnapshot = own.filter((r) => chapters.some((c) => c.id === r.chapterId));
  const last = inSnapshot
    .filter((r) => !r.completedAt)
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
  const lastChapter = last ? chapters.find((c) => c.id === last.chapterId) : undefined;
  return {
    id: course.courseId,
    texts: course.snapshot.texts,
    chapters,
    done: chapters.filter((c) => c.state === "klar").length,
    total: chapters.length,
    started: inSnapshot.length > 0,
    lastPlace:
      last && lastChapter
        ? { chapterId: last.chapterId, pageNumber: lastChapter.lastPageNumber }
        : null,
  };
}

/** Every course the participant may read, with their progress. */
export async function coursesForParticipant(
  db: Db,
  account: PortalAccount,
): Promise<CourseProgressView[]> {
  const readable = await readableCourses(db, account);
  const rows = await progressRows(
    db,
    account,
    readable.map((c) => c.courseId),
  );
  return readable.map((c) => progressView(c, rows));
}

async function readable(db: Db, account: PortalAccount, courseId: string) {
  if (!isCourseId(courseId)) throw new NotFoundError(COURSE_NOT_FOUND);
  const [course] = await readableCourses(db, account, courseId);
  if (!course) throw new NotFoundError(COURSE_NOT_FOUND);
  return course;
}

/** One course the participant may read, with their progress; NotFoundError otherwise. */
export async function courseForParticipant(
  db: Db,
  account: PortalAccount,
  courseId: string,
): Promise<CourseProgressView> {
  const course = await readable(db, account, courseId);
  return progressView(course, await progressRows(db, account, [course.courseId]));
}

/** A chapter in the language it is read in: the participant's, or Swedish whole. */
export interface ChapterInLanguage {
  locale: PortalLocale;
  /** True when the participant's language is not Swedish and the chapter is not in it. */
  fallback: boolean;
  text: ChapterText;
}

export function chapterInLanguage(
  chapter: SnapshotChapter,
  wanted: PortalLocale,
): ChapterInLanguage {
  const locale = chapterLocale(chapter, wanted);
  const text = chapter.texts[locale] ?? chapter.texts.sv ?? { title: "", intro: "" };
  return { locale, fallback: locale !== wanted, text };
}

/** A page's text in the language its chapter is read in (never another language's). */
export function pageText(page: SnapshotPage, locale: PortalLocale): PageText {
  return page.texts[locale] ?? page.texts.sv ?? { title: "", body: "" };
}

export interface PageForParticipant {
  course: { id: string; texts: Partial<Record<PortalLocale, CourseText>> };
  chapter: SnapshotChapter;
  chapterNumber: number;
  chapterCount: number;
  nextChapterId: string | null;
  language: ChapterInLanguage;
  page: SnapshotPage;
  text: PageText;
  pageNumber: number;
  pageCount: number;
  /** The participant's latest answer when the page is a quiz question. */
  answer: { chosen: number; correct: boolean; tries: number } | null;
}

function locate(course: ReadableCourse, chapterId: string) {
  const index = course.snapshot.chapters.findIndex((c) => c.id === chapterId);
  const chapter = course.snapshot.chapters[index];
  if (!chapter) throw new NotFoundError(CHAPTER_NOT_FOUND);
  return { chapter, index };
}

/** One page (1-based) of a chapter, in the chapter's language for this participant. */
export async function pageForParticipant(
  db: Db,
  account: PortalAccount,
  courseId: string,
  chapterId: string,
  pageNumber: number,
  wanted: PortalLocale,
): Promise<PageForParticipant> {
  const course = await readable(db, account, courseId);
  const { chapter, index } = locate(course, chapterId);
  const page = Number.isInteger(pageNumber) ? chapter.pages[pageNumber - 1] : undefined;
  if (!page) throw new NotFoundError(PAGE_NOT_FOUND);
  const language = chapterInLanguage(chapter, wanted);
  let answer: PageForParticipant["answer"] = null;
  if (page.kind === "fraga") {
    const [row] = await inRegister(db, portalScope(account), (tx) =>
      tx
        .select()
        .from(quizAnswers)
        .where(
          and(
            eq(quizAnswers.participantId, account.participantId),
            eq(quizAnswers.pageId, page.id),
          ),
        ),
    );
    if (row) answer = { chosen: row.chosenOption, correct: row.correct, tries: row.tries };
  }
  return {
    course: { id: course.courseId, texts: course.snapshot.texts },
    chapter,
    chapterNumber: index + 1,
    chapterCount: course.snapshot.chapters.length,
    nextChapterId: course.snapshot.chapters[index + 1]?.id ?? null,
    language,
    page,
    text: pageText(page, language.locale),
    pageNumber,
    pageCount: chapter.pages.length,
    answer,
  };
}

/** The participant saw a page: the chapter is started (once) and this is their last place. */
export async function recordVisit(
  db: Db,
  account: PortalAccount,
  courseId: string,
  chapterId: string,
  pageId: string,
): Promise<void> {
  const course = await readable(db, account, courseId);
  const { chapter } = locate(course, chapterId);
  if (!chapter.pages.some((p) => p.id === pageId)) throw new NotFoundError(PAGE_NOT_FOUND);
  const now = new Date();
  await inRegister(db, portalScope(account), (tx) =>
    tx
      .insert(courseProgress)
      .values({
        associationId: account.associationId,
        dataControllerId: account.dataControllerId,
        initiativeId: course.initiativeId,
        participantId: account.participantId,
        courseId: course.courseId,
        chapterId,
        lastPageId: pageId,
        startedAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [courseProgress.participantId, courseProgress.chapterId],
        set: { lastPageId: pageId, updatedAt: now },
      }),
  );
}

/**
 * The participant passed the chapter's last page: the chapter is done (the first time only; a
 * later pass keeps the first date). Refused (false) when they have not reached the last page.
 */
export async function completeChapter(
  db: Db,
  account: PortalAccount,
  courseId: string,
  chapterId: string,
): Promise<{ completed: boolean; nextChapterId: string | null; chapter: SnapshotChapter }> {
  const course = await readable(db, account, courseId);
  const { chapter, index } = locate(course, chapterId);
  const lastPage = chapter.pages[chapter.pages.length - 1];
  const nextChapterId = course.snapshot.chapters[index + 1]?.id ?? null;
  const completed = await inRegister(db, portalScope(account), async (tx) => {
    const [row] = await tx
      .select()
      .from(courseProgress)
      .where(
        and(
          eq(courseProgress.participantId, account.participantId),
          eq(courseProgress.chapterId, chapterId),
        ),
      )
      .for("update");
    if (!row) return false;
    if (row.completedAt) return true;
    if (!lastPage || row.lastPageId !== lastPage.id) return false;
    const now = new Date();
    await tx
      .update(courseProgress)
      .set({ completedAt: now, updatedAt: now })
      .where(
        and(
          eq(courseProgress.participantId, account.participantId),
          eq(courseProgress.chapterId, chapterId),
          isNull(courseProgress.completedAt),
        ),
      );
    return true;
  });
  return { completed, nextChapterId, chapter };
}

export interface QuizResult {
  correct: boolean;
  /** 0-based. */
  rightOption: number;
  /** Why the right answer is right, in the chapter's language. */
  explanation: string;
  chosen: number;
}

/** The participant answers a quiz question: right or wrong, and the explanation. */
export async function answerQuiz(
  db: Db,
  account: PortalAccount,
  courseId: string,
  chapterId: string,
  pageId: string,
  chosen: number,
  wanted: PortalLocale,
): Promise<QuizResult> {
  const course = await readable(db, account, courseId);
  const { chapter } = locate(course, chapterId);
  const page = chapter.pages.find((p) => p.id === pageId);
  if (page?.kind !== "fraga" || page.correctOption === null)
    throw new NotFoundError(PAGE_NOT_FOUND);
  const { locale } = chapterInLanguage(chapter, wanted);
  const text = pageText(page, locale);
  const options = text.options ?? [];
  if (!Number.isInteger(chosen) || chosen < 0 || chosen >= options.length)
    throw new ValidationError({ svar: "Välj ett av svaren och tryck på Svara." });
  const correct = chosen === page.correctOption;
  const now = new Date();
  await inRegister(db, portalScope(account), (tx) =>
    tx
      .insert(quizAnswers)
      .values({
        associationId: account.associationId,
        dataControllerId: account.dataControllerId,
        initiativeId: course.initiativeId,
        participantId: account.participantId,
        courseId: course.courseId,
        chapterId,
        pageId,
        chosenOption: chosen,
        correct,
        tries: 1,
        answeredAt: now,
      })
      .onConflictDoUpdate({
        target: [quizAnswers.participantId, quizAnswers.pageId],
        set: {
          chosenOption: chosen,
          correct,
          tries: sql`${quizAnswers.tries} + 1`,
          answeredAt: now,
        },
      }),
  );
  return { correct, rightOption: page.correctOption, explanation: text.explanation ?? "", chosen };
}

export interface ContinueTarget {
  courseId: string;
  courseTexts: Partial<Record<PortalLocale, CourseText>>;
  chapterId: string;
  chapterTexts: Partial<Record<PortalLocale, ChapterText>>;
  chapterLocales: PortalLocale[];
  pageNumber: number;
}

/** "Fortsätt där jag var": the most recently read unfinished chapter, at its last page. */
export async function continueTarget(
  db: Db,
  account: PortalAccount,
): Promise<ContinueTarget | null> {
  const rows = await inRegister(db, portalScope(account), (tx) =>
    tx
      .select()
      .from(courseProgress)
      .where(
        and(
          eq(courseProgress.participantId, account.participantId),
          isNull(courseProgress.completedAt),
        ),
      )
      .orderBy(desc(courseProgress.updatedAt))
      .limit(20),
  );
  if (rows.length === 0) return null;
  const readableNow = await readableCourses(db, account);
  for (const row of rows) {
    const course = readableNow.find((c) => c.courseId === row.courseId);
    const chapter = course?.snapshot.chapters.find((c) => c.id === row.chapterId);
    if (!course || !chapter || chapter.pages.length === 0) continue;
    return {
      courseId: course.courseId,
      courseTexts: course.snapshot.texts,
      chapterId: chapter.id,
      chapterTexts: chapter.texts,
      chapterLocales: chapter.locales,
      pageNumber: pageNumberOf(chapter, row.lastPageId),
    };
  }
  return null;
}

/**
 * A course file (without its bytes: mediaBytes reads them), only when the newest published
 * version of a course the participant may read uses it; NotFoundError otherwise (a draft's file,
 * a withdrawn course's, another initiative's).
 */
export async function mediaForParticipant(
  db: Db,
  account: PortalAccount,
  mediaId: string,
): Promise<MediaInfo> {
  if (!isCourseId(mediaId)) throw new NotFoundError(MEDIA_NOT_FOUND);
  const [media] = await db
    .select({ ...MEDIA_INFO, courseId: courseMedia.courseId })
    .from(courseMedia)
    .where(and(eq(courseMedia.id, mediaId), eq(courseMedia.associationId, account.associationId)));
  if (!media) throw new NotFoundError(MEDIA_NOT_FOUND);
  const [course] = await readableCourses(db, account, media.courseId);
  if (!course || !mediaIdsOf(course.snapshot).has(media.id))
    throw new NotFoundError(MEDIA_NOT_FOUND);
  return media;
}
