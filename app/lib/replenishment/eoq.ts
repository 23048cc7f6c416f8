import { requireNonNegative, requirePositive } from "./validate";

/** Inputs of the economic order quantity. Money in integer minor units (cents). */
export interface EoqInput {
  /** Annual demand D, units/year. */
  readonly annualDemand: number;
  /** Fixed cost per order A, cents/order. */
  readonly orderingCostCents: number;
  /** Holding-cost rate r, fraction of unit value per year (0.25 = 25%/year). */
  readonly holdingCostRate: number;
  /** Unit cost v, cents/unit. */
  readonly unitCostCents: number;
}

/**
 * Economic order quantity Q* = √(2·A·D/(r·v)), in units. Cents cancel inside the root (A and v both in
 * cents), so the result is currency-free.
 * Reference: Harris (1913), "How many parts to make at once"; Silver, Pyke & Thomas, 4th ed., ch. 4.
 * @throws RangeError "annualDemand must be a non-negative finite number", "orderingCostCents must be a non-negative finite number", "holdingCostRate must be a positive finite number", "unitCostCents must be a positive finite number"
 * @example economicOrderQuantity({ annualDemand: 1000, orderingCostCents: 1000, holdingCostRate: 0.2, unitCostCents: 500 })
 * // √(2·1000·1000/(0.2·500)) = √20000 = 141.42
 */
export function economicOrderQuantity(input: EoqInput): number {
  validate(input);
  return Math.sqrt((2 * input.orderingCostCents * input.annualDemand) / (input.holdingCostRate * input.unitCostCents));
}

/**
 * Annual relevant cost of ordering Q units at a time: TRC(Q) = A·D/Q + Q·r·v/2, in cents/year (not
 * rounded: a rate, not a stored amount). At Q = Q* both terms are equal and TRC = √(2·A·D·r·v).
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 4 (total relevant cost of the EOQ model).
 * @throws RangeError "orderQuantity must be a positive finite number"
 * @example annualOrderingAndHoldingCost({ annualDemand: 1000, orderingCostCents: 1000, holdingCostRate: 0.2, unitCostCents: 500 }, 141.42) // ≈ 14142
 */
export function annualOrderingAndHoldingCost(input: EoqInput, orderQuantity: number): number {
  validate(input);
  requirePositive(orderQuantity, "orderQuantity");
  return (input.orderingCostCents * input.annualDemand) / orderQuantity + (orderQuantity * input.holdingCostRate * input.unitCostCents) / 2;
}

function validate(input: EoqInput): void {
  requireNonNegative(input.annualDemand, "annualDemand");
  requireNonNegative(input.orderingCostCents, "orderingCostCents");
  requirePositive(input.holdingCostRate, "holdingCostRate");
  requirePositive(input.unitCostCents, "unitCostCents");
}
