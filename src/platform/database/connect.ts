// Opens the database the configuration points at and brings its schema up to date.
//
//   DATABASE_URL set        → that PostgreSQL
//   unset, folder is free   → start the embedded PostgreSQL in SAMSPAR_DATA_DIR
//   unset, folder is in use → the server refuses; the CLI uses the running database
import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { ensureBuiltInInstruments } from "../../progression/builtin.ts";
import type { Config } from "../config.ts";
import { borrowRunningDatabase, type EmbeddedHandle, startEmbeddedPostgres } from "./embedded.ts";
import * as schema from "./schema.ts";

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** What a use case runs its queries on: the database, or a transaction it was handed. */
export type Queryable = Db | Tx;

export interface Database {
  url: string;
  pool: pg.Pool;
  db: Db;
  /** Where the database came from, for the start-up banner. */
  source: "DATABASE_URL" | "embedded" | "borrowed";
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../drizzle",
);

// Timestamps travel as ISO strings with offset; bigint counts fit in JS numbers here.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * The association zone's database role (ADR 0011). Every connection of the application's pool
 * starts as it (the startup option `role`, so a connection that cannot take it fails instead of
 * running with more rights): it has the public schema and no privilege at all on the register.
 * The register's code switches to samspar_register per transaction (src/register/zone.ts); the
 * few tasks that need the owner of the tables (migrations, backup, restore) say so with
 * `asOwner`.
 */
export const ASSOCIATION_ROLE = "samspar_association";

export interface ConnectOptions {
  /** Run as the association zone's role (default); false: as the login role (migrations). */
  zone?: boolean;
}

export function connect(
  url: string,
  max = 10,
  options: ConnectOptions = {},
): { pool: pg.Pool; db: Db } {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: "samspar",
    ...(options.zone === false ? {} : { options: `-c role=${ASSOCIATION_ROLE}` }),
  });
  pool.on("error", () => {}); // a dropped idle client is replaced on next use
  return { pool, db: drizzle(pool, { schema }) };
}

/**
 * Runs `work` on a client of `pool` as the login role (the owner of the tables), for the
 * tasks that need it: migrations, backup and restore. RESET ROLE afterwards returns the client
 * to the role it started with; a client that cannot be reset is closed instead of reused.
 */
export async function asOwner<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>) {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("set role none");
    return await work(client);
  } finally {
    try {
      await client.query("reset role");
    } catch (error) {
      broken = error instanceof Error ? error : new Error(String(error));
    }
    client.release(broken);
  }
}

/** Applies the committed migrations, one process at a time. */
export async function runMigrations(pool: pg.Pool): Promise<void> {
  await asOwner(pool, async (client) => {
    await client.query("select pg_advisory_lock(727270001)");
    try {
      await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      await ensureBuiltInInstruments(drizzle(client, { schema })); // Samspår's shipped instruments
    } finally {
      await client.query("select pg_advisory_unlock(727270001)").catch(() => {});
    }
  });
}

export interface OpenOptions {
  /** "server" refuses a data folder in use; "cli" borrows the running database. */
  role: "server" | "cli";
  log?: (line: string) => void;
}

export async function openDatabase(config: Config, options: OpenOptions): Promise<Database> {
  let url: string;
  let source: Database["source"];
  let embedded: EmbeddedHandle | undefined;
  if (config.databaseUrl) {
    url = config.databaseUrl;
    source = "DATABASE_URL";
  } else {
    const borrowed = options.role === "cli" ? borrowRunningDatabase(config.dataDir) : undefined;
    if (borrowed) {
      url = borrowed;
      source = "borrowed";
    } else {
      embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        role: options.role === "server" ? "server" : "cli",
        ...(options.log ? { log: options.log } : {}),
      });
      url = embedded.url;
      source = "embedded";
    }
  }
  // the migrations create the zone's roles: they run before any connection takes one
  const migrator = connect(url, 1, { zone: false });
  try {
    await runMigrations(migrator.pool);
  } catch (error) {
    await embedded?.stop();
    throw error;
  } finally {
    await migrator.pool.end().catch(() => {});
  }
  const { pool, db } = connect(url);
  return {
    url,
    pool,
    db,
    source,
    async close() {
      await pool.end().catch(() => {});
      await embedded?.stop();
    },
  };
}
