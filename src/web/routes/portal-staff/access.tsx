// Portal access for an initiative's participant officer (issue 9): the initiative's ongoing
// enrollments as the register lists them (identity masked, the listing logged), each with its
// portal status and last sign-in; give access, make a one-time code (shown once and printable, or
// put in the portal's outbox as e-mail or SMS), keep the contact details, close the account.
// Every form posts an `intent` and works without JavaScript.
import { data, Link, useActionData, useSearchParams } from "react-router";
import { ForbiddenError } from "../../../access/policy.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../../platform/errors.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import { createTranslator, type MessageKey } from "../../../platform/i18n/translate.ts";
import { UUID } from "../../../platform/uuid.ts";
import {
  type ContactProblem,
  closePortalAccount,
  givePortalAccess,
  listPortalAccess,
  PortalContactInvalid,
  REMINDER_CHANNELS,
  setPortalContact,
  staffContactEditor,
} from "../../../portal/account-admin.ts";
import { assertDelivery, CODE_DELIVERIES, createSignInCode } from "../../../portal/codes.ts";
import { isPortalLocale, PORTAL_LANGUAGE_NAMES, portalDirection } from "../../../portal/locales.ts";
import { createPortalTranslator, portalLongDate } from "../../../portal/translate.ts";
import { registerCryptoFor } from "../../../register/key.server.ts";
import { listEnrollments } from "../../../register/participants.ts";
import { redirectWithNotice, text } from "../../guard.server.ts";
import { ErrorSummary, Form, type FormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import { identityText } from "../register/register-ui.tsx";
import type { Route } from "./+types/access.ts";
import { requirePortalStaff } from "./portal-staff.server.ts";

async function portalPage(
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
    crypto: registerCryptoFor(state.services.config),
    signInUrl: `${state.services.config.baseUrl}/portal/logga-in`,
  };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const page = await portalPage(context, request, params);
  const { staff, initiative, db, crypto } = page;
  const enrollments = (
    await listEnrollments(
      db,
      crypto,
      staff.access.actor,
      { controllers: staff.access.scope.controllers, initiatives: [initiative.id] },
      initiative.id,
      { status: "open" },
    )
  ).filter((e) => !e.voided);
  const portal = await listPortalAccess(
    db,
    crypto,
    staff,
    initiative.id,
    enrollments.map((e) => e.participant.id),
  );
  return {
    slug: page.association.slug,
    initiative: { id: initiative.id, name: initiative.name },
    signInUrl: page.signInUrl,
    rows: enrollments.map((e) => {
      const p = portal.get(e.participant.id);
      return {
        enrollmentId: e.id,
        participantId: e.participant.id,
        identity: e.participant.identity,
        identityState: e.participant.identityState,
        canHaveAccount: e.participant.identityState === "lagrad",
        startDate: formatDate(e.startDate),
        status: p?.status ?? "none",
        elsewhere: p?.elsewhere ?? false,
        lastSignIn: p?.lastSignInAt ? formatDate(p.lastSignInAt) : null,
        email: p?.email ?? "",
        phone: p?.phone ?? "",
        reminders: p?.reminders ?? "ingen",
        locale: p?.locale ?? "sv",
        version: p?.version ?? 0,
      };
    }),
  };
}

const CONTACT_KEYS: Record<ContactProblem, MessageKey> = {
  emailFormat: "portalStaff.access.error.emailFormat",
  phoneFormat: "portalStaff.access.error.phoneFormat",
  remindersChoice: "portalStaff.access.error.remindersChoice",
  remindersNeedEmail: "portalStaff.access.error.remindersNeedEmail",
  remindersNeedPhone: "portalStaff.access.error.remindersNeedPhone",
};

/** The printable instructions in the participant's language (and in Swedish below). */
function printLines(
  locale: string,
  code: string,
  expiresAt: Date,
  url: string,
): { lang: string; dir: "rtl" | "ltr"; title: string; steps: string[] } {
  const l = isPortalLocale(locale) ? locale : "sv";
  const t = createPortalTranslator(l);
  const date = portalLongDate(l, expiresAt);
  return {
    lang: l,
    dir: portalDirection(l),
    title: t("portal.signIn.print.title"),
    steps: [
      t("portal.signIn.print.step1", { url }),
      t("portal.signIn.print.step2", { code }),
      t("portal.signIn.print.step3", { date }),
      t("portal.signIn.print.step4"),
    ],
  };
}

