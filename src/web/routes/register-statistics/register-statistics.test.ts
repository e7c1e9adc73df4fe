// The participant statistics and the register's access log through the whole HTTP application
// (needs the web build: `npx react-router build`), on the demo association with its participant
// register: who may open which page, what the office sees (protected figures with their marks and
// the summary, never a participant), and the auditor's search of the log.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../../tests/support/database.ts";
import { loadPrincipal } from "../../../access/principal.ts";
import { getDisclosureSettings } from "../../../associations/disclosure-settings.ts";
import { associations, disclosureSettings } from "../../../associations/schema.ts";
import { auditEvents } from "../../../audit/schema.ts";
import { initiatives } from "../../../initiatives/schema.ts";
import { users } from "../../../people/schema.ts";
import { LANGUAGE_COOKIE } from "../../../platform/http/cookies.ts";
import { searchAccessLog } from "../../../register/access-log.ts";
import { accessLogScopeFor } from "../../../register/scope.ts";

let t: TestDatabase;
let app: TestApp;
let associationId = "";
const as: Record<"admin" | "board" | "coach" | "lead" | "auditor", string> = {
  admin: "",
  board: "",
  coach: "",
  lead: "",
  auditor: "",
};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  const [demo] = await t.db.select().from(associations).where(eq(associations.slug, "demo"));
  associationId = demo?.id ?? "";
  const people = await t.db.select().from(users);
  const idOf = (email: string) => people.find((u) => u.email === email)?.id ?? "";
  ids.coach = idOf("coach@demo.samspar.se");
  ids.auditor = idOf("granskare@demo.samspar.se");
  as.admin = await sessionFor(t, idOf("forbundschef@demo.samspar.se"));
  as.board = await sessionFor(t, idOf("styrelsen@demo.samspar.se"));
  as.coach = await sessionFor(t, ids.coach);
  as.lead = await sessionFor(t, idOf("insatsansvarig@demo.samspar.se"));
  as.auditor = await sessionFor(t, ids.auditor);
  app = await createTestApp(t);
});
afterAll(() => t?.drop());

/** The auditor's access-log scope, to compare the page with the log search itself. */
async function auditorScope() {
  const principal = await loadPrincipal(t.db, ids.auditor ?? "", { type: "session" });
  const scope = principal && (await accessLogScopeFor(t.db, principal, associationId));
  if (!scope) throw new Error("the auditor has an access-log scope");
  return scope;
}

const page = async (path: string, who: string) => {
  const response = await app.fetch(path, { as: who });
  return { status: response.status, html: await response.text() };
};
/** The text of the page without tags, whitespace squashed. */
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/\s+/g, " ");

