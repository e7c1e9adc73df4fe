// One application: its header and every field read-only, then the workflow's panels, each for
// those allowed and only in the status it belongs to: signatures (by e-mailed link or from
// paper), submission or registration of a paper original, preparation with returns for
// completion, comments, and the board's decision. Every action is a plain POST form carrying
// an `intent` (and the version it was read at) and answers with a redirect and a notice.
import { Link } from "react-router";
import { can, visibleApplications } from "../../../access/policy.ts";
import { fieldLabel } from "../../../applications/content.ts";
import { getApplication } from "../../../applications/get-application.ts";
import { EDITABLE_STATUSES } from "../../../applications/save-application.ts";
import {
  recordPaperSignature,
  removeSignature,
  requestSignature,
} from "../../../applications/signatures.ts";
import {
  addComment,
  decideApplication,
  returnForCompletion,
  startPreparation,
  submitApplication,
  todayInSweden,
} from "../../../applications/workflow.ts";
import { formatDate, formatMoney } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { ApplicationView } from "../../ui/application-view.tsx";
import { Radios, TextArea } from "../../ui/fields.tsx";
import { SubmitButton, TextField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { ReturnForm, type ReturnWords } from "../../ui/report-return-form.tsx";
import { RichText, TextLines } from "../../ui/rich-text.tsx";
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
} from "../../ui/workflow-panels.tsx";
import { commentView, requireDocument, runIntent } from "../../workflow-actions.server.ts";
import type { Route } from "./+types/application.ts";

type Ctx = Route.LoaderArgs["context"];
type Params = Route.LoaderArgs["params"];

/** The application in the URL, for a person who may see it: else 403, or 404 if there is none. */
async function findApplication(context: Ctx, request: Request, params: Params) {
  const found = await requireDocument(context, request, params.association, {
    permission: "application.view",
    visible: visibleApplications,
    load: (db, associationId) => getApplication(db, associationId, params.applicationId),
    notFound: "Ansökan finns inte.",
  });
  const { principal, association, on } = found;
  const allowed = {
    edit: on("application.edit"),
    manage: can(principal, "applications.manage", association.id),
    comment: can(principal, "applications.comment", association.id),
    decide: can(principal, "applications.decide", association.id),
    initiative: on("initiative.view"),
  };
  return { ...found, application: found.document, allowed };
}

