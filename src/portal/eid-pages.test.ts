// The e-ID pages through the whole HTTP application (needs the web build: `npx react-router
// build`): the office sets up the broker (refusals at their fields, the secret never shown, the
// connection test), a participant goes from the sign-in link through a local broker and back
// into a portal session, and the refusals land on the sign-in page with their reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { browseToCallback } from "../../tests/support/oidc-provider.ts";
import { readCookie } from "../platform/http/cookies.ts";
import { registerCryptoFor } from "../register/key.server.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../register/register-fixture.ts";
import { readSession, SESSION_COOKIE } from "../sign-in/sessions.ts";
import { EID_CALLBACK_PATH, EID_COOKIE } from "./eid.ts";
import { addParticipant, type Broker, startBroker } from "./eid-broker-fixture.ts";

const SLUG = "eidsida";
const SECRET = "page-broker-secret-that-is-long-enough-0123456789";
let t: TestDatabase;
let app: TestApp;
let f: RegisterFixture;
let broker: Broker;
let admin = "";
let officer = "";

beforeAll(async () => {
  t = await createTestDatabase();
  app = await createTestApp(t);
  f = await registerFixture(t.db, SLUG);
  admin = await sessionFor(t, f.admin.userId);
  officer = await sessionFor(t, f.officers.tierp.userId);
  broker = await startBroker({
    redirectUri: `${app.services.config.baseUrl}${EID_CALLBACK_PATH}`,
    clientId: "samspar-sida",
    clientSecret: SECRET,
    claim: "personal_number",
    claimsParameter: true,
  });
});
afterAll(async () => {
  await broker?.stop();
  await t?.drop();
});

const page = async (path: string, who?: string) => {
  const response = await app.fetch(path, { as: who });
  return { status: response.status, html: await response.text() };
};
const settings = (over: Record<string, string> = {}) => ({
  intent: "save",
  version: "0",
  enabled: "on",
  issuer: broker.issuer,
  clientId: "samspar-sida",
  clientSecret: SECRET,
  personalNumberClaim: "",
  label: "BankID",
  ...over,
});
/** The cookie a response sets, by name. */
const setCookie = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);

describe("the e-ID settings page", () => {
  it("is the office's only", async () => {
    expect((await page(`/${SLUG}/e-legitimation`, officer)).status).toBe(403);
    const { status, html } = await page(`/${SLUG}/e-legitimation`, admin);
    expect(status).toBe(200);
    expect(html).toContain("E-legitimation är inte inställd än");
    // the address to register at the broker
    expect(html).toContain(`http://localhost${EID_CALLBACK_PATH}`);
  });

  it("refuses bad input at its fields, keeps what was typed, then saves and tests", async () => {
    const refused = await app.post(
      `/${SLUG}/e-legitimation`,
      settings({ issuer: "http://eid.example.se", clientId: "" }),
      admin,
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Utfärdarens adress måste börja med https://");
    expect(html).toContain("Fyll i klient-id");
    expect(html).toContain('value="http://eid.example.se"');
    // the secret is never sent back, not even the one just typed
    expect(html).not.toContain(SECRET);

    const saved = await app.post(`/${SLUG}/e-legitimation`, settings(), admin);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/${SLUG}/e-legitimation?klart=sparad`);
    const after = await page(`/${SLUG}/e-legitimation?klart=sparad`, admin);
    expect(after.html).toContain("Inställningarna för e-legitimation är sparade.");
    expect(after.html).toContain("E-legitimation är påslagen");
    expect(after.html).not.toContain(SECRET);

    // someone else saved meanwhile: version 0 is stale
    const stale = await app.post(`/${SLUG}/e-legitimation`, settings(), admin);
    expect(stale.status).toBe(409);

    const tested = await app.post(`/${SLUG}/e-legitimation`, { intent: "test" }, admin);
    expect(tested.status).toBe(200);
    expect(await tested.text()).toContain(`e-legitimationstjänsten ${broker.issuer} svarar`);
  });
});

describe("signing in with e-ID through the pages", () => {
  it("goes to the broker and back into a portal session", async () => {
    const number = personalNumber("19900315", "238");
    const lisa = await addParticipant(
      t.db,
      registerCryptoFor(app.services.config),
      f,
      await f.access(f.officers.tierp),
      number,
      true,
      "2026-11-23",
    );
    broker.numbers.set("sub-lisa", number.replace("-", ""));
    broker.signInAs("sub-lisa");

    const started = await app.fetch(`/portal/logga-in/e-legitimation/${SLUG}`);
    expect(started.status).toBe(302);
    const location = started.headers.get("location") ?? "";
    expect(location.startsWith(`${broker.issuer}/`)).toBe(true);
    const cookie = setCookie(started, EID_COOKIE);
    expect(cookie).toBeTruthy();
    expect(started.headers.getSetCookie().join()).toMatch(/SameSite=Lax/);

    const callback = await browseToCallback(
      location,
      `${app.services.config.baseUrl}${EID_CALLBACK_PATH}`,
    );
    // app.fetch writes the cookie header itself: the e-ID cookie rides after its session slot
    const back = await app.fetch(`${EID_CALLBACK_PATH}${callback.search}`, {
      as: `ingen; ${EID_COOKIE}=${cookie}`,
    });
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe("/portal");
    expect(setCookie(back, EID_COOKIE)).toBe("");
    const token = setCookie(back, SESSION_COOKIE);
    const session = await readSession(t.db, token ? decodeURIComponent(token) : undefined);
    expect(session.state === "active" && [session.session.userId, session.session.method]).toEqual([
      lisa.userId,
      "eid",
    ]);
  });

  it("sends refusals back to the sign-in page with their reason", async () => {
    const noCookie = await app.fetch(`${EID_CALLBACK_PATH}?code=x&state=y`);
    expect(noCookie.headers.get("location")).toBe("/portal/logga-in?eid=misslyckades");
    const unknownAssociation = await app.fetch("/portal/logga-in/e-legitimation/finns-inte");
    expect(unknownAssociation.headers.get("location")).toBe("/portal/logga-in?eid=avstangd");

    broker.numbers.set("sub-okand", personalNumber("19700707", "777"));
    broker.signInAs("sub-okand");
    const started = await app.fetch(`/portal/logga-in/e-legitimation/${SLUG}`);
    const callback = await browseToCallback(
      started.headers.get("location") ?? "",
      `${app.services.config.baseUrl}${EID_CALLBACK_PATH}`,
    );
    const back = await app.fetch(`${EID_CALLBACK_PATH}${callback.search}`, {
      as: `ingen; ${EID_COOKIE}=${setCookie(started, EID_COOKIE)}`,
    });
    expect(back.headers.get("location")).toBe("/portal/logga-in?eid=inget-konto");
    // no session: at most the server clears the made-up session slot the helper sent
    expect(setCookie(back, SESSION_COOKIE) ?? "").toBe("");
    expect(readCookie(back.headers.getSetCookie().join("; "), EID_COOKIE)).toBe("");
  });
});
