// Stöd: the guides staff wrote for this participant (their association's and their initiatives'),
// per category with an icon and a word. A guide is shown in the participant's language when it
// has one; otherwise in Swedish, marked as Swedish, with a note in their language.
import { guideTextFor } from "../../../portal/guide-text.ts";
import { guidesForParticipant } from "../../../portal/guides.ts";
import type { PortalLocale } from "../../../portal/locales.ts";
import type { GuideCategory } from "../../../portal/schema.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import { Tx, usePortal, Written } from "../../ui/portal-i18n.tsx";
import { PortalIcon, type PortalIconName } from "../../ui/portal-icons.tsx";
import type { Route } from "./+types/support.ts";

export const handle = { portal: true, hydrate: false };

export async function loader({ context, request }: Route.LoaderArgs) {
  const { state, account } = await requireParticipant(context, request);
  const groups = await guidesForParticipant(state.services.db, account);
  return {
    groups: groups.map((group) => ({
      category: group.category,
      guides: group.guides.map((g) => ({ id: g.id, texts: g.texts })),
    })),
  };
}

const CATEGORY_ICONS: Record<GuideCategory, PortalIconName> = {
  digitalt: "help",
  videomote: "video",
  matematik: "plan",
  svenska: "plan",
  studieteknik: "plan",
  ovrigt: "help",
};

export default function Support({ loaderData }: Route.ComponentProps) {
  const { t, locale } = usePortal();
  const { groups } = loaderData;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("portal.support.title")} – ${t("portal.name")}`}</title>
      <Tx as="h1" k="portal.support.title" />
      <Tx as="p" k="portal.support.intro" className="portal-lead" />
      {groups.length === 0 ? <Tx as="p" k="portal.support.none" className="portal-card" /> : null}
      {groups.map((group) => (
        <section
          key={group.category}
          aria-labelledby={`stod-${group.category}`}
          className="portal-support__group"
        >
          <h2 id={`stod-${group.category}`} className="portal-support__heading">
            <PortalIcon name={CATEGORY_ICONS[group.category]} />
            <Tx k={`portal.support.category.${group.category}`} />
          </h2>
          <ul className="portal-support__list">
            {group.guides.map((g) => {
              const shown = guideTextFor(g.texts, locale);
              const titles: Partial<Record<PortalLocale, string>> & { sv: string } = {
                sv: g.texts.sv.title,
              };
              if (!shown.onlySwedish) titles[shown.locale] = shown.text.title;
              return (
                <li key={g.id}>
                  <a href={`/portal/stod/${g.id}`} className="portal-support__link">
                    <Written texts={titles} />
                    {shown.onlySwedish ? (
                      <span className="portal-support__note">
                        {t("portal.support.onlySwedish")}
                      </span>
                    ) : null}
                  </a>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </main>
  );
}
