// Publishing a course on a real database: refused with what the Swedish lacks, chapter by
// chapter; a new numbered version with each chapter in the languages that are "klar"; a stale
// or repeated press refused; withdrawing and restoring; the version history.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { auditEvents } from "../audit/schema.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { createCourse } from "./authoring.ts";
import { makeCourseDraft } from "./course-fixture.ts";
import { listVersions, publishCourse, restoreCourse, withdrawCourse } from "./publish.ts";
import { coursePages, courses, courseVersions } from "./schema.ts";

const actor = { userId: null, label: "test" };
let t: TestDatabase;
let f: RegisterFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "publicering");
});
afterAll(() => t?.drop());

const versionOf = async (id: string) =>
  (await t.db.select({ v: courses.version }).from(courses).where(eq(courses.id, id)))[0]?.v ?? 0;
const versions = async (id: string) =>
  (await t.db.select({ n: count() }).from(courseVersions).where(eq(courseVersions.courseId, id)))[0]
    ?.n;

describe("publishing", () => {
  it("is refused for a course without chapters", async () => {
    const id = await createCourse(t.db, actor, f.admin, f.associationId, {
      initiativeId: null,
      texts: { sv: { title: "Tom", summary: "" } },
    });
    const error = await publishCourse(t.db, actor, f.admin, f.associationId, id, {
      expectedVersion: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.publish).toMatch(/inga kapitel/);
    expect(await versions(id)).toBe(0);
  });

  it("is refused with the list of what the Swedish lacks, page by page", async () => {
    const c = await makeCourseDraft(t.db, {
      associationId: f.associationId,
      initiativeId: null,
      actor,
      principal: f.admin,
      swedishComplete: false,
    });
    await t.db.insert(coursePages).values({
      chapterId: c.chapterIds[1],
      position: 1,
      kind: "bild",
      updatedByName: "test",
      texts: { sv: { title: "Karta", body: "" } },
    });
    const error = await publishCourse(t.db, actor, f.admin, f.associationId, c.courseId, {
      expectedVersion: await versionOf(c.courseId),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.publish).toBe(
      "Kursen kan inte publiceras än. Det här saknas på svenska: Kapitel 2: Sida 1 (Text): text; Kapitel 2: Sida 2 (Bild): bildens alternativtext; Kapitel 2: Sida 2 (Bild): fil.",
    );
    expect(await versions(c.courseId)).toBe(0);
  });

  it("publishes each chapter in Swedish and its confirmed languages, once per press", async () => {
    const c = await makeCourseDraft(t.db, {
      associationId: f.associationId,
      initiativeId: f.tierp.initiative,
      actor,
      principal: f.officers.tierp,
    });
    const version = await versionOf(c.courseId);
    await expect(
      publishCourse(t.db, actor, f.officers.tierp, f.associationId, c.courseId, {
        expectedVersion: version - 1,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const first = await publishCourse(t.db, actor, f.officers.tierp, f.associationId, c.courseId, {
      expectedVersion: version,
      note: "  Första versionen. ",
    });
    expect(first).toEqual({
      number: 1,
      chapters: [
        { chapterId: c.chapterIds[0], title: "Att bo i Sverige", locales: ["sv", "en"] },
        { chapterId: c.chapterIds[1], title: "Att arbeta", locales: ["sv"] },
      ],
    });
    const [row] = await t.db
      .select()
      .from(courseVersions)
      .where(eq(courseVersions.courseId, c.courseId));
    expect(row?.note).toBe("Första versionen.");
    expect(row?.snapshot.texts).toEqual({
      sv: {
        title: "Samhällsorientering",
        summary: "Om livet i Sverige: myndigheter, arbete och vardag.",
      },
      en: { title: "Civic orientation", summary: "About life in Sweden." },
    });
    expect(row?.snapshot.chapters[1]?.texts).toEqual({ sv: { title: "Att arbeta", intro: "" } });
    // the same form pressed again is refused, not a second version
    await expect(
      publishCourse(t.db, actor, f.officers.tierp, f.associationId, c.courseId, {
        expectedVersion: version,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const second = await publishCourse(t.db, actor, f.officers.tierp, f.associationId, c.courseId, {
      expectedVersion: version + 1,
      note: "",
    });
    expect(second.number).toBe(2);
    const history = await listVersions(t.db, f.officers.tierp, f.associationId, c.courseId);
    expect(history.map((v) => [v.number, v.note, v.publishedByName])).toEqual([
      [2, null, f.officers.tierp.name],
      [1, "Första versionen.", f.officers.tierp.name],
    ]);
    expect(history[1]?.chapters[0]?.locales).toEqual(["sv", "en"]);
    await expect(
      listVersions(t.db, f.officers.heby, f.associationId, c.courseId),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      publishCourse(t.db, actor, f.officers.heby, f.associationId, c.courseId, {
        expectedVersion: version + 2,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const audited = await t.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "course.published"), eq(auditEvents.targetId, c.courseId)));
    expect(audited[0]?.n).toBe(2);
  });

  it("refuses a note over 1 000 characters", async () => {
    const c = await makeCourseDraft(t.db, {
      associationId: f.associationId,
      initiativeId: null,
      actor,
      principal: f.admin,
    });
    const error = await publishCourse(t.db, actor, f.admin, f.associationId, c.courseId, {
      expectedVersion: await versionOf(c.courseId),
      note: "x".repeat(1001),
    }).catch((e: unknown) => e);
    expect((error as ValidationError).fields.note).toMatch(/högst 1 000 tecken/);
  });
});

describe("withdrawing", () => {
  it("is only for a published course, and is undone by restoring", async () => {
    const c = await makeCourseDraft(t.db, {
      associationId: f.associationId,
      initiativeId: null,
      actor,
      principal: f.admin,
    });
    const notPublished = await withdrawCourse(
      t.db,
      actor,
      f.admin,
      f.associationId,
      c.courseId,
      await versionOf(c.courseId),
    ).catch((e: unknown) => e);
    expect((notPublished as ValidationError).fields.withdraw).toMatch(/inte publicerad/);
    await publishCourse(t.db, actor, f.admin, f.associationId, c.courseId, {
      expectedVersion: await versionOf(c.courseId),
    });
    await withdrawCourse(
      t.db,
      actor,
      f.admin,
      f.associationId,
      c.courseId,
      await versionOf(c.courseId),
    );
    const [withdrawn] = await t.db.select().from(courses).where(eq(courses.id, c.courseId));
    expect(withdrawn?.withdrawnAt).toBeInstanceOf(Date);
    await expect(
      withdrawCourse(t.db, actor, f.admin, f.associationId, c.courseId, 1),
    ).rejects.toBeInstanceOf(ConflictError);
    await restoreCourse(
      t.db,
      actor,
      f.admin,
      f.associationId,
      c.courseId,
      await versionOf(c.courseId),
    );
    const [restored] = await t.db.select().from(courses).where(eq(courses.id, c.courseId));
    expect(restored?.withdrawnAt).toBeNull();
    expect(await versions(c.courseId)).toBe(1);
  });
});
