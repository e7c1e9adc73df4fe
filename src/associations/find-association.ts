// Looks up associations by their URL slug, and lists them.
import { asc, eq } from "drizzle-orm";
import type { Queryable } from "../platform/database/connect.ts";
import { associations } from "./schema.ts";

export async function findAssociationBySlug(q: Queryable, slug: string) {
  const [association] = await q.select().from(associations).where(eq(associations.slug, slug));
  return association;
}

export const listAssociations = (q: Queryable) =>
  q.select().from(associations).orderBy(asc(associations.name));

export type Association = NonNullable<Awaited<ReturnType<typeof findAssociationBySlug>>>;
