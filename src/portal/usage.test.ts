// The portal's usage figures (src/portal/usage.ts) on hand-built data: exact figures with
// disclosure control off, the marks with the association's threshold, and nothing about a
// single participant in the output.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { roleAssignments, users } from "../people/schema.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { registerParticipant } from "../register/participants.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../register/register-fixture.ts";
import { inRegister } from "../register/zone.ts";
import { availability, bookings, portalAccounts, portalSignIns } from "./schema.ts";
import {
  formatUsage,
  monthsBetween,
  type PortalUsage,
  portalUsage,
  type UsageCell,
} from "./usage.ts";

let t: TestDatabase;
let f: RegisterFixture;
const people: { id: string; number: string }[] = [];

const TODAY = "2026-05-10";
const show = (cell: UsageCell) => formatUsage(cell);

/** A participant with a portal account on the Tierp initiative (rows written directly). */
async function participant(gender: string, serial: number): Promise<string> {
  const access = await f.access(f.officers.tierp);
  const number = personalNumber(
    `1990${String((serial % 12) + 1).padStart(2, "0")}15`,
    String(100 + serial),
  );
  const registered = await registerParticipant(
    t.db,
    f.crypto,
    access.actor,
    access.scope,
    {
      initiativeId: f.tierp.initiative,
      personalNumber: number,
      consent: { consentedOn: "2025-12-01", textVersion: "2025:1", language: "svenska" },
      gender,
      birthYear: 1990,
      startDate: "2025-12-01",
      municipalityCode: "0360",
    },
    TODAY,
  );
  const [user] = await t.db
    .insert(users)
    .values({
      email: `deltagare-${randomBytes(8).toString("hex")}@portal.invalid`,
      name: "Deltagare",
      kind: "participant",
    })
    .returning({ id: users.id });
  if (!user) throw new Error("no user");
  await t.db.insert(roleAssignments).values({
    userId: user.id,
    associationId: f.associationId,
    initiativeId: f.tierp.initiative,
    role: "participant",
  });
  await inRegister(t.db, access.scope, (tx) =>
    tx.insert(portalAccounts).values({
      userId: user.id,
      participantId: registered.participantId,
      associationId: f.associationId,
      dataControllerId: f.tierp.controller,
      initiativeId: f.tierp.initiative,
      createdByName: "Test",
    }),
  );
  people.push({ id: registered.participantId, number });
  return registered.participantId;
}

async function signIn(participantId: string, at: string, initiativeId = f.tierp.initiative) {
  const access = await f.access(f.officers.tierp);
  await inRegister(t.db, access.scope, (tx) =>
    tx.insert(portalSignIns).values({
      associationId: f.associationId,
      dataControllerId: f.tierp.controller,
      initiativeId,
      participantId,
      at: new Date(at),
      method: "kod",
    }),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "usage");
  // March 2026: 7 women and 6 men (and one of another gender) log in; 2 women and 1 man for
  // the first time, the others first logged in in January. April: 5 of the women and 1 man.
  const women: string[] = [];
  const men: string[] = [];
  for (let i = 0; i < 7; i++) women.push(await participant("kvinna", i));
  for (let i = 0; i < 6; i++) men.push(await participant("man", 20 + i));
  const other = await participant("annan", 40);
  const returningOnes = [...women.slice(0, 5), ...men.slice(0, 5), other];
  for (const id of returningOnes) await signIn(id, "2026-01-12T09:00:00Z");
  for (const id of [...women, ...men, other]) {
    await signIn(id, "2026-03-10T09:00:00Z");
    await signIn(id, "2026-03-20T09:00:00Z"); // twice in a month: one person
  }
  // 23:30 UTC on 31 March is 1 April in Sweden
  for (const id of women.slice(0, 4)) await signIn(id, "2026-03-31T23:30:00Z");
  await signIn(women[6] as string, "2026-04-02T08:00:00Z");
  await signIn(men[0] as string, "2026-04-03T08:00:00Z");
  // bookings: 6 made in March; of them 3 kept and 1 missed in April, 2 cancelled in March
  const access = await f.access(f.officers.tierp);
  await inRegister(t.db, access.scope, async (tx) => {
    const [window] = await tx
      .insert(availability)
      .values({
        associationId: f.associationId,
        dataControllerId: f.tierp.controller,
        initiativeId: f.tierp.initiative,
        kind: "studiecoach",
        title: "Lina, studiecoach",
        mode: "pa_plats",
        place: "Växtverket, Tierp",
        day: "2026-04-14",
        opensAt: "09:00",
        closesAt: "16:00",
        slotMinutes: 30,
        createdByName: "Test",
      })
      .returning({ id: availability.id });
    if (!window) throw new Error("no availability");
    const statuses = [
      "genomford",
      "genomford",
      "genomford",
      "uteblev",
      "avbokad",
      "avbokad",
    ] as const;
    for (const [k, status] of statuses.entries()) {
      const startsAt = new Date(`2026-04-14T${String(7 + k).padStart(2, "0")}:00:00Z`);
      await tx.insert(bookings).values({
        availabilityId: window.id,
        associationId: f.associationId,
        dataControllerId: f.tierp.controller,
        initiativeId: f.tierp.initiative,
        participantId: women[k] as string,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        status,
        bookedBy: "deltagare",
        createdAt: new Date("2026-03-15T10:00:00Z"),
        cancelledAt: status === "avbokad" ? new Date("2026-03-25T10:00:00Z") : null,
      });
    }
  });
});
afterAll(() => t?.drop());

