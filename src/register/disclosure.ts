// Disclosure control (röjandekontroll): the one step every aggregate leaving the participant
// register passes through — web pages, exports, the API and the national figures alike.
//
// WHAT IS PROTECTED
// A count in 1..threshold−1 (and a true 0, unless the association allows showing 0) is
// "sensitive": it is never published, but shown as "< 5" (primary suppression). Threshold 0
// turns the control off. Enough other cells are then hidden (secondary suppression, shown as
// "..": "< 5" would be untrue for them, they hold at least the threshold) that no hidden figure
// can be worked out from what is published.
//
// THE MODEL
// A table is R × C counts. The caller says which margins are published (row totals, column
// totals, the grand total); all margins are computed here from the cells, never taken on
// trust. Rows or columns may be *hidden*: they count in the totals but are never published
// (e.g. genders other than kvinna/man in a "kvinnor / män / totalt" table).
// The table and its margins form an extended (R+1) × (C+1) grid whose last row holds the
// column totals and whose last column the row totals. Giving the margins a minus sign and the
// grand total a plus sign, every line of that grid sums to zero:
//     x[i][0] + … + x[i][C−1] − r[i] = 0,   −r[0] − … − r[R−1] + G = 0, and the same by column.
// So the grid is a bipartite graph — one vertex per extended row and per extended column, one
// edge per entry — and the published values fix the sum of the unknown entries at every vertex.
// Unknown to an attacker are: suppressed entries, hidden entries and margins that are not
// published. What the attacker does know of them (the ranges):
//     primary (shown "< t"):   allowTrueZero ? 1..t−1 : 0..t−1
//     secondary (shown ".."):  t..∞   (never chosen among zeros, so this holds)
//     hidden, not published:   0..∞
//
// THE ALGORITHM
// 1. Primary: every sensitive cell and published margin is suppressed as "primary".
// 2. Count rule (repeat until stable): in every line of the extended grid whose entries are all
//    published, suppressed or hidden (no unpublished margin in it), if exactly one entry is
//    suppressed — or none is, and a single hidden entry holding 1..t−1 would be its only
//    unknown — suppress one more: the smallest published non-zero value in that line (cells
//    come before the total, ties go to the first). Lines are rows with their total, columns
//    with their total, and the vectors of margins with the grand total. Hidden entries do not
//    count as the second unknown, so a suppressed cell is protected by another suppressed
//    cell even against an attacker who guesses the hidden categories (often 0).
// 3. Audit (the proof). An entry's value is uniquely determined by everything published iff no
//    other integer solution within the ranges differs in it. The true table is one solution;
//    any other differs from it by an integer circulation, which splits into cycles that each
//    keep every entry within its range (conformal decomposition; the constraint matrix is a
//    bipartite incidence matrix). So an entry can be changed iff it lies on a cycle of the
//    residual graph: an arc row→column for an entry that can grow (in the signed sense) and
//    column→row for one that can shrink, over unknown entries only. Every suppressed entry and
//    every hidden entry holding 1..t−1 is checked this way (a breadth-first search per entry).
// 4. Strengthening: if an entry is determined, suppress the smallest published non-zero entry
//    whose suppression alone makes it undetermined (ties: in its lines first, then grid order);
//    if none suffices alone, the smallest in its lines (else anywhere). Back to 2. Suppressions
//    only ever grow, so this ends. If the published entries run out while something is still
//    determined — the marks alone can pin a figure: four cells "< 5" with zeros shown and a
//    grand total "< 5" are all 1 — the table starts over without some of its margins (grand
//    total first, then column totals, then row totals, fewest first). With no margin shown,
//    every hidden figure lies on a cycle through the unpublished totals, so this always ends.
//
// Limits of the guarantee: it is about exact recovery of the published table's hidden figures
// from the table itself (other tables over the same people must be protected consistently by
// the caller); it does not model an attacker who replays the choice order of step 2 (that
// a secondary cell was the smallest one), nor sums of cells the table never publishes.
//
// Shares (protectShare): a share is not shown when its denominator is below the threshold (0
// counts as too few), when its numerator is sensitive (share × denominator gives it back), or
// when the complement (denominator − numerator: those not counted, 100 % ↔ 0) is sensitive.
import { formatNumber, formatPercent } from "../platform/i18n/format.ts";
import { DEFAULT_LOCALE } from "../platform/i18n/locales.ts";

/** The association's threshold when it has not chosen one. */
export const DEFAULT_DISCLOSURE_THRESHOLD = 5;

