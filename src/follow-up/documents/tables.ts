// The follow-up report's tables as typed cells, built once from the FollowUpReport: the DOCX and
// PDF write each cell as text, the XLSX as a number with a number format (a participant figure
// that is not shown as the text "< 5" or ".." with a note saying why). Both read the same
// cells, so a figure cannot differ between them.
import type { CellTone } from "../../documents/layout.ts";
import {
  formatDate,
  formatMoney,
  formatNumber,
  roundToThousands,
} from "../../platform/i18n/format.ts";
import type {
  Colour,
  FollowUpReport,
  IndividualRow,
  InitiativeRow,
  PersonCount,
  PersonShare,
  ProgressionMean,
  YesNo,
} from "../model.ts";
import {
  COURSES_NOT_IN_VERSION_TEXT,
  changeText,
  countText,
  expectedText,
  hiddenLegend,
  hiddenReason,
  IN_PHASE_TEXT,
  INDIVIDUAL_KIND_TEXT,
  meanText,
  NOT_IN_VERSION_TEXT,
  ORIENTATION_TEXT,
  PORTAL_NOT_IN_VERSION_TEXT,
  PROGNOSIS_TEXT,
  SECTION_TITLES,
  type SectionKey,
  shareText,
  YES_NO_TEXT,
} from "./text.ts";

/** A cell: what it holds decides how each format writes it. */
export type CellValue =
  | { kind: "text"; text: string }
  /** A participant count after disclosure control. */
  | { kind: "count"; cell: PersonCount }
  /** A participant share after disclosure control. */
  | { kind: "share"; share: PersonShare }
  /** A count of initiatives or reports: not about people. */
  | { kind: "number"; value: number }
  /** Whole kronor. */
  | { kind: "money"; value: number }
  /** Whole kronor, written in thousands (tkr). */
  | { kind: "tkr"; value: number }
  /** Whole per cent; null when there is none (a budget of 0). */
  | { kind: "percent"; value: number | null }
  /** ÅÅÅÅ-MM-DD or none. */
  | { kind: "date"; value: string | null }
  /** An expected number of participants: "210" or "15 personer löpande"; none. */
  | { kind: "expected"; value: { count: number; ongoing: boolean } | null }
  /** A change in participants since the previous locked follow-up; none when there is none. */
  | { kind: "change"; cell: PersonCount | null; negative: boolean }
  /** A mean change of a score (two decimals, with its sign), after disclosure control. */
  | { kind: "mean"; mean: ProgressionMean };

export type Cell = CellValue & {
  /** A colour beside the text (never instead of it). */
  tone?: CellTone | null;
  /** Small print: a footnote to the cell, in every format. */
  note?: string;
  /**
   * Why a participant figure is not shown: the workbook's cell note. The documents say it once,
   * under the table, rather than at every "< 5".
   */
  why?: string;
};

export interface ReportColumn {
  title: string;
  align: "left" | "right";
  /** Relative width in the documents. */
  weight: number;
  /** Width in the workbook, in characters. */
  width: number;
}

export interface ReportRow {
  cells: Cell[];
  total?: boolean;
}

export interface ReportPart {
  /** A heading over the part ("Avslutade under perioden"); null for none. */
  heading: string | null;
  rows: ReportRow[];
}

export interface ReportTable {
  section: SectionKey;
  /** The workbook's sheet: "Tabell 1", "Struktur och individ". */
  sheet: string;
  title: string;
  columns: ReportColumn[];
  parts: ReportPart[];
  /** Sentences under the table. */
  notes: string[];
  /** Holds participant figures (and so the legend of "< 5" and ".."). */
  persons: boolean;
}

