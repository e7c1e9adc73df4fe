// Starting a deviation report: the initiative, chosen among the running and granted ones the
// person may write reports for (`?insats=` chooses it in advance), and the report's fields.
// A draft may be incomplete; it is submitted from the report's page.
import { data, Link } from "react-router";
import { can, canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import { ValidationError } from "../../../platform/errors.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import { createDeviationReport, listOpenInitiatives } from "../../../reports/deviation-reports.ts";
import { actorOf, redirectWithNotice, requireAssociation, text } from "../../guard.server.ts";
import { ErrorSummary, Form, SelectField, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useT } from "../../ui/i18n.tsx";
import type { Route } from "./+types/deviation-new.ts";
import {
  DeviationFields,
  type DeviationFormFailure,
  deviationFormValues,
  deviationInput,
  formErrors,
} from "./deviation-edit.tsx";

/**
 * The initiatives this person may start a report for. Someone who may write reports for no
 * initiative at all (running or not) is refused the page.
 */
async function writableInitiatives(
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
  const writes = (initiativeId: string) =>
    canOnInitiative(principal, "report.write", association.id, initiativeId);
  const anywhere =
    can(principal, "report.write", association.id) ||
    principal.grants.some(
      (g) => g.associationId === association.id && g.initiativeId && writes(g.initiativeId),
    );
  if (!anywhere)
    throw data({ message: new ForbiddenError("report.write").message }, { status: 403 });
  const initiatives = (await listOpenInitiatives(state.services.db, association.id)).filter((i) =>
    writes(i.id),
  );
  return { ...access, initiatives };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { association, initiatives } = await writableInitiatives(context, request, params);
  const asked = new URL(request.url).searchParams.get("insats") ?? "";
  return {
    slug: association.slug,
    initiatives: initiatives.map((i) => ({
      id: i.id,
      name: i.name,
      status: i.status,
      endDate: i.endDate ? formatDate(i.endDate) : "",
    })),
    values: {
      initiativeId: initiatives.some((i) => i.id === asked)
        ? asked
        : initiatives.length === 1
          ? (initiatives[0]?.id ?? "")
          : "",
      request: "ingen",
    } as Record<string, string>,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, initiatives } = await writableInitiatives(context, request, params);
  const form = await request.formData();
  const values = { ...deviationFormValues(form), initiativeId: text(form, "initiativeId") };
  const problems: Record<string, string> = {};
  if (!initiatives.some((i) => i.id === values.initiativeId))
    problems.initiativeId = "Välj insatsen som rapporten gäller.";
  let id: string;
  try {
    if (Object.keys(problems).length) throw new ValidationError(problems);
    id = await createDeviationReport(
      state.services.db,
      actorOf(state),
      association.id,
      values.initiativeId,
      deviationInput(values),
    );
  } catch (error) {
    if (error instanceof ValidationError)
      return data<DeviationFormFailure>(
        { errors: formErrors({ ...problems, ...error.fields }), values },
        { status: 400 },
      );
    throw error;
  }
  return redirectWithNotice(`/${association.slug}/avvikelser/${id}`, "skapad");
}

export default function DeviationNew({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const failure = useFormFailure() as DeviationFormFailure | undefined;
  const values = failure?.values ?? loaderData.values;
  const list = `/${loaderData.slug}/avvikelser`;
  const title = t("deviation.new.title");
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={list}>{t("deviation.backToList")}</Link>
      </p>
      <h1>{title}</h1>
      {loaderData.initiatives.length === 0 ? (
        <p className="warning">{t("deviation.new.noInitiatives")}</p>
      ) : (
        <>
          <p className="lead">{t("deviation.new.intro")}</p>
          <ErrorSummary errors={failure?.errors} />
          <Form method="post">
            <SelectField
              name="initiativeId"
              label={t("deviation.field.initiative")}
              hint={t("deviation.new.initiativeHint")}
              required
              defaultValue={values.initiativeId ?? ""}
              error={failure?.errors.initiativeId}
              options={[
                { value: "", label: t("common.choose") },
                ...loaderData.initiatives.map((i) => ({
                  value: i.id,
                  label: i.endDate
                    ? t("deviation.new.initiativeOption", {
                        name: i.name,
                        status: t(`initiativeStatus.${i.status}`),
                        end: i.endDate,
                      })
                    : i.name,
                })),
              ]}
            />
            <DeviationFields values={values} errors={failure?.errors} initiative={null} />
            <div className="button-row">
              <SubmitButton>{t("deviation.form.saveDraft")}</SubmitButton>
              <Link to={list}>{t("common.cancel")}</Link>
            </div>
          </Form>
        </>
      )}
    </main>
  );
}