export interface DisclosureOptions {
  /** Counts 1..threshold−1 are not published. Default 5; 0 turns disclosure control off. */
  readonly threshold?: number;
  /** Whether a true 0 may be shown as 0 (default false: it is hidden like a small count). */
  readonly allowTrueZero?: boolean;
}

export type SuppressionKind = "primary" | "secondary";

/** A published count: its value, or why it is not shown (with the threshold for "< 5"). */
export type ProtectedCell =
  | { readonly value: number }
  | { readonly suppressed: SuppressionKind; readonly threshold: number };

/** Why a share is not shown: too few in the denominator, or it would give back a small count. */
export type ShareSuppression = "denominator" | "numerator" | "complement";

/** A published share as a ratio (0.93 for 93 %), or why it is not shown. */
export type ProtectedRatio =
  | { readonly ratio: number }
  | { readonly suppressed: ShareSuppression; readonly threshold: number };

export interface CountTable {
  /** cells[row][column]: non-negative whole counts; every row has the same length. */
  readonly cells: readonly (readonly number[])[];
  /** The margins the published table shows (computed from the cells). None by default. */
  readonly show?: {
    readonly rowTotals?: boolean;
    readonly columnTotals?: boolean;
    readonly grandTotal?: boolean;
  };
  /** Rows that count in the totals but are never published (indexes into `cells`). */
  readonly hiddenRows?: readonly number[];
  /** Columns that count in the totals but are never published (e.g. other genders). */
  readonly hiddenColumns?: readonly number[];
}

/** The margins a table may show, in the order they are left out when they must be. */
const MARGINS = ["grandTotal", "columnTotals", "rowTotals"] as const;
export type Margin = (typeof MARGINS)[number];

export interface DisclosureSummary {
  readonly threshold: number;
  /** Counts not shown because they are below the threshold (or a true 0). */
  readonly primary: number;
  /** Counts not shown so that the others cannot be worked out from the totals. */
  readonly secondary: number;
  /** Shares not shown, by reason. */
  readonly shares: { readonly [reason in ShareSuppression]: number };
  /** Tables that leave out some of the totals they asked for (see protectTable). */
  readonly tablesWithTotalsLeftOut: number;
  /** Swedish sentences: how many figures were not shown and why — never which values. */
  readonly reasons: readonly string[];
}

/**
 * The published table: rows and columns in the order given, hidden ones left out. A margin is
 * present when the table asked to show it, unless it is named in `marginsLeftOut`.
 */
export interface ProtectedTable {
  readonly cells: readonly (readonly ProtectedCell[])[];
  readonly rowTotals?: readonly ProtectedCell[];
  readonly columnTotals?: readonly ProtectedCell[];
  readonly grandTotal?: ProtectedCell;
  /** Margins asked for but left out, because with them a hidden figure could be worked out. */
  readonly marginsLeftOut: readonly Margin[];
  readonly summary: DisclosureSummary;
}

export interface ProtectedShare {
  readonly share: ProtectedRatio;
  /** The numerator as a count, when it is published next to the share. */
  readonly numerator: ProtectedCell;
  /** The denominator as a count, when it is published next to the share. */
  readonly denominator: ProtectedCell;
}

// ---------------------------------------------------------------------------------------------
// Options

interface Resolved {
  readonly threshold: number;
  readonly allowTrueZero: boolean;
}

type Locale = "sv" | "en";
const localeOf = (locale: string): Locale => (locale === "en" ? "en" : "sv");

/**
 * What is wrong with the options, in plain words (Swedish unless `locale` is "en"), or null.
 * A threshold where "< t" could mean only one value (1 with zeros hidden, 2 with zeros shown)
 * would give that value away, so it is refused.
 */
export function disclosureOptionsProblem(
  options: DisclosureOptions = {},
  locale: string = DEFAULT_LOCALE,
): string | null {
  const en = localeOf(locale) === "en";
  const threshold = options.threshold ?? DEFAULT_DISCLOSURE_THRESHOLD;
  if (!Number.isSafeInteger(threshold) || threshold < 0) {
    return en
      ? `The disclosure threshold must be a whole number, 0 or more; got ${String(threshold)}.`
      : `Tröskeln för röjandekontroll måste vara ett heltal, 0 eller mer; fick ${String(threshold)}.`;
  }
  const allowTrueZero = options.allowTrueZero ?? false;
  const lowest = allowTrueZero ? 1 : 0;
  if (threshold > 0 && threshold - lowest === 1) {
    const minimum = allowTrueZero ? 3 : 2;
    return en
      ? `The threshold ${threshold} protects no one: "< ${threshold}" can only mean ${lowest}. ` +
          `Choose a threshold of at least ${minimum}, or 0 to turn disclosure control off.`
      : `Tröskeln ${threshold} skyddar ingen: ”< ${threshold}” kan bara betyda ${lowest}. ` +
          `Välj en tröskel på minst ${minimum}, eller 0 för att stänga av röjandekontrollen.`;
  }
  return null;
}

