// The participant register's use cases on a real database: the life of a participant from
// consent to erasure, anonymous registration, the same person found again, row-level security
// between initiatives and data controllers, refusals in Swedish that write nothing, and the
// access log of every read and change.
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import {
  exitEnrollment,
  getEnrollment,
  listCountOnly,
  listEnrollments,
  markProtectedIdentity,
  type RegisterParticipantInput,
  recordCountOnly,
  registerParticipant,
  revealIdentity,
  updateBackground,
  withdrawConsent,
} from "./participants.ts";
import { personalNumber, type RegisterFixture, registerFixture } from "./register-fixture.ts";
import {
  accessLog,
  consents,
  countOnlyParticipation,
  enrollments,
  erasures,
  participants,
} from "./schema.ts";
import type { RegisterAccess } from "./scope.ts";
import { inRegister } from "./zone.ts";

const TODAY = "2026-11-23";
let t: TestDatabase;
let f: RegisterFixture;
let tierp: RegisterAccess;
let tierpSecond: RegisterAccess;
let heby: RegisterAccess;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db);
  tierp = await f.access(f.officers.tierp);
  tierpSecond = await f.access(f.officers.tierpSecond);
  heby = await f.access(f.officers.heby);
});
afterAll(() => t?.drop());

const base = (over: Partial<RegisterParticipantInput> = {}): RegisterParticipantInput => ({
  initiativeId: f.tierp.initiative,
  gender: "kvinna",
  birthYear: null,
  startDate: "2026-03-02",
  consent: { consentedOn: "2026-03-02", textVersion: "2026:1", language: "svenska" },
  background: {
    education: "gymnasial",
    supportBefore: ["forsorjningsstod", "a_kassa"],
    timeOnSupport: "1_2_ar",
    occupationBefore: "arbetslos",
    referrer: "kommun",
  },
  municipalityCode: "0360",
  ...over,
});

/** What the database holds, read as its owner (no row-level security). */
async function stored(participantId: string) {
  const [p] = await t.owner.db
    .select()
    .from(participants)
    .where(eq(participants.id, participantId));
  if (!p) throw new Error("no participant");
  return p;
}

async function logOf(participantId: string) {
  return t.owner.db
    .select({ action: accessLog.action, fields: accessLog.fields, outcome: accessLog.outcome })
    .from(accessLog)
    .where(eq(accessLog.participantId, participantId))
    .orderBy(accessLog.id);
}

async function counts() {
  const n = async (table: typeof participants | typeof enrollments | typeof consents) =>
    (await t.owner.db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    participants: await n(participants),
    enrollments: await n(enrollments),
    consents: await n(consents),
    log: (await t.owner.db.select({ n: count() }).from(accessLog))[0]?.n ?? 0,
  };
}

