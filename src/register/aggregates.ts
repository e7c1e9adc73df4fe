// The participant register's statistics: the one module that counts participants, and the only
// way anything leaves the register. It reads the register through its own path — inside the
// register zone (zone.ts), with a scope covering the owners of the association's initiatives,
// the one place allowed to read across data controllers — reads statistical fields only (never
// an identity, a name or a participant id), counts, and passes every count through disclosure
// control (disclosure.ts) before anything is returned. The result's type holds protected cells
// and shares only: there is no raw count in it to take out.
//
// WHAT IS COUNTED (domain/participants.md, domain/follow-up.md tables 6–8 and "Deltagarnas
// bakgrund"). Every enrollment counts on its own (a person enrolled twice counts twice). A
// felregistrering (a voided enrollment, or the exit status felregistrering) is never counted
// anywhere. Anonymous participants and those whose identity has been erased count like anyone.
// Every figure is split kvinnor / män / totalt; annan, vill ej ange and uppgift saknas are never
// shown as a column of their own but count in totalt. Each row carries its definition, in Swedish
// or English (the texts are in src/platform/i18n/messages/register-figures.*.ts).
//
// WHICH THRESHOLD. The association's own (src/associations/disclosure-settings.ts: default 5,
// 0 turns it off, a true 0 shown or not): registerStatistics reads it, so no caller — page,
// export, API — can leave the register with another.
//
// HOW IT IS PROTECTED. The figures form linked tables: the same count appears in several tables
// (the total of one initiative is a row of the table of all initiatives; "till arbete och/eller
// studier" is a row of the exit table and the total of work plus studies; "pågående" is "hela
// insatstiden" minus "avslutade hela insatstiden", and also "inskrivna under perioden" minus
// "avslutade under perioden" — so each of these sums is a cube of its own). disclosure.ts protects
// one two-dimensional table and leaves consistency between tables to its caller, so the figures are
// organised here as *cubes*: initiative × category × gender, whose categories partition the cube's
// total (a tree of partitions: exits → to work/studies → work → kind of work; education → ISCED
// group → level). Every two-dimensional slice of every cube goes through protectTable with all its
// margins; a figure is published only if no slice hid it, and then the count rule of disclosure.ts
// (a line with a total never has exactly one hidden figure — suppressed or a margin left out) is
// applied across all slices until nothing changes. Hiding more than protectTable chose never makes
// a slice less safe (an attacker only learns less), so every slice keeps protectTable's proof, and
// no figure hidden in one table is published in another. Multi-valued lists (försörjning före:
// several per person) have no total over their categories, so their slices show no such total. A
// share is shown only when protectShare allows it and both its counts are published in the cubes.
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { getDisclosureSettings } from "../associations/disclosure-settings.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { DEFAULT_LOCALE, intlLocaleOf, isLocale, type Locale } from "../platform/i18n/locales.ts";
import { createTranslator, type MessageKey } from "../platform/i18n/translate.ts";
import { UUID } from "../platform/uuid.ts";
import {
  EDUCATION,
  EDUCATION_ISCED,
  EXIT_STATUS,
  MISSING,
  OCCUPATION_BEFORE,
  REFERRER,
  SUPPORT,
  SUPPORT_GROUPS,
  TIME_ON_SUPPORT,
  toWorkOrStudies,
  WORK_EXIT,
} from "./codes.ts";
import {
  type CountTable,
  DEFAULT_DISCLOSURE_THRESHOLD,
  type DisclosureSummary,
  disclosureOptionsProblem,
  formatProtected,
  type Margin,
  type ProtectedCell,
  type ProtectedRatio,
  type ProtectedTable,
  protectShare,
  protectTable,
  summarizeDisclosure,
} from "./disclosure.ts";
import { countOnlyParticipation, enrollments, participants } from "./schema.ts";
import { inRegister } from "./zone.ts";

// ---------------------------------------------------------------------------------------------
// The result: protected cells and shares, each row with its definition

/**
 * A published count: its value, hidden as "< 5" (primary) or ".." (secondary), or left out
 * because a table had to leave out one of its totals (disclosure.ts, marginsLeftOut).
 */
export type StatisticsCell =
  | ProtectedCell
  | { readonly suppressed: "left_out"; readonly threshold: number };

export interface StatisticsRow {
  /** The figure's key, the same in every initiative ("hela_insatstiden", "isced.0_2"). */
  readonly key: string;
  readonly label: string;
  /** What exactly is counted, in the language asked for (Swedish by default). */
  readonly definition: string;
  /** Set for a row that is a part of another row of the table ("varav"); never added to it. */
  readonly partOf?: string;
  readonly kvinnor: StatisticsCell;
  readonly man: StatisticsCell;
  /** Everyone: kvinnor, män, annan, vill ej ange and uppgift saknas. */
  readonly totalt: StatisticsCell;
}

export interface StatisticsTable {
  readonly key: string;
  readonly title: string;
  /** Who the table is about, in the language asked for. */
  readonly definition: string;
  readonly rows: readonly StatisticsRow[];
}

export interface StatisticsShare {
  readonly key: string;
  readonly label: string;
  /** Numerator ÷ denominator, in the language asked for. */
  readonly definition: string;
  readonly share: ProtectedRatio;
}

export interface StatisticsInitiative {
  readonly id: string;
  readonly name: string;
  readonly orientation: "individual" | "structural";
  /** Förrehabiliterande (the follow-up groups the individual initiatives by it). */
  readonly preRehabilitation: boolean;
  readonly startDate: string | null;
  readonly endDate: string | null;
}

/** The statistics of one individual initiative, or of all of them together (`initiative` null). */
export interface IndividualStatistics {
  readonly initiative: StatisticsInitiative | null;
  readonly name: string;
  readonly tables: readonly StatisticsTable[];
  readonly shares: readonly StatisticsShare[];
}

/** Count-only participation of one structural initiative, or of all of them (`initiative` null). */
export interface StructuralStatistics {
  readonly initiative: StatisticsInitiative | null;
  readonly name: string;
  readonly table: StatisticsTable;
}

export interface RegisterStatistics {
  readonly period: { readonly from: string; readonly to: string };
  readonly threshold: number;
  readonly allowTrueZero: boolean;
  /** How the gender columns are to be read, in the language asked for. */
  readonly genderNote: string;
  /** How enrollments are counted, in the language asked for. */
  readonly countingNote: string;
  /** Each individual initiative, by name; then `individualTotal`. */
  readonly individual: readonly IndividualStatistics[];
  /** All the individual initiatives together; null when there are none. */
  readonly individualTotal: IndividualStatistics | null;
  readonly structural: readonly StructuralStatistics[];
  readonly structuralTotal: StructuralStatistics | null;
  /** How many figures are not shown and why (never which values). */
  readonly disclosure: DisclosureSummary;
  /** Counts left out because a table could not show all its totals (see StatisticsCell). */
  readonly leftOut: number;
}

export interface StatisticsOptions {
  /** The follow-up period, ÅÅÅÅ-MM-DD, both days included. */
  readonly from: string;
  readonly to: string;
  /**
   * Which initiatives: "all" (default) — every initiative of the association active in the
   * period (start ≤ period end and no end or end ≥ period start), not an application or a
   * refused one — or the given ids, whatever their dates.
   */
  readonly initiativeIds?: "all" | readonly string[];
  /**
   * Another disclosure threshold than the association's own (src/associations/
   * disclosure-settings.ts, default 5; 0 turns disclosure control off). Left out — as every page,
   * export and API operation does — the association's setting applies. For tests.
   */
  readonly threshold?: number;
  /** Whether a true 0 may be shown as 0; left out, the association's setting applies. */
  readonly allowTrueZero?: boolean;
  /** The language of the labels, definitions and reasons: "sv" (default) or "en". */
  readonly locale?: string;
}

export interface Period {
  readonly from: string;
  readonly to: string;
}

// ---------------------------------------------------------------------------------------------
// Facts: what is read from the register (statistical fields only)

/** One enrollment as the statistics see it: no participant id, identity, name or birth date. */
export interface EnrollmentFact {
  readonly initiativeId: string;
  readonly gender: string;
  readonly birthYear: number | null;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly actionPlanDate: string | null;
  readonly background: Readonly<Record<string, unknown>>;
  readonly exit: Readonly<Record<string, unknown>> | null;
  readonly voided: boolean;
}

/** One period's count-only participation of a structural initiative. */
export interface ParticipationFact {
  readonly initiativeId: string;
  readonly periodKey: string;
  readonly women: number;
  readonly men: number;
  readonly others: number;
}

/** Counts by gender: kvinnor, män, everybody else. */
export type GenderCounts = readonly [number, number, number];

