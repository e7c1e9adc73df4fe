// The application's connections run as the association zone's role (ADR 0011): nothing
// outside the register's own transactions can touch the register, and only the tasks that
// need the owner of the tables (migrations, backup, restore) take it, for their own client.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/database.ts";
import { inRegister } from "../../register/zone.ts";
import { ASSOCIATION_ROLE, asOwner, connect } from "./connect.ts";

let t: TestDatabase;
let zone: ReturnType<typeof connect>;

beforeAll(async () => {
  t = await createTestDatabase();
  // one client only: every query below runs on the same connection, in order
  zone = connect(t.url, 1);
});
afterAll(async () => {
  await zone.pool.end();
  await t.drop();
});

const whoAmI = async () =>
  (await zone.pool.query<{ current_user: string }>("select current_user")).rows[0]?.current_user;

describe("the application's database pool", () => {
  it("runs as samspar_association, which cannot read the register", async () => {
    expect(await whoAmI()).toBe(ASSOCIATION_ROLE);
    await expect(zone.pool.query("select count(*) from register.participants")).rejects.toThrow(
      /permission denied for schema register/,
    );
    await expect(zone.pool.query("select count(*) from register.access_log")).rejects.toThrow(
      /permission denied/,
    );
  });

  it("enters the register only in a register transaction, and leaves it with the transaction", async () => {
    const inside = await inRegister(zone.db, { controllers: [], initiatives: [] }, async (tx) => {
      const rows = await tx.execute<{ current_user: string; n: number }>(
        sql`select current_user, (select count(*)::int from register.participants) as n`,
      );
      return rows.rows[0];
    });
    expect(inside).toEqual({ current_user: "samspar_register", n: 0 });
    expect(await whoAmI()).toBe(ASSOCIATION_ROLE);
  });

  it("takes the owner's role only for asOwner's work, and gives it back", async () => {
    const owner = await asOwner(zone.pool, async (client) => {
      const r = await client.query<{ current_user: string; session_user: string }>(
        "select current_user, session_user",
      );
      await client.query("select count(*) from register.participants");
      return r.rows[0];
    });
    expect(owner?.current_user).toBe(owner?.session_user);
    expect(owner?.current_user).not.toBe(ASSOCIATION_ROLE);
    expect(await whoAmI()).toBe(ASSOCIATION_ROLE);

    await expect(
      asOwner(zone.pool, async () => {
        throw new Error("the work failed");
      }),
    ).rejects.toThrow("the work failed");
    expect(await whoAmI()).toBe(ASSOCIATION_ROLE);
  });

  it("cannot change what the audit log holds", async () => {
    await expect(zone.pool.query("truncate audit_events")).rejects.toThrow(/permission denied/);
    await expect(
      zone.pool.query("alter table audit_events disable trigger audit_events_no_update"),
    ).rejects.toThrow(/must be owner/);
  });
});
