// Reads the money of a bundle (money-schema.ts) into the instance, inside the bundle import's
// transaction, after the register, the applications and the reporting side (a re-phasing names
// a deviation report, which is then in place): the normal band, the allocated funds per year,
// the initiatives' budgets, the requisitions, returned funds and the office's prognoses.
// Everything is checked first and every problem named at its place in the file; then written.
// Money history is append-only here as in the app (drizzle/0009): a budget is only brought
// forward by the versions that follow its own — the one in force becomes "ersatt", the new ones
// are written in order — a requisition by the events that follow its own, a prognosis history by
// the overrides that follow; a file whose history differs is refused. An approved requisition
// and returned funds never change. People come by name only: nothing written here points at an
// account.
import { isDeepStrictEqual } from "node:util";
import { and, asc, eq, inArray } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import { memberOrganisations } from "../associations/schema.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { KEYED_KINDS } from "../finance/association-money.ts";
import { lineTotals } from "../finance/lines.ts";
import { periodOfKey } from "../finance/periods.ts";
import {
  financeSettings,
  fundingShares,
  fundingYears,
  initiativeBudgetLines,
  initiativeBudgets,
  prognosisOverrides,
  requisitionAttachments,
  requisitionEvents,
  requisitionLines,
  requisitions,
  returnedFunds,
} from "../finance/schema.ts";
import { saveFinanceBand } from "../finance/settings.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Tx } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { deviationReports } from "../reports/schema.ts";
import type { Bundle } from "./bundle-schema.ts";
import {
  budgetVersionOf,
  byBudgetLine,
  byEvent,
  byLine,
  byOverride,
  eventOf,
  moneyLineOf,
  prognosisOverrideOf,
  requisitionFieldsOf,
  returnedFundsOf,
} from "./export-money.ts";
import type { OrgNumberOf } from "./export-reports.ts";
import type { ImportCounts, ImportOutcome } from "./import-bundle.ts";
import { type Add, Problems } from "./import-reports.ts";
import type {
  BundleBudgetVersion,
  BundleFinanceSettings,
  BundleFundingYear,
  BundleMoneyLine,
  BundlePrognosisOverride,
  BundleRequisition,
  BundleRequisitionEvent,
} from "./money-schema.ts";

export interface MoneyResult {
  /** "absent": the file has none (the association's own band is left as it is). */
  financeSettings: ImportOutcome | "absent";
  fundingYears: ImportCounts;
  /** Per initiative: a budget is created, or updated by the versions added. */
  initiativeBudgets: ImportCounts;
  requisitions: ImportCounts;
  requisitionAttachments: ImportCounts;
  returnedFunds: ImportCounts;
  prognosisOverrides: ImportCounts;
}

const counts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

const unknownOrg = (n: string) =>
  `Organisationsnumret ${n} finns inte bland förbundets medlemsorganisationer.`;
const missingInitiative =
  "Insatsen finns varken i filen (initiatives) eller i förbundet. Lägg till insatsen i initiatives.";
const NOT_REWRITTEN = "Historiken kan inte skrivas om: importera en nyare export.";

// ------------------------------------------------------------------------------------------
// Context

interface Context {
  associationId: string;
  orgId: Map<string, string>;
  orgKind: Map<string, string>;
  orgName: Map<string, string>;
  orgNumberOf: OrgNumberOf;
  initiativeById: Map<string, { associationId: string; name: string }>;
}

async function contextOf(tx: Tx, associationId: string, bundle: Bundle): Promise<Context> {
  const orgs = await tx
    .select({
      id: memberOrganisations.id,
      orgNumber: memberOrganisations.orgNumber,
      kind: memberOrganisations.kind,
      name: memberOrganisations.name,
    })
    .from(memberOrganisations)
    .where(eq(memberOrganisations.associationId, associationId));
  const orgNumberById = new Map(orgs.map((o) => [o.id, o.orgNumber]));
  const keys = [
    ...new Set(
      [
        ...bundle.initiativeBudgets,
        ...bundle.requisitions,
        ...bundle.returnedFunds,
        ...bundle.prognosisOverrides,
      ].map((x) => x.initiative),
    ),
  ];
  // locked: a budget version or a requisition of one of them is not written meanwhile
  const rows = keys.length
    ? await tx
        .select({
          id: initiatives.id,
          associationId: initiatives.associationId,
          name: initiatives.name,
        })
        .from(initiatives)
        .where(inArray(initiatives.id, keys))
        .for("update")
    : [];
  return {
    associationId,
    orgId: new Map(orgs.map((o) => [o.orgNumber, o.id])),
    orgKind: new Map(orgs.map((o) => [o.orgNumber, o.kind])),
    orgName: new Map(orgs.map((o) => [o.orgNumber, o.name])),
    orgNumberOf: (id) => {
      const n = orgNumberById.get(id);
      if (!n) throw new Error(`organisation ${id} is not a member of the association`);
      return n;
    },
    initiativeById: new Map(rows.map((r) => [r.id, r])),
  };
}

function checkInitiative(ctx: Context, initiative: string, add: Add) {
  const row = ctx.initiativeById.get(initiative);
  if (!row) add("initiative", missingInitiative);
  else if (row.associationId !== ctx.associationId)
    add("initiative", "Insatsen hör till ett annat förbund.");
}

const initiativeName = (ctx: Context, initiative: string) =>
  ctx.initiativeById.get(initiative)?.name ?? initiative;

/** A line's place among its period's or requisition's lines. */
const lineKeyOf = (l: BundleMoneyLine & { periodKey?: string }) =>
  [l.periodKey ?? "", l.category, l.source, l.organisation ?? "", l.coKind ?? ""].join("|");

