import { describe, expect, it } from "vitest";
import { evaluatePurchaseOrderRules, evaluateStockRules, type StockLineFacts } from "./rules";
import { stockLine } from "../../../tests/setup/alert-stock-line";

const line = stockLine;

const AS_OF = { asOfDate: "2026-01-01", overstockDays: 180, reviewPeriodDays: 7 };
/** Below the reorder point with an order suggested: position 8 < ROP 10, order 24. */
const short = (over: Partial<StockLineFacts> = {}) => line({ available: 8, inventoryPosition: 8, suggestedQty: 24, ...over });

describe("evaluateStockRules", () => {
  it("raises nothing for a healthy line", () => {
    expect(evaluateStockRules([line()], AS_OF)).toEqual([]);
  });

  it("raises one critical alert when stock runs out within the lead time, with the numbers and the order in the message", () => {
    const alerts = evaluateStockRules([short({ available: 3, inventoryPosition: 3, projectedStockoutDate: "2026-01-04" })], AS_OF);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ type: "below_reorder_point", severity: "critical", dedupeKey: "below_reorder_point:v1|l1" });
    expect(alerts[0].message).toBe("Tent: stock runs out in 3 days (3 available), before a new order could arrive (7-day lead time). Order 24 units.");
  });

  it("says out of stock now when nothing is available", () => {
    const [a] = evaluateStockRules([short({ available: 0, inventoryPosition: 0, projectedStockoutDate: "2026-01-01" })], AS_OF);
    expect(a.message).toBe("Tent: out of stock now, before a new order could arrive (7-day lead time). Order 24 units.");
  });

  it("warns when the stockout falls after the lead time but before an order at the next review could arrive (lead time + review period)", () => {
    // Stockout in 10 days: 7 ≤ 10 < 7 + 7.
    const [a] = evaluateStockRules([short({ projectedStockoutDate: "2026-01-11" })], AS_OF);
    expect(a).toMatchObject({ type: "below_reorder_point", severity: "warning" });
    expect(a.message).toBe("Tent: 8 in stock and on order, below the reorder point of 10; stock runs out in 10 days (8 available) unless an order goes out before the next review. Order 24 units.");
    // Boundaries: day 14 = lead time + review period waits for the next review; day 6 is critical, day 7 a warning.
    expect(evaluateStockRules([short({ projectedStockoutDate: "2026-01-15" })], AS_OF)).toEqual([]);
    expect(evaluateStockRules([short({ projectedStockoutDate: "2026-01-07" })], AS_OF)[0].severity).toBe("critical");
    expect(evaluateStockRules([short({ projectedStockoutDate: "2026-01-08" })], AS_OF)[0].severity).toBe("warning");
  });

  it("raises nothing when there is nothing to act on: at the reorder point, no order suggested, already in a draft PO, or no stockout ahead", () => {
    const soon = { projectedStockoutDate: "2026-01-03" };
    expect(evaluateStockRules([short({ ...soon, inventoryPosition: 10 })], AS_OF)).toEqual([]);
    expect(evaluateStockRules([short({ ...soon, suggestedQty: 0 })], AS_OF)).toEqual([]);
    expect(evaluateStockRules([short({ ...soon, draftedUnits: 12 })], AS_OF)).toEqual([]);
    expect(evaluateStockRules([short({ projectedStockoutDate: null })], AS_OF)).toEqual([]);
    expect(evaluateStockRules([short({ ...soon, doNotReorder: true })], AS_OF)).toEqual([]);
  });

  it("flags overstock above the threshold only while more is on order or in a draft", () => {
    expect(evaluateStockRules([line({ daysOfCover: 181 })], AS_OF)).toEqual([]);
    const [a] = evaluateStockRules([line({ daysOfCover: 181, onOrder: 30 })], AS_OF);
    expect(a).toMatchObject({ type: "overstock", severity: "info" });
    expect(a.message).toBe("Tent: 181 days of cover, above the 180-day overstock threshold, and 30 more on order.");
    expect(evaluateStockRules([line({ daysOfCover: 181, draftedUnits: 6 })], AS_OF)[0].message).toContain("6 more on order or in a draft PO");
    expect(evaluateStockRules([line({ daysOfCover: 180, onOrder: 30 })], AS_OF)).toEqual([]);
  });

  it("gives a persisting condition the same dedupe key on every evaluation, whatever its severity", () => {
    const first = evaluateStockRules([short({ projectedStockoutDate: "2026-01-10" })], AS_OF);
    const later = evaluateStockRules([short({ available: 0, projectedStockoutDate: "2026-01-02" })], { ...AS_OF, asOfDate: "2026-01-02" });
    expect(first[0].severity).toBe("warning");
    expect(later[0].severity).toBe("critical");
    expect(later[0].dedupeKey).toBe(first[0].dedupeKey);
  });

  it("rejects a non-positive overstock threshold and a negative review period", () => {
    expect(() => evaluateStockRules([], { ...AS_OF, overstockDays: 0 })).toThrow(new RangeError("overstockDays must be positive"));
    expect(() => evaluateStockRules([], { ...AS_OF, reviewPeriodDays: -1 })).toThrow(new RangeError("reviewPeriodDays must be non-negative"));
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
