// Mina uppgifter on a real database: the participant sees their own record (identity masked),
// their plan, bookings and portal contact, and who has read it (organisation, action, newest
// first); the download — the register extract with the participant as the actor — holds their
// own data and the access log about them, is itself logged as an export, and holds nothing of
// another participant of the same initiative.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { makePublishedCourse, type PublishedCourse } from "../courses/published-course-fixture.ts";
import { courseProgress, quizAnswers } from "../courses/schema.ts";
import { pdfText, squash } from "../documents/testing.ts";
import { evaluationReceipts } from "../evaluation/schema.ts";
import { getEnrollment, registerParticipant } from "../register/participants.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../register/register-fixture.ts";
import { accessLog } from "../register/schema.ts";
import type { RegisterAccess } from "../register/scope.ts";
import { dataSubjectExport } from "../register/subject-export.ts";
import { type PortalAccount, participantActor, portalScope } from "./accounts.ts";
import { myData } from "./my-data.ts";
import { addPlanStep } from "./plan.ts";
import { makePortalAccount } from "./portal-account-fixture.ts";

const TODAY = "2026-11-23";
const LISA = personalNumber("19850312", "123");
const OMAR = personalNumber("19900101", "456");
let t: TestDatabase;
let f: RegisterFixture;
let tierp: RegisterAccess;
const ids = { lisa: "", lisaEnrollment: "", omar: "", omarEnrollment: "" };
let lisa: PortalAccount;
let course: PublishedCourse;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "mydata");
  tierp = await f.access(f.officers.tierp);
  const enroll = (number: string, name: string, gender: "kvinna" | "man") =>
    registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      {
        initiativeId: f.tierp.initiative,
        personalNumber: number,
        name,
        gender,
        birthYear: null,
        startDate: "2026-09-01",
        consent: { consentedOn: "2026-09-01", textVersion: "2026:1", language: "arabiska" },
        background: {
          education: "gymnasial",
          supportBefore: ["a_kassa"],
          timeOnSupport: "1_2_ar",
          occupationBefore: "arbetslos",
          referrer: "kommun",
        },
        municipalityCode: "0360",
      },
      TODAY,
    );
  const l = await enroll(LISA, "Lisa Lind", "kvinna");
  const o = await enroll(OMAR, "Omar Olsson", "man");
  Object.assign(ids, {
    lisa: l.participantId,
    lisaEnrollment: l.enrollmentId,
    omar: o.participantId,
    omarEnrollment: o.enrollmentId,
  });
  lisa = await makePortalAccount(t.db, {
    associationId: f.associationId,
    dataControllerId: f.tierp.controller,
    initiativeId: f.tierp.initiative,
    participantId: ids.lisa,
    locale: "ar",
    phoneCiphertext: f.crypto.encrypt("070-123 45 67"),
    reminders: "sms",
  });
  await makePortalAccount(t.db, {
    associationId: f.associationId,
    dataControllerId: f.tierp.controller,
    initiativeId: f.tierp.initiative,
    participantId: ids.omar,
    emailCiphertext: f.crypto.encrypt("omar@example.se"),
  });
  const coach = { ...tierp, audit: { userId: null, label: "anna@example.se" } };
  await addPlanStep(t.db, coach, ids.lisaEnrollment, {
    title: "Träffa studievägledaren",
    dueOn: "2026-12-01",
  });
  await addPlanStep(t.db, coach, ids.omarEnrollment, { title: "Omars hemliga steg" });
  // a course in Swedish and Arabic: Lisa read chapter 1 (done) and answered its question wrong;
  // Omar read chapter 2 and answered right; each has a Tyck till receipt
  course = await makePublishedCourse(t.db, {
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
            kind: "text",
            texts: { sv: { title: "Hyra", body: "Text." }, ar: { title: "الإيجار", body: "نص." } },
          },
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
        pages: [
          {
            kind: "fraga",
            correctOption: 1,
            texts: {
              sv: {
                title: "Omars fråga",
                body: "Fråga.",
                options: ["Nej", "Omars svar"],
                explanation: ".",
              },
            },
          },
        ],
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
  await t.owner.db.insert(courseProgress).values([
    {
      ...row(ids.lisa, 0),
      lastPageId: course.pageIds[0]?.[1] ?? null,
      startedAt: new Date("2026-11-02T09:00:00Z"),
      completedAt: new Date("2026-11-02T09:30:00Z"),
    },
    { ...row(ids.omar, 1), startedAt: new Date("2026-11-03T09:00:00Z") },
  ]);
  await t.owner.db.insert(quizAnswers).values([
    {
      ...row(ids.lisa, 0),
      pageId: course.pageIds[0]?.[1] ?? "",
      chosenOption: 1,
      correct: false,
      tries: 2,
      answeredAt: new Date("2026-11-02T09:20:00Z"),
    },
    {
      ...row(ids.omar, 1),
      pageId: course.pageIds[1]?.[0] ?? "",
      chosenOption: 1,
      correct: true,
      answeredAt: new Date("2026-11-03T09:20:00Z"),
    },
  ]);
  const receipt = (participantId: string, chapter: number, outcome: "svarat" | "avstod") => {
    const { courseId: _, chapterId, ...rest } = row(participantId, chapter);
    return {
      ...rest,
      context: "kapitel" as const,
      contextKey: chapterId,
      outcome,
      on: "2026-11-02",
    };
  };
  await t.owner.db
    .insert(evaluationReceipts)
    .values([receipt(ids.lisa, 0, "svarat"), receipt(ids.omar, 1, "avstod")]);
  // the coach opens Lisa's enrollment: a read in the log
  await getEnrollment(t.db, f.crypto, tierp.actor, tierp.scope, ids.lisaEnrollment);
});
afterAll(() => t?.drop());

