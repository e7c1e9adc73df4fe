// What every output of the follow-up report writes the same way: the title, the version and its
// lock status, the section names in the order of domain/follow-up.md, the words for answers and
// colours (a colour is never shown without its word), and how a protected participant figure is
// written ("< 5", ".."). The DOCX, PDF, XLSX and the charts take their words from here, so they
// say the same thing.
import { formatDate, formatNumber } from "../../platform/i18n/format.ts";
import { formatStatistic } from "../../register/aggregates.ts";
import type {
  Colour,
  EditableText,
  FollowUpReport,
  PersonCount,
  PersonShare,
  ProgressionMean,
  YesNo,
} from "../model.ts";

export const FOLLOW_UP_TITLE = "Uppföljning av insatser";

/** "Uppföljning av insatser – kvartal 1 och 2 2026". */
export const followUpTitle = (report: Pick<FollowUpReport, "period">) =>
  `${FOLLOW_UP_TITLE} – ${report.period.label}`;

/** "Låst version 2, 2026-09-14", or "Utkast – inte låst" for a draft or a report not stored. */
export function versionText(report: Pick<FollowUpReport, "version">): string {
  const v = report.version;
  if (v && v.status === "last" && v.lockedAt)
    return `Låst version ${v.number}, ${formatDate(v.lockedAt)}`;
  return "Utkast – inte låst";
}

/** The sections in the order of domain/follow-up.md, then the appendix. */
export const SECTION_TITLES = {
  summary: "Sammanfattning",
  background: "Bakgrund",
  initiatives: "Tabell 1 Insatser",
  goalStatus: "Tabell 2 Nuläge mål",
  preconditions: "Tabell 3 Förutsättningar för utfall",
  budget: "Tabell 4 Prognos och utfall budget",
  quality: "Tabell 5 Kvalitetssäkring",
  structure: "Struktur och individ",
  individual: "Tabell 6 Insatser med individinriktning",
  exitReasons: "Tabell 7 Avslutningsanledningar",
  participantBackground: "Deltagarnas bakgrund",
  participants: "Tabell 8 Antal deltagare",
  progression: "Progression",
  portalUsage: "Deltagarportalen",
  coursesFeedback: "Kurser och Tyck till",
  endedInitiatives: "Avslutade insatser",
  analysis: "Sammanfattande analys",
  disclosure: "Röjandekontroll",
  definitions: "Bilaga: Definitioner",
} as const;

export type SectionKey = keyof typeof SECTION_TITLES;

/** The office's text when it has written one, otherwise the generated sentences. */
export function editableParagraphs(text: EditableText): string[] {
  if (text.edited !== null && text.edited.trim() !== "")
    return text.edited
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
  return text.generated;
}

/** Whether the office has replaced the generated text. */
export const isEdited = (text: EditableText) => text.edited !== null && text.edited.trim() !== "";

export const EDITED_NOTE = "Texten är skriven av förbundets kansli.";
export const GENERATED_NOTE = "Texten är skapad av Samspår ur siffrorna i rapporten.";

/** A participant count as every output writes it: "12", "< 5" or "..". */
export const countText = (cell: PersonCount) => formatStatistic(cell);

/** A participant share: "93 %", or ".." when it is not shown. */
export const shareText = (share: PersonShare) => formatStatistic(share);

export const isShown = (cell: PersonCount): cell is { value: number } => "value" in cell;
export const isShareShown = (share: PersonShare): share is { ratio: number } => "ratio" in share;

/** Why a participant figure is not shown, in words (for a cell's note). */
export function hiddenReason(item: PersonCount | PersonShare, threshold: number): string | null {
  if ("value" in item || "ratio" in item) return null;
  switch (item.suppressed) {
    case "primary":
      return `Färre än ${threshold} personer (eller 0): visas inte.`;
    case "secondary":
      return "Döljs så att en annan dold uppgift inte kan räknas fram ur summorna.";
    case "left_out":
      return "Visas inte: med den skulle en dold uppgift kunna räknas fram ur andra uppgifter.";
    case "denominator":
      return `Andelen visas inte: färre än ${threshold} personer i underlaget.`;
    case "numerator":
    case "complement":
      return "Andelen visas inte: den skulle avslöja ett litet antal personer.";
  }
}

export const YES_NO_TEXT = (answer: YesNo): string =>
  answer === "ja" ? "Ja" : answer === "nej" ? "Nej" : "Ej besvarad";

export const IN_PHASE_TEXT: Record<"ja" | "ja_kommentar" | "nej" | "for_tidigt", string> = {
  ja: "Ja",
  ja_kommentar: "Ja*",
  nej: "Nej",
  for_tidigt: "För tidigt att utläsa",
};