/** Lines that name an organisation that is not a member, or the same place twice. */
function checkLines(
  ctx: Context,
  lines: ReadonlyArray<BundleMoneyLine & { periodKey?: string }>,
  at: string,
  add: Add,
  same: string,
) {
  const keys = lines.map(lineKeyOf);
  lines.forEach((l, k) => {
    if (l.organisation && !ctx.orgId.has(l.organisation))
      add(`${at}[${k}].organisation`, unknownOrg(l.organisation));
    const first = keys.indexOf(keys[k] ?? "");
    if (first !== k)
      add(
        `${at}[${k}]`,
        `Raden gäller samma ${same} som ${at}[${first}]. Lägg ihop beloppen på en rad.`,
      );
  });
}

const lineRow = (ctx: Context, l: BundleMoneyLine) => ({
  category: l.category,
  source: l.source,
  organisationId: l.organisation ? (ctx.orgId.get(l.organisation) ?? null) : null,
  coKind: l.coKind,
  amount: l.amount,
});

// ------------------------------------------------------------------------------------------
// The normal band

async function importFinanceSettings(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  input: BundleFinanceSettings,
): Promise<ImportOutcome | "absent"> {
  if (!input) return "absent";
  const [current] = await tx
    .select()
    .from(financeSettings)
    .where(eq(financeSettings.associationId, associationId));
  if (
    current &&
    current.ratioLowPercent === input.ratioLowPercent &&
    current.ratioHighPercent === input.ratioHighPercent
  )
    return "unchanged";
  await saveFinanceBand(tx, actor, associationId, current?.version ?? 0, {
    low: input.ratioLowPercent,
    high: input.ratioHighPercent,
  }).catch((error) => {
    if (!(error instanceof ValidationError)) throw error;
    const field = (f: string) =>
      f === "low" ? "ratioLowPercent" : f === "high" ? "ratioHighPercent" : f;
    throw new ValidationError(
      Object.fromEntries(
        Object.entries(error.fields).map(([f, message]) => [
          `financeSettings.${field(f)}`,
          `financeSettings.${field(f)}: ${message}`,
        ]),
      ),
    );
  });
  return current ? "updated" : "created";
}

// ------------------------------------------------------------------------------------------
// Allocated funds per year

interface FundingYearPlan {
  year: number;
  values: Omit<BundleFundingYear, "year" | "shares">;
  shares: Array<{ organisationId: string; keyValue: number | null }>;
  outcome: ImportOutcome;
  storedVersion: number;
  audit: Record<string, unknown>;
}

const KIND_PLURAL: Record<(typeof KEYED_KINDS)[number], string> = {
  region: "regionernas",
  kommun: "kommunernas",
};

async function planFundingYears(
  tx: Tx,
  ctx: Context,
  problems: Problems,
  list: BundleFundingYear[],
): Promise<FundingYearPlan[]> {
  if (!list.length) return [];
  const stored = await tx
    .select()
    .from(fundingYears)
    .where(eq(fundingYears.associationId, ctx.associationId));
  const storedShares = await tx
    .select()
    .from(fundingShares)
    .where(eq(fundingShares.associationId, ctx.associationId));
  const plans: FundingYearPlan[] = [];
  for (const [i, y] of list.entries()) {
    const add = problems.at(`fundingYears[${i}]`, ` (förbundets medel ${y.year})`);
    const first = list.findIndex((x) => x.year === y.year);
    if (first !== i) add("year", `Året ${y.year} finns redan i fundingYears[${first}].`);
    if (y.note.length > 2000) add("note", "Anteckningen får ha högst 2 000 tecken.");
    y.shares.forEach((s, k) => {
      const at = `shares[${k}].organisation`;
      const kind = ctx.orgKind.get(s.organisation);
      const firstOf = y.shares.findIndex((x) => x.organisation === s.organisation);
      if (!kind) add(at, unknownOrg(s.organisation));
      else if (!(KEYED_KINDS as readonly string[]).includes(kind))
        add(at, "Nyckel kan bara anges för förbundets regioner och kommuner.");
      else if (firstOf !== k) add(at, `Organisationen finns redan i shares[${firstOf}].`);
    });
    for (const kind of KEYED_KINDS) {
      const group = y.shares
        .map((s, k) => ({ s, k }))
        .filter(({ s }) => ctx.orgKind.get(s.organisation) === kind);
      if (group.some(({ s }) => s.keyValue !== null))
        for (const { s, k } of group)
          if (s.keyValue === null)
            add(
              `shares[${k}].keyValue`,
              `Ange nyckeln för ${ctx.orgName.get(s.organisation) ?? s.organisation} också, eller null för alla ${KIND_PLURAL[kind]} nycklar (lika delar).`,
            );
    }
    const { year, shares, ...values } = y;
    const row = stored.find((r) => r.year === year);
    const wantedShares = shares
      .map((s) => ({ organisation: s.organisation, keyValue: s.keyValue }))
      .sort((a, b) => (a.organisation < b.organisation ? -1 : 1));
    const storedNow = row
      ? {
          values: {
            totalAllocation: row.totalAllocation,
            equityOpening: row.equityOpening,
            adminBudget: row.adminBudget,
            adminOutcome: row.adminOutcome,
            note: row.note,
          },
          shares: storedShares
            .filter((s) => s.year === year)
            .map((s) => ({ organisation: ctx.orgNumberOf(s.organisationId), keyValue: s.keyValue }))
            .sort((a, b) => (a.organisation < b.organisation ? -1 : 1)),
        }
      : undefined;
    const outcome: ImportOutcome = !storedNow
      ? "created"
      : isDeepStrictEqual(storedNow, { values, shares: wantedShares })
        ? "unchanged"
        : "updated";
    plans.push({
      year,
      values,
      shares: shares.map((s) => ({
        organisationId: ctx.orgId.get(s.organisation) ?? "",
        keyValue: s.keyValue,
      })),
      outcome,
      storedVersion: row?.version ?? 0,
      audit: {
        year,
        ...values,
        keys: Object.fromEntries(
          shares.map((s) => [ctx.orgName.get(s.organisation) ?? s.organisation, s.keyValue]),
        ),
      },
    });
  }
  return plans;
}

