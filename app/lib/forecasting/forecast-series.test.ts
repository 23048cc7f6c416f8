import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analogueCurves } from "./analogues";
import { forecastSeries } from "./forecast-series";
import { leadTimeDemand } from "./lead-time";
import { mulberry32 } from "./prng";

/** A year of intermittent daily demand with closed Saturdays (seeded, deterministic). */
function retailLike(seed: number, days = 364, p = 0.3, size = 4): number[] {
  const u = mulberry32(seed);
  return Array.from({ length: days }, (_, t) => (t % 7 === 5 ? 0 : u() < p ? Math.ceil(size * u() * 2) : 0));
}

const finiteNonNegative = (v: number) => Number.isFinite(v) && v >= 0;

describe("forecastSeries", () => {
  const y = Object.freeze(retailLike(7));

  it("returns a full horizon, a demand class, a method and q95Total above the mean total", () => {
    const f = forecastSeries(y, { horizon: 28 });
    expect(f.mean).toHaveLength(28);
    expect(["smooth", "erratic", "intermittent", "lumpy"]).toContain(f.demandClass);
    expect(f.method).not.toBe("");
    const total = f.mean.reduce((a, b) => a + b, 0);
    expect(f.q95Total).toBeGreaterThan(total);
    expect(f.scores.length).toBeGreaterThan(3);
  });

  it("learns the closed weekday: zero forecast and zero-width interval on it", () => {
    const f = forecastSeries(y, { horizon: 14, closedMask: y.map((_, t) => t % 7 === 5) });
    // history has 364 days, so step h falls on weekday (364 + h − 1) mod 7
    for (let h = 0; h < 14; h++) {
      if ((364 + h) % 7 === 5) {
        expect(f.mean[h]).toBe(0);
        expect(f.intervals[1].upper[h]).toBe(0);
      } else expect(f.mean[h]).toBeGreaterThan(0);
    }
  });

  it("treats stock-out days as unknown demand, not zero", () => {
    const hist = [...new Array(200)].map(() => 5);
    const mask = hist.map((_, t) => t >= 150);
    const zeroed = hist.map((v, t) => (t >= 150 ? 0 : v));
    const f = forecastSeries(zeroed, { horizon: 7, period: 1, stockoutMask: mask });
    for (const v of f.mean) expect(v).toBeCloseTo(5, 6);
  });

  it("forecasts zero for dead items and flags analogue forecasts for new items", () => {
    const dead = [...retailLike(3, 100), ...new Array(200).fill(0)];
    expect(forecastSeries(dead, { horizon: 7 })).toMatchObject({
      demandClass: "dead",
      method: "zero",
      mean: new Array(7).fill(0),
    });
    const young = [2, 0, 1, 3, 2];
    const analogues = analogueCurves([retailLike(11, 200, 0.5, 6), retailLike(12, 200, 0.5, 6)]);
    const f = forecastSeries(young, { horizon: 7, period: 1, analogues });
    expect(f).toMatchObject({ demandClass: "new", fromAnalogues: true, method: "analogue" });
    expect(forecastSeries(young, { horizon: 7, period: 1 }).fromAnalogues).toBe(false);
  });

  it("is deterministic and leaves its input untouched", () => {
    const a = forecastSeries(y, { horizon: 28 });
    const b = forecastSeries(y, { horizon: 28 });
    expect(a).toEqual(b);
    expect(y).toEqual(retailLike(7));
  });

  it("validates options", () => {
    expect(() => forecastSeries(y, { horizon: 0 })).toThrow(new RangeError("horizon must be a positive integer"));
    expect(() => forecastSeries(y, { horizon: 7, period: 12 as never })).toThrow(new RangeError("period must be 1, 7 or 52"));
    expect(() => forecastSeries([1, -2], { horizon: 7 })).toThrow(new RangeError("demand must be non-negative"));
    expect(() => forecastSeries(y, { horizon: 7, levels: [95] })).toThrow(
      new RangeError("levels must be between 0 and 1 exclusive")
    );
  });
});

