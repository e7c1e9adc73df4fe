// The demo's courses (issue 10; ADR 0015), run by the learning centre "Uppsala, Lärcentrum
// digitalt" and written by its civic communicator:
//
// - "Samhällsorientering – en början" (demo-course-content.ts), published as version 1: four
//   chapters, a picture of the Swedish flag drawn here (a PNG, no files in the repository), the
//   translators' confirmations for every language whose texts are complete (English in every
//   chapter, Arabic in chapters 1–3) and the snapshot exactly as publishing makes it (snapshotOf
//   with the languages that are "klar"). Chapter 4 is therefore shown in Swedish to Arabic readers.
// - "Studieteknik – att plugga hemma": a draft in Swedish only, never published.
// - PROGRESS in the register zone for the portal participants of Lärcentrum digitalt: about nine
//   in ten have started, over the last five months, some finished some chapters, with their quiz
//   answers — enough that the course figures are not all suppressed. The demo participant account
//   (deltagare@demo.samspar.se) has started chapter 1 and stopped on page 2, so the portal offers
//   "Fortsätt där du var".
//
// STABLE where it can be: who starts and how far they get is drawn from seeded streams (Dice) by
// the enrollment's deltagar_id, relative to the day the demo is seeded.
import { createHash } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import {
  courseChapters,
  courseChapterTranslations,
  courseMedia,
  coursePages,
  courseProgress,
  courses,
  courseVersions,
  quizAnswers,
} from "../courses/schema.ts";
import {
  type DraftPage,
  snapshotOf,
  swedishHash,
  TRANSLATED_LOCALES,
  translationStatus,
} from "../courses/texts.ts";
import { initiatives } from "../initiatives/schema.ts";
import { users } from "../people/schema.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import { PORTAL_LOCALES, type PortalLocale } from "../portal/locales.ts";
import { portalAccounts } from "../portal/schema.ts";
import { enrollments } from "../register/schema.ts";
import { inRegister } from "../register/zone.ts";
import {
  DEMO_PICTURES,
  type DemoCourse,
  type DemoPicture,
  SAMHALLSORIENTERING,
  STUDIETEKNIK,
} from "./demo-course-content.ts";
import { Dice } from "./demo-participants.ts";
import { DEMO_PARTICIPANT_EMAIL } from "./demo-portal.ts";
import { addDays, hashOf, swedishTime } from "./demo-time.ts";

/** The initiative that runs the demo's courses. */
export const DEMO_COURSE_INITIATIVE = "Uppsala, Lärcentrum digitalt";

export interface DemoCoursesContext {
  associationId: string;
  /** The civic communicator who wrote, translated and published the courses. */
  authorName: string;
  /** The moment the demo is seeded: progress runs over the five months before its day. */
  now?: Date;
}

export interface DemoCoursesSummary {
  publishedCourseId: string;
  draftCourseId: string;
  /** The languages confirmed per chapter of the published course, in order. */
  confirmed: PortalLocale[][];
  progress: number;
  quizAnswers: number;
}

// ── The picture: the Swedish flag as a PNG ──────────────────────────────────────────────────

const BLUE = [0x00, 0x6a, 0xa7] as const;
const YELLOW = [0xfe, 0xcc, 0x02] as const;

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
  return out;
}

/**
 * The Swedish flag (blue #006AA7, a yellow #FECC02 Nordic cross; 5:2:9 across, 4:2:4 down) as
 * an 8-bit RGB PNG of the given size.
 */
export function swedishFlagPng(width: number, height: number): Uint8Array {
  const crossX = [Math.round((width * 5) / 16), Math.round((width * 7) / 16)] as const;
  const crossY = [Math.round((height * 4) / 10), Math.round((height * 6) / 10)] as const;
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0; // filter: none
    const inBand = y >= crossY[0] && y < crossY[1];
    for (let x = 0; x < width; x++) {
      const colour = inBand || (x >= crossX[0] && x < crossX[1]) ? YELLOW : BLUE;
      raw.set(colour, y * row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // interlace: none
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(raw, { level: 9 })),
      chunk("IEND", new Uint8Array(0)),
    ]),
  );
}

const drawPicture = (picture: DemoPicture): Uint8Array => {
  const { width, height } = DEMO_PICTURES[picture];
  switch (picture) {
    case "flagga":
      return swedishFlagPng(width, height);
  }
};

// ── The course material (association zone) ─────────────────────────────────────────────────

interface Written {
  courseId: string;
  /** Chapters in order, with their page ids in order. */
  chapters: { id: string; pageIds: string[] }[];
}

