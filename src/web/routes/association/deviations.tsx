// The association's deviation reports (or, for an initiative's lead and steering group, their
// own initiative's), filtered by status and initiative with a plain GET form that works
// without JavaScript. `?insats=` comes from the initiative's page.
import { data, Link, Form as RouterForm } from "react-router";
import { canOnInitiative, ForbiddenError, visibleReports } from "../../../access/policy.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import { listDeviationReports, listOpenInitiatives } from "../../../reports/deviation-reports.ts";
// constants from the schema: the domain module is server code
import { DEVIATION_STATUSES, type DeviationStatus } from "../../../reports/schema.ts";
import { requireAssociation } from "../../guard.server.ts";
import { SelectField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import type { Route } from "./+types/deviations.ts";

const isStatus = (v: string | null): v is DeviationStatus =>
  v !== null && (DEVIATION_STATUSES as readonly string[]).includes(v);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association } = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const visible = visibleReports(principal, association.id);
  if (visible !== "all" && visible.length === 0)
    throw data({ message: new ForbiddenError("report.view").message }, { status: 403 });
  const db = state.services.db;
  const query = new URL(request.url).searchParams;
  const asked = query.get("status");
  const status = isStatus(asked) ? asked : undefined;
  const all = await listDeviationReports(db, association.id, { visible });
  const open = await listOpenInitiatives(db, association.id);
  // the initiatives to filter by: those with reports, and the open ones the person sees
  const initiatives = new Map<string, string>();
  for (const r of all) initiatives.set(r.initiativeId, r.initiativeName);
  for (const i of open)
    if (visible === "all" || visible.includes(i.id)) initiatives.set(i.id, i.name);
  const askedInitiative = query.get("insats") ?? "";
  const initiativeId = initiatives.has(askedInitiative) ? askedInitiative : undefined;
  const rows = all.filter(
    (r) => (!status || r.status === status) && (!initiativeId || r.initiativeId === initiativeId),
  );
  const writable = open.filter((i) =>
    canOnInitiative(principal, "report.write", association.id, i.id),
  );
  return {
    slug: association.slug,
    status: status ?? null,
    initiativeId: initiativeId ?? null,
    initiativeName: initiativeId ? (initiatives.get(initiativeId) ?? "") : "",
    initiatives: [...initiatives]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    // a new report for the initiative shown, when the person may write for it
    newLink:
      writable.length === 0
        ? null
        : initiativeId && writable.some((i) => i.id === initiativeId)
          ? `?insats=${initiativeId}`
          : "",
    reports: rows.map((r) => ({
      id: r.id,
      initiativeName: r.initiativeName,
      status: r.status,
      types: r.types,
      request: r.request,
      registryNumber: r.registryNumber ?? "",
      arrivalDate: r.arrivalDate ? formatDate(r.arrivalDate) : "",
      decisionDate: r.decisionDate ? formatDate(r.decisionDate) : "",
      createdOn: formatDate(r.createdAt),
    })),
  };
}

export default function Deviations({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { slug, reports, status, initiativeId, initiativeName, newLink } = loaderData;
  const list = `/${slug}/avvikelser`;
  const statusLabel = status ? t(`deviation.status.${status}`) : "";
  const caption =
    initiativeId && status
      ? t("deviation.list.countForInitiativeWithStatus", {
          count: reports.length,
          initiative: initiativeName,
          status: statusLabel,
        })
      : initiativeId
        ? t("deviation.list.countForInitiative", {
            count: reports.length,
            initiative: initiativeName,
          })
        : status
          ? t("deviation.list.countWithStatus", { count: reports.length, status: statusLabel })
          : t("deviation.list.count", { count: reports.length });
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("deviation.list.title")} – Samspår`}</title>
      <h1>{t("deviation.list.title")}</h1>
      <p className="lead">{t("deviation.list.intro")}</p>
      {newLink !== null ? (
        <div className="button-row">
          <Link to={`${list}/ny${newLink}`} className="button button--primary">
            {t("deviation.list.new")}
          </Link>
        </div>
      ) : null}

      <RouterForm method="get" action={list}>
        <SelectField
          name="status"
          label={t("deviation.list.filterStatus")}
          defaultValue={status ?? ""}
          options={[
            { value: "", label: t("deviation.list.allStatuses") },
            ...DEVIATION_STATUSES.map((s) => ({ value: s, label: t(`deviation.status.${s}`) })),
          ]}
        />
        {loaderData.initiatives.length > 1 || initiativeId ? (
          <SelectField
            name="insats"
            label={t("deviation.list.filterInitiative")}
            defaultValue={initiativeId ?? ""}
            options={[
              { value: "", label: t("deviation.list.allInitiatives") },
              ...loaderData.initiatives.map((i) => ({ value: i.id, label: i.name })),
            ]}
          />
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            {t("deviation.list.show")}
          </button>
          {status || initiativeId ? <Link to={list}>{t("deviation.list.showAll")}</Link> : null}
        </div>
      </RouterForm>

      {reports.length === 0 ? (
        <p>
          {status || initiativeId ? t("deviation.list.noneMatching") : t("deviation.list.none")}
        </p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("deviation.list.report")}</th>
                <th scope="col">{t("deviation.field.initiative")}</th>
                <th scope="col">{t("deviation.field.types")}</th>
                <th scope="col">{t("deviation.field.request")}</th>
                <th scope="col">{t("deviation.field.status")}</th>
                <th scope="col">{t("deviation.field.arrivalDate")}</th>
                <th scope="col">{t("deviation.field.decisionDate")}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`${list}/${r.id}`}>
                      {r.registryNumber
                        ? t("deviation.list.reportNumbered", { number: r.registryNumber })
                        : t("deviation.list.reportDraft", { date: r.createdOn })}
                    </Link>
                  </td>
                  <td>{r.initiativeName}</td>
                  <td>
                    {r.types.length
                      ? r.types.map((type) => t(`deviation.type.${type}`)).join(", ")
                      : "–"}
                  </td>
                  <td>{t(`deviation.request.${r.request}`)}</td>
                  <td>{t(`deviation.status.${r.status}`)}</td>
                  <td className="date">{r.arrivalDate}</td>
                  <td className="date">{r.decisionDate}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
