import { describe, expect, it } from "vitest";
import { inventoryPosition, netStock } from "./inventory-position";

describe("inventoryPosition", () => {
  it("is on hand + on order − committed − backorders", () => {
    const s = Object.freeze({ onHand: 40, onOrder: 100, committed: 5, backorders: 3 });
    expect(inventoryPosition(s)).toBe(132);
    expect(netStock(s)).toBe(32);
  });
  it("defaults backorders to zero and may go negative", () => {
    expect(inventoryPosition({ onHand: 0, onOrder: 0, committed: 4 })).toBe(-4);
  });
  it("rejects negative figures", () => {
    expect(() => inventoryPosition({ onHand: -1, onOrder: 0, committed: 0 })).toThrow(new RangeError("onHand must be a non-negative finite number"));
    expect(() => inventoryPosition({ onHand: 1, onOrder: 0, committed: 0, backorders: -2 })).toThrow(
      new RangeError("backorders must be a non-negative finite number")
    );
  });
});
