// Reading courses as a participant: which courses they see, progress and "Fortsätt där jag var",
// quiz answers, the chapter's language (a chapter not published in Arabic is Swedish whole) and
// which course files they may fetch.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import type { PortalAccount } from "../portal/accounts.ts";
import { portalAccountFixture } from "../portal/portal-account.fixture.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { inRegister } from "../register/zone.ts";
import { mediaBytes } from "./media.ts";
import { makePublishedCourse, type PublishedCourse } from "./published-course-fixture.ts";
import {
  answerQuiz,
  completeChapter,
  continueTarget,
  courseForParticipant,
  coursesForParticipant,
  mediaForParticipant,
  pageForParticipant,
  recordVisit,
} from "./reading.ts";
import { courseProgress, courses, quizAnswers } from "./schema.ts";

let t: TestDatabase;
let f: RegisterFixture;
let account: PortalAccount;
let main: PublishedCourse;
let other: PublishedCourse;
let withdrawn: PublishedCourse;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "lasa");
  ({ account } = await portalAccountFixture(t.db, f, f.tierp.initiative, "ar"));
  main = await makePublishedCourse(t.db, {
    associationId: f.associationId,
    initiativeId: null,
    texts: {
      sv: { title: "Samhällsorientering", summary: "Om Sverige." },
      ar: { title: "التوجيه المجتمعي", summary: "عن السويد." },
    },
    locales: ["ar"],
    files: { karta: { kind: "bild", mediaType: "image/png", data: PNG } },
    chapters: [
      {
        texts: { sv: { title: "Att bo", intro: "" }, ar: { title: "السكن", intro: "" } },
        pages: [
          {
            kind: "text",
            texts: {
              sv: { title: "Hyra", body: "Du betalar hyra." },
              ar: { title: "الإيجار", body: "تدفع الإيجار." },
            },
          },
          {
            kind: "fraga",
            correctOption: 1,
            texts: {
              sv: {
                title: "Fråga",
                body: "När betalar du hyran?",
                options: ["Efter", "Före månaden"],
                explanation: "Hyran betalas i förskott.",
              },
              ar: {
                title: "سؤال",
                body: "متى تدفع الإيجار؟",
                options: ["بعد", "قبل الشهر"],
                explanation: "يدفع الإيجار مقدماً.",
              },
            },
          },
        ],
      },
      {
        // only Swedish is published for this chapter, though an Arabic text exists
        locales: ["sv"],
        texts: { sv: { title: "Att arbeta", intro: "" }, ar: { title: "العمل", intro: "" } },
        pages: [
          {
            kind: "bild",
            file: "karta",
            texts: {
              sv: { title: "Kartan", body: "", alt: "En karta över Tierp" },
              ar: { title: "الخريطة", body: "", alt: "خريطة" },
            },
          },
        ],
      },
    ],
  });
  other = await makePublishedCourse(t.db, {
    associationId: f.associationId,
    initiativeId: f.heby.initiative,
    texts: { sv: { title: "Hebys egen kurs", summary: "" } },
    files: { foto: { kind: "bild", mediaType: "image/png", data: PNG } },
    chapters: [
      {
        texts: { sv: { title: "Ett", intro: "" } },
        pages: [{ kind: "bild", file: "foto", texts: { sv: { title: "A", body: "", alt: "B" } } }],
      },
    ],
  });
  withdrawn = await makePublishedCourse(t.db, {
    associationId: f.associationId,
    initiativeId: f.tierp.initiative,
    texts: { sv: { title: "Tillbakadragen kurs", summary: "" } },
    files: { foto: { kind: "bild", mediaType: "image/png", data: PNG } },
    chapters: [
      {
        texts: { sv: { title: "Ett", intro: "" } },
        pages: [{ kind: "bild", file: "foto", texts: { sv: { title: "A", body: "", alt: "B" } } }],
      },
    ],
  });
  await t.db
    .update(courses)
    .set({ withdrawnAt: new Date() })
    .where(eq(courses.id, withdrawn.courseId));
}, 120_000);
afterAll(() => t?.drop());

const chapter = (i: number) => main.chapterIds[i] as string;
const page = (c: number, p: number) => main.pageIds[c]?.[p] as string;

describe("the courses a participant may read", () => {
  it("lists the association's course, not another initiative's nor a withdrawn one", async () => {
    const list = await coursesForParticipant(t.db, account);
    expect(list.map((c) => c.id)).toEqual([main.courseId]);
    expect(list[0]).toMatchObject({ done: 0, total: 2, started: false, lastPlace: null });
    await expect(courseForParticipant(t.db, account, other.courseId)).rejects.toThrow(
      NotFoundError,
    );
    await expect(courseForParticipant(t.db, account, withdrawn.courseId)).rejects.toThrow(
      NotFoundError,
    );
    await expect(courseForParticipant(t.db, account, "inte-ett-id")).rejects.toThrow(NotFoundError);
  });

  it("serves a chapter not published in Arabic in Swedish, whole", async () => {
    const first = await pageForParticipant(t.db, account, main.courseId, chapter(0), 1, "ar");
    expect(first.language).toMatchObject({ locale: "ar", fallback: false });
    expect(first.text.title).toBe("الإيجار");
    const second = await pageForParticipant(t.db, account, main.courseId, chapter(1), 1, "ar");
    expect(second.language).toMatchObject({ locale: "sv", fallback: true });
    expect(second.language.text.title).toBe("Att arbeta");
    expect(second.text).toMatchObject({ title: "Kartan", alt: "En karta över Tierp" });
    expect(second.chapter.texts.ar).toBeUndefined();
    await expect(
      pageForParticipant(t.db, account, main.courseId, chapter(0), 3, "ar"),
    ).rejects.toThrow(NotFoundError);
  });
});

