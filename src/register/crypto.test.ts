import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createRegisterCrypto, loadRegisterKey } from "./crypto.ts";

const folders: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samspar-register-key-"));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

const masterKey = randomBytes(32);
const register = createRegisterCrypto(masterKey);

function flipByte(sealed: string, index: (length: number) => number): string {
  const raw = Buffer.from(sealed.slice(3), "base64");
  const at = index(raw.length);
  raw[at] = (raw[at] as number) ^ 0x01;
  return `v1:${raw.toString("base64")}`;
}

describe("encryption of identities", () => {
  it("round-trips with a fresh nonce each time, as v1:base64(nonce|ciphertext|tag)", () => {
    const sealed = register.encrypt("198112189876");
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(sealed.slice(3), "base64")).toHaveLength(12 + 12 + 16);
    expect(sealed).not.toContain("198112189876");
    expect(register.decrypt(sealed)).toBe("198112189876");
    const again = register.encrypt("198112189876");
    expect(again).not.toBe(sealed);
    expect(again.slice(3, 19)).not.toBe(sealed.slice(3, 19)); // another nonce
    expect(register.decrypt(again)).toBe("198112189876");

    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (plain) => {
        expect(register.decrypt(register.encrypt(plain))).toBe(plain);
      }),
    );
  });

  it("refuses a changed nonce, ciphertext or tag, another key and malformed values", () => {
    const sealed = register.encrypt("198112189876");
    const changed = [
      flipByte(sealed, () => 0), // nonce
      flipByte(sealed, () => 14), // ciphertext
      flipByte(sealed, (length) => length - 1), // tag
    ];
    for (const value of changed) {
      expect(() => register.decrypt(value)).toThrow(/går inte att läsa: den har ändrats/);
    }
    const other = createRegisterCrypto(randomBytes(32));
    expect(() => other.decrypt(sealed)).toThrow(/går inte att läsa/);
    expect(() => register.decrypt(`v2:${sealed.slice(3)}`)).toThrow(/okänd version/);
    expect(() => register.decrypt(sealed.slice(3))).toThrow(/okänd version/);
    expect(() => register.decrypt("v1:AAAA")).toThrow(/går inte att läsa/);
    expect(() => register.decrypt("v1:inte base64!")).toThrow(/går inte att läsa/);
    // Dropping the tag (truncation) is refused too.
    const raw = Buffer.from(sealed.slice(3), "base64");
    expect(() =>
      register.decrypt(`v1:${raw.subarray(0, raw.length - 16).toString("base64")}`),
    ).toThrow();
  });

  it("needs a 32-byte master key", () => {
    expect(() => createRegisterCrypto(randomBytes(16))).toThrow(/32 byte/);
  });
});

describe("look-up hash", () => {
  it("is the same for the same number, different for other numbers and other keys", () => {
    const hash = register.lookupHash("198112189876");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(register.lookupHash("198112189876")).toBe(hash);
    expect(createRegisterCrypto(Buffer.from(masterKey)).lookupHash("198112189876")).toBe(hash);
    expect(register.lookupHash("198112189868")).not.toBe(hash);
    expect(createRegisterCrypto(randomBytes(32)).lookupHash("198112189876")).not.toBe(hash);
  });

  it("is HMAC-SHA-256 under a key derived by HKDF with its own info string", () => {
    const derive = (info: string) =>
      Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), info, 32));
    const expected = createHmac("sha256", derive("samspar-register-lookup-v1"))
      .update("198112189876")
      .digest("hex");
    expect(register.lookupHash("198112189876")).toBe(expected);
    // Neither the master key nor the encryption key is the look-up key.
    for (const key of [masterKey, derive("samspar-register-encryption-v1")]) {
      expect(createHmac("sha256", key).update("198112189876").digest("hex")).not.toBe(expected);
    }
  });

  it("only hashes the canonical twelve digits", () => {
    expect(() => register.lookupHash("811218-9876")).toThrow(/tolv siffror/);
    expect(() => register.lookupHash("19811218-9876")).toThrow(/tolv siffror/);
  });
});

describe("loadRegisterKey", () => {
  it("creates register.key once (0600, 32 random bytes) and reuses it, with a warning", () => {
    const dataDir = path.join(tempDataDir(), "data");
    const first = loadRegisterKey({ env: {}, dataDir });
    expect(first.source).toBe("file");
    expect(first.key).toHaveLength(32);
    expect(first.warning).toContain("bredvid databasen");
    expect(first.warning).toContain("Säkerhetskopiera den separat");
    const file = path.join(dataDir, "register.key");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8").trim()).toBe(first.key.toString("base64"));

    const second = loadRegisterKey({ env: {}, dataDir });
    expect(second.source).toBe("file");
    expect(second.key.equals(first.key)).toBe(true);
    expect(second.warning).toBe(first.warning);

    const elsewhere = loadRegisterKey({ env: {}, dataDir: tempDataDir() });
    expect(elsewhere.key.equals(first.key)).toBe(false);
  });

  it("takes SAMSPAR_REGISTER_KEY first and then writes no file", () => {
    const dataDir = tempDataDir();
    const key = randomBytes(32);
    const loaded = loadRegisterKey({
      env: { SAMSPAR_REGISTER_KEY: key.toString("base64") },
      dataDir,
    });
    expect(loaded).toEqual({ key, source: "env" });
    expect(fs.existsSync(path.join(dataDir, "register.key"))).toBe(false);
    // An empty variable counts as unset.
    expect(loadRegisterKey({ env: { SAMSPAR_REGISTER_KEY: "" }, dataDir }).source).toBe("file");
  });

  it("refuses a key of the wrong length or encoding with what to do", () => {
    const dataDir = tempDataDir();
    expect(() =>
      loadRegisterKey({
        env: { SAMSPAR_REGISTER_KEY: randomBytes(16).toString("base64") },
        dataDir,
      }),
    ).toThrow(
      "SAMSPAR_REGISTER_KEY måste vara exakt 32 byte kodade i base64 (44 tecken), men är 16 byte. Skapa en nyckel med `openssl rand -base64 32`.",
    );
    expect(() =>
      loadRegisterKey({
        env: { SAMSPAR_REGISTER_KEY: randomBytes(33).toString("base64") },
        dataDir,
      }),
    ).toThrow(/men är 33 byte/);
    expect(() =>
      loadRegisterKey({ env: { SAMSPAR_REGISTER_KEY: "inte en nyckel" }, dataDir }),
    ).toThrow(/inte giltig base64/);
    expect(fs.existsSync(path.join(dataDir, "register.key"))).toBe(false);

    fs.writeFileSync(path.join(dataDir, "register.key"), "kort\n");
    expect(() => loadRegisterKey({ env: {}, dataDir })).toThrow(
      /Registernyckeln i .*register\.key/,
    );
  });
});
