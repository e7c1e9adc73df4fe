// One deviation report: its facts and parts read-only, then the workflow's panels, each for
// those allowed and only in the status it belongs to: submission (the lead or the office),
// the decision (the office or the board), comments, and the version history. Every action is
// a plain POST form carrying an `intent` (and the version it was read at) and answers with a
// redirect and a notice.
import { type ReactNode, useEffect, useRef } from "react";
import { data, Link, useLocation, useSearchParams } from "react-router";
import {
  can,
  canOnInitiative,
  ForbiddenError,
  type Permission,
  visibleReports,
} from "../../../access/policy.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import { ValidationError } from "../../../platform/errors.ts";
import { formatDate, formatDateTime, formatMoney } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import {
  commentOnDeviationReport,
  type DecisionBody,
  decideDeviationReport,
  getDeviationReport,
  listDeviationReportVersions,
  submitDeviationReport,
} from "../../../reports/deviation-reports.ts";
import {
  actorOf,
  attempt,
  redirectWithNotice,
  requireAssociation,
  text,
} from "../../guard.server.ts";
import { Form, SubmitButton, TextField, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { RichText, TextLines } from "../../ui/rich-text.tsx";
import type { Route } from "./+types/deviation.ts";
import { TEXT_FIELDS } from "./deviation-edit.tsx";

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
  const report = await getDeviationReport(state.services.db, association.id, params.deviationId);
  if (!report) throw data({ message: "Avvikelserapporten finns inte." }, { status: 404 });
  if (!canOnInitiative(principal, "report.view", association.id, report.initiativeId))
    throw data({ message: new ForbiddenError("report.view").message }, { status: 403 });
  const on = (permission: Permission) =>
    canOnInitiative(principal, permission, association.id, report.initiativeId);
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
  return { ...access, report, allowed, bodies };
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
    comments: r.comments.map((c) => ({
      id: c.id,
      author: c.authorName,
      at: formatDateTime(c.createdAt),
      text: c.text,
    })),
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      event: v.event,
      note: v.note ?? "",
      actorName: v.actorName,
      at: formatDateTime(v.createdAt),
    })),
    today: todayInSweden(),
    allowed,
    bodies,
  };
}

/** Each action's fields: the domain's name for a field → the form field's name (and id). */
const FIELDS = {
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
} as const satisfies Record<string, Record<string, string>>;
type Intent = keyof typeof FIELDS;
const isIntent = (v: string): v is Intent => Object.hasOwn(FIELDS, v);

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, report, allowed, bodies } = await findReport(
    context,
    request,
    params,
  );
  const form = await request.formData();
  const intent = text(form, "intent");
  if (!isIntent(intent)) {
    // someone who may do nothing here is refused as such, whatever they sent
    if (!allowed.write && !allowed.decide)
      throw data({ message: new ForbiddenError("report.write").message }, { status: 403 });
    throw data({ message: "Okänd åtgärd." }, { status: 400 });
  }
  const permitted: Record<Intent, boolean> = {
    submit: allowed.write,
    comment: allowed.comment,
    decide: allowed.decide,
  };
  if (!permitted[intent])
    throw data(
      {
        message: new ForbiddenError(intent === "decide" ? "deviations.decide" : "report.write")
          .message,
      },
      { status: 403 },
    );
  const fields: Record<string, string> = FIELDS[intent];
  const field = (key: string) => text(form, fields[key] ?? key);
  const values: Record<string, string> = { intent };
  for (const name of Object.values(fields)) values[name] = text(form, name);
  const db = state.services.db;
  const actor = actorOf(state);
  const version = Number(text(form, "version"));
  const run = async (): Promise<string> => {
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
  return redirectWithNotice(`/${association.slug}/avvikelser/${report.id}`, result.value);
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

/** The problems of a refused action on top, each linking to where it is fixed; focused. */
function ProblemSummary({
  items,
}: {
  items: Array<{ key: string; label?: string; message: string; href?: string | undefined }>;
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
        {items.map((item) => {
          const content = item.label ? `${item.label}: ${item.message}` : item.message;
          return <li key={item.key}>{item.href ? <a href={item.href}>{content}</a> : content}</li>;
        })}
      </ul>
    </div>
  );
}

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;

function TextArea(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  defaultValue?: string | undefined;
  required?: boolean;
  rows?: number;
}) {
  const { t } = useI18n();
  const { name, label, hint, error, defaultValue, required, rows = 4 } = props;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={name}>
        {label}
        {required ? <span className="field__required"> ({t("common.required")})</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className="input"
      />
    </div>
  );
}

