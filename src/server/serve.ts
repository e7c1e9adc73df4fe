// Puts a running instance together: the web build (built first if stale), the services
// (mail, jobs, OIDC), the HTTP app, and a listening Node server. Used by `npm start` and the
// benchmarks, so both run exactly the same wiring.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { ServerBuild } from "react-router";
import { formatDemoLogins, instanceIsEmpty, seedDemo } from "../demo/seed-demo.ts";
import type { Config } from "../platform/config.ts";
import { type Database, openDatabase } from "../platform/database/connect.ts";
import { DataFolderInUseError } from "../platform/database/embedded.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { CLIENT_DIR, ensureBuild, SERVER_BUILD } from "./build.ts";
import { createHttpApp } from "./http-app.ts";
import { createServices } from "./services.ts";

/**
 * Opens the instance's database for a server process (a data folder in use by another
 * process ends this one with exit code 2) and seeds the demo on an empty instance.
 */
export async function openInstanceDatabase(
  config: Config,
  log: (line: string) => void,
): Promise<Database> {
  let database: Database;
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
  return database;
}

export interface RunningServer {
  port: number;
  services: AppServices;
  /** Stops accepting requests and stops the jobs; the caller closes the database. */
  stop(): Promise<void>;
}

export async function serveInstance(
  config: Config,
  database: Database,
  options: { log: (line: string) => void },
): Promise<RunningServer> {
  ensureBuild(options.log);
  const build = (await import(SERVER_BUILD)) as ServerBuild;
  const running = await createServices(config, database);
  const app = createHttpApp({
    services: running.services,
    getBuild: async () => build,
    clientDir: CLIENT_DIR,
    mode: "production",
    trustProxy: config.trustProxy,
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  return {
    port: (server.address() as AddressInfo).port,
    services: running.services,
    async stop() {
      server.close();
      await running.jobs.stop().catch(() => {});
    },
  };
}
