// Browser journeys through the participant register (issue 6, must-show): the demo's participant
// officer (the coach, deltagaransvarig of "Tierp, Växtverket") first types bad input into the
// registration form (an invalid personnummer, a start date in the future, no consent date) and
// gets Swedish messages at each field with what she typed kept; then registers a participant
// with consent, sees the number masked, reveals it (and finds the reveal under "Vem har läst"),
// and exits the person to studies; registers an anonymous participant and exits them to work;
// imports a spreadsheet of forty more: the dry run names every problem by row and column (a
// wrong check digit, an impossible date, an unknown code word, an exit before the start, a
// second open enrollment of the same person) and saves nothing; the corrected file is clean and
// all forty are read in, and the same file again changes nothing. The office then sees the
// participant statistics go up by exactly what was registered, wherever a figure is shown, and
// never a personnummer or a deltagar_id; the participants themselves are closed to it (403).
// A long file shows its progress while it is checked; the registration and the import forms
// work without JavaScript too. Every page is checked with axe.
import { randomBytes } from "node:crypto";
import { Workbook } from "@cj-tech-master/excelts";
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { addDays } from "../../src/demo/demo-time.ts";
import { initiatives } from "../../src/initiatives/schema.ts";
import {
  EDUCATION,
  EXIT_STATUS,
  GENDER,
  OCCUPATION_BEFORE,
  REFERRER,
  SUPPORT,
  TIME_ON_SUPPORT,
} from "../../src/register/codes.ts";
import { REGISTER_KEY_ENV } from "../../src/register/crypto.ts";
import { luhnCheckDigit } from "../../src/register/identity.ts";
import { IMPORT_COLUMNS, type ImportColumn } from "../../src/register/import-format.ts";
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

// -- the spreadsheet of forty participants ---------------------------------------------------

/** One planted enrollment of the spreadsheet, and what the statistics must count for it. */
interface Planted {
  key: string;
  personnummer: string | null;
  gender: keyof typeof GENDER;
  birthYear: number | null;
  start: string;
  planDate: string | null;
  end: string | null;
  status: keyof typeof EXIT_STATUS | null;
  studies: boolean;
  supportAfter: keyof typeof SUPPORT | null;
}

const EDUCATIONS = [
  "gymnasial",
  "forgymnasial_9",
  "eftergymnasial_3_eller_langre",
  "okand",
] as const satisfies ReadonlyArray<keyof typeof EDUCATION>;
const SUPPORTS_BEFORE = [
  ["forsorjningsstod"],
  ["a_kassa", "forsorjningsstod"],
  ["sjukpenning"],
  ["ingen"],
] as const satisfies ReadonlyArray<ReadonlyArray<keyof typeof SUPPORT>>;
const TIMES = ["under_1_ar", "1_2_ar", "mer_an_3_ar"] as const satisfies ReadonlyArray<
  keyof typeof TIME_ON_SUPPORT
>;
const OCCUPATIONS = [
  "arbetslos",
  "sjukskriven",
  "ingen_sysselsattning",
] as const satisfies ReadonlyArray<keyof typeof OCCUPATION_BEFORE>;
const REFERRERS = [
  "arbetsformedlingen",
  "forsakringskassan",
  "kommun",
] as const satisfies ReadonlyArray<keyof typeof REFERRER>;
const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/** Row i (1–40) of the corrected file; every third is anonymous, every fourth still enrolled. */
function planted(i: number): Planted {
  const start = addDays(TODAY, -(61 - i));
  const anonymous = i % 3 === 0;
  const born = `${1965 + (i % 38)}${String((i % 12) + 1).padStart(2, "0")}${String((i % 27) + 1).padStart(2, "0")}`;
  const exit = [null, "studier", "arbetssokande", "arbete_ej_subventionerat"] as const;
  const status = i === PAIR[0] ? "annan_insats" : (exit[i % 4] ?? null);
  const end =
    status === null ? null : i === PAIR[0] ? addDays(start, 5) : addDays(start, 10 + (i % 6));
  return {
    key: `VX-IMP-${String(i).padStart(2, "0")}`,
    personnummer: anonymous ? null : personnummer(born, String(100 + i)),
    gender: i % 10 === 0 ? "vill_ej_ange" : i % 2 === 1 ? "kvinna" : "man",
    birthYear: anonymous ? 1970 + (i % 30) : null,
    start,
    planDate: status !== null && i % 2 === 1 ? addDays(start, 3) : null,
    end,
    status,
    studies: status === "studier",
    supportAfter:
      status === "studier" ? "studiemedel" : status === "arbete_ej_subventionerat" ? "lon" : null,
  };
}
/** Two rows of one person: the first must be exited before the second can start. */
const PAIR = [4, 16] as const;
const PLANTED: Planted[] = Array.from({ length: 40 }, (_, k) => planted(k + 1)).map((p, k, all) =>
  k + 1 === PAIR[1] ? { ...p, personnummer: all[PAIR[0] - 1]?.personnummer ?? null } : p,
);

