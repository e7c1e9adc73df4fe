// Periodic reports (domain/documents.md §2): written by the initiative lead, section 2.6 by the
// steering group, submitted, registered by the office (arrival date, diarienummer, initials),
// then accepted and locked or returned with comments. Answers derived from data (meetings,
// attendance, deviation reports, earlier reports) are filled in and can be commented.
// A locked report cannot be changed by anyone: the code refuses, and a trigger backs it up.
import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  type SQL,
} from "drizzle-orm";
import { commentText, nextRegistryNumber, todayInSweden } from "../applications/workflow.ts";
import { memberOrganisations } from "../associations/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { initiativeGoals, initiatives } from "../initiatives/schema.ts";
import { isoDate } from "../initiatives/validate-initiative.ts";
import { roleAssignments, users } from "../people/schema.ts";
import type { Queryable, Tx } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { isUuid } from "../platform/uuid.ts";
import {
  emptyAnswers,
  GOAL_ASSESSMENTS,
  type GoalAssessment,
  PERIODIC_TEXT_FIELDS,
  type PeriodicReportContent,
  STATUS_QUESTIONS,
  STEERING_TEXT_FIELDS,
  type StatusAnswer,
  type StatusQuestionKey,
  type SteeringAnalysis,
} from "./periodic-report-content.ts";
import {
  insertReportComment,
  listReportComments,
  recordReportChange,
  returnMessage,
} from "./report-versions.ts";
import {
  deviationReports,
  meetingAttendance,
  type PeriodicReportStatus,
  periodicReports,
  steeringGroupMeetings,
  steeringGroupMembers,
} from "./schema.ts";

type Row = typeof periodicReports.$inferSelect;

const TEXT_LIMIT = 20_000;

export interface DerivedAnswer {
  answer: "ja" | "nej" | null;
  /** What the answer rests on, in Swedish, for the reader to check. */
  basis: string;
}