/**
 * Raw counts, before disclosure control. Internal to the register: registerStatistics never
 * returns them, only protectStatistics' result; exported for the tests of the counting alone.
 */
export interface RawCounts {
  /** Individual initiative → figure key → counts by gender. */
  readonly enrollments: ReadonlyMap<string, ReadonlyMap<string, GenderCounts>>;
  /** Structural initiative → figure key (`period.2026-K1`, PERIODS_TOTAL) → counts by gender. */
  readonly participation: ReadonlyMap<string, ReadonlyMap<string, GenderCounts>>;
  /** The count-only periods inside the period, in order. */
  readonly periodKeys: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// The figures and their definitions

export const FIGURE = {
  started: "startade_under_perioden",
  whole: "hela_insatstiden",
  exitedWhole: "avslutade_hela_insatstiden",
  ongoing: "pagaende_vid_periodens_slut",
  exited: "avslutade_under_perioden",
  enrolled: "inskrivna_under_perioden",
  toWorkOrStudies: "till_arbete_och_eller_studier",
  work: "arbete",
  workOnly: "arbete_utan_studier",
  both: "bade_arbete_och_studier",
  studiesOnly: "studier_utan_arbete",
  jobSeeking: "arbetssokande",
  otherExit: "ovriga_avslutade",
  actionPlan: "med_handlingsplan",
  noActionPlan: "utan_handlingsplan",
} as const;

/** The sum of a structural initiative's periods inside the follow-up period. */
export const PERIODS_TOTAL = "perioderna";

/** The age groups at start (labels in the catalogue), with the reported "under 30" and "55+". */
const AGE_ROWS = [
  ["alder.under_16", Number.NEGATIVE_INFINITY, 15],
  ["alder.16_19", 16, 19],
  ["alder.20_24", 20, 24],
  ["alder.25_29", 25, 29],
  ["alder.30_39", 30, 39],
  ["alder.40_49", 40, 49],
  ["alder.50_54", 50, 54],
  ["alder.55_64", 55, 64],
  ["alder.65_plus", 65, Number.POSITIVE_INFINITY],
] as const;
const AGE_UNDER_30 = "alder.under_30";
const AGE_55_PLUS = "alder.55_plus";
const AGE_MISSING = "alder.uppgift_saknas";

const ISCED = {
  "0-2": "isced.0_2",
  "3-4": "isced.3_4",
  "5-8": "isced.5_8",
  unknown: "isced.okand",
} as const;
/** Förgymnasial (shorter than 9 years, or 9 years): ISCED 0–2 without "saknas". */
const PRE_SECONDARY = "utbildning.forgymnasial";

/** An education code's figure: gymnasial is all of ISCED 3–4, so it is that very figure. */
const educationFigure = (code: keyof typeof EDUCATION): string =>
  code === "gymnasial" ? ISCED["3-4"] : `utbildning.${code}`;

/** The optional ESF+ variables: figure key and background field. */
const YES_NO_LISTS = [
  ["fodd_utomlands", "bornAbroad"],
  ["funktionsnedsattning", "disability"],
  ["nyanland", "newlyArrived"],
] as const;

const codesOf = <T extends string>(list: Record<T, string>): T[] => Object.keys(list) as T[];

// ---------------------------------------------------------------------------------------------
// Counting

const genderIndex = (gender: string): 0 | 1 | 2 =>
  gender === "kvinna" ? 0 : gender === "man" ? 1 : 2;

const codeIn = <T extends string>(list: Record<T, string>, value: unknown): T | typeof MISSING =>
  typeof value === "string" && Object.hasOwn(list, value) ? (value as T) : MISSING;

/** Whether an enrollment counts at all: a felregistrering never does. */
export const isCounted = (e: EnrollmentFact): boolean =>
  !e.voided && e.exit?.status !== "felregistrering";

/**
 * The figures one enrollment counts in for the period (each at most once). Nothing for a
 * felregistrering, nor for an enrollment that starts after the period.
 */
export function figuresOf(e: EnrollmentFact, period: Period): string[] {
  const figures: string[] = [];
  addFigures(e, period, figures);
  return figures;
}

/** figuresOf, added to `figures` (countRegister reuses one list for every enrollment). */
function addFigures(e: EnrollmentFact, period: Period, figures: string[]): void {
  if (!isCounted(e) || e.startDate > period.to) return;
  figures.push(FIGURE.whole);
  const end = e.endDate;
  if (e.startDate >= period.from) figures.push(FIGURE.started);
  figures.push(end !== null && end <= period.to ? FIGURE.exitedWhole : FIGURE.ongoing);
  if (end !== null && end >= period.from && end <= period.to) {
    figures.push(FIGURE.exited);
    exitFigures(e, end, figures);
  }
  if (end === null || end >= period.from) {
    figures.push(FIGURE.enrolled);
    backgroundFigures(e, figures);
  }
}

function exitFigures(e: EnrollmentFact, end: string, figures: string[]): void {
  const exit = e.exit ?? {};
  const status = typeof exit.status === "string" ? exit.status : "";
  const studies = exit.studies === true;
  const working = (WORK_EXIT as readonly string[]).includes(status);
  if (toWorkOrStudies({ status, studies })) {
    figures.push(FIGURE.toWorkOrStudies);
    if (working) figures.push(FIGURE.work, status, studies ? FIGURE.both : FIGURE.workOnly);
    else figures.push(FIGURE.studiesOnly);
  } else if (status === "arbetssokande") figures.push(FIGURE.jobSeeking);
  else figures.push(FIGURE.otherExit);
  const plan =
    exit.actionPlanAtExit === true ||
    (exit.actionPlanAtExit !== false && e.actionPlanDate !== null && e.actionPlanDate <= end);
  figures.push(plan ? FIGURE.actionPlan : FIGURE.noActionPlan);
}

function backgroundFigures(e: EnrollmentFact, figures: string[]): void {
  const b = e.background;
  // age at start
  if (e.birthYear === null) figures.push(AGE_MISSING);
  else {
    const age = Number(e.startDate.slice(0, 4)) - e.birthYear;
    if (age < 30) figures.push(AGE_UNDER_30);
    if (age >= 55) figures.push(AGE_55_PLUS);
    const row = AGE_ROWS.find(([, from, to]) => age >= from && age <= to);
    if (row) figures.push(row[0]);
  }
  // education, with its ISCED group
  const education = codeIn(EDUCATION, b.education) as keyof typeof EDUCATION;
  const isced = EDUCATION_ISCED[education];
  figures.push(isced === null ? ISCED.unknown : ISCED[isced]);
  if (education !== "gymnasial") figures.push(educationFigure(education));
  if (isced === "0-2" && education !== "saknas") figures.push(PRE_SECONDARY);
  // support before: several per person, and its groups
  // the codes given, each once in the order first given; none: "uppgift saknas"
  const supports = SUPPORTS;
  supports.length = 0;
  if (Array.isArray(b.supportBefore)) {
    for (const s of b.supportBefore) {
      if (typeof s === "string" && Object.hasOwn(SUPPORT, s) && !supports.includes(s as Support))
        supports.push(s as Support);
    }
  }
  if (supports.length === 0) supports.push(MISSING);
  for (const s of supports) figures.push(KEYS.support[s]);
  for (const [group, members] of SUPPORT_GROUP_KEYS) {
    if (members.some((m) => supports.includes(m))) figures.push(group);
  }
  figures.push(KEYS.time[codeIn(TIME_ON_SUPPORT, b.timeOnSupport)]);
  figures.push(KEYS.occupation[codeIn(OCCUPATION_BEFORE, b.occupationBefore)]);
  figures.push(KEYS.referrer[codeIn(REFERRER, b.referrer)]);
  for (const [field, yes, no, missing] of YES_NO_KEYS) {
    const value = b[field];
    figures.push(value === true ? yes : value === false ? no : missing);
  }
}

type Support = keyof typeof SUPPORT;
/** backgroundFigures' list of the support codes of one enrollment, reused (it never escapes). */
const SUPPORTS: Support[] = [];

/** The figure keys of each code, built once: "forsorjning.lon", "tid.okand" … */
const keysOf = <T extends string>(prefix: string, list: Record<T, string>): Record<T, string> =>
  Object.fromEntries(
    [...codesOf(list), MISSING].map((code) => [code, `${prefix}.${code}`]),
  ) as Record<T, string>;
const KEYS = {
  support: keysOf("forsorjning", SUPPORT),
  time: keysOf("tid", TIME_ON_SUPPORT),
  occupation: keysOf("sysselsattning", OCCUPATION_BEFORE),
  referrer: keysOf("remittent", REFERRER),
};
const SUPPORT_GROUP_KEYS = Object.entries(SUPPORT_GROUPS).map(
  ([group, members]) => [`forsorjningsgrupp.${group}`, members] as const,
);
const YES_NO_KEYS = YES_NO_LISTS.map(
  ([key, field]) => [field, `${key}.ja`, `${key}.nej`, `${key}.${MISSING}`] as const,
);

/** The first and last day of a count-only period key ("2026", "2026-K1", "-T2", "-H1"). */
export function periodRange(key: string): Period | undefined {
  const match = /^(\d{4})(?:-([KTH])([1-4]))?$/.exec(key);
  if (!match) return undefined;
  const year = Number(match[1]);
  const months = match[2] === "K" ? 3 : match[2] === "T" ? 4 : match[2] === "H" ? 6 : 12;
  const index = match[2] ? Number(match[3]) : 1;
  if (index > 12 / months) return undefined;
  const first = (index - 1) * months + 1;
  const last = index * months;
  const pad = (n: number) => String(n).padStart(2, "0");
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
}

/** Whether a count-only period lies wholly inside the follow-up period. */
const periodInside = (key: string, period: Period): boolean => {
  const range = periodRange(key);
  return range !== undefined && range.from >= period.from && range.to <= period.to;
};

const comparePeriodKeys = (a: string, b: string): number => {
  const ra = periodRange(a);
  const rb = periodRange(b);
  return (ra?.from ?? a).localeCompare(rb?.from ?? b) || (ra?.to ?? a).localeCompare(rb?.to ?? b);
};

function add(
  into: Map<string, Map<string, [number, number, number]>>,
  unit: string,
  key: string,
  counts: GenderCounts,
): void {
  let figures = into.get(unit);
  if (!figures) {
    figures = new Map();
    into.set(unit, figures);
  }
  const current = figures.get(key);
  if (current) {
    current[0] += counts[0];
    current[1] += counts[1];
    current[2] += counts[2];
  } else figures.set(key, [counts[0], counts[1], counts[2]]);
}

/**
 * Counts the enrollments of the individual initiatives and the count-only participation of the
 * structural ones for the period. Raw counts: never returned outside the register.
 */
export function countRegister(
  facts: readonly EnrollmentFact[],
  participation: readonly ParticipationFact[],
  period: Period,
): RawCounts {
  const counted = new Map<string, Map<string, [number, number, number]>>();
  const figures: string[] = [];
  for (const e of facts) {
    figures.length = 0;
    addFigures(e, period, figures);
    if (figures.length === 0) continue;
    const g = genderIndex(e.gender);
    let own = counted.get(e.initiativeId);
    if (!own) {
      own = new Map();
      counted.set(e.initiativeId, own);
    }
    for (const figure of figures) {
      const current = own.get(figure);
      if (current) current[g] += 1;
      else {
        const one: [number, number, number] = [0, 0, 0];
        one[g] = 1;
        own.set(figure, one);
      }
    }
  }
  const perPeriod = new Map<string, Map<string, [number, number, number]>>();
  const keys = new Set<string>();
  for (const p of participation) {
    if (!periodInside(p.periodKey, period)) continue;
    keys.add(p.periodKey);
    const counts: GenderCounts = [p.women, p.men, p.others];
    add(perPeriod, p.initiativeId, `period.${p.periodKey}`, counts);
    add(perPeriod, p.initiativeId, PERIODS_TOTAL, counts);
  }
  return {
    enrollments: counted,
    participation: perPeriod,
    periodKeys: [...keys].sort(comparePeriodKeys),
  };
}

// ---------------------------------------------------------------------------------------------
// Cubes: initiative × category × gender, the categories a partition of the cube's total

interface Cube {
  readonly categories: readonly string[];
  /** The figure the categories add up to; null for a list where one person may be in several. */
  readonly total: string | null;
  /** Categories that count in the total but are never published. */
  readonly hidden?: readonly string[];
}

const prefixed = (prefix: string, codes: readonly string[]) => codes.map((c) => `${prefix}.${c}`);

/** The individual initiatives' cubes: every published figure is in one of them. */
const INDIVIDUAL_CUBES: readonly Cube[] = [
  { categories: [FIGURE.exitedWhole, FIGURE.ongoing], total: FIGURE.whole },
  // enrolled in the period = ongoing at its end + exited in it: shown side by side (deltagare)
  { categories: [FIGURE.exited, FIGURE.ongoing], total: FIGURE.enrolled },
  { categories: [FIGURE.started], total: null },
  {
    categories: [FIGURE.toWorkOrStudies, FIGURE.jobSeeking, FIGURE.otherExit],
    total: FIGURE.exited,
  },
  { categories: [FIGURE.work, FIGURE.studiesOnly], total: FIGURE.toWorkOrStudies },
  { categories: [...WORK_EXIT], total: FIGURE.work },
  { categories: [FIGURE.both, FIGURE.workOnly], total: FIGURE.work, hidden: [FIGURE.workOnly] },
  {
    categories: [FIGURE.actionPlan, FIGURE.noActionPlan],
    total: FIGURE.exited,
    hidden: [FIGURE.noActionPlan],
  },
  {
    categories: [
      AGE_UNDER_30,
      "alder.30_39",
      "alder.40_49",
      "alder.50_54",
      AGE_55_PLUS,
      AGE_MISSING,
    ],
    total: FIGURE.enrolled,
  },
  {
    categories: ["alder.under_16", "alder.16_19", "alder.20_24", "alder.25_29"],
    total: AGE_UNDER_30,
  },
  { categories: ["alder.55_64", "alder.65_plus"], total: AGE_55_PLUS },
  { categories: [ISCED["0-2"], ISCED["3-4"], ISCED["5-8"], ISCED.unknown], total: FIGURE.enrolled },
  { categories: [PRE_SECONDARY, "utbildning.saknas"], total: ISCED["0-2"] },
  {
    categories: ["utbildning.forgymnasial_kortare_an_9", "utbildning.forgymnasial_9"],
    total: PRE_SECONDARY,
  },
  {
    categories: [
      "utbildning.eftergymnasial_kortare_an_3",
      "utbildning.eftergymnasial_3_eller_langre",
    ],
    total: ISCED["5-8"],
  },
  { categories: ["utbildning.okand", "utbildning.uppgift_saknas"], total: ISCED.unknown },
  { categories: prefixed("forsorjning", codesOf(SUPPORT)), total: null },
  { categories: prefixed("forsorjningsgrupp", Object.keys(SUPPORT_GROUPS)), total: null },
  { categories: prefixed("tid", codesOf(TIME_ON_SUPPORT)), total: FIGURE.enrolled },
  { categories: prefixed("sysselsattning", codesOf(OCCUPATION_BEFORE)), total: FIGURE.enrolled },
  { categories: prefixed("remittent", codesOf(REFERRER)), total: FIGURE.enrolled },
  ...YES_NO_LISTS.map(([key]) => ({
    categories: prefixed(key, ["ja", "nej", MISSING]),
    total: FIGURE.enrolled,
  })),
];

/** g: 0 kvinnor, 1 män, 2 övriga (never published), 3 totalt. */
type G = 0 | 1 | 2 | 3;

/** A family of linked cubes over the same initiatives, with its own total "initiative". */
interface Universe {
  readonly units: readonly string[];
  readonly totalUnit: string;
  readonly counts: ReadonlyMap<string, ReadonlyMap<string, GenderCounts>>;
  readonly cubes: readonly Cube[];
}

/**
 * The figures of a universe numbered: unit (its initiatives in order, then the total) ×
 * figure (as the cubes name them) × gender. A figure's number names its unit, figure and
 * gender, so its value is counted once and its state kept in an array.
 */
class Numbering {
  /** The units, the total last. */
  readonly units: readonly string[];
  readonly unitIndex: ReadonlyMap<string, number>;
  readonly figures: readonly string[];
  readonly figureIndex: ReadonlyMap<string, number>;
  readonly size: number;

