// The portal's sign-in, settings and sign-out, and the staff's access and outbox pages, through
// the whole HTTP application (needs the web build: `npx react-router build`): the officer gives
// access and makes a code shown once; a wrong code is refused in the participant's language with
// the typed code kept; the right one signs in (session and language cookies) once; settings
// refuse bad contact details in the participant's language; "Logga ut" ends the session; an SMS
// code waits in the outbox until the officer marks it sent; other staff get 403; no JavaScript.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { registerCryptoFor } from "../register/key.server.ts";
import { registerParticipant } from "../register/participants.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../register/register-fixture.ts";
import { sessions } from "../sign-in/schema.ts";
import { portalAccounts, portalMessages } from "./schema.ts";

let t: TestDatabase;
let app: TestApp;
let f: RegisterFixture;
let officer = "";
let otherOfficer = "";
let admin = "";
let participantId = "";
let base = "";
const SLUG = "portalsidor";

beforeAll(async () => {
  t = await createTestDatabase();
  app = await createTestApp(t);
  f = await registerFixture(t.db, SLUG);
  officer = await sessionFor(t, f.officers.tierp.userId);
  otherOfficer = await sessionFor(t, f.officers.tierpSecond.userId);
  admin = await sessionFor(t, f.admin.userId);
  const access = await f.access(f.officers.tierp);
  participantId = (
    await registerParticipant(
      t.db,
      registerCryptoFor(app.services.config),
      access.actor,
      access.scope,
      {
        initiativeId: f.tierp.initiative,
        personalNumber: personalNumber("19950101", "246"),
        name: "Hodan Ali",
        consent: { consentedOn: "2026-03-02", textVersion: "2026:1", language: "svenska" },
        gender: "kvinna",
        birthYear: null,
        startDate: "2026-03-02",
        background: {
          education: "gymnasial",
          supportBefore: ["a_kassa"],
          timeOnSupport: "1_2_ar",
          occupationBefore: "arbetslos",
          referrer: "kommun",
        },
        municipalityCode: "0360",
      },
      "2026-03-02",
    )
  ).participantId;
  base = `/${SLUG}/insatser/${f.tierp.initiative}/portal`;
});
afterAll(() => t?.drop());

const page = async (path: string, as?: string) => {
  const response = await app.fetch(path, { as });
  return { status: response.status, html: await response.text(), response };
};
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
const CODE = /\b([A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4})\b/;
const sessionOf = (response: Response) =>
  /__Host-samspar_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1] ?? "";

let code = "";
let participantSession = "";

describe("the staff's portal access page", () => {
  it("is refused to the office and to the officer of another initiative", async () => {
    expect((await page(base, admin)).status).toBe(403);
    expect((await page(base, otherOfficer)).status).toBe(403);
    expect((await page(`${base}/utkorg`, otherOfficer)).status).toBe(403);
  });

  it("lists the participant masked and gives access", async () => {
    const before = await page(base, officer);
    expect(before.status).toBe(200);
    expect(textOf(before.html)).toContain("19950101-XXXX");
    expect(textOf(before.html)).toContain("Inget konto");
    expect(before.html).not.toContain("Hodan");
    const given = await app.post(base, { intent: "ge", participantId }, officer);
    expect(given.status).toBe(302);
    expect(given.headers.get("location")).toContain("klart=tillgang");
    const after = await page(base, officer);
    expect(textOf(after.html)).toContain("Aldrig");
  });

  it("makes a code shown once, with printable instructions", async () => {
    const made = await app.post(base, { intent: "kod", participantId, delivery: "visa" }, officer);
    expect(made.status).toBe(200);
    const html = await made.text();
    code = CODE.exec(textOf(html))?.[1] ?? "";
    expect(code).not.toBe("");
    expect(html).toContain("portal-code-print");
    expect(textOf(html)).toContain("http://localhost/portal/logga-in");
    // shown once: the page afterwards does not show it
    expect((await page(base, officer)).html).not.toContain(code);
  });

  it("refuses an SMS code without a phone number, at the field", async () => {
    const refused = await app.post(
      base,
      { intent: "kod", participantId, delivery: "sms", participant: "19950101-XXXX" },
      officer,
    );
    expect(refused.status).toBe(400);
    expect(textOf(await refused.text())).toContain("Deltagaren har inget mobilnummer sparat");
  });
});

