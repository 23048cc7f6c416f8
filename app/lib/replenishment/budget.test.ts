import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocateBudget, expectedShortage, type BudgetLine } from "./budget";

const lines: readonly BudgetLine[] = Object.freeze([
  Object.freeze({ id: "cheap", unitCostCents: 100, suggestedQuantity: 50, inventoryPosition: 0, protectionMean: 40, protectionSd: 0 }),
  Object.freeze({ id: "dear", unitCostCents: 1000, suggestedQuantity: 50, inventoryPosition: 0, protectionMean: 40, protectionSd: 0 }),
]);

describe("expectedShortage", () => {
  it("is (μ − IP − q)⁺ without uncertainty and σ·G(k) with it", () => {
    expect(expectedShortage({ inventoryPosition: 0, protectionMean: 100, protectionSd: 0 }, 60)).toBe(40);
    // k = (0 + 100 − 100)/50 = 0 → 50·G(0) = 19.947
    expect(expectedShortage({ inventoryPosition: 0, protectionMean: 100, protectionSd: 50 }, 100)).toBeCloseTo(19.947, 3);
  });
});

describe("allocateBudget", () => {
  it("buys everything when the budget allows", () => {
    const r = allocateBudget(lines, 1_000_000);
    expect(r.lines.map((l) => l.quantity)).toEqual([40, 40]); // units beyond μ buy no service when σ = 0
    expect(r.totalCents).toBe(44_000);
  });
  it("spends a tight budget where a cent avoids the most shortage", () => {
    const r = allocateBudget(lines, 5_000);
    expect(r.lines[0]).toEqual({ id: "cheap", quantity: 40, costCents: 4_000, expectedShortage: 0 });
    expect(r.lines[1].quantity).toBe(1);
    expect(r.totalCents).toBe(5_000);
    expect(r.remainingCents).toBe(0);
  });
  it("respects MOQ and case pack", () => {
    const r = allocateBudget(
      [{ id: "a", unitCostCents: 100, suggestedQuantity: 48, inventoryPosition: 0, protectionMean: 100, protectionSd: 20, moq: 24, casePack: 12 }],
      3_000
    );
    expect(r.lines[0].quantity).toBe(24);
    expect(r.totalCents).toBe(2_400);
  });
  it("prefers the line with more uncertainty left at equal cost", () => {
    const r = allocateBudget(
      [
        { id: "covered", unitCostCents: 100, suggestedQuantity: 10, inventoryPosition: 100, protectionMean: 100, protectionSd: 10 },
        { id: "exposed", unitCostCents: 100, suggestedQuantity: 10, inventoryPosition: 50, protectionMean: 100, protectionSd: 10 },
      ],
      500
    );
    expect(r.lines.map((l) => l.quantity)).toEqual([0, 5]);
  });
  it("rejects bad inputs", () => {
    expect(() => allocateBudget(lines, 10.5)).toThrow(new RangeError("budgetCents must be a non-negative integer"));
    expect(() => allocateBudget([{ ...lines[0], unitCostCents: 1.5 }], 10)).toThrow(
      new RangeError("unitCostCents must be a non-negative integer")
    );
    expect(() => allocateBudget([{ ...lines[0], protectionSd: -1 }], 10)).toThrow(
      new RangeError("protectionSd must be a non-negative finite number")
    );
  });
});

/** Arbitraries of a budget line's fields; the properties differ only in these ranges. */
const lineFields = (r: { cost: [number, number]; suggested: number; casePack: number }) => ({
  unitCostCents: fc.integer({ min: r.cost[0], max: r.cost[1] }),
  suggestedQuantity: fc.integer({ min: 0, max: r.suggested }),
  inventoryPosition: fc.integer({ min: -20, max: 100 }),
  protectionMean: fc.integer({ min: 0, max: 200 }),
  protectionSd: fc.integer({ min: 0, max: 60 }),
  casePack: fc.integer({ min: 1, max: r.casePack }),
});

describe("allocateBudget properties", () => {
  it("never exceeds the budget or a line's suggestion, and spends whole steps", () => {
    const line = fc.record(lineFields({ cost: [1, 5000], suggested: 200, casePack: 12 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.integer({ min: 0, max: 200_000 }), (raw, budget) => {
        const lines = raw.map((l, i) => ({ ...l, id: String(i), suggestedQuantity: l.suggestedQuantity - (l.suggestedQuantity % l.casePack) }));
        const r = allocateBudget(lines, budget);
        if (r.totalCents > budget || r.totalCents + r.remainingCents !== budget) return false;
        return r.lines.every((a, i) => a.quantity <= lines[i].suggestedQuantity && a.quantity % lines[i].casePack === 0 && a.costCents === a.quantity * lines[i].unitCostCents);
      })
    );
  });
  it("chooses exactly as scanning every line at each step (the heap is only faster)", () => {
    // The O(S·n) scan allocateBudget used before its heap: the reference the heap must match.
    const scan = (lines: readonly BudgetLine[], budget: number): number[] => {
      const qty = lines.map(() => 0);
      let remaining = budget;
      const next = (i: number) => {
        const l = lines[i];
        const pack = l.casePack ?? 1;
        const step = qty[i] === 0 ? Math.ceil(Math.max(l.moq ?? 0, 1) / pack) * pack : pack;
        return qty[i] + step <= l.suggestedQuantity ? step : 0;
      };
      for (;;) {
        let best = -1;
        let bestScore = 0;
        for (let i = 0; i < lines.length; i++) {
          const step = next(i);
          if (step === 0 || step * lines[i].unitCostCents > remaining) continue;
          const gain = expectedShortage(lines[i], qty[i]) - expectedShortage(lines[i], qty[i] + step);
          const cost = step * lines[i].unitCostCents;
          const score = cost === 0 ? Number.POSITIVE_INFINITY : gain / cost;
          if (gain > 0 && score > bestScore) [best, bestScore] = [i, score];
        }
        if (best === -1) return qty;
        remaining -= next(best) * lines[best].unitCostCents;
        qty[best] += next(best);
      }
    };
    const line = fc.record({ ...lineFields({ cost: [0, 3000], suggested: 120, casePack: 6 }), moq: fc.integer({ min: 0, max: 30 }) });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.integer({ min: 0, max: 100_000 }), (raw, budget) => {
        const lines = raw.map((l, i) => ({ ...l, id: String(i) }));
        expect(allocateBudget(lines, budget).lines.map((l) => l.quantity)).toEqual(scan(lines, budget));
      }),
    );
  });
});
