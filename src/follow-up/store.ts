// The office's follow-ups and their versions (schema.ts): creating a follow-up for a period,
// editing a draft's texts at the version read, starting a new draft after a lock, and reading
// them back. Locking — which computes the report and stores it — is in store-report.ts. Every
// change writes its audit event in the same transaction; a change at a stale version is a
// ConflictError, bad input a ValidationError in Swedish naming the field.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable, Tx } from "../platform/database/connect.ts";
import {
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from "../platform/errors.ts";
import { formatDateTime, formatNumber } from "../platform/i18n/format.ts";
import { UUID } from "../platform/uuid.ts";
import { actorName } from "../reports/report-versions.ts";
import type { FollowUpPeriod } from "./model.ts";
import { followUpPeriod } from "./period.ts";
import { type FollowUpVersionStatus, followUps, followUpVersions } from "./schema.ts";

/** The longest text the office may write in one section (the database checks it too). */
export const FOLLOW_UP_TEXT_MAX = 20_000;
/** The longest period a follow-up may cover, in years. */
export const FOLLOW_UP_MAX_YEARS = 3;
/** The longest name of a period. */
export const FOLLOW_UP_LABEL_MAX = 200;

/** The sections whose text the office writes (or leaves to Samspår). */
export const FOLLOW_UP_TEXT_FIELDS = ["summary", "background", "analysis"] as const;
export type FollowUpTextField = (typeof FOLLOW_UP_TEXT_FIELDS)[number];
export type FollowUpTexts = Record<FollowUpTextField, string | null>;

const SECTION_NAMES: Record<FollowUpTextField, string> = {
  summary: "Sammanfattning",
  background: "Bakgrund",
  analysis: "Sammanfattande analys",
};

export interface FollowUpVersionInfo {
  id: string;
  followUpId: string;
  number: number;
  status: FollowUpVersionStatus;
  texts: FollowUpTexts;
  createdAt: Date;
  createdByName: string;
  updatedAt: Date;
  updatedByName: string;
  lockedAt: Date | null;
  lockedByName: string | null;
  /** A locked version's normal band of the förbrukningskvot, as it was when locked. */
  band: { low: number; high: number } | null;
  /** The version of the row, for optimistic concurrency (not the version's number). */
  version: number;
}

export interface FollowUpDetails {
  id: string;
  associationId: string;
  period: FollowUpPeriod;
  createdAt: Date;
  createdByName: string;
  /** Oldest first. */
  versions: FollowUpVersionInfo[];
}

type VersionRow = typeof followUpVersions.$inferSelect;

const versionColumns = {
  id: followUpVersions.id,
  followUpId: followUpVersions.followUpId,
  associationId: followUpVersions.associationId,
  number: followUpVersions.number,
  status: followUpVersions.status,
  summary: followUpVersions.summary,
  background: followUpVersions.background,
  analysis: followUpVersions.analysis,
  createdAt: followUpVersions.createdAt,
  createdByName: followUpVersions.createdByName,
  updatedAt: followUpVersions.updatedAt,
  updatedByName: followUpVersions.updatedByName,
  lockedAt: followUpVersions.lockedAt,
  lockedByName: followUpVersions.lockedByName,
  ratioLowPercent: followUpVersions.ratioLowPercent,
  ratioHighPercent: followUpVersions.ratioHighPercent,
  version: followUpVersions.version,
};

type VersionListRow = Pick<VersionRow, keyof typeof versionColumns>;

export const versionInfo = (row: VersionListRow): FollowUpVersionInfo => ({
  id: row.id,
  followUpId: row.followUpId,
  number: row.number,
  status: row.status,
  texts: { summary: row.summary, background: row.background, analysis: row.analysis },
  createdAt: row.createdAt,
  createdByName: row.createdByName,
  updatedAt: row.updatedAt,
  updatedByName: row.updatedByName,
  lockedAt: row.lockedAt,
  lockedByName: row.lockedByName,
  band:
    row.ratioLowPercent !== null && row.ratioHighPercent !== null
      ? { low: row.ratioLowPercent, high: row.ratioHighPercent }
      : null,
  version: row.version,
});

const details = (
  row: typeof followUps.$inferSelect,
  versions: FollowUpVersionInfo[],
): FollowUpDetails => ({
  id: row.id,
  associationId: row.associationId,
  period: { from: row.periodFrom, to: row.periodTo, label: row.label },
  createdAt: row.createdAt,
  createdByName: row.createdByName,
  versions,
});

/** The first day after `years` whole years from `date` (29 February counts as 28 February). */
function yearsAfter(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y + years}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export interface FollowUpInput {
  from: string;
  to: string;
  /** How the report names the period; empty: Samspår names it ("kvartal 1 och 2 2026"). */
  label?: string | null;
}

/** Checks the period and its name; returns the period as the report names it. */
export function checkFollowUpInput(input: FollowUpInput): FollowUpPeriod {
  const from = (input.from ?? "").trim();
  const to = (input.to ?? "").trim();
  const label = (input.label ?? "").trim();
  const problems: Record<string, string> = {};
  let period: FollowUpPeriod | undefined;
  try {
    period = followUpPeriod(from, to, label);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(problems, error.fields);
  }
  if (period && to >= yearsAfter(from, FOLLOW_UP_MAX_YEARS))
    problems.to = `En uppföljning får omfatta högst ${FOLLOW_UP_MAX_YEARS} år, och ${from} – ${to} är längre än så. Välj en kortare period, till exempel ett halvår eller ett år.`;
  if (label.length > FOLLOW_UP_LABEL_MAX)
    problems.label = `Periodens namn får vara högst ${FOLLOW_UP_LABEL_MAX} tecken (nu ${label.length}). Korta det, eller lämna fältet tomt så namnger Samspår perioden.`;
  if (Object.keys(problems).length > 0 || !period) throw new ValidationError(problems);
  return period;
}

/** Creates a follow-up of a period with its first draft (version 1). */
export async function createFollowUp(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  input: FollowUpInput,
): Promise<FollowUpDetails> {
  const period = checkFollowUpInput(input);
  try {
    return await q.transaction(async (tx) => {
      const name = await actorName(tx, actor);
      const [row] = await tx
        .insert(followUps)
        .values({
          associationId,
          periodFrom: period.from,
          periodTo: period.to,
          label: period.label,
          createdBy: actor.userId,
          createdByName: name,
        })
        .returning();
      if (!row) throw new Error("insert returned nothing");
      const [version] = await tx
        .insert(followUpVersions)
        .values({
          followUpId: row.id,
          associationId,
          number: 1,
          createdBy: actor.userId,
          createdByName: name,
          updatedByName: name,
        })
        .returning(versionColumns);
      if (!version) throw new Error("insert returned nothing");
      await recordAuditEvent(tx, actor, {
        action: "follow_up.created",
        associationId,
        targetType: "follow_up",
        targetId: row.id,
        details: { from: period.from, to: period.to, label: period.label },
      });
      return details(row, [versionInfo(version)]);
    });
  } catch (error) {
    if (isUniqueViolation(error, "follow_ups_period_unique"))
      throw new ValidationError({
        from: `Det finns redan en uppföljning för perioden ${period.from} – ${period.to}. Öppna den i listan i stället, eller välj en annan period.`,
      });
    throw error;
  }
}

async function withVersions(
  q: Queryable,
  rows: Array<typeof followUps.$inferSelect>,
): Promise<FollowUpDetails[]> {
  if (rows.length === 0) return [];
  const versions = await q
    .select(versionColumns)
    .from(followUpVersions)
    .where(
      inArray(
        followUpVersions.followUpId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(followUpVersions.number));
  const byFollowUp = new Map<string, FollowUpVersionInfo[]>();
  for (const v of versions) {
    const list = byFollowUp.get(v.followUpId) ?? [];
    list.push(versionInfo(v));
    byFollowUp.set(v.followUpId, list);
  }
  return rows.map((r) => details(r, byFollowUp.get(r.id) ?? []));
}

/** The association's follow-ups, the latest period first, each with its versions. */
export async function listFollowUps(
  q: Queryable,
  associationId: string,
): Promise<FollowUpDetails[]> {
  const rows = await q
    .select()
    .from(followUps)
    .where(eq(followUps.associationId, associationId))
    .orderBy(desc(followUps.periodTo), desc(followUps.periodFrom), asc(followUps.createdAt));
  return withVersions(q, rows);
}

/** One follow-up of the association with its versions, or undefined. */
export async function getFollowUp(
  q: Queryable,
  associationId: string,
  followUpId: string,
): Promise<FollowUpDetails | undefined> {
  if (!UUID.test(followUpId)) return undefined;
  const rows = await q
    .select()
    .from(followUps)
    .where(and(eq(followUps.id, followUpId), eq(followUps.associationId, associationId)));
  return (await withVersions(q, rows))[0];
}

/** The association a follow-up belongs to (the API's /follow-ups/{id} starts from it). */
export async function followUpAssociationId(
  q: Queryable,
  followUpId: string,
): Promise<string | undefined> {
  if (!UUID.test(followUpId)) return undefined;
  const [row] = await q
    .select({ associationId: followUps.associationId })
    .from(followUps)
    .where(eq(followUps.id, followUpId));
  return row?.associationId;
}

/** The versions a reader may see: all for the office, the locked ones for everyone else. */
export function visibleVersions(
  followUp: FollowUpDetails,
  seesDrafts: boolean,
): FollowUpVersionInfo[] {
  return seesDrafts ? followUp.versions : followUp.versions.filter((v) => v.status === "last");
}

/** The draft of a follow-up, if it has one. */
export const draftOf = (followUp: FollowUpDetails): FollowUpVersionInfo | undefined =>
  followUp.versions.find((v) => v.status === "utkast");

/** The newest locked version of a follow-up, if any. */
export const latestLocked = (followUp: FollowUpDetails): FollowUpVersionInfo | undefined =>
  followUp.versions.filter((v) => v.status === "last").at(-1);

/** A draft row of the association, locked for update, at the version the caller read. */
export async function draftForUpdate(
  tx: Tx,
  associationId: string,
  versionId: string,
  expectedVersion: number,
): Promise<VersionRow> {
  if (!UUID.test(versionId)) throw new NotFoundError("Versionen av uppföljningen finns inte.");
  const [row] = await tx
    .select()
    .from(followUpVersions)
    .where(
      and(eq(followUpVersions.id, versionId), eq(followUpVersions.associationId, associationId)),
    )
    .for("update");
  if (!row) throw new NotFoundError("Versionen av uppföljningen finns inte.");
  if (row.status === "last")
    throw new ConflictError(
      `Version ${row.number} är låst${row.lockedByName ? ` av ${row.lockedByName}` : ""} och kan inte ändras. Starta en ny version om något behöver rättas.`,
    );
  if (row.version !== expectedVersion)
    throw new ConflictError(
      `Någon annan har ändrat utkastet (version ${row.number}) medan du arbetade: ${row.updatedByName} sparade det ${formatDateTime(row.updatedAt)}. Dina ändringar är inte sparade. Ladda om sidan, se vad som gäller nu och gör om dem.`,
    );
  return row;
}

/** A text as given: trimmed, line ends as \n; empty means "use the generated text" (null). */
function normaliseText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/\r\n?/g, "\n").trim();
  return text === "" ? null : text;
}

