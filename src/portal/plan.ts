// Min plan (issue 9; domain/portal.md): the steps of a participant's action plan (handlingsplan)
// that the coach — the initiative's participant officer — records, and what the participant
// reads of it in the portal together with "what happens next".
//
// The steps are register data (register.plan_steps, row-level security per data controller and
// initiative). Staff work inside their register scope (registerScopeFor: participant officers of
// the enrollment's initiative only); every read and change writes the register's access log
// (field "planSteps") and every change an audit event that names no person (the step's id and
// the initiative, never the step's text). The participant reads with their own portal scope,
// and every query also filters on their own participant id: row-level security limits the
// controller and initiatives, the code limits the person.

import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import { memberOrganisations } from "../associations/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { initiatives } from "../initiatives/schema.ts";
import { isoDate } from "../initiatives/validate-initiative.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { UUID } from "../platform/uuid.ts";
import { type DueOccasion, dueOccasions } from "../progression/due.ts";
import type { Occasion, Texts } from "../progression/model.ts";
import {
  measurements,
  progressionInstruments,
  progressionInstrumentVersions,
  progressionPlans,
} from "../progression/schema.ts";
import { logAccess } from "../register/access-log.ts";
import type { RegisterCrypto } from "../register/crypto.ts";
import { formatMasked } from "../register/identity.ts";
import { loggingDenied } from "../register/participants.ts";
import { enrollments, participants } from "../register/schema.ts";
import type { RegisterActor } from "../register/scope.ts";
import { inRegister, type RegisterScope } from "../register/zone.ts";
import type { PortalAccount } from "./accounts.ts";
import { portalScope } from "./accounts.ts";
import {
  availability,
  type BookingKind,
  bookings,
  type MeetingMode,
  PLAN_STEP_STATUSES,
  type PlanStepStatus,
  planSteps,
} from "./schema.ts";

/** The access log's field for the action plan's steps. */
export const PLAN_STEPS_FIELD = "planSteps";

export const PLAN_TITLE_MAX = 200;
export const PLAN_DETAILS_MAX = 2000;

/** A participant officer's register access, and how the audit log names them. */
export interface PlanStaff {
  actor: RegisterActor;
  scope: RegisterScope;
  audit: AuditActor;
}

export interface PlanStepInput {
  title: string;
  details?: string | null;
  /** ÅÅÅÅ-MM-DD or empty. */
  dueOn?: string | null;
  status?: string;
}

export interface PlanStepView {
  id: string;
  title: string;
  details: string | null;
  dueOn: string | null;
  status: PlanStepStatus;
  position: number;
  recordedByName: string;
  updatedAt: Date;
  version: number;
}

export interface StaffPlan {
  enrollment: {
    id: string;
    participantId: string;
    initiativeId: string;
    initiativeName: string;
    startDate: string;
    endDate: string | null;
    voided: boolean;
    externalKey: string | null;
    /** "19850312-XXXX", or null when no identity is stored. */
    identity: string | null;
  };
  steps: PlanStepView[];
}

const ENROLLMENT_NOT_FOUND =
  "Inskrivningen finns inte i ditt deltagarregister, eller så har du inte behörighet att se den.";
const STEP_NOT_FOUND =
  "Steget finns inte i handlingsplanen längre. Någon kan ha tagit bort det. Ladda om sidan.";
const STALE =
  "Någon annan har ändrat steget i handlingsplanen medan du arbetade. Ladda om sidan, kontrollera steget och gör om din ändring.";
const VOIDED =
  "Inskrivningen är markerad som felregistrering. Handlingsplanen kan inte ändras på en felregistrerad inskrivning.";

export const isPlanStepStatus = (v: unknown): v is PlanStepStatus =>
  typeof v === "string" && (PLAN_STEP_STATUSES as readonly string[]).includes(v);

const STATUS_WORDS: Record<PlanStepStatus, string> = {
  planerad: "planerat",
  pagar: "pågår",
  klar: "klart",
};

