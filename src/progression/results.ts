// The results of progression measurement (domain/participants.md §"Progression measurement"): per
// individual initiative with a measurement plan and per instrument version of the plan, how many
// of the enrolled were measured (against the plan's target), the mean change from the zero-point
// by gender, the share improved, the distribution of the total score — and the same figures for
// the comparison group side by side when the plan keeps one.
//
// WHAT IS READ. Inside the register zone, with a scope covering the initiatives' data controllers
// (like registerStatistics in src/register/aggregates.ts), statistical fields only: an
// enrollment's start, end, exit status and the participant's gender, and the measurements
// (instrument version, occasion, date, answers). Measurements are gathered per enrollment in the
// database, so not even an enrollment id is read; no identity, name or participant id.
//
// WHAT IS COUNTED. An enrollment counts when it is active some day in the period (start ≤ the
// period's end, no end or end ≥ its start), not voided and not a felregistrering. It is measured
// when it has a zero-point (nollpunkt) with the instrument version on or before the period's end.
// Its pair is the zero-point and the latest later measurement (uppföljning or avslut, on or after
// the zero-point) taken in the period. Scores come from scoring.ts; a mean change is the mean of
// the persons' changes. Kvinnor, män and totalt; annan, vill ej ange and uppgift saknas count in
// totalt only, like the register's statistics.
//
// HOW IT IS PROTECTED. Every count is split kvinnor / män / the others (never shown) with its
// total, and the counts that are parts of a published total form *cubes* (categories × gender):
// enrolled = measured + not measured (the complement hidden, as the share measured needs: a share
// whose complement is 1..threshold−1 is not shown either), and n(total) = the sum of the
// distribution at either occasion. Each score's n stands in a table of its own (kvinnor + män +
// the others = totalt). Every cube goes through the register's protectTable
// (src/register/disclosure.ts) with all its margins; a figure is published only if no cube hid
// it, and the count rule (a line with a total never has exactly one unknown entry, nor a single
// hidden entry of 1..threshold−1) is applied across all cubes until nothing changes — as
// aggregates.ts protects its linked tables. So a measured count of 1..threshold−1 is never shown,
// and no total gives away a hidden cell by subtraction. The pairs are the n of the total score
// (every stored measurement has a total: validateAnswers refuses one without). The difference
// between the measured and the pairs (no later measurement in the period yet), and between the
// pairs and a subscale's or item's n (an unanswered question), describes how far the measuring has
// come, not a person's circumstances: those differences are not linked as cubes, so that one
// person without a follow-up does not hide every figure of the initiative. A mean, a mean change
// or a share is shown only when its n (and for a share both its counts) are published after
// protection: the sums behind a mean are linear in the same cells, so the same suppression
// pattern protects them.
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDisclosureSettings } from "../associations/disclosure-settings.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { formatNumber } from "../platform/i18n/format.ts";
import { UUID } from "../platform/uuid.ts";
import { checkPeriod } from "../register/aggregates.ts";
import {
  type CountTable,
  DEFAULT_DISCLOSURE_THRESHOLD,
  type DisclosureSummary,
  disclosureOptionsProblem,
  type ProtectedCell,
  type ProtectedRatio,
  protectShare,
  protectTable,
  summarizeDisclosure,
} from "../register/disclosure.ts";
import { inRegister } from "../register/zone.ts";
import type { Answers, InstrumentDefinition, Occasion, ScoreKey, Scores } from "./model.ts";
import {
  comparisonMeasurements,
  progressionInstruments,
  progressionInstrumentVersions,
  progressionPlans,
} from "./schema.ts";
import {
  changeOf,
  improved,
  OCCASION_ORDER,
  round2,
  scoreAnswers,
  scoreByKey,
  scoreKeys,
} from "./scoring.ts";

// ---------------------------------------------------------------------------------------------
// The result

/** A figure by gender: kvinnor, män, and everybody (the other genders in totalt only). */
export interface GenderFigures<T> {
  readonly kvinnor: T;
  readonly man: T;
  readonly totalt: T;
}

/** A mean (round2), or why it is not shown: its n is hidden, or there is nobody to count. */
export type ProtectedMean =
  | { readonly value: number }
  | { readonly suppressed: "n_hidden" | "none"; readonly threshold: number };

export interface ScoreResult {
  /** "total", "delskala:<key>", "fraga:<key>". */
  readonly key: ScoreKey;
  readonly label: string;
  /** The pairs with a value of this score at both measurements (for the total: the pairs). */
  readonly n: GenderFigures<ProtectedCell>;
  readonly baseline: GenderFigures<ProtectedMean>;
  readonly latest: GenderFigures<ProtectedMean>;
  readonly change: GenderFigures<ProtectedMean>;
}

export interface Distribution {
  /** The steps of the total score's scale, low to high. */
  readonly steps: readonly number[];
  readonly baseline: readonly ProtectedCell[];
  readonly latest: readonly ProtectedCell[];
  /** The pairs with a total score (the sum of either distribution). */
  readonly n: ProtectedCell;
}

