// Test fixtures of the money tests: an association with its members and initiatives, and
// budgets and requisitions written straight into the tables (their schema is fixed; the budget
// and requisition use cases have tests of their own). Only the tests import this file.
import { and, eq } from "drizzle-orm";
import type { BudgetCategory, CoFinancingKind } from "../applications/content.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import type { Orientation } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { periodOfKey } from "./periods.ts";
import {
  type FundingSource,
  initiativeBudgetLines,
  initiativeBudgets,
  type RequisitionStatus,
  requisitionLines,
  requisitions,
} from "./schema.ts";

export const fixtureActor = { userId: null, label: "test" };

export interface FixtureLine {
  category?: BudgetCategory;
  source?: FundingSource;
  organisationId?: string | null;
  coKind?: CoFinancingKind | null;
  amount: number;
}

/** An association with Försäkringskassan, Arbetsförmedlingen, a region and three municipalities. */
export async function moneyAssociation(q: Queryable, slug: string) {
  const association = await createAssociation(q, fixtureActor, { slug, name: `Förbund ${slug}` });
  const org = async (name: string, orgNumber: string, kind: string) =>
    (await addMemberOrganisation(q, fixtureActor, association.id, { name, orgNumber, kind })).id;
  const orgs = {
    fk: await org("Försäkringskassan", "202100-5521", "forsakringskassan"),
    af: await org("Arbetsförmedlingen", "202100-2114", "arbetsformedlingen"),
    region: await org("Region Uppsala", "232100-0024", "region"),
    uppsala: await org("Uppsala kommun", "212000-3005", "kommun"),
    tierp: await org("Tierps kommun", "212000-0274", "kommun"),
    heby: await org("Heby kommun", "212000-0332", "kommun"),
  };
  return { associationId: association.id, orgs };
}

export async function moneyInitiative(
  q: Queryable,
  associationId: string,
  owner: string,
  partner: string,
  name: string,
  o: {
    orientation?: Orientation;
    status?: "pagaende" | "avslutad";
    startDate?: string;
    endDate?: string;
    targetGroup?: string;
    expectedParticipants?: number;
  } = {},
): Promise<string> {
  const saved = await createInitiative(q, fixtureActor, associationId, {
    name,
    ownerOrganisationId: owner,
    partnerIds: [partner],
    status: o.status ?? "pagaende",
    orientation: o.orientation ?? "individual",
    preRehabilitation: false,
    esf: false,
    startDate: o.startDate ?? "2025-01-01",
    endDate: o.endDate ?? "2027-12-31",
    targetGroup: o.targetGroup ?? "Unga vuxna 18–29 år",
    ...(o.expectedParticipants === undefined
      ? {}
      : { expectedParticipants: o.expectedParticipants }),
    expectedParticipantsOngoing: false,
    goals: [],
    localUnits: [],
  });
  return saved.id;
}

const lineValues = (l: FixtureLine) => ({
  category: l.category ?? "personal",
  source: l.source ?? "forbund",
  organisationId: l.source === "medfinansiering" ? (l.organisationId ?? null) : null,
  coKind: l.source === "medfinansiering" ? (l.coKind ?? "pengar") : null,
  amount: l.amount,
});

/** A new current budget version with lines per period; the previous one becomes "ersatt". */
export async function writeBudget(
  q: Queryable,
  associationId: string,
  initiativeId: string,
  periods: Record<string, FixtureLine[]>,
): Promise<string> {
  return q.transaction(async (tx) => {
    const previous = await tx
      .select({ id: initiativeBudgets.id, version: initiativeBudgets.budgetVersion })
      .from(initiativeBudgets)
      .where(eq(initiativeBudgets.initiativeId, initiativeId));
    await tx
      .update(initiativeBudgets)
      .set({ status: "ersatt" })
      .where(
        and(
          eq(initiativeBudgets.initiativeId, initiativeId),
          eq(initiativeBudgets.status, "gallande"),
        ),
      );
    const [budget] = await tx
      .insert(initiativeBudgets)
      .values({
        associationId,
        initiativeId,
        budgetVersion: previous.length + 1,
        kind: previous.length ? "revision" : "beslut",
        createdByName: "test",
      })
      .returning({ id: initiativeBudgets.id });
    if (!budget) throw new Error("budget not stored");
    const rows = Object.entries(periods).flatMap(([periodKey, lines]) =>
      lines.map((l) => ({
        budgetId: budget.id,
        periodKey,
        year: Number(periodKey.slice(0, 4)),
        ...lineValues(l),
      })),
    );
    if (rows.length) await tx.insert(initiativeBudgetLines).values(rows);
    return budget.id;
  });
}

/** A requisition of a period in a status; an approved one has its approval time (and payment). */
export async function writeRequisition(
  q: Queryable,
  associationId: string,
  initiativeId: string,
  periodKey: string,
  status: RequisitionStatus,
  lines: FixtureLine[],
  o: { paidOn?: string } = {},
): Promise<string> {
  const period = periodOfKey(periodKey);
  if (!period) throw new Error(`no period ${periodKey}`);
  const [row] = await q
    .insert(requisitions)
    .values({
      associationId,
      initiativeId,
      periodKey,
      periodStart: period.start,
      periodEnd: period.end,
      status,
      submittedAt: status === "utkast" ? null : new Date(`${period.end}T12:00:00Z`),
      approvedAt: status === "godkand" ? new Date(`${period.end}T12:00:00Z`) : null,
      paymentStatus: o.paidOn ? "betald" : "ej_betald",
      paidOn: o.paidOn ?? null,
    })
    .returning({ id: requisitions.id });
  if (!row) throw new Error("requisition not stored");
  if (lines.length)
    await q
      .insert(requisitionLines)
      .values(lines.map((l) => ({ requisitionId: row.id, ...lineValues(l) })));
  return row.id;
}
