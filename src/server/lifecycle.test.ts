// The real `npm start` process on an embedded database: first start seeds the demo, a
// second process on the same data folder is refused, SIGTERM stops server and database
// cleanly, and a restart finds the data it left.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { borrowRunningDatabase } from "../platform/database/embedded.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samspar-lifecycle-"));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  SAMSPAR_DATA_DIR: dataDir,
  PORT: "0",
  SAMSPAR_JOBS: "0",
};
delete env.DATABASE_URL;
const started: ChildProcess[] = [];

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
}

function startServer(): Promise<Running> {
  const child = spawn(process.execPath, ["src/server/start.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start timed out:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/\(port (\d+)\)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]), output: () => output });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on("exit", (code) => resolve(code));
  });
}

async function query(sql: string): Promise<pg.QueryResult> {
  const url = borrowRunningDatabase(dataDir);
  if (!url) throw new Error("no running database");
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("server lifecycle", { timeout: 180_000 }, () => {
  let first: Running;

  it("starts on an empty folder, seeds the demo and prints the logins", async () => {
    first = await startServer();
    expect(first.output()).toContain("forbundschef@demo.samspar.se");
    const health = await fetch(`http://127.0.0.1:${first.port}/healthz`);
    expect(await health.json()).toEqual({ status: "ok", db: "ok" });
    expect(fs.statSync(path.join(dataDir, "db-password")).mode & 0o777).toBe(0o600);
  });

  it("refuses a second process on the same data folder, at once and clearly", async () => {
    const second = spawn(process.execPath, ["src/server/start.ts"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    second.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    expect(await exitOf(second)).toBe(2);
    expect(output).toContain("används redan av en annan Samspår-process");
    const health = await fetch(`http://127.0.0.1:${first.port}/healthz`);
    expect(health.status).toBe(200);
  });

  it("stops cleanly on SIGTERM and keeps the data for the next start", async () => {
    await query("insert into associations (slug, name) values ('omstart', 'Omstartsförbundet')");
    first.child.kill("SIGTERM");
    expect(await exitOf(first.child)).toBe(0);
    expect(first.output()).toContain("Samspår är stoppat.");
    expect(fs.existsSync(path.join(dataDir, "samspar.lock"))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);

    const again = await startServer();
    expect(again.output()).not.toContain("Demoförbundet");
    const rows = await query("select slug from associations order by slug");
    expect(rows.rows.map((r) => r.slug)).toEqual(["demo", "omstart"]);
    again.child.kill("SIGINT");
    expect(await exitOf(again.child)).toBe(0);
  });
});
