// Changing a deviation report while it is a draft: the types as checkboxes, the four narrative
// parts, and the request with its own fields. The form carries the version it was read at: if
// someone else saved in between, nothing is overwritten; the page shows what they changed and
// keeps what was typed here. The fields are shared with the new-report page.
import { Link, useLocation } from "react-router";
import { visibleReports } from "../../../access/policy.ts";
import type { ConflictChange } from "../../../platform/errors.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import {
  type DeviationInput,
  getDeviationReport,
  saveDeviationReport,
} from "../../../reports/deviation-reports.ts";
// constants from the schema: the domain module is server code, kept out of the browser's bundle
import { DEVIATION_REQUESTS, DEVIATION_TYPES } from "../../../reports/schema.ts";
import { actorOf, redirectWithNotice, text } from "../../guard.server.ts";
import { ConflictPanel, type EditFailure, NotEditable } from "../../ui/document-edit.tsx";
import { FieldError, Hint, TextArea } from "../../ui/fields.tsx";
import { ErrorSummary, Form, SubmitButton, TextField, useFormFailure } from "../../ui/form.tsx";
import { useT } from "../../ui/i18n.tsx";
import { attemptSave, requireDocument } from "../../workflow-actions.server.ts";
import type { Route } from "./+types/deviation-edit.ts";

// ---------------------------------------------------------------------------------------------
// The form, shared with deviation-new.tsx

/** The narrative parts, in the order of the form (as TEXT_FIELDS of the domain). */
export const TEXT_FIELDS = ["description", "cause", "consequence", "measures"] as const;

/** The form's values as text by field name; the types as "mal,budget". */
export type DeviationFormValues = Record<string, string>;

export type DeviationFormFailure = EditFailure;

/** What the form posts, as text by name. */
export function deviationFormValues(form: FormData): DeviationFormValues {
  const value = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  return {
    types: form
      .getAll("types")
      .filter((v): v is string => typeof v === "string")
      .join(","),
    ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, value(f)])),
    request: value("request"),
    requestedEndDate: value("requestedEndDate"),
    requestedTargetGroup: value("requestedTargetGroup"),
    requestedAmount: value("requestedAmount"),
  };
}

export function deviationInput(values: DeviationFormValues): DeviationInput {
  return {
    types: (values.types ?? "").split(",").filter(Boolean),
    description: values.description ?? "",
    cause: values.cause ?? "",
    consequence: values.consequence ?? "",
    measures: values.measures ?? "",
    request: values.request ?? "",
    requestedEndDate: values.requestedEndDate ?? "",
    requestedTargetGroup: values.requestedTargetGroup ?? "",
    requestedAmount: values.requestedAmount ?? "",
  };
}

/** A stored report as the form's values. */
export function deviationValuesOf(r: {
  types: readonly string[];
  description: string;
  cause: string;
  consequence: string;
  measures: string;
  request: string;
  requestedEndDate: string | null;
  requestedTargetGroup: string | null;
  requestedAmount: number | null;
}): DeviationFormValues {
  return {
    types: r.types.join(","),
    description: r.description,
    cause: r.cause,
    consequence: r.consequence,
    measures: r.measures,
    request: r.request,
    requestedEndDate: r.requestedEndDate ?? "",
    requestedTargetGroup: r.requestedTargetGroup ?? "",
    requestedAmount: r.requestedAmount === null ? "" : String(r.requestedAmount),
  };
}

/** A refused save: "status" (the report is no longer a draft) belongs to the whole form. */
export function formErrors(fields: Record<string, string>): Record<string, string> {
  const { status, ...rest } = fields;
  return status ? { form: status, ...rest } : rest;
}

const describedBy = (...ids: Array<string | false | undefined>) =>
  ids.filter(Boolean).join(" ") || undefined;