/** Checks a step as staff typed it; every problem at once. */
export function readPlanStep(input: PlanStepInput): {
  title: string;
  details: string | null;
  dueOn: string | null;
  status: PlanStepStatus;
} {
  const problems: Record<string, string> = {};
  const title = (input.title ?? "").replace(/\s+/g, " ").trim();
  if (title === "")
    problems.title =
      "Skriv vad steget är, med ord som deltagaren förstår, till exempel ”Träffa studievägledaren om SFI”.";
  else if (title.length > PLAN_TITLE_MAX)
    problems.title = `Rubriken är ${title.length} tecken. Korta den till högst ${PLAN_TITLE_MAX} tecken och skriv resten under Mer om steget.`;
  const detailsText = (input.details ?? "").replace(/\r\n/g, "\n").trim();
  if (detailsText.length > PLAN_DETAILS_MAX)
    problems.details = `Texten är ${detailsText.length} tecken. Korta den till högst ${PLAN_DETAILS_MAX} tecken.`;
  const due = isoDate(input.dueOn);
  if (due === "invalid")
    problems.dueOn = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-15, eller lämna det tomt.";
  else if (due && (due < "2000-01-01" || due > "2099-12-31"))
    problems.dueOn = `Datumet ${due} ligger för långt bort. Skriv ett datum mellan år 2000 och 2099.`;
  const status = input.status === undefined || input.status === "" ? "planerad" : input.status;
  if (!isPlanStepStatus(status))
    problems.status = "Välj om steget är planerat, pågår eller är klart.";
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return {
    title,
    details: detailsText === "" ? null : detailsText,
    dueOn: due === "invalid" ? null : due,
    status: status as PlanStepStatus,
  };
}

/** An audit event in the register transaction (the audit log is the association zone's). */
async function auditInRegister(
  tx: Tx,
  actor: AuditActor,
  event: Parameters<typeof recordAuditEvent>[2],
): Promise<void> {
  await tx.execute(sql`set local role samspar_association`);
  await recordAuditEvent(tx, actor, event);
  await tx.execute(sql`set local role samspar_register`);
}

type EnrollmentRow = typeof enrollments.$inferSelect;
type StepRow = typeof planSteps.$inferSelect;

async function enrollmentInScope(
  tx: Tx,
  scope: RegisterScope,
  enrollmentId: string,
): Promise<EnrollmentRow> {
  if (!UUID.test(enrollmentId)) throw new NotFoundError(ENROLLMENT_NOT_FOUND);
  const [row] = await tx.select().from(enrollments).where(eq(enrollments.id, enrollmentId));
  if (!row || !scope.initiatives.includes(row.initiativeId))
    throw new NotFoundError(ENROLLMENT_NOT_FOUND);
  return row;
}

/** The steps of an enrollment, locked, in their order. */
async function stepsOf(tx: Tx, enrollmentId: string, lock: boolean): Promise<StepRow[]> {
  const query = tx
    .select()
    .from(planSteps)
    .where(eq(planSteps.enrollmentId, enrollmentId))
    .orderBy(asc(planSteps.position), asc(planSteps.createdAt), asc(planSteps.id));
  return lock ? query.for("update") : query;
}

const viewOf = (s: StepRow): PlanStepView => ({
  id: s.id,
  title: s.title,
  details: s.details,
  dueOn: s.dueOn,
  status: s.status,
  position: s.position,
  recordedByName: s.recordedByName,
  updatedAt: s.updatedAt,
  version: s.version,
});

const logChange = (tx: Tx, actor: RegisterActor, e: EnrollmentRow) =>
  logAccess(tx, actor, {
    associationId: e.associationId,
    dataControllerId: e.dataControllerId,
    participantId: e.participantId,
    enrollmentId: e.id,
    action: "change",
    fields: [PLAN_STEPS_FIELD],
  });

/**
 * The action plan of one enrollment for its participant officer: the enrollment (identity
 * masked) and its steps in order. The read is logged (identity masked and plan steps).
 */
