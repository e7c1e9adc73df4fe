// Tyck till for the participant (issue 10; domain/portal.md item 8; ADR 0015): what is open to
// answer, answering, and declining ("Hoppa över").
//
// Open: a short check ("kort") after each chapter the participant completed in the last 60
// days and after each meeting (their booking, not cancelled and not missed) that ended in the
// last 30 days, and the exit survey ("slut") — each until a receipt says it was answered or
// declined.
//
// Anonymous by construction: the response row carries no participant, only the initiative, the
// month (its first day, Swedish time), what it was about and, for a chapter, the course and the
// chapter. The receipt (participant + context + key) has no link to the response. Both are
// written in ONE register transaction, with the participant's own portal scope; the unique
// receipt makes a second answer fail before anything is stored.
//
// Course material and the questions live in the association zone, which the register role
// cannot read: they are read first (db), then the register transaction runs.
import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, notInArray, or } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import { courseProgress, courses, courseVersions } from "../courses/schema.ts";
import type { ChapterText } from "../courses/texts.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import {
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from "../platform/errors.ts";
import { UUID } from "../platform/uuid.ts";
import { type PortalAccount, portalScope } from "../portal/accounts.ts";
import type { PortalLocale } from "../portal/locales.ts";
import { availability, bookings } from "../portal/schema.ts";
import { inRegister } from "../register/zone.ts";
import { type EvaluationForm, formOf } from "./forms.ts";
import {
  EVALUATION_CONTEXTS,
  type EvaluationContext,
  type EvaluationKind,
  evaluationReceipts,
  evaluationResponses,
  FREE_TEXT_MAX,
  type ResponseAnswer,
  SCALE_MAX,
  SCALE_MIN,
} from "./schema.ts";

const DAY = 86_400_000;
/** A completed chapter is asked about for this many days. */
export const CHAPTER_DAYS = 60;
/** A meeting is asked about for this many days after it ended. */
export const MEETING_DAYS = 30;

export const ALREADY_ANSWERED = "Du har redan svarat. Tack!";
const NOT_FOUND = "Det finns ingen fråga att svara på här. Gå tillbaka till Tyck till.";

export const isEvaluationContext = (value: unknown): value is EvaluationContext =>
  typeof value === "string" && (EVALUATION_CONTEXTS as readonly string[]).includes(value);

export type OpenCheck =
  | {
      context: "kapitel";
      key: string;
      courseId: string;
      /** The chapter's title in its published languages (Swedish always). */
      title: Partial<Record<PortalLocale, string>> & { sv: string };
      completedAt: Date;
    }
  | { context: "mote"; key: string; title: string; startsAt: Date }
  | { context: "slut"; key: "slut" };

/** The chapters of the newest published version of every course the participant may read. */
async function readableChapters(
  db: Db,
  account: Pick<PortalAccount, "associationId" | "initiativeIds">,
): Promise<Map<string, { courseId: string; texts: Partial<Record<PortalLocale, ChapterText>> }>> {
  const visible = await db
    .select({ id: courses.id })
    .from(courses)
    .where(
      and(
        eq(courses.associationId, account.associationId),
        isNull(courses.withdrawnAt),
        account.initiativeIds.length
          ? or(isNull(courses.initiativeId), inArray(courses.initiativeId, account.initiativeIds))
          : isNull(courses.initiativeId),
      ),
    );
  const chapters = new Map<
    string,
    { courseId: string; texts: Partial<Record<PortalLocale, ChapterText>> }
  >();
  if (visible.length === 0) return chapters;
  const newest = await db
    .selectDistinctOn([courseVersions.courseId], {
      courseId: courseVersions.courseId,
      snapshot: courseVersions.snapshot,
    })
    .from(courseVersions)
    .where(
      inArray(
        courseVersions.courseId,
        visible.map((c) => c.id),
      ),
    )
    .orderBy(courseVersions.courseId, desc(courseVersions.number));
  for (const version of newest)
    for (const chapter of version.snapshot.chapters)
      chapters.set(chapter.id, { courseId: version.courseId, texts: chapter.texts });
  return chapters;
}

