// The last check of the report's participant figures before they are published: can a hidden
// figure of tables 6 and 7 (or the background's count of enrolled) be worked out from what the
// report shows? The register protects each group's statistics (register/aggregates.ts: every
// table through disclosure.ts, and a count rule across its tables), but a reader of the report
// can combine figures of several of its tables with the ranges the marks give ("< 5" is 0–4 or
// 1–4, ".." after secondary suppression 5 or more), which no single table of the register sees.
// So the report is audited as a whole, by the attacker it must withstand:
//   - the identities between its figures: a group's rows add up to its total, the groups to the
//     total; whole time = exited whole time + ongoing; kvinnor + män + others = all; the exit
//     reasons add up to "to work and/or studies" and to "exited"; enrolled = ongoing + exited;
//     a shown share fixes numerator ÷ denominator;
//   - a hidden figure is given away if a linear combination of the shown figures equals it (an
//     exact rank test over a prime field), or if the ranges of the marks, narrowed equation by
//     equation, leave it one value; a hidden share is given away if both its counts are.
// While something is given away, one more entry is left out ("..": StatisticsCell "left_out"):
// the first, among those tied to it, whose leaving out alone stops it — shown counts, smallest
// first, then zeros, then shares, then marks ("< 5" is itself a range: four cells "< 5" with zeros
// shown and their total "< 5" are all 1, so a mark may have to become "..") — else the first of
// them, else the first of all; and the audit starts over. What is left out only ever grows, and
// with everything left out nothing can be worked out, so it ends. The property test
// (disclosure.property.test.ts) attacks the finished report with an attacker of its own.
import type { IndividualRow, PersonCount, PersonShare } from "./model.ts";
import type { ParticipantSections } from "./sections-participants.ts";

/** An entry the audit can read and hide: a count or a share of the report. */
interface Slot {
  get(): PersonCount | PersonShare;
  hide(): void;
  restore(): void;
}

const P = 67_108_859; // a prime below 2^26: products of two residues stay exact in a double
const mod = (a: number) => ((a % P) + P) % P;
const mul = (a: number, b: number) => (a * b) % P;
function inverse(a: number): number {
  let [r0, r1, s0, s1] = [a, P, 1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0);
}

/** The fraction n/d (d ≤ maxDenominator) a shown ratio is: continued fractions. */
export function fractionOf(x: number, maxDenominator = 1_000_000): [number, number] {
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let y = x;
  for (let i = 0; i < 64; i++) {
    const a = Math.floor(y);
    const [h2, k2] = [a * h1 + h0, a * k1 + k0];
    if (k2 > maxDenominator) break;
    [h0, h1, k0, k1] = [h1, h2, k1, k2];
    if (Math.abs(x - h1 / k1) < 1e-12) break;
    y = 1 / (y - a);
    if (!Number.isFinite(y)) break;
  }
  return [h1, k1];
}

interface System {
  equations: Array<Map<string, number>>;
  /** Shown counts. */
  known: Map<string, number>;
  /** The ranges of hidden counts. */
  ranges: Map<string, [number, number]>;
  /** Hidden counts that must not be worked out. */
  targets: string[];
  /** Hidden shares: numerator and denominator, which must not both be worked out. */
  pairs: Array<[string, string, string]>;
  /** Where each variable stands in the report (shown counts and shares). */
  slots: Map<string, Slot>;
  /** Variables per equation index, for "tied to". */
  byVariable: Map<string, number[]>;
}

const FIELDS: Array<[keyof IndividualRow & string, string]> = [
  ["wholeTime", "W"],
  ["exitedWholeTime", "EW"],
  ["exitedInPeriod", "X"],
  ["womenToWorkOrStudies", "Wk"],
  ["menToWorkOrStudies", "Wm"],
  ["ongoing", "O"],
];
const FIGS = ["W", "EW", "O", "X", "Wk", "Wm", "Wo", "Wt", "AP", "E"];
const WORK = ["arbete_ej_subventionerat", "subventionerat_arbete", "eget_foretag", "studier"];
const EXITS = [...WORK, "arbetssokande", "ovriga_avslutade"];
const LEFT_OUT = (threshold: number) => ({ suppressed: "left_out" as const, threshold });

