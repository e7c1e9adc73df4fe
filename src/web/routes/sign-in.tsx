// Sign in with e-mail and password (and, when configured, the organisation's OIDC provider).
import { Link, redirect, useActionData, useSearchParams } from "react-router";
import { serializeCookie } from "../../platform/http/cookies.ts";
import { SESSION_COOKIE } from "../../sign-in/sessions.ts";
import { signInWithPassword } from "../../sign-in/sign-in-with-password.ts";
import { safeReturnTo, stateOf, text } from "../guard.server.ts";
import { ErrorSummary, Form, SubmitButton, TextField } from "../ui/form.tsx";
import { useT } from "../ui/i18n.tsx";
import type { Route } from "./+types/sign-in.ts";

export function loader({ context, request }: Route.LoaderArgs) {
  const state = stateOf(context);
  const url = new URL(request.url);
  if (state.principal) throw redirect(safeReturnTo(url.searchParams.get("till")));
  return { oidcLabel: state.services.oidc?.label ?? null };
}

export async function action({ context, request }: Route.ActionArgs) {
  const state = stateOf(context);
  const form = await request.formData();
  const email = text(form, "email");
  const returnTo = safeReturnTo(text(form, "till"));
  const result = await signInWithPassword(state.services.db, {
    email,
    password: text(form, "password"),
    ip: state.ip,
    userAgent: state.userAgent,
    requestId: state.requestId,
  });
  if (result.kind === "signed-in") {
    const next =
      result.next === "totp"
        ? `/logga-in/kod?till=${encodeURIComponent(returnTo)}`
        : result.next === "enrol-totp"
          ? `/logga-in/aktivera-kod?till=${encodeURIComponent(returnTo)}`
          : returnTo;
    return redirect(next, {
      headers: { "Set-Cookie": serializeCookie(SESSION_COOKIE, result.token) },
    });
  }
  return { email, failure: result };
}

export default function SignIn({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failure = actionData?.failure;
  const message =
    failure?.kind === "invalid"
      ? t("signIn.invalid")
      : failure?.kind === "locked"
        ? t("signIn.locked", { minutes: failure.minutes })
        : failure?.kind === "throttled"
          ? t("signIn.throttled", { minutes: Math.ceil(failure.retryAfter / 60) })
          : undefined;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("signIn.title")} – Samspår`}</title>
      <h1>{t("signIn.title")}</h1>
      {params.get("utgangen") ? <p className="warning">{t("signIn.expired")}</p> : null}
      {params.get("utloggad") ? <p className="notice">{t("signIn.signedOut")}</p> : null}
      {params.get("oidc") === "misslyckades" ? (
        <p className="warning">{t("signIn.oidcFailed")}</p>
      ) : null}
      {params.get("oidc") === "okand" ? <p className="warning">{t("signIn.oidcUnknown")}</p> : null}
      <ErrorSummary errors={message ? { email: message } : undefined} />
      <Form method="post">
        <input type="hidden" name="till" value={params.get("till") ?? "/"} />
        <TextField
          name="email"
          type="email"
          label={t("signIn.email")}
          autoComplete="username"
          defaultValue={actionData?.email}
          error={message}
          required
        />
        <TextField
          name="password"
          type="password"
          label={t("signIn.password")}
          autoComplete="current-password"
          required
        />
        <SubmitButton>{t("signIn.submit")}</SubmitButton>
      </Form>
      {loaderData.oidcLabel ? (
        <p>
          <a
            className="button button--secondary"
            href={`/logga-in/oidc?till=${encodeURIComponent(params.get("till") ?? "/")}`}
          >
            {loaderData.oidcLabel}
          </a>
        </p>
      ) : null}
      <p>
        <Link to="/tillganglighet">{t("footer.accessibility")}</Link>
      </p>
    </main>
  );
}
