// A final report's content read-only, section by section as the form asks it (documents.md §4):
// the initiative, purpose, goals with their outcomes, equality, need, time, target group,
// participants, method, follow-up, continuation, returned funds and lessons per party. Shown on
// the report's page and on the page where a party signs it by link. Headings start at level 3,
// under the page's own level-2 heading. The signatures are each page's own.
import { Link } from "react-router";
import { formatDate, formatMoney } from "../../../platform/i18n/format.ts";
import {
  type FinalReportContent,
  participantTotal,
  perParty,
} from "../../../reports/final-report-content.ts";
import { useI18n } from "../../ui/i18n.tsx";
import { RichText } from "../../ui/rich-text.tsx";

/** The content as the view shows it, dates written out: made by the page's loader. */
export function finalReportViewOf(c: FinalReportContent) {
  const date = (d: string | null) => (d ? formatDate(d) : "");
  return {
    ...c,
    plannedStartDate: date(c.plannedStartDate),
    plannedEndDate: date(c.plannedEndDate),
    actualStartDate: date(c.actualStartDate),
    actualEndDate: date(c.actualEndDate),
    filledInOn: date(c.filledInOn || null),
    participantTotal: participantTotal(c.participants),
    lessonsByParty: perParty(c).map(({ party, lesson }) => ({ party, lesson })),
  };
}

export type FinalReportView = ReturnType<typeof finalReportViewOf>;

/** A labelled narrative: the label as a heading, the text as rich text, or "not filled in". */
function Narrative({ label, value }: { label: string; value: string }) {
  const { t } = useI18n();
  return (
    <div className="application-view__field">
      <h4>{label}</h4>
      <RichText text={value} headingLevel={5} empty={t("finalReport.notAnswered")} />
    </div>
  );
}

