import { fmt, variantLocationAlert, type AlertCandidate } from "./rules";

/** What the stocked-out rule reads about one variant × location (units; units/day). */
export interface StockedOutFacts {
  readonly variantId: string;
  readonly locationId: string;
  readonly label: string;
  /** Available units now (Shopify's "available"; may be negative when oversold). */
  readonly available: number;
  /** Forecast mean daily demand (units/day) of the latest plan. */
  readonly avgDailyDemand: number;
  readonly doNotReorder: boolean;
}

/**
 * stocked_out_now (critical): nothing is available (available ≤ 0) while the forecast still expects demand
 * (mean daily demand > 0), so every order from now on is a lost or back-ordered sale. Items the merchant
 * stopped reordering raise nothing, nor do lines in `options.skip` (entity ids "variantId|locationId" that already
 * have their "order now" alert, which says "out of stock now": one alert per line). Reference: Silver, Pyke & Thomas, 4th ed., ch. 7 (cost of shortage —
 * a stockout with positive demand is the event the service level bounds).
 * @example evaluateStockedOutRules([{ variantId: "v", locationId: "l", label: "Tent", available: 0, avgDailyDemand: 2.5, doNotReorder: false }])
 * // [{ type: "stocked_out_now", message: "Tent: out of stock (0 available) while about 2.5 units a day are expected to sell." }]
 */
export function evaluateStockedOutRules(lines: readonly StockedOutFacts[], options: { skip?: ReadonlySet<string> } = {}): AlertCandidate[] {
  const out: AlertCandidate[] = [];
  for (const l of lines) {
    if (l.doNotReorder || l.available > 0 || !(l.avgDailyDemand > 0)) continue;
    if (options.skip?.has(`${l.variantId}|${l.locationId}`)) continue;
    out.push({
      ...variantLocationAlert("stocked_out_now", l.variantId, l.locationId),
      severity: "critical",
      data: { available: l.available, avgDailyDemand: l.avgDailyDemand },
      message: `${l.label}: out of stock (${fmt(l.available)} available) while about ${fmt(l.avgDailyDemand)} unit${l.avgDailyDemand === 1 ? "" : "s"} a day ${l.avgDailyDemand === 1 ? "is" : "are"} expected to sell.`,
    });
  }
  return out;
}
