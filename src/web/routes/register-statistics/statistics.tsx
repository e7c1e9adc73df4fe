// Deltagarstatistik: the office's and the board's view of the participant register — counts by
// initiative, period and gender, background and exits, after disclosure control. Nothing here
// names or links to a participant: every figure is a protected count or share.
import { Fragment } from "react";
import { data, Link, Form as RouterForm } from "react-router";
import { getDisclosureSettings } from "../../../associations/disclosure-settings.ts";
import { requireAssociation } from "../../guard.server.ts";
import { ErrorSummary, SelectField, TextField } from "../../ui/form.tsx";
import { useT } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type { Route } from "./+types/statistics.ts";
import type {
  CellView,
  GroupView,
  OrientationView,
  OverviewView,
  TableView,
} from "./statistics.server.ts";
import { loadStatisticsPage } from "./statistics.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, permissions } = await requireAssociation(
    context,
    request,
    params.association,
    "register.statistics",
  );
  const page = await loadStatisticsPage(
    state.services.db,
    association.id,
    new URL(request.url),
    state.locale,
  );
  // the threshold in force, for the page's lead also when no statistics could be shown
  const { threshold } = await getDisclosureSettings(state.services.db, association.id);
  return data(
    {
      slug: association.slug,
      threshold,
      // the office may change the association's threshold (disclosure-settings.tsx)
      canChangeDisclosure: permissions.includes("register.disclosure_settings"),
      ...page,
    },
    { status: page.errors ? 400 : 200 },
  );
}

type Translate = ReturnType<typeof useT>;

function Cell({ cell, threshold, t }: { cell: CellView; threshold: number; t: Translate }) {
  if (cell.kind === "value") return <>{cell.text}</>;
  const explanation =
    cell.kind === "primary"
      ? t("registerStatistics.hiddenPrimary", { threshold })
      : cell.kind === "share_hidden"
        ? t("registerStatistics.hiddenShare")
        : t("registerStatistics.hiddenSecondary");
  return (
    <>
      <span aria-hidden="true">{cell.text}</span>
      <span className="visually-hidden">{explanation}</span>
    </>
  );
}

function StatisticsTableView({
  table,
  groupName,
  threshold,
  t,
}: {
  table: TableView;
  groupName: string;
  threshold: number;
  t: Translate;
}) {
  return (
    <>
      <table>
        <caption>
          {table.title}
          <span className="visually-hidden">{` – ${groupName}`}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("registerStatistics.columnFigure")}</th>
            <th scope="col" className="num">
              {t("registerStatistics.columnWomen")}
            </th>
            <th scope="col" className="num">
              {t("registerStatistics.columnMen")}
            </th>
            <th scope="col" className="num">
              {t("registerStatistics.columnTotal")}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} data-figure={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                <td
                  // the three gender columns of one figure
                  // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns kvinnor, män, totalt
                  key={i}
                  className="num"
                  data-hidden={cell.kind === "value" ? undefined : cell.kind}
                >
                  <Cell cell={cell} threshold={threshold} t={t} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>
          {t("registerStatistics.definitions")}
          <span className="visually-hidden">
            {" "}
            ({t("registerStatistics.captionOf", { title: table.title, name: groupName })})
          </span>
        </summary>
        <p>{table.definition}</p>
        <dl className="summary">
          {table.rows.map((row) => (
            <Fragment key={row.key}>
              <dt>{row.label}</dt>
              <dd>{row.definition}</dd>
            </Fragment>
          ))}
        </dl>
      </details>
    </>
  );
}

