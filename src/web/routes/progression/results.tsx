// Progression: the results of progression measurement per initiative with a measurement plan —
// the share measured against the plan's target, the change from the baseline by gender, the share
// improved, the distribution of the total score (charts drawn on the server, each with its table)
// and the comparison group beside. The office and the board see every individual initiative; an
// initiative's lead and steering group their own. Every figure has passed disclosure control;
// nothing here names or links to a participant.
import { Fragment } from "react";
import { data, Link, Form as RouterForm } from "react-router";
import { requireAssociation } from "../../guard.server.ts";
import { ErrorSummary, TextField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type { Route } from "./+types/results.ts";
import type { CellView, ChartView, GenderView, GroupView } from "./results.server.ts";
import { loadResultsPage } from "./results.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association } = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const page = await loadResultsPage(
    state.services.db,
    principal,
    association.id,
    new URL(request.url),
  );
  return data({ slug: association.slug, ...page }, { status: page.errors ? 400 : 200 });
}

type Translate = ReturnType<typeof useI18n>["t"];

function Cell({ cell, threshold, t }: { cell: CellView; threshold: number; t: Translate }) {
  if (cell.kind === "value") return <>{cell.text}</>;
  const why =
    cell.kind === "primary"
      ? t("progression.results.hiddenPrimary", { threshold })
      : cell.kind === "secondary"
        ? t("progression.results.hiddenSecondary")
        : cell.kind === "share"
          ? t("progression.results.hiddenShare")
          : cell.kind === "mean"
            ? t("progression.results.hiddenMean")
            : t("progression.results.noneMean");
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{why}</span>
    </>
  );
}

function Cells({ cells, threshold, t }: { cells: GenderView; threshold: number; t: Translate }) {
  return (
    <>
      {cells.map((c, i) => (
        <td
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns kvinnor, män, totalt
          key={i}
          className="num"
          data-hidden={c.kind === "value" ? undefined : c.kind}
        >
          <Cell cell={c} threshold={threshold} t={t} />
        </td>
      ))}
    </>
  );
}

function GenderHead({ first, t }: { first: string; t: Translate }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="num">
          {t("progression.results.columnWomen")}
        </th>
        <th scope="col" className="num">
          {t("progression.results.columnMen")}
        </th>
        <th scope="col" className="num">
          {t("progression.results.columnTotal")}
        </th>
      </tr>
    </thead>
  );
}