describe("the life of a participant", () => {
  it("goes from consent to enrollment, masked reads, a logged reveal, exit and withdrawn consent", async () => {
    const number = personalNumber("19900315", "238");
    const registered = await registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      base({ personalNumber: number, name: "Lisa Lind" }),
      TODAY,
    );
    expect(registered).toMatchObject({
      anonymous: false,
      newParticipant: true,
      identityDiscarded: false,
    });

    // at rest: encrypted, with a keyed hash, and the birth year taken from the number
    const atRest = await stored(registered.participantId);
    expect(atRest.identityCiphertext).toMatch(/^v1:/);
    expect(atRest.identityCiphertext).not.toContain("199003");
    expect(atRest.nameCiphertext).not.toContain("Lisa");
    expect(atRest.identityLookup).toBe(f.crypto.lookupHash(number.replace("-", "")));
    expect(atRest).toMatchObject({ birthYear: 1990, gender: "kvinna", anonymous: false });
    expect(atRest.dataControllerId).toBe(f.tierp.controller);

    // read: masked, and the read is logged
    const read = await getEnrollment(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      registered.enrollmentId,
    );
    expect(read.participant).toMatchObject({
      identity: "19900315-XXXX",
      identityState: "lagrad",
      identityKind: "personnummer",
      hasName: true,
      birthYear: 1990,
    });
    expect(JSON.stringify(read)).not.toContain(number.slice(9));
    expect(JSON.stringify(read)).not.toContain("Lisa");
    expect(read.consent).toMatchObject({ consentedOn: "2026-03-02", textVersion: "2026:1" });
    expect(read.background.supportBefore).toEqual(["forsorjningsstod", "a_kassa"]);
    const list = await listEnrollments(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      f.tierp.initiative,
    );
    expect(list.map((e) => e.participant.identity)).toContain("19900315-XXXX");

    // reveal: the full number and the name, logged
    expect(
      await revealIdentity(t.db, f.crypto, tierp.actor, tierp.scope, registered.enrollmentId),
    ).toEqual({ personalNumber: number, kind: "personnummer", name: "Lisa Lind" });

    // exit
    const exited = await exitEnrollment(
      t.db,
      tierp.actor,
      tierp.scope,
      registered.enrollmentId,
      read.version,
      {
        endDate: "2026-10-30",
        status: "arbete_subventionerat",
        studies: true,
        extent: "deltid",
        supportAfter: ["lon"],
        actionPlanAtExit: true,
        actionPlanDate: "2026-04-15",
      },
      TODAY,
    );
    expect(exited).toEqual({ version: read.version + 1, voided: false });

    // withdrawn consent erases the identity, keeps the statistics, records the erasure
    expect(
      await withdrawConsent(
        t.db,
        tierp.actor,
        tierp.scope,
        {
          enrollmentId: registered.enrollmentId,
          participantVersion: read.participant.version,
          withdrawnOn: "2026-11-20",
        },
        TODAY,
      ),
    ).toEqual({ erased: true });
    const after = await stored(registered.participantId);
    expect(after).toMatchObject({
      identityCiphertext: null,
      identityLookup: null,
      identityKind: null,
      nameCiphertext: null,
      gender: "kvinna",
      birthYear: 1990,
    });
    expect(after.erasedAt).toBeInstanceOf(Date);
    const [enrollment] = await t.owner.db
      .select()
      .from(enrollments)
      .where(eq(enrollments.id, registered.enrollmentId));
    expect(enrollment).toMatchObject({
      endDate: "2026-10-30",
      actionPlanDate: "2026-04-15",
      municipalityCode: "0360",
      exit: {
        status: "arbete_subventionerat",
        studies: true,
        extent: "deltid",
        supportAfter: ["lon"],
        actionPlanAtExit: true,
      },
      voided: false,
    });
    expect(enrollment?.background).toMatchObject({ education: "gymnasial" });
    expect(
      await t.owner.db
        .select({ reason: erasures.reason, by: erasures.erasedByName })
        .from(erasures)
        .where(eq(erasures.participantId, registered.participantId)),
    ).toEqual([{ reason: "samtycke_aterkallat", by: "Anna Andersson" }]);
    const [consent] = await t.owner.db
      .select()
      .from(consents)
      .where(eq(consents.participantId, registered.participantId));
    expect(consent?.withdrawnOn).toBe("2026-11-20");

    const erased = await getEnrollment(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      registered.enrollmentId,
    );
    expect(erased.participant).toMatchObject({ identity: null, identityState: "raderad" });
    expect(
      await revealIdentity(t.db, f.crypto, tierp.actor, tierp.scope, registered.enrollmentId),
    ).toBeNull();

    // every step is in the access log, with the officer's organisation
    const log = await logOf(registered.participantId);
    expect(log.map((l) => l.action)).toEqual([
      "change",
      "read",
      "search",
      "reveal",
      "change",
      "change",
      "erase",
      "read",
      "reveal",
    ]);
    expect(log[0]?.fields).toEqual(expect.arrayContaining(["identity", "name", "consent"]));
    expect(log[3]?.fields).toEqual(["identity", "name"]);
    expect(log[6]?.fields).toEqual(["identity", "name"]);
    const [who] = await t.owner.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.participantId, registered.participantId));
    expect(who).toMatchObject({
      actorName: "Anna Andersson",
      actorRole: "participant_officer",
      actorOrganisation: "Tierps kommun",
      actorUserId: f.officers.tierp.userId,
      outcome: "ok",
    });
  });

  it("voids an enrollment that was a felregistrering", async () => {
    const r = await registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      base({ consent: null, birthYear: 1985, gender: "man" }),
      TODAY,
    );
    const voided = await exitEnrollment(
      t.db,
      tierp.actor,
      tierp.scope,
      r.enrollmentId,
      1,
      { endDate: null, status: "felregistrering" },
      TODAY,
    );
    expect(voided.voided).toBe(true);
    const [row] = await t.owner.db
      .select()
      .from(enrollments)
      .where(eq(enrollments.id, r.enrollmentId));
    expect(row).toMatchObject({ voided: true, endDate: "2026-03-02" });
    const again = await exitEnrollment(
      t.db,
      tierp.actor,
      tierp.scope,
      r.enrollmentId,
      voided.version,
      { endDate: "2026-05-01", status: "arbetssokande" },
      TODAY,
    ).catch((e: unknown) => e);
    expect((again as ValidationError).fields.status).toMatch(/felregistrering/);
  });

  it("corrects the background with an optimistic version", async () => {
    const r = await registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      base({ consent: null, birthYear: 1999 }),
      TODAY,
    );
    const changed = await updateBackground(
      t.db,
      tierp.actor,
      tierp.scope,
      r.enrollmentId,
      1,
      { background: { education: "eftergymnasial_3_eller_langre" }, gender: "annan" },
      TODAY,
    );
    expect(changed.version).toBe(2);
    const view = await getEnrollment(t.db, f.crypto, tierp.actor, tierp.scope, r.enrollmentId);
    expect(view.background).toMatchObject({
      education: "eftergymnasial_3_eller_langre",
      referrer: "kommun",
      supportBefore: ["forsorjningsstod", "a_kassa"],
    });
    expect(view.participant.gender).toBe("annan");
    const stale = await updateBackground(
      t.db,
      tierp.actor,
      tierp.scope,
      r.enrollmentId,
      1,
      { municipalityCode: "0380" },
      TODAY,
    ).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    const log = await logOf(r.participantId);
    expect(log.map((l) => [l.action, l.fields])).toEqual([
      [
        "change",
        ["enrollment", "startDate", "background", "gender", "birthYear", "municipalityCode"],
      ],
      ["change", ["background", "gender"]],
      ["read", expect.any(Array)],
    ]);
  });

  it("erases the identity when protected identity comes to light", async () => {
    const r = await registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      base({ personalNumber: personalNumber("19880101", "456") }),
      TODAY,
    );
    expect(r.anonymous).toBe(false);
    const view = await getEnrollment(t.db, f.crypto, tierp.actor, tierp.scope, r.enrollmentId);
    expect(
      await markProtectedIdentity(t.db, tierp.actor, tierp.scope, {
        enrollmentId: r.enrollmentId,
        participantVersion: view.participant.version,
      }),
    ).toEqual({ erased: true });
    expect(await stored(r.participantId)).toMatchObject({
      identityCiphertext: null,
      protectedIdentity: true,
      birthYear: 1988,
    });
    const [erasure] = await t.owner.db
      .select()
      .from(erasures)
      .where(eq(erasures.participantId, r.participantId));
    expect(erasure?.reason).toBe("skyddad_identitet");
    const after = await getEnrollment(t.db, f.crypto, tierp.actor, tierp.scope, r.enrollmentId);
    expect(after.participant.identityState).toBe("skyddad");
  });
});

