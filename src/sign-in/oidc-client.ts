// Talks to the organisation's OpenID Connect provider with openid-client: builds the
// authorization URL and turns the provider's answer into verified claims. Nothing between the
// two steps is stored on the server; it travels in a sealed, short-lived cookie instead.
import * as oidc from "openid-client";
import { safeReturnTo } from "../platform/http/return-to.ts";
import type { Secrets } from "../platform/secrets.ts";
import {
  OIDC_CALLBACK_PATH,
  OIDC_EXPIRED_MESSAGE,
  OIDC_FAILED_MESSAGE,
  OIDC_MAX_AGE_MS,
  type OidcClaims,
  type OidcClient,
} from "./oidc.ts";

const SCOPE = "openid email profile";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
  allowHttp: boolean;
}

/** What the cookie carries from start to finish. */
interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  createdAt: number;
}

/** Only paths on this site: "//host" and "/\host" would send the person elsewhere. */
function failed(cause: unknown, message = OIDC_FAILED_MESSAGE): Error {
  return new Error(message, { cause });
}

function readPending(
  secrets: Secrets,
  cookieValue: string | undefined,
  now: number,
): PendingSignIn {
  if (!cookieValue) throw failed(new Error("the OIDC cookie is missing"));
  let pending: Partial<PendingSignIn>;
  try {
    pending = JSON.parse(secrets.open(cookieValue)) as Partial<PendingSignIn>;
  } catch (cause) {
    throw failed(cause);
  }
  const { state, nonce, verifier, returnTo, createdAt } = pending;
  if (
    typeof state !== "string" ||
    typeof nonce !== "string" ||
    typeof verifier !== "string" ||
    typeof createdAt !== "number"
  ) {
    throw failed(new Error("the OIDC cookie lacks fields"));
  }
  const age = now - createdAt;
  if (age < 0 || age > OIDC_MAX_AGE_MS) {
    throw failed(
      new Error(`the OIDC cookie is ${Math.round(age / 1000)} s old`),
      OIDC_EXPIRED_MESSAGE,
    );
  }
  return { state, nonce, verifier, returnTo: safeReturnTo(returnTo), createdAt };
}

/** Discovers the provider once, at start-up, so a wrong issuer shows before anyone tries to sign in. */
export async function createOidcClient(
  settings: OidcSettings,
  baseUrl: string,
  secrets: Secrets,
): Promise<OidcClient> {
  const issuer = new URL(settings.issuer);
  if (issuer.protocol !== "https:" && !settings.allowHttp) {
    throw new Error(
      `SAMSPAR_OIDC_ISSUER måste vara en https-adress, inte ${settings.issuer} (SAMSPAR_OIDC_ALLOW_HTTP=1 tillåter http vid test).`,
    );
  }
  if (!settings.clientId || !settings.clientSecret) {
    throw new Error(
      "SAMSPAR_OIDC_CLIENT_ID och SAMSPAR_OIDC_CLIENT_SECRET måste vara satta när SAMSPAR_OIDC_ISSUER är det.",
    );
  }
  const redirectUri = `${baseUrl.replace(/\/+$/, "")}${OIDC_CALLBACK_PATH}`;
  let config: oidc.Configuration;
  try {
    config = await oidc.discovery(
      issuer,
      settings.clientId,
      { client_secret: settings.clientSecret, redirect_uris: [redirectUri] },
      // client_secret_basic is what OpenID Connect assumes when a client registers nothing else
      oidc.ClientSecretBasic(settings.clientSecret),
      settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
  } catch (cause) {
    throw new Error(
      `Kunde inte hämta inställningarna för inloggning från ${settings.issuer} (SAMSPAR_OIDC_ISSUER). Kontrollera adressen och att tjänsten svarar.`,
      { cause },
    );
  }

  return {
    label: settings.label,

    async start(returnTo) {
      const pending: PendingSignIn = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
        returnTo: safeReturnTo(returnTo),
        createdAt: Date.now(),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: SCOPE,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: "S256",
      });
      return { url: url.href, cookieValue: secrets.seal(JSON.stringify(pending)) };
    },

    async finish(callbackUrl, cookieValue) {
      const pending = readPending(secrets, cookieValue, Date.now());
      try {
        // The token request must repeat the registered redirect URI exactly; behind a proxy the
        // URL the request arrived at has another origin, so only its parameters are taken.
        const current = new URL(redirectUri);
        current.search = callbackUrl.search;
        const tokens = await oidc.authorizationCodeGrant(config, current, {
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          pkceCodeVerifier: pending.verifier,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (!idToken) throw new Error("no ID token in the token response");
        let source: Record<string, unknown> = idToken;
        // Many providers put e-mail only in UserInfo when an access token is issued alongside.
        if (typeof idToken.email !== "string" && config.serverMetadata().userinfo_endpoint) {
          source = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
        }
        const claims: OidcClaims = {
          issuer: idToken.iss,
          subject: idToken.sub,
          email: typeof source.email === "string" && source.email ? source.email : undefined,
          // some providers send the string "true"; anything else is not a promise
          emailVerified: source.email_verified === true || source.email_verified === "true",
        };
        return { claims, returnTo: pending.returnTo };
      } catch (cause) {
        throw failed(cause);
      }
    },
  };
}
