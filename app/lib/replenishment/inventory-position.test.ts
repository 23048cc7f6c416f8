import { describe, expect, it } from "vitest";
import { inventoryPosition, netStock, onOrderQuantity, stockFromAvailable } from "./inventory-position";

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

describe("stockFromAvailable", () => {
  it("takes Shopify's available as the net stock: position = available + on order", () => {
    const stock = stockFromAvailable(12, 30);
    expect(stock).toEqual({ onHand: 12, onOrder: 30, committed: 0, backorders: 0 });
    expect(inventoryPosition(stock)).toBe(42);
    expect(netStock(stock)).toBe(12);
  });

  it("counts negative available (continue selling) as backorders", () => {
    const stock = stockFromAvailable(-4, 10);
    expect(stock).toEqual({ onHand: 0, onOrder: 10, committed: 0, backorders: 4 });
    expect(inventoryPosition(stock)).toBe(6);
    expect(netStock(stock)).toBe(-4);
  });

  it("rejects what is not a stock figure", () => {
    expect(() => stockFromAvailable(Number.NaN, 0)).toThrow("available must be a finite number");
    expect(() => stockFromAvailable(1, -1)).toThrow("onOrder must be a non-negative finite number");
  });
});

describe("onOrderQuantity", () => {
  it("adds Stockcast's open units to Shopify's incoming: Stockcast never writes incoming", () => {
    expect(onOrderQuantity(Object.freeze({ stockcastOpen: 10, importedOpen: 0, shopifyIncoming: 6 }))).toBe(16);
  });
  it("counts Shopify's incoming once whatever it holds (native POs, transfers)", () => {
    expect(onOrderQuantity({ stockcastOpen: 0, importedOpen: 0, shopifyIncoming: 7 })).toBe(7);
  });
  it("counts a Stocky PO that Shopify also shows as incoming once, not twice", () => {
    expect(onOrderQuantity({ stockcastOpen: 0, importedOpen: 5, shopifyIncoming: 5 })).toBe(5);
    expect(onOrderQuantity({ stockcastOpen: 10, importedOpen: 5, shopifyIncoming: 8 })).toBe(18);
  });
  it("counts a Stocky PO that Shopify never saw in full", () => {
    expect(onOrderQuantity({ stockcastOpen: 2, importedOpen: 9, shopifyIncoming: 0 })).toBe(11);
  });
  it("rejects negative figures", () => {
    expect(() => onOrderQuantity({ stockcastOpen: -1, importedOpen: 0, shopifyIncoming: 0 })).toThrow(new RangeError("stockcastOpen must be a non-negative finite number"));
    expect(() => onOrderQuantity({ stockcastOpen: 0, importedOpen: Number.NaN, shopifyIncoming: 0 })).toThrow(new RangeError("importedOpen must be a non-negative finite number"));
    expect(() => onOrderQuantity({ stockcastOpen: 0, importedOpen: 0, shopifyIncoming: -3 })).toThrow(new RangeError("shopifyIncoming must be a non-negative finite number"));
  });
});
