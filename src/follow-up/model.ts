// The follow-up report as data (domain/follow-up.md): what the office's report for the board
// holds, for one association and one follow-up period. Every output — the web page, DOCX, PDF,
// XLSX (one sheet per table) and the JSON of the API and the CLI — is rendered from this one
// object, so the figures agree across them by construction. The JSON Schema in
// docs/formats/follow-up-report.schema.json describes exactly this shape.
//
// Participant figures come from the register's aggregate module only (src/register/
// aggregates.ts → disclosure.ts): a participant count is a `StatisticsCell` (a value, or why it
// is not shown), a participant share a `ProtectedRatio`. Figures about initiatives, reports and
// money are not about people and are plain numbers.
//
// Traceability: every figure carries (or its table/row carries) a `figure` key into
// `definitions`, which says what exactly is counted and from which data; `sources` lists the
// records behind a row (initiatives, reports, requisitions) for users allowed to see them.

import type { StatisticsCell } from "../register/aggregates.ts";
import type { ProtectedRatio } from "../register/disclosure.ts";

export const FOLLOW_UP_FORMAT = "samspar-follow-up-report";
export const FOLLOW_UP_FORMAT_VERSION = 1;

/** A participant count after disclosure control. */
export type PersonCount = StatisticsCell;
/**
 * A participant share after disclosure control (ratio 0..1), or — for a share over several
 * separately protected groups of initiatives — left out because a part of it is not shown
 * (shown as "..", like a left-out count; formatStatistic in aggregates.ts writes it).
 */
export type PersonShare =
  | ProtectedRatio
  | { readonly suppressed: "left_out"; readonly threshold: number };

/** green: in phase / OK; yellow: watch; red: not in phase, deviation, action; none: no data. */
export type Colour = "green" | "yellow" | "red" | "none";

/** Ja / Nej answers of the periodic report's status questions; null: not answered. */
export type YesNo = "ja" | "nej" | null;

/** A record behind a figure, for the users allowed to follow it. */
export interface SourceRef {
  kind: "initiative" | "periodic_report" | "deviation_report" | "final_report" | "requisition";
  id: string;
  /** What the link says: the initiative's name, "2026 kvartal 2", the requisition's period. */
  label: string;
}

/** What a figure means and where it comes from (shown on a click, and in the API). */
export interface FigureDefinition {
  /** The figure's key, e.g. "tabell6.andel_till_arbete_studier". */
  key: string;
  label: string;
  /** Exactly what is counted or computed, in Swedish. */
  definition: string;
  /** The data it is computed from, e.g. "Deltagarregistret (inskrivningar och avslut)". */
  source: string;
}

/** An initiative as the report names it: "Tierp, Växtverket" (owner municipality as prefix). */
export interface InitiativeRef {
  id: string;
  name: string;
}

export interface FollowUpPeriod {
  /** ÅÅÅÅ-MM-DD, both days included. */
  from: string;
  to: string;
  /** "kvartal 1 och 2 2026", "2026", "2026-01-01 – 2026-08-31". */
  label: string;
}

/** Section 1 and the narrative sections: generated text the office may replace. */
export interface EditableText {
  /** What Samspår generated from the figures (sentences, in order). */
  generated: string[];
  /** The office's text; null: the generated text is used. */
  edited: string | null;
}

/** Table 1 Insatser. */
export interface InitiativeRow extends InitiativeRef {
  owner: string;
  orientation: "individual" | "structural";
  /** Individual initiatives only: förrehabiliterande or mot arbete/studier. */
  individualKind: "forrehabiliterande" | "mot_arbete_studier" | null;
  startDate: string | null;
  endDate: string | null;
  /** Active in the period, or ended within it ("Avslutade under perioden"). */
  group: "active" | "ended_in_period";
  /** Set when the initiative ended early: its originally planned end (a footnote). */
  plannedEndDate: string | null;
}

