// Progression measurement in the API (domain/participants.md §"Progression measurement"): the
// instruments an association measures with (Samspår's and its own, with their versions), one
// version's whole definition, an initiative's measurement plan (read and saved) and the results
// after disclosure control. The use cases in src/progression decide what may be stored and count
// the results; this file authorizes (before validation, like every association operation), reads
// the request with zod schemas that also make the OpenAPI document, and shapes the answers.
//
// The register side stays out of the API: measurements, the coach's due list, the comparison
// group and the evaluator's export are the participant officers' work in the web pages, inside
// the register zone, and an API key belongs to the association zone. Nothing here reads or
// answers a single participant: the results are aggregates that passed disclosure control.
//
// Who: the instruments and their versions — the office (progression.instruments) and everyone
// who reads results (progression.results: the office and the board, and the initiative lead and
// the steering group of an initiative). The plan — read by the office and by whoever reads the
// initiative's results; saved by the office (progression.plan) with a write key. The results —
// progression.results: the office and the board see every initiative, the lead and the steering
// group their own initiatives only.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { can, canOnInitiative, ForbiddenError } from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { getInitiative } from "../initiatives/get-initiative.ts";
import { NotFoundError } from "../platform/errors.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import {
  getInstrumentVersion,
  type InstrumentSummary,
  type InstrumentVersionDetails,
  type InstrumentVersionSummary,
  listInstruments,
} from "../progression/instruments.ts";
import { RESPONDENTS } from "../progression/model.ts";
import { getPlan, type PlanView, savePlan } from "../progression/plans.ts";
import {
  DEFINITION_LABELS,
  type DefinitionKey,
  formatMean,
  type GenderFigures,
  type GroupResults,
  type InstrumentResults,
  type ProgressionResults,
  type ProtectedMean,
  progressionResults,
} from "../progression/results.ts";
import { INSTRUMENT_VERSION_STATUSES } from "../progression/schema.ts";
import {
  formatProtected,
  type ProtectedCell,
  type ProtectedRatio,
} from "../register/disclosure.ts";
import { actorOf, associationOf, guard, guarded, principalOf, type Rule } from "./app.ts";
import {
  AssociationParams,
  common,
  invalid,
  json,
  jsonBody,
  problem,
  security,
  timestampLike,
  writing,
} from "./operation-kit.ts";
import type { ApiEnv } from "./problems.ts";

const TAG = "Progression";

const REGISTER_NOTE =
  "Mätningarna och utvärderarens fil finns inte i API:t: de hör till deltagarregistret, där bara insatsens deltagarhandläggare arbetar, i webbsidorna.";

// ---------------------------------------------------------------------------------------------
// Schemas

const timestamp = timestampLike("2026-11-23T09:30:00.000Z");

const TextsSchema = z
  .object({
    sv: z.string().openapi({ example: "Jag vet vad jag vill arbeta med." }),
    en: z.string().optional(),
    ar: z.string().optional(),
    so: z.string().optional(),
    ti: z.string().optional(),
    fa: z.string().optional(),
  })
  .openapi("ProgressionTexts", {
    description:
      "En text på svenska (sv, alltid) och de av portalens språk den finns på: en (engelska), ar (arabiska), so (somaliska), ti (tigrinska), fa (persiska/dari).",
  });

const VersionSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int().openapi({ description: "1, 2, … inom instrumentet.", example: 1 }),
    status: z.enum(INSTRUMENT_VERSION_STATUSES).openapi({
      description:
        "utkast: förbundet arbetar med den och den kan inte användas i en mätplan. publicerad: kan användas och ändras aldrig (den kan ha svar); ett ändrat instrument blir en ny version.",
      example: "publicerad",
    }),
    createdAt: timestamp("När versionen skapades."),
    createdByName: z.string().openapi({ example: "Maria Lindqvist" }),
    publishedAt: timestamp("När versionen publicerades; null för ett utkast.").nullable(),
    publishedByName: z.string().nullable().openapi({ example: "Maria Lindqvist" }),
    version: z.number().int().openapi({
      description:
        "Utkastets version för samtidiga ändringar (en publicerad version ändras aldrig).",
      example: 1,
    }),
  })
  .openapi("ProgressionInstrumentVersionSummary");

