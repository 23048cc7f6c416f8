import { describe, expect, it } from "vitest";
import { fitSeasonalNaive, seasonalNaive } from "./seasonal-naive";

describe("seasonal naive", () => {
  it("repeats the last season", () => {
    expect(seasonalNaive([1, 2, 3, 4, 5], 4, { period: 2 }).mean).toEqual([4, 5, 4, 5]);
    expect(fitSeasonalNaive([1, 2, 3, 4, 5, 6, 7, 8], 7).lastSeason[0]).toBe(2);
  });
  it("rejects a bad period", () => {
    expect(() => fitSeasonalNaive([1], 0)).toThrow(new RangeError("period must be a positive integer"));
  });
});
