// The participant register's statistics in the API: the association's participant counts for a
// period — every individual initiative and all of them together, exits by status, background at
// start by every code list, the shares of the follow-up, and the count-only participation of the
// structural initiatives — after disclosure control, as data. A cell is {value} or
// {suppressed, reason, display}; a share {ratio, display} or {suppressed, reason, display}; every
// row and share carries its definition in Swedish; and the answer says how many figures were not
// shown and why, never which values. Nothing here counts: src/register/aggregates.ts does, and
// it is the only way anything leaves the register.
//
// Reading the statistics needs register.statistics: the office (association_admin) and the
// board (board_member). No participant officer, initiative lead or auditor reads them here.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { todayInSweden } from "../applications/workflow.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import {
  formatStatistic,
  type IndividualStatistics,
  type RegisterStatistics,
  registerStatistics,
  type StatisticsCell,
  type StatisticsRow,
  type StatisticsShare,
  type StatisticsTable,
  type StructuralStatistics,
} from "../register/aggregates.ts";
import { associationOf, guard, guarded } from "./app.ts";
import {
  AssociationParams,
  common,
  forbiddenInAssociation,
  invalid,
  json,
  problem,
  security,
} from "./operation-kit.ts";
import type { ApiEnv } from "./problems.ts";

const TAG = "Deltagarstatistik";

// ---------------------------------------------------------------------------------------------
// Schemas

const StatisticsQuery = z.object({
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
      example: "2026-06-30",
    }),
  initiativeId: z
    .uuid()
    .optional()
    .openapi({
      param: { name: "initiativeId", in: "query" },
      description:
        "Bara den här insatsen (oavsett datum). Utelämnad: alla insatser som pågår någon gång under perioden.",
      example: "8d1c2a4e-6f3b-4c1d-9e2a-5b7f0c3d4e21",
    }),
});

export const CellSchema = z
  .union([
    z.object({
      value: z.number().int().openapi({ description: "Antalet.", example: 23 }),
    }),
    z.object({
      suppressed: z.literal(true),
      reason: z.enum(["primary", "secondary", "left_out"]).openapi({
        description:
          "primary: färre än tröskeln (eller en sann nolla som förbundet inte visar), visas som ”< 5”. secondary: dold så att andra dolda uppgifter inte kan räknas fram ur summorna, visas som ”..”. left_out: en summa som tabellen inte kan visa utan att dolda uppgifter kan räknas fram, visas som ”..”.",
        example: "primary",
      }),
      display: z.string().openapi({ description: "Så här visas cellen.", example: "< 5" }),
    }),
  ])
  .openapi("StatisticsCell", {
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
      suppressed: z.literal(true),
      reason: z.enum(["denominator", "numerator", "complement"]).openapi({
        description:
          "denominator: för få i nämnaren. numerator: andelen skulle avslöja ett litet eller dolt antal. complement: andelen skulle avslöja att några få står utanför.",
        example: "denominator",
      }),
      display: z.string().openapi({ example: ".." }),
    }),
  ])
  .openapi("StatisticsShare", { description: "En andel efter röjandekontroll." });

export const RowSchema = z
  .object({
    key: z.string().openapi({
      description: "Uppgiftens nyckel, densamma för varje insats.",
      example: "hela_insatstiden",
    }),
    label: z.string().openapi({ example: "Deltagare hela insatstiden" }),
    definition: z.string().openapi({
      description: "Vad som räknas, på svenska.",
      example:
        "Inskrivningar med startdatum från insatsens start till och med periodens sista dag.",
    }),
    partOf: z.string().nullable().openapi({
      description:
        "Nyckeln för raden som den här raden är en del av (varav), eller null. Delar läggs aldrig till igen.",
      example: null,
    }),
    kvinnor: CellSchema,
    man: CellSchema,
    totalt: CellSchema,
  })
  .openapi("StatisticsRow", {
    description:
      "En uppgift uppdelad på kvinnor, män och totalt. Annan, vill ej ange och uppgift saknas räknas i totalt.",
  });

const TableSchema = z
  .object({
    key: z.string().openapi({ example: "avslut" }),
    title: z.string().openapi({ example: "Avslutade under perioden efter status vid avslut" }),
    definition: z.string().openapi({ description: "Vilka tabellen gäller, på svenska." }),
    rows: z.array(RowSchema),
  })
  .openapi("StatisticsTable");

