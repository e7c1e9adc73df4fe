// One enrollment's progression measurements, for its participant officer: per instrument version
// a table of every score (total, subscales, items) at each measurement with the change from the
// zero-point, the occasions due under the plan with a link to the interview form, and each
// measurement's correction (the same form) and removal as a felregistrering with a reason. Reads
// and changes are written to the register's access log.
import { data, Link } from "react-router";
import { formatDate, formatNumber } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import {
  REMOVAL_REASONS,
  type RemovalReason,
  removeMeasurement,
} from "../../../progression/measurements.ts";
import { scoreByKey, scoreKeys } from "../../../progression/scoring.ts";
import { attempt, redirectWithNotice } from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import { useWorkflow } from "../../ui/workflow-panels.tsx";
import { renamingProblems, requireRegister } from "../register/register-access.server.ts";
import { identityText } from "../register/register-ui.tsx";
import type { Route } from "./+types/enrollment-measurements.ts";
import { measurementsFor } from "./measure-access.server.ts";
import { MODE_KEYS, occasionText, STATUS_KEYS, textOf } from "./measure-ui.tsx";

const REASON_KEYS: Record<RemovalReason, MessageKey> = {
  fel_deltagare: "progression.measure.reason.fel_deltagare",
  dubblett: "progression.measure.reason.dubblett",
  fel_instrument: "progression.measure.reason.fel_instrument",
  fel_tillfalle: "progression.measure.reason.fel_tillfalle",
};

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const register = await requireRegister(context, request, params.association);
  const read = await measurementsFor(register, params.enrollmentId ?? "");
  return {
    slug: register.association.slug,
    enrollment: {
      ...read.enrollment,
      startDate: formatDate(read.enrollment.startDate),
      endDate: read.enrollment.endDate ? formatDate(read.enrollment.endDate) : "",
    },
    hasPlan: read.plan !== null,
    versions: read.versions.map((v) => {
      const own = read.measurements.filter((m) => m.instrumentVersionId === v.id);
      return {
        id: v.id,
        name: v.instrumentName,
        number: v.number,
        licence: v.licence,
        rows: scoreKeys(v.definition).map((key) => ({
          key,
          label:
            key === "total"
              ? null
              : key.startsWith("delskala:")
                ? (v.definition.subscales.find((s) => `delskala:${s.key}` === key)?.name ?? null)
                : (v.definition.items.find((i) => `fraga:${i.key}` === key)?.text ?? null),
          kind: key === "total" ? "total" : key.startsWith("delskala:") ? "subscale" : "item",
          cells: own.map((m) => ({
            score: scoreByKey(m.scores, key),
            change: m.change ? (m.change[key] ?? null) : null,
          })),
        })),
        measurements: own.map((m) => ({
          id: m.id,
          version: m.version,
          occasion: m.occasion,
          measuredOn: formatDate(m.measuredOn),
          mode: m.mode,
          recordedByName: m.recordedByName,
        })),
      };
    }),
    due: read.due
      .filter((o) => o.status !== "klar")
      .map((o) => ({
        key: `${o.instrumentVersionId}-${o.occasion}-${o.number}`,
        versionId: o.instrumentVersionId,
        name: read.versions.find((v) => v.id === o.instrumentVersionId)?.instrumentName ?? {
          sv: "",
        },
        occasion: o.occasion,
        number: o.number,
        dueOn: formatDate(o.dueOn),
        status: o.status,
      })),
    reasons: [...REMOVAL_REASONS],
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const register = await requireRegister(context, request, params.association);
  const read = await measurementsFor(register, params.enrollmentId ?? "");
  const form = await request.formData();
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const values = {
    measurementId: field("measurementId"),
    version: field("version"),
    reason: field("reason"),
  };
  const measurement = read.measurements.find((m) => m.id === values.measurementId);
  if (!measurement)
    return data(
      {
        errors: {
          form: "Mätningen finns inte längre (någon kan ha tagit bort den). Ladda om sidan och kontrollera mätningarna.",
        },
        values,
      },
      { status: 409 },
    );
  const result = await attempt(
    () =>
      renamingProblems(
        () =>
          removeMeasurement(
            register.db,
            register,
            measurement.id,
            Number(values.version),
            values.reason,
          ),
        // the error summary links to the reason of this measurement's form
        { reason: `reason-${measurement.id}` },
      ),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(
    `/${register.association.slug}/deltagare/${read.enrollment.id}/matningar`,
    "borttagen",
  );
}

export default function EnrollmentMeasurements({ loaderData: d }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { errors, noticeKey, failure } = useWorkflow({
    borttagen: "progression.measure.enrollment.removed",
    sparad: "progression.measure.enrollment.saved",
    rattad: "progression.measure.enrollment.corrected",
  });
  const who = identityText(t, d.enrollment);
  const title = t("progression.measure.enrollment.title", { participant: who });
  const base = `/${d.slug}/deltagare/${d.enrollment.id}`;
  const number = (n: number | null) => (n === null ? "–" : formatNumber(n, locale));
  const signed = (n: number) =>
    n > 0 ? `+${formatNumber(n, locale)}` : n < 0 ? `−${formatNumber(-n, locale)}` : "±0";
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={base}>{t("progression.measure.enrollment.back")}</Link>
      </p>
      <h1>{title}</h1>
      {noticeKey ? (
        <p className="notice" role="status">
          {t(noticeKey)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <dl className="summary">
        <dt>{t("progression.measure.initiative")}</dt>
        <dd>{d.enrollment.initiativeName}</dd>
        <dt>{t("progression.measure.enrollment.period")}</dt>
        <dd>
          {d.enrollment.endDate
            ? `${d.enrollment.startDate} – ${d.enrollment.endDate}`
            : t("progression.measure.enrollment.since", { date: d.enrollment.startDate })}
        </dd>
      </dl>
      <p>{t("register.loggedNote")}</p>
      {!d.hasPlan ? <p>{t("progression.measure.enrollment.noPlan")}</p> : null}
      {d.enrollment.voided ? <p>{t("progression.measure.enrollment.voided")}</p> : null}

      {d.due.length > 0 ? (
        <section aria-labelledby="att-gora">
          <h2 id="att-gora">{t("progression.measure.enrollment.dueTitle")}</h2>
          <ul>
            {d.due.map((o) => (
              <li key={o.key}>
                {`${textOf(o.name, locale)}, ${occasionText(t, o.occasion, o.number)}: ${t(STATUS_KEYS[o.status])} (${o.dueOn}). `}
                {o.status === "kommande" ? null : (
                  <Link to={`${base}/matningar/ny?version=${o.versionId}&tillfalle=${o.occasion}`}>
                    {t("progression.measure.due.enterFor", {
                      occasion: occasionText(t, o.occasion, o.number),
                      participant: who,
                    })}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.hasPlan && !d.enrollment.voided ? (
        <p>
          <Link className="button button--primary" to={`${base}/matningar/ny`}>
            {t("progression.measure.enrollment.new")}
          </Link>
        </p>
      ) : null}

      {d.versions.map((v) => (
        <section key={v.id} aria-labelledby={`v-${v.id}`}>
          <h2 id={`v-${v.id}`}>
            {t("progression.measure.versionName", {
              name: textOf(v.name, locale),
              number: v.number,
            })}
          </h2>
          {v.licence ? <p>{v.licence}</p> : null}
          {v.measurements.length === 0 ? (
            <p>{t("progression.measure.enrollment.noneYet")}</p>
          ) : (
            <>
              <TableWrap
                label={t("progression.measure.enrollment.scores", { name: textOf(v.name, locale) })}
              >
                <table>
                  <caption>
                    {t("progression.measure.enrollment.scores", { name: textOf(v.name, locale) })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("progression.measure.enrollment.score")}</th>
                      {v.measurements.map((m) => (
                        <th scope="col" className="num" key={m.id}>
                          {occasionText(t, m.occasion)} {m.measuredOn}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {v.rows.map((r) => (
                      <tr key={r.key}>
                        <th scope="row">
                          {r.kind === "total"
                            ? t("progression.measure.enrollment.total")
                            : r.kind === "subscale"
                              ? t("progression.measure.enrollment.subscale", {
                                  name: r.label ? textOf(r.label, locale) : r.key,
                                })
                              : r.label
                                ? textOf(r.label, locale)
                                : r.key}
                        </th>
                        {r.cells.map((c, i) => (
                          <td className="num" key={v.measurements[i]?.id ?? i}>
                            {number(c.score)}
                            {c.change !== null ? (
                              <>
                                {" "}
                                <span className="visually-hidden">
                                  {t("progression.measure.enrollment.changeLabel")}
                                </span>
                                {`(${signed(c.change)})`}
                              </>
                            ) : null}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <p>{t("progression.measure.enrollment.changeNote")}</p>
              <h3>{t("progression.measure.enrollment.listTitle")}</h3>
              <ul>
                {v.measurements.map((m) => {
                  const label = `${occasionText(t, m.occasion)} ${m.measuredOn}`;
                  return (
                    <li key={m.id}>
                      {t("progression.measure.enrollment.entry", {
                        occasion: label,
                        mode: t(MODE_KEYS[m.mode]),
                        name: m.recordedByName,
                      })}{" "}
                      <Link
                        to={`${base}/matningar/ny?matning=${m.id}`}
                        aria-label={t("progression.measure.enrollment.correctOf", {
                          occasion: label,
                        })}
                      >
                        {t("progression.measure.enrollment.correct")}
                      </Link>
                      <details open={failure?.values?.measurementId === m.id}>
                        <summary>
                          {t("progression.measure.enrollment.removeOf", { occasion: label })}
                        </summary>
                        <Form method="post">
                          <input type="hidden" name="measurementId" value={m.id} />
                          <input type="hidden" name="version" value={String(m.version)} />
                          <div
                            className={errors[`reason-${m.id}`] ? "field field--error" : "field"}
                          >
                            <label htmlFor={`reason-${m.id}`}>
                              {t("progression.measure.enrollment.reason")}
                            </label>
                            {errors[`reason-${m.id}`] ? (
                              <p className="field__error" id={`reason-${m.id}-error`}>
                                {errors[`reason-${m.id}`]}
                              </p>
                            ) : null}
                            <select
                              id={`reason-${m.id}`}
                              name="reason"
                              className="input"
                              defaultValue=""
                              aria-describedby={
                                errors[`reason-${m.id}`] ? `reason-${m.id}-error` : undefined
                              }
                            >
                              <option value="">{t("register.choose")}</option>
                              {d.reasons.map((r) => (
                                <option key={r} value={r}>
                                  {t(REASON_KEYS[r])}
                                </option>
                              ))}
                            </select>
                          </div>
                          <SubmitButton variant="danger">
                            {t("progression.measure.enrollment.remove")}
                          </SubmitButton>
                        </Form>
                      </details>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </section>
      ))}
    </main>
  );
}
