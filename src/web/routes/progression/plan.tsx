// An initiative's measurement plan (progression): which instruments the participants are measured
// with, a zero-point at the start, a follow-up every N months, one at exit, the grace period, the
// share of participants the initiative aims to measure and whether it keeps a comparison group.
// The office changes it (progression.plan); those who read the initiative's results
// (progression.results) see it. Structural initiatives have no participants to measure, and an
// ended initiative's plan no longer changes: the page says so instead of showing the form.
import { data, Link } from "react-router";
import { can, canOnInitiative } from "../../../access/policy.ts";
import { getInitiative } from "../../../initiatives/get-initiative.ts";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import { DEFAULT_PLAN, getPlan, planChoices, savePlan } from "../../../progression/plans.ts";
import { actorOf, attempt, redirectWithNotice, requireAssociation } from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { Choices, TextInput } from "../../ui/periodic-report-form.tsx";
import { useWorkflow } from "../../ui/workflow-panels.tsx";
import { forbidden } from "../register/register-access.server.ts";
import type { Route } from "./+types/plan.ts";

const ENDED = new Set(["avslutad", "avslutad_i_fortid", "avslagen"]);

async function access(
  context: Route.LoaderArgs["context"],
  request: Request,
  slug?: string,
  id?: string,
) {
  const found = await requireAssociation(context, request, slug, "association.enter");
  const { state, principal, association } = found;
  const initiative = await getInitiative(state.services.db, association.id, id ?? "");
  if (!initiative) throw data({ message: "Insatsen finns inte." }, { status: 404 });
  const changes = can(principal, "progression.plan", association.id);
  if (!changes && !canOnInitiative(principal, "progression.results", association.id, initiative.id))
    throw forbidden("progression.plan");
  return { ...found, db: state.services.db, initiative, changes };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { association, db, initiative, changes } = await access(
    context,
    request,
    params.association,
    params.initiativeId,
  );
  const plan = await getPlan(db, association.id, initiative.id);
  const choices = await planChoices(db, association.id);
  // a version in the plan that is no longer a choice (archived since) is still shown, checked
  const missing = (plan?.instrumentVersionIds ?? []).filter(
    (id) => !choices.some((c) => c.versionId === id),
  );
  return {
    slug: association.slug,
    initiative: { id: initiative.id, name: initiative.name },
    individual: initiative.orientation === "individual",
    ended: ENDED.has(initiative.status),
    changes,
    plan: plan
      ? {
          ...plan,
          updatedAt: formatDateTime(plan.updatedAt),
        }
      : null,
    missing,
    choices: choices.map((c) => ({
      versionId: c.versionId,
      name: c.name.sv,
      number: c.number,
      licence: c.licence,
      shipped: c.associationId === null,
      items: c.definition.items.length,
      respondent: c.definition.respondent,
    })),
  };
}

const WHOLE = /^\d{1,3}$/;
const numberOf = (v: string) => (WHOLE.test(v.trim()) ? Number(v.trim()) : Number.NaN);

