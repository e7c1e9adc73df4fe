// Tables 2 (Nuläge mål), 3 (Förutsättningar för utfall) and 5 (Kvalitetssäkring), from the
// periodic reports (domain/documents.md §2): per active initiative, the latest submitted or
// locked report whose period ends within the follow-up period. "Startade insatsen i tid?" is
// asked until answered Ja, then carried: a Ja in any earlier report counts. A derived answer the
// report left open (no data when it was submitted) is derived again from the steering group's
// meetings and attendance, the deviation reports and the report dates, as the report form does
// (reports/periodic-reports.ts derivedAnswers). The deviation reports submitted or decided in
// the period colour table 2 red. Queries: one for the reports, one for the deviation reports,
// and one derivation per report that left a derived answer open.
import { and, eq, ne } from "drizzle-orm";
import type { Queryable } from "../platform/database/connect.ts";
import { DEVIATION_TYPE_LABELS } from "../reports/deviation-reports.ts";
import type { StatusQuestionKey } from "../reports/periodic-report-content.ts";
import { derivedAnswers, statusAnswers } from "../reports/periodic-reports.ts";
import { type DeviationType, deviationReports } from "../reports/schema.ts";
import { refOf } from "./initiatives.ts";
import type {
  Colour,
  GoalStatusRow,
  PreconditionsRow,
  QualityRow,
  SourceRef,
  YesNo,
} from "./model.ts";
import { reportingPeriodWords } from "./period.ts";

type Answers = Awaited<ReturnType<typeof statusAnswers>>[number];

interface Period {
  from: string;
  to: string;
}

export interface DeviationFact {
  id: string;
  initiativeId: string;
  types: DeviationType[];
  status: string;
  registryNumber: string | null;
  arrivalDate: string | null;
  decisionDate: string | null;
  description: string;
}

export interface ReportFacts {
  /** Per initiative: the latest report of the period, with answers as used (carried, derived). */
  latest: Map<string, { report: Answers; answers: Record<StatusQuestionKey, YesNoOrCode> }>;
  /** Per initiative: deviation reports submitted or decided in the period. */
  deviations: Map<string, DeviationFact[]>;
  /** How many reports of the period there are in all (for the background text). */
  reportsInPeriod: number;
}

type YesNoOrCode = { answer: string | null; comment: string };

const DERIVED: readonly StatusQuestionKey[] = [
  "budgetDeviationSubmitted",
  "steeringMeetingsAsAgreed",
  "allOrdinaryAttended",
  "followUpAsAgreed",
];

