import { describe, expect, it } from "vitest";
import { overlayAvailable } from "./stock-overlay";

const plan = Object.freeze({ available: 10, inventoryPosition: 15, avgDailyDemand: 2, daysOfCover: 5.5, projectedStockoutDate: "2026-01-07" });

describe("overlayAvailable", () => {
  it("moves position by the change and re-projects cover at the mean rate", () => {
    expect(overlayAvailable(plan, 4, "2026-01-02")).toEqual({ available: 4, inventoryPosition: 9, avgDailyDemand: 2, daysOfCover: 2, projectedStockoutDate: "2026-01-04" });
  });

  it("keeps the plan's projection when nothing changed, and projects no stockout without demand", () => {
    expect(overlayAvailable(plan, 10, "2026-01-05")).toBe(plan);
    expect(overlayAvailable({ ...plan, avgDailyDemand: 0 }, 3, "2026-01-02")).toMatchObject({ daysOfCover: null, projectedStockoutDate: null });
  });
});
