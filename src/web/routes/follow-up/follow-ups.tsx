// Uppföljning: the association's follow-up reports, the latest period first, each with its
// locked versions and (for the office) its draft; and the office's form for a new follow-up of a
// period, suggesting the current half-year. The board and the auditor see the follow-ups that
// have a locked version, and only those versions.
import { Link } from "react-router";
import { todayInSweden } from "../../../applications/workflow.ts";
import { periodLabel } from "../../../follow-up/period.ts";
import { createFollowUp, draftOf, latestLocked, listFollowUps } from "../../../follow-up/store.ts";
import { formatDate, formatDateTime } from "../../../platform/i18n/format.ts";
import {
  actorOf,
  attempt,
  redirectWithNotice,
  requireAssociation,
  text,
} from "../../guard.server.ts";
import { Form, SubmitButton, TextField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import { ProblemSummary, problemsOf, useWorkflow } from "../../ui/workflow-panels.tsx";
import type { Route } from "./+types/follow-ups.ts";
import { VIEW } from "./follow-up.server.ts";

/** The half-year `today` lies in. */
export function currentHalfYear(today: string): { from: string; to: string } {
  const year = today.slice(0, 4);
  return Number(today.slice(5, 7)) <= 6
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-07-01`, to: `${year}-12-31` };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, permissions } = await requireAssociation(
    context,
    request,
    params.association,
    VIEW,
  );
  const seesDrafts = permissions.includes("follow_up.drafts");
  const all = await listFollowUps(state.services.db, association.id);
  const suggestion = currentHalfYear(todayInSweden());
  return {
    slug: association.slug,
    canCreate: permissions.includes("follow_up.edit"),
    seesDrafts,
    suggestion: { ...suggestion, label: periodLabel(suggestion.from, suggestion.to) },
    followUps: all
      .filter((f) => seesDrafts || latestLocked(f))
      .map((f) => {
        const locked = latestLocked(f);
        const draft = seesDrafts ? draftOf(f) : undefined;
        return {
          id: f.id,
          label: f.period.label,
          from: formatDate(f.period.from),
          to: formatDate(f.period.to),
          lockedCount: f.versions.filter((v) => v.status === "last").length,
          locked: locked
            ? {
                number: locked.number,
                lockedAt: locked.lockedAt ? formatDateTime(locked.lockedAt) : "",
                by: locked.lockedByName ?? "",
              }
            : null,
          draft: draft
            ? {
                number: draft.number,
                updatedAt: formatDateTime(draft.updatedAt),
                by: draft.updatedByName,
              }
            : null,
        };
      }),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "follow_up.edit",
  );
  const form = await request.formData();
  const values = { from: text(form, "from"), to: text(form, "to"), label: text(form, "label") };
  const result = await attempt(
    () => createFollowUp(state.services.db, actorOf(state), association.id, values),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(`/${association.slug}/uppfoljning/${result.value.id}`, "skapad");
}

export default function FollowUpsPage({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const { errors, value, formKey } = useWorkflow({});
  const problems = problemsOf(errors, { onEditPage: () => false, editPage: "" });
  const title = t("followUp.listTitle");
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <h1>{title}</h1>
      <p className="lead">{d.seesDrafts ? t("followUp.listLeadOffice") : t("followUp.listLead")}</p>
      <ProblemSummary items={problems} />

      <section aria-labelledby="uppfoljningar">
        <h2 id="uppfoljningar">{t("followUp.listHeading")}</h2>
        {d.followUps.length === 0 ? (
          <p>{d.seesDrafts ? t("followUp.noneOffice") : t("followUp.none")}</p>
        ) : (
          <TableWrap label={t("followUp.listHeading")}>
            <table>
              <caption className="visually-hidden">{t("followUp.listCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("followUp.columnPeriod")}</th>
                  <th scope="col">{t("followUp.columnDates")}</th>
                  <th scope="col">{t("followUp.columnLocked")}</th>
                  {d.seesDrafts ? <th scope="col">{t("followUp.columnDraft")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {d.followUps.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">
                      <Link to={`/${d.slug}/uppfoljning/${f.id}`}>{f.label}</Link>
                    </th>
                    <td>{t("followUp.dates", { from: f.from, to: f.to })}</td>
                    <td>
                      {f.locked
                        ? t("followUp.lockedSummary", {
                            number: f.locked.number,
                            at: f.locked.lockedAt,
                            by: f.locked.by,
                            count: f.lockedCount,
                          })
                        : t("followUp.notLocked")}
                    </td>
                    {d.seesDrafts ? (
                      <td>
                        {f.draft
                          ? t("followUp.draftSummary", {
                              number: f.draft.number,
                              at: f.draft.updatedAt,
                              by: f.draft.by,
                            })
                          : t("followUp.noDraft")}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      {d.canCreate ? (
        <section aria-labelledby="ny-uppfoljning">
          <h2 id="ny-uppfoljning">{t("followUp.newTitle")}</h2>
          <p>{t("followUp.newLead", { label: d.suggestion.label })}</p>
          <Form method="post" key={`ny-${formKey}`}>
            <TextField
              name="from"
              type="date"
              label={t("followUp.from")}
              hint={t("followUp.dateHint", { example: d.suggestion.from })}
              width="short"
              defaultValue={value("from", d.suggestion.from)}
              error={errors.from}
              required
            />
            <TextField
              name="to"
              type="date"
              label={t("followUp.to")}
              hint={t("followUp.dateHint", { example: d.suggestion.to })}
              width="short"
              defaultValue={value("to", d.suggestion.to)}
              error={errors.to}
              required
            />
            <TextField
              name="label"
              label={t("followUp.label")}
              hint={t("followUp.labelHint", { label: d.suggestion.label })}
              defaultValue={value("label")}
              error={errors.label}
            />
            <SubmitButton>{t("followUp.create")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </main>
  );
}
