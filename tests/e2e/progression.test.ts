// Progression measurement in the browser on the demo (needs the web build), every page checked
// with axe — must-show 1 against the demo as seeded (src/demo/demo-progression.ts: a plan for every
// running individual initiative, most enrollments measured, some baselines overdue): the office
// changes Växtverket's measurement plan; the coach opens the list of measurements due, picks a
// participant whose baseline is overdue, enters it in an interview (with the items shown in Arabic,
// right to left, once), is refused a follow-up dated before it without losing the typed answers,
// enters the follow-up and reads the change; the office reads the change by gender on the results
// page; the interview form works at 320 px without sideways scrolling, and by keyboard alone.
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/demo/demo-time.ts";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, signIn, visit } from "./helpers.ts";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const COACH = "coach@demo.samspar.se";
const INITIATIVE = "Tierp, Växtverket";
const SELF_RATING = /^Samspårs självskattning: vägen mot arbete/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SELF_RATING_SCORES = /^Resultat med Samspårs självskattning/;
const TARGET = "Mål: andel av deltagarna som mäts (procent)";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function signedIn(email: string, options = {}): Promise<Page> {
  const context = await newContext(browser, options);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server.baseUrl, email, DEMO.password);
  return page;
}

const answerItems = (page: Page) => page.locator("fieldset.answers__item");

/** Chooses `value` in every item of the answer form. */
async function answerAll(page: Page, value: string): Promise<number> {
  const items = answerItems(page);
  const n = await items.count();
  for (let i = 0; i < n; i++) await items.nth(i).locator(`input[value="${value}"]`).check();
  return n;
}

/** The values chosen in the answer form, item by item ("" when none). */
async function chosen(page: Page): Promise<string[]> {
  return answerItems(page).evaluateAll((items) =>
    items.map((item) => item.querySelector<HTMLInputElement>("input:checked")?.value ?? ""),
  );
}

/** The text of the cells of a table row, after its header. */
const cellsOf = async (row: Locator) =>
  (await row.locator("td").allInnerTexts()).map((s) => s.replace(/\s+/g, " ").trim());

