// The follow-up report in the API (domain/follow-up.md): an association's follow-ups and a new
// one for a period; one follow-up's report as JSON (the format of docs/formats/
// follow-up-report.schema.json, the same object every output is drawn from); and the report as
// a document (DOCX, PDF, XLSX or JSON). The use cases in src/follow-up decide what may be
// stored; this file authorizes, reads the request with zod schemas that also make the OpenAPI
// document, and shapes the answers.
//
// /follow-ups/{followUpId} names no association: the guard finds the follow-up's association and
// lets the policy decide there — exactly as for the association's own paths, a follow-up of an
// association where the key's owner has no role answers 404, like one that does not exist, and
// a role without follow_up.view answers 403. The office (follow_up.drafts) reads drafts too; the
// board and the auditor only locked versions, and a follow-up without one answers 404 to them.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { can, ForbiddenError, rolesIn } from "../access/policy.ts";
import { associations } from "../associations/schema.ts";
import { FOLLOW_UP_FORMATS } from "../follow-up/documents/render.ts";
import { followUpReportSchema } from "../follow-up/documents/report-schema.ts";
import {
  createFollowUp,
  type FollowUpDetails,
  followUpAssociationId,
  getFollowUp,
  listFollowUps,
  visibleVersions,
} from "../follow-up/store.ts";
import { versionDocument } from "../follow-up/store-documents.ts";
import { versionReport } from "../follow-up/store-report.ts";
import { NotFoundError } from "../platform/errors.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { actorOf, associationOf, guard, guarded, principalOf } from "./app.ts";
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
import type { ApiContext, ApiEnv } from "./problems.ts";

const TAG = "Uppföljning";

// ---------------------------------------------------------------------------------------------
// Schemas

const timestamp = (description: string) =>
  z.iso.datetime({ offset: true }).openapi({ description, example: "2026-02-05T10:30:00.000Z" });

const PeriodSchema = z
  .object({
    from: z.iso.date().openapi({ description: "Periodens första dag.", example: "2026-01-01" }),
    to: z.iso.date().openapi({ description: "Periodens sista dag.", example: "2026-06-30" }),
    label: z
      .string()
      .openapi({ description: "Så står perioden i rapporten.", example: "kvartal 1 och 2 2026" }),
  })
  .openapi("FollowUpPeriod");

const VersionSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int().openapi({ description: "1, 2, … inom uppföljningen.", example: 1 }),
    status: z.enum(["utkast", "last"]).openapi({
      description:
        "utkast: räknas fram ur aktuella uppgifter vid varje läsning. last: låst, ändras aldrig.",
      example: "last",
    }),
    updatedAt: timestamp("När versionen senast ändrades."),
    lockedAt: timestamp("När versionen låstes; null för ett utkast.").nullable(),
    lockedByName: z.string().nullable().openapi({ example: "Maria Lindqvist" }),
  })
  .openapi("FollowUpVersion");

const FollowUpSchema = z
  .object({
    id: z.uuid(),
    period: PeriodSchema,
    createdAt: timestamp("När uppföljningen skapades."),
    createdByName: z.string().openapi({ example: "Maria Lindqvist" }),
    versions: z.array(VersionSchema).openapi({
      description:
        "Versionerna som nyckelns ägare får se, äldst först: förbundets kansli ser också utkastet, styrelsen och revisorn bara låsta versioner.",
    }),
  })
  .openapi("FollowUp", { description: "En uppföljning av förbundets insatser för en period." });

const FollowUpListSchema = z.object({ items: z.array(FollowUpSchema) }).openapi("FollowUpList", {
  description: "Förbundets uppföljningar, den senaste perioden först.",
});

const FollowUpInputSchema = z
  .object({
    from: z.string().max(20).openapi({
      description: "Periodens första dag, ÅÅÅÅ-MM-DD.",
      example: "2026-01-01",
    }),
    to: z.string().max(20).openapi({
      description:
        "Periodens sista dag, ÅÅÅÅ-MM-DD, dagen räknas med. Perioden får vara högst tre år.",
      example: "2026-06-30",
    }),
    label: z.string().max(400).nullable().default(null).openapi({
      description:
        "Så står perioden i rapporten, högst 200 tecken; null eller utelämnat: Samspår namnger den efter datumen (”kvartal 1 och 2 2026”, ”2026”).",
      example: null,
    }),
  })
  .openapi("FollowUpInput");

