// Deviation reports (avvikelserapporter, domain/documents.md §3): what deviates from the plan
// (goals, target group, budget, timetable, staffing), why, what it leads to and what is done,
// and an optional request: an extension within the budget, moving unused funds to a later
// period, a changed target group, or ending early. Written by the initiative's lead (or the
// office), submitted (arrival date and diarienummer), then decided by the office or the board.
// An approved request changes the initiative in the same transaction, through the initiative
// module's writer, so the initiative's own audit event says which report changed it.
// Every change of a report is kept as a version (report_versions) with its audit event.
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { commentText, nextRegistryNumber, todayInSweden } from "../applications/workflow.ts";
import { memberOrganisations } from "../associations/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { changedFields, writeInitiativeChange } from "../initiatives/save-initiative.ts";
import { type InitiativeStatus, initiatives } from "../initiatives/schema.ts";
import { isoDate } from "../initiatives/validate-initiative.ts";
import type { Queryable, Tx } from "../platform/database/connect.ts";
import {
  type ConflictChange,
  ConflictError,
  NotFoundError,
  ValidationError,
} from "../platform/errors.ts";
import { formatMoney } from "../platform/i18n/format.ts";
import { parseKronor } from "../platform/money.ts";
import { UUID } from "../platform/uuid.ts";
import { lockInitiativeForChange } from "./initiative-changes.ts";
import {
  getReportVersion,
  insertReportComment,
  listReportComments,
  listReportVersions,
  recordReportChange,
} from "./report-versions.ts";
import {
  DEVIATION_REQUESTS,
  DEVIATION_STATUSES,
  DEVIATION_TYPES,
  type DeviationRequest,
  type DeviationStatus,
  type DeviationType,
  deviationReports,
} from "./schema.ts";

export type { DeviationRequest, DeviationStatus, DeviationType };
export { DEVIATION_REQUESTS, DEVIATION_STATUSES, DEVIATION_TYPES };

type Row = typeof deviationReports.$inferSelect;

export const DEVIATION_TYPE_LABELS: Record<DeviationType, string> = {
  mal: "Mål",
  malgrupp: "Målgrupp",
  budget: "Budget",
  tidsplan: "Tidsplan",
  bemanning: "Bemanning",
};

export const DEVIATION_REQUEST_LABELS: Record<DeviationRequest, string> = {
  ingen: "Ingen begäran",
  forlangning: "Förlängning av insatstiden inom budgeten",
  flytta_medel: "Flytta outnyttjade medel till en senare period",
  andrad_malgrupp: "Ändrad målgrupp",
  avslut_i_fortid: "Avslut i förtid",
};

export const DEVIATION_STATUS_LABELS: Record<DeviationStatus, string> = {
  utkast: "Utkast",
  inskickad: "Inskickad",
  godkand: "Godkänd",
  avslagen: "Avslagen",
};

export const DECISION_BODIES = ["kansli", "styrelse"] as const;
export type DecisionBody = (typeof DECISION_BODIES)[number];
export const DECISION_BODY_LABELS: Record<DecisionBody, string> = {
  kansli: "Förbundets kansli",
  styrelse: "Styrelsen",
};

/** The narrative fields, in the order of the form. */
export const DEVIATION_TEXT_FIELDS = ["description", "cause", "consequence", "measures"] as const;
export type DeviationTextField = (typeof DEVIATION_TEXT_FIELDS)[number];

export const DEVIATION_FIELD_LABELS: Record<string, string> = {
  types: "Typ av avvikelse",
  description: "Beskrivning av avvikelsen",
  cause: "Orsak",
  consequence: "Konsekvens",
  measures: "Åtgärder",
  request: "Begäran",
  requestedEndDate: "Begärt slutdatum",
  requestedTargetGroup: "Ny målgrupp",
  requestedAmount: "Belopp att flytta",
  status: "Status",
};

/** Initiatives reports are written for: running, or granted and not yet started. */
export const OPEN_INITIATIVE_STATUSES: readonly InitiativeStatus[] = ["pagaende", "beviljad"];

