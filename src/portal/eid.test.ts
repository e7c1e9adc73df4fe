// Signing in to the portal with e-ID end to end: openid-client against real oidc-provider brokers
// on localhost (one per association, each with its own client and personnummer claim), a
// fetch-driven "browser" through the broker, the register's look-up hash and the portal account
// on Postgres. The settings' validation, versions and sealed secret are checked on the way.
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { browseToCallback } from "../../tests/support/oidc-provider.ts";
import { auditEvents } from "../audit/schema.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import { createSecrets, type Secrets } from "../platform/secrets.ts";
import {
  personalNumber,
  type RegisterFixture,
  registerFixture,
} from "../register/register-fixture.ts";
import type { RegisterAccess } from "../register/scope.ts";
import { sessions } from "../sign-in/schema.ts";
import { readSession } from "../sign-in/sessions.ts";
import {
  checkEidConnection,
  EID_CALLBACK_PATH,
  type EidFinish,
  type EidSettingsInput,
  finishEidSignIn,
  getEidSettings,
  saveEidSettings,
  startEidSignIn,
} from "./eid.ts";
import { addParticipant, type Broker, startBroker } from "./eid-broker-fixture.ts";
import { portalAccounts, portalEidSettings, portalSignIns } from "./schema.ts";

const BASE_URL = "http://samspar.test";
const REDIRECT_URI = `${BASE_URL}${EID_CALLBACK_PATH}`;
const TODAY = "2026-11-23";
const context = { ip: "127.0.0.1", userAgent: "vitest", requestId: "req-eid" };
const staff = { userId: null, label: "kansliet@example.se" };

const SECRET_A = "broker-a-secret-that-is-long-enough-0123456789";
const SECRET_B = "broker-b-secret-that-is-long-enough-9876543210";

// ── The world ───────────────────────────────────────────────────────────────────────────────

let t: TestDatabase;
let a: RegisterFixture;
let b: RegisterFixture;
let tierpA: RegisterAccess;
let tierpB: RegisterAccess;
let brokerA: Broker;
let brokerB: Broker;
let secrets: Secrets;
let deps: { secrets: Secrets; baseUrl: string; crypto: RegisterFixture["crypto"]; today: string };
let depsB: typeof deps;

const settingsA = (over: Partial<EidSettingsInput> = {}): EidSettingsInput => ({
  enabled: true,
  issuer: brokerA.issuer,
  clientId: brokerA.clientId,
  clientSecret: SECRET_A,
  personalNumberClaim: "",
  label: "",
  ...over,
});

beforeAll(async () => {
  t = await createTestDatabase();
  a = await registerFixture(t.db, "eid-a");
  b = await registerFixture(t.db, "eid-b");
  tierpA = await a.access(a.officers.tierp);
  tierpB = await b.access(b.officers.tierp);
  secrets = createSecrets(randomBytes(32));
  deps = { secrets, baseUrl: BASE_URL, crypto: a.crypto, today: TODAY };
  depsB = { ...deps, crypto: b.crypto };
  brokerA = await startBroker({
    redirectUri: REDIRECT_URI,
    clientId: "samspar-a",
    clientSecret: SECRET_A,
    claim: "personal_number",
    claimsParameter: true,
  });
  brokerB = await startBroker({
    redirectUri: REDIRECT_URI,
    clientId: "samspar-b",
    clientSecret: SECRET_B,
    claim: "ssn",
    claimsParameter: false,
  });
  await saveEidSettings(t.db, secrets, staff, "Eva Ek", a.associationId, 0, settingsA());
  await saveEidSettings(t.db, secrets, staff, "Eva Ek", b.associationId, 0, {
    enabled: true,
    issuer: brokerB.issuer,
    clientId: brokerB.clientId,
    clientSecret: SECRET_B,
    personalNumberClaim: "ssn",
    label: "Freja eID",
  });
});

afterAll(async () => {
  await brokerA?.stop();
  await brokerB?.stop();
  await t?.drop();
});

/** A participant with identity in A's or B's register (Tierp), optionally with a portal account. */
const participant = (
  f: RegisterFixture,
  access: RegisterAccess,
  number: string,
  withAccount: boolean,
) => addParticipant(t.db, f.crypto, f, access, number, withAccount, TODAY);

async function start(associationId: string, returnTo?: string) {
  const started = await startEidSignIn(t.db, deps, associationId, returnTo);
  if (started.kind !== "redirect") throw new Error("e-ID is off");
  return started;
}

