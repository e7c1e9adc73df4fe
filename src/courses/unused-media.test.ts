// A course's files that nothing uses any more are removed in the same transaction as the change
// that dropped them (replacing a page's picture, recording, video or captions, deleting a page
// or a chapter) — but never a file the draft still uses elsewhere (another page, another
// language's recording or captions) or a published version uses (participants may read it).
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { auditEvents } from "../audit/schema.ts";
import { ValidationError } from "../platform/errors.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { deleteChapter } from "./authoring.ts";
import { makeCourseDraft } from "./course-fixture.ts";
import { storeMedia } from "./media.ts";
import { addPage, deletePage, type PageInput, updatePage } from "./pages.ts";
import { publishCourse } from "./publish.ts";
import { courseChapters, courseMedia, coursePages, courses } from "./schema.ts";
import { sampleFile } from "./test-course.ts";
import type { MediaKind } from "./texts.ts";
import { removeUnusedMedia, usedMediaIds } from "./unused-media.ts";

const actor = { userId: null, label: "test" };
let t: TestDatabase;
let f: RegisterFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "oanvanda");
});
afterAll(() => t?.drop());

/** A publishable course of the Tierp initiative: chapter 1 (text, quiz), chapter 2 (text). */
async function newCourse() {
  return makeCourseDraft(t.db, {
    associationId: f.associationId,
    initiativeId: f.tierp.initiative,
    actor,
    principal: f.officers.tierp,
  });
}

const FILES: Record<MediaKind, () => Uint8Array> = {
  bild: () => sampleFile.png(),
  ljud: () => sampleFile.mp3(),
  video: () => sampleFile.mp4(),
  textning: () => sampleFile.vtt(),
};

const store = (courseId: string, kind: MediaKind, q: Parameters<typeof storeMedia>[0] = t.db) =>
  storeMedia(q, actor, f.officers.tierp, f.associationId, courseId, kind, {
    fileName: `${kind}.bin`,
    data: FILES[kind](),
  });

const pageVersion = async (pageId: string) =>
  (await t.db.select().from(coursePages).where(eq(coursePages.id, pageId)))[0]?.version ?? 0;

const save = async (courseId: string, pageId: string, input: PageInput) =>
  updatePage(
    t.db,
    actor,
    f.officers.tierp,
    f.associationId,
    courseId,
    pageId,
    input,
    await pageVersion(pageId),
  );

const add = (courseId: string, chapterId: string, kind: string) =>
  addPage(t.db, actor, f.officers.tierp, f.associationId, courseId, chapterId, kind);

/** A complete picture page with a newly stored picture. */
async function picturePage(courseId: string, chapterId: string) {
  const pageId = await add(courseId, chapterId, "bild");
  const pictureId = await store(courseId, "bild");
  await save(courseId, pageId, {
    mediaId: pictureId,
    texts: { sv: { title: "Kartan", alt: "En karta över Tierp" } },
  });
  return { pageId, pictureId };
}

async function publish(courseId: string) {
  const [course] = await t.db.select().from(courses).where(eq(courses.id, courseId));
  await publishCourse(t.db, actor, f.officers.tierp, f.associationId, courseId, {
    expectedVersion: course?.version ?? 0,
  });
}

/** Which of these files are still stored. */
async function stored(...ids: string[]): Promise<string[]> {
  const rows = await t.db
    .select({ id: courseMedia.id })
    .from(courseMedia)
    .where(inArray(courseMedia.id, ids));
  return ids.filter((id) => rows.some((r) => r.id === id));
}