/** The answers Samspår can give from its own data for a report's initiative and period. */
export async function derivedAnswers(
  q: Queryable,
  report: Pick<Row, "id" | "initiativeId" | "periodStart" | "periodEnd">,
  today = todayInSweden(),
): Promise<Partial<Record<StatusQuestionKey, DerivedAnswer>>> {
  const { initiativeId, periodStart, periodEnd } = report;
  const budgetDeviations = await q
    .select({ submittedAt: deviationReports.submittedAt, types: deviationReports.types })
    .from(deviationReports)
    .where(
      and(eq(deviationReports.initiativeId, initiativeId), isNotNull(deviationReports.submittedAt)),
    );
  const inPeriod = budgetDeviations.filter((d) => {
    const day = d.submittedAt ? todayInSweden(d.submittedAt) : "";
    return d.types.includes("budget") && day >= periodStart && day <= periodEnd;
  });

  const meetings = await q
    .select({ id: steeringGroupMeetings.id, date: steeringGroupMeetings.meetingDate })
    .from(steeringGroupMeetings)
    .where(
      and(
        eq(steeringGroupMeetings.initiativeId, initiativeId),
        eq(steeringGroupMeetings.held, true),
        gte(steeringGroupMeetings.meetingDate, `${periodEnd.slice(0, 4)}-01-01`),
        lte(steeringGroupMeetings.meetingDate, periodEnd),
      ),
    )
    .orderBy(asc(steeringGroupMeetings.meetingDate));
  const periodMeetings = meetings.filter((m) => m.date >= periodStart);
  const yearEnd = periodEnd.slice(5) === "12-31";
  const [initiative] = await q
    .select({ startDate: initiatives.startDate })
    .from(initiatives)
    .where(eq(initiatives.id, initiativeId));
  const yearStart =
    initiative?.startDate && initiative.startDate > `${periodEnd.slice(0, 4)}-01-01`
      ? initiative.startDate
      : `${periodEnd.slice(0, 4)}-01-01`;
  const monthsActive = 12 - Number(yearStart.slice(5, 7)) + 1;
  const expectedInYear = Math.min(4, Math.ceil(monthsActive / 3));
  const meetingsOk = periodMeetings.length >= 1 && (!yearEnd || meetings.length >= expectedInYear);
  const meetingsBasis =
    `${periodMeetings.length} hållna styrgruppsmöten under perioden (minst 1 enligt avtal)` +
    (yearEnd ? `, ${meetings.length} under året (minst ${expectedInYear}).` : ".");

  // attendance: every ordinary member active on the day of each held meeting was present
  let attendance: DerivedAnswer = {
    answer: null,
    basis: "Inga hållna möten under perioden att bedöma närvaron på.",
  };
  if (periodMeetings.length) {
    const members = await q
      .select()
      .from(steeringGroupMembers)
      .where(
        and(
          eq(steeringGroupMembers.initiativeId, initiativeId),
          eq(steeringGroupMembers.membership, "ordinarie"),
        ),
      );
    const present = await q
      .select()
      .from(meetingAttendance)
      .where(
        inArray(
          meetingAttendance.meetingId,
          periodMeetings.map((m) => m.id),
        ),
      );
    let missing = 0;
    let expected = 0;
    for (const m of periodMeetings) {
      for (const member of members) {
        if (member.fromDate > m.date || (member.toDate && member.toDate < m.date)) continue;
        expected++;
        const here = present.find((p) => p.meetingId === m.id && p.memberId === member.id);
        if (!here?.present) missing++;
      }
    }
    attendance = {
      answer: expected > 0 && missing === 0 ? "ja" : "nej",
      basis:
        expected === 0
          ? "Styrgruppen har inga ordinarie ledamöter registrerade."
          : `${expected - missing} av ${expected} ordinarie närvaron på periodens möten.`,
    };
  }

  const earlier = await q
    .select({
      periodKey: periodicReports.periodKey,
      dueDate: periodicReports.dueDate,
      submittedAt: periodicReports.submittedAt,
    })
    .from(periodicReports)
    .where(
      and(
        eq(periodicReports.initiativeId, initiativeId),
        lt(periodicReports.periodEnd, periodStart),
      ),
    );
  const due = earlier.filter((r) => r.dueDate < today);
  const late = due.filter((r) => !r.submittedAt || todayInSweden(r.submittedAt) > r.dueDate);

  return {
    budgetDeviationSubmitted: {
      answer: inPeriod.length ? "ja" : "nej",
      basis: inPeriod.length
        ? `${inPeriod.length} avvikelserapport(er) om budget inlämnade under perioden.`
        : "Ingen avvikelserapport om budget inlämnad under perioden.",
    },
    steeringMeetingsAsAgreed: { answer: meetingsOk ? "ja" : "nej", basis: meetingsBasis },
    allOrdinaryAttended: attendance,
    followUpAsAgreed: {
      answer: late.length ? "nej" : "ja",
      basis: due.length
        ? `${due.length - late.length} av ${due.length} tidigare rapporter inlämnade i tid (${late.map((r) => r.periodKey).join(", ") || "inga sena"}). Deltagarregistret bedöms när det finns i Samspår.`
        : "Inga tidigare rapporter har hunnit förfalla. Deltagarregistret bedöms när det finns i Samspår.",
    },
  };
}

