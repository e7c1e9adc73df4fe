// One check of Tyck till (/portal/tyck-till/:context/:key): the questions of the short check
// (after a chapter or a meeting) or the exit survey. A scale is a fieldset with five large radio
// buttons (1–5) and the words for the ends; free text is a textarea. "Skicka" stores the answers
// (anonymously), "Hoppa över" says the participant does not want to answer; either way we do not
// ask again. The questions are in the participant's language when every question has it,
// otherwise all in Swedish. Plain form posts; no JavaScript.
import { data, redirect } from "react-router";
import {
  type AnswerProblem,
  checkToAnswer,
  decline,
  readAnswers,
  submitAnswers,
} from "../../../evaluation/answering.ts";
import { formLanguages } from "../../../evaluation/forms.ts";
import { FREE_TEXT_MAX, type QuestionType } from "../../../evaluation/schema.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../../platform/errors.ts";
import { type PortalLocale, portalDirection } from "../../../portal/locales.ts";
import { requireParticipant } from "../../portal-guard.server.ts";
import { CsrfField } from "../../ui/form.tsx";
import { Tx, usePortal, Written } from "../../ui/portal-i18n.tsx";
import type { Route } from "./+types/feedback-form.ts";
import stylesHref from "./feedback.css?url";

export const handle = { portal: true, hydrate: false };
export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

/** The form field of a question's answer. */
const field = (questionId: string) => `svar-${questionId}`;

interface ShownQuestion {
  id: string;
  type: QuestionType;
  /** Every language the question has (the page shows one: the participant's or Swedish). */
  texts: Partial<Record<PortalLocale, { text: string; low: string; high: string }>>;
}

async function load(args: Route.LoaderArgs | Route.ActionArgs) {
  const { context, request, params } = args;
  const access = await requireParticipant(context, request);
  const { state, account } = access;
  try {
    const check = await checkToAnswer(
      state.services.db,
      account,
      params.context ?? "",
      params.key ?? "",
    );
    return { access, check };
  } catch (error) {
    if (error instanceof NotFoundError) return { access, check: null };
    throw error;
  }
}

function viewOf(result: Awaited<ReturnType<typeof load>>) {
  const { check } = result;
  if (!check) return null;
  const questions: ShownQuestion[] = check.form.questions.map((q) => ({
    id: q.id,
    type: q.type,
    texts: Object.fromEntries(
      Object.entries(q.texts).map(([l, t]) => [
        l,
        { text: t?.text ?? "", low: t?.low ?? "", high: t?.high ?? "" },
      ]),
    ),
  }));
  return {
    context: check.context,
    chapter: check.chapter ?? null,
    meeting: check.meeting
      ? { who: check.meeting.title, startsAt: check.meeting.startsAt.toISOString() }
      : null,
    answered: check.answered,
    /** The languages every question has: the form is shown in one of them, whole. */
    languages: formLanguages(check.form),
    questions,
    max: FREE_TEXT_MAX,
  };
}

export async function loader(args: Route.LoaderArgs) {
  const view = viewOf(await load(args));
  if (!view) return data({ view: null }, { status: 404 });
  return { view };
}

type Failure =
  | { kind: "problems"; problems: Record<string, AnswerProblem>; values: Record<string, string> }
  | { kind: "already" };

