// The data-subject export (registerutdrag): everything stored about the person, the identity
// decrypted, codes with their Swedish words, their progression measurements with each item's
// text, the answers and the scores, and the access log about them — as JSON and as a PDF — and
// the export itself logged. Another participant's and the comparison group's measurements are
// never in it. The participant portal's data (account, action plan, bookings) is in it too, and
// another participant's is not.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { makePublishedCourse } from "../courses/published-course-fixture.ts";
import { courseProgress, courseVersions, quizAnswers } from "../courses/schema.ts";
import { keepForPreview, pdfText, squash } from "../documents/testing.ts";
import { evaluationReceipts } from "../evaluation/schema.ts";
import { NotFoundError } from "../platform/errors.ts";
import { addPlanStep } from "../portal/plan.ts";
import { makePortalAccount } from "../portal/portal-account-fixture.ts";
import { availability, bookings } from "../portal/schema.ts";
import { recordComparison } from "../progression/comparison.ts";
import { addTestInstrument } from "../progression/measure-fixture.ts";
import { recordMeasurement } from "../progression/measurements.ts";
import { savePlan } from "../progression/plans.ts";
import { accessFieldLabel } from "./access-log.ts";
import {
  exitEnrollment,
  registerParticipant,
  revealIdentity,
  withdrawConsent,
} from "./participants.ts";
import { personalNumber, type RegisterFixture, registerFixture } from "./register-fixture.ts";
import { accessLog } from "./schema.ts";
import type { RegisterAccess } from "./scope.ts";
import { dataSubjectExport } from "./subject-export.ts";

const TODAY = "2026-11-23";
const NUMBER = personalNumber("19930418", "774");
let t: TestDatabase;
let f: RegisterFixture;
let tierp: RegisterAccess;
let participantId = "";
const ids: Record<string, string> = {};
let enrollmentId = "";

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db);
  tierp = await f.access(f.officers.tierp);
  const r = await registerParticipant(
    t.db,
    f.crypto,
    tierp.actor,
    tierp.scope,
    {
      initiativeId: f.tierp.initiative,
      personalNumber: NUMBER,
      name: "Sam Sjöberg",
      consent: { consentedOn: "2026-02-20", textVersion: "2026:1", language: "arabiska" },
      gender: "man",
      birthYear: 1993,
      startDate: "2026-02-23",
      background: {
        education: "forgymnasial_9",
        supportBefore: ["etableringsersattning"],
        timeOnSupport: "under_1_ar",
        occupationBefore: "arbetslos",
        referrer: "arbetsformedlingen",
        newlyArrived: true,
      },
      municipalityCode: "0360",
      externalKey: "TV-0042",
    },
    TODAY,
  );
  participantId = r.participantId;
  enrollmentId = r.enrollmentId;
  await revealIdentity(t.db, f.crypto, tierp.actor, tierp.scope, enrollmentId);
  await exitEnrollment(
    t.db,
    tierp.actor,
    tierp.scope,
    enrollmentId,
    1,
    {
      endDate: "2026-09-30",
      status: "arbete_ej_subventionerat",
      extent: "heltid",
      supportAfter: ["lon"],
      actionPlanAtExit: true,
    },
    TODAY,
  );
});
afterAll(() => t?.drop());

