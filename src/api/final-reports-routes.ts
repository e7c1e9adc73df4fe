// Final reports in the API: the list, a report started for an initiative, saved, submitted
// (which closes the initiative), returned for completion or accepted and locked by the office,
// and its version history. The use cases in src/reports/final-reports.ts decide what may be
// stored; this file authorizes (before validation, like every association operation), reads
// the request with zod schemas that also make the OpenAPI document, and shapes the answers.
//
// A report the caller may not see answers 404, exactly like one that does not exist; one the
// caller sees but may not act on answers 403.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { canOnInitiative, type Permission, visibleReports } from "../access/policy.ts";
import { GOAL_KINDS, INITIATIVE_STATUSES, ORIENTATIONS } from "../initiatives/schema.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { ACHIEVED, YES_NO } from "../reports/final-report-content.ts";
import {
  acceptFinalReport,
  createFinalReport,
  type FinalReportDetails,
  getFinalReport,
  listFinalReports,
  listFinalReportVersions,
  returnFinalReport,
  saveFinalReport,
  submitFinalReport,
} from "../reports/final-reports.ts";
import { FINAL_REPORT_STATUSES } from "../reports/schema.ts";
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

const TAG = "Slutrapporter";

const forbidden = problem(
  "Nyckelns ägare ser slutrapporten men saknar behörighet för åtgärden, eller nyckeln får bara läsa (scope read).",
);
const forbiddenInAssociation = problem(
  "Nyckelns ägare saknar behörighet, eller nyckeln får bara läsa (scope read).",
);
const notFound = problem("Förbundet finns inte eller nyckelns ägare har ingen roll i det.");
const reportNotFound = problem(
  "Förbundet eller slutrapporten finns inte, eller nyckelns ägare får inte se den. Svaret är detsamma i alla fallen.",
);
const initiativeNotFound = problem(
  "Förbundet eller insatsen finns inte, eller nyckelns ägare har ingen roll i förbundet.",
);
const conflict = problem(
  "Slutrapporten har ändrats sedan du läste den (versionen stämmer inte). `changes` anger vad den andra ändrade, fält för fält.",
);
const writing = { 400: invalid, 413: tooLarge, 415: unsupported } as const;

const InitiativeParams = AssociationParams.extend({
  initiativeId: z.uuid().openapi({
    param: { name: "initiativeId", in: "path" },
    description: "Insatsens id.",
    example: "3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e",
  }),
});

const ReportParams = AssociationParams.extend({
  finalReportId: z.uuid().openapi({
    param: { name: "finalReportId", in: "path" },
    description: "Slutrapportens id.",
    example: "6a1d2c3b-4e5f-4a6b-9c7d-8e9f0a1b2c3d",
  }),
});

const Status = z.enum(FINAL_REPORT_STATUSES).openapi({
  description:
    "Slutrapportens status: utkast, inskickad, aterskickad (åter för komplettering) eller last (granskad och låst).",
  example: "inskickad",
});

const Answer = z.enum(ACHIEVED).nullable().openapi({
  description: "ja, nej eller delvis; null för obesvarat.",
  example: "delvis",
});

const isoDate = (description: string) =>
  z.iso.date().nullable().openapi({ description, example: "2026-10-31" });

const timestamp = (description: string) =>
  z.iso.datetime({ offset: true }).openapi({ description, example: "2026-11-02T09:30:00.000Z" });

const whole = (description: string, example: number) =>
  z.number().int().nullable().openapi({ description, example });

const narrative = (description: string, example: string) =>
  z.string().openapi({
    description: `${description} Text med enkel formatering: rubriker, listor och stycken.`,
    example,
  });