/** The spelling of a personnummer in the file: the three forms the format accepts, in turn. */
function spelled(pnr: string, i: number): string {
  const digits = pnr.replace("-", "");
  return i % 3 === 0 ? pnr : i % 3 === 1 ? digits : `${digits.slice(2, 8)}-${digits.slice(8)}`;
}

/** The cells of a planted row, in the file's column order, with the Swedish words of codes.ts. */
function cells(p: Planted, i: number): string[] {
  return [
    p.key,
    p.personnummer ? spelled(p.personnummer, i) : "",
    p.personnummer ? addDays(p.start, -2) : "",
    GENDER[p.gender],
    p.birthYear === null ? "" : String(p.birthYear),
    "0360",
    EDUCATION[at(EDUCATIONS, i)],
    at(SUPPORTS_BEFORE, i)
      .map((code) => SUPPORT[code])
      .join("|"),
    TIME_ON_SUPPORT[at(TIMES, i)],
    OCCUPATION_BEFORE[at(OCCUPATIONS, i)],
    REFERRER[at(REFERRERS, i)],
    p.start,
    p.planDate ?? "",
    p.end ?? "",
    p.status ? EXIT_STATUS[p.status] : "",
    p.status === "studier" ? "ja" : p.status === "arbete_ej_subventionerat" ? "nej" : "",
    p.supportAfter ? SUPPORT[p.supportAfter] : "",
  ];
}

const column = (name: ImportColumn) => IMPORT_COLUMNS.indexOf(name);
const wrongCheckDigit = (pnr: string) => `${pnr.slice(0, -1)}${(Number(pnr.slice(-1)) + 3) % 10}`;

/** The first upload: five rows that the dry run must refuse, each for one reason. */
function withProblems(rows: string[][]): string[][] {
  const broken = rows.map((r) => [...r]);
  const set = (i: number, name: ImportColumn, value: string) => {
    const row = broken[i - 1];
    if (row) row[column(name)] = value;
  };
  // the earlier enrollment of the pair still open: the second one is refused
  set(PAIR[0], "slutdatum", "");
  set(PAIR[0], "status_vid_avslut", "");
  set(PAIR[0], "studier_vid_avslut", "");
  set(PAIR[0], "forsorjning_efter", "");
  set(10, "personnummer", wrongCheckDigit(PLANTED[9]?.personnummer ?? ""));
  set(15, "startdatum", IMPOSSIBLE_DATE);
  set(20, "utbildning", "gymnasium");
  set(25, "slutdatum", addDays(PLANTED[24]?.start ?? "", -5));
  return broken;
}
const IMPOSSIBLE_DATE = "2025-02-30";

async function spreadsheet(rows: string[][]) {
  const wb = new Workbook();
  const sheet = wb.addWorksheet("Deltagare");
  sheet.addRow([...IMPORT_COLUMNS]);
  for (const row of rows) sheet.addRow(row);
  return {
    name: "deltagare.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

/** A CSV file of participant rows, as Excel saves it (BOM, semicolons, CRLF). */
const csvFile = (name: string, rows: string[][]) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(
    `\uFEFF${[[...IMPORT_COLUMNS], ...rows].map((r) => r.join(";")).join("\r\n")}\r\n`,
    "utf8",
  ),
});