/** Inserts a course's draft rows (course, pictures, chapters, pages) as the author wrote them. */
async function writeDraft(
  tx: Tx,
  ctx: DemoCoursesContext & { initiativeId: string; position: number; at: Date },
  content: DemoCourse,
): Promise<Written> {
  const [course] = await tx
    .insert(courses)
    .values({
      associationId: ctx.associationId,
      initiativeId: ctx.initiativeId,
      texts: content.texts,
      position: ctx.position,
      updatedByName: ctx.authorName,
      createdAt: ctx.at,
      updatedAt: ctx.at,
    })
    .returning({ id: courses.id });
  if (!course) throw new Error("demo course not inserted");
  const pictures = new Map<DemoPicture, string>();
  for (const picture of new Set(content.chapters.flatMap((c) => c.pages.map((p) => p.picture)))) {
    if (!picture) continue;
    const data = drawPicture(picture);
    const [media] = await tx
      .insert(courseMedia)
      .values({
        associationId: ctx.associationId,
        courseId: course.id,
        kind: "bild",
        mediaType: "image/png",
        fileName: DEMO_PICTURES[picture].fileName,
        sizeBytes: data.length,
        sha256: createHash("sha256").update(data).digest("hex"),
        // drawn at this size, so the page gives its <img> width and height as an upload would
        width: DEMO_PICTURES[picture].width,
        height: DEMO_PICTURES[picture].height,
        data,
        uploadedByName: ctx.authorName,
        uploadedAt: ctx.at,
      })
      .returning({ id: courseMedia.id });
    if (media) pictures.set(picture, media.id);
  }
  const written: Written = { courseId: course.id, chapters: [] };
  for (const [position, chapter] of content.chapters.entries()) {
    const [row] = await tx
      .insert(courseChapters)
      .values({
        courseId: course.id,
        position,
        texts: chapter.texts,
        updatedByName: ctx.authorName,
        createdAt: ctx.at,
        updatedAt: ctx.at,
      })
      .returning({ id: courseChapters.id });
    if (!row) throw new Error("demo chapter not inserted");
    const pages = await tx
      .insert(coursePages)
      .values(
        chapter.pages.map((page, pagePosition) => ({
          chapterId: row.id,
          position: pagePosition,
          kind: page.kind,
          mediaId: page.picture ? (pictures.get(page.picture) ?? null) : null,
          correctOption: page.kind === "fraga" ? (page.correctOption ?? 0) : null,
          texts: page.texts,
          updatedByName: ctx.authorName,
          createdAt: ctx.at,
          updatedAt: ctx.at,
        })),
      )
      .returning({ id: coursePages.id, position: coursePages.position });
    written.chapters.push({
      id: row.id,
      pageIds: pages.sort((a, b) => a.position - b.position).map((p) => p.id),
    });
  }
  return written;
}

/**
 * Confirms every translation whose texts are complete and publishes version 1, as the
 * translators and publish.ts would: the statuses are read from the stored rows (the hash is of
 * the texts as the database gives them back), the snapshot holds each chapter in Swedish and in
 * the languages that are "klar".
 */
async function confirmAndPublish(
  tx: Tx,
  ctx: DemoCoursesContext,
  courseId: string,
  confirmedAt: Date,
  publishedAt: Date,
): Promise<PortalLocale[][]> {
  const [course] = await tx.select().from(courses).where(eq(courses.id, courseId));
  if (!course) throw new Error("demo course missing");
  const chapters = await tx
    .select()
    .from(courseChapters)
    .where(eq(courseChapters.courseId, courseId))
    .orderBy(asc(courseChapters.position));
  const pages = await tx
    .select()
    .from(coursePages)
    .where(
      inArray(
        coursePages.chapterId,
        chapters.map((c) => c.id),
      ),
    )
    .orderBy(asc(coursePages.position));
  const draftPagesOf = (chapterId: string): DraftPage[] =>
    pages
      .filter((p) => p.chapterId === chapterId)
      .map((p) => ({
        id: p.id,
        position: p.position,
        kind: p.kind,
        mediaId: p.mediaId,
        correctOption: p.correctOption,
        texts: p.texts,
      }));
  const published = chapters.map((chapter) => {
    const own = draftPagesOf(chapter.id);
    const sourceHash = swedishHash(course, chapter, own);
    const confirmed = TRANSLATED_LOCALES.filter(
      (locale) => translationStatus(course, chapter, own, locale, undefined).state === "komplett",
    );
    const ready = PORTAL_LOCALES.filter(
      (locale) =>
        translationStatus(
          course,
          chapter,
          own,
          locale,
          (confirmed as readonly PortalLocale[]).includes(locale) ? { sourceHash } : undefined,
        ).state === "klar",
    );
    return { chapter, pages: own, confirmed, ready, sourceHash };
  });
  const confirmations = published.flatMap(({ chapter, confirmed, sourceHash }) =>
    confirmed.map((locale) => ({
      chapterId: chapter.id,
      locale,
      sourceHash,
      confirmedByName: ctx.authorName,
      confirmedAt,
    })),
  );
  if (confirmations.length > 0) await tx.insert(courseChapterTranslations).values(confirmations);
  await tx.insert(courseVersions).values({
    courseId,
    number: 1,
    snapshot: snapshotOf(course, published),
    note: "Första versionen.",
    publishedByName: ctx.authorName,
    publishedAt,
  });
  // as publish.ts: a second press of the same form is then refused
  await tx
    .update(courses)
    .set({ version: course.version + 1 })
    .where(eq(courses.id, courseId));
  return published.map((p) => p.ready);
}