describe("the participant statistics page", () => {
  it("is for the office and the board; participant officers, leads and the auditor get 403", async () => {
    expect((await page("/demo/deltagarstatistik", as.admin)).status).toBe(200);
    expect((await page("/demo/deltagarstatistik", as.board)).status).toBe(200);
    expect((await page("/demo/deltagarstatistik", as.coach)).status).toBe(403);
    expect((await page("/demo/deltagarstatistik", as.lead)).status).toBe(403);
    expect((await page("/demo/deltagarstatistik", as.auditor)).status).toBe(403);
  });

  it("shows the first half of 2026 with hidden cells marked, a legend and the summary", async () => {
    const { status, html } = await page(
      "/demo/deltagarstatistik?fran=2026-01-01&till=2026-06-30",
      as.admin,
    );
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain("Perioden 2026-01-01 – 2026-06-30");
    // the totals over all individual initiatives, then each initiative's key figures with a
    // link to its own tables
    expect(text).toContain("Samtliga individinriktade insatser");
    expect(html).toContain("<caption>Individinriktade insatser: insatserna var för sig</caption>");
    expect(html).toMatch(
      /<a href="\/demo\/deltagarstatistik\?fran=2026-01-01&amp;till=2026-06-30&amp;insats=[0-9a-f-]{36}"[^>]*>Tierp, Växtverket<\/a>/,
    );
    expect(text).toContain("Region, Länsgemensam ESF-insats Vidare");
    // cells below the threshold: "< 5" with its explanation for screen readers
    expect(html).toMatch(/data-hidden="primary"><span aria-hidden="true">&lt;\u00a05<\/span>/);
    expect(html).toContain('<span class="visually-hidden">färre än 5, visas inte</span>');
    expect(html).toContain('data-hidden="secondary"');
    // the legend and the summary of what is hidden and why
    expect(text).toContain("Så läser du tabellerna");
    const hidden = /(\d[\d ]*) uppgifter i periodens statistik/.exec(text);
    expect(Number(hidden?.[1]?.replace(/ /g, ""))).toBeGreaterThan(0);
    expect(text).toMatch(/avser färre än 5 personer \(0 inräknat\) och visas som ”< 5”/);
    // every table has a caption, column and row headers, and its definitions
    expect(html).toContain(
      '<caption>Deltagare<span class="visually-hidden"> – Samtliga individinriktade insatser</span></caption>',
    );
    expect(html).toContain('<th scope="col" class="num">Kvinnor</th>');
    expect(html).toContain('<th scope="row">Till arbete och/eller studier</th>');
    expect(text).toContain("Så räknas uppgifterna i tabellen");
    // the structural initiatives' count-only participation, quarter by quarter
    expect(text).toContain("Strukturinriktade insatser");
    expect(html).toContain('data-figure="period.2026-K1"');
  });

  it("shows no participant: no personnummer, no record id, no link into the register", async () => {
    const { html } = await page(
      "/demo/deltagarstatistik?fran=2025-01-01&till=2026-11-23",
      as.admin,
    );
    expect(html.replace(/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}/gi, "<id>")).not.toMatch(
      /\b(19|20)\d{6}-?\d{4}\b/,
    );
    const scope = await auditorScope();
    const { rows } = await searchAccessLog(t.db, scope, { limit: 1000 });
    const records = new Set(rows.flatMap((r) => [r.participantId, r.enrollmentId]));
    records.delete(null);
    expect(records.size).toBeGreaterThan(100);
    for (const id of records) expect(html).not.toContain(id);
    // links: the navigation, the period shortcuts of this page and the office's disclosure
    // control, nothing deeper
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? "");
    for (const href of links.filter((h) => h.startsWith("/demo")))
      expect(href).toMatch(
        /^\/demo(\/[a-z-]+)?$|^\/demo\/deltagarstatistik\?|^\/demo\/deltagarstatistik\/rojandekontroll$/,
      );
  });

  it("narrows to one initiative and refuses a period that ends before it starts", async () => {
    const [vaxtverket] = await t.db
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(eq(initiatives.name, "Tierp, Växtverket"));
    const one = await page(
      `/demo/deltagarstatistik?fran=2025-01-01&till=2025-12-31&insats=${vaxtverket?.id}`,
      as.board,
    );
    expect(one.status).toBe(200);
    expect(textOf(one.html)).toContain("Tierp, Växtverket");
    expect(one.html).toContain("<h3>Tierp, Växtverket</h3>");
    expect(one.html).toContain(
      '<caption>Ålder vid start<span class="visually-hidden"> – Tierp, Växtverket</span></caption>',
    );
    expect(one.html).not.toContain("Samtliga individinriktade insatser");
    expect(one.html).not.toContain("Uppsala, Lärcentrum digitalt</a>");
    expect(one.html).not.toContain("Strukturinriktade insatser</h2>");
    expect(textOf(one.html)).toContain("Visa alla insatser för perioden");

    const wrong = await page("/demo/deltagarstatistik?fran=2026-06-30&till=2026-01-01", as.admin);
    expect(wrong.status).toBe(400);
    expect(textOf(wrong.html)).toContain("ligger före dess första dag");
    const unknown = await page(
      "/demo/deltagarstatistik?insats=00000000-0000-4000-8000-000000000000",
      as.admin,
    );
    expect(unknown.status).toBe(400);
    expect(textOf(unknown.html)).toContain("Insatsen finns inte i förbundet");
  });
});

