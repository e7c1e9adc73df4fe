// Tyck till over HTTP, on the built app: a participant answers in Swedish and in Arabic with no
// JavaScript, declines, and is refused a second answer; staff edit the questions (a stale version
// is refused with the typed text kept, three questions in the short check are refused); the free
// text is for the initiative's participant officer, not the office.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { CSRF_COOKIE, csrfTokenFor } from "../platform/http/csrf.ts";
import { PORTAL_LANGUAGE_COOKIE } from "../portal/locales.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { createSession, SESSION_COOKIE } from "../sign-in/sessions.ts";
import { type EvaluationFixture, evaluationFixture, meeting } from "./evaluation-fixture.ts";

let t: TestDatabase;
let app: TestApp;
let f: RegisterFixture;
let swedish: EvaluationFixture;
let arabic: EvaluationFixture;
let sv: string;
let ar: string;
let officer: string;
let admin: string;
let met: string;

const participantSession = (userId: string) =>
  createSession(t.db, { userId, method: "code", secondFactorPending: false });
const responses = async () =>
  (await t.owner.db.execute(sql`select * from register.evaluation_responses`)).rows;
const receipts = async () =>
  (
    await t.owner.db.execute<{ context_key: string; outcome: string }>(
      sql`select * from register.evaluation_receipts`,
    )
  ).rows;

/** A request in Arabic (the language cookie the portal's sign-in sets), as the Arabic participant. */
async function inArabic(path: string, fields?: Record<string, string>) {
  const cookie = [
    `${CSRF_COOKIE}=arabic`,
    `${SESSION_COOKIE}=${ar}`,
    `${PORTAL_LANGUAGE_COOKIE}=ar`,
  ];
  const { createHttpApp } = await import("../server/http-app.ts");
  const { CLIENT_DIR } = await import("../server/build.ts");
  const { loadServerBuild } = await import("../../tests/support/app.ts");
  const build = await loadServerBuild();
  const http = createHttpApp({
    services: app.services,
    getBuild: async () => build,
    clientDir: CLIENT_DIR,
    mode: "production",
  });
  return http.request(`http://localhost${path}`, {
    redirect: "manual",
    ...(fields
      ? {
          method: "POST",
          headers: {
            cookie: cookie.join("; "),
            "content-type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({
            _csrf: csrfTokenFor(app.services.secrets, "arabic"),
            ...fields,
          }).toString(),
        }
      : { headers: { cookie: cookie.join("; ") } }),
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  app = await createTestApp(t);
  f = await registerFixture(t.db, "tyck");
  swedish = await evaluationFixture(t.db, f, "sv");
  arabic = await evaluationFixture(t.db, f, "ar");
  met = await meeting(t.db, swedish.account, 2, "genomford", new Date());
  sv = await participantSession(swedish.principal.userId);
  ar = await participantSession(arabic.principal.userId);
  officer = await sessionFor(t, f.officers.tierp.userId);
  admin = await sessionFor(t, f.admin.userId);
});
afterAll(() => t?.drop());

