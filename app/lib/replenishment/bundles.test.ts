import { describe, expect, it } from "vitest";
import { explodeBundleDemand } from "./bundles";

// Worked example (hand-computed; the explosion is Orlicky's gross requirements, the revenue split the
// relative standalone selling price method of IFRS 15 §§ 76–80):
// A "Cabin kit" = 2 mugs ($12.00 each alone) + 1 candle ($18.00 alone). One order line sells 3 kits for
// $100.01 in total (10001 cents) and, on the same day, a mug sells on its own for $12.00.
//   units:   mugs 3 × 2 = 6, candles 3 × 1 = 3
//   weights: mugs 2 × 1200 = 2400, candle 1 × 1800 = 1800 (sum 4200)
//   revenue: mugs 10001 × 2400 / 4200 = 5714.857…, candle 10001 × 1800 / 4200 = 4286.142…
//            floors 5714 + 4286 = 10000; the 1 cent left goes to the larger fraction (mugs, .857): 5715 / 4286.
const BOM = Object.freeze([
  Object.freeze({ bundleId: "kit", componentId: "mug", quantity: 2 }),
  Object.freeze({ bundleId: "kit", componentId: "candle", quantity: 1 }),
]);
const PRICES = Object.freeze({ mug: 1200, candle: 1800 });

describe("explodeBundleDemand", () => {
  it("turns a bundle line into component lines, keeping the line's other fields (worked example)", () => {
    const lines = Object.freeze([
      Object.freeze({ variantId: "kit", units: 3, revenueMinor: 10001, orderId: "o1", date: "2026-11-20" }),
      Object.freeze({ variantId: "mug", units: 1, revenueMinor: 1200, orderId: "o2", date: "2026-11-20" }),
    ]);
    expect(explodeBundleDemand(lines, BOM, PRICES)).toEqual([
      { variantId: "mug", units: 6, revenueMinor: 5715, orderId: "o1", date: "2026-11-20" },
      { variantId: "candle", units: 3, revenueMinor: 4286, orderId: "o1", date: "2026-11-20" },
      { variantId: "mug", units: 1, revenueMinor: 1200, orderId: "o2", date: "2026-11-20" },
    ]);
    expect(lines[0].variantId).toBe("kit"); // inputs are frozen and untouched
  });

  it("counts each unit once: lines of variants that are not listed bundles pass through", () => {
    const lines = [{ variantId: "mug", units: 4, revenueMinor: 4800 }];
    expect(explodeBundleDemand(lines, BOM, PRICES)).toEqual(lines);
    expect(explodeBundleDemand(lines, [], {})).toEqual(lines);
    const exploded = explodeBundleDemand([{ variantId: "kit", units: 5, revenueMinor: 999 }], BOM, PRICES);
    expect(exploded.reduce((n, l) => n + l.revenueMinor, 0)).toBe(999);
  });

  it("splits by quantity when no component has a price, and keeps a zero-revenue line at zero", () => {
    // 1000 × 2/3 = 666.67, 1000 × 1/3 = 333.33: floors 666 + 333, the cent left to the larger fraction (mugs).
    expect(explodeBundleDemand([{ variantId: "kit", units: 1, revenueMinor: 1000 }], BOM).map((l) => l.revenueMinor)).toEqual([667, 333]);
    expect(explodeBundleDemand([{ variantId: "kit", units: 2, revenueMinor: 0 }], BOM, PRICES).map((l) => [l.units, l.revenueMinor])).toEqual([
      [4, 0],
      [2, 0],
    ]);
  });

  it("rejects inconsistent input", () => {
    const kit = [{ variantId: "kit", units: 1, revenueMinor: 100 }];
    expect(() =>
      explodeBundleDemand(kit, [
        { bundleId: "kit", componentId: "box", quantity: 1 },
        { bundleId: "box", componentId: "mug", quantity: 1 },
      ]),
    ).toThrow(new RangeError("nested bundles are not supported: box"));
    expect(() => explodeBundleDemand(kit, [{ bundleId: "kit", componentId: "mug", quantity: 0 }])).toThrow(new RangeError("quantity must be a positive finite number"));
    expect(() => explodeBundleDemand(kit, [{ bundleId: "kit", componentId: "mug", quantity: 1.5 }])).toThrow(new RangeError("quantity must be a non-negative integer"));
    expect(() => explodeBundleDemand([{ variantId: "kit", units: -1, revenueMinor: 0 }], BOM)).toThrow(new RangeError("units must be a non-negative finite number"));
    expect(() => explodeBundleDemand([{ variantId: "kit", units: 1, revenueMinor: 1.5 }], BOM)).toThrow(new RangeError("revenueMinor must be a non-negative integer"));
    expect(() => explodeBundleDemand(kit, BOM, { mug: -1 })).toThrow(new RangeError("price must be a non-negative finite number"));
  });
});
