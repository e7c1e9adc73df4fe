// Logical backup and restore of the application's data, done over the ordinary `pg` connection
// because the embedded PostgreSQL 18 ships no pg_dump and older client tools cannot dump it.
//
// It covers every application schema (public, the participant register's "register", and any
// later one); not drizzle's migration bookkeeping and not the system catalogues.
//
// File format (gzip, one JSON value per line):
//   {"format":"samspar-backup","version":2,"createdAt":…,"migrations":[hash…],"tables":[name…]}
//   {"table":"public.associations","columns":["id",…],"rows":2}   then that many row lines,
//   {"id":"…","slug":"…",…}                                        each a row_to_json of the table,
//   … one such section per table, in foreign-key order across schemas …
//   {"end":true,"tables":11,"rows":42}
// Table names are schema-qualified ("register.participants"). Version 1 files, from before the
// register, name public's tables bare ("associations"); they are read as public.associations.
import { createReadStream, createWriteStream } from "node:fs";
import { open, rename, rm, stat } from "node:fs/promises";
import { pipeline as pipelineCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type pg from "pg";
import { asOwner } from "./connect.ts";

const FORMAT = "samspar-backup";
const VERSION = 2;
/** Versions this code reads; version 1 differs only in its bare (public) table names. */
const READABLE_VERSIONS = new Set([1, 2]);
/** Transient state: a restore ends every session, and throttling starts afresh. */
const EXCLUDED_TABLES = new Set(["public.sessions", "public.throttle_counters"]);
const SESSIONS = "public.sessions";
/** Schemas that are not the application's data: drizzle's migration log and PostgreSQL's own. */
const NON_APPLICATION_SCHEMAS = ["drizzle", "information_schema"];
const PAGE_SIZE = 1000;
const INSERT_BATCH = 500;
/** A longer line cannot come from our backups; stop before it eats the memory. */
const MAX_LINE_BYTES = 256 * 1024 * 1024;

interface Header {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

interface TableSection {
  table: string;
  columns: string[];
  rows: number;
}

interface Trailer {
  end: true;
  tables: number;
  rows: number;
}

interface TableInfo {
  /** Schema-qualified, as in the file: "public.associations", "register.participants". */
  name: string;
  schema: string;
  table: string;
  oid: number;
}

interface ForeignKey {
  child: string;
  parent: string;
}

interface Column {
  name: string;
  type: string;
  identity: string;
  generated: string;
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function qualified(table: TableInfo): string {
  return `${ident(table.schema)}.${ident(table.table)}`;
}

/** A table name as a file of `version` writes it, in this code's schema-qualified form. */
function normalName(name: string, version: number): string {
  return version === 1 ? `public.${name}` : name;
}

export async function backupDatabase(
  pool: pg.Pool,
  file: string,
): Promise<{ tables: number; rows: number; bytes: number }> {
  // the owner of the tables reads every schema, the register's included
  return asOwner(pool, (client) => backupWith(client, file));
}

async function backupWith(
  client: pg.PoolClient,
  file: string,
): Promise<{ tables: number; rows: number; bytes: number }> {
  // The file appears under its name only when complete, so a failed run never leaves
  // something that looks like a usable backup.
  const partial = `${file}.partial`;
  let tables = 0;
  let rows = 0;
  try {
    // One snapshot for all tables, so the backup is consistent across foreign keys and with
    // the audit chain even while the application keeps writing.
    await client.query("begin isolation level repeatable read, read only");
    await client.query("set local timezone = 'UTC'");
    // Row-level security would silently leave out the rows a policy hides; with it off, such a
    // read fails instead. The owner of the tables is not subject to it (see rowsHiddenFrom).
    await client.query("set local row_security = off");
    const migrations = await appliedMigrations(client);
    const all = await applicationTables(client);
    const included = all.filter((t) => !EXCLUDED_TABLES.has(t.name));
    const hidden = await rowsHiddenFrom(client, included);
    if (hidden) {
      throw new Error(
        `Databasanvändaren ${hidden.user} omfattas av radnivåsäkerheten på ${hidden.tables} och kan inte läsa alla rader där, så säkerhetskopian skulle bli ofullständig. Kör säkerhetskopieringen som den användare som äger tabellerna (den som kör migreringarna). Ingen säkerhetskopia har skrivits.`,
      );
    }
    const ordered = dependencyOrder(included, await foreignKeys(client));

    async function* lines(): AsyncGenerator<string> {
      const header: Header = {
        format: FORMAT,
        version: VERSION,
        createdAt: new Date().toISOString(),
        migrations,
        tables: ordered.map((t) => t.name),
      };
      yield `${JSON.stringify(header)}\n`;
      for (const table of ordered) {
        const columns = (await tableColumns(client, table.oid)).filter((c) => c.generated === "");
        const count = await client.query<{ n: string }>(
          `select count(*)::text as n from ${qualified(table)}`,
        );
        const expected = Number(count.rows[0]?.n ?? 0);
        const section: TableSection = {
          table: table.name,
          columns: columns.map((c) => c.name),
          rows: expected,
        };
        yield `${JSON.stringify(section)}\n`;
        let written = 0;
        for await (const page of tablePages(client, table, columns)) {
          // Only a plain json column can hold a raw line break, and there only as whitespace
          // between tokens, which JSON ignores; jsonb and strings come out escaped.
          yield `${page.map((line) => line.replaceAll("\n", " ")).join("\n")}\n`;
          written += page.length;
        }
        if (written !== expected) {
          throw new Error(`tabellen ${table.name} ändrades under säkerhetskopieringen`);
        }
        tables++;
        rows += written;
      }
      const trailer: Trailer = { end: true, tables, rows };
      yield `${JSON.stringify(trailer)}\n`;
    }

    await pipeline(lines, createGzip(), createWriteStream(partial));
    await client.query("commit");
    await rename(partial, file);
  } catch (error) {
    await client.query("rollback").catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
  const { size } = await stat(file);
  return { tables, rows, bytes: size };
}

export async function restoreDatabase(
  pool: pg.Pool,
  file: string,
): Promise<{ tables: number; rows: number }> {
  const lines = readLines(file)[Symbol.asyncIterator]();
  try {
    // Past the gzip signature, any read error means damage rather than a foreign file, even
    // when it surfaces with the very first line (a small file is inflated in one go).
    if (!(await isGzip(file))) throw notABackup();
    const header = parseHeader(await nextLine(lines));
    return await asOwner(pool, async (client) => {
      try {
        await client.query("begin");
        const result = await restoreInTransaction(client, header, lines);
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => {});
        throw error;
      }
    });
  } catch (error) {
    if (error instanceof RestoreRefused) throw new Error(error.message, { cause: error.cause });
    throw new Error(
      `Återställningen misslyckades och avbröts; databasen är oförändrad. (${describe(error)})`,
      { cause: error },
    );
  } finally {
    await lines.return?.(undefined);
  }
}

/** A reason to stop that already speaks to the operator. */
class RestoreRefused extends Error {}

function corrupt(detail: string, cause?: unknown): RestoreRefused {
  return new RestoreRefused(
    `Säkerhetskopian är skadad eller ofullständig och kan inte återställas: ${detail}. Databasen är oförändrad.`,
    { cause },
  );
}

function notABackup(cause?: unknown): RestoreRefused {
  return new RestoreRefused(
    "Filen är ingen säkerhetskopia från Samspår och kan inte återställas. Databasen är oförändrad.",
    { cause },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const signature = Buffer.alloc(2);
    const { bytesRead } = await handle.read(signature, 0, 2, 0);
    return bytesRead === 2 && signature[0] === 0x1f && signature[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

async function nextLine(lines: AsyncIterator<string>): Promise<string> {
  let result: IteratorResult<string>;
  try {
    result = await lines.next();
  } catch (error) {
    throw corrupt(describe(error), error);
  }
  if (result.done) throw corrupt("filen tar slut för tidigt");
  return result.value;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

function parseHeader(line: string): Header {
  const header = parseJson(line) as Partial<Header> | undefined;
  if (!header || typeof header !== "object" || header.format !== FORMAT) throw notABackup();
  if (typeof header.version !== "number" || !READABLE_VERSIONS.has(header.version)) {
    throw new RestoreRefused(
      `Säkerhetskopian har formatversion ${String(header.version)}, som den här versionen av Samspår inte kan läsa. Databasen är oförändrad.`,
    );
  }
  if (!isStringArray(header.migrations) || !isStringArray(header.tables)) {
    throw corrupt("inledningen saknar migreringar eller tabeller");
  }
  return {
    ...(header as Header),
    tables: header.tables.map((name) => normalName(name, header.version as number)),
  };
}

async function restoreInTransaction(
  client: pg.PoolClient,
  header: Header,
  lines: AsyncIterator<string>,
): Promise<{ tables: number; rows: number }> {
  const migrations = await appliedMigrations(client);
  const isPrefix =
    header.migrations.length <= migrations.length &&
    header.migrations.every((hash, i) => migrations[i] === hash);
  if (!isPrefix) {
    throw new RestoreRefused(
      "Säkerhetskopian är gjord av en nyare eller annan version av Samspår än den här databasen har. Uppdatera Samspår till minst den versionen och försök igen. Databasen är oförändrad.",
    );
  }

  const existing = new Map((await applicationTables(client)).map((t) => [t.name, t]));
  const missing = header.tables.filter((name) => !existing.has(name));
  if (missing.length > 0) {
    throw new RestoreRefused(
      `Databasen saknar tabeller som finns i säkerhetskopian (${missing.join(", ")}). Databasen är oförändrad.`,
    );
  }
  // The file is read once, front to back, so its table order must already satisfy this
  // database's foreign keys; a violating order would fail half-way instead of up front.
  const keys = await foreignKeys(client);
  const position = new Map(header.tables.map((name, i) => [name, i]));
  for (const fk of keys) {
    const child = position.get(fk.child);
    const parent = position.get(fk.parent);
    if (child !== undefined && parent !== undefined && fk.child !== fk.parent && parent > child) {
      throw new RestoreRefused(
        `Säkerhetskopians tabellordning passar inte databasen (${fk.parent} måste komma före ${fk.child}). Databasen är oförändrad.`,
      );
    }
  }

  const restored = header.tables.map((name) => existing.get(name) as TableInfo);
  // Emptied: the backup's tables, the sessions, and every table that references one of them
  // without being in the backup itself (the register's tables, under a version 1 backup) —
  // their rows would point at data that is gone. Named here rather than left to a cascade, so
  // they are locked, their triggers are off like the others', and a miss fails loudly.
  const cleared = new Set([...header.tables, ...(existing.has(SESSIONS) ? [SESSIONS] : [])]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const { child, parent } of keys) {
      if (cleared.has(parent) && !cleared.has(child) && existing.has(child)) {
        cleared.add(child);
        grew = true;
      }
    }
  }
  const clearedTables = [...cleared].map((name) => existing.get(name) as TableInfo);
  // Inserting into a table under row-level security needs the owner (or a role that bypasses
  // it); with row_security off, anyone else fails here instead of having rows refused later.
  await client.query("set local row_security = off");
  const hidden = await rowsHiddenFrom(client, clearedTables);
  if (hidden) {
    throw new RestoreRefused(
      `Databasanvändaren ${hidden.user} omfattas av radnivåsäkerheten på ${hidden.tables} och kan inte återställa alla rader där. Kör återställningen som den användare som äger tabellerna (den som kör migreringarna). Databasen är oförändrad.`,
    );
  }
  const list = clearedTables.map(qualified).join(", ");
  await client.query(`lock table ${list} in access exclusive mode`);
  // The data already carries whatever triggers did when it was first written (the audit
  // log's hashes, for one); firing them again, or letting an append-only guard (the audit
  // log's, the register's access log and erasures) veto the truncate, would be wrong. Only
  // this transaction sees them disabled.
  const triggers = await client.query<{ oid: string; trigger: string; mode: string }>(
    `select t.tgrelid::int8::text as oid, t.tgname as trigger, t.tgenabled::text as mode
       from pg_trigger t
      where t.tgrelid = any($1::oid[]) and not t.tgisinternal and t.tgenabled <> 'D'
      order by t.tgrelid, t.tgname`,
    [clearedTables.map((t) => t.oid)],
  );
  const byOid = new Map(clearedTables.map((t) => [t.oid, t]));
  const disabled = triggers.rows.map((row) => ({
    ...row,
    table: byOid.get(Number(row.oid)) as TableInfo,
  }));
  for (const { table, trigger } of disabled) {
    await client.query(`alter table ${qualified(table)} disable trigger ${ident(trigger)}`);
  }
  await client.query(`truncate table ${list} restart identity`);

  let rows = 0;
  for (const expected of restored) {
    const section = parseJson(await nextLine(lines)) as Partial<TableSection> | undefined;
    if (
      !section ||
      typeof section.table !== "string" ||
      normalName(section.table, header.version) !== expected.name ||
      !isStringArray(section.columns) ||
      typeof section.rows !== "number"
    ) {
      throw corrupt(`avsnittet för tabellen ${expected.name} saknas`);
    }
    const columns = await tableColumns(client, expected.oid);
    const known = new Map(columns.map((c) => [c.name, c]));
    const unknown = section.columns.filter((c) => known.get(c)?.generated !== "");
    if (unknown.length > 0) {
      throw new RestoreRefused(
        `Tabellen ${expected.name} i databasen saknar kolumner som finns i säkerhetskopian (${unknown.join(", ")}). Databasen är oförändrad.`,
      );
    }
    // Columns added by later migrations are left out of the insert, so they get their defaults.
    const list = section.columns.map(ident).join(", ");
    const overriding = section.columns.some((c) => known.get(c)?.identity === "a")
      ? " overriding system value"
      : "";
    const insert = `insert into ${qualified(expected)} (${list})${overriding}
      select ${list} from json_populate_recordset(null::${qualified(expected)}, $1::json)`;
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      // The row text goes to the server untouched: no JavaScript number ever holds a bigint.
      await client.query(insert, [`[${batch.join(",")}]`]);
      batch = [];
    };
    for (let i = 0; i < section.rows; i++) {
      batch.push(await nextLine(lines));
      if (batch.length >= INSERT_BATCH) await flush();
    }
    await flush();
    rows += section.rows;
  }

  const trailer = parseJson(await nextLine(lines)) as Partial<Trailer> | undefined;
  if (trailer?.end !== true || trailer.tables !== restored.length || trailer.rows !== rows) {
    throw corrupt("slutraden stämmer inte med innehållet");
  }
  // Reading to the very end is what makes gzip check its checksum over the whole file.
  const after = await lines.next().catch((error: unknown) => {
    throw corrupt(describe(error), error);
  });
  if (!after.done) throw corrupt("det finns data efter slutraden");

  for (const table of restored) {
    const columns = await client.query<{ name: string; sequence: string }>(
      `select a.attname as name, pg_get_serial_sequence($1, a.attname) as sequence
         from pg_attribute a
        where a.attrelid = $2 and a.attnum > 0 and not a.attisdropped
          and pg_get_serial_sequence($1, a.attname) is not null`,
      [qualified(table), table.oid],
    );
    for (const { name, sequence } of columns.rows) {
      // Empty tables keep the fresh start that "restart identity" gave their sequences.
      await client.query(
        `select setval($1::regclass, m) from (select max(${ident(name)}) as m from ${qualified(table)}) x
          where m is not null`,
        [sequence],
      );
    }
  }
  for (const { table, trigger, mode } of disabled) {
    // Back to exactly the mode it had, which for a replica or always trigger is not plain "enable".
    const enable = mode === "A" ? "enable always" : mode === "R" ? "enable replica" : "enable";
    await client.query(`alter table ${qualified(table)} ${enable} trigger ${ident(trigger)}`);
  }
  return { tables: restored.length, rows };
}

async function appliedMigrations(client: pg.PoolClient): Promise<string[]> {
  const result = await client.query<{ hash: string }>(
    "select hash from drizzle.__drizzle_migrations order by id",
  );
  return result.rows.map((r) => r.hash);
}

/** A condition on pg_namespace `alias`: an application schema ($1 lists drizzle's and the like). */
function isApplicationSchema(alias: string): string {
  return `${alias}.nspname <> all($1::text[]) and ${alias}.nspname not like 'pg\\_%'`;
}

/**
 * Ordinary and partitioned tables of every application schema — all but drizzle's and the
 * system's — by schema and name; partitions are reached through their parent.
 */
async function applicationTables(client: pg.PoolClient): Promise<TableInfo[]> {
  const result = await client.query<{ schema: string; table: string; oid: string }>(
    `select n.nspname as schema, c.relname as table, c.oid::int8::text as oid
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where ${isApplicationSchema("n")} and c.relkind in ('r', 'p') and not c.relispartition
      order by n.nspname, c.relname`,
    [NON_APPLICATION_SCHEMAS],
  );
  return result.rows.map((r) => ({
    name: `${r.schema}.${r.table}`,
    schema: r.schema,
    table: r.table,
    oid: Number(r.oid),
  }));
}

/** Foreign keys between application tables, within a schema and across (register → public). */
async function foreignKeys(client: pg.PoolClient): Promise<ForeignKey[]> {
  const result = await client.query<ForeignKey>(
    `select cn.nspname || '.' || child.relname as child,
            pn.nspname || '.' || parent.relname as parent
       from pg_constraint k
       join pg_class child on child.oid = k.conrelid
       join pg_class parent on parent.oid = k.confrelid
       join pg_namespace cn on cn.oid = child.relnamespace
       join pg_namespace pn on pn.oid = parent.relnamespace
      where k.contype = 'f' and ${isApplicationSchema("cn")} and ${isApplicationSchema("pn")}`,
    [NON_APPLICATION_SCHEMAS],
  );
  return result.rows;
}

/**
 * The tables under row-level security whose rows the current user may not all see, so a
 * backup or restore would miss some (with row_security off, fail on them). Nothing for a
 * superuser, a role with BYPASSRLS, or the table's owner (or a member of the owning role) when
 * the table does not FORCE row-level security: Samspår's register tables enable it without
 * FORCE, and the user that runs the migrations owns them.
 */
async function rowsHiddenFrom(
  client: pg.PoolClient,
  tables: TableInfo[],
): Promise<{ user: string; tables: string } | undefined> {
  const result = await client.query<{ role: string; name: string }>(
    `select current_user::text as role, n.nspname || '.' || c.relname as name
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_roles r on r.rolname = current_user
      where c.oid = any($1::oid[]) and c.relrowsecurity
        and not (r.rolsuper or r.rolbypassrls
                 or (not c.relforcerowsecurity and pg_has_role(current_user, c.relowner, 'USAGE')))
      order by n.nspname, c.relname`,
    [tables.map((t) => t.oid)],
  );
  const first = result.rows[0];
  if (!first) return undefined;
  return { user: first.role, tables: result.rows.map((r) => r.name).join(", ") };
}

/** Parents before children (Kahn's algorithm), ties by name so backups are reproducible. */
function dependencyOrder(tables: TableInfo[], keys: ForeignKey[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of keys) {
    if (child !== parent && byName.has(parent)) parents.get(child)?.add(parent);
  }
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  for (;;) {
    const ready = tables.filter(
      (t) => !done.has(t.name) && [...(parents.get(t.name) ?? [])].every((p) => done.has(p)),
    );
    if (ready.length === 0) break;
    for (const t of ready) {
      ordered.push(t);
      done.add(t.name);
    }
  }
  // A foreign-key cycle has no valid order; the tables are still backed up, and a restore
  // refuses them up front rather than failing half-way.
  ordered.push(...tables.filter((t) => !done.has(t.name)));
  return ordered;
}

async function tableColumns(client: pg.PoolClient, oid: number): Promise<Column[]> {
  const result = await client.query<Column>(
    `select attname as name, format_type(atttypid, atttypmod) as type,
            attidentity::text as identity, attgenerated::text as generated
       from pg_attribute
      where attrelid = $1 and attnum > 0 and not attisdropped
      order by attnum`,
    [oid],
  );
  return result.rows;
}

async function primaryKey(client: pg.PoolClient, oid: number): Promise<Column[]> {
  const result = await client.query<Column>(
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
            a.attidentity::text as identity, a.attgenerated::text as generated
       from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = $1 and i.indisprimary
      order by array_position(i.indkey::int2[], a.attnum)`,
    [oid],
  );
  return result.rows;
}

/** The rows of one table as JSON text, in pages keyed by the primary key. */
async function* tablePages(
  client: pg.PoolClient,
  table: TableInfo,
  columns: Column[],
): AsyncGenerator<string[]> {
  const list = columns.map((c) => ident(c.name)).join(", ");
  const key = await primaryKey(client, table.oid);
  if (key.length === 0) {
    // Without a key there is nothing to page by; such a table is read in one go.
    const all = await client.query<{ r: string }>(
      `select row_to_json(x)::text as r from (select ${list} from ${qualified(table)}) x`,
    );
    if (all.rows.length > 0) yield all.rows.map((row) => row.r);
    return;
  }
  // A generated key column is not among the saved columns but is still needed for paging;
  // the restore ignores fields it does not insert.
  const selected = [...columns, ...key.filter((k) => !columns.some((c) => c.name === k.name))];
  const keyList = key.map((c) => ident(c.name)).join(", ");
  const keyOut = key.map((c, i) => `x.${ident(c.name)}::text as k${i}`).join(", ");
  // The text form of every key type reads back exactly through its own type's input.
  const keyParams = key.map((c, i) => `$${i + 1}::${c.type}`).join(", ");
  let last: string[] | undefined;
  for (;;) {
    const where = last ? `where (${keyList}) > (${keyParams})` : "";
    const result = await client.query<Record<string, string>>(
      `select row_to_json(x)::text as r, ${keyOut}
         from (select ${selected.map((c) => ident(c.name)).join(", ")}
                 from ${qualified(table)} ${where}
                order by ${keyList} limit ${PAGE_SIZE}) x
        order by ${key.map((c) => `x.${ident(c.name)}`).join(", ")}`,
      last ?? [],
    );
    if (result.rows.length === 0) return;
    yield result.rows.map((row) => row.r as string);
    if (result.rows.length < PAGE_SIZE) return;
    const final = result.rows[result.rows.length - 1] as Record<string, string>;
    last = key.map((_, i) => final[`k${i}`] as string);
  }
}

/** The decompressed file, line by line; read and checksum errors surface from the iteration. */
async function* readLines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  // The callback form destroys every stream with the first error, so the loop below throws it.
  pipelineCallback(createReadStream(file), gunzip, () => {});
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let start = 0;
      for (;;) {
        const end = chunk.indexOf(10, start);
        if (end === -1) break;
        const piece = chunk.subarray(start, end);
        // Splitting on the byte 0x0a is safe in UTF-8: it never occurs inside a multibyte character.
        yield pending.length === 0
          ? piece.toString("utf8")
          : Buffer.concat([...pending, piece]).toString("utf8");
        pending = [];
        pendingBytes = 0;
        start = end + 1;
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        if (pendingBytes > MAX_LINE_BYTES) throw new Error("en rad är orimligt lång");
      }
    }
    if (pendingBytes > 0) yield Buffer.concat(pending).toString("utf8");
  } finally {
    gunzip.destroy();
  }
}
