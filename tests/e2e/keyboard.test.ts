// Browser journey by keyboard only: the skip link comes first, leads into the main content,
// and signing in needs nothing but typing, Tab and Enter.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, launchBrowser } from "../support/browser.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { DEMO, E2E_TIMEOUT, hydrated, newContext } from "./helpers.ts";

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

/** What has keyboard focus: tag, id, name and text, enough to tell the elements apart. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      id: el?.id ?? "",
      name: el?.getAttribute("name") ?? "",
      text: (el as HTMLElement | null)?.textContent?.trim().slice(0, 40) ?? "",
    };
  });

describe("keyboard only", () => {
  it(
    "skip link first, Enter moves into the content, and the sign-in is done with keys",
    async () => {
      const base = server.baseUrl;
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        await page.goto(`${base}/logga-in`);
        await hydrated(page);
        await checkA11y(page, "sign-in (keyboard)");
        expect((await focused(page)).tag).toBe("body");

        // the first Tab lands on the skip link, which then shows
        await page.keyboard.press("Tab");
        expect(await focused(page)).toEqual({
          tag: "a",
          id: "",
          name: "",
          text: "Hoppa till innehållet",
        });
        const skip = page.getByRole("link", { name: "Hoppa till innehållet" });
        const box = await skip.boundingBox();
        expect(box, "the focused skip link is on screen").not.toBeNull();
        expect(box?.x).toBeGreaterThanOrEqual(0);
        expect(box?.y).toBeGreaterThanOrEqual(0);
        expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");

        // Enter follows it: focus is on the main content
        await page.keyboard.press("Enter");
        await page.waitForFunction(() => document.activeElement?.id === "innehall", undefined, {
          polling: 50,
        });
        expect(await focused(page)).toMatchObject({ tag: "main", id: "innehall" });
        expect(new URL(page.url()).hash).toBe("#innehall");

        // from there, Tab reaches the form's fields in order; typing and Enter sign in
        await page.keyboard.press("Tab");
        expect(await focused(page)).toMatchObject({ tag: "input", id: "email" });
        await page.keyboard.type(DEMO.admin);
        await page.keyboard.press("Tab");
        expect(await focused(page)).toMatchObject({ tag: "input", id: "password" });
        await page.keyboard.type(DEMO.password);
        await page.keyboard.press("Tab");
        expect(await focused(page)).toMatchObject({ tag: "button", text: "Logga in" });
        await page.keyboard.press("Enter");
        await page.waitForURL(`${base}/demo`);
        await page.getByRole("heading", { level: 1, name: "Samordningsförbundet Demo" }).waitFor();
        expect(await page.locator(".site-header__user").textContent()).toBe("Maria Lindqvist");

        // on a signed-in page the skip link comes first too, then the header's links and button
        await page.goto(`${base}/demo`);
        await hydrated(page);
        const order: string[] = [];
        for (let i = 0; i < 4; i++) {
          await page.keyboard.press("Tab");
          order.push((await focused(page)).text);
        }
        expect(order).toEqual(["Hoppa till innehållet", "Samspår", "Mitt konto", "Logga ut"]);
        for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+Tab");
        expect((await focused(page)).text).toBe("Hoppa till innehållet");
        await page.keyboard.press("Enter");
        await page.waitForFunction(() => document.activeElement?.id === "innehall", undefined, {
          polling: 50,
        });
        // the next Tab goes into the content, past the header and the side navigation
        await page.keyboard.press("Tab");
        expect(await page.evaluate(() => document.activeElement?.closest("main")?.id)).toBe(
          "innehall",
        );
      } finally {
        await context.close();
      }
    },
    E2E_TIMEOUT,
  );
});
