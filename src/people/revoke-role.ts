// Takes a role away; the person's sessions end so the change takes effect at once.
import { and, eq } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { NotFoundError } from "../platform/errors.ts";
import { roleAssignments } from "./schema.ts";

export async function revokeRole(
  q: Queryable,
  actor: AuditActor,
  input: { grantId: string; associationId: string },
) {
  await q.transaction(async (tx) => {
    const [removed] = await tx
      .delete(roleAssignments)
      .where(
        and(
          eq(roleAssignments.id, input.grantId),
          eq(roleAssignments.associationId, input.associationId),
        ),
      )
      .returning();
    if (!removed) throw new NotFoundError("Rollen finns inte längre.");
    await recordAuditEvent(tx, actor, {
      action: "role.revoked",
      associationId: input.associationId,
      targetType: "user",
      targetId: removed.userId,
      details: { role: removed.role, initiativeId: removed.initiativeId },
    });
  });
}
