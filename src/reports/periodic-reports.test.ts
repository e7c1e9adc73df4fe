import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import {
  ensurePeriodicReports,
  monthsAfterEnd,
  periodContaining,
  periodsBetween,
  saveReportingSettings,
} from "./calendar.ts";
import {
  acceptPeriodicReport,
  commentOnPeriodicReport,
  derivedAnswers,
  getPeriodicReport,
  listPeriodicReports,
  type PeriodicReportInput,
  registerArrival,
  returnPeriodicReport,
  savePeriodicReport,
  saveSteeringAnalysis,
  statusAnswers,
  submitPeriodicReport,
} from "./periodic-reports.ts";
import { listReportVersions } from "./report-versions.ts";
import {
  deviationReports,
  meetingAttendance,
  periodicReports,
  steeringGroupMeetings,
  steeringGroupMembers,
} from "./schema.ts";

let t: TestDatabase;
const actor = { userId: null, label: "test" };
let associationId: string;
let initiativeId: string;
let tierp: string;
let fk: string;

beforeAll(async () => {
  t = await createTestDatabase();
  associationId = (await createAssociation(t.db, actor, { slug: "f", name: "F" })).id;
  const org = (name: string, orgNumber: string, kind: string) =>
    addMemberOrganisation(t.db, actor, associationId, { name, orgNumber, kind });
  tierp = (await org("Tierps kommun", "212000-0274", "kommun")).id;
  fk = (await org("Försäkringskassan", "202100-5521", "forsakringskassan")).id;
  const initiative = await createInitiative(t.db, actor, associationId, {
    name: "Tierp, Växtverket",
    ownerOrganisationId: tierp,
    partnerIds: [fk],
    status: "pagaende",
    orientation: "individual",
    preRehabilitation: false,
    esf: false,
    startDate: "2025-02-15",
    endDate: "2027-12-31",
    targetGroup: "Unga vuxna",
    expectedParticipantsOngoing: false,
    goals: [
      { text: "Till arbete eller studier", kind: "resultatmal", targetPercent: "60" },
      { text: "Handlingsplan för alla", kind: "insatsmal", targetPercent: "100" },
    ],
    localUnits: [],
  });
  initiativeId = initiative.id;
});
afterAll(() => t.drop());

