// Writing a final report while it is a draft or returned for completion: one plain form, which
// works without JavaScript, with every field of the lead's part. What the application said
// (need, target group, method, follow-up, continuation) is shown beside the field that asks
// how it turned out. The form carries the version it was read at: if someone else saved in
// between, nothing is overwritten; the page shows what they changed and keeps what was typed.
// Every input's name and id is its error key (`goals.0.achieved`, `participants.women`,
// `lessons.1.text`), so problems link to their field. The parties sign on the report's page;
// this page warns that saving changes removes the signatures already given.
import { Fragment, type ReactNode } from "react";
import { Link } from "react-router";
import { formatDate } from "../../../platform/i18n/format.ts";
import {
  ACHIEVED,
  FINAL_TEXT_FIELDS,
  type FinalReportContent,
  perParty,
  YES_NO,
} from "../../../reports/final-report-content.ts";
import {
  type FinalReportInput,
  getFinalReport,
  saveFinalReport,
} from "../../../reports/final-reports.ts";
import { actorOf, redirectWithNotice, text } from "../../guard.server.ts";
import { ConflictPanel, type EditFailure, NotEditable } from "../../ui/document-edit.tsx";
import { Radios, TextArea } from "../../ui/fields.tsx";
import { ErrorSummary, Form, SubmitButton, TextField, useFormFailure } from "../../ui/form.tsx";
import { useT } from "../../ui/i18n.tsx";
import { RichText } from "../../ui/rich-text.tsx";
import { attemptSave, requireDocument } from "../../workflow-actions.server.ts";
import type { Route } from "./+types/final-report-edit.ts";

type Values = Record<string, string>;

/** Whole kronor as a person writes them: "25 000". */
const kronor = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
const number = (n: number | null) => (n === null ? "" : String(n));

/** The stored content as the form's values. */
function valuesOf(c: FinalReportContent, version: number): Values {
  const v: Values = { version: String(version) };
  c.goals.forEach((g, i) => {
    v[`goals.${i}.achieved`] = g.achieved ?? "";
    v[`goals.${i}.outcome`] = g.outcome;
    v[`goals.${i}.figures`] = g.figures;
  });
  for (const f of FINAL_TEXT_FIELDS) v[f.key] = c[f.key];
  v.actualStartDate = c.actualStartDate ?? "";
  v.actualEndDate = c.actualEndDate ?? "";
  v["participants.feasibilityStudy"] = c.participants.feasibilityStudy ? "on" : "";
  v["participants.women"] = number(c.participants.women);
  v["participants.men"] = number(c.participants.men);
  v["participants.otherOrNotStated"] = number(c.participants.otherOrNotStated);
  v.methodAsIntended = c.methodAsIntended ?? "";
  v["returnedFunds.returned"] = c.returnedFunds.returned ?? "";
  v["returnedFunds.amount"] = c.returnedFunds.amount === null ? "" : kronor(c.returnedFunds.amount);
  v["returnedFunds.reason"] = c.returnedFunds.reason;
  v["returnedFunds.consequences"] = c.returnedFunds.consequences;
  perParty(c).forEach((p, i) => {
    v[`lessons.${i}.text`] = p.lesson;
  });
  return v;
}

/** What the form posted, by the names `valuesOf` gives, for the report's goals and parties. */
function postedValues(form: FormData, c: FinalReportContent): Values {
  const names = Object.keys(valuesOf(c, 0));
  return Object.fromEntries(names.map((name) => [name, text(form, name)]));
}

/** The form's values as the use case's input. */
function inputOf(v: Values, c: FinalReportContent): FinalReportInput {
  const get = (name: string) => v[name] ?? "";
  return {
    goals: c.goals.map((_, i) => ({
      achieved: get(`goals.${i}.achieved`),
      outcome: get(`goals.${i}.outcome`),
      figures: get(`goals.${i}.figures`),
    })),
    ...(Object.fromEntries(FINAL_TEXT_FIELDS.map((f) => [f.key, get(f.key)])) as Record<
      (typeof FINAL_TEXT_FIELDS)[number]["key"],
      string
    >),
    actualStartDate: get("actualStartDate"),
    actualEndDate: get("actualEndDate"),
    participants: {
      feasibilityStudy: get("participants.feasibilityStudy") === "on",
      women: get("participants.women"),
      men: get("participants.men"),
      otherOrNotStated: get("participants.otherOrNotStated"),
    },
    methodAsIntended: get("methodAsIntended"),
    returnedFunds: {
      returned: get("returnedFunds.returned"),
      amount: get("returnedFunds.amount"),
      reason: get("returnedFunds.reason"),
      consequences: get("returnedFunds.consequences"),
    },
    lessons: c.parties.map((p, i) => ({
      organisationId: p.organisationId,
      text: get(`lessons.${i}.text`),
    })),
  };
}

