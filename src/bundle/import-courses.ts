// Reads the courses and Tyck till's question sets of a bundle (course-schema.ts) into the
// instance, inside the bundle import's transaction, after the initiatives. Everything is checked
// first and every problem named at its place in the file; then written.
// A course, its chapters, pages and files keep their keys as ids (published snapshots and
// participants' progress refer to them). A new course is written whole. A stored one is brought
// forward: its draft takes the file's (chapters and pages not in the file leave the draft; the
// published versions keep them), files not stored yet are added (a file is never changed or
// removed: a stored file with the same key must be the same file), and versions after the stored
// ones are added. A published version is never changed: the file must hold it exactly as stored
// here (the database refuses any change of one, migration 0019). Every file's bytes must match
// its SHA-256, and its type is checked from its first bytes as an upload's is (media.ts).
// A question set is matched by its initiative and kind and takes the file's questions, checked
// by the editor's own rules (forms.ts readQuestions); its version is never lowered.

import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { and, eq, inArray, notInArray, or } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { COURSE_TITLE_MAX } from "../courses/authoring.ts";
import { imageSize } from "../courses/image-size.ts";
import { checkMedia } from "../courses/media.ts";
import {
  courseChapters,
  courseChapterTranslations,
  courseMedia,
  coursePages,
  courses,
  courseVersions,
} from "../courses/schema.ts";
import { mediaIdsOf } from "../courses/texts.ts";
import { readQuestions } from "../evaluation/forms.ts";
import { evaluationForms } from "../evaluation/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Tx } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { PORTAL_LOCALES } from "../portal/locales.ts";
import type { Bundle } from "./bundle-schema.ts";
import type {
  BundleCourse,
  BundleCourseVersion,
  BundleEvaluationForm,
  BundleMedia,
} from "./course-schema.ts";
import {
  type BundleCourseDraft,
  byPlace,
  type CourseRow,
  type CourseVersionRow,
  chapterTexts,
  courseDraftOf,
  courseTexts,
  courseVersionOf,
  draftRows,
  type EvaluationFormRow,
  mediaHeadOf,
  mediaOf,
  pageOf,
  pageTexts,
  questionsOf,
} from "./export-courses.ts";
import type { ImportCounts } from "./import-bundle.ts";
import { type Add, Problems } from "./import-reports.ts";

export interface CourseResult {
  /** Per course: created, its draft brought forward (updated) or left as it is. */
  courses: ImportCounts;
  /** Per file: created or left as it is (a file is never changed). */
  courseMedia: ImportCounts;
  /** Per published version: created or left as it is (never changed). */
  courseVersions: ImportCounts;
  /** Per initiative's question set (Tyck till). */
  evaluationForms: ImportCounts;
}

const counts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

/** The file's draft in the form the export gives a stored one (for comparing the two). */
const draftOf = (item: BundleCourse): BundleCourseDraft => ({
  key: item.key,
  initiative: item.initiative,
  texts: courseTexts(item.texts),
  position: item.position,
  withdrawnAt: item.withdrawnAt,
  updated: item.updated,
  chapters: item.chapters
    .map((c) => ({
      key: c.key,
      position: c.position,
      texts: chapterTexts(c.texts),
      translations: c.translations
        .map((t) => ({ locale: t.locale, sourceHash: t.sourceHash, confirmed: t.confirmed }))
        .sort((a, b) => PORTAL_LOCALES.indexOf(a.locale) - PORTAL_LOCALES.indexOf(b.locale)),
      pages: c.pages
        .map((p) => ({
          key: p.key,
          position: p.position,
          kind: p.kind,
          media: p.media,
          correctOption: p.correctOption,
          texts: pageTexts(p.texts),
        }))
        .sort(byPlace),
    }))
    .sort(byPlace),
});

