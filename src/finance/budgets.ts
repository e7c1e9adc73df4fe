// An initiative's budget (domain/finance.md): per reporting period, cost category and source —
// association funds (förbundsmedel) or a party's own financing / co-financing of a kind — kept as
// versions that are never changed. Saving writes a new version and the previous one becomes
// "ersatt"; a re-phasing (omfördelning) after an approved deviation report moves money between
// periods and categories and keeps every source's total exactly. A first budget can be proposed
// from the initiative's granted application, spread over its reporting periods.
//
// Every figure is whole kronor and every sum goes through lineTotals / sumKronor
// (platform/money.ts); the lines are read and checked by parseMoneyLines (lines.ts), so budget
// and requisition lines always agree on what is valid.
import { and, asc, desc, eq, inArray, max } from "drizzle-orm";
import {
  BUDGET_CATEGORIES,
  type BudgetCategory,
  CO_FINANCING_KIND_LABELS,
  CO_FINANCING_KINDS,
  type CoFinancingKind,
} from "../applications/content.ts";
import { applications } from "../applications/schema.ts";
import { memberOrganisations } from "../associations/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import {
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from "../platform/errors.ts";
import { formatMoney } from "../platform/i18n/format.ts";
import { allocateKronor, sumKronor } from "../platform/money.ts";
import type { ReportingPeriod } from "../reports/calendar.ts";
import { actorName } from "../reports/report-versions.ts";
import { deviationReports } from "../reports/schema.ts";
import { initiativeParties } from "../reports/steering-groups.ts";
import {
  lineKey,
  lineTotals,
  type MoneyLine,
  type MoneyLineInput,
  parseMoneyLines,
} from "./lines.ts";
import { initiativePeriods, yearOfPeriod } from "./periods.ts";
import { type FundingSource, initiativeBudgetLines, initiativeBudgets } from "./schema.ts";

/** What made a version: the decision, a revision, a re-phasing after a deviation, an import. */
export const BUDGET_KINDS = ["beslut", "revision", "omfordelning", "import"] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];
/** The kinds saveBudget writes; "omfordelning" is rephaseBudget's alone. */
export const SAVE_KINDS = ["beslut", "revision", "import"] as const;
export type SaveKind = (typeof SAVE_KINDS)[number];

export const BUDGET_KIND_LABELS: Record<BudgetKind, string> = {
  beslut: "Beslut",
  revision: "Revision",
  omfordelning: "Omfördelning efter avvikelse",
  import: "Import från XLSX",
};

/** A budget line: a money line of one reporting period. */
export interface BudgetLine extends MoneyLine {
  periodKey: string;
  year: number;
}

/** A budget line as typed in a form, an API body or a spreadsheet row. */
export interface BudgetLineInput extends MoneyLineInput {
  periodKey: string;
}

export type LinePart = "periodKey" | "category" | "source" | "organisationId" | "coKind" | "amount";

/** The sums of a set of lines: all, association funds, co-financing, per category. */
export interface Sums {
  total: number;
  association: number;
  coFinancing: number;
  byCategory: Record<BudgetCategory, number>;
}

export interface BudgetTotals extends Sums {
  byYear: Array<Sums & { year: number }>;
  byPeriod: Array<Sums & { periodKey: string; year: number }>;
  /** Each co-financing party's total and its total per kind. */
  byParty: Array<{
    organisationId: string;
    total: number;
    byKind: Record<CoFinancingKind, number>;
  }>;
}

export interface BudgetParty {
  id: string;
  name: string;
  isOwner: boolean;
  /** Still the owner or a partner (lines of a former party are shown under its name). */
  isParty: boolean;
}

export interface BudgetVersion {
  id: string;
  version: number;
  status: "gallande" | "ersatt";
  kind: BudgetKind;
  reason: string;
  deviationReport: { id: string; registryNumber: string | null } | null;
  createdByName: string;
  createdAt: Date;
  lines: BudgetLine[];
  totals: BudgetTotals;
}

export interface BudgetInitiative {
  id: string;
  associationId: string;
  name: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  esf: boolean;
  ownerOrganisationId: string;
}

export interface CurrentBudget {
  initiative: BudgetInitiative;
  /** The initiative's reporting periods, in order (empty without start and end dates). */
  periods: ReportingPeriod[];
  /** The owner first, then the partners, then former parties named in the budget's lines. */
  parties: BudgetParty[];
  current: BudgetVersion | null;
}

// ---------------------------------------------------------------------------------------------
// Sums (pure)

const categoryOrder = (c: string) => (BUDGET_CATEGORIES as readonly string[]).indexOf(c);
const kindOrder = (k: string | null) =>
  k === null ? -1 : (CO_FINANCING_KINDS as readonly string[]).indexOf(k);

