// An initiative's budget: the version in force, per year as a table (cost category × source and
// party against the year's periods, with totals), the totals per year, and every version with
// who saved it, when and why. Those who may change the budget (the office) get its actions:
// change, propose from the granted application, re-phase after an approved deviation report, the
// XLSX template and import; everyone who sees the budget may download it as XLSX.
import { Link, useSearchParams } from "react-router";
import {
  hasGrantedApplication,
  listBudgetVersions,
  rephasingReports,
} from "../../../finance/budgets.ts";
import { formatDate, formatDateTime, formatMoney } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { useI18n } from "../../ui/i18n.tsx";
import type { Route } from "./+types/budget.ts";
import { budgetAccess, loadBudget } from "./budget-access.server.ts";
import { ScrollTable, Section, TotalsTable, YearTable, yearColumns } from "./budget-ui.tsx";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, canEdit } = await budgetAccess(context, request, params);
  const db = state.services.db;
  const budget = await loadBudget(db, association.id, params.initiativeId);
  const { versions } = await listBudgetVersions(db, association.id, params.initiativeId);
  const current = budget.current;
  const reports = canEdit ? await rephasingReports(db, association.id, params.initiativeId) : [];
  return {
    slug: association.slug,
    initiative: {
      id: budget.initiative.id,
      name: budget.initiative.name,
      startDate: budget.initiative.startDate ? formatDate(budget.initiative.startDate) : null,
      endDate: budget.initiative.endDate ? formatDate(budget.initiative.endDate) : null,
    },
    periodKeys: budget.periods.map((p) => p.key),
    parties: budget.parties,
    current: current
      ? {
          version: current.version,
          kind: current.kind,
          reason: current.reason,
          deviationReport: current.deviationReport,
          createdByName: current.createdByName,
          createdAt: formatDateTime(current.createdAt),
          lines: current.lines,
          totals: current.totals,
        }
      : null,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      kind: v.kind,
      reason: v.reason,
      createdByName: v.createdByName,
      createdAt: formatDateTime(v.createdAt),
      association: v.totals.association,
      coFinancing: v.totals.coFinancing,
      total: v.totals.total,
    })),
    canEdit,
    canPropose:
      canEdit &&
      !current &&
      budget.periods.length > 0 &&
      (await hasGrantedApplication(db, association.id, params.initiativeId)),
    canRephase: canEdit && current !== null && reports.some((r) => r.usedInVersion === null),
  };
}

const NOTICES: Record<string, MessageKey> = {
  sparad: "budgets.notice.sparad",
  importerad: "budgets.notice.importerad",
  omfordelad: "budgets.notice.omfordelad",
};

