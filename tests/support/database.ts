// A fresh, migrated database for one test file, cloned from the run's template.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { connect, type Db } from "../../src/platform/database/connect.ts";

export interface TestDatabase {
  url: string;
  pool: pg.Pool;
  db: Db;
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
  const { pool, db } = connect(url);
  return {
    url,
    pool,
    db,
    async drop() {
      await pool.end();
      const client = new pg.Client(adminUrl);
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
