// The participant's settings (issue 9): their language (saved on the account), "visa på svenska
// också", and how they want reminders — with the e-mail address or mobile number for it. The
// language forms post to /portal/sprak; the contact form is this page's own. A refused form
// keeps what was typed and says, in the participant's language, what to fix.
import { and, eq, isNull } from "drizzle-orm";
import { data, redirect, useActionData, useSearchParams } from "react-router";
import { ConflictError } from "../../../platform/errors.ts";
import {
  type ContactProblem,
  openContact,
  PortalContactInvalid,
  REMINDER_CHANNELS,
  setPortalContact,
} from "../../../portal/account-admin.ts";
import { participantActor } from "../../../portal/accounts.ts";
import { PORTAL_LANGUAGE_NAMES, PORTAL_LOCALES } from "../../../portal/locales.ts";
import type { PortalKey } from "../../../portal/messages/index.ts";
import { portalAccounts } from "../../../portal/schema.ts";
import { registerCryptoFor } from "../../../register/key.server.ts";
import { inRegister } from "../../../register/zone.ts";
import { actorOf, text } from "../../guard.server.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import { CsrfField } from "../../ui/form.tsx";
import { Tx, usePortal } from "../../ui/portal-i18n.tsx";
import type { Route } from "./+types/settings.ts";

export const handle = { portal: true, hydrate: false };

export async function loader({ context, request }: Route.LoaderArgs) {
  const { state, account, scope, language } = await requireParticipant(context, request);
  const crypto = registerCryptoFor(state.services.config);
  // the participant reads their own details: not an entry of the access log (nobody else read)
  const row = await inRegister(state.services.db, scope, async (tx) => {
    const [found] = await tx
      .select({
        emailCiphertext: portalAccounts.emailCiphertext,
        phoneCiphertext: portalAccounts.phoneCiphertext,
        reminders: portalAccounts.reminders,
        version: portalAccounts.version,
      })
      .from(portalAccounts)
      .where(
        and(
          eq(portalAccounts.userId, account.userId),
          eq(portalAccounts.participantId, account.participantId),
          isNull(portalAccounts.closedAt),
        ),
      );
    return found;
  });
  if (!row) throw redirect("/portal/logga-in?saknas=1");
  const contact = openContact(crypto, row);
  return {
    locale: language.locale,
    swedishToo: language.swedishToo,
    email: contact.email ?? "",
    phone: contact.phone ?? "",
    reminders: row.reminders,
    version: row.version,
  };
}

const PROBLEM_KEYS: Record<ContactProblem, PortalKey> = {
  emailFormat: "portal.settings.error.emailFormat",
  phoneFormat: "portal.settings.error.phoneFormat",
  remindersChoice: "portal.settings.error.remindersChoice",
  remindersNeedEmail: "portal.settings.error.remindersNeedEmail",
  remindersNeedPhone: "portal.settings.error.remindersNeedPhone",
};

export async function action({ context, request }: Route.ActionArgs) {
  const { state, account, scope } = await requireParticipant(context, request);
  const form = await request.formData();
  const values = {
    email: text(form, "email").slice(0, 300),
    phone: text(form, "phone").slice(0, 40),
    reminders: text(form, "reminders"),
  };
  const version = Number(text(form, "version"));
  try {
    await setPortalContact(
      state.services.db,
      registerCryptoFor(state.services.config),
      {
        scope,
        actor: participantActor(account, state.requestId),
        audit: actorOf(state),
        associationId: account.associationId,
      },
      {
        ...values,
        participantId: account.participantId,
        ...(Number.isInteger(version) && version > 0 ? { version } : {}),
      },
    );
  } catch (error) {
    // the keys, not the texts: the page says them in the language it is drawn in
    if (error instanceof PortalContactInvalid) {
      const problems: Record<string, PortalKey> = {};
      for (const [field, problem] of Object.entries(error.problems))
        if (problem) problems[field] = PROBLEM_KEYS[problem];
      return data({ problems, values }, { status: 400 });
    }
    if (error instanceof ConflictError)
      return data(
        { problems: { form: "portal.settings.error.conflict" as PortalKey }, values },
        { status: 409 },
      );
    throw error;
  }
  return redirect("/portal/installningar?sparat=1");
}

const REMINDER_KEYS: Record<(typeof REMINDER_CHANNELS)[number], PortalKey> = {
  epost: "portal.settings.reminders.epost",
  sms: "portal.settings.reminders.sms",
  ingen: "portal.settings.reminders.ingen",
};