export async function staffPlan(
  db: Db,
  crypto: RegisterCrypto,
  staff: Pick<PlanStaff, "actor" | "scope">,
  enrollmentId: string,
): Promise<StaffPlan> {
  const { actor, scope } = staff;
  return loggingDenied(db, actor, scope, "read", { enrollmentId }, () =>
    inRegister(db, scope, async (tx) => {
      const e = await enrollmentInScope(tx, scope, enrollmentId);
      const [p] = await tx
        .select({ identity: participants.identityCiphertext })
        .from(participants)
        .where(eq(participants.id, e.participantId));
      const [initiative] = await tx
        .select({ name: initiatives.name })
        .from(initiatives)
        .where(eq(initiatives.id, e.initiativeId));
      const steps = await stepsOf(tx, e.id, false);
      await logAccess(tx, actor, {
        associationId: e.associationId,
        dataControllerId: e.dataControllerId,
        participantId: e.participantId,
        enrollmentId: e.id,
        action: "read",
        fields: ["identity.masked", PLAN_STEPS_FIELD],
      });
      return {
        enrollment: {
          id: e.id,
          participantId: e.participantId,
          initiativeId: e.initiativeId,
          initiativeName: initiative?.name ?? "",
          startDate: e.startDate,
          endDate: e.endDate,
          voided: e.voided,
          externalKey: e.externalKey,
          identity: p?.identity ? formatMasked(crypto.decrypt(p.identity)) : null,
        },
        steps: steps.map(viewOf),
      };
    }),
  );
}

/** Adds a step at the end of the enrollment's action plan. */
export async function addPlanStep(
  db: Db,
  staff: PlanStaff,
  enrollmentId: string,
  input: PlanStepInput,
): Promise<{ id: string; version: number }> {
  const { actor, scope, audit } = staff;
  return loggingDenied(db, actor, scope, "change", { enrollmentId }, () =>
    inRegister(db, scope, async (tx) => {
      const e = await enrollmentInScope(tx, scope, enrollmentId);
      const values = readPlanStep(input);
      if (e.voided) throw new ValidationError({ form: VOIDED });
      const existing = await stepsOf(tx, e.id, true);
      const position = existing.reduce((max, s) => Math.max(max, s.position + 1), 0);
      const [row] = await tx
        .insert(planSteps)
        .values({
          associationId: e.associationId,
          dataControllerId: e.dataControllerId,
          initiativeId: e.initiativeId,
          enrollmentId: e.id,
          participantId: e.participantId,
          ...values,
          position,
          recordedByName: actor.name,
        })
        .returning({ id: planSteps.id, version: planSteps.version });
      if (!row) throw new Error("the step was just inserted");
      await logChange(tx, actor, e);
      await auditInRegister(tx, audit, {
        action: "portal.plan_step.added",
        associationId: e.associationId,
        targetType: "plan_step",
        targetId: row.id,
        details: { initiativeId: e.initiativeId, status: values.status, dueOn: values.dueOn },
      });
      return row;
    }),
  );
}

/** A step in scope with its enrollment, every step of the enrollment locked. */
async function stepForChange(
  tx: Tx,
  scope: RegisterScope,
  stepId: string,
  expectedVersion: number,
): Promise<{ step: StepRow; enrollment: EnrollmentRow; steps: StepRow[] }> {
  if (!UUID.test(stepId)) throw new NotFoundError(STEP_NOT_FOUND);
  const [found] = await tx
    .select({ enrollmentId: planSteps.enrollmentId })
    .from(planSteps)
    .where(eq(planSteps.id, stepId));
  if (!found) throw new NotFoundError(STEP_NOT_FOUND);
  const enrollment = await enrollmentInScope(tx, scope, found.enrollmentId);
  const steps = await stepsOf(tx, enrollment.id, true);
  const step = steps.find((s) => s.id === stepId);
  if (!step) throw new NotFoundError(STEP_NOT_FOUND);
  if (step.version !== expectedVersion) throw new ConflictError(STALE);
  if (enrollment.voided) throw new ValidationError({ form: VOIDED });
  return { step, enrollment, steps };
}

