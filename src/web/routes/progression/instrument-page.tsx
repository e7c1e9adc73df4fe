// One instrument: its licence, and every version — a draft as a form the office edits without
// JavaScript (scale, labels, scoring, subscales, the questions each in its own fieldset with the
// other languages folded away; "Lägg till fråga" and "Ta bort fråga N" are submit buttons the
// server answers by drawing the form again with what was typed), saved at the version read and
// published after a confirmation; published versions read only, in every language (right-to-left
// ones marked so). Shipped instruments are read only for everyone; the board sees the page read
// only. "Starta ny version" copies the latest published version into a draft.
import type { ReactNode } from "react";
import { data, Link } from "react-router";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import {
  publishVersion,
  saveDraft,
  setInstrumentArchived,
  startNewVersion,
  validateDefinition,
} from "../../../progression/instruments.ts";
import {
  type InstrumentDefinition,
  PORTAL_LANGUAGES,
  type PortalLanguage,
  RTL_LANGUAGES,
  type Texts,
} from "../../../progression/model.ts";
import { actorOf, attempt, redirectWithNotice, text } from "../../guard.server.ts";
import { Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { ActionOutcome, IntentForm, problemsOf, useWorkflow } from "../../ui/workflow-panels.tsx";
import type { Route } from "./+types/instrument-page.ts";
import { itemCount, subscaleCount } from "./instrument-fields.ts";
import {
  addRow,
  definitionValues,
  EDIT,
  postedValues,
  removeRow,
  requireInstrument,
  requireInstruments,
  valuesDefinition,
} from "./instrument-form.server.ts";

const NOTICES: Record<string, MessageKey> = {
  skapat: "progressionInstruments.noticeCreated",
  sparat: "progressionInstruments.noticeSaved",
  publicerad: "progressionInstruments.noticePublished",
  ny_version: "progressionInstruments.noticeNewVersion",
  arkiverat: "progressionInstruments.noticeArchived",
  aterstallt: "progressionInstruments.noticeUnarchived",
};

const PUBLISH_CHECK_FAILED =
  "Utkastet är sparat, men det kan inte publiceras förrän det som står nedan är rättat.";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const access = await requireInstruments(context, request, params.association);
  const instrument = await requireInstrument(access, params.instrumentId);
  const canEdit = access.canEdit && !instrument.shipped;
  const draft = instrument.versions.find((v) => v.status === "utkast");
  const published = instrument.versions.filter((v) => v.status === "publicerad").reverse();
  return {
    slug: access.association.slug,
    canEdit,
    instrument: {
      id: instrument.id,
      name: instrument.name.sv,
      key: instrument.key,
      licence: instrument.licence,
      shipped: instrument.shipped,
      archived: instrument.archived,
    },
    confirm: canEdit && draft !== undefined && new URL(request.url).searchParams.has("publicera"),
    latestNumber: instrument.versions.at(-1)?.number ?? 0,
    draft: draft
      ? {
          id: draft.id,
          number: draft.number,
          version: draft.version,
          created: formatDateTime(draft.createdAt),
          by: draft.createdByName,
          definition: draft.definition,
          values: definitionValues(draft.definition),
        }
      : null,
    published: published.map((v) => ({
      id: v.id,
      number: v.number,
      publishedAt: v.publishedAt ? formatDateTime(v.publishedAt) : "",
      by: v.publishedByName ?? "",
      definition: v.definition,
    })),
  };
}

type Rows = "items" | "subscales";
const ROW_INTENT = /^(add|remove)_(item|subscale)(?::(\d+))?$/;