interface StoredCourses {
  courses: CourseRow[];
  chapters: Awaited<ReturnType<typeof draftRows>>["chapters"];
  pages: Awaited<ReturnType<typeof draftRows>>["pages"];
  translations: Awaited<ReturnType<typeof draftRows>>["translations"];
  /** Every stored file with a key of the file or of a course of the file (without bytes). */
  media: Array<{ id: string; courseId: string; associationId: string; head: BundleMedia }>;
  versions: CourseVersionRow[];
  /** Chapters and pages with a key of the file, wherever they are stored. */
  chapterHolder: Map<string, string>;
  pageHolder: Map<string, string>;
}

async function storedCourses(tx: Tx, list: BundleCourse[]): Promise<StoredCourses> {
  const keys = list.map((c) => c.key);
  const rows = await tx.select().from(courses).where(inArray(courses.id, keys)).for("update");
  const ids = rows.map((r) => r.id);
  const draft = await draftRows(tx, ids);
  const chapterKeys = list.flatMap((c) => c.chapters.map((ch) => ch.key));
  const pageKeys = list.flatMap((c) => c.chapters.flatMap((ch) => ch.pages.map((p) => p.key)));
  const chapterHolder = new Map(
    (chapterKeys.length
      ? await tx
          .select({ id: courseChapters.id, courseId: courseChapters.courseId })
          .from(courseChapters)
          .where(inArray(courseChapters.id, chapterKeys))
      : []
    ).map((r) => [r.id, r.courseId]),
  );
  const pageHolder = new Map(
    (pageKeys.length
      ? await tx
          .select({ id: coursePages.id, courseId: courseChapters.courseId })
          .from(coursePages)
          .innerJoin(courseChapters, eq(courseChapters.id, coursePages.chapterId))
          .where(inArray(coursePages.id, pageKeys))
      : []
    ).map((r) => [r.id, r.courseId]),
  );
  const mediaKeys = list.flatMap((c) => c.media.map((m) => m.key));
  const mediaRows =
    mediaKeys.length || ids.length
      ? await tx
          .select({
            id: courseMedia.id,
            courseId: courseMedia.courseId,
            associationId: courseMedia.associationId,
            kind: courseMedia.kind,
            mediaType: courseMedia.mediaType,
            fileName: courseMedia.fileName,
            sha256: courseMedia.sha256,
            uploadedByName: courseMedia.uploadedByName,
            uploadedAt: courseMedia.uploadedAt,
          })
          .from(courseMedia)
          .where(
            or(
              mediaKeys.length ? inArray(courseMedia.id, mediaKeys) : undefined,
              ids.length ? inArray(courseMedia.courseId, ids) : undefined,
            ),
          )
      : [];
  const versions = ids.length
    ? await tx.select().from(courseVersions).where(inArray(courseVersions.courseId, ids))
    : [];
  return {
    courses: rows,
    ...draft,
    media: mediaRows.map((m) => ({
      id: m.id,
      courseId: m.courseId,
      associationId: m.associationId,
      head: mediaOf({ ...m, data: new Uint8Array() }),
    })),
    versions,
    chapterHolder,
    pageHolder,
  };
}

const NEVER_CHANGED =
  "En publicerad version kan ha läsare och ändras aldrig: lägg ändringen i en ny version (publicera kursen igen).";

/** The files of the file's course, checked: bytes against the SHA-256, type from the first bytes. */
function checkMediaOf(item: BundleCourse, add: Add): Map<string, Uint8Array> {
  const bytes = new Map<string, Uint8Array>();
  item.media.forEach((m, j) => {
    const at = `media[${j}]`;
    const data = new Uint8Array(Buffer.from(m.dataBase64, "base64"));
    const sha = createHash("sha256").update(data).digest("hex");
    if (sha !== m.sha256) {
      add(
        `${at}.dataBase64`,
        `Filens byte stämmer inte med dess kontrollsumma (SHA-256): filen "${m.fileName}" är skadad eller ändrad. Exportera kursen på nytt och försök igen.`,
      );
      return;
    }
    try {
      const mediaType = checkMedia(m.kind, data, "data");
      if (mediaType !== m.mediaType)
        add(
          `${at}.mediaType`,
          `Filen "${m.fileName}" är av typen ${mediaType}, inte ${m.mediaType}. Rätta mediaType.`,
        );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      add(`${at}.dataBase64`, `Filen "${m.fileName}": ${Object.values(error.fields).join(" ")}`);
      return;
    }
    bytes.set(m.key, data);
  });
  return bytes;
}

