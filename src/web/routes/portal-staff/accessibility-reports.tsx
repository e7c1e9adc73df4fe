// The problems people reported from the accessibility statements (the portal's and the staff's),
// newest first, for the office to answer (DOS-lagen: without undue delay).

import { formatDateTime } from "../../../platform/i18n/format.ts";
import { listAccessibilityReports } from "../../../portal/accessibility-reports.ts";
import { requireAssociation } from "../../guard.server.ts";
import { useT } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type { Route } from "./+types/accessibility-reports.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state } = await requireAssociation(
    context,
    request,
    params.association,
    "accessibility.reports",
  );
  const reports = await listAccessibilityReports(state.services.db);
  return {
    reports: reports.map((r) => ({
      id: r.id,
      received: formatDateTime(r.createdAt),
      page: r.page,
      description: r.description,
      contact: r.contact,
    })),
  };
}

export default function AccessibilityReports({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { reports } = loaderData;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("portalStaff.accessibilityReports.title")} – Samspår`}</title>
      <h1>{t("portalStaff.accessibilityReports.title")}</h1>
      <p>{t("portalStaff.accessibilityReports.intro")}</p>
      {reports.length === 0 ? (
        <p>{t("portalStaff.accessibilityReports.none")}</p>
      ) : (
        <>
          <p>{t("portalStaff.accessibilityReports.count", { count: reports.length })}</p>
          <TableWrap label={t("portalStaff.accessibilityReports.title")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("portalStaff.accessibilityReports.col.received")}</th>
                  <th scope="col">{t("portalStaff.accessibilityReports.col.page")}</th>
                  <th scope="col">{t("portalStaff.accessibilityReports.col.description")}</th>
                  <th scope="col">{t("portalStaff.accessibilityReports.col.contact")}</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.received}</th>
                    <td className="report-text">{r.page}</td>
                    <td className="report-text">{r.description}</td>
                    <td className="report-text">
                      {r.contact ?? t("portalStaff.accessibilityReports.noContact")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </main>
  );
}