/** The figures of one group (the participants, or the comparison group) and one version. */
export interface GroupResults {
  /** Participants: enrolled with a zero-point. Comparison: codes with a zero-point. */
  readonly measured: GenderFigures<ProtectedCell>;
  readonly pairs: GenderFigures<ProtectedCell>;
  readonly scores: readonly ScoreResult[];
  readonly improved: GenderFigures<ProtectedRatio>;
  readonly distribution: Distribution;
}

export type TargetStatus = "uppnatt" | "inte_uppnatt" | "kan_inte_bedomas";

export interface CoverageResults {
  readonly enrolled: GenderFigures<ProtectedCell>;
  readonly measured: GenderFigures<ProtectedCell>;
  readonly share: GenderFigures<ProtectedRatio>;
  readonly targetPercent: number;
  readonly target: TargetStatus;
  /** "Målet 50 % är uppnått." — in words, never colour alone. */
  readonly targetText: string;
}

export interface InstrumentResults {
  readonly instrumentVersionId: string;
  readonly instrumentKey: string;
  readonly instrumentName: string;
  readonly versionNumber: number;
  readonly scale: { readonly min: number; readonly max: number };
  readonly improvement: number;
  readonly coverage: CoverageResults;
  readonly participants: GroupResults;
  /** Null when the plan keeps no comparison group. */
  readonly comparison: GroupResults | null;
}

export interface InitiativeResults {
  readonly id: string;
  readonly name: string;
  readonly targetPercent: number;
  readonly comparisonGroup: boolean;
  readonly instruments: readonly InstrumentResults[];
}

export interface ProgressionResults {
  readonly period: { readonly from: string; readonly to: string };
  readonly threshold: number;
  readonly allowTrueZero: boolean;
  readonly initiatives: readonly InitiativeResults[];
  /** Each figure's definition (Swedish), by its key in DEFINITION_KEYS. */
  readonly definitions: Readonly<Record<DefinitionKey, string>>;
  /** How many figures are not shown and why (never which values). */
  readonly disclosure: DisclosureSummary;
  /** Counts, shares and means not shown, each counted once. */
  readonly suppressedCells: number;
}

export interface ProgressionResultsOptions {
  /** The initiatives (default: every individual initiative of the association with a plan). */
  readonly initiativeIds?: readonly string[];
  /** The period, ÅÅÅÅ-MM-DD, both days included. */
  readonly from: string;
  readonly to: string;
  /** Another threshold than the association's own (tests). */
  readonly threshold?: number;
  readonly allowTrueZero?: boolean;
}

export const DEFINITION_KEYS = [
  "inskrivna",
  "matta",
  "andel_matta",
  "mal",
  "par",
  "n",
  "medel_nollpunkt",
  "medel_senaste",
  "forandring",
  "andel_forbattrade",
  "fordelning",
  "jamforelsegrupp",
  "kon",
] as const;
export type DefinitionKey = (typeof DEFINITION_KEYS)[number];

/** The figures' names, in Swedish, as the definitions list them. */
export const DEFINITION_LABELS: Readonly<Record<DefinitionKey, string>> = {
  inskrivna: "Inskrivna under perioden",
  matta: "Mätta",
  andel_matta: "Andel mätta",
  mal: "Mål",
  par: "Par",
  n: "n",
  medel_nollpunkt: "Nollpunkt (medelvärde)",
  medel_senaste: "Senaste (medelvärde)",
  forandring: "Förändring",
  andel_forbattrade: "Andel förbättrade",
  fordelning: "Fördelning",
  jamforelsegrupp: "Jämförelsegrupp",
  kon: "Kön",
};

