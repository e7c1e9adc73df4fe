// The association's requisitions (or, for an initiative's lead and steering group, their own
// initiative's): period, initiative, the association funds and co-financing claimed, status and
// payment, filtered by status, year and initiative with a plain GET form that works without
// JavaScript. `?insats=` comes from the initiative's page.
import { data, Link, Form as RouterForm } from "react-router";
import {
  can,
  canOnInitiative,
  ForbiddenError,
  visibleRequisitions,
} from "../../../access/policy.ts";
import { listRequisitions } from "../../../finance/requisitions.ts";
// constants from the schema: the domain module is server code
import { REQUISITION_STATUSES, type RequisitionStatus } from "../../../finance/schema.ts";
import { formatDate, formatMoney } from "../../../platform/i18n/format.ts";
import { requireAssociation } from "../../guard.server.ts";
import { SelectField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { periodLabel } from "../../ui/periodic-report-form.tsx";
import type { Route } from "./+types/requisitions.ts";

const isStatus = (v: string | null): v is RequisitionStatus =>
  v !== null && (REQUISITION_STATUSES as readonly string[]).includes(v);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association } = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const visible = visibleRequisitions(principal, association.id);
  if (visible !== "all" && visible.length === 0)
    throw data({ message: new ForbiddenError("requisition.view").message }, { status: 403 });
  const query = new URL(request.url).searchParams;
  const asked = query.get("status");
  const status = isStatus(asked) ? asked : undefined;
  const all = await listRequisitions(state.services.db, association.id, { visible });
  const years = [...new Set(all.map((r) => r.year))].sort((a, b) => b - a);
  const askedYear = Number(query.get("ar") ?? "");
  const year = years.includes(askedYear) ? askedYear : undefined;
  const initiatives = new Map(all.map((r) => [r.initiativeId, r.initiativeName]));
  const askedInitiative = query.get("insats") ?? "";
  const initiativeId = initiatives.has(askedInitiative) ? askedInitiative : undefined;
  const rows = all.filter(
    (r) =>
      (!status || r.status === status) &&
      (year === undefined || r.year === year) &&
      (!initiativeId || r.initiativeId === initiativeId),
  );
  const writes =
    can(principal, "requisition.write", association.id) ||
    principal.grants.some(
      (g) =>
        g.associationId === association.id &&
        g.initiativeId !== null &&
        canOnInitiative(principal, "requisition.write", association.id, g.initiativeId),
    );
  return {
    slug: association.slug,
    status: status ?? null,
    year: year ?? null,
    years,
    initiativeId: initiativeId ?? null,
    initiatives: [...initiatives]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    writes,
    requisitions: rows.map((r) => ({
      id: r.id,
      initiativeName: r.initiativeName,
      periodKey: r.periodKey,
      association: r.association,
      coFinancing: r.coFinancing,
      status: r.status,
      paymentStatus: r.paymentStatus,
      paidOn: r.paidOn ? formatDate(r.paidOn) : "",
      attachments: r.attachments,
    })),
  };
}

export default function Requisitions({ loaderData: d }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const list = `/${d.slug}/rekvisitioner`;
  const money = (n: number) => formatMoney(n, locale);
  const filtered = d.status !== null || d.year !== null || d.initiativeId !== null;
  const sum = (pick: (r: (typeof d.requisitions)[number]) => number) =>
    d.requisitions.reduce((s, r) => s + pick(r), 0);
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("requisitions.title")} – Samspår`}</title>
      <h1>{t("requisitions.title")}</h1>
      <p className="lead">{t("requisitions.list.intro")}</p>
      {d.writes ? (
        <div className="button-row">
          <Link
            to={`${list}/ny${d.initiativeId ? `?insats=${d.initiativeId}` : ""}`}
            className="button button--primary"
          >
            {t("requisitions.list.new")}
          </Link>
        </div>
      ) : null}

      <RouterForm method="get" action={list}>
        <SelectField
          name="status"
          label={t("requisitions.list.filterStatus")}
          defaultValue={d.status ?? ""}
          options={[
            { value: "", label: t("requisitions.list.allStatuses") },
            ...REQUISITION_STATUSES.map((s) => ({
              value: s,
              label: t(`requisitions.status.${s}`),
            })),
          ]}
        />
        <SelectField
          name="ar"
          label={t("requisitions.list.filterYear")}
          defaultValue={d.year === null ? "" : String(d.year)}
          options={[
            { value: "", label: t("requisitions.list.allYears") },
            ...d.years.map((y) => ({ value: String(y), label: String(y) })),
          ]}
        />
        {d.initiatives.length > 1 || d.initiativeId ? (
          <SelectField
            name="insats"
            label={t("requisitions.list.filterInitiative")}
            defaultValue={d.initiativeId ?? ""}
            options={[
              { value: "", label: t("requisitions.list.allInitiatives") },
              ...d.initiatives.map((i) => ({ value: i.id, label: i.name })),
            ]}
          />
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            {t("requisitions.list.show")}
          </button>
          {filtered ? <Link to={list}>{t("requisitions.list.showAll")}</Link> : null}
        </div>
      </RouterForm>

      {d.requisitions.length === 0 ? (
        <p>{filtered ? t("requisitions.list.noneMatching") : t("requisitions.list.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("requisitions.list.caption", { count: d.requisitions.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("requisitions.field.period")}</th>
                <th scope="col">{t("requisitions.field.initiative")}</th>
                <th scope="col" className="num">
                  {t("requisitions.field.association")}
                </th>
                <th scope="col" className="num">
                  {t("requisitions.field.coFinancing")}
                </th>
                <th scope="col">{t("requisitions.field.status")}</th>
                <th scope="col">{t("requisitions.field.payment")}</th>
                <th scope="col" className="num">
                  {t("requisitions.field.attachments")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.requisitions.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link
                      to={`${list}/${r.id}`}
                      aria-label={t("requisitions.list.linkLabel", {
                        period: periodLabel(t, r.periodKey),
                        initiative: r.initiativeName,
                      })}
                    >
                      {periodLabel(t, r.periodKey)}
                    </Link>
                  </th>
                  <td>{r.initiativeName}</td>
                  <td className="num">{money(r.association)}</td>
                  <td className="num">{money(r.coFinancing)}</td>
                  <td>{t(`requisitions.status.${r.status}`)}</td>
                  <td>
                    {r.paymentStatus === "betald"
                      ? t("requisitions.payment.paidOn", { date: r.paidOn })
                      : r.status === "godkand"
                        ? t("requisitions.payment.notPaid")
                        : "–"}
                  </td>
                  <td className="num">{r.attachments}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t("requisitions.list.sum")}
                </th>
                <td className="num">{money(sum((r) => r.association))}</td>
                <td className="num">{money(sum((r) => r.coFinancing))}</td>
                <td colSpan={3} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </main>
  );
}