/** Reads the reports and deviation reports of the period for the initiatives given. */
export async function loadReportFacts(
  q: Queryable,
  associationId: string,
  period: Period,
  initiativeIds: ReadonlySet<string>,
  today: string,
): Promise<ReportFacts> {
  // every submitted or locked report up to the period's end: the latest of the period, and the
  // earlier ones for "startade i tid"
  const reports = (await statusAnswers(q, associationId, { visible: "all", to: period.to })).filter(
    (r) => initiativeIds.has(r.initiativeId),
  );
  const byInitiative = new Map<string, Answers[]>();
  for (const r of reports) {
    const list = byInitiative.get(r.initiativeId) ?? [];
    list.push(r);
    byInitiative.set(r.initiativeId, list);
  }
  const latest: ReportFacts["latest"] = new Map();
  let reportsInPeriod = 0;
  const toDerive: Array<{ initiativeId: string; report: Answers }> = [];
  for (const [initiativeId, list] of byInitiative) {
    const ordered = [...list].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
    const inPeriod = ordered.filter((r) => r.periodEnd >= period.from);
    reportsInPeriod += inPeriod.length;
    const report = inPeriod[inPeriod.length - 1];
    if (!report) continue;
    const answers = { ...report.answers } as Record<StatusQuestionKey, YesNoOrCode>;
    if (
      answers.startedOnTime.answer !== "ja" &&
      ordered.some(
        (r) => r.periodEnd <= report.periodEnd && r.answers.startedOnTime.answer === "ja",
      )
    ) {
      answers.startedOnTime = { answer: "ja", comment: answers.startedOnTime.comment };
    }
    latest.set(initiativeId, { report, answers });
    if (DERIVED.some((key) => !answers[key].answer)) toDerive.push({ initiativeId, report });
  }
  await Promise.all(
    toDerive.map(async ({ initiativeId, report }) => {
      const derived = await derivedAnswers(
        q,
        {
          id: report.reportId,
          initiativeId,
          periodStart: report.periodStart,
          periodEnd: report.periodEnd,
        },
        today,
      );
      const entry = latest.get(initiativeId);
      if (!entry) return;
      for (const key of DERIVED) {
        const d = derived[key];
        if (!entry.answers[key].answer && d?.answer)
          entry.answers[key] = { answer: d.answer, comment: entry.answers[key].comment };
      }
    }),
  );

  const deviationRows = await q
    .select({
      id: deviationReports.id,
      initiativeId: deviationReports.initiativeId,
      types: deviationReports.types,
      status: deviationReports.status,
      registryNumber: deviationReports.registryNumber,
      arrivalDate: deviationReports.arrivalDate,
      decisionDate: deviationReports.decisionDate,
      description: deviationReports.description,
    })
    .from(deviationReports)
    .where(
      and(eq(deviationReports.associationId, associationId), ne(deviationReports.status, "utkast")),
    );
  const within = (d: string | null) => d !== null && d >= period.from && d <= period.to;
  const deviations = new Map<string, DeviationFact[]>();
  for (const d of deviationRows) {
    if (!initiativeIds.has(d.initiativeId)) continue;
    if (!within(d.arrivalDate) && !within(d.decisionDate)) continue;
    const list = deviations.get(d.initiativeId) ?? [];
    list.push(d);
    deviations.set(d.initiativeId, list);
  }
  for (const list of deviations.values())
    list.sort((a, b) => (a.arrivalDate ?? "").localeCompare(b.arrivalDate ?? ""));
  return { latest, deviations, reportsInPeriod };
}

export const periodicReportRef = (r: { reportId: string; periodKey: string }): SourceRef => ({
  kind: "periodic_report",
  id: r.reportId,
  label: reportingPeriodWords(r.periodKey),
});

export const deviationReportRef = (d: DeviationFact): SourceRef => ({
  kind: "deviation_report",
  id: d.id,
  label: `${`Avvikelserapport ${d.registryNumber ?? ""}`.trim()} (${typesText(d.types)})`,
});

const typesText = (types: readonly DeviationType[]): string =>
  types.length
    ? types.map((t) => DEVIATION_TYPE_LABELS[t].toLocaleLowerCase("sv")).join(", ")
    : "ingen typ angiven";

const yesNo = (a: YesNoOrCode | undefined): YesNo =>
  a?.answer === "ja" ? "ja" : a?.answer === "nej" ? "nej" : null;

interface Row {
  id: string;
  name: string;
}

/** Table 2: goal status, colour and the comments of the deviating ones. */
export function goalStatusRows(rows: readonly Row[], facts: ReportFacts): GoalStatusRow[] {
  return rows.map((initiative) => {
    const entry = facts.latest.get(initiative.id);
    const deviations = facts.deviations.get(initiative.id) ?? [];
    const inPhaseCode = entry?.answers.inPhase.answer ?? null;
    const inPhase =
      inPhaseCode === "ja" ||
      inPhaseCode === "ja_kommentar" ||
      inPhaseCode === "nej" ||
      inPhaseCode === "for_tidigt"
        ? inPhaseCode
        : null;
    const prognosisCode = entry?.answers.steeringPrognosis.answer ?? null;
    const prognosis =
      prognosisCode === "ja" || prognosisCode === "nej" || prognosisCode === "ingen"
        ? prognosisCode
        : null;
    const { colour, colourText } = goalColour(inPhase, prognosis, deviations, entry !== undefined);
    const comments: string[] = [];
    if (inPhase === "ja_kommentar" || inPhase === "nej") {
      const c = entry?.answers.inPhase.comment.trim();
      if (c) comments.push(c);
    }
    if (prognosis === "nej") {
      const c = entry?.answers.steeringPrognosis.comment.trim();
      if (c) comments.push(`Styrgruppens prognos: ${c}`);
    }
    for (const d of deviations) {
      const description = d.description.trim();
      comments.push(
        `Avvikelserapport${d.registryNumber ? ` ${d.registryNumber}` : ""} (${typesText(d.types)})${description ? `: ${description}` : "."}`,
      );
    }
    return {
      ...refOf(initiative),
      inPhase,
      prognosis,
      colour,
      colourText,
      deviationReport: deviations.length > 0,
      comment: colour === "red" || colour === "yellow" ? comments.join(" ") || null : null,
      report: entry ? periodicReportRef(entry.report) : null,
    };
  });
}