/** What every figure counts, in Swedish, for traceability. */
export const DEFINITIONS: Readonly<Record<DefinitionKey, string>> = {
  inskrivna:
    "Inskrivningar i insatsen som pågick någon dag under perioden: startdatum senast periodens sista dag och inget slutdatum eller slutdatum tidigast periodens första dag. Felregistreringar räknas inte. En person som skrivits in två gånger räknas två gånger.",
  matta:
    "Deltagare: de inskrivna under perioden som har en nollpunktsmätning med instrumentets version, gjord senast periodens sista dag. Jämförelsegrupp: koder med en nollpunkt senast periodens sista dag och någon mätning under perioden.",
  andel_matta: "Mätta delat med inskrivna under perioden, för kvinnor, män och totalt.",
  mal: "Planens mål för andelen mätta. Målet är uppnått när andelen mätta totalt är minst målet; kan andelen inte visas (röjandekontroll) kan målet inte bedömas.",
  par: "Av de mätta: de som också har en senare mätning (uppföljning eller avslut) under perioden, samma dag som nollpunkten eller senare. Den senaste av dem jämförs med nollpunkten. Antalet par är totalpoängens n.",
  n: "Antal par där både nollpunkten och den senaste mätningen har ett värde för måttet. För en delskala eller fråga kan n vara lägre än antalet par när en fråga är obesvarad.",
  medel_nollpunkt:
    "Medelvärdet av måttet vid nollpunkten bland paren (n), avrundat till två decimaler. Omvänt ställda frågor är vända (min + max − svar).",
  medel_senaste:
    "Medelvärdet av måttet vid den senaste mätningen under perioden bland paren (n), avrundat till två decimaler.",
  forandring:
    "Medelvärdet av varje persons förändring (senaste mätningen minus nollpunkten), avrundat till två decimaler. Ett medelvärde visas bara när dess antal (n) visas.",
  andel_forbattrade:
    "Andelen av paren med totalpoäng vars totalpoäng har ökat med minst instrumentets gräns för förbättring.",
  fordelning:
    "Antal personer per steg på totalpoängens skala (avrundad till närmaste hela steg) vid nollpunkten och vid den senaste mätningen, bland paren med totalpoäng. Visas totalt, inte per kön.",
  jamforelsegrupp:
    "Jämförelsegruppen: anonyma mätningar av personer som inte deltar i insatsen, parade med insatsens egen kod för varje person. Räknas på samma sätt som deltagarna; de har ingen inskrivning och därför ingen andel mätta.",
  kon: "Kvinnor och män visas var för sig. Annan, vill ej ange och uppgift saknas räknas bara i totalt.",
};

// ---------------------------------------------------------------------------------------------
// Counting (pure)

/** One measurement as the results read it. */
export interface MeasurementFact {
  readonly instrumentVersionId: string;
  readonly occasion: Occasion;
  readonly measuredOn: string;
  readonly answers: Answers;
}

/** One person of a group: an enrollment (participants) or a respondent code (comparison). */
export interface PersonFact {
  readonly gender: string;
  /** Participants: whether the enrollment is active in the period and counted; comparison: true. */
  readonly enrolled: boolean;
  readonly measurements: readonly MeasurementFact[];
}

export interface Period {
  readonly from: string;
  readonly to: string;
}

/** 0 kvinnor, 1 män, 2 the others (never shown on their own). */
const genderIndex = (gender: string): 0 | 1 | 2 =>
  gender === "kvinna" ? 0 : gender === "man" ? 1 : 2;

type Counts = [number, number, number];

/** A figure's counts by gender and, for a score, the sums behind its means. */
interface RawGroup {
  readonly figures: Map<string, Counts>;
  /** score key → gender (0, 1, 2) → sums of baseline, latest and change. */
  readonly sums: Map<ScoreKey, [Sums, Sums, Sums]>;
  readonly improved: Counts;
  readonly steps: readonly number[];
}

interface Sums {
  baseline: number;
  latest: number;
  change: number;
}

/** The steps of the total score: the scale, or the scale × the items for a prorated sum. */
export function totalSteps(definition: InstrumentDefinition): number[] {
  const factor = definition.scoring.method === "summa" ? definition.items.length : 1;
  const steps: number[] = [];
  for (let s = definition.scale.min * factor; s <= definition.scale.max * factor; s++)
    steps.push(s);
  return steps;
}

export const F = {
  enrolled: "inskrivna",
  measured: "matta",
  notMeasured: "ej_matta",
  n: (key: ScoreKey) => `n|${key}`,
  baseline: (step: number) => `fordelning.nollpunkt|${step}`,
  latest: (step: number) => `fordelning.senaste|${step}`,
} as const;

/** The pair of a person for a version: the zero-point and the latest later one in the period. */
export function pairOf(
  measurements: readonly MeasurementFact[],
  versionId: string,
  period: Period,
): { baseline: MeasurementFact | null; latest: MeasurementFact | null } {
  const own = measurements.filter((m) => m.instrumentVersionId === versionId);
  const baseline = own.find((m) => m.occasion === "nollpunkt" && m.measuredOn <= period.to) ?? null;
  if (!baseline) return { baseline: null, latest: null };
  let latest: MeasurementFact | null = null;
  for (const m of own) {
    if (m.occasion === "nollpunkt") continue;
    if (m.measuredOn < period.from || m.measuredOn > period.to) continue;
    if (m.measuredOn < baseline.measuredOn) continue;
    if (
      !latest ||
      m.measuredOn > latest.measuredOn ||
      (m.measuredOn === latest.measuredOn &&
        OCCASION_ORDER[m.occasion] > OCCASION_ORDER[latest.occasion])
    )
      latest = m;
  }
  return { baseline, latest };
}

/**
 * The raw counts and sums of one group for one instrument version. Internal: only
 * protectGroup's result leaves this module.
 */