/** A long file of anonymous participants, for the progress of its check. */
const LONG_ROWS = 5_000;
const LONG_FILE = Array.from({ length: LONG_ROWS }, (_, k) => [
  `L-${String(k + 1).padStart(5, "0")}`,
  "",
  "",
  k % 2 === 0 ? "kvinna" : "man",
  String(1960 + (k % 40)),
  "0360",
  EDUCATION[at(EDUCATIONS, k)],
  SUPPORT.forsorjningsstod,
  TIME_ON_SUPPORT.under_1_ar,
  OCCUPATION_BEFORE.arbetslos,
  REFERRER.kommun,
  addDays(TODAY, -1 - (k % 300)),
  "",
  "",
  "",
  "",
  "",
]);
/** How long the check of the long file took in the browser, for the report. */
let longCheckSeconds = 0;
/** 5000 as the page writes it: "5 000". */
const thousands = (n: number) => new Intl.NumberFormat("sv-SE").format(n).replace(/\s/g, " ");

// -- the office's statistics --------------------------------------------------------------------

/** The follow-up period the office looks at: the demo's whole time, up to today. */
const STATISTICS_FROM = `${Number(TODAY.slice(0, 4)) - 1}-01-01`;

/** A figure's three cells (kvinnor, män, totalt): the number, or null when hidden, and why. */
type Figures = Map<string, Array<{ value: number | null; hidden: string | null }>>;

/** What the statistics count for one enrollment started, and perhaps ended, in the period. */
interface Counted {
  gender: string;
  end: string | null;
  status: string | null;
  plan: boolean;
}
function figuresOf(e: Counted): string[] {
  const figures = ["hela_insatstiden", "startade_under_perioden", "inskrivna_under_perioden"];
  if (e.end === null) return [...figures, "pagaende_vid_periodens_slut"];
  figures.push("avslutade_hela_insatstiden", "avslutade_under_perioden");
  if (e.status === "studier") figures.push("till_arbete_och_eller_studier", "studier_utan_arbete");
  else if (e.status === "arbete_ej_subventionerat")
    figures.push("till_arbete_och_eller_studier", "arbete", "arbete_ej_subventionerat");
  else if (e.status === "arbetssokande") figures.push("arbetssokande");
  else figures.push("ovriga_avslutade");
  if (e.plan) figures.push("med_handlingsplan");
  return figures;
}
const FIGURES_CHECKED = [
  "hela_insatstiden",
  "startade_under_perioden",
  "inskrivna_under_perioden",
  "pagaende_vid_periodens_slut",
  "avslutade_hela_insatstiden",
  "avslutade_under_perioden",
  "till_arbete_och_eller_studier",
  "studier_utan_arbete",
  "arbete",
  "arbete_ej_subventionerat",
  "arbetssokande",
  "ovriga_avslutade",
  "med_handlingsplan",
];

let server: TestServer;
let browser: Browser;
let coachContext: BrowserContext;
let coach: Page;
let officeContext: BrowserContext;
let office: Page;
let tierpId: string;
/** The office's statistics of Tierp, Växtverket before the coach registers anybody. */
let before: Figures;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const [tierp] = await server.db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(eq(initiatives.name, "Tierp, Växtverket"));
  tierpId = tierp?.id ?? "";
  coachContext = await newContext(browser);
  coach = await coachContext.newPage();
  await signIn(coach, server.baseUrl, COACH, DEMO.password);
  officeContext = await newContext(browser);
  office = await officeContext.newPage();
  await signIn(office, server.baseUrl, DEMO.admin, DEMO.password);
  before = await statistics("participant statistics before");
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The office opens the statistics of Tierp, Växtverket for the period; every figure's cells. */
async function statistics(label: string): Promise<Figures> {
  const query = new URLSearchParams({ fran: STATISTICS_FROM, till: TODAY, insats: tierpId });
  await visit(office, server.baseUrl, `/demo/deltagarstatistik?${query}`, label);
  await office.getByRole("heading", { name: "Tierp, Växtverket", level: 3 }).waitFor();
  const rows = await office.locator("main tr[data-figure]").evaluateAll((trs) =>
    trs.map((tr) => ({
      key: tr.getAttribute("data-figure") ?? "",
      cells: [...tr.querySelectorAll("td")].map((td) => ({
        hidden: td.getAttribute("data-hidden"),
        text: td.textContent ?? "",
      })),
    })),
  );
  const figures: Figures = new Map();
  for (const row of rows) {
    if (figures.has(row.key) || row.cells.length !== 3) continue;
    figures.set(
      row.key,
      row.cells.map((c) => ({
        hidden: c.hidden,
        value: c.hidden === null ? Number(c.text.replace(/[\s\u00a0]/g, "")) : null,
      })),
    );
  }
  return figures;
}

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

