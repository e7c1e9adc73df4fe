// Mina uppgifter as a page and a download (issue 10): the courses a participant read, their quiz
// answers and Tyck till's receipts show on the page and are in the JSON download; another
// participant's never are.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { makePublishedCourse } from "../courses/published-course-fixture.ts";
import { courseProgress, quizAnswers } from "../courses/schema.ts";
import { evaluationReceipts } from "../evaluation/schema.ts";
import { registerCryptoFor } from "../register/key.server.ts";
import { registerParticipant } from "../register/participants.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../register/register-fixture.ts";
import type { SubjectExport } from "../register/subject-export.ts";
import { createSession } from "../sign-in/sessions.ts";
import { makePortalAccount } from "./portal-account-fixture.ts";

let t: TestDatabase;
let app: TestApp;
let f: RegisterFixture;
const as = { lisa: "", omar: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  app = await createTestApp(t);
  f = await registerFixture(t.db, "minauppgifter");
  const crypto = registerCryptoFor(app.services.config);
  const access = await f.access(f.officers.tierp);
  const enroll = (number: string, name: string) =>
    registerParticipant(
      t.db,
      crypto,
      access.actor,
      access.scope,
      {
        initiativeId: f.tierp.initiative,
        personalNumber: number,
        name,
        consent: { consentedOn: "2026-03-02", textVersion: "2026:1", language: "arabiska" },
        gender: "kvinna",
        birthYear: null,
        startDate: "2026-03-02",
        background: {
          education: "gymnasial",
          supportBefore: ["a_kassa"],
          timeOnSupport: "1_2_ar",
          occupationBefore: "arbetslos",
          referrer: "kommun",
        },
        municipalityCode: "0360",
      },
      "2026-03-02",
    );
  const lisa = await enroll(personalNumber("19850312", "123"), "Lisa Lind");
  const omar = await enroll(personalNumber("19900101", "456"), "Omar Olsson");
  const account = (participantId: string, locale: "ar" | "sv") =>
    makePortalAccount(t.db, {
      associationId: f.associationId,
      dataControllerId: f.tierp.controller,
      initiativeId: f.tierp.initiative,
      participantId,
      locale,
    });
  const session = async (participantId: string, locale: "ar" | "sv") =>
    createSession(t.db, {
      userId: (await account(participantId, locale)).userId,
      method: "code",
      secondFactorPending: false,
    });
  as.lisa = await session(lisa.participantId, "ar");
  as.omar = await session(omar.participantId, "sv");

  const course = await makePublishedCourse(t.db, {
    associationId: f.associationId,
    initiativeId: null,
    locales: ["ar"],
    texts: {
      sv: { title: "Samhällsorientering", summary: "" },
      ar: { title: "التوجيه المجتمعي", summary: "" },
    },
    chapters: [
      {
        texts: {
          sv: { title: "Att bo i Sverige", intro: "" },
          ar: { title: "السكن في السويد", intro: "" },
        },
        pages: [
          {
            kind: "fraga",
            correctOption: 0,
            texts: {
              sv: {
                title: "Vem betalar hyran?",
                body: "Fråga.",
                options: ["Du", "Kommunen"],
                explanation: "Du.",
              },
              ar: {
                title: "من يدفع الإيجار؟",
                body: "سؤال.",
                options: ["أنت", "البلدية"],
                explanation: "أنت.",
              },
            },
          },
        ],
      },
      {
        texts: { sv: { title: "Omars kapitel", intro: "" } },
        locales: ["sv"],
        pages: [{ kind: "text", texts: { sv: { title: "Omars sida", body: "Text." } } }],
      },
    ],
  });
  const row = (participantId: string, chapter: number) => ({
    associationId: f.associationId,
    dataControllerId: f.tierp.controller,
    initiativeId: f.tierp.initiative,
    participantId,
    courseId: course.courseId,
    chapterId: course.chapterIds[chapter] ?? "",
  });
  await t.owner.db
    .insert(courseProgress)
    .values([
      { ...row(lisa.participantId, 0), completedAt: new Date("2026-11-02T09:30:00Z") },
      row(omar.participantId, 1),
    ]);
  await t.owner.db.insert(quizAnswers).values({
    ...row(lisa.participantId, 0),
    pageId: course.pageIds[0]?.[0] ?? "",
    chosenOption: 1,
    correct: false,
  });
  const receipt = (participantId: string, chapter: number) => {
    const { courseId: _, chapterId, ...who } = row(participantId, chapter);
    return { ...who, context: "kapitel" as const, contextKey: chapterId, on: "2026-11-02" };
  };
  await t.owner.db.insert(evaluationReceipts).values([
    { ...receipt(lisa.participantId, 0), outcome: "avstod" },
    { ...receipt(omar.participantId, 1), outcome: "svarat" },
  ]);
});
afterAll(() => t?.drop());

const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");

describe("the courses and Tyck till in Mina uppgifter", () => {
  it("shows the participant's reading, quiz answer and receipt, and downloads them, and nobody else's", async () => {
    const response = await app.fetch("/portal/mina-uppgifter", { as: as.lisa });
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = textOf(html);
    // (the page's language is the language cookie's, which the test app does not send: Swedish;
    // the names in Arabic are tested in my-data.test.ts)
    for (const shown of [
      "Kurser du har läst",
      "Samhällsorientering : Att bo i Sverige",
      "Klart måndag 2 november 2026.",
      "Att bo i Sverige : Vem betalar hyran? Ditt svar: Kommunen – Fel",
      "Dina svar i Tyck till sparas utan ditt namn och kan inte tas fram per person.",
      "Om kapitlet : Att bo i Sverige Du hoppade över måndag 2 november 2026.",
    ])
      expect(text).toContain(shown);
    expect(text).not.toContain("Omars kapitel");

    const json = await app.fetch("/portal/mina-uppgifter/utdrag.json", { as: as.lisa });
    expect(json.status).toBe(200);
    const body = await json.text();
    const exported = JSON.parse(body) as SubjectExport;
    expect(exported.portal.courses.map((c) => [c.course, c.chapter])).toEqual([
      ["Samhällsorientering", "Att bo i Sverige"],
    ]);
    expect(exported.portal.quizAnswers.map((q) => [q.question, q.answer, q.result])).toEqual([
      ["Vem betalar hyran?", "Kommunen", "fel"],
    ]);
    expect(exported.portal.evaluation.receipts.map((r) => r.outcome.code)).toEqual(["avstod"]);
    expect(body).not.toContain("Omars");
  });

  it("shows a participant with Swedish the Swedish names, and only their own", async () => {
    const text = textOf(await (await app.fetch("/portal/mina-uppgifter", { as: as.omar })).text());
    for (const shown of [
      "Kurser du har läst",
      "Omars kapitel",
      "Du svarade",
      "Du har inte svarat på någon kursfråga.",
    ])
      expect(text).toContain(shown);
    expect(text).not.toContain("Att bo i Sverige");
    expect(text).not.toContain("Vem betalar hyran?");
  });
});
