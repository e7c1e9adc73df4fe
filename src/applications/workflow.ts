// The application's way from draft to decision (domain/documents.md §1):
// utkast → inskickad (diarienummer, arrival date) → under beredning (comments; may go back for
// komplettering) → beviljad (amount, period, conditions) / avslagen; the decision names the
// meeting, the paragraph and the date. Approval makes the initiative a running one.
import { and, eq, isNotNull, lte, sql } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { getInitiative } from "../initiatives/get-initiative.ts";
import { changedFields, writeInitiativeChange } from "../initiatives/save-initiative.ts";
import { initiatives } from "../initiatives/schema.ts";
import { isoDate } from "../initiatives/validate-initiative.ts";
import { users } from "../people/schema.ts";
import type { Queryable, Tx } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { parseKronor } from "../platform/money.ts";
import {
  EDITABLE_STATUSES,
  initiativeValuesOf,
  lockApplication,
  writeApplicationVersion,
} from "./save-application.ts";
import {
  type ApplicationStatus,
  applicationComments,
  applicationSignatures,
  applications,
  registryCounters,
} from "./schema.ts";
import { contentAsInput, validateApplication } from "./validate-application.ts";

/** Today in Swedish time, as an ISO date. */
export const todayInSweden = (now = new Date()) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(now);

/** The next diarienummer of an association and year: "2026/7". One sequence for all its documents. */
export async function nextRegistryNumber(tx: Tx, associationId: string, year: number) {
  const [row] = await tx
    .insert(registryCounters)
    .values({ associationId, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [registryCounters.associationId, registryCounters.year],
      set: { lastNumber: sql`${registryCounters.lastNumber} + 1` },
    })
    .returning({ n: registryCounters.lastNumber });
  if (!row) throw new Error("registry counter returned nothing");
  return `${year}/${row.n}`;
}

const wrongStatus = (message: string) => new ValidationError({ status: message });

async function setStatus(
  tx: Tx,
  actor: AuditActor,
  row: typeof applications.$inferSelect,
  status: ApplicationStatus,
  changes: Partial<typeof applications.$inferInsert>,
  event: string,
  note: string | null,
) {
  const version = row.version + 1;
  await tx
    .update(applications)
    .set({ ...changes, status, version, updatedAt: new Date() })
    .where(eq(applications.id, row.id));
  await writeApplicationVersion(tx, actor, { ...row, status, version }, event, note);
  await recordAuditEvent(tx, actor, {
    action: `application.${event}`,
    associationId: row.associationId,
    targetType: "application",
    targetId: row.id,
    details: { from: row.status, to: status, version },
  });
  return version;
}

async function requireAllSigned(tx: Tx, row: typeof applications.$inferSelect) {
  const parties = [row.content.ownerOrganisationId, ...row.content.partnerIds];
  const signed = await tx
    .select({ organisationId: applicationSignatures.organisationId })
    .from(applicationSignatures)
    .where(
      and(
        eq(applicationSignatures.applicationId, row.id),
        sql`${applicationSignatures.signedAt} is not null`,
      ),
    );
  const done = new Set(signed.map((s) => s.organisationId));
  const missing = parties.filter((p) => !done.has(p)).length;
  if (missing)
    throw new ValidationError({
      signatures: `${missing} av ${parties.length} parter har inte skrivit under. Alla parter skriver under innan ansökan skickas in.`,
    });
}

/**
 * Submits a draft (or a completed return). The applicant's submission arrives today; the
 * office registering a paper original gives the date it arrived. Every required field must be
 * filled in and every party must have signed.
 */
