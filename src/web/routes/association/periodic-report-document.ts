// The periodic report as a file to download: ?format=pdf (the default) or ?format=docx, laid
// out like the quarterly or tertial report form. Only reads, so nothing goes to the audit log.
// Answers that are not a document are plain text, since the person clicked a download link.
import { canOnInitiative, ForbiddenError, visibleReports } from "../../../access/policy.ts";
import { getAssociationLogo } from "../../../applications/settings.ts";
import {
  asPlainText,
  documentResponse,
  plainText,
  UNKNOWN_FORMAT,
} from "../../../documents/http.ts";
import { isDocumentFormat } from "../../../documents/render.ts";
import { renderPeriodicReportDocument } from "../../../reports/documents/render.ts";
import { getPeriodicReport } from "../../../reports/periodic-reports.ts";
import { requireAssociation } from "../../guard.server.ts";
import type { Route } from "./+types/periodic-report-document.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const access = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  ).catch((error: unknown) => {
    throw asPlainText(error);
  });
  const { state, principal, association } = access;
  const visible = visibleReports(principal, association.id);
  if (visible !== "all" && visible.length === 0)
    return plainText(403, new ForbiddenError("report.view").message);

  const db = state.services.db;
  // as the report's own page: 404 if there is none, 403 if it is not the person's
  const report = await getPeriodicReport(db, association.id, params.reportId);
  if (!report) return plainText(404, "Rapporten finns inte.");
  if (!canOnInitiative(principal, "report.view", association.id, report.initiativeId))
    return plainText(403, new ForbiddenError("report.view").message);

  const format = new URL(request.url).searchParams.get("format") ?? "pdf";
  if (!isDocumentFormat(format)) return plainText(400, UNKNOWN_FORMAT);

  const logo = await getAssociationLogo(db, association.id);
  return documentResponse(
    await renderPeriodicReportDocument(report, logo, format, association.name),
  );
}
