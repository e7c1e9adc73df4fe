// Återförda medel (domain/finance.md): unspent money an initiative returns to the association,
// with the reason (usually a vacancy). Recorded by the office; it adds to the association's
// equity of the year it concerns (association-money.ts). Never changed or removed afterwards:
// a mistake is corrected by the office in the ledger, not by rewriting history here.
import { and, desc, eq } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { isoDate } from "../initiatives/validate-initiative.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { parseKronor } from "../platform/money.ts";
import { actorName } from "../reports/report-versions.ts";
import { initiativeDates } from "./periods.ts";
import { returnedFunds } from "./schema.ts";

export interface ReturnedFunds {
  id: string;
  initiativeId: string;
  year: number;
  amount: number;
  reason: string;
  returnedOn: string;
  createdByName: string;
  createdAt: Date;
}

export interface ReturnedFundsInput {
  amount: string | number | null | undefined;
  reason: string | null | undefined;
  /** The day the money came back, ÅÅÅÅ-MM-DD; not in the future. */
  returnedOn: string | null | undefined;
  /** The year the money concerns; the year of `returnedOn` when empty. */
  year?: string | number | null | undefined;
}

/**
 * Records returned funds of an initiative. Refused with the field named: an amount that is not
 * whole kronor above 0, a missing reason, a date that is not a date or is in the future, a year
 * after the date's year or before the initiative began.
 */
export async function recordReturnedFunds(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  initiativeId: string,
  input: ReturnedFundsInput,
  options: { today?: string } = {},
): Promise<ReturnedFunds> {
  const initiative = await initiativeDates(q, associationId, initiativeId);
  const today = options.today ?? todayInSweden();
  const problems: Record<string, string> = {};
  const amount = parseKronor(input.amount);
  if (amount === null) problems.amount = "Fyll i beloppet som betalades tillbaka, i hela kronor.";
  else if (amount === "invalid")
    problems.amount =
      "Skriv beloppet i hela kronor med siffror, till exempel 45 000. Minusbelopp går inte.";
  else if (amount === 0) problems.amount = "Beloppet ska vara större än 0 kr.";
  const reason = (input.reason ?? "").trim();
  if (!reason)
    problems.reason = "Skriv varför medlen återförs, till exempel en vakans under perioden.";
  else if (reason.length > 2000) problems.reason = "Orsaken får ha högst 2 000 tecken.";
  const day = isoDate(input.returnedOn ?? "");
  if (day === null) problems.returnedOn = "Fyll i dagen medlen kom tillbaka, som ÅÅÅÅ-MM-DD.";
  else if (day === "invalid")
    problems.returnedOn = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-15.";
  else if (day > today)
    problems.returnedOn = `Datumet får inte vara i framtiden. Ange dagen medlen kom tillbaka, senast ${today}.`;
  const yearText = String(input.year ?? "").trim();
  let year = typeof day === "string" ? Number(day.slice(0, 4)) : Number.NaN;
  if (yearText) {
    year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    const startYear = initiative.startDate ? Number(initiative.startDate.slice(0, 4)) : 2000;
    if (!Number.isInteger(year))
      problems.year = "Skriv året som medlen avser med fyra siffror, till exempel 2026.";
    else if (typeof day === "string" && year > Number(day.slice(0, 4)))
      problems.year = `Året medlen avser kan inte vara senare än året de kom tillbaka (${day.slice(0, 4)}).`;
    else if (year < startYear)
      problems.year = `Insatsen började ${startYear}. Ange ett år från och med ${startYear}.`;
  }
  if (
    Object.keys(problems).length ||
    typeof amount !== "number" ||
    typeof day !== "string" ||
    !Number.isInteger(year)
  )
    throw new ValidationError(problems);
  return q.transaction(async (tx) => {
    const [row] = await tx
      .insert(returnedFunds)
      .values({
        associationId,
        initiativeId,
        year,
        amount,
        reason,
        returnedOn: day,
        createdBy: actor.userId,
        createdByName: await actorName(tx, actor),
      })
      .returning();
    if (!row) throw new Error("returned funds not stored");
    await recordAuditEvent(tx, actor, {
      action: "returned_funds.recorded",
      associationId,
      targetType: "initiative",
      targetId: initiativeId,
      details: { amount, year, returnedOn: day, reason },
    });
    return toReturnedFunds(row);
  });
}

const toReturnedFunds = (r: typeof returnedFunds.$inferSelect): ReturnedFunds => ({
  id: r.id,
  initiativeId: r.initiativeId,
  year: r.year,
  amount: r.amount,
  reason: r.reason,
  returnedOn: r.returnedOn,
  createdByName: r.createdByName,
  createdAt: r.createdAt,
});

/** Returned funds of an association, of one initiative and/or one year; newest first. */
export async function listReturnedFunds(
  q: Queryable,
  associationId: string,
  filter: { initiativeId?: string; year?: number } = {},
): Promise<ReturnedFunds[]> {
  const rows = await q
    .select()
    .from(returnedFunds)
    .where(
      and(
        eq(returnedFunds.associationId, associationId),
        ...(filter.initiativeId ? [eq(returnedFunds.initiativeId, filter.initiativeId)] : []),
        ...(filter.year !== undefined ? [eq(returnedFunds.year, filter.year)] : []),
      ),
    )
    .orderBy(desc(returnedFunds.returnedOn), desc(returnedFunds.createdAt));
  return rows.map(toReturnedFunds);
}
