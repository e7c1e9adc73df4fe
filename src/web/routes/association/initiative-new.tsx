// Registering an initiative in the register (the association office).
import { Link } from "react-router";
import { listMemberOrganisations } from "../../../associations/member-organisations.ts";
import { createInitiative } from "../../../initiatives/save-initiative.ts";
import { actorOf, attempt, redirectWithNotice, requireAssociation } from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useT } from "../../ui/i18n.tsx";
import {
  InitiativeFields,
  initiativeFormValues,
  initiativeInput,
} from "../../ui/initiative-form.tsx";
import type { Route } from "./+types/initiative-new.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "initiatives.manage",
  );
  return {
    slug: association.slug,
    organisations: (await listMemberOrganisations(state.services.db, association.id)).map((o) => ({
      id: o.id,
      name: o.name,
    })),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "initiatives.manage",
  );
  const values = initiativeFormValues(await request.formData());
  const result = await attempt(
    () =>
      createInitiative(state.services.db, actorOf(state), association.id, initiativeInput(values)),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(`/${association.slug}/insatser/${result.value.id}`, "registrerad");
}

export default function InitiativeNew({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useFormFailure();
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("initiatives.register")} – Samspår`}</title>
      <p>
        <Link to={`/${loaderData.slug}/insatser`}>{t("initiative.backToList")}</Link>
      </p>
      <h1>{t("initiatives.register")}</h1>
      <ErrorSummary errors={actionData?.errors} />
      <Form method="post">
        <InitiativeFields
          organisations={loaderData.organisations}
          values={actionData?.values ?? {}}
          errors={actionData?.errors}
        />
        <div className="button-row">
          <SubmitButton>{t("initiative.create")}</SubmitButton>
          <Link to={`/${loaderData.slug}/insatser`}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </main>
  );
}