export function countGroup(
  people: readonly PersonFact[],
  versionId: string,
  definition: InstrumentDefinition,
  period: Period,
  comparison: boolean,
): RawGroup {
  const keys = scoreKeys(definition);
  const steps = totalSteps(definition);
  const figures = new Map<string, Counts>();
  const add = (figure: string, g: 0 | 1 | 2) => {
    let c = figures.get(figure);
    if (!c) {
      c = [0, 0, 0];
      figures.set(figure, c);
    }
    c[g]++;
  };
  // every figure exists, even at 0
  const all = [
    F.enrolled,
    F.measured,
    F.notMeasured,
    ...keys.map((k) => F.n(k)),
    ...steps.flatMap((s) => [F.baseline(s), F.latest(s)]),
  ];
  for (const f of all) figures.set(f, [0, 0, 0]);
  const sums = new Map<ScoreKey, [Sums, Sums, Sums]>();
  for (const k of keys)
    sums.set(k, [0, 1, 2].map(() => ({ baseline: 0, latest: 0, change: 0 })) as [Sums, Sums, Sums]);
  const improvedCounts: Counts = [0, 0, 0];
  const stepOf = (score: number) =>
    Math.min(steps[steps.length - 1] as number, Math.max(steps[0] as number, Math.round(score)));

  for (const person of people) {
    if (!person.enrolled) continue;
    const g = genderIndex(person.gender);
    const { baseline, latest } = pairOf(person.measurements, versionId, period);
    if (comparison) {
      // a respondent of the comparison group counts when measured in the period
      if (!baseline) continue;
      const inPeriod = baseline.measuredOn >= period.from || latest !== null;
      if (!inPeriod) continue;
    } else add(F.enrolled, g);
    if (!baseline) {
      add(F.notMeasured, g);
      continue;
    }
    add(F.measured, g);
    if (!latest) continue;
    const a: Scores = scoreAnswers(definition, baseline.answers);
    const b: Scores = scoreAnswers(definition, latest.answers);
    const change = changeOf(definition, a, b);
    for (const key of keys) {
      const x = scoreByKey(a, key);
      const y = scoreByKey(b, key);
      const d = change[key] ?? null;
      if (x === null || y === null || d === null) continue;
      add(F.n(key), g);
      const s = (sums.get(key) as [Sums, Sums, Sums])[g];
      s.baseline += x;
      s.latest += y;
      s.change += d;
    }
    if (a.total !== null && b.total !== null) {
      add(F.baseline(stepOf(a.total)), g);
      add(F.latest(stepOf(b.total)), g);
    }
    if (improved(definition, a, b) === true) improvedCounts[g]++;
  }
  if (comparison) figures.delete(F.enrolled);
  return { figures, sums, improved: improvedCounts, steps };
}

// ---------------------------------------------------------------------------------------------
// Disclosure control of linked cubes (as aggregates.ts protects the register's statistics)

/** A partition: `categories` add up to `total`, by gender; `hidden` categories are never shown. */
interface Cube {
  readonly categories: readonly string[];
  /** null: the categories stand on their own (each with its gender total only). */
  readonly total: string | null;
  readonly hidden?: readonly string[];
  /** Shown in totalt only (the distribution): one column, no gender. */
  readonly totalOnly?: boolean;
}

type G = 0 | 1 | 2 | 3;
const TOTAL: G = 3;

interface Resolved {
  readonly threshold: number;
  readonly allowTrueZero: boolean;
}

type Status = "published" | "primary" | "secondary" | "hidden";
const RANK: Record<Status, number> = { published: 0, hidden: 0, primary: 1, secondary: 1 };

/** The protected state of a group's figures: each figure × gender's status and value. */
interface Protected {
  readonly status: ReadonlyMap<string, Status>;
  readonly value: (id: string) => number;
}

const idOf = (figure: string, g: G) => `${figure}#${g}`;

/** A count by gender: one gender's, or all three together (totalt). */
const byGender = (counts: readonly [number, number, number], g: G): number =>
  g === 3 ? counts[0] + counts[1] + counts[2] : counts[g];

/** The cubes of a group: the participants' (with the enrolled) or the comparison group's. */
export function cubesOf(definition: InstrumentDefinition, comparison: boolean): readonly Cube[] {
  const keys = scoreKeys(definition);
  const steps = totalSteps(definition);
  return [
    ...(comparison
      ? []
      : [{ categories: [F.measured, F.notMeasured], total: F.enrolled, hidden: [F.notMeasured] }]),
    // the measured of the comparison group, and every score's n: gender tables of their own
    ...(comparison ? [{ categories: [F.measured], total: null }] : []),
    ...keys.map((k) => ({ categories: [F.n(k)], total: null })),
    { categories: steps.map(F.baseline), total: F.n("total"), totalOnly: true },
    { categories: steps.map(F.latest), total: F.n("total"), totalOnly: true },
  ];
}

/**
 * Protects the cubes' figures: every cube through protectTable with all its margins, the
 * strongest status of each figure over all cubes, then the count rule across every line of every
 * cube until nothing changes (a line with exactly one unknown entry gets another: its smallest
 * published non-zero entry).
 */
