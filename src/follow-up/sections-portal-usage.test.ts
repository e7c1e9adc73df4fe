// The follow-up report's portal section (sections-portal-usage.ts), computed from sign-ins in the
// register: all individual initiatives together, per month of the period, after disclosure
// control with the association's threshold; no participant in it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { portalSignIns } from "../portal/schema.ts";
import { formatUsage } from "../portal/usage.ts";
import { registerParticipant } from "../register/participants.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../register/register-fixture.ts";
import { inRegister } from "../register/zone.ts";
import { computeFollowUp } from "./compute.ts";
import { FIGURE_KEYS } from "./definitions.ts";
import { followUpJson } from "./documents/json.ts";
import { committedSchemaValidator } from "./documents/test-fixture.ts";
import type { FollowUpReport, PersonCount } from "./model.ts";
import { NO_INDIVIDUAL_TEXT, portalUsageSection, usageMonths } from "./sections-portal-usage.ts";

let t: TestDatabase;
let f: RegisterFixture;
let report: FollowUpReport;
const ids: string[] = [];
const numbers: string[] = [];

async function person(
  where: "tierp" | "heby",
  gender: string,
  serial: number,
  signIns: string[],
): Promise<void> {
  const access = await f.access(where === "tierp" ? f.officers.tierp : f.officers.heby);
  const initiativeId = where === "tierp" ? f.tierp.initiative : f.heby.initiative;
  const controller = where === "tierp" ? f.tierp.controller : f.heby.controller;
  const number = personalNumber(
    `1988${String((serial % 12) + 1).padStart(2, "0")}10`,
    `${300 + serial}`,
  );
  const { participantId } = await registerParticipant(
    t.db,
    f.crypto,
    access.actor,
    access.scope,
    {
      initiativeId,
      personalNumber: number,
      consent: { consentedOn: "2025-11-01", textVersion: "2025:1", language: "svenska" },
      gender,
      birthYear: 1988,
      startDate: "2025-11-01",
      municipalityCode: "0360",
    },
    "2026-07-01",
  );
  ids.push(participantId);
  numbers.push(number);
  await inRegister(t.db, access.scope, (tx) =>
    tx.insert(portalSignIns).values(
      signIns.map((at) => ({
        associationId: f.associationId,
        dataControllerId: controller,
        initiativeId,
        participantId,
        at: new Date(at),
        method: "kod" as const,
      })),
    ),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  f = await registerFixture(t.db, "fu-portal");
  // March 2026: 10 women (5 first logged in in January) and 10 men (5 in January; of the 5 new,
  // 2 in Heby) — the two initiatives counted together
  let serial = 0;
  for (let i = 0; i < 10; i++)
    await person("tierp", "kvinna", serial++, [
      ...(i < 5 ? ["2026-01-14T10:00:00Z"] : []),
      "2026-03-04T10:00:00Z",
    ]);
  for (let i = 0; i < 8; i++)
    await person("tierp", "man", serial++, [
      ...(i < 5 ? ["2026-01-14T10:00:00Z"] : []),
      "2026-03-05T10:00:00Z",
    ]);
  for (let i = 0; i < 2; i++) await person("heby", "man", serial++, ["2026-03-06T10:00:00Z"]);
  report = await computeFollowUp(t.db, {
    associationId: f.associationId,
    from: "2026-01-01",
    to: "2026-06-30",
    now: new Date("2026-07-15T10:00:00Z"),
  });
}, 120_000);
afterAll(() => t?.drop());

const show = (c: PersonCount) => formatUsage(c);

describe("the follow-up's portal section", () => {
  it("counts the individual initiatives together, per month of the period", () => {
    const rows = report.portalUsage?.rows ?? [];
    expect(rows.map((r) => r.month)).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
    ]);
    const march = rows[2];
    if (!march) throw new Error("no March");
    expect(march.label).toBe("mars 2026");
    expect([march.women, march.men, march.total, march.new, march.returning].map(show)).toEqual([
      "10",
      "10",
      "20",
      "10",
      "10",
    ]);
    // no bookings: a true 0 is hidden like a small count (the association shows no zeros)
    expect(show(march.bookingsMade)).toBe("<\u00a05");
    expect(show(report.portalUsage?.bookingsTotal.made as PersonCount)).toBe("<\u00a05");
    expect(report.portalUsage?.disclosureReasons.join(" ")).toContain("”<\u00a05”");
    expect(report.portalUsage?.noneText).toBeNull();
  });

  it("defines every figure and is valid JSON of format 1", () => {
    for (const key of Object.values(FIGURE_KEYS.portalUsage)) {
      expect(report.definitions[key]?.source).toMatch(/^Deltagarportalen/);
    }
    expect(report.definitions[FIGURE_KEYS.portalUsage.loggedIn]?.definition).toContain(
      "minst en gång under månaden",
    );
    expect(committedSchemaValidator().safeParse(JSON.parse(followUpJson(report))).success).toBe(
      true,
    );
  });

  it("carries no participant id or personnummer", () => {
    const json = followUpJson(report);
    expect(ids).toHaveLength(20);
    for (const id of ids) expect(json).not.toContain(id);
    for (const number of numbers) {
      expect(json).not.toContain(number);
      expect(json).not.toContain(number.replace("-", ""));
    }
  });

  it("says so when there is no individual initiative, and keeps a long period to 60 months", () => {
    expect(portalUsageSection(null).noneText).toBe(NO_INDIVIDUAL_TEXT);
    expect(portalUsageSection(null).rows).toEqual([]);
    expect(usageMonths({ from: "2020-01-01", to: "2026-06-30" })).toEqual({
      from: "2021-07",
      to: "2026-06",
    });
  });
});
