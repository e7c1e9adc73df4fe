// The instruments an association measures progression with (association zone; domain/
// participants.md §"Progression measurement"): those shipped with Samspår (builtin.ts, read
// only) and the association's own. An own instrument is versioned: version 1 starts as a draft
// the office edits; publishing makes it usable in measurement plans and freezes it (the database
// refuses any change of a published version, since it may have answers); a changed instrument is
// a new version, started as a copy of the latest. A licensed instrument (KASAM, the national
// indicator questionnaires…) may only be added by an association that states it holds the
// licence to use it unchanged. Every change writes an audit event in the same transaction; a
// stale draft is a ConflictError.
//
// Whether a version "is in use" is not looked up in the register (the association zone cannot
// read measurements): a published version is the only kind a measurement can use, and it never
// changes, so published is what counts.
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import {
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from "../platform/errors.ts";
import { UUID } from "../platform/uuid.ts";
import { BUILT_IN_INSTRUMENTS } from "./builtin.ts";
import { MAX_ITEMS, MAX_SUBSCALES } from "./instrument-limits.ts";
import { type InstrumentDefinition, PORTAL_LANGUAGES, RESPONDENTS, type Texts } from "./model.ts";
import {
  type InstrumentVersionStatus,
  progressionInstruments,
  progressionInstrumentVersions,
} from "./schema.ts";

export interface InstrumentVersionSummary {
  id: string;
  number: number;
  status: InstrumentVersionStatus;
  createdAt: Date;
  createdByName: string;
  publishedAt: Date | null;
  publishedByName: string | null;
  /** The draft's optimistic version (a published version never changes). */
  version: number;
}

export interface InstrumentSummary {
  id: string;
  key: string;
  name: Texts;
  /** null: open; otherwise who holds the licence and on what terms. */
  licence: string | null;
  /** Shipped with Samspår: the same for every association, never changed here. */
  shipped: boolean;
  archived: boolean;
  createdByName: string;
  createdAt: Date;
  version: number;
  /** Oldest first. */
  versions: InstrumentVersionSummary[];
  /** Has a published version, which measurements may use (and so may have answers). */
  inUse: boolean;
}

export interface InstrumentDetails extends Omit<InstrumentSummary, "versions"> {
  versions: Array<InstrumentVersionSummary & { definition: InstrumentDefinition }>;
}

export interface InstrumentVersionDetails extends InstrumentVersionSummary {
  definition: InstrumentDefinition;
  instrument: Omit<InstrumentSummary, "versions" | "inUse">;
}

export const INSTRUMENT_NOT_FOUND = "Instrumentet finns inte i förbundet.";
export const VERSION_NOT_FOUND = "Versionen av instrumentet finns inte i förbundet.";
export const SHIPPED_UNCHANGEABLE =
  "Instrumenten från Samspår kan inte ändras här. Skapa ett eget instrument om förbundet behöver andra frågor.";
export const PUBLISHED_UNCHANGEABLE =
  "Versionen är publicerad och kan ha svar. Starta en ny version i stället.";
export const STALE_DRAFT =
  "Någon annan har ändrat utkastet medan du arbetade. Ladda om sidan, kontrollera ändringarna och försök igen.";
export const LICENCE_CONFIRMATION = "Förbundet har licens att använda instrumentet oförändrat";

export { MAX_ITEMS, MAX_SUBSCALES };

const KEY = /^[a-z0-9_]{1,40}$/;
const INSTRUMENT_KEY = /^[a-z0-9][a-z0-9-]{0,59}$/;
const TEXT_MAX = 1000;

// ---------------------------------------------------------------------------------------------
// Validation

function textProblems(
  problems: Record<string, string>,
  field: string,
  texts: unknown,
  what: string,
  svRequired: boolean,
) {
  if (texts === null || typeof texts !== "object" || Array.isArray(texts)) {
    problems[`${field}_sv`] = `Skriv ${what} på svenska.`;
    return;
  }
  const known = new Set<string>(PORTAL_LANGUAGES);
  for (const [lang, value] of Object.entries(texts as Record<string, unknown>)) {
    if (!known.has(lang)) {
      problems[field] =
        `${capitalised(what)} har ett språk som portalen inte har (${lang}): bara svenska, engelska, arabiska, somaliska, tigrinska och persiska (dari) går.`;
      continue;
    }
    if (typeof value !== "string")
      problems[`${field}_${lang}`] = `${capitalised(what)} ska vara en text.`;
    else if (value.length > TEXT_MAX)
      problems[`${field}_${lang}`] =
        `${capitalised(what)} får vara högst ${TEXT_MAX} tecken; korta den.`;
  }
  const sv = (texts as Record<string, unknown>).sv;
  if (svRequired && (typeof sv !== "string" || sv.trim() === ""))
    problems[`${field}_sv`] = `Skriv ${what} på svenska.`;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * What is wrong with a definition, field → Swedish message (empty when valid). The field names
 * are the edit form's: `scale_min`, `items_2_key`, `items_2_text_sv`, `subscales_0_name_sv`…
 * A draft may be saved with texts still missing (`mode: "utkast"`); publishing needs them all.
 */
export function validateDefinition(
  definition: InstrumentDefinition,
  mode: "publicera" | "utkast" = "publicera",
): Record<string, string> {
  const p: Record<string, string> = {};
  const texts = mode === "publicera";
  const d = definition as Partial<InstrumentDefinition>;
  if (!RESPONDENTS.includes(d.respondent as never))
    p.respondent = "Välj vem som svarar: deltagaren eller personalen.";
  textProblems(p, "instructions", d.instructions ?? { sv: "" }, "instruktionen", false);

  const scale = d.scale;
  const min = scale?.min;
  const max = scale?.max;
  const whole = (n: unknown): n is number =>
    typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= 100;
  if (!whole(min)) p.scale_min = "Skalans lägsta värde ska vara ett heltal från 0 till 100.";
  if (!whole(max)) p.scale_max = "Skalans högsta värde ska vara ett heltal från 0 till 100.";
  else if (whole(min) && min >= max)
    p.scale_max = `Skalans högsta värde ska vara större än det lägsta (${min}).`;
  textProblems(p, "min_label", scale?.minLabel, "texten för skalans lägsta värde", texts);
  textProblems(p, "max_label", scale?.maxLabel, "texten för skalans högsta värde", texts);

  const subscales = Array.isArray(d.subscales) ? d.subscales : [];
  if (subscales.length > MAX_SUBSCALES)
    p.subscales = `Ett instrument kan ha högst ${MAX_SUBSCALES} delskalor.`;
  const subscaleKeys = new Set<string>();
  subscales.forEach((s, i) => {
    const n = i + 1;
    if (typeof s?.key !== "string" || !KEY.test(s.key))
      p[`subscales_${i}_key`] =
        `Delskala ${n}: kortnamnet får bara ha små bokstäver a–z, siffror och _ (högst 40 tecken), till exempel vardag_halsa.`;
    else if (subscaleKeys.has(s.key))
      p[`subscales_${i}_key`] =
        `Delskala ${n}: kortnamnet ${s.key} finns redan. Ge varje delskala ett eget kortnamn.`;
    else subscaleKeys.add(s.key);
    textProblems(p, `subscales_${i}_name`, s?.name, `delskala ${n}s namn`, texts);
  });

  const items = Array.isArray(d.items) ? d.items : [];
  if (items.length === 0) p.items = "Lägg till minst en fråga.";
  if (items.length > MAX_ITEMS)
    p.items = `Ett instrument kan ha högst ${MAX_ITEMS} frågor; det här har ${items.length}.`;
  const itemKeys = new Set<string>();
  items.forEach((item, i) => {
    const n = i + 1;
    if (typeof item?.key !== "string" || !KEY.test(item.key))
      p[`items_${i}_key`] =
        `Fråga ${n}: kortnamnet får bara ha små bokstäver a–z, siffror och _ (högst 40 tecken), till exempel fraga_${n}.`;
    else if (itemKeys.has(item.key))
      p[`items_${i}_key`] =
        `Fråga ${n}: kortnamnet ${item.key} finns redan. Ge varje fråga ett eget kortnamn.`;
    else itemKeys.add(item.key);
    textProblems(p, `items_${i}_text`, item?.text, `fråga ${n}s text`, texts);
    if (typeof item?.reverse !== "boolean")
      p[`items_${i}_reverse`] = `Fråga ${n}: ange om frågan är omvänd.`;
    if (item?.subscale !== null && item?.subscale !== undefined) {
      if (typeof item.subscale !== "string" || !subscales.some((s) => s?.key === item.subscale))
        p[`items_${i}_subscale`] =
          `Fråga ${n}: delskalan ${String(item.subscale)} finns inte. Välj en av instrumentets delskalor eller ingen.`;
    }
  });

  const scoring = d.scoring;
  if (scoring?.method !== "medel" && scoring?.method !== "summa")
    p.method = "Välj hur resultatet räknas: medelvärde eller summa.";
  const share = scoring?.minAnsweredShare;
  if (typeof share !== "number" || !Number.isFinite(share) || share <= 0 || share > 1)
    p.min_answered_share =
      "Minsta andel besvarade frågor ska vara mer än 0 och högst 100 procent, till exempel 70.";
  const improvement = scoring?.improvement;
  if (typeof improvement !== "number" || !Number.isFinite(improvement) || improvement < 0)
    p.improvement =
      "Förbättringen som räknas ska vara ett tal som är 0 eller större, till exempel 1.";
  else if (
    whole(min) &&
    whole(max) &&
    min < max &&
    improvement > (max - min) * Math.max(1, items.length)
  )
    p.improvement = "Förbättringen som räknas är större än skalan tillåter; välj ett mindre tal.";
  return p;
}

/** Keeps only the texts that were written, trimmed; Swedish always (maybe empty in a draft). */
export function cleanTexts(texts: Partial<Record<string, string>>): Texts {
  const out: Record<string, string> = { sv: (texts.sv ?? "").trim() };
  for (const lang of PORTAL_LANGUAGES) {
    if (lang === "sv") continue;
    const value = texts[lang]?.trim();
    if (value) out[lang] = value;
  }
  return out as Texts;
}

/** The definition a new instrument starts from: one empty question on a 1–10 scale. */
export function starterDefinition(): InstrumentDefinition {
  return {
    respondent: "deltagare",
    instructions: { sv: "" },
    scale: { min: 1, max: 10, minLabel: { sv: "" }, maxLabel: { sv: "" } },
    subscales: [],
    items: [{ key: "fraga_1", text: { sv: "" }, reverse: false, subscale: null }],
    scoring: { method: "medel", minAnsweredShare: 0.7, improvement: 1 },
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

type InstrumentRow = typeof progressionInstruments.$inferSelect;
type VersionRow = typeof progressionInstrumentVersions.$inferSelect;

/** Instruments an association may use: Samspår's own and its own. */
export const visibleTo = (associationId: string) =>
  or(
    isNull(progressionInstruments.associationId),
    eq(progressionInstruments.associationId, associationId),
  );

const versionSummary = (v: VersionRow): InstrumentVersionSummary => ({
  id: v.id,
  number: v.number,
  status: v.status,
  createdAt: v.createdAt,
  createdByName: v.createdByName,
  publishedAt: v.publishedAt,
  publishedByName: v.publishedByName,
  version: v.version,
});

const instrumentOf = (row: InstrumentRow): Omit<InstrumentSummary, "versions" | "inUse"> => ({
  id: row.id,
  key: row.key,
  name: row.name,
  licence: row.licence,
  shipped: row.associationId === null,
  archived: row.archived,
  createdByName: row.createdByName,
  createdAt: row.createdAt,
  version: row.version,
});

/**
 * The instruments an association can see: Samspår's first (in the order they are shipped), then
 * its own by name; archived ones only when asked for. Each with its versions, oldest first.
 */
export async function listInstruments(
  q: Queryable,
  associationId: string,
  options: { archived?: boolean } = {},
): Promise<InstrumentSummary[]> {
  const rows = await q
    .select({ instrument: progressionInstruments, version: progressionInstrumentVersions })
    .from(progressionInstruments)
    .leftJoin(
      progressionInstrumentVersions,
      eq(progressionInstrumentVersions.instrumentId, progressionInstruments.id),
    )
    .where(
      and(
        visibleTo(associationId),
        options.archived ? undefined : eq(progressionInstruments.archived, false),
      ),
    )
    .orderBy(asc(progressionInstrumentVersions.number));
  const byId = new Map<string, InstrumentSummary>();
  for (const { instrument, version } of rows) {
    let entry = byId.get(instrument.id);
    if (!entry) {
      entry = { ...instrumentOf(instrument), versions: [], inUse: false };
      byId.set(instrument.id, entry);
    }
    if (version) {
      entry.versions.push(versionSummary(version));
      if (version.status === "publicerad") entry.inUse = true;
    }
  }
  const shippedOrder = BUILT_IN_INSTRUMENTS.map((b) => b.key);
  const rank = (i: InstrumentSummary) => {
    const at = shippedOrder.indexOf(i.key);
    return i.shipped ? (at === -1 ? shippedOrder.length : at) : shippedOrder.length + 1;
  };
  return [...byId.values()].sort(
    (a, b) => rank(a) - rank(b) || a.name.sv.localeCompare(b.name.sv, "sv"),
  );
}

async function instrumentRow(
  q: Queryable,
  associationId: string,
  instrumentId: string,
): Promise<InstrumentRow> {
  if (!UUID.test(instrumentId)) throw new NotFoundError(INSTRUMENT_NOT_FOUND);
  const [row] = await q
    .select()
    .from(progressionInstruments)
    .where(and(eq(progressionInstruments.id, instrumentId), visibleTo(associationId)));
  if (!row) throw new NotFoundError(INSTRUMENT_NOT_FOUND);
  return row;
}

/** One instrument the association can see, with every version and its definition. */
export async function getInstrument(
  q: Queryable,
  associationId: string,
  instrumentId: string,
): Promise<InstrumentDetails> {
  const row = await instrumentRow(q, associationId, instrumentId);
  const versions = await q
    .select()
    .from(progressionInstrumentVersions)
    .where(eq(progressionInstrumentVersions.instrumentId, row.id))
    .orderBy(asc(progressionInstrumentVersions.number));
  return {
    ...instrumentOf(row),
    inUse: versions.some((v) => v.status === "publicerad"),
    versions: versions.map((v) => ({ ...versionSummary(v), definition: v.definition })),
  };
}

/** One version of an instrument the association can see (shipped or its own). */
export async function getInstrumentVersion(
  q: Queryable,
  associationId: string,
  versionId: string,
): Promise<InstrumentVersionDetails> {
  if (!UUID.test(versionId)) throw new NotFoundError(VERSION_NOT_FOUND);
  const [row] = await q
    .select({ instrument: progressionInstruments, version: progressionInstrumentVersions })
    .from(progressionInstrumentVersions)
    .innerJoin(
      progressionInstruments,
      eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
    )
    .where(and(eq(progressionInstrumentVersions.id, versionId), visibleTo(associationId)));
  if (!row) throw new NotFoundError(VERSION_NOT_FOUND);
  return {
    ...versionSummary(row.version),
    definition: row.version.definition,
    instrument: instrumentOf(row.instrument),
  };
}

// ---------------------------------------------------------------------------------------------
// Changing

/** The association's own instrument, locked for the change; shipped ones are refused. */
async function ownInstrumentForUpdate(
  q: Queryable,
  associationId: string,
  instrumentId: string,
): Promise<InstrumentRow> {
  const row = await instrumentRow(q, associationId, instrumentId);
  if (row.associationId === null) throw new ValidationError({ form: SHIPPED_UNCHANGEABLE });
  // serialises the version changes of one instrument (a new version, publishing, saving)
  await q.execute(
    sql`select 1 from ${progressionInstruments} where ${progressionInstruments.id} = ${row.id} for update`,
  );
  return row;
}

export interface NewInstrumentInput {
  key: string;
  /** The name in Swedish. */
  name: string;
  /** Empty: an open instrument. Otherwise who holds the licence and on what terms. */
  licence: string;
  licenceConfirmed: boolean;
  /** The first draft; the starter definition when not given. */
  definition?: InstrumentDefinition;
}

/** Creates the association's own instrument with version 1 as a draft. */
export async function createInstrument(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  input: NewInstrumentInput,
): Promise<{ id: string; versionId: string }> {
  const key = input.key.trim();
  const name = input.name.trim();
  const licence = input.licence.trim();
  const problems: Record<string, string> = {};
  if (!INSTRUMENT_KEY.test(key))
    problems.key =
      "Kortnamnet får bara ha små bokstäver a–z, siffror och bindestreck, börja med en bokstav eller siffra och vara högst 60 tecken, till exempel kasam-13.";
  else if (BUILT_IN_INSTRUMENTS.some((b) => b.key === key))
    problems.key = `Kortnamnet ${key} används av ett instrument från Samspår. Välj ett annat.`;
  if (name === "") problems.name = "Skriv instrumentets namn.";
  else if (name.length > 200) problems.name = "Namnet får vara högst 200 tecken; korta det.";
  if (licence.length > 1000) problems.licence = "Licenstexten får vara högst 1 000 tecken.";
  if (licence !== "" && !input.licenceConfirmed)
    problems.licenceConfirmed = `Ett licensierat instrument kan bara läggas till om förbundet har licens att använda det oförändrat. Kryssa i "${LICENCE_CONFIRMATION}", eller lämna licensfältet tomt för ett öppet instrument.`;
  const definition = input.definition ?? starterDefinition();
  Object.assign(problems, validateDefinition(definition, "utkast"));
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  try {
    return await q.transaction(async (tx) => {
      const [instrument] = await tx
        .insert(progressionInstruments)
        .values({
          associationId,
          key,
          name: { sv: name },
          licence: licence === "" ? null : licence,
          createdByName: actor.label,
        })
        .returning({ id: progressionInstruments.id });
      if (!instrument) throw new Error("instrumentet skapades inte");
      const [version] = await tx
        .insert(progressionInstrumentVersions)
        .values({
          instrumentId: instrument.id,
          number: 1,
          status: "utkast",
          definition,
          createdByName: actor.label,
        })
        .returning({ id: progressionInstrumentVersions.id });
      if (!version) throw new Error("versionen skapades inte");
      await recordAuditEvent(tx, actor, {
        action: "progression_instrument.created",
        associationId,
        targetType: "progression_instrument",
        targetId: instrument.id,
        details: {
          key,
          name,
          licence: licence === "" ? null : licence,
          licenceConfirmed: licence !== "",
        },
      });
      return { id: instrument.id, versionId: version.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "progression_instruments_key_unique"))
      throw new ValidationError({
        key: `Förbundet har redan ett instrument med kortnamnet ${key}. Välj ett annat.`,
      });
    throw error;
  }
}

/** The version in the association's own instrument, locked; shipped ones are refused. */
async function ownVersion(
  q: Queryable,
  associationId: string,
  versionId: string,
): Promise<{ instrument: InstrumentRow; version: VersionRow }> {
  if (!UUID.test(versionId)) throw new NotFoundError(VERSION_NOT_FOUND);
  const [found] = await q
    .select({ instrumentId: progressionInstrumentVersions.instrumentId })
    .from(progressionInstrumentVersions)
    .where(eq(progressionInstrumentVersions.id, versionId));
  if (!found) throw new NotFoundError(VERSION_NOT_FOUND);
  const instrument = await ownInstrumentForUpdate(q, associationId, found.instrumentId);
  const [version] = await q
    .select()
    .from(progressionInstrumentVersions)
    .where(eq(progressionInstrumentVersions.id, versionId));
  if (!version) throw new NotFoundError(VERSION_NOT_FOUND);
  return { instrument, version };
}

/** Saves a draft's definition, at the version it was read. */
export async function saveDraft(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  versionId: string,
  definition: InstrumentDefinition,
  expectedVersion: number,
): Promise<{ version: number }> {
  return q.transaction(async (tx) => {
    const { instrument, version } = await ownVersion(tx, associationId, versionId);
    if (version.status === "publicerad")
      throw new ValidationError({ form: PUBLISHED_UNCHANGEABLE });
    if (version.version !== expectedVersion) throw new ConflictError(STALE_DRAFT);
    const problems = validateDefinition(definition, "utkast");
    if (Object.keys(problems).length > 0) throw new ValidationError(problems);
    const [saved] = await tx
      .update(progressionInstrumentVersions)
      .set({ definition, version: version.version + 1 })
      .where(
        and(
          eq(progressionInstrumentVersions.id, version.id),
          eq(progressionInstrumentVersions.version, expectedVersion),
        ),
      )
      .returning({ version: progressionInstrumentVersions.version });
    if (!saved) throw new ConflictError(STALE_DRAFT);
    await recordAuditEvent(tx, actor, {
      action: "progression_instrument.saved",
      associationId,
      targetType: "progression_instrument",
      targetId: instrument.id,
      details: { versionId: version.id, number: version.number, items: definition.items.length },
    });
    return { version: saved.version };
  });
}

/** Publishes a draft: it must be complete; from now on it never changes. */
export async function publishVersion(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  versionId: string,
  expectedVersion: number,
): Promise<void> {
  await q.transaction(async (tx) => {
    const { instrument, version } = await ownVersion(tx, associationId, versionId);
    if (version.status === "publicerad")
      throw new ValidationError({ form: `Version ${version.number} är redan publicerad.` });
    if (version.version !== expectedVersion) throw new ConflictError(STALE_DRAFT);
    const problems = validateDefinition(version.definition, "publicera");
    if (Object.keys(problems).length > 0) throw new ValidationError(problems);
    await tx
      .update(progressionInstrumentVersions)
      .set({
        status: "publicerad",
        publishedAt: new Date(),
        publishedByName: actor.label,
        version: version.version + 1,
      })
      .where(eq(progressionInstrumentVersions.id, version.id));
    await recordAuditEvent(tx, actor, {
      action: "progression_instrument.published",
      associationId,
      targetType: "progression_instrument",
      targetId: instrument.id,
      details: { versionId: version.id, number: version.number },
    });
  });
}

/** Starts the next version as a draft copy of the latest; refused while a draft exists. */
export async function startNewVersion(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  instrumentId: string,
): Promise<{ versionId: string; number: number }> {
  return q.transaction(async (tx) => {
    const instrument = await ownInstrumentForUpdate(tx, associationId, instrumentId);
    const versions = await tx
      .select()
      .from(progressionInstrumentVersions)
      .where(eq(progressionInstrumentVersions.instrumentId, instrument.id))
      .orderBy(asc(progressionInstrumentVersions.number));
    const draft = versions.find((v) => v.status === "utkast");
    if (draft)
      throw new ValidationError({
        form: `Version ${draft.number} är fortfarande ett utkast. Ändra eller publicera den innan du startar en ny version.`,
      });
    const latest = versions.at(-1);
    const number = (latest?.number ?? 0) + 1;
    const [created] = await tx
      .insert(progressionInstrumentVersions)
      .values({
        instrumentId: instrument.id,
        number,
        status: "utkast",
        definition: latest?.definition ?? starterDefinition(),
        createdByName: actor.label,
      })
      .returning({ id: progressionInstrumentVersions.id });
    if (!created) throw new Error("versionen skapades inte");
    await recordAuditEvent(tx, actor, {
      action: "progression_instrument.version_started",
      associationId,
      targetType: "progression_instrument",
      targetId: instrument.id,
      details: { versionId: created.id, number, copyOf: latest?.number ?? null },
    });
    return { versionId: created.id, number };
  });
}

/**
 * Archives (or brings back) the association's own instrument: archived, it is no longer offered
 * for new plans; its versions and every answer stay as they are.
 */
export async function setInstrumentArchived(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  instrumentId: string,
  archived: boolean,
): Promise<void> {
  await q.transaction(async (tx) => {
    const instrument = await ownInstrumentForUpdate(tx, associationId, instrumentId);
    if (instrument.archived === archived) return;
    await tx
      .update(progressionInstruments)
      .set({ archived, updatedAt: new Date(), version: instrument.version + 1 })
      .where(eq(progressionInstruments.id, instrument.id));
    await recordAuditEvent(tx, actor, {
      action: "progression_instrument.archived",
      associationId,
      targetType: "progression_instrument",
      targetId: instrument.id,
      details: { key: instrument.key, archived },
    });
  });
}

export const archiveInstrument = (
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  instrumentId: string,
) => setInstrumentArchived(q, actor, associationId, instrumentId, true);

export const unarchiveInstrument = (
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  instrumentId: string,
) => setInstrumentArchived(q, actor, associationId, instrumentId, false);
