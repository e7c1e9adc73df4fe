// The second step for staff: check a TOTP code, or enrol an authenticator app.
import { eq } from "drizzle-orm";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { users } from "../people/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import type { Secrets } from "../platform/secrets.ts";
import { completeSecondFactor } from "./sessions.ts";
import { registerFailure } from "./sign-in-with-password.ts";
import { checkTotp, generateTotpSecret, otpauthQrSvg, otpauthUri } from "./totp.ts";

interface Ctx {
  q: Queryable;
  secrets: Secrets;
  requestId: string | null;
  ip: string | null;
}

export type CodeResult = { kind: "ok" } | { kind: "invalid" } | { kind: "locked"; minutes: number };

/** Checks the code of a person with TOTP enabled and completes the pending session. */
export async function verifySignInCode(
  ctx: Ctx,
  sessionId: string,
  userId: string,
  code: string,
): Promise<CodeResult> {
  const [user] = await ctx.q.select().from(users).where(eq(users.id, userId));
  if (!user?.totpSecretSealed || !user.totpEnabledAt) return { kind: "invalid" };
  const audit = { requestId: ctx.requestId, ip: ctx.ip };
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    return {
      kind: "locked",
      minutes: Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60000),
    };
  }
  const step = checkTotp(ctx.secrets.open(user.totpSecretSealed), code, user.totpLastStep);
  if (step === undefined) {
    const result = await registerFailure(ctx.q, user.id, user.email, audit, "wrong_totp");
    return result.kind === "locked" ? result : { kind: "invalid" };
  }
  await ctx.q.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpLastStep: step, failedSignIns: 0, lockedUntil: null })
      .where(eq(users.id, user.id));
    await completeSecondFactor(tx, sessionId);
    await recordAuditEvent(
      tx,
      { ...audit, userId: user.id, label: user.email },
      {
        action: "sign_in.succeeded",
        details: { method: "password+totp" },
      },
    );
  });
  return { kind: "ok" };
}

export interface Enrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

export async function totpEnabled(q: Queryable, userId: string): Promise<boolean> {
  const [user] = await q
    .select({ enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId));
  return !!user?.enabledAt;
}

/**
 * Starts (or restarts) enrolment: a new secret is kept sealed but not yet enabled. Refused
 * once an authenticator is enabled: replacing it would let a password alone through.
 */
export async function beginTotpEnrolment(ctx: Ctx, userId: string): Promise<Enrolment> {
  const [user] = await ctx.q.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error("unknown user");
  if (user.totpEnabledAt)
    throw new Error("TOTP is already enabled; it cannot be replaced by a new enrolment");
  const secret = generateTotpSecret();
  await ctx.q
    .update(users)
    .set({ totpSecretSealed: ctx.secrets.seal(secret), totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, userId));
  const uri = otpauthUri(secret, user.email);
  return { secret, uri, qrSvg: await otpauthQrSvg(uri) };
}

/** The enrolment in progress, to show it again after a wrong code. */
export async function pendingTotpEnrolment(
  ctx: Ctx,
  userId: string,
): Promise<Enrolment | undefined> {
  const [user] = await ctx.q.select().from(users).where(eq(users.id, userId));
  if (!user?.totpSecretSealed || user.totpEnabledAt) return undefined;
  const secret = ctx.secrets.open(user.totpSecretSealed);
  const uri = otpauthUri(secret, user.email);
  return { secret, uri, qrSvg: await otpauthQrSvg(uri) };
}

/** Confirms enrolment with a first code from the app; the session (if pending) is completed. */
export async function confirmTotpEnrolment(
  ctx: Ctx,
  userId: string,
  code: string,
  sessionId: string,
): Promise<CodeResult> {
  const [user] = await ctx.q.select().from(users).where(eq(users.id, userId));
  if (!user?.totpSecretSealed || user.totpEnabledAt) return { kind: "invalid" };
  const step = checkTotp(ctx.secrets.open(user.totpSecretSealed), code, null);
  if (step === undefined) return { kind: "invalid" };
  await ctx.q.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpEnabledAt: new Date(), totpLastStep: step })
      .where(eq(users.id, userId));
    await completeSecondFactor(tx, sessionId);
    await recordAuditEvent(
      tx,
      { requestId: ctx.requestId, ip: ctx.ip, userId, label: user.email },
      {
        action: "totp.enrolled",
        targetType: "user",
        targetId: userId,
      },
    );
  });
  return { kind: "ok" };
}
