// The action plan of one enrollment, for the initiative's participant officer (the coach): the
// steps the participant reads in the portal under Min plan. The coach adds a step, changes one
// (?andra=<step>), sets its status, moves it up or down, and removes it after a confirmation step
// (?ta-bort=<step>). Every action is a plain POST form with an `intent`, the step and the version
// it was read at, so the page works without JavaScript; each read and change is in the
// register's access log (src/portal/plan.ts).
import { data, Link } from "react-router";
import { canOnInitiative } from "../../../access/policy.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { formatDate, formatDateTime } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import {
  addPlanStep,
  movePlanStep,
  type PlanStaff,
  removePlanStep,
  setPlanStepStatus,
  staffPlan,
  updatePlanStep,
} from "../../../portal/plan.ts";
import { PLAN_STEP_STATUSES, type PlanStepStatus } from "../../../portal/schema.ts";
import { enrollmentRefs } from "../../../register/enrollment-log.ts";
import { registerCryptoFor } from "../../../register/key.server.ts";
import { registerScopeFor } from "../../../register/scope.ts";
import { actorOf, attempt, redirectWithNotice, requireAssociation } from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { Choices, TextArea, TextInput } from "../../ui/periodic-report-form.tsx";
import { useWorkflow } from "../../ui/workflow-panels.tsx";
import { forbidden, isUuid } from "../register/register-access.server.ts";
import type { Route } from "./+types/plan-steps.ts";

type Args = Pick<Route.LoaderArgs, "context" | "request" | "params">;

/** The coach's register access on the enrollment's initiative; 403/404 otherwise. */
async function requirePlanStaff({ context, request, params }: Args) {
  const access = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  );
  const { state, principal, association } = access;
  const db = state.services.db;
  const register = await registerScopeFor(db, principal, association.id);
  if (register.scope.initiatives.length === 0) throw forbidden("portal.staff");
  const refs = await enrollmentRefs(db, register.scope, params.enrollmentId).catch(
    (error: unknown) => {
      if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
      throw error;
    },
  );
  if (!canOnInitiative(principal, "portal.staff", association.id, refs.initiativeId))
    throw forbidden("portal.staff");
  const staff: PlanStaff = {
    scope: register.scope,
    actor: { ...register.actor, requestId: state.requestId },
    audit: actorOf(state),
  };
  return {
    ...access,
    db,
    staff,
    initiativeId: refs.initiativeId,
    writes:
      canOnInitiative(principal, "portal.staff", association.id, refs.initiativeId) &&
      canOnInitiative(principal, "register.write", association.id, refs.initiativeId),
  };
}

export async function loader(args: Route.LoaderArgs) {
  const { state, db, staff, association, writes } = await requirePlanStaff(args);
  const plan = await staffPlan(
    db,
    registerCryptoFor(state.services.config),
    staff,
    args.params.enrollmentId,
  ).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
    throw error;
  });
  const url = new URL(args.request.url);
  const editing = url.searchParams.get("andra");
  const removing = url.searchParams.get("ta-bort");
  const e = plan.enrollment;
  return {
    slug: association.slug,
    writes: writes && !e.voided,
    enrollment: {
      id: e.id,
      initiativeName: e.initiativeName,
      startDate: e.startDate,
      endDate: e.endDate,
      voided: e.voided,
      externalKey: e.externalKey,
      identity: e.identity,
    },
    steps: plan.steps.map((s) => ({
      id: s.id,
      title: s.title,
      details: s.details ?? "",
      dueOn: s.dueOn ?? "",
      status: s.status,
      recordedByName: s.recordedByName,
      updatedAt: formatDateTime(s.updatedAt),
      version: s.version,
    })),
    editing: editing && plan.steps.some((s) => s.id === editing) ? editing : null,
    removing: removing && plan.steps.some((s) => s.id === removing) ? removing : null,
  };
}

const STEP_FIELDS = ["title", "details", "dueOn", "status"] as const;

export async function action(args: Route.ActionArgs) {
  const { db, staff, association, writes } = await requirePlanStaff(args);
  if (!writes) throw forbidden("register.write");
  const form = await args.request.formData();
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const intent = field("intent");
  const stepId = field("stepId");
  const version = Number(field("version"));
  const here = `/${association.slug}/deltagare/${args.params.enrollmentId}/plan`;
  if (intent !== "add" && !isUuid(stepId))
    throw data({ message: "Steget finns inte. Ladda om sidan." }, { status: 404 });

  switch (intent) {
    case "add":
    case "edit": {
      const values: Record<string, string> = { intent, stepId };
      for (const name of STEP_FIELDS) values[name] = field(name);
      const input = {
        title: values.title ?? "",
        details: values.details ?? "",
        dueOn: values.dueOn ?? "",
        status: values.status ?? "",
      };
      const result = await attempt(
        () =>
          intent === "add"
            ? addPlanStep(db, staff, args.params.enrollmentId, input)
            : updatePlanStep(db, staff, stepId, version, input),
        values,
      );
      if (!result.ok) return result.failure;
      return redirectWithNotice(here, intent === "add" ? "tillagt" : "sparat");
    }
    case "status": {
      const status = field("status");
      const result = await attempt(() => setPlanStepStatus(db, staff, stepId, version, status), {
        intent,
        stepId,
      });
      if (!result.ok) return result.failure;
      return redirectWithNotice(here, "status");
    }
    case "up":
    case "down": {
      const result = await attempt(() => movePlanStep(db, staff, stepId, version, intent), {
        intent,
        stepId,
      });
      if (!result.ok) return result.failure;
      return redirectWithNotice(here, "flyttat");
    }
    case "remove": {
      const result = await attempt(() => removePlanStep(db, staff, stepId, version), {
        intent,
        stepId,
      });
      if (!result.ok) return result.failure;
      return redirectWithNotice(here, "borttaget");
    }
    default:
      throw data({ message: "Okänd åtgärd." }, { status: 400 });
  }
}

