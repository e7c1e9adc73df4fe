// Sessions in PostgreSQL: 30 minutes idle, 12 hours absolute, gone on sign-out and when the
// account is disabled. The cookie holds a random token; the table holds only its hash.
import { and, eq, lt, or, sql } from "drizzle-orm";
import { users } from "../people/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { randomToken, sha256 } from "../platform/secrets.ts";
import { sessions } from "./schema.ts";

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/**
 * Participants sign in to the portal with a one-time code or e-ID, often on a shared computer
 * (library, school): 15 minutes idle and 4 hours at most.
 */
export const PORTAL_IDLE_TIMEOUT_MS = 15 * 60 * 1000;
export const PORTAL_ABSOLUTE_TIMEOUT_MS = 4 * 60 * 60 * 1000;
const PORTAL_METHODS: ReadonlySet<string> = new Set(["code", "eid"]);
const idleLimitOf = (method: string) =>
  PORTAL_METHODS.has(method) ? PORTAL_IDLE_TIMEOUT_MS : IDLE_TIMEOUT_MS;
/** last_seen_at is written at most this often, to keep reads cheap. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export const SESSION_COOKIE = "__Host-samspar_session";

export interface NewSession {
  userId: string;
  method: "password" | "oidc" | "invitation" | "code" | "eid";
  secondFactorPending: boolean;
  ip?: string | null;
  userAgent?: string | null;
}

/** Creates a session and returns the token for the cookie. */
export async function createSession(
  q: Queryable,
  input: NewSession,
  now = new Date(),
): Promise<string> {
  const token = randomToken();
  await q.insert(sessions).values({
    id: sha256(token),
    userId: input.userId,
    method: input.method,
    secondFactorPending: input.secondFactorPending,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(
      now.getTime() +
        (PORTAL_METHODS.has(input.method) ? PORTAL_ABSOLUTE_TIMEOUT_MS : ABSOLUTE_TIMEOUT_MS),
    ),
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
  });
  return token;
}

export interface ActiveSession {
  id: string;
  userId: string;
  secondFactorPending: boolean;
  method: string;
  createdAt: Date;
}

export type SessionLookup =
  | { state: "active"; session: ActiveSession }
  | { state: "expired" | "missing" };

/** The live session behind a cookie token; an idle or expired one is deleted and reported as expired. */
export async function readSession(
  q: Queryable,
  token: string | undefined,
  now = new Date(),
): Promise<SessionLookup> {
  if (!token) return { state: "missing" };
  const id = sha256(token);
  const [row] = await q
    .select({ session: sessions, disabledAt: users.disabledAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return { state: "missing" };
  const { session } = row;
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (row.disabledAt || session.expiresAt <= now || idleFor > idleLimitOf(session.method)) {
    await q.delete(sessions).where(eq(sessions.id, id));
    return { state: "expired" };
  }
  if (idleFor > TOUCH_INTERVAL_MS) {
    await q.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return {
    state: "active",
    session: {
      id,
      userId: session.userId,
      secondFactorPending: session.secondFactorPending,
      method: session.method,
      createdAt: session.createdAt,
    },
  };
}

export async function completeSecondFactor(q: Queryable, sessionId: string): Promise<void> {
  await q.update(sessions).set({ secondFactorPending: false }).where(eq(sessions.id, sessionId));
}

export async function destroySession(q: Queryable, sessionId: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function destroyUserSessions(q: Queryable, userId: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.userId, userId));
}

/** Housekeeping job: drops sessions that can no longer be used. */
export async function purgeExpiredSessions(q: Queryable, now = new Date()): Promise<number> {
  const idleBefore = new Date(now.getTime() - IDLE_TIMEOUT_MS);
  const result = await q
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore)))
    .returning({ id: sessions.id });
  return result.length;
}

export async function countSessions(q: Queryable, userId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(and(eq(sessions.userId, userId)));
  return row?.n ?? 0;
}
