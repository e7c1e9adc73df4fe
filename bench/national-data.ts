// `npm run bench:data`: generates a synthetic national dataset for the follow-up benchmark
// (bench/follow-up.ts) — by default 80 samordningsförbund, 2 000 initiatives and 500 000
// participant enrollments, with two calendar years (up to --today) of periodic reports,
// deviation and final reports, steering-group meetings, budgets and requisitions.
//
//   node bench/national-data.ts [--associations 80] [--initiatives 2000] [--enrollments 500000]
//                               [--years 2] [--today 2026-11-23] [--seed 1]
//                               [--data-dir data/bench-national] [--reset]
//
//   --associations N   samordningsförbund; their sizes differ as the real ones do (a few large
//                      county-wide ones, many small ones)
//   --initiatives N    initiatives over all associations (at least two each); about 72 %
//                      individual (of those 45 % förrehabiliterande), 28 % structural
//   --enrollments N    enrollments over all individual initiatives, exactly N, spread by each
//                      initiative's intake and the months it takes in participants
//   --years N          calendar years of data, from 1 January of the first to --today
//   --today DATE       the dataset's today: nothing is dated after it
//   --seed N           the same parameters and seed give the same dataset: the same people,
//                      dates, answers, amounts and ids of the rows written in bulk; the rows the
//                      use cases write (associations, members, initiatives, goals) get the
//                      database's own random ids, and identities are encrypted with a fresh
//                      key and random nonces
//   --data-dir DIR     the embedded PostgreSQL (DIR/postgres), the register key
//                      (DIR/register.key) and the manifest (DIR/national-dataset.json) that
//                      the benchmark reads; with DATABASE_URL set the data go there instead
//                      (an empty database) and DIR keeps the key and the manifest
//   --reset            delete an earlier dataset in DIR first (only a folder this generator made)
//
// What is written, and how (the modules under bench/national/ say more):
//   - associations, members (FK, AF, a region, 2–13 municipalities), reporting calendar
//     (quarters, some tertials), disclosure thresholds, funds per year and the initiatives
//     (owner, partners, goals, local units, dates — some ended, some ended early) through the
//     application's use cases (setup.ts);
//   - steering groups, meetings and attendance, deviation reports, periodic reports with every
//     status answer, final reports with signatures, diarienummer (reporting.ts);
//   - budget versions and lines, requisitions with lines, returned funds, prognosis overrides
//     (money.ts);
//   - the participant register: participants (about 80 % with an identity encrypted by the
//     register key in DIR), enrollments with background and exit as the register's use cases
//     store them, consents, erasures, count-only participation, access log (register.ts).
// Everything is written on one connection as the database owner (the register's tables are
// outside the application role's reach; row-level security does not bind the owner), in one
// transaction: a failed run leaves nothing behind. Bulk rows go as multi-row inserts from
// arrays (bulk.ts). Progress and the time taken are printed; the database is analysed at the
// end, as autovacuum would have done, so the benchmark's plans are those of a settled database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { readConfig } from "../src/platform/config.ts";
import { connect, openDatabase } from "../src/platform/database/connect.ts";
import * as schema from "../src/platform/database/schema.ts";
import { createRegisterCrypto, loadRegisterKey } from "../src/register/crypto.ts";
import { BulkWriter } from "./national/bulk.ts";
import { writeMoney } from "./national/money.ts";
import {
  type DatasetManifest,
  DEFAULT_DATA_DIR,
  GENERATOR_HELP,
  lastHalfYear,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  parseGeneratorOptions,
} from "./national/options.ts";
import { planNational } from "./national/plan.ts";
import { writeRegister } from "./national/register.ts";
import { writeFinalReports, writeRegistryCounters, writeReporting } from "./national/reporting.ts";
import { type WrittenAssociation, writeAssociation } from "./national/setup.ts";

const PARTIAL_FILE = "national-dataset.partial";

