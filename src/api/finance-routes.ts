// The association's money in the API: a year's funds (allocated funds, keys, equity carried in,
// administrative costs) and their split per member; the normal band; the year's money (every
// initiative's budget, outcome, ratio and prognosis, totals, the computed equity term by term)
// as numbers; the year as an XLSX workbook and the national money figures as JSON or CSV; one
// initiative's money per period with the prognosis history, the office's prognosis override
// and returned funds. The use cases in src/finance decide what may be stored; this file
// authorizes (before validation, like every association operation), reads the request with zod
// schemas that also make the OpenAPI document, and shapes the answers.
//
// Reading the association's money needs finance.view (the office and the board); changing it,
// overriding a prognosis or recording returned funds finance.manage (the office). One
// initiative's money needs requisition.view on it: the office and the board, and the
// initiative's lead and steering group members.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { canOnInitiative, type Permission } from "../access/policy.ts";
import { todayInSweden } from "../applications/workflow.ts";
import {
  type FundingYear,
  getFundingYear,
  saveFundingYear,
  yearOverview,
} from "../finance/association-money.ts";
import { financeWorkbook, XLSX_MEDIA_TYPE } from "../finance/finance-xlsx.ts";
import { nationalMoneyCsv, nationalMoneyFigures } from "../finance/national-money.ts";
import {
  asOfForYear,
  getFinanceBand,
  initiativeMoney,
  listPrognosisOverrides,
  type PrognosisOverride,
  setPrognosisOverride,
} from "../finance/outcome.ts";
import {
  listReturnedFunds,
  type ReturnedFunds,
  recordReturnedFunds,
} from "../finance/returned-funds.ts";
import { PROGNOSES } from "../finance/schema.ts";
import { saveFinanceBand } from "../finance/settings.ts";
import { initiatives } from "../initiatives/schema.ts";
import { NotFoundError } from "../platform/errors.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { UUID } from "../platform/uuid.ts";
import { actorOf, associationOf, guard, guarded } from "./app.ts";
import { NationalParticipantsSchema } from "./follow-up-routes.ts";
import {
  AssociationParams,
  common,
  forbiddenInAssociation,
  invalid,
  json,
  jsonBody,
  problem,
  security,
  writing,
} from "./operation-kit.ts";
import type { ApiEnv } from "./problems.ts";

// ---------------------------------------------------------------------------------------------
// Schemas

const TAG = "Ekonomi";

const associationNotFound = problem(
  "Förbundet finns inte eller nyckelns ägare har ingen roll i det.",
);
const initiativeNotFound = problem(
  "Förbundet eller insatsen finns inte, eller nyckelns ägare har ingen roll i förbundet.",
);
const forbiddenOnInitiative = problem(
  "Nyckelns ägare får inte se insatsens ekonomi (requisition.view) eller saknar behörighet för åtgärden, eller nyckeln får bara läsa (scope read).",
);
const conflict = problem(
  "Uppgifterna har ändrats sedan du läste dem (versionen stämmer inte). Hämta dem på nytt och gör om ändringen.",
);

const Year = z.coerce
  .number()
  .int()
  .min(2000)
  .max(2100)
  .openapi({
    param: { name: "year", in: "path" },
    description: "Året, 2000–2100.",
    example: 2026,
  });
const YearParams = AssociationParams.extend({ year: Year });
const InitiativeParams = AssociationParams.extend({
  initiativeId: z.uuid().openapi({
    param: { name: "initiativeId", in: "path" },
    description: "Insatsens id.",
    example: "8d1c2a4e-6f3b-4c1d-9e2a-5b7f0c3d4e21",
  }),
});

const kronor = (description: string, example = 125_000) =>
  z
    .number()
    .int()
    .openapi({ description: `${description} Hela kronor.`, example });
/** An amount in a request: a whole number, or text as a person writes it ("1 200 000"). */
const amountIn = (description: string, example: string) =>
  z
    .union([z.number(), z.string().max(40)])
    .nullable()
    .openapi({ description, example });
const Prognosis = z.enum(PROGNOSES).openapi({
  description: "ok, bevaka, atgard (åtgärd) eller avslutad.",
  example: "bevaka",
});
const Ratio = z.number().int().nullable().openapi({
  description:
    "Förbrukningskvot: utfall ÷ budget i hela procent (avrundat från noll vid ,5); null när budgeten är 0.",
  example: 93,
});

