// The problems people reported from the accessibility statements (the portal's and the staff's),
// newest first, for the office to answer (DOS-lagen: without undue delay). The association's own
// reports first; then, in a section of their own, the reports made without signing in — they
// belong to no association, so every association's office on the installation sees them. Never
// another association's reports.

import { formatDateTime } from "../../../platform/i18n/format.ts";
import { listAccessibilityReports } from "../../../portal/accessibility-reports.ts";
import { requireAssociation } from "../../guard.server.ts";
import { useT } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type { Route } from "./+types/accessibility-reports.ts";

type Row = Awaited<ReturnType<typeof listAccessibilityReports>>["own"][number];

const shown = (r: Row) => ({
  id: r.id,
  received: formatDateTime(r.createdAt),
  page: r.page,
  description: r.description,
  contact: r.contact,
});

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "accessibility.reports",
  );
  const { own, unrouted } = await listAccessibilityReports(state.services.db, association.id);
  return { association: association.name, own: own.map(shown), unrouted: unrouted.map(shown) };
}

type Shown = ReturnType<typeof shown>;

function ReportTable({ reports, label }: { reports: Shown[]; label: string }) {
  const t = useT();
  return (
    <>
      <p>{t("portalStaff.accessibilityReports.count", { count: reports.length })}</p>
      <TableWrap label={label}>
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
  );
}

export default function AccessibilityReports({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { association, own, unrouted } = loaderData;
  const ownTitle = t("portalStaff.accessibilityReports.ownTitle", { association });
  const unroutedTitle = t("portalStaff.accessibilityReports.unroutedTitle");
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("portalStaff.accessibilityReports.title")} – Samspår`}</title>
      <h1>{t("portalStaff.accessibilityReports.title")}</h1>
      <p>{t("portalStaff.accessibilityReports.intro")}</p>
      <section aria-labelledby="egna-rapporter">
        <h2 id="egna-rapporter">{ownTitle}</h2>
        <p>{t("portalStaff.accessibilityReports.ownIntro")}</p>
        {own.length === 0 ? (
          <p>{t("portalStaff.accessibilityReports.none")}</p>
        ) : (
          <ReportTable reports={own} label={ownTitle} />
        )}
      </section>
      <section aria-labelledby="rapporter-utan-forbund">
        <h2 id="rapporter-utan-forbund">{unroutedTitle}</h2>
        <p>{t("portalStaff.accessibilityReports.unroutedIntro")}</p>
        {unrouted.length === 0 ? (
          <p>{t("portalStaff.accessibilityReports.unroutedNone")}</p>
        ) : (
          <ReportTable reports={unrouted} label={unroutedTitle} />
        )}
      </section>
    </main>
  );
}
