import { describe, expect, it } from "vitest";
import { applyMutes } from "./mutes";
import { evaluatePurchaseOrderRules, evaluateStockRules } from "./rules";

const stock = evaluateStockRules(
  [{ variantId: "v1", locationId: "l1", label: "Tent", available: 2, onOrder: 5, inventoryPosition: 2, reorderPoint: 10, leadTimeDays: 7, daysOfCover: 400, projectedStockoutDate: "2026-01-02", doNotReorder: false, suggestedQty: 24, draftedUnits: 0 }],
  { asOfDate: "2026-01-01", overstockDays: 180, reviewPeriodDays: 7 },
);
const po = evaluatePurchaseOrderRules([{ id: "p1", number: "PO-1", vendor: "Acme", vendorId: "ven1", expectedDate: "2025-12-01" }], { asOfDate: "2026-01-01" });

describe("applyMutes", () => {
  it("drops only the muted rule for the muted variant or vendor", () => {
    expect(stock.map((a) => a.type)).toEqual(["below_reorder_point", "overstock"]);
    const left = applyMutes([...stock, ...po], [
      { ruleType: "below_reorder_point", entityType: "variant", entityId: "v1" },
      { ruleType: "po_overdue", entityType: "vendor", entityId: "ven1" },
    ]);
    expect(left.map((a) => a.type)).toEqual(["overstock"]);
  });

  it("ignores mutes of another entity or another rule", () => {
    const left = applyMutes(stock, [{ ruleType: "below_reorder_point", entityType: "variant", entityId: "v2" }, { ruleType: "dead_stock", entityType: "variant", entityId: "v1" }]);
    expect(left).toHaveLength(2);
  });
});