/** A narrative field: its hint, the markup hint of the application form, and its error. */
function Narrative(props: {
  name: string;
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
  required?: boolean;
}) {
  const t = useT();
  const { name, label, hint, value, error, required } = props;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={name}>
        {label}
        {required ? (
          <span className="field__required"> ({t("deviation.form.requiredToSubmit")})</span>
        ) : null}
      </label>
      <Hint id={`${name}-hint`} text={hint} />
      <Hint id={`${name}-note`} text={t("applicationForm.markupHint")} />
      <FieldError name={name} error={error} />
      <textarea
        id={name}
        name={name}
        rows={6}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${name}-hint`, `${name}-note`, error && `${name}-error`)}
        className="input"
      />
    </div>
  );
}

/** Checkboxes or radios under one legend; the first choice carries the field's id. */
function Choices(props: {
  type: "checkbox" | "radio";
  name: string;
  legend: string;
  hint: string;
  error: string | undefined;
  options: Array<{ value: string; label: string }>;
  checked: ReadonlySet<string>;
  required?: boolean;
}) {
  const t = useT();
  const { type, name, legend, hint, error, options, checked, required } = props;
  return (
    <div className={error ? "field field--error" : "field"}>
      <fieldset aria-describedby={describedBy(`${name}-hint`, error && `${name}-error`)}>
        <legend>
          {legend}
          {required ? (
            <span className="field__required"> ({t("deviation.form.requiredToSubmit")})</span>
          ) : null}
        </legend>
        <Hint id={`${name}-hint`} text={hint} />
        <FieldError name={name} error={error} />
        {options.map((o, i) => {
          const id = i === 0 ? name : `${name}-${o.value}`;
          return (
            <label key={o.value} htmlFor={id}>
              <input
                type={type}
                id={id}
                name={name}
                value={o.value}
                defaultChecked={checked.has(o.value)}
                aria-invalid={error ? true : undefined}
              />{" "}
              {o.label}
            </label>
          );
        })}
      </fieldset>
    </div>
  );
}

/** The initiative's facts the hints mention (the current end, the current target group). */
export interface DeviationFormInitiative {
  startDate: string;
  endDate: string;
  targetGroup: string;
}

/** Every field of a deviation report, for the new and the edit page. */
export function DeviationFields({
  values,
  errors,
  initiative,
}: {
  values: DeviationFormValues;
  errors: Record<string, string> | undefined;
  initiative: DeviationFormInitiative | null;
}) {
  const t = useT();
  const v = (name: string) => values[name] ?? "";
  const e = (name: string) => errors?.[name];
  const request = v("request") || "ingen";
  return (
    <>
      <Choices
        type="checkbox"
        name="types"
        legend={t("deviation.field.types")}
        hint={t("deviation.form.typesHint")}
        error={e("types")}
        options={DEVIATION_TYPES.map((type) => ({
          value: type,
          label: t(`deviation.type.${type}`),
        }))}
        checked={new Set(v("types").split(","))}
        required
      />
      {TEXT_FIELDS.map((f) => (
        <Narrative
          key={f}
          name={f}
          label={t(`deviation.field.${f}`)}
          hint={t(`deviation.form.${f}Hint`)}
          value={v(f)}
          error={e(f)}
          required
        />
      ))}
      <h2>{t("deviation.form.requestTitle")}</h2>
      <Choices
        type="radio"
        name="request"
        legend={t("deviation.field.request")}
        hint={t("deviation.form.requestHint")}
        error={e("request")}
        options={DEVIATION_REQUESTS.map((r) => ({ value: r, label: t(`deviation.request.${r}`) }))}
        checked={new Set([request])}
      />
      <p className="field__hint">{t("deviation.form.requestFieldsHint")}</p>
      <TextField
        name="requestedEndDate"
        type="date"
        width="short"
        label={t("deviation.form.requestedEndDate")}
        hint={
          initiative?.endDate
            ? t("deviation.form.requestedEndDateHintWithEnd", {
                start: initiative.startDate || "–",
                end: initiative.endDate,
              })
            : t("deviation.form.requestedEndDateHint")
        }
        defaultValue={v("requestedEndDate")}
        error={e("requestedEndDate")}
      />
      <TextArea
        name="requestedTargetGroup"
        label={t("deviation.form.requestedTargetGroup")}
        hint={
          initiative?.targetGroup
            ? t("deviation.form.requestedTargetGroupHintWithCurrent", {
                current: initiative.targetGroup,
              })
            : t("deviation.form.requestedTargetGroupHint")
        }
        rows={3}
        defaultValue={v("requestedTargetGroup")}
        error={e("requestedTargetGroup")}
      />
      <TextField
        name="requestedAmount"
        inputMode="numeric"
        width="short"
        label={t("deviation.form.requestedAmount")}
        hint={t("deviation.form.requestedAmountHint")}
        defaultValue={v("requestedAmount")}
        error={e("requestedAmount")}
      />
    </>
  );
}

/** What someone else saved while this form was open, field by field. */
export function DeviationConflict({
  changes,
  reloadTo,
}: {
  changes: ConflictChange[];
  reloadTo: string;
}) {
  const t = useT();
  return (
    <ConflictPanel
      changes={changes}
      reloadTo={reloadTo}
      // loaded as a whole page, with nothing of this form kept
      reloadDocument
      texts={{
        title: t("deviation.conflict.title"),
        intro: t("deviation.conflict.intro"),
        before: t("deviation.conflict.before"),
        theirs: t("deviation.conflict.theirs"),
        empty: t("deviation.conflict.empty"),
        noDetails: t("deviation.conflict.noDetails"),
        reload: t("deviation.conflict.reload"),
      }}
    />
  );
}

// ---------------------------------------------------------------------------------------------
// The edit page

/** The report in the URL, for a person who may write it: else 403, or 404 if there is none. */
const writableReport = (
  context: Route.LoaderArgs["context"],
  request: Request,
  params: Route.LoaderArgs["params"],
) =>
  requireDocument(context, request, params.association, {
    permission: "report.write",
    visible: visibleReports,
    load: (db, associationId) => getDeviationReport(db, associationId, params.deviationId),
    notFound: "Avvikelserapporten finns inte.",
  });

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { association, document: r } = await writableReport(context, request, params);
  return {
    slug: association.slug,
    id: r.id,
    status: r.status,
    initiativeName: r.initiativeName,
    initiative: {
      startDate: r.initiativeStartDate ? formatDate(r.initiativeStartDate) : "",
      endDate: r.initiativeEndDate ? formatDate(r.initiativeEndDate) : "",
      targetGroup: r.initiativeTargetGroup,
    },
    values: { ...deviationValuesOf(r), version: String(r.version) },
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, document: report } = await writableReport(context, request, params);
  const form = await request.formData();
  // the version the typed values are based on stays with them: saving again after a conflict
  // is refused again, rather than overwriting what the other person saved
  const values = { ...deviationFormValues(form), version: text(form, "version") };
  const version = Number(values.version);
  const refused = await attemptSave(
    () =>
      saveDeviationReport(
        state.services.db,
        actorOf(state),
        association.id,
        report.id,
        Number.isSafeInteger(version) && version > 0 ? version : 0,
        deviationInput(values),
      ),
    values,
    formErrors,
  );
  if (refused) return refused;
  return redirectWithNotice(`/${association.slug}/avvikelser/${report.id}`, "sparad");
}

export default function DeviationEdit({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const failure = useFormFailure() as DeviationFormFailure | undefined;
  const values = failure?.values ?? loaderData.values;
  // fetching the latest version after a conflict draws the form anew with what is saved now
  const { key: formKey } = useLocation();
  const detail = `/${loaderData.slug}/avvikelser/${loaderData.id}`;
  if (loaderData.status !== "utkast") {
    return (
      <NotEditable
        title={t("deviation.edit.notEditableTitle")}
        message={t("deviation.edit.notEditable")}
        back={{ to: detail, label: t("deviation.backToReport") }}
      />
    );
  }
  const title = t("deviation.edit.title", { initiative: loaderData.initiativeName });
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={detail}>{t("deviation.backToReport")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("deviation.edit.intro")}</p>
      <ErrorSummary errors={failure?.errors} />
      {failure?.changes ? (
        <DeviationConflict changes={failure.changes} reloadTo={`${detail}/andra`} />
      ) : null}
      <Form method="post" key={formKey}>
        <input type="hidden" name="version" value={values.version ?? ""} />
        <DeviationFields
          values={values}
          errors={failure?.errors}
          initiative={loaderData.initiative}
        />
        <div className="button-row">
          <SubmitButton>{t("deviation.form.save")}</SubmitButton>
          <Link to={detail}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </main>
  );
}