/**
 * Saves the office's texts of a draft at the version read. A field left out stays as it is; an
 * empty one returns the section to the text Samspår generates from the figures.
 */
export async function saveFollowUpTexts(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  versionId: string,
  expectedVersion: number,
  texts: Partial<Record<FollowUpTextField, string | null>>,
): Promise<FollowUpVersionInfo> {
  const changes: Partial<FollowUpTexts> = {};
  const problems: Record<string, string> = {};
  for (const field of FOLLOW_UP_TEXT_FIELDS) {
    if (!(field in texts)) continue;
    const text = normaliseText(texts[field]);
    if (text !== null && text.length > FOLLOW_UP_TEXT_MAX)
      problems[field] =
        `Texten i ${SECTION_NAMES[field]} är för lång: högst ${formatNumber(FOLLOW_UP_TEXT_MAX)} tecken, och den har ${formatNumber(text.length)}. Korta den.`;
    changes[field] = text;
  }
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return q.transaction(async (tx) => {
    const row = await draftForUpdate(tx, associationId, versionId, expectedVersion);
    const changed = FOLLOW_UP_TEXT_FIELDS.filter(
      (f) => f in changes && (changes[f] ?? null) !== row[f],
    );
    const name = await actorName(tx, actor);
    const [updated] = await tx
      .update(followUpVersions)
      .set({ ...changes, updatedAt: new Date(), updatedByName: name, version: row.version + 1 })
      .where(eq(followUpVersions.id, row.id))
      .returning(versionColumns);
    if (!updated) throw new Error("update returned nothing");
    await recordAuditEvent(tx, actor, {
      action: "follow_up.texts_saved",
      associationId,
      targetType: "follow_up",
      targetId: row.followUpId,
      details: {
        versionId: row.id,
        number: row.number,
        changed,
        // which sections the office wrote itself, and how long; never the text itself
        lengths: Object.fromEntries(
          FOLLOW_UP_TEXT_FIELDS.map((f) => [f, updated[f]?.length ?? null]),
        ),
      },
    });
    return versionInfo(updated);
  });
}