/**
 * The colour of table 2 and its words: red when not in phase or a deviation report came in or
 * was decided in the period; yellow (watch) for Ja* or the steering group's prognosis Nej;
 * green when in phase; no colour when it is too early to tell or there is no report.
 */
export function goalColour(
  inPhase: GoalStatusRow["inPhase"],
  prognosis: GoalStatusRow["prognosis"],
  deviations: readonly DeviationFact[],
  hasReport: boolean,
): { colour: Colour; colourText: string } {
  const reasons: string[] = [];
  if (inPhase === "nej") reasons.push("insatsen ligger inte i fas med uppsatta mål");
  if (deviations.length > 0)
    reasons.push(
      `${deviations.length === 1 ? "en avvikelserapport" : `${deviations.length} avvikelserapporter`} under perioden (${[...new Set(deviations.flatMap((d) => d.types))].map((t) => DEVIATION_TYPE_LABELS[t].toLocaleLowerCase("sv")).join(", ") || "ingen typ angiven"})`,
    );
  if (reasons.length) return { colour: "red", colourText: `Röd: ${reasons.join("; ")}.` };
  if (inPhase === "ja_kommentar") reasons.push("i fas, med kommentar (Ja*)");
  if (prognosis === "nej") reasons.push("styrgruppens prognos är att målen inte nås");
  if (reasons.length)
    return { colour: "yellow", colourText: `Gul (bevaka): ${reasons.join("; ")}.` };
  if (inPhase === "ja") return { colour: "green", colourText: "Grön: i fas med uppsatta mål." };
  if (inPhase === "for_tidigt")
    return { colour: "none", colourText: "Ingen färg: för tidigt att utläsa." };
  return {
    colour: "none",
    colourText: hasReport
      ? "Ingen färg: frågan om mål är inte besvarad."
      : "Ingen färg: ingen lägesrapport för perioden.",
  };
}

/** Table 3: started on time (carried once Ja), vacancies, budget deviation submitted. */
export function preconditionRows(rows: readonly Row[], facts: ReportFacts): PreconditionsRow[] {
  return rows.map((initiative) => {
    const entry = facts.latest.get(initiative.id);
    const a = entry?.answers;
    return {
      ...refOf(initiative),
      startedOnTime: yesNo(a?.startedOnTime),
      vacanciesFunded: yesNo(a?.vacanciesFunded),
      vacanciesOwn: yesNo(a?.vacanciesOwn),
      budgetDeviationSubmitted: yesNo(a?.budgetDeviationSubmitted),
      report: entry ? periodicReportRef(entry.report) : null,
    };
  });
}

/** Table 5: quality assurance. */
export function qualityRows(rows: readonly Row[], facts: ReportFacts): QualityRow[] {
  return rows.map((initiative) => {
    const entry = facts.latest.get(initiative.id);
    const a = entry?.answers;
    return {
      ...refOf(initiative),
      steeringMeetingsAsAgreed: yesNo(a?.steeringMeetingsAsAgreed),
      allOrdinaryAttended: yesNo(a?.allOrdinaryAttended),
      followUpAsAgreed: yesNo(a?.followUpAsAgreed),
      methodChecked: yesNo(a?.methodChecked),
      targetGroupChecked: yesNo(a?.targetGroupChecked),
      equityDiscussed: yesNo(a?.equityDiscussed),
      genderEqualityDiscussed: yesNo(a?.genderEqualityDiscussed),
      deviationGoalsOrTargetGroup: yesNo(a?.deviationGoalsOrTargetGroup),
      report: entry ? periodicReportRef(entry.report) : null,
    };
  });
}