function slotOf<T extends object, K extends keyof T>(holder: T, key: K, threshold: number): Slot {
  let saved: T[K] | null = null;
  return {
    get: () => holder[key] as unknown as PersonCount | PersonShare,
    hide() {
      saved = holder[key];
      holder[key] = LEFT_OUT(threshold) as T[K];
    },
    restore() {
      if (saved !== null) holder[key] = saved;
    },
  };
}

function systemOf(s: ParticipantSections, threshold: number, allowTrueZero: boolean): System {
  const equations: Array<Map<string, number>> = [];
  const known = new Map<string, number>();
  const ranges = new Map<string, [number, number]>();
  const targets: string[] = [];
  const pairs: Array<[string, string, string]> = [];
  const slots = new Map<string, Slot>();
  const add = (...terms: Array<[string, number]>) => {
    const m = new Map<string, number>();
    for (const [v, c] of terms) m.set(v, (m.get(v) ?? 0) + c);
    equations.push(m);
  };
  const read = (variable: string, cell: PersonCount) => {
    if ("value" in cell) {
      known.set(variable, cell.value);
      return;
    }
    targets.push(variable);
    ranges.set(
      variable,
      cell.suppressed === "primary"
        ? [allowTrueZero ? 1 : 0, Math.max(0, threshold - 1)]
        : cell.suppressed === "secondary"
          ? [threshold, Number.POSITIVE_INFINITY]
          : [0, Number.POSITIVE_INFINITY],
    );
  };
  const units: Array<[string, IndividualRow]> = [
    ...s.individual.groups.flatMap(
      (g): Array<[string, IndividualRow]> => [
        ...g.rows.map((r): [string, IndividualRow] => [r.initiative?.id ?? r.label, r]),
        [`G:${g.kind}`, g.total],
      ],
    ),
    ["T", s.individual.total],
  ];
  for (const [unit, row] of units) {
    for (const [field, fig] of FIELDS) {
      read(`${unit}|${fig}`, row[field] as PersonCount);
      slots.set(`${unit}|${fig}`, slotOf(row, field, threshold));
    }
    add([`${unit}|W`, 1], [`${unit}|EW`, -1], [`${unit}|O`, -1]);
    add([`${unit}|Wt`, 1], [`${unit}|Wk`, -1], [`${unit}|Wm`, -1], [`${unit}|Wo`, -1]);
    add([`${unit}|E`, 1], [`${unit}|O`, -1], [`${unit}|X`, -1]);
    for (const [field, num] of [
      ["shareToWorkOrStudies", "Wt"],
      ["shareWithActionPlan", "AP"],
    ] as const) {
      const share = row[field];
      slots.set(`${unit}|share:${num}`, slotOf(row, field, threshold));
      if ("ratio" in share) {
        const [n, d] = fractionOf(share.ratio);
        add([`${unit}|${num}`, d], [`${unit}|X`, -n]);
      } else pairs.push([`${unit}|share:${num}`, `${unit}|${num}`, `${unit}|X`]);
    }
  }
  for (const fig of FIGS) {
    for (const g of s.individual.groups)
      add(
        [`G:${g.kind}|${fig}`, 1],
        ...g.rows.map((r): [string, number] => [`${r.initiative?.id ?? r.label}|${fig}`, -1]),
      );
    add(
      [`T|${fig}`, 1],
      ...s.individual.groups.map((g): [string, number] => [`G:${g.kind}|${fig}`, -1]),
    );
  }
  for (const r of s.exitReasons) {
    for (const [field, g] of [
      ["women", "k"],
      ["men", "m"],
      ["total", "t"],
    ] as const) {
      read(`T|R:${r.key}:${g}`, r[field]);
      slots.set(`T|R:${r.key}:${g}`, slotOf(r, field, threshold));
    }
    add(
      [`T|R:${r.key}:t`, 1],
      [`T|R:${r.key}:k`, -1],
      [`T|R:${r.key}:m`, -1],
      [`T|R:${r.key}:o`, -1],
    );
  }
  for (const [g, toWork, exited] of [
    ["k", "Wk", "Xk"],
    ["m", "Wm", "Xm"],
    ["o", "Wo", "Xo"],
    ["t", "Wt", "X"],
  ] as const) {
    add([`T|${toWork}`, -1], ...WORK.map((r): [string, number] => [`T|R:${r}:${g}`, 1]));
    add([`T|${exited}`, -1], ...EXITS.map((r): [string, number] => [`T|R:${r}:${g}`, 1]));
  }
  add(["T|X", 1], ["T|Xk", -1], ["T|Xm", -1], ["T|Xo", -1]);
  read("T|E", s.participantBackground.enrolledInPeriod);
  slots.set("T|E", slotOf(s.participantBackground, "enrolledInPeriod", threshold));
  const byVariable = new Map<string, number[]>();
  equations.forEach((e, i) => {
    for (const v of e.keys()) byVariable.set(v, [...(byVariable.get(v) ?? []), i]);
  });
  return { equations, known, ranges, targets, pairs, slots, byVariable };
}

