// The page editor and the chapter's page list over HTTP, on the built app: a picture uploaded
// with its alt text in one multipart form; refusals (no alt text, too large, not a picture, a
// quiz question without a right answer) keep everything typed and store nothing; the staff's
// file route answers byte ranges; adding, moving and deleting (after a confirm step) pages.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { storeMedia } from "./media.ts";
import { addPage } from "./pages.ts";
import { courseMedia, coursePages } from "./schema.ts";
import { insertTestCourse, sampleFile } from "./test-course.ts";

const actor = { userId: null, label: "test" };
let t: TestDatabase;
let app: TestApp;
let f: RegisterFixture;
let officer: string;
let otherOfficer: string;
let courseId: string;
let chapterId: string;
let base: string;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await createTestApp(t);
  f = await registerFixture(t.db, "kurs");
  officer = await sessionFor(t, f.officers.tierp.userId);
  otherOfficer = await sessionFor(t, f.officers.heby.userId);
  const course = await insertTestCourse(t.db, f.associationId, f.tierp.initiative);
  courseId = course.courseId;
  chapterId = course.chapterIds[0] ?? "";
  base = `/kurs/kurser/${courseId}/kapitel/${chapterId}/sidor`;
});
afterAll(() => t?.drop());

const newPage = (kind: string) =>
  addPage(t.db, actor, f.officers.tierp, f.associationId, courseId, chapterId, kind);
const pageRow = async (id: string) =>
  (await t.db.select().from(coursePages).where(eq(coursePages.id, id)))[0];
const mediaCount = async () => (await t.db.select({ n: count() }).from(courseMedia))[0]?.n;

/** A multipart post of the editor's form, with the CSRF token its page carries. */
async function postEditor(
  path: string,
  fields: Record<string, string>,
  files: Record<string, { name: string; data: Uint8Array; type: string }> = {},
) {
  const page = await (await app.fetch(path, { as: officer })).text();
  const csrf = page.match(/name="_csrf" value="([^"]+)"/)?.[1];
  if (!csrf) throw new Error("no CSRF token on the page");
  const form = new FormData();
  form.append("_csrf", csrf);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const [name, file] of Object.entries(files))
    form.append(name, new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  return app.fetch(path, { method: "POST", as: officer, body: form });
}

describe("the page editor", () => {
  it("stores a picture with its alt text from one form, and shows it", async () => {
    const id = await newPage("bild");
    const path = `${base}/${id}`;
    const saved = await postEditor(
      path,
      {
        version: "1",
        sprak: "sv",
        "title-sv": "Kartan",
        "body-sv": "",
        "alt-sv": "En karta över Tierp med järnvägen utmärkt",
      },
      { picture: { name: "karta.png", data: sampleFile.png(2048), type: "image/png" } },
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`${path}?sprak=sv&klart=sparad`);
    const row = await pageRow(id);
    expect(row?.mediaId).toBeTruthy();
    const [media] = await t.db
      .select()
      .from(courseMedia)
      .where(eq(courseMedia.id, row?.mediaId ?? ""));
    expect(media).toMatchObject({ mediaType: "image/png", fileName: "karta.png", sizeBytes: 2048 });
    const page = await (await app.fetch(`${path}?klart=sparad`, { as: officer })).text();
    expect(page).toContain(
      `<img src="/kurs/kurser/${courseId}/filer/${row?.mediaId}" alt="En karta över Tierp med järnvägen utmärkt"`,
    );
    expect(page).toContain("Sidan är sparad.");
  });

  it("refuses a picture without alt text, keeps the texts typed and stores nothing", async () => {
    const id = await newPage("bild");
    const before = await mediaCount();
    const refused = await postEditor(
      `${base}/${id}?sprak=en`,
      {
        version: "1",
        sprak: "en",
        "title-sv": "Biblioteket",
        "body-sv": "Här lånar du böcker.",
        "alt-sv": "",
        "title-en": "The library",
        "body-en": "",
        "alt-en": "The library's entrance",
      },
      { picture: { name: "bibliotek.png", data: sampleFile.png(), type: "image/png" } },
    );
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain(
      'href="#alt-sv">Skriv en alternativtext: vad bilden visar, för den som inte ser den.',
    );
    expect(page).toContain('value="Biblioteket"');
    expect(page).toContain("Här lånar du böcker.</textarea>");
    expect(page).toContain('value="The library&#x27;s entrance"');
    expect(page).toContain("Välj filen igen när du sparar.");
    expect(await mediaCount()).toBe(before);
    expect((await pageRow(id))?.version).toBe(1);
  });

  it("refuses a 3 MB picture with its size, and a text file named .png", async () => {
    const id = await newPage("bild");
    const fields = { version: "1", sprak: "sv", "title-sv": "Stor", "alt-sv": "Ett torg" };
    const large = await postEditor(`${base}/${id}`, fields, {
      picture: { name: "torg.png", data: sampleFile.png(3 * 1024 * 1024), type: "image/png" },
    });
    expect(large.status).toBe(400);
    const page = await large.text();
    expect(page).toContain(
      "Bilden är 3,0 MB. Den får vara högst 2 MB. Spara den mindre och försök igen.",
    );
    expect(page).toContain('value="Ett torg"');
    const fake = await postEditor(`${base}/${id}`, fields, {
      picture: { name: "torg.png", data: sampleFile.text(), type: "image/png" },
    });
    expect(fake.status).toBe(400);
    expect(await fake.text()).toContain("Filen är inte en bild som går att visa.");
    expect((await pageRow(id))?.mediaId).toBeNull();
  });

  it("refuses a quiz question without a right answer and keeps the options typed", async () => {
    const id = await newPage("fraga");
    const fields = {
      version: "1",
      sprak: "ar",
      "title-sv": "Skolan",
      "body-sv": "Vem driver grundskolan?",
      "option-sv-0": "Kommunen",
      "option-sv-1": "Staten",
      "option-sv-2": "",
      "explanation-sv": "Kommunen driver grundskolan.",
      "title-ar": "المدرسة",
      "option-ar-0": "البلدية",
      "option-ar-1": "الدولة",
    };
    const refused = await postEditor(`${base}/${id}?sprak=ar`, fields);
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain("Välj vilket svar som är rätt.");
    expect(page).toContain('value="Kommunen"');
    expect(page).toContain('value="البلدية"');
    expect(page).toMatch(/<fieldset lang="ar" dir="rtl"/);
    expect((await pageRow(id))?.version).toBe(1);

    const saved = await postEditor(`${base}/${id}?sprak=ar`, { ...fields, correctOption: "0" });
    expect(saved.status).toBe(302);
    expect(await pageRow(id)).toMatchObject({
      correctOption: 0,
      texts: { sv: { options: ["Kommunen", "Staten"] }, ar: { options: ["البلدية", "الدولة"] } },
    });
    const again = await (await app.fetch(`${base}/${id}?sprak=ar`, { as: officer })).text();
    expect(again).toMatch(
      /<input type="radio" id="correctOption" name="correctOption" checked="" value="0"/,
    );
    expect(again).not.toContain(`checked="" value="1"`);
  });

  it("refuses a stale version and keeps what was typed", async () => {
    const id = await newPage("text");
    const fields = { version: "1", sprak: "sv", "title-sv": "Först", "body-sv": "Ett." };
    expect((await postEditor(`${base}/${id}`, fields)).status).toBe(302);
    const stale = await postEditor(`${base}/${id}`, { ...fields, "title-sv": "Sen" });
    expect(stale.status).toBe(409);
    const page = await stale.text();
    expect(page).toContain("Någon annan har ändrat sidan medan du arbetade.");
    expect(page).toContain('value="Sen"');
    expect((await pageRow(id))?.texts.sv?.title).toBe("Först");
  });

  it("answers not found to someone who may not write the course", async () => {
    const id = await newPage("text");
    expect((await app.fetch(`${base}/${id}`, { as: otherOfficer })).status).toBe(404);
    expect((await app.fetch(`${base}/${f.tierp.initiative}`, { as: officer })).status).toBe(404);
  });
});

