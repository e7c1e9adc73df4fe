// Measurements of participants (register zone; domain/participants.md §"Progression
// measurement"): the coach's list of measurements due and overdue, an enrollment's measurements
// with their scores and change from the zero-point, and entering, correcting and removing a
// measurement. Everything runs in a register transaction (inRegister) limited by row-level
// security to the caller's scope, and every read and change is written to the register's access
// log in the same transaction. A refused measurement writes nothing.
//
// Rules of a measurement: its instrument version is in the initiative's plan; its answers are on
// the instrument's scale (validateAnswers); it is dated on a real day, not in the future, within
// the enrollment (not before the start, not after the end). One zero-point (nollpunkt) per
// version; a follow-up or an exit measurement needs the zero-point of the same version and cannot
// be dated before it. The exit measurement (avslut) is taken when the enrollment has ended: the
// exit must be registered first, and the measurement dated within the last 30 days of the
// enrollment (the exit conversation often comes a few weeks before the formal end date).
import { and, asc, eq, inArray } from "drizzle-orm";
import { initiatives } from "../initiatives/schema.ts";
import { isoDate } from "../initiatives/validate-initiative.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import {
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from "../platform/errors.ts";
import { UUID } from "../platform/uuid.ts";
import { logAccess } from "../register/access-log.ts";
import type { RegisterCrypto } from "../register/crypto.ts";
import { formatMasked } from "../register/identity.ts";
import { loggingDenied } from "../register/participants.ts";
import { enrollments, participants } from "../register/schema.ts";
import type { RegisterAccess } from "../register/scope.ts";
import { inRegister } from "../register/zone.ts";
import { addDays, compareDue, type DueOccasion, type DueStatus, dueOccasions } from "./due.ts";
import {
  type Answers,
  ENTRY_MODES,
  type EntryMode,
  type InstrumentDefinition,
  OCCASIONS,
  type Occasion,
  type ScoreKey,
  type Scores,
  type Texts,
} from "./model.ts";
import {
  measurements,
  progressionInstruments,
  progressionInstrumentVersions,
  progressionPlans,
} from "./schema.ts";
import { changeOf, scoreAnswers, validateAnswers } from "./scoring.ts";

/** How many days before the end date an exit measurement may be dated. */
export const EXIT_WINDOW_DAYS = 30;

/** Why a measurement is removed as a felregistrering (logged with the removal). */
export const REMOVAL_REASONS = [
  "fel_deltagare",
  "dubblett",
  "fel_instrument",
  "fel_tillfalle",
] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

export const REMOVAL_REASON_LABELS: Record<RemovalReason, string> = {
  fel_deltagare: "registrerad på fel deltagare",
  dubblett: "registrerad två gånger",
  fel_instrument: "fel instrument",
  fel_tillfalle: "fel tillfälle",
};

const NOT_FOUND =
  "Inskrivningen finns inte i ditt deltagarregister, eller så har du inte behörighet att se den.";
const MEASUREMENT_NOT_FOUND =
  "Mätningen finns inte i ditt deltagarregister (den kan ha tagits bort), eller så har du inte behörighet att se den.";
const FIELDS = ["measurements"];

type IdentityState = "lagrad" | "anonym" | "raderad" | "skyddad";
type ParticipantRow = typeof participants.$inferSelect;
type EnrollmentRow = typeof enrollments.$inferSelect;
type MeasurementRow = typeof measurements.$inferSelect;

function identityOf(
  crypto: RegisterCrypto,
  p: ParticipantRow,
): { identity: string | null; identityState: IdentityState } {
  return {
    identity: p.identityCiphertext ? formatMasked(crypto.decrypt(p.identityCiphertext)) : null,
    identityState: p.identityCiphertext
      ? "lagrad"
      : p.protectedIdentity
        ? "skyddad"
        : p.erasedAt
          ? "raderad"
          : "anonym",
  };
}

