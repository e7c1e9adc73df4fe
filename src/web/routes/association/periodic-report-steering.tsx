// Section 2.6 of a periodic report: the steering group's analysis of goal fulfilment, budget,
// deviations and the implementation plan, with who wrote it and when. The steering group may
// write it until the office locks the report; the form carries the version it was read at.
import { data, Link } from "react-router";
import { canOnInitiative, ForbiddenError, visibleReports } from "../../../access/policy.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import { STEERING_TEXT_FIELDS } from "../../../reports/periodic-report-content.ts";
import { getPeriodicReport, saveSteeringAnalysis } from "../../../reports/periodic-reports.ts";
import { actorOf, attempt, redirectWithNotice, requireAssociation } from "../../guard.server.ts";
import { Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import {
  type Problem,
  ProblemSummary,
  periodLabel,
  TextArea,
  TextInput,
} from "../../ui/periodic-report-form.tsx";
import type { Route } from "./+types/periodic-report-steering.ts";

type Ctx = Route.LoaderArgs["context"];
type Params = Route.LoaderArgs["params"];

/** The report in the URL, for a person who may write 2.6: else 403, or 404 if there is none. */
async function steeringReport(context: Ctx, request: Request, params: Params) {
  const access = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const { state, principal, association } = access;
  const visible = visibleReports(principal, association.id);
  if (visible !== "all" && visible.length === 0)
    throw data({ message: new ForbiddenError("report.steering").message }, { status: 403 });
  const report = await getPeriodicReport(state.services.db, association.id, params.reportId);
  if (!report) throw data({ message: "Rapporten finns inte." }, { status: 404 });
  if (!canOnInitiative(principal, "report.steering", association.id, report.initiativeId))
    throw data({ message: new ForbiddenError("report.steering").message }, { status: 403 });
  return { ...access, report };
}

const FIELDS = [...STEERING_TEXT_FIELDS.map((f) => f.key), "writtenBy", "writtenOn"] as const;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { association, principal, report: r } = await steeringReport(context, request, params);
  const s = r.steeringAnalysis;
  return {
    slug: association.slug,
    id: r.id,
    locked: r.status === "last",
    initiativeName: r.initiativeName,
    periodKey: r.periodKey,
    values: {
      version: String(r.version),
      goalFulfilment: s.goalFulfilment ?? "",
      budget: s.budget ?? "",
      deviations: s.deviations ?? "",
      implementationPlan: s.implementationPlan ?? "",
      writtenBy: s.writtenBy || principal.name,
      writtenOn: s.writtenOn ?? todayInSweden(),
    } as Record<string, string>,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, report: r } = await steeringReport(context, request, params);
  const form = await request.formData();
  const values: Record<string, string> = { version: String(form.get("version") ?? "") };
  for (const key of FIELDS) {
    const value = form.get(key);
    values[key] = typeof value === "string" ? value : "";
  }
  const result = await attempt(
    () =>
      saveSteeringAnalysis(
        state.services.db,
        actorOf(state),
        association.id,
        r.id,
        Number(values.version),
        {
          goalFulfilment: values.goalFulfilment ?? "",
          budget: values.budget ?? "",
          deviations: values.deviations ?? "",
          implementationPlan: values.implementationPlan ?? "",
          writtenBy: values.writtenBy ?? "",
          writtenOn: values.writtenOn ?? "",
        },
      ),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(`/${association.slug}/rapporter/${r.id}`, "styrgrupp-sparad");
}

export default function PeriodicReportSteering({ loaderData: r }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const values = failure?.values ?? r.values;
  const errors = failure?.errors ?? {};
  const v = (name: string) => values[name] ?? "";
  const detail = `/${r.slug}/rapporter/${r.id}`;
  const title = t("periodicReport.steeringEditTitle", {
    initiative: r.initiativeName,
    period: periodLabel(t, r.periodKey),
  });

  if (r.locked) {
    return (
      <main id="innehall" tabIndex={-1}>
        <title>{`${t("periodicReport.notEditableTitle")} – Samspår`}</title>
        <h1>{t("periodicReport.notEditableTitle")}</h1>
        <p className="warning">{t("periodicReport.notEditableLocked")}</p>
        <p>
          <Link to={detail}>{t("periodicReport.backToReport")}</Link>
        </p>
      </main>
    );
  }

  const problems: Problem[] = Object.entries(errors).map(([key, message]) =>
    key === "form" || key === "status" ? { key, message } : { key, message, href: `#${key}` },
  );
  const markup = t("applicationForm.markupHint");
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={detail}>{t("periodicReport.backToReport")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("periodicReport.steeringIntro")}</p>
      <ProblemSummary items={problems} />
      {errors.form ? (
        <p className="warning">
          {t("periodicReport.conflictHelp")}{" "}
          <Link to={`${detail}/styrgrupp`} reloadDocument>
            {t("periodicReport.reloadLatest")}
          </Link>
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="version" value={v("version")} />
        {STEERING_TEXT_FIELDS.map((f) => (
          <TextArea
            key={f.key}
            name={f.key}
            label={t(`periodicReport.steeringField.${f.key}`)}
            hint={t(`periodicReport.steeringHint.${f.key}`)}
            note={markup}
            defaultValue={v(f.key)}
            error={errors[f.key]}
          />
        ))}
        <TextInput
          name="writtenBy"
          label={t("periodicReport.writtenBy")}
          hint={t("periodicReport.writtenByHint")}
          defaultValue={v("writtenBy")}
          error={errors.writtenBy}
        />
        <TextInput
          name="writtenOn"
          type="date"
          label={t("periodicReport.writtenOn")}
          hint={t("periodicReport.dateHint")}
          short
          defaultValue={v("writtenOn")}
          error={errors.writtenOn}
        />
        <div className="button-row">
          <SubmitButton>{t("periodicReport.saveSteering")}</SubmitButton>
          <Link to={detail}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </main>
  );
}
