// Money is whole kronor, as a safe integer, everywhere: stored as bigint, summed as integers,
// shown with formatMoney (i18n/format.ts). This is where typed amounts are read.
export { formatMoney, formatThousandKronor } from "./i18n/format.ts";

/**
 * Reads an amount typed by a person: "1 200 000", "1200000 kr", "1 200 000,00". Returns null
 * for an empty field and "invalid" for anything that is not a whole, non-negative krona amount.
 */
export function parseKronor(value: string | number | null | undefined): number | null | "invalid" {
  if (value === null || value === undefined) return null;
  if (typeof value === "number")
    return Number.isSafeInteger(value) && value >= 0 ? value : "invalid";
  const text = value
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/(kr|sek|:-)$/i, "")
    .replace(/,0{1,2}$/, "");
  if (text === "") return null;
  if (!/^\d+$/.test(text)) return "invalid";
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : "invalid";
}

/** The sum of whole-krona amounts, refusing anything that would not stay exact. */
export function sumKronor(amounts: Iterable<number>): number {
  let total = 0;
  for (const a of amounts) {
    total += a;
    if (!Number.isSafeInteger(total))
      throw new RangeError("Summan är för stor för att räknas exakt.");
  }
  return total;
}

/**
 * Splits a whole-krona total by weights (largest remainder): the parts are whole kronor, each
 * within one krona of its exact share, and they always add up to the total — no krona is lost
 * or invented. Ties go to the earlier weight. All weights zero (or none positive): equal parts.
 */
export function allocateKronor(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0)
    throw new RangeError("Beloppet att fördela måste vara hela kronor, noll eller mer.");
  if (!weights.length) {
    if (total === 0) return [];
    throw new RangeError("Det finns inget att fördela beloppet på.");
  }
  for (const w of weights)
    if (!Number.isSafeInteger(w) || w < 0)
      throw new RangeError("Fördelningsnyckeln måste vara hela tal, noll eller mer.");
  const positive = weights.some((w) => w > 0);
  const keys = (positive ? weights : weights.map(() => 1)).map(BigInt);
  const sum = keys.reduce((a, b) => a + b, 0n);
  const whole = BigInt(total);
  const parts = keys.map((k) => (whole * k) / sum);
  const remainders = keys.map((k, i) => ({ i, r: (whole * k) % sum }));
  let left = Number(whole - parts.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of remainders) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left--;
  }
  return parts.map(Number);
}

/**
 * Förbrukningskvot: outcome ÷ budget as a ratio (0.93 for 93 %), or null when the budget is
 * zero (no ratio can be given; say so rather than show infinity).
 */
export function consumptionRatio(outcome: number, budget: number): number | null {
  if (!Number.isSafeInteger(outcome) || !Number.isSafeInteger(budget))
    throw new RangeError("Utfall och budget måste vara hela kronor.");
  return budget === 0 ? null : outcome / budget;
}

/** The ratio in whole per cent, rounded half away from zero, in exact integer arithmetic. */
export function ratioPercent(outcome: number, budget: number): number | null {
  if (consumptionRatio(outcome, budget) === null) return null;
  const n = BigInt(outcome) * 200n;
  const d = BigInt(budget) * 2n;
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  return Number(sign * ((an * 2n + ad) / (2n * ad)));
}

/**
 * Reads an amount that may be negative (equity carried in): like parseKronor, with one leading
 * minus — the hyphen-minus "-" or the minus sign "−" (U+2212) that formatMoney writes — and
 * nowhere else. "−150 000 kr" → -150000. Null for an empty field, "invalid" for anything else.
 */
export function parseSignedKronor(
  value: string | number | null | undefined,
): number | null | "invalid" {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : "invalid";
  const text = value.replace(/^[\s\u00a0\u202f]+/, "");
  const negative = /^[-\u2212]/.test(text);
  const magnitude = parseKronor(negative ? text.slice(1) : text);
  if (magnitude === null) return negative ? "invalid" : null;
  if (magnitude === "invalid") return "invalid";
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}
