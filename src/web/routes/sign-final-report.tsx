// Signing a final report by the e-mailed link, without an account: the person reads a summary
// and the whole report, confirms they may sign for their organisation and that the report is
// right, and signs; the date is the day they sign. A link works once and for 14 days; a used,
// expired or unknown one, or one for a report that has been submitted, says to ask for a new
// one. The form carries the version the person read: if the report changed meanwhile, they are
// asked to read it again.
import { redirect } from "react-router";
import { formatDate } from "../../platform/i18n/format.ts";
import {
  findFinalReportSignatureRequest,
  signFinalReportWithLink,
} from "../../reports/final-report-signatures.ts";
import { getFinalReport } from "../../reports/final-reports.ts";
import { attempt, stateOf, text } from "../guard.server.ts";
import { ErrorSummary, useFormFailure } from "../ui/form.tsx";
import { useI18n } from "../ui/i18n.tsx";
import {
  SigningLinkEnded,
  type SigningLinkWords,
  SigningSummary,
  type SigningSummaryWords,
} from "../ui/report-signing-link.tsx";
import { SignatureForm } from "../ui/signature-form.tsx";
import type { Route } from "./+types/sign-final-report.ts";
import { FinalReportContentView, finalReportViewOf } from "./association/final-report-view.tsx";

export async function loader({ context, params }: Route.LoaderArgs) {
  const db = stateOf(context).services.db;
  const request = await findFinalReportSignatureRequest(db, params.token);
  const r = request ? await getFinalReport(db, request.associationId, request.reportId) : undefined;
  if (!request || !r) return { request: null };
  const c = r.content;
  const date = (d: string | Date | null) => (d ? formatDate(d) : "");
  return {
    request: {
      version: r.version,
      name: c.initiativeName,
      party: c.parties.find((p) => p.organisationId === request.organisationId)?.name ?? "",
      signerName: request.signerName,
      expiresOn: date(request.expiresAt),
      owner: c.ownerName,
      partners: c.parties.filter((p) => !p.isOwner).map((p) => p.name),
      startDate: date(c.actualStartDate ?? c.plannedStartDate),
      endDate: date(c.actualEndDate),
      purpose: c.purpose,
      content: finalReportViewOf(c),
      signatures: r.parties.map((p) => ({
        party: p.party.name,
        signed: p.signature?.state === "signed",
      })),
    },
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = stateOf(context);
  const form = await request.formData();
  const values = {
    name: text(form, "name"),
    confirmAuthorised: text(form, "confirmAuthorised"),
    version: text(form, "version"),
  };
  const result = await attempt(
    () =>
      signFinalReportWithLink(
        state.services.db,
        { requestId: state.requestId, ip: state.ip },
        params.token,
        {
          name: values.name,
          confirmAuthorised: values.confirmAuthorised === "on",
          version: Number(values.version),
        },
      ),
    values,
  );
  if (!result.ok) return result.failure;
  return redirect(`/signera-slutrapport/${encodeURIComponent(params.token)}?klart=underskriven`);
}

const FINAL_REPORT_SIGNING_LINK: SigningLinkWords = {
  thanksTitle: "finalReport.sign.thanksTitle",
  thanks: "finalReport.sign.thanks",
  invalidTitle: "finalReport.sign.invalidTitle",
  invalid: "finalReport.sign.invalid",
};

const FINAL_REPORT_SUMMARY: SigningSummaryWords = {
  title: "finalReport.sign.summaryTitle",
  signsFor: "finalReport.sign.signsFor",
  owner: "finalReport.sign.owner",
  partners: "finalReport.sign.partners",
  time: "finalReport.sign.time",
  period: "finalReport.sign.period",
  purpose: "finalReport.section.purpose",
  notFilled: "finalReport.notAnswered",
};

export default function SignFinalReport({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const errors = failure?.errors;
  const r = loaderData.request;
  if (!r) return <SigningLinkEnded words={FINAL_REPORT_SIGNING_LINK} error={errors?.token} />;
  const title = t("finalReport.sign.title", { name: r.name });
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <h1>{title}</h1>
      <p className="lead">{t("finalReport.sign.intro", { name: r.signerName, party: r.party })}</p>
      <ErrorSummary errors={errors} />

      <SigningSummary words={FINAL_REPORT_SUMMARY} summary={r}>
        <dt>{t("finalReport.sign.signedSoFar")}</dt>
        <dd>
          <ul>
            {r.signatures.map((s) => (
              <li key={s.party}>
                {s.party}: {t(s.signed ? "finalReport.signature.signed" : "finalReport.notSigned")}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t("finalReport.sign.linkValid")}</dt>
        <dd>{r.expiresOn}</dd>
      </SigningSummary>

      <h2>{t("finalReport.sign.wholeReport")}</h2>
      <FinalReportContentView content={r.content} />

      <h2>{t("finalReport.sign.formTitle")}</h2>
      <SignatureForm
        name={t("finalReport.sign.name")}
        nameHint={t("finalReport.sign.nameHint", { name: r.signerName })}
        confirm={t("finalReport.sign.confirm", { party: r.party })}
        submit={t("finalReport.sign.submit")}
        version={r.version}
      />
    </main>
  );
}