/** The use cases the page's signature actions run. */
const APPLICATION_SIGNING: SignatureUseCases = {
  request: requestSignature,
  remove: removeSignature,
  paper: recordPaperSignature,
};

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { association, application: a, allowed } = await findApplication(context, request, params);
  const now = new Date();
  const date = (d: string | null) => (d ? formatDate(d) : "");
  return {
    slug: association.slug,
    id: a.id,
    version: a.version,
    status: a.status,
    editable: EDITABLE_STATUSES.has(a.status),
    name: a.content.name,
    registryNumber: a.registryNumber ?? "",
    arrivalDate: date(a.arrivalDate),
    receivedOnPaper: a.receivedOnPaper,
    formVersion: a.formVersion,
    returnMessage: a.returnMessage ?? "",
    initiativeId: a.initiativeId,
    content: a.content,
    organisations: a.organisations,
    agreementText: a.settings.agreementText,
    requested: a.content.budget.reduce((sum, b) => sum + b.amount, 0),
    parties: a.parties.map(({ signature: s, ...p }): PartySignature => {
      const signedOn = s?.signedAt ? date(s.signedOn) : "";
      return {
        organisationId: p.organisationId,
        name: p.name,
        isOwner: p.isOwner,
        signature: s
          ? {
              state: signedOn
                ? "signed"
                : s.expiresAt && s.expiresAt < now
                  ? "expired"
                  : "requested",
              name: s.signerName,
              email: s.signerEmail,
              title: s.signerTitle,
              method: s.method,
              requestedOn: formatDate(s.requestedAt),
              expiresOn: s.expiresAt ? formatDate(s.expiresAt) : "",
              signedOn,
            }
          : null,
      };
    }),
    comments: a.comments.map(commentView),
    decision: a.decision
      ? {
          decision: a.decision,
          amount: a.decidedAmount,
          startDate: date(a.decidedStartDate),
          endDate: date(a.decidedEndDate),
          conditions: a.decisionConditions ?? "",
          meeting: a.decisionMeeting ?? "",
          paragraph: a.decisionParagraph ?? "",
          date: date(a.decisionDate),
        }
      : null,
    today: todayInSweden(now),
    allowed,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const {
    state,
    association,
    application: a,
    allowed,
  } = await findApplication(context, request, params);
  return runIntent(request, state, {
    // each action's fields: the domain's name for a field → the form field's name (and id)
    fields: {
      ...SIGNATURE_FIELDS,
      submit: { arrivalDate: "arrival-date" },
      "start-preparation": {},
      return: { returnMessage: "return-message" },
      comment: { comment: "comment-text" },
      decide: {
        decision: "decision",
        amount: "decision-amount",
        startDate: "decision-start",
        endDate: "decision-end",
        conditions: "decision-conditions",
        meeting: "decision-meeting",
        paragraph: "decision-paragraph",
        decisionDate: "decision-date",
      },
    },
    permitted: {
      "request-signature": allowed.edit,
      "remove-signature": allowed.edit,
      "paper-signature": allowed.manage,
      submit: a.receivedOnPaper ? allowed.manage : allowed.edit,
      "start-preparation": allowed.manage,
      return: allowed.manage,
      comment: allowed.comment,
      decide: allowed.decide,
    },
    permission: "application.edit",
    run: async (intent, input) => {
      const { field, version, db, actor } = input;
      if (isSignatureIntent(intent))
        return runSignatureIntent(
          intent,
          input,
          state,
          { associationId: association.id, id: a.id },
          APPLICATION_SIGNING,
        );
      switch (intent) {
        case "submit": {
          await submitApplication(
            db,
            actor,
            association.id,
            a.id,
            version,
            a.receivedOnPaper ? { arrivalDate: field("arrivalDate") } : {},
          );
          if (a.status === "komplettering") return "kompletterad";
          return a.receivedOnPaper ? "registrerad" : "inskickad";
        }
        case "start-preparation":
          await startPreparation(db, actor, association.id, a.id, version);
          return "beredning";
        case "return":
          await returnForCompletion(
            db,
            actor,
            association.id,
            a.id,
            version,
            field("returnMessage"),
          );
          return "aterskickad";
        case "comment":
          await addComment(db, actor, association.id, a.id, field("comment"));
          return "kommentar";
        case "decide":
          await decideApplication(db, actor, association.id, a.id, version, {
            decision: field("decision"),
            amount: field("amount"),
            startDate: field("startDate"),
            endDate: field("endDate"),
            conditions: field("conditions"),
            meeting: field("meeting"),
            paragraph: field("paragraph"),
            decisionDate: field("decisionDate"),
          });
          return "beslutad";
      }
    },
    done: `/${association.slug}/ansokningar/${a.id}`,
  });
}

const NOTICES: Record<string, MessageKey> = {
  skapad: "application.notice.created",
  sparad: "application.notice.saved",
  "underskrift-begard": "application.notice.signatureRequested",
  "underskrift-borttagen": "application.notice.signatureRemoved",
  "underskrift-registrerad": "application.notice.paperSignature",
  inskickad: "application.notice.submitted",
  registrerad: "application.notice.registered",
  kompletterad: "application.notice.completed",
  beredning: "application.notice.preparation",
  aterskickad: "application.notice.returned",
  kommentar: "application.notice.commented",
  beslutad: "application.notice.decided",
};

const SIGNATURE_WORDS: SignatureWords = {
  party: "application.party",
  state: "application.signatureState",
  details: "application.signatureDetails",
  actions: "application.actions",
  owner: "application.owner",
  signedCount: "application.signedCount",
  requested: "application.requested",
  expired: "application.expired",
  signed: "application.signed",
  signedBy: "application.signedBy",
  methodLink: "application.methodLink",
  methodPaper: "application.methodPaper",
  requestedFrom: "application.requestedFrom",
  remove: "application.removeSignature",
  withdraw: "application.withdrawRequest",
  signerName: "application.signerName",
  signerTitle: "application.signerTitle",
  signerTitleHint: "application.signerTitleHint",
  signerEmail: "application.signerEmail",
  signerEmailOptional: "application.signerEmailOptional",
  requestSubmit: "application.requestSubmit",
  signedOn: "application.signedOn",
  dateHint: "application.dateHint",
  paperSubmit: "application.paperSubmit",
};