  constructor(universe: Universe) {
    this.units = [...universe.units, universe.totalUnit];
    this.unitIndex = new Map(this.units.map((unit, u) => [unit, u]));
    const figureIndex = new Map<string, number>();
    for (const cube of universe.cubes) {
      for (const figure of [...cube.categories, ...(cube.total === null ? [] : [cube.total])]) {
        if (!figureIndex.has(figure)) figureIndex.set(figure, figureIndex.size);
      }
    }
    this.figureIndex = figureIndex;
    this.figures = [...figureIndex.keys()];
    this.size = this.units.length * this.figures.length * 4;
  }

  id(u: number, f: number, g: G): number {
    return (u * this.figures.length + f) * 4 + g;
  }

  /** The figure of `unit`, `figure` and `g`, or -1 when the universe has no such figure. */
  find(unit: string, figure: string, g: G): number {
    const u = this.unitIndex.get(unit);
    const f = this.figureIndex.get(figure);
    return u === undefined || f === undefined ? -1 : this.id(u, f, g);
  }
}

/** A figure's name for messages: unit|figure|gender. */
const fid = (unit: string, figure: string, g: G): string => `${unit}|${figure}|${g}`;

/** A two-dimensional slice of a cube, as handed to protectTable, with the figure of each entry. */
interface Slice {
  readonly table: CountTable;
  readonly cellIds: readonly (readonly number[])[];
  readonly rowTotalIds: readonly number[] | null;
  readonly columnTotalIds: readonly number[] | null;
  readonly grandId: number | null;
}

function slicesOf(
  universe: Universe,
  numbering: Numbering,
): { slices: Slice[]; values: Float64Array } {
  const U = universe.units.length;
  const unitCounts = numbering.units.map((unit) => universe.counts.get(unit));
  const values = new Float64Array(numbering.size);
  const counted = new Uint8Array(numbering.size);
  const figureOf = (figure: string) => numbering.figureIndex.get(figure) as number;
  const idOf = (u: number, f: number, g: G): number => {
    const id = numbering.id(u, f, g);
    if (counted[id] === 0) {
      counted[id] = 1;
      const figure = numbering.figures[f] as string;
      let sum = 0;
      for (let v = u === U ? 0 : u; v < (u === U ? U : u + 1); v++) {
        const counts = unitCounts[v]?.get(figure);
        if (!counts) continue;
        sum += g === 3 ? counts[0] + counts[1] + counts[2] : counts[g];
      }
      values[id] = sum;
    }
    return id;
  };
  const sliceName = (id: number) => {
    const g = (id % 4) as G;
    const f = Math.floor(id / 4) % numbering.figures.length;
    const u = Math.floor(id / 4 / numbering.figures.length);
    return fid(numbering.units[u] as string, numbering.figures[f] as string, g);
  };
  const assertSum = (id: number, parts: readonly number[]) => {
    let sum = 0;
    for (const part of parts) sum += part;
    const total = values[id] as number;
    if (sum !== total) {
      throw new Error(
        `statistikens figur ${sliceName(id)} är ${total} men dess delar är ${sum} tillsammans`,
      );
    }
  };
  const slices: Slice[] = [];
  const make = (
    cellIds: number[][],
    rowTotalIds: number[] | null,
    columnTotalIds: number[] | null,
    grandId: number | null,
    hiddenRows: readonly number[],
    hiddenColumns: readonly number[],
  ) => {
    const cells = cellIds.map((line) => line.map((id) => values[id] as number));
    // protectTable computes the margins from the cells: they must be the figures themselves
    if (rowTotalIds) {
      for (let i = 0; i < rowTotalIds.length; i++) {
        assertSum(rowTotalIds[i] as number, cells[i] ?? []);
      }
    }
    if (columnTotalIds) {
      for (let j = 0; j < columnTotalIds.length; j++) {
        assertSum(
          columnTotalIds[j] as number,
          cells.map((line) => line[j] ?? 0),
        );
      }
    }
    if (grandId !== null && rowTotalIds) {
      assertSum(
        grandId,
        rowTotalIds.map((id) => values[id] as number),
      );
    }
    slices.push({
      table: {
        cells,
        show: {
          rowTotals: rowTotalIds !== null,
          columnTotals: columnTotalIds !== null,
          grandTotal: grandId !== null,
        },
        hiddenRows,
        hiddenColumns,
      },
      cellIds,
      rowTotalIds,
      columnTotalIds,
      grandId,
    });
  };
  const GENDERS = [0, 1, 2] as const;
  const done = new Set<string>();
  for (const cube of universe.cubes) {
    const hidden = new Set(cube.hidden ?? []);
    const categories = cube.categories.map(figureOf);
    const hiddenCategories = cube.categories.flatMap((c, i) => (hidden.has(c) ? [i] : []));
    const total = cube.total === null ? null : figureOf(cube.total);
    // (a) per initiative and for all of them: categories × gender (the others hidden)
    if (categories.length > 0) {
      for (let u = 0; u <= U; u++) {
        make(
          categories.map((f) => GENDERS.map((g) => idOf(u, f, g))),
          categories.map((f) => idOf(u, f, 3)),
          total !== null ? GENDERS.map((g) => idOf(u, total, g)) : null,
          total !== null ? idOf(u, total, 3) : null,
          hiddenCategories,
          [2],
        );
      }
    }
    if (U === 0) continue;
    // (b) per category and for the total: initiatives × gender
    const figures = cube.total === null ? cube.categories : [...cube.categories, cube.total];
    for (const figure of figures) {
      if (hidden.has(figure) || done.has(figure)) continue;
      done.add(figure);
      const f = figureOf(figure);
      const unitRange = Array.from({ length: U }, (_, u) => u);
      make(
        unitRange.map((u) => GENDERS.map((g) => idOf(u, f, g))),
        unitRange.map((u) => idOf(u, f, 3)),
        GENDERS.map((g) => idOf(U, f, g)),
        idOf(U, f, 3),
        [],
        [2],
      );
    }
    // (c) for women, men and everyone: initiatives × categories
    if (categories.length === 0) continue;
    for (const g of [0, 1, 3] as const) {
      const unitRange = Array.from({ length: U }, (_, u) => u);
      make(
        unitRange.map((u) => categories.map((f) => idOf(u, f, g))),
        total !== null ? unitRange.map((u) => idOf(u, total, g)) : null,
        categories.map((f) => idOf(U, f, g)),
        total !== null ? idOf(U, total, g) : null,
        [],
        hiddenCategories,
      );
    }
  }
  return { slices, values };
}

type Status = "published" | "primary" | "secondary" | "left_out" | "hidden";

interface Resolved {
  readonly threshold: number;
  readonly allowTrueZero: boolean;
}

/** A figure's state, by its number: not in any slice, or its Status. */
const NONE = 0;
const PUBLISHED = 1;
const PRIMARY = 2;
const SECONDARY = 3;
const LEFT_OUT = 4;
const HIDDEN = 5;
const STATUS_OF: readonly (Status | undefined)[] = [
  undefined,
  "published",
  "primary",
  "secondary",
  "left_out",
  "hidden",
];
const STATE_OF: Readonly<Record<Status, number>> = {
  published: PUBLISHED,
  primary: PRIMARY,
  secondary: SECONDARY,
  left_out: LEFT_OUT,
  hidden: HIDDEN,
};
/** published, hidden 0; primary, secondary 1; left out 2 (by state). */
const RANK = [0, 0, 1, 1, 2, 0] as const;

interface ProtectedUniverse {
  readonly numbering: Numbering;
  /** Each figure's state (NONE … HIDDEN), by its number. */
  readonly status: Uint8Array;
  /** Each figure's value, by its number (0 for a figure in no slice). */
  readonly values: Float64Array;
  /** The slices that had to leave out a margin (for the summary). */
  readonly leftOutTables: readonly ProtectedTable[];
}

/**
 * Protects every slice with protectTable, merges what each hid, and applies the count rule
 * across all slices: the status of every figure of the universe.
 */
function protectUniverse(universe: Universe, options: Resolved): ProtectedUniverse {
  const numbering = new Numbering(universe);
  const { slices, values } = slicesOf(universe, numbering);
  const status = new Uint8Array(numbering.size);
  const raise = (id: number, to: number) => {
    const now = status[id] as number;
    if (now === NONE || (RANK[to as 0] as number) > (RANK[now as 0] as number)) status[id] = to;
  };
  const hiddenIds = new Uint8Array(numbering.size);
  const leftOutTables: ProtectedTable[] = [];
  for (const slice of slices) {
    const hiddenRows = new Set(slice.table.hiddenRows ?? []);
    const hiddenColumns = new Set(slice.table.hiddenColumns ?? []);
    const rows = slice.cellIds.map((_, i) => i).filter((i) => !hiddenRows.has(i));
    const columnCount = slice.table.cells[0]?.length ?? slice.columnTotalIds?.length ?? 0;
    const columns = Array.from({ length: columnCount }, (_, j) => j).filter(
      (j) => !hiddenColumns.has(j),
    );
    // the entries of hidden rows and columns are never published
    slice.cellIds.forEach((line, i) => {
      line.forEach((id, j) => {
        if (hiddenRows.has(i) || hiddenColumns.has(j)) hiddenIds[id] = 1;
      });
    });
    for (const i of hiddenRows) {
      const id = slice.rowTotalIds?.[i];
      if (id !== undefined) hiddenIds[id] = 1;
    }
    for (const j of hiddenColumns) {
      const id = slice.columnTotalIds?.[j];
      if (id !== undefined) hiddenIds[id] = 1;
    }
    const result = protectTable(slice.table, options);
    const take = (id: number | null | undefined, cell: ProtectedCell | undefined) => {
      if (id !== null && id !== undefined && cell)
        raise(id, "suppressed" in cell ? STATE_OF[cell.suppressed] : PUBLISHED);
    };
    rows.forEach((i, vi) => {
      columns.forEach((j, vj) => {
        take(slice.cellIds[i]?.[j], result.cells[vi]?.[vj]);
      });
      take(slice.rowTotalIds?.[i], result.rowTotals?.[vi]);
    });
    columns.forEach((j, vj) => {
      take(slice.columnTotalIds?.[j], result.columnTotals?.[vj]);
    });
    take(slice.grandId, result.grandTotal);
    const idsOf = (margin: Margin): (number | null | undefined)[] =>
      margin === "rowTotals"
        ? rows.map((i) => slice.rowTotalIds?.[i])
        : margin === "columnTotals"
          ? columns.map((j) => slice.columnTotalIds?.[j])
          : [slice.grandId];
    for (const margin of result.marginsLeftOut) {
      for (const id of idsOf(margin)) if (id !== null && id !== undefined) raise(id, LEFT_OUT);
    }
    if (result.marginsLeftOut.length > 0) leftOutTables.push(result);
  }
  for (let id = 0; id < hiddenIds.length; id++) if (hiddenIds[id] === 1) status[id] = HIDDEN;

  // The count rule across all slices (disclosure.ts, step 2): in a line, one unknown entry —
  // suppressed, or a margin some slice left out — or none and a single hidden one of 1..t−1 is
  // too few; hide the smallest published non-zero entry (cells before the total). Unlike within
  // one table, a left-out margin is no free unknown here: it is left out everywhere, but its
  // parts may all be published in another slice ("hela insatstiden" left out of the table of
  // all initiatives, "avslutade" 0 and "pågående" 3 shown in the initiative's own), so it
  // counts like a suppressed entry.
  const lines: number[][] = [];
  for (const slice of slices) {
    const { rowTotalIds, columnTotalIds, grandId } = slice;
    if (rowTotalIds)
      slice.cellIds.forEach((line, i) => {
        lines.push([...line, rowTotalIds[i] as number]);
      });
    if (columnTotalIds)
      columnTotalIds.forEach((id, j) => {
        lines.push([...slice.cellIds.map((line) => line[j] as number), id]);
      });
    if (rowTotalIds && grandId !== null) lines.push([...rowTotalIds, grandId]);
    if (columnTotalIds && grandId !== null) lines.push([...columnTotalIds, grandId]);
  }
  // the same rule over the figures' states in an array (a figure in no slice counts as published)
  const KNOWN = 0;
  const UNKNOWN = 1; // primary, secondary or left out
  const HIDDEN_ENTRY = 2;
  const state = new Uint8Array(numbering.size);
  for (let id = 0; id < state.length; id++) {
    const s = status[id];
    state[id] = s === NONE || s === PUBLISHED ? KNOWN : s === HIDDEN ? HIDDEN_ENTRY : UNKNOWN;
  }
  const count = values;
  const t = options.threshold;
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      let unknown = 0;
      let hidden = 0;
      let lone = 0;
      for (const k of line) {
        const s = state[k];
        if (s === UNKNOWN) unknown++;
        else if (s === HIDDEN_ENTRY) {
          hidden++;
          lone = count[k] ?? 0;
        }
      }
      if (hidden !== 1) lone = 0;
      if (!(unknown === 1 || (unknown === 0 && lone >= 1 && lone < t))) continue;
      let pick = -1;
      for (const k of line) {
        if (state[k] !== KNOWN || count[k] === 0) continue;
        if (pick === -1 || (count[k] ?? 0) < (count[pick] ?? 0)) pick = k;
      }
      if (pick !== -1) {
        state[pick] = UNKNOWN;
        status[pick] = SECONDARY;
        changed = true;
      }
    }
  }
  return { numbering, status, values, leftOutTables };
}

