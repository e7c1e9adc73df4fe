// CSRF protection for every form: a random value in an HttpOnly cookie, and its HMAC in a
// hidden `_csrf` field. A cross-site page can make the browser send the cookie, but cannot
// read it to produce the matching field. Requests from another origin are refused outright.
import { timingSafeEqual } from "node:crypto";
import type { Secrets } from "../secrets.ts";
import { randomToken } from "../secrets.ts";

export const CSRF_COOKIE = "__Host-samspar_csrf";
export const CSRF_FIELD = "_csrf";

export const newCsrfSeed = () => randomToken(24);

export const csrfTokenFor = (secrets: Secrets, seed: string) => secrets.sign(`csrf:${seed}`);

export function csrfTokenMatches(
  secrets: Secrets,
  seed: string | undefined,
  token: unknown,
): boolean {
  if (!seed || typeof token !== "string" || !token) return false;
  const expected = Buffer.from(csrfTokenFor(secrets, seed));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Browsers say where a request comes from; a cross-site form post is refused before anything else. */
export function crossSite(headers: Headers, selfOrigin: string): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = headers.get("origin");
  return !!origin && origin !== "null" && origin !== selfOrigin;
}