async function writeFundingYears(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  plans: FundingYearPlan[],
): Promise<ImportCounts> {
  const result = counts();
  for (const plan of plans) {
    result[plan.outcome]++;
    if (plan.outcome === "unchanged") continue;
    const where = and(
      eq(fundingYears.associationId, associationId),
      eq(fundingYears.year, plan.year),
    );
    if (plan.outcome === "created")
      await tx
        .insert(fundingYears)
        .values({ associationId, year: plan.year, ...plan.values, version: 1 });
    else
      await tx
        .update(fundingYears)
        .set({ ...plan.values, version: plan.storedVersion + 1, updatedAt: new Date() })
        .where(where);
    await tx
      .delete(fundingShares)
      .where(
        and(eq(fundingShares.associationId, associationId), eq(fundingShares.year, plan.year)),
      );
    if (plan.shares.length)
      await tx
        .insert(fundingShares)
        .values(plan.shares.map((s) => ({ associationId, year: plan.year, ...s })));
    await recordAuditEvent(tx, actor, {
      action: "funding_year.imported",
      associationId,
      targetType: "funding_year",
      targetId: `${associationId}:${plan.year}`,
      details: { ...plan.audit, outcome: plan.outcome },
    });
  }
  return result;
}

// ------------------------------------------------------------------------------------------
// Budgets

interface BudgetPlan {
  initiativeId: string;
  exists: boolean;
  /** The stored version in force, which becomes "ersatt" when versions are added. */
  currentId: string | null;
  versions: BundleBudgetVersion[];
}

/** A version without its status: a stored version in force is "ersatt" in a newer file. */
const withoutStatus = ({ status: _, ...rest }: BundleBudgetVersion) => ({
  ...rest,
  lines: [...rest.lines].sort(byBudgetLine),
});

async function planBudgets(
  tx: Tx,
  ctx: Context,
  problems: Problems,
  bundle: Bundle,
): Promise<BudgetPlan[]> {
  const list = bundle.initiativeBudgets;
  if (!list.length) return [];
  const ids = [...new Set(list.map((b) => b.initiative))];
  const stored = await tx
    .select()
    .from(initiativeBudgets)
    .where(inArray(initiativeBudgets.initiativeId, ids))
    .orderBy(asc(initiativeBudgets.budgetVersion));
  const storedLines = stored.length
    ? await tx
        .select()
        .from(initiativeBudgetLines)
        .where(
          inArray(
            initiativeBudgetLines.budgetId,
            stored.map((s) => s.id),
          ),
        )
    : [];
  const reportKeys = [
    ...new Set(list.flatMap((b) => b.versions.flatMap((v) => v.deviationReport ?? []))),
  ];
  const reports = reportKeys.length
    ? await tx
        .select({
          id: deviationReports.id,
          associationId: deviationReports.associationId,
          initiativeId: deviationReports.initiativeId,
          status: deviationReports.status,
          request: deviationReports.request,
        })
        .from(deviationReports)
        .where(inArray(deviationReports.id, reportKeys))
    : [];
  const used = reportKeys.length
    ? await tx
        .select({
          initiativeId: initiativeBudgets.initiativeId,
          version: initiativeBudgets.budgetVersion,
          deviationReportId: initiativeBudgets.deviationReportId,
        })
        .from(initiativeBudgets)
        .where(inArray(initiativeBudgets.deviationReportId, reportKeys))
    : [];
  const firstUse = new Map<string, string>();

  const plans: BudgetPlan[] = [];
  for (const [i, b] of list.entries()) {
    const add = problems.at(
      `initiativeBudgets[${i}]`,
      ` (budgeten, insatsen "${initiativeName(ctx, b.initiative)}")`,
    );
    const first = list.findIndex((x) => x.initiative === b.initiative);
    if (first !== i)
      add("initiative", `Insatsen har redan en budget i initiativeBudgets[${first}].`);
    checkInitiative(ctx, b.initiative, add);
    const last = b.versions.length - 1;
    b.versions.forEach((v, j) => {
      const at = `versions[${j}]`;
      if (v.version !== j + 1)
        add(`${at}.version`, "Versionerna ska vara numrerade 1, 2, 3 … i ordning.");
      if (j === last && v.status !== "gallande")
        add(`${at}.status`, "Den sista versionen är den som gäller: ange status gallande.");
      if (j !== last && v.status !== "ersatt")
        add(
          `${at}.status`,
          "Bara den sista versionen gäller; de före den är ersatta: ange ersatt.",
        );
      if (!v.actorName.trim()) add(`${at}.actorName`, "Ange vem som sparade versionen.");
      const report = v.deviationReport;
      if (v.kind === "omfordelning" && !report)
        add(
          `${at}.deviationReport`,
          "En omfördelning görs efter en godkänd avvikelserapport: ange rapportens nyckel.",
        );
      if (v.kind !== "omfordelning" && report)
        add(
          `${at}.deviationReport`,
          `Bara en omfördelning (kind omfordelning) pekar ut en avvikelserapport. Ange null för ${v.kind}.`,
        );
      if (v.kind === "omfordelning" && report) {
        const found = reports.find((r) => r.id === report);
        const earlier = firstUse.get(report);
        const storedUse = used.find(
          (u) =>
            u.deviationReportId === report &&
            !(u.initiativeId === b.initiative && u.version === v.version),
        );
        if (!found || found.associationId !== ctx.associationId)
          add(
            `${at}.deviationReport`,
            "Avvikelserapporten finns varken i filen (deviationReports) eller i förbundet.",
          );
        else if (found.initiativeId !== b.initiative)
          add(`${at}.deviationReport`, "Avvikelserapporten hör till en annan insats än budgeten.");
        else if (found.status !== "godkand" || found.request !== "flytta_medel")
          add(
            `${at}.deviationReport`,
            "Avvikelserapporten är inte en godkänd begäran att flytta medel. En omfördelning kräver ett sådant beslut.",
          );
        else if (earlier)
          add(
            `${at}.deviationReport`,
            `Avvikelserapporten används redan för omfördelningen i ${earlier}. En rapport tillåter en omfördelning.`,
          );
        else if (storedUse)
          add(
            `${at}.deviationReport`,
            `Avvikelserapporten har redan använts för en omfördelning här (version ${storedUse.version} av en budget). En rapport tillåter en omfördelning.`,
          );
        if (!earlier) firstUse.set(report, `initiativeBudgets[${i}].versions[${j}]`);
      }
      checkLines(ctx, v.lines, `${at}.lines`, add, "period, kostnadsslag och källa");
    });

    const mine =
      ctx.initiativeById.get(b.initiative)?.associationId === ctx.associationId
        ? stored.filter((s) => s.initiativeId === b.initiative)
        : [];
    if (mine.length > b.versions.length)
      add(
        "versions",
        `Budgeten har ${mine.length} versioner här men ${b.versions.length} i filen. ${NOT_REWRITTEN}`,
      );
    for (const [j, s] of mine.entries()) {
      const theirs = b.versions[j];
      if (!theirs) break;
      const here = withoutStatus(
        budgetVersionOf(
          s,
          storedLines.filter((l) => l.budgetId === s.id),
          ctx.orgNumberOf,
        ),
      );
      const there = withoutStatus(theirs);
      if (isDeepStrictEqual(here, there)) continue;
      if (!isDeepStrictEqual(here.lines, there.lines))
        add(
          `versions[${j}].lines`,
          `Raderna i version ${s.budgetVersion} av budgeten skiljer sig från dem som finns här. En budgetversion ändras aldrig; en ändring är en ny version. ${NOT_REWRITTEN}`,
        );
      else
        add(
          `versions[${j}]`,
          `Version ${s.budgetVersion} av budgeten skiljer sig från den som finns här. ${NOT_REWRITTEN}`,
        );
      break;
    }
    plans.push({
      initiativeId: b.initiative,
      exists: mine.length > 0,
      currentId: mine.find((s) => s.status === "gallande")?.id ?? null,
      versions: b.versions.slice(mine.length),
    });
  }
  return plans;
}