interface CoursePlan {
  item: BundleCourse;
  stored: CourseRow | undefined;
  draftChanged: boolean;
  mediaInserts: Array<{ media: BundleMedia; data: Uint8Array }>;
  mediaUnchanged: number;
  versionInserts: BundleCourseVersion[];
  versionsUnchanged: number;
}

function planCourses(
  problems: Problems,
  associationId: string,
  list: BundleCourse[],
  stored: StoredCourses,
  initiativeHolder: ReadonlyMap<string, string>,
): CoursePlan[] {
  const courseKeys = list.map((c) => c.key);
  const chapterPlace = new Map<string, string>();
  const pagePlace = new Map<string, string>();
  const mediaPlace = new Map<string, string>();
  const plans: CoursePlan[] = [];
  for (const [i, item] of list.entries()) {
    const where = `courses[${i}]`;
    const add = problems.at(where, ` (kursen "${item.texts.sv.title}")`);
    const first = courseKeys.indexOf(item.key);
    if (first !== i) add("key", `Nyckeln finns redan i courses[${first}].`);
    const existing = stored.courses.find((c) => c.id === item.key);
    if (existing && existing.associationId !== associationId)
      add("key", "Nyckeln används redan av en kurs i ett annat förbund.");
    if (item.initiative) {
      const holder = initiativeHolder.get(item.initiative);
      if (!holder)
        add(
          "initiative",
          "Insatsen finns varken i filen (initiatives) eller i förbundet. Lägg till insatsen i initiatives, eller ange null för en kurs för hela förbundet.",
        );
      else if (holder !== associationId) add("initiative", "Insatsen hör till ett annat förbund.");
    }
    const title = item.texts.sv.title.trim();
    if (!title) add("texts.sv.title", "Skriv kursens namn på svenska.");
    else if (title.length > COURSE_TITLE_MAX)
      add("texts.sv.title", `Kursens namn får ha högst ${COURSE_TITLE_MAX} tecken. Korta det.`);

    // the course's files: in the file, or already stored for this course
    const mediaKind = new Map<string, string>();
    for (const m of stored.media) if (m.courseId === item.key) mediaKind.set(m.id, m.head.kind);
    const bytes = checkMediaOf(item, add);
    const mediaInserts: CoursePlan["mediaInserts"] = [];
    let mediaUnchanged = 0;
    item.media.forEach((m, j) => {
      const at = `media[${j}]`;
      const seen = mediaPlace.get(m.key);
      if (seen) add(`${at}.key`, `Nyckeln finns redan i ${seen}.`);
      else mediaPlace.set(m.key, `${where}.${at}`);
      mediaKind.set(m.key, m.kind);
      const here = stored.media.find((s) => s.id === m.key);
      if (!here) {
        const data = bytes.get(m.key);
        if (data) mediaInserts.push({ media: m, data });
      } else if (here.courseId !== item.key)
        add(`${at}.key`, "Nyckeln används redan av en fil i en annan kurs.");
      else if (!isDeepStrictEqual(mediaHeadOf(here.head), mediaHeadOf(m)))
        add(
          at,
          `Filen "${m.fileName}" finns redan här men skiljer sig från filens. En fil ändras aldrig: ladda upp den ändrade filen som en ny fil (en ny nyckel).`,
        );
      else mediaUnchanged++;
    });
    const needMedia = (at: string, key: string | undefined, kind: string, what: string) => {
      if (key === undefined) return;
      const found = mediaKind.get(key);
      if (!found)
        add(at, `${what} ${key} finns inte bland kursens filer (media). Lägg till filen i media.`);
      else if (found !== kind)
        add(at, `${what} ${key} är en fil av slaget ${found}, inte ${kind}.`);
    };

    item.chapters.forEach((chapter, c) => {
      const at = `chapters[${c}]`;
      const seen = chapterPlace.get(chapter.key);
      if (seen) add(`${at}.key`, `Nyckeln finns redan i ${seen}.`);
      else chapterPlace.set(chapter.key, `${where}.${at}`);
      const holder = stored.chapterHolder.get(chapter.key);
      if (holder && holder !== item.key)
        add(`${at}.key`, "Nyckeln används redan av ett kapitel i en annan kurs.");
      if (!chapter.texts.sv.title.trim())
        add(`${at}.texts.sv.title`, "Skriv kapitlets rubrik på svenska.");
      const locales = chapter.translations.map((t) => t.locale);
      chapter.translations.forEach((t, k) => {
        if (locales.indexOf(t.locale) !== k)
          add(
            `${at}.translations[${k}].locale`,
            `Språket ${t.locale} är redan bekräftat i translations[${locales.indexOf(t.locale)}].`,
          );
      });
      chapter.pages.forEach((page, p) => {
        const pat = `${at}.pages[${p}]`;
        const seenPage = pagePlace.get(page.key);
        if (seenPage) add(`${pat}.key`, `Nyckeln finns redan i ${seenPage}.`);
        else pagePlace.set(page.key, `${where}.${pat}`);
        const pageHolder = stored.pageHolder.get(page.key);
        if (pageHolder && pageHolder !== item.key)
          add(`${pat}.key`, "Nyckeln används redan av en sida i en annan kurs.");
        if (page.kind === "fraga" && page.correctOption === null)
          add(
            `${pat}.correctOption`,
            "En quizfråga har ett rätt svar: ange dess plats bland alternativen (0 för det första).",
          );
        if (page.kind !== "fraga" && page.correctOption !== null)
          add(`${pat}.correctOption`, "Bara en quizfråga (fraga) har ett rätt svar: ange null.");
        if (page.media !== null) {
          if (page.kind !== "bild" && page.kind !== "video")
            add(`${pat}.media`, "Bara en bild- eller videosida har en fil här: ange null.");
          else needMedia(`${pat}.media`, page.media, page.kind, "Filen");
        }
        for (const [locale, text] of Object.entries(page.texts)) {
          needMedia(`${pat}.texts.${locale}.audioId`, text?.audioId, "ljud", "Inspelningen");
          needMedia(
            `${pat}.texts.${locale}.captionsId`,
            text?.captionsId,
            "textning",
            "Textningen",
          );
        }
      });
    });

    const history = stored.versions
      .filter((v) => v.courseId === item.key)
      .sort((a, b) => a.number - b.number);
    const lastStored = history.at(-1)?.number ?? 0;
    if (lastStored > item.versions.length)
      add(
        "versions",
        `Kursen har ${lastStored} publicerade versioner här men ${item.versions.length} i filen. En version tas aldrig bort: importera en nyare export.`,
      );
    let versionsUnchanged = 0;
    item.versions.forEach((v, j) => {
      const at = `versions[${j}]`;
      if (v.number !== j + 1)
        add(`${at}.number`, "Versionerna ska vara numrerade 1, 2, 3 … i ordning.");
      if (v.snapshot.courseId !== item.key)
        add(`${at}.snapshot.courseId`, `Versionen hör till en annan kurs: ange ${item.key}.`);
      for (const id of mediaIdsOf(v.snapshot))
        if (!mediaKind.has(id))
          add(
            `${at}.snapshot`,
            `Versionen använder filen ${id}, som inte finns bland kursens filer (media). Lägg till filen i media.`,
          );
      const row = history.find((h) => h.number === v.number);
      if (!row) return;
      if (isDeepStrictEqual(courseVersionOf(row), v)) versionsUnchanged++;
      else
        add(
          at,
          `Version ${v.number} är publicerad här och skiljer sig från filens. ${NEVER_CHANGED}`,
        );
    });

    const storedDraft = existing
      ? courseDraftOf(existing, stored.chapters, stored.pages, stored.translations)
      : undefined;
    plans.push({
      item,
      stored: existing,
      draftChanged: !storedDraft || !isDeepStrictEqual(storedDraft, draftOf(item)),
      mediaInserts,
      mediaUnchanged,
      versionInserts: item.versions.filter((v) => v.number > lastStored),
      versionsUnchanged,
    });
  }
  return plans;
}