export async function action({ context, request, params }: Route.ActionArgs) {
  const access = await requireInstruments(context, request, params.association, EDIT);
  const instrument = await requireInstrument(access, params.instrumentId);
  const { state, association } = access;
  const db = state.services.db;
  const actor = actorOf(state);
  const here = `/${association.slug}/progression/instrument/${instrument.id}`;
  const form = await request.formData();
  const intent = text(form, "intent");
  // a version is changed only through the page of its own instrument
  const versionId = text(form, "version_id");
  if (versionId !== "" && !instrument.versions.some((v) => v.id === versionId))
    throw data({ message: "Versionen finns inte i det här instrumentet." }, { status: 404 });

  if (intent === "new_version") {
    const result = await attempt(() => startNewVersion(db, actor, association.id, instrument.id));
    if (!result.ok) return result.failure;
    return redirectWithNotice(here, "ny_version");
  }
  if (intent === "archive" || intent === "unarchive") {
    const archived = intent === "archive";
    const result = await attempt(() =>
      setInstrumentArchived(db, actor, association.id, instrument.id, archived),
    );
    if (!result.ok) return result.failure;
    return redirectWithNotice(here, archived ? "arkiverat" : "aterstallt");
  }
  if (intent === "confirm_publish") {
    const result = await attempt(() =>
      publishVersion(db, actor, association.id, versionId, Number(text(form, "version"))),
    );
    if (!result.ok) return result.failure;
    return redirectWithNotice(here, "publicerad");
  }

  // the draft's form: every field comes back, drawn again on anything but a successful save
  const values = postedValues(form);
  values.version_id = versionId;
  const rev = String((Number(values.rev) || 0) + 1);
  const row = ROW_INTENT.exec(intent);
  if (row) {
    const rows: Rows = row[2] === "item" ? "items" : "subscales";
    const index = Number(row[3]);
    const next = row[1] === "add" ? addRow(values, rows) : removeRow(values, rows, index);
    if (!next)
      return data(
        {
          errors: {
            [rows]:
              rows === "items"
                ? "Ett instrument kan ha högst 60 frågor."
                : "Ett instrument kan ha högst 20 delskalor.",
          },
          values: { ...values, rev },
        },
        { status: 400 },
      );
    return {
      errors: {},
      values: { ...next, rev },
      notice: {
        key: `${row[1]}_${row[2]}`,
        number:
          row[1] === "add"
            ? Number(next[rows === "items" ? "item_count" : "subscale_count"])
            : index + 1,
      },
    };
  }
  if (intent !== "save" && intent !== "publish")
    return data(
      { errors: { form: "Okänd åtgärd. Ladda om sidan och försök igen." } },
      { status: 400 },
    );

  const definition = valuesDefinition(values);
  const saved = await attempt(
    () =>
      saveDraft(
        db,
        actor,
        association.id,
        values.version_id ?? "",
        definition,
        Number(values.version),
      ),
    { ...values, rev },
  );
  if (!saved.ok) return saved.failure;
  if (intent === "save") return redirectWithNotice(here, "sparat");
  const problems = validateDefinition(definition, "publicera");
  if (Object.keys(problems).length > 0)
    return data(
      {
        errors: { form: PUBLISH_CHECK_FAILED, ...problems },
        values: { ...values, version: String(saved.value.version), rev },
      },
      { status: 400 },
    );
  return redirectWithNotice(`${here}?publicera=1`, "sparat");
}

// ---------------------------------------------------------------------------------------------

type Translate = ReturnType<typeof useI18n>["t"];

const langLabel = (t: Translate, lang: PortalLanguage) =>
  t(`progressionInstruments.language_${lang}` as MessageKey);

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const dirOf = (lang: PortalLanguage) => (RTL_LANGUAGES.has(lang) ? "rtl" : "ltr");

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;

/** A text field of the draft form, with its language and direction. */
function TextBox(props: {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  lang?: PortalLanguage;
  multiline?: boolean;
  short?: boolean;
  inputMode?: "numeric" | "decimal";
}) {
  const { name, label, hint, error, value, lang, multiline, short, inputMode } = props;
  const common = {
    id: name,
    name,
    defaultValue: value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(name, hint, error),
    ...(lang ? { lang, dir: dirOf(lang) } : {}),
  };
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={3} className="input" />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          className={short ? "input input--short" : "input"}
        />
      )}
    </div>
  );
}

