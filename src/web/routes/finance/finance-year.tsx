// The office enters a year's money: the allocated funds, the equity at the start of the year
// (may be negative), the administrative costs' budget and outcome, a note, and the key of each
// region and municipality (usually population; empty for equal parts). Saved at the version
// read; a refusal keeps what was typed and names each field. The split is shown on the year's
// page, where the saved form leads.
import { data, Link } from "react-router";
import { getFundingYear, saveFundingYear, validYear } from "../../../finance/association-money.ts";
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
  type Problem,
  ProblemSummary,
  TextArea,
  TextInput,
} from "../../ui/periodic-report-form.tsx";
import type { Route } from "./+types/finance-year.ts";

function yearParam(value: string | undefined): number {
  const year = /^\d{4}$/.test(value ?? "") ? Number(value) : Number.NaN;
  if (!validYear(year))
    throw data(
      { message: "Året ska vara ett årtal mellan 2000 och 2100, till exempel /ekonomi/ar/2026." },
      { status: 404 },
    );
  return year;
}

/** Amounts as the form shows them again: plain digits, a minus sign for a negative equity. */
const amountText = (n: number | null) => (n === null ? "" : String(n));

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "finance.manage",
  );
  const year = yearParam(params.year);
  const funding = await getFundingYear(state.services.db, association.id, year);
  const keyed = funding.members.filter((m) => m.kind === "region" || m.kind === "kommun");
  return {
    slug: association.slug,
    year,
    saved: funding.saved,
    missingKinds: (["forsakringskassan", "region", "kommun"] as const).filter(
      (k) => !funding.members.some((m) => m.kind === k),
    ),
    keyed: keyed.map((m) => ({ id: m.organisationId, name: m.name, kind: m.kind })),
    values: {
      version: String(funding.version),
      totalAllocation: funding.saved ? amountText(funding.totalAllocation) : "",
      equityOpening: funding.saved ? amountText(funding.equityOpening) : "",
      adminBudget: funding.saved ? amountText(funding.adminBudget) : "",
      adminOutcome: amountText(funding.adminOutcome),
      note: funding.note,
      ...Object.fromEntries(keyed.map((m) => [`key.${m.organisationId}`, amountText(m.keyValue)])),
    } as Record<string, string>,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "finance.manage",
  );
  const year = yearParam(params.year);
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries())
    if (typeof value === "string" && name !== "_csrf") values[name] = value;
  const keys = Object.fromEntries(
    Object.entries(values)
      .filter(([name]) => name.startsWith("key."))
      .map(([name, value]) => [name.slice(4), value]),
  );
  const result = await attempt(
    () =>
      saveFundingYear(
        state.services.db,
        actorOf(state),
        association.id,
        year,
        Number(text(form, "version")),
        {
          totalAllocation: text(form, "totalAllocation"),
          equityOpening: text(form, "equityOpening"),
          adminBudget: text(form, "adminBudget"),
          adminOutcome: text(form, "adminOutcome"),
          note: text(form, "note"),
          keys,
        },
      ),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(`/${association.slug}/ekonomi?ar=${year}#tilldelade-medel`, "medel");
}

const KIND_NAME: Record<string, MessageKey> = {
  forsakringskassan: "finance.kind.forsakringskassan",
  region: "finance.kind.region",
  kommun: "finance.kind.kommun",
};

export default function FinanceYearEdit({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const values = failure?.values ?? d.values;
  const errors = failure?.errors ?? {};
  const v = (name: string) => values[name] ?? "";
  const problems: Problem[] = Object.entries(errors).map(([key, message]) =>
    key === "form" ? { key, message } : { key, message, href: `#${key}` },
  );
  const back = `/${d.slug}/ekonomi?ar=${d.year}`;
  const title = t("finance.fundsForm.title", { year: d.year });
  const group = (kind: "region" | "kommun") => d.keyed.filter((m) => m.kind === kind);
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={back}>{t("finance.backToYear", { year: d.year })}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("finance.fundsForm.intro")}</p>
      <ProblemSummary items={problems} />
      {errors.form ? (
        <p className="warning">
          <Link to={`/${d.slug}/ekonomi/ar/${d.year}`} reloadDocument>
            {t("finance.reload")}
          </Link>
        </p>
      ) : null}
      {d.missingKinds.length ? (
        <p className="warning">
          {t("finance.fundsForm.missingKinds", {
            kinds: d.missingKinds.map((k) => t(KIND_NAME[k] ?? "finance.kind.annan")).join(", "),
          })}{" "}
          <Link to={`/${d.slug}/organisationer`}>{t("finance.fundsForm.toOrganisations")}</Link>
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="version" value={v("version")} />
        <TextInput
          name="totalAllocation"
          label={t("finance.fundsForm.totalAllocation")}
          hint={t("finance.fundsForm.totalAllocationHint")}
          inputMode="numeric"
          short
          defaultValue={v("totalAllocation")}
          error={errors.totalAllocation}
          mark="required"
        />
        <TextInput
          name="equityOpening"
          label={t("finance.fundsForm.equityOpening")}
          hint={t("finance.fundsForm.equityOpeningHint")}
          short
          defaultValue={v("equityOpening")}
          error={errors.equityOpening}
          mark="required"
        />
        <TextInput
          name="adminBudget"
          label={t("finance.fundsForm.adminBudget")}
          hint={t("finance.fundsForm.adminBudgetHint")}
          inputMode="numeric"
          short
          defaultValue={v("adminBudget")}
          error={errors.adminBudget}
          mark="required"
        />
        <TextInput
          name="adminOutcome"
          label={t("finance.fundsForm.adminOutcome")}
          hint={t("finance.fundsForm.adminOutcomeHint")}
          inputMode="numeric"
          short
          defaultValue={v("adminOutcome")}
          error={errors.adminOutcome}
        />
        {(["region", "kommun"] as const).map((kind) =>
          group(kind).length ? (
            <fieldset key={kind}>
              <legend>
                {t(
                  kind === "kommun"
                    ? "finance.fundsForm.keysKommun"
                    : "finance.fundsForm.keysRegion",
                )}
              </legend>
              <p className="field__hint">{t("finance.fundsForm.keysHint")}</p>
              {group(kind).map((m) => (
                <TextInput
                  key={m.id}
                  name={`key.${m.id}`}
                  label={t("finance.fundsForm.key", { name: m.name })}
                  inputMode="numeric"
                  short
                  defaultValue={v(`key.${m.id}`)}
                  error={errors[`key.${m.id}`]}
                />
              ))}
            </fieldset>
          ) : null,
        )}
        <TextArea
          name="note"
          label={t("finance.fundsForm.note")}
          hint={t("finance.fundsForm.noteHint")}
          rows={3}
          defaultValue={v("note")}
          error={errors.note}
        />
        <div className="button-row">
          <SubmitButton>{t("finance.fundsForm.submit")}</SubmitButton>
          <Link to={back}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </main>
  );
}