const instrumentFields = {
  id: z.uuid(),
  key: z.string().openapi({ description: "Instrumentets kortnamn.", example: "vagen-till-arbete" }),
  name: TextsSchema,
  licence: z.string().nullable().openapi({
    description:
      "null: ett öppet instrument. Annars vem som har licensen och på vilka villkor; ett licensierat instrument får bara läggas till av ett förbund som har licens att använda det oförändrat.",
    example: null,
  }),
  shipped: z.boolean().openapi({
    description: "Följer med Samspår: samma för alla förbund och ändras aldrig av förbundet.",
  }),
  archived: z.boolean().openapi({ description: "Arkiverat: kan inte väljas i nya mätplaner." }),
  createdByName: z.string().openapi({ example: "Samspår" }),
  createdAt: timestamp("När instrumentet lades till."),
  version: z.number().int().openapi({ example: 1 }),
};

const InstrumentSchema = z
  .object({
    ...instrumentFields,
    inUse: z.boolean().openapi({
      description: "Har en publicerad version, som mätningar kan använda (och som kan ha svar).",
    }),
    versions: z.array(VersionSummarySchema).openapi({ description: "Äldst först." }),
  })
  .openapi("ProgressionInstrument");

const InstrumentListSchema = z
  .object({ items: z.array(InstrumentSchema) })
  .openapi("ProgressionInstrumentList", {
    description: "Samspårs instrument först, sedan förbundets egna i namnordning.",
  });

const ItemSchema = z
  .object({
    key: z
      .string()
      .openapi({ description: "Frågans kortnamn; svaren lagras efter det.", example: "a" }),
    text: TextsSchema,
    reverse: z.boolean().openapi({
      description: "Omvänt ställd: räknas som min + max − svaret.",
    }),
    subscale: z.string().nullable().openapi({
      description: "Delskalan frågan räknas i, eller null (bara totalen).",
      example: "framtid",
    }),
  })
  .openapi("ProgressionItem");

const DefinitionSchema = z
  .object({
    respondent: z.enum(RESPONDENTS).openapi({
      description: "Vem som svarar: deltagaren (självskattning) eller personalen.",
      example: "deltagare",
    }),
    instructions: TextsSchema,
    scale: z.object({
      min: z.number().int().openapi({ example: 1 }),
      max: z.number().int().openapi({ example: 10 }),
      minLabel: TextsSchema,
      maxLabel: TextsSchema,
    }),
    items: z.array(ItemSchema),
    subscales: z.array(
      z.object({ key: z.string().openapi({ example: "framtid" }), name: TextsSchema }),
    ),
    scoring: z.object({
      method: z.enum(["medel", "summa"]).openapi({
        description:
          "medel: medelvärdet av de besvarade frågorna. summa: summan räknad upp till alla frågor (medel × antal frågor).",
        example: "medel",
      }),
      minAnsweredShare: z.number().openapi({
        description:
          "Minsta andel besvarade frågor (0–1) för att ett värde ska ges; färre besvarade ger inget värde.",
        example: 0.7,
      }),
      improvement: z.number().openapi({
        description: "Minsta ökning av totalen som räknas som förbättring.",
        example: 1,
      }),
    }),
  })
  .openapi("ProgressionInstrumentDefinition", {
    description:
      "Instrumentets frågor, skala, omvända frågor, delskalor, hur det räknas och texterna på varje språk.",
  });

const VersionSchema = VersionSummarySchema.extend({
  definition: DefinitionSchema,
  instrument: z.object(instrumentFields),
}).openapi("ProgressionInstrumentVersion", {
  description: "En version av ett instrument med hela definitionen.",
});

const ArchivedQuery = z.object({
  archived: z
    .enum(["true", "false"])
    .optional()
    .openapi({
      param: { name: "archived", in: "query" },
      description: "true: också arkiverade instrument. Utelämnad eller false: bara de som används.",
      example: "false",
    }),
});

const VersionParams = AssociationParams.extend({
  versionId: z.uuid().openapi({
    param: { name: "versionId", in: "path" },
    description: "Versionens id (se instrumentlistan eller mätplanen).",
    example: "3f6c2b1a-8d4e-4a5b-9c7d-1e2f3a4b5c6d",
  }),
});

const InitiativeParams = AssociationParams.extend({
  initiativeId: z.uuid().openapi({
    param: { name: "initiativeId", in: "path" },
    description: "Insatsens id.",
    example: "8d1c2a4e-6f3b-4c1d-9e2a-5b7f0c3d4e21",
  }),
});

