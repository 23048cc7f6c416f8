import { forecastSeries, leadTimeDemand } from "~/lib/forecasting";
import {
  blendLeadTime,
  costBalancedServiceLevel,
  normalQuantile,
  planLine,
  quantileWithLeadTimeVariability,
  type IntervalDemand,
  type ReplenishmentPolicy,
} from "~/lib/replenishment";
import { unitCostCents, type PolicyFamily } from "./run-policies";

/** Options of the Stockcast policy in the simulation. */
export interface StockcastPolicyOptions {
  /** Cycle service level P₁ (the swept knob). */
  readonly serviceLevel: number;
  /** Vendor's stated lead time, days (blended with receipts observed during the simulation). */
  readonly statedLeadTimeDays: number;
  readonly reviewPeriodDays: number;
  /** Shop-closed flags per series day (known from the shop calendar); only past entries are used. */
  readonly closed?: readonly boolean[];
  /**
   * Where the service-level quantile of lead-time demand comes from: the forecaster's empirical
   * `quantile(p)` (default), or `mean + Φ⁻¹(p)·sd` with the forecaster's σ of the lead-time total.
   */
  readonly quantileSource?: "forecaster" | "normal-sd";
}

/** Settings → "Balance service levels by unit cost": the item's and the assortment's mean unit cost. */
export interface CostBalance {
  readonly unitCostCents: number;
  readonly referenceUnitCostCents: number;
}

/**
 * Stockcast's weekly policy, as the nightly planner would run it on the data known at each review:
 * 1. lead time = stated value blended with the receipts observed so far (blendLeadTime);
 * 2. forecastSeries on recorded sales, with days that opened with no stock masked as unknown demand and
 *    shop-closed days masked as closed; refitted at every review (no fit reuse);
 * 3. leadTimeDemand gives the distribution of the total over L and over L + R days; its quantile at the
 *    service level, widened for lead-time σ (quantileWithLeadTimeVariability), sets reorder point and
 *    order-up-to level;
 * 4. planLine turns that into the suggested quantity (order up to S when IP < S).
 */
export function stockcastPolicy(options: StockcastPolicyOptions & { readonly costBalance?: CostBalance }): ReplenishmentPolicy {
  const { reviewPeriodDays: R, costBalance } = options;
  // As the planner does (plan-chunk.ts lineServiceLevel) when the shop balances service levels by cost.
  const p = costBalance
    ? costBalancedServiceLevel({ serviceLevel: options.serviceLevel, unitCost: costBalance.unitCostCents, referenceUnitCost: costBalance.referenceUnitCostCents })
    : options.serviceLevel;
  const normalSd = options.quantileSource === "normal-sd";
  return (ctx) => {
    const lt = blendLeadTime({ statedDays: options.statedLeadTimeDays, observedDays: ctx.observedLeadTimes });
    const L = Math.max(1, Math.round(lt.meanDays));
    const forecast = forecastSeries(ctx.sales, {
      horizon: L + R + 1,
      period: 7,
      stockoutMask: ctx.openedEmpty,
      closedMask: options.closed ? options.closed.slice(0, ctx.sales.length) : undefined,
    });
    const interval = (periods: number): IntervalDemand => {
      const d = leadTimeDemand(forecast, periods);
      const quantile = quantileWithLeadTimeVariability({
        quantile: normalSd ? d.mean + normalQuantile(p) * d.sd : d.quantile(p),
        sd: d.sd,
        dailyMean: d.mean / periods,
        leadTimeSdDays: lt.sdDays,
        serviceLevel: p,
      });
      return { mean: d.mean, quantile };
    };
    const line = planLine({
      dailyForecast: forecast.mean,
      leadTimeDemand: interval(L),
      protectionDemand: interval(L + R),
      leadTime: { meanDays: L, sdDays: lt.sdDays },
      reviewPeriodDays: R,
      serviceLevel: p,
      stock: { onHand: ctx.onHand, onOrder: ctx.onOrder, committed: 0 },
    });
    return line.suggestedQuantity;
  };
}

/** The Stockcast policy swept over cycle service levels; `closedDates` holds shop-closed ISO dates. */
export function stockcastFamily(
  serviceLevels: readonly number[],
  closedDates: ReadonlySet<string>,
  options: { readonly quantileSource?: "forecaster" | "normal-sd"; readonly costReferenceCents?: number } = {}
): PolicyFamily {
  const base = options.quantileSource === "normal-sd" ? "Stockcast (LTD σ, normal)" : "Stockcast (LTD quantile)";
  return {
    name: options.costReferenceCents ? `${base.slice(0, -1)}, cost-balanced)` : base,
    knobLabel: "service level",
    knobs: serviceLevels,
    make: (knob, { series, settings }) => {
      const t0 = Date.parse(`${series.start}T00:00:00Z`);
      const closed = series.qty.map((_, i) => closedDates.has(new Date(t0 + i * 86_400_000).toISOString().slice(0, 10)));
      return stockcastPolicy({
        serviceLevel: knob,
        statedLeadTimeDays: settings.leadTimeDays,
        reviewPeriodDays: settings.reviewPeriodDays,
        closed,
        quantileSource: options.quantileSource,
        costBalance: options.costReferenceCents
          ? { unitCostCents: unitCostCents(series.id, settings.seed), referenceUnitCostCents: options.costReferenceCents }
          : undefined,
      });
    },
  };
}
