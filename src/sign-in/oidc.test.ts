// OpenID Connect sign-in end to end: openid-client against a real oidc-provider on localhost,
// a fetch-driven "browser" through its login and consent, and the account rules on Postgres.
import { randomBytes } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import {
  browseToCallback,
  startOidcProvider,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  type TestOidcProvider,
} from "../../tests/support/oidc-provider.ts";
import { auditEvents } from "../audit/schema.ts";
import { oidcIdentities, users } from "../people/schema.ts";
import { safeReturnTo } from "../platform/http/return-to.ts";
import { createSecrets, type Secrets } from "../platform/secrets.ts";
import {
  OIDC_CALLBACK_PATH,
  OIDC_EXPIRED_MESSAGE,
  OIDC_FAILED_MESSAGE,
  type OidcClient,
} from "./oidc.ts";
import { createOidcClient } from "./oidc-client.ts";
import { sessions } from "./schema.ts";
import { readSession } from "./sessions.ts";
import { signInWithOidc } from "./sign-in-with-oidc.ts";

const BASE_URL = "http://samspar.test";
const REDIRECT_URI = `${BASE_URL}${OIDC_CALLBACK_PATH}`;
const context = { ip: "127.0.0.1", userAgent: "vitest", requestId: "req-oidc" };

let testDb: TestDatabase;
let provider: TestOidcProvider;
let secrets: Secrets;
let client: OidcClient;

beforeAll(async () => {
  testDb = await createTestDatabase();
  provider = await startOidcProvider({ redirectUri: REDIRECT_URI });
  secrets = createSecrets(randomBytes(32));
  client = await createOidcClient(
    {
      issuer: provider.issuer,
      clientId: TEST_CLIENT_ID,
      clientSecret: TEST_CLIENT_SECRET,
      label: "Testkonto",
      allowHttp: true,
    },
    BASE_URL,
    secrets,
  );
});

afterAll(async () => {
  await provider?.stop();
  await testDb?.drop();
});

async function addUser(email: string, disabled = false) {
  const [user] = await testDb.db
    .insert(users)
    .values({ email, name: email.split("@")[0] ?? email, disabledAt: disabled ? new Date() : null })
    .returning();
  if (!user) throw new Error("no user");
  return user;
}

/** Signs in at the provider as `subject` and returns where it sends the browser back. */
async function roundTrip(subject: string, returnTo = "/demo") {
  provider.signInAs(subject);
  const started = await client.start(returnTo);
  const callback = await browseToCallback(started.url, REDIRECT_URI);
  return { started, callback };
}

async function identitiesOf(subject: string) {
  return testDb.db
    .select()
    .from(oidcIdentities)
    .where(and(eq(oidcIdentities.issuer, provider.issuer), eq(oidcIdentities.subject, subject)));
}

async function auditOf(userId: string | null, label?: string) {
  const rows = await testDb.db
    .select({
      action: auditEvents.action,
      details: auditEvents.details,
      actorUserId: auditEvents.actorUserId,
      actorLabel: auditEvents.actorLabel,
    })
    .from(auditEvents)
    .orderBy(asc(auditEvents.seq));
  return rows.filter((r) =>
    userId ? r.actorUserId === userId : r.actorUserId === null && r.actorLabel === label,
  );
}

async function sessionCount() {
  const [row] = await testDb.db.select({ n: sql<number>`count(*)::int` }).from(sessions);
  return row?.n ?? 0;
}

/** Re-seals the state cookie with some fields changed, as only someone with the key could. */
function reseal(cookieValue: string, change: Record<string, unknown>) {
  return secrets.seal(JSON.stringify({ ...JSON.parse(secrets.open(cookieValue)), ...change }));
}