async function writeBudgets(
  tx: Tx,
  actor: AuditActor,
  ctx: Context,
  plans: BudgetPlan[],
): Promise<ImportCounts> {
  const result = counts();
  for (const plan of plans) {
    if (!plan.versions.length) {
      result.unchanged++;
      continue;
    }
    // in order, as the app writes them: the version in force is superseded, then the next
    if (plan.currentId)
      await tx
        .update(initiativeBudgets)
        .set({ status: "ersatt" })
        .where(eq(initiativeBudgets.id, plan.currentId));
    for (const v of plan.versions) {
      const [created] = await tx
        .insert(initiativeBudgets)
        .values({
          associationId: ctx.associationId,
          initiativeId: plan.initiativeId,
          budgetVersion: v.version,
          status: v.status,
          kind: v.kind,
          reason: v.reason,
          deviationReportId: v.deviationReport,
          createdBy: null,
          createdByName: v.actorName,
          createdAt: new Date(v.createdAt),
        })
        .returning({ id: initiativeBudgets.id });
      if (!created) throw new Error("budget version not inserted");
      if (v.lines.length)
        await tx.insert(initiativeBudgetLines).values(
          v.lines.map((l) => ({
            budgetId: created.id,
            periodKey: l.periodKey,
            year: Number(l.periodKey.slice(0, 4)),
            ...lineRow(ctx, l),
          })),
        );
    }
    const last = plan.versions.at(-1);
    const totals = lineTotals(last?.lines ?? []);
    await recordAuditEvent(tx, actor, {
      action: "budget.imported",
      associationId: ctx.associationId,
      targetType: "initiative",
      targetId: plan.initiativeId,
      details: {
        outcome: plan.exists ? "updated" : "created",
        versionsAdded: plan.versions.map((v) => v.version),
        budgetVersion: last?.version ?? null,
        total: totals.total,
        association: totals.association,
        coFinancing: totals.coFinancing,
      },
    });
    result[plan.exists ? "updated" : "created"]++;
  }
  return result;
}

// ------------------------------------------------------------------------------------------
// Requisitions

interface RequisitionPlan {
  id: string;
  initiativeId: string;
  periodKey: string;
  outcome: ImportOutcome;
  row: Omit<typeof requisitions.$inferInsert, "id" | "associationId" | "initiativeId">;
  lines: ReturnType<typeof lineRow>[];
  replaceLines: boolean;
  attachments: Array<{
    id: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    uploadedAt: Date;
    data: Buffer;
  }>;
  /** Stored attachments the file no longer holds: removed, as the history added says. */
  removeAttachments: string[];
  keptAttachments: number;
  events: BundleRequisitionEvent[];
}

/** What the last event must show: the requisition as it is now. */
const nowShown = (r: BundleRequisition) => ({
  status: r.status,
  note: r.note,
  returnReason: r.returnReason,
  paymentStatus: r.paymentStatus,
  paidOn: r.paidOn,
  attachments: r.attachments.length,
  lines: [...r.lines].sort(byLine),
});

const SUBMITTED = new Set(["inskickad", "aterskickad", "godkand"]);

