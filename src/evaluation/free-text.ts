// Tyck till's free-text answers (issue 10; ADR 0015): what participants wrote in their own words,
// for the initiative's participant officers only ("evaluation.free_text") — never the office,
// the board or the steering group, since a few sentences can tell who wrote them.
//
// Only what is needed to read them: the text, the question (in Swedish, as asked), the month and
// what it was about (a chapter's Swedish title, a meeting, the exit survey). No response id, no
// course id, no day. Read in the register zone with the initiative's scope; the responses carry
// no participant, so nothing here can lead to a person.
import { and, eq, gte, inArray, lte } from "drizzle-orm";
import { canOnInitiative } from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import { courseVersions } from "../courses/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Db } from "../platform/database/connect.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { inRegister } from "../register/zone.ts";
import { type EvaluationContext, evaluationResponses } from "./schema.ts";

export interface FreeTextAnswer {
  text: string;
  /** The question in Swedish, as it was asked. */
  question: string;
  /** "2026-11": the month it was answered. */
  month: string;
  context: EvaluationContext;
  /** For a chapter: its Swedish title (newest published version). */
  chapterTitle: string | null;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Checks a month range "ÅÅÅÅ-MM" – "ÅÅÅÅ-MM". */
export function checkPeriod(from: string, to: string): void {
  const problems: Record<string, string> = {};
  if (!MONTH.test(from)) problems.from = "Skriv första månaden som ÅÅÅÅ-MM, till exempel 2026-06.";
  if (!MONTH.test(to)) problems.to = "Skriv sista månaden som ÅÅÅÅ-MM, till exempel 2026-11.";
  if (!problems.from && !problems.to && from > to)
    problems.to = "Den sista månaden kan inte vara före den första. Byt plats på dem.";
  if (Object.keys(problems).length) throw new ValidationError(problems);
}

/**
 * The free-text answers of one initiative for the months from–to (ÅÅÅÅ-MM), newest month first.
 * NotFoundError unless the person is the initiative's participant officer (or the initiative is
 * not the association's).
 */
export async function freeTextAnswers(
  db: Db,
  principal: Principal,
  associationId: string,
  initiativeId: string,
  period: { from: string; to: string },
): Promise<FreeTextAnswer[]> {
  const [initiative] = /^[0-9a-f-]{36}$/i.test(initiativeId)
    ? await db
        .select({ id: initiatives.id, ownerId: initiatives.ownerOrganisationId })
        .from(initiatives)
        .where(and(eq(initiatives.id, initiativeId), eq(initiatives.associationId, associationId)))
    : [];
  if (
    !initiative ||
    !canOnInitiative(principal, "evaluation.free_text", associationId, initiativeId)
  )
    throw new NotFoundError("Insatsen finns inte, eller så får du inte läsa svaren med egna ord.");
  checkPeriod(period.from, period.to);
  const rows = await inRegister(
    db,
    { controllers: [initiative.ownerId], initiatives: [initiative.id] },
    (tx) =>
      tx
        .select({
          month: evaluationResponses.month,
          context: evaluationResponses.context,
          courseId: evaluationResponses.courseId,
          chapterId: evaluationResponses.chapterId,
          answers: evaluationResponses.answers,
        })
        .from(evaluationResponses)
        .where(
          and(
            eq(evaluationResponses.initiativeId, initiative.id),
            gte(evaluationResponses.month, `${period.from}-01`),
            lte(evaluationResponses.month, `${period.to}-01`),
          ),
        ),
  );
  const courseIds = [...new Set(rows.map((r) => r.courseId).filter((id) => id !== null))];
  const titles = new Map<string, { number: number; title: string }>();
  if (courseIds.length > 0) {
    const versions = await db
      .select({ number: courseVersions.number, snapshot: courseVersions.snapshot })
      .from(courseVersions)
      .where(inArray(courseVersions.courseId, courseIds));
    for (const v of versions)
      for (const c of v.snapshot.chapters) {
        const seen = titles.get(c.id);
        if (c.texts.sv && (!seen || seen.number < v.number))
          titles.set(c.id, { number: v.number, title: c.texts.sv.title });
      }
  }
  const answers: FreeTextAnswer[] = [];
  for (const row of rows)
    for (const a of row.answers)
      if (a.type === "fritext" && typeof a.value === "string" && a.value !== "")
        answers.push({
          text: a.value,
          question: a.questionSv,
          month: row.month.slice(0, 7),
          context: row.context,
          chapterTitle: row.chapterId ? (titles.get(row.chapterId)?.title ?? null) : null,
        });
  // newest month first; within a month in a fixed order that says nothing about who or when
  return answers.sort(
    (a, b) =>
      b.month.localeCompare(a.month) ||
      a.context.localeCompare(b.context) ||
      a.question.localeCompare(b.question, "sv") ||
      a.text.localeCompare(b.text, "sv"),
  );
}
