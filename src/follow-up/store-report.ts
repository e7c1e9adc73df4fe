// The report of a stored version (store.ts): a locked version is its snapshot, exactly as it was
// locked; a draft is computed from live data every time it is shown (computeFollowUp), with the
// office's texts and the version put in. Table 8 compares with the previous locked version of
// the association: the newest one of an earlier period, or an earlier locked version of the same
// follow-up. Locking computes the report, stores it, and from then on the database keeps it
// unchanged (migration 0015).
import { and, desc, eq, lt, ne, or, sql } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { getFinanceBand } from "../finance/outcome.ts";
import type { Db, Queryable } from "../platform/database/connect.ts";
import { NotFoundError } from "../platform/errors.ts";
import { actorName } from "../reports/report-versions.ts";
import { computeFollowUp } from "./compute.ts";
import type { FollowUpReport } from "./model.ts";
import { followUps, followUpVersions } from "./schema.ts";
import {
  checkFollowUpInput,
  draftForUpdate,
  type FollowUpDetails,
  type FollowUpVersionInfo,
  versionInfo,
} from "./store.ts";

/**
 * The normal band of the förbrukningskvot a version's outputs are drawn with: a locked
 * version's own, as it was when locked; the association's current one for a draft.
 */
export async function versionBand(
  q: Queryable,
  associationId: string,
  version: FollowUpVersionInfo,
): Promise<{ low: number; high: number }> {
  if (version.band) return version.band;
  const band = await getFinanceBand(q, associationId);
  return { low: band.low, high: band.high };
}

/** The stored snapshot of a locked version. */
async function snapshotOf(q: Queryable, versionId: string): Promise<FollowUpReport> {
  const [row] = await q
    .select({ report: followUpVersions.report })
    .from(followUpVersions)
    .where(and(eq(followUpVersions.id, versionId), eq(followUpVersions.status, "last")));
  if (!row?.report) throw new NotFoundError("Den låsta versionen av uppföljningen finns inte.");
  return row.report;
}

/**
 * The locked version table 8 of a version compares with: among the association's locked
 * versions of follow-ups whose period ends before this one's, or earlier locked versions of the
 * same follow-up, the one whose period ends last (the latest locked of those).
 */
export async function previousLocked(
  q: Queryable,
  followUp: Pick<FollowUpDetails, "id" | "associationId" | "period">,
  number: number,
): Promise<FollowUpReport | null> {
  const [row] = await q
    .select({ id: followUpVersions.id })
    .from(followUpVersions)
    .innerJoin(followUps, eq(followUps.id, followUpVersions.followUpId))
    .where(
      and(
        eq(followUpVersions.associationId, followUp.associationId),
        eq(followUpVersions.status, "last"),
        or(
          and(ne(followUps.id, followUp.id), lt(followUps.periodTo, followUp.period.to)),
          and(eq(followUps.id, followUp.id), lt(followUpVersions.number, number)),
        ),
      ),
    )
    .orderBy(
      desc(followUps.periodTo),
      // of the same end, the same follow-up's own versions first, then the latest locked
      desc(sql`${followUps.id} = ${followUp.id}`),
      desc(followUpVersions.lockedAt),
      desc(followUpVersions.number),
    )
    .limit(1);
  return row ? snapshotOf(q, row.id) : null;
}

/** The draft's report: computed now, with its version and the office's texts. */
async function draftReport(
  db: Db,
  followUp: FollowUpDetails,
  version: FollowUpVersionInfo,
  now: Date,
  lock?: { lockedAt: Date; lockedBy: string },
): Promise<FollowUpReport> {
  const previous = await previousLocked(db, followUp, version.number);
  const report = await computeFollowUp(db, {
    associationId: followUp.associationId,
    from: followUp.period.from,
    to: followUp.period.to,
    label: followUp.period.label,
    previous,
    now,
  });
  return {
    ...report,
    version: {
      id: version.id,
      number: version.number,
      status: lock ? "last" : "utkast",
      lockedAt: lock ? lock.lockedAt.toISOString() : null,
      lockedBy: lock ? lock.lockedBy : null,
    },
    summary: { ...report.summary, edited: version.texts.summary },
    background: { ...report.background, edited: version.texts.background },
    analysis: { ...report.analysis, edited: version.texts.analysis },
  };
}

/**
 * The report of one version of a follow-up: a locked version's snapshot, or the draft computed
 * from live data now.
 */
export async function versionReport(
  db: Db,
  followUp: FollowUpDetails,
  version: FollowUpVersionInfo,
  now = new Date(),
): Promise<FollowUpReport> {
  if (version.followUpId !== followUp.id) throw new NotFoundError("Versionen finns inte.");
  if (version.status === "last") return snapshotOf(db, version.id);
  return draftReport(db, followUp, version, now);
}

/** A draft's report as it is locked now, with what is stored beside it. */
export interface LockedReport {
  report: FollowUpReport;
  band: { low: number; high: number };
  lockedBy: string;
  lockedAt: Date;
}