export const NamedShareSchema = z
  .object({
    key: z.string().openapi({ example: "andel_till_arbete_och_eller_studier" }),
    label: z.string().openapi({ example: "Andel till arbete och/eller studier" }),
    definition: z.string().openapi({
      description: "Täljare ÷ nämnare, på svenska.",
      example:
        "Avslutade under perioden till arbete och/eller studier ÷ avslutade under perioden, alla kön.",
    }),
    share: ShareSchema,
  })
  .openapi("StatisticsNamedShare");

const InitiativeSchema = z
  .object({
    id: z.uuid(),
    name: z.string().openapi({ example: "Tierp, Växtverket" }),
    orientation: z.enum(["individual", "structural"]),
    preRehabilitation: z.boolean().openapi({ description: "Förrehabiliterande insats." }),
    startDate: z.iso.date().nullable(),
    endDate: z.iso.date().nullable(),
  })
  .openapi("StatisticsInitiative");

const IndividualSchema = z
  .object({
    initiative: InitiativeSchema.nullable().openapi({
      description: "Insatsen, eller null för samtliga individinriktade insatser.",
    }),
    name: z.string().openapi({ example: "Tierp, Växtverket" }),
    tables: z.array(TableSchema),
    shares: z.array(NamedShareSchema),
  })
  .openapi("IndividualStatistics");

const StructuralSchema = z
  .object({
    initiative: InitiativeSchema.nullable().openapi({
      description: "Insatsen, eller null för samtliga strukturinriktade insatser.",
    }),
    name: z.string().openapi({ example: "Tierp, Samverkansforum" }),
    table: TableSchema,
  })
  .openapi("StructuralStatistics");

const StatisticsSchema = z
  .object({
    period: z.object({
      from: z.iso.date().openapi({ example: "2026-01-01" }),
      to: z.iso.date().openapi({ example: "2026-06-30" }),
    }),
    threshold: z.number().int().openapi({
      description:
        "Den tröskel för röjandekontroll som gäller för svaret: förbundets egen (kansliet ställer in den under Deltagarstatistik → Röjandekontroll; standard 5, annars 3–20). 0 betyder att röjandekontrollen är avstängd. Antal under tröskeln visas som ”< tröskeln”.",
      example: 5,
    }),
    allowTrueZero: z.boolean().openapi({
      description:
        "Förbundets inställning om en sann nolla visas som 0 (annars som ”< tröskeln”, som ett litet antal).",
    }),
    genderNote: z.string().openapi({ description: "Hur könskolumnerna ska läsas." }),
    countingNote: z.string().openapi({ description: "Hur inskrivningar räknas." }),
    initiatives: z
      .array(IndividualSchema)
      .openapi({ description: "Varje individinriktad insats, i namnordning." }),
    total: IndividualSchema.nullable().openapi({
      description: "Samtliga individinriktade insatser; null när det inte finns någon.",
    }),
    structural: z.array(StructuralSchema).openapi({
      description: "Antal deltagare per period i varje strukturinriktad insats.",
    }),
    structuralTotal: StructuralSchema.nullable(),
    disclosure: z
      .object({
        suppressedCells: z.number().int().openapi({
          description:
            "Antal och andelar som inte visas, sammanlagt (varje uppgift räknas en gång).",
          example: 12,
        }),
        primary: z.number().int().openapi({ description: "Antal under tröskeln." }),
        secondary: z.number().int().openapi({ description: "Antal dolda för att skydda andra." }),
        sharesNotShown: z.number().int().openapi({ description: "Andelar som inte visas." }),
        leftOut: z.number().int().openapi({ description: "Summor som lämnats ute." }),
        reasons: z.array(z.string()).openapi({
          description: "Varför uppgifter inte visas, på svenska; aldrig vilka värden.",
          example: ["3 uppgifter avser färre än 5 personer (0 inräknat) och visas som ”< 5”."],
        }),
      })
      .openapi({ description: "Hur många uppgifter som inte visas och varför." }),
  })
  .openapi("ParticipantStatistics", {
    description:
      "Förbundets deltagarstatistik för en period efter röjandekontroll. Varje rad och andel har sin definition. Deltagarnas identitet lämnar aldrig registret.",
  });

