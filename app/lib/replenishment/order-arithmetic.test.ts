import { describe, expect, it } from "vitest";
import { cutToBudget, orderArithmetic, type OrderArithmetic } from "./order-arithmetic";
import { planLine } from "./plan-line";

/** The sums every screen shows, checked in whole units. */
function expectSumsHold(a: OrderArithmetic) {
  expect(a.leadTimeDemand + a.safetyStock).toBe(a.reorderPoint);
  expect(a.reorderPoint + a.reviewDemand).toBe(a.orderUpTo);
  expect(a.beforeRounding).toBe(Math.max(0, a.orderUpTo - a.position - a.inDraft));
  expect(a.quantity).toBe(a.stopped ? 0 : (a.steps.at(-1)?.quantity ?? a.beforeRounding));
  for (const x of [a.leadTimeDemand, a.safetyStock, a.reorderPoint, a.orderUpTo, a.beforeRounding, a.quantity]) expect(Number.isInteger(x)).toBe(true);
}

describe("orderArithmetic", () => {
  it("works the Ridgeline example: 30 + 86 = 116; 116 + 22 = 138; 138 − 8 = 130 → cases of 6 → 132", () => {
    const a = orderArithmetic({
      leadTimeDemandMean: 29.6, reorderPoint: 115.2, orderUpToLevel: 137.4, inventoryPosition: 8, inDraft: 0, economicOrderQuantity: null, constraints: { casePack: 6 },
    });
    expect(a).toEqual({
      leadTimeDemand: 30, safetyStock: 86, reorderPoint: 116, reviewDemand: 22, orderUpTo: 138, position: 8, inDraft: 0,
      beforeRounding: 130, steps: [{ rule: "case-pack", figure: 6, quantity: 132 }], stopped: null, quantity: 132,
    });
    expectSumsHold(a);
  });

  it("raises to the EOQ, then the MOQ, rounds to cases and caps at the maximum, in that order", () => {
    const base = { leadTimeDemandMean: 10, reorderPoint: 14, orderUpToLevel: 30, inventoryPosition: 5, inDraft: 3, economicOrderQuantity: 40.2 };
    expect(orderArithmetic({ ...base, constraints: { moq: 50, casePack: 12, maxQuantity: 55 } }).steps).toEqual([
      { rule: "economic-order-quantity", figure: 41, quantity: 41 },
      { rule: "moq", figure: 50, quantity: 50 },
      { rule: "case-pack", figure: 12, quantity: 60 },
      { rule: "max-quantity", figure: 55, quantity: 48 },
    ]);
    const none = orderArithmetic({ ...base, inventoryPosition: 40 });
    expect(none).toMatchObject({ beforeRounding: 0, steps: [], quantity: 0 });
    expect(orderArithmetic({ ...base, stopped: "do-not-reorder" })).toMatchObject({ beforeRounding: 22, quantity: 0, stopped: "do-not-reorder" });
  });

  it("cuts to the budget's quantity as a last step, keeping the sums; never raises or un-stops an order", () => {
    const a = orderArithmetic({ leadTimeDemandMean: 29.6, reorderPoint: 115.2, orderUpToLevel: 137.4, inventoryPosition: 8, inDraft: 0, economicOrderQuantity: null, constraints: { casePack: 6 } });
    const cut = cutToBudget(a, 60);
    expect(cut.steps).toEqual([{ rule: "case-pack", figure: 6, quantity: 132 }, { rule: "budget", figure: 60, quantity: 60 }]);
    expect(cut.quantity).toBe(60);
    expectSumsHold(cut);
    expect(cutToBudget(a, 132)).toBe(a);
    expect(cutToBudget(a, 500)).toBe(a);
    const stopped = orderArithmetic({ leadTimeDemandMean: 10, reorderPoint: 14, orderUpToLevel: 30, inventoryPosition: 5, inDraft: 0, economicOrderQuantity: null, stopped: "do-not-reorder" });
    expect(cutToBudget(stopped, 0)).toBe(stopped);
    expect(() => cutToBudget(a, 1.5)).toThrow(new RangeError("quantity must be a non-negative integer"));
  });

  it("equals planLine's suggestion and adds up on random lines (property)", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 500; i++) {
      const rate = rnd() * 8;
      const constraints = { moq: Math.floor(rnd() * 3) * 10, casePack: 1 + Math.floor(rnd() * 12), ...(rnd() < 0.3 ? { maxQuantity: 200 + Math.floor(rnd() * 100) } : {}) };
      const eoqCosts = rnd() < 0.3 ? { orderingCostCents: 5000, holdingCostRate: 0.25, unitCostCents: 100 + Math.floor(rnd() * 900) } : undefined;
      const input = {
        dailyForecast: Array.from({ length: 40 }, () => rate * (0.5 + rnd())),
        dailySd: rate * rnd(),
        leadTime: { meanDays: 1 + Math.floor(rnd() * 20), sdDays: rnd() * 3 },
        reviewPeriodDays: 7,
        serviceLevel: 0.5 + rnd() * 0.49,
        stock: { onHand: Math.floor(rnd() * 120), onOrder: Math.floor(rnd() * 40), committed: 0 },
        constraints,
        eoqCosts,
      };
      const line = planLine(input);
      const a = orderArithmetic({ ...line, inDraft: 0, constraints });
      expectSumsHold(a);
      expect(a.quantity, JSON.stringify(input)).toBe(line.suggestedQuantity);
    }
  });

  it("rounds a simulation's fractional position up like the order, and rejects fractional drafts", () => {
    const base = { leadTimeDemandMean: 1, reorderPoint: 2, orderUpToLevel: 3, inventoryPosition: 0, inDraft: 0, economicOrderQuantity: null };
    expect(orderArithmetic({ ...base, inventoryPosition: 1.5 })).toMatchObject({ beforeRounding: 2, quantity: 2 });
    expect(planLine({ dailyForecast: [1, 1, 1], leadTimeDemand: { mean: 1, quantile: 2 }, protectionDemand: { mean: 2, quantile: 3 }, leadTime: { meanDays: 1, sdDays: 0 },
      reviewPeriodDays: 1, serviceLevel: 0.9, stock: { onHand: 1.5, onOrder: 0, committed: 0 } }).suggestedQuantity).toBe(2);
    expect(() => orderArithmetic({ ...base, inventoryPosition: Number.NaN })).toThrow(new RangeError("inventoryPosition must be a finite number"));
    expect(() => orderArithmetic({ ...base, inDraft: -1 })).toThrow(new RangeError("inDraft must be a non-negative integer"));
    expect(() => orderArithmetic({ ...base, reorderPoint: Number.NaN })).toThrow(new RangeError("reorderPoint must be a finite number"));
  });
});