/** The Swedish text of a field, and the other languages folded away under it. */
function LanguageFields(props: {
  prefix: string;
  label: string;
  /** What the text is, for the other languages' labels: "Fråga 3" → "Fråga 3 på arabiska". */
  noun: string;
  hint?: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  multiline?: boolean;
}) {
  const { t } = useI18n();
  const { prefix, label, noun, hint, values, errors, multiline } = props;
  const others = PORTAL_LANGUAGES.filter((l) => l !== "sv");
  const open = others.some((l) => errors[`${prefix}_${l}`]);
  return (
    <>
      <TextBox
        name={`${prefix}_sv`}
        label={label}
        hint={hint}
        error={errors[`${prefix}_sv`]}
        value={values[`${prefix}_sv`] ?? ""}
        lang="sv"
        multiline={multiline ?? false}
      />
      <details open={open}>
        <summary>{t("progressionInstruments.otherLanguages", { what: noun })}</summary>
        {others.map((lang) => (
          <TextBox
            key={lang}
            name={`${prefix}_${lang}`}
            label={t("progressionInstruments.inLanguage", {
              what: noun,
              language: langLabel(t, lang),
            })}
            error={errors[`${prefix}_${lang}`]}
            value={values[`${prefix}_${lang}`] ?? ""}
            lang={lang}
            multiline={multiline ?? false}
          />
        ))}
      </details>
    </>
  );
}