/** A published instrument version as the measurement pages need it. */
export interface MeasuredVersion {
  id: string;
  instrumentName: Texts;
  number: number;
  licence: string | null;
  definition: InstrumentDefinition;
}

/** The published versions among `ids` (a plan's), in that order; unpublished ones are left out. */
export async function versionsOf(tx: Tx, ids: readonly string[]): Promise<MeasuredVersion[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({
      id: progressionInstrumentVersions.id,
      instrumentName: progressionInstruments.name,
      number: progressionInstrumentVersions.number,
      licence: progressionInstruments.licence,
      definition: progressionInstrumentVersions.definition,
      status: progressionInstrumentVersions.status,
    })
    .from(progressionInstrumentVersions)
    .innerJoin(
      progressionInstruments,
      eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
    )
    .where(inArray(progressionInstrumentVersions.id, [...ids]));
  return rows
    .filter((r) => r.status === "publicerad")
    .map(({ status: _status, ...r }) => r)
    .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
}

async function planOf(tx: Tx, initiativeId: string) {
  const [plan] = await tx
    .select()
    .from(progressionPlans)
    .where(eq(progressionPlans.initiativeId, initiativeId));
  return plan ?? null;
}

// ── the coach's list ─────────────────────────────────────────────────────────────────────

export interface DueRow extends DueOccasion {
  enrollmentId: string;
  initiativeId: string;
  initiativeName: string;
  /** Masked as the register's list shows it; null without a stored identity. */
  identity: string | null;
  identityState: IdentityState;
  externalKey: string | null;
  instrumentName: Texts;
  versionNumber: number;
}

export interface ListDueOptions {
  /** Only these initiatives (those the caller may measure on); default every one in scope. */
  initiativeIds?: readonly string[];
  /** Also the occasions that are done. */
  includeDone?: boolean;
}

/**
 * The measurements due under their initiatives' plans for every enrollment (not voided) in the
 * caller's scope: overdue first, then to do, coming; by due date within. Every enrollment
 * listed gets an access-log entry (action search).
 */
export async function listDue(
  db: Db,
  crypto: RegisterCrypto,
  access: RegisterAccess,
  today: string,
  options: ListDueOptions = {},
): Promise<DueRow[]> {
  const { scope, actor } = access;
  const wanted = scope.initiatives.filter(
    (id) => !options.initiativeIds || options.initiativeIds.includes(id),
  );
  if (wanted.length === 0 || scope.controllers.length === 0) return [];
  return inRegister(db, scope, async (tx) => {
    const plans = await tx
      .select()
      .from(progressionPlans)
      .where(inArray(progressionPlans.initiativeId, wanted));
    if (plans.length === 0) return [];
    const names = await tx
      .select({ id: initiatives.id, name: initiatives.name })
      .from(initiatives)
      .where(
        inArray(
          initiatives.id,
          plans.map((p) => p.initiativeId),
        ),
      );
    const rows = await tx
      .select({ enrollment: enrollments, participant: participants })
      .from(enrollments)
      .innerJoin(participants, eq(participants.id, enrollments.participantId))
      .where(
        and(
          inArray(
            enrollments.initiativeId,
            plans.map((p) => p.initiativeId),
          ),
          eq(enrollments.voided, false),
        ),
      );
    if (rows.length === 0) return [];
    const taken = await tx
      .select({
        enrollmentId: measurements.enrollmentId,
        instrumentVersionId: measurements.instrumentVersionId,
        occasion: measurements.occasion,
        measuredOn: measurements.measuredOn,
      })
      .from(measurements)
      .where(
        inArray(
          measurements.enrollmentId,
          rows.map((r) => r.enrollment.id),
        ),
      );
    const versions = await versionsOf(tx, [
      ...new Set(plans.flatMap((p) => p.instrumentVersionIds)),
    ]);
    const out: DueRow[] = [];
    for (const { enrollment: e, participant: p } of rows) {
      const plan = plans.find((x) => x.initiativeId === e.initiativeId);
      if (!plan) continue;
      const occasions = dueOccasions(
        plan,
        e,
        taken.filter((m) => m.enrollmentId === e.id),
        today,
      );
      for (const o of occasions) {
        if (o.status === "klar" && !options.includeDone) continue;
        const version = versions.find((v) => v.id === o.instrumentVersionId);
        if (!version) continue;
        out.push({
          ...o,
          enrollmentId: e.id,
          initiativeId: e.initiativeId,
          initiativeName: names.find((n) => n.id === e.initiativeId)?.name ?? "",
          ...identityOf(crypto, p),
          externalKey: e.externalKey,
          instrumentName: version.instrumentName,
          versionNumber: version.number,
        });
      }
    }
    out.sort(compareDue);
    const listed = rows.filter((r) => out.some((o) => o.enrollmentId === r.enrollment.id));
    await logAccess(
      tx,
      actor,
      listed.map((r) => ({
        associationId: r.enrollment.associationId,
        dataControllerId: r.enrollment.dataControllerId,
        participantId: r.participant.id,
        enrollmentId: r.enrollment.id,
        action: "search" as const,
        fields: ["identity.masked", "measurements"],
      })),
    );
    return out;
  });
}

