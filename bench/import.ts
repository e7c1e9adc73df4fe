// The participant import under load: a realistic file of BENCH_IMPORT_ROWS rows (100 000 by
// default) imported for real into an individual initiative of the seeded demo, with every check
// (the file's and the register's), as the demo's participant officer; then the same file again,
// which must change nothing. Prints the time of reading and checking the file alone, the whole
// import, rows per second, the CPU time of Node and of PostgreSQL, and the memory used by the
// importing process — a process of its own, which does nothing else. Figures are printed, never
// asserted.
//
// Part of `npm run bench` (bench/run.ts); alone:
//   BENCH_IMPORT_ROWS=100000 node bench/import.ts
// which starts an embedded PostgreSQL in a temporary folder and seeds the demo first.
//
// The file: deltagar_id B-000001…; about 20 % anonymous, the others with a personnummer (a few
// a samordningsnummer) with valid check digits, serials 000–899 (the demo's own people use
// 980–999, so nobody is found again by accident), a few people enrolled a second time after an
// exit; about 40 % with an exit; the code lists' words, now and then written as a keyboard
// would (a hyphen for the dash, no commas, other case). Start dates lie within the initiative's
// dates and the last two years, and no date after today.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { and, count, eq, like, sql } from "drizzle-orm";
import { loadPrincipal } from "../src/access/principal.ts";
import { todayInSweden } from "../src/applications/workflow.ts";
import { associations } from "../src/associations/schema.ts";
import { Dice } from "../src/demo/demo-participants.ts";
import { DEMO_SLUG, seedDemo } from "../src/demo/seed-demo.ts";
import { initiatives } from "../src/initiatives/schema.ts";
import { users } from "../src/people/schema.ts";
import { readConfig } from "../src/platform/config.ts";
import { type Database, type Db, openDatabase } from "../src/platform/database/connect.ts";
import {
  EDUCATION,
  EXIT_STATUS,
  GENDER,
  OCCUPATION_BEFORE,
  REFERRER,
  SUPPORT,
  TIME_ON_SUPPORT,
} from "../src/register/codes.ts";
import { createRegisterCrypto, loadRegisterKey } from "../src/register/crypto.ts";
import { luhnCheckDigit } from "../src/register/identity.ts";
import { IMPORT_COLUMNS, readParticipantFile } from "../src/register/import-format.ts";
import { type ImportResult, importParticipants } from "../src/register/import-participants.ts";
import { accessLog, enrollments } from "../src/register/schema.ts";
import { registerScopeFor } from "../src/register/scope.ts";
import { inRegister } from "../src/register/zone.ts";

const INITIATIVE = "Tierp, Växtverket";
const OFFICER = "coach@demo.samspar.se";
const KEY_PREFIX = "B-";

// ---------------------------------------------------------------------------------------------
// The file

const DAY = 86_400_000;
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const addDays = (iso: string, days: number) => toDate(ms(iso) + days * DAY);
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

/** The words as a person writes them: mostly the list's own, now and then as a keyboard does. */
function written(dice: Dice, label: string): string {
  const r = dice.next();
  if (r < 0.05) return label.toLocaleUpperCase("sv");
  if (r < 0.1) return label.replace(/–/g, "-").replace(/[.,]/g, "");
  return label;
}

const labels = <T extends string>(entries: Record<T, string>, leaveOut: readonly string[] = []) =>
  (Object.entries(entries) as Array<[T, string]>).filter(([code]) => !leaveOut.includes(code));

function pickLabel<T extends string>(dice: Dice, list: Array<[T, string]>): string {
  return (list[dice.int(0, list.length - 1)] as [T, string])[1];
}

/**
 * A participant file of `rows` rows for an initiative running `from`–`to`, on `today`: the CSV
 * bytes as Excel saves "CSV UTF-8" (BOM, semicolons, CRLF), and what it holds.
 */
