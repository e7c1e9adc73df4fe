// The second step for staff with TOTP: the six-digit code from the authenticator app.
import { redirect, useActionData, useSearchParams } from "react-router";
import { verifySignInCode } from "../../sign-in/second-factor.ts";
import { safeReturnTo, stateOf, text } from "../guard.server.ts";
import { ErrorSummary, Form, SubmitButton, TextField } from "../ui/form.tsx";
import { useT } from "../ui/i18n.tsx";
import type { Route } from "./+types/sign-in-code.ts";

function pendingSession(context: Route.LoaderArgs["context"]) {
  const state = stateOf(context);
  if (state.principal) throw redirect("/");
  if (!state.session?.secondFactorPending) throw redirect("/logga-in");
  return { state, session: state.session };
}

export function loader({ context }: Route.LoaderArgs) {
  pendingSession(context);
  return null;
}

export async function action({ context, request }: Route.ActionArgs) {
  const { state, session } = pendingSession(context);
  const form = await request.formData();
  const result = await verifySignInCode(
    { q: state.services.db, secrets: state.services.secrets, requestId: state.requestId, ip: state.ip },
    session.id,
    session.userId,
    text(form, "code"),
  );
  if (result.kind === "ok") return redirect(safeReturnTo(text(form, "till")));
  return { failure: result };
}

export default function SignInCode() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failure = actionData?.failure;
  const message =
    failure?.kind === "locked" ? t("signIn.locked", { minutes: failure.minutes }) : failure ? t("totp.invalid") : undefined;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("totp.title")} – Samspår`}</title>
      <h1>{t("totp.title")}</h1>
      <ErrorSummary errors={message ? { code: message } : undefined} />
      <Form method="post">
        <input type="hidden" name="till" value={params.get("till") ?? "/"} />
        <TextField name="code" label={t("totp.code")} hint={t("totp.codeHint")} inputMode="numeric" autoComplete="one-time-code" width="short" error={message} required />
        <SubmitButton>{t("signIn.submit")}</SubmitButton>
      </Form>
    </main>
  );
}
