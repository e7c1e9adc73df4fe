// Re-phasing an initiative's budget after an approved deviation report that asked to move funds
// (the office, budget.edit): the amount fields of every year, filled with the budget in force,
// and the report that allows it. The totals of association funds and of each party's
// co-financing must stay exactly as they are; a refusal shows, per source, the total now, the
// total in the form and the difference, computed on the server (no JavaScript needed).
import { Link } from "react-router";
import type { CoFinancingKind } from "../../../applications/content.ts";
import { rephaseBudget, rephasingReports, sourceTotals } from "../../../finance/budgets.ts";
import { formatDate, formatMoney } from "../../../platform/i18n/format.ts";
import { parseKronor, sumKronor } from "../../../platform/money.ts";
import { actorOf, attempt, redirectWithNotice, text } from "../../guard.server.ts";
import { Radios, TextArea } from "../../ui/fields.tsx";
import { Form, SubmitButton } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { ProblemSummary, useWorkflow } from "../../ui/workflow-panels.tsx";
import type { Route } from "./+types/budget-rephase.ts";
import { budgetAccess, loadBudget } from "./budget-access.server.ts";
import { formRows, GridYear, lineOfField, Section, valuesOf, yearColumns } from "./budget-ui.tsx";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await budgetAccess(context, request, params, "budget.edit");
  const db = state.services.db;
  const budget = await loadBudget(db, association.id, params.initiativeId);
  const reports = (await rephasingReports(db, association.id, params.initiativeId)).filter(
    (r) => r.usedInVersion === null,
  );
  const lines = budget.current?.lines ?? [];
  const totals = sourceTotals(lines);
  return {
    slug: association.slug,
    initiative: { id: budget.initiative.id, name: budget.initiative.name },
    parties: budget.parties,
    current: budget.current ? String(budget.current.version) : null,
    reports: reports.map((r) => ({
      id: r.id,
      registryNumber: r.registryNumber ?? "–",
      decisionDate: r.decisionDate ? formatDate(r.decisionDate) : "–",
      requestedAmount: r.requestedAmount,
    })),
    years: yearColumns(
      budget.periods.map((p) => p.key),
      lines,
    ).map((columns) => ({
      columns,
      rows: formRows(
        lines.filter((l) => l.year === columns.year),
        budget.parties,
        budget.initiative.esf,
      ),
    })),
    values: valuesOf(lines),
    sources: [...totals.entries()].map(([key, now]) => ({ key, now })),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, base } = await budgetAccess(context, request, params, "budget.edit");
  const form = await request.formData();
  const values: Record<string, string> = {
    deviationReportId: text(form, "deviationReportId"),
    reason: text(form, "reason"),
  };
  const typed: Array<{ name: string; line: NonNullable<ReturnType<typeof lineOfField>> }> = [];
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const line = lineOfField(name, value);
    if (!line) continue;
    typed.push({ name, line });
    values[name] = value;
  }
  const result = await attempt(
    () =>
      rephaseBudget(
        state.services.db,
        actorOf(state),
        association.id,
        params.initiativeId,
        Number(text(form, "expectedBudgetVersion")),
        values.deviationReportId ?? "",
        typed.map((x) => x.line),
        values.reason ?? "",
        { field: (i) => typed[i]?.name ?? "form" },
      ),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(base, "omfordelad");
}

/** The totals per source of what was typed (amounts that cannot be read count as 0). */
function typedTotals(values: Record<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, value] of Object.entries(values)) {
    const line = lineOfField(name, value);
    if (!line) continue;
    const amount = parseKronor(value);
    // the same key as sourceKey (finance/budgets.ts), which stays on the server
    const key =
      line.source === "forbund"
        ? "forbund"
        : `medfinansiering|${line.organisationId ?? ""}|${line.coKind ?? ""}`;
    out.set(key, sumKronor([out.get(key) ?? 0, typeof amount === "number" ? amount : 0]));
  }
  return out;
}