describe("outlier cap: the removed units come back, spread over half a year", () => {
  // 2 a day with one big order at day 150. Non-zero sizes are all 2, so cap = max(q75 + 5·IQR, 5·q50) = 10:
  // a 100-unit order is capped to 10 (excess 90); a 10-unit order is not capped. The prepared series,
  // and so the selected method, are the same; only the spread excess differs.
  const withOrder = (size: number, at: number, days: number) => Array.from({ length: days }, (_, t) => (t === at ? size : 2));

  it("adds excess ÷ known periods in the last 182 days to the rate, from the day after the order on", () => {
    const big = forecastSeries(withOrder(100, 150, 200), { horizon: 28 });
    const plain = forecastSeries(withOrder(10, 150, 200), { horizon: 28 });
    expect(big.capped).toEqual([{ index: 150, original: 100, capped: 10 }]);
    expect(big.method).toBe(plain.method);
    // no look-ahead: origins up to the order's day see nothing of it
    for (let t = 0; t <= 150; t++) expect(big.leadTime.rate[t]).toBe(plain.leadTime.rate[t]);
    // origin 151: 90 units over the 151 known days before it; origin 200: over the last 182
    expect(big.leadTime.rate[151] - plain.leadTime.rate[151]).toBeCloseTo(90 / 151, 12);
    expect(big.leadTime.rate[200] - plain.leadTime.rate[200]).toBeCloseTo(90 / 182, 12);
    // the forecast mean carries it: per day, 90/182 × the weekday weight
    const plainRate = plain.leadTime.rate[200];
    big.mean.forEach((m, h) => expect(m - plain.mean[h]).toBeCloseTo((90 / 182) * (plain.mean[h] / plainRate), 9));
  });

  it("forgets an order older than half a year", () => {
    const big = forecastSeries(withOrder(100, 100, 400), { horizon: 28 });
    const plain = forecastSeries(withOrder(10, 100, 400), { horizon: 28 });
    expect(big.capped).toHaveLength(1);
    expect(big.mean).toEqual(plain.mean);
  });

  it("the totals' errors see what was really sold, so the quantile covers orders like it", () => {
    const big = forecastSeries(withOrder(100, 150, 200), { horizon: 28 });
    const plain = forecastSeries(withOrder(10, 150, 200), { horizon: 28 });
    expect(big.leadTime.actual[150]).toBe(100);
    expect(leadTimeDemand(big, 14).quantile(0.99)).toBeGreaterThan(leadTimeDemand(plain, 14).quantile(0.99) + 50);
  });
});

