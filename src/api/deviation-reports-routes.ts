// Deviation reports in the API: the list, drafts started and saved, submission (arrival date
// and diarienummer), the office's or the board's decision (an approval changes the initiative)
// and the version history. The use cases in src/reports/deviation-reports.ts decide what may
// be stored; this file authorizes (before validation, like every association operation),
// reads the request with zod schemas that also make the OpenAPI document, and shapes answers.
//
// A report the caller may not see answers 404, exactly like one that does not exist; one the
// caller sees but may not act on answers 403.
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { can, canOnInitiative, visibleReports } from "../access/policy.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import {
  createDeviationReport,
  DECISION_BODIES,
  DEVIATION_REQUESTS,
  DEVIATION_STATUSES,
  DEVIATION_TYPES,
  type DecisionBody,
  type DeviationReportDetails,
  decideDeviationReport,
  getDeviationReport,
  listDeviationReports,
  listDeviationReportVersions,
  saveDeviationReport,
  submitDeviationReport,
} from "../reports/deviation-reports.ts";
import { actorOf, associationOf, guard, guarded, principalOf } from "./app.ts";
import {
  guardedItem,
  iso,
  itemParams,
  itemProblems,
  itemRoutes,
  onSomeInitiative,
  refuse,
  someVisible,
  versionsOut,
} from "./item-operations.ts";
import {
  collectionRoutes,
  commentSchema,
  isoDateLike,
  json,
  timestampLike,
  versionFields,
  versionListSchema,
} from "./operation-kit.ts";
import type { ApiEnv } from "./problems.ts";

// ---------------------------------------------------------------------------------------------
// Schemas

const TAG = "Avvikelserapporter";

const { forbidden, notFound: reportNotFound, conflict } = itemProblems("rapporten");

const ReportParams = itemParams(
  "deviationId",
  "Avvikelserapportens id.",
  "3f1c2a4e-6f3b-4c1d-9e2a-5b7f0c3d4e21",
);

type DeviationStatus = (typeof DEVIATION_STATUSES)[number];

const Status = z.enum(DEVIATION_STATUSES).openapi({
  description: "Rapportens status: utkast, inskickad, godkand eller avslagen.",
  example: "inskickad",
});

const DeviationType = z.enum(DEVIATION_TYPES).openapi({
  description: "Typ av avvikelse: mal, malgrupp, budget, tidsplan eller bemanning.",
  example: "tidsplan",
});

const Request = z.enum(DEVIATION_REQUESTS).openapi({
  description:
    "Begäran: ingen, forlangning (förlängning inom budgeten), flytta_medel (outnyttjade medel till en senare period), andrad_malgrupp eller avslut_i_fortid.",
  example: "forlangning",
});

const isoDate = isoDateLike("2028-06-30");
const timestamp = timestampLike("2027-03-02T09:30:00.000Z");

const narrative = (description: string, example: string) =>
  z
    .string()
    .max(25_000)
    .default("")
    .openapi({
      description: `${description} Text med enkel formatering: rubriker, listor och stycken. Krävs för att skicka in.`,
      example,
    });