describe("anonymous registration", () => {
  it("stores no identity without consent: gender and birth year only", async () => {
    const r = await registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      base({
        consent: null,
        personalNumber: personalNumber("20010704", "117"),
        name: "Kim Kvist",
        gender: "man",
      }),
      TODAY,
    );
    expect(r).toMatchObject({ anonymous: true, identityDiscarded: true, newParticipant: true });
    expect(await stored(r.participantId)).toMatchObject({
      identityCiphertext: null,
      identityLookup: null,
      nameCiphertext: null,
      anonymous: true,
      gender: "man",
      birthYear: 2001,
    });
    expect(
      await t.owner.db.select().from(consents).where(eq(consents.participantId, r.participantId)),
    ).toEqual([]);
  });

  it("stores no identity with protected identity, even with consent", async () => {
    const number = personalNumber("19950520", "224");
    const r = await registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      base({ personalNumber: number, protectedIdentity: true, birthYear: 1995 }),
      TODAY,
    );
    expect(r.anonymous).toBe(true);
    const p = await stored(r.participantId);
    expect(p).toMatchObject({
      identityCiphertext: null,
      identityLookup: null,
      protectedIdentity: true,
      birthYear: 1995,
    });
    const view = await getEnrollment(t.db, f.crypto, tierp.actor, tierp.scope, r.enrollmentId);
    expect(view.participant).toMatchObject({ identity: null, identityState: "skyddad" });
    // and registering the same number again finds nobody: a new anonymous participant
    const again = await registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      base({ personalNumber: number, protectedIdentity: true, initiativeId: f.tierp.initiative }),
      TODAY,
    );
    expect(again.participantId).not.toBe(r.participantId);
  });

  it("accepts a registration without any number", async () => {
    const r = await registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      base({ consent: null, birthYear: 1970, gender: "vill_ej_ange", background: {} }),
      TODAY,
    );
    const view = await getEnrollment(t.db, f.crypto, tierp.actor, tierp.scope, r.enrollmentId);
    expect(view.participant).toMatchObject({ identityState: "anonym", birthYear: 1970 });
    expect(view.background).toMatchObject({
      education: "uppgift_saknas",
      supportBefore: ["uppgift_saknas"],
      referrer: "uppgift_saknas",
      bornAbroad: null,
    });
  });
});