const FollowUpParams = z.object({
  followUpId: z.uuid().openapi({
    param: { name: "followUpId", in: "path" },
    description: "Uppföljningens id (se listan över förbundets uppföljningar).",
    example: "5b0e7c1a-2f4d-4e8b-9c3a-7d1e2f3a4b5c",
  }),
});

const versionQuery = z.coerce
  .number()
  .int()
  .min(1)
  .max(10_000)
  .optional()
  .openapi({
    param: { name: "version", in: "query" },
    description:
      "Versionens nummer. Utelämnat: den senaste versionen nyckelns ägare får se — utkastet för förbundets kansli, annars den senast låsta.",
    example: 1,
  });

const ReportQuery = z.object({ version: versionQuery });

const DocumentQuery = z.object({
  format: z.enum(FOLLOW_UP_FORMATS).openapi({
    param: { name: "format", in: "query" },
    description: "pdf, docx (Word), xlsx (Excel, ett blad per tabell) eller json.",
    example: "pdf",
  }),
  version: versionQuery,
});

const followUpNotFound = problem(
  "Uppföljningen eller versionen finns inte, eller nyckelns ägare får inte se den (ingen roll i förbundet, eller ett utkast för den som bara läser låsta versioner). Svaret är detsamma i alla fallen.",
);
const forbiddenFollowUp = problem(
  "Nyckelns ägare har en roll i förbundet men inte behörigheten follow_up.view (förbundets kansli, styrelse och revisor).",
);

const READS =
  "Kräver behörigheten follow_up.view: förbundets kansli, styrelse och revisor. Kansliet (follow_up.drafts) ser också utkastet, som räknas fram ur aktuella uppgifter vid varje anrop; övriga ser bara låsta versioner, som aldrig ändras.";

export const listFollowUpsRoute = createRoute({
  method: "get",
  path: "/associations/{slug}/follow-ups",
  operationId: "listFollowUps",
  tags: [TAG],
  summary: "Förbundets uppföljningar",
  description: `Förbundets uppföljningar av insatserna med deras versioner, den senaste perioden först. ${READS}`,
  security,
  request: { params: AssociationParams },
  responses: {
    200: json(FollowUpListSchema, "Uppföljningarna."),
    403: forbiddenInAssociation,
    404: problem("Förbundet finns inte eller nyckelns ägare har ingen roll i det."),
    ...common,
  },
});

export const createFollowUpRoute = createRoute({
  method: "post",
  path: "/associations/{slug}/follow-ups",
  operationId: "createFollowUp",
  tags: [TAG],
  summary: "Ny uppföljning",
  description:
    "Skapar en uppföljning för en period med version 1 som utkast. Högst en uppföljning per period; perioden får vara högst tre år. Kräver behörigheten follow_up.edit (förbundets kansli) och en nyckel med scope write.",
  security,
  request: { params: AssociationParams, body: jsonBody(FollowUpInputSchema) },
  responses: {
    201: json(FollowUpSchema, "Uppföljningen, med version 1 som utkast."),
    400: invalid,
    403: forbiddenInAssociation,
    404: problem("Förbundet finns inte eller nyckelns ägare har ingen roll i det."),
    413: writing[413],
    415: writing[415],
    ...common,
  },
});

export const getFollowUpReportRoute = createRoute({
  method: "get",
  path: "/follow-ups/{followUpId}",
  operationId: "getFollowUpReport",
  tags: [TAG],
  summary: "Uppföljningsrapporten som data",
  description: `Rapporten för en version av uppföljningen, i formatet samspar-follow-up-report (docs/formats/follow-up-report.schema.json): varje avsnitt och tabell, deltagaruppgifter efter röjandekontroll (ett antal är {value} eller varför det inte visas), varje uppgifts definition och underlaget bakom raderna. Samma rapport som webbsidan, DOCX, PDF och XLSX är gjorda av. ${READS}`,
  security,
  request: { params: FollowUpParams, query: ReportQuery },
  responses: {
    200: json(followUpReportSchema, "Rapporten."),
    400: invalid,
    403: forbiddenFollowUp,
    404: followUpNotFound,
    ...common,
  },
});

