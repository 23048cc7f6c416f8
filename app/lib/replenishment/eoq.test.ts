import { describe, expect, it } from "vitest";
import { annualOrderingAndHoldingCost, economicOrderQuantity } from "./eoq";

const base = Object.freeze({ annualDemand: 1000, orderingCostCents: 1000, holdingCostRate: 0.2, unitCostCents: 500 });

describe("economicOrderQuantity", () => {
  it("is √(2AD/(rv)) (worked example: D 1000/yr, A $10, r 20%, v $5 → 141.42)", () => {
    expect(economicOrderQuantity(base)).toBeCloseTo(141.421, 3);
  });
  it("scales with the square root of demand", () => {
    expect(economicOrderQuantity({ ...base, annualDemand: 4000 })).toBeCloseTo(2 * 141.421, 2);
  });
  it("balances ordering and holding cost at the optimum", () => {
    const q = economicOrderQuantity(base);
    expect(annualOrderingAndHoldingCost(base, q)).toBeCloseTo(Math.sqrt(2 * 1000 * 1000 * 0.2 * 500), 6); // 14142 cents
    expect(annualOrderingAndHoldingCost(base, q * 1.2)).toBeGreaterThan(annualOrderingAndHoldingCost(base, q));
  });
  it("rejects bad inputs", () => {
    expect(() => economicOrderQuantity({ ...base, holdingCostRate: 0 })).toThrow(new RangeError("holdingCostRate must be a positive finite number"));
    expect(() => economicOrderQuantity({ ...base, unitCostCents: -5 })).toThrow(new RangeError("unitCostCents must be a positive finite number"));
    expect(() => economicOrderQuantity({ ...base, annualDemand: -5 })).toThrow(new RangeError("annualDemand must be a non-negative finite number"));
    expect(() => annualOrderingAndHoldingCost(base, 0)).toThrow(new RangeError("orderQuantity must be a positive finite number"));
  });
});
