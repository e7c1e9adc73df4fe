// Browser check of Min plan and Mina uppgifter with JavaScript off, every page through axe: the
// coach's plan page (with steps, the confirmation step and a refused form) in the demo, and the
// participant's two pages in Swedish and in Arabic (right to left) at 360 px.
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, launchBrowser, newContext } from "../../tests/support/browser.ts";
import { startTestServer, type TestServer } from "../../tests/support/server.ts";
import { loadPrincipal } from "../access/principal.ts";
import { associations } from "../associations/schema.ts";
import { DEMO_PASSWORD } from "../demo/seed-demo.ts";
import { initiatives } from "../initiatives/schema.ts";
import { users } from "../people/schema.ts";
import { registerCryptoFor } from "../register/key.server.ts";
import { registerParticipant } from "../register/participants.ts";
import { personalNumber } from "../register/register-fixture.ts";
import { registerScopeFor } from "../register/scope.ts";
import { createSession, SESSION_COOKIE } from "../sign-in/sessions.ts";
import { PORTAL_LANGUAGE_COOKIE } from "./locales.ts";
import { addPlanStep } from "./plan.ts";
import { makePortalAccount } from "./portal-account-fixture.ts";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let enrollmentId = "";
let participantUser = "";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const db = server.db;
  const [association] = await db
    .select({ id: associations.id })
    .from(associations)
    .where(eq(associations.slug, "demo"));
  const [initiative] = await db
    .select({ id: initiatives.id, owner: initiatives.ownerOrganisationId })
    .from(initiatives)
    .where(eq(initiatives.name, "Tierp, Växtverket"));
  const [coachUser] = await db.select().from(users).where(eq(users.email, "coach@demo.samspar.se"));
  if (!association || !initiative || !coachUser) throw new Error("no demo");
  const coach = await loadPrincipal(db, coachUser.id, { type: "session" });
  if (!coach) throw new Error("no coach");
  const access = await registerScopeFor(db, coach, association.id, initiative.id);
  const crypto = registerCryptoFor(server.services.config);
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(
    new Date(),
  );
  const r = await registerParticipant(
    db,
    crypto,
    access.actor,
    access.scope,
    {
      initiativeId: initiative.id,
      personalNumber: personalNumber("19850312", "917"),
      name: "Yasmin Test",
      consent: { consentedOn: today, textVersion: "2026:1", language: "arabiska" },
      gender: "kvinna",
      birthYear: null,
      startDate: today,
      background: {
        education: "gymnasial",
        supportBefore: ["a_kassa"],
        timeOnSupport: "1_2_ar",
        occupationBefore: "arbetslos",
        referrer: "kommun",
      },
      municipalityCode: "0360",
    },
    today,
  );
  enrollmentId = r.enrollmentId;
  const staff = { ...access, audit: { userId: coachUser.id, label: coachUser.email } };
  await addPlanStep(db, staff, enrollmentId, {
    title: "Träffa studievägledaren om SFI",
    details: "Ta med ditt betyg från hemlandet.",
    dueOn: "2099-12-01",
    status: "pagar",
  });
  await addPlanStep(db, staff, enrollmentId, { title: "Skriva ett CV", status: "klar" });
  await addPlanStep(db, staff, enrollmentId, { title: "Söka praktik" });
  const account = await makePortalAccount(db, {
    associationId: association.id,
    dataControllerId: initiative.owner,
    initiativeId: initiative.id,
    participantId: r.participantId,
    locale: "ar",
    emailCiphertext: crypto.encrypt("yasmin@example.se"),
    reminders: "epost",
  });
  participantUser = account.userId;
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function coachPage(): Promise<Page> {
  const context = await newContext(browser, { javaScriptEnabled: false });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/logga-in`);
  await page.getByLabel("E-postadress").fill("coach@demo.samspar.se");
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.locator(".site-header__user").waitFor();
  return page;
}

async function participantPage(language?: "ar"): Promise<Page> {
  const token = await createSession(server.db, {
    userId: participantUser,
    method: "code",
    secondFactorPending: false,
  });
  // the session as a portal sign-in leaves it (the sign-in pages are another journey's)
  const cookie = [
    `${SESSION_COOKIE}=${token}`,
    ...(language ? [`${PORTAL_LANGUAGE_COOKIE}=${language}`] : []),
  ].join("; ");
  const context = await newContext(browser, {
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
    extraHTTPHeaders: { cookie },
  });
  contexts.push(context);
  return context.newPage();
}

const open = async (page: Page, path: string, label: string) => {
  const response = await page.goto(server.baseUrl + path);
  expect(response?.status(), path).toBe(200);
  await checkA11y(page, label);
};

describe("Min plan and Mina uppgifter in the browser", () => {
  it("the coach's plan page, its confirmation step and a refused form pass axe", async () => {
    const page = await coachPage();
    const path = `/demo/deltagare/${enrollmentId}/plan`;
    await open(page, path, "handlingsplan");
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 3 }).count()).resolves.toBe(3);
    await open(page, `${path}?ta-bort=${await firstStepId(page)}`, "ta bort steg");
    await expect(
      main.getByRole("heading", { name: "Vill du ta bort steg 1?" }).count(),
    ).resolves.toBe(1);
    await page.goto(server.baseUrl + path);
    // a title over 200 characters: refused by the server, what was typed kept
    await main.getByLabel("Vad ska göras?").fill("Besöka biblioteket ".repeat(12));
    await page.getByRole("button", { name: "Lägg till steget" }).click();
    await main.locator(".error-summary").waitFor();
    await checkA11y(page, "handlingsplan med fel");
    await main.getByLabel("Vad ska göras?").fill("Besöka biblioteket");
    await page.getByRole("button", { name: "Lägg till steget" }).click();
    await main.getByText("Steget är tillagt.").waitFor();
  }, 60_000);

  it("the participant's pages pass axe in Swedish and in Arabic at 360 px", async () => {
    // a fresh profile and session for each page: the header-borne session is not renewed
    const sv = await participantPage();
    await open(sv, "/portal/plan", "min plan");
    expect(await sv.getByRole("heading", { level: 2 }).allInnerTexts()).toContain(
      "Det här händer nu",
    );
    const svData = await participantPage();
    await open(svData, "/portal/mina-uppgifter", "mina uppgifter");
    expect(await svData.getByRole("heading", { level: 2 }).allInnerTexts()).toContain(
      "Vem har läst mina uppgifter",
    );
    const ar = await participantPage("ar");
    await open(ar, "/portal/plan", "min plan (arabiska)");
    await expect(ar.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    expect(await ar.getByRole("heading", { level: 2 }).allInnerTexts()).toContain("ما يحدث الآن");
    const arData = await participantPage("ar");
    await open(arData, "/portal/mina-uppgifter", "mina uppgifter (arabiska)");
    expect(await arData.getByRole("heading", { level: 2 }).allInnerTexts()).toContain(
      "من قرأ بياناتي",
    );
    // nothing wider than the screen
    for (const page of [ar, arData]) {
      const wide = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(wide).toBe(false);
    }
  }, 60_000);
});

async function firstStepId(page: Page): Promise<string> {
  const id = await page.locator('main li[id^="steg-"]').first().getAttribute("id");
  return (id ?? "").replace("steg-", "");
}
