// Browser journey: an association that requires a second factor for staff. The first sign-in
// forces enrolment of an authenticator app; the next one asks for a code.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../src/associations/create-association.ts";
import { addUser } from "../../src/people/add-user.ts";
import { assignRole } from "../../src/people/assign-role.ts";
import { currentTotp } from "../../src/sign-in/totp.ts";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { E2E_TIMEOUT, hydrated, newContext, pathOf, submitSignIn } from "./helpers.ts";

const SLUG = "tva-steg";
const EMAIL = "kansli@tva-steg.example.se";
const PASSWORD = "granitbro-kvarnsten-41";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const actor = { userId: null, label: "test:e2e" };
  const association = await createAssociation(server.db, actor, {
    slug: SLUG,
    name: "Samordningsförbundet Tvåsteg",
    requireStaffTotp: true,
  });
  const user = await addUser(server.db, actor, {
    email: EMAIL,
    name: "Kim Kansli",
    password: PASSWORD,
    kind: "staff",
    associationId: association.id,
  });
  await assignRole(server.db, actor, {
    userId: user.id,
    associationId: association.id,
    role: "association_admin",
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Six digits that are not the code of the previous, this or the next time step. */
function wrongCode(secret: string): string {
  const now = Date.now();
  const valid = new Set(
    [-30_000, 0, 30_000, 60_000].map((offset) => currentTotp(secret, now + offset)),
  );
  for (const candidate of ["123456", "000000", "999999", "314159"])
    if (!valid.has(candidate)) return candidate;
  throw new Error("no wrong code found");
}

async function enterCode(page: Page, code: string, button: string): Promise<void> {
  await page.getByLabel("Engångskod från din app").fill(code);
  await page.getByRole("button", { name: button }).click();
}

describe("two-step verification", () => {
  // one person in one browser profile through both tests: enrolment, then the next sign-in
  let context: BrowserContext;
  let page: Page;
  let secret = "";

  beforeAll(async () => {
    context = await newContext(browser);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
  });

  it(
    "the first sign-in forces enrolment of an authenticator app",
    async () => {
      const base = server.baseUrl;
      // first sign-in: the password alone is not enough, enrolment is forced
      await page.goto(`${base}/${SLUG}`);
      expect(pathOf(page)).toBe(`/logga-in?till=%2F${SLUG}`);
      await hydrated(page);
      await submitSignIn(page, EMAIL, PASSWORD);
      await page.waitForURL(`${base}/logga-in/aktivera-kod?till=%2F${SLUG}`);
      await page.getByRole("heading", { level: 1, name: "Aktivera tvåstegsverifiering" }).waitFor();
      await checkA11y(page, "TOTP enrolment");

      secret = (await page.getByTestId("totp-secret").getAttribute("data-secret")) ?? "";
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);

      // nothing of the association is reachable before the second factor is done: going
      // there leads back to the enrolment, with the same key (not to a code nobody has yet)
      await page.goto(`${base}/${SLUG}`);
      expect(pathOf(page)).toBe(`/logga-in/aktivera-kod?till=%2F${SLUG}`);
      expect(await page.getByTestId("totp-secret").getAttribute("data-secret")).toBe(secret);
      await page.goto(`${base}/logga-in/aktivera-kod?till=%2F${SLUG}`);
      await expect(page.getByTestId("totp-secret").textContent()).resolves.toBe(
        secret.match(/.{4}/g)?.join(" "),
      );
      expect(
        await page
          .getByRole("img", { name: "QR-kod att skanna med din autentiseringsapp" })
          .locator("svg")
          .count(),
      ).toBe(1);

      // a wrong code: the Swedish error, in the summary and at the field
      await hydrated(page);
      await enterCode(page, wrongCode(secret), "Aktivera");
      const summary = page.locator(".error-summary");
      await summary.waitFor();
      expect(await summary.textContent()).toContain(
        "Koden stämmer inte. Skriv in den kod som visas i appen just nu.",
      );
      expect(await page.getByLabel("Engångskod från din app").getAttribute("aria-invalid")).toBe(
        "true",
      );
      expect(pathOf(page)).toBe(`/logga-in/aktivera-kod?till=%2F${SLUG}`);
      await checkA11y(page, "TOTP enrolment with error");
      // the same secret is still offered: the app the person already set up keeps working
      expect(await page.getByTestId("totp-secret").getAttribute("data-secret")).toBe(secret);

      // the code the app shows now: enrolled and in
      await enterCode(page, currentTotp(secret), "Aktivera");
      await page.waitForURL(`${base}/${SLUG}`);
      await page.getByRole("heading", { level: 1, name: "Samordningsförbundet Tvåsteg" }).waitFor();
      await checkA11y(page, "overview after enrolment");

      // sign out
      await hydrated(page);
      await page.getByRole("button", { name: "Logga ut" }).click();
      await page.waitForURL(`${base}/logga-in?utloggad=1`);
    },
    E2E_TIMEOUT,
  );

  it(
    "the next sign-in asks for a code from the app",
    async () => {
      const base = server.baseUrl;
      expect(secret, "the key enrolled in the test before").toMatch(/^[A-Z2-7]{32}$/);
      // second sign-in: now a code is asked for
      await page.goto(`${base}/${SLUG}`);
      await hydrated(page);
      await submitSignIn(page, EMAIL, PASSWORD);
      await page.waitForURL(`${base}/logga-in/kod?till=%2F${SLUG}`);
      await page.getByRole("heading", { level: 1, name: "Tvåstegsverifiering" }).waitFor();
      await checkA11y(page, "TOTP code");

      // with an authenticator enrolled, the password alone cannot enrol a new one
      await page.goto(`${base}/logga-in/aktivera-kod?till=%2F${SLUG}`);
      expect(pathOf(page)).toBe(`/logga-in/kod?till=%2F${SLUG}`);
      expect(await page.getByTestId("totp-secret").count()).toBe(0);

      await hydrated(page);
      await enterCode(page, wrongCode(secret), "Logga in");
      await page.locator(".error-summary").waitFor();
      expect(await page.locator(".error-summary").textContent()).toContain("Koden stämmer inte.");
      await checkA11y(page, "TOTP code with error");

      // the code used for enrolment may not be used again: take the next step's code,
      // which the ±1 step window accepts (and which proves the enrolled key is unchanged)
      await enterCode(page, currentTotp(secret, Date.now() + 30_000), "Logga in");
      await page.waitForURL(`${base}/${SLUG}`);
      await page.getByRole("heading", { level: 1, name: "Samordningsförbundet Tvåsteg" }).waitFor();
      expect(await page.locator(".site-header__user").textContent()).toBe("Kim Kansli");

      // the account page says the second factor is on
      await page.goto(`${base}/konto`);
      expect(await page.locator("main").textContent()).toContain(
        "Tvåstegsverifiering är aktiverad.",
      );
      await checkA11y(page, "account with TOTP");
    },
    E2E_TIMEOUT,
  );
});