describe("progression measurement", () => {
  let enrollmentPath = "";
  let baselineDate = "";

  it(
    "the office changes the measurement plan of an initiative",
    async () => {
      const page = await signedIn(DEMO.admin);
      await page.goto(`${server.baseUrl}/demo/insatser`);
      const href = await page
        .getByRole("link", { name: INITIATIVE, exact: true })
        .first()
        .getAttribute("href");
      await visit(page, server.baseUrl, `${href}/progression`, "mätplan");
      await page.getByRole("heading", { level: 1, name: `Mätplan för ${INITIATIVE}` }).waitFor();
      await hydrated(page);
      // the demo's plan: the self-rating, every third month, a target of 80 %, a comparison group
      await expect
        .poll(() => page.getByRole("checkbox", { name: SELF_RATING }).isChecked())
        .toBe(true);
      expect(await page.getByLabel("Månader mellan uppföljningarna").inputValue()).toBe("3");
      const target = page.getByLabel(TARGET);
      expect(await target.inputValue()).toBe("80");
      await target.fill("85");
      await page.getByRole("button", { name: "Spara mätplanen" }).click();
      await page.getByRole("status").filter({ hasText: "Mätplanen är sparad." }).waitFor();
      await checkA11y(page, "mätplanen sparad");
      expect(await page.getByLabel(TARGET).inputValue()).toBe("85");
      expect(await page.getByRole("checkbox", { name: SELF_RATING }).isChecked()).toBe(true);
    },
    E2E_TIMEOUT,
  );

  it(
    "the coach enters an overdue baseline from the list of measurements due",
    async () => {
      const page = await signedIn(COACH);
      await visit(page, server.baseUrl, "/demo/deltagare/matningar", "mätningar att göra");
      await page.getByRole("heading", { level: 1, name: "Mätningar att göra" }).waitFor();
      await hydrated(page);
      // only the overdue ones
      await page.getByLabel("Status").selectOption({ label: "Försenad" });
      await page.getByRole("button", { name: "Visa", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Mätningar att göra" }).waitFor();
      await expect
        .poll(async () => {
          const statuses = await page.locator("tbody tr td:nth-last-child(2)").allInnerTexts();
          return statuses.length > 0 && statuses.every((s) => s.trim().startsWith("Försenad"));
        })
        .toBe(true);
      await checkA11y(page, "försenade mätningar");

      // a participant whose baseline with the self-rating is overdue
      const row = page
        .getByRole("row")
        .filter({ has: page.getByRole("link", { name: /^Registrera Nollpunkt för / }) })
        .filter({ has: page.getByRole("cell", { name: SELF_RATING }) })
        .first();
      const dueOn = (await row.locator("td.date").innerText()).trim();
      expect(dueOn).toMatch(ISO_DATE);
      await row.getByRole("link", { name: /^Registrera Nollpunkt för / }).click();
      await page.getByRole("heading", { level: 1, name: /^Registrera en mätning för / }).waitFor();
      await hydrated(page);
      await checkA11y(page, "mätformuläret");
      enrollmentPath = new URL(page.url()).pathname.replace(/\/matningar\/ny$/, "");
      expect(await page.getByRole("radio", { name: "Nollpunkt", exact: true }).isChecked()).toBe(
        true,
      );
      // the baseline a day after the start, so a follow-up can be dated between the two
      baselineDate = addDays(dueOn, 1);
      expect(baselineDate <= (await page.getByLabel("Datum för mätningen").inputValue())).toBe(
        true,
      );

      // the items in Arabic, right to left, with Swedish beside
      await page.getByRole("link", { name: "العربية" }).click();
      await page.locator('span[lang="ar"][dir="rtl"]').first().waitFor();
      await checkA11y(page, "mätformuläret på arabiska");

      await page.getByLabel("Datum för mätningen").fill(baselineDate);
      expect(await answerAll(page, "4")).toBe(9);
      // one item not answered by choice
      await answerItems(page).nth(8).getByLabel("Vill inte svara").check();
      await page.getByRole("button", { name: "Spara mätningen" }).click();
      await page.getByRole("status").filter({ hasText: "Mätningen är registrerad." }).waitFor();
      await page.getByRole("heading", { level: 1, name: /^Progressionsmätningar för / }).waitFor();
      await checkA11y(page, "deltagarens mätningar");
      const scores = page.getByRole("table", { name: SELF_RATING_SCORES });
      expect(await scores.getByRole("columnheader").allInnerTexts()).toContain(
        `Nollpunkt ${baselineDate}`,
      );
    },
    E2E_TIMEOUT,
  );

  it(
    "refuses a follow-up before the baseline, keeping the answers, then takes it and shows the change",
    async () => {
      expect(enrollmentPath).not.toBe("");
      const page = await signedIn(COACH);
      await page.goto(`${server.baseUrl}${enrollmentPath}/matningar`);
      await page.getByRole("heading", { level: 1, name: /^Progressionsmätningar för / }).waitFor();
      await hydrated(page);
      await page.getByRole("link", { name: "Registrera en mätning" }).click();
      await page.getByRole("heading", { level: 1, name: /^Registrera en mätning för / }).waitFor();
      await hydrated(page);
      // the plan has two instruments: the coach chooses the self-rating
      const instruments = page.getByRole("navigation", { name: "Instrument" });
      const current = instruments.locator('[aria-current="page"]');
      if (!SELF_RATING.test(await current.innerText())) {
        await instruments.getByRole("link", { name: SELF_RATING }).click();
        await current.filter({ hasText: SELF_RATING }).waitFor();
        await hydrated(page);
      }
      expect(await current.innerText()).toMatch(SELF_RATING);
      const date = page.getByLabel("Datum för mätningen");
      // the form proposes today; the enrollment may have ended before it
      const ended = (await page.locator("main").innerText()).match(/Avslutad (\d{4}-\d{2}-\d{2})/);
      const today = await date.inputValue();
      const followUpDate = ended?.[1] && ended[1] < today ? ended[1] : today;
      expect(followUpDate >= baselineDate).toBe(true);

      await page.getByRole("radio", { name: "Uppföljning", exact: true }).check();
      const before = addDays(baselineDate, -1);
      await date.fill(before);
      await answerAll(page, "7");
      await page.getByRole("button", { name: "Spara mätningen" }).click();
      const refusal = `Uppföljningen kan inte vara före nollpunkten (${baselineDate}).`;
      await page.getByRole("alert").filter({ hasText: refusal }).waitFor();
      await checkA11y(page, "uppföljningen nekad");
      // nothing is lost: the occasion, the date and every answer are as typed
      expect(await page.getByRole("radio", { name: "Uppföljning", exact: true }).isChecked()).toBe(
        true,
      );
      expect(await page.getByLabel("Datum för mätningen").inputValue()).toBe(before);
      expect(await chosen(page)).toEqual(Array(9).fill("7"));

      await page.getByLabel("Datum för mätningen").fill(followUpDate);
      await page.getByRole("button", { name: "Spara mätningen" }).click();
      await page.getByRole("status").filter({ hasText: "Mätningen är registrerad." }).waitFor();
      const scores = page.getByRole("table", { name: SELF_RATING_SCORES });
      expect(await scores.getByRole("columnheader").allInnerTexts()).toEqual([
        "Resultat",
        `Nollpunkt ${baselineDate}`,
        `Uppföljning ${followUpDate}`,
      ]);
      // 4 → 7 on every item answered both times: the total rose by 3
      const total = scores
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: "Totalt" }) });
      const [first, second] = await cellsOf(total);
      expect(first).toBe("4");
      expect(second).toBe("7 förändring från nollpunkten: (+3)");
    },
    E2E_TIMEOUT,
  );

  it(
    "the office reads the change by gender on the results page",
    async () => {
      const page = await signedIn(DEMO.admin);
      await visit(page, server.baseUrl, "/demo/progression", "progression");
      await page.getByRole("heading", { level: 1, name: "Progression" }).waitFor();
      await hydrated(page);
      await page.getByLabel("Från och med").fill("2025-01-01");
      await page.getByLabel("Till och med").fill("2026-11-23");
      await page.getByRole("button", { name: "Visa", exact: true }).click();
      await page
        .getByRole("heading", { level: 2, name: "Perioden 2025-01-01 – 2026-11-23" })
        .waitFor();
      await checkA11y(page, "progressionens resultat");

      const results = page.getByRole("region", {
        name: new RegExp(`^${SELF_RATING.source.slice(1)}.*, ${INITIATIVE}$`),
      });
      // the change from the baseline, women and men each with figures
      const change = results.getByRole("table", {
        name: /^Förändring från nollpunkten, deltagare – /,
      });
      const heads = await change.getByRole("columnheader").allInnerTexts();
      expect(heads).toEqual(expect.arrayContaining(["Kvinnor", "Män", "Totalt"]));
      const total = change.locator('tr[data-score="total"]');
      const cells = await cellsOf(total);
      // n, baseline, latest, change for women, men, everybody
      expect(cells).toHaveLength(12);
      for (const g of [0, 1, 2]) {
        expect(cells[g * 4], `n of group ${g}`).toMatch(/^\d+$/);
        expect(cells[g * 4 + 3], `change of group ${g}`).toMatch(/^[+−-]?\d+(,\d+)?$/);
      }
      expect(await total.locator("td[data-hidden]").count()).toBe(0);

      // the chart of the change by dimension, with its data table: women and men with figures
      const chartData = results.getByRole("table", {
        name: /^Diagrammets uppgifter: Förändring från nollpunkten per dimension/,
      });
      expect(await chartData.getByRole("columnheader").allInnerTexts()).toEqual(
        expect.arrayContaining(["Kvinnor", "Män"]),
      );
      const rows = await chartData.locator("tbody tr").all();
      expect(rows.length).toBeGreaterThan(1);
      const figures = await Promise.all(rows.map(cellsOf));
      expect(
        figures.some((f) => /\d/.test(f[0] ?? "") && /\d/.test(f[1] ?? "")),
        JSON.stringify(figures),
      ).toBe(true);
      await results
        .getByRole("table", { name: /^Diagrammets uppgifter: Totalpoängens fördelning/ })
        .waitFor();
      // and the comparison group beside
      await results
        .getByRole("table", { name: /^Förändring från nollpunkten, jämförelsegrupp/ })
        .waitFor();
    },
    E2E_TIMEOUT,
  );

  it(
    "the interview form fits 320 px and is answered by keyboard",
    async () => {
      expect(enrollmentPath).not.toBe("");
      const page = await signedIn(COACH, { viewport: { width: 320, height: 640 } });
      await page.goto(`${server.baseUrl}${enrollmentPath}/matningar/ny?tillfalle=uppfoljning`);
      await page.getByRole("heading", { level: 1, name: /^Registrera en mätning för / }).waitFor();
      await hydrated(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      // a radio group is one tab stop; the arrow keys choose within it
      const first = answerItems(page).first();
      await first.locator('input[value="1"]').focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      expect(await first.locator('input[value="3"]').isChecked()).toBe(true);
      await checkA11y(page, "mätformuläret 320 px");
    },
    E2E_TIMEOUT,
  );
});