// ── an enrollment's measurements ─────────────────────────────────────────────────────────

export interface MeasurementView {
  id: string;
  version: number;
  instrumentVersionId: string;
  occasion: Occasion;
  measuredOn: string;
  mode: EntryMode;
  answers: Answers;
  scores: Scores;
  /** The change of every score from the zero-point of the same version; null for the zero-point. */
  change: Record<ScoreKey, number | null> | null;
  recordedByName: string;
}

export interface EnrollmentMeasurements {
  enrollment: {
    id: string;
    initiativeId: string;
    initiativeName: string;
    identity: string | null;
    identityState: IdentityState;
    externalKey: string | null;
    startDate: string;
    endDate: string | null;
    voided: boolean;
  };
  /** null when the initiative has no plan. */
  plan: {
    instrumentVersionIds: string[];
    graceDays: number;
    intervalMonths: number;
    atExit: boolean;
  } | null;
  /** The plan's versions, then any other version a measurement was taken with. */
  versions: MeasuredVersion[];
  /** By version (the plan's order), then occasion and date. */
  measurements: MeasurementView[];
  due: DueOccasion[];
}

function viewsOf(rows: readonly MeasurementRow[], versions: readonly MeasuredVersion[]) {
  const order = (m: MeasurementRow) => versions.findIndex((v) => v.id === m.instrumentVersionId);
  const occasionOrder = (o: Occasion) => OCCASIONS.indexOf(o);
  const sorted = [...rows].sort(
    (a, b) =>
      order(a) - order(b) ||
      occasionOrder(a.occasion) - occasionOrder(b.occasion) ||
      a.measuredOn.localeCompare(b.measuredOn),
  );
  return sorted.flatMap((m): MeasurementView[] => {
    const version = versions.find((v) => v.id === m.instrumentVersionId);
    if (!version) return [];
    const scores = scoreAnswers(version.definition, m.answers);
    const zero = rows.find(
      (x) => x.instrumentVersionId === m.instrumentVersionId && x.occasion === "nollpunkt",
    );
    return [
      {
        id: m.id,
        version: m.version,
        instrumentVersionId: m.instrumentVersionId,
        occasion: m.occasion,
        measuredOn: m.measuredOn,
        mode: m.mode,
        answers: m.answers,
        scores,
        change:
          m.occasion === "nollpunkt" || !zero
            ? null
            : changeOf(version.definition, scoreAnswers(version.definition, zero.answers), scores),
        recordedByName: m.recordedByName,
      },
    ];
  });
}

