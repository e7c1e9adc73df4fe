// One periodic report (domain/documents.md §2): its header (initiative, period, due date,
// status, registration), every section read-only with the status answers and what Samspår's
// own data says about the derived ones, and the workflow's panels, each for those allowed and
// only in the status it belongs to: submission (the lead), registration of arrival, acceptance
// and return (the office), comments (office, steering group, lead), and the version history.
// Every action is a plain POST form carrying an `intent` (and the version it was read at) and
// answers with a redirect and a notice.
import { Link } from "react-router";
import { can, visibleReports } from "../../../access/policy.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import {
  PERIODIC_TEXT_FIELDS,
  STATUS_QUESTIONS,
} from "../../../reports/periodic-report-content.ts";
import {
  acceptPeriodicReport,
  commentOnPeriodicReport,
  getPeriodicReport,
  registerArrival,
  returnPeriodicReport,
  submitPeriodicReport,
} from "../../../reports/periodic-reports.ts";
import { initialsOf } from "../../../reports/report-dashboard.ts";
import { listReportVersions } from "../../../reports/report-versions.ts";
import { SelectField, SubmitButton } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import {
  fieldLabelOf,
  periodLabel,
  statusText,
  TextArea,
  TextInput,
} from "../../ui/periodic-report-form.tsx";
import { RichText, TextLines } from "../../ui/rich-text.tsx";
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
import type { Route } from "./+types/periodic-report.ts";

type Ctx = Route.LoaderArgs["context"];
type Params = Route.LoaderArgs["params"];

/** The report in the URL, for a person who may see it: else 403, or 404 if there is none. */
async function findPeriodicReport(context: Ctx, request: Request, params: Params) {
  const found = await requireDocument(context, request, params.association, {
    permission: "report.view",
    visible: visibleReports,
    load: (db, associationId) => getPeriodicReport(db, associationId, params.reportId ?? ""),
    notFound: "Rapporten finns inte.",
  });
  const { principal, association, on } = found;
  const write = on("report.write");
  const steering = on("report.steering");
  const manage = can(principal, "reports.manage", association.id);
  const allowed = {
    write,
    steering,
    manage,
    // the office, the steering group and the lead discuss the report; the board reads it
    comment: manage || write || steering,
    initiative: on("initiative.view"),
  };
  return { ...found, report: found.document, allowed };
}