// ── Progress (register zone) ────────────────────────────────────────────────────────────────

/** How many chapters a participant has finished (the rest: reading the next, or stopped). */
const FINISHED: readonly (readonly [number, number])[] = [
  [0, 30],
  [1, 25],
  [2, 18],
  [3, 12],
  [4, 15],
];

const timeOfDay = (dice: Dice) =>
  `${String(dice.int(9, 20)).padStart(2, "0")}:${String(dice.int(0, 11) * 5).padStart(2, "0")}`;

/** Seeds the demo's courses (see the top of this file). Runs inside the seed's transaction. */
export async function seedDemoCourses(
  tx: Tx,
  ctx: DemoCoursesContext,
): Promise<DemoCoursesSummary> {
  const [initiative] = await tx
    .select({ id: initiatives.id, ownerId: initiatives.ownerOrganisationId })
    .from(initiatives)
    .where(
      and(
        eq(initiatives.associationId, ctx.associationId),
        eq(initiatives.name, DEMO_COURSE_INITIATIVE),
      ),
    );
  if (!initiative) throw new Error(`demo initiative ${DEMO_COURSE_INITIATIVE} missing`);
  const now = ctx.now ?? new Date();
  const today = todayInSweden(now);
  const publishedDay = addDays(today, -155);

  // the material: written over a month, confirmed and published five months ago
  const published = await writeDraft(
    tx,
    {
      ...ctx,
      initiativeId: initiative.id,
      position: 0,
      at: swedishTime(addDays(publishedDay, -30), "09:00"),
    },
    SAMHALLSORIENTERING,
  );
  const confirmed = await confirmAndPublish(
    tx,
    ctx,
    published.courseId,
    swedishTime(addDays(publishedDay, -2), "14:00"),
    swedishTime(publishedDay, "10:00"),
  );
  const draft = await writeDraft(
    tx,
    {
      ...ctx,
      initiativeId: initiative.id,
      position: 1,
      at: swedishTime(addDays(today, -6), "13:30"),
    },
    STUDIETEKNIK,
  );

  // the portal participants of the learning centre, read in the register zone
  const scope = { controllers: [initiative.ownerId], initiatives: [initiative.id] };
  const [{ role }] = (await tx.execute(sql`select current_user as role`)).rows as [
    { role: string },
  ];
  const [demoUser] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO_PARTICIPANT_EMAIL));
  const accounts = await inRegister(tx as unknown as Db, scope, (register) =>
    register
      .select({
        userId: portalAccounts.userId,
        participantId: portalAccounts.participantId,
        dataControllerId: portalAccounts.dataControllerId,
        createdAt: portalAccounts.createdAt,
        externalKey: sql<string | null>`min(${enrollments.externalKey})`,
      })
      .from(portalAccounts)
      .leftJoin(
        enrollments,
        and(
          eq(enrollments.participantId, portalAccounts.participantId),
          eq(enrollments.initiativeId, portalAccounts.initiativeId),
        ),
      )
      .where(and(eq(portalAccounts.initiativeId, initiative.id), isNull(portalAccounts.closedAt)))
      .groupBy(
        portalAccounts.userId,
        portalAccounts.participantId,
        portalAccounts.dataControllerId,
        portalAccounts.createdAt,
      ),
  );
  await tx.execute(sql`set local role ${sql.identifier(role)}`);

  const chapters = SAMHALLSORIENTERING.chapters.map((chapter, i) => ({
    ...(published.chapters[i] as Written["chapters"][number]),
    quiz: chapter.pages.flatMap((page, index) =>
      page.kind === "fraga"
        ? [{ index, right: page.correctOption ?? 0, options: page.texts.sv?.options?.length ?? 0 }]
        : [],
    ),
  }));
  const progressRows: (typeof courseProgress.$inferInsert)[] = [];
  const answerRows: (typeof quizAnswers.$inferInsert)[] = [];
  const base = (a: (typeof accounts)[number]) => ({
    associationId: ctx.associationId,
    dataControllerId: a.dataControllerId,
    initiativeId: initiative.id,
    participantId: a.participantId,
    courseId: published.courseId,
  });
  const yesterday = addDays(today, -1);
  const ordered = [...accounts].sort(
    (a, b) =>
      (a.externalKey ?? "").localeCompare(b.externalKey ?? "") ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  );
  for (const a of ordered) {
    if (a.userId === demoUser?.id) {
      // the demo participant: chapter 1 begun three days ago, stopped on page 2
      const first = chapters[0];
      if (!first) continue;
      const at = swedishTime(addDays(today, -3), "18:40");
      progressRows.push({
        ...base(a),
        chapterId: first.id,
        lastPageId: first.pageIds[1] ?? null,
        startedAt: swedishTime(addDays(today, -3), "18:30"),
        completedAt: null,
        updatedAt: at,
      });
      continue;
    }
    const dice = new Dice(hashOf(`kurs:${a.externalKey ?? a.createdAt.toISOString()}`));
    if (!dice.chance(0.88)) continue;
    const joined = todayInSweden(a.createdAt);
    const earliest = joined > publishedDay ? joined : addDays(publishedDay, 1);
    if (earliest > yesterday) continue;
    const span = Math.round(
      (Date.parse(`${yesterday}T12:00:00Z`) - Date.parse(`${earliest}T12:00:00Z`)) / 86_400_000,
    );
    let day = addDays(earliest, dice.int(0, Math.min(span, 150)));
    const finished = dice.pick(FINISHED);
    for (const [i, chapter] of chapters.entries()) {
      if (day > yesterday) break;
      const startedAt = swedishTime(day, timeOfDay(dice));
      const doneDay = addDays(day, dice.int(0, 9));
      const completes = i < finished && doneDay <= yesterday;
      const lastIndex = completes
        ? chapter.pageIds.length - 1
        : dice.int(0, chapter.pageIds.length - 1);
      const endedAt = completes
        ? new Date(
            Math.max(swedishTime(doneDay, timeOfDay(dice)).getTime(), startedAt.getTime() + 6e5),
          )
        : new Date(startedAt.getTime() + dice.int(3, 25) * 60_000);
      progressRows.push({
        ...base(a),
        chapterId: chapter.id,
        lastPageId: chapter.pageIds[lastIndex] ?? null,
        startedAt,
        completedAt: completes ? endedAt : null,
        updatedAt: endedAt,
      });
      for (const quiz of chapter.quiz) {
        if (quiz.index > lastIndex) continue;
        const pageId = chapter.pageIds[quiz.index] as string;
        const wrong = (quiz.right + dice.int(1, Math.max(1, quiz.options - 1))) % quiz.options;
        const firstRight = dice.chance(0.7);
        const retried = !firstRight && dice.chance(0.6);
        answerRows.push({
          ...base(a),
          chapterId: chapter.id,
          pageId,
          chosenOption: firstRight || retried ? quiz.right : wrong,
          correct: firstRight || retried,
          tries: retried ? 2 : 1,
          answeredAt: endedAt,
        });
      }
      if (!completes) break;
      day = addDays(doneDay, dice.int(1, 14));
    }
  }
  await inRegister(tx as unknown as Db, scope, async (register) => {
    for (let i = 0; i < progressRows.length; i += 400)
      await register.insert(courseProgress).values(progressRows.slice(i, i + 400));
    for (let i = 0; i < answerRows.length; i += 400)
      await register.insert(quizAnswers).values(answerRows.slice(i, i + 400));
  });
  await tx.execute(sql`set local role ${sql.identifier(role)}`);

  return {
    publishedCourseId: published.courseId,
    draftCourseId: draft.courseId,
    confirmed: confirmed.map((ready) => ready.filter((l) => l !== "sv")),
    progress: progressRows.length,
    quizAnswers: answerRows.length,
  };
}
