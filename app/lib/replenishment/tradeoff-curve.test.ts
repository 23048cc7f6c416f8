import { describe, expect, it } from "vitest";
import { inventoryAtFillRate } from "./tradeoff-curve";

const curve = Object.freeze([
  { knob: 14, fillRate: 0.96, inventory: 160 },
  { knob: 7, fillRate: 0.9, inventory: 100 },
  { knob: 30, fillRate: 0.95, inventory: 300 }, // dominated: more stock, lower fill rate
]);

describe("inventoryAtFillRate", () => {
  it("interpolates linearly on the lower envelope", () => {
    expect(inventoryAtFillRate(curve, 0.95)).toBeCloseTo(150, 10);
    expect(inventoryAtFillRate(curve, 0.9)).toBe(100);
  });
  it("does not extrapolate", () => {
    expect(inventoryAtFillRate(curve, 0.97)).toBeNull();
    expect(inventoryAtFillRate(curve, 0.5)).toBeNull();
    expect(inventoryAtFillRate([], 0.5)).toBeNull();
  });
  it("rejects a bad target", () => {
    expect(() => inventoryAtFillRate(curve, 1)).toThrow(new RangeError("targetFillRate must be between 0 and 1 exclusive"));
  });
});