/** Signs in at `broker` as `subject` for the association and returns where it sends the browser. */
async function roundTrip(broker: Broker, associationId: string, subject: string) {
  broker.signInAs(subject);
  const started = await start(associationId);
  const callback = await browseToCallback(started.url, REDIRECT_URI);
  return { started, callback };
}

/** Re-seals the state cookie with some fields changed, as only someone with the key could. */
const reseal = (cookieValue: string, change: Record<string, unknown>) =>
  secrets.seal(JSON.stringify({ ...JSON.parse(secrets.open(cookieValue)), ...change }));

async function sessionCount() {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(sessions);
  return row?.n ?? 0;
}

const refusedWith = (result: EidFinish) =>
  result.kind === "refused" ? result.reason : result.kind;

async function allAudit() {
  return t.owner.db.select().from(auditEvents).orderBy(auditEvents.seq);
}

// ── The tests ───────────────────────────────────────────────────────────────────────────────

describe("signing in to the portal with e-ID", () => {
  it("asks the association's broker with PKCE S256, state, nonce and the personnummer claim", async () => {
    const { url } = await start(a.associationId);
    const params = new URL(url).searchParams;
    expect(url.startsWith(`${brokerA.issuer}/`)).toBe(true);
    expect(params.get("client_id")).toBe("samspar-a");
    expect(params.get("redirect_uri")).toBe(REDIRECT_URI);
    expect(params.get("response_type")).toBe("code");
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(params.get("state")).toMatch(/^[\w-]{20,}$/);
    expect(params.get("nonce")).toMatch(/^[\w-]{20,}$/);
    expect(JSON.parse(params.get("claims") ?? "{}")).toEqual({
      id_token: { personal_number: { essential: true } },
      userinfo: { personal_number: { essential: true } },
    });
    expect(params.get("scope")).toBe("openid profile");
    const other = new URL((await start(a.associationId)).url).searchParams;
    expect(other.get("state")).not.toBe(params.get("state"));
    expect(other.get("nonce")).not.toBe(params.get("nonce"));
  });

  it("opens a portal session for a participant with an account, and counts the sign-in", async () => {
    const number = personalNumber("19900315", "238");
    const lisa = await participant(a, tierpA, number, true);
    // brokers write the number in twelve digits without a dash
    brokerA.numbers.set("sub-lisa", number.replace("-", ""));
    const { started, callback } = await roundTrip(brokerA, a.associationId, "sub-lisa");
    expect(started.cookieValue).not.toContain(number.slice(0, 8));

    const result = await finishEidSignIn(t.db, deps, callback, started.cookieValue, context);
    if (result.kind !== "signed-in")
      throw new Error(`expected signed-in, got ${refusedWith(result)}`);
    expect(result.returnTo).toBe("/portal");
    expect(result.account).toMatchObject({
      userId: lisa.userId,
      participantId: lisa.participantId,
    });
    const lookup = await readSession(t.db, result.token);
    expect(lookup.state).toBe("active");
    if (lookup.state !== "active") return;
    expect(lookup.session).toMatchObject({ userId: lisa.userId, method: "eid" });

    const signIns = await t.owner.db
      .select()
      .from(portalSignIns)
      .where(eq(portalSignIns.participantId, lisa.participantId));
    expect(signIns.map((s) => [s.method, s.initiativeId])).toEqual([
      ["e-legitimation", a.tierp.initiative],
    ]);
    const audit = (await allAudit()).filter((e) => e.actorUserId === lisa.userId);
    expect(audit.map((e) => [e.action, e.details])).toEqual([
      ["sign_in.succeeded", { method: "eid", portal: true }],
    ]);
    // the number is nowhere in the audit log, in no form
    const everything = JSON.stringify(await allAudit());
    expect(everything).not.toContain(number.replace("-", ""));
    expect(everything).not.toContain(number.slice(2));
  });

  it("refuses a person with a valid number but no portal account, without a session", async () => {
    const number = personalNumber("19850101", "123");
    await participant(a, tierpA, number, false);
    brokerA.numbers.set("sub-utan-konto", number);
    // and someone the register does not know at all
    brokerA.numbers.set("sub-okand", personalNumber("19700707", "777").replace("-", ""));
    const before = await sessionCount();
    for (const subject of ["sub-utan-konto", "sub-okand"]) {
      const { started, callback } = await roundTrip(brokerA, a.associationId, subject);
      expect(
        refusedWith(await finishEidSignIn(t.db, deps, callback, started.cookieValue, context)),
      ).toBe("inget-konto");
    }
    expect(await sessionCount()).toBe(before);
    const refusals = (await allAudit()).filter(
      (e) => e.action === "sign_in.failed" && e.details.reason === "inget-konto",
    );
    expect(refusals).toHaveLength(2);
    expect(refusals[0]).toMatchObject({ associationId: a.associationId, actorUserId: null });
    expect(JSON.stringify(refusals)).not.toContain("19850101");
  });

  it("refuses a closed portal account", async () => {
    const number = personalNumber("19920202", "456");
    const closed = await participant(a, tierpA, number, true);
    await t.owner.db
      .update(portalAccounts)
      .set({ closedAt: new Date() })
      .where(eq(portalAccounts.userId, closed.userId as string));
    brokerA.numbers.set("sub-stangd", number);
    const { started, callback } = await roundTrip(brokerA, a.associationId, "sub-stangd");
    expect(
      refusedWith(await finishEidSignIn(t.db, deps, callback, started.cookieValue, context)),
    ).toBe("inget-konto");
  });

  it("refuses a tampered state, a wrong nonce or verifier, a missing or expired cookie", async () => {
    const number = personalNumber("19950505", "321");
    await participant(a, tierpA, number, true);
    brokerA.numbers.set("sub-olle", number);
    const finish = (callback: URL, cookie: string | undefined) =>
      finishEidSignIn(t.db, deps, callback, cookie, context);

    const { started, callback } = await roundTrip(brokerA, a.associationId, "sub-olle");
    const tampered = new URL(callback);
    tampered.searchParams.set("state", "something-else");
    const wrongState = await finish(tampered, started.cookieValue);
    expect(wrongState).toMatchObject({ kind: "refused", reason: "misslyckades" });
    expect(wrongState.kind === "refused" && wrongState.cause).toMatch(/state/);
    expect(refusedWith(await finish(callback, undefined))).toBe("misslyckades");
    expect(refusedWith(await finish(callback, "not-a-cookie"))).toBe("misslyckades");
    const foreign = createSecrets(randomBytes(32)).seal(secrets.open(started.cookieValue));
    expect(refusedWith(await finish(callback, foreign))).toBe("misslyckades");
    const old = reseal(started.cookieValue, { createdAt: Date.now() - 11 * 60 * 1000 });
    expect(refusedWith(await finish(callback, old))).toBe("for-lang-tid");
    // none of the refusals spent the code: the genuine pair still works, once
    expect((await finish(callback, started.cookieValue)).kind).toBe("signed-in");
    expect(refusedWith(await finish(callback, started.cookieValue))).toBe("misslyckades");

    const second = await roundTrip(brokerA, a.associationId, "sub-olle");
    const wrongNonce = await finish(
      second.callback,
      reseal(second.started.cookieValue, { nonce: "not-the-nonce" }),
    );
    expect(wrongNonce.kind === "refused" && wrongNonce.cause).toMatch(/nonce/);
    // the cause is for the log: it must not carry the ID token's claims
    expect(wrongNonce.kind === "refused" && wrongNonce.cause).not.toContain("19950505");

    const third = await roundTrip(brokerA, a.associationId, "sub-olle");
    const wrongVerifier = await finish(
      third.callback,
      reseal(third.started.cookieValue, { verifier: "x".repeat(43) }),
    );
    expect(wrongVerifier).toMatchObject({ kind: "refused", reason: "misslyckades" });

    // the person stopped at the broker
    const stopped = await start(a.associationId);
    const cancelled = new URL(REDIRECT_URI);
    cancelled.searchParams.set("error", "access_denied");
    cancelled.searchParams.set("state", new URL(stopped.url).searchParams.get("state") ?? "");
    expect(refusedWith(await finish(cancelled, stopped.cookieValue))).toBe("avbruten");
  });

  it("refuses a claim that is not a valid personnummer, or no claim at all", async () => {
    const valid = personalNumber("19880808", "888");
    await participant(a, tierpA, valid, true);
    const wrongCheck = `${valid.slice(0, -1)}${(Number(valid.slice(-1)) + 1) % 10}`;
    for (const [subject, value, part] of [
      ["sub-luhn", wrongCheck, "checksum"],
      ["sub-text", "inte ett nummer", "format"],
      ["sub-datum", "19881308-8888", "date"],
    ] as const) {
      brokerA.numbers.set(subject, value);
      const { started, callback } = await roundTrip(brokerA, a.associationId, subject);
      const result = await finishEidSignIn(t.db, deps, callback, started.cookieValue, context);
      expect(result).toMatchObject({ kind: "refused", reason: "misslyckades" });
      expect(result.kind === "refused" && result.cause).toContain(`(${part})`);
      expect(result.kind === "refused" && result.cause).not.toContain("1988");
    }
    brokerA.numbers.set("sub-utan", undefined);
    const { started, callback } = await roundTrip(brokerA, a.associationId, "sub-utan");
    const missing = await finishEidSignIn(t.db, deps, callback, started.cookieValue, context);
    expect(missing.kind === "refused" && missing.cause).toMatch(/no claim "personal_number"/);
  });

  it("keeps each association's broker, claim and accounts to itself", async () => {
    // B's broker releases "ssn" through UserInfo only
    const number = personalNumber("19910101", "246");
    const bea = await participant(b, tierpB, number, true);
    brokerB.numbers.set("sub-bea", number);
    brokerB.signInAs("sub-bea");
    const startedB = await startEidSignIn(t.db, depsB, b.associationId);
    if (startedB.kind !== "redirect") throw new Error("B is off");
    expect(startedB.url.startsWith(`${brokerB.issuer}/`)).toBe(true);
    expect(new URL(startedB.url).searchParams.get("client_id")).toBe("samspar-b");
    const callbackB = await browseToCallback(startedB.url, REDIRECT_URI);
    const signedIn = await finishEidSignIn(t.db, depsB, callbackB, startedB.cookieValue, context);
    expect(signedIn.kind === "signed-in" && signedIn.account.userId).toBe(bea.userId);

    // Bea's number at A's broker finds nothing: her account is in B
    brokerA.numbers.set("sub-bea-a", number);
    const atA = await roundTrip(brokerA, a.associationId, "sub-bea-a");
    expect(
      refusedWith(
        await finishEidSignIn(t.db, depsB, atA.callback, atA.started.cookieValue, context),
      ),
    ).toBe("inget-konto");

    // a code from A's broker cannot be finished as B's sign-in
    const lisaNumber = personalNumber("19900315", "238");
    brokerA.numbers.set("sub-lisa-2", lisaNumber);
    const crossed = await roundTrip(brokerA, a.associationId, "sub-lisa-2");
    const asB = reseal(crossed.started.cookieValue, { associationId: b.associationId });
    expect(refusedWith(await finishEidSignIn(t.db, deps, crossed.callback, asB, context))).toBe(
      "misslyckades",
    );

    // B turns e-ID off: B's sign-ins stop, A's go on
    const current = await getEidSettings(t.db, b.associationId);
    await saveEidSettings(t.db, secrets, staff, "Eva Ek", b.associationId, current?.version ?? 0, {
      enabled: false,
      issuer: brokerB.issuer,
      clientId: brokerB.clientId,
      clientSecret: "",
      personalNumberClaim: "ssn",
      label: "Freja eID",
    });
    expect((await startEidSignIn(t.db, depsB, b.associationId)).kind).toBe("off");
    expect((await startEidSignIn(t.db, deps, a.associationId)).kind).toBe("redirect");
    // an association that never configured e-ID
    const none = await registerFixture(t.db, "eid-c");
    expect((await startEidSignIn(t.db, deps, none.associationId)).kind).toBe("off");
  });
});