/** The change table of one group: n, baseline, latest and change, by gender, per measure. */
function ChangeTable({
  group,
  caption,
  threshold,
  t,
}: {
  group: GroupView;
  caption: string;
  threshold: number;
  t: Translate;
}) {
  const columns = [
    t("progression.results.columnWomen"),
    t("progression.results.columnMen"),
    t("progression.results.columnTotal"),
  ];
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {columns.map((c) => (
              <th key={c} scope="colgroup" colSpan={4}>
                {c}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">{t("progression.results.columnScore")}</th>
            {columns.map((c) => (
              <Fragment key={c}>
                <th scope="col" className="num">
                  n<span className="visually-hidden">{` (${c})`}</span>
                </th>
                <th scope="col" className="num">
                  {t("progression.results.columnBaseline")}
                  <span className="visually-hidden">{` (${c})`}</span>
                </th>
                <th scope="col" className="num">
                  {t("progression.results.columnLatest")}
                  <span className="visually-hidden">{` (${c})`}</span>
                </th>
                <th scope="col" className="num">
                  {t("progression.results.columnChange")}
                  <span className="visually-hidden">{` (${c})`}</span>
                </th>
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {group.scores.map((s) => (
            <tr key={s.key} data-score={s.key}>
              <th scope="row">{s.label}</th>
              {[0, 1, 2].map((g) => (
                <Fragment key={g}>
                  {[s.n, s.baseline, s.latest, s.change].map((figure, k) => (
                    <td
                      // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns n, baseline, latest, change
                      key={k}
                      className="num"
                      data-hidden={figure[g]?.kind === "value" ? undefined : figure[g]?.kind}
                    >
                      <Cell cell={figure[g] as CellView} threshold={threshold} t={t} />
                    </td>
                  ))}
                </Fragment>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Chart({ chart, none, t }: { chart: ChartView | null; none: string; t: Translate }) {
  if (!chart) return <p className="field__hint">{none}</p>;
  return (
    <figure className="chart" aria-labelledby={`${chart.id}-caption`}>
      <div
        className="chart__image"
        // the SVG is Samspår's own, drawn on the server from protected figures (progression/charts.ts)
        // biome-ignore lint/security/noDangerouslySetInnerHtml: server-drawn SVG without user markup
        dangerouslySetInnerHTML={{ __html: chart.svg }}
      />
      <figcaption id={`${chart.id}-caption`}>
        {chart.caption}
        <span className="field__hint">{` ${chart.description}`}</span>
      </figcaption>
      <TableWrap label={t("progression.results.chartData", { caption: chart.caption })}>
        <table>
          <caption>{t("progression.results.chartData", { caption: chart.caption })}</caption>
          <thead>
            <tr>
              {chart.table.columns.map((c, i) => (
                <th key={c} scope="col" className={i > 0 ? "num" : undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.table.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {row.cells.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                  <td key={i} className="num">
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </figure>
  );
}

export default function ProgressionResults({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const title = t("progression.results.title");
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <h1>{title}</h1>
      <p className="lead">{t("progression.results.lead")}</p>
      <p>
        <Link to={`/${d.slug}/progression/instrument`}>
          {t("progression.results.instrumentsLink")}
        </Link>
      </p>
      <ErrorSummary errors={d.errors ?? undefined} />
      <section className="panel" aria-labelledby="period-title">
        <h2 id="period-title">{t("progression.results.periodTitle")}</h2>
        <RouterForm method="get" action={`/${d.slug}/progression`}>
          <TextField
            name="fran"
            label={t("progression.results.from")}
            hint={t("progression.results.dateHint")}
            defaultValue={d.query.from}
            error={d.errors?.fran}
            width="short"
          />
          <TextField
            name="till"
            label={t("progression.results.to")}
            hint={t("progression.results.dateHint")}
            defaultValue={d.query.to}
            error={d.errors?.till}
            width="short"
          />
          <button type="submit" className="button button--secondary">
            {t("progression.results.show")}
          </button>
        </RouterForm>
      </section>
      {d.errors ? null : (
        <>
          <h2>{t("progression.results.period", { from: d.query.from, to: d.query.to })}</h2>
          <section aria-labelledby="legend-title">
            <h3 id="legend-title">{t("progression.results.legendTitle")}</h3>
            <p>
              {d.threshold === 0
                ? t("progression.results.legendOff")
                : t("progression.results.legend", { threshold: d.threshold })}
            </p>
            <p>{t("progression.results.suppressed", { count: d.suppressed })}</p>
            <ul>
              {d.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </section>
          {d.initiatives.length === 0 ? <p>{t("progression.results.none")}</p> : null}
          {d.initiatives.map((initiative) => (
            <section key={initiative.id} aria-labelledby={`insats-${initiative.id}`}>
              <h2 id={`insats-${initiative.id}`}>{initiative.name}</h2>
              <ul className="link-list">
                <li>
                  <Link to={`/${d.slug}/insatser/${initiative.id}/progression`}>
                    {t("progression.results.planLink", { name: initiative.name })}
                  </Link>
                </li>
                {initiative.comparisonGroup && initiative.measures ? (
                  <li>
                    <Link to={`/${d.slug}/insatser/${initiative.id}/jamforelsegrupp`}>
                      {t("progression.results.comparisonLink", { name: initiative.name })}
                    </Link>
                  </li>
                ) : null}
                {initiative.exports ? (
                  <li>
                    <a
                      href={`/${d.slug}/insatser/${initiative.id}/progression/utvardering.csv`}
                      download
                    >
                      {t("progression.results.exportLink", { name: initiative.name })}
                    </a>
                  </li>
                ) : null}
              </ul>
              {initiative.instruments.length === 0 ? (
                <p>{t("progression.results.noInstruments")}</p>
              ) : null}
              {initiative.instruments.map((instrument) => {
                const heading = t("progression.results.instrumentHeading", {
                  instrument: instrument.name,
                  version: instrument.version,
                });
                const where = `${heading}, ${initiative.name}`;
                return (
                  <section key={instrument.id} aria-label={where}>
                    <h3>{heading}</h3>
                    <TableWrap
                      label={t("progression.results.coverageCaption", { instrument: where })}
                    >
                      <table>
                        <caption>
                          {t("progression.results.coverageCaption", { instrument: where })}
                        </caption>
                        <GenderHead first={t("progression.results.columnFigure")} t={t} />
                        <tbody>
                          <tr>
                            <th scope="row">{t("progression.results.enrolled")}</th>
                            <Cells cells={instrument.enrolled} threshold={d.threshold} t={t} />
                          </tr>
                          <tr>
                            <th scope="row">{t("progression.results.measured")}</th>
                            <Cells cells={instrument.measured} threshold={d.threshold} t={t} />
                          </tr>
                          <tr data-figure="andel_matta">
                            <th scope="row">{t("progression.results.shareMeasured")}</th>
                            <Cells cells={instrument.share} threshold={d.threshold} t={t} />
                          </tr>
                          <tr>
                            <th scope="row">{t("progression.results.pairs")}</th>
                            <Cells
                              cells={instrument.participants.pairs}
                              threshold={d.threshold}
                              t={t}
                            />
                          </tr>
                          <tr data-figure="andel_forbattrade">
                            <th scope="row">{t("progression.results.improved")}</th>
                            <Cells
                              cells={instrument.participants.improved}
                              threshold={d.threshold}
                              t={t}
                            />
                          </tr>
                        </tbody>
                      </table>
                    </TableWrap>
                    <p data-target={instrument.target}>
                      <strong>
                        {t(`progression.results.target.${instrument.target}`, {
                          percent: initiative.targetPercent,
                        })}
                      </strong>
                    </p>
                    <ChangeTable
                      group={instrument.participants}
                      caption={t("progression.results.changeCaption", {
                        group: t("progression.results.participants"),
                        instrument: where,
                      })}
                      threshold={d.threshold}
                      t={t}
                    />
                    <Chart
                      chart={instrument.changeChart}
                      none={t("progression.results.noChangeChart")}
                      t={t}
                    />
                    <Chart
                      chart={instrument.distributionChart}
                      none={t("progression.results.noDistributionChart")}
                      t={t}
                    />
                    {instrument.comparison ? (
                      <>
                        <h4>{t("progression.results.comparisonHeading")}</h4>
                        <TableWrap
                          label={`${t("progression.results.comparisonHeading")}: ${where}`}
                        >
                          <table>
                            <caption>{`${t("progression.results.comparisonHeading")}: ${where}`}</caption>
                            <GenderHead first={t("progression.results.columnFigure")} t={t} />
                            <tbody>
                              <tr>
                                <th scope="row">{t("progression.results.measured")}</th>
                                <Cells
                                  cells={instrument.comparison.measured}
                                  threshold={d.threshold}
                                  t={t}
                                />
                              </tr>
                              <tr>
                                <th scope="row">{t("progression.results.pairs")}</th>
                                <Cells
                                  cells={instrument.comparison.pairs}
                                  threshold={d.threshold}
                                  t={t}
                                />
                              </tr>
                              <tr>
                                <th scope="row">{t("progression.results.improved")}</th>
                                <Cells
                                  cells={instrument.comparison.improved}
                                  threshold={d.threshold}
                                  t={t}
                                />
                              </tr>
                            </tbody>
                          </table>
                        </TableWrap>
                        <ChangeTable
                          group={instrument.comparison}
                          caption={t("progression.results.changeCaption", {
                            group: t("progression.results.comparison"),
                            instrument: where,
                          })}
                          threshold={d.threshold}
                          t={t}
                        />
                      </>
                    ) : null}
                  </section>
                );
              })}
            </section>
          ))}
          <details>
            <summary>{t("progression.results.definitions")}</summary>
            <dl className="summary">
              {d.definitions.map((item) => (
                <Fragment key={item.key}>
                  <dt>{item.label}</dt>
                  <dd>{item.text}</dd>
                </Fragment>
              ))}
            </dl>
          </details>
        </>
      )}
    </main>
  );
}
