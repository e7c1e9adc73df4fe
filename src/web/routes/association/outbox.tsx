// Mail sent on the association's behalf; without SMTP configured this is where mail stays.
import { listOutbox } from "../../../mail/list-outbox.ts";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import { requireAssociation } from "../../guard.server.ts";
import { useT } from "../../ui/i18n.tsx";
import type { Route } from "./+types/outbox.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "outbox.view",
  );
  const mails = await listOutbox(state.services.db, association.id);
  return {
    smtp: !!state.services.config.smtpUrl,
    mails: mails.map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      text: m.textBody,
      status: m.status,
      at: formatDateTime(m.createdAt),
    })),
  };
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("nav.outbox")} – Samspår`}</title>
      <h1>{t("nav.outbox")}</h1>
      <p>{loaderData.smtp ? t("outbox.smtp") : t("outbox.noSmtp")}</p>
      {loaderData.mails.length === 0 ? <p>{t("outbox.empty")}</p> : null}
      {loaderData.mails.map((m) => (
        <article key={m.id} className="mail" aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`}>{m.subject}</h2>
          <dl className="summary">
            <dt>{t("outbox.to")}</dt>
            <dd>{m.to}</dd>
            <dt>{t("audit.when")}</dt>
            <dd>{m.at}</dd>
            <dt>{t("people.status")}</dt>
            <dd>{t(`outbox.status.${m.status}`)}</dd>
          </dl>
          <pre className="mail__body">{m.text}</pre>
        </article>
      ))}
    </main>
  );
}
