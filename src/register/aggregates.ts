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
// shown as a column of their own but count in totalt. Each row carries its definition in Swedish.
//
// HOW IT IS PROTECTED. The figures form linked tables: the same count appears in several tables
// (the total of one initiative is a row of the table of all initiatives; "till arbete och/eller
// studier" is a row of the exit table and the total of work plus studies; "pågående" is "hela
// insatstiden" minus "avslutade hela insatstiden"). disclosure.ts protects one two-dimensional
// table and leaves consistency between tables to its caller, so the figures are organised here
// as *cubes*: initiative × category × gender, whose categories partition the cube's total (a
// tree of partitions: exits → to work/studies → work → kind of work; education → ISCED group →
// level). Every two-dimensional slice of every cube goes through protectTable with all its
// margins; a figure is published only if no slice hid it, and then the count rule of
// disclosure.ts (a line with a total never has exactly one hidden figure — suppressed or a
// margin left out) is applied across all slices until nothing changes. Hiding more than protectTable chose never makes a slice less
// safe (an attacker only learns less), so every slice keeps protectTable's proof, and no figure
// hidden in one table is published in another. Multi-valued lists (försörjning före: several per
// person) have no total over their categories, so their slices show no such total. A share is
// shown only when protectShare allows it and both its counts are published in the cubes.
import { and, eq, inArray } from "drizzle-orm";
import { initiatives } from "../initiatives/schema.ts";
import type { Db } from "../platform/database/connect.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import {
  EDUCATION,
  EDUCATION_ISCED,
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
  /** What exactly is counted, in Swedish. */
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
  /** Who the table is about, in Swedish. */
  readonly definition: string;
  readonly rows: readonly StatisticsRow[];
}

