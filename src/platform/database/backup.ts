// Logical backup and restore of the application's data, done over the ordinary `pg` connection
// because the embedded PostgreSQL 18 ships no pg_dump and older client tools cannot dump it.
//
// File format (gzip, one JSON value per line):
//   {"format":"samspar-backup","version":1,"createdAt":…,"migrations":[hash…],"tables":[name…]}
//   {"table":"associations","columns":["id",…],"rows":2}   then exactly that many row lines,
//   {"id":"…","slug":"…",…}                                 each a row_to_json of the table,
//   … one such section per table, in foreign-key order …
//   {"end":true,"tables":11,"rows":42}
import { createReadStream, createWriteStream } from "node:fs";
import { open, rename, rm, stat } from "node:fs/promises";
import { pipeline as pipelineCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type pg from "pg";

const FORMAT = "samspar-backup";
const VERSION = 1;
/** Transient state: a restore ends every session, and throttling starts afresh. */
const EXCLUDED_TABLES = new Set(["sessions", "throttle_counters"]);
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
  name: string;
  oid: number;
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

function qualified(table: string): string {
  return `public.${ident(table)}`;
}

export async function backupDatabase(
  pool: pg.Pool,
  file: string,
): Promise<{ tables: number; rows: number; bytes: number }> {
  const client = await pool.connect();
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
    const migrations = await appliedMigrations(client);
    const all = await publicTables(client);
    const included = all.filter((t) => !EXCLUDED_TABLES.has(t.name));
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
          `select count(*)::text as n from ${qualified(table.name)}`,
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
  } finally {
    client.release();
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
    const client = await pool.connect();
    try {
      await client.query("begin");
      const result = await restoreInTransaction(client, header, lines);
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
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
  if (header.version !== VERSION) {
    throw new RestoreRefused(
      `Säkerhetskopian har formatversion ${String(header.version)}, som den här versionen av Samspår inte kan läsa. Databasen är oförändrad.`,
    );
  }
  if (!isStringArray(header.migrations) || !isStringArray(header.tables)) {
    throw corrupt("inledningen saknar migreringar eller tabeller");
  }
  return header as Header;
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

  const existing = new Map((await publicTables(client)).map((t) => [t.name, t]));
  const missing = header.tables.filter((name) => !existing.has(name));
  if (missing.length > 0) {
    throw new RestoreRefused(
      `Databasen saknar tabeller som finns i säkerhetskopian (${missing.join(", ")}). Databasen är oförändrad.`,
    );
  }
  // The file is read once, front to back, so its table order must already satisfy this
  // database's foreign keys; a violating order would fail half-way instead of up front.
  const position = new Map(header.tables.map((name, i) => [name, i]));
  for (const fk of await foreignKeys(client)) {
    const child = position.get(fk.child);
    const parent = position.get(fk.parent);
    if (child !== undefined && parent !== undefined && fk.child !== fk.parent && parent > child) {
      throw new RestoreRefused(
        `Säkerhetskopians tabellordning passar inte databasen (${fk.parent} måste komma före ${fk.child}). Databasen är oförändrad.`,
      );
    }
  }

  const restored = header.tables.map((name) => existing.get(name) as TableInfo);
  const cleared = [...header.tables, ...(existing.has("sessions") ? ["sessions"] : [])];
  await client.query(`lock table ${cleared.map(qualified).join(", ")} in access exclusive mode`);
  // The data already carries whatever triggers did when it was first written (the audit
  // log's hashes, for one); firing them again, or letting the append-only guard veto the
  // truncate, would be wrong. Only this transaction sees them disabled.
  const triggers = await client.query<{ table: string; trigger: string; mode: string }>(
    `select c.relname as table, t.tgname as trigger, t.tgenabled::text as mode
       from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where t.tgrelid = any($1::oid[]) and not t.tgisinternal and t.tgenabled <> 'D'`,
    [restored.map((t) => t.oid)],
  );
  for (const { table, trigger } of triggers.rows) {
    await client.query(`alter table ${qualified(table)} disable trigger ${ident(trigger)}`);
  }
  await client.query(
    `truncate table ${cleared.map(qualified).join(", ")} restart identity cascade`,
  );

  let rows = 0;
  for (const expected of restored) {
    const section = parseJson(await nextLine(lines)) as Partial<TableSection> | undefined;
    if (
      !section ||
      section.table !== expected.name ||
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
    const insert = `insert into ${qualified(expected.name)} (${list})${overriding}
      select ${list} from json_populate_recordset(null::${qualified(expected.name)}, $1::json)`;
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
      [qualified(table.name), table.oid],
    );
    for (const { name, sequence } of columns.rows) {
      // Empty tables keep the fresh start that "restart identity" gave their sequences.
      await client.query(
        `select setval($1::regclass, m) from (select max(${ident(name)}) as m from ${qualified(table.name)}) x
          where m is not null`,
        [sequence],
      );
    }
  }
  for (const { table, trigger, mode } of triggers.rows) {
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

/** Ordinary and partitioned tables of schema public; partitions are reached through their parent. */
async function publicTables(client: pg.PoolClient): Promise<TableInfo[]> {
  const result = await client.query<{ name: string; oid: number }>(
    `select c.relname as name, c.oid::int8 as oid
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`,
  );
  return result.rows.map((r) => ({ name: r.name, oid: Number(r.oid) }));
}

async function foreignKeys(client: pg.PoolClient): Promise<{ child: string; parent: string }[]> {
  const result = await client.query<{ child: string; parent: string }>(
    `select child.relname as child, parent.relname as parent
       from pg_constraint k
       join pg_class child on child.oid = k.conrelid
       join pg_class parent on parent.oid = k.confrelid
       join pg_namespace cn on cn.oid = child.relnamespace
       join pg_namespace pn on pn.oid = parent.relnamespace
      where k.contype = 'f' and cn.nspname = 'public' and pn.nspname = 'public'`,
  );
  return result.rows;
}

/** Parents before children (Kahn's algorithm), ties by name so backups are reproducible. */
function dependencyOrder(
  tables: TableInfo[],
  keys: { child: string; parent: string }[],
): TableInfo[] {
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
      `select row_to_json(x)::text as r from (select ${list} from ${qualified(table.name)}) x`,
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
                 from ${qualified(table.name)} ${where}
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