describe("the same person again", () => {
  it("is found by the keyed hash within the data controller: a new enrollment, not a new participant", async () => {
    const number = personalNumber("19821111", "553");
    const first = await registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      base({
        personalNumber: number,
        startDate: "2025-02-03",
        consent: { consentedOn: "2025-02-01", textVersion: "2024:2", language: "svenska" },
      }),
      TODAY,
    );
    // still enrolled: refused
    const twice = await registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      base({ personalNumber: number }),
      TODAY,
    ).catch((e: unknown) => e);
    expect((twice as ValidationError).fields.personalNumber).toMatch(
      /redan inskriven i Tierp, Växtverket sedan 2025-02-03/,
    );
    await exitEnrollment(
      t.db,
      tierp.actor,
      tierp.scope,
      first.enrollmentId,
      1,
      { endDate: "2025-09-30", status: "avbrutit", supportAfter: ["forsorjningsstod"] },
      TODAY,
    );
    // the same number written in its short form, in the same initiative
    const again = await registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      base({ personalNumber: number.slice(2) }),
      TODAY,
    );
    expect(again).toMatchObject({ participantId: first.participantId, newParticipant: false });
    expect(again.enrollmentId).not.toBe(first.enrollmentId);
    // another initiative of the same data controller: the same participant
    const second = await registerParticipant(
      t.db,
      f.crypto,
      tierpSecond.actor,
      tierpSecond.scope,
      base({ personalNumber: number, initiativeId: f.tierp.second }),
      TODAY,
    );
    expect(second.participantId).toBe(first.participantId);
    // another data controller: a participant of its own register
    const elsewhere = await registerParticipant(
      t.db,
      f.crypto,
      heby.actor,
      heby.scope,
      base({ personalNumber: number, initiativeId: f.heby.initiative, municipalityCode: "0331" }),
      TODAY,
    );
    expect(elsewhere).toMatchObject({ newParticipant: true, anonymous: false });
    expect(elsewhere.participantId).not.toBe(first.participantId);
    expect(
      (
        await t.owner.db
          .select()
          .from(enrollments)
          .where(eq(enrollments.participantId, first.participantId))
      ).length,
    ).toBe(3);
    // a consent for each initiative
    expect(
      (
        await t.owner.db
          .select()
          .from(consents)
          .where(eq(consents.participantId, first.participantId))
      )
        .map((c) => c.initiativeId)
        .sort(),
    ).toEqual([f.tierp.initiative, f.tierp.initiative, f.tierp.second].sort());
  });
});