/** One periodic report with what its pages need: initiative, goals pre-filled, derived answers, comments. */
export async function getPeriodicReport(q: Queryable, associationId: string, reportId: string) {
  if (!isUuid(reportId)) return undefined;
  const [row] = await q
    .select({
      report: periodicReports,
      initiativeName: initiatives.name,
      initiativeStatus: initiatives.status,
      initiativeStart: initiatives.startDate,
      ownerName: memberOrganisations.name,
    })
    .from(periodicReports)
    .innerJoin(initiatives, eq(initiatives.id, periodicReports.initiativeId))
    .innerJoin(memberOrganisations, eq(memberOrganisations.id, initiatives.ownerOrganisationId))
    .where(and(eq(periodicReports.id, reportId), eq(periodicReports.associationId, associationId)));
  if (!row) return undefined;
  const r = row.report;
  const content = r.content as unknown as PeriodicReportContent;
  const goals = await q
    .select()
    .from(initiativeGoals)
    .where(eq(initiativeGoals.initiativeId, r.initiativeId))
    .orderBy(asc(initiativeGoals.position));
  // 2.4: the initiative's goals, pre-filled for assessment until the report has its own
  const goalAssessments: GoalAssessment[] = content.goals.length
    ? content.goals
    : goals.map((g) => ({ goalId: g.id, goalText: g.text, assessment: null, comment: "" }));
  const answers = { ...emptyAnswers(), ...content.answers };
  // "Startade insatsen i tid?" is asked until answered Ja, then carried
  let startedOnTimeCarried = false;
  if (!answers.startedOnTime.answer) {
    const earlier = await q
      .select({ content: periodicReports.content })
      .from(periodicReports)
      .where(
        and(
          eq(periodicReports.initiativeId, r.initiativeId),
          lt(periodicReports.periodEnd, r.periodStart),
        ),
      );
    if (
      earlier.some(
        (e) =>
          (e.content as unknown as PeriodicReportContent).answers?.startedOnTime?.answer === "ja",
      )
    ) {
      answers.startedOnTime = { answer: "ja", comment: "" };
      startedOnTimeCarried = true;
    }
  }
  const derived = await derivedAnswers(q, r);
  const comments = await listReportComments(q, "periodic", r.id);
  return {
    ...r,
    content: { ...content, goals: goalAssessments, answers },
    steeringAnalysis: r.steeringAnalysis as unknown as SteeringAnalysis,
    initiativeName: row.initiativeName,
    initiativeStatus: row.initiativeStatus,
    ownerName: row.ownerName,
    startedOnTimeCarried,
    derived,
    comments,
    overdue: (r.status === "utkast" || r.status === "aterskickad") && r.dueDate < todayInSweden(),
  };
}

export type PeriodicReportDetails = NonNullable<Awaited<ReturnType<typeof getPeriodicReport>>>;

export interface PeriodicReportFilter {
  visible: "all" | string[];
  initiativeId?: string | undefined;
  periodKey?: string | undefined;
  status?: PeriodicReportStatus | undefined;
}

/** Reports of an association for lists and the dashboard, newest period first. */
export async function listPeriodicReports(
  q: Queryable,
  associationId: string,
  filter: PeriodicReportFilter,
) {
  if (filter.visible !== "all" && filter.visible.length === 0) return [];
  const where: SQL[] = [eq(periodicReports.associationId, associationId)];
  if (filter.visible !== "all") where.push(inArray(periodicReports.initiativeId, filter.visible));
  if (filter.initiativeId && isUuid(filter.initiativeId))
    where.push(eq(periodicReports.initiativeId, filter.initiativeId));
  if (filter.periodKey) where.push(eq(periodicReports.periodKey, filter.periodKey));
  if (filter.status) where.push(eq(periodicReports.status, filter.status));
  const today = todayInSweden();
  const rows = await q
    .select({
      id: periodicReports.id,
      initiativeId: periodicReports.initiativeId,
      initiativeName: initiatives.name,
      periodKey: periodicReports.periodKey,
      periodStart: periodicReports.periodStart,
      periodEnd: periodicReports.periodEnd,
      dueDate: periodicReports.dueDate,
      status: periodicReports.status,
      submittedAt: periodicReports.submittedAt,
      arrivalDate: periodicReports.arrivalDate,
      registryNumber: periodicReports.registryNumber,
      version: periodicReports.version,
    })
    .from(periodicReports)
    .innerJoin(initiatives, eq(initiatives.id, periodicReports.initiativeId))
    .where(and(...where))
    .orderBy(desc(periodicReports.periodEnd), asc(initiatives.name));
  return rows.map((r) => ({
    ...r,
    overdue: (r.status === "utkast" || r.status === "aterskickad") && r.dueDate < today,
    submittedLate: r.submittedAt !== null && todayInSweden(r.submittedAt) > r.dueDate,
  }));
}

