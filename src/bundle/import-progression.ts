// Reads the progression measurement of a bundle (progression-schema.ts) into the instance,
// inside the bundle import's transaction, after the initiatives. Everything is checked first and
// every problem named at its place in the file; then written.
// The association's own instruments are matched by key. A new one is written with every version
// as it was (its times, its people's names, no account). A stored one is brought forward: its
// name, licence and archiving take the file's (who added it and when stay as recorded here), its
// draft takes the file's version of it (maybe published), and the versions after it are added. A published version may have answers and is
// never changed: the file must hold it exactly as stored here, and the database refuses any
// change of it whatever this code does (migration 0016; inserting a published version is
// allowed, which is how one arrives here). Every definition passes the instruments' own rules
// (a published one must be complete).
// Plans are matched by their initiative and take the file's. A plan names its instrument versions
// by {instrument key, shipped, number}: a shipped instrument is looked up among the ones this
// Samspår ships, an own one in the file or among the association's instruments here; the version
// must be published. One that cannot be found refuses the whole import.
import { isDeepStrictEqual } from "node:util";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Tx } from "../platform/database/connect.ts";
import { cleanTexts, validateDefinition } from "../progression/instruments.ts";
import type { Texts } from "../progression/model.ts";
import {
  progressionInstruments,
  progressionInstrumentVersions,
  progressionPlans,
} from "../progression/schema.ts";
import type { Bundle } from "./bundle-schema.ts";
import {
  type InstrumentRow,
  type InstrumentVersionRow,
  instrumentVersionOf,
  type PlanRow,
  planOf,
  textsOf,
  versionReferences,
} from "./export-progression.ts";
import type { ImportCounts } from "./import-bundle.ts";
import { type Add, Problems } from "./import-reports.ts";
import type {
  BundleInstrument,
  BundleInstrumentVersion,
  BundlePlan,
  BundleVersionReference,
} from "./progression-schema.ts";

export interface ProgressionResult {
  /** Per own instrument: created, brought forward (updated) or left as it is. */
  progressionInstruments: ImportCounts;
  /** Per version: created, a draft changed or published (updated), or left as it is. */
  progressionInstrumentVersions: ImportCounts;
  /** Per initiative's measurement plan. */
  progressionPlans: ImportCounts;
}

const counts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

const NAME_MAX = 200;
const LICENCE_MAX = 1000;

/** validateDefinition's field names (the edit form's) as the bundle's definition spells them. */
export function definitionField(field: string): string {
  const fixed: Record<string, string> = {
    scale_min: "scale.min",
    scale_max: "scale.max",
    method: "scoring.method",
    min_answered_share: "scoring.minAnsweredShare",
    improvement: "scoring.improvement",
  };
  if (fixed[field]) return fixed[field];
  const lang = (l: string | undefined) => (l ? `.${l}` : "");
  let m = /^(items|subscales)_(\d+)_(key|reverse|subscale)$/.exec(field);
  if (m) return `${m[1]}[${m[2]}].${m[3]}`;
  m = /^(items|subscales)_(\d+)_(text|name)(?:_([a-z]+))?$/.exec(field);
  if (m) return `${m[1]}[${m[2]}].${m[3]}${lang(m[4])}`;
  m = /^(min|max)_label(?:_([a-z]+))?$/.exec(field);
  if (m) return `scale.${m[1]}Label${lang(m[2])}`;
  m = /^instructions(?:_([a-z]+))?$/.exec(field);
  if (m) return `instructions${lang(m[1])}`;
  return field;
}

/** An instrument's name and licence as they are stored. */
const storedName = (item: BundleInstrument): Texts => cleanTexts(item.name);
const storedLicence = (item: BundleInstrument): string | null => item.licence?.trim() || null;

const versionValues = (v: BundleInstrumentVersion) => ({
  number: v.number,
  status: v.status,
  definition: v.definition,
  createdByName: v.created.name,
  createdAt: new Date(v.created.at),
  publishedAt: v.published ? new Date(v.published.at) : null,
  publishedByName: v.published?.name ?? null,
});

