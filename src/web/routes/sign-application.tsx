// Signing an application by the e-mailed link, without an account: the person reads the whole
// application and the agreement, confirms they may sign for their organisation, and signs.
// A link works once and for 14 days; a used, expired or unknown one says to ask for a new one.
import { redirect } from "react-router";
import { getApplication } from "../../applications/get-application.ts";
import { findSignatureRequest, signWithLink } from "../../applications/signatures.ts";
import { formatDate, formatMoney } from "../../platform/i18n/format.ts";
import { attempt, stateOf, text } from "../guard.server.ts";
import { ApplicationView } from "../ui/application-view.tsx";
import { ErrorSummary, useFormFailure } from "../ui/form.tsx";
import { useI18n } from "../ui/i18n.tsx";
import {
  SigningLinkEnded,
  type SigningLinkWords,
  SigningSummary,
  type SigningSummaryWords,
} from "../ui/report-signing-link.tsx";
import { RichText } from "../ui/rich-text.tsx";
import { SignatureForm } from "../ui/signature-form.tsx";
import type { Route } from "./+types/sign-application.ts";

export async function loader({ context, params }: Route.LoaderArgs) {
  const db = stateOf(context).services.db;
  const request = await findSignatureRequest(db, params.token);
  const a = request
    ? await getApplication(db, request.associationId, request.applicationId)
    : undefined;
  if (!request || !a) return { request: null };
  const c = a.content;
  return {
    request: {
      associationName: a.associationName,
      name: c.name,
      party: a.orgName(request.organisationId),
      signerName: request.signerName,
      owner: c.ownerOrganisationId ? a.orgName(c.ownerOrganisationId) : "",
      partners: c.partnerIds.map(a.orgName),
      startDate: c.startDate ? formatDate(c.startDate) : "",
      endDate: c.endDate ? formatDate(c.endDate) : "",
      purpose: c.purpose,
      requested: c.budget.reduce((sum, b) => sum + b.amount, 0),
      content: c,
      organisations: a.organisations,
      agreementText: a.settings.agreementText,
      formVersion: a.formVersion,
    },
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = stateOf(context);
  const form = await request.formData();
  const values = { name: text(form, "name"), confirmAuthorised: text(form, "confirmAuthorised") };
  const result = await attempt(
    () =>
      signWithLink(state.services.db, { requestId: state.requestId, ip: state.ip }, params.token, {
        name: values.name,
        confirmAuthorised: values.confirmAuthorised === "on",
      }),
    values,
  );
  if (!result.ok) return result.failure;
  return redirect(`/signera/${encodeURIComponent(params.token)}?klart=underskriven`);
}

const APPLICATION_SIGNING_LINK: SigningLinkWords = {
  thanksTitle: "application.sign.thanksTitle",
  thanks: "application.sign.thanks",
  invalidTitle: "application.sign.invalidTitle",
  invalid: "application.sign.invalid",
};

const APPLICATION_SUMMARY: SigningSummaryWords = {
  title: "application.sign.summaryTitle",
  signsFor: "application.sign.signsFor",
  owner: "applications.owner",
  partners: "application.sign.partners",
  time: "application.sign.period",
  period: "application.period",
  purpose: "application.sign.purpose",
  notFilled: "application.notFilled",
};

export default function SignApplication({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const failure = useFormFailure();
  const errors = failure?.errors;
  const r = loaderData.request;
  if (!r) return <SigningLinkEnded words={APPLICATION_SIGNING_LINK} error={errors?.token} />;
  const title = t("application.sign.title", { name: r.name });
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p className="tag">{r.associationName}</p>
      <h1>{title}</h1>
      <p className="lead">{t("application.sign.intro", { name: r.signerName, party: r.party })}</p>
      <ErrorSummary errors={errors} />

      <SigningSummary words={APPLICATION_SUMMARY} summary={r}>
        <dt>{t("applications.requested")}</dt>
        <dd>{formatMoney(r.requested, locale)}</dd>
        <dt>{t("application.formVersion")}</dt>
        <dd>{r.formVersion}</dd>
      </SigningSummary>

      <h2>{t("application.sign.wholeApplication")}</h2>
      <ApplicationView content={r.content} organisations={r.organisations} headingLevel={3} />

      <h2>{t("application.agreementTitle")}</h2>
      <RichText text={r.agreementText} headingLevel={3} />

      <h2>{t("application.sign.formTitle")}</h2>
      <SignatureForm
        name={t("application.sign.name")}
        nameHint={t("application.sign.nameHint", { name: r.signerName })}
        confirm={t("application.sign.confirm", { party: r.party })}
        submit={t("application.sign.submit")}
      />
    </main>
  );
}
