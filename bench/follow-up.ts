// `npm run bench:follow-up`: how long the follow-up report takes on a national dataset
// (bench/national-data.ts), against the floor of one plain SQL aggregate over the same
// enrollments. Printed, never asserted. The aim (issue 7): one association's report under
// 300 ms, and the report at most three times its floor.
//
//   node bench/follow-up.ts [--data-dir data/bench-national] [--from YYYY-MM-DD --to YYYY-MM-DD]
//                           [--runs 7] [--no-generate]
//
// Without a dataset in --data-dir it first generates the default one (80 associations, 2 000
// initiatives, 500 000 enrollments; a few minutes), so that one command reproduces the figures;
// --no-generate refuses instead. The period is the dataset's last whole half-year unless given.
//
// What is measured, each on the opened dataset (the application's own pool, as a page would):
//   one association   computeFollowUp (src/follow-up/compute.ts) for the association of median
//                     size (by enrollments), the median of --runs runs after one warm-up run;
//   all associations  computeFollowUp for every association in turn, once each;
//   the floor         one SQL aggregate over the same enrollments — counts by initiative ×
//                     gender × status at the period's end (the exit status, or ongoing), of the
//                     enrollments started by the period's end, not felregistrerade — as the
//                     database owner, for the one association (by its initiatives, through the
//                     index the report's own read uses; median of --runs) and for all of them
//                     at once (median of 3);
//   the ratios        report ÷ floor, for the one association and for all;
//   peak RSS          of this process (the report is computed in it).
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { swedishTime } from "../src/demo/demo-time.ts";
import { computeFollowUp } from "../src/follow-up/compute.ts";
import { isoDate } from "../src/initiatives/validate-initiative.ts";
import { readConfig } from "../src/platform/config.ts";
import { asOwner, openDatabase } from "../src/platform/database/connect.ts";
import { type DatasetManifest, DEFAULT_DATA_DIR, readManifest } from "./national/options.ts";

const HELP = `Usage: node bench/follow-up.ts [options]

  --data-dir DIR   the national dataset (default data/bench-national)
  --from DATE      the follow-up period (default: the dataset's last whole half-year)
  --to DATE
  --runs N         runs of the one-association report and of the floor (default 7)
  --no-generate    do not generate the default dataset when DIR has none`;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    "data-dir": { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    runs: { type: "string" },
    "no-generate": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
  strict: true,
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const dataDir = path.resolve(values["data-dir"] ?? DEFAULT_DATA_DIR);
const runs = Number(values.runs ?? 7);
if (!Number.isInteger(runs) || runs < 1 || runs > 1000) {
  console.error(`--runs must be a whole number from 1 to 1000, not "${values.runs}".`);
  process.exit(2);
}
for (const key of ["from", "to"] as const) {
  const v = values[key];
  if (v !== undefined && (isoDate(v) === null || isoDate(v) === "invalid")) {
    console.error(`--${key} must be a date written YYYY-MM-DD, not "${v}".`);
    process.exit(2);
  }
}

let manifest: DatasetManifest;
try {
  manifest = readManifest(dataDir);
} catch (error) {
  if (values["no-generate"]) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  console.log(`No national dataset in ${dataDir} yet: generating the default one first.\n`);
  const generator = path.join(path.dirname(fileURLToPath(import.meta.url)), "national-data.ts");
  // --reset: an unfinished earlier run is replaced; a folder the generator did not make is refused
  const made = spawnSync(process.execPath, [generator, "--data-dir", dataDir, "--reset"], {
    stdio: "inherit",
  });
  if (made.status !== 0) process.exit(made.status ?? 1);
  console.log("");
  manifest = readManifest(dataDir);
}
const period = {
  from: values.from ?? manifest.followUpPeriod.from,
  to: values.to ?? manifest.followUpPeriod.to,
};
if (period.from > period.to) {
  console.error(`--from (${period.from}) is after --to (${period.to}).`);
  process.exit(2);
}
// the report as of the dataset's today (its prognoses are as of min(period end, today))
const now = swedishTime(manifest.parameters.today, "12:00");

const ms = (t: number) => `${t.toFixed(1)} ms`;
const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const timed = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
  const t = performance.now();
  const result = await work();
  return [performance.now() - t, result];
};

