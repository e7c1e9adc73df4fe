// Tyck till's results in the API (issue 10; domain/portal.md item 8): per question of the
// initiatives' question sets, per month and for the whole period, the number of answers, how
// many chose each of 1–5 and the mean where it may be shown — after the association's
// disclosure control (src/evaluation/results.ts counts inside the register zone and protects).
// Free-text questions give their number of answers only: the texts are for the initiative's
// participant officers in the web pages ("evaluation.free_text") and never leave through the API.
// The cells are the participant statistics' (StatisticsCell).
//
// Who: "portal.usage", like the course figures (course-figures-routes.ts): the office and the
// board for every initiative, the initiative's lead, steering group and participant officers for
// their own. Each question belongs to one initiative; initiatives are never added together.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  type EvaluationResults,
  evaluationResults,
  formatMean,
  type ResultPeriod,
} from "../evaluation/results.ts";
import { EVALUATION_CONTEXTS, QUESTION_TYPES } from "../evaluation/schema.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { associationOf, guard, guarded, principalOf } from "./app.ts";
import {
  disclosureOut,
  initiativesRead,
  monthPeriod,
  monthQuery,
  PORTAL_FIGURES_READERS,
  readsPortalFigures,
  StatisticsCellSchema,
  usageCellOut,
} from "./course-figures-routes.ts";
import { AssociationParams, common, invalid, json, problem, security } from "./operation-kit.ts";
import type { ApiEnv } from "./problems.ts";

const TAG = "Portalen";

const DEFINITIONS = [
  {
    key: "answers",
    label: "Antal svar",
    text: "Hur många som svarade på frågan (inte hoppade över den). Svaren sparas utan namn, med månaden de lämnades.",
  },
  {
    key: "distribution",
    label: "Fördelning",
    text: "Skalfrågor: hur många som valde 1, 2, 3, 4 och 5. Visas inte för en period med färre svar än tröskeln.",
  },
  {
    key: "mean",
    label: "Medelvärde",
    text: "Genomsnittet av svaren 1–5, med en decimal. Det visas bara när antalet svar och alla delar av fördelningen visas: annars skulle dolda antal kunna räknas fram.",
  },
  {
    key: "fritext",
    label: "Fritextfråga",
    text: "Bara antalet svar. Texterna läser insatsens deltagarhandläggare i Samspår; de lämnas aldrig ut här.",
  },
] as const;

// ---------------------------------------------------------------------------------------------
// Schemas

const ResultsQuery = z.object({
  ...monthQuery,
  context: z.enum(EVALUATION_CONTEXTS).openapi({
    param: { name: "context", in: "query" },
    description:
      "Vilka svar: kapitel (korta frågor efter ett klart kapitel), mote (korta frågor efter ett möte) eller slut (slutenkäten).",
    example: "mote",
  }),
});

const MeanSchema = z
  .union([
    z.object({
      value: z.number().openapi({ description: "Medelvärdet, en decimal.", example: 3.8 }),
      display: z.string().openapi({ example: "3,8" }),
    }),
    z.object({
      suppressed: z.enum(["few", "distribution"]).openapi({
        description:
          "few: för få svar (under tröskeln, eller inga). distribution: en del av fördelningen är dold, så inte heller medelvärdet.",
        example: "few",
      }),
      display: z.string().openapi({ example: "–" }),
    }),
  ])
  .openapi("EvaluationMean", { description: "Ett medelvärde efter röjandekontroll." });

const PeriodSchema = z
  .object({
    key: z.string().openapi({
      description: "Månaden (ÅÅÅÅ-MM), eller total för hela perioden.",
      example: "2026-03",
    }),
    label: z.string().openapi({ example: "mars 2026" }),
    answers: StatisticsCellSchema,
    distribution: z.array(StatisticsCellSchema).nullable().openapi({
      description:
        "Skalfrågor: antal som valde 1, 2, 3, 4 och 5, i den ordningen; null för fritext och när perioden har för få svar.",
    }),
    mean: MeanSchema.nullable().openapi({ description: "Skalfrågor; null för fritext." }),
  })
  .openapi("EvaluationPeriod");

const QuestionSchema = z
  .object({
    initiativeId: z.uuid(),
    initiativeName: z.string().openapi({ example: "Tierp, Växtverket" }),
    questionId: z.string().openapi({ description: "Frågans stabila id.", example: "q-nojd" }),
    text: z.string().openapi({ example: "Hur nöjd är du med mötet?" }),
    type: z.enum(QUESTION_TYPES),
    low: z.string().nullable().openapi({ description: "Vad 1 betyder.", example: "Inte alls" }),
    high: z.string().nullable().openapi({ description: "Vad 5 betyder.", example: "Mycket" }),
    inForm: z.boolean().openapi({
      description:
        "false: frågan finns inte längre bland insatsens frågor; svaren från när den ställdes räknas ändå.",
    }),
    months: z.array(PeriodSchema).openapi({ description: "Varje månad i perioden." }),
    total: PeriodSchema,
  })
  .openapi("EvaluationQuestionResult");

