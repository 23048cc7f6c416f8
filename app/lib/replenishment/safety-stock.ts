import { normalLoss, normalQuantile } from "./normal";
import { requireNonNegative, requirePositive, requireProbability, requireFinite } from "./validate";

/** Mean and standard deviation of demand over a lead time, in units. */
export interface LeadTimeDemandMoments {
  readonly mean: number;
  readonly sd: number;
}

/** Per-day demand moments and lead-time moments (days). */
export interface DemandAndLeadTime {
  /** Mean demand per day, units/day. */
  readonly dailyMean: number;
  /** Standard deviation of one day's demand, units. */
  readonly dailySd: number;
  /** Mean lead time, days. */
  readonly leadTimeMeanDays: number;
  /** Standard deviation of the lead time, days (0 if the lead time is fixed). */
  readonly leadTimeSdDays: number;
}

/**
 * Moments of lead-time demand when both daily demand and the lead time are random and independent:
 * mean = d·L and σ_LTD = √(L·σ_d² + d²·σ_L²). Units: d, σ_d in units/day; L, σ_L in days; result in units.
 * Assumes independent days, so prefer {@link safetyStockFromQuantile} when the forecaster supplies a
 * lead-time-demand quantile from the distribution of the sum (which captures autocorrelation).
 * Reference: Silver, Pyke & Thomas, Inventory and Production Management in Supply Chains, 4th ed., ch. 6
 * (random lead time, eq. for σ_L²-inclusive lead-time demand variance).
 * @example leadTimeDemandMoments({ dailyMean: 100, dailySd: 20, leadTimeMeanDays: 4, leadTimeSdDays: 1 })
 * // { mean: 400, sd: √(4·400 + 100²·1) = 107.70… }
 */
export function leadTimeDemandMoments(input: DemandAndLeadTime): LeadTimeDemandMoments {
  const { dailyMean, dailySd, leadTimeMeanDays, leadTimeSdDays } = input;
  requireNonNegative(dailyMean, "dailyMean");
  requireNonNegative(dailySd, "dailySd");
  requireNonNegative(leadTimeMeanDays, "leadTimeMeanDays");
  requireNonNegative(leadTimeSdDays, "leadTimeSdDays");
  return {
    mean: dailyMean * leadTimeMeanDays,
    sd: Math.sqrt(leadTimeMeanDays * dailySd * dailySd + dailyMean * dailyMean * leadTimeSdDays * leadTimeSdDays),
  };
}

/**
 * Safety factor k for a cycle service level P₁ (probability of no stockout per replenishment cycle):
 * k = Φ⁻¹(P₁). Dimensionless.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 (cycle service level P₁ criterion).
 * @throws RangeError "serviceLevel must be between 0 and 1 exclusive"
 * @example safetyFactorForCycleService(0.95) // 1.6449
 */
export function safetyFactorForCycleService(serviceLevel: number): number {
  requireProbability(serviceLevel, "serviceLevel");
  return normalQuantile(serviceLevel);
}

/**
 * Safety stock for a cycle service level from normal lead-time demand: SS = Φ⁻¹(P₁)·σ_LTD, in units.
 * Negative for service levels below 50% (a deliberate under-stock), never clamped.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 (SS = k·σ_L, P₁ criterion).
 * @throws RangeError "serviceLevel must be between 0 and 1 exclusive", "leadTimeDemandSd must be a non-negative finite number"
 * @example safetyStockForCycleService({ serviceLevel: 0.95, leadTimeDemandSd: 107.7 }) // 177.15…
 */
export function safetyStockForCycleService(input: { readonly serviceLevel: number; readonly leadTimeDemandSd: number }): number {
  requireNonNegative(input.leadTimeDemandSd, "leadTimeDemandSd");
  return safetyFactorForCycleService(input.serviceLevel) * input.leadTimeDemandSd;
}

/**
 * Safety stock when the forecaster supplies the lead-time-demand quantile at the target cycle service
 * level directly: SS = q_p(LTD) − E[LTD], in units. Use this for skewed or autocorrelated demand,
 * where q_p comes from the distribution of the L-day sum, not from μ + kσ.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 (reorder point as the P₁ fractile of lead-time demand).
 * @throws RangeError "leadTimeDemandMean must be a non-negative finite number", "leadTimeDemandQuantile must be a finite number"
 * @example safetyStockFromQuantile({ leadTimeDemandMean: 400, leadTimeDemandQuantile: 560 }) // 160
 */
export function safetyStockFromQuantile(input: { readonly leadTimeDemandMean: number; readonly leadTimeDemandQuantile: number }): number {
  requireNonNegative(input.leadTimeDemandMean, "leadTimeDemandMean");
  requireFinite(input.leadTimeDemandQuantile, "leadTimeDemandQuantile");
  return input.leadTimeDemandQuantile - input.leadTimeDemandMean;
}

