// The CLI's tests run `bin/samspar.js` for real, as child processes on the pinned Node
// (vitest's own). A child spends most of its life loading modules and waiting for PostgreSQL,
// so the tests start independent runs together (asynchronously, a few at a time) instead of one
// after the other; each run is still its own process with its own exit code and output.
import { spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const BIN = path.join(ROOT, "bin/samspar.js");

export interface CliRun {
  /** The exit code; null if the process was killed (see `signal`). */
  status: number | null;
  signal: NodeJS.Signals | null;
  /** stdout as bytes (the documents) and as UTF-8 text. */
  stdout: Buffer;
  text: string;
  stderr: string;
}

export interface CliRunOptions {
  /** The child's environment, on top of the test process's own. */
  env: Record<string, string>;
  /** Variables of the test process's environment the child must not inherit. */
  unset?: readonly string[];
  /** The child is killed after this long (a hung command fails its test, it does not hang it). */
  timeoutMs: number;
}

/** Runs `samspar …` the way an operator would, with stdin a closed pipe (not a terminal). */
export function runSamspar(args: readonly string[], options: CliRunOptions): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of options.unset ?? []) delete env[name];
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.stdin.end();
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out);
      resolve({
        status,
        signal,
        stdout,
        text: stdout.toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      });
    });
  });
}

/**
 * Runs the tasks at most `limit` at a time and gives their results in the tasks' order. For
 * runs that do not depend on each other (refusals, reads of the same data).
 */
export async function inBatches<T>(
  tasks: ReadonlyArray<() => Promise<T>>,
  limit = 3,
): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      const task = tasks[index];
      if (task) results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
