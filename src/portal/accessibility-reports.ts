// "Rapportera ett problem" from the accessibility statements (DOS-lagen, 2018:1937 § 15): anyone
// may report that something in Samspår is not accessible to them, signed in or not. A report is
// stored for the office (its page lists them, newest first) and, when an address for reports is
// configured, also mailed there through the association zone's mailer.
//
// A report belongs to an association (tenant separation: what a participant writes about
// themselves must not reach another association's office). A participant's report goes to the
// association of their portal account; a staff person's to the association whose pages they came
// from when they hold a role there, else to their only association; a report made without
// signing in (or by staff with several associations and none given) belongs to none and is shown
// to every association's office, in a section of its own.
//
// The refusals carry codes as well as Swedish messages, so the portal shows them in the
// participant's language and the staff statement in Swedish or English.
import { asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { associations } from "../associations/schema.ts";
import type { Mailer } from "../mail/send-mail.ts";
import type { Db, Queryable } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { portalAccountOf } from "./accounts.ts";
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

/** The association a report belongs to (what the statement names, what the mail names). */
export interface ReportDestination {
  id: string;
  name: string;
  slug: string;
}

async function associationById(q: Queryable, id: string): Promise<ReportDestination | null> {
  const [row] = await q
    .select({ id: associations.id, name: associations.name, slug: associations.slug })
    .from(associations)
    .where(eq(associations.id, id));
  return row ?? null;
}

/**
 * Where the report of the person asking goes. Not signed in: nowhere in particular (null). A
 * participant: their portal account's association. Staff: the association given (its slug, from
 * the pages they came from) if they hold a role there, else the only association they hold roles
 * in, else null. A slug of an association where they hold no role is ignored, never trusted.
 */
export async function reportDestination(
  db: Db,
  principal: Principal | null | undefined,
  requestedSlug?: string | null,
): Promise<ReportDestination | null> {
  if (!principal) return null;
  if (principal.kind === "participant") {
    const account = await portalAccountOf(db, principal);
    return account ? associationById(db, account.associationId) : null;
  }
  const held = new Set(principal.grants.map((g) => g.associationId));
  if (requestedSlug) {
    const [given] = await db
      .select({ id: associations.id, name: associations.name, slug: associations.slug })
      .from(associations)
      .where(eq(associations.slug, requestedSlug));
    if (given && held.has(given.id)) return given;
  }
  const [only] = held;
  return held.size === 1 && only ? associationById(db, only) : null;
}

/**
 * The associations a staff person may send a report to when none is given and they hold roles
 * in several: the form lets them choose rather than sending it to every office.
 */
export async function reportChoices(
  db: Db,
  principal: Principal | null | undefined,
): Promise<ReportDestination[]> {
  if (!principal || principal.kind === "participant") return [];
  const held = [...new Set(principal.grants.map((g) => g.associationId))];
  if (held.length < 2) return [];
  return db
    .select({ id: associations.id, name: associations.name, slug: associations.slug })
    .from(associations)
    .where(inArray(associations.id, held))
    .orderBy(asc(associations.name));
}

/** Where a report is also mailed, if anywhere. */
export interface ReportNotification {
  mailer: Mailer;
  to: string;
}

/**
 * Stores a report for its association (null: made without signing in), and queues its mail in
 * the same transaction when a notification address is given. Nothing is stored when the report
 * is refused. No user id is stored: only the association, and what the person chose to write.
 */
export async function reportAccessibilityProblem(
  q: Queryable,
  input: AccessibilityReportInput,
  destination: ReportDestination | null,
  notify?: ReportNotification,
): Promise<{ id: string }> {
  const values = validate(input);
  return q.transaction(async (tx) => {
    const [row] = await tx
      .insert(accessibilityReports)
      .values({ ...values, associationId: destination?.id ?? null })
      .returning({ id: accessibilityReports.id, createdAt: accessibilityReports.createdAt });
    if (!row) throw new Error("insert returned nothing");
    if (notify?.to) {
      await notify.mailer.send(tx, {
        to: notify.to,
        subject: `Tillgänglighetsproblem rapporterat: ${values.page.slice(0, 80)}`,
        text: [
          "Någon har rapporterat ett tillgänglighetsproblem i Samspår.",
          "",
          destination
            ? `Förbund: ${destination.name}`
            : "Förbund: utan förbund (rapporten gjordes utan inloggning och visas för kansliet i varje förbund)",
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
        associationId: destination?.id ?? null,
      });
    }
    return { id: row.id };
  });
}

/**
 * The reports an association's office sees, newest first: its own, and — apart — those made
 * without signing in (they belong to no association). Never another association's reports.
 */
export async function listAccessibilityReports(q: Queryable, associationId: string, limit = 500) {
  const own = await q
    .select()
    .from(accessibilityReports)
    .where(eq(accessibilityReports.associationId, associationId))
    .orderBy(desc(accessibilityReports.createdAt))
    .limit(limit);
  const unrouted = await q
    .select()
    .from(accessibilityReports)
    .where(isNull(accessibilityReports.associationId))
    .orderBy(desc(accessibilityReports.createdAt))
    .limit(limit);
  return { own, unrouted };
}
