// Browser journeys through the association's disclosure control (röjandekontroll): the office
// reads which threshold the statistics use, follows the link to the setting, is refused a
// threshold that protects too little with a message saying what to write, saves 3 with zeros
// shown and sees the statistics use it; without JavaScript, by keyboard only, it sets 10; the
// board sees the threshold but not the way to change it. Every page is checked with axe.
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDisclosureSettings } from "../../src/associations/disclosure-settings.ts";
import { associations } from "../../src/associations/schema.ts";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, signIn, visit } from "./helpers.ts";

const BOARD = "styrelsen@demo.samspar.se";
const STATISTICS = "/demo/deltagarstatistik?fran=2026-01-01&till=2026-06-30";
const SETTINGS = "/demo/deltagarstatistik/rojandekontroll";

let server: TestServer;
let browser: Browser;
let associationId = "";
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const [demo] = await server.db.select().from(associations).where(eq(associations.slug, "demo"));
  associationId = demo?.id ?? "";
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function signedIn(email: string, javaScriptEnabled = true): Promise<Page> {
  const context = await newContext(browser, { javaScriptEnabled });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server.baseUrl, email, DEMO.password);
  return page;
}

/** Clicks and waits for the form's POST; its status. */
async function act(p: Page, submit: () => Promise<unknown>): Promise<number> {
  const [response] = await Promise.all([
    p.waitForResponse((r) => r.request().method() === "POST"),
    submit(),
  ]);
  await p.waitForLoadState("load");
  return response.status();
}

const summaryOf = (page: Page): Locator =>
  page.getByRole("main").getByRole("region", { name: "Dolda uppgifter" });

describe("the association's disclosure control", () => {
  it(
    "the office sees the threshold in use, is refused 2, saves 3 with zeros shown, and the statistics follow",
    async () => {
      const page = await signedIn(DEMO.admin);
      await visit(page, server.baseUrl, STATISTICS, "deltagarstatistik med tröskel 5");
      await hydrated(page);
      await expect(summaryOf(page).textContent()).resolves.toContain(
        "Förbundets tröskel för röjandekontroll är 5: antal under 5 visas som ”< 5”.",
      );
      await page.getByRole("link", { name: "Ändra förbundets röjandekontroll" }).click();
      await page.getByRole("heading", { level: 1, name: "Röjandekontroll" }).waitFor();
      await checkA11y(page, "röjandekontroll");
      await expect(page.getByRole("main").textContent()).resolves.toContain(
        "Tröskeln är 5: antal under 5 visas som ”< 5”.",
      );

      const threshold = page.getByLabel(/^Tröskel/);
      await threshold.fill("2");
      expect(
        await act(page, () =>
          page.getByRole("button", { name: "Spara röjandekontrollen" }).click(),
        ),
      ).toBe(400);
      const problem = page.locator(".error-summary a", { hasText: /Tröskeln 2 skyddar för lite/ });
      await problem.waitFor();
      await expect(problem.textContent()).resolves.toContain(
        "Skriv 0 eller ett heltal från 3 till 20",
      );
      await checkA11y(page, "röjandekontroll med fel");
      expect((await getDisclosureSettings(server.db, associationId)).version).toBe(0);

      await page.getByLabel(/^Tröskel/).fill("3");
      await page.getByLabel("Ja, visa 0 när ingen finns i gruppen").check();
      // with JavaScript the redirect arrives as data: wait for the notice, not the status
      await page.getByRole("button", { name: "Spara röjandekontrollen" }).click();
      await page.locator(".notice", { hasText: "Röjandekontrollen är sparad." }).waitFor();
      await checkA11y(page, "röjandekontroll sparad");
      expect(await getDisclosureSettings(server.db, associationId)).toEqual({
        threshold: 3,
        allowTrueZero: true,
        version: 1,
      });

      await visit(page, server.baseUrl, STATISTICS, "deltagarstatistik med tröskel 3");
      const summary = (await summaryOf(page).textContent()) ?? "";
      expect(summary).toContain(
        "Förbundets tröskel för röjandekontroll är 3: antal under 3 visas som ”< 3”. En sann nolla visas som 0.",
      );
      expect(summary).toMatch(/uppgifter i periodens statistik .* visas inte/);
      await page.locator('td[data-hidden="primary"]', { hasText: "< 3" }).first().waitFor();
      expect(await page.locator('td[data-hidden="primary"]', { hasText: "< 5" }).count()).toBe(0);
    },
    E2E_TIMEOUT,
  );

  it(
    "without JavaScript and by keyboard alone, the office sets the threshold to 10",
    async () => {
      const page = await signedIn(DEMO.admin, false);
      await visit(page, server.baseUrl, SETTINGS, "röjandekontroll utan JavaScript");
      const threshold = page.getByLabel(/^Tröskel/);
      await threshold.focus();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type("tio");
      expect(await act(page, () => page.keyboard.press("Enter"))).toBe(400);
      await page
        .locator(".error-summary a", { hasText: /med siffror och utan decimaler/ })
        .waitFor();
      await checkA11y(page, "röjandekontroll med fel utan JavaScript");
      // the typed value is kept; the zeros choice as it was saved
      await expect(threshold.inputValue()).resolves.toBe("tio");
      await threshold.focus();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type("10");
      // back to hiding zeros: the first choice, by arrow key within the radio group
      await page.getByLabel("Ja, visa 0 när ingen finns i gruppen").focus();
      await page.keyboard.press("ArrowUp");
      await expect(
        page.getByLabel("Nej, visa en sann nolla som ”< tröskeln” (rekommenderas)").isChecked(),
      ).resolves.toBe(true);
      await threshold.focus();
      expect(await act(page, () => page.keyboard.press("Enter"))).toBe(302);
      await page.locator(".notice", { hasText: "Röjandekontrollen är sparad." }).waitFor();
      await checkA11y(page, "röjandekontroll sparad utan JavaScript");
      await expect(page.getByRole("main").textContent()).resolves.toContain(
        "Tröskeln är 10: antal under 10 visas som ”< 10”.",
      );
      expect(await getDisclosureSettings(server.db, associationId)).toEqual({
        threshold: 10,
        allowTrueZero: false,
        version: 2,
      });
    },
    E2E_TIMEOUT,
  );

  it(
    "the board sees which threshold applies, but cannot change it",
    async () => {
      const page = await signedIn(BOARD);
      await visit(page, server.baseUrl, STATISTICS, "deltagarstatistik för styrelsen");
      await expect(summaryOf(page).textContent()).resolves.toContain(
        "Förbundets tröskel för röjandekontroll är 10",
      );
      expect(
        await page.getByRole("link", { name: "Ändra förbundets röjandekontroll" }).count(),
      ).toBe(0);
      await visit(page, server.baseUrl, SETTINGS, "röjandekontroll för styrelsen", 403);
    },
    E2E_TIMEOUT,
  );
});
