// Importing an initiative's budget from the XLSX template (the office, budget.edit), in two steps
// that work without JavaScript: the upload is checked as a whole (a dry run that saves nothing)
// and answers either every problem, each naming its cell, or the file's totals per year beside
// the budget in force with a button to save; saving sends the same file again (carried in the
// page), which is checked again and saved as a new version of kind "import".
import { data, Link } from "react-router";
import { importBudgetXlsx } from "../../../finance/budget-xlsx.ts";
import { formatMoney } from "../../../platform/i18n/format.ts";
import { actorOf, attempt, redirectWithNotice, text } from "../../guard.server.ts";
import { FieldError, Hint, TextArea } from "../../ui/fields.tsx";
import type { FormFailure } from "../../ui/form.tsx";
import { Form, SubmitButton } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { ProblemSummary, useWorkflow } from "../../ui/workflow-panels.tsx";
import type { Route } from "./+types/budget-import.ts";
import { budgetAccess, loadBudget } from "./budget-access.server.ts";
import { ScrollTable, Section } from "./budget-ui.tsx";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await budgetAccess(context, request, params, "budget.edit");
  const budget = await loadBudget(state.services.db, association.id, params.initiativeId);
  return {
    slug: association.slug,
    initiative: { id: budget.initiative.id, name: budget.initiative.name },
    expected: budget.current ? String(budget.current.version) : "",
  };
}

interface Preview {
  fileName: string;
  fileData: string;
  reason: string;
  expected: string;
  lineCount: number;
  years: Array<{
    year: number;
    association: number;
    coFinancing: number;
    total: number;
    current: number | null;
  }>;
  total: number;
  currentTotal: number | null;
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, base } = await budgetAccess(context, request, params, "budget.edit");
  const form = await request.formData();
  const intent = text(form, "intent");
  const reason = text(form, "reason");
  const expectedText = text(form, "expectedBudgetVersion");
  const expected = expectedText === "" ? null : Number(expectedText);
  const values = { intent, reason };
  let bytes: Uint8Array;
  let fileName: string;
  if (intent === "check") {
    const file = form.get("file");
    if (!(file instanceof File) || (file.size === 0 && !file.name))
      return data<FormFailure>(
        { errors: { file: "Välj filen med den ifyllda budgetmallen." }, values },
        { status: 400 },
      );
    bytes = new Uint8Array(await file.arrayBuffer());
    fileName = file.name;
  } else if (intent === "save") {
    const carried = text(form, "fileData");
    if (!carried)
      return data<FormFailure>(
        { errors: { file: "Filen från kontrollen följde inte med. Ladda upp den igen." }, values },
        { status: 400 },
      );
    bytes = new Uint8Array(Buffer.from(carried, "base64"));
    fileName = text(form, "fileName");
  } else throw data({ message: "Okänd åtgärd." }, { status: 400 });
  const result = await attempt(
    () =>
      importBudgetXlsx(
        state.services.db,
        actorOf(state),
        association.id,
        params.initiativeId,
        expected,
        {
          data: bytes,
          fileName,
          reason,
          dryRun: intent === "check",
        },
      ),
    values,
  );
  if (!result.ok) return result.failure;
  if (intent === "save") return redirectWithNotice(base, "importerad");
  const { totals, current } = result.value;
  const preview: Preview = {
    fileName,
    fileData: Buffer.from(bytes).toString("base64"),
    reason,
    expected: expectedText,
    lineCount: result.value.lines.length,
    years: [
      ...new Set([
        ...totals.byYear.map((y) => y.year),
        ...(current?.totals.byYear.map((y) => y.year) ?? []),
      ]),
    ]
      .sort((a, b) => a - b)
      .map((year) => {
        const own = totals.byYear.find((y) => y.year === year);
        return {
          year,
          association: own?.association ?? 0,
          coFinancing: own?.coFinancing ?? 0,
          total: own?.total ?? 0,
          current: current
            ? (current.totals.byYear.find((y) => y.year === year)?.total ?? 0)
            : null,
        };
      }),
    total: totals.total,
    currentTotal: current?.totals.total ?? null,
  };
  return { preview };
}

