// Every page, through axe: each role of the demo signs in and follows every same-origin link it
// can reach (GET only; never signing out), and each kind of page (the path with ids and numbers
// replaced, and the names of its query's parameters) is opened in the browser with JavaScript off
// and checked with axe, once, by the first role that reaches it. The journeys check the pages they
// walk through; this finds the ones no journey visits: a list's empty state, a role's read-only
// view, a log's second page.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/seed-demo.ts";
import { crawl, HttpClient, pageKind } from "../privacy/http-client.ts";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { E2E_TIMEOUT, newContext, submitSignIn } from "./helpers.ts";

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

/** The HTML pages a signed-in client reaches from `seeds`, one per kind not in `skipKinds`. */
async function reachable(
  client: HttpClient,
  seeds: string[],
  skipKinds: Set<string>,
): Promise<{ pages: string[]; reached: number }> {
  const found = await crawl(client, seeds, { cap: 1000, parallel: 4, perKind: 1 });
  const html = found.answers.filter((a) => a.status === 200 && a.contentType.includes("text/html"));
  const kinds = new Set(skipKinds);
  const pages: string[] = [];
  for (const answer of html) {
    const kind = pageKind(new URL(answer.url, client.base));
    if (kinds.has(kind)) continue;
    kinds.add(kind);
    pages.push(answer.url);
  }
  return { pages, reached: html.length };
}

/** The demo's roles, each with the least number of pages its crawl must reach. */
const ROLES = [
  { email: "forbundschef@demo.samspar.se", seeds: ["/", "/demo"], atLeast: 60 },
  { email: "styrelsen@demo.samspar.se", seeds: ["/", "/demo"], atLeast: 30 },
  { email: "insatsansvarig@demo.samspar.se", seeds: ["/", "/demo"], atLeast: 25 },
  { email: "styrgruppen@demo.samspar.se", seeds: ["/", "/demo"], atLeast: 20 },
  { email: "coach@demo.samspar.se", seeds: ["/", "/demo"], atLeast: 25 },
  { email: "kommunikator@demo.samspar.se", seeds: ["/", "/demo"], atLeast: 25 },
  { email: "granskare@demo.samspar.se", seeds: ["/", "/demo"], atLeast: 10 },
  { email: "deltagare@demo.samspar.se", seeds: ["/portal"], atLeast: 10 },
];

describe("every page a demo role reaches", () => {
  const checked = new Set<string>();
  for (const role of ROLES)
    it(
      `passes axe for ${role.email}`,
      async () => {
        const context = await newContext(browser, { javaScriptEnabled: false });
        try {
          const page = await context.newPage();
          await page.goto(`${server.baseUrl}/logga-in`);
          await submitSignIn(page, role.email, DEMO_PASSWORD);
          await page.waitForLoadState("load");
          expect(new URL(page.url()).pathname, "signed in").not.toContain("/logga-in");
          const client = new HttpClient(server.baseUrl);
          await client.signIn(role.email, DEMO_PASSWORD);
          const found = await reachable(client, role.seeds, checked);
          // a crawl that found nothing would pass without checking anything
          expect(found.reached, "pages reached").toBeGreaterThanOrEqual(role.atLeast);
          const failures: string[] = [];
          for (const path of found.pages) {
            checked.add(pageKind(new URL(path, server.baseUrl)));
            const response = await page.goto(server.baseUrl + path);
            if (response?.status() !== 200) continue;
            try {
              await checkA11y(page, `${role.email} ${path}`);
            } catch (error) {
              failures.push((error as Error).message);
            }
          }
          expect(failures.join("\n\n")).toBe("");
        } finally {
          await context.close();
        }
      },
      10 * E2E_TIMEOUT,
    );
});
