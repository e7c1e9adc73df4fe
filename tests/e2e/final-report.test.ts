// Browser journey of a final report: the lead of "Tierp, Växtverket" starts it from the
// initiative, is told what is missing when submitting too early, fills it in and submits it,
// and the initiative is closed (Avslutad). The office, without JavaScript, accepts and locks it,
// and meets a conflict on another report that someone else saved meanwhile.
// Every page is checked with axe.
import { eq } from "drizzle-orm";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { initiatives } from "../../src/initiatives/schema.ts";
import {
  createFinalReport,
  finalReportInputOf,
  getFinalReport,
  saveFinalReport,
} from "../../src/reports/final-reports.ts";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, signIn } from "./helpers.ts";

const LEAD = "insatsansvarig@demo.samspar.se";
const PARTIES = ["Tierps kommun", "Arbetsförmedlingen", "Försäkringskassan", "Region Uppsala"];
const today = todayInSweden();
const actor = { userId: null, label: "e2e" };

let server: TestServer;
let browser: Browser;
let reportPath = "";
let registryNumber = "";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Clicks a button and waits for the POST it sends and the page it leads to. */
async function act(p: Page, button: Locator): Promise<number> {
  const [response] = await Promise.all([
    p.waitForResponse((r) => r.request().method() === "POST"),
    button.click(),
  ]);
  await p.waitForLoadState("load");
  return response.status();
}

/** The description list at the top of a page as term → description. */
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

