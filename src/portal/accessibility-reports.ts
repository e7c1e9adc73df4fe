// "Rapportera ett problem" from the accessibility statements (DOS-lagen, 2018:1937 § 15): anyone
// may report that something in Samspår is not accessible to them, signed in or not. A report is
// stored for the office (its page lists them, newest first) and, when an address for reports is
// configured, also mailed there through the association zone's mailer.
//
// The refusals carry codes as well as Swedish messages, so the portal shows them in the
// participant's language and the staff statement in Swedish or English.
import { desc } from "drizzle-orm";
import type { Mailer } from "../mail/send-mail.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { accessibilityReports } from "./schema.ts";

/** When the accessibility statements (portal and staff) were last reviewed. */
export const ACCESSIBILITY_STATEMENT_UPDATED = "2026-12-06";

export const REPORT_PAGE_MAX = 300;
export const REPORT_DESCRIPTION_MAX = 5000;
export const REPORT_CONTACT_MAX = 200;

export type ReportField = "page" | "description" | "contact";
export type ReportProblemCode = "missing" | "tooLong";
export interface ReportProblem {
  code: ReportProblemCode;
  max?: number;
}

export interface AccessibilityReportInput {
  page: string;
  description: string;
  contact?: string | null;
}

/** A refused report: per field, a Swedish message (`fields`) and what to translate (`problems`). */
export class AccessibilityReportInvalid extends ValidationError {
  readonly problems: Partial<Record<ReportField, ReportProblem>>;
  constructor(problems: Partial<Record<ReportField, ReportProblem>>) {
    super(
      Object.fromEntries(
        Object.entries(problems).map(([field, problem]) => [
          field,
          swedishMessage(field as ReportField, problem as ReportProblem),
        ]),
      ),
    );
    this.problems = problems;
    this.name = "AccessibilityReportInvalid";
  }
}

function swedishMessage(field: ReportField, problem: ReportProblem): string {
  if (problem.code === "tooLong")
    return `Texten är för lång. Skriv högst ${(problem.max ?? 0).toLocaleString("sv-SE")} tecken.`;
  return field === "page"
    ? "Skriv var problemet finns, till exempel sidans namn eller vad du ville göra."
    : "Skriv vad som hände, så att vi kan rätta det.";
}

const oneLine = (value: string | null | undefined) => (value ?? "").replace(/\s+/g, " ").trim();

function validate(input: AccessibilityReportInput) {
  const page = oneLine(input.page);
  const description = (input.description ?? "").replace(/\r\n?/g, "\n").trim();
  const contact = oneLine(input.contact);
  const problems: Partial<Record<ReportField, ReportProblem>> = {};
  if (!page) problems.page = { code: "missing" };
  else if (page.length > REPORT_PAGE_MAX) problems.page = { code: "tooLong", max: REPORT_PAGE_MAX };
  if (!description) problems.description = { code: "missing" };
  else if (description.length > REPORT_DESCRIPTION_MAX)
    problems.description = { code: "tooLong", max: REPORT_DESCRIPTION_MAX };
  if (contact.length > REPORT_CONTACT_MAX)
    problems.contact = { code: "tooLong", max: REPORT_CONTACT_MAX };
  if (Object.keys(problems).length) throw new AccessibilityReportInvalid(problems);
  return { page, description, contact: contact || null };
}

/** Where a report is also mailed, if anywhere. */
export interface ReportNotification {
  mailer: Mailer;
  to: string;
}

/**
 * Stores a report (and queues its mail, in the same transaction, when a notification address is
 * given). Nothing is stored when the report is refused. The reporter is anonymous: no user id,
 * no address beyond what they chose to write as contact.
 */
export async function reportAccessibilityProblem(
  q: Queryable,
  input: AccessibilityReportInput,
  notify?: ReportNotification,
): Promise<{ id: string }> {
  const values = validate(input);
  return q.transaction(async (tx) => {
    const [row] = await tx
      .insert(accessibilityReports)
      .values(values)
      .returning({ id: accessibilityReports.id, createdAt: accessibilityReports.createdAt });
    if (!row) throw new Error("insert returned nothing");
    if (notify?.to) {
      await notify.mailer.send(tx, {
        to: notify.to,
        subject: `Tillgänglighetsproblem rapporterat: ${values.page.slice(0, 80)}`,
        text: [
          "Någon har rapporterat ett tillgänglighetsproblem i Samspår.",
          "",
          `Var: ${values.page}`,
          "",
          "Vad hände:",
          values.description,
          "",
          `Kontakt: ${values.contact ?? "(ingen angiven)"}`,
          "",
          "Enligt lagen (2018:1937) om tillgänglighet till digital offentlig service ska den som rapporterar få svar utan onödigt dröjsmål.",
        ].join("\n"),
        associationId: null,
      });
    }
    return { id: row.id };
  });
}

/** The reports, newest first (the office's page). */
export const listAccessibilityReports = (q: Queryable, limit = 500) =>
  q.select().from(accessibilityReports).orderBy(desc(accessibilityReports.createdAt)).limit(limit);
