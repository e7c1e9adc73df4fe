// Courses and Tyck till's question sets in the association bundle (version 8), built with the
// capability's own use cases: an association-wide course with a picture (stored as an upload is),
// a quiz question and a confirmed English chapter, published and then changed in its draft; an
// initiative's course never published; the initiative's two question sets, one edited. Moved to a
// fresh instance the bundle exports back the same; a second import changes nothing; a published
// version that differs, or a file whose bytes do not match its SHA-256 or its type, is refused in
// Swedish at its place, writing nothing; the draft takes the file's; a version 7 file still
// imports; and on an instance with participants the moved course is read as a participant reads
// it, its picture byte for byte.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { findAssociationBySlug } from "../associations/find-association.ts";
import { auditEvents } from "../audit/schema.ts";
import { makeCourseDraft } from "../courses/course-fixture.ts";
import { loadCourseDraft } from "../courses/draft.ts";
import { mediaBytes, storeMedia } from "../courses/media.ts";
import { addPage, updatePage } from "../courses/pages.ts";
import { publishCourse } from "../courses/publish.ts";
import {
  courseForParticipant,
  mediaForParticipant,
  pageForParticipant,
} from "../courses/reading.ts";
import { courseChapters, courses, courseVersions } from "../courses/schema.ts";
import { sampleFile } from "../courses/test-course.ts";
import { formForEditing, updateForm } from "../evaluation/forms.ts";
import { evaluationForms } from "../evaluation/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { portalAccountFixture } from "../portal/portal-account.fixture.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import type { Bundle } from "./bundle-schema.ts";
import { bundleJson, exportBundle } from "./export-bundle.ts";
import { IMPORT_ACTOR, importBundle } from "./import-bundle.ts";

const SLUG = "kursprov";
const actor = { userId: null, label: "test" };

let a: TestDatabase;
let b: TestDatabase;
let c: TestDatabase;
let fa: RegisterFixture;
let exported = "";
const picture = sampleFile.png(900);
const ids = { wide: "", own: "", picturePage: "", media: "", chapterOne: "" };

async function associationId(q: Queryable): Promise<string> {
  const association = await findAssociationBySlug(q, SLUG);
  if (!association) throw new Error(`no association ${SLUG}`);
  return association.id;
}

async function exportOf(q: Queryable): Promise<string> {
  return bundleJson(await exportBundle(q, await associationId(q)));
}

const withoutExportedAt = (text: string) => {
  const { exportedAt: _, ...rest } = JSON.parse(text) as Bundle;
  return JSON.stringify(rest, null, 2);
};

const copy = (text: string) => JSON.parse(text) as Bundle;

const auditCount = async (q: Queryable) => {
  const [row] = await q.select({ n: count() }).from(auditEvents);
  return row?.n ?? 0;
};