const SplitRowSchema = z.object({
  organisationId: z.uuid(),
  name: z.string().openapi({ example: "Uppsala kommun" }),
  kind: z.enum(["forsakringskassan", "arbetsformedlingen", "region", "kommun", "annan"]),
  group: z.enum(["forsakringskassan", "arbetsformedlingen", "region", "kommun", "annan"]),
  basis: z.enum(["half", "key", "equal", "paidByFk", "missingKey", "notMember"]).openapi({
    description:
      "half: Försäkringskassans hälft (också Arbetsförmedlingens del). key/equal: del av regionernas eller kommunernas fjärdedel efter nyckel eller lika. paidByFk: Arbetsförmedlingen, 0 kr. missingKey: gruppen fördelas efter nyckel men medlemmen saknar nyckel, 0 kr. notMember: ingår inte.",
  }),
  keyValue: z
    .number()
    .int()
    .nullable()
    .openapi({ description: "Nyckeln för året, oftast folkmängden.", example: 242140 }),
  amount: kronor("Medlemmens del.", 2184275),
});

const FundingYearSchema = z
  .object({
    year: z.number().int().openapi({ example: 2026 }),
    saved: z
      .boolean()
      .openapi({ description: "Falskt tills årets medel är angivna; beloppen är då 0." }),
    totalAllocation: kronor("Tilldelade medel för året.", 12_500_000),
    equityOpening: kronor("Eget kapital vid årets början; kan vara negativt.", -150_000),
    adminBudget: kronor("Administrativa kostnader, budget.", 900_000),
    adminOutcome: kronor(
      "Administrativa kostnader, utfall; null tills det är angivet.",
      875_500,
    ).nullable(),
    note: z.string(),
    version: z.number().int().openapi({
      description:
        "Ökar vid varje ändring; 0 för ett år som inte är sparat. Skicka med den vid ändring.",
      example: 1,
    }),
    split: z.object({
      total: kronor("Tilldelade medel."),
      unassigned: kronor(
        "Belopp som inte kan fördelas eftersom förbundet saknar medlem av något slag.",
        0,
      ),
      rows: z.array(SplitRowSchema),
    }),
  })
  .openapi("FundingYear", {
    description:
      "Förbundets medel för ett år och fördelningen: Försäkringskassan ½ (också Arbetsförmedlingens del), regionerna ¼ och kommunerna ¼ efter nyckel eller lika. Delarna är hela kronor och blir tillsammans exakt de tilldelade medlen.",
  });

const FundingYearInputSchema = z
  .object({
    version: z.number().int().min(0).openapi({
      description: "Versionen du läste (0 för ett år som inte är sparat). Annars 409.",
      example: 0,
    }),
    totalAllocation: amountIn("Tilldelade medel för året, hela kronor.", "12 500 000"),
    equityOpening: amountIn(
      "Eget kapital vid årets början, hela kronor; ett minustecken först för ett negativt kapital.",
      "-150 000",
    ),
    adminBudget: amountIn("Administrativa kostnader, budget, hela kronor.", "900 000"),
    adminOutcome: amountIn(
      "Administrativa kostnader, utfall; null eller tomt tills det är känt.",
      "",
    ).default(null),
    note: z.string().max(2000).default(""),
    keys: z
      .record(z.string(), z.union([z.number(), z.string().max(40)]).nullable())
      .default({})
      .openapi({
        description:
          "Nyckeln per region och kommun, med organisationens id som nyckel: ett heltal (folkmängden) eller null. Ange för alla i en grupp eller för ingen (lika delar). Fel anges som `key.{id}`.",
        example: { "8d1c2a4e-6f3b-4c1d-9e2a-5b7f0c3d4e21": 242140 },
      }),
  })
  .openapi("FundingYearInput");

const BandSchema = z
  .object({
    low: z.number().int().openapi({ description: "Nedre gräns, hela procent.", example: 80 }),
    high: z.number().int().openapi({ description: "Övre gräns, hela procent.", example: 110 }),
    version: z
      .number()
      .int()
      .openapi({ description: "0 innan intervallet har sparats.", example: 1 }),
  })
  .openapi("FinanceBand", {
    description: "Normalintervallet för förbrukningskvoten (standard 80–110 %).",
  });