export const FinalReportContentSchema = z
  .object({
    initiativeName: z.string().openapi({
      description: "Insatsens namn när rapporten påbörjades.",
      example: "Tierp, Växtverket",
    }),
    applicationId: z.uuid().nullable().openapi({ description: "Den beviljade ansökan, om någon." }),
    applicationRegistryNumber: z
      .string()
      .nullable()
      .openapi({ description: "Ansökans diarienummer, om någon.", example: "2024/12" }),
    ownerName: z.string().openapi({ example: "Tierps kommun" }),
    parties: z
      .array(
        z.object({
          organisationId: z.uuid(),
          name: z.string().openapi({ example: "Försäkringskassan" }),
          isOwner: z.boolean(),
        }),
      )
      .openapi({
        description:
          "Insatsägaren först, sedan samverkansparterna. Fel för lärdomar och underskrifter anges med partens plats här: `lessons.1.text`.",
      }),
    orientation: z.enum(ORIENTATIONS),
    purpose: narrative("Syfte, enligt den beviljade ansökan.", "Fler ska nå arbete eller studier."),
    needDescribed: narrative(
      "Bakgrund och behov, enligt ansökan.",
      "Många står långt från arbete.",
    ),
    plannedStartDate: isoDate("Planerad (beviljad) start."),
    plannedEndDate: isoDate("Planerat (beviljat) slut."),
    targetGroupDefined: z.string().openapi({ description: "Målgruppen som den var definierad." }),
    methodDefined: narrative("Metod enligt ansökan.", "Supported employment."),
    followUpPlanned: narrative("Uppföljning enligt ansökan.", "Kvartalsvis i styrgruppen."),
    continuationPlanned: narrative("Tillvaratagande enligt ansökan.", "Förs in i ordinarie drift."),
    filledInOn: z.string().openapi({
      description: "Dagen uppgifterna om insatsen fylldes i.",
      example: "2026-11-02",
    }),
    goals: z.array(
      z.object({
        goalId: z.uuid().nullable(),
        text: z.string().openapi({ example: "Deltagare har en handlingsplan vid avslut" }),
        kind: z.enum(GOAL_KINDS),
        targetNumber: whole("Målvärde som antal, eller null.", 20),
        targetPercent: whole("Målvärde som andel i procent, eller null.", 80),
        achieved: Answer,
        outcome: narrative("Utfallet i ord.", "De flesta fick en handlingsplan."),
        figures: z.string().openapi({ description: "Utfallet i siffror.", example: "18 av 24" }),
      }),
    ),
    equality: narrative("Jämställdhet och jämlikhet.", "Vi följde könsfördelningen."),
    changedNeed: narrative("Hur behovet har förändrats.", "Behovet har ökat."),
    actualStartDate: isoDate("Faktisk start."),
    actualEndDate: isoDate("Faktiskt slut; insatsen avslutas med det när rapporten skickas in."),
    timeChangeReason: narrative("Varför insatstiden ändrades.", "Förlängd ett halvår."),
    targetGroupChange: narrative("Hur målgruppen förändrats.", "Fler unga än väntat."),
    participants: z.object({
      feasibilityStudy: z
        .boolean()
        .openapi({ description: "Förstudie utan deltagare: då är antalen null." }),
      women: whole("Antal kvinnor.", 14),
      men: whole("Antal män.", 10),
      otherOrNotStated: whole("Antal med annat eller ej angivet kön.", 0),
    }),
    methodChange: narrative("Hur metoden förändrats.", "Mer gruppverksamhet."),
    methodAsIntended: Answer,
    methodAsIntendedText: narrative("Kommentar om genomförandet.", "Praktiken kom igång sent."),
    followUp: narrative("Hur målen följdes upp.", "Progressionsmätning vid start och slut."),
    continuation: narrative("Tillvaratagande.", "Arbetssättet finns kvar i kommunen."),
    returnedFunds: z.object({
      returned: z.enum(YES_NO).nullable().openapi({ description: "ja, nej eller null." }),
      amount: whole("Återfört belopp i hela kronor.", 25000),
      reason: narrative("Varför medel återfördes.", "En vakans under våren."),
      consequences: narrative("Konsekvenser.", "Färre deltagare under våren."),
    }),
    lessons: z.array(
      z.object({
        organisationId: z.uuid(),
        text: narrative("Partens lärdomar.", "Samverkan kräver tid."),
      }),
    ),
    signatures: z.array(
      z.object({
        organisationId: z.uuid(),
        signerName: z.string().openapi({ example: "Karin Ek" }),
        signedOn: isoDate("Underskriftens datum."),
      }),
    ),
  })
  .openapi("FinalReportContent", {
    description:
      "Slutrapportens innehåll: uppgifterna om insatsen som de var när rapporten påbörjades, och det den insatsansvariga skriver.",
  });

const CommentSchema = z
  .object({
    id: z.uuid(),
    authorName: z.string().openapi({ example: "Maria Lindqvist" }),
    text: z.string().openapi({ example: "Beskriv lärdomarna mer." }),
    createdAt: timestamp("När kommentaren skrevs."),
  })
  .openapi("FinalReportComment");

