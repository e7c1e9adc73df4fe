// Instrument för skattning: the instruments the association can measure progression with —
// Samspår's own (marked "Från Samspår") and the association's own — with their licence and
// versions. The office (progression.instruments) adds its own; the board and others with
// progression.results see the list read only. Archived instruments on request (?arkiverade=1).
import { Link } from "react-router";
import { formatDate } from "../../../platform/i18n/format.ts";
import { listInstruments } from "../../../progression/instruments.ts";
import { useI18n } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type { Route } from "./+types/instrument-list.ts";
import { requireInstruments } from "./instrument-form.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, canEdit } = await requireInstruments(
    context,
    request,
    params.association,
  );
  const archived = new URL(request.url).searchParams.get("arkiverade") === "1";
  const instruments = await listInstruments(state.services.db, association.id, { archived });
  return {
    slug: association.slug,
    canEdit,
    archived,
    instruments: instruments.map((i) => ({
      id: i.id,
      name: i.name.sv,
      key: i.key,
      shipped: i.shipped,
      archived: i.archived,
      licence: i.licence,
      versions: i.versions.map((v) => ({
        number: v.number,
        published: v.publishedAt ? formatDate(v.publishedAt) : null,
      })),
    })),
  };
}

export default function InstrumentListPage({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const title = t("progressionInstruments.listTitle");
  const here = `/${d.slug}/progression/instrument`;
  const own = d.instruments.filter((i) => !i.shipped);
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <h1>{title}</h1>
      <p className="lead">
        {d.canEdit
          ? t("progressionInstruments.listLead")
          : t("progressionInstruments.listLeadReadOnly")}
      </p>
      <TableWrap label={title}>
        <table>
          <caption className="visually-hidden">{t("progressionInstruments.listCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("progressionInstruments.columnName")}</th>
              <th scope="col">{t("progressionInstruments.columnOrigin")}</th>
              <th scope="col">{t("progressionInstruments.columnLicence")}</th>
              <th scope="col">{t("progressionInstruments.columnVersions")}</th>
            </tr>
          </thead>
          <tbody>
            {d.instruments.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  <Link to={`${here}/${i.id}`}>{i.name}</Link>
                  {i.archived ? (
                    <>
                      {" "}
                      <span className="tag">{t("progressionInstruments.archivedTag")}</span>
                    </>
                  ) : null}
                </th>
                <td>
                  {i.shipped
                    ? t("progressionInstruments.fromSamspar")
                    : t("progressionInstruments.fromAssociation")}
                </td>
                <td>{i.licence ?? t("progressionInstruments.open")}</td>
                <td>
                  <ul>
                    {i.versions.map((v) => (
                      <li key={v.number}>
                        {v.published
                          ? t("progressionInstruments.versionPublished", {
                              number: v.number,
                              date: v.published,
                            })
                          : t("progressionInstruments.versionDraft", { number: v.number })}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {own.length === 0 ? <p>{t("progressionInstruments.none")}</p> : null}
      <p>
        <Link to={d.archived ? here : `${here}?arkiverade=1`}>
          {d.archived
            ? t("progressionInstruments.hideArchived")
            : t("progressionInstruments.showArchived")}
        </Link>
      </p>
      {d.canEdit ? (
        <>
          <p>{t("progressionInstruments.licensedNote")}</p>
          <p>
            <Link to={`${here}/ny`} className="button button--secondary">
              {t("progressionInstruments.addOwn")}
            </Link>
          </p>
        </>
      ) : null}
    </main>
  );
}
