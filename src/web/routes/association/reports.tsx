// The periodic reports (domain/documents.md §2). The office and the board get a dashboard:
// how many reports are late and how many wait for review, a matrix of every initiative's
// reports over the latest periods (each cell the report's status as text, late ones with their
// due date), the late reports with their initiative leads, and a plain GET form that filters
// by period and status. An initiative's lead and steering group get their own reports, with
// what they must do next. Reports are created here from the calendar as periods begin.
// The late reports and those due within the reminder window show their latest reminder, and
// the office can send a reminder to the initiative's leads now (a plain POST form per report).
import { useEffect, useRef } from "react";
import { data, Link, Form as RouterForm, useNavigation } from "react-router";
import { can, canOnInitiative, ForbiddenError, visibleReports } from "../../../access/policy.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import { ValidationError } from "../../../platform/errors.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { UUID } from "../../../platform/uuid.ts";
import { ensurePeriodicReports, getReportingSettings } from "../../../reports/calendar.ts";
import { initiativeLeads } from "../../../reports/periodic-reports.ts";
import { lastReminders, sendReminderNow, wantsReminder } from "../../../reports/reminders.ts";
import {
  DASHBOARD_STATUSES,
  dashboardReports,
  isDashboardStatus,
  leadNames,
  matchesFilter,
  nextTask,
  periodsOf,
  summarise,
  taskFor,
} from "../../../reports/report-dashboard.ts";
import {
  actorOf,
  attempt,
  redirectWithNotice,
  requireAssociation,
  text,
} from "../../guard.server.ts";
import { Form, SelectField, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { periodLabel, STATUS_KEYS, statusText } from "../../ui/periodic-report-form.tsx";
import type { Route } from "./+types/reports.ts";

/** How many of the latest periods the matrix shows. */
const COLUMNS = 6;

/** "Kvartal 1 2026" in the middle of a sentence: "kvartal 1 2026". */
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase("sv") + s.slice(1);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association } = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const visible = visibleReports(principal, association.id);
  if (visible !== "all" && visible.length === 0)
    throw data({ message: new ForbiddenError("reports.view").message }, { status: 403 });
  const db = state.services.db;
  const today = todayInSweden();
  // the reports of the periods that have begun exist before anyone looks for them
  if (visible === "all") await ensurePeriodicReports(db, association.id, today);
  else
    for (const id of new Set(visible)) await ensurePeriodicReports(db, association.id, today, id);
  const reports = await dashboardReports(db, association.id, visible, today);
  const cell = (r: (typeof reports)[number]) => ({
    id: r.id,
    initiativeId: r.initiativeId,
    initiativeName: r.initiativeName,
    periodKey: r.periodKey,
    dueDate: r.dueDate,
    status: r.status,
    overdue: r.overdue,
    submittedLate: r.submittedLate,
  });

  if (visible !== "all") {
    const own = reports.map((r) => ({
      ...cell(r),
      periodEnd: r.periodEnd,
      task: taskFor(
        r,
        {
          write: canOnInitiative(principal, "report.write", association.id, r.initiativeId),
          steering: canOnInitiative(principal, "report.steering", association.id, r.initiativeId),
        },
        today,
      ),
    }));
    return {
      view: "own" as const,
      slug: association.slug,
      reports: own,
      next: nextTask(own) ?? null,
      initiatives: new Set(own.map((r) => r.initiativeId)).size,
      today,
    };
  }

  const url = new URL(request.url);
  const allPeriods = periodsOf(reports);
  const askedPeriod = url.searchParams.get("period") ?? "";
  const periodKey = allPeriods.some((p) => p.key === askedPeriod) ? askedPeriod : "";
  const askedStatus = url.searchParams.get("status");
  const status = isDashboardStatus(askedStatus) ? askedStatus : undefined;
  const columns = (periodKey ? [periodKey] : allPeriods.slice(0, COLUMNS).map((p) => p.key))
    .slice()
    .reverse();
  const shown = reports.filter(
    (r) => columns.includes(r.periodKey) && matchesFilter(r, { periodKey, status }),
  );
  const byInitiative = new Map<string, { id: string; name: string; cells: typeof shown }>();
  for (const r of shown) {
    const row = byInitiative.get(r.initiativeId) ?? {
      id: r.initiativeId,
      name: r.initiativeName,
      cells: [],
    };
    row.cells.push(r);
    byInitiative.set(r.initiativeId, row);
  }
  const rows = [...byInitiative.values()]
    .sort((a, b) => a.name.localeCompare(b.name, "sv"))
    .map((row) => ({
      id: row.id,
      name: row.name,
      cells: columns.map((key) => {
        const found = row.cells.find((c) => c.periodKey === key);
        return found ? cell(found) : null;
      }),
    }));
  const byDue = (a: (typeof reports)[number], b: (typeof reports)[number]) =>
    a.dueDate.localeCompare(b.dueDate) || a.initiativeName.localeCompare(b.initiativeName, "sv");
  const overdue = reports.filter((r) => r.overdue).sort(byDue);
  // the open reports due within the reminder window (their reminder goes out, or has)
  const { remindDaysBefore } = await getReportingSettings(db, association.id);
  const soon = reports
    .filter((r) => !r.overdue && wantsReminder(r, today, remindDaysBefore))
    .sort(byDue);
  const listed = [...overdue, ...soon];
  const leads = await leadNames(db, association.id, [
    ...new Set(listed.map((r) => r.initiativeId)),
  ]);
  const reminders = await lastReminders(
    db,
    listed.map((r) => r.id),
  );
  const reminderRow = (r: (typeof reports)[number]) => {
    const last = reminders[r.id];
    return {
      ...cell(r),
      leads: leads[r.initiativeId] ?? [],
      lastReminder: last ? { date: formatDate(last.sentAt), manual: last.manual } : null,
    };
  };
  // after a reminder the office sent: to whom it went (the report's leads, from the database)
  const reminded =
    url.searchParams.get("klart") === "paminnelse"
      ? reports.find((r) => r.id === url.searchParams.get("rapport"))
      : undefined;
  const notice = reminded
    ? {
        initiative: reminded.initiativeName,
        periodKey: reminded.periodKey,
        recipients: new Intl.ListFormat(state.locale, { type: "conjunction" }).format(
          (await initiativeLeads(db, reminded.initiativeId))
            .filter((l) => l.email)
            .map((l) => `${l.name} (${l.email})`),
        ),
      }
    : null;
  return {
    view: "office" as const,
    slug: association.slug,
    canManage: can(principal, "reports.manage", association.id),
    summary: summarise(reports),
    periods: allPeriods.map((p) => p.key),
    // from the loader, so that the page's browser code does not load the dashboard's queries
    statuses: [...DASHBOARD_STATUSES],
    filter: { period: periodKey, status: status ?? "" },
    columns,
    rows,
    overdue: overdue.map(reminderRow),
    soon: soon.map(reminderRow),
    remindDaysBefore,
    notice,
    total: reports.length,
  };
}

