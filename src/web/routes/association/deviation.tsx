// One deviation report: its facts and parts read-only, then the workflow's panels, each for
// those allowed and only in the status it belongs to: submission (the lead or the office),
// the decision (the office or the board), comments, and the version history. Every action is
// a plain POST form carrying an `intent` (and the version it was read at) and answers with a
// redirect and a notice.
import { Link } from "react-router";
import { can, visibleReports } from "../../../access/policy.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import { formatDate, formatMoney } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import {
  commentOnDeviationReport,
  type DecisionBody,
  decideDeviationReport,
  getDeviationReport,
  listDeviationReportVersions,
  submitDeviationReport,
} from "../../../reports/deviation-reports.ts";
import { Radios, TextArea } from "../../ui/fields.tsx";
import { SubmitButton, TextField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { RichText, TextLines } from "../../ui/rich-text.tsx";
import {
  ActionOutcome,
  CommentList,
  IntentForm,
  Panel,
  problemsOf,
  useWorkflow,
  VersionTable,
} from "../../ui/workflow-panels.tsx";
import {
  commentView,
  requireDocument,
  runIntent,
  versionView,
} from "../../workflow-actions.server.ts";
import type { Route } from "./+types/deviation.ts";
import { TEXT_FIELDS } from "./deviation-edit.tsx";

type Ctx = Route.LoaderArgs["context"];
type Params = Route.LoaderArgs["params"];

/** The report in the URL, for a person who may see it: else 403, or 404 if there is none. */
async function findReport(context: Ctx, request: Request, params: Params) {
  const found = await requireDocument(context, request, params.association, {
    permission: "report.view",
    visible: visibleReports,
    load: (db, associationId) => getDeviationReport(db, associationId, params.deviationId),
    notFound: "Avvikelserapporten finns inte.",
  });
  const { principal, association, on } = found;
  const decide = can(principal, "deviations.decide", association.id);
  const write = on("report.write");
  const allowed = {
    write,
    decide,
    comment: write || decide,
    initiative: on("initiative.view"),
  };
  // the office decides as kansli or records the board's decision; a board member as the board
  const bodies: DecisionBody[] = can(principal, "reports.manage", association.id)
    ? ["kansli", "styrelse"]
    : ["styrelse"];
  return { ...found, report: found.document, allowed, bodies };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const {
    state,
    association,
    report: r,
    allowed,
    bodies,
  } = await findReport(context, request, params);
  const date = (d: string | null) => (d ? formatDate(d) : "");
  const versions = await listDeviationReportVersions(state.services.db, r.id);
  return {
    slug: association.slug,
    id: r.id,
    version: r.version,
    status: r.status,
    registryNumber: r.registryNumber ?? "",
    arrivalDate: date(r.arrivalDate),
    createdOn: formatDate(r.createdAt),
    initiative: {
      id: r.initiativeId,
      name: r.initiativeName,
      status: r.initiativeStatus,
      ownerName: r.ownerName,
      startDate: date(r.initiativeStartDate),
      endDate: date(r.initiativeEndDate),
      plannedEndDate: date(r.initiativePlannedEndDate),
    },
    types: r.types,
    texts: Object.fromEntries(TEXT_FIELDS.map((f) => [f, r[f]])) as Record<
      (typeof TEXT_FIELDS)[number],
      string
    >,
    request: r.request,
    requestedEndDate: date(r.requestedEndDate),
    requestedTargetGroup: r.requestedTargetGroup ?? "",
    requestedAmount: r.requestedAmount,
    decision:
      r.status === "godkand" || r.status === "avslagen"
        ? {
            status: r.status,
            body: r.decisionBody,
            date: date(r.decisionDate),
            meeting: r.decisionMeeting ?? "",
            paragraph: r.decisionParagraph ?? "",
            motivation: r.decisionMotivation ?? "",
          }
        : null,
    comments: r.comments.map(commentView),
    versions: versions.map(versionView),
    today: todayInSweden(),
    allowed,
    bodies,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, report, allowed, bodies } = await findReport(
    context,
    request,
    params,
  );
  return runIntent(request, state, {
    // each action's fields: the domain's name for a field → the form field's name (and id)
    fields: {
      submit: {},
      comment: { comment: "comment-text" },
      decide: {
        decisionBody: "decision-body",
        decision: "decision",
        decisionDate: "decision-date",
        motivation: "decision-motivation",
        meeting: "decision-meeting",
        paragraph: "decision-paragraph",
      },
    },
    permitted: { submit: allowed.write, comment: allowed.comment, decide: allowed.decide },
    permission: "report.write",
    needs: { decide: "deviations.decide" },
    run: async (intent, { field, version, db, actor }) => {
      switch (intent) {
        case "submit":
          await submitDeviationReport(db, actor, association.id, report.id, version);
          return "inskickad";
        case "comment":
          await commentOnDeviationReport(db, actor, association.id, report.id, field("comment"));
          return "kommentar";
        case "decide":
          await decideDeviationReport(
            db,
            actor,
            association.id,
            report.id,
            version,
            {
              decisionBody: field("decisionBody"),
              decision: field("decision"),
              decisionDate: field("decisionDate"),
              motivation: field("motivation"),
              meeting: field("meeting"),
              paragraph: field("paragraph"),
            },
            { bodies },
          );
          return "beslutad";
      }
    },
    done: `/${association.slug}/avvikelser/${report.id}`,
  });
}

const NOTICES: Record<string, MessageKey> = {
  skapad: "deviation.notice.created",
  sparad: "deviation.notice.saved",
  inskickad: "deviation.notice.submitted",
  beslutad: "deviation.notice.decided",
  kommentar: "deviation.notice.commented",
};

/** The form's fields a refused submission names, by their label on the edit page. */
const FIELD_LABELS: Record<string, MessageKey> = {
  types: "deviation.field.types",
  description: "deviation.field.description",
  cause: "deviation.field.cause",
  consequence: "deviation.field.consequence",
  measures: "deviation.field.measures",
  request: "deviation.field.request",
  requestedEndDate: "deviation.form.requestedEndDate",
  requestedTargetGroup: "deviation.form.requestedTargetGroup",
  requestedAmount: "deviation.form.requestedAmount",
};

const EVENTS: Record<string, MessageKey> = {
  created: "deviation.event.created",
  saved: "deviation.event.saved",
  submitted: "deviation.event.submitted",
  decided: "deviation.event.decided",
};

export default function Deviation({ loaderData: r }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { failure, formKey, noticeKey, errors, failedIntent, value } = useWorkflow(NOTICES);
  const base = `/${r.slug}/avvikelser/${r.id}`;
  const money = (n: number) => formatMoney(n, locale);
  const { allowed, initiative } = r;
  const show = {
    edit: allowed.write && r.status === "utkast",
    submit: allowed.write && r.status === "utkast",
    decide: allowed.decide && r.status === "inskickad",
    comments: r.status !== "utkast",
  };
  // a refused submission lists what is missing, each linking to its field on the edit page
  const problems = problemsOf(errors, {
    onEditPage: () => failedIntent === "submit",
    editPage: `${base}/andra`,
    label: (key) => (Object.hasOwn(FIELD_LABELS, key) ? t(FIELD_LABELS[key] as MessageKey) : key),
  });
  const title = r.registryNumber
    ? t("deviation.titleNumbered", { initiative: initiative.name, number: r.registryNumber })
    : t("deviation.title", { initiative: initiative.name });

  /** What an approval does to the initiative, in words, for the decision panel and the decision. */
  const effect = (() => {
    switch (r.request) {
      case "forlangning":
        return t("deviation.effect.forlangning", {
          from: initiative.endDate || "–",
          to: r.requestedEndDate || "–",
        });
      case "avslut_i_fortid":
        return t("deviation.effect.avslut_i_fortid", {
          date: r.requestedEndDate || "–",
          planned: initiative.endDate || "–",
        });
      case "andrad_malgrupp":
        return t("deviation.effect.andrad_malgrupp");
      case "flytta_medel":
        return t("deviation.effect.flytta_medel", { amount: money(r.requestedAmount ?? 0) });
      default:
        return t("deviation.effect.ingen");
    }
  })();

  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${r.slug}/avvikelser`}>{t("deviation.backToList")}</Link>
      </p>
      <h1>{title}</h1>
      <ActionOutcome
        notice={noticeKey && !failure ? t(noticeKey, { number: r.registryNumber || "–" }) : null}
        problems={problems}
        reload={errors.form ? { to: base, label: t("deviation.reload") } : null}
      />

      <dl className="summary">
        <dt>{t("deviation.field.status")}</dt>
        <dd>{t(`deviation.status.${r.status}`)}</dd>
        <dt>{t("deviation.field.registryNumber")}</dt>
        <dd>{r.registryNumber || t("deviation.noRegistryNumber")}</dd>
        <dt>{t("deviation.field.arrivalDate")}</dt>
        <dd>{r.arrivalDate || t("deviation.notArrived")}</dd>
        <dt>{t("deviation.field.initiative")}</dt>
        <dd>
          {allowed.initiative ? (
            <Link to={`/${r.slug}/insatser/${initiative.id}`}>{initiative.name}</Link>
          ) : (
            initiative.name
          )}{" "}
          ({t(`initiativeStatus.${initiative.status}`)})
        </dd>
        <dt>{t("deviation.field.owner")}</dt>
        <dd>{initiative.ownerName}</dd>
        <dt>{t("deviation.field.period")}</dt>
        <dd>
          {t("deviation.period", {
            start: initiative.startDate || "–",
            end: initiative.endDate || "–",
          })}
          {initiative.plannedEndDate
            ? ` ${t("deviation.plannedEnd", { date: initiative.plannedEndDate })}`
            : ""}
        </dd>
      </dl>

      <ul className="link-list">
        {show.edit ? (
          <li>
            <Link to={`${base}/andra`}>{t("deviation.edit")}</Link>
          </li>
        ) : null}
        <li>
          <a href={`${base}/dokument?format=docx`}>{t("deviation.downloadDocx")}</a>
        </li>
        <li>
          <a href={`${base}/dokument?format=pdf`}>{t("deviation.downloadPdf")}</a>
        </li>
        <li>
          <a href="#historik">{t("deviation.historyTitle")}</a>
        </li>
      </ul>

      {r.decision ? (
        <Panel id="beslut" title={t("deviation.decisionTitle")}>
          <dl className="summary">
            <dt>{t("deviation.decision")}</dt>
            <dd>{t(`deviation.status.${r.decision.status}`)}</dd>
            <dt>{t("deviation.decisionBody")}</dt>
            <dd>{r.decision.body ? t(`deviation.body.${r.decision.body}`) : "–"}</dd>
            <dt>{t("deviation.decisionDate")}</dt>
            <dd>{r.decision.date}</dd>
            {r.decision.meeting ? (
              <>
                <dt>{t("deviation.meeting")}</dt>
                <dd>
                  {r.decision.paragraph
                    ? t("deviation.meetingParagraph", {
                        meeting: r.decision.meeting,
                        paragraph: r.decision.paragraph,
                      })
                    : r.decision.meeting}
                </dd>
              </>
            ) : null}
            {r.decision.motivation ? (
              <>
                <dt>{t("deviation.motivation")}</dt>
                <dd>
                  <TextLines text={r.decision.motivation} />
                </dd>
              </>
            ) : null}
          </dl>
          {r.decision.status === "godkand" ? <p>{t(`deviation.applied.${r.request}`)}</p> : null}
        </Panel>
      ) : null}

      <h2 id="rapport" tabIndex={-1}>
        {t("deviation.contentTitle")}
      </h2>
      <h3>{t("deviation.field.types")}</h3>
      <p>
        {r.types.length
          ? r.types.map((type) => t(`deviation.type.${type}`)).join(", ")
          : t("deviation.notGiven")}
      </p>
      {TEXT_FIELDS.map((f) => (
        <div key={f}>
          <h3>{t(`deviation.field.${f}`)}</h3>
          <RichText text={r.texts[f]} headingLevel={4} empty={t("deviation.notGiven")} />
        </div>
      ))}
      <h3>{t("deviation.field.request")}</h3>
      <p>{t(`deviation.request.${r.request}`)}</p>
      {r.request === "forlangning" || r.request === "avslut_i_fortid" ? (
        <p>
          {t(
            r.request === "forlangning"
              ? "deviation.requestedNewEnd"
              : "deviation.requestedActualEnd",
            { date: r.requestedEndDate || t("deviation.notGiven") },
          )}
        </p>
      ) : null}
      {r.request === "andrad_malgrupp" ? (
        <>
          <h4>{t("deviation.form.requestedTargetGroup")}</h4>
          {r.requestedTargetGroup ? (
            <TextLines text={r.requestedTargetGroup} />
          ) : (
            <p>{t("deviation.notGiven")}</p>
          )}
        </>
      ) : null}
      {r.request === "flytta_medel" ? (
        <p>
          {t("deviation.requestedAmount", {
            amount: r.requestedAmount === null ? t("deviation.notGiven") : money(r.requestedAmount),
          })}
        </p>
      ) : null}

      {show.submit ? (
        <Panel id="skicka-in" title={t("deviation.submitTitle")}>
          <p>{t("deviation.submitHelp")}</p>
          <IntentForm action={base} intent="submit" version={r.version} formKey={formKey}>
            <SubmitButton>{t("deviation.submit")}</SubmitButton>
          </IntentForm>
        </Panel>
      ) : null}

      {show.decide ? (
        <Panel id="beslut-fatta" title={t("deviation.decideTitle")}>
          <p>{t("deviation.decideHelp")}</p>
          <p>
            <strong>{t("deviation.effectTitle")}</strong> {effect}
          </p>
          <IntentForm action={base} intent="decide" version={r.version} formKey={formKey}>
            {r.bodies.length > 1 ? (
              <Radios
                name="decision-body"
                legend={t("deviation.decisionBody")}
                hint={t("deviation.decisionBodyHint")}
                error={errors["decision-body"]}
                checked={value("decision-body", r.bodies[0])}
                options={r.bodies.map((b) => ({ value: b, label: t(`deviation.body.${b}`) }))}
                required
              />
            ) : (
              <>
                <input type="hidden" name="decision-body" value={r.bodies[0]} />
                <p>{t("deviation.decisionAsBoard")}</p>
              </>
            )}
            <Radios
              name="decision"
              legend={t("deviation.decision")}
              error={errors.decision}
              checked={value("decision")}
              options={[
                { value: "godkand", label: t("deviation.approve") },
                { value: "avslagen", label: t("deviation.reject") },
              ]}
              required
            />
            <TextField
              name="decision-date"
              type="date"
              label={t("deviation.decisionDate")}
              hint={t("deviation.dateHint")}
              width="short"
              defaultValue={value("decision-date", r.today)}
              error={errors["decision-date"]}
              required
            />
            <TextArea
              name="decision-motivation"
              label={t("deviation.motivation")}
              hint={t("deviation.motivationHint")}
              defaultValue={value("decision-motivation")}
              error={errors["decision-motivation"]}
            />
            <TextField
              name="decision-meeting"
              label={t("deviation.meeting")}
              hint={t("deviation.meetingHint")}
              defaultValue={value("decision-meeting")}
              error={errors["decision-meeting"]}
            />
            <TextField
              name="decision-paragraph"
              label={t("deviation.paragraph")}
              hint={t("deviation.paragraphHint")}
              width="short"
              defaultValue={value("decision-paragraph")}
              error={errors["decision-paragraph"]}
            />
            <SubmitButton>{t("deviation.decideSubmit")}</SubmitButton>
          </IntentForm>
        </Panel>
      ) : null}

      {show.comments ? (
        <Panel id="kommentarer" title={t("deviation.commentsTitle")}>
          <CommentList
            comments={r.comments}
            by={(c) => t("deviation.commentBy", { name: c.author, at: c.at })}
            none={t("deviation.noComments")}
          />
          {allowed.comment ? (
            <IntentForm action={base} intent="comment" formKey={formKey}>
              <TextArea
                name="comment-text"
                label={t("deviation.comment")}
                hint={t("deviation.commentHint")}
                defaultValue={value("comment-text")}
                error={errors["comment-text"]}
                required
              />
              <SubmitButton variant="secondary">{t("deviation.commentSubmit")}</SubmitButton>
            </IntentForm>
          ) : null}
        </Panel>
      ) : null}

      <Panel id="historik" title={t("deviation.historyTitle")}>
        <VersionTable
          caption={t("deviation.historyCaption", { count: r.versions.length })}
          versions={r.versions}
          columns={[
            { label: t("deviation.historyVersion"), cellClass: "num", cell: (v) => v.version },
            {
              label: t("deviation.historyEvent"),
              cell: (v) => (EVENTS[v.event] ? t(EVENTS[v.event] as MessageKey) : v.event),
            },
            {
              label: t("deviation.field.status"),
              cell: (v) => t(`deviation.status.${v.status as (typeof r)["status"]}`),
            },
            { label: t("deviation.historyBy"), cell: (v) => v.by },
            { label: t("deviation.historyAt"), cellClass: "date", cell: (v) => v.at },
            { label: t("deviation.historyNote"), cell: (v) => v.note },
          ]}
        />
      </Panel>
    </main>
  );
}
