// `npm start`: opens (or starts) the database, migrates it, seeds the demo on an empty
// instance, builds the web app if needed, and serves it. SIGTERM/SIGINT stop it cleanly.
import { serve } from "@hono/node-server";
import type { ServerBuild } from "react-router";
import { formatDemoLogins, instanceIsEmpty, seedDemo } from "../demo/seed-demo.ts";
import { readConfig } from "../platform/config.ts";
import { openDatabase } from "../platform/database/connect.ts";
import { DataFolderInUseError } from "../platform/database/embedded.ts";
import { takeOverStopSignals } from "../platform/stop-signals.ts";
import { CLIENT_DIR, ensureBuild, SERVER_BUILD } from "./build.ts";
import { createHttpApp } from "./http-app.ts";
import { createServices } from "./services.ts";

const log = (line: string) => console.log(line);

async function main() {
  const config = readConfig();
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(config, { role: "server" });
  } catch (error) {
    if (error instanceof DataFolderInUseError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  log(
    database.source === "DATABASE_URL"
      ? "Databas: PostgreSQL från DATABASE_URL"
      : `Databas: inbäddad PostgreSQL i ${config.dataDir}`,
  );

  if (config.demo && (await instanceIsEmpty(database.db))) {
    const logins = await seedDemo(database.db);
    if (logins) log(formatDemoLogins(logins, config.baseUrl));
  }

  ensureBuild(log);
  const build = (await import(SERVER_BUILD)) as ServerBuild;
  const running = await createServices(config, database);
  const app = createHttpApp({
    services: running.services,
    getBuild: async () => build,
    clientDir: CLIENT_DIR,
    mode: "production",
    trustProxy: process.env.SAMSPAR_TRUST_PROXY === "1",
  });

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log(`Samspår lyssnar på ${config.baseUrl} (port ${info.port}). Stoppa med Ctrl+C.`);
  });

  const signal = await takeOverStopSignals();
  log(`${signal}: stoppar Samspår …`);
  server.close();
  await running.jobs.stop().catch(() => {});
  await database.close();
  log("Samspår är stoppat.");
  process.exit(0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
