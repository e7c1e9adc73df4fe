// Browser journey of an initiative's budget, as the office: with no budget yet it proposes one
// from the granted application (spread over the periods) and saves it; downloads the XLSX
// template; imports a filled template with a text in a number cell (the cell is named and nothing
// is saved), then a correct one (its totals shown first, then saved); and finds the new version
// and the old one in the history. Without JavaScript it changes one year's amounts and the other
// years are kept. After an approved deviation report it re-phases the budget: a change of the
// total is refused with the difference shown, a move within the total is saved as a new version
// naming the report. axe checks every page on the way.
import { Workbook } from "@cj-tech-master/excelts";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyContent } from "../../src/applications/content.ts";
import { applications } from "../../src/applications/schema.ts";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { memberOrganisations } from "../../src/associations/schema.ts";
import { XLSX_MEDIA_TYPE } from "../../src/finance/budget-xlsx.ts";
import { getCurrentBudget } from "../../src/finance/budgets.ts";
import { createInitiative } from "../../src/initiatives/save-initiative.ts";
import {
  createDeviationReport,
  decideDeviationReport,
  submitDeviationReport,
} from "../../src/reports/deviation-reports.ts";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, signIn } from "./helpers.ts";

let server: TestServer;
let browser: Browser;
let office: BrowserContext;
let page: Page;
let associationId = "";
let initiativeId = "";
let base = "";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const orgs = await server.db
    .select({
      id: memberOrganisations.id,
      name: memberOrganisations.name,
      associationId: memberOrganisations.associationId,
    })
    .from(memberOrganisations);
  const knivsta = orgs.find((o) => o.name === "Knivsta kommun");
  const fk = orgs.find((o) => o.name === "Försäkringskassan");
  if (!knivsta || !fk) throw new Error("demo organisations missing");
  associationId = knivsta.associationId;
  // an initiative of its own with a granted application, so the demo's budgets never meet it
  initiativeId = (
    await createInitiative(server.db, { userId: null, label: "test" }, associationId, {
      name: "Knivsta, Budgetprovet",
      ownerOrganisationId: knivsta.id,
      partnerIds: [fk.id],
      status: "pagaende",
      orientation: "individual",
      preRehabilitation: false,
      esf: false,
      startDate: "2026-08-17",
      endDate: "2027-12-31",
      targetGroup: "Unga vuxna i Knivsta",
      expectedParticipantsOngoing: false,
      goals: [{ text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "50" }],
      localUnits: [],
    })
  ).id;
  await server.db.insert(applications).values({
    associationId,
    initiativeId,
    status: "beviljad",
    content: {
      ...emptyContent(knivsta.id),
      name: "Knivsta, Budgetprovet",
      partnerIds: [fk.id],
      startDate: "2026-08-17",
      endDate: "2027-12-31",
      budget: [
        { year: 2026, category: "personal", amount: 240_000 },
        { year: 2026, category: "resor", amount: 12_000 },
        { year: 2027, category: "personal", amount: 600_000 },
      ],
      coFinancing: [
        { year: 2027, organisationId: knivsta.id, kind: "personaltid", amount: 80_000 },
      ],
    },
    formVersion: "Ansökan 2026:1",
    registryNumber: "2026/901",
    arrivalDate: "2026-04-02",
    decision: "beviljad",
    decidedAmount: 852_000,
    decidedStartDate: "2026-08-17",
    decidedEndDate: "2027-12-31",
    decisionMeeting: "Styrelsemöte 2026-05-20",
    decisionParagraph: "9",
    decisionDate: "2026-05-20",
  });
  base = `/demo/insatser/${initiativeId}/budget`;
  office = await newContext(browser);
  page = await office.newPage();
  await signIn(page, server.baseUrl, DEMO.admin, DEMO.password);
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

const field = (p: Page, name: string) => p.locator(`[id="${name}"]`);
const versionOf = async () =>
  (await getCurrentBudget(server.db, associationId, initiativeId)).current?.version ?? null;