const PLAN_NUMBERS = {
  intervalMonths: {
    description:
      "Månader mellan uppföljningarna efter nollpunkten, ett heltal 0–24 (0: inga uppföljningar mellan start och avslut).",
    example: 3,
  },
  graceDays: {
    description: "Dagar en mätning får dröja innan den räknas som försenad, ett heltal 0–90.",
    example: 14,
  },
  targetPercent: {
    description: "Målet för andelen mätta deltagare i procent, ett heltal 0–100.",
    example: 50,
  },
};

/** The plan's fields; whole numbers are checked by the use case, which says what is wrong. */
const planFields = (numbers: () => z.ZodNumber) => ({
  intervalMonths: numbers().openapi(PLAN_NUMBERS.intervalMonths),
  atExit: z.boolean().openapi({ description: "Deltagarna mäts också vid avslut.", example: true }),
  graceDays: numbers().openapi(PLAN_NUMBERS.graceDays),
  targetPercent: numbers().openapi(PLAN_NUMBERS.targetPercent),
  comparisonGroup: z.boolean().openapi({
    description:
      "Insatsen har en jämförelsegrupp (anonyma mätningar av personer som inte deltar), som visas bredvid deltagarnas resultat.",
    example: false,
  }),
});

const PlanSchema = z
  .object({
    initiativeId: z.uuid(),
    instrumentVersionIds: z.array(z.uuid()).openapi({
      description: "De publicerade instrumentversionerna som mäts vid varje tillfälle.",
    }),
    instruments: z
      .array(
        z.object({
          versionId: z.uuid(),
          instrumentId: z.uuid(),
          instrumentKey: z.string().openapi({ example: "vagen-till-arbete" }),
          name: z.string().openapi({ example: "Vägen till arbete" }),
          number: z.number().int().openapi({ example: 1 }),
        }),
      )
      .openapi({ description: "Samma versioner med instrumentets namn, i planens ordning." }),
    ...planFields(() => z.number().int()),
    updatedByName: z.string().openapi({ example: "Maria Lindqvist" }),
    updatedAt: timestamp("När planen senast sparades."),
    version: z.number().int().openapi({
      description: "Planens version; skicka den med när du sparar planen.",
      example: 2,
    }),
  })
  .openapi("ProgressionPlan", {
    description:
      "Insatsens mätplan: nollpunkt vid start, uppföljning var N:e månad och mätning vid avslut, med de valda instrumenten.",
  });

const PlanInputSchema = z
  .object({
    version: z.number().int().nullable().openapi({
      description:
        "Planens version som du utgår från (som If-Match), null när insatsen inte har någon plan ännu. Har någon annan sparat planen sedan dess: 409, ingenting sparas.",
      example: 1,
    }),
    instrumentVersionIds: z
      .array(z.string().max(100))
      .max(50)
      .openapi({
        description:
          "1–10 publicerade instrumentversioner som förbundet får använda (Samspårs eller egna, inte arkiverade), högst en version av varje instrument.",
        example: ["3f6c2b1a-8d4e-4a5b-9c7d-1e2f3a4b5c6d"],
      }),
    ...planFields(() => z.number()),
  })
  .openapi("ProgressionPlanInput", {
    description:
      "Hela mätplanen. Varje fel anges i sitt fält med ett meddelande på svenska (form: insatsen kan inte ha en plan), och ingenting sparas.",
  });

const ResultsQuery = z.object({
  from: z.iso
    .date()
    .optional()
    .openapi({
      param: { name: "from", in: "query" },
      description:
        "Periodens första dag (ÅÅÅÅ-MM-DD). Utelämnad: 1 januari samma år som periodens sista dag.",
      example: "2026-01-01",
    }),
  to: z.iso
    .date()
    .optional()
    .openapi({
      param: { name: "to", in: "query" },
      description: "Periodens sista dag (ÅÅÅÅ-MM-DD), dagen räknas med. Utelämnad: i dag.",
      example: "2026-12-31",
    }),
  initiativeId: z
    .uuid()
    .optional()
    .openapi({
      param: { name: "initiativeId", in: "query" },
      description:
        "Bara den här insatsen. Utelämnad: alla individinriktade insatser med mätplan som nyckelns ägare får se resultaten för.",
      example: "8d1c2a4e-6f3b-4c1d-9e2a-5b7f0c3d4e21",
    }),
});