const BandInputSchema = z
  .object({
    version: z.number().int().min(0).openapi({ example: 0 }),
    low: z.union([z.number(), z.string().max(10)]).openapi({ example: 80 }),
    high: z.union([z.number(), z.string().max(10)]).openapi({ example: 110 }),
  })
  .openapi("FinanceBandInput");

const OverrideSchema = z
  .object({
    prognosis: Prognosis,
    comment: z.string(),
    setByName: z.string(),
    setAt: z.iso.datetime({ offset: true }),
    periodKey: z.string().openapi({ example: "2026-K3" }),
  })
  .openapi("PrognosisOverride");

const Totals = z
  .object({
    initiatives: z.number().int(),
    yearBudget: kronor("Budget för årets perioder (förbundsmedel)."),
    yearOutcome: kronor("Godkänt utfall för årets perioder (förbundsmedel)."),
    yearCoFinancingBudget: kronor("Medfinansiering, budget."),
    yearCoFinancingOutcome: kronor("Medfinansiering, utfall."),
    ytdBudget: kronor("Budget för årets perioder som har slutat."),
    ytdOutcome: kronor("Godkänt utfall för årets perioder som har slutat."),
    ratioPercent: Ratio,
    returned: kronor("Återförda medel som avser året."),
  })
  .openapi("MoneyTotals");

const YearMoneySchema = z
  .object({
    year: z.number().int(),
    asOf: z.iso.date().openapi({
      description: "Dagen siffrorna gäller: i dag, eller årets sista dag för ett tidigare år.",
    }),
    band: z.object({ low: z.number().int(), high: z.number().int() }),
    funding: FundingYearSchema,
    equity: z.object({
      opening: kronor("Eget kapital vid årets början."),
      allocation: kronor("+ tilldelade medel."),
      returnedFunds: kronor("+ återförda medel."),
      initiativesOutcome: kronor("− insatsernas godkända utfall av förbundsmedel."),
      adminCosts: kronor("− administrativa kostnader."),
      adminBasis: z.enum(["utfall", "budget"]).openapi({
        description: "utfall, eller budget så länge utfallet inte är angivet.",
      }),
      closing: kronor(
        "Beräknat eget kapital vid årets slut = början + tilldelade + återförda − utfall − administrativa kostnader.",
      ),
    }),
    initiatives: z.array(
      z.object({
        initiativeId: z.uuid(),
        name: z.string(),
        orientation: z.enum(["individual", "structural"]),
        status: z.string(),
        yearBudget: kronor("Budget för årets perioder."),
        yearOutcome: kronor("Godkänt utfall för årets perioder."),
        yearCoFinancingBudget: kronor("Medfinansiering, budget."),
        yearCoFinancingOutcome: kronor("Medfinansiering, utfall."),
        ytdBudget: kronor("Budget hittills i år."),
        ytdOutcome: kronor("Utfall hittills i år."),
        ratioPercent: Ratio,
        latestPeriodKey: z.string().nullable(),
        suggested: z.object({ prognosis: Prognosis, reason: z.string() }),
        override: OverrideSchema.nullable(),
        prognosis: Prognosis,
        returned: kronor("Återförda medel som avser året."),
      }),
    ),
    totals: z.object({ individual: Totals, structural: Totals, all: Totals }),
  })
  .openapi("YearMoney", {
    description:
      "Förbundets ekonomi för ett år: medlen och fördelningen, det beräknade egna kapitalet term för term och varje insats med budget, utfall, förbrukningskvot och prognos. Alla belopp är hela kronor.",
  });

const PeriodSchema = z.object({
  periodKey: z.string().openapi({ example: "2026-K2" }),
  start: z.string(),
  end: z.string(),
  year: z.number().int(),
  budget: kronor("Förbundsmedel i gällande budgetversion."),
  coFinancingBudget: kronor("Medfinansiering i gällande budgetversion."),
  outcome: kronor("Förbundsmedel i periodens godkända rekvisition; 0 utan."),
  coFinancingOutcome: kronor("Medfinansiering i den godkända rekvisitionen."),
  ratioPercent: Ratio,
  requisition: z.object({ id: z.uuid(), status: z.string(), paymentStatus: z.string() }).nullable(),
  ended: z.boolean(),
});

