// The initiative register: the association's initiatives (or, for the initiative-scoped
// roles, their own), searched, filtered and sorted by a plain GET form that works without
// JavaScript.
import { data, Link, Form as RouterForm } from "react-router";
import { ForbiddenError, visibleInitiatives } from "../../../access/policy.ts";
import { listMemberOrganisations } from "../../../associations/member-organisations.ts";
import { findInitiatives, type InitiativeSort } from "../../../initiatives/find-initiatives.ts";
import {
  INITIATIVE_STATUSES,
  type InitiativeStatus,
  type Orientation,
} from "../../../initiatives/schema.ts";
import { formatDate, formatNumber } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { requireAssociation } from "../../guard.server.ts";
import { SelectField, TextField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { Choices } from "../../ui/initiative-form.tsx";
import type { Route } from "./+types/initiatives.ts";

/** The sort orders as the URL names them (`?sortera=start&ordning=fallande`). */
const SORT_PARAMS = {
  namn: "name",
  agare: "owner",
  start: "start",
  slut: "end",
  status: "status",
} as const satisfies Record<string, InitiativeSort>;
type SortParam = keyof typeof SORT_PARAMS;
const SORT_LABELS: Record<SortParam, MessageKey> = {
  namn: "initiative.name",
  agare: "initiative.owner",
  start: "initiative.startDate",
  slut: "initiative.endDate",
  status: "initiative.status",
};

const ORIENTATION_PARAMS = {
  individinriktad: "individual",
  strukturovergripande: "structural",
} as const satisfies Record<string, Orientation>;
type OrientationParam = keyof typeof ORIENTATION_PARAMS;

/** A date the URL gives, if it is a real one (2026-02-30 would make the query fail). */
function isoDate(v: string | null): string {
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return "";
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v) ? v : "";
}
const isStatus = (v: string): v is InitiativeStatus =>
  (INITIATIVE_STATUSES as readonly string[]).includes(v);
const keyOf = <T extends object>(map: T, v: string | null): v is Extract<keyof T, string> =>
  v !== null && Object.hasOwn(map, v);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association, permissions } = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const visible = visibleInitiatives(principal, association.id);
  if (visible !== "all" && visible.length === 0) {
    throw data({ message: new ForbiddenError("initiatives.view").message }, { status: 403 });
  }
  const db = state.services.db;
  const organisations = (await listMemberOrganisations(db, association.id)).map((o) => ({
    id: o.id,
    name: o.name,
  }));
  const query = new URL(request.url).searchParams;
  const owner = query.get("agare") ?? "";
  const orientation = query.get("inriktning");
  const sort = query.get("sortera");
  const search = {
    q: query.get("q")?.trim() ?? "",
    statuses: [...new Set(query.getAll("status").filter(isStatus))],
    owner: organisations.some((o) => o.id === owner) ? owner : "",
    orientation: keyOf(ORIENTATION_PARAMS, orientation) ? orientation : ("" as const),
    from: isoDate(query.get("fran")),
    to: isoDate(query.get("till")),
    sort: keyOf(SORT_PARAMS, sort) ? sort : ("namn" as const),
    descending: query.get("ordning") === "fallande",
  };
  const found = await findInitiatives(db, {
    associationId: association.id,
    visible,
    text: search.q || undefined,
    statuses: search.statuses,
    ownerOrganisationId: search.owner || undefined,
    orientation: search.orientation ? ORIENTATION_PARAMS[search.orientation] : undefined,
    from: search.from || undefined,
    to: search.to || undefined,
    sort: SORT_PARAMS[search.sort],
    descending: search.descending,
  });
  return {
    slug: association.slug,
    canManage: permissions.includes("initiatives.manage"),
    organisations,
    search,
    filtered: Boolean(
      search.q ||
        search.statuses.length ||
        search.owner ||
        search.orientation ||
        search.from ||
        search.to,
    ),
    initiatives: found.map((i) => ({
      id: i.id,
      name: i.name,
      ownerName: i.ownerName,
      partnerNames: i.partnerNames,
      orientation: i.orientation,
      status: i.status,
      startDate: i.startDate ? formatDate(i.startDate) : "",
      endDate: i.endDate ? formatDate(i.endDate) : "",
      plannedEndDate: i.plannedEndDate ? formatDate(i.plannedEndDate) : "",
      expectedParticipants: i.expectedParticipants,
      expectedParticipantsOngoing: i.expectedParticipantsOngoing,
    })),
  };
}

