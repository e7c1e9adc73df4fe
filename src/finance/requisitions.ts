// Rekvisitioner (domain/finance.md): the initiative's owner claims the actual costs of one
// reporting period, per cost category and source (association funds, or a party's own financing
// or co-financing), with the ledger extract as an attachment. utkast → inskickad → the office
// approves it (godkänd: its association-fund lines are the period's outcome, outcome.ts) or returns
// it with a reason (återskickad → corrected → inskickad …); an approved requisition is paid.
//
// Every step is one transaction: the change, a row in requisition_events (append-only, with the
// lines and totals as they were), the audit event and the mails (to the office when submitted,
// to the initiative's leads when returned or approved), against the version the person read.
// The callers decide who may: requisition.write on the initiative writes and submits,
// finance.manage returns, approves and records the payment.
import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { PERMISSIONS } from "../access/policy.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { associations } from "../associations/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { type InitiativeStatus, initiatives } from "../initiatives/schema.ts";
import { isoDate } from "../initiatives/validate-initiative.ts";
import type { Mailer } from "../mail/send-mail.ts";
import { roleAssignments, users } from "../people/schema.ts";
import type { Queryable, Tx } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { formatDate, formatMoney, formatNumber } from "../platform/i18n/format.ts";
import { isUuid } from "../platform/uuid.ts";
import { initiativeLeads } from "../reports/periodic-reports.ts";
import { periodName } from "../reports/reminders.ts";
import { actorName } from "../reports/report-versions.ts";
import {
  cleanFileName,
  DOCUMENT_KINDS,
  documentKindOf,
  initiativeParties,
  MAX_ATTACHMENT_BYTES,
} from "../reports/steering-groups.ts";
import {
  lineKey,
  lineTotals,
  type MoneyLine,
  type MoneyLineInput,
  parseMoneyLines,
} from "./lines.ts";
import { initiativeDates, initiativePeriods } from "./periods.ts";
import {
  initiativeBudgetLines,
  initiativeBudgets,
  REQUISITION_STATUSES,
  type RequisitionStatus,
  requisitionAttachments,
  requisitionEvents,
  requisitionLines,
  requisitions,
} from "./schema.ts";

export { REQUISITION_STATUSES, type RequisitionStatus };

export const REQUISITION_STATUS_LABELS: Record<RequisitionStatus, string> = {
  utkast: "Utkast",
  inskickad: "Inskickad",
  aterskickad: "Återskickad för komplettering",
  godkand: "Godkänd",
};

