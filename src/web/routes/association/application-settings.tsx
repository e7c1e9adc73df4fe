// The association's application form, for the office: its version label, the help text under
// each field, the agreement text applicants accept by signing, and the logo on the documents.
import { Link, useLocation, useSearchParams } from "react-router";
import { APPLICATION_FIELDS } from "../../../applications/content.ts";
import {
  getApplicationSettings,
  getAssociationLogo,
  saveApplicationSettings,
  setAssociationLogo,
} from "../../../applications/settings.ts";
import { ValidationError } from "../../../platform/errors.ts";
import {
  actorOf,
  attempt,
  redirectWithNotice,
  requireAssociation,
  text,
} from "../../guard.server.ts";
import { ErrorSummary, Form, SubmitButton, TextField, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import type { Route } from "./+types/application-settings.ts";

const helpName = (key: string) => `help-${key}`;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "applications.manage",
  );
  const db = state.services.db;
  const settings = await getApplicationSettings(db, association.id);
  const logo = await getAssociationLogo(db, association.id);
  return {
    slug: association.slug,
    associationName: association.name,
    settings,
    logo: logo ? `data:${logo.mediaType};base64,${logo.data.toString("base64")}` : null,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association } = await requireAssociation(
    context,
    request,
    params.association,
    "applications.manage",
  );
  const db = state.services.db;
  const actor = actorOf(state);
  const form = await request.formData();
  const intent = text(form, "intent");
  const here = `/${association.slug}/ansokningar/blankett`;
  if (intent === "logo" || intent === "remove-logo") {
    const result = await attempt(async () => {
      if (intent === "remove-logo") {
        await setAssociationLogo(db, actor, association.id, null);
        return "logotyp-borttagen";
      }
      const file = form.get("logo");
      // an empty upload would remove the logo: choosing no file is a mistake to point out
      if (!(file instanceof File) || file.size === 0)
        throw new ValidationError({ logo: "Välj en bildfil i PNG- eller JPEG-format." });
      await setAssociationLogo(db, actor, association.id, new Uint8Array(await file.arrayBuffer()));
      return "logotyp";
    });
    if (!result.ok) return result.failure;
    return redirectWithNotice(here, result.value);
  }
  const values: Record<string, string> = {
    version: text(form, "version"),
    formVersion: text(form, "formVersion"),
    agreementText: text(form, "agreementText"),
  };
  for (const field of APPLICATION_FIELDS)
    values[helpName(field.key)] = text(form, helpName(field.key));
  const result = await attempt(async () => {
    try {
      await saveApplicationSettings(db, actor, association.id, Number(values.version), {
        formVersion: values.formVersion ?? "",
        agreementText: values.agreementText ?? "",
        helpTexts: Object.fromEntries(
          APPLICATION_FIELDS.map((f) => [f.key, values[helpName(f.key)] ?? ""]),
        ),
      });
    } catch (error) {
      // a help text's problem is shown at its field, by the name it has on this page
      if (error instanceof ValidationError)
        throw new ValidationError(
          Object.fromEntries(
            Object.entries(error.fields).map(([k, m]) => [
              k.startsWith("help.") ? helpName(k.slice(5)) : k,
              m,
            ]),
          ),
        );
      throw error;
    }
  }, values);
  if (!result.ok) return result.failure;
  return redirectWithNotice(here, "sparad");
}

const NOTICES = {
  sparad: "application.settings.saved",
  logotyp: "application.settings.logoSaved",
  "logotyp-borttagen": "application.settings.logoRemoved",
} as const;

