// Accepting an invitation: the new person chooses a password and is signed in.
import { redirect } from "react-router";
import { acceptInvitation, findOpenInvitation } from "../../people/invitations.ts";
import { serializeCookie } from "../../platform/http/cookies.ts";
import { createSession, SESSION_COOKIE } from "../../sign-in/sessions.ts";
import { staffTotpRequired } from "../../sign-in/sign-in-with-password.ts";
import { attempt, stateOf, text } from "../guard.server.ts";
import { ErrorSummary, Form, SubmitButton, TextField, useFormFailure } from "../ui/form.tsx";
import { useT } from "../ui/i18n.tsx";
import type { Route } from "./+types/invitation.ts";

export async function loader({ context, params }: Route.LoaderArgs) {
  const invitation = await findOpenInvitation(stateOf(context).services.db, params.token);
  return { invitation: invitation ? { name: invitation.name, email: invitation.email } : null };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = stateOf(context);
  const form = await request.formData();
  const result = await attempt(() =>
    acceptInvitation(
      state.services.db,
      { requestId: state.requestId, ip: state.ip },
      {
        token: params.token,
        password: text(form, "password"),
        passwordAgain: text(form, "passwordAgain"),
      },
    ),
  );
  if (!result.ok) return result.failure;
  const userId = result.value;
  const pending = await staffTotpRequired(state.services.db, userId);
  const token = await createSession(state.services.db, {
    userId,
    method: "invitation",
    secondFactorPending: pending,
    ip: state.ip,
    userAgent: state.userAgent,
  });
  return redirect(pending ? "/logga-in/aktivera-kod" : "/", {
    headers: { "Set-Cookie": serializeCookie(SESSION_COOKIE, token) },
  });
}

export default function Invitation({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useFormFailure();
  const errors = actionData?.errors;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("invitation.title")} – Samspår`}</title>
      <h1>{t("invitation.title")}</h1>
      {loaderData.invitation ? (
        <>
          <p>
            {t("invitation.intro", {
              name: loaderData.invitation.name,
              email: loaderData.invitation.email,
            })}
          </p>
          <ErrorSummary errors={errors} />
          <Form method="post">
            <input
              type="hidden"
              name="username"
              autoComplete="username"
              value={loaderData.invitation.email}
            />
            <TextField
              name="password"
              type="password"
              label={t("invitation.password")}
              hint={t("invitation.passwordHint")}
              autoComplete="new-password"
              error={errors?.password ?? errors?.token}
              required
            />
            <TextField
              name="passwordAgain"
              type="password"
              label={t("invitation.passwordAgain")}
              autoComplete="new-password"
              error={errors?.passwordAgain}
              required
            />
            <SubmitButton>{t("invitation.submit")}</SubmitButton>
          </Form>
        </>
      ) : (
        <p className="warning">{t("invitation.invalid")}</p>
      )}
    </main>
  );
}