interface CreatedCode {
  participantId: string;
  participant: string;
  code: string;
  delivery: "visa" | "epost" | "sms";
  validUntil: string;
  print: ReturnType<typeof printLines>[];
  languageName: string;
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const page = await portalPage(context, request, params);
  const { staff, initiative, db, crypto, state } = page;
  const t = createTranslator(state.locale);
  const form = await request.formData();
  const intent = text(form, "intent");
  const participantId = text(form, "participantId");
  const values: Record<string, string> = {
    intent,
    participantId,
    email: text(form, "email"),
    phone: text(form, "phone"),
    reminders: text(form, "reminders"),
    delivery: text(form, "delivery"),
  };
  const here = `/${page.association.slug}/insatser/${initiative.id}/portal`;
  const refuse = (errors: Record<string, string>, status = 400) =>
    data<FormFailure>({ errors, values }, { status });
  if (!UUID.test(participantId)) return refuse({ form: t("portalStaff.access.error.participant") });
  const input = { initiativeId: initiative.id, participantId };
  try {
    if (intent === "ge") {
      const given = await givePortalAccess(db, staff, input);
      return redirectWithNotice(here, given.outcome === "unchanged" ? "oforandrad" : "tillgang");
    }
    if (intent === "stang") {
      await closePortalAccount(db, staff, input);
      return redirectWithNotice(here, "stangd");
    }
    if (intent === "kontakt") {
      const version = Number(text(form, "version"));
      await setPortalContact(db, crypto, staffContactEditor(staff, initiative.id), {
        ...input,
        email: values.email ?? "",
        phone: values.phone ?? "",
        reminders: values.reminders ?? "",
        ...(Number.isInteger(version) && version > 0 ? { version } : {}),
      });
      return redirectWithNotice(here, "kontakt");
    }
    if (intent === "kod") {
      const delivery = assertDelivery(values.delivery ?? "");
      const created = await createSignInCode(db, crypto, staff, {
        ...input,
        delivery,
        signInUrl: page.signInUrl,
      });
      const locale = text(form, "locale");
      const validUntil = formatDate(created.expiresAt);
      const own = printLines(locale, created.code, created.expiresAt, page.signInUrl);
      const result: CreatedCode = {
        participantId,
        participant: text(form, "participant"),
        code: created.code,
        delivery,
        validUntil,
        print:
          own.lang === "sv"
            ? [own]
            : [own, printLines("sv", created.code, created.expiresAt, page.signInUrl)],
        languageName: isPortalLocale(locale) ? PORTAL_LANGUAGE_NAMES[locale] : "Svenska",
      };
      return { created: result };
    }
    return refuse({ form: t("portalStaff.access.error.participant") });
  } catch (error) {
    if (error instanceof PortalContactInvalid) {
      const errors: Record<string, string> = {};
      for (const [field, problem] of Object.entries(error.problems))
        if (problem) errors[`${field}-${participantId}`] = t(CONTACT_KEYS[problem]);
      return refuse(errors);
    }
    if (error instanceof ValidationError) {
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(error.fields))
        errors[field === "delivery" ? `delivery-${participantId}` : "form"] = message;
      return refuse(errors);
    }
    if (error instanceof ConflictError || error instanceof NotFoundError)
      return refuse({ form: error.message }, error instanceof ConflictError ? 409 : 404);
    if (error instanceof ForbiddenError) throw data({ message: error.message }, { status: 403 });
    throw error;
  }
}

const NOTICES: Record<string, MessageKey> = {
  tillgang: "portalStaff.access.notice.given",
  oforandrad: "portalStaff.access.notice.unchanged",
  stangd: "portalStaff.access.notice.closed",
  kontakt: "portalStaff.access.notice.contact",
};

const STATUS_KEYS = {
  none: "portalStaff.access.status.none",
  open: "portalStaff.access.status.open",
  closed: "portalStaff.access.status.closed",
} as const satisfies Record<string, MessageKey>;

