// Browser tests' tools: Debian's Chromium driven by playwright-core (never a downloaded
// browser), and an axe check that fails a test on any WCAG 2.1 A/AA violation.
import fs from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium saknas (${CHROMIUM}). Webbläsartesterna kör Debians Chromium: installera den med "apt-get install -y chromium" (CI:s .ci/run gör det).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const withoutJavaScript = new WeakSet<BrowserContext>();

/** A fresh browser profile (no cookies, Swedish); a step that waits more than 15 s fails there. */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "sv-SE", ...options });
  context.setDefaultTimeout(15_000);
  if (options.javaScriptEnabled === false) withoutJavaScript.add(context);
  return context;
}

/** Whether the page's browser profile runs JavaScript (see newContext). */
export const runsJavaScript = (page: Page) => !withoutJavaScript.has(page.context());

/** One page with JavaScript per browser, where copies of pages without JavaScript are checked. */
const mirrors = new WeakMap<Browser, Promise<{ page: Page; html: { current: string } }>>();

function mirrorFor(browser: Browser) {
  let mirror = mirrors.get(browser);
  if (!mirror) {
    mirror = (async () => {
      const context = await browser.newContext({ locale: "sv-SE" });
      const page = await context.newPage();
      const html = { current: "" };
      // the copied document is served at its own URL, so its style sheets load as they did
      await page.route("**/*", (route) =>
        route.request().isNavigationRequest()
          ? route.fulfill({
              status: 200,
              contentType: "text/html; charset=utf-8",
              body: html.current,
            })
          : route.continue(),
      );
      return { page, html };
    })();
    mirrors.set(browser, mirror);
  }
  return mirror;
}

/**
 * Runs `check` on the page, or, for a page of a context without JavaScript (where axe cannot
 * run: it needs timers and promises), on a copy of it in a page with JavaScript: the same
 * URL, HTML and style sheets, with the scripts removed so the copy stays as it was rendered.
 */
async function scriptable<T>(page: Page, check: (target: Page) => Promise<T>): Promise<T> {
  const browser = page.context().browser();
  if (runsJavaScript(page) || !browser) return check(page);
  const mirror = await mirrorFor(browser);
  mirror.html.current = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  await mirror.page.goto(page.url().replace(/#.*$/, ""));
  return check(mirror.page);
}

/** Every page checked in this test file, by label: journeys assert they checked what they visited. */
export const checkedPages: string[] = [];

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page as it is now; throws listing every violation. */
export async function checkA11y(page: Page, label: string): Promise<void> {
  // legacy mode runs axe.run() inside the page: our pages have no cross-origin frames, and the
  // default mode's finishing step in a blank page of its own takes twice as long and leaves
  // the tested page in the background (where Chromium stops animation frames)
  const results = await scriptable(page, (target) =>
    new AxeBuilder({ page: target })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .setLegacyMode(true)
      .analyze(),
  );
  checkedPages.push(label);
  if (results.passes.length === 0)
    throw new Error(`axe: inga regler kördes på "${label}" (${page.url()}): är sidan tom?`);
  if (results.violations.length === 0) return;
  const lines = results.violations.map((v) => {
    const targets = v.nodes.map(
      (n) =>
        `    ${n.target.join(" ")}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`,
    );
    return `  ${v.id} (${v.impact ?? "?"}): ${v.help}\n${targets.join("\n")}`;
  });
  throw new Error(
    `axe: ${results.violations.length} brott mot WCAG på "${label}" (${page.url()}):\n${lines.join("\n")}`,
  );
}
