// Deviation reports in the API: the list, drafts started and saved, submission (arrival date
// and diarienummer), the office's or the board's decision (an approval changes the initiative)
// and the version history. The use cases in src/reports/deviation-reports.ts decide what may
// be stored; this file authorizes (before validation, like every association operation),
// reads the request with zod schemas that also make the OpenAPI document, and shapes answers.
//
// A report the caller may not see answers 404, exactly like one that does not exist; one the
// caller sees but may not act on answers 403.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import {
  can,
  canOnInitiative,
  ForbiddenError,
  type Permission,
  visibleReports,
} from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import { NotFoundError } from "../platform/errors.ts";
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
import { actorOf, associationOf, guard, guarded, principalOf, type Rule } from "./app.ts";
import {
  AssociationParams,
  common,
  invalid,
  json,
  jsonBody,
  problem,
  security,
  tooLarge,
  unsupported,
} from "./operation-kit.ts";
import type { ApiContext, ApiEnv } from "./problems.ts";

// ---------------------------------------------------------------------------------------------
// Schemas

const TAG = "Avvikelserapporter";

const forbidden = problem(
  "Nyckelns ägare ser rapporten men saknar behörighet för åtgärden, eller nyckeln får bara läsa (scope read).",
);
const forbiddenInAssociation = problem(
  "Nyckelns ägare saknar behörighet, eller nyckeln får bara läsa (scope read).",
);
const notFound = problem("Förbundet finns inte eller nyckelns ägare har ingen roll i det.");
const reportNotFound = problem(
  "Förbundet eller rapporten finns inte, eller nyckelns ägare får inte se rapporten. Svaret är detsamma i alla fallen.",
);
const conflict = problem(
  "Rapporten har ändrats sedan du läste den (versionen stämmer inte). `changes` anger vad den andra ändrade, fält för fält.",
);
const writing = { 400: invalid, 413: tooLarge, 415: unsupported } as const;

const ReportParams = AssociationParams.extend({
  deviationId: z.uuid().openapi({
    param: { name: "deviationId", in: "path" },
    description: "Avvikelserapportens id.",
    example: "3f1c2a4e-6f3b-4c1d-9e2a-5b7f0c3d4e21",
  }),
});

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

const isoDate = (description: string) =>
  z.iso.date().nullable().openapi({ description, example: "2028-06-30" });

const timestamp = (description: string) =>
  z.iso.datetime({ offset: true }).openapi({ description, example: "2027-03-02T09:30:00.000Z" });

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

const CommentSchema = z
  .object({
    id: z.uuid(),
    authorName: z.string().openapi({ example: "Maria Lindqvist" }),
    text: z.string().openapi({ example: "Vilka tjänster gäller det?" }),
    createdAt: timestamp("När kommentaren skrevs."),
  })
  .openapi("DeviationReportComment");

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

const VersionListSchema = z
  .object({
    items: z.array(
      z.object({
        version: z.number().int().openapi({ example: 2 }),
        status: Status,
        event: z.string().openapi({
          description: "Vad som gav versionen: created, saved, submitted eller decided.",
          example: "submitted",
        }),
        note: z
          .string()
          .nullable()
          .openapi({ description: "Anteckning, till exempel diarienumret eller beslutet." }),
        actorName: z.string().openapi({ example: "Leila Haddad" }),
        createdAt: timestamp("När versionen sparades."),
      }),
    ),
  })
  .openapi("DeviationReportVersionList", { description: "Rapportens versioner, nyaste först." });

// ---------------------------------------------------------------------------------------------
// Routes

const base = "/associations/{slug}/deviation-reports";
const one = `${base}/{deviationId}`;

export const listDeviationReportsRoute = createRoute({
  method: "get",
  path: base,
  operationId: "listDeviationReports",
  tags: [TAG],
  summary: "Lista avvikelserapporter",
  description:
    "Förbundets avvikelserapporter som nyckelns ägare får se, nyaste först: alla med behörigheten reports.view, annars rapporterna för de insatser ägaren är insatsansvarig eller sitter i styrgruppen för. Ingen sådan insats ger 403.",
  security,
  request: {
    params: AssociationParams,
    query: z.object({
      status: Status.optional(),
      initiativeId: z.uuid().optional().openapi({ description: "Bara rapporterna för en insats." }),
    }),
  },
  responses: {
    200: json(ListSchema, "Rapporterna."),
    400: invalid,
    403: forbiddenInAssociation,
    404: notFound,
    ...common,
  },
});