export async function action({ context, request, params }: Route.ActionArgs) {
  const { association, db, initiative, changes, state, principal } = await access(
    context,
    request,
    params.association,
    params.initiativeId,
  );
  if (!changes) throw forbidden("progression.plan");
  const form = await request.formData();
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const versions = form
    .getAll("instrumentVersionIds")
    .filter((v): v is string => typeof v === "string");
  const values = {
    instrumentVersionIds: versions.join("|"),
    intervalMonths: field("intervalMonths"),
    atExit: field("atExit"),
    graceDays: field("graceDays"),
    targetPercent: field("targetPercent"),
    comparisonGroup: field("comparisonGroup"),
    version: field("version"),
  };
  const yesNo = (v: string) =>
    v === "ja" ? true : v === "nej" ? false : (null as unknown as boolean);
  const result = await attempt(
    () =>
      savePlan(
        db,
        { ...actorOf(state), name: principal.name },
        association.id,
        initiative.id,
        {
          instrumentVersionIds: versions,
          intervalMonths: numberOf(values.intervalMonths),
          atExit: yesNo(values.atExit),
          graceDays: numberOf(values.graceDays),
          targetPercent: numberOf(values.targetPercent),
          comparisonGroup: yesNo(values.comparisonGroup),
        },
        values.version === "" ? null : Number(values.version),
      ),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(`/${association.slug}/insatser/${initiative.id}/progression`, "sparad");
}

export default function Plan({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const { errors, noticeKey, value, failure } = useWorkflow({
    sparad: "progression.measure.plan.saved",
  });
  const title = t("progression.measure.plan.title", { name: d.initiative.name });
  const plan = d.plan;
  const checked = new Set(
    failure?.values?.instrumentVersionIds !== undefined
      ? failure.values.instrumentVersionIds.split("|").filter(Boolean)
      : (plan?.instrumentVersionIds ?? []),
  );
  const yesNo = (v: boolean) => (v ? "ja" : "nej");
  const start = plan ?? DEFAULT_PLAN;
  const yesNoOptions = [
    { value: "ja", label: t("progression.measure.yes") },
    { value: "nej", label: t("progression.measure.no") },
  ];
  const versionLabel = (c: (typeof d.choices)[number]) =>
    t("progression.measure.plan.versionLabel", {
      name: c.name,
      number: c.number,
      items: c.items,
    }) +
    (c.shipped ? ` – ${t("progression.measure.plan.shipped")}` : "") +
    (c.licence ? ` – ${t("progression.measure.plan.licensed", { licence: c.licence })}` : "");
  const editable = d.changes && d.individual && !d.ended;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/insatser/${d.initiative.id}`}>
          {t("progression.measure.plan.backToInitiative")}
        </Link>
      </p>
      <h1>{title}</h1>
      {noticeKey ? (
        <p className="notice" role="status">
          {t(noticeKey)}
        </p>
      ) : null}
      <p className="lead">{t("progression.measure.plan.intro")}</p>
      {!d.individual ? <p>{t("progression.measure.plan.structural")}</p> : null}
      {d.individual && d.ended ? <p>{t("progression.measure.plan.ended")}</p> : null}
      {plan ? (
        <p>
          {t("progression.measure.plan.updated", { name: plan.updatedByName, at: plan.updatedAt })}
        </p>
      ) : d.individual ? (
        <p>{t("progression.measure.plan.none")}</p>
      ) : null}

      {editable ? (
        <Form method="post">
          <ErrorSummary errors={errors} />
          <input type="hidden" name="version" value={plan ? String(plan.version) : ""} />
          {d.choices.length === 0 && d.missing.length === 0 ? (
            <p>{t("progression.measure.plan.noInstruments")}</p>
          ) : (
            <Choices
              type="checkbox"
              name="instrumentVersionIds"
              label={t("progression.measure.plan.instruments")}
              hint={t("progression.measure.plan.instrumentsHint")}
              error={errors.instrumentVersionIds}
              checked={checked}
              options={[
                ...d.choices.map((c) => ({ value: c.versionId, label: versionLabel(c) })),
                ...d.missing.map((id) => ({
                  value: id,
                  label: t("progression.measure.plan.archivedVersion"),
                })),
              ]}
            />
          )}
          <TextInput
            name="intervalMonths"
            label={t("progression.measure.plan.interval")}
            hint={t("progression.measure.plan.intervalHint")}
            error={errors.intervalMonths}
            defaultValue={value("intervalMonths", String(start.intervalMonths))}
            inputMode="numeric"
            short
          />
          <Choices
            name="atExit"
            label={t("progression.measure.plan.atExit")}
            error={errors.atExit}
            checked={value("atExit", yesNo(start.atExit))}
            options={yesNoOptions}
          />
          <TextInput
            name="graceDays"
            label={t("progression.measure.plan.grace")}
            hint={t("progression.measure.plan.graceHint")}
            error={errors.graceDays}
            defaultValue={value("graceDays", String(start.graceDays))}
            inputMode="numeric"
            short
          />
          <TextInput
            name="targetPercent"
            label={t("progression.measure.plan.target")}
            hint={t("progression.measure.plan.targetHint")}
            error={errors.targetPercent}
            defaultValue={value("targetPercent", String(start.targetPercent))}
            inputMode="numeric"
            short
          />
          <Choices
            name="comparisonGroup"
            label={t("progression.measure.plan.comparison")}
            hint={t("progression.measure.plan.comparisonHint")}
            error={errors.comparisonGroup}
            checked={value("comparisonGroup", yesNo(start.comparisonGroup))}
            options={yesNoOptions}
          />
          <SubmitButton>{t("progression.measure.plan.save")}</SubmitButton>
        </Form>
      ) : plan ? (
        <dl className="summary">
          <dt>{t("progression.measure.plan.instruments")}</dt>
          <dd>
            <ul>
              {plan.instrumentVersionIds.map((id) => {
                const c = d.choices.find((x) => x.versionId === id);
                return (
                  <li key={id}>
                    {c ? versionLabel(c) : t("progression.measure.plan.archivedVersion")}
                  </li>
                );
              })}
            </ul>
          </dd>
          <dt>{t("progression.measure.plan.interval")}</dt>
          <dd>
            {plan.intervalMonths === 0
              ? t("progression.measure.plan.noFollowUps")
              : t("progression.measure.plan.months", { count: plan.intervalMonths })}
          </dd>
          <dt>{t("progression.measure.plan.atExit")}</dt>
          <dd>{plan.atExit ? t("progression.measure.yes") : t("progression.measure.no")}</dd>
          <dt>{t("progression.measure.plan.grace")}</dt>
          <dd>{t("progression.measure.plan.days", { count: plan.graceDays })}</dd>
          <dt>{t("progression.measure.plan.target")}</dt>
          <dd>{`${plan.targetPercent} %`}</dd>
          <dt>{t("progression.measure.plan.comparison")}</dt>
          <dd>
            {plan.comparisonGroup ? t("progression.measure.yes") : t("progression.measure.no")}
          </dd>
        </dl>
      ) : null}

      {d.changes && d.choices.some((c) => checked.has(c.versionId)) ? (
        <section aria-labelledby="blanketter">
          <h2 id="blanketter">{t("progression.measure.plan.paperTitle")}</h2>
          <p>{t("progression.measure.plan.paperIntro")}</p>
          <ul>
            {d.choices
              .filter((c) => checked.has(c.versionId))
              .map((c) => (
                <li key={c.versionId}>
                  <a
                    href={`/${d.slug}/progression/instrument/versioner/${c.versionId}/blankett.pdf`}
                    download
                  >
                    {t("progression.measure.plan.paperLink", { name: c.name, number: c.number })}
                  </a>
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
