// The final report (slutrapport, domain/documents.md §4) as data: the initiative as it was when
// the report was started (name, diarienummer, owner and partners, purpose, goals, planned and
// actual dates), kept as a snapshot so later changes to the initiative do not rewrite it, and
// what the lead writes: each goal's outcome, gender equality and equity, the changed need, the
// initiative's time, target group, participants by gender, method, follow-up, continuation,
// returned funds and lessons per party. The parties' signatures are not written by the lead:
// each party signs (by link or on paper, final-report-signatures.ts), and submission records
// the signatures in the content it submits. Answers are codes (ja/nej/delvis) so they can be
// counted; the Swedish labels here are for documents and diffs (the web pages use the i18n
// catalogues).
import type { SignatureMethod } from "../applications/schema.ts";
import type { GoalKind, Orientation } from "../initiatives/schema.ts";

/** Goal achieved, and activities carried out as intended: Ja / Nej / Delvis. */
export const ACHIEVED = ["ja", "nej", "delvis"] as const;
export type Achieved = (typeof ACHIEVED)[number];
export const ACHIEVED_LABELS: Record<Achieved, string> = { ja: "Ja", nej: "Nej", delvis: "Delvis" };

export const YES_NO = ["ja", "nej"] as const;
export type YesNo = (typeof YES_NO)[number];
export const YES_NO_LABELS: Record<YesNo, string> = { ja: "Ja", nej: "Nej" };

export interface FinalReportParty {
  organisationId: string;
  name: string;
  isOwner: boolean;
}

export interface FinalReportGoal {
  /** The initiative goal's id when the report was started. */
  goalId: string | null;
  text: string;
  kind: GoalKind;
  targetNumber: number | null;
  targetPercent: number | null;
  achieved: Achieved | null;
  /** The outcome as a narrative (rich text). */
  outcome: string;
  /** The outcome in figures, as the lead writes them ("18 av 24 deltagare, 75 %"). */
  figures: string;
}

/**
 * Participants by gender. Entered as whole numbers by the lead until the participant register
 * exists in Samspår (then individual initiatives take them from there; structural ones keep
 * entering counts). A pilot study (förstudie) has no participants: then the counts stay empty.
 */
export interface FinalReportParticipants {
  feasibilityStudy: boolean;
  women: number | null;
  men: number | null;
  otherOrNotStated: number | null;
}

export interface FinalReportReturnedFunds {
  returned: YesNo | null;
  /** Whole kronor. */
  amount: number | null;
  reason: string;
  consequences: string;
}

export interface FinalReportLesson {
  organisationId: string;
  text: string;
}

/**
 * A party's signature as the submitted report records it: who signed for the party, when, and
 * how. Written by submission from the parties' signatures (final-report-signatures.ts); a
 * draft has none. Reports from before signing in Samspår (or from a bundle) may lack the
 * title, e-mail and method.
 */
export interface FinalReportSignature {
  organisationId: string;
  signerName: string;
  signerTitle: string;
  signerEmail: string;
  /** By e-mailed link or registered from paper; null when not known. */
  method: SignatureMethod | null;
  signedOn: string | null;
}

export interface FinalReportContent {
  // -- filled in when the report is started, and kept as it was
  initiativeName: string;
  /** The approved application behind the initiative, if any. */
  applicationId: string | null;
  applicationRegistryNumber: string | null;
  ownerName: string;
  /** The owner first, then the partners. */
  parties: FinalReportParty[];
  orientation: Orientation;
  /** Syfte, as in the approved application. */
  purpose: string;
  /** Bakgrund och behov, as in the approved application. */
  needDescribed: string;
  plannedStartDate: string | null;
  plannedEndDate: string | null;
  /** Målgrupp as defined for the initiative. */
  targetGroupDefined: string;
  /** Metod(er), uppföljning and tillvaratagande as planned in the approved application. */
  methodDefined: string;
  followUpPlanned: string;
  continuationPlanned: string;
  /** The day the snapshot was taken. */
  filledInOn: string;

