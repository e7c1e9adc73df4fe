// Tyck till (/portal/tyck-till): what the participant can answer now — a short check after each
// completed chapter and each meeting that has passed, and the exit survey — with a link each,
// and the promise that answers are anonymous. Server-rendered, no JavaScript.
import { openChecks } from "../../../evaluation/answering.ts";
import type { PortalLocale } from "../../../portal/locales.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import { Tx, usePortal, Written } from "../../ui/portal-i18n.tsx";
import { PortalIcon } from "../../ui/portal-icons.tsx";
import type { Route } from "./+types/feedback.ts";
import stylesHref from "./feedback.css?url";

export const handle = { portal: true, hydrate: false };
export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export async function loader({ context, request }: Route.LoaderArgs) {
  const { state, account } = await requireParticipant(context, request);
  const open = await openChecks(state.services.db, account);
  const done = new URL(request.url).searchParams.get("klart");
  return {
    done: done === "tack" || done === "hoppat" || done === "redan" ? done : null,
    open: open.map((c) =>
      c.context === "kapitel"
        ? { context: c.context, key: c.key, chapter: c.title, startsAt: null, who: null }
        : c.context === "mote"
          ? {
              context: c.context,
              key: c.key,
              chapter: null,
              startsAt: c.startsAt.toISOString(),
              who: c.title,
            }
          : { context: c.context, key: c.key, chapter: null, startsAt: null, who: null },
    ),
  };
}

export default function Feedback({ loaderData }: Route.ComponentProps) {
  const { t, longDate } = usePortal();
  const { open, done } = loaderData;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("portal.feedback.title")} – ${t("portal.name")}`}</title>
      <Tx as="h1" k="portal.feedback.title" />
      {done ? (
        <div className="portal-notice" role="status">
          <Tx
            as="p"
            k={
              done === "tack"
                ? "portal.feedback.thanks"
                : done === "hoppat"
                  ? "portal.feedback.skipped"
                  : "portal.feedback.already"
            }
          />
        </div>
      ) : null}
      <Tx as="p" k="portal.feedback.intro" className="portal-lead" />
      <Tx as="p" k="portal.feedback.anonymous" />
      <section aria-labelledby="att-svara">
        <Tx as="h2" k="portal.feedback.openTitle" id="att-svara" />
        {open.length === 0 ? <Tx as="p" k="portal.feedback.none" className="portal-card" /> : null}
        <ul className="feedback__list">
          {open.map((c) => (
            <li key={`${c.context}/${c.key}`} className="portal-card">
              <a href={`/portal/tyck-till/${c.context}/${c.key}`} className="feedback__link">
                <PortalIcon name="chat" />
                {c.context === "kapitel" && c.chapter ? (
                  <span>
                    {t("portal.feedback.aboutChapter")}{" "}
                    <Written
                      texts={c.chapter as Partial<Record<PortalLocale, string>> & { sv: string }}
                    />
                  </span>
                ) : c.context === "mote" && c.startsAt ? (
                  <span>
                    {t("portal.feedback.aboutMeeting", {
                      who: c.who,
                      date: longDate(c.startsAt),
                    })}
                  </span>
                ) : (
                  <span>{t("portal.feedback.exit")}</span>
                )}
              </a>
              {c.context === "slut" ? <Tx as="p" k="portal.feedback.exitHint" /> : null}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