export const createDeviationReportRoute = createRoute({
  method: "post",
  path: base,
  operationId: "createDeviationReport",
  tags: [TAG],
  summary: "Påbörja en avvikelserapport",
  description:
    "Skapar ett utkast för en pågående eller beviljad insats. Kräver behörigheten report.write på insatsen (kansliet, eller insatsansvarig för insatsen) och scope write. Händelsen förs in i granskningsloggen.",
  security,
  request: { params: AssociationParams, body: jsonBody(CreateSchema) },
  responses: {
    201: json(ReportSchema, "Utkastet skapades."),
    ...writing,
    403: forbiddenInAssociation,
    404: notFound,
    ...common,
  },
});

export const getDeviationReportRoute = createRoute({
  method: "get",
  path: one,
  operationId: "getDeviationReport",
  tags: [TAG],
  summary: "Hämta en avvikelserapport",
  description:
    "Rapporten med begäran, beslut och kommentarer. Kräver behörigheten report.view: i hela förbundet, eller som insatsansvarig eller i styrgruppen för insatsen.",
  security,
  request: { params: ReportParams },
  responses: {
    200: json(ReportSchema, "Rapporten."),
    400: invalid,
    403: forbidden,
    404: reportNotFound,
    ...common,
  },
});

export const updateDeviationReportRoute = createRoute({
  method: "put",
  path: one,
  operationId: "updateDeviationReport",
  tags: [TAG],
  summary: "Spara en avvikelserapport",
  description:
    "Ersätter innehållet i ett utkast. Kräver behörigheten report.write på insatsen och scope write.",
  security,
  request: { params: ReportParams, body: jsonBody(UpdateSchema) },
  responses: {
    200: json(ReportSchema, "Rapporten efter ändringen."),
    ...writing,
    403: forbidden,
    404: reportNotFound,
    409: conflict,
    ...common,
  },
});

export const submitDeviationReportRoute = createRoute({
  method: "post",
  path: `${one}/submit`,
  operationId: "submitDeviationReport",
  tags: [TAG],
  summary: "Skicka in en avvikelserapport",
  description:
    "Skickar in ett utkast. Typ, beskrivning, orsak, konsekvens och åtgärder ska vara ifyllda, och begärans fält ska stämma med insatsens datum. Rapporten får dagens datum som ankomstdatum och ett diarienummer. Kräver behörigheten report.write på insatsen och scope write.",
  security,
  request: { params: ReportParams, body: jsonBody(SubmitSchema) },
  responses: {
    200: json(ReportSchema, "Rapporten efter inskickningen."),
    ...writing,
    403: forbidden,
    404: reportNotFound,
    409: conflict,
    ...common,
  },
});

export const decideDeviationReportRoute = createRoute({
  method: "post",
  path: `${one}/decision`,
  operationId: "decideDeviationReport",
  tags: [TAG],
  summary: "Registrera beslutet om en avvikelserapport",
  description:
    "Godkänner eller avslår en inskickad rapport. Ett godkännande ändrar insatsen i samma steg: forlangning ger nytt slutdatum, avslut_i_fortid avslutar insatsen i förtid och sparar det planerade slutet, andrad_malgrupp ger ny målgrupp. flytta_medel ändrar inte insatsen; budgeten fördelas om i ekonomidelen. Kräver behörigheten deviations.decide och scope write; beslut som kansli kräver reports.manage.",
  security,
  request: { params: ReportParams, body: jsonBody(DecisionInputSchema) },
  responses: {
    200: json(ReportSchema, "Rapporten efter beslutet."),
    ...writing,
    403: forbidden,
    404: reportNotFound,
    409: conflict,
    ...common,
  },
});

export const listDeviationReportVersionsRoute = createRoute({
  method: "get",
  path: `${one}/versions`,
  operationId: "listDeviationReportVersions",
  tags: [TAG],
  summary: "Avvikelserapportens historik",
  description: "Varje sparad version: vem, när och varför. Kräver behörigheten report.view.",
  security,
  request: { params: ReportParams },
  responses: {
    200: json(VersionListSchema, "Versionerna, nyaste först."),
    400: invalid,
    403: forbidden,
    404: reportNotFound,
    ...common,
  },
});

// ---------------------------------------------------------------------------------------------
// Handlers

const REPORT_NOT_FOUND = "Avvikelserapporten finns inte i förbundet, eller så får du inte se den.";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reports the guard has read, for the handler of the same request. */
const loaded = new WeakMap<Request, DeviationReportDetails>();

/** Some initiative whose reports the principal sees. */
const someReports: Rule = (principal, associationId) => {
  const visible = visibleReports(principal, associationId);
  return visible === "all" || visible.length > 0;
};

/** Reports may be written for some initiative: association-wide, or through an initiative role. */
const writesSomeReport = (principal: Principal, associationId: string) =>
  can(principal, "report.write", associationId) ||
  principal.grants.some(
    (g) =>
      g.associationId === associationId &&
      g.initiativeId !== null &&
      canOnInitiative(principal, "report.write", associationId, g.initiativeId),
  );

