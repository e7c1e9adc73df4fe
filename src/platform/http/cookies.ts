// Cookie helpers. Session and CSRF cookies use the __Host- prefix: Secure, Path=/, no Domain,
// so no subdomain can set or read them. Browsers accept Secure cookies on http://localhost.
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

export interface CookieOptions {
  maxAge?: number;
  httpOnly?: boolean;
  sameSite?: "Lax" | "Strict";
}

export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    "Secure",
    `SameSite=${options.sameSite ?? "Lax"}`,
  ];
  if (options.httpOnly !== false) parts.push("HttpOnly");
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
  return parts.join("; ");
}

export const clearCookie = (name: string) => serializeCookie(name, "", { maxAge: 0 });

/** The chosen interface language; not a secret, so a plain long-lived cookie. */
export const LANGUAGE_COOKIE = "samspar_lang";
