// Courses and Tyck till tried as new users would (issue 10, must-show 1–3), on the demo:
// the civic communicator of "Uppsala, Lärcentrum digitalt" (JavaScript on, desktop) writes a
// course for the learning centre: a chapter with a text page, a picture page and a quiz page.
// On the way, bad input is refused in Swedish with the typed draft kept: a quiz without a right
// answer, a picture without alt text, a picture too large and a text file renamed .png. She
// writes the Arabic beside the Swedish, confirms the chapter's Arabic, adds a second chapter in
// Swedish only, previews in Arabic and publishes. Then participants on a 360 px phone with
// JavaScript off — one in Swedish, one in Arabic (chosen on the sign-in page) — sign in with a
// code she made, read chapter 1 page by page, answer the quiz (wrong first: the explanation of
// the right answer), reach the chapter's end and answer its two-question check. The Arabic
// participant opens chapter 2 and reads it wholly in Swedish, with the notice, nothing Arabic
// from chapter 1 mixed in. Last, the staff's Tyck till results: the chapter checks' answers in
// the period have grown by two; the free text is on the communicator's free-text page.
// Every page is checked with axe; portal pages also for scripts and sideways scrolling.
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Locator, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPrincipal } from "../../src/access/principal.ts";
import { todayInSweden } from "../../src/applications/workflow.ts";
import { sampleFile } from "../../src/courses/test-course.ts";
import { swedishFlagPng } from "../../src/demo/demo-courses.ts";
import { DEMO_TODAY } from "../../src/demo/seed-demo.ts";
import { meeting } from "../../src/evaluation/evaluation-fixture.ts";
import { initiatives } from "../../src/initiatives/schema.ts";
import { users } from "../../src/people/schema.ts";
import { portalAccountOf } from "../../src/portal/accounts.ts";
import type { PortalLocale } from "../../src/portal/locales.ts";
import { createPortalTranslator } from "../../src/portal/translate.ts";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import {
  codeIn,
  DEMO,
  E2E_TIMEOUT,
  hydrated,
  makeShownCode,
  newContext,
  PHONE,
  signIn,
} from "./helpers.ts";

const COMMUNICATOR = "kommunikator@demo.samspar.se";
const INITIATIVE = "Uppsala, Lärcentrum digitalt";

/** The course the communicator writes: Swedish and Arabic side by side. */
const COURSE = {
  sv: { title: "Bibliotek i Uppsala (provkurs)", summary: "Så lånar du böcker gratis." },
  ar: { title: "المكتبات في أوبسالا (دورة تجريبية)", summary: "كيف تستعير الكتب مجانًا." },
};
const CHAPTER1 = {
  sv: { title: "Lånekortet", intro: "Med ett lånekort lånar du böcker." },
  ar: { title: "بطاقة المكتبة", intro: "ببطاقة المكتبة تستعير الكتب." },
};
const TEXT_PAGE = {
  sv: { title: "Att låna", body: "Det är gratis att låna böcker.\n\n- Ta med legitimation." },
  ar: { title: "الاستعارة", body: "استعارة الكتب مجانية.\n\n- أحضر بطاقة الهوية." },
};
const PICTURE_PAGE = {
  sv: { title: "Flaggan vid biblioteket", alt: "Sveriges flagga: blå med ett gult kors." },
  ar: { title: "العلم عند المكتبة", alt: "علم السويد: أزرق مع صليب أصفر." },
};
const QUIZ_PAGE = {
  sv: {
    title: "Vad kostar det?",
    question: "Vad kostar det att låna en bok?",
    options: ["100 kronor", "Ingenting", "10 kronor"],
    explanation: "Att låna böcker på biblioteket är gratis för alla.",
  },
  ar: {
    title: "كم التكلفة؟",
    question: "كم تكلفة استعارة كتاب؟",
    options: ["100 كرونة", "لا شيء", "10 كرونات"],
    explanation: "استعارة الكتب من المكتبة مجانية للجميع.",
  },
};
/** The quiz's right answer: "Ingenting" (option 2, index 1). */
const RIGHT = 1;
const CHAPTER2 = { title: "Datorer på biblioteket", intro: "" };
const CHAPTER2_PAGE = {
  title: "Boka en dator",
  body: "Du kan boka en dator i en timme. Fråga i informationsdisken.",
};

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let initiativeId = "";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const [row] = await server.db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(eq(initiatives.name, INITIATIVE));
  if (!row) throw new Error(`no demo initiative ${INITIATIVE}`);
  initiativeId = row.id;
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

/**
 * Clicks something that loads a new document (a form post or a link) and waits until the new
 * document is there (parsed; its pictures and media may still be loading): the old one is
 * marked, the new one is not.
 */
async function load(page: Page, target: Locator): Promise<void> {
  const mark = () =>
    page.evaluate(() => {
      (window as unknown as { __old?: boolean }).__old = true;
    });
  const loaded = (timeout: number) =>
    page.waitForFunction(
      () => !(window as unknown as { __old?: boolean }).__old && document.readyState !== "loading",
      undefined,
      { polling: 50, timeout },
    );
  // one click, then the new document, however slow the machine: a second click could land on
  // the next page's link and skip a page
  const answers: string[] = [];
  const started = Date.now();
  const noteAnswer = (response: Response) => {
    if (response.request().resourceType() === "document")
      answers.push(
        `${response.request().method()} ${new URL(response.url()).pathname} → ${response.status()} after ${Date.now() - started} ms`,
      );
  };
  page.on("response", noteAnswer);
  try {
    await mark();
    await target.click();
    await loaded(30_000);
  } catch (error) {
    // say what the browser got, if anything: a failure on another machine leaves only this
    throw new Error(
      `no new document after the click on ${page.url()} (${(error as Error).message.split("\n")[0]}); documents answered: ${answers.join("; ") || "none"}`,
    );
  } finally {
    page.off("response", noteAnswer);
  }
  await hydrated(page);
}

// ---------------------------------------------------------------------------------------------
// The communicator's side (JavaScript on, desktop)