function Radios(props: {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: Array<{ value: string; label: string }>;
  checked: string;
}) {
  const { t } = useI18n();
  const { name, legend, hint, error, options, checked } = props;
  return (
    <div className={error ? "field field--error" : "field"}>
      <fieldset aria-describedby={describedBy(name, hint, error)}>
        <legend>
          {legend}
          <span className="field__required"> ({t("common.required")})</span>
        </legend>
        {hint ? (
          <p className="field__hint" id={`${name}-hint`}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="field__error" id={`${name}-error`}>
            {error}
          </p>
        ) : null}
        {options.map((o, i) => {
          const id = i === 0 ? name : `${name}-${o.value}`;
          return (
            <label key={o.value} htmlFor={id}>
              <input
                type="radio"
                id={id}
                name={name}
                value={o.value}
                defaultChecked={checked === o.value}
                aria-invalid={error ? true : undefined}
              />{" "}
              {o.label}{" "}
            </label>
          );
        })}
      </fieldset>
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

export default function Deviation({ loaderData: r }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const failure = useFormFailure();
  const [params] = useSearchParams();
  // a form is drawn anew after each successful action, so what was typed in it is gone
  const { key: formKey } = useLocation();
  const base = `/${r.slug}/avvikelser/${r.id}`;
  const notice = params.get("klart");
  const noticeKey = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined;
  const errors = failure?.errors ?? {};
  const failedIntent = failure?.values?.intent ?? "";
  const value = (name: string, fallback = "") => failure?.values?.[name] ?? fallback;
  const money = (n: number) => formatMoney(n, locale);
  const { allowed, initiative } = r;
  const show = {
    edit: allowed.write && r.status === "utkast",
    submit: allowed.write && r.status === "utkast",
    decide: allowed.decide && r.status === "inskickad",
    comments: r.status !== "utkast",
  };
  // a refused submission lists what is missing, each linking to its field on the edit page
  const problems = Object.entries(errors).map(([key, message]) => {
    if (key === "form" || key === "status" || key === "token") return { key, message };
    if (failedIntent === "submit")
      return {
        key,
        label: Object.hasOwn(FIELD_LABELS, key) ? t(FIELD_LABELS[key] as MessageKey) : key,
        message,
        href: `${base}/andra#${key}`,
      };
    return { key, message, href: `#${key}` };
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
      {noticeKey && !failure ? (
        <p className="notice" role="status">
          {t(noticeKey, { number: r.registryNumber || "–" })}
        </p>
      ) : null}
      <ProblemSummary items={problems} />
      {errors.form ? (
        <p className="warning">
          <Link to={base} reloadDocument>
            {t("deviation.reload")}
          </Link>
        </p>
      ) : null}

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
          <Form method="post" action={base} key={`submit-${formKey}`}>
            <input type="hidden" name="intent" value="submit" />
            <input type="hidden" name="version" value={r.version} />
            <SubmitButton>{t("deviation.submit")}</SubmitButton>
          </Form>
        </Panel>
      ) : null}

      {show.decide ? (
        <Panel id="beslut-fatta" title={t("deviation.decideTitle")}>
          <p>{t("deviation.decideHelp")}</p>
          <p>
            <strong>{t("deviation.effectTitle")}</strong> {effect}
          </p>
          <Form method="post" action={base} key={`decide-${formKey}`}>
            <input type="hidden" name="intent" value="decide" />
            <input type="hidden" name="version" value={r.version} />
            {r.bodies.length > 1 ? (
              <Radios
                name="decision-body"
                legend={t("deviation.decisionBody")}
                hint={t("deviation.decisionBodyHint")}
                error={errors["decision-body"]}
                checked={value("decision-body", r.bodies[0])}
                options={r.bodies.map((b) => ({ value: b, label: t(`deviation.body.${b}`) }))}
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
          </Form>
        </Panel>
      ) : null}

      {show.comments ? (
        <Panel id="kommentarer" title={t("deviation.commentsTitle")}>
          {r.comments.length === 0 ? (
            <p>{t("deviation.noComments")}</p>
          ) : (
            <ol className="comment-list">
              {r.comments.map((c) => (
                <li key={c.id}>
                  <p className="field__hint">
                    {t("deviation.commentBy", { name: c.author, at: c.at })}
                  </p>
                  <TextLines text={c.text} />
                </li>
              ))}
            </ol>
          )}
          {allowed.comment ? (
            <Form method="post" action={base} key={`comment-${formKey}`}>
              <input type="hidden" name="intent" value="comment" />
              <TextArea
                name="comment-text"
                label={t("deviation.comment")}
                hint={t("deviation.commentHint")}
                defaultValue={value("comment-text")}
                error={errors["comment-text"]}
                required
              />
              <SubmitButton variant="secondary">{t("deviation.commentSubmit")}</SubmitButton>
            </Form>
          ) : null}
        </Panel>
      ) : null}

      <Panel id="historik" title={t("deviation.historyTitle")}>
        <div className="table-wrap">
          <table>
            <caption>{t("deviation.historyCaption", { count: r.versions.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("deviation.historyVersion")}</th>
                <th scope="col">{t("deviation.historyEvent")}</th>
                <th scope="col">{t("deviation.field.status")}</th>
                <th scope="col">{t("deviation.historyBy")}</th>
                <th scope="col">{t("deviation.historyAt")}</th>
                <th scope="col">{t("deviation.historyNote")}</th>
              </tr>
            </thead>
            <tbody>
              {r.versions.map((v) => {
                const event = EVENTS[v.event];
                const status = v.status as (typeof r)["status"];
                return (
                  <tr key={v.version}>
                    <td className="num">{v.version}</td>
                    <td>{event ? t(event) : v.event}</td>
                    <td>{t(`deviation.status.${status}`)}</td>
                    <td>{v.actorName}</td>
                    <td className="date">{v.at}</td>
                    <td>{v.note}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Panel>
    </main>
  );
}
