// Browser journey through a requisition (issue 5, must-show 1): the initiative lead files the
// requisition of a period without an attachment and submits it; the office returns it for the
// missing attachment; the lead sees the reason, uploads the ledger extract and submits again; the
// office approves it and records the payment; the initiative's money page then shows the period's
// outcome and ratio, the year's ratio and the prognosis changed, figures computed here by hand
// from the budget set up below. On the way, without JavaScript, a negative amount and "tolv" are
// refused at their fields with the other typed values kept. Every page is checked with axe.
//
// The initiative is the test's own, running from last year, so that every quarter of last year has
// ended whenever the test runs: its budget is 120 000 kr of association funds a quarter (100 000
// staff, 20 000 premises) and 30 000 kr of Tierp's staff time; K1–K3 have approved requisitions of
// 120 000, 120 000 and 90 000 kr. The journey's K4 claims 95 000 + 20 000 = 115 000 kr.
//   Before the approval: year to date 330 000 / 480 000 = 68,75 % → 69 %, below the band 80–110 %
//   but within 20 points of it → Bevaka.
//   After: K4 115 000 / 120 000 = 95,8 % → 96 %; the year 445 000 / 480 000 = 92,7 % → 93 % → OK.
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { memberOrganisations } from "../../src/associations/schema.ts";
import {
  approveRequisition,
  createRequisition,
  saveRequisition,
  submitRequisition,
} from "../../src/finance/requisitions.ts";
import { initiativeBudgetLines, initiativeBudgets } from "../../src/finance/schema.ts";
import { createInitiative } from "../../src/initiatives/save-initiative.ts";
import { mailMessages } from "../../src/mail/schema.ts";
import { assignRole } from "../../src/people/assign-role.ts";
import { users } from "../../src/people/schema.ts";
import { formatMoney } from "../../src/platform/i18n/format.ts";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, signIn } from "./helpers.ts";

const LEAD = "insatsansvarig@demo.samspar.se";
const INITIATIVE = "Tierp, Trädgårdsprovet";
const YEAR = Number(todayInSweden().slice(0, 4)) - 1;
const PERIOD = `${YEAR}-K4`;
const PERIOD_LABEL = `Kvartal 4 ${YEAR}`;
const REASON = "Underlaget saknas. Ladda upp ett utdrag ur huvudboken för perioden.";
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);
const kr = (n: number) => formatMoney(n);
const percent = (n: number) => `${n}\u00a0%`;

