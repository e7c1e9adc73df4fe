// Signing in to the participant portal with Swedish e-ID (BankID, Freja…) through an OpenID
// Connect broker that the association has an agreement with. Each association configures its own
// broker (issuer, client, the claim that carries the personnummer); the client secret is sealed
// with the application's key (platform/secrets.ts) and never leaves this module in plain text.
//
// The round trip is the staff sign-in's (src/sign-in/oidc-client.ts): authorization code flow
// with PKCE S256, state and nonce, everything between the two steps in a sealed, short-lived
// cookie. The broker's personnummer is read with the register's own parser, turned into the
// register's keyed look-up hash and matched against the open portal accounts of the association
// (register.portal_user_by_identity). Nobody is created here, and the personnummer is neither
// stored nor logged: refusals name a reason, technical causes name no claim values.
import { eq, sql } from "drizzle-orm";
import * as oidc from "openid-client";
import { todayInSweden } from "../applications/workflow.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Db, Queryable } from "../platform/database/connect.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import { safeReturnTo } from "../platform/http/return-to.ts";
import type { Secrets } from "../platform/secrets.ts";
import type { RegisterCrypto } from "../register/crypto.ts";
import { parsePersonalNumber } from "../register/identity.ts";
import { inRegister } from "../register/zone.ts";
import type { PortalAccount } from "./accounts.ts";
import { portalEidSettings } from "./schema.ts";
import { openPortalSession, type PortalSignInContext } from "./sign-in.ts";

/** Where the broker sends the browser back; the redirect URI to register at the broker. */
export const EID_CALLBACK_PATH = "/portal/logga-in/e-legitimation-retur";

/** The sealed state between start and return. SameSite=Lax: the return is a cross-site navigation. */
export const EID_COOKIE = "__Host-samspar_eid";

/** How long a started e-ID sign-in may take at the broker. */
export const EID_MAX_AGE_MS = 10 * 60 * 1000;

export const DEFAULT_PERSONAL_NUMBER_CLAIM = "personal_number";
export const DEFAULT_EID_LABEL = "BankID";

/**
 * Why a sign-in did not happen, as the sign-in page's `?eid=` parameter. Each has the
 * participant's text `portal.eid.reason.<reason>` (src/portal/messages/eid.*.ts).
 */
export const EID_REASONS = [
  "avstangd",
  "misslyckades",
  "for-lang-tid",
  "avbruten",
  "inget-konto",
] as const;
export type EidReason = (typeof EID_REASONS)[number];

export const isEidReason = (value: unknown): value is EidReason =>
  typeof value === "string" && (EID_REASONS as readonly string[]).includes(value);

/** The redirect URI of an installation. */
export const eidRedirectUri = (baseUrl: string) =>
  `${baseUrl.replace(/\/+$/, "")}${EID_CALLBACK_PATH}`;

// ── Settings ────────────────────────────────────────────────────────────────────────────────

/** What the staff page shows: everything but the secret, which is only said to exist. */
export interface EidSettingsView {
  associationId: string;
  enabled: boolean;
  issuer: string;
  clientId: string;
  hasSecret: true;
  personalNumberClaim: string;
  scopes: string;
  label: string;
  updatedByName: string;
  updatedAt: Date;
  version: number;
}

export interface EidSettingsInput {
  enabled: boolean;
  issuer: string;
  clientId: string;
  /** Empty: keep the stored secret (required the first time). */
  clientSecret: string;
  /** Empty: "personal_number". */
  personalNumberClaim: string;
  /** Space-separated; empty: "openid profile". "openid" is added when missing. */
  scopes?: string;
  /** Empty: "BankID". */
  label: string;
}

type SettingsRow = typeof portalEidSettings.$inferSelect;