export const getFollowUpDocumentRoute = createRoute({
  method: "get",
  path: "/follow-ups/{followUpId}/document",
  operationId: "getFollowUpDocument",
  tags: [TAG],
  summary: "Uppföljningsrapporten som dokument",
  description: `Rapporten för en version av uppföljningen som PDF, Word (docx), Excel (xlsx, ett blad per tabell, riktiga tal med talformat) eller JSON, som bilaga. Alla format görs av samma rapport, så siffrorna är desamma i alla. ${READS}`,
  security,
  request: { params: FollowUpParams, query: DocumentQuery },
  responses: {
    200: {
      description: "Dokumentet, som bilaga (Content-Disposition: attachment).",
      content: {
        "application/pdf": { schema: z.string().openapi({ format: "binary" }) },
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
          schema: z.string().openapi({ format: "binary" }),
        },
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
          schema: z.string().openapi({ format: "binary" }),
        },
        "application/json": { schema: z.string().openapi({ format: "binary" }) },
      },
    },
    400: problem(
      "Okänt eller saknat format, eller ogiltigt versionsnummer; `errors` anger fältet.",
    ),
    403: forbiddenFollowUp,
    404: followUpNotFound,
    ...common,
  },
});

// The participants of the national figures (src/finance/national-money.ts), for the money
// API's NationalMoneyFigures (finance-routes.ts): the national follow-up's participant figures
// are a part of issue 7's follow-up.
const NationalCountSchema = z
  .union([
    z.object({ value: z.number().int().openapi({ description: "Antalet.", example: 23 }) }),
    z.object({
      suppressed: z.literal(true),
      reason: z.enum(["primary", "secondary", "left_out"]).openapi({
        description:
          "primary: färre än tröskeln (”< 5”). secondary: dolt så att ett annat dolt antal inte kan räknas fram (”..”). left_out: en summa som av samma skäl inte visas (”..”).",
        example: "primary",
      }),
      display: z.string().openapi({ description: "Så visas antalet.", example: "< 5" }),
    }),
  ])
  .openapi("NationalCount", {
    description: "Ett antal deltagare efter röjandekontroll: värdet, eller varför det inte visas.",
  });

const NationalParticipantRowSchema = z
  .object({
    name: z.string().openapi({ example: "Tierp, Växtverket" }),
    women: NationalCountSchema,
    men: NationalCountSchema,
    total: NationalCountSchema.openapi({
      description: "Alla, även annat kön och uppgift saknas.",
    }),
  })
  .openapi("NationalParticipantRow");

export const NationalParticipantsSchema = z
  .object({
    threshold: z.number().int().openapi({
      description: "Förbundets tröskel för röjandekontroll (0: avstängd).",
      example: 5,
    }),
    allowTrueZero: z.boolean(),
    individual: z.array(NationalParticipantRowSchema).openapi({
      description:
        "Individinriktade insatser: inskrivningar som pågått någon dag under året, per kön.",
    }),
    individualTotal: NationalParticipantRowSchema.nullable(),
    structural: z.array(NationalParticipantRowSchema).openapi({
      description:
        "Strukturinriktade insatser: antal deltagare enligt insatsens egen räkning för perioderna inom året.",
    }),
    structuralTotal: NationalParticipantRowSchema.nullable(),
    suppressedCells: z.number().int().openapi({
      description: "Hur många antal som inte visas (aldrig vilka).",
      example: 4,
    }),
    reasons: z.array(z.string()).openapi({ description: "Varför, på svenska." }),
  })
  .openapi("NationalParticipants", {
    description: "Deltagarna under året ur deltagarregistret, efter förbundets röjandekontroll.",
  });

