// Adding a person to the association with a first role; new people get an invitation by mail.
import { asc, eq } from "drizzle-orm";
import { Link } from "react-router";
import { initiatives } from "../../../initiatives/schema.ts";
import { addPersonToAssociation } from "../../../people/add-person-to-association.ts";
import {
  actorOf,
  attempt,
  redirectWithNotice,
  requireAssociation,
  text,
} from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton, TextField, useFormFailure } from "../../ui/form.tsx";
import { useT } from "../../ui/i18n.tsx";
import { RoleFields } from "../../ui/role-fields.tsx";
import type { Route } from "./+types/person-new.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "users.manage",
  );
  return {
    slug: association.slug,
    initiatives: await state.services.db
      .select({ id: initiatives.id, name: initiatives.name })
      .from(initiatives)
      .where(eq(initiatives.associationId, association.id))
      .orderBy(asc(initiatives.name)),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "users.manage",
  );
  const form = await request.formData();
  const values = {
    email: text(form, "email"),
    name: text(form, "name"),
    role: text(form, "role"),
    initiativeId: text(form, "initiativeId"),
  };
  const result = await attempt(
    () =>
      addPersonToAssociation(
        state.services.db,
        actorOf(state),
        { mailer: state.services.mailer, baseUrl: state.services.config.baseUrl },
        {
          ...values,
          associationId: association.id,
          associationName: association.name,
          initiativeId: values.initiativeId || undefined,
        },
      ),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(
    `/${association.slug}/personer`,
    result.value.invited ? "inbjuden" : "tillagd",
  );
}

export default function PersonNew({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useFormFailure();
  const errors = actionData?.errors;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("people.add")} – Samspår`}</title>
      <h1>{t("people.add")}</h1>
      <p>{t("people.addIntro")}</p>
      <ErrorSummary errors={errors} />
      <Form method="post">
        <TextField
          name="name"
          label={t("account.name")}
          autoComplete="off"
          defaultValue={actionData?.values?.name}
          error={errors?.name}
          required
        />
        <TextField
          name="email"
          type="email"
          label={t("signIn.email")}
          autoComplete="off"
          defaultValue={actionData?.values?.email}
          error={errors?.email}
          required
        />
        <RoleFields
          initiatives={loaderData.initiatives}
          values={actionData?.values}
          errors={errors}
        />
        <div className="button-row">
          <SubmitButton>{t("people.add")}</SubmitButton>
          <Link to={`/${loaderData.slug}/personer`}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </main>
  );
}