describe("the register's access log", () => {
  it("is for the auditor only: the office, the board and the participant officer get 403", async () => {
    expect((await page("/demo/registerlogg", as.auditor)).status).toBe(200);
    expect((await page("/demo/registerlogg", as.admin)).status).toBe(403);
    expect((await page("/demo/registerlogg", as.board)).status).toBe(403);
    expect((await page("/demo/registerlogg", as.coach)).status).toBe(403);
  });

  it("lists the demo's entries newest first, a page at a time, with who, role, organisation and outcome", async () => {
    const { html } = await page("/demo/registerlogg", as.auditor);
    const text = textOf(html);
    const total = Number(
      /(\d[\d ]*) händelser matchar sökningen/.exec(text)?.[1]?.replace(/ /g, ""),
    );
    expect(total).toBeGreaterThan(500);
    expect(text).toContain(
      `händelse 1–50 av ${total.toLocaleString("sv-SE").replace(/\u00a0/g, " ")}`,
    );
    expect(text).toContain("Sara Nordin");
    expect(text).toContain("Deltagaransvarig");
    expect(text).toContain("Tierps kommun");
    expect(html).toContain('rel="next"');
    const second = textOf((await page("/demo/registerlogg?sida=2", as.auditor)).html);
    expect(second).toContain("händelse 51–100 av");
    expect(second).toContain("Sida 2 av");
  });

  it("searches by person, action, participant record and dates", async () => {
    const denied = textOf(
      (await page(`/demo/registerlogg?person=${ids.coach}&handelse=read`, as.auditor)).html,
    );
    expect(denied).toContain("nekad");
    const reveals = textOf((await page("/demo/registerlogg?handelse=reveal", as.auditor)).html);
    expect(reveals).toContain("visade fullständigt personnummer");
    const listed = reveals.slice(reveals.indexOf("nyast först"));
    expect(listed).not.toContain("ändrade");
    expect(listed).not.toContain("läste");

    // the participant's entries: the same as the log search gives, and never the person
    const scope = await auditorScope();
    const { rows } = await searchAccessLog(t.db, scope, { action: "erase" });
    const erased = rows[0]?.participantId ?? "";
    expect(erased).not.toBe("");
    const one = await page(`/demo/registerlogg?deltagare=${erased}`, as.auditor);
    const oneText = textOf(one.html);
    expect(oneText).toContain("raderade identiteten");
    const count = Number(/(\d+) händelser? matchar/.exec(oneText)?.[1]);
    expect(count).toBe(
      (await searchAccessLog(t.db, scope, { participantId: erased, limit: 1000 })).total,
    );
    expect(one.html.replace(/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}/gi, "<id>")).not.toMatch(
      /\b(19|20)\d{6}-?\d{4}\b/,
    );

    const dated = textOf(
      (await page("/demo/registerlogg?fran=2025-03-01&till=2025-03-31", as.auditor)).html,
    );
    const stamps = [...dated.matchAll(/\b(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}:\d{2}\b/g)].map(
      (m) => m[1] ?? "",
    );
    expect(stamps.length).toBeGreaterThan(0);
    for (const day of stamps) expect(day >= "2025-03-01" && day <= "2025-03-31").toBe(true);
  });

  it("says in Swedish what to fix in a search it cannot run", async () => {
    const bad = await page("/demo/registerlogg?deltagare=inte-ett-id&fran=2026-13-01", as.auditor);
    expect(bad.status).toBe(400);
    const text = textOf(bad.html);
    expect(text).toContain("Deltagarens id ska se ut som 8-4-4-4-12 tecken");
    expect(text).toContain("Skriv datumet som ÅÅÅÅ-MM-DD");
  });
});

