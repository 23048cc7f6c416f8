import { describe, expect, it } from "vitest";
import { normalQuantile, quantileSorted, studentQuantile } from "./numeric";

describe("numeric helpers", () => {
  it("normal quantile matches tables", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.644853627, 8);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306, 7);
    expect(() => normalQuantile(1)).toThrow(new RangeError("p must be between 0 and 1 exclusive"));
  });
  it("student quantile matches tables", () => {
    expect(studentQuantile(0.95, 10)).toBeCloseTo(1.812, 2);
    expect(studentQuantile(0.95, 30)).toBeCloseTo(1.697, 3);
    expect(() => studentQuantile(0.9, 0)).toThrow(new RangeError("degrees of freedom must be positive"));
  });
  it("quantile type 7 interpolates", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([7], 0.9)).toBe(7);
  });
});
