import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leadTimeDemand } from "~/lib/forecasting";
import { normalQuantile } from "~/lib/replenishment";
import { decideOrder, forecastDemand, leadTimePeriods } from "./engine";

/** 120 days: about 4 a day, more on one weekday, a few zero days (deterministic). */
function history(seed = 5, days = 120): number[] {
  let s = seed;
  return Array.from({ length: days }, (_, t) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return t % 13 === 0 ? 0 : Math.round(3 + (t % 7 === 4 ? 3 : 0) + (s / 2 ** 31) * 3);
  });
}

describe("leadTimePeriods", () => {
  it("rounds the mean lead time up to whole days, at least one", () => {
    expect(leadTimePeriods(11.2)).toBe(12);
    expect(leadTimePeriods(14)).toBe(14);
    expect(leadTimePeriods(0)).toBe(1);
    expect(() => leadTimePeriods(-1)).toThrow("leadTime.meanDays must be a non-negative finite number");
  });
});

describe("forecastDemand's interval totals", () => {
  // A fixed 14-day lead time and no review period: the lead-time total is the interval total over 14 days.
  const input = { history: Object.freeze(history()), horizonDays: 28, reviewPeriodDays: 0 };
  const totalOf = (sdDays: number, serviceLevels: number[], overrides = []) =>
    forecastDemand({ ...input, leadTime: { meanDays: 14, sdDays }, serviceLevels, overrides });
  const f = totalOf(0, []).forecast;

  it("is the forecaster's quantile of the total when the lead time is fixed", () => {
    const total = leadTimeDemand(f, 14);
    const out = totalOf(0, [0.9, 0.95]);
    expect(out.leadTimeDemand).toEqual({ periods: 14, mean: total.mean, sd: total.sd, quantiles: [total.quantile(0.9), total.quantile(0.95)] });
    // With R = 0 the protection interval is the lead time itself.
    expect(out.protectionDemand).toBe(out.leadTimeDemand);
  });

  it("widens for lead-time σ: q' = q + Φ⁻¹(p)·(√(σ² + d²σ_L²) − σ) (Silver, Pyke & Thomas ch. 6; ADR 021)", () => {
    const total = leadTimeDemand(f, 14);
    const [q] = totalOf(2.8, [0.95]).leadTimeDemand.quantiles;
    const d = total.mean / 14;
    const expected = total.quantile(0.95) + normalQuantile(0.95) * (Math.sqrt(total.sd ** 2 + (d * 2.8) ** 2) - total.sd);
    expect(q).toBeCloseTo(expected, 9);
    // Worked: about 4.5 a day over 2.8 days of σ adds several units at 95%.
    expect(q - total.quantile(0.95)).toBeGreaterThan(3);
  });

  it("shifts mean and quantiles by the overrides' change in expected units", () => {
    const base = totalOf(0, [0.95]).leadTimeDemand;
    // Days 0 and 1 set to 10 units above the statistical forecast: +20 units over the interval.
    const overrides = [0, 1].map((day) => ({ id: `o${day}`, fromDay: day, toDay: day, dailyUnits: f.mean[day] + 10 }));
    const shifted = forecastDemand({ ...input, leadTime: { meanDays: 14, sdDays: 0 }, serviceLevels: [0.95], overrides }).leadTimeDemand;
    expect(shifted.mean).toBeCloseTo(base.mean + 20, 9);
    expect(shifted.quantiles[0]).toBeCloseTo(base.quantiles[0] + 20, 9);
  });

  it("refuses a service level outside (0, 1) and a negative lead-time σ", () => {
    expect(() => totalOf(0, [1])).toThrow("serviceLevel must be between 0 and 1 exclusive");
    expect(() => totalOf(-1, [0.9])).toThrow("leadTime.sdDays must be a non-negative finite number");
  });
});