const ContentFields = {
  types: z
    .array(DeviationType)
    .max(10)
    .default([])
    .openapi({
      description: "Vad som avviker; minst en krävs för att skicka in.",
      example: ["tidsplan"],
    }),
  description: narrative(
    "Beskrivning av avvikelsen.",
    "Rekryteringen av coacher tog fyra månader längre än planerat.",
  ),
  cause: narrative("Orsak.", "Få sökande till tjänsterna."),
  consequence: narrative("Konsekvens.", "Färre deltagare under det första året."),
  measures: narrative("Åtgärder.", "Vi begär förlängning inom budgeten."),
  request: Request.default("ingen"),
  requestedEndDate: z.iso.date().nullable().default(null).openapi({
    description:
      "Vid forlangning: det nya slutdatumet, efter insatsens nuvarande slut. Vid avslut_i_fortid: dagen insatsen slutar, mellan start och nuvarande slut. ÅÅÅÅ-MM-DD. Sparas inte för andra begäranden.",
    example: "2028-06-30",
  }),
  requestedTargetGroup: z.string().max(2000).nullable().default(null).openapi({
    description:
      "Vid andrad_malgrupp: målgruppen som den ska vara. Sparas inte för andra begäranden.",
    example: "Unga vuxna 18–35 år",
  }),
  requestedAmount: z
    .union([z.number(), z.string().max(40)])
    .nullable()
    .default(null)
    .openapi({
      description:
        'Vid flytta_medel: belopp i hela kronor, större än 0, som ett tal eller text som "150 000". Sparas inte för andra begäranden.',
      example: "150 000",
    }),
};

const Version = (description: string) =>
  z.number().int().min(1).openapi({ description, example: 2 });

const READ_VERSION =
  "Versionen du läste. Har någon annan ändrat rapporten sedan dess blir svaret 409, och `changes` anger vad som skiljer.";

const CreateSchema = z
  .object({
    initiativeId: z.uuid().openapi({
      description:
        "Insatsen rapporten gäller: pågående eller beviljad, och en som nyckelns ägare skriver rapporter för.",
    }),
    ...ContentFields,
  })
  .openapi("DeviationReportInput", {
    description:
      "En ny avvikelserapport. Ett utkast får vara ofullständigt men inte ogiltigt. Utelämnade fält får sina standardvärden.",
  });

const UpdateSchema = z
  .object({ ...ContentFields, version: Version(READ_VERSION) })
  .openapi("DeviationReportUpdate", {
    description:
      "Hela innehållet och versionen du läste. Bara ett utkast kan ändras. Utelämnade fält får sina standardvärden.",
  });

const SubmitSchema = z.object({ version: Version(READ_VERSION) }).openapi("DeviationReportSubmit");

const DecisionInputSchema = z
  .object({
    version: Version(READ_VERSION),
    decisionBody: z.enum(DECISION_BODIES).openapi({
      description:
        "kansli: förbundets kansli beslutar (kräver behörigheten reports.manage). styrelse: styrelsens beslut; då krävs möte och paragraf.",
      example: "styrelse",
    }),
    decision: z.enum(["godkand", "avslagen"]).openapi({ example: "godkand" }),
    decisionDate: z.iso
      .date()
      .openapi({ description: "Beslutsdatum, inte i framtiden.", example: "2027-03-12" }),
    motivation: z.string().max(5000).nullable().default(null).openapi({
      description: "Motivering; krävs när rapporten avslås.",
      example: "Budgeten räcker för en förlängning.",
    }),
    meeting: z.string().max(200).nullable().default(null).openapi({
      description: "Mötet som fattade beslutet; krävs för styrelsen.",
      example: "Styrelsemöte 2027-03-12",
    }),
    paragraph: z.string().max(20).nullable().default(null).openapi({
      description: "Paragraf i protokollet, med eller utan §; krävs för styrelsen.",
      example: "§ 12",
    }),
  })
  .openapi("DeviationReportDecisionInput");

const DecisionSchema = z
  .object({
    decision: z.enum(["godkand", "avslagen"]),
    decisionBody: z.enum(DECISION_BODIES).nullable(),
    decisionDate: isoDate("Beslutsdatum."),
    meeting: z.string().nullable().openapi({ example: "Styrelsemöte 2027-03-12" }),
    paragraph: z.string().nullable().openapi({ example: "12" }),
    motivation: z.string().nullable(),
  })
  .openapi("DeviationReportDecision");

const CommentSchema = commentSchema("DeviationReportComment", {
  authorExample: "Maria Lindqvist",
  textExample: "Vilka tjänster gäller det?",
  timestamp,
});