/** Table 2 Nuläge mål: from the latest periodic report (of a period ending) in the period. */
export interface GoalStatusRow extends InitiativeRef {
  /** ja / ja_kommentar (Ja*) / nej / for_tidigt; null: no report in the period. */
  inPhase: "ja" | "ja_kommentar" | "nej" | "for_tidigt" | null;
  /** ja / nej / ingen (–); null: no report. */
  prognosis: "ja" | "nej" | "ingen" | null;
  colour: Colour;
  /** Why the colour, in words (never colour alone). */
  colourText: string;
  /** A deviation report submitted or decided in the period. */
  deviationReport: boolean;
  /** The comment of a deviating one (Ja*, Nej, prognosis Nej, deviation), shown after the table. */
  comment: string | null;
  report: SourceRef | null;
}

/** Table 3 Förutsättningar för utfall. */
export interface PreconditionsRow extends InitiativeRef {
  startedOnTime: YesNo;
  vacanciesFunded: YesNo;
  vacanciesOwn: YesNo;
  budgetDeviationSubmitted: YesNo;
  report: SourceRef | null;
}

/** Table 4 Prognos och utfall budget (whole kronor; ratio in whole per cent). */
export interface BudgetRow extends InitiativeRef {
  budget: number;
  outcome: number;
  /** Förbrukningskvot: outcome ÷ budget in whole per cent; null when the budget is 0. */
  ratioPercent: number | null;
  prognosis: "OK" | "Bevaka" | "Åtgärd" | "Avslutad";
  colour: Colour;
  sources: SourceRef[];
}

/** Table 5 Kvalitetssäkring. */
export interface QualityRow extends InitiativeRef {
  steeringMeetingsAsAgreed: YesNo;
  allOrdinaryAttended: YesNo;
  followUpAsAgreed: YesNo;
  methodChecked: YesNo;
  targetGroupChecked: YesNo;
  equityDiscussed: YesNo;
  genderEqualityDiscussed: YesNo;
  deviationGoalsOrTargetGroup: YesNo;
  report: SourceRef | null;
}

/** Struktur och individ: active initiatives and their outcome in the period, per orientation. */
export interface StructureRow {
  orientation: "structural" | "individual" | "total";
  initiatives: number;
  /** Outcome in the period, whole kronor (shown in tkr). */
  outcome: number;
}

/** Table 6: one individual initiative, a group total or the grand total. */
export interface IndividualRow {
  initiative: InitiativeRef | null;
  /** The row's label: the initiative's name, "Summa förrehabiliterande", "Totalt". */
  label: string;
  wholeTime: PersonCount;
  exitedWholeTime: PersonCount;
  exitedInPeriod: PersonCount;
  womenToWorkOrStudies: PersonCount;
  menToWorkOrStudies: PersonCount;
  shareToWorkOrStudies: PersonShare;
  shareWithActionPlan: PersonShare;
  ongoing: PersonCount;
}

export interface IndividualGroup {
  kind: "forrehabiliterande" | "mot_arbete_studier";
  label: string;
  rows: IndividualRow[];
  total: IndividualRow;
}

/** Table 7 Avslutningsanledningar: of those who exited in the period. */
export interface ExitReasonRow {
  key:
    | "arbete_ej_subventionerat"
    | "subventionerat_arbete"
    | "eget_foretag"
    | "studier"
    | "bade_arbete_och_studier"
    | "arbetssokande"
    | "ovriga_avslutade";
  label: string;
  /** Set for "både arbete och studier": a part of the rows above, for information. */
  partOf: string | null;
  women: PersonCount;
  men: PersonCount;
  total: PersonCount;
}

/** Deltagarnas bakgrund: among the participants enrolled in the period. */
export interface BackgroundShare {
  key: string;
  label: string;
  share: PersonShare;
}

/** Table 8 Antal deltagare. */
export interface ParticipantsRow extends InitiativeRef {
  wholeTime: PersonCount;
  /** Change since the previous locked follow-up; null when there is none to compare with. */
  change: PersonCount | null;
  /** Whether the change is negative (a correction): shown with its sign. */
  changeNegative: boolean;
  /** From the application: "210", or "15 personer löpande"; null when none was given. */
  expected: { count: number; ongoing: boolean } | null;
  /** Behind its target (pro rata over the initiative's time); named in the text. */
  behindTarget: boolean;
}