const titleOf = (texts: Partial<Record<PortalLocale, ChapterText>>) => {
  const out: Partial<Record<PortalLocale, string>> & { sv: string } = {
    sv: texts.sv?.title ?? "",
  };
  for (const [l, t] of Object.entries(texts)) if (t?.title) out[l as PortalLocale] = t.title;
  return out;
};

/** Meetings that may be asked about: the participant's, kept or booked, ended in the window. */
const meetingFilter = (account: PortalAccount, now: Date) =>
  and(
    eq(bookings.participantId, account.participantId),
    inArray(bookings.initiativeId, [...account.initiativeIds]),
    notInArray(bookings.status, ["avbokad", "uteblev"]),
    lte(bookings.endsAt, now),
    gte(bookings.endsAt, new Date(now.getTime() - MEETING_DAYS * DAY)),
  );

const chapterFilter = (account: PortalAccount, now: Date) =>
  and(
    eq(courseProgress.participantId, account.participantId),
    inArray(courseProgress.initiativeId, [...account.initiativeIds]),
    isNotNull(courseProgress.completedAt),
    gte(courseProgress.completedAt, new Date(now.getTime() - CHAPTER_DAYS * DAY)),
  );

/**
 * What the participant can answer now: completed chapters and past meetings without a receipt
 * (newest first), and the exit survey if it has no receipt.
 */
export async function openChecks(
  db: Db,
  account: PortalAccount,
  options: { now?: Date } = {},
): Promise<OpenCheck[]> {
  const now = options.now ?? new Date();
  const chapters = await readableChapters(db, account);
  return inRegister(db, portalScope(account), async (tx) => {
    const receipts = await tx
      .select({ context: evaluationReceipts.context, key: evaluationReceipts.contextKey })
      .from(evaluationReceipts)
      .where(eq(evaluationReceipts.participantId, account.participantId));
    const done = new Set(receipts.map((r) => `${r.context}/${r.key}`));
    const progress = await tx
      .select({
        chapterId: courseProgress.chapterId,
        courseId: courseProgress.courseId,
        completedAt: courseProgress.completedAt,
      })
      .from(courseProgress)
      .where(chapterFilter(account, now));
    const meetings = await tx
      .select({ id: bookings.id, startsAt: bookings.startsAt, title: availability.title })
      .from(bookings)
      .innerJoin(availability, eq(availability.id, bookings.availabilityId))
      .where(meetingFilter(account, now));
    const open: (OpenCheck & { at: number })[] = [];
    for (const p of progress) {
      const chapter = chapters.get(p.chapterId);
      if (!chapter || chapter.courseId !== p.courseId || done.has(`kapitel/${p.chapterId}`))
        continue;
      const completedAt = p.completedAt as Date;
      open.push({
        context: "kapitel",
        key: p.chapterId,
        courseId: p.courseId,
        title: titleOf(chapter.texts),
        completedAt,
        at: completedAt.getTime(),
      });
    }
    for (const m of meetings)
      if (!done.has(`mote/${m.id}`))
        open.push({
          context: "mote",
          key: m.id,
          title: m.title,
          startsAt: m.startsAt,
          at: m.startsAt.getTime(),
        });
    open.sort((a, b) => b.at - a.at);
    const result: OpenCheck[] = open.map(({ at: _at, ...check }) => check as OpenCheck);
    if (!done.has("slut/slut")) result.push({ context: "slut", key: "slut" });
    return result;
  });
}

/** What a context and key are, once checked as the participant's. */
interface Target {
  context: EvaluationContext;
  key: string;
  kind: EvaluationKind;
  initiativeId: string;
  dataControllerId: string;
  courseId: string | null;
  chapterId: string | null;
  /** For the page: the chapter's title, or the meeting's "who" and time. */
  chapter?: Partial<Record<PortalLocale, string>> & { sv: string };
  meeting?: { title: string; startsAt: Date };
}