async function refusal(q: Queryable, source: Bundle): Promise<Record<string, string>> {
  try {
    await importBundle(q, IMPORT_ACTOR, JSON.stringify(source));
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  throw new Error("the import was not refused");
}

const courseIndex = (bundle: Bundle, key: string) => {
  const i = bundle.courses.findIndex((course) => course.key === key);
  if (i < 0) throw new Error(`no course ${key} in the file`);
  return i;
};

beforeAll(async () => {
  [a, b, c] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
  fa = await registerFixture(a.db, SLUG);
  const id = fa.associationId;
  // the association's course: a text page and a quiz question (English confirmed), a picture
  const wide = await makeCourseDraft(a.db, {
    associationId: id,
    initiativeId: null,
    actor,
    principal: fa.admin,
  });
  ids.wide = wide.courseId;
  ids.chapterOne = wide.chapterIds[0];
  ids.picturePage = await addPage(
    a.db,
    actor,
    fa.admin,
    id,
    wide.courseId,
    wide.chapterIds[0],
    "bild",
  );
  ids.media = await storeMedia(a.db, actor, fa.admin, id, wide.courseId, "bild", {
    fileName: "karta.png",
    data: picture,
  });
  await updatePage(
    a.db,
    actor,
    fa.admin,
    id,
    wide.courseId,
    ids.picturePage,
    {
      texts: { sv: { title: "Sverige på kartan", alt: "En karta över Sverige med länen." } },
      mediaId: ids.media,
    },
    1,
  );
  const draft = await loadCourseDraft(a.db, fa.admin, id, wide.courseId);
  await publishCourse(a.db, actor, fa.admin, id, wide.courseId, {
    expectedVersion: draft.course.version,
    note: "Första versionen.",
  });
  // after publishing, the draft moves on: an empty text page the published version lacks
  await addPage(a.db, actor, fa.admin, id, wide.courseId, wide.chapterIds[1], "text");

  // the initiative's own course, a draft only, in Swedish
  const own = await makeCourseDraft(a.db, {
    associationId: id,
    initiativeId: fa.tierp.initiative,
    actor,
    principal: fa.officers.tierp,
    title: "Att söka jobb",
    english: false,
  });
  ids.own = own.courseId;

  // the initiative's question sets: the short check edited, the exit survey as it starts
  const short = await formForEditing(a.db, fa.officers.tierp, id, fa.tierp.initiative, "kort");
  await updateForm(
    a.db,
    actor,
    fa.officers.tierp,
    id,
    fa.tierp.initiative,
    "kort",
    {
      questions: [
        {
          id: short.questions[0]?.id,
          type: "skala",
          texts: {
            sv: { text: "Hur var kapitlet?", low: "Svårt", high: "Lätt" },
            en: { text: "How was the chapter?", low: "Hard", high: "Easy" },
          },
        },
        { type: "fritext", texts: { sv: { text: "Vad saknade du?" } } },
      ],
    },
    short.version,
  );
  await formForEditing(a.db, fa.officers.tierp, id, fa.tierp.initiative, "slut");
  exported = await exportOf(a.db);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.drop(), b?.drop(), c?.drop()]);
});

describe("exporting courses and question sets", () => {
  it("writes version 8 with every course, its files, versions and the question sets", () => {
    const bundle = copy(exported);
    expect(bundle.version).toBe(8);
    expect(bundle.courses.map((course) => course.texts.sv.title).sort()).toEqual([
      "Att söka jobb",
      "Samhällsorientering",
    ]);
    const wide = bundle.courses[courseIndex(bundle, ids.wide)];
    expect(wide?.initiative).toBeNull();
    expect(wide?.media).toHaveLength(1);
    expect(wide?.media[0]).toMatchObject({
      key: ids.media,
      kind: "bild",
      mediaType: "image/png",
      fileName: "karta.png",
      dataBase64: Buffer.from(picture).toString("base64"),
    });
    expect(wide?.versions.map((v) => [v.number, v.note])).toEqual([[1, "Första versionen."]]);
    expect(wide?.chapters[0]?.translations.map((t) => t.locale)).toEqual(["en"]);
    expect(wide?.chapters[0]?.pages.map((p) => p.kind)).toEqual(["text", "fraga", "bild"]);
    expect(wide?.chapters[1]?.pages).toHaveLength(2);
    expect(wide?.versions[0]?.snapshot.chapters[1]?.pages).toHaveLength(1);
    const own = bundle.courses[courseIndex(bundle, ids.own)];
    expect(own?.initiative).toBe(fa.tierp.initiative);
    expect(own?.versions).toEqual([]);
    expect(bundle.evaluationForms.map((f) => [f.initiative, f.kind])).toEqual([
      [fa.tierp.initiative, "kort"],
      [fa.tierp.initiative, "slut"],
    ]);
    expect(bundle.evaluationForms[0]?.version).toBe(2);
    expect(bundle.evaluationForms[0]?.questions[0]?.texts.en?.text).toBe("How was the chapter?");
    // never what participants did
    expect(exported).not.toContain("participantId");
    expect(exported).not.toContain("chosenOption");
    expect(exported).not.toContain('"answers"');
  });
});