/** An enrollment's measurements with scores and change, its plan and what is due; logged. */
export async function listMeasurements(
  db: Db,
  crypto: RegisterCrypto,
  access: RegisterAccess,
  enrollmentId: string,
  today: string,
): Promise<EnrollmentMeasurements> {
  const { scope, actor } = access;
  return loggingDenied(db, actor, scope, "read", { enrollmentId }, () =>
    inRegister(db, scope, async (tx) => {
      if (!UUID.test(enrollmentId)) throw new NotFoundError(NOT_FOUND);
      const [row] = await tx
        .select({ enrollment: enrollments, participant: participants, name: initiatives.name })
        .from(enrollments)
        .innerJoin(participants, eq(participants.id, enrollments.participantId))
        .innerJoin(initiatives, eq(initiatives.id, enrollments.initiativeId))
        .where(eq(enrollments.id, enrollmentId));
      if (!row) throw new NotFoundError(NOT_FOUND);
      const e = row.enrollment;
      const plan = await planOf(tx, e.initiativeId);
      const rows = await tx
        .select()
        .from(measurements)
        .where(eq(measurements.enrollmentId, e.id))
        .orderBy(asc(measurements.measuredOn));
      const planned = plan?.instrumentVersionIds ?? [];
      const versions = await versionsOf(tx, [
        ...new Set([...planned, ...rows.map((m) => m.instrumentVersionId)]),
      ]);
      await logAccess(tx, actor, {
        associationId: e.associationId,
        dataControllerId: e.dataControllerId,
        participantId: e.participantId,
        enrollmentId: e.id,
        action: "read",
        fields: ["identity.masked", ...FIELDS],
      });
      return {
        enrollment: {
          id: e.id,
          initiativeId: e.initiativeId,
          initiativeName: row.name,
          ...identityOf(crypto, row.participant),
          externalKey: e.externalKey,
          startDate: e.startDate,
          endDate: e.endDate,
          voided: e.voided,
        },
        plan: plan
          ? {
              instrumentVersionIds: [...plan.instrumentVersionIds],
              graceDays: plan.graceDays,
              intervalMonths: plan.intervalMonths,
              atExit: plan.atExit,
            }
          : null,
        versions,
        measurements: viewsOf(rows, versions),
        due: plan && !e.voided ? dueOccasions(plan, e, rows, today) : [],
      };
    }),
  );
}

// ── entering, correcting, removing ───────────────────────────────────────────────────────

export interface MeasurementInput {
  enrollmentId: string;
  instrumentVersionId: string;
  occasion: string;
  measuredOn: string;
  mode: string;
  /** Item key → answer; null or missing for "vill inte svara". */
  answers: Record<string, unknown>;
}

export type MeasurementChange = Omit<MeasurementInput, "enrollmentId" | "instrumentVersionId">;

const OCCASION_NAMES: Record<Occasion, string> = {
  nollpunkt: "Nollpunkten",
  uppfoljning: "Uppföljningen",
  avslut: "Avslutsmätningen",
};

interface Checked {
  occasion: Occasion;
  measuredOn: string;
  mode: EntryMode;
  answers: Answers;
}

/**
 * Every check of a measurement against its enrollment, the plan and the enrollment's other
 * measurements (`others`: without the one being corrected). Throws a ValidationError with every
 * problem found; answers are keyed "answers.<item key>" ("answers" for the whole form).
 */
