// Reading a course in the portal over HTTP, on the built app, with no JavaScript: the course
// list and "Fortsätt där du var", one page at a time in Swedish and in Arabic (a chapter not
// published in Arabic is Swedish whole, with the notice), "Visa på svenska också", a quiz
// answered by a plain form post, the chapter's end, the portal's file route, and the staff's
// preview of the draft.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  loadServerBuild,
  sessionFor,
  type TestApp,
} from "../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { PORTAL_LANGUAGE_COOKIE, PORTAL_SWEDISH_TOO_COOKIE } from "../portal/locales.ts";
import { portalAccountFixture } from "../portal/portal-account.fixture.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { CLIENT_DIR } from "../server/build.ts";
import { createHttpApp } from "../server/http-app.ts";
import { createSession, SESSION_COOKIE } from "../sign-in/sessions.ts";
import { makePublishedCourse, type PublishedCourse } from "./published-course-fixture.ts";
import { coursePages } from "./schema.ts";

let t: TestDatabase;
let app: TestApp;
let f: RegisterFixture;
let participant: string;
let admin: string;
let hebyOfficer: string;
let course: PublishedCourse;
let hebys: PublishedCourse;
let build: Awaited<ReturnType<typeof loadServerBuild>>;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
const VTT = new TextEncoder().encode("WEBVTT\n\n00:00.000 --> 00:01.000\nHej\n");
const WEBM = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4]);

beforeAll(async () => {
  t = await createTestDatabase();
  app = await createTestApp(t);
  build = await loadServerBuild();
  f = await registerFixture(t.db, "kurs");
  const { principal } = await portalAccountFixture(t.db, f, f.tierp.initiative, "sv");
  participant = await createSession(t.db, {
    userId: principal.userId,
    method: "code",
    secondFactorPending: false,
  });
  admin = await sessionFor(t, f.admin.userId);
  hebyOfficer = await sessionFor(t, f.officers.heby.userId);
  course = await makePublishedCourse(t.db, {
    associationId: f.associationId,
    initiativeId: f.tierp.initiative,
    texts: {
      sv: { title: "Samhällsorientering", summary: "Om livet i Sverige." },
      ar: { title: "التوجيه المجتمعي", summary: "عن الحياة في السويد." },
    },
    locales: ["ar"],
    files: {
      karta: { kind: "bild", mediaType: "image/png", data: PNG },
      film: { kind: "video", mediaType: "video/webm", data: WEBM },
      textning: { kind: "textning", mediaType: "text/vtt", data: VTT },
      textningAr: { kind: "textning", mediaType: "text/vtt", data: VTT },
    },
    chapters: [
      {
        texts: { sv: { title: "Att bo", intro: "" }, ar: { title: "السكن", intro: "" } },
        pages: [
          {
            kind: "text",
            texts: {
              sv: { title: "Hyran", body: "Du betalar hyra varje månad.\n\n- Till hyresvärden" },
              ar: { title: "الإيجار", body: "تدفع الإيجار كل شهر.\n\n- إلى المالك" },
            },
          },
          {
            kind: "bild",
            file: "karta",
            texts: {
              sv: { title: "Kartan", body: "", alt: "En karta över Tierp" },
              ar: { title: "الخريطة", body: "", alt: "خريطة تيرب" },
            },
          },
          {
            kind: "video",
            file: "film",
            texts: {
              sv: { title: "Filmen", body: "", captionsId: "file:textning" },
              ar: { title: "الفيلم", body: "", captionsId: "file:textningAr" },
            },
          },
          {
            kind: "fraga",
            correctOption: 1,
            texts: {
              sv: {
                title: "Fråga om hyran",
                body: "När betalar du hyran?",
                options: ["Efter månaden", "Före månaden"],
                explanation: "Hyran betalas i förskott, före månaden.",
              },
              ar: {
                title: "سؤال عن الإيجار",
                body: "متى تدفع الإيجار؟",
                options: ["بعد الشهر", "قبل الشهر"],
                explanation: "يدفع الإيجار مقدماً، قبل الشهر.",
              },
            },
          },
        ],
      },
      {
        locales: ["sv"],
        texts: { sv: { title: "Att arbeta", intro: "" } },
        pages: [
          {
            kind: "text",
            texts: { sv: { title: "Arbetsförmedlingen", body: "Du kan få hjälp att söka jobb." } },
          },
        ],
      },
    ],
  });
  hebys = await makePublishedCourse(t.db, {
    associationId: f.associationId,
    initiativeId: f.heby.initiative,
    texts: { sv: { title: "Hebys kurs", summary: "" } },
    files: { foto: { kind: "bild", mediaType: "image/png", data: PNG } },
    chapters: [
      {
        texts: { sv: { title: "Ett", intro: "" } },
        pages: [{ kind: "bild", file: "foto", texts: { sv: { title: "A", body: "", alt: "B" } } }],
      },
    ],
  });
}, 120_000);
afterAll(() => t?.drop());

