// One final report: its header, every field read-only, then the workflow's panels for those
// allowed, each in the status it belongs to: submission (the lead; it closes the initiative),
// the office's review (accept and lock, or return for completion with a comment), the comments
// and the history of every saved version. Every action is a plain POST form carrying an
// `intent` and the version it was read at, and answers with a redirect and a notice.
import { Fragment, type ReactNode, useEffect, useRef } from "react";
import { data, Link, useLocation, useSearchParams } from "react-router";
import { can, canOnInitiative, ForbiddenError, visibleReports } from "../../../access/policy.ts";
import { ValidationError } from "../../../platform/errors.ts";
import { formatDate, formatDateTime, formatMoney } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { participantTotal, perParty } from "../../../reports/final-report-content.ts";
import {
  acceptFinalReport,
  getFinalReport,
  listFinalReportVersions,
  returnFinalReport,
  submitFinalReport,
} from "../../../reports/final-reports.ts";
import {
  actorOf,
  attempt,
  redirectWithNotice,
  requireAssociation,
  text,
} from "../../guard.server.ts";
import { Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { RichText, TextLines } from "../../ui/rich-text.tsx";
import type { Route } from "./+types/final-report.ts";

type Ctx = Route.LoaderArgs["context"];
type Params = Route.LoaderArgs["params"];

/** The report in the URL, for a person who may see it: else 403, or 404 if there is none. */
async function findReport(context: Ctx, request: Request, params: Params) {
  const access = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const { state, principal, association } = access;
  const visible = visibleReports(principal, association.id);
  if (visible !== "all" && visible.length === 0)
    throw data({ message: new ForbiddenError("report.view").message }, { status: 403 });
  const report = await getFinalReport(state.services.db, association.id, params.finalReportId);
  if (!report) throw data({ message: "Slutrapporten finns inte." }, { status: 404 });
  if (!canOnInitiative(principal, "report.view", association.id, report.initiativeId))
    throw data({ message: new ForbiddenError("report.view").message }, { status: 403 });
  const on = (p: "report.write" | "initiative.view" | "application.view") =>
    canOnInitiative(principal, p, association.id, report.initiativeId);
  const allowed = {
    write: on("report.write"),
    manage: can(principal, "reports.manage", association.id),
    initiative: on("initiative.view"),
    application: on("application.view"),
  };
  return { ...access, report, allowed };
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
    comments: r.comments.map((x) => ({
      id: x.id,
      author: x.authorName,
      at: formatDateTime(x.createdAt),
      text: x.text,
    })),
    versions: versions.map((v) => ({
      version: v.version,
      event: v.event,
      note: v.note ?? "",
      by: v.actorName,
      at: formatDateTime(v.createdAt),
    })),
    allowed,
  };
}

/** Each action's fields: the domain's name for a field → the form field's name (and id). */
const FIELDS = {
  submit: {},
  return: { returnMessage: "return-message" },
  accept: {},
} as const satisfies Record<string, Record<string, string>>;
type Intent = keyof typeof FIELDS;
const isIntent = (v: string): v is Intent => Object.hasOwn(FIELDS, v);

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, report: r, allowed } = await findReport(context, request, params);
  const form = await request.formData();
  const intent = text(form, "intent");
  if (!isIntent(intent)) {
    if (!allowed.write && !allowed.manage)
      throw data({ message: new ForbiddenError("report.write").message }, { status: 403 });
    throw data({ message: "Okänd åtgärd." }, { status: 400 });
  }
  const permitted: Record<Intent, boolean> = {
    submit: allowed.write,
    return: allowed.manage,
    accept: allowed.manage,
  };
  if (!permitted[intent])
    throw data(
      {
        message: new ForbiddenError(intent === "submit" ? "report.write" : "reports.manage")
          .message,
      },
      { status: 403 },
    );
  const fields: Record<string, string> = FIELDS[intent];
  const values: Record<string, string> = { intent };
  for (const name of Object.values(fields)) values[name] = text(form, name);
  const db = state.services.db;
  const actor = actorOf(state);
  const version = Number(text(form, "version"));
  const run = async (): Promise<string> => {
    switch (intent) {
      case "submit":
        await submitFinalReport(db, actor, association.id, r.id, version);
        return r.status === "aterskickad" ? "inskickad-igen" : "inskickad";
      case "return":
        await returnFinalReport(
          db,
          actor,
          association.id,
          r.id,
          version,
          text(form, fields.returnMessage ?? ""),
        );
        return "aterskickad";
      case "accept":
        await acceptFinalReport(db, actor, association.id, r.id, version);
        return "godkand";
    }
  };
  const result = await attempt(async () => {
    try {
      return await run();
    } catch (error) {
      // the problems at the form's own fields, by the names they have on this page
      if (error instanceof ValidationError)
        throw new ValidationError(
          Object.fromEntries(Object.entries(error.fields).map(([k, m]) => [fields[k] ?? k, m])),
        );
      throw error;
    }
  }, values);
  if (!result.ok) return result.failure;
  return redirectWithNotice(`/${association.slug}/slutrapporter/${r.id}`, result.value);
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