async function check(
  tx: Tx,
  e: EnrollmentRow,
  instrumentVersionId: string,
  input: MeasurementChange,
  others: readonly MeasurementRow[],
  today: string,
  correcting: boolean,
): Promise<Checked> {
  const problems: Record<string, string> = {};
  if (e.voided)
    throw new ValidationError({
      form: "Inskrivningen är makulerad som felregistrering: den kan inte få några mätningar.",
    });
  const plan = await planOf(tx, e.initiativeId);
  const [version] =
    plan && UUID.test(instrumentVersionId) ? await versionsOf(tx, [instrumentVersionId]) : [];
  if (!plan)
    throw new ValidationError({
      form: "Insatsen har ingen mätplan ännu. Förbundets kansli väljer instrument och tidpunkter för mätningarna på insatsens sida.",
    });
  const planned = await versionsOf(tx, plan.instrumentVersionIds);
  // a correction keeps its version even if the plan has changed since
  if (!version || (!correcting && !plan.instrumentVersionIds.includes(instrumentVersionId)))
    problems.instrumentVersionId = `Instrumentet ingår inte i insatsens mätplan. Välj ett av: ${planned.map((v) => `${v.instrumentName.sv} (version ${v.number})`).join(", ")}.`;

  const occasion = (OCCASIONS as readonly string[]).includes(input.occasion)
    ? (input.occasion as Occasion)
    : null;
  if (!occasion)
    problems.occasion =
      "Välj vilket tillfälle mätningen gäller: nollpunkt, uppföljning eller avslut.";
  const mode = (ENTRY_MODES as readonly string[]).includes(input.mode)
    ? (input.mode as EntryMode)
    : null;
  if (!mode)
    problems.mode =
      "Välj hur svaren kom in: i ett samtal, på en pappersblankett eller av deltagaren själv.";

  const date = isoDate(input.measuredOn);
  let measuredOn: string | null = null;
  if (date === null) problems.measuredOn = "Fyll i vilket datum mätningen gjordes, som ÅÅÅÅ-MM-DD.";
  else if (date === "invalid")
    problems.measuredOn = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-02.";
  else if (date > today)
    problems.measuredOn = `Mätdatumet (${date}) ligger i framtiden. Dagens datum är ${today}.`;
  else if (date < e.startDate)
    problems.measuredOn = `Mätdatumet (${date}) ligger före deltagarens startdatum (${e.startDate}).`;
  else if (e.endDate && date > e.endDate)
    problems.measuredOn = `Mätdatumet (${date}) ligger efter deltagarens slutdatum (${e.endDate}).`;
  else measuredOn = date;

  let answers: Answers = {};
  if (version) {
    const raw: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input.answers ?? {}))
      if (value !== undefined) raw[key] = value;
    const found = validateAnswers(version.definition, raw);
    for (const [key, message] of Object.entries(found))
      problems[key === "" ? "answers" : `answers.${key}`] = message;
    answers = Object.fromEntries(
      version.definition.items.map((i) => [
        i.key,
        typeof raw[i.key] === "number" ? (raw[i.key] as number) : null,
      ]),
    );
  }

  if (occasion && version) {
    const same = others.filter((m) => m.instrumentVersionId === version.id);
    const zero = same.find((m) => m.occasion === "nollpunkt");
    const name = `${version.instrumentName.sv}`;
    if (occasion === "nollpunkt") {
      if (zero)
        problems.occasion = `Deltagaren har redan en nollpunkt med ${name} (${zero.measuredOn}). Rätta den i stället för att registrera en ny.`;
      else if (measuredOn) {
        const first = same
          .filter((m) => m.occasion !== "nollpunkt")
          .sort((a, b) => a.measuredOn.localeCompare(b.measuredOn))[0];
        if (first && first.measuredOn < measuredOn)
          problems.measuredOn = `Nollpunkten kan inte vara efter ${first.occasion === "avslut" ? "avslutsmätningen" : "uppföljningen"} (${first.measuredOn}).`;
      }
    } else {
      if (!zero)
        problems.occasion = `Registrera nollpunkten med ${name} först: ${occasion === "avslut" ? "avslutsmätningen" : "uppföljningen"} jämförs med den, och deltagaren har ingen nollpunkt med instrumentet.`;
      else if (measuredOn && measuredOn < zero.measuredOn)
        problems.measuredOn = `${OCCASION_NAMES[occasion]} kan inte vara före nollpunkten (${zero.measuredOn}).`;
    }
    if (occasion === "avslut" && !problems.occasion) {
      const exit = same.find((m) => m.occasion === "avslut");
      if (exit)
        problems.occasion = `Deltagaren har redan en avslutsmätning med ${name} (${exit.measuredOn}). Rätta den i stället för att registrera en ny.`;
      else if (!e.endDate)
        problems.occasion =
          "Avslutsmätningen görs när deltagaren har avslutat insatsen: registrera utskrivningen först, eller registrera mätningen som en uppföljning.";
      else if (measuredOn && !problems.measuredOn) {
        const earliest = addDays(e.endDate, -EXIT_WINDOW_DAYS);
        if (measuredOn < earliest)
          problems.measuredOn = `Avslutsmätningen ska göras nära slutdatumet (${e.endDate}): tidigast ${earliest}. En tidigare mätning är en uppföljning.`;
      }
    }
  }

  if (Object.keys(problems).length > 0 || !occasion || !mode || !measuredOn)
    throw new ValidationError(problems);
  return { occasion, mode, measuredOn, answers };
}