/** A participant's page with their language cookies (the test app's fetch sets only its own). */
async function inLanguage(path: string, language: string, swedishToo = false) {
  const http = createHttpApp({
    services: app.services,
    getBuild: async () => build,
    clientDir: CLIENT_DIR,
    mode: "production",
  });
  const cookies = [`${PORTAL_LANGUAGE_COOKIE}=${language}`, `${SESSION_COOKIE}=${participant}`];
  if (swedishToo) cookies.push(`${PORTAL_SWEDISH_TOO_COOKIE}=1`);
  return http.request(`http://localhost${path}`, {
    headers: { cookie: cookies.join("; ") },
    redirect: "manual",
  });
}

const chapterPath = (i: number) => `/portal/kurser/${course.courseId}/${course.chapterIds[i]}`;
const get = async (path: string, as = participant) => {
  const response = await app.fetch(path, { as });
  return { status: response.status, html: await response.text() };
};

describe("Kurser for a participant, in Swedish", () => {
  it("lists the course not yet started, and not another initiative's course", async () => {
    const { status, html } = await get("/portal/kurser");
    expect(status).toBe(200);
    expect(html).toContain("Kurser du inte har börjat på");
    expect(html).toContain("Samhällsorientering");
    expect(html).not.toContain("Hebys kurs");
    expect(html).not.toContain("Fortsätt där du var");
    expect(html).not.toMatch(/<script/);
    expect(html).toMatch(/href="\/portal\/kurser"[^>]*>.*Kurser/);
    expect(html).toContain('href="/portal/tyck-till"');
    expect((await get(`/portal/kurser/${hebys.courseId}`)).status).toBe(404);
  });

  it("shows a page, records the visit, and offers to continue there", async () => {
    const first = await get(`${chapterPath(0)}/1`);
    expect(first.status).toBe(200);
    expect(first.html).toContain("Sida 1 av 4");
    expect(first.html).toMatch(/<ul><li>Till hyresvärden<\/li><\/ul>/);
    expect(first.html).toContain(`href="${chapterPath(0)}/2"`);
    expect(first.html).not.toContain("Föregående");
    const picture = await get(`${chapterPath(0)}/2`);
    expect(picture.html).toMatch(
      new RegExp(
        `<img src="/portal/filer/${course.mediaIds.karta}" alt="En karta över Tierp" loading="lazy"`,
      ),
    );
    expect(picture.html).toContain(`href="${chapterPath(0)}/1"`);
    const video = await get(`${chapterPath(0)}/3`);
    expect(video.html).toMatch(/<video[^>]*controls=""[^>]*preload="none"/);
    expect(video.html).toMatch(
      new RegExp(
        `<track kind="captions" srcLang="sv" label="Svenska" src="/portal/filer/${course.mediaIds.textning}" default=""`,
        "i",
      ),
    );
    const list = await get("/portal/kurser");
    expect(list.html).toContain("Fortsätt där du var");
    expect(list.html).toContain("Samhällsorientering: Att bo, sida 3");
    expect(list.html).toContain(`href="${chapterPath(0)}/3"`);
    expect(list.html).toContain("0 av 2 kapitel klara");
    const home = await get("/portal");
    expect(home.html).toContain("Fortsätt kursen");
    expect(home.html).toContain(`href="${chapterPath(0)}/3"`);
    const overview = await get(`/portal/kurser/${course.courseId}`);
    expect(overview.html).toContain("Påbörjat");
    expect(overview.html).toContain("Inte påbörjat");
    expect(overview.html).toContain("Fortsätt läsa");
  });

  it("answers a quiz question with a plain form post and shows the explanation", async () => {
    const before = await get(`${chapterPath(0)}/4`);
    expect(before.html).toMatch(/<input type="radio" required="" name="svar" value="0"\/>/);
    expect(before.html).not.toContain("Hyran betalas i förskott");
    const refused = await app.post(`${chapterPath(0)}/4`, {}, participant);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Välj ett av svaren och tryck på Svara.");
    const wrong = await app.post(`${chapterPath(0)}/4`, { svar: "0" }, participant);
    expect(wrong.status).toBe(200);
    const html = await wrong.text();
    expect(html).toContain("Inte rätt den här gången.");
    expect(html).toContain("Rätt svar är: Före månaden");
    expect(html).toContain("Hyran betalas i förskott, före månaden.");
    expect(html).toContain(`href="${chapterPath(0)}/klart"`);
    expect(html).not.toMatch(/<script/);
    const right = await app.post(`${chapterPath(0)}/4`, { svar: "1" }, participant);
    expect(await right.text()).toContain("Rätt svar!");
  });

  it("marks the chapter done after its last page and offers Tyck till", async () => {
    const notYet = await get(`${chapterPath(1)}/klart`);
    expect(notYet.html).toContain("Du har inte läst kapitlet till slut än");
    const done = await get(`${chapterPath(0)}/klart`);
    expect(done.status).toBe(200);
    expect(done.html).toContain("Du är klar med kapitlet!");
    expect(done.html).toContain("Nästa kapitel: Att arbeta");
    expect(done.html).toContain(`href="${chapterPath(1)}/1"`);
    expect(done.html).toContain("Tyck till om kapitlet (två frågor)");
    expect(done.html).toContain(`href="/portal/tyck-till/kapitel/${course.chapterIds[0]}"`);
    const list = await get("/portal/kurser");
    expect(list.html).toContain("1 av 2 kapitel klara");
  });

  it("serves a course file with ranges, and refuses another initiative's", async () => {
    const file = await app.fetch(`/portal/filer/${course.mediaIds.karta}`, {
      as: participant,
      headers: { range: "bytes=0-3" },
    });
    expect(file.status).toBe(206);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const refused = await app.fetch(`/portal/filer/${hebys.mediaIds.foto}`, { as: participant });
    expect(refused.status).toBe(404);
    const signedOut = await app.fetch(`/portal/filer/${course.mediaIds.karta}`);
    expect(signedOut.status).toBe(302);
  });
});

