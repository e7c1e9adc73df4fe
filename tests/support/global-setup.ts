// One PostgreSQL server for the whole test run: an embedded one in a temporary folder, or the
// server of TEST_DATABASE_URL. A migrated template database is made once; each test file
// clones it (tests/support/database.ts), so files never see each other's data.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { connect, runMigrations } from "../../src/platform/database/connect.ts";
import { startEmbeddedPostgres } from "../../src/platform/database/embedded.ts";

export const TEMPLATE = "samspar_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samspar-test-"));
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir, role: "test" });
    adminUrl = embedded.url.replace(/\/samspar$/, "/postgres");
    stop = embedded.stop;
  }
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  // a server kept between runs (TEST_DATABASE_URL) must not keep a demo from older code
  await admin.query("drop database if exists samspar_demo_template");
  await admin.query("drop database if exists samspar_demo_building with (force)");
  await admin.query(`drop database if exists ${TEMPLATE}`);
  await admin.query(`create database ${TEMPLATE}`);
  await admin.end();
  const { pool } = connect(adminUrl.replace(/\/[^/]*$/, `/${TEMPLATE}`), 1, {
    zone: false,
  });
  await runMigrations(pool);
  await pool.end();

  project.provide("adminUrl", adminUrl);
  project.provide("dataDir", dataDir);
  return async () => {
    await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