describe("the association's e-ID settings", () => {
  it("validates in Swedish and writes nothing on refusal", async () => {
    const c = await registerFixture(t.db, "eid-d");
    const refused = async (input: EidSettingsInput) => {
      const error = await saveEidSettings(
        t.db,
        secrets,
        staff,
        "Eva",
        c.associationId,
        0,
        input,
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!(error instanceof ValidationError)) throw new Error("expected a ValidationError");
      return error.fields;
    };
    expect(await refused(settingsA({ issuer: "http://eid.example.se" }))).toEqual({
      issuer: expect.stringMatching(/https:\/\//),
    });
    expect(await refused(settingsA({ issuer: "eid.example.se" }))).toEqual({
      issuer: expect.stringMatching(/hel webbadress/),
    });
    expect(
      await refused(
        settingsA({ clientId: " ", clientSecret: "", personalNumberClaim: "person nummer" }),
      ),
    ).toEqual({
      clientId: expect.stringMatching(/klient-id/),
      clientSecret: expect.stringMatching(/klienthemligheten/),
      personalNumberClaim: expect.stringMatching(/claim/),
    });
    expect(await refused(settingsA({ scopes: 'openid "nin"' }))).toEqual({
      scopes: expect.stringMatching(/scope/),
    });
    expect(await getEidSettings(t.db, c.associationId)).toBeUndefined();
    // a broker that releases the number under a scope of its own: asked for it, openid added
    const scoped = await saveEidSettings(t.db, secrets, staff, "Eva", c.associationId, 0, {
      ...settingsA(),
      scopes: "  nin  profile nin",
    });
    expect(scoped.scopes).toBe("openid nin profile");
    await saveEidSettings(t.db, secrets, staff, "Eva", c.associationId, scoped.version, {
      ...settingsA(),
      clientSecret: "",
      scopes: "",
    }).then((reset) => expect(reset.scopes).toBe("openid profile"));
    await t.db
      .delete(portalEidSettings)
      .where(eq(portalEidSettings.associationId, c.associationId));
    // https and a local http issuer are both fine; the defaults fill empty fields
    const saved = await saveEidSettings(t.db, secrets, staff, "Eva", c.associationId, 0, {
      ...settingsA(),
      issuer: "https://eid.example.se",
      enabled: false,
    });
    expect(saved).toMatchObject({
      version: 1,
      personalNumberClaim: "personal_number",
      label: "BankID",
    });
    await expect(
      saveEidSettings(t.db, secrets, staff, "Eva", c.associationId, 0, settingsA()),
    ).rejects.toBeInstanceOf(ConflictError);
    const local = await saveEidSettings(t.db, secrets, staff, "Eva", c.associationId, 1, {
      ...settingsA(),
      issuer: "http://localhost:8080/broker",
      clientSecret: "",
    });
    expect(local).toMatchObject({ version: 2, issuer: "http://localhost:8080/broker" });
  });

  it("seals the secret, keeps it when left empty, and never writes it to the audit log", async () => {
    const before = await getEidSettings(t.db, a.associationId);
    if (!before) throw new Error("no settings");
    const [row] = await t.db
      .select()
      .from(portalEidSettings)
      .where(eq(portalEidSettings.associationId, a.associationId));
    expect(row?.clientSecretSealed).not.toContain(SECRET_A);
    expect(secrets.open(row?.clientSecretSealed ?? "")).toBe(SECRET_A);
    expect(JSON.stringify(before)).not.toContain(SECRET_A);

    // a new label, the secret left empty: the secret stays and sign-in still works
    const kept = await saveEidSettings(
      t.db,
      secrets,
      staff,
      "Eva Ek",
      a.associationId,
      before.version,
      {
        ...settingsA({ clientSecret: "", label: "BankID eller Freja" }),
      },
    );
    expect(kept.version).toBe(before.version + 1);
    const number = personalNumber("19930303", "135");
    await participant(a, tierpA, number, true);
    brokerA.numbers.set("sub-kvar", number);
    const { started, callback } = await roundTrip(brokerA, a.associationId, "sub-kvar");
    expect((await finishEidSignIn(t.db, deps, callback, started.cookieValue, context)).kind).toBe(
      "signed-in",
    );

    // a wrong secret: a new version, a new client, and the broker refuses the code exchange
    await saveEidSettings(t.db, secrets, staff, "Eva Ek", a.associationId, kept.version, {
      ...settingsA({ clientSecret: "fel-hemlighet" }),
    });
    const wrong = await roundTrip(brokerA, a.associationId, "sub-kvar");
    expect(
      refusedWith(
        await finishEidSignIn(t.db, deps, wrong.callback, wrong.started.cookieValue, context),
      ),
    ).toBe("misslyckades");

    const events = (await allAudit()).filter(
      (e) => e.action.startsWith("portal_eid_settings.") && e.associationId === a.associationId,
    );
    expect(events.map((e) => [e.action, e.details.secretChanged])).toEqual([
      ["portal_eid_settings.created", true],
      ["portal_eid_settings.updated", false],
      ["portal_eid_settings.updated", true],
    ]);
    const everything = JSON.stringify(await allAudit());
    for (const secret of [SECRET_A, SECRET_B, "fel-hemlighet"])
      expect(everything).not.toContain(secret);
  });

  it("tells staff whether the broker answers", async () => {
    expect(await checkEidConnection(t.db, secrets, a.associationId, BASE_URL)).toEqual({
      ok: true,
      issuer: brokerA.issuer,
    });
    const c = await registerFixture(t.db, "eid-e");
    expect(await checkEidConnection(t.db, secrets, c.associationId, BASE_URL)).toMatchObject({
      ok: false,
    });
    await saveEidSettings(t.db, secrets, staff, "Eva", c.associationId, 0, {
      ...settingsA(),
      issuer: "http://127.0.0.1:9/ingen-tjanst",
    });
    expect(await checkEidConnection(t.db, secrets, c.associationId, BASE_URL)).toMatchObject({
      ok: false,
      message: expect.any(String),
    });
  });
});