/**
 * The guard for one report: the association as for every operation, then the report, which
 * answers 404 unless the principal may see it, then `permission` on the report's initiative
 * (403). An id that is no uuid cannot exist: the association-wide permission decides, and
 * validation then answers 400.
 */
function reportGuard(services: AppServices, permission: Permission): MiddlewareHandler<ApiEnv> {
  const inAssociation = guard(services, permission, () => true);
  return (c, next) =>
    inAssociation(c, async () => {
      const associationId = associationOf(c).id;
      const id = c.req.param("deviationId") ?? "";
      let initiativeId = "";
      if (UUID.test(id)) {
        const found = await getDeviationReport(services.db, associationId, id);
        if (
          !found ||
          !canOnInitiative(principalOf(c), "report.view", associationId, found.initiativeId)
        )
          throw new NotFoundError(REPORT_NOT_FOUND);
        loaded.set(c.req.raw, found);
        initiativeId = found.initiativeId;
      }
      await guard(services, permission, (principal, association) =>
        canOnInitiative(principal, permission, association, initiativeId),
      )(c, next);
    });
}

/** The report the guard read, or a fresh read after a change. */
async function details(services: AppServices, c: ApiContext, fresh = false) {
  const cached = fresh ? undefined : loaded.get(c.req.raw);
  if (cached) return cached;
  const id = c.req.param("deviationId") ?? "";
  const found = await getDeviationReport(services.db, associationOf(c).id, id);
  if (!found) throw new NotFoundError(REPORT_NOT_FOUND);
  return found;
}

/** A 403 for a part of a request that needs more than the operation itself. */
function refuse(permission: Permission, detail: string): never {
  const error = new ForbiddenError(permission);
  error.message = detail;
  throw error;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

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

export function registerDeviationReportRoutes(
  app: OpenAPIHono<ApiEnv>,
  services: AppServices,
): void {
  app.openapi(
    guarded(listDeviationReportsRoute, guard(services, "reports.view", someReports)),
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
      guard(services, "report.write", (principal, associationId) =>
        writesSomeReport(principal, associationId),
      ),
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
      const created = await getDeviationReport(services.db, association.id, id);
      if (!created) throw new NotFoundError(REPORT_NOT_FOUND);
      return c.json(reportOut(created), 201);
    },
  );

  app.openapi(guarded(getDeviationReportRoute, reportGuard(services, "report.view")), async (c) =>
    c.json(reportOut(await details(services, c)), 200),
  );

  app.openapi(
    guarded(updateDeviationReportRoute, reportGuard(services, "report.write")),
    async (c) => {
      const { deviationId } = c.req.valid("param");
      const { version, ...input } = c.req.valid("json");
      await saveDeviationReport(
        services.db,
        actorOf(c),
        associationOf(c).id,
        deviationId,
        version,
        input,
      );
      return c.json(reportOut(await details(services, c, true)), 200);
    },
  );

  app.openapi(
    guarded(submitDeviationReportRoute, reportGuard(services, "report.write")),
    async (c) => {
      const { deviationId } = c.req.valid("param");
      const { version } = c.req.valid("json");
      await submitDeviationReport(
        services.db,
        actorOf(c),
        associationOf(c).id,
        deviationId,
        version,
      );
      return c.json(reportOut(await details(services, c, true)), 200);
    },
  );

  app.openapi(
    guarded(decideDeviationReportRoute, reportGuard(services, "deviations.decide")),
    async (c) => {
      const { deviationId } = c.req.valid("param");
      const { version, ...input } = c.req.valid("json");
      const association = associationOf(c);
      const office = can(principalOf(c), "reports.manage", association.id);
      if (input.decisionBody === "kansli" && !office)
        refuse(
          "reports.manage",
          "Bara förbundets kansli beslutar som kansli (decisionBody: kansli). Registrera styrelsens beslut med decisionBody: styrelse.",
        );
      const bodies: DecisionBody[] = office ? ["kansli", "styrelse"] : ["styrelse"];
      await decideDeviationReport(
        services.db,
        actorOf(c),
        association.id,
        deviationId,
        version,
        input,
        { bodies },
      );
      return c.json(reportOut(await details(services, c, true)), 200);
    },
  );

  app.openapi(
    guarded(listDeviationReportVersionsRoute, reportGuard(services, "report.view")),
    async (c) => {
      const { deviationId } = c.req.valid("param");
      const rows = await listDeviationReportVersions(services.db, deviationId);
      return c.json(
        {
          items: rows.map((v) => ({
            ...v,
            status: v.status as (typeof DEVIATION_STATUSES)[number],
            createdAt: v.createdAt.toISOString(),
          })),
        },
        200,
      );
    },
  );
}
