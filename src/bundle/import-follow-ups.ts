// Reads the follow-up reports of a bundle (follow-up-schema.ts) into the instance, inside the
// bundle import's transaction, after the register, the reports and the money. Everything is
// checked first and every problem named at its place in the file; then written.
// A follow-up is picked out by its key and keeps its period (one follow-up per period of the
// association). Its versions follow the app's rules: numbered 1, 2, 3 …, all locked but the
// last, which may be a draft. A new follow-up is written with every version as it was (its
// times, its people's names, no account); a stored one is brought forward: its draft takes the
// file's texts, or is locked as the file's version was, and the versions after it are added.
// A locked version is never changed: the file must hold it exactly as stored here, and the
// database refuses any change of it whatever this code does (migration 0015; inserting a
// locked version is allowed, which is how one arrives here).
// A locked version's report is kept exactly as it was stored, the association's slug and name
// inside it included, even when the association is now called something else or the file is
// imported under another slug: it is a historical document, the report the board received.
import { isDeepStrictEqual } from "node:util";
import { eq, inArray } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { followUps, followUpVersions } from "../follow-up/schema.ts";
import { checkFollowUpInput } from "../follow-up/store.ts";
import type { Tx } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import type { Bundle } from "./bundle-schema.ts";
import {
  type FollowUpRow,
  type FollowUpVersionRow,
  followUpOf,
  followUpVersionOf,
} from "./export-follow-ups.ts";
import type { BundleFollowUp, BundleFollowUpVersion } from "./follow-up-schema.ts";
import type { ImportCounts } from "./import-bundle.ts";
import { type Add, Problems } from "./import-reports.ts";

export interface FollowUpResult {
  /** Per follow-up: created, brought forward (updated) or left as it is. */
  followUps: ImportCounts;
  /** Per version: created, a draft changed or locked (updated), or left as it is. */
  followUpVersions: ImportCounts;
}

const counts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

type VersionValues = Omit<typeof followUpVersions.$inferInsert, "followUpId" | "associationId">;

/** A version of the file as the row it is stored as (no account behind any name). */
const valuesOf = (v: BundleFollowUpVersion): VersionValues => ({
  id: v.key,
  number: v.number,
  status: v.status,
  summary: v.summary,
  background: v.background,
  analysis: v.analysis,
  report: v.locked?.report ?? null,
  ratioLowPercent: v.locked?.ratioLowPercent ?? null,
  ratioHighPercent: v.locked?.ratioHighPercent ?? null,
  createdBy: null,
  createdByName: v.created.name,
  createdAt: new Date(v.created.at),
  updatedByName: v.updated.name,
  updatedAt: new Date(v.updated.at),
  lockedAt: v.locked ? new Date(v.locked.at) : null,
  lockedBy: null,
  lockedByName: v.locked?.name ?? null,
});

interface Plan {
  item: BundleFollowUp;
  /** The stored follow-up, when the file brings one forward. */
  stored: FollowUpRow | undefined;
  /** Versions to insert, in number order. */
  inserts: BundleFollowUpVersion[];
  /** The stored draft, changed to the file's version of it (its texts, or locked). */
  update: { row: FollowUpVersionRow; version: BundleFollowUpVersion } | undefined;
  unchanged: number;
}

