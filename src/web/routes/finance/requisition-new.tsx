// Starting a requisition: the initiative, among those the person writes requisitions for (a plain
// GET form chooses it, or `?insats=`; one initiative is chosen already), then the period, among
// the initiative's reporting periods that have begun and have no requisition yet. The periods that
// have one link to it. Without JavaScript every step is a plain form.
import { data, Link, Form as RouterForm } from "react-router";
import { can, canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import {
  createRequisition,
  RequisitionExistsError,
  requisitionInitiatives,
  requisitionPeriods,
} from "../../../finance/requisitions.ts";
import { ValidationError } from "../../../platform/errors.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import { actorOf, redirectWithNotice, requireAssociation, text } from "../../guard.server.ts";
import { ErrorSummary, Form, SelectField, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { periodLabel } from "../../ui/periodic-report-form.tsx";
import type { Route } from "./+types/requisition-new.ts";

/**
 * The initiatives this person may start a requisition for. Someone who writes requisitions for
 * no initiative at all is refused the page.
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
    canOnInitiative(principal, "requisition.write", association.id, initiativeId);
  const anywhere =
    can(principal, "requisition.write", association.id) ||
    principal.grants.some(
      (g) => g.associationId === association.id && g.initiativeId && writes(g.initiativeId),
    );
  if (!anywhere)
    throw data({ message: new ForbiddenError("requisition.write").message }, { status: 403 });
  const initiatives = (await requisitionInitiatives(state.services.db, association.id)).filter(
    (i) => writes(i.id),
  );
  return { ...access, initiatives };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, initiatives } = await writableInitiatives(context, request, params);
  const asked = new URL(request.url).searchParams.get("insats") ?? "";
  const chosen =
    initiatives.find((i) => i.id === asked) ??
    (initiatives.length === 1 ? initiatives[0] : undefined);
  const periods = chosen
    ? (await requisitionPeriods(state.services.db, association.id, chosen.id)).periods
    : [];
  return {
    slug: association.slug,
    initiatives: initiatives.map((i) => ({ id: i.id, name: i.name })),
    chosen: chosen
      ? {
          id: chosen.id,
          name: chosen.name,
          startDate: chosen.startDate ? formatDate(chosen.startDate) : "",
          endDate: chosen.endDate ? formatDate(chosen.endDate) : "",
        }
      : null,
    open: periods
      .filter((p) => p.begun && !p.requisition)
      .map((p) => ({ key: p.key, start: formatDate(p.start), end: formatDate(p.end) }))
      .reverse(),
    existing: periods
      .filter((p) => p.requisition)
      .map((p) => ({
        key: p.key,
        id: p.requisition?.id ?? "",
        status: p.requisition?.status ?? "utkast",
      }))
      .reverse(),
    notBegun: periods.filter((p) => !p.begun).length,
  };
}

interface NewFailure {
  errors: Record<string, string>;
  values: Record<string, string>;
  existingId?: string;
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, initiatives } = await writableInitiatives(context, request, params);
  const form = await request.formData();
  const values = { initiativeId: text(form, "initiativeId"), periodKey: text(form, "periodKey") };
  let id: string;
  try {
    if (!initiatives.some((i) => i.id === values.initiativeId))
      throw new ValidationError({
        initiativeId: "Välj insatsen som rekvisitionen gäller, bland dem du rekvirerar för.",
      });
    if (!values.periodKey)
      throw new ValidationError({ periodKey: "Välj perioden som rekvisitionen gäller." });
    id = await createRequisition(
      state.services.db,
      actorOf(state),
      association.id,
      values.initiativeId,
      values.periodKey,
    );
  } catch (error) {
    if (error instanceof RequisitionExistsError)
      return data<NewFailure>(
        { errors: error.fields, values, existingId: error.existingId },
        { status: 400 },
      );
    if (error instanceof ValidationError)
      return data<NewFailure>({ errors: error.fields, values }, { status: 400 });
    throw error;
  }
  return redirectWithNotice(`/${association.slug}/rekvisitioner/${id}/andra`, "skapad");
}

export default function RequisitionNew({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure() as NewFailure | undefined;
  const list = `/${d.slug}/rekvisitioner`;
  const title = t("requisitions.new.title");
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={list}>{t("requisitions.backToList")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("requisitions.new.intro")}</p>
      <ErrorSummary errors={failure?.errors} />
      {failure?.existingId ? (
        <p className="warning">
          <Link to={`${list}/${failure.existingId}`}>{t("requisitions.new.openExisting")}</Link>
        </p>
      ) : null}
      {d.initiatives.length === 0 ? (
        <p className="warning">{t("requisitions.new.noInitiatives")}</p>
      ) : d.chosen === null ? (
        <RouterForm method="get" action={`${list}/ny`}>
          <SelectField
            name="insats"
            label={t("requisitions.field.initiative")}
            hint={t("requisitions.new.initiativeHint")}
            required
            defaultValue=""
            options={[
              { value: "", label: t("requisitions.edit.choose") },
              ...d.initiatives.map((i) => ({ value: i.id, label: i.name })),
            ]}
          />
          <div className="button-row">
            <SubmitButton>{t("requisitions.new.continue")}</SubmitButton>
          </div>
        </RouterForm>
      ) : (
        <>
          <dl className="summary">
            <dt>{t("requisitions.field.initiative")}</dt>
            <dd>
              {d.chosen.startDate && d.chosen.endDate
                ? t("requisitions.new.initiativeDates", {
                    name: d.chosen.name,
                    start: d.chosen.startDate,
                    end: d.chosen.endDate,
                  })
                : d.chosen.name}
            </dd>
          </dl>
          {d.initiatives.length > 1 ? (
            <p>
              <Link to={`${list}/ny`}>{t("requisitions.new.otherInitiative")}</Link>
            </p>
          ) : null}
          {d.open.length === 0 ? (
            <p className="warning">
              {d.chosen.startDate
                ? t("requisitions.new.noOpenPeriods")
                : t("requisitions.new.noDates")}
            </p>
          ) : (
            <Form method="post" action={`${list}/ny`}>
              <input type="hidden" name="initiativeId" value={d.chosen.id} />
              <SelectField
                name="periodKey"
                label={t("requisitions.field.period")}
                hint={t("requisitions.new.periodHint")}
                required
                defaultValue={failure?.values.periodKey ?? d.open[0]?.key ?? ""}
                error={failure?.errors.periodKey}
                options={d.open.map((p) => ({
                  value: p.key,
                  label: t("requisitions.new.periodOption", {
                    period: periodLabel(t, p.key),
                    start: p.start,
                    end: p.end,
                  }),
                }))}
              />
              <div className="button-row">
                <SubmitButton>{t("requisitions.new.create")}</SubmitButton>
                <Link to={list}>{t("common.cancel")}</Link>
              </div>
            </Form>
          )}
          {d.existing.length ? (
            <>
              <h2>{t("requisitions.new.existingTitle")}</h2>
              <ul>
                {d.existing.map((p) => (
                  <li key={p.key}>
                    <Link to={`${list}/${p.id}`}>{periodLabel(t, p.key)}</Link> (
                    {t(`requisitions.status.${p.status}`)})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {d.notBegun ? <p>{t("requisitions.new.notBegun", { count: d.notBegun })}</p> : null}
        </>
      )}
    </main>
  );
}