/** The derived questions a comment may concern. */
const DERIVED = STATUS_QUESTIONS.filter((q) => "derived" in q && q.derived).map((q) => q.key);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const {
    state,
    association,
    principal,
    report: r,
    allowed,
  } = await findPeriodicReport(context, request, params);
  const versions = await listReportVersions(state.services.db, "periodic", r.id);
  const lastReturn = versions.find((v) => v.event === "returned");
  const c = r.content;
  return {
    slug: association.slug,
    id: r.id,
    version: r.version,
    status: r.status,
    overdue: r.overdue,
    initiativeId: r.initiativeId,
    initiativeName: r.initiativeName,
    ownerName: r.ownerName,
    periodKey: r.periodKey,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    dueDate: r.dueDate,
    submittedOn: r.submittedAt ? todayInSweden(r.submittedAt) : "",
    submittedLate: !!r.submittedAt && todayInSweden(r.submittedAt) > r.dueDate,
    arrivalDate: r.arrivalDate ?? "",
    registryNumber: r.registryNumber ?? "",
    initials: r.receivedByInitials ?? "",
    lockedAt: r.lockedAt ? formatDateTime(r.lockedAt) : "",
    returnMessage: r.status === "aterskickad" ? (lastReturn?.note ?? "") : "",
    texts: Object.fromEntries(PERIODIC_TEXT_FIELDS.map((f) => [f.key, c[f.key] ?? ""])),
    goals: c.goals.map((g) => ({
      text: g.goalText,
      assessment: g.assessment,
      comment: g.comment,
    })),
    answers: STATUS_QUESTIONS.map((q) => {
      const derived = r.derived[q.key];
      return {
        key: q.key,
        answer: c.answers[q.key]?.answer ?? null,
        comment: c.answers[q.key]?.comment ?? "",
        carried: q.key === "startedOnTime" && r.startedOnTimeCarried,
        derived: derived ? { answer: derived.answer, basis: derived.basis } : null,
      };
    }),
    reportedBy: c.reportedBy,
    reportedOn: c.reportedOn ?? "",
    steering: {
      goalFulfilment: r.steeringAnalysis.goalFulfilment ?? "",
      budget: r.steeringAnalysis.budget ?? "",
      deviations: r.steeringAnalysis.deviations ?? "",
      implementationPlan: r.steeringAnalysis.implementationPlan ?? "",
      writtenBy: r.steeringAnalysis.writtenBy ?? "",
      writtenOn: r.steeringAnalysis.writtenOn ?? "",
    },
    comments: r.comments.map((m) => ({ ...commentView(m), field: m.field })),
    versions: versions.map(versionView),
    derivedKeys: DERIVED as string[],
    today: todayInSweden(),
    defaultInitials: initialsOf(principal.name),
    allowed,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const {
    state,
    association,
    report: r,
    allowed,
  } = await findPeriodicReport(context, request, params);
  return runIntent(request, state, {
    // each action's fields: the domain's name for a field → the form field's name (and id)
    fields: {
      submit: {},
      register: { arrivalDate: "arrival-date", initials: "initials" },
      accept: { arrivalDate: "arrival-date" },
      return: { returnMessage: "return-message" },
      comment: { comment: "comment-text", field: "comment-field" },
    },
    permitted: {
      submit: allowed.write,
      register: allowed.manage,
      accept: allowed.manage,
      return: allowed.manage,
      comment: allowed.comment,
    },
    permission: "report.write",
    run: async (intent, { field, version, db, actor }) => {
      switch (intent) {
        case "submit":
          await submitPeriodicReport(db, actor, association.id, r.id, version);
          return r.status === "aterskickad" ? "inskickad-igen" : "inskickad";
        case "register":
          await registerArrival(db, actor, association.id, r.id, version, {
            arrivalDate: field("arrivalDate"),
            initials: field("initials"),
          });
          return "registrerad";
        case "accept":
          await acceptPeriodicReport(db, actor, association.id, r.id, version);
          return "last";
        case "return":
          await returnPeriodicReport(
            db,
            actor,
            association.id,
            r.id,
            version,
            field("returnMessage"),
          );
          return "aterskickad";
        case "comment": {
          const about = field("field");
          await commentOnPeriodicReport(
            db,
            actor,
            association.id,
            r.id,
            field("comment"),
            (DERIVED as string[]).includes(about) ? `answers.${about}` : null,
          );
          return "kommentar";
        }
      }
    },
    done: `/${association.slug}/rapporter/${r.id}`,
  });
}

const NOTICES: Record<string, MessageKey> = {
  sparad: "periodicReport.notice.saved",
  "styrgrupp-sparad": "periodicReport.notice.steeringSaved",
  inskickad: "periodicReport.notice.submitted",
  "inskickad-igen": "periodicReport.notice.resubmitted",
  registrerad: "periodicReport.notice.registered",
  last: "periodicReport.notice.locked",
  aterskickad: "periodicReport.notice.returned",
  kommentar: "periodicReport.notice.commented",
};

const EVENTS: Record<string, MessageKey> = {
  created: "periodicReport.event.created",
  saved: "periodicReport.event.saved",
  steering_analysis_saved: "periodicReport.event.steering_analysis_saved",
  submitted: "periodicReport.event.submitted",
  resubmitted: "periodicReport.event.resubmitted",
  registered: "periodicReport.event.registered",
  returned: "periodicReport.event.returned",
  locked: "periodicReport.event.locked",
};

const questionKey = (key: string) => `periodicReport.question.${key}` as MessageKey;
const answerKey = (code: string) => `periodicReport.answer.${code}` as MessageKey;

