// Seeded randomness and calendar arithmetic for the national dataset. Everything is drawn from
// seeded streams, one per association and part (its name, e.g. "register:12:7"), so the same
// seed gives the same dataset (and the same ids of the rows written in bulk), and a change in
// one part leaves the others alone.
//
// The demo's generator (src/demo/demo-participants.ts Dice, mulberry32) has a 32-bit state: all
// its streams walk the one cycle of 2^32 states, and at this scale (thousands of streams,
// millions of draws) many of them overlap — the same people in two initiatives, the same ids.
// So the streams here are xoshiro128** (128-bit state, period 2^128 − 1), each seeded by the
// SHA-256 of its name: two streams overlapping is as likely as guessing a 128-bit key.
import { createHash } from "node:crypto";
import { addDays, swedishTime } from "../../src/demo/demo-time.ts";

export { addDays };

type Weights<T> = ReadonlyArray<readonly [T, number]>;

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

/** A seeded stream of random numbers (xoshiro128**). */
export class Dice {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(name: string) {
    const h = createHash("sha256").update(name).digest();
    this.a = h.readUInt32LE(0);
    this.b = h.readUInt32LE(4);
    this.c = h.readUInt32LE(8);
    this.d = h.readUInt32LE(12) || 1;
  }

  /** A 32-bit unsigned integer. */
  u32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.b << 9) >>> 0;
    this.c = (this.c ^ this.a) >>> 0;
    this.d = (this.d ^ this.b) >>> 0;
    this.b = (this.b ^ this.c) >>> 0;
    this.a = (this.a ^ this.d) >>> 0;
    this.c = (this.c ^ t) >>> 0;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A number in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One of the weighted choices. */
  pick<T>(weights: Weights<T>): T {
    const total = weights.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of weights) {
      r -= w;
      if (r < 0) return value;
    }
    const last = weights.at(-1);
    if (!last) throw new Error("no choices");
    return last[0];
  }
}

/** A stream of its own for one part of the dataset. */
export const stream = (seed: number, ...parts: Array<string | number>) =>
  new Dice(`${seed}:${parts.join(":")}`);

const hex8 = (n: number) => n.toString(16).padStart(8, "0");

/** A version-4 UUID from the stream: the same seed gives the same ids. */
export function uuidFrom(dice: Dice): string {
  const a = hex8(dice.u32());
  const b = hex8(dice.u32()).slice(0, 4);
  const c = hex8(((dice.u32() & 0xffff0fff) | 0x00004000) >>> 0);
  const d = hex8(((dice.u32() & 0x3fffffff) | 0x80000000) >>> 0);
  const e = hex8(dice.u32());
  return `${a}-${b}-${c.slice(4, 8)}-${d.slice(0, 4)}-${d.slice(4, 8)}${e}`;
}

/** Normally distributed (Box–Muller), for amounts and weights. */
export function normal(dice: Dice, mean: number, sd: number): number {
  const u = Math.max(dice.next(), 1e-12);
  const v = dice.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** One of the list, evenly. */
export function oneOf<T>(dice: Dice, list: readonly T[]): T {
  const value = list[Math.floor(dice.next() * list.length)];
  if (value === undefined) throw new Error("oneOf: empty list");
  return value;
}

/** `count` different elements of the list, in the list's order. */
export function someOf<T>(dice: Dice, list: readonly T[], count: number): T[] {
  const picked = new Set<number>();
  const n = Math.min(count, list.length);
  while (picked.size < n) picked.add(Math.floor(dice.next() * list.length));
  return [...picked].sort((a, b) => a - b).map((i) => list[i] as T);
}

const pad = (n: number) => String(n).padStart(2, "0");

export const lastDayOfMonth = (date: string): string => {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
};

/** The first day of the month `months` after that of `date`. */
export function addMonths(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-01`;
}

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

/** A day in [from, to], evenly. */
export const dayIn = (dice: Dice, from: string, to: string): string =>
  addDays(from, dice.int(0, Math.max(0, daysBetween(from, to))));

export const later = (a: string, b: string) => (a > b ? a : b);
export const earlier = (a: string, b: string) => (a < b ? a : b);

const offsets = new Map<string, string>();

/** Swedish time's offset on `date` ("+01:00", or "+02:00" in summer time), remembered per day. */
function offsetOn(date: string): string {
  let offset = offsets.get(date);
  if (offset === undefined) {
    const utcHour = swedishTime(date, "12:00").getUTCHours();
    offset = utcHour === 10 ? "+02:00" : "+01:00";
    offsets.set(date, offset);
  }
  return offset;
}

/** A moment of office hours on `date`, Swedish time, as an ISO timestamp for timestamptz. */
export function momentOf(dice: Dice, date: string): string {
  const minutes = 8 * 60 + dice.int(0, 8 * 60);
  return `${date}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00${offsetOn(date)}`;
}
