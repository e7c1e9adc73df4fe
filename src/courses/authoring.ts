// Writing a course (issue 10; ADR 0015): the course's own texts, its chapters in order and
// their texts, and a translator's confirmation that a chapter's texts in one language are ready.
// Pages are pages.ts; publishing is publish.ts.
//
// Every change locks the course row first (loadCourseDraft forUpdate: one writer at a time per
// course), checks the version the person read, writes in one transaction and leaves an audit
// event. Course edits and changes to the chapter list (add, move, delete) bump courses.version;
// a chapter's texts bump the chapter's own version.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { UUID } from "../platform/uuid.ts";
import { LANGUAGE_IN_SWEDISH, PORTAL_LOCALES, type PortalLocale } from "../portal/locales.ts";
import { checkWritingTarget, writingInitiativeChoices } from "../portal/staff-writing.ts";
import {
  type CourseDraft,
  changeCourse,
  courseScopesOf,
  type DraftChapterView,
  isCourseId,
} from "./draft.ts";
import { courseChapters, courseChapterTranslations, courses, courseVersions } from "./schema.ts";
import {
  type ChapterText,
  type CourseText,
  pageMediaIds,
  swedishHash,
  TRANSLATED_LOCALES,
} from "./texts.ts";
import { removeUnusedMedia } from "./unused-media.ts";

export const COURSE_TITLE_MAX = 120;
export const COURSE_SUMMARY_MAX = 1000;
export const CHAPTER_INTRO_MAX = 1000;
export const COURSE_POSITION_MAX = 999;

/** The form's field names, which the error summary links to: "title-sv", "summary-en". */
export const courseField = (locale: PortalLocale, part: "title" | "summary" | "intro") =>
  `${part}-${locale}`;

/**
 * What a form sends for the texts: each language's fields as typed. A language that is present
 * replaces what is stored (all blank: the language is removed); a language that is absent is
 * kept as it is (the pages show Swedish and one other language at a time).
 */
export type TextsInput<K extends string> = Partial<
  Record<PortalLocale, Partial<Record<K, string | undefined>>>
>;

export interface CourseInput {
  /** "" or null: every initiative's participants. */
  initiativeId: string | null;
  texts: TextsInput<"title" | "summary">;
  position?: string | number;
}

export interface ChapterInput {
  texts: TextsInput<"title" | "intro">;
}

