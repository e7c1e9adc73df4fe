import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateKronor, parseKronor, ratioPercent, sumKronor } from "./money.ts";

describe("money", () => {
  it("reads typed amounts the Swedish way and refuses the rest", () => {
    expect(parseKronor("1 200 000 kr")).toBe(1_200_000);
    expect(parseKronor("1200000,00")).toBe(1_200_000);
    expect(parseKronor("")).toBeNull();
    expect(parseKronor("-5")).toBe("invalid");
    expect(parseKronor("12,5")).toBe("invalid");
    expect(parseKronor("tio")).toBe("invalid");
  });

  it("splits ½ · ¼ · ¼ by hand", () => {
    expect(allocateKronor(1_000_001, [2, 1, 1])).toEqual([500_001, 250_000, 250_000]);
    expect(allocateKronor(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateKronor(10, [0, 0])).toEqual([5, 5]);
  });

  it("never loses or invents a krona when it splits, and each part is within a krona of its share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          const parts = allocateKronor(total, weights);
          expect(sumKronor(parts)).toBe(total);
          const keys = weights.some((w) => w > 0) ? weights : weights.map(() => 1);
          const sum = keys.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(Number.isSafeInteger(p)).toBe(true);
            expect(Math.abs(p - (total * (keys[i] ?? 0)) / sum)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });

  it("gives the consumption ratio in whole per cent, half away from zero, none for a zero budget", () => {
    expect(ratioPercent(93, 100)).toBe(93);
    expect(ratioPercent(1, 200)).toBe(1);
    expect(ratioPercent(2_989_000, 3_200_000)).toBe(93);
    expect(ratioPercent(5, 0)).toBeNull();
    // exactly half at a ratio beyond floating point's precision: rounded away from zero
    expect(ratioPercent(811_024_204_279, 40)).toBe(2_027_560_510_698);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 1e12 }),
        (outcome, budget) => {
          const p = ratioPercent(outcome, budget);
          if (p === null) throw new Error("no ratio");
          // within half a per cent of the exact ratio, compared in integers: |p − 100·o/b| ≤ ½
          // ⇔ 2·|p·b − 100·o| ≤ b (floating point loses the half at ratios of 10¹² per cent)
          const error = BigInt(p) * BigInt(budget) - 100n * BigInt(outcome);
          expect(2n * (error < 0n ? -error : error) <= BigInt(budget)).toBe(true);
        },
      ),
    );
  });
});
