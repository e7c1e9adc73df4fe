// The free-text answers of Tyck till for one initiative (/:association/insatser/:initiativeId/
// portal/tyck-till/fritext): what participants wrote in their own words, newest month first, for
// a period chosen with a GET form. Only the initiative's participant officers
// ("evaluation.free_text"); anyone else — the office too — gets 403. The answers carry no name,
// day or person; the page says they must not be used to find out who wrote them.
import { data, Link, Form as RouterForm } from "react-router";
import { canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import { type FreeTextAnswer, freeTextAnswers } from "../../../evaluation/free-text.ts";
import { NotFoundError, ValidationError } from "../../../platform/errors.ts";
import { monthLabel } from "../../../portal/usage.ts";
import { ErrorSummary, TextField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { openFigurePage } from "../portal-staff/month-period.server.ts";
import type { Route } from "./+types/free-text.ts";

export async function loader(args: Route.LoaderArgs) {
  const { state, principal, association, initiative, query } = await openFigurePage(
    args,
    (who, associationId, initiativeId) => {
      if (!canOnInitiative(who, "evaluation.free_text", associationId, initiativeId))
        throw data(
          { message: new ForbiddenError("evaluation.free_text").message },
          { status: 403 },
        );
    },
  );
  let answers: FreeTextAnswer[] | null = null;
  let errors: Record<string, string> | null = null;
  try {
    answers = await freeTextAnswers(state.services.db, principal, association.id, initiative.id, {
      from: query.from,
      to: query.to,
    });
  } catch (error) {
    if (error instanceof ValidationError)
      errors = Object.fromEntries(
        Object.entries(error.fields).map(([f, m]) => [f === "from" ? "fran" : "till", m]),
      );
    else if (error instanceof NotFoundError)
      throw data({ message: error.message }, { status: 404 });
    else throw error;
  }
  const months = new Map<string, FreeTextAnswer[]>();
  for (const a of answers ?? []) months.set(a.month, [...(months.get(a.month) ?? []), a]);
  return data(
    {
      slug: association.slug,
      initiative: { id: initiative.id, name: initiative.name },
      query,
      errors,
      count: answers?.length ?? 0,
      months: [...months].map(([month, list]) => ({
        month,
        label: monthLabel(month, state.locale),
        answers: list,
      })),
    },
    { status: errors ? 400 : 200 },
  );
}

export default function FreeTextPage({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { slug, initiative, query, errors, months, count } = loaderData;
  const title = t("evaluationStaff.freeText.title");
  const context = (a: FreeTextAnswer) =>
    a.context === "kapitel"
      ? a.chapterTitle
        ? t("evaluationStaff.freeText.context.kapitel", { title: a.chapterTitle })
        : t("evaluationStaff.freeText.context.kapitelUnknown")
      : t(`evaluationStaff.freeText.context.${a.context}`);
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – ${initiative.name} – Samspår`}</title>
      <p>
        <Link to={`/${slug}/insatser/${initiative.id}/portal/tyck-till`}>
          {t("evaluationStaff.freeText.back")}
        </Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("evaluationStaff.freeText.intro", { initiative: initiative.name })}</p>
      <p className="warning">{t("evaluationStaff.freeText.anonymous")}</p>
      {errors ? (
        <>
          <p className="warning">{t("evaluationStaff.freeText.problem")}</p>
          <ErrorSummary errors={errors} />
        </>
      ) : null}
      <section aria-labelledby="fritext-period">
        <h2 id="fritext-period">{t("evaluationStaff.freeText.period.legend")}</h2>
        <RouterForm method="get" className="search-form" key={`${query.from}|${query.to}`}>
          <TextField
            name="fran"
            label={t("evaluationStaff.freeText.period.from")}
            hint={t("evaluationStaff.freeText.period.hint")}
            width="short"
            inputMode="numeric"
            defaultValue={query.from}
            error={errors?.fran}
          />
          <TextField
            name="till"
            label={t("evaluationStaff.freeText.period.to")}
            hint={t("evaluationStaff.freeText.period.hint")}
            width="short"
            inputMode="numeric"
            defaultValue={query.to}
            error={errors?.till}
          />
          <button type="submit" className="button button--primary">
            {t("evaluationStaff.freeText.period.submit")}
          </button>
        </RouterForm>
      </section>
      {errors ? null : (
        <section aria-labelledby="fritext-svar">
          <h2 id="fritext-svar">
            {t("evaluationStaff.freeText.title")}: {t("evaluationStaff.freeText.count", { count })}
          </h2>
          {months.length === 0 ? <p>{t("evaluationStaff.freeText.none")}</p> : null}
          {months.map((m) => (
            <section key={m.month} aria-labelledby={`manad-${m.month}`}>
              <h3 id={`manad-${m.month}`}>{m.label}</h3>
              <ul className="free-text-answers">
                {m.answers.map((a, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: answers have no id on purpose (nothing that could lead to a person)
                  <li key={i} className="panel">
                    <p>
                      <strong>{context(a)}</strong>
                      <br />
                      {t("evaluationStaff.freeText.question", { question: a.question })}
                    </p>
                    <blockquote className="report-text">{a.text}</blockquote>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}
    </main>
  );
}
