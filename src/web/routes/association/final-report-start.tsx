// An initiative's final report: the way in from the initiative. It says what a final report
// is and, for those who may write it, starts it with a plain POST (the initiative's facts are
// filled in) and sends them on to it. If the report exists, it links to it (a page, not a
// redirect, so the address answers the same whether or not the report is started).
import { data, Link } from "react-router";
import { canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import { getInitiative } from "../../../initiatives/get-initiative.ts";
import { UUID } from "../../../platform/uuid.ts";
import {
  createFinalReport,
  FINAL_REPORT_INITIATIVE_STATUSES,
  finalReportOfInitiative,
} from "../../../reports/final-reports.ts";
import {
  actorOf,
  attempt,
  redirectWithNotice,
  requireAssociation,
  text,
} from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useT } from "../../ui/i18n.tsx";
import type { Route } from "./+types/final-report-start.ts";

type Ctx = Route.LoaderArgs["context"];
type Params = Route.LoaderArgs["params"];

/** The initiative in the URL, for a person who may see its reports: else 403, or 404. */
async function findInitiative(context: Ctx, request: Request, params: Params) {
  const access = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const { state, principal, association } = access;
  if (!canOnInitiative(principal, "report.view", association.id, params.initiativeId))
    throw data({ message: new ForbiddenError("report.view").message }, { status: 403 });
  const initiative = UUID.test(params.initiativeId)
    ? await getInitiative(state.services.db, association.id, params.initiativeId)
    : undefined;
  if (!initiative) throw data({ message: "Insatsen finns inte." }, { status: 404 });
  const canWrite = canOnInitiative(principal, "report.write", association.id, initiative.id);
  return { ...access, initiative, canWrite };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, initiative, canWrite } = await findInitiative(
    context,
    request,
    params,
  );
  const existing = await finalReportOfInitiative(state.services.db, association.id, initiative.id);
  return {
    existing: existing ?? null,
    slug: association.slug,
    initiativeId: initiative.id,
    name: initiative.name,
    canWrite,
    started: (FINAL_REPORT_INITIATIVE_STATUSES as readonly string[]).includes(initiative.status),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, initiative, canWrite } = await findInitiative(
    context,
    request,
    params,
  );
  if (!canWrite)
    throw data({ message: new ForbiddenError("report.write").message }, { status: 403 });
  const form = await request.formData();
  if (text(form, "intent") !== "create") throw data({ message: "Okänd åtgärd." }, { status: 400 });
  const result = await attempt(() =>
    createFinalReport(state.services.db, actorOf(state), association.id, initiative.id),
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(
    `/${association.slug}/slutrapporter/${result.value.id}`,
    result.value.created ? "skapad" : "finns",
  );
}

export default function FinalReportStart({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const failure = useFormFailure();
  const title = t("finalReport.start.title", { name: d.name });
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/insatser/${d.initiativeId}`}>
          {t("finalReport.backToInitiative")}
        </Link>
      </p>
      <h1>{title}</h1>
      <ErrorSummary errors={failure?.errors} />
      <p className="lead">{t("finalReport.start.intro")}</p>
      {d.existing ? (
        <>
          <p>
            {t("finalReport.start.exists", {
              status: t(`finalReport.status.${d.existing.status}`),
            })}
          </p>
          <p>
            <Link
              to={`/${d.slug}/slutrapporter/${d.existing.id}`}
              className="button button--primary"
            >
              {t("finalReport.start.open")}
            </Link>
          </p>
        </>
      ) : !d.started ? (
        <p className="warning">{t("finalReport.start.notStarted")}</p>
      ) : d.canWrite ? (
        <>
          <p>{t("finalReport.start.prefill")}</p>
          <p>{t("finalReport.start.closes")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="create" />
            <SubmitButton>{t("finalReport.start.create")}</SubmitButton>
          </Form>
        </>
      ) : (
        <p>{t("finalReport.start.noneYet")}</p>
      )}
    </main>
  );
}
