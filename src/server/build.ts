// Builds the web app when there is no build, or when a source file is newer than the build.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SERVER_BUILD = path.join(ROOT, "build/server/index.js");
export const CLIENT_DIR = path.join(ROOT, "build/client");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith(".test.ts")) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export function buildIsCurrent(): boolean {
  if (!fs.existsSync(SERVER_BUILD)) return false;
  const built = fs.statSync(SERVER_BUILD).mtimeMs;
  return (
    newestMtime(path.join(ROOT, "src")) <= built && newestMtime(path.join(ROOT, "public")) <= built
  );
}

export function ensureBuild(log: (line: string) => void): void {
  if (buildIsCurrent()) return;
  log("Bygger webbgränssnittet (react-router build) …");
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules/@react-router/dev/bin.cjs"), "build"],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (result.status !== 0)
    throw new Error("Bygget av webbgränssnittet misslyckades (se felen ovan).");
}
