// Browser journey of a late periodic report of the demo's "Tierp, Växtverket" (issue 4): the
// office finds it on the reporting dashboard, sends its lead a reminder now with the keyboard,
// reads the notice naming the lead, has a second reminder within the minute refused (without
// JavaScript: the form is a plain POST), and finds the mail in the outbox. Then the daily
// reminder run goes once, and its mails (to the lead, a copy to the office) land in the outbox
// too, and the dashboard says the latest reminder was automatic. Every page is checked with axe.
import { and, eq } from "drizzle-orm";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { initiatives } from "../../src/initiatives/schema.ts";
import { periodName, sendReportReminders } from "../../src/reports/reminders.ts";
import { dashboardReports } from "../../src/reports/report-dashboard.ts";
import { periodicReports, reportReminders } from "../../src/reports/schema.ts";
import { checkA11y, checkedPages, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, signIn } from "./helpers.ts";

const LEAD = { name: "Leila Haddad", email: "insatsansvarig@demo.samspar.se" };
const OFFICE = { name: "Maria Lindqvist", email: DEMO.admin };
const INITIATIVE = "Tierp, Växtverket";
const today = todayInSweden();
const JOURNEY_TIMEOUT = 2 * E2E_TIMEOUT;

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** The late report: a draft of Växtverket (the latest ended period's), made due three days ago. */
let report = { id: "", periodKey: "", dueDate: "" };

const daysBefore = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

async function office(javaScript: boolean): Promise<Page> {
  const context = await newContext(browser, javaScript ? {} : { javaScriptEnabled: false });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server.baseUrl, OFFICE.email, DEMO.password);
  return page;
}

/** The row of the report in the late reports' table. */
const lateRow = (page: Page): Locator =>
  page
    .getByRole("table", { name: /försenade? rapporter?, den äldsta först$/ })
    .getByRole("row", { name: new RegExp(`^${INITIATIVE}.*${report.periodKey}`) });

/** The cell of the late report's row under "Senaste påminnelse". */
async function lastReminder(page: Page): Promise<string> {
  const headers = await page
    .getByRole("table", { name: /den äldsta först$/ })
    .locator("thead th")
    .allTextContents();
  const column = headers.indexOf("Senaste påminnelse");
  expect(column).toBeGreaterThan(0);
  // the row's first cell is its header (th), the others are td
  return (
    (
      await lateRow(page)
        .locator("td")
        .nth(column - 1)
        .textContent()
    )?.trim() ?? ""
  );
}

/** The outbox's mails as subject, recipient and text. */
async function outbox(page: Page) {
  return page.locator("article.mail").evaluateAll((articles) =>
    articles.map((a) => ({
      subject: a.querySelector("h2")?.textContent?.trim() ?? "",
      to: a.querySelector("dd")?.textContent?.trim() ?? "",
      text: a.querySelector("pre")?.textContent ?? "",
    })),
  );
}

