import { describe, expect, it } from "vitest";
import { cutToBudget, orderArithmetic } from "./order-arithmetic";
import { orderSentence, safetyStockNote, salesRate } from "./order-sentence";

const arithmetic = orderArithmetic({
  leadTimeDemandMean: 18, reorderPoint: 27.3, orderUpToLevel: 37.6, inventoryPosition: 12, inDraft: 0, economicOrderQuantity: null, constraints: { casePack: 6 },
});

describe("salesRate", () => {
  it("reads per day, per week or per month", () => {
    expect(salesRate(1.04)).toBe("about 1 a day");
    expect(salesRate(2.46)).toBe("about 2.5 a day");
    expect(salesRate(0.3)).toBe("about 2.1 a week");
    expect(salesRate(0.02)).toBe("about 0.6 a month");
    expect(salesRate(0)).toBe("no sales expected");
    expect(() => salesRate(-1)).toThrow(new RangeError("dailyDemand must be a non-negative finite number"));
  });
});

describe("orderSentence", () => {
  it("says the issue's example with the arithmetic's numbers", () => {
    expect(orderSentence({ arithmetic, dailyDemand: 1, leadTimeDays: 18, serviceLevel: 0.95 })).toBe(
      "Sells about 1 a day; a delivery takes 18 days; to stay in stock 95% of the time keep 38 available or on order; you have 12, so order 26 (a case of 6 → 30).",
    );
  });
  it("names the service level with up to two decimals (99.99% is not 100%)", () => {
    expect(orderSentence({ arithmetic, dailyDemand: 1, leadTimeDays: 1, serviceLevel: 0.9999 })).toContain("a delivery takes 1 day; to stay in stock 99.99% of the time");
    expect(orderSentence({ arithmetic, dailyDemand: 1, leadTimeDays: 4.25, serviceLevel: 0.975 })).toContain("takes 4.3 days; to stay in stock 97.5% of the time");
  });
  it("words the minimum, the economical batch and the maximum", () => {
    const base = { leadTimeDemandMean: 10, reorderPoint: 14, orderUpToLevel: 30, inventoryPosition: 5, inDraft: 0 };
    const a = orderArithmetic({ ...base, economicOrderQuantity: 40, constraints: { moq: 45, maxQuantity: 60 } });
    expect(orderSentence({ arithmetic: a, dailyDemand: 1, leadTimeDays: 10, serviceLevel: 0.9 })).toContain(
      "so order 25 (raised to 40, the economical batch; the vendor minimum is 45 → 45).",
    );
    const capped = orderArithmetic({ ...base, economicOrderQuantity: 80, constraints: { maxQuantity: 60 } });
    expect(orderSentence({ arithmetic: capped, dailyDemand: 1, leadTimeDays: 10, serviceLevel: 0.9 })).toContain("(raised to 80, the economical batch; capped at the maximum of 60 → 60)");
    expect(orderSentence({ arithmetic: cutToBudget(arithmetic, 12), dailyDemand: 1, leadTimeDays: 18, serviceLevel: 0.95 })).toContain(
      "you have 12, so order 26 (a case of 6 → 30; cut to fit the budget → 12).",
    );
    expect(() => orderSentence({ arithmetic: a, dailyDemand: 1, leadTimeDays: 10, serviceLevel: 1 })).toThrow(new RangeError("serviceLevel must be between 0 and 1 exclusive"));
  });
});

describe("safetyStockNote", () => {
  it("explains a safety stock at least the expected demand, and says nothing otherwise", () => {
    const big = orderArithmetic({ leadTimeDemandMean: 29.6, reorderPoint: 115.2, orderUpToLevel: 137.4, inventoryPosition: 8, inDraft: 0, economicOrderQuantity: null });
    expect(safetyStockNote(big, { leadTimeDays: 18, leadTimeSdDays: 3, serviceLevel: 0.95 })).toBe(
      "Safety stock is 2.9× the expected demand: over 18 days this item's sales have strayed that far from the forecast before, deliveries vary by about 3 days, and staying in stock 95% of the time covers nearly all of that.",
    );
    expect(safetyStockNote(big, { leadTimeDays: 18, leadTimeSdDays: 0, serviceLevel: 0.95 })).not.toContain("deliveries");
    expect(safetyStockNote(arithmetic, { leadTimeDays: 18, leadTimeSdDays: 0, serviceLevel: 0.95 })).toBeNull(); // 18 + 10 = 28
    expect(() => safetyStockNote(big, { leadTimeDays: 18, leadTimeSdDays: 0, serviceLevel: 0 })).toThrow(new RangeError("serviceLevel must be between 0 and 1 exclusive"));
  });
});
