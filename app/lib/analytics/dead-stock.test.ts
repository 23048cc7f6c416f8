import { describe, expect, it } from "vitest";
import { assessStockHealth } from "./dead-stock";

describe("assessStockHealth", () => {
  it("flags overstock and values the excess (worked example)", () => {
    const r = assessStockHealth(Object.freeze({ onHand: 400, unitCostCents: 250, averageDailyDemand: 1, daysSinceLastSale: 3 }));
    expect(r).toEqual({
      status: "overstock",
      excessUnits: 340,
      excessValueCents: 85_000,
      markdownPercent: 20,
      suggestion: "Overstock: 400 units last 400 days at the current rate; 340 units above 60 days of supply. Mark down 20%.",
    });
    expect(assessStockHealth({ onHand: 200, unitCostCents: 100, averageDailyDemand: 1, daysSinceLastSale: 1 }).markdownPercent).toBe(10);
  });
  it("flags dead stock by days without a sale", () => {
    const r = assessStockHealth({ onHand: 30, unitCostCents: 1000, averageDailyDemand: 0, daysSinceLastSale: 120 });
    expect(r.status).toBe("dead");
    expect(r.excessValueCents).toBe(30_000);
    expect(r.markdownPercent).toBe(30);
    expect(r.suggestion).toBe("Dead stock: 30 units has not sold for 120 days. Mark down 30% or return to the vendor.");
    expect(assessStockHealth({ onHand: 30, unitCostCents: 1000, averageDailyDemand: 0, daysSinceLastSale: null }).markdownPercent).toBe(50);
  });
  it("calls normal stock healthy and no stock empty", () => {
    expect(assessStockHealth({ onHand: 50, unitCostCents: 100, averageDailyDemand: 1, daysSinceLastSale: 0 }).status).toBe("healthy");
    expect(assessStockHealth({ onHand: 0, unitCostCents: 100, averageDailyDemand: 1, daysSinceLastSale: 0 }).status).toBe("empty");
  });
  it("rejects bad input", () => {
    expect(() => assessStockHealth({ onHand: 1, unitCostCents: 2.5, averageDailyDemand: 1, daysSinceLastSale: 0 })).toThrow(
      new RangeError("unitCostCents must be a non-negative integer")
    );
    expect(() => assessStockHealth({ onHand: -1, unitCostCents: 2, averageDailyDemand: 1, daysSinceLastSale: 0 })).toThrow(
      new RangeError("onHand must be a non-negative finite number")
    );
  });
});
