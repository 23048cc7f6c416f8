import type { OrderArithmetic, OrderStep } from "./order-arithmetic";
import { requireNonNegative, requireProbability } from "./validate";

/** What the sentence says besides the arithmetic: the sales rate, the delivery time and the service level. */
export interface OrderSentenceInput {
  readonly arithmetic: OrderArithmetic;
  /** Expected sales per day, units. */
  readonly dailyDemand: number;
  /** Mean lead time, days. */
  readonly leadTimeDays: number;
  /** Cycle service level P₁. */
  readonly serviceLevel: number;
}

const one = (x: number) => (x >= 10 || Math.abs(x - Math.round(x)) < 0.05 ? String(Math.round(x)) : x.toFixed(1));

/**
 * The sales rate in words at a scale a merchant reads without decimals: per day from 1 a day, else per
 * week, else per month (30 days).
 * @example salesRate(1.04) // "about 1 a day"; salesRate(0.3) // "about 2.1 a week"; salesRate(0.02) // "about 0.6 a month"
 */
export function salesRate(dailyDemand: number): string {
  requireNonNegative(dailyDemand, "dailyDemand");
  if (dailyDemand === 0) return "no sales expected";
  if (dailyDemand >= 0.95) return `about ${one(dailyDemand)} a day`;
  if (dailyDemand * 7 >= 0.95) return `about ${one(dailyDemand * 7)} a week`;
  return `about ${one(dailyDemand * 30)} a month`;
}

const STEP_WORDS: Record<OrderStep["rule"], (s: OrderStep) => string> = {
  "economic-order-quantity": (s) => `raised to ${s.quantity}, the economical batch`,
  moq: (s) => `the vendor minimum is ${s.figure} → ${s.quantity}`,
  "case-pack": (s) => `a case of ${s.figure} → ${s.quantity}`,
  "max-quantity": (s) => `capped at the maximum of ${s.figure} → ${s.quantity}`,
  budget: (s) => `cut to fit the budget → ${s.quantity}`,
};

/**
 * One plain sentence for an order decision, its numbers those of the arithmetic (so the sentence and the
 * sums beneath it agree): "Sells about 1 a day; a delivery takes 18 days; to stay in stock 95% of the time
 * keep 38 available or on order; you have 12, so order 30 (a case of 6 → 30)." Service level with two
 * decimals at most (99.99% must not read as 100%).
 * Reference: the (R, S) decision of Silver, Pyke & Thomas, 4th ed., ch. 6, in words.
 * @throws RangeError "serviceLevel must be between 0 and 1 exclusive", "dailyDemand must be a non-negative finite number", "leadTimeDays must be a non-negative finite number"
 * @example orderSentence({ arithmetic: a, dailyDemand: 1, leadTimeDays: 18, serviceLevel: 0.95 })
 * // "Sells about 1 a day; a delivery takes 18 days; to stay in stock 95% of the time keep 38 available or on order; you have 12, so order 26 (a case of 6 → 30)."
 */
export function orderSentence(input: OrderSentenceInput): string {
  const { arithmetic: a, serviceLevel } = input;
  requireProbability(serviceLevel, "serviceLevel");
  requireNonNegative(input.leadTimeDays, "leadTimeDays");
  const pct = `${Number((serviceLevel * 100).toFixed(2))}%`;
  const days = one(input.leadTimeDays);
  const have = a.inDraft > 0 ? `you have ${a.position} and ${a.inDraft} more in draft purchase orders` : `you have ${a.position}`;
  let decision: string;
  if (a.stopped === "do-not-reorder") decision = "but it is marked do not reorder, so order nothing";
  else if (a.stopped === "rule-conflict") decision = "but its order rules contradict each other, so order nothing until they are fixed";
  else if (a.beforeRounding === 0) decision = a.inDraft > 0 ? "so order nothing more: send the drafts" : "so order nothing";
  else {
    const steps = a.steps.map((s) => STEP_WORDS[s.rule](s));
    decision = `so order ${a.beforeRounding}${steps.length ? ` (${steps.join("; ")})` : ""}`;
  }
  return `Sells ${salesRate(input.dailyDemand)}; a delivery takes ${days} ${days === "1" ? "day" : "days"}; to stay in stock ${pct} of the time keep ${a.orderUpTo} available or on order; ${have}, ${decision}.`;
}

/**
 * Why the safety stock is large, when it is at least the expected lead-time demand (null otherwise): the
 * quantile comes from how far this item's own lead-time totals strayed from the forecast in the past
 * (ADR 013), widened when deliveries vary (ADR 021). Ratio to one decimal.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 (safety stock grows with the forecast error over the lead time and the service level).
 * @example safetyStockNote(a, { leadTimeDays: 18, leadTimeSdDays: 3, serviceLevel: 0.95 }) // a: lead-time demand 30 + safety stock 86
 * // "Safety stock is 2.9× the expected demand: over 18 days this item's sales have strayed that far from the forecast before, deliveries vary by about 3 days, and staying in stock 95% of the time covers nearly all of that."
 */
export function safetyStockNote(a: OrderArithmetic, context: { readonly leadTimeDays: number; readonly leadTimeSdDays: number; readonly serviceLevel: number }): string | null {
  requireProbability(context.serviceLevel, "serviceLevel");
  if (a.safetyStock <= 0 || a.safetyStock < a.leadTimeDemand) return null;
  const ratio = a.leadTimeDemand > 0 ? `${(a.safetyStock / a.leadTimeDemand).toFixed(1)}× the expected demand` : "all buffer: no demand is expected on average";
  const pct = `${Number((context.serviceLevel * 100).toFixed(2))}%`;
  const delivery = context.leadTimeSdDays >= 0.5 ? `, deliveries vary by about ${one(context.leadTimeSdDays)} days` : "";
  return `Safety stock is ${ratio}: over ${one(context.leadTimeDays)} days this item's sales have strayed that far from the forecast before${delivery}, and staying in stock ${pct} of the time covers nearly all of that.`;
}