export default function Initiatives({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { slug, search, organisations, initiatives, filtered } = loaderData;
  const list = `/${slug}/insatser`;
  const sorted = search.sort !== "namn" || search.descending;

  /** The link a sortable column's header is: sorts by it, or turns the order round. */
  const sortLink = (column: SortParam) => {
    const next = new URLSearchParams();
    if (search.q) next.set("q", search.q);
    for (const s of search.statuses) next.append("status", s);
    if (search.owner) next.set("agare", search.owner);
    if (search.orientation) next.set("inriktning", search.orientation);
    if (search.from) next.set("fran", search.from);
    if (search.to) next.set("till", search.to);
    next.set("sortera", column);
    next.set("ordning", search.sort === column && !search.descending ? "fallande" : "stigande");
    return `${list}?${next}`;
  };
  const header = (column: SortParam) => (
    <th
      scope="col"
      aria-sort={
        search.sort === column ? (search.descending ? "descending" : "ascending") : undefined
      }
    >
      <Link to={sortLink(column)}>
        {t(column === "namn" ? "initiative.column" : SORT_LABELS[column])}
      </Link>
    </th>
  );

  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("nav.initiatives")} – Samspår`}</title>
      <h1>{t("nav.initiatives")}</h1>
      {loaderData.canManage ? (
        <p>
          <Link to={`${list}/ny`} className="button button--primary">
            {t("initiatives.register")}
          </Link>
        </p>
      ) : null}

      {/* closed until something is searched for, so the register comes first */}
      <details className="field" open={filtered || sorted}>
        <summary>{t("initiatives.filterTitle")}</summary>
        <RouterForm method="get" action={list}>
          <TextField
            name="q"
            type="search"
            label={t("initiatives.searchText")}
            defaultValue={search.q}
          />
          <Choices
            type="checkbox"
            name="status"
            legend={t("initiative.status")}
            options={INITIATIVE_STATUSES.map((s) => ({
              value: s,
              label: t(`initiativeStatus.${s}`),
            }))}
            checked={new Set(search.statuses)}
          />
          <SelectField
            name="agare"
            label={t("initiative.owner")}
            defaultValue={search.owner}
            options={[
              { value: "", label: t("initiatives.allOwners") },
              ...organisations.map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
          <SelectField
            name="inriktning"
            label={t("initiative.orientation")}
            defaultValue={search.orientation}
            options={[
              { value: "", label: t("initiatives.allOrientations") },
              ...(Object.keys(ORIENTATION_PARAMS) as OrientationParam[]).map((o) => ({
                value: o,
                label: t(`orientation.${ORIENTATION_PARAMS[o]}`),
              })),
            ]}
          />
          <TextField
            name="fran"
            type="date"
            label={t("initiatives.from")}
            hint={t("initiative.dateHint")}
            width="short"
            defaultValue={search.from}
          />
          <TextField
            name="till"
            type="date"
            label={t("initiatives.to")}
            hint={t("initiative.dateHint")}
            width="short"
            defaultValue={search.to}
          />
          <SelectField
            name="sortera"
            label={t("initiatives.sort")}
            defaultValue={search.sort}
            options={(Object.keys(SORT_PARAMS) as SortParam[]).map((s) => ({
              value: s,
              label: t(SORT_LABELS[s]),
            }))}
          />
          <SelectField
            name="ordning"
            label={t("initiatives.order")}
            defaultValue={search.descending ? "fallande" : "stigande"}
            options={[
              { value: "stigande", label: t("initiatives.ascending") },
              { value: "fallande", label: t("initiatives.descending") },
            ]}
          />
          <div className="button-row">
            <button type="submit" className="button button--secondary">
              {t("initiatives.show")}
            </button>
            {filtered ? <Link to={list}>{t("initiatives.clear")}</Link> : null}
          </div>
        </RouterForm>
      </details>

      <div className="table-wrap">
        <table>
          <caption>
            {t(filtered ? "initiatives.countFiltered" : "initiatives.count", {
              count: initiatives.length,
            })}
          </caption>
          <thead>
            <tr>
              {header("namn")}
              {header("agare")}
              <th scope="col">{t("initiative.partners")}</th>
              <th scope="col">{t("initiative.orientation")}</th>
              {header("start")}
              {header("slut")}
              {header("status")}
              <th scope="col" className="num">
                {t("initiative.expectedParticipants")}
              </th>
            </tr>
          </thead>
          <tbody>
            {initiatives.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link to={`${list}/${i.id}`}>{i.name}</Link>
                </td>
                <td>{i.ownerName}</td>
                <td>{i.partnerNames.join(", ")}</td>
                <td>{t(`orientation.${i.orientation}`)}</td>
                <td>{i.startDate}</td>
                <td>
                  {i.endDate}
                  {i.plannedEndDate ? (
                    <span className="field__hint">
                      {" "}
                      ({t("initiatives.endedEarly", { date: i.plannedEndDate })})
                    </span>
                  ) : null}
                </td>
                <td>{t(`initiativeStatus.${i.status}`)}</td>
                <td className="num">
                  {i.expectedParticipants === null
                    ? ""
                    : i.expectedParticipantsOngoing
                      ? t("initiatives.ongoingCount", {
                          count: formatNumber(i.expectedParticipants, locale),
                        })
                      : formatNumber(i.expectedParticipants, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