describe("the calendar", () => {
  it("has quarters and tertials, due a month after by default", () => {
    expect(periodContaining("quarter", "2026-05-17")).toEqual({
      key: "2026-K2",
      label: "Kvartal 2 2026",
      start: "2026-04-01",
      end: "2026-06-30",
      due: "2026-07-31",
    });
    expect(periodContaining("tertial", "2026-12-01", 2)).toMatchObject({
      key: "2026-T3",
      start: "2026-09-01",
      end: "2026-12-31",
      due: "2027-02-28",
    });
    expect(monthsAfterEnd("2024-01-31", 1)).toBe("2024-02-29");
  });

  it("covers any span with periods that meet end to end", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 900 }),
        fc.constantFrom("quarter" as const, "tertial" as const),
        (start, days, cadence) => {
          const from = start.toISOString().slice(0, 10);
          const to = new Date(start.getTime() + days * 86_400_000).toISOString().slice(0, 10);
          const periods = periodsBetween(cadence, from, to);
          expect((periods[0]?.start ?? "") <= from && (periods[0]?.end ?? "") >= from).toBe(true);
          const last = periods[periods.length - 1];
          expect((last?.start ?? "") <= to && (last?.end ?? "") >= to).toBe(true);
          for (let i = 1; i < periods.length; i++) {
            const next = new Date(`${periods[i - 1]?.end}T00:00:00Z`);
            next.setUTCDate(next.getUTCDate() + 1);
            expect(periods[i]?.start).toBe(next.toISOString().slice(0, 10));
          }
        },
      ),
    );
  });

  it("creates each running initiative's reports once, from its start up to today", async () => {
    expect(await ensurePeriodicReports(t.db, associationId, "2026-05-10")).toBe(6);
    expect(await ensurePeriodicReports(t.db, associationId, "2026-05-10")).toBe(0);
    const reports = await listPeriodicReports(t.db, associationId, {
      visible: "all",
      initiativeId,
    });
    expect(reports.map((r) => r.periodKey)).toEqual([
      "2026-K2",
      "2026-K1",
      "2025-K4",
      "2025-K3",
      "2025-K2",
      "2025-K1",
    ]);
    expect(reports.find((r) => r.periodKey === "2025-K1")?.dueDate).toBe("2025-04-30");
  });

  it("starts at the calendar's 'reports from' date and never reports the same months twice after a cadence switch", async () => {
    const other = (await createAssociation(t.db, actor, { slug: "g", name: "G" })).id;
    const member = (name: string, orgNumber: string, kind: string) =>
      addMemberOrganisation(t.db, actor, other, { name, orgNumber, kind });
    const owner = (await member("Heby kommun", "212000-0332", "kommun")).id;
    const partner = (await member("Arbetsförmedlingen", "202100-2114", "arbetsformedlingen")).id;
    const started = await createInitiative(t.db, actor, other, {
      name: "Heby, Steget",
      ownerOrganisationId: owner,
      partnerIds: [partner],
      status: "pagaende",
      orientation: "individual",
      preRehabilitation: false,
      esf: false,
      startDate: "2023-03-01",
      endDate: "2027-12-31",
      targetGroup: "Vuxna",
      expectedParticipantsOngoing: false,
      goals: [],
      localUnits: [],
    });
    const calendar = { dueMonthsAfter: "1", remindDaysBefore: "7", followUpPeriods: ["year"] };
    await saveReportingSettings(t.db, actor, other, 0, {
      ...calendar,
      cadence: "quarter",
      reportsFrom: "2025-01-01",
    });
    expect(await ensurePeriodicReports(t.db, other, "2025-05-10")).toBe(2);
    await saveReportingSettings(t.db, actor, other, 1, { ...calendar, cadence: "tertial" });
    expect(await ensurePeriodicReports(t.db, other, "2026-02-10")).toBe(2);
    const keys = (
      await listPeriodicReports(t.db, other, { visible: "all", initiativeId: started.id })
    )
      .map((r) => r.periodKey)
      .sort();
    expect(keys).toEqual(["2025-K1", "2025-K2", "2025-T3", "2026-T1"]);
    const error = await saveReportingSettings(t.db, actor, other, 2, {
      ...calendar,
      cadence: "tertial",
      reportsFrom: "2025-02-30",
    }).catch((e) => e);
    expect((error as ValidationError).fields.reportsFrom).toMatch(/ÅÅÅÅ-MM-DD/);
  });

  it("refuses a calendar without follow-up periods or with a due time out of range", async () => {
    const error = await saveReportingSettings(t.db, actor, associationId, 0, {
      cadence: "månad",
      dueMonthsAfter: "9",
      remindDaysBefore: "7",
      followUpPeriods: [],
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fields).sort()).toEqual([
      "cadence",
      "dueMonthsAfter",
      "followUpPeriods",
    ]);
  });
});

const input = (overrides: Partial<PeriodicReportInput> = {}): PeriodicReportInput => ({
  texts: { activities: "Tolv deltagare har börjat praktik.", userParticipation: "Fokusgrupp." },
  goals: [
    { goalId: null, goalText: "Till arbete eller studier", assessment: "i_fas", comment: "" },
    { goalId: null, goalText: "Handlingsplan för alla", assessment: "risk", comment: "Vakans." },
  ],
  answers: {
    inPhase: { answer: "ja", comment: "" },
    steeringPrognosis: { answer: "ja", comment: "" },
    startedOnTime: { answer: "ja", comment: "" },
    vacanciesFunded: { answer: "nej", comment: "" },
    vacanciesOwn: { answer: "nej", comment: "" },
    methodChecked: { answer: "ja", comment: "" },
    targetGroupChecked: { answer: "ja", comment: "" },
    equityDiscussed: { answer: "ja", comment: "" },
    genderEqualityDiscussed: { answer: "nej", comment: "Tas upp i maj." },
    deviationGoalsOrTargetGroup: { answer: "nej", comment: "" },
  },
  reportedBy: "Leila Haddad",
  reportedOn: "2026-04-20",
  ...overrides,
});