// ---------------------------------------------------------------------------------------------
// Presentation: the tables and shares of one initiative (or of all), each row defined

interface RowSpec {
  readonly key: string;
  readonly label: string;
  readonly definition: string;
  readonly partOf?: string;
}

interface TableSpec {
  readonly key: string;
  readonly title: string;
  readonly definition: string;
  readonly rows: readonly RowSpec[];
}

interface ShareSpec {
  readonly key: string;
  readonly numerator: readonly [string, G];
  readonly denominator: readonly [string, G];
}

/** The shares of the follow-up; their labels and definitions are in the catalogue. */
const SHARES: readonly ShareSpec[] = [
  {
    key: "andel_till_arbete_och_eller_studier",
    numerator: [FIGURE.toWorkOrStudies, 3],
    denominator: [FIGURE.exited, 3],
  },
  {
    key: "andel_kvinnor_till_arbete_och_eller_studier",
    numerator: [FIGURE.toWorkOrStudies, 0],
    denominator: [FIGURE.toWorkOrStudies, 3],
  },
  {
    key: "andel_med_handlingsplan",
    numerator: [FIGURE.actionPlan, 3],
    denominator: [FIGURE.exited, 3],
  },
  { key: "andel_kvinnor", numerator: [FIGURE.enrolled, 0], denominator: [FIGURE.enrolled, 3] },
  { key: "andel_man", numerator: [FIGURE.enrolled, 1], denominator: [FIGURE.enrolled, 3] },
  { key: "andel_under_30", numerator: [AGE_UNDER_30, 3], denominator: [FIGURE.enrolled, 3] },
  { key: "andel_55_eller_aldre", numerator: [AGE_55_PLUS, 3], denominator: [FIGURE.enrolled, 3] },
  {
    key: "andel_offentlig_forsorjning_mer_an_3_ar",
    numerator: ["tid.mer_an_3_ar", 3],
    denominator: [FIGURE.enrolled, 3],
  },
  {
    key: "andel_kvinnor_offentlig_forsorjning_mer_an_3_ar",
    numerator: ["tid.mer_an_3_ar", 0],
    denominator: ["tid.mer_an_3_ar", 3],
  },
  { key: "andel_forgymnasial", numerator: [PRE_SECONDARY, 3], denominator: [FIGURE.enrolled, 3] },
  {
    key: "andel_kvinnor_forgymnasial",
    numerator: [PRE_SECONDARY, 0],
    denominator: [PRE_SECONDARY, 3],
  },
  { key: "andel_eftergymnasial", numerator: [ISCED["5-8"], 3], denominator: [FIGURE.enrolled, 3] },
  {
    key: "andel_utbildning_okand",
    numerator: [ISCED.unknown, 3],
    denominator: [FIGURE.enrolled, 3],
  },
];

