import type { OrderConstraints } from "./rounding";
import { requireFinite, requireNonNegative, requireNonNegativeInteger } from "./validate";

/** A rule that changed the order quantity, with the quantity after it. */
export interface OrderStep {
  readonly rule: "economic-order-quantity" | "moq" | "case-pack" | "max-quantity" | "budget";
  /** The rule's figure: the EOQ, the minimum, the units per case, the maximum, or the units the purchase budget allows. */
  readonly figure: number;
  /** Units after this step. */
  readonly quantity: number;
}

/**
 * One order decision as whole units that add up exactly, the way the screens and the CSV show it:
 * leadTimeDemand + safetyStock = reorderPoint; reorderPoint + reviewDemand = orderUpTo;
 * orderUpTo − position − inDraft = beforeRounding (when positive); then each step; the last is quantity.
 */
export interface OrderArithmetic {
  /** Expected demand over the lead time, rounded to the nearest unit. */
  readonly leadTimeDemand: number;
  /** reorderPoint − leadTimeDemand: the buffer for a lead time that sells more than expected. */
  readonly safetyStock: number;
  /** Lead-time demand quantile at the service level, rounded up. */
  readonly reorderPoint: number;
  /** orderUpTo − reorderPoint: what it takes to last until the next review's order arrives. */
  readonly reviewDemand: number;
  /** Order-up-to level S, rounded up (as the order itself is). */
  readonly orderUpTo: number;
  /** Inventory position: available + on order (− backorders). */
  readonly position: number;
  /** Units already in draft or pending purchase orders. */
  readonly inDraft: number;
  /** max(0, orderUpTo − position − inDraft). */
  readonly beforeRounding: number;
  readonly steps: readonly OrderStep[];
  /** Why nothing is ordered whatever the sums say (quantity is then 0), or null. */
  readonly stopped: OrderStop | null;
  /** The suggestion: 0 when stopped, else the last step's quantity, or beforeRounding when no rule changed it. */
  readonly quantity: number;
}

/** Why an order is not suggested: the variant is marked do not reorder, or its order rules contradict each other. */
export type OrderStop = "do-not-reorder" | "rule-conflict";

/** What {@link orderArithmetic} needs: the plan line's figures (units), the drafts and the order rules. */
export interface OrderArithmeticInput {
  readonly leadTimeDemandMean: number;
  readonly reorderPoint: number;
  readonly orderUpToLevel: number;
  /** Whole units in the product (the sums then hold exactly); a simulation's fractional stock still gives planLine's quantity. */
  readonly inventoryPosition: number;
  readonly inDraft: number;
  readonly economicOrderQuantity: number | null;
  readonly constraints?: OrderConstraints;
  /** Default null. */
  readonly stopped?: OrderStop | null;
}

// The rounding rule's tolerance (roundOrderQuantity): 12.000000001 is 12, not 13.
const up = (x: number) => Math.ceil(x - 1e-9);

/**
 * Whole-unit arithmetic of an (R, S) order decision that adds up exactly as shown. Reorder point and
 * order-up-to level are rounded up, as the order is (a fractional target needs the next whole unit);
 * lead-time demand to the nearest unit; safety stock and review demand are the differences, so every sum
 * holds in integers. The order is (S − IP − drafts) raised to the EOQ, then roundOrderQuantity's MOQ, case
 * pack and maximum steps; the result equals planLine's suggestion for the same inputs (tested). A stop
 * (do not reorder, contradictory rules) keeps the sums and suggests 0.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 (s = E[LTD] + SS; (R, S) order = S − IP); ch. 4 (MOQ
 * and pack rounding).
 * @throws RangeError "inDraft must be a non-negative integer", "inventoryPosition must be a finite number", plus the other finiteness checks
 * @example orderArithmetic({ leadTimeDemandMean: 29.6, reorderPoint: 115.2, orderUpToLevel: 137.4, inventoryPosition: 8,
 *   inDraft: 0, economicOrderQuantity: null, constraints: { casePack: 6 } })
 * // 30 + 86 = 116; 116 + 22 = 138; 138 − 8 = 130 → whole cases of 6 → 132
 */
export function orderArithmetic(input: OrderArithmeticInput): OrderArithmetic {
  requireNonNegative(input.leadTimeDemandMean, "leadTimeDemandMean");
  requireFinite(input.reorderPoint, "reorderPoint");
  requireFinite(input.orderUpToLevel, "orderUpToLevel");
  requireFinite(input.inventoryPosition, "inventoryPosition");
  requireNonNegativeInteger(input.inDraft, "inDraft");
  const leadTimeDemand = Math.round(input.leadTimeDemandMean);
  const reorderPoint = up(input.reorderPoint);
  const orderUpTo = up(input.orderUpToLevel);
  // = orderUpTo − position − drafts for a whole-unit position; rounded up like the order for a fractional one.
  const beforeRounding = Math.max(0, up(input.orderUpToLevel - input.inventoryPosition - input.inDraft));
  const steps: OrderStep[] = [];
  let q = beforeRounding;
  if (q > 0) {
    const { moq = 0, casePack = 1, maxQuantity } = input.constraints ?? {};
    const eoq = input.economicOrderQuantity;
    if (eoq !== null && up(eoq) > q) steps.push({ rule: "economic-order-quantity", figure: up(eoq), quantity: (q = up(eoq)) });
    if (q < moq) steps.push({ rule: "moq", figure: moq, quantity: (q = moq) });
    const cased = Math.ceil(q / casePack) * casePack;
    if (cased !== q) steps.push({ rule: "case-pack", figure: casePack, quantity: (q = cased) });
    if (maxQuantity !== undefined && q > maxQuantity) steps.push({ rule: "max-quantity", figure: maxQuantity, quantity: (q = Math.floor(maxQuantity / casePack) * casePack) });
  }
  return {
    leadTimeDemand,
    safetyStock: reorderPoint - leadTimeDemand,
    reorderPoint,
    reviewDemand: orderUpTo - reorderPoint,
    orderUpTo,
    position: input.inventoryPosition,
    inDraft: input.inDraft,
    beforeRounding,
    steps,
    stopped: input.stopped ?? null,
    quantity: input.stopped ? 0 : q,
  };
}

/**
 * The decision cut to fit the plan's purchase budget: a last step "budget" down to `quantity` (what
 * allocateBudget gave this line), which becomes the suggestion. The sums above it are unchanged: the cut
 * is a choice between lines, not a different need. A quantity not below the suggestion changes nothing.
 * Reference: ADR 022 (budget by expected shortage per cent); ADR 038 (the plan's budget cap).
 * @throws RangeError "quantity must be a non-negative integer"
 * @example cutToBudget(orderArithmetic({ ...as above }), 60).steps.at(-1) // { rule: "budget", figure: 60, quantity: 60 }
 */
export function cutToBudget(arithmetic: OrderArithmetic, quantity: number): OrderArithmetic {
  requireNonNegativeInteger(quantity, "quantity");
  if (arithmetic.stopped || quantity >= arithmetic.quantity) return arithmetic;
  return { ...arithmetic, steps: [...arithmetic.steps, { rule: "budget", figure: quantity, quantity }], quantity };
}
