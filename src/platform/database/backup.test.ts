// The restore drill: a backup of one database, restored over another, must give back the same
// data, a valid audit chain and working sequences, and a bad file must change nothing.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/database.ts";
import { type AuditActor, recordAuditEvent } from "../../audit/record-audit-event.ts";
import { verifyAuditChain } from "../../audit/verify-audit-chain.ts";
import { backupDatabase, restoreDatabase } from "./backup.ts";
import {
  apiTokens,
  associations,
  initiatives,
  invitations,
  mailMessages,
  memberOrganisations,
  oidcIdentities,
  roleAssignments,
  sessions,
  throttleCounters,
  users,
} from "./schema.ts";

let a: TestDatabase;
let b: TestDatabase;
let dir: string;
let backupFile: string;

const actor: AuditActor = {
  userId: null,
  label: "admin@forbundet.se",
  requestId: "req-1",
  ip: "10.0.0.1",
};
const hour = 3_600_000;

async function seedSource(t: TestDatabase) {
  const [assoc, other] = await t.db
    .insert(associations)
    .values([
      { slug: "norr", name: "Samordningsförbundet Norr", orgNumber: "222000-0001" },
      { slug: "syd", name: "Samordningsförbundet Syd", requireStaffTotp: false },
    ])
    .returning();
  if (!assoc || !other) throw new Error("seed failed");
  const [fk, kommun] = await t.db
    .insert(memberOrganisations)
    .values([
      {
        associationId: assoc.id,
        name: "Försäkringskassan",
        orgNumber: "202100-5521",
        kind: "forsakringskassan",
      },
      { associationId: assoc.id, name: "Umeå kommun", orgNumber: "212000-2700", kind: "kommun" },
    ])
    .returning();
  if (!fk || !kommun) throw new Error("seed failed");
  const [initiative] = await t.db
    .insert(initiatives)
    .values({
      associationId: assoc.id,
      name: "Steget vidare",
      ownerOrganisationId: kommun.id,
      status: "pagaende",
    })
    .returning();
  if (!initiative) throw new Error("seed failed");
  const [admin, lead] = await t.db
    .insert(users)
    .values([
      {
        email: "admin@forbundet.se",
        name: "Åsa Öberg",
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
        totpSecretSealed: "sealed:abc",
        totpEnabledAt: new Date(Date.now() - 24 * hour),
        failedSignIns: 2,
      },
      { email: "lead@kommun.se", name: 'Lars "Lasse" Nilsson', locale: "en" },
    ])
    .returning();
  if (!admin || !lead) throw new Error("seed failed");
  await t.db.insert(roleAssignments).values([
    { userId: admin.id, associationId: assoc.id, role: "association_admin" },
    {
      userId: lead.id,
      associationId: assoc.id,
      initiativeId: initiative.id,
      role: "initiative_lead",
    },
  ]);
  await t.db.insert(apiTokens).values({
    userId: admin.id,
    name: "Rapportverktyg",
    scope: "read",
    tokenHash: "f".repeat(64),
    prefix: "sp_abcd",
  });
  await t.db.insert(invitations).values({
    userId: lead.id,
    tokenHash: "e".repeat(64),
    expiresAt: new Date(Date.now() + 72 * hour),
  });
  await t.db
    .insert(oidcIdentities)
    .values({ issuer: "https://idp.example.se", subject: "4711", userId: lead.id });
  await t.db.insert(mailMessages).values({
    associationId: assoc.id,
    toAddress: "lead@kommun.se",
    subject: "Välkommen till Samspår",
    textBody: "Hej Lars!\n\nKlicka på länken:\n\thttps://samspar.example.se/x\n— Förbundet",
    status: "outbox",
  });
  // Enough rows to span several pages of the backup and several batches of the restore, with
  // uuid and composite text keys to page by, and random text so the file outgrows one read.
  await t.pool.query(
    `insert into mail_messages (association_id, to_address, subject, text_body, status, created_at)
     select $1, 'deltagare' || i || '@example.se', 'Påminnelse ' || i,
            md5(random()::text) || E'\n' || md5(random()::text) || md5(random()::text), 'sent',
            now() - i * interval '1 minute 0.123457 second'
       from generate_series(1, 2500) i`,
    [assoc.id],
  );
  await t.pool.query(
    `insert into oidc_identities (issuer, subject, user_id)
     select 'https://idp' || (i % 3) || '.example.se', md5(i::text), $1
       from generate_series(1, 1100) i`,
    [admin.id],
  );
  for (let i = 0; i < 5; i++) {
    await recordAuditEvent(
      t.db,
      { ...actor, userId: admin.id },
      {
        action: i === 0 ? "association.created" : "user.added",
        associationId: assoc.id,
        targetType: "user",
        targetId: lead.id,
        details: {
          i,
          text: 'rad ett\nrad två "citat" åäö',
          nested: { z: [1, 2.5, null], a: true },
        },
      },
    );
  }
  await t.db.insert(sessions).values({
    id: "a".repeat(64),
    userId: admin.id,
    expiresAt: new Date(Date.now() + 12 * hour),
    method: "password",
  });
  await t.db
    .insert(throttleCounters)
    .values({ key: "sign-in:ip:10.0.0.1", windowStart: new Date(), hits: 3 });
}