async function lockedEnrollment(tx: Tx, enrollmentId: string): Promise<EnrollmentRow> {
  if (!UUID.test(enrollmentId)) throw new NotFoundError(NOT_FOUND);
  const [e] = await tx
    .select()
    .from(enrollments)
    .where(eq(enrollments.id, enrollmentId))
    .for("update");
  if (!e) throw new NotFoundError(NOT_FOUND);
  return e;
}

async function lockedMeasurement(
  tx: Tx,
  measurementId: string,
): Promise<{ m: MeasurementRow; e: EnrollmentRow; all: MeasurementRow[] }> {
  if (!UUID.test(measurementId)) throw new NotFoundError(MEASUREMENT_NOT_FOUND);
  const [found] = await tx
    .select({ enrollmentId: measurements.enrollmentId })
    .from(measurements)
    .where(eq(measurements.id, measurementId));
  if (!found) throw new NotFoundError(MEASUREMENT_NOT_FOUND);
  const e = await lockedEnrollment(tx, found.enrollmentId);
  const all = await tx.select().from(measurements).where(eq(measurements.enrollmentId, e.id));
  const m = all.find((x) => x.id === measurementId);
  if (!m) throw new NotFoundError(MEASUREMENT_NOT_FOUND);
  return { m, e, all };
}

const stale = () =>
  new ConflictError(
    "Någon annan har ändrat eller tagit bort mätningen medan du arbetade. Ladda om sidan, kontrollera mätningarna och gör om ändringen.",
  );

function uniqueRace(error: unknown): never {
  if (isUniqueViolation(error, "measurements_once_unique"))
    throw new ConflictError(
      "Någon annan registrerade samma mätning samtidigt. Ladda om sidan och kontrollera mätningarna.",
    );
  throw error;
}

/** Enters a measurement (by staff in an interview, from a paper form, or the participant's own). */
export async function recordMeasurement(
  db: Db,
  access: RegisterAccess,
  input: MeasurementInput,
  today: string,
): Promise<{ id: string; version: number }> {
  const { scope, actor } = access;
  return loggingDenied(db, actor, scope, "change", { enrollmentId: input.enrollmentId }, () =>
    inRegister(db, scope, async (tx) => {
      const e = await lockedEnrollment(tx, input.enrollmentId);
      const others = await tx
        .select()
        .from(measurements)
        .where(eq(measurements.enrollmentId, e.id));
      const ok = await check(tx, e, input.instrumentVersionId, input, others, today, false);
      const [row] = await tx
        .insert(measurements)
        .values({
          associationId: e.associationId,
          dataControllerId: e.dataControllerId,
          initiativeId: e.initiativeId,
          enrollmentId: e.id,
          participantId: e.participantId,
          instrumentVersionId: input.instrumentVersionId,
          ...ok,
          recordedBy: actor.userId,
          recordedByName: actor.name,
        })
        .returning({ id: measurements.id, version: measurements.version })
        .catch(uniqueRace);
      if (!row) throw new Error("the measurement was not stored");
      await logAccess(tx, actor, {
        associationId: e.associationId,
        dataControllerId: e.dataControllerId,
        participantId: e.participantId,
        enrollmentId: e.id,
        action: "change",
        fields: FIELDS,
      });
      return row;
    }),
  );
}