function view(row: SettingsRow): EidSettingsView {
  return {
    associationId: row.associationId,
    enabled: row.enabled,
    issuer: row.issuer,
    clientId: row.clientId,
    hasSecret: true,
    personalNumberClaim: row.personalNumberClaim,
    scopes: row.scopes,
    label: row.label,
    updatedByName: row.updatedByName,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

async function settingsRow(q: Queryable, associationId: string): Promise<SettingsRow | undefined> {
  const [row] = await q
    .select()
    .from(portalEidSettings)
    .where(eq(portalEidSettings.associationId, associationId));
  return row;
}

/** The association's e-ID settings, without the secret; undefined before the first save. */
export async function getEidSettings(
  q: Queryable,
  associationId: string,
): Promise<EidSettingsView | undefined> {
  const row = await settingsRow(q, associationId);
  return row ? view(row) : undefined;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https, or plain http on this machine only (a local provider in tests and development). */
export function issuerProblem(issuer: string): string | undefined {
  if (!issuer) return "Fyll i utfärdarens adress (issuer), till exempel https://eid.example.se.";
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return "Utfärdarens adress ska vara en hel webbadress som börjar med https://, till exempel https://eid.example.se.";
  }
  const local = url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !local)
    return "Utfärdarens adress måste börja med https:// (http går bara för localhost vid test).";
  if (url.username || url.password)
    return "Utfärdarens adress får inte innehålla användarnamn eller lösenord.";
  if (url.search || url.hash)
    return "Utfärdarens adress får inte ha något efter ? eller #. Skriv den som e-legitimationstjänsten anger den.";
  if (issuer.length > 500) return "Utfärdarens adress får ha högst 500 tecken.";
  return undefined;
}

/** Claim names are words or URIs ("personal_number", "https://…/personalIdentityNumber"). */
const CLAIM_NAME = /^[A-Za-z0-9_.:/#-]{1,200}$/;
/** A scope token (RFC 6749 §3.3): printable ASCII without space, quote or backslash. */
const SCOPE_NAME = /^[\x21\x23-\x5b\x5d-\x7e]{1,100}$/;

/**
 * Saves the association's e-ID settings. `expectedVersion` is 0 before the first save. The
 * secret is sealed; the audit event says whether it changed, never what it is.
 */
export async function saveEidSettings(
  q: Queryable,
  secrets: Secrets,
  actor: AuditActor,
  byName: string,
  associationId: string,
  expectedVersion: number,
  input: EidSettingsInput,
): Promise<EidSettingsView> {
  const issuer = input.issuer.trim();
  const clientId = input.clientId.trim();
  const clientSecret = input.clientSecret.trim();
  const claim = input.personalNumberClaim.trim() || DEFAULT_PERSONAL_NUMBER_CLAIM;
  const label = input.label.trim() || DEFAULT_EID_LABEL;
  const scopeList = (input.scopes ?? "").trim().split(/\s+/).filter(Boolean);
  const scopes = [...new Set(["openid", ...(scopeList.length ? scopeList : ["profile"])])].join(
    " ",
  );
  const problems: Record<string, string> = {};
  if (scopeList.some((scope) => !SCOPE_NAME.test(scope)) || scopes.length > 300)
    problems.scopes =
      "Skriv de scope som ska begäras åtskilda med mellanslag, till exempel openid profile (högst 300 tecken, inga citattecken).";
  const issuerIssue = issuerProblem(issuer);
  if (issuerIssue) problems.issuer = issuerIssue;
  if (!clientId)
    problems.clientId = "Fyll i klient-id (client id) som e-legitimationstjänsten gav er.";
  else if (clientId.length > 200) problems.clientId = "Klient-id får ha högst 200 tecken.";
  if (clientSecret.length > 1000)
    problems.clientSecret = "Klienthemligheten får ha högst 1 000 tecken.";
  if (!CLAIM_NAME.test(claim))
    problems.personalNumberClaim =
      "Skriv namnet på det fält (claim) som har personnumret, utan mellanslag, till exempel personal_number.";
  if (label.length > 40) problems.label = "Knappens text får ha högst 40 tecken.";

  return q.transaction(async (tx) => {
    const current = (
      await tx
        .select()
        .from(portalEidSettings)
        .where(eq(portalEidSettings.associationId, associationId))
        .for("update")
    )[0];
    if (!current && !clientSecret && !problems.clientSecret)
      problems.clientSecret =
        "Fyll i klienthemligheten (client secret) som e-legitimationstjänsten gav er.";
    if (Object.keys(problems).length) throw new ValidationError(problems);
    if ((current?.version ?? 0) !== expectedVersion)
      throw new ConflictError(
        "Någon annan har ändrat inställningarna för e-legitimation medan du arbetade. Ladda om sidan och gör om dina ändringar.",
      );
    const values = {
      enabled: input.enabled,
      issuer,
      clientId,
      clientSecretSealed: clientSecret
        ? secrets.seal(clientSecret)
        : (current?.clientSecretSealed as string),
      personalNumberClaim: claim,
      scopes,
      label,
      updatedByName: byName,
      updatedAt: new Date(),
    };
    const [saved] = current
      ? await tx
          .update(portalEidSettings)
          .set({ ...values, version: current.version + 1 })
          .where(eq(portalEidSettings.associationId, associationId))
          .returning()
      : await tx
          .insert(portalEidSettings)
          .values({ associationId, ...values, version: 1 })
          .returning();
    if (!saved) throw new Error("the e-ID settings were not saved");
    await recordAuditEvent(tx, actor, {
      action: current ? "portal_eid_settings.updated" : "portal_eid_settings.created",
      associationId,
      targetType: "association",
      targetId: associationId,
      details: {
        enabled: saved.enabled,
        issuer: saved.issuer,
        clientId: saved.clientId,
        personalNumberClaim: saved.personalNumberClaim,
        scopes: saved.scopes,
        label: saved.label,
        secretChanged: clientSecret !== "",
      },
    });
    return view(saved);
  });
}

// ── The broker ──────────────────────────────────────────────────────────────────────────────

/** One discovered client per association and settings version; a new version discovers again. */
const clients = new Map<string, Promise<oidc.Configuration>>();

function allowHttpFor(issuer: URL): boolean {
  return issuer.protocol === "http:" && LOCAL_HOSTS.has(issuer.hostname);
}

async function discover(
  row: SettingsRow,
  secrets: Secrets,
  redirectUri: string,
): Promise<oidc.Configuration> {
  const issuer = new URL(row.issuer);
  const secret = secrets.open(row.clientSecretSealed);
  const metadata = { client_secret: secret, redirect_uris: [redirectUri] };
  const http = allowHttpFor(issuer);
  let config = await oidc.discovery(
    issuer,
    row.clientId,
    metadata,
    oidc.ClientSecretBasic(secret),
    http ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
  // client_secret_basic is the default; a broker that only takes the secret in the body says so
  const methods = config.serverMetadata().token_endpoint_auth_methods_supported;
  if (
    methods &&
    !methods.includes("client_secret_basic") &&
    methods.includes("client_secret_post")
  ) {
    config = new oidc.Configuration(
      config.serverMetadata(),
      row.clientId,
      metadata,
      oidc.ClientSecretPost(secret),
    );
    if (http) oidc.allowInsecureRequests(config);
  }
  return config;
}

function clientFor(row: SettingsRow, secrets: Secrets, redirectUri: string) {
  const key = `${row.associationId}\u0000${row.version}\u0000${redirectUri}`;
  let client = clients.get(key);
  if (!client) {
    for (const old of clients.keys())
      if (old.startsWith(`${row.associationId}\u0000`)) clients.delete(old);
    client = discover(row, secrets, redirectUri);
    // a broker that did not answer is asked again next time
    client.catch(() => clients.delete(key));
    clients.set(key, client);
  }
  return client;
}

/**
 * Checks that the association's broker answers with a usable discovery document (the staff
 * page's "Testa anslutningen"). The message is for staff; it names no secret.
 */
export async function checkEidConnection(
  q: Queryable,
  secrets: Secrets,
  associationId: string,
  baseUrl: string,
): Promise<{ ok: true; issuer: string } | { ok: false; message: string }> {
  const row = await settingsRow(q, associationId);
  if (!row) return { ok: false, message: "Spara inställningarna först." };
  try {
    // asked afresh, not from the cache: the point is whether the broker answers now
    const config = await discover(row, secrets, eidRedirectUri(baseUrl));
    return { ok: true, issuer: config.serverMetadata().issuer };
  } catch (error) {
    return { ok: false, message: describeFailure(error) };
  }
}

/**
 * A technical cause as one line for the log: the messages and error codes of the chain, never
 * the objects openid-client attaches (they can hold the ID token's claims, personnummer included).
 */
export function describeFailure(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (!(current instanceof Error)) break;
    const e = current as Error & { code?: unknown; error?: unknown; error_description?: unknown };
    parts.push(
      [
        e.message,
        typeof e.code === "string" ? `(${e.code})` : "",
        typeof e.error === "string" ? e.error : "",
        typeof e.error_description === "string" ? e.error_description : "",
      ]
        .filter(Boolean)
        .join(" "),
    );
    current = e.cause;
  }
  return parts.join(" ← ") || String(error);
}

interface PendingEidSignIn {
  state: string;
  nonce: string;
  verifier: string;
  associationId: string;
  returnTo: string;
  createdAt: number;
}

export interface EidDeps {
  secrets: Secrets;
  baseUrl: string;
}

export type EidStart = { kind: "redirect"; url: string; cookieValue: string } | { kind: "off" };

/**
 * Starts e-ID sign-in for an association: the broker's authorization URL and the sealed cookie.
 * `off` when the association has no e-ID or has turned it off. A broker that cannot be reached
 * throws (the page logs it and says the sign-in failed).
 */
export async function startEidSignIn(
  q: Queryable,
  deps: EidDeps,
  associationId: string,
  returnTo = "/portal",
): Promise<EidStart> {
  const row = await settingsRow(q, associationId);
  if (!row?.enabled) return { kind: "off" };
  const redirectUri = eidRedirectUri(deps.baseUrl);
  const config = await clientFor(row, deps.secrets, redirectUri);
  const pending: PendingEidSignIn = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    associationId,
    returnTo: portalReturnTo(returnTo),
    createdAt: Date.now(),
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: row.scopes,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: "S256",
    // the standard way to ask for one claim; brokers that release it by scope ignore it
    claims: JSON.stringify({
      id_token: { [row.personalNumberClaim]: { essential: true } },
      userinfo: { [row.personalNumberClaim]: { essential: true } },
    }),
  });
  return {
    kind: "redirect",
    url: url.href,
    cookieValue: deps.secrets.seal(JSON.stringify(pending)),
  };
}