/** The rules every instrument of the file must keep, stored or not. */
function checkInstrument(item: BundleInstrument, add: Add, shippedKeys: ReadonlySet<string>) {
  if (shippedKeys.has(item.key))
    add(
      "key",
      `Kortnamnet ${item.key} används av ett instrument från Samspår, som inte ingår i filen. Välj ett annat kortnamn för förbundets eget instrument.`,
    );
  const name = item.name.sv.trim();
  if (!name) add("name.sv", "Skriv instrumentets namn på svenska.");
  else if (name.length > NAME_MAX)
    add("name.sv", `Namnet får vara högst ${NAME_MAX} tecken; korta det.`);
  if ((item.licence ?? "").trim().length > LICENCE_MAX)
    add("licence", "Licenstexten får vara högst 1 000 tecken.");
  const last = item.versions.length - 1;
  item.versions.forEach((v, j) => {
    const at = `versions[${j}]`;
    if (v.number !== j + 1)
      add(`${at}.number`, "Versionerna ska vara numrerade 1, 2, 3 … i ordning.");
    if (v.status === "publicerad" && !v.published)
      add(
        `${at}.published`,
        "En publicerad version har published: vem som publicerade den och när.",
      );
    if (v.status === "utkast" && v.published)
      add(
        `${at}.published`,
        'Ett utkast är inte publicerat: ange "published": null, eller status publicerad.',
      );
    if (v.status === "utkast" && j !== last)
      add(
        `${at}.status`,
        `Bara den sista versionen kan vara ett utkast; version ${v.number} följs av fler. Publicera den, eller ta bort versionerna efter den.`,
      );
    const problems = validateDefinition(
      v.definition,
      v.status === "publicerad" ? "publicera" : "utkast",
    );
    for (const [field, message] of Object.entries(problems))
      add(`${at}.definition.${definitionField(field)}`, message);
  });
}

interface InstrumentPlan {
  item: BundleInstrument;
  /** The stored instrument, when the file brings one forward. */
  stored: InstrumentRow | undefined;
  /** The name, licence or archiving differs from the stored instrument's. */
  changed: boolean;
  /** Versions to insert, in number order. */
  inserts: BundleInstrumentVersion[];
  /** The stored draft, changed to the file's version of it. */
  update: { row: InstrumentVersionRow; version: BundleInstrumentVersion } | undefined;
  unchanged: number;
}

/** The association's own instruments (locked) and their versions. */
async function storedInstruments(tx: Tx, associationId: string) {
  const instruments = await tx
    .select()
    .from(progressionInstruments)
    .where(eq(progressionInstruments.associationId, associationId))
    .for("update");
  const versions = instruments.length
    ? await tx
        .select()
        .from(progressionInstrumentVersions)
        .where(
          inArray(
            progressionInstrumentVersions.instrumentId,
            instruments.map((i) => i.id),
          ),
        )
        .for("update")
    : [];
  return { instruments, versions };
}

type Stored = Awaited<ReturnType<typeof storedInstruments>>;

function planInstruments(
  problems: Problems,
  list: BundleInstrument[],
  stored: Stored,
  shippedKeys: ReadonlySet<string>,
): InstrumentPlan[] {
  const keys = list.map((i) => i.key);
  const plans: InstrumentPlan[] = [];
  for (const [i, item] of list.entries()) {
    const add = problems.at(`progression.instruments[${i}]`, ` (instrumentet ${item.key})`);
    const first = keys.indexOf(item.key);
    if (first !== i) add("key", `Kortnamnet finns redan i progression.instruments[${first}].`);
    checkInstrument(item, add, shippedKeys);
    const existing = stored.instruments.find((s) => s.key === item.key);
    if (!existing) {
      plans.push({
        item,
        stored: undefined,
        changed: true,
        inserts: item.versions,
        update: undefined,
        unchanged: 0,
      });
      continue;
    }
    const history = stored.versions
      .filter((v) => v.instrumentId === existing.id)
      .sort((a, b) => a.number - b.number);
    const lastStored = history.at(-1)?.number ?? 0;
    if (lastStored > item.versions.length)
      add(
        "versions",
        `Instrumentet har ${lastStored} versioner här men ${item.versions.length} i filen. En version tas aldrig bort: importera en nyare export.`,
      );
    let update: InstrumentPlan["update"];
    let unchanged = 0;
    for (const row of history) {
      const j = item.versions.findIndex((v) => v.number === row.number);
      const theirs = item.versions[j];
      if (!theirs) continue;
      if (isDeepStrictEqual(instrumentVersionOf(row), theirs)) {
        unchanged++;
        continue;
      }
      if (row.status === "publicerad")
        add(
          `versions[${j}]`,
          `Version ${row.number} är publicerad här och skiljer sig från filens. En publicerad version kan ha svar och ändras aldrig: lägg ändringen i en ny version.`,
        );
      else update = { row, version: theirs };
    }
    plans.push({
      item,
      stored: existing,
      changed:
        !isDeepStrictEqual(textsOf(existing.name), storedName(item)) ||
        existing.licence !== storedLicence(item) ||
        existing.archived !== item.archived,
      inserts: item.versions.filter((v) => v.number > lastStored),
      update,
      unchanged,
    });
  }
  return plans;
}

