// The instance's secret key: seals secrets at rest (TOTP seeds) and signs tokens (CSRF).
// It never lives in the database, so a database dump alone opens nothing.
//
// SAMSPAR_SECRET_KEY (base64, 32 bytes) wins; otherwise a key is generated into the data folder
// (mode 0600) the first time it is needed.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface Secrets {
  seal(plain: string): string;
  open(sealed: string): string;
  sign(value: string): string;
}

export function loadSecretKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env.SAMSPAR_SECRET_KEY;
  if (fromEnv) {
    const key = Buffer.from(fromEnv, "base64");
    if (key.length !== 32) {
      throw new Error(
        "SAMSPAR_SECRET_KEY måste vara 32 byte i base64 (t.ex. `openssl rand -base64 32`).",
      );
    }
    return key;
  }
  const file = path.join(dataDir, "secret-key");
  try {
    return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const key = randomBytes(32);
    try {
      fs.writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
      return key;
    } catch {
      return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64"); // another process won the race
    }
  }
}

export function createSecrets(key: Buffer): Secrets {
  const sealKey = createHash("sha256").update(key).update("seal").digest();
  const signKey = createHash("sha256").update(key).update("sign").digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", sealKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return ["v1", iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(".");
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== "v1" || !iv || !tag || !body)
        throw new Error("Okänt format på förseglad hemlighet.");
      const decipher = createDecipheriv("aes-256-gcm", sealKey, Buffer.from(iv, "base64url"), {
        authTagLength: 16,
      });
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([
        decipher.update(Buffer.from(body, "base64url")),
        decipher.final(),
      ]).toString("utf8");
    },
    sign(value) {
      return createHmac("sha256", signKey).update(value).digest("base64url");
    },
  };
}

/** SHA-256 hex: how bearer secrets (sessions, API tokens, invitations) are stored. */
export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** A random URL-safe secret of `bytes` bytes. */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString("base64url");
