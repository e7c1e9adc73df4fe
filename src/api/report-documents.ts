// What the three report document operations share (periodic, deviation and final reports as
// DOCX or PDF): the route's description for OpenAPI, and the handler with its guard. The guard
// finds the association as for every operation, then the report, which answers 404 unless the
// caller may see it (report.view on the report's initiative), exactly like one that does not
// exist: also for a role in the association that sees no reports at all.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { canOnInitiative } from "../access/policy.ts";
import { getAssociationLogo } from "../applications/settings.ts";
import type { Logo } from "../documents/image.ts";
import {
  DOCUMENT_FORMATS,
  DOCUMENT_MEDIA_TYPES,
  type DocumentFormat,
  type RenderedDocument,
} from "../documents/render.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { NotFoundError } from "../platform/errors.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { UUID } from "../platform/uuid.ts";
import { associationOf, guard, guarded, principalOf } from "./app.ts";
import { problem } from "./operation-kit.ts";
import type { ApiEnv } from "./problems.ts";

export interface ReportDocumentOperation<T extends { initiativeId: string }> {
  /** The report's path below the association: "periodic-reports". */
  collection: string;
  /** The path parameter of the report's id, as the report's other operations name it. */
  idParam: string;
  operationId: string;
  tag: string;
  summary: string;
  /** What the document holds, for the description. */
  holds: string;
  /** "Rapportens id." */
  idDescription: string;
  /** The refusal of a report that does not exist or is not the caller's. */
  notFound: string;
  load: (q: Queryable, associationId: string, id: string) => Promise<T | undefined>;
  render: (
    report: T,
    logo: Logo | undefined,
    format: DocumentFormat,
    associationName: string,
  ) => Promise<RenderedDocument>;
}

/** The operation as OpenAPI describes it. */
export function reportDocumentRoute<T extends { initiativeId: string }>(
  op: ReportDocumentOperation<T>,
) {
  const Params = z.object({
    slug: z
      .string()
      .min(1)
      .max(100)
      .openapi({
        param: { name: "slug", in: "path" },
        description: "Förbundets kortnamn, samma som i webbadressen.",
        example: "uppsala-lan",
      }),
    [op.idParam]: z.uuid().openapi({
      param: { name: op.idParam, in: "path" },
      description: op.idDescription,
      example: "5b0e7c1a-2f4d-4e8b-9c3a-7d1e2f3a4b5c",
    }),
  });
  return createRoute({
    method: "get",
    path: `/associations/{slug}/${op.collection}/{${op.idParam}}/document`,
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: `${op.holds} Som Word-dokument (docx) eller PDF med förbundets namn och logotyp, diarienummer och sidnummer, upplagt som blanketten det ersätter. Tomma fält visas som —. Kräver behörigheten report.view på rapportens insats: förbundets kansli och styrelse, insatsens insatsansvariga och styrgruppens ledamöter.`,
    security: [{ bearer: [] }],
    request: {
      params: Params,
      query: z.object({
        format: z.enum(DOCUMENT_FORMATS as ["docx", "pdf"]).openapi({
          param: { name: "format", in: "query" },
          description: "docx (Word) eller pdf.",
          example: "pdf",
        }),
      }),
    },
    responses: {
      200: {
        description: "Dokumentet, som bilaga (Content-Disposition: attachment).",
        content: {
          [DOCUMENT_MEDIA_TYPES.docx]: { schema: z.string().openapi({ format: "binary" }) },
          [DOCUMENT_MEDIA_TYPES.pdf]: { schema: z.string().openapi({ format: "binary" }) },
        },
      },
      400: problem("Okänt eller saknat format; `errors` anger fältet format."),
      401: problem("API-nyckel saknas eller är ogiltig (svaret har huvudet WWW-Authenticate)."),
      404: problem(
        "Förbundet eller rapporten finns inte, eller nyckelns ägare får inte se rapporten. Svaret är detsamma i alla fallen.",
      ),
      429: problem(
        "För många anrop med samma nyckel; huvudet Retry-After anger hur länge du ska vänta.",
      ),
      500: problem("Oväntat fel hos oss; ange `requestId` om du kontaktar oss."),
    },
  });
}

/** An ASCII file name, and the exact one for clients that read filename*. */
function attachment(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w.\- ]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Registers the operation: its guard, then the document. Reads only, so nothing is audited. */
export function registerReportDocumentRoute<T extends { initiativeId: string }>(
  app: OpenAPIHono<ApiEnv>,
  services: AppServices,
  op: ReportDocumentOperation<T>,
): void {
  const loaded = new WeakMap<Request, T>();
  // any role in the association; whether the report is the caller's decides below
  const inAssociation = guard(services, "report.view", () => true);
  const reportGuard: MiddlewareHandler<ApiEnv> = (c, next) =>
    inAssociation(c, async () => {
      const associationId = associationOf(c).id;
      const id = c.req.param(op.idParam) ?? "";
      // an id that is no uuid cannot exist; validation answers 400
      if (UUID.test(id)) {
        const found = await op.load(services.db, associationId, id);
        if (
          !found ||
          !canOnInitiative(principalOf(c), "report.view", associationId, found.initiativeId)
        )
          throw new NotFoundError(op.notFound);
        loaded.set(c.req.raw, found);
      }
      await next();
    });

  app.openapi(guarded(reportDocumentRoute(op), reportGuard), async (c) => {
    const { format } = c.req.valid("query");
    const association = associationOf(c);
    const report = loaded.get(c.req.raw);
    if (!report) throw new NotFoundError(op.notFound);
    const logo = await getAssociationLogo(services.db, association.id);
    const document = await op.render(report, logo, format, association.name);
    return c.body(new Uint8Array(document.body), 200, {
      "Content-Type": document.mediaType,
      "Content-Disposition": attachment(document.fileName),
      "Cache-Control": "private, no-store",
    });
  });
}