/** Where a plan's instrument version is: published (usable), a draft, or nowhere. */
type Lookup = (
  ref: BundleVersionReference,
) => "publicerad" | "utkast" | "no-instrument" | "no-version";

/** The rules of every plan of the file; the instrument versions are looked up by `lookup`. */
async function checkPlans(
  tx: Tx,
  associationId: string,
  problems: Problems,
  bundle: Bundle,
  lookup: Lookup,
) {
  const list = bundle.progression.plans;
  const keys = list.map((p) => p.initiative);
  const found = keys.length
    ? await tx
        .select({
          id: initiatives.id,
          associationId: initiatives.associationId,
          name: initiatives.name,
          orientation: initiatives.orientation,
        })
        .from(initiatives)
        .where(inArray(initiatives.id, [...new Set(keys)]))
    : [];
  for (const [i, item] of list.entries()) {
    const initiative = found.find((r) => r.id === item.initiative);
    const name =
      initiative?.name ??
      bundle.initiatives.find((x) => x.key.toLowerCase() === item.initiative)?.name;
    const add = problems.at(
      `progression.plans[${i}]`,
      name ? ` (mätplanen för insatsen "${name}")` : "",
    );
    const first = keys.indexOf(item.initiative);
    if (first !== i)
      add(
        "initiative",
        `Insatsen har redan en mätplan i progression.plans[${first}]. En insats har en mätplan.`,
      );
    if (!initiative)
      add(
        "initiative",
        "Insatsen finns varken i filen (initiatives) eller i förbundet. Lägg till insatsen i initiatives.",
      );
    else if (initiative.associationId !== associationId)
      add("initiative", "Insatsen hör till ett annat förbund.");
    else if (initiative.orientation !== "individual")
      add(
        "initiative",
        `${initiative.name} är en strukturinriktad insats: den har inga egna deltagare att mäta progression hos. Mätplaner finns för individinriktade insatser.`,
      );
    const seen = new Map<string, number>();
    item.instruments.forEach((ref, j) => {
      const at = `instruments[${j}]`;
      const id = `${ref.shipped}:${ref.instrument}`;
      const earlier = seen.get(id);
      if (earlier !== undefined)
        add(
          at,
          `Instrumentet ${ref.instrument} finns redan i instruments[${earlier}]. Välj bara en version av varje instrument: mätningarna ska gå att jämföra.`,
        );
      else seen.set(id, j);
      const where = lookup(ref);
      if (where === "publicerad") return;
      if (ref.shipped)
        add(
          at,
          where === "no-instrument"
            ? `Samspår har inget instrument med kortnamnet ${ref.instrument}. Filen kan komma från en nyare version av Samspår: uppdatera Samspår och försök igen, eller ange "shipped": false om instrumentet är förbundets eget.`
            : `Samspårs instrument ${ref.instrument} har ingen version ${ref.number} här. Filen kan komma från en nyare version av Samspår: uppdatera Samspår och försök igen.`,
        );
      else if (where === "no-instrument")
        add(
          at,
          `Förbundet har inget eget instrument med kortnamnet ${ref.instrument}, varken i filen (progression.instruments) eller här. Lägg till instrumentet i progression.instruments, eller ange "shipped": true om det följer med Samspår.`,
        );
      else if (where === "no-version")
        add(
          at,
          `Instrumentet ${ref.instrument} har ingen version ${ref.number}, varken i filen eller här.`,
        );
      else
        add(
          at,
          `Version ${ref.number} av instrumentet ${ref.instrument} är ett utkast. En mätplan mäter bara med publicerade versioner.`,
        );
    });
  }
}