function Group({
  group,
  threshold,
  t,
  headingLevel,
}: {
  group: GroupView;
  threshold: number;
  t: Translate;
  headingLevel: 3 | null;
}) {
  return (
    <>
      {headingLevel === 3 ? <h3>{group.name}</h3> : null}
      {group.startDate ? (
        <p>
          {t("registerStatistics.initiativeDates", {
            start: group.startDate,
            end: group.endDate ?? t("registerStatistics.noEnd"),
          })}
        </p>
      ) : null}
      {group.tables.map((table) =>
        table.rows.length === 0 ? (
          <p key={table.key}>{t("registerStatistics.noPeriods")}</p>
        ) : (
          <StatisticsTableView
            key={table.key}
            table={table}
            groupName={group.name}
            threshold={threshold}
            t={t}
          />
        ),
      )}
      {group.shares.length > 0 ? (
        <>
          <table>
            <caption>
              {t("registerStatistics.sharesTitle")}
              <span className="visually-hidden">{` – ${group.name}`}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("registerStatistics.columnFigure")}</th>
                <th scope="col" className="num">
                  {t("registerStatistics.columnShare")}
                </th>
              </tr>
            </thead>
            <tbody>
              {group.shares.map((share) => (
                <tr key={share.key} data-figure={share.key}>
                  <th scope="row">{share.label}</th>
                  <td
                    className="num"
                    data-hidden={share.share.kind === "value" ? undefined : share.share.kind}
                  >
                    <Cell cell={share.share} threshold={threshold} t={t} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <details>
            <summary>
              {t("registerStatistics.definitions")}
              <span className="visually-hidden">
                {" "}
                (
                {t("registerStatistics.captionOf", {
                  title: t("registerStatistics.sharesTitle"),
                  name: group.name,
                })}
                )
              </span>
            </summary>
            <dl className="summary">
              {group.shares.map((share) => (
                <Fragment key={share.key}>
                  <dt>{share.label}</dt>
                  <dd>{share.definition}</dd>
                </Fragment>
              ))}
            </dl>
          </details>
        </>
      ) : null}
    </>
  );
}

/** The initiatives side by side: their key figures, each linked to its own tables. */
function Overview({
  overview,
  title,
  linkTo,
  threshold,
  t,
}: {
  overview: OverviewView;
  title: string;
  linkTo: (initiativeId: string) => string;
  threshold: number;
  t: Translate;
}) {
  const header = (key: string, label: string) =>
    key === "kvinnor"
      ? t("registerStatistics.columnWomen")
      : key === "man"
        ? t("registerStatistics.columnMen")
        : key === "totalt"
          ? t("registerStatistics.columnTotal")
          : label;
  return (
    <>
      <TableWrap label={title}>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("registerStatistics.initiative")}</th>
              {overview.columns.map((column) => (
                <th key={column.key} scope="col" className="num">
                  {header(column.key, column.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {overview.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={linkTo(row.id)}>{row.name}</Link>
                </th>
                {row.cells.map((cell, i) => (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                    key={i}
                    className="num"
                    data-hidden={cell.kind === "value" ? undefined : cell.kind}
                  >
                    <Cell cell={cell} threshold={threshold} t={t} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <details>
        <summary>
          {t("registerStatistics.definitions")}
          <span className="visually-hidden">{` (${title})`}</span>
        </summary>
        <p>{t("registerStatistics.overviewNote")}</p>
        <dl className="summary">
          {overview.columns.map((column) => (
            <Fragment key={column.key}>
              <dt>{header(column.key, column.label)}</dt>
              <dd>{column.definition}</dd>
            </Fragment>
          ))}
        </dl>
      </details>
    </>
  );
}

/** One orientation: all its initiatives together (or the one asked for), then each one's key figures. */
function Orientation({
  title,
  id,
  view,
  none,
  linkTo,
  threshold,
  t,
}: {
  title: string;
  id: string;
  view: OrientationView;
  none: string;
  linkTo: (initiativeId: string) => string;
  threshold: number;
  t: Translate;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {view.main ? (
        <Group group={view.main} threshold={threshold} t={t} headingLevel={3} />
      ) : (
        <p>{none}</p>
      )}
      {view.overview ? (
        <>
          <h3>{t("registerStatistics.perInitiative")}</h3>
          <Overview
            overview={view.overview}
            title={t("registerStatistics.overviewCaption", { orientation: title })}
            linkTo={linkTo}
            threshold={threshold}
            t={t}
          />
        </>
      ) : null}
    </section>
  );
}

export default function RegisterStatisticsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { slug, query, initiatives, presets, errors, statistics, canChangeDisclosure } = loaderData;
  const linkTo = (from: string, to: string) => {
    const params = new URLSearchParams({ fran: from, till: to });
    if (query.initiative) params.set("insats", query.initiative);
    return `/${slug}/deltagarstatistik?${params}`;
  };
  const initiativeLink = (initiativeId: string) => {
    const params = new URLSearchParams({
      fran: statistics?.period.from ?? query.from,
      till: statistics?.period.to ?? query.to,
      insats: initiativeId,
    });
    return `/${slug}/deltagarstatistik?${params}`;
  };
  const threshold = statistics?.threshold ?? loaderData.threshold;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("registerStatistics.title")} – Samspår`}</title>
      <h1>{t("registerStatistics.title")}</h1>
      <p className="lead">
        {threshold > 0
          ? t("registerStatistics.lead", { threshold })
          : t("registerStatistics.leadOff")}
      </p>
      {errors ? (
        <>
          <p className="warning">{t("registerStatistics.invalid")}</p>
          <ErrorSummary errors={errors} />
        </>
      ) : null}

      <section aria-labelledby="statistik-val">
        <h2 id="statistik-val">{t("registerStatistics.choose")}</h2>
        <RouterForm
          method="get"
          className="search-form"
          // a new query fills the fields anew (they are uncontrolled)
          key={`${query.from}|${query.to}|${query.initiative}`}
        >
          <TextField
            name="fran"
            type="date"
            label={t("registerStatistics.from")}
            hint={t("registerStatistics.dateHint")}
            width="short"
            defaultValue={query.from}
            error={errors?.fran}
          />
          <TextField
            name="till"
            type="date"
            label={t("registerStatistics.to")}
            hint={t("registerStatistics.dateHint")}
            width="short"
            defaultValue={query.to}
            error={errors?.till}
          />
          <SelectField
            name="insats"
            label={t("registerStatistics.initiative")}
            defaultValue={query.initiative}
            error={errors?.insats}
            options={[
              { value: "", label: t("registerStatistics.allInitiatives") },
              ...initiatives.map((i) => ({
                value: i.id,
                label: `${i.name} (${t(`registerStatistics.orientation.${i.orientation}`)})`,
              })),
            ]}
          />
          <button type="submit" className="button button--primary">
            {t("registerStatistics.show")}
          </button>
        </RouterForm>
        <nav aria-label={t("registerStatistics.presets")}>
          <ul className="link-list">
            {presets.map((p) => (
              <li key={`${p.from}-${p.to}`}>
                <Link
                  to={linkTo(p.from, p.to)}
                  aria-current={
                    statistics && statistics.period.from === p.from && statistics.period.to === p.to
                      ? "page"
                      : undefined
                  }
                >
                  {p.kind === "half"
                    ? t("registerStatistics.presetHalf", { half: String(p.half), year: p.year })
                    : t("registerStatistics.presetYear", { year: p.year })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </section>

      {statistics ? (
        <>
          <p className="notice" role="status">
            {t("registerStatistics.periodShown", {
              from: statistics.period.from,
              to: statistics.period.to,
            })}
          </p>
          {query.initiative ? (
            <p>
              <Link
                to={`/${slug}/deltagarstatistik?${new URLSearchParams({
                  fran: statistics.period.from,
                  till: statistics.period.to,
                })}`}
              >
                {t("registerStatistics.allLink")}
              </Link>
            </p>
          ) : null}

          <section aria-labelledby="statistik-lasa">
            <h2 id="statistik-lasa">{t("registerStatistics.legendTitle")}</h2>
            <dl className="summary legend">
              {threshold > 0 ? (
                <>
                  <dt>
                    <span aria-hidden="true">{`<\u00a0${threshold}`}</span>
                    <span className="visually-hidden">
                      {t("registerStatistics.hiddenPrimary", { threshold })}
                    </span>
                  </dt>
                  <dd>
                    {t("registerStatistics.legendPrimary", {
                      zero: statistics.allowTrueZero ? "yes" : "no",
                      threshold,
                      below: threshold - 1,
                    })}
                  </dd>
                </>
              ) : null}
              <dt>
                <span aria-hidden="true">..</span>
                <span className="visually-hidden">{t("registerStatistics.hiddenSecondary")}</span>
              </dt>
              <dd>{t("registerStatistics.legendSecondary")}</dd>
            </dl>
            <p>{t("registerStatistics.legendPartOf")}</p>
          </section>

          <section aria-labelledby="statistik-dolda" className="disclosure-summary">
            <h2 id="statistik-dolda">{t("registerStatistics.summaryTitle")}</h2>
            <p data-threshold={threshold}>
              {threshold > 0
                ? `${t("registerStatistics.thresholdApplies", { threshold })} ${
                    statistics.allowTrueZero
                      ? t("registerStatistics.zeroShown")
                      : t("registerStatistics.zeroHidden", { threshold })
                  }`
                : t("registerStatistics.thresholdOff")}
              {canChangeDisclosure ? (
                <>
                  {" "}
                  <Link to={`/${slug}/deltagarstatistik/rojandekontroll`}>
                    {t("registerStatistics.settingsLink")}
                  </Link>
                </>
              ) : null}
            </p>
            <p>{t("registerStatistics.summaryCount", { count: statistics.disclosure.hidden })}</p>
            <ul>
              {statistics.disclosure.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
              {statistics.disclosure.leftOut > 0 ? (
                <li>
                  {t("registerStatistics.summaryLeftOut", {
                    count: statistics.disclosure.leftOut,
                  })}
                </li>
              ) : null}
            </ul>
            <p>{t("registerStatistics.summaryNote")}</p>
          </section>

          {statistics.individual.main || !query.initiative ? (
            <Orientation
              id="statistik-individ"
              title={t("registerStatistics.individualTitle")}
              view={statistics.individual}
              none={t("registerStatistics.noneIndividual")}
              linkTo={initiativeLink}
              threshold={threshold}
              t={t}
            />
          ) : null}
          {statistics.structural.main || !query.initiative ? (
            <Orientation
              id="statistik-struktur"
              title={t("registerStatistics.structuralTitle")}
              view={statistics.structural}
              none={t("registerStatistics.noneStructural")}
              linkTo={initiativeLink}
              threshold={threshold}
              t={t}
            />
          ) : null}

          <section aria-labelledby="statistik-om">
            <h2 id="statistik-om">{t("registerStatistics.aboutTitle")}</h2>
            <p>{statistics.genderNote}</p>
            <p>{statistics.countingNote}</p>
          </section>
        </>
      ) : null}
    </main>
  );
}
