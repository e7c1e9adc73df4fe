// The periodic report as data (domain/documents.md §2): sections 2.1–2.5, the goals'
// assessments, the structured status questions the follow-up tables are built from, the
// reporters, and section 2.6 by the steering group. Answers are codes, never free text, so the
// follow-up can count them; comments sit beside them.

export const IN_PHASE = ["ja", "ja_kommentar", "nej", "for_tidigt"] as const;
export const YES_NO = ["ja", "nej"] as const;
export const PROGNOSIS = ["ja", "nej", "ingen"] as const;
export const GOAL_ASSESSMENTS = ["uppfyllt", "i_fas", "risk", "ej_i_fas", "for_tidigt"] as const;

export const ANSWER_LABELS: Record<string, string> = {
  ja: "Ja",
  ja_kommentar: "Ja, med kommentar (Ja*)",
  nej: "Nej",
  for_tidigt: "För tidigt att utläsa",
  ingen: "–",
  uppfyllt: "Uppfyllt",
  i_fas: "I fas",
  risk: "Risk",
  ej_i_fas: "Ej i fas",
};

/**
 * The structured status questions, in the order of the form. `derived` ones are filled in from
 * data (meetings, attendance, deviation reports, report dates) and can be confirmed/commented.
 */
export const STATUS_QUESTIONS = [
  { key: "inPhase", label: "Ligger insatsen i fas gällande uppsatta mål?", options: IN_PHASE },
  {
    key: "steeringPrognosis",
    label: "Styrgruppens prognos för måluppfyllelse",
    options: PROGNOSIS,
  },
  { key: "startedOnTime", label: "Startade insatsen i tid?", options: YES_NO },
  {
    key: "vacanciesFunded",
    label: "Vakanser i tjänster finansierade av förbundet?",
    options: YES_NO,
  },
  { key: "vacanciesOwn", label: "Vakanser i egenfinansierade resurser?", options: YES_NO },
  {
    key: "budgetDeviationSubmitted",
    label: "Avvikelse gällande budget inlämnad?",
    options: YES_NO,
    derived: true,
  },
  {
    key: "steeringMeetingsAsAgreed",
    label: "Styrgruppsmöten enligt avtal?",
    options: YES_NO,
    derived: true,
  },
  {
    key: "allOrdinaryAttended",
    label: "Har alla ordinarie representanter deltagit?",
    options: YES_NO,
    derived: true,
  },
  { key: "followUpAsAgreed", label: "Uppföljning enligt avtal?", options: YES_NO, derived: true },
  { key: "methodChecked", label: "Kontroll av metod", options: YES_NO },
  { key: "targetGroupChecked", label: "Kontroll av målgrupp", options: YES_NO },
  {
    key: "equityDiscussed",
    label: "Jämlikhet diskuterad (i styrgruppen eller i arbetet)",
    options: YES_NO,
  },
  {
    key: "genderEqualityDiscussed",
    label: "Jämställdhet diskuterad (i styrgruppen eller i arbetet)",
    options: YES_NO,
  },
  { key: "deviationGoalsOrTargetGroup", label: "Avvikelse mål/målgrupp", options: YES_NO },
] as const;

export type StatusQuestionKey = (typeof STATUS_QUESTIONS)[number]["key"];

/** One answer: the code (or null when unanswered) and a comment. */
export interface StatusAnswer {
  answer: string | null;
  comment: string;
}

export interface GoalAssessment {
  /** The initiative goal's id when the report was created (goals are copied for assessment). */
  goalId: string | null;
  goalText: string;
  assessment: string | null;
  comment: string;
}

export interface PeriodicReportContent {
  /** 2.1 Aktiviteter */
  activities: string;
  /** 2.2 Avvikelser från planering, and measures taken */
  deviations: string;
  /** 2.3 Brukarmedverkan */
  userParticipation: string;
  /** 2.4 Mål och delmål */
  goals: GoalAssessment[];
  /** 2.5 Sammanfattande bedömning */
  goingWell: string;
  goingLessWell: string;
  successFactors: string;
  systemFaults: string;
  measures: string;
  answers: Record<StatusQuestionKey, StatusAnswer>;
  /** 3. Uppgiftslämnare */
  reportedBy: string;
  reportedOn: string | null;
}

/** 2.6 Styrgruppens analys. */
export interface SteeringAnalysis {
  goalFulfilment: string;
  budget: string;
  deviations: string;
  implementationPlan: string;
  writtenBy: string;
  writtenOn: string | null;
}

export const emptyAnswers = (): Record<StatusQuestionKey, StatusAnswer> =>
  Object.fromEntries(STATUS_QUESTIONS.map((q) => [q.key, { answer: null, comment: "" }])) as Record<
    StatusQuestionKey,
    StatusAnswer
  >;

export const emptyPeriodicContent = (): PeriodicReportContent & Record<string, unknown> => ({
  activities: "",
  deviations: "",
  userParticipation: "",
  goals: [],
  goingWell: "",
  goingLessWell: "",
  successFactors: "",
  systemFaults: "",
  measures: "",
  answers: emptyAnswers(),
  reportedBy: "",
  reportedOn: null,
});

export const emptySteeringAnalysis = (): SteeringAnalysis & Record<string, unknown> => ({
  goalFulfilment: "",
  budget: "",
  deviations: "",
  implementationPlan: "",
  writtenBy: "",
  writtenOn: null,
});

/** The narrative fields of the report, in order, with their section and label. */
export const PERIODIC_TEXT_FIELDS = [
  { key: "activities", section: "2.1", label: "Aktiviteter under perioden" },
  { key: "deviations", section: "2.2", label: "Avvikelser från planering och vidtagna åtgärder" },
  { key: "userParticipation", section: "2.3", label: "Brukarmedverkan" },
  { key: "goingWell", section: "2.5", label: "Vad går bra?" },
  { key: "goingLessWell", section: "2.5", label: "Vad går mindre bra?" },
  { key: "successFactors", section: "2.5", label: "Framgångsfaktorer" },
  { key: "systemFaults", section: "2.5", label: "Systemfel och hinder" },
  { key: "measures", section: "2.5", label: "Åtgärder" },
] as const;

export const STEERING_TEXT_FIELDS = [
  { key: "goalFulfilment", label: "Måluppfyllelse" },
  { key: "budget", label: "Budget" },
  { key: "deviations", label: "Avvikelser" },
  { key: "implementationPlan", label: "Implementeringsplan" },
] as const;

export const PERIODIC_STATUS_LABELS = {
  utkast: "Utkast",
  inskickad: "Inskickad",
  aterskickad: "Åter för komplettering",
  last: "Granskad och låst",
} as const;

/** The parts of a period key: "2026-K3" → quarter 3 of 2026, "2026-T2" → tertial 2. */
export function periodParts(key: string): { kind: "K" | "T"; number: number; year: number } {
  const m = /^(\d{4})-([KT])(\d)$/.exec(key);
  if (!m) return { kind: "K", number: 0, year: 0 };
  return { kind: m[2] as "K" | "T", number: Number(m[3]), year: Number(m[1]) };
}
