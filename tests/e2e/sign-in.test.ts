// Browser journey: signing in (wrong then right password), what each role's navigation offers,
// every main page checked with axe, and signing out.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberOrganisations } from "../../src/associations/schema.ts";
import { checkA11y, checkedPages, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import {
  DEMO,
  E2E_TIMEOUT,
  hydrated,
  newContext,
  pathOf,
  sideNav,
  signIn,
  submitSignIn,
  visit,
} from "./helpers.ts";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page in a browser profile of its own, closed afterwards. */
async function withPage(run: (page: Page) => Promise<void>): Promise<void> {
  const context = await newContext(browser);
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

describe("signing in and moving around", () => {
  // the admin's journey runs through the first three tests in one browser profile
  let admin: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    admin = await newContext(browser);
    page = await admin.newPage();
  });

  afterAll(async () => {
    await admin?.close();
  });

  it(
    "the association admin: a wrong password, then the right one lands on the association",
    async () => {
      const base = server.baseUrl;

      // signed out, the association sends you to sign in and back
      await page.goto(`${base}/demo`);
      expect(pathOf(page)).toBe("/logga-in?till=%2Fdemo");
      await expect(page.title()).resolves.toBe("Logga in – Samspår");
      await checkA11y(page, "sign-in");
      await hydrated(page);

      // a wrong password: the error in a summary on top, the e-mail kept
      await submitSignIn(page, DEMO.admin, "fel-losenord-123");
      const summary = page.locator(".error-summary");
      await summary.waitFor();
      expect(await summary.textContent()).toContain(
        "Fel e-postadress eller lösenord. Kontrollera stavningen och försök igen.",
      );
      expect(await summary.getByRole("link").getAttribute("href")).toBe("#email");
      expect(await page.getByLabel("E-postadress").inputValue()).toBe(DEMO.admin);
      expect(await page.getByLabel("E-postadress").getAttribute("aria-invalid")).toBe("true");
      expect(pathOf(page)).toBe("/logga-in?till=%2Fdemo");
      await checkA11y(page, "sign-in with error");

      // the right password lands on the association
      await page.getByLabel("Lösenord").fill(DEMO.password);
      await page.getByRole("button", { name: "Logga in" }).click();
      await page.waitForURL(`${base}/demo`);
      await page.getByRole("heading", { level: 1, name: "Samordningsförbundet Demo" }).waitFor();
      expect(await page.locator(".site-header__user").textContent()).toBe("Maria Lindqvist");
      await checkA11y(page, "overview");

      const nav = await sideNav(page);
      expect(nav).toContain("Personer och roller");
      expect(nav).toContain("Utkorg");
      expect(nav).toContain("Medlemsorganisationer");
      expect(nav).not.toContain("Granskningslogg");
    },
    E2E_TIMEOUT,
  );

  it(
    "the association admin: every page on the way passes axe",
    async () => {
      const base = server.baseUrl;
      // client-side navigation through the side nav
      await page
        .getByRole("navigation", { name: "Huvudmeny" })
        .getByRole("link", { name: "Personer och roller" })
        .click();
      await page.waitForURL(`${base}/demo/personer`);
      await page.getByRole("heading", { level: 1, name: "Personer och roller" }).waitFor();
      // the staff of the demo (the participant is not listed among people and roles)
      expect(await page.locator("table caption").textContent()).toBe("7 personer");
      await checkA11y(page, "people");

      await page.getByRole("link", { name: "Eva Holm" }).click();
      await page.getByRole("heading", { level: 1, name: "Eva Holm" }).waitFor();
      expect(pathOf(page)).toMatch(/^\/demo\/personer\/[0-9a-f-]{36}$/);
      await checkA11y(page, "person");

      await visit(page, base, "/demo/organisationer", "member organisations");
      // one row per member organisation of the demo
      expect(await page.locator("table tbody tr").count()).toBe(
        await server.db.$count(memberOrganisations),
      );
      await visit(page, base, "/demo/personer/ny", "new person");
      await visit(page, base, "/demo/utkorg", "outbox");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Utkorg");
      await visit(page, base, "/konto", "account");
      expect(await page.locator("dl.summary").textContent()).toContain(DEMO.admin);
      await visit(page, base, "/tillganglighet", "accessibility statement");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
        "Tillgänglighet för Samspår",
      );
      await visit(page, base, "/finns-inte/alls", "404 page", 404);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sidan finns inte.");

      // the admin is not the auditor: the audit log is refused
      await visit(page, base, "/demo/granskningslogg", "audit log refused (403)", 403);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Ingen behörighet");
    },
    E2E_TIMEOUT,
  );

  it(
    "the association admin signs out with the header's button",
    async () => {
      const base = server.baseUrl;
      await page.goto(`${base}/demo`);
      await hydrated(page);
      await page
        .getByRole("navigation", { name: "Mitt konto" })
        .getByRole("button", { name: "Logga ut" })
        .click();
      await page.waitForURL(`${base}/logga-in?utloggad=1`);
      expect(await page.locator(".notice").textContent()).toBe("Du är utloggad.");
      expect(await page.getByRole("button", { name: "Logga ut" }).count()).toBe(0);
      await checkA11y(page, "signed out");

      const response = await page.goto(`${base}/demo`);
      expect(response?.status()).toBe(200);
      expect(pathOf(page)).toBe("/logga-in?till=%2Fdemo");
    },
    E2E_TIMEOUT,
  );

  it(
    "the auditor sees the audit log but not people and roles",
    async () => {
      await withPage(async (page) => {
        await signIn(page, server.baseUrl, DEMO.auditor, DEMO.password);
        await checkA11y(page, "overview (auditor)");
        const nav = await sideNav(page);
        expect(nav).toContain("Granskningslogg");
        expect(nav).not.toContain("Personer och roller");
        expect(nav).not.toContain("Utkorg");

        await page
          .getByRole("navigation", { name: "Huvudmeny" })
          .getByRole("link", { name: "Granskningslogg" })
          .click();
        await page.waitForURL(`${server.baseUrl}/demo/granskningslogg`);
        await page.getByRole("heading", { level: 1, name: "Granskningslogg" }).waitFor();
        // the admin's sign-in and sign-out from the test before are in the log
        expect(await page.locator("main").textContent()).toContain(DEMO.admin);
        await checkA11y(page, "audit log");

        await visit(page, server.baseUrl, "/demo/personer", "people refused (403)", 403);
      });
    },
    E2E_TIMEOUT,
  );

  it(
    "the participant lands in the portal and sees neither people nor the audit log",
    async () => {
      await withPage(async (page) => {
        await page.goto(`${server.baseUrl}/logga-in`);
        await hydrated(page);
        await submitSignIn(page, DEMO.participant, DEMO.password);
        // a participant's pages are the portal's, not the association's
        await page.waitForURL(`${server.baseUrl}/portal`);
        await page.getByRole("heading", { level: 1, name: "Välkommen" }).waitFor();
        await checkA11y(page, "overview (participant)");
        const menu = page.getByRole("navigation", { name: "Meny" });
        const links = (await menu.getByRole("link").allTextContents()).map((l) => l.trim());
        expect(links).toEqual([
          "Hem",
          "Min plan",
          "Boka",
          "Kurser",
          "Stöd",
          "Tyck till",
          "Mina uppgifter",
          "Inställningar",
        ]);
        expect(await page.getByRole("navigation", { name: "Huvudmeny" }).count()).toBe(0);
        // the association's pages send the participant back to the portal, or refuse
        await page.goto(`${server.baseUrl}/demo`);
        expect(new URL(page.url()).pathname).toBe("/portal");
        for (const path of ["/demo/personer", "/demo/granskningslogg", "/demo/utkorg"]) {
          const res = await page.goto(`${server.baseUrl}${path}`);
          expect({ path, status: res?.status() }).toEqual({ path, status: 403 });
        }
      });
    },
    E2E_TIMEOUT,
  );

  it("checked every page visited with axe", () => {
    const required = [
      "sign-in",
      "sign-in with error",
      "overview",
      "people",
      "member organisations",
      "new person",
      "person",
      "audit log",
      "outbox",
      "account",
      "accessibility statement",
      "404 page",
    ];
    expect(required.filter((label) => !checkedPages.includes(label))).toEqual([]);
  });
});
