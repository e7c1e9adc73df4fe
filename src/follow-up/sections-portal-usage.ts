// The participant portal's section of the follow-up report (issue 9): for every calendar month of
// the period, the participants of the report's individual initiatives who logged in to the portal
// (kvinnor / män / totalt, of whom new and returning) and the bookings made, kept, missed and
// cancelled, with the period's bookings. Every figure comes from the portal's usage figures
// (src/portal/usage.ts portalUsage), which have passed disclosure control there with the
// report's threshold: this module only picks the figures the report shows. They share no sum
// with tables 6–8 (people who logged in are not enrollments), so the whole-report audit does not
// take them in; the section says for itself how many of its figures are hidden.
import type { Db } from "../platform/database/connect.ts";
import { MAX_MONTHS, type PortalUsage, portalUsage } from "../portal/usage.ts";
import type { PortalUsageSection } from "./model.ts";

export const NO_INDIVIDUAL_TEXT =
  "Inga individinriktade insatser under perioden, så det finns ingen användning av deltagarportalen att redovisa.";

/** The period's months ("ÅÅÅÅ-MM"), at most the last 60 (portal/usage.ts MAX_MONTHS). */
export function usageMonths(period: { from: string; to: string }): { from: string; to: string } {
  const from = period.from.slice(0, 7);
  const to = period.to.slice(0, 7);
  const [year, month] = to.split("-").map(Number) as [number, number];
  const earliest = new Date(Date.UTC(year, month - 1 - (MAX_MONTHS - 1), 1));
  const limit = `${earliest.getUTCFullYear()}-${String(earliest.getUTCMonth() + 1).padStart(2, "0")}`;
  return { from: from < limit ? limit : from, to };
}

/** The section from the protected usage figures. */
export function portalUsageSection(usage: PortalUsage | null): PortalUsageSection {
  if (!usage)
    return {
      rows: [],
      bookingsTotal: {
        made: { value: 0 },
        kept: { value: 0 },
        missed: { value: 0 },
        cancelled: { value: 0 },
      },
      disclosureReasons: [],
      noneText: NO_INDIVIDUAL_TEXT,
    };
  const [logged, fresh, returning] = usage.people;
  return {
    rows: usage.months.map((m, i) => {
      const l = logged.rows[i];
      const b = usage.bookings.rows[i];
      if (!l || !b) throw new Error(`portalens användning saknar månaden ${m.month}`);
      return {
        month: m.month,
        label: m.label,
        women: l.kvinnor,
        men: l.man,
        total: l.totalt,
        new: (fresh.rows[i] ?? l).totalt,
        returning: (returning.rows[i] ?? l).totalt,
        bookingsMade: b.made,
        bookingsKept: b.kept,
        bookingsMissed: b.missed,
        bookingsCancelled: b.cancelled,
      };
    }),
    bookingsTotal: { ...usage.bookings.total },
    disclosureReasons: [...usage.disclosure.reasons],
    noneText: null,
  };
}

/** Reads and protects the usage of the report's individual initiatives in its period. */
export async function loadPortalUsageSection(
  db: Db,
  associationId: string,
  input: {
    period: { from: string; to: string };
    initiativeIds: readonly string[];
    threshold: number;
    allowTrueZero: boolean;
  },
): Promise<PortalUsageSection> {
  if (input.initiativeIds.length === 0) return portalUsageSection(null);
  const months = usageMonths(input.period);
  const usage = await portalUsage(db, associationId, {
    ...months,
    initiativeIds: input.initiativeIds,
    threshold: input.threshold,
    allowTrueZero: input.allowTrueZero,
  });
  return portalUsageSection(usage);
}
