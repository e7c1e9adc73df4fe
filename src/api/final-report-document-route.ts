// The final report as a DOCX or PDF document in the API. The integrator registers it with the
// other final report operations (createApiApp).
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppServices } from "../platform/http/request-context.ts";
import { renderFinalReportDocument } from "../reports/documents/render.ts";
import { getFinalReport } from "../reports/final-reports.ts";
import type { ApiEnv } from "./problems.ts";
import { registerReportDocumentRoute, reportDocumentRoute } from "./report-documents.ts";

const operation = {
  collection: "final-reports",
  idParam: "finalReportId",
  operationId: "getFinalReportDocument",
  tag: "Slutrapporter",
  summary: "Slutrapport som dokument",
  holds:
    "Slutrapporten med alla fält: insatsen och syftet, målens utfall i en tabell och i ord, jämställdhet och jämlikhet, förändrat behov, insatstid, målgrupp, antal deltagare per kön, metod, uppföljning, tillvaratagande, återförda medel, lärdomar per part och parternas underskrifter, med diarienummer och ankomstdatum.",
  idDescription: "Slutrapportens id.",
  notFound: "Slutrapporten finns inte i förbundet, eller så får du inte se den.",
  load: getFinalReport,
  render: renderFinalReportDocument,
};

export const finalReportDocumentRoute = reportDocumentRoute(operation);

export function registerFinalReportDocumentRoute(
  app: OpenAPIHono<ApiEnv>,
  services: AppServices,
): void {
  registerReportDocumentRoute(app, services, operation);
}
