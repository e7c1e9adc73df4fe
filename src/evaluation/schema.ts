// Tyck till: the initiative's continuous evaluation in the portal (issue 10; domain/portal.md
// item 8; ADR 0015). A short check (one or two questions) after a meeting or a chapter, and a
// longer exit survey; the question sets are the initiative's own.
//
// Answers are never shown per person, and the tables make that so: a response carries no
// participant id, only its initiative, the month and what it was about. A separate receipt says
// that a participant has answered (so nobody is asked twice), with no link to the response.
// Both are register data (free text may say anything about a person): the association zone sees
// only results per question that passed disclosure control (results.ts).
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { associations } from "../associations/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { PortalLocale } from "../portal/locales.ts";
import { register } from "../register/schema.ts";

/** "kort": the one- or two-question check after a meeting or a chapter; "slut": the exit survey. */
export const EVALUATION_KINDS = ["kort", "slut"] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

/** What an answer was about: a chapter, a meeting (a kept booking) or leaving the initiative. */
export const EVALUATION_CONTEXTS = ["kapitel", "mote", "slut"] as const;
export type EvaluationContext = (typeof EVALUATION_CONTEXTS)[number];

/** "skala": 1–5 (with words for the ends); "fritext": a few sentences. */
export const QUESTION_TYPES = ["skala", "fritext"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const FREE_TEXT_MAX = 1000;
/** The short check has at most two questions; the exit survey at most fifteen. */
export const MAX_QUESTIONS: Record<EvaluationKind, number> = { kort: 2, slut: 15 };

export interface QuestionText {
  text: string;
  /** A scale's words for 1 and 5 ("Inte alls", "Mycket"); unused for free text. */
  low?: string;
  high?: string;
}

export interface EvaluationQuestion {
  /** Stable across edits: results are per question id. */
  id: string;
  type: QuestionType;
  /** Swedish always; a form is shown in a language only when every question has it. */
  texts: Partial<Record<PortalLocale, QuestionText>>;
}

/** One initiative's question set of one kind. */
export const evaluationForms = pgTable(
  "evaluation_forms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id),
    kind: text("kind").$type<EvaluationKind>().notNull(),
    questions: jsonb("questions").$type<EvaluationQuestion[]>().notNull(),
    updatedByName: text("updated_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("evaluation_forms_initiative_kind_unique").on(t.initiativeId, t.kind),
    check("evaluation_forms_kind_check", sql`${t.kind} in ('kort','slut')`),
  ],
);

/** One answer to one question, with the Swedish question as it was asked. */
export interface ResponseAnswer {
  questionId: string;
  type: QuestionType;
  questionSv: string;
  /** 1–5 for a scale, the text for free text; null: not answered. */
  value: number | string | null;
}

/** An answered form: no participant, no exact time — the month only. */
export const evaluationResponses = register.table(
  "evaluation_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id").notNull(),
    dataControllerId: uuid("data_controller_id").notNull(),
    initiativeId: uuid("initiative_id").notNull(),
    formId: uuid("form_id").notNull(),
    formVersion: integer("form_version").notNull(),
    kind: text("kind").$type<EvaluationKind>().notNull(),
    context: text("context").$type<EvaluationContext>().notNull(),
    /** For a chapter's check: the course and chapter (course material, about no person). */
    courseId: uuid("course_id"),
    chapterId: uuid("chapter_id"),
    /** The first day of the month answered. */
    month: date("month").notNull(),
    answers: jsonb("answers").$type<ResponseAnswer[]>().notNull(),
  },
  (t) => [
    index("evaluation_responses_initiative_idx").on(t.initiativeId, t.month),
    check("evaluation_responses_kind_check", sql`${t.kind} in ('kort','slut')`),
    check("evaluation_responses_context_check", sql`${t.context} in ('kapitel','mote','slut')`),
    check("evaluation_responses_month_check", sql`extract(day from ${t.month}) = 1`),
  ],
);

/**
 * That a participant answered (or declined) one check or the exit survey, so they are not
 * asked again. contextKey: the chapter's or the booking's id, or "slut".
 */
export const evaluationReceipts = register.table(
  "evaluation_receipts",
  {
    associationId: uuid("association_id").notNull(),
    dataControllerId: uuid("data_controller_id").notNull(),
    initiativeId: uuid("initiative_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    context: text("context").$type<EvaluationContext>().notNull(),
    contextKey: text("context_key").notNull(),
    /** "svarat" or "avstod" (the participant chose not to answer). */
    outcome: text("outcome").$type<"svarat" | "avstod">().notNull(),
    on: date("on").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.context, t.contextKey] }),
    check("evaluation_receipts_context_check", sql`${t.context} in ('kapitel','mote','slut')`),
    check("evaluation_receipts_outcome_check", sql`${t.outcome} in ('svarat','avstod')`),
  ],
);