let options: ReturnType<typeof parseGeneratorOptions>;
try {
  options = parseGeneratorOptions(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(`\n${GENERATOR_HELP}`);
  process.exit(2);
}
if (options === "help") {
  console.log(GENERATOR_HELP);
  process.exit(0);
}
const o = options;

const started = performance.now();
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const n = (value: number) => value.toLocaleString("sv-SE");

// ── the data folder ─────────────────────────────────────────────────────────────────────────
const external = Boolean(process.env.DATABASE_URL);
const ours =
  fs.existsSync(path.join(o.dataDir, MANIFEST_FILE)) ||
  fs.existsSync(path.join(o.dataDir, PARTIAL_FILE));
const hasDatabase = fs.existsSync(path.join(o.dataDir, "postgres", "PG_VERSION"));
if (o.reset && fs.existsSync(o.dataDir)) {
  if (!ours && (hasDatabase || fs.readdirSync(o.dataDir).length > 0)) {
    console.error(
      `--reset deletes only a folder this generator made, and ${o.dataDir} is not one (it has no ${MANIFEST_FILE}). Choose another --data-dir.`,
    );
    process.exit(1);
  }
  fs.rmSync(o.dataDir, { recursive: true, force: true });
} else if (!external && hasDatabase) {
  const finished = fs.existsSync(path.join(o.dataDir, MANIFEST_FILE));
  console.error(
    finished
      ? `${o.dataDir} already holds a national dataset. Run the benchmark on it (npm run bench:follow-up), or generate it again with --reset.`
      : ours
        ? `${o.dataDir} holds an unfinished dataset (a run that was stopped or failed). Generate it again with --reset.`
        : `${o.dataDir} already holds a database that this generator did not make. Choose another --data-dir.`,
  );
  process.exit(1);
}
fs.mkdirSync(o.dataDir, { recursive: true });
fs.writeFileSync(path.join(o.dataDir, PARTIAL_FILE), `${new Date().toISOString()}\n`);
fs.rmSync(path.join(o.dataDir, MANIFEST_FILE), { force: true });

console.log(
  `Samspår national dataset — ${n(o.associations)} associations, ${n(o.initiatives)} initiatives, ${n(o.enrollments)} enrollments, ${o.years} year(s) to ${o.today}, seed ${o.seed}`,
);
console.log(
  `${os.cpus().length} cores, Node ${process.version}, ${external ? "DATABASE_URL" : `embedded PostgreSQL in ${o.dataDir}`}\n`,
);

const config = readConfig({ ...process.env, SAMSPAR_DATA_DIR: o.dataDir, SAMSPAR_JOBS: "0" });
const database = await openDatabase(config, { role: "server" });
const owner = connect(database.url, 1, { zone: false });
let failed = false;
try {
  const client = await owner.pool.connect();
  try {
    const existing = await client.query<{ n: number }>(
      "select count(*)::int as n from associations",
    );
    if ((existing.rows[0]?.n ?? 0) > 0)
      throw new Error(
        "The database already holds associations: the national dataset is generated into an empty database.",
      );
    const crypto = createRegisterCrypto(loadRegisterKey({ env: {}, dataDir: o.dataDir }).key);
    const plan = planNational(o);
    const context = { seed: o.seed, window: plan.window, years: plan.years };
    const db = drizzle(client, { schema });
    const writer = new BulkWriter(client);
    let enrollments = 0;
    let participants = 0;

    await db.transaction(async (tx) => {
      let t = performance.now();
      const written: WrittenAssociation[] = [];
      for (const association of plan.associations) {
        written.push(await writeAssociation(tx, association, context));
        if (written.length % 10 === 0 || written.length === plan.associations.length)
          process.stdout.write(
            `\rassociations, members and initiatives (use cases): ${written.length}/${plan.associations.length}`,
          );
      }
      console.log(`  — ${seconds(t)} s`);

      t = performance.now();
      for (const a of written) {
        const reporting = writeReporting(writer, a, context);
        const returned = writeMoney(writer, a, reporting, context);
        const register = await writeRegister(writer, a, { ...context, crypto });
        writeFinalReports(writer, a, reporting.finals, {
          seed: o.seed,
          participants: register.counts,
          returned,
        });
        writeRegistryCounters(writer, a.id, reporting.counters);
        await writer.settle();
        enrollments += register.enrollments;
        participants += register.participants;
        const rate = enrollments / Math.max(0.001, (performance.now() - t) / 1000);
        process.stdout.write(
          `\rreports, money and register (bulk): ${a.plan.index + 1}/${written.length} associations, ${n(enrollments)} enrollments (${n(Math.round(rate))}/s)   `,
        );
      }
      await writer.flush();
      console.log(`  — ${seconds(t)} s`);
      process.stdout.write("committing …");
    });
    console.log(" done");

    const t = performance.now();
    process.stdout.write("vacuum analyze …");
    await client.query("vacuum analyze");
    console.log(` ${seconds(t)} s`);

    const size = await client.query<{ bytes: number }>(
      "select pg_database_size(current_database())::bigint as bytes",
    );
    const databaseBytes = Number(size.rows[0]?.bytes ?? 0);
    const counts: Record<string, number> = {
      associations: plan.associations.length,
      initiatives: plan.associations.reduce((s, a) => s + a.initiatives.length, 0),
      participants,
      enrollments,
    };
    for (const [table, rows] of writer.written)
      counts[table.replace(/^(public|register)\./, "")] ??= rows;
    const total = (performance.now() - started) / 1000;
    const manifest: DatasetManifest = {
      format: MANIFEST_FORMAT,
      parameters: {
        associations: o.associations,
        initiatives: o.initiatives,
        enrollments: o.enrollments,
        years: o.years,
        seed: o.seed,
        today: o.today,
      },
      window: plan.window,
      followUpPeriod: lastHalfYear(o.today),
      generatedAt: new Date().toISOString(),
      generationSeconds: Math.round(total * 10) / 10,
      databaseBytes,
      counts,
    };
    fs.writeFileSync(path.join(o.dataDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.rmSync(path.join(o.dataDir, PARTIAL_FILE), { force: true });

    console.log("\nrows written in bulk (and the database's time on them):");
    for (const [table, rows] of [...writer.written].sort((x, y) => y[1] - x[1]))
      console.log(
        `  ${table.padEnd(36)} ${n(rows).padStart(12)}  ${((writer.milliseconds.get(table) ?? 0) / 1000).toFixed(1).padStart(7)} s`,
      );
    console.log(
      `\ngenerated in ${total.toFixed(1)} s; database ${(databaseBytes / 1024 / 1024).toFixed(0)} MiB; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
    );
    console.log(`manifest: ${path.join(o.dataDir, MANIFEST_FILE)}`);
    console.log(
      `next: npm run bench:follow-up${o.dataDir === DEFAULT_DATA_DIR ? "" : ` -- --data-dir ${o.dataDir}`}`,
    );
  } finally {
    client.release();
  }
} catch (error) {
  failed = true;
  console.error(
    `\nThe dataset was not generated: ${error instanceof Error ? error.message : String(error)}`,
  );
  if (error instanceof Error && error.cause) console.error(error.cause);
} finally {
  await owner.pool.end().catch(() => {});
  await database.close();
}
process.exit(failed ? 1 : 0);