/** The statistics' texts in one language (src/platform/i18n/messages/register-figures.*.ts). */
interface Texts {
  readonly tables: readonly TableSpec[];
  readonly shares: ReadonlyMap<string, { readonly label: string; readonly definition: string }>;
  readonly genderNote: string;
  readonly countingNote: string;
  readonly allIndividual: string;
  readonly allStructural: string;
  /** The table of the structural initiatives' count-only participation, by period. */
  readonly structuralTable: (periodKeys: readonly string[]) => TableSpec;
}

const localeOf = (locale: string | undefined): Locale =>
  isLocale(locale) ? locale : DEFAULT_LOCALE;

/** The code lists of the background tables: figure prefix, codes, their words in the catalogue. */
const LIST_TABLES = [
  ["forsorjning_fore", "forsorjning", codesOf(SUPPORT), "support", true],
  ["tid_offentlig_forsorjning", "tid", codesOf(TIME_ON_SUPPORT), "timeOnSupport", false],
  ["sysselsattning_fore", "sysselsattning", codesOf(OCCUPATION_BEFORE), "occupation", false],
  ["remittent", "remittent", codesOf(REFERRER), "referrer", false],
] as const;

function textsIn(locale: Locale): Texts {
  const translate = createTranslator(locale);
  // keys built from figure keys and codes: every one of them is in the catalogue (tested)
  const m = (key: string, values?: Record<string, unknown>) => translate(key as MessageKey, values);
  const enrolledDefinition = m("registerFigures.enrolled.definition");
  const background = `${m("registerFigures.background")} ${enrolledDefinition}`;
  const enrolledRow: RowSpec = {
    key: FIGURE.enrolled,
    label: m("registerFigures.enrolled.label"),
    definition: enrolledDefinition,
  };
  const row = (table: string, key: string, partOf?: string): RowSpec => ({
    key,
    label: m(`registerFigures.${table}.${key}.label`),
    definition: m(`registerFigures.${table}.${key}.definition`),
    ...(partOf ? { partOf } : {}),
  });
  const ageRow = (key: string, partOf?: string): RowSpec => {
    const label = m(`registerFigures.${key}.label`);
    return {
      key,
      label,
      definition: m("registerFigures.alder.definition", { age: label }),
      ...(partOf ? { partOf } : {}),
    };
  };
  const countingNote = m("registerFigures.countingNote");
  const educationRow = (code: keyof typeof EDUCATION, partOf?: string): RowSpec => {
    const label = m(`register.code.education.${code}`);
    return {
      key: educationFigure(code),
      label,
      definition:
        code === "saknas" || code === "uppgift_saknas"
          ? m(`registerFigures.utbildning.${code}.definition`)
          : m("registerFigures.utbildning.definition", { education: label }),
      ...(partOf ? { partOf } : {}),
    };
  };
  const listTables = LIST_TABLES.map(
    ([key, prefix, codes, list, several]): TableSpec => ({
      key,
      title: m(`registerFigures.${key}.title`),
      definition: several ? `${background} ${m("registerFigures.severalNote")}` : background,
      rows: [
        ...codes.map((code) => {
          const word = m(`register.code.${list}.${code}`);
          return {
            key: `${prefix}.${code}`,
            label: word,
            definition:
              code === MISSING
                ? m(`registerFigures.${key}.missing`)
                : m(`registerFigures.${key}.row`, { word }),
          };
        }),
        enrolledRow,
      ],
    }),
  );
  const [support, ...otherLists] = listTables as [TableSpec, ...TableSpec[]];
  const yesNoTables = YES_NO_LISTS.map(([key]): TableSpec => {
    const title = m(`registerFigures.${key}.title`);
    const variable = title.toLocaleLowerCase(intlLocaleOf(locale));
    return {
      key,
      title,
      definition: `${background} ${m("registerFigures.optionalNote")}`,
      rows: [
        {
          key: `${key}.ja`,
          label: m("registerFigures.yesNo.ja"),
          definition: m("registerFigures.yesNo.ja.definition", { variable }),
        },
        {
          key: `${key}.nej`,
          label: m("registerFigures.yesNo.nej"),
          definition: m("registerFigures.yesNo.nej.definition", { variable }),
        },
        {
          key: `${key}.${MISSING}`,
          label: m("registerFigures.missing"),
          definition: m("registerFigures.yesNo.missing.definition", { variable }),
        },
        enrolledRow,
      ],
    };
  });
  const tables: TableSpec[] = [
    {
      key: "deltagare",
      title: m("registerFigures.deltagare.title"),
      definition: countingNote,
      rows: [
        row("deltagare", FIGURE.started),
        row("deltagare", FIGURE.whole),
        row("deltagare", FIGURE.exitedWhole, FIGURE.whole),
        row("deltagare", FIGURE.ongoing, FIGURE.whole),
        row("deltagare", FIGURE.exited),
        { ...enrolledRow, label: m("registerFigures.deltagare.inskrivna_under_perioden.label") },
      ],
    },
    {
      key: "avslut",
      title: m("registerFigures.avslut.title"),
      definition: m("registerFigures.avslut.definition"),
      rows: [
        row("avslut", "arbete_ej_subventionerat", FIGURE.work),
        row("avslut", "arbete_subventionerat", FIGURE.work),
        row("avslut", "eget_foretag", FIGURE.work),
        row("avslut", FIGURE.work, FIGURE.toWorkOrStudies),
        row("avslut", FIGURE.both, FIGURE.work),
        row("avslut", FIGURE.studiesOnly, FIGURE.toWorkOrStudies),
        row("avslut", FIGURE.toWorkOrStudies, FIGURE.exited),
        row("avslut", FIGURE.jobSeeking, FIGURE.exited),
        row("avslut", FIGURE.otherExit, FIGURE.exited),
        row("avslut", FIGURE.actionPlan, FIGURE.exited),
        row("avslut", FIGURE.exited),
      ],
    },
    {
      key: "alder",
      title: m("registerFigures.alder.title"),
      definition: `${background} ${m("registerFigures.alder.note")}`,
      rows: [
        {
          key: AGE_UNDER_30,
          label: m(`registerFigures.${AGE_UNDER_30}.label`),
          definition: m(`registerFigures.${AGE_UNDER_30}.definition`),
        },
        ...AGE_ROWS.slice(0, 4).map(([key]) => ageRow(key, AGE_UNDER_30)),
        ...AGE_ROWS.slice(4, 7).map(([key]) => ageRow(key)),
        ageRow(AGE_55_PLUS),
        ...AGE_ROWS.slice(7).map(([key]) => ageRow(key, AGE_55_PLUS)),
        {
          key: AGE_MISSING,
          label: m("registerFigures.missing"),
          definition: m(`registerFigures.${AGE_MISSING}.definition`),
        },
        enrolledRow,
      ],
    },
    {
      key: "utbildning",
      title: m("registerFigures.utbildning.title"),
      definition: background,
      rows: [
        {
          key: PRE_SECONDARY,
          label: m(`registerFigures.${PRE_SECONDARY}.label`),
          definition: m(`registerFigures.${PRE_SECONDARY}.definition`),
        },
        educationRow("forgymnasial_kortare_an_9", PRE_SECONDARY),
        educationRow("forgymnasial_9", PRE_SECONDARY),
        educationRow("gymnasial"),
        educationRow("eftergymnasial_kortare_an_3"),
        educationRow("eftergymnasial_3_eller_langre"),
        educationRow("saknas"),
        educationRow("okand"),
        educationRow("uppgift_saknas"),
        enrolledRow,
      ],
    },
    {
      key: "isced",
      title: m("registerFigures.isced.title"),
      definition: background,
      rows: [
        ...Object.values(ISCED).map((key) => ({
          key,
          label: m(`registerFigures.${key}.label`),
          definition: m(`registerFigures.${key}.definition`),
        })),
        enrolledRow,
      ],
    },
    support,
    {
      key: "forsorjningsgrupper",
      title: m("registerFigures.forsorjningsgrupper.title"),
      definition: `${background} ${m("registerFigures.severalGroupsNote")}`,
      rows: [
        ...Object.keys(SUPPORT_GROUPS).map((group) => ({
          key: `forsorjningsgrupp.${group}`,
          label: m(`registerFigures.forsorjningsgrupper.${group}.label`),
          definition: m(`registerFigures.forsorjningsgrupper.${group}.definition`),
        })),
        enrolledRow,
      ],
    },
    ...otherLists,
    ...yesNoTables,
  ];
  return {
    tables,
    shares: new Map(
      SHARES.map((spec) => [
        spec.key,
        {
          label: m(`registerFigures.share.${spec.key}.label`),
          definition: m(`registerFigures.share.${spec.key}.definition`),
        },
      ]),
    ),
    genderNote: m("registerFigures.genderNote"),
    countingNote,
    allIndividual: m("registerFigures.allIndividual"),
    allStructural: m("registerFigures.allStructural"),
    structuralTable: (periodKeys) => ({
      key: "deltagande",
      title: m("registerFigures.deltagande.title"),
      definition: m("registerFigures.deltagande.definition"),
      rows: [
        ...periodKeys.map((key) => {
          const range = periodRange(key);
          return {
            key: `period.${key}`,
            label: key,
            definition: m("registerFigures.deltagande.period.definition", {
              key,
              from: range?.from ?? "",
              to: range?.to ?? "",
            }),
            partOf: PERIODS_TOTAL,
          };
        }),
        row("deltagande", PERIODS_TOTAL),
      ],
    }),
  };
}

