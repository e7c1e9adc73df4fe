// The reporting calendar: quarters (K1–K4) or tertials (T1–T3), each report due a number of
// months after its period (one by default). Periodic reports are created for every initiative
// that is running in a period once the period has begun, so nobody has to create them.
import { and, eq, inArray } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { initiatives } from "../initiatives/schema.ts";
import { isoDate } from "../initiatives/validate-initiative.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import { emptyPeriodicContent, emptySteeringAnalysis } from "./periodic-report-content.ts";
import { writeReportVersion } from "./report-versions.ts";
import { CADENCES, type Cadence, periodicReports, reportingSettings } from "./schema.ts";

export interface ReportingPeriod {
  key: string;
  label: string;
  start: string;
  end: string;
  due: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The date `months` months after the end of the month of `iso` (an end-of-month date). */
export function monthsAfterEnd(iso: string, months: number): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7)) + months;
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${y}-${pad(m)}-${pad(lastDay(y, m))}`;
}

/** The reporting period of a cadence that contains `iso`. */
export function periodContaining(cadence: Cadence, iso: string, dueMonthsAfter = 1) {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const size = cadence === "quarter" ? 3 : 4;
  const index = Math.floor((month - 1) / size);
  return period(cadence, year, index, dueMonthsAfter);
}

function period(cadence: Cadence, year: number, index: number, dueMonthsAfter: number) {
  const size = cadence === "quarter" ? 3 : 4;
  const first = index * size + 1;
  const lastMonth = first + size - 1;
  const end = `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}`;
  const letter = cadence === "quarter" ? "K" : "T";
  return {
    key: `${year}-${letter}${index + 1}`,
    label: `${cadence === "quarter" ? "Kvartal" : "Tertial"} ${index + 1} ${year}`,
    start: `${year}-${pad(first)}-01`,
    end,
    due: monthsAfterEnd(end, dueMonthsAfter),
  } satisfies ReportingPeriod;
}

/** Every period of a cadence that overlaps [from, to], in order. */
export function periodsBetween(
  cadence: Cadence,
  from: string,
  to: string,
  dueMonthsAfter = 1,
): ReportingPeriod[] {
  const out: ReportingPeriod[] = [];
  let p = periodContaining(cadence, from, dueMonthsAfter);
  while (p.start <= to) {
    out.push(p);
    const next = monthsAfterEnd(p.end, 1);
    p = periodContaining(cadence, `${next.slice(0, 7)}-01`, dueMonthsAfter);
  }
  return out;
}

export interface ReportingSettings {
  cadence: Cadence;
  dueMonthsAfter: number;
  remindDaysBefore: number;
  followUpPeriods: Array<"halfyear" | "year" | "tertial" | "quarter">;
  /** Reports are created for periods that start on or after this date; null: no limit. */
  reportsFrom: string | null;
  version: number;
}

export async function getReportingSettings(
  q: Queryable,
  associationId: string,
): Promise<ReportingSettings> {
  const [row] = await q
    .select()
    .from(reportingSettings)
    .where(eq(reportingSettings.associationId, associationId));
  return row
    ? {
        cadence: row.cadence,
        dueMonthsAfter: row.dueMonthsAfter,
        remindDaysBefore: row.remindDaysBefore,
        followUpPeriods: row.followUpPeriods,
        reportsFrom: row.reportsFrom,
        version: row.version,
      }
    : {
        cadence: "quarter",
        dueMonthsAfter: 1,
        remindDaysBefore: 7,
        followUpPeriods: ["halfyear", "year"],
        reportsFrom: null,
        version: 0,
      };
}

const FOLLOW_UP = ["halfyear", "year", "tertial", "quarter"] as const;

export async function saveReportingSettings(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  expectedVersion: number,
  input: {
    cadence: string;
    dueMonthsAfter: string | number;
    remindDaysBefore: string | number;
    followUpPeriods: string[];
    /** "YYYY-MM-DD" or empty for no limit; left unchanged when absent. */
    reportsFrom?: string;
  },
): Promise<ReportingSettings> {
  const problems: Record<string, string> = {};
  if (!(CADENCES as readonly string[]).includes(input.cadence))
    problems.cadence = "Välj kvartal eller tertial.";
  const due = Number(String(input.dueMonthsAfter).trim());
  if (!Number.isInteger(due) || due < 0 || due > 6)
    problems.dueMonthsAfter = "Ange antal månader efter perioden som ett heltal mellan 0 och 6.";
  const remind = Number(String(input.remindDaysBefore).trim());
  if (!Number.isInteger(remind) || remind < 0 || remind > 60)
    problems.remindDaysBefore = "Ange antal dagar som ett heltal mellan 0 och 60.";
  const followUp = [...new Set(input.followUpPeriods)].filter((p) =>
    (FOLLOW_UP as readonly string[]).includes(p),
  ) as ReportingSettings["followUpPeriods"];
  if (!followUp.length) problems.followUpPeriods = "Välj minst en uppföljningsperiod.";
  const from = isoDate(input.reportsFrom);
  if (from === "invalid")
    problems.reportsFrom =
      "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2025-01-01, eller lämna fältet tomt.";
  if (Object.keys(problems).length) throw new ValidationError(problems);
  await q.transaction(async (tx) => {
    const [current] = await tx
      .select({ version: reportingSettings.version })
      .from(reportingSettings)
      .where(eq(reportingSettings.associationId, associationId))
      .for("update");
    if ((current?.version ?? 0) !== expectedVersion)
      throw new ConflictError(
        "Någon annan har ändrat rapportkalendern medan du arbetade. Ladda om sidan och gör om dina ändringar.",
      );
    const values = {
      cadence: input.cadence as Cadence,
      dueMonthsAfter: due,
      remindDaysBefore: remind,
      followUpPeriods: followUp,
      ...(input.reportsFrom === undefined ? {} : { reportsFrom: from === "invalid" ? null : from }),
      updatedAt: new Date(),
    };
    if (current)
      await tx
        .update(reportingSettings)
        .set({ ...values, version: current.version + 1 })
        .where(eq(reportingSettings.associationId, associationId));
    else await tx.insert(reportingSettings).values({ associationId, ...values, version: 1 });
    await recordAuditEvent(tx, actor, {
      action: "reporting_settings.updated",
      associationId,
      targetType: "association",
      targetId: associationId,
      details: {
        cadence: values.cadence,
        dueMonthsAfter: due,
        remindDaysBefore: remind,
        ...(input.reportsFrom === undefined
          ? {}
          : { reportsFrom: from === "invalid" ? null : from }),
      },
    });
  });
  return getReportingSettings(q, associationId);
}

/** Statuses of initiatives that report: running, and ended (their last periods). */
const REPORTING = ["pagaende", "avslutad", "avslutad_i_fortid"] as const;

/**
 * Creates the missing periodic reports of an association (or of one initiative): one per
 * initiative and period that has begun by `today`, overlaps the initiative's dates and starts on
 * or after the calendar's "reports from" date. A period that overlaps a report the initiative
 * already has for another period (after a switch between quarters and tertials) is not created,
 * so an initiative never reports the same months twice. Idempotent; returns how many it created.
 */
export async function ensurePeriodicReports(
  q: Queryable,
  associationId: string,
  today: string,
  initiativeId?: string,
): Promise<number> {
  const settings = await getReportingSettings(q, associationId);
  const running = await q
    .select({
      id: initiatives.id,
      startDate: initiatives.startDate,
      endDate: initiatives.endDate,
    })
    .from(initiatives)
    .where(
      and(
        eq(initiatives.associationId, associationId),
        inArray(initiatives.status, [...REPORTING]),
        ...(initiativeId ? [eq(initiatives.id, initiativeId)] : []),
      ),
    );
  let created = 0;
  for (const initiative of running) {
    if (!initiative.startDate) continue;
    const until = initiative.endDate && initiative.endDate < today ? initiative.endDate : today;
    if (until < initiative.startDate) continue;
    const existing = await q
      .select({
        key: periodicReports.periodKey,
        start: periodicReports.periodStart,
        end: periodicReports.periodEnd,
      })
      .from(periodicReports)
      .where(eq(periodicReports.initiativeId, initiative.id));
    const have = new Set(existing.map((r) => r.key));
    const periods = periodsBetween(
      settings.cadence,
      initiative.startDate,
      until,
      settings.dueMonthsAfter,
    ).filter(
      (p) =>
        !have.has(p.key) &&
        (!settings.reportsFrom || p.start >= settings.reportsFrom) &&
        !existing.some((r) => r.start <= p.end && r.end >= p.start),
    );
    if (!periods.length) continue;
    const rows = await q.transaction(async (tx) => {
      const inserted = await tx
        .insert(periodicReports)
        .values(
          periods.map((p) => ({
            associationId,
            initiativeId: initiative.id,
            periodKey: p.key,
            periodStart: p.start,
            periodEnd: p.end,
            dueDate: p.due,
            content: emptyPeriodicContent(),
            steeringAnalysis: emptySteeringAnalysis(),
          })),
        )
        .onConflictDoNothing({ target: [periodicReports.initiativeId, periodicReports.periodKey] })
        .returning();
      for (const row of inserted)
        await writeReportVersion(
          tx,
          { userId: null, label: "system" },
          "periodic",
          row,
          "created",
          `Skapad enligt rapportkalendern (${row.periodKey})`,
        );
      return inserted.length;
    });
    created += rows;
  }
  return created;
}
