import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  expectedShortagePerCycle,
  quantileWithLeadTimeVariability,
  leadTimeDemandMoments,
  safetyFactorForCycleService,
  safetyFactorForFillRate,
  safetyStockForCycleService,
  safetyStockForFillRate,
  safetyStockFromQuantile,
} from "./safety-stock";
import { normalLoss } from "./normal";

describe("leadTimeDemandMoments", () => {
  it("combines demand and lead-time variability (worked example)", () => {
    // d = 100/day, σ_d = 20, L = 4 days, σ_L = 1 day: σ² = 4·400 + 100²·1 = 11600
    const input = Object.freeze({ dailyMean: 100, dailySd: 20, leadTimeMeanDays: 4, leadTimeSdDays: 1 });
    const m = leadTimeDemandMoments(input);
    expect(m.mean).toBe(400);
    expect(m.sd).toBeCloseTo(Math.sqrt(11600), 10); // 107.70
    expect(m.sd).toBeCloseTo(107.7033, 4);
  });
  it("reduces to √L·σ_d with a fixed lead time", () => {
    expect(leadTimeDemandMoments({ dailyMean: 10, dailySd: 3, leadTimeMeanDays: 9, leadTimeSdDays: 0 }).sd).toBeCloseTo(9, 10);
  });
  it("rejects negative inputs", () => {
    expect(() => leadTimeDemandMoments({ dailyMean: -1, dailySd: 1, leadTimeMeanDays: 1, leadTimeSdDays: 0 })).toThrow(
      new RangeError("dailyMean must be a non-negative finite number")
    );
    expect(() => leadTimeDemandMoments({ dailyMean: 1, dailySd: 1, leadTimeMeanDays: 1, leadTimeSdDays: -2 })).toThrow(
      new RangeError("leadTimeSdDays must be a non-negative finite number")
    );
  });
});

describe("cycle service safety stock", () => {
  it("uses k = Φ⁻¹(P₁): 95% → 1.645", () => {
    expect(safetyFactorForCycleService(0.95)).toBeCloseTo(1.6449, 4);
    expect(safetyFactorForCycleService(0.5)).toBeCloseTo(0, 6);
  });
  it("SS = k·σ_LTD (worked example 1.645 × 107.70 = 177.16)", () => {
    expect(safetyStockForCycleService({ serviceLevel: 0.95, leadTimeDemandSd: Math.sqrt(11600) })).toBeCloseTo(177.157, 2);
  });
  it("is negative below 50% rather than clamped", () => {
    expect(safetyStockForCycleService({ serviceLevel: 0.3, leadTimeDemandSd: 10 })).toBeLessThan(0);
  });
  it("rejects service levels outside (0, 1)", () => {
    expect(() => safetyFactorForCycleService(1)).toThrow(new RangeError("serviceLevel must be between 0 and 1 exclusive"));
    expect(() => safetyStockForCycleService({ serviceLevel: 0, leadTimeDemandSd: 1 })).toThrow(
      new RangeError("serviceLevel must be between 0 and 1 exclusive")
    );
    expect(() => safetyStockForCycleService({ serviceLevel: 0.9, leadTimeDemandSd: -1 })).toThrow(
      new RangeError("leadTimeDemandSd must be a non-negative finite number")
    );
  });
});

describe("safetyStockFromQuantile", () => {
  it("is the quantile minus the mean", () => {
    expect(safetyStockFromQuantile(Object.freeze({ leadTimeDemandMean: 400, leadTimeDemandQuantile: 560 }))).toBe(160);
  });
  it("rejects a non-finite quantile", () => {
    expect(() => safetyStockFromQuantile({ leadTimeDemandMean: 4, leadTimeDemandQuantile: Number.NaN })).toThrow(
      new RangeError("leadTimeDemandQuantile must be a finite number")
    );
  });
});