/**
 * Safety factor k for a fill-rate target β (fraction of demand met from shelf), solving
 * G(k) = Q·(1 − β)/σ_LTD by bisection, where G is the standard normal loss function, Q the order
 * quantity (units) and σ_LTD the lead-time-demand σ (units). Complexity O(log(1/tol)).
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 (P₂ fill-rate criterion, G_u(k) = Q(1 − P₂)/σ_L).
 * @throws RangeError "fillRate must be between 0 and 1 exclusive", "orderQuantity must be a positive finite number", "leadTimeDemandSd must be a positive finite number"
 * @example safetyFactorForFillRate({ fillRate: 0.95, orderQuantity: 100, leadTimeDemandSd: 50 })
 * // G(k) = 100·0.05/50 = 0.1 → k ≈ 0.9023
 */
export function safetyFactorForFillRate(input: {
  readonly fillRate: number;
  readonly orderQuantity: number;
  readonly leadTimeDemandSd: number;
}): number {
  const { fillRate, orderQuantity, leadTimeDemandSd } = input;
  requireProbability(fillRate, "fillRate");
  requirePositive(orderQuantity, "orderQuantity");
  requirePositive(leadTimeDemandSd, "leadTimeDemandSd");
  const target = (orderQuantity * (1 - fillRate)) / leadTimeDemandSd;
  // G is strictly decreasing from +∞ (k → −∞) to 0 (k → +∞); bracket then bisect.
  let lo = -10;
  let hi = 10;
  while (normalLoss(lo) < target) lo *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-10; i++) {
    const mid = (lo + hi) / 2;
    if (normalLoss(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Safety stock for a fill-rate target β: SS = k·σ_LTD with k from {@link safetyFactorForFillRate}, in units.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 (P₂ criterion).
 * @example safetyStockForFillRate({ fillRate: 0.95, orderQuantity: 100, leadTimeDemandSd: 50 }) // ≈ 45.12
 */
export function safetyStockForFillRate(input: {
  readonly fillRate: number;
  readonly orderQuantity: number;
  readonly leadTimeDemandSd: number;
}): number {
  return safetyFactorForFillRate(input) * input.leadTimeDemandSd;
}

/**
 * Expected units short per replenishment cycle for a normal lead-time demand and safety factor k:
 * ESC = σ_LTD·G(k), in units.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 (expected shortage per replenishment cycle).
 * @example expectedShortagePerCycle({ safetyFactor: 1, leadTimeDemandSd: 100 }) // 8.33
 */
export function expectedShortagePerCycle(input: { readonly safetyFactor: number; readonly leadTimeDemandSd: number }): number {
  requireFinite(input.safetyFactor, "safetyFactor");
  requireNonNegative(input.leadTimeDemandSd, "leadTimeDemandSd");
  return input.leadTimeDemandSd * normalLoss(input.safetyFactor);
}

/**
 * Widens a lead-time-demand quantile computed for a fixed lead time so it also covers lead-time
 * variability: q' = q + Φ⁻¹(p)·(√(σ² + d²·σ_L²) − σ), where q and σ are the quantile at level p and the
 * σ of demand summed over the mean lead time (units), d the mean daily demand (units/day) and σ_L the
 * lead-time σ (days). For normal demand this equals μ + Φ⁻¹(p)·√(σ² + d²σ_L²) exactly; for a skewed
 * forecast distribution it keeps the forecaster's tail shape and adds the normal-equivalent widening.
 * Reference: Silver, Pyke & Thomas, Inventory and Production Management in Supply Chains, 4th ed., ch. 6 (σ² = L·σ_d² + d²·σ_L²); ADR 021.
 * @throws RangeError "serviceLevel must be between 0 and 1 exclusive", "quantile must be a finite number"
 * @example quantileWithLeadTimeVariability({ quantile: 120, sd: 12, dailyMean: 5, leadTimeSdDays: 3.2, serviceLevel: 0.95 })
 * // √(144 + 256) = 20 → 120 + 1.645·8 = 133.16
 */
export function quantileWithLeadTimeVariability(input: {
  readonly quantile: number;
  readonly sd: number;
  readonly dailyMean: number;
  readonly leadTimeSdDays: number;
  readonly serviceLevel: number;
}): number {
  requireFinite(input.quantile, "quantile");
  requireNonNegative(input.sd, "sd");
  requireNonNegative(input.dailyMean, "dailyMean");
  requireNonNegative(input.leadTimeSdDays, "leadTimeSdDays");
  const k = safetyFactorForCycleService(input.serviceLevel);
  const widened = Math.sqrt(input.sd ** 2 + (input.dailyMean * input.leadTimeSdDays) ** 2);
  return input.quantile + k * (widened - input.sd);
}
