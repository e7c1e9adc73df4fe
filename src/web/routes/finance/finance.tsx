// The association's money of a year (?ar=YYYY, this year by default): the allocated funds split
// per member with the rule, the computed equity term by term, the administrative costs, and
// every initiative's budget, outcome, ratio and prognosis with totals per orientation. Each
// figure states its definition. Downloads: the workbook (XLSX) and the national figures
// (JSON/CSV). The office reaches the year's funds and the normal band from here.
import { Link, useSearchParams } from "react-router";
import { todayInSweden } from "../../../applications/workflow.ts";
import { yearOverview } from "../../../finance/association-money.ts";
import type { MoneyTotals } from "../../../finance/outcome.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { requireAssociation } from "../../guard.server.ts";
import { useI18n } from "../../ui/i18n.tsx";
import type { Route } from "./+types/finance.ts";
import { yearOf } from "./finance.server.ts";
import { Money, PrognosisTag, Ratio, TableWrap } from "./finance-ui.tsx";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, permissions } = await requireAssociation(
    context,
    request,
    params.association,
    "finance.view",
  );
  const year = yearOf(request);
  const overview = await yearOverview(state.services.db, association.id, year, todayInSweden());
  const { funding, money, equity } = overview;
  return {
    slug: association.slug,
    year,
    canManage: permissions.includes("finance.manage"),
    funding: {
      saved: funding.saved,
      total: funding.totalAllocation,
      adminBudget: funding.adminBudget,
      adminOutcome: funding.adminOutcome,
      note: funding.note,
      unassigned: funding.split.unassigned,
      groups: funding.split.groups,
      rows: funding.split.rows.map((r) => ({
        id: r.organisationId,
        name: r.name,
        kind: r.kind,
        basis: r.basis,
        keyValue: r.keyValue,
        amount: r.amount,
        group: r.group,
      })),
    },
    equity,
    money: {
      asOf: money.asOf,
      band: money.band,
      totals: money.totals,
      initiatives: money.initiatives.map((i) => ({
        id: i.initiativeId,
        name: i.name,
        orientation: i.orientation,
        yearBudget: i.yearBudget,
        yearOutcome: i.yearOutcome,
        ytdBudget: i.ytdBudget,
        ytdOutcome: i.ytdOutcome,
        ratioPercent: i.ratioPercent,
        prognosis: i.prognosis,
        overridden: i.override !== null && i.override.periodKey === i.latestPeriodKey,
        returned: i.returned,
      })),
    },
  };
}

const BASIS_KEYS: Record<string, MessageKey> = {
  half: "finance.split.basis.half",
  key: "finance.split.basis.key",
  equal: "finance.split.basis.equal",
  paidByFk: "finance.split.basis.paidByFk",
  missingKey: "finance.split.basis.missingKey",
  notMember: "finance.split.basis.notMember",
};
const KIND_KEYS: Record<string, MessageKey> = {
  forsakringskassan: "finance.kind.forsakringskassan",
  arbetsformedlingen: "finance.kind.arbetsformedlingen",
  region: "finance.kind.region",
  kommun: "finance.kind.kommun",
  annan: "finance.kind.annan",
};
const NOTICES: Record<string, MessageKey> = {
  medel: "finance.notice.fundsSaved",
  intervall: "finance.notice.bandSaved",
};