export const PAYMENT_STATUSES = ["ej_betald", "betald"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Initiatives money can be claimed for: granted, running or ended (the last period's costs). */
export const REQUISITION_INITIATIVE_STATUSES: readonly InitiativeStatus[] = [
  "beviljad",
  "pagaende",
  "avslutad",
  "avslutad_i_fortid",
];

/** What the office and the owner can still change: a draft, or one returned for completion. */
const OPEN: readonly RequisitionStatus[] = ["utkast", "aterskickad"];

const NOTE_LIMIT = 5_000;
const REASON_LIMIT = 5_000;
const DATE_HINT = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-30.";

/** What sending mail needs: the mailer, and the instance's address for the link in the mail. */
export interface RequisitionDeps {
  mailer: Mailer;
  baseUrl: string;
}

/** "Tierp, Växtverket, kvartal 3 2026": the requisition as a person names it. */
const nameOf = (r: { initiativeName: string; periodKey: string }) =>
  `${r.initiativeName}, ${periodName(r.periodKey)}`;

// ---------------------------------------------------------------------------------------------
// Reading

/** The association-fund and co-financing lines of the current budget for one period. */
export async function periodBudget(
  q: Queryable,
  initiativeId: string,
  periodKey: string,
): Promise<{ budgetVersion: number | null; lines: MoneyLine[] }> {
  const [budget] = await q
    .select({ id: initiativeBudgets.id, version: initiativeBudgets.budgetVersion })
    .from(initiativeBudgets)
    .where(
      and(
        eq(initiativeBudgets.initiativeId, initiativeId),
        eq(initiativeBudgets.status, "gallande"),
      ),
    );
  if (!budget) return { budgetVersion: null, lines: [] };
  const lines = await q
    .select({
      category: initiativeBudgetLines.category,
      source: initiativeBudgetLines.source,
      organisationId: initiativeBudgetLines.organisationId,
      coKind: initiativeBudgetLines.coKind,
      amount: initiativeBudgetLines.amount,
    })
    .from(initiativeBudgetLines)
    .where(
      and(
        eq(initiativeBudgetLines.budgetId, budget.id),
        eq(initiativeBudgetLines.periodKey, periodKey),
      ),
    );
  return { budgetVersion: budget.version, lines };
}

async function linesOf(q: Queryable, requisitionId: string): Promise<MoneyLine[]> {
  return q
    .select({
      category: requisitionLines.category,
      source: requisitionLines.source,
      organisationId: requisitionLines.organisationId,
      coKind: requisitionLines.coKind,
      amount: requisitionLines.amount,
    })
    .from(requisitionLines)
    .where(eq(requisitionLines.requisitionId, requisitionId));
}

/** The requisition with its initiative's name, if it is the association's. */
async function requisitionRow(q: Queryable, associationId: string, id: string, lock = false) {
  if (!isUuid(id)) return undefined;
  const query = q
    .select({
      requisition: requisitions,
      initiativeName: initiatives.name,
      initiativeStatus: initiatives.status,
    })
    .from(requisitions)
    .innerJoin(initiatives, eq(initiatives.id, requisitions.initiativeId))
    .where(and(eq(requisitions.id, id), eq(requisitions.associationId, associationId)));
  const [row] = lock ? await query.for("update", { of: requisitions }) : await query;
  return row
    ? {
        ...row.requisition,
        initiativeName: row.initiativeName,
        initiativeStatus: row.initiativeStatus,
      }
    : undefined;
}

type Row = NonNullable<Awaited<ReturnType<typeof requisitionRow>>>;

/** One requisition with its lines, the period's budget, attachments and history. */
export async function getRequisition(q: Queryable, associationId: string, id: string) {
  const r = await requisitionRow(q, associationId, id);
  if (!r) return undefined;
  const parties = await initiativeParties(q, r.initiativeId);
  const partyName = (id: string | null) => parties.find((p) => p.id === id)?.name ?? "";
  const lines = sortLines(await linesOf(q, r.id), parties);
  const budget = await periodBudget(q, r.initiativeId, r.periodKey);
  const attachments = await q
    .select({
      id: requisitionAttachments.id,
      fileName: requisitionAttachments.fileName,
      mediaType: requisitionAttachments.mediaType,
      sizeBytes: requisitionAttachments.sizeBytes,
      sha256: requisitionAttachments.sha256,
      uploadedAt: requisitionAttachments.uploadedAt,
      uploadedByName: users.name,
    })
    .from(requisitionAttachments)
    .leftJoin(users, eq(users.id, requisitionAttachments.uploadedBy))
    .where(eq(requisitionAttachments.requisitionId, r.id))
    .orderBy(asc(requisitionAttachments.uploadedAt), asc(requisitionAttachments.id));
  const events = await q
    .select()
    .from(requisitionEvents)
    .where(eq(requisitionEvents.requisitionId, r.id))
    .orderBy(desc(requisitionEvents.createdAt), desc(requisitionEvents.id));
  const [approver] = r.approvedBy
    ? await q.select({ name: users.name }).from(users).where(eq(users.id, r.approvedBy))
    : [];
  return {
    id: r.id,
    associationId: r.associationId,
    initiativeId: r.initiativeId,
    initiativeName: r.initiativeName,
    initiativeStatus: r.initiativeStatus,
    periodKey: r.periodKey,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    status: r.status,
    note: r.note,
    submittedAt: r.submittedAt,
    returnReason: r.returnReason,
    approvedAt: r.approvedAt,
    approvedByName: approver?.name ?? null,
    paymentStatus: r.paymentStatus,
    paidOn: r.paidOn,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    parties,
    lines: lines.map((l) => ({
      ...l,
      partyName: l.organisationId ? partyName(l.organisationId) : null,
    })),
    totals: lineTotals(lines),
    budget: {
      budgetVersion: budget.budgetVersion,
      lines: sortLines(budget.lines, parties).map((l) => ({
        ...l,
        partyName: l.organisationId ? partyName(l.organisationId) : null,
      })),
      totals: lineTotals(budget.lines),
    },
    attachments: attachments.map((a) => ({ ...a, uploadedByName: a.uploadedByName ?? null })),
    events: events.map((e) => {
      const s = e.snapshot as { totals?: { total?: number; association?: number } };
      return {
        id: e.id,
        event: e.event,
        note: e.note,
        actorName: e.actorName,
        createdAt: e.createdAt,
        total: s.totals?.total ?? null,
        association: s.totals?.association ?? null,
      };
    }),
  };
}

export type RequisitionDetails = NonNullable<Awaited<ReturnType<typeof getRequisition>>>;

/** Lines in the order of the form: categories in order, association funds first, then parties. */
function sortLines<L extends MoneyLine>(lines: L[], parties: Array<{ id: string }>): L[] {
  const CATEGORY_ORDER = ["personal", "lokaler", "resor", "material", "utvardering", "ovrigt"];
  const KIND_ORDER = ["pengar", "personaltid", "deltagarersattning"];
  const party = (id: string | null) => {
    if (!id) return -1;
    const i = parties.findIndex((p) => p.id === id);
    return i < 0 ? parties.length : i;
  };
  return [...lines].sort(
    (a, b) =>
      (a.source === b.source ? 0 : a.source === "forbund" ? -1 : 1) ||
      party(a.organisationId) - party(b.organisationId) ||
      KIND_ORDER.indexOf(a.coKind ?? "") - KIND_ORDER.indexOf(b.coKind ?? "") ||
      CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category),
  );
}

export interface RequisitionFilter {
  /** The initiatives whose requisitions the person may see: all, or these. */
  visible: "all" | readonly string[];
  status?: RequisitionStatus | undefined;
  /** The year of the period. */
  year?: number | undefined;
  initiativeId?: string | undefined;
}

/** The association's requisitions the person may see, the latest periods first. */
export async function listRequisitions(
  q: Queryable,
  associationId: string,
  filter: RequisitionFilter,
) {
  if (filter.visible !== "all" && filter.visible.length === 0) return [];
  const where: SQL[] = [eq(requisitions.associationId, associationId)];
  if (filter.visible !== "all") where.push(inArray(requisitions.initiativeId, [...filter.visible]));
  if (filter.status) where.push(eq(requisitions.status, filter.status));
  if (filter.initiativeId) {
    if (!isUuid(filter.initiativeId)) return [];
    where.push(eq(requisitions.initiativeId, filter.initiativeId));
  }
  const rows = await q
    .select({
      id: requisitions.id,
      initiativeId: requisitions.initiativeId,
      initiativeName: initiatives.name,
      periodKey: requisitions.periodKey,
      periodStart: requisitions.periodStart,
      periodEnd: requisitions.periodEnd,
      status: requisitions.status,
      paymentStatus: requisitions.paymentStatus,
      paidOn: requisitions.paidOn,
      submittedAt: requisitions.submittedAt,
      approvedAt: requisitions.approvedAt,
      createdAt: requisitions.createdAt,
      updatedAt: requisitions.updatedAt,
      version: requisitions.version,
    })
    .from(requisitions)
    .innerJoin(initiatives, eq(initiatives.id, requisitions.initiativeId))
    .where(and(...where))
    .orderBy(desc(requisitions.periodStart), asc(initiatives.name));
  const selected =
    filter.year === undefined
      ? rows
      : rows.filter((r) => Number(r.periodKey.slice(0, 4)) === filter.year);
  const ids = selected.map((r) => r.id);
  const lines = ids.length
    ? await q
        .select({
          requisitionId: requisitionLines.requisitionId,
          category: requisitionLines.category,
          source: requisitionLines.source,
          amount: requisitionLines.amount,
        })
        .from(requisitionLines)
        .where(inArray(requisitionLines.requisitionId, ids))
    : [];
  const files = ids.length
    ? await q
        .select({ requisitionId: requisitionAttachments.requisitionId, n: count() })
        .from(requisitionAttachments)
        .where(inArray(requisitionAttachments.requisitionId, ids))
        .groupBy(requisitionAttachments.requisitionId)
    : [];
  return selected.map((r) => {
    const totals = lineTotals(lines.filter((l) => l.requisitionId === r.id));
    return {
      ...r,
      year: Number(r.periodKey.slice(0, 4)),
      total: totals.total,
      association: totals.association,
      coFinancing: totals.coFinancing,
      attachments: files.find((f) => f.requisitionId === r.id)?.n ?? 0,
    };
  });
}

export type RequisitionSummary = Awaited<ReturnType<typeof listRequisitions>>[number];

/** Initiatives of the association a requisition can be written for, by name. */
export async function requisitionInitiatives(q: Queryable, associationId: string) {
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
        inArray(initiatives.status, [...REQUISITION_INITIATIVE_STATUSES]),
      ),
    )
    .orderBy(asc(initiatives.name));
}

