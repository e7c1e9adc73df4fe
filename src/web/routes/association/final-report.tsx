// One final report: its header, every field read-only, then the workflow's panels for those
// allowed, each in the status it belongs to: submission (the lead; it closes the initiative),
// the office's review (accept and lock, or return for completion with a comment), the comments
// and the history of every saved version. Every action is a plain POST form carrying an
// `intent` and the version it was read at, and answers with a redirect and a notice.
import { Fragment } from "react";
import { Link } from "react-router";
import { can, visibleReports } from "../../../access/policy.ts";
import { formatDate, formatMoney } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { participantTotal, perParty } from "../../../reports/final-report-content.ts";
import {
  acceptFinalReport,
  getFinalReport,
  listFinalReportVersions,
  returnFinalReport,
  submitFinalReport,
} from "../../../reports/final-reports.ts";
import { TextArea } from "../../ui/fields.tsx";
import { SubmitButton } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { RichText } from "../../ui/rich-text.tsx";
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

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, report: r, allowed } = await findReport(context, request, params);
  const versions = await listFinalReportVersions(state.services.db, r.id);
  const date = (d: string | null) => (d ? formatDate(d) : "");
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
    content: {
      ...c,
      plannedStartDate: date(c.plannedStartDate),
      plannedEndDate: date(c.plannedEndDate),
      actualStartDate: date(c.actualStartDate),
      actualEndDate: date(c.actualEndDate),
      filledInOn: date(c.filledInOn || null),
    },
    parties: perParty(c).map((p) => ({
      ...p,
      signature: { ...p.signature, signedOn: date(p.signature.signedOn) },
    })),
    participantTotal: participantTotal(c.participants),
    comments: r.comments.map(commentView),
    versions: versions.map(versionView),
    allowed,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, report: r, allowed } = await findReport(context, request, params);
  return runIntent(request, state, {
    // each action's fields: the domain's name for a field → the form field's name (and id)
    fields: { submit: {}, return: { returnMessage: "return-message" }, accept: {} },
    permitted: { submit: allowed.write, return: allowed.manage, accept: allowed.manage },
    permission: "report.write",
    needs: { return: "reports.manage", accept: "reports.manage" },
    run: async (intent, { field, version, db, actor }) => {
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
  inskickad: "finalReport.notice.submitted",
  "inskickad-igen": "finalReport.notice.resubmitted",
  aterskickad: "finalReport.notice.returned",
  godkand: "finalReport.notice.accepted",
};

const EVENTS: Record<string, MessageKey> = {
  created: "finalReport.event.created",
  saved: "finalReport.event.saved",
  submitted: "finalReport.event.submitted",
  resubmitted: "finalReport.event.resubmitted",
  returned: "finalReport.event.returned",
  locked: "finalReport.event.locked",
};

/** A labelled narrative: the label as a heading, the text as rich text, or "not filled in". */
function Narrative({ label, value }: { label: string; value: string }) {
  const { t } = useI18n();
  return (
    <div className="application-view__field">
      <h4>{label}</h4>
      <RichText text={value} headingLevel={5} empty={t("finalReport.notAnswered")} />
    </div>
  );
}

export default function FinalReport({ loaderData: r }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { failure, formKey, noticeKey, errors, failedIntent, value } = useWorkflow(NOTICES);
  const base = `/${r.slug}/slutrapporter/${r.id}`;
  const { allowed, content: c } = r;
  const notSet = t("finalReport.notAnswered");
  const answer = (a: string | null) =>
    a === "ja" || a === "nej" || a === "delvis" ? t(`finalReport.answer.${a}`) : notSet;
  const count = (n: number | null) => (n === null ? notSet : String(n));
  const show = {
    submit: allowed.write && r.editable,
    review: allowed.manage && r.status === "inskickad",
    comments: r.comments.length > 0,
  };
  // a refused submission lists what is missing, each linking to its field on the edit page
  const problems = problemsOf(errors, {
    onEditPage: () => failedIntent === "submit",
    editPage: `${base}/andra`,
  });
  const title = t("finalReport.title", { name: c.initiativeName });
  const lastComment = r.comments.at(-1);

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
        notice={noticeKey && !failure ? t(noticeKey, { number: r.registryNumber || "–" }) : null}
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

      <h3>{t("finalReport.section.initiative")}</h3>
      <dl className="summary">
        <dt>{t("finalReport.field.initiativeName")}</dt>
        <dd>{c.initiativeName}</dd>
        <dt>{t("finalReport.field.applicationRegistryNumber")}</dt>
        <dd>
          {c.applicationId && allowed.application ? (
            <Link to={`/${r.slug}/ansokningar/${c.applicationId}`}>
              {c.applicationRegistryNumber ?? t("finalReport.toApplication")}
            </Link>
          ) : (
            (c.applicationRegistryNumber ?? t("finalReport.noApplication"))
          )}
        </dd>
        <dt>{t("finalReport.field.owner")}</dt>
        <dd>{c.ownerName}</dd>
        <dt>{t("finalReport.field.partners")}</dt>
        <dd>
          {c.parties
            .filter((p) => !p.isOwner)
            .map((p) => p.name)
            .join(", ") || notSet}
        </dd>
        <dt>{t("finalReport.field.orientation")}</dt>
        <dd>{t(`orientation.${c.orientation}`)}</dd>
      </dl>

      <h3>{t("finalReport.section.purpose")}</h3>
      <RichText text={c.purpose} headingLevel={4} empty={notSet} />

      <h3>{t("finalReport.section.goals")}</h3>
      {c.goals.length === 0 ? <p>{t("finalReport.noGoals")}</p> : null}
      {c.goals.map((g, i) => (
        <div key={g.goalId ?? i} className="application-view__field">
          <h4>{t("finalReport.field.goal", { number: i + 1, text: g.text })}</h4>
          <dl className="summary">
            <dt>{t("finalReport.field.achieved")}</dt>
            <dd>{answer(g.achieved)}</dd>
            <dt>{t("finalReport.field.figures")}</dt>
            <dd>{g.figures || notSet}</dd>
          </dl>
          <h5>{t("finalReport.field.outcome")}</h5>
          <RichText text={g.outcome} headingLevel={6} empty={notSet} />
        </div>
      ))}

      <h3>{t("finalReport.section.equality")}</h3>
      <RichText text={c.equality} headingLevel={4} empty={notSet} />

      <h3>{t("finalReport.section.need")}</h3>
      <Narrative label={t("finalReport.field.needDescribed")} value={c.needDescribed} />
      <Narrative label={t("finalReport.field.changedNeed")} value={c.changedNeed} />

      <h3>{t("finalReport.section.time")}</h3>
      <dl className="summary">
        <dt>{t("finalReport.field.plannedStart")}</dt>
        <dd>{c.plannedStartDate || notSet}</dd>
        <dt>{t("finalReport.field.plannedEnd")}</dt>
        <dd>{c.plannedEndDate || notSet}</dd>
        <dt>{t("finalReport.field.actualStart")}</dt>
        <dd>{c.actualStartDate || notSet}</dd>
        <dt>{t("finalReport.field.actualEnd")}</dt>
        <dd>{c.actualEndDate || notSet}</dd>
      </dl>
      <Narrative label={t("finalReport.field.timeChangeReason")} value={c.timeChangeReason} />

      <h3>{t("finalReport.section.targetGroup")}</h3>
      <Narrative label={t("finalReport.field.targetGroupDefined")} value={c.targetGroupDefined} />
      <Narrative label={t("finalReport.field.targetGroupChange")} value={c.targetGroupChange} />

      <h3>{t("finalReport.section.participants")}</h3>
      {c.participants.feasibilityStudy ? (
        <p>{t("finalReport.feasibilityStudyShort")}</p>
      ) : (
        <dl className="summary" id="deltagare">
          <dt>{t("finalReport.field.women")}</dt>
          <dd>{count(c.participants.women)}</dd>
          <dt>{t("finalReport.field.men")}</dt>
          <dd>{count(c.participants.men)}</dd>
          <dt>{t("finalReport.field.otherOrNotStated")}</dt>
          <dd>{count(c.participants.otherOrNotStated)}</dd>
          <dt>{t("finalReport.field.total")}</dt>
          <dd>{count(r.participantTotal)}</dd>
        </dl>
      )}

      <h3>{t("finalReport.section.method")}</h3>
      <Narrative label={t("finalReport.field.methodDefined")} value={c.methodDefined} />
      <Narrative label={t("finalReport.field.methodChange")} value={c.methodChange} />
      <dl className="summary">
        <dt>{t("finalReport.field.methodAsIntended")}</dt>
        <dd>{answer(c.methodAsIntended)}</dd>
      </dl>
      <Narrative
        label={t("finalReport.field.methodAsIntendedText")}
        value={c.methodAsIntendedText}
      />

      <h3>{t("finalReport.section.followUp")}</h3>
      <Narrative label={t("finalReport.field.followUp")} value={c.followUp} />

      <h3>{t("finalReport.section.continuation")}</h3>
      <Narrative label={t("finalReport.field.continuation")} value={c.continuation} />

      <h3>{t("finalReport.section.returnedFunds")}</h3>
      <dl className="summary">
        <dt>{t("finalReport.field.returned")}</dt>
        <dd>{answer(c.returnedFunds.returned)}</dd>
        {c.returnedFunds.returned === "ja" ? (
          <>
            <dt>{t("finalReport.field.amount")}</dt>
            <dd>
              {c.returnedFunds.amount === null
                ? notSet
                : formatMoney(c.returnedFunds.amount, locale)}
            </dd>
          </>
        ) : null}
      </dl>
      {c.returnedFunds.returned === "ja" ? (
        <>
          <Narrative label={t("finalReport.field.reason")} value={c.returnedFunds.reason} />
          <Narrative
            label={t("finalReport.field.consequences")}
            value={c.returnedFunds.consequences}
          />
        </>
      ) : null}

      <h3>{t("finalReport.section.lessons")}</h3>
      {r.parties.map((p) => (
        <Narrative
          key={p.party.organisationId}
          label={t("finalReport.field.lesson", { party: p.party.name })}
          value={p.lesson}
        />
      ))}

      <h3>{t("finalReport.section.signatures")}</h3>
      <dl className="summary">
        {r.parties.map((p) => (
          <Fragment key={p.party.organisationId}>
            <dt>{p.party.name}</dt>
            <dd>
              {p.signature.signerName && p.signature.signedOn
                ? t("finalReport.signedBy", {
                    name: p.signature.signerName,
                    date: p.signature.signedOn,
                  })
                : p.signature.signerName || t("finalReport.notSigned")}
            </dd>
          </Fragment>
        ))}
      </dl>

      {show.submit ? (
        <Panel id="skicka-in" title={t("finalReport.submitTitle")}>
          <p>
            {t(r.status === "aterskickad" ? "finalReport.resubmitHelp" : "finalReport.submitHelp")}
          </p>
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
          <h3>{t("finalReport.returnTitle")}</h3>
          <IntentForm action={base} intent="return" version={r.version} formKey={formKey}>
            <TextArea
              name="return-message"
              label={t("finalReport.returnMessage")}
              hint={t("finalReport.returnMessageHint")}
              defaultValue={value("return-message")}
              error={errors["return-message"]}
              required
            />
            <SubmitButton variant="secondary">{t("finalReport.returnSubmit")}</SubmitButton>
          </IntentForm>
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
