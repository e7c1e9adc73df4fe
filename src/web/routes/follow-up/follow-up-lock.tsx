// Locking a draft follow-up for the board, after a confirmation on this page: what locking means
// (the report is computed once more and stored as it is; nobody can change it afterwards, and
// the next follow-up compares with it), which version and period, and what it will be compared
// with. Locking is at the version read: if someone changed the draft meanwhile, nothing is
// locked and the page says so.
import { Link } from "react-router";
import { draftOf } from "../../../follow-up/store.ts";
import { lockFollowUpVersion, previousLocked } from "../../../follow-up/store-report.ts";
import { ValidationError } from "../../../platform/errors.ts";
import { formatDate, formatDateTime } from "../../../platform/i18n/format.ts";
import { actorOf, attempt, redirectWithNotice, text } from "../../guard.server.ts";
import { Form, SubmitButton } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { ActionOutcome, problemsOf, useWorkflow } from "../../ui/workflow-panels.tsx";
import type { Route } from "./+types/follow-up-lock.ts";
import { requireFollowUp } from "./follow-up.server.ts";

const EDIT = "follow_up.edit";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, followUp } = await requireFollowUp(context, request, params, EDIT);
  const draft = draftOf(followUp);
  const previous = draft ? await previousLocked(state.services.db, followUp, draft.number) : null;
  return {
    slug: association.slug,
    id: followUp.id,
    label: followUp.period.label,
    from: formatDate(followUp.period.from),
    to: formatDate(followUp.period.to),
    draft: draft
      ? {
          number: draft.number,
          version: draft.version,
          updatedAt: formatDateTime(draft.updatedAt),
          updatedByName: draft.updatedByName,
          texts: {
            summary: draft.texts.summary !== null,
            background: draft.texts.background !== null,
            analysis: draft.texts.analysis !== null,
          },
        }
      : null,
    previous: previous?.version?.lockedAt
      ? { label: previous.period.label, lockedAt: formatDateTime(previous.version.lockedAt) }
      : null,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, followUp } = await requireFollowUp(context, request, params, EDIT);
  const draft = draftOf(followUp);
  const form = await request.formData();
  const values = { version: text(form, "version"), confirm: text(form, "confirm") };
  const result = await attempt(async () => {
    if (!draft)
      throw new ValidationError({
        form: "Uppföljningen har inget utkast att låsa: den senaste versionen är redan låst.",
      });
    if (values.confirm !== "ja")
      throw new ValidationError({
        confirm:
          "Kryssa i att du har läst igenom rapporten och vill låsa den. En låst version kan inte ändras.",
      });
    return lockFollowUpVersion(
      state.services.db,
      actorOf(state),
      followUp,
      draft.id,
      Number(values.version),
    );
  }, values);
  if (!result.ok) return result.failure;
  return redirectWithNotice(
    `/${association.slug}/uppfoljning/${followUp.id}?version=${result.value.number}`,
    "last",
  );
}

export default function FollowUpLockPage({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const { errors, value, formKey } = useWorkflow({});
  const problems = problemsOf(errors, { onEditPage: () => false, editPage: "" });
  const here = `/${d.slug}/uppfoljning/${d.id}`;
  const title = d.draft
    ? t("followUp.lockTitle", { number: d.draft.number, label: d.label })
    : t("followUp.lockNothingTitle", { label: d.label });
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={here}>{t("followUp.backToReport")}</Link>
      </p>
      <h1>{title}</h1>
      <ActionOutcome
        notice={null}
        problems={problems}
        reload={errors.form ? { to: `${here}/las`, label: t("followUp.reload") } : null}
      />
      {d.draft === null ? (
        <p>{t("followUp.nothingToLock")}</p>
      ) : (
        <>
          <p className="lead">{t("followUp.lockLead")}</p>
          <dl className="summary">
            <dt>{t("followUp.lockPeriod")}</dt>
            <dd>{t("followUp.periodWithDates", { label: d.label, from: d.from, to: d.to })}</dd>
            <dt>{t("followUp.lockVersion")}</dt>
            <dd>
              {t("followUp.draftStatus", { at: d.draft.updatedAt, by: d.draft.updatedByName })}
            </dd>
            <dt>{t("followUp.lockTexts")}</dt>
            <dd>
              {t("followUp.lockTextsValue", {
                summary: d.draft.texts.summary ? "ja" : "nej",
                background: d.draft.texts.background ? "ja" : "nej",
                analysis: d.draft.texts.analysis ? "ja" : "nej",
              })}
            </dd>
            <dt>{t("followUp.lockCompare")}</dt>
            <dd>
              {d.previous
                ? t("followUp.comparedWith", { label: d.previous.label, at: d.previous.lockedAt })
                : t("followUp.comparedWithNone")}
            </dd>
          </dl>
          <Form method="post" key={`las-${formKey}`}>
            <input type="hidden" name="version" value={value("version", String(d.draft.version))} />
            <div className={errors.confirm ? "field field--error" : "field"}>
              {errors.confirm ? (
                <p className="field__error" id="confirm-error">
                  {errors.confirm}
                </p>
              ) : null}
              <input
                type="checkbox"
                id="confirm"
                name="confirm"
                value="ja"
                aria-describedby={errors.confirm ? "confirm-error" : undefined}
                aria-invalid={errors.confirm ? true : undefined}
              />{" "}
              <label htmlFor="confirm">{t("followUp.lockConfirm")}</label>
            </div>
            <div className="button-row">
              <SubmitButton>{t("followUp.lockSubmit", { number: d.draft.number })}</SubmitButton>
              <Link to={here}>{t("common.cancel")}</Link>
            </div>
          </Form>
        </>
      )}
    </main>
  );
}
