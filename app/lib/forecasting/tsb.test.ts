import { describe, expect, it } from "vitest";
import { fitTsb, tsb } from "./tsb";

describe("tsb", () => {
  it("matches a hand-computed example", () => {
    // p0 = 2/4 = 0.5, z0 = 3; y=0: p=0.45; y=3: p=0.505; y=0: p=0.4545; y=3: p=0.50905
    const fit = fitTsb(Object.freeze([0, 3, 0, 3]));
    expect(fit.params.probability).toBeCloseTo(0.50905, 12);
    expect(fit.params.size).toBe(3);
    expect(fit.params.rate).toBeCloseTo(1.52715, 12);
    expect(fit.fitted[0]).toBeCloseTo(1.5, 12);
  });

  it("decays towards zero after demand stops (obsolescence), unlike Croston", () => {
    const y = [...new Array(20)].map((_, t) => (t % 2 ? 4 : 0)).concat(new Array(40).fill(0));
    const f = tsb(y, 1).mean[0];
    expect(f).toBeLessThan(0.1);
    expect(fitTsb(y).params.size).toBeGreaterThan(3);
  });

  it("rejects bad smoothing constants", () => {
    expect(() => fitTsb([1, 0], { beta: 1.5 })).toThrow(new RangeError("beta must be in (0, 1]"));
    expect(() => fitTsb([1, 0], { alpha: -1 })).toThrow(new RangeError("alpha must be in (0, 1]"));
  });
});
