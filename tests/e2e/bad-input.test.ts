// Browser journey for what goes wrong: a form posted without its CSRF token or from another
// site is refused with a Swedish page, and an idle session ends with a plain explanation.
import { sql } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberOrganisations } from "../../src/associations/schema.ts";
import { sessions } from "../../src/sign-in/schema.ts";
import { SESSION_COOKIE } from "../../src/sign-in/sessions.ts";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext, pathOf, signIn } from "./helpers.ts";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const CSRF_TEXT =
  "Formuläret hade gått ut av säkerhetsskäl. Gå tillbaka, ladda om sidan och skicka igen.";

describe("refused and expired", () => {
  it(
    "refuses form posts without the CSRF token or from another site, in Swedish",
    async () => {
      const base = server.baseUrl;
      const before = await server.db.$count(memberOrganisations);
      const context = await newContext(browser, { javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await signIn(page, base, DEMO.admin, DEMO.password);

        // a request with the session cookie but no token
        const fields = { name: "Smygkommun", orgNumber: "212000-2882", kind: "kommun" };
        const bare = await page.request.post(`${base}/demo/organisationer`, {
          form: fields,
          maxRedirects: 0,
        });
        expect(bare.status()).toBe(403);
        expect(bare.headers()["content-type"]).toContain("text/html");
        const body = await bare.text();
        expect(body).toContain('<html lang="sv">');
        expect(body).toContain("Åtkomst nekad");
        expect(body).toContain(CSRF_TEXT);

        // a token from somewhere else, and a post that says it comes from another site
        const forged = await page.request.post(`${base}/demo/organisationer`, {
          form: { ...fields, _csrf: "x".repeat(43) },
        });
        expect(forged.status()).toBe(403);
        const token = await page.locator('input[name="_csrf"]').first().inputValue();
        expect(token.length).toBeGreaterThan(20);
        // (the token and session cookie do reach the server: with them, an empty form gets
        // as far as the validation)
        const empty = await page.request.post(`${base}/demo/organisationer`, {
          form: { name: "", orgNumber: "", kind: "", _csrf: token },
          maxRedirects: 0,
        });
        expect(empty.status()).toBe(400);
        expect(await empty.text()).toContain("Fyll i organisationsnumret");
        const crossSite = await page.request.post(`${base}/demo/organisationer`, {
          form: { ...fields, _csrf: token },
          headers: { origin: "https://angripare.example" },
        });
        expect(crossSite.status()).toBe(403);
        expect(await crossSite.text()).toContain(CSRF_TEXT);

        // the same in the browser: a real form whose token has gone missing
        await page.goto(`${base}/demo/organisationer`);
        await page.getByLabel("Namn").fill(fields.name);
        await page.getByLabel("Organisationsnummer").fill(fields.orgNumber);
        await page.getByLabel("Sorts organisation").selectOption(fields.kind);
        await page.locator('main form input[name="_csrf"]').evaluate((input) => input.remove());
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === "POST"),
          page.getByRole("button", { name: "Lägg till medlemsorganisation" }).click(),
        ]);
        expect(response.status()).toBe(403);
        await page.waitForLoadState("load");
        await expect(page.title()).resolves.toBe("Åtkomst nekad – Samspår");
        expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Åtkomst nekad");
        expect(await page.locator("main").textContent()).toContain(CSRF_TEXT);
        await checkA11y(page, "CSRF refusal");

        // with its token the same form goes through, so the refusals were about the token
        await page.goto(`${base}/demo/organisationer`);
        await page.getByLabel("Namn").fill("Ärlig kommun");
        await page.getByLabel("Organisationsnummer").fill(fields.orgNumber);
        await page.getByLabel("Sorts organisation").selectOption(fields.kind);
        await page.getByRole("button", { name: "Lägg till medlemsorganisation" }).click();
        await page.waitForURL(`${base}/demo/organisationer?klart=tillagd`);
        expect(await server.db.$count(memberOrganisations)).toBe(before + 1);
        expect(await page.locator("table tbody tr", { hasText: "Smygkommun" }).count()).toBe(0);
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );

  it(
    "sends a person whose session went idle to sign in again, with an explanation",
    async () => {
      const base = server.baseUrl;
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        await signIn(page, base, DEMO.admin, DEMO.password);
        await page.goto(`${base}/demo/personer`);
        await page.getByRole("heading", { level: 1, name: "Personer och roller" }).waitFor();

        // 31 minutes without a request
        await server.db.execute(
          sql`update sessions set last_seen_at = now() - interval '31 minutes'`,
        );
        const sessionsBefore = await server.db.$count(sessions);
        await page.reload();
        expect(pathOf(page)).toBe("/logga-in?till=%2Fdemo%2Fpersoner&utgangen=1");
        expect(await page.locator(".warning").textContent()).toBe(
          "Du har varit inaktiv en stund och har loggats ut. Logga in igen.",
        );
        expect(await page.locator(".site-header__user").count()).toBe(0);
        await checkA11y(page, "sign-in after an idle session");
        // the session is gone for good, not only hidden, and so is the cookie
        expect(await server.db.$count(sessions)).toBe(sessionsBefore - 1);
        expect((await context.cookies()).map((c) => c.name)).not.toContain(SESSION_COOKIE);

        // signing in again returns to where the person was
        await hydrated(page);
        await page.getByLabel("E-postadress").fill(DEMO.admin);
        await page.getByLabel("Lösenord").fill(DEMO.password);
        await page.getByRole("button", { name: "Logga in" }).click();
        await page.waitForURL(`${base}/demo/personer`);
        await page.getByRole("heading", { level: 1, name: "Personer och roller" }).waitFor();
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