describe("row-level security between initiatives", () => {
  let enrollmentId = "";
  let participantId = "";
  beforeAll(async () => {
    const r = await registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      base({ personalNumber: personalNumber("19770607", "881") }),
      TODAY,
    );
    enrollmentId = r.enrollmentId;
    participantId = r.participantId;
  });

  it("shows an officer of another data controller nothing, and answers NotFound", async () => {
    await expect(
      getEnrollment(t.db, f.crypto, heby.actor, heby.scope, enrollmentId),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      revealIdentity(t.db, f.crypto, heby.actor, heby.scope, enrollmentId),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      listEnrollments(t.db, f.crypto, heby.actor, heby.scope, f.tierp.initiative),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      registerParticipant(t.db, f.crypto, heby.actor, heby.scope, base(), TODAY),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      exitEnrollment(
        t.db,
        heby.actor,
        heby.scope,
        enrollmentId,
        1,
        { endDate: "2026-10-01", status: "studier" },
        TODAY,
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    // the database itself hides the rows, whatever the code asks
    const seen = await inRegister(t.db, heby.scope, async (tx) => ({
      participants: await tx
        .select({ id: participants.id })
        .from(participants)
        .where(eq(participants.dataControllerId, f.tierp.controller)),
      enrollments: await tx
        .select({ id: enrollments.id })
        .from(enrollments)
        .where(eq(enrollments.initiativeId, f.tierp.initiative)),
    }));
    expect(seen).toEqual({ participants: [], enrollments: [] });
    // the attempts are logged as denied, in the officer's own controller's log
    const denied = await t.owner.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.enrollmentId, enrollmentId), eq(accessLog.outcome, "denied")));
    expect(denied.map((d) => [d.action, d.dataControllerId, d.actorName])).toEqual([
      ["read", f.heby.controller, "Cecilia Carlsson"],
      ["reveal", f.heby.controller, "Cecilia Carlsson"],
      ["change", f.heby.controller, "Cecilia Carlsson"],
    ]);
  });

  it("shows an officer of another initiative of the same controller none of its enrollments", async () => {
    await expect(
      getEnrollment(t.db, f.crypto, tierpSecond.actor, tierpSecond.scope, enrollmentId),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      revealIdentity(t.db, f.crypto, tierpSecond.actor, tierpSecond.scope, enrollmentId),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      withdrawConsent(
        t.db,
        tierpSecond.actor,
        tierpSecond.scope,
        { enrollmentId, participantVersion: 1, withdrawnOn: "2026-11-01" },
        TODAY,
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    const listed = await listEnrollments(
      t.db,
      f.crypto,
      tierpSecond.actor,
      tierpSecond.scope,
      f.tierp.second,
    );
    expect(listed.map((e) => e.participant.id)).not.toContain(participantId);
    expect((await stored(participantId)).identityCiphertext).not.toBeNull();
  });

  it("gives the office and the auditor no register scope at all", async () => {
    for (const principal of [f.admin, f.auditor]) {
      const access = await f.access(principal);
      expect(access.scope).toEqual({ controllers: [], initiatives: [] });
      await expect(
        listEnrollments(t.db, f.crypto, access.actor, access.scope, f.tierp.initiative),
      ).rejects.toBeInstanceOf(NotFoundError);
      const rows = await inRegister(t.db, access.scope, (tx) =>
        tx.select({ id: participants.id }).from(participants),
      );
      expect(rows).toEqual([]);
    }
    // an officer's scope for one initiative covers that one only
    const one = await f.access(f.officers.tierp, f.tierp.initiative);
    expect(one.scope).toEqual({
      controllers: [f.tierp.controller],
      initiatives: [f.tierp.initiative],
    });
    expect(one.actor).toMatchObject({ role: "participant_officer", organisation: "Tierps kommun" });
    expect((await f.access(f.officers.tierp, f.heby.initiative)).scope.initiatives).toEqual([]);
  });
});