/** The number of enrollments the list's caption gives ("42 inskrivningar"). */
async function listed(page: Page): Promise<number> {
  const caption = await page.locator("main table caption").first().innerText();
  return Number(
    /^([\d\s\u00a0]+) inskrivning/.exec(caption)?.[1]?.replace(/\D/g, "") ?? Number.NaN,
  );
}

/** The counts of the import check ("40 rader med deltagare i filen", …). */
const checkCounts = (page: Page) =>
  page.locator("section[aria-labelledby=kontroll] li").allInnerTexts();

/** The check's problems: row, column and message, row by row. */
async function problemRows(page: Page): Promise<string[][]> {
  const rows = page.locator("section[aria-labelledby=kontroll] tbody tr");
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++)
    out.push((await rows.nth(i).locator("td").allInnerTexts()).map((s) => s.trim()));
  return out;
}

/** Every spelling of a personnummer ÅÅÅÅMMDD-NNNN: 12 and 10 digits, with a dash or without. */
function spellings(pnr: string): string[] {
  const digits = pnr.replace("-", "");
  return [pnr, digits, digits.slice(2), `${digits.slice(2, 8)}-${digits.slice(8)}`];
}
/** The personnummer the journey typed or planted, with the wrong ones. */
const NUMBERS = [
  NUMBER,
  WRONG_CHECK_DIGIT,
  ...PLANTED.flatMap((p) => (p.personnummer ? [p.personnummer] : [])),
  wrongCheckDigit(PLANTED[9]?.personnummer ?? ""),
];
/** The deltagar_id of the journey's participants: the initiative's own keys for a person. */
const KEYS = ["E2E-FORM-1", "E2E-ANON-1", ...PLANTED.map((p) => p.key)];

/** What of the journey's identities stands in `html`: personnummer always, deltagar_id if asked. */
function leaks(html: string, keys = false): string[] {
  const needles = [...NUMBERS.flatMap(spellings), ...(keys ? KEYS : [])];
  return needles.filter((needle) => html.includes(needle));
}

