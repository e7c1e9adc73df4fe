// A course's texts in the portal's languages, and what makes a chapter complete in a language
// (issue 10; ADR 0015). The chapter is the unit of translation: a chapter is shown in a language
// only when every text of it (and the course's title) is there and a person has confirmed the
// translation against the Swedish as it is now. Otherwise the participant reads that chapter in
// Swedish, whole, with a notice — never half one language and half another.
import { createHash } from "node:crypto";
import { PORTAL_LOCALES, type PortalLocale } from "../portal/locales.ts";

export const PAGE_KINDS = ["text", "bild", "ljud", "video", "fraga"] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const MEDIA_KINDS = ["bild", "ljud", "video", "textning"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** The languages a translation is confirmed for (Swedish is the source, never "translated"). */
export const TRANSLATED_LOCALES = PORTAL_LOCALES.filter(
  (l): l is Exclude<PortalLocale, "sv"> => l !== "sv",
);

export interface CourseText {
  title: string;
  /** One or two sentences on the course list; may be "". */
  summary: string;
}

export interface ChapterText {
  title: string;
  /** A short introduction on the chapter's first screen; may be "". */
  intro: string;
}

/**
 * One page's text in one language. Which fields a kind needs (pageTextProblems):
 * - text:  title, body.
 * - bild:  title, alt (the picture's text alternative); body optional. The picture: page.mediaId.
 * - ljud:  title, body (what the recording says, shown with the player), audioId (this
 *          language's recording, course_media of kind "ljud").
 * - video: title, captionsId (this language's WebVTT captions); body optional. The video:
 *          page.mediaId.
 * - fraga: title, body (the question), options (as many as the Swedish, none blank),
 *          explanation (why the right answer is right). The right option: page.correctOption.
 */
export interface PageText {
  title: string;
  body: string;
  alt?: string;
  audioId?: string;
  captionsId?: string;
  options?: string[];
  explanation?: string;
}

/** The draft as the status and the snapshot read it (rows of courses/course_chapters/pages). */
export interface DraftCourse {
  id: string;
  initiativeId: string | null;
  texts: Partial<Record<PortalLocale, CourseText>>;
}
export interface DraftChapter {
  id: string;
  position: number;
  texts: Partial<Record<PortalLocale, ChapterText>>;
}
export interface DraftPage {
  id: string;
  position: number;
  kind: PageKind;
  mediaId: string | null;
  correctOption: number | null;
  texts: Partial<Record<PortalLocale, PageText>>;
}

/** A text a language lacks, named for the author: "Sida 2 (Bild): bildens alternativtext". */
export interface MissingText {
  /** Null: the course's or the chapter's own texts. */
  pageId: string | null;
  field: string;
  label: string;
}

const KIND_LABEL: Record<PageKind, string> = {
  text: "Text",
  bild: "Bild",
  ljud: "Uppläsning",
  video: "Video",
  fraga: "Fråga",
};

const FIELD_LABEL: Record<string, string> = {
  title: "rubrik",
  body: "text",
  alt: "bildens alternativtext",
  audioId: "inspelning",
  captionsId: "textning (WebVTT)",
  options: "svarsalternativ",
  explanation: "förklaring till rätt svar",
  media: "fil",
  correctOption: "rätt svar",
};

const filled = (value: string | undefined) => typeof value === "string" && value.trim() !== "";

/** The fields a page of this kind needs in every language it is shown in. */
export function requiredFields(kind: PageKind): (keyof PageText)[] {
  switch (kind) {
    case "text":
      return ["title", "body"];
    case "bild":
      return ["title", "alt"];
    case "ljud":
      return ["title", "body", "audioId"];
    case "video":
      return ["title", "captionsId"];
    case "fraga":
      return ["title", "body", "options", "explanation"];
  }
}

/**
 * What a page lacks in a language (empty: nothing). The Swedish also needs what belongs to
 * every language: the picture or video file and a quiz question's right answer.
 */
export function missingPageTexts(
  page: DraftPage,
  locale: PortalLocale,
  position: number,
): MissingText[] {
  const text = page.texts[locale];
  const sv = page.texts.sv;
  const missing: MissingText[] = [];
  const label = (field: string) =>
    `Sida ${position} (${KIND_LABEL[page.kind]}): ${FIELD_LABEL[field] ?? field}`;
  for (const field of requiredFields(page.kind)) {
    if (field === "options") {
      const wanted = sv?.options?.length ?? 0;
      const options = text?.options ?? [];
      if (wanted < 2 || options.length !== wanted || !options.every((o) => filled(o)))
        missing.push({ pageId: page.id, field, label: label(field) });
    } else if (!filled(text?.[field] as string | undefined)) {
      missing.push({ pageId: page.id, field, label: label(field) });
    }
  }
  if (locale === "sv") {
    if ((page.kind === "bild" || page.kind === "video") && !page.mediaId)
      missing.push({ pageId: page.id, field: "media", label: label("media") });
    if (page.kind === "fraga") {
      const count = sv?.options?.length ?? 0;
      if (page.correctOption === null || page.correctOption < 0 || page.correctOption >= count)
        missing.push({ pageId: page.id, field: "correctOption", label: label("correctOption") });
    }
  }
  return missing;
}

/** What a chapter (with the course's title) lacks in a language. */
export function missingChapterTexts(
  course: DraftCourse,
  chapter: DraftChapter,
  pages: readonly DraftPage[],
  locale: PortalLocale,
): MissingText[] {
  const missing: MissingText[] = [];
  if (!filled(course.texts[locale]?.title))
    missing.push({ pageId: null, field: "courseTitle", label: "Kursens namn" });
  if (!filled(chapter.texts[locale]?.title))
    missing.push({ pageId: null, field: "chapterTitle", label: "Kapitlets rubrik" });
  if (locale === "sv" && pages.length === 0)
    missing.push({ pageId: null, field: "pages", label: "Kapitlet har inga sidor" });
  const ordered = [...pages].sort((a, b) => a.position - b.position);
  ordered.forEach((page, i) => {
    missing.push(...missingPageTexts(page, locale, i + 1));
  });
  return missing;
}

/**
 * The Swedish a translation was checked against: the course's title, the chapter's texts and
 * every page's Swedish texts, kinds, order, files and right answers. A change to any of them
 * makes earlier confirmations out of date.
 */
export function swedishHash(
  course: DraftCourse,
  chapter: DraftChapter,
  pages: readonly DraftPage[],
): string {
  const ordered = [...pages].sort((a, b) => a.position - b.position);
  const source = {
    course: course.texts.sv ?? null,
    chapter: chapter.texts.sv ?? null,
    pages: ordered.map((p) => ({
      id: p.id,
      kind: p.kind,
      mediaId: p.mediaId,
      correctOption: p.correctOption,
      sv: p.texts.sv ?? null,
    })),
  };
  return createHash("sha256").update(canonicalJson(source)).digest("hex");
}

/**
 * JSON with every object's keys sorted: jsonb keeps no key order, so texts read back from the
 * database and the same texts as a form sent them must give the same hash.
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * A chapter's translation status in one language:
 * - "saknas": no text in the language at all;
 * - "paborjad": some texts are there, some are missing (see missing);
 * - "komplett": every text is there, nobody has confirmed it yet;
 * - "inaktuell": confirmed once, but the Swedish has changed since;
 * - "klar": complete and confirmed against the Swedish as it is now — published in this language.
 * Swedish is "klar" when complete, else "paborjad".
 */
export type TranslationState = "saknas" | "paborjad" | "komplett" | "inaktuell" | "klar";

export interface TranslationStatus {
  locale: PortalLocale;
  state: TranslationState;
  missing: MissingText[];
}

export function translationStatus(
  course: DraftCourse,
  chapter: DraftChapter,
  pages: readonly DraftPage[],
  locale: PortalLocale,
  confirmation: { sourceHash: string } | undefined,
): TranslationStatus {
  const missing = missingChapterTexts(course, chapter, pages, locale);
  if (locale === "sv") return { locale, state: missing.length ? "paborjad" : "klar", missing };
  const anything =
    chapter.texts[locale] !== undefined || pages.some((p) => p.texts[locale] !== undefined);
  if (!anything) return { locale, state: "saknas", missing };
  if (missing.length) return { locale, state: "paborjad", missing };
  if (!confirmation) return { locale, state: "komplett", missing };
  return {
    locale,
    state: confirmation.sourceHash === swedishHash(course, chapter, pages) ? "klar" : "inaktuell",
    missing,
  };
}

// ── The published snapshot ───────────────────────────────────────────────────────────────────

export interface SnapshotPage {
  id: string;
  kind: PageKind;
  mediaId: string | null;
  correctOption: number | null;
  /** Only the chapter's published languages. */
  texts: Partial<Record<PortalLocale, PageText>>;
}

export interface SnapshotChapter {
  id: string;
  /** The languages this chapter is shown in: "sv" and every language that was "klar". */
  locales: PortalLocale[];
  texts: Partial<Record<PortalLocale, ChapterText>>;
  pages: SnapshotPage[];
}

/** What participants read: one published version of a course (course_versions.snapshot). */
export interface CourseSnapshot {
  formatVersion: 1;
  courseId: string;
  initiativeId: string | null;
  /** "sv" and the languages at least one chapter is published in. */
  texts: Partial<Record<PortalLocale, CourseText>>;
  chapters: SnapshotChapter[];
}

const pick = <T>(
  texts: Partial<Record<PortalLocale, T>>,
  locales: readonly PortalLocale[],
): Partial<Record<PortalLocale, T>> => {
  const out: Partial<Record<PortalLocale, T>> = {};
  for (const l of locales) if (texts[l] !== undefined) out[l] = texts[l];
  return out;
};

/**
 * The snapshot of a draft: every chapter in order with its pages, each in Swedish and in the
 * languages whose status is "klar". Throws nothing: publish.ts checks the Swedish first.
 */
export function snapshotOf(
  course: DraftCourse,
  chapters: readonly {
    chapter: DraftChapter;
    pages: readonly DraftPage[];
    ready: PortalLocale[];
  }[],
): CourseSnapshot {
  const ordered = [...chapters].sort((a, b) => a.chapter.position - b.chapter.position);
  const snapChapters: SnapshotChapter[] = ordered.map(({ chapter, pages, ready }) => {
    const locales: PortalLocale[] = ["sv", ...ready.filter((l) => l !== "sv")];
    return {
      id: chapter.id,
      locales,
      texts: pick(chapter.texts, locales),
      pages: [...pages]
        .sort((a, b) => a.position - b.position)
        .map((p) => ({
          id: p.id,
          kind: p.kind,
          mediaId: p.mediaId,
          correctOption: p.correctOption,
          texts: pick(p.texts, locales),
        })),
    };
  });
  const courseLocales = [...new Set(snapChapters.flatMap((c) => c.locales))];
  return {
    formatVersion: 1,
    courseId: course.id,
    initiativeId: course.initiativeId,
    texts: pick(course.texts, courseLocales),
    chapters: snapChapters,
  };
}

/** The language a participant reads a chapter in: theirs when it is published in it, else Swedish. */
export const chapterLocale = (chapter: SnapshotChapter, wanted: PortalLocale): PortalLocale =>
  chapter.locales.includes(wanted) ? wanted : "sv";

/** The files a page uses: its picture or video and each language's recording and captions. */
export function pageMediaIds(page: {
  mediaId: string | null;
  texts: Partial<Record<PortalLocale, PageText>>;
}): string[] {
  const ids = new Set<string>();
  if (page.mediaId) ids.add(page.mediaId);
  for (const text of Object.values(page.texts)) {
    if (text?.audioId) ids.add(text.audioId);
    if (text?.captionsId) ids.add(text.captionsId);
  }
  return [...ids];
}

/** Every file a snapshot uses: the pictures and videos, and each language's recordings and captions. */
export function mediaIdsOf(snapshot: CourseSnapshot): Set<string> {
  return new Set(snapshot.chapters.flatMap((chapter) => chapter.pages.flatMap(pageMediaIds)));
}