export function FinalReportContentView({
  content: c,
  applicationHref,
}: {
  content: FinalReportView;
  /** Where the approved application is, for a person who may see it. */
  applicationHref?: string | null;
}) {
  const { t, locale } = useI18n();
  const notSet = t("finalReport.notAnswered");
  const answer = (a: string | null) =>
    a === "ja" || a === "nej" || a === "delvis" ? t(`finalReport.answer.${a}`) : notSet;
  const count = (n: number | null) => (n === null ? notSet : String(n));
  return (
    <>
      <h3>{t("finalReport.section.initiative")}</h3>
      <dl className="summary">
        <dt>{t("finalReport.field.initiativeName")}</dt>
        <dd>{c.initiativeName}</dd>
        <dt>{t("finalReport.field.applicationRegistryNumber")}</dt>
        <dd>
          {c.applicationId && applicationHref ? (
            <Link to={applicationHref}>
              {c.applicationRegistryNumber ?? t("finalReport.toApplication")}
            </Link>
          ) : (
            (c.applicationRegistryNumber ?? t("finalReport.noApplication"))
          )}
        </dd>
        <dt>{t("finalReport.field.owner")}</dt>
        <dd>{c.ownerName}</dd>
        <dt>{t("finalReport.field.partners")}</dt>
        <dd>
          {c.parties
            .filter((p) => !p.isOwner)
            .map((p) => p.name)
            .join(", ") || notSet}
        </dd>
        <dt>{t("finalReport.field.orientation")}</dt>
        <dd>{t(`orientation.${c.orientation}`)}</dd>
      </dl>

      <h3>{t("finalReport.section.purpose")}</h3>
      <RichText text={c.purpose} headingLevel={4} empty={notSet} />

      <h3>{t("finalReport.section.goals")}</h3>
      {c.goals.length === 0 ? <p>{t("finalReport.noGoals")}</p> : null}
      {c.goals.map((g, i) => (
        <div key={g.goalId ?? i} className="application-view__field">
          <h4>{t("finalReport.field.goal", { number: i + 1, text: g.text })}</h4>
          <dl className="summary">
            <dt>{t("finalReport.field.achieved")}</dt>
            <dd>{answer(g.achieved)}</dd>
            <dt>{t("finalReport.field.figures")}</dt>
            <dd>{g.figures || notSet}</dd>
          </dl>
          <h5>{t("finalReport.field.outcome")}</h5>
          <RichText text={g.outcome} headingLevel={6} empty={notSet} />
        </div>
      ))}

      <h3>{t("finalReport.section.equality")}</h3>
      <RichText text={c.equality} headingLevel={4} empty={notSet} />

      <h3>{t("finalReport.section.need")}</h3>
      <Narrative label={t("finalReport.field.needDescribed")} value={c.needDescribed} />
      <Narrative label={t("finalReport.field.changedNeed")} value={c.changedNeed} />

      <h3>{t("finalReport.section.time")}</h3>
      <dl className="summary">
        <dt>{t("finalReport.field.plannedStart")}</dt>
        <dd>{c.plannedStartDate || notSet}</dd>
        <dt>{t("finalReport.field.plannedEnd")}</dt>
        <dd>{c.plannedEndDate || notSet}</dd>
        <dt>{t("finalReport.field.actualStart")}</dt>
        <dd>{c.actualStartDate || notSet}</dd>
        <dt>{t("finalReport.field.actualEnd")}</dt>
        <dd>{c.actualEndDate || notSet}</dd>
      </dl>
      <Narrative label={t("finalReport.field.timeChangeReason")} value={c.timeChangeReason} />

      <h3>{t("finalReport.section.targetGroup")}</h3>
      <Narrative label={t("finalReport.field.targetGroupDefined")} value={c.targetGroupDefined} />
      <Narrative label={t("finalReport.field.targetGroupChange")} value={c.targetGroupChange} />

      <h3>{t("finalReport.section.participants")}</h3>
      {c.participants.feasibilityStudy ? (
        <p>{t("finalReport.feasibilityStudyShort")}</p>
      ) : (
        <dl className="summary" id="deltagare">
          <dt>{t("finalReport.field.women")}</dt>
          <dd>{count(c.participants.women)}</dd>
          <dt>{t("finalReport.field.men")}</dt>
          <dd>{count(c.participants.men)}</dd>
          <dt>{t("finalReport.field.otherOrNotStated")}</dt>
          <dd>{count(c.participants.otherOrNotStated)}</dd>
          <dt>{t("finalReport.field.total")}</dt>
          <dd>{count(c.participantTotal)}</dd>
        </dl>
      )}

      <h3>{t("finalReport.section.method")}</h3>
      <Narrative label={t("finalReport.field.methodDefined")} value={c.methodDefined} />
      <Narrative label={t("finalReport.field.methodChange")} value={c.methodChange} />
      <dl className="summary">
        <dt>{t("finalReport.field.methodAsIntended")}</dt>
        <dd>{answer(c.methodAsIntended)}</dd>
      </dl>
      <Narrative
        label={t("finalReport.field.methodAsIntendedText")}
        value={c.methodAsIntendedText}
      />

      <h3>{t("finalReport.section.followUp")}</h3>
      <Narrative label={t("finalReport.field.followUp")} value={c.followUp} />

      <h3>{t("finalReport.section.continuation")}</h3>
      <Narrative label={t("finalReport.field.continuation")} value={c.continuation} />

      <h3>{t("finalReport.section.returnedFunds")}</h3>
      <dl className="summary">
        <dt>{t("finalReport.field.returned")}</dt>
        <dd>{answer(c.returnedFunds.returned)}</dd>
        {c.returnedFunds.returned === "ja" ? (
          <>
            <dt>{t("finalReport.field.amount")}</dt>
            <dd>
              {c.returnedFunds.amount === null
                ? notSet
                : formatMoney(c.returnedFunds.amount, locale)}
            </dd>
          </>
        ) : null}
      </dl>
      {c.returnedFunds.returned === "ja" ? (
        <>
          <Narrative label={t("finalReport.field.reason")} value={c.returnedFunds.reason} />
          <Narrative
            label={t("finalReport.field.consequences")}
            value={c.returnedFunds.consequences}
          />
        </>
      ) : null}

      <h3>{t("finalReport.section.lessons")}</h3>
      {c.lessonsByParty.map((p) => (
        <Narrative
          key={p.party.organisationId}
          label={t("finalReport.field.lesson", { party: p.party.name })}
          value={p.lesson}
        />
      ))}
    </>
  );
}