/** A mean of the progression results (two decimals), or why it is not shown. */
export type ProgressionMean =
  | { value: number }
  /** n_hidden: its n is not shown (disclosure control); none: nobody to count. */
  | { suppressed: "n_hidden" | "none"; threshold: number };

/**
 * Progression: one individual initiative with a measurement plan and one instrument version of
 * the plan, from the progression results (src/progression/results.ts) after their disclosure
 * control.
 */
export interface ProgressionRow extends InitiativeRef {
  instrument: { key: string; name: string; version: number };
  /** Of the enrolled in the period (totalt): the share measured (with a zero-point). */
  measuredShare: PersonShare;
  /** The plan's target for the share measured, whole per cent. */
  targetPercent: number;
  target: "uppnatt" | "inte_uppnatt" | "kan_inte_bedomas";
  /** "Målet 50 % är uppnått." — in words, never colour alone. */
  targetText: string;
  /** The mean change of the total score from the zero-point, by gender. */
  change: { women: ProgressionMean; men: ProgressionMean; total: ProgressionMean };
  /** The share of the pairs whose total score improved (totalt). */
  improvedShare: PersonShare;
  /** The pairs (zero-point and a later measurement in the period), totalt. */
  pairs: PersonCount;
}

export interface ProgressionSection {
  rows: ProgressionRow[];
  /** The sentence shown instead of the table when no initiative has a plan; null otherwise. */
  noPlanText: string | null;
}

/**
 * Deltagarportalen: one calendar month of the period, for all the individual initiatives of the
 * report together (src/portal/usage.ts, after its disclosure control).
 */
export interface PortalUsageRow {
  /** "ÅÅÅÅ-MM". */
  month: string;
  /** "mars 2026". */
  label: string;
  /** Participants who logged in during the month, by gender. */
  women: PersonCount;
  men: PersonCount;
  total: PersonCount;
  /** Of them: first sign-in ever that month, and logged in an earlier month too (totalt). */
  new: PersonCount;
  returning: PersonCount;
  /** Bookings (not people): made during the month, kept, missed and cancelled. */
  bookingsMade: PersonCount;
  bookingsKept: PersonCount;
  bookingsMissed: PersonCount;
  bookingsCancelled: PersonCount;
}

export interface PortalUsageSection {
  rows: PortalUsageRow[];
  /** The bookings of the whole period (the sum of the months). */
  bookingsTotal: {
    made: PersonCount;
    kept: PersonCount;
    missed: PersonCount;
    cancelled: PersonCount;
  };
  /** How many of the section's figures are not shown and why (never which values). */
  disclosureReasons: string[];
  /** The sentence shown instead of the table when the period has no individual initiative. */
  noneText: string | null;
}

/**
 * Kurser och Tyck till: one published course of the portal, all individual initiatives of the
 * report together (src/courses/figures.ts, after its disclosure control).
 */
export interface CourseFiguresRow {
  courseId: string;
  /** The Swedish title of the course's newest version. */
  title: string;
  /** Participants who opened at least one chapter during the period, by gender. */
  startedWomen: PersonCount;
  startedMen: PersonCount;
  startedTotal: PersonCount;
  /** Participants who completed every chapter of the newest version, the last in the period. */
  finishedWomen: PersonCount;
  finishedMen: PersonCount;
  finishedTotal: PersonCount;
  /** Chapter completions during the period (not people), totalt. */
  chaptersCompleted: PersonCount;
  /** Quiz answers right at the first try; null when the course has no quiz question. */
  quizFirstTry: PersonShare | null;
}

/**
 * Kurser och Tyck till: one question of an initiative's Tyck till, the whole period, for one
 * context (src/evaluation/results.ts, after its disclosure control).
 */
