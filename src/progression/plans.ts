// An initiative's measurement plan (association zone; domain/participants.md §"Progression
// measurement"): which published instrument versions are measured, a zero-point at the start, a
// follow-up every N months (0: none), one at exit, the grace period before a measurement is
// overdue, the share of participants the initiative aims to measure and whether it keeps a
// comparison group. Only individual initiatives that have not ended get a plan. Saved with an
// audit event naming every change; a stale version is a ConflictError.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { AuditActor } from "../audit/record-audit-event.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import {
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from "../platform/errors.ts";
import { UUID } from "../platform/uuid.ts";
import { visibleTo } from "./instruments.ts";
import type { InstrumentDefinition, Texts } from "./model.ts";
import {
  progressionInstruments,
  progressionInstrumentVersions,
  progressionPlans,
} from "./schema.ts";

export interface PlanView {
  initiativeId: string;
  instrumentVersionIds: string[];
  intervalMonths: number;
  atExit: boolean;
  graceDays: number;
  targetPercent: number;
  comparisonGroup: boolean;
  updatedByName: string;
  updatedAt: Date;
  version: number;
}

export interface PlanInput {
  instrumentVersionIds: readonly string[];
  intervalMonths: number;
  atExit: boolean;
  graceDays: number;
  targetPercent: number;
  comparisonGroup: boolean;
}

/** A published instrument version an association may put in a plan. */
export interface PlanChoice {
  versionId: string;
  instrumentId: string;
  instrumentKey: string;
  name: Texts;
  number: number;
  /** null: open; otherwise who holds the licence. */
  licence: string | null;
  /** null: shipped with Samspår. */
  associationId: string | null;
  definition: InstrumentDefinition;
}

/** The fields the form starts from before an initiative has a plan. */
export const DEFAULT_PLAN: Omit<PlanInput, "instrumentVersionIds"> = {
  intervalMonths: 3,
  atExit: true,
  graceDays: 14,
  targetPercent: 50,
  comparisonGroup: false,
};

const ENDED = new Set(["avslutad", "avslutad_i_fortid", "avslagen"]);

/**
 * The instrument versions `associationId` may measure with: published versions of instruments
 * shipped with Samspår or the association's own, not archived; by instrument name, newest
 * version first.
 */
export async function planChoices(
  q: Queryable,
  associationId: string,
  versionIds?: readonly string[],
): Promise<PlanChoice[]> {
  if (versionIds && versionIds.length === 0) return [];
  const rows = await q
    .select({
      versionId: progressionInstrumentVersions.id,
      instrumentId: progressionInstruments.id,
      instrumentKey: progressionInstruments.key,
      name: progressionInstruments.name,
      number: progressionInstrumentVersions.number,
      licence: progressionInstruments.licence,
      associationId: progressionInstruments.associationId,
      definition: progressionInstrumentVersions.definition,
    })
    .from(progressionInstrumentVersions)
    .innerJoin(
      progressionInstruments,
      eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
    )
    .where(
      and(
        eq(progressionInstrumentVersions.status, "publicerad"),
        eq(progressionInstruments.archived, false),
        visibleTo(associationId),
        versionIds ? inArray(progressionInstrumentVersions.id, [...versionIds]) : undefined,
      ),
    )
    .orderBy(asc(progressionInstruments.key), asc(progressionInstrumentVersions.number));
  return rows.sort((a, b) => a.name.sv.localeCompare(b.name.sv, "sv") || b.number - a.number);
}

/** The plan of an initiative of the association, or null when it has none. */
export async function getPlan(
  q: Queryable,
  associationId: string,
  initiativeId: string,
): Promise<PlanView | null> {
  if (!UUID.test(initiativeId)) return null;
  const [row] = await q
    .select()
    .from(progressionPlans)
    .where(
      and(
        eq(progressionPlans.initiativeId, initiativeId),
        eq(progressionPlans.associationId, associationId),
      ),
    );
  return row ? viewOf(row) : null;
}

function viewOf(row: typeof progressionPlans.$inferSelect): PlanView {
  return {
    initiativeId: row.initiativeId,
    instrumentVersionIds: [...row.instrumentVersionIds],
    intervalMonths: row.intervalMonths,
    atExit: row.atExit,
    graceDays: row.graceDays,
    targetPercent: row.targetPercent,
    comparisonGroup: row.comparisonGroup,
    updatedByName: row.updatedByName,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

function wholeNumber(
  value: unknown,
  min: number,
  max: number,
  field: string,
  message: string,
  problems: Record<string, string>,
): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    problems[field] = message;
    return 0;
  }
  return value;
}

/** The initiative a plan may be saved for; NotFound or a ValidationError otherwise. */
export async function plannableInitiative(
  q: Queryable,
  associationId: string,
  initiativeId: string,
): Promise<{ id: string; name: string }> {
  if (!UUID.test(initiativeId)) throw new NotFoundError("Insatsen finns inte.");
  const [initiative] = await q
    .select({
      id: initiatives.id,
      name: initiatives.name,
      orientation: initiatives.orientation,
      status: initiatives.status,
    })
    .from(initiatives)
    .where(and(eq(initiatives.id, initiativeId), eq(initiatives.associationId, associationId)));
  if (!initiative) throw new NotFoundError("Insatsen finns inte.");
  if (initiative.orientation !== "individual")
    throw new ValidationError({
      form: `${initiative.name} är en strukturinriktad insats: den har inga egna deltagare att mäta progression hos. Mätplaner finns för individinriktade insatser.`,
    });
  if (ENDED.has(initiative.status))
    throw new ValidationError({
      form: `${initiative.name} är avslutad eller avslagen: en mätplan kan inte längre ändras.`,
    });
  return { id: initiative.id, name: initiative.name };
}

