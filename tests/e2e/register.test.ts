// Browser journeys through the participant register (issue 6, must-show): the demo's participant
// officer (the coach, deltagaransvarig of "Tierp, Växtverket") first types bad input into the
// registration form (an invalid personnummer, a start date in the future, no consent date) and
// gets Swedish messages at each field with what she typed kept; then registers a participant
// with consent, sees the number masked, reveals it (and finds the reveal under "Vem har läst"),
// and exits the person to work; registers an anonymous participant; imports a CSV with an
// invalid personnummer and an unknown code word (row and column errors, nothing imported),
// fixes it and imports it. The office gets 403 on the participants. The registration form also
// works without JavaScript. Every page is checked with axe.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { addDays } from "../../src/demo/demo-time.ts";
import { initiatives } from "../../src/initiatives/schema.ts";
import { REGISTER_KEY_ENV } from "../../src/register/crypto.ts";
import { luhnCheckDigit } from "../../src/register/identity.ts";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, signIn, submitSignIn, visit } from "./helpers.ts";

// the register key of this test's server (the demo's participants are sealed with it too), so
// that nothing is written to a key file in the working folder
process.env[REGISTER_KEY_ENV] ??= randomBytes(32).toString("base64");

const COACH = "coach@demo.samspar.se";
const TODAY = todayInSweden();
const START = addDays(TODAY, -10);
const FUTURE = addDays(TODAY, 3);

/** A valid personnummer (ÅÅÅÅMMDD-NNNN) with a serial outside the demo's 980–999. */
function personnummer(date: string, serial: string): string {
  const digit = luhnCheckDigit(`${date.slice(2)}${serial}`);
  return `${date}-${serial}${digit}`;
}
const NUMBER = personnummer("19910704", "123");
const WRONG_CHECK_DIGIT = `${NUMBER.slice(0, -1)}${(Number(NUMBER.slice(-1)) + 1) % 10}`;
const NO_JS_NUMBER = personnummer("19780215", "456");
/** identity.ts's message for a number whose last digit should be `expected`. */
const checkDigitProblem = (number: string) =>
  `Kontrollsiffran stämmer inte: numret slutar på ${number.slice(-1)} men ska sluta på ${luhnCheckDigit(number.slice(2, 8) + number.slice(9, 12))} om resten stämmer. Kontrollera alla siffror.`;

const HEADER =
  "deltagar_id;personnummer;samtycke_datum;kon;fodelsear;kommun;utbildning;forsorjning_fore;tid_offentlig_forsorjning;sysselsattning_fore;remittent;startdatum;handlingsplan_datum;slutdatum;status_vid_avslut;studier_vid_avslut;forsorjning_efter";
const IMPORT_NUMBER = personnummer("19881120", "234");
const importFile = (rows: string[]) => ({
  name: "deltagare.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(`\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`, "utf8"),
});
const GOOD_ROW_1 = `E2E-01;;;kvinna;1996;0360;gymnasial;försörjningsstöd;under 1 år;arbetslös;kommun;${START};;;;;`;
const BAD_PNR_ROW = `E2E-02;${IMPORT_NUMBER.slice(0, -1)}${(Number(IMPORT_NUMBER.slice(-1)) + 3) % 10};${START};man;;0360;gymnasial;a-kassa;1–2 år;arbetslös;Arbetsförmedlingen;${START};;;;;`;
const GOOD_PNR_ROW = `E2E-02;${IMPORT_NUMBER};${START};man;;0360;gymnasial;a-kassa;1–2 år;arbetslös;Arbetsförmedlingen;${START};;;;;`;
const BAD_WORD_ROW = `E2E-03;;;vill ej ange;1980;0360;okänd;ingen;okänd;arbetslöös;eget initiativ;${START};;;;;`;
const GOOD_WORD_ROW = `E2E-03;;;vill ej ange;1980;0360;okänd;ingen;okänd;arbetslös;eget initiativ;${START};;;;;`;

let server: TestServer;
let browser: Browser;
let coachContext: BrowserContext;
let coach: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  coachContext = await newContext(browser);
  coach = await coachContext.newPage();
  await signIn(coach, server.baseUrl, COACH, DEMO.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The messages of the page's error summary. */
const summary = (page: Page) => page.locator(".error-summary li").allInnerTexts();

/** The cells of the "Vem har läst" table, row by row. */
async function accessLogRows(page: Page): Promise<string[][]> {
  const rows = page.locator("section[aria-labelledby=vem-har-last] tbody tr");
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++)
    out.push((await rows.nth(i).locator("td").allInnerTexts()).map((s) => s.trim()));
  return out;
}