/** Different data than the source, with fewer audit events so a stale sequence would collide. */
async function seedTarget(t: TestDatabase) {
  const [assoc] = await t.db
    .insert(associations)
    .values({ slug: "vast", name: "Förbundet Väst" })
    .returning();
  const [user] = await t.db
    .insert(users)
    .values({ email: "kvar@vast.se", name: "Ska bort" })
    .returning();
  if (!assoc || !user) throw new Error("seed failed");
  await t.db
    .insert(roleAssignments)
    .values({ userId: user.id, associationId: assoc.id, role: "board_member" });
  await recordAuditEvent(t.db, actor, { action: "association.created", associationId: assoc.id });
  await recordAuditEvent(t.db, actor, { action: "user.added", associationId: assoc.id });
  await t.db.insert(sessions).values({
    id: "b".repeat(64),
    userId: user.id,
    expiresAt: new Date(Date.now() + hour),
    method: "password",
  });
}

async function tablesOf(pool: pg.Pool): Promise<string[]> {
  const result = await pool.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );
  return result.rows.map((r) => r.name);
}

/** Each table's rows, ordered by primary key: as the driver parses them, and as exact text. */
async function contents(pool: pg.Pool, table: string) {
  const key = await pool.query<{ name: string }>(
    `select a.attname as name
       from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = $1::regclass and i.indisprimary
      order by array_position(i.indkey::int2[], a.attnum)`,
    [`public."${table}"`],
  );
  expect(key.rows.length, `${table} has a primary key`).toBeGreaterThan(0);
  const order = key.rows.map((r) => `"${r.name}"`).join(", ");
  const rows = await pool.query(`select * from public."${table}" order by ${order}`);
  // The text form keeps what the parsed form rounds away: microseconds, jsonb as stored.
  const text = await pool.query<{ r: string }>(
    `select row_to_json(t)::text as r from public."${table}" t order by ${order}`,
  );
  return { rows: rows.rows, text: text.rows.map((r) => r.r) };
}

async function snapshot(pool: pg.Pool) {
  const result: Record<string, Awaited<ReturnType<typeof contents>>> = {};
  for (const table of await tablesOf(pool)) result[table] = await contents(pool, table);
  return result;
}

function fileLines(file: string): string[] {
  return gunzipSync(readFileSync(file)).toString("utf8").split("\n");
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  dir = mkdtempSync(path.join(os.tmpdir(), "samspar-backup-"));
  backupFile = path.join(dir, "samspar.backup.gz");
  await seedSource(a);
  await seedTarget(b);
});