export const FinalReportSchema = z
  .object({
    id: z.uuid(),
    initiativeId: z.uuid(),
    initiativeName: z.string().openapi({ description: "Insatsens namn i dag." }),
    initiativeStatus: z.enum(INITIATIVE_STATUSES).openapi({
      description:
        "Insatsens status; avslutad (eller avslutad_i_fortid) när rapporten skickats in.",
    }),
    status: Status,
    registryNumber: z
      .string()
      .nullable()
      .openapi({ description: "Diarienummer, när rapporten skickats in.", example: "2026/41" }),
    arrivalDate: isoDate("Dagen rapporten kom in, eller null."),
    submittedAt: timestamp("När rapporten senast skickades in.").nullable(),
    lockedAt: timestamp("När rapporten godkändes och låstes.").nullable(),
    content: FinalReportContentSchema,
    comments: z.array(CommentSchema).openapi({ description: "Kansliets kommentarer, i ordning." }),
    createdAt: timestamp("När rapporten påbörjades."),
    updatedAt: timestamp("När rapporten senast ändrades."),
    version: z.number().int().openapi({
      description: "Ökar vid varje ändring; skicka med den vid ändring.",
      example: 3,
    }),
  })
  .openapi("FinalReport", { description: "En slutrapport med innehåll och kommentarer." });

const SummarySchema = z
  .object({
    id: z.uuid(),
    initiativeId: z.uuid(),
    initiativeName: z.string().openapi({ example: "Tierp, Växtverket" }),
    initiativeStatus: z.enum(INITIATIVE_STATUSES),
    ownerName: z.string().openapi({ example: "Tierps kommun" }),
    status: Status,
    registryNumber: z.string().nullable().openapi({ example: "2026/41" }),
    arrivalDate: isoDate("Dagen rapporten kom in, eller null."),
    submittedAt: timestamp("När rapporten senast skickades in.").nullable(),
    lockedAt: timestamp("När rapporten låstes.").nullable(),
    updatedAt: timestamp("När rapporten senast ändrades."),
    version: z.number().int(),
  })
  .openapi("FinalReportSummary");

const ListSchema = z.object({ items: z.array(SummarySchema) }).openapi("FinalReportList");

const VersionListSchema = z
  .object({
    items: z.array(
      z.object({
        version: z.number().int().openapi({ example: 2 }),
        status: Status,
        event: z.string().openapi({
          description:
            "Vad som gav versionen: created, saved, submitted, resubmitted, returned eller locked.",
          example: "saved",
        }),
        note: z
          .string()
          .nullable()
          .openapi({ description: "Anteckning, till exempel diarienumret." }),
        actorName: z.string().openapi({ example: "Leila Haddad" }),
        createdAt: timestamp("När versionen sparades."),
      }),
    ),
  })
  .openapi("FinalReportVersionList", { description: "Rapportens versioner, nyaste först." });

const Version = () =>
  z.number().int().min(1).openapi({
    description:
      "Versionen du läste. Har någon annan ändrat rapporten sedan dess blir svaret 409, och `changes` anger vad som skiljer.",
    example: 3,
  });

/** A number as a number or as text ("25 000 kr"), as people type them. */
const numberOrText = (description: string, example: number | string) =>
  z
    .union([z.number(), z.string().max(40)])
    .nullable()
    .default(null)
    .openapi({
      description: `${description} Ett tal, eller text som "${example}"; null eller utelämnat för inget.`,
      example,
    });
const text = (description: string) => z.string().max(25_000).default("").openapi({ description });
const optionalDate = (description: string) =>
  z.iso
    .date()
    .nullable()
    .default(null)
    .openapi({ description: `${description} ÅÅÅÅ-MM-DD; null eller utelämnat för inget.` });
const answerInput = z.enum(ACHIEVED).nullable().default(null).openapi({
  description: "ja, nej eller delvis; null eller utelämnat för obesvarat.",
});