/** The text a document writes in a cell (EMPTY-like dashes for nothing). */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case "text":
      return cell.text;
    case "count":
      return countText(cell.cell);
    case "share":
      return shareText(cell.share);
    case "number":
      return formatNumber(cell.value);
    case "money":
      return formatMoney(cell.value);
    case "tkr":
      return formatNumber(roundToThousands(cell.value));
    case "percent":
      return cell.value === null ? "–" : `${formatNumber(cell.value)}\u00a0%`;
    case "date":
      return cell.value ? formatDate(cell.value) : "–";
    case "expected":
      return expectedText(cell.value) ?? "–";
    case "change":
      return changeText(cell.cell, cell.negative) ?? "–";
    case "mean":
      return meanText(cell.mean);
  }
}

const TONES: Record<Colour, CellTone | null> = {
  green: "green",
  yellow: "yellow",
  red: "red",
  none: null,
};

const text = (t: string, extra: { tone?: CellTone | null; note?: string } = {}): Cell => ({
  kind: "text",
  text: t,
  ...extra,
});
const yesNo = (a: YesNo): Cell => text(YES_NO_TEXT(a));
const left = (title: string, weight: number, width: number): ReportColumn => ({
  title,
  align: "left",
  weight,
  width,
});
const right = (title: string, weight: number, width: number): ReportColumn => ({
  title,
  align: "right",
  weight,
  width,
});

/** A participant figure's cell, with the reason it is hidden as its note. */
function person(item: PersonCount, threshold: number): Cell {
  const why = hiddenReason(item, threshold);
  return { kind: "count", cell: item, ...(why ? { why } : {}) };
}
function share(item: PersonShare, threshold: number): Cell {
  const why = hiddenReason(item, threshold);
  return { kind: "share", share: item, ...(why ? { why } : {}) };
}

const NO_REPORT = "Ingen lägesrapport under perioden.";

/** What a "varav" row of table 7 is a part of, in words (the model carries the key). */
const partOfLabel = (key: string): string =>
  key === "arbete" ? "arbete ej subventionerat, subventionerat arbete, eget företag" : key;

function orientationText(row: InitiativeRow): string {
  if (row.orientation === "structural") return ORIENTATION_TEXT.structural;
  return row.individualKind
    ? `${ORIENTATION_TEXT.individual}, ${INDIVIDUAL_KIND_TEXT[row.individualKind].toLowerCase()}`
    : ORIENTATION_TEXT.individual;
}

function initiativesTable(r: FollowUpReport): ReportTable {
  const row = (i: InitiativeRow): ReportRow => ({
    cells: [
      text(i.name),
      text(i.owner),
      text(orientationText(i)),
      { kind: "date", value: i.startDate },
      {
        kind: "date",
        value: i.endDate,
        ...(i.plannedEndDate
          ? { note: `Avslutad i förtid; planerat slut ${formatDate(i.plannedEndDate)}.` }
          : {}),
      },
    ],
  });
  const active = r.initiatives.filter((i) => i.group === "active");
  const ended = r.initiatives.filter((i) => i.group === "ended_in_period");
  return {
    section: "initiatives",
    sheet: "Tabell 1",
    title: SECTION_TITLES.initiatives,
    columns: [
      left("Insats", 3, 34),
      left("Ägare", 2, 24),
      left("Inriktning", 2.2, 34),
      right("Start", 1.1, 12),
      right("Slut", 1.1, 12),
    ],
    parts: [
      { heading: "Aktiva under perioden", rows: active.map(row) },
      { heading: "Avslutade under perioden", rows: ended.map(row) },
    ],
    notes: [],
    persons: false,
  };
}

