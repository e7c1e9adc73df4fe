// The staff of an association with their roles. Participant accounts are never listed here:
// they belong to the participant zone.
import { and, asc, eq, inArray } from "drizzle-orm";
import { initiatives } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { roleAssignments, users } from "./schema.ts";

export async function listUsers(q: Queryable, associationId: string) {
  const grants = await q
    .select({
      grantId: roleAssignments.id,
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      initiativeId: roleAssignments.initiativeId,
      initiativeName: initiatives.name,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .leftJoin(initiatives, eq(initiatives.id, roleAssignments.initiativeId))
    .where(and(eq(roleAssignments.associationId, associationId), eq(users.kind, "staff")));
  const ids = [...new Set(grants.map((g) => g.userId))];
  if (ids.length === 0) return [];
  const people = await q
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      disabledAt: users.disabledAt,
      totpEnabledAt: users.totpEnabledAt,
      version: users.version,
    })
    .from(users)
    .where(inArray(users.id, ids))
    .orderBy(asc(users.name));
  return people.map((p) => ({ ...p, grants: grants.filter((g) => g.userId === p.id) }));
}

export type ListedUser = Awaited<ReturnType<typeof listUsers>>[number];