export interface StatisticsShare {
  readonly key: string;
  readonly label: string;
  /** Numerator ÷ denominator, in Swedish. */
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
  /** How the gender columns are to be read, in Swedish. */
  readonly genderNote: string;
  /** How enrollments are counted, in Swedish. */
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
  /** The association's disclosure threshold; default 5, 0 turns disclosure control off. */
  readonly threshold?: number;
  /** Whether a true 0 may be shown as 0 (default false: shown as "< 5"). */
  readonly allowTrueZero?: boolean;
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

const GENDER_NOTE =
  "Kvinnor och män visas var för sig. Annan (icke-binär), vill ej ange och uppgift saknas visas inte som egen kolumn men räknas i totalt.";
const COUNTING_NOTE =
  "Varje inskrivning räknas för sig: den som är inskriven i flera insatser, eller flera gånger i samma insats, räknas en gång per inskrivning. Felregistreringar räknas aldrig. Anonymt registrerade deltagare och deltagare vars identitet har gallrats räknas i alla summor.";

const MISSING_LABEL = "uppgift saknas";

/** The age groups at start, with the reported "under 30" and "55 år eller äldre". */
const AGE_ROWS: ReadonlyArray<readonly [string, string, number, number]> = [
  ["alder.under_16", "under 16 år", Number.NEGATIVE_INFINITY, 15],
  ["alder.16_19", "16–19 år", 16, 19],
  ["alder.20_24", "20–24 år", 20, 24],
  ["alder.25_29", "25–29 år", 25, 29],
  ["alder.30_39", "30–39 år", 30, 39],
  ["alder.40_49", "40–49 år", 40, 49],
  ["alder.50_54", "50–54 år", 50, 54],
  ["alder.55_64", "55–64 år", 55, 64],
  ["alder.65_plus", "65 år eller äldre", 65, Number.POSITIVE_INFINITY],
];
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

const YES_NO_LISTS = [
  ["fodd_utomlands", "bornAbroad", "Född utomlands"],
  ["funktionsnedsattning", "disability", "Funktionsnedsättning"],
  ["nyanland", "newlyArrived", "Nyanländ (etableringsprogrammet)"],
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
  if (!isCounted(e) || e.startDate > period.to) return [];
  const figures: string[] = [FIGURE.whole];
  const end = e.endDate;
  if (e.startDate >= period.from) figures.push(FIGURE.started);
  figures.push(end !== null && end <= period.to ? FIGURE.exitedWhole : FIGURE.ongoing);
  if (end !== null && end >= period.from && end <= period.to) {
    figures.push(FIGURE.exited, ...exitFigures(e, end));
  }
  if (end === null || end >= period.from) {
    figures.push(FIGURE.enrolled, ...backgroundFigures(e));
  }
  return figures;
}

function exitFigures(e: EnrollmentFact, end: string): string[] {
  const exit = e.exit ?? {};
  const status = typeof exit.status === "string" ? exit.status : "";
  const studies = exit.studies === true;
  const working = (WORK_EXIT as readonly string[]).includes(status);
  const figures: string[] = [];
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
  return figures;
}

function backgroundFigures(e: EnrollmentFact): string[] {
  const b = e.background;
  const figures: string[] = [];
  // age at start
  if (e.birthYear === null) figures.push(AGE_MISSING);
  else {
    const age = Number(e.startDate.slice(0, 4)) - e.birthYear;
    if (age < 30) figures.push(AGE_UNDER_30);
    if (age >= 55) figures.push(AGE_55_PLUS);
    const row = AGE_ROWS.find(([, , from, to]) => age >= from && age <= to);
    if (row) figures.push(row[0]);
  }
  // education, with its ISCED group
  const education = codeIn(EDUCATION, b.education) as keyof typeof EDUCATION;
  const isced = EDUCATION_ISCED[education];
  figures.push(isced === null ? ISCED.unknown : ISCED[isced]);
  if (education !== "gymnasial") figures.push(educationFigure(education));
  if (isced === "0-2" && education !== "saknas") figures.push(PRE_SECONDARY);
  // support before: several per person, and its groups
  const given = Array.isArray(b.supportBefore)
    ? b.supportBefore.filter(
        (s): s is keyof typeof SUPPORT => typeof s === "string" && Object.hasOwn(SUPPORT, s),
      )
    : [];
  const supports = new Set(given.length > 0 ? given : [MISSING]);
  for (const s of supports) figures.push(`forsorjning.${s}`);
  for (const [group, members] of Object.entries(SUPPORT_GROUPS)) {
    if (members.some((m) => supports.has(m))) figures.push(`forsorjningsgrupp.${group}`);
  }
  figures.push(`tid.${codeIn(TIME_ON_SUPPORT, b.timeOnSupport)}`);
  figures.push(`sysselsattning.${codeIn(OCCUPATION_BEFORE, b.occupationBefore)}`);
  figures.push(`remittent.${codeIn(REFERRER, b.referrer)}`);
  for (const [key, field] of YES_NO_LISTS) {
    const value = b[field];
    figures.push(`${key}.${value === true ? "ja" : value === false ? "nej" : MISSING}`);
  }
  return figures;
}

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
  const current = figures.get(key) ?? [0, 0, 0];
  figures.set(key, [current[0] + counts[0], current[1] + counts[1], current[2] + counts[2]]);
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
  for (const e of facts) {
    const one: [number, number, number] = [0, 0, 0];
    one[genderIndex(e.gender)] = 1;
    for (const figure of figuresOf(e, period)) add(counted, e.initiativeId, figure, one);
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

const fid = (unit: string, figure: string, g: G): string => `${unit}|${figure}|${g}`;

function valueIn(universe: Universe, unit: string, figure: string, g: G): number {
  const units = unit === universe.totalUnit ? universe.units : [unit];
  let sum = 0;
  for (const u of units) {
    const counts = universe.counts.get(u)?.get(figure);
    if (!counts) continue;
    sum += g === 3 ? counts[0] + counts[1] + counts[2] : counts[g];
  }
  return sum;
}

/** Where an entry of a slice is in its universe: initiative (or the total), figure, gender. */
type At = readonly [unit: string, figure: string, g: G];

/** A two-dimensional slice of a cube, with the margins it shows. */
interface SliceSpec {
  readonly rows: number;
  readonly columns: number;
  readonly entry: (row: number, column: number) => At;
  /** Present when the slice shows row totals (and so for the grand total, both). */
  readonly rowTotal?: (row: number) => At;
  readonly columnTotal?: (column: number) => At;
  readonly grand?: At;
  readonly hiddenRows: readonly number[];
  readonly hiddenColumns: readonly number[];
}

/** A slice as handed to protectTable, with the figure of each entry. */
interface Slice {
  readonly table: CountTable;
  readonly cellIds: readonly (readonly string[])[];
  readonly rowTotalIds: readonly string[] | null;
  readonly columnTotalIds: readonly string[] | null;
  readonly grandId: string | null;
}

function slicesOf(universe: Universe): { slices: Slice[]; values: Map<string, number> } {
  const { units, totalUnit } = universe;
  const values = new Map<string, number>();
  const idOf = (at: At): string => {
    const id = fid(...at);
    const value = valueIn(universe, ...at);
    const known = values.get(id);
    if (known !== undefined && known !== value) {
      throw new Error(`statistikens figur ${id} har två värden (${known} och ${value})`);
    }
    values.set(id, value);
    return id;
  };
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const slices: Slice[] = [];
  const make = (spec: SliceSpec) => {
    const cellIds = range(spec.rows).map((i) =>
      range(spec.columns).map((j) => idOf(spec.entry(i, j))),
    );
    const cells = cellIds.map((line) => line.map((id) => values.get(id) ?? 0));
    const rowTotalIds = spec.rowTotal
      ? range(spec.rows).map((i) => idOf(spec.rowTotal?.(i) as At))
      : null;
    const columnTotalIds = spec.columnTotal
      ? range(spec.columns).map((j) => idOf(spec.columnTotal?.(j) as At))
      : null;
    const grandId = spec.grand ? idOf(spec.grand) : null;
    // protectTable computes the margins from the cells: they must be the figures themselves
    rowTotalIds?.forEach((id, i) => {
      assertSum(id, values.get(id) ?? 0, cells[i] ?? []);
    });
    columnTotalIds?.forEach((id, j) => {
      assertSum(
        id,
        values.get(id) ?? 0,
        cells.map((line) => line[j] ?? 0),
      );
    });
    if (grandId && rowTotalIds) {
      assertSum(
        grandId,
        values.get(grandId) ?? 0,
        rowTotalIds.map((id) => values.get(id) ?? 0),
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
        hiddenRows: spec.hiddenRows,
        hiddenColumns: spec.hiddenColumns,
      },
      cellIds,
      rowTotalIds,
      columnTotalIds,
      grandId,
    });
  };
  const done = new Set<string>();
  for (const cube of universe.cubes) {
    const hidden = new Set(cube.hidden ?? []);
    const categories = cube.categories;
    const hiddenCategories = categories.flatMap((c, i) => (hidden.has(c) ? [i] : []));
    const total = cube.total;
    const category = (i: number) => categories[i] as string;
    const unitAt = (i: number) => units[i] as string;
    // (a) per initiative and for all of them: categories × gender (the others hidden)
    if (categories.length > 0) {
      for (const unit of [...units, totalUnit]) {
        make({
          rows: categories.length,
          columns: 3,
          entry: (i, j) => [unit, category(i), j as G],
          rowTotal: (i) => [unit, category(i), 3],
          ...(total !== null
            ? { columnTotal: (j) => [unit, total, j as G], grand: [unit, total, 3] }
            : {}),
          hiddenRows: hiddenCategories,
          hiddenColumns: [2],
        });
      }
    }
    if (units.length === 0) continue;
    // (b) per category and for the total: initiatives × gender
    for (const figure of total === null ? categories : [...categories, total]) {
      if (hidden.has(figure) || done.has(figure)) continue;
      done.add(figure);
      make({
        rows: units.length,
        columns: 3,
        entry: (i, j) => [unitAt(i), figure, j as G],
        rowTotal: (i) => [unitAt(i), figure, 3],
        columnTotal: (j) => [totalUnit, figure, j as G],
        grand: [totalUnit, figure, 3],
        hiddenRows: [],
        hiddenColumns: [2],
      });
    }
    // (c) for women, men and everyone: initiatives × categories
    if (categories.length === 0) continue;
    for (const g of [0, 1, 3] as const) {
      make({
        rows: units.length,
        columns: categories.length,
        entry: (i, j) => [unitAt(i), category(j), g],
        ...(total !== null
          ? { rowTotal: (i) => [unitAt(i), total, g], grand: [totalUnit, total, g] }
          : {}),
        columnTotal: (j) => [totalUnit, category(j), g],
        hiddenRows: [],
        hiddenColumns: hiddenCategories,
      });
    }
  }
  return { slices, values };
}

function assertSum(id: string, total: number, parts: readonly number[]): void {
  const sum = parts.reduce((a, b) => a + b, 0);
  if (sum !== total) {
    throw new Error(`statistikens figur ${id} är ${total} men dess delar är ${sum} tillsammans`);
  }
}

type Status = "published" | "primary" | "secondary" | "left_out" | "hidden";

interface Resolved {
  readonly threshold: number;
  readonly allowTrueZero: boolean;
}

interface ProtectedUniverse {
  readonly status: ReadonlyMap<string, Status>;
  readonly values: ReadonlyMap<string, number>;
  /** The slices that had to leave out a margin (for the summary). */
  readonly leftOutTables: readonly ProtectedTable[];
}

const RANK: Record<Status, number> = {
  published: 0,
  hidden: 0,
  primary: 1,
  secondary: 1,
  left_out: 2,
};

/**
 * Protects every slice with protectTable, merges what each hid, and applies the count rule
 * across all slices: the status of every figure of the universe.
 */
function protectUniverse(universe: Universe, options: Resolved): ProtectedUniverse {
  const { slices, values } = slicesOf(universe);
  const status = new Map<string, Status>();
  const raise = (id: string, to: Status) => {
    const now = status.get(id);
    if (now === undefined || RANK[to] > RANK[now]) status.set(id, to);
  };
  const hiddenIds = new Set<string>();
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
        if (hiddenRows.has(i) || hiddenColumns.has(j)) hiddenIds.add(id);
      });
    });
    for (const i of hiddenRows) {
      const id = slice.rowTotalIds?.[i];
      if (id) hiddenIds.add(id);
    }
    for (const j of hiddenColumns) {
      const id = slice.columnTotalIds?.[j];
      if (id) hiddenIds.add(id);
    }
    const result = protectTable(slice.table, options);
    const take = (id: string | null | undefined, cell: ProtectedCell | undefined) => {
      if (id && cell) raise(id, "suppressed" in cell ? cell.suppressed : "published");
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
    const idsOf = (margin: Margin): string[] =>
      margin === "rowTotals"
        ? rows.map((i) => slice.rowTotalIds?.[i] ?? "")
        : margin === "columnTotals"
          ? columns.map((j) => slice.columnTotalIds?.[j] ?? "")
          : [slice.grandId ?? ""];
    for (const margin of result.marginsLeftOut) {
      for (const id of idsOf(margin)) if (id) raise(id, "left_out");
    }
    if (result.marginsLeftOut.length > 0) leftOutTables.push(result);
  }
  for (const id of hiddenIds) status.set(id, "hidden");

  // The count rule across all slices (disclosure.ts, step 2): in a line, one unknown entry —
  // suppressed, or a margin some slice left out — or none and a single hidden one of 1..t−1 is
  // too few; hide the smallest published non-zero entry (cells before the total). Unlike within
  // one table, a left-out margin is no free unknown here: it is left out everywhere, but its
  // parts may all be published in another slice ("hela insatstiden" left out of the table of
  // all initiatives, "avslutade" 0 and "pågående" 3 shown in the initiative's own), so it
  // counts like a suppressed entry.
  const lines: string[][] = [];
  for (const slice of slices) {
    const { rowTotalIds, columnTotalIds, grandId } = slice;
    if (rowTotalIds)
      slice.cellIds.forEach((line, i) => {
        lines.push([...line, rowTotalIds[i] as string]);
      });
    if (columnTotalIds)
      columnTotalIds.forEach((id, j) => {
        lines.push([...slice.cellIds.map((line) => line[j] as string), id]);
      });
    if (rowTotalIds && grandId) lines.push([...rowTotalIds, grandId]);
    if (columnTotalIds && grandId) lines.push([...columnTotalIds, grandId]);
  }
  const statusOf = (id: string): Status => status.get(id) ?? "published";
  const count = (id: string): number => values.get(id) ?? 0;
  const t = options.threshold;
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const states = line.map(statusOf);
      const unknown = states.filter(
        (s) => s === "primary" || s === "secondary" || s === "left_out",
      ).length;
      const hidden = line.filter((id) => statusOf(id) === "hidden");
      const lone = hidden.length === 1 ? count(hidden[0] as string) : 0;
      if (!(unknown === 1 || (unknown === 0 && lone >= 1 && lone < t))) continue;
      let pick: string | undefined;
      for (const id of line) {
        if (statusOf(id) !== "published" || count(id) === 0) continue;
        if (pick === undefined || count(id) < count(pick)) pick = id;
      }
      if (pick !== undefined) {
        status.set(pick, "secondary");
        changed = true;
      }
    }
  }
  return { status, values, leftOutTables };
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

