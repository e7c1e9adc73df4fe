// Min plan on a real database: the coach adds, edits, sets the status of, moves and removes the
// steps of a participant's action plan, each change in the register's access log and the audit
// log (naming no person); a stale version is a conflict; an officer of another initiative gets
// nothing; the participant reads their own steps and never anybody else's, with what happens
// next (the next booked time, the next step with a due date, the next measurement); and the
// association zone cannot read the steps at all.
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { auditEvents } from "../audit/schema.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { addTestInstrument } from "../progression/measure-fixture.ts";
import { recordMeasurement } from "../progression/measurements.ts";
import { savePlan } from "../progression/plans.ts";
import { type RegisterParticipantInput, registerParticipant } from "../register/participants.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../register/register-fixture.ts";
import { accessLog } from "../register/schema.ts";
import type { RegisterAccess } from "../register/scope.ts";
import { inAssociationZone } from "../register/zone.ts";
import type { PortalAccount } from "./accounts.ts";
import {
  addPlanStep,
  movePlanStep,
  type PlanStaff,
  planOf,
  removePlanStep,
  setPlanStepStatus,
  staffPlan,
  updatePlanStep,
} from "./plan.ts";
import { makePortalAccount } from "./portal-account-fixture.ts";
import { availability, bookings, planSteps } from "./schema.ts";

const TODAY = "2026-11-23";
const NOW = new Date("2026-11-23T09:00:00Z");
let t: TestDatabase;
let f: RegisterFixture;
let tierp: RegisterAccess;
let coach: PlanStaff;
let other: PlanStaff;
const lisa = { participantId: "", enrollmentId: "" };
const omar = { participantId: "", enrollmentId: "" };
let lisaAccount: PortalAccount;
let omarAccount: PortalAccount;

const base = (over: Partial<RegisterParticipantInput>): RegisterParticipantInput => ({
  initiativeId: f.tierp.initiative,
  gender: "kvinna",
  birthYear: null,
  startDate: "2026-09-01",
  consent: { consentedOn: "2026-09-01", textVersion: "2026:1", language: "svenska" },
  background: {
    education: "gymnasial",
    supportBefore: ["a_kassa"],
    timeOnSupport: "1_2_ar",
    occupationBefore: "arbetslos",
    referrer: "kommun",
  },
  municipalityCode: "0360",
  ...over,
});

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "plan");
  tierp = await f.access(f.officers.tierp);
  coach = { ...tierp, audit: { userId: f.officers.tierp.userId, label: "anna@example.se" } };
  const heby = await f.access(f.officers.heby);
  other = { ...heby, audit: { userId: f.officers.heby.userId, label: "cecilia@example.se" } };
  const l = await registerParticipant(
    t.db,
    f.crypto,
    tierp.actor,
    tierp.scope,
    base({ personalNumber: personalNumber("19850312", "123"), name: "Lisa Lind" }),
    TODAY,
  );
  const o = await registerParticipant(
    t.db,
    f.crypto,
    tierp.actor,
    tierp.scope,
    base({
      personalNumber: personalNumber("19900101", "456"),
      name: "Omar Olsson",
      gender: "man",
    }),
    TODAY,
  );
  Object.assign(lisa, { participantId: l.participantId, enrollmentId: l.enrollmentId });
  Object.assign(omar, { participantId: o.participantId, enrollmentId: o.enrollmentId });
  const account = (participantId: string) =>
    makePortalAccount(t.db, {
      associationId: f.associationId,
      dataControllerId: f.tierp.controller,
      initiativeId: f.tierp.initiative,
      participantId,
    });
  lisaAccount = await account(lisa.participantId);
  omarAccount = await account(omar.participantId);
});
afterAll(() => t?.drop());

const logOf = (participantId: string) =>
  t.owner.db
    .select({
      action: accessLog.action,
      fields: accessLog.fields,
      outcome: accessLog.outcome,
      actorName: accessLog.actorName,
      enrollmentId: accessLog.enrollmentId,
    })
    .from(accessLog)
    .where(eq(accessLog.participantId, participantId))
    .orderBy(asc(accessLog.id));

