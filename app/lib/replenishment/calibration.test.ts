import { describe, expect, it } from "vitest";
import { quantileScale } from "./calibration";

describe("quantileScale", () => {
  it("picks the ⌈p·n⌉-th score (worked example)", () => {
    const samples = Object.freeze([
      Object.freeze({ mean: 10, quantile: 20, actual: 25 }), // score 1.5
      Object.freeze({ mean: 10, quantile: 20, actual: 12 }), // 0.2
    ]);
    expect(quantileScale(samples, 0.9)).toBe(1.5);
    expect(quantileScale(samples, 0.5)).toBe(1); // 0.2 → never narrows below 1
  });
  it("bounds the scale and handles degenerate quantiles", () => {
    expect(quantileScale([{ mean: 10, quantile: 10, actual: 11 }], 0.9)).toBe(4); // +∞ score
    expect(quantileScale([{ mean: 10, quantile: 12, actual: 100 }], 0.9, 2)).toBe(2);
    expect(quantileScale([{ mean: 10, quantile: 12, actual: 3 }], 0.9)).toBe(1); // −∞ score
    expect(quantileScale([], 0.9)).toBe(1);
  });
  it("rejects bad inputs", () => {
    expect(() => quantileScale([], 1)).toThrow(new RangeError("serviceLevel must be between 0 and 1 exclusive"));
    expect(() => quantileScale([], 0.9, 0.5)).toThrow(new RangeError("maxScale must be at least 1"));
    expect(() => quantileScale([{ mean: Number.NaN, quantile: 1, actual: 1 }], 0.9)).toThrow(new RangeError("mean must be a finite number"));
  });
});
