// Editing one member organisation. The form carries the version it was read at, so a
// concurrent edit is reported instead of overwritten.
import { and, eq } from "drizzle-orm";
import { data, Link } from "react-router";
import { updateMemberOrganisation } from "../../../associations/member-organisations.ts";
import { memberOrganisations } from "../../../associations/schema.ts";
import {
  actorOf,
  attempt,
  redirectWithNotice,
  requireAssociation,
  text,
} from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useT } from "../../ui/i18n.tsx";
import { OrganisationFields, organisationValues } from "../../ui/organisation-fields.tsx";
import type { Route } from "./+types/member-organisation.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "member_organisations.manage",
  );
  const [organisation] = await state.services.db
    .select()
    .from(memberOrganisations)
    .where(
      and(
        eq(memberOrganisations.id, params.organisationId),
        eq(memberOrganisations.associationId, association.id),
      ),
    );
  if (!organisation) throw data({ message: "Organisationen finns inte." }, { status: 404 });
  return { slug: association.slug, organisation };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "member_organisations.manage",
  );
  const form = await request.formData();
  const values = organisationValues(form);
  const result = await attempt(
    () =>
      updateMemberOrganisation(
        state.services.db,
        actorOf(state),
        association.id,
        params.organisationId,
        Number(text(form, "version")),
        values,
      ),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(`/${association.slug}/organisationer`, "sparad");
}

export default function MemberOrganisation({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useFormFailure();
  const { organisation } = loaderData;
  const values = actionData?.values ?? {
    name: organisation.name,
    orgNumber: organisation.orgNumber,
    kind: organisation.kind,
  };
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${organisation.name} – Samspår`}</title>
      <h1>{organisation.name}</h1>
      <ErrorSummary errors={actionData?.errors} />
      <Form method="post">
        <input type="hidden" name="version" value={organisation.version} />
        <OrganisationFields values={values} errors={actionData?.errors} />
        <div className="button-row">
          <SubmitButton>{t("common.save")}</SubmitButton>
          <Link to={`/${loaderData.slug}/organisationer`}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </main>
  );
}
