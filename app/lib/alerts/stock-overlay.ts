/** A plan line's stock facts, as stored by the latest plan run. */
export interface PlannedStock {
  readonly available: number;
  readonly inventoryPosition: number;
  /** Forecast mean daily demand, units/day. */
  readonly avgDailyDemand: number;
  readonly daysOfCover: number | null;
  readonly projectedStockoutDate: string | null;
}

import { availableInPosition } from "~/lib/replenishment";
import { addDays } from "~/lib/time";

/**
 * Brings a plan line up to date with the available quantity a webhook just reported, without re-planning:
 * the difference Δ = available now − available at plan time moves the inventory position by Δ (for a variant
 * that stops selling at zero, DENY, only the non-negative part of available counts: availableInPosition,
 * docs/on-order.md "Position"), and when
 * Δ ≠ 0 the cover is re-projected at the plan's constant mean rate: days of cover = max(0, available) ÷ rate,
 * projected stockout = asOfDate + ⌊days of cover⌋ (no stockout date without demand). With Δ = 0 the plan's own
 * (pattern-aware) projection is kept. This is the level-crossing approximation of Silver, Pyke & Thomas,
 * 4th ed., §6.3 (continuous review with a constant demand rate); the nightly plan replaces it.
 * @example overlayAvailable({ available: 10, inventoryPosition: 10, avgDailyDemand: 2, daysOfCover: 5, projectedStockoutDate: "2026-01-06" }, 4, "2026-01-01", true)
 * // { available: 4, inventoryPosition: 4, daysOfCover: 2, projectedStockoutDate: "2026-01-03", avgDailyDemand: 2 }
 */
export function overlayAvailable<T extends PlannedStock>(line: T, availableNow: number, asOfDate: string, continueSelling: boolean): T {
  if (availableNow === line.available) return line;
  const delta = availableInPosition(availableNow, continueSelling) - availableInPosition(line.available, continueSelling);
  const rate = line.avgDailyDemand;
  const cover = rate > 0 ? Math.max(0, availableNow) / rate : null;
  return {
    ...line,
    available: availableNow,
    inventoryPosition: line.inventoryPosition + delta,
    daysOfCover: cover,
    projectedStockoutDate: cover === null ? null : addDays(asOfDate, Math.floor(cover)),
  };
}
