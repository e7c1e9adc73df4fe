// API tokens for integrations: shown once, stored as a hash, scoped read or write, revocable.
import { and, eq, isNull } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { randomToken, sha256 } from "../platform/secrets.ts";
import { apiTokens, users } from "./schema.ts";

export const TOKEN_PREFIX = "ssp_";

export async function createApiToken(
  q: Queryable,
  actor: AuditActor,
  input: { email: string; scope: string; name?: string },
): Promise<{ id: string; token: string; prefix: string; scope: "read" | "write" }> {
  if (input.scope !== "read" && input.scope !== "write") {
    throw new ValidationError({ scope: "Behörigheten (scope) måste vara read eller write." });
  }
  const scope = input.scope;
  return q.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(users.email, input.email.trim().toLowerCase()));
    if (!user)
      throw new NotFoundError(`Det finns ingen användare med e-postadressen ${input.email}.`);
    if (user.disabledAt)
      throw new ValidationError({ email: "Kontot är avstängt; det kan inte få nya API-nycklar." });
    const token = `${TOKEN_PREFIX}${randomToken(32)}`;
    const prefix = token.slice(0, 12);
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: user.id,
        name: input.name ?? "API-nyckel",
        scope,
        tokenHash: sha256(token),
        prefix,
      })
      .returning({ id: apiTokens.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAuditEvent(tx, actor, {
      action: "api_token.created",
      targetType: "api_token",
      targetId: row.id,
      details: { user: user.email, scope, prefix },
    });
    return { id: row.id, token, prefix, scope };
  });
}

export async function revokeApiToken(
  q: Queryable,
  actor: AuditActor,
  tokenId: string,
): Promise<void> {
  await q.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, prefix: apiTokens.prefix });
    if (!row) throw new NotFoundError("Det finns ingen aktiv API-nyckel med det id:t.");
    await recordAuditEvent(tx, actor, {
      action: "api_token.revoked",
      targetType: "api_token",
      targetId: tokenId,
      details: { prefix: row.prefix },
    });
  });
}

export async function listApiTokens(q: Queryable) {
  return q
    .select({
      id: apiTokens.id,
      prefix: apiTokens.prefix,
      name: apiTokens.name,
      scope: apiTokens.scope,
      email: users.email,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(apiTokens.createdAt);
}

/** The user and scope behind a bearer token, or undefined if it is unknown, revoked or its user disabled. */
export async function authenticateApiToken(q: Queryable, token: string) {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const [row] = await q
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      scope: apiTokens.scope,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return undefined;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await q.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  }
  return { tokenId: row.id, userId: row.userId, scope: row.scope };
}
