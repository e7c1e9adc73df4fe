// A local e-ID broker for the tests: a real oidc-provider on 127.0.0.1 whose accounts carry a
// personnummer claim, set up like tests/support/oidc-provider.ts (login and consent approved at
// once as the account the test chose; walk it with browseToCallback from there), and participants
// with or without a portal account.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type Provider, ProviderClass } from "../../tests/support/oidc-provider.ts";
import type { Db } from "../platform/database/connect.ts";
import type { RegisterCrypto } from "../register/crypto.ts";
import { registerParticipant } from "../register/participants.ts";
import type { RegisterFixture } from "../register/register-fixture.ts";
import type { RegisterAccess } from "../register/scope.ts";
import { makePortalAccount } from "./portal-account-fixture.ts";
export interface Broker {
  issuer: string;
  clientId: string;
  /** The personnummer each subject's broker account carries, as the broker writes it. */
  numbers: Map<string, unknown>;
  signInAs(subject: string): void;
  stop(): Promise<void>;
}

/**
 * A broker like tests/support/oidc-provider.ts, whose accounts carry a personnummer claim.
 * `claimsParameter`: the claim is released when the client asks for it by name (and lands in
 * the ID token); without it, the claim belongs to the profile scope and only UserInfo has it.
 */
export async function startBroker(options: {
  redirectUri: string;
  clientId: string;
  clientSecret: string;
  claim: string;
  claimsParameter: boolean;
}): Promise<Broker> {
  const numbers = new Map<string, unknown>();
  let nextSubject: string | undefined;
  let provider: Provider | undefined;
  let listener: http.RequestListener | undefined;
  const server = http.createServer((req, res) => {
    if (!provider || !listener) return void res.writeHead(503).end();
    if (req.method === "GET" && req.url?.startsWith("/interaction/")) {
      approve(provider, req, res).catch((error: unknown) =>
        res.writeHead(500, { "content-type": "text/plain" }).end(String(error)),
      );
      return;
    }
    listener(req, res);
  });
  async function approve(p: Provider, req: http.IncomingMessage, res: http.ServerResponse) {
    const details = await p.interactionDetails(req, res);
    if (details.prompt.name === "login") {
      if (!nextSubject) throw new Error("signInAs was not called");
      await p.interactionFinished(
        req,
        res,
        { login: { accountId: nextSubject } },
        {
          mergeWithLastSubmission: false,
        },
      );
      return;
    }
    const accountId = details.session?.accountId;
    const clientId = details.params.client_id;
    if (details.prompt.name !== "consent" || !accountId || !clientId)
      throw new Error(`unexpected prompt ${details.prompt.name}`);
    const grant =
      (details.grantId && (await p.Grant.find(details.grantId))) ||
      new p.Grant({ accountId, clientId });
    const { missingOIDCScope, missingOIDCClaims } = details.prompt.details;
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(" "));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    await p.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      {
        mergeWithLastSubmission: true,
      },
    );
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = {
    ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }),
    kid: "test",
    use: "sig",
    alg: "RS256",
  };
  provider = new ProviderClass(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: options.claimsParameter
      ? { openid: ["sub"], profile: ["name"], [options.claim]: null }
      : { openid: ["sub"], profile: ["name", options.claim] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: options.claimsParameter },
    },
    interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    async findAccount(_ctx: unknown, sub: string) {
      if (!numbers.has(sub)) return undefined;
      return {
        accountId: sub,
        async claims() {
          const value = numbers.get(sub);
          return {
            sub,
            name: "Test Testsson",
            ...(value === undefined ? {} : { [options.claim]: value }),
          };
        },
      };
    },
  });
  listener = provider.callback();
  return {
    issuer,
    clientId: options.clientId,
    numbers,
    signInAs: (subject) => {
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
 * A participant with identity in the register of `f` (Tierp), optionally with a portal account
 * made as the portal's use case makes it: a pseudonymous participant user, the participant role
 * on the initiative and the register's link from user to participant.
 */
export async function addParticipant(
  db: Db,
  crypto: RegisterCrypto,
  f: RegisterFixture,
  access: RegisterAccess,
  number: string,
  withAccount: boolean,
  today: string,
) {
  const { participantId } = await registerParticipant(
    db,
    crypto,
    access.actor,
    access.scope,
    {
      initiativeId: f.tierp.initiative,
      personalNumber: number,
      name: "Lisa Lind",
      gender: "kvinna",
      birthYear: null,
      startDate: "2026-03-02",
      consent: { consentedOn: "2026-03-02", textVersion: "2026:1", language: "svenska" },
      background: {
        education: "gymnasial",
        supportBefore: ["forsorjningsstod"],
        timeOnSupport: "1_2_ar",
        occupationBefore: "arbetslos",
        referrer: "kommun",
      },
      municipalityCode: "0360",
    },
    today,
  );
  if (!withAccount) return { participantId, userId: undefined };
  const account = await makePortalAccount(db, {
    associationId: f.associationId,
    dataControllerId: f.tierp.controller,
    initiativeId: f.tierp.initiative,
    participantId,
  });
  return { participantId, userId: account.userId };
}
