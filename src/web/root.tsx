// The document around every page: language and direction, skip link, header with the
// person's menu, the main landmark, and a footer with language choice and the
// accessibility statement. Errors from any page render here in plain Swedish.
import { inArray } from "drizzle-orm";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useParams,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import { associations } from "../associations/schema.ts";
import { directionOf, LOCALES, type Locale } from "../platform/i18n/locales.ts";
import { portalDirection } from "../portal/locales.ts";
import type { Route } from "./+types/root.ts";
import { stateOf } from "./guard.server.ts";
import { portalLanguageOf } from "./portal-guard.server.ts";
import stylesHref from "./styles.css?url";
import { Form } from "./ui/form.tsx";
import { I18nProvider, useT } from "./ui/i18n.tsx";
import { PortalI18nProvider } from "./ui/portal-i18n.tsx";

/**
 * What a route may say about the document around it (its `handle`). The portal's pages are
 * `{ portal: true, hydrate: false }`: their own header and footer in the participant's language,
 * and no JavaScript at all — rendered on the server, every form a plain HTML form, so a cheap
 * phone gets HTML and CSS only.
 */
export interface PageHandle {
  portal?: boolean;
  hydrate?: boolean;
}

function useDocumentKind(): { portal: boolean; hydrate: boolean } {
  const matches = useMatches();
  const handles = matches.map((m) => (m.handle ?? {}) as PageHandle);
  return {
    portal: handles.some((h) => h.portal === true),
    hydrate: !handles.some((h) => h.hydrate === false),
  };
}

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ context, request }: Route.LoaderArgs) {
  const state = stateOf(context);
  const principal = state.principal;
  const ids = [...new Set(principal?.grants.map((g) => g.associationId) ?? [])];
  const mine = ids.length
    ? await state.services.db
        .select({ slug: associations.slug, name: associations.name })
        .from(associations)
        .where(inArray(associations.id, ids))
    : [];
  return {
    locale: state.locale,
    csrfToken: state.csrfToken,
    requestId: state.requestId,
    user: principal ? { name: principal.name, email: principal.email } : null,
    associations: mine,
    portal: portalLanguageOf(request),
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

const LANGUAGE_NAMES: Record<Locale, string> = { sv: "Svenska", en: "English" };

function Header({ data }: { data: RootData | undefined }) {
  const t = useT();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-header__brand">
          {t("app.name")}
        </Link>
        {data?.user ? (
          <nav aria-label={t("nav.account")} className="site-header__account">
            <span className="site-header__user">{data.user.name}</span>
            <Link to="/konto">{t("nav.account")}</Link>
            <Form method="post" action="/logga-ut" reloadDocument>
              <button type="submit" className="link-button">
                {t("nav.signOut")}
              </button>
            </Form>
          </nav>
        ) : null}
      </div>
    </header>
  );
}

function Footer({ locale }: { locale: Locale }) {
  const t = useT();
  const location = useLocation();
  // from an association's pages, a report goes to that association (if the person has a role there)
  const { association } = useParams();
  return (
    <footer className="site-footer">
      <Form method="post" action="/sprak" reloadDocument className="language-form">
        <input type="hidden" name="till" value={location.pathname + location.search} />
        <label htmlFor="language-choice">{t("nav.language")}</label>
        <select id="language-choice" name="sprak" defaultValue={locale}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t("common.save")}
        </button>
      </Form>
      <p>
        <Link
          to={
            association
              ? `/tillganglighet?forbund=${encodeURIComponent(association)}`
              : "/tillganglighet"
          }
        >
          {t("footer.accessibility")}
        </Link>
      </p>
    </footer>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData("root") as RootData | undefined;
  const locale = data?.locale ?? "sv";
  const kind = useDocumentKind();
  if (kind.portal) {
    const portal = data?.portal ?? { locale: "sv" as const, swedishToo: false };
    return (
      <html lang={portal.locale} dir={portalDirection(portal.locale)}>
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <Meta />
          <Links />
        </head>
        <body className="portal">
          <I18nProvider locale={portal.locale === "sv" ? "sv" : "en"}>
            <PortalI18nProvider locale={portal.locale} swedishToo={portal.swedishToo}>
              {children}
            </PortalI18nProvider>
          </I18nProvider>
          {kind.hydrate ? <Scripts /> : null}
        </body>
      </html>
    );
  }
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nProvider locale={locale}>
          <a href="#innehall" className="skip-link">
            {locale === "sv" ? "Hoppa till innehållet" : "Skip to content"}
          </a>
          <Header data={data} />
          <div className="page">{children}</div>
          <Footer locale={locale} />
        </I18nProvider>
        {kind.hydrate ? (
          <>
            <ScrollRestoration />
            <Scripts />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const data = useRouteLoaderData("root") as RootData | undefined;
  let title = t("errors.server", { requestId: data?.requestId ?? "–" });
  let heading = t("errors.serverTitle");
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      heading = t("errors.notFound");
      title = (error.data as { message?: string })?.message ?? t("errors.notFound");
    } else if (error.status === 403) {
      heading = t("errors.forbiddenTitle");
      title = t("errors.forbidden");
    }
  }
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${heading} – Samspår`}</title>
      <h1>{heading}</h1>
      <p>{title}</p>
      <p>
        <Link to="/">{t("nav.home")}</Link>
      </p>
    </main>
  );
}
