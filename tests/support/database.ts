// A fresh, migrated database for one test file, cloned from the run's template.
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

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("adminUrl");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  // cloning needs the template to be idle; another file may be cloning it at the same moment
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template samspar_template`);
      break;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.end();
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