/** Changes a step's title, details, due date and status (optimistic: `expectedVersion`). */
export async function updatePlanStep(
  db: Db,
  staff: PlanStaff,
  stepId: string,
  expectedVersion: number,
  input: PlanStepInput,
): Promise<{ version: number }> {
  const { actor, scope, audit } = staff;
  return loggingDenied(db, actor, scope, "change", {}, () =>
    inRegister(db, scope, async (tx) => {
      const { step, enrollment } = await stepForChange(tx, scope, stepId, expectedVersion);
      const values = readPlanStep({ ...input, status: input.status ?? step.status });
      const changed = (
        [
          ["title", step.title !== values.title],
          ["details", step.details !== values.details],
          ["dueOn", step.dueOn !== values.dueOn],
          ["status", step.status !== values.status],
        ] as const
      )
        .filter(([, differs]) => differs)
        .map(([field]) => field);
      if (changed.length === 0) return { version: step.version };
      const version = step.version + 1;
      await tx
        .update(planSteps)
        .set({ ...values, recordedByName: actor.name, updatedAt: new Date(), version })
        .where(eq(planSteps.id, step.id));
      await logChange(tx, actor, enrollment);
      await auditInRegister(tx, audit, {
        action: "portal.plan_step.changed",
        associationId: enrollment.associationId,
        targetType: "plan_step",
        targetId: step.id,
        details: { initiativeId: enrollment.initiativeId, changed },
      });
      return { version };
    }),
  );
}

/** Sets a step's status: planned, under way or done. */
export async function setPlanStepStatus(
  db: Db,
  staff: PlanStaff,
  stepId: string,
  expectedVersion: number,
  status: string,
): Promise<{ version: number }> {
  const { actor, scope, audit } = staff;
  if (!isPlanStepStatus(status))
    throw new ValidationError({ status: "Välj om steget är planerat, pågår eller är klart." });
  return loggingDenied(db, actor, scope, "change", {}, () =>
    inRegister(db, scope, async (tx) => {
      const { step, enrollment } = await stepForChange(tx, scope, stepId, expectedVersion);
      if (step.status === status) return { version: step.version };
      const version = step.version + 1;
      await tx
        .update(planSteps)
        .set({ status, updatedAt: new Date(), version })
        .where(eq(planSteps.id, step.id));
      await logChange(tx, actor, enrollment);
      await auditInRegister(tx, audit, {
        action: "portal.plan_step.status_changed",
        associationId: enrollment.associationId,
        targetType: "plan_step",
        targetId: step.id,
        details: {
          initiativeId: enrollment.initiativeId,
          from: STATUS_WORDS[step.status],
          to: STATUS_WORDS[status],
        },
      });
      return { version };
    }),
  );
}

/**
 * Moves a step one place up or down in the plan (the steps are numbered 0, 1, 2 … anew). At the
 * top (or bottom) already, nothing changes.
 */
export async function movePlanStep(
  db: Db,
  staff: PlanStaff,
  stepId: string,
  expectedVersion: number,
  direction: "up" | "down",
): Promise<{ version: number; moved: boolean }> {
  const { actor, scope, audit } = staff;
  if (direction !== "up" && direction !== "down")
    throw new ValidationError({ form: "Välj om steget ska flyttas upp eller ner." });
  return loggingDenied(db, actor, scope, "change", {}, () =>
    inRegister(db, scope, async (tx) => {
      const { step, enrollment, steps } = await stepForChange(tx, scope, stepId, expectedVersion);
      const from = steps.findIndex((s) => s.id === step.id);
      const to = direction === "up" ? from - 1 : from + 1;
      if (to < 0 || to >= steps.length) return { version: step.version, moved: false };
      const order = [...steps];
      [order[from], order[to]] = [order[to] as StepRow, order[from] as StepRow];
      const version = step.version + 1;
      for (const [position, s] of order.entries()) {
        if (s.id === step.id)
          await tx
            .update(planSteps)
            .set({ position, updatedAt: new Date(), version })
            .where(eq(planSteps.id, s.id));
        else if (s.position !== position)
          await tx.update(planSteps).set({ position }).where(eq(planSteps.id, s.id));
      }
      await logChange(tx, actor, enrollment);
      await auditInRegister(tx, audit, {
        action: "portal.plan_step.moved",
        associationId: enrollment.associationId,
        targetType: "plan_step",
        targetId: step.id,
        details: { initiativeId: enrollment.initiativeId, from: from + 1, to: to + 1 },
      });
      return { version, moved: true };
    }),
  );
}