/** At least this many cells of the office's statistics must be compared exactly. */
const MIN_EXACT_FIGURES = 10;

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
    "registers a participant with consent, reveals the number (logged) and exits them to studies",
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

      // the exit: to studies, on student finance, with an action plan
      await coach.getByLabel("Slutdatum").fill(TODAY);
      await coach.getByLabel("Status vid avslut").selectOption("studier");
      await coach
        .locator("fieldset", { hasText: "Försörjning efter insatsen" })
        .getByLabel("studiemedel", { exact: true })
        .check();
      await coach
        .locator("fieldset", { hasText: "Finns en handlingsplan" })
        .getByLabel("ja", { exact: true })
        .check();
      await coach.getByRole("button", { name: "Skriv ut deltagaren" }).click();
      await coach.getByText("Avslutet är sparat.").waitFor();
      const exit = await coach.locator("section[aria-labelledby=avslut] dl").innerText();
      expect(exit).toContain(TODAY);
      expect(exit).toMatch(/Status vid avslut\s+studier/);
      expect(exit).toContain("studiemedel");
      await checkA11y(coach, "enrollment after the exit");

      // the list of ended enrollments shows the masked number with the status
      await visit(coach, server.baseUrl, "/demo/deltagare?status=ended", "participants, ended");
      const row = coach.locator("tbody tr", { hasText: "E2E-FORM-1" });
      expect(await row.locator("th").innerText()).toBe(masked);
      expect((await row.locator("td").allInnerTexts()).at(-1)).toBe("studier");
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
        ["E2E-FORM-1", "studier"],
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
    "registers an anonymous participant (no number, no reveal) and exits them to work",
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

      // the exit: to work, full-time, with wages after and no action plan
      await coach.getByLabel("Slutdatum").fill(TODAY);
      await coach.getByLabel("Status vid avslut").selectOption("arbete_ej_subventionerat");
      await coach.getByLabel("heltid").check();
      await coach
        .locator("fieldset", { hasText: "Försörjning efter insatsen" })
        .getByLabel("lön", { exact: true })
        .check();
      await coach
        .locator("fieldset", { hasText: "Finns en handlingsplan" })
        .getByLabel("nej", { exact: true })
        .check();
      await coach.getByRole("button", { name: "Skriv ut deltagaren" }).click();
      await coach.getByText("Avslutet är sparat.").waitFor();
      const exit = await coach.locator("section[aria-labelledby=avslut] dl").innerText();
      expect(exit).toContain("arbete, ej subventionerat");
      expect(exit).toContain("heltid");
      await checkA11y(coach, "anonymous enrollment after the exit");
    },
    E2E_TIMEOUT,
  );

  it(
    "imports a spreadsheet of forty: every row's problems first, nothing saved; then the corrected file",
    async () => {
      const base = server.baseUrl;
      const listPath = `/demo/deltagare?insats=${tierpId}`;
      await visit(coach, base, listPath, "participants before the import");
      const listedBefore = await listed(coach);
      const rows = PLANTED.map((p, k) => cells(p, k + 1));

      await visit(coach, base, "/demo/deltagare/importera", "import participants");
      await hydrated(coach);
      await coach
        .getByLabel("Fil med deltagare (CSV eller XLSX)")
        .setInputFiles(await spreadsheet(withProblems(rows)));
      await coach.getByRole("button", { name: "Kontrollera filen" }).click();
      await coach.getByRole("heading", { name: "Kontroll av deltagare.xlsx" }).waitFor();
      expect(await coach.getByText("Filen har fel. Ingenting är sparat.").count()).toBe(1);
      expect(await checkCounts(coach)).toEqual([
        "40 rader med deltagare i filen",
        "35 nya inskrivningar",
        "0 inskrivningar ändras",
        "0 inskrivningar oförändrade",
        "5 rader med fel",
      ]);
      // each problem by row (as Excel numbers them) and column, saying what to write instead
      const problems = await problemRows(coach);
      expect(problems.map((p) => p.slice(0, 2))).toEqual([
        ["11", "personnummer"],
        ["16", "startdatum"],
        [String(PAIR[1] + 1), "personnummer"],
        ["21", "utbildning"],
        ["26", "slutdatum"],
      ]);
      const message = (row: number) => problems.find((p) => p[0] === String(row))?.[2] ?? "";
      expect(message(11)).toBe(checkDigitProblem(wrongCheckDigit(PLANTED[9]?.personnummer ?? "")));
      expect(message(16)).toBe(
        `Datumet ${IMPOSSIBLE_DATE} finns inte. Kontrollera år, månad och dag.`,
      );
      expect(message(PAIR[1] + 1)).toContain(
        `Personen är redan inskriven i Tierp, Växtverket sedan ${PLANTED[PAIR[0] - 1]?.start}`,
      );
      expect(message(PAIR[1] + 1)).toContain("Skriv ut hen");
      expect(message(21)).toMatch(
        /^”gymnasium” är inget tillåtet värde\. Skriv ett av: .*”gymnasial”/,
      );
      const late = PLANTED[24];
      expect(message(26)).toBe(
        `slutdatum ${addDays(late?.start ?? "", -5)} ligger före startdatum ${late?.start}. Kontrollera båda datumen.`,
      );
      // no personnummer stands in the page, not even the wrong one
      expect(leaks(await coach.content())).toEqual([]);
      expect(
        await coach.getByRole("button", { name: "Läs in bara 35 rader utan fel" }).count(),
      ).toBe(1);
      await checkA11y(coach, "import check with errors");

      // all or nothing: nothing was saved
      await visit(coach, base, listPath, "participants after the dry run");
      expect(await coach.locator("tbody tr", { hasText: "VX-IMP-" }).count()).toBe(0);
      expect(await listed(coach)).toBe(listedBefore);

      // the corrected file: clean, then read in
      await visit(coach, base, "/demo/deltagare/importera", "import participants again");
      await hydrated(coach);
      await coach
        .getByLabel("Fil med deltagare (CSV eller XLSX)")
        .setInputFiles(await spreadsheet(rows));
      await coach.getByRole("button", { name: "Kontrollera filen" }).click();
      await coach.getByText("Filen har inga fel. Ingenting är sparat än.").waitFor();
      expect(await checkCounts(coach)).toEqual([
        "40 rader med deltagare i filen",
        "40 nya inskrivningar",
        "0 inskrivningar ändras",
        "0 inskrivningar oförändrade",
        "inga rader med fel",
      ]);
      await checkA11y(coach, "import check without errors");
      await coach.getByRole("button", { name: "Läs in 40 rader" }).click();
      await coach.getByRole("heading", { name: "Importen är klar" }).waitFor();
      expect(
        await coach.locator("section[aria-labelledby=resultat] [role=status]").innerText(),
      ).toBe("deltagare.xlsx är inläst: 40 nya inskrivningar och 0 ändrade.");
      await checkA11y(coach, "import done");

      // the list: forty more, by deltagar_id, the identified ones masked
      await coach.getByRole("link", { name: "Till deltagarna", exact: true }).click();
      await coach.getByRole("heading", { name: "Deltagare", exact: true }).waitFor();
      await coach.locator("tbody tr", { hasText: "VX-IMP-40" }).waitFor();
      await checkA11y(coach, "participants after the import");
      expect(await coach.locator("tbody tr", { hasText: "VX-IMP-" }).count()).toBe(40);
      expect(await listed(coach)).toBe(listedBefore + 40);
      const first = coach.locator("tbody tr", { hasText: "VX-IMP-01" });
      expect(await first.locator("th").innerText()).toBe(
        `${PLANTED[0]?.personnummer?.slice(0, 8)}-XXXX`,
      );
      expect((await first.locator("td").allInnerTexts()).at(-1)).toBe("studier");
      expect(
        await coach.locator("tbody tr", { hasText: "VX-IMP-03" }).locator("th").innerText(),
      ).toBe("anonym");

      // the same file again: nothing new, nothing changed
      await visit(coach, base, "/demo/deltagare/importera", "import the same file again");
      await hydrated(coach);
      await coach
        .getByLabel("Fil med deltagare (CSV eller XLSX)")
        .setInputFiles(await spreadsheet(rows));
      await coach.getByRole("button", { name: "Kontrollera filen" }).click();
      await coach.getByText("Filen har inga fel. Ingenting är sparat än.").waitFor();
      expect(await checkCounts(coach)).toEqual([
        "40 rader med deltagare i filen",
        "0 nya inskrivningar",
        "0 inskrivningar ändras",
        "40 inskrivningar oförändrade",
        "inga rader med fel",
      ]);
    },
    E2E_TIMEOUT * 2,
  );

  it(
    "lets the office see the statistics go up by what was registered, never a person",
    async () => {
      const after = await statistics("participant statistics after the import");
      // what was registered in the period: the two by hand, and the forty read in
      const counted: Counted[] = [
        { gender: "kvinna", end: TODAY, status: "studier", plan: true },
        { gender: "man", end: TODAY, status: "arbete_ej_subventionerat", plan: false },
        ...PLANTED.map((p) => ({
          gender: p.gender,
          end: p.end,
          status: p.status,
          plan: p.planDate !== null && p.end !== null && p.planDate <= p.end,
        })),
      ];
      const expected = new Map<string, [number, number, number]>();
      for (const e of counted)
        for (const figure of figuresOf(e)) {
          const d = expected.get(figure) ?? [0, 0, 0];
          if (e.gender === "kvinna") d[0]++;
          if (e.gender === "man") d[1]++;
          d[2]++;
          expected.set(figure, d);
        }
      // every figure shown both times went up by exactly that; one hidden before ("< 5") by at
      // least that
      const changes: Array<{ figure: string; column: number; change: number }> = [];
      const wanted: typeof changes = [];
      for (const figure of FIGURES_CHECKED) {
        expect(after.has(figure), figure).toBe(true);
        const delta = expected.get(figure) ?? [0, 0, 0];
        for (const c of [0, 1, 2] as const) {
          const was = before.get(figure)?.[c];
          const now = after.get(figure)?.[c];
          if (now?.value == null) continue;
          if (was?.value != null) {
            changes.push({ figure, column: c, change: now.value - was.value });
            wanted.push({ figure, column: c, change: delta[c] });
          } else if (was?.hidden === "primary")
            expect(now.value, `${figure}/${c}`).toBeGreaterThanOrEqual(delta[c]);
        }
      }
      expect(changes).toEqual(wanted);
      expect(changes.length).toBeGreaterThanOrEqual(MIN_EXACT_FIGURES);
      // among them the totals: those started, and a total of the whole time or the exits (which
      // of those disclosure control shows depends on the other figures of their linked tables)
      const total = (figures: string[]) =>
        changes.some((c) => c.column === 2 && figures.includes(c.figure));
      expect(total(["startade_under_perioden"])).toBe(true);
      expect(
        total([
          "avslutade_under_perioden",
          "avslutade_hela_insatstiden",
          "hela_insatstiden",
          "inskrivna_under_perioden",
        ]),
      ).toBe(true);

      // never a personnummer in any form, nor a deltagar_id: here, nor in all initiatives' view
      expect(leaks(await office.content(), true)).toEqual([]);
      const all = new URLSearchParams({ fran: STATISTICS_FROM, till: TODAY });
      await visit(office, server.baseUrl, `/demo/deltagarstatistik?${all}`, "all statistics");
      expect(leaks(await office.content(), true)).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    "is closed to the office: 403 on the participants",
    async () => {
      const base = server.baseUrl;
      await visit(office, base, "/demo/deltagare", "participants as the office", 403);
      expect(leaks(await office.content(), true)).toEqual([]);
      await visit(office, base, "/demo/deltagare/ny", "registering as the office", 403);
      await visit(office, base, "/demo/deltagare/importera", "importing as the office", 403);
    },
    E2E_TIMEOUT,
  );
});