describe("importing courses and question sets", () => {
  it("moves them to a fresh instance and exports back the same", async () => {
    const result = await importBundle(b.db, IMPORT_ACTOR, exported);
    expect(result.courses).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(result.courseMedia).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(result.courseVersions).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(result.evaluationForms).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(withoutExportedAt(await exportOf(b.db))).toBe(withoutExportedAt(exported));
  });

  it("changes nothing the second time", async () => {
    const before = await auditCount(b.db);
    const result = await importBundle(b.db, IMPORT_ACTOR, exported);
    expect(result.courses).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(result.courseMedia).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(result.courseVersions).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(result.evaluationForms).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await auditCount(b.db)).toBe(before);
  });

  it("refuses a published version that differs, writing nothing", async () => {
    const before = await auditCount(b.db);
    const file = copy(exported);
    const i = courseIndex(file, ids.wide);
    const version = file.courses[i]?.versions[0];
    if (!version?.snapshot.texts.sv) throw new Error("no version");
    version.snapshot.texts.sv.title = "Samhällsorientering, ny";
    // and a change that would otherwise be written
    const own = file.courses[courseIndex(file, ids.own)];
    if (!own) throw new Error("no course");
    own.texts.sv.title = "Att söka arbete";
    const fields = await refusal(b.db, file);
    expect(Object.keys(fields)).toEqual([`courses[${i}].versions[0]`]);
    expect(fields[`courses[${i}].versions[0]`]).toContain(
      "Version 1 är publicerad här och skiljer sig från filens",
    );
    expect(await auditCount(b.db)).toBe(before);
    const [row] = await b.db.select().from(courses).where(eq(courses.id, ids.own));
    expect(row?.texts.sv?.title).toBe("Att söka jobb");
  });

  it("refuses a file whose bytes do not match its SHA-256 or its type, at its place", async () => {
    const file = copy(exported);
    const i = courseIndex(file, ids.wide);
    const media = file.courses[i]?.media[0];
    if (!media) throw new Error("no file");
    media.dataBase64 = Buffer.from(sampleFile.png(901)).toString("base64");
    const fields = await refusal(c.db, file);
    expect(fields[`courses[${i}].media[0].dataBase64`]).toBe(
      `courses[${i}].media[0].dataBase64 (kursen "Samhällsorientering"): Filens byte stämmer inte med dess kontrollsumma (SHA-256): filen "karta.png" är skadad eller ändrad. Exportera kursen på nytt och försök igen.`,
    );

    const wrongType = copy(exported);
    const m = wrongType.courses[i]?.media[0];
    if (!m) throw new Error("no file");
    m.mediaType = "image/jpeg";
    expect((await refusal(c.db, wrongType))[`courses[${i}].media[0].mediaType`]).toContain(
      'Filen "karta.png" är av typen image/png, inte image/jpeg.',
    );
    // nothing of the file's association was written on the fresh instance
    expect(await findAssociationBySlug(c.db, SLUG)).toBeUndefined();
  });

  it("refuses a page or a version that uses a file the course does not have", async () => {
    const file = copy(exported);
    const i = courseIndex(file, ids.wide);
    const wide = file.courses[i];
    if (!wide) throw new Error("no course");
    wide.media = [];
    const fields = await refusal(c.db, file);
    expect(fields[`courses[${i}].chapters[0].pages[2].media`]).toBe(
      `courses[${i}].chapters[0].pages[2].media (kursen "Samhällsorientering"): Filen ${ids.media} finns inte bland kursens filer (media). Lägg till filen i media.`,
    );
    expect(fields[`courses[${i}].versions[0].snapshot`]).toContain(
      `Versionen använder filen ${ids.media}, som inte finns bland kursens filer (media).`,
    );
    expect(await findAssociationBySlug(c.db, SLUG)).toBeUndefined();
  });

  it("refuses a stored file changed in the file: a file is never changed", async () => {
    const file = copy(exported);
    const i = courseIndex(file, ids.wide);
    const media = file.courses[i]?.media[0];
    if (!media) throw new Error("no file");
    media.fileName = "sverige.png";
    const fields = await refusal(b.db, file);
    expect(fields[`courses[${i}].media[0]`]).toContain(
      'Filen "sverige.png" finns redan här men skiljer sig från filens. En fil ändras aldrig',
    );
  });

  it("makes the draft the file's, keeping the published version", async () => {
    const file = copy(exported);
    const own = file.courses[courseIndex(file, ids.own)];
    if (!own?.chapters[0]) throw new Error("no course");
    own.chapters[0].texts.sv.title = "Att skriva ett CV";
    own.chapters = [own.chapters[0]];
    const wide = file.courses[courseIndex(file, ids.wide)];
    wide?.chapters[1]?.pages.pop();
    const result = await importBundle(b.db, IMPORT_ACTOR, JSON.stringify(file));
    expect(result.courses).toEqual({ created: 0, updated: 2, unchanged: 0 });
    expect(result.courseVersions).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const chapters = await b.db
      .select({ title: courseChapters.texts })
      .from(courseChapters)
      .where(eq(courseChapters.courseId, ids.own));
    expect(chapters.map((ch) => ch.title.sv?.title)).toEqual(["Att skriva ett CV"]);
    expect(withoutExportedAt(await exportOf(b.db))).toBe(
      withoutExportedAt(bundleJson({ ...file, exportedAt: "x" })),
    );
    const versions = await b.db
      .select({ number: courseVersions.number })
      .from(courseVersions)
      .where(eq(courseVersions.courseId, ids.wide));
    expect(versions).toEqual([{ number: 1 }]);
  });

  it("still imports a version 7 file, and refuses courses in one", async () => {
    const file = copy(exported);
    const { courses: _, evaluationForms: __, ...older } = file;
    const result = await importBundle(b.db, IMPORT_ACTOR, JSON.stringify({ ...older, version: 7 }));
    expect(result.courses).toEqual({ created: 0, updated: 0, unchanged: 0 });
    expect(result.evaluationForms).toEqual({ created: 0, updated: 0, unchanged: 0 });
    const fields = await refusal(b.db, { ...file, version: 7 } as unknown as Bundle);
    expect(fields.courses).toBe('courses: Finns inte i version 7 av formatet. Ange "version": 8.');
  });

  it("gives the moved course to the participants there, its picture byte for byte", async () => {
    const fc = await registerFixture(c.db, SLUG);
    const result = await importBundle(c.db, IMPORT_ACTOR, exported);
    expect(result.courses.created).toBe(2);
    const { account } = await portalAccountFixture(c.db, fc, fc.tierp.initiative);
    const course = await courseForParticipant(c.db, account, ids.wide);
    expect(course.chapters.map((ch) => ch.pageCount)).toEqual([3, 1]);
    const page = await pageForParticipant(c.db, account, ids.wide, ids.chapterOne, 3, "sv");
    expect(page.page.mediaId).toBe(ids.media);
    const media = await mediaForParticipant(c.db, account, ids.media);
    const bytes = await mediaBytes(c.db, media.id)(0, media.sizeBytes);
    expect(Buffer.from(bytes).equals(Buffer.from(picture))).toBe(true);
    expect(media.mediaType).toBe("image/png");
    // its size in pixels is read from the bytes again, as at an upload (sampleFile.png is 4 × 3)
    expect({ width: media.width, height: media.height }).toEqual({ width: 4, height: 3 });
    const forms = await c.db
      .select({ kind: evaluationForms.kind, version: evaluationForms.version })
      .from(evaluationForms)
      .where(eq(evaluationForms.initiativeId, fa.tierp.initiative));
    expect(forms.sort((x, y) => x.kind.localeCompare(y.kind))).toEqual([
      { kind: "kort", version: 2 },
      { kind: "slut", version: 1 },
    ]);
  });
});