const CellSchema = z
  .union([
    z.object({ value: z.number().int().openapi({ description: "Antalet.", example: 12 }) }),
    z.object({
      suppressed: z.enum(["primary", "secondary"]).openapi({
        description:
          "primary: färre än tröskeln (eller en sann nolla som förbundet inte visar), visas som ”< 5”. secondary: dolt så att ett annat dolt antal inte kan räknas fram, visas som ”..”.",
        example: "primary",
      }),
      display: z.string().openapi({ description: "Så visas antalet.", example: "< 5" }),
    }),
  ])
  .openapi("ProgressionCell", {
    description:
      "Ett antal efter röjandekontroll: värdet, eller varför det inte visas. Ett dolt värde lämnas aldrig ut.",
  });

const ShareSchema = z
  .union([
    z.object({
      ratio: z.number().openapi({ description: "Andelen som tal mellan 0 och 1.", example: 0.6 }),
      display: z.string().openapi({ description: "Andelen i hela procent.", example: "60 %" }),
    }),
    z.object({
      suppressed: z.enum(["denominator", "numerator", "complement"]).openapi({
        description:
          "denominator: för få i nämnaren. numerator: andelen skulle avslöja ett litet eller dolt antal. complement: andelen skulle avslöja att några få står utanför.",
        example: "denominator",
      }),
      display: z.string().openapi({ example: ".." }),
    }),
  ])
  .openapi("ProgressionShare", { description: "En andel efter röjandekontroll." });

const MeanSchema = z
  .union([
    z.object({
      value: z.number().openapi({ description: "Medelvärdet, två decimaler.", example: 1.25 }),
      display: z.string().openapi({ example: "+1,25" }),
    }),
    z.object({
      suppressed: z.enum(["n_hidden", "none"]).openapi({
        description:
          "n_hidden: antalet bakom medelvärdet visas inte (röjandekontroll), så inte heller medelvärdet. none: ingen att räkna.",
        example: "n_hidden",
      }),
      display: z.string().openapi({ example: "–" }),
    }),
  ])
  .openapi("ProgressionMean", { description: "Ett medelvärde efter röjandekontroll." });

const byGender = <T extends z.ZodType>(schema: T) =>
  z.object({
    kvinnor: schema,
    man: schema,
    totalt: schema.openapi({
      description: "Alla: även annat kön, vill ej ange och uppgift saknas.",
    }),
  });

const ScoreSchema = z
  .object({
    key: z.string().openapi({
      description: "total, delskala:<kortnamn> eller fraga:<kortnamn>.",
      example: "total",
    }),
    label: z.string().openapi({ example: "Totalt" }),
    n: byGender(CellSchema),
    baseline: byGender(MeanSchema),
    latest: byGender(MeanSchema),
    change: byGender(MeanSchema),
  })
  .openapi("ProgressionScore", {
    description:
      "Ett mått bland paren: n, medelvärdet vid nollpunkten och vid den senaste mätningen, och medelvärdet av förändringen.",
  });

const GroupSchema = z
  .object({
    measured: byGender(CellSchema),
    pairs: byGender(CellSchema),
    scores: z.array(ScoreSchema),
    improved: byGender(ShareSchema).openapi({ description: "Andel förbättrade av paren." }),
    distribution: z.object({
      steps: z.array(z.number()).openapi({ description: "Totalens steg, lågt till högt." }),
      baseline: z.array(CellSchema).openapi({ description: "Antal per steg vid nollpunkten." }),
      latest: z
        .array(CellSchema)
        .openapi({ description: "Antal per steg vid den senaste mätningen." }),
      n: CellSchema,
    }),
  })
  .openapi("ProgressionGroup", {
    description: "Deltagarnas (eller jämförelsegruppens) resultat för en instrumentversion.",
  });

const InstrumentResultSchema = z
  .object({
    instrumentVersionId: z.uuid(),
    instrumentKey: z.string().openapi({ example: "vagen-till-arbete" }),
    instrumentName: z.string().openapi({ example: "Vägen till arbete" }),
    versionNumber: z.number().int().openapi({ example: 1 }),
    scale: z.object({ min: z.number().int(), max: z.number().int() }),
    improvement: z.number().openapi({ description: "Gränsen för förbättring.", example: 1 }),
    coverage: z.object({
      enrolled: byGender(CellSchema),
      measured: byGender(CellSchema),
      share: byGender(ShareSchema),
      targetPercent: z.number().int().openapi({ example: 50 }),
      target: z.enum(["uppnatt", "inte_uppnatt", "kan_inte_bedomas"]),
      targetText: z.string().openapi({ example: "Målet 50 % är uppnått." }),
    }),
    participants: GroupSchema,
    comparison: GroupSchema.nullable().openapi({
      description: "Jämförelsegruppen, eller null när planen inte har någon.",
    }),
  })
  .openapi("ProgressionInstrumentResults");

