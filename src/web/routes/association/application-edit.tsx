// Changing an application while it is a draft or returned for completion. The form carries
// the version it was read at: if someone else saved in between, nothing is overwritten; the
// page shows what they changed and keeps what was typed here.
import { Link } from "react-router";
import { editApplicationAction, editApplicationLoader } from "../../application-form.server.ts";
import {
  ApplicationFields,
  type ApplicationFormFailure,
  ConflictPanel,
} from "../../ui/application-form.tsx";
import { NotEditable } from "../../ui/document-edit.tsx";
import { ErrorSummary, Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useT } from "../../ui/i18n.tsx";
import type { Route } from "./+types/application-edit.ts";

export const loader = ({ context, request, params }: Route.LoaderArgs) =>
  editApplicationLoader(context, request, params.association, params.applicationId);

export const action = ({ context, request, params }: Route.ActionArgs) =>
  editApplicationAction(context, request, params.association, params.applicationId);

export default function ApplicationEdit({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const failure = useFormFailure() as ApplicationFormFailure | undefined;
  const values = failure?.values ?? loaderData.values;
  const detail = `/${loaderData.slug}/ansokningar/${loaderData.id}`;
  const title = t("applicationForm.editTitle", { name: loaderData.name });
  if (!loaderData.editable) {
    const decided = loaderData.status === "beviljad" || loaderData.status === "avslagen";
    return (
      <NotEditable
        title={t("applicationForm.notEditableTitle")}
        message={t(
          decided ? "applicationForm.notEditableDecided" : "applicationForm.notEditableSubmitted",
        )}
        back={{ to: detail, label: t("applicationForm.backToApplication") }}
      />
    );
  }
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={detail}>{t("applicationForm.backToApplication")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("applicationForm.editIntro")}</p>
      <ErrorSummary errors={failure?.errors} />
      {failure?.changes ? (
        <ConflictPanel changes={failure.changes} reloadTo={`${detail}/andra`} />
      ) : null}
      <Form method="post">
        <input type="hidden" name="version" value={values.version ?? ""} />
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
          <Link to={detail}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </main>
  );
}
