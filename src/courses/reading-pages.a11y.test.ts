// Reading a course in a browser with JavaScript off at 360 px: the course list, a course, each
// kind of page, a quiz answered by the form, the chapter's end and the start page's "Fortsätt
// kursen" pass axe (WCAG 2.1 A/AA) in Swedish and in Arabic; so does the staff's preview.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, launchBrowser, newContext } from "../../tests/support/browser.ts";
import { startTestServer, type TestServer } from "../../tests/support/server.ts";
import { PORTAL_LANGUAGE_COOKIE, PORTAL_SWEDISH_TOO_COOKIE } from "../portal/locales.ts";
import { portalAccountFixture } from "../portal/portal-account.fixture.ts";
import { registerFixture } from "../register/register-fixture.ts";
import { createSession, SESSION_COOKIE } from "../sign-in/sessions.ts";
import { makePublishedCourse, type PublishedCourse } from "./published-course-fixture.ts";

let server: TestServer;
let browser: Browser;
let course: PublishedCourse;
let participantToken = "";
let adminToken = "";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const VTT = new TextEncoder().encode("WEBVTT\n\n00:00.000 --> 00:01.000\nHej\n");
const WEBM = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4]);
const OGG = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2, 0, 0]);

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const f = await registerFixture(server.db, "kursa");
  const { principal } = await portalAccountFixture(server.db, f, f.tierp.initiative, "sv");
  participantToken = await createSession(server.db, {
    userId: principal.userId,
    method: "code",
    secondFactorPending: false,
  });
  adminToken = await createSession(server.db, {
    userId: f.admin.userId,
    method: "password",
    secondFactorPending: false,
  });
  course = await makePublishedCourse(server.db, {
    associationId: f.associationId,
    initiativeId: null,
    texts: {
      sv: { title: "Samhällsorientering", summary: "Om livet i Sverige." },
      ar: { title: "التوجيه المجتمعي", summary: "عن الحياة في السويد." },
    },
    locales: ["ar"],
    files: {
      karta: { kind: "bild", mediaType: "image/png", data: PNG },
      film: { kind: "video", mediaType: "video/webm", data: WEBM },
      vtt: { kind: "textning", mediaType: "text/vtt", data: VTT },
      ljud: { kind: "ljud", mediaType: "audio/ogg", data: OGG },
    },
    chapters: [
      {
        texts: { sv: { title: "Att bo", intro: "" }, ar: { title: "السكن", intro: "" } },
        pages: [
          {
            kind: "text",
            texts: {
              sv: { title: "Hyran", body: "Du betalar hyra.\n\n- Varje månad" },
              ar: { title: "الإيجار", body: "تدفع الإيجار.\n\n- كل شهر" },
            },
          },
          {
            kind: "bild",
            file: "karta",
            texts: {
              sv: { title: "Kartan", body: "Här bor du.", alt: "En karta över Tierp" },
              ar: { title: "الخريطة", body: "هنا تسكن.", alt: "خريطة تيرب" },
            },
          },
          {
            kind: "ljud",
            texts: {
              sv: { title: "Lyssna", body: "Välkommen till Tierp.", audioId: "file:ljud" },
              ar: { title: "استمع", body: "مرحباً بك في تيرب.", audioId: "file:ljud" },
            },
          },
          {
            kind: "video",
            file: "film",
            texts: {
              sv: { title: "Filmen", body: "", captionsId: "file:vtt" },
              ar: { title: "الفيلم", body: "", captionsId: "file:vtt" },
            },
          },
          {
            kind: "fraga",
            correctOption: 1,
            texts: {
              sv: {
                title: "Fråga",
                body: "När betalar du hyran?",
                options: ["Efter månaden", "Före månaden"],
                explanation: "Hyran betalas i förskott.",
              },
              ar: {
                title: "سؤال",
                body: "متى تدفع الإيجار؟",
                options: ["بعد الشهر", "قبل الشهر"],
                explanation: "يدفع الإيجار مقدماً.",
              },
            },
          },
        ],
      },
      {
        locales: ["sv"],
        texts: { sv: { title: "Att arbeta", intro: "" } },
        pages: [{ kind: "text", texts: { sv: { title: "Jobb", body: "Sök jobb." } } }],
      },
    ],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function contextWith(cookies: Record<string, string>): Promise<BrowserContext> {
  const context = await newContext(browser, {
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });
  await context.addCookies(
    Object.entries(cookies).map(([name, value]) => ({
      name,
      value,
      domain: "localhost",
      path: "/",
      secure: name.startsWith("__Host-"),
      sameSite: "Lax" as const,
    })),
  );
  return context;
}

async function open(page: Page, path: string, label: string) {
  await page.goto(`${server.baseUrl}${path}`);
  await checkA11y(page, label);
}

const chapter = (i: number) => `/portal/kurser/${course.courseId}/${course.chapterIds[i]}`;

describe("Kurser without JavaScript at 360 px", () => {
  it("passes axe in Swedish, through a whole chapter and its quiz", async () => {
    const context = await contextWith({ [SESSION_COOKIE]: participantToken });
    const page = await context.newPage();
    await open(page, "/portal/kurser", "Kurser (sv)");
    await page.getByRole("link", { name: /Börja kursen/ }).click();
    await page.getByRole("heading", { name: "Samhällsorientering" }).waitFor();
    await checkA11y(page, "en kurs (sv)");
    await page.getByRole("link", { name: /^Läs/ }).first().click();
    await page.getByRole("heading", { name: "Hyran" }).waitFor();
    await checkA11y(page, "textsida (sv)");
    for (const [heading, label] of [
      ["Kartan", "bildsida"],
      ["Lyssna", "uppläsning"],
      ["Filmen", "video"],
      ["Fråga", "fråga"],
    ] as const) {
      await page.getByRole("link", { name: "Nästa" }).click();
      await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
      await checkA11y(page, `${label} (sv)`);
    }
    await page.getByLabel("Efter månaden").check();
    await page.getByRole("button", { name: "Svara" }).click();
    await page.getByText("Inte rätt den här gången.").waitFor();
    await expect(page.getByText("Hyran betalas i förskott.").count()).resolves.toBe(1);
    await checkA11y(page, "fråga, besvarad (sv)");
    await page.getByRole("link", { name: "Nästa" }).click();
    await page.getByRole("heading", { name: "Du är klar med kapitlet!" }).waitFor();
    await checkA11y(page, "kapitlet klart (sv)");
    await page.getByRole("link", { name: "Nästa kapitel: Att arbeta" }).click();
    await page.getByRole("heading", { name: "Jobb" }).waitFor();
    await open(page, "/portal", "start med Fortsätt kursen (sv)");
    await expect(page.getByRole("heading", { name: "Fortsätt kursen" }).count()).resolves.toBe(1);
    await context.close();
  });

  it("passes axe in Arabic, with the Swedish too and a chapter shown in Swedish", async () => {
    const context = await contextWith({
      [SESSION_COOKIE]: participantToken,
      [PORTAL_LANGUAGE_COOKIE]: "ar",
      [PORTAL_SWEDISH_TOO_COOKIE]: "1",
    });
    const page = await context.newPage();
    await open(page, "/portal/kurser", "Kurser (ar)");
    await open(page, `/portal/kurser/${course.courseId}`, "en kurs (ar)");
    await open(page, `${chapter(0)}/1`, "textsida (ar, svenska också)");
    await open(page, `${chapter(0)}/3`, "uppläsning (ar)");
    await open(page, `${chapter(0)}/5`, "fråga (ar)");
    await page.getByLabel("قبل الشهر").check();
    await page.getByRole("button", { name: "أجب" }).click();
    await page.getByText("إجابة صحيحة!").waitFor();
    await checkA11y(page, "fråga, rätt (ar)");
    await open(page, `${chapter(1)}/1`, "kapitel på svenska (ar)");
    await expect(
      page.getByText("هذا الفصل غير متوفر بلغتك بعد.", { exact: false }).count(),
    ).resolves.toBe(1);
    await context.close();
  });

  it("passes axe on the staff's preview", async () => {
    const context = await contextWith({ [SESSION_COOKIE]: adminToken });
    const page = await context.newPage();
    const base = `/kursa/kurser/${course.courseId}/forhandsvisning`;
    await open(page, base, "förhandsvisning");
    await open(
      page,
      `${base}?sprak=ar&kapitel=${course.chapterIds[0]}&sida=5`,
      "förhandsvisning, fråga (ar)",
    );
    await open(
      page,
      `${base}?sprak=ar&kapitel=${course.chapterIds[1]}&sida=1`,
      "förhandsvisning, på svenska",
    );
    await context.close();
  });
});