describe("a replaced or deleted file", () => {
  it("goes when its picture is replaced, with an audit event, in the same change", async () => {
    const c = await newCourse();
    const { pageId, pictureId: old } = await picturePage(c.courseId, c.chapterIds[0]);
    const replacement = await store(c.courseId, "bild");
    await save(c.courseId, pageId, { mediaId: replacement, texts: {} });
    expect(await stored(old, replacement)).toEqual([replacement]);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "course_media.removed"), eq(auditEvents.targetId, old)));
    expect(event?.details).toMatchObject({
      courseId: c.courseId,
      kind: "bild",
      fileName: "bild.bin",
      reason: "unused",
    });
  });

  it("stays when the save is refused: nothing of the change is written", async () => {
    const c = await newCourse();
    const { pageId, pictureId: old } = await picturePage(c.courseId, c.chapterIds[0]);
    const replacement = await store(c.courseId, "bild");
    await expect(
      save(c.courseId, pageId, { mediaId: replacement, texts: { sv: { title: "Kartan" } } }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await stored(old, replacement)).toEqual([old, replacement]);
  });

  it("is kept when stored in the same transaction as the save that uses it (the editor's order)", async () => {
    const c = await newCourse();
    const { pageId, pictureId: old } = await picturePage(c.courseId, c.chapterIds[0]);
    const version = await pageVersion(pageId);
    const replacement = await t.db.transaction(async (tx) => {
      const id = await store(c.courseId, "bild", tx);
      await updatePage(
        tx,
        actor,
        f.officers.tierp,
        f.associationId,
        c.courseId,
        pageId,
        { mediaId: id, texts: {} },
        version,
      );
      return id;
    });
    expect(await stored(old, replacement)).toEqual([replacement]);
  });

  it("goes with its page, unless another page uses the same file", async () => {
    const c = await newCourse();
    const first = await picturePage(c.courseId, c.chapterIds[0]);
    const second = await add(c.courseId, c.chapterIds[1], "bild");
    await save(c.courseId, second, {
      mediaId: first.pictureId,
      texts: { sv: { title: "Samma karta", alt: "En karta över Tierp" } },
    });
    await deletePage(
      t.db,
      actor,
      f.officers.tierp,
      f.associationId,
      c.courseId,
      first.pageId,
      await pageVersion(first.pageId),
    );
    expect(await stored(first.pictureId)).toEqual([first.pictureId]);
    await deletePage(
      t.db,
      actor,
      f.officers.tierp,
      f.associationId,
      c.courseId,
      second,
      await pageVersion(second),
    );
    expect(await stored(first.pictureId)).toEqual([]);
  });
});

describe("a file a published version uses", () => {
  it("stays when the draft replaces it, and when its page is deleted", async () => {
    const c = await newCourse();
    const { pageId, pictureId: published } = await picturePage(c.courseId, c.chapterIds[0]);
    await publish(c.courseId);
    const draftOnly = await store(c.courseId, "bild");
    await save(c.courseId, pageId, { mediaId: draftOnly, texts: {} });
    expect(await stored(published, draftOnly)).toEqual([published, draftOnly]);

    await deletePage(
      t.db,
      actor,
      f.officers.tierp,
      f.associationId,
      c.courseId,
      pageId,
      await pageVersion(pageId),
    );
    // the draft's own picture goes; version 1's stays for the participants reading it
    expect(await stored(published, draftOnly)).toEqual([published]);
    expect((await usedMediaIds(t.db, c.courseId)).has(published)).toBe(true);

    // publishing again without the page does not change version 1: the file still stays
    await publish(c.courseId);
    const replaced = await picturePage(c.courseId, c.chapterIds[1]);
    await deletePage(
      t.db,
      actor,
      f.officers.tierp,
      f.associationId,
      c.courseId,
      replaced.pageId,
      await pageVersion(replaced.pageId),
    );
    expect(await stored(published, replaced.pictureId)).toEqual([published]);
  });

  it("stays when its chapter is deleted; the chapter's other files go, those of other chapters stay", async () => {
    const c = await newCourse();
    const [one, two] = c.chapterIds;
    const publishedPage = await picturePage(c.courseId, two);
    await publish(c.courseId);
    const draftPage = await picturePage(c.courseId, two);
    const otherChapter = await picturePage(c.courseId, one);
    // chapter 2 also shows chapter 1's picture
    const shared = await add(c.courseId, two, "bild");
    await save(c.courseId, shared, {
      mediaId: otherChapter.pictureId,
      texts: { sv: { title: "Kartan igen", alt: "En karta över Tierp" } },
    });
    const [chapter] = await t.db.select().from(courseChapters).where(eq(courseChapters.id, two));
    await deleteChapter(
      t.db,
      actor,
      f.officers.tierp,
      f.associationId,
      c.courseId,
      two,
      chapter?.version ?? 0,
    );
    expect(
      await stored(publishedPage.pictureId, draftPage.pictureId, otherChapter.pictureId),
    ).toEqual([publishedPage.pictureId, otherChapter.pictureId]);
  });
});