describe("Tyck till for a participant", () => {
  it("lists what is open, says answers are anonymous, and sends no JavaScript", async () => {
    const response = await app.fetch("/portal/tyck-till", { as: sv });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("Om kapitlet");
    expect(page).toContain("Att bo i Sverige");
    expect(page).toMatch(/Om mötet med Lina, studiecoach \S+/);
    expect(page).toContain("Slutenkät");
    expect(page).toContain("Vi ser inte vem som svarat");
    expect(page).toContain(`href="/portal/tyck-till/kapitel/${swedish.chapter}"`);
    expect(page).not.toContain("Att arbeta i Sverige");
    expect(page).not.toMatch(/<script/);
  });

  it("shows a chapter's check as fieldsets with five radio buttons and a text field", async () => {
    const page = await (
      await app.fetch(`/portal/tyck-till/kapitel/${swedish.chapter}`, { as: sv })
    ).text();
    expect(page).toMatch(/<fieldset[^>]*><legend><span lang="sv" dir="ltr">1\. Hur var det\?/);
    for (const n of [1, 2, 3, 4, 5])
      expect(page).toMatch(new RegExp(`type="radio"[^>]*name="svar-kort-hur" value="${n}"`));
    expect(page).toContain("1 = Inte bra");
    expect(page).toContain("5 = Mycket bra");
    expect(page).toMatch(/<textarea[^>]*id="svar-kort-battre"/);
    expect(page).toMatch(/<button type="submit" value="skicka"[^>]*>Skicka</);
    expect(page).toMatch(/value="hoppa"[^>]*>Hoppa över</);
    expect(page).not.toMatch(/<script/);
  });

  it("keeps what was typed when refused, stores the answer once, and refuses a second", async () => {
    const path = `/portal/tyck-till/kapitel/${swedish.chapter}`;
    const refused = await app.post(
      path,
      { intent: "skicka", "svar-kort-hur": "9", "svar-kort-battre": "Mer bilder" },
      sv,
    );
    expect(refused.status).toBe(400);
    const again = await refused.text();
    expect(again).toContain("Välj en siffra från 1 till 5");
    expect(again).toContain("Mer bilder</textarea>");
    expect(await responses()).toHaveLength(0);

    const sent = await app.post(
      path,
      { intent: "skicka", "svar-kort-hur": "4", "svar-kort-battre": "Mer bilder" },
      sv,
    );
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe("/portal/tyck-till?klart=tack");
    const thanks = await (await app.fetch("/portal/tyck-till?klart=tack", { as: sv })).text();
    expect(thanks).toContain("Tack för ditt svar!");
    expect(thanks).not.toContain("Att bo i Sverige");
    expect(await responses()).toHaveLength(1);

    const twice = await app.post(path, { intent: "skicka", "svar-kort-hur": "5" }, sv);
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("Du har redan svarat. Tack!");
    expect(await responses()).toHaveLength(1);
  });

  it("declines a meeting's check with no response stored", async () => {
    const before = (await responses()).length;
    const skipped = await app.post(`/portal/tyck-till/mote/${met}`, { intent: "hoppa" }, sv);
    expect(skipped.status).toBe(302);
    expect(skipped.headers.get("location")).toBe("/portal/tyck-till?klart=hoppat");
    expect((await responses()).length).toBe(before);
    expect((await receipts()).find((r) => r.context_key === met)?.outcome).toBe("avstod");
    const list = await (await app.fetch("/portal/tyck-till?klart=hoppat", { as: sv })).text();
    expect(list).toContain("Vi frågar inte om det igen.");
    expect(list).not.toContain("Om mötet med");
  });

  it("answers in Arabic, right to left, without JavaScript", async () => {
    const list = await (await inArabic("/portal/tyck-till")).text();
    expect(list).toContain('<html lang="ar" dir="rtl"');
    expect(list).toContain("العيش في السويد");
    expect(list).toContain("نحن لا نرى من أجاب");
    const path = `/portal/tyck-till/kapitel/${arabic.chapter}`;
    const form = await (await inArabic(path)).text();
    expect(form).toContain('<span lang="ar" dir="rtl">1. كيف كان؟</span>');
    expect(form).toContain("أرسل");
    expect(form).toContain("تخطَّ");
    expect(form).not.toMatch(/<script/);
    const refused = await inArabic(path, { intent: "skicka" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("أجب على سؤال واحد على الأقل");
    const sent = await inArabic(path, { intent: "skicka", "svar-kort-hur": "5" });
    expect(sent.status).toBe(302);
    const thanks = await (await inArabic("/portal/tyck-till?klart=tack")).text();
    expect(thanks).toContain("شكرًا على إجابتك!");
    const twice = await inArabic(path, { intent: "hoppa" });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("لقد أجبت من قبل. شكرًا!");
  });

  it("is not found for another participant's chapter or meeting", async () => {
    expect((await app.fetch(`/portal/tyck-till/mote/${met}`, { as: ar })).status).toBe(404);
    expect(
      (await app.fetch(`/portal/tyck-till/kapitel/${swedish.unfinished}`, { as: sv })).status,
    ).toBe(404);
    expect((await app.fetch("/portal/tyck-till/slut/annat", { as: sv })).status).toBe(404);
  });
});

describe("Tyck till for staff", () => {
  const base = () => `/tyck/insatser/${f.tierp.initiative}/portal/tyck-till`;

  it("lets the initiative's officer edit the questions, and no one else", async () => {
    const response = await app.fetch(`${base()}?sprak=ar`, { as: officer });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("Kort fråga efter möten och kapitel");
    expect(page).toContain("Slutenkät");
    expect(page).toContain('value="كيف كان؟"');
    expect(page).toMatch(/<fieldset lang="ar" dir="rtl"/);
    expect(page).toContain(`href="${base()}/resultat"`);
    expect(page).toContain(`href="${base()}/fritext"`);
    expect((await app.fetch(base(), { as: admin })).status).toBe(403);
    const other = `/tyck/insatser/${f.heby.initiative}/portal/tyck-till`;
    expect((await app.fetch(other, { as: officer })).status).toBe(403);
  });

  const kort = (version: string, extra: Record<string, string> = {}) => ({
    kind: "kort",
    version,
    count: "2",
    "q0-id": "kort-hur",
    "q0-type": "skala",
    "q0-text-sv": "Hur kändes det idag?",
    "q0-low-sv": "Dåligt",
    "q0-high-sv": "Bra",
    "q1-id": "kort-battre",
    "q1-type": "fritext",
    "q1-text-sv": "Vad kan bli bättre?",
    "q1-low-sv": "",
    "q1-high-sv": "",
    intent: "save",
    ...extra,
  });

  it("refuses a stale version and keeps the typed text; refuses three short questions", async () => {
    const stale = await app.post(base(), kort("7"), officer);
    expect(stale.status).toBe(409);
    const page = await stale.text();
    expect(page).toContain("Någon annan har ändrat frågorna");
    expect(page).toContain('value="Hur kändes det idag?"');

    const three = await app.post(
      base(),
      kort("1", {
        count: "3",
        "q2-id": "",
        "q2-type": "skala",
        "q2-text-sv": "En till?",
        "q2-low-sv": "Nej",
        "q2-high-sv": "Ja",
      }),
      officer,
    );
    expect(three.status).toBe(400);
    const refused = await three.text();
    expect(refused).toContain("högst 2 frågor");
    expect(refused).toContain('value="En till?"');

    const added = await app.post(base(), kort("1", { intent: "add" }), officer);
    expect(added.status).toBe(200);
    const addedPage = await added.text();
    expect(addedPage).toContain("Ändringen är inte sparad än");
    expect(addedPage).toContain('name="q2-text-sv"');

    const saved = await app.post(base(), kort("1"), officer);
    expect(saved.status).toBe(302);
    const after = await (await app.fetch(base(), { as: officer })).text();
    expect(after).toContain('value="Hur kändes det idag?"');
    expect(after).toContain("Anna Andersson");
  });

  it("shows the free text to the officer with the notice, and is not found for the office", async () => {
    const path = `${base()}/fritext?fran=2020-01&till=2099-12`;
    const response = await app.fetch(path, { as: officer });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("Mer bilder");
    expect(page).toContain("Om kapitlet Att bo i Sverige");
    expect(page).toContain("Använd dem inte för att försöka ta reda på vem som skrev");
    expect((await app.fetch(path, { as: admin })).status).toBe(403);
    const bad = await app.fetch(`${base()}/fritext?fran=2026-13&till=2026-01`, { as: officer });
    expect(bad.status).toBe(400);
  });
});
