// The plan line the alert rule tests start from: healthy (position 20 above a reorder point of 10, 20 days of
// cover against a 7-day lead time, nothing to order). Each test overrides what it is about.
import type { AlertStockLine } from "~/lib/alerts/rule";

export const stockLine = (over: Partial<AlertStockLine> = {}): AlertStockLine =>
  Object.freeze({
    variantId: "v1",
    locationId: "l1",
    label: "Tent",
    available: 20,
    onOrder: 0,
    inventoryPosition: 20,
    reorderPoint: 10,
    leadTimeDays: 7,
    daysOfCover: 20,
    projectedStockoutDate: "2026-01-21",
    doNotReorder: false,
    suggestedQty: 0,
    draftedUnits: 0,
    avgDailyDemand: 1,
    ...over,
  });
