// The follow-up reports of an association as a bundle section (follow-up-schema.ts): every
// follow-up with its versions in number order, a locked version with its report exactly as it
// was stored. People stay names; the user ids beside them (created_by, locked_by) and the
// association's id are left out. Sorted by period (then key), the versions by number, so that
// the same data always gives the same section. The function that turns a stored version into
// its bundle form is also what the import compares a file with (import-follow-ups.ts).
import { asc, eq, inArray } from "drizzle-orm";
import { followUps, followUpVersions } from "../follow-up/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { compare } from "./export-reports.ts";
import type { BundleFollowUp, BundleFollowUpVersion } from "./follow-up-schema.ts";

export type FollowUpRow = typeof followUps.$inferSelect;
export type FollowUpVersionRow = typeof followUpVersions.$inferSelect;

/** A stored version as the bundle holds it. */
export function followUpVersionOf(v: FollowUpVersionRow): BundleFollowUpVersion {
  const locked =
    v.status === "last" &&
    v.report &&
    v.lockedAt &&
    v.lockedByName !== null &&
    v.ratioLowPercent !== null &&
    v.ratioHighPercent !== null
      ? {
          name: v.lockedByName,
          at: v.lockedAt.toISOString(),
          ratioLowPercent: v.ratioLowPercent,
          ratioHighPercent: v.ratioHighPercent,
          // as stored: the snapshot is the document the board received
          report: v.report,
        }
      : null;
  if (v.status === "last" && !locked)
    throw new Error(`locked follow-up version ${v.id} without its report`);
  return {
    key: v.id,
    number: v.number,
    status: v.status,
    summary: v.summary,
    background: v.background,
    analysis: v.analysis,
    created: { name: v.createdByName, at: v.createdAt.toISOString() },
    updated: { name: v.updatedByName, at: v.updatedAt.toISOString() },
    locked,
  };
}

/** A stored follow-up (without its versions) as the bundle holds it. */
export const followUpOf = (f: FollowUpRow): Omit<BundleFollowUp, "versions"> => ({
  key: f.id,
  period: { from: f.periodFrom, to: f.periodTo, label: f.label },
  created: { name: f.createdByName, at: f.createdAt.toISOString() },
});

export async function exportFollowUps(
  q: Queryable,
  associationId: string,
): Promise<{ followUps: BundleFollowUp[] }> {
  const rows = await q.select().from(followUps).where(eq(followUps.associationId, associationId));
  const versions = rows.length
    ? await q
        .select()
        .from(followUpVersions)
        .where(
          inArray(
            followUpVersions.followUpId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(followUpVersions.number))
    : [];
  return {
    followUps: rows
      .map(
        (f): BundleFollowUp => ({
          ...followUpOf(f),
          versions: versions.filter((v) => v.followUpId === f.id).map(followUpVersionOf),
        }),
      )
      .sort(
        (a, b) =>
          compare(a.period.from, b.period.from) ||
          compare(a.period.to, b.period.to) ||
          compare(a.key, b.key),
      ),
  };
}
