// Signing a final report by the e-mailed link, without an account: the person reads a summary
// and the whole report, confirms they may sign for their organisation and that the report is
// right, and signs; the date is the day they sign. A link works once and for 14 days; a used,
// expired or unknown one, or one for a report that has been submitted, says to ask for a new
// one. The form carries the version the person read: if the report changed meanwhile, they are
// asked to read it again.
import { redirect, useSearchParams } from "react-router";
import { formatDate } from "../../platform/i18n/format.ts";
import {
  findFinalReportSignatureRequest,
  signFinalReportWithLink,
} from "../../reports/final-report-signatures.ts";
import { getFinalReport } from "../../reports/final-reports.ts";
import { attempt, stateOf, text } from "../guard.server.ts";
import { ErrorSummary, useFormFailure } from "../ui/form.tsx";
import { useI18n } from "../ui/i18n.tsx";
import { RichText } from "../ui/rich-text.tsx";
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

export default function SignFinalReport({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const failure = useFormFailure();
  const errors = failure?.errors;
  const r = loaderData.request;
  if (!r) {
    const done = params.get("klart") === "underskriven";
    const title = t(done ? "finalReport.sign.thanksTitle" : "finalReport.sign.invalidTitle");
    return (
      <main id="innehall" tabIndex={-1}>
        <title>{`${title} – Samspår`}</title>
        <h1>{title}</h1>
        {done ? (
          <p className="notice" role="status">
            {t("finalReport.sign.thanks")}
          </p>
        ) : (
          <p className="warning">{errors?.token ?? t("finalReport.sign.invalid")}</p>
        )}
      </main>
    );
  }
  const title = t("finalReport.sign.title", { name: r.name });
  const notSet = t("finalReport.notAnswered");
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <h1>{title}</h1>
      <p className="lead">{t("finalReport.sign.intro", { name: r.signerName, party: r.party })}</p>
      <ErrorSummary errors={errors} />

      <h2>{t("finalReport.sign.summaryTitle")}</h2>
      <dl className="summary">
        <dt>{t("finalReport.sign.signsFor")}</dt>
        <dd>{r.party}</dd>
        <dt>{t("finalReport.sign.owner")}</dt>
        <dd>{r.owner || notSet}</dd>
        <dt>{t("finalReport.sign.partners")}</dt>
        <dd>{r.partners.length ? r.partners.join(", ") : notSet}</dd>
        <dt>{t("finalReport.sign.time")}</dt>
        <dd>
          {r.startDate || r.endDate
            ? t("finalReport.sign.period", { start: r.startDate || "–", end: r.endDate || "–" })
            : notSet}
        </dd>
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
      </dl>
      <h3>{t("finalReport.section.purpose")}</h3>
      <RichText text={r.purpose} headingLevel={4} empty={notSet} />

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
