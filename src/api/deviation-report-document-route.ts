// The deviation report as a DOCX or PDF document in the API. The integrator registers it with
// the other deviation report operations (createApiApp).
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppServices } from "../platform/http/request-context.ts";
import { getDeviationReport } from "../reports/deviation-reports.ts";
import { renderDeviationReportDocument } from "../reports/documents/render.ts";
import type { ApiEnv } from "./problems.ts";
import { registerReportDocumentRoute, reportDocumentRoute } from "./report-documents.ts";

const operation = {
  collection: "deviation-reports",
  idParam: "deviationId",
  operationId: "getDeviationReportDocument",
  tag: "Avvikelserapporter",
  summary: "Avvikelserapport som dokument",
  holds:
    "Avvikelserapporten: insatsen, typ av avvikelse, beskrivning, orsak, konsekvens, åtgärder, begäran och beslutet (beslutande, datum, möte, paragraf och motivering), med diarienummer och ankomstdatum.",
  idDescription: "Avvikelserapportens id.",
  notFound: "Avvikelserapporten finns inte i förbundet, eller så får du inte se den.",
  load: getDeviationReport,
  render: renderDeviationReportDocument,
};

export const deviationReportDocumentRoute = reportDocumentRoute(operation);

export function registerDeviationReportDocumentRoute(
  app: OpenAPIHono<ApiEnv>,
  services: AppServices,
): void {
  registerReportDocumentRoute(app, services, operation);
}