const oneLine = (value: string | undefined) => (value ?? "").replace(/\s+/g, " ").trim();
/** Text as stored: Windows line ends made plain, trailing spaces and outer blank lines gone. */
const tidy = (value: string | undefined) =>
  (value ?? "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();

/**
 * Checks one kind of texts (a course's title + summary, a chapter's title + intro): a Swedish
 * title always; in another language, a text without a title is refused (the title is what makes
 * the language there); lengths. Returns the languages the input names, cleaned.
 */
function validateTexts<K extends "summary" | "intro">(
  input: TextsInput<"title" | K>,
  second: K,
  what: { title: string; second: string; secondMax: number },
  problems: Record<string, string>,
  swedishRequired: boolean,
): Partial<Record<PortalLocale, ({ title: string } & Record<K, string>) | null>> {
  const out: Partial<Record<PortalLocale, ({ title: string } & Record<K, string>) | null>> = {};
  for (const locale of PORTAL_LOCALES) {
    const raw = input[locale];
    if (raw === undefined) {
      if (locale === "sv" && swedishRequired)
        problems[courseField("sv", "title")] = `Skriv ${what.title} på svenska.`;
      continue;
    }
    const title = oneLine(raw.title);
    const text = tidy(raw[second]);
    const language = LANGUAGE_IN_SWEDISH[locale];
    const titleField = courseField(locale, "title");
    const secondField = courseField(locale, second);
    if (locale === "sv" && !title) {
      problems[titleField] =
        `Skriv ${what.title} på svenska. Svenskan behövs alltid; deltagarna läser den när deras språk saknas.`;
    } else if (text && !title) {
      problems[titleField] =
        `Skriv ${what.title} på ${language}, eller ta bort ${what.second} på ${language} om det inte ska finnas på ${language} än.`;
    }
    if (title.length > COURSE_TITLE_MAX)
      problems[titleField] =
        `${capital(what.title)} på ${language} får ha högst ${COURSE_TITLE_MAX} tecken. Du har skrivit ${title.length}.`;
    if (text.length > what.secondMax)
      problems[secondField] =
        `${capital(what.second)} på ${language} får ha högst ${what.secondMax.toLocaleString("sv-SE")} tecken. Du har skrivit ${text.length.toLocaleString("sv-SE")}. Korta texten.`;
    out[locale] = title
      ? ({ title, [second]: text } as { title: string } & Record<K, string>)
      : null;
  }
  return out;
}

const capital = (s: string) => s.charAt(0).toLocaleUpperCase("sv-SE") + s.slice(1);

/** Stored texts with the input's languages laid over them (null: the language removed). */
function merged<T>(
  stored: Partial<Record<PortalLocale, T>>,
  changes: Partial<Record<PortalLocale, T | null>>,
): Partial<Record<PortalLocale, T>> {
  const out: Partial<Record<PortalLocale, T>> = {};
  for (const locale of PORTAL_LOCALES) {
    const change = changes[locale];
    const value = change === undefined ? stored[locale] : change;
    if (value) out[locale] = value;
  }
  return out;
}

const languagesOf = (texts: Partial<Record<PortalLocale, unknown>>) =>
  PORTAL_LOCALES.filter((l) => texts[l]);

const changedLanguages = (
  before: Partial<Record<PortalLocale, unknown>>,
  after: Partial<Record<PortalLocale, unknown>>,
) =>
  PORTAL_LOCALES.filter(
    (l) => JSON.stringify(before[l] ?? null) !== JSON.stringify(after[l] ?? null),
  );

function parsePosition(value: string | number | undefined, problems: Record<string, string>) {
  const text = String(value ?? "").trim();
  const position = text === "" ? 0 : Number(text);
  if (!/^\d+$/.test(text || "0") || position > COURSE_POSITION_MAX) {
    problems.position = `Skriv ordningen som ett heltal mellan 0 och ${COURSE_POSITION_MAX}. Lägre tal visas först.`;
    return 0;
  }
  return position;
}

function parseInitiative(value: string | null, problems: Record<string, string>): string | null {
  const id = value?.trim() ? value.trim() : null;
  if (id !== null && !UUID.test(id))
    problems.initiativeId = "Välj vilka deltagare kursen är för: hela förbundet eller en insats.";
  return id;
}

function validateCourse(input: CourseInput, creating: boolean) {
  const problems: Record<string, string> = {};
  const texts = validateTexts(
    input.texts,
    "summary",
    { title: "kursens namn", second: "sammanfattningen", secondMax: COURSE_SUMMARY_MAX },
    problems,
    creating,
  );
  const position = parsePosition(input.position, problems);
  const initiativeId = parseInitiative(input.initiativeId, problems);
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return { texts, position, initiativeId };
}

function validateChapter(input: ChapterInput, creating: boolean) {
  const problems: Record<string, string> = {};
  const texts = validateTexts(
    input.texts,
    "intro",
    { title: "kapitlets rubrik", second: "inledningen", secondMax: CHAPTER_INTRO_MAX },
    problems,
    creating,
  );
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return texts;
}

/** A course may be written for the whole association or for one of its initiatives. */
const checkTarget = (
  q: Queryable,
  principal: Principal,
  associationId: string,
  initiativeId: string | null,
) => checkWritingTarget(q, principal, "course.author", associationId, initiativeId, "kurser");

const STALE_COURSE =
  "Någon annan har ändrat kursen medan du arbetade. Ladda om sidan, läs ändringarna och gör din ändring igen.";
const STALE_CHAPTER =
  "Någon annan har ändrat kapitlet medan du arbetade. Ladda om sidan, läs ändringarna och gör din ändring igen.";

function chapterOf(draft: CourseDraft, chapterId: string): DraftChapterView {
  const view = isCourseId(chapterId)
    ? draft.chapters.find((c) => c.chapter.id === chapterId)
    : undefined;
  if (!view) throw new NotFoundError("Kapitlet finns inte i kursen. Det kan ha tagits bort.");
  return view;
}

/** One change to a chapter: the course locked (changeCourse), the chapter found in its draft. */
const changeChapter = <T>(
  q: Queryable,
  principal: Principal,
  associationId: string,
  courseId: string,
  chapterId: string,
  change: (tx: Queryable, draft: CourseDraft, view: DraftChapterView) => Promise<T>,
): Promise<T> =>
  changeCourse(q, principal, associationId, courseId, (tx, draft) =>
    change(tx, draft, chapterOf(draft, chapterId)),
  );

const courseTitle = (draft: CourseDraft) => draft.course.texts.sv?.title ?? "";

/** Bumps the course's version (its texts or its list of chapters changed). */
async function touchCourse(q: Queryable, draft: CourseDraft, principal: Principal) {
  await q
    .update(courses)
    .set({
      version: draft.course.version + 1,
      updatedAt: new Date(),
      updatedByName: principal.name,
    })
    .where(eq(courses.id, draft.course.id));
}

// ── The course ───────────────────────────────────────────────────────────────────────────────

export async function createCourse(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  input: CourseInput,
): Promise<string> {
  const values = validateCourse(input, true);
  const texts = merged<CourseText>({}, values.texts);
  return q.transaction(async (tx) => {
    await checkTarget(tx, principal, associationId, values.initiativeId);
    const [row] = await tx
      .insert(courses)
      .values({
        associationId,
        initiativeId: values.initiativeId,
        texts,
        position: values.position,
        updatedByName: principal.name,
      })
      .returning({ id: courses.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAuditEvent(tx, actor, {
      action: "course.created",
      associationId,
      targetType: "course",
      targetId: row.id,
      details: {
        title: texts.sv?.title ?? "",
        initiativeId: values.initiativeId,
        languages: languagesOf(texts),
      },
    });
    return row.id;
  });
}

export async function updateCourse(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  input: CourseInput,
  expectedVersion: number,
): Promise<void> {
  const values = validateCourse(input, false);
  await changeCourse(q, principal, associationId, courseId, async (tx, draft) => {
    const current = draft.course;
    if (current.version !== expectedVersion) throw new ConflictError(STALE_COURSE);
    if (values.initiativeId !== current.initiativeId)
      await checkTarget(tx, principal, associationId, values.initiativeId);
    const texts = merged(current.texts, values.texts);
    await tx
      .update(courses)
      .set({
        texts,
        initiativeId: values.initiativeId,
        position: values.position,
        updatedByName: principal.name,
        updatedAt: new Date(),
        version: current.version + 1,
      })
      .where(eq(courses.id, current.id));
    await recordAuditEvent(tx, actor, {
      action: "course.updated",
      associationId,
      targetType: "course",
      targetId: current.id,
      details: {
        title: texts.sv?.title ?? "",
        languages: languagesOf(texts),
        changedLanguages: changedLanguages(current.texts, texts),
        ...(current.initiativeId !== values.initiativeId
          ? { initiativeId: { from: current.initiativeId, to: values.initiativeId } }
          : {}),
        ...(current.position !== values.position
          ? { position: { from: current.position, to: values.position } }
          : {}),
      },
    });
  });
}

// ── Chapters ─────────────────────────────────────────────────────────────────────────────────

export async function createChapter(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  input: ChapterInput,
): Promise<string> {
  const values = validateChapter(input, true);
  const texts = merged<ChapterText>({}, values);
  return changeCourse(q, principal, associationId, courseId, async (tx, draft) => {
    const position = draft.chapters.length;
    const [row] = await tx
      .insert(courseChapters)
      .values({ courseId: draft.course.id, position, texts, updatedByName: principal.name })
      .returning({ id: courseChapters.id });
    if (!row) throw new Error("insert returned nothing");
    await touchCourse(tx, draft, principal);
    await recordAuditEvent(tx, actor, {
      action: "course_chapter.created",
      associationId,
      targetType: "course_chapter",
      targetId: row.id,
      details: {
        courseId: draft.course.id,
        course: courseTitle(draft),
        title: texts.sv?.title ?? "",
        number: position + 1,
        languages: languagesOf(texts),
      },
    });
    return row.id;
  });
}

export async function updateChapter(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  chapterId: string,
  input: ChapterInput,
  expectedVersion: number,
): Promise<void> {
  const values = validateChapter(input, false);
  await changeChapter(
    q,
    principal,
    associationId,
    courseId,
    chapterId,
    async (tx, draft, { chapter }) => {
      if (chapter.version !== expectedVersion) throw new ConflictError(STALE_CHAPTER);
      const texts = merged(chapter.texts, values);
      await tx
        .update(courseChapters)
        .set({
          texts,
          updatedByName: principal.name,
          updatedAt: new Date(),
          version: chapter.version + 1,
        })
        .where(eq(courseChapters.id, chapter.id));
      await recordAuditEvent(tx, actor, {
        action: "course_chapter.updated",
        associationId,
        targetType: "course_chapter",
        targetId: chapter.id,
        details: {
          courseId: draft.course.id,
          title: texts.sv?.title ?? "",
          languages: languagesOf(texts),
          changedLanguages: changedLanguages(chapter.texts, texts),
        },
      });
    },
  );
}

/** Writes the chapters' positions 0…n-1 in the given order. */
async function renumber(q: Queryable, ordered: readonly { id: string; position: number }[]) {
  for (const [index, chapter] of ordered.entries())
    if (chapter.position !== index)
      await q
        .update(courseChapters)
        .set({ position: index })
        .where(eq(courseChapters.id, chapter.id));
}

/** Moves a chapter one step up or down; at the top or bottom nothing changes. */
export async function moveChapter(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  chapterId: string,
  direction: "up" | "down",
): Promise<void> {
  await changeChapter(q, principal, associationId, courseId, chapterId, async (tx, draft, view) => {
    const order = draft.chapters.map((c) => c.chapter);
    const from = order.findIndex((c) => c.id === view.chapter.id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return;
    const [moved] = order.splice(from, 1);
    if (!moved) return;
    order.splice(to, 0, moved);
    await renumber(tx, order);
    await touchCourse(tx, draft, principal);
    await recordAuditEvent(tx, actor, {
      action: "course_chapter.moved",
      associationId,
      targetType: "course_chapter",
      targetId: moved.id,
      details: {
        courseId: draft.course.id,
        title: moved.texts.sv?.title ?? "",
        from: from + 1,
        to: to + 1,
      },
    });
  });
}

/**
 * Deletes a chapter of the draft with its pages and confirmations. Published versions keep
 * their own copy of it, so participants reading an old version are not affected until the
 * course is published again.
 */
export async function deleteChapter(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  chapterId: string,
  expectedVersion: number,
): Promise<void> {
  await changeChapter(q, principal, associationId, courseId, chapterId, async (tx, draft, view) => {
    if (view.chapter.version !== expectedVersion) throw new ConflictError(STALE_CHAPTER);
    await tx.delete(courseChapters).where(eq(courseChapters.id, view.chapter.id));
    await renumber(
      tx,
      draft.chapters.map((c) => c.chapter).filter((c) => c.id !== view.chapter.id),
    );
    await touchCourse(tx, draft, principal);
    await recordAuditEvent(tx, actor, {
      action: "course_chapter.deleted",
      associationId,
      targetType: "course_chapter",
      targetId: view.chapter.id,
      details: {
        courseId: draft.course.id,
        course: courseTitle(draft),
        title: view.chapter.texts.sv?.title ?? "",
        pages: view.pages.length,
      },
    });
    // the chapter's files go with it, unless another chapter or a published version uses them
    if (view.pages.some((p) => pageMediaIds(p).length))
      await removeUnusedMedia(tx, actor, associationId, draft.course.id);
  });
}

// ── Translations ─────────────────────────────────────────────────────────────────────────────

/** The Swedish a translation of this chapter is checked against now (the confirm form sends it). */
export const chapterSwedishHash = (draft: CourseDraft, view: DraftChapterView) =>
  swedishHash(draft.course, view.chapter, view.pages);

type Translated = (typeof TRANSLATED_LOCALES)[number];
/** Refuses a language that is not one a chapter is translated into. */
function checkTranslated(locale: string): asserts locale is Translated {
  if (!(TRANSLATED_LOCALES as readonly string[]).includes(locale))
    throw new ValidationError({ locale: "Välj ett av portalens språk utom svenska." });
}

/**
 * A translator's word that a chapter's texts in one language are right. Only a complete
 * translation ("komplett", or "inaktuell" after a Swedish change) can be confirmed, and only
 * against the Swedish the translator read (seenHash): if it changed meanwhile, they read again.
 */
export async function confirmTranslation(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  chapterId: string,
  locale: string,
  seenHash: string,
): Promise<void> {
  checkTranslated(locale);
  await changeChapter(q, principal, associationId, courseId, chapterId, async (tx, draft, view) => {
    const hash = chapterSwedishHash(draft, view);
    if (seenHash !== hash)
      throw new ConflictError("Svenskan har ändrats medan du läste. Läs igen.");
    const status = view.statuses[locale];
    const language = LANGUAGE_IN_SWEDISH[locale];
    if (status.state === "klar")
      throw new ValidationError({
        [`confirm-${locale}`]: `Översättningen till ${language} är redan bekräftad mot svenskan som den är nu.`,
      });
    if (status.state === "saknas" || status.state === "paborjad")
      throw new ValidationError({
        [`confirm-${locale}`]:
          status.state === "saknas"
            ? `Kapitlet har inga texter på ${language} än. Skriv dem innan du bekräftar översättningen.`
            : `Översättningen till ${language} är inte komplett. Det saknas: ${status.missing.map((m) => m.label).join("; ")}.`,
      });
    await tx
      .insert(courseChapterTranslations)
      .values({
        chapterId: view.chapter.id,
        locale,
        sourceHash: hash,
        confirmedByName: principal.name,
      })
      .onConflictDoUpdate({
        target: [courseChapterTranslations.chapterId, courseChapterTranslations.locale],
        set: { sourceHash: hash, confirmedByName: principal.name, confirmedAt: new Date() },
      });
    await recordAuditEvent(tx, actor, {
      action: "course_translation.confirmed",
      associationId,
      targetType: "course_chapter",
      targetId: view.chapter.id,
      details: {
        courseId: draft.course.id,
        title: view.chapter.texts.sv?.title ?? "",
        locale,
        was: status.state,
        sourceHash: hash,
      },
    });
  });
}

/** Takes a confirmation back: the chapter is no longer published in that language next time. */
export async function removeConfirmation(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  chapterId: string,
  locale: string,
): Promise<boolean> {
  checkTranslated(locale);
  return changeChapter(
    q,
    principal,
    associationId,
    courseId,
    chapterId,
    async (tx, draft, view) => {
      const removed = await tx
        .delete(courseChapterTranslations)
        .where(
          and(
            eq(courseChapterTranslations.chapterId, view.chapter.id),
            eq(courseChapterTranslations.locale, locale),
          ),
        )
        .returning({ locale: courseChapterTranslations.locale });
      if (removed.length === 0) return false;
      await recordAuditEvent(tx, actor, {
        action: "course_translation.unconfirmed",
        associationId,
        targetType: "course_chapter",
        targetId: view.chapter.id,
        details: { courseId: draft.course.id, title: view.chapter.texts.sv?.title ?? "", locale },
      });
      return true;
    },
  );
}

// ── Reading for the staff's pages ────────────────────────────────────────────────────────────

/** The initiatives a course may be written for by this person, with their names. */
export const courseInitiativeChoices = (
  q: Queryable,
  principal: Principal,
  associationId: string,
) => writingInitiativeChoices(q, principal, "course.author", associationId);

export interface StaffCourse {
  id: string;
  title: string;
  initiativeId: string | null;
  initiativeName: string | null;
  withdrawn: boolean;
  /** The newest published version, if any. */
  published: { number: number; publishedAt: Date } | null;
  /** The languages the newest version is shown in (at least one chapter); none when unpublished. */
  publishedLocales: PortalLocale[];
  /** The languages the course's own texts are written in now. */
  draftLocales: PortalLocale[];
}

/** The courses this person may write (all of the association's for the office). */
export async function listCoursesForStaff(
  q: Queryable,
  principal: Principal,
  associationId: string,
): Promise<StaffCourse[]> {
  const scopes = courseScopesOf(principal, associationId);
  if (scopes !== "all" && scopes.length === 0) return [];
  const rows = await q
    .select({
      id: courses.id,
      texts: courses.texts,
      initiativeId: courses.initiativeId,
      initiativeName: initiatives.name,
      withdrawnAt: courses.withdrawnAt,
      position: courses.position,
    })
    .from(courses)
    .leftJoin(initiatives, eq(initiatives.id, courses.initiativeId))
    .where(
      scopes === "all"
        ? eq(courses.associationId, associationId)
        : and(eq(courses.associationId, associationId), inArray(courses.initiativeId, scopes)),
    )
    .orderBy(asc(courses.position), asc(courses.createdAt));
  if (rows.length === 0) return [];
  const versions = await q
    .selectDistinctOn([courseVersions.courseId], {
      courseId: courseVersions.courseId,
      number: courseVersions.number,
      publishedAt: courseVersions.publishedAt,
      snapshot: courseVersions.snapshot,
    })
    .from(courseVersions)
    .where(
      inArray(
        courseVersions.courseId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(courseVersions.courseId, desc(courseVersions.number));
  return rows.map((r) => {
    const latest = versions.find((v) => v.courseId === r.id);
    const publishedLocales = latest
      ? PORTAL_LOCALES.filter((l) => latest.snapshot.chapters.some((c) => c.locales.includes(l)))
      : [];
    return {
      id: r.id,
      title: r.texts.sv?.title ?? "",
      initiativeId: r.initiativeId,
      initiativeName: r.initiativeName,
      withdrawn: r.withdrawnAt !== null,
      published: latest ? { number: latest.number, publishedAt: latest.publishedAt } : null,
      publishedLocales,
      draftLocales: languagesOf(r.texts),
    };
  });
}
