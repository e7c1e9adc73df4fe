// A chapter's pages: adding each kind, saving texts per language with their limits, a picture's
// alt text, a quiz question's options and right answer, files that must be the course's own,
// moving and deleting — each refused whole when wrong, with the page's version and an audit event.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { auditEvents } from "../audit/schema.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { storeMedia } from "./media.ts";
import { addPage, deletePage, movePage, type PageInput, updatePage } from "./pages.ts";
import { coursePages } from "./schema.ts";
import { insertTestCourse, sampleFile } from "./test-course.ts";

const actor = { userId: null, label: "test" };
let t: TestDatabase;
let f: RegisterFixture;
let courseId: string;
let chapterId: string;
let otherChapter: string;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "sidor");
  const course = await insertTestCourse(t.db, f.associationId, f.tierp.initiative, 2);
  courseId = course.courseId;
  [chapterId = "", otherChapter = ""] = course.chapterIds;
});
afterAll(() => t?.drop());

const pageRow = async (id: string) =>
  (await t.db.select().from(coursePages).where(eq(coursePages.id, id)))[0];
const add = (kind: string, chapter = chapterId) =>
  addPage(t.db, actor, f.officers.tierp, f.associationId, courseId, chapter, kind);
const save = (id: string, input: PageInput, version: number) =>
  updatePage(t.db, actor, f.officers.tierp, f.associationId, courseId, id, input, version);
async function refusal(run: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await run;
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  throw new Error("not refused");
}

