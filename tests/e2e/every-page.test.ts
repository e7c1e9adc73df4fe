// Every page, through axe: each role of the demo signs in and follows every same-origin link it
// can reach (GET only; never signing out), and each kind of page (the path with ids and numbers
// replaced, and the names of its query's parameters) is opened in the browser with JavaScript off
// and checked with axe, once, by the first role that reaches it. The journeys check the pages they
// walk through; this finds the ones no journey visits: a list's empty state, a role's read-only
// view, a log's second page.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/seed-demo.ts";
import { pageKind } from "../privacy/http-client.ts";
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

/** Never followed: signing out, files, the language switch, e-ID and OIDC round trips. */
const NEVER = [
  /^\/logga-ut(\/|$)/,
  /^\/portal\/logga-ut(\/|$)/,
  /^\/assets\//,
  /^\/sprak(\/|$)/,
  /^\/portal\/sprak(\/|$)/,
  /^\/logga-in\/oidc/,
  /^\/portal\/e-legitimation/,
];

const hrefs = (html: string): string[] =>
  [...html.matchAll(/<a\b[^>]*?\bhref="([^"]*)"/gi)].map((m) =>
    (m[1] ?? "").replace(/&amp;/g, "&"),
  );

/** The HTML pages a signed-in context reaches from `seeds`, one per kind. */
async function reachable(
  context: BrowserContext,
  base: string,
  seeds: string[],
  skipKinds: Set<string>,
): Promise<{ pages: string[]; reached: number }> {
  const origin = new URL(base).origin;
  const kinds = new Set<string>();
  const seen = new Set<string>();
  const queue: string[] = [];
  const pages: string[] = [];
  let reached = 0;
  const add = (href: string, from: string) => {
    if (!href || href.startsWith("#") || /^(mailto|tel|javascript|data):/i.test(href)) return;
    const url = new URL(href, new URL(from, origin));
    if (url.origin !== origin || NEVER.some((re) => re.test(url.pathname))) return;
    url.hash = "";
    const key = url.pathname + url.search;
    const kind = pageKind(url);
    if (seen.has(key) || kinds.has(kind)) return;
    seen.add(key);
    kinds.add(kind);
    queue.push(key);
  };
  for (const seed of seeds) add(seed, "/");
  while (queue.length > 0) {
    const batch = queue.splice(0, 4);
    await Promise.all(
      batch.map(async (path) => {
        const answer = await context.request.get(base + path, { maxRedirects: 0 });
        const location = answer.headers().location;
        if (location) add(location, path);
        if (!(answer.headers()["content-type"] ?? "").includes("text/html")) return;
        const html = await answer.text();
        if (answer.status() === 200) reached++;
        if (answer.status() === 200 && !skipKinds.has(pageKind(new URL(path, origin))))
          pages.push(path);
        for (const href of hrefs(html)) add(href, path);
      }),
    );
  }
  return { pages, reached };
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
          const found = await reachable(context, server.baseUrl, role.seeds, checked);
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
