import type { AbcClass } from "~/lib/analytics";
import { decideOrder, forecastDemand, seriesServiceLevel, xyzOfHistory } from "~/lib/planning";
import { blendLeadTime, type ReplenishmentPolicy } from "~/lib/replenishment";
import { unitCostCents, type PolicyFamily } from "./run-policies";

/** Options of the Stockcast policy in the simulation. */
export interface StockcastPolicyOptions {
  /** Cycle service level P₁ of the series' ABC class, its X cell (the swept knob). */
  readonly serviceLevel: number;
  /** The series' ABC class: with its XYZ class at each review, it picks the cell's level as the planner does. */
  readonly abc: AbcClass;
  /** Settings → "Lower service levels for variable demand" (ADR 024). Default false, as a new shop. */
  readonly variabilitySteps?: boolean;
  /** Vendor's stated lead time, days (blended with receipts observed during the simulation). */
  readonly statedLeadTimeDays: number;
  readonly reviewPeriodDays: number;
  /** Settings → forecast horizon, days: it steers the forecaster's model selection. Default the shop's default, 90. */
  readonly forecastHorizonDays?: number;
  /** Shop-closed flags per series day (known from the shop calendar); only past entries are used. */
  readonly closed?: readonly boolean[];
}

/** A new shop's forecast horizon (prisma/schema.prisma, Shop.forecastHorizonDays). */
export const DEFAULT_FORECAST_HORIZON_DAYS = 90;

/** Settings → "Balance service levels by unit cost": the item's and the assortment's mean unit cost. */
export interface CostBalance {
  readonly unitCostCents: number;
  readonly referenceUnitCostCents: number;
}

/**
 * Stockcast's weekly policy: the planner's engine (forecastDemand then decideOrder, app/lib/planning, as plan-chunk.ts calls them) on the data known at
 * each review, refitted at every review:
 * 1. lead time = stated value blended with the receipts observed so far (blendLeadTime), as the planner
 *    blends a vendor's stated lead time with its receipts;
 * 2. sales with days that opened with no stock masked as unknown demand and shop-closed days as closed,
 *    forecast over the shop's horizon (the horizon steers model selection, so it must be the planner's);
 * 3. the service level of the series' ABC × XYZ cell, the XYZ class measured on the known history at each
 *    review (seriesServiceLevel, as plan-chunk.ts lineServiceLevel; cost-balanced when asked);
 * 4. the engine's quantiles of demand over L and L + R days at that level (widened for lead-time σ)
 *    and its order decision (order up to S when IP < S). Nothing of the maths lives here.
 */
export function stockcastPolicy(options: StockcastPolicyOptions & { readonly costBalance?: CostBalance }): ReplenishmentPolicy {
  const { costBalance } = options;
  return (ctx) => {
    const leadTime = blendLeadTime({ statedDays: options.statedLeadTimeDays, observedDays: ctx.observedLeadTimes });
    const closedMask = options.closed ? options.closed.slice(0, ctx.sales.length) : undefined;
    // As the planner does (plan-chunk.ts lineServiceLevel): the ABC × XYZ cell, balanced by cost when asked.
    const serviceLevel = seriesServiceLevel({
      classLevel: options.serviceLevel,
      abc: options.abc,
      xyz: xyzOfHistory(ctx.sales, ctx.openedEmpty, closedMask),
      variabilitySteps: options.variabilitySteps ?? false,
      unitCostCents: costBalance?.unitCostCents ?? 0,
      costReferenceCents: costBalance?.referenceUnitCostCents ?? null,
    });
    const demand = forecastDemand({
      history: ctx.sales,
      stockoutMask: ctx.openedEmpty,
      closedMask,
      horizonDays: options.forecastHorizonDays ?? DEFAULT_FORECAST_HORIZON_DAYS,
      leadTime,
      reviewPeriodDays: options.reviewPeriodDays,
      serviceLevels: [serviceLevel],
    });
    return decideOrder({
      dailyForecast: demand.adjusted.mean,
      leadTimeDemand: { mean: demand.leadTimeDemand.mean, quantile: demand.leadTimeDemand.quantiles[0] },
      protectionDemand: { mean: demand.protectionDemand.mean, quantile: demand.protectionDemand.quantiles[0] },
      leadTime,
      reviewPeriodDays: options.reviewPeriodDays,
      serviceLevel,
      stock: { onHand: ctx.onHand, onOrder: ctx.onOrder, committed: 0 },
    }).suggestedQuantity;
  };
}

/**
 * The Stockcast policy swept over class service levels (every class at the knob, each series at its ABC × XYZ
 * cell); `closedDates` holds shop-closed ISO dates, `abc` each series' ABC class (C when absent).
 */
export function stockcastFamily(
  serviceLevels: readonly number[],
  closedDates: ReadonlySet<string>,
  options: { readonly costReferenceCents?: number; readonly abc?: Readonly<Record<string, AbcClass>>; readonly variabilitySteps?: boolean } = {}
): PolicyFamily {
  const variants = [options.costReferenceCents ? "cost-balanced" : null, options.variabilitySteps ? "ABC × XYZ steps" : null].filter(Boolean);
  return {
    name: `Stockcast (LTD quantile${variants.map((v) => `, ${v}`).join("")})`,
    knobLabel: "service level",
    knobs: serviceLevels,
    make: (knob, { series, settings }) => {
      const t0 = Date.parse(`${series.start}T00:00:00Z`);
      const closed = series.qty.map((_, i) => closedDates.has(new Date(t0 + i * 86_400_000).toISOString().slice(0, 10)));
      return stockcastPolicy({
        serviceLevel: knob,
        abc: options.abc?.[series.id] ?? "C",
        variabilitySteps: options.variabilitySteps,
        statedLeadTimeDays: settings.leadTimeDays,
        reviewPeriodDays: settings.reviewPeriodDays,
        closed,
        costBalance: options.costReferenceCents
          ? { unitCostCents: unitCostCents(series.id, settings.seed), referenceUnitCostCents: options.costReferenceCents }
          : undefined,
      });
    },
  };
}
