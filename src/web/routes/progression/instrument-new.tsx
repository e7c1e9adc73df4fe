// Nytt instrument: the association's own instrument — a short name, a name, and for a licensed
// instrument the licence and the statement that the association holds it (such an instrument
// must not be reworded). Creates version 1 as a draft and goes on to it.
import { Link } from "react-router";
import { createInstrument } from "../../../progression/instruments.ts";
import { actorOf, attempt, redirectWithNotice, text } from "../../guard.server.ts";
import { TextArea } from "../../ui/fields.tsx";
import { Form, SubmitButton, TextField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { ProblemSummary, problemsOf, useWorkflow } from "../../ui/workflow-panels.tsx";
import type { Route } from "./+types/instrument-new.ts";
import { EDIT, requireInstruments } from "./instrument-form.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { association } = await requireInstruments(context, request, params.association, EDIT);
  return { slug: association.slug };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association } = await requireInstruments(
    context,
    request,
    params.association,
    EDIT,
  );
  const form = await request.formData();
  const values = {
    key: text(form, "key"),
    name: text(form, "name"),
    licence: text(form, "licence"),
    licenceConfirmed: text(form, "licenceConfirmed"),
  };
  const result = await attempt(
    () =>
      createInstrument(state.services.db, actorOf(state), association.id, {
        key: values.key,
        name: values.name,
        licence: values.licence,
        licenceConfirmed: values.licenceConfirmed === "on",
      }),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(
    `/${association.slug}/progression/instrument/${result.value.id}`,
    "skapat",
  );
}

export default function NewInstrumentPage({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const { errors, value, formKey } = useWorkflow({});
  const problems = problemsOf(errors, { onEditPage: () => false, editPage: "" });
  const title = t("progressionInstruments.newTitle");
  const list = `/${d.slug}/progression/instrument`;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={list}>{t("progressionInstruments.backToList")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("progressionInstruments.newLead")}</p>
      <ProblemSummary items={problems} />
      <Form method="post" key={`ny-${formKey}`}>
        <TextField
          name="name"
          label={t("progressionInstruments.name")}
          hint={t("progressionInstruments.nameHint")}
          defaultValue={value("name")}
          error={errors.name}
          required
        />
        <TextField
          name="key"
          label={t("progressionInstruments.key")}
          hint={t("progressionInstruments.keyHint")}
          defaultValue={value("key")}
          error={errors.key}
          autoComplete="off"
          required
        />
        <p>{t("progressionInstruments.licensedNote")}</p>
        <TextArea
          name="licence"
          label={t("progressionInstruments.licence")}
          hint={t("progressionInstruments.licenceHint")}
          defaultValue={value("licence")}
          error={errors.licence}
          rows={3}
        />
        <div className={errors.licenceConfirmed ? "field field--error" : "field"}>
          {errors.licenceConfirmed ? (
            <p className="field__error" id="licenceConfirmed-error">
              {errors.licenceConfirmed}
            </p>
          ) : null}
          <label htmlFor="licenceConfirmed">
            <input
              type="checkbox"
              id="licenceConfirmed"
              name="licenceConfirmed"
              value="on"
              defaultChecked={value("licenceConfirmed") === "on"}
              aria-invalid={errors.licenceConfirmed ? true : undefined}
              aria-describedby={
                errors.licenceConfirmed
                  ? "licenceConfirmed-hint licenceConfirmed-error"
                  : "licenceConfirmed-hint"
              }
            />{" "}
            {t("progressionInstruments.licenceConfirmed")}
          </label>
          <p className="field__hint" id="licenceConfirmed-hint">
            {t("progressionInstruments.licenceConfirmedHint")}
          </p>
        </div>
        <div className="button-row">
          <SubmitButton>{t("progressionInstruments.create")}</SubmitButton>
          <Link to={list}>{t("progressionInstruments.cancel")}</Link>
        </div>
      </Form>
    </main>
  );
}
