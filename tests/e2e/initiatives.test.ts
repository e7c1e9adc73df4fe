// Browser journey through the initiative register. Without JavaScript: the list filtered and
// sorted, registering an initiative (wrong, then right) and two people changing it at once.
// With JavaScript: an initiative lead sees only their own initiatives and can change them.
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberOrganisations } from "../../src/associations/schema.ts";
import { initiatives } from "../../src/initiatives/schema.ts";
import { checkA11y, checkedPages, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, newContext, pathOf, sideNav, signIn } from "./helpers.ts";

const LEAD = "insatsansvarig@demo.samspar.se";
const NBSP = "\u00a0";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

let server: TestServer;
let browser: Browser;
let admin: BrowserContext;
let page: Page;
/** The initiative registered in the journey, for the steps after. */
let registeredPath = "";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  // a few initiatives beside the demo's, so filtering and sorting have something to show:
  // one that is not running, and running ones with start dates
  const [tierp] = await server.db
    .select()
    .from(memberOrganisations)
    .where(eq(memberOrganisations.name, "Tierps kommun"));
  if (!tierp) throw new Error("demo organisation missing");
  const base = { associationId: tierp.associationId, ownerOrganisationId: tierp.id };
  await server.db.insert(initiatives).values([
    {
      ...base,
      name: "E2E Avslutad insats",
      status: "avslutad",
      startDate: "2020-01-01",
      endDate: "2021-12-31",
    },
    { ...base, name: "E2E Sen insats", status: "pagaende", startDate: "2025-09-01" },
    { ...base, name: "E2E Tidig insats", status: "pagaende", startDate: "2019-03-01" },
  ]);
  admin = await newContext(browser, { javaScriptEnabled: false });
  page = await admin.newPage();
  await signIn(page, server.baseUrl, DEMO.admin, DEMO.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The text of one column in every row of the page's table. */
const column = async (p: Page, index: number) =>
  (await p
    .locator("table tbody tr")
    .evaluateAll(
      (rows, i) => rows.map((r) => r.querySelectorAll("td")[i]?.textContent?.trim() ?? ""),
      index,
    )) as string[];
const STATUS = 6;
const START = 4;

/** Clicks the form's submit button and waits for the page the post answers with. */
async function post(p: Page, button: string): Promise<Response> {
  const [response] = await Promise.all([
    p.waitForResponse((r) => r.request().method() === "POST"),
    p.getByRole("main").getByRole("button", { name: button }).click(),
  ]);
  await p.waitForLoadState("load");
  return response;
}

/** The description list of the detail page as term → description. */
const summaryList = async (p: Page) =>
  p.locator("dl.summary").evaluate((dl) => {
    const out: Record<string, string> = {};
    for (const dt of dl.querySelectorAll("dt")) {
      const dd = dt.nextElementSibling;
      out[dt.textContent?.trim() ?? ""] = dd?.textContent?.trim() ?? "";
    }
    return out;
  });

describe("the initiative register without JavaScript", () => {
  it(
    "lists the register, filters it by status and sorts it by start date",
    async () => {
      const base = server.baseUrl;
      await page
        .getByRole("navigation", { name: "Huvudmeny" })
        .getByRole("link", { name: "Insatser" })
        .click();
      await page.waitForURL(`${base}/demo/insatser`);
      await checkA11y(page, "initiatives (no JS)");
      const all = await column(page, 0);
      expect(all).toContain("Tierp, Växtverket");
      expect(all).toContain("E2E Avslutad insats");
      expect(await page.locator("caption").textContent()).toBe(`${all.length} insatser`);
      expect(await page.getByRole("link", { name: "Registrera insats" }).count()).toBe(1);

      // only the running ones: the search form opens, and stays open while it is in use
      const filters = page.locator("details", { hasText: "Sök, filtrera och sortera" });
      expect(await filters.getAttribute("open")).toBeNull();
      await filters.locator("summary").click();
      await page.getByRole("group", { name: "Status" }).getByLabel("Pågående").check();
      await page.getByRole("main").getByRole("button", { name: "Visa insatser" }).click();
      await page.waitForURL((url) => url.searchParams.getAll("status").join() === "pagaende");
      const statuses = await column(page, STATUS);
      expect(statuses.length).toBeGreaterThan(0);
      expect(new Set(statuses)).toEqual(new Set(["Pågående"]));
      expect(await column(page, 0)).not.toContain("E2E Avslutad insats");
      expect(await page.locator("caption").textContent()).toBe(
        `${statuses.length} insatser matchar sökningen`,
      );
      // the filter shows what it filters on
      expect(
        await page.getByRole("group", { name: "Status" }).getByLabel("Pågående").isChecked(),
      ).toBe(true);
      await checkA11y(page, "initiatives filtered (no JS)");

      expect(await filters.getAttribute("open")).not.toBeNull();

      // sorted by start date, earliest first, those without a date last
      await page.getByLabel("Sortera efter").selectOption("start");
      await page.getByRole("main").getByRole("button", { name: "Visa insatser" }).click();
      await page.waitForURL((url) => url.searchParams.get("sortera") === "start");
      const starts = await column(page, START);
      const dated = starts.filter(Boolean);
      expect(dated).toEqual([...dated].sort());
      expect(dated).toEqual(expect.arrayContaining(["2019-03-01", "2025-09-01"]));
      expect(starts.slice(0, dated.length)).toEqual(dated);
      expect(new Set(await column(page, STATUS))).toEqual(new Set(["Pågående"]));
      const header = page.getByRole("columnheader", { name: "Startdatum" });
      expect(await header.getAttribute("aria-sort")).toBe("ascending");

      // the column header turns the order round, keeping the filter
      await header.getByRole("link").click();
      await page.waitForURL((url) => url.searchParams.get("ordning") === "fallande");
      const descending = (await column(page, START)).filter(Boolean);
      expect(descending).toEqual([...dated].reverse());
      expect(
        await page.getByRole("columnheader", { name: "Startdatum" }).getAttribute("aria-sort"),
      ).toBe("descending");
      expect(new Set(await column(page, STATUS))).toEqual(new Set(["Pågående"]));
      await checkA11y(page, "initiatives sorted (no JS)");
    },
    E2E_TIMEOUT,
  );

  it(
    "registers an initiative, after errors that are shown at their fields and keep what was typed",
    async () => {
      const base = server.baseUrl;
      await page.goto(`${base}/demo/insatser`);
      await page.getByRole("link", { name: "Registrera insats" }).click();
      await page.waitForURL(`${base}/demo/insatser/ny`);
      await checkA11y(page, "new initiative (no JS)");

      const partners = page.getByRole("group", { name: /^Samverkansparter/ });
      await page.getByLabel("Insatsens namn").fill("Knivsta, Steget vidare");
      await page.getByLabel(/^Insatsägare/).selectOption({ label: "Tierps kommun" });
      await partners.getByLabel("Tierps kommun").check();
      await partners.getByLabel("Arbetsförmedlingen").check();
      await page.getByLabel(/^Status/).selectOption({ label: "Pågående" });
      await page.getByLabel("Individinriktad").check();
      await page.getByLabel("Startdatum").fill("2026-03-01");
      await page.getByLabel("Slutdatum").fill("2026-01-31");
      await page.getByLabel("Målgrupp", { exact: true }).fill("Unga vuxna i Tierp");
      await page.getByLabel("Förväntat antal deltagare").first().fill("40");
      const goal = page.getByRole("group", { name: "Mål 1" });
      await goal
        .getByLabel("Vad ska uppnås?")
        .fill("Deltagare går vidare till arbete eller studier");
      await goal.getByLabel("Sorts mål").selectOption("resultatmal");
      await goal.getByLabel("Målvärde i procent").fill("120");

      const response = await post(page, "Registrera insatsen");
      expect(response.status()).toBe(400);
      const problems = {
        partnerIds: "Insatsägaren kan inte också vara samverkanspart. Välj de andra parterna.",
        endDate: "Slutdatum kan inte vara före startdatum.",
        "goals.0.targetPercent": "Andelen för mål 1 kan inte vara över 100 %.",
      };
      const summary = page.locator(".error-summary");
      expect(await summary.getByRole("heading").textContent()).toBe("Det finns 3 fel att rätta");
      const links = await summary
        .getByRole("link")
        .evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.textContent]));
      expect(Object.fromEntries(links)).toEqual(
        Object.fromEntries(Object.entries(problems).map(([f, m]) => [`#${f}`, m])),
      );
      for (const [field, message] of Object.entries(problems)) {
        expect(await page.locator(`[id="${field}-error"]`).textContent()).toBe(message);
        expect(await page.locator(`[id="${field}"]`).getAttribute("aria-invalid")).toBe("true");
      }
      // what was typed is kept
      expect(await page.getByLabel("Insatsens namn").inputValue()).toBe("Knivsta, Steget vidare");
      expect(await partners.getByLabel("Tierps kommun").isChecked()).toBe(true);
      expect(await partners.getByLabel("Arbetsförmedlingen").isChecked()).toBe(true);
      expect(await page.getByLabel("Individinriktad").isChecked()).toBe(true);
      expect(await page.getByLabel("Slutdatum").inputValue()).toBe("2026-01-31");
      expect(await page.getByLabel("Målgrupp", { exact: true }).inputValue()).toBe(
        "Unga vuxna i Tierp",
      );
      expect(await goal.getByLabel("Målvärde i procent").inputValue()).toBe("120");
      expect(await goal.getByLabel("Sorts mål").inputValue()).toBe("resultatmal");
      await checkA11y(page, "new initiative with errors (no JS)");

      // corrected, it is registered
      await partners.getByLabel("Tierps kommun").uncheck();
      await page.getByLabel("Slutdatum").fill("2027-06-30");
      await goal.getByLabel("Målvärde i procent").fill("60");
      const unit = page.getByRole("group", { name: "Delområde 1" });
      await unit.getByLabel("Namn på delområdet").fill("Tierp centralort");
      await unit.getByLabel("Förväntat antal deltagare").fill("25");
      await page.getByRole("main").getByRole("button", { name: "Registrera insatsen" }).click();
      await page.waitForURL(new RegExp(`/demo/insatser/${UUID}\\?klart=registrerad$`));
      registeredPath = new URL(page.url()).pathname;
      expect(await page.getByRole("status").textContent()).toBe("Insatsen är registrerad.");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
        "Knivsta, Steget vidare",
      );
      expect(await summaryList(page)).toEqual({
        Insatsägare: "Tierps kommun",
        Samverkansparter: "Arbetsförmedlingen",
        Status: "Pågående",
        Inriktning: "Individinriktad",
        Förrehabiliterande: "Nej",
        "Medfinansierad av Europeiska socialfonden (ESF)": "Nej",
        Startdatum: "2026-03-01",
        Slutdatum: "2027-06-30",
        "Sista intag": "Inte angivet",
        Målgrupp: "Unga vuxna i Tierp",
        "Förväntat antal deltagare": "40",
      });
      const goalRow = await page
        .getByRole("table", { name: "Mål" })
        .locator("tbody tr td")
        .allTextContents();
      expect(goalRow).toEqual([
        "Deltagare går vidare till arbete eller studier",
        "Resultatmål",
        `60${NBSP}%`,
      ]);
      expect(
        await page.getByRole("table", { name: "Delområden" }).locator("tbody td").allTextContents(),
      ).toEqual(["Tierp centralort", "25"]);
      await checkA11y(page, "initiative (no JS)");
    },
    E2E_TIMEOUT,
  );

  it(
    "two people change it at once: the second is told what differs, and keeps what they typed",
    async () => {
      const base = server.baseUrl;
      expect(registeredPath, "the initiative from the test before").toMatch(/^\/demo\/insatser\//);
      const other = await newContext(browser, { javaScriptEnabled: false });
      try {
        const second = await other.newPage();
        await signIn(second, base, DEMO.admin, DEMO.password);
        // both open the change form
        await page.goto(`${base}${registeredPath}`);
        await page.getByRole("link", { name: "Ändra uppgifterna" }).click();
        await page.waitForURL(`${base}${registeredPath}/andra`);
        await checkA11y(page, "change initiative (no JS)");
        await second.goto(`${base}${registeredPath}/andra`);

        // the first renames it and saves
        await page.getByLabel("Insatsens namn").fill("Knivsta, Steget vidare 2.0");
        await page.getByRole("main").getByRole("button", { name: "Spara" }).click();
        await page.waitForURL(`${base}${registeredPath}?klart=sparad`);
        expect(await page.getByRole("status").textContent()).toBe("Ändringarna är sparade.");
        expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
          "Knivsta, Steget vidare 2.0",
        );

        // the second, on the form as it was, changes the target group and saves
        await second.getByLabel("Målgrupp", { exact: true }).fill("Unga vuxna 18–29 år");
        const response = await post(second, "Spara");
        expect(response.status()).toBe(409);
        const summary = await second.locator(".error-summary").textContent();
        expect(summary).toContain("Någon annan har sparat insatsen medan du arbetade");
        expect(summary).toMatch(/Deras version skiljer sig från din i: [^.]*\bnamn\b/);
        expect(await second.getByLabel("Målgrupp", { exact: true }).inputValue()).toBe(
          "Unga vuxna 18–29 år",
        );
        expect(await second.getByLabel("Insatsens namn").inputValue()).toBe(
          "Knivsta, Steget vidare",
        );
        await checkA11y(second, "change initiative with conflict (no JS)");

        // saving again does not overwrite the first person's change either
        expect((await post(second, "Spara")).status()).toBe(409);
        // the way on: fetch the version the other person saved
        await second.getByRole("link", { name: "Hämta den senaste versionen" }).click();
        await second.waitForURL(`${base}${registeredPath}/andra`);
        expect(await second.getByLabel("Insatsens namn").inputValue()).toBe(
          "Knivsta, Steget vidare 2.0",
        );
        expect(await second.locator(".error-summary").count()).toBe(0);
        await page.goto(`${base}${registeredPath}`);
        expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
          "Knivsta, Steget vidare 2.0",
        );
        expect((await summaryList(page)).Målgrupp).toBe("Unga vuxna i Tierp");
      } finally {
        await other.close();
      }
    },
    E2E_TIMEOUT,
  );
});

