// The follow-up report (domain/follow-up.md), computed for one association and one period as
// the FollowUpReport every output renders from (model.ts). Each section has its module:
//   initiatives.ts          the initiatives, named with their owner's municipality
//   sections-reports.ts     tables 2, 3, 5 from the periodic and deviation reports
//   money.ts, sections-money.ts   table 4 and "struktur och individ" from the money figures
//   sections-participants.ts      tables 6, 7, 8 and the background, from the register's
//                                 statistics only (register/aggregates.ts registerStatistics)
//   sections-ended.ts       the initiatives that ended, from their final reports
//   sections-progression.ts progression per individual initiative with a measurement plan, from
//                           the progression results (progression/results.ts) only
//   sections-portal-usage.ts      the participant portal's use, from the portal's protected
//                                 usage figures (portal/usage.ts) only
//   summary.ts              the generated sentences of sections 1 and 2
//   definitions.ts          every figure key with its definition and source
// Every table is read in a fixed number of queries, whatever the number of initiatives: the
// participant figures in one register read per group, the money in seven queries, the reports
// in two (and a derivation for a report that left a derived answer open), the progression in
// one read of the results for all the individual initiatives, the portal's use in one register
// transaction of three counting queries.
import { eq } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import { getDisclosureSettings } from "../associations/disclosure-settings.ts";
import { associations } from "../associations/schema.ts";
import type { Db } from "../platform/database/connect.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { progressionResults } from "../progression/results.ts";
import { registerStatistics } from "../register/aggregates.ts";
import {
  type DisclosureOptions,
  type ProtectedCell,
  type ProtectedRatio,
  summarizeDisclosure,
} from "../register/disclosure.ts";
import { definitions } from "./definitions.ts";
import { type InitiativeFacts, loadInitiatives } from "./initiatives.ts";
import {
  FOLLOW_UP_FORMAT,
  FOLLOW_UP_FORMAT_VERSION,
  type FollowUpReport,
  type InitiativeRow,
  type PersonCount,
  type PersonShare,
} from "./model.ts";
import { initiativesMoney } from "./money.ts";
import { endedIn, followUpPeriod, isActiveIn, minDate } from "./period.ts";
import { loadCoursesFeedbackSection } from "./sections-courses-feedback.ts";
import { endedInitiatives } from "./sections-ended.ts";
import { budgetTable, structureRows } from "./sections-money.ts";
import {
  type GroupKind,
  type GroupStatistics,
  participantSections,
} from "./sections-participants.ts";
import { loadPortalUsageSection } from "./sections-portal-usage.ts";
import { progressionSection } from "./sections-progression.ts";
import {
  goalStatusRows,
  loadReportFacts,
  preconditionRows,
  qualityRows,
} from "./sections-reports.ts";
import { backgroundSentences, summarySentences } from "./summary.ts";

export interface ComputeFollowUpInput {
  associationId: string;
  /** The period, ÅÅÅÅ-MM-DD, both days included. */
  from: string;
  to: string;
  /** How the report names the period; by default from the dates ("kvartal 1 och 2 2026"). */
  label?: string;
  /** The previous locked version, which table 8 compares with. */
  previous?: FollowUpReport | null;
  /** The moment of the computation (tests); the prognosis is as of min(period end, today). */
  now?: Date;
}

const groupOf = (i: InitiativeFacts): GroupKind =>
  i.preRehabilitation ? "forrehabiliterande" : "mot_arbete_studier";

function checkPrevious(previous: FollowUpReport, slug: string): void {
  if (previous.association.slug !== slug)
    throw new ValidationError({
      previous:
        "Den tidigare uppföljningen hör till ett annat förbund. Jämför med en låst uppföljning av samma förbund.",
    });
  if (previous.version?.status !== "last" || !previous.version.lockedAt)
    throw new ValidationError({
      previous:
        "Tabell 8 jämförs med en låst version av en tidigare uppföljning. Lås den versionen först, eller gör uppföljningen utan jämförelse.",
    });
}