/**
 * The initiative's reporting periods and where each stands for a requisition: begun by `today`
 * or not, and the requisition written for it, if any. For the page that starts one.
 */
export async function requisitionPeriods(
  q: Queryable,
  associationId: string,
  initiativeId: string,
  now = new Date(),
) {
  if (!isUuid(initiativeId)) throw new NotFoundError("Insatsen finns inte i förbundet.");
  const initiative = await initiativeDates(q, associationId, initiativeId);
  const today = todayInSweden(now);
  const existing = await q
    .select({ id: requisitions.id, periodKey: requisitions.periodKey, status: requisitions.status })
    .from(requisitions)
    .where(eq(requisitions.initiativeId, initiativeId));
  const periods = (await initiativePeriods(q, initiative)).map((p) => {
    const found = existing.find((e) => e.periodKey === p.key);
    return {
      key: p.key,
      label: p.label,
      start: p.start,
      end: p.end,
      begun: p.start <= today,
      requisition: found ? { id: found.id, status: found.status } : null,
    };
  });
  return { initiative, periods };
}

/** An attachment with its contents, if it belongs to the requisition of the association. */
export async function getRequisitionAttachment(
  q: Queryable,
  associationId: string,
  requisitionId: string,
  attachmentId: string,
) {
  if (!isUuid(requisitionId) || !isUuid(attachmentId)) return undefined;
  const [row] = await q
    .select({ attachment: requisitionAttachments })
    .from(requisitionAttachments)
    .innerJoin(requisitions, eq(requisitions.id, requisitionAttachments.requisitionId))
    .where(
      and(
        eq(requisitionAttachments.id, attachmentId),
        eq(requisitionAttachments.requisitionId, requisitionId),
        eq(requisitions.associationId, associationId),
      ),
    );
  return row?.attachment;
}

