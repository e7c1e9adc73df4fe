// The participant portal's usage figures (issue 9; domain/portal.md): per calendar month of a
// period, how many participants logged in (kvinnor / män / totalt), of whom new and returning,
// and how many bookings were made, kept, missed and cancelled — for one initiative (the staff
// page) or several together (the follow-up report).
//
// WHERE IT IS COUNTED. Sign-ins, bookings and genders are register data (ADR 0011): they are
// read inside the register zone with a scope covering the initiatives and their owners — the
// statistics path, like src/register/aggregates.ts — and only protected aggregates leave it. The
// facts read carry no participant id out of the transaction: the database counts, and what is
// returned holds protected cells only (never a raw count, an id or a personnummer).
//
// HOW IT IS PROTECTED (src/register/disclosure.ts, the association's own threshold). The counts
// that hang together are protected in one table each, so no hidden figure can be worked out from
// another table:
// - each month: rows new / returning, columns kvinnor / män / other genders (hidden: they count
//   in totalt only, as everywhere in the register), with row totals (new totalt, returning
//   totalt), column totals (logged in kvinnor, män) and the grand total (logged in totalt).
//   Months are not added up (a person who logs in in two months is one person in each), so the
//   months are tables of their own;
// There is no "whole period" count of people: the people of the period are not the sum of the
// months' people, and such a figure, protected on its own, could give away a figure a month's
// table hides (a period with one month of sign-ins has the same people as that month).
// - bookings: months × made / kept / missed / cancelled with the period's totals. Bookings are
//   counted, not people; they are protected like people all the same (a count of 1–4 bookings
//   may be one person's).
// A margin protectTable had to leave out is shown as ".." (left_out) like in the register's
// statistics.
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDisclosureSettings } from "../associations/disclosure-settings.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Db } from "../platform/database/connect.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { TIME_ZONE } from "../platform/i18n/format.ts";
import { DEFAULT_LOCALE, intlLocaleOf, isLocale, type Locale } from "../platform/i18n/locales.ts";
import { createTranslator } from "../platform/i18n/translate.ts";
import { UUID } from "../platform/uuid.ts";
import {
  type DisclosureOptions,
  type DisclosureSummary,
  formatProtected,
  type ProtectedCell,
  type ProtectedTable,
  protectTable,
  summarizeDisclosure,
} from "../register/disclosure.ts";
import { inRegister } from "../register/zone.ts";

/** A published count: its value, "< 5" (primary), ".." (secondary), or a left-out total (".."). */
export type UsageCell =
  | ProtectedCell
  | { readonly suppressed: "left_out"; readonly threshold: number };

export interface UsageGenderCells {
  readonly kvinnor: UsageCell;
  readonly man: UsageCell;
  /** Everyone: kvinnor, män, annan, vill ej ange and uppgift saknas. */
  readonly totalt: UsageCell;
}

/** One month: "2026-03" and its name ("mars 2026"). */
export interface UsageMonth {
  readonly month: string;
  readonly label: string;
}

export interface PeopleRow extends UsageMonth, UsageGenderCells {}

export interface PeopleTable {
  readonly key: "inloggade" | "nya" | "aterkommande";
  readonly title: string;
  readonly definition: string;
  readonly rows: readonly PeopleRow[];
}

export interface BookingCells {
  readonly made: UsageCell;
  readonly kept: UsageCell;
  readonly missed: UsageCell;
  readonly cancelled: UsageCell;
}

export interface BookingRow extends UsageMonth, BookingCells {}

export interface PortalUsage {
  /** The months, "ÅÅÅÅ-MM", both included. */
  readonly period: { readonly from: string; readonly to: string };
  readonly months: readonly UsageMonth[];
  readonly threshold: number;
  readonly allowTrueZero: boolean;
  /** How the gender columns are to be read. */
  readonly genderNote: string;
  /** Logged in, new and returning: one row per month. */
  readonly people: readonly [PeopleTable, PeopleTable, PeopleTable];
  readonly bookings: {
    readonly title: string;
    readonly definition: string;
    /** What each column counts. */
    readonly columns: { readonly [k in keyof BookingCells]: { label: string; definition: string } };
    readonly rows: readonly BookingRow[];
    /** The whole period (the sum of the months). */
    readonly total: BookingCells;
  };
  /** How many figures are not shown and why (never which values). */
  readonly disclosure: DisclosureSummary;
  /** Totals left out because a table could not show them (shown ".."). */
  readonly leftOut: number;
}