describe("the participant officer's register", () => {
  it(
    "refuses bad input at the form in Swedish and keeps what was typed",
    async () => {
      const base = server.baseUrl;
      await visit(coach, base, "/demo/deltagare", "participants");
      expect(await coach.getByRole("heading", { level: 1 }).textContent()).toBe("Deltagare");
      await coach.getByRole("link", { name: "Registrera deltagare" }).click();
      await coach.getByRole("heading", { name: "Registrera deltagare" }).waitFor();
      await hydrated(coach);
      await checkA11y(coach, "register a participant");
      expect(await coach.getByText("Ny inskrivning i Tierp, Växtverket.").count()).toBe(1);

      await coach.getByLabel("Med samtycke – personnumret lagras krypterat").check();
      await coach.getByLabel("Personnummer eller samordningsnummer").fill(WRONG_CHECK_DIGIT);
      await coach.getByLabel("Samtyckestextens version").fill("2026:1");
      await coach.getByLabel("kvinna", { exact: true }).check();
      await coach.getByLabel("Startdatum").fill(FUTURE);
      await coach.getByRole("button", { name: "Registrera deltagaren" }).click();
      await coach.locator(".error-summary").waitFor();

      const messages = await summary(coach);
      expect(messages).toContain(checkDigitProblem(WRONG_CHECK_DIGIT));
      expect(messages).toContain(
        `Startdatumet (${FUTURE}) ligger i framtiden. Registrera deltagaren när hen har börjat i insatsen.`,
      );
      expect(messages).toContain(
        "Fyll i datum för samtycket. Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-02.",
      );
      // each message at its field, and the typed values kept
      expect(await coach.locator("#startDate-error").textContent()).toContain("ligger i framtiden");
      expect(await coach.locator("#consentedOn-error").textContent()).toContain(
        "Fyll i datum för samtycket",
      );
      expect(await coach.locator("#personalNumber-error").textContent()).toBe(
        checkDigitProblem(WRONG_CHECK_DIGIT),
      );
      expect(await coach.getByLabel("Personnummer eller samordningsnummer").inputValue()).toBe(
        WRONG_CHECK_DIGIT,
      );
      expect(await coach.getByLabel("Startdatum").inputValue()).toBe(FUTURE);
      expect(await coach.getByLabel("Samtyckestextens version").inputValue()).toBe("2026:1");
      expect(await coach.getByLabel("kvinna", { exact: true }).isChecked()).toBe(true);
      expect(
        await coach.getByLabel("Med samtycke – personnumret lagras krypterat").isChecked(),
      ).toBe(true);
      await checkA11y(coach, "register a participant with errors");
    },
    E2E_TIMEOUT,
  );

  it(
    "registers a participant with consent, reveals the number (logged) and exits them to work",
    async () => {
      // corrected on the same form
      await coach.getByLabel("Personnummer eller samordningsnummer").fill(NUMBER);
      await coach.getByLabel("Startdatum").fill(START);
      await coach.getByLabel("Datum för samtycket").fill(START);
      await coach.getByLabel("Folkbokföringskommun (kommunkod)").fill("0360");
      await coach.getByLabel("Högsta avslutade utbildning").selectOption("gymnasial");
      await coach.getByLabel("sjukpenning inkl. rehabiliteringspenning").check();
      await coach.getByLabel("Remitterande part").selectOption("forsakringskassan");
      await coach.getByLabel("Deltagar-id").fill("E2E-FORM-1");
      await coach.getByRole("button", { name: "Registrera deltagaren" }).click();
      await coach.getByText("Deltagaren är registrerad.", { exact: false }).waitFor();
      await hydrated(coach);
      await checkA11y(coach, "enrollment");
      expect(await coach.getByRole("heading", { level: 1 }).textContent()).toBe(
        "Inskrivning i Tierp, Växtverket",
      );
      const masked = `${NUMBER.slice(0, 8)}-XXXX`;
      expect(await coach.locator("dl.summary").first().innerText()).toContain(masked);
      expect(await coach.content()).not.toContain(NUMBER);
      expect(await coach.getByText("Att visa det fullständiga personnumret loggas").count()).toBe(
        1,
      );

      // the reveal: the full number once, and the log says who did it
      await coach.getByRole("button", { name: "Visa personnummer" }).click();
      await coach.getByText("Visningen är loggad.").waitFor();
      expect(await coach.locator(".notice strong.mono").textContent()).toBe(NUMBER);
      await coach
        .locator("section[aria-labelledby=vem-har-last] td", {
          hasText: "visade fullständigt personnummer",
        })
        .waitFor();
      const reveal = (await accessLogRows(coach)).find((r) =>
        r.includes("visade fullständigt personnummer"),
      );
      expect(reveal?.slice(1, 5)).toEqual([
        "Sara Nordin",
        "Deltagaransvarig",
        "Tierps kommun",
        "visade fullständigt personnummer",
      ]);
      await checkA11y(coach, "enrollment with the number revealed");

      // the exit: to work, full-time, with wages after and an action plan
      await coach.getByLabel("Slutdatum").fill(TODAY);
      await coach.getByLabel("Status vid avslut").selectOption("arbete_ej_subventionerat");
      await coach.getByLabel("heltid").check();
      await coach
        .locator("fieldset", { hasText: "Försörjning efter insatsen" })
        .getByLabel("lön", { exact: true })
        .check();
      await coach
        .locator("fieldset", { hasText: "Finns en handlingsplan" })
        .getByLabel("ja", { exact: true })
        .check();
      await coach.getByRole("button", { name: "Skriv ut deltagaren" }).click();
      await coach.getByText("Avslutet är sparat.").waitFor();
      const exit = await coach.locator("section[aria-labelledby=avslut] dl").innerText();
      expect(exit).toContain(TODAY);
      expect(exit).toContain("arbete, ej subventionerat");
      expect(exit).toContain("heltid");
      await checkA11y(coach, "enrollment after the exit");

      // the list of ended enrollments shows the masked number with the status
      await visit(coach, server.baseUrl, "/demo/deltagare?status=ended", "participants, ended");
      const row = coach.locator("tbody tr", { hasText: "E2E-FORM-1" });
      expect(await row.locator("th").innerText()).toBe(masked);
      expect(await row.innerText()).toContain("arbete, ej subventionerat");
    },
    E2E_TIMEOUT,
  );

  it(
    "exports the register extract, corrects the background and withdraws consent",
    async () => {
      const base = server.baseUrl;
      await visit(coach, base, "/demo/deltagare?status=ended", "participants, ended (again)");
      await coach.locator("tbody tr", { hasText: "E2E-FORM-1" }).getByRole("link").click();
      await coach.getByRole("heading", { name: "Inskrivning i Tierp, Växtverket" }).waitFor();
      await hydrated(coach);
      const here = new URL(coach.url()).pathname;

      // the extract: the full number, the background and the access log, as JSON and PDF
      const json = await coach.request.get(`${base}${here}/utdrag?format=json`);
      expect(json.status()).toBe(200);
      expect(json.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.json"$/);
      const extract = (await json.json()) as {
        participant: { personalNumber: string };
        enrollments: Array<{ externalKey: string; exit: { status: { label: string } } | null }>;
        accessLog: Array<{ action: { code: string } }>;
      };
      expect(extract.participant.personalNumber).toBe(NUMBER);
      expect(extract.enrollments.map((e) => [e.externalKey, e.exit?.status.label])).toEqual([
        ["E2E-FORM-1", "arbete, ej subventionerat"],
      ]);
      expect(extract.accessLog.map((a) => a.action.code)).toContain("reveal");
      const pdf = await coach.request.get(`${base}${here}/utdrag?format=pdf`);
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect((await coach.request.get(`${base}${here}/utdrag?format=docx`)).status()).toBe(400);

      // a correction of the background
      await coach.getByLabel("Remitterande part").selectOption("region");
      await coach.getByRole("button", { name: "Spara uppgifterna" }).click();
      await coach.getByText("Uppgifterna är sparade.").waitFor();
      expect(
        await coach.locator("section[aria-labelledby=inskrivningen] dl").innerText(),
      ).toContain("region");

      // the consent withdrawn, after a confirmation: the identity erased, the enrollment kept
      await coach.getByRole("link", { name: "Samtycket har återkallats …" }).click();
      await coach.getByRole("heading", { name: "Återkalla samtycket" }).waitFor();
      await checkA11y(coach, "withdrawing consent");
      await coach.getByLabel("Samtycket återkallades").fill(TODAY);
      await coach
        .getByRole("button", { name: "Återkalla samtycket och radera identiteten" })
        .click();
      await coach
        .getByText("Samtycket är återkallat och identiteten raderad.", { exact: false })
        .waitFor();
      const facts = await coach.locator("dl.summary").first().innerText();
      expect(facts).toContain("raderad");
      expect(facts).not.toContain("XXXX");
      expect(await coach.getByRole("button", { name: "Visa personnummer" }).count()).toBe(0);
      expect((await accessLogRows(coach)).some((r) => r.includes("raderade identiteten"))).toBe(
        true,
      );
      await checkA11y(coach, "enrollment after the consent was withdrawn");
    },
    E2E_TIMEOUT,
  );

  it(
    "registers an anonymous participant: no number, no reveal",
    async () => {
      await visit(coach, server.baseUrl, "/demo/deltagare/ny", "register a participant (again)");
      await hydrated(coach);
      await coach.getByLabel("Anonymt – personen har inte lämnat samtycke").check();
      await coach.getByLabel("man", { exact: true }).check();
      await coach.getByLabel("Födelseår").fill("1990");
      await coach.getByLabel("Startdatum").fill(START);
      await coach.getByLabel("Deltagar-id").fill("E2E-ANON-1");
      await coach.getByRole("button", { name: "Registrera deltagaren" }).click();
      await coach.getByText("Deltagaren är registrerad anonymt").waitFor();
      await hydrated(coach);
      const facts = await coach.locator("dl.summary").first().innerText();
      expect(facts).toContain("anonym");
      expect(facts).toContain("1990");
      expect(await coach.getByRole("button", { name: "Visa personnummer" }).count()).toBe(0);
      expect(await coach.getByText("Inget samtycke för den här insatsen").count()).toBe(1);
      await checkA11y(coach, "anonymous enrollment");
    },
    E2E_TIMEOUT,
  );

  it(
    "imports a CSV: row and column errors and nothing saved, then the corrected file",
    async () => {
      await visit(coach, server.baseUrl, "/demo/deltagare/importera", "import participants");
      await hydrated(coach);
      await coach
        .getByLabel("Fil med deltagare (CSV eller XLSX)")
        .setInputFiles(importFile([GOOD_ROW_1, BAD_PNR_ROW, BAD_WORD_ROW]));
      await coach.getByRole("button", { name: "Kontrollera filen" }).click();
      await coach.getByRole("heading", { name: "Kontroll av deltagare.csv" }).waitFor();
      expect(await coach.getByText("Filen har fel. Ingenting är sparat.").count()).toBe(1);
      const problems = coach.locator("section[aria-labelledby=kontroll] tbody tr");
      const cells: string[][] = [];
      for (let i = 0; i < (await problems.count()); i++)
        cells.push(await problems.nth(i).locator("td").allInnerTexts());
      expect(cells.map((c) => c.slice(0, 2))).toEqual([
        ["3", "personnummer"],
        ["4", "sysselsattning_fore"],
      ]);
      expect(cells[0]?.[2]).toBe(checkDigitProblem(BAD_PNR_ROW.split(";")[1] ?? ""));
      expect(cells[1]?.[2]).toContain("arbetslöös");
      // the number itself never stands in the page
      expect(await coach.content()).not.toContain(IMPORT_NUMBER.slice(9));
      await checkA11y(coach, "import check with errors");

      // nothing was imported
      await visit(coach, server.baseUrl, "/demo/deltagare", "participants after a refused import");
      expect(await coach.locator("tbody tr", { hasText: "E2E-01" }).count()).toBe(0);

      // the corrected file: checked, then read in
      await visit(coach, server.baseUrl, "/demo/deltagare/importera", "import participants again");
      await hydrated(coach);
      await coach
        .getByLabel("Fil med deltagare (CSV eller XLSX)")
        .setInputFiles(importFile([GOOD_ROW_1, GOOD_PNR_ROW, GOOD_WORD_ROW]));
      await coach.getByRole("button", { name: "Kontrollera filen" }).click();
      await coach.getByText("Filen har inga fel. Ingenting är sparat än.").waitFor();
      expect(await coach.locator("section[aria-labelledby=kontroll] li").allInnerTexts()).toEqual([
        "3 rader med deltagare i filen",
        "3 nya inskrivningar",
        "0 inskrivningar ändras",
        "0 inskrivningar oförändrade",
        "inga rader med fel",
      ]);
      await checkA11y(coach, "import check without errors");
      await coach.getByRole("button", { name: "Läs in 3 rader" }).click();
      await coach.getByRole("heading", { name: "Importen är klar" }).waitFor();
      expect(await coach.getByRole("status").innerText()).toBe(
        "deltagare.csv är inläst: 3 nya inskrivningar och 0 ändrade.",
      );
      await checkA11y(coach, "import done");

      await coach.getByRole("link", { name: "Till deltagarna", exact: true }).click();
      await coach.getByRole("heading", { name: "Deltagare", exact: true }).waitFor();
      await coach.locator("tbody tr", { hasText: "E2E-03" }).waitFor();
      const imported = coach.locator("tbody tr", { hasText: "E2E-02" });
      expect(await imported.locator("th").innerText()).toBe(`${IMPORT_NUMBER.slice(0, 8)}-XXXX`);
      expect(await coach.locator("tbody tr", { hasText: "E2E-01" }).locator("th").innerText()).toBe(
        "anonym",
      );
    },
    E2E_TIMEOUT,
  );

  it(
    "is closed to the office: 403 on the participants",
    async () => {
      const office = await newContext(browser);
      const page = await office.newPage();
      await signIn(page, server.baseUrl, DEMO.admin, DEMO.password);
      await visit(page, server.baseUrl, "/demo/deltagare", "participants as the office", 403);
      expect(await page.content()).not.toContain("E2E-01");
      await visit(page, server.baseUrl, "/demo/deltagare/ny", "registering as the office", 403);
      await office.close();
    },
    E2E_TIMEOUT,
  );
});

describe("count-only participation", () => {
  it(
    "lets the office change a structural initiative's counts for a period",
    async () => {
      const [structural] = await server.db
        .select({ id: initiatives.id })
        .from(initiatives)
        .where(eq(initiatives.name, "Uppsala, Kompetenslyft samverkan"));
      const office = await newContext(browser);
      const page = await office.newPage();
      await signIn(page, server.baseUrl, DEMO.admin, DEMO.password);
      const path = `/demo/insatser/${structural?.id}/deltagarantal`;
      await visit(page, server.baseUrl, path, "count-only participation");
      await hydrated(page);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
        "Antal deltagare i Uppsala, Kompetenslyft samverkan",
      );
      await page.getByLabel("Kvinnor").fill("12");
      await page.getByLabel("Män").fill("tre");
      await page.getByLabel("Övriga").fill("0");
      const newPeriod = (await page.locator("#periodKey").locator("option").count()) > 1;
      if (newPeriod) await page.locator("#periodKey").selectOption({ index: 1 });
      await page.getByRole("button", { name: "Spara antalet" }).click();
      await page.locator(".error-summary").waitFor();
      expect(await page.locator("#men-error").textContent()).toBe(
        "Antalet män ska vara ett heltal, 0 eller mer, till exempel 12.",
      );
      expect(await page.getByLabel("Män").inputValue()).toBe("tre");
      expect(await page.getByLabel("Kvinnor").inputValue()).toBe("12");
      await checkA11y(page, "count-only participation with an error");
      if (newPeriod) {
        await page.getByLabel("Män").fill("9");
        await page.getByRole("button", { name: "Spara antalet" }).click();
        await page.getByText("Antalet är sparat.").waitFor();
      }
      // a period already counted, changed
      const first = page.locator("tbody tr").first();
      const period = await first.locator("th").innerText();
      await first.getByRole("link", { name: `Ändra antalet för ${period}` }).click();
      await page.getByRole("heading", { name: `Ändra antalet för ${period}` }).waitFor();
      await page.getByLabel("Kvinnor").fill("7");
      await page.getByLabel("Män").fill("5");
      await page.getByLabel("Övriga").fill("1");
      await page.getByRole("button", { name: "Spara antalet" }).click();
      await page.getByText("Antalet är sparat.").waitFor();
      const row = page.locator("tbody tr", { has: page.locator("th", { hasText: period }) });
      expect((await row.locator("td").allInnerTexts()).slice(0, 4)).toEqual(["7", "5", "1", "13"]);
      await checkA11y(page, "count-only participation saved");
      await office.close();
    },
    E2E_TIMEOUT,
  );
});