const textsByLocale = new Map<Locale, Texts>();

/** The statistics' texts in `locale` (Swedish unless "en"), built once per language. */
function textsFor(locale: string | undefined): Texts {
  const resolved = localeOf(locale);
  let texts = textsByLocale.get(resolved);
  if (!texts) {
    texts = textsIn(resolved);
    textsByLocale.set(resolved, texts);
  }
  return texts;
}

/**
 * Every table's, row's and share's text in both languages, keyed by the figure — for the tests
 * that check the catalogues hold every figure (a missing key would show as the key itself).
 */
export function statisticsTexts(locale: string, periodKeys: readonly string[] = []) {
  const texts = textsFor(locale);
  return {
    tables: [...texts.tables, texts.structuralTable(periodKeys)],
    shares: [...texts.shares.entries()].map(([key, text]) => ({ key, ...text })),
    notes: [texts.genderNote, texts.countingNote, texts.allIndividual, texts.allStructural],
  };
}

// ---------------------------------------------------------------------------------------------
// Protection of the counts

/** What the statistics are about: the period and the initiatives, in the order shown. */
export interface StatisticsScope {
  readonly period: Period;
  /** Individual initiatives, in the order shown. */
  readonly individual: readonly StatisticsInitiative[];
  /** Structural initiatives (count-only participation), in the order shown. */
  readonly structural: readonly StatisticsInitiative[];
}

