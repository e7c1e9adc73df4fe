// Browser journey through the application form. With JavaScript: an initiative lead starts an
// application, saves an incomplete draft, is refused inconsistent input at each field (the
// draft kept as it was) and saves the corrected draft. Without JavaScript: the budget matrix
// and co-financing saved after a refusal, and signatures removed when the content changes.
// Two people saving at once: the second sees the first one's change and overwrites nothing.

import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getApplication } from "../../src/applications/get-application.ts";
import { applications } from "../../src/applications/schema.ts";
import { recordPaperSignature } from "../../src/applications/signatures.ts";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { findAssociationBySlug } from "../../src/associations/find-association.ts";
import { checkA11y, checkedPages, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, signIn } from "./helpers.ts";

const LEAD = "insatsansvarig@demo.samspar.se";
const NBSP = "\u00a0";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

let server: TestServer;
let browser: Browser;
let associationId = "";
/** The application started in the first test, for the ones after. */
let applicationId = "";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  associationId = (await findAssociationBySlug(server.db, "demo"))?.id ?? "";
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const stored = async () => {
  const a = await getApplication(server.db, associationId, applicationId);
  if (!a) throw new Error("the application is gone");
  return a;
};
const orgId = async (name: string) =>
  (await stored()).organisations.find((o) => o.name === name)?.id ?? "";

/** Clicks the form's save button and waits for the page the post answers with. */
async function save(p: Page): Promise<Response> {
  const [response] = await Promise.all([
    p.waitForResponse((r) => r.request().method() === "POST"),
    p.getByRole("main").getByRole("button", { name: "Spara utkast" }).click(),
  ]);
  await p.waitForLoadState("load");
  return response;
}

/** The error summary's links as href → text. */
const summaryLinks = async (p: Page) =>
  Object.fromEntries(
    await p
      .locator(".error-summary")
      .getByRole("link")
      .evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.textContent])),
  );

/** Each message is at its field (the field marked invalid and described by it) and in the summary. */
async function expectAtFields(p: Page, problems: Record<string, string>) {
  await p.locator(".error-summary").waitFor();
  expect(await summaryLinks(p)).toEqual(
    Object.fromEntries(Object.entries(problems).map(([f, m]) => [`#${f}`, m])),
  );
  for (const [field, message] of Object.entries(problems)) {
    expect(await p.locator(`[id="${field}-error"]`).textContent()).toBe(message);
    const input = p.locator(`[id="${field}"]`);
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    // a group (fieldset) is described as a whole; a single field by its own error
    const describedBy =
      (await input.getAttribute("aria-describedby")) ??
      (await input.evaluate((el) => el.closest("fieldset")?.getAttribute("aria-describedby")));
    expect(describedBy?.split(" ")).toContain(`${field}-error`);
  }
}