/** The problems of a refused action on top, each linking to where it is fixed; focused. */
function ProblemSummary({
  items,
}: {
  items: Array<{ key: string; message: string; href?: string | undefined }>;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length) ref.current?.focus();
  }, [items.length]);
  if (!items.length) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      ref={ref}
    >
      <h2 id="error-summary-title">{t("errors.summaryTitle", { count: items.length })}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            {item.href ? <a href={item.href}>{item.message}</a> : item.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

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
  const failure = useFormFailure();
  const [params] = useSearchParams();
  const { key: formKey } = useLocation();
  const base = `/${r.slug}/slutrapporter/${r.id}`;
  const notice = params.get("klart");
  const noticeKey = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined;
  const errors = failure?.errors ?? {};
  const failedIntent = failure?.values?.intent ?? "";
  const value = (name: string) => failure?.values?.[name] ?? "";
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
  const problems = Object.entries(errors).map(([key, message]) => {
    if (key === "form" || key === "status") return { key, message };
    if (failedIntent === "submit") return { key, message, href: `${base}/andra#${key}` };
    return { key, message, href: `#${key}` };
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
      {noticeKey && !failure ? (
        <p className="notice" role="status">
          {t(noticeKey, { number: r.registryNumber || "–" })}
        </p>
      ) : null}
      <ProblemSummary items={problems} />
      {errors.form ? (
        <p className="warning">
          <Link to={base} reloadDocument>
            {t("finalReport.reload")}
          </Link>
        </p>
      ) : null}

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
        <div className="warning" role="note" aria-labelledby="return-title">
          <h2 id="return-title">{t("finalReport.returnedTitle")}</h2>
          <TextLines text={lastComment.text} />
          {allowed.write ? <p>{t("finalReport.returnedHelp")}</p> : null}
        </div>
      ) : null}

      <nav aria-labelledby="on-this-page">
        <p className="field__hint" id="on-this-page">
          {t("finalReport.onThisPage")}
        </p>
        <ul>
          <li>
            <a href="#rapporten">{t("finalReport.contentTitle")}</a>
          </li>
          {show.submit ? (
            <li>
              <a href="#skicka-in">{t("finalReport.submitTitle")}</a>
            </li>
          ) : null}
          {show.review ? (
            <li>
              <a href="#granska">{t("finalReport.reviewTitle")}</a>
            </li>
          ) : null}
          {show.comments ? (
            <li>
              <a href="#kommentarer">{t("finalReport.commentsTitle")}</a>
            </li>
          ) : null}
          <li>
            <a href="#historik">{t("finalReport.historyTitle")}</a>
          </li>
        </ul>
      </nav>

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
          <Form method="post" action={base} key={`submit-${formKey}`}>
            <input type="hidden" name="intent" value="submit" />
            <input type="hidden" name="version" value={r.version} />
            <SubmitButton>
              {t(r.status === "aterskickad" ? "finalReport.resubmit" : "finalReport.submit")}
            </SubmitButton>
          </Form>
        </Panel>
      ) : null}

      {show.review ? (
        <Panel id="granska" title={t("finalReport.reviewTitle")}>
          <p>{t("finalReport.acceptHelp")}</p>
          <Form method="post" action={base} key={`accept-${formKey}`}>
            <input type="hidden" name="intent" value="accept" />
            <input type="hidden" name="version" value={r.version} />
            <SubmitButton>{t("finalReport.accept")}</SubmitButton>
          </Form>
          <h3>{t("finalReport.returnTitle")}</h3>
          <Form method="post" action={base} key={`return-${formKey}`}>
            <input type="hidden" name="intent" value="return" />
            <input type="hidden" name="version" value={r.version} />
            <div className={errors["return-message"] ? "field field--error" : "field"}>
              <label htmlFor="return-message">
                {t("finalReport.returnMessage")}
                <span className="field__required"> ({t("common.required")})</span>
              </label>
              <p className="field__hint" id="return-message-hint">
                {t("finalReport.returnMessageHint")}
              </p>
              {errors["return-message"] ? (
                <p className="field__error" id="return-message-error">
                  {errors["return-message"]}
                </p>
              ) : null}
              <textarea
                id="return-message"
                name="return-message"
                rows={4}
                required
                defaultValue={value("return-message")}
                aria-invalid={errors["return-message"] ? true : undefined}
                aria-describedby={
                  errors["return-message"]
                    ? "return-message-hint return-message-error"
                    : "return-message-hint"
                }
                className="input"
              />
            </div>
            <SubmitButton variant="secondary">{t("finalReport.returnSubmit")}</SubmitButton>
          </Form>
        </Panel>
      ) : null}

      {show.comments ? (
        <Panel id="kommentarer" title={t("finalReport.commentsTitle")}>
          <ol className="comment-list">
            {r.comments.map((x) => (
              <li key={x.id}>
                <p className="field__hint">
                  {t("finalReport.commentBy", { name: x.author, at: x.at })}
                </p>
                <TextLines text={x.text} />
              </li>
            ))}
          </ol>
        </Panel>
      ) : null}

      <Panel id="historik" title={t("finalReport.historyTitle")}>
        <div className="table-wrap">
          <table>
            <caption>{t("finalReport.historyCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("finalReport.history.version")}
                </th>
                <th scope="col">{t("finalReport.history.event")}</th>
                <th scope="col">{t("finalReport.history.by")}</th>
                <th scope="col">{t("finalReport.history.at")}</th>
                <th scope="col">{t("finalReport.history.note")}</th>
              </tr>
            </thead>
            <tbody>
              {r.versions.map((v) => (
                <tr key={v.version}>
                  <td className="num">{v.version}</td>
                  <td>{EVENTS[v.event] ? t(EVENTS[v.event] as MessageKey) : v.event}</td>
                  <td>{v.by}</td>
                  <td className="date">{v.at}</td>
                  <td>{v.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
    </main>
  );
}
