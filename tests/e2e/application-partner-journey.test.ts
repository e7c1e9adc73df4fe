// One application's whole way through the browser, from a partner's draft to a running
// initiative. The demo's initiative lead starts a draft, fills in every field the form
// requires, and asks the owner and the two partners to sign by link; each signer opens the
// e-mailed link without an account (one of them without JavaScript) and signs; the lead submits.
// The office takes it up for preparation and comments; a board member, without JavaScript,
// approves it. The initiative then runs, is in the register, and is among the lead's own.
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { checkA11y, checkedPages, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, signIn } from "./helpers.ts";

const LEAD = "insatsansvarig@demo.samspar.se";
const BOARD = "styrelsen@demo.samspar.se";
const NAME = "Tierp, Steg för steg";
const NBSP = "\u00a0";
const today = todayInSweden();
const year = Number(today.slice(0, 4));
const start = `${year}-01-01`;
const end = `${year + 1}-12-31`;

/** Who signs for each party, and how they open their link. */
const SIGNERS = [
  { party: "Tierps kommun", name: "Anna Berg", email: "anna.berg@tierp.example", js: true },
  { party: "Försäkringskassan", name: "Karin Ek", email: "karin.ek@fk.example", js: false },
  { party: "Arbetsförmedlingen", name: "Olof Lund", email: "olof.lund@af.example", js: true },
] as const;

let server: TestServer;
let browser: Browser;
let leadContext: BrowserContext;
let lead: Page;
let officeContext: BrowserContext | undefined;
let boardContext: BrowserContext | undefined;
/** /demo/ansokningar/<id> of the application started here. */
let path = "";
const links = new Map<string, string>();
/** How many of the parties have signed by their link. */
let signedByLink = 0;
let registryNumber = "";
let initiativePath = "";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  leadContext = await newContext(browser);
  lead = await leadContext.newPage();
});

afterAll(async () => {
  await officeContext?.close();
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
const notice = (p: Page, text: string) => p.locator(".notice", { hasText: text }).waitFor();

/** The description list at the top of a page as term → description. */
const summary = async (p: Page) =>
  p
    .locator("main > dl.summary")
    .first()
    .evaluate((dl) => {
      const out: Record<string, string> = {};
      for (const dt of dl.querySelectorAll("dt"))
        out[dt.textContent?.trim() ?? ""] = dt.nextElementSibling?.textContent?.trim() ?? "";
      return out;
    });

/** A link of the association's side navigation. */
const navLink = (p: Page, name: string) =>
  p.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name, exact: true });