describe("refusals", () => {
  it("refuses bad input in Swedish, naming the field, and writes nothing", async () => {
    const before = await counts();
    const refused = async (over: Partial<RegisterParticipantInput>) => {
      const error = await registerParticipant(
        t.db,
        f.crypto,
        tierp.actor,
        tierp.scope,
        base(over),
        TODAY,
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).fields;
    };
    const wrongCheck = `${personalNumber("19900315", "238").slice(0, 12)}${(Number(personalNumber("19900315", "238").at(-1)) + 1) % 10}`;
    expect((await refused({ personalNumber: wrongCheck })).personalNumber).toMatch(
      /^Kontrollsiffran stämmer inte/,
    );
    expect((await refused({ personalNumber: "19901315-1234" })).personalNumber).toMatch(
      /månaden.*01–12/,
    );
    expect((await refused({ personalNumber: "abc" })).personalNumber).toMatch(/siffror/);
    expect((await refused({ startDate: "2026-02-30" })).startDate).toMatch(/ÅÅÅÅ-MM-DD/);
    expect((await refused({ startDate: "2026-12-01" })).startDate).toMatch(/i framtiden/);
    expect((await refused({ startDate: "2023-05-01" })).startDate).toMatch(
      /före insatsens start \(2024-01-01\)/,
    );
    expect((await refused({ background: { education: "doktorsexamen" } })).education).toMatch(
      /^Okänt värde «doktorsexamen» för högsta avslutade utbildning\. Välj en av: /,
    );
    expect(
      (await refused({ background: { supportBefore: ["lon", "ingen"] } })).supportBefore,
    ).toMatch(/kan inte kombineras/);
    expect((await refused({ gender: "okänt" })).gender).toMatch(/Okänt värde «okänt» för kön/);
    expect((await refused({ gender: "" })).gender).toMatch(/^Välj kön/);
    expect((await refused({ birthYear: 2015 })).birthYear).toMatch(/ger åldern 11 år/);
    expect(
      (await refused({ personalNumber: personalNumber("19900315", "238"), birthYear: 1991 }))
        .birthYear,
    ).toMatch(/stämmer inte med personnumret/);
    expect((await refused({ municipalityCode: "9999" })).municipalityCode).toMatch(
      /Kommunkoden «9999» finns inte/,
    );
    expect(
      (
        await refused({
          consent: { consentedOn: "2026-03-10", textVersion: "2026:1", language: "svenska" },
        })
      ).consentedOn,
    ).toMatch(/senast på startdagen/);
    expect(
      (
        await refused({
          consent: { consentedOn: "2026-12-24", textVersion: "2026:1", language: "svenska" },
        })
      ).consentedOn,
    ).toMatch(/i framtiden/);
    expect(
      (await refused({ consent: { consentedOn: "2026-03-01", textVersion: "", language: "" } }))
        .consentTextVersion,
    ).toMatch(/version av samtyckestexten/);
    expect((await refused({ actionPlanDate: "2026-01-01" })).actionPlanDate).toMatch(
      /inte före startdatumet/,
    );
    expect(await counts()).toEqual(before);
  });

  it("asks for the local unit of an initiative with several, and refuses structural initiatives", async () => {
    const units = await registerParticipant(
      t.db,
      f.crypto,
      heby.actor,
      heby.scope,
      base({
        initiativeId: f.heby.units,
        consent: null,
        birthYear: 1990,
        municipalityCode: "0331",
      }),
      TODAY,
    ).catch((e: unknown) => e);
    expect((units as ValidationError).fields.localUnitId).toBe(
      "Välj delområde: insatsen arbetar i flera (Heby, Östervåla).",
    );
    const ok = await registerParticipant(
      t.db,
      f.crypto,
      heby.actor,
      heby.scope,
      base({
        initiativeId: f.heby.units,
        consent: null,
        birthYear: 1990,
        municipalityCode: "0331",
        localUnitId: "Östervåla",
      }),
      TODAY,
    );
    const view = await getEnrollment(t.db, f.crypto, heby.actor, heby.scope, ok.enrollmentId);
    expect(view.localUnitName).toBe("Östervåla");

    const structural = await registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      base({ initiativeId: f.tierp.structural }),
      TODAY,
    ).catch((e: unknown) => e);
    expect((structural as ValidationError).fields.initiativeId).toMatch(/strukturinriktad/);
  });

  it("refuses a bad exit and a duplicate deltagar-id", async () => {
    const r = await registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      base({ consent: null, birthYear: 1993, externalKey: "TV-17" }),
      TODAY,
    );
    const exit = async (input: Parameters<typeof exitEnrollment>[5]) =>
      (
        (await exitEnrollment(
          t.db,
          tierp.actor,
          tierp.scope,
          r.enrollmentId,
          1,
          input,
          TODAY,
        ).catch((e: unknown) => e)) as ValidationError
      ).fields;
    expect((await exit({ endDate: "2026-03-01", status: "studier" })).endDate).toMatch(
      /före startdatumet \(2026-03-02\)/,
    );
    expect((await exit({ endDate: "2026-12-01", status: "studier" })).endDate).toMatch(
      /i framtiden/,
    );
    expect((await exit({ endDate: "2026-10-01", status: "pension" })).status).toMatch(
      /Okänt värde «pension» för status vid avslut/,
    );
    expect(
      (await exit({ endDate: "2026-10-01", status: "arbetssokande", studies: true })).studies,
    ).toMatch(/bara kombineras med arbete/);
    expect(
      (await exit({ endDate: "2026-10-01", status: "studier", extent: "heltid" })).extent,
    ).toMatch(/bara när personen gick till arbete/);
    expect(
      (await exit({ endDate: "2026-10-01", status: "studier", supportAfter: ["bidrag"] }))
        .supportAfter,
    ).toMatch(/Okänt värde «bidrag» för försörjning efter/);
    const [row] = await t.owner.db
      .select()
      .from(enrollments)
      .where(eq(enrollments.id, r.enrollmentId));
    expect(row).toMatchObject({ endDate: null, exit: null, version: 1 });

    const duplicate = await registerParticipant(
      t.db,
      f.crypto,
      tierp.actor,
      tierp.scope,
      base({ consent: null, birthYear: 1993, externalKey: "TV-17" }),
      TODAY,
    ).catch((e: unknown) => e);
    expect((duplicate as ValidationError).fields.externalKey).toMatch(
      /Deltagar-id TV-17 finns redan/,
    );
  });
});

