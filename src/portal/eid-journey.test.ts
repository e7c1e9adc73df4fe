// Browser journey through the office's e-ID page (needs the web build: `npx react-router
// build`): a plain-http issuer is refused with a summary that links to the field, the broker is saved
// and answers the connection test; without JavaScript and by keyboard alone, e-ID is turned off
// again with the secret kept. Every page is checked with axe.
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, E2E_TIMEOUT, newContext, signIn, visit } from "../../tests/e2e/helpers.ts";
import { checkA11y, launchBrowser } from "../../tests/support/browser.ts";
import { startTestServer, type TestServer } from "../../tests/support/server.ts";
import { findAssociationBySlug } from "../associations/find-association.ts";
import { EID_CALLBACK_PATH, getEidSettings } from "./eid.ts";
import { type Broker, startBroker } from "./eid-broker-fixture.ts";
import { portalEidSettings } from "./schema.ts";

const PAGE = "/demo/e-legitimation";
const SECRET = "journey-broker-secret-that-is-long-enough-0123456789";

let server: TestServer;
let browser: Browser;
let broker: Broker;
let associationId = "";
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  associationId = (await findAssociationBySlug(server.db, "demo"))?.id ?? "";
  broker = await startBroker({
    redirectUri: `${server.baseUrl}${EID_CALLBACK_PATH}`,
    clientId: "samspar-resa",
    clientSecret: SECRET,
    claim: "personal_number",
    claimsParameter: true,
  });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await broker?.stop();
  await server?.stop();
});

async function signedIn(javaScriptEnabled: boolean, width = 1280): Promise<Page> {
  const context = await newContext(browser, {
    javaScriptEnabled,
    viewport: { width, height: 800 },
  });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server.baseUrl, DEMO.admin, DEMO.password);
  return page;
}

async function sealedSecret(): Promise<string> {
  const [row] = await server.db
    .select({ sealed: portalEidSettings.clientSecretSealed })
    .from(portalEidSettings)
    .where(eq(portalEidSettings.associationId, associationId));
  return row?.sealed ?? "";
}

describe("the office's e-ID page", () => {
  it(
    "refuses a plain-http issuer, saves the broker and tests the connection",
    async () => {
      const page = await signedIn(true);
      await visit(page, server.baseUrl, PAGE, "e-legitimation, inte inställd");
      await page.getByText("E-legitimation är inte inställd än.").waitFor();
      await expect(page.getByRole("main").textContent()).resolves.toContain(
        `${server.baseUrl}${EID_CALLBACK_PATH}`,
      );

      // plain http to another machine is refused at its field, and what was typed is kept
      await page.getByLabel("Låt deltagare logga in med e-legitimation").check();
      await page.getByLabel("Utfärdarens adress (issuer)").fill("http://eid.example.se");
      await page.getByLabel("Klient-id (client id)").fill("samspar-resa");
      await page.getByLabel("Klienthemlighet (client secret)").fill(SECRET);
      await page.getByRole("button", { name: "Spara inställningarna" }).click();
      await page
        .locator(".error-summary a", { hasText: "Utfärdarens adress måste börja med https://" })
        .waitFor();
      await checkA11y(page, "e-legitimation med fel");
      expect(await getEidSettings(server.db, associationId)).toBeUndefined();
      await expect(page.getByLabel("Klient-id (client id)").inputValue()).resolves.toBe(
        "samspar-resa",
      );

      await page.getByLabel("Utfärdarens adress (issuer)").fill(broker.issuer);
      await page.getByLabel("Klienthemlighet (client secret)").fill(SECRET);
      await page.getByRole("button", { name: "Spara inställningarna" }).click();
      await page
        .locator(".notice", { hasText: "Inställningarna för e-legitimation är sparade." })
        .waitFor();
      await page.getByText("E-legitimation är påslagen.").waitFor();
      await checkA11y(page, "e-legitimation sparad");
      expect(await page.content()).not.toContain(SECRET);

      await page.getByRole("button", { name: "Testa anslutningen" }).click();
      await page.getByText(`e-legitimationstjänsten ${broker.issuer} svarar`).waitFor();
      await checkA11y(page, "e-legitimation testad");
      expect(await getEidSettings(server.db, associationId)).toMatchObject({
        enabled: true,
        issuer: broker.issuer,
        clientId: "samspar-resa",
        personalNumberClaim: "personal_number",
        label: "BankID",
        version: 1,
      });
    },
    E2E_TIMEOUT,
  );

  it(
    "without JavaScript, at 360 px and by keyboard alone, turns e-ID off and keeps the secret",
    async () => {
      const sealedBefore = await sealedSecret();
      const page = await signedIn(false, 360);
      await visit(page, server.baseUrl, PAGE, "e-legitimation utan JavaScript");
      const enabled = page.getByLabel("Låt deltagare logga in med e-legitimation");
      await enabled.focus();
      await page.keyboard.press("Space");
      await expect(enabled.isChecked()).resolves.toBe(false);
      await page.getByLabel("Text på knappen").focus();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type("BankID eller Freja");
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.keyboard.press("Enter"),
      ]);
      expect(response.status()).toBe(302);
      await page.getByText("E-legitimation är avstängd.").waitFor();
      await checkA11y(page, "e-legitimation avstängd utan JavaScript");
      const saved = await getEidSettings(server.db, associationId);
      expect(saved).toMatchObject({ enabled: false, label: "BankID eller Freja", version: 2 });
      // the secret field was left empty: the sealed secret is the one saved before
      expect(await sealedSecret()).toBe(sealedBefore);
      expect(server.services.secrets.open(sealedBefore)).toBe(SECRET);
    },
    E2E_TIMEOUT,
  );
});
