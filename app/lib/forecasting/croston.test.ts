import { describe, expect, it } from "vitest";
import ref from "../../../tests/fixtures/r-reference/croston-reference.json";
import { croston, crostonFactor, fitCroston } from "./croston";

describe("croston", () => {
  it("matches a hand-computed example (sizes 2,4; intervals 2,3; alpha 0.1)", () => {
    // z: 2 → 2 + 0.1·(4 − 2) = 2.2;  p: 2 → 2 + 0.1·(3 − 2) = 2.1;  rate = 2.2 / 2.1
    const fit = fitCroston(Object.freeze([0, 2, 0, 0, 4, 0]));
    expect(fit.params.size).toBeCloseTo(2.2, 12);
    expect(fit.params.interval).toBeCloseTo(2.1, 12);
    expect(fit.params.rate).toBeCloseTo(2.2 / 2.1, 12);
    expect(fit.fitted.slice(1)).toEqual([0, 1, 1, 1, 2.2 / 2.1]);
  });

  it("SBA multiplies by 1 − α/2 and SBJ by 1 − α/(2 − α) (hand-computed)", () => {
    const y = Object.freeze([0, 2, 0, 0, 4, 0]);
    expect(croston(y, 3, { variant: "sba" }).mean).toEqual(new Array(3).fill((0.95 * 2.2) / 2.1));
    expect(fitCroston(y, { variant: "sbj", alpha: 0.2 }).params.factor).toBeCloseTo(1 - 0.2 / 1.8, 12);
    expect(crostonFactor("classic", 0.3)).toBe(1);
    expect(fitCroston(y, { variant: "sba" }).method).toBe("croston-sba");
  });

  it.each(ref.cases)("matches R forecast::croston ($series, alpha $alpha) to 1e-9", (c) => {
    const f = croston(c.y, 5, { alpha: c.alpha });
    f.mean.forEach((v, i) => expect(v).toBeCloseTo(c.mean[i], 9));
    const fit = fitCroston(c.y, { alpha: c.alpha });
    // R's fitted values (it refits every prefix); index 0 is NA in R and NaN here
    c.fitted.slice(1).forEach((v, i) => expect(fit.fitted[i + 1]).toBeCloseTo(Number(v), 9));
  });

  it("skips unknown (NaN) periods when counting intervals", () => {
    expect(fitCroston([0, 2, NaN, 0, 4]).params.interval).toBeCloseTo(2, 12);
  });

  it("rejects bad alpha and too few demands", () => {
    expect(() => fitCroston([1, 0, 1], { alpha: 0 })).toThrow(new RangeError("alpha must be in (0, 1]"));
    expect(() => fitCroston([0, 0, 1])).toThrow(new RangeError("croston requires at least two non-zero observations"));
  });
});
