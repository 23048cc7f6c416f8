import { forecastSeries, leadTimeDemand, type AnalogueCurves, type SeriesForecast } from "~/lib/forecasting";
import {
  cutToBudget,
  orderArithmetic,
  orderSentence,
  safetyStockNote,
  planLine,
  quantileWithLeadTimeVariability,
  type IntervalDemand,
  type OrderArithmetic,
  type PlanLine,
  type PlanLineInput,
} from "~/lib/replenishment";
import { applyHorizonOverrides, shiftTotal, type HorizonOverride, type OverriddenForecast } from "./overrides";

// The one engine: the nightly plan, incremental and threaded plans, the forecast CLI and the policy
// benchmark all turn a series and its stock into a forecast, quantiles and an order through its two steps,
// forecastDemand and decideOrder.

/** A lead time in days: mean and standard deviation (blendLeadTime's estimate, or an override with σ 0). */
export interface LeadTimeDays {
  readonly meanDays: number;
  readonly sdDays: number;
}

/** One series' demand history as the product forecasts it. */
interface HistoryInput {
  /** Units sold per period, oldest first; the last entry is the period before the as-of date. */
  readonly history: ArrayLike<number>;
  /** Truthy where the item was stocked out (demand unknown, not zero). */
  readonly stockoutMask?: ArrayLike<boolean | number>;
  /** Truthy where the shop was closed. */
  readonly closedMask?: ArrayLike<boolean | number>;
  /** The shop's analogue launch curves (analogueCurves): new items scale their early sales by them. */
  readonly analogues?: AnalogueCurves;
  /** Periods to forecast. */
  readonly horizon: number;
  /** 7 = daily (the planner), 52 or 1 = weekly (the CLI's weekly track). Default 7. */
  readonly period?: 1 | 7 | 52;
}

/** A demand total over an interval: mean, σ and its quantile at each service level asked for. */
export interface IntervalQuantiles {
  readonly periods: number;
  /** Expected total, units (after overrides). */
  readonly mean: number;
  /** σ of the forecaster's total over a fixed interval, units (before lead-time σ). */
  readonly sd: number;
  /** Quantile at serviceLevels[i], units, ≥ 0; widened for lead-time σ when it is > 0. */
  readonly quantiles: readonly number[];
}

/** Inputs of {@link forecastDemand}: one variant × location's history, lead time, review period and service levels. */
export interface DemandInput extends Omit<HistoryInput, "horizon"> {
  /** Days to forecast; raised to L + R so the protection interval is covered. Default L + R. */
  readonly horizonDays?: number;
  readonly leadTime: LeadTimeDays;
  /** Days between reviews (7 for weekly planning). */
  readonly reviewPeriodDays: number;
  /** Cycle service levels P₁ to give quantiles at, each in (0, 1). */
  readonly serviceLevels: readonly number[];
  /** Manual forecast overrides in horizon days (0 = the as-of date). */
  readonly overrides?: readonly HorizonOverride[];
}

/** The forecast-and-quantiles step's result. */
export interface DemandForecast {
  /** The statistical forecast (before overrides). */
  readonly forecast: SeriesForecast;
  /** Mean and bands after manual overrides (the statistical ones when there are none). */
  readonly adjusted: OverriddenForecast;
  /** L = max(1, ⌈mean lead time⌉), whole days. */
  readonly leadTimeDays: number;
  /** Demand over L days. */
  readonly leadTimeDemand: IntervalQuantiles;
  /** Demand over the protection interval L + R days. */
  readonly protectionDemand: IntervalQuantiles;
}

/**
 * Whole days of lead time the demand totals are taken over: L = max(1, ⌈mean⌉) (rounding up, so an
 * order placed now is covered until a late-in-the-day arrival). Days.
 * Reference: lead-time demand over a whole number of periods, Silver, Pyke & Thomas, 4th ed., ch. 6.
 * @throws RangeError "leadTime.meanDays must be a non-negative finite number"
 * @example leadTimePeriods(11.2) // 12
 */
export function leadTimePeriods(meanDays: number): number {
  if (!Number.isFinite(meanDays) || meanDays < 0) throw new RangeError("leadTime.meanDays must be a non-negative finite number");
  return Math.max(1, Math.ceil(meanDays));
}

/**
 * The product's forecast of one series: forecastSeries with stocked-out days as unknown demand and closed
 * days as closed, the default selection. Units per period.
 * Reference: method selection by rolling origin, Tashman (2000); ADRs 011 and 013.
 * @example forecastHistory({ history: [3, 0, 4, 2, 5, 1, 3, 4], horizon: 7 }).mean.length // 7
 */