async function writeInstrument(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  plan: InstrumentPlan,
  result: ProgressionResult,
) {
  const { item } = plan;
  if (plan.stored && !plan.changed && !plan.update && !plan.inserts.length) {
    result.progressionInstruments.unchanged++;
    result.progressionInstrumentVersions.unchanged += plan.unchanged;
    return;
  }
  let instrumentId = plan.stored?.id;
  if (!plan.stored) {
    const [row] = await tx
      .insert(progressionInstruments)
      .values({
        associationId,
        key: item.key,
        name: storedName(item),
        licence: storedLicence(item),
        archived: item.archived,
        createdByName: item.created.name,
        createdAt: new Date(item.created.at),
      })
      .returning({ id: progressionInstruments.id });
    instrumentId = row?.id;
  } else if (plan.changed) {
    await tx
      .update(progressionInstruments)
      .set({
        name: storedName(item),
        licence: storedLicence(item),
        archived: item.archived,
        updatedAt: new Date(),
        version: plan.stored.version + 1,
      })
      .where(eq(progressionInstruments.id, plan.stored.id));
  }
  if (!instrumentId) throw new Error(`instrument ${item.key} was not written`);
  // the draft first: published here before the next version (maybe a new draft) is added
  if (plan.update) {
    const { row, version } = plan.update;
    await tx
      .update(progressionInstrumentVersions)
      .set({ ...versionValues(version), version: row.version + 1 })
      .where(eq(progressionInstrumentVersions.id, row.id));
  }
  if (plan.inserts.length)
    await tx
      .insert(progressionInstrumentVersions)
      .values(plan.inserts.map((v) => ({ ...versionValues(v), instrumentId })));
  const outcome = plan.stored ? "updated" : "created";
  await recordAuditEvent(tx, actor, {
    action: "progression_instrument.imported",
    associationId,
    targetType: "progression_instrument",
    targetId: instrumentId,
    details: {
      key: item.key,
      name: storedName(item).sv,
      licence: storedLicence(item),
      archived: item.archived,
      outcome,
      versionsAdded: plan.inserts.map((v) => v.number),
      ...(plan.update ? { draftChanged: plan.update.version.number } : {}),
      published: [...(plan.update ? [plan.update.version] : []), ...plan.inserts]
        .filter((v) => v.status === "publicerad")
        .map((v) => v.number),
    },
  });
  result.progressionInstruments[outcome]++;
  result.progressionInstrumentVersions.created += plan.inserts.length;
  result.progressionInstrumentVersions.updated += plan.update ? 1 : 0;
  result.progressionInstrumentVersions.unchanged += plan.unchanged;
}

/** The ids of the instrument versions the file's plans name, once the instruments are written. */
async function versionIds(tx: Tx, associationId: string, plans: BundlePlan[]) {
  const refs = plans.flatMap((p) => p.instruments);
  const keys = [...new Set(refs.map((r) => r.instrument))];
  const rows = keys.length
    ? await tx
        .select({
          id: progressionInstrumentVersions.id,
          number: progressionInstrumentVersions.number,
          status: progressionInstrumentVersions.status,
          key: progressionInstruments.key,
          associationId: progressionInstruments.associationId,
        })
        .from(progressionInstrumentVersions)
        .innerJoin(
          progressionInstruments,
          eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
        )
        .where(inArray(progressionInstruments.key, keys))
    : [];
  return (ref: BundleVersionReference): string => {
    const row = rows.find(
      (r) =>
        r.key === ref.instrument &&
        r.number === ref.number &&
        r.status === "publicerad" &&
        (ref.shipped ? r.associationId === null : r.associationId === associationId),
    );
    if (!row) throw new Error(`instrument version ${JSON.stringify(ref)} vanished`);
    return row.id;
  };
}

