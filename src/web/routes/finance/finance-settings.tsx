// The association's normal band of consumption ratios (default 80–110 %), set by the office, and
// what it means for the suggested prognosis: inside OK, outside Bevaka, far outside Åtgärd.
import { Link } from "react-router";
import { ACTION_MARGIN, getFinanceBand } from "../../../finance/outcome.ts";
import { saveFinanceBand } from "../../../finance/settings.ts";
import {
  actorOf,
  attempt,
  redirectWithNotice,
  requireAssociation,
  text,
} from "../../guard.server.ts";
import { Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { type Problem, ProblemSummary, TextInput } from "../../ui/periodic-report-form.tsx";
import type { Route } from "./+types/finance-settings.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "finance.manage",
  );
  const band = await getFinanceBand(state.services.db, association.id);
  return {
    slug: association.slug,
    band: { low: band.low, high: band.high },
    margin: ACTION_MARGIN,
    values: {
      version: String(band.version),
      low: String(band.low),
      high: String(band.high),
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
  const form = await request.formData();
  const values = {
    version: text(form, "version"),
    low: text(form, "low"),
    high: text(form, "high"),
  };
  const result = await attempt(
    () =>
      saveFinanceBand(state.services.db, actorOf(state), association.id, Number(values.version), {
        low: values.low,
        high: values.high,
      }),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(`/${association.slug}/ekonomi#insatser`, "intervall");
}

export default function FinanceSettings({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const values = failure?.values ?? d.values;
  const errors = failure?.errors ?? {};
  const v = (name: string) => values[name] ?? "";
  const problems: Problem[] = Object.entries(errors).map(([key, message]) =>
    key === "form" ? { key, message } : { key, message, href: `#${key}` },
  );
  const back = `/${d.slug}/ekonomi`;
  const title = t("finance.band.title");
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={back}>{t("finance.backToFinance")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("finance.band.intro", { low: d.band.low, high: d.band.high })}</p>
      <ProblemSummary items={problems} />
      {errors.form ? (
        <p className="warning">
          <Link to={`${back}/installningar`} reloadDocument>
            {t("finance.reload")}
          </Link>
        </p>
      ) : null}
      <details>
        <summary>{t("finance.band.rulesSummary")}</summary>
        <ul>
          <li>{t("finance.band.ruleOk")}</li>
          <li>{t("finance.band.ruleBevaka", { margin: d.margin })}</li>
          <li>{t("finance.band.ruleAtgard", { margin: d.margin })}</li>
          <li>{t("finance.band.ruleAvslutad")}</li>
          <li>{t("finance.band.ruleOverride")}</li>
        </ul>
      </details>
      <Form method="post">
        <input type="hidden" name="version" value={v("version")} />
        <TextInput
          name="low"
          label={t("finance.band.low")}
          hint={t("finance.band.lowHint")}
          inputMode="numeric"
          short
          defaultValue={v("low")}
          error={errors.low}
          mark="required"
        />
        <TextInput
          name="high"
          label={t("finance.band.high")}
          hint={t("finance.band.highHint")}
          inputMode="numeric"
          short
          defaultValue={v("high")}
          error={errors.high}
          mark="required"
        />
        <div className="button-row">
          <SubmitButton>{t("finance.band.submit")}</SubmitButton>
          <Link to={back}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </main>
  );
}