/** Locks the row for a change and checks the version it was based on. */
async function lockReport(tx: Tx, associationId: string, reportId: string, expected?: number) {
  const [row] = await tx
    .select()
    .from(periodicReports)
    .where(and(eq(periodicReports.id, reportId), eq(periodicReports.associationId, associationId)))
    .for("update");
  if (!row) throw new NotFoundError("Rapporten finns inte.");
  if (row.status === "last")
    throw new ValidationError({
      status: "Rapporten är granskad och låst. Den kan inte ändras av någon.",
    });
  if (expected !== undefined && row.version !== expected)
    throw new ConflictError(
      `Någon annan har ändrat rapporten medan du arbetade (version ${row.version}, du utgick från version ${expected}). Dina ändringar är inte sparade. Hämta den senaste versionen och gör om dem.`,
    );
  return row;
}

async function change(
  tx: Tx,
  actor: AuditActor,
  row: Row,
  changes: Partial<typeof periodicReports.$inferInsert>,
  event: string,
  note: string | null = null,
): Promise<number> {
  const version = row.version + 1;
  const [updated] = await tx
    .update(periodicReports)
    .set({ ...changes, version, updatedAt: new Date() })
    .where(eq(periodicReports.id, row.id))
    .returning();
  if (!updated) throw new Error("update returned nothing");
  await recordReportChange(
    tx,
    actor,
    "periodic",
    updated,
    event,
    { periodKey: row.periodKey },
    note,
  );
  return version;
}

export interface PeriodicReportInput {
  texts: Partial<Record<(typeof PERIODIC_TEXT_FIELDS)[number]["key"], string>>;
  goals: Array<{ goalId: string | null; goalText: string; assessment: string; comment: string }>;
  answers: Partial<Record<StatusQuestionKey, { answer: string; comment: string }>>;
  reportedBy: string;
  reportedOn: string;
}

function validateInput(input: PeriodicReportInput, mode: "draft" | "submit") {
  const problems: Record<string, string> = {};
  const texts: Record<string, string> = {};
  for (const f of PERIODIC_TEXT_FIELDS) {
    const t = (input.texts[f.key] ?? "").trim();
    if (t.length > TEXT_LIMIT) problems[f.key] = "Texten får ha högst 20 000 tecken.";
    texts[f.key] = t;
  }
  const goals = input.goals.map((g, i) => {
    const assessment = g.assessment.trim() || null;
    if (assessment && !(GOAL_ASSESSMENTS as readonly string[]).includes(assessment))
      problems[`goals.${i}.assessment`] = `Välj en bedömning för mål ${i + 1} i listan.`;
    if (mode === "submit" && !assessment)
      problems[`goals.${i}.assessment`] = `Bedöm mål ${i + 1}: ${g.goalText}.`;
    return { goalId: g.goalId, goalText: g.goalText, assessment, comment: g.comment.trim() };
  });
  const answers = emptyAnswers();
  for (const q of STATUS_QUESTIONS) {
    const given = input.answers[q.key];
    const answer = given?.answer?.trim() || null;
    if (answer && !(q.options as readonly string[]).includes(answer))
      problems[`answers.${q.key}`] = `Välj ett av svaren på frågan ”${q.label}”.`;
    answers[q.key] = { answer, comment: (given?.comment ?? "").trim() };
  }
  if (answers.inPhase.answer === "ja_kommentar" && !answers.inPhase.comment)
    problems["answers.inPhase"] = "Skriv kommentaren till ”Ja, med kommentar”.";
  const reportedOn = isoDate(input.reportedOn);
  if (reportedOn === "invalid")
    problems.reportedOn = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-04-28.";
  if (mode === "submit") {
    if (!texts.activities)
      problems.activities = "Beskriv vad som gjorts under perioden innan du skickar in.";
    for (const q of STATUS_QUESTIONS) {
      if ("derived" in q && q.derived) continue;
      if (!answers[q.key].answer && !problems[`answers.${q.key}`])
        problems[`answers.${q.key}`] = `Svara på frågan ”${q.label}” innan du skickar in.`;
    }
    if (!input.reportedBy.trim())
      problems.reportedBy = "Skriv vem eller vilka som lämnar uppgifterna.";
    if (!reportedOn) problems.reportedOn ??= "Ange datum för uppgiftslämnandet.";
  }
  return {
    problems,
    content: {
      ...(texts as Record<(typeof PERIODIC_TEXT_FIELDS)[number]["key"], string>),
      goals,
      answers,
      reportedBy: input.reportedBy.trim(),
      reportedOn: reportedOn === "invalid" ? null : reportedOn,
    } satisfies PeriodicReportContent,
  };
}