const ResultsSchema = z
  .object({
    period: z.object({
      from: z.iso.date().openapi({ example: "2026-01-01" }),
      to: z.iso.date().openapi({ example: "2026-12-31" }),
    }),
    threshold: z.number().int().openapi({
      description:
        "Förbundets tröskel för röjandekontroll (0: avstängd). Antal under tröskeln visas som ”< tröskeln”.",
      example: 5,
    }),
    allowTrueZero: z.boolean(),
    initiatives: z
      .array(
        z.object({
          id: z.uuid(),
          name: z.string().openapi({ example: "Tierp, Växtverket" }),
          targetPercent: z.number().int().openapi({ example: 50 }),
          comparisonGroup: z.boolean(),
          instruments: z.array(InstrumentResultSchema),
        }),
      )
      .openapi({ description: "Varje insats med mätplan, i namnordning." }),
    definitions: z
      .array(
        z.object({
          key: z.string().openapi({ example: "forandring" }),
          label: z.string().openapi({ example: "Förändring" }),
          text: z.string().openapi({ description: "Vad uppgiften räknar, på svenska." }),
        }),
      )
      .openapi({ description: "Varje uppgifts definition." }),
    disclosure: z.object({
      suppressedCells: z.number().int().openapi({
        description: "Antal, andelar och medelvärden som inte visas, sammanlagt.",
        example: 8,
      }),
      primary: z.number().int(),
      secondary: z.number().int(),
      sharesNotShown: z.number().int(),
      reasons: z.array(z.string()).openapi({
        description: "Varför uppgifter inte visas, på svenska; aldrig vilka värden.",
      }),
    }),
  })
  .openapi("ProgressionResults", {
    description:
      "Progressionsresultat efter röjandekontroll: andel mätta mot målet, förändring från nollpunkten per kön, andel förbättrade och fördelningar. Inga enskilda deltagare, inga id:n för deltagare eller inskrivningar.",
  });

// ---------------------------------------------------------------------------------------------
// Operations

const notFoundAssociation = problem(
  "Förbundet finns inte eller nyckelns ägare har ingen roll i det.",
);
const forbiddenReading = problem(
  "Nyckelns ägare saknar behörighet: kansliet, styrelsen och insatsernas ansvariga och styrgrupper (för sina insatser) läser.",
);
const READERS =
  "Kräver behörigheten progression.instruments (förbundets kansli) eller progression.results (kansliet och styrelsen, och insatsens ansvariga och styrgrupp för en egen insats).";

export const listProgressionInstrumentsRoute = createRoute({
  method: "get",
  path: "/associations/{slug}/progression/instruments",
  operationId: "listProgressionInstruments",
  tags: [TAG],
  summary: "Förbundets instrument",
  description: `Instrumenten förbundet kan mäta progression med: de som följer med Samspår och förbundets egna, med sina versioner (utan definition; hämta en version för den). ${READERS} ${REGISTER_NOTE}`,
  security,
  request: { params: AssociationParams, query: ArchivedQuery },
  responses: {
    200: json(InstrumentListSchema, "Instrumenten."),
    400: invalid,
    403: forbiddenReading,
    404: notFoundAssociation,
    ...common,
  },
});

export const getProgressionInstrumentVersionRoute = createRoute({
  method: "get",
  path: "/associations/{slug}/progression/instrument-versions/{versionId}",
  operationId: "getProgressionInstrumentVersion",
  tags: [TAG],
  summary: "En version av ett instrument",
  description: `En version med hela definitionen: frågorna med texterna på varje språk, skalan, omvända frågor, delskalor och hur resultatet räknas. ${READERS}`,
  security,
  request: { params: VersionParams },
  responses: {
    200: json(VersionSchema, "Versionen."),
    400: invalid,
    403: forbiddenReading,
    404: problem(
      "Förbundet eller versionen finns inte (en version av ett annat förbunds instrument finns inte här), eller nyckelns ägare har ingen roll i förbundet.",
    ),
    ...common,
  },
});

const planNotFound = problem(
  "Förbundet eller insatsen finns inte, insatsen har ingen mätplan ännu, eller nyckelns ägare har ingen roll i förbundet.",
);