describe("Kurser in Arabic", () => {
  it("reads a chapter published in Arabic in Arabic, with the Swedish on request", async () => {
    const response = await inLanguage(`${chapterPath(0)}/1`, "ar");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toMatch(/<h1 id="sida-rubrik"><span lang="ar" dir="rtl">الإيجار<\/span><\/h1>/);
    expect(html).toContain("الصفحة 1 من 4");
    expect(html).not.toContain("Du betalar hyra");
    const both = await (await inLanguage(`${chapterPath(0)}/1`, "ar", true)).text();
    expect(both).toMatch(/<span class="sv-too" lang="sv" dir="ltr">Hyran<\/span>/);
    expect(both).toContain("Du betalar hyra varje månad.");
  });

  it("serves a chapter not published in Arabic in Swedish, whole, with the notice", async () => {
    const html = await (await inLanguage(`${chapterPath(1)}/1`, "ar")).text();
    expect(html).toContain("هذا الفصل غير متوفر بلغتك بعد. أنت تقرأه بالسويدية.");
    expect(html).toMatch(/<span lang="sv" dir="ltr">Arbetsförmedlingen<\/span>/);
    expect(html).toMatch(/<div class="course-page__body" lang="sv" dir="ltr">/);
    const overview = await (await inLanguage(`/portal/kurser/${course.courseId}`, "ar")).text();
    expect(overview).toContain("التوجيه المجتمعي");
    expect(overview).toContain("هذا الفصل غير متوفر بلغتك بعد");
    expect(overview).toContain("1 من 2 فصول مكتملة");
  });

  it("shows the quiz's question and options in Arabic", async () => {
    const html = await (await inLanguage(`${chapterPath(0)}/4`, "ar")).text();
    expect(html).toContain("متى تدفع الإيجار؟");
    expect(html).toContain("قبل الشهر");
    expect(html).toContain("أجب");
  });
});