const APPLICATION_RETURN: ReturnWords = {
  title: "application.returnTitle",
  message: "application.returnMessage",
  messageHint: "application.returnMessageHint",
  submit: "application.returnSubmit",
};

export default function Application({ loaderData: a }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { failure, params, formKey, noticeKey, errors, failedIntent, value } = useWorkflow(NOTICES);
  const base = `/${a.slug}/ansokningar/${a.id}`;
  // a save of new content removes the signatures given for the old (the edit page says how many)
  const removedSignatures = Number(params.get("underskrifter")) || 0;
  const money = (n: number) => formatMoney(n, locale);
  const { allowed } = a;
  const decided = a.status === "beviljad" || a.status === "avslagen";
  const signed = countSigned(a.parties);
  const inPreparation = a.status === "inskickad" || a.status === "under_beredning";
  // the workflow's panels this person gets, in the order of the page
  const show = {
    submit: a.editable && (a.receivedOnPaper ? allowed.manage : allowed.edit),
    preparation: allowed.manage && inPreparation,
    comments: a.status !== "utkast",
    decide: allowed.decide && inPreparation,
  };

  // a refused submission lists what is missing, each linking to its field on the edit page
  // (missing signatures link to where they are asked for, or to the edit page that removed them)
  const fieldProblems = problemsOf(errors, {
    onEditPage: (key) =>
      failedIntent === "submit" && key !== "arrival-date" && key !== "signatures",
    editPage: `${base}/andra`,
    label: (key) => fieldLabel(key.split(".")[0] ?? key),
  });
  const problems = linkSignatureProblems(fieldProblems, {
    failedIntent,
    editable: a.editable,
    base,
  });

  const title = a.name || t("applications.unnamed");
  const form = { action: base, formKey, errors, value };
  const requestForm = (
    <SignatureRequestForm parties={a.parties} words={SIGNATURE_WORDS} form={form} />
  );
  const paperForm = (
    <PaperSignatureForm parties={a.parties} words={SIGNATURE_WORDS} form={form} today={a.today} />
  );

  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${a.slug}/ansokningar`}>{t("application.backToList")}</Link>
      </p>
      <h1>{title}</h1>
      <ActionOutcome
        notice={
          noticeKey && !failure ? (
            <>
              {t(noticeKey, { number: a.registryNumber || "–" })}
              {removedSignatures > 0
                ? ` ${t("applicationForm.notice.signaturesRemoved", { count: removedSignatures })}`
                : ""}
            </>
          ) : null
        }
        problems={problems}
        reload={errors.form ? { to: base, label: t("application.reload") } : null}
      />

      <dl className="summary">
        <dt>{t("applications.status")}</dt>
        <dd>{t(`applicationStatus.${a.status}`)}</dd>
        <dt>{t("applications.registryNumber")}</dt>
        <dd>{a.registryNumber || t("application.noRegistryNumber")}</dd>
        <dt>{t("applications.arrivalDate")}</dt>
        <dd>{a.arrivalDate || t("application.notArrived")}</dd>
        {a.receivedOnPaper ? (
          <>
            <dt>{t("application.receivedOnPaper")}</dt>
            <dd>{t("common.yes")}</dd>
          </>
        ) : null}
        <dt>{t("application.formVersion")}</dt>
        <dd>{a.formVersion}</dd>
        <dt>{t("applications.requested")}</dt>
        <dd>{money(a.requested)}</dd>
      </dl>

      <ul className="link-list">
        {allowed.edit && a.editable ? (
          <li>
            <Link to={`${base}/andra`}>{t("application.edit")}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`${base}/historik`}>{t("application.history")}</Link>
        </li>
        <li>
          <a href={`${base}/dokument?format=docx`}>{t("application.downloadDocx")}</a>
        </li>
        <li>
          <a href={`${base}/dokument?format=pdf`}>{t("application.downloadPdf")}</a>
        </li>
        {decided && allowed.initiative ? (
          <li>
            <Link to={`/${a.slug}/insatser/${a.initiativeId}`}>
              {t("application.toInitiative")}
            </Link>
          </li>
        ) : null}
      </ul>

      <OnThisPage
        label={t("application.onThisPage")}
        links={[
          { href: "#ansokan", text: t("application.contentTitle") },
          { href: "#underskrifter", text: t("application.signaturesTitle") },
          show.submit && {
            href: "#skicka-in",
            text: t(a.receivedOnPaper ? "application.registerTitle" : "application.submitTitle"),
          },
          show.preparation && { href: "#beredning", text: t("application.preparationTitle") },
          show.comments && { href: "#kommentarer", text: t("application.commentsTitle") },
          show.decide && { href: "#beslut-fatta", text: t("application.decideTitle") },
        ]}
      />

      {a.status === "komplettering" && a.returnMessage ? (
        <ReturnedNote
          title={t("application.returnedTitle")}
          message={a.returnMessage}
          help={allowed.edit ? t("application.returnedHelp") : null}
        />
      ) : null}

      {a.decision ? (
        <Panel id="beslut" title={t("application.decisionTitle")}>
          <dl className="summary">
            <dt>{t("application.decision")}</dt>
            <dd>{t(`applicationStatus.${a.decision.decision}`)}</dd>
            {a.decision.decision === "beviljad" ? (
              <>
                <dt>{t("application.decidedAmount")}</dt>
                <dd>{a.decision.amount === null ? "–" : money(a.decision.amount)}</dd>
                <dt>{t("application.decidedPeriod")}</dt>
                <dd>
                  {t("application.period", {
                    start: a.decision.startDate,
                    end: a.decision.endDate,
                  })}
                </dd>
                <dt>{t("application.conditions")}</dt>
                <dd>
                  {a.decision.conditions ? (
                    <TextLines text={a.decision.conditions} />
                  ) : (
                    t("application.noConditions")
                  )}
                </dd>
              </>
            ) : null}
          </dl>
          <p>
            {t("application.decidedAt", {
              meeting: a.decision.meeting,
              paragraph: a.decision.paragraph,
              date: a.decision.date,
            })}
          </p>
        </Panel>
      ) : null}

      <h2 id="ansokan" tabIndex={-1}>
        {t("application.contentTitle")}
      </h2>
      <ApplicationView content={a.content} organisations={a.organisations} headingLevel={3} />
      <h3>{t("application.agreementTitle")}</h3>
      <RichText text={a.agreementText} headingLevel={4} />

      <Panel id="underskrifter" title={t("application.signaturesTitle")}>
        {a.parties.length === 0 ? (
          <p>{t("application.noParties")}</p>
        ) : (
          <SignatureTable
            parties={a.parties}
            words={SIGNATURE_WORDS}
            unsigned="application.notRequested"
            removable={allowed.edit && a.editable}
            action={base}
            formKey={formKey}
          />
        )}

        {a.editable && a.parties.length ? (
          a.receivedOnPaper ? (
            <>
              {allowed.manage ? (
                <>
                  <h3>{t("application.paperTitle")}</h3>
                  <p>{t("application.paperHelp")}</p>
                  {paperForm}
                </>
              ) : null}
              {allowed.edit ? (
                <details className="field" open={failedIntent === "request-signature"}>
                  <summary>{t("application.requestInstead")}</summary>
                  <p>{t("application.requestHelp")}</p>
                  {requestForm}
                </details>
              ) : null}
            </>
          ) : (
            <>
              {allowed.edit ? (
                <>
                  <h3>{t("application.requestTitle")}</h3>
                  <p>{t("application.requestHelp")}</p>
                  {requestForm}
                </>
              ) : null}
              {allowed.manage ? (
                <details className="field" open={failedIntent === "paper-signature"}>
                  <summary>{t("application.paperInstead")}</summary>
                  <p>{t("application.paperHelp")}</p>
                  {paperForm}
                </details>
              ) : null}
            </>
          )
        ) : null}
      </Panel>

      {show.submit ? (
        <Panel
          id="skicka-in"
          title={t(a.receivedOnPaper ? "application.registerTitle" : "application.submitTitle")}
        >
          <p>
            {t(
              a.receivedOnPaper
                ? "application.registerHelp"
                : a.status === "komplettering"
                  ? "application.resubmitHelp"
                  : "application.submitHelp",
            )}
          </p>
          <p>{t("application.signedCount", { signed, total: a.parties.length })}</p>
          <IntentForm action={base} intent="submit" version={a.version} formKey={formKey}>
            {a.receivedOnPaper ? (
              <TextField
                name="arrival-date"
                type="date"
                label={t(
                  a.status === "komplettering"
                    ? "application.completionDate"
                    : "application.arrivalDate",
                )}
                hint={t("application.dateHint")}
                width="short"
                defaultValue={value("arrival-date", a.today)}
                error={errors["arrival-date"]}
                required
              />
            ) : null}
            <SubmitButton>
              {t(
                a.receivedOnPaper
                  ? a.status === "komplettering"
                    ? "application.registerCompletion"
                    : "application.register"
                  : a.status === "komplettering"
                    ? "application.resubmit"
                    : "application.submit",
              )}
            </SubmitButton>
          </IntentForm>
        </Panel>
      ) : null}

      {show.preparation ? (
        <Panel id="beredning" title={t("application.preparationTitle")}>
          {a.status === "inskickad" ? (
            <IntentForm
              action={base}
              intent="start-preparation"
              version={a.version}
              formKey={formKey}
            >
              <p>{t("application.startPreparationHelp")}</p>
              <SubmitButton variant="secondary">{t("application.startPreparation")}</SubmitButton>
            </IntentForm>
          ) : null}
          <ReturnForm form={form} version={a.version} words={APPLICATION_RETURN} />
        </Panel>
      ) : null}

      {show.comments ? (
        <Panel id="kommentarer" title={t("application.commentsTitle")}>
          <CommentList
            comments={a.comments}
            by={(c) => t("application.commentBy", { name: c.author, at: c.at })}
            none={t("application.noComments")}
          />
          {allowed.comment ? (
            <IntentForm action={base} intent="comment" formKey={formKey}>
              <TextArea
                name="comment-text"
                label={t("application.comment")}
                hint={t("application.commentHint")}
                defaultValue={value("comment-text")}
                error={errors["comment-text"]}
                required
              />
              <SubmitButton variant="secondary">{t("application.commentSubmit")}</SubmitButton>
            </IntentForm>
          ) : null}
        </Panel>
      ) : null}

      {show.decide ? (
        <Panel id="beslut-fatta" title={t("application.decideTitle")}>
          <p>{t("application.decideHelp")}</p>
          <IntentForm action={base} intent="decide" version={a.version} formKey={formKey}>
            <Radios
              name="decision"
              legend={t("application.decision")}
              error={errors.decision}
              checked={value("decision")}
              options={[
                { value: "beviljad", label: t("application.grant") },
                { value: "avslagen", label: t("application.reject") },
              ]}
              required
            />
            <TextField
              name="decision-amount"
              label={t("application.decidedAmountKr")}
              hint={t("application.decidedAmountHint", { requested: money(a.requested) })}
              inputMode="numeric"
              width="short"
              defaultValue={value("decision-amount")}
              error={errors["decision-amount"]}
            />
            <TextField
              name="decision-start"
              type="date"
              label={t("application.decidedStart")}
              hint={t("application.dateHint")}
              width="short"
              defaultValue={value("decision-start", a.content.startDate ?? "")}
              error={errors["decision-start"]}
            />
            <TextField
              name="decision-end"
              type="date"
              label={t("application.decidedEnd")}
              hint={t("application.dateHint")}
              width="short"
              defaultValue={value("decision-end", a.content.endDate ?? "")}
              error={errors["decision-end"]}
            />
            <TextArea
              name="decision-conditions"
              label={t("application.conditions")}
              hint={t("application.conditionsHint")}
              defaultValue={value("decision-conditions")}
              error={errors["decision-conditions"]}
            />
            <TextField
              name="decision-meeting"
              label={t("application.meeting")}
              hint={t("application.meetingHint")}
              defaultValue={value("decision-meeting")}
              error={errors["decision-meeting"]}
              required
            />
            <TextField
              name="decision-paragraph"
              label={t("application.paragraph")}
              hint={t("application.paragraphHint")}
              width="short"
              defaultValue={value("decision-paragraph")}
              error={errors["decision-paragraph"]}
              required
            />
            <TextField
              name="decision-date"
              type="date"
              label={t("application.decisionDate")}
              hint={t("application.dateHint")}
              width="short"
              defaultValue={value("decision-date", a.today)}
              error={errors["decision-date"]}
              required
            />
            <SubmitButton>{t("application.decideSubmit")}</SubmitButton>
          </IntentForm>
        </Panel>
      ) : null}
    </main>
  );
}
