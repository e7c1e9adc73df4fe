// One initiative's money for a year (?ar=YYYY, this year by default): per reporting period the
// budget, the approved outcome (with a link to the requisition), the ratio and the
// requisition's status; the year to date; the suggested prognosis with its reason and the
// office's prognosis with its comment and history; returned funds. Every figure states its
// definition. The office overrides the prognosis (a comment is required) and records returned
// funds; each form is a plain POST with an `intent`, answered with a redirect and a notice.
import { data, Link, useLocation, useSearchParams } from "react-router";
import { can, canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import {
  asOfForYear,
  initiativeMoney,
  listPrognosisOverrides,
  setPrognosisOverride,
} from "../../../finance/outcome.ts";
import { listReturnedFunds, recordReturnedFunds } from "../../../finance/returned-funds.ts";
import { PROGNOSES } from "../../../finance/schema.ts";
import { NotFoundError, ValidationError } from "../../../platform/errors.ts";
import { formatDateTime, formatMoney } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
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
  TextArea,
  TextInput,
} from "../../ui/periodic-report-form.tsx";
import type { Route } from "./+types/initiative-money.ts";
import { yearOf } from "./finance.server.ts";
import {
  Money,
  PROGNOSIS_KEYS,
  PrognosisTag,
  Ratio,
  REQUISITION_STATUS_KEYS,
  TableWrap,
} from "./finance-ui.tsx";

type Ctx = Route.LoaderArgs["context"];
type Params = Route.LoaderArgs["params"];

/** The initiative in the URL, for a person who may see its requisitions and outcome; else 403. */
async function moneyAccess(context: Ctx, request: Request, params: Params) {
  const access = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const { principal, association } = access;
  if (!canOnInitiative(principal, "requisition.view", association.id, params.initiativeId))
    throw data({ message: new ForbiddenError("requisition.view").message }, { status: 403 });
  return { ...access, canManage: can(principal, "finance.manage", association.id) };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, canManage } = await moneyAccess(context, request, params);
  const db = state.services.db;
  const today = todayInSweden();
  const year = yearOf(request);
  const asOf = asOfForYear(year, today);
  const m = await initiativeMoney(db, association.id, params.initiativeId, asOf).catch(
    (error: unknown) => {
      if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
      throw error;
    },
  );
  const overrides = await listPrognosisOverrides(db, association.id, m.initiativeId);
  const returned = await listReturnedFunds(db, association.id, { initiativeId: m.initiativeId });
  const periods = m.periods.filter((p) => p.year === year);
  return {
    slug: association.slug,
    initiative: { id: m.initiativeId, name: m.initiativeName },
    year,
    asOf,
    today,
    canManage,
    years: [...new Set(m.periods.map((p) => p.year))].sort(),
    band: m.band,
    budgetVersion: m.budgetVersion,
    periods: periods.map((p) => ({
      key: p.periodKey,
      start: p.start,
      end: p.end,
      ended: p.ended,
      budget: p.budget,
      outcome: p.outcome,
      ratioPercent: p.ratioPercent,
      requisition: p.requisition,
    })),
    yearTotals: {
      budget: periods.reduce((s, p) => s + p.budget, 0),
      outcome: periods.reduce((s, p) => s + p.outcome, 0),
      coFinancingBudget: periods.reduce((s, p) => s + p.coFinancingBudget, 0),
      coFinancingOutcome: periods.reduce((s, p) => s + p.coFinancingOutcome, 0),
    },
    yearToDate: m.yearToDate,
    latestPeriod: m.latestPeriod?.periodKey ?? null,
    suggested: m.suggested,
    override: m.override ? { ...m.override, setAt: formatDateTime(m.override.setAt) } : null,
    prognosis: m.prognosis,
    overrides: overrides.map((o) => ({ ...o, setAt: formatDateTime(o.setAt) })),
    returned: returned.map((r) => ({
      id: r.id,
      year: r.year,
      amount: r.amount,
      reason: r.reason,
      returnedOn: r.returnedOn,
      createdByName: r.createdByName,
    })),
  };
}

