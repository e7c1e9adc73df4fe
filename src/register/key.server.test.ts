// The process's register key: from SAMSPAR_REGISTER_KEY when set, else the key file in the data
// folder (created once, with a warning at start); loaded once and shared.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRegisterCrypto, REGISTER_KEY_ENV, REGISTER_KEY_FILE } from "./crypto.ts";
import { announceRegisterKey, registerCryptoFor } from "./key.server.ts";

const saved = process.env[REGISTER_KEY_ENV];
const folders: string[] = [];
const dataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samspar-key-"));
  folders.push(dir);
  return dir;
};

afterEach(() => {
  if (saved === undefined) delete process.env[REGISTER_KEY_ENV];
  else process.env[REGISTER_KEY_ENV] = saved;
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("registerCryptoFor", () => {
  it("uses SAMSPAR_REGISTER_KEY, writes no key file and says nothing at start", () => {
    const key = randomBytes(32);
    process.env[REGISTER_KEY_ENV] = key.toString("base64");
    const dir = dataDir();
    const lines: string[] = [];
    announceRegisterKey({ dataDir: dir, logLevel: "info" }, (l) => lines.push(l));
    const crypto = registerCryptoFor({ dataDir: dir });
    expect(createRegisterCrypto(key).decrypt(crypto.encrypt("199107041238"))).toBe("199107041238");
    expect(fs.existsSync(path.join(dir, REGISTER_KEY_FILE))).toBe(false);
    expect(lines).toEqual([]);
  });

  it("without it, creates the key file once, warns at start, and keeps using the same key", () => {
    delete process.env[REGISTER_KEY_ENV];
    const dir = dataDir();
    const lines: string[] = [];
    announceRegisterKey({ dataDir: dir, logLevel: "info" }, (l) => lines.push(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Varning: Registernyckeln ligger i datamappen/);
    const file = path.join(dir, REGISTER_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const sealed = registerCryptoFor({ dataDir: dir }).encrypt("x");
    expect(registerCryptoFor({ dataDir: dir })).toBe(registerCryptoFor({ dataDir: dir }));
    const fromFile = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
    expect(createRegisterCrypto(fromFile).decrypt(sealed)).toBe("x");
    // a silent instance (tests) says nothing
    const quiet: string[] = [];
    announceRegisterKey({ dataDir: dir, logLevel: "silent" }, (l) => quiet.push(l));
    expect(quiet).toEqual([]);
  });

  it("stops the start with the key's own message when SAMSPAR_REGISTER_KEY is wrong", () => {
    process.env[REGISTER_KEY_ENV] = "för-kort";
    expect(() => announceRegisterKey({ dataDir: dataDir(), logLevel: "info" })).toThrow(
      /SAMSPAR_REGISTER_KEY måste vara exakt 32 byte/,
    );
  });
});