/** The target inside the register transaction; NotFoundError when it is not the participant's. */
async function targetIn(
  tx: Tx,
  account: PortalAccount,
  context: string,
  key: string,
  now: Date,
  chapters: Awaited<ReturnType<typeof readableChapters>>,
): Promise<Target> {
  if (context === "slut" && key === "slut")
    return {
      context,
      key,
      kind: "slut",
      initiativeId: account.initiativeId,
      dataControllerId: account.dataControllerId,
      courseId: null,
      chapterId: null,
    };
  if (context === "kapitel" && UUID.test(key)) {
    const chapter = chapters.get(key);
    const [p] = chapter
      ? await tx
          .select()
          .from(courseProgress)
          .where(and(chapterFilter(account, now), eq(courseProgress.chapterId, key)))
      : [];
    if (chapter && p && p.courseId === chapter.courseId)
      return {
        context,
        key,
        kind: "kort",
        initiativeId: p.initiativeId,
        dataControllerId: p.dataControllerId,
        courseId: p.courseId,
        chapterId: p.chapterId,
        chapter: titleOf(chapter.texts),
      };
  }
  if (context === "mote" && UUID.test(key)) {
    const [b] = await tx
      .select({
        initiativeId: bookings.initiativeId,
        dataControllerId: bookings.dataControllerId,
        startsAt: bookings.startsAt,
        title: availability.title,
      })
      .from(bookings)
      .innerJoin(availability, eq(availability.id, bookings.availabilityId))
      .where(and(meetingFilter(account, now), eq(bookings.id, key)));
    if (b)
      return {
        context,
        key,
        kind: "kort",
        initiativeId: b.initiativeId,
        dataControllerId: b.dataControllerId,
        courseId: null,
        chapterId: null,
        meeting: { title: b.title, startsAt: b.startsAt },
      };
  }
  throw new NotFoundError(NOT_FOUND);
}

async function hasReceipt(tx: Tx, account: PortalAccount, target: Target): Promise<boolean> {
  const [row] = await tx
    .select({ outcome: evaluationReceipts.outcome })
    .from(evaluationReceipts)
    .where(
      and(
        eq(evaluationReceipts.participantId, account.participantId),
        eq(evaluationReceipts.context, target.context),
        eq(evaluationReceipts.contextKey, target.key),
      ),
    );
  return Boolean(row);
}

async function initiativeOf(db: Db, id: string) {
  const [row] = await db
    .select({ id: initiatives.id, associationId: initiatives.associationId })
    .from(initiatives)
    .where(eq(initiatives.id, id));
  if (!row) throw new NotFoundError(NOT_FOUND);
  return row;
}

export interface CheckToAnswer {
  context: EvaluationContext;
  key: string;
  form: EvaluationForm;
  chapter?: Partial<Record<PortalLocale, string>> & { sv: string };
  meeting?: { title: string; startsAt: Date };
  /** A receipt exists: answered or declined before. */
  answered: boolean;
}

/** One check for the answer page: the questions and what it is about (NotFoundError if not theirs). */
export async function checkToAnswer(
  db: Db,
  account: PortalAccount,
  context: string,
  key: string,
  options: { now?: Date } = {},
): Promise<CheckToAnswer> {
  const now = options.now ?? new Date();
  const chapters = context === "kapitel" ? await readableChapters(db, account) : new Map();
  const { target, answered } = await inRegister(db, portalScope(account), async (tx) => {
    const target = await targetIn(tx, account, context, key, now, chapters);
    return { target, answered: await hasReceipt(tx, account, target) };
  });
  const form = await formOf(db, await initiativeOf(db, target.initiativeId), target.kind);
  return {
    context: target.context,
    key: target.key,
    form,
    ...(target.chapter ? { chapter: target.chapter } : {}),
    ...(target.meeting ? { meeting: target.meeting } : {}),
    answered,
  };
}

/** What was wrong with an answer, per question id (the page words it in the participant's language). */
export type AnswerProblem = "scale" | "tooLong" | "empty";

/** The answers as stored, or the problems (per question id; "form" when nothing was answered). */
export function readAnswers(
  form: Pick<EvaluationForm, "questions">,
  raw: Readonly<Record<string, string | undefined>>,
): { answers: ResponseAnswer[]; problems: Record<string, AnswerProblem> } {
  const problems: Record<string, AnswerProblem> = {};
  const answers = form.questions.map((question): ResponseAnswer => {
    const given = raw[question.id] ?? "";
    let value: number | string | null = null;
    if (question.type === "skala") {
      const text = given.trim();
      if (text !== "") {
        const n = Number(text);
        if (!/^\d+$/.test(text) || n < SCALE_MIN || n > SCALE_MAX) problems[question.id] = "scale";
        else value = n;
      }
    } else {
      const text = given
        .replace(/\r\n?/g, "\n")
        .split("\n")
        .map((line) => line.trimEnd())
        .join("\n")
        .replace(/\n{3,}/g, "\n\n")
        .trim();
      if (text.length > FREE_TEXT_MAX) problems[question.id] = "tooLong";
      else if (text) value = text;
    }
    return {
      questionId: question.id,
      type: question.type,
      questionSv: question.texts.sv?.text ?? "",
      value,
    };
  });
  if (Object.keys(problems).length === 0 && answers.every((a) => a.value === null))
    problems.form = "empty";
  return { answers, problems };
}