describe("without JavaScript", () => {
  it(
    "registers a participant after bad input, with the typed values kept",
    async () => {
      const context = await newContext(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      const base = server.baseUrl;
      await page.goto(`${base}/demo/deltagare/ny`);
      await submitSignIn(page, COACH, DEMO.password);
      await page.waitForURL(`${base}/demo/deltagare/ny`);
      expect(await page.evaluate(() => "__reactRouterContext" in window)).toBe(false);
      await checkA11y(page, "register a participant (no JS)");

      // nothing chosen and a birth year in words: the page's own problems and the register's,
      // all at once, and nothing written
      await page.getByLabel("Födelseår").fill("nittio");
      await page.getByRole("button", { name: "Registrera deltagaren" }).click();
      await page.waitForLoadState("load");
      expect(await summary(page)).toEqual(
        expect.arrayContaining([
          "Välj om personen registreras med samtycke, eller anonymt (utan samtycke eller med skyddade personuppgifter).",
          "Skriv födelseåret med fyra siffror, till exempel 1990.",
          "Fyll i startdatum. Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-02.",
        ]),
      );
      expect(await page.locator("#gender-error").textContent()).toMatch(/^Välj kön: /);
      expect(await page.getByLabel("Födelseår").inputValue()).toBe("nittio");
      await page.getByLabel("Födelseår").fill("");

      await page.getByLabel("Med samtycke – personnumret lagras krypterat").check();
      await page.getByLabel("Personnummer eller samordningsnummer").fill("780215-456");
      await page.getByLabel("kvinna", { exact: true }).check();
      await page.getByLabel("Startdatum").fill(FUTURE);
      await page.getByLabel("Deltagar-id").fill("E2E-NOJS-1");
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.getByRole("button", { name: "Registrera deltagaren" }).click(),
      ]);
      expect(response.status()).toBe(400);
      await page.waitForLoadState("load");
      const messages = await summary(page);
      expect(messages).toContain(
        "Numret har 9 siffror men ska ha 10 eller 12. Skriv numret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.",
      );
      expect(messages).toContain(
        `Startdatumet (${FUTURE}) ligger i framtiden. Registrera deltagaren när hen har börjat i insatsen.`,
      );
      expect(messages).toContain(
        "Fyll i datum för samtycket. Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-02.",
      );
      expect(await page.getByLabel("Personnummer eller samordningsnummer").inputValue()).toBe(
        "780215-456",
      );
      expect(await page.getByLabel("Startdatum").inputValue()).toBe(FUTURE);
      expect(await page.getByLabel("Deltagar-id").inputValue()).toBe("E2E-NOJS-1");
      expect(await page.getByLabel("kvinna", { exact: true }).isChecked()).toBe(true);
      await checkA11y(page, "register a participant with errors (no JS)");

      await page.getByLabel("Personnummer eller samordningsnummer").fill(NO_JS_NUMBER);
      await page.getByLabel("Startdatum").fill(START);
      await page.getByLabel("Datum för samtycket").fill(START);
      await page.getByLabel("Samtyckestextens version").fill("2026:1");
      await page.getByRole("button", { name: "Registrera deltagaren" }).click();
      await page.waitForURL(/\/demo\/deltagare\/[0-9a-f-]{36}\?klart=registrerad$/);
      expect(await page.getByRole("status").innerText()).toContain("Deltagaren är registrerad.");
      expect(await page.locator("dl.summary").first().innerText()).toContain(
        `${NO_JS_NUMBER.slice(0, 8)}-XXXX`,
      );
      await checkA11y(page, "enrollment (no JS)");

      // the reveal works without JavaScript too
      await page.getByRole("button", { name: "Visa personnummer" }).click();
      await page.waitForLoadState("load");
      expect(await page.locator(".notice strong.mono").textContent()).toBe(NO_JS_NUMBER);
      await context.close();
    },
    E2E_TIMEOUT,
  );
});
