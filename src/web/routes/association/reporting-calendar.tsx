// The association's reporting calendar: quarters or tertials, how long after a period its
// report is due, when the reminder goes out, and the periods of the follow-up report. Shows the
// periods of the current year with their due dates, so the office sees what the setting means.
import { Link, useSearchParams } from "react-router";
import { todayInSweden } from "../../../applications/workflow.ts";
import {
  getReportingSettings,
  periodsBetween,
  saveReportingSettings,
} from "../../../reports/calendar.ts";
import { CADENCES } from "../../../reports/schema.ts";
import {
  actorOf,
  attempt,
  redirectWithNotice,
  requireAssociation,
  text,
} from "../../guard.server.ts";
import { Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import {
  Choices,
  type Problem,
  ProblemSummary,
  periodLabel,
  TextInput,
} from "../../ui/periodic-report-form.tsx";
import type { Route } from "./+types/reporting-calendar.ts";

const FOLLOW_UP = ["halfyear", "year", "tertial", "quarter"] as const;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "reports.manage",
  );
  const settings = await getReportingSettings(state.services.db, association.id);
  const year = Number(todayInSweden().slice(0, 4));
  return {
    slug: association.slug,
    year,
    saved: settings.version > 0,
    values: {
      version: String(settings.version),
      cadence: settings.cadence,
      dueMonthsAfter: String(settings.dueMonthsAfter),
      remindDaysBefore: String(settings.remindDaysBefore),
      followUpPeriods: settings.followUpPeriods.join(","),
      reportsFrom: settings.reportsFrom ?? "",
    } as Record<string, string>,
    periods: periodsBetween(
      settings.cadence,
      `${year}-01-01`,
      `${year}-12-31`,
      settings.dueMonthsAfter,
    ),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "reports.manage",
  );
  const form = await request.formData();
  const followUp = form.getAll("followUpPeriods").filter((v): v is string => typeof v === "string");
  const values = {
    version: text(form, "version"),
    cadence: text(form, "cadence"),
    dueMonthsAfter: text(form, "dueMonthsAfter"),
    remindDaysBefore: text(form, "remindDaysBefore"),
    followUpPeriods: followUp.join(","),
    reportsFrom: text(form, "reportsFrom"),
  };
  const result = await attempt(
    () =>
      saveReportingSettings(
        state.services.db,
        actorOf(state),
        association.id,
        Number(values.version),
        {
          cadence: values.cadence,
          dueMonthsAfter: values.dueMonthsAfter,
          remindDaysBefore: values.remindDaysBefore,
          followUpPeriods: followUp,
          reportsFrom: values.reportsFrom,
        },
      ),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(`/${association.slug}/rapporter/kalender`, "sparad");
}

export default function ReportingCalendar({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const values = failure?.values ?? d.values;
  const errors = failure?.errors ?? {};
  const v = (name: string) => values[name] ?? "";
  const problems: Problem[] = Object.entries(errors).map(([key, message]) =>
    key === "form" ? { key, message } : { key, message, href: `#${key}` },
  );
  const [params] = useSearchParams();
  const notice = !failure && params.get("klart") === "sparad";
  const list = `/${d.slug}/rapporter`;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("reporting.calendarTitle")} – Samspår`}</title>
      <p>
        <Link to={list}>{t("reporting.backToDashboard")}</Link>
      </p>
      <h1>{t("reporting.calendarTitle")}</h1>
      <p className="lead">{t("reporting.calendarIntro")}</p>
      {notice ? (
        <p className="notice" role="status">
          {t("reporting.notice.saved")}
        </p>
      ) : null}
      <ProblemSummary items={problems} />
      {errors.form ? (
        <p className="warning">
          <Link to={`${list}/kalender`} reloadDocument>
            {t("reporting.reload")}
          </Link>
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="version" value={v("version")} />
        <Choices
          name="cadence"
          label={t("reporting.cadence")}
          hint={t("reporting.cadenceHint")}
          options={CADENCES.map((c) => ({ value: c, label: t(`reporting.cadence.${c}`) }))}
          checked={v("cadence")}
          error={errors.cadence}
          mark="required"
        />
        <TextInput
          name="dueMonthsAfter"
          label={t("reporting.dueMonthsAfter")}
          hint={t("reporting.dueMonthsAfterHint")}
          inputMode="numeric"
          short
          defaultValue={v("dueMonthsAfter")}
          error={errors.dueMonthsAfter}
          mark="required"
        />
        <TextInput
          name="remindDaysBefore"
          label={t("reporting.remindDaysBefore")}
          hint={t("reporting.remindDaysBeforeHint")}
          inputMode="numeric"
          short
          defaultValue={v("remindDaysBefore")}
          error={errors.remindDaysBefore}
          mark="required"
        />
        <Choices
          type="checkbox"
          name="followUpPeriods"
          label={t("reporting.followUpPeriods")}
          hint={t("reporting.followUpPeriodsHint")}
          options={FOLLOW_UP.map((p) => ({ value: p, label: t(`reporting.followUp.${p}`) }))}
          checked={new Set(v("followUpPeriods").split(",").filter(Boolean))}
          error={errors.followUpPeriods}
          mark="required"
        />
        <TextInput
          name="reportsFrom"
          label={t("reporting.reportsFrom")}
          hint={t("reporting.reportsFromHint")}
          short
          defaultValue={v("reportsFrom")}
          error={errors.reportsFrom}
        />
        <p className="field__hint">{t("reporting.changeNote")}</p>
        <div className="button-row">
          <SubmitButton>{t("reporting.saveCalendar")}</SubmitButton>
          <Link to={list}>{t("common.cancel")}</Link>
        </div>
      </Form>

      <h2>{t("reporting.exampleTitle", { year: d.year })}</h2>
      <div className="table-wrap">
        <table>
          <caption>
            {t(d.saved ? "reporting.exampleCaption" : "reporting.exampleCaptionDefault", {
              year: d.year,
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("reporting.period")}</th>
              <th scope="col">{t("reporting.periodDates")}</th>
              <th scope="col">{t("reporting.dueDate")}</th>
            </tr>
          </thead>
          <tbody>
            {d.periods.map((p) => (
              <tr key={p.key}>
                <th scope="row">
                  {t("reporting.periodWithKey", { label: periodLabel(t, p.key), key: p.key })}
                </th>
                <td className="date">{t("reporting.fromTo", { start: p.start, end: p.end })}</td>
                <td className="date">{p.due}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