export interface UsageOptions {
  /** The first and last month, "ÅÅÅÅ-MM". */
  readonly from: string;
  readonly to: string;
  /** The initiatives counted together (one for the staff page; the follow-up passes several). */
  readonly initiativeIds: readonly string[];
  /** Other disclosure options than the association's own (tests; the follow-up passes its own). */
  readonly threshold?: number;
  readonly allowTrueZero?: boolean;
  /** "sv" (default) or "en": labels, definitions and reasons. */
  readonly locale?: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** At most this many months at once (five years). */
export const MAX_MONTHS = 60;

/** The months from `from` to `to`, both included ("ÅÅÅÅ-MM"). */
export function monthsBetween(from: string, to: string): string[] {
  const a = MONTH.exec(from);
  const b = MONTH.exec(to);
  if (!a || !b) return [];
  const months: string[] = [];
  let year = Number(a[1]);
  let month = Number(a[2]);
  const endKey = Number(b[1]) * 12 + Number(b[2]);
  while (year * 12 + month <= endKey && months.length <= MAX_MONTHS) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month++;
    if (month === 13) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** What is wrong with a month range, per field ("from", "to"), as codes; empty when nothing. */
export type MonthRangeProblem = "format" | "order" | "tooLong";

export function monthRangeProblems(
  from: string,
  to: string,
): Partial<Record<"from" | "to", MonthRangeProblem>> {
  const problems: Partial<Record<"from" | "to", MonthRangeProblem>> = {};
  if (!MONTH.test(from)) problems.from = "format";
  if (!MONTH.test(to)) problems.to = "format";
  if (problems.from || problems.to) return problems;
  if (from > to) problems.to = "order";
  else if (monthsBetween(from, to).length > MAX_MONTHS) problems.to = "tooLong";
  return problems;
}

const PROBLEM_TEXT: Record<"from" | "to", Record<MonthRangeProblem, string>> = {
  from: {
    format: "Ange första månaden som ÅÅÅÅ-MM, till exempel 2026-01.",
    order: "",
    tooLong: "",
  },
  to: {
    format: "Ange sista månaden som ÅÅÅÅ-MM, till exempel 2026-12.",
    order: "Sista månaden kan inte vara före den första. Byt plats på månaderna.",
    tooLong: `Välj högst ${MAX_MONTHS} månader åt gången.`,
  },
};

/** Checks a month range; throws ValidationError with Swedish messages naming the field. */
export function checkMonthRange(from: string, to: string): void {
  const problems = monthRangeProblems(from, to);
  const fields: Record<string, string> = {};
  for (const field of ["from", "to"] as const) {
    const problem = problems[field];
    if (problem) fields[field] = PROBLEM_TEXT[field][problem];
  }
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

/** "mars 2026" / "March 2026". */
export function monthLabel(month: string, locale: string = DEFAULT_LOCALE): string {
  const [year, m] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(intlLocaleOf(locale), {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year ?? 2000, (m ?? 1) - 1, 15)));
}

// ---------------------------------------------------------------------------------------------
// Raw counts (inside this module only; portalUsage returns protected cells)

/** Counts by gender: kvinnor, män, everybody else. */
type Genders = [number, number, number];

export interface UsageCounts {
  /** Month → new people, returning people (by gender). */
  readonly months: ReadonlyMap<string, { readonly fresh: Genders; readonly returning: Genders }>;
  /** Month → bookings made, kept, missed, cancelled. */
  readonly bookings: ReadonlyMap<string, readonly [number, number, number, number]>;
}

const genderIndex = (gender: string): 0 | 1 | 2 =>
  gender === "kvinna" ? 0 : gender === "man" ? 1 : 2;

/** The month of an instant in Swedish time, as SQL. */
const monthOf = (column: ReturnType<typeof sql>) =>
  sql`to_char(${column} at time zone ${TIME_ZONE}, 'YYYY-MM')`;

/**
 * Counts inside the register zone. The database groups and counts: no participant id leaves
 * the query, only months, genders and numbers.
 */
async function countUsage(
  db: Db,
  associationId: string,
  owners: readonly { id: string; ownerId: string }[],
  months: readonly string[],
): Promise<UsageCounts> {
  const ids = owners.map((o) => o.id);
  const controllers = [...new Set(owners.map((o) => o.ownerId))];
  const first = months[0] as string;
  const last = months[months.length - 1] as string;
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return inRegister(db, { controllers, initiatives: ids }, async (tx) => {
    // per month and person: whether this is the month of the person's first sign-in ever (on
    // the initiatives counted), then counted by month, new or not, and gender
    const signIns = await tx.execute<{ month: string; fresh: boolean; gender: string; n: number }>(
      sql`with s as (
            select participant_id, ${monthOf(sql`at`)} as month
            from register.portal_sign_ins
            where association_id = ${associationId} and initiative_id in (${idList})
          ),
          firsts as (select participant_id, min(month) as first_month from s group by 1),
          per_month as (
            select distinct s.participant_id, s.month, (s.month = f.first_month) as fresh
            from s join firsts f using (participant_id)
            where s.month between ${first} and ${last}
          )
          select pm.month, pm.fresh, p.gender, count(*)::int as n
          from per_month pm join register.participants p on p.id = pm.participant_id
          group by 1, 2, 3`,
    );
    const bookingRows = await tx.execute<{ month: string; what: string; n: number }>(
      sql`select month, what, count(*)::int as n from (
            select ${monthOf(sql`created_at`)} as month, 'made' as what
              from register.bookings
              where association_id = ${associationId} and initiative_id in (${idList})
            union all
            select ${monthOf(sql`starts_at`)}, case status when 'genomford' then 'kept' else 'missed' end
              from register.bookings
              where association_id = ${associationId} and initiative_id in (${idList})
                and status in ('genomford', 'uteblev')
            union all
            select ${monthOf(sql`coalesce(cancelled_at, created_at)`)}, 'cancelled'
              from register.bookings
              where association_id = ${associationId} and initiative_id in (${idList})
                and status = 'avbokad'
          ) b
          where month between ${first} and ${last}
          group by 1, 2`,
    );
    const byMonth = new Map(
      months.map((m) => [m, { fresh: [0, 0, 0] as Genders, returning: [0, 0, 0] as Genders }]),
    );
    for (const r of signIns.rows) {
      const entry = byMonth.get(r.month);
      if (!entry) continue;
      (r.fresh ? entry.fresh : entry.returning)[genderIndex(r.gender)] += Number(r.n);
    }
    const bookings = new Map(
      months.map((m) => [m, [0, 0, 0, 0] as [number, number, number, number]]),
    );
    const column = { made: 0, kept: 1, missed: 2, cancelled: 3 } as const;
    for (const r of bookingRows.rows) {
      const entry = bookings.get(r.month);
      const j = column[r.what as keyof typeof column];
      if (entry && j !== undefined) entry[j] += Number(r.n);
    }
    return { months: byMonth, bookings };
  });
}

// ---------------------------------------------------------------------------------------------
// Protection

const LEFT = (threshold: number): UsageCell => ({ suppressed: "left_out", threshold });

/** Protects the counts (see the top of the file) and names every table in `locale`. */
export function protectUsage(
  counts: UsageCounts,
  months: readonly string[],
  options: Required<DisclosureOptions> & { locale?: string },
): Omit<PortalUsage, "period"> {
  const locale: Locale = isLocale(options.locale) ? options.locale : DEFAULT_LOCALE;
  const t = createTranslator(locale);
  const disclosure = { threshold: options.threshold, allowTrueZero: options.allowTrueZero };
  const tables: ProtectedTable[] = [];
  let leftOut = 0;
  const cell = (c: ProtectedCell | undefined): UsageCell => {
    if (c) return c;
    leftOut++;
    return LEFT(options.threshold);
  };
  const labelled = months.map((month) => ({ month, label: monthLabel(month, locale) }));
  const logged: PeopleRow[] = [];
  const fresh: PeopleRow[] = [];
  const returning: PeopleRow[] = [];
  for (const m of labelled) {
    const c = counts.months.get(m.month) ?? { fresh: [0, 0, 0], returning: [0, 0, 0] };
    const table = protectTable(
      {
        cells: [[...c.fresh], [...c.returning]],
        show: { rowTotals: true, columnTotals: true, grandTotal: true },
        hiddenColumns: [2],
      },
      disclosure,
    );
    tables.push(table);
    const row = (i: number): PeopleRow => ({
      ...m,
      kvinnor: cell(table.cells[i]?.[0]),
      man: cell(table.cells[i]?.[1]),
      totalt: cell(table.rowTotals?.[i]),
    });
    fresh.push(row(0));
    returning.push(row(1));
    logged.push({
      ...m,
      kvinnor: cell(table.columnTotals?.[0]),
      man: cell(table.columnTotals?.[1]),
      totalt: cell(table.grandTotal),
    });
  }
  const bookingTable = protectTable(
    {
      cells: months.map((m) => [...(counts.bookings.get(m) ?? [0, 0, 0, 0])]),
      show: { columnTotals: true },
    },
    disclosure,
  );
  tables.push(bookingTable);
  const bookingCells = (cells: readonly (ProtectedCell | undefined)[]): BookingCells => ({
    made: cell(cells[0]),
    kept: cell(cells[1]),
    missed: cell(cells[2]),
    cancelled: cell(cells[3]),
  });
  const people = (key: PeopleTable["key"], rows: PeopleRow[]): PeopleTable => ({
    key,
    title: t(`portalStaff.usage.table.${key}.title`),
    definition: t(`portalStaff.usage.table.${key}.definition`),
    rows,
  });
  const column = (key: keyof BookingCells) => ({
    label: t(`portalStaff.usage.bookings.${key}`),
    definition: t(`portalStaff.usage.bookings.${key}.definition`),
  });
  const summary = summarizeDisclosure(tables, disclosure, locale);
  const reasons = [...summary.reasons];
  if (leftOut > 0) reasons.push(t("portalStaff.usage.leftOut", { count: leftOut }));
  return {
    months: labelled,
    threshold: options.threshold,
    allowTrueZero: options.allowTrueZero,
    genderNote: t("portalStaff.usage.genderNote"),
    people: [people("inloggade", logged), people("nya", fresh), people("aterkommande", returning)],
    bookings: {
      title: t("portalStaff.usage.bookings.title"),
      definition: t("portalStaff.usage.bookings.definition"),
      columns: {
        made: column("made"),
        kept: column("kept"),
        missed: column("missed"),
        cancelled: column("cancelled"),
      },
      rows: labelled.map((m, i) => ({ ...m, ...bookingCells(bookingTable.cells[i] ?? []) })),
      total: bookingCells(bookingTable.columnTotals ?? []),
    },
    disclosure: { ...summary, reasons },
    leftOut,
  };
}

/** A usage cell as text: a number, "< 5", or ".." (secondary or a left-out total). */
export function formatUsage(cell: UsageCell, locale: string = DEFAULT_LOCALE): string {
  if ("suppressed" in cell && cell.suppressed === "left_out") return "..";
  return formatProtected(cell as ProtectedCell, locale);
}

/**
 * The portal's usage for a month range and one or more initiatives of the association, after
 * disclosure control with the association's own threshold (unless the caller names one).
 * Throws ValidationError for a bad month range and NotFoundError for an initiative that is not
 * the association's.
 */
export async function portalUsage(
  db: Db,
  associationId: string,
  options: UsageOptions,
): Promise<PortalUsage> {
  checkMonthRange(options.from, options.to);
  const months = monthsBetween(options.from, options.to);
  const wanted = [...new Set(options.initiativeIds)];
  const valid = wanted.filter((id) => UUID.test(id));
  const owners =
    valid.length === 0
      ? []
      : await db
          .select({ id: initiatives.id, ownerId: initiatives.ownerOrganisationId })
          .from(initiatives)
          .where(and(eq(initiatives.associationId, associationId), inArray(initiatives.id, valid)));
  if (owners.length !== wanted.length) {
    throw new NotFoundError("Insatsen finns inte i förbundet. Kontrollera insatsens id.");
  }
  const own =
    options.threshold === undefined || options.allowTrueZero === undefined
      ? await getDisclosureSettings(db, associationId)
      : undefined;
  const threshold = options.threshold ?? (own?.threshold as number);
  const allowTrueZero = options.allowTrueZero ?? (own?.allowTrueZero as boolean);
  const counts =
    owners.length === 0
      ? { months: new Map(), bookings: new Map() }
      : await countUsage(db, associationId, owners, months);
  return {
    period: { from: options.from, to: options.to },
    ...protectUsage(counts, months, { threshold, allowTrueZero, locale: options.locale }),
  };
}