function requisitionRules(r: BundleRequisition, add: Add) {
  const period = periodOfKey(r.periodKey);
  if (period && (period.start !== r.periodStart || period.end !== r.periodEnd))
    add(
      "periodStart",
      `Perioden ${r.periodKey} går från ${period.start} till ${period.end}. Ange de datumen i periodStart och periodEnd.`,
    );
  if (r.status === "godkand" && !r.approvedAt)
    add("approvedAt", "En godkänd rekvisition har en tidpunkt då den godkändes.");
  if (r.status !== "godkand" && r.approvedAt)
    add(
      "approvedAt",
      `Bara en godkänd rekvisition har approvedAt. Ange null för status ${r.status}.`,
    );
  if (r.paymentStatus === "betald" && !r.paidOn)
    add("paidOn", "En betald rekvisition har en utbetalningsdag: ange paidOn.");
  if (r.paymentStatus !== "betald" && r.paidOn)
    add(
      "paidOn",
      'Bara en betald rekvisition har paidOn. Ange null, eller "paymentStatus": "betald".',
    );
  if (r.paymentStatus === "betald" && r.status !== "godkand")
    add("paymentStatus", "Bara en godkänd rekvisition kan vara betald.");
  if (SUBMITTED.has(r.status) && !r.submittedAt)
    add("submittedAt", `En rekvisition med status ${r.status} har skickats in: ange submittedAt.`);
  if (r.status === "aterskickad" && !r.returnReason?.trim())
    add("returnReason", "En återskickad rekvisition har ett skäl: ange returnReason.");
  if (r.updatedAt < r.createdAt) add("updatedAt", "Kan inte vara före createdAt.");
  r.events.forEach((e, j) => {
    const at = `events[${j}]`;
    if (!e.actorName.trim()) add(`${at}.actorName`, "Ange vem som gjorde det.");
    const before = r.events[j - 1];
    if (before && before.createdAt > e.createdAt)
      add(`${at}.createdAt`, "Händelserna ska stå i tidsordning, den äldsta först.");
    const totals = lineTotals(e.snapshot.lines);
    const { total, association, coFinancing } = e.snapshot.totals;
    if (
      total !== totals.total ||
      association !== totals.association ||
      coFinancing !== totals.coFinancing
    )
      add(
        `${at}.snapshot.totals`,
        `Summorna stämmer inte med raderna. Enligt raderna är total ${totals.total}, association ${totals.association} och coFinancing ${totals.coFinancing}.`,
      );
  });
  const last = r.events.at(-1);
  if (last) {
    const { version: _v, totals: _t, ...shown } = last.snapshot;
    if (!isDeepStrictEqual({ ...shown, lines: [...shown.lines].sort(byLine) }, nowShown(r)))
      add(
        `events[${r.events.length - 1}].snapshot`,
        "Den sista händelsen ska visa rekvisitionen som den är nu: samma status, kommentar, skäl, utbetalning, rader och antal bilagor.",
      );
  }
}

