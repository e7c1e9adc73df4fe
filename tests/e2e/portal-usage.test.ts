// Browser journey through the participant portal's usage figures (Portalens användning) on the
// demo, with JavaScript off: the coach of "Tierp, Växtverket" sees the months' protected tables
// with "< 5" and ".." explained and every table defined, chooses another period with the GET
// form, gets a clear message for a period that cannot be shown, and the auditor is refused.
// Every page is checked with axe.
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initiatives } from "../../src/initiatives/schema.ts";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, newContext, signIn, visit } from "./helpers.ts";

const COACH = "coach@demo.samspar.se";

let server: TestServer;
let browser: Browser;
let path: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const [vaxtverket] = await server.db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(eq(initiatives.name, "Tierp, Växtverket"));
  path = `/demo/insatser/${vaxtverket?.id}/portal/statistik`;
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function signedIn(email: string): Promise<Page> {
  const context = await newContext(browser, { javaScriptEnabled: false });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server.baseUrl, email, DEMO.password);
  return page;
}

const month = (d: Date) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
  }).format(d);
/** The month `back` calendar months before "ÅÅÅÅ-MM". */
const monthsBefore = (ym: string, back: number) =>
  new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) - 1 - back, 1))
    .toISOString()
    .slice(0, 7);

describe("the portal's usage figures", () => {
  it(
    "the coach sees the months' protected tables, their definitions and the marks explained",
    async () => {
      const page = await signedIn(COACH);
      await visit(page, server.baseUrl, path, "portalens användning");
      const main = page.getByRole("main");
      await expect(
        main.getByRole("heading", { level: 1, name: "Portalens användning" }).count(),
      ).resolves.toBe(1);
      // the last six months by default, ending with this month
      const shown = (await main.getByRole("status").textContent()) ?? "";
      expect(shown).toMatch(/^Visar \p{L}+ \d{4} – \p{L}+ \d{4}\.$/u);
      const logged = main.getByRole("table", { name: /^Inloggade deltagare per månad, / });
      await expect(logged.getByRole("columnheader", { name: "Kvinnor" }).count()).resolves.toBe(1);
      await expect(logged.getByRole("row").count()).resolves.toBe(7);
      // some figures shown, some hidden — and a hidden one is read as words
      const text = (await main.textContent()) ?? "";
      expect(await main.locator("td:not([data-hidden]) ").count()).toBeGreaterThan(0);
      const hidden = main.locator('td[data-hidden="primary"]').first();
      await expect(hidden.locator('[aria-hidden="true"]').textContent()).resolves.toBe("<\u00a05");
      await expect(hidden.locator(".visually-hidden").textContent()).resolves.toBe(
        "färre än 5, visas inte",
      );
      expect(text).toContain("”< 5” betyder att färre än 5 personer eller bokningar ingår");
      expect(text).toContain("”..” betyder att uppgiften döljs");
      expect(text).toContain("minst en gång under månaden");
      expect(text).toContain("Varav nya");
      expect(text).toContain("Bokningar per månad");
      await expect(
        main
          .getByRole("table", { name: /^Bokningar per månad, / })
          .getByRole("row")
          .count(),
      ).resolves.toBe(8);
      // no participant is named anywhere on the page
      expect(text).not.toMatch(/\d{8}-\d{4}/);
    },
    E2E_TIMEOUT,
  );

  it(
    "chooses another period with the form, and says what to fix in a bad one",
    async () => {
      const page = await signedIn(COACH);
      await page.goto(server.baseUrl + path);
      // three calendar months: 62 days back would reach a fourth month on some days (1 March)
      const to = month(new Date());
      const from = monthsBefore(to, 2);
      await page.getByLabel("Första månaden (ÅÅÅÅ-MM)").fill(from);
      await page.getByLabel("Sista månaden (ÅÅÅÅ-MM)").fill(to);
      await page.getByRole("button", { name: "Visa perioden" }).click();
      await page.getByRole("status").filter({ hasText: "Visar" }).waitFor();
      await checkA11y(page, "portalens användning, vald period");
      const rows = page
        .getByRole("table", { name: /^Inloggade deltagare per månad, / })
        .getByRole("row");
      await expect(rows.count()).resolves.toBe(4);
      expect(new URL(page.url()).searchParams.get("fran")).toBe(from);

      await visit(page, server.baseUrl, `${path}?fran=2026-13&till=2026-01`, "fel period", 400);
      const main = page.getByRole("main");
      const text = (await main.textContent()) ?? "";
      expect(text).toContain("Perioden går inte att visa");
      expect(text).toContain("Skriv första månaden som ÅÅÅÅ-MM, till exempel 2026-01.");
      await expect(main.getByRole("table").count()).resolves.toBe(0);
      await expect(page.getByLabel("Första månaden (ÅÅÅÅ-MM)").inputValue()).resolves.toBe(
        "2026-13",
      );
      await visit(page, server.baseUrl, `${path}?fran=2026-05&till=2026-02`, "omvänd period", 400);
      expect((await page.getByRole("main").textContent()) ?? "").toContain(
        "Sista månaden kan inte vara före den första.",
      );
    },
    E2E_TIMEOUT,
  );

  it(
    "is refused to the auditor",
    async () => {
      const page = await signedIn(DEMO.auditor);
      const response = await page.goto(server.baseUrl + path);
      expect(response?.status()).toBe(403);
    },
    E2E_TIMEOUT,
  );
});
