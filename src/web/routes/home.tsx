// The start page: sends a signed-in person with one association straight to it, lets someone
// with several choose, and sends a participant to the portal.
import { asc, inArray } from "drizzle-orm";
import { Link, redirect } from "react-router";
import { associations } from "../../associations/schema.ts";
import { requirePrincipal } from "../guard.server.ts";
import { useT } from "../ui/i18n.tsx";
import type { Route } from "./+types/home.ts";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { state, principal } = requirePrincipal(context, request);
  // participants have the portal, not the association's pages
  if (principal.kind === "participant") throw redirect("/portal");
  const ids = [...new Set(principal.grants.map((g) => g.associationId))];
  const mine = ids.length
    ? await state.services.db
        .select({ slug: associations.slug, name: associations.name })
        .from(associations)
        .where(inArray(associations.id, ids))
        .orderBy(asc(associations.name))
    : [];
  if (mine.length === 1 && mine[0]) throw redirect(`/${mine[0].slug}`);
  return { associations: mine };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("home.title")} – Samspår`}</title>
      <h1>{t("home.title")}</h1>
      {loaderData.associations.length === 0 ? (
        <p>{t("home.noAssociation")}</p>
      ) : (
        <ul className="card-list">
          {loaderData.associations.map((a) => (
            <li key={a.slug}>
              <Link to={`/${a.slug}`}>{a.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
