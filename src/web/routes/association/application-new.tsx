// Starting an application: an initiative lead for their organisation, or the office for one
// that arrived on paper or by e-mail. A draft needs only a name and an owner; the rest can
// wait until it is submitted.
import { Link } from "react-router";
import { newApplicationAction, newApplicationLoader } from "../../application-form.server.ts";
import { ApplicationFields, type ApplicationFormFailure } from "../../ui/application-form.tsx";
import { ErrorSummary, Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useT } from "../../ui/i18n.tsx";
import type { Route } from "./+types/application-new.ts";

export const loader = ({ context, request, params }: Route.LoaderArgs) =>
  newApplicationLoader(context, request, params.association);

export const action = ({ context, request, params }: Route.ActionArgs) =>
  newApplicationAction(context, request, params.association);

export default function ApplicationNew({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const failure = useFormFailure() as ApplicationFormFailure | undefined;
  const values = failure?.values ?? loaderData.values;
  const list = `/${loaderData.slug}/ansokningar`;
  const title = t("applicationForm.newTitle");
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={list}>{t("applicationForm.backToList")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("applicationForm.newIntro")}</p>
      <ErrorSummary errors={failure?.errors} />
      <Form method="post">
        {loaderData.office ? (
          <div className="field" key={values.onPaper ?? ""}>
            <label htmlFor="onPaper">
              <input
                type="checkbox"
                id="onPaper"
                name="onPaper"
                value="on"
                defaultChecked={values.onPaper === "on"}
                aria-describedby="onPaper-hint"
              />{" "}
              {t("applicationForm.onPaper")}
            </label>
            <p className="field__hint" id="onPaper-hint">
              {t("applicationForm.onPaperHint")}
            </p>
          </div>
        ) : null}
        <ApplicationFields
          organisations={loaderData.organisations}
          values={values}
          errors={failure?.errors}
          helpTexts={loaderData.helpTexts}
          formVersion={loaderData.formVersion}
          budget={failure?.budget ?? loaderData.budget}
        />
        <div className="button-row">
          <SubmitButton>{t("applicationForm.saveDraft")}</SubmitButton>
          <Link to={list}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </main>
  );
}
