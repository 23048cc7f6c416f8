import { describe, expect, it } from "vitest";
import { evaluateDeadStockRules, type DeadStockFacts } from "./dead-stock";

const line = (over: Partial<DeadStockFacts> = {}): DeadStockFacts =>
  Object.freeze({ variantId: "v1", locationId: "l1", label: "Tent at Main", onHand: 40, unitCostCents: 1000, daysSinceLastSale: 120, daysSinceCreated: 400, ...over });
const OPTS = { deadStockDays: 90, minValueCents: 10_000, currency: "USD" };

describe("evaluateDeadStockRules", () => {
  it("fires with the value at cost, the idle days and the markdown suggestion", () => {
    const [a] = evaluateDeadStockRules([line()], OPTS);
    expect(a).toMatchObject({ type: "dead_stock", severity: "warning", dedupeKey: "dead_stock:v1|l1" });
    expect(a.message).toBe("Tent at Main: 40 units (USD 400.00 at cost) have not sold for 120 days. Mark down 30% or return to the vendor.");
    expect(evaluateDeadStockRules([line({ daysSinceLastSale: 180 })], OPTS)[0].message).toContain("Mark down 50%");
  });

  it("fires at exactly deadStockDays and exactly the minimum value, not one below either", () => {
    expect(evaluateDeadStockRules([line({ daysSinceLastSale: 90, onHand: 10 })], OPTS)).toHaveLength(1);
    expect(evaluateDeadStockRules([line({ daysSinceLastSale: 89 })], OPTS)).toEqual([]);
    expect(evaluateDeadStockRules([line({ onHand: 9 })], OPTS)).toEqual([]);
    expect(evaluateDeadStockRules([line({ onHand: 0 })], OPTS)).toEqual([]);
  });

  it("counts a never-sold item from when it was first seen", () => {
    expect(evaluateDeadStockRules([line({ daysSinceLastSale: null, daysSinceCreated: 30 })], OPTS)).toEqual([]);
    expect(evaluateDeadStockRules([line({ daysSinceLastSale: null, daysSinceCreated: 100 })], OPTS)[0].message).toContain("have never sold in 100 days");
  });

  it("rejects bad thresholds", () => {
    expect(() => evaluateDeadStockRules([], { ...OPTS, deadStockDays: 0 })).toThrow(new RangeError("deadStockDays must be a positive integer"));
    expect(() => evaluateDeadStockRules([], { ...OPTS, minValueCents: -1 })).toThrow(new RangeError("minValueCents must be a non-negative integer"));
  });
});