function goalStatusTable(r: FollowUpReport): ReportTable {
  return {
    section: "goalStatus",
    sheet: "Tabell 2",
    title: SECTION_TITLES.goalStatus,
    columns: [
      left("Insats", 3, 34),
      left("I fas gällande uppsatta mål", 1.6, 22),
      left("Styrgruppens prognos", 1.3, 18),
      left("Färg", 2.4, 40),
      left("Avvikelserapport", 1.2, 16),
    ],
    parts: [
      {
        heading: null,
        rows: r.goalStatus.map((g) => ({
          cells: [
            text(g.name, g.report ? {} : { note: NO_REPORT }),
            text(g.inPhase ? IN_PHASE_TEXT[g.inPhase] : "–"),
            text(g.prognosis ? PROGNOSIS_TEXT[g.prognosis] : "–"),
            // colourText names the colour itself ("Grön: i fas …")
            text(g.colourText, { tone: TONES[g.colour] }),
            text(g.deviationReport ? "Ja" : "Nej"),
          ],
        })),
      },
    ],
    notes: [
      "Grön: i fas. Gul: bevaka (Ja* eller styrgruppens prognos Nej). Röd: inte i fas eller avvikelserapport. Ur den senaste lägesrapporten under perioden.",
    ],
    persons: false,
  };
}

function preconditionsTable(r: FollowUpReport): ReportTable {
  return {
    section: "preconditions",
    sheet: "Tabell 3",
    title: SECTION_TITLES.preconditions,
    columns: [
      left("Insats", 3, 34),
      left("Startade i tid", 1.2, 14),
      left("Vakanser i tjänster finansierade av förbundet", 1.6, 22),
      left("Vakanser i egenfinansierade resurser", 1.6, 22),
      left("Avvikelse gällande budget inlämnad", 1.6, 22),
    ],
    parts: [
      {
        heading: null,
        rows: r.preconditions.map((p) => ({
          cells: [
            text(p.name, p.report ? {} : { note: NO_REPORT }),
            yesNo(p.startedOnTime),
            yesNo(p.vacanciesFunded),
            yesNo(p.vacanciesOwn),
            yesNo(p.budgetDeviationSubmitted),
          ],
        })),
      },
    ],
    notes: [],
    persons: false,
  };
}

function budgetTable(r: FollowUpReport, band: FinanceBandPercent): ReportTable {
  const b = r.budget;
  return {
    section: "budget",
    sheet: "Tabell 4",
    title: SECTION_TITLES.budget,
    columns: [
      left("Insats", 3, 34),
      right("Budget\nför perioden", 1.5, 18),
      right("Utfall\nför perioden", 1.5, 18),
      right("Förbruknings-\nkvot", 1.2, 16),
      left("Prognos", 1.1, 12),
    ],
    parts: [
      {
        heading: null,
        rows: [
          ...b.rows.map((row) => ({
            cells: [
              text(row.name),
              { kind: "money", value: row.budget } as Cell,
              { kind: "money", value: row.outcome } as Cell,
              { kind: "percent", value: row.ratioPercent } as Cell,
              text(row.prognosis, { tone: TONES[row.colour] }),
            ],
          })),
          {
            total: true,
            cells: [
              text("Totalt"),
              { kind: "money", value: b.total.budget },
              { kind: "money", value: b.total.outcome },
              { kind: "percent", value: b.total.ratioPercent },
              text(""),
            ],
          },
        ],
      },
    ],
    notes: [
      `Förbrukningskvot: utfall delat med budget, i hela procent. Normalintervall ${band.low}–${band.high} %. Prognos: OK inom intervallet, Bevaka utanför, Åtgärd långt utanför; Avslutad för en avslutad insats.`,
    ],
    persons: false,
  };
}

function qualityTable(r: FollowUpReport): ReportTable {
  return {
    section: "quality",
    sheet: "Tabell 5",
    title: SECTION_TITLES.quality,
    columns: [
      left("Insats", 2.6, 34),
      left("Styrgruppsmöten enligt avtal", 1, 16),
      left("Alla ordinarie deltagit", 1, 16),
      left("Uppföljning enligt avtal", 1, 16),
      left("Kontroll av metod", 1, 14),
      left("Kontroll av målgrupp", 1, 14),
      left("Jämlikhet diskuterad", 1, 14),
      left("Jämställdhet diskuterad", 1, 14),
      left("Avvikelse mål/målgrupp", 1, 14),
    ],
    parts: [
      {
        heading: null,
        rows: r.quality.map((q) => ({
          cells: [
            text(q.name, q.report ? {} : { note: NO_REPORT }),
            yesNo(q.steeringMeetingsAsAgreed),
            yesNo(q.allOrdinaryAttended),
            yesNo(q.followUpAsAgreed),
            yesNo(q.methodChecked),
            yesNo(q.targetGroupChecked),
            yesNo(q.equityDiscussed),
            yesNo(q.genderEqualityDiscussed),
            yesNo(q.deviationGoalsOrTargetGroup),
          ],
        })),
      },
    ],
    notes: [],
    persons: false,
  };
}

