// The portal's sign-in (issue 9): a one-time code from staff in one large field, or e-ID where
// an association has set it up. Outside the signed-in frame, so it draws its own header and
// footer with the same classes; every message is in the participant's language, and a refused
// code is kept in the field. No JavaScript: a plain form.
import { and, asc, eq } from "drizzle-orm";
import { data, redirect, useActionData, useSearchParams } from "react-router";
import { associations } from "../../../associations/schema.ts";
import { readCookie, serializeCookie } from "../../../platform/http/cookies.ts";
import { safeReturnTo } from "../../../platform/http/return-to.ts";
import { type RedeemFailure, redeemSignInCode } from "../../../portal/codes.ts";
import { PORTAL_LANGUAGE_COOKIE } from "../../../portal/locales.ts";
import type { PortalKey } from "../../../portal/messages/index.ts";
import { portalEidSettings } from "../../../portal/schema.ts";
import { SESSION_COOKIE } from "../../../sign-in/sessions.ts";
import { stateOf, text } from "../../guard.server.ts";
import { CsrfField } from "../../ui/form.tsx";
import { Tx, usePortal } from "../../ui/portal-i18n.tsx";
import { PortalIcon } from "../../ui/portal-icons.tsx";
import type { Route } from "./+types/sign-in.ts";
import { PortalLanguageForm } from "./layout.tsx";

export const handle = { portal: true, hydrate: false };

/** Back to where the participant was going, within the portal only. */
function portalReturnTo(value: string | null): string {
  const to = safeReturnTo(value);
  return to === "/portal" || to.startsWith("/portal/") ? to : "/portal";
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const state = stateOf(context);
  const url = new URL(request.url);
  if (state.principal?.kind === "participant" && !url.searchParams.has("saknas"))
    throw redirect(portalReturnTo(url.searchParams.get("till")));
  const eid = await state.services.db
    .select({
      slug: associations.slug,
      name: associations.name,
      label: portalEidSettings.label,
    })
    .from(portalEidSettings)
    .innerJoin(associations, eq(associations.id, portalEidSettings.associationId))
    .where(and(eq(portalEidSettings.enabled, true)))
    .orderBy(asc(associations.name));
  return { eid };
}

export async function action({ context, request }: Route.ActionArgs) {
  const state = stateOf(context);
  const form = await request.formData();
  const typed = text(form, "kod").slice(0, 64);
  const returnTo = portalReturnTo(text(form, "till"));
  const result = await redeemSignInCode(state.services.db, typed, {
    ip: state.ip,
    userAgent: state.userAgent,
    requestId: state.requestId,
  });
  if (result.kind === "signed-in") {
    const headers = new Headers();
    headers.append("Set-Cookie", serializeCookie(SESSION_COOKIE, result.token));
    // the language chosen on this computer wins; otherwise the one saved on the account
    if (!readCookie(request.headers.get("cookie"), PORTAL_LANGUAGE_COOKIE))
      headers.append(
        "Set-Cookie",
        serializeCookie(PORTAL_LANGUAGE_COOKIE, result.account.locale, { maxAge: 31536000 }),
      );
    return redirect(returnTo, { headers });
  }
  return data(
    {
      code: typed,
      reason: result.reason,
      minutes: result.retryAfter ? Math.max(1, Math.ceil(result.retryAfter / 60)) : 0,
    },
    { status: result.reason === "throttled" ? 429 : 400 },
  );
}

const ERROR_KEYS: Record<RedeemFailure, PortalKey> = {
  empty: "portal.signIn.error.empty",
  unknown: "portal.signIn.error.unknown",
  expired: "portal.signIn.error.expired",
  used: "portal.signIn.error.used",
  revoked: "portal.signIn.error.revoked",
  throttled: "portal.signIn.error.throttled",
};

