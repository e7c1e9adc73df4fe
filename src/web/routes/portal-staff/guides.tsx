// Stöd, the staff's side: the guides this person may work on (all of them for the office, their
// initiatives' for a lead or participant officer), per category, with whether participants see
// them and which languages they exist in; and the way to a new one.
import { Link, useSearchParams } from "react-router";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { listGuidesForStaff } from "../../../portal/guides.ts";
import { PORTAL_LOCALES } from "../../../portal/locales.ts";
import { useT } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type { Route } from "./+types/guides.ts";
import { categoryKey, languageKey } from "./guide-keys.ts";
import { requireGuideWriter } from "./guides-access.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association } = await requireGuideWriter(
    context,
    request,
    params.association,
  );
  const groups = await listGuidesForStaff(state.services.db, principal, association.id);
  return {
    slug: association.slug,
    groups: groups.map((group) => ({
      category: group.category,
      guides: group.guides.map((g) => ({
        id: g.id,
        title: g.texts.sv?.title ?? "",
        initiativeName: g.initiativeName,
        languages: PORTAL_LOCALES.filter((l) => g.texts[l]),
        published: g.published,
        updated: formatDateTime(g.updatedAt),
        updatedByName: g.updatedByName,
      })),
    })),
  };
}

const NOTICES: Record<string, MessageKey> = {
  borttagen: "portalStaff.guides.notice.removed",
};

export default function Guides({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const notice = params.get("klart");
  const { slug, groups } = loaderData;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("portalStaff.guides.title")} – Samspår`}</title>
      <h1>{t("portalStaff.guides.title")}</h1>
      {notice && Object.hasOwn(NOTICES, notice) ? (
        <p className="notice" role="status">
          {t(NOTICES[notice] as MessageKey)}
        </p>
      ) : null}
      <p>{t("portalStaff.guides.intro")}</p>
      <p>
        <Link to={`/${slug}/stod/ny`} className="button button--primary">
          {t("portalStaff.guides.new")}
        </Link>
      </p>
      {groups.length === 0 ? <p>{t("portalStaff.guides.none")}</p> : null}
      {groups.map((group) => (
        <section key={group.category} aria-labelledby={`kategori-${group.category}`}>
          <h2 id={`kategori-${group.category}`}>{t(categoryKey(group.category))}</h2>
          <TableWrap label={t(categoryKey(group.category))}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("portalStaff.guides.col.title")}</th>
                  <th scope="col">{t("portalStaff.guides.col.for")}</th>
                  <th scope="col">{t("portalStaff.guides.col.languages")}</th>
                  <th scope="col">{t("portalStaff.guides.col.status")}</th>
                  <th scope="col">{t("portalStaff.guides.col.updated")}</th>
                </tr>
              </thead>
              <tbody>
                {group.guides.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">
                      <Link to={`/${slug}/stod/${g.id}`} lang="sv">
                        {g.title}
                      </Link>
                    </th>
                    <td>{g.initiativeName ?? t("portalStaff.guides.wholeAssociation")}</td>
                    <td>{g.languages.map((l) => t(languageKey(l))).join(", ")}</td>
                    <td>
                      {g.published
                        ? t("portalStaff.guides.published")
                        : t("portalStaff.guides.draft")}
                    </td>
                    <td>
                      {t("portalStaff.guides.updatedBy", {
                        date: g.updated,
                        name: g.updatedByName,
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ))}
    </main>
  );
}
