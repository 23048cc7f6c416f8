import { describe, expect, it } from "vitest";
import { costBalancedServiceLevel } from "~/lib/replenishment";
import { seriesServiceLevel, xyzOfHistory } from "./service-level";

describe("xyzOfHistory", () => {
  it("classifies the weekly totals of the last 26 weeks", () => {
    expect(xyzOfHistory(Array(182).fill(2))).toBe("X");
    // One sale of 40 every third week: weekly CV √2 ≈ 1.41 → Z.
    expect(xyzOfHistory(Array.from({ length: 182 }, (_, i) => (i % 21 === 20 ? 40 : 0)))).toBe("Z");
    // Only the last 26 weeks count: an erratic year before a steady half-year is X.
    const older = Array.from({ length: 365 }, (_, i) => (i % 50 === 0 ? 90 : 0));
    expect(xyzOfHistory([...older, ...Array(182).fill(3)])).toBe("X");
    expect(xyzOfHistory([])).toBe("Z");
  });
  it("counts stocked-out and closed days as unknown, scaling a week's known days to 7", () => {
    // Weeks alternate 14 units and 0 units (all 7 days stocked out): without the mask CV = 1 (Y); with it every
    // known week is 14 → X.
    const units = Array.from({ length: 182 }, (_, i) => (Math.floor(i / 7) % 2 === 0 ? 2 : 0));
    const stockedOut = units.map((u) => u === 0);
    expect(xyzOfHistory(units)).toBe("Y");
    expect(xyzOfHistory(units, stockedOut)).toBe("X");
    // Three known days of 4 → a week of 28, as 4 a day.
    const closed = Array.from({ length: 182 }, (_, i) => i % 7 >= 3);
    expect(xyzOfHistory(Array.from({ length: 182 }, (_, i) => (i % 7 < 3 ? 4 : 0)), undefined, closed)).toBe("Z");
  });
});

describe("seriesServiceLevel", () => {
  it("is the ABC × XYZ cell (the class level when the steps are off), then balanced by unit cost when asked", () => {
    expect(seriesServiceLevel({ classLevel: 0.98, abc: "A", xyz: "Z", variabilitySteps: true, unitCostCents: 500, costReferenceCents: null })).toBeCloseTo(0.95, 12);
    expect(seriesServiceLevel({ classLevel: 0.98, abc: "A", xyz: "Z", variabilitySteps: false, unitCostCents: 500, costReferenceCents: null })).toBe(0.98);
    expect(seriesServiceLevel({ classLevel: 0.9, abc: "C", xyz: "X", variabilitySteps: true, unitCostCents: 500, costReferenceCents: null })).toBe(0.9);
    const cell = seriesServiceLevel({ classLevel: 0.98, abc: "A", xyz: "Y", variabilitySteps: true, unitCostCents: 0, costReferenceCents: null });
    expect(seriesServiceLevel({ classLevel: 0.98, abc: "A", xyz: "Y", variabilitySteps: true, unitCostCents: 200, costReferenceCents: 500 })).toBe(
      costBalancedServiceLevel({ serviceLevel: cell, unitCost: 200, referenceUnitCost: 500 }),
    );
    expect(() => seriesServiceLevel({ classLevel: 1, abc: "A", xyz: "X", variabilitySteps: false, unitCostCents: 0, costReferenceCents: null })).toThrow(
      new RangeError("serviceLevel must be between 0 and 1 exclusive"),
    );
  });
});