function structureTable(r: FollowUpReport): ReportTable {
  return {
    section: "structure",
    sheet: "Struktur och individ",
    title: SECTION_TITLES.structure,
    columns: [
      left("Inriktning", 3, 24),
      right("Aktiva\ninsatser", 1.4, 16),
      right("Utfall under\nperioden (tkr)", 1.8, 26),
    ],
    parts: [
      {
        heading: null,
        rows: r.structure.map((s) => ({
          total: s.orientation === "total",
          cells: [
            text(ORIENTATION_TEXT[s.orientation]),
            { kind: "number", value: s.initiatives },
            { kind: "tkr", value: s.outcome },
          ],
        })),
      },
    ],
    notes: ["Utfallet i tusental kronor, avrundat; i arbetsboken i hela kronor."],
    persons: false,
  };
}

function individualRow(row: IndividualRow, t: number, total: boolean): ReportRow {
  return {
    total,
    cells: [
      text(row.label),
      person(row.wholeTime, t),
      person(row.exitedWholeTime, t),
      person(row.exitedInPeriod, t),
      person(row.womenToWorkOrStudies, t),
      person(row.menToWorkOrStudies, t),
      share(row.shareToWorkOrStudies, t),
      share(row.shareWithActionPlan, t),
      person(row.ongoing, t),
    ],
  };
}

function individualTable(r: FollowUpReport): ReportTable {
  const t = r.disclosure.threshold;
  return {
    section: "individual",
    sheet: "Tabell 6",
    title: SECTION_TITLES.individual,
    columns: [
      left("Insats", 2.6, 34),
      right("Deltagare\nhela\ninsatstiden", 1, 14),
      right("Avslutade\nhela\ninsatstiden", 1, 14),
      right("Avslutade\nunder\nperioden", 1, 14),
      right("Kvinnor\ntill arbete/\nstudier", 1, 14),
      right("Män\ntill arbete/\nstudier", 1, 14),
      right("Andel till\narbete och/\neller studier", 1.1, 16),
      right("Andel med\nhandlingsplan", 1, 14),
      right("Pågående", 1, 12),
    ],
    parts: [
      ...r.individual.groups.map((g) => ({
        heading: g.label,
        rows: [
          ...g.rows.map((row) => individualRow(row, t, false)),
          individualRow(g.total, t, true),
        ],
      })),
      {
        heading: "Samtliga individinriktade insatser",
        rows: [individualRow(r.individual.total, t, true)],
      },
    ],
    notes: [
      "Hela insatstiden: från insatsens start till periodens slut. Andel till arbete och/eller studier och andel med handlingsplan räknas bland dem som avslutades under perioden. Pågående: deltagare hela insatstiden minus avslutade hela insatstiden. Felregistreringar räknas aldrig; anonyma deltagare räknas i summor och könskolumner.",
    ],
    persons: true,
  };
}