const UpdateSchema = z
  .object({
    version: Version(),
    goals: z
      .array(
        z.object({
          achieved: answerInput,
          outcome: text("Utfallet i ord."),
          figures: z.string().max(2000).default("").openapi({ description: "Utfallet i siffror." }),
        }),
      )
      .default([])
      .openapi({ description: "Ett utfall per mål, i rapportens ordning (content.goals)." }),
    equality: text("Jämställdhet och jämlikhet."),
    changedNeed: text("Hur behovet har förändrats."),
    actualStartDate: optionalDate("Faktisk start."),
    actualEndDate: optionalDate("Faktiskt slut."),
    timeChangeReason: text("Varför insatstiden ändrades."),
    targetGroupChange: text("Hur målgruppen förändrats."),
    participants: z
      .object({
        feasibilityStudy: z.boolean().default(false).openapi({
          description: "Förstudie utan deltagare: då ska antalen vara tomma.",
        }),
        women: numberOrText("Antal kvinnor.", 14),
        men: numberOrText("Antal män.", 10),
        otherOrNotStated: numberOrText("Antal med annat eller ej angivet kön.", 0),
      })
      .default({ feasibilityStudy: false, women: null, men: null, otherOrNotStated: null }),
    methodChange: text("Hur metoden förändrats."),
    methodAsIntended: answerInput,
    methodAsIntendedText: text("Kommentar om genomförandet."),
    followUp: text("Hur målen följdes upp."),
    continuation: text("Tillvaratagande."),
    returnedFunds: z
      .object({
        returned: z.enum(YES_NO).nullable().default(null).openapi({ description: "ja eller nej." }),
        amount: numberOrText("Återfört belopp i hela kronor; bara när returned är ja.", "25 000"),
        reason: text("Varför medel återfördes."),
        consequences: text("Konsekvenser."),
      })
      .default({ returned: null, amount: null, reason: "", consequences: "" }),
    lessons: z
      .array(z.object({ organisationId: z.uuid(), text: text("Partens lärdomar.") }))
      .default([])
      .openapi({ description: "Lärdomar per part; parter som utelämnas får inga." }),
    signatures: z
      .array(
        z.object({
          organisationId: z.uuid(),
          signerName: z.string().max(200).default("").openapi({ example: "Karin Ek" }),
          signedOn: optionalDate("Underskriftens datum, inte i framtiden."),
        }),
      )
      .default([])
      .openapi({ description: "Registrerade underskrifter per part: namn och datum." }),
  })
  .openapi("FinalReportUpdate", {
    description:
      "Den insatsansvarigas del av rapporten, hela, och versionen du läste. Ett utkast får vara ofullständigt men inte motsägelsefullt. Uppgifterna om insatsen (namn, parter, mål, syfte) kan inte ändras.",
  });

const VersionOnly = z.object({ version: Version() }).openapi("FinalReportVersionInput");

const ReturnSchema = z
  .object({
    version: Version(),
    message: z.string().max(5000).openapi({
      description: "Vad den insatsansvariga ska komplettera; sparas som en kommentar.",
      example: "Beskriv lärdomarna för varje part.",
    }),
  })
  .openapi("FinalReportReturn");

// ---------------------------------------------------------------------------------------------
// Routes

const base = "/associations/{slug}/final-reports";
const one = `${base}/{finalReportId}`;

export const listFinalReportsRoute = createRoute({
  method: "get",
  path: base,
  operationId: "listFinalReports",
  tags: [TAG],
  summary: "Lista slutrapporter",
  description:
    "Förbundets slutrapporter som nyckelns ägare får se, insatserna i namnordning: alla med behörigheten reports.view, annars slutrapporterna för de insatser ägaren är insatsansvarig eller sitter i styrgruppen för. Ingen sådan insats ger 403.",
  security,
  request: {
    params: AssociationParams,
    query: z.object({
      status: Status.optional(),
      initiativeId: z
        .uuid()
        .optional()
        .openapi({
          param: { name: "initiativeId", in: "query" },
          description: "Bara den här insatsens slutrapport.",
        }),
    }),
  },
  responses: {
    200: json(ListSchema, "Slutrapporterna."),
    400: invalid,
    403: forbiddenInAssociation,
    404: notFound,
    ...common,
  },
});

export const createFinalReportRoute = createRoute({
  method: "post",
  path: "/associations/{slug}/initiatives/{initiativeId}/final-report",
  operationId: "createFinalReport",
  tags: [TAG],
  summary: "Påbörja insatsens slutrapport",
  description:
    "Skapar insatsens slutrapport som ett utkast, med uppgifterna om insatsen ifyllda (namn, den beviljade ansökans diarienummer och syfte, ägare och parter, mål och datum). En insats har en slutrapport: finns den redan blir svaret 200 med den. Insatsen ska vara pågående eller avslutad. Kräver behörigheten report.write för insatsen (kansliet, eller insatsansvarig) och scope write. Ingen kropp behövs.",
  security,
  request: { params: InitiativeParams },
  responses: {
    200: json(FinalReportSchema, "Insatsen hade redan en slutrapport: den."),
    201: json(FinalReportSchema, "Slutrapporten påbörjades."),
    400: invalid,
    403: forbiddenInAssociation,
    404: initiativeNotFound,
    ...common,
  },
});