const ReportSchema = z
  .object({
    id: z.uuid(),
    initiativeId: z.uuid(),
    initiativeName: z.string().openapi({ example: "Tierp, Växtverket" }),
    status: Status,
    types: z.array(DeviationType),
    description: z.string(),
    cause: z.string(),
    consequence: z.string(),
    measures: z.string(),
    request: Request,
    requestedEndDate: isoDate(
      "Begärt slutdatum (forlangning) eller dagen insatsen slutar (avslut_i_fortid).",
    ),
    requestedTargetGroup: z.string().nullable().openapi({ description: "Begärd ny målgrupp." }),
    requestedAmount: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Belopp att flytta, hela kronor.", example: 150000 }),
    submittedAt: timestamp("När rapporten skickades in.").nullable(),
    arrivalDate: isoDate("Dagen rapporten kom in, eller null."),
    registryNumber: z
      .string()
      .nullable()
      .openapi({ description: "Diarienummer, när rapporten skickats in.", example: "2027/14" }),
    decision: DecisionSchema.nullable().openapi({ description: "Beslutet, när det är fattat." }),
    comments: z.array(CommentSchema).openapi({ description: "Kommentarer, i ordning." }),
    createdAt: timestamp("När rapporten skapades."),
    updatedAt: timestamp("När rapporten senast ändrades."),
    version: z.number().int().openapi({
      description: "Ökar vid varje ändring; skicka med den vid ändring.",
      example: 2,
    }),
  })
  .openapi("DeviationReport", {
    description: "En avvikelserapport med begäran, beslut och kommentarer.",
  });

const SummarySchema = z
  .object({
    id: z.uuid(),
    initiativeId: z.uuid(),
    initiativeName: z.string().openapi({ example: "Tierp, Växtverket" }),
    status: Status,
    types: z.array(DeviationType),
    request: Request,
    registryNumber: z.string().nullable().openapi({ example: "2027/14" }),
    arrivalDate: isoDate("Dagen rapporten kom in, eller null."),
    decisionDate: isoDate("Beslutsdatum, eller null."),
    createdAt: timestamp("När rapporten skapades."),
    updatedAt: timestamp("När rapporten senast ändrades."),
    version: z.number().int(),
  })
  .openapi("DeviationReportSummary");

const ListSchema = z
  .object({ items: z.array(SummarySchema) })
  .openapi("DeviationReportList", { description: "Rapporterna, nyaste först." });

const VersionListSchema = versionListSchema(
  "DeviationReportVersionList",
  versionFields(Status, {
    events: "created, saved, submitted eller decided",
    eventExample: "submitted",
    note: "Anteckning, till exempel diarienumret eller beslutet.",
    actor: { example: "Leila Haddad" },
    timestamp,
  }),
  "Rapportens versioner, nyaste först.",
);

// ---------------------------------------------------------------------------------------------
// Routes

const base = "/associations/{slug}/deviation-reports";
const one = `${base}/{deviationId}`;
const reports = collectionRoutes({ tag: TAG, path: base });

export const listDeviationReportsRoute = reports.list({
  operationId: "listDeviationReports",
  summary: "Lista avvikelserapporter",
  description:
    "Förbundets avvikelserapporter som nyckelns ägare får se, nyaste först: alla med behörigheten reports.view, annars rapporterna för de insatser ägaren är insatsansvarig eller sitter i styrgruppen för. Ingen sådan insats ger 403.",
  query: z.object({
    status: Status.optional(),
    initiativeId: z.uuid().optional().openapi({ description: "Bara rapporterna för en insats." }),
  }),
  answers: { 200: json(ListSchema, "Rapporterna.") },
});

export const createDeviationReportRoute = reports.create({
  operationId: "createDeviationReport",
  summary: "Påbörja en avvikelserapport",
  description:
    "Skapar ett utkast för en pågående eller beviljad insats. Kräver behörigheten report.write på insatsen (kansliet, eller insatsansvarig för insatsen) och scope write. Händelsen förs in i granskningsloggen.",
  body: CreateSchema,
  answers: { 201: json(ReportSchema, "Utkastet skapades.") },
});

