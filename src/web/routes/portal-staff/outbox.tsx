// The portal's outbox for an initiative's participant officer (issue 9): the messages to the
// initiative's participants (codes, bookings, reminders), newest first, with the address in
// clear — a read of personal data, logged per participant shown. E-mail goes out over SMTP when
// it is configured; SMS have no gateway, so the officer sends them by hand and marks them sent.
import { desc, eq } from "drizzle-orm";
import { data, Link, useSearchParams } from "react-router";
import { ConflictError, NotFoundError } from "../../../platform/errors.ts";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { PORTAL_CONTACT_FIELD } from "../../../portal/account-admin.ts";
import { markPortalMessageSent } from "../../../portal/outbox-delivery.ts";
import { portalMessages } from "../../../portal/schema.ts";
import { logAccess } from "../../../register/access-log.ts";
import { registerCryptoFor } from "../../../register/key.server.ts";
import { inRegister } from "../../../register/zone.ts";
import { redirectWithNotice, text } from "../../guard.server.ts";
import { ErrorSummary, Form, type FormFailure, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type { Route } from "./+types/outbox.ts";
import { requirePortalStaff } from "./portal-staff.server.ts";

const LIMIT = 300;

async function outboxPage(
  context: Route.LoaderArgs["context"],
  request: Request,
  params: { association?: string; initiativeId?: string },
) {
  const { state, association, initiative, staff, db } = await requirePortalStaff(
    context,
    request,
    params,
  );
  return {
    state,
    association,
    initiative,
    staff,
    db,
    scope: { controllers: staff.access.scope.controllers, initiatives: [initiative.id] },
  };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const page = await outboxPage(context, request, params);
  const { db, staff, initiative, scope } = page;
  const crypto = registerCryptoFor(page.state.services.config);
  const messages = await inRegister(db, scope, async (tx) => {
    const rows = await tx
      .select()
      .from(portalMessages)
      .where(eq(portalMessages.initiativeId, initiative.id))
      .orderBy(desc(portalMessages.createdAt))
      .limit(LIMIT);
    // one entry per participant whose address is shown
    const seen = new Map<string, string>();
    for (const r of rows) seen.set(r.participantId, r.dataControllerId);
    await logAccess(
      tx,
      staff.access.actor,
      [...seen].map(([participantId, dataControllerId]) => ({
        associationId: page.association.id,
        dataControllerId,
        participantId,
        action: "read" as const,
        fields: [PORTAL_CONTACT_FIELD],
      })),
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: formatDateTime(r.createdAt),
      channel: r.channel,
      kind: r.kind,
      to: crypto.decrypt(r.toCiphertext),
      subject: r.subject,
      body: r.body,
      status: r.status,
      sentAt: r.sentAt ? formatDateTime(r.sentAt) : null,
    }));
  });
  return {
    slug: page.association.slug,
    initiative: { id: initiative.id, name: initiative.name },
    messages,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const page = await outboxPage(context, request, params);
  const form = await request.formData();
  const messageId = text(form, "messageId");
  const here = `/${page.association.slug}/insatser/${page.initiative.id}/portal/utkorg`;
  try {
    await markPortalMessageSent(page.db, page.scope, page.staff.audit, {
      associationId: page.association.id,
      initiativeId: page.initiative.id,
      messageId,
    });
  } catch (error) {
    if (error instanceof ConflictError || error instanceof NotFoundError)
      return data<FormFailure>(
        { errors: { form: error.message }, values: { messageId } },
        { status: error instanceof ConflictError ? 409 : 404 },
      );
    throw error;
  }
  return redirectWithNotice(here, "skickad");
}

const CHANNEL_KEYS = {
  epost: "portalStaff.outbox.channel.epost",
  sms: "portalStaff.outbox.channel.sms",
} as const satisfies Record<string, MessageKey>;
const KIND_KEYS = {
  kod: "portalStaff.outbox.kind.kod",
  bokning: "portalStaff.outbox.kind.bokning",
  paminnelse: "portalStaff.outbox.kind.paminnelse",
  avbokning: "portalStaff.outbox.kind.avbokning",
} as const satisfies Record<string, MessageKey>;

export default function PortalOutbox({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const [params] = useSearchParams();
  const title = t("portalStaff.outbox.title", { name: d.initiative.name });
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/insatser/${d.initiative.id}/portal`}>
          {t("portalStaff.outbox.back")}
        </Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("portalStaff.outbox.intro")}</p>
      {params.get("klart") === "skickad" && !failure ? (
        <p className="notice" role="status">
          {t("portalStaff.outbox.notice.sent")}
        </p>
      ) : null}
      <ErrorSummary errors={failure?.errors} />
      {d.messages.length === 0 ? (
        <p>{t("portalStaff.outbox.empty")}</p>
      ) : (
        <TableWrap label={t("portalStaff.outbox.messages")}>
          <table>
            <caption className="visually-hidden">{t("portalStaff.outbox.messages")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("portalStaff.outbox.col.created")}</th>
                <th scope="col">{t("portalStaff.outbox.col.channel")}</th>
                <th scope="col">{t("portalStaff.outbox.col.to")}</th>
                <th scope="col">{t("portalStaff.outbox.col.message")}</th>
                <th scope="col">{t("portalStaff.outbox.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {d.messages.map((m) => (
                <tr key={m.id}>
                  <td>{m.createdAt}</td>
                  <td>
                    {t(CHANNEL_KEYS[m.channel])}
                    <br />
                    <span className="field__hint">{t(KIND_KEYS[m.kind])}</span>
                  </td>
                  <td dir="ltr">{m.to}</td>
                  <td>
                    <strong>{m.subject}</strong>
                    <p style={{ whiteSpace: "pre-line" }}>{m.body}</p>
                  </td>
                  <td>
                    {m.status === "skickad"
                      ? t("portalStaff.outbox.status.skickad", { date: m.sentAt ?? "" })
                      : m.status === "misslyckad"
                        ? t("portalStaff.outbox.status.misslyckad")
                        : t("portalStaff.outbox.status.utkorg")}
                    {m.status !== "skickad" && m.channel === "sms" ? (
                      <Form method="post">
                        <input type="hidden" name="messageId" value={m.id} />
                        <button
                          type="submit"
                          className="button button--secondary"
                          aria-label={t("portalStaff.outbox.markSentLabel", { to: m.to })}
                        >
                          {t("portalStaff.outbox.markSent")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </main>
  );
}