export async function submitApplication(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  applicationId: string,
  expectedVersion: number,
  options: { arrivalDate?: string | undefined; now?: Date } = {},
): Promise<{ version: number; registryNumber: string }> {
  const today = todayInSweden(options.now);
  let arrival = today;
  if (options.arrivalDate !== undefined) {
    const date = isoDate(options.arrivalDate);
    if (date === null || date === "invalid")
      throw new ValidationError({
        arrivalDate: "Skriv ankomstdatum som ÅÅÅÅ-MM-DD, till exempel 2026-03-02.",
      });
    if (date > today)
      throw new ValidationError({ arrivalDate: "Ankomstdatum kan inte ligga i framtiden." });
    arrival = date;
  }
  return q.transaction(async (tx) => {
    const row = await lockApplication(tx, associationId, applicationId, expectedVersion);
    if (!EDITABLE_STATUSES.has(row.status)) throw wrongStatus("Ansökan är redan inskickad.");
    await validateApplication(tx, associationId, contentAsInput(row.content), "submit");
    await requireAllSigned(tx, row);
    const registryNumber =
      row.registryNumber ??
      (await nextRegistryNumber(tx, associationId, Number(arrival.slice(0, 4))));
    const completion = row.status === "komplettering";
    const version = await setStatus(
      tx,
      actor,
      row,
      "inskickad",
      {
        registryNumber,
        arrivalDate: completion ? row.arrivalDate : arrival,
        submittedAt: options.now ?? new Date(),
        returnMessage: completion ? row.returnMessage : null,
      },
      completion ? "completed" : row.receivedOnPaper ? "registered" : "submitted",
      completion ? `Kompletterad ${arrival}` : `Diarienummer ${registryNumber}, inkom ${arrival}`,
    );
    return { version, registryNumber };
  });
}

/** The office takes the application up for preparation (beredning). */
export async function startPreparation(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  applicationId: string,
  expectedVersion: number,
): Promise<number> {
  return q.transaction(async (tx) => {
    const row = await lockApplication(tx, associationId, applicationId, expectedVersion);
    if (row.status !== "inskickad")
      throw wrongStatus("Bara en inskickad ansökan kan tas upp för beredning.");
    return setStatus(tx, actor, row, "under_beredning", {}, "preparation_started", null);
  });
}

/** Sends the application back to the applicant with what to complete. */
export async function returnForCompletion(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  applicationId: string,
  expectedVersion: number,
  message: string,
): Promise<number> {
  const text = message.trim();
  if (!text)
    throw new ValidationError({
      returnMessage: "Skriv vad den sökande behöver komplettera.",
    });
  return q.transaction(async (tx) => {
    const row = await lockApplication(tx, associationId, applicationId, expectedVersion);
    if (row.status !== "inskickad" && row.status !== "under_beredning")
      throw wrongStatus("Bara en inskickad ansökan eller en under beredning kan skickas tillbaka.");
    return setStatus(tx, actor, row, "komplettering", { returnMessage: text }, "returned", text);
  });
}

/** A comment as written (applications' and reports'): some text, at most 5 000 characters. */
export function commentText(text: string): string {
  const body = text.trim();
  if (!body) throw new ValidationError({ comment: "Skriv en kommentar." });
  if (body.length > 5000)
    throw new ValidationError({ comment: "Kommentaren får ha högst 5 000 tecken." });
  return body;
}

/** A comment in the preparation; kept with the application, shown in order. */
export async function addComment(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  applicationId: string,
  text: string,
): Promise<string> {
  const body = commentText(text);
  return q.transaction(async (tx) => {
    const row = await lockApplication(tx, associationId, applicationId, undefined);
    if (row.status === "utkast")
      throw wrongStatus("Kommentarer skrivs när ansökan har kommit in till förbundet.");
    const [author] = actor.userId
      ? await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId))
      : [];
    const [comment] = await tx
      .insert(applicationComments)
      .values({
        applicationId,
        authorUserId: actor.userId,
        authorName: author?.name ?? actor.label,
        text: body,
        createdAt: new Date(),
      })
      .returning({ id: applicationComments.id });
    if (!comment) throw new Error("insert returned nothing");
    await recordAuditEvent(tx, actor, {
      action: "application.commented",
      associationId,
      targetType: "application",
      targetId: applicationId,
    });
    return comment.id;
  });
}

export interface DecisionInput {
  decision: string;
  amount?: string | number | null;
  startDate?: string | null;
  endDate?: string | null;
  conditions?: string | null;
  meeting: string;
  paragraph: string;
  decisionDate: string;
}

/**
 * Records the board's decision. Approval sets the initiative's period to the decided one and
 * makes it running (or granted, until its start); rejection marks the initiative rejected.
 */
