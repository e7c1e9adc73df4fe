// Browser journey of a deviation report: the lead of "Tierp, Växtverket" writes an extension
// request (refused first for what is missing, then completed on the edit page) and submits it;
// a board member, without JavaScript, approves it as the board; the initiative's page shows
// the new end date. axe checks the list, the new page, the report and the edit page.
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { initiatives } from "../../src/initiatives/schema.ts";
import { getDeviationReport, saveDeviationReport } from "../../src/reports/deviation-reports.ts";
import { checkA11y, checkedPages, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, pathOf, signIn } from "./helpers.ts";

const LEAD = "insatsansvarig@demo.samspar.se";
const BOARD = "styrelsen@demo.samspar.se";
const NEW_END = "2028-06-30";

let server: TestServer;
let browser: Browser;
let lead: BrowserContext;
let board: BrowserContext;
let page: Page;
let initiativeId = "";
let associationId = "";
let reportPath = "";
const today = todayInSweden();
/** Diarienummer run per year of arrival: the report arrives today. */
const year = today.slice(0, 4);

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const [vaxtverket] = await server.db
    .select()
    .from(initiatives)
    .where(eq(initiatives.name, "Tierp, Växtverket"));
  initiativeId = vaxtverket?.id ?? "";
  associationId = vaxtverket?.associationId ?? "";
  expect(vaxtverket?.endDate).toBe("2027-12-31");
  lead = await newContext(browser);
  page = await lead.newPage();
  await signIn(page, server.baseUrl, LEAD, DEMO.password);
});

