// Password sign-in with per-address throttling and per-account lockout. A right password
// opens a session; if the person owes a second factor (a TOTP code, or enrolment because the
// association requires it) the session stays "pending" until it is given.
import { and, eq, inArray, sql } from "drizzle-orm";
import { associations } from "../associations/schema.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { STAFF_ROLES } from "../people/roles.ts";
import { roleAssignments, users } from "../people/schema.ts";
import { normaliseEmail } from "../people/validate.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { hitThrottle } from "../platform/throttle.ts";
import { burnPasswordCheck, verifyPassword } from "./passwords.ts";
import { createSession } from "./sessions.ts";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Attempts from one address per window, whatever the accounts. */
export const ADDRESS_LIMIT = { hits: 30, windowSeconds: 15 * 60 };

export interface SignInRequest {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export type SignInResult =
  | { kind: "signed-in"; token: string; next: "done" | "totp" | "enrol-totp" }
  | { kind: "invalid" }
  | { kind: "locked"; minutes: number }
  | { kind: "throttled"; retryAfter: number };

/** Whether any association in which the person holds a staff role requires a second factor. */
export async function staffTotpRequired(q: Queryable, userId: string): Promise<boolean> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(roleAssignments)
    .innerJoin(associations, eq(associations.id, roleAssignments.associationId))
    .where(
      and(
        eq(roleAssignments.userId, userId),
        eq(associations.requireStaffTotp, true),
        inArray(roleAssignments.role, [...STAFF_ROLES]),
      ),
    );
  return (row?.n ?? 0) > 0;
}

export async function signInWithPassword(
  q: Queryable,
  request: SignInRequest,
): Promise<SignInResult> {
  const email = normaliseEmail(request.email);
  const audit = { requestId: request.requestId, ip: request.ip };
  if (request.ip) {
    const verdict = await hitThrottle(
      q,
      `sign-in:ip:${request.ip}`,
      ADDRESS_LIMIT.hits,
      ADDRESS_LIMIT.windowSeconds,
    );
    if (!verdict.allowed) {
      await recordAuditEvent(
        q,
        { ...audit, userId: null, label: email },
        { action: "sign_in.throttled" },
      );
      return { kind: "throttled", retryAfter: verdict.retryAfter };
    }
  }
  const [user] = await q.select().from(users).where(eq(users.email, email));
  const now = new Date();
  if (!user || !user.passwordHash || user.disabledAt) {
    await burnPasswordCheck(request.password);
    await recordAuditEvent(
      q,
      { ...audit, userId: user?.id ?? null, label: email },
      {
        action: "sign_in.failed",
        details: {
          reason: !user ? "unknown_account" : user.disabledAt ? "disabled" : "no_password",
        },
      },
    );
    return { kind: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAuditEvent(
      q,
      { ...audit, userId: user.id, label: email },
      { action: "sign_in.locked" },
    );
    return {
      kind: "locked",
      minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60000),
    };
  }
  if (!(await verifyPassword(user.passwordHash, request.password))) {
    return registerFailure(q, user.id, email, audit, "wrong_password");
  }
  await q.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
  const next = user.totpEnabledAt
    ? "totp"
    : (await staffTotpRequired(q, user.id))
      ? "enrol-totp"
      : "done";
  const token = await createSession(q, {
    userId: user.id,
    method: "password",
    secondFactorPending: next !== "done",
    ip: request.ip,
    userAgent: request.userAgent,
  });
  await recordAuditEvent(
    q,
    { ...audit, userId: user.id, label: email },
    {
      action: next === "done" ? "sign_in.succeeded" : "sign_in.password_accepted",
      details: { method: "password", next },
    },
  );
  return { kind: "signed-in", token, next };
}

/** Counts a failed password or code; the fifth in a row locks the account for 15 minutes. */
export async function registerFailure(
  q: Queryable,
  userId: string,
  email: string,
  audit: { requestId: string | null; ip: string | null },
  reason: string,
): Promise<SignInResult> {
  const [updated] = await q
    .update(users)
    .set({
      failedSignIns: sql`${users.failedSignIns} + 1`,
      lockedUntil: sql`case when ${users.failedSignIns} + 1 >= ${MAX_FAILED_SIGN_INS}
        then now() + make_interval(secs => ${LOCKOUT_MS / 1000}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failed: users.failedSignIns, lockedUntil: users.lockedUntil });
  const locked = (updated?.failed ?? 0) >= MAX_FAILED_SIGN_INS;
  await recordAuditEvent(
    q,
    { ...audit, userId, label: email },
    {
      action: locked ? "sign_in.lockout" : "sign_in.failed",
      details: { reason, failedInRow: updated?.failed ?? null },
    },
  );
  return locked ? { kind: "locked", minutes: LOCKOUT_MS / 60000 } : { kind: "invalid" };
}
