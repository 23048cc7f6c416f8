import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateCharges, allocateLargestRemainder, landedUnitCostTenThousandths } from "./allocate-charges";

describe("allocateLargestRemainder", () => {
  it("worked example: $1.00 over three equal weights gives 34, 33, 33 (the first tie takes the spare cent)", () => {
    expect(allocateLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it("worked example: $100.00 freight by value over $30, $30, $40 lines", () => {
    expect(allocateLargestRemainder(10_000, [3_000, 3_000, 4_000])).toEqual([3_000, 3_000, 4_000]);
  });

  it("hands spare cents to the largest remainders, not the first lines", () => {
    // 5 over 1:2:7: quotas 0.5, 1.0, 3.5 → floors 0, 1, 3; one cent left; remainders tie 0.5 vs 0.5 → larger weight (7)
    expect(allocateLargestRemainder(5, [1, 2, 7])).toEqual([0, 1, 4]);
    // 7 cents over 3:3:1 → quotas 3, 3, 1 exactly
    expect(allocateLargestRemainder(7, [3, 3, 1])).toEqual([3, 3, 1]);
    // 10 over 1:1:1:0 → 4, 3, 3, 0: zero weights never take a cent
    expect(allocateLargestRemainder(10, [1, 1, 1, 0])).toEqual([4, 3, 3, 0]);
  });

  it("refuses a charge with nowhere to go and bad inputs", () => {
    expect(() => allocateLargestRemainder(100, [0, 0])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(-1, [1])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(1.5, [1])).toThrow(RangeError);
    expect(allocateLargestRemainder(0, [0, 0])).toEqual([0, 0]);
  });

  it("property: shares sum exactly to the total, none is negative, each is within one cent of its quota", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          fc.pre(total === 0 || weights.some((w) => w > 0));
          const shares = allocateLargestRemainder(total, weights);
          expect(shares.reduce((s, x) => s + x, 0)).toBe(total);
          const sum = weights.reduce((s, w) => s + w, 0);
          shares.forEach((share, i) => {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(Number.isInteger(share)).toBe(true);
            if (sum > 0) expect(Math.abs(share - (total * weights[i]) / sum)).toBeLessThan(1 + 1e-6);
            if (weights[i] === 0) expect(share).toBe(0);
          });
        },
      ),
    );
  });
});

describe("allocateCharges", () => {
  const lines = [
    { quantity: 10, valueMinor: 2_500 }, // 10 × $2.50
    { quantity: 5, valueMinor: 5_000 }, // 5 × $10.00
    { quantity: 1, valueMinor: 2_500 }, // 1 × $25.00
  ];

  it("worked example: $50.00 freight by value goes 25 % / 50 % / 25 %", () => {
    expect(allocateCharges(5_000, lines, "value")).toEqual([1_250, 2_500, 1_250]);
  });

  it("worked example: $50.00 freight by quantity goes 10 / 5 / 1 of 16 units", () => {
    // quotas 3125, 1562.5, 312.5 → floors 3125, 1562, 312; one cent left; tie on .5 → larger weight (5 units)
    expect(allocateCharges(5_000, lines, "quantity")).toEqual([3_125, 1_563, 312]);
  });

  it("falls back to quantity when no line has a value yet", () => {
    expect(allocateCharges(300, [{ quantity: 1, valueMinor: 0 }, { quantity: 2, valueMinor: 0 }], "value")).toEqual([100, 200]);
  });
});

describe("landedUnitCostTenThousandths", () => {
  it("worked example: $3.00 plus $10.00 over 6 units is $4.6667", () => {
    expect(landedUnitCostTenThousandths(30_000, 1_000, 6)).toBe(46_667);
  });

  it("adds nothing without a share and refuses a share on no units", () => {
    expect(landedUnitCostTenThousandths(12_345, 0, 4)).toBe(12_345);
    expect(landedUnitCostTenThousandths(12_345, 0, 0)).toBe(12_345);
    expect(() => landedUnitCostTenThousandths(1, 1, 0)).toThrow(RangeError);
  });
});
