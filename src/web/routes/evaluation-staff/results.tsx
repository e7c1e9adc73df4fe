// Tyck till – resultat: what the participants of one initiative answered in Tyck till, per
// question, per month and for the whole period — the number of answers, how many chose 1–5 and
// the mean, with a bar chart of the whole period — after the association's disclosure control
// (src/evaluation/results.ts). Free-text questions show only the number of answers; the texts
// are on the free-text page, for the initiative's participant officers. The period and the
// context (after chapters, after meetings, the exit survey) are chosen with a GET form.
import { Link } from "react-router";
import {
  type EvaluationResults,
  evaluationResults,
  formatMean,
  isEvaluationContext,
  type ResultPeriod,
  SCALE_VALUES,
} from "../../../evaluation/results.ts";
import { distributionChart } from "../../../evaluation/results-chart.ts";
import { EVALUATION_CONTEXTS, type EvaluationContext } from "../../../evaluation/schema.ts";
import { isLocale } from "../../../platform/i18n/locales.ts";
import { createTranslator, type MessageKey } from "../../../platform/i18n/translate.ts";
import { SelectField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import {
  type CellView,
  cellView,
  DisclosureReasons,
  FigureTd,
  FigureTds,
  Marks,
  PeriodForm,
  PeriodProblems,
  useProblemTexts,
} from "../../ui/protected-figures.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import { requireFiguresAccess } from "../courses-staff/figures-guard.server.ts";
import { figurePageData, openFigurePage } from "../portal-staff/month-period.server.ts";
import type { Route } from "./+types/results.ts";

interface PeriodView {
  key: string;
  label: string;
  answers: CellView;
  distribution: CellView[] | null;
  /** The mean as text, or the key of why it is not shown; null for free text. */
  mean: { text: string } | { why: MessageKey } | null;
}

function periodView(p: ResultPeriod, locale: string): PeriodView {
  return {
    key: p.key,
    label: p.label,
    answers: cellView(p.answers, locale),
    distribution: p.distribution ? p.distribution.map((c) => cellView(c, locale)) : null,
    mean:
      p.mean === null
        ? null
        : "value" in p.mean
          ? { text: formatMean(p.mean.value, locale) }
          : { why: `courseFigures.results.mean.${p.mean.hidden}` as MessageKey },
  };
}

function resultsView(r: EvaluationResults, locale: string) {
  const t = createTranslator(isLocale(locale) ? locale : "sv");
  return {
    period: { from: r.period.fromLabel, to: r.period.toLabel },
    threshold: r.threshold,
    allowTrueZero: r.allowTrueZero,
    questions: r.questions.map((q, i) => {
      const chart = distributionChart(q, i, t, locale);
      return {
        id: q.questionId,
        text: q.text,
        type: q.type,
        low: q.low,
        high: q.high,
        inForm: q.inForm,
        rows: [...q.months, q.total].map((p) => periodView(p, locale)),
        chart: chart?.svg ?? null,
      };
    }),
    reasons: r.disclosure.reasons,
  };
}

export async function loader(args: Route.LoaderArgs) {
  const { request } = args;
  const {
    state,
    association,
    initiative,
    query: months,
    errors,
  } = await openFigurePage(args, requireFiguresAccess);
  const query = {
    ...months,
    context: (new URL(request.url).searchParams.get("svar") ?? "mote").trim(),
  };
  if (!isEvaluationContext(query.context)) errors.svar = "courseFigures.results.context.error";
  return figurePageData({ association, initiative, query, errors }, async () =>
    resultsView(
      await evaluationResults(state.services.db, association.id, {
        from: query.from,
        to: query.to,
        context: query.context as EvaluationContext,
        initiativeIds: [initiative.id],
        locale: state.locale,
      }),
      state.locale,
    ),
  );
}

export default function EvaluationResultsPage({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { slug, initiative, query, errors, figures: results } = loaderData;
  const title = t("courseFigures.results.title");
  const shownErrors = useProblemTexts(errors);
  const contextLabel = (c: string) =>
    t(`courseFigures.results.context.${c as EvaluationContext}` as MessageKey);
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – ${initiative.name} – Samspår`}</title>
      <p>
        <Link to={`/${slug}/insatser/${initiative.id}`}>{t("courseFigures.back")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("courseFigures.results.intro", { initiative: initiative.name })}</p>

      <PeriodProblems errors={shownErrors} />

      <section aria-labelledby="resultat-period">
        <h2 id="resultat-period">{t("portalStaff.usage.period.legend")}</h2>
        <PeriodForm
          query={query}
          errors={shownErrors}
          extra={
            <SelectField
              name="svar"
              label={t("courseFigures.results.context.legend")}
              options={EVALUATION_CONTEXTS.map((c) => ({ value: c, label: contextLabel(c) }))}
              defaultValue={isEvaluationContext(query.context) ? query.context : "mote"}
              error={shownErrors?.svar}
            />
          }
        />
      </section>

      {results ? (
        <>
          <p className="notice" role="status">
            {contextLabel(query.context)}.{" "}
            {t("portalStaff.usage.period.shown", {
              from: results.period.from,
              to: results.period.to,
            })}
          </p>

          <section aria-labelledby="resultat-lasa">
            <h2 id="resultat-lasa">{t("portalStaff.usage.marks.heading")}</h2>
            <Marks threshold={results.threshold} allowTrueZero={results.allowTrueZero} />
            <p>{t("courseFigures.results.answersDefinition")}</p>
            <p>{t("courseFigures.results.meanDefinition")}</p>
          </section>

          {results.questions.length === 0 ? <p>{t("courseFigures.results.none")}</p> : null}

          {results.questions.map((q, qi) => (
            <section key={q.id} aria-labelledby={`fraga-${qi}`} data-question={q.id}>
              <h2 id={`fraga-${qi}`}>{q.text}</h2>
              {q.inForm ? null : (
                <p className="field__hint">{t("courseFigures.results.notInForm")}</p>
              )}
              <p>
                {q.type === "fritext"
                  ? t("courseFigures.results.freeText")
                  : q.low && q.high
                    ? t("courseFigures.results.scale", { low: q.low, high: q.high })
                    : t("courseFigures.results.scalePlain")}
              </p>
              <TableWrap label={q.text}>
                <table data-table="fraga">
                  <caption>
                    {t("courseFigures.caption", {
                      title: q.text,
                      from: results.period.from,
                      to: results.period.to,
                    })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("courseFigures.results.column.period")}</th>
                      <th scope="col" className="num">
                        {t("courseFigures.results.column.answers")}
                      </th>
                      {q.type === "skala"
                        ? SCALE_VALUES.map((v) => (
                            <th key={v} scope="col" className="num">
                              {t("courseFigures.results.value", { value: v })}
                            </th>
                          ))
                        : null}
                      {q.type === "skala" ? (
                        <th scope="col" className="num">
                          {t("courseFigures.results.column.mean")}
                        </th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody>
                    {q.rows.map((row) => (
                      <tr key={row.key} data-period={row.key}>
                        <th scope="row">{row.label}</th>
                        <FigureTd cell={row.answers} threshold={results.threshold} />
                        {q.type === "skala" && row.distribution ? (
                          <FigureTds cells={row.distribution} threshold={results.threshold} />
                        ) : null}
                        {q.type === "skala" && !row.distribution ? (
                          <td colSpan={SCALE_VALUES.length}>
                            {t("courseFigures.results.distributionHidden")}
                          </td>
                        ) : null}
                        {q.type === "skala" && row.mean ? (
                          <td className="num" data-mean={"text" in row.mean ? "shown" : "hidden"}>
                            {"text" in row.mean ? (
                              row.mean.text
                            ) : (
                              <>
                                <span aria-hidden="true">..</span>
                                <span className="visually-hidden">{t(row.mean.why)}</span>
                              </>
                            )}
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              {q.chart ? (
                <figure className="chart">
                  <div
                    className="chart__image"
                    // the SVG is Samspår's own, drawn on the server from protected counts
                    // (evaluation/results-chart.ts); texts in it are escaped
                    // biome-ignore lint/security/noDangerouslySetInnerHtml: server-drawn SVG without user markup
                    dangerouslySetInnerHTML={{ __html: q.chart }}
                  />
                </figure>
              ) : null}
            </section>
          ))}

          <DisclosureReasons id="resultat-dolda" reasons={results.reasons} />
        </>
      ) : null}
    </main>
  );
}
