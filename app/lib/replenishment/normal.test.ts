import { describe, expect, it } from "vitest";
import { normalCdf, normalLoss, normalPdf, normalQuantile } from "./normal";

describe("normal helpers", () => {
  it("matches standard normal table values", () => {
    expect(normalPdf(0)).toBeCloseTo(0.398942, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
  });
  it("inverts the CDF to table precision", () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 5);
    for (const p of [1e-6, 0.02, 0.3, 0.5, 0.7, 0.98, 1 - 1e-6]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
  });
  it("loss function G(k) matches Silver, Pyke & Thomas appendix B", () => {
    expect(normalLoss(0)).toBeCloseTo(0.3989, 4);
    expect(normalLoss(1)).toBeCloseTo(0.0833, 4);
    expect(normalLoss(2)).toBeCloseTo(0.0085, 4);
    // G(−k) = G(k) + k
    expect(normalLoss(-1)).toBeCloseTo(1.0833, 4);
  });
  it("rejects probabilities outside (0, 1)", () => {
    expect(() => normalQuantile(0)).toThrow(new RangeError("p must be between 0 and 1 exclusive"));
    expect(() => normalQuantile(1)).toThrow(new RangeError("p must be between 0 and 1 exclusive"));
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});