/**
 * The office sends a reminder about one report now (intent "remind"), then comes back to the
 * dashboard with the same filter and a notice naming whom it went to.
 */
export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "reports.manage",
  );
  const form = await request.formData();
  if (text(form, "intent") !== "remind") throw data({ message: "Okänd åtgärd." }, { status: 400 });
  const reportId = text(form, "report");
  if (!UUID.test(reportId))
    throw data({ message: "Välj en rapport att skicka påminnelsen om." }, { status: 400 });
  const result = await attempt(async () => {
    try {
      return await sendReminderNow(
        state.services.db,
        { mailer: state.services.mailer, baseUrl: state.services.config.baseUrl },
        actorOf(state),
        association.id,
        reportId,
      );
    } catch (error) {
      // the dashboard has no fields: each refusal is said as one message about the whole form
      if (error instanceof ValidationError)
        throw new ValidationError({ form: Object.values(error.fields).join(" ") });
      throw error;
    }
  });
  if (!result.ok) return result.failure;
  const back = new URLSearchParams({ rapport: result.value.reportId });
  for (const name of ["period", "status"]) {
    const value = text(form, name);
    if (value) back.set(name, value);
  }
  return redirectWithNotice(`/${association.slug}/rapporter?${back}`, "paminnelse");
}

const TASK_KEYS: Record<string, MessageKey> = {
  submit: "reporting.task.submit",
  complete: "reporting.task.complete",
  steering: "reporting.task.steering",
};

