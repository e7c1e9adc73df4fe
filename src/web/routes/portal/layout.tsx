// The frame around every signed-in portal page: the name, a large "Logga ut" (shared computers),
// the menu with icons and words, and at the bottom the language, "på svenska också" and the
// accessibility statement. No JavaScript: every control is a link or a plain form.
import { NavLink, Outlet, useLocation } from "react-router";
import { PORTAL_LANGUAGE_NAMES, PORTAL_LOCALES } from "../../../portal/locales.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import { CsrfField } from "../../ui/form.tsx";
import { usePortal } from "../../ui/portal-i18n.tsx";
import { PortalIcon, type PortalIconName } from "../../ui/portal-icons.tsx";
import type { Route } from "./+types/layout.ts";

export const handle = { portal: true, hydrate: false };

export async function loader({ context, request }: Route.LoaderArgs) {
  const { language } = await requireParticipant(context, request);
  return { language };
}

const NAV: {
  to: string;
  key: Parameters<ReturnType<typeof usePortal>["t"]>[0];
  icon: PortalIconName;
}[] = [
  { to: "/portal", key: "portal.nav.home", icon: "home" },
  { to: "/portal/plan", key: "portal.nav.plan", icon: "plan" },
  { to: "/portal/boka", key: "portal.nav.booking", icon: "calendar" },
  { to: "/portal/kurser", key: "portal.courses.nav", icon: "book" },
  { to: "/portal/stod", key: "portal.nav.support", icon: "help" },
  { to: "/portal/tyck-till", key: "portal.courses.navFeedback", icon: "chat" },
  { to: "/portal/mina-uppgifter", key: "portal.nav.myData", icon: "person" },
  { to: "/portal/installningar", key: "portal.nav.settings", icon: "settings" },
];

export function PortalLanguageForm({ returnTo }: { returnTo: string }) {
  const { t, locale, swedishToo } = usePortal();
  return (
    <div className="portal-language">
      <form method="post" action="/portal/sprak" className="portal-language__form">
        <CsrfField />
        <input type="hidden" name="till" value={returnTo} />
        <label htmlFor="portal-language">{t("portal.language")}</label>
        <select id="portal-language" name="sprak" defaultValue={locale}>
          {PORTAL_LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {PORTAL_LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
        <button type="submit" className="portal-button portal-button--secondary">
          {t("portal.languageSave")}
        </button>
      </form>
      {locale !== "sv" ? (
        <form method="post" action="/portal/sprak">
          <CsrfField />
          <input type="hidden" name="till" value={returnTo} />
          <input type="hidden" name="svenska" value={swedishToo ? "0" : "1"} />
          <button type="submit" className="portal-button portal-button--secondary">
            {swedishToo ? t("portal.swedishTooOff") : t("portal.swedishTooOn")}
          </button>
        </form>
      ) : null}
    </div>
  );
}

export function PortalFooter() {
  const { t } = usePortal();
  const location = useLocation();
  return (
    <footer className="portal-footer">
      <PortalLanguageForm returnTo={location.pathname + location.search} />
      <p>
        <a href="/portal/tillganglighet">{t("portal.accessibility")}</a>
      </p>
    </footer>
  );
}

export default function PortalLayout() {
  const { t } = usePortal();
  return (
    <>
      <a href="#innehall" className="skip-link">
        {t("portal.skip")}
      </a>
      <header className="portal-header">
        <a href="/portal" className="portal-header__name">
          {t("portal.name")}
        </a>
        <form method="post" action="/portal/logga-ut" className="portal-header__signout">
          <CsrfField />
          <button type="submit" className="portal-button portal-button--signout">
            <PortalIcon name="signout" />
            {t("portal.signOut")}
          </button>
        </form>
      </header>
      <nav className="portal-nav" aria-label={t("portal.menu")}>
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === "/portal"} className="portal-nav__link">
                <PortalIcon name={item.icon} />
                <span>{t(item.key)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="portal-page">
        <Outlet />
      </div>
      <PortalFooter />
    </>
  );
}
