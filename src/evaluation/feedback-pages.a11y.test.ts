// Tyck till in a browser with JavaScript off at 360 px: every page passes axe (WCAG 2.1 A/AA) —
// the participant's list and form in Arabic and Swedish, a refused answer, the thank-you, the
// staff's question editor with Arabic beside the Swedish and the free-text answers — and the
// scale is answered by keyboard.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, launchBrowser, newContext } from "../../tests/support/browser.ts";
import { startTestServer, type TestServer } from "../../tests/support/server.ts";
import { PORTAL_LANGUAGE_COOKIE } from "../portal/locales.ts";
import { type RegisterFixture, registerFixture } from "../register/register-fixture.ts";
import { createSession, SESSION_COOKIE } from "../sign-in/sessions.ts";
import { type EvaluationFixture, evaluationFixture, meeting } from "./evaluation-fixture.ts";

let server: TestServer;
let browser: Browser;
let f: RegisterFixture;
let arabic: EvaluationFixture;
let swedish: EvaluationFixture;
let arToken = "";
let svToken = "";
let officerToken = "";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  f = await registerFixture(server.db, "tyckax");
  arabic = await evaluationFixture(server.db, f, "ar");
  swedish = await evaluationFixture(server.db, f, "sv");
  await meeting(server.db, swedish.account, 3);
  const session = (userId: string, method: "code" | "password") =>
    createSession(server.db, { userId, method, secondFactorPending: false });
  arToken = await session(arabic.principal.userId, "code");
  svToken = await session(swedish.principal.userId, "code");
  officerToken = await session(f.officers.tierp.userId, "password");
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

describe("Tyck till without JavaScript at 360 px", () => {
  it("passes axe for a participant in Arabic, answering by keyboard", async () => {
    const context = await contextWith({
      [SESSION_COOKIE]: arToken,
      [PORTAL_LANGUAGE_COOKIE]: "ar",
    });
    const page = await context.newPage();
    await open(page, "/portal/tyck-till", "Tyck till (ar)");
    await page.getByRole("link", { name: /العيش في السويد/ }).click();
    await page.getByRole("group", { name: /كيف كان؟/ }).waitFor();
    await checkA11y(page, "kort fråga (ar)");
    await page.getByRole("button", { name: "أرسل" }).click();
    await page.getByText("أجب على سؤال واحد على الأقل").first().waitFor();
    await checkA11y(page, "kort fråga, fel (ar)");
    await page.getByRole("radio", { name: /^1/ }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("radio", { name: "4" }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "أرسل" }).click();
    await page.getByText("شكرًا على إجابتك!").waitFor();
    await checkA11y(page, "tack (ar)");
    await context.close();
  });

  it("passes axe for a participant in Swedish on the exit survey and a meeting", async () => {
    const context = await contextWith({ [SESSION_COOKIE]: svToken });
    const page = await context.newPage();
    await open(page, "/portal/tyck-till", "Tyck till (sv)");
    await expect(page.getByText("Vi ser inte vem som svarat").count()).resolves.toBe(1);
    await open(page, "/portal/tyck-till/slut/slut", "slutenkät (sv)");
    await page.getByRole("link", { name: "Tillbaka till Tyck till" }).first().click();
    await page.getByRole("link", { name: /Om mötet med Lina/ }).click();
    await page.getByRole("button", { name: "Hoppa över" }).click();
    await page.getByText("Vi frågar inte om det igen.").waitFor();
    await checkA11y(page, "hoppat över (sv)");
    await context.close();
  });

  it("passes axe on the staff's question editor and the free-text answers", async () => {
    const context = await contextWith({ [SESSION_COOKIE]: officerToken });
    const page = await context.newPage();
    const base = `/tyckax/insatser/${f.tierp.initiative}/portal/tyck-till`;
    await open(page, `${base}?sprak=ar`, "frågorna, arabiska bredvid");
    await page.getByRole("button", { name: "Lägg till en fråga" }).last().click();
    await page.getByText("Ändringen är inte sparad än").first().waitFor();
    await checkA11y(page, "frågorna, ny fråga");
    await page.getByRole("button", { name: "Spara frågorna" }).last().click();
    await page.getByText("Skriv fråga 8 på svenska").first().waitFor();
    await checkA11y(page, "frågorna, fel");
    await open(page, `${base}/fritext`, "svar med egna ord");
    await context.close();
  });
});