async function planRequisitions(
  tx: Tx,
  ctx: Context,
  problems: Problems,
  list: BundleRequisition[],
): Promise<RequisitionPlan[]> {
  if (!list.length) return [];
  const keys = list.map((r) => r.key);
  const stored = await tx
    .select()
    .from(requisitions)
    .where(inArray(requisitions.id, keys))
    .for("update");
  const ours = stored.filter((s) => s.associationId === ctx.associationId).map((s) => s.id);
  const periods = await tx
    .select({
      id: requisitions.id,
      initiativeId: requisitions.initiativeId,
      periodKey: requisitions.periodKey,
    })
    .from(requisitions)
    .where(inArray(requisitions.initiativeId, [...new Set(list.map((r) => r.initiative))]));
  const storedLines = ours.length
    ? await tx.select().from(requisitionLines).where(inArray(requisitionLines.requisitionId, ours))
    : [];
  const storedEvents = ours.length
    ? await tx
        .select()
        .from(requisitionEvents)
        .where(inArray(requisitionEvents.requisitionId, ours))
    : [];
  const files = list.flatMap((r, i) => r.attachments.map((a, k) => ({ r, i, a, k })));
  const fileKeys = files.map((x) => x.a.key);
  const storedFiles = ours.length
    ? await tx
        .select({
          id: requisitionAttachments.id,
          requisitionId: requisitionAttachments.requisitionId,
        })
        .from(requisitionAttachments)
        .where(inArray(requisitionAttachments.requisitionId, ours))
    : [];
  const storedByKey = fileKeys.length
    ? await tx
        .select({
          id: requisitionAttachments.id,
          requisitionId: requisitionAttachments.requisitionId,
          fileName: requisitionAttachments.fileName,
          sha256: requisitionAttachments.sha256,
        })
        .from(requisitionAttachments)
        .where(inArray(requisitionAttachments.id, fileKeys))
    : [];

  const plans: RequisitionPlan[] = [];
  for (const [i, r] of list.entries()) {
    const add = problems.at(
      `requisitions[${i}]`,
      ` (rekvisitionen för ${r.periodKey}, insatsen "${initiativeName(ctx, r.initiative)}")`,
    );
    const first = keys.indexOf(r.key);
    if (first !== i) add("key", `Nyckeln finns redan i requisitions[${first}].`);
    checkInitiative(ctx, r.initiative, add);
    const existing = stored.find((s) => s.id === r.key);
    if (existing && existing.associationId !== ctx.associationId)
      add("key", "Nyckeln används redan av en rekvisition i ett annat förbund.");
    else if (existing && existing.initiativeId !== r.initiative)
      add("initiative", "Rekvisitionen finns redan här och hör till en annan insats än i filen.");
    const samePeriod = list.findIndex(
      (x) => x.initiative === r.initiative && x.periodKey === r.periodKey,
    );
    if (samePeriod !== i)
      add(
        "periodKey",
        `Insatsen har redan en rekvisition för ${r.periodKey} i requisitions[${samePeriod}].`,
      );
    else if (
      periods.some(
        (p) => p.initiativeId === r.initiative && p.periodKey === r.periodKey && p.id !== r.key,
      )
    )
      add(
        "periodKey",
        `Insatsen har redan en rekvisition för ${r.periodKey} här, med en annan nyckel. En period har en rekvisition.`,
      );
    requisitionRules(r, add);
    checkLines(ctx, r.lines, "lines", add, "kostnadsslag och källa");
    for (const [j, e] of r.events.entries())
      e.snapshot.lines.forEach((l, k) => {
        if (l.organisation && !ctx.orgId.has(l.organisation))
          add(`events[${j}].snapshot.lines[${k}].organisation`, unknownOrg(l.organisation));
      });
    r.attachments.forEach((a, k) => {
      const at = `attachments[${k}].key`;
      const firstKey = fileKeys.indexOf(a.key);
      const mine = files.findIndex((x) => x.a === a);
      if (firstKey !== mine) {
        const other = files[firstKey];
        add(at, `Nyckeln finns redan i requisitions[${other?.i}].attachments[${other?.k}].`);
      }
      const here = storedByKey.find((s) => s.id === a.key);
      if (
        here &&
        (here.requisitionId !== r.key || here.sha256 !== a.sha256 || here.fileName !== a.fileName)
      )
        add(
          at,
          "Bilagan finns redan här, med ett annat innehåll eller i en annan rekvisition. En bilaga ändras aldrig: ge en ny bilaga en ny nyckel.",
        );
    });

    const ourExisting =
      existing && existing.associationId === ctx.associationId ? existing : undefined;
    const wanted = {
      periodKey: r.periodKey,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      status: r.status,
      note: r.note,
      submittedAt: r.submittedAt,
      returnReason: r.returnReason,
      approvedAt: r.approvedAt,
      paymentStatus: r.paymentStatus,
      paidOn: r.paidOn,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      lines: [...r.lines].sort(byLine),
      attachments: r.attachments.map((a) => a.key).sort(),
    };
    const mineFiles = storedFiles.filter((f) => f.requisitionId === r.key);
    let addedFrom = 0;
    let outcome: ImportOutcome = "created";
    if (ourExisting) {
      const history = storedEvents
        .filter((e) => e.requisitionId === r.key)
        .map((e) => eventOf(e, ctx.orgNumberOf))
        .sort(byEvent);
      let historyDiffers = history.length > r.events.length;
      if (historyDiffers)
        add(
          "events",
          `Rekvisitionen har ${history.length} händelser här men ${r.events.length} i filen. ${NOT_REWRITTEN}`,
        );
      for (const [j, e] of history.entries()) {
        const theirs = r.events[j];
        if (!theirs) break;
        if (!isDeepStrictEqual(e, { ...theirs, snapshot: sortedSnapshot(theirs) })) {
          add(
            `events[${j}]`,
            `Händelse ${j + 1} i rekvisitionens historik skiljer sig från den som finns här. ${NOT_REWRITTEN}`,
          );
          historyDiffers = true;
          break;
        }
      }
      addedFrom = history.length;
      const storedNow = {
        ...requisitionFieldsOf(ourExisting),
        lines: storedLines
          .filter((l) => l.requisitionId === r.key)
          .map((l) => moneyLineOf(l, ctx.orgNumberOf))
          .sort(byLine),
        attachments: mineFiles.map((f) => f.id).sort(),
      };
      const same = isDeepStrictEqual(storedNow, wanted);
      for (const f of ["createdAt", "periodKey", "periodStart", "periodEnd"] as const)
        if (storedNow[f] !== wanted[f])
          add(
            f,
            `Rekvisitionen har ${f} ${storedNow[f]} här, och det ändras aldrig. ${NOT_REWRITTEN}`,
          );
      if (!same && !historyDiffers && addedFrom >= r.events.length)
        add(
          "status",
          "Rekvisitionens uppgifter skiljer sig från dem som finns här, men historiken är densamma. Ändra inte en exporterad rekvisition för hand; varje ändring är en ny händelse.",
        );
      const settled = ["status", "note", "submittedAt", "approvedAt", "lines"] as const;
      if (
        !same &&
        ourExisting.status === "godkand" &&
        (settled.some((f) => !isDeepStrictEqual(storedNow[f], wanted[f])) ||
          !isDeepStrictEqual(storedNow.attachments, wanted.attachments) ||
          (ourExisting.paymentStatus === "betald" &&
            (storedNow.paymentStatus !== wanted.paymentStatus ||
              storedNow.paidOn !== wanted.paidOn)))
      )
        add(
          "status",
          "Rekvisitionen är godkänd här. En godkänd rekvisition ändras inte; bara utbetalningen kan tillkomma.",
        );
      outcome = same && addedFrom >= r.events.length ? "unchanged" : "updated";
    }
    const lastVersion = r.events.at(-1)?.snapshot.version ?? 1;
    const newFiles = r.attachments.filter((a) => !mineFiles.some((f) => f.id === a.key));
    plans.push({
      id: r.key,
      initiativeId: r.initiative,
      periodKey: r.periodKey,
      outcome,
      row: {
        periodKey: r.periodKey,
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        status: r.status,
        note: r.note,
        submittedAt: r.submittedAt ? new Date(r.submittedAt) : null,
        returnReason: r.returnReason,
        approvedAt: r.approvedAt ? new Date(r.approvedAt) : null,
        paymentStatus: r.paymentStatus,
        paidOn: r.paidOn,
        createdAt: new Date(r.createdAt),
        updatedAt: new Date(r.updatedAt),
        version: ourExisting ? Math.max(ourExisting.version + 1, lastVersion) : lastVersion,
      },
      lines: r.lines.map((l) => lineRow(ctx, l)),
      replaceLines: !!ourExisting,
      attachments: newFiles.map((a) => ({
        id: a.key,
        fileName: a.fileName,
        mediaType: a.mediaType,
        sizeBytes: a.sizeBytes,
        sha256: a.sha256,
        uploadedAt: new Date(a.uploadedAt),
        data: Buffer.from(a.dataBase64, "base64"),
      })),
      removeAttachments: mineFiles
        .filter((f) => !r.attachments.some((a) => a.key === f.id))
        .map((f) => f.id),
      keptAttachments: r.attachments.length - newFiles.length,
      events: r.events.slice(addedFrom),
    });
  }
  return plans;
}

const sortedSnapshot = (e: BundleRequisitionEvent) => ({
  ...e.snapshot,
  lines: [...e.snapshot.lines].sort(byLine),
});