describe("OIDC sign-in", () => {
  it("asks for openid, e-mail and profile with PKCE S256, state and nonce", async () => {
    const { url } = await client.start("/demo");
    const params = new URL(url).searchParams;
    expect(url.startsWith(`${provider.issuer}/`)).toBe(true);
    expect(params.get("client_id")).toBe(TEST_CLIENT_ID);
    expect(params.get("redirect_uri")).toBe(REDIRECT_URI);
    expect(params.get("response_type")).toBe("code");
    expect(params.get("scope")).toBe("openid email profile");
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(params.get("state")).toMatch(/^[\w-]{20,}$/);
    expect(params.get("nonce")).toMatch(/^[\w-]{20,}$/);
    const other = new URL((await client.start("/demo")).url).searchParams;
    expect(other.get("state")).not.toBe(params.get("state"));
    expect(other.get("nonce")).not.toBe(params.get("nonce"));
  });

  it("links a known person by verified e-mail and opens a complete session", async () => {
    const anna = await addUser("anna@example.se");
    provider.accounts.set("sub-anna", { email: "Anna@Example.se", emailVerified: true });
    const { started, callback } = await roundTrip("sub-anna");
    expect(callback.searchParams.get("code")).toBeTruthy();

    const { claims, returnTo } = await client.finish(callback, started.cookieValue);
    expect(returnTo).toBe("/demo");
    expect(claims).toEqual({
      issuer: provider.issuer,
      subject: "sub-anna",
      email: "Anna@Example.se",
      emailVerified: true,
    });

    const result = await signInWithOidc(testDb.db, claims, context);
    if (result.kind !== "signed-in") throw new Error(`expected signed-in, got ${result.kind}`);
    const lookup = await readSession(testDb.db, result.token);
    expect(lookup.state).toBe("active");
    if (lookup.state !== "active") return;
    expect(lookup.session).toMatchObject({
      userId: anna.id,
      method: "oidc",
      secondFactorPending: false,
    });

    expect((await identitiesOf("sub-anna")).map((i) => i.userId)).toEqual([anna.id]);
    const audit = await auditOf(anna.id);
    expect(audit.map((a) => a.action)).toEqual(["oidc.linked", "sign_in.succeeded"]);
    expect(audit[0]?.details).toEqual({ issuer: provider.issuer, subject: "sub-anna" });
    expect(audit[1]?.details).toEqual({ method: "oidc", issuer: provider.issuer });
  });

  it("uses the link on the next sign-in even after the e-mail at the provider changed", async () => {
    const bo = await addUser("bo@example.se");
    provider.accounts.set("sub-bo", { email: "bo@example.se", emailVerified: true });
    const first = await roundTrip("sub-bo");
    const firstResult = await signInWithOidc(
      testDb.db,
      (await client.finish(first.callback, first.started.cookieValue)).claims,
      context,
    );
    expect(firstResult.kind).toBe("signed-in");

    // the new address matches nobody, and is not even verified: only the link can let Bo in
    provider.accounts.set("sub-bo", { email: "bo.nytt@annat.se", emailVerified: false });
    const second = await roundTrip("sub-bo");
    const { claims } = await client.finish(second.callback, second.started.cookieValue);
    expect(claims.email).toBe("bo.nytt@annat.se");
    const result = await signInWithOidc(testDb.db, claims, context);
    if (result.kind !== "signed-in") throw new Error(`expected signed-in, got ${result.kind}`);
    const lookup = await readSession(testDb.db, result.token);
    expect(lookup.state === "active" && lookup.session.userId).toBe(bo.id);
    expect(await identitiesOf("sub-bo")).toHaveLength(1);
    expect((await auditOf(bo.id)).map((a) => a.action)).toEqual([
      "oidc.linked",
      "sign_in.succeeded",
      "sign_in.succeeded",
    ]);
  });

  it("refuses an e-mail that has no account, without creating one", async () => {
    provider.accounts.set("sub-okand", { email: "okand@example.se", emailVerified: true });
    const { started, callback } = await roundTrip("sub-okand");
    const { claims } = await client.finish(callback, started.cookieValue);
    const before = await sessionCount();
    expect(await signInWithOidc(testDb.db, claims, context)).toEqual({ kind: "unknown" });
    expect(await sessionCount()).toBe(before);
    expect(await identitiesOf("sub-okand")).toHaveLength(0);
    expect(
      await testDb.db.select().from(users).where(eq(users.email, "okand@example.se")),
    ).toHaveLength(0);
    const audit = await auditOf(null, "okand@example.se");
    expect(audit.map((a) => [a.action, a.details.reason])).toEqual([
      ["sign_in.failed", "unknown_identity"],
    ]);
  });

  it("does not link on an unverified e-mail", async () => {
    const cecilia = await addUser("cecilia@example.se");
    provider.accounts.set("sub-cecilia", { email: "cecilia@example.se", emailVerified: false });
    const { started, callback } = await roundTrip("sub-cecilia");
    const { claims } = await client.finish(callback, started.cookieValue);
    expect(claims.emailVerified).toBe(false);
    expect(await signInWithOidc(testDb.db, claims, context)).toEqual({ kind: "unknown" });
    expect(await identitiesOf("sub-cecilia")).toHaveLength(0);
    expect(await readSessionsOf(cecilia.id)).toBe(0);
  });

  it("does not link a second subject to an account already linked at the same issuer", async () => {
    const dan = await addUser("dan@example.se");
    provider.accounts.set("sub-dan", { email: "dan@example.se", emailVerified: true });
    const first = await roundTrip("sub-dan");
    expect(
      (
        await signInWithOidc(
          testDb.db,
          (
            await client.finish(first.callback, first.started.cookieValue)
          ).claims,
          context,
        )
      ).kind,
    ).toBe("signed-in");

    // the organisation has handed the address on to someone new
    provider.accounts.set("sub-dan-2", { email: "dan@example.se", emailVerified: true });
    const second = await roundTrip("sub-dan-2");
    const { claims } = await client.finish(second.callback, second.started.cookieValue);
    expect(await signInWithOidc(testDb.db, claims, context)).toEqual({ kind: "unknown" });
    expect(await identitiesOf("sub-dan-2")).toHaveLength(0);
    expect((await auditOf(dan.id)).at(-1)).toMatchObject({
      action: "sign_in.failed",
      details: { reason: "linked_to_other_subject" },
    });
  });

  it("refuses a disabled account, linked or not", async () => {
    const eva = await addUser("eva@example.se", true);
    provider.accounts.set("sub-eva", { email: "eva@example.se", emailVerified: true });
    const a = await roundTrip("sub-eva");
    expect(
      await signInWithOidc(
        testDb.db,
        (await client.finish(a.callback, a.started.cookieValue)).claims,
        context,
      ),
    ).toEqual({ kind: "disabled" });
    expect(await identitiesOf("sub-eva")).toHaveLength(0);
    expect(await readSessionsOf(eva.id)).toBe(0);

    const filip = await addUser("filip@example.se");
    provider.accounts.set("sub-filip", { email: "filip@example.se", emailVerified: true });
    const b = await roundTrip("sub-filip");
    expect(
      (
        await signInWithOidc(
          testDb.db,
          (
            await client.finish(b.callback, b.started.cookieValue)
          ).claims,
          context,
        )
      ).kind,
    ).toBe("signed-in");
    await testDb.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, filip.id));
    const c = await roundTrip("sub-filip");
    const before = await readSessionsOf(filip.id);
    expect(
      await signInWithOidc(
        testDb.db,
        (await client.finish(c.callback, c.started.cookieValue)).claims,
        context,
      ),
    ).toEqual({ kind: "disabled" });
    expect(await readSessionsOf(filip.id)).toBe(before);
    expect((await auditOf(eva.id)).map((e) => [e.action, e.details.reason])).toEqual([
      ["sign_in.failed", "disabled"],
    ]);
    expect((await auditOf(filip.id)).at(-1)).toMatchObject({
      action: "sign_in.failed",
      details: { reason: "disabled" },
    });
  });

  it("refuses a tampered state and a missing, foreign, forged or expired cookie", async () => {
    provider.accounts.set("sub-gun", { email: "gun@example.se", emailVerified: true });
    const { started, callback } = await roundTrip("sub-gun");

    const tampered = new URL(callback);
    tampered.searchParams.set("state", "something-else");
    expect(await refusal(client.finish(tampered, started.cookieValue))).toMatch(
      /unexpected "state"/,
    );
    expect(await refusal(client.finish(callback, undefined))).toMatch(/cookie is missing/);
    expect(await refusal(client.finish(callback, ""))).toMatch(/cookie is missing/);
    expect(await refusal(client.finish(callback, "not-a-cookie"))).toMatch(/Okänt format/);
    const foreign = await client.start("/demo");
    expect(await refusal(client.finish(callback, foreign.cookieValue))).toMatch(
      /unexpected "state"/,
    );
    const sealedElsewhere = createSecrets(randomBytes(32)).seal(secrets.open(started.cookieValue));
    expect(await refusal(client.finish(callback, sealedElsewhere))).toMatch(/authenticate data/);
    const old = reseal(started.cookieValue, { createdAt: Date.now() - 11 * 60 * 1000 });
    expect(await refusal(client.finish(callback, old), OIDC_EXPIRED_MESSAGE)).toMatch(
      /cookie is 660 s old/,
    );

    // none of the refusals spent the code: the genuine pair still works
    const { claims } = await client.finish(callback, started.cookieValue);
    expect(claims.subject).toBe("sub-gun");
    // and a code is good for one exchange only
    expect(await refusal(client.finish(callback, started.cookieValue))).toMatch(/invalid_grant/);
  });

  it("refuses a wrong PKCE verifier and a wrong nonce", async () => {
    provider.accounts.set("sub-hugo", { email: "hugo@example.se", emailVerified: true });
    const a = await roundTrip("sub-hugo");
    const wrongVerifier = reseal(a.started.cookieValue, { verifier: "x".repeat(43) });
    expect(await refusal(client.finish(a.callback, wrongVerifier))).toMatch(/invalid_grant/);

    const b = await roundTrip("sub-hugo");
    const wrongNonce = reseal(b.started.cookieValue, { nonce: "not-the-nonce" });
    expect(await refusal(client.finish(b.callback, wrongNonce))).toMatch(/"nonce"/);
  });

  it("finishes from a callback that arrived under another origin, as behind a proxy", async () => {
    provider.accounts.set("sub-jon", { email: "jon@example.se", emailVerified: true });
    const { started, callback } = await roundTrip("sub-jon");
    const internal = new URL(`http://127.0.0.1:3000${OIDC_CALLBACK_PATH}${callback.search}`);
    expect((await client.finish(internal, started.cookieValue)).claims.subject).toBe("sub-jon");
  });

  it("only returns to paths on this site", async () => {
    expect(safeReturnTo("/demo?x=1")).toBe("/demo?x=1");
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "demo",
      "",
      undefined,
      7,
    ]) {
      expect(safeReturnTo(bad)).toBe("/");
    }
    provider.accounts.set("sub-ida", { email: "ida@example.se", emailVerified: true });
    const { started, callback } = await roundTrip("sub-ida", "//evil.example/x");
    expect((await client.finish(callback, started.cookieValue)).returnTo).toBe("/");
    // even a cookie sealed with a foreign target is held to the same rule
    const c = await roundTrip("sub-ida");
    const forged = reseal(c.started.cookieValue, { returnTo: "//evil.example/x" });
    expect((await client.finish(c.callback, forged)).returnTo).toBe("/");
  });

  it("refuses to start against a plain-http issuer unless told to allow it", async () => {
    await expect(
      createOidcClient(
        {
          issuer: provider.issuer,
          clientId: TEST_CLIENT_ID,
          clientSecret: TEST_CLIENT_SECRET,
          label: "x",
          allowHttp: false,
        },
        BASE_URL,
        secrets,
      ),
    ).rejects.toThrow(/https/);
  });
});

/** The technical reason behind a refusal, after checking the person sees the expected message. */
async function refusal(
  finishing: Promise<unknown>,
  message = OIDC_FAILED_MESSAGE,
): Promise<string> {
  const error = await finishing.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error("expected finish to be refused");
  expect(error.message).toBe(message);
  return describeCause(error.cause);
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const body = (cause as { error?: unknown }).error;
  return [cause.message, typeof body === "string" ? body : "", describeCause(cause.cause)].join(
    " | ",
  );
}

async function readSessionsOf(userId: string) {
  const [row] = await testDb.db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  return row?.n ?? 0;
}
