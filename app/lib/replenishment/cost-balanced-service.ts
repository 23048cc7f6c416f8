import { requireNonNegative, requirePositive, requireProbability } from "./validate";

/** Inputs of {@link costBalancedServiceLevel}. Costs in any one unit (cents here), compared as a ratio. */
export interface CostBalancedServiceInput {
  /** The class's cycle service level P₁ (what the merchant set), in (0, 1). */
  readonly serviceLevel: number;
  /** This item's unit cost v; 0 = unknown (the class level is kept). */
  readonly unitCost: number;
  /** Reference unit cost v̄ (the shop's mean over costed items): an item costing v̄ keeps the class level. */
  readonly referenceUnitCost: number;
}

/** Bounds of a balanced level: never below a coin flip, never above what Settings accepts. */
export const BALANCED_SERVICE_LEVEL_MIN = 0.5;
export const BALANCED_SERVICE_LEVEL_MAX = 0.9999;

/**
 * Cycle service level that spends safety stock where it buys the most units of availability per unit of
 * money: the stockout probability per cycle is scaled by the item's cost relative to the reference,
 * 1 − P₁ᵢ = (1 − P₁)·vᵢ/v̄, clamped to [0.5, 0.9999]. This is the Lagrangian rule for the least total
 * safety-stock investment subject to a total of expected units short, p(kᵢ) = vᵢ·Qᵢ/(λ·Dᵢ), with the
 * periodic-review cycle quantity Qᵢ = Dᵢ·R, so that p ∝ v. It maximises units filled, not revenue.
 * Reference: Silver, Pyke & Thomas, Inventory and Production Management in Supply Chains, 4th ed., §7.6
 * (safety stock allocation across items: cost per unit short, equal for every item).
 * @throws RangeError "serviceLevel must be between 0 and 1 exclusive", "unitCost must be a non-negative finite number", "referenceUnitCost must be a positive finite number"
 * @example costBalancedServiceLevel({ serviceLevel: 0.95, unitCost: 200, referenceUnitCost: 500 })
 * // 1 − 0.05·200/500 = 1 − 0.02 = 0.98
 */
export function costBalancedServiceLevel(input: CostBalancedServiceInput): number {
  requireProbability(input.serviceLevel, "serviceLevel");
  requireNonNegative(input.unitCost, "unitCost");
  requirePositive(input.referenceUnitCost, "referenceUnitCost");
  if (input.unitCost === 0) return input.serviceLevel;
  const balanced = 1 - (1 - input.serviceLevel) * (input.unitCost / input.referenceUnitCost);
  return Math.min(BALANCED_SERVICE_LEVEL_MAX, Math.max(BALANCED_SERVICE_LEVEL_MIN, balanced));
}
