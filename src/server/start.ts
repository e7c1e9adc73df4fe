// `npm start`: opens (or starts) the database, migrates it, seeds the demo on an empty
// instance, builds the web app if needed, and serves it. SIGTERM/SIGINT stop it cleanly.
import { readConfig } from "../platform/config.ts";
import { takeOverStopSignals } from "../platform/stop-signals.ts";
import { openInstanceDatabase, serveInstance } from "./serve.ts";

const log = (line: string) => console.log(line);

async function main() {
  const config = readConfig();
  const database = await openInstanceDatabase(config, log);
  const server = await serveInstance(config, database, { log });
  log(`Samspår lyssnar på ${config.baseUrl} (port ${server.port}). Stoppa med Ctrl+C.`);

  const signal = await takeOverStopSignals();
  log(`${signal}: stoppar Samspår …`);
  await server.stop();
  await database.close();
  log("Samspår är stoppat.");
  process.exit(0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