async function reportFor(periodKey: string) {
  const [row] = await t.db
    .select()
    .from(periodicReports)
    .where(eq(periodicReports.periodKey, periodKey));
  if (!row) throw new Error(`no report ${periodKey}`);
  return row;
}

describe("a periodic report", () => {
  it("pre-fills the initiative's goals, refuses an incomplete submission and keeps the draft", async () => {
    const r = await reportFor("2026-K1");
    const details = await getPeriodicReport(t.db, associationId, r.id);
    expect(details?.content.goals.map((g) => g.goalText)).toEqual([
      "Till arbete eller studier",
      "Handlingsplan för alla",
    ]);
    const v = await savePeriodicReport(t.db, actor, associationId, r.id, r.version, {
      ...input(),
      answers: { inPhase: { answer: "ja_kommentar", comment: "" } },
    }).catch((e) => e);
    expect((v as ValidationError).fields["answers.inPhase"]).toMatch(/kommentaren/);
    const saved = await savePeriodicReport(t.db, actor, associationId, r.id, r.version, {
      ...input(),
      answers: { inPhase: { answer: "ja", comment: "" } },
    });
    const refused = await submitPeriodicReport(t.db, actor, associationId, r.id, saved).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fields["answers.steeringPrognosis"]).toBe(
      "Svara på frågan ”Styrgruppens prognos för måluppfyllelse” innan du skickar in.",
    );
    const kept = await getPeriodicReport(t.db, associationId, r.id);
    expect(kept).toMatchObject({ status: "utkast", version: saved });
    expect(kept?.content.activities).toBe("Tolv deltagare har börjat praktik.");
  });

  it("derives meetings, attendance and budget deviations from Samspår's own data", async () => {
    const r = await reportFor("2026-K1");
    const [ordinary] = await t.db
      .insert(steeringGroupMembers)
      .values([
        {
          initiativeId,
          organisationId: tierp,
          name: "Anna",
          membership: "ordinarie",
          fromDate: "2025-01-01",
        },
        {
          initiativeId,
          organisationId: fk,
          name: "Bo",
          membership: "ordinarie",
          fromDate: "2025-01-01",
        },
      ])
      .returning();
    const [meeting] = await t.db
      .insert(steeringGroupMeetings)
      .values({ initiativeId, meetingDate: "2026-02-10", held: true })
      .returning();
    await t.db
      .insert(meetingAttendance)
      .values({ meetingId: meeting?.id ?? "", memberId: ordinary?.id ?? "", present: true });
    await t.db.insert(deviationReports).values({
      associationId,
      initiativeId,
      status: "inskickad",
      types: ["budget"],
      submittedAt: new Date("2026-03-02T10:00:00Z"),
    });
    const derived = await derivedAnswers(t.db, r, "2026-05-10");
    expect(derived.steeringMeetingsAsAgreed?.answer).toBe("ja");
    expect(derived.allOrdinaryAttended).toEqual({
      answer: "nej",
      basis: "1 av 2 ordinarie närvaron på periodens möten.",
    });
    expect(derived.budgetDeviationSubmitted?.answer).toBe("ja");
    const earlier = await derivedAnswers(t.db, await reportFor("2025-K4"), "2026-05-10");
    expect(earlier.steeringMeetingsAsAgreed).toEqual({
      answer: "nej",
      basis:
        "0 hållna styrgruppsmöten under perioden (minst 1 enligt avtal), 0 under året (minst 4).",
    });
  });

  it("is submitted with derived answers filled in, returned once, locked, and then never changes", async () => {
    const r = await reportFor("2026-K1");
    const current = await getPeriodicReport(t.db, associationId, r.id);
    let version = await savePeriodicReport(
      t.db,
      actor,
      associationId,
      r.id,
      current?.version ?? 0,
      input(),
    );
    version = await saveSteeringAnalysis(t.db, actor, associationId, r.id, version, {
      goalFulfilment: "Målen nås i stort.",
      writtenBy: "Anna Ek, ordförande",
      writtenOn: "2026-04-22",
    });
    version = await submitPeriodicReport(
      t.db,
      actor,
      associationId,
      r.id,
      version,
      new Date("2026-04-25T09:00:00Z"),
    );
    let details = await getPeriodicReport(t.db, associationId, r.id);
    expect(details?.content.answers.allOrdinaryAttended.answer).toBe("nej");
    expect(details?.steeringAnalysis.goalFulfilment).toBe("Målen nås i stort.");

    const stale = await savePeriodicReport(t.db, actor, associationId, r.id, 1, input()).catch(
      (e) => e,
    );
    expect(stale).toBeInstanceOf(ConflictError);
    const notYet = await acceptPeriodicReport(t.db, actor, associationId, r.id, version).catch(
      (e) => e,
    );
    expect((notYet as ValidationError).fields.arrivalDate).toMatch(/Registrera ankomstdatum/);
    version = await registerArrival(t.db, actor, associationId, r.id, version, {
      arrivalDate: "2026-04-25",
      initials: "ml",
    });
    version = await returnPeriodicReport(
      t.db,
      actor,
      associationId,
      r.id,
      version,
      "Komplettera 2.3 med hur deltagarna bidrog.",
    );
    version = await savePeriodicReport(t.db, actor, associationId, r.id, version, {
      ...input(),
      texts: { ...input().texts, userParticipation: "Fokusgrupp i mars; två förslag infördes." },
    });
    version = await submitPeriodicReport(t.db, actor, associationId, r.id, version);
    version = await acceptPeriodicReport(t.db, actor, associationId, r.id, version);
    details = await getPeriodicReport(t.db, associationId, r.id);
    expect(details).toMatchObject({ status: "last", receivedByInitials: "ML" });
    expect(details?.registryNumber).toMatch(/^2026\/\d+$/);
    expect(details?.comments.map((c) => c.text)).toEqual([
      "Komplettera 2.3 med hur deltagarna bidrog.",
    ]);

    // nobody changes a locked report: not the code, not the steering group, not SQL
    // one at a time: a refusal must not be left unhandled while the previous one is awaited
    for (const attempt of [
      () => savePeriodicReport(t.db, actor, associationId, r.id, version, input()),
      () =>
        saveSteeringAnalysis(t.db, actor, associationId, r.id, version, {
          writtenBy: "x",
          writtenOn: "",
        }),
      () => commentOnPeriodicReport(t.db, actor, associationId, r.id, "Sent tillägg"),
    ]) {
      const e = await attempt().catch((x) => x);
      expect((e as ValidationError).fields.status).toMatch(/låst/);
    }
    await expect(
      t.db.execute(sql`update periodic_reports set content = '{}' where id = ${r.id}`),
    ).rejects.toThrow();
    await expect(
      t.db.execute(sql`delete from periodic_reports where id = ${r.id}`),
    ).rejects.toThrow();

    // the returned report keeps its history
    const events = (await listReportVersions(t.db, "periodic", r.id)).map((v) => v.event).reverse();
    expect(events).toEqual([
      "created",
      "saved",
      "saved",
      "steering_analysis_saved",
      "submitted",
      "registered",
      "returned",
      "saved",
      "resubmitted",
      "locked",
    ]);

    // and its status answers are data for the follow-up
    const answers = await statusAnswers(t.db, associationId, {
      visible: "all",
      periodKey: "2026-K1",
    });
    expect(answers).toHaveLength(1);
    expect(answers[0]?.answers.inPhase).toEqual({ answer: "ja", comment: "" });
    expect(answers[0]?.answers.genderEqualityDiscussed).toEqual({
      answer: "nej",
      comment: "Tas upp i maj.",
    });
    expect(answers[0]?.goals.map((g) => g.assessment)).toEqual(["i_fas", "risk"]);
  });

  it("carries 'started on time' once answered yes", async () => {
    const next = await reportFor("2026-K2");
    const details = await getPeriodicReport(t.db, associationId, next.id);
    expect(details?.startedOnTimeCarried).toBe(true);
    expect(details?.content.answers.startedOnTime.answer).toBe("ja");
  });
});
