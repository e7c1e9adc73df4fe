// One follow-up report (domain/follow-up.md): the version shown — the office's draft, computed
// from live data with its texts, or a locked version exactly as it was locked — every section
// and table, the charts, each figure's definition and the records behind it, the disclosure
// note, the versions, the downloads (DOCX, PDF, XLSX, JSON), and for the office the way to edit
// the texts, to lock the draft (after a confirmation, on its own page) and to start a new draft
// after a lock. The board and the auditor see locked versions only.
import { Link } from "react-router";
import { SECTION_TITLES } from "../../../follow-up/documents/text.ts";
import { startFollowUpVersion, visibleVersions } from "../../../follow-up/store.ts";
import { ValidationError } from "../../../platform/errors.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { actorOf, attempt, redirectWithNotice, text } from "../../guard.server.ts";
import { SubmitButton } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import {
  ActionOutcome,
  IntentForm,
  OnThisPage,
  problemsOf,
  useWorkflow,
} from "../../ui/workflow-panels.tsx";
import type { Route } from "./+types/follow-up.ts";
import {
  requireFollowUp,
  requireVersion,
  sourceAccessOf,
  versionSummary,
  versionView,
} from "./follow-up.server.ts";
import { FollowUpReportSections, SECTION_IDS } from "./follow-up-report.tsx";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { state, association, permissions, followUp, seesDrafts } = await requireFollowUp(
    context,
    request,
    params,
  );
  const asked = new URL(request.url).searchParams.get("version");
  const version = requireVersion(followUp, seesDrafts, asked);
  const view = await versionView(
    state.services.db,
    followUp,
    version,
    association.slug,
    sourceAccessOf(permissions),
  );
  const versions = visibleVersions(followUp, seesDrafts);
  const canEdit = permissions.includes("follow_up.edit");
  return {
    slug: association.slug,
    id: followUp.id,
    view,
    version: versionSummary(version),
    versions: versions.map(versionSummary),
    canEdit,
    hasDraft: followUp.versions.some((v) => v.status === "utkast"),
    latestNumber: followUp.versions.at(-1)?.number ?? 0,
    titles: SECTION_TITLES,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { state, association, followUp } = await requireFollowUp(
    context,
    request,
    params,
    "follow_up.edit",
  );
  const form = await request.formData();
  const intent = text(form, "intent");
  const result = await attempt(
    async () => {
      if (intent !== "new_version")
        throw new ValidationError({ form: "Okänd åtgärd. Ladda om sidan och försök igen." });
      return startFollowUpVersion(state.services.db, actorOf(state), association.id, followUp.id);
    },
    { intent },
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(
    `/${association.slug}/uppfoljning/${followUp.id}?version=${result.value.number}`,
    "ny-version",
  );
}

const NOTICES: Record<string, MessageKey> = {
  skapad: "followUp.notice.created",
  sparad: "followUp.notice.saved",
  last: "followUp.notice.locked",
  "ny-version": "followUp.notice.newVersion",
};

export default function FollowUpPage({ loaderData: d }: Route.ComponentProps) {
  const { t } = useI18n();
  const { noticeKey, errors, formKey } = useWorkflow(NOTICES);
  const problems = problemsOf(errors, { onEditPage: () => false, editPage: "" });
  const here = `/${d.slug}/uppfoljning/${d.id}`;
  const v = d.version;
  const isDraft = v.status === "utkast";
  const versionParam = `version=${v.number}`;
  const download = (format: string) => `${here}/dokument?format=${format}&${versionParam}`;
  const titles = d.titles;
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${d.view.title} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/uppfoljning`}>{t("followUp.back")}</Link>
      </p>
      <h1>{d.view.title}</h1>
      <ActionOutcome
        notice={noticeKey ? t(noticeKey, { number: v.number }) : null}
        problems={problems}
        reload={errors.form ? { to: here, label: t("followUp.reload") } : null}
      />
      <section aria-labelledby="version" className="panel">
        <h2 id="version">
          {isDraft
            ? t("followUp.draftHeading", { number: v.number })
            : t("followUp.lockedHeading", { number: v.number })}
        </h2>
        <p>
          {isDraft
            ? t("followUp.draftStatus", { at: v.updatedAt, by: v.updatedByName })
            : t("followUp.lockedStatus", { at: v.lockedAt ?? "", by: v.lockedByName ?? "" })}
        </p>
        <p>
          {isDraft
            ? t("followUp.computedLive", { at: d.view.generatedAt })
            : t("followUp.computedAt", { at: d.view.generatedAt })}{" "}
          {d.view.previous
            ? t("followUp.comparedWith", {
                label: d.view.previous.label,
                at: d.view.previous.lockedAt,
              })
            : t("followUp.comparedWithNone")}
        </p>
        {d.canEdit ? (
          <div className="button-row">
            {isDraft ? (
              <>
                <Link className="button button--secondary" to={`${here}/andra`}>
                  {t("followUp.editTexts")}
                </Link>
                <Link className="button button--primary" to={`${here}/las`}>
                  {t("followUp.lock", { number: v.number })}
                </Link>
              </>
            ) : !d.hasDraft ? (
              <IntentForm action={here} intent="new_version" formKey={formKey}>
                <p className="field__hint">{t("followUp.newVersionHint")}</p>
                <SubmitButton variant="secondary">
                  {t("followUp.newVersion", { number: d.latestNumber + 1 })}
                </SubmitButton>
              </IntentForm>
            ) : null}
          </div>
        ) : null}
        <h3 id="nedladdning">{t("followUp.downloads")}</h3>
        <ul className="link-list" aria-labelledby="nedladdning">
          <li>
            <a href={download("pdf")}>{t("followUp.download.pdf")}</a>
          </li>
          <li>
            <a href={download("docx")}>{t("followUp.download.docx")}</a>
          </li>
          <li>
            <a href={download("xlsx")}>{t("followUp.download.xlsx")}</a>
          </li>
          <li>
            <a href={download("json")}>{t("followUp.download.json")}</a>
          </li>
        </ul>
        {d.versions.length > 1 ? (
          <>
            <h3 id="versioner">{t("followUp.versions")}</h3>
            <ul className="link-list" aria-labelledby="versioner">
              {d.versions.map((version) => (
                <li key={version.id}>
                  <Link
                    to={`${here}?version=${version.number}`}
                    aria-current={version.number === v.number ? "page" : undefined}
                  >
                    {version.status === "utkast"
                      ? t("followUp.versionDraft", { number: version.number })
                      : t("followUp.versionLocked", {
                          number: version.number,
                          at: version.lockedAt ?? "",
                        })}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <OnThisPage
        label={t("followUp.onThisPage")}
        links={SECTION_IDS.map(([key, id]) => ({ href: `#${id}`, text: titles[key] }))}
      />
      <FollowUpReportSections
        view={d.view}
        titles={titles}
        editTo={d.canEdit && isDraft ? (field) => `${here}/andra#${field}` : null}
      />
    </main>
  );
}
