import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { roundOrderQuantity } from "./rounding";

describe("roundOrderQuantity", () => {
  it("orders nothing for a non-positive requirement", () => {
    expect(roundOrderQuantity(0, { moq: 10 })).toEqual({ quantity: 0, applied: [] });
    expect(roundOrderQuantity(-5)).toEqual({ quantity: 0, applied: [] });
  });
  it("raises to the MOQ and rounds up to whole cases", () => {
    expect(roundOrderQuantity(37.2, Object.freeze({ moq: 48, casePack: 12 }))).toEqual({ quantity: 48, applied: ["moq"] });
    expect(roundOrderQuantity(50, { casePack: 12 })).toEqual({ quantity: 60, applied: ["case-pack"] });
    expect(roundOrderQuantity(30, { moq: 25, casePack: 12 })).toEqual({ quantity: 36, applied: ["case-pack"] });
    expect(roundOrderQuantity(10, { moq: 25, casePack: 12 })).toEqual({ quantity: 36, applied: ["moq", "case-pack"] });
    expect(roundOrderQuantity(4.2)).toEqual({ quantity: 5, applied: [] });
  });
  it("caps at the maximum in whole cases", () => {
    expect(roundOrderQuantity(500, { casePack: 12, maxQuantity: 100 })).toEqual({ quantity: 96, applied: ["case-pack", "max-quantity"] });
  });
  it("rejects constraints that cannot be met together", () => {
    expect(() => roundOrderQuantity(5, { moq: 30, casePack: 12, maxQuantity: 30 })).toThrow(
      new RangeError("no whole-case quantity between moq and maxQuantity")
    );
    expect(() => roundOrderQuantity(5, { casePack: 0 })).toThrow(new RangeError("casePack must be a positive integer"));
    expect(() => roundOrderQuantity(5, { moq: 1.5 })).toThrow(new RangeError("moq must be a non-negative integer"));
    expect(() => roundOrderQuantity(Number.NaN)).toThrow(new RangeError("rawQuantity must be a finite number"));
  });
  it("always returns 0 or a whole-case quantity ≥ raw within [moq, max] (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 24 }), (raw, moq, pack) => {
        const { quantity } = roundOrderQuantity(raw, { moq, casePack: pack });
        if (raw <= 0) return quantity === 0;
        return quantity % pack === 0 && quantity >= moq && quantity >= raw - 1e-6 && quantity < Math.max(raw, moq) + pack;
      })
    );
  });
});