const ReturnedSchema = z
  .object({
    id: z.uuid(),
    year: z.number().int().openapi({ description: "Året medlen avser.", example: 2026 }),
    amount: kronor("Beloppet.", 45_000),
    reason: z.string().openapi({ example: "Vakans under kvartal 2" }),
    returnedOn: z.iso.date(),
    createdByName: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .openapi("ReturnedFunds");

const InitiativeMoneySchema = z
  .object({
    initiativeId: z.uuid(),
    initiativeName: z.string(),
    asOf: z.iso.date(),
    year: z.number().int(),
    band: z.object({ low: z.number().int(), high: z.number().int() }),
    budgetVersion: z.number().int().nullable(),
    periods: z.array(PeriodSchema).openapi({ description: "Alla insatsens perioder, i ordning." }),
    yearToDate: z.object({
      budget: kronor("Budget för årets perioder som har slutat."),
      outcome: kronor("Godkänt utfall för samma perioder."),
      ratioPercent: Ratio,
      periods: z.array(z.string()),
    }),
    latestPeriodKey: z.string().nullable(),
    suggested: z.object({ prognosis: Prognosis, reason: z.string() }),
    override: OverrideSchema.nullable().openapi({
      description: "Kansliets prognos för den senaste perioden som har slutat, om den finns.",
    }),
    prognosis: Prognosis,
    overrides: z
      .array(OverrideSchema)
      .openapi({ description: "Alla kansliets prognoser, senaste först." }),
  })
  .openapi("InitiativeMoney");

const OverrideInputSchema = z
  .object({
    periodKey: z.string().max(10).openapi({
      description: "Rapportperioden prognosen gäller; en av insatsens perioder som har slutat.",
      example: "2026-K3",
    }),
    prognosis: z
      .string()
      .max(20)
      .openapi({ description: "ok, bevaka, atgard eller avslutad.", example: "bevaka" }),
    comment: z
      .string()
      .max(2000)
      .openapi({ description: "Varför; krävs.", example: "Vakans hela hösten." }),
  })
  .openapi("PrognosisOverrideInput");

const ReturnedInputSchema = z
  .object({
    amount: amountIn("Beloppet, hela kronor, större än 0.", "45 000"),
    reason: z.string().max(2000).openapi({ example: "Vakans under kvartal 2" }),
    returnedOn: z
      .string()
      .max(10)
      .openapi({ description: "ÅÅÅÅ-MM-DD, inte i framtiden.", example: "2026-07-01" }),
    year: z
      .union([z.number(), z.string().max(4)])
      .nullable()
      .default(null)
      .openapi({
        description: "Året medlen avser; samma år som returnedOn när det saknas.",
        example: 2026,
      }),
  })
  .openapi("ReturnedFundsInput");

const NationalSchema = z
  .object({
    association: z.string(),
    year: z.number().int(),
    asOf: z.iso.date(),
    allocatedFunds: z.object({
      total: kronor("Tilldelade medel."),
      members: z.array(
        z.object({ name: z.string(), kind: z.string(), amount: kronor("Medlemmens del.") }),
      ),
    }),
    equity: z.object({
      opening: kronor("Eget kapital vid årets början."),
      closing: kronor("Beräknat eget kapital vid årets slut."),
      allocation: kronor("Tilldelade medel."),
      returnedFunds: kronor("Återförda medel."),
      initiativesOutcome: kronor("Insatsernas godkända utfall."),
      administrativeCosts: kronor("Administrativa kostnader."),
      administrativeCostsBasis: z.enum(["utfall", "budget"]),
    }),
    administrativeCosts: z.object({
      budget: kronor("Budget."),
      outcome: kronor("Utfall; null tills det är angivet.").nullable(),
    }),
    initiatives: z.array(
      z.object({
        name: z.string(),
        orientation: z.enum(["individual", "structural"]),
        targetGroup: z.string(),
        budget: kronor("Förbundsmedel, budget för årets perioder."),
        outcome: kronor("Förbundsmedel, godkänt utfall för årets perioder."),
        expectedParticipants: z.number().int().nullable(),
        expectedParticipantsOngoing: z.boolean(),
      }),
    ),
    participants: NationalParticipantsSchema,
    notes: z.array(z.string()).openapi({
      description:
        "Vad siffrorna avser: belopp, utfall, deltagare och röjandekontrollen, på svenska.",
    }),
  })
  .openapi("NationalMoneyFigures");

// ---------------------------------------------------------------------------------------------
// Routes

const fundingPath = "/associations/{slug}/funding-years/{year}";
const moneyPath = "/associations/{slug}/money/{year}";
const initiativePath = "/associations/{slug}/initiatives/{initiativeId}";

export const getFundingYearRoute = createRoute({
  method: "get",
  path: fundingPath,
  operationId: "getFundingYear",
  tags: [TAG],
  summary: "Förbundets medel för ett år",
  description:
    "Tilldelade medel, nycklar, eget kapital vid årets början och administrativa kostnader, med fördelningen per medlem. Kräver behörigheten finance.view.",
  security,
  request: { params: YearParams },
  responses: {
    200: json(FundingYearSchema, "Årets medel."),
    400: invalid,
    403: forbiddenInAssociation,
    404: associationNotFound,
    ...common,
  },
});

export const saveFundingYearRoute = createRoute({
  method: "put",
  path: fundingPath,
  operationId: "saveFundingYear",
  tags: [TAG],
  summary: "Spara förbundets medel för ett år",
  description:
    "Sparar årets medel och nycklar vid versionen du läste. Fel anges per fält (nycklar som `key.{id}`). Kräver behörigheten finance.manage och scope write. Händelsen förs in i granskningsloggen.",
  security,
  request: { params: YearParams, body: jsonBody(FundingYearInputSchema) },
  responses: {
    200: json(FundingYearSchema, "Årets medel efter ändringen."),
    ...writing,
    403: forbiddenInAssociation,
    404: associationNotFound,
    409: conflict,
    ...common,
  },
});

export const getFinanceBandRoute = createRoute({
  method: "get",
  path: "/associations/{slug}/finance-settings",
  operationId: "getFinanceBand",
  tags: [TAG],
  summary: "Normalintervallet för förbrukningskvoten",
  description: "Kräver behörigheten finance.view.",
  security,
  request: { params: AssociationParams },
  responses: {
    200: json(BandSchema, "Intervallet."),
    403: forbiddenInAssociation,
    404: associationNotFound,
    ...common,
  },
});

export const saveFinanceBandRoute = createRoute({
  method: "put",
  path: "/associations/{slug}/finance-settings",
  operationId: "saveFinanceBand",
  tags: [TAG],
  summary: "Spara normalintervallet",
  description:
    "Nedre och övre gräns i hela procent, 0–1 000, nedre högst lika med övre. Kräver behörigheten finance.manage och scope write.",
  security,
  request: { params: AssociationParams, body: jsonBody(BandInputSchema) },
  responses: {
    200: json(BandSchema, "Intervallet efter ändringen."),
    ...writing,
    403: forbiddenInAssociation,
    404: associationNotFound,
    409: conflict,
    ...common,
  },
});

export const getYearMoneyRoute = createRoute({
  method: "get",
  path: moneyPath,
  operationId: "getYearMoney",
  tags: [TAG],
  summary: "Förbundets ekonomi för ett år",
  description:
    "Medlen och fördelningen, det beräknade egna kapitalet term för term, varje insats med budget, utfall, förbrukningskvot och prognos, och summor för individ- och strukturinriktade insatser. Hittills i år räknas till i dag (årets sista dag för ett tidigare år). Kräver behörigheten finance.view.",
  security,
  request: { params: YearParams },
  responses: {
    200: json(YearMoneySchema, "Årets ekonomi."),
    400: invalid,
    403: forbiddenInAssociation,
    404: associationNotFound,
    ...common,
  },
});

export const getYearWorkbookRoute = createRoute({
  method: "get",
  path: `${moneyPath}/workbook`,
  operationId: "getYearWorkbook",
  tags: [TAG],
  summary: "Årets ekonomi som arbetsbok (XLSX)",
  description:
    "Bladen Förbundet, Budget, Utfall, Rekvisitioner och Återförda medel: riktiga tal med talformat, låsta rubrikrader och summor som formler. Samma siffror som getYearMoney. Kräver behörigheten finance.view.",
  security,
  request: { params: YearParams },
  responses: {
    200: {
      description: "Arbetsboken, som bilaga.",
      content: { [XLSX_MEDIA_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
    },
    400: invalid,
    403: forbiddenInAssociation,
    404: associationNotFound,
    ...common,
  },
});

export const getNationalMoneyRoute = createRoute({
  method: "get",
  path: `${moneyPath}/national`,
  operationId: "getNationalMoneyFigures",
  tags: [TAG],
  summary: "Nationella uppgifter om ekonomin för ett år",
  description:
    "Tilldelade medel och eget kapital, administrativa kostnader (budget och utfall) och per insats inriktning, målgrupp, budget och utfall, som JSON eller CSV (semikolon, UTF-8 med BOM). Deltagaruppgifterna ingår inte än; `notes` säger det. Kräver behörigheten finance.view.",
  security,
  request: {
    params: YearParams,
    query: z.object({
      format: z
        .enum(["json", "csv"])
        .default("json")
        .openapi({
          param: { name: "format", in: "query" },
          description: "json (standard) eller csv.",
          example: "csv",
        }),
    }),
  },
  responses: {
    200: {
      description: "Uppgifterna.",
      content: {
        "application/json": { schema: NationalSchema },
        "text/csv": { schema: z.string() },
      },
    },
    400: invalid,
    403: forbiddenInAssociation,
    404: associationNotFound,
    ...common,
  },
});

export const getInitiativeMoneyRoute = createRoute({
  method: "get",
  path: `${initiativePath}/money`,
  operationId: "getInitiativeMoney",
  tags: [TAG],
  summary: "En insats ekonomi",
  description:
    "Per rapportperiod budget, godkänt utfall, förbrukningskvot och rekvisitionens status; hittills i år; den föreslagna prognosen med skäl och kansliets prognoser. Kräver behörigheten requisition.view på insatsen (kansliet, styrelsen, insatsansvarig och styrgruppens ledamöter).",
  security,
  request: {
    params: InitiativeParams,
    query: z.object({
      year: z.coerce
        .number()
        .int()
        .min(2000)
        .max(2100)
        .optional()
        .openapi({
          param: { name: "year", in: "query" },
          description: "Året som hittills i år avser; i år när det saknas.",
          example: 2026,
        }),
    }),
  },
  responses: {
    200: json(InitiativeMoneySchema, "Insatsens ekonomi."),
    400: invalid,
    403: forbiddenOnInitiative,
    404: initiativeNotFound,
    ...common,
  },
});

export const setPrognosisOverrideRoute = createRoute({
  method: "post",
  path: `${initiativePath}/prognosis-overrides`,
  operationId: "setPrognosisOverride",
  tags: [TAG],
  summary: "Ändra en insats prognos",
  description:
    "Kansliets prognos för en rapportperiod som har slutat, med en kommentar som krävs. Tidigare prognoser finns kvar i historiken. Kräver behörigheten finance.manage och scope write.",
  security,
  request: { params: InitiativeParams, body: jsonBody(OverrideInputSchema) },
  responses: {
    201: json(OverrideSchema, "Prognosen."),
    ...writing,
    403: forbiddenOnInitiative,
    404: initiativeNotFound,
    ...common,
  },
});

export const listReturnedFundsRoute = createRoute({
  method: "get",
  path: `${initiativePath}/returned-funds`,
  operationId: "listReturnedFunds",
  tags: [TAG],
  summary: "En insats återförda medel",
  description: "Senaste först. Kräver behörigheten requisition.view på insatsen.",
  security,
  request: { params: InitiativeParams },
  responses: {
    200: json(
      z.object({ items: z.array(ReturnedSchema) }).openapi("ReturnedFundsList"),
      "De återförda medlen.",
    ),
    400: invalid,
    403: forbiddenOnInitiative,
    404: initiativeNotFound,
    ...common,
  },
});

export const recordReturnedFundsRoute = createRoute({
  method: "post",
  path: `${initiativePath}/returned-funds`,
  operationId: "recordReturnedFunds",
  tags: [TAG],
  summary: "Registrera återförda medel",
  description:
    "Belopp över 0 kr, orsak, dagen medlen kom tillbaka (inte i framtiden) och året de avser. Kräver behörigheten finance.manage och scope write.",
  security,
  request: { params: InitiativeParams, body: jsonBody(ReturnedInputSchema) },
  responses: {
    201: json(ReturnedSchema, "De registrerade medlen."),
    ...writing,
    403: forbiddenOnInitiative,
    404: initiativeNotFound,
    ...common,
  },
});

// ---------------------------------------------------------------------------------------------
// Handlers

/**
 * The guard of one initiative's money: the association as for every operation, `permission` on
 * the initiative (403), then the initiative, which must be the association's (404). An id that
 * is no uuid is left to validation (400).
 */
function initiativeGuard(services: AppServices, permission: Permission): MiddlewareHandler<ApiEnv> {
  const inAssociation = guard(services, permission, (principal, associationId, initiativeId) =>
    canOnInitiative(principal, permission, associationId, initiativeId),
  );
  return (c, next) =>
    inAssociation(c, async () => {
      const id = c.req.param("initiativeId") ?? "";
      if (UUID.test(id)) {
        const [found] = await services.db
          .select({ associationId: initiatives.associationId })
          .from(initiatives)
          .where(eq(initiatives.id, id));
        if (found?.associationId !== associationOf(c).id)
          throw new NotFoundError("Insatsen finns inte i förbundet.");
      }
      await next();
    });
}

const fundingOut = (f: FundingYear) => ({
  year: f.year,
  saved: f.saved,
  totalAllocation: f.totalAllocation,
  equityOpening: f.equityOpening,
  adminBudget: f.adminBudget,
  adminOutcome: f.adminOutcome,
  note: f.note,
  version: f.version,
  split: {
    total: f.split.total,
    unassigned: f.split.unassigned,
    rows: f.split.rows.map((r) => ({
      organisationId: r.organisationId,
      name: r.name,
      kind: r.kind,
      group: r.group,
      basis: r.basis,
      keyValue: r.keyValue,
      amount: r.amount,
    })),
  },
});

const overrideOut = (
  o: Pick<PrognosisOverride, "prognosis" | "comment" | "setByName" | "setAt" | "periodKey">,
) => ({
  prognosis: o.prognosis,
  comment: o.comment,
  setByName: o.setByName,
  setAt: o.setAt.toISOString(),
  periodKey: o.periodKey,
});

const returnedOut = (r: ReturnedFunds) => ({
  id: r.id,
  year: r.year,
  amount: r.amount,
  reason: r.reason,
  returnedOn: r.returnedOn,
  createdByName: r.createdByName,
  createdAt: r.createdAt.toISOString(),
});

/** An ASCII file name, and the exact one for clients that read filename*. */
const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export function registerFinanceRoutes(app: OpenAPIHono<ApiEnv>, services: AppServices): void {
  app.openapi(guarded(getFundingYearRoute, guard(services, "finance.view")), async (c) => {
    const { year } = c.req.valid("param");
    return c.json(fundingOut(await getFundingYear(services.db, associationOf(c).id, year)), 200);
  });

  app.openapi(guarded(saveFundingYearRoute, guard(services, "finance.manage")), async (c) => {
    const { year } = c.req.valid("param");
    const { version, ...input } = c.req.valid("json");
    const saved = await saveFundingYear(
      services.db,
      actorOf(c),
      associationOf(c).id,
      year,
      version,
      input,
    );
    return c.json(fundingOut(saved), 200);
  });

  app.openapi(guarded(getFinanceBandRoute, guard(services, "finance.view")), async (c) =>
    c.json(await getFinanceBand(services.db, associationOf(c).id), 200),
  );

  app.openapi(guarded(saveFinanceBandRoute, guard(services, "finance.manage")), async (c) => {
    const { version, low, high } = c.req.valid("json");
    return c.json(
      await saveFinanceBand(services.db, actorOf(c), associationOf(c).id, version, { low, high }),
      200,
    );
  });

  app.openapi(guarded(getYearMoneyRoute, guard(services, "finance.view")), async (c) => {
    const { year } = c.req.valid("param");
    const { funding, money, equity } = await yearOverview(
      services.db,
      associationOf(c).id,
      year,
      todayInSweden(),
    );
    return c.json(
      {
        year,
        asOf: money.asOf,
        band: money.band,
        funding: fundingOut(funding),
        equity,
        initiatives: money.initiatives.map((i) => ({
          initiativeId: i.initiativeId,
          name: i.name,
          orientation: i.orientation,
          status: i.status,
          yearBudget: i.yearBudget,
          yearOutcome: i.yearOutcome,
          yearCoFinancingBudget: i.yearCoFinancingBudget,
          yearCoFinancingOutcome: i.yearCoFinancingOutcome,
          ytdBudget: i.ytdBudget,
          ytdOutcome: i.ytdOutcome,
          ratioPercent: i.ratioPercent,
          latestPeriodKey: i.latestPeriodKey,
          suggested: i.suggested,
          override: i.override ? overrideOut(i.override) : null,
          prognosis: i.prognosis,
          returned: i.returned,
        })),
        totals: money.totals,
      },
      200,
    );
  });

  app.openapi(guarded(getYearWorkbookRoute, guard(services, "finance.view")), async (c) => {
    const { year } = c.req.valid("param");
    const file = await financeWorkbook(services.db, associationOf(c), year, todayInSweden());
    return c.body(new Uint8Array(file.body), 200, {
      "Content-Type": file.mediaType,
      "Content-Disposition": attachment(file.fileName),
      "Cache-Control": "private, no-store",
    });
  });

  app.openapi(guarded(getNationalMoneyRoute, guard(services, "finance.view")), async (c) => {
    const { year } = c.req.valid("param");
    const { format } = c.req.valid("query");
    const association = associationOf(c);
    const figures = await nationalMoneyFigures(services.db, association, year, todayInSweden());
    if (format === "csv")
      return c.body(nationalMoneyCsv(figures), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachment(`nationella-uppgifter-${association.slug}-${year}.csv`),
        "Cache-Control": "private, no-store",
      });
    return c.json(figures, 200);
  });

  app.openapi(
    guarded(getInitiativeMoneyRoute, initiativeGuard(services, "requisition.view")),
    async (c) => {
      const { initiativeId } = c.req.valid("param");
      const { year } = c.req.valid("query");
      const association = associationOf(c);
      const today = todayInSweden();
      const m = await initiativeMoney(
        services.db,
        association.id,
        initiativeId,
        year === undefined ? today : asOfForYear(year, today),
      );
      const overrides = await listPrognosisOverrides(services.db, association.id, initiativeId);
      return c.json(
        {
          initiativeId: m.initiativeId,
          initiativeName: m.initiativeName,
          asOf: m.asOf,
          year: m.year,
          band: m.band,
          budgetVersion: m.budgetVersion,
          periods: m.periods,
          yearToDate: m.yearToDate,
          latestPeriodKey: m.latestPeriod?.periodKey ?? null,
          suggested: m.suggested,
          override: m.override ? overrideOut(m.override) : null,
          prognosis: m.prognosis,
          overrides: overrides.map(overrideOut),
        },
        200,
      );
    },
  );

  app.openapi(
    guarded(setPrognosisOverrideRoute, initiativeGuard(services, "finance.manage")),
    async (c) => {
      const { initiativeId } = c.req.valid("param");
      const { periodKey, prognosis, comment } = c.req.valid("json");
      const set = await setPrognosisOverride(
        services.db,
        actorOf(c),
        associationOf(c).id,
        initiativeId,
        periodKey,
        prognosis,
        comment,
      );
      return c.json(overrideOut(set), 201);
    },
  );

  app.openapi(
    guarded(listReturnedFundsRoute, initiativeGuard(services, "requisition.view")),
    async (c) => {
      const { initiativeId } = c.req.valid("param");
      const rows = await listReturnedFunds(services.db, associationOf(c).id, { initiativeId });
      return c.json({ items: rows.map(returnedOut) }, 200);
    },
  );

  app.openapi(
    guarded(recordReturnedFundsRoute, initiativeGuard(services, "finance.manage")),
    async (c) => {
      const { initiativeId } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await recordReturnedFunds(
        services.db,
        actorOf(c),
        associationOf(c).id,
        initiativeId,
        input,
      );
      return c.json(returnedOut(saved), 201);
    },
  );
}
