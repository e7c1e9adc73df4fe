// The association's start page: who you are here and where you can go. A participant sees
// only their own initiatives.
import { and, count, eq, inArray } from "drizzle-orm";
import { Link, redirect } from "react-router";
import { rolesIn } from "../../../access/policy.ts";
import { memberOrganisations } from "../../../associations/schema.ts";
import { initiatives } from "../../../initiatives/schema.ts";
import { requireAssociation } from "../../guard.server.ts";
import { useT } from "../../ui/i18n.tsx";
import type { Route } from "./+types/overview.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association, permissions } = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  // a participant's pages are the portal
  if (principal.kind === "participant") throw redirect("/portal");
  const db = state.services.db;
  const roles = [...rolesIn(principal, association.id)];
  const initiativeIds = principal.grants
    .filter((g) => g.associationId === association.id && g.initiativeId)
    .map((g) => g.initiativeId as string);
  const myInitiatives = initiativeIds.length
    ? await db
        .select({ id: initiatives.id, name: initiatives.name, status: initiatives.status })
        .from(initiatives)
        .where(
          and(
            eq(initiatives.associationId, association.id),
            inArray(initiatives.id, initiativeIds),
          ),
        )
    : [];
  const [orgs] = permissions.includes("member_organisations.view")
    ? await db
        .select({ n: count() })
        .from(memberOrganisations)
        .where(eq(memberOrganisations.associationId, association.id))
    : [undefined];
  return {
    association: { slug: association.slug, name: association.name },
    name: principal.name,
    roles,
    permissions,
    myInitiatives,
    memberOrganisationCount: orgs?.n ?? null,
  };
}

export default function Overview({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { association, roles, permissions, myInitiatives, memberOrganisationCount } = loaderData;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${association.name} – Samspår`}</title>
      <h1>{association.name}</h1>
      <p className="lead">{t("overview.welcome", { name: loaderData.name })}</p>
      <h2>{t("overview.yourRoles")}</h2>
      <ul>
        {roles.map((role) => (
          <li key={role}>{t(`role.${role}`)}</li>
        ))}
      </ul>
      {myInitiatives.length ? (
        <>
          <h2>{t("overview.yourInitiatives")}</h2>
          <ul>
            {myInitiatives.map((i) => (
              <li key={i.id}>
                {i.name} <span className="tag">{t(`initiativeStatus.${i.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {memberOrganisationCount !== null ? (
        <p>
          <Link to={`/${association.slug}/organisationer`}>
            {t("overview.memberOrganisations", { count: memberOrganisationCount })}
          </Link>
        </p>
      ) : null}
      {permissions.includes("users.manage") ? (
        <p>
          <Link to={`/${association.slug}/personer/ny`}>{t("people.add")}</Link>
        </p>
      ) : null}
    </main>
  );
}
