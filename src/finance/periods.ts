// An initiative's money periods are the association's reporting periods (reports/calendar.ts)
// that overlap the initiative's dates: budgets, requisitions and outcome are kept per period so
// that they line up with the periodic reports.
import { eq } from "drizzle-orm";
import { initiatives } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { NotFoundError } from "../platform/errors.ts";
import {
  getReportingSettings,
  periodContaining,
  periodsBetween,
  type ReportingPeriod,
} from "../reports/calendar.ts";

export interface InitiativeDates {
  id: string;
  associationId: string;
  name: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
}

export async function initiativeDates(
  q: Queryable,
  associationId: string,
  initiativeId: string,
): Promise<InitiativeDates> {
  const [row] = await q
    .select({
      id: initiatives.id,
      associationId: initiatives.associationId,
      name: initiatives.name,
      status: initiatives.status,
      startDate: initiatives.startDate,
      endDate: initiatives.endDate,
    })
    .from(initiatives)
    .where(eq(initiatives.id, initiativeId));
  if (!row || row.associationId !== associationId) throw new NotFoundError("Insatsen finns inte.");
  return row;
}

/**
 * The reporting periods overlapping the initiative's dates, in order; empty for an initiative
 * without a start and an end date (no budget can be laid out for it yet).
 */
export async function initiativePeriods(
  q: Queryable,
  initiative: InitiativeDates,
): Promise<ReportingPeriod[]> {
  if (!initiative.startDate || !initiative.endDate) return [];
  const settings = await getReportingSettings(q, initiative.associationId);
  return periodsBetween(
    settings.cadence,
    initiative.startDate,
    initiative.endDate,
    settings.dueMonthsAfter,
  );
}

/** "2026-K1" → 2026. */
export const yearOfPeriod = (periodKey: string): number => Number(periodKey.slice(0, 4));

/** The period a key names ("2026-K2", "2026-T3"), or undefined for anything else. */
export function periodOfKey(periodKey: string, dueMonthsAfter = 1): ReportingPeriod | undefined {
  const match = /^(\d{4})-([KT])([1-4])$/.exec(periodKey);
  if (!match) return undefined;
  const quarter = match[2] === "K";
  const index = Number(match[3]);
  if (!quarter && index > 3) return undefined;
  const month = (index - 1) * (quarter ? 3 : 4) + 1;
  return periodContaining(
    quarter ? "quarter" : "tertial",
    `${match[1]}-${String(month).padStart(2, "0")}-01`,
    dueMonthsAfter,
  );
}
