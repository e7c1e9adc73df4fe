// The staff's course pages over HTTP, on the built app, with plain form posts (no JavaScript):
// who gets in, creating a course, a stale edit refused with the typed text kept, publishing
// refused with what the Swedish lacks and then done, and a translation confirmed and then made
// out of date by a Swedish edit.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { makeCourseDraft } from "./course-fixture.ts";
import { courses, courseVersions } from "./schema.ts";

const actor = { userId: null, label: "test" };
let t: TestDatabase;
let app: TestApp;
let f: RegisterFixture;
let admin: string;
let officer: string;
let hebyOfficer: string;
let auditor: string;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await createTestApp(t);
  f = await registerFixture(t.db, "kurssidor");
  admin = await sessionFor(t, f.admin.userId);
  officer = await sessionFor(t, f.officers.tierp.userId);
  hebyOfficer = await sessionFor(t, f.officers.heby.userId);
  auditor = await sessionFor(t, f.auditor.userId);
});
afterAll(() => t?.drop());

const html = (response: Response) => response.text();
const versionOf = async (id: string) =>
  String((await t.db.select({ v: courses.version }).from(courses).where(eq(courses.id, id)))[0]?.v);

describe("the course list", () => {
  it("lets the office and the initiative's officer in, not the auditor", async () => {
    expect((await app.fetch("/kurssidor/kurser", { as: admin })).status).toBe(200);
    expect((await app.fetch("/kurssidor/kurser", { as: officer })).status).toBe(200);
    expect((await app.fetch("/kurssidor/kurser", { as: auditor })).status).toBe(403);
  });

  it("creates a course, and keeps what was typed when it is refused", async () => {
    const refused = await app.post(
      "/kurssidor/kurser",
      { initiativeId: "", position: "0", "title-sv": "", "summary-sv": "Om att söka jobb." },
      officer,
    );
    expect(refused.status).toBe(400);
    const page = await html(refused);
    expect(page).toContain("Skriv kursens namn på svenska");
    expect(page).toContain("Om att söka jobb.</textarea>");
    const wholeAssociation = await app.post(
      "/kurssidor/kurser",
      { initiativeId: "", position: "0", "title-sv": "Söka jobb", "summary-sv": "" },
      officer,
    );
    expect(wholeAssociation.status).toBe(400);
    const second = await html(wholeAssociation);
    expect(second).toContain("Bara förbundets kansli kan skriva kurser för hela förbundet");
    expect(second).toContain('value="Söka jobb"');

    const created = await app.post(
      "/kurssidor/kurser",
      {
        initiativeId: f.tierp.initiative,
        position: "0",
        "title-sv": "Söka jobb",
        "summary-sv": "Om att söka jobb.",
      },
      officer,
    );
    expect(created.status).toBe(302);
    const id = created.headers
      .get("location")
      ?.match(/^\/kurssidor\/kurser\/([0-9a-f-]{36})\?klart=skapad$/)?.[1];
    if (!id) throw new Error(`no course: ${created.headers.get("location")}`);
    const list = await html(await app.fetch("/kurssidor/kurser", { as: officer }));
    expect(list).toContain("Söka jobb");
    expect(list).toContain("Inte publicerad");
    // another initiative's officer does not see it, and gets 404 for it
    expect(await html(await app.fetch("/kurssidor/kurser", { as: hebyOfficer }))).not.toContain(
      "Söka jobb",
    );
    expect((await app.fetch(`/kurssidor/kurser/${id}`, { as: hebyOfficer })).status).toBe(404);
  });
});

