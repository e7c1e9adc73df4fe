// The participant portal tried as a new participant would (issue 9, must-show 1), on the demo:
// the coach of "Tierp, Växtverket" makes one-time codes on the initiative's portal page and
// reads them off the page; then participants, on a 360 px phone with JavaScript off, once in
// Swedish and once in Arabic (chosen on the sign-in page, right to left), sign in with a code
// typed in lower case with a space, read the plan the coach wrote, book a study coach's time,
// see it, cancel it, read who has read their data, sign out — and find the used code refused.
// On the way: a code made obsolete by a newer one, an expired code, and a booking for a time in
// the past or outside the opening hours (a crafted form post) are refused in the participant's
// language with nothing booked; the booking is also made by keyboard alone. Every page is
// checked with axe, for sideways scrolling at 360 px and for scripts (portal pages send none);
// finally every portal page reflows at 320 px and at 200 % zoom.
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberOrganisations } from "../../src/associations/schema.ts";
import { initiatives } from "../../src/initiatives/schema.ts";
import { codeHash, normaliseCode } from "../../src/portal/codes.ts";
import type { PortalLocale } from "../../src/portal/locales.ts";
import { portalSignInCodes } from "../../src/portal/schema.ts";
import { createPortalTranslator, portalLongDate, portalTime } from "../../src/portal/translate.ts";
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

const COACH = "coach@demo.samspar.se";
const INITIATIVE = "Tierp, Växtverket";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** The member organisation that owns Växtverket (the data controller, the coach's employer). */
let owner = "";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const [row] = await server.db
    .select({ name: memberOrganisations.name })
    .from(initiatives)
    .innerJoin(memberOrganisations, eq(memberOrganisations.id, initiatives.ownerOrganisationId))
    .where(eq(initiatives.name, INITIATIVE));
  if (!row) throw new Error(`no demo initiative ${INITIATIVE}`);
  owner = row.name;
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

/** A participant of Växtverket with an open portal account, as the coach's portal page lists them. */
interface Participant {
  id: string;
  /** The masked identity the page shows ("Hantera …"). */
  who: string;
  /** The plan steps' titles, as the coach's plan page shows them. */
  steps: string[];
}

// ---------------------------------------------------------------------------------------------
// The coach's side (JavaScript on)

let coach: Page;
let portalPath = "";
const participants: Participant[] = [];

/** Makes a code shown on the page ("visa"), as the coach would, and reads it off the page. */
async function makeCode(p: Participant): Promise<string> {
  const shown = await makeShownCode(coach, p);
  await expect(coach.getByRole("status").first().textContent()).resolves.toBe(
    "Koden visas bara nu. Ge den till deltagaren eller skriv ut rutan nedan (Ctrl+P skriver bara ut rutan).",
  );
  return codeIn(shown);
}

// ---------------------------------------------------------------------------------------------
// The participant's side (a phone without JavaScript)

/** Checks the page as it is: axe, no sideways scrolling at 360 px, no scripts, the language. */
async function check(page: Page, label: string, locale: PortalLocale): Promise<void> {
  await checkA11y(page, label);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `sideways scrolling on "${label}"`).toBeLessThanOrEqual(360);
  await expect(page.locator("script[src]").count(), `scripts on "${label}"`).resolves.toBe(0);
  await expect(page.locator("html").getAttribute("lang")).resolves.toBe(locale);
  await expect(page.locator("html").getAttribute("dir")).resolves.toBe(
    locale === "ar" ? "rtl" : "ltr",
  );
}

async function phone(): Promise<Page> {
  const context = await newContext(browser, PHONE);
  contexts.push(context);
  return context.newPage();
}

/** Sends a code from the sign-in page, typed as a person might: lower case, a space for the dash. */
async function sendCode(page: Page, code: string, locale: PortalLocale): Promise<void> {
  const t = createPortalTranslator(locale);
  await page
    .getByLabel(t("portal.signIn.codeLabel"))
    .fill(` ${code.toLowerCase().replace("-", " ")}`);
  await page.getByRole("button", { name: t("portal.signIn.submit"), exact: true }).click();
}

