import { describe, expect, it } from "vitest";
import { seasonalProfile } from "./profile";

describe("seasonalProfile", () => {
  it("gives multiplicative weights averaging 1 and 0 for phases never known", () => {
    expect(seasonalProfile([0, 2, 4, 0, 2, 4], 3, 6, 0)).toEqual([0, 1, 2]);
    const w = seasonalProfile([NaN, 2, 4, NaN, 2, 4], 3, 6, 2);
    expect(w[0]).toBe(0);
    expect(w[1] + w[2]).toBeCloseTo(2, 12);
    expect(seasonalProfile([1, 2], 1)).toEqual([1]);
    expect(() => seasonalProfile([1], 0)).toThrow(new RangeError("period must be a positive integer"));
  });
});