export default function PortalSettings({ loaderData: d }: Route.ComponentProps) {
  const { t } = usePortal();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: Record<string, string> = {};
  for (const [field, key] of Object.entries(failure?.problems ?? {})) errors[field] = t(key);
  const value = (name: "email" | "phone" | "reminders", fallback: string) =>
    failure?.values?.[name] ?? fallback;
  const reminders = value("reminders", d.reminders);
  const fieldOrder = ["form", "email", "phone", "reminders"].filter((f) => errors[f]);
  const anchor = (field: string) => (field === "reminders" ? "reminders-epost" : field);
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${fieldOrder.length ? `${t("portal.settings.errorTitle")}: ` : ""}${t("portal.settings.title")} – ${t("portal.name")}`}</title>
      <Tx as="h1" k="portal.settings.title" />
      {params.get("sparat") && !failure ? (
        <div className="portal-notice" role="status">
          <Tx as="p" k="portal.settings.saved" />
        </div>
      ) : null}
      {fieldOrder.length ? (
        <div className="portal-error" role="alert" aria-labelledby="fel-rubrik">
          <h2 id="fel-rubrik">{t("portal.settings.errorTitle")}</h2>
          <ul>
            {fieldOrder.map((field) => (
              <li key={field}>
                {field === "form" ? (
                  errors[field]
                ) : (
                  <a href={`#${anchor(field)}`}>{errors[field]}</a>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <section aria-labelledby="sprak-rubrik" className="portal-card">
        <Tx as="h2" k="portal.settings.languageHeading" id="sprak-rubrik" />
        <Tx as="p" k="portal.settings.languageIntro" />
        <form method="post" action="/portal/sprak" className="portal-stack">
          <CsrfField />
          <input type="hidden" name="till" value="/portal/installningar?sparat=1" />
          <label htmlFor="installning-sprak">{t("portal.settings.language")}</label>
          <select id="installning-sprak" name="sprak" defaultValue={d.locale}>
            {PORTAL_LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {PORTAL_LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
          <button type="submit" className="portal-button">
            {t("portal.settings.saveLanguage")}
          </button>
        </form>
      </section>

      {d.locale !== "sv" ? (
        <section aria-labelledby="svenska-rubrik" className="portal-card">
          <Tx as="h2" k="portal.settings.swedishTooHeading" id="svenska-rubrik" />
          <form method="post" action="/portal/sprak" className="portal-stack">
            <CsrfField />
            <input type="hidden" name="till" value="/portal/installningar?sparat=1" />
            <fieldset className="portal-choices">
              <legend>{t("portal.settings.swedishTooText")}</legend>
              <label className="portal-choice">
                <input type="radio" name="svenska" value="1" defaultChecked={d.swedishToo} />
                <span>{t("portal.settings.swedishTooYes")}</span>
              </label>
              <label className="portal-choice">
                <input type="radio" name="svenska" value="0" defaultChecked={!d.swedishToo} />
                <span>{t("portal.settings.swedishTooNo")}</span>
              </label>
            </fieldset>
            <button type="submit" className="portal-button">
              {t("portal.settings.saveSwedishToo")}
            </button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="kontakt-rubrik" className="portal-card">
        <Tx as="h2" k="portal.settings.contactHeading" id="kontakt-rubrik" />
        <Tx as="p" k="portal.settings.contactIntro" />
        <form method="post" className="portal-stack" noValidate>
          <CsrfField />
          <input type="hidden" name="version" value={d.version} />
          <div className={errors.email ? "portal-field portal-field--error" : "portal-field"}>
            <label htmlFor="email">{t("portal.settings.email")}</label>
            <p id="email-tips" className="portal-hint">
              {t("portal.settings.emailHint")}
            </p>
            {errors.email ? (
              <p id="email-fel" className="portal-field__error">
                {errors.email}
              </p>
            ) : null}
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="email"
              dir="ltr"
              defaultValue={value("email", d.email)}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? "email-tips email-fel" : "email-tips"}
            />
          </div>
          <div className={errors.phone ? "portal-field portal-field--error" : "portal-field"}>
            <label htmlFor="phone">{t("portal.settings.phone")}</label>
            <p id="phone-tips" className="portal-hint">
              {t("portal.settings.phoneHint")}
            </p>
            {errors.phone ? (
              <p id="phone-fel" className="portal-field__error">
                {errors.phone}
              </p>
            ) : null}
            <input
              id="phone"
              name="phone"
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              dir="ltr"
              defaultValue={value("phone", d.phone)}
              aria-invalid={errors.phone ? true : undefined}
              aria-describedby={errors.phone ? "phone-tips phone-fel" : "phone-tips"}
            />
          </div>
          <fieldset
            className={errors.reminders ? "portal-choices portal-field--error" : "portal-choices"}
            aria-describedby={errors.reminders ? "reminders-fel" : undefined}
          >
            <legend>{t("portal.settings.reminders")}</legend>
            {errors.reminders ? (
              <p id="reminders-fel" className="portal-field__error">
                {errors.reminders}
              </p>
            ) : null}
            {REMINDER_CHANNELS.map((channel) => (
              <label key={channel} className="portal-choice">
                <input
                  type="radio"
                  id={`reminders-${channel}`}
                  name="reminders"
                  value={channel}
                  defaultChecked={reminders === channel}
                />
                <span>{t(REMINDER_KEYS[channel])}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="portal-button">
            {t("portal.settings.saveContact")}
          </button>
        </form>
      </section>
    </main>
  );
}
