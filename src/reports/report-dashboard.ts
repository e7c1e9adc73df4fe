// The reporting dashboard's data (domain/documents.md §2): every periodic report an office or
// an initiative role may see, with what is late, what waits for review, who leads the
// initiative, and whether the steering group has written its analysis. The pages turn this into
// the matrix per initiative and period, the summary and the to-do lists.
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import { initiatives } from "../initiatives/schema.ts";
import { roleAssignments, users } from "../people/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import type { SteeringAnalysis } from "./periodic-report-content.ts";

export { periodParts } from "./periodic-report-content.ts";

import { PERIODIC_REPORT_STATUSES, type PeriodicReportStatus, periodicReports } from "./schema.ts";

export interface DashboardReport {
  id: string;
  initiativeId: string;
  initiativeName: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  status: PeriodicReportStatus;
  submittedOn: string | null;
  arrivalDate: string | null;
  registryNumber: string | null;
  /** Not submitted (draft or returned) and past its due date. */
  overdue: boolean;
  /** Submitted after its due date. */
  submittedLate: boolean;
  /** Whether section 2.6 has any text yet. */
  steeringWritten: boolean;
}

/** The filters of the dashboard: a status, or "forsenad" for the overdue ones. */
export const DASHBOARD_STATUSES = [...PERIODIC_REPORT_STATUSES, "forsenad"] as const;
export type DashboardStatus = (typeof DASHBOARD_STATUSES)[number];

export const isDashboardStatus = (v: unknown): v is DashboardStatus =>
  typeof v === "string" && (DASHBOARD_STATUSES as readonly string[]).includes(v);

/**
 * The periodic reports of an association a person may see ("all", or their initiatives'),
 * newest period first, then by initiative name.
 */
export async function dashboardReports(
  q: Queryable,
  associationId: string,
  visible: "all" | string[],
  today = todayInSweden(),
): Promise<DashboardReport[]> {
  if (visible !== "all" && visible.length === 0) return [];
  const where: SQL[] = [eq(periodicReports.associationId, associationId)];
  if (visible !== "all") where.push(inArray(periodicReports.initiativeId, visible));
  const rows = await q
    .select({
      id: periodicReports.id,
      initiativeId: periodicReports.initiativeId,
      initiativeName: initiatives.name,
      periodKey: periodicReports.periodKey,
      periodStart: periodicReports.periodStart,
      periodEnd: periodicReports.periodEnd,
      dueDate: periodicReports.dueDate,
      status: periodicReports.status,
      submittedAt: periodicReports.submittedAt,
      arrivalDate: periodicReports.arrivalDate,
      registryNumber: periodicReports.registryNumber,
      steeringAnalysis: periodicReports.steeringAnalysis,
    })
    .from(periodicReports)
    .innerJoin(initiatives, eq(initiatives.id, periodicReports.initiativeId))
    .where(and(...where))
    .orderBy(desc(periodicReports.periodEnd), asc(initiatives.name));
  return rows.map(({ steeringAnalysis, submittedAt, ...r }) => {
    const analysis = steeringAnalysis as Partial<SteeringAnalysis>;
    const submittedOn = submittedAt ? todayInSweden(submittedAt) : null;
    return {
      ...r,
      submittedOn,
      overdue: (r.status === "utkast" || r.status === "aterskickad") && r.dueDate < today,
      submittedLate: submittedOn !== null && submittedOn > r.dueDate,
      steeringWritten: [
        analysis.goalFulfilment,
        analysis.budget,
        analysis.deviations,
        analysis.implementationPlan,
      ].some((t) => typeof t === "string" && t.trim() !== ""),
    };
  });
}

/** Whether a report passes the dashboard's filters. */
export function matchesFilter(
  report: Pick<DashboardReport, "periodKey" | "status" | "overdue">,
  filter: { periodKey?: string | undefined; status?: DashboardStatus | undefined },
): boolean {
  if (filter.periodKey && report.periodKey !== filter.periodKey) return false;
  if (filter.status === "forsenad") return report.overdue;
  if (filter.status && report.status !== filter.status) return false;
  return true;
}

