// The frame of an association's pages: navigation built from what the person may do there.
import { NavLink, Outlet } from "react-router";
import type { Permission } from "../../../access/policy.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { requireAssociation } from "../../guard.server.ts";
import { useT } from "../../ui/i18n.tsx";
import type { Route } from "./+types/layout.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { association, permissions } = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  return { association: { slug: association.slug, name: association.name }, permissions };
}

const NAVIGATION: Array<{ to: string; label: MessageKey; permission: Permission }> = [
  { to: "", label: "nav.home", permission: "association.enter" },
  {
    to: "organisationer",
    label: "nav.memberOrganisations",
    permission: "member_organisations.view",
  },
  { to: "personer", label: "nav.people", permission: "users.view" },
  { to: "utkorg", label: "nav.outbox", permission: "outbox.view" },
  { to: "granskningslogg", label: "nav.auditLog", permission: "audit.view" },
];

export default function AssociationLayout({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { association, permissions } = loaderData;
  return (
    <>
      <nav className="side-nav" aria-label={t("nav.mainMenu")}>
        <p className="tag">{association.name}</p>
        <ul>
          {NAVIGATION.filter((item) => permissions.includes(item.permission)).map((item) => (
            <li key={item.to}>
              <NavLink to={`/${association.slug}${item.to ? `/${item.to}` : ""}`} end>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
