import { describe, expect, it } from "vitest";
import { knownPrefix, yearlyIndex } from "./yearly";

describe("yearlyIndex", () => {
  const spec = { periodsPerYear: 52, halfWindow: 2, levelWindow: 4, shrink: 0 };
  // two years of weekly data: 10 a week, 30 in weeks 40–49
  const y = Array.from({ length: 104 }, (_, t) => (t % 52 >= 40 && t % 52 < 50 ? 30 : 10));

  it("is last year's mean around the same week over last year's mean before the origin", () => {
    const p = knownPrefix(y);
    // origin t = 90 (week 38 of year 2): same week last year is week 38 (t = 38); lead 4 → week 42
    expect(yearlyIndex(p, 90, 4, spec)).toBeCloseTo(3, 12);
    expect(yearlyIndex(p, 90, 0, spec)).toBeCloseTo((10 * 4 + 30) / 5 / 10, 12);
  });

  it("returns 1 without a previous year and shrinks towards 1", () => {
    const p = knownPrefix(y);
    expect(yearlyIndex(p, 40, 0, spec)).toBe(1);
    expect(yearlyIndex(p, 90, 4, { ...spec, shrink: 10 })).toBeCloseTo(2, 12);
  });

  it("prefix sums skip unknown values", () => {
    expect(Array.from(knownPrefix([1, NaN, 2]).sum)).toEqual([0, 1, 1, 3]);
    expect(Array.from(knownPrefix([1, NaN, 2]).count)).toEqual([0, 1, 1, 2]);
  });
});