export function protectCubes(
  cubes: readonly Cube[],
  figures: ReadonlyMap<string, Counts>,
  r: Resolved,
): Protected {
  const countOf = (figure: string): Counts => {
    const c = figures.get(figure);
    if (!c) throw new Error(`figuren ${figure} saknas i räkningen`);
    return c;
  };
  const value = (id: string): number => {
    const [figure, g] = id.split("#") as [string, string];
    const c = countOf(figure);
    return g === "3" ? c[0] + c[1] + c[2] : (c[Number(g)] as number);
  };
  const status = new Map<string, Status>();
  const hidden = new Set<string>();
  const raise = (id: string, to: Status) => {
    const now = status.get(id);
    if (now === undefined || RANK[to] > RANK[now]) status.set(id, to);
  };
  const lines: string[][] = [];
  for (const cube of cubes) {
    const hiddenCats = new Set(cube.hidden ?? []);
    const genders: G[] = cube.totalOnly ? [TOTAL] : [0, 1, 2];
    const cellIds = cube.categories.map((f) => genders.map((g) => idOf(f, g)));
    const rowTotalIds = cube.totalOnly ? null : cube.categories.map((f) => idOf(f, TOTAL));
    const total = cube.total;
    const columnTotalIds = total === null ? null : genders.map((g) => idOf(total, g));
    const grandId = cube.totalOnly || total === null ? null : idOf(total, TOTAL);
    const hiddenRows = cube.categories.flatMap((f, i) => (hiddenCats.has(f) ? [i] : []));
    const hiddenColumns = cube.totalOnly ? [] : [2];
    const table: CountTable = {
      cells: cellIds.map((line) => line.map(value)),
      show: {
        rowTotals: rowTotalIds !== null,
        columnTotals: columnTotalIds !== null,
        grandTotal: grandId !== null,
      },
      hiddenRows,
      hiddenColumns,
    };
    const result = protectTable(table, r);
    const visibleRows = cellIds.map((_, i) => i).filter((i) => !hiddenRows.includes(i));
    const visibleColumns = genders.map((_, j) => j).filter((j) => !hiddenColumns.includes(j));
    const take = (id: string, cell: ProtectedCell | undefined) => {
      if (cell) raise(id, "suppressed" in cell ? cell.suppressed : "published");
    };
    visibleRows.forEach((i, vi) => {
      visibleColumns.forEach((j, vj) => {
        take(cellIds[i]?.[j] as string, result.cells[vi]?.[vj]);
      });
      if (rowTotalIds) take(rowTotalIds[i] as string, result.rowTotals?.[vi]);
    });
    if (columnTotalIds)
      visibleColumns.forEach((j, vj) => {
        take(columnTotalIds[j] as string, result.columnTotals?.[vj]);
      });
    if (grandId) take(grandId, result.grandTotal);
    // a margin left out of a table is hidden in every table (it is never shown)
    for (const margin of result.marginsLeftOut) {
      const ids =
        margin === "rowTotals"
          ? visibleRows.map((i) => rowTotalIds?.[i])
          : margin === "columnTotals"
            ? visibleColumns.map((j) => columnTotalIds?.[j])
            : [grandId];
      for (const id of ids) if (id) raise(id, "secondary");
    }
    cellIds.forEach((line, i) => {
      line.forEach((id, j) => {
        if (hiddenRows.includes(i) || hiddenColumns.includes(j)) hidden.add(id);
      });
      if (hiddenRows.includes(i) && rowTotalIds) hidden.add(rowTotalIds[i] as string);
    });
    if (columnTotalIds) for (const j of hiddenColumns) hidden.add(columnTotalIds[j] as string);
    // the lines of the cube, for the count rule across cubes
    cellIds.forEach((line, i) => {
      if (rowTotalIds) lines.push([...line, rowTotalIds[i] as string]);
    });
    columnTotalIds?.forEach((id, j) => {
      lines.push([...cellIds.map((line) => line[j] as string), id]);
    });
    if (rowTotalIds && grandId) lines.push([...rowTotalIds, grandId]);
    if (columnTotalIds && grandId) lines.push([...columnTotalIds, grandId]);
  }
  for (const id of hidden) status.set(id, "hidden");

  const t = r.threshold;
  const unknown = (id: string) => {
    const s = status.get(id);
    return s === "primary" || s === "secondary";
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      let unknowns = 0;
      let hiddenCount = 0;
      let lone = 0;
      for (const id of line) {
        if (unknown(id)) unknowns++;
        else if (status.get(id) === "hidden") {
          hiddenCount++;
          lone = value(id);
        }
      }
      if (hiddenCount !== 1) lone = 0;
      if (!(unknowns === 1 || (unknowns === 0 && lone >= 1 && lone < t))) continue;
      let pick: string | null = null;
      for (const id of line) {
        if (status.get(id) !== "published" || value(id) === 0) continue;
        if (pick === null || value(id) < value(pick)) pick = id;
      }
      if (pick !== null) {
        status.set(pick, "secondary");
        changed = true;
      }
    }
  }
  return { status, value };
}