export function participantFile(
  rows: number,
  window: { from: string; to: string },
  today: string,
  seed = 20_261_123,
): { data: Uint8Array; anonymous: number; exited: number; again: number } {
  const count = { anonymous: 0, exited: 0, again: 0 };
  const dice = new Dice(seed);
  const supports = labels(SUPPORT, ["ingen", "uppgift_saknas"]);
  const education = labels(EDUCATION);
  const timeOnSupport = labels(TIME_ON_SUPPORT);
  const occupation = labels(OCCUPATION_BEFORE);
  const referrer = labels(REFERRER);
  const statuses = labels(EXIT_STATUS, ["felregistrering", "avliden"]);
  const work = new Set(["arbete, ej subventionerat", "arbete, subventionerat", "eget företag"]);
  const municipalities = ["0305", "0319", "0330", "0331", "0360", "0380", "0381", "0382"];
  const span = Math.max(1, Math.round((ms(window.to) - ms(window.from)) / DAY));
  // birth dates 1962-01-01 … 2006-12-31 (18–64 at start), one person per date and serial
  const birthDays = Math.round((ms("2006-12-31") - ms("1962-01-01")) / DAY) + 1;
  let person = 0;
  /** Identified people who have exited and may come back (as themselves: the same gender). */
  const exited: Array<{ number: string; birthYear: number; gender: string; endDate: string }> = [];

  const lines: string[] = [IMPORT_COLUMNS.join(";")];
  for (let i = 1; i <= rows; i++) {
    const cells: Record<(typeof IMPORT_COLUMNS)[number], string> = Object.fromEntries(
      IMPORT_COLUMNS.map((c) => [c, ""]),
    ) as Record<(typeof IMPORT_COLUMNS)[number], string>;
    cells.deltagar_id = `${KEY_PREFIX}${String(i).padStart(6, "0")}`;
    let startDate = addDays(window.from, dice.int(0, span));
    let birthYear: number;

    const back = exited.length > 0 && dice.chance(0.01) ? exited.shift() : undefined;
    const again = back && addDays(back.endDate, 1) <= window.to ? back : undefined;
    if (again) {
      // enrolled again after an exit: the same person, a later start
      const room = Math.round((ms(window.to) - ms(again.endDate)) / DAY);
      startDate = addDays(again.endDate, dice.int(1, Math.max(1, room)));
      cells.personnummer = again.number;
      birthYear = again.birthYear;
      count.again++;
    } else if (dice.chance(0.8)) {
      const index = person++;
      const birth = addDays("1962-01-01", index % birthDays);
      const serial = String(Math.floor(index / birthDays) % 900).padStart(3, "0");
      birthYear = Number(birth.slice(0, 4));
      const coordination = dice.chance(0.03);
      const day = Number(birth.slice(8, 10)) + (coordination ? 60 : 0);
      const yymmdd = `${birth.slice(2, 4)}${birth.slice(5, 7)}${String(day).padStart(2, "0")}`;
      const check = luhnCheckDigit(`${yymmdd}${serial}`);
      cells.personnummer = dice.chance(0.7)
        ? `${birth.slice(0, 2)}${yymmdd}-${serial}${check}`
        : `${yymmdd}-${serial}${check}`;
      // the participant is 18–64 at start
      if (Number(startDate.slice(0, 4)) - birthYear < 18)
        startDate = maxDate(startDate, `${birthYear + 18}-06-30`);
    } else {
      birthYear = Number(startDate.slice(0, 4)) - dice.int(18, 64);
      count.anonymous++;
    }
    if (startDate > window.to) startDate = window.to;
    if (cells.personnummer !== "") {
      cells.samtycke_datum = addDays(startDate, -dice.int(0, 14));
      if (dice.chance(0.5)) cells.fodelsear = String(birthYear);
    } else cells.fodelsear = String(birthYear);

    const gender = dice.next();
    cells.kon =
      gender < 0.52
        ? "kvinna"
        : gender < 0.97
          ? "man"
          : written(dice, pickLabel(dice, labels(GENDER, ["kvinna", "man"])));
    if (again) cells.kon = again.gender;
    cells.kommun = dice.chance(0.95) ? (municipalities[dice.int(0, 7)] as string) : "";
    cells.utbildning = written(dice, pickLabel(dice, education));
    const support = new Set([pickLabel(dice, supports)]);
    if (dice.chance(0.3)) support.add(pickLabel(dice, supports));
    cells.forsorjning_fore = dice.chance(0.05)
      ? "ingen"
      : [...support].map((s) => written(dice, s)).join("|");
    cells.tid_offentlig_forsorjning = written(dice, pickLabel(dice, timeOnSupport));
    cells.sysselsattning_fore = written(dice, pickLabel(dice, occupation));
    cells.remittent = written(dice, pickLabel(dice, referrer));
    cells.startdatum = startDate;

    const latest = minDate(today, addDays(startDate, 400));
    const room = Math.round((ms(latest) - ms(startDate)) / DAY);
    if (dice.chance(0.6) && room >= 0)
      cells.handlingsplan_datum = addDays(startDate, dice.int(0, Math.min(room, 60)));
    if (dice.chance(0.4) && room >= 0) {
      const endDate = maxDate(
        addDays(startDate, dice.int(Math.min(room, 30), room)),
        cells.handlingsplan_datum || startDate,
      );
      cells.slutdatum = endDate;
      count.exited++;
      const status = dice.chance(0.005) ? "felregistrering" : pickLabel(dice, statuses);
      cells.status_vid_avslut = written(dice, status);
      if (status !== "felregistrering") {
        if (work.has(status)) cells.studier_vid_avslut = dice.chance(0.1) ? "ja" : "nej";
        else if (status === "studier") cells.studier_vid_avslut = "ja";
        cells.forsorjning_efter = written(dice, pickLabel(dice, supports));
      }
      if (cells.personnummer !== "" && status !== "felregistrering")
        exited.push({ number: cells.personnummer, birthYear, gender: cells.kon, endDate });
    }
    lines.push(IMPORT_COLUMNS.map((c) => cells[c]).join(";"));
  }
  return { data: new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`), ...count };
}

// ---------------------------------------------------------------------------------------------
// The run

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * CPU seconds used so far by the PostgreSQL server `db` is connected to, when it runs on this
 * machine (Linux): the postmaster, its children, and the children it has reaped. Null elsewhere.
 * On a busy machine the wall-clock time says little; the CPU time of both sides still does.
 */
async function databaseCpu(db: Db): Promise<number | null> {
  const ticks = 100; // USER_HZ on Linux
  const stat = (pid: number) => {
    try {
      const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      return text
        .slice(text.lastIndexOf(")") + 2)
        .split(" ")
        .map(Number);
    } catch {
      return null;
    }
  };
  try {
    const result = await db.execute(sql`select pg_backend_pid() as pid`);
    const backend = stat(Number((result.rows[0] as { pid: number }).pid));
    const postmaster = backend?.[1]; // the parent's pid (field 4)
    if (!postmaster) return null;
    const own = stat(postmaster);
    if (!own) return null;
    // fields 14–17: utime, stime, cutime, cstime (counted from field 3)
    let total = (own[11] ?? 0) + (own[12] ?? 0) + (own[13] ?? 0) + (own[14] ?? 0);
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const child = stat(Number(entry));
      if (child?.[1] === postmaster) total += (child[11] ?? 0) + (child[12] ?? 0);
    }
    return total / ticks;
  } catch {
    return null;
  }
}

interface Measured<T> {
  value: T;
  ms: number;
  /** CPU seconds of this process, and of the database server (null: not measurable). */
  cpu: number;
  databaseCpu: number | null;
  /** Peaks while `work` ran, sampled every 25 ms. */
  rss: number;
  heap: number;
}

/** Runs `work`, measuring time, CPU and the process's memory. */
async function measured<T>(db: Db, work: () => Promise<T>): Promise<Measured<T>> {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 25);
  const dbBefore = await databaseCpu(db);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const dbAfter = await databaseCpu(db);
    sample();
    return {
      value,
      ms,
      cpu: (cpu.user + cpu.system) / 1e6,
      databaseCpu: dbBefore !== null && dbAfter !== null ? dbAfter - dbBefore : null,
      rss,
      heap,
    };
  } finally {
    clearInterval(timer);
  }
}

const figures = (m: Measured<unknown>, rows: number) =>
  `${seconds(m.ms)} (${Math.round(rows / (m.ms / 1000)).toLocaleString("sv-SE")} rows/s); CPU: Node ${m.cpu.toFixed(1)} s${m.databaseCpu === null ? "" : `, PostgreSQL ${m.databaseCpu.toFixed(1)} s`}; peak RSS ${mib(m.rss)}, heap ${mib(m.heap)}`;

/** The demo's initiative, its participant officer's register access, and the dates to use. */
async function demoInitiative(db: Db) {
  const today = todayInSweden();
  const [initiative] = await db
    .select({
      id: initiatives.id,
      startDate: initiatives.startDate,
      endDate: initiatives.endDate,
      associationId: initiatives.associationId,
    })
    .from(initiatives)
    .innerJoin(associations, eq(associations.id, initiatives.associationId))
    .where(and(eq(associations.slug, DEMO_SLUG), eq(initiatives.name, INITIATIVE)));
  const [officer] = await db.select({ id: users.id }).from(users).where(eq(users.email, OFFICER));
  if (!initiative || !officer) throw new Error(`the demo has no ${INITIATIVE} or ${OFFICER}`);
  const principal = await loadPrincipal(db, officer.id, { type: "session" });
  if (!principal) throw new Error(`no principal for ${OFFICER}`);
  const access = await registerScopeFor(db, principal, initiative.associationId, initiative.id);
  // the last two years of the initiative, up to today
  const window = {
    from: maxDate(initiative.startDate ?? addDays(today, -730), addDays(today, -730)),
    to: minDate(initiative.endDate ?? today, today),
  };
  return { initiative, ...access, window, today };
}

/**
 * The participant import under load, for a database that holds the seeded demo: generates the
 * file here, then imports it — twice — in a process of its own (this file, run with
 * BENCH_IMPORT_FILE), so that its memory figures are the import's and not those of whatever this
 * process did before (seeding the demo, serving pages). `dataDir` holds the register key.
 */
export async function benchImport(
  database: Pick<Database, "db" | "url">,
  options: { dataDir: string; rows?: number },
): Promise<void> {
  const rows = options.rows ?? Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  const { window, today } = await demoInitiative(database.db);
  const generated = performance.now();
  const { data, ...holds } = participantFile(rows, window, today);
  const file = path.join(options.dataDir, "bench-deltagare.csv");
  fs.writeFileSync(file, data);
  const share = (n: number) => `${Math.round((100 * n) / rows)} %`;
  console.log(
    `\nParticipant import: ${rows.toLocaleString("sv-SE")} rows (${share(holds.anonymous)} anonymous, ${share(holds.exited)} with an exit, ${holds.again} people enrolled again), ${mib(data.byteLength)} CSV generated in ${seconds(performance.now() - generated)}; into ${INITIATIVE} ${window.from} – ${window.to}, as its participant officer, in a process of its own`,
  );
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      SAMSPAR_DATA_DIR: options.dataDir,
      BENCH_IMPORT_FILE: file,
    },
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  fs.rmSync(file, { force: true });
  if (code !== 0) throw new Error(`the import benchmark failed (exit code ${code})`);
}

/** In the process of its own: reads the file, checks it alone, then imports it twice. */
async function importTwice(db: Db, file: string, dataDir: string): Promise<void> {
  const log = console.log;
  const started = process.memoryUsage().rss;
  const { initiative, actor, scope, today } = await demoInitiative(db);
  const crypto = createRegisterCrypto(loadRegisterKey({ dataDir }).key);
  const data = new Uint8Array(fs.readFileSync(file));
  log(`  resident memory of the importing process before the import: ${mib(started)}`);

  // (keeping only the first problem: the rows are not to take memory from the imports)
  const parse = await measured(db, async () => {
    const parsed = await readParticipantFile(data, "deltagare.csv", { today });
    return { rows: parsed.rows.length, problem: parsed.problems[0] };
  });
  if (parse.value.problem)
    throw new Error(`the generated file has problems: ${JSON.stringify(parse.value.problem)}`);
  const rows = parse.value.rows;
  log(`  reading and checking the file alone: ${figures(parse, rows)}`);

  const run = async (label: string) => {
    const m = await measured(db, () =>
      importParticipants(
        db,
        crypto,
        actor,
        scope,
        initiative.id,
        { data, name: "deltagare.csv" },
        { today },
      ),
    );
    const r: ImportResult = m.value;
    log(
      `  ${label}: ${figures(m, rows)} — created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, problems ${r.problems.length}`,
    );
    if (r.problems.length > 0) throw new Error(`import problems: ${JSON.stringify(r.problems[0])}`);
    return r;
  };
  const first = await run("import (all new, full validation)");
  const second = await run("same file again (all unchanged)");
  if (first.created !== rows || second.unchanged !== rows || second.created + second.updated > 0)
    throw new Error("the second import of the same file changed something");

  const [stored] = await inRegister(db, scope, (tx) =>
    tx
      .select({ n: count() })
      .from(enrollments)
      .where(
        and(
          eq(enrollments.initiativeId, initiative.id),
          like(enrollments.externalKey, `${KEY_PREFIX}%`),
        ),
      ),
  );
  const [imports] = await inRegister(db, scope, (tx) =>
    tx.select({ n: count() }).from(accessLog).where(eq(accessLog.action, "import")),
  );
  log(
    `  stored: ${stored?.n} enrollments, ${imports?.n} "import" entries in the access log (two runs); the importing process's peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const file = process.env.BENCH_IMPORT_FILE;
  if (file) {
    // the process of its own: the database and the register key of the one that started it
    const dataDir = process.env.SAMSPAR_DATA_DIR ?? "";
    const database = await openDatabase(readConfig(), { role: "cli" });
    try {
      await importTwice(database.db, file, dataDir);
    } finally {
      await database.close();
    }
  } else {
    // alone: a fresh embedded PostgreSQL with the demo
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samspar-bench-import-"));
    // the demo's register key (read as the server reads it) lies there too, not in ./data
    process.env.SAMSPAR_DATA_DIR = dataDir;
    const config = readConfig({ SAMSPAR_DATA_DIR: dataDir, SAMSPAR_JOBS: "0" });
    const database = await openDatabase(config, { role: "server" });
    try {
      console.log(`Samspår import benchmark — ${os.cpus().length} cores, Node ${process.version}`);
      await seedDemo(database.db);
      await benchImport(database, { dataDir });
    } finally {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