const ENROLLED_DEFINITION =
  "Inskrivningar som pågått någon dag under perioden: startdatum senast periodens sista dag och inget slutdatum, eller slutdatum tidigast periodens första dag.";
const BACKGROUND_DEFINITION = `Bakgrund vid start bland inskrivna under perioden. ${ENROLLED_DEFINITION}`;
const enrolledRow: RowSpec = {
  key: FIGURE.enrolled,
  label: "Inskrivna under perioden (totalt)",
  definition: ENROLLED_DEFINITION,
};

/**
 * A background table of one code list: a row per code, then the total. `what` names the field
 * in a definition ("försörjningen", "remitterande part").
 */
const listTable = (
  key: string,
  title: string,
  prefix: string,
  list: Record<string, string>,
  what: string,
  several = false,
): TableSpec => ({
  key,
  title,
  definition: several
    ? `${BACKGROUND_DEFINITION} Flera kan gälla samma person, så raderna summerar inte till totalen.`
    : BACKGROUND_DEFINITION,
  rows: [
    ...Object.entries(list).map(([code, word]) => ({
      key: `${prefix}.${code}`,
      label: word,
      definition:
        code === MISSING
          ? `Inskrivna under perioden där ${what} inte är registrerad.`
          : several
            ? `Inskrivna under perioden med ${what} ${word}, ensam eller tillsammans med annan.`
            : `Inskrivna under perioden med ${what} ${word}.`,
    })),
    enrolledRow,
  ],
});

