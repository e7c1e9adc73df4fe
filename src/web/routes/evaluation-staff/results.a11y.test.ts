// Tyck till's results and the courses' figures pass axe (WCAG 2.1 A/AA) without JavaScript, on
// a wide screen and at 320 px, with hidden counts, the chart and the disclosure notes on them
// (needs the web build: `npx react-router build`).
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, launchBrowser, newContext } from "../../../../tests/support/browser.ts";
import { startTestServer, type TestServer } from "../../../../tests/support/server.ts";
import { courseChapters, courses, courseVersions } from "../../../courses/schema.ts";
import { snapshotOf } from "../../../courses/texts.ts";
import { evaluationForms, evaluationResponses } from "../../../evaluation/schema.ts";
import { type RegisterFixture, registerFixture } from "../../../register/register-fixture.ts";
import { inRegister } from "../../../register/zone.ts";
import { createSession, SESSION_COOKIE } from "../../../sign-in/sessions.ts";

let server: TestServer;
let browser: Browser;
let f: RegisterFixture;
let token = "";

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  f = await registerFixture(server.db, "figurtillg");
  const [form] = await server.db
    .insert(evaluationForms)
    .values({
      associationId: f.associationId,
      initiativeId: f.tierp.initiative,
      kind: "kort",
      questions: [
        {
          id: "nojd",
          type: "skala",
          texts: { sv: { text: "Hur nöjd är du med mötet?", low: "Inte alls", high: "Mycket" } },
        },
        { id: "mer", type: "fritext", texts: { sv: { text: "Vill du säga något mer?" } } },
      ],
      updatedByName: "Test",
    })
    .returning({ id: evaluationForms.id });
  const access = await f.access(f.officers.tierp);
  await inRegister(server.db, access.scope, async (tx) => {
    for (const v of [5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 3, 2])
      await tx.insert(evaluationResponses).values({
        associationId: f.associationId,
        dataControllerId: f.tierp.controller,
        initiativeId: f.tierp.initiative,
        formId: form?.id as string,
        formVersion: 1,
        kind: "kort",
        context: "mote",
        month: "2026-03-01",
        answers: [
          { questionId: "nojd", type: "skala", questionSv: "Hur nöjd är du med mötet?", value: v },
        ],
      });
  });
  const [course] = await server.db
    .insert(courses)
    .values({
      associationId: f.associationId,
      initiativeId: null,
      texts: { sv: { title: "Samhällsorientering", summary: "" } },
      updatedByName: "Test",
    })
    .returning();
  const [chapter] = await server.db
    .insert(courseChapters)
    .values({
      courseId: course?.id as string,
      texts: { sv: { title: "Kapitel 1", intro: "" } },
      updatedByName: "Test",
    })
    .returning();
  if (!course || !chapter) throw new Error("no course");
  await server.db.insert(courseVersions).values({
    courseId: course.id,
    number: 1,
    snapshot: snapshotOf(course, [{ chapter, pages: [], ready: [] }]),
    publishedByName: "Test",
  });
  token = await createSession(server.db, {
    userId: f.admin.userId,
    method: "password",
    secondFactorPending: false,
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function contextAt(width: number): Promise<BrowserContext> {
  const context = await newContext(browser, {
    javaScriptEnabled: false,
    viewport: { width, height: 800 },
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

describe("the protected figures' pages", () => {
  for (const width of [1280, 320])
    it(`pass axe at ${width} px without JavaScript`, async () => {
      const context = await contextAt(width);
      const page = await context.newPage();
      const base = `${server.baseUrl}/figurtillg/insatser/${f.tierp.initiative}/portal`;
      await page.goto(`${base}/tyck-till/resultat?fran=2026-03&till=2026-04&svar=mote`);
      await expect(page.getByRole("heading", { level: 1 })).toBeDefined();
      expect(await page.locator("svg[role=img]").count()).toBe(1);
      await checkA11y(page, `Tyck till – resultat (${width} px)`);
      await page.goto(`${base}/tyck-till/resultat?fran=2026-13&till=2026-04&svar=mote`);
      await checkA11y(page, `Tyck till – resultat, fel period (${width} px)`);
      await page.goto(`${base}/kurser?fran=2026-03&till=2026-04`);
      expect(await page.locator("table[data-table=kurs]").count()).toBe(1);
      await checkA11y(page, `Kurser i portalen (${width} px)`);
      await context.close();
    });
});
