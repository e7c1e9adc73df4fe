// One guide of Stöd, new ("ny") or saved: its category, the participants it is for, and its
// text in Swedish (always) and in any of the portal's other languages, each written beside the
// saved Swedish. Publishing shows it to participants; removing deletes it. Every form carries
// the version it was read at, so two people editing the same guide never overwrite each other.
import { data, Link, redirect, useSearchParams } from "react-router";
import { can } from "../../../access/policy.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import { createTranslator, type MessageKey } from "../../../platform/i18n/translate.ts";
import {
  createGuide,
  type GuideInput,
  getGuideForStaff,
  guideField,
  guideInitiativeChoices,
  removeGuide,
  setGuidePublished,
  updateGuide,
} from "../../../portal/guides.ts";
import { PORTAL_LOCALES, type PortalLocale, portalDirection } from "../../../portal/locales.ts";
import { GUIDE_CATEGORIES } from "../../../portal/schema.ts";
import { actorOf, attempt, redirectWithNotice, text } from "../../guard.server.ts";
import {
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextField,
  useFormFailure,
} from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { LanguageTextField } from "../../ui/language-text-field.tsx";
import type { Route } from "./+types/guide-edit.ts";
import { categoryKey, languageKey } from "./guide-keys.ts";
import { requireGuideWriter } from "./guides-access.server.ts";

const NEW = "ny";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, principal, association } = await requireGuideWriter(
    context,
    request,
    params.association,
  );
  const db = state.services.db;
  const initiatives = await guideInitiativeChoices(db, principal, association.id);
  const wholeAssociation = can(principal, "portal.guides", association.id);
  if (params.guideId === NEW)
    return { slug: association.slug, initiatives, wholeAssociation, guide: null };
  const g = await getGuideForStaff(db, principal, association.id, params.guideId).catch(
    (error: unknown) => {
      if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
      throw error;
    },
  );
  return {
    slug: association.slug,
    initiatives,
    wholeAssociation,
    guide: {
      id: g.id,
      version: g.version,
      category: g.category,
      initiativeId: g.initiativeId ?? "",
      position: String(g.position),
      published: g.published,
      texts: g.texts,
      updated: formatDateTime(g.updatedAt),
      updatedByName: g.updatedByName,
    },
  };
}

/** What the form sent, as the values to show again and the use case's input. */
function formValues(form: FormData): { values: Record<string, string>; input: GuideInput } {
  const values: Record<string, string> = {
    category: text(form, "category"),
    initiativeId: text(form, "initiativeId"),
    position: text(form, "position"),
  };
  const texts: GuideInput["texts"] = {};
  for (const locale of PORTAL_LOCALES) {
    const title = text(form, guideField(locale, "title"));
    const body = text(form, guideField(locale, "body"));
    values[guideField(locale, "title")] = title;
    values[guideField(locale, "body")] = body;
    texts[locale] = { title, body };
  }
  return {
    values,
    input: {
      category: values.category ?? "",
      initiativeId: values.initiativeId || null,
      position: values.position ?? "",
      texts,
    },
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, principal, association } = await requireGuideWriter(
    context,
    request,
    params.association,
  );
  const db = state.services.db;
  const actor = actorOf(state);
  const form = await request.formData();
  const intent = text(form, "intent");
  const version = Number(text(form, "version"));
  const base = `/${association.slug}/stod`;

  if (params.guideId === NEW) {
    const { values, input } = formValues(form);
    const created = await attempt(
      () => createGuide(db, actor, principal, association.id, input),
      values,
    );
    if (!created.ok) return created.failure;
    return redirectWithNotice(`${base}/${created.value.id}`, "skapad");
  }
  const guideId = params.guideId;
  if (intent === "publish" || intent === "unpublish") {
    const done = await attempt(() =>
      setGuidePublished(
        db,
        actor,
        principal,
        association.id,
        guideId,
        version,
        intent === "publish",
      ),
    );
    if (!done.ok) return done.failure;
    return redirectWithNotice(
      `${base}/${guideId}`,
      intent === "publish" ? "publicerad" : "avpublicerad",
    );
  }
  if (intent === "remove") {
    if (text(form, "confirmRemove") !== "ja")
      return data(
        {
          errors: {
            confirmRemove: createTranslator(state.locale)(
              "portalStaff.guides.removeConfirmMissing",
            ),
          },
          values: { intent },
        },
        { status: 400 },
      );
    const done = await attempt(() =>
      removeGuide(db, actor, principal, association.id, guideId, version),
    );
    if (!done.ok) return done.failure;
    return redirectWithNotice(base, "borttagen");
  }
  if (intent !== "save") throw redirect(`${base}/${guideId}`);
  const { values, input } = formValues(form);
  const saved = await attempt(
    () => updateGuide(db, actor, principal, association.id, guideId, version, input),
    values,
  );
  if (!saved.ok) return saved.failure;
  return redirectWithNotice(`${base}/${guideId}`, "sparad");
}