const usage = (threshold: number, from = "2026-02", to = "2026-04") =>
  portalUsage(t.db, f.associationId, {
    from,
    to,
    initiativeIds: [f.tierp.initiative],
    threshold,
    allowTrueZero: threshold === 0,
  });

const figures = (u: PortalUsage, table: 0 | 1 | 2) =>
  u.people[table].rows.map((r) => [r.month, show(r.kvinnor), show(r.man), show(r.totalt)]);

describe("the portal's usage figures", () => {
  it("counts people per month by gender, new and returning, with disclosure control off", async () => {
    const u = await usage(0);
    expect(u.months.map((m) => m.label)).toEqual(["februari 2026", "mars 2026", "april 2026"]);
    expect(figures(u, 0)).toEqual([
      ["2026-02", "0", "0", "0"],
      ["2026-03", "7", "6", "14"],
      ["2026-04", "5", "1", "6"],
    ]);
    expect(figures(u, 1)).toEqual([
      ["2026-02", "0", "0", "0"],
      ["2026-03", "2", "1", "3"],
      ["2026-04", "0", "0", "0"],
    ]);
    expect(figures(u, 2)).toEqual([
      ["2026-02", "0", "0", "0"],
      ["2026-03", "5", "5", "11"],
      ["2026-04", "5", "1", "6"],
    ]);
    // new + returning = logged in, for every month and column
    for (const [i, row] of u.people[0].rows.entries()) {
      for (const g of ["kvinnor", "man", "totalt"] as const) {
        const value = (c: UsageCell) => ("value" in c ? c.value : Number.NaN);
        expect(
          value(u.people[1].rows[i]?.[g] as UsageCell) +
            value(u.people[2].rows[i]?.[g] as UsageCell),
        ).toBe(value(row[g]));
      }
    }
    expect(u.disclosure.reasons).toEqual([
      "Röjandekontrollen är avstängd (tröskel 0): alla antal visas som de är.",
    ]);
  });

  it("counts January's first sign-ins as new in January", async () => {
    const u = await usage(0, "2026-01", "2026-01");
    expect(figures(u, 1)).toEqual([["2026-01", "5", "5", "11"]]);
    expect(figures(u, 2)).toEqual([["2026-01", "0", "0", "0"]]);
  });

  it("counts bookings made, kept, missed and cancelled per month and in total", async () => {
    const u = await usage(0);
    const row = (c: PortalUsage["bookings"]["total"]) =>
      [c.made, c.kept, c.missed, c.cancelled].map(show);
    expect(u.bookings.rows.map((r) => [r.month, ...row(r)])).toEqual([
      ["2026-02", "0", "0", "0", "0"],
      ["2026-03", "6", "0", "0", "2"],
      ["2026-04", "0", "3", "1", "0"],
    ]);
    expect(row(u.bookings.total)).toEqual(["6", "3", "1", "2"]);
  });

  it('shows 1–4 as "< 5" and hides enough else that nothing can be worked out', async () => {
    const u = await usage(5);
    const march = (table: 0 | 1 | 2) => u.people[table].rows[1] as (typeof u.people)[0]["rows"][0];
    // 2 new women, 1 new man, 3 new in all: below the threshold
    expect(show(march(1).kvinnor)).toBe("<\u00a05");
    expect(show(march(1).man)).toBe("<\u00a05");
    expect(show(march(1).totalt)).toBe("<\u00a05");
    // secondary suppression: in every line of March's table (new + returning = logged in, by
    // column; kvinnor + män + others = totalt, by row) no single figure is hidden alone
    const hidden = (c: UsageCell) => "suppressed" in c;
    for (const g of ["kvinnor", "man", "totalt"] as const) {
      const line = [march(1)[g], march(2)[g], march(0)[g]];
      expect(line.filter(hidden).length).not.toBe(1);
    }
    for (const table of [0, 1, 2] as const) {
      const r = march(table);
      // the other genders are hidden, so kvinnor + män + a hidden part = totalt: a row with a
      // suppressed cell must hide a second one
      const n = [r.kvinnor, r.man, r.totalt].filter(hidden).length;
      expect(n === 0 || n >= 2).toBe(true);
    }
    // returning women (5) can no longer be worked out from logged in (7) − new (< 5)
    expect(show(march(2).kvinnor)).toBe("..");
    // April: 1 man logged in, returning
    const april = u.people[0].rows[2];
    expect(show(april?.man as UsageCell)).toBe("<\u00a05");
    expect(u.disclosure.primary).toBeGreaterThan(0);
    expect(u.disclosure.secondary).toBeGreaterThan(0);
    expect(u.disclosure.reasons.join(" ")).toContain("visas som ”<\u00a05”");
    // bookings: 2 cancelled, 1 missed, 3 kept are too few
    expect(show(u.bookings.total.cancelled)).toBe("<\u00a05");
    expect(show(u.bookings.total.made)).toBe("6");
  });

  it("takes the association's own threshold when none is given", async () => {
    const u = await portalUsage(t.db, f.associationId, {
      from: "2026-03",
      to: "2026-03",
      initiativeIds: [f.tierp.initiative],
    });
    expect(u.threshold).toBe(5);
    expect(show(u.people[1].rows[0]?.kvinnor as UsageCell)).toBe("<\u00a05");
  });

  it("carries no participant id or personnummer", async () => {
    const text = JSON.stringify([await usage(0), await usage(5)]);
    expect(people.length).toBe(14);
    for (const p of people) {
      expect(text).not.toContain(p.id);
      expect(text).not.toContain(p.number);
      expect(text).not.toContain(p.number.replace("-", ""));
    }
  });

  it("counts only the initiative asked for", async () => {
    const u = await portalUsage(t.db, f.associationId, {
      from: "2026-03",
      to: "2026-03",
      initiativeIds: [f.tierp.second],
      threshold: 0,
      allowTrueZero: true,
    });
    expect(figures(u, 0)).toEqual([["2026-03", "0", "0", "0"]]);
  });

  it("refuses a bad period and an initiative of another association", async () => {
    await expect(usage(0, "2026-05", "2026-02")).rejects.toThrow(ValidationError);
    await expect(usage(0, "2026-13", "2026-02")).rejects.toThrow(ValidationError);
    await expect(usage(0, "2020-01", "2026-02")).rejects.toThrow(ValidationError);
    await expect(
      portalUsage(t.db, f.associationId, {
        from: "2026-01",
        to: "2026-02",
        initiativeIds: ["00000000-0000-4000-8000-000000000000"],
      }),
    ).rejects.toThrow(NotFoundError);
    expect(monthsBetween("2025-11", "2026-02")).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
  });
});
