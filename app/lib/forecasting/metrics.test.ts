import { describe, expect, it } from "vitest";
import scorePy from "../../../tests/fixtures/r-reference/score-py-reference.json";
import { accuracy } from "./metrics";

describe("accuracy (as score.py)", () => {
  // history 0,0,2,4,2 (first sale at index 2); actual 3,1; forecast 2,2 → e = −1, +1
  const s = { history: [0, 0, 2, 4, 2], actual: [3, 1], forecast: [2, 2], lower95: [0, 0], upper95: [4, 4], weight: 2 };

  it("computes MAE, RMSE, bias, MASE (m = 1), RMSSE from the first sale", () => {
    const r = accuracy([s], 1);
    expect(r.mae).toBe(1);
    expect(r.rmse).toBe(1);
    expect(r.bias).toBe(0);
    // MASE scale: mean |Δy| = (0 + 2 + 2 + 2) / 4 = 1.5
    expect(r.mase).toBeCloseTo(1 / 1.5, 12);
    // RMSSE scale from first sale: Δ of [2,4,2] → (4 + 4) / 2 = 4; √(1/4)
    expect(r.rmsse).toBeCloseTo(0.5, 12);
    expect(r.wape).toBeCloseTo(2 / 4, 12);
    expect(r.cover95).toBe(1);
  });

  it("uses the seasonal scale with m = 7 and falls back to naive(1) when it is zero", () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7];
    const r = accuracy([{ history: y, actual: [1], forecast: [2] }], 7);
    // seasonal differences are all 0 → naive(1) scale = (6·1 + 6 + ... ) mean |Δy| = (12 + 6)/13
    expect(r.mase).toBeCloseTo(1 / (18 / 13), 12);
  });

  it("SL95 uses q95_total when given, else the upper half-width with independence", () => {
    expect(accuracy([{ ...s, q95Total: 3.5 }], 1).sl95).toBe(0);
    expect(accuracy([{ ...s, q95Total: 4 }], 1).sl95).toBe(1);
    // σ_h = 2/1.96; total 4 + 1.645·√2·σ_h ≥ 4 → covered
    expect(accuracy([s], 1).sl95).toBe(1);
  });

  it("weights RMSSE for wRMSSE and skips undefined scales", () => {
    const flat = { history: [0, 0, 0], actual: [1], forecast: [0], weight: 5 };
    const r = accuracy([s, flat], 1);
    expect(r.perSeries[1].rmsse).toBeNaN();
    expect(r.wrmsse).toBeCloseTo(0.5, 12);
  });

  it("validates inputs", () => {
    expect(() => accuracy([])).toThrow(new RangeError("accuracy requires at least one series"));
    expect(() => accuracy([{ history: [1], actual: [1, 2], forecast: [1] }])).toThrow(
      new RangeError("forecast and actual must have the same length")
    );
  });
});

describe("accuracy parity with score.py", () => {
  it("reproduces score.py's aggregates on three public series to 1e-9", () => {
    const r = accuracy(scorePy.series, 7);
    const e = scorePy.expected;
    expect(r.wape).toBeCloseTo(e.wape, 9);
    expect(r.bias).toBeCloseTo(e.bias, 9);
    expect(r.mae).toBeCloseTo(e.mae_mean, 9);
    expect(r.rmse).toBeCloseTo(e.rmse_mean, 9);
    expect(r.mase).toBeCloseTo(e.mase_mean, 9);
    expect(r.rmsse).toBeCloseTo(e.rmsse_mean, 9);
    expect(r.wrmsse).toBeCloseTo(e.wrmsse, 9);
    expect(r.cover95).toBeCloseTo(e.cover95, 9);
    expect(r.sl95).toBeCloseTo(e.sl95, 9);
  });
});
