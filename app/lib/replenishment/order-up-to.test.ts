import { describe, expect, it } from "vitest";
import { orderUpToLevel } from "./order-up-to";

describe("orderUpToLevel", () => {
  it("protects over review period plus lead time (worked example)", () => {
    const r = orderUpToLevel(
      Object.freeze({ dailyMean: 10, dailySd: 4, leadTimeMeanDays: 5, leadTimeSdDays: 0, reviewPeriodDays: 7, serviceLevel: 0.95 })
    );
    expect(r.protectionMean).toBe(120);
    expect(r.protectionSd).toBeCloseTo(Math.sqrt(12 * 16), 10); // 13.856
    expect(r.safetyStock).toBeCloseTo(1.644854 * 13.8564, 3);
    expect(r.level).toBeCloseTo(142.792, 2);
  });
  it("includes lead-time variability", () => {
    const r = orderUpToLevel({ dailyMean: 10, dailySd: 0, leadTimeMeanDays: 5, leadTimeSdDays: 2, reviewPeriodDays: 7, serviceLevel: 0.95 });
    expect(r.protectionSd).toBeCloseTo(20, 10);
  });
  it("rejects a negative review period", () => {
    expect(() =>
      orderUpToLevel({ dailyMean: 1, dailySd: 1, leadTimeMeanDays: 1, leadTimeSdDays: 0, reviewPeriodDays: -1, serviceLevel: 0.9 })
    ).toThrow(new RangeError("reviewPeriodDays must be a non-negative finite number"));
  });
});
