import { describe, expect, it } from "vitest";
import { fitNaive, naive } from "./naive";

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
