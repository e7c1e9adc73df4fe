// The access log as the auditor and the participant read it: the auditor searches one
// association's log by person, participant, action and date without ever reaching a
// participant's record; the participant sees when and which organisation read their record.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { expectSwedishDays, NIGHT_MOMENTS } from "../../tests/support/swedish-days.ts";
import { can } from "../access/policy.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { ValidationError } from "../platform/errors.ts";
import { participantOwnLog, searchAccessLog } from "./access-log.ts";
import { getEnrollment, registerParticipant, revealIdentity } from "./participants.ts";
import { personalNumber, type RegisterFixture, registerFixture } from "./register-fixture.ts";
import { accessLog } from "./schema.ts";
import { type AccessLogScope, accessLogScopeFor, type RegisterAccess } from "./scope.ts";

const TODAY = "2026-11-23";
let t: TestDatabase;
let f: RegisterFixture;
let tierp: RegisterAccess;
let heby: RegisterAccess;
let logScope: AccessLogScope;
const ids = {
  tierp: { participant: "", enrollment: "" },
  heby: { participant: "", enrollment: "" },
};

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db);
  tierp = await f.access(f.officers.tierp);
  heby = await f.access(f.officers.heby);
  const scope = await accessLogScopeFor(t.db, f.auditor, f.associationId);
  if (!scope) throw new Error("the auditor has no log scope");
  logScope = scope;
  const consent = { consentedOn: "2026-03-02", textVersion: "2026:1", language: "svenska" };
  const register = async (access: RegisterAccess, initiativeId: string, number: string) =>
    registerParticipant(
      t.db,
      f.crypto,
      access.actor,
      access.scope,
      {
        initiativeId,
        personalNumber: number,
        consent,
        gender: "kvinna",
        birthYear: null,
        startDate: "2026-03-02",
        municipalityCode: "0360",
      },
      TODAY,
    );
  const a = await register(tierp, f.tierp.initiative, personalNumber("19910202", "128"));
  ids.tierp = { participant: a.participantId, enrollment: a.enrollmentId };
  const b = await register(heby, f.heby.initiative, personalNumber("19920303", "246"));
  ids.heby = { participant: b.participantId, enrollment: b.enrollmentId };
  await getEnrollment(t.db, f.crypto, tierp.actor, tierp.scope, a.enrollmentId);
  await revealIdentity(t.db, f.crypto, tierp.actor, tierp.scope, a.enrollmentId);
  await getEnrollment(t.db, f.crypto, heby.actor, heby.scope, b.enrollmentId);
});
afterAll(() => t?.drop());

