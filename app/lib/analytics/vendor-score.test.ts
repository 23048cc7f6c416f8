import { describe, expect, it } from "vitest";
import { vendorScore } from "./vendor-score";

const perfect = Object.freeze({ leadTimeDays: 10, promisedLeadTimeDays: 10, orderedUnits: 100, receivedUnits: 100, unitCostCents: 500 });

describe("vendorScore", () => {
  it("gives 100 to a perfect vendor", () => {
    expect(vendorScore(Object.freeze([perfect, perfect]))).toEqual({
      receipts: 2,
      onTimeRate: 1,
      fillRate: 1,
      leadTimeMeanDays: 10,
      leadTimeSdDays: 0,
      priceCv: 0,
      score: 100,
    });
  });
  it("combines the components (worked example)", () => {
    const r = vendorScore([
      { leadTimeDays: 8, promisedLeadTimeDays: 10, orderedUnits: 100, receivedUnits: 100, unitCostCents: 450 },
      { leadTimeDays: 12, promisedLeadTimeDays: 10, orderedUnits: 100, receivedUnits: 80, unitCostCents: 550 },
    ]);
    // on time 0.5; fill 180/200 = 0.9; LT 10 ± 2 → CV 0.2; price 500 ± 50 → CV 0.1
    expect(r.onTimeRate).toBe(0.5);
    expect(r.fillRate).toBe(0.9);
    expect(r.leadTimeSdDays).toBe(2);
    expect(r.priceCv).toBeCloseTo(0.1, 12);
    expect(r.score).toBeCloseTo(100 * (0.35 * 0.5 + 0.35 * 0.9 + 0.15 * 0.8 + 0.15 * 0.5), 10); // 68.5
  });
  it("honours grace days and caps over-deliveries", () => {
    const r = vendorScore([{ ...perfect, leadTimeDays: 11, receivedUnits: 150 }], { graceDays: 1 });
    expect(r.onTimeRate).toBe(1);
    expect(r.fillRate).toBe(1);
  });
  it("rejects bad input", () => {
    expect(() => vendorScore([])).toThrow(new RangeError("receipts must not be empty"));
    expect(() => vendorScore([perfect], { weights: { onTime: 1, fill: 1, leadTimeConsistency: 0, priceStability: 0 } })).toThrow(
      new RangeError("weights must sum to 1")
    );
    expect(() => vendorScore([{ ...perfect, orderedUnits: 0 }])).toThrow(new RangeError("orderedUnits must be a positive finite number"));
  });
});
