// The staff's course pages in a browser with JavaScript off at 360 px: the course list, a
// course with its translation matrix and publishing (Swedish beside Arabic), a chapter with its
// pages and translation statuses, and a refused save with its error summary all pass axe.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { checkA11y, launchBrowser, newContext } from "../../tests/support/browser.ts";
import { startTestServer, type TestServer } from "../../tests/support/server.ts";
import { registerFixture } from "../register/register-fixture.ts";
import { createSession, SESSION_COOKIE } from "../sign-in/sessions.ts";
import { type CourseFixture, makeCourseDraft } from "./course-fixture.ts";
import { publishCourse } from "./publish.ts";

const actor = { userId: null, label: "test" };
let server: TestServer;
let browser: Browser;
let token = "";
let course: CourseFixture;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const f = await registerFixture(server.db, "kurstillg");
  token = await createSession(server.db, {
    userId: f.admin.userId,
    method: "password",
    secondFactorPending: false,
  });
  course = await makeCourseDraft(server.db, {
    associationId: f.associationId,
    initiativeId: null,
    actor,
    principal: f.admin,
    confirmEnglish: false,
  });
  await publishCourse(server.db, actor, f.admin, f.associationId, course.courseId, {
    expectedVersion: 3,
    note: "Första versionen",
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the staff's course pages, without JavaScript at 360 px", () => {
  it("pass axe", async () => {
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
    const page = await context.newPage();
    const base = `${server.baseUrl}/kurstillg/kurser`;
    await page.goto(base);
    await checkA11y(page, "kurser");
    await page.goto(`${base}/${course.courseId}?sprak=ar`);
    await checkA11y(page, "en kurs (ar)");
    await page.getByLabel("Namn på svenska").fill("");
    await page.getByRole("button", { name: "Spara kursen" }).click();
    await page.getByText("Skriv kursens namn på svenska.").first().waitFor();
    await checkA11y(page, "en kurs, fel");
    await page.goto(`${base}/${course.courseId}/kapitel/${course.chapterIds[0]}?sprak=en`);
    await checkA11y(page, "ett kapitel (en)");
    await context.close();
  });
});