/** Each form's fields: the domain's name → the field's name (and id) on this page. */
const OVERRIDE_FIELDS = {
  periodKey: "override-period",
  prognosis: "override-prognosis",
  comment: "override-comment",
} as const;
const RETURNED_FIELDS = {
  amount: "returned-amount",
  reason: "returned-reason",
  returnedOn: "returned-on",
  year: "returned-year",
} as const;

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, canManage } = await moneyAccess(context, request, params);
  if (!canManage)
    throw data({ message: new ForbiddenError("finance.manage").message }, { status: 403 });
  const form = await request.formData();
  const intent = text(form, "intent");
  if (intent !== "prognos" && intent !== "aterforing")
    throw data({ message: "Okänd åtgärd." }, { status: 400 });
  const names: Record<string, string> = intent === "prognos" ? OVERRIDE_FIELDS : RETURNED_FIELDS;
  const values: Record<string, string> = { intent };
  for (const name of Object.values(names)) values[name] = text(form, name);
  const db = state.services.db;
  const actor = actorOf(state);
  const result = await attempt(async () => {
    try {
      if (intent === "prognos")
        await setPrognosisOverride(
          db,
          actor,
          association.id,
          params.initiativeId,
          values[OVERRIDE_FIELDS.periodKey] ?? "",
          values[OVERRIDE_FIELDS.prognosis] ?? "",
          values[OVERRIDE_FIELDS.comment] ?? "",
        );
      else
        await recordReturnedFunds(db, actor, association.id, params.initiativeId, {
          amount: values[RETURNED_FIELDS.amount],
          reason: values[RETURNED_FIELDS.reason],
          returnedOn: values[RETURNED_FIELDS.returnedOn],
          year: values[RETURNED_FIELDS.year],
        });
    } catch (error) {
      if (error instanceof ValidationError)
        throw new ValidationError(
          Object.fromEntries(Object.entries(error.fields).map(([k, m]) => [names[k] ?? k, m])),
        );
      throw error;
    }
  }, values);
  if (!result.ok) return result.failure;
  const year = yearOf(request);
  return redirectWithNotice(
    `/${association.slug}/insatser/${params.initiativeId}/ekonomi?ar=${year}#${intent === "prognos" ? "prognos" : "aterforda"}`,
    intent,
  );
}

const NOTICES: Record<string, MessageKey> = {
  prognos: "finance.notice.prognosisSaved",
  aterforing: "finance.notice.returnedSaved",
};

