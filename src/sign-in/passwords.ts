// Password hashing with argon2id at OWASP's recommended parameters, and the password rules.
import { hash, verify } from "@node-rs/argon2";

// OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1.
const ARGON2ID = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export const hashPassword = (password: string) => hash(password, ARGON2ID);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Spends the same time as a real check, so a missing account is not told apart by timing. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("samspar-dummy-password");
  await verifyPassword(await dummyHash, password);
}

/** The Swedish message that says what to fix, or undefined when the password is acceptable. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken. Ett par ord i följd går bra.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Lösenordet får ha högst ${MAX_PASSWORD_LENGTH} tecken.`;
  if (email && password.toLowerCase().includes(email.toLowerCase().split("@")[0] ?? "\u0000")) {
    return "Lösenordet får inte innehålla din e-postadress.";
  }
  if (/^(.)\1+$/.test(password)) return "Lösenordet får inte bestå av ett och samma tecken.";
  return undefined;
}
