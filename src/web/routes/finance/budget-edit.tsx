// Changing an initiative's budget (the office, budget.edit): one amount field per period and
// line — association funds per cost category, each party's co-financing per kind — for every year
// or, with ?ar=YYYY, one year (the other years' lines are carried unchanged). With
// ?forslag=ansokan and no budget yet, the fields hold the proposal spread from the granted
// application. Saving writes a new version from the version read; refusals stand at their field.
import { Link, useSearchParams } from "react-router";
import {
  type BudgetProposal,
  budgetFromApplication,
  type ProposalNote,
  saveBudget,
} from "../../../finance/budgets.ts";
import { ValidationError } from "../../../platform/errors.ts";
import { formatMoney } from "../../../platform/i18n/format.ts";
import { actorOf, attempt, redirectWithNotice, text } from "../../guard.server.ts";
import { Radios, TextArea } from "../../ui/fields.tsx";
import { Form, SubmitButton } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { ProblemSummary, useWorkflow } from "../../ui/workflow-panels.tsx";
import type { Route } from "./+types/budget-edit.ts";
import { budgetAccess, loadBudget } from "./budget-access.server.ts";
import { formRows, GridYear, lineOfField, Section, valuesOf, yearColumns } from "./budget-ui.tsx";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await budgetAccess(context, request, params, "budget.edit");
  const db = state.services.db;
  const budget = await loadBudget(db, association.id, params.initiativeId);
  const url = new URL(request.url);
  const wantsProposal = url.searchParams.get("forslag") === "ansokan" && !budget.current;
  let proposal: BudgetProposal | undefined;
  let proposalProblem: string | null = null;
  if (wantsProposal) {
    try {
      proposal = await budgetFromApplication(db, association.id, params.initiativeId);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      proposalProblem = Object.values(error.fields).join(" ");
    }
  }
  const lines = proposal?.lines ?? budget.current?.lines ?? [];
  const periodKeys = budget.periods.map((p) => p.key);
  const all = yearColumns(periodKeys, lines);
  const wanted = Number(url.searchParams.get("ar"));
  const year = !wantsProposal && all.some((y) => y.year === wanted) ? wanted : null;
  const partyName = (id: string) => budget.parties.find((p) => p.id === id)?.name ?? "–";
  return {
    slug: association.slug,
    initiative: { id: budget.initiative.id, name: budget.initiative.name },
    hasDates: periodKeys.length > 0,
    parties: budget.parties,
    expected: budget.current ? String(budget.current.version) : "",
    allYears: all.map((y) => y.year),
    year,
    years: all
      .filter((y) => year === null || y.year === year)
      .map((columns) => ({
        columns,
        rows: formRows(
          lines.filter((l) => l.year === columns.year),
          budget.parties,
          budget.initiative.esf,
        ),
      })),
    values: valuesOf(lines),
    kind: budget.current ? "revision" : "beslut",
    reason: proposal?.reason ?? "",
    proposal: proposal
      ? {
          registryNumber: proposal.application.registryNumber ?? "–",
          notes: proposal.notes.map((n: ProposalNote) =>
            n.type === "notParty" ? { ...n, party: partyName(n.organisationId) } : n,
          ),
        }
      : null,
    wantsProposal,
    proposalProblem,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, base } = await budgetAccess(context, request, params, "budget.edit");
  const db = state.services.db;
  const budget = await loadBudget(db, association.id, params.initiativeId);
  const form = await request.formData();
  const values: Record<string, string> = {
    kind: text(form, "kind"),
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
  const expectedText = text(form, "expectedBudgetVersion");
  const expected = expectedText === "" ? null : Number(expectedText);
  // one year shown: the other years' lines of the version read are carried unchanged
  const year = Number(text(form, "ar")) || null;
  const carried =
    year !== null && budget.current && budget.current.version === expected
      ? budget.current.lines.filter((l) => l.year !== year)
      : [];
  const result = await attempt(
    () =>
      saveBudget(db, actorOf(state), association.id, params.initiativeId, expected, {
        lines: [...typed.map((x) => x.line), ...carried],
        reason: values.reason ?? "",
        kind: values.kind ?? "",
        field: (i) => typed[i]?.name ?? `ovriga-ar-${i - typed.length + 1}`,
      }),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(base, "sparad");
}

function noteText(
  t: ReturnType<typeof useI18n>["t"],
  money: (n: number) => string,
  n: ProposalNote & { party?: string },
) {
  switch (n.type) {
    case "moved":
      return t("budgets.proposal.moved", {
        year: n.year,
        amount: money(n.amount),
        period: n.periodKey,
      });
    case "notParty":
      return t("budgets.proposal.notParty", { party: n.party ?? "–", amount: money(n.amount) });
    case "decidedAmount":
      return t("budgets.proposal.decidedAmount", {
        decided: money(n.decided),
        applied: money(n.applied),
      });
  }
}

export default function BudgetEdit({ loaderData: d }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { failure, errors, formKey } = useWorkflow({});
  const [params] = useSearchParams();
  const money = (n: number) => formatMoney(n, locale);
  const base = `/${d.slug}/insatser/${d.initiative.id}/budget`;
  const here = `${base}/andra${params.toString() ? `?${params}` : ""}`;
  const title = t(
    d.proposal
      ? "budgets.edit.proposalTitle"
      : d.expected
        ? "budgets.edit.title"
        : "budgets.edit.createTitle",
    { name: d.initiative.name },
  );
  const values = failure?.values ?? { ...d.values, kind: d.kind, reason: d.reason };
  const problems = Object.entries(errors).map(([key, message]) => ({
    key,
    message,
    href: key.startsWith("b.") || key === "reason" || key === "kind" ? `#${key}` : undefined,
  }));
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
          <Link to={here} reloadDocument>
            {t("budgets.reload")}
          </Link>
        </p>
      ) : null}
      {d.wantsProposal && !d.proposal ? (
        <p className="warning">{d.proposalProblem ?? t("budgets.proposal.none")}</p>
      ) : null}
      {!d.hasDates ? <p className="warning">{t("budgets.noDates")}</p> : null}
      {d.proposal ? (
        <div className="panel">
          <p>{t("budgets.proposal.from", { number: d.proposal.registryNumber })}</p>
          <p>{t("budgets.proposal.spread")}</p>
          <p>{t("budgets.proposal.coFinancing")}</p>
          {d.proposal.notes.length ? (
            <ul>
              {d.proposal.notes.map((n) => (
                <li
                  key={`${n.type}-${"year" in n ? n.year : "organisationId" in n ? n.organisationId : ""}`}
                >
                  {noteText(t, money, n)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <p className="lead">{t("budgets.edit.intro")}</p>
      <p>{t("budgets.edit.coFinancingHint")}</p>

      {d.allYears.length > 1 && !d.proposal ? (
        <nav aria-labelledby="budget-years">
          <h2 id="budget-years">{t("budgets.edit.years")}</h2>
          <ul className="link-list">
            <li>
              <Link to={`${base}/andra`} aria-current={d.year === null ? "page" : undefined}>
                {t("budgets.edit.allYears")}
              </Link>
            </li>
            {d.allYears.map((y) => (
              <li key={y}>
                <Link to={`${base}/andra?ar=${y}`} aria-current={d.year === y ? "page" : undefined}>
                  {y}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {d.year !== null ? <p>{t("budgets.edit.yearOnly", { year: d.year })}</p> : null}

      {d.hasDates || d.years.length ? (
        <Form method="post" action={here} key={formKey}>
          <input type="hidden" name="expectedBudgetVersion" value={d.expected} />
          <input type="hidden" name="ar" value={d.year ?? ""} />
          <Radios
            name="kind"
            legend={t("budgets.edit.kind")}
            options={[
              { value: "beslut", label: t("budgets.edit.kindBeslut") },
              { value: "revision", label: t("budgets.edit.kindRevision") },
            ]}
            checked={values.kind ?? d.kind}
            error={errors.kind}
            required
          />
          <TextArea
            name="reason"
            label={t("budgets.edit.reason")}
            hint={t("budgets.edit.reasonHint")}
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
            <SubmitButton>{t("budgets.edit.save")}</SubmitButton>
            <Link to={base}>{t("common.cancel")}</Link>
          </div>
        </Form>
      ) : null}
    </main>
  );
}
