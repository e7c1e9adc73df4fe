// One guide of Stöd: its text in the participant's language, or in Swedish (marked so, with a
// note in their language) when it has none. With "på svenska också" on, the Swedish follows.
// The body is plain text: blank lines make paragraphs and "- " lines a list; nothing is HTML.
import { data } from "react-router";
import { guideBlocks, guideTextFor } from "../../../portal/guide-text.ts";
import { guideForParticipant } from "../../../portal/guides.ts";
import { portalDirection } from "../../../portal/locales.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import { Tx, usePortal } from "../../ui/portal-i18n.tsx";
import type { Route } from "./+types/guide.ts";

export const handle = { portal: true, hydrate: false };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, account } = await requireParticipant(context, request);
  const guide = await guideForParticipant(state.services.db, account, params.guideId);
  if (!guide) return data({ texts: null }, { status: 404 });
  return { texts: guide.texts };
}

function Body({ body }: { body: string }) {
  return (
    <>
      {guideBlocks(body).map((block, i) =>
        block.kind === "ul" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks are a fixed rendering of the text
          <ul key={i}>
            {block.items.map((item, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items are a fixed rendering of the text
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks are a fixed rendering of the text
          <p key={i}>
            {block.lines.map((line, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are a fixed rendering of the text
              <span key={j}>
                {j > 0 ? <br /> : null}
                {line}
              </span>
            ))}
          </p>
        ),
      )}
    </>
  );
}

export default function Guide({ loaderData }: Route.ComponentProps) {
  const { t, locale, swedishToo } = usePortal();
  const { texts } = loaderData;
  const back = (
    <p>
      <a href="/portal/stod">{t("portal.support.backToList")}</a>
    </p>
  );
  if (!texts)
    return (
      <main id="innehall" tabIndex={-1}>
        <title>{`${t("portal.support.notFound")} – ${t("portal.name")}`}</title>
        <Tx as="h1" k="portal.support.notFound" />
        {back}
      </main>
    );
  const shown = guideTextFor(texts, locale);
  const lang = shown.locale;
  const guide = {
    title: shown.text.title,
    body: shown.text.body,
    onlySwedish: shown.onlySwedish,
    swedish: shown.locale === "sv" ? null : texts.sv,
  };
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${guide.title} – ${t("portal.name")}`}</title>
      {back}
      {guide.onlySwedish ? (
        <p className="portal-support__note">{t("portal.support.onlySwedish")}</p>
      ) : null}
      <article lang={lang} dir={portalDirection(lang)} className="portal-guide">
        <h1>{guide.title}</h1>
        <Body body={guide.body} />
      </article>
      {swedishToo && guide.swedish ? (
        <section aria-labelledby="pa-svenska" className="portal-card portal-guide__swedish">
          <h2 id="pa-svenska">{t("portal.support.inSwedish")}</h2>
          <div lang="sv" dir="ltr">
            <p>
              <strong>{guide.swedish.title}</strong>
            </p>
            <Body body={guide.swedish.body} />
          </div>
        </section>
      ) : null}
      <Tx as="p" k="portal.support.askCoach" />
      {back}
    </main>
  );
}
