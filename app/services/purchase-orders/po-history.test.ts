import { describe, expect, it } from "vitest";
import { closingDetail, datesChangeDetail, linesChangeDetail, linesChangeVariantIds } from "./po-history";

const titles: Record<string, string> = { v1: "Tent — Green", v2: "Lamp" };
const titleOf = (id: string) => titles[id] ?? "Unknown product";

describe("PO history: quantities changed", () => {
  const before = { version: 1, lines: [{ variantId: "v1", quantity: 12 }, { variantId: "v2", quantity: 3 }] };
  const after = { version: 2, lines: [{ variantId: "v1", quantity: 20 }, { variantId: "v2", quantity: 0 }] };

  it("says old → new per line, and which lines were removed", () => {
    expect(linesChangeDetail("purchase_order.lines_updated", before, after, titleOf)).toBe("Tent — Green 12 → 20 · Lamp 3 → 0 (removed)");
    expect(linesChangeDetail("purchase_order.lines_updated", { lines: [] }, { lines: [{ variantId: "v9", quantity: 1200 }] }, titleOf)).toBe("Unknown product — → 1,200");
    expect(linesChangeVariantIds("purchase_order.lines_updated", after)).toEqual(["v1", "v2"]);
  });

  it("says nothing for other entries or snapshots without lines", () => {
    expect(linesChangeDetail("purchase_order.approved", before, after, titleOf)).toBeNull();
    expect(linesChangeDetail("purchase_order.lines_updated", { version: 1 }, { version: 2 }, titleOf)).toBeNull();
    expect(linesChangeVariantIds("purchase_order.sent", after)).toEqual([]);
  });
});

describe("PO history: lines, dates and closing", () => {
  it("names added lines and changed costs, and a PO sent back for approval", () => {
    const before = { status: "approved", lines: [{ variantId: "v1", quantity: 12, unitCost: "4.00" }] };
    const after = {
      status: "pending_approval",
      backToApproval: true,
      lines: [
        { variantId: "v1", quantity: 12, unitCost: "3.50" },
        { variantId: "v2", quantity: 5, unitCost: "4.20" },
      ],
    };
    expect(linesChangeDetail("purchase_order.lines_updated", before, after, titleOf)).toBe(
      "Tent — Green unit cost 4.00 → 3.50 · Lamp added: 5 at 4.20 · Back to pending approval",
    );
    expect(linesChangeVariantIds("purchase_order.lines_updated", after)).toEqual(["v1", "v2"]);
  });

  it("says old → new for each date that changed", () => {
    const before = { expectedAt: "2026-12-20", confirmedEta: null };
    expect(datesChangeDetail("purchase_order.dates_changed", before, { expectedAt: "2026-12-20", confirmedEta: "2026-12-29" })).toBe("Vendor ETA none → Dec 29, 2026");
    expect(datesChangeDetail("purchase_order.dates_changed", before, { expectedAt: "2026-12-27", confirmedEta: null })).toBe("Expected Dec 20, 2026 → Dec 27, 2026");
    expect(datesChangeDetail("purchase_order.sent", before, before)).toBeNull();
  });

  it("says how many units left on order when a PO is closed short", () => {
    expect(closingDetail("purchase_order.closed_short", { unitsNoLongerOnOrder: 12 })).toBe("12 units no longer on order");
    expect(closingDetail("purchase_order.remainder_cancelled", { unitsNoLongerOnOrder: 1 })).toBe("1 unit no longer on order");
    expect(closingDetail("purchase_order.closed", { unitsNoLongerOnOrder: 1 })).toBeNull();
  });
});