/** Orders lines the way every page and file shows them: period, category, source, party, kind. */
export function sortLines<L extends BudgetLine>(
  lines: readonly L[],
  partyOrder: readonly string[] = [],
): L[] {
  const party = (id: string | null) => {
    if (id === null) return -1;
    const i = partyOrder.indexOf(id);
    return i < 0 ? partyOrder.length : i;
  };
  return [...lines].sort(
    (a, b) =>
      (a.periodKey < b.periodKey ? -1 : a.periodKey > b.periodKey ? 1 : 0) ||
      categoryOrder(a.category) - categoryOrder(b.category) ||
      (a.source === b.source ? 0 : a.source === "forbund" ? -1 : 1) ||
      party(a.organisationId) - party(b.organisationId) ||
      (a.organisationId ?? "").localeCompare(b.organisationId ?? "") ||
      kindOrder(a.coKind) - kindOrder(b.coKind),
  );
}

const sumsOf = (lines: readonly BudgetLine[]): Sums => {
  const { total, association, coFinancing, byCategory } = lineTotals(lines);
  return { total, association, coFinancing, byCategory };
};

/** The totals of a budget's lines: overall, per year, per period, per co-financing party. */
export function budgetTotals(lines: readonly BudgetLine[]): BudgetTotals {
  const years = [...new Set(lines.map((l) => l.year))].sort((a, b) => a - b);
  const periods = [...new Set(lines.map((l) => l.periodKey))].sort();
  const partyIds = [
    ...new Set(
      lines.filter((l) => l.source === "medfinansiering").map((l) => l.organisationId as string),
    ),
  ];
  return {
    ...sumsOf(lines),
    byYear: years.map((year) => ({ year, ...sumsOf(lines.filter((l) => l.year === year)) })),
    byPeriod: periods.map((periodKey) => ({
      periodKey,
      year: yearOfPeriod(periodKey),
      ...sumsOf(lines.filter((l) => l.periodKey === periodKey)),
    })),
    byParty: partyIds.map((organisationId) => {
      const own = lines.filter(
        (l) => l.source === "medfinansiering" && l.organisationId === organisationId,
      );
      return {
        organisationId,
        total: sumKronor(own.map((l) => l.amount)),
        byKind: Object.fromEntries(
          CO_FINANCING_KINDS.map((k) => [
            k,
            sumKronor(own.filter((l) => l.coKind === k).map((l) => l.amount)),
          ]),
        ) as Record<CoFinancingKind, number>,
      };
    }),
  };
}

/** A line's money source: association funds, or one party's co-financing of one kind. */
export const sourceKey = (l: Pick<MoneyLine, "source" | "organisationId" | "coKind">) =>
  l.source === "forbund" ? "forbund" : `medfinansiering|${l.organisationId}|${l.coKind}`;

/** The total of each money source (sourceKey): what a re-phasing must keep. */
export function sourceTotals(lines: readonly BudgetLine[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) out.set(sourceKey(l), sumKronor([out.get(sourceKey(l)) ?? 0, l.amount]));
  return out;
}

/** A line's place in a budget: its period and everything lineKey names. */
export const budgetLineKey = (l: BudgetLine | (MoneyLine & { periodKey: string })) =>
  `${l.periodKey}|${lineKey(l)}`;

/** How much a re-phasing moves: the sum of the increases, line by line. */
export function movedAmount(before: readonly BudgetLine[], after: readonly BudgetLine[]): number {
  const old = new Map(before.map((l) => [budgetLineKey(l), l.amount]));
  return sumKronor(
    after.map((l) => Math.max(0, l.amount - (old.get(budgetLineKey(l)) ?? 0))).filter((n) => n > 0),
  );
}

// ---------------------------------------------------------------------------------------------
// Checking lines (pure)

export interface LineContext {
  periods: readonly ReportingPeriod[];
  /** The organisations that may co-finance: the owner and the partners. */
  parties: ReadonlySet<string>;
  initiative: { startDate: string | null; endDate: string | null };
}

const defaultField = (i: number, part: LinePart) => `lines.${i}.${part}`;
const defaultRow = (i: number) => `rad ${i + 1}`;

/** "2026-K3 – 2027-K4", the initiative's periods for a message. */
const periodRange = (periods: readonly ReportingPeriod[]) =>
  periods.length === 1
    ? (periods[0]?.key ?? "")
    : `${periods[0]?.key ?? ""} – ${periods[periods.length - 1]?.key ?? ""}`;

/**
 * Reads budget lines: each line's period must be one of the initiative's, and the rest is
 * parseMoneyLines' (category, source, party among the owner and partners, kind, amount in whole
 * kronor). Lines with an empty amount are dropped. Two lines for the same period, category and
 * source are refused. `field` names a problem's field, `row` a line in a message.
 */
