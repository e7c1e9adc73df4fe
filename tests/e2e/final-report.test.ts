// Browser journey of a final report: the lead of "Tierp, Växtverket" starts it from the
// initiative, is told what is missing when submitting too early, fills it in and asks
// Försäkringskassan to sign by e-mail; the person signs by the link without an account; the
// office, without JavaScript, registers the other parties' paper signatures; the lead submits it
// and the initiative is closed (Avslutad). The office accepts and locks it, and meets a conflict
// on another report that someone else saved meanwhile. Every page is checked with axe.
import { and, desc, eq } from "drizzle-orm";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { initiatives } from "../../src/initiatives/schema.ts";
import { mailMessages } from "../../src/mail/schema.ts";
import {
  createFinalReport,
  finalReportInputOf,
  getFinalReport,
  saveFinalReport,
} from "../../src/reports/final-reports.ts";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, signIn } from "./helpers.ts";

const LEAD = "insatsansvarig@demo.samspar.se";
const PARTIES = ["Tierps kommun", "Arbetsförmedlingen", "Försäkringskassan", "Region Uppsala"];
const today = todayInSweden();
const actor = { userId: null, label: "e2e" };

let server: TestServer;
let browser: Browser;
let reportPath = "";
let registryNumber = "";
let signingLink = "";
let initiativePath = "";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Clicks a button and waits for the POST it sends and the page it leads to. */
async function act(p: Page, button: Locator): Promise<number> {
  const [response] = await Promise.all([
    p.waitForResponse((r) => r.request().method() === "POST"),
    button.click(),
  ]);
  await p.waitForLoadState("load");
  return response.status();
}

/** The form of one action on the report's page. */
const formOf = (p: Page, intent: string) =>
  p.locator("form", { has: p.locator(`input[name="intent"][value="${intent}"]`) });

/** The description list at the top of a page as term → description. */
const header = async (p: Page) =>
  p
    .locator("main > dl.summary")
    .first()
    .evaluate((dl) => {
      const out: Record<string, string> = {};
      for (const dt of dl.querySelectorAll("dt"))
        out[dt.textContent?.trim() ?? ""] = dt.nextElementSibling?.textContent?.trim() ?? "";
      return out;
    });

