// A fresh, migrated database for one test file, cloned from the run's template (or from the
// run's demo template, the same with the demo association seeded).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { connect, type Db } from "../../src/platform/database/connect.ts";

export interface TestDatabase {
  url: string;
  /** As the application: the association zone's role (ADR 0011). */
  pool: pg.Pool;
  db: Db;
  /**
   * As the owner of the tables, for what a test sets up or inspects beyond the application's
   * reach (the register's tables directly, triggers, roles). Opened on first use.
   */
  readonly owner: { pool: pg.Pool; db: Db };
  drop(): Promise<void>;
}

/** The run's template with the demo association seeded in it (made on first use). */
export const DEMO_TEMPLATE = "samspar_demo_template";
const DEMO_BUILDING = "samspar_demo_building";
/** Any number, the same in every worker: one file builds the demo template, the others wait. */
const DEMO_LOCK = 727_270_042;

/** Creates `name` as a copy of `template`, which must be idle: other files clone it too. */
async function cloneDatabase(admin: pg.Client, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      if (attempt > 300) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * The demo template: the migrated template with the demo seeded (src/demo), once per run, by
 * the first file that asks; the files that only read the demo clone it instead of seeding their
 * own (7–10 s each). The test register key (vitest.config's env) seals its participants.
 */
async function ensureDemoTemplate(admin: pg.Client, adminUrl: string): Promise<void> {
  await admin.query("select pg_advisory_lock($1)", [DEMO_LOCK]);
  try {
    const found = await admin.query("select 1 from pg_database where datname = $1", [
      DEMO_TEMPLATE,
    ]);
    if (found.rowCount) return;
    await admin.query(`drop database if exists ${DEMO_BUILDING} with (force)`);
    await cloneDatabase(admin, DEMO_BUILDING, "samspar_template");
    const { seedDemo } = await import("../../src/demo/seed-demo.ts");
    const { pool, db } = connect(adminUrl.replace(/\/[^/]*$/, `/${DEMO_BUILDING}`), 4);
    try {
      await seedDemo(db);
    } finally {
      await pool.end();
    }
    await admin.query(`alter database ${DEMO_BUILDING} rename to ${DEMO_TEMPLATE}`);
  } finally {
    await admin.query("select pg_advisory_unlock($1)", [DEMO_LOCK]);
  }
}

/**
 * A fresh database for one test file: the migrated template, or with `demo` the demo
 * association as `seedDemo` leaves it (for files that read the demo and do not seed it
 * differently: their own register key, another "today").
 */
export async function createTestDatabase(options: { demo?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("adminUrl");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  try {
    if (options.demo) await ensureDemoTemplate(admin, adminUrl);
    await cloneDatabase(admin, name, options.demo ? DEMO_TEMPLATE : "samspar_template");
  } finally {
    await admin.end();
  }
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const { pool, db } = connect(url, 10);
  let owner: { pool: pg.Pool; db: Db } | undefined;
  return {
    url,
    pool,
    db,
    get owner() {
      owner ??= connect(url, 2, { zone: false });
      return owner;
    },
    async drop() {
      await pool.end();
      await owner?.pool.end();
      const client = new pg.Client(adminUrl);
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