export function readBudgetLines(
  input: readonly BudgetLineInput[],
  context: LineContext,
  field: (index: number, part: LinePart) => string = defaultField,
  row: (index: number) => string = defaultRow,
): { lines: BudgetLine[]; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const lines: BudgetLine[] = [];
  const keys = new Set(context.periods.map((p) => p.key));
  const seen = new Map<string, number>();
  const { startDate, endDate } = context.initiative;
  input.forEach((raw, i) => {
    const parsed = parseMoneyLines([raw], context.parties, (_, part) => field(i, part));
    Object.assign(problems, parsed.problems);
    const periodKey = String(raw.periodKey ?? "").trim();
    const hasAmount = !(
      raw.amount === null ||
      raw.amount === undefined ||
      (typeof raw.amount === "string" && raw.amount.trim() === "")
    );
    if (!hasAmount) return;
    if (!keys.has(periodKey)) {
      problems[field(i, "periodKey")] =
        !startDate || !endDate
          ? "Insatsen saknar start- eller slutdatum, så den har inga perioder att budgetera. Ange datumen på insatsens sida först."
          : periodKey === ""
            ? `Ange perioden, en av insatsens perioder ${periodRange(context.periods)}.`
            : `Perioden ${periodKey} ligger utanför insatsens tid (${startDate} – ${endDate}). Välj en av insatsens perioder ${periodRange(context.periods)}.`;
      return;
    }
    const [line] = parsed.lines;
    if (!line) return;
    const budgetLine: BudgetLine = { ...line, periodKey, year: yearOfPeriod(periodKey) };
    const key = budgetLineKey(budgetLine);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems[field(i, "amount")] =
        `Raden gäller samma period, kostnadsslag och källa som ${row(earlier)}. Lägg ihop beloppen på en rad.`;
      return;
    }
    seen.set(key, i);
    lines.push(budgetLine);
  });
  return Object.keys(problems).length ? { lines: [], problems } : { lines, problems };
}

// ---------------------------------------------------------------------------------------------
// Reading

async function loadInitiative(
  q: Queryable,
  associationId: string,
  initiativeId: string,
): Promise<BudgetInitiative> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const [row] = uuid.test(initiativeId)
    ? await q
        .select({
          id: initiatives.id,
          associationId: initiatives.associationId,
          name: initiatives.name,
          status: initiatives.status,
          startDate: initiatives.startDate,
          endDate: initiatives.endDate,
          esf: initiatives.esf,
          ownerOrganisationId: initiatives.ownerOrganisationId,
        })
        .from(initiatives)
        .where(eq(initiatives.id, initiativeId))
    : [];
  if (!row || row.associationId !== associationId) throw new NotFoundError("Insatsen finns inte.");
  return row;
}

/** The initiative's parties, and the former parties the given lines still name. */
async function partiesOf(
  q: Queryable,
  initiativeId: string,
  lines: readonly BudgetLine[],
): Promise<BudgetParty[]> {
  const current: BudgetParty[] = (await initiativeParties(q, initiativeId)).map((p) => ({
    id: p.id,
    name: p.name,
    isOwner: p.isOwner,
    isParty: true,
  }));
  const missing = [
    ...new Set(
      lines
        .map((l) => l.organisationId)
        .filter((id): id is string => id !== null && !current.some((p) => p.id === id)),
    ),
  ];
  if (!missing.length) return current;
  const former = await q
    .select({ id: memberOrganisations.id, name: memberOrganisations.name })
    .from(memberOrganisations)
    .where(inArray(memberOrganisations.id, missing))
    .orderBy(asc(memberOrganisations.name));
  return [...current, ...former.map((f) => ({ ...f, isOwner: false, isParty: false }))];
}

type VersionRow = {
  id: string;
  version: number;
  status: "gallande" | "ersatt";
  kind: BudgetKind;
  reason: string;
  deviationReportId: string | null;
  registryNumber: string | null;
  createdByName: string;
  createdAt: Date;
};

async function versionRows(
  q: Queryable,
  initiativeId: string,
  only?: { status?: "gallande"; version?: number },
): Promise<VersionRow[]> {
  return q
    .select({
      id: initiativeBudgets.id,
      version: initiativeBudgets.budgetVersion,
      status: initiativeBudgets.status,
      kind: initiativeBudgets.kind,
      reason: initiativeBudgets.reason,
      deviationReportId: initiativeBudgets.deviationReportId,
      registryNumber: deviationReports.registryNumber,
      createdByName: initiativeBudgets.createdByName,
      createdAt: initiativeBudgets.createdAt,
    })
    .from(initiativeBudgets)
    .leftJoin(deviationReports, eq(deviationReports.id, initiativeBudgets.deviationReportId))
    .where(
      and(
        eq(initiativeBudgets.initiativeId, initiativeId),
        ...(only?.status ? [eq(initiativeBudgets.status, only.status)] : []),
        ...(only?.version !== undefined ? [eq(initiativeBudgets.budgetVersion, only.version)] : []),
      ),
    )
    .orderBy(desc(initiativeBudgets.budgetVersion));
}