// ---------------------------------------------------------------------------------------------
// Writing: the common steps

/** The requisition, locked, at the version the person read; else NotFoundError/ConflictError. */
async function lockAt(
  tx: Tx,
  associationId: string,
  id: string,
  expectedVersion: number | undefined,
): Promise<Row> {
  const row = await requisitionRow(tx, associationId, id, true);
  if (!row) throw new NotFoundError("Rekvisitionen finns inte.");
  if (expectedVersion !== undefined && row.version !== expectedVersion)
    throw new ConflictError(
      `Någon annan har ändrat rekvisitionen för ${nameOf(row)} medan du arbetade (version ${row.version}, du utgick från version ${expectedVersion}). Din ändring är inte sparad. Ladda om sidan, se vad som ändrats och gör om den.`,
    );
  return row;
}

const STATUS_WORDS: Record<RequisitionStatus, string> = {
  utkast: "ett utkast",
  inskickad: "inskickad",
  aterskickad: "återskickad för komplettering",
  godkand: "godkänd",
};

/** Refuses a step that does not belong to the requisition's status, saying why. */
function requireStatus(row: Row, allowed: readonly RequisitionStatus[], step: string): void {
  if (allowed.includes(row.status)) return;
  const why =
    row.status === "godkand"
      ? "Den är godkänd, och en godkänd rekvisition ändras inte."
      : row.status === "inskickad"
        ? "Den är inskickad och granskas av kansliet. Behöver något rättas skickar kansliet tillbaka den."
        : `Den är ${STATUS_WORDS[row.status]}.`;
  throw new ValidationError({
    status: `Rekvisitionen för ${nameOf(row)} kan inte ${step} nu. ${why}`,
  });
}

/** The lines and totals as the history keeps them. */
function snapshotOf(
  row: Pick<Row, "status" | "note" | "paymentStatus" | "paidOn" | "version" | "returnReason">,
  lines: MoneyLine[],
  attachments: number,
): Record<string, unknown> {
  const totals = lineTotals(lines);
  return {
    status: row.status,
    version: row.version,
    note: row.note,
    returnReason: row.returnReason,
    paymentStatus: row.paymentStatus,
    paidOn: row.paidOn,
    attachments,
    lines: lines.map((l) => ({
      category: l.category,
      source: l.source,
      organisationId: l.organisationId,
      coKind: l.coKind,
      amount: l.amount,
    })),
    totals: {
      total: totals.total,
      association: totals.association,
      coFinancing: totals.coFinancing,
    },
  };
}

async function attachmentCount(q: Queryable, requisitionId: string): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(requisitionAttachments)
    .where(eq(requisitionAttachments.requisitionId, requisitionId));
  return row?.n ?? 0;
}

/** Appends the event with the requisition as it is now (after the change). */
async function writeEvent(
  tx: Tx,
  actor: AuditActor,
  row: Row,
  event: string,
  note: string | null,
  at: Date,
): Promise<void> {
  const lines = await linesOf(tx, row.id);
  await tx.insert(requisitionEvents).values({
    requisitionId: row.id,
    event,
    note,
    snapshot: snapshotOf(row, lines, await attachmentCount(tx, row.id)),
    actorUserId: actor.userId,
    actorName: await actorName(tx, actor),
    // the moment of the step (given by the caller; the clock by default), not the transaction's start
    createdAt: at,
  });
}

/** Writes the change of the requisition's row with the next version; answers the row as it is. */
async function update(
  tx: Tx,
  row: Row,
  values: Partial<typeof requisitions.$inferInsert>,
  updatedAt: Date,
): Promise<Row> {
  const version = row.version + 1;
  await tx
    .update(requisitions)
    .set({ ...values, version, updatedAt })
    .where(eq(requisitions.id, row.id));
  return { ...row, ...values, version, updatedAt } as Row;
}

// ---------------------------------------------------------------------------------------------
// Mail

/** Those who handle requisitions in the association (finance.manage), with active accounts. */
async function financeOffice(q: Queryable, associationId: string) {
  return q
    .selectDistinct({ userId: users.id, email: users.email, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.associationId, associationId),
        inArray(roleAssignments.role, [...PERMISSIONS["finance.manage"]]),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.email));
}

async function associationOf(q: Queryable, associationId: string) {
  const [a] = await q
    .select({ slug: associations.slug, name: associations.name })
    .from(associations)
    .where(eq(associations.id, associationId));
  if (!a) throw new NotFoundError("Förbundet finns inte.");
  return a;
}

const linkTo = (deps: RequisitionDeps, slug: string, id: string) =>
  `${deps.baseUrl.replace(/\/+$/, "")}/${slug}/rekvisitioner/${id}`;