describe("the data-subject export", () => {
  it("holds everything about the person, with the identity and the codes in Swedish", async () => {
    const { json, pdf, fileBaseName } = await dataSubjectExport(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      participantId,
    );
    expect(json.participant).toMatchObject({
      id: participantId,
      personalNumber: NUMBER,
      name: "Sam Sjöberg",
      identityState: "lagrad",
      gender: { code: "man", label: "man" },
      birthYear: 1993,
    });
    expect(json.dataController.name).toBe("Tierps kommun");
    expect(json.association.name).toBe("Samordningsförbundet Test");
    expect(json.consents).toEqual([
      {
        initiative: "Tierp, Växtverket",
        consentedOn: "2026-02-20",
        textVersion: "2026:1",
        language: "arabiska",
        recordedBy: "Anna Andersson",
        withdrawnOn: null,
      },
    ]);
    expect(json.enrollments).toHaveLength(1);
    expect(json.enrollments[0]).toMatchObject({
      initiative: "Tierp, Växtverket",
      externalKey: "TV-0042",
      startDate: "2026-02-23",
      endDate: "2026-09-30",
      background: {
        education: { code: "forgymnasial_9", label: "förgymnasial 9 år (grundskola)" },
        supportBefore: [{ code: "etableringsersattning", label: "etableringsersättning" }],
        referrer: { label: "Arbetsförmedlingen" },
        newlyArrived: true,
      },
      exit: {
        status: { label: "arbete, ej subventionerat" },
        extent: { label: "heltid" },
        supportAfter: [{ label: "lön" }],
        actionPlanAtExit: true,
      },
    });
    // the access log about them, the export itself included
    expect(json.accessLog.map((e) => e.action.code)).toEqual([
      "change",
      "reveal",
      "change",
      "export",
    ]);
    expect(json.accessLog[1]).toMatchObject({
      person: "Anna Andersson",
      role: "deltagaransvarig",
      organisation: "Tierps kommun",
      action: { label: "visade fullständigt personnummer" },
      fields: ["personnummer", "namn"],
    });
    const [logged] = await t.owner.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.participantId, participantId), eq(accessLog.action, "export")));
    expect(logged).toMatchObject({ actorName: "Anna Andersson", outcome: "ok" });

    expect(json.measurements).toEqual([]);
    expect(json.portal).toMatchObject({
      account: null,
      planSteps: [],
      bookings: [],
      courses: [],
      quizAnswers: [],
      evaluation: {
        note: expect.stringContaining(
          "Dina svar i Tyck till sparas utan ditt namn och kan inte tas fram per person",
        ),
        receipts: [],
      },
    });

    expect(fileBaseName).toMatch(/^registerutdrag-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}$/);
    keepForPreview(`${fileBaseName}.pdf`, pdf);
    const { pages } = await pdfText(pdf);
    const text = squash(pages.join(" "));
    for (const expected of [
      "Registerutdrag",
      NUMBER,
      "SamSjöberg",
      "Tierpskommun",
      "förgymnasial9år(grundskola)",
      "arbete,ejsubventionerat",
      "visadefullständigtpersonnummer",
      "exporterade",
      "Ingenidentitetharraderats.",
      "Ingaprogressionsmätningarärregistrerade.",
      "Duharingetkontoideltagarportalen.",
      "Handlingsplanenharingasteg.",
    ])
      expect(text).toContain(squash(expected));
  });

  it("shows an erased identity as erased, with the erasure", async () => {
    await withdrawConsent(
      t.db,
      tierp.actor,
      tierp.scope,
      { enrollmentId, participantVersion: 1, withdrawnOn: "2026-11-10" },
      TODAY,
    );
    const { json, pdf } = await dataSubjectExport(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      participantId,
    );
    expect(json.participant).toMatchObject({
      personalNumber: null,
      name: null,
      identityState: "raderad",
      birthYear: 1993,
    });
    expect(json.consents[0]?.withdrawnOn).toBe("2026-11-10");
    expect(json.erasures).toEqual([
      {
        reason: { code: "samtycke_aterkallat", label: "samtycket återkallades" },
        erasedAt: expect.any(String),
        erasedBy: "Anna Andersson",
      },
    ]);
    const text = squash((await pdfText(pdf)).pages.join(" "));
    expect(text).toContain("samtycketåterkallades");
    expect(text).not.toContain(NUMBER.slice(9));
  });

  it("is not given outside the scope, and the attempt is logged", async () => {
    const heby = await f.access(f.officers.heby);
    const second = await f.access(f.officers.tierpSecond);
    for (const access of [heby, second])
      await expect(
        dataSubjectExport(t.db, f.crypto, access.actor, access.scope, participantId),
      ).rejects.toBeInstanceOf(NotFoundError);
    const denied = await t.owner.db
      .select({ name: accessLog.actorName, outcome: accessLog.outcome })
      .from(accessLog)
      .where(and(eq(accessLog.participantId, participantId), eq(accessLog.action, "export")));
    expect(denied).toEqual(
      expect.arrayContaining([
        { name: "Cecilia Carlsson", outcome: "denied" },
        { name: "Bo Berg", outcome: "denied" },
      ]),
    );
  });
});