async function writePlans(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  plans: BundlePlan[],
  result: ProgressionResult,
) {
  if (!plans.length) return;
  const idOf = await versionIds(tx, associationId, plans);
  const stored = await tx
    .select()
    .from(progressionPlans)
    .where(
      and(
        eq(progressionPlans.associationId, associationId),
        inArray(
          progressionPlans.initiativeId,
          plans.map((p) => p.initiative),
        ),
      ),
    )
    .for("update");
  const refs = await versionReferences(
    tx,
    associationId,
    stored.flatMap((p) => p.instrumentVersionIds),
  );
  const names = new Map(
    (
      await tx
        .select({ id: initiatives.id, name: initiatives.name })
        .from(initiatives)
        .where(
          inArray(
            initiatives.id,
            plans.map((p) => p.initiative),
          ),
        )
    ).map((r) => [r.id, r.name]),
  );
  for (const plan of plans) {
    const current: PlanRow | undefined = stored.find((s) => s.initiativeId === plan.initiative);
    if (current && isDeepStrictEqual(planOf(current, refs), plan)) {
      result.progressionPlans.unchanged++;
      continue;
    }
    const values = {
      instrumentVersionIds: plan.instruments.map(idOf),
      intervalMonths: plan.intervalMonths,
      atExit: plan.atExit,
      graceDays: plan.graceDays,
      targetPercent: plan.targetPercent,
      comparisonGroup: plan.comparisonGroup,
      updatedByName: plan.updated.name,
      updatedBy: null,
      updatedAt: new Date(plan.updated.at),
    };
    if (current)
      await tx
        .update(progressionPlans)
        .set({ ...values, version: current.version + 1 })
        .where(eq(progressionPlans.initiativeId, current.initiativeId));
    else
      await tx
        .insert(progressionPlans)
        .values({ ...values, initiativeId: plan.initiative, associationId, version: 1 });
    const outcome = current ? "updated" : "created";
    await recordAuditEvent(tx, actor, {
      action: "progression_plan.imported",
      associationId,
      targetType: "initiative",
      targetId: plan.initiative,
      details: {
        initiative: names.get(plan.initiative) ?? null,
        outcome,
        instruments: plan.instruments.map(
          (r) => `${r.instrument} version ${r.number}${r.shipped ? " (Samspår)" : ""}`,
        ),
        intervalMonths: plan.intervalMonths,
        atExit: plan.atExit,
        graceDays: plan.graceDays,
        targetPercent: plan.targetPercent,
        comparisonGroup: plan.comparisonGroup,
      },
    });
    result.progressionPlans[outcome]++;
  }
}

/**
 * Imports the progression measurement of a bundle into the association, in the caller's
 * transaction, after its initiatives. Refuses with every problem at its place in the file; the
 * caller's transaction then writes nothing at all. A file of version 6 or older has none:
 * nothing happens.
 */
export async function importProgression(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  bundle: Bundle,
): Promise<ProgressionResult> {
  const result: ProgressionResult = {
    progressionInstruments: counts(),
    progressionInstrumentVersions: counts(),
    progressionPlans: counts(),
  };
  const { instruments: list, plans } = bundle.progression;
  if (!list.length && !plans.length) return result;
  const problems = new Problems();
  const shipped = await tx
    .select({
      key: progressionInstruments.key,
      number: progressionInstrumentVersions.number,
      status: progressionInstrumentVersions.status,
    })
    .from(progressionInstruments)
    .leftJoin(
      progressionInstrumentVersions,
      eq(progressionInstrumentVersions.instrumentId, progressionInstruments.id),
    )
    .where(isNull(progressionInstruments.associationId));
  const shippedKeys = new Set(shipped.map((s) => s.key));
  const stored = await storedInstruments(tx, associationId);
  const instrumentPlans = planInstruments(problems, list, stored, shippedKeys);

  // a plan's instrument version as it will be once the file's instruments are written
  const lookup: Lookup = (ref) => {
    if (ref.shipped) {
      if (!shippedKeys.has(ref.instrument)) return "no-instrument";
      const version = shipped.find((s) => s.key === ref.instrument && s.number === ref.number);
      return version?.status ?? "no-version";
    }
    const inFile = list.find((i) => i.key === ref.instrument);
    if (inFile) return inFile.versions.find((v) => v.number === ref.number)?.status ?? "no-version";
    const here = stored.instruments.find((i) => i.key === ref.instrument);
    if (!here) return "no-instrument";
    const version = stored.versions.find(
      (v) => v.instrumentId === here.id && v.number === ref.number,
    );
    return version?.status ?? "no-version";
  };
  await checkPlans(tx, associationId, problems, bundle, lookup);
  problems.throwIfAny();

  for (const plan of instrumentPlans) await writeInstrument(tx, actor, associationId, plan, result);
  await writePlans(tx, actor, associationId, plans, result);
  return result;
}

/** Whether the progression part of an import changed anything. */
export const progressionChanged = (r: ProgressionResult) =>
  [r.progressionInstruments, r.progressionInstrumentVersions, r.progressionPlans].some(
    (c) => c.created + c.updated > 0,
  );