/** Records the mails in the transaction; answers the addresses they went to. */
async function sendAll(
  tx: Tx,
  deps: RequisitionDeps,
  associationId: string,
  to: Array<{ email: string }>,
  subject: string,
  text: string,
): Promise<string[]> {
  const addresses = [...new Set(to.map((r) => r.email).filter(Boolean))];
  for (const address of addresses)
    await deps.mailer.send(tx, { to: address, subject, text, associationId });
  return addresses;
}

// ---------------------------------------------------------------------------------------------
// Writing: the steps

/**
 * Another requisition of the same initiative and period exists: refused at the period, with the
 * id of the one that exists so that the pages can link to it.
 */
export class RequisitionExistsError extends ValidationError {
  readonly existingId: string;
  constructor(message: string, existingId: string) {
    super({ periodKey: message });
    this.existingId = existingId;
  }
}

/**
 * Starts the requisition of one of the initiative's reporting periods that has begun. A period
 * outside the initiative's dates, one that has not begun, or one that already has its
 * requisition is refused at `periodKey`.
 */
export async function createRequisition(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  periodKey: string,
  now = new Date(),
): Promise<string> {
  if (!isUuid(initiativeId)) throw new NotFoundError("Insatsen finns inte i förbundet.");
  const initiative = await initiativeDates(q, associationId, initiativeId);
  const key = periodKey
    .trim()
    .toUpperCase()
    .replace(/^(\d{4})-?([KT])(\d)$/, "$1-$2$3");
  if (!REQUISITION_INITIATIVE_STATUSES.includes(initiative.status as InitiativeStatus))
    throw new ValidationError({
      initiativeId: `${initiative.name} är inte beviljad, så det finns inga medel att rekvirera. Rekvisitioner skrivs för beviljade, pågående och avslutade insatser.`,
    });
  const periods = await initiativePeriods(q, initiative);
  if (!periods.length)
    throw new ValidationError({
      periodKey: `${initiative.name} har inget start- och slutdatum, så den har inga perioder att rekvirera för. Fyll i datumen på insatsens sida först.`,
    });
  const period = periods.find((p) => p.key === key);
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!period) {
    const range = `${formatDate(initiative.startDate ?? "")}–${formatDate(initiative.endDate ?? "")}`;
    throw new ValidationError({
      periodKey: /^\d{4}-[KT]\d$/.test(key)
        ? `Perioden ${key} ligger utanför ${initiative.name}, som pågår ${range}. Välj en av insatsens perioder, från ${first?.key} till ${last?.key}.`
        : `Ange perioden som till exempel ${first?.key}: ${initiative.name} pågår ${range}, från period ${first?.key} till ${last?.key}.`,
    });
  }
  const today = todayInSweden(now);
  if (period.start > today)
    throw new ValidationError({
      periodKey: `${period.label} har inte börjat än (den börjar ${formatDate(period.start)}). Kostnaderna för en period rekvireras när perioden har börjat.`,
    });
  return q.transaction(async (tx) => {
    // the initiative row is locked so two people starting the same period wait for each other
    await tx
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(eq(initiatives.id, initiativeId))
      .for("update");
    const [existing] = await tx
      .select({ id: requisitions.id, status: requisitions.status })
      .from(requisitions)
      .where(and(eq(requisitions.initiativeId, initiativeId), eq(requisitions.periodKey, key)));
    if (existing)
      throw new RequisitionExistsError(
        `Det finns redan en rekvisition för ${initiative.name}, ${periodName(key)} (${REQUISITION_STATUS_LABELS[existing.status].toLowerCase()}). En period har en rekvisition: öppna den och fortsätt där.`,
        existing.id,
      );
    const [created] = await tx
      .insert(requisitions)
      .values({
        associationId,
        initiativeId,
        periodKey: key,
        periodStart: period.start,
        periodEnd: period.end,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!created) throw new Error("insert returned nothing");
    const row: Row = {
      ...created,
      initiativeName: initiative.name,
      initiativeStatus: initiative.status as InitiativeStatus,
    };
    await writeEvent(tx, actor, row, "skapad", null, now);
    await recordAuditEvent(tx, actor, {
      action: "requisition.created",
      associationId,
      targetType: "requisition",
      targetId: row.id,
      details: { initiativeId, periodKey: key },
    });
    return row.id;
  });
}

export interface RequisitionInput {
  lines: readonly MoneyLineInput[];
  note?: string | null | undefined;
}

/**
 * Replaces the lines and the note of a draft or a returned requisition. Amounts are whole kronor,
 * zero or more; an empty amount is no line. Co-financing names one of the initiative's parties.
 */
