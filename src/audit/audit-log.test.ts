import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { expectSwedishDays, NIGHT_MOMENTS } from "../../tests/support/swedish-days.ts";
import { associations, memberOrganisations } from "../associations/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import { roleAssignments, users } from "../people/schema.ts";
import { recordAuditEvent } from "./record-audit-event.ts";
import { auditEvents } from "./schema.ts";
import { searchAuditLog } from "./search-audit-log.ts";
import { verifyAuditChain } from "./verify-audit-chain.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const actor = { userId: null, label: "test@example.se", requestId: "req-1", ip: "127.0.0.1" };
const associationId = "00000000-0000-4000-8000-000000000001";

describe("audit log", () => {
  it("chains events, also when written concurrently", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordAuditEvent(t.db, actor, {
          action: "test.event",
          associationId,
          details: { i, nested: { b: 1, a: [2] } },
        }),
      ),
    );
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, events: 20 });
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database itself, even to the tables' owner", async () => {
    for (const statement of [
      sql`update audit_events set action = 'x'`,
      sql`delete from audit_events`,
      sql`truncate audit_events`,
    ]) {
      const error = await t.owner.db.execute(statement).catch((e: Error) => e);
      expect(String((error as Error).cause)).toMatch(/endast för tillägg/);
      // the application's own role: the trigger, or no privilege at all (TRUNCATE)
      const asApp = await t.db.execute(statement).catch((e: Error) => e);
      expect(String((asApp as Error).cause)).toMatch(/endast för tillägg|permission denied/);
    }
    expect(await t.db.$count(auditEvents)).toBe(20);
  });

  it("finds events by text and action, newest first", async () => {
    await recordAuditEvent(
      t.db,
      { ...actor, label: "auditor@example.se" },
      { action: "user.disabled", associationId },
    );
    const found = await searchAuditLog(t.db, { associationId, text: "AUDITOR@" });
    expect(found.events.map((e) => e.action)).toEqual(["user.disabled"]);
    const other = await searchAuditLog(t.db, {
      associationId: "00000000-0000-4000-8000-000000000002",
    });
    expect(other.events).toEqual([]);
  });

  it("shows the auditor the sign-ins of the association's staff, never of participants or strangers", async () => {
    const [association] = await t.db
      .insert(associations)
      .values({ slug: "a", name: "A" })
      .returning();
    const [staff, participant, stranger] = await t.db
      .insert(users)
      .values([
        { email: "staff@a.se", name: "Staff" },
        { email: "deltagare@a.se", name: "Deltagare", kind: "participant" },
        { email: "other@b.se", name: "Other" },
      ])
      .returning();
    const [org] = await t.db
      .insert(memberOrganisations)
      .values({
        associationId: association!.id,
        name: "K",
        orgNumber: "212000-0274",
        kind: "kommun",
      })
      .returning();
    const [initiative] = await t.db
      .insert(initiatives)
      .values({ associationId: association!.id, name: "I", ownerOrganisationId: org!.id })
      .returning();
    await t.db.insert(roleAssignments).values([
      { userId: staff!.id, associationId: association!.id, role: "board_member" },
      {
        userId: participant!.id,
        associationId: association!.id,
        role: "participant",
        initiativeId: initiative!.id,
      },
    ]);
    for (const user of [staff!, participant!, stranger!]) {
      await recordAuditEvent(
        t.db,
        { userId: user.id, label: user.email },
        { action: "sign_in.succeeded" },
      );
    }
    const seen = await searchAuditLog(t.db, {
      associationId: association!.id,
      action: "sign_in.succeeded",
    });
    expect(seen.events.map((e) => e.actorLabel)).toEqual(["staff@a.se"]);
  });

  it("detects an edited event even when someone bypasses the trigger", async () => {
    await t.owner.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
      await tx.execute(sql`update audit_events set actor_label = 'someone-else' where seq = 5`);
      await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    });
    const verdict = await verifyAuditChain(t.db);
    expect(verdict).toMatchObject({ ok: false, brokenAtSeq: 5 });
    expect(await t.db.$count(auditEvents)).toBe(24);
  });

  it("searches dates as Swedish days, as the log shows its times", async () => {
    const night = "00000000-0000-4000-8000-000000000003";
    const at = async (moment: string) => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(moment));
      try {
        await recordAuditEvent(t.db, actor, { action: "test.night", associationId: night });
      } finally {
        vi.useRealTimers();
      }
    };
    for (const moment of NIGHT_MOMENTS) await at(moment);
    await expectSwedishDays(async (from, to = from) =>
      (await searchAuditLog(t.db, { associationId: night, from, to })).events.map((e) =>
        e.occurredAt.toISOString(),
      ),
    );
  });
});