const TEXT_LIMIT = 20_000;
const TARGET_GROUP_LIMIT = 2_000;
const DATE_FORMAT = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2028-06-30.";

/** What a form or the API sends: text as typed; the amount as a number or text. */
export interface DeviationInput {
  types: readonly string[];
  description: string;
  cause: string;
  consequence: string;
  measures: string;
  request: string;
  requestedEndDate?: string | null | undefined;
  requestedTargetGroup?: string | null | undefined;
  requestedAmount?: string | number | null | undefined;
}

export interface DecisionInput {
  decisionBody: string;
  decision: string;
  decisionDate: string;
  motivation?: string | null | undefined;
  meeting?: string | null | undefined;
  paragraph?: string | null | undefined;
}

type Content = Pick<
  Row,
  | "types"
  | "description"
  | "cause"
  | "consequence"
  | "measures"
  | "request"
  | "requestedEndDate"
  | "requestedTargetGroup"
  | "requestedAmount"
>;

const isType = (v: string): v is DeviationType =>
  (DEVIATION_TYPES as readonly string[]).includes(v);
const isRequest = (v: string): v is DeviationRequest =>
  (DEVIATION_REQUESTS as readonly string[]).includes(v);

/**
 * Reads the input into what is stored. A draft may be incomplete but never invalid: unknown
 * choices, malformed dates and amounts are refused at their field. Fields that belong to
 * another request than the chosen one are not kept.
 */
function readInput(input: DeviationInput): { problems: Record<string, string>; content: Content } {
  const problems: Record<string, string> = {};
  const given = [...new Set(input.types.map((t) => t.trim()).filter(Boolean))];
  if (given.some((t) => !isType(t))) problems.types = "Välj typ av avvikelse bland alternativen.";
  const types = DEVIATION_TYPES.filter((t) => given.includes(t));
  const texts = {} as Record<DeviationTextField, string>;
  for (const f of DEVIATION_TEXT_FIELDS) {
    const t = (input[f] ?? "").trim();
    if (t.length > TEXT_LIMIT) problems[f] = "Texten får ha högst 20 000 tecken.";
    texts[f] = t;
  }
  const requestText = (input.request ?? "").trim() || "ingen";
  let request: DeviationRequest = "ingen";
  if (isRequest(requestText)) request = requestText;
  else problems.request = "Välj en av begärandena i listan, eller ingen begäran.";

  let requestedEndDate: string | null = null;
  let requestedTargetGroup: string | null = null;
  let requestedAmount: number | null = null;
  if (request === "forlangning" || request === "avslut_i_fortid") {
    const d = isoDate(input.requestedEndDate);
    if (d === "invalid") problems.requestedEndDate = DATE_FORMAT;
    else requestedEndDate = d;
  }
  if (request === "andrad_malgrupp") {
    const g = (input.requestedTargetGroup ?? "").trim();
    if (g.length > TARGET_GROUP_LIMIT)
      problems.requestedTargetGroup = "Målgruppen får beskrivas med högst 2 000 tecken.";
    requestedTargetGroup = g || null;
  }
  if (request === "flytta_medel") {
    const a = parseKronor(input.requestedAmount);
    if (a === "invalid")
      problems.requestedAmount = "Skriv beloppet i hela kronor, till exempel 150 000.";
    else requestedAmount = a;
  }
  return {
    problems,
    content: {
      types,
      ...texts,
      request,
      requestedEndDate,
      requestedTargetGroup,
      requestedAmount,
    },
  };
}

interface InitiativeFacts {
  name: string;
  status: InitiativeStatus;
  startDate: string | null;
  endDate: string | null;
}

/** What a report must hold before it is submitted, against the initiative as it is now. */
function completeness(c: Content, initiative: InitiativeFacts): Record<string, string> {
  const problems: Record<string, string> = {};
  if (c.types.length === 0) problems.types = "Välj minst en typ av avvikelse.";
  if (!c.description) problems.description = "Beskriv avvikelsen.";
  if (!c.cause) problems.cause = "Beskriv orsaken till avvikelsen.";
  if (!c.consequence) problems.consequence = "Beskriv vilka konsekvenser avvikelsen får.";
  if (!c.measures) problems.measures = "Beskriv vilka åtgärder ni vidtar eller föreslår.";
  Object.assign(problems, requestProblems(c, initiative));
  return problems;
}