function exitReasonsTable(r: FollowUpReport): ReportTable {
  const t = r.disclosure.threshold;
  return {
    section: "exitReasons",
    sheet: "Tabell 7",
    title: SECTION_TITLES.exitReasons,
    columns: [
      left("Avslutningsanledning", 3, 40),
      right("Kvinnor", 1, 12),
      right("Män", 1, 12),
      right("Totalt", 1, 12),
    ],
    parts: [
      {
        heading: null,
        rows: r.exitReasons.map((row) => ({
          cells: [
            text(
              row.label,
              row.partOf
                ? {
                    note: `Ingår i raderna ovan (${partOfLabel(row.partOf)}); räknas inte med i summan.`,
                  }
                : {},
            ),
            person(row.women, t),
            person(row.men, t),
            person(row.total, t),
          ],
        })),
      },
    ],
    notes: [
      "Av dem som avslutades under perioden. De fyra första raderna är tillsammans de som gick till arbete och/eller studier i tabell 6. Totalt räknar alla kön, även annat och uppgift saknas.",
    ],
    persons: true,
  };
}

function participantBackgroundTable(r: FollowUpReport): ReportTable {
  const t = r.disclosure.threshold;
  const b = r.participantBackground;
  return {
    section: "participantBackground",
    sheet: "Deltagarnas bakgrund",
    title: SECTION_TITLES.participantBackground,
    columns: [left("Uppgift", 4, 56), right("Värde", 1, 14)],
    parts: [
      {
        heading: null,
        rows: [
          { cells: [text("Inskrivna under perioden (antal)"), person(b.enrolledInPeriod, t)] },
          ...b.shares.map((s) => ({ cells: [text(s.label), share(s.share, t)] })),
        ],
      },
    ],
    notes: ["Andelar bland deltagarna som skrevs in under perioden."],
    persons: true,
  };
}

function participantsTable(r: FollowUpReport): ReportTable {
  const t = r.disclosure.threshold;
  const p = r.participants;
  const since = r.previous
    ? `Förändring sedan ${r.previous.period.label}`
    : "Förändring sedan förra låsta uppföljningen";
  const change = (cell: PersonCount | null, negative: boolean): Cell => {
    const why = cell ? hiddenReason(cell, t) : null;
    return {
      kind: "change",
      cell,
      negative,
      ...(why ? { why } : {}),
      ...(cell === null ? { why: "Ingen tidigare låst uppföljning att jämföra med." } : {}),
    };
  };
  return {
    section: "participants",
    sheet: "Tabell 8",
    title: SECTION_TITLES.participants,
    columns: [
      left("Insats", 3, 34),
      right("Deltagare\nhela insatstiden", 1.3, 16),
      right(since.replace(" sedan ", "\nsedan "), 1.4, 22),
      right("Förväntat antal\nenligt ansökan", 1.6, 22),
      left("Efter målet", 1, 12),
    ],
    parts: [
      {
        heading: null,
        rows: [
          ...p.rows.map((row) => ({
            cells: [
              text(row.name),
              person(row.wholeTime, t),
              change(row.change, row.changeNegative),
              { kind: "expected", value: row.expected } as Cell,
              text(row.behindTarget ? "Ja" : "Nej", row.behindTarget ? { tone: "yellow" } : {}),
            ],
          })),
          {
            total: true,
            cells: [
              text("Totalt"),
              person(p.total.wholeTime, t),
              change(p.total.change, p.total.changeNegative),
              text(""),
              text(""),
            ],
          },
        ],
      },
    ],
    notes: [
      ...(p.behindTargetText ? [p.behindTargetText] : []),
      "Efter målet: färre deltagare än det förväntade antalet räknat i proportion till hur stor del av insatstiden som gått. Ett löpande antal är hur många som deltar samtidigt.",
    ],
    persons: true,
  };
}

/** Why a mean is not shown, in words (for a cell's note); null when it is shown. */
function meanWhy(mean: ProgressionMean): string | null {
  if ("value" in mean) return null;
  return mean.suppressed === "n_hidden"
    ? "Medelvärdet visas inte: antalet personer bakom det visas inte (röjandekontroll)."
    : "Inget medelvärde: ingen har både nollpunkt och en senare mätning under perioden.";
}
function mean(item: ProgressionMean): Cell {
  const why = meanWhy(item);
  return { kind: "mean", mean: item, ...(why ? { why } : {}) };
}