let staff: Page;
let coursePath = "";
let chapter1Path = "";
let chapter2Path = "";
const pagePaths: { text: string; picture: string; quiz: string; chapter2: string } = {
  text: "",
  picture: "",
  quiz: "",
  chapter2: "",
};

const status = (page: Page) => page.locator('[role="status"]').first();
const alert = (page: Page) => page.getByRole("alert");

async function staffPage(label: string): Promise<void> {
  await hydrated(staff);
  await checkA11y(staff, label);
}

/** From the chapter's page: adds a page of a kind and lands in its editor; returns its path. */
async function addPage(kind: "text" | "bild" | "fraga", label: string): Promise<string> {
  await staff.getByLabel("Sorts sida").selectOption(kind);
  await load(staff, staff.getByRole("button", { name: "Lägg till sida" }));
  await expect(status(staff).textContent()).resolves.toBe(
    "Sidan är tillagd. Skriv dess texter och spara.",
  );
  await staffPage(`ny sida: ${label}`);
  return new URL(staff.url()).pathname;
}

async function savePage(label: string): Promise<void> {
  await load(staff, staff.getByRole("button", { name: "Spara sidan" }));
  await expect(status(staff).textContent()).resolves.toBe("Sidan är sparad.");
  await staffPage(label);
}

/** Saves the page editor's form expecting a refusal; returns the problems the summary lists. */
async function refusedPage(label: string): Promise<string[]> {
  await load(staff, staff.getByRole("button", { name: "Spara sidan" }));
  await alert(staff).waitFor();
  await staffPage(label);
  return (await alert(staff).locator("li").allTextContents()).map((s) => s.trim());
}

const fieldError = (id: string) => staff.locator(`#${id}-error`).textContent();

/** A picture file for the form. */
const file = (name: string, mimeType: string, buffer: Uint8Array | Buffer) => ({
  name,
  mimeType,
  buffer: Buffer.from(buffer),
});

// ---------------------------------------------------------------------------------------------
// The participants' side (a phone without JavaScript)

/** Checks a portal page: axe, no sideways scrolling at 360 px, no scripts, the language. */
async function check(page: Page, label: string, locale: PortalLocale): Promise<void> {
  await checkA11y(page, label);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `sideways scrolling on "${label}"`).toBeLessThanOrEqual(360);
  await expect(page.locator("script").count(), `scripts on "${label}"`).resolves.toBe(0);
  await expect(page.locator("html").getAttribute("lang")).resolves.toBe(locale);
  await expect(page.locator("html").getAttribute("dir")).resolves.toBe(
    locale === "ar" ? "rtl" : "ltr",
  );
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/**
 * A control's name: its words, then ": " and what it is about in a visually hidden span (the
 * span is positioned, so the accessible name may have a space before the colon).
 */
const about = (words: string, what: string) =>
  new RegExp(`^${literal(words)}\\s*:\\s*${literal(what)}$`);

/** Participants of Lärcentrum with an open account who read the portal in Swedish. */
interface Participant {
  id: string;
  who: string;
}
const participants: Participant[] = [];
const codes: string[] = [];

/** Makes a code shown on the page, as the communicator would, and reads it off the page. */
const makeCode = async (p: Participant): Promise<string> => codeIn(await makeShownCode(staff, p));

/** "ÅÅÅÅ-MM", `back` months before the month of a day "ÅÅÅÅ-MM-DD". */
const monthBefore = (day: string, back: number): string => {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 - back, 1));
  return d.toISOString().slice(0, 7);
};

/**
 * The months the results are read for: from the first of the demo's answers (the six months up
 * to the demo's today) to the month the journey answers in (the real one), so the demo's answers
 * count however long after the demo's today the tests run.
 */
const RESULT_MONTHS = () =>
  `fran=${monthBefore(todayInSweden(DEMO_TODAY), 5)}&till=${todayInSweden().slice(0, 7)}`;

/**
 * The chapter checks' answers to a question in the whole period, as the results page shows
 * them: the number, or "hidden" when the disclosure control holds the cell back (fewer than the
 * threshold: the page says so to a screen reader).
 */
async function answersInPeriod(question: string): Promise<number | "hidden"> {
  await staff.goto(
    `${server.baseUrl}/demo/insatser/${initiativeId}/portal/tyck-till/resultat?svar=kapitel&${RESULT_MONTHS()}`,
  );
  await staff.getByRole("heading", { level: 1, name: "Tyck till – resultat" }).waitFor();
  await staffPage("tyck till, resultat");
  const cell = staff
    .locator(`section[data-question="${question}"] tr[data-period="total"] td`)
    .first();
  const hidden = await cell.getAttribute("data-hidden");
  if (hidden !== null) {
    expect(hidden).toBe("primary");
    await expect(cell.locator(".visually-hidden").textContent()).resolves.toMatch(
      /^färre än \d+, visas inte$/,
    );
    return "hidden";
  }
  const text = ((await cell.textContent()) ?? "").replace(/\s/g, "");
  expect(text).toMatch(/^\d+$/);
  return Number(text);
}

const answersBefore: Record<string, number | "hidden"> = {};
const FREE_TEXTS = {
  sv: "Provkursen om biblioteket var tydlig, tack.",
  ar: "الدورة عن المكتبة كانت واضحة، شكرًا.",
};

interface Reading {
  locale: PortalLocale;
  code: string;
}

/** Each reader's phone, still signed in, for the pages the journey does not pass through. */
const readers: Partial<Record<PortalLocale, Page>> = {};

