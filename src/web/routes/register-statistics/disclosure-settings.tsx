// Röjandekontroll: the office's setting of the association's disclosure control — the threshold
// below which a count of participants is shown as "< 5" (0 turns it off) and whether a true 0
// may be shown — which every aggregate leaving the participant register uses
// (src/associations/disclosure-settings.ts, src/register/aggregates.ts).
import { Link, useLocation, useSearchParams } from "react-router";
import {
  getDisclosureSettings,
  saveDisclosureSettings,
} from "../../../associations/disclosure-settings.ts";
import {
  DISCLOSURE_THRESHOLD_MAX,
  DISCLOSURE_THRESHOLD_MIN,
} from "../../../associations/schema.ts";
import { ValidationError } from "../../../platform/errors.ts";
import { createTranslator } from "../../../platform/i18n/translate.ts";
import { DEFAULT_DISCLOSURE_THRESHOLD } from "../../../register/disclosure.ts";
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
  TextInput,
} from "../../ui/periodic-report-form.tsx";
import type { Route } from "./+types/disclosure-settings.ts";

const PERMISSION = "register.disclosure_settings";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    PERMISSION,
  );
  const settings = await getDisclosureSettings(state.services.db, association.id);
  return {
    slug: association.slug,
    settings,
    values: {
      version: String(settings.version),
      threshold: String(settings.threshold),
      allowTrueZero: settings.allowTrueZero ? "ja" : "nej",
    } as Record<string, string>,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    PERMISSION,
  );
  const form = await request.formData();
  const values = {
    version: text(form, "version"),
    threshold: text(form, "threshold"),
    allowTrueZero: text(form, "allowTrueZero"),
  };
  const t = createTranslator(state.locale);
  const result = await attempt(async () => {
    if (values.allowTrueZero !== "ja" && values.allowTrueZero !== "nej")
      throw new ValidationError({ allowTrueZero: t("disclosureSettings.zeroMissing") });
    await saveDisclosureSettings(
      state.services.db,
      actorOf(state),
      association.id,
      Number(values.version),
      { threshold: values.threshold, allowTrueZero: values.allowTrueZero === "ja" },
    );
  }, values);
  if (!result.ok) return result.failure;
  return redirectWithNotice(`/${association.slug}/deltagarstatistik/rojandekontroll`, "sparad");
}

export default function DisclosureSettingsPage({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const [params] = useSearchParams();
  const { key: formKey } = useLocation();
  const values = failure?.values ?? d.values;
  const errors = failure?.errors ?? {};
  const v = (name: string) => values[name] ?? "";
  const problems: Problem[] = Object.entries(errors).map(([key, message]) =>
    key === "form" ? { key, message } : { key, message, href: `#${key}` },
  );
  const here = `/${d.slug}/deltagarstatistik/rojandekontroll`;
  const title = t("disclosureSettings.title");
  const { threshold, allowTrueZero, version } = d.settings;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/deltagarstatistik`}>{t("disclosureSettings.back")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("disclosureSettings.lead")}</p>
      {params.get("klart") === "sparad" && !failure ? (
        <p className="notice" role="status">
          {t("disclosureSettings.saved")}
        </p>
      ) : null}
      <ProblemSummary items={problems} />
      {errors.form ? (
        <p className="warning">
          {t("disclosureSettings.conflictHelp")}{" "}
          <Link to={here} reloadDocument>
            {t("disclosureSettings.reload")}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="rojandekontroll-nu">
        <h2 id="rojandekontroll-nu">{t("disclosureSettings.currentTitle")}</h2>
        <p data-threshold={threshold}>
          {threshold > 0
            ? `${t("disclosureSettings.currentOn", { threshold })} ${
                allowTrueZero
                  ? t("registerStatistics.zeroShown")
                  : t("registerStatistics.zeroHidden", { threshold })
              }`
            : t("disclosureSettings.currentOff")}
          {version === 0 ? ` ${t("disclosureSettings.currentDefault")}` : null}
        </p>
        <h3>{t("disclosureSettings.whereTitle")}</h3>
        <p>{t("disclosureSettings.where")}</p>
      </section>

      <section aria-labelledby="rojandekontroll-andra">
        <h2 id="rojandekontroll-andra">{t("disclosureSettings.formTitle")}</h2>
        <Form method="post" action={here} key={`disclosure-${formKey}`}>
          <input type="hidden" name="version" value={v("version")} />
          <TextInput
            name="threshold"
            label={t("disclosureSettings.threshold")}
            hint={t("disclosureSettings.thresholdHint", {
              standard: DEFAULT_DISCLOSURE_THRESHOLD,
              min: DISCLOSURE_THRESHOLD_MIN,
              max: DISCLOSURE_THRESHOLD_MAX,
            })}
            inputMode="numeric"
            short
            defaultValue={v("threshold")}
            error={errors.threshold}
            mark="required"
          />
          <Choices
            name="allowTrueZero"
            label={t("disclosureSettings.zero")}
            hint={t("disclosureSettings.zeroHint")}
            options={[
              { value: "nej", label: t("disclosureSettings.zeroNo") },
              { value: "ja", label: t("disclosureSettings.zeroYes") },
            ]}
            checked={v("allowTrueZero")}
            error={errors.allowTrueZero}
            mark="required"
          />
          <div className="button-row">
            <SubmitButton>{t("disclosureSettings.submit")}</SubmitButton>
            <Link to={`/${d.slug}/deltagarstatistik`}>{t("common.cancel")}</Link>
          </div>
        </Form>
      </section>
    </main>
  );
}
