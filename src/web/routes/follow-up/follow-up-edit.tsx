// The office's texts of a draft follow-up: Sammanfattning, Bakgrund and Sammanfattande analys.
// Each starts from the office's own text, or from the sentences Samspår generated from the
// figures; left as generated (or emptied) the section keeps following the figures. Saved at the
// version read: if someone else saved in between, nothing is saved and the page says so.
// A plain HTML form; headings (#), lists (-, 1.) and links are written as in the other documents.
import { Link } from "react-router";
import { editableParagraphs, SECTION_TITLES } from "../../../follow-up/documents/text.ts";
import {
  draftOf,
  FOLLOW_UP_TEXT_FIELDS,
  FOLLOW_UP_TEXT_MAX,
  type FollowUpTextField,
  saveFollowUpTexts,
} from "../../../follow-up/store.ts";
import { versionReport } from "../../../follow-up/store-report.ts";
import { ValidationError } from "../../../platform/errors.ts";
import { formatNumber } from "../../../platform/i18n/format.ts";
import { actorOf, attempt, redirectWithNotice, text } from "../../guard.server.ts";
import { TextArea } from "../../ui/fields.tsx";
import { Form, SubmitButton } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { ActionOutcome, IntentForm, problemsOf, useWorkflow } from "../../ui/workflow-panels.tsx";
import type { Route } from "./+types/follow-up-edit.ts";
import { requireFollowUp } from "./follow-up.server.ts";

const EDIT = "follow_up.edit";

/** The text a section starts from: the office's own, or the generated sentences a paragraph each. */
const startingText = (generated: string[], edited: string | null) =>
  edited ?? generated.join("\n\n");

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, followUp } = await requireFollowUp(context, request, params, EDIT);
  const draft = draftOf(followUp);
  const base = {
    slug: association.slug,
    id: followUp.id,
    label: followUp.period.label,
    latestNumber: followUp.versions.at(-1)?.number ?? 0,
    titles: {
      summary: SECTION_TITLES.summary,
      background: SECTION_TITLES.background,
      analysis: SECTION_TITLES.analysis,
    },
  };
  if (!draft) return { ...base, draft: null };
  const report = await versionReport(state.services.db, followUp, draft);
  const generated = {
    summary: editableParagraphs({ generated: report.summary.generated, edited: null }),
    background: editableParagraphs({ generated: report.background.generated, edited: null }),
    analysis: editableParagraphs({ generated: report.analysis.generated, edited: null }),
  };
  return {
    ...base,
    draft: {
      number: draft.number,
      version: draft.version,
      texts: Object.fromEntries(
        FOLLOW_UP_TEXT_FIELDS.map((f) => [f, startingText(generated[f], draft.texts[f])]),
      ) as Record<FollowUpTextField, string>,
      generated: Object.fromEntries(
        FOLLOW_UP_TEXT_FIELDS.map((f) => [f, generated[f].join("\n\n")]),
      ) as Record<FollowUpTextField, string>,
      edited: Object.fromEntries(
        FOLLOW_UP_TEXT_FIELDS.map((f) => [f, draft.texts[f] !== null]),
      ) as Record<FollowUpTextField, boolean>,
    },
  };
}

const normalised = (s: string) => s.replace(/\r\n?/g, "\n").trim();

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, followUp } = await requireFollowUp(context, request, params, EDIT);
  const draft = draftOf(followUp);
  const form = await request.formData();
  const values: Record<string, string> = { version: text(form, "version") };
  const texts: Partial<Record<FollowUpTextField, string | null>> = {};
  for (const field of FOLLOW_UP_TEXT_FIELDS) {
    const typed = text(form, field);
    values[field] = typed;
    // left as Samspår generated it, the section goes on following the figures
    texts[field] =
      normalised(typed) === normalised(text(form, `generated_${field}`)) ? null : typed;
  }
  const result = await attempt(async () => {
    if (!draft)
      throw new ValidationError({
        form: "Uppföljningen har inget utkast att ändra: versionen är låst. Starta en ny version för att ändra texterna.",
      });
    return saveFollowUpTexts(
      state.services.db,
      actorOf(state),
      association.id,
      draft.id,
      Number(values.version),
      texts,
    );
  }, values);
  if (!result.ok) return result.failure;
  return redirectWithNotice(
    `/${association.slug}/uppfoljning/${followUp.id}?version=${result.value.number}`,
    "sparad",
  );
}

export default function FollowUpEditPage({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const { errors, value, formKey } = useWorkflow({});
  const problems = problemsOf(errors, { onEditPage: () => false, editPage: "" });
  const here = `/${d.slug}/uppfoljning/${d.id}`;
  const title = t("followUp.editTitle", { label: d.label });
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
        reload={errors.form ? { to: `${here}/andra`, label: t("followUp.reload") } : null}
      />
      {d.draft === null ? (
        <>
          <p>{t("followUp.noDraftToEdit")}</p>
          <IntentForm action={here} intent="new_version" formKey={formKey}>
            <SubmitButton variant="secondary">
              {t("followUp.newVersion", { number: d.latestNumber + 1 })}
            </SubmitButton>
          </IntentForm>
        </>
      ) : (
        <>
          <p className="lead">
            {t("followUp.editLead", {
              number: d.draft.number,
              max: formatNumber(FOLLOW_UP_TEXT_MAX),
            })}
          </p>
          <Form method="post" key={`texter-${formKey}`}>
            <input type="hidden" name="version" value={value("version", String(d.draft.version))} />
            {FOLLOW_UP_TEXT_FIELDS.map((field) => (
              <div key={field}>
                <input
                  type="hidden"
                  name={`generated_${field}`}
                  value={d.draft?.generated[field] ?? ""}
                />
                <TextArea
                  name={field}
                  label={d.titles[field]}
                  hint={
                    d.draft?.edited[field]
                      ? t("followUp.hintEdited")
                      : field === "analysis"
                        ? t("followUp.hintAnalysis")
                        : t("followUp.hintGenerated")
                  }
                  rows={field === "analysis" ? 14 : 8}
                  defaultValue={value(field, d.draft?.texts[field] ?? "")}
                  error={errors[field]}
                />
              </div>
            ))}
            <div className="button-row">
              <SubmitButton>{t("followUp.saveTexts")}</SubmitButton>
              <Link to={here}>{t("common.cancel")}</Link>
            </div>
          </Form>
        </>
      )}
    </main>
  );
}