function resolve(options: DisclosureOptions = {}): Resolved {
  const problem = disclosureOptionsProblem(options);
  if (problem) throw new RangeError(problem);
  return {
    threshold: options.threshold ?? DEFAULT_DISCLOSURE_THRESHOLD,
    allowTrueZero: options.allowTrueZero ?? false,
  };
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${what} måste vara ett heltal, 0 eller mer; fick ${String(n)}.`);
  }
}

/** Whether a published count must be hidden as "< t" (primary suppression). */
function isSensitive(n: number, r: Resolved): boolean {
  return r.threshold > 0 && n < r.threshold && (n > 0 || !r.allowTrueZero);
}

/** Whether a hidden (never published) entry must not be recoverable: 1..t−1 people. */
function isHiddenSensitive(n: number, r: Resolved): boolean {
  return n >= 1 && n < r.threshold;
}

// ---------------------------------------------------------------------------------------------
// Single counts and shares

/** A count published on its own: its value, or "< t" when it is below the threshold. */
export function protectCount(n: number, options: DisclosureOptions = {}): ProtectedCell {
  const r = resolve(options);
  assertCount(n, "Antalet");
  return isSensitive(n, r) ? { suppressed: "primary", threshold: r.threshold } : { value: n };
}

/**
 * A share numerator ÷ denominator with the two counts as they may be published next to it.
 * The share is not shown when the denominator is below the threshold (or 0), when the
 * numerator is sensitive (it could be computed back from the share and the denominator), or
 * when the complement denominator − numerator is (then the numerator is hidden too, as
 * "secondary", since numerator and denominator would give the complement away).
 */
export function protectShare(
  numerator: number,
  denominator: number,
  options: DisclosureOptions = {},
): ProtectedShare {
  const r = resolve(options);
  assertCount(numerator, "Täljaren");
  assertCount(denominator, "Nämnaren");
  if (numerator > denominator) {
    throw new RangeError(
      `Täljaren (${numerator}) kan inte vara större än nämnaren (${denominator}) i en andel.`,
    );
  }
  const t = r.threshold;
  const count = (n: number): ProtectedCell =>
    isSensitive(n, r) ? { suppressed: "primary", threshold: t } : { value: n };
  if (denominator === 0 || denominator < t) {
    return {
      share: { suppressed: "denominator", threshold: t },
      numerator: count(numerator),
      denominator: count(denominator),
    };
  }
  if (isSensitive(numerator, r)) {
    return {
      share: { suppressed: "numerator", threshold: t },
      numerator: { suppressed: "primary", threshold: t },
      denominator: { value: denominator },
    };
  }
  if (isSensitive(denominator - numerator, r)) {
    return {
      share: { suppressed: "complement", threshold: t },
      numerator: { suppressed: "secondary", threshold: t },
      denominator: { value: denominator },
    };
  }
  return {
    share: { ratio: numerator / denominator },
    numerator: { value: numerator },
    denominator: { value: denominator },
  };
}

// ---------------------------------------------------------------------------------------------
// Tables

type Status = "published" | "primary" | "secondary" | "hidden" | "unpublished";

interface Entry {
  readonly row: number; // 0..R (R = the row of column totals)
  readonly column: number; // 0..C (C = the column of row totals)
  readonly value: number;
  /** +1 for cells and the grand total, −1 for row and column totals (every line sums to 0). */
  readonly sign: 1 | -1;
  status: Status;
}

const UNBOUNDED = Number.POSITIVE_INFINITY;

const isSuppressed = (e: Entry): boolean => e.status === "primary" || e.status === "secondary";
const isUnknown = (e: Entry): boolean => e.status !== "published";

class Grid {
  readonly rows: number; // R
  readonly columns: number; // C
  readonly entries: Entry[][]; // (R+1) × (C+1)
  readonly lines: Entry[][]; // the R+1 extended rows, then the C+1 extended columns
  readonly r: Resolved;
  /** reaches' buffers: the vertices seen and the queue of the search. */
  private seen = new Uint8Array(0);
  private queue = new Int32Array(0);

  constructor(table: CountTable, r: Resolved) {
    this.r = r;
    const cells = table.cells;
    const rows = cells.length;
    const columns = cells[0]?.length ?? 0;
    cells.forEach((row, i) => {
      if (row.length !== columns) {
        throw new RangeError(
          `Tabellens rad ${i + 1} har ${row.length} celler, men rad 1 har ${columns}.`,
        );
      }
      row.forEach((n, j) => {
        // the message is only written for a count that is wrong
        if (!Number.isSafeInteger(n) || n < 0)
          assertCount(n, `Cellen i rad ${i + 1}, kolumn ${j + 1}`);
      });
    });
    const hiddenRows = indexSet(table.hiddenRows, rows, "rad");
    const hiddenColumns = indexSet(table.hiddenColumns, columns, "kolumn");
    const show = table.show ?? {};
    this.rows = rows;
    this.columns = columns;

    const rowSums = cells.map((row) => row.reduce((a, b) => a + b, 0));
    const columnSums = Array.from({ length: columns }, (_, j) =>
      cells.reduce((a, row) => a + (row[j] ?? 0), 0),
    );
    const grand = rowSums.reduce((a, b) => a + b, 0);
    if (!Number.isSafeInteger(grand)) throw new RangeError("Tabellens summa är för stor.");

    const shown = (value: number, isShown: boolean): Status =>
      !isShown ? "unpublished" : isSensitive(value, r) ? "primary" : "published";
    this.entries = [];
    for (let i = 0; i <= rows; i++) {
      const line: Entry[] = [];
      for (let j = 0; j <= columns; j++) {
        let value: number;
        let status: Status;
        let sign: 1 | -1 = -1;
        if (i < rows && j < columns) {
          value = cells[i]?.[j] ?? 0;
          sign = 1;
          status = hiddenRows.has(i) || hiddenColumns.has(j) ? "hidden" : shown(value, true);
        } else if (i < rows) {
          value = rowSums[i] ?? 0;
          status = hiddenRows.has(i) ? "hidden" : shown(value, show.rowTotals === true);
        } else if (j < columns) {
          value = columnSums[j] ?? 0;
          status = hiddenColumns.has(j) ? "hidden" : shown(value, show.columnTotals === true);
        } else {
          value = grand;
          sign = 1;
          status = shown(value, show.grandTotal === true);
        }
        line.push({ row: i, column: j, value, sign, status });
      }
      this.entries.push(line);
    }
    this.lines = [
      ...this.entries,
      ...Array.from({ length: columns + 1 }, (_, j) => this.entries.map((line) => at(line, j))),
    ];
  }

  /** Step 2: in a closed line, one suppressed entry (or one sensitive hidden one) is too few. */
  applyCountRule(): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of this.lines) {
        let closed = true;
        let suppressed = 0;
        let hidden = 0;
        let hiddenValue = 0;
        for (const e of line) {
          const status = e.status;
          if (status === "unpublished") {
            closed = false;
            break;
          }
          if (status === "primary" || status === "secondary") suppressed++;
          else if (status === "hidden" && hidden++ === 0) hiddenValue = e.value;
        }
        if (!closed) continue;
        const exposed =
          suppressed === 1 ||
          (suppressed === 0 && hidden === 1 && isHiddenSensitive(hiddenValue, this.r));
        if (!exposed) continue;
        const pick = smallestCandidate(line);
        if (pick) {
          pick.status = "secondary";
          changed = true;
        }
      }
    }
  }

  /** The entries that must not be recoverable: suppressed ones and sensitive hidden ones. */
  targets(): Entry[] {
    const targets: Entry[] = [];
    for (const line of this.entries) {
      for (const e of line) {
        if (isSuppressed(e) || (e.status === "hidden" && isHiddenSensitive(e.value, this.r)))
          targets.push(e);
      }
    }
    return targets;
  }

  /** The row vertex (0..R) and the column vertex (R+1..R+1+C) of an entry's arc. */
  private vertices(e: Entry): readonly [row: number, column: number] {
    return [e.row, this.rows + 1 + e.column];
  }

  /** In which signed directions an unknown entry can move within its range. */
  private directions(e: Entry): { up: boolean; down: boolean } {
    const naturalUp = this.canGrow(e);
    const naturalDown = this.canShrink(e);
    // y = sign × value: a growing y means a growing value for +1 entries, shrinking for −1.
    return e.sign === 1
      ? { up: naturalUp, down: naturalDown }
      : { up: naturalDown, down: naturalUp };
  }

  // The range an attacker knows an entry's (natural, unsigned) value to lie in: a published
  // one its value; primary allowTrueZero ? 1..t−1 : 0..t−1; secondary t..∞; hidden or
  // unpublished 0..∞. canGrow and canShrink say whether the value is below its top, above its
  // bottom.

  /** Whether an entry's value lies below the top of its range. */
  private canGrow(e: Entry): boolean {
    switch (e.status) {
      case "published":
        return false;
      case "primary":
        return e.value < this.r.threshold - 1;
      default:
        return e.value < UNBOUNDED;
    }
  }

  /** Whether an entry's value lies above the bottom of its range. */
  private canShrink(e: Entry): boolean {
    switch (e.status) {
      case "published":
        return false;
      case "primary":
        return e.value > (this.r.allowTrueZero ? 1 : 0);
      case "secondary":
        return e.value > this.r.threshold;
      default:
        return e.value > 0;
    }
  }

  /**
   * The residual graph over the unknown entries other than `except`: an arc row→column for an
   * entry that can grow, column→row for one that can shrink.
   */
  private residual(except?: Entry): number[][] {
    const adjacency: number[][] = Array.from({ length: this.rows + this.columns + 2 }, () => []);
    for (const line of this.entries) {
      for (const e of line) {
        if (e === except || !isUnknown(e)) continue;
        const row = e.row;
        const column = this.rows + 1 + e.column;
        const naturalUp = this.canGrow(e);
        const naturalDown = this.canShrink(e);
        const up = e.sign === 1 ? naturalUp : naturalDown;
        const down = e.sign === 1 ? naturalDown : naturalUp;
        if (up) at(adjacency, row).push(column);
        if (down) at(adjacency, column).push(row);
      }
    }
    return adjacency;
  }

  /**
   * The vertices reachable from `start` (or, `backward`, those that reach it), never over an
   * arc between the two vertices of `skip` — the arcs of the entry being checked, the only
   * entry between its row and its column.
   */
  private reachable(
    adjacency: readonly (readonly number[])[],
    start: number,
    skip?: readonly [number, number],
  ): Uint8Array {
    const seen = new Uint8Array(adjacency.length);
    seen[start] = 1;
    const queue = [start];
    for (let k = 0; k < queue.length; k++) {
      const v = at(queue, k);
      for (const w of at(adjacency, v)) {
        if (seen[w]) continue;
        if (skip && ((v === skip[0] && w === skip[1]) || (v === skip[1] && w === skip[0])))
          continue;
        seen[w] = 1;
        queue.push(w);
      }
    }
    return seen;
  }

  /**
   * Step 3: whether some other solution within the known ranges changes `target`. The residual
   * graph holds the arcs of every unknown entry, perhaps the target's own: they are skipped (a
   * cycle through the target's arc never uses its other one).
   */
  private canVary(target: Entry, adjacency: readonly (readonly number[])[]): boolean {
    const row = target.row;
    const column = this.rows + 1 + target.column;
    const { up, down } = this.directions(target);
    // Growing y on the arc row→column closes a cycle back from the column to the row.
    return (
      (up && this.reaches(adjacency, column, row, row, column)) ||
      (down && this.reaches(adjacency, row, column, row, column))
    );
  }

  /**
   * Whether `goal` is reachable from `start` (reachable(adjacency, start, [a, b])[goal] === 1),
   * stopping as soon as it is reached, in buffers kept for it.
   */
  private reaches(
    adjacency: readonly (readonly number[])[],
    start: number,
    goal: number,
    a: number,
    b: number,
  ): boolean {
    if (start === goal) return true;
    const size = adjacency.length;
    if (this.seen.length < size) {
      this.seen = new Uint8Array(size);
      this.queue = new Int32Array(size);
    }
    const seen = this.seen;
    const queue = this.queue;
    seen.fill(0, 0, size);
    seen[start] = 1;
    queue[0] = start;
    let length = 1;
    for (let k = 0; k < length; k++) {
      const v = queue[k] as number;
      for (const w of at(adjacency, v)) {
        if (seen[w]) continue;
        if ((v === a && w === b) || (v === b && w === a)) continue;
        if (w === goal) return true;
        seen[w] = 1;
        queue[length++] = w;
      }
    }
    return false;
  }

  /** The first target (in grid order) that can be worked out, if any: step 3 for each. */
  private weakTarget(): Entry | undefined {
    const targets = this.targets();
    if (targets.length === 0) return undefined;
    const adjacency = this.residual();
    return targets.find((e) => !this.canVary(e, adjacency));
  }

  /** Step 4: one more suppression so that `target` can no longer be worked out. */
  strengthen(target: Entry): boolean {
    const inLines = (e: Entry) => e.row === target.row || e.column === target.column;
    const candidates = this.entries
      .flat()
      .filter((e) => e.status === "published" && e.value > 0)
      .sort(
        (a, b) =>
          a.value - b.value ||
          Number(inLines(b)) - Number(inLines(a)) ||
          a.row - b.row ||
          a.column - b.column,
      );
    // Suppressing one candidate adds only its own arcs to the residual graph, so the target's
    // cycle closes with it iff one of those arcs leads from a vertex the cycle's start reaches
    // to one that reaches its end: the same answer as canVary with the candidate suppressed.
    const [row, column] = this.vertices(target);
    const { up, down } = this.directions(target);
    const adjacency = this.residual(target);
    const reversed: number[][] = adjacency.map(() => []);
    adjacency.forEach((targets, v) => {
      for (const w of targets) at(reversed, w).push(v);
    });
    // up: from the column back to the row; down: from the row to the column
    const paths = [
      ...(up ? [[column, row] as const] : []),
      ...(down ? [[row, column] as const] : []),
    ].map(([start, goal]) => ({
      goal,
      from: this.reachable(adjacency, start),
      to: this.reachable(reversed, goal),
    }));
    const closes = (candidate: Entry): boolean => {
      const before = candidate.status;
      candidate.status = "secondary";
      const moves = this.directions(candidate);
      candidate.status = before;
      const [x, y] = this.vertices(candidate);
      return paths.some(
        (p) =>
          p.from[p.goal] === 1 ||
          (moves.up && p.from[x] === 1 && p.to[y] === 1) ||
          (moves.down && p.from[y] === 1 && p.to[x] === 1),
      );
    };
    for (const candidate of candidates) {
      if (closes(candidate)) {
        candidate.status = "secondary";
        return true;
      }
    }
    const fallback = candidates.find(inLines) ?? candidates[0];
    if (!fallback) return false;
    fallback.status = "secondary";
    return true;
  }

  /** Steps 2–4; false if something stays determined when nothing more can be suppressed. */
  protect(): boolean {
    for (;;) {
      this.applyCountRule();
      const weak = this.weakTarget();
      if (!weak) return true;
      if (!this.strengthen(weak)) return false;
    }
  }
}

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new RangeError(`Index ${index} utanför listan.`);
  return item;
}

function indexSet(indexes: readonly number[] | undefined, size: number, what: string): Set<number> {
  const set = new Set<number>();
  for (const index of indexes ?? []) {
    if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
      throw new RangeError(`Dold ${what} ${String(index)} finns inte i tabellen.`);
    }
    set.add(index);
  }
  return set;
}

/** The smallest published non-zero value in a line; cells come before the total; ties: first. */
function smallestCandidate(line: readonly Entry[]): Entry | undefined {
  let best: Entry | undefined;
  for (const e of line) {
    if (e.status !== "published" || e.value === 0) continue;
    if (!best || e.value < best.value) best = e;
  }
  return best;
}

function publish(e: Entry, r: Resolved): ProtectedCell {
  return isSuppressed(e)
    ? { suppressed: e.status as SuppressionKind, threshold: r.threshold }
    : { value: e.value };
}

/**
 * Protects a table of counts: sensitive cells and margins are suppressed ("primary"), and
 * enough other cells ("secondary") that no suppressed or hidden figure can be worked out from
 * the published values and totals. See the top of this file for the algorithm and its proof.
 *
 * In rare small tables the marks alone give a figure away even when everything is hidden
 * (four cells "< 5" with zeros shown and a grand total "< 5": each is 1). Then whole margins
 * are left out — the grand total first, then the column totals, then the row totals, fewest
 * first — until the table is safe, and `marginsLeftOut` says which. Without margins every
 * table is safe (each hidden figure lies on a cycle through the unpublished totals).
 */
export function protectTable(table: CountTable, options: DisclosureOptions = {}): ProtectedTable {
  const r = resolve(options);
  const requested = MARGINS.filter((m) => table.show?.[m] === true);
  for (const drop of dropSetsOf(requested)) {
    const show = {
      rowTotals: requested.includes("rowTotals") && !drop.includes("rowTotals"),
      columnTotals: requested.includes("columnTotals") && !drop.includes("columnTotals"),
      grandTotal: requested.includes("grandTotal") && !drop.includes("grandTotal"),
    };
    const grid = new Grid({ ...table, show }, r);
    if (grid.protect()) return published(grid, table, show, [...drop], options);
  }
  // Unreachable: the last drop set leaves out every margin, and such a table is always safe.
  throw new Error("Röjandekontrollen kunde inte skydda tabellen ens utan summor.");
}

const dropSetsByRequest = new Map<string, readonly (readonly Margin[])[]>();

/** The margins to leave out, in the order tried: subsetsBySize of the requested ones, once. */
function dropSetsOf(requested: readonly Margin[]): readonly (readonly Margin[])[] {
  const key = requested.join(",");
  let sets = dropSetsByRequest.get(key);
  if (!sets) {
    sets = subsetsBySize(requested);
    dropSetsByRequest.set(key, sets);
  }
  return sets;
}

/** All subsets of `items`, fewest first; within a size, in the order of `items`. */
function subsetsBySize<T>(items: readonly T[]): T[][] {
  const subsets: T[][] = [[]];
  for (const item of [...items].reverse()) {
    for (const subset of [...subsets]) subsets.push([item, ...subset]);
  }
  const rank = (subset: T[]) => subset.map((item) => items.indexOf(item));
  return subsets.sort((a, b) => {
    if (a.length !== b.length) return a.length - b.length;
    const [ra, rb] = [rank(a), rank(b)];
    for (let k = 0; k < ra.length; k++) {
      const d = (ra[k] ?? 0) - (rb[k] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
}

function published(
  grid: Grid,
  table: CountTable,
  show: { rowTotals: boolean; columnTotals: boolean; grandTotal: boolean },
  marginsLeftOut: readonly Margin[],
  options: DisclosureOptions,
): ProtectedTable {
  const r = grid.r;
  const hiddenRows = new Set(table.hiddenRows ?? []);
  const hiddenColumns = new Set(table.hiddenColumns ?? []);
  const visibleRows = Array.from({ length: grid.rows }, (_, i) => i).filter(
    (i) => !hiddenRows.has(i),
  );
  const visibleColumns = Array.from({ length: grid.columns }, (_, j) => j).filter(
    (j) => !hiddenColumns.has(j),
  );
  const entry = (i: number, j: number) => at(at(grid.entries, i), j);
  const cells = visibleRows.map((i) => visibleColumns.map((j) => publish(entry(i, j), r)));
  const rowTotals = show.rowTotals
    ? visibleRows.map((i) => publish(entry(i, grid.columns), r))
    : undefined;
  const columnTotals = show.columnTotals
    ? visibleColumns.map((j) => publish(entry(grid.rows, j), r))
    : undefined;
  const grandTotal = show.grandTotal ? publish(entry(grid.rows, grid.columns), r) : undefined;
  const result = {
    cells,
    ...(rowTotals ? { rowTotals } : {}),
    ...(columnTotals ? { columnTotals } : {}),
    ...(grandTotal ? { grandTotal } : {}),
    marginsLeftOut,
  };
  // the summary (with its sentences) is worked out when it is first read: the register's
  // statistics protect hundreds of slices and summarise them all together instead
  let summary: DisclosureSummary | undefined;
  return {
    ...result,
    get summary() {
      summary ??= summarizeDisclosure([result], options);
      return summary;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Summary and formatting

type Summarizable = ProtectedCell | ProtectedRatio | Omit<ProtectedTable, "summary">;

/**
 * How many of the published figures were not shown and why, e.g. for the whole follow-up
 * report: pass every table, count and share it publishes. The reasons never say which values.
 */
export function summarizeDisclosure(
  published: Iterable<Summarizable>,
  options: DisclosureOptions = {},
  locale: string = DEFAULT_LOCALE,
): DisclosureSummary {
  const r = resolve(options);
  const counts = {
    primary: 0,
    secondary: 0,
    shares: { denominator: 0, numerator: 0, complement: 0 },
    tablesWithTotalsLeftOut: 0,
  };
  const add = (item: ProtectedCell | ProtectedRatio) => {
    if (!("suppressed" in item)) return;
    if (item.suppressed === "primary") counts.primary++;
    else if (item.suppressed === "secondary") counts.secondary++;
    else counts.shares[item.suppressed]++;
  };
  for (const item of published) {
    if ("cells" in item) {
      for (const cell of item.cells.flat()) add(cell);
      for (const cell of item.rowTotals ?? []) add(cell);
      for (const cell of item.columnTotals ?? []) add(cell);
      if (item.grandTotal) add(item.grandTotal);
      if (item.marginsLeftOut.length > 0) counts.tablesWithTotalsLeftOut++;
    } else add(item);
  }
  return {
    threshold: r.threshold,
    ...counts,
    reasons: reasonsFor(counts, r, localeOf(locale)),
  };
}

function reasonsFor(
  counts: Omit<DisclosureSummary, "threshold" | "reasons">,
  r: Resolved,
  locale: Locale,
): string[] {
  const t = r.threshold;
  const sv = locale === "sv";
  const n = (count: number) => formatNumber(count, locale);
  const figures = (count: number) =>
    sv
      ? `${n(count)} ${count === 1 ? "uppgift" : "uppgifter"}`
      : `${n(count)} ${count === 1 ? "figure" : "figures"}`;
  const shares = (count: number) =>
    sv
      ? `${n(count)} ${count === 1 ? "andel" : "andelar"}`
      : `${n(count)} ${count === 1 ? "share is" : "shares are"}`;
  // Swedish "den/de" and English "concerns/concern", "is/are" follow the count.
  const it = (count: number) => (sv ? (count === 1 ? "den" : "de") : count === 1 ? "it" : "they");
  const few = sv
    ? r.allowTrueZero
      ? `1–${n(t - 1)} personer`
      : `färre än ${n(t)} personer (0 inräknat)`
    : r.allowTrueZero
      ? `1–${n(t - 1)} people`
      : `fewer than ${n(t)} people (0 included)`;
  const reasons: string[] = [];
  const { primary, secondary, tablesWithTotalsLeftOut: tablesLeftOut } = counts;
  const { denominator, numerator, complement } = counts.shares;
  if (t === 0) {
    reasons.push(
      sv
        ? "Röjandekontrollen är avstängd (tröskel 0): alla antal visas som de är."
        : "Disclosure control is turned off (threshold 0): all counts are shown as they are.",
    );
  } else if (primary + secondary + denominator + numerator + complement + tablesLeftOut === 0) {
    reasons.push(
      sv
        ? `Inga uppgifter behövde döljas (tröskel ${n(t)}).`
        : `No figures needed to be hidden (threshold ${n(t)}).`,
    );
  }
  if (primary > 0) {
    reasons.push(
      sv
        ? `${figures(primary)} avser ${few} och visas som ”<\u00a0${n(t)}”.`
        : `${figures(primary)} ${primary === 1 ? "concerns" : "concern"} ${few} and ${primary === 1 ? "is" : "are"} shown as "<\u00a0${n(t)}".`,
    );
  }
  if (secondary > 0) {
    reasons.push(
      sv
        ? `${figures(secondary)} visas som ”..” så att de dolda uppgifterna inte kan räknas fram ur summorna.`
        : `${figures(secondary)} ${secondary === 1 ? "is" : "are"} shown as ".." so that the hidden figures cannot be worked out from the totals.`,
    );
  }
  if (denominator > 0) {
    reasons.push(
      sv
        ? `${shares(denominator)} visas inte (”..”) eftersom ${t > 0 ? `det är färre än ${n(t)} personer i nämnaren` : "nämnaren är 0"}.`
        : `${shares(denominator)} not shown ("..") because ${t > 0 ? `there are fewer than ${n(t)} people in the denominator` : "the denominator is 0"}.`,
    );
  }
  if (numerator > 0) {
    reasons.push(
      sv
        ? `${shares(numerator)} visas inte (”..”) eftersom ${it(numerator)} skulle avslöja ett antal på ${few}.`
        : `${shares(numerator)} not shown ("..") because ${it(numerator)} would reveal a count of ${few}.`,
    );
  }
  if (complement > 0) {
    reasons.push(
      sv
        ? `${shares(complement)} visas inte (”..”) eftersom ${it(complement)} skulle avslöja att ${few} står utanför.`
        : `${shares(complement)} not shown ("..") because ${it(complement)} would reveal that ${few} are left out.`,
    );
  }
  if (tablesLeftOut > 0) {
    reasons.push(
      sv
        ? `I ${n(tablesLeftOut)} ${tablesLeftOut === 1 ? "tabell" : "tabeller"} visas inte alla summor, eftersom dolda uppgifter annars skulle kunna räknas fram.`
        : `${n(tablesLeftOut)} ${tablesLeftOut === 1 ? "table does" : "tables do"} not show all totals, since hidden figures could otherwise be worked out.`,
    );
  }
  return reasons;
}

/**
 * A published figure as text: "< 5" (with the threshold, U+00A0 after "<") for a count below
 * the threshold, ".." for any other hidden figure, otherwise Swedish number formatting
 * ("1 234") or, for a share, a percentage with `decimals` decimals ("93 %").
 */
export function formatProtected(
  item: ProtectedCell | ProtectedRatio,
  locale: string = DEFAULT_LOCALE,
  decimals = 0,
): string {
  if ("value" in item) return formatNumber(item.value, locale);
  if ("ratio" in item) return formatPercent(item.ratio, decimals, locale);
  if (item.suppressed === "primary") return `<\u00a0${formatNumber(item.threshold, locale)}`;
  return "..";
}