/** Makes the stored draft the file's: the course row, chapters, pages and confirmations. */
async function writeDraft(tx: Tx, associationId: string, plan: CoursePlan, stored: StoredCourses) {
  const { item } = plan;
  const by = item.updated.name;
  const at = new Date(item.updated.at);
  const values = {
    initiativeId: item.initiative,
    texts: courseTexts(item.texts),
    position: item.position,
    withdrawnAt: item.withdrawnAt ? new Date(item.withdrawnAt) : null,
    updatedByName: by,
    updatedAt: at,
  };
  if (!plan.stored) await tx.insert(courses).values({ id: item.key, associationId, ...values });
  else
    await tx
      .update(courses)
      .set({ ...values, version: plan.stored.version + 1 })
      .where(eq(courses.id, item.key));
  // the files first: pages refer to them
  if (plan.mediaInserts.length)
    await tx.insert(courseMedia).values(
      plan.mediaInserts.map(({ media, data }) => ({
        ...(media.kind === "bild" ? (imageSize(data) ?? {}) : {}),
        id: media.key,
        associationId,
        courseId: item.key,
        kind: media.kind,
        mediaType: media.mediaType,
        fileName: media.fileName,
        sizeBytes: data.byteLength,
        sha256: media.sha256,
        data,
        uploadedByName: media.uploaded.name,
        uploadedAt: new Date(media.uploaded.at),
      })),
    );
  if (!plan.draftChanged) return;
  for (const chapter of item.chapters) {
    const current = stored.chapters.find((c) => c.id === chapter.key);
    const texts = chapterTexts(chapter.texts);
    if (!current)
      await tx.insert(courseChapters).values({
        id: chapter.key,
        courseId: item.key,
        position: chapter.position,
        texts,
        updatedByName: by,
        updatedAt: at,
      });
    else if (
      current.position !== chapter.position ||
      !isDeepStrictEqual(chapterTexts(current.texts), texts)
    )
      await tx
        .update(courseChapters)
        .set({
          position: chapter.position,
          texts,
          updatedByName: by,
          updatedAt: at,
          version: current.version + 1,
        })
        .where(eq(courseChapters.id, chapter.key));
    for (const page of chapter.pages) {
      const row = stored.pages.find((p) => p.id === page.key);
      const pageValues = {
        chapterId: chapter.key,
        position: page.position,
        kind: page.kind,
        mediaId: page.media,
        correctOption: page.correctOption,
        texts: pageTexts(page.texts),
      };
      if (!row)
        await tx
          .insert(coursePages)
          .values({ id: page.key, ...pageValues, updatedByName: by, updatedAt: at });
      else if (
        row.chapterId !== chapter.key ||
        !isDeepStrictEqual(pageOf(row), { ...page, texts: pageValues.texts })
      )
        await tx
          .update(coursePages)
          .set({ ...pageValues, updatedByName: by, updatedAt: at, version: row.version + 1 })
          .where(eq(coursePages.id, page.key));
    }
    const confirmations = stored.translations.filter((t) => t.chapterId === chapter.key);
    const same =
      confirmations.length === chapter.translations.length &&
      chapter.translations.every((t) =>
        confirmations.some(
          (c) =>
            c.locale === t.locale &&
            c.sourceHash === t.sourceHash &&
            c.confirmedByName === t.confirmed.name &&
            c.confirmedAt.toISOString() === t.confirmed.at,
        ),
      );
    if (same) continue;
    await tx
      .delete(courseChapterTranslations)
      .where(eq(courseChapterTranslations.chapterId, chapter.key));
    if (chapter.translations.length)
      await tx.insert(courseChapterTranslations).values(
        chapter.translations.map((t) => ({
          chapterId: chapter.key,
          locale: t.locale,
          sourceHash: t.sourceHash,
          confirmedByName: t.confirmed.name,
          confirmedAt: new Date(t.confirmed.at),
        })),
      );
  }
  if (!plan.stored) return;
  // what the file's draft no longer has leaves the draft (the published versions keep it)
  const chapterKeys = item.chapters.map((c) => c.key);
  const pageKeys = item.chapters.flatMap((c) => c.pages.map((p) => p.key));
  const ownChapters = stored.chapters.filter((c) => c.courseId === item.key).map((c) => c.id);
  if (ownChapters.length)
    await tx
      .delete(coursePages)
      .where(
        and(
          inArray(coursePages.chapterId, [...new Set([...ownChapters, ...chapterKeys])]),
          pageKeys.length ? notInArray(coursePages.id, pageKeys) : undefined,
        ),
      );
  await tx
    .delete(courseChapters)
    .where(
      and(
        eq(courseChapters.courseId, item.key),
        chapterKeys.length ? notInArray(courseChapters.id, chapterKeys) : undefined,
      ),
    );
}

