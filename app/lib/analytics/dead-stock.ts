import { requireCents, requireNonNegative } from "./validate";

/** Health of one item's stock. */
export type StockHealth = "dead" | "overstock" | "healthy" | "empty";

/** Inputs of {@link assessStockHealth}; units and days. */
export interface StockHealthInput {
  readonly onHand: number;
  /** Unit cost, integer cents. */
  readonly unitCostCents: number;
  /** Average daily demand over the recent window (units/day). */
  readonly averageDailyDemand: number;
  /** Days since the last sale; null if it never sold. */
  readonly daysSinceLastSale: number | null;
  /** Days without a sale after which stock is dead. Default 90. */
  readonly deadAfterDays?: number;
  /** Days of supply above which stock is overstock. Default 180. */
  readonly overstockDays?: number;
  /** Days of supply worth keeping; the rest is excess. Default 60. */
  readonly targetCoverDays?: number;
}

/** Verdict with the money tied up and a markdown suggestion. */
export interface StockHealthResult {
  readonly status: StockHealth;
  /** Units above the target cover (all units when dead). */
  readonly excessUnits: number;
  /** Excess units × unit cost, integer cents. */
  readonly excessValueCents: number;
  /** Suggested price reduction, percent (0, 10, 20, 30 or 50). */
  readonly markdownPercent: number;
  readonly suggestion: string;
}

/**
 * Flags dead stock (on hand, no sale for ≥ deadAfterDays) and overstock (days of supply = on hand ÷
 * daily demand above overstockDays), values the excess over targetCoverDays of supply at cost (cents), and
 * suggests a markdown by a fixed ladder: overstock 10% (20% beyond twice the threshold); dead 30% (50% after
 * twice deadAfterDays). The ladder is a documented heuristic (ADR 024), not an optimisation.
 * Reference: Silver, Pyke & Thomas, Inventory and Production Management in Supply Chains, 4th ed., ch. 2 and
 * their treatment of disposing of excess stock; thresholds per ADR 024.
 * @throws RangeError "onHand must be a non-negative finite number", "unitCostCents must be a non-negative integer"
 * @example assessStockHealth({ onHand: 400, unitCostCents: 250, averageDailyDemand: 1, daysSinceLastSale: 3 })
 * // overstock: 400 days of supply, excess 340 units = 85 000 cents, markdown 20%
 */
export function assessStockHealth(input: StockHealthInput): StockHealthResult {
  const deadAfter = input.deadAfterDays ?? 90;
  const overstockDays = input.overstockDays ?? 180;
  const target = input.targetCoverDays ?? 60;
  requireNonNegative(input.onHand, "onHand");
  requireCents(input.unitCostCents, "unitCostCents");
  requireNonNegative(input.averageDailyDemand, "averageDailyDemand");
  if (input.daysSinceLastSale !== null) requireNonNegative(input.daysSinceLastSale, "daysSinceLastSale");
  requireNonNegative(deadAfter, "deadAfterDays");
  requireNonNegative(overstockDays, "overstockDays");
  requireNonNegative(target, "targetCoverDays");

  const value = (units: number) => Math.round(units * input.unitCostCents);
  if (input.onHand === 0) return { status: "empty", excessUnits: 0, excessValueCents: 0, markdownPercent: 0, suggestion: "No stock on hand." };
  const idle = input.daysSinceLastSale ?? Number.POSITIVE_INFINITY;
  if (idle >= deadAfter) {
    const markdownPercent = idle >= 2 * deadAfter ? 50 : 30;
    const since = input.daysSinceLastSale === null ? "has never sold" : `has not sold for ${input.daysSinceLastSale} days`;
    return {
      status: "dead",
      excessUnits: input.onHand,
      excessValueCents: value(input.onHand),
      markdownPercent,
      suggestion: `Dead stock: ${input.onHand} units ${since}. Mark down ${markdownPercent}% or return to the vendor.`,
    };
  }
  const supply = input.averageDailyDemand === 0 ? Number.POSITIVE_INFINITY : input.onHand / input.averageDailyDemand;
  const excess = Math.max(0, input.onHand - input.averageDailyDemand * target);
  if (supply > overstockDays) {
    const markdownPercent = supply > 2 * overstockDays ? 20 : 10;
    const days = Number.isFinite(supply) ? `${Math.round(supply)} days` : "more than a year";
    return {
      status: "overstock",
      excessUnits: excess,
      excessValueCents: value(excess),
      markdownPercent,
      suggestion: `Overstock: ${input.onHand} units last ${days} at the current rate; ${Math.round(excess)} units above ${target} days of supply. Mark down ${markdownPercent}%.`,
    };
  }
  return { status: "healthy", excessUnits: excess, excessValueCents: value(excess), markdownPercent: 0, suggestion: "Stock level is healthy." };
}