// ---------------------------------------------------------------------------------------------
// Answers

const NOT_FOUND = "Uppföljningen finns inte, eller så får du inte se den.";

function followUpOut(followUp: FollowUpDetails, seesDrafts: boolean) {
  return {
    id: followUp.id,
    period: { ...followUp.period },
    createdAt: followUp.createdAt.toISOString(),
    createdByName: followUp.createdByName,
    versions: visibleVersions(followUp, seesDrafts).map((v) => ({
      id: v.id,
      number: v.number,
      status: v.status,
      updatedAt: v.updatedAt.toISOString(),
      lockedAt: v.lockedAt ? v.lockedAt.toISOString() : null,
      lockedByName: v.lockedByName,
    })),
  };
}

/**
 * The guard of /follow-ups/{followUpId}, run before the request is validated: finds the
 * follow-up's association and lets the policy decide there, like `guard` for the association's
 * own paths. Leaves the follow-up and whether the caller sees drafts for the handler.
 */
function followUpGuard(services: AppServices): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const principal = principalOf(c);
    const associationId = await followUpAssociationId(services.db, c.req.param("followUpId") ?? "");
    const [association] = associationId
      ? await services.db.select().from(associations).where(eq(associations.id, associationId))
      : [];
    if (!association || rolesIn(principal, association.id).size === 0)
      throw new NotFoundError(NOT_FOUND);
    if (!can(principal, "follow_up.view", association.id))
      throw new ForbiddenError("follow_up.view");
    c.set("association", association);
    await next();
  };
}

/** The follow-up the guard authorized, the version asked for (or the newest the caller sees). */
async function chosen(services: AppServices, c: ApiContext, asked: number | undefined) {
  const association = associationOf(c);
  const followUp = await getFollowUp(services.db, association.id, c.req.param("followUpId") ?? "");
  if (!followUp) throw new NotFoundError(NOT_FOUND);
  const visible = visibleVersions(
    followUp,
    can(principalOf(c), "follow_up.drafts", association.id),
  );
  const version = asked === undefined ? visible.at(-1) : visible.find((v) => v.number === asked);
  if (!version)
    throw new NotFoundError(
      asked === undefined
        ? "Uppföljningen har ingen låst version ännu."
        : `Version ${asked} av uppföljningen finns inte, eller så får du inte se den.`,
    );
  return { followUp, version };
}

export function registerFollowUpRoutes(app: OpenAPIHono<ApiEnv>, services: AppServices): void {
  app.openapi(guarded(listFollowUpsRoute, guard(services, "follow_up.view")), async (c) => {
    const association = associationOf(c);
    const seesDrafts = can(principalOf(c), "follow_up.drafts", association.id);
    const all = await listFollowUps(services.db, association.id);
    return c.json(
      {
        items: all
          .filter((f) => visibleVersions(f, seesDrafts).length > 0)
          .map((f) => followUpOut(f, seesDrafts)),
      },
      200,
    );
  });

  app.openapi(guarded(createFollowUpRoute, guard(services, "follow_up.edit")), async (c) => {
    const association = associationOf(c);
    const input = c.req.valid("json");
    const created = await createFollowUp(services.db, actorOf(c), association.id, input);
    return c.json(followUpOut(created, true), 201);
  });

  app.openapi(guarded(getFollowUpReportRoute, followUpGuard(services)), async (c) => {
    const { version: asked } = c.req.valid("query");
    const { followUp, version } = await chosen(services, c, asked);
    const report = await versionReport(services.db, followUp, version);
    return c.json(report, 200);
  });

  app.openapi(guarded(getFollowUpDocumentRoute, followUpGuard(services)), async (c) => {
    const { format, version: asked } = c.req.valid("query");
    const { followUp, version } = await chosen(services, c, asked);
    const { document } = await versionDocument(services.db, followUp, version, format);
    return c.body(new Uint8Array(document.body), 200, {
      "Content-Type": document.mediaType,
      "Content-Disposition": `attachment; filename="${document.fileName}"`,
      "Cache-Control": "no-store",
    });
  });
}