/** The request's own fields, against the initiative's current dates. */
function requestProblems(c: Content, initiative: InitiativeFacts): Record<string, string> {
  const problems: Record<string, string> = {};
  const { startDate: start, endDate: end } = initiative;
  switch (c.request) {
    case "forlangning":
      if (!c.requestedEndDate) problems.requestedEndDate = "Ange det nya slutdatum ni begär.";
      else if (end && c.requestedEndDate <= end)
        problems.requestedEndDate = `Det nya slutdatumet måste vara efter insatsens nuvarande slut, ${end}.`;
      else if (start && c.requestedEndDate < start)
        problems.requestedEndDate = `Slutdatumet kan inte vara före insatsens start, ${start}.`;
      break;
    case "avslut_i_fortid":
      if (!c.requestedEndDate) problems.requestedEndDate = "Ange dagen då insatsen slutar.";
      else if (end && c.requestedEndDate > end)
        problems.requestedEndDate = `Dagen kan inte vara efter insatsens nuvarande slut, ${end}. Begär förlängning om insatsen ska pågå längre.`;
      else if (start && c.requestedEndDate < start)
        problems.requestedEndDate = `Dagen kan inte vara före insatsens start, ${start}.`;
      break;
    case "andrad_malgrupp":
      if (!c.requestedTargetGroup)
        problems.requestedTargetGroup = "Beskriv den nya målgruppen ni begär.";
      break;
    case "flytta_medel":
      if (c.requestedAmount === null)
        problems.requestedAmount =
          "Ange i hela kronor hur mycket som ska flyttas till en senare period.";
      else if (c.requestedAmount <= 0)
        problems.requestedAmount = "Beloppet som ska flyttas måste vara större än 0 kr.";
      break;
    case "ingen":
      break;
  }
  return problems;
}

const notOpen = (i: InitiativeFacts) =>
  `Insatsen ${i.name} är inte pågående eller beviljad. Avvikelserapporter skrivs för insatser som pågår eller är beviljade.`;