export default function PeriodicReport({ loaderData: r }: Route.ComponentProps) {
  const { t } = useI18n();
  const { failure, formKey, noticeKey, errors, failedIntent, value } = useWorkflow(NOTICES);
  const base = `/${r.slug}/rapporter/${r.id}`;
  const { allowed } = r;
  const editable = r.status === "utkast" || r.status === "aterskickad";
  const registered = !!r.arrivalDate && !!r.registryNumber;
  const show = {
    submit: allowed.write && editable,
    register: allowed.manage && r.status === "inskickad" && !registered,
    review: allowed.manage && r.status === "inskickad",
    commentForm: allowed.comment && r.status !== "last",
  };
  const period = periodLabel(t, r.periodKey);
  const title = t("periodicReport.title", { initiative: r.initiativeName, period });

  // a refused submission lists what is missing, each linking to its field on the edit page
  const problems = problemsOf(errors, {
    onEditPage: () => failedIntent === "submit",
    editPage: `${base}/andra`,
    label: (key) => fieldLabelOf(t, key),
  });
  const commentsAbout = (key: string) => r.comments.filter((m) => m.field === `answers.${key}`);

  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${r.slug}/rapporter`}>{t("periodicReport.backToReports")}</Link>
      </p>
      <h1>{title}</h1>
      <ActionOutcome
        notice={noticeKey && !failure ? t(noticeKey, { number: r.registryNumber || "–" }) : null}
        problems={problems}
        reload={errors.form ? { to: base, label: t("periodicReport.reload") } : null}
      />
      {r.overdue ? (
        <p className="warning">
          {t("periodicReport.overdueWarning", { due: r.dueDate, period: r.periodKey })}
        </p>
      ) : null}

      <dl className="summary">
        <dt>{t("periodicReport.initiative")}</dt>
        <dd>
          {allowed.initiative ? (
            <Link to={`/${r.slug}/insatser/${r.initiativeId}`}>{r.initiativeName}</Link>
          ) : (
            r.initiativeName
          )}
        </dd>
        <dt>{t("periodicReport.owner")}</dt>
        <dd>{r.ownerName}</dd>
        <dt>{t("periodicReport.period")}</dt>
        <dd>
          {t("periodicReport.periodDates", {
            label: period,
            key: r.periodKey,
            start: r.periodStart,
            end: r.periodEnd,
          })}
        </dd>
        <dt>{t("periodicReport.dueDate")}</dt>
        <dd>{r.dueDate}</dd>
        <dt>{t("periodicReport.statusLabel")}</dt>
        <dd>{statusText(t, r)}</dd>
        {r.submittedOn ? (
          <>
            <dt>{t("periodicReport.submittedOn")}</dt>
            <dd>
              {r.submittedLate
                ? t("periodicReport.submittedLate", { date: r.submittedOn })
                : r.submittedOn}
            </dd>
          </>
        ) : null}
        <dt>{t("periodicReport.registryNumber")}</dt>
        <dd>{r.registryNumber || t("periodicReport.notRegistered")}</dd>
        {registered ? (
          <>
            <dt>{t("periodicReport.arrivalDate")}</dt>
            <dd>{r.arrivalDate}</dd>
            <dt>{t("periodicReport.receivedBy")}</dt>
            <dd>{r.initials}</dd>
          </>
        ) : null}
        {r.lockedAt ? (
          <>
            <dt>{t("periodicReport.lockedAt")}</dt>
            <dd>{r.lockedAt}</dd>
          </>
        ) : null}
      </dl>

      <ul className="link-list">
        {allowed.write && editable ? (
          <li>
            <Link to={`${base}/andra`}>{t("periodicReport.edit")}</Link>
          </li>
        ) : null}
        {allowed.steering && r.status !== "last" ? (
          <li>
            <Link to={`${base}/styrgrupp`}>{t("periodicReport.writeSteering")}</Link>
          </li>
        ) : null}
        <li>
          <a href={`${base}/dokument?format=docx`}>{t("periodicReport.downloadDocx")}</a>
        </li>
        <li>
          <a href={`${base}/dokument?format=pdf`}>{t("periodicReport.downloadPdf")}</a>
        </li>
      </ul>

      {r.status === "aterskickad" && r.returnMessage ? (
        <ReturnedNote
          title={t("periodicReport.returnedTitle")}
          message={r.returnMessage}
          help={allowed.write ? t("periodicReport.returnedHelp") : null}
        />
      ) : null}

      <OnThisPage
        label={t("periodicReport.onThisPage")}
        links={[
          { href: "#aktivitetsrapport", text: t("periodicReport.activityReport") },
          { href: "#statusfragor", text: t("periodicReport.statusQuestions") },
          { href: "#styrgruppens-analys", text: t("periodicReport.steeringTitle") },
          show.submit && { href: "#skicka-in", text: t("periodicReport.submitTitle") },
          show.review && { href: "#granskning", text: t("periodicReport.reviewTitle") },
          { href: "#kommentarer", text: t("periodicReport.commentsTitle") },
          { href: "#historik", text: t("periodicReport.historyTitle") },
        ]}
      />

      {show.submit ? (
        <Panel id="skicka-in" title={t("periodicReport.submitTitle")}>
          <p>
            {t(
              r.status === "aterskickad"
                ? "periodicReport.resubmitHelp"
                : "periodicReport.submitHelp",
            )}
          </p>
          <IntentForm action={base} intent="submit" version={r.version} formKey={formKey}>
            <SubmitButton>
              {t(r.status === "aterskickad" ? "periodicReport.resubmit" : "periodicReport.submit")}
            </SubmitButton>
          </IntentForm>
        </Panel>
      ) : null}

      {show.review ? (
        <Panel id="granskning" title={t("periodicReport.reviewTitle")}>
          {show.register ? (
            <>
              <h3>{t("periodicReport.registerTitle")}</h3>
              <p>{t("periodicReport.registerHelp")}</p>
              <IntentForm action={base} intent="register" version={r.version} formKey={formKey}>
                <TextInput
                  name="arrival-date"
                  type="date"
                  label={t("periodicReport.arrivalDate")}
                  hint={t("periodicReport.arrivalDateHint")}
                  short
                  defaultValue={value("arrival-date", r.submittedOn || r.today)}
                  error={errors["arrival-date"]}
                  mark="required"
                />
                <TextInput
                  name="initials"
                  label={t("periodicReport.initials")}
                  hint={t("periodicReport.initialsHint")}
                  short
                  defaultValue={value("initials", r.defaultInitials)}
                  error={errors.initials}
                  mark="required"
                />
                <SubmitButton>{t("periodicReport.register")}</SubmitButton>
              </IntentForm>
            </>
          ) : (
            <>
              <h3>{t("periodicReport.acceptTitle")}</h3>
              <p>
                {t("periodicReport.acceptHelp", {
                  number: r.registryNumber,
                  date: r.arrivalDate,
                  initials: r.initials,
                })}
              </p>
              <IntentForm action={base} intent="accept" version={r.version} formKey={formKey}>
                <SubmitButton>{t("periodicReport.accept")}</SubmitButton>
              </IntentForm>
            </>
          )}
          {show.register ? <p>{t("periodicReport.acceptNeedsRegistration")}</p> : null}
          <h3>{t("periodicReport.returnTitle")}</h3>
          <IntentForm action={base} intent="return" version={r.version} formKey={formKey}>
            <TextArea
              name="return-message"
              label={t("periodicReport.returnMessage")}
              hint={t("periodicReport.returnMessageHint")}
              defaultValue={value("return-message")}
              error={errors["return-message"]}
              mark="required"
            />
            <SubmitButton variant="secondary">{t("periodicReport.returnSubmit")}</SubmitButton>
          </IntentForm>
        </Panel>
      ) : null}

      <h2 id="aktivitetsrapport" tabIndex={-1}>
        {t("periodicReport.activityReport")}
      </h2>
      {(["activities", "deviations", "userParticipation"] as const).map((key) => (
        <section key={key} aria-labelledby={`visa-${key}`}>
          <h3 id={`visa-${key}`}>{t(`periodicReport.field.${key}`)}</h3>
          <RichText text={r.texts[key] ?? ""} empty={t("periodicReport.empty")} />
        </section>
      ))}
      <section aria-labelledby="visa-goals">
        <h3 id="visa-goals">{t("periodicReport.goalsTitle")}</h3>
        {r.goals.length === 0 ? (
          <p>{t("periodicReport.noGoals")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("periodicReport.goalsTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("periodicReport.goalText")}</th>
                  <th scope="col">{t("periodicReport.assessment")}</th>
                  <th scope="col">{t("periodicReport.comment")}</th>
                </tr>
              </thead>
              <tbody>
                {r.goals.map((g, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the goals in order
                  <tr key={i}>
                    <th scope="row">
                      {t("periodicReport.goalNumbered", { number: i + 1, text: g.text })}
                    </th>
                    <td>
                      {g.assessment ? t(answerKey(g.assessment)) : t("periodicReport.notAnswered")}
                    </td>
                    <td>{g.comment}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="visa-summary">
        <h3 id="visa-summary">{t("periodicReport.summaryTitle")}</h3>
        {(
          ["goingWell", "goingLessWell", "successFactors", "systemFaults", "measures"] as const
        ).map((key) => (
          <div key={key}>
            <h4>{t(`periodicReport.field.${key}`)}</h4>
            <RichText
              text={r.texts[key] ?? ""}
              headingLevel={5}
              empty={t("periodicReport.empty")}
            />
          </div>
        ))}
      </section>

      <h2 id="statusfragor" tabIndex={-1}>
        {t("periodicReport.statusQuestions")}
      </h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("periodicReport.statusQuestions")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("periodicReport.question")}</th>
              <th scope="col">{t("periodicReport.answer")}</th>
              <th scope="col">{t("periodicReport.commentAndBasis")}</th>
            </tr>
          </thead>
          <tbody>
            {r.answers.map((a) => {
              const about = commentsAbout(a.key);
              // an open derived answer is shown as what Samspår suggests, marked as such
              const suggested = !a.answer && a.derived?.answer ? a.derived.answer : null;
              return (
                <tr key={a.key}>
                  <th scope="row">{t(questionKey(a.key))}</th>
                  <td>
                    {a.answer
                      ? t(answerKey(a.answer))
                      : suggested
                        ? t("periodicReport.suggested", { answer: t(answerKey(suggested)) })
                        : t("periodicReport.notAnswered")}
                    {a.carried ? (
                      <span className="field__hint"> {t("periodicReport.carried")}</span>
                    ) : null}
                  </td>
                  <td>
                    {a.comment ? <TextLines text={a.comment} /> : null}
                    {a.derived ? (
                      <p className="field__hint">
                        {t("periodicReport.basis", { basis: a.derived.basis })}
                      </p>
                    ) : null}
                    {about.map((m) => (
                      <p key={m.id}>
                        {t("periodicReport.fieldComment", {
                          name: m.author,
                          at: m.at,
                          text: m.text,
                        })}
                      </p>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>{t("periodicReport.reportersTitle")}</h3>
      <dl className="summary">
        <dt>{t("periodicReport.reportedBy")}</dt>
        <dd>{r.reportedBy || t("periodicReport.empty")}</dd>
        <dt>{t("periodicReport.reportedOn")}</dt>
        <dd>{r.reportedOn || t("periodicReport.empty")}</dd>
      </dl>

      <h2 id="styrgruppens-analys" tabIndex={-1}>
        {t("periodicReport.steeringTitle")}
      </h2>
      {(["goalFulfilment", "budget", "deviations", "implementationPlan"] as const).map((key) => (
        <section key={key} aria-labelledby={`visa-steering-${key}`}>
          <h3 id={`visa-steering-${key}`}>{t(`periodicReport.steeringField.${key}`)}</h3>
          <RichText text={r.steering[key]} empty={t("periodicReport.empty")} />
        </section>
      ))}
      <p>
        {r.steering.writtenBy
          ? t("periodicReport.steeringWrittenBy", {
              name: r.steering.writtenBy,
              date: r.steering.writtenOn || "–",
            })
          : t("periodicReport.steeringNotWritten")}
      </p>

      <Panel id="kommentarer" title={t("periodicReport.commentsTitle")}>
        <CommentList
          comments={r.comments}
          by={(m) => (
            <>
              {t("periodicReport.commentBy", { name: m.author, at: m.at })}
              {m.field
                ? ` ${t("periodicReport.commentAbout", {
                    question: t(questionKey(m.field.replace(/^answers\./, ""))),
                  })}`
                : ""}
            </>
          )}
          none={t("periodicReport.noComments")}
        />
        {show.commentForm ? (
          <IntentForm action={base} intent="comment" formKey={formKey}>
            <SelectField
              name="comment-field"
              label={t("periodicReport.commentField")}
              defaultValue={value("comment-field")}
              options={[
                { value: "", label: t("periodicReport.commentWhole") },
                ...r.derivedKeys.map((k) => ({ value: k, label: t(questionKey(k)) })),
              ]}
            />
            <TextArea
              name="comment-text"
              label={t("periodicReport.comment")}
              hint={t("periodicReport.commentHint")}
              defaultValue={value("comment-text")}
              error={errors["comment-text"]}
              mark="required"
            />
            <SubmitButton variant="secondary">{t("periodicReport.commentSubmit")}</SubmitButton>
          </IntentForm>
        ) : r.status === "last" ? (
          <p>{t("periodicReport.lockedNoComments")}</p>
        ) : null}
      </Panel>

      <section aria-labelledby="historik">
        <h2 id="historik" tabIndex={-1}>
          {t("periodicReport.historyTitle")}
        </h2>
        <VersionTable
          caption={t("periodicReport.historyTitle")}
          captionHidden
          versions={r.versions}
          columns={[
            { label: t("periodicReport.version"), cellClass: "num", cell: (v) => v.version },
            { label: t("periodicReport.when"), cellClass: "date", cell: (v) => v.at },
            {
              label: t("periodicReport.who"),
              cell: (v) => (v.by === "system" ? t("periodicReport.system") : v.by),
            },
            {
              label: t("periodicReport.event"),
              cell: (v) => (
                <>
                  {EVENTS[v.event] ? t(EVENTS[v.event] as MessageKey) : v.event}
                  {v.note ? <span className="field__hint"> ({v.note})</span> : null}
                </>
              ),
            },
          ]}
        />
      </section>
    </main>
  );
}