async function writeRequisitions(
  tx: Tx,
  actor: AuditActor,
  ctx: Context,
  plans: RequisitionPlan[],
): Promise<{ requisitions: ImportCounts; attachments: ImportCounts }> {
  const result = counts();
  const files = counts();
  for (const plan of plans) {
    files.unchanged += plan.keptAttachments;
    result[plan.outcome]++;
    if (plan.outcome === "unchanged") continue;
    if (plan.outcome === "created")
      await tx.insert(requisitions).values({
        id: plan.id,
        associationId: ctx.associationId,
        initiativeId: plan.initiativeId,
        ...plan.row,
        approvedBy: null,
        createdBy: null,
      });
    else {
      const { createdAt: _, ...changed } = plan.row;
      await tx.update(requisitions).set(changed).where(eq(requisitions.id, plan.id));
    }
    if (plan.replaceLines)
      await tx.delete(requisitionLines).where(eq(requisitionLines.requisitionId, plan.id));
    if (plan.lines.length)
      await tx
        .insert(requisitionLines)
        .values(plan.lines.map((l) => ({ requisitionId: plan.id, ...l })));
    if (plan.removeAttachments.length)
      await tx
        .delete(requisitionAttachments)
        .where(inArray(requisitionAttachments.id, plan.removeAttachments));
    for (const a of plan.attachments) {
      await tx
        .insert(requisitionAttachments)
        .values({ ...a, requisitionId: plan.id, uploadedBy: null });
      await recordAuditEvent(tx, actor, {
        action: "requisition.attachment_imported",
        associationId: ctx.associationId,
        targetType: "requisition_attachment",
        targetId: a.id,
        details: {
          requisitionId: plan.id,
          initiativeId: plan.initiativeId,
          periodKey: plan.periodKey,
          fileName: a.fileName,
          mediaType: a.mediaType,
          sizeBytes: a.sizeBytes,
          sha256: a.sha256,
        },
      });
      files.created++;
    }
    if (plan.events.length)
      await tx.insert(requisitionEvents).values(
        plan.events.map((e) => ({
          requisitionId: plan.id,
          event: e.event,
          note: e.note,
          // as requisitions.ts keeps it, with the organisations of this instance
          snapshot: {
            status: e.snapshot.status,
            version: e.snapshot.version,
            note: e.snapshot.note,
            returnReason: e.snapshot.returnReason,
            paymentStatus: e.snapshot.paymentStatus,
            paidOn: e.snapshot.paidOn,
            attachments: e.snapshot.attachments,
            lines: e.snapshot.lines.map((l) => lineRow(ctx, l)),
            totals: { ...e.snapshot.totals },
          },
          actorUserId: null,
          actorName: e.actorName,
          createdAt: new Date(e.createdAt),
        })),
      );
    const totals = lineTotals(plan.lines);
    await recordAuditEvent(tx, actor, {
      action: "requisition.imported",
      associationId: ctx.associationId,
      targetType: "requisition",
      targetId: plan.id,
      details: {
        initiativeId: plan.initiativeId,
        periodKey: plan.periodKey,
        status: plan.row.status,
        paymentStatus: plan.row.paymentStatus,
        outcome: plan.outcome,
        eventsAdded: plan.events.length,
        attachmentsAdded: plan.attachments.length,
        attachmentsRemoved: plan.removeAttachments,
        total: totals.total,
        association: totals.association,
      },
    });
  }
  return { requisitions: result, attachments: files };
}

// ------------------------------------------------------------------------------------------
// Returned funds

async function planReturnedFunds(
  tx: Tx,
  ctx: Context,
  problems: Problems,
  list: Bundle["returnedFunds"],
): Promise<{ created: Bundle["returnedFunds"]; unchanged: number }> {
  if (!list.length) return { created: [], unchanged: 0 };
  const keys = list.map((r) => r.key);
  const stored = await tx.select().from(returnedFunds).where(inArray(returnedFunds.id, keys));
  const today = todayInSweden();
  const created: Bundle["returnedFunds"] = [];
  let unchanged = 0;
  for (const [i, r] of list.entries()) {
    const add = problems.at(
      `returnedFunds[${i}]`,
      ` (återförda medel, insatsen "${initiativeName(ctx, r.initiative)}")`,
    );
    const first = keys.indexOf(r.key);
    if (first !== i) add("key", `Nyckeln finns redan i returnedFunds[${first}].`);
    checkInitiative(ctx, r.initiative, add);
    const reason = r.reason.trim();
    if (!reason)
      add("reason", "Skriv varför medlen återförs, till exempel en vakans under perioden.");
    else if (reason.length > 2000) add("reason", "Orsaken får ha högst 2 000 tecken.");
    const returnedYear = Number(r.returnedOn.slice(0, 4));
    if (r.year > returnedYear)
      add(
        "year",
        `Året medlen avser kan inte vara senare än året de kom tillbaka (${returnedYear}).`,
      );
    if (r.returnedOn > today)
      add(
        "returnedOn",
        `Datumet får inte vara i framtiden. Ange dagen medlen kom tillbaka, senast ${today}.`,
      );
    if (!r.actorName.trim()) add("actorName", "Ange vem som registrerade posten.");
    const existing = stored.find((s) => s.id === r.key);
    if (!existing) {
      created.push(r);
      continue;
    }
    if (existing.associationId !== ctx.associationId)
      add("key", "Nyckeln används redan av återförda medel i ett annat förbund.");
    else if (!isDeepStrictEqual(returnedFundsOf(existing), r))
      add(
        "key",
        "Posten finns redan här, med andra uppgifter. Återförda medel ändras aldrig i efterhand: en ny post får en ny nyckel.",
      );
    else unchanged++;
  }
  return { created, unchanged };
}