type Ctx = Route.LoaderArgs["context"];
type Params = Route.LoaderArgs["params"];

/** The report in the URL, for a person who may write it: else 403, or 404 if there is none. */
const findReport = (context: Ctx, request: Request, params: Params) =>
  requireDocument(context, request, params.association, {
    permission: "report.write",
    load: (db, associationId) => getFinalReport(db, associationId, params.finalReportId),
    notFound: "Slutrapporten finns inte.",
  });

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { association, document: r } = await findReport(context, request, params);
  const c = r.content;
  const date = (d: string | null) => (d ? formatDate(d) : "");
  return {
    slug: association.slug,
    id: r.id,
    status: r.status,
    editable: r.editable,
    name: c.initiativeName,
    values: valuesOf(c, r.version),
    goals: c.goals.map((g) => ({
      text: g.text,
      kind: g.kind,
      targetNumber: g.targetNumber,
      targetPercent: g.targetPercent,
    })),
    parties: c.parties,
    signed: r.parties.filter((p) => p.signature?.state === "signed").length,
    orientation: c.orientation,
    planned: {
      needDescribed: c.needDescribed,
      targetGroupDefined: c.targetGroupDefined,
      methodDefined: c.methodDefined,
      followUpPlanned: c.followUpPlanned,
      continuationPlanned: c.continuationPlanned,
      plannedStartDate: date(c.plannedStartDate),
      plannedEndDate: date(c.plannedEndDate),
    },
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, document: r } = await findReport(context, request, params);
  const form = await request.formData();
  const values = postedValues(form, r.content);
  let signaturesRemoved = 0;
  const refused = await attemptSave(async () => {
    ({ signaturesRemoved } = await saveFinalReport(
      state.services.db,
      actorOf(state),
      association.id,
      r.id,
      Number(values.version),
      inputOf(values, r.content),
    ));
  }, values);
  if (refused) return refused;
  // the report's page says how many signatures the change removed
  const to = `/${association.slug}/slutrapporter/${r.id}`;
  return redirectWithNotice(
    signaturesRemoved ? `${to}?underskrifter=${signaturesRemoved}` : to,
    "sparad",
  );
}

// ---------------------------------------------------------------------------------------------
// Form fields

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;