/**
 * Progression: one row per initiative and instrument version of its plan. In a version locked
 * before the section existed, the table has no rows and says so in its empty text.
 */
function progressionTable(r: FollowUpReport): ReportTable & { empty: string } {
  const t = r.disclosure.threshold;
  const section = r.progression;
  return {
    section: "progression",
    sheet: "Progression",
    title: SECTION_TITLES.progression,
    columns: [
      left("Insats", 2.4, 34),
      left("Instrument", 1.6, 24),
      right("Andel\nmätta", 1, 12),
      left("Mål för\nandel mätta", 1.8, 30),
      right("Förändring\nkvinnor", 1, 14),
      right("Förändring\nmän", 1, 14),
      right("Förändring\ntotalt", 1, 14),
      right("Andel\nförbättrade", 1, 14),
      right("Par", 0.8, 10),
    ],
    parts: [
      {
        heading: null,
        rows: (section?.rows ?? []).map((row) => ({
          cells: [
            text(row.name),
            text(`${row.instrument.name}, version ${row.instrument.version}`),
            share(row.measuredShare, t),
            text(row.targetText, {
              tone:
                row.target === "uppnatt"
                  ? "green"
                  : row.target === "inte_uppnatt"
                    ? "yellow"
                    : null,
            }),
            mean(row.change.women),
            mean(row.change.men),
            mean(row.change.total),
            share(row.improvedShare, t),
            person(row.pairs, t),
          ],
        })),
      },
    ],
    notes: [
      "Andel mätta: av de inskrivna under perioden, de som har en nollpunktsmätning. Förändring: medelvärdet av varje persons förändring i instrumentets totalpoäng från nollpunkten till den senaste mätningen under perioden; ett plustecken är en ökning. Andel förbättrade och par räknas bland dem som har både nollpunkt och en senare mätning under perioden. Annan, vill ej ange och uppgift saknas räknas bara i totalt. Ett medelvärde visas bara när antalet personer bakom det visas.",
    ],
    persons: true,
    empty: section ? (section.noPlanText ?? "") : NOT_IN_VERSION_TEXT,
  };
}

/**
 * Deltagarportalen: one row per month of the period, all individual initiatives together, and
 * the period's bookings. In a version locked before the section existed, the table has no rows
 * and says so in its empty text.
 */
function portalUsageTable(r: FollowUpReport): ReportTable & { empty: string } {
  const t = r.disclosure.threshold;
  const section = r.portalUsage;
  const rows: ReportRow[] = (section?.rows ?? []).map((row) => ({
    cells: [
      text(row.label),
      person(row.women, t),
      person(row.men, t),
      person(row.total, t),
      person(row.new, t),
      person(row.returning, t),
      person(row.bookingsMade, t),
      person(row.bookingsKept, t),
      person(row.bookingsMissed, t),
      person(row.bookingsCancelled, t),
    ],
  }));
  if (section && section.rows.length > 0)
    rows.push({
      total: true,
      cells: [
        text("Hela perioden, bokningar"),
        text(""),
        text(""),
        text(""),
        text(""),
        text(""),
        person(section.bookingsTotal.made, t),
        person(section.bookingsTotal.kept, t),
        person(section.bookingsTotal.missed, t),
        person(section.bookingsTotal.cancelled, t),
      ],
    });
  return {
    section: "portalUsage",
    sheet: "Deltagarportalen",
    title: SECTION_TITLES.portalUsage,
    columns: [
      left("Månad", 1.6, 18),
      right("Inloggade\nkvinnor", 1, 12),
      right("Inloggade\nmän", 1, 12),
      right("Inloggade\ntotalt", 1, 12),
      right("Varav\nnya", 1, 10),
      right("Varav åter-\nkommande", 1.1, 12),
      right("Bokningar\ngjorda", 1, 12),
      right("Genom-\nförda", 1, 10),
      right("Ute-\nblivna", 1, 10),
      right("Av-\nbokade", 1, 10),
    ],
    parts: [{ heading: null, rows }],
    notes: [
      "Alla individinriktade insatser under perioden tillsammans. Inloggade: deltagare som loggat in i deltagarportalen minst en gång under månaden; månaderna läggs inte ihop, eftersom samma person kan logga in flera månader. Nya loggade in för första gången den månaden, återkommande hade loggat in en tidigare månad. Bokningar räknas som bokningar, inte personer: gjorda under månaden, genomförda och uteblivna efter den bokade tiden, avbokade när de avbokades. Annan, vill ej ange och uppgift saknas räknas bara i totalt.",
      ...(section?.disclosureReasons ?? []).map((reason) => `Deltagarportalen: ${reason}`),
    ],
    persons: true,
    empty: section ? (section.noneText ?? "") : PORTAL_NOT_IN_VERSION_TEXT,
  };
}

