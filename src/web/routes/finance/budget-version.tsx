// One version of an initiative's budget as it was saved: who saved it, when and why (and the
// deviation report that allowed a re-phasing), its tables per year, and what changed from the
// version before, line by line.
import { data, Link } from "react-router";
import { type BudgetLine, budgetLineKey, getBudgetVersion } from "../../../finance/budgets.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { formatDateTime, formatMoney } from "../../../platform/i18n/format.ts";
import { useI18n } from "../../ui/i18n.tsx";
import { periodLabel } from "../../ui/periodic-report-form.tsx";
import type { Route } from "./+types/budget-version.ts";
import { budgetAccess } from "./budget-access.server.ts";
import {
  ScrollTable,
  Section,
  TotalsTable,
  useBudgetLabels,
  YearTable,
  yearColumns,
} from "./budget-ui.tsx";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await budgetAccess(context, request, params);
  const number = /^\d{1,9}$/.test(params.budgetVersion) ? Number(params.budgetVersion) : 0;
  const found = await getBudgetVersion(
    state.services.db,
    association.id,
    params.initiativeId,
    number,
  ).catch((error: unknown) => {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  });
  if (!found) throw data({ message: "Budgetversionen finns inte." }, { status: 404 });
  const { version: v, previous } = found;
  // what changed from the version before, line by line
  const before = new Map((previous?.lines ?? []).map((l) => [budgetLineKey(l), l]));
  const after = new Map(v.lines.map((l) => [budgetLineKey(l), l]));
  const changes: Array<{
    key: string;
    line: BudgetLine;
    before: number | null;
    after: number | null;
  }> = [];
  if (previous)
    for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const b = before.get(key);
      const a = after.get(key);
      if (b?.amount === a?.amount) continue;
      const line = a ?? b;
      if (line) changes.push({ key, line, before: b?.amount ?? null, after: a?.amount ?? null });
    }
  return {
    slug: association.slug,
    initiative: { id: found.initiative.id, name: found.initiative.name },
    periodKeys: found.periods.map((p) => p.key),
    parties: found.parties,
    latest: found.latest,
    version: {
      version: v.version,
      status: v.status,
      kind: v.kind,
      reason: v.reason,
      deviationReport: v.deviationReport,
      createdByName: v.createdByName,
      createdAt: formatDateTime(v.createdAt),
      lines: v.lines,
      totals: v.totals,
    },
    previous: previous?.version ?? null,
    changes,
  };
}

export default function BudgetVersionPage({ loaderData: d }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { line } = useBudgetLabels(d.parties);
  const money = (n: number) => formatMoney(n, locale);
  const base = `/${d.slug}/insatser/${d.initiative.id}/budget`;
  const v = d.version;
  const title = t("budgets.version.title", { number: v.version, name: d.initiative.name });
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={base}>{t("budgets.backToBudget")}</Link>
      </p>
      <h1>{title}</h1>
      {v.version < d.latest ? (
        <p className="warning">
          <Link to={base}>{t("budgets.version.newer")}</Link>
        </p>
      ) : null}
      <dl className="summary">
        <dt>{t("budgets.field.status")}</dt>
        <dd>{t(`budgets.status.${v.status}`)}</dd>
        <dt>{t("budgets.field.kind")}</dt>
        <dd>{t(`budgets.kind.${v.kind}`)}</dd>
        <dt>{t("budgets.field.reason")}</dt>
        <dd>{v.reason}</dd>
        {v.deviationReport ? (
          <>
            <dt>{t("budgets.field.deviation")}</dt>
            <dd>
              <Link to={`/${d.slug}/avvikelser/${v.deviationReport.id}`}>
                {v.deviationReport.registryNumber
                  ? t("budgets.deviationLink", { number: v.deviationReport.registryNumber })
                  : t("budgets.deviationNoNumber")}
              </Link>
            </dd>
          </>
        ) : null}
        <dt>{t("budgets.field.savedBy")}</dt>
        <dd>
          {v.createdByName}, {v.createdAt}
        </dd>
      </dl>
      <TotalsTable totals={v.totals} />

      <Section
        id="andringar"
        title={
          d.previous === null
            ? t("budgets.history")
            : t("budgets.version.changes", { number: d.previous })
        }
      >
        {d.previous === null ? (
          <p>{t("budgets.version.first")}</p>
        ) : d.changes.length === 0 ? (
          <p>{t("budgets.version.noChanges", { number: d.previous })}</p>
        ) : (
          <ScrollTable caption={t("budgets.version.changesCaption", { number: d.previous })}>
            <thead>
              <tr>
                <th scope="col">{t("budgets.version.period")}</th>
                <th scope="col">{t("budgets.version.line")}</th>
                <th scope="col" className="num">
                  {t("budgets.version.before")}
                </th>
                <th scope="col" className="num">
                  {t("budgets.version.after")}
                </th>
                <th scope="col" className="num">
                  {t("budgets.version.difference")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.changes.map((c) => {
                const diff = (c.after ?? 0) - (c.before ?? 0);
                return (
                  <tr key={c.key}>
                    <td>{periodLabel(t, c.line.periodKey)}</td>
                    <th scope="row">{line(c.line)}</th>
                    <td className="num">
                      {c.before === null ? t("budgets.version.missing") : money(c.before)}
                    </td>
                    <td className="num">
                      {c.after === null ? t("budgets.version.missing") : money(c.after)}
                    </td>
                    <td className="num">{`${diff > 0 ? "+" : ""}${money(diff)}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </ScrollTable>
        )}
      </Section>

      {yearColumns(d.periodKeys, v.lines).map((y) => (
        <Section key={y.year} id={`ar-${y.year}-rubrik`} title={String(y.year)}>
          <YearTable columns={y} lines={v.lines} parties={d.parties} />
        </Section>
      ))}
    </main>
  );
}
