// Tyck till's protected results (issue 10; domain/portal.md item 8; ADR 0015): per question of
// an initiative's question set (or of several initiatives' sets, in the follow-up report), per
// month of a period and for the whole period — for a scale question the number of answers, how
// many chose each of 1–5 and the mean; for a free-text question the number of answers only
// (never the texts: those are for the initiative's participant officers, free-text.tsx).
// One context at a time: the short check after chapters, after meetings, or the exit survey.
//
// WHERE IT IS COUNTED. Responses carry no participant, but they are register data (ADR 0015):
// they are read inside the register zone with a scope covering the initiatives and their owners
// (the statistics path, like src/portal/usage.ts), and the database counts — per initiative,
// question, month and value. A free-text answer's text never leaves the query.
//
// HOW IT IS PROTECTED (src/register/disclosure.ts, the association's threshold). A scale
// question is one table: rows the months, columns the values 1–5, with the months' totals (the
// answers of a month), the values' totals (the whole period's distribution) and the grand total
// (the whole period's answers). So a value hidden in a month cannot be worked out from the
// whole period, nor from the month's answers. On top of that:
// - a period (a month or the whole period) with fewer answers than the threshold shows "< N"
//   and no distribution and no mean (hiding more than protectTable asks never gives anything
//   away);
// - the mean is shown only when the period's answers and every value's count are shown: with
//   the number of answers and the mean, two hidden counts could be worked out from each other;
// - a free-text question is one table too: rows the months, one column, with the column total.
// Questions are not added up (one response answers several questions), nor are contexts.
import { and, eq, inArray, sql } from "drizzle-orm";
import { disclosureOf, initiativeOwners } from "../courses/figures.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Db } from "../platform/database/connect.ts";
import { ValidationError } from "../platform/errors.ts";
import { DEFAULT_LOCALE, intlLocaleOf, isLocale, type Locale } from "../platform/i18n/locales.ts";
import { createTranslator } from "../platform/i18n/translate.ts";
import { checkMonthRange, monthLabel, monthsBetween, type UsageCell } from "../portal/usage.ts";
import {
  type DisclosureOptions,
  type DisclosureSummary,
  type ProtectedCell,
  type ProtectedTable,
  protectTable,
  summarizeDisclosure,
} from "../register/disclosure.ts";
import { inRegister } from "../register/zone.ts";
import {
  EVALUATION_CONTEXTS,
  type EvaluationContext,
  type EvaluationKind,
  evaluationForms,
  type QuestionType,
  SCALE_MAX,
  SCALE_MIN,
} from "./schema.ts";

/** The scale's values, 1–5. */
export const SCALE_VALUES: readonly number[] = Array.from(
  { length: SCALE_MAX - SCALE_MIN + 1 },
  (_, i) => SCALE_MIN + i,
);

/** The form a context's answers come from: the short check after chapters and meetings. */
export const KIND_OF_CONTEXT: Record<EvaluationContext, EvaluationKind> = {
  kapitel: "kort",
  mote: "kort",
  slut: "slut",
};

export const isEvaluationContext = (value: unknown): value is EvaluationContext =>
  typeof value === "string" && (EVALUATION_CONTEXTS as readonly string[]).includes(value);

/** Why a mean is not shown: too few answers, or a part of the distribution is hidden. */
export type MeanCell = { readonly value: number } | { readonly hidden: "few" | "distribution" };

/** One month, or the whole period ("total"). */
export interface ResultPeriod {
  readonly key: string;
  readonly label: string;
  /** The number of answers to the question. */
  readonly answers: UsageCell;
  /** How many chose 1..5 (scale questions); null when the period has too few answers. */
  readonly distribution: readonly UsageCell[] | null;
  /** Scale questions: the mean; null for free text. */
  readonly mean: MeanCell | null;
}

