// The association's staff and their roles.
import { Link, useSearchParams } from "react-router";
import { listUsers } from "../../../people/list-users.ts";
import { requireAssociation } from "../../guard.server.ts";
import { useT } from "../../ui/i18n.tsx";
import type { Route } from "./+types/people.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, permissions } = await requireAssociation(
    context,
    request,
    params.association,
    "users.view",
  );
  return {
    slug: association.slug,
    people: await listUsers(state.services.db, association.id),
    canManage: permissions.includes("users.manage"),
  };
}

export default function People({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("nav.people")} – Samspår`}</title>
      <h1>{t("nav.people")}</h1>
      {params.get("klart") === "inbjuden" ? (
        <p className="notice" role="status">
          {t("people.invited")}
        </p>
      ) : null}
      {params.get("klart") === "tillagd" ? (
        <p className="notice" role="status">
          {t("people.roleAdded")}
        </p>
      ) : null}
      {loaderData.canManage ? (
        <p>
          <Link className="button button--primary" to="ny">
            {t("people.add")}
          </Link>
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>{t("people.count", { count: loaderData.people.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("account.name")}</th>
              <th scope="col">{t("signIn.email")}</th>
              <th scope="col">{t("people.roles")}</th>
              <th scope="col">{t("people.status")}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.people.map((p) => (
              <tr key={p.id}>
                <td>{loaderData.canManage ? <Link to={p.id}>{p.name}</Link> : p.name}</td>
                <td>{p.email}</td>
                <td>
                  {p.grants
                    .map(
                      (g) =>
                        `${t(`role.${g.role}`)}${g.initiativeName ? ` (${g.initiativeName})` : ""}`,
                    )
                    .join(", ")}
                </td>
                <td>
                  {p.disabledAt
                    ? t("people.disabled")
                    : p.totpEnabledAt
                      ? t("people.activeTotp")
                      : t("people.active")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
