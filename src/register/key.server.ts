// The register key of a running process: loaded once (SAMSPAR_REGISTER_KEY, or the key file in
// the data folder, created the first time) and kept for the life of the process. The server
// says at start where the key lies when it is a file (announceRegisterKey, from services.ts);
// the pages and the API take the register's crypto from registerCryptoFor.
//
// The server runs this module natively while the web build bundles its own copy, so the cache
// is kept on globalThis: both copies share one key, loaded once.
import type { Config } from "../platform/config.ts";
import {
  createRegisterCrypto,
  loadRegisterKey,
  REGISTER_KEY_ENV,
  type RegisterCrypto,
  type RegisterKey,
} from "./crypto.ts";

interface Loaded {
  key: RegisterKey;
  crypto: RegisterCrypto;
}

const CACHE = Symbol.for("samspar.registerKey");
const holder = globalThis as unknown as Record<symbol, Map<string, Loaded> | undefined>;

function loaded(config: Pick<Config, "dataDir">): Loaded {
  holder[CACHE] ??= new Map();
  const cache = holder[CACHE];
  // the key from the environment wins over the file; a test may set either
  const cacheKey = `${process.env[REGISTER_KEY_ENV] ?? ""}\u0000${config.dataDir}`;
  const known = cache.get(cacheKey);
  if (known) return known;
  const key = loadRegisterKey({ env: process.env, dataDir: config.dataDir });
  const entry = { key, crypto: createRegisterCrypto(key.key) };
  cache.set(cacheKey, entry);
  return entry;
}

/** The register's encryption and look-up hash, with the process's register key. */
export function registerCryptoFor(config: Pick<Config, "dataDir">): RegisterCrypto {
  return loaded(config).crypto;
}

/**
 * Loads the register key at server start, so a key that cannot be read stops the server with
 * its message instead of failing a participant officer's page later, and says where the key
 * lies when it is a file in the data folder.
 */
export function announceRegisterKey(
  config: Pick<Config, "dataDir" | "logLevel">,
  log: (line: string) => void = (line) => console.warn(line),
): void {
  const { key } = loaded(config);
  if (key.warning && config.logLevel !== "silent") log(`Varning: ${key.warning}`);
}
