// One final report: its header, every field read-only, the parties' signatures (asked for by
// e-mailed link, or registered from paper by the office), then the workflow's panels for those
// allowed, each in the status it belongs to: submission (the lead; every party must have signed,
// and it closes the initiative), the office's review (accept and lock, or return for completion
// with a comment), the comments and the history of every saved version. Every action is a plain
// POST form carrying an `intent` (and the version it was read at, for a change of status) and
// answers with a redirect and a notice.
import { Link } from "react-router";
import { can, visibleReports } from "../../../access/policy.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import {
  recordFinalReportPaperSignature,
  removeFinalReportSignature,
  requestFinalReportSignature,
} from "../../../reports/final-report-signatures.ts";
import {
  acceptFinalReport,
  getFinalReport,
  listFinalReportVersions,
  returnFinalReport,
  submitFinalReport,
} from "../../../reports/final-reports.ts";
import { SubmitButton } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { ReturnForm, type ReturnWords } from "../../ui/report-return-form.tsx";
import {
  isSignatureIntent,
  runSignatureIntent,
  SIGNATURE_FIELDS,
  type SignatureUseCases,
} from "../../ui/signatures.server.ts";
import {
  countSigned,
  linkSignatureProblems,
  PaperSignatureForm,
  type PartySignature,
  SignatureRequestForm,
  SignatureTable,
  type SignatureWords,
} from "../../ui/signatures.tsx";
import {
  ActionOutcome,
  CommentList,
  IntentForm,
  OnThisPage,
  Panel,
  problemsOf,
  ReturnedNote,
  useWorkflow,
  VersionTable,
} from "../../ui/workflow-panels.tsx";
import {
  commentView,
  requireDocument,
  runIntent,
  versionView,
} from "../../workflow-actions.server.ts";
import type { Route } from "./+types/final-report.ts";
import { FinalReportContentView, finalReportViewOf } from "./final-report-view.tsx";

type Ctx = Route.LoaderArgs["context"];
type Params = Route.LoaderArgs["params"];

/** The report in the URL, for a person who may see it: else 403, or 404 if there is none. */
async function findReport(context: Ctx, request: Request, params: Params) {
  const found = await requireDocument(context, request, params.association, {
    permission: "report.view",
    visible: visibleReports,
    load: (db, associationId) => getFinalReport(db, associationId, params.finalReportId),
    notFound: "Slutrapporten finns inte.",
  });
  const { principal, association, on } = found;
  const allowed = {
    write: on("report.write"),
    manage: can(principal, "reports.manage", association.id),
    initiative: on("initiative.view"),
    application: on("application.view"),
  };
  return { ...found, report: found.document, allowed };
}

