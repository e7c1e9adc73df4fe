// The association's member organisations: the list, and (for the office) adding one.
import { Link, useSearchParams } from "react-router";
import {
  addMemberOrganisation,
  listMemberOrganisations,
} from "../../../associations/member-organisations.ts";
import { actorOf, attempt, redirectWithNotice, requireAssociation } from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useT } from "../../ui/i18n.tsx";
import { OrganisationFields, organisationValues } from "../../ui/organisation-fields.tsx";
import type { Route } from "./+types/member-organisations.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, permissions } = await requireAssociation(
    context,
    request,
    params.association,
    "member_organisations.view",
  );
  return {
    slug: association.slug,
    organisations: await listMemberOrganisations(state.services.db, association.id),
    canManage: permissions.includes("member_organisations.manage"),
  };
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
    () => addMemberOrganisation(state.services.db, actorOf(state), association.id, values),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(`/${association.slug}/organisationer`, "tillagd");
}

export default function MemberOrganisations({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useFormFailure();
  const [params] = useSearchParams();
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("nav.memberOrganisations")} – Samspår`}</title>
      <h1>{t("nav.memberOrganisations")}</h1>
      {params.get("klart") ? (
        <p className="notice" role="status">
          {t("org.saved")}
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>{t("org.tableCaption", { count: loaderData.organisations.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("org.name")}</th>
              <th scope="col">{t("org.orgNumber")}</th>
              <th scope="col">{t("org.kind")}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.organisations.map((o) => (
              <tr key={o.id}>
                <td>{loaderData.canManage ? <Link to={o.id}>{o.name}</Link> : o.name}</td>
                <td className="mono">{o.orgNumber}</td>
                <td>{t(`orgKind.${o.kind}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loaderData.canManage ? (
        <section aria-labelledby="add-org">
          <h2 id="add-org">{t("org.add")}</h2>
          <ErrorSummary errors={actionData?.errors} />
          <Form method="post">
            <OrganisationFields values={actionData?.values} errors={actionData?.errors} />
            <SubmitButton>{t("org.add")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </main>
  );
}