function DraftForm({
  draft,
  values,
  errors,
  formKey,
}: {
  draft: { id: string; number: number };
  values: Record<string, string>;
  errors: Record<string, string>;
  formKey: string;
}) {
  const { t } = useI18n();
  const items = itemCount(values);
  const subscales = subscaleCount(values);
  const subscaleOptions = Array.from({ length: subscales }, (_, i) => ({
    key: values[`subscales_${i}_key`] ?? "",
    name: values[`subscales_${i}_name_sv`] ?? "",
  })).filter((s) => s.key !== "");
  return (
    <Form method="post" key={`utkast-${values.rev ?? "0"}-${formKey}`}>
      {/* Enter in a field saves; it must not press the first "Ta bort" button */}
      <button type="submit" name="intent" value="save" hidden>
        {t("progressionInstruments.saveDraft")}
      </button>
      <input type="hidden" name="version_id" value={draft.id} />
      <input type="hidden" name="version" value={values.version ?? ""} />
      <input type="hidden" name="rev" value={values.rev ?? "0"} />
      <input type="hidden" name="item_count" value={String(items)} />
      <input type="hidden" name="subscale_count" value={String(subscales)} />

      <fieldset>
        <legend>{t("progressionInstruments.about")}</legend>
        <div className={errors.respondent ? "field field--error" : "field"}>
          <label htmlFor="respondent">{t("progressionInstruments.respondent")}</label>
          {errors.respondent ? (
            <p className="field__error" id="respondent-error">
              {errors.respondent}
            </p>
          ) : null}
          <select
            id="respondent"
            name="respondent"
            defaultValue={values.respondent ?? "deltagare"}
            className="input"
          >
            <option value="deltagare">{t("progressionInstruments.respondent_deltagare")}</option>
            <option value="personal">{t("progressionInstruments.respondent_personal")}</option>
          </select>
        </div>
        <LanguageFields
          prefix="instructions"
          label={t("progressionInstruments.instructions")}
          noun={t("progressionInstruments.nounInstructions")}
          hint={t("progressionInstruments.instructionsHint")}
          values={values}
          errors={errors}
          multiline
        />
      </fieldset>

      <fieldset>
        <legend>{t("progressionInstruments.scale")}</legend>
        <TextBox
          name="scale_min"
          label={t("progressionInstruments.scaleMin")}
          hint={t("progressionInstruments.scaleHint")}
          error={errors.scale_min}
          value={values.scale_min ?? ""}
          inputMode="numeric"
          short
        />
        <TextBox
          name="scale_max"
          label={t("progressionInstruments.scaleMax")}
          hint={t("progressionInstruments.scaleHint")}
          error={errors.scale_max}
          value={values.scale_max ?? ""}
          inputMode="numeric"
          short
        />
        <LanguageFields
          prefix="min_label"
          label={t("progressionInstruments.minLabel")}
          noun={t("progressionInstruments.nounMinLabel")}
          hint={t("progressionInstruments.minLabelHint")}
          values={values}
          errors={errors}
        />
        <LanguageFields
          prefix="max_label"
          label={t("progressionInstruments.maxLabel")}
          noun={t("progressionInstruments.nounMaxLabel")}
          hint={t("progressionInstruments.maxLabelHint")}
          values={values}
          errors={errors}
        />
      </fieldset>

      <fieldset>
        <legend>{t("progressionInstruments.scoring")}</legend>
        <div className={errors.method ? "field field--error" : "field"}>
          <fieldset aria-describedby={errors.method ? "method-error" : undefined}>
            <legend>{t("progressionInstruments.method")}</legend>
            {errors.method ? (
              <p className="field__error" id="method-error">
                {errors.method}
              </p>
            ) : null}
            {(["medel", "summa"] as const).map((m, i) => (
              <label key={m} htmlFor={i === 0 ? "method" : `method-${m}`}>
                <input
                  type="radio"
                  id={i === 0 ? "method" : `method-${m}`}
                  name="method"
                  value={m}
                  defaultChecked={(values.method || "medel") === m}
                />{" "}
                {t(`progressionInstruments.method_${m}`)}
              </label>
            ))}
          </fieldset>
        </div>
        <TextBox
          name="min_answered_share"
          label={t("progressionInstruments.minAnsweredShare")}
          hint={t("progressionInstruments.minAnsweredShareHint")}
          error={errors.min_answered_share}
          value={values.min_answered_share ?? ""}
          inputMode="decimal"
          short
        />
        <TextBox
          name="improvement"
          label={t("progressionInstruments.improvement")}
          hint={t("progressionInstruments.improvementHint")}
          error={errors.improvement}
          value={values.improvement ?? ""}
          inputMode="decimal"
          short
        />
      </fieldset>

      <h3 id="subscales" tabIndex={-1}>
        {t("progressionInstruments.subscales")}
      </h3>
      <p>{t("progressionInstruments.subscalesLead")}</p>
      {errors.subscales ? <p className="field__error">{errors.subscales}</p> : null}
      {subscales === 0 ? <p>{t("progressionInstruments.noSubscales")}</p> : null}
      {Array.from({ length: subscales }, (_, i) => {
        const n = i + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows are positions in the form
          <fieldset key={i} className="panel">
            <legend>{t("progressionInstruments.subscaleLegend", { number: n })}</legend>
            <TextBox
              name={`subscales_${i}_key`}
              label={t("progressionInstruments.key")}
              hint={t("progressionInstruments.subscaleKeyHint")}
              error={errors[`subscales_${i}_key`]}
              value={values[`subscales_${i}_key`] ?? ""}
              short
            />
            <LanguageFields
              prefix={`subscales_${i}_name`}
              label={t("progressionInstruments.subscaleName")}
              noun={t("progressionInstruments.nounSubscale", { number: n })}
              values={values}
              errors={errors}
            />
            <SubmitButton variant="secondary" name="intent" value={`remove_subscale:${i}`}>
              {t("progressionInstruments.removeSubscale", { number: n })}
            </SubmitButton>
          </fieldset>
        );
      })}
      <p>
        <SubmitButton variant="secondary" name="intent" value="add_subscale">
          {t("progressionInstruments.addSubscale")}
        </SubmitButton>
      </p>

      <h3 id="items" tabIndex={-1}>
        {t("progressionInstruments.items")}
      </h3>
      {errors.items ? <p className="field__error">{errors.items}</p> : null}
      {Array.from({ length: items }, (_, i) => {
        const n = i + 1;
        const reverse = `items_${i}_reverse`;
        const subscale = `items_${i}_subscale`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows are positions in the form
          <fieldset key={i} className="panel">
            <legend>{t("progressionInstruments.itemLegend", { number: n })}</legend>
            <TextBox
              name={`items_${i}_key`}
              label={t("progressionInstruments.key")}
              hint={t("progressionInstruments.itemKeyHint")}
              error={errors[`items_${i}_key`]}
              value={values[`items_${i}_key`] ?? ""}
              short
            />
            <LanguageFields
              prefix={`items_${i}_text`}
              label={t("progressionInstruments.itemText")}
              noun={t("progressionInstruments.nounItem", { number: n })}
              values={values}
              errors={errors}
              multiline
            />
            <div className="field">
              <label htmlFor={reverse}>
                <input
                  type="checkbox"
                  id={reverse}
                  name={reverse}
                  value="on"
                  defaultChecked={values[reverse] === "on"}
                />{" "}
                {t("progressionInstruments.itemReverse")}
              </label>
            </div>
            <div className={errors[subscale] ? "field field--error" : "field"}>
              <label htmlFor={subscale}>{t("progressionInstruments.itemSubscale")}</label>
              {errors[subscale] ? (
                <p className="field__error" id={`${subscale}-error`}>
                  {errors[subscale]}
                </p>
              ) : null}
              <select
                id={subscale}
                name={subscale}
                defaultValue={values[subscale] ?? ""}
                aria-invalid={errors[subscale] ? true : undefined}
                aria-describedby={errors[subscale] ? `${subscale}-error` : undefined}
                className="input"
              >
                <option value="">{t("progressionInstruments.itemNoSubscale")}</option>
                {subscaleOptions.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.name ? `${s.name} (${s.key})` : s.key}
                  </option>
                ))}
                {values[subscale] && !subscaleOptions.some((s) => s.key === values[subscale]) ? (
                  <option value={values[subscale]}>{values[subscale]}</option>
                ) : null}
              </select>
            </div>
            {items > 1 ? (
              <SubmitButton variant="secondary" name="intent" value={`remove_item:${i}`}>
                {t("progressionInstruments.removeItem", { number: n })}
              </SubmitButton>
            ) : null}
          </fieldset>
        );
      })}
      <p>
        <SubmitButton variant="secondary" name="intent" value="add_item">
          {t("progressionInstruments.addItem")}
        </SubmitButton>
      </p>

      <div className="button-row">
        <SubmitButton name="intent" value="save">
          {t("progressionInstruments.saveDraft")}
        </SubmitButton>
        <SubmitButton variant="secondary" name="intent" value="publish">
          {t("progressionInstruments.publish", { number: draft.number })}
        </SubmitButton>
      </div>
    </Form>
  );
}