describe("count-only participation", () => {
  it("records women, men and others per period for a structural initiative", async () => {
    const first = await recordCountOnly(t.db, tierp.actor, tierp.scope, {
      initiativeId: f.tierp.structural,
      periodKey: "2026-K1",
      women: 12,
      men: 7,
      others: 1,
      expectedVersion: 0,
    });
    expect(first.version).toBe(1);
    const stale = await recordCountOnly(t.db, tierp.actor, tierp.scope, {
      initiativeId: f.tierp.structural,
      periodKey: "2026-K1",
      women: 13,
      men: 7,
      others: 1,
      expectedVersion: 0,
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    await recordCountOnly(t.db, tierp.actor, tierp.scope, {
      initiativeId: f.tierp.structural,
      periodKey: "2026-K1",
      women: 13,
      men: 7,
      others: 1,
      expectedVersion: 1,
    });
    expect(
      await listCountOnly(t.db, tierp.scope, f.tierp.structural).then((rows) =>
        rows.map((r) => [r.periodKey, r.women, r.men, r.others, r.version]),
      ),
    ).toEqual([["2026-K1", 13, 7, 1, 2]]);

    const wrong = await recordCountOnly(t.db, tierp.actor, tierp.scope, {
      initiativeId: f.tierp.initiative,
      periodKey: "kvartal 1",
      women: -1,
      men: 1.5,
      others: 0,
      expectedVersion: 0,
    }).catch((e: unknown) => e);
    expect((wrong as ValidationError).fields).toMatchObject({
      initiativeId: expect.stringMatching(/individinriktad/),
      periodKey: expect.stringMatching(/2026-K1/),
      women: expect.stringMatching(/heltal/),
      men: expect.stringMatching(/heltal/),
    });
    await expect(
      recordCountOnly(t.db, heby.actor, heby.scope, {
        initiativeId: f.tierp.structural,
        periodKey: "2026-K2",
        women: 1,
        men: 1,
        others: 0,
        expectedVersion: 0,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await t.owner.db.select({ n: count() }).from(countOnlyParticipation))[0]?.n).toBe(1);
  });
});

describe("the access log", () => {
  it("cannot be updated or deleted, by the register's role or by the table's owner", async () => {
    const attempt = async (statement: string, asRegister: boolean) => {
      const run = asRegister
        ? inRegister(t.db, tierp.scope, (tx) => tx.execute(sql.raw(statement)))
        : t.owner.db.execute(sql.raw(statement));
      const error = await run.catch((e: unknown) => e);
      return String((error as { cause?: unknown })?.cause ?? error);
    };
    for (const statement of [
      "update register.access_log set actor_name = 'någon annan'",
      "delete from register.access_log",
      "update register.erasures set reason = 'begaran'",
    ]) {
      expect(await attempt(statement, true)).toMatch(/permission denied/);
      expect(await attempt(statement, false)).toMatch(/endast för tillägg/);
    }
    const names = await t.owner.db.select({ n: accessLog.actorName }).from(accessLog);
    expect(names.length).toBeGreaterThan(0);
    expect(names.some((r) => r.n === "någon annan")).toBe(false);
  });
});