afterAll(async () => {
  await Promise.all([a?.drop(), b?.drop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("writes a gzip file that describes itself", async () => {
    const result = await backupDatabase(a.pool, backupFile);
    expect(result.bytes).toBe(statSync(backupFile).size);
    // Larger than one read of the file, so damage near the end shows only after rows are in.
    expect(result.bytes).toBeGreaterThan(128 * 1024);

    const lines = fileLines(backupFile);
    const header = JSON.parse(lines[0] ?? "");
    const migrations = await a.pool.query<{ hash: string }>(
      "select hash from drizzle.__drizzle_migrations order by id",
    );
    expect(migrations.rows.length).toBeGreaterThan(0);
    expect(header).toMatchObject({
      format: "samspar-backup",
      version: 1,
      migrations: migrations.rows.map((r) => r.hash),
    });
    expect(Date.parse(header.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const expectedTables = (await tablesOf(a.pool)).filter(
      (t) => t !== "sessions" && t !== "throttle_counters",
    );
    expect([...header.tables].sort()).toEqual(expectedTables);
    expect(header.tables).not.toContain("sessions");
    expect(result.tables).toBe(expectedTables.length);
    const precedes = (x: string, y: string) => header.tables.indexOf(x) < header.tables.indexOf(y);
    expect(precedes("associations", "member_organisations")).toBe(true);
    expect(precedes("member_organisations", "initiatives")).toBe(true);
    expect(precedes("initiatives", "role_assignments")).toBe(true);
    expect(precedes("users", "role_assignments")).toBe(true);
    expect(precedes("users", "oidc_identities")).toBe(true);

    let total = 0;
    for (const table of expectedTables) {
      const count = await a.pool.query<{ n: number }>(
        `select count(*)::int as n from public."${table}"`,
      );
      total += count.rows[0]?.n ?? 0;
    }
    expect(total).toBeGreaterThanOrEqual(3617);
    expect(result.rows).toBe(total);
    expect(JSON.parse(lines.at(-2) ?? "")).toEqual({
      end: true,
      tables: result.tables,
      rows: total,
    });
    expect(lines.at(-1)).toBe("");
  });

  it("refuses a file that is not a backup and leaves the database as it was", async () => {
    const untouched = await snapshot(b.pool);
    const plain = path.join(dir, "notes.txt");
    writeFileSync(plain, "det här är ingen säkerhetskopia\n");
    const zipped = path.join(dir, "other.json.gz");
    writeFileSync(zipped, gzipSync(`${JSON.stringify({ format: "något annat", version: 1 })}\n`));
    const empty = path.join(dir, "empty.gz");
    writeFileSync(empty, "");
    for (const file of [plain, zipped, empty]) {
      await expect(restoreDatabase(b.pool, file)).rejects.toThrow(
        "Filen är ingen säkerhetskopia från Samspår och kan inte återställas. Databasen är oförändrad.",
      );
    }
    expect(await snapshot(b.pool)).toEqual(untouched);
  });

  it("refuses a backup made by a newer version of Samspår", async () => {
    const untouched = await snapshot(b.pool);
    const lines = fileLines(backupFile);
    const header = JSON.parse(lines[0] ?? "");
    header.migrations.push("a-migration-this-version-does-not-have");
    lines[0] = JSON.stringify(header);
    const newer = path.join(dir, "newer.gz");
    writeFileSync(newer, gzipSync(lines.join("\n")));
    await expect(restoreDatabase(b.pool, newer)).rejects.toThrow(
      /gjord av en nyare eller annan version/,
    );
    expect(await snapshot(b.pool)).toEqual(untouched);
  });

  it("rolls everything back when the file turns out broken half-way", async () => {
    const untouched = await snapshot(b.pool);
    const original = readFileSync(backupFile);

    // A row the database cannot read, in the last section that has rows: by then the tables
    // before it have already been emptied and filled inside the restore's transaction.
    const lines = fileLines(backupFile);
    const lastFilled = lines.findLastIndex((l) => /^\{"table":.*"rows":[1-9]/.test(l));
    const lastRow = lastFilled + (JSON.parse(lines[lastFilled] ?? "{}").rows as number);
    expect(lastRow).toBeGreaterThan(lines.length / 2);
    lines[lastRow] = `{"seq":"inte ett tal"}`;
    const badRow = path.join(dir, "bad-row.gz");
    writeFileSync(badRow, gzipSync(lines.join("\n")));
    await expect(restoreDatabase(b.pool, badRow)).rejects.toThrow(
      /^Återställningen misslyckades och avbröts; databasen är oförändrad/,
    );

    // Everything restored already when the reader finds more after the closing line.
    const extra = fileLines(backupFile);
    extra.splice(-1, 0, `{"id":"00000000-0000-4000-8000-000000000009"}`);
    const trailing = path.join(dir, "trailing.gz");
    writeFileSync(trailing, gzipSync(extra.join("\n")));
    await expect(restoreDatabase(b.pool, trailing)).rejects.toThrow(
      "Säkerhetskopian är skadad eller ofullständig och kan inte återställas: det finns data efter slutraden. Databasen är oförändrad.",
    );

    // Cut off: the gzip stream ends early, detected only when reading reaches the end.
    const truncated = path.join(dir, "truncated.gz");
    writeFileSync(truncated, original.subarray(0, original.length - 12));
    await expect(restoreDatabase(b.pool, truncated)).rejects.toThrow(
      /^Säkerhetskopian är skadad eller ofullständig .* Databasen är oförändrad\.$/,
    );

    // Every row intact but the checksum wrong: only reading past the last line reveals it.
    const badChecksum = Buffer.from(original);
    const crcAt = badChecksum.length - 8;
    badChecksum[crcAt] = (badChecksum[crcAt] ?? 0) ^ 0xff;
    const checksum = path.join(dir, "checksum.gz");
    writeFileSync(checksum, badChecksum);
    await expect(restoreDatabase(b.pool, checksum)).rejects.toThrow(
      /^Säkerhetskopian är skadad eller ofullständig .* Databasen är oförändrad\.$/,
    );

    // One flipped byte in the compressed data: caught by the inflater or the checksum.
    const flipped = Buffer.from(original);
    const at = Math.floor(flipped.length / 2);
    flipped[at] = (flipped[at] ?? 0) ^ 0xff;
    const damaged = path.join(dir, "damaged.gz");
    writeFileSync(damaged, flipped);
    await expect(restoreDatabase(b.pool, damaged)).rejects.toThrow(
      /Databasen är oförändrad|databasen är oförändrad/,
    );

    expect(await snapshot(b.pool)).toEqual(untouched);
    expect(await verifyAuditChain(b.db)).toEqual({ ok: true, events: 2 });
  });

  it("restores the backup over a database with other data", async () => {
    const source = await snapshot(a.pool);
    const target = await snapshot(b.pool);
    expect(target.associations).not.toEqual(source.associations);
    expect(target.audit_events).not.toEqual(source.audit_events);
    expect(target.sessions?.rows).toHaveLength(1);
    const throttleBefore = target.throttle_counters;

    const backup = fileLines(backupFile);
    const result = await restoreDatabase(b.pool, backupFile);
    expect(result).toEqual({
      tables: JSON.parse(backup[0] ?? "").tables.length,
      rows: JSON.parse(backup.at(-2) ?? "").rows,
    });

    const restored = await snapshot(b.pool);
    expect(Object.keys(restored)).toEqual(Object.keys(source));
    for (const table of Object.keys(source)) {
      if (table === "sessions" || table === "throttle_counters") continue;
      expect(restored[table], table).toEqual(source[table]);
    }
    expect(restored.users?.rows).toHaveLength(2);
    expect(restored.audit_events?.rows).toHaveLength(5);
    expect(restored.sessions?.rows).toEqual([]);
    expect(restored.throttle_counters).toEqual(throttleBefore);

    expect(await verifyAuditChain(b.db)).toEqual({ ok: true, events: 5 });
    await recordAuditEvent(b.db, actor, { action: "backup.restored" });
    const last = await b.pool.query<{ seq: number; action: string }>(
      "select seq, action from audit_events order by seq desc limit 1",
    );
    expect(last.rows[0]).toEqual({ seq: 6, action: "backup.restored" });
    expect(await verifyAuditChain(b.db)).toEqual({ ok: true, events: 6 });

    // The append-only guard is back once the restore is over.
    await expect(b.pool.query("delete from audit_events")).rejects.toThrow(/endast för tillägg/);
    await expect(b.pool.query("truncate audit_events")).rejects.toThrow(/endast för tillägg/);
  });
});