/** A yes/no variable at start (the optional ESF+ variables). */
const yesNoTable = (key: string, title: string): TableSpec => ({
  key,
  title,
  definition: `${BACKGROUND_DEFINITION} Variabeln registreras bara om förbundet har valt att fråga efter den.`,
  rows: [
    {
      key: `${key}.ja`,
      label: "ja",
      definition: `Inskrivna under perioden där ${title.toLocaleLowerCase("sv")} är registrerat som ja.`,
    },
    {
      key: `${key}.nej`,
      label: "nej",
      definition: `Inskrivna under perioden där ${title.toLocaleLowerCase("sv")} är registrerat som nej.`,
    },
    {
      key: `${key}.${MISSING}`,
      label: MISSING_LABEL,
      definition: `Inskrivna under perioden där ${title.toLocaleLowerCase("sv")} inte är registrerat.`,
    },
    enrolledRow,
  ],
});

const TABLES: readonly TableSpec[] = [
  {
    key: "deltagare",
    title: "Deltagare",
    definition: COUNTING_NOTE,
    rows: [
      {
        key: FIGURE.started,
        label: "Startade under perioden",
        definition:
          "Inskrivningar med startdatum från och med periodens första dag till och med dess sista dag.",
      },
      {
        key: FIGURE.whole,
        label: "Deltagare hela insatstiden",
        definition:
          "Inskrivningar med startdatum från insatsens start till och med periodens sista dag.",
      },
      {
        key: FIGURE.exitedWhole,
        label: "Avslutade hela insatstiden",
        definition: "Av deltagarna hela insatstiden: de med slutdatum senast periodens sista dag.",
        partOf: FIGURE.whole,
      },
      {
        key: FIGURE.ongoing,
        label: "Pågående vid periodens slut",
        definition:
          "Deltagare hela insatstiden minus avslutade hela insatstiden: startdatum senast periodens sista dag och inget slutdatum, eller slutdatum efter den.",
        partOf: FIGURE.whole,
      },
      {
        key: FIGURE.exited,
        label: "Avslutade under perioden",
        definition:
          "Inskrivningar med slutdatum från och med periodens första dag till och med dess sista dag.",
      },
      { ...enrolledRow, label: "Inskrivna under perioden" },
    ],
  },
  {
    key: "avslut",
    title: "Avslutade under perioden efter status vid avslut",
    definition:
      "Inskrivningar med slutdatum under perioden, efter status vid avslut. Arbete, studier utan arbete, arbetssökande och övriga avslutade summerar till avslutade under perioden; den som både arbetar och studerar räknas en gång, under arbete.",
    rows: [
      {
        key: "arbete_ej_subventionerat",
        label: "Arbete, ej subventionerat",
        definition: "Avslutade under perioden till arbete utan subvention.",
        partOf: FIGURE.work,
      },
      {
        key: "arbete_subventionerat",
        label: "Subventionerat arbete",
        definition:
          "Avslutade under perioden till subventionerat arbete: lönebidrag, nystartsjobb och liknande.",
        partOf: FIGURE.work,
      },
      {
        key: "eget_foretag",
        label: "Eget företag",
        definition: "Avslutade under perioden till eget företag.",
        partOf: FIGURE.work,
      },
      {
        key: FIGURE.work,
        label: "Arbete, alla former",
        definition:
          "Avslutade under perioden till arbete: ej subventionerat, subventionerat eller eget företag, med eller utan studier.",
        partOf: FIGURE.toWorkOrStudies,
      },
      {
        key: FIGURE.both,
        label: "varav både arbete och studier",
        definition:
          "Av dem som avslutades till arbete: de som också studerar. Ingår redan i arbete; visas för information och läggs aldrig till.",
        partOf: FIGURE.work,
      },
      {
        key: FIGURE.studiesOnly,
        label: "Studier (utan arbete)",
        definition: "Avslutade under perioden till studier utan arbete.",
        partOf: FIGURE.toWorkOrStudies,
      },
      {
        key: FIGURE.toWorkOrStudies,
        label: "Till arbete och/eller studier",
        definition:
          "Avslutade under perioden till arbete (alla former) eller studier; den som både arbetar och studerar räknas en gång.",
        partOf: FIGURE.exited,
      },
      {
        key: FIGURE.jobSeeking,
        label: "Arbetssökande",
        definition:
          "Avslutade under perioden som aktivt arbetssökande, varken i arbete eller studier.",
        partOf: FIGURE.exited,
      },
      {
        key: FIGURE.otherExit,
        label: "Övriga avslutade",
        definition:
          "Avslutade under perioden av annat skäl: annan insats, sjukskriven/ohälsa, föräldraledig, flyttat, avbrutit, kontakt upphört, avliden eller annat.",
        partOf: FIGURE.exited,
      },
      {
        key: FIGURE.actionPlan,
        label: "Med handlingsplan mot arbete eller studier",
        definition:
          "Av de avslutade under perioden: de som hade en handlingsplan mot arbete eller studier vid avslutet (angivet vid avslutet, eller ett datum för handlingsplanen senast slutdatumet när inget annat angavs).",
        partOf: FIGURE.exited,
      },
      {
        key: FIGURE.exited,
        label: "Avslutade under perioden (totalt)",
        definition:
          "Inskrivningar med slutdatum från och med periodens första dag till och med dess sista dag. Felregistreringar räknas aldrig.",
      },
    ],
  },
  {
    key: "alder",
    title: "Ålder vid start",
    definition: `${BACKGROUND_DEFINITION} Ålder vid start är startdatumets år minus födelseåret.`,
    rows: [
      {
        key: AGE_UNDER_30,
        label: "under 30 år",
        definition: "Inskrivna under perioden som var yngre än 30 år vid start.",
      },
      ...AGE_ROWS.slice(0, 4).map(([key, label]) => ({
        key,
        label,
        definition: `Inskrivna under perioden som var ${label.replace(" år", "")} år vid start.`,
        partOf: AGE_UNDER_30,
      })),
      ...AGE_ROWS.slice(4, 7).map(([key, label]) => ({
        key,
        label,
        definition: `Inskrivna under perioden som var ${label.replace(" år", "")} år vid start.`,
      })),
      {
        key: AGE_55_PLUS,
        label: "55 år eller äldre",
        definition: "Inskrivna under perioden som var 55 år eller äldre vid start.",
      },
      ...AGE_ROWS.slice(7).map(([key, label]) => ({
        key,
        label,
        definition: `Inskrivna under perioden som var ${label.replace(" år", "")} år vid start.`,
        partOf: AGE_55_PLUS,
      })),
      {
        key: AGE_MISSING,
        label: MISSING_LABEL,
        definition: "Inskrivna under perioden utan känt födelseår.",
      },
      enrolledRow,
    ],
  },
  {
    key: "utbildning",
    title: "Högsta avslutade utbildning",
    definition: BACKGROUND_DEFINITION,
    rows: [
      {
        key: PRE_SECONDARY,
        label: "förgymnasial",
        definition:
          "Inskrivna under perioden med förgymnasial utbildning som högsta: kortare än 9 år eller 9 år (grundskola).",
      },
      ...(["forgymnasial_kortare_an_9", "forgymnasial_9"] as const).map((code) => ({
        key: educationFigure(code),
        label: EDUCATION[code],
        definition: `Inskrivna under perioden med ${EDUCATION[code]} som högsta utbildning.`,
        partOf: PRE_SECONDARY,
      })),
      ...(
        [
          "gymnasial",
          "eftergymnasial_kortare_an_3",
          "eftergymnasial_3_eller_langre",
          "saknas",
          "okand",
          "uppgift_saknas",
        ] as const
      ).map((code) => ({
        key: educationFigure(code),
        label: EDUCATION[code],
        definition:
          code === "saknas"
            ? "Inskrivna under perioden som saknar avslutad utbildning (räknas till ISCED 0–2)."
            : code === "uppgift_saknas"
              ? "Inskrivna under perioden där utbildningen inte är registrerad."
              : `Inskrivna under perioden med ${EDUCATION[code]} som högsta utbildning.`,
      })),
      enrolledRow,
    ],
  },
  {
    key: "isced",
    title: "Utbildning efter ISCED-grupp",
    definition: BACKGROUND_DEFINITION,
    rows: [
      {
        key: ISCED["0-2"],
        label: "ISCED 0–2",
        definition:
          "Inskrivna under perioden med förgymnasial utbildning som högsta, eller som saknar avslutad utbildning.",
      },
      {
        key: ISCED["3-4"],
        label: "ISCED 3–4",
        definition: "Inskrivna under perioden med gymnasial utbildning som högsta.",
      },
      {
        key: ISCED["5-8"],
        label: "ISCED 5–8",
        definition: "Inskrivna under perioden med eftergymnasial utbildning.",
      },
      {
        key: ISCED.unknown,
        label: "okänd eller uppgift saknas",
        definition: "Inskrivna under perioden vars utbildning är okänd eller inte registrerad.",
      },
      enrolledRow,
    ],
  },
  listTable("forsorjning_fore", "Försörjning före", "forsorjning", SUPPORT, "försörjningen", true),
  {
    key: "forsorjningsgrupper",
    title: "Försörjning före, grupper",
    definition: `${BACKGROUND_DEFINITION} Flera grupper kan gälla samma person, så raderna summerar inte till totalen.`,
    rows: [
      {
        key: "forsorjningsgrupp.ohalsa",
        label: "ohälsa",
        definition:
          "Inskrivna under perioden med sjukpenning (inkl. rehabiliteringspenning), aktivitetsersättning eller sjukersättning före start.",
      },
      {
        key: "forsorjningsgrupp.arbetsmarknadsstod",
        label: "arbetsmarknadsstöd",
        definition:
          "Inskrivna under perioden med a-kassa, aktivitetsstöd (inkl. utvecklingsersättning) eller etableringsersättning före start.",
      },
      {
        key: "forsorjningsgrupp.ekonomiskt_bistand",
        label: "ekonomiskt bistånd",
        definition: "Inskrivna under perioden med försörjningsstöd före start.",
      },
      enrolledRow,
    ],
  },
  listTable(
    "tid_offentlig_forsorjning",
    "Tid med offentlig försörjning",
    "tid",
    TIME_ON_SUPPORT,
    "tid med offentlig försörjning",
  ),
  listTable(
    "sysselsattning_fore",
    "Sysselsättning före",
    "sysselsattning",
    OCCUPATION_BEFORE,
    "sysselsättningen",
  ),
  listTable("remittent", "Remitterande part", "remittent", REFERRER, "remitterande part"),
  ...YES_NO_LISTS.map(([key, , title]) => yesNoTable(key, title)),
];