/** The variables a linear combination of the shown figures gives (a rank test over GF(P)). */
function determined(system: System): Set<string> {
  const columns = new Map<string, number>();
  for (const e of system.equations)
    for (const v of e.keys())
      if (!system.known.has(v) && !columns.has(v)) columns.set(v, columns.size);
  const n = columns.size;
  const rows: number[][] = [];
  for (const e of system.equations) {
    const row = new Array<number>(n).fill(0);
    let any = false;
    for (const [v, c] of e) {
      const j = columns.get(v);
      if (j === undefined) continue;
      row[j] = mod((row[j] ?? 0) + c);
      if (row[j] !== 0) any = true;
    }
    if (any) rows.push(row);
  }
  const pivots: number[] = [];
  let r = 0;
  for (let col = 0; col < n && r < rows.length; col++) {
    let p = -1;
    for (let i = r; i < rows.length; i++)
      if ((rows[i] as number[])[col] !== 0) {
        p = i;
        break;
      }
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p] as number[], rows[r] as number[]];
    const pivot = rows[r] as number[];
    const inv = inverse(pivot[col] as number);
    for (let j = col; j < n; j++) pivot[j] = mul(pivot[j] as number, inv);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number[];
      const f = row[col] as number;
      if (i === r || f === 0) continue;
      for (let j = col; j < n; j++) row[j] = mod((row[j] as number) - mul(f, pivot[j] as number));
    }
    pivots.push(col);
    r++;
  }
  const names = [...columns.keys()];
  const out = new Set<string>(system.known.keys());
  for (let i = 0; i < r; i++) {
    const row = rows[i] as number[];
    let count = 0;
    for (let j = 0; j < n && count < 2; j++) if (row[j] !== 0) count++;
    if (count === 1) out.add(names[pivots[i] as number] as string);
  }
  return out;
}

/** The variables whose ranges, narrowed equation by equation, leave one value. */
function pinned(system: System): Set<string> {
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  const bounds = (v: string): [number, number] => {
    const k = system.known.get(v);
    if (k !== undefined) return [k, k];
    const range = system.ranges.get(v);
    return [lo.get(v) ?? range?.[0] ?? 0, hi.get(v) ?? range?.[1] ?? Number.POSITIVE_INFINITY];
  };
  const unit = system.equations.filter((e) => [...e.values()].every((c) => c === 1 || c === -1));
  for (let round = 0, changed = true; changed && round < 200; round++) {
    changed = false;
    for (const e of unit) {
      for (const [v, c] of e) {
        if (system.known.has(v)) continue;
        let min = 0;
        let max = 0;
        for (const [w, d] of e) {
          if (w === v) continue;
          const [l, h] = bounds(w);
          min += d > 0 ? -d * h : -d * l;
          max += d > 0 ? -d * l : -d * h;
        }
        const [l0, h0] = bounds(v);
        const [l1, h1] = c > 0 ? [min, max] : [-max, -min];
        const l = Math.max(l0, Math.ceil(l1 - 1e-9));
        const h = Math.min(h0, Math.floor(h1 + 1e-9));
        if (l > l0) {
          lo.set(v, l);
          changed = true;
        }
        if (h < h0) {
          hi.set(v, h);
          changed = true;
        }
      }
    }
  }
  const out = new Set<string>();
  for (const v of new Set([...system.ranges.keys(), ...system.byVariable.keys()])) {
    const [l, h] = bounds(v);
    if (l === h) out.add(v);
  }
  return out;
}