async function linesOf(q: Queryable, budgetIds: string[]): Promise<Map<string, BudgetLine[]>> {
  const out = new Map<string, BudgetLine[]>(budgetIds.map((id) => [id, []]));
  if (!budgetIds.length) return out;
  const rows = await q
    .select()
    .from(initiativeBudgetLines)
    .where(inArray(initiativeBudgetLines.budgetId, budgetIds));
  for (const r of rows)
    out.get(r.budgetId)?.push({
      periodKey: r.periodKey,
      year: r.year,
      category: r.category,
      source: r.source,
      organisationId: r.organisationId,
      coKind: r.coKind,
      amount: r.amount,
    });
  return out;
}

function toVersion(row: VersionRow, lines: BudgetLine[], partyOrder: string[]): BudgetVersion {
  const sorted = sortLines(lines, partyOrder);
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    kind: row.kind,
    reason: row.reason,
    deviationReport: row.deviationReportId
      ? { id: row.deviationReportId, registryNumber: row.registryNumber }
      : null,
    createdByName: row.createdByName,
    createdAt: row.createdAt,
    lines: sorted,
    totals: budgetTotals(sorted),
  };
}

/** The initiative, its periods and parties, and its current budget version (or none yet). */
export async function getCurrentBudget(
  q: Queryable,
  associationId: string,
  initiativeId: string,
): Promise<CurrentBudget> {
  const initiative = await loadInitiative(q, associationId, initiativeId);
  const periods = await initiativePeriods(q, initiative);
  const [row] = await versionRows(q, initiative.id, { status: "gallande" });
  const lines = row ? ((await linesOf(q, [row.id])).get(row.id) ?? []) : [];
  const parties = await partiesOf(q, initiative.id, lines);
  const order = parties.map((p) => p.id);
  return {
    initiative,
    periods,
    parties,
    current: row ? toVersion(row, lines, order) : null,
  };
}

/** Every version of the initiative's budget, newest first, each with its lines and totals. */
export async function listBudgetVersions(
  q: Queryable,
  associationId: string,
  initiativeId: string,
): Promise<{ parties: BudgetParty[]; versions: BudgetVersion[] }> {
  const initiative = await loadInitiative(q, associationId, initiativeId);
  const rows = await versionRows(q, initiative.id);
  const byId = await linesOf(
    q,
    rows.map((r) => r.id),
  );
  const parties = await partiesOf(q, initiative.id, [...byId.values()].flat());
  const order = parties.map((p) => p.id);
  return {
    parties,
    versions: rows.map((r) => toVersion(r, byId.get(r.id) ?? [], order)),
  };
}

/** One version, with the one before it (to show what changed); undefined if there is none. */
export async function getBudgetVersion(
  q: Queryable,
  associationId: string,
  initiativeId: string,
  version: number,
): Promise<
  | {
      initiative: BudgetInitiative;
      periods: ReportingPeriod[];
      parties: BudgetParty[];
      version: BudgetVersion;
      previous: BudgetVersion | null;
      latest: number;
    }
  | undefined
> {
  const initiative = await loadInitiative(q, associationId, initiativeId);
  if (!Number.isSafeInteger(version) || version < 1) return undefined;
  const rows = await versionRows(q, initiative.id);
  const row = rows.find((r) => r.version === version);
  if (!row) return undefined;
  const before = rows.find((r) => r.version < version);
  const byId = await linesOf(q, [row.id, ...(before ? [before.id] : [])]);
  const parties = await partiesOf(q, initiative.id, [...byId.values()].flat());
  const order = parties.map((p) => p.id);
  return {
    initiative,
    periods: await initiativePeriods(q, initiative),
    parties,
    version: toVersion(row, byId.get(row.id) ?? [], order),
    previous: before ? toVersion(before, byId.get(before.id) ?? [], order) : null,
    latest: rows[0]?.version ?? version,
  };
}

export interface RephasingReport {
  id: string;
  registryNumber: string | null;
  decisionDate: string | null;
  requestedAmount: number | null;
  description: string;
  /** The budget version the report's re-phasing made, if it has been used. */
  usedInVersion: number | null;
}