describe("forecastDemand", () => {
  it("takes L = ⌈mean lead time⌉, covers L + R days and gives both totals at every level", () => {
    const input = Object.freeze({ history: Object.freeze(history()), leadTime: { meanDays: 6.2, sdDays: 1.5 }, reviewPeriodDays: 7, serviceLevels: [0.9, 0.99] });
    const out = forecastDemand(input);
    expect(out.leadTimeDays).toBe(7);
    expect(out.forecast.mean).toHaveLength(14);
    expect(out.adjusted.mean).toEqual(out.forecast.mean);
    expect(out.leadTimeDemand.periods).toBe(7);
    expect(out.protectionDemand.periods).toBe(14);
    expect(out.leadTimeDemand.quantiles[0]).toBeLessThan(out.leadTimeDemand.quantiles[1]);
    expect(out.protectionDemand.quantiles[0]).toBeGreaterThan(out.leadTimeDemand.quantiles[0]);
    expect(forecastDemand({ ...input, horizonDays: 60 }).forecast.mean).toHaveLength(60);
    expect(() => forecastDemand({ ...input, reviewPeriodDays: 1.5 })).toThrow("reviewPeriodDays must be a non-negative integer");
  });

  it("applies manual overrides to the daily mean and both totals", () => {
    const input = { history: history(), leadTime: { meanDays: 7, sdDays: 0 }, reviewPeriodDays: 7, serviceLevels: [0.95] };
    const plain = forecastDemand(input);
    const over = forecastDemand({ ...input, overrides: [{ id: "o", fromDay: 10, toDay: 20, dailyUnits: 9 }] });
    expect(over.adjusted.ids).toEqual(["o"]);
    expect(over.adjusted.mean.slice(10)).toEqual([9, 9, 9, 9]);
    expect(over.leadTimeDemand).toEqual(plain.leadTimeDemand);
    // Days 10..13 of the 14-day protection interval are overridden: Δ = Σ (9 − statistical mean).
    const delta = plain.forecast.mean.slice(10, 14).reduce((sum, m) => sum + 9 - m, 0);
    expect(delta).toBeGreaterThan(10);
    expect(over.protectionDemand.mean).toBeCloseTo(plain.protectionDemand.mean + delta, 9);
    expect(over.protectionDemand.quantiles[0]).toBeCloseTo(plain.protectionDemand.quantiles[0] + delta, 9);
  });
});

describe("decideOrder", () => {
  // Worked example (Silver, Pyke & Thomas ch. 6, (R, S) system): S = 36, IP = 10 → order S − IP = 26.
  const input = {
    dailyForecast: Array(15).fill(2),
    leadTimeDemand: { mean: 14, quantile: 20 },
    protectionDemand: { mean: 28, quantile: 36 },
    leadTime: { meanDays: 7, sdDays: 0 },
    reviewPeriodDays: 7,
    serviceLevel: 0.95,
    stock: { onHand: 10, onOrder: 0, committed: 0 },
  };

  it("orders up to S and rounds by the order rules", () => {
    expect(decideOrder(input)).toMatchObject({ suggestedQuantity: 26, ruleConflict: null, line: { orderUpToLevel: 36, safetyStock: 6, reorderPoint: 20 } });
    expect(decideOrder({ ...input, constraints: { casePack: 12 } }).suggestedQuantity).toBe(36);
  });

  it("explains the decision in sums that add up and one plain sentence first", () => {
    const out = decideOrder({ ...input, constraints: { casePack: 12 } });
    expect(out.arithmetic).toEqual({
      leadTimeDemand: 14, safetyStock: 6, reorderPoint: 20, reviewDemand: 16, orderUpTo: 36,
      position: 10, inDraft: 0, beforeRounding: 26, steps: [{ rule: "case-pack", figure: 12, quantity: 36 }], stopped: null, quantity: 36,
    });
    expect(out.reason).toBe(
      "Sells about 2 a day; a delivery takes 7 days; to stay in stock 95% of the time keep 36 available or on order; you have 10, so order 26 (a case of 12 → 36). " +
        "10 available to sell; that covers about 5 days of expected sales. Stock runs out in 5 days, before an order placed now can arrive (7-day lead time).",
    );
    const drafted = decideOrder({ ...input, draftedUnits: 20 });
    expect(drafted.arithmetic).toMatchObject({ position: 10, inDraft: 20, beforeRounding: 6, quantity: 6 });
    expect(drafted.reason).toContain("you have 10 and 20 more in draft purchase orders, so order 6.");
    expect(decideOrder({ ...input, draftedUnits: 30 }).reason).toContain("so order nothing more: send the drafts.");
  });

  it("cuts to the budget's quantity as the last step of the sums and the sentence; a larger allowance changes nothing", () => {
    const out = decideOrder({ ...input, constraints: { casePack: 12 }, budgetQuantity: 12 });
    expect(out.suggestedQuantity).toBe(12);
    expect(out.arithmetic.steps).toEqual([{ rule: "case-pack", figure: 12, quantity: 36 }, { rule: "budget", figure: 12, quantity: 12 }]);
    expect(out.reason).toContain("so order 26 (a case of 12 → 36; cut to fit the budget → 12).");
    expect(out.line).toEqual(decideOrder({ ...input, constraints: { casePack: 12 } }).line);
    expect(decideOrder({ ...input, budgetQuantity: 26 })).toEqual(decideOrder(input));
    expect(decideOrder({ ...input, doNotReorder: true, budgetQuantity: 0 })).toEqual(decideOrder({ ...input, doNotReorder: true }));
  });

  it("keeps the sums but suggests nothing for a variant marked do not reorder", () => {
    const out = decideOrder({ ...input, doNotReorder: true });
    expect(out.suggestedQuantity).toBe(0);
    expect(out.arithmetic).toMatchObject({ beforeRounding: 26, stopped: "do-not-reorder", quantity: 0 });
    expect(out.reason).toContain("you have 10, but it is marked do not reorder, so order nothing.");
  });

  it("suggests what to order beyond the units already drafted, keeping the real position and urgency", () => {
    // S = 36, IP = 10: 26 to order; 20 already drafted → 6 more; 30 drafted → nothing.
    const drafted = decideOrder({ ...input, draftedUnits: 20 });
    expect(drafted.suggestedQuantity).toBe(6);
    expect(drafted.line).toEqual(decideOrder(input).line);
    expect(decideOrder({ ...input, draftedUnits: 30 }).suggestedQuantity).toBe(0);
    // rounded by the same rules: 6 more in cases of 12 → 12
    expect(decideOrder({ ...input, draftedUnits: 20, constraints: { casePack: 12 } }).suggestedQuantity).toBe(12);
    expect(() => decideOrder({ ...input, draftedUnits: -1 })).toThrow("draftedUnits must be a non-negative integer");
  });

  it("suggests nothing and names the conflict when the order rules contradict each other", () => {
    const out = decideOrder({ ...input, constraints: { moq: 30, casePack: 12, maxQuantity: 35 } });
    expect(out.suggestedQuantity).toBe(0);
    expect(out.ruleConflict).toBe("no whole-case quantity between moq and maxQuantity");
    expect(out.line.suggestedQuantity).toBe(26);
    expect(out.arithmetic).toMatchObject({ beforeRounding: 26, steps: [], stopped: "rule-conflict", quantity: 0 });
    expect(() => decideOrder({ ...input, serviceLevel: 1 })).toThrow("serviceLevel must be between 0 and 1 exclusive");
  });
});