/** Sends a code that should be refused, and reads the refusal. */
async function refusedCode(
  page: Page,
  code: string,
  locale: PortalLocale,
  reason: "used" | "revoked" | "expired",
): Promise<void> {
  const t = createPortalTranslator(locale);
  await sendCode(page, code, locale);
  const alert = page.getByRole("alert");
  await alert.getByRole("heading", { name: t("portal.signIn.errorTitle") }).waitFor();
  await expect(alert.getByRole("link").textContent()).resolves.toBe(
    t(`portal.signIn.error.${reason}`),
  );
  // the code stays in the field, the page is still the sign-in page
  await expect(page.getByLabel(t("portal.signIn.codeLabel")).inputValue()).resolves.not.toBe("");
  await check(page, `inloggning, ${reason} kod (${locale})`, locale);
}

/** The participant's booked times, as the Boka page lists them. */
const myTimes = (page: Page) => page.locator('section[aria-labelledby="mina-tider"] li');

interface JourneyOptions {
  locale: PortalLocale;
  code: string;
  participant: Participant;
  /** Codes that must be refused on the sign-in page before the real one. */
  refuse: Array<{ code: string; reason: "revoked" | "expired" }>;
  /** The crafted booking: a time in the past or outside the opening hours. */
  bad: "past" | "outsideHours";
  /** Book by keyboard alone (Tab, Space, Enter). */
  keyboard: boolean;
}