/** What is given away: hidden counts, and hidden shares whose two counts are. */
function leaksOf(system: System): string[] {
  const given = determined(system);
  for (const v of pinned(system)) given.add(v);
  return [
    ...system.targets.filter((t) => given.has(t)),
    // a hidden share beside a shown denominator is given away with its numerator (a share of
    // nobody, 0/0, gives nothing away; a hidden denominator is a target of its own)
    ...system.pairs
      .filter(([, n, d]) => given.has(n) && (system.known.get(d) ?? 0) > 0)
      .map(([share]) => share),
  ];
}

/** Every entry that can still be left out, in the order sortShown gives. */
function shownEntries(system: System): string[] {
  return sortShown(system, [...system.slots.keys()]);
}

function sortShown(system: System, variables: readonly string[]): string[] {
  // shown non-zero counts first, smallest first; then shown zeros; then shown shares; last,
  // counts marked "< 5" or "..", whose mark (a range) can itself pin a figure down: left out,
  // they tell nothing
  const rank = (v: string): [number, number] => {
    const cell = system.slots.get(v)?.get();
    if (!cell) return [9, 0];
    if ("value" in cell) return [cell.value === 0 ? 1 : 0, cell.value];
    if ("ratio" in cell) return [2, 0];
    if (cell.suppressed === "primary" || cell.suppressed === "secondary") return [3, 0];
    return [9, 0];
  };
  return variables
    .filter((v) => rank(v)[0] < 9)
    .sort((a, b) => {
      const [ra, va] = rank(a);
      const [rb, vb] = rank(b);
      return ra - rb || va - vb || a.localeCompare(b);
    });
}

/** The shown entries tied to a variable: in its equations, and in theirs (two steps). */
function tiedTo(system: System, variable: string): string[] {
  const seen = new Set<string>([variable]);
  let frontier = [variable];
  for (let step = 0; step < 2; step++) {
    const next: string[] = [];
    for (const v of frontier)
      for (const i of system.byVariable.get(v) ?? [])
        for (const w of (system.equations[i] as Map<string, number>).keys())
          if (!seen.has(w)) {
            seen.add(w);
            next.push(w);
          }
    frontier = next;
  }
  // a unit's shares stand beside its counts
  for (const v of [...seen]) {
    const unit = v.slice(0, v.lastIndexOf("|"));
    if (v.endsWith("|X") || v.endsWith("|Wt") || v.endsWith("|AP"))
      seen.add(`${unit}|share:Wt`).add(`${unit}|share:AP`);
  }
  return sortShown(system, [...seen]);
}

/**
 * Leaves out ("..") the fewest further figures of the participant sections needed so that no
 * hidden figure can be worked out from the report; returns how many it left out. Changes the
 * sections in place.
 */
export function auditParticipantSections(
  s: ParticipantSections,
  threshold: number,
  allowTrueZero: boolean,
): number {
  // nothing to protect without disclosure control, or without individual initiatives (every
  // total is then 0 by construction, which says nothing about anyone)
  if (threshold === 0 || s.individual.groups.length === 0) return 0;
  let hidden = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const system = systemOf(s, threshold, allowTrueZero);
    const leaks = leaksOf(system);
    const first = leaks[0];
    if (first === undefined) return hidden;
    const variable = system.pairs.find(([share]) => share === first)?.[1] ?? first;
    const tied = tiedTo(system, variable);
    // what a hidden figure is worked out from may lie further away: then anything shown
    const candidates = [...tied, ...shownEntries(system).filter((v) => !tied.includes(v))];
    let done = false;
    for (const candidate of candidates) {
      const slot = system.slots.get(candidate);
      if (!slot) continue;
      slot.hide();
      if (!leaksOf(systemOf(s, threshold, allowTrueZero)).includes(first)) {
        done = true;
        break;
      }
      slot.restore();
    }
    if (!done) {
      const fallback = candidates.map((c) => system.slots.get(c)).find(Boolean);
      if (!fallback) throw new Error(`röjandekontrollen kan inte skydda ${first}`);
      fallback.hide();
    }
    hidden++;
  }
  throw new Error("röjandekontrollen av uppföljningen tog inte slut");
}
