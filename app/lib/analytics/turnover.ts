import { requireCents, requireNonNegative } from "./validate";

/**
 * Inventory turnover = cost of goods sold over a period ÷ average inventory value over the same period
 * (turns per period, dimensionless). Both in integer cents. Null when the average inventory is zero.
 * Reference: Silver, Pyke & Thomas, Inventory and Production Management in Supply Chains, 4th ed., ch. 2 (turnover ratio).
 * @throws RangeError "cogsCents must be a non-negative integer", "averageInventoryCents must be a non-negative finite number"
 * @example inventoryTurnover({ cogsCents: 1_200_000, averageInventoryCents: 200_000 }) // 6 turns
 */
export function inventoryTurnover(input: { readonly cogsCents: number; readonly averageInventoryCents: number }): number | null {
  requireCents(input.cogsCents, "cogsCents");
  requireNonNegative(input.averageInventoryCents, "averageInventoryCents");
  return input.averageInventoryCents === 0 ? null : input.cogsCents / input.averageInventoryCents;
}

/**
 * Average inventory value from periodic snapshots (e.g. end-of-day units × unit cost), in cents, rounded
 * to the nearest cent: (Σ snapshots)/n.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 2 (average inventory from periodic counts).
 * @throws RangeError "snapshotsCents must not be empty"
 * @example averageInventoryValue([100_000, 300_000]) // 200_000
 */
export function averageInventoryValue(snapshotsCents: readonly number[]): number {
  if (snapshotsCents.length === 0) throw new RangeError("snapshotsCents must not be empty");
  for (const s of snapshotsCents) requireCents(s, "snapshotsCents");
  return Math.round(snapshotsCents.reduce((s, x) => s + x, 0) / snapshotsCents.length);
}

/**
 * Days of supply = units on hand ÷ average daily demand (days). Null when average demand is zero.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 2 (days of supply / time supply).
 * @throws RangeError "onHand must be a non-negative finite number", "averageDailyDemand must be a non-negative finite number"
 * @example daysOfSupply({ onHand: 120, averageDailyDemand: 4 }) // 30
 */
export function daysOfSupply(input: { readonly onHand: number; readonly averageDailyDemand: number }): number | null {
  requireNonNegative(input.onHand, "onHand");
  requireNonNegative(input.averageDailyDemand, "averageDailyDemand");
  return input.averageDailyDemand === 0 ? null : input.onHand / input.averageDailyDemand;
}

/**
 * Days to turn the inventory once = period length (days) ÷ turns in that period. Null for zero turns.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 2.
 * @example turnoverDays({ turns: 6, periodDays: 365 }) // 60.83
 */
export function turnoverDays(input: { readonly turns: number; readonly periodDays: number }): number | null {
  requireNonNegative(input.turns, "turns");
  requireNonNegative(input.periodDays, "periodDays");
  return input.turns === 0 ? null : input.periodDays / input.turns;
}