const auditOf = (stepId: string) =>
  t.owner.db
    .select({ action: auditEvents.action, details: auditEvents.details })
    .from(auditEvents)
    .where(eq(auditEvents.targetId, stepId))
    .orderBy(asc(auditEvents.seq));

describe("the coach's plan steps", () => {
  it("adds steps at the end, checks the input, and logs each change", async () => {
    const before = (await logOf(lisa.participantId)).length;
    const first = await addPlanStep(t.db, coach, lisa.enrollmentId, {
      title: "  Träffa  studievägledaren om SFI ",
      details: "Ta med ditt betyg.",
      dueOn: "2026-12-01",
    });
    await addPlanStep(t.db, coach, lisa.enrollmentId, {
      title: "Söka praktik",
      status: "pagar",
    });
    expect(first.version).toBe(1);
    const plan = await staffPlan(t.db, f.crypto, coach, lisa.enrollmentId);
    expect(plan.enrollment).toMatchObject({
      initiativeName: "Tierp, Växtverket",
      identity: "19850312-XXXX",
    });
    expect(plan.steps.map((s) => [s.title, s.status, s.dueOn, s.position])).toEqual([
      ["Träffa studievägledaren om SFI", "planerad", "2026-12-01", 0],
      ["Söka praktik", "pagar", null, 1],
    ]);
    expect(plan.steps[0]?.recordedByName).toBe("Anna Andersson");

    const log = (await logOf(lisa.participantId)).slice(before);
    expect(log.map((r) => [r.action, r.fields])).toEqual([
      ["change", ["planSteps"]],
      ["change", ["planSteps"]],
      ["read", ["identity.masked", "planSteps"]],
    ]);
    expect(log[0]).toMatchObject({ actorName: "Anna Andersson", enrollmentId: lisa.enrollmentId });

    const audit = await auditOf(first.id);
    expect(audit.map((a) => a.action)).toEqual(["portal.plan_step.added"]);
    const text = JSON.stringify(audit);
    for (const absent of ["Lisa", "SFI", "studievägledaren", lisa.participantId])
      expect(text).not.toContain(absent);

    await addPlanStep(t.db, coach, lisa.enrollmentId, { title: "Skriva CV", dueOn: "2026-12-10" });
  });

  it("refuses an empty or too long title and a bad date, with Swedish messages, writing nothing", async () => {
    const count = async () =>
      (
        await t.owner.db
          .select()
          .from(planSteps)
          .where(eq(planSteps.enrollmentId, lisa.enrollmentId))
      ).length;
    const before = await count();
    const error = await addPlanStep(t.db, coach, lisa.enrollmentId, {
      title: "  ",
      dueOn: "2026-13-01",
      status: "kanske",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual({
      title: expect.stringContaining("Skriv vad steget är"),
      dueOn: expect.stringContaining("ÅÅÅÅ-MM-DD"),
      status: expect.stringContaining("planerat, pågår eller är klart"),
    });
    const long = await addPlanStep(t.db, coach, lisa.enrollmentId, {
      title: "x".repeat(201),
    }).catch((e: unknown) => e);
    expect((long as ValidationError).fields.title).toContain("högst 200 tecken");
    expect(await count()).toBe(before);
  });

  it("edits, sets the status, and refuses a stale version with a conflict", async () => {
    const { steps } = await staffPlan(t.db, f.crypto, coach, lisa.enrollmentId);
    const step = steps[0];
    if (!step) throw new Error("no step");
    const edited = await updatePlanStep(t.db, coach, step.id, step.version, {
      title: "Träffa studievägledaren",
      details: "",
      dueOn: "2026-12-02",
      status: "pagar",
    });
    expect(edited.version).toBe(step.version + 1);
    // the same form sent again from a page read before the edit
    const stale = await updatePlanStep(t.db, coach, step.id, step.version, {
      title: "Något annat",
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).message).toMatch(/Någon annan har ändrat steget/);

    const done = await setPlanStepStatus(t.db, coach, step.id, edited.version, "klar");
    expect(done.version).toBe(edited.version + 1);
    await expect(
      setPlanStepStatus(t.db, coach, step.id, edited.version, "pagar"),
    ).rejects.toBeInstanceOf(ConflictError);
    const [stored] = await t.owner.db.select().from(planSteps).where(eq(planSteps.id, step.id));
    expect(stored).toMatchObject({
      title: "Träffa studievägledaren",
      details: null,
      dueOn: "2026-12-02",
      status: "klar",
      version: done.version,
    });
    expect((await auditOf(step.id)).map((a) => a.action)).toEqual([
      "portal.plan_step.added",
      "portal.plan_step.changed",
      "portal.plan_step.status_changed",
    ]);
  });

  it("moves steps up and down and removes one, keeping the order whole", async () => {
    const read = async () => (await staffPlan(t.db, f.crypto, coach, lisa.enrollmentId)).steps;
    let steps = await read();
    expect(steps.map((s) => s.title)).toEqual([
      "Träffa studievägledaren",
      "Söka praktik",
      "Skriva CV",
    ]);
    const cv = steps[2];
    if (!cv) throw new Error("no step");
    const up = await movePlanStep(t.db, coach, cv.id, cv.version, "up");
    expect(up.moved).toBe(true);
    steps = await read();
    expect(steps.map((s) => s.title)).toEqual([
      "Träffa studievägledaren",
      "Skriva CV",
      "Söka praktik",
    ]);
    const top = steps[0];
    if (!top) throw new Error("no step");
    expect((await movePlanStep(t.db, coach, top.id, top.version, "up")).moved).toBe(false);
    const down = await movePlanStep(t.db, coach, top.id, top.version, "down");
    expect(down.moved).toBe(true);
    steps = await read();
    expect(steps.map((s) => [s.title, s.position])).toEqual([
      ["Skriva CV", 0],
      ["Träffa studievägledaren", 1],
      ["Söka praktik", 2],
    ]);

    const middle = steps[1];
    if (!middle) throw new Error("no step");
    await expect(removePlanStep(t.db, coach, middle.id, middle.version - 1)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await removePlanStep(t.db, coach, middle.id, middle.version);
    steps = await read();
    expect(steps.map((s) => [s.title, s.position])).toEqual([
      ["Skriva CV", 0],
      ["Söka praktik", 1],
    ]);
    await expect(removePlanStep(t.db, coach, middle.id, middle.version)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await auditOf(middle.id)).at(-1)?.action).toBe("portal.plan_step.removed");
  });

  it("gives an officer of another initiative nothing, and logs the attempt as denied", async () => {
    const { steps } = await staffPlan(t.db, f.crypto, coach, lisa.enrollmentId);
    const step = steps[0];
    if (!step) throw new Error("no step");
    const second = await f.access(f.officers.tierpSecond);
    const sameOwner: PlanStaff = { ...second, audit: { userId: null, label: "bo@example.se" } };
    for (const staff of [other, sameOwner]) {
      await expect(staffPlan(t.db, f.crypto, staff, lisa.enrollmentId)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(
        addPlanStep(t.db, staff, lisa.enrollmentId, { title: "Inte min deltagare" }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        updatePlanStep(t.db, staff, step.id, step.version, { title: "Ändrat" }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(removePlanStep(t.db, staff, step.id, step.version)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    const [stored] = await t.owner.db.select().from(planSteps).where(eq(planSteps.id, step.id));
    expect(stored?.title).toBe(step.title);
    const denied = await t.owner.db
      .select({ name: accessLog.actorName })
      .from(accessLog)
      .where(and(eq(accessLog.enrollmentId, lisa.enrollmentId), eq(accessLog.outcome, "denied")));
    expect(denied.map((d) => d.name)).toEqual(
      expect.arrayContaining(["Cecilia Carlsson", "Bo Berg"]),
    );
  });
});

describe("the participant's plan", () => {
  beforeAll(async () => {
    await addPlanStep(t.db, coach, omar.enrollmentId, {
      title: "Omars eget steg",
      dueOn: "2026-11-25",
    });
    // a measurement plan: zero-point at start, follow-up every 3 months
    const versionId = (await addTestInstrument(t.db, f.associationId, "planens")).versionId;
    await savePlan(
      t.db,
      { userId: null, label: "eva@example.se", name: "Eva Ek" },
      f.associationId,
      f.tierp.initiative,
      {
        instrumentVersionIds: [versionId],
        intervalMonths: 3,
        atExit: true,
        graceDays: 14,
        targetPercent: 80,
        comparisonGroup: false,
      },
      null,
    );
    await recordMeasurement(
      t.db,
      tierp,
      {
        enrollmentId: lisa.enrollmentId,
        instrumentVersionId: versionId,
        occasion: "nollpunkt",
        measuredOn: "2026-09-01",
        mode: "samtal",
        answers: { halsa: 5, rutiner: 5, oro: 5 },
      },
      TODAY,
    );
    // booked times: Lisa's past and coming ones, and Omar's earlier coming one
    const [window] = await t.owner.db
      .insert(availability)
      .values({
        associationId: f.associationId,
        dataControllerId: f.tierp.controller,
        initiativeId: f.tierp.initiative,
        kind: "studiecoach",
        title: "Lina, studiecoach",
        mode: "pa_plats",
        place: "Storgatan 1, rum 3",
        day: "2026-11-26",
        opensAt: "09:00",
        closesAt: "12:00",
        slotMinutes: 30,
        createdByName: "Anna Andersson",
      })
      .returning({ id: availability.id });
    const book = (participantId: string, startsAt: string, status: "bokad" | "avbokad") =>
      t.owner.db.insert(bookings).values({
        availabilityId: window?.id ?? "",
        associationId: f.associationId,
        dataControllerId: f.tierp.controller,
        initiativeId: f.tierp.initiative,
        participantId,
        startsAt: new Date(startsAt),
        endsAt: new Date(new Date(startsAt).getTime() + 30 * 60_000),
        status,
        bookedBy: "deltagare",
      });
    await book(lisa.participantId, "2026-11-20T09:00:00Z", "bokad");
    await book(lisa.participantId, "2026-11-26T08:00:00Z", "avbokad");
    await book(lisa.participantId, "2026-11-26T09:30:00Z", "bokad");
    await book(omar.participantId, "2026-11-24T08:00:00Z", "bokad");
  });

  it("shows the participant their own steps and what happens next, never another participant's", async () => {
    const plan = await planOf(t.db, lisaAccount, { now: NOW, today: TODAY });
    expect(plan.plans).toHaveLength(1);
    expect(plan.plans[0]).toMatchObject({
      enrollmentId: lisa.enrollmentId,
      initiativeName: "Tierp, Växtverket",
      organisation: "Tierps kommun",
    });
    expect(plan.plans[0]?.steps.map((s) => [s.title, s.status])).toEqual([
      ["Skriva CV", "planerad"],
      ["Söka praktik", "pagar"],
    ]);
    expect(plan.next.booking).toMatchObject({
      startsAt: "2026-11-26T09:30:00.000Z",
      title: "Lina, studiecoach",
      place: "Storgatan 1, rum 3",
      mode: "pa_plats",
    });
    expect(plan.next.step).toMatchObject({
      title: "Skriva CV",
      dueOn: "2026-12-10",
      overdue: false,
    });
    // zero-point done on 2026-09-01: the first follow-up is due three months after the start
    expect(plan.next.measurement).toMatchObject({
      occasion: "uppfoljning",
      dueOn: "2026-12-01",
      status: "kommande",
      instrument: { sv: "Testskattning planens" },
    });
    const text = JSON.stringify(plan);
    expect(text).not.toContain("Omars eget steg");
    expect(text).not.toContain(omar.enrollmentId);
    expect(text).not.toContain("2026-11-24T08");

    const his = await planOf(t.db, omarAccount, { now: NOW, today: TODAY });
    expect(his.plans.flatMap((p) => p.steps.map((s) => s.title))).toEqual(["Omars eget steg"]);
    expect(his.next.booking?.startsAt).toBe("2026-11-24T08:00:00.000Z");
    // Omar has no zero-point yet: it was due at his start and is overdue
    expect(his.next.measurement).toMatchObject({ occasion: "nollpunkt", status: "forsenad" });
    expect(JSON.stringify(his)).not.toContain("Skriva CV");
  });

  it("cannot be read from the association zone", async () => {
    const error = await inAssociationZone(t.db, (tx) =>
      tx.execute(sql`select count(*) from register.plan_steps`),
    ).catch((e: unknown) => e);
    expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(
      /permission denied for schema register/,
    );
  });
});