async function readCourse(o: Reading): Promise<void> {
  const { locale } = o;
  const t = createPortalTranslator(locale);
  const sv = createPortalTranslator("sv");
  const context = await newContext(browser, PHONE);
  contexts.push(context);
  const page = await context.newPage();
  readers[locale] = page;
  const h1 = (name: string) => page.getByRole("heading", { level: 1, name, exact: true });
  const mine = locale === "ar" ? "ar" : "sv";

  // sign in, choosing the language first on the sign-in page
  await page.goto(`${server.baseUrl}/portal/logga-in`);
  await h1(sv("portal.signIn.title")).waitFor();
  if (locale !== "sv") {
    await page.getByLabel(sv("portal.language")).selectOption(locale);
    await load(page, page.getByRole("button", { name: sv("portal.languageSave") }));
    await h1(t("portal.signIn.title")).waitFor();
  }
  await check(page, `inloggning (${locale})`, locale);
  await page.getByLabel(t("portal.signIn.codeLabel")).fill(o.code);
  await load(page, page.getByRole("button", { name: t("portal.signIn.submit"), exact: true }));
  await h1(t("portal.home.title")).waitFor();

  // Kurser: the new course among those not started, in the participant's language
  const menu = page.getByRole("navigation", { name: t("portal.menu") });
  await load(page, menu.getByRole("link", { name: t("portal.courses.nav") }));
  await h1(t("portal.courses.title")).waitFor();
  await check(page, `kurser (${locale})`, locale);
  const notStarted = page.locator('section[aria-labelledby="inte-borjat"]');
  await notStarted
    .getByRole("heading", { level: 3, name: COURSE[mine].title, exact: true })
    .waitFor();
  await load(
    page,
    notStarted.getByRole("link", { name: about(t("portal.courses.start"), COURSE[mine].title) }),
  );
  await h1(COURSE[mine].title).waitFor();
  await check(page, `kursen (${locale})`, locale);
  const chapters = page.locator("ol.course-chapters > li");
  await expect(chapters.count()).resolves.toBe(2);
  await expect(chapters.nth(0).locator("h3").textContent()).resolves.toBe(CHAPTER1[mine].title);
  // chapter 2 has no Arabic: in Swedish, with the notice, for the Arabic reader only
  await expect(chapters.nth(1).locator("h3").textContent()).resolves.toBe(CHAPTER2.title);
  await expect(
    chapters.nth(1).getByText(t("portal.courses.chapterInSwedish"), { exact: true }).count(),
  ).resolves.toBe(locale === "ar" ? 1 : 0);
  await expect(
    chapters.nth(0).getByText(t("portal.courses.chapterInSwedish"), { exact: true }).count(),
  ).resolves.toBe(0);

  // chapter 1, page by page
  await load(
    page,
    chapters
      .nth(0)
      .getByRole("link", { name: about(t("portal.courses.read"), CHAPTER1[mine].title) }),
  );
  const heading = page.locator("h1#sida-rubrik");
  const pageOf = (n: number) => page.getByText(t("portal.courses.pageOf", { number: n, count: 3 }));
  const next = page.getByRole("navigation", { name: t("portal.courses.pages") }).getByRole("link", {
    name: t("portal.courses.next"),
    exact: true,
  });

  await expect(heading.textContent()).resolves.toBe(TEXT_PAGE[mine].title);
  await expect(heading.locator("span").first().getAttribute("lang")).resolves.toBe(mine);
  await pageOf(1).waitFor();
  await expect(page.locator(".course-page__body").textContent()).resolves.toContain(
    TEXT_PAGE[mine].body.split("\n")[0],
  );
  await check(page, `kapitel 1, sida 1 (${locale})`, locale);

  await load(page, next);
  await expect(heading.textContent()).resolves.toBe(PICTURE_PAGE[mine].title);
  await pageOf(2).waitFor();
  const img = page.locator("figure.course-page__figure img");
  await expect(img.getAttribute("alt")).resolves.toBe(PICTURE_PAGE[mine].alt);
  // its size, read from the file at upload: the page does not jump when the picture arrives
  await expect(img.getAttribute("width")).resolves.toBe("320");
  await expect(img.getAttribute("height")).resolves.toBe("200");
  // the picture itself is served to the participant
  const src = (await img.getAttribute("src")) ?? "";
  const picture = await page.request.get(`${server.baseUrl}${src}`);
  expect(picture.status()).toBe(200);
  expect(picture.headers()["content-type"]).toBe("image/png");
  await check(page, `kapitel 1, bild (${locale})`, locale);

  await load(page, next);
  await expect(heading.textContent()).resolves.toBe(QUIZ_PAGE[mine].title);
  await pageOf(3).waitFor();
  await check(page, `kapitel 1, fråga (${locale})`, locale);
  // the explanation is not there before an answer
  await expect(page.getByText(QUIZ_PAGE[mine].explanation).count()).resolves.toBe(0);
  const options = QUIZ_PAGE[mine].options;
  // wrong first: the right answer is explained
  await page.getByRole("radio", { name: options[0] as string, exact: true }).check();
  await load(page, page.getByRole("button", { name: t("portal.courses.quiz.answer") }));
  const result = page.locator('[aria-labelledby="svaret"]');
  await expect(result.locator("h2").textContent()).resolves.toContain(
    t("portal.courses.quiz.wrong"),
  );
  await expect(result.textContent()).resolves.toContain(
    t("portal.courses.quiz.rightAnswer", { option: options[RIGHT] as string }),
  );
  await expect(result.textContent()).resolves.toContain(QUIZ_PAGE[mine].explanation);
  await check(page, `kapitel 1, fel svar (${locale})`, locale);
  // then right
  await page.getByRole("radio", { name: options[RIGHT] as string, exact: true }).check();
  await load(page, page.getByRole("button", { name: t("portal.courses.quiz.answer") }));
  await expect(result.locator("h2").textContent()).resolves.toContain(
    t("portal.courses.quiz.right"),
  );
  await check(page, `kapitel 1, rätt svar (${locale})`, locale);

  // the chapter's end, with the two-question check
  await load(page, next);
  await h1(t("portal.courses.done.title")).waitFor();
  await check(page, `kapitel 1 klart (${locale})`, locale);
  const nextChapter = page.getByRole("link", {
    name: t("portal.courses.done.next", { title: CHAPTER2.title }),
  });
  await expect(nextChapter.count()).resolves.toBe(1);
  await load(page, page.getByRole("link", { name: t("portal.courses.feedback.link") }));
  await check(page, `tyck till om kapitlet (${locale})`, locale);
  await page.getByRole("radio", { name: "4", exact: true }).check();
  await page.locator('textarea[name="svar-kort-battre"]').fill(FREE_TEXTS[mine]);
  await load(page, page.getByRole("button", { name: t("portal.feedback.send"), exact: true }));
  await h1(t("portal.feedback.title")).waitFor();
  await expect(page.getByRole("status").textContent()).resolves.toContain(
    t("portal.feedback.thanks"),
  );
  await check(page, `tack (${locale})`, locale);

  if (locale !== "ar") return;
  // chapter 2 in Arabic: wholly Swedish with the notice, nothing Arabic of chapter 1 mixed in
  await page.goto(`${server.baseUrl}/portal/kurser`);
  await load(
    page,
    page.getByRole("link", { name: about(t("portal.courses.open"), COURSE.ar.title) }),
  );
  await h1(COURSE.ar.title).waitFor();
  await load(
    page,
    page
      .locator("ol.course-chapters > li")
      .nth(1)
      .getByRole("link", { name: about(t("portal.courses.read"), CHAPTER2.title) }),
  );
  await expect(heading.textContent()).resolves.toBe(CHAPTER2_PAGE.title);
  await expect(heading.locator("span").first().getAttribute("lang")).resolves.toBe("sv");
  await expect(page.locator(".course-page__body").getAttribute("lang")).resolves.toBe("sv");
  await expect(page.locator(".course-page__body").textContent()).resolves.toContain(
    CHAPTER2_PAGE.body,
  );
  await expect(page.locator(".course-page__notice").textContent()).resolves.toBe(
    t("portal.courses.chapterInSwedish"),
  );
  const where = page.locator(".course-page__where");
  await expect(where.locator('span[lang="sv"]').first().textContent()).resolves.toBe(
    CHAPTER2.title,
  );
  const article = (await page.locator("article.course-page").textContent()) ?? "";
  for (const arabic of [
    CHAPTER1.ar.title,
    TEXT_PAGE.ar.title,
    PICTURE_PAGE.ar.title,
    QUIZ_PAGE.ar.title,
  ])
    expect(article, "chapter 2 mixes in Arabic of chapter 1").not.toContain(arabic);
  await check(page, "kapitel 2 på svenska (ar)", "ar");
}

