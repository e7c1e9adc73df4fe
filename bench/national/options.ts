// The parameters of the national dataset (`npm run bench:data -- --help`) and of the follow-up
// benchmark that reads it. Both take the same --data-dir; the generator writes a manifest there
// (national-dataset.json) that the benchmark reads back.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { isoDate } from "../../src/initiatives/validate-initiative.ts";

export const DEFAULT_DATA_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../data/bench-national",
);
export const MANIFEST_FILE = "national-dataset.json";
export const MANIFEST_FORMAT = "samspar-national-bench-dataset";

export interface GeneratorOptions {
  associations: number;
  initiatives: number;
  enrollments: number;
  years: number;
  seed: number;
  /** The dataset's today: nothing is dated after it. */
  today: string;
  dataDir: string;
  reset: boolean;
}

export const GENERATOR_DEFAULTS: Omit<GeneratorOptions, "dataDir" | "reset"> = {
  associations: 80,
  initiatives: 2000,
  enrollments: 500_000,
  years: 2,
  seed: 1,
  today: "2026-11-23",
};

export const GENERATOR_HELP = `Usage: node bench/national-data.ts [options]

Generates a synthetic national dataset for the follow-up benchmark (bench/follow-up.ts) into
an embedded PostgreSQL in --data-dir (or into DATABASE_URL when set; it must be empty).

  --associations N   samordningsförbund (default ${GENERATOR_DEFAULTS.associations})
  --initiatives N    initiatives over all associations (default ${GENERATOR_DEFAULTS.initiatives})
  --enrollments N    participant enrollments over all individual initiatives (default ${GENERATOR_DEFAULTS.enrollments})
  --years N          calendar years of reports, requisitions and register, ending at --today (default ${GENERATOR_DEFAULTS.years})
  --today YYYY-MM-DD the dataset's today: nothing is dated after it (default ${GENERATOR_DEFAULTS.today})
  --seed N           the same seed gives the same dataset (default ${GENERATOR_DEFAULTS.seed})
  --data-dir DIR     where the embedded PostgreSQL, the register key and the manifest go
                     (default data/bench-national)
  --reset            delete an earlier dataset in --data-dir first
  --help             this text`;

function positiveInt(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/[\s_]/g, ""));
  if (!Number.isSafeInteger(n) || n < min)
    throw new Error(`--${name} must be a whole number of at least ${min}, not "${raw}".`);
  return n;
}

export function parseGeneratorOptions(argv: string[]): GeneratorOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      associations: { type: "string" },
      initiatives: { type: "string" },
      enrollments: { type: "string" },
      years: { type: "string" },
      today: { type: "string" },
      seed: { type: "string" },
      "data-dir": { type: "string" },
      reset: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) return "help";
  const d = GENERATOR_DEFAULTS;
  const associations = positiveInt("associations", values.associations, d.associations);
  const initiatives = positiveInt("initiatives", values.initiatives, d.initiatives);
  if (initiatives < associations * 2)
    throw new Error(
      `--initiatives (${initiatives}) must be at least twice --associations (${associations}): every association runs at least two initiatives.`,
    );
  const enrollments = positiveInt("enrollments", values.enrollments, d.enrollments, 0);
  const years = positiveInt("years", values.years, d.years);
  if (years > 10) throw new Error("--years can be at most 10.");
  const today = values.today ?? d.today;
  const checked = isoDate(today);
  if (checked === null || checked === "invalid")
    throw new Error(`--today must be a date written YYYY-MM-DD, not "${today}".`);
  const seed = positiveInt("seed", values.seed, d.seed, 0);
  return {
    associations,
    initiatives,
    enrollments,
    years,
    seed,
    today,
    dataDir: path.resolve(values["data-dir"] ?? DEFAULT_DATA_DIR),
    reset: values.reset ?? false,
  };
}

/** What the generator made, written to --data-dir for the benchmark. */
export interface DatasetManifest {
  format: typeof MANIFEST_FORMAT;
  parameters: Omit<GeneratorOptions, "dataDir" | "reset">;
  /** The first day of the register, reports and requisitions, and the dataset's today. */
  window: { from: string; to: string };
  /** The follow-up period the benchmark uses unless told another: the last whole half-year. */
  followUpPeriod: { from: string; to: string };
  generatedAt: string;
  generationSeconds: number;
  databaseBytes: number;
  counts: Record<string, number>;
}

export function readManifest(dataDir: string): DatasetManifest {
  const file = path.join(dataDir, MANIFEST_FILE);
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch {
    throw new Error(
      `No national dataset in ${dataDir} (${MANIFEST_FILE} is missing). Generate one first: npm run bench:data${dataDir === DEFAULT_DATA_DIR ? "" : ` -- --data-dir ${dataDir}`}`,
    );
  }
  const manifest = JSON.parse(raw) as DatasetManifest;
  if (manifest.format !== MANIFEST_FORMAT)
    throw new Error(`${file} is not a manifest of the national dataset.`);
  return manifest;
}

/** The last whole half-year that ended by `today` ("2026-01-01" – "2026-06-30"). */
export function lastHalfYear(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  if (today >= `${year}-12-31`) return { from: `${year}-07-01`, to: `${year}-12-31` };
  if (today >= `${year}-06-30`) return { from: `${year}-01-01`, to: `${year}-06-30` };
  return { from: `${year - 1}-07-01`, to: `${year - 1}-12-31` };
}