const SWEDISH_PROBLEM: Record<AnswerProblem, string> = {
  scale: `Välj ett tal från ${SCALE_MIN} till ${SCALE_MAX}, eller lämna frågan tom.`,
  tooLong: `Skriv högst ${FREE_TEXT_MAX} tecken.`,
  empty: "Svara på minst en fråga, eller tryck på Hoppa över.",
};

/** The first day of the Swedish month of `now`: "2026-11-01". */
export const monthOfAnswer = (now: Date) => `${todayInSweden(now).slice(0, 7)}-01`;

const refuseTwice = (error: unknown): never => {
  if (isUniqueViolation(error)) throw new ConflictError(ALREADY_ANSWERED);
  throw error;
};

/**
 * Stores the participant's answers to one check: the response (no participant) and the receipt,
 * in one register transaction. A second answer (or an answer after "Hoppa över") is refused
 * with ALREADY_ANSWERED and nothing is stored.
 */
export async function submitAnswers(
  db: Db,
  account: PortalAccount,
  context: string,
  key: string,
  raw: Readonly<Record<string, string | undefined>>,
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const chapters = context === "kapitel" ? await readableChapters(db, account) : new Map();
  // the target first, to find the initiative whose form is answered
  const target = await inRegister(db, portalScope(account), (tx) =>
    targetIn(tx, account, context, key, now, chapters),
  );
  const form = await formOf(db, await initiativeOf(db, target.initiativeId), target.kind);
  const { answers, problems } = readAnswers(form, raw);
  if (Object.keys(problems).length)
    throw new ValidationError(
      Object.fromEntries(Object.entries(problems).map(([id, p]) => [id, SWEDISH_PROBLEM[p]])),
    );
  await inRegister(db, portalScope(account), async (tx) => {
    const checked = await targetIn(tx, account, context, key, now, chapters);
    if (await hasReceipt(tx, account, checked)) throw new ConflictError(ALREADY_ANSWERED);
    await tx.insert(evaluationReceipts).values({
      associationId: account.associationId,
      dataControllerId: checked.dataControllerId,
      initiativeId: checked.initiativeId,
      participantId: account.participantId,
      context: checked.context,
      contextKey: checked.key,
      outcome: "svarat",
      on: todayInSweden(now),
    });
    await tx.insert(evaluationResponses).values({
      associationId: account.associationId,
      dataControllerId: checked.dataControllerId,
      initiativeId: checked.initiativeId,
      formId: form.id,
      formVersion: form.version,
      kind: checked.kind,
      context: checked.context,
      courseId: checked.courseId,
      chapterId: checked.chapterId,
      month: monthOfAnswer(now),
      answers,
    });
  }).catch(refuseTwice);
}

/** "Hoppa över": a receipt saying the participant chose not to answer; no response. */
export async function decline(
  db: Db,
  account: PortalAccount,
  context: string,
  key: string,
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const chapters = context === "kapitel" ? await readableChapters(db, account) : new Map();
  await inRegister(db, portalScope(account), async (tx) => {
    const target = await targetIn(tx, account, context, key, now, chapters);
    if (await hasReceipt(tx, account, target)) throw new ConflictError(ALREADY_ANSWERED);
    await tx.insert(evaluationReceipts).values({
      associationId: account.associationId,
      dataControllerId: target.dataControllerId,
      initiativeId: target.initiativeId,
      participantId: account.participantId,
      context: target.context,
      contextKey: target.key,
      outcome: "avstod",
      on: todayInSweden(now),
    });
  }).catch(refuseTwice);
}