/** Only pages of the portal: anything else goes to the portal's start page. */
function portalReturnTo(value: unknown): string {
  const path = safeReturnTo(value);
  return path === "/portal" || path.startsWith("/portal/") || path.startsWith("/portal?")
    ? path
    : "/portal";
}

export type EidFinish =
  | { kind: "signed-in"; token: string; account: PortalAccount; returnTo: string }
  | { kind: "refused"; reason: EidReason; cause?: string };

class EidRefusal extends Error {
  readonly reason: EidReason;
  constructor(reason: EidReason, cause: string) {
    super(cause);
    this.reason = reason;
  }
}

function readPending(secrets: Secrets, cookieValue: string | undefined): PendingEidSignIn {
  if (!cookieValue) throw new EidRefusal("misslyckades", "the e-ID cookie is missing");
  let pending: Partial<PendingEidSignIn>;
  try {
    pending = JSON.parse(secrets.open(cookieValue)) as Partial<PendingEidSignIn>;
  } catch (error) {
    throw new EidRefusal(
      "misslyckades",
      `the e-ID cookie cannot be opened: ${describeFailure(error)}`,
    );
  }
  const { state, nonce, verifier, associationId, returnTo, createdAt } = pending;
  if (
    typeof state !== "string" ||
    typeof nonce !== "string" ||
    typeof verifier !== "string" ||
    typeof associationId !== "string" ||
    typeof createdAt !== "number"
  )
    throw new EidRefusal("misslyckades", "the e-ID cookie lacks fields");
  const age = Date.now() - createdAt;
  if (age < 0 || age > EID_MAX_AGE_MS)
    throw new EidRefusal("for-lang-tid", `the e-ID cookie is ${Math.round(age / 1000)} s old`);
  return { state, nonce, verifier, associationId, returnTo: portalReturnTo(returnTo), createdAt };
}

