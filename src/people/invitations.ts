// One-time links that let a person added by the office choose their own password.
import { and, eq, gt, isNull } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { randomToken, sha256 } from "../platform/secrets.ts";
import { hashPassword, passwordProblem } from "../sign-in/passwords.ts";
import { invitations, users } from "./schema.ts";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export async function createInvitation(
  q: Queryable,
  userId: string,
  now = new Date(),
): Promise<string> {
  const token = randomToken();
  await q.insert(invitations).values({
    userId,
    tokenHash: sha256(token),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
  });
  return token;
}

export async function findOpenInvitation(q: Queryable, token: string) {
  const [row] = await q
    .select({
      id: invitations.id,
      userId: invitations.userId,
      email: users.email,
      name: users.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(
        eq(invitations.tokenHash, sha256(token)),
        isNull(invitations.usedAt),
        gt(invitations.expiresAt, new Date()),
        isNull(users.disabledAt),
      ),
    );
  return row;
}

/** Sets the password from an invitation; the link works once. Returns the user id. */
export async function acceptInvitation(
  q: Queryable,
  actor: Omit<AuditActor, "userId" | "label">,
  input: { token: string; password: string; passwordAgain: string },
): Promise<string> {
  const invitation = await findOpenInvitation(q, input.token);
  if (!invitation) {
    throw new ValidationError({
      token:
        "Länken har redan använts eller gått ut. Be förbundets administratör om en ny inbjudan.",
    });
  }
  const problem = passwordProblem(input.password, invitation.email);
  if (problem) throw new ValidationError({ password: problem });
  if (input.password !== input.passwordAgain) {
    throw new ValidationError({
      passwordAgain: "Lösenorden är inte likadana. Skriv samma lösenord två gånger.",
    });
  }
  const passwordHash = await hashPassword(input.password);
  await q.transaction(async (tx) => {
    const used = await tx
      .update(invitations)
      .set({ usedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.usedAt)))
      .returning({ id: invitations.id });
    if (used.length === 0) throw new ValidationError({ token: "Länken har redan använts." });
    await tx.update(users).set({ passwordHash }).where(eq(users.id, invitation.userId));
    await recordAuditEvent(
      tx,
      { ...actor, userId: invitation.userId, label: invitation.email },
      {
        action: "user.password_set",
        targetType: "user",
        targetId: invitation.userId,
      },
    );
  });
  return invitation.userId;
}
