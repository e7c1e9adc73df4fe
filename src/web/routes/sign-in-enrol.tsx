// Enrolment during sign-in, for staff whose association requires a second factor.
import { redirect, useActionData, useSearchParams } from "react-router";
import { confirmTotpEnrolment } from "../../sign-in/second-factor.ts";
import {
  loadTotpEnrolment,
  requirePendingSecondFactor,
  safeReturnTo,
  secondFactorContext,
  text,
} from "../guard.server.ts";
import { ErrorSummary, Form, SubmitButton } from "../ui/form.tsx";
import { useT } from "../ui/i18n.tsx";
import { TotpCodeField, TotpEnrolment } from "../ui/totp-enrolment.tsx";
import type { Route } from "./+types/sign-in-enrol.ts";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { state, session } = await requirePendingSecondFactor(context, request, "enrol");
  return loadTotpEnrolment(state, session.userId);
}

export async function action({ context, request }: Route.ActionArgs) {
  const { state, session } = await requirePendingSecondFactor(context, request, "enrol");
  const form = await request.formData();
  const result = await confirmTotpEnrolment(
    secondFactorContext(state),
    session.userId,
    text(form, "code"),
    session.id,
  );
  if (result.kind === "ok") return redirect(safeReturnTo(text(form, "till")));
  return { invalid: true };
}

export default function SignInEnrol({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const message = actionData?.invalid ? t("totp.invalid") : undefined;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("totp.enrolTitle")} – Samspår`}</title>
      <h1>{t("totp.enrolTitle")}</h1>
      <p className="warning">{t("totp.required")}</p>
      <ErrorSummary errors={message ? { code: message } : undefined} />
      <TotpEnrolment qrSvg={loaderData.qrSvg} secret={loaderData.secret} />
      <Form method="post">
        <input type="hidden" name="till" value={params.get("till") ?? "/"} />
        <TotpCodeField error={message} />
        <SubmitButton>{t("totp.activate")}</SubmitButton>
      </Form>
    </main>
  );
}
