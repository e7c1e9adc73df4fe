// Kurser i portalen: how the participants of one initiative read the portal's courses — per
// course, who started it, who finished it and how many chapters were completed (kvinnor / män /
// totalt), and the quiz answers right at the first try — after the association's disclosure
// control (src/courses/figures.ts). Nothing here names a participant: every figure is a
// protected count. The period is chosen with a GET form (no JavaScript needed).
import { Link } from "react-router";
import { type CourseFigures, courseFigures } from "../../../courses/figures.ts";
import { formatProtected } from "../../../register/disclosure.ts";
import { useI18n } from "../../ui/i18n.tsx";
import {
  cellView,
  DisclosureReasons,
  GenderTable,
  Marks,
  PeriodForm,
  PeriodProblems,
  useProblemTexts,
} from "../../ui/protected-figures.tsx";
import { figurePageData, openFigurePage } from "../portal-staff/month-period.server.ts";
import type { Route } from "./+types/figures.ts";
import { requireFiguresAccess } from "./figures-guard.server.ts";

function figuresView(u: CourseFigures, locale: string) {
  return {
    period: { from: u.period.fromLabel, to: u.period.toLabel },
    threshold: u.threshold,
    allowTrueZero: u.allowTrueZero,
    genderNote: u.genderNote,
    courses: u.courses.map((c) => ({
      id: c.courseId,
      title: c.title,
      version: c.version,
      chapters: c.chapters,
      withdrawn: c.withdrawn,
      forAll: c.forAll,
      rows: c.rows.map((r) => ({
        key: r.key,
        label: r.label,
        definition: r.definition,
        cells: [r.kvinnor, r.man, r.totalt].map((cell) => cellView(cell, locale)),
      })),
      quiz: c.quiz
        ? {
            label: c.quiz.label,
            definition: c.quiz.definition,
            text: formatProtected(c.quiz.share, locale),
            shown: "ratio" in c.quiz.share,
          }
        : null,
    })),
    reasons: u.disclosure.reasons,
  };
}

export async function loader(args: Route.LoaderArgs) {
  const { state, association, initiative, query, errors } = await openFigurePage(
    args,
    requireFiguresAccess,
  );
  return figurePageData({ association, initiative, query, errors }, async () =>
    figuresView(
      await courseFigures(state.services.db, association.id, {
        from: query.from,
        to: query.to,
        initiativeIds: [initiative.id],
        locale: state.locale,
      }),
      state.locale,
    ),
  );
}

export default function CourseFiguresPage({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { slug, initiative, query, errors, figures } = loaderData;
  const title = t("courseFigures.title");
  const shownErrors = useProblemTexts(errors);
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – ${initiative.name} – Samspår`}</title>
      <p>
        <Link to={`/${slug}/insatser/${initiative.id}`}>{t("courseFigures.back")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("courseFigures.intro", { initiative: initiative.name })}</p>

      <PeriodProblems errors={shownErrors} />

      <section aria-labelledby="kurser-period">
        <h2 id="kurser-period">{t("portalStaff.usage.period.legend")}</h2>
        <PeriodForm query={query} errors={shownErrors} />
      </section>

      {figures ? (
        <>
          <p className="notice" role="status">
            {t("portalStaff.usage.period.shown", {
              from: figures.period.from,
              to: figures.period.to,
            })}
          </p>

          <section aria-labelledby="kurser-lasa">
            <h2 id="kurser-lasa">{t("portalStaff.usage.marks.heading")}</h2>
            <Marks threshold={figures.threshold} allowTrueZero={figures.allowTrueZero} />
            <p>{figures.genderNote}</p>
            <dl className="summary">
              {(figures.courses[0]?.rows ?? []).map((r) => (
                <div key={r.key}>
                  <dt>{r.label}</dt>
                  <dd>{r.definition}</dd>
                </div>
              ))}
              {figures.courses.some((c) => c.quiz) ? (
                <div>
                  <dt>{t("courseFigures.quiz")}</dt>
                  <dd>{t("courseFigures.quiz.definition")}</dd>
                </div>
              ) : null}
            </dl>
          </section>

          {figures.courses.length === 0 ? <p>{t("courseFigures.none")}</p> : null}

          {figures.courses.map((course) => (
            <section key={course.id} aria-labelledby={`kurs-${course.id}`} data-course={course.id}>
              <h2 id={`kurs-${course.id}`}>{course.title}</h2>
              <p>
                {t("courseFigures.course.meta", {
                  version: course.version,
                  chapters: course.chapters,
                })}{" "}
                {course.forAll ? t("courseFigures.course.forAll") : null}{" "}
                {course.withdrawn ? t("courseFigures.course.withdrawn") : null}
              </p>
              <GenderTable
                table="kurs"
                label={course.title}
                caption={t("courseFigures.caption", {
                  title: course.title,
                  from: figures.period.from,
                  to: figures.period.to,
                })}
                firstColumn={t("courseFigures.column.figure")}
                rowData="data-row"
                rows={course.rows}
                threshold={figures.threshold}
              />
              <p data-quiz={course.id}>
                {course.quiz ? (
                  <>
                    <strong>{course.quiz.label}:</strong> {course.quiz.text}
                  </>
                ) : (
                  t("courseFigures.quiz.none")
                )}
              </p>
            </section>
          ))}

          <DisclosureReasons id="kurser-dolda" reasons={figures.reasons} />
        </>
      ) : null}
    </main>
  );
}
