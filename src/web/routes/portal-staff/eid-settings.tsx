// The association's e-ID broker for the participant portal, for the office (permission
// portal.eid): the broker's issuer, the client, which claim carries the personnummer, the
// button's text and whether it is on; the redirect URI to register at the broker, a check that
// the broker answers, and the link to try the whole sign-in. The secret is never shown.
import { data, Link, useActionData, useLocation, useSearchParams } from "react-router";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import {
  checkEidConnection,
  DEFAULT_EID_LABEL,
  eidRedirectUri,
  getEidSettings,
  saveEidSettings,
} from "../../../portal/eid.ts";
import {
  actorOf,
  attempt,
  redirectWithNotice,
  requireAssociation,
  text,
} from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton, TextField } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import type { Route } from "./+types/eid-settings.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "portal.eid",
  );
  const settings = await getEidSettings(state.services.db, association.id);
  return {
    slug: association.slug,
    settings: settings
      ? {
          enabled: settings.enabled,
          issuer: settings.issuer,
          clientId: settings.clientId,
          personalNumberClaim: settings.personalNumberClaim,
          scopes: settings.scopes,
          label: settings.label,
          version: settings.version,
          updatedByName: settings.updatedByName,
          updatedAt: formatDateTime(settings.updatedAt),
        }
      : undefined,
    defaultLabel: DEFAULT_EID_LABEL,
    redirectUri: eidRedirectUri(state.services.config.baseUrl),
    signInPath: `/portal/logga-in/e-legitimation/${association.slug}`,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, principal, association } = await requireAssociation(
    context,
    request,
    params.association,
    "portal.eid",
  );
  const { db, secrets, config } = state.services;
  const form = await request.formData();
  const here = `/${association.slug}/e-legitimation`;
  if (text(form, "intent") === "test") {
    const checked = await checkEidConnection(db, secrets, association.id, config.baseUrl);
    return data({ test: checked }, { status: checked.ok ? 200 : 400 });
  }
  // the secret is never sent back to the form
  const values: Record<string, string> = {
    version: text(form, "version"),
    enabled: text(form, "enabled"),
    issuer: text(form, "issuer"),
    clientId: text(form, "clientId"),
    personalNumberClaim: text(form, "personalNumberClaim"),
    scopes: text(form, "scopes"),
    label: text(form, "label"),
  };
  const result = await attempt(
    () =>
      saveEidSettings(
        db,
        secrets,
        actorOf(state),
        principal.name,
        association.id,
        Number(values.version) || 0,
        {
          enabled: values.enabled === "on",
          issuer: values.issuer ?? "",
          clientId: values.clientId ?? "",
          clientSecret: text(form, "clientSecret"),
          personalNumberClaim: values.personalNumberClaim ?? "",
          scopes: values.scopes ?? "",
          label: values.label ?? "",
        },
      ),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(here, "sparad");
}