  // -- written by the lead
  goals: FinalReportGoal[];
  /** Jämställdhet och jämlikhet: how the initiative reasoned and acted. */
  equality: string;
  /** Förändrat behov: how the need described in the application changed. */
  changedNeed: string;
  actualStartDate: string | null;
  actualEndDate: string | null;
  /** Why the time changed (extensions, an early end). */
  timeChangeReason: string;
  /** How the target group changed. */
  targetGroupChange: string;
  participants: FinalReportParticipants;
  /** How the method changed, and whether activities were carried out as intended. */
  methodChange: string;
  methodAsIntended: Achieved | null;
  methodAsIntendedText: string;
  /** Uppföljning: how the goals were followed up. */
  followUp: string;
  /** Tillvaratagande: how the results continue in ordinary operations. */
  continuation: string;
  returnedFunds: FinalReportReturnedFunds;
  lessons: FinalReportLesson[];

  // -- recorded when the report is submitted
  /** The parties' signatures the report was submitted with; empty in a draft. */
  signatures: FinalReportSignature[];
}

/** The narrative fields the lead writes, in the order of the form, with their Swedish labels. */
export const FINAL_TEXT_FIELDS = [
  { key: "equality", label: "Jämställdhet och jämlikhet" },
  { key: "changedNeed", label: "Förändrat behov" },
  { key: "timeChangeReason", label: "Varför insatstiden ändrades" },
  { key: "targetGroupChange", label: "Hur målgruppen förändrats" },
  { key: "methodChange", label: "Hur metoden förändrats" },
  { key: "methodAsIntendedText", label: "Kommentar om genomförandet" },
  { key: "followUp", label: "Uppföljning" },
  { key: "continuation", label: "Tillvaratagande" },
] as const;
export type FinalTextField = (typeof FINAL_TEXT_FIELDS)[number]["key"];

export const FINAL_REPORT_STATUS_LABELS = {
  utkast: "Utkast",
  inskickad: "Inskickad",
  aterskickad: "Åter för komplettering",
  last: "Granskad och låst",
} as const;

/** Swedish labels of every field, for documents and the comparison of versions. */
export const FINAL_REPORT_LABELS = {
  initiativeName: "Insatsens namn",
  applicationRegistryNumber: "Diarienummer",
  ownerName: "Insatsägare",
  partners: "Samverkansparter",
  orientation: "Inriktning",
  purpose: "Syfte",
  goals: "Mål",
  goal: "Mål",
  achieved: "Uppnått",
  outcome: "Utfall",
  figures: "Utfall i siffror",
  equality: "Jämställdhet och jämlikhet",
  needDescribed: "Behov enligt ansökan",
  changedNeed: "Förändrat behov",
  time: "Insatstid",
  plannedStartDate: "Planerad start",
  plannedEndDate: "Planerat slut",
  actualStartDate: "Faktisk start",
  actualEndDate: "Faktiskt slut",
  timeChangeReason: "Varför insatstiden ändrades",
  targetGroup: "Målgrupp",
  targetGroupDefined: "Målgrupp enligt ansökan",
  targetGroupChange: "Hur målgruppen förändrats",
  participants: "Antal deltagare",
  feasibilityStudy: "Förstudie, inga deltagare",
  women: "Kvinnor",
  men: "Män",
  otherOrNotStated: "Annat eller ej angivet",
  total: "Totalt",
  method: "Metod",
  methodDefined: "Metod enligt ansökan",
  methodChange: "Hur metoden förändrats",
  methodAsIntended: "Genomfördes aktiviteterna som det var tänkt?",
  methodAsIntendedText: "Kommentar om genomförandet",
  followUp: "Uppföljning",
  followUpPlanned: "Uppföljning enligt ansökan",
  continuation: "Tillvaratagande",
  continuationPlanned: "Tillvaratagande enligt ansökan",
  returnedFunds: "Återförda medel",
  returned: "Har medel återförts?",
  amount: "Återfört belopp",
  reason: "Varför medel återfördes",
  consequences: "Konsekvenser",
  lessons: "Lärdomar per part",
  signatures: "Underskrifter",
  signerName: "Namn",
  signerTitle: "Titel",
  signerEmail: "E-post",
  signedOn: "Datum",
  signedHow: "Underskrift",
} as const;

