// Stöd and the accessibility statements in a browser with JavaScript off at 360 px: every page
// passes axe (WCAG 2.1 A/AA) in Swedish and in Arabic, including a refused report with its
// error summary and a staff guide with its languages side by side.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, launchBrowser, newContext } from "../../tests/support/browser.ts";
import { startTestServer, type TestServer } from "../../tests/support/server.ts";
import { registerFixture } from "../register/register-fixture.ts";
import { createSession, SESSION_COOKIE } from "../sign-in/sessions.ts";
import { createGuide, setGuidePublished } from "./guides.ts";
import { PORTAL_LANGUAGE_COOKIE } from "./locales.ts";
import { portalAccountFixture } from "./portal-account.fixture.ts";

const actor = { userId: null, label: "test" };
let server: TestServer;
let browser: Browser;
let guideId = "";
let participantToken = "";
let adminToken = "";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const f = await registerFixture(server.db, "tillg");
  const { principal } = await portalAccountFixture(server.db, f, f.tierp.initiative, "ar");
  participantToken = await createSession(server.db, {
    userId: principal.userId,
    method: "code",
    secondFactorPending: false,
  });
  adminToken = await createSession(server.db, {
    userId: f.admin.userId,
    method: "password",
    secondFactorPending: false,
  });
  const g = await createGuide(server.db, actor, f.admin, f.associationId, {
    category: "digitalt",
    initiativeId: null,
    texts: {
      sv: {
        title: "Logga in med kod",
        body: "Du får en kod.\n\n- Skriv koden\n- Tryck på knappen",
      },
      ar: { title: "الدخول برمز", body: "ستحصل على رمز.\n\n- اكتب الرمز\n- اضغط على الزر" },
    },
  });
  await setGuidePublished(server.db, actor, f.admin, f.associationId, g.id, 1, true);
  await createGuide(server.db, actor, f.admin, f.associationId, {
    category: "matematik",
    initiativeId: null,
    texts: { sv: { title: "Bråk", body: "En halv är 1/2." } },
  }).then((m) => setGuidePublished(server.db, actor, f.admin, f.associationId, m.id, 1, true));
  guideId = g.id;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function contextWith(cookies: Record<string, string>): Promise<BrowserContext> {
  const context = await newContext(browser, {
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });
  await context.addCookies(
    Object.entries(cookies).map(([name, value]) => ({
      name,
      value,
      domain: "localhost",
      path: "/",
      secure: name.startsWith("__Host-"),
      sameSite: "Lax" as const,
    })),
  );
  return context;
}

async function open(page: Page, path: string, label: string) {
  await page.goto(`${server.baseUrl}${path}`);
  await checkA11y(page, label);
}

describe("Stöd and the accessibility statement, without JavaScript at 360 px", () => {
  it("passes axe for a participant in Arabic", async () => {
    const context = await contextWith({
      [SESSION_COOKIE]: participantToken,
      [PORTAL_LANGUAGE_COOKIE]: "ar",
    });
    const page = await context.newPage();
    await open(page, "/portal/stod", "Stöd (ar)");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("الدعم");
    await page.getByRole("link", { name: /الدخول برمز/ }).click();
    await page.getByRole("heading", { name: "الدخول برمز" }).waitFor();
    await checkA11y(page, "en guide (ar)");
    await open(page, "/portal/tillganglighet", "tillgänglighet (ar)");
    await page.getByLabel("أين المشكلة؟").fill("الحجز");
    await page.getByRole("button", { name: "أرسل" }).click();
    await page.getByText("اكتب ماذا حدث.").first().waitFor();
    await checkA11y(page, "tillgänglighet, fel (ar)");
    expect(await page.getByLabel("أين المشكلة؟").inputValue()).toBe("الحجز");
    await context.close();
  });

  it("passes axe for someone not signed in, in Swedish, and thanks them for a report", async () => {
    const context = await contextWith({});
    const page = await context.newPage();
    await open(page, "/portal/tillganglighet", "tillgänglighet (sv)");
    await page.getByLabel("Var är problemet?").fill("Boka");
    await page.getByLabel("Vad hände?").fill("Knappen syns inte i 200 % zoom.");
    await page.getByRole("button", { name: "Skicka" }).click();
    await page.getByText("Tack! Vi har fått ditt meddelande.").waitFor();
    await checkA11y(page, "tillgänglighet, tack (sv)");
    await open(page, "/tillganglighet", "personalens tillgänglighetsredogörelse");
    await page.getByRole("button", { name: "Skicka rapporten" }).click();
    await page.getByText("Skriv vad som hände, så att vi kan rätta det.").first().waitFor();
    await checkA11y(page, "personalens redogörelse, fel");
    await context.close();
  });

  it("passes axe on the staff's guide pages and the reports", async () => {
    const context = await contextWith({ [SESSION_COOKIE]: adminToken });
    const page = await context.newPage();
    await open(page, "/tillg/stod", "Stöd, personal");
    await open(page, `/tillg/stod/${guideId}`, "en guide, personal");
    await page.getByLabel("Rubrik på svenska").fill("");
    await page.getByRole("button", { name: "Spara guiden", exact: true }).click();
    await page.getByText("Skriv en rubrik på svenska.").first().waitFor();
    await checkA11y(page, "en guide, personal, fel");
    await open(page, "/tillg/stod/ny", "ny guide");
    await open(page, "/tillganglighet?forbund=tillg", "personalens redogörelse, inloggad");
    await page.getByText("Rapporten går till Samordningsförbundet Test.").waitFor();
    await page.getByLabel("Var är problemet?").fill("Budget");
    await page.getByLabel("Vad hände?").fill("Tabellen går inte att läsa i 200 %.");
    await page.getByRole("button", { name: "Skicka rapporten" }).click();
    await page.getByText("Tack! Vi har tagit emot rapporten.").waitFor();
    await open(page, "/tillg/tillganglighetsrapporter", "tillgänglighetsrapporter");
    const own = page.getByRole("region", { name: "Rapporter till Samordningsförbundet Test" });
    const unrouted = page.getByRole("region", { name: "Rapporter utan förbund" });
    await expect(own.getByText("Tabellen går inte att läsa i 200 %.").count()).resolves.toBe(1);
    await expect(unrouted.getByText("Knappen syns inte i 200 % zoom.").count()).resolves.toBe(1);
    await context.close();
  });
});