/** A text in Swedish and every other language it has, each marked with its language. */
function TextsView({ texts, inline }: { texts: Texts; inline?: boolean }) {
  const { t } = useI18n();
  const others = PORTAL_LANGUAGES.filter((l) => l !== "sv" && texts[l]);
  return (
    <>
      {inline ? <span lang="sv">{texts.sv}</span> : <p lang="sv">{texts.sv}</p>}
      {others.length > 0 ? (
        <dl className="summary">
          {others.map((lang) => (
            <Pair key={lang} term={capitalised(langLabel(t, lang))}>
              <span lang={lang} dir={dirOf(lang)}>
                {texts[lang]}
              </span>
            </Pair>
          ))}
        </dl>
      ) : null}
    </>
  );
}

function Pair({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** A version read only: everything the respondent and the results depend on. */
function VersionView({ definition: d }: { definition: InstrumentDefinition }) {
  const { t } = useI18n();
  const subscaleName = (key: string | null) =>
    d.subscales.find((s) => s.key === key)?.name.sv ?? key ?? "";
  const missing = t("progressionInstruments.missingText");
  return (
    <>
      <dl className="summary">
        <Pair term={t("progressionInstruments.respondent")}>
          {t(`progressionInstruments.respondent_${d.respondent}`)}
        </Pair>
        <Pair term={t("progressionInstruments.scale")}>
          {t("progressionInstruments.scaleSummary", {
            min: d.scale.min,
            max: d.scale.max,
            minLabel: d.scale.minLabel.sv || missing,
            maxLabel: d.scale.maxLabel.sv || missing,
          })}
        </Pair>
        <Pair term={t("progressionInstruments.scoring")}>
          {t("progressionInstruments.scoringSummary", {
            method:
              d.scoring.method === "medel"
                ? t("progressionInstruments.scoringMedel")
                : t("progressionInstruments.scoringSumma"),
            share: Math.round(d.scoring.minAnsweredShare * 1000) / 10,
            improvement: d.scoring.improvement,
          })}
        </Pair>
        <Pair term={t("progressionInstruments.subscales")}>
          {d.subscales.length === 0
            ? t("progressionInstruments.noSubscales")
            : d.subscales.map((s) => s.name.sv).join(", ")}
        </Pair>
      </dl>
      {d.instructions.sv ? (
        <>
          <h3>{t("progressionInstruments.instructions")}</h3>
          <TextsView texts={d.instructions} />
        </>
      ) : null}
      <h3>{t("progressionInstruments.minLabel")}</h3>
      <TextsView texts={d.scale.minLabel} />
      <h3>{t("progressionInstruments.maxLabel")}</h3>
      <TextsView texts={d.scale.maxLabel} />
      {d.subscales.length > 0 ? (
        <>
          <h3>{t("progressionInstruments.subscales")}</h3>
          <ul>
            {d.subscales.map((s) => (
              <li key={s.key}>
                <TextsView texts={s.name} inline />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t("progressionInstruments.items")}</h3>
      <ol>
        {d.items.map((item) => (
          <li key={item.key}>
            <TextsView texts={item.text.sv ? item.text : { ...item.text, sv: missing }} />
            <p className="field__hint">
              {[
                item.key,
                item.reverse ? t("progressionInstruments.reverseTag") : null,
                item.subscale
                  ? t("progressionInstruments.inSubscale", { name: subscaleName(item.subscale) })
                  : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

export default function InstrumentPage({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const { errors, formKey, noticeKey, failure } = useWorkflow(NOTICES);
  const posted = useFormFailure() as
    | { values?: Record<string, string>; notice?: { key: string; number: number } }
    | undefined;
  const here = `/${d.slug}/progression/instrument/${d.instrument.id}`;
  const problems = problemsOf(errors, { onEditPage: () => false, editPage: "" });
  const rowNotice = posted?.notice
    ? t(
        (
          {
            add_item: "progressionInstruments.noticeItemAdded",
            remove_item: "progressionInstruments.noticeItemRemoved",
            add_subscale: "progressionInstruments.noticeSubscaleAdded",
            remove_subscale: "progressionInstruments.noticeSubscaleRemoved",
          } as Record<string, MessageKey>
        )[posted.notice.key] ?? "progressionInstruments.noticeSaved",
        { number: posted.notice.number },
      )
    : null;
  const draftValues =
    d.draft && failure?.values?.item_count !== undefined
      ? { ...failure.values, version: failure.values.version || String(d.draft.version) }
      : d.draft
        ? { ...d.draft.values, version: String(d.draft.version) }
        : {};
  const latest = d.published[0];
  const older = d.published.slice(1);
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${d.instrument.name} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/progression/instrument`}>
          {t("progressionInstruments.backToList")}
        </Link>
      </p>
      <h1>{d.instrument.name}</h1>
      <p className="lead">
        {d.instrument.shipped
          ? t("progressionInstruments.fromSamspar")
          : t("progressionInstruments.fromAssociation")}
        {" · "}
        {d.instrument.key}
      </p>
      {d.instrument.shipped ? <p>{t("progressionInstruments.shippedNote")}</p> : null}
      <p>
        {d.instrument.licence
          ? t("progressionInstruments.licencedInstrument", { licence: d.instrument.licence })
          : t("progressionInstruments.openInstrument")}
      </p>
      {d.instrument.archived ? (
        <p className="warning">{t("progressionInstruments.archivedNote")}</p>
      ) : null}
      <ActionOutcome
        notice={rowNotice ?? (noticeKey ? t(noticeKey) : null)}
        problems={problems}
        reload={
          errors.form?.startsWith("Någon annan")
            ? { to: here, label: t("progressionInstruments.reload") }
            : null
        }
      />

      {d.confirm && d.draft ? (
        <section className="panel" aria-labelledby="bekrafta">
          <h2 id="bekrafta">
            {t("progressionInstruments.confirmTitle", { number: d.draft.number })}
          </h2>
          <p>{t("progressionInstruments.confirmLead")}</p>
          {d.instrument.licence ? <p>{t("progressionInstruments.confirmLicensed")}</p> : null}
          <VersionView definition={d.draft.definition} />
          <IntentForm action={here} intent="confirm_publish" formKey={formKey}>
            <input type="hidden" name="version_id" value={d.draft.id} />
            <input type="hidden" name="version" value={d.draft.version} />
            <div className="button-row">
              <SubmitButton>
                {t("progressionInstruments.confirmPublish", { number: d.draft.number })}
              </SubmitButton>
              <Link to={here}>{t("progressionInstruments.cancel")}</Link>
            </div>
          </IntentForm>
        </section>
      ) : null}

      {d.draft && !d.confirm ? (
        <section aria-labelledby="utkast">
          <h2 id="utkast">
            {t("progressionInstruments.versionHeadingDraft", { number: d.draft.number })}
          </h2>
          <p className="field__hint">
            {t("progressionInstruments.versionMeta", { date: d.draft.created, by: d.draft.by })}
          </p>
          {d.canEdit ? (
            <>
              <p>{t("progressionInstruments.draftLead")}</p>
              <DraftForm draft={d.draft} values={draftValues} errors={errors} formKey={formKey} />
            </>
          ) : (
            <>
              <p>{t("progressionInstruments.draftReadOnly")}</p>
              <VersionView definition={d.draft.definition} />
            </>
          )}
        </section>
      ) : null}

      {latest ? (
        <section aria-labelledby={`version-${latest.number}`}>
          <h2 id={`version-${latest.number}`}>
            {t("progressionInstruments.versionHeadingPublished", {
              number: latest.number,
              date: latest.publishedAt,
            })}
          </h2>
          <p className="field__hint">
            {t("progressionInstruments.versionPublishedMeta", {
              date: latest.publishedAt,
              by: latest.by,
            })}
          </p>
          <p>{t("progressionInstruments.publishedLead")}</p>
          <VersionView definition={latest.definition} />
        </section>
      ) : null}

      {d.canEdit && !d.draft ? (
        <section className="panel" aria-labelledby="ny-version">
          <h2 id="ny-version">
            {t("progressionInstruments.newVersion", { number: d.latestNumber + 1 })}
          </h2>
          <p>{t("progressionInstruments.newVersionHint", { number: d.latestNumber })}</p>
          <IntentForm action={here} intent="new_version" formKey={formKey}>
            <SubmitButton variant="secondary">
              {t("progressionInstruments.newVersion", { number: d.latestNumber + 1 })}
            </SubmitButton>
          </IntentForm>
        </section>
      ) : null}

      {older.length > 0 ? (
        <section aria-labelledby="tidigare">
          <h2 id="tidigare">{t("progressionInstruments.olderVersions")}</h2>
          {older.map((v) => (
            <details key={v.id}>
              <summary>
                {t("progressionInstruments.versionHeadingPublished", {
                  number: v.number,
                  date: v.publishedAt,
                })}
              </summary>
              <VersionView definition={v.definition} />
            </details>
          ))}
        </section>
      ) : null}

      {d.canEdit ? (
        <section aria-labelledby="arkiv">
          <h2 id="arkiv">
            {d.instrument.archived
              ? t("progressionInstruments.unarchive")
              : t("progressionInstruments.archive")}
          </h2>
          {d.instrument.archived ? null : <p>{t("progressionInstruments.archiveHint")}</p>}
          <IntentForm
            action={here}
            intent={d.instrument.archived ? "unarchive" : "archive"}
            formKey={formKey}
          >
            <SubmitButton variant="secondary">
              {d.instrument.archived
                ? t("progressionInstruments.unarchive")
                : t("progressionInstruments.archive")}
            </SubmitButton>
          </IntentForm>
        </section>
      ) : null}
    </main>
  );
}
