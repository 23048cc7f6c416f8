import { describe, expect, it } from "vitest";
import { reorderPoint, reorderPointForCycleService } from "./reorder-point";

describe("reorderPoint", () => {
  it("adds safety stock to mean lead-time demand", () => {
    expect(reorderPoint({ leadTimeDemandMean: 400, safetyStock: 177 })).toBe(577);
  });
  it("computes the full P₁ reorder point (worked example)", () => {
    const r = reorderPointForCycleService(
      Object.freeze({ dailyMean: 100, dailySd: 20, leadTimeMeanDays: 4, leadTimeSdDays: 1, serviceLevel: 0.95 })
    );
    expect(r.leadTimeDemandMean).toBe(400);
    expect(r.leadTimeDemandSd).toBeCloseTo(107.703, 3);
    expect(r.safetyStock).toBeCloseTo(177.157, 2);
    expect(r.reorderPoint).toBeCloseTo(577.157, 2);
  });
  it("rejects bad inputs", () => {
    expect(() => reorderPoint({ leadTimeDemandMean: -1, safetyStock: 0 })).toThrow(
      new RangeError("leadTimeDemandMean must be a non-negative finite number")
    );
    expect(() => reorderPoint({ leadTimeDemandMean: 1, safetyStock: Number.POSITIVE_INFINITY })).toThrow(
      new RangeError("safetyStock must be a finite number")
    );
  });
});
