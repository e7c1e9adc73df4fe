// Browser journey of a periodic report of the demo's "Tierp, Växtverket": the office's dashboard
// creates the reports and shows the late ones; the initiative lead writes a quarterly report,
// has an incomplete submission refused (the draft is kept, the missing answers link to their
// fields) and submits it; a steering-group member writes 2.6 and comments on a derived answer;
// the office, without JavaScript, registers the arrival and returns the report once, the lead
// completes it, and the office locks it. The locked report offers no edit and refuses a direct
// POST; it leaves the late list, where the other initiatives' late reports stay. Every page is
// checked with axe.
import { and, eq } from "drizzle-orm";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { initiatives } from "../../src/initiatives/schema.ts";
import { STATUS_QUESTIONS } from "../../src/reports/periodic-report-content.ts";
import { getPeriodicReport } from "../../src/reports/periodic-reports.ts";
import { dashboardReports } from "../../src/reports/report-dashboard.ts";
import { periodicReports } from "../../src/reports/schema.ts";
import { checkA11y, checkedPages, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, newContext, signIn } from "./helpers.ts";

const LEAD = "insatsansvarig@demo.samspar.se";
const STEERING = "styrgruppen@demo.samspar.se";
const today = todayInSweden();
/** Each step signs people in and checks long pages with axe: more than one usual step. */
const JOURNEY_TIMEOUT = 2 * E2E_TIMEOUT;

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let associationId = "";
let initiativeId = "";
/** The report the journey writes: Växtverket's latest period that has ended. */
let report = { id: "", periodKey: "", dueDate: "", path: "" };
/** The association's late reports (ids) when the journey began. */
let lateAtStart: string[] = [];
/** Växtverket's late reports when the journey began: one at the demo's today, more later on. */
let ownLateAtStart: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const [vaxtverket] = await server.db
    .select()
    .from(initiatives)
    .where(eq(initiatives.name, "Tierp, Växtverket"));
  if (!vaxtverket) throw new Error("demo initiative missing");
  associationId = vaxtverket.associationId;
  initiativeId = vaxtverket.id;
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

/** One signed-in page per person and JavaScript setting, kept for the whole journey. */
const pages = new Map<string, Page>();
async function signedIn(email: string, javaScript = true): Promise<Page> {
  const key = `${email} ${javaScript}`;
  const known = pages.get(key);
  if (known) return known;
  const context = await newContext(browser, javaScript ? {} : { javaScriptEnabled: false });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server.baseUrl, email, DEMO.password);
  pages.set(key, page);
  return page;
}

/** Clicks a button and waits for the POST it sends and the page it leads to. */
async function act(p: Page, button: Locator): Promise<number> {
  const [response] = await Promise.all([
    p.waitForResponse((r) => r.request().method() === "POST"),
    button.click(),
  ]);
  await p.waitForLoadState("load");
  return response.status();
}

async function notice(p: Page, text: string): Promise<void> {
  await p.locator(".notice", { hasText: text }).waitFor();
}

/** The description list at the top of the report page as term → description. */
const header = async (p: Page) =>
  p
    .locator("main > dl.summary")
    .first()
    .evaluate((dl) => {
      const out: Record<string, string> = {};
      for (const dt of dl.querySelectorAll("dt"))
        out[dt.textContent?.trim() ?? ""] = dt.nextElementSibling?.textContent?.trim() ?? "";
      return out;
    });

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The fieldset of a question or goal on the edit page, by the start of its legend. */
const group = (p: Page, legend: string) =>
  p.getByRole("group", { name: new RegExp(`^${escapeRegExp(legend)}`) });

const row = async (db: TestServer["db"]) => {
  const [r] = await db.select().from(periodicReports).where(eq(periodicReports.id, report.id));
  if (!r) throw new Error("report missing");
  return r;
};

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