/** Removes a step from the plan (the page asks for a confirmation first). */
export async function removePlanStep(
  db: Db,
  staff: PlanStaff,
  stepId: string,
  expectedVersion: number,
): Promise<void> {
  const { actor, scope, audit } = staff;
  return loggingDenied(db, actor, scope, "change", {}, () =>
    inRegister(db, scope, async (tx) => {
      const { step, enrollment, steps } = await stepForChange(tx, scope, stepId, expectedVersion);
      await tx.delete(planSteps).where(eq(planSteps.id, step.id));
      for (const [position, s] of steps.filter((s) => s.id !== step.id).entries())
        if (s.position !== position)
          await tx.update(planSteps).set({ position }).where(eq(planSteps.id, s.id));
      await logChange(tx, actor, enrollment);
      await auditInRegister(tx, audit, {
        action: "portal.plan_step.removed",
        associationId: enrollment.associationId,
        targetType: "plan_step",
        targetId: step.id,
        details: { initiativeId: enrollment.initiativeId },
      });
    }),
  );
}

// ── the participant's side ───────────────────────────────────────────────────────────────────

export interface ParticipantPlanStep {
  id: string;
  title: string;
  details: string | null;
  dueOn: string | null;
  status: PlanStepStatus;
}

export interface ParticipantPlan {
  /** One per enrollment on the account's initiatives (most recent start first). */
  plans: Array<{
    enrollmentId: string;
    initiativeName: string;
    /** The organisation whose staff write the plan (the initiative's owner). */
    organisation: string;
    startDate: string;
    endDate: string | null;
    steps: ParticipantPlanStep[];
  }>;
  next: {
    booking: {
      id: string;
      startsAt: string;
      endsAt: string;
      title: string;
      place: string;
      mode: MeetingMode;
      kind: BookingKind;
    } | null;
    /** The undone step with the earliest due date. */
    step: (ParticipantPlanStep & { overdue: boolean }) | null;
    /** The next progression measurement of the initiative's plan, if any is coming or due. */
    measurement: {
      dueOn: string;
      lastDayOn: string;
      occasion: Occasion;
      instrument: Texts;
      status: DueOccasion["status"];
    } | null;
  };
}

/**
 * The participant's own action plans and what happens next: their next booked time, the undone
 * step with the earliest due date, and the next progression measurement their initiative's
 * measurement plan asks for. Only the account's own participant's rows, on its initiatives.
 */