/** The rules every follow-up of the file must keep, stored or not. */
function checkItem(item: BundleFollowUp, add: Add) {
  try {
    const period = checkFollowUpInput(item.period);
    if (period.label !== item.period.label)
      add("period.label", "Skriv periodens namn utan blanksteg först eller sist.");
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const [field, message] of Object.entries(error.fields)) add(`period.${field}`, message);
  }
  const last = item.versions.length - 1;
  item.versions.forEach((v, j) => {
    const at = `versions[${j}]`;
    if (v.number !== j + 1)
      add(`${at}.number`, "Versionerna ska vara numrerade 1, 2, 3 … i ordning.");
    if (v.status === "last" && !v.locked)
      add(
        `${at}.locked`,
        "En låst version (status last) har locked: vem som låste den och när, normalintervallet och rapporten.",
      );
    if (v.status === "utkast" && v.locked)
      add(`${at}.locked`, 'Ett utkast är inte låst: ange "locked": null, eller status last.');
    if (v.status === "utkast" && j !== last)
      add(
        `${at}.status`,
        `Bara den sista versionen kan vara ett utkast; version ${v.number} följs av fler. Ange status last med rapporten som den låstes.`,
      );
    const report = v.locked?.report;
    if (!v.locked || !report) return;
    // the snapshot is this version's: a report from elsewhere is not passed off as it
    const own = report.version;
    if (!own || own.id !== v.key || own.number !== v.number || own.status !== "last")
      add(
        `${at}.locked.report.version`,
        `Rapporten är inte den här versionens: den ska ha id ${v.key}, number ${v.number} och status last.`,
      );
    else if (own.lockedAt === null || new Date(own.lockedAt).getTime() !== Date.parse(v.locked.at))
      add(
        `${at}.locked.report.version.lockedAt`,
        `Rapporten låstes ${own.lockedAt ?? "aldrig"}, men versionen ${v.locked.at}. Ange samma tidpunkt.`,
      );
    else if (own.lockedBy !== v.locked.name)
      add(
        `${at}.locked.report.version.lockedBy`,
        `Rapporten låstes av ${JSON.stringify(own.lockedBy)}, men versionen av ${JSON.stringify(v.locked.name)}. Ange samma namn.`,
      );
    if (!isDeepStrictEqual(report.period, item.period))
      add(
        `${at}.locked.report.period`,
        `Rapporten gäller ${report.period.from} – ${report.period.to} (${report.period.label}), men uppföljningen ${item.period.from} – ${item.period.to} (${item.period.label}).`,
      );
  });
}

/**
 * Checks the follow-ups of a bundle against the file's own rules and what is stored here, and
 * plans what to write.
 */
async function planFollowUps(
  tx: Tx,
  associationId: string,
  problems: Problems,
  list: BundleFollowUp[],
): Promise<Plan[]> {
  const keys = list.map((f) => f.key);
  const versionKeys = list.flatMap((f) => f.versions.map((v) => v.key));
  // one query after another: a transaction runs one query at a time
  const storedByKey = new Map(
    (await tx.select().from(followUps).where(inArray(followUps.id, keys)).for("update")).map(
      (f) => [f.id, f],
    ),
  );
  const ofAssociation = await tx
    .select()
    .from(followUps)
    .where(eq(followUps.associationId, associationId));
  const ours = ofAssociation.map((f) => f.id);
  const storedVersions = ours.length
    ? await tx
        .select()
        .from(followUpVersions)
        .where(inArray(followUpVersions.followUpId, ours))
        .for("update")
    : [];
  const versionHolder = new Map(
    (versionKeys.length
      ? await tx
          .select({ id: followUpVersions.id, followUpId: followUpVersions.followUpId })
          .from(followUpVersions)
          .where(inArray(followUpVersions.id, versionKeys))
      : []
    ).map((v) => [v.id, v.followUpId]),
  );

  const plans: Plan[] = [];
  const versionPlace = new Map<string, string>();
  for (const [i, item] of list.entries()) {
    const where = `followUps[${i}]`;
    const add = problems.at(where, ` (uppföljningen ${item.period.label})`);
    checkItem(item, add);
    const first = keys.indexOf(item.key);
    if (first !== i) add("key", `Nyckeln finns redan i followUps[${first}].`);
    const samePeriod = list.findIndex(
      (f) => f.period.from === item.period.from && f.period.to === item.period.to,
    );
    if (samePeriod !== i)
      add(
        "period",
        `Perioden ${item.period.from} – ${item.period.to} har redan en uppföljning i followUps[${samePeriod}]. En period har en uppföljning.`,
      );
    item.versions.forEach((v, j) => {
      const seen = versionPlace.get(v.key);
      if (seen) add(`versions[${j}].key`, `Nyckeln finns redan i ${seen}.`);
      else versionPlace.set(v.key, `${where}.versions[${j}]`);
      const holder = versionHolder.get(v.key);
      if (holder && holder !== item.key)
        add(`versions[${j}].key`, "Nyckeln används redan av en version av en annan uppföljning.");
    });

    const existing = storedByKey.get(item.key);
    if (existing && existing.associationId !== associationId) {
      add("key", "Nyckeln används redan av en uppföljning i ett annat förbund.");
      continue;
    }
    const other = ofAssociation.find(
      (f) =>
        f.id !== item.key && f.periodFrom === item.period.from && f.periodTo === item.period.to,
    );
    if (other)
      add(
        "period",
        `Förbundet har redan en uppföljning för perioden ${item.period.from} – ${item.period.to} här, med en annan nyckel (${other.id}). En period har en uppföljning.`,
      );
    if (!existing) {
      plans.push({
        item,
        stored: undefined,
        inserts: item.versions,
        update: undefined,
        unchanged: 0,
      });
      continue;
    }

    // brought forward: its period stays, its locked versions stay, its draft may move on
    if (!isDeepStrictEqual(followUpOf(existing).period, item.period))
      add(
        "period",
        `Uppföljningen finns redan här för ${existing.periodFrom} – ${existing.periodTo} (${existing.label}). En uppföljnings period och namn ändras inte.`,
      );
    const history = storedVersions
      .filter((v) => v.followUpId === item.key)
      .sort((a, b) => a.number - b.number);
    if (history.length > item.versions.length)
      add(
        "versions",
        `Uppföljningen har ${history.length} versioner här men ${item.versions.length} i filen. En version tas aldrig bort: importera en nyare export.`,
      );
    let update: Plan["update"];
    let unchanged = 0;
    for (const [j, row] of history.entries()) {
      const theirs = item.versions[j];
      if (!theirs) break;
      const at = `versions[${j}]`;
      if (theirs.key !== row.id) {
        add(
          `${at}.key`,
          `Version ${row.number} har en annan nyckel här (${row.id}). Historiken kan inte skrivas om.`,
        );
        continue;
      }
      if (isDeepStrictEqual(followUpVersionOf(row), theirs)) {
        unchanged++;
        continue;
      }
      if (row.status === "last")
        add(
          at,
          `Version ${row.number} är låst här och skiljer sig från filens. En låst version ändras aldrig.`,
        );
      else update = { row, version: theirs };
    }
    plans.push({
      item,
      stored: existing,
      inserts: item.versions.slice(history.length),
      update,
      unchanged,
    });
  }
  return plans;
}