describe("courses and Tyck till as new users try them", () => {
  it(
    "the communicator writes a chapter with a text, a picture and a quiz; bad input is refused, the draft kept",
    async () => {
      const context = await newContext(browser);
      contexts.push(context);
      staff = await context.newPage();
      await signIn(staff, server.baseUrl, COMMUNICATOR, DEMO.password);

      // Kurser, from the side navigation
      // (a link inside the app: React renders the page without a new document)
      await staff
        .getByRole("navigation", { name: "Huvudmeny" })
        .getByRole("link", { name: "Kurser" })
        .click();
      await staff.getByRole("heading", { level: 1, name: "Kurser" }).waitFor();
      await staffPage("kurser");

      // a course for Lärcentrum digitalt
      await staff.getByLabel("För vilka deltagare").selectOption({ label: INITIATIVE });
      await staff.locator("#title-sv").fill(COURSE.sv.title);
      await staff.locator("#summary-sv").fill(COURSE.sv.summary);
      await load(staff, staff.getByRole("button", { name: "Skapa kursen" }));
      await staff.getByRole("heading", { level: 1, name: COURSE.sv.title }).waitFor();
      await expect(status(staff).textContent()).resolves.toBe(
        "Kursen är skapad. Lägg till kapitel nedan.",
      );
      await staffPage("kursen");
      coursePath = new URL(staff.url()).pathname;
      expect(coursePath).toMatch(/^\/demo\/kurser\/[0-9a-f-]{36}$/);

      // chapter 1
      await staff.getByLabel("Kapitlets rubrik på svenska").fill(CHAPTER1.sv.title);
      await staff.getByLabel("Inledning på svenska").fill(CHAPTER1.sv.intro);
      await load(staff, staff.getByRole("button", { name: "Lägg till kapitlet" }));
      await staff
        .getByRole("heading", { level: 1, name: `Kapitel 1: ${CHAPTER1.sv.title}` })
        .waitFor();
      await expect(status(staff).textContent()).resolves.toBe(
        "Kapitlet är tillagt. Lägg till sidor nedan.",
      );
      await staffPage("kapitel 1");
      chapter1Path = new URL(staff.url()).pathname;

      // a text page
      pagePaths.text = await addPage("text", "text");
      await staff.locator("#title-sv").fill(TEXT_PAGE.sv.title);
      await staff.locator("#body-sv").fill(TEXT_PAGE.sv.body);
      await savePage("textsidan sparad");

      // a picture page: without alt text, too large, the wrong type — refused, the draft kept
      await staff.goto(`${server.baseUrl}${chapter1Path}`);
      await hydrated(staff);
      pagePaths.picture = await addPage("bild", "bild");
      await staff.locator("#title-sv").fill(PICTURE_PAGE.sv.title);
      await staff
        .locator("#picture")
        .setInputFiles(file("flagga.png", "image/png", swedishFlagPng(320, 200)));
      let problems = await refusedPage("bild utan alternativtext");
      expect(problems).toContain(
        "Skriv en alternativtext: vad bilden visar, för den som inte ser den.",
      );
      await expect(fieldError("alt-sv")).resolves.toBe(
        "Skriv en alternativtext: vad bilden visar, för den som inte ser den.",
      );
      // the picture was fine but is not kept: the page says to choose it again
      await expect(fieldError("picture")).resolves.toBe(
        "Filen sparades inte, eftersom något annat på sidan behöver rättas. Välj filen igen när du sparar.",
      );
      await expect(staff.locator("#title-sv").inputValue()).resolves.toBe(PICTURE_PAGE.sv.title);
      await expect(staff.getByText("Sidan har ingen bild än.").count()).resolves.toBe(1);

      await staff.locator("#alt-sv").fill(PICTURE_PAGE.sv.alt);
      const large = Buffer.alloc(2_200_000);
      Buffer.from(swedishFlagPng(16, 10)).copy(large);
      await staff.locator("#picture").setInputFiles(file("stor.png", "image/png", large));
      problems = await refusedPage("för stor bild");
      await expect(fieldError("picture")).resolves.toBe(
        "Bilden är 2,1 MB. Den får vara högst 2 MB. Spara den mindre och försök igen.",
      );
      expect(problems).toContain(
        "Bilden är 2,1 MB. Den får vara högst 2 MB. Spara den mindre och försök igen.",
      );
      await expect(staff.locator("#title-sv").inputValue()).resolves.toBe(PICTURE_PAGE.sv.title);
      await expect(staff.locator("#alt-sv").inputValue()).resolves.toBe(PICTURE_PAGE.sv.alt);

      await staff
        .locator("#picture")
        .setInputFiles(file("inte-en-bild.png", "image/png", Buffer.from("Det här är text.\n")));
      problems = await refusedPage("textfil som .png");
      await expect(fieldError("picture")).resolves.toBe(
        "Filen är inte en bild som går att visa. Välj en bild i formatet JPEG, PNG eller WebP.",
      );
      expect(problems).toContain(
        "Filen är inte en bild som går att visa. Välj en bild i formatet JPEG, PNG eller WebP.",
      );
      await expect(staff.locator("#title-sv").inputValue()).resolves.toBe(PICTURE_PAGE.sv.title);
      await expect(staff.locator("#alt-sv").inputValue()).resolves.toBe(PICTURE_PAGE.sv.alt);
      await expect(staff.getByText("Sidan har ingen bild än.").count()).resolves.toBe(1);

      // now right: the picture with its alt text
      await staff
        .locator("#picture")
        .setInputFiles(file("flagga.png", "image/png", swedishFlagPng(320, 200)));
      await savePage("bildsidan sparad");
      await expect(
        staff.locator("figure.course-page__media-figure img").getAttribute("alt"),
      ).resolves.toBe(PICTURE_PAGE.sv.alt);

      // a quiz page: no right answer chosen — refused, the options kept
      await staff.goto(`${server.baseUrl}${chapter1Path}`);
      await hydrated(staff);
      pagePaths.quiz = await addPage("fraga", "fråga");
      await staff.locator("#title-sv").fill(QUIZ_PAGE.sv.title);
      await staff.locator("#body-sv").fill(QUIZ_PAGE.sv.question);
      for (const [i, option] of QUIZ_PAGE.sv.options.entries())
        await staff.locator(`#option-sv-${i}`).fill(option);
      await staff.locator("#explanation-sv").fill(QUIZ_PAGE.sv.explanation);
      problems = await refusedPage("fråga utan rätt svar");
      expect(problems).toContain("Välj vilket svar som är rätt.");
      await expect(fieldError("correctOption")).resolves.toBe("Välj vilket svar som är rätt.");
      for (const [i, option] of QUIZ_PAGE.sv.options.entries())
        await expect(staff.locator(`#option-sv-${i}`).inputValue()).resolves.toBe(option);
      await expect(staff.locator("#explanation-sv").inputValue()).resolves.toBe(
        QUIZ_PAGE.sv.explanation,
      );
      await staff.getByRole("radio", { name: `Rätt svar (alternativ ${RIGHT + 1})` }).check();
      await savePage("frågan sparad");
      await expect(
        staff.getByRole("radio", { name: `Rätt svar (alternativ ${RIGHT + 1})` }).isChecked(),
      ).resolves.toBe(true);

      // the chapter lists its three pages, the Swedish complete
      await staff.goto(`${server.baseUrl}${chapter1Path}`);
      await hydrated(staff);
      const listed = staff.locator('section[aria-labelledby="kapitlets-sidor"] ol > li');
      await expect(listed.locator("h3").allTextContents()).resolves.toEqual([
        `Sida 1 (Text): ${TEXT_PAGE.sv.title}`,
        `Sida 2 (Bild): ${PICTURE_PAGE.sv.title}`,
        `Sida 3 (Fråga): ${QUIZ_PAGE.sv.title}`,
      ]);
      await expect(
        staff.getByRole("heading", { level: 3, name: "Svenska: Klar" }).count(),
      ).resolves.toBe(1);
      await staffPage("kapitel 1 med sidor");
    },
    E2E_TIMEOUT * 2,
  );

  it(
    "writes the Arabic beside the Swedish, confirms it, adds a Swedish-only chapter, previews in Arabic and publishes",
    async () => {
      // the course's name in Arabic
      await staff.goto(`${server.baseUrl}${coursePath}?sprak=ar`);
      await hydrated(staff);
      await staff.locator("#title-ar").fill(COURSE.ar.title);
      await staff.locator("#summary-ar").fill(COURSE.ar.summary);
      await load(staff, staff.getByRole("button", { name: "Spara kursen" }));
      await expect(status(staff).textContent()).resolves.toBe("Ändringarna är sparade.");
      await staffPage("kursen på arabiska");

      // each page's Arabic
      const arabic = async (path: string, fill: () => Promise<void>, label: string) => {
        await staff.goto(`${server.baseUrl}${path}?sprak=ar`);
        await hydrated(staff);
        await fill();
        await savePage(label);
      };
      await arabic(
        pagePaths.text,
        async () => {
          await staff.locator("#title-ar").fill(TEXT_PAGE.ar.title);
          await staff.locator("#body-ar").fill(TEXT_PAGE.ar.body);
        },
        "textsidan på arabiska",
      );
      await arabic(
        pagePaths.picture,
        async () => {
          await staff.locator("#title-ar").fill(PICTURE_PAGE.ar.title);
          await staff.locator("#alt-ar").fill(PICTURE_PAGE.ar.alt);
        },
        "bildsidan på arabiska",
      );
      await arabic(
        pagePaths.quiz,
        async () => {
          await staff.locator("#title-ar").fill(QUIZ_PAGE.ar.title);
          await staff.locator("#body-ar").fill(QUIZ_PAGE.ar.question);
          for (const [i, option] of QUIZ_PAGE.ar.options.entries())
            await staff.locator(`#option-ar-${i}`).fill(option);
          await staff.locator("#explanation-ar").fill(QUIZ_PAGE.ar.explanation);
        },
        "frågan på arabiska",
      );

      // the chapter's Arabic, then the confirmation against the Swedish
      await staff.goto(`${server.baseUrl}${chapter1Path}?sprak=ar`);
      await hydrated(staff);
      await staff.locator("#title-ar").fill(CHAPTER1.ar.title);
      await staff.locator("#intro-ar").fill(CHAPTER1.ar.intro);
      await load(staff, staff.getByRole("button", { name: "Spara kapitlet" }));
      await expect(status(staff).textContent()).resolves.toBe("Ändringarna är sparade.");
      await staff
        .getByRole("heading", { level: 3, name: "Arabiska: Komplett – väntar på granskning" })
        .waitFor();
      await staffPage("kapitel 1 på arabiska");
      await load(
        staff,
        staff.getByRole("button", {
          name: about("Bekräfta att översättningen är klar", "Arabiska"),
        }),
      );
      await expect(status(staff).textContent()).resolves.toBe("Översättningen är bekräftad.");
      await staff.getByRole("heading", { level: 3, name: "Arabiska: Klar" }).waitFor();
      await staffPage("kapitel 1 bekräftat");

      // chapter 2, in Swedish only
      await staff.goto(`${server.baseUrl}${coursePath}`);
      await hydrated(staff);
      await staff.getByLabel("Kapitlets rubrik på svenska").fill(CHAPTER2.title);
      await load(staff, staff.getByRole("button", { name: "Lägg till kapitlet" }));
      await staff
        .getByRole("heading", { level: 1, name: `Kapitel 2: ${CHAPTER2.title}` })
        .waitFor();
      chapter2Path = new URL(staff.url()).pathname;
      pagePaths.chapter2 = await addPage("text", "kapitel 2, text");
      await staff.locator("#title-sv").fill(CHAPTER2_PAGE.title);
      await staff.locator("#body-sv").fill(CHAPTER2_PAGE.body);
      await savePage("kapitel 2, textsidan sparad");
      await staff.goto(`${server.baseUrl}${chapter2Path}?sprak=ar`);
      await hydrated(staff);
      await staff.getByRole("heading", { level: 3, name: "Arabiska: Saknas" }).waitFor();
      await staffPage("kapitel 2 utan arabiska");

      // the preview in Arabic: chapter 1 in Arabic, chapter 2 in Swedish
      await staff.goto(`${server.baseUrl}${coursePath}?sprak=ar`);
      await hydrated(staff);
      await staff
        .getByRole("link", {
          name: "Förhandsvisa kursen som deltagarna ser den (på arabiska och svenska)",
        })
        .click();
      await staff
        .getByText("Förhandsvisning – så här ser deltagarna kursen om du publicerar nu")
        .waitFor();
      await expect(staff.locator("h1#sida-rubrik").textContent()).resolves.toBe(TEXT_PAGE.ar.title);
      await staffPage("förhandsvisning på arabiska");
      await staff.goto(
        `${server.baseUrl}${coursePath}/forhandsvisning?sprak=ar&kapitel=${chapter2Path.split("/").pop()}&sida=1`,
      );
      await hydrated(staff);
      await expect(staff.locator("h1#sida-rubrik").textContent()).resolves.toBe(
        CHAPTER2_PAGE.title,
      );
      await expect(staff.locator("h1#sida-rubrik span").first().getAttribute("lang")).resolves.toBe(
        "sv",
      );
      await staffPage("förhandsvisning, kapitel 2 på svenska");

      // publishing: chapter 1 in Swedish and Arabic, chapter 2 in Swedish
      await staff.goto(`${server.baseUrl}${coursePath}`);
      await hydrated(staff);
      const what = staff.locator('section[aria-labelledby="publish"] ul').first().locator("li");
      await expect(what.allTextContents()).resolves.toEqual([
        `Kapitel 1: ${CHAPTER1.sv.title}: Svenska, Arabiska`,
        `Kapitel 2: ${CHAPTER2.title}: Svenska`,
      ]);
      await load(staff, staff.getByRole("button", { name: "Publicera en ny version" }));
      await expect(status(staff).textContent()).resolves.toBe(
        "Kursen är publicerad. Deltagarna ser den nya versionen nu.",
      );
      await staffPage("kursen publicerad");
    },
    E2E_TIMEOUT * 2,
  );

  it(
    "makes two participants' codes and reads the chapter checks' results before",
    async () => {
      answersBefore["kort-hur"] = await answersInPeriod("kort-hur");
      answersBefore["kort-battre"] = await answersInPeriod("kort-battre");

      await staff.goto(`${server.baseUrl}/demo/insatser/${initiativeId}/portal`);
      await staff.getByRole("heading", { level: 1, name: `Portalen för ${INITIATIVE}` }).waitFor();
      await staffPage("portalens deltagare");
      const blocks = staff.locator("details.portal-staff-manage", {
        has: staff.locator('input[name="intent"][value="kod"]'),
      });
      const named = await staff.locator("table tbody th a").allTextContents();
      const n = await blocks.count();
      // from the end of the list: the demo's printed codes are for the first participants
      for (let i = n - 1; i >= 0 && participants.length < 2; i--) {
        const block = blocks.nth(i);
        if ((await block.locator('input[name="locale"]').getAttribute("value")) !== "sv") continue;
        const who = (await block.locator('input[name="participant"]').getAttribute("value")) ?? "";
        if (named.filter((x) => x.trim() === who).length !== 1) continue;
        participants.push({
          id:
            (await block.locator('input[name="participantId"]').first().getAttribute("value")) ??
            "",
          who,
        });
      }
      expect(participants.length).toBe(2);
      for (const p of participants) codes.push(await makeCode(p));
      await checkA11y(staff, "ny kod");
    },
    E2E_TIMEOUT * 2,
  );

  it(
    "in Swedish on a phone without JavaScript: reads chapter 1, answers the quiz and the check",
    async () => {
      await readCourse({ locale: "sv", code: codes[0] as string });
    },
    E2E_TIMEOUT * 2,
  );

  it(
    "in Arabic, right to left: the same, and chapter 2 wholly in Swedish with the notice",
    async () => {
      await readCourse({ locale: "ar", code: codes[1] as string });
    },
    E2E_TIMEOUT * 2,
  );

  it(
    "the staff see the aggregated result: two more answers; the free text for the communicator",
    async () => {
      // the scale question: many answers in the demo, so the whole period's count is shown
      const before = answersBefore["kort-hur"];
      expect(typeof before, "the scale's whole-period count is shown").toBe("number");
      await expect(answersInPeriod("kort-hur")).resolves.toBe((before as number) + 2);
      // the free-text question has few answers in the demo: its count may be held back; when
      // it is shown, it has grown by two as well
      const freeBefore = answersBefore["kort-battre"] as number | "hidden";
      const freeAfter = await answersInPeriod("kort-battre");
      if (freeBefore !== "hidden") expect(freeAfter).toBe(freeBefore + 2);
      else if (freeAfter !== "hidden") expect(freeAfter).toBeGreaterThanOrEqual(2);
      // no answer is shown per person: the results page holds no free text
      const results = (await staff.locator("main").textContent()) ?? "";
      expect(results).not.toContain(FREE_TEXTS.sv);
      expect(results).not.toContain(FREE_TEXTS.ar);

      await staff.goto(`${server.baseUrl}/demo/insatser/${initiativeId}/portal/tyck-till/fritext`);
      await staff.getByRole("heading", { level: 1, name: "Svar med egna ord" }).waitFor();
      await staffPage("tyck till, fritext");
      const text = (await staff.locator("main").textContent()) ?? "";
      expect(text).toContain(FREE_TEXTS.sv);
      expect(text).toContain(FREE_TEXTS.ar);
    },
    E2E_TIMEOUT * 2,
  );
});