afterAll(async () => {
  await board?.close();
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

const reportId = () => reportPath.split("/").pop() ?? "";

const formOf = (p: Page, intent: string) =>
  p.locator("form", { has: p.locator(`input[name="intent"][value="${intent}"]`) });

describe("a deviation report from draft to decision", () => {
  it(
    "the lead writes an extension request and submits it",
    async () => {
      const base = server.baseUrl;
      await page.goto(`${base}/demo/avvikelser`);
      await hydrated(page);
      await checkA11y(page, "deviation list");
      expect(await page.getByText("Det finns inga avvikelserapporter än.").count()).toBe(1);
      await page.getByRole("link", { name: "Ny avvikelserapport" }).click();
      await page.waitForURL(`${base}/demo/avvikelser/ny`);
      await hydrated(page);
      await checkA11y(page, "new deviation report");
      // the lead's only running initiative is chosen already
      expect(await page.getByLabel(/^Insats/).inputValue()).toBe(initiativeId);

      await page.getByRole("checkbox", { name: "Tidsplan" }).check();
      await page
        .getByLabel(/^Beskrivning av avvikelsen/)
        .fill("Rekryteringen av trädgårdsmästare tog fyra månader längre än planerat.");
      await page.getByLabel(/^Orsak/).fill("Få sökande.");
      await page.getByLabel(/^Åtgärder/).fill("Vi begär förlängning inom budgeten.");
      await page.getByRole("radio", { name: "Förlängning av insatstiden inom budgeten" }).check();
      await page.getByLabel(/^Nytt slutdatum eller dag för avslut/).fill(NEW_END);
      await act(page, page.getByRole("button", { name: "Spara som utkast" }));
      await page.locator(".notice", { hasText: "Utkastet är sparat" }).waitFor();
      reportPath = new URL(page.url()).pathname;
      expect(reportPath).toMatch(/^\/demo\/avvikelser\/[0-9a-f-]{36}$/);
      await checkA11y(page, "deviation report (draft)");

      // the consequence is missing: the submission says so, linking to the field
      expect(
        await act(
          page,
          formOf(page, "submit").getByRole("button", { name: "Skicka in rapporten" }),
        ),
      ).toBe(400);
      const summary = page.locator(".error-summary");
      await summary.waitFor();
      const link = summary.getByRole("link");
      expect(await link.textContent()).toBe(
        "Konsekvens: Beskriv vilka konsekvenser avvikelsen får.",
      );
      expect(await link.getAttribute("href")).toBe(`${reportPath}/andra#consequence`);

      await link.click();
      await page.waitForURL(`${base}${reportPath}/andra#consequence`);
      await hydrated(page);
      await checkA11y(page, "deviation report edit");
      // what was saved is in the form
      expect(await page.getByRole("checkbox", { name: "Tidsplan" }).isChecked()).toBe(true);
      expect(await page.getByLabel(/^Nytt slutdatum eller dag för avslut/).inputValue()).toBe(
        NEW_END,
      );
      // meanwhile the office corrects the cause: the lead's save is refused and shows it
      const saved = await getDeviationReport(server.db, associationId, reportId());
      if (!saved) throw new Error("the report is missing");
      await saveDeviationReport(
        server.db,
        { userId: null, label: "kansliet" },
        associationId,
        saved.id,
        saved.version,
        { ...saved, cause: "Få sökande med trädgårdsutbildning." },
      );
      await page.getByLabel(/^Konsekvens/).fill("Färre deltagare hinner gå igenom insatsen.");
      expect(await act(page, page.getByRole("button", { name: "Spara utkastet" }))).toBe(409);
      const conflict = page.locator("#konflikt");
      await conflict.waitFor();
      expect(await conflict.getByRole("heading", { level: 3 }).allTextContents()).toEqual([
        "Orsak",
      ]);
      expect(await conflict.textContent()).toContain("Få sökande med trädgårdsutbildning.");
      // what was typed is kept
      expect(await page.getByLabel(/^Konsekvens/).inputValue()).toBe(
        "Färre deltagare hinner gå igenom insatsen.",
      );
      await checkA11y(page, "deviation report edit with conflict");
      await conflict.getByRole("link", { name: "Hämta den senaste versionen" }).click();
      await page.waitForURL(`${base}${reportPath}/andra`);
      await hydrated(page);
      expect(await page.getByLabel(/^Orsak/).inputValue()).toBe(
        "Få sökande med trädgårdsutbildning.",
      );
      await page.getByLabel(/^Konsekvens/).fill("Färre deltagare hinner gå igenom insatsen.");
      await act(page, page.getByRole("button", { name: "Spara utkastet" }));
      await page.locator(".notice", { hasText: "Ändringarna är sparade." }).waitFor();
      expect(pathOf(page)).toBe(`${reportPath}?klart=sparad`);

      // with JavaScript the redirect comes inside the data request's answer
      await act(page, formOf(page, "submit").getByRole("button", { name: "Skicka in rapporten" }));
      const notice = page.locator(".notice", { hasText: "har fått diarienummer" });
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(new RegExp(`diarienummer ${year}/\\d+\\.$`));
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(
        new RegExp(`^Avvikelserapport ${year}/\\d+ för Tierp, Växtverket$`),
      );
      // submitted: no edit link, no submission, and the lead does not decide
      expect(await page.getByRole("link", { name: "Ändra rapporten" }).count()).toBe(0);
      expect(await formOf(page, "decide").count()).toBe(0);
      const history = page.locator("section", { has: page.locator("#historik") });
      // created, saved by the office, saved by the lead, submitted
      expect(await history.locator("tbody tr").count()).toBe(4);
    },
    E2E_TIMEOUT,
  );

  it(
    "a board member approves it without JavaScript, and the initiative ends later",
    async () => {
      const base = server.baseUrl;
      board = await newContext(browser, { javaScriptEnabled: false });
      const p = await board.newPage();
      await signIn(p, base, BOARD, DEMO.password);
      await p.goto(`${base}${reportPath}`);
      await checkA11y(p, "deviation report (submitted, no JS)");
      const form = formOf(p, "decide");
      // a board member records the board's decision: the meeting and paragraph are needed
      expect(await p.getByText("Du registrerar styrelsens beslut.").count()).toBe(1);
      await form.getByRole("radio", { name: "Godkänn" }).check();
      expect(await form.getByLabel(/^Beslutsdatum/).inputValue()).toBe(today);
      expect(await act(p, form.getByRole("button", { name: "Registrera beslutet" }))).toBe(400);
      expect(await p.locator("#decision-meeting-error").textContent()).toMatch(
        /^Ange styrelsemötet/,
      );
      await checkA11y(p, "deviation decision with errors (no JS)");
      const again = formOf(p, "decide");
      await again.getByLabel(/^Möte/).fill(`Styrelsemöte ${today}`);
      await again.getByLabel(/^Paragraf/).fill("§ 7");
      expect(await act(p, again.getByRole("button", { name: "Registrera beslutet" }))).toBe(302);
      await p.locator(".notice", { hasText: "Beslutet är registrerat." }).waitFor();
      const decision = p.locator("#beslut").locator("..");
      expect(await decision.textContent()).toContain(`Styrelsemöte ${today} § 7`);
      expect(await decision.textContent()).toContain(
        "Insatsens slutdatum ändrades enligt begäran.",
      );

      await p.locator("dl.summary").getByRole("link", { name: "Tierp, Växtverket" }).click();
      await p.waitForURL(`${base}/demo/insatser/${initiativeId}`);
      const end = await p
        .locator("dl.summary dt", { hasText: /^Slutdatum$/ })
        .locator("xpath=following-sibling::dd[1]")
        .textContent();
      expect(end).toBe(NEW_END);
      expect(checkedPages).toEqual(
        expect.arrayContaining([
          "deviation list",
          "new deviation report",
          "deviation report (draft)",
          "deviation report edit",
        ]),
      );
    },
    E2E_TIMEOUT,
  );
});