export default function BudgetImport({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { errors, formKey, value } = useWorkflow({});
  const money = (n: number) => formatMoney(n, locale);
  const base = `/${d.slug}/insatser/${d.initiative.id}/budget`;
  const here = `${base}/importera`;
  const title = t("budgets.import.title", { name: d.initiative.name });
  const preview =
    actionData && "preview" in actionData ? (actionData.preview as Preview) : undefined;
  const problems = Object.entries(errors).map(([key, message]) => ({
    key,
    message,
    href: key === "file" || key === "reason" ? `#${key}` : undefined,
  }));
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={base}>{t("budgets.backToBudget")}</Link>
      </p>
      <h1>{title}</h1>
      <ProblemSummary items={problems} />
      {problems.length > 0 && !errors.form ? (
        <p className="warning">{t("budgets.import.nothingSaved")}</p>
      ) : null}
      {errors.form ? (
        <p className="warning">
          <Link to={here} reloadDocument>
            {t("budgets.reload")}
          </Link>
        </p>
      ) : null}

      {preview ? (
        <Section id="forhandsvisning" title={t("budgets.import.previewTitle")}>
          <p>
            {t("budgets.import.previewIntro", { file: preview.fileName, count: preview.lineCount })}
          </p>
          <ScrollTable caption={t("budgets.import.previewCaption")}>
            <thead>
              <tr>
                <th scope="col">{t("budgets.column.year")}</th>
                <th scope="col" className="num">
                  {t("budgets.field.association")}
                </th>
                <th scope="col" className="num">
                  {t("budgets.field.coFinancing")}
                </th>
                <th scope="col" className="num">
                  {t("budgets.import.inFile")}
                </th>
                <th scope="col" className="num">
                  {t("budgets.import.current")}
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td className="num">{money(y.association)}</td>
                  <td className="num">{money(y.coFinancing)}</td>
                  <td className="num">{money(y.total)}</td>
                  <td className="num">{y.current === null ? "–" : money(y.current)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("budgets.row.total")}</th>
                <td />
                <td />
                <td className="num">{money(preview.total)}</td>
                <td className="num">
                  {preview.currentTotal === null ? "–" : money(preview.currentTotal)}
                </td>
              </tr>
            </tfoot>
          </ScrollTable>
          <Form method="post" action={here}>
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="fileData" value={preview.fileData} />
            <input type="hidden" name="fileName" value={preview.fileName} />
            <input type="hidden" name="reason" value={preview.reason} />
            <input type="hidden" name="expectedBudgetVersion" value={preview.expected} />
            <div className="button-row">
              <SubmitButton>{t("budgets.import.confirm")}</SubmitButton>
              <Link to={base}>{t("common.cancel")}</Link>
            </div>
          </Form>
        </Section>
      ) : (
        <>
          <p className="lead">{t("budgets.import.intro")}</p>
          <p>{t("budgets.import.columns")}</p>
          <p>
            <a href={`${base}/mall`} download>
              {t("budgets.action.template")}
            </a>
          </p>
          <Form method="post" action={here} encType="multipart/form-data" key={formKey}>
            <input type="hidden" name="intent" value="check" />
            <input type="hidden" name="expectedBudgetVersion" value={d.expected} />
            <div className={errors.file ? "field field--error" : "field"}>
              <label htmlFor="file">{t("budgets.import.file")}</label>
              <Hint id="file-hint" text={t("budgets.import.fileHint")} />
              <FieldError name="file" error={errors.file} />
              <input
                type="file"
                id="file"
                name="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-invalid={errors.file ? true : undefined}
                aria-describedby={errors.file ? "file-hint file-error" : "file-hint"}
              />
            </div>
            <TextArea
              name="reason"
              label={t("budgets.import.reason")}
              hint={t("budgets.import.reasonHint")}
              defaultValue={value("reason")}
              error={errors.reason}
              rows={2}
            />
            <SubmitButton>{t("budgets.import.check")}</SubmitButton>
          </Form>
        </>
      )}
    </main>
  );
}
