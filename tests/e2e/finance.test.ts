// Browser journey through the association's money, as the office: enters a year's funds with
// population keys (a text in a key is refused at its field first) and sees the split add up to
// the total; sets the normal band; overrides an initiative's prognosis (refused without a
// comment, then saved with one and shown in the history); and downloads the year's workbook,
// whose split and sums equal the page's. Every page is checked with axe.
import { Workbook } from "@cj-tech-master/excelts";
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { initiatives } from "../../src/initiatives/schema.ts";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, signIn } from "./helpers.ts";

const thisYear = Number(todayInSweden().slice(0, 4));
/** The year whose funds are entered: next year, which the demo has no money for. */
const fundsYear = thisYear + 1;
/** A year whose periods have all ended, for the prognosis. */
const pastYear = thisYear - 1;

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let moneyPath = "";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const [vaxtverket] = await server.db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(eq(initiatives.name, "Tierp, Växtverket"));
  if (!vaxtverket) throw new Error("demo initiative missing");
  moneyPath = `/demo/insatser/${vaxtverket.id}/ekonomi?ar=${pastYear}`;
  context = await newContext(browser);
  page = await context.newPage();
  await signIn(page, server.baseUrl, DEMO.admin, DEMO.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Clicks a form's button and waits for the POST it makes; answers its status. */
async function act(p: Page, button: Locator): Promise<number> {
  const [response] = await Promise.all([
    p.waitForResponse((r) => r.request().method() === "POST"),
    button.click(),
  ]);
  await p.waitForLoadState("load");
  return response.status();
}

const notice = (p: Page, text: string) => p.locator(".notice", { hasText: text }).waitFor();
const button = (p: Page, name: string) => p.getByRole("main").getByRole("button", { name });
/** "12 500 001 kr" (with no-break spaces, maybe a minus sign) → 12500001. */
const kronor = (text: string | null) =>
  Number((text ?? "").replace(/[\s\u00a0kr]/g, "").replace("\u2212", "-"));

describe("the association's money, as the office", () => {
  it(
    "enters a year's funds with population keys and sees the split add up to the total",
    async () => {
      await page.goto(`${server.baseUrl}/demo/ekonomi?ar=${fundsYear}`);
      await hydrated(page);
      await page.getByRole("heading", { level: 1, name: `Ekonomi ${fundsYear}` }).waitFor();
      await checkA11y(page, "the year's money before the funds are entered");
      await page.getByRole("link", { name: `Ändra förbundets medel för ${fundsYear}` }).click();
      await page
        .getByRole("heading", { level: 1, name: `Förbundets medel ${fundsYear}` })
        .waitFor();
      await hydrated(page);
      await checkA11y(page, "the year's funds form");

      await page.getByLabel(/^Tilldelade medel för året/).fill("12 500 001");
      await page.getByLabel(/^Eget kapital vid årets början/).fill("−150 000");
      await page.getByLabel(/^Administrativa kostnader, budget/).fill("900 000");
      const populations: Record<string, string> = {
        "Uppsala kommun": "242 140",
        "Enköpings kommun": "47 000",
        "Tierps kommun": "21 000",
        "Östhammars kommun": "22 000",
        "Knivsta kommun": "20 000",
        "Heby kommun": "14 000",
      };
      for (const [name, value] of Object.entries(populations))
        await page.getByLabel(`Nyckel för ${name}`).fill(value);
      // a word in a key: refused at that field, what was typed stays
      await page.getByLabel("Nyckel för Heby kommun").fill("fjortontusen");
      expect(await act(page, button(page, "Spara förbundets medel"))).toBe(400);
      const error = page.locator(".field--error", { hasText: "Nyckel för Heby kommun" });
      await error.locator(".field__error").waitFor();
      expect(await error.locator(".field__error").textContent()).toMatch(
        /Skriv nyckeln för Heby kommun som ett heltal/,
      );
      expect(await page.getByLabel("Nyckel för Uppsala kommun").inputValue()).toBe("242 140");
      await checkA11y(page, "the year's funds form with a refused key");

      await page.getByLabel("Nyckel för Heby kommun").fill("14 000");
      await act(page, button(page, "Spara förbundets medel"));
      await notice(page, `Förbundets medel för ${fundsYear} är sparade.`);
      const table = page.getByRole("table", { name: `Tilldelade medel ${fundsYear} per medlem` });
      await table.waitFor();
      const amounts = await table
        .locator("tbody tr td:last-child")
        .evaluateAll((tds) => tds.map((td) => td.textContent ?? ""));
      const parts = amounts.map(kronor);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(12_500_001);
      const total = await table.locator("tfoot td").last().textContent();
      expect(kronor(total)).toBe(12_500_001);
      const row = (name: string) =>
        table
          .getByRole("row", { name: new RegExp(`^${name}`) })
          .locator("td")
          .last();
      // ½ with the odd krona: 6 250 001; Arbetsförmedlingen pays nothing
      expect(kronor(await row("Försäkringskassan").textContent())).toBe(6_250_001);
      expect(kronor(await row("Arbetsförmedlingen").textContent())).toBe(0);
      expect(kronor(await row("Region Uppsala").textContent())).toBe(3_125_000);
      await checkA11y(page, "the year's money with the split");
    },
    E2E_TIMEOUT,
  );

  it(
    "sets the normal band",
    async () => {
      await page.goto(`${server.baseUrl}/demo/ekonomi/installningar`);
      await hydrated(page);
      await page
        .getByRole("heading", { level: 1, name: "Normalintervall för förbrukningskvoten" })
        .waitFor();
      await checkA11y(page, "the normal band");
      await page.getByLabel(/^Nedre gräns/).fill("90");
      await page.getByLabel(/^Övre gräns/).fill("85");
      expect(await act(page, button(page, "Spara normalintervallet"))).toBe(400);
      await page.locator("#high-error").waitFor();
      expect(await page.locator("#high-error").textContent()).toBe(
        "Den övre gränsen (85 %) får inte vara lägre än den nedre (90 %).",
      );
      await page.getByLabel(/^Nedre gräns/).fill("75");
      await page.getByLabel(/^Övre gräns/).fill("115");
      await act(page, button(page, "Spara normalintervallet"));
      await notice(page, "Normalintervallet är sparat.");
      await page.getByRole("heading", { level: 1, name: `Ekonomi ${thisYear}` }).waitFor();
      // the definitions on the year's page name the new band
      await page.locator("summary", { hasText: "Vad siffrorna betyder" }).click();
      await page.getByText("Normalintervall: 75–115\u00a0%.").waitFor();
      await checkA11y(page, "the year's money after the band is set");
    },
    E2E_TIMEOUT,
  );

  it(
    "overrides an initiative's prognosis with a comment",
    async () => {
      await page.goto(server.baseUrl + moneyPath);
      await hydrated(page);
      await page.getByRole("heading", { level: 1, name: "Ekonomi: Tierp, Växtverket" }).waitFor();
      await checkA11y(page, "an initiative's money");
      await page.getByRole("radio", { name: "Bevaka" }).check();
      // only spaces: the browser lets it through (the field is required), the server refuses it
      await page.getByLabel(/^Kommentar/).fill("   ");
      expect(await act(page, button(page, "Spara prognosen"))).toBe(400);
      await page.locator("#override-comment-error").waitFor();
      expect(await page.locator("#override-comment-error").textContent()).toBe(
        "Skriv varför prognosen ska vara en annan än den föreslagna. Kommentaren krävs.",
      );
      await checkA11y(page, "an initiative's money with a refused override");

      await page
        .getByLabel(/^Kommentar/)
        .fill("Två coacher slutade under hösten; rekrytering pågår.");
      await act(page, button(page, "Spara prognosen"));
      await notice(page, "Prognosen är sparad.");
      const history = page.getByRole("table", { name: "Kansliets prognoser, senaste först" });
      await history.waitFor();
      const text = (await history.locator("tbody tr").first().textContent()) ?? "";
      expect(text).toContain(`${pastYear}-K4`);
      expect(text).toContain("Bevaka");
      expect(text).toContain("Två coacher slutade under hösten; rekrytering pågår.");
      await page.getByText("kansliets bedömning (Maria Lindqvist").waitFor();
      await checkA11y(page, "an initiative's money with the office's prognosis");
    },
    E2E_TIMEOUT,
  );

  it(
    "downloads the year's workbook with the same figures as the page",
    async () => {
      await page.goto(`${server.baseUrl}/demo/ekonomi?ar=${fundsYear}`);
      await hydrated(page);
      const link = page.getByRole("link", { name: `Ekonomin ${fundsYear} som arbetsbok (XLSX)` });
      const href = await link.getAttribute("href");
      expect(href).toBe(`/demo/ekonomi/arbetsbok?ar=${fundsYear}`);
      const download = await page.request.get(server.baseUrl + href);
      expect(download.status()).toBe(200);
      expect(download.headers()["content-type"]).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      expect(download.headers()["content-disposition"]).toBe(
        `attachment; filename="ekonomi-demo-${fundsYear}.xlsx"`,
      );
      const wb = new Workbook();
      await wb.xlsx.load(await download.body());
      const ws = wb.getWorksheet("Förbundet");
      if (!ws) throw new Error("no sheet Förbundet");
      // every member's part on the page is the workbook's, in the same order
      const table = page.getByRole("table", { name: `Tilldelade medel ${fundsYear} per medlem` });
      const pageRows = await table
        .locator("tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => [
            tr.querySelector("th")?.textContent ?? "",
            tr.querySelector("td:last-child")?.textContent ?? "",
          ]),
        );
      pageRows.forEach(([name, amount], i) => {
        expect(ws.getCell(`A${i + 2}`).value).toBe(name);
        expect(ws.getCell(`E${i + 2}`).value).toBe(kronor(amount ?? ""));
      });
      const sum = ws.getCell(`E${pageRows.length + 2}`).value as {
        formula: string;
        result: number;
      };
      expect(sum.formula).toBe(`SUM(E2:E${pageRows.length + 1})`);
      expect(sum.result).toBe(12_500_001);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        "Förbundet",
        "Budget",
        "Utfall",
        "Rekvisitioner",
        "Återförda medel",
      ]);
      const csv = await page.request.get(
        `${server.baseUrl}/demo/ekonomi/nationella-uppgifter?ar=${fundsYear}&format=csv`,
      );
      expect(csv.status()).toBe(200);
      expect(await csv.text()).toContain("Tilldelade medel;;Summa tilldelade medel;12500001;kr");
    },
    E2E_TIMEOUT,
  );
});
