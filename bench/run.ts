// `npm run bench`: performance figures on this machine, printed, never asserted. Starts an
// embedded PostgreSQL in a temporary folder, seeds the demo, serves the app on loopback and
// loads it with autocannon for a few seconds per endpoint; then imports a participant file of
// 100 000 rows (bench/import.ts; BENCH_IMPORT_ROWS sets the size, 0 leaves it out).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { renderApplicationDocument } from "../src/applications/documents/render.ts";
import { getApplication } from "../src/applications/get-application.ts";
import { applications } from "../src/applications/schema.ts";
import { associations } from "../src/associations/schema.ts";
import { seedDemo } from "../src/demo/seed-demo.ts";
import { createApiToken } from "../src/people/create-api-token.ts";
import { readConfig } from "../src/platform/config.ts";
import { openDatabase } from "../src/platform/database/connect.ts";
import { serveInstance } from "../src/server/serve.ts";
import { hashPassword, verifyPassword } from "../src/sign-in/passwords.ts";
import { benchImport } from "./import.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samspar-bench-"));
// the demo's register key (read as the server reads it) lies there too, not in ./data
process.env.SAMSPAR_DATA_DIR = dataDir;
const config = {
  ...readConfig({ SAMSPAR_DATA_DIR: dataDir, SAMSPAR_JOBS: "0" }),
  baseUrl: "http://localhost",
};
const database = await openDatabase(config, { role: "server" });
await seedDemo(database.db);
// one token per connection: a single token would meet its 600-a-minute limit within seconds
const tokens: string[] = [];
for (let i = 0; i < 10; i++) {
  const created = await createApiToken(
    database.db,
    { userId: null, label: "bench" },
    { email: "forbundschef@demo.samspar.se", scope: "read" },
  );
  tokens.push(created.token);
}
const server = await serveInstance({ ...config, port: 0, host: "127.0.0.1" }, database, {
  log: console.log,
});
const base = `http://127.0.0.1:${server.port}`;

async function load(title: string, url: string, withToken = false) {
  let connection = 0;
  const result = await autocannon({
    url: base + url,
    connections: 10,
    duration: SECONDS,
    setupClient: withToken
      ? (client: { setHeaders(h: Record<string, string>): void }) =>
          client.setHeaders({ authorization: `Bearer ${tokens[connection++ % tokens.length]}` })
      : undefined,
  });
  const errors = result.non2xx + result.errors;
  console.log(
    `${title.padEnd(44)} ${String(Math.round(result.requests.average)).padStart(6)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   non-2xx/errors ${errors}`,
  );
}

console.log(
  `Samspår benchmark — ${os.cpus().length} cores, Node ${process.version}, ${SECONDS} s per endpoint, 10 connections\n`,
);
await load("GET /healthz (one query)", "/healthz");
await load("GET /logga-in (server-rendered page)", "/logga-in");
await load(
  "GET /api/v1/…/member-organisations (token)",
  "/api/v1/associations/demo/member-organisations",
  true,
);
await load("GET /api/v1/…/applications (token)", "/api/v1/associations/demo/applications", true);

// documents: the demo's granted application, rendered in-process
const [demoAssociation] = await database.db
  .select({ id: associations.id })
  .from(associations)
  .where(eq(associations.slug, "demo"));
const [granted] = await database.db
  .select({ id: applications.id })
  .from(applications)
  .where(eq(applications.status, "beviljad"));
const details = await getApplication(database.db, demoAssociation?.id ?? "", granted?.id ?? "");
if (details) {
  for (const format of ["docx", "pdf"] as const) {
    await renderApplicationDocument(details, undefined, format); // warm-up: fonts, modules
    const n = 10;
    const t0 = performance.now();
    let bytes = 0;
    for (let i = 0; i < n; i++)
      bytes = (await renderApplicationDocument(details, undefined, format)).body.length;
    console.log(
      `application as ${format.toUpperCase()}: ${((performance.now() - t0) / n).toFixed(1)} ms per document, ${Math.round(bytes / 1024)} kB`,
    );
  }
}

const hash = await hashPassword("ett-riktigt-langt-losenord");
const rounds = 20;
const started = performance.now();
for (let i = 0; i < rounds; i++) await verifyPassword(hash, "ett-riktigt-langt-losenord");
console.log(
  `\nargon2id verify (m=19 MiB, t=2, p=1): ${((performance.now() - started) / rounds).toFixed(1)} ms per sign-in`,
);
console.log(
  `resident memory after the run: ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MiB`,
);

await server.stop();
if (Number(process.env.BENCH_IMPORT_ROWS ?? 100_000) > 0)
  await benchImport(database, { dataDir: config.dataDir });
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