export const getParticipantStatisticsRoute = createRoute({
  method: "get",
  path: "/associations/{slug}/participant-statistics",
  operationId: "getParticipantStatistics",
  tags: [TAG],
  summary: "Deltagarstatistik efter röjandekontroll",
  description:
    "Deltagare per insats och totalt för en period: startade, hela insatstiden, avslutade, pågående, avslut efter status, bakgrund vid start och andelar, och antal deltagare i strukturinriktade insatser. Antal under förbundets tröskel (förbundets egen inställning, se threshold i svaret) visas inte, och så många andra att de inte kan räknas fram. Kräver behörigheten register.statistics (förbundets kansli och styrelse).",
  security,
  request: { params: AssociationParams, query: StatisticsQuery },
  responses: {
    200: json(StatisticsSchema, "Statistiken."),
    400: invalid,
    403: forbiddenInAssociation,
    404: problem(
      "Förbundet eller insatsen finns inte, eller nyckelns ägare har ingen roll i förbundet.",
    ),
    ...common,
  },
});

// ---------------------------------------------------------------------------------------------
// Answers

type CellOut = z.infer<typeof CellSchema>;
type ShareOut = z.infer<typeof ShareSchema>;

const cellOut = (cell: StatisticsCell): CellOut =>
  "value" in cell
    ? { value: cell.value }
    : { suppressed: true, reason: cell.suppressed, display: formatStatistic(cell) };

const shareOut = (share: StatisticsShare["share"]): ShareOut =>
  "ratio" in share
    ? { ratio: share.ratio, display: formatStatistic(share) }
    : { suppressed: true, reason: share.suppressed, display: formatStatistic(share) };

const rowOut = (row: StatisticsRow) => ({
  key: row.key,
  label: row.label,
  definition: row.definition,
  partOf: row.partOf ?? null,
  kvinnor: cellOut(row.kvinnor),
  man: cellOut(row.man),
  totalt: cellOut(row.totalt),
});

const tableOut = (table: StatisticsTable) => ({
  key: table.key,
  title: table.title,
  definition: table.definition,
  rows: table.rows.map(rowOut),
});

const individualOut = (unit: IndividualStatistics) => ({
  initiative: unit.initiative ? { ...unit.initiative } : null,
  name: unit.name,
  tables: unit.tables.map(tableOut),
  shares: unit.shares.map((s) => ({
    key: s.key,
    label: s.label,
    definition: s.definition,
    share: shareOut(s.share),
  })),
});

const structuralOut = (unit: StructuralStatistics) => ({
  initiative: unit.initiative ? { ...unit.initiative } : null,
  name: unit.name,
  table: tableOut(unit.table),
});

export function statisticsOut(statistics: RegisterStatistics): z.infer<typeof StatisticsSchema> {
  const d = statistics.disclosure;
  const sharesNotShown = d.shares.denominator + d.shares.numerator + d.shares.complement;
  return {
    period: { ...statistics.period },
    threshold: statistics.threshold,
    allowTrueZero: statistics.allowTrueZero,
    genderNote: statistics.genderNote,
    countingNote: statistics.countingNote,
    initiatives: statistics.individual.map(individualOut),
    total: statistics.individualTotal ? individualOut(statistics.individualTotal) : null,
    structural: statistics.structural.map(structuralOut),
    structuralTotal: statistics.structuralTotal ? structuralOut(statistics.structuralTotal) : null,
    disclosure: {
      suppressedCells: d.primary + d.secondary + sharesNotShown + statistics.leftOut,
      primary: d.primary,
      secondary: d.secondary,
      sharesNotShown,
      leftOut: statistics.leftOut,
      reasons: [...d.reasons],
    },
  };
}

export function registerRegisterStatisticsRoutes(
  app: OpenAPIHono<ApiEnv>,
  services: AppServices,
): void {
  app.openapi(
    guarded(getParticipantStatisticsRoute, guard(services, "register.statistics")),
    async (c) => {
      const query = c.req.valid("query");
      const to = query.to ?? todayInSweden();
      const from = query.from ?? `${to.slice(0, 4)}-01-01`;
      // the association's own disclosure control applies: registerStatistics reads it
      // (threshold and whether a true 0 is shown, set by the office; default 5, zeros hidden)
      const statistics = await registerStatistics(services.db, associationOf(c).id, {
        from,
        to,
        initiativeIds: query.initiativeId ? [query.initiativeId] : "all",
      });
      return c.json(statisticsOut(statistics), 200);
    },
  );
}