export async function action(args: Route.ActionArgs) {
  const result = await load(args);
  const view = viewOf(result);
  if (!result.check || !view) return data({ view: null, failure: null }, { status: 404 });
  const { state, account } = result.access;
  const form = await args.request.formData();
  const context = args.params.context ?? "";
  const key = args.params.key ?? "";
  const raw: Record<string, string> = {};
  for (const q of result.check.form.questions) {
    const value = form.get(field(q.id));
    raw[q.id] = typeof value === "string" ? value : "";
  }
  try {
    if (form.get("intent") === "hoppa") {
      await decline(state.services.db, account, context, key);
      return redirect("/portal/tyck-till?klart=hoppat");
    }
    await submitAnswers(state.services.db, account, context, key, raw);
    return redirect("/portal/tyck-till?klart=tack");
  } catch (error) {
    if (error instanceof ValidationError) {
      const failure: Failure = {
        kind: "problems",
        problems: readAnswers(result.check.form, raw).problems,
        values: raw,
      };
      return data({ view, failure }, { status: 400 });
    }
    if (error instanceof ConflictError) {
      const failure: Failure = { kind: "already" };
      return data({ view: { ...view, answered: true }, failure }, { status: 409 });
    }
    if (error instanceof NotFoundError) return data({ view: null, failure: null }, { status: 404 });
    throw error;
  }
}

function Heading({ view }: { view: NonNullable<ReturnType<typeof viewOf>> }) {
  const { t, longDate } = usePortal();
  if (view.context === "kapitel" && view.chapter)
    return (
      <h1>
        {t("portal.feedback.aboutChapter")}{" "}
        <Written texts={view.chapter as Partial<Record<PortalLocale, string>> & { sv: string }} />
      </h1>
    );
  if (view.context === "mote" && view.meeting)
    return (
      <h1>
        {t("portal.feedback.aboutMeeting", {
          who: view.meeting.who,
          date: longDate(view.meeting.startsAt),
        })}
      </h1>
    );
  return <Tx as="h1" k="portal.feedback.exit" />;
}