export async function planOf(
  db: Db,
  account: PortalAccount,
  options: { now?: Date; today?: string } = {},
): Promise<ParticipantPlan> {
  const now = options.now ?? new Date();
  const today = options.today ?? todayInSweden(now);
  const own = account.participantId;
  const initiativeIds = [...account.initiativeIds];
  return inRegister(db, portalScope(account), async (tx) => {
    const enrollmentRows = await tx
      .select({
        id: enrollments.id,
        initiativeId: enrollments.initiativeId,
        initiativeName: initiatives.name,
        organisation: memberOrganisations.name,
        startDate: enrollments.startDate,
        endDate: enrollments.endDate,
      })
      .from(enrollments)
      .innerJoin(initiatives, eq(initiatives.id, enrollments.initiativeId))
      .innerJoin(memberOrganisations, eq(memberOrganisations.id, enrollments.dataControllerId))
      .where(
        and(
          eq(enrollments.participantId, own),
          inArray(enrollments.initiativeId, initiativeIds),
          eq(enrollments.voided, false),
        ),
      )
      .orderBy(sql`${enrollments.startDate} desc`, asc(enrollments.createdAt));
    const stepRows =
      enrollmentRows.length === 0
        ? []
        : await tx
            .select()
            .from(planSteps)
            .where(
              and(
                eq(planSteps.participantId, own),
                inArray(
                  planSteps.enrollmentId,
                  enrollmentRows.map((e) => e.id),
                ),
              ),
            )
            .orderBy(asc(planSteps.position), asc(planSteps.createdAt), asc(planSteps.id));
    const stepView = (s: StepRow): ParticipantPlanStep => ({
      id: s.id,
      title: s.title,
      details: s.details,
      dueOn: s.dueOn,
      status: s.status,
    });

    const [booking] = await tx
      .select({
        id: bookings.id,
        startsAt: bookings.startsAt,
        endsAt: bookings.endsAt,
        title: availability.title,
        place: availability.place,
        mode: availability.mode,
        kind: availability.kind,
      })
      .from(bookings)
      .innerJoin(availability, eq(availability.id, bookings.availabilityId))
      .where(
        and(
          eq(bookings.participantId, own),
          inArray(bookings.initiativeId, initiativeIds),
          eq(bookings.status, "bokad"),
          gt(bookings.startsAt, now),
        ),
      )
      .orderBy(asc(bookings.startsAt))
      .limit(1);

    const undone = stepRows
      .filter((s) => s.status !== "klar" && s.dueOn !== null)
      .sort((a, b) => (a.dueOn as string).localeCompare(b.dueOn as string));
    const nextStep = undone[0];

    // The progression measurement plan (progression/due.ts) of each open enrollment.
    const open = enrollmentRows.filter((e) => e.endDate === null || e.endDate >= today);
    let measurement: ParticipantPlan["next"]["measurement"] = null;
    if (open.length > 0) {
      const plans = await tx
        .select()
        .from(progressionPlans)
        .where(
          inArray(
            progressionPlans.initiativeId,
            open.map((e) => e.initiativeId),
          ),
        );
      const done =
        plans.length === 0
          ? []
          : await tx
              .select({
                enrollmentId: measurements.enrollmentId,
                instrumentVersionId: measurements.instrumentVersionId,
                occasion: measurements.occasion,
                measuredOn: measurements.measuredOn,
              })
              .from(measurements)
              .where(
                and(
                  eq(measurements.participantId, own),
                  inArray(
                    measurements.enrollmentId,
                    open.map((e) => e.id),
                  ),
                ),
              );
      const candidates: Array<DueOccasion> = [];
      for (const e of open) {
        const plan = plans.find((p) => p.initiativeId === e.initiativeId);
        if (!plan) continue;
        candidates.push(
          ...dueOccasions(
            plan,
            e,
            done.filter((m) => m.enrollmentId === e.id),
            today,
          ).filter((o) => o.status !== "klar"),
        );
      }
      candidates.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
      const first = candidates[0];
      if (first) {
        const [instrument] = await tx
          .select({ name: progressionInstruments.name })
          .from(progressionInstrumentVersions)
          .innerJoin(
            progressionInstruments,
            eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
          )
          .where(eq(progressionInstrumentVersions.id, first.instrumentVersionId));
        measurement = {
          dueOn: first.dueOn,
          lastDayOn: first.lastDayOn,
          occasion: first.occasion,
          instrument: instrument?.name ?? { sv: "" },
          status: first.status,
        };
      }
    }

    return {
      plans: enrollmentRows.map((e) => ({
        enrollmentId: e.id,
        initiativeName: e.initiativeName,
        organisation: e.organisation,
        startDate: e.startDate,
        endDate: e.endDate,
        steps: stepRows.filter((s) => s.enrollmentId === e.id).map(stepView),
      })),
      next: {
        booking: booking
          ? {
              ...booking,
              startsAt: booking.startsAt.toISOString(),
              endsAt: booking.endsAt.toISOString(),
            }
          : null,
        step: nextStep ? { ...stepView(nextStep), overdue: (nextStep.dueOn ?? "") < today } : null,
        measurement,
      },
    };
  });
}