interface ShareSpec {
  readonly key: string;
  readonly label: string;
  readonly definition: string;
  readonly numerator: readonly [string, G];
  readonly denominator: readonly [string, G];
}

const SHARES: readonly ShareSpec[] = [
  {
    key: "andel_till_arbete_och_eller_studier",
    label: "Andel till arbete och/eller studier",
    definition:
      "Avslutade under perioden till arbete och/eller studier ÷ avslutade under perioden, alla kön.",
    numerator: [FIGURE.toWorkOrStudies, 3],
    denominator: [FIGURE.exited, 3],
  },
  {
    key: "andel_kvinnor_till_arbete_och_eller_studier",
    label: "Andel kvinnor bland dem som gick till arbete och/eller studier",
    definition:
      "Kvinnor bland avslutade under perioden till arbete och/eller studier ÷ alla avslutade under perioden till arbete och/eller studier.",
    numerator: [FIGURE.toWorkOrStudies, 0],
    denominator: [FIGURE.toWorkOrStudies, 3],
  },
  {
    key: "andel_med_handlingsplan",
    label: "Andel med handlingsplan mot arbete eller studier",
    definition:
      "Avslutade under perioden med handlingsplan mot arbete eller studier ÷ avslutade under perioden, alla kön. För förrehabiliterande insatser är målet minst 80 %.",
    numerator: [FIGURE.actionPlan, 3],
    denominator: [FIGURE.exited, 3],
  },
  {
    key: "andel_kvinnor",
    label: "Andel kvinnor",
    definition: "Kvinnor bland inskrivna under perioden ÷ alla inskrivna under perioden.",
    numerator: [FIGURE.enrolled, 0],
    denominator: [FIGURE.enrolled, 3],
  },
  {
    key: "andel_man",
    label: "Andel män",
    definition: "Män bland inskrivna under perioden ÷ alla inskrivna under perioden.",
    numerator: [FIGURE.enrolled, 1],
    denominator: [FIGURE.enrolled, 3],
  },
  {
    key: "andel_under_30",
    label: "Andel under 30 år",
    definition:
      "Inskrivna under perioden som var under 30 år vid start ÷ alla inskrivna under perioden.",
    numerator: [AGE_UNDER_30, 3],
    denominator: [FIGURE.enrolled, 3],
  },
  {
    key: "andel_55_eller_aldre",
    label: "Andel 55 år eller äldre",
    definition:
      "Inskrivna under perioden som var 55 år eller äldre vid start ÷ alla inskrivna under perioden.",
    numerator: [AGE_55_PLUS, 3],
    denominator: [FIGURE.enrolled, 3],
  },
  {
    key: "andel_offentlig_forsorjning_mer_an_3_ar",
    label: "Andel med offentlig försörjning mer än 3 år",
    definition:
      "Inskrivna under perioden med offentlig försörjning mer än 3 år före start ÷ alla inskrivna under perioden.",
    numerator: ["tid.mer_an_3_ar", 3],
    denominator: [FIGURE.enrolled, 3],
  },
  {
    key: "andel_kvinnor_offentlig_forsorjning_mer_an_3_ar",
    label: "Andel kvinnor bland dem med offentlig försörjning mer än 3 år",
    definition:
      "Kvinnor bland inskrivna under perioden med offentlig försörjning mer än 3 år ÷ alla inskrivna med offentlig försörjning mer än 3 år.",
    numerator: ["tid.mer_an_3_ar", 0],
    denominator: ["tid.mer_an_3_ar", 3],
  },
  {
    key: "andel_forgymnasial",
    label: "Andel med förgymnasial utbildning som högsta",
    definition:
      "Inskrivna under perioden med förgymnasial utbildning som högsta (kortare än 9 år eller 9 år) ÷ alla inskrivna under perioden.",
    numerator: [PRE_SECONDARY, 3],
    denominator: [FIGURE.enrolled, 3],
  },
  {
    key: "andel_kvinnor_forgymnasial",
    label: "Andel kvinnor bland dem med förgymnasial utbildning",
    definition:
      "Kvinnor bland inskrivna under perioden med förgymnasial utbildning som högsta ÷ alla inskrivna med förgymnasial utbildning som högsta.",
    numerator: [PRE_SECONDARY, 0],
    denominator: [PRE_SECONDARY, 3],
  },
  {
    key: "andel_eftergymnasial",
    label: "Andel med eftergymnasial utbildning",
    definition:
      "Inskrivna under perioden med eftergymnasial utbildning ÷ alla inskrivna under perioden.",
    numerator: [ISCED["5-8"], 3],
    denominator: [FIGURE.enrolled, 3],
  },
  {
    key: "andel_utbildning_okand",
    label: "Andel med okänd utbildning eller där uppgift saknas",
    definition:
      "Inskrivna under perioden vars utbildning är okänd eller inte registrerad ÷ alla inskrivna under perioden.",
    numerator: [ISCED.unknown, 3],
    denominator: [FIGURE.enrolled, 3],
  },
];

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