export default function Budget({ loaderData: d }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const notice = params.get("klart");
  const noticeKey = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined;
  const base = `/${d.slug}/insatser/${d.initiative.id}/budget`;
  const title = t("budgets.pageTitle", { name: d.initiative.name });
  const kr = (n: number) => formatMoney(n, locale);
  const years = yearColumns(d.periodKeys, d.current?.lines ?? []);
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/insatser/${d.initiative.id}`}>{t("budgets.backToInitiative")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("budgets.intro")}</p>
      <p>
        {d.initiative.startDate && d.initiative.endDate
          ? t("budgets.dates", { start: d.initiative.startDate, end: d.initiative.endDate })
          : t("budgets.noDates")}
      </p>
      {noticeKey ? (
        <p className="notice" role="status">
          {t(noticeKey)}
        </p>
      ) : null}

      {d.canEdit || d.current ? (
        <nav aria-labelledby="budget-actions">
          <h2 id="budget-actions">{t("budgets.actions")}</h2>
          <ul className="link-list">
            {d.canEdit ? (
              <li>
                <Link to={`${base}/andra`}>
                  {t(d.current ? "budgets.action.edit" : "budgets.action.create")}
                </Link>
              </li>
            ) : null}
            {d.canPropose ? (
              <li>
                <Link to={`${base}/andra?forslag=ansokan`}>{t("budgets.action.propose")}</Link>
              </li>
            ) : null}
            {d.canRephase ? (
              <li>
                <Link to={`${base}/omfordela`}>{t("budgets.action.rephase")}</Link>
              </li>
            ) : null}
            {d.canEdit ? (
              <>
                <li>
                  <a href={`${base}/mall`} download>
                    {t("budgets.action.template")}
                  </a>
                </li>
                <li>
                  <Link to={`${base}/importera`}>{t("budgets.action.import")}</Link>
                </li>
              </>
            ) : null}
            {d.current ? (
              <li>
                <a href={`${base}/xlsx`} download>
                  {t("budgets.action.export")}
                </a>
              </li>
            ) : null}
          </ul>
          {d.canEdit && d.current && !d.canRephase ? (
            <p className="field__hint">{t("budgets.rephaseNeedsDeviation")}</p>
          ) : null}
        </nav>
      ) : null}

      {d.current ? (
        <>
          <Section id="galler" title={t("budgets.current")}>
            <dl className="summary">
              <dt>{t("budgets.field.version")}</dt>
              <dd>
                <Link to={`${base}/versioner/${d.current.version}`}>
                  {t("budgets.versionNumber", { number: d.current.version })}
                </Link>{" "}
                ({t(`budgets.kind.${d.current.kind}`)})
              </dd>
              <dt>{t("budgets.field.reason")}</dt>
              <dd>{d.current.reason}</dd>
              {d.current.deviationReport ? (
                <>
                  <dt>{t("budgets.field.deviation")}</dt>
                  <dd>
                    <Link to={`/${d.slug}/avvikelser/${d.current.deviationReport.id}`}>
                      {d.current.deviationReport.registryNumber
                        ? t("budgets.deviationLink", {
                            number: d.current.deviationReport.registryNumber,
                          })
                        : t("budgets.deviationNoNumber")}
                    </Link>
                  </dd>
                </>
              ) : null}
              <dt>{t("budgets.field.savedBy")}</dt>
              <dd>
                {d.current.createdByName}, {d.current.createdAt}
              </dd>
            </dl>
            <TotalsTable totals={d.current.totals} />
          </Section>
          {years.map((y) => (
            <Section
              key={y.year}
              id={`ar-${y.year}-rubrik`}
              title={t("budgets.yearTitle", { year: y.year })}
            >
              <YearTable columns={y} lines={d.current?.lines ?? []} parties={d.parties} />
            </Section>
          ))}
        </>
      ) : (
        <p>{t("budgets.none")}</p>
      )}

      <Section id="versioner" title={t("budgets.history")}>
        {d.versions.length === 0 ? (
          <p>{t("budgets.noHistory")}</p>
        ) : (
          <ScrollTable caption={t("budgets.historyCaption")}>
            <thead>
              <tr>
                <th scope="col">{t("budgets.field.version")}</th>
                <th scope="col">{t("budgets.field.status")}</th>
                <th scope="col">{t("budgets.field.kind")}</th>
                <th scope="col">{t("budgets.field.reason")}</th>
                <th scope="col">{t("budgets.field.savedBy")}</th>
                <th scope="col">{t("budgets.field.savedAt")}</th>
                <th scope="col" className="num">
                  {t("budgets.field.association")}
                </th>
                <th scope="col" className="num">
                  {t("budgets.field.coFinancing")}
                </th>
                <th scope="col" className="num">
                  {t("budgets.field.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row">
                    <Link to={`${base}/versioner/${v.version}`}>
                      {t("budgets.versionNumber", { number: v.version })}
                    </Link>
                  </th>
                  <td>{t(`budgets.status.${v.status}`)}</td>
                  <td>{t(`budgets.kind.${v.kind}`)}</td>
                  <td>{v.reason}</td>
                  <td>{v.createdByName}</td>
                  <td className="date">{v.createdAt}</td>
                  <td className="num">{kr(v.association)}</td>
                  <td className="num">{kr(v.coFinancing)}</td>
                  <td className="num">{kr(v.total)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </Section>
    </main>
  );
}