describe("reminders of a late report", () => {
  let page: Page;

  it(
    "the office finds the late report on the dashboard and sends its lead a reminder now",
    async () => {
      const base = server.baseUrl;
      page = await office(true);
      await page.goto(`${base}/demo/rapporter`);
      await page.getByRole("heading", { level: 1, name: "Rapporter" }).waitFor();

      // the dashboard has created the reports; one of Växtverket's is made three days late
      const [vaxtverket] = await server.db
        .select()
        .from(initiatives)
        .where(eq(initiatives.name, INITIATIVE));
      if (!vaxtverket) throw new Error("demo initiative missing");
      const own = (
        await dashboardReports(server.db, vaxtverket.associationId, "all", today)
      ).filter((r) => r.initiativeId === vaxtverket.id);
      // a draft of an ended period (newest first), else the running period's draft
      const draft =
        own.find((r) => r.periodEnd < today && r.status === "utkast") ??
        own.find((r) => r.status === "utkast");
      if (!draft) throw new Error("no draft report of Växtverket");
      report = { id: draft.id, periodKey: draft.periodKey, dueDate: daysBefore(today, 3) };
      await server.db
        .update(periodicReports)
        .set({ dueDate: report.dueDate })
        .where(eq(periodicReports.id, report.id));
      expect(await server.db.$count(reportReminders, eq(reportReminders.reportId, report.id))).toBe(
        0,
      );

      await page.goto(`${base}/demo/rapporter`);
      await hydrated(page);
      await page.getByRole("heading", { level: 2, name: "Försenade rapporter" }).waitFor();
      const row = lateRow(page);
      expect(await row.locator("td").first().textContent()).toBe(
        `${INITIATIVE}, ${report.periodKey}`,
      );
      expect(await row.textContent()).toContain(report.dueDate);
      expect(await row.textContent()).toContain(LEAD.name);
      expect(await lastReminder(page)).toBe("Ingen än");
      await checkA11y(page, "reports dashboard with reminders");

      // the button, by keyboard
      const button = page.getByRole("button", {
        name: `Skicka påminnelse om ${INITIATIVE}, ${report.periodKey}`,
      });
      await button.focus();
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.keyboard.press("Enter"),
      ]);
      expect(response.status()).toBeLessThan(400);
      const period = periodName(report.periodKey);
      await page
        .locator(".notice", {
          hasText: `Påminnelsen är skickad till ${LEAD.name} (${LEAD.email}). Den gäller rapporten för ${INITIATIVE}, ${period}.`,
        })
        .waitFor();
      expect(await lastReminder(page)).toBe(`${today}, skickad av kansliet`);
      await checkA11y(page, "reports dashboard after a reminder");
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "a second reminder within the minute is refused, also without JavaScript",
    async () => {
      expect(report.id, "the report of the test before").not.toBe("");
      const plain = await office(false);
      await plain.goto(`${server.baseUrl}/demo/rapporter`);
      const [response] = await Promise.all([
        plain.waitForResponse((r) => r.request().method() === "POST"),
        plain
          .getByRole("button", { name: `Skicka påminnelse om ${INITIATIVE}, ${report.periodKey}` })
          .click(),
      ]);
      expect(response.status()).toBe(409);
      const refusal = plain
        .getByRole("alert")
        .filter({ has: plain.getByRole("heading", { name: "Påminnelsen skickades inte" }) });
      await refusal.waitFor();
      expect(await refusal.textContent()).toMatch(
        new RegExp(
          `En påminnelse om rapporten för ${INITIATIVE}, ${periodName(report.periodKey)} skickades nyss \\(${today} \\d\\d:\\d\\d\\), så ingen ny har skickats\\.`,
        ),
      );
      await checkA11y(plain, "reports dashboard, reminder refused (no JavaScript)");
      const manual = await server.db
        .select()
        .from(reportReminders)
        .where(eq(reportReminders.reportId, report.id));
      expect(manual.map((r) => r.kind)).toEqual([expect.stringMatching(/^manual-/)]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "the outbox has the reminder; the daily run adds its own and a copy to the office",
    async () => {
      expect(report.id, "the report of the first test").not.toBe("");
      const base = server.baseUrl;
      const link = `${base}/demo/rapporter/${report.id}`;
      const forReport = (mails: Awaited<ReturnType<typeof outbox>>) =>
        mails.filter((m) => m.text.includes(link));

      await page.goto(`${base}/demo/utkorg`);
      await page.getByRole("heading", { level: 1, name: "Utkorg" }).waitFor();
      const first = forReport(await outbox(page));
      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({
        subject: `Rapporten för ${INITIATIVE} är försenad`,
        to: LEAD.email,
      });
      expect(first[0]?.text).toContain(`Hej ${LEAD.name}!`);
      expect(first[0]?.text).toContain(`Den gäller ${periodName(report.periodKey)} (`);
      expect(first[0]?.text).toContain(
        `Sista dag var ${report.dueDate}. Rapporten är 3 dagar försenad.`,
      );
      await checkA11y(page, "outbox with the office's reminder");

      // the daily job's run, with the app's own mailer and address
      const run = await sendReportReminders(server.db, {
        mailer: server.services.mailer,
        baseUrl: server.services.config.baseUrl,
      });
      expect(run.sent.filter((s) => s.reportId === report.id)).toEqual([
        {
          associationSlug: "demo",
          initiativeName: INITIATIVE,
          periodKey: report.periodKey,
          reportId: report.id,
          kind: "overdue-0",
          to: [LEAD.email, OFFICE.email],
        },
      ]);

      await page.goto(`${base}/demo/utkorg`);
      await page.getByRole("heading", { level: 1, name: "Utkorg" }).waitFor();
      const all = forReport(await outbox(page));
      expect(all).toHaveLength(3);
      const toLead = all.filter((m) => m.to === LEAD.email);
      expect(toLead).toHaveLength(2);
      // the office's reminder and the automatic one are the same mail
      expect(toLead[0]?.text).toBe(toLead[1]?.text);
      expect(all.find((m) => m.to === OFFICE.email)).toMatchObject({
        subject: `Försenad rapport: ${INITIATIVE}, ${periodName(report.periodKey)}`,
      });
      await checkA11y(page, "outbox with the automatic reminders");

      await page.goto(`${base}/demo/rapporter`);
      await page.getByRole("heading", { level: 2, name: "Försenade rapporter" }).waitFor();
      expect(await lastReminder(page)).toBe(`${today}, automatisk`);
      await checkA11y(page, "reports dashboard after the daily run");

      const reminders = await server.db
        .select()
        .from(reportReminders)
        .where(and(eq(reportReminders.reportId, report.id), eq(reportReminders.kind, "overdue-0")));
      expect(reminders).toHaveLength(1);
      expect(checkedPages).toEqual([
        "reports dashboard with reminders",
        "reports dashboard after a reminder",
        "reports dashboard, reminder refused (no JavaScript)",
        "outbox with the office's reminder",
        "outbox with the automatic reminders",
        "reports dashboard after the daily run",
      ]);
    },
    JOURNEY_TIMEOUT,
  );
});