const EDITABLE: ReadonlySet<PeriodicReportStatus> = new Set(["utkast", "aterskickad"]);

/** Saves the lead's sections (a draft may be incomplete, never invalid). */
export async function savePeriodicReport(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  expectedVersion: number,
  input: PeriodicReportInput,
): Promise<number> {
  const { problems, content } = validateInput(input, "draft");
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return q.transaction(async (tx) => {
    const row = await lockReport(tx, associationId, reportId, expectedVersion);
    if (!EDITABLE.has(row.status))
      throw new ValidationError({
        status: "Rapporten är inskickad. Den kan ändras igen om förbundet skickar tillbaka den.",
      });
    return change(tx, actor, row, { content }, "saved");
  });
}

/** Submits the report: every question answered (derived ones filled from data when left open). */
export async function submitPeriodicReport(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  expectedVersion: number,
  now = new Date(),
): Promise<number> {
  return q.transaction(async (tx) => {
    const row = await lockReport(tx, associationId, reportId, expectedVersion);
    if (!EDITABLE.has(row.status))
      throw new ValidationError({ status: "Rapporten är redan inskickad." });
    const today = todayInSweden(now);
    if (row.periodStart > today)
      throw new ValidationError({
        status: `Perioden ${row.periodKey} har inte börjat än. Rapporten skickas in när perioden är slut.`,
      });
    const details = await getPeriodicReport(tx, associationId, reportId);
    if (!details) throw new NotFoundError("Rapporten finns inte.");
    const c = details.content;
    const answers = { ...c.answers };
    for (const [key, d] of Object.entries(details.derived) as Array<
      [StatusQuestionKey, DerivedAnswer]
    >) {
      if (!answers[key]?.answer && d.answer)
        answers[key] = { answer: d.answer, comment: answers[key]?.comment ?? "" };
    }
    const { problems, content } = validateInput(
      {
        texts: c as unknown as PeriodicReportInput["texts"],
        goals: c.goals.map((g) => ({ ...g, assessment: g.assessment ?? "" })),
        answers: Object.fromEntries(
          Object.entries(answers).map(([k, a]) => [
            k,
            { answer: a.answer ?? "", comment: a.comment },
          ]),
        ) as PeriodicReportInput["answers"],
        reportedBy: c.reportedBy,
        reportedOn: c.reportedOn ?? "",
      },
      "submit",
    );
    if (Object.keys(problems).length) throw new ValidationError(problems);
    return change(
      tx,
      actor,
      row,
      { content, status: "inskickad", submittedAt: now },
      row.status === "aterskickad" ? "resubmitted" : "submitted",
      row.dueDate < today ? `Inskickad ${today}, efter sista dag ${row.dueDate}` : null,
    );
  });
}