function forecastHistory(input: HistoryInput): SeriesForecast {
  return forecastSeries(input.history, {
    horizon: input.horizon,
    period: input.period ?? 7,
    stockoutMask: input.stockoutMask,
    closedMask: input.closedMask,
    analogues: input.analogues,
  });
}

/**
 * Total demand over the first `periods` periods and its quantile at each service level p:
 * q = the forecaster's empirical quantile of the total (leadTimeDemand), shifted by the overrides' change
 * in expected units Δ = Σ (adjusted − base); when the lead time varies (σ_L > 0) it is widened to
 * q' = q + Φ⁻¹(p)·(√(σ² + d²σ_L²) − σ), d = mean ÷ periods. Never below 0 (demand is non-negative).
 * Units over the interval. O(window · periods) per call, as leadTimeDemand.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 (σ² = L·σ_d² + d²·σ_L²); ADR 013 (empirical totals);
 * ADR 021 (lead-time σ in the quantile).
 * @throws RangeError "lead time must be a positive integer", "serviceLevel must be between 0 and 1 exclusive"
 * @example intervalQuantiles(forecastHistory({ history: y, horizon: 28 }), 14, { serviceLevels: [0.9, 0.95], leadTimeSdDays: 2 })
 */
function intervalQuantiles(
  forecast: SeriesForecast,
  periods: number,
  options: { readonly serviceLevels: readonly number[]; readonly leadTimeSdDays: number; readonly adjustedMean?: readonly number[] },
): IntervalQuantiles {
  const { serviceLevels, leadTimeSdDays } = options;
  if (!Number.isFinite(leadTimeSdDays) || leadTimeSdDays < 0) throw new RangeError("leadTime.sdDays must be a non-negative finite number");
  for (const p of serviceLevels) if (!(p > 0 && p < 1)) throw new RangeError("serviceLevel must be between 0 and 1 exclusive");
  const fixed = leadTimeDemand(forecast, periods);
  const total = options.adjustedMean ? shiftTotal(fixed, forecast.mean, options.adjustedMean, periods) : fixed;
  const quantiles = serviceLevels.map((p) => {
    const q = total.quantile(p);
    if (leadTimeSdDays === 0) return q;
    const widened = quantileWithLeadTimeVariability({ quantile: q, sd: fixed.sd, dailyMean: total.mean / periods, leadTimeSdDays, serviceLevel: p });
    return Math.max(0, widened);
  });
  return { periods, mean: total.mean, sd: fixed.sd, quantiles };
}

/**
 * Step 1 of the engine: forecast one variant × location and give the demand over the lead time L and over
 * the protection interval L + R at each service level. L = max(1, ⌈mean lead time⌉); manual overrides
 * replace the mean on their days and shift both totals; lead-time σ widens the quantiles.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 ((R, S) system: S covers L + R); ADR 013; ADR 021.
 * @throws RangeError "reviewPeriodDays must be a non-negative integer", plus forecastSeries' and intervalQuantiles' errors
 * @example forecastDemand({ history: y, leadTime: { meanDays: 6.2, sdDays: 1 }, reviewPeriodDays: 7, serviceLevels: [0.95] }).leadTimeDays // 7
 */
export function forecastDemand(input: DemandInput): DemandForecast {
  const R = input.reviewPeriodDays;
  if (!Number.isInteger(R) || R < 0) throw new RangeError("reviewPeriodDays must be a non-negative integer");
  const L = leadTimePeriods(input.leadTime.meanDays);
  const forecast = forecastHistory({
    history: input.history,
    stockoutMask: input.stockoutMask,
    closedMask: input.closedMask,
    analogues: input.analogues,
    period: input.period,
    horizon: Math.max(input.horizonDays ?? 0, L + R),
  });
  const adjusted = applyHorizonOverrides(forecast, input.overrides ?? []);
  const options = { serviceLevels: input.serviceLevels, leadTimeSdDays: input.leadTime.sdDays, adjustedMean: adjusted.mean };
  const leadTimeDemand = intervalQuantiles(forecast, L, options);
  // R = 0 (the forecast CLI's horizon total): the protection interval is the lead time, computed once.
  const protectionDemand = R === 0 ? leadTimeDemand : intervalQuantiles(forecast, L + R, options);
  return { forecast, adjusted, leadTimeDays: L, leadTimeDemand, protectionDemand };
}

