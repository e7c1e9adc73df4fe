// Kurser (/portal/kurser): a large "Fortsätt där du var" link to the page the participant read
// last in a chapter they have not finished, their courses with how far they have come ("2 av 4
// kapitel klara"), and the courses they have not started yet.
import { continueTarget, coursesForParticipant } from "../../../courses/reading.ts";
import type { PortalLocale } from "../../../portal/locales.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import { ContinueLink, continueView, titleIn } from "../../ui/course-continue.tsx";
import { Tx, usePortal, Written } from "../../ui/portal-i18n.tsx";
import { PortalIcon } from "../../ui/portal-icons.tsx";
import type { Route } from "./+types/courses.ts";

export const handle = { portal: true, hydrate: false };

export async function loader({ context, request }: Route.LoaderArgs) {
  const { state, account, language } = await requireParticipant(context, request);
  const db = state.services.db;
  const [list, target] = await Promise.all([
    coursesForParticipant(db, account),
    continueTarget(db, account),
  ]);
  const view = list.map((c) => ({
    id: c.id,
    title: { ...pickField(c.texts, "title"), sv: c.texts.sv?.title ?? "" },
    summary: { ...pickField(c.texts, "summary"), sv: c.texts.sv?.summary ?? "" },
    done: c.done,
    total: c.total,
    started: c.started,
    label: titleIn(c.texts, language.locale).text,
  }));
  return {
    continueTo: target ? continueView(target, language.locale) : null,
    started: view.filter((c) => c.started),
    notStarted: view.filter((c) => !c.started),
  };
}

function pickField<K extends "title" | "summary">(
  texts: Partial<Record<PortalLocale, { title: string; summary: string }>>,
  field: K,
): Partial<Record<PortalLocale, string>> {
  const out: Partial<Record<PortalLocale, string>> = {};
  for (const [locale, text] of Object.entries(texts) as [
    PortalLocale,
    { title: string; summary: string },
  ][])
    out[locale] = text[field];
  return out;
}

export default function Courses({ loaderData }: Route.ComponentProps) {
  const { t } = usePortal();
  const { continueTo, started, notStarted } = loaderData;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("portal.courses.title")} – ${t("portal.name")}`}</title>
      <Tx as="h1" k="portal.courses.title" />
      <Tx as="p" k="portal.courses.intro" className="portal-lead" />
      {continueTo ? (
        <p>
          <ContinueLink view={continueTo} />
        </p>
      ) : null}
      {started.length === 0 && notStarted.length === 0 ? (
        <Tx as="p" k="portal.courses.none" />
      ) : null}
      {started.length > 0 ? (
        <section aria-labelledby="mina-kurser">
          <Tx as="h2" k="portal.courses.mine" id="mina-kurser" />
          <ul className="course-list">
            {started.map((c) => (
              <li key={c.id} className="portal-card course-card">
                <Written as="h3" texts={c.title} />
                <p className="course-progress">
                  {c.done === c.total ? <PortalIcon name="check" /> : <PortalIcon name="half" />}
                  <span>{t("portal.courses.progress", { done: c.done, total: c.total })}</span>
                </p>
                <a
                  href={`/portal/kurser/${c.id}`}
                  className="portal-button portal-button--secondary"
                >
                  {t("portal.courses.open")}
                  <span className="visually-hidden">: {c.label}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {notStarted.length > 0 ? (
        <section aria-labelledby="inte-borjat">
          <Tx as="h2" k="portal.courses.notStarted" id="inte-borjat" />
          <ul className="course-list">
            {notStarted.map((c) => (
              <li key={c.id} className="portal-card course-card">
                <Written as="h3" texts={c.title} />
                {c.summary.sv ? <Written as="p" texts={c.summary} /> : null}
                <a href={`/portal/kurser/${c.id}`} className="portal-button">
                  {t("portal.courses.start")}
                  <span className="visually-hidden">: {c.label}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
