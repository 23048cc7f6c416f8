import { describe, expect, it } from "vitest";
import { costBalancedServiceLevel } from "./cost-balanced-service";

describe("costBalancedServiceLevel", () => {
  it("scales the stockout chance by cost over the reference (worked example: 95%, $2 vs $5 → 98%; $8 → 92%)", () => {
    expect(costBalancedServiceLevel({ serviceLevel: 0.95, unitCost: 200, referenceUnitCost: 500 })).toBeCloseTo(0.98, 12);
    expect(costBalancedServiceLevel({ serviceLevel: 0.95, unitCost: 800, referenceUnitCost: 500 })).toBeCloseTo(0.92, 12);
    expect(costBalancedServiceLevel({ serviceLevel: 0.95, unitCost: 500, referenceUnitCost: 500 })).toBe(0.95);
  });

  it("keeps the class's average stockout chance when the costs average the reference", () => {
    const costs = [100, 300, 700, 900]; // mean 500
    const levels = costs.map((unitCost) => costBalancedServiceLevel({ serviceLevel: 0.9, unitCost, referenceUnitCost: 500 }));
    expect(levels.reduce((s, l) => s + (1 - l), 0) / levels.length).toBeCloseTo(0.1, 12);
  });

  it("equalises money per expected unit short at the margin (the Lagrangian condition p·R·D/v = constant)", () => {
    // Two items with the same weekly demand: each stocks out with p ∝ v, so v/p — the money one more unit of
    // stock costs per unit of shortage it saves — is the same for both.
    const cheap = 1 - costBalancedServiceLevel({ serviceLevel: 0.95, unitCost: 250, referenceUnitCost: 500 });
    const dear = 1 - costBalancedServiceLevel({ serviceLevel: 0.95, unitCost: 750, referenceUnitCost: 500 });
    expect(250 / cheap).toBeCloseTo(750 / dear, 9);
  });

  it("keeps the class level for unknown costs and clamps to [50%, 99.99%]", () => {
    expect(costBalancedServiceLevel({ serviceLevel: 0.97, unitCost: 0, referenceUnitCost: 500 })).toBe(0.97);
    expect(costBalancedServiceLevel({ serviceLevel: 0.99, unitCost: 1, referenceUnitCost: 500_000 })).toBe(0.9999);
    expect(costBalancedServiceLevel({ serviceLevel: 0.8, unitCost: 5000, referenceUnitCost: 500 })).toBe(0.5);
  });

  it("rejects bad inputs", () => {
    expect(() => costBalancedServiceLevel({ serviceLevel: 1, unitCost: 1, referenceUnitCost: 1 })).toThrow(new RangeError("serviceLevel must be between 0 and 1 exclusive"));
    expect(() => costBalancedServiceLevel({ serviceLevel: 0.9, unitCost: -1, referenceUnitCost: 1 })).toThrow(new RangeError("unitCost must be a non-negative finite number"));
    expect(() => costBalancedServiceLevel({ serviceLevel: 0.9, unitCost: 1, referenceUnitCost: 0 })).toThrow(new RangeError("referenceUnitCost must be a positive finite number"));
  });
});