describe("the progression measurements in the export", () => {
  const admin = { userId: null, label: "eva@example.se", name: "Eva Ek" };

  beforeAll(async () => {
    const versionId = (await addTestInstrument(t.db, f.associationId, "egen")).versionId;
    ids.version = versionId;
    await savePlan(
      t.db,
      admin,
      f.associationId,
      f.tierp.initiative,
      {
        instrumentVersionIds: [versionId],
        intervalMonths: 3,
        atExit: true,
        graceDays: 14,
        targetPercent: 80,
        comparisonGroup: true,
      },
      null,
    );
    const enroll = async (serial: string, name: string, startDate: string) =>
      registerParticipant(
        t.db,
        f.crypto,
        tierp.actor,
        tierp.scope,
        {
          initiativeId: f.tierp.initiative,
          personalNumber: personalNumber("19900315", serial),
          name,
          consent: { consentedOn: startDate, textVersion: "2026:1", language: "svenska" },
          gender: "kvinna",
          birthYear: 1990,
          startDate,
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
    const lisa = await enroll("238", "Lisa Lind", "2026-03-02");
    const omar = await enroll("246", "Omar Olsson", "2026-05-04");
    ids.lisa = lisa.participantId;
    ids.lisaEnrollment = lisa.enrollmentId;
    ids.omarEnrollment = omar.enrollmentId;
    ids.omar = omar.participantId;
    const measure = (
      enrollmentId: string,
      occasion: string,
      measuredOn: string,
      mode: string,
      answers: Record<string, number | null>,
    ) =>
      recordMeasurement(
        t.db,
        tierp,
        { enrollmentId, instrumentVersionId: versionId, occasion, measuredOn, mode, answers },
        TODAY,
      );
    await measure(lisa.enrollmentId, "nollpunkt", "2026-03-02", "samtal", {
      halsa: 4,
      rutiner: 3,
      oro: 8,
    });
    await measure(lisa.enrollmentId, "uppfoljning", "2026-06-03", "papper", {
      halsa: 7,
      rutiner: 6,
      oro: null,
    });
    // another participant, and an anonymous comparison-group respondent of the same initiative
    await measure(omar.enrollmentId, "nollpunkt", "2026-05-04", "deltagare", {
      halsa: 9,
      rutiner: 9,
      oro: 1,
    });
    await recordComparison(
      t.db,
      tierp,
      {
        initiativeId: f.tierp.initiative,
        instrumentVersionId: versionId,
        respondentCode: "J-17",
        gender: "kvinna",
        occasion: "nollpunkt",
        measuredOn: "2026-04-15",
        answers: { halsa: 2, rutiner: 2, oro: 2 },
      },
      TODAY,
    );
  });

  it("holds the person's baseline and follow-up with items, answers and scores, and nobody else's", async () => {
    const { json, pdf } = await dataSubjectExport(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      ids.lisa ?? "",
    );
    const item = (key: string, text: string, reverse: boolean, answer: number | null) => ({
      key,
      text,
      reverse,
      answer,
    });
    const common = {
      enrollmentId: json.enrollments[0]?.id,
      initiative: "Tierp, Växtverket",
      instrument: { name: "Testskattning egen", version: 1, licence: null },
      recordedBy: "Anna Andersson",
      scale: { min: 1, max: 10, minLabel: "Stämmer inte alls", maxLabel: "Stämmer helt" },
      scoring: { code: "medel", label: "medelvärdet av de besvarade frågorna" },
    };
    expect(json.measurements).toEqual([
      {
        ...common,
        id: expect.any(String),
        occasion: { code: "nollpunkt", label: "nollpunkt (vid start)" },
        measuredOn: "2026-03-02",
        mode: { code: "samtal", label: "i ett samtal" },
        items: [
          item("halsa", "Jag mår bra", false, 4),
          item("rutiner", "Jag har rutiner", false, 3),
          item("oro", "Jag känner oro", true, 8),
        ],
        // oro is reverse-scored: 1 + 10 − 8 = 3
        scores: {
          total: 3.33,
          subscales: [
            { key: "mående", name: "Mående", score: 3.5 },
            { key: "vardag", name: "Vardag", score: 3 },
          ],
        },
      },
      {
        ...common,
        id: expect.any(String),
        occasion: { code: "uppfoljning", label: "uppföljning" },
        measuredOn: "2026-06-03",
        mode: { code: "papper", label: "på en pappersblankett" },
        items: [
          item("halsa", "Jag mår bra", false, 7),
          item("rutiner", "Jag har rutiner", false, 6),
          item("oro", "Jag känner oro", true, null),
        ],
        scores: {
          total: 6.5,
          subscales: [
            { key: "mående", name: "Mående", score: 7 },
            { key: "vardag", name: "Vardag", score: 6 },
          ],
        },
      },
    ]);
    expect(JSON.stringify(json)).not.toContain("2026-05-04");
    expect(JSON.stringify(json)).not.toContain("2026-04-15");
    const exported = json.accessLog.at(-1);
    expect(exported?.action.code).toBe("export");
    expect(exported?.fields).toContain("progressionsmätningar");

    keepForPreview("registerutdrag-progression.pdf", pdf);
    const text = squash((await pdfText(pdf)).pages.join(" "));
    for (const expected of [
      "4. Progressionsmätningar",
      "Testskattning egen, version 1: nollpunkt (vid start) 2026-03-02",
      "Testskattning egen, version 1: uppföljning 2026-06-03",
      "i ett samtal",
      "på en pappersblankett",
      "Jag mår bra",
      "Jag känner oro (omvänt ställd)",
      "inte besvarad",
      "Totalpoäng",
      "3,33",
      "6,5",
      "Delskala: Mående",
      "3,5",
      "1 = Stämmer inte alls",
    ])
      expect(text).toContain(squash(expected));
    for (const absent of ["2026-05-04", "2026-04-15", "Omar", "J-17", "deltagaren svarade själv"])
      expect(text).not.toContain(squash(absent));
  });
});

describe("the participant portal's data in the export", () => {
  beforeAll(async () => {
    await makePortalAccount(t.db, {
      associationId: f.associationId,
      dataControllerId: f.tierp.controller,
      initiativeId: f.tierp.initiative,
      participantId: ids.lisa ?? "",
      locale: "ar",
      emailCiphertext: f.crypto.encrypt("lisa@example.se"),
      reminders: "epost",
    });
    const coach = { ...tierp, audit: { userId: null, label: "anna@example.se" } };
    await addPlanStep(t.db, coach, ids.lisaEnrollment ?? "", {
      title: "Träffa studievägledaren",
      details: "Ta med betygen.",
      dueOn: "2026-12-01",
    });
    await addPlanStep(t.db, coach, ids.lisaEnrollment ?? "", {
      title: "Söka praktik",
      status: "pagar",
    });
    await addPlanStep(t.db, coach, ids.omarEnrollment ?? "", { title: "Omars hemliga steg" });
    const [window] = await t.owner.db
      .insert(availability)
      .values({
        associationId: f.associationId,
        dataControllerId: f.tierp.controller,
        initiativeId: f.tierp.initiative,
        kind: "studiecoach",
        title: "Lina, studiecoach",
        mode: "video",
        place: "https://mote.example.se/lina",
        day: "2026-11-26",
        opensAt: "09:00",
        closesAt: "12:00",
        slotMinutes: 30,
        createdByName: "Anna Andersson",
      })
      .returning({ id: availability.id });
    for (const [participantId, startsAt] of [
      [ids.lisa, "2026-11-26T08:00:00Z"],
      [ids.omar, "2026-11-26T09:00:00Z"],
    ] as const) {
      const [booking] = await t.owner.db
        .insert(bookings)
        .values({
          availabilityId: window?.id ?? "",
          associationId: f.associationId,
          dataControllerId: f.tierp.controller,
          initiativeId: f.tierp.initiative,
          participantId: participantId ?? "",
          startsAt: new Date(startsAt),
          endsAt: new Date(new Date(startsAt).getTime() + 30 * 60_000),
          bookedBy: "deltagare",
        })
        .returning({ id: bookings.id });
      ids[`booking:${participantId}`] = booking?.id ?? "";
    }

    // a course: Lisa read chapter 1 and answered its question; Omar chapter 2. A second
    // version renamed chapter 1: the export names it by the newest version.
    const course = await makePublishedCourse(t.db, {
      associationId: f.associationId,
      initiativeId: null,
      chapters: [
        {
          texts: { sv: { title: "Att bo", intro: "" } },
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
              },
            },
          ],
        },
        {
          texts: { sv: { title: "Omars kapitel", intro: "" } },
          pages: [{ kind: "text", texts: { sv: { title: "Omars sida", body: "Text." } } }],
        },
      ],
    });
    await t.db.insert(courseVersions).values({
      courseId: course.courseId,
      number: 2,
      snapshot: {
        ...course.snapshot,
        chapters: course.snapshot.chapters.map((c, i) =>
          i === 0 ? { ...c, texts: { sv: { title: "Att bo i Sverige", intro: "" } } } : c,
        ),
      },
      publishedByName: "Kursförfattaren",
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
        ...row(ids.lisa ?? "", 0),
        lastPageId: course.pageIds[0]?.[0] ?? null,
        startedAt: new Date("2026-11-02T09:00:00Z"),
      },
      { ...row(ids.omar ?? "", 1), startedAt: new Date("2026-11-03T09:00:00Z") },
    ]);
    await t.owner.db.insert(quizAnswers).values({
      ...row(ids.lisa ?? "", 0),
      pageId: course.pageIds[0]?.[0] ?? "",
      chosenOption: 0,
      correct: true,
      answeredAt: new Date("2026-11-02T09:10:00Z"),
    });
    const { courseId: _, chapterId: __, ...who } = row(ids.lisa ?? "", 0);
    await t.owner.db.insert(evaluationReceipts).values([
      {
        ...who,
        context: "mote",
        contextKey: ids[`booking:${ids.lisa}`] ?? "",
        outcome: "avstod",
        on: "2026-11-27",
      },
      { ...who, context: "slut", contextKey: "slut", outcome: "svarat", on: "2026-11-28" },
      {
        ...who,
        participantId: ids.omar ?? "",
        context: "kapitel",
        contextKey: course.chapterIds[1] ?? "",
        outcome: "svarat",
        on: "2026-11-03",
      },
    ]);
  });

  it("holds the account's language, reminders and contact, the plan's steps and the bookings", async () => {
    const { json, pdf } = await dataSubjectExport(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      ids.lisa ?? "",
    );
    expect(json.portal.account).toMatchObject({
      language: { code: "ar", label: "العربية" },
      reminders: { code: "epost", label: "påminnelser med e-post" },
      email: "lisa@example.se",
      phone: null,
      createdBy: "Anna Andersson",
    });
    expect(JSON.stringify(json)).not.toContain("v1:");
    expect(json.portal.planSteps).toEqual([
      expect.objectContaining({
        initiative: "Tierp, Växtverket",
        position: 1,
        title: "Träffa studievägledaren",
        details: "Ta med betygen.",
        dueOn: "2026-12-01",
        status: { code: "planerad", label: "planerat" },
        recordedBy: "Anna Andersson",
      }),
      expect.objectContaining({
        position: 2,
        title: "Söka praktik",
        status: { code: "pagar", label: "pågår" },
      }),
    ]);
    expect(json.portal.bookings).toEqual([
      expect.objectContaining({
        with: "Lina, studiecoach",
        kind: { code: "studiecoach", label: "studiecoach" },
        mode: { code: "video", label: "videomöte" },
        startsAt: "2026-11-26T08:00:00.000Z",
        status: { code: "bokad", label: "bokad" },
        bookedBy: { code: "deltagare", label: "deltagaren själv i portalen" },
      }),
    ]);
    expect(JSON.stringify(json)).not.toContain("Omars hemliga steg");
    expect(JSON.stringify(json)).not.toContain("2026-11-26T09:00");
    const exported = json.accessLog.at(-1);
    expect(exported?.fields).toEqual(
      expect.arrayContaining(["progressionsmätningar", "åtkomstlogg"]),
    );

    keepForPreview("registerutdrag-portal.pdf", pdf);
    const text = squash((await pdfText(pdf)).pages.join(" "));
    for (const expected of [
      "6. Deltagarportalen",
      "påminnelser med e-post",
      "lisa@example.se",
      "Handlingsplanens steg",
      "Träffa studievägledaren – Ta med betygen.",
      "Söka praktik",
      "Bokningar",
      "Lina, studiecoach (studiecoach)",
      "videomöte",
      "7. Vem har tagit del av uppgifterna",
    ])
      expect(text).toContain(squash(expected));
    expect(text).not.toContain(squash("Omars hemliga steg"));
  });

  it("holds the courses read, the quiz answers and Tyck till's receipts, named by the newest version, and nobody else's", async () => {
    const { json, pdf } = await dataSubjectExport(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      ids.lisa ?? "",
    );
    expect(json.portal.courses).toEqual([
      {
        initiative: "Tierp, Växtverket",
        course: "Samhällsorientering",
        chapter: "Att bo i Sverige",
        lastPage: "sida 1: Vem betalar hyran?",
        startedAt: "2026-11-02T09:00:00.000Z",
        completedAt: null,
      },
    ]);
    expect(json.portal.quizAnswers).toEqual([
      expect.objectContaining({
        chapter: "Att bo i Sverige",
        question: "Vem betalar hyran?",
        answer: "Du",
        correct: true,
        result: "rätt",
        tries: 1,
      }),
    ]);
    expect(json.portal.evaluation.receipts).toEqual([
      {
        initiative: "Tierp, Växtverket",
        context: { code: "mote", label: "efter ett möte" },
        key: ids[`booking:${ids.lisa}`],
        about: expect.stringContaining("mötet med Lina, studiecoach"),
        outcome: { code: "avstod", label: "hoppade över (svarade inte)" },
        on: "2026-11-27",
      },
      {
        initiative: "Tierp, Växtverket",
        context: { code: "slut", label: "slutenkäten" },
        key: "slut",
        about: "hela din tid i insatsen",
        outcome: { code: "svarat", label: "svarade" },
        on: "2026-11-28",
      },
    ]);
    expect(json.accessLog.at(-1)?.fields).toEqual(
      expect.arrayContaining(
        ["courseProgress", "quizAnswers", "evaluationReceipts"].map(accessFieldLabel),
      ),
    );
    const all = JSON.stringify(json);
    for (const absent of ["Omars kapitel", "Omars sida", "2026-11-03"])
      expect(all).not.toContain(absent);

    const text = squash((await pdfText(pdf)).pages.join(" "));
    for (const expected of [
      "Kurser",
      "Att bo i Sverige",
      "Svar på kursfrågor",
      "Vem betalar hyran?",
      "rätt",
      "Tyck till",
      "Dina svar i Tyck till sparas utan ditt namn och kan inte tas fram per person",
      "hoppade över (svarade inte)",
    ])
      expect(text).toContain(squash(expected));
    expect(text).not.toContain(squash("Omars kapitel"));
  });
});