/** The use cases the page's signature actions run. */
const FINAL_REPORT_SIGNING: SignatureUseCases = {
  request: requestFinalReportSignature,
  remove: removeFinalReportSignature,
  paper: recordFinalReportPaperSignature,
};

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, report: r, allowed } = await findReport(context, request, params);
  const versions = await listFinalReportVersions(state.services.db, r.id);
  const date = (d: string | Date | null) => (d ? formatDate(d) : "");
  const c = r.content;
  return {
    slug: association.slug,
    id: r.id,
    version: r.version,
    status: r.status,
    editable: r.editable,
    initiativeId: r.initiativeId,
    initiativeName: r.initiativeName,
    initiativeStatus: r.initiativeStatus,
    registryNumber: r.registryNumber ?? "",
    arrivalDate: date(r.arrivalDate),
    content: finalReportViewOf(c),
    parties: r.parties.map(
      ({ party, signature: s }): PartySignature => ({
        organisationId: party.organisationId,
        name: party.name,
        isOwner: party.isOwner,
        signature: s
          ? {
              state: s.state,
              method: s.method,
              name: s.signerName,
              title: s.signerTitle,
              email: s.signerEmail,
              requestedOn: date(s.requestedAt),
              expiresOn: date(s.expiresAt),
              signedOn: date(s.signedOn ?? s.signedAt),
            }
          : null,
      }),
    ),
    comments: r.comments.map(commentView),
    versions: versions.map(versionView),
    today: todayInSweden(),
    allowed,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, report: r, allowed } = await findReport(context, request, params);
  return runIntent(request, state, {
    // each action's fields: the domain's name for a field → the form field's name (and id)
    fields: {
      ...SIGNATURE_FIELDS,
      submit: {},
      return: { returnMessage: "return-message" },
      accept: {},
    },
    permitted: {
      "request-signature": allowed.write,
      "remove-signature": allowed.write,
      "paper-signature": allowed.manage,
      submit: allowed.write,
      return: allowed.manage,
      accept: allowed.manage,
    },
    permission: "report.write",
    needs: {
      "paper-signature": "reports.manage",
      return: "reports.manage",
      accept: "reports.manage",
    },
    run: async (intent, input) => {
      const { field, version, db, actor } = input;
      if (isSignatureIntent(intent))
        return runSignatureIntent(
          intent,
          input,
          state,
          { associationId: association.id, id: r.id },
          FINAL_REPORT_SIGNING,
        );
      switch (intent) {
        case "submit":
          await submitFinalReport(db, actor, association.id, r.id, version);
          return r.status === "aterskickad" ? "inskickad-igen" : "inskickad";
        case "return":
          await returnFinalReport(db, actor, association.id, r.id, version, field("returnMessage"));
          return "aterskickad";
        case "accept":
          await acceptFinalReport(db, actor, association.id, r.id, version);
          return "godkand";
      }
    },
    done: `/${association.slug}/slutrapporter/${r.id}`,
  });
}

const NOTICES: Record<string, MessageKey> = {
  skapad: "finalReport.notice.created",
  finns: "finalReport.notice.exists",
  sparad: "finalReport.notice.saved",
  "underskrift-begard": "finalReport.notice.signatureRequested",
  "underskrift-borttagen": "finalReport.notice.signatureRemoved",
  "underskrift-registrerad": "finalReport.notice.paperSignature",
  inskickad: "finalReport.notice.submitted",
  "inskickad-igen": "finalReport.notice.resubmitted",
  aterskickad: "finalReport.notice.returned",
  godkand: "finalReport.notice.accepted",
};

const SIGNATURE_WORDS: SignatureWords = {
  party: "finalReport.signature.party",
  state: "finalReport.signature.state",
  details: "finalReport.signature.details",
  actions: "finalReport.signature.actions",
  owner: "finalReport.owner",
  signedCount: "finalReport.signedCount",
  requested: "finalReport.signature.requested",
  expired: "finalReport.signature.expired",
  signed: "finalReport.signature.signed",
  signedBy: "finalReport.signature.signedBy",
  signedByRecorded: "finalReport.signature.signedByRecorded",
  methodLink: "finalReport.signature.methodLink",
  methodPaper: "finalReport.signature.methodPaper",
  requestedFrom: "finalReport.signature.requestedFrom",
  remove: "finalReport.signature.remove",
  withdraw: "finalReport.signature.withdraw",
  signerName: "finalReport.signature.signerName",
  signerTitle: "finalReport.signature.signerTitle",
  signerTitleHint: "finalReport.signature.signerTitleHint",
  signerEmail: "finalReport.signature.signerEmail",
  signerEmailOptional: "finalReport.signature.signerEmailOptional",
  requestSubmit: "finalReport.signature.requestSubmit",
  signedOn: "finalReport.signature.signedOn",
  dateHint: "finalReport.dateHint",
  paperSubmit: "finalReport.signature.paperSubmit",
};

const EVENTS: Record<string, MessageKey> = {
  created: "finalReport.event.created",
  saved: "finalReport.event.saved",
  submitted: "finalReport.event.submitted",
  resubmitted: "finalReport.event.resubmitted",
  returned: "finalReport.event.returned",
  locked: "finalReport.event.locked",
};