function resolveOptions(options: { threshold?: number; allowTrueZero?: boolean }): Resolved {
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
  options: { threshold?: number; allowTrueZero?: boolean } = {},
): RegisterStatistics {
  const resolved = resolveOptions(options);
  const t = resolved.threshold;

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
  const shown = new Map<string, StatisticsCell>();
  const cellOf = (state: ProtectedUniverse, unit: string, figure: string, g: G): StatisticsCell => {
    const id = fid(unit, figure, g);
    const status = state.status.get(id);
    if (status === undefined || status === "hidden") {
      throw new Error(`statistikens figur ${id} har inte gått igenom röjandekontrollen`);
    }
    const cell: StatisticsCell =
      status === "published"
        ? { value: state.values.get(id) ?? 0 }
        : { suppressed: status, threshold: t };
    shown.set(id, cell);
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
    const numeratorId = fid(unit, ...spec.numerator);
    const denominatorId = fid(unit, ...spec.denominator);
    let share = protectShare(
      state.values.get(numeratorId) ?? 0,
      state.values.get(denominatorId) ?? 0,
      resolved,
    ).share;
    // A share and one published count give back the other count: both must be published.
    const published = (id: string) => state.status.get(id) === "published";
    if ("ratio" in share && !(published(numeratorId) && published(denominatorId))) {
      share = { suppressed: "numerator", threshold: t };
    }
    shares.push(share);
    return { key: spec.key, label: spec.label, definition: spec.definition, share };
  };

  const individualOf = (
    state: ProtectedUniverse,
    unit: string,
    initiative: StatisticsInitiative | null,
  ): IndividualStatistics => ({
    initiative,
    name: initiative?.name ?? "Samtliga individinriktade insatser",
    tables: TABLES.map((table) => ({
      key: table.key,
      title: table.title,
      definition: table.definition,
      rows: table.rows.map((row) => rowOf(state, unit, row)),
    })),
    shares: SHARES.map((spec) => shareOf(state, unit, spec)),
  });

  const periodRows: RowSpec[] = [
    ...counts.periodKeys.map((key) => {
      const range = periodRange(key);
      return {
        key: `period.${key}`,
        label: key,
        definition: `Deltagare under perioden ${key} (${range?.from} – ${range?.to}) enligt insatsens egen räkning.`,
        partOf: PERIODS_TOTAL,
      };
    }),
    {
      key: PERIODS_TOTAL,
      label: "Summa för perioderna",
      definition:
        "Summan av de registrerade perioder som ligger helt inom den valda perioden; den som deltar i flera perioder räknas en gång per period. Perioder som bara delvis ligger inom den valda perioden räknas inte.",
    },
  ];
  const structuralOf = (
    state: ProtectedUniverse,
    unit: string,
    initiative: StatisticsInitiative | null,
  ): StructuralStatistics => ({
    initiative,
    name: initiative?.name ?? "Samtliga strukturinriktade insatser",
    table: {
      key: "deltagande",
      title: "Antal deltagare i strukturinriktade insatser",
      definition:
        "Deltagare per period i strukturinriktade insatser (utbildningar, konferenser och liknande), registrerade som antal kvinnor, män och övriga, utan enskilda deltagare.",
      rows: periodRows.map((row) => rowOf(state, unit, row)),
    },
  });

  const result = {
    period: { from: scope.period.from, to: scope.period.to },
    threshold: t,
    allowTrueZero: resolved.allowTrueZero,
    genderNote: GENDER_NOTE,
    countingNote: COUNTING_NOTE,
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
  for (const cell of shown.values()) {
    if ("suppressed" in cell && cell.suppressed === "left_out") leftOut++;
    else cells.push(cell as ProtectedCell);
  }
  const tablesLeftOut = [
    ...(individualState?.leftOutTables ?? []),
    ...(structuralState?.leftOutTables ?? []),
  ].map((table) => ({ cells: [], marginsLeftOut: table.marginsLeftOut }));
  const disclosure = summarizeDisclosure([...cells, ...shares, ...tablesLeftOut], resolved);
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) =>
  DATE.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

function checkPeriod(from: string, to: string): void {
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
  const resolved = resolveOptions(options);
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
            // statistical fields only: no participant id, identity, name or consent
            const facts = await tx
              .select({
                initiativeId: enrollments.initiativeId,
                gender: participants.gender,
                birthYear: participants.birthYear,
                startDate: enrollments.startDate,
                endDate: enrollments.endDate,
                actionPlanDate: enrollments.actionPlanDate,
                background: enrollments.background,
                exit: enrollments.exit,
                voided: enrollments.voided,
              })
              .from(enrollments)
              .innerJoin(participants, eq(participants.id, enrollments.participantId))
              .where(
                and(
                  eq(enrollments.associationId, associationId),
                  inArray(enrollments.initiativeId, ids),
                ),
              );
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
  return protectStatistics(scope, counts, resolved);
}
