import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { verifyAuditChain } from "../audit/verify-audit-chain.ts";
import { initiatives } from "../initiatives/schema.ts";
import { listUsers } from "../people/list-users.ts";
import { seedDemo } from "./seed-demo.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("the demo association", () => {
  it("has a login for every role and a realistic initiative register", async () => {
    const logins = await seedDemo(t.db);
    expect(new Set(logins?.map((l) => l.role))).toEqual(
      new Set([
        "association_admin",
        "board_member",
        "initiative_lead",
        "steering_group_member",
        "participant_officer",
        "participant",
        "auditor",
      ]),
    );
    const rows = await t.db.select().from(initiatives);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(new Set(rows.map((r) => r.orientation))).toEqual(new Set(["individual", "structural"]));
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(["ansokan", "beviljad", "pagaende", "avslutad", "avslutad_i_fortid", "avslagen"]),
    );
    const early = rows.filter((r) => r.status === "avslutad_i_fortid");
    expect(early).toHaveLength(1);
    expect(early[0]?.plannedEndDate).not.toBeNull();
    expect(
      rows.every((r) => /^(Tierp|Uppsala|Enköping|Östhammar|Knivsta|Heby|Region), /.test(r.name)),
    ).toBe(true);
    const staff = await listUsers(t.db, rows[0]?.associationId ?? "");
    expect(staff.map((s) => s.email)).not.toContain("deltagare@demo.samspar.se");
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("is seeded once", async () => {
    const before = await t.db.$count(initiatives);
    expect(await seedDemo(t.db)).toBeUndefined();
    expect(await t.db.$count(initiatives)).toBe(before);
  });
});
