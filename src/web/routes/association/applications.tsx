// The association's applications (or, for an initiative's lead and steering group, their own),
// filtered by status with a plain GET form that works without JavaScript.
import { data, Link, Form as RouterForm } from "react-router";
import {
  can,
  canCreateApplication,
  ForbiddenError,
  visibleApplications,
} from "../../../access/policy.ts";
import { listApplications } from "../../../applications/get-application.ts";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../../applications/schema.ts";
import { formatDate, formatMoney } from "../../../platform/i18n/format.ts";
import { requireAssociation } from "../../guard.server.ts";
import { SelectField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import type { Route } from "./+types/applications.ts";

const isStatus = (v: string | null): v is ApplicationStatus =>
  v !== null && (APPLICATION_STATUSES as readonly string[]).includes(v);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association } = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const visible = visibleApplications(principal, association.id);
  if (visible !== "all" && visible.length === 0) {
    throw data({ message: new ForbiddenError("applications.view").message }, { status: 403 });
  }
  const asked = new URL(request.url).searchParams.get("status");
  const status = isStatus(asked) ? asked : undefined;
  const rows = await listApplications(state.services.db, association.id, { visible, status });
  return {
    slug: association.slug,
    status: status ?? null,
    canCreate: canCreateApplication(principal, association.id),
    canManage: can(principal, "applications.manage", association.id),
    applications: rows.map((a) => ({
      id: a.id,
      name: a.name,
      ownerName: a.ownerName,
      status: a.status,
      registryNumber: a.registryNumber ?? "",
      arrivalDate: a.arrivalDate ? formatDate(a.arrivalDate) : "",
      requested: a.requested,
      updatedAt: formatDate(a.updatedAt),
    })),
  };
}

export default function Applications({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { slug, applications, status } = loaderData;
  const list = `/${slug}/ansokningar`;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("applications.title")} – Samspår`}</title>
      <h1>{t("applications.title")}</h1>
      {loaderData.canCreate || loaderData.canManage ? (
        <div className="button-row">
          {loaderData.canCreate ? (
            <Link to={`${list}/ny`} className="button button--primary">
              {t("applications.new")}
            </Link>
          ) : null}
          {loaderData.canManage ? (
            <Link to={`${list}/blankett`}>{t("applications.settingsLink")}</Link>
          ) : null}
        </div>
      ) : null}

      <RouterForm method="get" action={list}>
        <SelectField
          name="status"
          label={t("applications.filterStatus")}
          defaultValue={status ?? ""}
          options={[
            { value: "", label: t("applications.allStatuses") },
            ...APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`applicationStatus.${s}`) })),
          ]}
        />
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            {t("applications.show")}
          </button>
          {status ? <Link to={list}>{t("applications.showAll")}</Link> : null}
        </div>
      </RouterForm>

      {applications.length === 0 ? (
        <p>
          {status
            ? t("applications.noneWithStatus", { status: t(`applicationStatus.${status}`) })
            : t("applications.none")}
        </p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>
              {status
                ? t("applications.countWithStatus", {
                    count: applications.length,
                    status: t(`applicationStatus.${status}`),
                  })
                : t("applications.count", { count: applications.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("applications.name")}</th>
                <th scope="col">{t("applications.owner")}</th>
                <th scope="col">{t("applications.status")}</th>
                <th scope="col">{t("applications.registryNumber")}</th>
                <th scope="col">{t("applications.arrivalDate")}</th>
                <th scope="col" className="num">
                  {t("applications.requested")}
                </th>
                <th scope="col">{t("applications.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`${list}/${a.id}`}>{a.name || t("applications.unnamed")}</Link>
                  </td>
                  <td>{a.ownerName}</td>
                  <td>{t(`applicationStatus.${a.status}`)}</td>
                  <td>{a.registryNumber}</td>
                  <td className="date">{a.arrivalDate}</td>
                  <td className="num">{formatMoney(a.requested, locale)}</td>
                  <td className="date">{a.updatedAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