const route = itemRoutes({
  tag: TAG,
  path: one,
  params: ReportParams,
  forbidden,
  notFound: reportNotFound,
});

export const getDeviationReportRoute = route.get({
  operationId: "getDeviationReport",
  summary: "Hämta en avvikelserapport",
  description:
    "Rapporten med begäran, beslut och kommentarer. Kräver behörigheten report.view: i hela förbundet, eller som insatsansvarig eller i styrgruppen för insatsen.",
  answers: { 200: json(ReportSchema, "Rapporten.") },
});

export const updateDeviationReportRoute = route.put({
  operationId: "updateDeviationReport",
  summary: "Spara en avvikelserapport",
  description:
    "Ersätter innehållet i ett utkast. Kräver behörigheten report.write på insatsen och scope write.",
  body: UpdateSchema,
  answers: { 200: json(ReportSchema, "Rapporten efter ändringen."), 409: conflict },
});

export const submitDeviationReportRoute = route.post({
  path: "submit",
  operationId: "submitDeviationReport",
  summary: "Skicka in en avvikelserapport",
  description:
    "Skickar in ett utkast. Typ, beskrivning, orsak, konsekvens och åtgärder ska vara ifyllda, och begärans fält ska stämma med insatsens datum. Rapporten får dagens datum som ankomstdatum och ett diarienummer. Kräver behörigheten report.write på insatsen och scope write.",
  body: SubmitSchema,
  answers: { 200: json(ReportSchema, "Rapporten efter inskickningen."), 409: conflict },
});

export const decideDeviationReportRoute = route.post({
  path: "decision",
  operationId: "decideDeviationReport",
  summary: "Registrera beslutet om en avvikelserapport",
  description:
    "Godkänner eller avslår en inskickad rapport. Ett godkännande ändrar insatsen i samma steg: forlangning ger nytt slutdatum, avslut_i_fortid avslutar insatsen i förtid och sparar det planerade slutet, andrad_malgrupp ger ny målgrupp. flytta_medel ändrar inte insatsen; budgeten fördelas om i ekonomidelen. Kräver behörigheten deviations.decide och scope write; beslut som kansli kräver reports.manage.",
  body: DecisionInputSchema,
  answers: { 200: json(ReportSchema, "Rapporten efter beslutet."), 409: conflict },
});

export const listDeviationReportVersionsRoute = route.get({
  path: "versions",
  operationId: "listDeviationReportVersions",
  summary: "Avvikelserapportens historik",
  description: "Varje sparad version: vem, när och varför. Kräver behörigheten report.view.",
  answers: { 200: json(VersionListSchema, "Versionerna, nyaste först.") },
});

// ---------------------------------------------------------------------------------------------
// Handlers

const REPORT_NOT_FOUND = "Avvikelserapporten finns inte i förbundet, eller så får du inte se den.";