export const getFinalReportRoute = createRoute({
  method: "get",
  path: one,
  operationId: "getFinalReport",
  tags: [TAG],
  summary: "Hämta en slutrapport",
  description:
    "Slutrapporten med innehåll och kommentarer. Kräver behörigheten report.view: i hela förbundet, eller som insatsansvarig eller i styrgruppen för insatsen.",
  security,
  request: { params: ReportParams },
  responses: {
    200: json(FinalReportSchema, "Slutrapporten."),
    400: invalid,
    403: forbidden,
    404: reportNotFound,
    ...common,
  },
});

export const updateFinalReportRoute = createRoute({
  method: "put",
  path: one,
  operationId: "updateFinalReport",
  tags: [TAG],
  summary: "Spara en slutrapport",
  description:
    "Ersätter den insatsansvarigas del av ett utkast eller en rapport som skickats tillbaka för komplettering. Kräver behörigheten report.write för insatsen och scope write.",
  security,
  request: { params: ReportParams, body: jsonBody(UpdateSchema) },
  responses: {
    200: json(FinalReportSchema, "Slutrapporten efter ändringen."),
    ...writing,
    403: forbidden,
    404: reportNotFound,
    409: conflict,
    ...common,
  },
});

const action = <S extends z.ZodType>(
  path: string,
  operationId: string,
  summary: string,
  description: string,
  schema: S,
) =>
  createRoute({
    method: "post",
    path: `${one}/${path}`,
    operationId,
    tags: [TAG],
    summary,
    description,
    security,
    request: { params: ReportParams, body: jsonBody(schema) },
    responses: {
      200: json(FinalReportSchema, "Slutrapporten efter åtgärden."),
      ...writing,
      403: forbidden,
      404: reportNotFound,
      409: conflict,
      ...common,
    },
  });

export const submitFinalReportRoute = action(
  "submit",
  "submitFinalReport",
  "Skicka in en slutrapport",
  "Skickar in ett utkast eller en kompletterad rapport. Varje mål ska vara bedömt, antalet deltagare ifyllt (eller förstudie markerad), varje part ha lärdomar och underskrift, och det faktiska slutet ska vara angivet och inte i framtiden. Första gången får rapporten diarienummer och ankomstdatum. Insatsen avslutas i samma steg (status avslutad, eller avslutad_i_fortid om den redan var det) med det faktiska slutet som slutdatum. Kräver behörigheten report.write och scope write.",
  VersionOnly,
);

export const returnFinalReportRoute = action(
  "return",
  "returnFinalReport",
  "Skicka tillbaka för komplettering",
  "Skickar tillbaka en inskickad slutrapport till den insatsansvariga med vad som ska kompletteras (sparas som kommentar). Insatsen förblir avslutad. Kräver behörigheten reports.manage och scope write.",
  ReturnSchema,
);

export const acceptFinalReportRoute = action(
  "accept",
  "acceptFinalReport",
  "Godkänn och lås en slutrapport",
  "Godkänner en inskickad slutrapport. Den låses och kan därefter inte ändras av någon. Kräver behörigheten reports.manage och scope write.",
  VersionOnly,
);