export const getProgressionPlanRoute = createRoute({
  method: "get",
  path: "/associations/{slug}/initiatives/{initiativeId}/progression-plan",
  operationId: "getProgressionPlan",
  tags: [TAG],
  summary: "Insatsens mätplan",
  description:
    "Insatsens mätplan: instrumenten, nollpunkt vid start, uppföljning var N:e månad, mätning vid avslut, hur länge en mätning får dröja, målet för andelen mätta och om insatsen har en jämförelsegrupp. 404 när insatsen inte har någon plan. Kräver behörigheten progression.plan (förbundets kansli) eller progression.results för insatsen (kansliet, styrelsen, insatsens ansvariga och styrgrupp).",
  security,
  request: { params: InitiativeParams },
  responses: {
    200: json(PlanSchema, "Planen."),
    400: invalid,
    403: problem("Nyckelns ägare får inte se insatsens mätplan."),
    404: planNotFound,
    ...common,
  },
});

export const saveProgressionPlanRoute = createRoute({
  method: "put",
  path: "/associations/{slug}/initiatives/{initiativeId}/progression-plan",
  operationId: "saveProgressionPlan",
  tags: [TAG],
  summary: "Spara insatsens mätplan",
  description:
    "Skapar insatsens mätplan (version null) eller ändrar den (versionen du läste). Bara individinriktade insatser som inte är avslutade har en plan. Varje fel anges i sitt fält på svenska och ingenting sparas; ändringen förs in i granskningsloggen. Kräver behörigheten progression.plan (förbundets kansli) och en nyckel med scope write.",
  security,
  request: { params: InitiativeParams, body: jsonBody(PlanInputSchema) },
  responses: {
    200: json(PlanSchema, "Den ändrade planen."),
    201: json(PlanSchema, "Den nya planen."),
    ...writing,
    403: problem(
      "Nyckelns ägare saknar behörigheten progression.plan, eller nyckeln får bara läsa (scope read).",
    ),
    404: problem(
      "Förbundet eller insatsen finns inte, eller nyckelns ägare har ingen roll i förbundet.",
    ),
    409: problem(
      "Någon annan har sparat planen sedan du läste den (eller den finns redan när du skickade version null). Hämta den på nytt; ingenting sparades.",
    ),
    ...common,
  },
});

export const getProgressionResultsRoute = createRoute({
  method: "get",
  path: "/associations/{slug}/progression/results",
  operationId: "getProgressionResults",
  tags: [TAG],
  summary: "Progressionsresultat efter röjandekontroll",
  description: `Per insats med mätplan och instrumentversion: andel mätta mot planens mål, medelvärden vid nollpunkten och senast och förändringen per kön, andel förbättrade, fördelningen av totalen och jämförelsegruppen bredvid. Antal under förbundets tröskel visas inte, och inte heller så många andra att de kan räknas fram; ett medelvärde visas bara när dess antal visas. Svaret har aldrig en enskild deltagare. Kräver behörigheten progression.results: förbundets kansli och styrelse ser alla insatser, insatsens ansvariga och styrgrupp bara sina egna. ${REGISTER_NOTE}`,
  security,
  request: { params: AssociationParams, query: ResultsQuery },
  responses: {
    200: json(ResultsSchema, "Resultaten."),
    400: invalid,
    403: problem(
      "Nyckelns ägare saknar behörigheten progression.results, eller får inte se resultaten för den insats som angavs.",
    ),
    404: problem(
      "Förbundet eller insatsen finns inte, eller nyckelns ägare har ingen roll i förbundet.",
    ),
    ...common,
  },
});

// ---------------------------------------------------------------------------------------------
// Who

/** The initiatives of the association where the principal reads results: "all" or the ids. */
function resultsScope(principal: Principal, associationId: string): "all" | string[] {
  if (can(principal, "progression.results", associationId)) return "all";
  return [
    ...new Set(
      principal.grants
        .filter((g) => g.associationId === associationId && g.initiativeId !== null)
        .map((g) => g.initiativeId as string),
    ),
  ].filter((id) => canOnInitiative(principal, "progression.results", associationId, id));
}

const readsResults: Rule = (principal, associationId) => {
  const scope = resultsScope(principal, associationId);
  return scope === "all" || scope.length > 0;
};

const readsInstruments: Rule = (principal, associationId, initiativeId) =>
  can(principal, "progression.instruments", associationId) ||
  readsResults(principal, associationId, initiativeId);

const readsPlan: Rule = (principal, associationId, initiativeId) =>
  can(principal, "progression.plan", associationId) ||
  canOnInitiative(principal, "progression.results", associationId, initiativeId);

const changesPlan: Rule = (principal, associationId, initiativeId) =>
  canOnInitiative(principal, "progression.plan", associationId, initiativeId);