describe("signing in with a code", () => {
  it("shows a large one-time-code field, e-ID only when set up, and sends no JavaScript", async () => {
    const signIn = await page("/portal/logga-in");
    expect(signIn.status).toBe(200);
    expect(signIn.html).toMatch(/autocomplete="one-time-code"/i);
    expect(signIn.html).toMatch(/inputmode="text"/i);
    expect(signIn.html).not.toMatch(/<script[^>]*src=/);
    expect(signIn.html).not.toContain("/portal/logga-in/e-legitimation/");
  });

  it("refuses an unknown code in the participant's language and keeps what was typed", async () => {
    const refused = await app.post("/portal/logga-in", { kod: "abcd-efgh", till: "/portal" });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(textOf(html)).toContain("Vi hittar inte koden");
    expect(html).toContain('value="abcd-efgh"');
    const empty = await app.post("/portal/logga-in", { kod: " ", till: "/portal" });
    expect(textOf(await empty.text())).toContain("Skriv din kod i rutan.");
  });

  it("signs in with the right code (typed loosely) and sets the session and language", async () => {
    const signedIn = await app.post("/portal/logga-in", {
      kod: code.toLowerCase().replace("-", " "),
      till: "/portal/installningar",
    });
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("location")).toBe("/portal/installningar");
    const cookies = signedIn.headers.get("set-cookie") ?? "";
    expect(cookies).toContain("samspar_portal_sprak=sv");
    participantSession = sessionOf(signedIn);
    expect(participantSession).not.toBe("");
    const again = await app.post("/portal/logga-in", { kod: code, till: "/portal" });
    expect(textOf(await again.text())).toContain("Koden är redan använd");
  });
});

describe("the participant's settings", () => {
  it("saves the language on the account and answers in it", async () => {
    const chosen = await app.post(
      "/portal/sprak",
      { sprak: "ar", till: "/portal/installningar" },
      participantSession,
    );
    expect(chosen.status).toBe(302);
    expect(chosen.headers.get("set-cookie")).toContain("samspar_portal_sprak=ar");
    const [account] = await t.owner.db
      .select({ locale: portalAccounts.locale })
      .from(portalAccounts)
      .where(eq(portalAccounts.participantId, participantId));
    expect(account?.locale).toBe("ar");
    const settings = await page("/portal/installningar", participantSession);
    expect(settings.status).toBe(200);
  });

  it("refuses bad contact details, saying what to fix and keeping what was typed", async () => {
    const refused = await app.post(
      "/portal/installningar",
      { email: "hodan@", phone: "", reminders: "sms", version: "1" },
      participantSession,
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    // the test client sends no language cookie: the page is drawn in Swedish
    expect(textOf(html)).toContain("Skriv e-posten så här: namn@exempel.se.");
    expect(textOf(html)).toContain("Skriv ditt mobilnummer om du vill få påminnelser med sms.");
    expect(html).toContain('value="hodan@"');
    const [account] = await t.owner.db
      .select({ email: portalAccounts.emailCiphertext })
      .from(portalAccounts)
      .where(eq(portalAccounts.participantId, participantId));
    expect(account?.email).toBeNull();
  });

  it("saves good contact details", async () => {
    const form = await page("/portal/installningar", participantSession);
    const version = /name="version" value="(\d+)"/.exec(form.html)?.[1] ?? "";
    const saved = await app.post(
      "/portal/installningar",
      { email: "hodan@exempel.se", phone: "073-111 22 33", reminders: "sms", version },
      participantSession,
    );
    expect(saved.status).toBe(302);
    const settings = await page("/portal/installningar", participantSession);
    expect(settings.html).toContain("+46731112233");
  });
});

describe("the outbox and signing out", () => {
  it("puts an SMS code in the outbox, in the participant's language, until marked sent", async () => {
    const made = await app.post(base, { intent: "kod", participantId, delivery: "sms" }, officer);
    expect(made.status).toBe(200);
    const outbox = await page(`${base}/utkorg`, officer);
    expect(outbox.status).toBe(200);
    expect(textOf(outbox.html)).toContain("+46731112233");
    expect(textOf(outbox.html)).toContain("رمزك لتسجيل الدخول");
    const [message] = await t.owner.db
      .select({ id: portalMessages.id })
      .from(portalMessages)
      .where(eq(portalMessages.participantId, participantId));
    const marked = await app.post(`${base}/utkorg`, { messageId: message?.id ?? "" }, officer);
    expect(marked.status).toBe(302);
    const twice = await app.post(`${base}/utkorg`, { messageId: message?.id ?? "" }, officer);
    expect(twice.status).toBe(409);
  });

  it("ends the session on 'Logga ut' and says so", async () => {
    const out = await app.post("/portal/logga-ut", {}, participantSession);
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe("/portal/logga-in?utloggad=1");
    const left = await t.owner.db.select().from(sessions);
    expect(left.filter((s) => s.method === "code")).toHaveLength(0);
    const notice = await page("/portal/logga-in?utloggad=1");
    expect(textOf(notice.html)).toContain("Du är utloggad. Stäng webbläsaren om datorn är delad.");
    expect((await page("/portal/installningar", participantSession)).status).toBe(302);
  });
});