// ---------------------------------------------------------------------------------------------
// What the journey does not pass through, on the same demo: the page editor's recording and
// video pages and the delete step, Tyck till's exit survey and a meeting's check (the scale
// answered by keyboard alone, in Arabic), the staff's question editor, the course figures and
// the results on a narrow screen — all without JavaScript — and "Visa svenska också".

const NARROW = { javaScriptEnabled: false, viewport: { width: 360, height: 740 } } as const;
const lastSegment = (path: string) => path.split("/").pop() ?? "";

/** A browser profile without JavaScript, signed in as the communicator (her session copied). */
async function staffWithoutJavaScript(width: number): Promise<Page> {
  const context = await newContext(browser, { ...NARROW, viewport: { width, height: 800 } });
  contexts.push(context);
  await context.addCookies(await staff.context().cookies());
  return context.newPage();
}

describe("the rest of courses and Tyck till, on the same demo", () => {
  it(
    "the page editor for a recording and a video, in Swedish alone and beside Arabic, and the delete step (360 px, no JavaScript)",
    async () => {
      const page = await staffWithoutJavaScript(360);
      const added = async (kind: "ljud" | "video", label: string): Promise<string> => {
        await page.goto(`${server.baseUrl}${chapter2Path}`);
        await page.getByLabel("Sorts sida").selectOption(kind);
        await load(page, page.getByRole("button", { name: "Lägg till sida" }));
        await expect(status(page).textContent()).resolves.toBe(
          "Sidan är tillagd. Skriv dess texter och spara.",
        );
        await checkA11y(page, `ny sida: ${label}`);
        return new URL(page.url()).pathname;
      };
      const saved = async (label: string) => {
        // (a saved video's page may hold its load event while the browser reads the file:
        // wait for the notice instead)
        await page.getByRole("button", { name: "Spara sidan" }).click();
        await page.getByText("Sidan är sparad.", { exact: true }).waitFor();
        await checkA11y(page, label);
      };
      const beside = async (path: string, label: string) => {
        await page.goto(`${server.baseUrl}${path}?sprak=ar`);
        await page.locator("#title-ar").waitFor();
        await checkA11y(page, label);
      };

      // a recording in Swedish
      const audioPath = await added("ljud", "uppläsning");
      await page.locator("#title-sv").fill("Lyssna");
      await page.locator("#body-sv").fill("Hej och välkommen till biblioteket.");
      await page.locator("#audio-sv").setInputFiles(file("sv.mp3", "audio/mpeg", sampleFile.mp3()));
      await saved("uppläsningen sparad (svenska)");
      await expect(page.locator("audio").count()).resolves.toBe(1);
      await beside(audioPath, "uppläsningen, arabiska bredvid");

      // a video with Swedish captions
      const videoPath = await added("video", "video");
      await page.locator("#title-sv").fill("Filmen om biblioteket");
      await page
        .locator("#videofile")
        .setInputFiles(file("film.mp4", "video/mp4", sampleFile.mp4()));
      await page
        .locator("#captions-sv")
        .setInputFiles(file("sv.vtt", "text/vtt", sampleFile.vtt()));
      await saved("videon sparad (svenska)");
      await expect(page.locator("video track[srclang='sv']").count()).resolves.toBe(1);
      await beside(videoPath, "videon, arabiska bredvid");

      // the page list's delete step asks first
      await page.goto(`${server.baseUrl}${chapter2Path}/sidor?ta-bort=${lastSegment(videoPath)}`);
      await page.getByRole("button", { name: "Ja, ta bort sidan" }).waitFor();
      await checkA11y(page, "ta bort en sida");
    },
    E2E_TIMEOUT * 2,
  );

  it(
    "Tyck till in Arabic: the exit survey refused empty, then the scale answered by keyboard alone",
    async () => {
      const page = readers.ar as Page;
      const t = createPortalTranslator("ar");
      await page.goto(`${server.baseUrl}/portal/tyck-till`);
      await check(page, "tyck till (ar)", "ar");
      await load(page, page.locator('main a[href="/portal/tyck-till/slut/slut"]').first());
      const scale = page.getByRole("group", { name: /هل استفدت من البرنامج؟/ });
      await scale.waitFor();
      await check(page, "slutenkät (ar)", "ar");
      const send = page.getByRole("button", { name: t("portal.feedback.send"), exact: true });
      await load(page, send);
      await page.getByText(t("portal.feedback.error.empty")).first().waitFor();
      await check(page, "slutenkät, inget svar (ar)", "ar");
      // by keyboard alone: to the scale's first step, then three steps on, then send
      await scale.getByRole("radio", { name: /^1/ }).focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
      await expect(scale.getByRole("radio", { name: /^4/ }).isChecked()).resolves.toBe(true);
      await send.focus();
      await page.keyboard.press("Enter");
      await page.getByText(t("portal.feedback.thanks")).waitFor();
      await check(page, "slutenkät, tack (ar)", "ar");
    },
    E2E_TIMEOUT * 2,
  );

  it(
    "Tyck till in Swedish: anonymous, the exit survey, and a meeting's check skipped",
    async () => {
      // the demo participant met the studiecoach three days ago
      const [user] = await server.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, DEMO.participant));
      const principal = user && (await loadPrincipal(server.db, user.id, { type: "session" }));
      const account = principal && (await portalAccountOf(server.db, principal));
      if (!account) throw new Error("the demo participant has no portal account");
      await meeting(server.db, account, 3);

      const context = await newContext(browser, PHONE);
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/logga-in`);
      await page.getByLabel("E-postadress").fill(DEMO.participant);
      await page.getByLabel("Lösenord").fill(DEMO.password);
      await load(page, page.getByRole("button", { name: "Logga in" }));
      await page.getByRole("heading", { level: 1, name: "Välkommen" }).waitFor();

      await page.goto(`${server.baseUrl}/portal/tyck-till`);
      await expect(page.getByText("Vi ser inte vem som svarat").count()).resolves.toBe(1);
      await check(page, "tyck till (sv)", "sv");
      await page.goto(`${server.baseUrl}/portal/tyck-till/slut/slut`);
      await page.getByRole("group", { name: /Har du haft nytta av insatsen\?/ }).waitFor();
      await check(page, "slutenkät (sv)", "sv");
      await load(page, page.getByRole("link", { name: "Tillbaka till Tyck till" }).first());
      await load(page, page.getByRole("link", { name: /^Om mötet med Lina/ }));
      await check(page, "om mötet (sv)", "sv");
      await load(page, page.getByRole("button", { name: "Hoppa över" }));
      await page.getByText("Vi frågar inte om det igen.").waitFor();
      await check(page, "mötet hoppat över (sv)", "sv");
      await expect(page.getByRole("link", { name: /^Om mötet med Lina/ }).count()).resolves.toBe(0);
    },
    E2E_TIMEOUT * 2,
  );

  it(
    "the staff's Tyck till questions with Arabic beside, a new question and a refused save (360 px, no JavaScript)",
    async () => {
      const page = await staffWithoutJavaScript(360);
      const base = `${server.baseUrl}/demo/insatser/${initiativeId}/portal/tyck-till`;
      await page.goto(`${base}?sprak=ar`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await checkA11y(page, "frågorna, arabiska bredvid");
      await load(page, page.getByRole("button", { name: "Lägg till en fråga" }).last());
      await page.getByText("Ändringen är inte sparad än").first().waitFor();
      await checkA11y(page, "frågorna, ny fråga");
      await load(page, page.getByRole("button", { name: "Spara frågorna" }).last());
      await page.getByText("Skriv fråga 8 på svenska").first().waitFor();
      await checkA11y(page, "frågorna, fel");
    },
    E2E_TIMEOUT * 2,
  );

  it(
    "the results and the course figures at 320 px without JavaScript",
    async () => {
      const page = await staffWithoutJavaScript(320);
      const base = `${server.baseUrl}/demo/insatser/${initiativeId}/portal`;
      await page.goto(`${base}/tyck-till/resultat?fran=2026-06&till=2026-11&svar=mote`);
      await page.getByRole("heading", { level: 1, name: "Tyck till – resultat" }).waitFor();
      await expect(page.locator("svg[role=img]").count()).resolves.toBe(1);
      await checkA11y(page, "tyck till, resultat (320 px)");
      await page.goto(`${base}/tyck-till/resultat?fran=2026-13&till=2026-11&svar=mote`);
      await alert(page).waitFor();
      await checkA11y(page, "tyck till, resultat, fel period (320 px)");
      await page.goto(`${base}/kurser?fran=2026-06&till=2026-11`);
      // a table for each published course: the demo's and the journey's
      await expect(page.locator("table[data-table=kurs]").count()).resolves.toBe(2);
      await checkA11y(page, "kurser i portalen (320 px)");
    },
    E2E_TIMEOUT * 2,
  );

  it(
    "in Arabic, Swedish too under each text of a course page",
    async () => {
      const page = readers.ar as Page;
      const t = createPortalTranslator("ar");
      await page.goto(
        `${server.baseUrl}/portal/kurser/${lastSegment(coursePath)}/${lastSegment(chapter1Path)}/1`,
      );
      const article = page.locator("article.course-page");
      await expect(article.textContent()).resolves.not.toContain(TEXT_PAGE.sv.title);
      await load(page, page.getByRole("button", { name: t("portal.swedishTooOn"), exact: true }));
      await expect(page.locator("h1#sida-rubrik").textContent()).resolves.toContain(
        TEXT_PAGE.ar.title,
      );
      const swedish = article.locator('[lang="sv"]');
      await expect(swedish.allTextContents()).resolves.toEqual(
        expect.arrayContaining([expect.stringContaining(TEXT_PAGE.sv.title)]),
      );
      await expect(article.textContent()).resolves.toContain(TEXT_PAGE.sv.body.split("\n")[0]);
      await expect(
        page.getByRole("button", { name: t("portal.swedishTooOff"), exact: true }).count(),
      ).resolves.toBe(1);
      await check(page, "sida med svenska också (ar)", "ar");
    },
    E2E_TIMEOUT * 2,
  );
});
