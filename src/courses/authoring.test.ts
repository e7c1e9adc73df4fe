// Writing a course on a real database: who may write where, the texts' rules (Swedish always,
// a text without a title refused naming the language), stale versions refused with nothing
// saved, chapters in order, and a translator's confirmation that holds only while the Swedish
// it was checked against is unchanged.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { auditEvents } from "../audit/schema.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import {
  chapterSwedishHash,
  confirmTranslation,
  createChapter,
  createCourse,
  deleteChapter,
  listCoursesForStaff,
  moveChapter,
  removeConfirmation,
  updateChapter,
  updateCourse,
} from "./authoring.ts";
import { makeCourseDraft } from "./course-fixture.ts";
import { loadCourseDraft } from "./draft.ts";
import { courseChapters, coursePages, courses } from "./schema.ts";

const actor = { userId: null, label: "test" };
let t: TestDatabase;
let f: RegisterFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "kursskrivning");
});
afterAll(() => t?.drop());

const refusal = async (run: () => Promise<unknown>) => {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
};

const events = async (action: string, targetId: string) =>
  (
    await t.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)))
  )[0]?.n;

describe("a course", () => {
  it("is created with Swedish texts and audited; blank languages are not stored", async () => {
    const id = await createCourse(t.db, actor, f.admin, f.associationId, {
      initiativeId: null,
      texts: {
        sv: { title: "  Svenska   för   nya ", summary: "Rad ett\r\n\r\nRad två  " },
        en: { title: " ", summary: "" },
      },
      position: "2",
    });
    const [row] = await t.db.select().from(courses).where(eq(courses.id, id));
    expect(row?.texts).toEqual({ sv: { title: "Svenska för nya", summary: "Rad ett\n\nRad två" } });
    expect(row?.position).toBe(2);
    expect(row?.version).toBe(1);
    expect(await events("course.created", id)).toBe(1);
  });

  it("needs a Swedish title and names the language of a text without a title", async () => {
    const fields = await refusal(() =>
      createCourse(t.db, actor, f.admin, f.associationId, {
        initiativeId: null,
        texts: { sv: { title: "", summary: "x" }, so: { title: "", summary: "Qoraal" } },
        position: "abc",
      }),
    );
    expect(fields["title-sv"]).toMatch(/^Skriv kursens namn på svenska/);
    expect(fields["title-so"]).toBe(
      "Skriv kursens namn på somaliska, eller ta bort sammanfattningen på somaliska om det inte ska finnas på somaliska än.",
    );
    expect(fields.position).toMatch(/heltal/);
    const long = await refusal(() =>
      createCourse(t.db, actor, f.admin, f.associationId, {
        initiativeId: null,
        texts: { sv: { title: "x".repeat(121), summary: "" } },
      }),
    );
    expect(long["title-sv"]).toBe(
      "Kursens namn på svenska får ha högst 120 tecken. Du har skrivit 121.",
    );
  });

  it("is written for an initiative only by someone working on it", async () => {
    const officer = f.officers.tierp;
    const own = await createCourse(t.db, actor, officer, f.associationId, {
      initiativeId: f.tierp.initiative,
      texts: { sv: { title: "Tierps kurs", summary: "" } },
    });
    expect(own).toMatch(/^[0-9a-f-]{36}$/);
    const whole = await refusal(() =>
      createCourse(t.db, actor, officer, f.associationId, {
        initiativeId: null,
        texts: { sv: { title: "Allas kurs", summary: "" } },
      }),
    );
    expect(whole.initiativeId).toMatch(/^Bara förbundets kansli/);
    const foreign = await refusal(() =>
      createCourse(t.db, actor, officer, f.associationId, {
        initiativeId: f.heby.initiative,
        texts: { sv: { title: "Hebys kurs", summary: "" } },
      }),
    );
    expect(foreign.initiativeId).toMatch(/^Du kan bara skriva kurser för insatser/);
    await expect(
      loadCourseDraft(t.db, f.officers.heby, f.associationId, own),
    ).rejects.toBeInstanceOf(NotFoundError);
    const listed = await listCoursesForStaff(t.db, f.officers.heby, f.associationId);
    expect(listed.map((c) => c.id)).not.toContain(own);
    expect((await listCoursesForStaff(t.db, officer, f.associationId)).map((c) => c.id)).toEqual([
      own,
    ]);
    expect(await listCoursesForStaff(t.db, f.auditor, f.associationId)).toEqual([]);
  });

  it("keeps languages the form does not send, and refuses a stale version", async () => {
    const id = await createCourse(t.db, actor, f.admin, f.associationId, {
      initiativeId: null,
      texts: {
        sv: { title: "Kurs", summary: "" },
        ar: { title: "دورة", summary: "" },
      },
    });
    await updateCourse(
      t.db,
      actor,
      f.admin,
      f.associationId,
      id,
      { initiativeId: null, texts: { sv: { title: "Kursen", summary: "Kort." } } },
      1,
    );
    const [row] = await t.db.select().from(courses).where(eq(courses.id, id));
    expect(row?.texts).toEqual({
      sv: { title: "Kursen", summary: "Kort." },
      ar: { title: "دورة", summary: "" },
    });
    expect(row?.version).toBe(2);
    await expect(
      updateCourse(
        t.db,
        actor,
        f.admin,
        f.associationId,
        id,
        { initiativeId: null, texts: { sv: { title: "Gammal", summary: "" } } },
        1,
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    // removing a language: all its fields blank
    await updateCourse(
      t.db,
      actor,
      f.admin,
      f.associationId,
      id,
      { initiativeId: null, texts: { ar: { title: "", summary: "" } } },
      2,
    );
    const [after] = await t.db.select().from(courses).where(eq(courses.id, id));
    expect(after?.texts).toEqual({ sv: { title: "Kursen", summary: "Kort." } });
    expect(await events("course.updated", id)).toBe(2);
  });
});

describe("chapters", () => {
  it("are added at the end, moved, edited with versions and deleted", async () => {
    const courseId = await createCourse(t.db, actor, f.admin, f.associationId, {
      initiativeId: null,
      texts: { sv: { title: "Ordning", summary: "" } },
    });
    const ids: string[] = [];
    for (const title of ["Ett", "Två", "Tre"])
      ids.push(
        await createChapter(t.db, actor, f.admin, f.associationId, courseId, {
          texts: { sv: { title, intro: "" } },
        }),
      );
    const titles = async () =>
      (await loadCourseDraft(t.db, f.admin, f.associationId, courseId)).chapters.map(
        (c) => c.chapter.texts.sv?.title,
      );
    expect(await titles()).toEqual(["Ett", "Två", "Tre"]);
    await moveChapter(t.db, actor, f.admin, f.associationId, courseId, ids[2] as string, "up");
    expect(await titles()).toEqual(["Ett", "Tre", "Två"]);
    // at the top nothing moves
    await moveChapter(t.db, actor, f.admin, f.associationId, courseId, ids[0] as string, "up");
    expect(await titles()).toEqual(["Ett", "Tre", "Två"]);
    const [course] = await t.db.select().from(courses).where(eq(courses.id, courseId));
    expect(course?.version).toBe(5); // three chapters added, one move

    const refused = await refusal(() =>
      updateChapter(
        t.db,
        actor,
        f.admin,
        f.associationId,
        courseId,
        ids[1] as string,
        { texts: { sv: { title: "", intro: "" }, en: { title: "", intro: "Intro" } } },
        1,
      ),
    );
    expect(Object.keys(refused).sort()).toEqual(["title-en", "title-sv"]);
    expect(refused["title-en"]).toMatch(/på engelska/);
    await updateChapter(
      t.db,
      actor,
      f.admin,
      f.associationId,
      courseId,
      ids[1] as string,
      { texts: { sv: { title: "Två!", intro: "" }, en: { title: "Two", intro: "" } } },
      1,
    );
    await expect(
      updateChapter(
        t.db,
        actor,
        f.admin,
        f.associationId,
        courseId,
        ids[1] as string,
        { texts: { sv: { title: "Gammalt", intro: "" } } },
        1,
      ),
    ).rejects.toThrow("Någon annan har ändrat kapitlet");
    // a chapter of another course is not found through this course
    const other = await createCourse(t.db, actor, f.admin, f.associationId, {
      initiativeId: null,
      texts: { sv: { title: "Annan", summary: "" } },
    });
    await expect(
      updateChapter(
        t.db,
        actor,
        f.admin,
        f.associationId,
        other,
        ids[1] as string,
        { texts: { sv: { title: "Fel", intro: "" } } },
        2,
      ),
    ).rejects.toBeInstanceOf(NotFoundError);

    await expect(
      deleteChapter(t.db, actor, f.admin, f.associationId, courseId, ids[2] as string, 9),
    ).rejects.toBeInstanceOf(ConflictError);
    await deleteChapter(t.db, actor, f.admin, f.associationId, courseId, ids[2] as string, 1);
    expect(await titles()).toEqual(["Ett", "Två!"]);
    const positions = await t.db
      .select({ position: courseChapters.position })
      .from(courseChapters)
      .where(eq(courseChapters.courseId, courseId));
    expect(positions.map((p) => p.position).sort()).toEqual([0, 1]);
    expect(await events("course_chapter.deleted", ids[2] as string)).toBe(1);
  });
});

describe("a translation's confirmation", () => {
  it("holds while the Swedish is unchanged and goes out of date when it changes", async () => {
    const c = await makeCourseDraft(t.db, {
      associationId: f.associationId,
      initiativeId: f.tierp.initiative,
      actor,
      principal: f.officers.tierp,
      confirmEnglish: false,
    });
    const [one] = c.chapterIds;
    const status = async () => {
      const draft = await loadCourseDraft(t.db, f.admin, f.associationId, c.courseId);
      const view = draft.chapters[0];
      if (!view) throw new Error("no chapter");
      return { state: view.statuses.en.state, hash: chapterSwedishHash(draft, view) };
    };
    const before = await status();
    expect(before.state).toBe("komplett");

    await expect(
      confirmTranslation(t.db, actor, f.admin, f.associationId, c.courseId, one, "en", "gammal"),
    ).rejects.toThrow("Svenskan har ändrats medan du läste. Läs igen.");
    const notComplete = await refusal(() =>
      confirmTranslation(t.db, actor, f.admin, f.associationId, c.courseId, one, "ar", before.hash),
    );
    expect(notComplete["confirm-ar"]).toMatch(/inga texter på arabiska/);
    const swedish = await refusal(() =>
      confirmTranslation(t.db, actor, f.admin, f.associationId, c.courseId, one, "sv", before.hash),
    );
    expect(swedish.locale).toBeTruthy();

    await confirmTranslation(
      t.db,
      actor,
      f.admin,
      f.associationId,
      c.courseId,
      one,
      "en",
      before.hash,
    );
    expect((await status()).state).toBe("klar");
    expect(await events("course_translation.confirmed", one)).toBe(1);

    // a Swedish correction on a page makes the confirmation out of date
    await t.db
      .update(coursePages)
      .set({
        texts: {
          sv: { title: "Hyresrätt", body: "Du hyr din lägenhet av en hyresvärd. Ny mening." },
          en: { title: "Renting", body: "You rent your flat from a landlord." },
        },
      })
      .where(eq(coursePages.id, c.pageIds.textOne));
    const after = await status();
    expect(after.state).toBe("inaktuell");
    expect(after.hash).not.toBe(before.hash);
    await expect(
      confirmTranslation(t.db, actor, f.admin, f.associationId, c.courseId, one, "en", before.hash),
    ).rejects.toBeInstanceOf(ConflictError);
    await confirmTranslation(
      t.db,
      actor,
      f.admin,
      f.associationId,
      c.courseId,
      one,
      "en",
      after.hash,
    );
    expect((await status()).state).toBe("klar");
    const again = await refusal(() =>
      confirmTranslation(t.db, actor, f.admin, f.associationId, c.courseId, one, "en", after.hash),
    );
    expect(again["confirm-en"]).toMatch(/redan bekräftad/);

    expect(
      await removeConfirmation(t.db, actor, f.admin, f.associationId, c.courseId, one, "en"),
    ).toBe(true);
    expect((await status()).state).toBe("komplett");
    expect(
      await removeConfirmation(t.db, actor, f.admin, f.associationId, c.courseId, one, "en"),
    ).toBe(false);
    expect(await events("course_translation.unconfirmed", one)).toBe(1);

    // someone from another initiative cannot confirm it
    await expect(
      confirmTranslation(
        t.db,
        actor,
        f.officers.heby,
        f.associationId,
        c.courseId,
        one,
        "en",
        after.hash,
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("changes with the course's Swedish title too", async () => {
    const c = await makeCourseDraft(t.db, {
      associationId: f.associationId,
      initiativeId: null,
      actor,
      principal: f.admin,
      title: "Titel ett",
    });
    const draft = await loadCourseDraft(t.db, f.admin, f.associationId, c.courseId);
    expect(draft.chapters[0]?.statuses.en.state).toBe("klar");
    await updateCourse(
      t.db,
      actor,
      f.admin,
      f.associationId,
      c.courseId,
      { initiativeId: null, texts: { sv: { title: "Titel två", summary: "" } } },
      draft.course.version,
    );
    const after = await loadCourseDraft(t.db, f.admin, f.associationId, c.courseId);
    expect(after.chapters[0]?.statuses.en.state).toBe("inaktuell");
  });
});