describe("the association's disclosure control", () => {
  const SETTINGS = "/demo/deltagarstatistik/rojandekontroll";
  const save = (fields: Record<string, string>, who = as.admin) =>
    app.post(SETTINGS, { version: "0", threshold: "5", allowTrueZero: "nej", ...fields }, who);
  afterAll(async () => {
    await t.db
      .delete(disclosureSettings)
      .where(eq(disclosureSettings.associationId, associationId));
  });

  it("is for the office only: the board, participant officers, leads and the auditor get 403", async () => {
    expect((await page(SETTINGS, as.admin)).status).toBe(200);
    for (const who of [as.board, as.coach, as.lead, as.auditor]) {
      expect((await page(SETTINGS, who)).status).toBe(403);
      expect((await save({ threshold: "3" }, who)).status).toBe(403);
    }
    expect((await getDisclosureSettings(t.db, associationId)).version).toBe(0);
  });

  it("explains the threshold and shows the default, with a labelled field and choice", async () => {
    const { html } = await page(SETTINGS, as.admin);
    const text = textOf(html);
    expect(html).toContain("<h1>Röjandekontroll</h1>");
    expect(text).toContain("Tröskeln är 5: antal under 5 visas som ”< 5”.");
    expect(text).toContain("Det är Samspårs standard");
    expect(html).toMatch(/<label for="threshold">Tröskel/);
    const input = /<input id="threshold"[^>]*>/.exec(html)?.[0];
    expect(input).toMatch(/ name="threshold"/);
    expect(input).toMatch(/ value="5"/);
    expect(input).toMatch(/ inputMode="numeric"/);
    expect(text).toContain("Antal under tröskeln visas som ”< 5”");
    expect(text).toContain("Skriv 0 eller ett heltal från 3 till 20");
    expect(html).toContain("<legend>Visa nollor");
    // "Nej" (zeros hidden) is chosen; its radio carries the field's id for the error summary
    const radios = [...html.matchAll(/<input type="radio"[^>]*>/g)].map((m) => m[0]);
    expect(radios).toHaveLength(2);
    expect(radios[0]).toMatch(/ id="allowTrueZero"/);
    expect(radios[0]).toMatch(/ value="nej"/);
    expect(radios[0]).toContain(' checked=""');
    expect(radios[1]).not.toContain("checked");
  });

  it("refuses text, 1, 2 and 21 with a Swedish message naming what to write, saving nothing", async () => {
    for (const threshold of ["fem", "1", "2", "21"]) {
      const response = await save({ threshold });
      expect(response.status).toBe(400);
      const text = textOf(await response.text());
      expect(text).toContain("Det finns ett fel att rätta");
      expect(text).toContain("0 eller ett heltal från 3 till 20");
    }
    const missing = await app.post(SETTINGS, { version: "0", threshold: "5" }, as.admin);
    expect(missing.status).toBe(400);
    expect(textOf(await missing.text())).toContain("Välj om en sann nolla ska visas som 0");
    expect(await getDisclosureSettings(t.db, associationId)).toEqual({
      threshold: 5,
      allowTrueZero: false,
      version: 0,
    });
  });

  it("saves, with an audit event, and the statistics then use the new threshold", async () => {
    const response = await save({ threshold: "3" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${SETTINGS}?klart=sparad`);
    expect(await getDisclosureSettings(t.db, associationId)).toEqual({
      threshold: 3,
      allowTrueZero: false,
      version: 1,
    });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "disclosure_settings.updated"))
      .orderBy(auditEvents.seq);
    expect(event?.details).toMatchObject({ threshold: 3, before: { threshold: 5 } });
    const saved = textOf((await page(`${SETTINGS}?klart=sparad`, as.admin)).html);
    expect(saved).toContain("Röjandekontrollen är sparad.");
    expect(saved).toContain("Tröskeln är 3: antal under 3 visas som ”< 3”.");

    const office = await page("/demo/deltagarstatistik?fran=2026-01-01&till=2026-06-30", as.admin);
    const officeText = textOf(office.html);
    expect(officeText).toContain(
      "Förbundets tröskel för röjandekontroll är 3: antal under 3 visas som ”< 3”.",
    );
    expect(office.html).toMatch(
      /data-hidden="primary"><span aria-hidden="true">&lt;\u00a03<\/span>/,
    );
    expect(office.html).not.toMatch(/&lt;\u00a05</);
    expect(officeText).toMatch(/\d+ uppgifter i periodens statistik/);
    expect(office.html).toContain(`href="${SETTINGS}"`);
    // the board sees which threshold applies, but not the way to change it
    const board = await page("/demo/deltagarstatistik?fran=2026-01-01&till=2026-06-30", as.board);
    expect(textOf(board.html)).toContain("Förbundets tröskel för röjandekontroll är 3");
    expect(board.html).not.toContain(`href="${SETTINGS}"`);
  });

  it("refuses a save over someone else's change (409), keeping theirs", async () => {
    const stale = await save({ threshold: "10" });
    expect(stale.status).toBe(409);
    const text = textOf(await stale.text());
    expect(text).toContain("Någon annan har ändrat röjandekontrollen medan du arbetade");
    expect(text).toContain("Hämta det som gäller nu");
    expect((await getDisclosureSettings(t.db, associationId)).threshold).toBe(3);
    const fresh = await save({ version: "1", threshold: "10", allowTrueZero: "ja" });
    expect(fresh.status).toBe(302);
    expect(await getDisclosureSettings(t.db, associationId)).toEqual({
      threshold: 10,
      allowTrueZero: true,
      version: 2,
    });
  });

  it("shows the statistics in English to an English reader, figures and all", async () => {
    // the language cookie rides along with the session cookie (the test app sets the cookies)
    const english = `${as.admin}; ${LANGUAGE_COOKIE}=en`;
    const response = await app.fetch("/demo/deltagarstatistik?fran=2026-01-01&till=2026-06-30", {
      as: english,
    });
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain("The association’s disclosure threshold is 10");
    expect(text).toContain("A true 0 is shown as 0.");
    expect(text).toContain("All individual initiatives");
    expect(html).toContain('<th scope="row">To work and/or studies</th>');
    expect(html).toContain(
      '<caption>Age at start<span class="visually-hidden"> – All individual initiatives</span></caption>',
    );
    expect(text).toMatch(/fewer than 10 people|1–9 people/);
    expect(text).not.toContain("Samtliga individinriktade insatser");
    expect(text).not.toContain("Inskrivna under perioden");
    const settings = textOf(await (await app.fetch(SETTINGS, { as: english })).text());
    expect(settings).toContain("The threshold is 10: counts below 10 are shown as “< 10”.");
  });
});
