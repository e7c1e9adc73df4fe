// A real OpenID Connect provider (oidc-provider) on 127.0.0.1 for tests, plus a tiny "browser"
// that walks the authorization redirects with fetch. The provider's login and consent screens
// are replaced by handlers that approve at once as the account the test chose, so a test can
// run the whole authorization-code round trip without HTML forms.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
// @ts-expect-error -- oidc-provider ships no types and @types/oidc-provider is not installed
import { Provider as UntypedProvider } from "oidc-provider";

export const TEST_CLIENT_ID = "samspar-test";
export const TEST_CLIENT_SECRET = "samspar-test-secret-that-is-long-enough-0123456789";

export interface TestAccount {
  email?: string;
  emailVerified: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  /** Accounts by subject; the test may change them between sign-ins. */
  accounts: Map<string, TestAccount>;
  /** The subject the next login interaction signs in as. */
  signInAs(subject: string): void;
  stop(): Promise<void>;
}

// The few parts of oidc-provider's API used here, since the package has no types of its own
// (also used by the portal's e-ID broker, src/portal/eid-broker-fixture.ts).
export interface InteractionDetails {
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: { client_id?: string };
  session?: { accountId?: string };
  grantId?: string;
}
export interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}
export interface Provider {
  callback(): http.RequestListener;
  on(event: string, listener: (ctx: unknown, error: Error) => void): void;
  interactionDetails(
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<InteractionDetails>;
  interactionFinished(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission: boolean },
  ): Promise<void>;
  Grant: {
    new (init: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  };
}
export const ProviderClass = UntypedProvider as new (
  issuer: string,
  configuration: Record<string, unknown>,
) => Provider;

export async function startOidcProvider(options: {
  redirectUri: string;
}): Promise<TestOidcProvider> {
  const accounts = new Map<string, TestAccount>();
  let nextSubject: string | undefined;
  let provider: Provider | undefined;
  let providerCallback: http.RequestListener | undefined;

  const server = http.createServer((req, res) => {
    if (!provider || !providerCallback) {
      res.writeHead(503).end();
      return;
    }
    if (req.method === "GET" && req.url?.startsWith("/interaction/")) {
      approveInteraction(provider, req, res).catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
      });
      return;
    }
    providerCallback(req, res);
  });

  async function approveInteraction(
    p: Provider,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) {
    const details = await p.interactionDetails(req, res);
    if (details.prompt.name === "login") {
      if (!nextSubject) throw new Error("the test did not say whom to sign in as (signInAs)");
      await p.interactionFinished(
        req,
        res,
        { login: { accountId: nextSubject } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (details.prompt.name === "consent") {
      const accountId = details.session?.accountId;
      const clientId = details.params.client_id;
      if (!accountId || !clientId) throw new Error("consent without a signed-in account or client");
      const grant =
        (details.grantId && (await p.Grant.find(details.grantId))) ||
        new p.Grant({ accountId, clientId });
      const { missingOIDCScope, missingOIDCClaims } = details.prompt.details;
      if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(" "));
      if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
      const grantId = await grant.save();
      await p.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    throw new Error(`unexpected prompt ${details.prompt.name}`);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // A fixed signing key keeps oidc-provider from falling back to (and warning about) its dev keys.
  const signingKey = {
    ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }),
    kid: "test",
    use: "sig",
    alg: "RS256",
  };
  provider = new ProviderClass(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          // read at the time of asking, so a test can change the address between sign-ins
          const current = accounts.get(sub) ?? account;
          return { sub, email: current.email, email_verified: current.emailVerified };
        },
      };
    },
  });
  provider.on("server_error", (_ctx, error) => console.error("oidc-provider server_error:", error));
  providerCallback = provider.callback();

  return {
    issuer,
    accounts,
    signInAs(subject) {
      nextSubject = subject;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Follows the provider's redirects from the authorization URL like a browser with a fresh
 * cookie jar would, and returns the URL the provider finally sends the browser back to.
 */
export async function browseToCallback(
  authorizationUrl: string,
  redirectUri: string,
): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      redirect: "manual",
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; ") },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const removed = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a),
      );
      if (removed) jar.delete(name);
      else jar.set(name, pair.slice(at + 1).trim());
    }
    const location = response.headers.get("location");
    if (!location || response.status < 300 || response.status >= 400) {
      throw new Error(
        `the provider answered ${response.status} at ${url.pathname}: ${(await response.text()).slice(0, 500)}`,
      );
    }
    await response.body?.cancel();
    url = new URL(location, url);
    if (url.href.startsWith(`${redirectUri}?`)) return url;
  }
  throw new Error("too many redirects at the provider");
}
