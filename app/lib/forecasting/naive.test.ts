import { describe, expect, it } from "vitest";
import { fitMovingAverage, movingAverage } from "./moving-average";
import { fitNaive, naive } from "./naive";
import { fitSeasonalNaive, seasonalNaive } from "./seasonal-naive";

describe("naive", () => {
  it("forecasts the last known value with σ√h intervals", () => {
    const f = naive(Object.freeze([1, 3, 2, NaN]), 4, { levels: [0.95] });
    expect(f.mean).toEqual([2, 2, 2, 2]);
    const fit = fitNaive([1, 3, 2]);
    expect(fit.params.sigma2).toBeCloseTo((4 + 1) / 2, 12);
    const w1 = f.intervals[0].upper[0] - 2;
    const w4 = f.intervals[0].upper[3] - 2;
    expect(w4 / w1).toBeCloseTo(2, 9);
  });
  it("rejects an empty series", () => {
    expect(() => fitNaive([NaN])).toThrow(new RangeError("naive requires at least one observation"));
  });
});

describe("seasonal naive", () => {
  it("repeats the last season", () => {
    expect(seasonalNaive([1, 2, 3, 4, 5], 4, { period: 2 }).mean).toEqual([4, 5, 4, 5]);
    expect(fitSeasonalNaive([1, 2, 3, 4, 5, 6, 7, 8], 7).lastSeason[0]).toBe(2);
  });
  it("rejects a bad period", () => {
    expect(() => fitSeasonalNaive([1], 0)).toThrow(new RangeError("period must be a positive integer"));
  });
});

describe("moving average", () => {
  it("averages the last k known values, skipping unknowns", () => {
    expect(fitMovingAverage([1, 2, NaN, 3, 4], 2).params.level).toBe(3.5);
    expect(movingAverage([1, 2, 3, 4], 2, { window: 3 }).mean).toEqual([3, 3]);
    expect(fitMovingAverage([1, 2, 3], 2).fitted).toEqual([NaN, 1, 1.5]);
  });
  it("rejects a bad window", () => {
    expect(() => fitMovingAverage([1], 0)).toThrow(new RangeError("window must be a positive integer"));
  });
});