export const listFinalReportVersionsRoute = createRoute({
  method: "get",
  path: `${one}/versions`,
  operationId: "listFinalReportVersions",
  tags: [TAG],
  summary: "Slutrapportens historik",
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

const REPORT_NOT_FOUND = "Slutrapporten finns inte i förbundet, eller så får du inte se den.";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reports the guard has read, for the handler of the same request. */
const loaded = new WeakMap<Request, FinalReportDetails>();

/** Some report of the association: all of them, or those of the principal's initiatives. */
const someReport: Rule = (principal, associationId) => {
  const visible = visibleReports(principal, associationId);
  return visible === "all" || visible.length > 0;
};

/** A permission on the initiative in the path. */
const onInitiative =
  (permission: Permission): Rule =>
  (principal, associationId, initiativeId) =>
    canOnInitiative(principal, permission, associationId, initiativeId);

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
      const id = c.req.param("finalReportId") ?? "";
      let initiativeId = "";
      if (UUID.test(id)) {
        const found = await getFinalReport(services.db, associationId, id);
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
  const id = c.req.param("finalReportId") ?? "";
  const found = await getFinalReport(services.db, associationOf(c).id, id);
  if (!found) throw new NotFoundError(REPORT_NOT_FOUND);
  return found;
}

/** Refusal of the use case named in the API's own field names. */
async function renamingFields<T>(names: Record<string, string>, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [names[k] ?? k, v])),
    );
  }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function reportOut(d: FinalReportDetails) {
  return {
    id: d.id,
    initiativeId: d.initiativeId,
    initiativeName: d.initiativeName,
    initiativeStatus: d.initiativeStatus,
    status: d.status,
    registryNumber: d.registryNumber,
    arrivalDate: d.arrivalDate,
    submittedAt: iso(d.submittedAt),
    lockedAt: iso(d.lockedAt),
    content: d.content,
    comments: d.comments.map((x) => ({
      id: x.id,
      authorName: x.authorName,
      text: x.text,
      createdAt: x.createdAt.toISOString(),
    })),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}

export function registerFinalReportRoutes(app: OpenAPIHono<ApiEnv>, services: AppServices): void {
  app.openapi(
    guarded(listFinalReportsRoute, guard(services, "reports.view", someReport)),
    async (c) => {
      const association = associationOf(c);
      const { status, initiativeId } = c.req.valid("query");
      const rows = await listFinalReports(services.db, association.id, {
        visible: visibleReports(principalOf(c), association.id),
        status,
        initiativeId,
      });
      return c.json(
        {
          items: rows.map((r) => ({
            ...r,
            submittedAt: iso(r.submittedAt),
            lockedAt: iso(r.lockedAt),
            updatedAt: r.updatedAt.toISOString(),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    guarded(createFinalReportRoute, guard(services, "report.write", onInitiative("report.write"))),
    async (c) => {
      const { initiativeId } = c.req.valid("param");
      const association = associationOf(c);
      const { id, created } = await createFinalReport(
        services.db,
        actorOf(c),
        association.id,
        initiativeId,
      );
      const report = await getFinalReport(services.db, association.id, id);
      if (!report) throw new NotFoundError(REPORT_NOT_FOUND);
      return created ? c.json(reportOut(report), 201) : c.json(reportOut(report), 200);
    },
  );

  app.openapi(guarded(getFinalReportRoute, reportGuard(services, "report.view")), async (c) =>
    c.json(reportOut(await details(services, c)), 200),
  );

  app.openapi(guarded(updateFinalReportRoute, reportGuard(services, "report.write")), async (c) => {
    const { finalReportId } = c.req.valid("param");
    const { version, ...input } = c.req.valid("json");
    await saveFinalReport(
      services.db,
      actorOf(c),
      associationOf(c).id,
      finalReportId,
      version,
      input,
    );
    return c.json(reportOut(await details(services, c, true)), 200);
  });

  app.openapi(guarded(submitFinalReportRoute, reportGuard(services, "report.write")), async (c) => {
    const { finalReportId } = c.req.valid("param");
    const { version } = c.req.valid("json");
    await submitFinalReport(services.db, actorOf(c), associationOf(c).id, finalReportId, version);
    return c.json(reportOut(await details(services, c, true)), 200);
  });

  app.openapi(
    guarded(returnFinalReportRoute, reportGuard(services, "reports.manage")),
    async (c) => {
      const { finalReportId } = c.req.valid("param");
      const { version, message } = c.req.valid("json");
      await renamingFields({ returnMessage: "message" }, () =>
        returnFinalReport(
          services.db,
          actorOf(c),
          associationOf(c).id,
          finalReportId,
          version,
          message,
        ),
      );
      return c.json(reportOut(await details(services, c, true)), 200);
    },
  );

  app.openapi(
    guarded(acceptFinalReportRoute, reportGuard(services, "reports.manage")),
    async (c) => {
      const { finalReportId } = c.req.valid("param");
      const { version } = c.req.valid("json");
      await acceptFinalReport(services.db, actorOf(c), associationOf(c).id, finalReportId, version);
      return c.json(reportOut(await details(services, c, true)), 200);
    },
  );

  app.openapi(
    guarded(listFinalReportVersionsRoute, reportGuard(services, "report.view")),
    async (c) => {
      const { finalReportId } = c.req.valid("param");
      const rows = await listFinalReportVersions(services.db, finalReportId);
      return c.json(
        {
          items: rows.map((v) => ({
            version: v.version,
            status: v.status as (typeof FINAL_REPORT_STATUSES)[number],
            event: v.event,
            note: v.note,
            actorName: v.actorName,
            createdAt: v.createdAt.toISOString(),
          })),
        },
        200,
      );
    },
  );
}
