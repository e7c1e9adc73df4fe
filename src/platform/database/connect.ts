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

export function connect(url: string, max = 10): { pool: pg.Pool; db: Db } {
  const pool = new pg.Pool({ connectionString: url, max, application_name: "samspar" });
  pool.on("error", () => {}); // a dropped idle client is replaced on next use
  return { pool, db: drizzle(pool, { schema }) };
}

/** Applies the committed migrations, one process at a time. */
export async function runMigrations(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(727270001)");
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query("select pg_advisory_unlock(727270001)").catch(() => {});
    client.release();
  }
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
  const { pool, db } = connect(url);
  try {
    await runMigrations(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    await embedded?.stop();
    throw error;
  }
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
