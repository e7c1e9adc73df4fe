// Changing an initiative. The form carries the version it was read at: if someone else saved
// in between, their save is kept, the form says which fields differ, and what was typed stays.
import { data, Link } from "react-router";
import { canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import { listMemberOrganisations } from "../../../associations/member-organisations.ts";
import { getInitiative } from "../../../initiatives/get-initiative.ts";
import { updateInitiative } from "../../../initiatives/save-initiative.ts";
import { UUID } from "../../../platform/uuid.ts";
import {
  actorOf,
  attempt,
  redirectWithNotice,
  requireAssociation,
  text,
} from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useT } from "../../ui/i18n.tsx";
import {
  InitiativeFields,
  initiativeFormValues,
  initiativeInput,
  initiativeValuesOf,
} from "../../ui/initiative-form.tsx";
import type { Route } from "./+types/initiative-edit.ts";

/** The initiative in the URL, for a person who may change it: else 403, or 404 if none. */
async function editableInitiative(
  context: Route.LoaderArgs["context"],
  request: Request,
  params: Route.LoaderArgs["params"],
) {
  const access = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const { state, principal, association } = access;
  if (!canOnInitiative(principal, "initiative.edit", association.id, params.initiativeId)) {
    throw data({ message: new ForbiddenError("initiative.edit").message }, { status: 403 });
  }
  const initiative = UUID.test(params.initiativeId)
    ? await getInitiative(state.services.db, association.id, params.initiativeId)
    : undefined;
  if (!initiative) throw data({ message: "Insatsen finns inte." }, { status: 404 });
  return { ...access, initiative };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, initiative } = await editableInitiative(context, request, params);
  return {
    slug: association.slug,
    id: initiative.id,
    name: initiative.name,
    values: { ...initiativeValuesOf(initiative), version: String(initiative.version) },
    organisations: (await listMemberOrganisations(state.services.db, association.id)).map((o) => ({
      id: o.id,
      name: o.name,
    })),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, initiative } = await editableInitiative(context, request, params);
  const form = await request.formData();
  // the version the typed values are based on stays with them: saving again after a
  // conflict is refused again, rather than overwriting what the other person saved
  const values = { ...initiativeFormValues(form), version: text(form, "version") };
  const result = await attempt(
    () =>
      updateInitiative(
        state.services.db,
        actorOf(state),
        association.id,
        initiative.id,
        Number(values.version),
        initiativeInput(values),
      ),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(`/${association.slug}/insatser/${initiative.id}`, "sparad");
}

export default function InitiativeEdit({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useFormFailure();
  const values = actionData?.values ?? loaderData.values;
  const detail = `/${loaderData.slug}/insatser/${loaderData.id}`;
  const title = t("initiative.editTitle", { name: loaderData.name });
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={detail}>{t("common.back")}</Link>
      </p>
      <h1>{title}</h1>
      <ErrorSummary errors={actionData?.errors} />
      {actionData?.errors?.form ? (
        // someone else saved in between: a plain link fetches their version (a reload would
        // post the form again)
        <p className="warning">
          {t("initiative.conflictHelp")}{" "}
          <Link to={`${detail}/andra`}>{t("initiative.reload")}</Link>
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="version" value={values.version ?? ""} />
        <InitiativeFields
          organisations={loaderData.organisations}
          values={values}
          errors={actionData?.errors}
        />
        <div className="button-row">
          <SubmitButton>{t("common.save")}</SubmitButton>
          <Link to={detail}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </main>
  );
}