/** Corrects a measurement (its occasion, date, mode and answers) under the same rules. */
export async function correctMeasurement(
  db: Db,
  access: RegisterAccess,
  measurementId: string,
  expectedVersion: number,
  input: MeasurementChange,
  today: string,
): Promise<{ version: number }> {
  const { scope, actor } = access;
  return loggingDenied(db, actor, scope, "change", {}, () =>
    inRegister(db, scope, async (tx) => {
      const { m, e, all } = await lockedMeasurement(tx, measurementId);
      if (m.version !== expectedVersion) throw stale();
      const others = all.filter((x) => x.id !== m.id);
      const ok = await check(tx, e, m.instrumentVersionId, input, others, today, true);
      // a zero-point moved later, or turned into something else, must not leave later ones before it
      if (m.occasion === "nollpunkt" && ok.occasion !== "nollpunkt") {
        const later = others.filter(
          (x) => x.instrumentVersionId === m.instrumentVersionId && x.occasion !== "nollpunkt",
        );
        if (later.length > 0)
          throw new ValidationError({
            occasion: `Nollpunkten kan inte bli en annan sorts mätning: ${later.length} senare mätningar jämförs med den. Rätta dem eller ta bort dem först.`,
          });
      }
      const version = m.version + 1;
      await tx
        .update(measurements)
        .set({ ...ok, updatedAt: new Date(), version })
        .where(and(eq(measurements.id, m.id), eq(measurements.version, m.version)))
        .catch(uniqueRace);
      await logAccess(tx, actor, {
        associationId: e.associationId,
        dataControllerId: e.dataControllerId,
        participantId: e.participantId,
        enrollmentId: e.id,
        action: "change",
        fields: FIELDS,
      });
      return { version };
    }),
  );
}

/**
 * Removes a measurement registered in error (felregistrering), with the reason in the access
 * log. A zero-point that later measurements are compared with cannot be removed before them.
 */
export async function removeMeasurement(
  db: Db,
  access: RegisterAccess,
  measurementId: string,
  expectedVersion: number,
  reason: string,
): Promise<void> {
  const { scope, actor } = access;
  await loggingDenied(db, actor, scope, "change", {}, () =>
    inRegister(db, scope, async (tx) => {
      if (!(REMOVAL_REASONS as readonly string[]).includes(reason))
        throw new ValidationError({
          reason: `Välj varför mätningen tas bort: ${REMOVAL_REASONS.map((r) => REMOVAL_REASON_LABELS[r]).join(", ")}.`,
        });
      const { m, e, all } = await lockedMeasurement(tx, measurementId);
      if (m.version !== expectedVersion) throw stale();
      if (m.occasion === "nollpunkt") {
        const later = all.filter(
          (x) => x.instrumentVersionId === m.instrumentVersionId && x.occasion !== "nollpunkt",
        );
        if (later.length > 0)
          throw new ValidationError({
            reason: `Nollpunkten kan inte tas bort medan ${later.length} senare mätningar jämförs med den. Ta bort dem först, eller rätta nollpunkten.`,
          });
      }
      await tx.delete(measurements).where(eq(measurements.id, m.id));
      await logAccess(tx, actor, {
        associationId: e.associationId,
        dataControllerId: e.dataControllerId,
        participantId: e.participantId,
        enrollmentId: e.id,
        action: "change",
        fields: [...FIELDS, `felregistrering:${reason}`],
      });
    }),
  );
}

/** The due statuses the coach's list filters by, in its order. */
export const LISTED_STATUSES: readonly DueStatus[] = ["forsenad", "att_gora", "kommande"];
