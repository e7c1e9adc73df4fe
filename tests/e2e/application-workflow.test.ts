// Browser journeys through an application's workflow. The office registers an application that
// came on paper: three paper signatures, registration with an arrival date (diarienummer),
// preparation, a comment, a return for completion and the completion; a board member, without
// JavaScript, comments and records the approval, and the initiative runs. A party signs by the
// e-mailed link without an account. A refused submission lists what is missing. The office
// changes the form's texts and the logo (a multipart form, without JavaScript).
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication, saveApplication } from "../../src/applications/save-application.ts";
import { applications } from "../../src/applications/schema.ts";
import { recordPaperSignature } from "../../src/applications/signatures.ts";
import type { ApplicationInput } from "../../src/applications/validate-application.ts";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { memberOrganisations } from "../../src/associations/schema.ts";
import { checkA11y, checkedPages, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, sideNav, signIn } from "./helpers.ts";

const BOARD = "styrelsen@demo.samspar.se";
const NBSP = "\u00a0";

let server: TestServer;
let browser: Browser;
let admin: BrowserContext;
let page: Page;
let associationId = "";
const org: Record<"tierp" | "fk" | "af", string> = { tierp: "", fk: "", af: "" };
const actor = { userId: null, label: "e2e" };
const today = todayInSweden();
const year = Number(today.slice(0, 4));

/** A complete application of the demo association, as the form would send it. */
const complete = (name: string): ApplicationInput => ({
  name,
  ownerOrganisationId: org.tierp,
  partnerIds: [org.fk, org.af],
  orientation: "individual",
  preRehabilitation: false,
  esf: false,
  purpose:
    "Fler unga vuxna i Tierp ska nå arbete eller studier.\n\n# Delmål\n- Kartläggning\n- Praktik\n\nLäs mer på https://tierp.se/nya-vagar.\nSkriv <b>aldrig</b> HTML.",
  goals: [{ text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" }],
  background: "Många unga vuxna står långt från arbetsmarknaden.\nBehovet växer.",
  startDate: `${year}-01-01`,
  endDate: `${year + 1}-12-31`,
  lastIntakeDate: null,
  targetGroup: "Unga vuxna 18–29 år",
  expectedParticipants: "40",
  expectedParticipantsOngoing: false,
  localUnits: [],
  genderTargetWomenPercent: "50",
  methods: "Supported employment och MI.",
  followUp: "Kvartalsvis uppföljning i styrgruppen.",
  implementation: "Arbetssättet förs in i kommunens arbetsmarknadsenhet.",
  budget: [
    { year: String(year), category: "personal", amount: "900 000" },
    { year: String(year + 1), category: "personal", amount: "950 000" },
    { year: String(year + 1), category: "resor", amount: "20 000" },
  ],
  coFinancing: [
    { year: String(year), organisationId: org.af, kind: "personaltid", amount: "200 000" },
  ],
  anchored: true,
  anchoringDescription: "Diskuterad i LOKUS.",
});

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const orgs = await server.db.select().from(memberOrganisations);
  const id = (name: string) => {
    const found = orgs.find((o) => o.name === name);
    if (!found) throw new Error(`demo organisation ${name} missing`);
    associationId = found.associationId;
    return found.id;
  };
  org.tierp = id("Tierps kommun");
  org.fk = id("Försäkringskassan");
  org.af = id("Arbetsförmedlingen");
  admin = await newContext(browser);
  page = await admin.newPage();
  await signIn(page, server.baseUrl, DEMO.admin, DEMO.password);
});

afterAll(async () => {
  await boardContext?.close();
  await browser?.close();
  await server?.stop();
});

/** The form on the page whose hidden `intent` is the given one. */
const formOf = (p: Page, intent: string) =>
  p.locator("form", { has: p.locator(`input[name="intent"][value="${intent}"]`) });

/** Clicks a button and waits for the POST it sends and the page it leads to. */
async function act(p: Page, button: Locator): Promise<number> {
  const [response] = await Promise.all([
    p.waitForResponse((r) => r.request().method() === "POST"),
    button.click(),
  ]);
  await p.waitForLoadState("load");
  return response.status();
}

/** Waits until the page shows the notice an action answers with. */
async function notice(p: Page, text: string): Promise<void> {
  await p.locator(".notice", { hasText: text }).waitFor();
}

/** The description list at the top of the application page as term → description. */
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