describe("the application form with JavaScript", () => {
  let context: BrowserContext;
  let lead: Page;
  beforeAll(async () => {
    context = await newContext(browser);
    lead = await context.newPage();
    await signIn(lead, server.baseUrl, LEAD, DEMO.password);
  });
  afterAll(() => context?.close());

  it(
    "an initiative lead starts an application and saves an incomplete draft",
    async () => {
      const base = server.baseUrl;
      await lead.goto(`${base}/demo/ansokningar/ny`);
      await hydrated(lead);
      await lead.getByRole("heading", { level: 1, name: "Ny ansökan" }).waitFor();
      await checkA11y(lead, "new application (lead)");
      // the association's help texts under their headings, and the form's version
      expect(await lead.getByText("Rubriker med * har förklarande text.").count()).toBe(1);
      expect(await lead.getByText("Ansökan 2026:1", { exact: false }).count()).toBe(1);
      expect(await lead.locator('[id="purpose-hint"]').textContent()).toBe(
        "Vad ska insatsen åstadkomma, och för vem?",
      );
      // only the office registers applications that came on paper
      expect(await lead.getByLabel(/papper eller e-post/).count()).toBe(0);

      // nothing filled in: the two things a draft needs are asked for at their fields
      expect((await save(lead)).status()).toBe(400);
      await expectAtFields(lead, {
        name: "Fyll i insatsens namn.",
        ownerOrganisationId: "Välj vilken medlemsorganisation som äger insatsen.",
      });

      await lead.getByLabel(/^Insatsens namn/).fill("Tierp, Nya vägar");
      await lead.getByLabel(/^Insatsägare/).selectOption({ label: "Tierps kommun" });
      await lead.getByLabel(/^Syfte/).fill("Fler unga vuxna ska nå arbete.\n\n- studier\n- jobb");
      await lead.getByRole("main").getByRole("button", { name: "Spara utkast" }).click();
      await lead.waitForURL(new RegExp(`/demo/ansokningar/${UUID}\\?klart=skapad$`));
      applicationId = new URL(lead.url()).pathname.split("/").at(-1) ?? "";

      const draft = await stored();
      expect(draft.status).toBe("utkast");
      expect(draft.version).toBe(1);
      expect(draft.receivedOnPaper).toBe(false);
      expect(draft.content).toMatchObject({
        name: "Tierp, Nya vägar",
        ownerOrganisationId: await orgId("Tierps kommun"),
        partnerIds: [],
        purpose: "Fler unga vuxna ska nå arbete.\n\n- studier\n- jobb",
        goals: [],
        budget: [],
      });
    },
    E2E_TIMEOUT,
  );

  it(
    "refuses end before start, the owner as partner and a share over 100 %, each at its field, keeping what was typed and the stored draft",
    async () => {
      const base = server.baseUrl;
      expect(applicationId, "the application from the test before").toMatch(new RegExp(UUID));
      const before = await stored();
      // the applicant became the lead of the new initiative, so they may go on changing it
      const response = await lead.goto(`${base}/demo/ansokningar/${applicationId}/andra`);
      expect(response?.status()).toBe(200);
      await hydrated(lead);
      await checkA11y(lead, "edit application (lead)");
      expect(await lead.getByLabel(/^Insatsens namn/).inputValue()).toBe("Tierp, Nya vägar");

      const partners = lead.getByRole("group", { name: /^Samverkansparter/ });
      const goal = lead.getByRole("group", { name: "Mål 1" });
      await lead.getByLabel(/^Planerad start/).fill("2027-03-01");
      await lead.getByLabel(/^Planerat slut/).fill("2027-01-31");
      await partners.getByLabel("Tierps kommun").check();
      await partners.getByLabel("Arbetsförmedlingen").check();
      await goal.getByLabel("Vad ska uppnås?").fill("Deltagare går till arbete eller studier");
      await goal.getByLabel("Sorts mål").selectOption("resultatmal");
      await goal.getByLabel("Målvärde i procent").fill("120");
      await lead.getByLabel(/^Bakgrund och behov/).fill("Många unga vuxna i Tierp saknar arbete.");
      await lead.getByLabel("Ja", { exact: true }).check();

      expect((await save(lead)).status()).toBe(400);
      await expectAtFields(lead, {
        partnerIds: "Insatsägaren kan inte också vara samverkanspart. Välj de andra parterna.",
        endDate: "Slutdatum kan inte vara före startdatum.",
        "goals.0.targetPercent": "Andelen för mål 1 kan inte vara över 100 %.",
      });
      // what was typed is still in the form
      expect(await lead.getByLabel(/^Planerat slut/).inputValue()).toBe("2027-01-31");
      expect(await partners.getByLabel("Tierps kommun").isChecked()).toBe(true);
      expect(await partners.getByLabel("Arbetsförmedlingen").isChecked()).toBe(true);
      expect(await goal.getByLabel("Målvärde i procent").inputValue()).toBe("120");
      expect(await goal.getByLabel("Sorts mål").inputValue()).toBe("resultatmal");
      expect(await lead.getByLabel(/^Bakgrund och behov/).inputValue()).toBe(
        "Många unga vuxna i Tierp saknar arbete.",
      );
      expect(await lead.getByLabel("Ja", { exact: true }).isChecked()).toBe(true);
      await checkA11y(lead, "edit application with errors (lead)");
      // and nothing of it was stored
      const after = await stored();
      expect(after.version).toBe(before.version);
      expect(after.content).toEqual(before.content);

      // corrected, it is saved
      await partners.getByLabel("Tierps kommun").uncheck();
      await lead.getByLabel(/^Planerat slut/).fill("2028-12-31");
      await goal.getByLabel("Målvärde i procent").fill("60");
      await lead.getByRole("main").getByRole("button", { name: "Spara utkast" }).click();
      await lead.waitForURL(`${base}/demo/ansokningar/${applicationId}?klart=sparad`);
      const saved = await stored();
      expect(saved.version).toBe(before.version + 1);
      expect(saved.content).toMatchObject({
        partnerIds: [await orgId("Arbetsförmedlingen")],
        startDate: "2027-03-01",
        endDate: "2028-12-31",
        goals: [
          {
            text: "Deltagare går till arbete eller studier",
            kind: "resultatmal",
            targetNumber: null,
            targetPercent: 60,
          },
        ],
        background: "Många unga vuxna i Tierp saknar arbete.",
        anchored: true,
        purpose: before.content.purpose,
      });
    },
    E2E_TIMEOUT,
  );
});