const ResultsSchema = z
  .object({
    period: z.object({
      from: z.string().openapi({ example: "2026-01" }),
      to: z.string().openapi({ example: "2026-06" }),
      fromLabel: z.string().openapi({ example: "januari 2026" }),
      toLabel: z.string().openapi({ example: "juni 2026" }),
    }),
    context: z.enum(EVALUATION_CONTEXTS),
    threshold: z.number().int().openapi({
      description:
        "Förbundets tröskel för röjandekontroll (0: avstängd). Antal under tröskeln visas som ”< tröskeln”.",
      example: 5,
    }),
    allowTrueZero: z.boolean(),
    initiatives: z
      .array(z.object({ id: z.uuid(), name: z.string() }))
      .openapi({ description: "Insatserna svaret gäller, i namnordning." }),
    questions: z.array(QuestionSchema).openapi({
      description: "Per insats (i namnordning) frågorna i ordning, sedan frågor som tagits bort.",
    }),
    definitions: z
      .array(z.object({ key: z.string(), label: z.string(), text: z.string() }))
      .openapi({ description: "Varje uppgifts definition, på svenska." }),
    disclosure: z.object({
      suppressedCells: z.number().int(),
      primary: z.number().int(),
      secondary: z.number().int(),
      sharesNotShown: z.number().int(),
      leftOut: z.number().int(),
      reasons: z.array(z.string()).openapi({
        description: "Varför uppgifter inte visas, på svenska; aldrig vilka värden.",
      }),
    }),
  })
  .openapi("EvaluationResults", {
    description:
      "Tyck till-svaren per fråga efter röjandekontroll. Inga enskilda svar, inga fritexter, inga deltagare.",
  });

export const getEvaluationResultsRoute = createRoute({
  method: "get",
  path: "/associations/{slug}/evaluation-results",
  operationId: "getEvaluationResults",
  tags: [TAG],
  summary: "Tyck till – resultat efter röjandekontroll",
  description: `Per fråga, månad och hela perioden: antal svar, för skalfrågor hur många som valde 1–5 och medelvärdet där det får visas, för fritextfrågor bara antalet svar (texterna lämnas aldrig ut i API:t). Antal under förbundets tröskel visas inte, och inte heller så många andra att de kan räknas fram. ${PORTAL_FIGURES_READERS}`,
  security,
  request: { params: AssociationParams, query: ResultsQuery },
  responses: {
    200: json(ResultsSchema, "Resultaten."),
    400: invalid,
    403: problem(
      "Nyckelns ägare saknar behörigheten portal.usage, eller får inte se resultaten för den insats som angavs.",
    ),
    404: problem(
      "Förbundet eller insatsen finns inte, eller nyckelns ägare har ingen roll i förbundet.",
    ),
    ...common,
  },
});

// ---------------------------------------------------------------------------------------------
// Answers

const meanOut = (mean: ResultPeriod["mean"]): z.infer<typeof MeanSchema> | null =>
  mean === null
    ? null
    : "value" in mean
      ? { value: mean.value, display: formatMean(mean.value) }
      : { suppressed: mean.hidden, display: "–" };

const periodOut = (p: ResultPeriod): z.infer<typeof PeriodSchema> => ({
  key: p.key,
  label: p.label,
  answers: usageCellOut(p.answers),
  distribution: p.distribution ? p.distribution.map(usageCellOut) : null,
  mean: meanOut(p.mean),
});

export function evaluationResultsOut(
  results: EvaluationResults,
  initiatives: readonly { id: string; name: string }[],
): z.infer<typeof ResultsSchema> {
  return {
    period: { ...results.period },
    context: results.context,
    threshold: results.threshold,
    allowTrueZero: results.allowTrueZero,
    initiatives: initiatives.map((i) => ({ id: i.id, name: i.name })),
    questions: results.questions.map((q) => ({
      initiativeId: q.initiativeId,
      initiativeName: q.initiativeName,
      questionId: q.questionId,
      text: q.text,
      type: q.type,
      low: q.low,
      high: q.high,
      inForm: q.inForm,
      months: q.months.map(periodOut),
      total: periodOut(q.total),
    })),
    definitions: DEFINITIONS.map((d) => ({ ...d })),
    disclosure: disclosureOut(results),
  };
}

// ---------------------------------------------------------------------------------------------
// Registration

export function registerEvaluationResultsRoutes(
  app: OpenAPIHono<ApiEnv>,
  services: AppServices,
): void {
  app.openapi(
    guarded(getEvaluationResultsRoute, guard(services, "portal.usage", readsPortalFigures)),
    async (c) => {
      const query = c.req.valid("query");
      const association = associationOf(c);
      const list = await initiativesRead(
        services.db,
        principalOf(c),
        association.id,
        query.initiativeId,
      );
      // the association's own disclosure control applies: evaluationResults reads it
      const results = await evaluationResults(services.db, association.id, {
        ...monthPeriod(query),
        context: query.context,
        initiativeIds: list.map((i) => i.id),
      });
      return c.json(evaluationResultsOut(results, list), 200);
    },
  );
}