/** The claim's value as text: brokers send the personnummer as a string, a few as a number. */
function claimText(source: Record<string, unknown> | undefined, claim: string): string | undefined {
  const value = source?.[claim];
  if (typeof value === "string" && value.trim()) return value;
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  return undefined;
}

/**
 * Finishes e-ID sign-in: checks the broker's answer against the cookie, reads the personnummer
 * and opens a portal session for the association's participant with that number, if they have
 * an open portal account. Every refusal is written to the audit log with its reason only.
 */
export async function finishEidSignIn(
  db: Db,
  deps: EidDeps & { crypto: RegisterCrypto; today?: string },
  callbackUrl: URL,
  cookieValue: string | undefined,
  context: PortalSignInContext,
): Promise<EidFinish> {
  let associationId: string | null = null;
  let pending: PendingEidSignIn;
  let lookup: string;
  try {
    pending = readPending(deps.secrets, cookieValue);
    associationId = pending.associationId;
    const row = await settingsRow(db, pending.associationId);
    if (!row?.enabled) throw new EidRefusal("avstangd", "e-ID was turned off during the sign-in");
    const brokerError = callbackUrl.searchParams.get("error");
    if (brokerError === "access_denied" || brokerError === "cancelled")
      throw new EidRefusal("avbruten", `the broker answered ${brokerError}`);
    const redirectUri = eidRedirectUri(deps.baseUrl);
    let claimValue: string | undefined;
    try {
      const config = await clientFor(row, deps.secrets, redirectUri);
      // the token request repeats the registered redirect URI exactly (behind a proxy the
      // request arrived at another origin), so only the answer's parameters are taken
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
      claimValue = claimText(idToken, row.personalNumberClaim);
      // some brokers release the number only through UserInfo
      if (claimValue === undefined && config.serverMetadata().userinfo_endpoint) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
        claimValue = claimText(info, row.personalNumberClaim);
      }
    } catch (error) {
      throw new EidRefusal("misslyckades", describeFailure(error));
    }
    if (claimValue === undefined)
      throw new EidRefusal(
        "misslyckades",
        `the broker sent no claim "${row.personalNumberClaim}" (check the claim name in the settings)`,
      );
    const parsed = parsePersonalNumber(claimValue, deps.today ?? todayInSweden());
    if (!parsed.ok)
      throw new EidRefusal(
        "misslyckades",
        `the claim "${row.personalNumberClaim}" is not a valid personnummer (${parsed.part})`,
      );
    lookup = deps.crypto.lookupHash(parsed.value.canonical);
  } catch (error) {
    if (!(error instanceof EidRefusal)) throw error;
    await refuse(db, context, associationId, error.reason, error.message);
    return { kind: "refused", reason: error.reason, cause: error.message };
  }

  const found = await inRegister(db, { controllers: [], initiatives: [] }, (tx) =>
    tx.execute<{ user_id: string | null }>(
      sql`select register.portal_user_by_identity(${pending.associationId}::uuid, ${lookup}) as user_id`,
    ),
  );
  const userId = found.rows[0]?.user_id;
  const opened = userId ? await openPortalSession(db, userId, "eid", context) : undefined;
  if (!opened) {
    await refuse(db, context, pending.associationId, "inget-konto", "no open portal account");
    return { kind: "refused", reason: "inget-konto" };
  }
  return {
    kind: "signed-in",
    token: opened.token,
    account: opened.account,
    returnTo: pending.returnTo,
  };
}

async function refuse(
  db: Db,
  context: PortalSignInContext,
  associationId: string | null,
  reason: EidReason,
  cause: string,
) {
  await recordAuditEvent(
    db,
    { userId: null, label: "e-legitimation", requestId: context.requestId, ip: context.ip },
    {
      action: "sign_in.failed",
      associationId,
      details: {
        method: "eid",
        portal: true,
        reason,
        cause: reason === "inget-konto" ? null : cause,
      },
    },
  );
}