describe("leadTimeDemand", () => {
  const f = forecastSeries(retailLike(21), { horizon: 28 });

  it("gives the distribution of the total for any lead time, growing with L", () => {
    const d7 = leadTimeDemand(f, 7);
    const d28 = leadTimeDemand(f, 28);
    const d60 = leadTimeDemand(f, 60);
    expect(d28.mean).toBeCloseTo(
      f.mean.reduce((a, b) => a + b, 0),
      9
    );
    expect(d7.mean).toBeLessThan(d28.mean);
    expect(d28.quantile(0.95)).toBeCloseTo(f.q95Total, 9);
    expect(d7.quantile(0.95) - d7.mean).toBeLessThan(d60.quantile(0.95) - d60.mean);
    expect(d28.sd).toBeGreaterThan(0);
    expect(d28.errors.length).toBeGreaterThan(100);
  });

  it("works on a JSON round-tripped result", () => {
    const stored = JSON.parse(JSON.stringify(f));
    expect(leadTimeDemand(stored, 14).quantile(0.9)).toBeCloseTo(leadTimeDemand(f, 14).quantile(0.9), 9);
  });

  it("the sum's quantile is below the sum of per-day quantiles (no quantile adding)", () => {
    const d = leadTimeDemand(f, 28);
    const perDay = f.intervals.find((i) => i.level === 0.8)!.upper.reduce((a, b) => a + b, 0);
    expect(d.quantile(0.9)).toBeLessThan(perDay);
  });

  it("stays sane on a short, mostly-zero history whose past forecasts were near zero (ADR 013 cap)", () => {
    // 91 days: one unit, one early case of 24, eight silent weeks (the fitted rate decays to ~0), then a
    // case of 24 every fourth day. Before the cap the ratio method divided 21-day totals of ~100 by past
    // forecast totals of ~0 and the small-sample t factor (ν ≈ 2) stacked on it: quantile(0.95) = 931
    // for a forecast total of 77 (mean + 1.645·sd = 178; largest 21-day total seen: 144).
    const y = Array.from({ length: 91 }, (_, t): number => (t === 0 ? 1 : t === 6 || (t >= 56 && t % 4 === 0) ? 24 : 0));
    const L = 21;
    const d = leadTimeDemand(forecastSeries(y, { horizon: L + 1 }), L);
    let largest = 0;
    for (let t = 0; t + L <= y.length; t++) largest = Math.max(largest, y.slice(t, t + L).reduce((a, b) => a + b, 0));
    expect(largest).toBe(144);
    expect(d.errors.length).toBeGreaterThanOrEqual(8);
    const q95 = d.quantile(0.95);
    expect(q95).toBeGreaterThan(d.mean + 1.645 * d.sd); // still wider than normal: the errors are heavy-tailed
    // documented bound: mean + sd·√((1 + 1/n_eff)/(1 − p)) ≤ mean + sd·√(1.5/(1 − p)) = mean + 5.48·sd at 95%
    expect(q95).toBeLessThanOrEqual(d.mean + Math.sqrt(1.5 / 0.05) * d.sd + 1e-9);
    expect(q95).toBeLessThanOrEqual(3 * largest);
    const q = [0.5, 0.8, 0.9, 0.95, 0.975, 0.99].map((p) => d.quantile(p));
    for (let i = 1; i < q.length; i++) expect(q[i]).toBeGreaterThanOrEqual(q[i - 1]);
    expect(q[0]).toBeGreaterThanOrEqual(0);
    expect(q[5]).toBeLessThanOrEqual(d.mean + Math.sqrt(1.5 / 0.01) * d.sd + 1e-9);
  });

  it("validates its inputs", () => {
    expect(() => leadTimeDemand(f, 0)).toThrow(new RangeError("lead time must be a positive integer"));
    expect(() => leadTimeDemand(f, 5).quantile(1)).toThrow(new RangeError("p must be between 0 and 1 exclusive"));
  });
});

