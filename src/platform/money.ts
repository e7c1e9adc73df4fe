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
