// Changing a requisition while it is a draft or returned for completion: one amount per cost
// category for association funds, with the period's budget beside it; rows of co-financing per
// party and kind (those of the period's budget first, then empty rows to add more); the note; and,
// in its own multipart form on the same page, the attachments: upload and remove. A refused save
// names each field (`lines.personal.forbund.amount`) and keeps everything that was typed; the
// form carries the version it was read at, so nothing someone else saved is overwritten.
import { data, Link, useLocation, useSearchParams } from "react-router";
import {
  BUDGET_CATEGORIES,
  type BudgetCategory,
  CO_FINANCING_KINDS,
} from "../../../applications/content.ts";
import { lineKey, type MoneyLineInput } from "../../../finance/lines.ts";
import {
  addRequisitionAttachment,
  removeRequisitionAttachment,
  saveRequisition,
} from "../../../finance/requisitions.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../../platform/errors.ts";
import { formatDateTime, formatMoney, formatNumber } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { actorOf, redirectWithNotice, text } from "../../guard.server.ts";
import { NotEditable } from "../../ui/document-edit.tsx";
import { TextArea } from "../../ui/fields.tsx";
import {
  ErrorSummary,
  Form,
  type FormFailure,
  SelectField,
  SubmitButton,
  TextField,
  useFormFailure,
} from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { periodLabel } from "../../ui/periodic-report-form.tsx";
import { ReturnedNote } from "../../ui/workflow-panels.tsx";
import type { Route } from "./+types/requisition-edit.ts";
import { findRequisition } from "./requisition-access.server.ts";

/** Empty co-financing rows below those of the budget and the requisition, to add more. */
const EMPTY_CO_ROWS = 2;
/** At most this many co-financing rows are read from a form. */
const MAX_CO_ROWS = 60;

const forbundName = (category: string) => `lines.${category}.forbund.amount`;
const coName = (i: number, part: string) => `lines.co.${i}.${part}`;
const budgetKey = (organisationId: string, coKind: string, category: string) =>
  `${organisationId}|${coKind}|${category}`;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const {
    association,
    requisition: r,
    open,
  } = await findRequisition(context, request, params, "requisition.write");
  const values: Record<string, string> = { version: String(r.version), note: r.note };
  for (const l of r.lines.filter((x) => x.source === "forbund"))
    values[forbundName(l.category)] = String(l.amount);
  // the co-financing rows: the budget's for the period, then the requisition's others, then empty
  const rows = new Map<
    string,
    { organisationId: string; coKind: string; category: string; amount: string }
  >();
  for (const l of r.budget.lines.filter((x) => x.source === "medfinansiering"))
    rows.set(lineKey(l), {
      organisationId: l.organisationId ?? "",
      coKind: l.coKind ?? "",
      category: l.category,
      amount: "",
    });
  for (const l of r.lines.filter((x) => x.source === "medfinansiering"))
    rows.set(lineKey(l), {
      organisationId: l.organisationId ?? "",
      coKind: l.coKind ?? "",
      category: l.category,
      amount: String(l.amount),
    });
  const coRows = [...rows.values()];
  coRows.forEach((row, i) => {
    values[coName(i, "organisationId")] = row.organisationId;
    values[coName(i, "coKind")] = row.coKind;
    values[coName(i, "category")] = row.category;
    values[coName(i, "amount")] = row.amount;
  });
  values["co-rows"] = String(coRows.length + EMPTY_CO_ROWS);
  const budgetForbund = Object.fromEntries(
    BUDGET_CATEGORIES.map((c) => [
      c,
      r.budget.lines
        .filter((l) => l.source === "forbund" && l.category === c)
        .reduce((s, l) => s + l.amount, 0),
    ]),
  ) as Record<BudgetCategory, number>;
  const budgetCo = Object.fromEntries(
    r.budget.lines
      .filter((l) => l.source === "medfinansiering")
      .map((l) => [budgetKey(l.organisationId ?? "", l.coKind ?? "", l.category), l.amount]),
  );
  return {
    slug: association.slug,
    id: r.id,
    open,
    status: r.status,
    initiativeName: r.initiativeName,
    periodKey: r.periodKey,
    returnReason: r.status === "aterskickad" ? (r.returnReason ?? "") : "",
    hasBudget: r.budget.budgetVersion !== null,
    parties: r.parties.map((p) => ({ id: p.id, name: p.name, isOwner: p.isOwner })),
    budgetForbund,
    budgetCo,
    values,
    attachments: r.attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      sizeBytes: a.sizeBytes,
      uploadedAt: formatDateTime(a.uploadedAt),
      uploadedBy: a.uploadedByName ?? "",
    })),
  };
}