const FINAL_REPORT_RETURN: ReturnWords = {
  title: "finalReport.returnTitle",
  message: "finalReport.returnMessage",
  messageHint: "finalReport.returnMessageHint",
  submit: "finalReport.returnSubmit",
};

export default function FinalReport({ loaderData: r }: Route.ComponentProps) {
  const { t } = useI18n();
  const { failure, params, formKey, noticeKey, errors, failedIntent, value } = useWorkflow(NOTICES);
  const base = `/${r.slug}/slutrapporter/${r.id}`;
  const { allowed, content: c } = r;
  // a save of new content removes the signatures given for the old (the edit page says how many)
  const removedSignatures = Number(params.get("underskrifter")) || 0;
  const signed = countSigned(r.parties);
  const show = {
    submit: allowed.write && r.editable,
    review: allowed.manage && r.status === "inskickad",
    comments: r.comments.length > 0,
    signing: r.editable && r.parties.length > 0,
  };
  // a refused submission lists what is missing, each linking to its field on the edit page;
  // missing signatures link to where they are asked for (an incomplete report, to the edit page)
  const fieldProblems = problemsOf(errors, {
    onEditPage: (key) => failedIntent === "submit" && key !== "signatures",
    editPage: `${base}/andra`,
  });
  const problems = linkSignatureProblems(fieldProblems, {
    failedIntent,
    editable: r.editable,
    base,
  });
  const title = t("finalReport.title", { name: c.initiativeName });
  const lastComment = r.comments.at(-1);
  const form = { action: base, formKey, errors, value };

  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      {allowed.initiative ? (
        <p>
          <Link to={`/${r.slug}/insatser/${r.initiativeId}`}>
            {t("finalReport.backToInitiative")}
          </Link>
        </p>
      ) : null}
      <h1>{title}</h1>
      <ActionOutcome
        notice={
          noticeKey && !failure ? (
            <>
              {t(noticeKey, { number: r.registryNumber || "–" })}
              {removedSignatures > 0
                ? ` ${t("finalReport.notice.signaturesRemoved", { count: removedSignatures })}`
                : ""}
            </>
          ) : null
        }
        problems={problems}
        reload={errors.form ? { to: base, label: t("finalReport.reload") } : null}
      />

      <dl className="summary">
        <dt>{t("finalReport.statusLabel")}</dt>
        <dd>{t(`finalReport.status.${r.status}`)}</dd>
        <dt>{t("finalReport.registryNumber")}</dt>
        <dd>{r.registryNumber || t("finalReport.noRegistryNumber")}</dd>
        <dt>{t("finalReport.arrivalDate")}</dt>
        <dd>{r.arrivalDate || t("finalReport.notArrived")}</dd>
        <dt>{t("finalReport.initiativeStatus")}</dt>
        <dd>{t(`initiativeStatus.${r.initiativeStatus}`)}</dd>
      </dl>

      <ul className="link-list">
        {allowed.write && r.editable ? (
          <li>
            <Link to={`${base}/andra`}>{t("finalReport.edit")}</Link>
          </li>
        ) : null}
        <li>
          <a href={`${base}/dokument?format=docx`}>{t("finalReport.downloadDocx")}</a>
        </li>
        <li>
          <a href={`${base}/dokument?format=pdf`}>{t("finalReport.downloadPdf")}</a>
        </li>
      </ul>

      {r.status === "last" ? <p className="notice">{t("finalReport.lockedNote")}</p> : null}
      {r.status === "aterskickad" && lastComment ? (
        <ReturnedNote
          title={t("finalReport.returnedTitle")}
          message={lastComment.text}
          help={allowed.write ? t("finalReport.returnedHelp") : null}
        />
      ) : null}

      <OnThisPage
        label={t("finalReport.onThisPage")}
        links={[
          { href: "#rapporten", text: t("finalReport.contentTitle") },
          { href: "#underskrifter", text: t("finalReport.section.signatures") },
          show.submit && { href: "#skicka-in", text: t("finalReport.submitTitle") },
          show.review && { href: "#granska", text: t("finalReport.reviewTitle") },
          show.comments && { href: "#kommentarer", text: t("finalReport.commentsTitle") },
          { href: "#historik", text: t("finalReport.historyTitle") },
        ]}
      />

      <h2 id="rapporten" tabIndex={-1}>
        {t("finalReport.contentTitle")}
      </h2>
      <p className="field__hint">{t("finalReport.snapshotNote", { date: c.filledInOn })}</p>
      <FinalReportContentView
        content={c}
        applicationHref={allowed.application ? `/${r.slug}/ansokningar/${c.applicationId}` : null}
      />

      <Panel id="underskrifter" title={t("finalReport.section.signatures")}>
        <p>{t(r.editable ? "finalReport.signaturesIntro" : "finalReport.signaturesSubmitted")}</p>
        <SignatureTable
          parties={r.parties}
          words={SIGNATURE_WORDS}
          unsigned={r.editable ? "finalReport.signature.notRequested" : "finalReport.notSigned"}
          removable={allowed.write && r.editable}
          action={base}
          formKey={formKey}
        />

        {show.signing && allowed.write ? (
          <>
            <h3>{t("finalReport.signature.requestTitle")}</h3>
            <p>{t("finalReport.signature.requestHelp")}</p>
            <SignatureRequestForm parties={r.parties} words={SIGNATURE_WORDS} form={form} />
          </>
        ) : null}
        {show.signing && allowed.manage ? (
          <details className="field" open={failedIntent === "paper-signature"}>
            <summary>{t("finalReport.signature.paperInstead")}</summary>
            <p>{t("finalReport.signature.paperHelp")}</p>
            <PaperSignatureForm
              parties={r.parties}
              words={SIGNATURE_WORDS}
              form={form}
              today={r.today}
            />
          </details>
        ) : null}
      </Panel>

      {show.submit ? (
        <Panel id="skicka-in" title={t("finalReport.submitTitle")}>
          <p>
            {t(r.status === "aterskickad" ? "finalReport.resubmitHelp" : "finalReport.submitHelp")}
          </p>
          <p>{t("finalReport.signedCount", { signed, total: r.parties.length })}</p>
          <IntentForm action={base} intent="submit" version={r.version} formKey={formKey}>
            <SubmitButton>
              {t(r.status === "aterskickad" ? "finalReport.resubmit" : "finalReport.submit")}
            </SubmitButton>
          </IntentForm>
        </Panel>
      ) : null}

      {show.review ? (
        <Panel id="granska" title={t("finalReport.reviewTitle")}>
          <p>{t("finalReport.acceptHelp")}</p>
          <IntentForm action={base} intent="accept" version={r.version} formKey={formKey}>
            <SubmitButton>{t("finalReport.accept")}</SubmitButton>
          </IntentForm>
          <ReturnForm form={form} version={r.version} words={FINAL_REPORT_RETURN} />
        </Panel>
      ) : null}

      {show.comments ? (
        <Panel id="kommentarer" title={t("finalReport.commentsTitle")}>
          <CommentList
            comments={r.comments}
            by={(x) => t("finalReport.commentBy", { name: x.author, at: x.at })}
          />
        </Panel>
      ) : null}

      <Panel id="historik" title={t("finalReport.historyTitle")}>
        <VersionTable
          caption={t("finalReport.historyCaption")}
          versions={r.versions}
          columns={[
            {
              label: t("finalReport.history.version"),
              headClass: "num",
              cellClass: "num",
              cell: (v) => v.version,
            },
            {
              label: t("finalReport.history.event"),
              cell: (v) => (EVENTS[v.event] ? t(EVENTS[v.event] as MessageKey) : v.event),
            },
            { label: t("finalReport.history.by"), cell: (v) => v.by },
            { label: t("finalReport.history.at"), cellClass: "date", cell: (v) => v.at },
            { label: t("finalReport.history.note"), cell: (v) => v.note },
          ]}
        />
      </Panel>
    </main>
  );
}
