// Section 1 (Sammanfattning) and section 2 (Bakgrund): sentences generated from the report's
// own figures, in Swedish, with numbers formatted the Swedish way (platform/i18n/format.ts). A
// participant figure that is not shown is never written as a number: one below the threshold
// reads "färre än 5", one hidden otherwise is not given at all.
import { formatNumber, formatPercent } from "../platform/i18n/format.ts";
import type { InitiativeFacts } from "./initiatives.ts";
import type { FollowUpPeriod, IndividualRow, PersonCount, PersonShare } from "./model.ts";
import { endedIn, quarterOf, startedIn } from "./period.ts";

const n = (x: number) => formatNumber(x);

const initiativesWord = (count: number) => (count === 1 ? "insats" : "insatser");

/** "1, 2 och 3" */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

/** How many per calendar quarter: "1 under kvartal 1 2026 och 2 under kvartal 2 2026". */
function byQuarter(dates: readonly string[]): string {
  const counts = new Map<string, { label: string; count: number }>();
  for (const d of [...dates].sort()) {
    const q = quarterOf(d);
    const entry = counts.get(q.key) ?? { label: q.label, count: 0 };
    entry.count++;
    counts.set(q.key, entry);
  }
  return listWords([...counts.values()].map((c) => `${n(c.count)} under ${c.label}`));
}

/** A participant count in a sentence, or null when it may not be written as a number. */
function countWords(c: PersonCount): { words: string; exact: boolean } | null {
  if ("value" in c) return { words: n(c.value), exact: true };
  if (c.suppressed === "primary") return { words: `färre än ${n(c.threshold)}`, exact: false };
  return null;
}

function shareWords(s: PersonShare): string | null {
  return "ratio" in s ? formatPercent(s.ratio) : null;
}

export interface SummaryInput {
  period: FollowUpPeriod;
  active: readonly InitiativeFacts[];
  total: IndividualRow;
  /** Whether there are individual initiatives in the period at all. */
  hasIndividual: boolean;
}

/** Section 1: the generated sentences, in order. */
export function summarySentences(input: SummaryInput): string[] {
  const { period, active, total } = input;
  const sentences: string[] = [];
  const individual = active.filter((i) => i.orientation === "individual").length;
  const structural = active.length - individual;
  sentences.push(
    active.length === 0
      ? `Under perioden ${period.label} var ingen insats aktiv.`
      : `Under perioden ${period.label} var ${n(active.length)} ${active.length === 1 ? "insats aktiv" : "insatser aktiva"}: ${n(individual)} ${individual === 1 ? "individinriktad" : "individinriktade"} och ${n(structural)} ${structural === 1 ? "strukturinriktad" : "strukturinriktade"}.`,
  );
  const ended = active.filter((i) => endedIn(i, period)).map((i) => i.endDate as string);
  const started = active.filter((i) => startedIn(i, period)).map((i) => i.startDate as string);
  const endedText =
    ended.length === 0
      ? "Ingen insats avslutades under perioden"
      : `${n(ended.length)} ${initiativesWord(ended.length)} avslutades under perioden (${byQuarter(ended)})`;
  const startedText =
    started.length === 0
      ? "ingen insats startade"
      : `${n(started.length)} ${initiativesWord(started.length)} startade (${byQuarter(started)})`;
  sentences.push(`${endedText}, och ${startedText}.`);

  if (!input.hasIndividual) {
    sentences.push(
      "Inga individinriktade insatser var aktiva, så det finns inga deltagare att redovisa.",
    );
    return sentences;
  }
  const exited = countWords(total.exitedInPeriod);
  const share = shareWords(total.shareToWorkOrStudies);
  const exitedPart = exited
    ? `Under perioden avslutades ${exited.words} deltagare i de individinriktade insatserna`
    : "Antalet deltagare som avslutades under perioden redovisas inte, eftersom det skulle göra dolda uppgifter möjliga att räkna fram";
  if ("value" in total.exitedInPeriod && total.exitedInPeriod.value === 0) {
    sentences.push("Ingen deltagare i de individinriktade insatserna avslutades under perioden.");
    return sentences;
  }
  sentences.push(
    share
      ? `${exitedPart}, och ${share} av dem gick till arbete och/eller studier.`
      : `${exitedPart}. Andelen som gick till arbete och/eller studier redovisas inte, eftersom underlaget är för litet för att visa den utan att röja enskilda.`,
  );
  const women = countWords(total.womenToWorkOrStudies);
  const men = countWords(total.menToWorkOrStudies);
  if (women && men)
    sentences.push(
      `Av dem som gick till arbete och/eller studier var ${women.words} kvinnor och ${men.words} män.`,
    );
  else if (women || men) {
    const shown = women ? `${women.words} kvinnor` : `${men?.words} män`;
    sentences.push(
      `Av dem som gick till arbete och/eller studier var ${shown}; antalet ${women ? "män" : "kvinnor"} redovisas inte, eftersom det skulle göra dolda uppgifter möjliga att räkna fram.`,
    );
  } else
    sentences.push(
      "Hur de som gick till arbete och/eller studier fördelar sig på kvinnor och män redovisas inte, eftersom det skulle röja enskilda.",
    );
  return sentences;
}

