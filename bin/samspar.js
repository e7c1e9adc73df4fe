#!/usr/bin/env node
// Entry point of `npx samspar`. The CLI is TypeScript run by Node 24's type stripping; started
// by an older Node (the system's, say), this file re-runs itself on the project's pinned Node.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);
const major = Number(process.versions.node.split(".")[0]);

if (major < 24) {
  const node = path.resolve(path.dirname(self), "../node_modules/.bin/node");
  // Asynchronous, so that a SIGTERM sent to this process reaches the CLI (`samspar worker`
  // must stop its jobs and database cleanly) instead of killing only this wrapper.
  const child = spawn(node, [self, ...process.argv.slice(2)], { stdio: "inherit" });
  const forward = (signal) => child.kill(signal);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, forward);
  child.on("error", (error) => {
    console.error(`Samspår behöver Node 24 och kunde inte starta ${node}: ${error.message}`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    if (signal) {
      for (const name of ["SIGINT", "SIGTERM", "SIGHUP"]) process.removeAllListeners(name);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
} else {
  await import("../src/cli/samspar.ts");
}