/** Inputs of {@link decideOrder}: planLine's, with both demand totals from step 1 required. */
export interface DecideInput extends Omit<PlanLineInput, "dailySd" | "leadTimeDemand" | "protectionDemand"> {
  readonly leadTimeDemand: IntervalDemand;
  readonly protectionDemand: IntervalDemand;
  /** Units already in draft or pending-approval POs for this variant × location (not yet ordered). Default 0. */
  readonly draftedUnits?: number;
  /** The merchant marked the variant do not reorder: the sums are kept, nothing is suggested. Default false. */
  readonly doNotReorder?: boolean;
  /** Units the plan's purchase budget allows this line (allocateBudget); below the suggestion it cuts it. Default: no cap. */
  readonly budgetQuantity?: number;
}

/** The order decision: the plan line, and the order rules' conflict when they contradict each other. */
export interface OrderDecision {
  readonly line: PlanLine;
  /** Units to order beyond what is already drafted: 0 when the order rules conflict. */
  readonly suggestedQuantity: number;
  /** The rule error (e.g. no whole case between MOQ and max) when the line was planned without the rules. */
  readonly ruleConflict: string | null;
  /** The decision in whole units that add up (lead-time demand + safety stock = reorder point, …). */
  readonly arithmetic: OrderArithmetic;
  /** One plain sentence on the order (orderSentence), why the safety stock is large when it is, then the line's outlook. */
  readonly reason: string;
}

/**
 * Step 2 of the engine: the order decision for one variant × location from step 1's totals at its
 * service level (planLine: order up to S when the inventory position is below it, rounded by MOQ, case
 * pack and maximum), net of the units already drafted (as if they were on order), cut last to what the plan's
 * purchase budget allows when it is given. Contradictory order rules do not throw: the line is planned without them and
 * nothing is suggested, so one bad variant cannot sink a plan. Units.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 ((R, S) system); Harris (1913) for EOQ.
 * @throws RangeError planLine's errors other than the order rules'
 * @example decideOrder({ dailyForecast: Array(15).fill(2), leadTimeDemand: { mean: 14, quantile: 20 }, protectionDemand: { mean: 28, quantile: 36 },
 *   leadTime: { meanDays: 7, sdDays: 0 }, reviewPeriodDays: 7, serviceLevel: 0.95, stock: { onHand: 10, onOrder: 0, committed: 0 } }).suggestedQuantity // 26
 */
export function decideOrder(input: DecideInput): OrderDecision {
  const drafted = input.draftedUnits ?? 0;
  if (!Number.isInteger(drafted) || drafted < 0) throw new RangeError("draftedUnits must be a non-negative integer");
  let line: PlanLine;
  let suggested: number;
  let ruleConflict: string | null = null;
  try {
    line = planLine(input);
    suggested = line.suggestedQuantity;
    // Drafted units will be on order once sent: the suggestion is what to order beyond them, rounded by the
    // same rules. Position, urgency and cover stay those of the real stock: nothing drafted is ordered yet.
    if (drafted > 0 && suggested > 0) suggested = planLine({ ...input, stock: { ...input.stock, onOrder: input.stock.onOrder + drafted } }).suggestedQuantity;
  } catch (error) {
    if (!(error instanceof RangeError) || !input.constraints) throw error;
    line = planLine({ ...input, constraints: undefined });
    suggested = 0;
    ruleConflict = error.message;
  }
  const stopped = ruleConflict !== null ? "rule-conflict" : input.doNotReorder ? "do-not-reorder" : null;
  let arithmetic = orderArithmetic({
    leadTimeDemandMean: line.leadTimeDemandMean,
    reorderPoint: line.reorderPoint,
    orderUpToLevel: line.orderUpToLevel,
    inventoryPosition: line.inventoryPosition,
    inDraft: drafted,
    economicOrderQuantity: line.economicOrderQuantity,
    constraints: ruleConflict === null ? input.constraints : undefined,
    stopped,
  });
  // The budget cut is the decision's last step, so the sentence and the sums say it (ADR 038).
  if (input.budgetQuantity !== undefined && !stopped && input.budgetQuantity < suggested) {
    arithmetic = cutToBudget(arithmetic, input.budgetQuantity);
    suggested = input.budgetQuantity;
  }
  const L = leadTimePeriods(input.leadTime.meanDays);
  const sentence = orderSentence({ arithmetic, dailyDemand: line.leadTimeDemandMean / L, leadTimeDays: input.leadTime.meanDays, serviceLevel: input.serviceLevel });
  const note = safetyStockNote(arithmetic, { leadTimeDays: input.leadTime.meanDays, leadTimeSdDays: input.leadTime.sdDays, serviceLevel: input.serviceLevel });
  return { line, suggestedQuantity: stopped ? 0 : suggested, ruleConflict, arithmetic, reason: [sentence, note, line.outlook].filter(Boolean).join(" ") };
}