/** How a party signed, as documents say it. */
export const SIGNATURE_METHOD_LABELS: Record<SignatureMethod, string> = {
  link: "e-underskrift via länk",
  paper: "underskriven på papper",
};

export const ORIENTATION_LABELS: Record<Orientation, string> = {
  individual: "Individinriktad",
  structural: "Strukturövergripande",
};

export const emptyParticipants = (): FinalReportParticipants => ({
  feasibilityStudy: false,
  women: null,
  men: null,
  otherOrNotStated: null,
});

export const emptyReturnedFunds = (): FinalReportReturnedFunds => ({
  returned: null,
  amount: null,
  reason: "",
  consequences: "",
});

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const strOrNull = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
const num = (v: unknown): number | null =>
  typeof v === "number" && Number.isSafeInteger(v) ? v : null;
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | null =>
  typeof v === "string" && (list as readonly string[]).includes(v) ? (v as T) : null;
const list = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v)
    ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === "object")
    : [];
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** A stored content as the type says, with every field present (missing ones empty). */
export function finalReportContentOf(raw: Record<string, unknown>): FinalReportContent {
  const participants = obj(raw.participants);
  const funds = obj(raw.returnedFunds);
  return {
    initiativeName: str(raw.initiativeName),
    applicationId: strOrNull(raw.applicationId),
    applicationRegistryNumber: strOrNull(raw.applicationRegistryNumber),
    ownerName: str(raw.ownerName),
    parties: list(raw.parties).map((p) => ({
      organisationId: str(p.organisationId),
      name: str(p.name),
      isOwner: p.isOwner === true,
    })),
    orientation: raw.orientation === "structural" ? "structural" : "individual",
    purpose: str(raw.purpose),
    needDescribed: str(raw.needDescribed),
    plannedStartDate: strOrNull(raw.plannedStartDate),
    plannedEndDate: strOrNull(raw.plannedEndDate),
    targetGroupDefined: str(raw.targetGroupDefined),
    methodDefined: str(raw.methodDefined),
    followUpPlanned: str(raw.followUpPlanned),
    continuationPlanned: str(raw.continuationPlanned),
    filledInOn: str(raw.filledInOn),
    goals: list(raw.goals).map((g) => ({
      goalId: strOrNull(g.goalId),
      text: str(g.text),
      kind: oneOf(["resultatmal", "insatsmal", "effektmal"] as const, g.kind) ?? "resultatmal",
      targetNumber: num(g.targetNumber),
      targetPercent: num(g.targetPercent),
      achieved: oneOf(ACHIEVED, g.achieved),
      outcome: str(g.outcome),
      figures: str(g.figures),
    })),
    equality: str(raw.equality),
    changedNeed: str(raw.changedNeed),
    actualStartDate: strOrNull(raw.actualStartDate),
    actualEndDate: strOrNull(raw.actualEndDate),
    timeChangeReason: str(raw.timeChangeReason),
    targetGroupChange: str(raw.targetGroupChange),
    participants: {
      feasibilityStudy: participants.feasibilityStudy === true,
      women: num(participants.women),
      men: num(participants.men),
      otherOrNotStated: num(participants.otherOrNotStated),
    },
    methodChange: str(raw.methodChange),
    methodAsIntended: oneOf(ACHIEVED, raw.methodAsIntended),
    methodAsIntendedText: str(raw.methodAsIntendedText),
    followUp: str(raw.followUp),
    continuation: str(raw.continuation),
    returnedFunds: {
      returned: oneOf(YES_NO, funds.returned),
      amount: num(funds.amount),
      reason: str(funds.reason),
      consequences: str(funds.consequences),
    },
    lessons: list(raw.lessons).map((l) => ({
      organisationId: str(l.organisationId),
      text: str(l.text),
    })),
    signatures: list(raw.signatures).map((s) => ({
      organisationId: str(s.organisationId),
      signerName: str(s.signerName),
      signerTitle: str(s.signerTitle),
      signerEmail: str(s.signerEmail),
      method: oneOf(["link", "paper"] as const, s.method),
      signedOn: strOrNull(s.signedOn),
    })),
  };
}