const NOTICES: Record<string, MessageKey> = {
  skapad: "portalStaff.guides.notice.created",
  sparad: "portalStaff.guides.notice.saved",
  publicerad: "portalStaff.guides.notice.published",
  avpublicerad: "portalStaff.guides.notice.unpublished",
};

/** The Swedish text as participants will read it, beside another language's fields. */
function SwedishBeside({ title, body }: { title: string; body: string }) {
  const { t } = useI18n();
  return (
    <div className="guide-edit__swedish">
      <p className="guide-edit__swedish-label">{t("portalStaff.guides.swedishBeside")}</p>
      <div lang="sv" dir="ltr">
        <p>
          <strong>{title}</strong>
        </p>
        <p className="guide-edit__swedish-body">{body}</p>
      </div>
    </div>
  );
}

function LanguageFields({
  locale,
  values,
  errors,
}: {
  locale: PortalLocale;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { t, locale: ui } = useI18n();
  const dir = portalDirection(locale);
  const name = t(languageKey(locale));
  // inside a Swedish sentence a language's name has a small letter: "Rubrik på svenska"
  const language = ui === "sv" ? name.toLocaleLowerCase("sv-SE") : name;
  const titleName = guideField(locale, "title");
  const bodyName = guideField(locale, "body");
  return (
    <fieldset lang={locale} dir={dir} className="guide-edit__language">
      <legend lang={ui} dir="ltr">
        {locale === "sv"
          ? t("portalStaff.guides.swedishRequired", { language: name })
          : t("portalStaff.guides.optionalLanguage", { language: name })}
      </legend>
      <LanguageTextField
        name={titleName}
        label={t("portalStaff.guides.field.title", { language })}
        hint={t("portalStaff.guides.field.titleHint")}
        error={errors[titleName]}
        value={values[titleName] ?? ""}
        lang={locale}
      />
      <LanguageTextField
        name={bodyName}
        label={t("portalStaff.guides.field.body", { language })}
        hint={t("portalStaff.guides.field.bodyHint")}
        error={errors[bodyName]}
        value={values[bodyName] ?? ""}
        lang={locale}
        rows={locale === "sv" ? 12 : 10}
      />
    </fieldset>
  );
}

export default function GuideEdit({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const [params] = useSearchParams();
  const notice = params.get("klart");
  const { slug, initiatives, wholeAssociation, guide } = loaderData;
  const errors = failure?.errors ?? {};
  const failedValues = failure?.values && !failure.values.intent ? failure.values : undefined;
  const values: Record<string, string> = failedValues ?? {
    category: guide?.category ?? "",
    initiativeId: guide?.initiativeId ?? (wholeAssociation ? "" : (initiatives[0]?.id ?? "")),
    position: guide?.position ?? "0",
    ...Object.fromEntries(
      PORTAL_LOCALES.flatMap((l) => [
        [guideField(l, "title"), guide?.texts[l]?.title ?? ""],
        [guideField(l, "body"), guide?.texts[l]?.body ?? ""],
      ]),
    ),
  };
  const heading = guide
    ? `${t("portalStaff.guides.editTitle")}: ${guide.texts.sv?.title ?? ""}`
    : t("portalStaff.guides.newTitle");
  const forOptions = [
    ...(wholeAssociation ? [{ value: "", label: t("portalStaff.guides.wholeAssociation") }] : []),
    ...initiatives.map((i) => ({ value: i.id, label: i.name })),
  ];
  const savedSwedish = guide?.texts.sv;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${heading} – Samspår`}</title>
      <p>
        <Link to={`/${slug}/stod`}>{t("portalStaff.guides.backToList")}</Link>
      </p>
      <h1>{heading}</h1>
      {notice && Object.hasOwn(NOTICES, notice) ? (
        <p className="notice" role="status">
          {t(NOTICES[notice] as MessageKey)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      {guide ? (
        <p>
          {t("portalStaff.guides.status", {
            status: guide.published
              ? t("portalStaff.guides.published")
              : t("portalStaff.guides.draft"),
          })}{" "}
          · {t("portalStaff.guides.col.updated")}:{" "}
          {t("portalStaff.guides.updatedBy", { date: guide.updated, name: guide.updatedByName })}
        </p>
      ) : null}

      <Form method="post" reloadDocument noValidate>
        <input type="hidden" name="intent" value="save" />
        {guide ? <input type="hidden" name="version" value={guide.version} /> : null}
        <SelectField
          name="category"
          label={t("portalStaff.guides.field.category")}
          error={errors.category}
          defaultValue={values.category}
          required
          options={[
            { value: "", label: t("common.choose") },
            ...GUIDE_CATEGORIES.map((c) => ({ value: c, label: t(categoryKey(c)) })),
          ]}
        />
        <SelectField
          name="initiativeId"
          label={t("portalStaff.guides.field.initiative")}
          hint={t("portalStaff.guides.field.initiativeHint")}
          error={errors.initiativeId}
          defaultValue={values.initiativeId}
          options={forOptions}
        />
        <TextField
          name="position"
          label={t("portalStaff.guides.field.position")}
          hint={t("portalStaff.guides.field.positionHint")}
          error={errors.position}
          defaultValue={values.position}
          inputMode="numeric"
          width="short"
        />
        <LanguageFields locale="sv" values={values} errors={errors} />
        <h2>{t("portalStaff.guides.otherLanguagesTitle")}</h2>
        <p>{t("portalStaff.guides.otherLanguagesIntro")}</p>
        {PORTAL_LOCALES.filter((l) => l !== "sv").map((locale) => {
          const hasContent =
            Boolean(values[guideField(locale, "title")] || values[guideField(locale, "body")]) ||
            Boolean(errors[guideField(locale, "title")] || errors[guideField(locale, "body")]);
          return (
            <details key={locale} className="guide-edit__details" open={hasContent}>
              <summary>{t(languageKey(locale))}</summary>
              <div className="guide-edit__side-by-side">
                <LanguageFields locale={locale} values={values} errors={errors} />
                {savedSwedish ? (
                  <SwedishBeside title={savedSwedish.title} body={savedSwedish.body} />
                ) : (
                  <p className="guide-edit__swedish">{t("portalStaff.guides.swedishNotSaved")}</p>
                )}
              </div>
            </details>
          );
        })}
        <div className="button-row">
          <SubmitButton>
            {guide ? t("portalStaff.guides.save") : t("portalStaff.guides.create")}
          </SubmitButton>
          <Link to={`/${slug}/stod`}>{t("common.cancel")}</Link>
        </div>
      </Form>

      {guide ? (
        <>
          <section aria-labelledby="publicera" className="panel">
            <h2 id="publicera">{t("portalStaff.guides.publishTitle")}</h2>
            <p>{t("portalStaff.guides.publishHint")}</p>
            <Form method="post" reloadDocument>
              <input type="hidden" name="version" value={guide.version} />
              <input
                type="hidden"
                name="intent"
                value={guide.published ? "unpublish" : "publish"}
              />
              <SubmitButton variant={guide.published ? "secondary" : "primary"}>
                {guide.published
                  ? t("portalStaff.guides.unpublish")
                  : t("portalStaff.guides.publish")}
              </SubmitButton>
            </Form>
          </section>
          <section aria-labelledby="ta-bort" className="panel">
            <h2 id="ta-bort">{t("portalStaff.guides.removeTitle")}</h2>
            <Form method="post" reloadDocument>
              <input type="hidden" name="version" value={guide.version} />
              <input type="hidden" name="intent" value="remove" />
              <div className={errors.confirmRemove ? "field field--error" : "field"}>
                {errors.confirmRemove ? (
                  <p className="field__error" id="confirmRemove-error">
                    {errors.confirmRemove}
                  </p>
                ) : null}
                <label htmlFor="confirmRemove">
                  <input
                    type="checkbox"
                    id="confirmRemove"
                    name="confirmRemove"
                    value="ja"
                    aria-describedby={errors.confirmRemove ? "confirmRemove-error" : undefined}
                  />{" "}
                  {t("portalStaff.guides.removeConfirm")}
                </label>
              </div>
              <SubmitButton variant="danger">{t("portalStaff.guides.remove")}</SubmitButton>
            </Form>
          </section>
        </>
      ) : null}
    </main>
  );
}
