// Shared steps for the browser journeys: open a page and check it with axe, sign in, read the side nav.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/seed-demo.ts";
import { checkA11y, runsJavaScript } from "../support/browser.ts";

export { newContext } from "../support/browser.ts";

export const E2E_TIMEOUT = 60_000;

export const DEMO = {
  admin: "forbundschef@demo.samspar.se",
  auditor: "granskare@demo.samspar.se",
  participant: "deltagare@demo.samspar.se",
  password: DEMO_PASSWORD,
} as const;

/** The path and query of the page's URL, e.g. "/logga-in?till=%2Fdemo". */
export const pathOf = (page: Page) => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};

/** Waits until React has taken over the server-rendered page (when JavaScript is on). */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  if (!runsJavaScript(page)) return;
  await page.waitForFunction(
    () =>
      (window as unknown as { __reactRouterDataRouter?: { state: { initialized: boolean } } })
        .__reactRouterDataRouter?.state.initialized === true,
    undefined,
    { polling: 50 },
  );
}

/** Opens a path (full page load), checks the status and the page with axe. */
export async function visit(
  page: Page,
  baseUrl: string,
  path: string,
  label: string,
  status = 200,
): Promise<void> {
  const response = await page.goto(baseUrl + path);
  expect(response?.status(), `status of ${path}`).toBe(status);
  await checkA11y(page, label);
}

/** Fills in and sends the sign-in form on the current page. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
}

/** Signs in from the sign-in page itself; a person with one association lands on it. */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
  landing = "/demo",
): Promise<void> {
  await page.goto(`${baseUrl}/logga-in`);
  await hydrated(page);
  await submitSignIn(page, email, password);
  await page.waitForURL(`${baseUrl}${landing}`);
  // the header names the person once the signed-in page has rendered
  await page.locator(".site-header__user").waitFor();
}

/** The link texts of the association's side navigation. */
export async function sideNav(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Huvudmeny" });
  await nav.waitFor();
  return (await nav.getByRole("link").allInnerTexts()).map((s) => s.trim());
}

/** A participant's phone in the journeys: 360 px wide, touch, JavaScript off. */
export const PHONE = {
  javaScriptEnabled: false,
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
} as const;

/** The "Hantera …" block of one participant on the staff's portal page, opened. */
export async function manageParticipant(page: Page, participantId: string): Promise<Locator> {
  const block = page.locator("details.portal-staff-manage", {
    has: page.locator(`input[name="participantId"][value="${participantId}"]`),
  });
  if ((await block.getAttribute("open")) === null) await block.locator("summary").click();
  return block;
}

/**
 * Makes a participant's sign-in code shown on the staff's portal page ("visa"), as the staff
 * would, and waits until the new code is on the page (JavaScript on). `who` is the masked
 * identity the page names the participant by. Returns the code box.
 */
export async function makeShownCode(
  page: Page,
  participant: { id: string; who: string },
): Promise<Locator> {
  const shown = page.locator(".portal-code-print__code");
  const before = (await shown.count()) > 0 ? await shown.first().textContent() : null;
  const block = await manageParticipant(page, participant.id);
  await block.getByRole("radio", { name: "Visa koden här (skriv ut eller läs upp den)" }).check();
  await block.getByRole("button", { name: "Gör en ny kod" }).click();
  await page.getByRole("heading", { level: 2, name: `Ny kod för ${participant.who}` }).waitFor();
  await page.waitForFunction(
    (old) => {
      const text = document.querySelector(".portal-code-print__code")?.textContent;
      return !!text && text !== old;
    },
    before,
    { polling: 50 },
  );
  return shown.first();
}

/** The code in the code box, which must look like a sign-in code ("ABCD-EFGH"). */
export async function codeIn(shown: Locator): Promise<string> {
  const code = ((await shown.textContent()) ?? "").trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  return code;
}