export interface FeedbackQuestionRow {
  initiativeId: string;
  initiative: string;
  /** "kapitel": the short check after chapters; "mote": after meetings; "slut": the exit survey. */
  context: "kapitel" | "mote" | "slut";
  /** The Swedish question. */
  question: string;
  type: "skala" | "fritext";
  answers: PersonCount;
  /** How many chose 1..5 (scale questions); null for free text or too few answers. */
  distribution: PersonCount[] | null;
  /** The mean of a scale question, one decimal; null when not shown or free text. */
  mean: number | null;
}

export interface CoursesFeedbackSection {
  courses: CourseFiguresRow[];
  feedback: FeedbackQuestionRow[];
  /** How many of the section's figures are not shown and why (never which values). */
  disclosureReasons: string[];
  /** The sentence shown instead of the tables when the period has no individual initiative. */
  noneText: string | null;
}

/** Avslutade insatser: from each final report. */
export interface EndedInitiative extends InitiativeRef {
  owner: string;
  partners: string[];
  startDate: string | null;
  endDate: string | null;
  purpose: string;
  outcomeSummary: string;
  finalReport: SourceRef | null;
}

export interface FollowUpReport {
  format: typeof FOLLOW_UP_FORMAT;
  formatVersion: typeof FOLLOW_UP_FORMAT_VERSION;
  association: { slug: string; name: string };
  period: FollowUpPeriod;
  /** ISO timestamp of the computation. */
  generatedAt: string;
  /** The stored version this is (null: computed, not stored). */
  version: {
    id: string;
    number: number;
    status: "utkast" | "last";
    lockedAt: string | null;
    lockedBy: string | null;
  } | null;
  /** The locked version table 8 compares with. */
  previous: { id: string; period: FollowUpPeriod; lockedAt: string } | null;
  disclosure: {
    threshold: number;
    allowTrueZero: boolean;
    /** Cells not shown, by reason, and the sentences that say so (never which values). */
    suppressedCells: number;
    reasons: string[];
  };
  /** 1 Sammanfattning. */
  summary: EditableText;
  /** 2 Bakgrund: the sources. */
  background: EditableText;
  /** Tabell 1. */
  initiatives: InitiativeRow[];
  /** Tabell 2, and the comments of the deviating ones. */
  goalStatus: GoalStatusRow[];
  /** Tabell 3. */
  preconditions: PreconditionsRow[];
  /** Tabell 4 with its totals. */
  budget: {
    rows: BudgetRow[];
    total: { budget: number; outcome: number; ratioPercent: number | null };
  };
  /** Tabell 5. */
  quality: QualityRow[];
  /** Struktur och individ. */
  structure: StructureRow[];
  /** Tabell 6: the two groups, then the total. */
  individual: { groups: IndividualGroup[]; total: IndividualRow };
  /** Tabell 7. */
  exitReasons: ExitReasonRow[];
  /** Deltagarnas bakgrund. */
  participantBackground: { enrolledInPeriod: PersonCount; shares: BackgroundShare[] };
  /** Tabell 8, its totals and the sentence naming the initiatives behind their target. */
  participants: {
    rows: ParticipantsRow[];
    total: { wholeTime: PersonCount; change: PersonCount | null; changeNegative: boolean };
    behindTargetText: string | null;
  };
  /** Avslutade insatser. */
  endedInitiatives: EndedInitiative[];
  /**
   * Progression per individual initiative. Absent in a version locked before the section was
   * added to the report (format version 1 is the same format with this field optional): the
   * outputs then say that the section is not in this version of the report.
   */
  progression?: ProgressionSection;
  /**
   * The participant portal's use, all individual initiatives together. Absent in a version locked
   * before the section was added (format version 1 with this field optional), like progression.
   */
  portalUsage?: PortalUsageSection;
  /**
   * The portal's courses and Tyck till, all individual initiatives together. Absent in a version
   * locked before the section was added (format version 1 with this field optional).
   */
  coursesFeedback?: CoursesFeedbackSection;
  /** Sammanfattande analys: the office's narrative. */
  analysis: EditableText;
  /** Every figure key used above → its definition. */
  definitions: Record<string, FigureDefinition>;
}