async function writeCourse(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  plan: CoursePlan,
  stored: StoredCourses,
  result: CourseResult,
) {
  const { item } = plan;
  result.courseMedia.unchanged += plan.mediaUnchanged;
  result.courseVersions.unchanged += plan.versionsUnchanged;
  if (!plan.draftChanged && !plan.mediaInserts.length && !plan.versionInserts.length) {
    result.courses.unchanged++;
    return;
  }
  await writeDraft(tx, associationId, plan, stored);
  if (plan.versionInserts.length)
    await tx.insert(courseVersions).values(
      plan.versionInserts.map((v) => ({
        courseId: item.key,
        number: v.number,
        snapshot: v.snapshot,
        note: v.note,
        publishedByName: v.published.name,
        publishedAt: new Date(v.published.at),
      })),
    );
  const outcome = plan.stored ? "updated" : "created";
  await recordAuditEvent(tx, actor, {
    action: "course.imported",
    associationId,
    targetType: "course",
    targetId: item.key,
    details: {
      title: item.texts.sv.title,
      initiativeId: item.initiative,
      outcome,
      draftChanged: plan.draftChanged,
      chapters: item.chapters.length,
      pages: item.chapters.reduce((n, c) => n + c.pages.length, 0),
      mediaAdded: plan.mediaInserts.map(({ media }) => ({
        id: media.key,
        kind: media.kind,
        fileName: media.fileName,
        sha256: media.sha256,
      })),
      versionsAdded: plan.versionInserts.map((v) => v.number),
    },
  });
  result.courses[outcome]++;
  result.courseMedia.created += plan.mediaInserts.length;
  result.courseVersions.created += plan.versionInserts.length;
}