export interface QuestionResult {
  readonly initiativeId: string;
  readonly initiativeName: string;
  readonly questionId: string;
  /** The Swedish question (the form's, or the one last answered when it has left the form). */
  readonly text: string;
  readonly type: QuestionType;
  /** The words for 1 and 5, when the form has them. */
  readonly low: string | null;
  readonly high: string | null;
  /** False when the question is no longer in the form (answers from before are still counted). */
  readonly inForm: boolean;
  readonly months: readonly ResultPeriod[];
  readonly total: ResultPeriod;
}

export interface EvaluationResults {
  readonly period: {
    readonly from: string;
    readonly to: string;
    readonly fromLabel: string;
    readonly toLabel: string;
  };
  readonly context: EvaluationContext;
  readonly threshold: number;
  readonly allowTrueZero: boolean;
  readonly questions: readonly QuestionResult[];
  readonly disclosure: DisclosureSummary;
  /** Totals left out because a table could not show them (shown ".."). */
  readonly leftOut: number;
}

export interface ResultsOptions {
  readonly from: string;
  readonly to: string;
  readonly context: EvaluationContext;
  readonly initiativeIds: readonly string[];
  readonly threshold?: number;
  readonly allowTrueZero?: boolean;
  readonly locale?: string;
}

/** A question as the results list it, before counting. */
export interface ResultQuestion {
  readonly initiativeId: string;
  readonly initiativeName: string;
  readonly questionId: string;
  readonly text: string;
  readonly type: QuestionType;
  readonly low: string | null;
  readonly high: string | null;
  readonly inForm: boolean;
}

/** Raw counts (inside this module only): month → value (1–5, or 0 for free text) → answers. */
export type QuestionCounts = ReadonlyMap<string, ReadonlyMap<number, number>>;