/** The form's amounts as lines to save, and each line's field name for its problems. */
function linesOfForm(form: FormData): {
  values: Record<string, string>;
  lines: MoneyLineInput[];
  names: Array<(part: string) => string>;
} {
  const values: Record<string, string> = {};
  const lines: MoneyLineInput[] = [];
  const names: Array<(part: string) => string> = [];
  for (const category of BUDGET_CATEGORIES) {
    const name = forbundName(category);
    values[name] = text(form, name);
    lines.push({ category, source: "forbund", amount: values[name] });
    names.push((part) => (part === "amount" ? name : `lines.${category}.forbund.${part}`));
  }
  const count = Math.min(MAX_CO_ROWS, Math.max(0, Number(text(form, "co-rows")) || 0));
  values["co-rows"] = String(count);
  for (let i = 0; i < count; i++) {
    for (const part of ["organisationId", "coKind", "category", "amount"])
      values[coName(i, part)] = text(form, coName(i, part));
    lines.push({
      category: values[coName(i, "category")] ?? "",
      source: "medfinansiering",
      organisationId: values[coName(i, "organisationId")] ?? "",
      coKind: values[coName(i, "coKind")] ?? "",
      amount: values[coName(i, "amount")] ?? "",
    });
    names.push((part) => coName(i, part));
  }
  return { values, lines, names };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, requisition } = await findRequisition(
    context,
    request,
    params,
    "requisition.write",
  );
  const form = await request.formData();
  const intent = text(form, "intent");
  if (intent !== "save" && intent !== "upload" && intent !== "remove-attachment")
    throw data({ message: "Okänd åtgärd." }, { status: 400 });
  const db = state.services.db;
  const actor = actorOf(state);
  const here = `/${association.slug}/rekvisitioner/${requisition.id}`;
  let values: Record<string, string> = { intent };
  try {
    if (intent === "upload") {
      const file = form.get("file");
      if (!(file instanceof File) || (file.size === 0 && !file.name))
        throw new ValidationError({ file: "Välj filen med underlaget som du vill ladda upp." });
      await addRequisitionAttachment(db, actor, association.id, requisition.id, {
        fileName: file.name,
        data: new Uint8Array(await file.arrayBuffer()),
      });
      return redirectWithNotice(`${here}/andra`, "uppladdad");
    }
    if (intent === "remove-attachment") {
      await removeRequisitionAttachment(
        db,
        actor,
        association.id,
        requisition.id,
        text(form, "attachmentId"),
      );
      return redirectWithNotice(`${here}/andra`, "borttagen");
    }
    const read = linesOfForm(form);
    values = {
      ...values,
      ...read.values,
      note: text(form, "note"),
      version: text(form, "version"),
    };
    const version = Number(values.version);
    await saveRequisition(
      db,
      actor,
      association.id,
      requisition.id,
      Number.isSafeInteger(version) && version > 0 ? version : 0,
      { lines: read.lines, note: values.note },
      { field: (i, part) => read.names[i]?.(part) ?? `lines.${i}.${part}` },
    );
    return redirectWithNotice(here, "sparad");
  } catch (error) {
    if (error instanceof ValidationError) {
      // a requisition that is no longer open: that is the whole form's problem
      const { status, ...fields } = error.fields;
      return data<FormFailure>(
        { errors: status ? { form: status, ...fields } : fields, values },
        { status: 400 },
      );
    }
    if (error instanceof ConflictError)
      return data<FormFailure>({ errors: { form: error.message }, values }, { status: 409 });
    if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
    throw error;
  }
}

const NOTICES: Record<string, MessageKey> = {
  skapad: "requisitions.notice.created",
  uppladdad: "requisitions.notice.uploaded",
  borttagen: "requisitions.notice.removed",
};