export default function FeedbackForm({ loaderData, actionData }: Route.ComponentProps) {
  const { t, swedishToo, locale } = usePortal();
  const view = (actionData?.view !== undefined ? actionData.view : loaderData.view) as ReturnType<
    typeof viewOf
  >;
  const failure = (actionData as { failure?: Failure | null } | undefined)?.failure ?? null;
  const back = (
    <p>
      <a href="/portal/tyck-till">{t("portal.feedback.back")}</a>
    </p>
  );
  if (!view)
    return (
      <main id="innehall" tabIndex={-1}>
        <title>{`${t("portal.feedback.notFound")} – ${t("portal.name")}`}</title>
        <Tx as="h1" k="portal.feedback.notFound" />
        {back}
      </main>
    );
  const problems = failure?.kind === "problems" ? failure.problems : {};
  const values = failure?.kind === "problems" ? failure.values : {};
  const title = view.context === "slut" ? t("portal.feedback.exit") : t("portal.feedback.title");
  // the participant's language when every question has it; otherwise the whole form in Swedish
  const lang: PortalLocale = view.languages.includes(locale) ? locale : "sv";
  const dir = portalDirection(lang);
  const inSwedish = lang !== locale;
  const problemText = (p: AnswerProblem) => t(`portal.feedback.error.${p}`, { max: view.max });
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${Object.keys(problems).length ? `${t("portal.feedback.error.title")}: ` : ""}${title} – ${t("portal.name")}`}</title>
      {back}
      <Heading view={view} />
      {failure?.kind === "already" || (view.answered && !failure) ? (
        <div className="portal-notice" role="status">
          <Tx as="p" k="portal.feedback.already" />
        </div>
      ) : null}
      {Object.keys(problems).length ? (
        <section className="portal-error" aria-labelledby="fel-rubrik" tabIndex={-1}>
          <Tx as="h2" k="portal.feedback.error.title" id="fel-rubrik" />
          <ul>
            {Object.entries(problems).map(([id, p]) => (
              <li key={id}>
                <a href={id === "form" ? "#fragor" : `#${field(id)}`}>{problemText(p)}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.answered ? null : (
        <>
          <Tx as="p" k="portal.feedback.anonymous" />
          {inSwedish ? <Tx as="p" k="portal.feedback.inSwedish" /> : null}
          {view.questions.length > 1 ? <Tx as="p" k="portal.feedback.optional" /> : null}
          <form method="post" id="fragor">
            <CsrfField />
            {view.questions.map((question, index) => {
              const own = question.texts[lang] ?? question.texts.sv;
              const sv = question.texts.sv;
              const q = {
                id: question.id,
                type: question.type,
                text: own?.text ?? "",
                low: own?.low ?? "",
                high: own?.high ?? "",
                sv: lang === "sv" || !sv ? null : sv,
              };
              const name = field(q.id);
              const problem = problems[q.id];
              const errorId = `${name}-fel`;
              const svToo = swedishToo && q.sv;
              if (q.type === "skala")
                return (
                  <fieldset
                    key={q.id}
                    className={`feedback__question${problem ? " portal-field--error" : ""}`}
                    aria-describedby={problem ? errorId : undefined}
                  >
                    <legend>
                      <span lang={lang} dir={dir}>
                        {`${index + 1}. ${q.text}`}
                      </span>
                      {svToo ? (
                        <span className="sv-too" lang="sv" dir="ltr">
                          {q.sv?.text}
                        </span>
                      ) : null}
                    </legend>
                    <p className="portal-hint">{t("portal.feedback.scaleHint")}</p>
                    {problem ? (
                      <p className="portal-field__error" id={errorId}>
                        {problemText(problem)}
                      </p>
                    ) : null}
                    <div className="feedback__scale" dir="ltr">
                      {[1, 2, 3, 4, 5].map((n) => (
                        <label key={n} className="feedback__option">
                          <input
                            type="radio"
                            name={name}
                            value={String(n)}
                            id={n === 1 ? name : undefined}
                            defaultChecked={values[q.id] === String(n)}
                            aria-label={
                              n === 1 ? `1 – ${q.low}` : n === 5 ? `5 – ${q.high}` : String(n)
                            }
                          />
                          <span aria-hidden="true">{n}</span>
                        </label>
                      ))}
                    </div>
                    <p className="feedback__ends" aria-hidden="true">
                      <span lang={lang} dir={dir}>
                        {`1 = ${q.low}`}
                      </span>
                      <span lang={lang} dir={dir}>
                        {`5 = ${q.high}`}
                      </span>
                    </p>
                    {svToo ? (
                      <p className="sv-too" lang="sv" dir="ltr">
                        {`1 = ${q.sv?.low}, 5 = ${q.sv?.high}`}
                      </p>
                    ) : null}
                  </fieldset>
                );
              return (
                <div key={q.id} className={`portal-field${problem ? " portal-field--error" : ""}`}>
                  <label htmlFor={name}>
                    <span lang={lang} dir={dir}>
                      {`${index + 1}. ${q.text}`}
                    </span>
                    {svToo ? (
                      <span className="sv-too" lang="sv" dir="ltr">
                        {q.sv?.text}
                      </span>
                    ) : null}
                  </label>
                  <p className="portal-hint" id={`${name}-tips`}>
                    {t("portal.feedback.freeHint", { max: view.max })}
                  </p>
                  {problem ? (
                    <p className="portal-field__error" id={errorId}>
                      {problemText(problem)}
                    </p>
                  ) : null}
                  <textarea
                    id={name}
                    name={name}
                    className="feedback__text"
                    rows={4}
                    dir="auto"
                    defaultValue={values[q.id] ?? ""}
                    aria-describedby={problem ? `${name}-tips ${errorId}` : `${name}-tips`}
                    aria-invalid={problem ? true : undefined}
                  />
                </div>
              );
            })}
            <Tx as="p" k="portal.feedback.skipHint" className="portal-hint" />
            <div className="feedback__actions">
              <button type="submit" name="intent" value="skicka">
                {t("portal.feedback.send")}
              </button>
              <button
                type="submit"
                name="intent"
                value="hoppa"
                className="portal-button--secondary"
              >
                {t("portal.feedback.skip")}
              </button>
            </div>
          </form>
        </>
      )}
      {back}
    </main>
  );
}