// ---------------------------------------------------------------------------------------------
// From protected figures to the result

interface Collector {
  /** Each figure once, by its group (initiative, version, participants or comparison) and id. */
  readonly cells: Map<string, ProtectedCell>;
  /** The group the figures now collected belong to. */
  group: string;
  readonly shares: ProtectedRatio[];
  means: number;
}

function cellOf(p: Protected, figure: string, g: G, r: Resolved, c: Collector): ProtectedCell {
  const id = idOf(figure, g);
  const s = p.status.get(id);
  if (s === undefined || s === "hidden")
    throw new Error(`figuren ${id} har inte gått igenom röjandekontrollen`);
  const cell: ProtectedCell =
    s === "published" ? { value: p.value(id) } : { suppressed: s, threshold: r.threshold };
  c.cells.set(`${c.group}|${id}`, cell);
  return cell;
}

const genders = <T>(of: (g: G) => T): GenderFigures<T> => ({
  kvinnor: of(0),
  man: of(1),
  totalt: of(TOTAL),
});

function shareOf(
  p: Protected,
  numerator: number,
  denominatorFigure: string,
  g: G,
  numeratorFigure: string | null,
  r: Resolved,
  c: Collector,
): ProtectedRatio {
  const denominatorId = idOf(denominatorFigure, g);
  let share = protectShare(numerator, p.value(denominatorId), r).share;
  const published = (id: string) => p.status.get(id) === "published";
  // a share and one published count give back the other: both must be published
  if (
    "ratio" in share &&
    !(published(denominatorId) && (numeratorFigure === null || published(idOf(numeratorFigure, g))))
  )
    share = { suppressed: "numerator", threshold: r.threshold };
  c.shares.push(share);
  return share;
}

function groupResults(
  raw: RawGroup,
  p: Protected,
  definition: InstrumentDefinition,
  labels: ReadonlyMap<ScoreKey, string>,
  r: Resolved,
  c: Collector,
): GroupResults {
  const mean = (key: ScoreKey, g: G, part: keyof Sums): ProtectedMean => {
    const id = idOf(F.n(key), g);
    const n = p.value(id);
    if (p.status.get(id) !== "published") {
      c.means++;
      return { suppressed: "n_hidden", threshold: r.threshold };
    }
    if (n === 0) return { suppressed: "none", threshold: r.threshold };
    const sums = raw.sums.get(key) as [Sums, Sums, Sums];
    const sum = byGender([sums[0][part], sums[1][part], sums[2][part]], g);
    return { value: round2(sum / n) };
  };
  const improvedOf = (g: G) => byGender(raw.improved, g);
  return {
    measured: genders((g) => cellOf(p, F.measured, g, r, c)),
    pairs: genders((g) => cellOf(p, F.n("total"), g, r, c)),
    scores: scoreKeys(definition).map((key) => ({
      key,
      label: labels.get(key) ?? key,
      n: genders((g) => cellOf(p, F.n(key), g, r, c)),
      baseline: genders((g) => mean(key, g, "baseline")),
      latest: genders((g) => mean(key, g, "latest")),
      change: genders((g) => mean(key, g, "change")),
    })),
    improved: genders((g) => shareOf(p, improvedOf(g), F.n("total"), g, null, r, c)),
    distribution: {
      steps: raw.steps,
      baseline: raw.steps.map((s) => cellOf(p, F.baseline(s), TOTAL, r, c)),
      latest: raw.steps.map((s) => cellOf(p, F.latest(s), TOTAL, r, c)),
      n: cellOf(p, F.n("total"), TOTAL, r, c),
    },
  };
}

/** The score keys' labels: the total, each subscale's and each item's Swedish text. */
export function scoreLabels(definition: InstrumentDefinition): Map<ScoreKey, string> {
  const labels = new Map<ScoreKey, string>([["total", "Totalpoäng"]]);
  for (const s of definition.subscales) labels.set(`delskala:${s.key}`, `Delskala: ${s.name.sv}`);
  definition.items.forEach((item, i) => {
    labels.set(`fraga:${item.key}`, `Fråga ${i + 1}: ${item.text.sv}`);
  });
  return labels;
}

const targetOf = (share: ProtectedRatio, targetPercent: number): TargetStatus =>
  "ratio" in share
    ? share.ratio * 100 >= targetPercent - 1e-9
      ? "uppnatt"
      : "inte_uppnatt"
    : "kan_inte_bedomas";

const TARGET_TEXT: Record<TargetStatus, (percent: number) => string> = {
  uppnatt: (p) => `Målet ${formatNumber(p)} % är uppnått.`,
  inte_uppnatt: (p) => `Målet ${formatNumber(p)} % är inte uppnått.`,
  kan_inte_bedomas: (p) =>
    `Målet ${formatNumber(p)} % kan inte bedömas: andelen mätta visas inte (röjandekontroll).`,
};