describe("a final report", () => {
  it(
    "the lead starts it from the initiative, fills it in and submits it, which closes the initiative",
    async () => {
      const base = server.baseUrl;
      const context = await newContext(browser);
      const page = await context.newPage();
      try {
        await signIn(page, base, LEAD, DEMO.password);
        await page
          .getByRole("navigation", { name: "Huvudmeny" })
          .getByRole("link", { name: "Insatser" })
          .click();
        await page.getByRole("link", { name: "Tierp, Växtverket" }).click();
        await page.getByRole("heading", { level: 1, name: "Tierp, Växtverket" }).waitFor();
        const initiativePath = new URL(page.url()).pathname;

        // the way in explains, and starts the report with the initiative's facts
        await page.getByRole("link", { name: "Slutrapport", exact: true }).click();
        await page
          .getByRole("heading", { level: 1, name: "Slutrapport för Tierp, Växtverket" })
          .waitFor();
        await hydrated(page);
        await checkA11y(page, "final report start");
        await act(page, page.getByRole("button", { name: "Påbörja slutrapporten" }));
        await page.locator(".notice", { hasText: "Slutrapporten är påbörjad." }).waitFor();
        reportPath = new URL(page.url()).pathname;
        expect(reportPath).toMatch(/^\/demo\/slutrapporter\/[0-9a-f-]{36}$/);
        expect(await header(page)).toMatchObject({
          Status: "Utkast",
          Diarienummer: "Får diarienummer när rapporten skickas in",
          "Insatsens status": "Pågående",
        });
        expect(await page.getByRole("link", { name: "Ladda ner PDF" }).getAttribute("href")).toBe(
          `${reportPath}/dokument?format=pdf`,
        );
        await checkA11y(page, "final report draft");

        // submitting too early lists what is missing, each linking to its field
        await act(page, page.getByRole("button", { name: "Skicka in slutrapporten" }));
        const summary = page.getByRole("alert");
        await summary.waitFor();
        expect(await summary.getByRole("link").count()).toBe(
          2 /* goals */ + 3 /* counts */ + 1 /* end */ + 4 /* lessons */ + 8 /* signatures */,
        );
        await checkA11y(page, "final report refused submission");
        await summary.getByRole("link", { name: /Ange om mål 1 uppnåddes/ }).click();
        await page.waitForURL(`${base}${reportPath}/andra#goals.0.achieved`);
        await page.getByRole("heading", { level: 1, name: /Ändra slutrapporten/ }).waitFor();
        await hydrated(page);
        await checkA11y(page, "final report edit");

        // the form: each goal, the time, the participants, lessons and signatures per party
        const goal = (n: number) => page.getByRole("group", { name: new RegExp(`^Mål ${n}:`) });
        await goal(1).getByLabel("Delvis").check();
        await goal(1)
          .getByLabel(/^Utfall$/)
          .fill("De flesta fick en handlingsplan.");
        await goal(1)
          .getByLabel(/^Utfall i siffror/)
          .fill("18 av 24");
        await goal(2).getByLabel("Ja").check();
        await page.getByLabel(/^Faktiskt slut/).fill(today);
        await page.getByLabel(/^Kvinnor/).fill("14");
        await page.getByLabel(/^Män/).fill("9");
        await page.getByLabel(/^Annat eller ej angivet kön/).fill("1");
        await page
          .getByLabel("Hur har insatsen resonerat och arbetat med jämställdhet och jämlikhet?")
          .fill("Vi följde könsfördelningen.");
        await page
          .getByRole("group", { name: "Har medel återförts till förbundet?" })
          .getByLabel("Ja")
          .check();
        await page.getByLabel(/^Återfört belopp i kronor/).fill("25 000");
        for (const party of PARTIES) {
          await page.getByLabel(`Lärdomar för ${party}`).fill(`${party} lärde sig att samverka.`);
          const signature = page.getByRole("group", { name: `Underskrift för ${party}` });
          await signature.getByLabel(/^Namn på den som skrev under/).fill(`Chef på ${party}`);
          await signature.getByLabel(/^Datum för underskriften/).fill(today);
        }
        await act(
          page,
          page.getByRole("main").getByRole("button", { name: "Spara slutrapporten" }),
        );
        await page.locator(".notice", { hasText: "Slutrapporten är sparad." }).waitFor();
        const returned = page.locator("main dl.summary", {
          has: page.getByText("Återfört belopp i kronor"),
        });
        expect(await returned.textContent()).toContain("25\u00a0000\u00a0kr");

        // submitted: a diarienummer, and the initiative is closed
        await act(page, page.getByRole("button", { name: "Skicka in slutrapporten" }));
        const notice = page.locator(".notice", { hasText: "Slutrapporten är inskickad" });
        await notice.waitFor();
        expect(await notice.textContent()).toMatch(/Insatsen är avslutad\./);
        const submitted = await header(page);
        registryNumber = submitted.Diarienummer ?? "";
        expect(registryNumber).toMatch(new RegExp(`^${today.slice(0, 4)}/\\d+$`));
        expect(submitted).toMatchObject({
          Status: "Inskickad",
          Inkom: today,
          "Insatsens status": "Avslutad",
        });
        // no longer the lead's to change
        expect(await page.getByRole("link", { name: "Ändra slutrapporten" }).count()).toBe(0);
        await checkA11y(page, "final report submitted");

        await page.getByRole("link", { name: "Tillbaka till insatsen" }).click();
        await page.waitForURL(`${base}${initiativePath}`);
        // with JavaScript the address changes before the page has rendered: wait for it
        await page.getByRole("heading", { level: 2, name: "Uppföljning" }).waitFor();
        expect(await header(page)).toMatchObject({ Status: "Avslutad", Slutdatum: today });
        // the way in from the initiative now leads to the report
        await page.getByRole("link", { name: "Slutrapport", exact: true }).click();
        await page.getByRole("link", { name: "Gå till slutrapporten" }).click();
        await page.waitForURL(`${base}${reportPath}`);
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    "the office accepts and locks it without JavaScript, and meets a conflict on another report",
    async () => {
      expect(reportPath, "the report of the test before").not.toBe("");
      const base = server.baseUrl;
      const context = await newContext(browser, { javaScriptEnabled: false });
      try {
        const office = await context.newPage();
        await signIn(office, base, DEMO.admin, DEMO.password);
        await office.goto(`${base}${reportPath}`);
        await office.getByRole("heading", { level: 2, name: "Granska slutrapporten" }).waitFor();
        await checkA11y(office, "final report to review (no JS)");
        await act(office, office.getByRole("button", { name: "Godkänn och lås" }));
        await office
          .locator(".notice", { hasText: "Slutrapporten är godkänd och låst." })
          .waitFor();
        expect(await header(office)).toMatchObject({
          Status: "Granskad och låst",
          Diarienummer: registryNumber,
        });
        expect(await office.getByRole("button", { name: "Godkänn och lås" }).count()).toBe(0);
        const history = office.getByRole("table", { name: /Alla sparade versioner/ });
        expect(await history.locator("tbody tr td:nth-child(2)").allTextContents()).toEqual([
          "Godkänd och låst",
          "Inskickad",
          "Sparad",
          "Påbörjad",
        ]);
        await checkA11y(office, "final report locked (no JS)");
        // the edit page says it cannot be changed
        await office.goto(`${base}${reportPath}/andra`);
        await office
          .getByRole("heading", { level: 1, name: "Slutrapporten kan inte ändras nu" })
          .waitFor();

        // another report, saved by someone else while the office writes: nothing is
        // overwritten, the page shows their change and keeps what was typed
        const [larcentrum] = await server.db
          .select()
          .from(initiatives)
          .where(eq(initiatives.name, "Uppsala, Lärcentrum digitalt"));
        if (!larcentrum) throw new Error("demo initiative missing");
        const other = await createFinalReport(
          server.db,
          actor,
          larcentrum.associationId,
          larcentrum.id,
        );
        await office.goto(`${base}/demo/slutrapporter/${other.id}/andra`);
        await office.getByLabel("Hur har behovet förändrats?").fill("Behovet har minskat.");
        const saved = await getFinalReport(server.db, larcentrum.associationId, other.id);
        if (!saved) throw new Error("report missing");
        await saveFinalReport(server.db, actor, larcentrum.associationId, other.id, 1, {
          ...finalReportInputOf(saved.content),
          changedNeed: "Behovet har ökat.",
        });
        expect(await act(office, office.getByRole("button", { name: "Spara slutrapporten" }))).toBe(
          409,
        );
        const conflict = office.getByRole("region", {
          name: "Någon annan har ändrat slutrapporten",
        });
        expect(await conflict.getByRole("heading", { level: 3 }).allTextContents()).toEqual([
          "Förändrat behov",
        ]);
        expect(await conflict.getByRole("listitem").allTextContents()).toEqual([
          "Behovet har ökat.",
        ]);
        expect(await office.getByLabel("Hur har behovet förändrats?").inputValue()).toBe(
          "Behovet har minskat.",
        );
        await checkA11y(office, "final report edit conflict (no JS)");
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
