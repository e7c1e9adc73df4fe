// The lead writes the periodic report (domain/documents.md §2): sections 2.1–2.5, an assessment
// of every goal, every status question with a comment, and who reports. Answers Samspår can
// give from its own data come pre-selected with what they rest on; the person confirms or
// corrects them. Only a draft or a returned report can be changed; the form carries the
// version it was read at, so nothing someone else saved in between is overwritten, and what
// was typed here stays. "Save and submit" saves first, so a refused submission keeps the draft.
import { data, Link } from "react-router";
import { visibleReports } from "../../../access/policy.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import { ValidationError } from "../../../platform/errors.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import {
  GOAL_ASSESSMENTS,
  PERIODIC_TEXT_FIELDS,
  STATUS_QUESTIONS,
} from "../../../reports/periodic-report-content.ts";
import {
  getPeriodicReport,
  type PeriodicReportInput,
  savePeriodicReport,
  submitPeriodicReport,
} from "../../../reports/periodic-reports.ts";
import { actorOf, attempt, redirectWithNotice } from "../../guard.server.ts";
import { NotEditable } from "../../ui/document-edit.tsx";
import { Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import {
  Choices,
  fieldLabelOf,
  periodLabel,
  TextArea,
  TextInput,
} from "../../ui/periodic-report-form.tsx";
import { ProblemSummary, problemsOf } from "../../ui/workflow-panels.tsx";
import { requireDocument } from "../../workflow-actions.server.ts";
import type { Route } from "./+types/periodic-report-edit.ts";

type Ctx = Route.LoaderArgs["context"];
type Params = Route.LoaderArgs["params"];

/** The report in the URL, for a person who may write it: else 403, or 404 if there is none. */
const writableReport = (context: Ctx, request: Request, params: Params) =>
  requireDocument(context, request, params.association, {
    permission: "report.write",
    visible: visibleReports,
    load: (db, associationId) => getPeriodicReport(db, associationId, params.reportId),
    notFound: "Rapporten finns inte.",
  });

const TEXT_KEYS = PERIODIC_TEXT_FIELDS.map((f) => f.key);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { association, principal, document: r } = await writableReport(context, request, params);
  const c = r.content;
  const values: Record<string, string> = { version: String(r.version) };
  for (const key of TEXT_KEYS) values[key] = c[key] ?? "";
  c.goals.forEach((g, i) => {
    values[`goals.${i}.assessment`] = g.assessment ?? "";
    values[`goals.${i}.comment`] = g.comment;
  });
  for (const q of STATUS_QUESTIONS) {
    // an open derived question starts at what Samspår's own data says
    values[`answers.${q.key}`] = c.answers[q.key]?.answer ?? r.derived[q.key]?.answer ?? "";
    values[`answers.${q.key}.comment`] = c.answers[q.key]?.comment ?? "";
  }
  values.reportedBy = c.reportedBy || principal.name;
  values.reportedOn = c.reportedOn ?? todayInSweden();
  return {
    slug: association.slug,
    id: r.id,
    status: r.status,
    editable: r.status === "utkast" || r.status === "aterskickad",
    initiativeName: r.initiativeName,
    periodKey: r.periodKey,
    dueDate: r.dueDate,
    overdue: r.overdue,
    goals: c.goals.map((g) => g.goalText),
    derived: Object.fromEntries(
      Object.entries(r.derived).map(([k, d]) => [k, { answer: d.answer, basis: d.basis }]),
    ) as Record<string, { answer: string | null; basis: string }>,
    startedOnTimeCarried: r.startedOnTimeCarried,
    values,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, document: r } = await writableReport(context, request, params);
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && k !== "_csrf") values[k] = v;
  const intent = values.intent === "submit" ? "submit" : "save";
  delete values.intent;
  const input: PeriodicReportInput = {
    texts: Object.fromEntries(TEXT_KEYS.map((k) => [k, values[k] ?? ""])),
    // the goals are the report's own: only their assessments and comments come from the form
    goals: r.content.goals.map((g, i) => ({
      goalId: g.goalId,
      goalText: g.goalText,
      assessment: values[`goals.${i}.assessment`] ?? "",
      comment: values[`goals.${i}.comment`] ?? "",
    })),
    answers: Object.fromEntries(
      STATUS_QUESTIONS.map((q) => [
        q.key,
        {
          answer: values[`answers.${q.key}`] ?? "",
          comment: values[`answers.${q.key}.comment`] ?? "",
        },
      ]),
    ),
    reportedBy: values.reportedBy ?? "",
    reportedOn: values.reportedOn ?? "",
  };
  const db = state.services.db;
  const actor = actorOf(state);
  const saved = await attempt(
    () => savePeriodicReport(db, actor, association.id, r.id, Number(values.version), input),
    values,
  );
  if (!saved.ok) return saved.failure;
  const detail = `/${association.slug}/rapporter/${r.id}`;
  if (intent === "save") return redirectWithNotice(detail, "sparad");
  // the draft is saved: a refused submission shows what is missing, at the fields, and the
  // form now carries the saved version
  const kept = { ...values, version: String(saved.value), saved: "1" };
  try {
    await submitPeriodicReport(db, actor, association.id, r.id, saved.value);
  } catch (error) {
    if (error instanceof ValidationError)
      return data({ errors: error.fields, values: kept }, { status: 400 });
    throw error;
  }
  return redirectWithNotice(detail, r.status === "aterskickad" ? "inskickad-igen" : "inskickad");
}

