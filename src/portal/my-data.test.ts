// Mina uppgifter on a real database: the participant sees their own record (identity masked),
// their plan, bookings and portal contact, and who has read it (organisation, action, newest
// first); the download — the register extract with the participant as the actor — holds their
// own data and the access log about them, is itself logged as an export, and holds nothing of
// another participant of the same initiative.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
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
    // registration (change), the plan step (change), the coach's read — newest first
    expect(d.log.map((e) => e.action)).toEqual(["read", "change", "change"]);
    expect(d.log.every((e) => e.organisation === "Tierps kommun" && !e.self)).toBe(true);
    const text = JSON.stringify(d);
    for (const absent of ["Omar", "omar@example.se", OMAR.slice(0, 8), ids.omarEnrollment])
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
    ])
      expect(text).not.toContain(absent);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

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