const INDIVIDUAL_TOTAL = "+individ";
const STRUCTURAL_TOTAL = "+struktur";

function resolveOptions(options: {
  threshold?: number | undefined;
  allowTrueZero?: boolean | undefined;
}): Resolved {
  const resolved = {
    threshold: options.threshold ?? DEFAULT_DISCLOSURE_THRESHOLD,
    allowTrueZero: options.allowTrueZero ?? false,
  };
  const problem = disclosureOptionsProblem(resolved);
  if (problem) throw new ValidationError({ threshold: problem });
  return resolved;
}

/**
 * Disclosure control of raw counts: the only way from counts to what may leave the register.
 * Every figure goes through protectTable (in every table it is part of), every share through
 * protectShare; see the top of this file.
 */
export function protectStatistics(
  scope: StatisticsScope,
  counts: RawCounts,
  options: { threshold?: number; allowTrueZero?: boolean; locale?: string } = {},
): RegisterStatistics {
  const resolved = resolveOptions(options);
  const t = resolved.threshold;
  const texts = textsFor(options.locale);

  const individual: Universe = {
    units: scope.individual.map((i) => i.id),
    totalUnit: INDIVIDUAL_TOTAL,
    counts: counts.enrollments,
    cubes: INDIVIDUAL_CUBES,
  };
  const structural: Universe = {
    units: scope.structural.map((i) => i.id),
    totalUnit: STRUCTURAL_TOTAL,
    counts: counts.participation,
    cubes: [{ categories: counts.periodKeys.map((k) => `period.${k}`), total: PERIODS_TOTAL }],
  };
  const individualState =
    individual.units.length > 0 ? protectUniverse(individual, resolved) : undefined;
  const structuralState =
    structural.units.length > 0 ? protectUniverse(structural, resolved) : undefined;

  // Every figure shown, once (a figure may stand in several tables), for the summary.
  const shown = new Map<ProtectedUniverse, Map<number, StatisticsCell>>();
  const cellOf = (state: ProtectedUniverse, unit: string, figure: string, g: G): StatisticsCell => {
    const id = state.numbering.find(unit, figure, g);
    const status = id < 0 ? undefined : STATUS_OF[state.status[id] as number];
    if (status === undefined || status === "hidden") {
      throw new Error(
        `statistikens figur ${fid(unit, figure, g)} har inte gått igenom röjandekontrollen`,
      );
    }
    const cell: StatisticsCell =
      status === "published"
        ? { value: state.values[id] ?? 0 }
        : { suppressed: status, threshold: t };
    let own = shown.get(state);
    if (!own) {
      own = new Map();
      shown.set(state, own);
    }
    own.set(id, cell);
    return cell;
  };
  const rowOf = (state: ProtectedUniverse, unit: string, spec: RowSpec): StatisticsRow => ({
    key: spec.key,
    label: spec.label,
    definition: spec.definition,
    ...(spec.partOf ? { partOf: spec.partOf } : {}),
    kvinnor: cellOf(state, unit, spec.key, 0),
    man: cellOf(state, unit, spec.key, 1),
    totalt: cellOf(state, unit, spec.key, 3),
  });
  const shares: ProtectedRatio[] = [];
  const shareOf = (state: ProtectedUniverse, unit: string, spec: ShareSpec): StatisticsShare => {
    const text = texts.shares.get(spec.key);
    if (!text) throw new Error(`andelen ${spec.key} saknar text`);
    const numeratorId = state.numbering.find(unit, ...spec.numerator);
    const denominatorId = state.numbering.find(unit, ...spec.denominator);
    const countAt = (id: number) => (id < 0 ? 0 : (state.values[id] ?? 0));
    let share = protectShare(countAt(numeratorId), countAt(denominatorId), resolved).share;
    // A share and one published count give back the other count: both must be published.
    const published = (id: number) => id >= 0 && state.status[id] === PUBLISHED;
    if ("ratio" in share && !(published(numeratorId) && published(denominatorId))) {
      share = { suppressed: "numerator", threshold: t };
    }
    shares.push(share);
    return { key: spec.key, label: text.label, definition: text.definition, share };
  };

  const individualOf = (
    state: ProtectedUniverse,
    unit: string,
    initiative: StatisticsInitiative | null,
  ): IndividualStatistics => ({
    initiative,
    name: initiative?.name ?? texts.allIndividual,
    tables: texts.tables.map((table) => ({
      key: table.key,
      title: table.title,
      definition: table.definition,
      rows: table.rows.map((row) => rowOf(state, unit, row)),
    })),
    shares: SHARES.map((spec) => shareOf(state, unit, spec)),
  });

  const structuralTable = texts.structuralTable(counts.periodKeys);
  const structuralOf = (
    state: ProtectedUniverse,
    unit: string,
    initiative: StatisticsInitiative | null,
  ): StructuralStatistics => ({
    initiative,
    name: initiative?.name ?? texts.allStructural,
    table: {
      key: structuralTable.key,
      title: structuralTable.title,
      definition: structuralTable.definition,
      rows: structuralTable.rows.map((row) => rowOf(state, unit, row)),
    },
  });

  const result = {
    period: { from: scope.period.from, to: scope.period.to },
    threshold: t,
    allowTrueZero: resolved.allowTrueZero,
    genderNote: texts.genderNote,
    countingNote: texts.countingNote,
    individual: individualState
      ? scope.individual.map((i) => individualOf(individualState, i.id, i))
      : [],
    individualTotal: individualState ? individualOf(individualState, INDIVIDUAL_TOTAL, null) : null,
    structural: structuralState
      ? scope.structural.map((i) => structuralOf(structuralState, i.id, i))
      : [],
    structuralTotal: structuralState ? structuralOf(structuralState, STRUCTURAL_TOTAL, null) : null,
  };
  const cells: ProtectedCell[] = [];
  let leftOut = 0;
  for (const cell of [...shown.values()].flatMap((own) => [...own.values()])) {
    if ("suppressed" in cell && cell.suppressed === "left_out") leftOut++;
    else cells.push(cell as ProtectedCell);
  }
  const tablesLeftOut = [
    ...(individualState?.leftOutTables ?? []),
    ...(structuralState?.leftOutTables ?? []),
  ].map((table) => ({ cells: [], marginsLeftOut: table.marginsLeftOut }));
  const disclosure = summarizeDisclosure(
    [...cells, ...shares, ...tablesLeftOut],
    resolved,
    localeOf(options.locale),
  );
  return { ...result, disclosure, leftOut };
}

/** A published figure as text: "< 5", "..", Swedish numbers, or a percentage. */
export function formatStatistic(
  item: StatisticsCell | ProtectedRatio,
  locale?: string,
  decimals = 0,
): string {
  if ("suppressed" in item && item.suppressed === "left_out") return "..";
  return formatProtected(item as ProtectedCell | ProtectedRatio, locale, decimals);
}

// ---------------------------------------------------------------------------------------------
// Reading the register

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) =>
  DATE.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Refuses a statistics period that is not two real dates in order (Swedish messages). */
export function checkPeriod(from: string, to: string): void {
  const problems: Record<string, string> = {};
  if (!isDate(from))
    problems.from = `Periodens första dag ska vara ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-01-01; fick "${from}".`;
  if (!isDate(to))
    problems.to = `Periodens sista dag ska vara ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-06-30; fick "${to}".`;
  if (!problems.from && !problems.to && from > to)
    problems.to = `Periodens sista dag (${to}) ligger före dess första dag (${from}). Byt plats på datumen.`;
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
}

/**
 * No code figuresOf compares a background or exit value with is JSON text itself, so none is the
 * text `->>` gives of a JSON number, boolean, array or object — always JSON text (readFacts
 * relies on it).
 */
const CODES_ARE_PLAIN = [
  ...codesOf(EDUCATION),
  ...codesOf(TIME_ON_SUPPORT),
  ...codesOf(OCCUPATION_BEFORE),
  ...codesOf(REFERRER),
  ...codesOf(EXIT_STATUS),
  ...WORK_EXIT,
  "felregistrering",
  "studier",
  "arbetssokande",
].every((code) => {
  try {
    JSON.parse(code);
    return false;
  } catch {
    return true;
  }
});
if (!CODES_ARE_PLAIN) throw new Error("en kod i registrets kodlistor ser ut som ett JSON-värde");

/** One enrollment's statistical fields as read (readFacts); dates as ÅÅÅÅ-MM-DD text. */
interface FactRow {
  /** The initiative's place in the list asked for. */
  readonly i: number;
  readonly gender: string;
  readonly birth_year: number | null;
  readonly start_date: string;
  readonly end_date: string | null;
  readonly action_plan_date: string | null;
  readonly education: string | null;
  readonly support_before: unknown;
  readonly time_on_support: string | null;
  readonly occupation_before: string | null;
  readonly referrer: string | null;
  readonly exit_status: string | null;
  /** The yes/no values and whether there is an exit, as digits: see FLAGS. */
  readonly flags: number;
}

