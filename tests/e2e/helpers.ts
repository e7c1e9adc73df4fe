// Shared steps for the browser journeys: open a page and check it with axe, sign in, read the side nav.
import type { Page } from "playwright-core";
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