let server: TestServer;
let browser: Browser;
let leadContext: BrowserContext;
let officeContext: BrowserContext;
let lead: Page;
let office: Page;
let initiativeId = "";
let requisitionPath = "";
let moneyPath = "";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const db = server.db;
  const system = { userId: null, label: "test" };
  const org = async (name: string) => {
    const [row] = await db
      .select({ id: memberOrganisations.id, associationId: memberOrganisations.associationId })
      .from(memberOrganisations)
      .where(eq(memberOrganisations.name, name));
    if (!row) throw new Error(`demo organisation ${name} missing`);
    return row;
  };
  const tierp = await org("Tierps kommun");
  const fk = await org("Försäkringskassan");
  const associationId = tierp.associationId;
  initiativeId = (
    await createInitiative(db, system, associationId, {
      name: INITIATIVE,
      ownerOrganisationId: tierp.id,
      partnerIds: [fk.id],
      status: "pagaende",
      orientation: "individual",
      preRehabilitation: false,
      esf: false,
      startDate: `${YEAR}-01-01`,
      endDate: `${YEAR + 1}-12-31`,
      lastIntakeDate: `${YEAR + 1}-06-30`,
      targetGroup: "Personer långt från arbetsmarknaden",
      expectedParticipantsOngoing: false,
      goals: [{ text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "50" }],
      localUnits: [],
    })
  ).id;
  const [leadUser] = await db.select({ id: users.id }).from(users).where(eq(users.email, LEAD));
  const [officeUser] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO.admin));
  if (!leadUser || !officeUser) throw new Error("demo people missing");
  await assignRole(db, system, {
    userId: leadUser.id,
    associationId,
    role: "initiative_lead",
    initiativeId,
  });
  // the current budget, written directly: four quarters of last year
  const [budget] = await db
    .insert(initiativeBudgets)
    .values({
      associationId,
      initiativeId,
      budgetVersion: 1,
      kind: "beslut",
      createdByName: "test",
    })
    .returning();
  if (!budget) throw new Error("no budget");
  await db.insert(initiativeBudgetLines).values(
    [1, 2, 3, 4].flatMap((q) => {
      const periodKey = `${YEAR}-K${q}`;
      const line = { budgetId: budget.id, periodKey, year: YEAR };
      return [
        { ...line, category: "personal" as const, source: "forbund" as const, amount: 100_000 },
        { ...line, category: "lokaler" as const, source: "forbund" as const, amount: 20_000 },
        {
          ...line,
          category: "personal" as const,
          source: "medfinansiering" as const,
          organisationId: tierp.id,
          coKind: "personaltid" as const,
          amount: 30_000,
        },
      ];
    }),
  );
  // K1–K3 claimed and approved already: 120 000, 120 000 and 90 000 kr
  const leadActor = { userId: leadUser.id, label: LEAD };
  const officeActor = { userId: officeUser.id, label: DEMO.admin };
  const deps = { mailer: server.services.mailer, baseUrl: server.baseUrl };
  for (const [q, personal] of [
    [1, 100_000],
    [2, 100_000],
    [3, 70_000],
  ] as const) {
    const id = await createRequisition(db, leadActor, associationId, initiativeId, `${YEAR}-K${q}`);
    await saveRequisition(db, leadActor, associationId, id, 1, {
      lines: [
        { category: "personal", source: "forbund", amount: personal },
        { category: "lokaler", source: "forbund", amount: 20_000 },
      ],
    });
    await submitRequisition(db, deps, leadActor, associationId, id, 2);
    await approveRequisition(db, deps, officeActor, associationId, id, 3);
  }
  moneyPath = `/demo/insatser/${initiativeId}/ekonomi?ar=${YEAR}`;

  leadContext = await newContext(browser);
  lead = await leadContext.newPage();
  await signIn(lead, server.baseUrl, LEAD, DEMO.password);
  officeContext = await newContext(browser);
  office = await officeContext.newPage();
  await signIn(office, server.baseUrl, DEMO.admin, DEMO.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Clicks a form's button and waits for the POST it makes; answers its status. */
async function act(p: Page, button: Locator): Promise<number> {
  const [response] = await Promise.all([
    p.waitForResponse((r) => r.request().method() === "POST"),
    button.click(),
  ]);
  await p.waitForLoadState("load");
  return response.status();
}

/** A form that was accepted redirects: 302 without JavaScript, 202 for React Router's fetch. */
const expectRedirect = (status: number) => expect([202, 302, 303]).toContain(status);
const button = (p: Page, name: string) =>
  p.getByRole("main").getByRole("button", { name, exact: true });
const notice = (p: Page, text: string) => p.locator(".notice", { hasText: text }).waitFor();
const heading = (p: Page, name: string) =>
  p.getByRole("heading", { level: 1, name, exact: true }).waitFor();
const title = `Rekvisition: ${INITIATIVE}, ${PERIOD_LABEL}`;
const editTitle = `Ändra rekvisitionen: ${INITIATIVE}, ${PERIOD_LABEL}`;

/** The money page's summary of the year: each term and its value, as text. */
async function yearSummary(p: Page): Promise<Record<string, string>> {
  const section = p.getByRole("region", { name: `Hittills ${YEAR}` });
  const pairs = await section.locator("dl").evaluate((dl) => {
    const out: Array<[string, string]> = [];
    for (const dt of Array.from(dl.querySelectorAll("dt"))) {
      const dd = dt.nextElementSibling;
      out.push([dt.textContent?.trim() ?? "", dd?.textContent?.trim() ?? ""]);
    }
    return out;
  });
  return Object.fromEntries(pairs);
}

/** The money page's row of a period: budget, outcome and ratio as they read (hidden text left out). */
async function periodRow(p: Page, label: string) {
  const row = p.locator("tbody tr", {
    has: p.getByRole("rowheader", { name: new RegExp(`^${label}`) }),
  });
  const cells = await row.locator("td").evaluateAll((tds) =>
    tds.map((td) => {
      const copy = td.cloneNode(true) as HTMLElement;
      for (const hidden of Array.from(copy.querySelectorAll(".visually-hidden"))) hidden.remove();
      return copy.textContent?.trim() ?? "";
    }),
  );
  return { budget: cells[0], outcome: cells[1], ratio: cells[2] };
}

describe("a requisition, from the lead's claim to the outcome", () => {
  it(
    "the lead starts the requisition of the last quarter among the begun periods",
    async () => {
      await lead.goto(`${server.baseUrl}/demo/rekvisitioner`);
      await hydrated(lead);
      await heading(lead, "Rekvisitioner");
      await checkA11y(lead, "requisitions list (lead)");
      await lead.getByRole("link", { name: "Ny rekvisition" }).click();
      await heading(lead, "Ny rekvisition");
      await checkA11y(lead, "new requisition: the initiative");
      await lead.getByLabel(/^Insats/).selectOption({ label: INITIATIVE });
      await lead.getByRole("button", { name: "Fortsätt" }).click();
      await lead.getByLabel(/^Period/).waitFor();
      await checkA11y(lead, "new requisition: the period");
      const options = await lead
        .getByLabel(/^Period/)
        .locator("option")
        .allTextContents();
      // K1–K3 have their requisitions; the latest begun period comes first
      expect(options.some((o) => o.startsWith(`Kvartal 1 ${YEAR}`))).toBe(false);
      expect(options).toContain(`${PERIOD_LABEL} (${YEAR}-10-01 – ${YEAR}-12-31)`);
      expect(await lead.getByRole("link", { name: `Kvartal 3 ${YEAR}` }).count()).toBe(1);
      await lead.getByLabel(/^Period/).selectOption({ value: PERIOD });
      expectRedirect(await act(lead, button(lead, "Skapa rekvisitionen")));
      await heading(lead, editTitle);
      await notice(lead, "Rekvisitionen är skapad.");
      requisitionPath = new URL(lead.url()).pathname.replace(/\/andra$/, "");
      expect(requisitionPath).toMatch(/^\/demo\/rekvisitioner\/[0-9a-f-]{36}$/);
      await checkA11y(lead, "requisition edit (new)");
    },
    E2E_TIMEOUT,
  );

  it(
    "without JavaScript, a negative amount and a word are refused at their fields, the rest kept",
    async () => {
      const plain = await newContext(browser, { javaScriptEnabled: false });
      try {
        const p = await plain.newPage();
        await signIn(p, server.baseUrl, LEAD, DEMO.password);
        await p.goto(`${server.baseUrl}${requisitionPath}/andra`);
        await p.getByLabel("Personal, kronor").fill("-5 000");
        await p.getByLabel("Lokaler, kronor").fill("tolv");
        await p.getByLabel("Resor, kronor").fill("3 000");
        await p.getByLabel("Kommentar till kansliet").fill("Resor till praktikplatser.");
        expect(await act(p, button(p, "Spara"))).toBe(400);
        const personal = p.locator('[id="lines.personal.forbund.amount-error"]');
        const premises = p.locator('[id="lines.lokaler.forbund.amount-error"]');
        expect(await personal.textContent()).toContain("Minusbelopp går inte");
        expect(await premises.textContent()).toContain("Skriv beloppet i hela kronor med siffror");
        expect(await p.getByLabel("Personal, kronor").getAttribute("aria-invalid")).toBe("true");
        const summary = await p
          .locator(".error-summary a")
          .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
        expect(summary.sort()).toEqual([
          "#lines.lokaler.forbund.amount",
          "#lines.personal.forbund.amount",
        ]);
        // what was typed stays, the wrong values too, so that they can be corrected
        expect(await p.getByLabel("Personal, kronor").inputValue()).toBe("-5 000");
        expect(await p.getByLabel("Lokaler, kronor").inputValue()).toBe("tolv");
        expect(await p.getByLabel("Resor, kronor").inputValue()).toBe("3 000");
        expect(await p.getByLabel("Kommentar till kansliet").inputValue()).toBe(
          "Resor till praktikplatser.",
        );
        await checkA11y(p, "requisition edit with refused amounts (no JS)");
      } finally {
        await plain.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    "the lead fills in the amounts and submits without an attachment, warned",
    async () => {
      await lead.goto(`${server.baseUrl}${requisitionPath}/andra`);
      await hydrated(lead);
      await heading(lead, editTitle);
      expect(await lead.getByText(`Budget för perioden: ${kr(100_000)}.`).count()).toBe(1);
      await lead.getByLabel("Personal, kronor").fill("95 000");
      await lead.getByLabel("Lokaler, kronor").fill("20000");
      // the budget's co-financing row comes filled in: Tierps kommun, staff time, staff
      const row = lead.getByRole("group", { name: "Medfinansiering, rad 1" });
      expect(await row.getByLabel("Part").inputValue()).not.toBe("");
      await row.getByLabel("Belopp, kronor").fill("28 500");
      expectRedirect(await act(lead, button(lead, "Spara")));
      await heading(lead, title);
      await notice(lead, "Rekvisitionen är sparad.");
      const claimed = await lead
        .locator("table", { has: lead.locator("caption", { hasText: "Förbundsmedel för" }) })
        .locator("tfoot td")
        .allTextContents();
      expect(claimed).toEqual([kr(120_000), kr(115_000)]);
      expect(
        await lead
          .getByText("Rekvirerade förbundsmedel motsvarar 96 % av periodens budget.")
          .count(),
      ).toBe(1);
      await lead.locator(".warning", { hasText: "Rekvisitionen har ingen bilaga." }).waitFor();
      await checkA11y(lead, "requisition, draft with a warning");
      expectRedirect(await act(lead, button(lead, "Skicka in rekvisitionen")));
      await notice(lead, "Rekvisitionen är inskickad till kansliet.");
      expect(await lead.locator("dl.summary dd").first().textContent()).toBe(
        "Inskickad, granskas av kansliet",
      );
      await checkA11y(lead, "requisition, submitted (lead)");
    },
    E2E_TIMEOUT,
  );

  it(
    "the office returns it for the missing attachment, and the lead is mailed the reason",
    async () => {
      await office.goto(`${server.baseUrl}${requisitionPath}`);
      await hydrated(office);
      await heading(office, title);
      await office.locator(".warning", { hasText: "Rekvisitionen har ingen bilaga." }).waitFor();
      await checkA11y(office, "requisition to review (office)");
      await office.getByLabel(/^Skäl/).fill(REASON);
      expectRedirect(await act(office, button(office, "Skicka tillbaka rekvisitionen")));
      await notice(office, "Rekvisitionen är återskickad för komplettering.");
      await checkA11y(office, "requisition returned (office)");
      const mails = await server.db
        .select()
        .from(mailMessages)
        .where(eq(mailMessages.toAddress, LEAD));
      const mail = mails.find(
        (m) =>
          m.subject === `Rekvisitionen för ${INITIATIVE}, kvartal 4 ${YEAR} behöver kompletteras`,
      );
      expect(mail?.textBody).toContain(REASON);
    },
    E2E_TIMEOUT,
  );

  it(
    "the lead sees the reason, uploads the ledger extract and submits again",
    async () => {
      await lead.goto(`${server.baseUrl}${requisitionPath}`);
      await hydrated(lead);
      const note = lead.getByRole("note", { name: "Kansliet har skickat tillbaka rekvisitionen" });
      expect(await note.textContent()).toContain(REASON);
      await checkA11y(lead, "requisition returned (lead)");
      await lead.getByRole("link", { name: "Ladda upp underlaget" }).click();
      await heading(lead, editTitle);
      await lead.getByLabel("Välj fil").setInputFiles({
        name: `Huvudbok K4 ${YEAR}.pdf`,
        mimeType: "application/pdf",
        buffer: PDF,
      });
      expectRedirect(await act(lead, button(lead, "Ladda upp")));
      await notice(lead, "Bilagan är uppladdad.");
      expect(await lead.getByRole("link", { name: `Huvudbok K4 ${YEAR}.pdf` }).count()).toBe(1);
      await checkA11y(lead, "requisition edit with an attachment");
      await lead.getByRole("link", { name: "Tillbaka till rekvisitionen" }).click();
      await heading(lead, title);
      expect(await lead.locator(".warning", { hasText: "ingen bilaga" }).count()).toBe(0);
      expectRedirect(await act(lead, button(lead, "Skicka in rekvisitionen igen")));
      await notice(lead, "Rekvisitionen är inskickad till kansliet.");
      expect(await lead.getByRole("note").count()).toBe(0);
      // the file comes back as it was uploaded, as a download
      const href = await lead
        .getByRole("link", { name: `Huvudbok K4 ${YEAR}.pdf` })
        .getAttribute("href");
      const file = await lead.request.get(`${server.baseUrl}${href}`);
      expect(file.headers()["content-disposition"]).toContain("attachment");
      expect(file.headers()["x-content-type-options"]).toBe("nosniff");
      expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);
    },
    E2E_TIMEOUT,
  );

  it(
    "the office approves it, and the money page shows the outcome, ratio and prognosis updated",
    async () => {
      await office.goto(server.baseUrl + moneyPath);
      await hydrated(office);
      await heading(office, `Ekonomi: ${INITIATIVE}`);
      const before = await yearSummary(office);
      expect(before["Budget hittills i år"]).toBe(kr(480_000));
      expect(before["Godkänt utfall hittills i år"]).toBe(kr(330_000));
      expect(before["Förbrukningskvot hittills i år"]).toBe(percent(69));
      expect(before.Prognos).toMatch(/^Bevaka/);
      expect(await periodRow(office, PERIOD_LABEL)).toMatchObject({
        budget: kr(120_000),
        outcome: kr(0),
      });
      await checkA11y(office, "initiative money before the approval");

      await office.goto(`${server.baseUrl}${requisitionPath}`);
      await hydrated(office);
      expectRedirect(await act(office, button(office, "Godkänn rekvisitionen")));
      await notice(office, "Rekvisitionen är godkänd.");
      await checkA11y(office, "requisition approved (office)");
      await office.getByLabel(/^Utbetalningsdag/).fill(todayInSweden());
      expectRedirect(await act(office, button(office, "Markera som betald")));
      await notice(office, "Utbetalningen är registrerad.");
      expect(await office.getByText(`Utbetald ${todayInSweden()}`).count()).toBeGreaterThan(0);

      await office.goto(server.baseUrl + moneyPath);
      await hydrated(office);
      const after = await yearSummary(office);
      expect(after["Godkänt utfall hittills i år"]).toBe(kr(445_000));
      expect(after["Förbrukningskvot hittills i år"]).toBe(percent(93));
      expect(after.Prognos).toMatch(/^OK/);
      expect(await periodRow(office, PERIOD_LABEL)).toEqual({
        budget: kr(120_000),
        outcome: kr(115_000),
        ratio: percent(96),
      });
      await checkA11y(office, "initiative money after the approval");

      // the list shows it approved and paid
      await office.goto(`${server.baseUrl}/demo/rekvisitioner?ar=${YEAR}&status=godkand`);
      await hydrated(office);
      const rows = await office
        .locator("tbody tr", { hasText: INITIATIVE })
        .evaluateAll((trs) => trs.map((tr) => tr.textContent?.replace(/\s+/g, " ").trim()));
      expect(rows).toHaveLength(4);
      expect(rows[0]).toContain(PERIOD_LABEL);
      expect(rows[0]).toContain(`Utbetald ${todayInSweden()}`);
      await checkA11y(office, "requisitions list (office)");
    },
    E2E_TIMEOUT,
  );
});
