// Browser journey with JavaScript off: every form is plain HTML, so signing in, adding a member
// organisation (wrong, then right), inviting a person and accepting the invitation all work.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberOrganisations } from "../../src/associations/schema.ts";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, newContext, pathOf, submitSignIn } from "./helpers.ts";

let server: TestServer;
let browser: Browser;
let admin: BrowserContext;
let page: Page;
/** The invitation link found in the outbox, for the last step. */
let invitationLink = "";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  admin = await newContext(browser, { javaScriptEnabled: false });
  page = await admin.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const LUHN_PROBLEM =
  "Organisationsnumret stämmer inte: kontrollsiffran (den sista) är fel. Kontrollera siffrorna.";

describe("without JavaScript", () => {
  it(
    "signs in and adds a member organisation, after a Luhn error that keeps what was typed",
    async () => {
      const base = server.baseUrl;
      await page.goto(`${base}/demo`);
      expect(pathOf(page)).toBe("/logga-in?till=%2Fdemo");
      // none of the page's scripts ran: React Router's inline boot script left no trace
      expect(await page.evaluate(() => "__reactRouterContext" in window)).toBe(false);
      await checkA11y(page, "sign-in (no JS)");
      await submitSignIn(page, DEMO.admin, DEMO.password);
      await page.waitForURL(`${base}/demo`);
      expect(await page.locator(".site-header__user").textContent()).toBe("Maria Lindqvist");
      await checkA11y(page, "overview (no JS)");

      // a member organisation with a wrong check digit
      await page
        .getByRole("navigation", { name: "Huvudmeny" })
        .getByRole("link", { name: "Medlemsorganisationer" })
        .click();
      await page.waitForURL(`${base}/demo/organisationer`);
      await checkA11y(page, "member organisations (no JS)");
      await page.getByLabel("Namn").fill("Håbo kommun");
      await page.getByLabel("Organisationsnummer").fill("212000-0000");
      await page.getByLabel("Sorts organisation").selectOption("kommun");
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.getByRole("button", { name: "Lägg till medlemsorganisation" }).click(),
      ]);
      expect(response.status()).toBe(400);
      await page.waitForLoadState("load");
      const summary = page.locator(".error-summary");
      expect(await summary.getByRole("heading").textContent()).toBe("Det finns ett fel att rätta");
      expect(await summary.getByRole("link").textContent()).toBe(LUHN_PROBLEM);
      expect(await summary.getByRole("link").getAttribute("href")).toBe("#orgNumber");
      expect(await page.locator("#orgNumber-error").textContent()).toBe(LUHN_PROBLEM);
      // what was typed is kept
      expect(await page.getByLabel("Namn").inputValue()).toBe("Håbo kommun");
      expect(await page.getByLabel("Organisationsnummer").inputValue()).toBe("212000-0000");
      expect(await page.getByLabel("Sorts organisation").inputValue()).toBe("kommun");
      expect(await page.getByLabel("Organisationsnummer").getAttribute("aria-invalid")).toBe(
        "true",
      );
      // one row per member organisation of the demo
      expect(await page.locator("table tbody tr").count()).toBe(
        await server.db.$count(memberOrganisations),
      );
      await checkA11y(page, "member organisations with error (no JS)");

      // corrected, it is added
      await page.getByLabel("Organisationsnummer").fill("212000-2882");
      await page.getByRole("button", { name: "Lägg till medlemsorganisation" }).click();
      await page.waitForURL(`${base}/demo/organisationer?klart=tillagd`);
      expect(await page.getByRole("status").textContent()).toBe("Ändringen är sparad.");
      const row = page.locator("table tbody tr", { hasText: "Håbo kommun" });
      expect(await row.locator("td").allInnerTexts()).toEqual([
        "Håbo kommun",
        "212000-2882",
        "Kommun",
      ]);
      expect(await page.locator("table tbody tr").count()).toBe(
        await server.db.$count(memberOrganisations),
      );
      expect(await page.locator("table tbody tr", { hasText: "Håbo kommun" }).count()).toBe(1);
      expect(await page.locator(".error-summary").count()).toBe(0);
      await checkA11y(page, "member organisations after adding (no JS)");
    },
    E2E_TIMEOUT,
  );

  it(
    "adds a person, whose invitation with its link waits in the outbox",
    async () => {
      const base = server.baseUrl;
      await page.goto(`${base}/demo/personer/ny`);
      await checkA11y(page, "new person (no JS)");
      await page.getByLabel("Namn").fill("Nils Nyberg");
      await page.getByLabel("E-postadress").fill("nils.nyberg@example.se");
      await page.getByLabel("Roll").selectOption("board_member");
      await page.getByRole("button", { name: "Lägg till person" }).click();
      await page.waitForURL(`${base}/demo/personer?klart=inbjuden`);
      expect(await page.getByRole("status").textContent()).toBe(
        "Personen är tillagd och har fått en inbjudan via mejl.",
      );
      expect(await page.locator("table tbody tr", { hasText: "Nils Nyberg" }).count()).toBe(1);
      await checkA11y(page, "people after inviting (no JS)");

      await page
        .getByRole("navigation", { name: "Huvudmeny" })
        .getByRole("link", { name: "Utkorg" })
        .click();
      await page.waitForURL(`${base}/demo/utkorg`);
      const mail = page.locator("article.mail", { hasText: "nils.nyberg@example.se" });
      expect(await mail.count()).toBe(1);
      const body = (await mail.locator(".mail__body").textContent()) ?? "";
      const link = body.match(/http:\/\/localhost:\d+\/valkommen\/[A-Za-z0-9_-]+/)?.[0];
      expect(link, `invitation link in:\n${body}`).toBeDefined();
      if (!link) throw new Error("no invitation link");
      expect(new URL(link).origin).toBe(base);
      await checkA11y(page, "outbox (no JS)");
      invitationLink = link;
    },
    E2E_TIMEOUT,
  );

  it(
    "the invited person chooses a password and is signed in",
    async () => {
      const base = server.baseUrl;
      const link = invitationLink;
      expect(link, "the invitation link from the test before").toMatch(/\/valkommen\//);
      // the new person, on a browser of their own, still without JavaScript
      const invitee = await newContext(browser, { javaScriptEnabled: false });
      try {
        const own = await invitee.newPage();
        await own.goto(link);
        expect(await own.locator("main").textContent()).toContain("Välkommen, Nils Nyberg!");
        await checkA11y(own, "invitation (no JS)");
        await own.getByLabel("Nytt lösenord").fill("blåbärsris-i-skogen-7");
        await own.getByLabel("Skriv lösenordet igen").fill("blåbärsris-i-skogen-7");
        await own.getByRole("button", { name: "Spara lösenordet och logga in" }).click();
        // signed in, and the start page sends a person with one association straight there
        await own.waitForURL(`${base}/demo`);
        expect(await own.locator(".site-header__user").textContent()).toBe("Nils Nyberg");
        expect(await own.locator("main").textContent()).toContain(
          "Styrelseledamot/beredningsgrupp",
        );
        await checkA11y(own, "overview of the new person (no JS)");

        // the link works once
        await own.goto(link);
        expect(await own.locator(".warning").textContent()).toContain(
          "Länken har redan använts eller gått ut.",
        );
      } finally {
        await invitee.close();
      }
    },
    E2E_TIMEOUT,
  );
});