async function writeReturnedFunds(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  plan: { created: Bundle["returnedFunds"]; unchanged: number },
): Promise<ImportCounts> {
  for (const r of plan.created) {
    await tx.insert(returnedFunds).values({
      id: r.key,
      associationId,
      initiativeId: r.initiative,
      year: r.year,
      amount: r.amount,
      reason: r.reason,
      returnedOn: r.returnedOn,
      createdBy: null,
      createdByName: r.actorName,
      createdAt: new Date(r.createdAt),
    });
    await recordAuditEvent(tx, actor, {
      action: "returned_funds.imported",
      associationId,
      targetType: "initiative",
      targetId: r.initiative,
      details: {
        returnedFundsId: r.key,
        amount: r.amount,
        year: r.year,
        returnedOn: r.returnedOn,
        reason: r.reason,
      },
    });
  }
  return { created: plan.created.length, updated: 0, unchanged: plan.unchanged };
}

// ------------------------------------------------------------------------------------------
// The office's prognoses

async function planPrognosisOverrides(
  tx: Tx,
  ctx: Context,
  problems: Problems,
  list: BundlePrognosisOverride[],
): Promise<{ created: BundlePrognosisOverride[]; unchanged: number }> {
  if (!list.length) return { created: [], unchanged: 0 };
  const about = (o: BundlePrognosisOverride) =>
    ` (prognosen för ${o.periodKey}, insatsen "${initiativeName(ctx, o.initiative)}")`;
  list.forEach((o, i) => {
    const add = problems.at(`prognosisOverrides[${i}]`, about(o));
    checkInitiative(ctx, o.initiative, add);
    if (!o.comment.trim())
      add("comment", "Skriv varför prognosen är en annan än den föreslagna. Kommentaren krävs.");
    if (!o.actorName.trim()) add("actorName", "Ange vem som satte prognosen.");
  });
  const ids = [...new Set(list.map((o) => o.initiative))].filter(
    (id) => ctx.initiativeById.get(id)?.associationId === ctx.associationId,
  );
  const stored = ids.length
    ? await tx
        .select()
        .from(prognosisOverrides)
        .where(inArray(prognosisOverrides.initiativeId, ids))
    : [];
  const created: BundlePrognosisOverride[] = [];
  let unchanged = 0;
  for (const initiative of new Set(list.map((o) => o.initiative))) {
    const group = list
      .map((o, i) => ({ o, i }))
      .filter(({ o }) => o.initiative === initiative)
      .sort((a, b) => byOverride(a.o, b.o));
    const history = stored
      .filter((s) => s.initiativeId === initiative)
      .map(prognosisOverrideOf)
      .sort(byOverride);
    const head = group[0];
    if (!head) continue;
    if (history.length > group.length)
      problems.at(`prognosisOverrides[${head.i}]`, about(head.o))(
        "",
        `Insatsen har ${history.length} prognoser här men ${group.length} i filen. ${NOT_REWRITTEN}`,
      );
    for (const [j, h] of history.entries()) {
      const theirs = group[j];
      if (!theirs) break;
      if (!isDeepStrictEqual(h, theirs.o)) {
        problems.at(`prognosisOverrides[${theirs.i}]`, about(theirs.o))(
          "",
          `Prognosen skiljer sig från insatsens prognoshistorik här (prognos ${j + 1} i tidsordning). ${NOT_REWRITTEN}`,
        );
        break;
      }
    }
    unchanged += Math.min(history.length, group.length);
    created.push(...group.slice(history.length).map(({ o }) => o));
  }
  return { created, unchanged };
}

async function writePrognosisOverrides(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  plan: { created: BundlePrognosisOverride[]; unchanged: number },
): Promise<ImportCounts> {
  for (const o of plan.created) {
    await tx.insert(prognosisOverrides).values({
      associationId,
      initiativeId: o.initiative,
      periodKey: o.periodKey,
      prognosis: o.prognosis,
      comment: o.comment,
      setBy: null,
      setByName: o.actorName,
      setAt: new Date(o.setAt),
    });
    await recordAuditEvent(tx, actor, {
      action: "prognosis.imported",
      associationId,
      targetType: "initiative",
      targetId: o.initiative,
      details: {
        periodKey: o.periodKey,
        prognosis: o.prognosis,
        comment: o.comment,
        setAt: o.setAt,
      },
    });
  }
  return { created: plan.created.length, updated: 0, unchanged: plan.unchanged };
}

// ------------------------------------------------------------------------------------------

/**
 * Imports the money of a bundle into the association, in the caller's transaction (after its
 * initiatives, applications and reports). Refuses with every problem at its place in the file;
 * the caller's transaction then writes nothing at all.
 */
export async function importMoney(
  tx: Tx,
  actor: AuditActor,
  associationId: string,
  bundle: Bundle,
): Promise<MoneyResult> {
  const settings = await importFinanceSettings(tx, actor, associationId, bundle.financeSettings);
  const ctx = await contextOf(tx, associationId, bundle);
  const problems = new Problems();
  const years = await planFundingYears(tx, ctx, problems, bundle.fundingYears);
  const budgets = await planBudgets(tx, ctx, problems, bundle);
  const reqs = await planRequisitions(tx, ctx, problems, bundle.requisitions);
  const returned = await planReturnedFunds(tx, ctx, problems, bundle.returnedFunds);
  const overrides = await planPrognosisOverrides(tx, ctx, problems, bundle.prognosisOverrides);
  problems.throwIfAny();

  const written = await writeRequisitions(tx, actor, ctx, reqs);
  return {
    financeSettings: settings,
    fundingYears: await writeFundingYears(tx, actor, associationId, years),
    initiativeBudgets: await writeBudgets(tx, actor, ctx, budgets),
    requisitions: written.requisitions,
    requisitionAttachments: written.attachments,
    returnedFunds: await writeReturnedFunds(tx, actor, associationId, returned),
    prognosisOverrides: await writePrognosisOverrides(tx, actor, associationId, overrides),
  };
}

/** Whether the money part of an import changed anything. */
export const moneyChanged = (r: MoneyResult) =>
  r.financeSettings === "created" ||
  r.financeSettings === "updated" ||
  [
    r.fundingYears,
    r.initiativeBudgets,
    r.requisitions,
    r.requisitionAttachments,
    r.returnedFunds,
    r.prognosisOverrides,
  ].some((c) => c.created + c.updated > 0);