/** Computes the follow-up report of an association for a period. */
export async function computeFollowUp(
  db: Db,
  input: ComputeFollowUpInput,
): Promise<FollowUpReport> {
  const period = followUpPeriod(input.from, input.to, input.label);
  const now = input.now ?? new Date();
  const today = todayInSweden(now);
  const [association] = await db
    .select({ slug: associations.slug, name: associations.name })
    .from(associations)
    .where(eq(associations.id, input.associationId));
  if (!association) throw new NotFoundError("Förbundet finns inte.");
  const previous = input.previous ?? null;
  if (previous) checkPrevious(previous, association.slug);

  const settings = await getDisclosureSettings(db, input.associationId);
  const options: Required<DisclosureOptions> = {
    threshold: settings.threshold,
    allowTrueZero: settings.allowTrueZero,
  };
  const all = await loadInitiatives(db, input.associationId);
  const activeList = all.filter((i) => isActiveIn(i, period));
  // table 1's order, used by every table: active ones, then those that ended in the period
  const ordered = [
    ...activeList.filter((i) => !endedIn(i, period)),
    ...activeList.filter((i) => endedIn(i, period)),
  ];
  const active = new Set(ordered.map((i) => i.id));
  const individual = ordered.filter((i) => i.orientation === "individual");
  const groupIds = new Map<GroupKind, string[]>();
  for (const i of individual) groupIds.set(groupOf(i), [...(groupIds.get(groupOf(i)) ?? []), i.id]);

  const [money, reportFacts, groups, ended, progression, portalUsage, coursesFeedback] =
    await Promise.all([
      initiativesMoney(
        db,
        input.associationId,
        all.map((i) => ({
          id: i.id,
          registeredName: i.registeredName,
          status: i.status,
          startDate: i.startDate,
          endDate: i.endDate,
        })),
        minDate(period.to, today),
      ),
      loadReportFacts(db, input.associationId, period, active, today),
      Promise.all(
        [...groupIds].map(
          async ([kind, ids]): Promise<GroupStatistics> => ({
            kind,
            stats: await registerStatistics(db, input.associationId, {
              from: period.from,
              to: period.to,
              initiativeIds: ids,
              threshold: options.threshold,
              allowTrueZero: options.allowTrueZero,
            }),
          }),
        ),
      ),
      endedInitiatives(
        db,
        input.associationId,
        ordered.filter((i) => endedIn(i, period)),
      ),
      progressionResults(db, input.associationId, {
        initiativeIds: individual.map((i) => i.id),
        from: period.from,
        to: period.to,
        threshold: options.threshold,
        allowTrueZero: options.allowTrueZero,
      }),
      loadPortalUsageSection(db, input.associationId, {
        period,
        initiativeIds: individual.map((i) => i.id),
        threshold: options.threshold,
        allowTrueZero: options.allowTrueZero,
      }),
      loadCoursesFeedbackSection(db, input.associationId, {
        period,
        initiativeIds: individual.map((i) => i.id),
        threshold: options.threshold,
        allowTrueZero: options.allowTrueZero,
      }),
    ]);

  const initiativeRows: InitiativeRow[] = ordered.map((i) => ({
    id: i.id,
    name: i.name,
    owner: i.owner.name,
    orientation: i.orientation,
    individualKind: i.orientation === "individual" ? groupOf(i) : null,
    startDate: i.startDate,
    endDate: i.endDate,
    group: endedIn(i, period) ? "ended_in_period" : "active",
    plannedEndDate:
      i.plannedEndDate !== null && i.plannedEndDate !== i.endDate ? i.plannedEndDate : null,
  }));
  const budget = budgetTable(
    [...ordered, ...all.filter((i) => !active.has(i.id))],
    active,
    money,
    period,
  );
  const structure = structureRows(ordered, active, budget);
  const people = participantSections({
    groups,
    initiatives: individual,
    period,
    previous,
    options,
  });

  const report: FollowUpReport = {
    format: FOLLOW_UP_FORMAT,
    formatVersion: FOLLOW_UP_FORMAT_VERSION,
    association: { slug: association.slug, name: association.name },
    period,
    generatedAt: now.toISOString(),
    version: null,
    previous: previous?.version?.lockedAt
      ? { id: previous.version.id, period: previous.period, lockedAt: previous.version.lockedAt }
      : null,
    disclosure: {
      threshold: options.threshold,
      allowTrueZero: options.allowTrueZero,
      suppressedCells: 0,
      reasons: [],
    },
    summary: {
      generated: summarySentences({
        period,
        active: ordered,
        total: people.individual.total,
        hasIndividual: individual.length > 0,
      }),
      edited: null,
    },
    background: {
      generated: backgroundSentences({
        threshold: options.threshold,
        activeCount: ordered.length,
        reportsInPeriod: reportFacts.reportsInPeriod,
        initiativesWithReport: reportFacts.latest.size,
        deviationReports: [...reportFacts.deviations.values()].reduce((a, l) => a + l.length, 0),
        requisitions: budget.rows.reduce((a, r) => a + r.sources.length, 0),
        finalReports: ended.filter((e) => e.finalReport !== null).length,
        hasIndividual: individual.length > 0,
      }),
      edited: null,
    },
    initiatives: initiativeRows,
    goalStatus: goalStatusRows(ordered, reportFacts),
    preconditions: preconditionRows(ordered, reportFacts),
    budget,
    quality: qualityRows(ordered, reportFacts),
    structure,
    individual: people.individual,
    exitReasons: people.exitReasons,
    participantBackground: people.participantBackground,
    participants: people.participants,
    endedInitiatives: ended,
    progression: progressionSection(progression, individual),
    portalUsage,
    coursesFeedback,
    analysis: { generated: [], edited: null },
    definitions: definitions(options.threshold),
  };
  report.disclosure = disclosureOf(report, options);
  return report;
}