export const PROGNOSIS_TEXT: Record<"ja" | "nej" | "ingen", string> = {
  ja: "Ja",
  nej: "Nej",
  ingen: "–",
};

export const COLOUR_TEXT: Record<Colour, string> = {
  green: "Grön",
  yellow: "Gul",
  red: "Röd",
  none: "Ingen färg",
};

export const ORIENTATION_TEXT = {
  individual: "Individinriktad",
  structural: "Strukturinriktad",
  total: "Totalt",
} as const;

export const INDIVIDUAL_KIND_TEXT = {
  forrehabiliterande: "Förrehabiliterande",
  mot_arbete_studier: "Mot arbete/studier",
} as const;

/** "210", "15 personer löpande", or null when the application gave none. */
export function expectedText(expected: { count: number; ongoing: boolean } | null): string | null {
  if (!expected) return null;
  return expected.ongoing
    ? `${formatNumber(expected.count)} personer löpande`
    : formatNumber(expected.count);
}

/** A change since the previous locked follow-up: "+49", "−3", "< 5", or null for none. */
export function changeText(change: PersonCount | null, negative: boolean): string | null {
  if (change === null) return null;
  if (!("value" in change)) return countText(change);
  if (change.value === 0) return "0";
  return `${negative ? "\u2212" : "+"}${formatNumber(change.value)}`;
}

/** A mean change: "+1,42", "−1", "0"; ".." when its n is not shown; "–" when nobody to count. */
export function meanText(mean: ProgressionMean): string {
  if (!("value" in mean)) return mean.suppressed === "n_hidden" ? ".." : "–";
  if (mean.value === 0) return "0";
  const text = formatNumber(Math.abs(mean.value));
  return `${mean.value < 0 ? "\u2212" : "+"}${text}`;
}

/** What a version locked before the progression section existed shows in its place. */
export const NOT_IN_VERSION_TEXT =
  "Avsnittet Progression finns inte i den här versionen av rapporten: versionen låstes innan rapporten fick avsnittet. En ny version av uppföljningen får det.";

/** What a version locked before the portal section existed shows in its place. */
export const PORTAL_NOT_IN_VERSION_TEXT =
  "Avsnittet Deltagarportalen finns inte i den här versionen av rapporten: versionen låstes innan rapporten fick avsnittet. En ny version av uppföljningen får det.";

export const COURSES_NOT_IN_VERSION_TEXT =
  "Avsnittet Kurser och Tyck till finns inte i den här versionen av rapporten: versionen låstes innan rapporten fick avsnittet. En ny version av uppföljningen får det.";

/** How many figures were not shown and why: the report's disclosure note. */
export function disclosureSentences(report: Pick<FollowUpReport, "disclosure">): string[] {
  const d = report.disclosure;
  if (d.threshold === 0)
    return [
      "Röjandekontrollen är avstängd för förbundet (tröskel 0): alla antal visas som de är.",
      ...d.reasons,
    ];
  const zero = d.allowTrueZero ? "" : " Även 0 visas så, för att inte skilja 0 från små antal.";
  const count =
    d.suppressedCells === 0
      ? "I den här rapporten är ingen uppgift om deltagare dold."
      : `I den här rapporten visas ${formatNumber(d.suppressedCells)} ${d.suppressedCells === 1 ? "uppgift" : "uppgifter"} om deltagare inte.`;
  return [
    `Uppgifter om deltagare är statistik om personer och passerar röjandekontroll med tröskeln ${d.threshold}. Ett antal under ${d.threshold} visas som ”< ${d.threshold}”.${zero} ”..” betyder att uppgiften döljs för att en annan dold uppgift inte ska kunna räknas fram ur summor. En andel visas inte när underlaget är färre än ${d.threshold} personer eller när den skulle avslöja ett litet antal.`,
    count,
    ...d.reasons,
  ];
}

/** The short legend under a table of participant figures. */
export const hiddenLegend = (threshold: number) =>
  threshold === 0
    ? "Röjandekontrollen är avstängd: alla antal visas."
    : `”< ${threshold}”: färre än ${threshold} personer. ”..”: dold så att en annan dold uppgift inte kan räknas fram.`;

/** ASCII file name without extension: "uppfoljning-demo-2026-01-01-2026-06-30-v2". */
export function followUpFileBaseName(report: FollowUpReport): string {
  const slug = report.association.slug.replace(/[^A-Za-z0-9-]+/g, "-") || "forbund";
  const version = report.version ? `-v${report.version.number}` : "";
  return `uppfoljning-${slug}-${report.period.from}-${report.period.to}${version}`;
}