describe("forecastSeries properties (fast-check)", () => {
  const demand = fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(0) },
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 50 }) },
      { weight: 1, arbitrary: fc.constant(Number.NaN) }
    ),
    { minLength: 0, maxLength: 300 }
  );
  const horizon = fc.integer({ min: 1, max: 35 });
  const period = fc.constantFrom(1 as const, 7 as const);

  it("never returns a negative or NaN forecast, bound or total quantile", () => {
    fc.assert(
      fc.property(demand, horizon, period, (y, H, p) => {
        const f = forecastSeries(y, { horizon: H, period: p });
        expect(f.mean.every(finiteNonNegative)).toBe(true);
        expect(finiteNonNegative(f.q95Total)).toBe(true);
        for (const iv of f.intervals) {
          expect(iv.lower.every(finiteNonNegative)).toBe(true);
          expect(iv.upper.every(finiteNonNegative)).toBe(true);
        }
      }),
      { numRuns: 150 }
    );
  });

  it("intervals widen with the horizon (weight-normalised) and with the level", () => {
    fc.assert(
      fc.property(demand, horizon, (y, H) => {
        const f = forecastSeries(y, { horizon: H, period: 1, levels: [0.5, 0.8, 0.95] });
        for (let k = 0; k < f.intervals.length; k++) {
          const iv = f.intervals[k];
          for (let h = 0; h < H; h++) {
            expect(iv.lower[h]).toBeLessThanOrEqual(f.mean[h]);
            expect(iv.upper[h]).toBeGreaterThanOrEqual(f.mean[h]);
            if (h > 0) expect(iv.upper[h] - f.mean[h]).toBeGreaterThanOrEqual(iv.upper[h - 1] - f.mean[h - 1] - 1e-9);
            if (k > 0) {
              expect(iv.upper[h]).toBeGreaterThanOrEqual(f.intervals[k - 1].upper[h] - 1e-9);
              expect(iv.lower[h]).toBeLessThanOrEqual(f.intervals[k - 1].lower[h] + 1e-9);
            }
          }
        }
      }),
      { numRuns: 150 }
    );
  });

  it("lead-time quantiles rise with the service level and are never negative", () => {
    fc.assert(
      fc.property(demand, fc.integer({ min: 1, max: 60 }), (y, L) => {
        const d = leadTimeDemand(forecastSeries(y, { horizon: 7 }), L);
        const q = [0.5, 0.8, 0.9, 0.95, 0.99].map((p) => d.quantile(p));
        for (let i = 1; i < q.length; i++) expect(q[i]).toBeGreaterThanOrEqual(q[i - 1] - 1e-9);
        expect(q.every(finiteNonNegative)).toBe(true);
        expect(finiteNonNegative(d.mean) && finiteNonNegative(d.sd)).toBe(true);
        // Chebyshev cap of ADR 013: with ≥ 8 origins no quantile exceeds mean + sd·√(1.5/(1 − p))
        if (d.errors.length >= 8)
          [0.8, 0.9, 0.95, 0.99].forEach((p, i) =>
            expect(q[i + 1]).toBeLessThanOrEqual(d.mean + d.sd * Math.sqrt(1.5 / (1 - p)) + 1e-9)
          );
      }),
      { numRuns: 150 }
    );
  });
});

describe("yearly seasonality (previous-year index, series with ≥ 2 years)", () => {
  /** Three years of weekly demand with a strong Q4 peak. */
  const weekly = Array.from({ length: 156 }, (_, t) => {
    const wk = t % 52;
    const u = mulberry32(t + 1)();
    return Math.round((wk >= 40 && wk < 50 ? 60 : 20) * (0.8 + 0.4 * u));
  });

  it("is selected when it wins the rolling-origin CV and lifts the forecast into the peak", () => {
    const hist = weekly.slice(0, 52 * 2 + 38); // ends two weeks before the peak
    const f = forecastSeries(hist, { horizon: 8, period: 52 });
    expect(f.method).toContain("×yearly");
    expect(f.leadTime.yearly).not.toBeNull();
    expect(f.mean[5]).toBeGreaterThan(1.5 * f.mean[0]);
    const d = leadTimeDemand(f, 8);
    expect(d.mean).toBeCloseTo(
      f.mean.reduce((a, b) => a + b, 0),
      9
    );
  });

  it("is not used with less than two years, nor with period 1", () => {
    expect(forecastSeries(weekly.slice(0, 90), { horizon: 8, period: 52 }).leadTime.yearly).toBeNull();
    expect(forecastSeries(weekly.slice(0, 142), { horizon: 8, period: 1 }).leadTime.yearly).toBeNull();
  });

  it("a stored result with unknown days answers like the fresh one", () => {
    const y = retailLike(5).map((v, t) => (t % 50 === 3 ? NaN : v));
    const f = forecastSeries(y, { horizon: 28 });
    const stored = JSON.parse(JSON.stringify(f));
    expect(leadTimeDemand(stored, 21).quantile(0.95)).toBeCloseTo(leadTimeDemand(f, 21).quantile(0.95), 9);
  });
});