export default function RequisitionEdit({ loaderData: d }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const failure = useFormFailure();
  const [params] = useSearchParams();
  const { key: formKey } = useLocation();
  const detail = `/${d.slug}/rekvisitioner/${d.id}`;
  const period = periodLabel(t, d.periodKey);
  if (!d.open)
    return (
      <NotEditable
        title={t("requisitions.edit.notEditableTitle")}
        message={t(
          `requisitions.edit.notEditable.${d.status === "godkand" ? "godkand" : "inskickad"}`,
        )}
        back={{ to: detail, label: t("requisitions.backToRequisition") }}
      />
    );
  const saving = failure?.values?.intent === "save";
  const values = saving ? (failure?.values ?? d.values) : d.values;
  const v = (name: string) => values[name] ?? "";
  const errors = failure?.errors ?? {};
  const money = (n: number) => formatMoney(n, locale);
  const notice = params.get("klart");
  const noticeKey = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined;
  const coRows = Math.max(0, Number(v("co-rows")) || 0);
  const title = t("requisitions.edit.title", { initiative: d.initiativeName, period });
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? t("requisitions.kilobytes", {
          size: formatNumber(Math.max(1, Math.ceil(bytes / 1024)), locale),
        })
      : t("requisitions.megabytes", {
          size: formatNumber(Math.ceil((bytes / (1024 * 1024)) * 10) / 10, locale),
        });
  const partyOptions = [
    { value: "", label: t("requisitions.edit.choose") },
    ...d.parties.map((p) => ({
      value: p.id,
      label: p.isOwner ? t("requisitions.edit.owner", { name: p.name }) : p.name,
    })),
  ];

  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={detail}>{t("requisitions.backToRequisition")}</Link>
      </p>
      <h1>{title}</h1>
      {noticeKey && !failure ? (
        <p className="notice" role="status">
          {t(noticeKey)}
        </p>
      ) : null}
      {d.returnReason ? (
        <ReturnedNote
          title={t("requisitions.view.returnedTitle")}
          message={d.returnReason}
          help={t("requisitions.edit.returnedHelp")}
        />
      ) : null}
      <ErrorSummary errors={failure?.errors} />
      {errors.form && failure?.values?.intent === "save" ? (
        <p className="warning">
          <Link to={`${detail}/andra`} reloadDocument>
            {t("requisitions.reload")}
          </Link>
        </p>
      ) : null}
      <p className="lead">{t("requisitions.edit.intro")}</p>
      {d.hasBudget ? null : <p>{t("requisitions.view.noBudget")}</p>}

      <Form method="post" action={`${detail}/andra`} key={`save-${formKey}`}>
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={v("version")} />
        <input type="hidden" name="co-rows" value={String(coRows)} />
        <fieldset>
          <legend>
            <h2>{t("requisitions.edit.associationTitle")}</h2>
          </legend>
          <p className="field__hint">{t("requisitions.edit.associationHint")}</p>
          {BUDGET_CATEGORIES.map((c) => (
            <TextField
              key={c}
              name={forbundName(c)}
              label={t("requisitions.edit.amountLabel", {
                category: t(`requisitions.category.${c}`),
              })}
              hint={t("requisitions.edit.budgetHint", { amount: money(d.budgetForbund[c]) })}
              inputMode="numeric"
              width="short"
              defaultValue={v(forbundName(c))}
              error={errors[forbundName(c)]}
            />
          ))}
        </fieldset>

        <h2>{t("requisitions.edit.coTitle")}</h2>
        <p className="field__hint">{t("requisitions.edit.coHint")}</p>
        {Array.from({ length: coRows }, (_, i) => {
          const budget =
            d.budgetCo[
              budgetKey(
                v(coName(i, "organisationId")),
                v(coName(i, "coKind")),
                v(coName(i, "category")),
              )
            ];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are numbered; the number is the key
            <fieldset key={i}>
              <legend>{t("requisitions.edit.coRow", { number: i + 1 })}</legend>
              <SelectField
                name={coName(i, "organisationId")}
                label={t("requisitions.field.party")}
                defaultValue={v(coName(i, "organisationId"))}
                error={errors[coName(i, "organisationId")]}
                options={partyOptions}
              />
              <SelectField
                name={coName(i, "coKind")}
                label={t("requisitions.field.coKind")}
                defaultValue={v(coName(i, "coKind"))}
                error={errors[coName(i, "coKind")]}
                options={[
                  { value: "", label: t("requisitions.edit.choose") },
                  ...CO_FINANCING_KINDS.map((k) => ({
                    value: k,
                    label: t(`requisitions.coKind.${k}`),
                  })),
                ]}
              />
              <SelectField
                name={coName(i, "category")}
                label={t("requisitions.field.category")}
                defaultValue={v(coName(i, "category"))}
                error={errors[coName(i, "category")]}
                options={[
                  { value: "", label: t("requisitions.edit.choose") },
                  ...BUDGET_CATEGORIES.map((c) => ({
                    value: c,
                    label: t(`requisitions.category.${c}`),
                  })),
                ]}
              />
              <TextField
                name={coName(i, "amount")}
                label={t("requisitions.edit.coAmount")}
                hint={
                  budget === undefined
                    ? t("requisitions.edit.coNoBudget")
                    : t("requisitions.edit.budgetHint", { amount: money(budget) })
                }
                inputMode="numeric"
                width="short"
                defaultValue={v(coName(i, "amount"))}
                error={errors[coName(i, "amount")]}
              />
            </fieldset>
          );
        })}
        <p className="field__hint">{t("requisitions.edit.moreRows")}</p>

        <TextArea
          name="note"
          label={t("requisitions.field.note")}
          hint={t("requisitions.edit.noteHint")}
          defaultValue={v("note")}
          error={errors.note}
        />
        <div className="button-row">
          <SubmitButton>{t("requisitions.edit.save")}</SubmitButton>
          <Link to={detail}>{t("common.cancel")}</Link>
        </div>
      </Form>

      <section aria-labelledby="underlag">
        <h2 id="underlag" tabIndex={-1}>
          {t("requisitions.view.attachmentsTitle")}
        </h2>
        <p>{t("requisitions.edit.attachmentsIntro")}</p>
        {d.attachments.length === 0 ? (
          <p>{t("requisitions.view.noAttachments")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>
                {t("requisitions.view.attachmentsCaption", { count: d.attachments.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("requisitions.field.fileName")}</th>
                  <th scope="col" className="num">
                    {t("requisitions.field.fileSize")}
                  </th>
                  <th scope="col">{t("requisitions.field.uploaded")}</th>
                  <th scope="col">{t("requisitions.edit.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {d.attachments.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <a href={`${detail}/bilagor/${a.id}`} download={a.fileName}>
                        {a.fileName}
                      </a>
                    </th>
                    <td className="num">{size(a.sizeBytes)}</td>
                    <td>
                      {a.uploadedBy
                        ? t("requisitions.uploadedBy", { date: a.uploadedAt, name: a.uploadedBy })
                        : a.uploadedAt}
                    </td>
                    <td>
                      <Form
                        method="post"
                        action={`${detail}/andra`}
                        key={`remove-${a.id}-${formKey}`}
                      >
                        <input type="hidden" name="intent" value="remove-attachment" />
                        <input type="hidden" name="attachmentId" value={a.id} />
                        <button
                          type="submit"
                          className="button button--danger"
                          aria-label={t("requisitions.edit.removeLabel", { name: a.fileName })}
                        >
                          {t("requisitions.edit.remove")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Form
          method="post"
          action={`${detail}/andra`}
          encType="multipart/form-data"
          key={`upload-${formKey}`}
        >
          <input type="hidden" name="intent" value="upload" />
          <div className={errors.file ? "field field--error" : "field"}>
            <label htmlFor="file">{t("requisitions.edit.file")}</label>
            <p className="field__hint" id="file-hint">
              {t("requisitions.edit.fileHint")}
            </p>
            {errors.file ? (
              <p className="field__error" id="file-error">
                {errors.file}
              </p>
            ) : null}
            <input
              type="file"
              id="file"
              name="file"
              accept=".pdf,.xlsx,.docx,.doc,.ods,.odt,application/pdf"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={errors.file ? "file-hint file-error" : "file-hint"}
            />
          </div>
          <SubmitButton variant="secondary">{t("requisitions.edit.upload")}</SubmitButton>
        </Form>
      </section>
    </main>
  );
}
