// The second step for staff with TOTP: the six-digit code from the authenticator app.
import { redirect, useActionData, useSearchParams } from "react-router";
import { verifySignInCode } from "../../sign-in/second-factor.ts";
import {
  requirePendingSecondFactor,
  safeReturnTo,
  secondFactorContext,
  text,
} from "../guard.server.ts";
import { ErrorSummary, Form, SubmitButton } from "../ui/form.tsx";
import { useT } from "../ui/i18n.tsx";
import { TotpCodeField } from "../ui/totp-enrolment.tsx";
import type { Route } from "./+types/sign-in-code.ts";

export async function loader({ context, request }: Route.LoaderArgs) {
  await requirePendingSecondFactor(context, request, "code");
  return null;
}

export async function action({ context, request }: Route.ActionArgs) {
  const { state, session } = await requirePendingSecondFactor(context, request, "code");
  const form = await request.formData();
  const result = await verifySignInCode(
    secondFactorContext(state),
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
    failure?.kind === "locked"
      ? t("signIn.locked", { minutes: failure.minutes })
      : failure
        ? t("totp.invalid")
        : undefined;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("totp.title")} – Samspår`}</title>
      <h1>{t("totp.title")}</h1>
      <ErrorSummary errors={message ? { code: message } : undefined} />
      <Form method="post">
        <input type="hidden" name="till" value={params.get("till") ?? "/"} />
        <TotpCodeField error={message} />
        <SubmitButton>{t("signIn.submit")}</SubmitButton>
      </Form>
    </main>
  );
}