async function journey(o: JourneyOptions): Promise<void> {
  const { locale } = o;
  const t = createPortalTranslator(locale);
  const sv = createPortalTranslator("sv");
  const page = await phone();
  const h1 = (name: string) => page.getByRole("heading", { level: 1, name, exact: true });

  // the portal's address leads to the sign-in page
  await page.goto(`${server.baseUrl}/portal`);
  await h1(sv("portal.signIn.title")).waitFor();
  await check(page, "inloggning", "sv");
  if (locale !== "sv") {
    await page.getByLabel(sv("portal.language")).selectOption(locale);
    await page.getByRole("button", { name: sv("portal.languageSave") }).click();
    await h1(t("portal.signIn.title")).waitFor();
    await check(page, `inloggning (${locale})`, locale);
  }
  for (const r of o.refuse) await refusedCode(page, r.code, locale, r.reason);

  // signing in with the code, typed loosely
  await sendCode(page, o.code, locale);
  await h1(t("portal.home.title")).waitFor();
  expect(new URL(page.url()).pathname).toBe("/portal");
  await check(page, `start (${locale})`, locale);
  const menu = page.getByRole("navigation", { name: t("portal.menu") });

  // Min plan: the steps the coach wrote
  await menu.getByRole("link", { name: t("portal.nav.plan") }).click();
  await h1(t("portal.plan.title")).waitFor();
  await check(page, `min plan (${locale})`, locale);
  const steps = page.locator('section[aria-labelledby="stegen"] .portal-plan-step');
  expect(o.participant.steps.length).toBeGreaterThan(0);
  await expect(steps.count()).resolves.toBe(o.participant.steps.length);
  for (const [i, title] of o.participant.steps.entries())
    await expect(steps.nth(i).locator("h3").textContent()).resolves.toBe(title);

  // Boka: the study coach's first day, its first free time
  await menu.getByRole("link", { name: t("portal.nav.booking") }).click();
  await h1(t("portal.booking.title")).waitFor();
  await check(page, `boka (${locale})`, locale);
  const before = await myTimes(page).count();
  // a day after today (no time about to begin), with free times, where I have nothing booked
  const booked = (await myTimes(page).allTextContents()).join("\n");
  const today = portalLongDate(locale, new Date());
  const coachDays = page.locator('section[aria-labelledby="slag-studiecoach"] a');
  let day: Locator | undefined;
  for (let i = 0; i < (await coachDays.count()) && !day; i++) {
    const link = coachDays.nth(i);
    const date = (await link.locator(".portal-booking__day-date").textContent()) ?? "";
    const free = (await link.locator(".portal-booking__free").textContent()) ?? "";
    if (
      date !== today &&
      !booked.includes(date) &&
      !free.includes(t("portal.booking.freeCount", { count: 0 }))
    )
      day = link;
  }
  if (!day) throw new Error("no study coach's day to book");
  await day.click();
  await h1(t("portal.booking.times.title")).waitFor();
  await check(page, `välj tid (${locale})`, locale);
  const first = page.locator('input[name="tid"]').first();
  const startsAt = (await first.getAttribute("value")) ?? "";
  const who = ((await page.locator(".portal-card h2.portal-booking__who").textContent()) ?? "")
    .split(": ")
    .slice(1)
    .join(": ");
  expect(who).not.toBe("");

  // a crafted form post for a time that cannot be booked → refused in the language, nothing booked
  const badTime =
    o.bad === "past"
      ? "2020-01-07T08:00:00.000Z"
      : new Date(new Date(startsAt).getTime() + 11 * 60 * 60 * 1000).toISOString();
  await first.evaluate((input, value) => {
    (input as HTMLInputElement).value = value;
  }, badTime);
  await first.check();
  await page.getByRole("button", { name: t("portal.booking.times.submit") }).click();
  const problem = page.locator(".portal-error");
  await problem.getByRole("heading", { name: t("portal.booking.error.title") }).waitFor();
  await expect(problem.getByRole("link").textContent()).resolves.toBe(
    t(`portal.booking.error.${o.bad}`),
  );
  await check(page, `välj tid, vägrad (${locale})`, locale);
  // the form is there again with the real times
  await expect(page.locator('input[name="tid"]').first().getAttribute("value")).resolves.toBe(
    startsAt,
  );

  // booking the first time: with the mouse, or by keyboard alone
  if (o.keyboard) {
    const radio = page.locator('input[name="tid"]').first();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await radio.evaluate((el) => el === document.activeElement);
    }
    expect(reached, "the first time is reached with Tab").toBe(true);
    await page.keyboard.press("Space");
    await expect(radio.isChecked()).resolves.toBe(true);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    expect(focused).toBe(t("portal.booking.times.submit"));
    await page.keyboard.press("Enter");
  } else {
    await page.locator('input[name="tid"]').first().check();
    await page.getByRole("button", { name: t("portal.booking.times.submit") }).click();
  }
  await h1(t("portal.booking.title")).waitFor();
  const date = portalLongDate(locale, startsAt);
  const time = portalTime(startsAt);
  const notice = page.getByRole("status");
  await expect(notice.locator("p").first().textContent()).resolves.toBe(
    t("portal.booking.notice.booked", { title: who, date, time }),
  );
  await check(page, `bokad (${locale})`, locale);
  await expect(myTimes(page).count()).resolves.toBe(before + 1);
  const mine = myTimes(page).filter({
    has: page.locator("h3", { hasText: `${date}` }),
    hasText: who,
  });
  await expect(mine.filter({ hasText: time }).count()).resolves.toBe(1);

  // cancelling it: the booking, the question, the confirmation
  await mine
    .filter({ hasText: time })
    .getByRole("link", { name: new RegExp(`^${t("portal.booking.cancel")}`) })
    .click();
  await h1(t("portal.booking.detail.title")).waitFor();
  await check(page, `bokningen (${locale})`, locale);
  await page
    .getByRole("heading", { level: 2, name: t("portal.booking.detail.cancelQuestion") })
    .waitFor();
  await page.getByRole("button", { name: t("portal.booking.detail.cancelConfirm") }).click();
  await h1(t("portal.booking.title")).waitFor();
  await expect(notice.locator("p").first().textContent()).resolves.toBe(
    t("portal.booking.notice.cancelled"),
  );
  await check(page, `avbokad (${locale})`, locale);
  await expect(myTimes(page).count()).resolves.toBe(before);
  await expect(
    myTimes(page).filter({ hasText: date }).filter({ hasText: time }).count(),
  ).resolves.toBe(0);

  // Mina uppgifter: who has read my data — the coach's organisation, today
  await menu.getByRole("link", { name: t("portal.nav.myData") }).click();
  await h1(t("portal.myData.title")).waitFor();
  await check(page, `mina uppgifter (${locale})`, locale);
  const log = page.locator('section[aria-labelledby="vem-har-last"]');
  await expect(log.getByRole("heading", { level: 2 }).textContent()).resolves.toBe(
    t("portal.myData.log.title"),
  );
  const read = log.locator("li").filter({ hasText: owner }).filter({ hasText: today });
  expect(await read.count(), `${owner} read the data ${today}`).toBeGreaterThan(0);

  // Logga ut: back at the sign-in page, signed out; the code does not work again
  await page.getByRole("button", { name: t("portal.signOut") }).click();
  await h1(t("portal.signIn.title")).waitFor();
  await expect(page.getByRole("status").textContent()).resolves.toBe(t("portal.signIn.signedOut"));
  await check(page, `utloggad (${locale})`, locale);
  await refusedCode(page, o.code, locale, "used");
  // and the portal is closed to this browser now
  await page.goto(`${server.baseUrl}/portal/boka`);
  await h1(t("portal.signIn.title")).waitFor();
}