/**
 * The lesson of each party, in the order of the parties (empty if none yet), and the signature
 * the content records for it (null if none: a draft records none).
 */
export function perParty(content: FinalReportContent) {
  return content.parties.map((party) => ({
    party,
    lesson: content.lessons.find((l) => l.organisationId === party.organisationId)?.text ?? "",
    signature:
      content.signatures.find(
        (s) => s.organisationId === party.organisationId && s.signerName.trim() !== "",
      ) ?? null,
  }));
}

/** The number of participants in total, or null when not every count is given. */
export function participantTotal(p: FinalReportParticipants): number | null {
  if (p.women === null || p.men === null || p.otherOrNotStated === null) return null;
  return p.women + p.men + p.otherOrNotStated;
}

/** One line of a field as a person reads it; money as "25 000 kr", dates as written. */
const kronor = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ")} kr`;
const lines = (text: string) =>
  text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "");

/**
 * The lead's fields as labelled lines of text, in the order of the form: what the comparison of
 * two versions (and a conflict) shows, and what decides whether a save changed the report (and
 * so removes its signatures). The snapshot part never changes and is left out, and so are the
 * signatures, which are not the lead's to write.
 */
export function describeFinalReport(
  c: FinalReportContent,
): Array<{ field: string; label: string; lines: string[] }> {
  const L = FINAL_REPORT_LABELS;
  const out: Array<{ field: string; label: string; lines: string[] }> = [];
  c.goals.forEach((g, i) => {
    out.push({
      field: `goals.${i}`,
      label: `${L.goal} ${i + 1}: ${g.text}`,
      lines: [
        ...(g.achieved ? [`${L.achieved}: ${ACHIEVED_LABELS[g.achieved]}`] : []),
        ...lines(g.outcome),
        ...(g.figures.trim() ? [`${L.figures}: ${g.figures.trim()}`] : []),
      ],
    });
  });
  const text = (field: FinalTextField) => ({
    field,
    label: FINAL_TEXT_FIELDS.find((f) => f.key === field)?.label ?? field,
    lines: lines(c[field]),
  });
  out.push(text("equality"), text("changedNeed"));
  out.push({
    field: "time",
    label: L.time,
    lines: [
      ...(c.actualStartDate ? [`${L.actualStartDate}: ${c.actualStartDate}`] : []),
      ...(c.actualEndDate ? [`${L.actualEndDate}: ${c.actualEndDate}`] : []),
    ],
  });
  out.push(text("timeChangeReason"), text("targetGroupChange"));
  const p = c.participants;
  out.push({
    field: "participants",
    label: L.participants,
    lines: p.feasibilityStudy
      ? [L.feasibilityStudy]
      : [
          ...(p.women !== null ? [`${L.women}: ${p.women}`] : []),
          ...(p.men !== null ? [`${L.men}: ${p.men}`] : []),
          ...(p.otherOrNotStated !== null ? [`${L.otherOrNotStated}: ${p.otherOrNotStated}`] : []),
        ],
  });
  out.push(text("methodChange"));
  out.push({
    field: "methodAsIntended",
    label: L.methodAsIntended,
    lines: c.methodAsIntended ? [ACHIEVED_LABELS[c.methodAsIntended]] : [],
  });
  out.push(text("methodAsIntendedText"), text("followUp"), text("continuation"));
  const f = c.returnedFunds;
  out.push({
    field: "returnedFunds",
    label: L.returnedFunds,
    lines: [
      ...(f.returned ? [`${L.returned} ${YES_NO_LABELS[f.returned]}`] : []),
      ...(f.amount !== null ? [`${L.amount}: ${kronor(f.amount)}`] : []),
      ...lines(f.reason).map((l) => `${L.reason}: ${l}`),
      ...lines(f.consequences).map((l) => `${L.consequences}: ${l}`),
    ],
  });
  for (const { party, lesson } of perParty(c)) {
    out.push({
      field: `lessons.${party.organisationId}`,
      label: `Lärdomar, ${party.name}`,
      lines: lines(lesson),
    });
  }
  return out;
}
