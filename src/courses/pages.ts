// The pages of a course's chapters (issue 10; ADR 0015): adding one of a kind (text, picture,
// read-aloud recording, video, quiz question), writing its texts in Swedish and the portal's
// other languages, attaching its files, moving and deleting it.
//
// Every change takes the course's lock first (loadCourseDraft forUpdate), checks the page is
// the course's, carries the version it was read at, writes an audit event, and happens in one
// transaction. Refusals are ValidationErrors keyed by the editor's field names (pageField,
// optionField), so the form shows each message next to its field.
import { and, eq, inArray } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { LANGUAGE_IN_SWEDISH, PORTAL_LOCALES, type PortalLocale } from "../portal/locales.ts";
import { type CourseDraft, changeCourse, type DraftChapterView, type PageRow } from "./draft.ts";
import { courseMedia, coursePages } from "./schema.ts";
import { type MediaKind, PAGE_KINDS, type PageKind, type PageText, pageMediaIds } from "./texts.ts";
import { removeUnusedMedia } from "./unused-media.ts";

export const PAGE_TITLE_MAX = 120;
export const PAGE_BODY_MAX = 5000;
export const PAGE_ALT_MAX = 300;
export const PAGE_OPTION_MAX = 200;
export const PAGE_EXPLANATION_MAX = 1000;
export const QUIZ_OPTIONS_MIN = 2;
export const QUIZ_OPTIONS_MAX = 5;

export type PageTextPart = "title" | "body" | "alt" | "explanation" | "audio" | "captions";

/** The editor's field names, which the error summary links to: "title-sv", "alt-en". */
export const pageField = (locale: PortalLocale, part: PageTextPart) => `${part}-${locale}`;
/** A quiz option's field: "option-sv-0" … "option-sv-4". */
export const optionField = (locale: PortalLocale, index: number) => `option-${locale}-${index}`;
/** The right answer (radio buttons by the Swedish options), the picture and the video file. */
export const CORRECT_FIELD = "correctOption";
export const PICTURE_FIELD = "picture";
export const VIDEO_FIELD = "videofile";

/** One language's texts as the form sent them (blank = none). */
export interface PageTextInput {
  title?: string;
  body?: string;
  alt?: string;
  /** As typed, blanks included: their places line up with the Swedish options' inputs. */
  options?: string[];
  explanation?: string;
  /** A newly stored recording (ljud) or captions file (video); undefined keeps the one there. */
  audioId?: string;
  captionsId?: string;
}

export interface PageInput {
  /** Only the languages the form showed; the page's other languages are kept as they are. */
  texts: Partial<Record<PortalLocale, PageTextInput>>;
  /**
   * A quiz question's right answer: the place of the Swedish option as typed (blank inputs
   * counted). Undefined keeps the saved one when the Swedish is not sent.
   */
  correctOption?: number | null;
  /** A newly stored picture (bild) or video (video); undefined keeps the one there. */
  mediaId?: string;
}

const MEDIA_OF_PAGE: Partial<Record<PageKind, MediaKind>> = { bild: "bild", video: "video" };