function reportOut(d: DeviationReportDetails) {
  return {
    id: d.id,
    initiativeId: d.initiativeId,
    initiativeName: d.initiativeName,
    status: d.status,
    types: d.types,
    description: d.description,
    cause: d.cause,
    consequence: d.consequence,
    measures: d.measures,
    request: d.request,
    requestedEndDate: d.requestedEndDate,
    requestedTargetGroup: d.requestedTargetGroup,
    requestedAmount: d.requestedAmount,
    submittedAt: iso(d.submittedAt),
    arrivalDate: d.arrivalDate,
    registryNumber: d.registryNumber,
    decision:
      d.status === "godkand" || d.status === "avslagen"
        ? {
            decision: d.status,
            decisionBody: d.decisionBody,
            decisionDate: d.decisionDate,
            meeting: d.decisionMeeting,
            paragraph: d.decisionParagraph,
            motivation: d.decisionMotivation,
          }
        : null,
    comments: d.comments.map((c) => ({
      id: c.id,
      authorName: c.authorName,
      text: c.text,
      createdAt: c.createdAt.toISOString(),
    })),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}

const deviation = guardedItem({
  idParam: "deviationId",
  view: "report.view",
  notFound: REPORT_NOT_FOUND,
  load: getDeviationReport,
  out: reportOut,
});

export function registerDeviationReportRoutes(
  app: OpenAPIHono<ApiEnv>,
  services: AppServices,
): void {
  app.openapi(
    guarded(
      listDeviationReportsRoute,
      guard(services, "reports.view", someVisible(visibleReports)),
    ),
    async (c) => {
      const association = associationOf(c);
      const { status, initiativeId } = c.req.valid("query");
      const rows = await listDeviationReports(services.db, association.id, {
        visible: visibleReports(principalOf(c), association.id),
        status,
        initiativeId,
      });
      return c.json(
        {
          items: rows.map((r) => ({
            id: r.id,
            initiativeId: r.initiativeId,
            initiativeName: r.initiativeName,
            status: r.status,
            types: r.types,
            request: r.request,
            registryNumber: r.registryNumber,
            arrivalDate: r.arrivalDate,
            decisionDate: r.decisionDate,
            createdAt: r.createdAt.toISOString(),
            updatedAt: r.updatedAt.toISOString(),
            version: r.version,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    guarded(
      createDeviationReportRoute,
      guard(services, "report.write", onSomeInitiative("report.write")),
    ),
    async (c) => {
      const { initiativeId, ...input } = c.req.valid("json");
      const association = associationOf(c);
      if (!canOnInitiative(principalOf(c), "report.write", association.id, initiativeId))
        refuse(
          "report.write",
          "Du skriver inte rapporter för den insatsen. Ange en insats där du är insatsansvarig.",
        );
      const id = await createDeviationReport(
        services.db,
        actorOf(c),
        association.id,
        initiativeId,
        input,
      );
      return c.json(reportOut(await deviation.find(services, association.id, id)), 201);
    },
  );

  app.openapi(guarded(getDeviationReportRoute, deviation.guard(services, "report.view")), (c) =>
    deviation.show(services, c),
  );

  app.openapi(
    guarded(updateDeviationReportRoute, deviation.guard(services, "report.write")),
    (c) => {
      const { version, ...input } = c.req.valid("json");
      return deviation.change(services, c, (...at) => saveDeviationReport(...at, version, input));
    },
  );

  app.openapi(
    guarded(submitDeviationReportRoute, deviation.guard(services, "report.write")),
    (c) => {
      const { version } = c.req.valid("json");
      return deviation.change(services, c, (...at) => submitDeviationReport(...at, version));
    },
  );

  app.openapi(
    guarded(decideDeviationReportRoute, deviation.guard(services, "deviations.decide")),
    (c) => {
      const { version, ...input } = c.req.valid("json");
      const office = can(principalOf(c), "reports.manage", associationOf(c).id);
      if (input.decisionBody === "kansli" && !office)
        refuse(
          "reports.manage",
          "Bara förbundets kansli beslutar som kansli (decisionBody: kansli). Registrera styrelsens beslut med decisionBody: styrelse.",
        );
      const bodies: DecisionBody[] = office ? ["kansli", "styrelse"] : ["styrelse"];
      return deviation.change(services, c, (...at) =>
        decideDeviationReport(...at, version, input, { bodies }),
      );
    },
  );

  app.openapi(
    guarded(listDeviationReportVersionsRoute, deviation.guard(services, "report.view")),
    async (c) => {
      const { deviationId } = c.req.valid("param");
      const rows = await listDeviationReportVersions(services.db, deviationId);
      return c.json(versionsOut<DeviationStatus>(rows), 200);
    },
  );
}