export default function PortalAccess({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const answer = useActionData<typeof action>();
  const failure = answer && "errors" in answer ? (answer as FormFailure) : undefined;
  const created = answer && "created" in answer ? answer.created : undefined;
  const [params] = useSearchParams();
  const notice = params.get("klart");
  const noticeKey = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined;
  const errors = failure?.errors ?? {};
  const failedFor = failure?.values?.participantId ?? "";
  const title = t("portalStaff.access.title", { name: d.initiative.name });
  const typed = (participantId: string, name: string, fallback: string) =>
    failedFor === participantId ? (failure?.values?.[name] ?? fallback) : fallback;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p className="no-print">
        <Link to={`/${d.slug}/insatser/${d.initiative.id}`}>{t("portalStaff.access.back")}</Link>
      </p>
      <h1 className="no-print">{title}</h1>
      <p className="lead no-print">{t("portalStaff.access.intro", { url: d.signInUrl })}</p>
      <p className="no-print">
        <Link to={`/${d.slug}/insatser/${d.initiative.id}/portal/utkorg`}>
          {t("portalStaff.access.outboxLink")}
        </Link>
      </p>
      {noticeKey && !failure && !created ? (
        <p className="notice no-print" role="status">
          {t(noticeKey)}
        </p>
      ) : null}
      <div className="no-print">
        <ErrorSummary errors={failure?.errors} />
      </div>

      {created ? (
        <section aria-labelledby="ny-kod">
          <h2 id="ny-kod" className="no-print">
            {t("portalStaff.access.codeCreated", { participant: created.participant })}
          </h2>
          <p className="notice no-print" role="status">
            {created.delivery === "visa"
              ? t("portalStaff.access.codeOnce")
              : t(
                  created.delivery === "epost"
                    ? "portalStaff.access.codeSent.epost"
                    : "portalStaff.access.codeSent.sms",
                )}
          </p>
          {created.delivery === "visa" ? (
            <div className="portal-code-print">
              {created.print.map((p) => (
                <div key={p.lang} lang={p.lang} dir={p.dir}>
                  {p.lang === "sv" && created.print.length > 1 ? (
                    <p className="field__hint">{t("portalStaff.access.printSwedish")}</p>
                  ) : null}
                  <h3>{p.title}</h3>
                  {p === created.print[0] ? (
                    <p className="portal-code-print__code" dir="ltr" lang="sv">
                      {created.code}
                    </p>
                  ) : null}
                  <ol>
                    {p.steps.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ol>
                </div>
              ))}
            </div>
          ) : null}
          <p className="no-print">
            {t("portalStaff.access.validUntil", { date: created.validUntil })}
          </p>
        </section>
      ) : null}

      <section aria-labelledby="deltagare-rubrik" className="no-print">
        <h2 id="deltagare-rubrik">{t("portalStaff.access.participants")}</h2>
        {d.rows.length === 0 ? (
          <p>{t("portalStaff.access.none")}</p>
        ) : (
          <TableWrap label={t("portalStaff.access.participants")}>
            <table>
              <caption className="visually-hidden">{t("portalStaff.access.participants")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("portalStaff.access.col.participant")}</th>
                  <th scope="col">{t("portalStaff.access.col.start")}</th>
                  <th scope="col">{t("portalStaff.access.col.status")}</th>
                  <th scope="col">{t("portalStaff.access.col.lastSignIn")}</th>
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={r.enrollmentId}>
                    <th scope="row">
                      <Link to={`/${d.slug}/deltagare/${r.enrollmentId}`}>
                        {identityText(t, r)}
                      </Link>
                    </th>
                    <td>{r.startDate}</td>
                    <td>
                      {!r.canHaveAccount && r.status === "none"
                        ? t("portalStaff.access.status.noIdentity")
                        : r.elsewhere
                          ? t("portalStaff.access.status.elsewhere")
                          : t(STATUS_KEYS[r.status])}
                    </td>
                    <td>{r.lastSignIn ?? t("portalStaff.access.never")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {d.rows
          .filter((r) => r.canHaveAccount || r.status !== "none")
          .map((r) => {
            const who = identityText(t, r);
            const open =
              failedFor === r.participantId || created?.participantId === r.participantId;
            return (
              <details key={r.participantId} className="portal-staff-manage" open={open}>
                <summary>{t("portalStaff.access.manage", { participant: who })}</summary>
                {r.status !== "open" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="ge" />
                    <input type="hidden" name="participantId" value={r.participantId} />
                    <button type="submit" className="button button--primary">
                      {r.status === "closed"
                        ? t("portalStaff.access.reopen")
                        : t("portalStaff.access.give")}
                    </button>
                  </Form>
                ) : (
                  <>
                    <h3>{t("portalStaff.access.codeHeading")}</h3>
                    <p>{t("portalStaff.access.codeIntro")}</p>
                    <Form method="post">
                      <input type="hidden" name="intent" value="kod" />
                      <input type="hidden" name="participantId" value={r.participantId} />
                      <input type="hidden" name="participant" value={who} />
                      <input type="hidden" name="locale" value={r.locale} />
                      <fieldset
                        className={
                          errors[`delivery-${r.participantId}`] ? "field field--error" : "field"
                        }
                      >
                        <legend>
                          {t("portalStaff.access.delivery")} (
                          {PORTAL_LANGUAGE_NAMES[isPortalLocale(r.locale) ? r.locale : "sv"]})
                        </legend>
                        {errors[`delivery-${r.participantId}`] ? (
                          <p className="field__error">{errors[`delivery-${r.participantId}`]}</p>
                        ) : null}
                        {CODE_DELIVERIES.map((delivery, i) => (
                          <label key={delivery} className="choice">
                            <input
                              type="radio"
                              name="delivery"
                              value={delivery}
                              id={i === 0 ? `delivery-${r.participantId}` : undefined}
                              defaultChecked={
                                typed(r.participantId, "delivery", "visa") === delivery
                              }
                            />{" "}
                            {t(`portalStaff.access.delivery.${delivery}`)}
                          </label>
                        ))}
                      </fieldset>
                      <button type="submit" className="button button--primary">
                        {t("portalStaff.access.createCode")}
                      </button>
                    </Form>
                    <h3>{t("portalStaff.access.contactHeading")}</h3>
                    {r.elsewhere ? (
                      <p>{t("portalStaff.access.elsewhereContact")}</p>
                    ) : (
                      <ContactForm
                        row={r}
                        errors={errors}
                        typed={(name, fallback) => typed(r.participantId, name, fallback)}
                      />
                    )}
                    {r.elsewhere ? null : (
                      <>
                        <h3>{t("portalStaff.access.closeHeading")}</h3>
                        <p>{t("portalStaff.access.closeIntro")}</p>
                        <Form method="post">
                          <input type="hidden" name="intent" value="stang" />
                          <input type="hidden" name="participantId" value={r.participantId} />
                          <button type="submit" className="button button--danger">
                            {t("portalStaff.access.close")}
                          </button>
                        </Form>
                      </>
                    )}
                  </>
                )}
              </details>
            );
          })}
      </section>
    </main>
  );
}

function ContactForm({
  row,
  errors,
  typed,
}: {
  row: { participantId: string; email: string; phone: string; reminders: string; version: number };
  errors: Record<string, string>;
  typed: (name: string, fallback: string) => string;
}) {
  const { t } = useI18n();
  const id = (name: string) => `${name}-${row.participantId}`;
  const field = (name: "email" | "phone", label: MessageKey, hint?: MessageKey) => {
    const error = errors[id(name)];
    return (
      <div className={error ? "field field--error" : "field"}>
        <label htmlFor={id(name)}>{t(label)}</label>
        {hint ? (
          <p className="field__hint" id={`${id(name)}-hint`}>
            {t(hint)}
          </p>
        ) : null}
        {error ? (
          <p className="field__error" id={`${id(name)}-error`}>
            {error}
          </p>
        ) : null}
        <input
          id={id(name)}
          name={name}
          type={name === "email" ? "email" : "tel"}
          className="input"
          autoComplete="off"
          defaultValue={typed(name, row[name])}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [hint ? `${id(name)}-hint` : "", error ? `${id(name)}-error` : ""]
              .filter(Boolean)
              .join(" ") || undefined
          }
        />
      </div>
    );
  };
  const remindersError = errors[id("reminders")];
  const chosen = typed("reminders", row.reminders);
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="kontakt" />
      <input type="hidden" name="participantId" value={row.participantId} />
      <input type="hidden" name="version" value={row.version} />
      {field("email", "portalStaff.access.email")}
      {field("phone", "portalStaff.access.phone", "portalStaff.access.phoneHint")}
      <fieldset className={remindersError ? "field field--error" : "field"}>
        <legend>{t("portalStaff.access.reminders")}</legend>
        {remindersError ? <p className="field__error">{remindersError}</p> : null}
        {REMINDER_CHANNELS.map((channel, i) => (
          <label key={channel} className="choice">
            <input
              type="radio"
              name="reminders"
              value={channel}
              id={i === 0 ? id("reminders") : undefined}
              defaultChecked={chosen === channel}
            />{" "}
            {t(`portalStaff.access.reminders.${channel}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button button--secondary">
        {t("portalStaff.access.saveContact")}
      </button>
    </Form>
  );
}
