// The office's instruments in the browser, every page checked with axe: the list with Samspår's
// instruments, a shipped instrument in every language, a new instrument of the association's
// own, its draft written (a question added by the server's button), saved, and published after
// the confirmation; then the published version read only.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, signIn, visit } from "./helpers.ts";

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

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

describe("the association's instruments", () => {
  let page: Page;

  it(
    "lists Samspår's instruments and shows one in every language",
    async () => {
      page = await signedIn(DEMO.admin);
      await visit(page, server.baseUrl, "/demo/progression/instrument", "instrumenten");
      await page.getByRole("heading", { level: 1, name: "Instrument för skattning" }).waitFor();
      await page.getByRole("link", { name: "Samspårs självskattning: vägen mot arbete" }).click();
      await page
        .getByRole("heading", { level: 1, name: "Samspårs självskattning: vägen mot arbete" })
        .waitFor();
      await hydrated(page);
      await checkA11y(page, "Samspårs självskattning");
      expect(await page.locator('span[lang="ar"][dir="rtl"]').count()).toBeGreaterThan(9);
      expect(await page.locator('[name="items_0_key"]').count()).toBe(0);
    },
    E2E_TIMEOUT,
  );

  it(
    "creates an instrument of its own, writes and publishes the first version",
    async () => {
      await visit(page, server.baseUrl, "/demo/progression/instrument", "instrumenten");
      await page.getByRole("link", { name: "Lägg till ett eget instrument" }).click();
      await page.getByRole("heading", { level: 1, name: "Nytt instrument" }).waitFor();
      await hydrated(page);
      await checkA11y(page, "nytt instrument");
      await field(page, "name").fill("Ork och hopp");
      await field(page, "key").fill("ork-och-hopp");
      await page.getByRole("button", { name: "Skapa instrumentet" }).click();
      await page.getByRole("heading", { level: 1, name: "Ork och hopp" }).waitFor();
      await page.getByRole("status").filter({ hasText: "Instrumentet är skapat." }).waitFor();
      await hydrated(page);
      await checkA11y(page, "instrumentets utkast");

      await field(page, "min_label_sv").fill("Aldrig");
      await field(page, "max_label_sv").fill("Alltid");
      await field(page, "items_0_text_sv").fill("Jag orkar med min dag.");
      await page.getByRole("button", { name: "Lägg till fråga" }).click();
      await page.getByRole("status").filter({ hasText: "En fråga är tillagd sist." }).waitFor();
      // the addition's reload (and any revalidation after it) done before typing in the new
      // question: a form drawn anew after the typing would show the stored, empty text
      await page.waitForLoadState("networkidle");
      await expect(field(page, "items_0_text_sv").inputValue()).resolves.toBe(
        "Jag orkar med min dag.",
      );
      await field(page, "items_1_text_sv").fill("Jag tror att det ordnar sig.");
      await page.getByText("Fråga 2 på andra språk").click();
      await page.getByLabel("Fråga 2 på arabiska").fill("أعتقد أن الأمور ستكون على ما يرام.");
      await checkA11y(page, "utkast med två frågor");
      // Enter in a field saves the draft: it never presses the first "Ta bort fråga" button
      await field(page, "items_1_key").press("Enter");
      await page.getByRole("status").filter({ hasText: "Utkastet är sparat." }).waitFor();
      await page.waitForLoadState("networkidle");
      await expect(field(page, "items_0_text_sv").inputValue()).resolves.toBe(
        "Jag orkar med min dag.",
      );
      await expect(field(page, "items_1_text_sv").inputValue()).resolves.toBe(
        "Jag tror att det ordnar sig.",
      );
      const saved = await field(page, "version").inputValue();
      await field(page, "improvement").fill("0,5");
      await page.getByRole("button", { name: "Spara utkast" }).click();
      // the page is drawn anew with the draft's next version
      await page.locator(`input[name="version"]:not([value="${saved}"])`).waitFor({
        state: "attached",
      });
      await expect(field(page, "improvement").inputValue()).resolves.toBe("0,5");
      // the save's reload (and any revalidation after it) done before the next submission
      await page.waitForLoadState("networkidle");

      await page.getByRole("button", { name: "Publicera version 1" }).click();
      const confirm = page.getByRole("heading", { name: "Publicera version 1?" });
      const problem = page.getByRole("alert");
      await confirm.or(problem).first().waitFor({ timeout: 30_000 });
      if (!(await confirm.isVisible()))
        throw new Error(`Publiceringen stoppades: ${await problem.first().innerText()}`);
      await checkA11y(page, "bekräfta publicering");
      await page.getByRole("button", { name: "Ja, publicera version 1" }).click();
      await page.getByRole("status").filter({ hasText: "Versionen är publicerad." }).waitFor();
      await page.getByRole("heading", { name: /Version 1 \(publicerad/ }).waitFor();
      await checkA11y(page, "publicerad version");
      await expect(page.locator('span[lang="ar"][dir="rtl"]').first().textContent()).resolves.toBe(
        "أعتقد أن الأمور ستكون على ما يرام.",
      );
    },
    E2E_TIMEOUT,
  );
});