describe("Mina uppgifter", () => {
  it("shows the participant their own record, masked, and who has read it, newest first", async () => {
    const d = await myData(t.db, f.crypto, lisa);
    expect(d.controller).toBe("Tierps kommun");
    expect(d.participant).toMatchObject({
      identityState: "lagrad",
      identity: "19850312-XXXX",
      name: "Lisa Lind",
      gender: "kvinna",
      birthYear: 1985,
    });
    expect(d.enrollments).toEqual([
      expect.objectContaining({
        initiative: "Tierp, Växtverket",
        organisation: "Tierps kommun",
        startDate: "2026-09-01",
        endDate: null,
        exit: null,
        background: expect.objectContaining({
          education: expect.stringContaining("gymnasial"),
          referrer: expect.any(String),
        }),
      }),
    ]);
    expect(d.consents).toEqual([
      {
        initiative: "Tierp, Växtverket",
        consentedOn: "2026-09-01",
        textVersion: "2026:1",
        withdrawnOn: null,
      },
    ]);
    expect(d.planSteps).toEqual([
      {
        initiative: "Tierp, Växtverket",
        title: "Träffa studievägledaren",
        status: "planerad",
        dueOn: "2026-12-01",
      },
    ]);
    expect(d.account).toEqual({
      locale: "ar",
      reminders: "sms",
      email: null,
      phone: "070-123 45 67",
    });
    // her course reading, quiz answer and Tyck till receipt, named in Swedish and Arabic
    expect(d.courses).toEqual([
      {
        course: { sv: "Samhällsorientering", ar: "التوجيه المجتمعي" },
        chapter: { sv: "Att bo i Sverige", ar: "السكن في السويد" },
        startedAt: "2026-11-02T09:00:00.000Z",
        completedAt: "2026-11-02T09:30:00.000Z",
      },
    ]);
    expect(d.quizAnswers).toEqual([
      {
        chapter: { sv: "Att bo i Sverige", ar: "السكن في السويد" },
        question: { sv: "Vem betalar hyran?", ar: "من يدفع الإيجار؟" },
        answer: { sv: "Kommunen", ar: "البلدية" },
        correct: false,
        answeredAt: "2026-11-02T09:20:00.000Z",
      },
    ]);
    expect(d.feedback).toEqual([
      {
        context: "kapitel",
        about: { sv: "Att bo i Sverige", ar: "السكن في السويد" },
        meetingAt: null,
        outcome: "svarat",
        on: "2026-11-02",
      },
    ]);
    // registration (change), the plan step (change), the coach's read — newest first
    expect(d.log.map((e) => e.action)).toEqual(["read", "change", "change"]);
    expect(d.log.every((e) => e.organisation === "Tierps kommun" && !e.self)).toBe(true);
    const text = JSON.stringify(d);
    for (const absent of [
      "Omar",
      "omar@example.se",
      OMAR.slice(0, 8),
      ids.omarEnrollment,
      course.chapterIds[1] ?? "",
    ])
      expect(text).not.toContain(absent);
    expect(text).not.toContain(LISA);
  });

  it("downloads the participant's own data and its access log, logged as their export, and nothing of another participant", async () => {
    const actor = participantActor(lisa, "req-1");
    const { json, pdf } = await dataSubjectExport(
      t.db,
      f.crypto,
      actor,
      portalScope(lisa),
      lisa.participantId,
    );
    expect(json.participant).toMatchObject({
      id: ids.lisa,
      personalNumber: LISA,
      name: "Lisa Lind",
    });
    expect(json.exportedBy).toEqual({
      name: "Deltagaren själv",
      organisation: "Deltagaren själv (portalen)",
    });
    expect(json.enrollments.map((e) => e.id)).toEqual([ids.lisaEnrollment]);
    expect(json.portal.account).toMatchObject({ phone: "070-123 45 67", email: null });
    expect(json.portal.planSteps.map((s) => s.title)).toEqual(["Träffa studievägledaren"]);
    expect(json.portal.courses).toEqual([
      {
        initiative: "Tierp, Växtverket",
        course: "Samhällsorientering",
        chapter: "Att bo i Sverige",
        lastPage: "sida 2: Vem betalar hyran?",
        startedAt: "2026-11-02T09:00:00.000Z",
        completedAt: "2026-11-02T09:30:00.000Z",
      },
    ]);
    expect(json.portal.quizAnswers).toEqual([
      {
        initiative: "Tierp, Växtverket",
        course: "Samhällsorientering",
        chapter: "Att bo i Sverige",
        question: "Vem betalar hyran?",
        answer: "Kommunen",
        correct: false,
        result: "fel",
        tries: 2,
        answeredAt: "2026-11-02T09:20:00.000Z",
      },
    ]);
    expect(json.portal.evaluation.note).toContain(
      "Dina svar i Tyck till sparas utan ditt namn och kan inte tas fram per person",
    );
    expect(json.portal.evaluation.receipts).toEqual([
      {
        initiative: "Tierp, Växtverket",
        context: { code: "kapitel", label: "efter ett kapitel i en kurs" },
        key: course.chapterIds[0],
        about: "kapitlet Att bo i Sverige i kursen Samhällsorientering",
        outcome: { code: "svarat", label: "svarade" },
        on: "2026-11-02",
      },
    ]);
    expect(json.accessLog.map((e) => [e.action.code, e.organisation])).toEqual([
      ["change", "Tierps kommun"],
      ["change", "Tierps kommun"],
      ["read", "Tierps kommun"],
      ["export", "Deltagaren själv (portalen)"],
    ]);
    const text = JSON.stringify(json);
    for (const absent of [
      "Omar",
      "omar@example.se",
      "Omars hemliga steg",
      OMAR,
      ids.omar,
      ids.omarEnrollment,
      course.chapterIds[1] ?? "",
    ])
      expect(text).not.toContain(absent);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pdfWords = squash((await pdfText(pdf)).pages.join(" "));
    for (const shown of ["Kurser", "Att bo i Sverige", "Vem betalar hyran?", "Kommunen", "svarade"])
      expect(pdfWords).toContain(squash(shown));
    expect(pdfWords).not.toContain("Omars");

    const [logged] = await t.owner.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.participantId, ids.lisa), eq(accessLog.action, "export")));
    expect(logged).toMatchObject({
      actorUserId: lisa.userId,
      actorRole: "participant",
      actorOrganisation: "Deltagaren själv (portalen)",
      requestId: "req-1",
      outcome: "ok",
    });

    // the page now lists the download as the participant's own, first
    const d = await myData(t.db, f.crypto, lisa);
    expect(d.log[0]).toMatchObject({ action: "export", self: true });
  });
});