// ---------------------------------------------------------------------------------------------
// Answers

const versionSummaryOut = (v: InstrumentVersionSummary) => ({
  id: v.id,
  number: v.number,
  status: v.status,
  createdAt: v.createdAt.toISOString(),
  createdByName: v.createdByName,
  publishedAt: v.publishedAt ? v.publishedAt.toISOString() : null,
  publishedByName: v.publishedByName,
  version: v.version,
});

const instrumentFieldsOut = (i: Omit<InstrumentSummary, "versions" | "inUse">) => ({
  id: i.id,
  key: i.key,
  name: { ...i.name },
  licence: i.licence,
  shipped: i.shipped,
  archived: i.archived,
  createdByName: i.createdByName,
  createdAt: i.createdAt.toISOString(),
  version: i.version,
});

const instrumentOut = (i: InstrumentSummary) => ({
  ...instrumentFieldsOut(i),
  inUse: i.inUse,
  versions: i.versions.map(versionSummaryOut),
});

const versionOut = (v: InstrumentVersionDetails) => ({
  ...versionSummaryOut(v),
  definition: v.definition,
  instrument: instrumentFieldsOut(v.instrument),
});

async function planOut(services: AppServices, associationId: string, plan: PlanView) {
  const instruments = [];
  for (const id of plan.instrumentVersionIds) {
    const v = await getInstrumentVersion(services.db, associationId, id).catch((error) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (v)
      instruments.push({
        versionId: v.id,
        instrumentId: v.instrument.id,
        instrumentKey: v.instrument.key,
        name: v.instrument.name.sv,
        number: v.number,
      });
  }
  return {
    initiativeId: plan.initiativeId,
    instrumentVersionIds: [...plan.instrumentVersionIds],
    instruments,
    intervalMonths: plan.intervalMonths,
    atExit: plan.atExit,
    graceDays: plan.graceDays,
    targetPercent: plan.targetPercent,
    comparisonGroup: plan.comparisonGroup,
    updatedByName: plan.updatedByName,
    updatedAt: plan.updatedAt.toISOString(),
    version: plan.version,
  };
}

type CellOut = z.infer<typeof CellSchema>;
type ShareOut = z.infer<typeof ShareSchema>;
type MeanOut = z.infer<typeof MeanSchema>;

const cellOut = (cell: ProtectedCell): CellOut =>
  "value" in cell
    ? { value: cell.value }
    : { suppressed: cell.suppressed, display: formatProtected(cell) };

const shareOut = (share: ProtectedRatio): ShareOut =>
  "ratio" in share
    ? { ratio: share.ratio, display: formatProtected(share) }
    : { suppressed: share.suppressed, display: formatProtected(share) };

const meanOut =
  (signed: boolean) =>
  (mean: ProtectedMean): MeanOut =>
    "value" in mean
      ? { value: mean.value, display: formatMean(mean, signed) }
      : { suppressed: mean.suppressed, display: formatMean(mean, signed) };

const gendersOut = <T, U>(g: GenderFigures<T>, of: (x: T) => U) => ({
  kvinnor: of(g.kvinnor),
  man: of(g.man),
  totalt: of(g.totalt),
});

const groupOut = (g: GroupResults) => ({
  measured: gendersOut(g.measured, cellOut),
  pairs: gendersOut(g.pairs, cellOut),
  scores: g.scores.map((s) => ({
    key: s.key,
    label: s.label,
    n: gendersOut(s.n, cellOut),
    baseline: gendersOut(s.baseline, meanOut(false)),
    latest: gendersOut(s.latest, meanOut(false)),
    change: gendersOut(s.change, meanOut(true)),
  })),
  improved: gendersOut(g.improved, shareOut),
  distribution: {
    steps: [...g.distribution.steps],
    baseline: g.distribution.baseline.map(cellOut),
    latest: g.distribution.latest.map(cellOut),
    n: cellOut(g.distribution.n),
  },
});

const instrumentResultsOut = (r: InstrumentResults) => ({
  instrumentVersionId: r.instrumentVersionId,
  instrumentKey: r.instrumentKey,
  instrumentName: r.instrumentName,
  versionNumber: r.versionNumber,
  scale: { ...r.scale },
  improvement: r.improvement,
  coverage: {
    enrolled: gendersOut(r.coverage.enrolled, cellOut),
    measured: gendersOut(r.coverage.measured, cellOut),
    share: gendersOut(r.coverage.share, shareOut),
    targetPercent: r.coverage.targetPercent,
    target: r.coverage.target,
    targetText: r.coverage.targetText,
  },
  participants: groupOut(r.participants),
  comparison: r.comparison ? groupOut(r.comparison) : null,
});

export function progressionResultsOut(results: ProgressionResults): z.infer<typeof ResultsSchema> {
  const d = results.disclosure;
  return {
    period: { ...results.period },
    threshold: results.threshold,
    allowTrueZero: results.allowTrueZero,
    initiatives: results.initiatives.map((i) => ({
      id: i.id,
      name: i.name,
      targetPercent: i.targetPercent,
      comparisonGroup: i.comparisonGroup,
      instruments: i.instruments.map(instrumentResultsOut),
    })),
    definitions: (Object.keys(results.definitions) as DefinitionKey[]).map((key) => ({
      key,
      label: DEFINITION_LABELS[key],
      text: results.definitions[key],
    })),
    disclosure: {
      suppressedCells: results.suppressedCells,
      primary: d.primary,
      secondary: d.secondary,
      sharesNotShown: d.shares.denominator + d.shares.numerator + d.shares.complement,
      reasons: [...d.reasons],
    },
  };
}

const INITIATIVE_NOT_FOUND = "Insatsen finns inte i förbundet.";

// ---------------------------------------------------------------------------------------------
// Registration

export function registerProgressionRoutes(app: OpenAPIHono<ApiEnv>, services: AppServices): void {
  app.openapi(
    guarded(
      listProgressionInstrumentsRoute,
      guard(services, "progression.results", readsInstruments),
    ),
    async (c) => {
      const { archived } = c.req.valid("query");
      const items = await listInstruments(services.db, associationOf(c).id, {
        archived: archived === "true",
      });
      return c.json({ items: items.map(instrumentOut) }, 200);
    },
  );

  app.openapi(
    guarded(
      getProgressionInstrumentVersionRoute,
      guard(services, "progression.results", readsInstruments),
    ),
    async (c) => {
      const { versionId } = c.req.valid("param");
      const version = await getInstrumentVersion(services.db, associationOf(c).id, versionId);
      return c.json(versionOut(version), 200);
    },
  );

  app.openapi(
    guarded(getProgressionPlanRoute, guard(services, "progression.results", readsPlan)),
    async (c) => {
      const { initiativeId } = c.req.valid("param");
      const association = associationOf(c);
      if (!(await getInitiative(services.db, association.id, initiativeId)))
        throw new NotFoundError(INITIATIVE_NOT_FOUND);
      const plan = await getPlan(services.db, association.id, initiativeId);
      if (!plan)
        throw new NotFoundError(
          "Insatsen har ingen mätplan ännu. Förbundets kansli lägger upp den (PUT samma adress).",
        );
      return c.json(await planOut(services, association.id, plan), 200);
    },
  );

  app.openapi(
    guarded(saveProgressionPlanRoute, guard(services, "progression.plan", changesPlan)),
    async (c) => {
      const { initiativeId } = c.req.valid("param");
      const { version, ...input } = c.req.valid("json");
      const association = associationOf(c);
      const saved = await savePlan(
        services.db,
        { ...actorOf(c), name: principalOf(c).name },
        association.id,
        initiativeId,
        input,
        version,
      );
      const out = await planOut(services, association.id, saved);
      return version === null ? c.json(out, 201) : c.json(out, 200);
    },
  );

  app.openapi(
    guarded(getProgressionResultsRoute, guard(services, "progression.results", readsResults)),
    async (c) => {
      const query = c.req.valid("query");
      const association = associationOf(c);
      const scope = resultsScope(principalOf(c), association.id);
      if (query.initiativeId) {
        if (!(await getInitiative(services.db, association.id, query.initiativeId)))
          throw new NotFoundError(INITIATIVE_NOT_FOUND);
        if (scope !== "all" && !scope.includes(query.initiativeId))
          throw new ForbiddenError("progression.results");
      }
      const to = query.to ?? todayInSweden();
      const from = query.from ?? `${to.slice(0, 4)}-01-01`;
      // the association's own disclosure control applies: progressionResults reads it
      const results = await progressionResults(services.db, association.id, {
        from,
        to,
        ...(query.initiativeId
          ? { initiativeIds: [query.initiativeId] }
          : scope === "all"
            ? {}
            : { initiativeIds: scope }),
      });
      return c.json(progressionResultsOut(results), 200);
    },
  );
}
