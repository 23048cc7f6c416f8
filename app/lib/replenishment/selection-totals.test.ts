import { describe, expect, it } from "vitest";
import { selectionTotals } from "./selection-totals";

describe("selectionTotals", () => {
  it("sums units and value and flags a vendor under its MOQ (worked example)", () => {
    // Acme (MOQ 50): 12 × $2.50 + 30 × $1.00 = 42 units, $60.00 → under 50. Birch (MOQ 10): 12 units, unpriced.
    // Cobalt has no MOQ. Total 12 + 30 + 12 + 5 = 59 units; value $60.00 + $7.50 = $67.50.
    const lines = Object.freeze([
      { vendorId: "acme", units: 12, valueCents: 3000 },
      { vendorId: "acme", units: 30, valueCents: 3000 },
      { vendorId: "birch", units: 12, valueCents: null },
      { vendorId: "cobalt", units: 5, valueCents: 750 },
    ]);
    expect(selectionTotals(lines, { acme: 50, birch: 10, cobalt: null })).toEqual({
      lines: 4,
      units: 59,
      valueCents: 6750,
      unpricedLines: 1,
      underMinimum: [{ vendorId: "acme", units: 42, moq: 50 }],
    });
  });

  it("does not flag a vendor at exactly its MOQ, nor one with nothing to order", () => {
    expect(selectionTotals([{ vendorId: "a", units: 10, valueCents: 0 }, { vendorId: "b", units: 0, valueCents: 0 }], { a: 10, b: 5 }).underMinimum).toEqual([]);
  });

  it("counts lines without a vendor in the totals only", () => {
    expect(selectionTotals([{ vendorId: null, units: 3, valueCents: 300 }], {})).toMatchObject({ units: 3, valueCents: 300, underMinimum: [] });
  });

  it("rejects fractional or negative figures", () => {
    expect(() => selectionTotals([{ vendorId: null, units: 1.5, valueCents: 0 }], {})).toThrow(new RangeError("units must be a non-negative integer"));
    expect(() => selectionTotals([{ vendorId: null, units: 1, valueCents: -1 }], {})).toThrow(new RangeError("valueCents must be a non-negative integer"));
  });
});
