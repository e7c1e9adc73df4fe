// The page editor and the delete confirm step in a browser with JavaScript off at 360 px: every
// kind of page passes axe (WCAG 2.1 A/AA) with Swedish alone and with Arabic beside it, with its
// saved files previewed (a picture with its alt text, a recording, a video with captions), and
// a refused quiz question with its error summary keeps what was typed.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, launchBrowser, newContext } from "../../tests/support/browser.ts";
import { startTestServer, type TestServer } from "../../tests/support/server.ts";
import { registerFixture } from "../register/register-fixture.ts";
import { createSession, SESSION_COOKIE } from "../sign-in/sessions.ts";
import { storeMedia } from "./media.ts";
import { addPage, updatePage } from "./pages.ts";
import { insertTestCourse, sampleFile } from "./test-course.ts";

const actor = { userId: null, label: "test" };
let server: TestServer;
let browser: Browser;
let token = "";
let base = "";
const pages: Record<string, string> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const f = await registerFixture(server.db, "kursa11y");
  const db = server.db;
  const who = f.admin;
  token = await createSession(db, {
    userId: who.userId,
    method: "password",
    secondFactorPending: false,
  });
  const { courseId, chapterIds } = await insertTestCourse(db, f.associationId, null);
  const chapterId = chapterIds[0] ?? "";
  base = `/kursa11y/kurser/${courseId}/kapitel/${chapterId}/sidor`;
  const add = (kind: string) => addPage(db, actor, who, f.associationId, courseId, chapterId, kind);
  const store = (kind: "bild" | "ljud" | "video" | "textning", data: Uint8Array, name: string) =>
    storeMedia(db, actor, who, f.associationId, courseId, kind, { fileName: name, data });
  pages.text = await add("text");
  pages.bild = await add("bild");
  await updatePage(
    db,
    actor,
    who,
    f.associationId,
    courseId,
    pages.bild,
    {
      mediaId: await store("bild", sampleFile.png(), "karta.png"),
      texts: {
        sv: { title: "Kartan", body: "", alt: "En karta över Tierp" },
        ar: { title: "الخريطة", body: "", alt: "خريطة تيربي" },
      },
    },
    1,
  );
  pages.ljud = await add("ljud");
  await updatePage(
    db,
    actor,
    who,
    f.associationId,
    courseId,
    pages.ljud,
    {
      texts: {
        sv: {
          title: "Lyssna",
          body: "Hej och välkommen.",
          audioId: await store("ljud", sampleFile.mp3(), "sv.mp3"),
        },
      },
    },
    1,
  );
  pages.video = await add("video");
  await updatePage(
    db,
    actor,
    who,
    f.associationId,
    courseId,
    pages.video,
    {
      mediaId: await store("video", sampleFile.mp4(), "film.mp4"),
      texts: {
        sv: {
          title: "Filmen",
          body: "",
          captionsId: await store("textning", sampleFile.vtt(), "sv.vtt"),
        },
      },
    },
    1,
  );
  pages.fraga = await add("fraga");
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function staffContext(): Promise<BrowserContext> {
  const context = await newContext(browser, {
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });
  await context.addCookies([
    {
      name: SESSION_COOKIE,
      value: token,
      domain: "localhost",
      path: "/",
      secure: SESSION_COOKIE.startsWith("__Host-"),
      sameSite: "Lax",
    },
  ]);
  return context;
}

describe("the page editor, without JavaScript at 360 px", () => {
  it("passes axe for every kind, in Swedish alone and beside Arabic", async () => {
    const context = await staffContext();
    const page = await context.newPage();
    for (const [kind, id] of Object.entries(pages))
      for (const sprak of ["sv", "ar"]) {
        await page.goto(`${server.baseUrl}${base}/${id}?sprak=${sprak}`);
        await checkA11y(page, `sida ${kind} (${sprak})`);
      }
    await page.goto(`${server.baseUrl}${base}?ta-bort=${pages.text}`);
    await page.getByRole("button", { name: "Ja, ta bort sidan" }).waitFor();
    await checkA11y(page, "ta bort en sida");
    await context.close();
  });

  it("refuses a quiz question without a right answer, keeping what was typed", async () => {
    const context = await staffContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}${base}/${pages.fraga}?sprak=ar`);
    await page.getByLabel("Rubrik på svenska").fill("Skolan");
    await page.locator("#option-sv-0").fill("Kommunen");
    await page.locator("#option-sv-1").fill("Staten");
    await page.getByRole("button", { name: "Spara sidan" }).click();
    await page.getByRole("link", { name: "Välj vilket svar som är rätt." }).waitFor();
    await checkA11y(page, "en fråga utan rätt svar");
    expect(await page.locator("#option-sv-1").inputValue()).toBe("Staten");
    await page.getByLabel("Rätt svar (alternativ 1)").check();
    await page.getByRole("button", { name: "Spara sidan" }).click();
    await page.getByText("Sidan är sparad.").waitFor();
    await context.close();
  });
});
