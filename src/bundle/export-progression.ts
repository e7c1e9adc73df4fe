// Progression measurement of an association as a bundle section (progression-schema.ts): its own
// instruments with every version, and the measurement plans of its initiatives, each
// instrument version named by {instrument key, shipped, number}. The shipped instruments, the
// measurements and every id stay out. Instruments are sorted by key, versions by number, plans
// in the order of their initiatives in the bundle, so the same data always gives the same
// section. The functions that turn stored rows into their bundle form are also what the import
// compares a file with (import-progression.ts).
import { asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../platform/database/connect.ts";
import { type InstrumentDefinition, PORTAL_LANGUAGES, type Texts } from "../progression/model.ts";
import {
  progressionInstruments,
  progressionInstrumentVersions,
  progressionPlans,
} from "../progression/schema.ts";
import { compare } from "./export-reports.ts";
import type {
  BundleInstrument,
  BundleInstrumentVersion,
  BundlePlan,
  BundleProgression,
  BundleVersionReference,
} from "./progression-schema.ts";

export type InstrumentRow = typeof progressionInstruments.$inferSelect;
export type InstrumentVersionRow = typeof progressionInstrumentVersions.$inferSelect;
export type PlanRow = typeof progressionPlans.$inferSelect;

/** A text with its languages in the portal's order (Swedish first), nothing else. */
export function textsOf(t: Texts): Texts {
  const out: Record<string, string> = { sv: t.sv };
  for (const lang of PORTAL_LANGUAGES) {
    const value = t[lang];
    if (lang !== "sv" && typeof value === "string") out[lang] = value;
  }
  return out as Texts;
}

/** A definition with its fields in a fixed order, nothing else. */
export const definitionOf = (d: InstrumentDefinition): InstrumentDefinition => ({
  respondent: d.respondent,
  instructions: textsOf(d.instructions),
  scale: {
    min: d.scale.min,
    max: d.scale.max,
    minLabel: textsOf(d.scale.minLabel),
    maxLabel: textsOf(d.scale.maxLabel),
  },
  items: d.items.map((item) => ({
    key: item.key,
    text: textsOf(item.text),
    reverse: item.reverse,
    subscale: item.subscale ?? null,
  })),
  subscales: d.subscales.map((s) => ({ key: s.key, name: textsOf(s.name) })),
  scoring: {
    method: d.scoring.method,
    minAnsweredShare: d.scoring.minAnsweredShare,
    improvement: d.scoring.improvement,
  },
});

/** A stored version as the bundle holds it. */
export function instrumentVersionOf(v: InstrumentVersionRow): BundleInstrumentVersion {
  if (v.status === "publicerad" && (!v.publishedAt || v.publishedByName === null))
    throw new Error(`published instrument version ${v.id} without its publication`);
  return {
    number: v.number,
    status: v.status,
    definition: definitionOf(v.definition),
    created: { name: v.createdByName, at: v.createdAt.toISOString() },
    published:
      v.status === "publicerad" && v.publishedAt && v.publishedByName !== null
        ? { name: v.publishedByName, at: v.publishedAt.toISOString() }
        : null,
  };
}

/** A stored instrument (without its versions) as the bundle holds it. */
export const instrumentOf = (row: InstrumentRow): Omit<BundleInstrument, "versions"> => ({
  key: row.key,
  name: textsOf(row.name),
  licence: row.licence,
  archived: row.archived,
  created: { name: row.createdByName, at: row.createdAt.toISOString() },
});

/**
 * How each instrument version among `versionIds` is named in a bundle: its instrument's key,
 * whether that is shipped with Samspår, and its number. Versions of another association's
 * instrument are left out (a plan cannot hold them).
 */
export async function versionReferences(
  q: Queryable,
  associationId: string,
  versionIds: readonly string[],
): Promise<Map<string, BundleVersionReference>> {
  if (!versionIds.length) return new Map();
  const rows = await q
    .select({
      id: progressionInstrumentVersions.id,
      number: progressionInstrumentVersions.number,
      key: progressionInstruments.key,
      associationId: progressionInstruments.associationId,
    })
    .from(progressionInstrumentVersions)
    .innerJoin(
      progressionInstruments,
      eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
    )
    .where(inArray(progressionInstrumentVersions.id, [...new Set(versionIds)]));
  return new Map(
    rows
      .filter((r) => r.associationId === null || r.associationId === associationId)
      .map((r) => [
        r.id,
        { instrument: r.key, shipped: r.associationId === null, number: r.number },
      ]),
  );
}

/** A stored plan as the bundle holds it. */
export function planOf(
  row: PlanRow,
  refs: ReadonlyMap<string, BundleVersionReference>,
): BundlePlan {
  return {
    initiative: row.initiativeId,
    instruments: row.instrumentVersionIds.map((id) => {
      const ref = refs.get(id);
      if (!ref) throw new Error(`plan of ${row.initiativeId}: instrument version ${id} not found`);
      return { ...ref };
    }),
    intervalMonths: row.intervalMonths,
    atExit: row.atExit,
    graceDays: row.graceDays,
    targetPercent: row.targetPercent,
    comparisonGroup: row.comparisonGroup,
    updated: { name: row.updatedByName, at: row.updatedAt.toISOString() },
  };
}

/**
 * The association's progression measurement. `initiativeRank` gives each initiative's place in
 * the bundle's list, which orders the plans.
 */
export async function exportProgression(
  q: Queryable,
  associationId: string,
  initiativeRank: ReadonlyMap<string, number>,
): Promise<{ progression: BundleProgression }> {
  // one query after another: q may be a transaction, which runs one query at a time
  const instruments = await q
    .select()
    .from(progressionInstruments)
    .where(eq(progressionInstruments.associationId, associationId));
  const versions = instruments.length
    ? await q
        .select()
        .from(progressionInstrumentVersions)
        .where(
          inArray(
            progressionInstrumentVersions.instrumentId,
            instruments.map((i) => i.id),
          ),
        )
        .orderBy(asc(progressionInstrumentVersions.number))
    : [];
  const plans = await q
    .select()
    .from(progressionPlans)
    .where(eq(progressionPlans.associationId, associationId));
  const refs = await versionReferences(
    q,
    associationId,
    plans.flatMap((p) => p.instrumentVersionIds),
  );
  const rank = (initiativeId: string) => initiativeRank.get(initiativeId) ?? initiativeRank.size;
  return {
    progression: {
      instruments: instruments
        .map(
          (row): BundleInstrument => ({
            ...instrumentOf(row),
            versions: versions.filter((v) => v.instrumentId === row.id).map(instrumentVersionOf),
          }),
        )
        .sort((a, b) => compare(a.key, b.key)),
      plans: plans
        .map((row) => planOf(row, refs))
        .sort(
          (a, b) => rank(a.initiative) - rank(b.initiative) || compare(a.initiative, b.initiative),
        ),
    },
  };
}