describe("adding a page", () => {
  it("adds an empty page last in the chapter, Swedish present but blank", async () => {
    const first = await add("text");
    const quiz = await add("fraga");
    expect(await pageRow(first)).toMatchObject({
      kind: "text",
      position: 0,
      texts: { sv: { title: "", body: "" } },
      correctOption: null,
      version: 1,
    });
    expect(await pageRow(quiz)).toMatchObject({ kind: "fraga", position: 1, correctOption: 0 });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "course_page.added"), eq(auditEvents.targetId, quiz)));
    expect(event?.details).toMatchObject({ courseId, chapterId, kind: "fraga" });
  });

  it("refuses an unknown kind, another course's chapter and someone who may not write", async () => {
    expect(await refusal(add("ljudbok"))).toHaveProperty("kind");
    await expect(add("text", f.tierp.initiative)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      addPage(t.db, actor, f.officers.heby, f.associationId, courseId, chapterId, "text"),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("saving a page", () => {
  it("saves Swedish and one language, keeps the languages not sent, drops a blanked one", async () => {
    const id = await add("text");
    await save(
      id,
      {
        texts: {
          sv: { title: "  Att  söka jobb ", body: "Första stycket.\r\n\r\n- Punkt  \r\n" },
          ar: { title: "البحث عن عمل", body: "نص" },
        },
      },
      1,
    );
    await save(id, { texts: { en: { title: "Looking for work", body: "Text" } } }, 2);
    let row = await pageRow(id);
    expect(row?.texts.sv).toEqual({ title: "Att söka jobb", body: "Första stycket.\n\n- Punkt" });
    expect(row?.texts.ar?.title).toBe("البحث عن عمل");
    expect(row?.texts.en?.title).toBe("Looking for work");
    expect(row?.version).toBe(3);
    // a language with everything blank is no longer there; the Swedish stays, even blank
    await save(id, { texts: { en: { title: " ", body: "" }, sv: { title: "", body: "" } } }, 3);
    row = await pageRow(id);
    expect(row?.texts.en).toBeUndefined();
    expect(row?.texts.sv).toEqual({ title: "", body: "" });
    expect(row?.texts.ar).toBeDefined();
  });

  it("refuses too long texts, naming the language and the count, and saves nothing", async () => {
    const id = await add("text");
    const fields = await refusal(
      save(
        id,
        {
          texts: {
            sv: { title: "R".repeat(121), body: "x" },
            en: { title: "T", body: "b".repeat(5001) },
          },
        },
        1,
      ),
    );
    expect(fields["title-sv"]).toBe("Rubriken på svenska får ha högst 120 tecken. Nu har den 121.");
    expect(fields["body-en"]).toContain(
      "Texten på engelska får ha högst 5 000 tecken. Nu har den 5",
    );
    expect((await pageRow(id))?.version).toBe(1);
  });

  it("refuses a stale version with a Swedish conflict message", async () => {
    const id = await add("text");
    await save(id, { texts: { sv: { title: "Ett", body: "" } } }, 1);
    await expect(save(id, { texts: { sv: { title: "Två", body: "" } } }, 1)).rejects.toThrow(
      ConflictError,
    );
    expect((await pageRow(id))?.texts.sv?.title).toBe("Ett");
  });
});

describe("a picture page", () => {
  it("needs the Swedish alt text once it has a picture, and alt text in a titled translation", async () => {
    const id = await add("bild");
    const picture = await storeMedia(t.db, actor, f.admin, f.associationId, courseId, "bild", {
      fileName: "karta.png",
      data: sampleFile.png(),
    });
    const noAlt = await refusal(
      save(id, { mediaId: picture, texts: { sv: { title: "Kartan", body: "", alt: " " } } }, 1),
    );
    expect(noAlt).toEqual({
      "alt-sv": "Skriv en alternativtext: vad bilden visar, för den som inte ser den.",
    });
    expect((await pageRow(id))?.mediaId).toBeNull();

    const titledOnly = await refusal(
      save(
        id,
        {
          mediaId: picture,
          texts: {
            sv: { title: "Kartan", body: "", alt: "En karta över Tierp" },
            so: { title: "Khariidadda", body: "", alt: "" },
          },
        },
        1,
      ),
    );
    expect(titledOnly["alt-so"]).toContain("Skriv en alternativtext på somaliska");

    await save(
      id,
      {
        mediaId: picture,
        texts: { sv: { title: "Kartan", body: "", alt: "En karta över Tierp" } },
      },
      1,
    );
    expect(await pageRow(id)).toMatchObject({
      mediaId: picture,
      texts: { sv: { title: "Kartan", body: "", alt: "En karta över Tierp" } },
    });
  });

  it("refuses a file that is not the course's, or of the wrong kind", async () => {
    const id = await add("bild");
    const captions = await storeMedia(t.db, actor, f.admin, f.associationId, courseId, "textning", {
      fileName: "sv.vtt",
      data: sampleFile.vtt(),
    });
    const other = await insertTestCourse(t.db, f.associationId, f.tierp.initiative);
    const elsewhere = await storeMedia(
      t.db,
      actor,
      f.admin,
      f.associationId,
      other.courseId,
      "bild",
      { fileName: "annan.png", data: sampleFile.png() },
    );
    const texts = { sv: { title: "Bild", body: "", alt: "Något" } };
    expect(await refusal(save(id, { mediaId: captions, texts }, 1))).toHaveProperty("picture");
    expect(await refusal(save(id, { mediaId: elsewhere, texts }, 1))).toHaveProperty("picture");
    expect((await pageRow(id))?.mediaId).toBeNull();
  });
});

describe("a recording page and a video page", () => {
  it("keeps each language's recording and captions, and a language with only a file", async () => {
    const audio = await add("ljud");
    const sv = await storeMedia(t.db, actor, f.admin, f.associationId, courseId, "ljud", {
      fileName: "sv.mp3",
      data: sampleFile.mp3(),
    });
    const ar = await storeMedia(t.db, actor, f.admin, f.associationId, courseId, "ljud", {
      fileName: "ar.mp3",
      data: sampleFile.mp3(),
    });
    await save(
      audio,
      { texts: { sv: { title: "Lyssna", body: "Hej", audioId: sv }, ar: { audioId: ar } } },
      1,
    );
    await save(audio, { texts: { sv: { title: "Lyssna!", body: "Hej" } } }, 2);
    const row = await pageRow(audio);
    expect(row?.texts.sv).toEqual({ title: "Lyssna!", body: "Hej", audioId: sv });
    expect(row?.texts.ar).toEqual({ title: "", body: "", audioId: ar });

    const video = await add("video");
    const film = await storeMedia(t.db, actor, f.admin, f.associationId, courseId, "video", {
      fileName: "film.mp4",
      data: sampleFile.mp4(),
    });
    // a recording is no captions file
    expect(
      await refusal(
        save(video, { mediaId: film, texts: { sv: { title: "Film", captionsId: sv } } }, 1),
      ),
    ).toHaveProperty("captions-sv");
  });
});

describe("a quiz question", () => {
  const options = ["Kommunen", "", "Staten", "Regionen", ""];

  it("keeps the options filled in, in order, and the right one among them", async () => {
    const id = await add("fraga");
    await save(
      id,
      {
        correctOption: 2,
        texts: {
          sv: {
            title: "Fråga 1",
            body: "Vem driver skolan?",
            options,
            explanation: "Kommunen och staten.",
          },
          en: {
            options: ["The municipality", "", "The state", "The region"],
            explanation: "Both.",
          },
        },
      },
      1,
    );
    const row = await pageRow(id);
    expect(row?.correctOption).toBe(1);
    expect(row?.texts.sv?.options).toEqual(["Kommunen", "Staten", "Regionen"]);
    expect(row?.texts.en?.options).toEqual(["The municipality", "The state", "The region"]);
  });

  it("refuses without a right answer, with fewer than two options, or a partial translation", async () => {
    const id = await add("fraga");
    const sv = { title: "F", body: "Vad?", options, explanation: "" };
    expect(await refusal(save(id, { correctOption: null, texts: { sv } }, 1))).toEqual({
      correctOption: "Välj vilket svar som är rätt.",
    });
    // the right answer on a blank line is no answer
    expect(await refusal(save(id, { correctOption: 1, texts: { sv } }, 1))).toHaveProperty(
      "correctOption",
    );
    const one = await refusal(
      save(id, { correctOption: 0, texts: { sv: { ...sv, options: ["Ja", "", ""] } } }, 1),
    );
    expect(Object.values(one)).toContain("Skriv minst två svarsalternativ på svenska.");
    const partial = await refusal(
      save(id, { correctOption: 0, texts: { sv, fa: { options: ["الف", "", "", ""] } } }, 1),
    );
    expect(partial["option-fa-2"]).toContain("Skriv alla 3 svarsalternativ på dari");
    const stray = await refusal(
      save(id, { correctOption: 0, texts: { sv, ti: { options: ["ሀ", "ለ", "ሐ", "መ"] } } }, 1),
    );
    expect(stray["option-ti-1"]).toContain("inget svenskt svarsalternativ på rad 2");
    expect((await pageRow(id))?.version).toBe(1);
  });
});

describe("moving and deleting", () => {
  it("moves a page within its chapter and deletes it with its version", async () => {
    const a = await add("text", otherChapter);
    const b = await add("text", otherChapter);
    const c = await add("text", otherChapter);
    const order = async () =>
      (await t.db.select().from(coursePages).where(eq(coursePages.chapterId, otherChapter)))
        .sort((x, y) => x.position - y.position)
        .map((p) => p.id);
    await movePage(t.db, actor, f.officers.tierp, f.associationId, courseId, c, "up");
    expect(await order()).toEqual([a, c, b]);
    await movePage(t.db, actor, f.officers.tierp, f.associationId, courseId, a, "up");
    expect(await order()).toEqual([a, c, b]);
    await expect(
      deletePage(t.db, actor, f.officers.tierp, f.associationId, courseId, c, 9),
    ).rejects.toBeInstanceOf(ConflictError);
    await deletePage(t.db, actor, f.officers.tierp, f.associationId, courseId, c, 1);
    expect(await order()).toEqual([a, b]);
    const events = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, c));
    expect(events.map((e) => e.action)).toEqual([
      "course_page.added",
      "course_page.moved",
      "course_page.deleted",
    ]);
    await expect(
      deletePage(t.db, actor, f.officers.heby, f.associationId, courseId, a, 1),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