/** "3,5" / "3.5": a mean with exactly one decimal. */
export function formatMean(value: number, locale: string = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(intlLocaleOf(locale), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

const key = (initiativeId: string, questionId: string) => `${initiativeId}|${questionId}`;

async function countAnswers(
  db: Db,
  associationId: string,
  owners: readonly { id: string; ownerId: string }[],
  context: EvaluationContext,
  months: readonly string[],
): Promise<{
  counts: Map<string, Map<string, Map<number, number>>>;
  seen: Map<string, { text: string; type: QuestionType }>;
}> {
  const counts = new Map<string, Map<string, Map<number, number>>>();
  const seen = new Map<string, { text: string; type: QuestionType }>();
  if (owners.length === 0) return { counts, seen };
  const idList = sql.join(
    owners.map((o) => sql`${o.id}::uuid`),
    sql`, `,
  );
  const first = `${months[0]}-01`;
  const last = `${months[months.length - 1]}-01`;
  const controllers = [...new Set(owners.map((o) => o.ownerId))];
  const rows = await inRegister(db, { controllers, initiatives: owners.map((o) => o.id) }, (tx) =>
    tx.execute<{
      initiative_id: string;
      question_id: string;
      type: QuestionType;
      month: string;
      value: number;
      n: number;
      text: string;
    }>(
      sql`select r.initiative_id, a->>'questionId' as question_id, a->>'type' as type,
              to_char(r.month, 'YYYY-MM') as month,
              case when a->>'type' = 'skala' then (a->>'value')::int else 0 end as value,
              count(*)::int as n, max(a->>'questionSv') as text
            from register.evaluation_responses r
              cross join lateral jsonb_array_elements(r.answers) a
            where r.association_id = ${associationId} and r.initiative_id in (${idList})
              and r.context = ${context}
              and r.month between ${first}::date and ${last}::date
              and (
                (a->>'type' = 'skala' and jsonb_typeof(a->'value') = 'number'
                  and (a->>'value')::numeric between ${SCALE_MIN} and ${SCALE_MAX})
                or (a->>'type' = 'fritext' and jsonb_typeof(a->'value') = 'string'
                  and length(btrim(a->>'value')) > 0)
              )
            group by 1, 2, 3, 4, 5`,
    ),
  );
  for (const r of rows.rows) {
    const k = key(r.initiative_id, r.question_id);
    const byMonth = counts.get(k) ?? new Map<string, Map<number, number>>();
    counts.set(k, byMonth);
    const byValue = byMonth.get(r.month) ?? new Map<number, number>();
    byMonth.set(r.month, byValue);
    byValue.set(Number(r.value), (byValue.get(Number(r.value)) ?? 0) + Number(r.n));
    if (!seen.has(k)) seen.set(k, { text: r.text, type: r.type });
  }
  return { counts, seen };
}

/** The questions of the initiatives' forms for the context, then questions only answered. */
async function questionsOf(
  db: Db,
  associationId: string,
  owners: readonly { id: string }[],
  context: EvaluationContext,
  seen: ReadonlyMap<string, { text: string; type: QuestionType }>,
): Promise<ResultQuestion[]> {
  if (owners.length === 0) return [];
  const ids = owners.map((o) => o.id);
  const names = await db
    .select({ id: initiatives.id, name: initiatives.name })
    .from(initiatives)
    .where(and(eq(initiatives.associationId, associationId), inArray(initiatives.id, ids)));
  const forms = await db
    .select({ initiativeId: evaluationForms.initiativeId, questions: evaluationForms.questions })
    .from(evaluationForms)
    .where(
      and(
        eq(evaluationForms.associationId, associationId),
        inArray(evaluationForms.initiativeId, ids),
        eq(evaluationForms.kind, KIND_OF_CONTEXT[context]),
      ),
    );
  const list: ResultQuestion[] = [];
  const sorted = [...names].sort((a, b) => a.name.localeCompare(b.name, "sv"));
  for (const initiative of sorted) {
    const form = forms.find((f) => f.initiativeId === initiative.id);
    const inForm = new Set<string>();
    for (const q of form?.questions ?? []) {
      inForm.add(q.id);
      list.push({
        initiativeId: initiative.id,
        initiativeName: initiative.name,
        questionId: q.id,
        text: q.texts.sv?.text ?? "",
        type: q.type,
        low: q.type === "skala" ? (q.texts.sv?.low ?? null) : null,
        high: q.type === "skala" ? (q.texts.sv?.high ?? null) : null,
        inForm: true,
      });
    }
    const gone = [...seen.entries()]
      .filter(([k]) => k.startsWith(`${initiative.id}|`) && !inForm.has(k.split("|")[1] ?? ""))
      .sort(([, a], [, b]) => a.text.localeCompare(b.text, "sv"));
    for (const [k, q] of gone)
      list.push({
        initiativeId: initiative.id,
        initiativeName: initiative.name,
        questionId: k.split("|")[1] ?? "",
        text: q.text,
        type: q.type,
        low: null,
        high: null,
        inForm: false,
      });
  }
  return list;
}

const LEFT = (threshold: number): UsageCell => ({ suppressed: "left_out", threshold });

const isPrimaryOrOut = (c: UsageCell) =>
  "suppressed" in c && (c.suppressed === "primary" || c.suppressed === "left_out");

/** Protects one context's counts (see the top of the file) and names the periods in `locale`. */
export function protectResults(
  questions: readonly ResultQuestion[],
  counts: ReadonlyMap<string, QuestionCounts>,
  months: readonly string[],
  options: Required<DisclosureOptions> & { locale?: string },
): {
  questions: QuestionResult[];
  disclosure: DisclosureSummary;
  leftOut: number;
} {
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
  const labelled = months.map((month) => ({ key: month, label: monthLabel(month, locale) }));
  const whole = { key: "total", label: t("courseFigures.results.whole") };
  const results = questions.map((q): QuestionResult => {
    const byMonth = counts.get(key(q.initiativeId, q.questionId));
    if (q.type === "fritext") {
      const table = protectTable(
        {
          cells: months.map((m) => [byMonth?.get(m)?.get(0) ?? 0]),
          show: { columnTotals: true },
        },
        disclosure,
      );
      tables.push(table);
      return {
        ...q,
        months: labelled.map((m, i) => ({
          ...m,
          answers: cell(table.cells[i]?.[0]),
          distribution: null,
          mean: null,
        })),
        total: { ...whole, answers: cell(table.columnTotals?.[0]), distribution: null, mean: null },
      };
    }
    const raw = months.map((m) => SCALE_VALUES.map((v) => byMonth?.get(m)?.get(v) ?? 0));
    const table = protectTable(
      { cells: raw, show: { rowTotals: true, columnTotals: true, grandTotal: true } },
      disclosure,
    );
    tables.push(table);
    const period = (
      base: { key: string; label: string },
      answersCell: UsageCell,
      cells: readonly UsageCell[],
      values: readonly number[],
    ): ResultPeriod => {
      if (isPrimaryOrOut(answersCell))
        return { ...base, answers: answersCell, distribution: null, mean: { hidden: "few" } };
      const n = values.reduce((a, b) => a + b, 0);
      const allShown = "value" in answersCell && cells.every((c) => "value" in c);
      const mean: MeanCell =
        !allShown || n === 0
          ? { hidden: n === 0 ? "few" : "distribution" }
          : {
              value:
                Math.round(
                  (values.reduce((sum, count, i) => sum + count * (SCALE_VALUES[i] ?? 0), 0) / n) *
                    10,
                ) / 10,
            };
      return { ...base, answers: answersCell, distribution: cells, mean };
    };
    const totals = SCALE_VALUES.map((_, j) => raw.reduce((sum, row) => sum + (row[j] ?? 0), 0));
    return {
      ...q,
      months: labelled.map((m, i) =>
        period(
          m,
          cell(table.rowTotals?.[i]),
          SCALE_VALUES.map((_, j) => cell(table.cells[i]?.[j])),
          raw[i] ?? [],
        ),
      ),
      total: period(
        whole,
        cell(table.grandTotal),
        SCALE_VALUES.map((_, j) => cell(table.columnTotals?.[j])),
        totals,
      ),
    };
  });
  const summary = summarizeDisclosure(tables, disclosure, locale);
  const reasons = [...summary.reasons];
  if (leftOut > 0) reasons.push(t("courseFigures.leftOut", { count: leftOut }));
  return { questions: results, disclosure: { ...summary, reasons }, leftOut };
}

/**
 * Tyck till's results for one context, a month range and one or more initiatives of the
 * association, after disclosure control with the association's own threshold (unless the
 * caller names one). Throws ValidationError for a bad month range or context and
 * NotFoundError for an initiative that is not the association's.
 */
export async function evaluationResults(
  db: Db,
  associationId: string,
  options: ResultsOptions,
): Promise<EvaluationResults> {
  checkMonthRange(options.from, options.to);
  if (!isEvaluationContext(options.context)) {
    throw new ValidationError({
      sammanhang: "Välj vilka svar som ska visas: efter kapitel, efter möten eller slutenkäten.",
    });
  }
  const months = monthsBetween(options.from, options.to);
  const owners = await initiativeOwners(db, associationId, options.initiativeIds);
  const { threshold, allowTrueZero } = await disclosureOf(db, associationId, options);
  const { counts, seen } = await countAnswers(db, associationId, owners, options.context, months);
  const questions = await questionsOf(db, associationId, owners, options.context, seen);
  const locale: Locale = isLocale(options.locale) ? options.locale : DEFAULT_LOCALE;
  return {
    period: {
      from: options.from,
      to: options.to,
      fromLabel: monthLabel(options.from, locale),
      toLabel: monthLabel(options.to, locale),
    },
    context: options.context,
    threshold,
    allowTrueZero,
    ...protectResults(questions, counts, months, { threshold, allowTrueZero, locale }),
  };
}