describe("progress", () => {
  it("records visits, completes a chapter only after its last page, and continues", async () => {
    expect(await continueTarget(t.db, account)).toBeNull();
    // not started: nothing to complete
    expect((await completeChapter(t.db, account, main.courseId, chapter(0))).completed).toBe(false);
    await recordVisit(t.db, account, main.courseId, chapter(0), page(0, 0));
    expect((await completeChapter(t.db, account, main.courseId, chapter(0))).completed).toBe(false);
    const started = await courseForParticipant(t.db, account, main.courseId);
    expect(started).toMatchObject({ done: 0, started: true });
    expect(started.chapters[0]?.state).toBe("paborjad");
    expect(await continueTarget(t.db, account)).toMatchObject({
      courseId: main.courseId,
      chapterId: chapter(0),
      pageNumber: 1,
    });
    await recordVisit(t.db, account, main.courseId, chapter(0), page(0, 1));
    expect(await continueTarget(t.db, account)).toMatchObject({ pageNumber: 2 });
    const done = await completeChapter(t.db, account, main.courseId, chapter(0));
    expect(done).toMatchObject({ completed: true, nextChapterId: chapter(1) });
    const firstCompleted = await completedAt(chapter(0));
    expect(firstCompleted).toBeInstanceOf(Date);
    // a second pass keeps the first date
    await recordVisit(t.db, account, main.courseId, chapter(0), page(0, 0));
    await completeChapter(t.db, account, main.courseId, chapter(0));
    expect((await completedAt(chapter(0)))?.getTime()).toBe(firstCompleted?.getTime());
    const list = await coursesForParticipant(t.db, account);
    expect(list[0]).toMatchObject({ done: 1, total: 2 });
    expect(list[0]?.chapters.map((c) => c.state)).toEqual(["klar", "ej"]);
    // a completed chapter is not where to continue
    expect(await continueTarget(t.db, account)).toBeNull();
    await recordVisit(t.db, account, main.courseId, chapter(1), page(1, 0));
    expect(await continueTarget(t.db, account)).toMatchObject({ chapterId: chapter(1) });
  });

  it("refuses a page of another chapter", async () => {
    await expect(recordVisit(t.db, account, main.courseId, chapter(0), page(1, 0))).rejects.toThrow(
      NotFoundError,
    );
  });
});

async function completedAt(chapterId: string) {
  const [row] = await inRegister(
    t.db,
    { controllers: [account.dataControllerId], initiatives: account.initiativeIds },
    (tx) =>
      tx
        .select()
        .from(courseProgress)
        .where(
          and(
            eq(courseProgress.participantId, account.participantId),
            eq(courseProgress.chapterId, chapterId),
          ),
        ),
  );
  return row?.completedAt ?? null;
}

describe("quiz", () => {
  it("says right or wrong with the explanation in the chapter's language, and counts tries", async () => {
    const wrong = await answerQuiz(t.db, account, main.courseId, chapter(0), page(0, 1), 0, "ar");
    expect(wrong).toEqual({
      correct: false,
      rightOption: 1,
      explanation: "يدفع الإيجار مقدماً.",
      chosen: 0,
    });
    const right = await answerQuiz(t.db, account, main.courseId, chapter(0), page(0, 1), 1, "sv");
    expect(right).toMatchObject({ correct: true, explanation: "Hyran betalas i förskott." });
    const shown = await pageForParticipant(t.db, account, main.courseId, chapter(0), 2, "ar");
    expect(shown.answer).toEqual({ chosen: 1, correct: true, tries: 2 });
    await expect(
      answerQuiz(t.db, account, main.courseId, chapter(0), page(0, 1), 5, "sv"),
    ).rejects.toThrow(ValidationError);
    await expect(
      answerQuiz(t.db, account, main.courseId, chapter(0), page(0, 0), 0, "sv"),
    ).rejects.toThrow(NotFoundError);
    const rows = await inRegister(
      t.db,
      { controllers: [account.dataControllerId], initiatives: account.initiativeIds },
      (tx) =>
        tx
          .select()
          .from(quizAnswers)
          .where(eq(quizAnswers.pageId, page(0, 1))),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ initiativeId: f.tierp.initiative, tries: 2, correct: true });
  });
});

describe("course files", () => {
  it("gives a file of a readable course, and refuses another initiative's and a withdrawn course's", async () => {
    const media = await mediaForParticipant(t.db, account, main.mediaIds.karta as string);
    expect(media.mediaType).toBe("image/png");
    expect([...(await mediaBytes(t.db, media.id)(0, media.sizeBytes))]).toEqual([...PNG]);
    await expect(mediaForParticipant(t.db, account, other.mediaIds.foto as string)).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      mediaForParticipant(t.db, account, withdrawn.mediaIds.foto as string),
    ).rejects.toThrow(NotFoundError);
    await expect(mediaForParticipant(t.db, account, "nej")).rejects.toThrow(NotFoundError);
  });
});