/** Creates (expectedVersion null) or changes an initiative's measurement plan. */
export async function savePlan(
  q: Queryable,
  actor: AuditActor & { name?: string },
  associationId: string,
  initiativeId: string,
  input: PlanInput,
  expectedVersion: number | null,
): Promise<PlanView> {
  return q.transaction(async (tx) => {
    const initiative = await plannableInitiative(tx, associationId, initiativeId);
    const problems: Record<string, string> = {};
    const ids = [...new Set(input.instrumentVersionIds.map((v) => v.trim()).filter(Boolean))];
    if (ids.length === 0) problems.instrumentVersionIds = "Välj minst ett instrument att mäta med.";
    else if (ids.length > 10)
      problems.instrumentVersionIds = `Välj högst 10 instrument, inte ${ids.length}.`;
    else {
      const valid = ids.filter((id) => UUID.test(id));
      const found = await planChoices(tx, associationId, valid);
      const missing = ids.filter((id) => !found.some((f) => f.versionId === id));
      if (missing.length > 0)
        problems.instrumentVersionIds =
          "Ett av de valda instrumenten finns inte längre som publicerad version hos förbundet (det kan vara arkiverat). Välj bland de publicerade instrumenten.";
      const instruments = found.map((f) => f.instrumentId);
      if (new Set(instruments).size < instruments.length)
        problems.instrumentVersionIds =
          "Välj bara en version av varje instrument: mätningarna ska gå att jämföra.";
    }
    const intervalMonths = wholeNumber(
      input.intervalMonths,
      0,
      24,
      "intervalMonths",
      "Skriv hur många månader det ska gå mellan uppföljningarna, ett heltal från 0 till 24 (0 = inga uppföljningar mellan start och avslut).",
      problems,
    );
    const graceDays = wholeNumber(
      input.graceDays,
      0,
      90,
      "graceDays",
      "Skriv hur många dagar en mätning får dröja innan den räknas som försenad, ett heltal från 0 till 90.",
      problems,
    );
    const targetPercent = wholeNumber(
      input.targetPercent,
      0,
      100,
      "targetPercent",
      "Skriv målet som en andel av deltagarna i procent, ett heltal från 0 till 100.",
      problems,
    );
    if (typeof input.atExit !== "boolean") problems.atExit = "Välj om deltagarna mäts vid avslut.";
    if (typeof input.comparisonGroup !== "boolean")
      problems.comparisonGroup = "Välj om insatsen har en jämförelsegrupp.";
    if (Object.keys(problems).length > 0) throw new ValidationError(problems);

    const next: PlanInput = {
      instrumentVersionIds: ids,
      intervalMonths,
      atExit: input.atExit,
      graceDays,
      targetPercent,
      comparisonGroup: input.comparisonGroup,
    };
    const before = await getPlan(tx, associationId, initiative.id);
    const stale = () =>
      new ConflictError(
        "Någon annan har ändrat mätplanen medan du arbetade. Ladda om sidan, kontrollera planen och gör om ändringen.",
      );
    if (expectedVersion === null ? before !== null : before?.version !== expectedVersion)
      throw stale();
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const key of Object.keys(next) as Array<keyof PlanInput>) {
      const was = before ? before[key] : null;
      if (JSON.stringify(was) !== JSON.stringify(next[key]))
        changes[key] = { before: was, after: next[key] };
    }
    const values = {
      ...next,
      instrumentVersionIds: [...ids],
      updatedByName: actor.name ?? actor.label,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    };
    if (before === null) {
      try {
        await tx.insert(progressionPlans).values({
          initiativeId: initiative.id,
          associationId,
          ...values,
          version: 1,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw stale();
        throw error;
      }
    } else {
      const updated = await tx
        .update(progressionPlans)
        .set({ ...values, version: before.version + 1 })
        .where(
          and(
            eq(progressionPlans.initiativeId, initiative.id),
            eq(progressionPlans.version, before.version),
          ),
        )
        .returning({ version: progressionPlans.version });
      if (updated.length === 0) throw stale();
    }
    await recordAuditEvent(tx, actor, {
      action: "progression_plan.saved",
      associationId,
      targetType: "initiative",
      targetId: initiative.id,
      details: { initiative: initiative.name, created: before === null, changes },
    });
    const saved = await getPlan(tx, associationId, initiative.id);
    if (!saved) throw new Error("the plan was just saved");
    return saved;
  });
}

/** The plans of the association's initiatives among `initiativeIds`. */
export async function plansOf(q: Queryable, initiativeIds: readonly string[]): Promise<PlanView[]> {
  if (initiativeIds.length === 0) return [];
  const rows = await q
    .select()
    .from(progressionPlans)
    .where(inArray(progressionPlans.initiativeId, [...initiativeIds]));
  return rows.map(viewOf);
}
