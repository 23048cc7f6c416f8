import { describe, expect, it } from "vitest";
import { forecastValueAdded, naiveDailyMean, scoreSnapshot, wape, weeklyTotals } from "./forecast-accuracy";

describe("weeklyTotals", () => {
  it("sums days 0–6, 7–13, … (the docs example)", () => {
    expect(weeklyTotals([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2], 2)).toEqual([7, 14]);
  });
  it("takes four weeks of a longer forecast and ignores the rest", () => {
    const daily = Object.freeze(Array.from({ length: 35 }, (_, d) => d));
    // week 1: 0+…+6 = 21; week 2: 7+…+13 = 70; week 3: 119; week 4: 168.
    expect(weeklyTotals(daily)).toEqual([21, 70, 119, 168]);
  });
  it("refuses a forecast shorter than the weeks asked for, or holding NaN", () => {
    expect(() => weeklyTotals(new Array(27).fill(1))).toThrow("dailyForecast must cover at least 28 days");
    expect(() => weeklyTotals([...new Array(27).fill(1), Number.NaN])).toThrow("dailyForecast must hold finite numbers");
  });
});

describe("naiveDailyMean", () => {
  it("averages the last known days, skipping stocked-out ones (the docs example)", () => {
    expect(naiveDailyMean([9, 0, 2, 4], [0, 0, 1, 0], 2)).toBe(2);
  });
  it("uses the 30 days before the plan date by default", () => {
    const history = Object.freeze([...new Array(10).fill(100), ...new Array(30).fill(3)]);
    expect(naiveDailyMean(history)).toBe(3);
  });
  it("walks back past unknown days to find 30 known ones, and uses fewer when the history is short", () => {
    const history = [...new Array(30).fill(1), ...new Array(5).fill(50)];
    const unknown = [...new Array(30).fill(0), ...new Array(5).fill(1)];
    expect(naiveDailyMean(history, unknown)).toBe(1);
    expect(naiveDailyMean([2, 4])).toBe(3);
  });
  it("is 0 when no day is known, and refuses a bad window", () => {
    expect(naiveDailyMean([5, 5], [1, 1])).toBe(0);
    expect(naiveDailyMean([])).toBe(0);
    expect(() => naiveDailyMean([1], undefined, 0)).toThrow("window must be a positive integer");
  });
});

describe("wape", () => {
  it("is Σ|A − F| ÷ Σ A over the buckets (the docs example)", () => {
    expect(wape([{ actual: 10, forecast: 8 }, { actual: 0, forecast: 2 }])).toBeCloseTo(0.4, 12);
  });
  it("lets errors inside a bucket cancel: a 28-day total right on target scores 0", () => {
    // Daily: actual 0,0,0,28 vs forecast 7,7,7,7 is a WAPE of 42/28 = 1.5; on the total it is 0.
    expect(wape([{ actual: 28, forecast: 28 }])).toBe(0);
  });
  it("is null when nothing sold, and refuses negative or non-finite values", () => {
    expect(wape([{ actual: 0, forecast: 3 }])).toBeNull();
    expect(wape([])).toBeNull();
    expect(() => wape([{ actual: -1, forecast: 0 }])).toThrow("actual must be a non-negative finite number");
    expect(() => wape([{ actual: 1, forecast: Number.NaN }])).toThrow("forecast must be a non-negative finite number");
  });
});

describe("forecastValueAdded", () => {
  it("is 1 − WAPE ÷ naive WAPE (the docs example), negative when the benchmark wins", () => {
    expect(forecastValueAdded(0.3, 0.4)).toBeCloseTo(0.25, 12);
    expect(forecastValueAdded(0.6, 0.4)).toBeCloseTo(-0.5, 12);
  });
  it("is null without both WAPEs or when the benchmark is perfect", () => {
    expect(forecastValueAdded(null, 0.4)).toBeNull();
    expect(forecastValueAdded(0.3, null)).toBeNull();
    expect(forecastValueAdded(0, 0)).toBeNull();
  });
});

describe("scoreSnapshot", () => {
  const never = [false, false, false, false];
  it("scores 4-week totals and weekly totals against the naive benchmark (the docs example)", () => {
    const { total, weekly } = scoreSnapshot([{ variantId: "a", forecastWeeks: [7, 7, 7, 7], naiveDaily: 2, actualWeeks: [5, 5, 5, 5], stockedOutWeeks: never }]);
    expect(total).toMatchObject({ buckets: 1, actualUnits: 20 });
    expect(total.wape).toBeCloseTo(8 / 20, 12); // |20 − 28| / 20
    expect(total.naiveWape).toBeCloseTo(36 / 20, 12); // |20 − 56| / 20
    expect(total.fva).toBeCloseTo(1 - 0.4 / 1.8, 12);
    expect(weekly.wape).toBeCloseTo(8 / 20, 12); // 4 weeks × |5 − 7| / 20
    expect(weekly.naiveWape).toBeCloseTo(36 / 20, 12); // 4 × |5 − 14| / 20
  });

  it("sums a variant's locations per week, and leaves stocked-out buckets out for both forecasts", () => {
    const input = Object.freeze([
      // Variant a at two locations: one over-forecast, one under; week 2 at the second location stocked out.
      { variantId: "a", forecastWeeks: [10, 10, 10, 10], naiveDaily: 1, actualWeeks: [6, 6, 6, 6], stockedOutWeeks: never },
      { variantId: "a", forecastWeeks: [2, 2, 2, 2], naiveDaily: 1, actualWeeks: [6, 0, 6, 6], stockedOutWeeks: [false, true, false, false] },
      // Variant b sold nothing and was forecast 1 a week: error without actual units.
      { variantId: "b", forecastWeeks: [1, 1, 1, 1], naiveDaily: 0, actualWeeks: [0, 0, 0, 0], stockedOutWeeks: never },
    ]);
    const result = scoreSnapshot(input);
    expect(result.series).toBe(3);
    expect(result.stockedOutSeries).toBe(1);
    // 4-week level: series 1 (A 24, F 40, naive 28) and series 3 (A 0, F 4, naive 0).
    expect(result.total.wape).toBeCloseTo((16 + 4) / 24, 12);
    expect(result.total.naiveWape).toBeCloseTo(4 / 24, 12);
    expect(result.total.buckets).toBe(2);
    // Weekly level: a's weeks 1, 3, 4 sum both locations (A 12, F 12, naive 14); its week 2 only the first
    // (A 6, F 10, naive 7); b's weeks: A 0, F 1, naive 0.
    expect(result.weekly.wape).toBeCloseTo((0 + 4 + 0 + 0 + 4 * 1) / (12 * 3 + 6), 12);
    expect(result.weekly.naiveWape).toBeCloseTo((2 * 3 + 1) / 42, 12);
    expect(result.weekly.buckets).toBe(8);
    expect(result.byWeek[1].wape).toBeCloseTo((4 + 1) / 6, 12);
    expect(result.byWeek[0].wape).toBeCloseTo(1 / 12, 12);
  });

  it("has no figure when nothing sold, and refuses a series without 4 weeks", () => {
    const none = scoreSnapshot([]);
    expect(none.total).toEqual({ wape: null, naiveWape: null, fva: null, buckets: 0, actualUnits: 0 });
    expect(() => scoreSnapshot([{ variantId: "a", forecastWeeks: [1], naiveDaily: 0, actualWeeks: [1, 1, 1, 1], stockedOutWeeks: never }])).toThrow(
      "each series needs 4 forecast weeks, 4 actual weeks and 4 stockout flags",
    );
  });
});
