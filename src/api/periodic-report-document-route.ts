// The periodic report as a DOCX or PDF document in the API. The integrator registers it with
// the other periodic report operations (createApiApp).
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppServices } from "../platform/http/request-context.ts";
import { renderPeriodicReportDocument } from "../reports/documents/render.ts";
import { getPeriodicReport } from "../reports/periodic-reports.ts";
import type { ApiEnv } from "./problems.ts";
import { registerReportDocumentRoute, reportDocumentRoute } from "./report-documents.ts";

const operation = {
  collection: "periodic-reports",
  idParam: "reportId",
  operationId: "getPeriodicReportDocument",
  tag: "Periodiska rapporter",
  summary: "Periodisk rapport som dokument",
  holds:
    "Kvartals- eller tertialrapporten: allmänna uppgifter, avsnitten 2.1–2.6 med målen i en tabell, statusfrågorna i en tabell (svar som Samspår hämtat från möten, närvaro och rapporter är märkta) och uppgiftslämnarna, med diarienummer, ankomstdatum och mottagarens initialer.",
  idDescription: "Rapportens id.",
  notFound: "Rapporten finns inte i förbundet, eller så får du inte se den.",
  load: getPeriodicReport,
  render: renderPeriodicReportDocument,
};

export const periodicReportDocumentRoute = reportDocumentRoute(operation);

export function registerPeriodicReportDocumentRoute(
  app: OpenAPIHono<ApiEnv>,
  services: AppServices,
): void {
  registerReportDocumentRoute(app, services, operation);
}
