// Browser journeys through the participant register's statistics and its access log, on the demo
// with its few hundred participants: the office chooses a period, sees the protected tables —
// hidden cells marked "< 5" and "..", the legend and the summary of what is hidden and why —
// and reads a figure's definition; the participant officer and the office are refused the page
// that is not theirs; the auditor searches the log by person and action, follows a record and
// pages on. Every page is checked with axe.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, signIn, visit } from "./helpers.ts";

const COACH = "coach@demo.samspar.se";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function signedIn(email: string): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server.baseUrl, email, DEMO.password);
  return page;
}

describe("participant statistics and the register's access log", () => {
  it(
    "the office sees the statistics of a half-year with hidden cells marked and the summary",
    async () => {
      const page = await signedIn(DEMO.admin);
      await visit(page, server.baseUrl, "/demo/deltagarstatistik", "deltagarstatistik");
      await hydrated(page);
      // the current half-year is shown by default; the office picks the first half of 2026
      await page.getByRole("link", { name: "Första halvåret 2026" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: "Perioden 2026-01-01 – 2026-06-30" })
        .waitFor();
      await checkA11y(page, "deltagarstatistik, första halvåret 2026");

      const main = page.getByRole("main");
      // the legend explains the marks, the summary says how many are hidden and why
      const legend = main.getByRole("region", { name: "Så läser du tabellerna" });
      await expect(legend.textContent()).resolves.toContain("färre än 5 personer, 0 inräknat");
      const summary = main.getByRole("region", { name: "Dolda uppgifter" });
      const summaryText = (await summary.textContent()) ?? "";
      expect(summaryText).toMatch(
        /uppgifter i periodens statistik \(alla tabeller för alla insatser\) visas inte/,
      );
      expect(summaryText).toMatch(/visas som ”<\s5”/);
      expect(summaryText).toMatch(/visas som ”\.\.”/);

      // the totals table: headers for screen readers, hidden cells read as words
      const totals = main.getByRole("table", {
        name: "Avslutade under perioden efter status vid avslut – Samtliga individinriktade insatser",
      });
      await expect(totals.getByRole("columnheader", { name: "Kvinnor" }).count()).resolves.toBe(1);
      await expect(
        totals.getByRole("rowheader", { name: "Till arbete och/eller studier" }).count(),
      ).resolves.toBe(1);
      expect(await main.locator('td[data-hidden="primary"]').count()).toBeGreaterThan(10);
      expect(await main.locator('td[data-hidden="secondary"]').count()).toBeGreaterThan(0);
      const hiddenCell = main.locator('td[data-hidden="primary"]').first();
      await expect(hiddenCell.locator('[aria-hidden="true"]').textContent()).resolves.toBe(
        "<\u00a05",
      );
      await expect(hiddenCell.locator(".visually-hidden").textContent()).resolves.toBe(
        "färre än 5, visas inte",
      );

      // each initiative's key figures, and its own tables one link away
      const overview = main.getByRole("table", {
        name: "Individinriktade insatser: insatserna var för sig",
      });
      await expect(overview.getByRole("rowheader").count()).resolves.toBeGreaterThan(5);
      await overview.getByRole("link", { name: "Tierp, Växtverket" }).click();
      await main.getByRole("heading", { name: "Tierp, Växtverket", level: 3 }).waitFor();
      const table = main.getByRole("table", { name: "Deltagare – Tierp, Växtverket" });
      await table.waitFor();
      await expect(
        main.getByRole("table", { name: "Ålder vid start – Tierp, Växtverket" }).count(),
      ).resolves.toBe(1);
      // a table's definitions open by keyboard
      const definitions = main.locator("details").first();
      await definitions.locator("summary").focus();
      await page.keyboard.press("Enter");
      await expect(definitions.getAttribute("open")).resolves.not.toBeNull();
      await expect(definitions.textContent()).resolves.toContain(
        "Inskrivningar med startdatum från och med periodens första dag",
      );
      await checkA11y(page, "deltagarstatistik för en insats, med definitionerna öppna");
      await main.getByRole("link", { name: "Visa alla insatser för perioden" }).click();
      await main.getByRole("heading", { name: "Samtliga individinriktade insatser" }).waitFor();

      // the office never reaches the register's access log
      await visit(page, server.baseUrl, "/demo/registerlogg", "registerlogg som kansliet", 403);
    },
    E2E_TIMEOUT * 2,
  );

  it(
    "a participant officer is refused the statistics: they see identities, not aggregates",
    async () => {
      const page = await signedIn(COACH);
      await visit(page, server.baseUrl, "/demo/deltagarstatistik", "statistik som coach", 403);
      await visit(page, server.baseUrl, "/demo/registerlogg", "registerlogg som coach", 403);
    },
    E2E_TIMEOUT,
  );

  it(
    "the auditor searches the access log by person and action, follows a record and pages on",
    async () => {
      const page = await signedIn(DEMO.auditor);
      await visit(page, server.baseUrl, "/demo/registerlogg", "registerlogg");
      await hydrated(page);
      const main = page.getByRole("main");
      const status = main.getByRole("status");
      await expect(status.textContent()).resolves.toMatch(/händelser matchar sökningen/);
      await main.getByRole("link", { name: "Nästa sida" }).click();
      await main.getByText(/^Sida 2 av \d+$/).waitFor();
      await checkA11y(page, "registerlogg, sida 2");

      await main.getByLabel("Person", { exact: true }).selectOption({ label: "Sara Nordin" });
      await main
        .getByLabel("Händelse", { exact: true })
        .selectOption({ label: "visade fullständigt personnummer" });
      await main.getByRole("button", { name: "Sök" }).click();
      await main.getByRole("link", { name: "Visa hela loggen" }).waitFor();
      await status.filter({ hasText: /^\d+ händelser? matchar sökningen\.$/ }).waitFor();
      await checkA11y(page, "registerlogg, sökning");
      const rows = main.getByRole("table").locator("tbody tr");
      const count = await rows.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const text = await rows.nth(i).innerText();
        expect(text).toContain("Sara Nordin");
        expect(text).toContain("visade fullständigt personnummer");
        // never a personnummer
        expect(text.replace(/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}/gi, "<id>")).not.toMatch(
          /\b(19|20)\d{6}-?\d{4}\b/,
        );
      }

      // one record's entries, from the link in its row
      const link = rows.first().getByRole("link");
      const id = /[0-9a-f-]{36}/.exec((await link.getAttribute("aria-label")) ?? "")?.[0] ?? "";
      expect(id).not.toBe("");
      await link.click();
      await expect.poll(() => main.getByLabel("Deltagarpostens id").inputValue()).toBe(id);
      await status.filter({ hasText: /matchar sökningen/ }).waitFor();
      const records = await main
        .getByRole("table")
        .locator("tbody tr td:nth-child(7)")
        .allInnerTexts();
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) expect(record.trim()).toBe(id.slice(0, 8));
      await checkA11y(page, "registerlogg, en deltagarpost");

      // a search it cannot run says what to fix
      await main.getByLabel("Deltagarpostens id").fill("fel-id");
      await main.getByRole("button", { name: "Sök" }).click();
      await page.getByRole("alert").filter({ hasText: "8-4-4-4-12" }).waitFor();
      await checkA11y(page, "registerlogg, felaktig sökning");
    },
    E2E_TIMEOUT * 2,
  );
});