describe("forecastDemand then decideOrder (as the planner and the policy benchmark call them)", () => {
  const decide = (input: { history: number[]; leadTime: { meanDays: number; sdDays: number }; serviceLevel: number; stock: { onHand: number; onOrder: number; committed: number } }) => {
    const demand = forecastDemand({ ...input, reviewPeriodDays: 7, serviceLevels: [input.serviceLevel] });
    const decision = decideOrder({
      dailyForecast: demand.adjusted.mean,
      leadTimeDemand: { mean: demand.leadTimeDemand.mean, quantile: demand.leadTimeDemand.quantiles[0] },
      protectionDemand: { mean: demand.protectionDemand.mean, quantile: demand.protectionDemand.quantiles[0] },
      leadTime: input.leadTime,
      reviewPeriodDays: 7,
      serviceLevel: input.serviceLevel,
      stock: input.stock,
    });
    return { demand, decision };
  };

  it("orders up to the protection quantile from the inventory position", () => {
    const { demand, decision } = decide({ history: history(9), leadTime: { meanDays: 10.4, sdDays: 2 }, serviceLevel: 0.95, stock: { onHand: 12, onOrder: 5, committed: 2 } });
    expect(decision.line.orderUpToLevel).toBe(demand.protectionDemand.quantiles[0]);
    expect(decision.suggestedQuantity).toBe(Math.ceil(demand.protectionDemand.quantiles[0] - 15));
  });

  it("never orders a negative or NaN quantity, and quantiles rise with the service level (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 30 }), { minLength: 20, maxLength: 100 }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 8, noNaN: true }),
        fc.integer({ min: 0, max: 200 }),
        fc.uniqueArray(fc.double({ min: 0.5, max: 0.999, noNaN: true }), { minLength: 2, maxLength: 4 }),
        (sales, meanDays, sdDays, onHand, levels) => {
          const serviceLevels = [...levels].sort((a, b) => a - b);
          const demand = forecastDemand({ history: sales, leadTime: { meanDays, sdDays }, reviewPeriodDays: 7, serviceLevels });
          for (const total of [demand.leadTimeDemand, demand.protectionDemand]) {
            expect(total.quantiles.every((q) => Number.isFinite(q) && q >= 0)).toBe(true);
            for (let i = 1; i < total.quantiles.length; i++) expect(total.quantiles[i]).toBeGreaterThanOrEqual(total.quantiles[i - 1]);
          }
          const { decision } = decide({ history: sales, leadTime: { meanDays, sdDays }, serviceLevel: serviceLevels[0], stock: { onHand, onOrder: 0, committed: 0 } });
          expect(Number.isInteger(decision.suggestedQuantity) && decision.suggestedQuantity >= 0).toBe(true);
        },
      ),
      { numRuns: 80, seed: 20261207 },
    );
  });
});
