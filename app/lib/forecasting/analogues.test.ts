import { describe, expect, it } from "vitest";
import { analogueForecast } from "./analogues";

describe("analogueForecast", () => {
  it("scales the analogues' later/early ratio by the new item's early sales", () => {
    expect(analogueForecast([2, 2], [[1, 1, 3, 3]], 2)).toEqual({ rate: 6, scale: 3, used: 1 });
    expect(analogueForecast([2, 2], [[1]], 2)).toEqual({ rate: 2, scale: 1, used: 0 });
    expect(() => analogueForecast([1], [], 0)).toThrow(new RangeError("age must be a positive integer"));
  });
});
