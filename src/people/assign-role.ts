// Gives a person a role in an association (or one of its initiatives), refusing combinations
// that break the separation of duties.
import { and, eq } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { isUniqueViolation, NotFoundError, ValidationError } from "../platform/errors.ts";
import { roleLabel } from "./role-labels.ts";
import { INITIATIVE_ROLES, isStaffRole, type Role, separationOfDutiesConflict } from "./roles.ts";
import { roleAssignments, users } from "./schema.ts";

export interface AssignRoleInput {
  userId: string;
  associationId: string;
  role: Role;
  initiativeId?: string | null | undefined;
}

export async function assignRole(q: Queryable, actor: AuditActor, input: AssignRoleInput) {
  const initiativeId = input.initiativeId || null;
  if (INITIATIVE_ROLES.has(input.role) && !initiativeId) {
    throw new ValidationError({
      initiativeId: `Välj vilken insats rollen ${roleLabel(input.role)} gäller.`,
    });
  }
  if (!INITIATIVE_ROLES.has(input.role) && initiativeId) {
    throw new ValidationError({
      initiativeId: `Rollen ${roleLabel(input.role)} gäller hela förbundet, inte en insats.`,
    });
  }
  return q.transaction(async (tx) => {
    // lock the person so two concurrent assignments cannot both pass the duty check
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).for("update");
    if (!user) throw new NotFoundError("Personen finns inte.");
    if (user.kind === "participant" && isStaffRole(input.role)) {
      throw new ValidationError({ role: "Ett deltagarkonto kan inte få en personalroll." });
    }
    if (user.kind === "staff" && !isStaffRole(input.role)) {
      throw new ValidationError({ role: "Rollen deltagare ges bara till deltagarkonton." });
    }
    if (initiativeId) {
      const [initiative] = await tx
        .select({ id: initiatives.id })
        .from(initiatives)
        .where(
          and(eq(initiatives.id, initiativeId), eq(initiatives.associationId, input.associationId)),
        );
      if (!initiative)
        throw new ValidationError({ initiativeId: "Insatsen finns inte i det här förbundet." });
    }
    const held = await tx
      .select({ role: roleAssignments.role })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, input.userId),
          eq(roleAssignments.associationId, input.associationId),
        ),
      );
    const conflict = separationOfDutiesConflict(
      held.map((h) => h.role),
      input.role,
    );
    if (conflict) {
      throw new ValidationError({
        role: `${user.name} är ${roleLabel(conflict)} och kan därför inte också vara ${roleLabel(input.role)} (åtskillnad av uppgifter).`,
      });
    }
    try {
      const [grant] = await tx
        .insert(roleAssignments)
        .values({
          userId: input.userId,
          associationId: input.associationId,
          initiativeId,
          role: input.role,
        })
        .returning();
      await recordAuditEvent(tx, actor, {
        action: "role.assigned",
        associationId: input.associationId,
        targetType: "user",
        targetId: input.userId,
        details: { role: input.role, initiativeId },
      });
      return grant;
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ValidationError({ role: `${user.name} har redan den rollen.` });
      throw error;
    }
  });
}