describe("the staff's preview", () => {
  it("shows the draft as participants would see it, with the right answer marked", async () => {
    const base = `/kurs/kurser/${course.courseId}/forhandsvisning`;
    const first = await get(base, admin);
    expect(first.status).toBe(200);
    expect(first.html).toContain(
      "Förhandsvisning – så här ser deltagarna kursen om du publicerar nu",
    );
    expect(first.html).toContain("Hyran");
    const quiz = await get(`${base}?sprak=sv&kapitel=${course.chapterIds[0]}&sida=4`, admin);
    expect(quiz.html).toContain("rätt svar");
    expect(quiz.html).toMatch(/class="course-quiz__right"><span lang="sv" dir="ltr">Före månaden/);
    expect(quiz.html).not.toContain('name="svar"');
    const picture = await get(`${base}?sprak=ar&kapitel=${course.chapterIds[0]}&sida=2`, admin);
    expect(picture.html).toContain(
      `src="/kurs/kurser/${course.courseId}/filer/${course.mediaIds.karta}"`,
    );
    expect(picture.html).toContain('alt="خريطة تيرب"');
    // the draft's second chapter has no confirmed Arabic: Swedish, with the participants' notice
    const fallback = await get(`${base}?sprak=ar&kapitel=${course.chapterIds[1]}&sida=1`, admin);
    expect(fallback.html).toContain("هذا الفصل غير متوفر بلغتك بعد. أنت تقرأه بالسويدية.");
    expect(fallback.html).toContain("Arbetsförmedlingen");
  });

  it("shows a published version as it was, even after the draft has changed", async () => {
    const base = `/kurs/kurser/${course.courseId}/forhandsvisning`;
    const pageId = course.pageIds[0]?.[0] ?? "";
    const [row] = await t.db.select().from(coursePages).where(eq(coursePages.id, pageId));
    if (!row) throw new Error("the fixture's first page is missing");
    await t.db
      .update(coursePages)
      .set({ texts: { ...row.texts, sv: { title: "Hyran", body: "Hyran betalas i förskott." } } })
      .where(eq(coursePages.id, pageId));
    const draft = await get(`${base}?sprak=sv&kapitel=${course.chapterIds[0]}&sida=1`, admin);
    expect(draft.html).toContain("Hyran betalas i förskott.");
    expect(draft.html).toContain('<option value="1">Version 1, publicerad');
    const first = await get(
      `${base}?version=1&sprak=sv&kapitel=${course.chapterIds[0]}&sida=1`,
      admin,
    );
    expect(first.status).toBe(200);
    expect(first.html).toMatch(/Version 1, publicerad [^<]+ – exakt som den publicerades/);
    expect(first.html).toContain("Du betalar hyra varje månad.");
    expect(first.html).not.toContain("Hyran betalas i förskott.");
    // the page's way forward stays in version 1
    expect(first.html).toContain(`${base}?version=1&amp;sprak=sv&amp;kapitel=`);
    expect((await app.fetch(`${base}?version=2`, { as: admin })).status).toBe(404);
    await t.db.update(coursePages).set({ texts: row.texts }).where(eq(coursePages.id, pageId));
  });

  it("is not found for staff who may not write the course", async () => {
    const response = await app.fetch(`/kurs/kurser/${course.courseId}/forhandsvisning`, {
      as: hebyOfficer,
    });
    expect(response.status).toBe(404);
  });
});