export default function Reports({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const d = loaderData;
  const list = `/${d.slug}/rapporter`;

  if (d.view === "own") {
    const next = d.next;
    return (
      <main id="innehall" tabIndex={-1}>
        <title>{`${t("reporting.title")} – Samspår`}</title>
        <h1>{t("reporting.title")}</h1>
        <p className="lead">{t("reporting.ownIntro")}</p>
        {next ? (
          <section className="panel" aria-labelledby="nasta-steg">
            <h2 id="nasta-steg">{t("reporting.nextTitle")}</h2>
            <p>
              {t(
                next.task === "complete"
                  ? "reporting.next.complete"
                  : next.task === "steering"
                    ? "reporting.next.steering"
                    : next.overdue
                      ? "reporting.next.overdue"
                      : "reporting.next.submit",
                {
                  initiative: next.initiativeName,
                  period: periodLabel(t, next.periodKey),
                  due: next.dueDate,
                },
              )}
            </p>
            <p>
              <Link
                to={`${list}/${next.id}${next.task === "steering" ? "/styrgrupp" : next.task ? "/andra" : ""}`}
              >
                {t(
                  next.task === "steering"
                    ? "reporting.next.steeringLink"
                    : next.task === "complete"
                      ? "reporting.next.completeLink"
                      : "reporting.next.submitLink",
                  { period: next.periodKey },
                )}
              </Link>
            </p>
          </section>
        ) : (
          <p className="notice">{t("reporting.nothingToDo")}</p>
        )}
        {d.reports.length === 0 ? (
          <p>{t("reporting.noReports")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>{t("reporting.ownCaption", { count: d.reports.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("reporting.period")}</th>
                  {d.initiatives > 1 ? <th scope="col">{t("reporting.initiative")}</th> : null}
                  <th scope="col">{t("reporting.status")}</th>
                  <th scope="col">{t("reporting.dueDate")}</th>
                  <th scope="col">{t("reporting.toDo")}</th>
                </tr>
              </thead>
              <tbody>
                {d.reports.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`${list}/${r.id}`}>
                        {d.initiatives > 1 ? (
                          <span className="visually-hidden">{`${r.initiativeName}, `}</span>
                        ) : null}
                        {periodLabel(t, r.periodKey)}
                      </Link>
                    </th>
                    {d.initiatives > 1 ? <td>{r.initiativeName}</td> : null}
                    <td>{statusText(t, r)}</td>
                    <td className="date">{r.dueDate}</td>
                    <td>
                      {r.task
                        ? t(TASK_KEYS[r.task] as MessageKey)
                        : r.status === "inskickad"
                          ? t("reporting.task.awaitingReview")
                          : r.status === "last"
                            ? t("reporting.task.done")
                            : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </main>
    );
  }

  const filtered = !!(d.filter.period || d.filter.status);
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("reporting.title")} – Samspår`}</title>
      <h1>{t("reporting.title")}</h1>
      <ReminderRefused />
      {d.notice && !failure ? (
        <p className="notice" role="status">
          {t(
            d.notice.recipients ? "reporting.notice.reminded" : "reporting.notice.remindedNoLead",
            {
              recipients: d.notice.recipients,
              initiative: d.notice.initiative,
              period: lowerFirst(periodLabel(t, d.notice.periodKey)),
            },
          )}
        </p>
      ) : null}
      {d.canManage ? (
        <p>
          <Link to={`${list}/kalender`}>{t("reporting.calendarLink")}</Link>
        </p>
      ) : null}
      <p className="lead" id="sammanfattning">
        {t("reporting.summary", {
          overdue: d.summary.overdue,
          review: d.summary.awaitingReview,
        })}{" "}
        {d.summary.returned
          ? t("reporting.summaryReturned", { returned: d.summary.returned })
          : null}
      </p>

      <RouterForm method="get" action={list}>
        <SelectField
          name="period"
          label={t("reporting.filterPeriod")}
          defaultValue={d.filter.period}
          options={[
            { value: "", label: t("reporting.latestPeriods", { count: COLUMNS }) },
            ...d.periods.map((p) => ({
              value: p,
              label: t("reporting.periodWithKey", { label: periodLabel(t, p), key: p }),
            })),
          ]}
        />
        <SelectField
          name="status"
          label={t("reporting.filterStatus")}
          defaultValue={d.filter.status}
          options={[
            { value: "", label: t("reporting.allStatuses") },
            ...d.statuses.map((s) => ({
              value: s,
              label: s === "forsenad" ? t("reporting.statusOverdue") : t(STATUS_KEYS[s]),
            })),
          ]}
        />
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            {t("reporting.show")}
          </button>
          {filtered ? <Link to={list}>{t("reporting.showAll")}</Link> : null}
        </div>
      </RouterForm>

      {d.rows.length === 0 ? (
        <p>{t(filtered ? "reporting.noneFiltered" : "reporting.noReports")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("reporting.matrixCaption", { count: d.rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reporting.initiative")}</th>
                {d.columns.map((key) => (
                  <th scope="col" key={key}>
                    {key}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.name}</th>
                  {row.cells.map((c, i) =>
                    c ? (
                      <td key={c.id}>
                        <Link to={`${list}/${c.id}`}>
                          <span className="visually-hidden">{`${row.name}, ${c.periodKey}: `}</span>
                          {statusText(t, c, true)}
                        </Link>
                        {c.submittedLate && c.status !== "aterskickad" ? (
                          <span className="field__hint"> {t("reporting.late")}</span>
                        ) : null}
                      </td>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: one cell per column
                      <td key={`none-${i}`}>
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">{t("reporting.noReport")}</span>
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="forsenade">{t("reporting.overdueTitle")}</h2>
      {d.overdue.length === 0 ? (
        <p>{t("reporting.noOverdue")}</p>
      ) : (
        <ReminderTable
          caption={t("reporting.overdueCaption", { count: d.overdue.length })}
          rows={d.overdue}
          list={list}
          canManage={d.canManage}
          filter={d.filter}
        />
      )}

      <h2 id="snart">{t("reporting.soonTitle")}</h2>
      {d.soon.length === 0 ? (
        <p>{t("reporting.noSoon", { days: d.remindDaysBefore })}</p>
      ) : (
        <ReminderTable
          caption={t("reporting.soonCaption", { count: d.soon.length, days: d.remindDaysBefore })}
          rows={d.soon}
          list={list}
          canManage={d.canManage}
          filter={d.filter}
        />
      )}
    </main>
  );
}

interface ReminderRow {
  id: string;
  initiativeName: string;
  periodKey: string;
  dueDate: string;
  status: keyof typeof STATUS_KEYS;
  leads: string[];
  lastReminder: { date: string; manual: boolean } | null;
}

/**
 * Reports the office may want to remind about: initiative, period, due date, leads, status, the
 * latest reminder (automatic or sent by the office) and, for the office, a button that sends one.
 */
function ReminderTable({
  caption,
  rows,
  list,
  canManage,
  filter,
}: {
  caption: string;
  rows: ReminderRow[];
  list: string;
  canManage: boolean;
  filter: { period: string; status: string };
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reporting.initiative")}</th>
            <th scope="col">{t("reporting.period")}</th>
            <th scope="col">{t("reporting.dueDate")}</th>
            <th scope="col">{t("reporting.lead")}</th>
            <th scope="col">{t("reporting.status")}</th>
            <th scope="col">{t("reporting.lastReminder")}</th>
            {canManage ? <th scope="col">{t("reporting.remindNow")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.initiativeName}</th>
              <td>
                <Link to={`${list}/${r.id}`}>
                  <span className="visually-hidden">{`${r.initiativeName}, `}</span>
                  {r.periodKey}
                </Link>
              </td>
              <td className="date">{r.dueDate}</td>
              <td>{r.leads.length ? r.leads.join(", ") : t("reporting.noLead")}</td>
              <td>{t(STATUS_KEYS[r.status])}</td>
              <td>
                {r.lastReminder
                  ? t(
                      r.lastReminder.manual
                        ? "reporting.reminder.manual"
                        : "reporting.reminder.automatic",
                      { date: r.lastReminder.date },
                    )
                  : t("reporting.reminder.none")}
              </td>
              {canManage ? (
                <td>
                  <ReminderButton report={r} list={list} filter={filter} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Skicka påminnelse": a POST form of its own; with JavaScript a second click while sending does nothing. */
function ReminderButton({
  report,
  list,
  filter,
}: {
  report: ReminderRow;
  list: string;
  filter: { period: string; status: string };
}) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const sending = navigation.state !== "idle" && navigation.formData?.get("report") === report.id;
  return (
    <Form
      method="post"
      action={list}
      onSubmit={(event) => {
        if (sending) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value="remind" />
      <input type="hidden" name="report" value={report.id} />
      {filter.period ? <input type="hidden" name="period" value={filter.period} /> : null}
      {filter.status ? <input type="hidden" name="status" value={filter.status} /> : null}
      <button
        type="submit"
        className="button button--secondary"
        aria-disabled={sending || undefined}
      >
        {t("reporting.remind")}
        <span className="visually-hidden">
          {t("reporting.remindWhich", {
            initiative: report.initiativeName,
            period: report.periodKey,
          })}
        </span>
      </button>
    </Form>
  );
}

/** Why the reminder was not sent (a refusal of the action), focused so that it is read out. */
function ReminderRefused() {
  const { t } = useI18n();
  const failure = useFormFailure();
  const ref = useRef<HTMLDivElement>(null);
  const message = failure ? Object.values(failure.errors).join(" ") : "";
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby="reminder-refused"
      tabIndex={-1}
      ref={ref}
    >
      <h2 id="reminder-refused">{t("reporting.remindRefused")}</h2>
      <p>{message}</p>
    </div>
  );
}
