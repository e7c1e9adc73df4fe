// Decides who a person signing in through the organisation's identity provider is. The
// (issuer, subject) pair is the lasting key; a verified e-mail only makes the first link.
// Nobody is created here: only people the association has added get in.
import { and, eq } from "drizzle-orm";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { oidcIdentities, users } from "../people/schema.ts";
import { normaliseEmail } from "../people/validate.ts";
import type { Queryable } from "../platform/database/connect.ts";
import type { OidcClaims } from "./oidc.ts";
import { createSession } from "./sessions.ts";

export interface OidcSignInContext {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export type OidcSignInResult =
  | { kind: "signed-in"; token: string }
  | { kind: "unknown" }
  | { kind: "disabled" };

type User = typeof users.$inferSelect;

export async function signInWithOidc(
  q: Queryable,
  claims: OidcClaims,
  context: OidcSignInContext,
): Promise<OidcSignInResult> {
  const audit = { requestId: context.requestId, ip: context.ip };
  const email = claims.email ? normaliseEmail(claims.email) : undefined;
  const identity = { method: "oidc", issuer: claims.issuer, subject: claims.subject };

  const refuse = async (user: User | undefined, reason: string): Promise<OidcSignInResult> => {
    await recordAuditEvent(
      q,
      { ...audit, userId: user?.id ?? null, label: user?.email ?? email ?? claims.subject },
      {
        action: "sign_in.failed",
        details: { ...identity, reason, email: email ?? null },
      },
    );
    return reason === "disabled" ? { kind: "disabled" } : { kind: "unknown" };
  };

  const [linked] = await q
    .select({ user: users })
    .from(oidcIdentities)
    .innerJoin(users, eq(users.id, oidcIdentities.userId))
    .where(
      and(eq(oidcIdentities.issuer, claims.issuer), eq(oidcIdentities.subject, claims.subject)),
    );
  let user = linked?.user;

  if (!user) {
    // An unverified address could be anyone's: the provider may let people type it themselves.
    if (!email || !claims.emailVerified) return refuse(undefined, "unknown_identity");
    const [byEmail] = await q.select().from(users).where(eq(users.email, email));
    if (!byEmail) return refuse(undefined, "unknown_identity");
    if (byEmail.disabledAt) return refuse(byEmail, "disabled");
    // Already linked to another subject at this issuer: the address has likely been handed on to
    // someone new at the organisation, and e-mail alone must not let them into the old account.
    const [other] = await q
      .select({ subject: oidcIdentities.subject })
      .from(oidcIdentities)
      .where(and(eq(oidcIdentities.issuer, claims.issuer), eq(oidcIdentities.userId, byEmail.id)));
    if (other) return refuse(byEmail, "linked_to_other_subject");
    const inserted = await q
      .insert(oidcIdentities)
      .values({ issuer: claims.issuer, subject: claims.subject, userId: byEmail.id })
      .onConflictDoNothing()
      .returning({ userId: oidcIdentities.userId });
    // A lost race with a parallel sign-in of the same person: that request made the link.
    if (inserted.length > 0) {
      await recordAuditEvent(
        q,
        { ...audit, userId: byEmail.id, label: byEmail.email },
        {
          action: "oidc.linked",
          targetType: "user",
          targetId: byEmail.id,
          details: { issuer: claims.issuer, subject: claims.subject },
        },
      );
    }
    user = byEmail;
  }

  if (user.disabledAt) return refuse(user, "disabled");
  // The organisation's provider is trusted to have asked for its own second factor.
  const token = await createSession(q, {
    userId: user.id,
    method: "oidc",
    secondFactorPending: false,
    ip: context.ip,
    userAgent: context.userAgent,
  });
  await recordAuditEvent(
    q,
    { ...audit, userId: user.id, label: user.email },
    {
      action: "sign_in.succeeded",
      details: { method: "oidc", issuer: claims.issuer },
    },
  );
  return { kind: "signed-in", token };
}