describe("the auditor's search", () => {
  it("is given to the auditor only, over every data controller of the association", async () => {
    expect(can(f.auditor, "register.access_log", f.associationId)).toBe(true);
    expect(logScope.controllers).toEqual(
      expect.arrayContaining([f.tierp.controller, f.heby.controller]),
    );
    for (const principal of [f.officers.tierp, f.admin])
      expect(await accessLogScopeFor(t.db, principal, f.associationId)).toBeNull();
    // and the register's records stay closed to the auditor
    expect(can(f.auditor, "register.view", f.associationId)).toBe(false);
    expect((await f.access(f.auditor)).scope.initiatives).toEqual([]);
  });

  it("finds entries by participant, person, action and date, newest first", async () => {
    const all = await searchAccessLog(t.db, logScope);
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => r.dataControllerName)).toEqual(
      expect.arrayContaining(["Tierps kommun", "Heby kommun"]),
    );
    const about = await searchAccessLog(t.db, logScope, { participantId: ids.tierp.participant });
    expect(about.rows.map((r) => r.action)).toEqual(["reveal", "read", "change"]);
    expect(about.rows[0]).toMatchObject({
      actorName: "Anna Andersson",
      actorRole: "participant_officer",
      actorOrganisation: "Tierps kommun",
      fields: ["identity"],
      outcome: "ok",
    });
    const byPerson = await searchAccessLog(t.db, logScope, { userId: f.officers.heby.userId });
    expect(byPerson.rows.every((r) => r.actorName === "Cecilia Carlsson")).toBe(true);
    expect(byPerson.total).toBe(2);
    expect((await searchAccessLog(t.db, logScope, { action: "reveal" })).total).toBe(1);
    const today = todayInSweden();
    expect((await searchAccessLog(t.db, logScope, { from: today, to: today })).total).toBe(5);
    expect(
      (await searchAccessLog(t.db, logScope, { from: "2020-01-01", to: "2020-12-31" })).total,
    ).toBe(0);
    const page = await searchAccessLog(t.db, logScope, { limit: 2, offset: 1 });
    expect(page).toMatchObject({ total: 5 });
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(1, 3).map((r) => r.id));
  });

  it("returns log rows only: nothing of a participant's identity", async () => {
    const { rows } = await searchAccessLog(t.db, logScope);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/v1:|19910202|19920303|identityCiphertext|identityLookup/);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
      [
        "action",
        "actorName",
        "actorOrganisation",
        "actorRole",
        "actorUserId",
        "at",
        "dataControllerId",
        "dataControllerName",
        "enrollmentId",
        "fields",
        "id",
        "outcome",
        "participantId",
        "requestId",
      ].sort(),
    );
  });

  it("refuses bad filters in Swedish", async () => {
    const error = await searchAccessLog(t.db, logScope, {
      participantId: "nummer 7",
      action: "titta",
      from: "2026-13-01",
      to: "igår",
      limit: 5000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toMatchObject({
      participantId: expect.stringMatching(/8-4-4-4-12/),
      action: expect.stringMatching(/^Okänd händelse/),
      from: expect.stringMatching(/ÅÅÅÅ-MM-DD/),
      to: expect.stringMatching(/ÅÅÅÅ-MM-DD/),
      limit: expect.stringMatching(/mellan 1 och 1000/),
    });
    const reversed = await searchAccessLog(t.db, logScope, {
      from: "2026-05-01",
      to: "2026-04-01",
    }).catch((e: unknown) => e);
    expect((reversed as ValidationError).fields.to).toMatch(/före startdatumet/);
  });
});

describe("the participant's own log", () => {
  it("says when and which organisation read or changed the record", async () => {
    const own = await participantOwnLog(t.db, {
      dataControllerId: f.tierp.controller,
      participantId: ids.tierp.participant,
    });
    expect(own.map((e) => [e.organisation, e.action, e.actionLabel])).toEqual([
      ["Tierps kommun", "change", "ändrade"],
      ["Tierps kommun", "read", "läste"],
      ["Tierps kommun", "reveal", "visade fullständigt personnummer"],
    ]);
    expect(own.every((e) => e.at instanceof Date)).toBe(true);
    expect(Object.keys(own[0] ?? {}).sort()).toEqual([
      "action",
      "actionLabel",
      "at",
      "organisation",
    ]);
    // another controller's participant is not found through the wrong controller
    expect(
      await participantOwnLog(t.db, {
        dataControllerId: f.tierp.controller,
        participantId: ids.heby.participant,
      }),
    ).toEqual([]);
    const rows = await t.owner.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.participantId, ids.heby.participant));
    expect(rows.length).toBe(2);
  });
});

describe("dates", () => {
  it("are Swedish days, as the log shows its times: 00:30 in Sweden is on that day", async () => {
    const entry = {
      associationId: f.associationId,
      dataControllerId: f.tierp.controller,
      actorName: "Nattugglan",
      actorRole: "participant_officer",
      actorOrganisation: "Tierps kommun",
      participantId: ids.tierp.participant,
      action: "export" as const,
      outcome: "ok" as const,
    };
    await t.owner.db
      .insert(accessLog)
      .values(NIGHT_MOMENTS.map((moment) => ({ ...entry, at: new Date(moment) })));
    await expectSwedishDays(async (from, to = from) =>
      (await searchAccessLog(t.db, logScope, { action: "export", from, to })).rows.map((r) =>
        r.at.toISOString(),
      ),
    );
  });
});