export default function BudgetRephase({ loaderData: d }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { failure, errors, formKey } = useWorkflow({});
  const money = (n: number) => formatMoney(n, locale);
  const base = `/${d.slug}/insatser/${d.initiative.id}/budget`;
  const title = t("budgets.rephase.title", { name: d.initiative.name });
  const values = failure?.values ?? { ...d.values, deviationReportId: d.reports[0]?.id ?? "" };
  const typed = typedTotals(values);
  const problems = Object.entries(errors).map(([key, message]) => ({
    key,
    message,
    href: key === "form" || key === "lines" ? undefined : `#${key}`,
  }));
  const sourceLabel = (key: string) => {
    if (key === "forbund") return t("budgets.source.forbund");
    const [, org, kind] = key.split("|");
    const party = d.parties.find((p) => p.id === org);
    return t("budgets.rephase.sourceCoFinancing", {
      party: party?.name ?? "–",
      kind: t(`budgets.coKind.${(kind ?? "pengar") as CoFinancingKind}`),
    });
  };
  const keys = [...new Set([...d.sources.map((s) => s.key), ...typed.keys()])];
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={base}>{t("budgets.backToBudget")}</Link>
      </p>
      <h1>{title}</h1>
      <ProblemSummary items={problems} />
      {errors.form ? (
        <p className="warning">
          <Link to={`${base}/omfordela`} reloadDocument>
            {t("budgets.reload")}
          </Link>
        </p>
      ) : null}
      <p className="lead">{t("budgets.rephase.intro")}</p>
      {!d.current ? (
        <p className="warning">{t("budgets.rephase.noBudget")}</p>
      ) : d.reports.length === 0 ? (
        <p className="warning">{t("budgets.rephase.noReports")}</p>
      ) : (
        <Form method="post" action={`${base}/omfordela`} key={formKey}>
          <input type="hidden" name="expectedBudgetVersion" value={d.current} />
          <Radios
            name="deviationReportId"
            legend={t("budgets.rephase.report")}
            options={d.reports.map((r) => ({
              value: r.id,
              label:
                r.requestedAmount === null
                  ? t("budgets.rephase.reportOptionNoAmount", {
                      number: r.registryNumber,
                      date: r.decisionDate,
                    })
                  : t("budgets.rephase.reportOption", {
                      number: r.registryNumber,
                      date: r.decisionDate,
                      amount: money(r.requestedAmount),
                    }),
            }))}
            checked={values.deviationReportId ?? ""}
            error={errors.deviationReportId}
            required
          />
          <Section id="summor" title={t("budgets.rephase.sumsTitle")}>
            <div className="table-wrap">
              <table>
                <caption>{t("budgets.rephase.sumsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("budgets.rephase.source")}</th>
                    <th scope="col" className="num">
                      {t("budgets.rephase.now")}
                    </th>
                    <th scope="col" className="num">
                      {t("budgets.rephase.typed")}
                    </th>
                    <th scope="col" className="num">
                      {t("budgets.rephase.difference")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {keys.map((key) => {
                    const now = d.sources.find((s) => s.key === key)?.now ?? 0;
                    const inForm = typed.get(key) ?? 0;
                    const diff = inForm - now;
                    return (
                      <tr key={key} id={`totals.${key}`} tabIndex={-1}>
                        <th scope="row">{sourceLabel(key)}</th>
                        <td className="num">{money(now)}</td>
                        <td className="num">{money(inForm)}</td>
                        <td className="num">
                          {diff === 0
                            ? t("budgets.rephase.same")
                            : `${diff > 0 ? "+" : ""}${money(diff)}`}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </Section>
          <TextArea
            name="reason"
            label={t("budgets.rephase.reason")}
            hint={t("budgets.rephase.reasonHint")}
            defaultValue={values.reason ?? ""}
            error={errors.reason}
            rows={3}
            required
          />
          {d.years.map((y) => (
            <Section
              key={y.columns.year}
              id={`ar-${y.columns.year}-rubrik`}
              title={String(y.columns.year)}
            >
              <GridYear
                columns={y.columns}
                rows={y.rows}
                parties={d.parties}
                values={values}
                errors={errors}
              />
            </Section>
          ))}
          <p className="field__hint">{t("budgets.edit.totalsNote")}</p>
          <div className="button-row">
            <SubmitButton>{t("budgets.rephase.save")}</SubmitButton>
            <Link to={base}>{t("common.cancel")}</Link>
          </div>
        </Form>
      )}
    </main>
  );
}