export async function saveRequisition(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  id: string,
  expectedVersion: number,
  input: RequisitionInput,
  options: {
    /** Names a line's problem as the caller's form does; `lines.<index>.<part>` by default. */
    field?: (index: number, part: string) => string;
    now?: Date;
  } = {},
): Promise<number> {
  const field = options.field ?? ((i: number, part: string) => `lines.${i}.${part}`);
  const now = options.now ?? new Date();
  const found = await requisitionRow(q, associationId, id);
  if (!found) throw new NotFoundError("Rekvisitionen finns inte.");
  const parties = await initiativeParties(q, found.initiativeId);
  const parsed = parseMoneyLines(input.lines, new Set(parties.map((p) => p.id)), field);
  const problems = { ...parsed.problems };
  const note = (input.note ?? "").trim();
  if (note.length > NOTE_LIMIT)
    problems.note = `Kommentaren får ha högst ${formatNumber(NOTE_LIMIT)} tecken; den har ${formatNumber(note.length)}.`;
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return q.transaction(async (tx) => {
    const before = await lockAt(tx, associationId, id, expectedVersion);
    requireStatus(before, OPEN, "ändras");
    const previous = await linesOf(tx, id);
    await tx.delete(requisitionLines).where(eq(requisitionLines.requisitionId, id));
    if (parsed.lines.length)
      await tx
        .insert(requisitionLines)
        .values(parsed.lines.map((l) => ({ requisitionId: id, ...l })));
    const row = await update(tx, before, { note }, now);
    await writeEvent(tx, actor, row, "sparad", null, now);
    const was = new Map(previous.map((l) => [lineKey(l), l.amount]));
    const is = new Map(parsed.lines.map((l) => [lineKey(l), l.amount]));
    const changed = [...new Set([...was.keys(), ...is.keys()])].filter(
      (k) => was.get(k) !== is.get(k),
    );
    await recordAuditEvent(tx, actor, {
      action: "requisition.saved",
      associationId,
      targetType: "requisition",
      targetId: id,
      details: {
        initiativeId: row.initiativeId,
        periodKey: row.periodKey,
        version: row.version,
        total: lineTotals(parsed.lines).total,
        association: lineTotals(parsed.lines).association,
        changedLines: changed,
        noteChanged: note !== before.note,
      },
    });
    return row.version;
  });
}

/** Megabytes as a person reads them, rounded up to one decimal: "12,4". */
const megabytes = (bytes: number) => formatNumber(Math.ceil((bytes / (1024 * 1024)) * 10) / 10);

/**
 * Checks the requisition's evidence by its contents with the steering group's document reader
 * (PDF, Word, Excel, OpenDocument …), at most 10 MB; answers the media type and the name to store.
 */
export function checkRequisitionFile(fileName: string, data: Uint8Array) {
  const name = cleanFileName(fileName);
  if (data.byteLength === 0)
    throw new ValidationError({ file: `${name} är tom. Välj filen med underlaget igen.` });
  if (data.byteLength > MAX_ATTACHMENT_BYTES)
    throw new ValidationError({
      file: `${name} är ${megabytes(data.byteLength)} MB. Största tillåtna storlek är ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB; dela upp underlaget i flera filer.`,
    });
  const kind = documentKindOf(data);
  if (!kind)
    throw new ValidationError({
      file: `${name} är inte ett dokument som går att ta emot. Ladda upp underlaget, till exempel ett utdrag ur huvudboken, som PDF, Excel (xlsx) eller Word (docx).`,
    });
  const { mediaType, extensions } = DOCUMENT_KINDS[kind];
  const fitting = (extensions as readonly string[]).some((e) => name.toLowerCase().endsWith(e));
  return { mediaType, fileName: fitting ? name : cleanFileName(`${name}${extensions[0]}`) };
}

/** Adds a file of evidence to a draft or a returned requisition. */
export async function addRequisitionAttachment(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  id: string,
  file: { fileName: string; data: Uint8Array },
  now = new Date(),
): Promise<string> {
  const checked = checkRequisitionFile(file.fileName, file.data);
  const data = Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
  const sha256 = createHash("sha256").update(data).digest("hex");
  return q.transaction(async (tx) => {
    const before = await lockAt(tx, associationId, id, undefined);
    requireStatus(before, OPEN, "få nya bilagor");
    const [stored] = await tx
      .insert(requisitionAttachments)
      .values({
        requisitionId: id,
        fileName: checked.fileName,
        mediaType: checked.mediaType,
        sizeBytes: data.byteLength,
        sha256,
        data,
        uploadedBy: actor.userId,
        uploadedAt: now,
      })
      .returning({ id: requisitionAttachments.id });
    if (!stored) throw new Error("insert returned nothing");
    // the version moves: whoever read the requisition before the file came sees it before acting
    const row = await update(tx, before, {}, now);
    await writeEvent(tx, actor, row, "bilaga_tillagd", checked.fileName, now);
    await recordAuditEvent(tx, actor, {
      action: "requisition.attachment_added",
      associationId,
      targetType: "requisition_attachment",
      targetId: stored.id,
      details: {
        requisitionId: id,
        initiativeId: row.initiativeId,
        periodKey: row.periodKey,
        fileName: checked.fileName,
        mediaType: checked.mediaType,
        sizeBytes: data.byteLength,
        sha256,
      },
    });
    return stored.id;
  });
}