describe("a quarterly report from draft to lock", () => {
  it(
    "the office's dashboard creates the reports and shows the late ones",
    async () => {
      const base = server.baseUrl;
      const office = await signedIn(DEMO.admin);
      await office.goto(`${base}/demo/rapporter`);
      await office.getByRole("heading", { level: 1, name: "Rapporter" }).waitFor();
      // the reports of every running initiative exist now, one per period begun
      const all = await dashboardReports(server.db, associationId, "all", today);
      const own = all.filter((r) => r.initiativeId === initiativeId);
      expect(own.length).toBeGreaterThan(1);
      const ended = own.find((r) => r.periodEnd < today && r.status === "utkast");
      if (!ended) throw new Error("no ended period of Växtverket");
      report = {
        id: ended.id,
        periodKey: ended.periodKey,
        dueDate: ended.dueDate,
        path: `/demo/rapporter/${ended.id}`,
      };

      lateAtStart = all.filter((r) => r.overdue).map((r) => r.id);
      ownLateAtStart = own.filter((r) => r.overdue).map((r) => r.id);
      const overdue = lateAtStart.length;
      expect(overdue).toBeGreaterThan(0);
      const review = all.filter((r) => r.status === "inskickad").length;
      expect((await office.locator("#sammanfattning").textContent())?.trim()).toBe(
        `${overdue} ${plural(overdue, "rapport är försenad", "rapporter är försenade")}, ${review ? `${review} väntar på granskning` : "ingen väntar på granskning"}.`,
      );
      // Växtverket's oldest late report (its earlier ones are locked)
      const oldest = own.filter((r) => r.overdue).at(-1);
      if (!oldest) throw new Error("no late report of Växtverket");
      const latest = own[0];
      if (!latest) throw new Error("no report");
      const matrix = office.getByRole("table", { name: /^Rapporter per insats och period/ });
      const columns = await matrix.locator("thead th").allTextContents();
      expect(columns[0]).toBe("Insats");
      expect(columns.length).toBe(7);
      expect(columns[6]).toBe(latest.periodKey);
      expect(
        await matrix
          .getByRole("link", { name: `Tierp, Växtverket, ${latest.periodKey}: Utkast` })
          .count(),
      ).toBe(latest.overdue ? 0 : 1);
      // its row in the late list names the initiative lead, says that no reminder has gone out
      // yet and offers the office one now, named by initiative and period
      const late = office.getByRole("table", { name: /försenade? rapporter?, den äldsta först$/ });
      const lateRow = late.getByRole("row", {
        name: new RegExp(`Tierp, Växtverket.*${oldest.periodKey}`),
      });
      expect(await lateRow.locator("td").allTextContents()).toEqual([
        `Tierp, Växtverket, ${oldest.periodKey}`,
        oldest.dueDate,
        "Leila Haddad",
        "Utkast",
        "Ingen än",
        `Skicka påminnelse om Tierp, Växtverket, ${oldest.periodKey}`,
      ]);
      await checkA11y(office, "reports dashboard");

      // filtered to the late ones: every report shown is late
      await office.getByLabel("Visa rapporter med status").selectOption("forsenad");
      await office.getByRole("button", { name: "Visa", exact: true }).click();
      await office.waitForURL((url) => url.searchParams.get("status") === "forsenad");
      await office.getByRole("link", { name: "Visa alla rapporter" }).waitFor();
      const cells = await matrix.locator("tbody td a").allTextContents();
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.length).toBeLessThanOrEqual(overdue);
      for (const c of cells)
        expect(c).toMatch(/: (Åter, f|F)örsenad \(förföll \d{4}-\d{2}-\d{2}\)$/);

      // the calendar: a refused save at its field, then a saved one with the year's periods
      await office.goto(`${base}/demo/rapporter`);
      await office.getByRole("link", { name: "Ändra rapportkalendern" }).click();
      await office.getByRole("heading", { level: 1, name: "Rapportkalender" }).waitFor();
      expect(
        await group(office, "Rapportperiod").getByLabel("Kvartal", { exact: true }).isChecked(),
      ).toBe(true);
      await checkA11y(office, "reporting calendar");
      await office.getByLabel(/^Påminnelse, antal dagar/).fill("99");
      expect(
        await act(office, office.getByRole("button", { name: "Spara rapportkalendern" })),
      ).toBe(400);
      expect(await office.locator(".error-summary a").getAttribute("href")).toBe(
        "#remindDaysBefore",
      );
      expect(await office.getByLabel(/^Påminnelse, antal dagar/).inputValue()).toBe("99");
      await office.getByLabel(/^Påminnelse, antal dagar/).fill("10");
      await office.getByLabel("Helår").uncheck();
      await act(office, office.getByRole("button", { name: "Spara rapportkalendern" }));
      await notice(office, "Rapportkalendern är sparad.");
      expect(await office.getByLabel(/^Påminnelse, antal dagar/).inputValue()).toBe("10");
      expect(await office.getByLabel("Helår").isChecked()).toBe(false);
      const year = today.slice(0, 4);
      const example = office.getByRole("table", { name: /sparade kalendern/ });
      expect(await example.locator("tbody tr").first().textContent()).toBe(
        `Kvartal 1 ${year} (${year}-K1)${year}-01-01 – ${year}-03-31${year}-04-30`,
      );
      expect(await example.locator("tbody tr").count()).toBe(4);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "the lead has an incomplete submission refused, the draft kept, and then submits",
    async () => {
      expect(report.id, "the report of the test before").not.toBe("");
      const base = server.baseUrl;
      const lead = await signedIn(LEAD);
      await lead.goto(`${base}/demo/rapporter`);
      await lead.getByRole("heading", { level: 2, name: "Nästa steg" }).waitFor();
      await checkA11y(lead, "reports of the lead's initiative");
      await lead
        .getByRole("link", {
          name: `Kvartal ${report.periodKey.slice(-1)} ${report.periodKey.slice(0, 4)}`,
          exact: true,
        })
        .click();
      await lead.waitForURL(`${base}${report.path}`);
      expect(await header(lead)).toMatchObject({
        Status: expect.stringMatching(/^(Utkast|Försenad)/),
      });
      await checkA11y(lead, "periodic report, draft");

      // a draft with 2.1 and one answer
      await lead.getByRole("link", { name: "Skriv eller ändra rapporten" }).click();
      await lead
        .getByRole("heading", { level: 1, name: /^Skriv rapporten: Tierp, Växtverket/ })
        .waitFor();
      await checkA11y(lead, "periodic report form");
      // the derived questions come pre-selected, with what they rest on
      const meetings = group(lead, "Styrgruppsmöten enligt avtal?");
      expect(await meetings.locator("input[type=radio]:checked").count()).toBe(1);
      expect(await meetings.textContent()).toContain("Hämtat från Samspår:");
      await lead
        .getByLabel(/^2\.1 Aktiviteter/)
        .fill("Tolv deltagare har börjat i växthuset.\n- Odling\n- Försäljning");
      await group(lead, "Ligger insatsen i fas").getByLabel("Ja", { exact: true }).check();
      await act(lead, lead.getByRole("button", { name: "Spara utkast" }));
      await notice(lead, "Rapporten är sparad som utkast.");

      // submitting it now is refused: every missing answer links to its field on the form
      expect(await act(lead, lead.getByRole("button", { name: "Skicka in rapporten" }))).toBe(400);
      // the answer has come; the page shows it once React has rendered it
      await lead.locator(".error-summary a").first().waitFor();
      const links = await lead
        .locator(".error-summary a")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      const details = await getPeriodicReport(server.db, associationId, report.id);
      const expected = [
        ...(details?.content.goals ?? []).map((_, i) => `goals.${i}.assessment`),
        ...STATUS_QUESTIONS.filter(
          (q) =>
            !("derived" in q) &&
            q.key !== "inPhase" &&
            !(q.key === "startedOnTime" && details?.startedOnTimeCarried),
        ).map((q) => `answers.${q.key}`),
      ];
      expect(expected.length).toBeGreaterThan(5);
      expect(links.sort()).toEqual(expected.map((k) => `${report.path}/andra#${k}`).sort());
      expect(await lead.locator(".error-summary").textContent()).toContain(
        "Styrgruppens prognos för måluppfyllelse: Svara på frågan ”Styrgruppens prognos för måluppfyllelse” innan du skickar in.",
      );
      // the draft is kept as it was
      const kept = await row(server.db);
      expect(kept.status).toBe("utkast");
      expect((kept.content as { activities: string }).activities).toMatch(/^Tolv deltagare/);
      await checkA11y(lead, "periodic report, refused submission");

      // the link leads to the question; everything answered, saved and submitted at once
      await lead.locator(".error-summary a", { hasText: "Styrgruppens prognos" }).click();
      await lead.waitForURL(`${base}${report.path}/andra#answers.steeringPrognosis`);
      expect(await lead.getByLabel(/^2\.1 Aktiviteter/).inputValue()).toMatch(/^Tolv deltagare/);
      await group(lead, "Mål 1:").getByLabel("I fas", { exact: true }).check();
      await group(lead, "Mål 2:").getByLabel("Risk", { exact: true }).check();
      await lead.getByLabel("Kommentar till mål 2").fill("En vakans under sommaren.");
      for (const q of STATUS_QUESTIONS) {
        if ("derived" in q || q.key === "inPhase") continue;
        if (q.key === "startedOnTime" && details?.startedOnTimeCarried) continue;
        const yes =
          q.key === "steeringPrognosis" || q.key === "startedOnTime" || q.key.endsWith("Checked");
        await group(lead, `${q.label}`)
          .getByLabel(yes ? "Ja" : "Nej", { exact: true })
          .check();
      }
      await group(lead, "Jämställdhet diskuterad")
        .getByLabel("Kommentar", { exact: true })
        .fill("Tas upp på nästa möte.");
      expect(await lead.getByLabel(/^Uppgiftslämnare/).inputValue()).toBe("Leila Haddad");
      await act(lead, lead.getByRole("button", { name: "Spara och skicka in" }));
      await lead.waitForURL(`${base}${report.path}?klart=inskickad`);
      await notice(lead, "Rapporten är inskickad. Förbundet granskar den.");
      const submitted = await header(lead);
      expect(submitted.Status).toBe("Inskickad");
      expect(submitted.Inskickad).toBe(
        report.dueDate < today ? `${today}, efter sista dagen` : today,
      );
      expect(await lead.getByRole("link", { name: "Skriv eller ändra rapporten" }).count()).toBe(0);
      const answers = lead.getByRole("table", { name: "Statusfrågor" });
      expect(
        await answers
          .getByRole("row", { name: /^Jämställdhet diskuterad/ })
          .locator("td")
          .first()
          .textContent(),
      ).toBe("Nej");
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "a steering-group member writes 2.6 and comments on a derived answer",
    async () => {
      const base = server.baseUrl;
      const steering = await signedIn(STEERING);
      await steering.goto(`${base}${report.path}`);
      // the steering group reads and comments, but neither writes the lead's part nor reviews
      expect(await steering.getByRole("button", { name: "Skicka in rapporten" }).count()).toBe(0);
      expect(await steering.getByRole("button", { name: "Skicka tillbaka" }).count()).toBe(0);
      await steering.getByRole("link", { name: "Skriv styrgruppens analys (2.6)" }).click();
      await steering.getByRole("heading", { level: 1, name: /^Styrgruppens analys:/ }).waitFor();
      await checkA11y(steering, "steering group analysis form");
      await steering.getByLabel(/^Måluppfyllelse/).fill("Målen nås i stort. Mål 2 följs särskilt.");
      await steering.getByLabel(/^Budget/).fill("Budgeten håller.");
      await steering.getByLabel(/^Skriven av/).fill("Johan Ek, ordförande");
      await act(steering, steering.getByRole("button", { name: "Spara styrgruppens analys" }));
      await notice(steering, "Styrgruppens analys är sparad.");
      const analysis = steering.locator("section", {
        has: steering.getByRole("heading", { level: 3, name: "Måluppfyllelse" }),
      });
      expect(await analysis.textContent()).toContain("Målen nås i stort.");
      expect(await steering.getByText(`Skriven av Johan Ek, ordförande, ${today}.`).count()).toBe(
        1,
      );

      await steering
        .getByLabel("Kommentaren gäller")
        .selectOption({ label: "Styrgruppsmöten enligt avtal?" });
      await steering
        .getByRole("textbox", { name: /^Kommentar/ })
        .fill("Mötet i augusti ställdes in.");
      await act(steering, steering.getByRole("button", { name: "Spara kommentaren" }));
      await notice(steering, "Kommentaren är sparad.");
      const meetingsRow = steering
        .getByRole("table", { name: "Statusfrågor" })
        .getByRole("row", { name: /^Styrgruppsmöten enligt avtal\?/ });
      expect(await meetingsRow.textContent()).toContain("Johan Ek");
      expect(await meetingsRow.textContent()).toContain("Mötet i augusti ställdes in.");
      await checkA11y(steering, "periodic report, submitted, as the steering group");
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "the office, without JavaScript, registers the arrival and returns the report once",
    async () => {
      const base = server.baseUrl;
      const office = await signedIn(DEMO.admin, false);
      await office.goto(`${base}${report.path}`);
      await office.getByRole("heading", { level: 2, name: "Granskning" }).waitFor();
      // the lock waits for the registration
      expect(await office.getByRole("button", { name: "Godkänn och lås rapporten" }).count()).toBe(
        0,
      );
      expect(await office.getByLabel(/^Ankomstdatum/).inputValue()).toBe(today);
      expect(await office.getByLabel(/^Dina initialer/).inputValue()).toBe("ML");
      await checkA11y(office, "periodic report to review (no JS)");
      await act(office, office.getByRole("button", { name: "Registrera ankomsten" }));
      const registered = await row(server.db);
      expect(registered.registryNumber).toMatch(/^\d{4}\/\d+$/);
      await notice(
        office,
        `Ankomsten är registrerad med diarienummer ${registered.registryNumber}.`,
      );
      expect(await header(office)).toMatchObject({
        Diarienummer: registered.registryNumber,
        Ankomstdatum: today,
        "Mottagen av": "ML",
      });

      await office
        .getByLabel(/^Vad ska kompletteras\?/)
        .fill("Komplettera 2.3 med hur deltagarna bidrog.");
      await act(office, office.getByRole("button", { name: "Skicka tillbaka" }));
      await notice(office, "Rapporten är skickad tillbaka för komplettering.");
      expect((await header(office)).Status).toBe(
        report.dueDate < today
          ? `Åter för komplettering, försenad (förföll ${report.dueDate})`
          : "Åter för komplettering",
      );
      expect((await row(server.db)).status).toBe("aterskickad");
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "the lead completes the report and submits it again",
    async () => {
      const base = server.baseUrl;
      const lead = await signedIn(LEAD);
      // the returned report comes first among what the lead must do
      await lead.goto(`${base}/demo/rapporter`);
      const next = lead.getByRole("region", { name: "Nästa steg" });
      expect(await next.locator("p").first().textContent()).toMatch(
        /^Förbundet har skickat tillbaka rapporten för Tierp, Växtverket, Kvartal \d \d{4}\. Komplettera den/,
      );
      await next
        .getByRole("link", { name: `Komplettera rapporten för ${report.periodKey}` })
        .click();
      await lead.waitForURL(`${base}${report.path}/andra`);
      await lead.goto(`${base}${report.path}`);
      const returned = lead.getByRole("note", { name: "Förbundet har skickat tillbaka rapporten" });
      expect(await returned.textContent()).toContain("Komplettera 2.3 med hur deltagarna bidrog.");
      await lead.getByRole("link", { name: "Skriv eller ändra rapporten" }).click();
      // with JavaScript the address changes before the form has rendered: wait for the form
      await lead
        .getByRole("heading", { level: 1, name: /^Skriv rapporten: Tierp, Växtverket/ })
        .waitFor();
      await lead
        .getByLabel(/^2\.3 Brukarmedverkan/)
        .fill("Fokusgrupp i september; två förslag infördes.");
      await act(lead, lead.getByRole("button", { name: "Spara och skicka in" }));
      await notice(lead, "Rapporten är inskickad igen.");
      expect((await header(lead)).Status).toBe("Inskickad");
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "the office, without JavaScript, locks it; nobody can change it afterwards",
    async () => {
      const base = server.baseUrl;
      const office = await signedIn(DEMO.admin, false);
      await office.goto(`${base}${report.path}`);
      await act(office, office.getByRole("button", { name: "Godkänn och lås rapporten" }));
      await notice(office, "Rapporten är godkänd och låst.");
      expect((await header(office)).Status).toBe("Låst");
      expect(await office.getByRole("heading", { name: "Granskning" }).count()).toBe(0);
      const history = office.getByRole("table", { name: "Versioner" });
      const events = await history
        .locator("tbody tr")
        .evaluateAll((rows) =>
          rows.map((r) => r.querySelectorAll("td")[3]?.firstChild?.textContent ?? ""),
        );
      expect(events.at(-1)).toBe("Skapad");
      expect(events.slice(0, 9)).toEqual([
        "Godkänd och låst",
        "Inskickad igen",
        "Sparad",
        "Skickad tillbaka för komplettering",
        "Ankomst registrerad",
        "Styrgruppens analys sparad",
        "Inskickad",
        "Sparad",
        "Sparad",
      ]);
      await checkA11y(office, "periodic report, locked (no JS)");

      // the lead gets no edit, and a direct POST to the edit page is refused
      const lead = await signedIn(LEAD);
      await lead.goto(`${base}${report.path}`);
      expect(await lead.getByRole("link", { name: "Skriv eller ändra rapporten" }).count()).toBe(0);
      expect(await lead.getByRole("button", { name: /Skicka in/ }).count()).toBe(0);
      const before = await row(server.db);
      const edit = await lead.goto(`${base}${report.path}/andra`);
      expect(edit?.status()).toBe(200);
      await lead.getByRole("heading", { level: 1, name: "Rapporten kan inte ändras" }).waitFor();
      await checkA11y(lead, "locked report's edit page");
      const token = await lead.locator('input[name="_csrf"]').first().inputValue();
      const post = await lead.request.post(`${base}${report.path}/andra`, {
        form: {
          _csrf: token,
          version: String(before.version),
          activities: "Ändrad i efterhand",
          intent: "save",
        },
        maxRedirects: 0,
      });
      expect(post.status()).toBe(400);
      const after = await row(server.db);
      expect(after.version).toBe(before.version);
      expect((after.content as { activities: string }).activities).toMatch(/^Tolv deltagare/);
      // nor can the steering group change 2.6
      const steering = await signedIn(STEERING);
      await steering.goto(`${base}${report.path}/styrgrupp`);
      await steering
        .getByRole("heading", { level: 1, name: "Rapporten kan inte ändras" })
        .waitFor();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "the dashboard shows the locked report, no longer late, and the other late ones",
    async () => {
      expect(lateAtStart, "the journey's report was late when it began").toContain(report.id);
      const base = server.baseUrl;
      const office = await signedIn(DEMO.admin);
      await office.goto(`${base}/demo/rapporter`);
      const matrix = office.getByRole("table", { name: /^Rapporter per insats och period/ });
      await matrix
        .getByRole("link", { name: `Tierp, Växtverket, ${report.periodKey}: Låst` })
        .waitFor();
      // the locked report has left the late ones; the other initiatives' late reports remain
      const all = await dashboardReports(server.db, associationId, "all", today);
      const late = all.filter((r) => r.overdue);
      expect(late.map((r) => r.id).sort()).toEqual(
        lateAtStart.filter((id) => id !== report.id).sort(),
      );
      // Växtverket keeps only the late reports it had besides the journey's (none at the
      // demo's today; the periods that have ended since, when the calendar has moved on)
      const ownLate = late.filter((r) => r.initiativeId === initiativeId);
      expect(ownLate.map((r) => r.id).sort()).toEqual(
        ownLateAtStart.filter((id) => id !== report.id).sort(),
      );
      expect((await office.locator("#sammanfattning").textContent())?.trim()).toMatch(
        new RegExp(
          `^${late.length} ${plural(late.length, "rapport är försenad", "rapporter är försenade")},`,
        ),
      );
      const shown = await office
        .getByRole("table", { name: /den äldsta först$/ })
        .locator("tbody td a")
        .allTextContents();
      expect(shown.sort()).toEqual(late.map((r) => `${r.initiativeName}, ${r.periodKey}`).sort());
      expect(shown).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Enköping, Steget vidare, \d{4}-K\d$/),
          expect.stringMatching(/^Uppsala, Kompetenslyft samverkan, \d{4}-K\d$/),
        ]),
      );
      expect(shown.filter((s) => s.startsWith("Tierp, Växtverket"))).toEqual(
        ownLate.map((r) => `Tierp, Växtverket, ${r.periodKey}`).sort(),
      );
      expect(shown).not.toContain(`Tierp, Växtverket, ${report.periodKey}`);
      const locked = await server.db
        .select()
        .from(periodicReports)
        .where(
          and(eq(periodicReports.initiativeId, initiativeId), eq(periodicReports.status, "last")),
        );
      expect(locked.map((r) => r.id)).toContain(report.id);
      expect(checkedPages).toEqual(
        expect.arrayContaining([
          "reports dashboard",
          "reporting calendar",
          "periodic report, draft",
          "periodic report form",
          "steering group analysis form",
        ]),
      );
    },
    JOURNEY_TIMEOUT,
  );
});