async function paperSignature(p: Page, party: string, name: string, date: string) {
  const form = formOf(p, "paper-signature");
  await form.getByLabel(/^Part/).selectOption({ label: party });
  await form.getByLabel(/^Namn på den som skriver under/).fill(name);
  await form.getByLabel("Titel").fill("Förvaltningschef");
  await form.getByLabel(/^Datum för underskriften/).fill(date);
  await act(p, form.getByRole("button", { name: "Registrera underskriften" }));
  await p
    .getByRole("row", { name: new RegExp(`^${party}.*Underskriven.*${name}.*på papper`) })
    .waitFor();
}

let paperPath = "";
let boardContext: BrowserContext | undefined;
let board: Page;
let signingLink = "";
let linkPath = "";
let registryNumber = "";

describe("an application that came on paper", () => {
  it(
    "the office registers a draft that came on paper, and finds it in the list",
    async () => {
      const base = server.baseUrl;
      // the list, from the side navigation, and the new page from there
      expect(await sideNav(page)).toContain("Ansökningar");
      await page
        .getByRole("navigation", { name: "Huvudmeny" })
        .getByRole("link", { name: "Ansökningar" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Ansökningar" }).waitFor();
      await page.getByRole("link", { name: "Ny ansökan" }).click();
      await page.getByRole("heading", { level: 1, name: "Ny ansökan" }).waitFor();
      await page.getByLabel(/papper eller e-post/).check();
      await page.getByLabel(/^Insatsens namn/).fill("Tierp, Nya vägar");
      await page.getByLabel(/^Insatsägare/).selectOption({ label: "Tierps kommun" });
      await page.getByRole("main").getByRole("button", { name: "Spara utkast" }).click();
      await page.waitForURL(/\/demo\/ansokningar\/[0-9a-f-]{36}\?klart=skapad$/);
      await notice(page, "Ansökan är skapad.");
      paperPath = new URL(page.url()).pathname;
      expect(await header(page)).toMatchObject({ Status: "Utkast", "Inkommen på papper": "Ja" });

      // the rest of the paper is the edit page's business: filled in here directly
      const id = paperPath.split("/").pop() ?? "";
      await saveApplication(server.db, actor, associationId, id, 1, complete("Tierp, Nya vägar"));

      await page.getByRole("link", { name: "Alla ansökningar" }).click();
      await page.getByRole("heading", { level: 1, name: "Ansökningar" }).waitFor();
      const row = page.getByRole("row", { name: /Tierp, Nya vägar/ });
      expect(await row.locator("td").allTextContents()).toEqual([
        "Tierp, Nya vägar",
        "Tierps kommun",
        "Utkast",
        "",
        "",
        `1${NBSP}870${NBSP}000${NBSP}kr`,
        today,
      ]);
      // filtered by status: the drafts only, this one among them
      await page.getByLabel("Visa ansökningar med status").selectOption("utkast");
      await page.getByRole("button", { name: "Visa", exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("status") === "utkast");
      await page.getByRole("link", { name: "Visa alla ansökningar" }).waitFor();
      const statuses = await page
        .locator("table tbody tr")
        .evaluateAll((rows) => rows.map((r) => r.querySelectorAll("td")[2]?.textContent ?? ""));
      expect(new Set(statuses)).toEqual(new Set(["Utkast"]));
      expect(await page.getByRole("row", { name: /Tierp, Nya vägar/ }).count()).toBe(1);
      expect(await page.locator("caption").textContent()).toBe(
        `${statuses.length === 1 ? "1 ansökan" : `${statuses.length} ansökningar`} med status Utkast`,
      );
      await checkA11y(page, "applications");
      await page.getByRole("link", { name: "Visa alla ansökningar" }).click();
      await page.getByRole("row", { name: /Tierp, Nya vägar/ }).waitFor();

      // the application, read-only, with the office's panels
      await page.getByRole("link", { name: "Tierp, Nya vägar" }).click();
      await page.waitForURL(`${base}${paperPath}`);
      await page.getByRole("heading", { level: 1, name: "Tierp, Nya vägar" }).waitFor();
      expect(await header(page)).toMatchObject({
        Status: "Utkast",
        Diarienummer: "Får diarienummer när ansökan kommer in",
        "Inkommen på papper": "Ja",
        Blankett: "Ansökan 2026:1",
      });
      // narrative text as headings, lists and safe links; empty fields say so
      const purpose = page.locator(".application-view__field", {
        has: page.getByRole("heading", { name: "Syfte", exact: true }),
      });
      expect(await purpose.getByRole("heading", { level: 5 }).textContent()).toBe("Delmål");
      expect(await purpose.locator("ul li").allTextContents()).toEqual(["Kartläggning", "Praktik"]);
      expect(await purpose.getByRole("link").getAttribute("rel")).toBe("noopener noreferrer");
      // what looks like markup is text, and a line break within a paragraph stays one
      expect(await purpose.locator("p").last().innerText()).toBe(
        "Läs mer på https://tierp.se/nya-vagar.\nSkriv <b>aldrig</b> HTML.",
      );
      expect(await purpose.locator("b").count()).toBe(0);
      expect(
        await page
          .locator(".application-view__field", {
            has: page.getByRole("heading", { name: "Fördelning per kommun/delområde" }),
          })
          .textContent(),
      ).toContain("Ej ifyllt");
      const budget = page.getByRole("table", { name: "Sökta medel från förbundet" });
      expect(await budget.locator("tfoot td").allTextContents()).toEqual([
        `900${NBSP}000${NBSP}kr`,
        `970${NBSP}000${NBSP}kr`,
        `1${NBSP}870${NBSP}000${NBSP}kr`,
      ]);
      expect(await page.getByRole("link", { name: "Ladda ner PDF" }).getAttribute("href")).toBe(
        `${paperPath}/dokument?format=pdf`,
      );
      await checkA11y(page, "application draft on paper");
    },
    E2E_TIMEOUT,
  );

  it(
    "registers the three paper signatures from the paper, then the application as arrived",
    async () => {
      expect(paperPath, "the application of the test before").not.toBe("");
      // the three paper signatures
      await paperSignature(page, "Tierps kommun", "Anna Berg", today);
      await paperSignature(page, "Försäkringskassan", "Karin Ek", today);
      await paperSignature(page, "Arbetsförmedlingen", "Olof Lund", today);
      expect(await page.locator("caption").allTextContents()).toContain(
        "3 av 3 parter har skrivit under",
      );

      // registered as arrived: a diarienummer of the arrival year
      const register = formOf(page, "submit");
      expect(await register.getByLabel(/^Ankomstdatum/).inputValue()).toBe(today);
      await act(page, register.getByRole("button", { name: "Registrera som inkommen" }));
      await notice(page, "Ansökan är registrerad som inkommen.");
      const registered = await header(page);
      registryNumber = registered.Diarienummer ?? "";
      expect(registryNumber).toMatch(new RegExp(`^${year}/\\d+$`));
      expect(registered).toMatchObject({ Status: "Inskickad", Inkom: today });
      expect(await page.locator(".notice").textContent()).toBe(
        `Ansökan är registrerad som inkommen. Den har fått diarienummer ${registryNumber}.`,
      );
      // no more signing once it is in
      expect(await formOf(page, "paper-signature").count()).toBe(0);
      await checkA11y(page, "application registered");
    },
    E2E_TIMEOUT,
  );

  it(
    "takes it up for preparation, comments and returns it for completion",
    async () => {
      expect(registryNumber, "the registration of the test before").not.toBe("");
      // preparation, a comment, and back for completion
      await act(page, page.getByRole("button", { name: "Ta upp för beredning" }));
      await notice(page, "Ansökan är tagen upp för beredning.");
      expect((await header(page)).Status).toBe("Under beredning");
      await page.getByLabel(/^Ny kommentar/).fill("Budgeten för resor behöver förklaras.");
      await act(page, page.getByRole("button", { name: "Spara kommentaren" }));
      await notice(page, "Kommentaren är sparad.");
      const comments = page.locator("section", {
        has: page.getByRole("heading", { name: "Kommentarer" }),
      });
      expect(await comments.locator("ol li").first().textContent()).toMatch(
        /^Maria Lindqvist, \d{4}-\d{2}-\d{2} \d{2}:\d{2}Budgeten för resor behöver förklaras\.$/,
      );
      // the comment box is empty again after the comment was saved
      expect(await page.getByLabel(/^Ny kommentar/).inputValue()).toBe("");

      await page
        .getByLabel(/^Vad behöver den sökande komplettera/)
        .fill("Förklara resekostnaden för andra året.");
      await act(
        page,
        formOf(page, "return").getByRole("button", { name: "Skicka tillbaka för komplettering" }),
      );
      await notice(page, "Ansökan är skickad tillbaka för komplettering.");
      expect((await header(page)).Status).toBe("Åter för komplettering");
      expect(
        await page.getByRole("note").filter({ hasText: "Förklara resekostnaden" }).count(),
      ).toBe(1);
      await checkA11y(page, "application returned");
    },
    E2E_TIMEOUT,
  );

  it(
    "the office completes it, registers the completion, and the history shows what changed",
    async () => {
      expect(paperPath, "the application of the test before").not.toBe("");
      const base = server.baseUrl;
      const id = paperPath.split("/").pop() ?? "";
      // the completion itself is the edit page's business: saved here directly, which removes
      // the signatures (they covered the old content), so they are registered again
      const [row] = await server.db.select().from(applications).where(eq(applications.id, id));
      const input = complete("Tierp, Nya vägar");
      await saveApplication(server.db, actor, associationId, id, row?.version ?? 0, {
        ...input,
        background: `${input.background}\nResorna gäller hembesök i hela kommunen.`,
      });
      await page.goto(`${base}${paperPath}`);
      expect(await page.getByRole("row", { name: /Försäkringskassan.*Inte begärd/ }).count()).toBe(
        1,
      );
      for (const party of [org.tierp, org.fk, org.af])
        await recordPaperSignature(server.db, actor, associationId, id, {
          organisationId: party,
          name: "Behörig Person",
          email: "",
          signedOn: today,
        });
      await page.reload();
      await hydrated(page);
      const register = formOf(page, "submit");
      await register.getByLabel(/^Datum då kompletteringen kom in/).fill(today);
      await act(page, register.getByRole("button", { name: "Registrera kompletteringen" }));
      await notice(page, "Kompletteringen är inskickad.");
      expect(await header(page)).toMatchObject({
        Status: "Inskickad",
        Diarienummer: registryNumber,
      });

      // the history: newest first, in Swedish, and the change of the completion
      await page.getByRole("link", { name: "Versionshistorik" }).click();
      await page.getByRole("heading", { level: 1, name: /^Versionshistorik/ }).waitFor();
      const events = await page
        .locator("table tbody tr")
        .evaluateAll((rows) => rows.map((r) => r.querySelectorAll("td")[3]?.textContent ?? ""));
      expect(events).toEqual([
        "Kompletterad",
        "Sparad",
        "Åter för komplettering",
        "Tagen upp för beredning",
        "Registrerad",
        "Sparad",
        "Skapad",
      ]);
      // by default the content before and after its latest change: the completion (version 6)
      await page
        .getByRole("heading", { name: "Ändringar från version 5 till version 7" })
        .waitFor();
      expect(await page.getByText("Innehållet är detsamma i de två versionerna.").count()).toBe(0);
      await page.getByLabel("Jämför version").selectOption("6");
      await page.getByLabel("med version").selectOption("7");
      await page.getByRole("button", { name: "Jämför", exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("fran") === "6");
      await page
        .getByRole("heading", { name: "Ändringar från version 6 till version 7" })
        .waitFor();
      expect(await page.getByText("Innehållet är detsamma i de två versionerna.").count()).toBe(1);
      await page.getByLabel("Jämför version").selectOption("5");
      await page.getByLabel("med version").selectOption("7");
      await page.getByRole("button", { name: "Jämför", exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("fran") === "5");
      await page
        .getByRole("heading", { name: "Ändringar från version 5 till version 7" })
        .waitFor();
      const change = page.locator(".diff", {
        has: page.getByRole("heading", { name: "Bakgrund och behov" }),
      });
      expect(await change.locator("li").allTextContents()).toEqual([
        "Oförändrat: Många unga vuxna står långt från arbetsmarknaden.",
        "Oförändrat: Behovet växer.",
        "Tillagt: Resorna gäller hembesök i hela kommunen.",
      ]);
      expect(await change.locator("ins").textContent()).toBe(
        "Resorna gäller hembesök i hela kommunen.",
      );
      expect(await page.locator(".diff").count()).toBe(1);
      await checkA11y(page, "application history with a diff");
    },
    E2E_TIMEOUT,
  );

  it(
    "a board member, without JavaScript, comments; a decision without a meeting is refused",
    async () => {
      expect(paperPath, "the application of the tests before").not.toBe("");
      const base = server.baseUrl;
      boardContext = await newContext(browser, { javaScriptEnabled: false });
      board = await boardContext.newPage();
      await signIn(board, base, BOARD, DEMO.password);
      await board.goto(`${base}${paperPath}`);
      // the board decides and comments, but does not run the office's preparation
      expect(await formOf(board, "return").count()).toBe(0);
      expect(await formOf(board, "paper-signature").count()).toBe(0);
      await checkA11y(board, "application to decide (no JS)");

      await board.getByLabel(/^Ny kommentar/).fill("Jag tillstyrker.");
      await act(board, board.getByRole("button", { name: "Spara kommentaren" }));
      await notice(board, "Kommentaren är sparad.");
      expect(await board.locator("section ol li").allTextContents()).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Per Sandberg, .*Jag tillstyrker\.$/)]),
      );

      // a decision without a meeting is refused at its field
      const decide = formOf(board, "decide");
      await decide.getByLabel("Beviljad").check();
      await decide.getByLabel(/^Beviljat belopp/).fill("1 800 000");
      await decide.getByLabel(/^Periodens start/).fill(today);
      await decide.getByLabel(/^Periodens slut/).fill(`${year + 1}-12-31`);
      await decide.getByLabel(/^Villkor/).fill("Rapport till styrelsen efter första halvåret.");
      await decide.getByLabel(/^Paragraf/).fill("12");
      await decide.getByLabel(/^Möte/).fill(" ");
      expect(await act(board, decide.getByRole("button", { name: "Registrera beslutet" }))).toBe(
        400,
      );
      const summary = board.locator(".error-summary");
      expect(await summary.getByRole("link").getAttribute("href")).toBe("#decision-meeting");
      expect(await board.locator("#decision-meeting-error").textContent()).toMatch(
        /^Ange vilket möte/,
      );
      // what was typed is kept
      expect(await formOf(board, "decide").getByLabel("Beviljad").isChecked()).toBe(true);
      expect(
        await formOf(board, "decide")
          .getByLabel(/^Beviljat belopp/)
          .inputValue(),
      ).toBe("1 800 000");
      await checkA11y(board, "application decision with error (no JS)");
    },
    E2E_TIMEOUT,
  );

  it(
    "the board member records the approval, and the initiative runs",
    async () => {
      expect(board, "the board member's page of the test before").toBeDefined();
      const base = server.baseUrl;
      const again = formOf(board, "decide");
      await again.getByLabel(/^Möte/).fill("Styrelsemöte");
      await act(board, again.getByRole("button", { name: "Registrera beslutet" }));
      await notice(board, "Beslutet är registrerat.");
      expect((await header(board)).Status).toBe("Beviljad");
      const decision = board.locator("section", {
        has: board.getByRole("heading", { level: 2, name: "Beslut" }),
      });
      expect(await decision.textContent()).toContain(`1${NBSP}800${NBSP}000${NBSP}kr`);
      expect(await decision.textContent()).toContain(`Beslutat vid Styrelsemöte § 12, ${today}.`);
      expect(await formOf(board, "decide").count()).toBe(0);
      await checkA11y(board, "application approved (no JS)");

      // the initiative runs, and is in the register
      await board.getByRole("link", { name: "Gå till insatsen" }).click();
      await board.getByRole("heading", { level: 1, name: "Tierp, Nya vägar" }).waitFor();
      const status = await board
        .locator("dl.summary dt", { hasText: /^Status$/ })
        .evaluate((dt) => dt.nextElementSibling?.textContent ?? "");
      expect(status).toBe("Pågående");
      await board.goto(`${base}/demo/insatser?status=pagaende`);
      expect(await board.getByRole("link", { name: "Tierp, Nya vägar" }).count()).toBe(1);
    },
    E2E_TIMEOUT,
  );
});

describe("signatures by link and submission", () => {
  it(
    "asks a party to sign: the request is mailed with a one-time link",
    async () => {
      const base = server.baseUrl;
      const id = await createApplication(
        server.db,
        actor,
        associationId,
        complete("Tierp, Länkvägen"),
      );
      const path = `/demo/ansokningar/${id}`;
      await page.goto(`${base}${path}`);
      await hydrated(page);

      // submitting before everyone has signed is refused, pointing at the signatures
      await act(page, formOf(page, "submit").getByRole("button", { name: "Skicka in ansökan" }));
      const refused = page.locator(".error-summary");
      await refused.waitFor();
      expect(await refused.getByRole("link").textContent()).toMatch(
        /^3 av 3 parter har inte skrivit under/,
      );
      expect(await refused.getByRole("link").getAttribute("href")).toBe("#underskrifter");

      const request = formOf(page, "request-signature");
      await request.getByLabel(/^Part/).selectOption({ label: "Försäkringskassan" });
      await request.getByLabel(/^Namn på den som skriver under/).fill("Karin Ek");
      await request.getByLabel(/^E-postadress/).fill("karin.ek@fk.example");
      await act(page, request.getByRole("button", { name: "Skicka förfrågan" }));
      await notice(page, "Förfrågan om underskrift är skickad.");
      await page
        .getByRole("row", { name: /^Försäkringskassan Begärd Skickad till Karin Ek/ })
        .waitFor();
      await checkA11y(page, "application with a signature requested");

      // the link, from the outbox
      await page.goto(`${base}/demo/utkorg`);
      const mail = page.locator("article", { hasText: "Underskrift av ansökan: Tierp, Länkvägen" });
      const body = (await mail.locator("pre").textContent()) ?? "";
      signingLink = /http:\/\/localhost:\d+\/signera\/[A-Za-z0-9_-]+/.exec(body)?.[0] ?? "";
      expect(signingLink).not.toBe("");
      linkPath = path;
    },
    E2E_TIMEOUT,
  );

  it(
    "the party signs by the link without an account, once, and the application shows it",
    async () => {
      expect(signingLink, "the link of the test before").not.toBe("");
      const base = server.baseUrl;
      const link = signingLink;

      const anonymous = await newContext(browser);
      try {
        const signer = await anonymous.newPage();
        await signer.goto(link);
        await hydrated(signer);
        await signer
          .getByRole("heading", { level: 1, name: "Skriv under ansökan Tierp, Länkvägen" })
          .waitFor();
        expect(await signer.locator("main").textContent()).toContain(
          "Hej Karin Ek! Du har angetts som behörig att skriva under ansökan för Försäkringskassan.",
        );
        // the whole application and the agreement are there to read
        await signer.getByRole("heading", { name: "Bakgrund och behov" }).waitFor();
        await signer.getByRole("heading", { name: "Överenskommelse" }).waitFor();
        await checkA11y(signer, "signing page");

        // the wrong name and no confirmation are refused at their fields
        await signer.getByLabel(/^Ditt namn/).fill("Någon Annan");
        await signer.getByRole("button", { name: "Skriv under" }).click();
        await signer.locator(".error-summary").waitFor();
        expect(await signer.locator("#name-error").textContent()).toBe(
          "Skriv ditt namn så som det står i förfrågan: Karin Ek.",
        );
        expect(await signer.locator("#confirmAuthorised-error").count()).toBe(1);
        await checkA11y(signer, "signing page with errors");

        await signer.getByLabel(/^Ditt namn/).fill("karin ek");
        await signer
          .getByLabel(
            "Jag är behörig att skriva under för Försäkringskassan och godkänner ansökan och överenskommelsen.",
          )
          .check();
        await signer.getByRole("button", { name: "Skriv under" }).click();
        await signer.getByRole("heading", { level: 1, name: "Tack för din underskrift" }).waitFor();
        await checkA11y(signer, "signing done");

        // the link works once
        await signer.goto(link);
        await signer.getByRole("heading", { level: 1, name: "Länken fungerar inte" }).waitFor();
        await checkA11y(signer, "signing link used");
      } finally {
        await anonymous.close();
      }

      await page.goto(`${base}${linkPath}`);
      await page
        .getByRole("row", {
          name: new RegExp(`^Försäkringskassan Underskriven Karin Ek, ${today}, via länk`),
        })
        .waitFor();
    },
    E2E_TIMEOUT,
  );

  it(
    "a refused submission lists each missing field, linking to it on the edit page",
    async () => {
      const base = server.baseUrl;
      const id = await createApplication(server.db, actor, associationId, {
        ...complete("Tierp, Halvfärdig"),
        purpose: "",
        methods: "",
      });
      const path = `/demo/ansokningar/${id}`;
      await page.goto(`${base}${path}`);
      await hydrated(page);
      await act(page, formOf(page, "submit").getByRole("button", { name: "Skicka in ansökan" }));
      const summary = page.locator(".error-summary");
      await summary.waitFor();
      const links = await summary
        .getByRole("link")
        .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
      expect(links).toEqual(
        expect.arrayContaining([
          ["Syfte: Fyll i syfte innan du skickar in ansökan.", `${path}/andra#purpose`],
          ["Metod(er): Fyll i metod(er) innan du skickar in ansökan.", `${path}/andra#methods`],
        ]),
      );
      expect((await header(page)).Status).toBe("Utkast");
      await checkA11y(page, "application with a refused submission");

      // signatures are not asked for an incomplete application
      const request = formOf(page, "request-signature");
      await request.getByLabel(/^Namn på den som skriver under/).fill("Anna Berg");
      await request.getByLabel(/^E-postadress/).fill("anna.berg@tierp.example");
      await act(page, request.getByRole("button", { name: "Skicka förfrågan" }));
      await page.locator(".error-summary", { hasText: "Ansökan är inte komplett" }).waitFor();
      expect(
        await page.locator(".error-summary").getByRole("link").first().getAttribute("href"),
      ).toBe(`${path}/andra`);
    },
    E2E_TIMEOUT,
  );
});

// the smallest PNG: one transparent pixel
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

describe("the application form's settings", () => {
  it(
    "the office changes the form's version and a help text",
    async () => {
      const base = server.baseUrl;
      await page.goto(`${base}/demo/ansokningar`);
      await page.getByRole("link", { name: "Ändra ansökningsblanketten" }).click();
      await page.getByRole("heading", { level: 1, name: "Ansökningsblanketten" }).waitFor();
      await checkA11y(page, "application form settings");
      await page.getByLabel(/^Blankettens version/).fill("Ansökan 2027:1");
      await page.getByLabel("Hjälptext för Syfte").fill("Beskriv syftet kort.");
      await act(page, page.getByRole("button", { name: "Spara blanketten" }));
      await notice(page, "Blanketten är sparad.");
      expect(await page.getByLabel(/^Blankettens version/).inputValue()).toBe("Ansökan 2027:1");
      expect(await page.getByLabel("Hjälptext för Syfte").inputValue()).toBe(
        "Beskriv syftet kort.",
      );
    },
    E2E_TIMEOUT,
  );

  it(
    "without JavaScript, the office uploads a logo (a multipart form) and removes it",
    async () => {
      const base = server.baseUrl;
      const context = await newContext(browser, { javaScriptEnabled: false });
      try {
        const office = await context.newPage();
        await signIn(office, base, DEMO.admin, DEMO.password);
        await office.goto(`${base}/demo/ansokningar/blankett`);
        expect(await office.getByText("Förbundet har ingen logotyp än.").count()).toBe(1);
        // a file that is not an image is refused
        await office.getByLabel("Välj en bild").setInputFiles({
          name: "logo.png",
          mimeType: "image/png",
          buffer: Buffer.from("inte en bild"),
        });
        expect(await act(office, office.getByRole("button", { name: "Ladda upp logotypen" }))).toBe(
          400,
        );
        expect(await office.locator("#logo-error").textContent()).toBe(
          "Logotypen måste vara en PNG- eller JPEG-bild.",
        );
        await office.getByLabel("Välj en bild").setInputFiles({
          name: "logo.png",
          mimeType: "image/png",
          buffer: PNG,
        });
        await act(office, office.getByRole("button", { name: "Ladda upp logotypen" }));
        await notice(office, "Logotypen är sparad.");
        const logo = office.getByRole("img", { name: "Logotyp för Samordningsförbundet Demo" });
        expect(await logo.getAttribute("src")).toBe(
          `data:image/png;base64,${PNG.toString("base64")}`,
        );
        // the page's policy lets the browser show it
        expect(await logo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
        await checkA11y(office, "application form settings with a logo (no JS)");
        await act(office, office.getByRole("button", { name: "Ta bort logotypen" }));
        await notice(office, "Logotypen är borttagen.");
        expect(await office.getByRole("main").getByRole("img").count()).toBe(0);
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );

  it("checked every page built here with axe", () => {
    expect(checkedPages).toEqual(
      expect.arrayContaining([
        "applications",
        "application draft on paper",
        "application registered",
        "application returned",
        "application history with a diff",
        "application to decide (no JS)",
        "application decision with error (no JS)",
        "application approved (no JS)",
        "application with a signature requested",
        "signing page",
        "signing page with errors",
        "signing done",
        "signing link used",
        "application with a refused submission",
        "application form settings",
        "application form settings with a logo (no JS)",
      ]),
    );
  });
});