/** Section 2.6 by the steering group: may be written until the report is locked. */
export async function saveSteeringAnalysis(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  expectedVersion: number,
  input: Partial<Record<(typeof STEERING_TEXT_FIELDS)[number]["key"], string>> & {
    writtenBy: string;
    writtenOn: string;
  },
): Promise<number> {
  const problems: Record<string, string> = {};
  const texts: Record<string, string> = {};
  for (const f of STEERING_TEXT_FIELDS) {
    const t = (input[f.key] ?? "").trim();
    if (t.length > TEXT_LIMIT) problems[f.key] = "Texten får ha högst 20 000 tecken.";
    texts[f.key] = t;
  }
  const writtenOn = isoDate(input.writtenOn);
  if (writtenOn === "invalid") problems.writtenOn = "Skriv datumet som ÅÅÅÅ-MM-DD.";
  if (Object.values(texts).some(Boolean) && !input.writtenBy.trim())
    problems.writtenBy = "Skriv vem i styrgruppen som står för analysen.";
  if (Object.keys(problems).length) throw new ValidationError(problems);
  const analysis: SteeringAnalysis = {
    goalFulfilment: texts.goalFulfilment ?? "",
    budget: texts.budget ?? "",
    deviations: texts.deviations ?? "",
    implementationPlan: texts.implementationPlan ?? "",
    writtenBy: input.writtenBy.trim(),
    writtenOn: writtenOn === "invalid" ? null : writtenOn,
  };
  return q.transaction(async (tx) => {
    const row = await lockReport(tx, associationId, reportId, expectedVersion);
    return change(tx, actor, row, { steeringAnalysis: { ...analysis } }, "steering_analysis_saved");
  });
}

/** The office registers the report's arrival: date, diarienummer (given now) and initials. */
export async function registerArrival(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  expectedVersion: number,
  input: { arrivalDate: string; initials: string },
  now = new Date(),
): Promise<number> {
  const problems: Record<string, string> = {};
  const arrival = isoDate(input.arrivalDate);
  if (arrival === null || arrival === "invalid")
    problems.arrivalDate = "Skriv ankomstdatum som ÅÅÅÅ-MM-DD.";
  else if (arrival > todayInSweden(now))
    problems.arrivalDate = "Ankomstdatum kan inte ligga i framtiden.";
  const initials = input.initials.trim().toUpperCase();
  if (!/^[A-ZÅÄÖ]{2,4}$/.test(initials))
    problems.initials = "Skriv dina initialer med 2–4 bokstäver, till exempel ML.";
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return q.transaction(async (tx) => {
    const row = await lockReport(tx, associationId, reportId, expectedVersion);
    if (row.status !== "inskickad")
      throw new ValidationError({ status: "Ankomst registreras för en inskickad rapport." });
    const registryNumber =
      row.registryNumber ??
      (await nextRegistryNumber(tx, associationId, Number((arrival as string).slice(0, 4))));
    return change(
      tx,
      actor,
      row,
      { arrivalDate: arrival as string, receivedByInitials: initials, registryNumber },
      "registered",
      `Diarienummer ${registryNumber}, inkom ${arrival}, ${initials}`,
    );
  });
}

/** The office accepts the report: it is locked for good. Registers the arrival first if needed. */
export async function acceptPeriodicReport(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  expectedVersion: number,
  now = new Date(),
): Promise<number> {
  return q.transaction(async (tx) => {
    const row = await lockReport(tx, associationId, reportId, expectedVersion);
    if (row.status !== "inskickad")
      throw new ValidationError({ status: "Bara en inskickad rapport kan godkännas och låsas." });
    if (!row.arrivalDate || !row.registryNumber)
      throw new ValidationError({
        arrivalDate: "Registrera ankomstdatum och dina initialer innan rapporten låses.",
      });
    return change(
      tx,
      actor,
      row,
      { status: "last", lockedAt: now, lockedBy: actor.userId },
      "locked",
    );
  });
}