/** readQuestions' field names (the editor's) as the bundle spells them. */
function questionPath(field: string): string {
  const m = /^q(\d+)-(text|low|high|type)(?:-([a-z]+))?$/.exec(field);
  if (!m) return field;
  return m[3] ? `questions[${m[1]}].texts.${m[3]}.${m[2]}` : `questions[${m[1]}].${m[2]}`;
}

function checkForms(
  associationId: string,
  problems: Problems,
  list: BundleEvaluationForm[],
  initiativeHolder: ReadonlyMap<string, string>,
) {
  const checked = list.map((item, i) => {
    const add = problems.at(`evaluationForms[${i}]`, "");
    const first = list.findIndex((f) => f.initiative === item.initiative && f.kind === item.kind);
    if (first !== i)
      add(
        "kind",
        `Insatsen har redan frågor av slaget ${item.kind} i evaluationForms[${first}]. En insats har en uppsättning av varje slag.`,
      );
    const holder = initiativeHolder.get(item.initiative);
    if (!holder)
      add(
        "initiative",
        "Insatsen finns varken i filen (initiatives) eller i förbundet. Lägg till insatsen i initiatives.",
      );
    else if (holder !== associationId) add("initiative", "Insatsen hör till ett annat förbund.");
    const ids = item.questions.map((q) => q.id);
    ids.forEach((id, j) => {
      if (ids.indexOf(id) !== j)
        add(`questions[${j}].id`, `Frågans id finns redan i questions[${ids.indexOf(id)}].`);
    });
    try {
      return readQuestions(item.kind, { questions: item.questions }, item.questions);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const [field, message] of Object.entries(error.fields))
        add(questionPath(field), message);
      return [];
    }
  });
  return checked;
}

