// One person in the association: their roles (add, remove) and whether the account is active.
import { and, asc, eq } from "drizzle-orm";
import { data, Link, useSearchParams } from "react-router";
import { initiatives } from "../../../initiatives/schema.ts";
import { assignRole } from "../../../people/assign-role.ts";
import { listUsers } from "../../../people/list-users.ts";
import { revokeRole } from "../../../people/revoke-role.ts";
import { isRole } from "../../../people/roles.ts";
import { setUserDisabled } from "../../../people/set-user-disabled.ts";
import { ValidationError } from "../../../platform/errors.ts";
import {
  actorOf,
  attempt,
  redirectWithNotice,
  requireAssociation,
  text,
} from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useT } from "../../ui/i18n.tsx";
import { RoleFields } from "../../ui/role-fields.tsx";
import type { Route } from "./+types/person.ts";

async function findPerson(
  context: Route.LoaderArgs["context"],
  request: Request,
  params: Route.LoaderArgs["params"],
) {
  const access = await requireAssociation(context, request, params.association, "users.manage");
  const person = (await listUsers(access.state.services.db, access.association.id)).find(
    (p) => p.id === params.userId,
  );
  if (!person) throw data({ message: "Personen finns inte i förbundet." }, { status: 404 });
  return { ...access, person };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, person, principal } = await findPerson(context, request, params);
  return {
    slug: association.slug,
    person,
    isSelf: person.id === principal.userId,
    initiatives: await state.services.db
      .select({ id: initiatives.id, name: initiatives.name })
      .from(initiatives)
      .where(and(eq(initiatives.associationId, association.id)))
      .orderBy(asc(initiatives.name)),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, person, principal } = await findPerson(context, request, params);
  const form = await request.formData();
  const intent = text(form, "intent");
  const db = state.services.db;
  const actor = actorOf(state);
  const values = { role: text(form, "role"), initiativeId: text(form, "initiativeId") };
  const here = `/${association.slug}/personer/${person.id}`;
  const result = await attempt(async () => {
    if (intent === "add-role") {
      if (!isRole(values.role)) throw new ValidationError({ role: "Välj en roll i listan." });
      await assignRole(db, actor, {
        userId: person.id,
        associationId: association.id,
        role: values.role,
        initiativeId: values.initiativeId || null,
      });
    } else if (intent === "revoke-role") {
      await revokeRole(db, actor, {
        grantId: text(form, "grantId"),
        associationId: association.id,
      });
    } else if (intent === "disable" || intent === "enable") {
      if (person.id === principal.userId)
        throw new ValidationError({ form: "Du kan inte stänga av ditt eget konto." });
      await setUserDisabled(db, actor, {
        userId: person.id,
        disabled: intent === "disable",
        expectedVersion: Number(text(form, "version")),
        associationId: association.id,
      });
    } else {
      throw new ValidationError({ form: "Okänd åtgärd." });
    }
  }, values);
  if (!result.ok) return result.failure;
  return redirectWithNotice(here, intent);
}

export default function Person({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useFormFailure();
  const [params] = useSearchParams();
  const { person } = loaderData;
  const notice = params.get("klart");
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${person.name} – Samspår`}</title>
      <p>
        <Link to={`/${loaderData.slug}/personer`}>{t("common.back")}</Link>
      </p>
      <h1>{person.name}</h1>
      {notice ? (
        <p className="notice" role="status">
          {t("people.saved")}
        </p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} />
      <dl className="summary">
        <dt>{t("signIn.email")}</dt>
        <dd>{person.email}</dd>
        <dt>{t("people.status")}</dt>
        <dd>
          {person.disabledAt
            ? t("people.disabled")
            : person.totpEnabledAt
              ? t("people.activeTotp")
              : t("people.active")}
        </dd>
      </dl>
      <h2>{t("people.roles")}</h2>
      <ul>
        {person.grants.map((g) => (
          <li key={g.grantId}>
            <Form method="post" className="inline-form">
              {t(`role.${g.role}`)}
              {g.initiativeName ? ` (${g.initiativeName})` : ""}{" "}
              <input type="hidden" name="grantId" value={g.grantId} />
              <button type="submit" name="intent" value="revoke-role" className="link-button">
                {t("people.revoke", { role: t(`role.${g.role}`) })}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <h2>{t("people.addRole")}</h2>
      <Form method="post">
        <RoleFields
          initiatives={loaderData.initiatives}
          values={actionData?.values}
          errors={actionData?.errors}
        />
        <SubmitButton name="intent" value="add-role">
          {t("people.addRole")}
        </SubmitButton>
      </Form>
      {loaderData.isSelf ? null : (
        <>
          <h2>{t("people.account")}</h2>
          <Form method="post">
            <input type="hidden" name="version" value={person.version} />
            {person.disabledAt ? (
              <SubmitButton variant="secondary" name="intent" value="enable">
                {t("people.enable")}
              </SubmitButton>
            ) : (
              <SubmitButton variant="danger" name="intent" value="disable">
                {t("people.disable")}
              </SubmitButton>
            )}
          </Form>
        </>
      )}
    </main>
  );
}
