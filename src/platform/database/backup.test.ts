// The restore drill: a backup of one database, restored over another, must give back the same
// data — in every application schema, the participant register's included — a valid audit
// chain and working sequences, and a bad file must change nothing.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/database.ts";
import { type AuditActor, recordAuditEvent } from "../../audit/record-audit-event.ts";
import { verifyAuditChain } from "../../audit/verify-audit-chain.ts";
import { inRegister } from "../../register/zone.ts";
import { backupDatabase, restoreDatabase } from "./backup.ts";
import {
  accessLog,
  apiTokens,
  associations,
  consents,
  countOnlyParticipation,
  enrollments,
  erasures,
  initiatives,
  invitations,
  mailMessages,
  memberOrganisations,
  oidcIdentities,
  participants,
  roleAssignments,
  sessions,
  throttleCounters,
  users,
} from "./schema.ts";

let a: TestDatabase;
let b: TestDatabase;
let dir: string;
let backupFile: string;
/** The source's register scope, to write through the register's role after a restore. */
const sourceScope = { controllers: [] as string[], initiatives: [] as string[] };
/** Roles made for the row-level security checks; cluster-wide, so dropped at the end. */
const suffix = randomBytes(4).toString("hex");
const ownerRole = `samspar_backup_owner_${suffix}`;
const readerRole = `samspar_backup_reader_${suffix}`;
const rolePools: pg.Pool[] = [];
const REGISTER_TABLES = [
  "register.access_log",
  "register.availability",
  "register.bookings",
  "register.comparison_measurements",
  "register.consents",
  "register.count_only_participation",
  "register.course_progress",
  "register.enrollments",
  "register.erasures",
  "register.evaluation_receipts",
  "register.evaluation_responses",
  "register.measurements",
  "register.participants",
  "register.plan_steps",
  "register.portal_accounts",
  "register.portal_messages",
  "register.portal_sign_ins",
  "register.quiz_answers",
];

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
  const [fkInitiative] = await t.db
    .insert(initiatives)
    .values({
      associationId: assoc.id,
      name: "Aktivitetsväxeln",
      ownerOrganisationId: fk.id,
      status: "pagaende",
    })
    .returning();
  if (!fkInitiative) throw new Error("seed failed");
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
  await t.owner.pool.query(
    `insert into mail_messages (association_id, to_address, subject, text_body, status, created_at)
     select $1, 'deltagare' || i || '@example.se', 'Påminnelse ' || i,
            md5(random()::text) || E'\n' || md5(random()::text) || md5(random()::text), 'sent',
            now() - i * interval '1 minute 0.123457 second'
       from generate_series(1, 2500) i`,
    [assoc.id],
  );
  await t.owner.pool.query(
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
  // The register, written the way the application writes it: through the register's role, under
  // row-level security, for two data controllers so a backup limited by a policy would show.
  sourceScope.controllers = [kommun.id, fk.id];
  sourceScope.initiatives = [initiative.id, fkInitiative.id];
  await inRegister(t.db, sourceScope, async (tx) => {
    const [known, anonymous, erased] = await tx
      .insert(participants)
      .values([
        {
          associationId: assoc.id,
          dataControllerId: kommun.id,
          // Ciphertext as the application stores it; the backup copies it without the key.
          identityCiphertext: "v1:q83vASNFZ4mrze8B:Jm9vYmFyLWNpcGhlcnRleHQ=",
          identityLookup: "9f".repeat(32),
          identityKind: "personnummer",
          nameCiphertext: "v1:AAECAwQFBgcICQoL:w6XDpMO2LW5hbW4=",
          gender: "kvinna",
          birthYear: 1994,
        },
        {
          associationId: assoc.id,
          dataControllerId: fk.id,
          anonymous: true,
          protectedIdentity: true,
          gender: "vill_ej_ange",
          birthYear: 1987,
        },
        {
          associationId: assoc.id,
          dataControllerId: kommun.id,
          gender: "man",
          birthYear: 2001,
          erasedAt: new Date("2026-03-01T09:15:30.123456Z"),
        },
      ])
      .returning();
    if (!known || !anonymous || !erased) throw new Error("seed failed");
    const [enrollment] = await tx
      .insert(enrollments)
      .values([
        {
          participantId: known.id,
          associationId: assoc.id,
          dataControllerId: kommun.id,
          initiativeId: initiative.id,
          externalKey: "SV-0042",
          startDate: "2026-02-01",
          municipalityCode: "2480",
          background: { sysselsattning: "arbetslos", utbildning: ["grundskola"], barn: 2 },
          endDate: "2026-09-30",
          exit: { status: "arbete", "mer än 50 %": true },
        },
        {
          participantId: anonymous.id,
          associationId: assoc.id,
          dataControllerId: fk.id,
          initiativeId: fkInitiative.id,
          startDate: "2026-04-15",
        },
      ])
      .returning();
    await tx.insert(consents).values({
      participantId: known.id,
      dataControllerId: kommun.id,
      initiativeId: initiative.id,
      consentedOn: "2026-02-01",
      textVersion: "2026-01",
      language: "sv",
      recordedByName: "Åsa Öberg",
    });
    await tx.insert(erasures).values({
      participantId: erased.id,
      dataControllerId: kommun.id,
      reason: "samtycke_aterkallat",
      erasedByName: "Åsa Öberg",
    });
    await tx.insert(countOnlyParticipation).values({
      associationId: assoc.id,
      dataControllerId: fk.id,
      initiativeId: fkInitiative.id,
      periodKey: "2026-K1",
      women: 4,
      men: 3,
      others: 1,
      recordedByName: "Lars Nilsson",
    });
    await tx.insert(accessLog).values(
      (["change", "read", "reveal"] as const).map((action, i) => ({
        associationId: assoc.id,
        dataControllerId: i === 1 ? fk.id : kommun.id,
        actorUserId: admin.id,
        actorName: "Åsa Öberg",
        actorRole: "association_admin",
        actorOrganisation: "Samordningsförbundet Norr",
        participantId: known.id,
        enrollmentId: enrollment?.id ?? null,
        action,
        fields: i === 2 ? ["identitet", "namn"] : [],
        requestId: `req-${i}`,
        outcome: "ok" as const,
      })),
    );
  });
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
  const [controller] = await t.db
    .insert(memberOrganisations)
    .values({
      associationId: assoc.id,
      name: "Västerås stad",
      orgNumber: "212000-2080",
      kind: "kommun",
    })
    .returning();
  if (!controller) throw new Error("seed failed");
  await inRegister(t.db, { controllers: [controller.id], initiatives: [] }, async (tx) => {
    const [person] = await tx
      .insert(participants)
      .values({ associationId: assoc.id, dataControllerId: controller.id, gender: "annan" })
      .returning();
    await tx.insert(accessLog).values({
      associationId: assoc.id,
      dataControllerId: controller.id,
      actorName: "Ska bort",
      actorRole: "initiative_staff",
      actorOrganisation: "Västerås stad",
      participantId: person?.id ?? null,
      action: "read",
      outcome: "ok",
    });
  });
  await t.db.insert(sessions).values({
    id: "b".repeat(64),
    userId: user.id,
    expiresAt: new Date(Date.now() + hour),
    method: "password",
  });
}

