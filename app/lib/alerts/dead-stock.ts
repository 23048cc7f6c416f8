import { assessStockHealth } from "~/lib/analytics";
import { variantLocationAlert, type AlertCandidate } from "./rules";

/** What the dead-stock rule reads about one variant × location. */
export interface DeadStockFacts {
  readonly variantId: string;
  readonly locationId: string;
  readonly label: string;
  readonly onHand: number;
  /** Unit cost, integer cents. */
  readonly unitCostCents: number;
  /** Days since the last sale at this location; null if it never sold (then age of the item is used). */
  readonly daysSinceLastSale: number | null;
  /** Days since the item was first seen; bounds "never sold" so a new item is not dead on day one. */
  readonly daysSinceCreated: number;
}

const money = (cents: number, currency: string) => `${currency} ${(cents / 100).toFixed(2)}`;

/**
 * dead_stock (warning): stock on hand that has not sold for at least `deadStockDays` days (an item that never
 * sold counts from when it was first seen) and whose value at cost is at least `minValueCents`. The message
 * carries the markdown suggestion of {@link assessStockHealth} (30%, 50% after twice the threshold; ADR 024).
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 2 (disposal of excess and obsolete stock).
 * @throws RangeError "deadStockDays must be a positive integer", "minValueCents must be a non-negative integer"
 * @example evaluateDeadStockRules([{ variantId: "v", locationId: "l", label: "Tent", onHand: 40, unitCostCents: 1000, daysSinceLastSale: 120, daysSinceCreated: 400 }], { deadStockDays: 90, minValueCents: 10000, currency: "USD" })
 * // [{ type: "dead_stock", message: "Tent: 40 units (USD 400.00 at cost) have not sold for 120 days. Mark down 30% or return to the vendor." }]
 */
export function evaluateDeadStockRules(
  lines: readonly DeadStockFacts[],
  options: { readonly deadStockDays: number; readonly minValueCents: number; readonly currency: string },
): AlertCandidate[] {
  if (!Number.isInteger(options.deadStockDays) || options.deadStockDays <= 0) throw new RangeError("deadStockDays must be a positive integer");
  if (!Number.isInteger(options.minValueCents) || options.minValueCents < 0) throw new RangeError("minValueCents must be a non-negative integer");
  const out: AlertCandidate[] = [];
  for (const l of lines) {
    if (l.onHand <= 0) continue;
    const idle = l.daysSinceLastSale ?? l.daysSinceCreated;
    const health = assessStockHealth({
      onHand: l.onHand,
      unitCostCents: l.unitCostCents,
      averageDailyDemand: 0,
      daysSinceLastSale: Math.max(0, idle),
      deadAfterDays: options.deadStockDays,
    });
    if (health.status !== "dead" || health.excessValueCents < options.minValueCents) continue;
    const since = l.daysSinceLastSale === null ? `have never sold in ${idle} days` : `have not sold for ${idle} days`;
    out.push({
      ...variantLocationAlert("dead_stock", l.variantId, l.locationId),
      severity: "warning",
      data: { onHand: l.onHand, valueCents: health.excessValueCents, daysIdle: idle, markdownPercent: health.markdownPercent },
      message: `${l.label}: ${l.onHand} unit${l.onHand === 1 ? "" : "s"} (${money(health.excessValueCents, options.currency)} at cost) ${since}. Mark down ${health.markdownPercent}% or return to the vendor.`,
    });
  }
  return out;
}