describe("a partner's application from draft to decision", () => {
  it(
    "the initiative lead starts a draft and fills in everything the form requires",
    async () => {
      const base = server.baseUrl;
      await signIn(lead, base, LEAD, DEMO.password);
      await hydrated(lead);
      await navLink(lead, "Ansökningar").click();
      await lead.getByRole("heading", { level: 1, name: "Ansökningar" }).waitFor();
      await lead.getByRole("link", { name: "Ny ansökan" }).click();
      await lead.getByRole("heading", { level: 1, name: "Ny ansökan" }).waitFor();
      await lead.getByLabel(/^Insatsens namn/).fill(NAME);
      await lead.getByLabel(/^Insatsägare/).selectOption({ label: "Tierps kommun" });
      await lead.getByRole("main").getByRole("button", { name: "Spara utkast" }).click();
      await notice(lead, "Ansökan är skapad.");
      await lead.getByRole("heading", { level: 1, name: NAME }).waitFor();
      path = new URL(lead.url()).pathname;
      expect(path).toMatch(/^\/demo\/ansokningar\/[0-9a-f-]{36}$/);
      expect(await summary(lead)).toMatchObject({
        Status: "Utkast",
        Diarienummer: "Får diarienummer när ansökan kommer in",
      });

      await lead.getByRole("link", { name: "Ändra ansökan" }).click();
      await lead.getByRole("heading", { level: 1, name: `Ändra ansökan: ${NAME}` }).waitFor();
      const partners = lead.getByRole("group", { name: /^Samverkansparter/ });
      await partners.getByLabel("Försäkringskassan").check();
      await partners.getByLabel("Arbetsförmedlingen").check();
      await lead
        .getByRole("group", { name: /^Inriktning/ })
        .getByLabel("Individinriktad")
        .check();
      await lead
        .getByLabel(/^Syfte/)
        .fill("Fler unga vuxna i Tierp ska nå arbete eller studier.\n\n- kartläggning\n- praktik");
      const goal = lead.getByRole("group", { name: "Mål 1" });
      await goal.getByLabel("Vad ska uppnås?").fill("Deltagare går till arbete eller studier");
      await goal.getByLabel("Sorts mål").selectOption({ label: "Resultatmål" });
      await goal.getByLabel("Målvärde i procent").fill("60");
      await lead.getByLabel(/^Bakgrund och behov/).fill("Många unga vuxna i Tierp saknar arbete.");
      await lead.getByLabel(/^Planerad start/).fill(start);
      await lead.getByLabel(/^Planerat slut/).fill(end);
      await lead.getByLabel(/^Målgrupp/).fill("Unga vuxna 18–29 år");
      // (each local unit's row has a field of the same name)
      await lead.getByRole("textbox", { name: /^Förväntat antal deltagare \(krävs/ }).fill("40");
      await lead.getByLabel(/^Metod\(er\)/).fill("Supported employment och motiverande samtal.");
      await lead
        .getByLabel(/^Uppföljning och utvärdering/)
        .fill("Kvartalsvis uppföljning i styrgruppen.");
      await lead
        .getByLabel(/^Tillvaratagande och implementering/)
        .fill("Arbetssättet förs in i kommunens arbetsmarknadsenhet.");
      // the draft has no dates yet: the matrix offers this year and the two after
      await lead.getByLabel(`Personal ${year}, kronor`).fill("900 000");
      await lead.getByLabel(`Personal ${year + 1}, kronor`).fill("950 000");
      const line = lead.getByRole("group", { name: "Finansiering 1" });
      await line.getByLabel("Part", { exact: true }).selectOption({ label: "Arbetsförmedlingen" });
      await line.getByLabel("Vad parten bidrar med").selectOption({ label: "Personaltid" });
      await line.getByLabel("År").fill(String(year));
      await line.getByLabel("Belopp i kronor").fill("200 000");
      await lead
        .getByRole("group", { name: /^Diskuterad i lokal eller strategisk utvecklingsgrupp/ })
        .getByLabel("Ja", { exact: true })
        .check();
      await lead
        .getByLabel(/^Hur och när förankrades ansökan/)
        .fill("Diskuterad i LOKUS Tierp i september.");
      await checkA11y(lead, "application form filled in (lead)");

      expect(
        await act(lead, lead.getByRole("main").getByRole("button", { name: "Spara utkast" })),
      ).toBeLessThan(400);
      await notice(lead, "Ändringarna är sparade.");
      await lead.getByRole("heading", { level: 1, name: NAME }).waitFor();
      expect(await summary(lead)).toMatchObject({
        Status: "Utkast",
        "Sökt belopp": `1${NBSP}850${NBSP}000${NBSP}kr`,
      });
      // the three parties, none of them asked to sign yet
      expect(await lead.locator("caption").allTextContents()).toContain(
        "0 av 3 parter har skrivit under",
      );
      for (const { party } of SIGNERS)
        await lead.getByRole("row", { name: new RegExp(`^${party}.*Inte begärd`) }).waitFor();
    },
    E2E_TIMEOUT,
  );

  it(
    "the lead asks the owner and each partner to sign by link",
    async () => {
      expect(path, "the application of the test before").not.toBe("");
      for (const s of SIGNERS) {
        const request = formOf(lead, "request-signature");
        await request.getByLabel(/^Part/).selectOption({ label: s.party });
        await request.getByLabel(/^Namn på den som skriver under/).fill(s.name);
        await request.getByLabel(/^E-postadress/).fill(s.email);
        expect(
          await act(lead, request.getByRole("button", { name: "Skicka förfrågan" })),
        ).toBeLessThan(400);
        await lead
          .getByRole("row", { name: new RegExp(`^${s.party}.*Begärd.*Skickad till ${s.name}`) })
          .waitFor();
        await notice(lead, "Förfrågan om underskrift är skickad.");
      }
      expect(await lead.locator("caption").allTextContents()).toContain(
        "0 av 3 parter har skrivit under",
      );
      await checkA11y(lead, "application with three signature requests (lead)");
      // the outbox is the office's: the lead is refused it
      const refused = await lead.goto(`${server.baseUrl}/demo/utkorg`);
      expect(refused?.status()).toBe(403);
    },
    E2E_TIMEOUT,
  );

  it(
    "the office finds each signer's mail, with a link of its own, in the outbox",
    async () => {
      expect(path, "the application of the tests before").not.toBe("");
      const base = server.baseUrl;
      // the outbox is the office's: the lead reads no mail
      officeContext = await newContext(browser);
      const office = await officeContext.newPage();
      await signIn(office, base, DEMO.admin, DEMO.password);
      await office.goto(`${base}/demo/utkorg`);
      await office.getByRole("heading", { level: 1, name: "Utkorg" }).waitFor();
      for (const s of SIGNERS) {
        const mail = office
          .locator("article")
          .filter({ hasText: `Underskrift av ansökan: ${NAME}` })
          .filter({ hasText: s.email });
        expect(await mail.count(), `the mail to ${s.email}`).toBe(1);
        const body = (await mail.locator("pre").textContent()) ?? "";
        expect(body).toContain(`Hej ${s.name}`);
        const link = /http:\/\/localhost:\d+\/signera\/[A-Za-z0-9_-]+/.exec(body)?.[0] ?? "";
        expect(link, `the link to ${s.email}`).not.toBe("");
        links.set(s.party, link);
      }
      expect(new Set(links.values()).size).toBe(SIGNERS.length);
    },
    E2E_TIMEOUT,
  );

  for (const s of SIGNERS) {
    it(
      `${s.name} opens the link for ${s.party}, signed out${s.js ? "" : " and without JavaScript"}, and signs`,
      async () => {
        const link = links.get(s.party) ?? "";
        expect(link, "the link from the outbox").not.toBe("");
        // a fresh browser profile: no account, no session
        const context = await newContext(browser, s.js ? {} : { javaScriptEnabled: false });
        try {
          const signer = await context.newPage();
          const response = await signer.goto(link);
          expect(response?.status()).toBe(200);
          await hydrated(signer);
          await signer
            .getByRole("heading", { level: 1, name: `Skriv under ansökan ${NAME}` })
            .waitFor();
          expect(await signer.locator("main .lead").textContent()).toContain(
            `Hej ${s.name}! Du har angetts som behörig att skriva under ansökan för ${s.party}.`,
          );
          // what is signed: the whole application as it was saved
          await signer.getByRole("heading", { name: "Bakgrund och behov" }).waitFor();
          expect(await signer.locator("main").textContent()).toContain(
            "Många unga vuxna i Tierp saknar arbete.",
          );
          if (s === SIGNERS[0]) await checkA11y(signer, "signing page");
          if (!s.js) await checkA11y(signer, "signing page (no JS)");

          await signer.getByLabel(/^Ditt namn/).fill(s.name);
          await signer
            .getByLabel(
              `Jag är behörig att skriva under för ${s.party} och godkänner ansökan och överenskommelsen.`,
            )
            .check();
          await signer.getByRole("button", { name: "Skriv under" }).click();
          await signer
            .getByRole("heading", { level: 1, name: "Tack för din underskrift" })
            .waitFor();
          if (s === SIGNERS[0]) await checkA11y(signer, "signing done");
          if (!s.js) await checkA11y(signer, "signing done (no JS)");
          signedByLink += 1;
        } finally {
          await context.close();
        }
      },
      E2E_TIMEOUT,
    );
  }

  it(
    "the lead sees the three signatures and submits: the application gets a diarienummer",
    async () => {
      expect(signedByLink, "the signatures of the test before").toBe(SIGNERS.length);
      await lead.goto(`${server.baseUrl}${path}`);
      await hydrated(lead);
      await lead.getByRole("heading", { level: 1, name: NAME }).waitFor();
      for (const s of SIGNERS)
        await lead
          .getByRole("row", {
            name: new RegExp(`^${s.party}.*Underskriven.*${s.name}, ${today}, via länk`),
          })
          .waitFor();
      expect(await lead.locator("caption").allTextContents()).toContain(
        "3 av 3 parter har skrivit under",
      );

      expect(
        await act(lead, formOf(lead, "submit").getByRole("button", { name: "Skicka in ansökan" })),
      ).toBeLessThan(400);
      await notice(lead, "Ansökan är inskickad.");
      const submitted = await summary(lead);
      registryNumber = submitted.Diarienummer ?? "";
      expect(registryNumber).toMatch(new RegExp(`^${year}/\\d+$`));
      expect(submitted).toMatchObject({ Status: "Inskickad", Inkom: today });
      expect(await lead.locator(".notice").textContent()).toBe(
        `Ansökan är inskickad. Den har fått diarienummer ${registryNumber}.`,
      );
      // submitted, it is no longer the lead's to change or to ask signatures for
      expect(await lead.getByRole("link", { name: "Ändra ansökan" }).count()).toBe(0);
      expect(await formOf(lead, "request-signature").count()).toBe(0);
      expect(await formOf(lead, "submit").count()).toBe(0);
      await checkA11y(lead, "application submitted (lead)");
    },
    E2E_TIMEOUT,
  );

  it(
    "the office takes it up for preparation and comments",
    async () => {
      expect(registryNumber, "the submission of the test before").not.toBe("");
      expect(officeContext, "the office's context of the tests before").toBeDefined();
      const office = officeContext ? officeContext.pages()[0] : undefined;
      if (!office) throw new Error("the office's page is gone");
      await office.goto(`${server.baseUrl}/demo/ansokningar`);
      await hydrated(office);
      const row = office.getByRole("row", { name: new RegExp(NAME) });
      expect(await row.locator("td").nth(2).textContent()).toBe("Inskickad");
      expect(await row.locator("td").nth(3).textContent()).toBe(registryNumber);
      await row.getByRole("link", { name: NAME }).click();
      await office.getByRole("heading", { level: 1, name: NAME }).waitFor();
      await office.getByRole("button", { name: "Ta upp för beredning" }).waitFor();

      await act(office, office.getByRole("button", { name: "Ta upp för beredning" }));
      await notice(office, "Ansökan är tagen upp för beredning.");
      expect((await summary(office)).Status).toBe("Under beredning");
      await office.getByLabel(/^Ny kommentar/).fill("Budgeten är rimlig. Föreslår bifall.");
      await act(office, office.getByRole("button", { name: "Spara kommentaren" }));
      await notice(office, "Kommentaren är sparad.");
      const comments = office.locator("section", {
        has: office.getByRole("heading", { level: 2, name: "Kommentarer" }),
      });
      expect(await comments.locator("ol li").allTextContents()).toEqual([
        expect.stringMatching(/^Maria Lindqvist, .*Budgeten är rimlig\. Föreslår bifall\.$/),
      ]);
      await checkA11y(office, "application under preparation (office)");
    },
    E2E_TIMEOUT,
  );

  it(
    "a board member, without JavaScript, records the approval",
    async () => {
      expect(registryNumber, "the application of the tests before").not.toBe("");
      const base = server.baseUrl;
      boardContext = await newContext(browser, { javaScriptEnabled: false });
      const board = await boardContext.newPage();
      await signIn(board, base, BOARD, DEMO.password);
      await navLink(board, "Ansökningar").click();
      await board.getByRole("heading", { level: 1, name: "Ansökningar" }).waitFor();
      await board.getByRole("link", { name: NAME }).click();
      await board.getByRole("heading", { level: 1, name: NAME }).waitFor();
      expect((await summary(board)).Status).toBe("Under beredning");
      // the board decides; the preparation is the office's
      expect(await formOf(board, "start-preparation").count()).toBe(0);
      expect(await formOf(board, "return").count()).toBe(0);
      const decide = formOf(board, "decide");
      // the period is the planned one until the board says otherwise
      expect(await decide.getByLabel(/^Periodens start/).inputValue()).toBe(start);
      expect(await decide.getByLabel(/^Beslutsdatum/).inputValue()).toBe(today);
      await checkA11y(board, "application decision form (no JS)");

      await decide.getByLabel("Beviljad").check();
      await decide.getByLabel(/^Beviljat belopp/).fill("1 800 000");
      await decide.getByLabel(/^Periodens start/).fill(start);
      await decide.getByLabel(/^Periodens slut/).fill(end);
      await decide.getByLabel(/^Villkor/).fill("Rapport till styrelsen efter första halvåret.");
      await decide.getByLabel(/^Möte/).fill("Styrelsemöte");
      await decide.getByLabel(/^Paragraf/).fill("7");
      await decide.getByLabel(/^Beslutsdatum/).fill(today);
      expect(
        await act(board, decide.getByRole("button", { name: "Registrera beslutet" })),
      ).toBeLessThan(400);
      await notice(board, "Beslutet är registrerat.");
      expect(await summary(board)).toMatchObject({
        Status: "Beviljad",
        Diarienummer: registryNumber,
      });
      const decision = board.locator("section", {
        has: board.getByRole("heading", { level: 2, name: "Beslut", exact: true }),
      });
      const decided = (await decision.textContent()) ?? "";
      expect(decided).toContain(`1${NBSP}800${NBSP}000${NBSP}kr`);
      expect(decided).toContain("Rapport till styrelsen efter första halvåret.");
      expect(decided).toContain(`Beslutat vid Styrelsemöte § 7, ${today}.`);
      expect(await formOf(board, "decide").count()).toBe(0);
      await checkA11y(board, "application approved (no JS)");
    },
    E2E_TIMEOUT,
  );

  it(
    "the approved application links to its initiative, which runs and is in the register",
    async () => {
      const board = boardContext?.pages()[0];
      expect(board, "the board member's page of the test before").toBeDefined();
      if (!board) return;
      const toInitiative = board.getByRole("link", { name: "Gå till insatsen" });
      initiativePath = (await toInitiative.getAttribute("href")) ?? "";
      expect(initiativePath).toMatch(/^\/demo\/insatser\/[0-9a-f-]{36}$/);
      await toInitiative.click();
      await board.getByRole("heading", { level: 1, name: NAME }).waitFor();
      expect(new URL(board.url()).pathname).toBe(initiativePath);
      expect((await summary(board)).Status).toBe("Pågående");
      await checkA11y(board, "initiative approved (no JS)");

      // the register: the running initiatives, this one among them
      await navLink(board, "Insatser").click();
      await board.getByRole("heading", { level: 1, name: "Insatser" }).waitFor();
      const row = board.getByRole("row", { name: new RegExp(`^${NAME}`) });
      expect(await row.locator("td").allTextContents()).toEqual([
        NAME,
        "Tierps kommun",
        "Arbetsförmedlingen, Försäkringskassan",
        "Individinriktad",
        start,
        end,
        "Pågående",
        "40",
      ]);
    },
    E2E_TIMEOUT,
  );

  it(
    "the lead now has the running initiative among their own",
    async () => {
      expect(initiativePath, "the initiative of the test before").not.toBe("");
      const base = server.baseUrl;
      // the lead's application says it is approved and leads there too
      await lead.goto(`${base}${path}`);
      await hydrated(lead);
      await lead.getByRole("heading", { level: 1, name: NAME }).waitFor();
      expect((await summary(lead)).Status).toBe("Beviljad");
      expect(await lead.getByRole("link", { name: "Gå till insatsen" }).getAttribute("href")).toBe(
        initiativePath,
      );

      await navLink(lead, "Insatser").click();
      await lead.getByRole("heading", { level: 1, name: "Insatser" }).waitFor();
      const row = lead.getByRole("row", { name: new RegExp(`^${NAME}`) });
      await row.waitFor();
      expect(await row.locator("td").nth(6).textContent()).toBe("Pågående");
      // the lead's own: the initiative they led before, and this one
      const names = await lead.locator("table tbody tr td:first-child").allTextContents();
      expect(names).toEqual(expect.arrayContaining([NAME, "Tierp, Växtverket"]));
      await row.getByRole("link", { name: NAME }).click();
      await lead.getByRole("heading", { level: 1, name: NAME }).waitFor();
      await lead.locator("main > dl.summary").first().waitFor();
      expect(new URL(lead.url()).pathname).toBe(initiativePath);
      expect((await summary(lead)).Status).toBe("Pågående");
      await checkA11y(lead, "initiative approved (lead)");
    },
    E2E_TIMEOUT,
  );

  it("checked every page state visited with axe", () => {
    expect(checkedPages).toEqual(
      expect.arrayContaining([
        "application form filled in (lead)",
        "application with three signature requests (lead)",
        "signing page",
        "signing page (no JS)",
        "signing done",
        "signing done (no JS)",
        "application submitted (lead)",
        "application under preparation (office)",
        "application decision form (no JS)",
        "application approved (no JS)",
        "initiative approved (no JS)",
        "initiative approved (lead)",
      ]),
    );
  });
});