/**
 * Starts a new draft of a follow-up after its latest version was locked, with the office's
 * texts of that version to go on from. Refused while the follow-up has a draft.
 */
export async function startFollowUpVersion(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  followUpId: string,
): Promise<FollowUpVersionInfo> {
  return q.transaction(async (tx) => {
    if (!UUID.test(followUpId)) throw new NotFoundError("Uppföljningen finns inte.");
    const [followUp] = await tx
      .select()
      .from(followUps)
      .where(and(eq(followUps.id, followUpId), eq(followUps.associationId, associationId)))
      .for("update");
    if (!followUp) throw new NotFoundError("Uppföljningen finns inte.");
    const [draft] = await tx
      .select({ number: followUpVersions.number })
      .from(followUpVersions)
      .where(
        and(eq(followUpVersions.followUpId, followUpId), eq(followUpVersions.status, "utkast")),
      );
    if (draft)
      throw new ConflictError(
        `Uppföljningen har redan ett utkast (version ${draft.number}). Fortsätt med det i stället för att starta en ny version.`,
      );
    const [last] = await tx
      .select()
      .from(followUpVersions)
      .where(eq(followUpVersions.followUpId, followUpId))
      .orderBy(desc(followUpVersions.number))
      .limit(1);
    const name = await actorName(tx, actor);
    const [row] = await tx
      .insert(followUpVersions)
      .values({
        followUpId,
        associationId,
        number: (last?.number ?? 0) + 1,
        summary: last?.summary ?? null,
        background: last?.background ?? null,
        analysis: last?.analysis ?? null,
        createdBy: actor.userId,
        createdByName: name,
        updatedByName: name,
      })
      .returning(versionColumns);
    if (!row) throw new Error("insert returned nothing");
    await recordAuditEvent(tx, actor, {
      action: "follow_up.version_started",
      associationId,
      targetType: "follow_up",
      targetId: followUpId,
      details: { versionId: row.id, number: row.number, from: last?.number ?? null },
    });
    return versionInfo(row);
  });
}