async function writeForms(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  list: BundleEvaluationForm[],
  questions: ReturnType<typeof readQuestions>[],
  result: CourseResult,
) {
  if (!list.length) return;
  const stored: EvaluationFormRow[] = await tx
    .select()
    .from(evaluationForms)
    .where(
      and(
        eq(evaluationForms.associationId, associationId),
        inArray(
          evaluationForms.initiativeId,
          list.map((f) => f.initiative),
        ),
      ),
    )
    .for("update");
  for (const [i, item] of list.entries()) {
    const wanted = questions[i] ?? [];
    const current = stored.find((f) => f.initiativeId === item.initiative && f.kind === item.kind);
    if (current && isDeepStrictEqual(questionsOf(current.questions), questionsOf(wanted))) {
      result.evaluationForms.unchanged++;
      continue;
    }
    const values = {
      questions: wanted,
      updatedByName: item.updated.name,
      updatedAt: new Date(item.updated.at),
    };
    let id = current?.id;
    if (current)
      await tx
        .update(evaluationForms)
        .set({ ...values, version: Math.max(current.version + 1, item.version) })
        .where(eq(evaluationForms.id, current.id));
    else {
      const [row] = await tx
        .insert(evaluationForms)
        .values({
          ...values,
          associationId,
          initiativeId: item.initiative,
          kind: item.kind,
          version: item.version,
        })
        .returning({ id: evaluationForms.id });
      id = row?.id;
    }
    if (!id) throw new Error("the question set was not written");
    const outcome = current ? "updated" : "created";
    await recordAuditEvent(tx, actor, {
      action: "evaluation_form.imported",
      associationId,
      targetType: "evaluation_form",
      targetId: id,
      details: {
        initiativeId: item.initiative,
        kind: item.kind,
        outcome,
        questions: wanted.length,
      },
    });
    result.evaluationForms[outcome]++;
  }
}

/**
 * Imports the courses and question sets of a bundle into the association, in the caller's
 * transaction, after its initiatives. Refuses with every problem at its place in the file; the
 * caller's transaction then writes nothing at all. A file of version 7 or older has none:
 * nothing happens.
 */
export async function importCourses(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  bundle: Bundle,
): Promise<CourseResult> {
  const result: CourseResult = {
    courses: counts(),
    courseMedia: counts(),
    courseVersions: counts(),
    evaluationForms: counts(),
  };
  const list = bundle.courses;
  const forms = bundle.evaluationForms;
  if (!list.length && !forms.length) return result;
  const problems = new Problems();
  const initiativeKeys = [
    ...new Set([
      ...list.flatMap((c) => (c.initiative ? [c.initiative] : [])),
      ...forms.map((f) => f.initiative),
    ]),
  ];
  const initiativeHolder = new Map(
    (initiativeKeys.length
      ? await tx
          .select({ id: initiatives.id, associationId: initiatives.associationId })
          .from(initiatives)
          .where(inArray(initiatives.id, initiativeKeys))
      : []
    ).map((r) => [r.id, r.associationId]),
  );
  const stored = list.length ? await storedCourses(tx, list) : undefined;
  const plans = stored ? planCourses(problems, associationId, list, stored, initiativeHolder) : [];
  const questions = checkForms(associationId, problems, forms, initiativeHolder);
  problems.throwIfAny();
  if (stored)
    for (const plan of plans) await writeCourse(tx, actor, associationId, plan, stored, result);
  await writeForms(tx, actor, associationId, forms, questions, result);
  return result;
}

/** Whether the courses part of an import changed anything. */
export const coursesChanged = (r: CourseResult) =>
  [r.courses, r.courseMedia, r.courseVersions, r.evaluationForms].some(
    (c) => c.created + c.updated > 0,
  );
