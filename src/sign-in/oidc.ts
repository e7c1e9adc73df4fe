// OpenID Connect sign-in (authorization code flow with PKCE, state and nonce) against the
// identity provider configured in SAMSPAR_OIDC_*. Only people who already have an account
// get in: the provider's verified e-mail is matched once, then the (issuer, subject) pair.
//
// The shared vocabulary lives here; oidc-client.ts talks to the provider and
// sign-in-with-oidc.ts decides who the person is.

/** Where the provider sends the browser back; registered as the client's redirect URI. */
export const OIDC_CALLBACK_PATH = "/logga-in/oidc/retur";

/**
 * The short-lived cookie that carries the sealed state between start and finish. It must be
 * SameSite=Lax, not Strict: the return from the provider is a cross-site navigation, and a
 * Strict cookie would not come along.
 */
export const OIDC_COOKIE = "__Host-samspar_oidc";

/** How long a started sign-in may take at the provider before it has to be started again. */
export const OIDC_MAX_AGE_MS = 10 * 60 * 1000;

/** What a person sees when the round trip fails; the technical cause is only for the log. */
export const OIDC_FAILED_MESSAGE =
  "Inloggningen via organisationens konto gick inte att slutföra. Försök igen.";
export const OIDC_EXPIRED_MESSAGE =
  "Inloggningen via organisationens konto tog för lång tid. Börja om och försök igen.";

export interface OidcStart {
  /** Where to send the browser. */
  url: string;
  /** Sealed state, nonce and PKCE verifier for the short-lived cookie. */
  cookieValue: string;
}

export interface OidcClaims {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
}

export interface OidcClient {
  label: string;
  start(returnTo: string): Promise<OidcStart>;
  /** Throws an Error with a message for the person (the technical reason as its cause) on any failure. */
  finish(
    callbackUrl: URL,
    cookieValue: string | undefined,
  ): Promise<{ claims: OidcClaims; returnTo: string }>;
}