/** The results of one version for the participants and, when kept, the comparison group. */
export function protectInstrument(
  version: VersionInfo,
  participants: readonly PersonFact[],
  comparison: readonly PersonFact[] | null,
  targetPercent: number,
  period: Period,
  r: Resolved,
  c: Collector,
): InstrumentResults {
  const d = version.definition;
  const labels = scoreLabels(d);
  const group = c.group;
  const raw = countGroup(participants, version.id, d, period, false);
  const p = protectCubes(cubesOf(d, false), raw.figures, r);
  const measuredOf = (g: G) => byGender(raw.figures.get(F.measured) as Counts, g);
  const share = genders((g) => shareOf(p, measuredOf(g), F.enrolled, g, F.measured, r, c));
  const target = targetOf(share.totalt, targetPercent);
  let comparisonResults: GroupResults | null = null;
  if (comparison) {
    const rawC = countGroup(comparison, version.id, d, period, true);
    const pc = protectCubes(cubesOf(d, true), rawC.figures, r);
    c.group = `${group}|jamforelse`;
    comparisonResults = groupResults(rawC, pc, d, labels, r, c);
    c.group = group;
  }
  return {
    instrumentVersionId: version.id,
    instrumentKey: version.instrumentKey,
    instrumentName: version.instrumentName,
    versionNumber: version.number,
    scale: { min: d.scale.min, max: d.scale.max },
    improvement: d.scoring.improvement,
    coverage: {
      enrolled: genders((g) => cellOf(p, F.enrolled, g, r, c)),
      measured: genders((g) => cellOf(p, F.measured, g, r, c)),
      share,
      targetPercent,
      target,
      targetText: TARGET_TEXT[target](targetPercent),
    },
    participants: groupResults(raw, p, d, labels, r, c),
    comparison: comparisonResults,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

interface VersionInfo {
  readonly id: string;
  readonly number: number;
  readonly instrumentKey: string;
  readonly instrumentName: string;
  readonly definition: InstrumentDefinition;
}

function resolveOptions(threshold: number, allowTrueZero: boolean): Resolved {
  const problem = disclosureOptionsProblem({ threshold, allowTrueZero });
  if (problem) throw new ValidationError({ threshold: problem });
  return { threshold, allowTrueZero };
}

interface MeasurementJson {
  v: string;
  o: Occasion;
  d: string;
  a: Answers;
}

/** The enrollments active in the period (statistical fields, measurements gathered per enrollment). */
async function readParticipants(
  tx: Tx,
  associationId: string,
  initiativeId: string,
  period: Period,
): Promise<PersonFact[]> {
  const result = await tx.execute<{ gender: string; ms: MeasurementJson[] }>(sql`
    select p.gender,
      coalesce((select jsonb_agg(jsonb_build_object(
          'v', m.instrument_version_id, 'o', m.occasion, 'd', m.measured_on, 'a', m.answers)
          order by m.measured_on)
        from register.measurements m where m.enrollment_id = e.id), '[]'::jsonb) as ms
    from register.enrollments e
    join register.participants p on p.id = e.participant_id
    where e.association_id = ${associationId}
      and e.initiative_id = ${initiativeId}
      and e.voided = false
      and coalesce(e.exit ->> 'status', '') <> 'felregistrering'
      and e.start_date <= ${period.to}
      and (e.end_date is null or e.end_date >= ${period.from})`);
  return result.rows.map((row) => ({
    gender: row.gender,
    enrolled: true,
    measurements: row.ms.map((m) => ({
      instrumentVersionId: m.v,
      occasion: m.o,
      measuredOn: m.d,
      answers: m.a,
    })),
  }));
}

/** The comparison group's respondents, grouped by their code (the code itself is not kept). */
async function readComparison(
  tx: Tx,
  associationId: string,
  initiativeId: string,
): Promise<PersonFact[]> {
  const rows = await tx
    .select({
      code: comparisonMeasurements.respondentCode,
      versionId: comparisonMeasurements.instrumentVersionId,
      gender: comparisonMeasurements.gender,
      occasion: comparisonMeasurements.occasion,
      measuredOn: comparisonMeasurements.measuredOn,
      answers: comparisonMeasurements.answers,
    })
    .from(comparisonMeasurements)
    .where(
      and(
        eq(comparisonMeasurements.associationId, associationId),
        eq(comparisonMeasurements.initiativeId, initiativeId),
      ),
    );
  const byCode = new Map<string, { gender: string; measurements: MeasurementFact[] }>();
  for (const row of rows) {
    const key = `${row.versionId}|${row.code}`;
    let person = byCode.get(key);
    if (!person) {
      person = { gender: row.gender, measurements: [] };
      byCode.set(key, person);
    }
    if (row.occasion === "nollpunkt") person.gender = row.gender;
    person.measurements.push({
      instrumentVersionId: row.versionId,
      occasion: row.occasion,
      measuredOn: row.measuredOn,
      answers: row.answers,
    });
  }
  return [...byCode.values()].map((p) => ({ ...p, enrolled: true }));
}

/**
 * The progression results of an association's individual initiatives with a measurement plan,
 * for a period, after disclosure control with the association's own settings (unless given).
 */
export async function progressionResults(
  db: Db,
  associationId: string,
  options: ProgressionResultsOptions,
): Promise<ProgressionResults> {
  checkPeriod(options.from, options.to);
  const own =
    options.threshold === undefined || options.allowTrueZero === undefined
      ? await getDisclosureSettings(db, associationId)
      : undefined;
  const r = resolveOptions(
    options.threshold ?? own?.threshold ?? DEFAULT_DISCLOSURE_THRESHOLD,
    options.allowTrueZero ?? own?.allowTrueZero ?? false,
  );
  const period: Period = { from: options.from, to: options.to };
  const asked = options.initiativeIds ? [...new Set(options.initiativeIds)] : null;
  if (asked?.some((id) => !UUID.test(id)))
    throw new NotFoundError("Insatsen finns inte i förbundet. Kontrollera insatsens id.");
  const rows =
    asked && asked.length === 0
      ? []
      : await db
          .select({
            id: initiatives.id,
            name: initiatives.name,
            ownerId: initiatives.ownerOrganisationId,
            orientation: initiatives.orientation,
            versionIds: progressionPlans.instrumentVersionIds,
            targetPercent: progressionPlans.targetPercent,
            comparisonGroup: progressionPlans.comparisonGroup,
          })
          .from(initiatives)
          .innerJoin(progressionPlans, eq(progressionPlans.initiativeId, initiatives.id))
          .where(
            and(
              eq(initiatives.associationId, associationId),
              eq(initiatives.orientation, "individual"),
              ...(asked ? [inArray(initiatives.id, asked)] : []),
            ),
          );
  rows.sort((a, b) => a.name.localeCompare(b.name, "sv") || a.id.localeCompare(b.id));
  const versionIds = [...new Set(rows.flatMap((row) => row.versionIds))];
  const versions = new Map<string, VersionInfo>();
  if (versionIds.length > 0) {
    const found = await db
      .select({
        id: progressionInstrumentVersions.id,
        number: progressionInstrumentVersions.number,
        definition: progressionInstrumentVersions.definition,
        key: progressionInstruments.key,
        name: progressionInstruments.name,
      })
      .from(progressionInstrumentVersions)
      .innerJoin(
        progressionInstruments,
        eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
      )
      .where(inArray(progressionInstrumentVersions.id, versionIds));
    for (const v of found)
      versions.set(v.id, {
        id: v.id,
        number: v.number,
        instrumentKey: v.key,
        instrumentName: v.name.sv,
        definition: v.definition,
      });
  }
  const c: Collector = { cells: new Map(), shares: [], means: 0, group: "" };
  const facts =
    rows.length === 0
      ? new Map<string, { participants: PersonFact[]; comparison: PersonFact[] | null }>()
      : await inRegister(
          db,
          {
            controllers: [...new Set(rows.map((row) => row.ownerId))],
            initiatives: rows.map((row) => row.id),
          },
          async (tx) => {
            const out = new Map<
              string,
              { participants: PersonFact[]; comparison: PersonFact[] | null }
            >();
            for (const row of rows)
              out.set(row.id, {
                participants: await readParticipants(tx, associationId, row.id, period),
                comparison: row.comparisonGroup
                  ? await readComparison(tx, associationId, row.id)
                  : null,
              });
            return out;
          },
        );
  const results: InitiativeResults[] = rows.map((row) => {
    const f = facts.get(row.id) ?? { participants: [], comparison: null };
    return {
      id: row.id,
      name: row.name,
      targetPercent: row.targetPercent,
      comparisonGroup: row.comparisonGroup,
      instruments: row.versionIds.flatMap((id) => {
        const version = versions.get(id);
        c.group = `${row.id}|${id}`;
        return version
          ? [
              protectInstrument(
                version,
                f.participants,
                f.comparison,
                row.targetPercent,
                period,
                r,
                c,
              ),
            ]
          : [];
      }),
    };
  });
  const cells = [...c.cells.values()];
  const disclosure = summarizeDisclosure([...cells, ...c.shares], r);
  const suppressedCells =
    cells.filter((cell) => "suppressed" in cell).length +
    c.shares.filter((s) => "suppressed" in s).length +
    c.means;
  return {
    period,
    threshold: r.threshold,
    allowTrueZero: r.allowTrueZero,
    initiatives: results,
    definitions: DEFINITIONS,
    disclosure,
    suppressedCells,
  };
}

/** A mean as text: "6,33", "+1,5" for a change, or "–" when it is not shown. */
export function formatMean(mean: ProtectedMean, signed = false): string {
  if (!("value" in mean)) return "–";
  const text = mean.value.toLocaleString("sv-SE", { maximumFractionDigits: 2 }).replace("-", "−");
  return signed && mean.value > 0 ? `+${text}` : text;
}