export async function decideApplication(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  applicationId: string,
  expectedVersion: number,
  input: DecisionInput,
  now = new Date(),
): Promise<number> {
  const problems: Record<string, string> = {};
  const decision = input.decision;
  if (decision !== "beviljad" && decision !== "avslagen")
    problems.decision = "Välj om ansökan beviljas eller avslås.";
  const meeting = input.meeting.trim();
  if (!meeting)
    problems.meeting =
      "Ange vilket möte som fattade beslutet, till exempel Styrelsemöte 2026-11-20.";
  const paragraph = input.paragraph.trim().replace(/^§\s*/, "");
  if (!paragraph) problems.paragraph = "Ange paragrafen i protokollet, till exempel 12.";
  else if (paragraph.length > 20) problems.paragraph = "Paragrafen får ha högst 20 tecken.";
  const decisionDate = isoDate(input.decisionDate);
  if (decisionDate === null || decisionDate === "invalid")
    problems.decisionDate = "Skriv beslutsdatum som ÅÅÅÅ-MM-DD.";
  else if (decisionDate > todayInSweden(now))
    problems.decisionDate = "Beslutsdatum kan inte ligga i framtiden.";
  let amount: number | null = null;
  let start: string | null = null;
  let end: string | null = null;
  const conditions = (input.conditions ?? "").trim();
  if (decision === "beviljad") {
    const a = parseKronor(input.amount);
    if (a === null) problems.amount = "Ange beviljat belopp i hela kronor.";
    else if (a === "invalid")
      problems.amount = "Skriv beloppet i hela kronor, till exempel 1 200 000.";
    else amount = a;
    const s = isoDate(input.startDate);
    const e = isoDate(input.endDate);
    if (s === null || s === "invalid") problems.startDate = "Skriv periodens start som ÅÅÅÅ-MM-DD.";
    else start = s;
    if (e === null || e === "invalid") problems.endDate = "Skriv periodens slut som ÅÅÅÅ-MM-DD.";
    else end = e;
    if (start && end && end < start)
      problems.endDate = "Periodens slut kan inte vara före dess start.";
  }
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return q.transaction(async (tx) => {
    const row = await lockApplication(tx, associationId, applicationId, expectedVersion);
    if (row.status !== "under_beredning" && row.status !== "inskickad")
      throw wrongStatus(
        row.status === "beviljad" || row.status === "avslagen"
          ? "Ansökan är redan beslutad."
          : "Ansökan måste vara inskickad innan beslut fattas.",
      );
    const status = decision as "beviljad" | "avslagen";
    const version = await setStatus(
      tx,
      actor,
      row,
      status,
      {
        decision: status,
        decidedAmount: amount,
        decidedStartDate: start,
        decidedEndDate: end,
        decisionConditions: conditions || null,
        decisionMeeting: meeting,
        decisionParagraph: paragraph,
        decisionDate: decisionDate as string,
        decidedBy: actor.userId,
      },
      "decided",
      `${status === "beviljad" ? "Beviljad" : "Avslagen"}: ${meeting} § ${paragraph}, ${decisionDate}`,
    );
    const before = await getInitiative(tx, associationId, row.initiativeId);
    if (!before) throw new Error("initiative missing");
    const c = row.content;
    const values =
      status === "beviljad"
        ? {
            ...initiativeValuesOf(
              c,
              (start as string) > todayInSweden(now) ? "beviljad" : "pagaende",
            ),
            startDate: start,
            endDate: end,
            lastIntakeDate:
              c.lastIntakeDate &&
              c.lastIntakeDate >= (start as string) &&
              c.lastIntakeDate <= (end as string)
                ? c.lastIntakeDate
                : null,
          }
        : initiativeValuesOf(c, "avslagen");
    await writeInitiativeChange(
      tx,
      actor,
      associationId,
      row.initiativeId,
      before.version,
      values,
      changedFields(before, values),
      `application ${row.registryNumber ?? row.id}`,
    );
    return version;
  });
}

/** Granted initiatives whose decided period has started become running (a daily job). */
export async function startGrantedInitiatives(q: Queryable, now = new Date()): Promise<number> {
  const today = todayInSweden(now);
  return q.transaction(async (tx) => {
    const started = await tx
      .update(initiatives)
      .set({ status: "pagaende", version: sql`${initiatives.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(initiatives.status, "beviljad"),
          isNotNull(initiatives.startDate),
          lte(initiatives.startDate, today),
        ),
      )
      .returning({ id: initiatives.id, associationId: initiatives.associationId });
    for (const i of started)
      await recordAuditEvent(
        tx,
        { userId: null, label: "system" },
        {
          action: "initiative.started",
          associationId: i.associationId,
          targetType: "initiative",
          targetId: i.id,
          details: { date: today },
        },
      );
    return started.length;
  });
}