describe("files in a page's texts", () => {
  it("keep each language's recording and captions while the page uses them", async () => {
    const c = await newCourse();
    const chapter = c.chapterIds[0];
    const audioPage = await add(c.courseId, chapter, "ljud");
    const sv = await store(c.courseId, "ljud");
    const ar = await store(c.courseId, "ljud");
    await save(c.courseId, audioPage, {
      texts: { sv: { title: "Lyssna", body: "Hej", audioId: sv }, ar: { audioId: ar } },
    });
    const svAgain = await store(c.courseId, "ljud");
    await save(c.courseId, audioPage, {
      texts: { sv: { title: "Lyssna", body: "Hej", audioId: svAgain } },
    });
    expect(await stored(sv, ar, svAgain)).toEqual([ar, svAgain]);

    const videoPage = await add(c.courseId, chapter, "video");
    const film = await store(c.courseId, "video");
    const captionsSv = await store(c.courseId, "textning");
    const captionsEn = await store(c.courseId, "textning");
    await save(c.courseId, videoPage, {
      mediaId: film,
      texts: {
        sv: { title: "Film", captionsId: captionsSv },
        en: { title: "Film", captionsId: captionsEn },
      },
    });
    const newFilm = await store(c.courseId, "video");
    await save(c.courseId, videoPage, { mediaId: newFilm, texts: {} });
    expect(await stored(film, newFilm, captionsSv, captionsEn)).toEqual([
      newFilm,
      captionsSv,
      captionsEn,
    ]);
    const newCaptionsEn = await store(c.courseId, "textning");
    await save(c.courseId, videoPage, {
      texts: { en: { title: "Film", captionsId: newCaptionsEn } },
    });
    expect(await stored(captionsSv, captionsEn, newCaptionsEn)).toEqual([
      captionsSv,
      newCaptionsEn,
    ]);

    await deletePage(
      t.db,
      actor,
      f.officers.tierp,
      f.associationId,
      c.courseId,
      audioPage,
      await pageVersion(audioPage),
    );
    expect(await stored(ar, svAgain, newFilm)).toEqual([newFilm]);
  });

  it("keep a file a published version has in a language's texts", async () => {
    const c = await newCourse();
    const audioPage = await add(c.courseId, c.chapterIds[0], "ljud");
    const sv = await store(c.courseId, "ljud");
    await save(c.courseId, audioPage, {
      texts: { sv: { title: "Lyssna", body: "Hej", audioId: sv } },
    });
    await publish(c.courseId);
    const svAgain = await store(c.courseId, "ljud");
    await save(c.courseId, audioPage, {
      texts: { sv: { title: "Lyssna", body: "Hej", audioId: svAgain } },
    });
    expect(await stored(sv, svAgain)).toEqual([sv, svAgain]);
  });
});

describe("removing unused files directly", () => {
  it("removes only the course's unused files, not another course's", async () => {
    const a = await newCourse();
    const b = await newCourse();
    const kept = await picturePage(a.courseId, a.chapterIds[0]);
    const loose = await store(a.courseId, "bild");
    const elsewhere = await store(b.courseId, "bild");
    const removed = await t.db.transaction((tx) =>
      removeUnusedMedia(tx, actor, f.associationId, a.courseId),
    );
    expect(removed).toEqual([loose]);
    expect(await stored(kept.pictureId, loose, elsewhere)).toEqual([kept.pictureId, elsewhere]);
  });
});