/**
 * The periods of the reports, newest first: key and end date, each once. The dashboard's
 * matrix shows the latest few of them as columns.
 */
export function periodsOf(reports: Array<Pick<DashboardReport, "periodKey" | "periodEnd">>) {
  const seen = new Map<string, string>();
  for (const r of reports) if (!seen.has(r.periodKey)) seen.set(r.periodKey, r.periodEnd);
  return [...seen.entries()]
    .map(([key, end]) => ({ key, end }))
    .sort((a, b) => (a.end === b.end ? b.key.localeCompare(a.key) : b.end.localeCompare(a.end)));
}

/** How many reports are late, wait for review, are returned, drafts, locked. */
export function summarise(reports: Array<Pick<DashboardReport, "status" | "overdue">>) {
  return {
    overdue: reports.filter((r) => r.overdue).length,
    awaitingReview: reports.filter((r) => r.status === "inskickad").length,
    returned: reports.filter((r) => r.status === "aterskickad").length,
    drafts: reports.filter((r) => r.status === "utkast").length,
    locked: reports.filter((r) => r.status === "last").length,
  };
}

/** The initiative leads' names per initiative of an association (for the overdue list). */
export async function leadNames(
  q: Queryable,
  associationId: string,
  initiativeIds: string[],
): Promise<Record<string, string[]>> {
  if (!initiativeIds.length) return {};
  const rows = await q
    .select({ initiativeId: roleAssignments.initiativeId, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.associationId, associationId),
        eq(roleAssignments.role, "initiative_lead"),
        inArray(roleAssignments.initiativeId, initiativeIds),
      ),
    )
    .orderBy(asc(users.name));
  const out: Record<string, string[]> = {};
  for (const r of rows) {
    if (!r.initiativeId) continue;
    const names = out[r.initiativeId] ?? [];
    if (!names.includes(r.name)) names.push(r.name);
    out[r.initiativeId] = names;
  }
  return out;
}

export type ReportTask = "submit" | "complete" | "steering";

/**
 * What a person must do next on one report, if anything: the lead writes and submits a draft
 * (or completes a returned one), the steering group writes 2.6 once the period has ended and
 * until the report is locked. `canWrite`/`canSteer` come from the policy for the initiative.
 */
export function taskFor(
  report: Pick<DashboardReport, "status" | "periodEnd" | "steeringWritten">,
  may: { write: boolean; steering: boolean },
  today = todayInSweden(),
): ReportTask | null {
  if (may.write && report.status === "aterskickad") return "complete";
  if (may.write && report.status === "utkast") return "submit";
  if (
    may.steering &&
    report.status !== "last" &&
    !report.steeringWritten &&
    report.periodEnd < today
  )
    return "steering";
  return null;
}

/**
 * The one thing to do first: a returned report, then the earliest-due draft, then the earliest
 * report still lacking the steering group's analysis.
 */
export function nextTask<T extends Pick<DashboardReport, "dueDate"> & { task: ReportTask | null }>(
  reports: T[],
): T | undefined {
  const rank: Record<ReportTask, number> = { complete: 0, submit: 1, steering: 2 };
  return reports
    .filter((r) => r.task !== null)
    .sort(
      (a, b) =>
        rank[a.task as ReportTask] - rank[b.task as ReportTask] ||
        a.dueDate.localeCompare(b.dueDate),
    )[0];
}

/** Initials from a person's name: "Maria Lindqvist" → "ML" (at most four letters). */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .map((part) => part.match(/\p{L}/u)?.[0] ?? "")
    .join("")
    .toUpperCase()
    .replace(/[^A-ZÅÄÖ]/g, "")
    .slice(0, 4);
}
