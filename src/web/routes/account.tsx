// The person's own account: their details and their second factor.
import { eq } from "drizzle-orm";
import { useActionData, useSearchParams } from "react-router";
import { users } from "../../people/schema.ts";
import { confirmTotpEnrolment } from "../../sign-in/second-factor.ts";
import {
  loadTotpEnrolment,
  redirectWithNotice,
  requirePrincipal,
  secondFactorContext,
  text,
} from "../guard.server.ts";
import { ErrorSummary, Form, SubmitButton } from "../ui/form.tsx";
import { useT } from "../ui/i18n.tsx";
import { TotpCodeField, TotpEnrolment } from "../ui/totp-enrolment.tsx";
import type { Route } from "./+types/account.ts";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { state, principal } = requirePrincipal(context, request);
  const [user] = await state.services.db.select().from(users).where(eq(users.id, principal.userId));
  const enrolling =
    new URL(request.url).searchParams.get("aktivera") === "1" && !user?.totpEnabledAt;
  const enrolment = enrolling ? await loadTotpEnrolment(state, principal.userId) : null;
  return {
    name: principal.name,
    email: principal.email,
    totpEnabled: !!user?.totpEnabledAt,
    enrolment,
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const { state, principal } = requirePrincipal(context, request);
  const form = await request.formData();
  const result = await confirmTotpEnrolment(
    secondFactorContext(state),
    principal.userId,
    text(form, "code"),
    state.session?.id ?? "",
  );
  if (result.kind === "ok") return redirectWithNotice("/konto", "totp");
  return { invalid: true };
}

export default function Account({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const message = actionData?.invalid ? t("totp.invalid") : undefined;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("nav.account")} – Samspår`}</title>
      <h1>{t("nav.account")}</h1>
      {params.get("klart") === "totp" ? (
        <p className="notice" role="status">
          {t("totp.enrolled")}
        </p>
      ) : null}
      <dl className="summary">
        <dt>{t("account.name")}</dt>
        <dd>{loaderData.name}</dd>
        <dt>{t("signIn.email")}</dt>
        <dd>{loaderData.email}</dd>
      </dl>
      <h2>{t("totp.title")}</h2>
      {loaderData.totpEnabled ? (
        <p>{t("totp.enrolled")}</p>
      ) : loaderData.enrolment ? (
        <>
          <ErrorSummary errors={message ? { code: message } : undefined} />
          <TotpEnrolment qrSvg={loaderData.enrolment.qrSvg} secret={loaderData.enrolment.secret} />
          <Form method="post" action="/konto?aktivera=1">
            <TotpCodeField error={message} />
            <SubmitButton>{t("totp.activate")}</SubmitButton>
          </Form>
        </>
      ) : (
        <>
          <p>{t("account.totpOff")}</p>
          <p>
            <a className="button button--primary" href="/konto?aktivera=1">
              {t("totp.enrolTitle")}
            </a>
          </p>
        </>
      )}
    </main>
  );
}
