import { leadTimeDemandMoments, safetyStockForCycleService, type DemandAndLeadTime } from "./safety-stock";
import { requireNonNegative } from "./validate";

/** Result of {@link orderUpToLevel}, all in units. */
export interface OrderUpToResult {
  /** Mean demand over the protection interval R + L. */
  readonly protectionMean: number;
  /** σ of demand over the protection interval R + L. */
  readonly protectionSd: number;
  readonly safetyStock: number;
  /** Order-up-to level S. */
  readonly level: number;
}

/**
 * Order-up-to level of a periodic-review (R, S) system: every R days order S − inventory position, where
 * S = d·(R + L) + Φ⁻¹(P₁)·√((R + L)·σ_d² + d²·σ_L²), in units. The protection interval is review period
 * plus lead time because an order placed now must last until the next order (placed R days later) arrives.
 * Reference: Silver, Pyke & Thomas, Inventory and Production Management in Supply Chains, 4th ed., ch. 6 ((R, S) system).
 * @throws RangeError "reviewPeriodDays must be a non-negative finite number", plus those of the safety-stock functions
 * @example orderUpToLevel({ dailyMean: 10, dailySd: 4, leadTimeMeanDays: 5, leadTimeSdDays: 0, reviewPeriodDays: 7, serviceLevel: 0.95 })
 * // mean 120, σ = √(12·16) = 13.86, SS = 1.645·13.86 = 22.79, S = 142.79
 */
export function orderUpToLevel(
  input: DemandAndLeadTime & { readonly reviewPeriodDays: number; readonly serviceLevel: number }
): OrderUpToResult {
  requireNonNegative(input.reviewPeriodDays, "reviewPeriodDays");
  // Review period is deterministic; only the lead-time part of the interval carries σ_L.
  const m = leadTimeDemandMoments({ ...input, leadTimeMeanDays: input.leadTimeMeanDays + input.reviewPeriodDays });
  const safetyStock = safetyStockForCycleService({ serviceLevel: input.serviceLevel, leadTimeDemandSd: m.sd });
  return { protectionMean: m.mean, protectionSd: m.sd, safetyStock, level: m.mean + safetyStock };
}
