// One requisition: the office's reason when it was returned (prominently, until it comes back),
// the amounts claimed per cost category beside the period's budget, the co-financing, the
// attachments to download and the history. The workflow's panels, each for those allowed and
// only in the status it belongs to: submitting (the lead or the office; a warning when there is
// no attachment), returning with a reason and approving (the office), and recording the payment.
// Every action is a plain POST form with an `intent` and the version it was read at.
import { Link } from "react-router";
import {
  BUDGET_CATEGORIES,
  type BudgetCategory,
  type CoFinancingKind,
} from "../../../applications/content.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import { lineKey } from "../../../finance/lines.ts";
import {
  approveRequisition,
  markRequisitionPaid,
  returnRequisition,
  submitRequisition,
} from "../../../finance/requisitions.ts";
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
} from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { ratioPercent, sumKronor } from "../../../platform/money.ts";
import { TextArea } from "../../ui/fields.tsx";
import { SubmitButton, TextField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { periodLabel } from "../../ui/periodic-report-form.tsx";
import { TextLines } from "../../ui/rich-text.tsx";
import {
  ActionOutcome,
  IntentForm,
  Panel,
  problemsOf,
  ReturnedNote,
  useWorkflow,
} from "../../ui/workflow-panels.tsx";
import { runIntent } from "../../workflow-actions.server.ts";
import type { Route } from "./+types/requisition.ts";
import { findRequisition, mailDeps } from "./requisition-access.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const {
    association,
    requisition: r,
    allowed,
    open,
  } = await findRequisition(context, request, params);
  const forbund = (lines: typeof r.lines, category: string) =>
    sumKronor(
      lines.filter((l) => l.source === "forbund" && l.category === category).map((l) => l.amount),
    );
  // co-financing: every party, kind and category that is budgeted or claimed
  const co = new Map<
    string,
    {
      partyName: string;
      coKind: CoFinancingKind;
      category: BudgetCategory;
      budget: number | null;
      claimed: number | null;
    }
  >();
  for (const l of r.budget.lines.filter((x) => x.source === "medfinansiering"))
    co.set(lineKey(l), {
      partyName: l.partyName ?? "",
      coKind: l.coKind ?? "pengar",
      category: l.category,
      budget: l.amount,
      claimed: null,
    });
  for (const l of r.lines.filter((x) => x.source === "medfinansiering")) {
    const known = co.get(lineKey(l));
    if (known) known.claimed = l.amount;
    else
      co.set(lineKey(l), {
        partyName: l.partyName ?? "",
        coKind: l.coKind ?? "pengar",
        category: l.category,
        budget: null,
        claimed: l.amount,
      });
  }
  return {
    slug: association.slug,
    id: r.id,
    version: r.version,
    status: r.status,
    open,
    initiative: { id: r.initiativeId, name: r.initiativeName },
    periodKey: r.periodKey,
    periodStart: formatDate(r.periodStart),
    periodEnd: formatDate(r.periodEnd),
    note: r.note,
    returnReason: r.status === "aterskickad" ? (r.returnReason ?? "") : "",
    submittedAt: r.submittedAt ? formatDateTime(r.submittedAt) : "",
    approvedAt: r.approvedAt ? formatDateTime(r.approvedAt) : "",
    approvedByName: r.approvedByName ?? "",
    paymentStatus: r.paymentStatus,
    paidOn: r.paidOn ? formatDate(r.paidOn) : "",
    hasBudget: r.budget.budgetVersion !== null,
    categories: BUDGET_CATEGORIES.map((category) => ({
      category,
      budget: forbund(r.budget.lines, category),
      claimed: forbund(r.lines, category),
    })),
    totals: {
      budget: r.budget.totals.association,
      claimed: r.totals.association,
      coBudget: r.budget.totals.coFinancing,
      coClaimed: r.totals.coFinancing,
      ratio: ratioPercent(r.totals.association, r.budget.totals.association),
    },
    coRows: [...co.values()],
    attachments: r.attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      sizeBytes: a.sizeBytes,
      uploadedAt: formatDateTime(a.uploadedAt),
      uploadedBy: a.uploadedByName ?? "",
    })),
    events: r.events.map((e) => ({
      id: e.id,
      event: e.event,
      note: e.note ?? "",
      by: e.actorName,
      at: formatDateTime(e.createdAt),
      association: e.association,
    })),
    today: todayInSweden(),
    allowed,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, requisition, allowed, open } = await findRequisition(
    context,
    request,
    params,
  );
  const deps = mailDeps(state);
  const pending = requisition.status === "inskickad";
  return runIntent(request, state, {
    // each action's fields: the domain's name for a field → the form field's name (and id)
    fields: {
      submit: {},
      return: { reason: "return-reason" },
      approve: {},
      pay: { paidOn: "paid-on" },
    },
    permitted: {
      submit: allowed.write && (open || pending),
      return: allowed.manage,
      approve: allowed.manage,
      pay: allowed.manage,
    },
    permission: "requisition.write",
    needs: { return: "finance.manage", approve: "finance.manage", pay: "finance.manage" },
    run: async (intent, { field, version, db, actor }) => {
      switch (intent) {
        case "submit":
          await submitRequisition(db, deps, actor, association.id, requisition.id, version);
          return "inskickad";
        case "return":
          await returnRequisition(
            db,
            deps,
            actor,
            association.id,
            requisition.id,
            version,
            field("reason"),
          );
          return "aterskickad";
        case "approve":
          await approveRequisition(db, deps, actor, association.id, requisition.id, version);
          return "godkand";
        case "pay":
          await markRequisitionPaid(
            db,
            actor,
            association.id,
            requisition.id,
            version,
            field("paidOn"),
          );
          return "betald";
      }
    },
    done: `/${association.slug}/rekvisitioner/${requisition.id}`,
  });
}

