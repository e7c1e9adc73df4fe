// Identities in the participant register at rest: encrypted, and found again through a keyed hash.
//
// One master key (never in the database) gives two keys through HKDF-SHA-256:
//   - "samspar-register-encryption-v1": AES-256-GCM, a random 12-byte nonce per value, stored as
//     "v1:" + base64(nonce | ciphertext | 16-byte tag);
//   - "samspar-register-lookup-v1": HMAC-SHA-256 of the canonical number (ÅÅÅÅMMDDNNNN), hex, so
//     the same person is found again without decrypting every row.
//
// The master key comes from SAMSPAR_REGISTER_KEY (base64, 32 bytes) or else from the file
// register.key in the data folder, created (mode 0600) the first time. It is a separate key from
// SAMSPAR_SECRET_KEY: losing it makes every stored identity unreadable.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomBytes,
} from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const REGISTER_KEY_ENV = "SAMSPAR_REGISTER_KEY";
export const REGISTER_KEY_FILE = "register.key";

const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const VERSION_PREFIX = "v1:";
const ENCRYPTION_INFO = "samspar-register-encryption-v1";
const LOOKUP_INFO = "samspar-register-lookup-v1";

export interface RegisterKey {
  key: Buffer;
  source: "env" | "file";
  /** Set when the key lies in the data folder: say it where the operator sees it (start-up log). */
  warning?: string;
}

export interface RegisterCrypto {
  /** "v1:" + base64(nonce | ciphertext | tag); a new random nonce every time. */
  encrypt(plain: string): string;
  /** Verifies the tag; throws if the value was changed or sealed with another key. */
  decrypt(sealed: string): string;
  /** HMAC-SHA-256 (hex) of a canonical twelve-digit number, for finding a person again. */
  lookupHash(canonical: string): string;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodeKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = BASE64.test(trimmed) ? Buffer.from(trimmed, "base64") : null;
  if (!key || key.length !== KEY_BYTES) {
    const got = key ? `${key.length} byte` : "inte giltig base64";
    throw new Error(
      `${where} måste vara exakt 32 byte kodade i base64 (44 tecken), men är ${got}. ` +
        "Skapa en nyckel med `openssl rand -base64 32`.",
    );
  }
  return key;
}

function fileWarning(file: string): string {
  return (
    `Registernyckeln ligger i datamappen bredvid databasen (${file}). ` +
    "Säkerhetskopiera den separat och förvara den åtskild från databasen: utan nyckeln går de " +
    "lagrade personnumren inte att läsa, och den som kommer åt både databasen och nyckeln kan läsa dem. " +
    `Sätt hellre ${REGISTER_KEY_ENV} från en plats utanför datamappen.`
  );
}

/**
 * The register's master key: SAMSPAR_REGISTER_KEY if set, otherwise data/register.key, created
 * with 32 random bytes and mode 0600 if it does not exist yet.
 */
export function loadRegisterKey(options: {
  env?: Record<string, string | undefined>;
  dataDir: string;
}): RegisterKey {
  const env = options.env ?? process.env;
  const fromEnv = env[REGISTER_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== "") {
    return { key: decodeKey(fromEnv, REGISTER_KEY_ENV), source: "env" };
  }

  const file = path.join(options.dataDir, REGISTER_KEY_FILE);
  const where = `Registernyckeln i ${file}`;
  const existing = readIfExists(file);
  if (existing !== null) {
    return { key: decodeKey(existing, where), source: "file", warning: fileWarning(file) };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  try {
    fs.writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return { key, source: "file", warning: fileWarning(file) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // Another process created it between our read and our write: use theirs.
    return {
      key: decodeKey(fs.readFileSync(file, "utf8"), where),
      source: "file",
      warning: fileWarning(file),
    };
  }
}

function readIfExists(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function derive(masterKey: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), info, KEY_BYTES));
}

const UNREADABLE =
  "Den krypterade identiteten går inte att läsa: den har ändrats, är skadad eller krypterades med en annan registernyckel.";

export function createRegisterCrypto(masterKey: Buffer): RegisterCrypto {
  if (masterKey.length !== KEY_BYTES) {
    throw new Error("Registernyckeln måste vara exakt 32 byte.");
  }
  // key objects made once: a raw Buffer would be imported again on every call (~3× slower)
  const encryptionKey = createSecretKey(derive(masterKey, ENCRYPTION_INFO));
  const lookupKey = createSecretKey(derive(masterKey, LOOKUP_INFO));

  return {
    encrypt(plain) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv("aes-256-gcm", encryptionKey, nonce, {
        authTagLength: TAG_BYTES,
      });
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return VERSION_PREFIX + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString("base64");
    },
    decrypt(sealed) {
      if (!sealed.startsWith(VERSION_PREFIX)) {
        throw new Error(`${UNREADABLE} (okänd version)`);
      }
      const encoded = sealed.slice(VERSION_PREFIX.length);
      const raw = BASE64.test(encoded) ? Buffer.from(encoded, "base64") : null;
      if (!raw || raw.length < NONCE_BYTES + TAG_BYTES) throw new Error(UNREADABLE);
      const nonce = raw.subarray(0, NONCE_BYTES);
      const tag = raw.subarray(raw.length - TAG_BYTES);
      const body = raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES);
      const decipher = createDecipheriv("aes-256-gcm", encryptionKey, nonce, {
        authTagLength: TAG_BYTES,
      });
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
      } catch {
        throw new Error(UNREADABLE);
      }
    },
    lookupHash(canonical) {
      if (!/^\d{12}$/.test(canonical)) {
        throw new Error("Sökhashen räknas på den kanoniska formen: tolv siffror, ÅÅÅÅMMDDNNNN.");
      }
      return createHmac("sha256", lookupKey).update(canonical, "utf8").digest("hex");
    },
  };
}