/** The office returns the report with what to complete; its history is kept. */
export async function returnPeriodicReport(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  expectedVersion: number,
  message: string,
): Promise<number> {
  const text = returnMessage(message);
  return q.transaction(async (tx) => {
    const row = await lockReport(tx, associationId, reportId, expectedVersion);
    if (row.status !== "inskickad")
      throw new ValidationError({ status: "Bara en inskickad rapport kan skickas tillbaka." });
    await insertReportComment(tx, actor, "periodic", row.id, text);
    return change(tx, actor, row, { status: "aterskickad" }, "returned", text);
  });
}

/** A comment on a report, e.g. on a derived answer (`field` = "answers.steeringMeetingsAsAgreed"). */
export async function commentOnPeriodicReport(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  text: string,
  field: string | null = null,
): Promise<string> {
  const body = commentText(text);
  return q.transaction(async (tx) => {
    const row = await lockReport(tx, associationId, reportId, undefined);
    const id = await insertReportComment(tx, actor, "periodic", row.id, body, field);
    await recordAuditEvent(tx, actor, {
      action: "periodic_report.commented",
      associationId,
      targetType: "periodic_report",
      targetId: row.id,
      details: { field },
    });
    return id;
  });
}

/**
 * The status answers of the latest submitted or locked report per initiative and period, as
 * data for the follow-up: codes, not text. Derived answers left open are filled from data.
 */
export async function statusAnswers(
  q: Queryable,
  associationId: string,
  filter: { visible: "all" | string[]; periodKey?: string; from?: string; to?: string },
) {
  if (filter.visible !== "all" && filter.visible.length === 0) return [];
  const where: SQL[] = [
    eq(periodicReports.associationId, associationId),
    inArray(periodicReports.status, ["inskickad", "last"]),
  ];
  if (filter.visible !== "all") where.push(inArray(periodicReports.initiativeId, filter.visible));
  if (filter.periodKey) where.push(eq(periodicReports.periodKey, filter.periodKey));
  if (filter.from) where.push(gte(periodicReports.periodEnd, filter.from));
  if (filter.to) where.push(lte(periodicReports.periodEnd, filter.to));
  const rows = await q
    .select({
      id: periodicReports.id,
      initiativeId: periodicReports.initiativeId,
      initiativeName: initiatives.name,
      periodKey: periodicReports.periodKey,
      periodStart: periodicReports.periodStart,
      periodEnd: periodicReports.periodEnd,
      status: periodicReports.status,
      content: periodicReports.content,
      version: periodicReports.version,
    })
    .from(periodicReports)
    .innerJoin(initiatives, eq(initiatives.id, periodicReports.initiativeId))
    .where(and(...where))
    .orderBy(asc(initiatives.name), asc(periodicReports.periodEnd));
  return rows.map((r) => {
    const c = r.content as unknown as PeriodicReportContent;
    return {
      reportId: r.id,
      initiativeId: r.initiativeId,
      initiativeName: r.initiativeName,
      periodKey: r.periodKey,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      status: r.status,
      version: r.version,
      answers: Object.fromEntries(
        STATUS_QUESTIONS.map((sq) => [
          sq.key,
          {
            answer: c.answers?.[sq.key]?.answer ?? null,
            comment: c.answers?.[sq.key]?.comment ?? "",
          },
        ]),
      ) as Record<StatusQuestionKey, StatusAnswer>,
      goals: c.goals.map((g) => ({ goalText: g.goalText, assessment: g.assessment })),
    };
  });
}

/** The initiative leads of an initiative (for reminders). */
export async function initiativeLeads(q: Queryable, initiativeId: string) {
  return q
    .select({ email: users.email, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.initiativeId, initiativeId),
        eq(roleAssignments.role, "initiative_lead"),
        isNull(users.disabledAt),
      ),
    );
}