async function writeFollowUp(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  plan: Plan,
  result: FollowUpResult,
) {
  const { item } = plan;
  if (plan.stored && !plan.update && !plan.inserts.length) {
    result.followUps.unchanged++;
    result.followUpVersions.unchanged += plan.unchanged;
    return;
  }
  if (!plan.stored)
    await tx.insert(followUps).values({
      id: item.key,
      associationId,
      periodFrom: item.period.from,
      periodTo: item.period.to,
      label: item.period.label,
      createdBy: null,
      createdByName: item.created.name,
      createdAt: new Date(item.created.at),
    });
  // the draft first: locked here before the next version (maybe a new draft) is added
  if (plan.update) {
    const { row, version } = plan.update;
    const { id: _, ...values } = valuesOf(version);
    await tx
      .update(followUpVersions)
      .set({ ...values, version: row.version + 1 })
      .where(eq(followUpVersions.id, row.id));
  }
  if (plan.inserts.length)
    await tx
      .insert(followUpVersions)
      .values(plan.inserts.map((v) => ({ ...valuesOf(v), followUpId: item.key, associationId })));
  const outcome = plan.stored ? "updated" : "created";
  await recordAuditEvent(tx, actor, {
    action: "follow_up.imported",
    associationId,
    targetType: "follow_up",
    targetId: item.key,
    details: {
      from: item.period.from,
      to: item.period.to,
      label: item.period.label,
      outcome,
      versionsAdded: plan.inserts.map((v) => v.number),
      ...(plan.update
        ? {
            draftChanged: plan.update.version.number,
            draftLocked: plan.update.version.status === "last",
          }
        : {}),
      locked: [...(plan.update ? [plan.update.version] : []), ...plan.inserts]
        .filter((v) => v.status === "last")
        .map((v) => v.number),
    },
  });
  result.followUps[outcome]++;
  result.followUpVersions.created += plan.inserts.length;
  result.followUpVersions.updated += plan.update ? 1 : 0;
  result.followUpVersions.unchanged += plan.unchanged;
}

/**
 * Imports the follow-up reports of a bundle into the association, in the caller's
 * transaction. Refuses with every problem at its place in the file; the caller's transaction
 * then writes nothing at all. A file of version 5 or older has none: nothing happens.
 */
export async function importFollowUps(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  bundle: Bundle,
): Promise<FollowUpResult> {
  const result: FollowUpResult = { followUps: counts(), followUpVersions: counts() };
  if (!bundle.followUps.length) return result;
  const problems = new Problems();
  const plans = await planFollowUps(tx, associationId, problems, bundle.followUps);
  problems.throwIfAny();
  for (const plan of plans) await writeFollowUp(tx, actor, associationId, plan, result);
  return result;
}

/** Whether the follow-up part of an import changed anything. */
export const followUpsChanged = (r: FollowUpResult) =>
  [r.followUps, r.followUpVersions].some((c) => c.created + c.updated > 0);