const questionKey = (key: string) => `periodicReport.question.${key}` as MessageKey;
const answerKey = (code: string) => `periodicReport.answer.${code}` as MessageKey;

export default function PeriodicReportEdit({ loaderData: r }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const values = failure?.values ?? r.values;
  const errors = failure?.errors ?? {};
  const v = (name: string) => values[name] ?? "";
  const detail = `/${r.slug}/rapporter/${r.id}`;
  const period = periodLabel(t, r.periodKey);
  const title = t("periodicReport.editTitle", { initiative: r.initiativeName, period });

  if (!r.editable) {
    return (
      <NotEditable
        title={t("periodicReport.notEditableTitle")}
        message={t(
          r.status === "last"
            ? "periodicReport.notEditableLocked"
            : "periodicReport.notEditableSubmitted",
        )}
        back={{ to: detail, label: t("periodicReport.backToReport") }}
      />
    );
  }

  // this is the edit page: every field's problem links to the field, named by its label
  const problems = problemsOf(errors, {
    onEditPage: () => true,
    editPage: "",
    label: (key) => fieldLabelOf(t, key),
  });
  const markup = t("applicationForm.markupHint");
  const text = (key: (typeof TEXT_KEYS)[number], required = false) => (
    <TextArea
      key={key}
      name={key}
      label={t(`periodicReport.field.${key}`)}
      hint={t(`periodicReport.hint.${key}`)}
      note={markup}
      defaultValue={v(key)}
      error={errors[key]}
      mark={required ? "requiredToSubmit" : undefined}
    />
  );

  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={detail}>{t("periodicReport.backToReport")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">
        {t(r.overdue ? "periodicReport.editIntroOverdue" : "periodicReport.editIntro", {
          due: r.dueDate,
        })}
      </p>
      {values.saved && failure ? (
        <p className="notice" role="status">
          {t("periodicReport.savedNotSubmitted")}
        </p>
      ) : null}
      <ProblemSummary items={problems} />
      {errors.form ? (
        // someone else saved in between: a plain link fetches their version (a reload would
        // post the form again)
        <p className="warning">
          {t("periodicReport.conflictHelp")}{" "}
          <Link to={`${detail}/andra`} reloadDocument>
            {t("periodicReport.reloadLatest")}
          </Link>
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="version" value={values.version ?? ""} />

        <h2>{t("periodicReport.activityReport")}</h2>
        {text("activities", true)}
        {text("deviations")}
        {text("userParticipation")}

        <h3>{t("periodicReport.goalsTitle")}</h3>
        {r.goals.length === 0 ? <p>{t("periodicReport.noGoals")}</p> : null}
        {r.goals.map((goal, i) => {
          const name = `goals.${i}.assessment`;
          return (
            <Choices
              key={name}
              name={name}
              label={t("periodicReport.goalNumbered", { number: i + 1, text: goal })}
              options={GOAL_ASSESSMENTS.map((a) => ({ value: a, label: t(answerKey(a)) }))}
              checked={v(name)}
              error={errors[name]}
              mark="requiredToSubmit"
            >
              <TextArea
                name={`goals.${i}.comment`}
                label={t("periodicReport.goalComment", { number: i + 1 })}
                rows={2}
                defaultValue={v(`goals.${i}.comment`)}
                error={errors[`goals.${i}.comment`]}
              />
            </Choices>
          );
        })}

        <h3>{t("periodicReport.summaryTitle")}</h3>
        {text("goingWell")}
        {text("goingLessWell")}
        {text("successFactors")}
        {text("systemFaults")}
        {text("measures")}

        <h2>{t("periodicReport.statusQuestions")}</h2>
        <p>{t("periodicReport.statusQuestionsHelp")}</p>
        {STATUS_QUESTIONS.map((q) => {
          const name = `answers.${q.key}`;
          if (q.key === "startedOnTime" && r.startedOnTimeCarried)
            return (
              <div className="field" key={name}>
                <p>
                  <strong>{t(questionKey(q.key))}</strong>
                </p>
                <p className="field__hint">{t("periodicReport.carriedNote")}</p>
              </div>
            );
          const derived = r.derived[q.key];
          const isDerived = "derived" in q && q.derived;
          return (
            <Choices
              key={name}
              name={name}
              label={t(questionKey(q.key))}
              options={q.options.map((o) => ({ value: o, label: t(answerKey(o)) }))}
              checked={v(name)}
              note={
                derived
                  ? t(
                      derived.answer
                        ? "periodicReport.derivedNote"
                        : "periodicReport.derivedNoteOpen",
                      {
                        answer: derived.answer ? t(answerKey(derived.answer)) : "",
                        basis: derived.basis,
                      },
                    )
                  : undefined
              }
              error={errors[name]}
              mark={isDerived ? undefined : "requiredToSubmit"}
            >
              <TextArea
                name={`${name}.comment`}
                label={t("periodicReport.answerComment")}
                hint={
                  q.key === "inPhase"
                    ? t("periodicReport.inPhaseCommentHint")
                    : isDerived
                      ? t("periodicReport.derivedCommentHint")
                      : undefined
                }
                rows={2}
                defaultValue={v(`${name}.comment`)}
                error={errors[`${name}.comment`]}
              />
            </Choices>
          );
        })}

        <h2>{t("periodicReport.reportersTitle")}</h2>
        <TextInput
          name="reportedBy"
          label={t("periodicReport.reportedBy")}
          hint={t("periodicReport.reportedByHint")}
          defaultValue={v("reportedBy")}
          error={errors.reportedBy}
          mark="requiredToSubmit"
        />
        <TextInput
          name="reportedOn"
          type="date"
          label={t("periodicReport.reportedOn")}
          hint={t("periodicReport.dateHint")}
          short
          defaultValue={v("reportedOn")}
          error={errors.reportedOn}
          mark="requiredToSubmit"
        />
        <div className="button-row">
          <SubmitButton name="intent" value="save">
            {t("periodicReport.saveDraft")}
          </SubmitButton>
          <SubmitButton name="intent" value="submit" variant="secondary">
            {t("periodicReport.saveAndSubmit")}
          </SubmitButton>
          <Link to={detail}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </main>
  );
}