/** Removes a file from a draft or a returned requisition; the history keeps its name. */
export async function removeRequisitionAttachment(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  id: string,
  attachmentId: string,
  now = new Date(),
): Promise<void> {
  const found = await getRequisitionAttachment(q, associationId, id, attachmentId);
  if (!found) throw new NotFoundError("Bilagan finns inte.");
  await q.transaction(async (tx) => {
    const before = await lockAt(tx, associationId, id, undefined);
    requireStatus(before, OPEN, "få bilagor borttagna");
    await tx.delete(requisitionAttachments).where(eq(requisitionAttachments.id, attachmentId));
    const row = await update(tx, before, {}, now);
    await writeEvent(tx, actor, row, "bilaga_borttagen", found.fileName, now);
    await recordAuditEvent(tx, actor, {
      action: "requisition.attachment_removed",
      associationId,
      targetType: "requisition_attachment",
      targetId: attachmentId,
      details: {
        requisitionId: id,
        initiativeId: row.initiativeId,
        periodKey: row.periodKey,
        fileName: found.fileName,
        sizeBytes: found.sizeBytes,
        sha256: found.sha256,
      },
    });
  });
}

/**
 * Sends a draft or a returned requisition to the office. It needs at least one line; an
 * attachment is not required (the office may return it for one). The office is mailed.
 */
export async function submitRequisition(
  q: Queryable,
  deps: RequisitionDeps,
  actor: AuditActor,
  associationId: string,
  id: string,
  expectedVersion: number,
  now = new Date(),
): Promise<{ mailedTo: string[] }> {
  return q.transaction(async (tx) => {
    const before = await lockAt(tx, associationId, id, expectedVersion);
    requireStatus(before, OPEN, "skickas in");
    const lines = await linesOf(tx, id);
    if (!lines.length)
      throw new ValidationError({
        lines: `Rekvisitionen för ${nameOf(before)} har inga belopp. Fyll i kostnaderna för perioden innan du skickar in den.`,
      });
    const resubmitted = before.status === "aterskickad";
    const row = await update(
      tx,
      before,
      {
        status: "inskickad",
        submittedAt: now,
        returnReason: null,
      },
      now,
    );
    const files = await attachmentCount(tx, id);
    await writeEvent(
      tx,
      actor,
      row,
      "inskickad",
      resubmitted ? "Inskickad igen efter komplettering." : null,
      now,
    );
    const association = await associationOf(tx, associationId);
    const totals = lineTotals(lines);
    const who = await actorName(tx, actor);
    const office = (await financeOffice(tx, associationId)).filter(
      (o) => o.userId !== actor.userId,
    );
    const mailedTo = await sendAll(
      tx,
      deps,
      associationId,
      office,
      `Rekvisition att granska: ${nameOf(row)}`,
      [
        `${who} har skickat in ${resubmitted ? "den kompletterade " : ""}rekvisitionen för ${nameOf(row)} till ${association.name}.`,
        "",
        `Förbundsmedel som rekvireras: ${formatMoney(totals.association)}`,
        `Medfinansiering som redovisas: ${formatMoney(totals.coFinancing)}`,
        files
          ? `Underlag: ${files === 1 ? "1 bilaga" : `${files} bilagor`}.`
          : "Underlag: ingen bilaga är uppladdad.",
        "",
        `Granska och godkänn eller skicka tillbaka rekvisitionen: ${linkTo(deps, association.slug, id)}`,
      ].join("\n"),
    );
    await recordAuditEvent(tx, actor, {
      action: "requisition.submitted",
      associationId,
      targetType: "requisition",
      targetId: id,
      details: {
        initiativeId: row.initiativeId,
        periodKey: row.periodKey,
        version: row.version,
        total: totals.total,
        association: totals.association,
        attachments: files,
        mailedTo,
      },
    });
    return { mailedTo };
  });
}

/** The office returns a submitted requisition for completion, saying why; the leads are mailed. */
export async function returnRequisition(
  q: Queryable,
  deps: RequisitionDeps,
  actor: AuditActor,
  associationId: string,
  id: string,
  expectedVersion: number,
  reason: string,
  now = new Date(),
): Promise<{ mailedTo: string[] }> {
  const text = (reason ?? "").trim();
  if (!text)
    throw new ValidationError({
      reason:
        "Skriv varför rekvisitionen skickas tillbaka och vad som ska kompletteras, till exempel att underlaget saknas.",
    });
  if (text.length > REASON_LIMIT)
    throw new ValidationError({
      reason: `Skälet får ha högst ${formatNumber(REASON_LIMIT)} tecken; det har ${formatNumber(text.length)}.`,
    });
  return q.transaction(async (tx) => {
    const before = await lockAt(tx, associationId, id, expectedVersion);
    requireStatus(before, ["inskickad"], "skickas tillbaka");
    const row = await update(tx, before, { status: "aterskickad", returnReason: text }, now);
    await writeEvent(tx, actor, row, "aterskickad", text, now);
    const association = await associationOf(tx, associationId);
    const mailedTo = await sendAll(
      tx,
      deps,
      associationId,
      await initiativeLeads(tx, row.initiativeId),
      `Rekvisitionen för ${nameOf(row)} behöver kompletteras`,
      [
        `${association.name} har skickat tillbaka rekvisitionen för ${nameOf(row)} för komplettering.`,
        "",
        "Skäl:",
        text,
        "",
        `Rätta rekvisitionen och skicka in den igen: ${linkTo(deps, association.slug, id)}`,
      ].join("\n"),
    );
    await recordAuditEvent(tx, actor, {
      action: "requisition.returned",
      associationId,
      targetType: "requisition",
      targetId: id,
      details: {
        initiativeId: row.initiativeId,
        periodKey: row.periodKey,
        version: row.version,
        reason: text,
        mailedTo,
      },
    });
    return { mailedTo };
  });
}

