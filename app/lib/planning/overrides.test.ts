import { describe, expect, it } from "vitest";
import { applyHorizonOverrides, shiftTotal } from "./overrides";

const forecast = Object.freeze({
  mean: Object.freeze([2, 2, 2, 2]) as readonly number[],
  intervals: Object.freeze([Object.freeze({ level: 0.8, lower: Object.freeze([1, 1, 1, 1]) as readonly number[], upper: Object.freeze([4, 4, 4, 4]) as readonly number[] })]),
});

describe("applyHorizonOverrides", () => {
  it("replaces the mean on days [fromDay, toDay] clipped to the horizon, bands shift with it, inputs untouched", () => {
    const out = applyHorizonOverrides(forecast, [
      { id: "a", fromDay: -3, toDay: 1, dailyUnits: 5 },
      { id: "past", fromDay: -9, toDay: -1, dailyUnits: 100 },
      { id: "b", fromDay: 3, toDay: 40, dailyUnits: 0 },
    ]);
    expect(out.mean).toEqual([5, 5, 2, 0]);
    expect(out.intervals[0].lower).toEqual([4, 4, 1, 0]);
    expect(out.intervals[0].upper).toEqual([7, 7, 4, 2]);
    expect(out).toMatchObject({ days: [0, 1, 3], baseMean: [2, 2, 2], ids: ["a", "b"] });
    expect(forecast.mean).toEqual([2, 2, 2, 2]);
  });
});

describe("shiftTotal", () => {
  it("shifts mean and quantiles by the overrides' change over the interval only", () => {
    const total = { mean: 8, quantile: (p: number) => 8 + 10 * p };
    const shifted = shiftTotal(total, [2, 2, 2, 2], [2, 5, 5, 2], 2);
    expect(shifted.mean).toBe(11);
    expect(shifted.quantile(0.5)).toBe(16);
    expect(shiftTotal(total, [2, 2], [0, 0], 2).quantile(0.1)).toBe(5);
    expect(shiftTotal(total, [2, 2, 2], [2, 2, 50], 2)).toBe(total);
    expect(shiftTotal({ mean: 1, quantile: () => 1 }, [3], [0], 1).mean).toBe(0);
  });
});