describe("a long file", () => {
  it(
    "shows the check's progress as it runs, then the same result as without JavaScript",
    async () => {
      const base = server.baseUrl;
      await visit(coach, base, "/demo/deltagare/importera", "import a long file");
      await hydrated(coach);
      await coach
        .getByLabel("Fil med deltagare (CSV eller XLSX)")
        .setInputFiles(csvFile("lang-fil.csv", LONG_FILE));
      // the page reads the progress route's answer line by line; here the answer is held after
      // its first progress line, as a slow connection would, so that the page can be looked at
      await coach.evaluate(() => {
        const original = window.fetch;
        const w = window as unknown as { releaseProgress?: () => void };
        window.fetch = async (input, init) => {
          const response = await original(input, init);
          if (!String(input).endsWith("/deltagare/importera/forlopp") || !response.body)
            return response;
          const gate = new Promise<void>((resolve) => {
            w.releaseProgress = resolve;
          });
          const reader = response.body.getReader();
          const decoder = new TextDecoder();
          const encoder = new TextEncoder();
          let pending = "";
          let held = false;
          const lines: string[] = [];
          const body = new ReadableStream<Uint8Array>({
            async pull(controller) {
              while (lines.length === 0) {
                const { done, value } = await reader.read();
                if (done) {
                  if (pending) lines.push(pending);
                  if (lines.length === 0) return controller.close();
                  break;
                }
                pending += decoder.decode(value, { stream: true });
                const parts = pending.split("\n");
                pending = parts.pop() ?? "";
                lines.push(...parts.filter((l) => l !== "").map((l) => `${l}\n`));
              }
              const line = lines.shift() ?? "";
              controller.enqueue(encoder.encode(line));
              if (!held && line.includes('"type":"progress"')) {
                held = true;
                await gate;
              }
            },
          });
          return new Response(body, { status: response.status, headers: response.headers });
        };
      });
      const posted = coach.waitForRequest(
        (r) => r.method() === "POST" && r.url().endsWith("/demo/deltagare/importera/forlopp"),
      );
      const startedAt = Date.now();
      await coach.getByRole("button", { name: "Kontrollera filen" }).click();
      await posted;

      // the first step: the bar and the status line say how far the check has come
      const bar = coach.getByRole("progressbar", { name: "Kontroll av lang-fil.csv" });
      await coach.locator("#import-progress[value]").waitFor();
      const done = Number(await bar.getAttribute("value"));
      expect(await bar.getAttribute("max")).toBe(String(LONG_ROWS));
      expect(done).toBeGreaterThan(0);
      expect(done).toBeLessThan(LONG_ROWS);
      const said = (await coach.locator("#import-progress-text").innerText()).replace(/\s/g, " ");
      expect(said).toBe(`Rad ${thousands(done)} av ${thousands(LONG_ROWS)} kontrollerad`);
      expect(await coach.locator("#import-progress-text").getAttribute("role")).toBe("status");
      await checkA11y(coach, "import check in progress");
      await coach.evaluate(() =>
        (window as unknown as { releaseProgress: () => void }).releaseProgress(),
      );

      // then the check's result, with the focus on it
      await coach.getByRole("heading", { name: "Kontroll av lang-fil.csv" }).waitFor({
        timeout: E2E_TIMEOUT,
      });
      longCheckSeconds = (Date.now() - startedAt) / 1000;
      expect((await checkCounts(coach)).map((c) => c.replace(/\s/g, " "))).toEqual([
        `${thousands(LONG_ROWS)} rader med deltagare i filen`,
        `${thousands(LONG_ROWS)} nya inskrivningar`,
        "0 inskrivningar ändras",
        "0 inskrivningar oförändrade",
        "inga rader med fel",
      ]);
      expect(await coach.evaluate(() => document.activeElement?.id)).toBe("kontroll");
      expect(await coach.locator("#import-progress").count()).toBe(0);
      await checkA11y(coach, "long file checked");
      console.info(`check of ${LONG_ROWS} rows in the browser: ${longCheckSeconds.toFixed(1)} s`);
    },
    E2E_TIMEOUT * 3,
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
  it(
    "checks and imports a file: each step a page of its own",
    async () => {
      const context = await newContext(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      const streamed: string[] = [];
      page.on("request", (r) => {
        if (r.url().includes("/forlopp")) streamed.push(r.url());
      });
      const base = server.baseUrl;
      await page.goto(`${base}/demo/deltagare/importera`);
      await submitSignIn(page, COACH, DEMO.password);
      await page.waitForURL(`${base}/demo/deltagare/importera`);
      await checkA11y(page, "import participants (no JS)");
      const rows = LONG_FILE.slice(0, 3).map((r, k) => [`NOJS-IMP-${k + 1}`, ...r.slice(1)]);
      await page
        .getByLabel("Fil med deltagare (CSV eller XLSX)")
        .setInputFiles(csvFile("utan-js.csv", rows));
      await page.getByRole("button", { name: "Kontrollera filen" }).click();
      await page.getByRole("heading", { name: "Kontroll av utan-js.csv" }).waitFor();
      expect(await checkCounts(page)).toEqual([
        "3 rader med deltagare i filen",
        "3 nya inskrivningar",
        "0 inskrivningar ändras",
        "0 inskrivningar oförändrade",
        "inga rader med fel",
      ]);
      await checkA11y(page, "import check (no JS)");
      await page.getByRole("button", { name: "Läs in 3 rader" }).click();
      await page.getByRole("heading", { name: "Importen är klar" }).waitFor();
      expect(
        await page.locator("section[aria-labelledby=resultat] [role=status]").innerText(),
      ).toBe("utan-js.csv är inläst: 3 nya inskrivningar och 0 ändrade.");
      await checkA11y(page, "import done (no JS)");
      expect(streamed).toEqual([]);
      await context.close();
    },
    E2E_TIMEOUT,
  );
});
