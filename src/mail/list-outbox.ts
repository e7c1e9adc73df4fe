// The association's outbox: every mail recorded for it, newest first.
import { desc, eq } from "drizzle-orm";
import type { Queryable } from "../platform/database/connect.ts";
import { mailMessages } from "./schema.ts";

export const listOutbox = (q: Queryable, associationId: string, limit = 100) =>
  q
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.associationId, associationId))
    .orderBy(desc(mailMessages.createdAt))
    .limit(limit);
