import { leadTimeDemandMoments, safetyStockForCycleService, type DemandAndLeadTime } from "./safety-stock";
import { requireFinite, requireNonNegative } from "./validate";

/**
 * Reorder point s = E[lead-time demand] + safety stock, in units: order when inventory position ≤ s.
 * Reference: Silver, Pyke & Thomas, Inventory and Production Management in Supply Chains, 4th ed., ch. 6 ((s, Q) system).
 * @throws RangeError "leadTimeDemandMean must be a non-negative finite number", "safetyStock must be a finite number"
 * @example reorderPoint({ leadTimeDemandMean: 400, safetyStock: 177 }) // 577
 */
export function reorderPoint(input: { readonly leadTimeDemandMean: number; readonly safetyStock: number }): number {
  requireNonNegative(input.leadTimeDemandMean, "leadTimeDemandMean");
  requireFinite(input.safetyStock, "safetyStock");
  return input.leadTimeDemandMean + input.safetyStock;
}

/** Result of {@link reorderPointForCycleService}, all in units. */
export interface ReorderPointResult {
  readonly leadTimeDemandMean: number;
  readonly leadTimeDemandSd: number;
  readonly safetyStock: number;
  readonly reorderPoint: number;
}

/**
 * Reorder point for a cycle service level with random demand and lead time:
 * s = d·L + Φ⁻¹(P₁)·√(L·σ_d² + d²·σ_L²), in units (d in units/day, L in days).
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 (P₁ criterion with lead-time variability).
 * @example reorderPointForCycleService({ dailyMean: 100, dailySd: 20, leadTimeMeanDays: 4, leadTimeSdDays: 1, serviceLevel: 0.95 })
 * // { leadTimeDemandMean: 400, leadTimeDemandSd: 107.70, safetyStock: 177.15, reorderPoint: 577.15 }
 */
export function reorderPointForCycleService(input: DemandAndLeadTime & { readonly serviceLevel: number }): ReorderPointResult {
  const m = leadTimeDemandMoments(input);
  const safetyStock = safetyStockForCycleService({ serviceLevel: input.serviceLevel, leadTimeDemandSd: m.sd });
  return { leadTimeDemandMean: m.mean, leadTimeDemandSd: m.sd, safetyStock, reorderPoint: m.mean + safetyStock };
}