describe("the initiative register with JavaScript", () => {
  it(
    "the initiative lead sees only their own initiatives, and can change them",
    async () => {
      const base = server.baseUrl;
      const context = await newContext(browser);
      try {
        const lead = await context.newPage();
        await signIn(lead, base, LEAD, DEMO.password);
        expect(await sideNav(lead)).toContain("Insatser");
        await lead
          .getByRole("navigation", { name: "Huvudmeny" })
          .getByRole("link", { name: "Insatser" })
          .click();
        await lead.waitForURL(`${base}/demo/insatser`);
        await lead.getByRole("heading", { level: 1, name: "Insatser" }).waitFor();
        // her running initiative and the one of the application she is drafting
        expect(await column(lead, 0)).toEqual(["Tierp, Gröna jobb", "Tierp, Växtverket"]);
        expect(await lead.getByRole("link", { name: "Registrera insats" }).count()).toBe(0);
        await checkA11y(lead, "initiatives (lead)");

        await lead.getByRole("link", { name: "Tierp, Växtverket" }).click();
        await lead.getByRole("heading", { level: 1, name: "Tierp, Växtverket" }).waitFor();
        await checkA11y(lead, "initiative (lead)");
        await lead.getByRole("link", { name: "Ändra uppgifterna" }).click();
        await lead.waitForURL(/\/andra$/);
        await lead.getByRole("heading", { level: 1, name: "Ändra Tierp, Växtverket" }).waitFor();
        await checkA11y(lead, "change initiative (lead)");

        // a number that is not a number is refused at its field, then the change is saved
        await lead.getByLabel("Förväntat antal deltagare").first().fill("många");
        await lead.getByRole("main").getByRole("button", { name: "Spara" }).click();
        await lead.locator(".error-summary").waitFor();
        expect(await lead.locator('[id="expectedParticipants-error"]').textContent()).toBe(
          "Skriv antalet deltagare som ett heltal, till exempel 40.",
        );
        expect(await lead.getByLabel("Förväntat antal deltagare").first().inputValue()).toBe(
          "många",
        );
        await lead.getByLabel("Förväntat antal deltagare").first().fill("12");
        await lead.getByLabel("Löpande (antal samtidigt)").check();
        await lead.getByLabel("Målgrupp", { exact: true }).fill("Unga vuxna i Tierps kommun");
        // an initiative needs a partner besides its owner (Tierps kommun)
        await lead
          .getByRole("group", { name: /^Samverkansparter/ })
          .getByLabel("Arbetsförmedlingen")
          .check();
        await lead.getByRole("main").getByRole("button", { name: "Spara" }).click();
        await lead.waitForURL(/\/demo\/insatser\/[^/]+\?klart=sparad$/);
        expect(await lead.getByRole("status").textContent()).toBe("Ändringarna är sparade.");
        const saved = await summaryList(lead);
        expect(saved.Målgrupp).toBe("Unga vuxna i Tierps kommun");
        expect(saved["Förväntat antal deltagare"]).toBe("12 löpande");

        // someone else's initiative is not theirs to see
        const [other] = await server.db
          .select()
          .from(initiatives)
          .where(eq(initiatives.name, "Uppsala, Lärcentrum digitalt"));
        const refused = await lead.goto(`${base}/demo/insatser/${other?.id}`);
        expect(refused?.status()).toBe(403);
        expect(pathOf(lead)).toBe(`/demo/insatser/${other?.id}`);
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );

  it("checked every page visited with axe", () => {
    expect(checkedPages).toEqual(
      expect.arrayContaining([
        "initiatives (no JS)",
        "initiatives filtered (no JS)",
        "initiatives sorted (no JS)",
        "new initiative (no JS)",
        "new initiative with errors (no JS)",
        "initiative (no JS)",
        "change initiative (no JS)",
        "change initiative with conflict (no JS)",
        "initiatives (lead)",
        "initiative (lead)",
        "change initiative (lead)",
      ]),
    );
  });
});
