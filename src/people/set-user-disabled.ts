// Disables (or re-enables) an account. Disabling ends every session of the person at once.
import { eq } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import { destroyUserSessions } from "../sign-in/sessions.ts";
import { users } from "./schema.ts";

export async function setUserDisabled(
  q: Queryable,
  actor: AuditActor,
  input: {
    userId: string;
    disabled: boolean;
    expectedVersion?: number;
    associationId?: string | null;
  },
) {
  await q.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).for("update");
    if (!user) throw new NotFoundError("Personen finns inte.");
    if (input.expectedVersion !== undefined && user.version !== input.expectedVersion)
      throw new ConflictError();
    await tx
      .update(users)
      .set({
        disabledAt: input.disabled ? new Date() : null,
        version: user.version + 1,
        failedSignIns: 0,
        lockedUntil: null,
      })
      .where(eq(users.id, input.userId));
    if (input.disabled) await destroyUserSessions(tx, input.userId);
    await recordAuditEvent(tx, actor, {
      action: input.disabled ? "user.disabled" : "user.enabled",
      associationId: input.associationId ?? null,
      targetType: "user",
      targetId: input.userId,
      details: { email: user.email },
    });
  });
}