export default function PortalSignIn({ loaderData }: Route.ComponentProps) {
  const { t } = usePortal();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const message = failure ? t(ERROR_KEYS[failure.reason], { minutes: failure.minutes }) : null;
  const returnTo = params.get("till") ?? "/portal";
  const several = loaderData.eid.length > 1;
  return (
    <>
      <a href="#innehall" className="skip-link">
        {t("portal.skip")}
      </a>
      <header className="portal-header">
        <span className="portal-header__name">{t("portal.name")}</span>
      </header>
      <div className="portal-page">
        <main id="innehall" tabIndex={-1}>
          <title>{`${failure ? `${t("portal.signIn.errorTitle")}: ` : ""}${t("portal.signIn.title")} – ${t("portal.name")}`}</title>
          <Tx as="h1" k="portal.signIn.title" />
          {params.get("utgangen") ? (
            <div className="portal-notice" role="status">
              <Tx as="p" k="portal.signIn.sessionEnded" />
            </div>
          ) : null}
          {params.get("utloggad") ? (
            <div className="portal-notice" role="status">
              <Tx as="p" k="portal.signIn.signedOut" />
            </div>
          ) : null}
          {params.get("saknas") ? (
            <div className="portal-error" role="status">
              <Tx as="p" k="portal.signIn.closed" />
            </div>
          ) : null}
          {message ? (
            <div className="portal-error" role="alert" aria-labelledby="kod-fel-rubrik">
              <h2 id="kod-fel-rubrik">{t("portal.signIn.errorTitle")}</h2>
              <ul>
                <li>
                  <a href="#kod">{message}</a>
                </li>
              </ul>
            </div>
          ) : null}
          <Tx as="p" k="portal.signIn.intro" className="portal-lead" />
          <form method="post" className="portal-signin">
            <CsrfField />
            <input type="hidden" name="till" value={portalReturnTo(returnTo)} />
            <div className={message ? "portal-field portal-field--error" : "portal-field"}>
              <label htmlFor="kod">{t("portal.signIn.codeLabel")}</label>
              <p id="kod-tips" className="portal-hint">
                {t("portal.signIn.codeHint")}
              </p>
              {message ? (
                <p id="kod-fel" className="portal-field__error">
                  {message}
                </p>
              ) : null}
              <input
                id="kod"
                name="kod"
                type="text"
                className="portal-code-input"
                autoComplete="one-time-code"
                inputMode="text"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={20}
                defaultValue={failure?.code ?? ""}
                aria-invalid={message ? true : undefined}
                aria-describedby={message ? "kod-tips kod-fel" : "kod-tips"}
                dir="ltr"
              />
            </div>
            <button type="submit" className="portal-button">
              {t("portal.signIn.submit")}
            </button>
          </form>
          {loaderData.eid.length > 0 ? (
            <section aria-labelledby="eid-rubrik" className="portal-card">
              <Tx as="h2" k="portal.signIn.eidHeading" id="eid-rubrik" />
              <Tx as="p" k="portal.signIn.eidIntro" />
              <ul className="portal-eid-list">
                {loaderData.eid.map((e) => (
                  <li key={e.slug}>
                    <a
                      className="portal-button portal-button--secondary"
                      href={`/portal/logga-in/e-legitimation/${encodeURIComponent(e.slug)}`}
                    >
                      <PortalIcon name="person" />
                      <span>
                        {e.label}
                        {several ? (
                          <span className="portal-eid-list__org" lang="sv">
                            {e.name}
                          </span>
                        ) : null}
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="ingen-kod-rubrik" className="portal-card">
            <Tx as="h2" k="portal.signIn.noCodeHeading" id="ingen-kod-rubrik" />
            <Tx as="p" k="portal.signIn.noCodeText" />
          </section>
        </main>
      </div>
      <footer className="portal-footer">
        <PortalLanguageForm returnTo={`/portal/logga-in${params.size ? `?${params}` : ""}`} />
        <p>
          <a href="/portal/tillganglighet">{t("portal.accessibility")}</a>
        </p>
      </footer>
    </>
  );
}
