import { describe, expect, it } from "vitest";
import { nativeIncomingShares } from "./native-incoming";

describe("nativeIncomingShares", () => {
  it("worked example: 10 ordered on 1 Dec, 6 on 3 Dec, 8 still incoming → the newer PO's 6, then 2 of the older", () => {
    const lines = Object.freeze([Object.freeze({ quantity: 10, orderedAt: Date.UTC(2026, 11, 1) }), Object.freeze({ quantity: 6, orderedAt: Date.UTC(2026, 11, 3) })]);
    expect(nativeIncomingShares(lines, 8)).toEqual([2, 6]);
  });

  it("never exceeds incoming nor a line's quantity: a transfer's units stay unattributed", () => {
    expect(nativeIncomingShares([{ quantity: 5, orderedAt: 1 }], 8)).toEqual([5]);
    expect(nativeIncomingShares([{ quantity: 7, orderedAt: 1 }], 7)).toEqual([7]);
    expect(nativeIncomingShares([{ quantity: 7, orderedAt: 1 }], 0)).toEqual([0]);
  });

  it("takes an unknown order date as the oldest, and ties in input order", () => {
    expect(nativeIncomingShares([{ quantity: 4, orderedAt: null }, { quantity: 4, orderedAt: 5 }], 5)).toEqual([1, 4]);
    expect(nativeIncomingShares([{ quantity: 4, orderedAt: 5 }, { quantity: 4, orderedAt: 5 }], 5)).toEqual([4, 1]);
    expect(nativeIncomingShares([], 3)).toEqual([]);
  });

  it("rejects a negative incoming and a fractional or negative quantity", () => {
    expect(() => nativeIncomingShares([], -1)).toThrow(new RangeError("incoming must be a non-negative finite number"));
    expect(() => nativeIncomingShares([{ quantity: 1.5, orderedAt: 1 }], 3)).toThrow(new RangeError("quantity must be a non-negative integer"));
  });
});
