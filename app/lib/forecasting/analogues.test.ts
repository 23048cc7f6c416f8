import { describe, expect, it } from "vitest";
import { analogueCurves, analogueForecast } from "./analogues";

describe("analogue curves and forecast", () => {
  it("scales the analogues' later/early ratio by the new item's early sales (worked example)", () => {
    // analogue [1, 1, 3, 3] at age 2: early mean 1, next mean 3 → scale 3; the item's mean 2 → rate 6
    const curves = analogueCurves([[1, 1, 3, 3]]);
    expect([curves.early[2], curves.next[2], curves.used[2]]).toEqual([1, 3, 1]);
    expect(analogueForecast([2, 2], curves, 2)).toEqual({ rate: 6, scale: 3, used: 1 });
  });

  it("aligns analogues at their first sale, skips unknown days and those too short for the age", () => {
    const curves = analogueCurves([[0, 0, 2, NaN, 4, 4], [5]], 3, 2);
    // first sale at index 2: age 1 → early [2], next [NaN, 4] → 4; age 2 → early [2, NaN] = 2, next [4, 4];
    // age 3 → early [2, NaN, 4] = 3, next [4]; [5] has no period after its first sale and never counts
    expect(curves.early).toEqual([0, 2, 2, 3]);
    expect(curves.next).toEqual([0, 4, 4, 4]);
    expect(curves.used).toEqual([0, 1, 1, 1]);
  });

  it("falls back to the item's own mean without usable analogues, and uses the last age beyond the curves", () => {
    expect(analogueForecast([2, 2], analogueCurves([[1]]), 2)).toEqual({ rate: 2, scale: 1, used: 0 });
    expect(analogueForecast([3, 3, 3], analogueCurves([[1, 1, 3, 3]], 2), 3)).toEqual({ rate: 9, scale: 3, used: 1 });
    expect(() => analogueForecast([1], analogueCurves([]), 0)).toThrow(new RangeError("age must be a positive integer"));
  });
});
