import { describe, expect, it } from "vitest";
import { linesChangeDetail, linesChangeVariantIds } from "./po-history";

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