/** Every application table, schema-qualified: all schemas but drizzle's and the system's. */
async function tablesOf(pool: pg.Pool): Promise<string[]> {
  const result = await pool.query<{ name: string }>(
    `select n.nspname || '.' || c.relname as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('drizzle', 'information_schema') and n.nspname not like 'pg\\_%'
        and c.relkind in ('r', 'p') order by 1`,
  );
  return result.rows.map((r) => r.name);
}

/** "register.access_log" → "register"."access_log" */
function sqlName(table: string): string {
  const [schema, name] = table.split(".");
  return `"${schema}"."${name}"`;
}

/** Each table's rows, ordered by primary key: as the driver parses them, and as exact text. */
async function contents(pool: pg.Pool, table: string) {
  const key = await pool.query<{ name: string }>(
    `select a.attname as name
       from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = $1::regclass and i.indisprimary
      order by array_position(i.indkey::int2[], a.attnum)`,
    [sqlName(table)],
  );
  expect(key.rows.length, `${table} has a primary key`).toBeGreaterThan(0);
  const order = key.rows.map((r) => `"${r.name}"`).join(", ");
  const rows = await pool.query(`select * from ${sqlName(table)} order by ${order}`);
  // The text form keeps what the parsed form rounds away: microseconds, jsonb as stored.
  const text = await pool.query<{ r: string }>(
    `select row_to_json(t)::text as r from ${sqlName(table)} t order by ${order}`,
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
  await Promise.all(rolePools.map((pool) => pool.end()));
  await Promise.all([a?.drop(), b?.drop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
  // The roles own or may read objects only in the databases just dropped.
  const admin = new pg.Client(inject("adminUrl"));
  await admin.connect();
  try {
    for (const role of [ownerRole, readerRole]) await admin.query(`drop role if exists ${role}`);
  } finally {
    await admin.end();
  }
});

describe("backup and restore", () => {
  it("writes a gzip file that describes itself", async () => {
    const started = Date.now();
    const result = await backupDatabase(a.pool, backupFile);
    expect(result.bytes).toBe(statSync(backupFile).size);
    // Larger than one read of the file, so damage near the end shows only after rows are in.
    expect(result.bytes).toBeGreaterThan(128 * 1024);

    const lines = fileLines(backupFile);
    const header = JSON.parse(lines[0] ?? "");
    const migrations = await a.owner.pool.query<{ hash: string }>(
      "select hash from drizzle.__drizzle_migrations order by id",
    );
    expect(migrations.rows.length).toBeGreaterThan(0);
    expect(header).toMatchObject({
      format: "samspar-backup",
      version: 2,
      migrations: migrations.rows.map((r) => r.hash),
    });
    // made by this backup, however slowly it ran (the header's time has whole milliseconds)
    expect(Date.parse(header.createdAt)).toBeGreaterThanOrEqual(started);
    expect(Date.parse(header.createdAt)).toBeLessThanOrEqual(Date.now());

    const expectedTables = (await tablesOf(a.owner.pool)).filter(
      (t) => t !== "public.sessions" && t !== "public.throttle_counters",
    );
    expect(expectedTables).toEqual(expect.arrayContaining(REGISTER_TABLES));
    expect(expectedTables).toContain("public.associations");
    expect([...header.tables].sort()).toEqual(expectedTables);
    expect(header.tables).not.toContain("public.sessions");
    expect(header.tables.some((t: string) => t.startsWith("drizzle."))).toBe(false);
    expect(result.tables).toBe(expectedTables.length);
    const precedes = (x: string, y: string) => {
      expect(header.tables).toContain(x);
      expect(header.tables).toContain(y);
      return header.tables.indexOf(x) < header.tables.indexOf(y);
    };
    expect(precedes("public.associations", "public.member_organisations")).toBe(true);
    expect(precedes("public.member_organisations", "public.initiatives")).toBe(true);
    expect(precedes("public.initiatives", "public.role_assignments")).toBe(true);
    expect(precedes("public.users", "public.role_assignments")).toBe(true);
    expect(precedes("public.users", "public.oidc_identities")).toBe(true);
    // Across schemas: the register's tables reference the association's.
    expect(precedes("public.associations", "register.participants")).toBe(true);
    expect(precedes("public.member_organisations", "register.participants")).toBe(true);
    expect(precedes("public.initiatives", "register.enrollments")).toBe(true);
    expect(precedes("register.participants", "register.enrollments")).toBe(true);
    expect(precedes("register.participants", "register.consents")).toBe(true);
    expect(precedes("register.participants", "register.erasures")).toBe(true);

    // Every section counts all of its table's rows, the register's under row-level security too.
    const sections = new Map<string, number>();
    for (const line of lines) {
      if (line.startsWith('{"table":')) {
        const section = JSON.parse(line);
        sections.set(section.table, section.rows);
      }
    }
    let total = 0;
    for (const table of expectedTables) {
      const count = await a.owner.pool.query<{ n: number }>(
        `select count(*)::int as n from ${sqlName(table)}`,
      );
      const n = count.rows[0]?.n ?? 0;
      expect(sections.get(table), table).toBe(n);
      total += n;
    }
    expect(sections.get("register.participants")).toBe(3);
    expect(sections.get("register.enrollments")).toBe(2);
    expect(sections.get("register.access_log")).toBe(3);
    // The identity leaves as the ciphertext it is stored as.
    expect(lines.some((l) => l.includes("v1:q83vASNFZ4mrze8B:Jm9vYmFyLWNpcGhlcnRleHQ="))).toBe(
      true,
    );
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
    const untouched = await snapshot(b.owner.pool);
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
    expect(await snapshot(b.owner.pool)).toEqual(untouched);
  });

  it("refuses a backup made by a newer version of Samspår", async () => {
    const untouched = await snapshot(b.owner.pool);
    const lines = fileLines(backupFile);
    const header = JSON.parse(lines[0] ?? "");
    header.migrations.push("a-migration-this-version-does-not-have");
    lines[0] = JSON.stringify(header);
    const newer = path.join(dir, "newer.gz");
    writeFileSync(newer, gzipSync(lines.join("\n")));
    await expect(restoreDatabase(b.pool, newer)).rejects.toThrow(
      /gjord av en nyare eller annan version/,
    );
    expect(await snapshot(b.owner.pool)).toEqual(untouched);
  });

  it("rolls everything back when the file turns out broken half-way", async () => {
    const untouched = await snapshot(b.owner.pool);
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

    expect(await snapshot(b.owner.pool)).toEqual(untouched);
    expect(await verifyAuditChain(b.db)).toEqual({ ok: true, events: 2 });
  });

  it("restores the backup over a database with other data", async () => {
    const source = await snapshot(a.owner.pool);
    const target = await snapshot(b.owner.pool);
    expect(target["public.associations"]).not.toEqual(source["public.associations"]);
    expect(target["public.audit_events"]).not.toEqual(source["public.audit_events"]);
    expect(target["register.participants"]?.rows).toHaveLength(1);
    expect(target["register.access_log"]?.rows).toHaveLength(1);
    expect(target["public.sessions"]?.rows).toHaveLength(1);
    const throttleBefore = target["public.throttle_counters"];

    const backup = fileLines(backupFile);
    const result = await restoreDatabase(b.pool, backupFile);
    expect(result).toEqual({
      tables: JSON.parse(backup[0] ?? "").tables.length,
      rows: JSON.parse(backup.at(-2) ?? "").rows,
    });

    const restored = await snapshot(b.owner.pool);
    expect(Object.keys(restored)).toEqual(Object.keys(source));
    for (const table of Object.keys(source)) {
      if (table === "public.sessions" || table === "public.throttle_counters") continue;
      expect(restored[table], table).toEqual(source[table]);
    }
    expect(restored["public.users"]?.rows).toHaveLength(2);
    expect(restored["public.audit_events"]?.rows).toHaveLength(5);
    expect(restored["public.sessions"]?.rows).toEqual([]);
    expect(restored["public.throttle_counters"]).toEqual(throttleBefore);
    // The register exactly as it was, encrypted identities byte for byte.
    expect(restored["register.participants"]?.rows).toHaveLength(3);
    expect(restored["register.enrollments"]?.rows).toHaveLength(2);
    expect(restored["register.access_log"]?.rows).toHaveLength(3);
    expect(restored["register.participants"]?.rows.map((p) => p.identity_ciphertext)).toContain(
      "v1:q83vASNFZ4mrze8B:Jm9vYmFyLWNpcGhlcnRleHQ=",
    );

    expect(await verifyAuditChain(b.db)).toEqual({ ok: true, events: 5 });
    await recordAuditEvent(b.db, actor, { action: "backup.restored" });
    const last = await b.owner.pool.query<{ seq: number; action: string }>(
      "select seq, action from audit_events order by seq desc limit 1",
    );
    expect(last.rows[0]).toEqual({ seq: 6, action: "backup.restored" });
    expect(await verifyAuditChain(b.db)).toEqual({ ok: true, events: 6 });

    // The append-only guards are back once the restore is over, the register's too.
    await expect(b.owner.pool.query("delete from audit_events")).rejects.toThrow(
      /endast för tillägg/,
    );
    await expect(b.owner.pool.query("truncate audit_events")).rejects.toThrow(/endast för tillägg/);
    await expect(b.owner.pool.query("delete from register.access_log")).rejects.toThrow(
      /access_log är endast för tillägg/,
    );
    await expect(
      b.owner.pool.query("update register.erasures set reason = 'gallring'"),
    ).rejects.toThrow(/erasures är endast för tillägg/);

    // The register's role works on the restored rows: its sequence continues after the
    // restored log, and row-level security still limits it to its scope.
    const [kommun] = sourceScope.controllers;
    const next = await inRegister(b.db, sourceScope, (tx) =>
      tx
        .insert(accessLog)
        .values({
          associationId: restored["public.associations"]?.rows.find((r) => r.slug === "norr")?.id,
          dataControllerId: kommun ?? "",
          actorName: "Åsa Öberg",
          actorRole: "association_admin",
          actorOrganisation: "Samordningsförbundet Norr",
          action: "search",
          outcome: "ok",
        })
        .returning({ id: accessLog.id }),
    );
    expect(next).toEqual([{ id: 4 }]);
    const seen = await inRegister(
      b.db,
      { controllers: [kommun ?? ""], initiatives: [] },
      async (tx) => (await tx.select().from(participants)).map((p) => p.dataControllerId),
    );
    expect(seen).toEqual([kommun, kommun]);
  });

  it("still restores a backup from before the register, whose table names are bare", async () => {
    // A version 1 file as earlier versions of Samspår wrote it: schema public only, bare names.
    const lines = fileLines(backupFile);
    const header = JSON.parse(lines[0] ?? "");
    const old: string[] = [];
    let tables = 0;
    let rows = 0;
    for (let i = 1; i < lines.length - 2; ) {
      const section = JSON.parse(lines[i] ?? "");
      const body = lines.slice(i + 1, i + 1 + section.rows);
      i += 1 + section.rows;
      if (!section.table.startsWith("public.")) continue;
      old.push(JSON.stringify({ ...section, table: section.table.slice(7) }), ...body);
      tables++;
      rows += section.rows;
    }
    const publicTables = header.tables
      .filter((t: string) => t.startsWith("public."))
      .map((t: string) => t.slice(7));
    expect(publicTables).toContain("associations");
    expect(publicTables).toHaveLength(tables);
    const oldHeader = { ...header, version: 1, tables: publicTables };
    const oldFile = path.join(dir, "version-1.gz");
    writeFileSync(
      oldFile,
      gzipSync(
        [JSON.stringify(oldHeader), ...old, JSON.stringify({ end: true, tables, rows }), ""].join(
          "\n",
        ),
      ),
    );

    const before = await snapshot(b.owner.pool);
    await b.owner.pool.query("delete from public.associations where slug = 'syd'");
    expect(await restoreDatabase(b.pool, oldFile)).toEqual({ tables, rows });
    const source = await snapshot(a.owner.pool);
    const after = await snapshot(b.owner.pool);
    for (const table of Object.keys(source)) {
      if (!table.startsWith("public.") || table === "public.throttle_counters") continue;
      if (table === "public.sessions") continue;
      expect(after[table], table).toEqual(source[table]);
    }
    // The file holds no register: the register's rows that point at the replaced data go
    // with it, the tables that point at nothing are kept.
    for (const table of [
      "register.participants",
      "register.enrollments",
      "register.consents",
      "register.course_progress",
      "register.erasures",
      "register.evaluation_receipts",
      "register.evaluation_responses",
    ]) {
      expect(after[table]?.rows, table).toEqual([]);
    }
    expect(after["register.access_log"]).toEqual(before["register.access_log"]);
    expect(after["register.count_only_participation"]).toEqual(
      before["register.count_only_participation"],
    );
    expect(await verifyAuditChain(b.db)).toEqual({ ok: true, events: 5 });

    // And the current file brings the register back.
    await restoreDatabase(b.pool, backupFile);
    const again = await snapshot(b.owner.pool);
    for (const table of Object.keys(source)) {
      if (table === "public.sessions" || table === "public.throttle_counters") continue;
      expect(again[table], table).toEqual(source[table]);
    }
  });
});

/**
 * A pool whose sessions are `role`'s own, as if it had logged in (the test's superuser may
 * become any role): RESET ROLE and SET ROLE NONE lead back to it, not to the superuser.
 */
function poolAs(url: string, role: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => {}); // the database is dropped with the test's connections open
  // queued before anything the pool's user sends on the new connection
  pool.on("connect", (client) => {
    client.query(`set session authorization ${role}`).catch(() => {});
  });
  rolePools.push(pool);
  return pool;
}

describe("row-level security on the register", () => {
  it("is enabled without FORCE, so the tables' owner sees and restores every row", async () => {
    const flags = await a.owner.pool.query<{ name: string; rls: boolean; force: boolean }>(
      `select n.nspname || '.' || c.relname as name, c.relrowsecurity as rls,
              c.relforcerowsecurity as force
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'register' and c.relkind = 'r' order by 1`,
    );
    expect(flags.rows).toEqual(REGISTER_TABLES.map((name) => ({ name, rls: true, force: false })));

    // As in production: an ordinary role that owns the tables (it ran the migrations), not a
    // superuser and without BYPASSRLS.
    await a.owner.pool.query(`create role ${ownerRole} nologin`);
    for (const table of await tablesOf(a.owner.pool)) {
      await a.owner.pool.query(`alter table ${sqlName(table)} owner to ${ownerRole}`);
    }
    await a.owner.pool.query(`grant usage on schema register, drizzle to ${ownerRole}`);
    await a.owner.pool.query(`grant select on drizzle.__drizzle_migrations to ${ownerRole}`);
    const owner = poolAs(a.url, ownerRole);
    const who = await owner.query<{ role: string; bypass: boolean }>(
      "select current_user::text as role, rolsuper or rolbypassrls as bypass from pg_roles where rolname = current_user",
    );
    expect(who.rows).toEqual([{ role: ownerRole, bypass: false }]);

    const asSuperuser = path.join(dir, "superuser.gz");
    const asOwner = path.join(dir, "owner.gz");
    await backupDatabase(a.pool, asSuperuser);
    await backupDatabase(owner, asOwner);
    // The same rows, every data controller's, whoever of the two makes the backup.
    expect(fileLines(asOwner).slice(1)).toEqual(fileLines(asSuperuser).slice(1));
    expect(fileLines(asOwner).some((l) => l.startsWith('{"table":"register.participants"'))).toBe(
      true,
    );

    const before = await snapshot(a.owner.pool);
    await a.owner.pool.query("delete from public.throttle_counters");
    await expect(restoreDatabase(owner, asOwner)).resolves.toMatchObject({
      tables: JSON.parse(fileLines(asOwner)[0] ?? "").tables.length,
    });
    const after = await snapshot(a.owner.pool);
    for (const table of Object.keys(before)) {
      if (table === "public.sessions" || table === "public.throttle_counters") continue;
      expect(after[table], table).toEqual(before[table]);
    }
    expect(after["register.participants"]?.rows).toHaveLength(3);
    expect(after["register.access_log"]?.rows).toHaveLength(3);
  });

  it("refuses a user that row-level security would hide rows from, instead of skipping them", async () => {
    await a.owner.pool.query(`create role ${readerRole} nologin`);
    await a.owner.pool.query(`grant usage on schema register, drizzle to ${readerRole}`);
    await a.owner.pool.query(
      `grant select on all tables in schema public, register, drizzle to ${readerRole}`,
    );
    const reader = poolAs(a.url, readerRole);
    const file = path.join(dir, "reader.gz");
    const hidden = REGISTER_TABLES.join(", ");
    await expect(backupDatabase(reader, file)).rejects.toThrow(
      `Databasanvändaren ${readerRole} omfattas av radnivåsäkerheten på ${hidden} och kan inte läsa alla rader där, så säkerhetskopian skulle bli ofullständig. Kör säkerhetskopieringen som den användare som äger tabellerna (den som kör migreringarna). Ingen säkerhetskopia har skrivits.`,
    );
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);

    const untouched = await snapshot(a.owner.pool);
    await expect(restoreDatabase(reader, backupFile)).rejects.toThrow(
      `Databasanvändaren ${readerRole} omfattas av radnivåsäkerheten på ${hidden} och kan inte återställa alla rader där. Kör återställningen som den användare som äger tabellerna (den som kör migreringarna). Databasen är oförändrad.`,
    );
    expect(await snapshot(a.owner.pool)).toEqual(untouched);
  });
});
