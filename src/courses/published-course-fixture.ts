// For tests: a published course written directly (drizzle) — the course, its chapters and pages,
// any files, and a course_versions row made with snapshotOf — so the reader's tests and others
// do not depend on the authoring use cases. A chapter is published in `locales` (Swedish always)
// unless it names its own; those languages are confirmed in the draft too (the preview agrees).
import { createHash } from "node:crypto";
import type { Db } from "../platform/database/connect.ts";
import type { PortalLocale } from "../portal/locales.ts";
import {
  courseChapters,
  courseChapterTranslations,
  courseMedia,
  coursePages,
  courses,
  courseVersions,
} from "./schema.ts";
import {
  type ChapterText,
  type CourseSnapshot,
  type CourseText,
  type MediaKind,
  type PageKind,
  type PageText,
  snapshotOf,
  swedishHash,
} from "./texts.ts";

export interface FixtureFile {
  kind: MediaKind;
  mediaType: string;
  data: Uint8Array;
  fileName?: string;
}

export interface FixturePage {
  kind: PageKind;
  /** A file of `files` by its name (pictures and videos). */
  file?: string;
  correctOption?: number;
  /** audioId / captionsId may name a file of `files` ("file:<name>"). */
  texts: Partial<Record<PortalLocale, PageText>> & { sv: PageText };
}

export interface FixtureChapter {
  texts: Partial<Record<PortalLocale, ChapterText>> & { sv: ChapterText };
  pages: FixturePage[];
  /** The languages this chapter is published in; default: the course's `locales`. */
  locales?: PortalLocale[];
}

export interface PublishedCourse {
  courseId: string;
  chapterIds: string[];
  /** Per chapter, its pages' ids in order. */
  pageIds: string[][];
  /** The files by their names in `files`. */
  mediaIds: Record<string, string>;
  snapshot: CourseSnapshot;
}

const FILE = /^file:(.+)$/;

export async function makePublishedCourse(
  db: Db,
  input: {
    associationId: string;
    initiativeId: string | null;
    texts?: Partial<Record<PortalLocale, CourseText>> & { sv: CourseText };
    chapters: FixtureChapter[];
    /** The languages chapters are published in besides Swedish (default: only Swedish). */
    locales?: PortalLocale[];
    files?: Record<string, FixtureFile>;
    position?: number;
  },
): Promise<PublishedCourse> {
  const by = "Kursförfattaren";
  const texts = input.texts ?? {
    sv: { title: "Samhällsorientering", summary: "Om livet i Sverige." },
  };
  const [course] = await db
    .insert(courses)
    .values({
      associationId: input.associationId,
      initiativeId: input.initiativeId,
      texts,
      position: input.position ?? 0,
      updatedByName: by,
    })
    .returning();
  if (!course) throw new Error("no course");
  const mediaIds: Record<string, string> = {};
  for (const [name, file] of Object.entries(input.files ?? {})) {
    const [row] = await db
      .insert(courseMedia)
      .values({
        associationId: input.associationId,
        courseId: course.id,
        kind: file.kind,
        mediaType: file.mediaType,
        fileName: file.fileName ?? name,
        sizeBytes: file.data.byteLength,
        sha256: createHash("sha256").update(file.data).digest("hex"),
        data: file.data,
        uploadedByName: by,
      })
      .returning({ id: courseMedia.id });
    if (!row) throw new Error("no media");
    mediaIds[name] = row.id;
  }
  const resolve = (value: string | undefined): string | undefined => {
    const match = value ? FILE.exec(value) : null;
    if (!match) return value;
    const id = mediaIds[match[1] ?? ""];
    if (!id) throw new Error(`no file named ${match[1]}`);
    return id;
  };

  const chapterIds: string[] = [];
  const pageIds: string[][] = [];
  const drafted: Parameters<typeof snapshotOf>[1][number][] = [];
  for (const [ci, chapter] of input.chapters.entries()) {
    const [row] = await db
      .insert(courseChapters)
      .values({ courseId: course.id, position: ci, texts: chapter.texts, updatedByName: by })
      .returning();
    if (!row) throw new Error("no chapter");
    chapterIds.push(row.id);
    const pages = [];
    for (const [pi, page] of chapter.pages.entries()) {
      const pageTexts: Partial<Record<PortalLocale, PageText>> = {};
      for (const [locale, text] of Object.entries(page.texts) as [PortalLocale, PageText][]) {
        const resolved: PageText = { ...text };
        if (text.audioId) resolved.audioId = resolve(text.audioId);
        if (text.captionsId) resolved.captionsId = resolve(text.captionsId);
        pageTexts[locale] = resolved;
      }
      const [p] = await db
        .insert(coursePages)
        .values({
          chapterId: row.id,
          position: pi,
          kind: page.kind,
          mediaId: page.file ? (mediaIds[page.file] ?? null) : null,
          correctOption: page.kind === "fraga" ? (page.correctOption ?? 0) : null,
          texts: pageTexts,
          updatedByName: by,
        })
        .returning();
      if (!p) throw new Error("no page");
      pages.push(p);
    }
    pageIds.push(pages.map((p) => p.id));
    const ready = (chapter.locales ?? input.locales ?? []).filter((l) => l !== "sv");
    // the translators' confirmations, so the draft gives the same snapshot (the preview)
    for (const locale of ready)
      await db.insert(courseChapterTranslations).values({
        chapterId: row.id,
        locale,
        sourceHash: swedishHash(course, row, pages),
        confirmedByName: "Översättaren",
      });
    drafted.push({ chapter: row, pages, ready });
  }
  const snapshot = snapshotOf(course, drafted);
  await db.insert(courseVersions).values({
    courseId: course.id,
    number: 1,
    snapshot,
    publishedByName: by,
  });
  return { courseId: course.id, chapterIds, pageIds, mediaIds, snapshot };
}