describe("a course's page", () => {
  it("refuses a stale edit with a message and the typed text kept", async () => {
    const c = await makeCourseDraft(t.db, {
      associationId: f.associationId,
      initiativeId: f.tierp.initiative,
      actor,
      principal: f.officers.tierp,
    });
    const page = await html(
      await app.fetch(`/kurssidor/kurser/${c.courseId}?sprak=ar`, { as: officer }),
    );
    expect(page).toContain('aria-current="page">Arabiska');
    expect(page).toMatch(/<fieldset lang="ar" dir="rtl"/);
    expect(page).toContain('<td class="course-state course-state--klar">Klar</td>');
    const stale = await app.post(
      `/kurssidor/kurser/${c.courseId}?sprak=en`,
      {
        intent: "save",
        version: "1",
        languages: "sv,en",
        initiativeId: f.tierp.initiative,
        position: "0",
        "title-sv": "Mitt nya namn",
        "summary-sv": "",
        "title-en": "My new name",
        "summary-en": "",
      },
      officer,
    );
    expect(stale.status).toBe(409);
    const refused = await html(stale);
    expect(refused).toContain("Någon annan har ändrat kursen medan du arbetade");
    expect(refused).toContain('value="Mitt nya namn"');
    expect(refused).toContain('value="My new name"');

    const saved = await app.post(
      `/kurssidor/kurser/${c.courseId}?sprak=en`,
      {
        intent: "save",
        version: await versionOf(c.courseId),
        languages: "sv,en",
        initiativeId: f.tierp.initiative,
        position: "0",
        "title-sv": "Mitt nya namn",
        "summary-sv": "",
        "title-en": "My new name",
        "summary-en": "",
      },
      officer,
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(
      `/kurssidor/kurser/${c.courseId}?sprak=en&klart=sparad`,
    );
  });

  it("refuses publishing with the list of what is missing, then publishes", async () => {
    const c = await makeCourseDraft(t.db, {
      associationId: f.associationId,
      initiativeId: null,
      actor,
      principal: f.admin,
      title: "Publiceringskurs",
      swedishComplete: false,
    });
    const page = await html(await app.fetch(`/kurssidor/kurser/${c.courseId}`, { as: admin }));
    expect(page).toContain("Kapitel 2: Sida 1 (Text): text");
    const refused = await app.post(
      `/kurssidor/kurser/${c.courseId}`,
      { intent: "publish", version: await versionOf(c.courseId), note: "Första" },
      admin,
    );
    expect(refused.status).toBe(400);
    const body = await html(refused);
    expect(body).toContain(
      "Kursen kan inte publiceras än. Det här saknas på svenska: Kapitel 2: Sida 1 (Text): text.",
    );
    expect(body).toContain("Första</textarea>");
    const none = await t.db
      .select({ n: count() })
      .from(courseVersions)
      .where(eq(courseVersions.courseId, c.courseId));
    expect(none[0]?.n).toBe(0);

    const complete = await makeCourseDraft(t.db, {
      associationId: f.associationId,
      initiativeId: null,
      actor,
      principal: f.admin,
      title: "Färdig kurs",
    });
    const published = await app.post(
      `/kurssidor/kurser/${complete.courseId}`,
      { intent: "publish", version: await versionOf(complete.courseId), note: "Första" },
      admin,
    );
    expect(published.status).toBe(302);
    expect(published.headers.get("location")).toBe(
      `/kurssidor/kurser/${complete.courseId}?sprak=en&klart=publicerad`,
    );
    const after = await html(
      await app.fetch(`/kurssidor/kurser/${complete.courseId}?klart=publicerad`, { as: admin }),
    );
    expect(after).toContain("Kursen är publicerad.");
    expect(after).toMatch(/Version 1, \d{4}-\d{2}-\d{2}/);
    expect(after).toContain("Att bo i Sverige</span>: Svenska, Engelska");
    const list = await html(await app.fetch("/kurssidor/kurser", { as: admin }));
    expect(list).toContain("Svenska, Engelska");
  });
});

describe("a chapter's page", () => {
  it("confirms a translation, which a Swedish edit then makes out of date", async () => {
    const c = await makeCourseDraft(t.db, {
      associationId: f.associationId,
      initiativeId: f.tierp.initiative,
      actor,
      principal: f.officers.tierp,
      confirmEnglish: false,
    });
    const path = `/kurssidor/kurser/${c.courseId}/kapitel/${c.chapterIds[0]}`;
    const before = await html(await app.fetch(`${path}?sprak=en`, { as: officer }));
    expect(before).toContain("Engelska: Komplett – väntar på granskning");
    expect(before).toContain("Arabiska: Saknas");
    expect(before).toContain("Bekräfta att översättningen är klar");
    const hash = before.match(/name="swedishHash" value="([0-9a-f]{64})"/)?.[1];
    if (!hash) throw new Error("no hash on the page");

    const confirmed = await app.post(
      `${path}?sprak=en`,
      { intent: "confirm", locale: "en", swedishHash: hash },
      officer,
    );
    expect(confirmed.status).toBe(302);
    expect(await html(await app.fetch(`${path}?sprak=en`, { as: officer }))).toContain(
      "Engelska: Klar",
    );

    // the Swedish heading changes: the English confirmation is out of date
    const current = await html(await app.fetch(`${path}?sprak=en`, { as: officer }));
    const version = current.match(/name="version" value="(\d+)"/)?.[1];
    if (!version) throw new Error("no version on the page");
    const edited = await app.post(
      `${path}?sprak=en`,
      {
        intent: "save",
        version,
        languages: "sv",
        "title-sv": "Att bo i Sverige – hyra",
        "intro-sv": "Om bostad och grannar.",
      },
      officer,
    );
    expect(edited.status).toBe(302);
    const after = await html(await app.fetch(`${path}?sprak=en`, { as: officer }));
    expect(after).toContain("Engelska: Svenskan har ändrats");
    expect(after).toContain('value="Living in Sweden"');

    const stale = await app.post(
      `${path}?sprak=en`,
      { intent: "confirm", locale: "en", swedishHash: hash },
      officer,
    );
    expect(stale.status).toBe(409);
    expect(await html(stale)).toContain("Svenskan har ändrats medan du läste. Läs igen.");
  });

  it("deletes a chapter only after the box is ticked", async () => {
    const c = await makeCourseDraft(t.db, {
      associationId: f.associationId,
      initiativeId: f.tierp.initiative,
      actor,
      principal: f.officers.tierp,
    });
    const path = `/kurssidor/kurser/${c.courseId}/kapitel/${c.chapterIds[1]}`;
    const unticked = await app.post(path, { intent: "delete", version: "1" }, officer);
    expect(unticked.status).toBe(400);
    expect(await html(unticked)).toContain("Kryssa i rutan");
    const deleted = await app.post(
      path,
      { intent: "delete", version: "1", confirmDelete: "ja" },
      officer,
    );
    expect(deleted.headers.get("location")).toBe(
      `/kurssidor/kurser/${c.courseId}?sprak=en&klart=borttaget`,
    );
    expect((await app.fetch(path, { as: officer })).status).toBe(404);
  });
});