export interface BackgroundInput {
  threshold: number;
  activeCount: number;
  reportsInPeriod: number;
  initiativesWithReport: number;
  deviationReports: number;
  requisitions: number;
  finalReports: number;
  hasIndividual: boolean;
}

/** Section 2: where the figures come from. */
export function backgroundSentences(b: BackgroundInput): string[] {
  const sentences = [
    `Rapporten bygger på uppgifterna i Samspår om förbundets ${n(b.activeCount)} aktiva ${initiativesWord(b.activeCount)} under perioden: insatsregistret, lägesrapporterna, avvikelserapporterna, budgetarna och rekvisitionerna, slutrapporterna och deltagarregistret.`,
    `Insatsernas läge (tabell 2, 3 och 5) kommer från den senaste inskickade eller låsta lägesrapporten vars period slutar inom uppföljningsperioden: ${n(b.initiativesWithReport)} av ${n(b.activeCount)} ${initiativesWord(b.activeCount)} har lämnat en sådan (${n(b.reportsInPeriod)} ${b.reportsInPeriod === 1 ? "rapport" : "rapporter"} under perioden). ${b.deviationReports === 0 ? "Ingen avvikelserapport kom in eller beslutades under perioden." : `${n(b.deviationReports)} ${b.deviationReports === 1 ? "avvikelserapport" : "avvikelserapporter"} kom in eller beslutades under perioden.`}`,
    `Budget och utfall (tabell 4) är förbundsmedel enligt insatsernas gällande budget och de ${n(b.requisitions)} godkända rekvisitionerna för rapportperioder som slutar inom uppföljningsperioden.`,
  ];
  if (b.hasIndividual)
    sentences.push(
      b.threshold === 0
        ? "Deltagaruppgifterna (tabell 6–8 och deltagarnas bakgrund) kommer från deltagarregistret. Förbundet har stängt av röjandekontrollen (tröskel 0), så alla antal visas som de är."
        : `Deltagaruppgifterna (tabell 6–8 och deltagarnas bakgrund) kommer från deltagarregistret och har gått igenom röjandekontroll: antal under ${n(b.threshold)} visas som ”< ${n(b.threshold)}”, och så många andra uppgifter döljs (”..”) att ingen dold uppgift kan räknas fram. Förväntat antal deltagare kommer från ansökan.`,
    );
  sentences.push(
    b.finalReports === 0
      ? "Ingen slutrapport hör till de insatser som avslutades under perioden."
      : `Avsnittet om avslutade insatser bygger på ${n(b.finalReports)} ${b.finalReports === 1 ? "slutrapport" : "slutrapporter"}.`,
  );
  return sentences;
}
