// `npm run dev`: the same server as `npm start`, with Vite serving the web app from source
// (hot reload of pages and styles; restart for server-side changes outside the web app).
import http from "node:http";
import { getRequestListener } from "@hono/node-server";
import type { ServerBuild } from "react-router";
import { createServer as createVite } from "vite";
import { readConfig } from "../platform/config.ts";
import { takeOverStopSignals } from "../platform/stop-signals.ts";
import { createHttpApp } from "./http-app.ts";
import { openInstanceDatabase } from "./serve.ts";
import { createServices } from "./services.ts";

async function main() {
  const config = readConfig();
  const database = await openInstanceDatabase(config, console.log);
  const vite = await createVite({ server: { middlewareMode: true }, appType: "custom" });
  const running = await createServices(config, database);
  const app = createHttpApp({
    services: running.services,
    getBuild: () => vite.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>,
    mode: "development",
    trustProxy: config.trustProxy,
  });
  const listener = getRequestListener(app.fetch);
  const server = http.createServer((req, res) =>
    vite.middlewares(req, res, () => listener(req, res)),
  );
  server.listen(config.port, config.host, () =>
    console.log(`Samspår (utveckling) på ${config.baseUrl}`),
  );

  await takeOverStopSignals();
  server.close();
  await vite.close();
  await running.jobs.stop().catch(() => {});
  await database.close();
  process.exit(0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