describe("the participant portal as a new participant tries it", () => {
  it(
    "the coach makes sign-in codes on the initiative's portal page",
    async () => {
      const context = await newContext(browser);
      contexts.push(context);
      coach = await context.newPage();
      await signIn(coach, server.baseUrl, COACH, DEMO.password);
      await coach.goto(`${server.baseUrl}/demo/insatser`);
      await hydrated(coach);
      await coach.getByRole("link", { name: INITIATIVE, exact: true }).first().click();
      await coach.getByRole("heading", { level: 1, name: INITIATIVE }).waitFor();
      await coach
        .getByRole("link", { name: "Deltagarportalen: tillgång och inloggningskoder" })
        .click();
      await coach.getByRole("heading", { level: 1, name: `Portalen för ${INITIATIVE}` }).waitFor();
      await hydrated(coach);
      portalPath = new URL(coach.url()).pathname;
      expect(portalPath).toMatch(/^\/demo\/insatser\/[0-9a-f-]{36}\/portal$/);
      await checkA11y(coach, "portalens deltagare");

      // three participants with an open account who read the portal in Swedish (and whose
      // masked identity is unique on the page, so the coach can tell them apart)
      const blocks = coach.locator("details.portal-staff-manage", {
        has: coach.locator('input[name="intent"][value="kod"]'),
      });
      const rowLinks = coach.locator("table tbody th a");
      const named = await rowLinks.allTextContents();
      const n = await blocks.count();
      for (let i = 0; i < n && participants.length < 3; i++) {
        const block = blocks.nth(i);
        if ((await block.locator('input[name="locale"]').getAttribute("value")) !== "sv") continue;
        const who = (await block.locator('input[name="participant"]').getAttribute("value")) ?? "";
        if (named.filter((x) => x.trim() === who).length !== 1) continue;
        participants.push({
          id:
            (await block.locator('input[name="participantId"]').first().getAttribute("value")) ??
            "",
          who,
          steps: [],
        });
      }
      expect(participants.length).toBe(3);

      // the plan steps each has, as the coach's plan page shows them
      const hrefs: string[] = [];
      for (const p of participants)
        hrefs.push((await rowLinks.getByText(p.who, { exact: true }).getAttribute("href")) ?? "");
      for (const [i, p] of participants.entries()) {
        await coach.goto(`${server.baseUrl}${hrefs[i]}/plan`);
        await coach.getByRole("heading", { level: 2, name: /^Stegen/ }).waitFor();
        p.steps = (
          await coach.locator('section[aria-labelledby="stegen"] > ol > li > h3').allTextContents()
        ).map((s) => {
          // "Steg 1: Träffa studievägledaren"
          expect(s).toMatch(/^Steg \d+: \S/);
          return s.replace(/^Steg \d+: /, "");
        });
        expect(p.steps.length, `plan steps of ${p.who}`).toBeGreaterThan(0);
      }
      // the initiative's bookable times, with the form to book for a participant
      await coach.goto(`${server.baseUrl}${portalPath}/tider`);
      await coach.getByRole("heading", { level: 1, name: /^Bokningsbara tider/ }).waitFor();
      expect(await coach.getByText("Boka en tid åt en deltagare").count()).toBeGreaterThan(0);
      await checkA11y(coach, "bokningsbara tider");
      await coach.goto(`${server.baseUrl}${portalPath}`);
      await hydrated(coach);
    },
    E2E_TIMEOUT,
  );

  let swedishCode = "";
  let arabicCode = "";
  let revokedCode = "";
  let expiredCode = "";

  it(
    "codes: shown once, a newer one replaces the older, an old one expires",
    async () => {
      const [a, b, c] = participants as [Participant, Participant, Participant];
      swedishCode = await makeCode(a);
      await checkA11y(coach, "ny kod");
      revokedCode = await makeCode(b);
      arabicCode = await makeCode(b);
      expect(arabicCode).not.toBe(revokedCode);
      expiredCode = await makeCode(c);
      // fourteen days later, as far as this code knows
      const changed = await server.db
        .update(portalSignInCodes)
        .set({ expiresAt: new Date(Date.now() - 60_000) })
        .where(eq(portalSignInCodes.codeHash, codeHash(normaliseCode(expiredCode))))
        .returning({ id: portalSignInCodes.id });
      expect(changed.length).toBe(1);
    },
    E2E_TIMEOUT,
  );

  it(
    "in Swedish on a phone without JavaScript: sign in, plan, book by keyboard, cancel, who read, sign out",
    async () => {
      await journey({
        locale: "sv",
        code: swedishCode,
        participant: participants[0] as Participant,
        refuse: [{ code: expiredCode, reason: "expired" }],
        bad: "past",
        keyboard: true,
      });
    },
    E2E_TIMEOUT,
  );

  it(
    "in Arabic, right to left, on a phone without JavaScript: the same journey",
    async () => {
      await journey({
        locale: "ar",
        code: arabicCode,
        participant: participants[1] as Participant,
        refuse: [
          { code: revokedCode, reason: "revoked" },
          { code: expiredCode, reason: "expired" },
        ],
        bad: "outsideHours",
        keyboard: false,
      });
    },
    E2E_TIMEOUT,
  );

  it(
    "reflows at 320 px and at 200 % zoom: no page of the portal scrolls sideways",
    async () => {
      const c = participants[2] as Participant;
      const code = await makeCode(c);
      // 320 CSS px (WCAG 1.4.10), and a 1280 px window at 200 % zoom: 640 CSS px, scale 2
      for (const view of [
        { width: 320, height: 640, deviceScaleFactor: 1 },
        { width: 640, height: 400, deviceScaleFactor: 2 },
      ]) {
        const context = await newContext(browser, {
          javaScriptEnabled: false,
          viewport: { width: view.width, height: view.height },
          deviceScaleFactor: view.deviceScaleFactor,
        });
        contexts.push(context);
        const page = await context.newPage();
        await page.goto(`${server.baseUrl}/portal/logga-in`);
        if (view.width === 320) await sendCode(page, code, "sv");
        else {
          // the code is used; a signed-in page needs a session: a fresh code for the second view
          await sendCode(page, await makeCode(c), "sv");
        }
        await page.waitForURL(`${server.baseUrl}/portal`);
        const firstWindow = await page
          .goto(`${server.baseUrl}/portal/boka`)
          .then(() => page.locator('a[href^="/portal/boka/"]').first().getAttribute("href"));
        const firstGuide = await page
          .goto(`${server.baseUrl}/portal/stod`)
          .then(() => page.locator('a[href^="/portal/stod/"]').first().getAttribute("href"));
        const paths = [
          "/portal",
          "/portal/plan",
          "/portal/boka",
          firstWindow,
          "/portal/stod",
          firstGuide,
          "/portal/mina-uppgifter",
          "/portal/installningar",
          "/portal/tillganglighet",
        ];
        for (const path of paths) {
          expect(path, "a link the page should have").toBeTruthy();
          const res = await page.goto(`${server.baseUrl}${path}`);
          expect({ path, status: res?.status() }).toEqual({ path, status: 200 });
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          expect({ path, view: view.width, width }).toEqual({
            path,
            view: view.width,
            width: Math.min(width, view.width),
          });
        }
      }
    },
    E2E_TIMEOUT,
  );
});