/**
 * The yes/no values of an enrollment read as one number (so many fewer values to parse): a
 * base-3 digit each (0 neither, 1 true, 2 false), but whether it has an exit, a base-2 digit.
 * Each with the place value of its digit.
 */
const FLAGS = {
  bornAbroad: 1,
  disability: 3,
  newlyArrived: 9,
  exited: 27,
  studies: 54,
  actionPlanAtExit: 162,
} as const;
const YES_NO_DIGIT = [null, true, false] as const;
const yesNoAt = (flags: number, place: number): boolean | null =>
  YES_NO_DIGIT[Math.floor(flags / place) % 3] as boolean | null;

/**
 * The enrollments of the initiatives `ids` that started by the period's end, not voided, as the
 * facts figuresOf counts. Of the background and exit only the keys counted are read, each as
 * much as figuresOf looks at: a code as its text (`->>`; absent or JSON null as null), a yes/no
 * as true or false when it is that JSON boolean (anything else as null — neither "ja" nor
 * "nej"), försörjning före as its JSON value (figuresOf picks the codes out of it). A code read
 * as text counts exactly as its JSON did: figuresOf only ever compares it with codes, and no
 * code is the text of a JSON value that is not a string (a number, true, false, an array or an
 * object) — CODES_ARE_PLAIN checks that of every code list.
 */
async function readFacts(
  tx: Tx,
  associationId: string,
  ids: readonly string[],
  period: Period,
): Promise<EnrollmentFact[]> {
  const code = (column: SQL, key: string) => sql`${column} ->> ${sql.raw(`'${key}'`)}`;
  const yesNo = (column: SQL, key: keyof typeof FLAGS) =>
    sql`${sql.raw(String(FLAGS[key]))} * case ${column} -> ${sql.raw(`'${key}'`)} when 'true'::jsonb then 1 when 'false'::jsonb then 2 else 0 end`;
  const b = sql`e.background`;
  const x = sql`e.exit`;
  // Row-level security hides the table statistics from the planner (it expects one row), so it
  // looks every participant up one by one, checking the policy for each; reading the
  // controllers' participants once (their index) and joining in memory is two to three times
  // faster. For this transaction only: the statistics read is the last thing it does but one.
  await tx.execute(sql`set local enable_nestloop = off`);
  const query = sql`
    select
      array_position(array[${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[], e.initiative_id) - 1 as i,
      p.gender, p.birth_year, e.start_date, e.end_date, e.action_plan_date,
      ${code(b, "education")} as education,
      ${b} -> 'supportBefore' as support_before,
      ${code(b, "timeOnSupport")} as time_on_support,
      ${code(b, "occupationBefore")} as occupation_before,
      ${code(b, "referrer")} as referrer,
      ${code(x, "status")} as exit_status,
      ${yesNo(b, "bornAbroad")} + ${yesNo(b, "disability")} + ${yesNo(b, "newlyArrived")}
        + case when ${x} is null then 0 else ${sql.raw(String(FLAGS.exited))} end
        + ${yesNo(x, "studies")} + ${yesNo(x, "actionPlanAtExit")} as flags
    from ${enrollments} e
    join ${participants} p on p.id = e.participant_id
    where e.association_id = ${associationId}
      and e.initiative_id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})
      and e.start_date <= ${period.to}
      and e.voided = false`;
  const result = await tx.execute<Record<string, unknown>>(query);
  const rows = result.rows as unknown as readonly FactRow[];
  const facts: EnrollmentFact[] = new Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k] as FactRow;
    facts[k] = {
      initiativeId: ids[r.i] as string,
      gender: r.gender,
      birthYear: r.birth_year,
      startDate: r.start_date,
      endDate: r.end_date,
      actionPlanDate: r.action_plan_date,
      background: {
        education: r.education,
        supportBefore: r.support_before,
        timeOnSupport: r.time_on_support,
        occupationBefore: r.occupation_before,
        referrer: r.referrer,
        bornAbroad: yesNoAt(r.flags, FLAGS.bornAbroad),
        disability: yesNoAt(r.flags, FLAGS.disability),
        newlyArrived: yesNoAt(r.flags, FLAGS.newlyArrived),
      },
      exit:
        Math.floor(r.flags / FLAGS.exited) % 2 === 1
          ? {
              status: r.exit_status,
              studies: yesNoAt(r.flags, FLAGS.studies),
              actionPlanAtExit: yesNoAt(r.flags, FLAGS.actionPlanAtExit),
            }
          : null,
      voided: false,
    };
  }
  return facts;
}

/**
 * The association's participant statistics for a period: every individual initiative and all of
 * them together, and the count-only participation of the structural ones, after disclosure
 * control. Reads the register inside the register zone with a scope covering the initiatives'
 * owners (the statistics path is the only one that reads across data controllers) and returns
 * protected cells only.
 */
export async function registerStatistics(
  db: Db,
  associationId: string,
  options: StatisticsOptions,
): Promise<RegisterStatistics> {
  checkPeriod(options.from, options.to);
  // the association's own disclosure control, unless the caller names another (tests)
  const own =
    options.threshold === undefined || options.allowTrueZero === undefined
      ? await getDisclosureSettings(db, associationId)
      : undefined;
  const resolved = resolveOptions({
    threshold: options.threshold ?? own?.threshold,
    allowTrueZero: options.allowTrueZero ?? own?.allowTrueZero,
  });
  const period: Period = { from: options.from, to: options.to };
  const wanted = options.initiativeIds ?? "all";
  const asked = wanted === "all" ? [] : [...new Set(wanted)];
  const askedIds = asked.filter((id) => UUID.test(id));
  const rows =
    wanted !== "all" && askedIds.length === 0
      ? []
      : await db
          .select({
            id: initiatives.id,
            name: initiatives.name,
            ownerId: initiatives.ownerOrganisationId,
            status: initiatives.status,
            orientation: initiatives.orientation,
            preRehabilitation: initiatives.preRehabilitation,
            startDate: initiatives.startDate,
            endDate: initiatives.endDate,
          })
          .from(initiatives)
          .where(
            wanted === "all"
              ? eq(initiatives.associationId, associationId)
              : and(
                  eq(initiatives.associationId, associationId),
                  inArray(initiatives.id, askedIds),
                ),
          );
  const found = new Set(rows.map((r) => r.id));
  const missing = asked.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new NotFoundError(
      missing.length === 1
        ? "Insatsen finns inte i förbundet. Kontrollera insatsens id."
        : `${missing.length} av insatserna finns inte i förbundet. Kontrollera insatsernas id.`,
    );
  const selected = rows
    .filter(
      (r) =>
        wanted !== "all" ||
        (r.status !== "ansokan" &&
          r.status !== "avslagen" &&
          r.startDate !== null &&
          r.startDate <= period.to &&
          (r.endDate === null || r.endDate >= period.from)),
    )
    .sort((a, b) => a.name.localeCompare(b.name, "sv") || a.id.localeCompare(b.id));
  const meta = (r: (typeof selected)[number]): StatisticsInitiative => ({
    id: r.id,
    name: r.name,
    orientation: r.orientation,
    preRehabilitation: r.preRehabilitation,
    startDate: r.startDate,
    endDate: r.endDate,
  });
  const scope: StatisticsScope = {
    period,
    individual: selected.filter((r) => r.orientation === "individual").map(meta),
    structural: selected.filter((r) => r.orientation === "structural").map(meta),
  };
  const ids = selected.map((r) => r.id);
  const counts =
    ids.length === 0
      ? countRegister([], [], period)
      : await inRegister(
          db,
          { controllers: [...new Set(selected.map((r) => r.ownerId))], initiatives: ids },
          async (tx) => {
            // statistical fields only: no participant id, identity, name or consent — and of
            // the background and exit only the keys counted, each reduced in the database to
            // what figuresOf reads of it (readFacts). Enrollments that count in no figure
            // (voided, or started after the period: figuresOf) are not read at all.
            const facts = await readFacts(tx, associationId, ids, period);
            const participation = await tx
              .select({
                initiativeId: countOnlyParticipation.initiativeId,
                periodKey: countOnlyParticipation.periodKey,
                women: countOnlyParticipation.women,
                men: countOnlyParticipation.men,
                others: countOnlyParticipation.others,
              })
              .from(countOnlyParticipation)
              .where(
                and(
                  eq(countOnlyParticipation.associationId, associationId),
                  inArray(countOnlyParticipation.initiativeId, ids),
                ),
              );
            return countRegister(facts, participation, period);
          },
        );
  return protectStatistics(scope, counts, { ...resolved, locale: options.locale });
}