async function template(): Promise<Workbook> {
  const response = await office.request.get(`${server.baseUrl}${base}/mall`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe(XLSX_MEDIA_TYPE);
  expect(response.headers()["content-disposition"]).toMatch(
    /^attachment; filename="budgetmall-knivsta-budgetprovet\.xlsx"/,
  );
  const wb = new Workbook();
  await wb.xlsx.load(await response.body());
  return wb;
}

async function upload(wb: Workbook) {
  await page.getByLabel("Den ifyllda mallen (XLSX)").setInputFiles({
    name: "budget-knivsta.xlsx",
    mimeType: XLSX_MEDIA_TYPE,
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  return act(page, page.getByRole("button", { name: "Kontrollera filen" }));
}

describe("an initiative's budget", () => {
  it(
    "is proposed from the granted application and saved",
    async () => {
      await page.goto(`${server.baseUrl}${base}`);
      await hydrated(page);
      await checkA11y(page, "budget (none yet)");
      await page.getByText("Insatsen har ingen budget än.").waitFor();
      await page.getByRole("link", { name: "Föreslå från ansökan" }).click();
      await page
        .getByRole("heading", { name: "Budget enligt ansökan: Knivsta, Budgetprovet" })
        .waitFor();
      await hydrated(page);
      await checkA11y(page, "budget proposal");
      // 2026: August–September and October–December, 2 and 3 months
      expect(await field(page, "b.2026-K3.personal.forbund.-.-").inputValue()).toBe("96 000");
      expect(await field(page, "b.2026-K4.personal.forbund.-.-").inputValue()).toBe("144 000");
      expect(await field(page, "b.2026-K4.resor.forbund.-.-").inputValue()).toBe("7 200");
      expect(await field(page, "b.2027-K2.personal.forbund.-.-").inputValue()).toBe("150 000");
      // each field is named by its row and column headers
      await expect(
        page.getByRole("textbox", { name: "Personal Kvartal 3 2026", exact: true }).inputValue(),
      ).resolves.toBe("96 000");
      expect(await page.getByLabel(/^Orsak/).inputValue()).toBe(
        "Budget enligt beviljad ansökan 2026/901, Styrelsemöte 2026-05-20 § 9 (2026-05-20).",
      );
      await page.getByText(/personaltid under personal/).waitFor();
      await act(page, page.getByRole("button", { name: "Spara budgeten" }));
      await page.locator(".notice", { hasText: "Budgeten är sparad som en ny version." }).waitFor();
      await checkA11y(page, "budget (version 1)");
      expect(await versionOf()).toBe(1);
      const history = page.getByRole("table", { name: "Budgetens versioner, den senaste först" });
      expect(await history.getByRole("rowheader").allInnerTexts()).toEqual(["Version 1"]);
      const year2027 = page.getByRole("table", {
        name: "Budget 2027 per kostnadsslag och period, i kronor",
      });
      expect(await year2027.locator("tfoot td").last().innerText()).toBe("680\u00a0000\u00a0kr");
    },
    E2E_TIMEOUT,
  );

  it(
    "imports a filled template: a text in a number cell is refused, a correct one is saved",
    async () => {
      const wb = await template();
      const ws = wb.getWorksheet("Budget");
      if (!ws) throw new Error("no sheet");
      // the template is filled with the budget in force
      expect(["A2", "B2", "C2", "F2"].map((c) => ws.getCell(c).value)).toEqual([
        "2026-K3",
        "Personal",
        "Förbundsmedel",
        96_000,
      ]);
      ws.getCell("F2").value = "tolv";
      await page.getByRole("link", { name: "Importera från XLSX" }).click();
      await page
        .getByRole("heading", { name: "Importera budget från XLSX: Knivsta, Budgetprovet" })
        .waitFor();
      await hydrated(page);
      await checkA11y(page, "budget import");
      expect(await upload(wb)).toBe(400);
      const summary = page.locator(".error-summary");
      await summary.waitFor();
      expect(await summary.locator("li").allInnerTexts()).toEqual([
        "Cell F2: ”tolv” är inte ett belopp i hela kronor. Skriv beloppet med siffror, till exempel 125000. Minusbelopp och ören går inte.",
      ]);
      await page.getByText("Ingenting är sparat.", { exact: false }).waitFor();
      await checkA11y(page, "budget import refused");
      expect(await versionOf()).toBe(1);

      ws.getCell("F2").value = 100_000;
      expect(await upload(wb)).toBe(200);
      await page.getByRole("heading", { name: "Kontrollera summorna innan du sparar" }).waitFor();
      await checkA11y(page, "budget import preview");
      const preview = page.getByRole("table", {
        name: "Budgeten i filen per år, i kronor, jämfört med budgeten som gäller",
      });
      expect(await preview.locator("tfoot td").allInnerTexts()).toEqual([
        "",
        "",
        "936\u00a0000\u00a0kr",
        "932\u00a0000\u00a0kr",
      ]);
      expect(await versionOf()).toBe(1);
      await act(page, page.getByRole("button", { name: "Spara som ny version" }));
      await page
        .locator(".notice", { hasText: "Budgeten från filen är sparad som en ny version." })
        .waitFor();
      expect(await versionOf()).toBe(2);
      const history = page.getByRole("table", { name: "Budgetens versioner, den senaste först" });
      await history.getByRole("rowheader", { name: "Version 2" }).waitFor();
      expect(await history.locator("tbody tr").allInnerTexts()).toEqual([
        expect.stringMatching(
          /^Version 2\s+Gäller\s+Import från XLSX\s+Import från budget-knivsta\.xlsx/,
        ),
        expect.stringMatching(/^Version 1\s+Ersatt\s+Beslut\s+Budget enligt beviljad ansökan/),
      ]);
      await history.getByRole("link", { name: "Version 1" }).click();
      await page
        .getByRole("heading", { name: "Budget version 1: Knivsta, Budgetprovet" })
        .waitFor();
      await hydrated(page);
      await checkA11y(page, "budget version 1");
      await page.getByText("Det här är budgetens första version.").waitFor();
      await page.goto(`${server.baseUrl}${base}/versioner/2`);
      await checkA11y(page, "budget version 2");
      const changes = page.getByRole("table", {
        name: "Rader som ändrats från version 1, i kronor",
      });
      expect(await changes.locator("tbody tr").allInnerTexts()).toEqual([
        expect.stringMatching(
          /^Kvartal 3 2026\s+Personal\s+96\u00a0000\u00a0kr\s+100\u00a0000\u00a0kr\s+\+4\u00a0000\u00a0kr$/,
        ),
      ]);
    },
    E2E_TIMEOUT,
  );

  it(
    "without JavaScript, changes one year and keeps the other years",
    async () => {
      const plain = await newContext(browser, { javaScriptEnabled: false });
      const p = await plain.newPage();
      await signIn(p, server.baseUrl, DEMO.admin, DEMO.password);
      await p.goto(`${server.baseUrl}${base}/andra?ar=2027`);
      await checkA11y(p, "budget edit 2027 without JavaScript");
      await p.getByText("Du ändrar bara 2027.", { exact: false }).waitFor();
      expect(await field(p, "b.2026-K3.personal.forbund.-.-").count()).toBe(0);
      // a negative amount is refused at its field, and nothing is saved
      await field(p, "b.2027-K4.personal.forbund.-.-").fill("-5");
      await p.getByLabel(/^Orsak/).fill("Mer personal hösten 2027");
      expect(await act(p, p.getByRole("button", { name: "Spara budgeten" }))).toBe(400);
      await checkA11y(p, "budget edit refused without JavaScript");
      await p.locator(".error-summary a", { hasText: /hela kronor med siffror/ }).waitFor();
      expect(await versionOf()).toBe(2);
      await field(p, "b.2027-K4.personal.forbund.-.-").fill("175 000");
      expect(await act(p, p.getByRole("button", { name: "Spara budgeten" }))).toBe(302);
      await p.locator(".notice", { hasText: "Budgeten är sparad som en ny version." }).waitFor();
      const budget = await getCurrentBudget(server.db, associationId, initiativeId);
      expect(budget.current?.version).toBe(3);
      expect(budget.current?.kind).toBe("revision");
      const amount = (periodKey: string) =>
        budget.current?.lines.find(
          (l) => l.periodKey === periodKey && l.category === "personal" && l.source === "forbund",
        )?.amount;
      expect(amount("2026-K3")).toBe(100_000);
      expect(amount("2027-K4")).toBe(175_000);
      await plain.close();
    },
    E2E_TIMEOUT,
  );

  it(
    "is re-phased after an approved deviation report, keeping the totals",
    async () => {
      const actor = { userId: null, label: "test" };
      const report = await createDeviationReport(server.db, actor, associationId, initiativeId, {
        types: ["budget"],
        description: "En coach var tjänstledig hösten 2026.",
        cause: "Tjänstledighet.",
        consequence: "Lägre kostnader 2026.",
        measures: "Medlen flyttas till 2027.",
        request: "flytta_medel",
        requestedAmount: "10 000",
      });
      await submitDeviationReport(server.db, actor, associationId, report, 1);
      await decideDeviationReport(server.db, actor, associationId, report, 2, {
        decisionBody: "kansli",
        decision: "godkand",
        decisionDate: todayInSweden(),
      });
      await page.goto(`${server.baseUrl}${base}`);
      await hydrated(page);
      await page.getByRole("link", { name: "Omfördela efter avvikelse" }).click();
      await page
        .getByRole("heading", { name: "Omfördela budget: Knivsta, Budgetprovet" })
        .waitFor();
      await hydrated(page);
      await checkA11y(page, "budget re-phasing");
      // 10 000 out of 2026, 15 000 into 2027: the total of association funds changes
      await field(page, "b.2026-K4.personal.forbund.-.-").fill("134 000");
      await field(page, "b.2027-K1.personal.forbund.-.-").fill("165 000");
      await page.getByLabel(/^Orsak/).fill("Tjänstledighet hösten 2026, medlen flyttas till 2027");
      expect(await act(page, page.getByRole("button", { name: "Spara omfördelningen" }))).toBe(400);
      const summary = page.locator(".error-summary");
      await summary.waitFor();
      expect(await summary.locator("li").allInnerTexts()).toEqual([
        "Förbundsmedlen blir 886\u00a0000\u00a0kr men ska vara 881\u00a0000\u00a0kr som i budgeten som gäller (5\u00a0000\u00a0kr för mycket). En omfördelning flyttar pengar mellan perioder och kostnadsslag men ändrar inte summan.",
      ]);
      const sums = page.getByRole("table", {
        name: "Summan per källa: nu och i formuläret, i kronor",
      });
      expect(await sums.getByRole("row", { name: /^Förbundsmedel/ }).innerText()).toMatch(
        /^Förbundsmedel\s+881\u00a0000\u00a0kr\s+886\u00a0000\u00a0kr\s+\+5\u00a0000\u00a0kr$/,
      );
      await checkA11y(page, "budget re-phasing refused");
      expect(await versionOf()).toBe(3);
      await field(page, "b.2027-K1.personal.forbund.-.-").fill("160 000");
      await act(page, page.getByRole("button", { name: "Spara omfördelningen" }));
      await page
        .locator(".notice", { hasText: "Omfördelningen är sparad som en ny version." })
        .waitFor();
      const budget = await getCurrentBudget(server.db, associationId, initiativeId);
      expect(budget.current?.version).toBe(4);
      expect(budget.current?.kind).toBe("omfordelning");
      expect(budget.current?.deviationReport?.id).toBe(report);
      expect(budget.current?.totals.association).toBe(881_000);
      const history = page.getByRole("table", { name: "Budgetens versioner, den senaste först" });
      expect(await history.getByRole("rowheader").allInnerTexts()).toEqual([
        "Version 4",
        "Version 3",
        "Version 2",
        "Version 1",
      ]);
      // the re-phasing names its deviation report
      await page.getByRole("link", { name: /^Avvikelserapport / }).waitFor();
      await checkA11y(page, "budget after re-phasing");
    },
    E2E_TIMEOUT,
  );
});
