import { describe, expect, it } from "vitest";
import { daysOfCover, planLine, projectedStockoutDay, sumForecast, type PlanLineInput } from "./plan-line";

const flat = Object.freeze(new Array<number>(30).fill(10));
const base: PlanLineInput = Object.freeze({
  dailyForecast: flat,
  dailySd: 4,
  leadTime: Object.freeze({ meanDays: 5, sdDays: 0 }),
  reviewPeriodDays: 7,
  serviceLevel: 0.95,
  stock: Object.freeze({ onHand: 30, onOrder: 0, committed: 0 }),
  constraints: Object.freeze({ casePack: 12 }),
});

describe("sumForecast / daysOfCover / projectedStockoutDay", () => {
  it("sums with a pro-rata last day", () => {
    expect(sumForecast([1, 2, 3], 2.5)).toBe(4.5);
    expect(() => sumForecast([1, 2], 3)).toThrow(new RangeError("dailyForecast must cover the requested days"));
  });
  it("interpolates days of cover", () => {
    expect(daysOfCover([2, 2, 4, 4], 5)).toBe(2.25);
    expect(daysOfCover([2, 2], 8)).toBe(4); // extends the mean rate of 2/day beyond the horizon
    expect(daysOfCover([0, 0], 8)).toBeNull();
    expect(daysOfCover([1], -3)).toBe(0);
  });
  it("projects the first short day with scheduled receipts", () => {
    expect(projectedStockoutDay([3, 3, 3, 3], 7, [{ day: 2, quantity: 1 }])).toBe(2);
    expect(projectedStockoutDay([3, 3, 3, 3], 7, [{ day: 2, quantity: 10 }])).toBeNull();
    expect(projectedStockoutDay([3, 3], -1)).toBe(0);
  });
});

describe("planLine", () => {
  it("plans the worked example: S = 120 + 1.645·√(12·16), order 120 in cases of 12, critical", () => {
    const p = planLine(base);
    expect(p.inventoryPosition).toBe(30);
    expect(p.leadTimeDemandMean).toBe(50);
    expect(p.protectionDemandMean).toBe(120);
    expect(p.safetyStock).toBeCloseTo(1.644854 * Math.sqrt(5 * 16), 3); // 14.71 over the lead time
    expect(p.reorderPoint).toBeCloseTo(50 + 1.644854 * Math.sqrt(5 * 16), 3); // 64.71, lead time only
    expect(p.leadTimeDemandMean + p.safetyStock).toBe(p.reorderPoint);
    expect(p.orderUpToLevel).toBeCloseTo(142.79, 2);
    expect(p.rawQuantity).toBeCloseTo(112.79, 2);
    expect(p.suggestedQuantity).toBe(120);
    expect(p.daysOfCover).toBe(3);
    expect(p.projectedStockoutDay).toBe(3);
    expect(p.urgency).toBe("critical");
    expect(p.outlook).toBe(
      "30 available to sell; that covers about 3 days of expected sales. Stock runs out in 3 days, before an order placed now can arrive (5-day lead time)."
    );
  });
  it("walks the urgency ladder", () => {
    const at = (onHand: number, onOrder = 0) => planLine({ ...base, stock: { onHand, onOrder, committed: 0 } }).urgency;
    expect(at(30)).toBe("critical"); // out on day 3 < L = 5
    expect(at(80)).toBe("high"); // out on day 8 < L + R = 12
    expect(at(130)).toBe("medium"); // out on day 13, IP 130 < S 142.8
    expect(at(130, 50)).toBe("low"); // IP 180 ≥ S
  });
  it("uses the forecaster's interval quantiles when given", () => {
    const p = planLine({
      ...base,
      dailySd: undefined,
      leadTimeDemand: { mean: 50, quantile: 80 },
      protectionDemand: { mean: 120, quantile: 170 },
      constraints: {},
    });
    expect(p.safetyStock).toBe(30); // the lead-time quantile's margin: 50 + 30 = 80
    expect(p.reorderPoint).toBe(80);
    expect(p.orderUpToLevel).toBe(170);
    expect(p.suggestedQuantity).toBe(140);
  });
  it("adds lead-time variability and EOQ", () => {
    const p = planLine({
      ...base,
      leadTime: { meanDays: 5, sdDays: 2 },
      eoqCosts: { orderingCostCents: 5000, holdingCostRate: 0.25, unitCostCents: 200 },
      constraints: {},
    });
    // σ_{R+L} = √(12·16 + 10²·2²) = √592; EOQ = √(2·5000·3650/(0.25·200)) = 854.4
    expect(p.orderUpToLevel).toBeCloseTo(120 + 1.644854 * Math.sqrt(592), 2);
    expect(p.economicOrderQuantity).toBeCloseTo(854.4, 1);
    expect(p.suggestedQuantity).toBe(855);
  });
  it("suggests nothing when the position already covers the target", () => {
    const p = planLine({ ...base, stock: { onHand: 500, onOrder: 0, committed: 0 } });
    expect(p.suggestedQuantity).toBe(0);
    expect(p.urgency).toBe("low");
    expect(p.outlook.startsWith("500 available to sell; that covers about 50 days")).toBe(true);
  });
  it("rejects bad inputs", () => {
    expect(() => planLine({ ...base, dailyForecast: [1, 2, 3] })).toThrow(new RangeError("dailyForecast must cover lead time plus review period"));
    expect(() => planLine({ ...base, serviceLevel: 1 })).toThrow(new RangeError("serviceLevel must be between 0 and 1 exclusive"));
    expect(() => planLine({ ...base, dailySd: undefined })).toThrow(
      new RangeError("dailySd is required without leadTimeDemand and protectionDemand")
    );
  });
});