describe("the staff's file route", () => {
  it("answers a byte range with 206, and not found to others", async () => {
    const id = await storeMedia(t.db, actor, f.admin, f.associationId, courseId, "ljud", {
      fileName: "uppläsning.mp3",
      data: sampleFile.mp3(1000),
    });
    const path = `/kurs/kurser/${courseId}/filer/${id}`;
    const whole = await app.fetch(path, { as: officer });
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("audio/mpeg");
    expect((await whole.arrayBuffer()).byteLength).toBe(1000);
    const part = await app.fetch(path, { as: officer, headers: { range: "bytes=0-99" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 0-99/1000");
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    expect((await app.fetch(path, { as: otherOfficer })).status).toBe(404);
  });
});

describe("the chapter's page list", () => {
  it("is drawn on the chapter's page with each page's kind, title and missing Swedish", async () => {
    const chapter = await app.fetch(`/kurs/kurser/${courseId}/kapitel/${chapterId}`, {
      as: officer,
    });
    expect(chapter.status).toBe(200);
    const page = await chapter.text();
    expect(page).toContain("Sida 1 (Bild): Kartan");
    expect(page).toMatch(/Sida \d+ \(Text\): Utan rubrik/);
    expect(page).toMatch(/Saknar \d texter på svenska/);
    expect(page).toContain(`action="${base}"`);
    expect(page).toContain("Lägg till sida");
  });

  it("adds a page and opens its editor; moves and deletes after a confirm step", async () => {
    expect((await app.fetch(base, { as: officer })).headers.get("location")).toBe(
      `/kurs/kurser/${courseId}/kapitel/${chapterId}`,
    );
    const added = await app.post(base, { intent: "add", kind: "video" }, officer);
    expect(added.status).toBe(302);
    const id = added.headers.get("location")?.match(/sidor\/([0-9a-f-]{36})\?klart=tillagd$/)?.[1];
    if (!id) throw new Error(`no page: ${added.headers.get("location")}`);
    expect((await pageRow(id))?.kind).toBe("video");

    const moved = await app.post(base, { intent: "up", pageId: id }, officer);
    expect(moved.headers.get("location")).toContain("klart=sida-flyttad");
    const pages = await t.db.select().from(coursePages).where(eq(coursePages.chapterId, chapterId));
    const last = Math.max(...pages.map((p) => p.position));
    expect((await pageRow(id))?.position).toBe(last - 1);

    const confirm = await app.fetch(`${base}?ta-bort=${id}`, { as: officer });
    expect(confirm.status).toBe(200);
    const page = await confirm.text();
    expect(page).toContain("Ja, ta bort sidan");
    expect(page).toContain('name="version" value="1"');
    expect(
      (
        await app.post(
          `${base}?ta-bort=${id}`,
          { intent: "delete", pageId: id, version: "5" },
          officer,
        )
      ).status,
    ).toBe(409);
    const deleted = await app.post(base, { intent: "delete", pageId: id, version: "1" }, officer);
    expect(deleted.headers.get("location")).toBe(
      `/kurs/kurser/${courseId}/kapitel/${chapterId}?klart=sida-borttagen`,
    );
    expect(await pageRow(id)).toBeUndefined();
  });
});