/**
 * Every participant figure the report shows, once each (table 8 repeats table 6's whole-time
 * counts, so only its changes are added): the counts and the shares, with progression's pairs
 * and shares (its means are counted apart: progressionMeansHidden).
 */
export function participantFigures(report: FollowUpReport): {
  counts: PersonCount[];
  shares: PersonShare[];
} {
  const counts: PersonCount[] = [];
  const shares: PersonShare[] = [];
  const rows = [
    ...report.individual.groups.flatMap((g) => [...g.rows, g.total]),
    report.individual.total,
  ];
  for (const r of rows) {
    counts.push(
      r.wholeTime,
      r.exitedWholeTime,
      r.exitedInPeriod,
      r.womenToWorkOrStudies,
      r.menToWorkOrStudies,
      r.ongoing,
    );
    shares.push(r.shareToWorkOrStudies, r.shareWithActionPlan);
  }
  for (const r of report.exitReasons) counts.push(r.women, r.men, r.total);
  counts.push(report.participantBackground.enrolledInPeriod);
  for (const s of report.participantBackground.shares) shares.push(s.share);
  for (const r of report.participants.rows) if (r.change) counts.push(r.change);
  if (report.participants.total.change) counts.push(report.participants.total.change);
  for (const r of report.progression?.rows ?? []) {
    counts.push(r.pairs);
    shares.push(r.measuredShare, r.improvedShare);
  }
  return { counts, shares };
}

/** Progression's mean changes not shown because their n is not shown. */
export function progressionMeansHidden(report: FollowUpReport): number {
  let hidden = 0;
  for (const r of report.progression?.rows ?? [])
    for (const mean of [r.change.women, r.change.men, r.change.total])
      if ("suppressed" in mean && mean.suppressed === "n_hidden") hidden++;
  return hidden;
}

const isLeftOut = (x: PersonCount | PersonShare) =>
  "suppressed" in x && x.suppressed === "left_out";

/** How many participant figures are not shown, and why (never which values). */
export function disclosureOf(
  report: FollowUpReport,
  options: Required<DisclosureOptions>,
): FollowUpReport["disclosure"] {
  const { counts, shares } = participantFigures(report);
  const leftOut = [...counts, ...shares].filter(isLeftOut).length;
  const summary = summarizeDisclosure(
    [
      ...(counts.filter((c) => !isLeftOut(c)) as ProtectedCell[]),
      ...(shares.filter((s) => !isLeftOut(s)) as ProtectedRatio[]),
    ],
    options,
  );
  const hiddenShares =
    summary.shares.denominator + summary.shares.numerator + summary.shares.complement;
  const reasons = [...summary.reasons];
  const means = progressionMeansHidden(report);
  const dropNone = () => {
    const none = reasons.findIndex((r) => r.startsWith("Inga uppgifter behövde döljas"));
    if (none >= 0) reasons.splice(none, 1);
  };
  if (means > 0) {
    dropNone();
    reasons.push(
      `${means} ${means === 1 ? "medelvärde" : "medelvärden"} i avsnittet Progression visas inte eftersom antalet personer bakom ${means === 1 ? "det" : "dem"} inte visas.`,
    );
  }
  if (leftOut > 0) {
    dropNone();
    reasons.push(
      `${leftOut} ${leftOut === 1 ? "uppgift" : "uppgifter"} visas som ”..” eftersom dolda uppgifter annars skulle kunna räknas fram ur rapportens andra tal: summor för flera insatser där en del är dold, och tal som hänger ihop mellan tabellerna.`,
    );
  }
  return {
    threshold: options.threshold,
    allowTrueZero: options.allowTrueZero,
    suppressedCells: summary.primary + summary.secondary + hiddenShares + leftOut + means,
    reasons,
  };
}
