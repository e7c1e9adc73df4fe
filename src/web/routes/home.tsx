// The start page: sends a signed-in person to their association, or lets them choose one.
import { Link, redirect } from "react-router";
import { requirePrincipal } from "../guard.server.ts";
import { useT } from "../ui/i18n.tsx";
import type { RootData } from "../root.tsx";
import { useRouteLoaderData } from "react-router";
import type { Route } from "./+types/home.ts";

export function loader({ context, request }: Route.LoaderArgs) {
  const { principal } = requirePrincipal(context, request);
  return { count: new Set(principal.grants.map((g) => g.associationId)).size };
}

export function clientLoader() {
  return undefined;
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const root = useRouteLoaderData("root") as RootData | undefined;
  const associations = root?.associations ?? [];
  if (loaderData?.count === 1 && associations[0]) {
    return <RedirectNotice slug={associations[0].slug} name={associations[0].name} />;
  }
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("home.title")} – Samspår`}</title>
      <h1>{t("home.title")}</h1>
      {associations.length === 0 ? (
        <p>{t("home.noAssociation")}</p>
      ) : (
        <ul className="card-list">
          {associations.map((a) => (
            <li key={a.slug}>
              <Link to={`/${a.slug}`}>{a.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function RedirectNotice({ slug, name }: { slug: string; name: string }) {
  const t = useT();
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("home.title")} – Samspår`}</title>
      <h1>{t("home.title")}</h1>
      <p>
        <Link to={`/${slug}`}>{name}</Link>
      </p>
    </main>
  );
}
