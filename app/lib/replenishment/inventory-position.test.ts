import { describe, expect, it } from "vitest";
import { backorderedUnits, continuesSelling, inventoryPosition, netStock, onOrderQuantity, stockFromAvailable } from "./inventory-position";

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
    const stock = stockFromAvailable(12, 30, true);
    expect(stock).toEqual({ onHand: 12, onOrder: 30, committed: 0, backorders: 0 });
    expect(inventoryPosition(stock)).toBe(42);
    expect(netStock(stock)).toBe(12);
  });

  it("counts negative available as backorders for a variant that continues selling", () => {
    const stock = stockFromAvailable(-4, 10, true);
    expect(stock).toEqual({ onHand: 0, onOrder: 10, committed: 0, backorders: 4 });
    expect(inventoryPosition(stock)).toBe(6);
    expect(netStock(stock)).toBe(-4);
  });

  it("counts negative available as zero stock, not backorders, for a variant that stops selling (DENY)", () => {
    const stock = stockFromAvailable(-4, 10, false);
    expect(stock).toEqual({ onHand: 0, onOrder: 10, committed: 0, backorders: 0 });
    expect(inventoryPosition(stock)).toBe(10);
    expect(netStock(stock)).toBe(0);
  });

  it("is the same for both policies when available is not negative", () => {
    expect(stockFromAvailable(7, 3, false)).toEqual(stockFromAvailable(7, 3, true));
    expect(stockFromAvailable(0, 3, false)).toEqual(stockFromAvailable(0, 3, true));
  });

  it("rejects what is not a stock figure", () => {
    expect(() => stockFromAvailable(Number.NaN, 0, true)).toThrow("available must be a finite number");
    expect(() => stockFromAvailable(1, -1, true)).toThrow("onOrder must be a non-negative finite number");
  });
});

describe("backorderedUnits and continuesSelling", () => {
  it("owes max(0, −available) units only when the variant continues selling", () => {
    expect(backorderedUnits(-3, true)).toBe(3);
    expect(backorderedUnits(-3, false)).toBe(0);
    expect(backorderedUnits(5, true)).toBe(0);
    expect(() => backorderedUnits(Number.POSITIVE_INFINITY, true)).toThrow(new RangeError("available must be a finite number"));
  });
  it("reads Shopify's inventory policy: CONTINUE and not yet synced take backorders, DENY does not", () => {
    expect(continuesSelling("CONTINUE")).toBe(true);
    expect(continuesSelling(null)).toBe(true);
    expect(continuesSelling(undefined)).toBe(true);
    expect(continuesSelling("DENY")).toBe(false);
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