/**
 * The office approves a submitted requisition: its association-fund lines become the period's
 * outcome (outcome.ts reads approved requisitions). The leads are mailed.
 */
export async function approveRequisition(
  q: Queryable,
  deps: RequisitionDeps,
  actor: AuditActor,
  associationId: string,
  id: string,
  expectedVersion: number,
  now = new Date(),
): Promise<{ mailedTo: string[] }> {
  return q.transaction(async (tx) => {
    const before = await lockAt(tx, associationId, id, expectedVersion);
    requireStatus(before, ["inskickad"], "godkännas");
    const row = await update(
      tx,
      before,
      {
        status: "godkand",
        approvedAt: now,
        approvedBy: actor.userId,
        returnReason: null,
      },
      now,
    );
    const lines = await linesOf(tx, id);
    const totals = lineTotals(lines);
    await writeEvent(
      tx,
      actor,
      row,
      "godkand",
      `Utfall: ${formatMoney(totals.association)} i förbundsmedel.`,
      now,
    );
    const association = await associationOf(tx, associationId);
    const mailedTo = await sendAll(
      tx,
      deps,
      associationId,
      await initiativeLeads(tx, row.initiativeId),
      `Rekvisitionen för ${nameOf(row)} är godkänd`,
      [
        `${association.name} har godkänt rekvisitionen för ${nameOf(row)}.`,
        "",
        `Godkända förbundsmedel: ${formatMoney(totals.association)}. Beloppet betalas ut av förbundet och räknas som periodens utfall.`,
        "",
        `Rekvisitionen: ${linkTo(deps, association.slug, id)}`,
      ].join("\n"),
    );
    await recordAuditEvent(tx, actor, {
      action: "requisition.approved",
      associationId,
      targetType: "requisition",
      targetId: id,
      details: {
        initiativeId: row.initiativeId,
        periodKey: row.periodKey,
        version: row.version,
        outcome: totals.association,
        coFinancing: totals.coFinancing,
        mailedTo,
      },
    });
    return { mailedTo };
  });
}

/** The office records that an approved requisition is paid, on a day not in the future. */
export async function markRequisitionPaid(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  id: string,
  expectedVersion: number,
  paidOn: string,
  now = new Date(),
): Promise<void> {
  const day = isoDate(paidOn);
  if (day === null) throw new ValidationError({ paidOn: "Fyll i dagen beloppet betalades ut." });
  if (day === "invalid") throw new ValidationError({ paidOn: DATE_HINT });
  const today = todayInSweden(now);
  if (day > today)
    throw new ValidationError({
      paidOn: `Utbetalningsdagen ${formatDate(day)} har inte kommit än. Registrera utbetalningen när den är gjord, senast i dag (${formatDate(today)}).`,
    });
  await q.transaction(async (tx) => {
    const before = await lockAt(tx, associationId, id, expectedVersion);
    if (before.status !== "godkand")
      throw new ValidationError({
        status: `Rekvisitionen för ${nameOf(before)} är inte godkänd än, så den kan inte markeras som betald. Godkänn den först.`,
      });
    if (before.paymentStatus === "betald")
      throw new ValidationError({
        status: `Rekvisitionen för ${nameOf(before)} är redan markerad som betald ${formatDate(before.paidOn ?? "")}.`,
      });
    const approvedOn = before.approvedAt ? todayInSweden(before.approvedAt) : null;
    if (approvedOn && day < approvedOn)
      throw new ValidationError({
        paidOn: `Utbetalningsdagen kan inte vara före godkännandet ${formatDate(approvedOn)}.`,
      });
    const row = await update(tx, before, { paymentStatus: "betald", paidOn: day }, now);
    await writeEvent(tx, actor, row, "betald", `Utbetald ${formatDate(day)}.`, now);
    const totals = lineTotals(await linesOf(tx, id));
    await recordAuditEvent(tx, actor, {
      action: "requisition.paid",
      associationId,
      targetType: "requisition",
      targetId: id,
      details: {
        initiativeId: row.initiativeId,
        periodKey: row.periodKey,
        version: row.version,
        paidOn: day,
        amount: totals.association,
      },
    });
  });
}