/** What the application said, shown before the question of how it turned out. */
function Planned({ label, text: value }: { label: string; text: string }) {
  const t = useT();
  return (
    <div className="application-view__field">
      <h3>{label}</h3>
      <RichText text={value} headingLevel={4} empty={t("finalReport.notAnswered")} />
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="application-view__section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export default function FinalReportEdit({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const failure = useFormFailure() as EditFailure | undefined;
  const detail = `/${d.slug}/slutrapporter/${d.id}`;
  if (!d.editable) {
    return (
      <NotEditable
        title={t("finalReport.notEditableTitle")}
        message={t(
          d.status === "last"
            ? "finalReport.notEditableLocked"
            : "finalReport.notEditableSubmitted",
        )}
        back={{ to: detail, label: t("finalReport.backToReport") }}
      />
    );
  }
  const values = failure?.values ?? d.values;
  const errors = failure?.errors ?? {};
  const v = (name: string) => values[name] ?? "";
  const e = (name: string) => errors[name];
  const title = t("finalReport.editTitle", { name: d.name });
  const answers = ACHIEVED.map((a) => ({ value: a, label: t(`finalReport.answer.${a}`) }));
  const yesNo = YES_NO.map((a) => ({ value: a, label: t(`finalReport.answer.${a}`) }));
  const markup = t("finalReport.markupHint");
  const textField = (name: string, label: string, hint = markup) => (
    <TextArea
      name={name}
      label={label}
      hint={hint}
      error={e(name)}
      defaultValue={v(name)}
      rows={5}
    />
  );
  const dateField = (name: string, label: string, hint = t("finalReport.dateHint")) => (
    <TextField
      name={name}
      type="date"
      label={label}
      hint={hint}
      width="short"
      defaultValue={v(name)}
      error={e(name)}
    />
  );
  const countField = (name: string, label: string) => (
    <TextField
      name={name}
      label={label}
      hint={t("finalReport.field.countHint")}
      inputMode="numeric"
      width="short"
      defaultValue={v(name)}
      error={e(name)}
    />
  );
  // the conflict's message is the panel's first line; the summary lists the field problems
  const fieldErrors = failure?.changes
    ? Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "form"))
    : errors;

  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={detail}>{t("finalReport.backToReport")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("finalReport.editIntro")}</p>
      {d.signed > 0 ? (
        <p className="warning">{t("finalReport.signaturesWarning", { count: d.signed })}</p>
      ) : null}
      <ErrorSummary errors={fieldErrors} />
      {failure?.changes ? (
        <>
          <p className="warning">{errors.form}</p>
          <ConflictPanel
            changes={failure.changes}
            reloadTo={`${detail}/andra`}
            texts={{
              title: t("finalReport.conflictTitle"),
              intro: t("finalReport.conflictIntro"),
              before: t("finalReport.conflictBefore"),
              theirs: t("finalReport.conflictTheirs"),
              empty: t("finalReport.conflictEmpty"),
              noDetails: t("finalReport.conflictNoDetails"),
              reload: t("finalReport.reload"),
            }}
          />
        </>
      ) : null}
      <Form method="post">
        <input type="hidden" name="version" value={v("version")} />

        <Section id="mal" title={t("finalReport.section.goals")}>
          {d.goals.length === 0 ? <p>{t("finalReport.noGoals")}</p> : null}
          {d.goals.map((g, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the goals of the report, in order
            <fieldset key={i} className="field">
              <legend>{t("finalReport.field.goal", { number: i + 1, text: g.text })}</legend>
              <Radios
                name={`goals.${i}.achieved`}
                legend={t("finalReport.field.achieved")}
                options={answers}
                checked={v(`goals.${i}.achieved`)}
                error={e(`goals.${i}.achieved`)}
              />
              {textField(`goals.${i}.outcome`, t("finalReport.field.outcome"))}
              <TextField
                name={`goals.${i}.figures`}
                label={t("finalReport.field.figures")}
                hint={t("finalReport.field.figuresHint")}
                defaultValue={v(`goals.${i}.figures`)}
                error={e(`goals.${i}.figures`)}
              />
            </fieldset>
          ))}
        </Section>

        <Section id="jamstalldhet" title={t("finalReport.section.equality")}>
          {textField("equality", t("finalReport.field.equality"))}
        </Section>

        <Section id="behov" title={t("finalReport.section.need")}>
          <Planned label={t("finalReport.field.needDescribed")} text={d.planned.needDescribed} />
          {textField("changedNeed", t("finalReport.field.changedNeed"))}
        </Section>

        <Section id="insatstid" title={t("finalReport.section.time")}>
          <dl className="summary">
            <dt>{t("finalReport.field.plannedStart")}</dt>
            <dd>{d.planned.plannedStartDate || t("finalReport.notAnswered")}</dd>
            <dt>{t("finalReport.field.plannedEnd")}</dt>
            <dd>{d.planned.plannedEndDate || t("finalReport.notAnswered")}</dd>
          </dl>
          {dateField("actualStartDate", t("finalReport.field.actualStart"))}
          {dateField(
            "actualEndDate",
            t("finalReport.field.actualEnd"),
            t("finalReport.field.actualEndHint"),
          )}
          {textField(
            "timeChangeReason",
            t("finalReport.field.timeChangeReason"),
            t("finalReport.field.timeChangeReasonHint"),
          )}
        </Section>

        <Section id="malgrupp" title={t("finalReport.section.targetGroup")}>
          <Planned
            label={t("finalReport.field.targetGroupDefined")}
            text={d.planned.targetGroupDefined}
          />
          {textField("targetGroupChange", t("finalReport.field.targetGroupChange"))}
        </Section>

        <Section id="deltagare" title={t("finalReport.section.participants")}>
          <p className="field__hint">
            {t(
              d.orientation === "structural"
                ? "finalReport.participantsNote.structural"
                : "finalReport.participantsNote.individual",
            )}
          </p>
          <div className={e("participants.feasibilityStudy") ? "field field--error" : "field"}>
            <label htmlFor="participants.feasibilityStudy">
              <input
                type="checkbox"
                id="participants.feasibilityStudy"
                name="participants.feasibilityStudy"
                value="on"
                defaultChecked={v("participants.feasibilityStudy") === "on"}
                aria-invalid={e("participants.feasibilityStudy") ? true : undefined}
                aria-describedby={describedBy(
                  "participants.feasibilityStudy",
                  "hint",
                  e("participants.feasibilityStudy"),
                )}
              />{" "}
              {t("finalReport.field.feasibilityStudy")}
            </label>
            <p className="field__hint" id="participants.feasibilityStudy-hint">
              {t("finalReport.field.feasibilityStudyHint")}
            </p>
            {e("participants.feasibilityStudy") ? (
              <p className="field__error" id="participants.feasibilityStudy-error">
                {e("participants.feasibilityStudy")}
              </p>
            ) : null}
          </div>
          {countField("participants.women", t("finalReport.field.women"))}
          {countField("participants.men", t("finalReport.field.men"))}
          {countField("participants.otherOrNotStated", t("finalReport.field.otherOrNotStated"))}
        </Section>

        <Section id="metod" title={t("finalReport.section.method")}>
          <Planned label={t("finalReport.field.methodDefined")} text={d.planned.methodDefined} />
          {textField("methodChange", t("finalReport.field.methodChange"))}
          <Radios
            name="methodAsIntended"
            legend={t("finalReport.field.methodAsIntended")}
            options={answers}
            checked={v("methodAsIntended")}
            error={e("methodAsIntended")}
          />
          {textField("methodAsIntendedText", t("finalReport.field.methodAsIntendedText"))}
        </Section>

        <Section id="uppfoljning" title={t("finalReport.section.followUp")}>
          <Planned
            label={t("finalReport.field.followUpPlanned")}
            text={d.planned.followUpPlanned}
          />
          {textField("followUp", t("finalReport.field.followUp"))}
        </Section>

        <Section id="tillvaratagande" title={t("finalReport.section.continuation")}>
          <Planned
            label={t("finalReport.field.continuationPlanned")}
            text={d.planned.continuationPlanned}
          />
          {textField("continuation", t("finalReport.field.continuation"))}
        </Section>

        <Section id="aterforda-medel" title={t("finalReport.section.returnedFunds")}>
          <Radios
            name="returnedFunds.returned"
            legend={t("finalReport.field.returned")}
            options={yesNo}
            checked={v("returnedFunds.returned")}
            error={e("returnedFunds.returned")}
          />
          <TextField
            name="returnedFunds.amount"
            label={t("finalReport.field.amount")}
            hint={t("finalReport.field.amountHint")}
            inputMode="numeric"
            width="short"
            defaultValue={v("returnedFunds.amount")}
            error={e("returnedFunds.amount")}
          />
          {textField("returnedFunds.reason", t("finalReport.field.reason"))}
          {textField("returnedFunds.consequences", t("finalReport.field.consequences"))}
        </Section>

        <Section id="lardomar" title={t("finalReport.section.lessons")}>
          <p>{t("finalReport.lessonsHelp")}</p>
          {d.parties.map((p, i) => (
            <Fragment key={p.organisationId}>
              {textField(`lessons.${i}.text`, t("finalReport.field.lesson", { party: p.name }))}
            </Fragment>
          ))}
        </Section>

        <Section id="underskrifter" title={t("finalReport.section.signatures")}>
          <p>{t("finalReport.signaturesHelp")}</p>
          <p>
            <Link to={`${detail}#underskrifter`}>{t("finalReport.toSignatures")}</Link>
          </p>
        </Section>

        <div className="button-row">
          <SubmitButton>{t("finalReport.save")}</SubmitButton>
          <Link to={detail}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </main>
  );
}
