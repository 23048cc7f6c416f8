import { describe, expect, it } from "vitest";
import { fitMovingAverage, movingAverage } from "./moving-average";

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