const NOTICES: Record<string, MessageKey> = {
  tillagt: "portalStaff.plan.notice.added",
  sparat: "portalStaff.plan.notice.saved",
  status: "portalStaff.plan.notice.status",
  flyttat: "portalStaff.plan.notice.moved",
  borttaget: "portalStaff.plan.notice.removed",
};

const STATUS_KEY = (s: PlanStepStatus) => `portalStaff.plan.status.${s}` as MessageKey;
const MARK_KEY = (s: PlanStepStatus) => `portalStaff.plan.markAs.${s}` as MessageKey;

type Step = Route.ComponentProps["loaderData"]["steps"][number];

function StepFields({
  stored,
  errors,
  value,
}: {
  stored: { title: string; details: string; dueOn: string; status: string };
  errors: Record<string, string>;
  value: (name: string, fallback: string) => string;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextInput
        name="title"
        label={t("portalStaff.plan.field.title")}
        hint={t("portalStaff.plan.field.titleHint")}
        error={errors.title}
        mark="required"
        defaultValue={value("title", stored.title)}
      />
      <TextArea
        name="details"
        label={t("portalStaff.plan.field.details")}
        hint={t("portalStaff.plan.field.detailsHint")}
        error={errors.details}
        rows={4}
        defaultValue={value("details", stored.details)}
      />
      <TextInput
        name="dueOn"
        type="date"
        short
        label={t("portalStaff.plan.field.dueOn")}
        hint={t("portalStaff.plan.field.dueOnHint")}
        error={errors.dueOn}
        defaultValue={value("dueOn", stored.dueOn)}
      />
      <Choices
        name="status"
        label={t("portalStaff.plan.field.status")}
        error={errors.status}
        options={PLAN_STEP_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEY(s)) }))}
        checked={value("status", stored.status)}
      />
    </>
  );
}