export default function InitiativeMoney({ loaderData: d }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const failure = useFormFailure();
  const [params] = useSearchParams();
  const { key: formKey } = useLocation();
  const notice = params.get("klart");
  const noticeKey = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined;
  const errors = failure?.errors ?? {};
  const failedIntent = failure?.values?.intent ?? "";
  const typed = (intent: string, name: string, fallback = "") =>
    failedIntent === intent ? (failure?.values?.[name] ?? fallback) : fallback;
  const problems: Problem[] = Object.entries(errors).map(([key, message]) =>
    key === "form" ? { key, message } : { key, message, href: `#${key}` },
  );
  const base = `/${d.slug}/insatser/${d.initiative.id}/ekonomi`;
  const title = t("finance.initiative.title", { name: d.initiative.name });
  const statusText = (r: NonNullable<(typeof d.periods)[number]["requisition"]>) =>
    `${t(REQUISITION_STATUS_KEYS[r.status] ?? "finance.requisition.utkast")}${
      r.status === "godkand"
        ? `, ${t(r.paymentStatus === "betald" ? "finance.payment.betald" : "finance.payment.ej_betald")}`
        : ""
    }`;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/insatser/${d.initiative.id}`}>{t("finance.backToInitiative")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("finance.initiative.intro")}</p>
      {noticeKey && !failure ? (
        <p className="notice" role="status">
          {t(noticeKey)}
        </p>
      ) : null}
      <ProblemSummary items={problems} />
      {d.years.length > 1 ? (
        <nav aria-label={t("finance.year.yearNav")}>
          <ul className="link-list">
            {d.years.map((y) =>
              y === d.year ? (
                <li key={y} aria-current="page">
                  <strong>{y}</strong>
                </li>
              ) : (
                <li key={y}>
                  <Link to={`${base}?ar=${y}`}>
                    {t("finance.initiative.showYear", { year: y })}
                  </Link>
                </li>
              ),
            )}
          </ul>
        </nav>
      ) : null}

      <section aria-labelledby="hittills">
        <h2 id="hittills">{t("finance.initiative.summaryTitle", { year: d.year })}</h2>
        <dl className="summary">
          <dt>{t("finance.initiative.ytdBudget")}</dt>
          <dd>
            <Money amount={d.yearToDate.budget} />
          </dd>
          <dt>{t("finance.initiative.ytdOutcome")}</dt>
          <dd>
            <Money amount={d.yearToDate.outcome} />
          </dd>
          <dt>{t("finance.initiative.ytdRatio")}</dt>
          <dd>
            <Ratio percent={d.yearToDate.ratioPercent} />
          </dd>
          <dt>{t("finance.initiative.coFinancing", { year: d.year })}</dt>
          <dd>
            {t("finance.initiative.coFinancingValue", {
              budget: formatMoney(d.yearTotals.coFinancingBudget, locale),
              outcome: formatMoney(d.yearTotals.coFinancingOutcome, locale),
            })}
          </dd>
          <dt>{t("finance.initiative.band")}</dt>
          <dd>{t("finance.initiative.bandValue", { low: d.band.low, high: d.band.high })}</dd>
          <dt>{t("finance.initiative.prognosis")}</dt>
          <dd>
            <PrognosisTag prognosis={d.prognosis} />{" "}
            {d.override && d.override.periodKey === d.latestPeriod
              ? t("finance.initiative.prognosisByOffice", {
                  name: d.override.setByName,
                  at: d.override.setAt,
                })
              : t("finance.prognosis.suggested")}
          </dd>
          <dt>{t("finance.initiative.suggested")}</dt>
          <dd>
            {t(PROGNOSIS_KEYS[d.suggested.prognosis])}. {d.suggested.reason}
          </dd>
          {d.override && d.override.periodKey === d.latestPeriod ? (
            <>
              <dt>{t("finance.initiative.officeComment")}</dt>
              <dd>{d.override.comment}</dd>
            </>
          ) : null}
        </dl>
        <p className="field__hint">
          {d.yearToDate.periods.length
            ? t("finance.initiative.ytdPeriods", {
                periods: d.yearToDate.periods.join(", "),
                asOf: d.asOf,
              })
            : t("finance.initiative.noEndedPeriods", { asOf: d.asOf })}
        </p>
      </section>

      <section aria-labelledby="perioder">
        <h2 id="perioder">{t("finance.initiative.periodsTitle")}</h2>
        <details>
          <summary>{t("finance.definitions.summary")}</summary>
          <ul>
            <li>
              {d.budgetVersion === null
                ? t("finance.definitions.noBudget")
                : t("finance.definitions.budgetVersion", { version: d.budgetVersion })}
            </li>
            <li>{t("finance.definitions.outcome")}</li>
            <li>{t("finance.definitions.periodRatio")}</li>
            <li>{t("finance.definitions.ytdRatio")}</li>
            <li>{t("finance.definitions.coFinancing")}</li>
          </ul>
        </details>
        {d.periods.length === 0 ? (
          <p>{t("finance.initiative.noPeriods", { year: d.year })}</p>
        ) : (
          <TableWrap label={t("finance.initiative.periodsCaption", { year: d.year })}>
            <table>
              <caption>{t("finance.initiative.periodsCaption", { year: d.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("finance.initiative.period")}</th>
                  <th scope="col" className="num">
                    {t("finance.initiative.budget")}
                  </th>
                  <th scope="col" className="num">
                    {t("finance.initiative.outcome")}
                  </th>
                  <th scope="col" className="num">
                    {t("finance.initiative.ratio")}
                  </th>
                  <th scope="col">{t("finance.initiative.requisition")}</th>
                </tr>
              </thead>
              <tbody>
                {d.periods.map((p) => (
                  <tr key={p.key}>
                    <th scope="row">
                      {periodLabel(t, p.key)}
                      <span className="field__hint">
                        <br />
                        {t(p.ended ? "finance.initiative.ended" : "finance.initiative.notEnded", {
                          end: p.end,
                        })}
                      </span>
                    </th>
                    <td className="num">
                      <Money amount={p.budget} />
                    </td>
                    <td className="num">
                      {p.requisition?.status === "godkand" ? (
                        <Link to={`/${d.slug}/rekvisitioner/${p.requisition.id}`}>
                          <Money amount={p.outcome} />
                          <span className="visually-hidden">
                            {" "}
                            {t("finance.initiative.openRequisition", { period: p.key })}
                          </span>
                        </Link>
                      ) : (
                        <Money amount={p.outcome} />
                      )}
                    </td>
                    <td className="num">
                      {p.ended || p.requisition?.status === "godkand" ? (
                        <Ratio percent={p.ratioPercent} />
                      ) : (
                        <span className="field__hint">{t("finance.initiative.ratioLater")}</span>
                      )}
                    </td>
                    <td>
                      {p.requisition ? (
                        <Link to={`/${d.slug}/rekvisitioner/${p.requisition.id}`}>
                          {statusText(p.requisition)}
                          <span className="visually-hidden"> ({p.key})</span>
                        </Link>
                      ) : (
                        t("finance.initiative.noRequisition")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("finance.initiative.ytdRow")}</th>
                  <td className="num">
                    <Money amount={d.yearToDate.budget} />
                  </td>
                  <td className="num">
                    <Money amount={d.yearToDate.outcome} />
                  </td>
                  <td className="num">
                    <Ratio percent={d.yearToDate.ratioPercent} />
                  </td>
                  <td />
                </tr>
                <tr>
                  <th scope="row">{t("finance.initiative.yearRow", { year: d.year })}</th>
                  <td className="num">
                    <Money amount={d.yearTotals.budget} />
                  </td>
                  <td className="num">
                    <Money amount={d.yearTotals.outcome} />
                  </td>
                  <td />
                  <td />
                </tr>
              </tfoot>
            </table>
          </TableWrap>
        )}
      </section>

      <section aria-labelledby="prognos">
        <h2 id="prognos" tabIndex={-1}>
          {t("finance.override.title")}
        </h2>
        {d.canManage ? (
          d.latestPeriod ? (
            <Form method="post" action={`${base}?ar=${d.year}`} key={`override-${formKey}`}>
              <input type="hidden" name="intent" value="prognos" />
              <input type="hidden" name={OVERRIDE_FIELDS.periodKey} value={d.latestPeriod} />
              <p>{t("finance.override.intro", { period: periodLabel(t, d.latestPeriod) })}</p>
              {errors[OVERRIDE_FIELDS.periodKey] ? (
                <p className="field__error" id={OVERRIDE_FIELDS.periodKey}>
                  {errors[OVERRIDE_FIELDS.periodKey]}
                </p>
              ) : null}
              <Choices
                name={OVERRIDE_FIELDS.prognosis}
                label={t("finance.override.prognosis")}
                options={PROGNOSES.map((p) => ({ value: p, label: t(PROGNOSIS_KEYS[p]) }))}
                checked={typed("prognos", OVERRIDE_FIELDS.prognosis, d.prognosis)}
                error={errors[OVERRIDE_FIELDS.prognosis]}
                mark="required"
              />
              <TextArea
                name={OVERRIDE_FIELDS.comment}
                label={t("finance.override.comment")}
                hint={t("finance.override.commentHint")}
                rows={3}
                defaultValue={typed("prognos", OVERRIDE_FIELDS.comment)}
                error={errors[OVERRIDE_FIELDS.comment]}
                mark="required"
              />
              <SubmitButton>{t("finance.override.submit")}</SubmitButton>
            </Form>
          ) : (
            <p>{t("finance.override.noPeriod")}</p>
          )
        ) : null}
        {d.overrides.length === 0 ? (
          <p>{t("finance.override.noHistory")}</p>
        ) : (
          <TableWrap label={t("finance.override.historyCaption")}>
            <table>
              <caption>{t("finance.override.historyCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("finance.override.setAt")}</th>
                  <th scope="col">{t("finance.initiative.period")}</th>
                  <th scope="col">{t("finance.override.prognosis")}</th>
                  <th scope="col">{t("finance.override.comment")}</th>
                  <th scope="col">{t("finance.override.setBy")}</th>
                </tr>
              </thead>
              <tbody>
                {d.overrides.map((o) => (
                  <tr key={o.id}>
                    <th scope="row" className="date">
                      {o.setAt}
                    </th>
                    <td>{o.periodKey}</td>
                    <td>
                      <PrognosisTag prognosis={o.prognosis} />
                    </td>
                    <td>{o.comment}</td>
                    <td>{o.setByName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section aria-labelledby="aterforda">
        <h2 id="aterforda" tabIndex={-1}>
          {t("finance.returned.title")}
        </h2>
        <p className="field__hint">{t("finance.returned.definition")}</p>
        {d.returned.length === 0 ? (
          <p>{t("finance.returned.none")}</p>
        ) : (
          <TableWrap label={t("finance.returned.caption")}>
            <table>
              <caption>{t("finance.returned.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("finance.returned.returnedOn")}</th>
                  <th scope="col">{t("finance.returned.year")}</th>
                  <th scope="col" className="num">
                    {t("finance.returned.amount")}
                  </th>
                  <th scope="col">{t("finance.returned.reason")}</th>
                  <th scope="col">{t("finance.returned.by")}</th>
                </tr>
              </thead>
              <tbody>
                {d.returned.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" className="date">
                      {r.returnedOn}
                    </th>
                    <td>{r.year}</td>
                    <td className="num">
                      <Money amount={r.amount} />
                    </td>
                    <td>{r.reason}</td>
                    <td>{r.createdByName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {d.canManage ? (
          <>
            <h3>{t("finance.returned.formTitle")}</h3>
            <Form method="post" action={`${base}?ar=${d.year}`} key={`returned-${formKey}`}>
              <input type="hidden" name="intent" value="aterforing" />
              <TextInput
                name={RETURNED_FIELDS.amount}
                label={t("finance.returned.amountLabel")}
                hint={t("finance.returned.amountHint")}
                inputMode="numeric"
                short
                defaultValue={typed("aterforing", RETURNED_FIELDS.amount)}
                error={errors[RETURNED_FIELDS.amount]}
                mark="required"
              />
              <TextArea
                name={RETURNED_FIELDS.reason}
                label={t("finance.returned.reasonLabel")}
                hint={t("finance.returned.reasonHint")}
                rows={3}
                defaultValue={typed("aterforing", RETURNED_FIELDS.reason)}
                error={errors[RETURNED_FIELDS.reason]}
                mark="required"
              />
              <TextInput
                name={RETURNED_FIELDS.returnedOn}
                type="date"
                label={t("finance.returned.returnedOnLabel")}
                hint={t("finance.returned.returnedOnHint")}
                short
                defaultValue={typed("aterforing", RETURNED_FIELDS.returnedOn, d.today)}
                error={errors[RETURNED_FIELDS.returnedOn]}
                mark="required"
              />
              <TextInput
                name={RETURNED_FIELDS.year}
                label={t("finance.returned.yearLabel")}
                hint={t("finance.returned.yearHint")}
                inputMode="numeric"
                short
                defaultValue={typed("aterforing", RETURNED_FIELDS.year, String(d.year))}
                error={errors[RETURNED_FIELDS.year]}
              />
              <SubmitButton>{t("finance.returned.submit")}</SubmitButton>
            </Form>
          </>
        ) : null}
      </section>
    </main>
  );
}