/** Text as stored: Windows line ends made plain, trailing spaces and outer blank lines gone. */
const tidy = (value: string | undefined) =>
  (value ?? "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
const oneLine = (value: string | undefined) => (value ?? "").replace(/\s+/g, " ").trim();

const count = (n: number) => n.toLocaleString("sv-SE");

const CONFLICT =
  "Någon annan har ändrat sidan medan du arbetade. Ladda om sidan, läs ändringarna och gör din ändring igen.";

/** The chapter and the page of a draft, or "not found" when the page is not the course's. */
export function pageInDraft(
  draft: CourseDraft,
  pageId: string,
): { view: DraftChapterView; page: PageRow } {
  for (const view of draft.chapters) {
    const page = view.pages.find((p) => p.id === pageId);
    if (page) return { view, page };
  }
  throw new NotFoundError("Sidan finns inte i kursen.");
}

const isPageKind = (value: unknown): value is PageKind =>
  typeof value === "string" && (PAGE_KINDS as readonly string[]).includes(value);

/** Adds an empty page of a kind last in a chapter; answers its id. */
export async function addPage(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  chapterId: string,
  kind: string,
): Promise<string> {
  if (!isPageKind(kind))
    throw new ValidationError({
      kind: "Välj vilken sorts sida du vill lägga till: text, bild, uppläsning, video eller fråga.",
    });
  return changeCourse(q, principal, associationId, courseId, async (tx, draft) => {
    const view = draft.chapters.find((c) => c.chapter.id === chapterId);
    if (!view) throw new NotFoundError("Kapitlet finns inte i kursen.");
    const position = view.pages.reduce((max, p) => Math.max(max, p.position + 1), 0);
    const [row] = await tx
      .insert(coursePages)
      .values({
        chapterId,
        position,
        kind,
        // the Swedish is always there, empty until written: the chapter then lists it as missing
        texts: { sv: { title: "", body: "" } },
        correctOption: kind === "fraga" ? 0 : null,
        updatedByName: principal.name,
      })
      .returning({ id: coursePages.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAuditEvent(tx, actor, {
      action: "course_page.added",
      associationId,
      targetType: "course_page",
      targetId: row.id,
      details: { courseId, chapterId, kind, position: view.pages.length + 1 },
    });
    return row.id;
  });
}

interface Built {
  texts: Partial<Record<PortalLocale, PageText>>;
  correctOption: number | null;
  mediaId: string | null;
}

/** The page's texts after the change, or a ValidationError with every problem at once. */
function build(page: PageRow, input: PageInput): Built {
  const problems: Record<string, string> = {};
  const texts: Partial<Record<PortalLocale, PageText>> = { ...page.texts };
  const kind = page.kind;
  const mediaId = MEDIA_OF_PAGE[kind] ? (input.mediaId ?? page.mediaId) : null;
  if (input.mediaId !== undefined && !MEDIA_OF_PAGE[kind])
    problems.form = "Den här sortens sida har ingen bild eller video.";

  // the Swedish options kept: the places of the inputs that were filled in
  const svInput = input.texts.sv;
  const svTyped = svInput ? (svInput.options ?? []) : (page.texts.sv?.options ?? []);
  const svKept = svTyped.flatMap((o, i) => (oneLine(o) ? [i] : []));
  let correctOption = page.correctOption;

  for (const locale of PORTAL_LOCALES) {
    const raw = input.texts[locale];
    if (raw === undefined) continue;
    const current = page.texts[locale];
    const language = LANGUAGE_IN_SWEDISH[locale];
    const field = (part: PageTextPart) => pageField(locale, part);
    const title = oneLine(raw.title);
    const body = tidy(raw.body);
    const alt = oneLine(raw.alt);
    const explanation = tidy(raw.explanation);
    if (title.length > PAGE_TITLE_MAX)
      problems[field("title")] =
        `Rubriken på ${language} får ha högst ${PAGE_TITLE_MAX} tecken. Nu har den ${count(title.length)}.`;
    if (body.length > PAGE_BODY_MAX)
      problems[field("body")] =
        `Texten på ${language} får ha högst 5 000 tecken. Nu har den ${count(body.length)}. Dela upp den på två sidor eller korta den.`;

    const text: PageText = { title, body };
    let filled = Boolean(title || body);
    if (kind === "bild") {
      if (alt.length > PAGE_ALT_MAX)
        problems[field("alt")] =
          `Alternativtexten på ${language} får ha högst ${PAGE_ALT_MAX} tecken. Nu har den ${count(alt.length)}. Beskriv det viktigaste i bilden.`;
      else if (locale === "sv" && mediaId && !alt)
        problems[field("alt")] =
          "Skriv en alternativtext: vad bilden visar, för den som inte ser den.";
      else if (locale !== "sv" && title && !alt)
        problems[field("alt")] =
          `Skriv en alternativtext på ${language}: vad bilden visar, för den som inte ser den.`;
      text.alt = alt;
      filled ||= Boolean(alt);
    }
    if (kind === "ljud") {
      const audioId = raw.audioId ?? current?.audioId;
      if (audioId) text.audioId = audioId;
      filled ||= Boolean(audioId);
    }
    if (kind === "video") {
      const captionsId = raw.captionsId ?? current?.captionsId;
      if (captionsId) text.captionsId = captionsId;
      filled ||= Boolean(captionsId);
    }
    if (kind === "fraga") {
      if (explanation.length > PAGE_EXPLANATION_MAX)
        problems[field("explanation")] =
          `Förklaringen på ${language} får ha högst 1 000 tecken. Nu har den ${count(explanation.length)}.`;
      const typed = (raw.options ?? []).map((o) => oneLine(o));
      typed.forEach((o, i) => {
        if (o.length > PAGE_OPTION_MAX)
          problems[optionField(locale, i)] =
            `Svarsalternativ ${i + 1} på ${language} får ha högst ${PAGE_OPTION_MAX} tecken. Nu har det ${count(o.length)}.`;
      });
      let options: string[];
      if (locale === "sv") {
        options = svKept.map((i) => typed[i] ?? "");
        if (options.length < QUIZ_OPTIONS_MIN)
          problems[optionField("sv", options.length === 1 ? 1 : 0)] =
            "Skriv minst två svarsalternativ på svenska.";
        else if (options.length > QUIZ_OPTIONS_MAX)
          problems[optionField("sv", 0)] =
            `En fråga får ha högst ${QUIZ_OPTIONS_MAX} svarsalternativ. Ta bort ${options.length - QUIZ_OPTIONS_MAX}.`;
        const chosen = input.correctOption;
        const place = chosen === null || chosen === undefined ? -1 : svKept.indexOf(chosen);
        if (place < 0) problems[CORRECT_FIELD] = "Välj vilket svar som är rätt.";
        else correctOption = place;
      } else {
        // a translation's options stand on the same lines as the Swedish ones
        const stray = typed.findIndex((o, i) => o && !svKept.includes(i));
        options = svKept.map((i) => typed[i] ?? "");
        const written = options.filter(Boolean).length;
        if (stray >= 0)
          problems[optionField(locale, stray)] =
            `Det finns inget svenskt svarsalternativ på rad ${stray + 1}. Skriv varje alternativ på ${language} på samma rad som det svenska.`;
        else if (written > 0 && written < options.length) {
          const blank = svKept[options.findIndex((o) => !o)] ?? 0;
          problems[optionField(locale, blank)] =
            `Skriv alla ${options.length} svarsalternativ på ${language}, i samma ordning som på svenska – eller inga, om frågan inte är översatt än.`;
        }
        if (written === 0) options = [];
      }
      if (options.length) text.options = options;
      text.explanation = explanation;
      filled ||= Boolean(options.length || explanation);
    }
    if (locale === "sv" || filled) texts[locale] = text;
    else delete texts[locale];
  }
  if (kind === "bild" && !svInput && mediaId && !texts.sv?.alt)
    problems[pageField("sv", "alt")] =
      "Skriv en alternativtext: vad bilden visar, för den som inte ser den.";
  if (kind === "fraga" && !svInput && input.correctOption !== undefined) {
    const n = page.texts.sv?.options?.length ?? 0;
    const chosen = input.correctOption;
    if (chosen === null || chosen < 0 || chosen >= n)
      problems[CORRECT_FIELD] = "Välj vilket svar som är rätt.";
    else correctOption = chosen;
  }
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return { texts, correctOption: kind === "fraga" ? (correctOption ?? 0) : null, mediaId };
}

/** The files a change attaches must be this course's, of the right kind. */
async function checkFiles(
  q: Queryable,
  courseId: string,
  page: PageRow,
  input: PageInput,
): Promise<void> {
  const wanted: { id: string; kind: MediaKind; field: string }[] = [];
  const pageMedia = MEDIA_OF_PAGE[page.kind];
  if (input.mediaId && pageMedia)
    wanted.push({
      id: input.mediaId,
      kind: pageMedia,
      field: page.kind === "bild" ? PICTURE_FIELD : VIDEO_FIELD,
    });
  for (const locale of PORTAL_LOCALES) {
    const raw = input.texts[locale];
    if (raw?.audioId && page.kind === "ljud")
      wanted.push({ id: raw.audioId, kind: "ljud", field: pageField(locale, "audio") });
    if (raw?.captionsId && page.kind === "video")
      wanted.push({ id: raw.captionsId, kind: "textning", field: pageField(locale, "captions") });
  }
  if (wanted.length === 0) return;
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const ids = wanted.map((w) => w.id).filter((id) => UUID.test(id));
  const found = ids.length
    ? await q
        .select({ id: courseMedia.id, kind: courseMedia.kind })
        .from(courseMedia)
        .where(and(eq(courseMedia.courseId, courseId), inArray(courseMedia.id, ids)))
    : [];
  const problems: Record<string, string> = {};
  for (const w of wanted)
    if (!found.some((f) => f.id === w.id && f.kind === w.kind))
      problems[w.field] = "Filen finns inte bland kursens filer. Välj filen och spara igen.";
  if (Object.keys(problems).length) throw new ValidationError(problems);
}

/**
 * Saves a page's texts (the languages sent), its right answer and its files. Refused whole,
 * nothing saved, when anything is wrong; ConflictError when the page changed since it was read.
 */
export async function updatePage(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  pageId: string,
  input: PageInput,
  expectedVersion: number,
): Promise<PageRow> {
  return changeCourse(q, principal, associationId, courseId, async (tx, draft) => {
    const { view, page } = pageInDraft(draft, pageId);
    if (page.version !== expectedVersion) throw new ConflictError(CONFLICT);
    const next = build(page, input);
    await checkFiles(tx, courseId, page, input);
    const [row] = await tx
      .update(coursePages)
      .set({
        texts: next.texts,
        correctOption: next.correctOption,
        mediaId: next.mediaId,
        updatedByName: principal.name,
        updatedAt: new Date(),
        version: page.version + 1,
      })
      .where(eq(coursePages.id, page.id))
      .returning();
    if (!row) throw new Error("update returned nothing");
    const changedLanguages = PORTAL_LOCALES.filter(
      (l) => JSON.stringify(page.texts[l] ?? null) !== JSON.stringify(next.texts[l] ?? null),
    );
    await recordAuditEvent(tx, actor, {
      action: "course_page.updated",
      associationId,
      targetType: "course_page",
      targetId: page.id,
      details: {
        courseId,
        chapterId: view.chapter.id,
        kind: page.kind,
        title: next.texts.sv?.title ?? "",
        changedLanguages,
        ...(page.mediaId !== next.mediaId
          ? { mediaId: { from: page.mediaId, to: next.mediaId } }
          : {}),
        ...(page.correctOption !== next.correctOption
          ? { correctOption: { from: page.correctOption, to: next.correctOption } }
          : {}),
      },
    });
    // a replaced file goes, unless another page or a published version still uses it; last,
    // so a file stored for this save (already in the page now) is kept
    const kept = new Set(pageMediaIds(next));
    if (pageMediaIds(page).some((id) => !kept.has(id)))
      await removeUnusedMedia(tx, actor, associationId, courseId);
    return row;
  });
}

/** Moves a page one place up or down in its chapter (nothing happens at either end). */
export async function movePage(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  pageId: string,
  direction: "up" | "down",
): Promise<void> {
  await changeCourse(q, principal, associationId, courseId, async (tx, draft) => {
    const { view } = pageInDraft(draft, pageId);
    const order = [...view.pages];
    const from = order.findIndex((p) => p.id === pageId);
    const to = direction === "up" ? from - 1 : from + 1;
    const moving = order[from];
    const other = order[to];
    if (!moving || !other) return;
    order[from] = other;
    order[to] = moving;
    for (const [position, p] of order.entries())
      if (p.position !== position)
        await tx.update(coursePages).set({ position }).where(eq(coursePages.id, p.id));
    await recordAuditEvent(tx, actor, {
      action: "course_page.moved",
      associationId,
      targetType: "course_page",
      targetId: pageId,
      details: {
        courseId,
        chapterId: view.chapter.id,
        title: moving.texts.sv?.title ?? "",
        from: from + 1,
        to: to + 1,
      },
    });
  });
}

/** Deletes a page from the draft; published versions keep their copy. */
export async function deletePage(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  courseId: string,
  pageId: string,
  expectedVersion: number,
): Promise<void> {
  await changeCourse(q, principal, associationId, courseId, async (tx, draft) => {
    const { view, page } = pageInDraft(draft, pageId);
    if (page.version !== expectedVersion) throw new ConflictError(CONFLICT);
    await tx.delete(coursePages).where(eq(coursePages.id, page.id));
    await recordAuditEvent(tx, actor, {
      action: "course_page.deleted",
      associationId,
      targetType: "course_page",
      targetId: page.id,
      details: {
        courseId,
        chapterId: view.chapter.id,
        kind: page.kind,
        title: page.texts.sv?.title ?? "",
        position: view.pages.indexOf(page) + 1,
      },
    });
    if (pageMediaIds(page).length) await removeUnusedMedia(tx, actor, associationId, courseId);
  });
}