export default function ApplicationSettings({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const errors = failure?.errors;
  const values = failure?.values;
  const [params] = useSearchParams();
  const { key: formKey } = useLocation();
  const { settings, slug } = loaderData;
  const notice = params.get("klart");
  const noticeKey =
    notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : undefined;
  const title = t("application.settings.title");
  const here = `/${slug}/ansokningar/blankett`;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={`/${slug}/ansokningar`}>{t("application.backToList")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("application.settings.intro")}</p>
      {noticeKey && !failure ? (
        <p className="notice" role="status">
          {t(noticeKey)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      {errors?.form ? (
        <p className="warning">
          {t("application.settings.conflictHelp")}{" "}
          <Link to={here} reloadDocument>
            {t("application.reload")}
          </Link>
        </p>
      ) : null}

      <h2>{t("application.settings.formTitle")}</h2>
      <Form method="post" action={here} key={`settings-${formKey}`}>
        <input type="hidden" name="intent" value="settings" />
        <input type="hidden" name="version" value={values?.version ?? settings.version} />
        <TextField
          name="formVersion"
          label={t("application.settings.formVersion")}
          hint={t("application.settings.formVersionHint")}
          defaultValue={values?.formVersion ?? settings.formVersion}
          error={errors?.formVersion}
          required
        />
        <h3>{t("application.settings.helpTitle")}</h3>
        <p>{t("application.settings.helpIntro")}</p>
        {APPLICATION_FIELDS.map((field) => {
          const name = helpName(field.key);
          const error = errors?.[name];
          return (
            <div key={field.key} className={error ? "field field--error" : "field"}>
              <label htmlFor={name}>
                {t("application.settings.helpFor", { field: field.label })}
              </label>
              {error ? (
                <p className="field__error" id={`${name}-error`}>
                  {error}
                </p>
              ) : null}
              <textarea
                id={name}
                name={name}
                rows={2}
                defaultValue={values?.[name] ?? settings.helpTexts[field.key] ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${name}-error` : undefined}
                className="input"
              />
            </div>
          );
        })}
        <h3>{t("application.agreementTitle")}</h3>
        <div className={errors?.agreementText ? "field field--error" : "field"}>
          <label htmlFor="agreementText">
            {t("application.settings.agreementText")}
            <span className="field__required"> ({t("common.required")})</span>
          </label>
          <p className="field__hint" id="agreementText-hint">
            {t("application.settings.agreementHint")}
          </p>
          {errors?.agreementText ? (
            <p className="field__error" id="agreementText-error">
              {errors.agreementText}
            </p>
          ) : null}
          <textarea
            id="agreementText"
            name="agreementText"
            rows={12}
            required
            defaultValue={values?.agreementText ?? settings.agreementText}
            aria-invalid={errors?.agreementText ? true : undefined}
            aria-describedby={
              errors?.agreementText
                ? "agreementText-hint agreementText-error"
                : "agreementText-hint"
            }
            className="input"
          />
        </div>
        <SubmitButton>{t("application.settings.save")}</SubmitButton>
      </Form>

      <h2>{t("application.settings.logoTitle")}</h2>
      <p>{t("application.settings.logoIntro")}</p>
      {loaderData.logo ? (
        <p>
          <img
            src={loaderData.logo}
            alt={t("application.settings.logoAlt", { name: loaderData.associationName })}
            height={96}
          />
        </p>
      ) : (
        <p>{t("application.settings.noLogo")}</p>
      )}
      <Form method="post" action={here} encType="multipart/form-data" key={`logo-${formKey}`}>
        <input type="hidden" name="intent" value="logo" />
        <div className={errors?.logo ? "field field--error" : "field"}>
          <label htmlFor="logo">{t("application.settings.logoFile")}</label>
          <p className="field__hint" id="logo-hint">
            {t("application.settings.logoHint")}
          </p>
          {errors?.logo ? (
            <p className="field__error" id="logo-error">
              {errors.logo}
            </p>
          ) : null}
          <input
            type="file"
            id="logo"
            name="logo"
            accept="image/png,image/jpeg"
            aria-invalid={errors?.logo ? true : undefined}
            aria-describedby={errors?.logo ? "logo-hint logo-error" : "logo-hint"}
          />
        </div>
        <SubmitButton variant="secondary">{t("application.settings.logoSubmit")}</SubmitButton>
      </Form>
      {loaderData.logo ? (
        <Form method="post" action={here} key={`remove-logo-${formKey}`}>
          <input type="hidden" name="intent" value="remove-logo" />
          <SubmitButton variant="danger">{t("application.settings.logoRemove")}</SubmitButton>
        </Form>
      ) : null}
    </main>
  );
}
