import { describe, expect, it } from "vitest";
import { allocateBudget } from "./budget";
import { averageSalesCoverPolicy, inStockVelocityCoverPolicy } from "./cover-rules";
import { economicOrderQuantity } from "./eoq";
import { inventoryPosition } from "./inventory-position";
import { blendLeadTime } from "./lead-time";
import { daysOfCover, planLine, projectedStockoutDay, sumForecast, type PlanLineInput } from "./plan-line";
import { roundOrderQuantity } from "./rounding";
import { expectedShortagePerCycle, leadTimeDemandMoments, quantileWithLeadTimeVariability } from "./safety-stock";
import { drawLeadTimes, simulateInventory } from "./simulate";

const plan: PlanLineInput = {
  dailyForecast: new Array<number>(30).fill(1),
  dailySd: 1,
  leadTime: { meanDays: 5, sdDays: 1 },
  reviewPeriodDays: 7,
  serviceLevel: 0.9,
  stock: { onHand: 1, onOrder: 0, committed: 0 },
};
const line = { id: "a", unitCostCents: 100, suggestedQuantity: 10, inventoryPosition: 0, protectionMean: 10, protectionSd: 1 };
const sim = { demand: [1], startDay: 0, reviewPeriodDays: 7, leadTimeByDay: [1], policy: () => 1 };

// One row per precondition message not already asserted next to its happy-path tests (style.md §7).
const cases: [string, () => unknown][] = [
  ["interval quantile must be a finite number", () => planLine({ ...plan, leadTimeDemand: { mean: 1, quantile: Number.NaN } })],
  ["interval mean must be a non-negative finite number", () => planLine({ ...plan, protectionDemand: { mean: -1, quantile: 1 } })],
  ["dailyForecast must be a non-negative finite number", () => planLine({ ...plan, dailyForecast: [-1, ...plan.dailyForecast] })],
  ["dailySd must be a non-negative finite number", () => planLine({ ...plan, dailySd: -1 })],
  ["leadTime.meanDays must be a non-negative finite number", () => planLine({ ...plan, leadTime: { meanDays: -1, sdDays: 0 } })],
  ["leadTime.sdDays must be a non-negative finite number", () => planLine({ ...plan, leadTime: { meanDays: 1, sdDays: -1 } })],
  ["unitCostCents must be a positive finite number", () => planLine({ ...plan, eoqCosts: { orderingCostCents: 1, holdingCostRate: 0.2, unitCostCents: 0 } })],
  ["stock must be a finite number", () => daysOfCover([1], Number.NaN)],
  ["stock must be a finite number", () => projectedStockoutDay([1], Number.POSITIVE_INFINITY)],
  ["receipt day must be a non-negative finite number", () => projectedStockoutDay([1], 1, [{ day: -1, quantity: 1 }])],
  ["receipt quantity must be a non-negative finite number", () => projectedStockoutDay([1], 1, [{ day: 0, quantity: -1 }])],
  ["days must be a non-negative finite number", () => sumForecast([1], -1)],
  ["inventoryPosition must be a finite number", () => allocateBudget([{ ...line, inventoryPosition: Number.NaN }], 10)],
  ["protectionMean must be a non-negative finite number", () => allocateBudget([{ ...line, protectionMean: -1 }], 10)],
  ["suggestedQuantity must be a non-negative integer", () => allocateBudget([{ ...line, suggestedQuantity: 1.5 }], 10)],
  ["casePack must be a positive integer", () => allocateBudget([{ ...line, casePack: 0 }], 10)],
  ["moq must be a non-negative integer", () => allocateBudget([{ ...line, moq: -1 }], 10)],
  ["maxQuantity must be a positive integer", () => roundOrderQuantity(1, { maxQuantity: 0 })],
  ["onOrder must be a non-negative finite number", () => inventoryPosition({ onHand: 0, onOrder: -1, committed: 0 })],
  ["committed must be a non-negative finite number", () => inventoryPosition({ onHand: 0, onOrder: 0, committed: -1 })],
  ["statedCv must be a non-negative finite number", () => blendLeadTime({ statedDays: 5, observedDays: [], statedCv: -1 })],
  ["leadTimeMeanDays must be a non-negative finite number", () => leadTimeDemandMoments({ dailyMean: 1, dailySd: 1, leadTimeMeanDays: -1, leadTimeSdDays: 0 })],
  ["dailySd must be a non-negative finite number", () => leadTimeDemandMoments({ dailyMean: 1, dailySd: -1, leadTimeMeanDays: 1, leadTimeSdDays: 0 })],
  ["safetyFactor must be a finite number", () => expectedShortagePerCycle({ safetyFactor: Number.NaN, leadTimeDemandSd: 1 })],
  ["quantile must be a finite number", () => quantileWithLeadTimeVariability({ quantile: Number.NaN, sd: 1, dailyMean: 1, leadTimeSdDays: 1, serviceLevel: 0.9 })],
  ["sd must be a non-negative finite number", () => quantileWithLeadTimeVariability({ quantile: 1, sd: -1, dailyMean: 1, leadTimeSdDays: 1, serviceLevel: 0.9 })],
  ["orderingCostCents must be a non-negative finite number", () => economicOrderQuantity({ annualDemand: 1, orderingCostCents: -1, holdingCostRate: 0.2, unitCostCents: 1 })],
  ["leadTimeDays must be a non-negative finite number", () => averageSalesCoverPolicy({ leadTimeDays: -1, coverDays: 1 })],
  ["windowDays must be a positive integer", () => averageSalesCoverPolicy({ leadTimeDays: 1, coverDays: 1, windowDays: 0 })],
  ["minimumUnits must be a non-negative finite number", () => inStockVelocityCoverPolicy({ leadTimeDays: 1, coverDays: 1, minimumUnits: -1 })],
  ["startDay must be a non-negative integer", () => simulateInventory({ ...sim, startDay: -1 })],
  ["demand must be a non-negative finite number", () => simulateInventory({ ...sim, demand: [-1] })],
  ["days must be a non-negative integer", () => drawLeadTimes({ days: 1.5, meanDays: 1, sdDays: 0, seed: 1 })],
  ["sdDays must be a non-negative finite number", () => drawLeadTimes({ days: 1, meanDays: 1, sdDays: -1, seed: 1 })],
];

describe("replenishment preconditions", () => {
  it.each(cases)("throws RangeError %s", (message, call) => {
    expect(call).toThrow(new RangeError(message));
  });
});