describe("a final report", () => {
  it(
    "the lead starts it from the initiative, fills it in and asks a party to sign by e-mail",
    async () => {
      const base = server.baseUrl;
      const context = await newContext(browser);
      const page = await context.newPage();
      try {
        await signIn(page, base, LEAD, DEMO.password);
        await page
          .getByRole("navigation", { name: "Huvudmeny" })
          .getByRole("link", { name: "Insatser" })
          .click();
        await page.getByRole("link", { name: "Tierp, Växtverket" }).click();
        await page.getByRole("heading", { level: 1, name: "Tierp, Växtverket" }).waitFor();
        initiativePath = new URL(page.url()).pathname;

        // the way in explains, and starts the report with the initiative's facts
        await page.getByRole("link", { name: "Slutrapport", exact: true }).click();
        await page
          .getByRole("heading", { level: 1, name: "Slutrapport för Tierp, Växtverket" })
          .waitFor();
        await hydrated(page);
        await checkA11y(page, "final report start");
        await act(page, page.getByRole("button", { name: "Påbörja slutrapporten" }));
        await page.locator(".notice", { hasText: "Slutrapporten är påbörjad." }).waitFor();
        reportPath = new URL(page.url()).pathname;
        expect(reportPath).toMatch(/^\/demo\/slutrapporter\/[0-9a-f-]{36}$/);
        expect(await header(page)).toMatchObject({
          Status: "Utkast",
          Diarienummer: "Får diarienummer när rapporten skickas in",
          "Insatsens status": "Pågående",
        });
        expect(await page.getByRole("link", { name: "Ladda ner PDF" }).getAttribute("href")).toBe(
          `${reportPath}/dokument?format=pdf`,
        );
        await checkA11y(page, "final report draft");

        // an incomplete report is not sent out for signatures: the refusal leads to the form
        const early = formOf(page, "request-signature");
        await early.getByLabel(/^Namn på den som skriver under/).fill("Karin Ek");
        await early.getByLabel(/^E-postadress/).fill("karin.ek@fk.example");
        await act(page, early.getByRole("button", { name: "Skicka förfrågan" }));
        const incomplete = page.getByRole("alert");
        await incomplete.waitFor();
        const incompleteLink = incomplete.getByRole("link", {
          name: /^Slutrapporten är inte komplett/,
        });
        expect(await incompleteLink.getAttribute("href")).toBe(`${reportPath}/andra`);

        // submitting too early lists what is missing, each linking to its field; the missing
        // signatures link to where they are asked for
        await act(page, page.getByRole("button", { name: "Skicka in slutrapporten" }));
        const summary = page.getByRole("alert");
        await summary.getByRole("link", { name: /Ange om mål 1 uppnåddes/ }).waitFor();
        // with JavaScript the new summary replaces the earlier alert a moment later: wait for it
        await expect
          .poll(() => summary.getByRole("link").count())
          .toBe(
            2 /* goals */ + 3 /* counts */ + 1 /* end */ + 4 /* lessons */ + 1 /* signatures */,
          );
        expect(
          await summary
            .getByRole("link", { name: /^4 av 4 parter har inte skrivit under slutrapporten/ })
            .getAttribute("href"),
        ).toBe("#underskrifter");
        await checkA11y(page, "final report refused submission");
        await summary.getByRole("link", { name: /Ange om mål 1 uppnåddes/ }).click();
        await page.waitForURL(`${base}${reportPath}/andra#goals.0.achieved`);
        await page.getByRole("heading", { level: 1, name: /Ändra slutrapporten/ }).waitFor();
        await hydrated(page);
        await checkA11y(page, "final report edit");

        // the form: each goal, the time, the participants and lessons per party
        const goal = (n: number) => page.getByRole("group", { name: new RegExp(`^Mål ${n}:`) });
        await goal(1).getByLabel("Delvis").check();
        await goal(1)
          .getByLabel(/^Utfall$/)
          .fill("De flesta fick en handlingsplan.");
        await goal(1)
          .getByLabel(/^Utfall i siffror/)
          .fill("18 av 24");
        await goal(2).getByLabel("Ja").check();
        await page.getByLabel(/^Faktiskt slut/).fill(today);
        await page.getByLabel(/^Kvinnor/).fill("14");
        await page.getByLabel(/^Män/).fill("9");
        await page.getByLabel(/^Annat eller ej angivet kön/).fill("1");
        await page
          .getByLabel("Hur har insatsen resonerat och arbetat med jämställdhet och jämlikhet?")
          .fill("Vi följde könsfördelningen.");
        await page
          .getByRole("group", { name: "Har medel återförts till förbundet?" })
          .getByLabel("Ja")
          .check();
        await page.getByLabel(/^Återfört belopp i kronor/).fill("25 000");
        for (const party of PARTIES)
          await page.getByLabel(`Lärdomar för ${party}`).fill(`${party} lärde sig att samverka.`);
        await act(
          page,
          page.getByRole("main").getByRole("button", { name: "Spara slutrapporten" }),
        );
        await page.locator(".notice", { hasText: "Slutrapporten är sparad." }).waitFor();
        const returned = page.locator("main dl.summary", {
          has: page.getByText("Återfört belopp i kronor"),
        });
        expect(await returned.textContent()).toContain("25\u00a0000\u00a0kr");

        // complete: the lead asks Försäkringskassan to sign, by e-mail
        const request = formOf(page, "request-signature");
        await request.getByLabel(/^Part/).selectOption({ label: "Försäkringskassan" });
        await request.getByLabel(/^Namn på den som skriver under/).fill("Karin Ek");
        await request.getByLabel(/^Titel/).fill("Enhetschef");
        await request.getByLabel(/^E-postadress/).fill("karin.ek@fk.example");
        await act(page, request.getByRole("button", { name: "Skicka förfrågan" }));
        await page
          .locator(".notice", { hasText: "Förfrågan om underskrift är skickad." })
          .waitFor();
        await page
          .getByRole("row", { name: /^Försäkringskassan Begärd Skickad till Karin Ek/ })
          .waitFor();
        await checkA11y(page, "final report with a signature requested");
        const [mail] = await server.db
          .select()
          .from(mailMessages)
          .where(
            and(
              eq(mailMessages.toAddress, "karin.ek@fk.example"),
              eq(mailMessages.subject, "Underskrift av slutrapport: Tierp, Växtverket"),
            ),
          )
          .orderBy(desc(mailMessages.createdAt))
          .limit(1);
        signingLink =
          /http:\/\/localhost:\d+\/signera-slutrapport\/[A-Za-z0-9_-]+/.exec(
            mail?.textBody ?? "",
          )?.[0] ?? "";
        expect(signingLink).not.toBe("");
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    "the party signs by the link without an account, once",
    async () => {
      expect(signingLink, "the link of the test before").not.toBe("");
      const anonymous = await newContext(browser);
      try {
        const signer = await anonymous.newPage();
        await signer.goto(signingLink);
        await hydrated(signer);
        await signer
          .getByRole("heading", {
            level: 1,
            name: "Skriv under slutrapporten för Tierp, Växtverket",
          })
          .waitFor();
        expect(await signer.locator("main").textContent()).toContain(
          "Hej Karin Ek! Du har angetts som behörig att skriva under slutrapporten för Försäkringskassan.",
        );
        // the whole report is there to read
        await signer.getByRole("heading", { level: 2, name: "Hela slutrapporten" }).waitFor();
        await signer.getByRole("heading", { name: "Lärdomar för Försäkringskassan" }).waitFor();
        await checkA11y(signer, "final report signing page");

        // the wrong name and no confirmation are refused at their fields
        await signer.getByLabel(/^Ditt namn/).fill("Någon Annan");
        await signer.getByRole("button", { name: "Skriv under slutrapporten" }).click();
        await signer.locator(".error-summary").waitFor();
        expect(await signer.locator("#name-error").textContent()).toBe(
          "Skriv ditt namn så som det står i förfrågan: Karin Ek.",
        );
        expect(await signer.locator("#confirmAuthorised-error").count()).toBe(1);
        await checkA11y(signer, "final report signing page with errors");

        await signer.getByLabel(/^Ditt namn/).fill("Karin Ek");
        await signer
          .getByLabel(
            "Jag är behörig att skriva under för Försäkringskassan och intygar att slutrapporten stämmer.",
          )
          .check();
        await signer.getByRole("button", { name: "Skriv under slutrapporten" }).click();
        await signer.getByRole("heading", { level: 1, name: "Tack för din underskrift" }).waitFor();
        await checkA11y(signer, "final report signed");

        // the link works once
        await signer.goto(signingLink);
        await signer.getByRole("heading", { level: 1, name: "Länken fungerar inte" }).waitFor();
      } finally {
        await anonymous.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    "the office registers the other parties' paper signatures without JavaScript",
    async () => {
      expect(reportPath, "the report of the test before").not.toBe("");
      const base = server.baseUrl;
      const context = await newContext(browser, { javaScriptEnabled: false });
      try {
        const office = await context.newPage();
        await signIn(office, base, DEMO.admin, DEMO.password);
        await office.goto(`${base}${reportPath}`);
        await office
          .getByRole("row", {
            name: new RegExp(
              `^Försäkringskassan Underskriven Karin Ek, Enhetschef, ${today}, via länk`,
            ),
          })
          .waitFor();
        for (const party of PARTIES.filter((p) => p !== "Försäkringskassan")) {
          const paper = formOf(office, "paper-signature");
          await office.getByText("Registrera en underskrift på papper", { exact: true }).click();
          await paper.getByLabel(/^Part/).selectOption({ label: party });
          await paper.getByLabel(/^Namn på den som skriver under/).fill(`Chef på ${party}`);
          await act(office, paper.getByRole("button", { name: "Registrera underskriften" }));
          await office.locator(".notice", { hasText: "Underskriften är registrerad." }).waitFor();
        }
        await office.getByRole("table", { name: "4 av 4 parter har skrivit under" }).waitFor();
        await office
          .getByRole("row", {
            name: new RegExp(
              `^Region Uppsala Underskriven Chef på Region Uppsala, ${today}, på papper`,
            ),
          })
          .waitFor();
        await checkA11y(office, "final report signed by every party (no JS)");
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    "the lead submits it, which closes the initiative",
    async () => {
      expect(reportPath, "the report of the test before").not.toBe("");
      const base = server.baseUrl;
      const context = await newContext(browser);
      const page = await context.newPage();
      try {
        await signIn(page, base, LEAD, DEMO.password);
        // the edit page warns that a change would remove the signatures
        await page.goto(`${base}${reportPath}/andra`);
        await page.locator(".warning", { hasText: "4 parter har redan skrivit under." }).waitFor();
        await page.goto(`${base}${reportPath}`);
        await page.getByRole("heading", { level: 1, name: /^Slutrapport:/ }).waitFor();
        await hydrated(page);

        // submitted: a diarienummer, and the initiative is closed
        await act(page, page.getByRole("button", { name: "Skicka in slutrapporten" }));
        const notice = page.locator(".notice", { hasText: "Slutrapporten är inskickad" });
        await notice.waitFor();
        expect(await notice.textContent()).toMatch(/Insatsen är avslutad\./);
        const submitted = await header(page);
        registryNumber = submitted.Diarienummer ?? "";
        expect(registryNumber).toMatch(new RegExp(`^${today.slice(0, 4)}/\\d+$`));
        expect(submitted).toMatchObject({
          Status: "Inskickad",
          Inkom: today,
          "Insatsens status": "Avslutad",
        });
        // no longer the lead's to change
        expect(await page.getByRole("link", { name: "Ändra slutrapporten" }).count()).toBe(0);
        await checkA11y(page, "final report submitted");

        await page.getByRole("link", { name: "Tillbaka till insatsen" }).click();
        await page.waitForURL(`${base}${initiativePath}`);
        // with JavaScript the address changes before the page has rendered: wait for it
        await page.getByRole("heading", { level: 2, name: "Uppföljning" }).waitFor();
        expect(await header(page)).toMatchObject({ Status: "Avslutad", Slutdatum: today });
        // the way in from the initiative now leads to the report
        await page.getByRole("link", { name: "Slutrapport", exact: true }).click();
        await page.getByRole("link", { name: "Gå till slutrapporten" }).click();
        await page.waitForURL(`${base}${reportPath}`);
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    "the office accepts and locks it without JavaScript, and meets a conflict on another report",
    async () => {
      expect(reportPath, "the report of the test before").not.toBe("");
      const base = server.baseUrl;
      const context = await newContext(browser, { javaScriptEnabled: false });
      try {
        const office = await context.newPage();
        await signIn(office, base, DEMO.admin, DEMO.password);
        await office.goto(`${base}${reportPath}`);
        await office.getByRole("heading", { level: 2, name: "Granska slutrapporten" }).waitFor();
        await checkA11y(office, "final report to review (no JS)");
        await act(office, office.getByRole("button", { name: "Godkänn och lås" }));
        await office
          .locator(".notice", { hasText: "Slutrapporten är godkänd och låst." })
          .waitFor();
        expect(await header(office)).toMatchObject({
          Status: "Granskad och låst",
          Diarienummer: registryNumber,
        });
        expect(await office.getByRole("button", { name: "Godkänn och lås" }).count()).toBe(0);
        const history = office.getByRole("table", { name: /Alla sparade versioner/ });
        expect(await history.locator("tbody tr td:nth-child(2)").allTextContents()).toEqual([
          "Godkänd och låst",
          "Inskickad",
          "Sparad",
          "Påbörjad",
        ]);
        await checkA11y(office, "final report locked (no JS)");
        // the edit page says it cannot be changed
        await office.goto(`${base}${reportPath}/andra`);
        await office
          .getByRole("heading", { level: 1, name: "Slutrapporten kan inte ändras nu" })
          .waitFor();

        // another report, saved by someone else while the office writes: nothing is
        // overwritten, the page shows their change and keeps what was typed
        const [larcentrum] = await server.db
          .select()
          .from(initiatives)
          .where(eq(initiatives.name, "Uppsala, Lärcentrum digitalt"));
        if (!larcentrum) throw new Error("demo initiative missing");
        const other = await createFinalReport(
          server.db,
          actor,
          larcentrum.associationId,
          larcentrum.id,
        );
        await office.goto(`${base}/demo/slutrapporter/${other.id}/andra`);
        await office.getByLabel("Hur har behovet förändrats?").fill("Behovet har minskat.");
        const saved = await getFinalReport(server.db, larcentrum.associationId, other.id);
        if (!saved) throw new Error("report missing");
        await saveFinalReport(server.db, actor, larcentrum.associationId, other.id, 1, {
          ...finalReportInputOf(saved.content),
          changedNeed: "Behovet har ökat.",
        });
        expect(await act(office, office.getByRole("button", { name: "Spara slutrapporten" }))).toBe(
          409,
        );
        const conflict = office.getByRole("region", {
          name: "Någon annan har ändrat slutrapporten",
        });
        expect(await conflict.getByRole("heading", { level: 3 }).allTextContents()).toEqual([
          "Förändrat behov",
        ]);
        expect(await conflict.getByRole("listitem").allTextContents()).toEqual([
          "Behovet har ökat.",
        ]);
        expect(await office.getByLabel("Hur har behovet förändrats?").inputValue()).toBe(
          "Behovet har minskat.",
        );
        await checkA11y(office, "final report edit conflict (no JS)");
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