export default function FinanceYear({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const notice = params.get("klart");
  const noticeKey = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined;
  const base = `/${d.slug}/ekonomi`;
  const title = t("finance.year.title", { year: d.year });
  const groupOf = (group: string) => d.funding.groups.find((g) => g.group === group);
  const e = d.equity;
  const totalsRow = (label: string, totals: MoneyTotals) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">
        <Money amount={totals.ytdBudget} />
      </td>
      <td className="num">
        <Money amount={totals.ytdOutcome} />
      </td>
      <td className="num">
        <Ratio percent={totals.ratioPercent} />
      </td>
      <td />
      <td className="num">
        <Money amount={totals.yearBudget} />
      </td>
      <td className="num">
        <Money amount={totals.yearOutcome} />
      </td>
      <td className="num">
        <Money amount={totals.returned} />
      </td>
    </tr>
  );
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <h1>{title}</h1>
      <p className="lead">{t("finance.year.intro")}</p>
      {noticeKey ? (
        <p className="notice" role="status">
          {t(noticeKey, { year: d.year })}
        </p>
      ) : null}
      <nav aria-label={t("finance.year.yearNav")}>
        <ul className="link-list">
          <li>
            <Link to={`${base}?ar=${d.year - 1}`}>
              {t("finance.year.previous", { year: d.year - 1 })}
            </Link>
          </li>
          <li>
            <Link to={`${base}?ar=${d.year + 1}`}>
              {t("finance.year.next", { year: d.year + 1 })}
            </Link>
          </li>
        </ul>
      </nav>
      <h2 id="ladda-ner">{t("finance.download.title")}</h2>
      <ul className="link-list">
        <li>
          <a href={`${base}/arbetsbok?ar=${d.year}`} download>
            {t("finance.download.xlsx", { year: d.year })}
          </a>
        </li>
        <li>
          <a href={`${base}/nationella-uppgifter?ar=${d.year}&format=csv`} download>
            {t("finance.download.nationalCsv", { year: d.year })}
          </a>
        </li>
        <li>
          <a href={`${base}/nationella-uppgifter?ar=${d.year}&format=json`} download>
            {t("finance.download.nationalJson", { year: d.year })}
          </a>
        </li>
      </ul>
      {d.canManage ? (
        <ul className="link-list">
          <li>
            <Link to={`${base}/ar/${d.year}`}>{t("finance.year.editFunds", { year: d.year })}</Link>
          </li>
          <li>
            <Link to={`${base}/installningar`}>{t("finance.year.editBand")}</Link>
          </li>
        </ul>
      ) : null}

      <section aria-labelledby="tilldelade-medel">
        <h2 id="tilldelade-medel">{t("finance.split.title")}</h2>
        {!d.funding.saved ? (
          <p className="warning">{t("finance.split.notSaved", { year: d.year })}</p>
        ) : null}
        <details>
          <summary>{t("finance.split.ruleSummary")}</summary>
          <p>{t("finance.split.rule")}</p>
        </details>
        {d.funding.unassigned > 0 ? (
          <p className="warning">
            {t("finance.split.unassigned")} <Money amount={d.funding.unassigned} />
          </p>
        ) : null}
        <TableWrap label={t("finance.split.caption", { year: d.year })}>
          <table>
            <caption>{t("finance.split.caption", { year: d.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("finance.split.member")}</th>
                <th scope="col">{t("finance.split.kind")}</th>
                <th scope="col">{t("finance.split.basis")}</th>
                <th scope="col" className="num">
                  {t("finance.split.key")}
                </th>
                <th scope="col" className="num">
                  {t("finance.split.amount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.funding.rows.map((r) => {
                const g = groupOf(r.group);
                return (
                  <tr key={r.id}>
                    <th scope="row">{r.name}</th>
                    <td>{t(KIND_KEYS[r.kind] ?? "finance.kind.annan")}</td>
                    <td>
                      {t(BASIS_KEYS[r.basis] ?? "finance.split.basis.notMember", {
                        key: r.keyValue ?? 0,
                        keyTotal: g?.keyTotal ?? 0,
                        members: g?.members ?? 0,
                      })}
                    </td>
                    <td className="num">{r.keyValue ?? "–"}</td>
                    <td className="num">
                      <Money amount={r.amount} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  {t("finance.split.total")}
                </th>
                <td className="num">
                  <Money amount={d.funding.total} />
                </td>
              </tr>
            </tfoot>
          </table>
        </TableWrap>
      </section>

      <section aria-labelledby="eget-kapital">
        <h2 id="eget-kapital">{t("finance.equity.title")}</h2>
        <TableWrap label={t("finance.equity.caption", { year: d.year })}>
          <table>
            <caption>{t("finance.equity.caption", { year: d.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("finance.equity.term")}</th>
                <th scope="col">{t("finance.equity.source")}</th>
                <th scope="col" className="num">
                  {t("finance.split.amount")}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("finance.equity.opening")}</th>
                <td>{t("finance.equity.openingSource")}</td>
                <td className="num">
                  <Money amount={e.opening} />
                </td>
              </tr>
              <tr>
                <th scope="row">{t("finance.equity.allocation")}</th>
                <td>{t("finance.equity.allocationSource")}</td>
                <td className="num">
                  <Money amount={e.allocation} />
                </td>
              </tr>
              <tr>
                <th scope="row">{t("finance.equity.returned")}</th>
                <td>{t("finance.equity.returnedSource")}</td>
                <td className="num">
                  <Money amount={e.returnedFunds} />
                </td>
              </tr>
              <tr>
                <th scope="row">{t("finance.equity.outcome")}</th>
                <td>{t("finance.equity.outcomeSource")}</td>
                <td className="num">
                  <Money amount={-e.initiativesOutcome} />
                </td>
              </tr>
              <tr>
                <th scope="row">{t("finance.equity.admin")}</th>
                <td>
                  {t(
                    e.adminBasis === "utfall"
                      ? "finance.equity.adminOutcomeSource"
                      : "finance.equity.adminBudgetSource",
                  )}
                </td>
                <td className="num">
                  <Money amount={-e.adminCosts} />
                </td>
              </tr>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t("finance.equity.closing")}
                </th>
                <td className="num">
                  <Money amount={e.closing} />
                </td>
              </tr>
            </tfoot>
          </table>
        </TableWrap>
        <details>
          <summary>{t("finance.equity.definitionSummary")}</summary>
          <p>{t("finance.equity.definition")}</p>
        </details>
      </section>

      <section aria-labelledby="administration">
        <h2 id="administration">{t("finance.admin.title")}</h2>
        <dl className="summary">
          <dt>{t("finance.admin.budget")}</dt>
          <dd>
            <Money amount={d.funding.adminBudget} />
          </dd>
          <dt>{t("finance.admin.outcome")}</dt>
          <dd>
            {d.funding.adminOutcome === null ? (
              t("finance.admin.noOutcome")
            ) : (
              <Money amount={d.funding.adminOutcome} />
            )}
          </dd>
        </dl>
        {d.funding.note ? (
          <p>
            {t("finance.admin.note")} {d.funding.note}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="insatser">
        <h2 id="insatser">{t("finance.initiatives.title")}</h2>
        <details>
          <summary>{t("finance.definitions.summary")}</summary>
          <ul>
            <li>{t("finance.definitions.budget")}</li>
            <li>{t("finance.definitions.outcome")}</li>
            <li>{t("finance.definitions.ratio")}</li>
            <li>
              {t("finance.definitions.band", { low: d.money.band.low, high: d.money.band.high })}
            </li>
            <li>{t("finance.definitions.prognosis")}</li>
          </ul>
        </details>
        {d.money.initiatives.length === 0 ? (
          <p>{t("finance.initiatives.none", { year: d.year })}</p>
        ) : (
          <TableWrap label={t("finance.initiatives.caption", { year: d.year, asOf: d.money.asOf })}>
            <table>
              <caption>
                {t("finance.initiatives.caption", { year: d.year, asOf: d.money.asOf })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("finance.initiatives.name")}</th>
                  <th scope="col" className="num">
                    {t("finance.initiatives.ytdBudget")}
                  </th>
                  <th scope="col" className="num">
                    {t("finance.initiatives.ytdOutcome")}
                  </th>
                  <th scope="col" className="num">
                    {t("finance.initiatives.ratio")}
                  </th>
                  <th scope="col">{t("finance.initiatives.prognosis")}</th>
                  <th scope="col" className="num">
                    {t("finance.initiatives.yearBudget")}
                  </th>
                  <th scope="col" className="num">
                    {t("finance.initiatives.yearOutcome")}
                  </th>
                  <th scope="col" className="num">
                    {t("finance.initiatives.returned")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.money.initiatives.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      <Link to={`/${d.slug}/insatser/${i.id}/ekonomi?ar=${d.year}`}>{i.name}</Link>
                      <span className="field__hint">
                        <br />
                        {t(`finance.orientation.${i.orientation}`)}
                      </span>
                    </th>
                    <td className="num">
                      <Money amount={i.ytdBudget} />
                    </td>
                    <td className="num">
                      <Money amount={i.ytdOutcome} />
                    </td>
                    <td className="num">
                      <Ratio percent={i.ratioPercent} />
                    </td>
                    <td>
                      <PrognosisTag prognosis={i.prognosis} />
                      <br />
                      <span className="field__hint">
                        {t(
                          i.overridden
                            ? "finance.prognosis.byOffice"
                            : "finance.prognosis.suggested",
                        )}
                      </span>
                    </td>
                    <td className="num">
                      <Money amount={i.yearBudget} />
                    </td>
                    <td className="num">
                      <Money amount={i.yearOutcome} />
                    </td>
                    <td className="num">
                      <Money amount={i.returned} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                {totalsRow(t("finance.totals.individual"), d.money.totals.individual)}
                {totalsRow(t("finance.totals.structural"), d.money.totals.structural)}
                {totalsRow(t("finance.totals.all"), d.money.totals.all)}
              </tfoot>
            </table>
          </TableWrap>
        )}
      </section>
    </main>
  );
}