describe("the application form without JavaScript", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(browser, { javaScriptEnabled: false });
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it(
    "saves the budget matrix and co-financing after a refusal, and says signatures were removed",
    async () => {
      const base = server.baseUrl;
      expect(applicationId, "the application from the tests before").toMatch(new RegExp(UUID));
      await signIn(page, base, LEAD, DEMO.password);
      // the owner has signed the draft as it is
      await recordPaperSignature(
        server.db,
        { userId: null, label: "test" },
        associationId,
        applicationId,
        {
          organisationId: await orgId("Tierps kommun"),
          name: "Behörig Person",
          email: "",
          signedOn: todayInSweden(),
        },
      );
      const before = await stored();
      expect(before.parties.find((p) => p.isOwner)?.signature?.signedAt).toBeTruthy();

      await page.goto(`${base}/demo/ansokningar/${applicationId}/andra`);
      await checkA11y(page, "edit application (no JS)");
      // the budget's columns are the planned years, 2027 and 2028
      const budget = page.getByRole("table", { name: /^Sökta medel från förbundet per år/ });
      expect(await budget.locator("thead th").allTextContents()).toEqual([
        "Kostnadsslag",
        "2027",
        "2028",
        "Summa",
      ]);
      await page.getByLabel("Personal 2027, kronor").fill("900 000");
      await page.getByLabel("Personal 2028, kronor").fill("mycket");
      await page.getByLabel("Resor 2028, kronor").fill("25000");
      const line = page.getByRole("group", { name: "Finansiering 1" });
      await line.getByLabel("Part", { exact: true }).selectOption({ label: "Arbetsförmedlingen" });
      await line.getByLabel("Vad parten bidrar med").selectOption({ label: "Personaltid" });
      await line.getByLabel("År").fill("2027");
      await line.getByLabel("Belopp i kronor").fill("200 000");
      await page.getByLabel(/^Mål för könsfördelning/).fill("60");

      expect((await save(page)).status()).toBe(400);
      await expectAtFields(page, {
        "budget.2028.personal":
          "Personal 2028: skriv beloppet i hela kronor, till exempel 450 000.",
      });
      expect(await page.getByLabel("Personal 2027, kronor").inputValue()).toBe("900 000");
      expect(await page.getByLabel("Personal 2028, kronor").inputValue()).toBe("mycket");
      expect(await line.getByLabel("Belopp i kronor").inputValue()).toBe("200 000");
      expect(await line.getByLabel("Part", { exact: true }).inputValue()).toBe(
        await orgId("Arbetsförmedlingen"),
      );
      // the men's share is worked out from what was typed
      expect(await page.locator('[id="genderTargetWomenPercent-note"]').textContent()).toBe(
        "Andelen män blir då 40 %.",
      );
      await checkA11y(page, "edit application with errors (no JS)");
      expect((await stored()).version).toBe(before.version);

      await page.getByLabel("Personal 2028, kronor").fill("950 000");
      await page.getByRole("main").getByRole("button", { name: "Spara utkast" }).click();
      await page.waitForURL(
        `${base}/demo/ansokningar/${applicationId}?underskrifter=1&klart=sparad`,
      );
      const saved = await stored();
      expect(saved.version).toBe(before.version + 1);
      expect(saved.content.budget).toEqual([
        { year: 2027, category: "personal", amount: 900000 },
        { year: 2028, category: "personal", amount: 950000 },
        { year: 2028, category: "resor", amount: 25000 },
      ]);
      expect(saved.content.coFinancing).toEqual([
        {
          year: 2027,
          organisationId: await orgId("Arbetsförmedlingen"),
          kind: "personaltid",
          amount: 200000,
        },
      ]);
      expect(saved.content.genderTargetWomenPercent).toBe(60);
      // the signature covered the content before the change
      expect(saved.parties.every((p) => !p.signature)).toBe(true);

      // the totals of the saved budget, per category, per year and in all
      await page.goto(`${base}/demo/ansokningar/${applicationId}/andra`);
      const cells = async (row: string) =>
        budget
          .getByRole("row", { name: new RegExp(`^${row}`) })
          .locator("td.num")
          .allTextContents();
      expect(await cells("Personal")).toEqual([`1${NBSP}850${NBSP}000${NBSP}kr`]);
      expect(await budget.locator("tfoot td").allTextContents()).toEqual([
        `900${NBSP}000${NBSP}kr`,
        `975${NBSP}000${NBSP}kr`,
        `1${NBSP}875${NBSP}000${NBSP}kr`,
      ]);
      expect(await page.getByLabel("Resor 2028, kronor").inputValue()).toBe("25 000");
      expect(await line.getByLabel("Belopp i kronor").inputValue()).toBe("200 000");
    },
    E2E_TIMEOUT,
  );

  it(
    "two people save at once: the second sees the first one's change, and nothing is overwritten",
    async () => {
      const base = server.baseUrl;
      const edit = `${base}/demo/ansokningar/${applicationId}/andra`;
      const other = await context.newPage();
      try {
        // both open the form (the same person in two windows is two people to the version check)
        await page.goto(edit);
        await other.goto(edit);
        const before = await stored();

        await page.getByLabel(/^Insatsens namn/).fill("Tierp, Nya vägar 2.0");
        await page.getByRole("main").getByRole("button", { name: "Spara utkast" }).click();
        await page.waitForURL(`${base}/demo/ansokningar/${applicationId}?klart=sparad`);

        await other.getByLabel(/^Metod\(er\)/).fill("Supported employment och MI.");
        expect((await save(other)).status()).toBe(409);
        const summary = await other.locator(".error-summary").textContent();
        expect(summary).toContain("har ändrat ansökan medan du arbetade");
        expect(summary).toContain("Dina ändringar är inte sparade.");
        const panel = other.getByRole("region", { name: "Ändringar som någon annan har sparat" });
        expect(await panel.getByRole("heading", { level: 3 }).allTextContents()).toEqual([
          "Insatsens namn",
        ]);
        const text = (await panel.textContent()) ?? "";
        expect(text).toMatch(/Innan:\s*Tierp, Nya vägar\s*Nu sparat:\s*Tierp, Nya vägar 2\.0/);
        // what the second one typed is kept, and the first one's save is not overwritten
        expect(await other.getByLabel(/^Metod\(er\)/).inputValue()).toBe(
          "Supported employment och MI.",
        );
        expect(await other.getByLabel(/^Insatsens namn/).inputValue()).toBe("Tierp, Nya vägar");
        await checkA11y(other, "edit application with conflict (no JS)");
        const afterFirst = await stored();
        expect(afterFirst.version).toBe(before.version + 1);
        expect(afterFirst.content.name).toBe("Tierp, Nya vägar 2.0");
        expect(afterFirst.content.methods).toBe("");

        // saving again is refused again: the form still says which version it was read at
        expect((await save(other)).status()).toBe(409);
        expect((await stored()).content.name).toBe("Tierp, Nya vägar 2.0");

        // the way on: fetch the latest version
        await other.getByRole("link", { name: "Hämta den senaste versionen" }).click();
        await other.waitForURL(edit);
        expect(await other.getByLabel(/^Insatsens namn/).inputValue()).toBe("Tierp, Nya vägar 2.0");
        expect(await other.locator(".error-summary").count()).toBe(0);
        await other.getByLabel(/^Metod\(er\)/).fill("Supported employment och MI.");
        await other.getByRole("main").getByRole("button", { name: "Spara utkast" }).click();
        await other.waitForURL(`${base}/demo/ansokningar/${applicationId}?klart=sparad`);
        const final = await stored();
        expect(final.content.name).toBe("Tierp, Nya vägar 2.0");
        expect(final.content.methods).toBe("Supported employment och MI.");
      } finally {
        await other.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    "the office registers an application that came on paper",
    async () => {
      const base = server.baseUrl;
      const office = await newContext(browser, { javaScriptEnabled: false });
      try {
        const admin = await office.newPage();
        await signIn(admin, base, DEMO.admin, DEMO.password);
        await admin.goto(`${base}/demo/ansokningar/ny`);
        await checkA11y(admin, "new application (office, no JS)");
        await admin.getByLabel(/papper eller e-post/).check();
        await admin.getByLabel(/^Insatsens namn/).fill("Älvkarleby, Pappersansökan");
        await admin.getByLabel(/^Insatsägare/).selectOption({ label: "Tierps kommun" });
        await admin.getByRole("main").getByRole("button", { name: "Spara utkast" }).click();
        await admin.waitForURL(new RegExp(`/demo/ansokningar/${UUID}\\?klart=skapad$`));
        const id = new URL(admin.url()).pathname.split("/").at(-1) ?? "";
        const paper = await getApplication(server.db, associationId, id);
        expect(paper?.receivedOnPaper).toBe(true);
        expect(paper?.content.name).toBe("Älvkarleby, Pappersansökan");

        // once submitted, the form is not offered: the page says why and leads back
        await server.db
          .update(applications)
          .set({ status: "inskickad", registryNumber: "2026/99", arrivalDate: todayInSweden() })
          .where(eq(applications.id, id));
        await admin.goto(`${base}/demo/ansokningar/${id}/andra`);
        expect(await admin.getByRole("heading", { level: 1 }).textContent()).toBe(
          "Ansökan kan inte ändras nu",
        );
        expect(await admin.getByRole("main").getByRole("textbox").count()).toBe(0);
        await admin.getByRole("link", { name: "Tillbaka till ansökan" }).waitFor();
      } finally {
        await office.close();
      }
    },
    E2E_TIMEOUT,
  );

  it("checked every form page visited with axe", () => {
    expect(checkedPages).toEqual(
      expect.arrayContaining([
        "new application (lead)",
        "edit application (lead)",
        "edit application with errors (lead)",
        "edit application (no JS)",
        "edit application with errors (no JS)",
        "edit application with conflict (no JS)",
        "new application (office, no JS)",
      ]),
    );
  });
});