const NOTICES: Record<string, MessageKey> = {
  skapad: "requisitions.notice.created",
  sparad: "requisitions.notice.saved",
  inskickad: "requisitions.notice.submitted",
  aterskickad: "requisitions.notice.returned",
  godkand: "requisitions.notice.approved",
  betald: "requisitions.notice.paid",
};

const EVENTS: Record<string, MessageKey> = {
  skapad: "requisitions.event.skapad",
  sparad: "requisitions.event.sparad",
  inskickad: "requisitions.event.inskickad",
  aterskickad: "requisitions.event.aterskickad",
  godkand: "requisitions.event.godkand",
  betald: "requisitions.event.betald",
  bilaga_tillagd: "requisitions.event.bilaga_tillagd",
  bilaga_borttagen: "requisitions.event.bilaga_borttagen",
};

export default function Requisition({ loaderData: r }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { failure, formKey, noticeKey, errors, failedIntent, value } = useWorkflow(NOTICES);
  const base = `/${r.slug}/rekvisitioner/${r.id}`;
  const money = (n: number) => formatMoney(n, locale);
  const period = periodLabel(t, r.periodKey);
  const title = t("requisitions.view.title", { initiative: r.initiative.name, period });
  const { allowed } = r;
  const show = {
    edit: allowed.write && r.open,
    submit: allowed.write && r.open,
    review: allowed.manage && r.status === "inskickad",
    pay: allowed.manage && r.status === "godkand" && r.paymentStatus === "ej_betald",
  };
  // a refused submission without amounts links to the amounts on the edit page
  const problems = problemsOf(errors, {
    onEditPage: (key) => failedIntent === "submit" && key === "lines",
    editPage: `${base}/andra`,
    label: (key) => (key === "lines" ? t("requisitions.view.amountsTitle") : undefined),
  });
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? t("requisitions.kilobytes", {
          size: formatNumber(Math.max(1, Math.ceil(bytes / 1024)), locale),
        })
      : t("requisitions.megabytes", {
          size: formatNumber(Math.ceil((bytes / (1024 * 1024)) * 10) / 10, locale),
        });
  const optional = (n: number | null) => (n === null ? "–" : money(n));

  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${r.slug}/rekvisitioner`}>{t("requisitions.backToList")}</Link>
      </p>
      <h1>{title}</h1>
      <ActionOutcome
        notice={noticeKey && !failure ? t(noticeKey) : null}
        problems={problems}
        reload={errors.form ? { to: base, label: t("requisitions.reload") } : null}
      />
      {r.returnReason ? (
        <ReturnedNote
          title={t("requisitions.view.returnedTitle")}
          message={r.returnReason}
          help={allowed.write ? t("requisitions.view.returnedHelp") : null}
        />
      ) : null}

      <dl className="summary">
        <dt>{t("requisitions.field.status")}</dt>
        <dd>{t(`requisitions.status.${r.status}`)}</dd>
        <dt>{t("requisitions.field.initiative")}</dt>
        <dd>
          {allowed.initiative ? (
            <Link to={`/${r.slug}/insatser/${r.initiative.id}`}>{r.initiative.name}</Link>
          ) : (
            r.initiative.name
          )}
        </dd>
        <dt>{t("requisitions.field.period")}</dt>
        <dd>
          {t("requisitions.view.periodDates", { period, start: r.periodStart, end: r.periodEnd })}
        </dd>
        {r.submittedAt ? (
          <>
            <dt>{t("requisitions.field.submittedAt")}</dt>
            <dd>{r.submittedAt}</dd>
          </>
        ) : null}
        {r.approvedAt ? (
          <>
            <dt>{t("requisitions.field.approved")}</dt>
            <dd>
              {r.approvedByName
                ? t("requisitions.view.approvedBy", { at: r.approvedAt, name: r.approvedByName })
                : r.approvedAt}
            </dd>
          </>
        ) : null}
        {r.status === "godkand" ? (
          <>
            <dt>{t("requisitions.field.payment")}</dt>
            <dd>
              {r.paymentStatus === "betald"
                ? t("requisitions.payment.paidOn", { date: r.paidOn })
                : t("requisitions.payment.notPaid")}
            </dd>
          </>
        ) : null}
      </dl>

      <ul className="link-list">
        {show.edit ? (
          <li>
            <Link to={`${base}/andra`}>{t("requisitions.view.edit")}</Link>
          </li>
        ) : null}
        {allowed.budget ? (
          <li>
            <Link to={`/${r.slug}/insatser/${r.initiative.id}/ekonomi`}>
              {t("requisitions.view.money")}
            </Link>
          </li>
        ) : null}
        <li>
          <a href="#historik">{t("requisitions.view.historyTitle")}</a>
        </li>
      </ul>

      <h2 id="belopp" tabIndex={-1}>
        {t("requisitions.view.amountsTitle")}
      </h2>
      {r.hasBudget ? null : <p>{t("requisitions.view.noBudget")}</p>}
      <div className="table-wrap">
        <table>
          <caption>{t("requisitions.view.associationCaption", { period })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("requisitions.field.category")}</th>
              <th scope="col" className="num">
                {t("requisitions.field.periodBudget")}
              </th>
              <th scope="col" className="num">
                {t("requisitions.field.claimed")}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.categories.map((c) => (
              <tr key={c.category}>
                <th scope="row">{t(`requisitions.category.${c.category}`)}</th>
                <td className="num">{money(c.budget)}</td>
                <td className="num">{money(c.claimed)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("requisitions.view.sum")}</th>
              <td className="num">{money(r.totals.budget)}</td>
              <td className="num">{money(r.totals.claimed)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p>
        {r.totals.ratio === null
          ? t("requisitions.view.ratioNone")
          : t("requisitions.view.ratio", { ratio: r.totals.ratio })}
      </p>

      <h3>{t("requisitions.view.coTitle")}</h3>
      {r.coRows.length === 0 ? (
        <p>{t("requisitions.view.noCo")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("requisitions.view.coCaption", { period })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("requisitions.field.party")}</th>
                <th scope="col">{t("requisitions.field.coKind")}</th>
                <th scope="col">{t("requisitions.field.category")}</th>
                <th scope="col" className="num">
                  {t("requisitions.field.periodBudget")}
                </th>
                <th scope="col" className="num">
                  {t("requisitions.field.claimed")}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.coRows.map((c) => (
                <tr key={`${c.partyName}|${c.coKind}|${c.category}`}>
                  <th scope="row">{c.partyName}</th>
                  <td>{t(`requisitions.coKind.${c.coKind}`)}</td>
                  <td>{t(`requisitions.category.${c.category}`)}</td>
                  <td className="num">{optional(c.budget)}</td>
                  <td className="num">{optional(c.claimed)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t("requisitions.view.sum")}
                </th>
                <td className="num">{money(r.totals.coBudget)}</td>
                <td className="num">{money(r.totals.coClaimed)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <h3>{t("requisitions.field.note")}</h3>
      {r.note ? <TextLines text={r.note} /> : <p>{t("requisitions.view.noNote")}</p>}

      <h2 id="bilagor" tabIndex={-1}>
        {t("requisitions.view.attachmentsTitle")}
      </h2>
      {r.attachments.length === 0 ? (
        <p>{t("requisitions.view.noAttachments")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>
              {t("requisitions.view.attachmentsCaption", { count: r.attachments.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("requisitions.field.fileName")}</th>
                <th scope="col" className="num">
                  {t("requisitions.field.fileSize")}
                </th>
                <th scope="col">{t("requisitions.field.uploaded")}</th>
              </tr>
            </thead>
            <tbody>
              {r.attachments.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <a href={`${base}/bilagor/${a.id}`} download={a.fileName}>
                      {a.fileName}
                    </a>
                  </th>
                  <td className="num">{size(a.sizeBytes)}</td>
                  <td>
                    {a.uploadedBy
                      ? t("requisitions.uploadedBy", { date: a.uploadedAt, name: a.uploadedBy })
                      : a.uploadedAt}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {show.submit ? (
        <Panel id="skicka-in" title={t("requisitions.submit.title")}>
          <p>{t("requisitions.submit.help", { amount: money(r.totals.claimed) })}</p>
          {r.attachments.length === 0 ? (
            <p className="warning">
              {t("requisitions.submit.noAttachment")}{" "}
              <Link to={`${base}/andra#underlag`}>{t("requisitions.submit.uploadLink")}</Link>
            </p>
          ) : null}
          <IntentForm action={base} intent="submit" version={r.version} formKey={formKey}>
            <SubmitButton>
              {r.status === "aterskickad"
                ? t("requisitions.submit.again")
                : t("requisitions.submit.button")}
            </SubmitButton>
          </IntentForm>
        </Panel>
      ) : null}

      {show.review ? (
        <>
          <Panel id="godkann" title={t("requisitions.approve.title")}>
            <p>{t("requisitions.approve.help", { amount: money(r.totals.claimed), period })}</p>
            {r.attachments.length === 0 ? (
              <p className="warning">{t("requisitions.approve.noAttachment")}</p>
            ) : null}
            <IntentForm action={base} intent="approve" version={r.version} formKey={formKey}>
              <SubmitButton>{t("requisitions.approve.button")}</SubmitButton>
            </IntentForm>
          </Panel>
          <Panel id="skicka-tillbaka" title={t("requisitions.return.title")}>
            <p>{t("requisitions.return.help")}</p>
            <IntentForm action={base} intent="return" version={r.version} formKey={formKey}>
              <TextArea
                name="return-reason"
                label={t("requisitions.return.reason")}
                hint={t("requisitions.return.reasonHint")}
                defaultValue={value("return-reason")}
                error={errors["return-reason"]}
                required
              />
              <SubmitButton variant="secondary">{t("requisitions.return.button")}</SubmitButton>
            </IntentForm>
          </Panel>
        </>
      ) : null}

      {show.pay ? (
        <Panel id="utbetalning" title={t("requisitions.pay.title")}>
          <p>{t("requisitions.pay.help", { amount: money(r.totals.claimed) })}</p>
          <IntentForm action={base} intent="pay" version={r.version} formKey={formKey}>
            <TextField
              name="paid-on"
              type="date"
              label={t("requisitions.pay.paidOn")}
              hint={t("requisitions.dateHint")}
              width="short"
              defaultValue={value("paid-on", r.today)}
              error={errors["paid-on"]}
              required
            />
            <SubmitButton>{t("requisitions.pay.button")}</SubmitButton>
          </IntentForm>
        </Panel>
      ) : null}

      <Panel id="historik" title={t("requisitions.view.historyTitle")}>
        <div className="table-wrap">
          <table>
            <caption>{t("requisitions.view.historyCaption", { count: r.events.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("requisitions.history.at")}</th>
                <th scope="col">{t("requisitions.history.event")}</th>
                <th scope="col">{t("requisitions.history.by")}</th>
                <th scope="col" className="num">
                  {t("requisitions.field.association")}
                </th>
                <th scope="col">{t("requisitions.history.note")}</th>
              </tr>
            </thead>
            <tbody>
              {r.events.map((e) => (
                <tr key={e.id}>
                  <td className="date">{e.at}</td>
                  <td>{EVENTS[e.event] ? t(EVENTS[e.event] as MessageKey) : e.event}</td>
                  <td>{e.by}</td>
                  <td className="num">{e.association === null ? "–" : money(e.association)}</td>
                  <td>{e.note ? <TextLines text={e.note} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
    </main>
  );
}