describe("fill-rate safety factor", () => {
  it("solves G(k) = Q(1 − β)/σ (worked example: Q 100, σ 50, β 0.95 → G(k) = 0.1, k ≈ 0.9023)", () => {
    const k = safetyFactorForFillRate({ fillRate: 0.95, orderQuantity: 100, leadTimeDemandSd: 50 });
    expect(normalLoss(k)).toBeCloseTo(0.1, 8);
    expect(k).toBeCloseTo(0.9023, 3); // table: G(0.90) = 0.1004, so k is just above 0.90
    expect(safetyStockForFillRate({ fillRate: 0.95, orderQuantity: 100, leadTimeDemandSd: 50 })).toBeCloseTo(45.12, 1);
  });
  it("gives a negative k when the order quantity is large relative to σ", () => {
    // Q(1 − β)/σ = 1000·0.5/100 = 5 > G(0) → k < 0
    expect(safetyFactorForFillRate({ fillRate: 0.5, orderQuantity: 1000, leadTimeDemandSd: 100 })).toBeLessThan(-4);
  });
  it("increases with the fill-rate target", () => {
    const a = safetyFactorForFillRate({ fillRate: 0.9, orderQuantity: 100, leadTimeDemandSd: 50 });
    const b = safetyFactorForFillRate({ fillRate: 0.99, orderQuantity: 100, leadTimeDemandSd: 50 });
    expect(b).toBeGreaterThan(a);
  });
  it("rejects bad inputs", () => {
    expect(() => safetyFactorForFillRate({ fillRate: 1, orderQuantity: 1, leadTimeDemandSd: 1 })).toThrow(
      new RangeError("fillRate must be between 0 and 1 exclusive")
    );
    expect(() => safetyFactorForFillRate({ fillRate: 0.9, orderQuantity: 0, leadTimeDemandSd: 1 })).toThrow(
      new RangeError("orderQuantity must be a positive finite number")
    );
    expect(() => safetyFactorForFillRate({ fillRate: 0.9, orderQuantity: 1, leadTimeDemandSd: 0 })).toThrow(
      new RangeError("leadTimeDemandSd must be a positive finite number")
    );
  });
});

describe("expectedShortagePerCycle", () => {
  it("is σ·G(k)", () => {
    expect(expectedShortagePerCycle({ safetyFactor: 1, leadTimeDemandSd: 100 })).toBeCloseTo(8.3315, 3);
  });
});

describe("quantileWithLeadTimeVariability", () => {
  it("adds the σ_L term to a fixed-lead-time quantile (worked example)", () => {
    // σ = 12, d·σ_L = 16 → √(144 + 256) = 20; q' = 120 + 1.6449·8
    expect(
      quantileWithLeadTimeVariability(Object.freeze({ quantile: 120, sd: 12, dailyMean: 5, leadTimeSdDays: 3.2, serviceLevel: 0.95 }))
    ).toBeCloseTo(133.159, 3);
  });
  it("reproduces μ + k·√(σ² + d²σ_L²) for a normal quantile", () => {
    const k = 1.2815516;
    const q = quantileWithLeadTimeVariability({ quantile: 50 + k * 10, sd: 10, dailyMean: 4, leadTimeSdDays: 2, serviceLevel: 0.9 });
    expect(q).toBeCloseTo(50 + k * Math.sqrt(100 + 64), 5);
  });
  it("is unchanged with a fixed lead time and rejects bad inputs", () => {
    expect(quantileWithLeadTimeVariability({ quantile: 7, sd: 2, dailyMean: 1, leadTimeSdDays: 0, serviceLevel: 0.9 })).toBe(7);
    expect(() => quantileWithLeadTimeVariability({ quantile: 7, sd: 2, dailyMean: 1, leadTimeSdDays: 0, serviceLevel: 1 })).toThrow(
      new RangeError("serviceLevel must be between 0 and 1 exclusive")
    );
  });
});

describe("safety stock properties", () => {
  it("grows with the service level and with both sources of variability", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.51, max: 0.99, noNaN: true }),
        fc.double({ min: 0.001, max: 0.009, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 1, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (p, dp, d, sd, L, sL) => {
          const m = leadTimeDemandMoments({ dailyMean: d, dailySd: sd, leadTimeMeanDays: L, leadTimeSdDays: sL });
          const more = leadTimeDemandMoments({ dailyMean: d, dailySd: sd + 1, leadTimeMeanDays: L, leadTimeSdDays: sL + 1 });
          const a = safetyStockForCycleService({ serviceLevel: p, leadTimeDemandSd: m.sd });
          const b = safetyStockForCycleService({ serviceLevel: p + dp, leadTimeDemandSd: m.sd });
          return more.sd > m.sd && b >= a;
        }
      )
    );
  });
});