/**
 * Kurser och Tyck till, the courses: one row per published course, all individual initiatives
 * together, the whole period. In a version locked before the section existed, the table has no
 * rows and says so in its empty text.
 */
function coursesTable(r: FollowUpReport): ReportTable & { empty: string } {
  const t = r.disclosure.threshold;
  const section = r.coursesFeedback;
  const rows: ReportRow[] = (section?.courses ?? []).map((c) => ({
    cells: [
      text(c.title),
      person(c.startedWomen, t),
      person(c.startedMen, t),
      person(c.startedTotal, t),
      person(c.finishedWomen, t),
      person(c.finishedMen, t),
      person(c.finishedTotal, t),
      person(c.chaptersCompleted, t),
      c.quizFirstTry ? share(c.quizFirstTry, t) : text("–"),
    ],
  }));
  return {
    section: "coursesFeedback",
    sheet: "Kurser",
    title: "Kurser i deltagarportalen",
    columns: [
      left("Kurs", 2, 30),
      right("Påbörjade\nkvinnor", 1, 12),
      right("Påbörjade\nmän", 1, 12),
      right("Påbörjade\ntotalt", 1, 12),
      right("Avslutade\nkvinnor", 1, 12),
      right("Avslutade\nmän", 1, 12),
      right("Avslutade\ntotalt", 1, 12),
      right("Klara\nkapitel", 1, 10),
      right("Rätt första\nförsöket", 1.1, 12),
    ],
    parts: [{ heading: null, rows }],
    notes: [
      "Alla individinriktade insatser under perioden tillsammans, hela perioden. Påbörjade: deltagare som öppnat minst ett kapitel av kursen under perioden. Avslutade: deltagare som gjort klart alla kapitel i kursens senaste version, det sista under perioden. Klara kapitel räknas som kapitel, inte personer. Rätt första försöket: andelen svar på kursens kunskapsfrågor som var rätt första gången (– när kursen saknar frågor). Annan, vill ej ange och uppgift saknas räknas bara i totalt.",
      ...(section?.disclosureReasons ?? []).filter((reason) => reason.startsWith("Kurser: ")),
    ],
    persons: true,
    empty: section
      ? (section.noneText ?? "Inga publicerade kurser för insatserna.")
      : COURSES_NOT_IN_VERSION_TEXT,
  };
}

const CONTEXT_TEXT = {
  kapitel: "Efter kapitel",
  mote: "Efter möten",
  slut: "Slutenkäten",
} as const;

/**
 * Kurser och Tyck till, the answers: one row per question of each individual initiative's Tyck
 * till and context, the whole period. Free-text questions show only the number of answers.
 */
