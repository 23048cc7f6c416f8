import { describe, expect, it } from "vitest";
import { applyHorizonOverrides } from "~/lib/planning";
import { buildPackedSeries, horizonOverrides, orderMinimum, type ForecastOverrideSpan } from "./series";

// Overrides by date, as the planner hands them to the engine.
const applyForecastOverrides = (f: Parameters<typeof applyHorizonOverrides>[0], asOfDate: string, spans: ForecastOverrideSpan[]) =>
  applyHorizonOverrides(f, horizonOverrides(asOfDate, spans));

const forecast = Object.freeze({
  mean: Object.freeze([2, 2, 2, 2]) as readonly number[],
  intervals: Object.freeze([Object.freeze({ level: 0.8, lower: Object.freeze([1, 1, 1, 1]) as readonly number[], upper: Object.freeze([4, 4, 4, 4]) as readonly number[] })]),
});

describe("applyForecastOverrides", () => {
  it("replaces the mean on the overridden days and shifts that day's bounds by the same amount, never below 0", () => {
    const out = applyForecastOverrides(forecast, "2026-11-22", [{ id: "a", startDate: "2026-11-23", endDate: "2026-11-24", dailyUnits: 5 }]);
    expect(out.mean).toEqual([2, 5, 5, 2]);
    expect(out.intervals[0].lower).toEqual([1, 4, 4, 1]);
    expect(out.intervals[0].upper).toEqual([4, 7, 7, 4]);
    expect(out).toMatchObject({ days: [1, 2], baseMean: [2, 2], ids: ["a"] });
    const zero = applyForecastOverrides(forecast, "2026-11-22", [{ id: "z", startDate: "2026-11-22", endDate: "2026-11-22", dailyUnits: 0 }]);
    expect(zero.mean[0]).toBe(0);
    expect(zero.intervals[0].lower[0]).toBe(0);
    expect(zero.intervals[0].upper[0]).toBe(2);
    expect(forecast.mean).toEqual([2, 2, 2, 2]);
  });

  it("lets later overrides win where they overlap, clips to the horizon and ignores spans outside it", () => {
    const out = applyForecastOverrides(forecast, "2026-11-22", [
      { id: "early", startDate: "2026-11-01", endDate: "2026-11-23", dailyUnits: 3 },
      { id: "late", startDate: "2026-11-23", endDate: "2027-01-01", dailyUnits: 9 },
      { id: "past", startDate: "2026-10-01", endDate: "2026-10-31", dailyUnits: 100 },
    ]);
    expect(out.mean).toEqual([3, 9, 9, 9]);
    expect(out.baseMean).toEqual([2, 2, 2, 2]);
    expect(out.ids).toEqual(["early", "late"]);
  });
});

describe("orderMinimum", () => {
  it("takes the larger of MOQ and the variant's minimum per order", () => {
    expect(orderMinimum(24, 36)).toBe(36);
    expect(orderMinimum(24, null)).toBe(24);
    expect(orderMinimum(undefined, 10)).toBe(10);
    expect(orderMinimum(null, null)).toBeUndefined();
  });
});

describe("buildPackedSeries", () => {
  it("unpacks days into a dense window, masks stocked-out days and ignores days outside the window", () => {
    const series = buildPackedSeries(
      "2026-01-01",
      4,
      [
        { variantId: "v1", locationId: "l1", days: "2025-12-31=9,2026-01-02=4,2026-01-04=1.5,2026-01-05=7" },
        { variantId: "v2", locationId: "l1", days: "2026-01-09=3" },
        { variantId: "v3", locationId: "l1", days: null },
      ],
      [
        { variantId: "v1", locationId: "l1", date: "2026-01-03" },
        { variantId: "v4", locationId: "l2", date: "2026-01-01" },
        { variantId: "v4", locationId: "l2", date: "2026-02-01" },
      ],
    );
    expect([...series.keys()]).toEqual(["v1|l1", "v4|l2"]);
    expect([...series.get("v1|l1")!.units]).toEqual([0, 4, 0, 1.5]);
    expect([...series.get("v1|l1")!.stockout]).toEqual([0, 0, 1, 0]);
    expect([...series.get("v4|l2")!.units]).toEqual([0, 0, 0, 0]);
    expect([...series.get("v4|l2")!.stockout]).toEqual([1, 0, 0, 0]);
  });
});
