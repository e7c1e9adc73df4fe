// Who is asking: a signed-in person (session) or an integration (API token), with their roles.
import { eq } from "drizzle-orm";
import type { Role } from "../people/roles.ts";
import { roleAssignments, users } from "../people/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";

export interface RoleGrant {
  associationId: string;
  initiativeId: string | null;
  role: Role;
}

export interface Principal {
  userId: string;
  email: string;
  name: string;
  kind: "staff" | "participant";
  grants: RoleGrant[];
  /** API tokens carry a scope; a session can do whatever the roles allow. */
  via: { type: "session" } | { type: "token"; scope: "read" | "write"; tokenId: string };
}

export async function loadPrincipal(
  q: Queryable,
  userId: string,
  via: Principal["via"],
): Promise<Principal | undefined> {
  const [user] = await q.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabledAt) return undefined;
  const grants = await q
    .select({
      associationId: roleAssignments.associationId,
      initiativeId: roleAssignments.initiativeId,
      role: roleAssignments.role,
    })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
  return { userId: user.id, email: user.email, name: user.name, kind: user.kind, grants, via };
}