async function initiativeFacts(
  q: Queryable,
  associationId: string,
  initiativeId: string,
): Promise<InitiativeFacts | undefined> {
  if (!UUID.test(initiativeId)) return undefined;
  const [row] = await q
    .select({
      name: initiatives.name,
      status: initiatives.status,
      startDate: initiatives.startDate,
      endDate: initiatives.endDate,
    })
    .from(initiatives)
    .where(and(eq(initiatives.id, initiativeId), eq(initiatives.associationId, associationId)));
  return row;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** One report with its initiative's facts and its comments. */
export async function getDeviationReport(q: Queryable, associationId: string, reportId: string) {
  if (!UUID.test(reportId)) return undefined;
  const [row] = await q
    .select({
      report: deviationReports,
      initiativeName: initiatives.name,
      initiativeStatus: initiatives.status,
      initiativeStartDate: initiatives.startDate,
      initiativeEndDate: initiatives.endDate,
      initiativePlannedEndDate: initiatives.plannedEndDate,
      initiativeTargetGroup: initiatives.targetGroup,
      ownerName: memberOrganisations.name,
    })
    .from(deviationReports)
    .innerJoin(initiatives, eq(initiatives.id, deviationReports.initiativeId))
    .innerJoin(memberOrganisations, eq(memberOrganisations.id, initiatives.ownerOrganisationId))
    .where(
      and(eq(deviationReports.id, reportId), eq(deviationReports.associationId, associationId)),
    );
  if (!row) return undefined;
  const comments = await listReportComments(q, "deviation", reportId);
  const { report, ...initiative } = row;
  return { ...report, ...initiative, comments };
}

export type DeviationReportDetails = NonNullable<Awaited<ReturnType<typeof getDeviationReport>>>;

export interface DeviationReportFilter {
  /** From visibleReports: "all", or the initiatives whose reports the caller sees. */
  visible: "all" | readonly string[];
  status?: DeviationStatus | undefined;
  initiativeId?: string | undefined;
}

/** The association's deviation reports the caller sees, newest first. */
export async function listDeviationReports(
  q: Queryable,
  associationId: string,
  filter: DeviationReportFilter,
) {
  if (filter.visible !== "all" && filter.visible.length === 0) return [];
  const where: SQL[] = [eq(deviationReports.associationId, associationId)];
  if (filter.visible !== "all")
    where.push(inArray(deviationReports.initiativeId, [...filter.visible]));
  if (filter.status) where.push(eq(deviationReports.status, filter.status));
  if (filter.initiativeId) {
    if (!UUID.test(filter.initiativeId)) return [];
    where.push(eq(deviationReports.initiativeId, filter.initiativeId));
  }
  return q
    .select({
      id: deviationReports.id,
      initiativeId: deviationReports.initiativeId,
      initiativeName: initiatives.name,
      status: deviationReports.status,
      types: deviationReports.types,
      request: deviationReports.request,
      registryNumber: deviationReports.registryNumber,
      arrivalDate: deviationReports.arrivalDate,
      decisionDate: deviationReports.decisionDate,
      decisionBody: deviationReports.decisionBody,
      createdAt: deviationReports.createdAt,
      updatedAt: deviationReports.updatedAt,
      version: deviationReports.version,
    })
    .from(deviationReports)
    .innerJoin(initiatives, eq(initiatives.id, deviationReports.initiativeId))
    .where(and(...where))
    .orderBy(desc(deviationReports.createdAt), asc(deviationReports.id));
}

/** Running and granted initiatives of the association: those reports can be written for. */
export async function listOpenInitiatives(q: Queryable, associationId: string) {
  return q
    .select({
      id: initiatives.id,
      name: initiatives.name,
      status: initiatives.status,
      startDate: initiatives.startDate,
      endDate: initiatives.endDate,
    })
    .from(initiatives)
    .where(
      and(
        eq(initiatives.associationId, associationId),
        inArray(initiatives.status, [...OPEN_INITIATIVE_STATUSES]),
      ),
    )
    .orderBy(asc(initiatives.name));
}

/** Every saved version of a report, newest first. */
export const listDeviationReportVersions = (q: Queryable, reportId: string) =>
  listReportVersions(q, "deviation", reportId);

// ---------------------------------------------------------------------------------------------
// Changing

/** Locks the report for a change; checks the version the change was based on. */
async function lockReport(tx: Tx, associationId: string, reportId: string, expected?: number) {
  if (!UUID.test(reportId)) throw new NotFoundError("Avvikelserapporten finns inte.");
  const [row] = await tx
    .select()
    .from(deviationReports)
    .where(
      and(eq(deviationReports.id, reportId), eq(deviationReports.associationId, associationId)),
    )
    .for("update");
  if (!row) throw new NotFoundError("Avvikelserapporten finns inte.");
  if (expected !== undefined && row.version !== expected) {
    const changes = await theirChanges(tx, row, expected);
    throw new ConflictError(
      `Någon annan har ändrat avvikelserapporten medan du arbetade (version ${row.version}, du utgick från version ${expected}). ` +
        `${changes.length ? `Det som ändrats: ${changes.map((c) => c.label.toLowerCase()).join(", ")}. ` : ""}` +
        "Dina ändringar är inte sparade. Hämta den senaste versionen och gör om dem.",
      changes,
    );
  }
  return row;
}

/** A stored field as the lines a person reads. */
function fieldLines(field: string, value: unknown): string[] {
  if (value === null || value === undefined || value === "") return [];
  if (field === "types")
    return (value as string[]).map((t) => DEVIATION_TYPE_LABELS[t as DeviationType] ?? t);
  if (field === "request") return [DEVIATION_REQUEST_LABELS[value as DeviationRequest] ?? ""];
  if (field === "status") return [DEVIATION_STATUS_LABELS[value as DeviationStatus] ?? ""];
  if (field === "requestedAmount") return [formatMoney(value as number)];
  return String(value).split("\n");
}

/** What changed between the version someone based their change on and the report now. */
async function theirChanges(tx: Tx, row: Row, expected: number): Promise<ConflictChange[]> {
  const before = await getReportVersion(tx, "deviation", row.id, expected);
  if (!before) return [];
  const snapshot = before.snapshot;
  const now = row as unknown as Record<string, unknown>;
  return Object.keys(DEVIATION_FIELD_LABELS)
    .filter((f) => JSON.stringify(snapshot[f] ?? null) !== JSON.stringify(now[f] ?? null))
    .map((f) => ({
      field: f,
      label: DEVIATION_FIELD_LABELS[f] ?? f,
      before: fieldLines(f, snapshot[f]),
      theirs: fieldLines(f, now[f]),
    }));
}

/** Writes a change: the row (version + 1), its version snapshot and its audit event. */
async function change(
  tx: Tx,
  actor: AuditActor,
  row: Row,
  changes: Partial<typeof deviationReports.$inferInsert>,
  event: string,
  note: string | null = null,
  details: Record<string, unknown> = {},
): Promise<Row> {
  const version = row.version + 1;
  const [updated] = await tx
    .update(deviationReports)
    .set({ ...changes, version, updatedAt: new Date() })
    .where(eq(deviationReports.id, row.id))
    .returning();
  if (!updated) throw new Error("update returned nothing");
  const registry = updated.registryNumber ? { registryNumber: updated.registryNumber } : {};
  const identity = { initiativeId: row.initiativeId, ...registry };
  await recordReportChange(
    tx,
    actor,
    "deviation",
    updated,
    event,
    { ...identity, ...details },
    note,
  );
  return updated;
}

/**
 * Starts a report for a running or granted initiative (the caller has checked report.write on
 * it). The draft may be incomplete; returns the new report's id.
 */
export async function createDeviationReport(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  input: DeviationInput,
): Promise<string> {
  const { problems, content } = readInput(input);
  const initiative = await initiativeFacts(q, associationId, initiativeId);
  if (!initiative) problems.initiativeId = "Välj en av förbundets insatser.";
  else if (!OPEN_INITIATIVE_STATUSES.includes(initiative.status))
    problems.initiativeId = notOpen(initiative);
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return q.transaction(async (tx) => {
    const [row] = await tx
      .insert(deviationReports)
      .values({ associationId, initiativeId, ...content, createdBy: actor.userId })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await recordReportChange(tx, actor, "deviation", row, "created", { initiativeId });
    return row.id;
  });
}

/** Saves a draft (a draft may be incomplete, never invalid). Returns the new version. */
export async function saveDeviationReport(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  expectedVersion: number,
  input: DeviationInput,
): Promise<number> {
  const { problems, content } = readInput(input);
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return q.transaction(async (tx) => {
    const row = await lockReport(tx, associationId, reportId, expectedVersion);
    if (row.status !== "utkast")
      throw new ValidationError({
        status:
          "Avvikelserapporten är inskickad och kan inte ändras. Skriv en kommentar eller en ny rapport.",
      });
    return (await change(tx, actor, row, content, "saved")).version;
  });
}

/**
 * Submits a draft: every part written and the request's fields right for the initiative as
 * it is now. The report gets today's arrival date and a diarienummer.
 */
export async function submitDeviationReport(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  expectedVersion: number,
  now = new Date(),
): Promise<{ version: number; registryNumber: string }> {
  return q.transaction(async (tx) => {
    const row = await lockReport(tx, associationId, reportId, expectedVersion);
    if (row.status !== "utkast")
      throw new ValidationError({ status: "Avvikelserapporten är redan inskickad." });
    const initiative = await initiativeFacts(tx, associationId, row.initiativeId);
    if (!initiative) throw new NotFoundError("Insatsen finns inte.");
    if (!OPEN_INITIATIVE_STATUSES.includes(initiative.status))
      throw new ValidationError({ status: notOpen(initiative) });
    const problems = completeness(row, initiative);
    if (Object.keys(problems).length) throw new ValidationError(problems);
    const today = todayInSweden(now);
    const registryNumber = await nextRegistryNumber(tx, associationId, Number(today.slice(0, 4)));
    const updated = await change(
      tx,
      actor,
      row,
      { status: "inskickad", submittedAt: now, arrivalDate: today, registryNumber },
      "submitted",
      `Diarienummer ${registryNumber}, inkom ${today}`,
    );
    return { version: updated.version, registryNumber };
  });
}

/**
 * What an approved request does to the initiative, written in the caller's transaction.
 * Returns a line for the decision's note. Moving funds changes no initiative field: the money
 * capability re-phases the budget from the approved report.
 */
async function applyApproval(
  tx: Tx,
  actor: AuditActor,
  row: Row,
  registryNumber: string,
): Promise<string | null> {
  if (row.request === "ingen") return null;
  if (row.request === "flytta_medel")
    return `Godkänt att flytta ${formatMoney(row.requestedAmount ?? 0)} till en senare period. Budgeten fördelas om i ekonomidelen.`;
  const { version, before, values } = await lockInitiativeForChange(
    tx,
    row.associationId,
    row.initiativeId,
  );
  if (!OPEN_INITIATIVE_STATUSES.includes(before.status))
    throw new ValidationError({ status: notOpen(before) });
  // the request is checked again against the initiative as it is now
  const problems = requestProblems(row, before);
  if (Object.keys(problems).length)
    throw new ValidationError({
      status: `Begäran stämmer inte längre med insatsen: ${Object.values(problems).join(" ")} Avslå rapporten, eller be om en ny.`,
    });
  let note: string;
  switch (row.request) {
    case "forlangning":
      values.endDate = row.requestedEndDate;
      note = `Insatsen förlängs till ${row.requestedEndDate} (var ${before.endDate ?? "utan slutdatum"}).`;
      break;
    case "avslut_i_fortid": {
      const end = row.requestedEndDate as string;
      values.status = "avslutad_i_fortid";
      // the end it was planned to have is kept for the record
      values.plannedEndDate = before.endDate;
      values.endDate = end;
      if (values.lastIntakeDate && values.lastIntakeDate > end) values.lastIntakeDate = end;
      note = `Insatsen avslutas i förtid ${end} (planerat slut ${values.plannedEndDate ?? "saknades"}).`;
      break;
    }
    case "andrad_malgrupp":
      values.targetGroup = row.requestedTargetGroup ?? "";
      note = "Insatsens målgrupp ändras.";
      break;
  }
  await writeInitiativeChange(
    tx,
    actor,
    row.associationId,
    row.initiativeId,
    version,
    values,
    changedFields(before, values),
    `avvikelserapport ${registryNumber}`,
  );
  return note;
}

/**
 * The office's or the board's decision on a submitted report. `bodies` are the bodies the
 * caller may decide as (the office as kansli or recording the board's decision; a board member
 * as the board). An approval applies the request to the initiative in the same transaction.
 */
export async function decideDeviationReport(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  expectedVersion: number,
  input: DecisionInput,
  options: { bodies?: readonly DecisionBody[]; now?: Date } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const bodies = options.bodies ?? DECISION_BODIES;
  const problems: Record<string, string> = {};
  const body = input.decisionBody.trim();
  if (!(DECISION_BODIES as readonly string[]).includes(body))
    problems.decisionBody = "Välj om kansliet eller styrelsen fattar beslutet.";
  else if (!bodies.includes(body as DecisionBody))
    problems.decisionBody =
      body === "kansli"
        ? "Bara förbundets kansli beslutar som kansli. Välj styrelsen."
        : "Du kan inte registrera styrelsens beslut.";
  const decision = input.decision.trim();
  if (decision !== "godkand" && decision !== "avslagen")
    problems.decision = "Välj om rapporten godkänns eller avslås.";
  const decisionDate = isoDate(input.decisionDate);
  if (decisionDate === null || decisionDate === "invalid")
    problems.decisionDate = "Skriv beslutsdatum som ÅÅÅÅ-MM-DD.";
  else if (decisionDate > todayInSweden(now))
    problems.decisionDate = "Beslutsdatum kan inte ligga i framtiden.";
  const motivation = (input.motivation ?? "").trim();
  if (decision === "avslagen" && !motivation)
    problems.motivation = "Skriv varför rapporten avslås.";
  else if (motivation.length > 5000)
    problems.motivation = "Motiveringen får ha högst 5 000 tecken.";
  const meeting = (input.meeting ?? "").trim();
  const paragraph = (input.paragraph ?? "").trim().replace(/^§\s*/, "");
  if (body === "styrelse" && !meeting)
    problems.meeting =
      "Ange styrelsemötet som fattade beslutet, till exempel Styrelsemöte 2027-03-12.";
  else if (meeting.length > 200) problems.meeting = "Mötet får beskrivas med högst 200 tecken.";
  if (body === "styrelse" && !paragraph)
    problems.paragraph = "Ange paragrafen i styrelsens protokoll, till exempel 12.";
  else if (paragraph.length > 20) problems.paragraph = "Paragrafen får ha högst 20 tecken.";
  if (Object.keys(problems).length) throw new ValidationError(problems);

  return q.transaction(async (tx) => {
    const row = await lockReport(tx, associationId, reportId, expectedVersion);
    if (row.status !== "inskickad")
      throw new ValidationError({
        status:
          row.status === "utkast"
            ? "Avvikelserapporten måste skickas in innan beslut fattas."
            : "Avvikelserapporten är redan beslutad.",
      });
    if (row.arrivalDate && (decisionDate as string) < row.arrivalDate)
      throw new ValidationError({
        decisionDate: `Beslutsdatum kan inte vara före dagen rapporten kom in, ${row.arrivalDate}.`,
      });
    const registryNumber = row.registryNumber ?? row.id;
    const effect =
      decision === "godkand" ? await applyApproval(tx, actor, row, registryNumber) : null;
    const where =
      body === "styrelse"
        ? `Styrelsen, ${meeting} § ${paragraph}`
        : `Kansliet${meeting ? `, ${meeting}` : ""}${paragraph ? ` § ${paragraph}` : ""}`;
    const note = [
      `${decision === "godkand" ? "Godkänd" : "Avslagen"} ${decisionDate}: ${where}.`,
      effect,
    ]
      .filter(Boolean)
      .join(" ");
    const updated = await change(
      tx,
      actor,
      row,
      {
        status: decision as "godkand" | "avslagen",
        decidedBy: actor.userId,
        decisionBody: body as DecisionBody,
        decisionDate: decisionDate as string,
        decisionMeeting: meeting || null,
        decisionParagraph: paragraph || null,
        decisionMotivation: motivation || null,
      },
      "decided",
      note,
      {
        decision,
        decisionBody: body,
        request: row.request,
        ...(decision === "godkand" && row.request === "flytta_medel"
          ? { budgetRephasing: { amount: row.requestedAmount, by: "ekonomi" } }
          : {}),
      },
    );
    return updated.version;
  });
}

/** A comment on a submitted or decided report. Returns the comment's id. */
export async function commentOnDeviationReport(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  reportId: string,
  text: string,
): Promise<string> {
  const body = commentText(text);
  return q.transaction(async (tx) => {
    const row = await lockReport(tx, associationId, reportId);
    if (row.status === "utkast")
      throw new ValidationError({
        status: "Kommentarer skrivs när rapporten är inskickad. Ändra utkastet i stället.",
      });
    const id = await insertReportComment(tx, actor, "deviation", row.id, body);
    await recordAuditEvent(tx, actor, {
      action: "deviation_report.commented",
      associationId,
      targetType: "deviation_report",
      targetId: row.id,
      details: { initiativeId: row.initiativeId },
    });
    return id;
  });
}
