// Tyck till's questions for one initiative (/:association/insatser/:initiativeId/portal/tyck-till):
// the short check after meetings and chapters ("kort") and the exit survey ("slut"). Each question
// has a type (a 1–5 scale with words for the ends, or free text) and its texts in Swedish and any
// of the portal's languages; ?sprak=xx shows one more language beside the Swedish. Adding,
// removing and moving questions change the form on the page only ("not saved yet"); "Spara
// frågorna" saves, with the version the page was read at. For the initiative's lead and
// participant officers ("evaluation.edit"); anyone else gets 403.
import { data, Link, Form as RouterForm, useSearchParams } from "react-router";
import { canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import {
  type FormInput,
  formForEditing,
  formLanguages,
  questionField,
  updateForm,
} from "../../../evaluation/forms.ts";
import {
  EVALUATION_KINDS,
  type EvaluationKind,
  type EvaluationQuestion,
  MAX_QUESTIONS,
} from "../../../evaluation/schema.ts";
import { getInitiative } from "../../../initiatives/get-initiative.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../../platform/errors.ts";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import {
  isPortalLocale,
  PORTAL_LOCALES,
  type PortalLocale,
  portalDirection,
} from "../../../portal/locales.ts";
import { actorOf, redirectWithNotice, requireAssociation, text } from "../../guard.server.ts";
import { CsrfField, ErrorSummary } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { LanguageTextField } from "../../ui/language-text-field.tsx";
import { languageKey } from "../portal-staff/guide-keys.ts";
import type { Route } from "./+types/forms.ts";

type Part = "text" | "low" | "high";
/** A question as the page shows it: every text a string (blank = none). */
interface DraftQuestion {
  id: string;
  type: string;
  texts: Partial<Record<PortalLocale, Record<Part, string>>>;
}

const toDraft = (q: EvaluationQuestion): DraftQuestion => ({
  id: q.id,
  type: q.type,
  texts: Object.fromEntries(
    Object.entries(q.texts).map(([l, t]) => [
      l,
      { text: t?.text ?? "", low: t?.low ?? "", high: t?.high ?? "" },
    ]),
  ),
});

const notFound = (error: unknown): never => {
  if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
  throw error;
};

async function access(args: Route.LoaderArgs | Route.ActionArgs) {
  const { context, request, params } = args;
  const { state, principal, association } = await requireAssociation(
    context,
    request,
    params.association,
    // the initiative's own roles edit its questions: the permission is checked on the initiative
    "association.enter",
  );
  const initiativeId = params.initiativeId ?? "";
  if (!canOnInitiative(principal, "evaluation.edit", association.id, initiativeId))
    throw data({ message: new ForbiddenError("evaluation.edit").message }, { status: 403 });
  const initiative = /^[0-9a-f-]{36}$/i.test(initiativeId)
    ? await getInitiative(state.services.db, association.id, initiativeId)
    : undefined;
  if (!initiative) throw data({ message: "Insatsen finns inte." }, { status: 404 });
  const url = new URL(request.url);
  const wanted = url.searchParams.get("sprak");
  const language: PortalLocale | null = isPortalLocale(wanted) && wanted !== "sv" ? wanted : null;
  return { state, principal, association, initiative, language };
}

export async function loader(args: Route.LoaderArgs) {
  const { state, principal, association, initiative, language } = await access(args);
  const forms = await Promise.all(
    EVALUATION_KINDS.map((kind) =>
      formForEditing(state.services.db, principal, association.id, initiative.id, kind).catch(
        notFound,
      ),
    ),
  );
  return {
    slug: association.slug,
    initiative: { id: initiative.id, name: initiative.name },
    language,
    freeText: canOnInitiative(principal, "evaluation.free_text", association.id, initiative.id),
    forms: forms.map((f) => ({
      kind: f.kind,
      version: f.version,
      questions: f.questions.map(toDraft),
      saved: f.questions.map(toDraft),
      languages: formLanguages(f),
      updated: formatDateTime(f.updatedAt),
      updatedByName: f.updatedByName,
    })),
  };
}

/** The questions as posted, in the page's order. */
function postedQuestions(form: FormData, language: PortalLocale | null): DraftQuestion[] {
  const count = Math.min(Number(text(form, "count")) || 0, 30);
  const locales: PortalLocale[] = language ? ["sv", language] : ["sv"];
  return Array.from({ length: count }, (_, i) => ({
    id: text(form, `q${i}-id`),
    type: text(form, questionField(i, "type")),
    texts: Object.fromEntries(
      locales.map((l) => [
        l,
        {
          text: text(form, questionField(i, "text", l)),
          low: text(form, questionField(i, "low", l)),
          high: text(form, questionField(i, "high", l)),
        },
      ]),
    ),
  }));
}

interface ActionResult {
  kind: EvaluationKind;
  questions: DraftQuestion[];
  errors: Record<string, string>;
  unsaved: boolean;
}

export async function action(args: Route.ActionArgs) {
  const { state, principal, association, initiative, language } = await access(args);
  const form = await args.request.formData();
  const kind = text(form, "kind") as EvaluationKind;
  if (!(EVALUATION_KINDS as readonly string[]).includes(kind))
    throw data({ message: "Frågorna finns inte." }, { status: 404 });
  const intent = text(form, "intent");
  const questions = postedQuestions(form, language);
  const [verb, at] = intent.split(":");
  const index = Number(at);
  if (verb === "add" || verb === "remove" || verb === "up" || verb === "down") {
    const next = [...questions];
    if (verb === "add")
      next.push({ id: "", type: "skala", texts: { sv: { text: "", low: "", high: "" } } });
    else if (verb === "remove" && next[index]) next.splice(index, 1);
    else if (verb === "up" && index > 0 && next[index])
      next.splice(index - 1, 0, ...next.splice(index, 1));
    else if (verb === "down" && index < next.length - 1 && next[index])
      next.splice(index + 1, 0, ...next.splice(index, 1));
    return { kind, questions: next, errors: {}, unsaved: true } satisfies ActionResult;
  }
  const input: FormInput = {
    questions: questions.map((q) => ({
      ...(q.id ? { id: q.id } : {}),
      type: q.type,
      texts: q.texts,
    })),
  };
  try {
    await updateForm(
      state.services.db,
      actorOf(state),
      principal,
      association.id,
      initiative.id,
      kind,
      input,
      Number(text(form, "version")),
    );
  } catch (error) {
    const failed = (errors: Record<string, string>, status: number) =>
      data({ kind, questions, errors, unsaved: true } satisfies ActionResult, { status });
    if (error instanceof ValidationError) return failed(error.fields, 400);
    if (error instanceof ConflictError) return failed({ form: error.message }, 409);
    return notFound(error);
  }
  const query = language ? `?sprak=${language}` : "";
  return redirectWithNotice(
    `/${association.slug}/insatser/${initiative.id}/portal/tyck-till${query}#${kind}`,
    "sparad",
  );
}

function LanguageFields({
  index,
  locale,
  question,
  errors,
}: {
  index: number;
  locale: PortalLocale;
  question: DraftQuestion;
  errors: Record<string, string>;
}) {
  const { t, locale: ui } = useI18n();
  const name = t(languageKey(locale));
  const language = ui === "sv" ? name.toLocaleLowerCase("sv-SE") : name;
  const texts = question.texts[locale] ?? { text: "", low: "", high: "" };
  const field = (part: Part) => questionField(index, part, locale);
  return (
    <fieldset lang={locale} dir={portalDirection(locale)} className="guide-edit__language">
      <legend lang={ui} dir="ltr">
        {name}
      </legend>
      <LanguageTextField
        name={field("text")}
        label={t("evaluationStaff.forms.text", { language })}
        hint={t("evaluationStaff.forms.textHint")}
        error={errors[field("text")]}
        value={texts.text}
        lang={locale}
      />
      <LanguageTextField
        name={field("low")}
        label={t("evaluationStaff.forms.low", { language })}
        hint={t("evaluationStaff.forms.endHint")}
        error={errors[field("low")]}
        value={texts.low}
        lang={locale}
      />
      <LanguageTextField
        name={field("high")}
        label={t("evaluationStaff.forms.high", { language })}
        error={errors[field("high")]}
        value={texts.high}
        lang={locale}
      />
    </fieldset>
  );
}

function SwedishBeside({ saved }: { saved: DraftQuestion | undefined }) {
  const { t } = useI18n();
  const sv = saved?.texts.sv;
  if (!sv) return <p className="guide-edit__swedish">{t("evaluationStaff.forms.notSaved")}</p>;
  return (
    <div className="guide-edit__swedish">
      <p className="guide-edit__swedish-label">{t("evaluationStaff.forms.swedishBeside")}</p>
      <div lang="sv" dir="ltr">
        <p>
          <strong>{sv.text}</strong>
        </p>
        {saved.type === "skala" ? (
          <p>
            1 = {sv.low}, 5 = {sv.high}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function QuestionSet({
  form,
  language,
  failed,
}: {
  form: Route.ComponentProps["loaderData"]["forms"][number];
  language: PortalLocale | null;
  failed: ActionResult | undefined;
}) {
  const { t } = useI18n();
  const kind = form.kind;
  const questions = failed?.questions ?? form.questions;
  const errors = failed?.errors ?? {};
  const max = MAX_QUESTIONS[kind];
  const savedById = new Map(form.saved.map((q) => [q.id, q]));
  const heading = t(`evaluationStaff.forms.${kind}.title`);
  return (
    <section aria-labelledby={`${kind}-rubrik`} id={kind} className="panel">
      <h2 id={`${kind}-rubrik`}>{heading}</h2>
      <p>{t(`evaluationStaff.forms.${kind}.hint`)}</p>
      <p>
        {t("evaluationStaff.forms.languagesReady", {
          languages: form.languages.map((l) => t(languageKey(l))).join(", "),
        })}{" "}
        {t("evaluationStaff.forms.updatedBy", { date: form.updated, name: form.updatedByName })}
      </p>
      {failed?.unsaved && Object.keys(errors).length === 0 ? (
        <p className="warning" role="status">
          {t("evaluationStaff.forms.unsaved")}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="version" value={form.version} />
        <input type="hidden" name="count" value={questions.length} />
        {errors.questions ? (
          <p className="field__error" id="questions">
            {errors.questions}
          </p>
        ) : null}
        <ol className="evaluation-questions">
          {questions.map((q, i) => {
            const number = i + 1;
            const typeName = questionField(i, "type");
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a new question has no id until it is saved; the whole set is drawn anew after every change
              <li key={`${q.id}-${i}`}>
                <fieldset>
                  <legend>
                    <h3>{t("evaluationStaff.forms.question", { number })}</h3>
                  </legend>
                  <input type="hidden" name={`q${i}-id`} value={q.id} />
                  <div className={errors[typeName] ? "field field--error" : "field"}>
                    <label htmlFor={typeName}>{t("evaluationStaff.forms.type", { number })}</label>
                    {errors[typeName] ? (
                      <p className="field__error" id={`${typeName}-error`}>
                        {errors[typeName]}
                      </p>
                    ) : null}
                    <select
                      id={typeName}
                      name={typeName}
                      defaultValue={q.type}
                      className="input"
                      aria-describedby={`${typeName}-hint${errors[typeName] ? ` ${typeName}-error` : ""}`}
                    >
                      <option value="skala">{t("evaluationStaff.forms.type.skala")}</option>
                      <option value="fritext">{t("evaluationStaff.forms.type.fritext")}</option>
                    </select>
                    <p className="field__hint" id={`${typeName}-hint`}>
                      {t("evaluationStaff.forms.endsUnused")}
                    </p>
                  </div>
                  {language ? (
                    <div className="guide-edit__side-by-side">
                      <LanguageFields index={i} locale="sv" question={q} errors={errors} />
                      <LanguageFields index={i} locale={language} question={q} errors={errors} />
                    </div>
                  ) : (
                    <LanguageFields index={i} locale="sv" question={q} errors={errors} />
                  )}
                  {language ? <SwedishBeside saved={savedById.get(q.id)} /> : null}
                  <div className="button-row">
                    {i > 0 ? (
                      <button
                        type="submit"
                        name="intent"
                        value={`up:${i}`}
                        className="button button--secondary"
                      >
                        {t("evaluationStaff.forms.moveUp", { number })}
                      </button>
                    ) : null}
                    {i < questions.length - 1 ? (
                      <button
                        type="submit"
                        name="intent"
                        value={`down:${i}`}
                        className="button button--secondary"
                      >
                        {t("evaluationStaff.forms.moveDown", { number })}
                      </button>
                    ) : null}
                    <button
                      type="submit"
                      name="intent"
                      value={`remove:${i}`}
                      className="button button--secondary"
                    >
                      {t("evaluationStaff.forms.remove", { number })}
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="button-row">
          <button type="submit" name="intent" value="save" className="button button--primary">
            {t("evaluationStaff.forms.save")}
          </button>
          {questions.length < max ? (
            <button type="submit" name="intent" value="add" className="button button--secondary">
              {t("evaluationStaff.forms.add")}
            </button>
          ) : (
            <span>{t("evaluationStaff.forms.full", { count: max })}</span>
          )}
        </div>
      </form>
    </section>
  );
}

export default function EvaluationForms({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const { slug, initiative, language, freeText, forms } = loaderData;
  const failed = actionData as ActionResult | undefined;
  const base = `/${slug}/insatser/${initiative.id}/portal/tyck-till`;
  const title = t("evaluationStaff.forms.title");
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – ${initiative.name} – Samspår`}</title>
      <p>
        <Link to={`/${slug}/insatser/${initiative.id}`}>{t("evaluationStaff.forms.back")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("evaluationStaff.forms.intro", { initiative: initiative.name })}</p>
      {params.get("klart") === "sparad" && !failed ? (
        <p className="notice" role="status">
          {t("evaluationStaff.forms.saved")}
        </p>
      ) : null}
      <ul>
        <li>
          <Link to={`${base}/resultat`}>{t("evaluationStaff.forms.results")}</Link>
        </li>
        {freeText ? (
          <li>
            <Link to={`${base}/fritext`}>{t("evaluationStaff.forms.freeText")}</Link>
          </li>
        ) : null}
      </ul>
      <RouterForm method="get" className="search-form">
        <div className="field">
          <label htmlFor="sprak">{t("evaluationStaff.forms.language.legend")}</label>
          <p className="field__hint" id="sprak-hint">
            {t("evaluationStaff.forms.language.hint")}
          </p>
          <select
            id="sprak"
            name="sprak"
            defaultValue={language ?? ""}
            className="input"
            aria-describedby="sprak-hint"
          >
            <option value="">{t("evaluationStaff.forms.language.none")}</option>
            {PORTAL_LOCALES.filter((l) => l !== "sv").map((l) => (
              <option key={l} value={l}>
                {t(languageKey(l))}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("evaluationStaff.forms.language.submit")}
        </button>
      </RouterForm>
      {forms.map((form) => (
        <QuestionSet
          key={`${form.kind}-${form.version}-${failed?.kind === form.kind ? failed.questions.map((q) => q.id || "ny").join() : ""}`}
          form={form}
          language={language}
          failed={failed?.kind === form.kind ? failed : undefined}
        />
      ))}
    </main>
  );
}