export default function PlanSteps({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const { errors, failedIntent, failure, formKey, noticeKey } = useWorkflow(NOTICES);
  const here = `/${d.slug}/deltagare/${d.enrollment.id}/plan`;
  const e = d.enrollment;
  const title = t("portalStaff.plan.title", { initiative: e.initiativeName });
  const failedStep = failure?.values?.stepId ?? "";
  const editingId = failedIntent === "edit" ? failedStep : d.editing;
  const editing = d.steps.find((s) => s.id === editingId);
  const removing = d.removing ? d.steps.find((s) => s.id === d.removing) : undefined;
  const numberOf = (s: Step) => d.steps.indexOf(s) + 1;
  const value = (intent: string) => (name: string, fallback: string) =>
    failedIntent === intent ? (failure?.values?.[name] ?? fallback) : fallback;

  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/deltagare/${e.id}`}>{t("portalStaff.plan.back")}</Link>
      </p>
      <h1>{title}</h1>
      {noticeKey ? (
        <p className="notice" role="status">
          {t(noticeKey)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <p>{t("portalStaff.plan.intro")}</p>
      <p>{t("portalStaff.plan.logged")}</p>

      <section className="panel" aria-labelledby="deltagaren">
        <h2 id="deltagaren">{t("portalStaff.plan.participant")}</h2>
        <dl className="summary">
          <dt>{t("portalStaff.plan.identity")}</dt>
          <dd>{e.identity ?? t("portalStaff.plan.noIdentity")}</dd>
          {e.externalKey ? (
            <>
              <dt>{t("portalStaff.plan.externalKey")}</dt>
              <dd>{e.externalKey}</dd>
            </>
          ) : null}
          <dt>{t("portalStaff.plan.period")}</dt>
          <dd>
            {e.endDate
              ? t("portalStaff.plan.periodEnded", {
                  start: formatDate(e.startDate),
                  end: formatDate(e.endDate),
                })
              : t("portalStaff.plan.periodOpen", { start: formatDate(e.startDate) })}
          </dd>
        </dl>
        {e.voided ? <p className="warning">{t("portalStaff.plan.voided")}</p> : null}
        {!d.writes && !e.voided ? <p>{t("portalStaff.plan.readOnly")}</p> : null}
      </section>

      {removing && d.writes ? (
        <section className="panel" aria-labelledby="bekrafta">
          <h2 id="bekrafta">
            {t("portalStaff.plan.confirmTitle", { number: numberOf(removing) })}
          </h2>
          <p>{t("portalStaff.plan.confirmText", { title: removing.title })}</p>
          <Form method="post" action={here} key={`remove-${formKey}`}>
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="stepId" value={removing.id} />
            <input type="hidden" name="version" value={removing.version} />
            <div className="button-row">
              <SubmitButton variant="danger">{t("portalStaff.plan.confirmButton")}</SubmitButton>
              <Link to={here}>{t("portalStaff.plan.cancel")}</Link>
            </div>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="stegen">
        <h2 id="stegen">
          {t("portalStaff.plan.steps")}{" "}
          <span className="field__hint">
            ({t("portalStaff.plan.count", { count: d.steps.length })})
          </span>
        </h2>
        {d.steps.length === 0 ? <p>{t("portalStaff.plan.empty")}</p> : null}
        <ol>
          {d.steps.map((s, i) => {
            const number = i + 1;
            return (
              <li key={s.id} className="panel" id={`steg-${s.id}`}>
                <h3>
                  {t("portalStaff.plan.stepNumber", { number })}: {s.title}
                </h3>
                <p>
                  <strong>{t(STATUS_KEY(s.status))}</strong>
                  {" · "}
                  {s.dueOn
                    ? t("portalStaff.plan.due", { date: formatDate(s.dueOn) })
                    : t("portalStaff.plan.noDue")}
                </p>
                {s.details ? <p>{s.details}</p> : null}
                <p className="field__hint">
                  {t("portalStaff.plan.recordedBy", { name: s.recordedByName, at: s.updatedAt })}
                </p>
                {d.writes ? (
                  <div className="button-row">
                    <Form
                      method="post"
                      action={here}
                      aria-label={t("portalStaff.plan.setStatus", { number })}
                    >
                      <input type="hidden" name="intent" value="status" />
                      <input type="hidden" name="stepId" value={s.id} />
                      <input type="hidden" name="version" value={s.version} />
                      {PLAN_STEP_STATUSES.filter((x) => x !== s.status).map((x) => (
                        <SubmitButton key={x} variant="secondary" name="status" value={x}>
                          {t(MARK_KEY(x))}
                        </SubmitButton>
                      ))}
                    </Form>
                    <Form
                      method="post"
                      action={here}
                      aria-label={t("portalStaff.plan.order", { number })}
                    >
                      <input type="hidden" name="stepId" value={s.id} />
                      <input type="hidden" name="version" value={s.version} />
                      {i > 0 ? (
                        <SubmitButton variant="secondary" name="intent" value="up">
                          {t("portalStaff.plan.up")}
                        </SubmitButton>
                      ) : null}
                      {i < d.steps.length - 1 ? (
                        <SubmitButton variant="secondary" name="intent" value="down">
                          {t("portalStaff.plan.down")}
                        </SubmitButton>
                      ) : null}
                    </Form>
                    <p>
                      <Link
                        to={`${here}?andra=${s.id}#andra`}
                        aria-label={t("portalStaff.plan.editLabel", { number })}
                      >
                        {t("portalStaff.plan.edit")}
                      </Link>
                      {" · "}
                      <Link
                        to={`${here}?ta-bort=${s.id}#bekrafta`}
                        aria-label={t("portalStaff.plan.removeLabel", { number })}
                      >
                        {t("portalStaff.plan.remove")}
                      </Link>
                    </p>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>

      {d.writes && editing ? (
        <section className="panel" aria-labelledby="andra">
          <h2 id="andra" tabIndex={-1}>
            {t("portalStaff.plan.editTitle", { number: numberOf(editing) })}
          </h2>
          <Form method="post" action={here} key={`edit-${editing.id}-${formKey}`}>
            <input type="hidden" name="intent" value="edit" />
            <input type="hidden" name="stepId" value={editing.id} />
            <input type="hidden" name="version" value={editing.version} />
            <StepFields
              stored={editing}
              errors={failedIntent === "edit" ? errors : {}}
              value={value("edit")}
            />
            <div className="button-row">
              <SubmitButton>{t("portalStaff.plan.save")}</SubmitButton>
              <Link to={here}>{t("portalStaff.plan.cancel")}</Link>
            </div>
          </Form>
        </section>
      ) : null}

      {d.writes && !editing ? (
        <section className="panel" aria-labelledby="lagg-till">
          <h2 id="lagg-till">{t("portalStaff.plan.add")}</h2>
          <Form method="post" action={here} key={`add-${formKey}`}>
            <input type="hidden" name="intent" value="add" />
            <StepFields
              stored={{ title: "", details: "", dueOn: "", status: "planerad" }}
              errors={failedIntent === "add" ? errors : {}}
              value={value("add")}
            />
            <SubmitButton>{t("portalStaff.plan.addButton")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </main>
  );
}
