import { describe, expect, it } from "vitest";
import { evaluatePurchaseOrderRules, evaluateStockRules, type StockLineFacts } from "./rules";

const line = (over: Partial<StockLineFacts> = {}): StockLineFacts =>
  Object.freeze({
    variantId: "v1",
    locationId: "l1",
    label: "Tent",
    available: 20,
    onOrder: 0,
    inventoryPosition: 20,
    reorderPoint: 10,
    leadTimeDays: 7,
    daysOfCover: 20,
    projectedStockoutDate: "2026-01-21",
    doNotReorder: false,
    ...over,
  });
const AS_OF = { asOfDate: "2026-01-01", overstockDays: 180 };

describe("evaluateStockRules", () => {
  it("raises nothing for a healthy line", () => {
    expect(evaluateStockRules([line()], AS_OF)).toEqual([]);
  });

  it("raises a critical alert when stock runs out within the lead time, with the numbers in the message", () => {
    const [a] = evaluateStockRules([line({ available: 3, inventoryPosition: 12, projectedStockoutDate: "2026-01-04" })], AS_OF);
    expect(a).toMatchObject({ type: "stockout_before_arrival", severity: "critical", dedupeKey: "stockout_before_arrival:v1|l1" });
    expect(a.message).toBe("Tent: stock runs out in 3 days (3 available), before an order placed now could arrive (7-day lead time).");
  });

  it("does not raise the stockout alert when the stockout is after the lead time", () => {
    expect(evaluateStockRules([line({ projectedStockoutDate: "2026-01-08" })], AS_OF)).toEqual([]);
  });

  it("warns below the reorder point only when nothing is on order", () => {
    expect(evaluateStockRules([line({ inventoryPosition: 8 })], AS_OF).map((a) => a.type)).toEqual(["below_reorder_point"]);
    expect(evaluateStockRules([line({ inventoryPosition: 8, onOrder: 5 })], AS_OF)).toEqual([]);
  });

  it("flags overstock above the threshold, and no stock alert for do-not-reorder items", () => {
    expect(evaluateStockRules([line({ daysOfCover: 181 })], AS_OF).map((a) => a.type)).toEqual(["overstock"]);
    expect(evaluateStockRules([line({ daysOfCover: 180 })], AS_OF)).toEqual([]);
    expect(evaluateStockRules([line({ inventoryPosition: 0, projectedStockoutDate: "2026-01-01", doNotReorder: true })], AS_OF)).toEqual([]);
  });

  it("gives a persisting condition the same dedupe key on every evaluation", () => {
    const first = evaluateStockRules([line({ available: 1, projectedStockoutDate: "2026-01-02" })], AS_OF);
    const later = evaluateStockRules([line({ available: 0, projectedStockoutDate: "2026-01-02" })], { ...AS_OF, asOfDate: "2026-01-02" });
    expect(later[0].dedupeKey).toBe(first[0].dedupeKey);
    expect(later[0].message).toContain("today");
  });

  it("rejects a non-positive overstock threshold", () => {
    expect(() => evaluateStockRules([], { asOfDate: "2026-01-01", overstockDays: 0 })).toThrow(new RangeError("overstockDays must be positive"));
  });
});

describe("evaluatePurchaseOrderRules", () => {
  it("warns once a purchase order is past its expected date, not before", () => {
    const po = { id: "p1", number: "PO-1001", vendor: "Acme", expectedDate: "2026-01-01" };
    expect(evaluatePurchaseOrderRules([po], { asOfDate: "2026-01-01" })).toEqual([]);
    const [a] = evaluatePurchaseOrderRules([po], { asOfDate: "2026-01-05" });
    expect(a).toMatchObject({ type: "po_overdue", severity: "warning", dedupeKey: "po_overdue:p1", entityType: "purchase_order" });
    expect(a.message).toBe("PO-1001 from Acme is 4 days overdue (expected 2026-01-01).");
  });
});
