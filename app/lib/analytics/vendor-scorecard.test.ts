import { describe, expect, it } from "vitest";
import { combineVendorScore } from "./vendor-score";
import { fairVendorScorecard, isTooEarlyReceipt, type ScorecardDelivery } from "./vendor-scorecard";

const d = (over: Partial<ScorecardDelivery> = {}): ScorecardDelivery =>
  Object.freeze({
    leadTimeDays: 20,
    promisedLeadTimeDays: 20,
    orderedUnits: 100,
    receivedUnits: 100,
    due: true,
    tooEarly: false,
    lines: Object.freeze([{ variant: "a", unitCostCents: 500 }]),
    ...over,
  });

describe("isTooEarlyReceipt", () => {
  it("flags a receipt sooner than 10% of the stated lead time", () => {
    expect(isTooEarlyReceipt(12 / 1440, 20)).toBe(true); // 12 minutes, stated 20 days
    expect(isTooEarlyReceipt(1.99, 20)).toBe(true);
    expect(isTooEarlyReceipt(2, 20)).toBe(false); // exactly 10%: accepted
    expect(isTooEarlyReceipt(0, 0)).toBe(false);
  });
  it("rejects bad input", () => {
    expect(() => isTooEarlyReceipt(-1, 20)).toThrow(new RangeError("leadTimeDays must be a non-negative finite number"));
    expect(() => isTooEarlyReceipt(1, Number.NaN)).toThrow(new RangeError("statedLeadTimeDays must be a non-negative finite number"));
  });
});

describe("fairVendorScorecard", () => {
  it("worked example: a not-yet-due partial receipt, a too-early receipt and two products", () => {
    const input = Object.freeze([
      d({ leadTimeDays: 19, lines: [{ variant: "a", unitCostCents: 500 }, { variant: "b", unitCostCents: 2000 }] }),
      d({ leadTimeDays: 21, lines: [{ variant: "a", unitCostCents: 500 }, { variant: "b", unitCostCents: 2000 }] }),
      d({ leadTimeDays: 20, receivedUnits: 90, lines: [{ variant: "a", unitCostCents: 525 }] }),
      d({ leadTimeDays: 0.01, tooEarly: true, lines: [{ variant: "b", unitCostCents: 2000 }] }),
      d({ leadTimeDays: 20, due: false, receivedUnits: 10 }), // partial, not due yet
    ]);
    const s = fairVendorScorecard(input, { graceDays: 1 });
    // due: 4 deliveries; on time over the 3 with trusted timing (all within 20 + 1 days)
    expect(s.onTimeRate).toEqual({ value: 1, observations: 3 });
    // fill over due ones only: (100 + 100 + 90 + 100) / 400; the not-due partial (10/100) is not counted
    expect(s.fillRate).toEqual({ value: 390 / 400, observations: 4 });
    // lead time without the too-early receipt: 19, 21, 20, 20 → 20 ± √0.5
    expect(s.leadTimeMeanDays).toEqual({ value: 20, observations: 4 });
    expect(s.leadTimeSdDays).toBeCloseTo(Math.SQRT1_2, 12);
    // per variant: a 500→500 (0), b 2000→2000 (0), a 500→525 (5%), b 2000→2000 (0), a 525→500 (≈4.76%)
    expect(s.priceVariation.observations).toBe(5);
    expect(s.priceVariation.value).toBeCloseTo((0.05 + 25 / 525) / 5, 12);
    expect(s.score.observations).toBe(4);
    const cv = Math.SQRT1_2 / 20;
    expect(s.score.value).toBeCloseTo(100 * (0.35 * 1 + 0.35 * 0.975 + 0.15 * (1 - cv) + 0.15 * (1 - 5 * s.priceVariation.value!)), 10);
  });

  it("does not average unit cost across products: two products at steady prices vary 0%", () => {
    const lines = [{ variant: "cheap", unitCostCents: 100 }, { variant: "dear", unitCostCents: 10_000 }];
    const s = fairVendorScorecard([d({ lines }), d({ lines: [lines[0]] }), d({ lines: [lines[1]] }), d({ lines })]);
    expect(s.priceVariation).toEqual({ value: 0, observations: 4 });
  });

  it("says not enough data under 3 observations, figure by figure", () => {
    const s = fairVendorScorecard([d(), d(), d({ due: false })]);
    expect(s.onTimeRate).toEqual({ value: null, observations: 2 });
    expect(s.fillRate).toEqual({ value: null, observations: 2 });
    expect(s.leadTimeMeanDays).toEqual({ value: 20, observations: 3 });
    expect(s.score).toEqual({ value: null, observations: 2 });
    expect(fairVendorScorecard([]).score).toEqual({ value: null, observations: 0 });
    expect(fairVendorScorecard([]).leadTimeSdDays).toBeNull();
  });

  it("leaves a figure without enough data out of the score (its weight goes to the others)", () => {
    const s = fairVendorScorecard([d({ lines: [] }), d({ lines: [] }), d({ lines: [], receivedUnits: 50 })]);
    expect(s.priceVariation).toEqual({ value: null, observations: 0 });
    // on time 1, fill 250/300, LT CV 0 → (0.35 + 0.35·5/6 + 0.15) / 0.85
    expect(s.score.value).toBeCloseTo((100 * (0.35 + (0.35 * 250) / 300 + 0.15)) / 0.85, 10);
  });

  it("rejects bad input", () => {
    expect(() => fairVendorScorecard([d({ orderedUnits: 0 })])).toThrow(new RangeError("orderedUnits must be a positive finite number"));
    expect(() => fairVendorScorecard([d({ lines: [{ variant: "a", unitCostCents: 1.5 }] })])).toThrow(new RangeError("unitCostCents must be a non-negative integer"));
    expect(() => fairVendorScorecard([d()], { graceDays: -1 })).toThrow(new RangeError("graceDays must be a non-negative finite number"));
  });
});

describe("combineVendorScore", () => {
  it("is vendorScore's formula with all four components, and shares out a missing one's weight", () => {
    expect(combineVendorScore({ onTimeRate: 0.5, fillRate: 0.9, leadTimeCv: 0.2, priceVariation: 0.1 })).toBeCloseTo(68.5, 10);
    expect(combineVendorScore({ onTimeRate: 1, fillRate: 0.9, leadTimeCv: null, priceVariation: null })).toBeCloseTo(95, 10);
    expect(combineVendorScore({ onTimeRate: null, fillRate: null, leadTimeCv: null, priceVariation: null })).toBeNull();
  });
});
