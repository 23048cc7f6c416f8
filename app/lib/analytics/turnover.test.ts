import { describe, expect, it } from "vitest";
import { averageInventoryValue, daysOfSupply, inventoryTurnover, turnoverDays } from "./turnover";

describe("turnover", () => {
  it("is COGS over average inventory (worked example: $12 000 / $2 000 = 6 turns, 60.8 days)", () => {
    expect(inventoryTurnover({ cogsCents: 1_200_000, averageInventoryCents: 200_000 })).toBe(6);
    expect(turnoverDays({ turns: 6, periodDays: 365 })).toBeCloseTo(60.83, 2);
    expect(inventoryTurnover({ cogsCents: 5, averageInventoryCents: 0 })).toBeNull();
    expect(turnoverDays({ turns: 0, periodDays: 365 })).toBeNull();
  });
  it("averages snapshots to whole cents", () => {
    expect(averageInventoryValue(Object.freeze([100_000, 300_000]))).toBe(200_000);
    expect(averageInventoryValue([1, 2])).toBe(2);
    expect(() => averageInventoryValue([])).toThrow(new RangeError("snapshotsCents must not be empty"));
  });
  it("gives days of supply", () => {
    expect(daysOfSupply({ onHand: 120, averageDailyDemand: 4 })).toBe(30);
    expect(daysOfSupply({ onHand: 120, averageDailyDemand: 0 })).toBeNull();
    expect(() => daysOfSupply({ onHand: -1, averageDailyDemand: 1 })).toThrow(new RangeError("onHand must be a non-negative finite number"));
  });
  it("rejects fractional money", () => {
    expect(() => inventoryTurnover({ cogsCents: 1.5, averageInventoryCents: 1 })).toThrow(new RangeError("cogsCents must be a non-negative integer"));
  });
});