/** The initiative's approved deviation reports that ask to move funds (flytta_medel). */
export async function rephasingReports(
  q: Queryable,
  associationId: string,
  initiativeId: string,
): Promise<RephasingReport[]> {
  const rows = await q
    .select({
      id: deviationReports.id,
      registryNumber: deviationReports.registryNumber,
      decisionDate: deviationReports.decisionDate,
      requestedAmount: deviationReports.requestedAmount,
      description: deviationReports.description,
    })
    .from(deviationReports)
    .where(
      and(
        eq(deviationReports.associationId, associationId),
        eq(deviationReports.initiativeId, initiativeId),
        eq(deviationReports.status, "godkand"),
        eq(deviationReports.request, "flytta_medel"),
      ),
    )
    .orderBy(desc(deviationReports.decisionDate));
  const used = rows.length
    ? await q
        .select({
          deviationReportId: initiativeBudgets.deviationReportId,
          version: initiativeBudgets.budgetVersion,
        })
        .from(initiativeBudgets)
        .where(
          inArray(
            initiativeBudgets.deviationReportId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((r) => ({
    ...r,
    usedInVersion: used.find((u) => u.deviationReportId === r.id)?.version ?? null,
  }));
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface SaveBudgetInput {
  lines: readonly BudgetLineInput[];
  reason: string;
  kind: string;
  /** Names a line's problem by the caller's field (a form input, a spreadsheet cell). */
  field?: (index: number, part: LinePart) => string;
  /** Names a line in a message ("rad 5"). */
  row?: (index: number) => string;
}

const MAX_REASON = 2000;

function checkReason(reason: string, problems: Record<string, string>, what: string): string {
  const text = reason.trim();
  if (!text) problems.reason = `Skriv varför ${what}, till exempel styrelsens beslut.`;
  else if (text.length > MAX_REASON)
    problems.reason = `Skriv högst ${MAX_REASON.toLocaleString("sv-SE")} tecken om varför (nu ${text.length.toLocaleString("sv-SE")}).`;
  return text;
}

const signature = (lines: readonly BudgetLine[]) =>
  lines
    .map((l) => `${budgetLineKey(l)}=${l.amount}`)
    .sort()
    .join(";");

interface WriteInput {
  lines: BudgetLine[];
  kind: BudgetKind;
  reason: string;
  deviationReportId: string | null;
  /** The audit event's own details, given the current version's lines. */
  details: (current: BudgetLine[] | null) => Record<string, unknown>;
  /** Checks against the current version, inside the transaction; returns problems. */
  check?: (current: BudgetLine[] | null) => Record<string, string>;
}

/** Writes the next version in one transaction: the version read must still be the current one. */
async function writeVersion(
  q: Queryable,
  actor: AuditActor,
  initiative: BudgetInitiative,
  expected: number | null,
  input: WriteInput,
): Promise<number> {
  try {
    return await q.transaction(async (tx) => {
      // one writer per initiative at a time: the next version number is decided under the lock
      await tx
        .select({ id: initiatives.id })
        .from(initiatives)
        .where(eq(initiatives.id, initiative.id))
        .for("update");
      const [current] = await versionRows(tx, initiative.id, { status: "gallande" });
      if ((current?.version ?? null) !== expected)
        throw new ConflictError(
          current
            ? `Budgeten har ändrats medan du arbetade: nu gäller version ${current.version}${expected === null ? "" : `, inte ${expected}`}. Ladda om sidan och gör om dina ändringar.`
            : "Budgeten du utgick från finns inte längre. Ladda om sidan och gör om dina ändringar.",
        );
      const currentLines = current
        ? ((await linesOf(tx, [current.id])).get(current.id) ?? [])
        : null;
      const problems = input.check?.(currentLines) ?? {};
      if (currentLines && signature(currentLines) === signature(input.lines))
        problems.lines =
          "Inget belopp skiljer sig från den budget som gäller nu, så det finns inget att spara.";
      if (Object.keys(problems).length) throw new ValidationError(problems);
      const [last] = await tx
        .select({ n: max(initiativeBudgets.budgetVersion) })
        .from(initiativeBudgets)
        .where(eq(initiativeBudgets.initiativeId, initiative.id));
      const version = (last?.n ?? 0) + 1;
      if (current)
        await tx
          .update(initiativeBudgets)
          .set({ status: "ersatt" })
          .where(eq(initiativeBudgets.id, current.id));
      const [created] = await tx
        .insert(initiativeBudgets)
        .values({
          associationId: initiative.associationId,
          initiativeId: initiative.id,
          budgetVersion: version,
          status: "gallande",
          kind: input.kind,
          reason: input.reason,
          deviationReportId: input.deviationReportId,
          createdBy: actor.userId,
          createdByName: await actorName(tx, actor),
        })
        .returning({ id: initiativeBudgets.id });
      if (!created) throw new Error("budget version not inserted");
      if (input.lines.length)
        await tx.insert(initiativeBudgetLines).values(
          input.lines.map((l) => ({
            budgetId: created.id,
            periodKey: l.periodKey,
            year: l.year,
            category: l.category,
            source: l.source,
            organisationId: l.organisationId,
            coKind: l.coKind,
            amount: l.amount,
          })),
        );
      const totals = lineTotals(input.lines);
      await recordAuditEvent(tx, actor, {
        action: input.kind === "omfordelning" ? "budget.rephased" : "budget.saved",
        associationId: initiative.associationId,
        targetType: "initiative",
        targetId: initiative.id,
        details: {
          budgetVersion: version,
          previousVersion: current?.version ?? null,
          kind: input.kind,
          reason: input.reason,
          lines: input.lines.length,
          total: totals.total,
          association: totals.association,
          coFinancing: totals.coFinancing,
          ...input.details(currentLines),
        },
      });
      return version;
    });
  } catch (error) {
    // two first versions written at the same moment: the second finds the first's number taken
    if (isUniqueViolation(error))
      throw new ConflictError(
        "Någon annan sparade budgeten samtidigt. Ladda om sidan och gör om dina ändringar.",
      );
    throw error;
  }
}

async function lineContext(q: Queryable, initiative: BudgetInitiative): Promise<LineContext> {
  const periods = await initiativePeriods(q, initiative);
  const parties = new Set((await initiativeParties(q, initiative.id)).map((p) => p.id));
  return { periods, parties, initiative };
}

/**
 * Saves a new version of the initiative's budget (the previous one becomes "ersatt").
 * `expectedBudgetVersion` is the version the person started from, null for a first budget;
 * another version meanwhile is a ConflictError. Returns the new version.
 */
export async function saveBudget(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  expectedBudgetVersion: number | null,
  input: SaveBudgetInput,
): Promise<BudgetVersion> {
  const initiative = await loadInitiative(q, associationId, initiativeId);
  const context = await lineContext(q, initiative);
  const problems: Record<string, string> = {};
  if (!(SAVE_KINDS as readonly string[]).includes(input.kind))
    problems.kind = "Välj om budgeten är ett beslut, en revision eller en import.";
  const reason = checkReason(input.reason, problems, "budgeten sparas");
  const { lines, problems: lineProblems } = readBudgetLines(
    input.lines,
    context,
    input.field,
    input.row,
  );
  Object.assign(problems, lineProblems);
  if (!Object.keys(lineProblems).length && !lines.length)
    problems.lines = "Budgeten har inga belopp. Fyll i minst ett belopp (0 räknas som ett belopp).";
  if (Object.keys(problems).length) throw new ValidationError(problems);
  const version = await writeVersion(q, actor, initiative, expectedBudgetVersion, {
    lines,
    kind: input.kind as SaveKind,
    reason,
    deviationReportId: null,
    details: () => ({}),
  });
  const saved = await getBudgetVersion(q, associationId, initiativeId, version);
  if (!saved) throw new Error("saved budget version missing");
  return saved.version;
}

/** "Förbundsmedlen" / "Tierps kommuns medfinansiering (personaltid)" for a message. */
function sourceName(key: string, names: ReadonlyMap<string, string>): string {
  if (key === "forbund") return "Förbundsmedlen";
  const [, org = "", kind = ""] = key.split("|");
  const name = names.get(org) ?? "Partens";
  const genitive = /[sxz]$/i.test(name) ? name : `${name}s`;
  const kindLabel = (CO_FINANCING_KIND_LABELS[kind as CoFinancingKind] ?? kind).toLowerCase();
  return `${genitive} medfinansiering (${kindLabel})`;
}

/**
 * Why the re-phased lines cannot replace the current ones: every source's total (association
 * funds, each party's co-financing of each kind) must stay exactly the same. Pure; the field of
 * each problem is `totals.<sourceKey>`.
 */
export function rephasingProblems(
  before: readonly BudgetLine[],
  after: readonly BudgetLine[],
  names: ReadonlyMap<string, string> = new Map(),
): Record<string, string> {
  const old = sourceTotals(before);
  const now = sourceTotals(after);
  const problems: Record<string, string> = {};
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const was = old.get(key) ?? 0;
    const is = now.get(key) ?? 0;
    if (was === is) continue;
    const diff = is - was;
    problems[`totals.${key}`] =
      `${sourceName(key, names)} blir ${formatMoney(is)} men ska vara ${formatMoney(was)} som i budgeten som gäller (${formatMoney(Math.abs(diff))} ${diff > 0 ? "för mycket" : "för lite"}). En omfördelning flyttar pengar mellan perioder och kostnadsslag men ändrar inte summan.`;
  }
  return problems;
}

/**
 * Re-phases the budget (omfördelning) after an approved deviation report of the initiative that
 * asked to move funds: a new version, kind "omfordelning", naming the report; the previous version
 * is kept as "ersatt". The total of association funds and of each party's co-financing of each
 * kind must stay exactly the same. A report allows one re-phasing.
 */
export async function rephaseBudget(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  expectedBudgetVersion: number,
  deviationReportId: string,
  lines: readonly BudgetLineInput[],
  reason: string,
  naming: Pick<SaveBudgetInput, "field" | "row"> = {},
): Promise<BudgetVersion> {
  const initiative = await loadInitiative(q, associationId, initiativeId);
  const context = await lineContext(q, initiative);
  const problems: Record<string, string> = {};
  const reports = await rephasingReports(q, associationId, initiative.id);
  const report = reports.find((r) => r.id === deviationReportId);
  if (!report)
    problems.deviationReportId =
      "Välj en godkänd avvikelserapport för insatsen där begäran är att flytta medel. En omfördelning kräver ett sådant beslut.";
  else if (report.usedInVersion !== null)
    problems.deviationReportId = `Avvikelserapporten${report.registryNumber ? ` ${report.registryNumber}` : ""} har redan använts för omfördelningen i budgetens version ${report.usedInVersion}. Välj en annan rapport.`;
  const text = checkReason(reason, problems, "budgeten fördelas om");
  const read = readBudgetLines(lines, context, naming.field, naming.row);
  Object.assign(problems, read.problems);
  if (Object.keys(problems).length) throw new ValidationError(problems);
  const names = new Map(
    (
      await q
        .select({ id: memberOrganisations.id, name: memberOrganisations.name })
        .from(memberOrganisations)
        .where(eq(memberOrganisations.associationId, associationId))
    ).map((o) => [o.id, o.name]),
  );
  const version = await writeVersion(q, actor, initiative, expectedBudgetVersion, {
    lines: read.lines,
    kind: "omfordelning",
    reason: text,
    deviationReportId,
    details: (current) => ({
      deviationReportId,
      registryNumber: report?.registryNumber ?? null,
      moved: movedAmount(current ?? [], read.lines),
    }),
    check: (current) =>
      current
        ? rephasingProblems(current, read.lines, names)
        : { lines: "Insatsen har ingen budget att fördela om. Lägg en budget först." },
  });
  const saved = await getBudgetVersion(q, associationId, initiativeId, version);
  if (!saved) throw new Error("re-phased budget version missing");
  return saved.version;
}

// ---------------------------------------------------------------------------------------------
// A proposal from the granted application

/** The months of a period that overlap [from, to] (a month counts if any of its days does). */
export function monthsInside(
  period: Pick<ReportingPeriod, "start" | "end">,
  from: string,
  to: string,
): number {
  let y = Number(period.start.slice(0, 4));
  let m = Number(period.start.slice(5, 7));
  let n = 0;
  for (;;) {
    const mm = String(m).padStart(2, "0");
    const first = `${y}-${mm}-01`;
    if (first > period.end) break;
    const last = `${y}-${mm}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
    if (first <= to && last >= from) n++;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return n;
}

/** Co-financing has no category in the application: staff time is personnel, the rest övrigt. */
export const coFinancingCategory = (kind: CoFinancingKind): BudgetCategory =>
  kind === "personaltid" ? "personal" : "ovrigt";

export type ProposalNote =
  | { type: "moved"; year: number; amount: number; periodKey: string }
  | { type: "notParty"; organisationId: string; amount: number }
  | { type: "decidedAmount"; decided: number; applied: number };

export interface ApplicationAmounts {
  budget: ReadonlyArray<{ year: number; category: BudgetCategory; amount: number }>;
  coFinancing: ReadonlyArray<{
    year: number;
    organisationId: string;
    kind: CoFinancingKind;
    amount: number;
  }>;
}

/**
 * Spreads an application's amounts per year over the initiative's periods of that year, weighted
 * by the months of each period inside the initiative (allocateKronor: no krona lost or invented).
 * A year without periods (outside the initiative's dates) goes whole to the nearest period, and
 * co-financing of an organisation that is no longer a party is left out; both are noted.
 */
export function spreadApplication(
  amounts: ApplicationAmounts,
  initiative: { startDate: string; endDate: string },
  periods: readonly ReportingPeriod[],
  parties: ReadonlySet<string>,
): { lines: BudgetLine[]; notes: ProposalNote[] } {
  const notes: ProposalNote[] = [];
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) return { lines: [], notes };
  const items = new Map<
    string,
    { year: number; line: Omit<MoneyLine, "amount">; amount: number }
  >();
  const add = (year: number, line: Omit<MoneyLine, "amount">, amount: number) => {
    const key = `${year}|${lineKey(line)}`;
    const item = items.get(key);
    if (item) item.amount = sumKronor([item.amount, amount]);
    else items.set(key, { year, line, amount });
  };
  for (const b of amounts.budget)
    add(
      b.year,
      { category: b.category, source: "forbund", organisationId: null, coKind: null },
      b.amount,
    );
  const left = new Map<string, number>();
  for (const c of amounts.coFinancing) {
    if (!parties.has(c.organisationId)) {
      left.set(c.organisationId, sumKronor([left.get(c.organisationId) ?? 0, c.amount]));
      continue;
    }
    add(
      c.year,
      {
        category: coFinancingCategory(c.kind),
        source: "medfinansiering" as FundingSource,
        organisationId: c.organisationId,
        coKind: c.kind,
      },
      c.amount,
    );
  }
  for (const [organisationId, amount] of left)
    if (amount > 0) notes.push({ type: "notParty", organisationId, amount });
  const out = new Map<string, BudgetLine>();
  const put = (periodKey: string, line: Omit<MoneyLine, "amount">, amount: number) => {
    if (amount === 0) return;
    const full: BudgetLine = { ...line, amount, periodKey, year: yearOfPeriod(periodKey) };
    const key = budgetLineKey(full);
    const had = out.get(key);
    out.set(key, had ? { ...had, amount: sumKronor([had.amount, amount]) } : full);
  };
  const moved = new Map<string, { year: number; amount: number; periodKey: string }>();
  for (const { year, line, amount } of items.values()) {
    if (amount === 0) continue;
    const own = periods.filter((p) => yearOfPeriod(p.key) === year);
    if (!own.length) {
      const target = year < yearOfPeriod(first.key) ? first : last;
      put(target.key, line, amount);
      const m = moved.get(`${year}`) ?? { year, amount: 0, periodKey: target.key };
      m.amount = sumKronor([m.amount, amount]);
      moved.set(`${year}`, m);
      continue;
    }
    const weights = own.map((p) => monthsInside(p, initiative.startDate, initiative.endDate));
    allocateKronor(amount, weights).forEach((part, i) => {
      const p = own[i];
      if (p) put(p.key, line, part);
    });
  }
  for (const m of [...moved.values()].sort((a, b) => a.year - b.year))
    notes.unshift({ type: "moved", ...m });
  return { lines: sortLines([...out.values()], [...parties]), notes };
}

export interface BudgetProposal {
  application: {
    id: string;
    registryNumber: string | null;
    decisionDate: string | null;
    decisionMeeting: string | null;
    decisionParagraph: string | null;
    decidedAmount: number | null;
  };
  lines: BudgetLine[];
  totals: BudgetTotals;
  notes: ProposalNote[];
  /** A reason for the office to save the proposal with: the decision. */
  reason: string;
}

/**
 * A proposal of budget lines from the initiative's granted application (the latest decided):
 * nothing is saved; the office reviews it and saves it as kind "beslut". Undefined when the
 * initiative has no granted application. Refused when the initiative has no dates (no periods).
 */
export async function budgetFromApplication(
  q: Queryable,
  associationId: string,
  initiativeId: string,
): Promise<BudgetProposal | undefined> {
  const initiative = await loadInitiative(q, associationId, initiativeId);
  const [application] = await q
    .select({
      id: applications.id,
      content: applications.content,
      registryNumber: applications.registryNumber,
      decisionDate: applications.decisionDate,
      decisionMeeting: applications.decisionMeeting,
      decisionParagraph: applications.decisionParagraph,
      decidedAmount: applications.decidedAmount,
    })
    .from(applications)
    .where(
      and(
        eq(applications.associationId, associationId),
        eq(applications.initiativeId, initiative.id),
        eq(applications.status, "beviljad"),
      ),
    )
    .orderBy(desc(applications.decisionDate), desc(applications.updatedAt))
    .limit(1);
  if (!application) return undefined;
  const context = await lineContext(q, initiative);
  if (!initiative.startDate || !initiative.endDate || !context.periods.length)
    throw new ValidationError({
      lines:
        "Insatsen saknar start- eller slutdatum, så den har inga perioder att fördela ansökans budget på. Ange datumen på insatsens sida först.",
    });
  const content = application.content;
  const { lines, notes } = spreadApplication(
    { budget: content.budget ?? [], coFinancing: content.coFinancing ?? [] },
    { startDate: initiative.startDate, endDate: initiative.endDate },
    context.periods,
    context.parties,
  );
  const applied = sumKronor((content.budget ?? []).map((b) => b.amount));
  if (application.decidedAmount !== null && application.decidedAmount !== applied)
    notes.push({ type: "decidedAmount", decided: application.decidedAmount, applied });
  const decision = [
    application.decisionMeeting,
    application.decisionParagraph ? `§ ${application.decisionParagraph.replace(/^§\s*/, "")}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return {
    application: {
      id: application.id,
      registryNumber: application.registryNumber,
      decisionDate: application.decisionDate,
      decisionMeeting: application.decisionMeeting,
      decisionParagraph: application.decisionParagraph,
      decidedAmount: application.decidedAmount,
    },
    lines,
    totals: budgetTotals(lines),
    notes,
    reason: `Budget enligt beviljad ansökan${application.registryNumber ? ` ${application.registryNumber}` : ""}${decision ? `, ${decision}` : ""}${application.decisionDate ? ` (${application.decisionDate})` : ""}.`,
  };
}

/** Whether the initiative has a granted application to propose a budget from. */
export async function hasGrantedApplication(
  q: Queryable,
  associationId: string,
  initiativeId: string,
): Promise<boolean> {
  const [row] = await q
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.associationId, associationId),
        eq(applications.initiativeId, initiativeId),
        eq(applications.status, "beviljad"),
      ),
    )
    .limit(1);
  return Boolean(row);
}