export default function EidSettings({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const answer = useActionData<typeof action>() as
    | {
        errors?: Record<string, string>;
        values?: Record<string, string>;
        test?: { ok: true; issuer: string } | { ok: false; message: string };
      }
    | undefined;
  const errors = answer?.errors;
  const values = answer?.values;
  const test = answer?.test;
  const [params] = useSearchParams();
  const { key: formKey } = useLocation();
  const { settings, slug, redirectUri, signInPath, defaultLabel } = loaderData;
  const here = `/${slug}/e-legitimation`;
  const title = t("portalStaff.eid.title");
  const value = (name: keyof NonNullable<typeof settings>) =>
    values?.[name] ?? (settings ? String(settings[name]) : "");
  const enabled = values ? values.enabled === "on" : (settings?.enabled ?? false);
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <h1>{title}</h1>
      <p className="lead">{t("portalStaff.eid.intro")}</p>
      {params.get("klart") === "sparad" && !answer ? (
        <p className="notice" role="status">
          {t("portalStaff.eid.saved")}
        </p>
      ) : null}
      <p>
        <strong>
          {!settings
            ? t("portalStaff.eid.statusNone")
            : settings.enabled
              ? t("portalStaff.eid.statusOn", { label: settings.label })
              : t("portalStaff.eid.statusOff")}
        </strong>
        {settings ? (
          <>
            {" "}
            {t("portalStaff.eid.lastSaved", {
              when: settings.updatedAt,
              name: settings.updatedByName,
            })}
          </>
        ) : null}
      </p>

      <h2>{t("portalStaff.eid.redirectTitle")}</h2>
      <p className="field__hint">{t("portalStaff.eid.redirectHint")}</p>
      <p>
        <code>{redirectUri}</code>
      </p>

      <h2>{t("portalStaff.eid.formTitle")}</h2>
      <ErrorSummary errors={errors} />
      {errors?.form ? (
        <p className="warning">
          {t("portalStaff.eid.conflictHelp")}{" "}
          <Link to={here} reloadDocument>
            {t("portalStaff.eid.reload")}
          </Link>
        </p>
      ) : null}
      <Form method="post" action={here} key={`eid-${formKey}`}>
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={values?.version ?? settings?.version ?? 0} />
        <div className="field">
          <label htmlFor="enabled">
            <input
              type="checkbox"
              id="enabled"
              name="enabled"
              value="on"
              defaultChecked={enabled}
              aria-describedby="enabled-hint"
            />{" "}
            {t("portalStaff.eid.enabled")}
          </label>
          <p className="field__hint" id="enabled-hint">
            {t("portalStaff.eid.enabledHint")}
          </p>
        </div>
        <TextField
          name="issuer"
          label={t("portalStaff.eid.issuer")}
          hint={t("portalStaff.eid.issuerHint")}
          error={errors?.issuer}
          defaultValue={value("issuer")}
          required
        />
        <TextField
          name="clientId"
          label={t("portalStaff.eid.clientId")}
          error={errors?.clientId}
          defaultValue={value("clientId")}
          autoComplete="off"
          required
        />
        <TextField
          name="clientSecret"
          type="password"
          label={t("portalStaff.eid.clientSecret")}
          hint={t(
            settings
              ? "portalStaff.eid.clientSecretHintKept"
              : "portalStaff.eid.clientSecretHintNew",
          )}
          error={errors?.clientSecret}
          autoComplete="new-password"
          required={!settings}
        />
        <TextField
          name="personalNumberClaim"
          label={t("portalStaff.eid.claim")}
          hint={t("portalStaff.eid.claimHint")}
          error={errors?.personalNumberClaim}
          defaultValue={value("personalNumberClaim")}
          autoComplete="off"
        />
        <TextField
          name="scopes"
          label={t("portalStaff.eid.scopes")}
          hint={t("portalStaff.eid.scopesHint")}
          error={errors?.scopes}
          defaultValue={values?.scopes ?? settings?.scopes ?? "openid profile"}
          autoComplete="off"
        />
        <TextField
          name="label"
          label={t("portalStaff.eid.label")}
          hint={t("portalStaff.eid.labelHint")}
          error={errors?.label}
          defaultValue={values?.label ?? settings?.label ?? defaultLabel}
          width="short"
        />
        <SubmitButton>{t("portalStaff.eid.save")}</SubmitButton>
      </Form>

      {settings ? (
        <>
          <h2>{t("portalStaff.eid.testTitle")}</h2>
          <p>{t("portalStaff.eid.testHint")}</p>
          {test ? (
            <p className={test.ok ? "notice" : "warning"} role={test.ok ? "status" : "alert"}>
              {test.ok
                ? t("portalStaff.eid.testOk", { issuer: test.issuer })
                : t("portalStaff.eid.testFailed", { message: test.message })}
            </p>
          ) : null}
          <Form method="post" action={here}>
            <input type="hidden" name="intent" value="test" />
            <SubmitButton variant="secondary">{t("portalStaff.eid.testButton")}</SubmitButton>
          </Form>
          <p>
            <a href={signInPath}>{t("portalStaff.eid.testLink")}</a>
          </p>
        </>
      ) : null}
    </main>
  );
}