function feedbackTable(r: FollowUpReport): ReportTable & { empty: string } {
  const t = r.disclosure.threshold;
  const section = r.coursesFeedback;
  const rows: ReportRow[] = (section?.feedback ?? []).map((q) => ({
    cells: [
      text(q.initiative),
      text(CONTEXT_TEXT[q.context]),
      text(q.type === "fritext" ? `${q.question} (fritext)` : q.question),
      person(q.answers, t),
      ...[0, 1, 2, 3, 4].map((i) => {
        const cell = q.distribution?.[i];
        return cell ? person(cell, t) : text("–");
      }),
      text(q.mean === null ? "–" : formatNumber(q.mean)),
    ],
  }));
  return {
    section: "coursesFeedback",
    sheet: "Tyck till",
    title: "Tyck till: svar per fråga",
    columns: [
      left("Insats", 1.6, 26),
      left("Svar", 1, 14),
      left("Fråga", 2.4, 40),
      right("Antal\nsvar", 0.8, 10),
      right("1", 0.6, 8),
      right("2", 0.6, 8),
      right("3", 0.6, 8),
      right("4", 0.6, 8),
      right("5", 0.6, 8),
      right("Medel-\nvärde", 0.8, 10),
    ],
    parts: [{ heading: null, rows }],
    notes: [
      "Hela perioden, per insats och fråga. Skalfrågor: antal som valde 1–5 och medelvärdet med en decimal; fördelningen visas inte (–) när frågan fick för få svar, och medelvärdet bara när hela fördelningen visas. Fritextfrågor: bara antalet svar, aldrig texterna.",
      ...(section?.disclosureReasons ?? []).filter((reason) => !reason.startsWith("Kurser: ")),
    ],
    persons: true,
    empty: section
      ? (section.noneText ?? "Inga frågor eller svar i Tyck till under perioden.")
      : COURSES_NOT_IN_VERSION_TEXT,
  };
}

function endedInitiativesTable(r: FollowUpReport): ReportTable {
  return {
    section: "endedInitiatives",
    sheet: "Avslutade insatser",
    title: SECTION_TITLES.endedInitiatives,
    columns: [
      left("Insats", 2, 34),
      left("Ägare", 1.4, 24),
      left("Samverkansparter", 2, 34),
      right("Start", 1, 12),
      right("Slut", 1, 12),
      left("Syfte", 3, 60),
      left("Resultat", 3, 60),
    ],
    parts: [
      {
        heading: null,
        rows: r.endedInitiatives.map((e) => ({
          cells: [
            text(e.name),
            text(e.owner),
            text(e.partners.join(", ")),
            { kind: "date", value: e.startDate },
            { kind: "date", value: e.endDate },
            text(e.purpose),
            text(e.outcomeSummary),
          ],
        })),
      },
    ],
    notes: ["Ur varje insats slutrapport."],
    persons: false,
  };
}

function definitionsTable(r: FollowUpReport): ReportTable {
  return {
    section: "definitions",
    sheet: "Definitioner",
    title: SECTION_TITLES.definitions,
    columns: [left("Uppgift", 2, 34), left("Definition", 4.5, 90), left("Källa", 2, 40)],
    parts: [
      {
        heading: null,
        rows: Object.values(r.definitions).map((d) => ({
          cells: [text(d.label), text(d.definition), text(d.source)],
        })),
      },
    ],
    notes: [],
    persons: false,
  };
}

/** The normal band of the förbrukningskvot, whole per cent (src/finance: default 80–110 %). */
export interface FinanceBandPercent {
  low: number;
  high: number;
}

/** Every table of the report, in the report's order. */
export function reportTables(report: FollowUpReport, band: FinanceBandPercent) {
  return {
    initiatives: initiativesTable(report),
    goalStatus: goalStatusTable(report),
    preconditions: preconditionsTable(report),
    budget: budgetTable(report, band),
    quality: qualityTable(report),
    structure: structureTable(report),
    individual: individualTable(report),
    exitReasons: exitReasonsTable(report),
    participantBackground: participantBackgroundTable(report),
    participants: participantsTable(report),
    progression: progressionTable(report),
    portalUsage: portalUsageTable(report),
    courses: coursesTable(report),
    feedback: feedbackTable(report),
    endedInitiatives: endedInitiativesTable(report),
    definitions: definitionsTable(report),
  };
}

export type ReportTables = ReturnType<typeof reportTables>;

export { hiddenLegend };
