import { describe, expect, it } from "vitest";
import { overlayAvailable } from "./stock-overlay";

const plan = Object.freeze({ available: 10, inventoryPosition: 15, avgDailyDemand: 2, daysOfCover: 5.5, projectedStockoutDate: "2026-01-07" });

describe("overlayAvailable", () => {
  it("moves position by the change and re-projects cover at the mean rate", () => {
    expect(overlayAvailable(plan, 4, "2026-01-02", true)).toEqual({ available: 4, inventoryPosition: 9, avgDailyDemand: 2, daysOfCover: 2, projectedStockoutDate: "2026-01-04" });
  });

  it("keeps the plan's projection when nothing changed, and projects no stockout without demand", () => {
    expect(overlayAvailable(plan, 10, "2026-01-05", true)).toBe(plan);
    expect(overlayAvailable({ ...plan, avgDailyDemand: 0 }, 3, "2026-01-02", true)).toMatchObject({ daysOfCover: null, projectedStockoutDate: null });
  });

  it("moves a continue-selling variant's position into backorders, and a DENY variant's only down to zero stock", () => {
    expect(overlayAvailable(plan, -5, "2026-01-02", true)).toMatchObject({ available: -5, inventoryPosition: 0, daysOfCover: 0 });
    expect(overlayAvailable(plan, -5, "2026-01-02", false)).toMatchObject({ available: -5, inventoryPosition: 5, daysOfCover: 0 });
    // A DENY variant planned at −2 (counted as 0) that now has 3: the position rises by 3, not 5.
    expect(overlayAvailable({ ...plan, available: -2, inventoryPosition: 5 }, 3, "2026-01-02", false).inventoryPosition).toBe(8);
  });
});
