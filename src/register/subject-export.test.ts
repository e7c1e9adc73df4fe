// The data-subject export (registerutdrag): everything stored about the person, the identity
// decrypted, codes with their Swedish words, and the access log about them — as JSON and as a
// PDF — and the export itself logged.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { keepForPreview, pdfText, squash } from "../documents/testing.ts";
import { NotFoundError } from "../platform/errors.ts";
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