/**
 * The report a draft is locked with: computed from live data now, as version `number` locked
 * at `now` by the actor. Runs its own transactions (the register's statistics run in one of
 * their own), so it is computed before the draft is stored as locked (storeLockedVersion).
 */
export async function computeLockedReport(
  db: Db,
  actor: AuditActor,
  followUp: FollowUpDetails,
  versionId: string,
  now = new Date(),
): Promise<LockedReport> {
  const version = followUp.versions.find((v) => v.id === versionId);
  if (version?.status !== "utkast")
    throw new NotFoundError("Utkastet till uppföljningen finns inte.");
  const lockedBy = await actorName(db, actor);
  const band = await getFinanceBand(db, followUp.associationId);
  const report = await draftReport(db, followUp, version, now, { lockedAt: now, lockedBy });
  return { report, band: { low: band.low, high: band.high }, lockedBy, lockedAt: now };
}

/**
 * Stores a draft as locked with the report computed for it, at the version read (the draft
 * must not have changed since): from then on the database keeps it as it is.
 */
export async function storeLockedVersion(
  q: Queryable,
  actor: AuditActor,
  followUp: FollowUpDetails,
  versionId: string,
  expectedVersion: number,
  locked: LockedReport,
): Promise<FollowUpVersionInfo> {
  return q.transaction(async (tx) => {
    const row = await draftForUpdate(tx, followUp.associationId, versionId, expectedVersion);
    const { report, band, lockedBy, lockedAt } = locked;
    if (report.version?.id !== row.id) throw new Error("the report is not this version's");
    const [stored] = await tx
      .update(followUpVersions)
      .set({
        status: "last",
        report,
        lockedAt,
        lockedBy: actor.userId,
        lockedByName: lockedBy,
        ratioLowPercent: band.low,
        ratioHighPercent: band.high,
        updatedAt: lockedAt,
        updatedByName: lockedBy,
        version: row.version + 1,
      })
      .where(eq(followUpVersions.id, row.id))
      .returning();
    if (!stored) throw new Error("update returned nothing");
    await recordAuditEvent(tx, actor, {
      action: "follow_up.locked",
      associationId: followUp.associationId,
      targetType: "follow_up",
      targetId: followUp.id,
      details: {
        versionId: row.id,
        number: row.number,
        from: followUp.period.from,
        to: followUp.period.to,
        comparedWith: report.previous?.id ?? null,
        suppressedCells: report.disclosure.suppressedCells,
      },
    });
    return versionInfo(stored);
  });
}

/**
 * Locks a draft at the version read: computes the report as it is now and stores it as the
 * version's snapshot, unless somebody changed the draft meanwhile (ConflictError; nothing is
 * locked). A stale or locked draft is refused before anything is computed.
 */
export async function lockFollowUpVersion(
  db: Db,
  actor: AuditActor,
  followUp: FollowUpDetails,
  versionId: string,
  expectedVersion: number,
  now = new Date(),
): Promise<FollowUpVersionInfo> {
  await db.transaction((tx) =>
    draftForUpdate(tx, followUp.associationId, versionId, expectedVersion),
  );
  const locked = await computeLockedReport(db, actor, followUp, versionId, now);
  return storeLockedVersion(db, actor, followUp, versionId, expectedVersion, locked);
}

/** No follow-up has this id: a report computed for a period, not stored, is none of them. */
const NO_FOLLOW_UP = "00000000-0000-0000-0000-000000000000";

/**
 * The report of a period computed now, not stored (the CLI's `samspar report follow-up`):
 * version null, table 8 compared with the latest locked version of a period that ends before
 * this one's.
 */
export async function periodReport(
  db: Db,
  associationId: string,
  period: { from: string; to: string; label?: string | undefined },
  now = new Date(),
): Promise<FollowUpReport> {
  const computed = checkFollowUpInput(period);
  const previous = await previousLocked(
    db,
    { id: NO_FOLLOW_UP, associationId, period: computed },
    1,
  );
  return computeFollowUp(db, {
    associationId,
    from: computed.from,
    to: computed.to,
    label: computed.label,
    previous,
    now,
  });
}

/** The newest locked version of the follow-up of exactly this period, with its band. */
export async function lockedPeriodReport(
  db: Db,
  associationId: string,
  period: { from: string; to: string },
): Promise<{ report: FollowUpReport; band: { low: number; high: number } } | undefined> {
  const [row] = await db
    .select({
      report: followUpVersions.report,
      low: followUpVersions.ratioLowPercent,
      high: followUpVersions.ratioHighPercent,
    })
    .from(followUpVersions)
    .innerJoin(followUps, eq(followUps.id, followUpVersions.followUpId))
    .where(
      and(
        eq(followUps.associationId, associationId),
        eq(followUps.periodFrom, period.from),
        eq(followUps.periodTo, period.to),
        eq(followUpVersions.status, "last"),
      ),
    )
    .orderBy(desc(followUpVersions.number))
    .limit(1);
  if (!row?.report || row.low === null || row.high === null) return undefined;
  return { report: row.report, band: { low: row.low, high: row.high } };
}