const config = readConfig({ ...process.env, SAMSPAR_DATA_DIR: dataDir, SAMSPAR_JOBS: "0" });
let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database = await openDatabase(config, { role: "server" });
} catch (error) {
  console.error(
    `The dataset's database in ${dataDir} could not be opened: ${error instanceof Error ? error.message : String(error)}\n` +
      "If the migrations changed since it was generated, generate it again: npm run bench:data -- --reset" +
      (dataDir === DEFAULT_DATA_DIR ? "" : ` --data-dir ${dataDir}`),
  );
  process.exit(1);
}
let failed = false;
try {
  const p = manifest.parameters;
  console.log(
    `Samspår follow-up benchmark — ${os.cpus().length} cores, Node ${process.version}, ${database.source === "embedded" ? "embedded PostgreSQL" : "DATABASE_URL"}`,
  );
  console.log(
    `dataset ${dataDir}: ${p.associations} associations, ${p.initiatives} initiatives, ${p.enrollments.toLocaleString("sv-SE")} enrollments, ${manifest.window.from} – ${manifest.window.to}, seed ${p.seed}, ${Math.round(manifest.databaseBytes / 1024 / 1024)} MiB`,
  );
  console.log(`follow-up period ${period.from} – ${period.to}\n`);

  // the associations by size (enrollments), read as the owner: the register is its own zone
  const sizes = await asOwner(database.pool, async (client) => {
    const result = await client.query<{ id: string; slug: string; enrollments: number }>(
      `select a.id, a.slug, count(e.id)::int as enrollments
         from associations a left join register.enrollments e on e.association_id = a.id
        group by a.id, a.slug order by enrollments, a.slug`,
    );
    return result.rows;
  });
  if (sizes.length === 0) throw new Error(`The database in ${dataDir} holds no associations.`);
  const middle = sizes[Math.floor((sizes.length - 1) / 2)];
  if (!middle) throw new Error("no association of median size");

  // the floor reads the enrollments the way the report's register read does: by the
  // association's initiatives (their index), all of them, whatever their dates
  const floorSql = (oneAssociation: boolean) => `
    select e.initiative_id, p.gender,
           case when e.end_date is not null and e.end_date <= $2::date
                then e.exit->>'status' else 'pagaende' end as status,
           count(*)::int as n
      from register.enrollments e
      join register.participants p on p.id = e.participant_id
     where e.start_date <= $2::date
       and not e.voided
       ${oneAssociation ? "and e.association_id = $1::uuid and e.initiative_id = any($3::uuid[])" : "and $1::uuid is null and $3::uuid[] is null"}
     group by 1, 2, 3`;
  const initiativesOf = await asOwner(database.pool, async (client) => {
    const result = await client.query<{ association_id: string; ids: string[] }>(
      "select association_id, array_agg(id) as ids from initiatives group by association_id",
    );
    return new Map(result.rows.map((r) => [r.association_id, r.ids]));
  });
  const floor = (associationId: string | null) =>
    asOwner(database.pool, async (client) => {
      const ids = associationId ? (initiativesOf.get(associationId) ?? []) : null;
      const [t, result] = await timed(() =>
        client.query(floorSql(associationId !== null), [associationId, period.to, ids]),
      );
      return { t, rows: result.rowCount ?? 0 };
    });

  // ── one association ──────────────────────────────────────────────────────────────────
  const input = { associationId: middle.id, from: period.from, to: period.to, now };
  const [warmUp, warm] = await timed(() => computeFollowUp(database.db, input));
  const times: number[] = [];
  for (let i = 0; i < runs; i++)
    times.push((await timed(() => computeFollowUp(database.db, input)))[0]);
  await floor(middle.id);
  const floorTimes: number[] = [];
  let floorRows = 0;
  for (let i = 0; i < runs; i++) {
    const f = await floor(middle.id);
    floorTimes.push(f.t);
    floorRows = f.rows;
  }
  const one = median(times);
  const oneFloor = median(floorTimes);
  const individual = warm.initiatives.filter((i) => i.orientation === "individual").length;
  console.log(
    `one association (${middle.slug}, median of ${sizes.length} by size: ${middle.enrollments.toLocaleString("sv-SE")} enrollments, ${warm.initiatives.length} initiatives in the period, ${individual} individual)`,
  );
  console.log(
    `  follow-up report      ${ms(one).padStart(10)}   median of ${runs}; min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}; first run ${ms(warmUp)}; JSON ${Math.round(JSON.stringify(warm).length / 1024)} kB`,
  );
  console.log(
    `  floor (SQL aggregate) ${ms(oneFloor).padStart(10)}   median of ${runs}; ${floorRows} groups`,
  );
  console.log(
    `  ratio report ÷ floor  ${(one / oneFloor).toFixed(1).padStart(7)}      of the fastest runs ${(Math.min(...times) / Math.min(...floorTimes)).toFixed(1)}; aim: under 3`,
  );
  console.log(
    `  aim for the report: under 300 ms — ${one < 300 ? "met" : "not met"} (median), ${Math.min(...times) < 300 ? "met" : "not met"} (fastest run)`,
  );

  // ── all associations ─────────────────────────────────────────────────────────────────
  let slowest = { slug: "", t: 0 };
  const [all] = await timed(async () => {
    for (const a of sizes) {
      const [t] = await timed(() =>
        computeFollowUp(database.db, {
          associationId: a.id,
          from: period.from,
          to: period.to,
          now,
        }),
      );
      if (t > slowest.t) slowest = { slug: a.slug, t };
    }
  });
  await floor(null);
  const allFloorTimes: number[] = [];
  for (let i = 0; i < 3; i++) allFloorTimes.push((await floor(null)).t);
  const allFloor = median(allFloorTimes);
  const largest = sizes.at(-1);
  console.log(`\nall ${sizes.length} associations, one after the other`);
  console.log(
    `  follow-up reports     ${ms(all).padStart(10)}   ${ms(all / sizes.length)} each on average; slowest ${slowest.slug} ${ms(slowest.t)} (largest: ${largest?.slug}, ${largest?.enrollments.toLocaleString("sv-SE")} enrollments)`,
  );
  console.log(
    `  floor (SQL aggregate) ${ms(allFloor).padStart(10)}   all enrollments in one query, median of 3`,
  );
  console.log(`  ratio report ÷ floor  ${(all / allFloor).toFixed(1).padStart(7)}`);

  console.log(
    `\npeak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB; resident now ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MiB`,
  );
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await database.close();
}
process.exit(failed ? 1 : 0);
