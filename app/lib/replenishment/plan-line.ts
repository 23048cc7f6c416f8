import { economicOrderQuantity } from "./eoq";
import { inventoryPosition, netStock, type StockFigures } from "./inventory-position";
import { roundOrderQuantity, type OrderConstraints, type RoundingStep } from "./rounding";
import { safetyFactorForCycleService } from "./safety-stock";
import { requireNonNegative, requirePositive, requireProbability, requireFinite } from "./validate";

/** Demand over an interval as the forecaster describes it: mean and the quantile at the service level, units. */
export interface IntervalDemand {
  readonly mean: number;
  /** Quantile of the interval's total demand at the line's cycle service level. */
  readonly quantile: number;
}

/** A receipt already on order, arriving `day` days from today. */
export interface ScheduledReceipt {
  readonly day: number;
  readonly quantity: number;
}

/** Inputs for one variant at one location. Days are calendar days; quantities are units. */
export interface PlanLineInput {
  /** Forecast mean demand per day; index 0 is today. Must cover lead time + review period. */
  readonly dailyForecast: readonly number[];
  /** σ of one day's demand (units) — used when the interval quantiles below are not supplied. */
  readonly dailySd?: number;
  /** Lead-time demand from the forecaster (distribution of the L-day sum); preferred over dailySd. */
  readonly leadTimeDemand?: IntervalDemand;
  /** Demand over review period + lead time from the forecaster; preferred over dailySd. */
  readonly protectionDemand?: IntervalDemand;
  /** Blended lead time (see blendLeadTime), days. */
  readonly leadTime: { readonly meanDays: number; readonly sdDays: number };
  /** Days between reviews (7 for weekly planning). */
  readonly reviewPeriodDays: number;
  /** Cycle service level P₁ (probability of no stockout per cycle). */
  readonly serviceLevel: number;
  readonly stock: StockFigures;
  /** Open purchase orders with expected arrival, for the stockout projection. Default none. */
  readonly scheduledReceipts?: readonly ScheduledReceipt[];
  readonly constraints?: OrderConstraints;
  /** When given, orders are at least the EOQ (cost data: cents and yearly rate). */
  readonly eoqCosts?: { readonly orderingCostCents: number; readonly holdingCostRate: number; readonly unitCostCents: number };
}

/** Urgency ladder, see {@link planLine}. */
export type Urgency = "critical" | "high" | "medium" | "low";

/** One replenishment line. Units unless stated; days are offsets from today. */
export interface PlanLine {
  readonly inventoryPosition: number;
  readonly netStock: number;
  /** Expected demand over the lead time. */
  readonly leadTimeDemandMean: number;
  /** Expected demand over review period + lead time (the protection interval). */
  readonly protectionDemandMean: number;
  /** Safety stock over the lead time: reorderPoint − leadTimeDemandMean, so the two add up to the reorder point. */
  readonly safetyStock: number;
  /** Lead-time quantile at the service level (E[LTD] + SS): the continuous-review trigger, shown for reference. */
  readonly reorderPoint: number;
  readonly orderUpToLevel: number;
  /** EOQ in units, when cost data were given. */
  readonly economicOrderQuantity: number | null;
  /** Requirement before rounding: max(S − IP, EOQ) when IP < S, else 0. */
  readonly rawQuantity: number;
  readonly suggestedQuantity: number;
  readonly roundingApplied: readonly RoundingStep[];
  /** Days the net stock lasts at the forecast rate (fractional); null when no demand is expected. */
  readonly daysOfCover: number | null;
  /** First day offset on which expected demand exceeds stock (with scheduled receipts); null if none within the forecast. */
  readonly projectedStockoutDay: number | null;
  readonly urgency: Urgency;
  /** Plain words on the stock: what it covers and when it runs out (the order itself: orderSentence). */
  readonly outlook: string;
}

/**
 * Sum of a daily forecast over the first `days` days; a fractional last day counts pro rata. Units.
 * Reference: lead-time demand as the sum of per-period forecasts, Silver, Pyke & Thomas, 4th ed., ch. 6.
 * @throws RangeError "dailyForecast must cover the requested days"
 * @example sumForecast([1, 2, 3], 2.5) // 1 + 2 + 0.5·3 = 4.5
 */
export function sumForecast(dailyForecast: readonly number[], days: number): number {
  requireNonNegative(days, "days");
  if (Math.ceil(days) > dailyForecast.length) throw new RangeError("dailyForecast must cover the requested days");
  let total = 0;
  const whole = Math.floor(days);
  for (let i = 0; i < whole; i++) total += dailyForecast[i];
  if (days > whole) total += (days - whole) * dailyForecast[whole];
  return total;
}

/**
 * Days the given stock lasts when demand follows the daily forecast, interpolating within the last day
 * (days, fractional). Beyond the forecast horizon the horizon's mean daily rate is extended. Null when the
 * forecast expects no demand at all; 0 when stock ≤ 0.
 * Reference: days of supply, Silver, Pyke & Thomas, 4th ed., ch. 2 (aggregate inventory measures).
 * @example daysOfCover([2, 2, 4, 4], 5) // 2 days use 4, then 1 of the 4 on day 3 → 2.25
 */
export function daysOfCover(dailyForecast: readonly number[], stock: number): number | null {
  requireFinite(stock, "stock");
  const total = dailyForecast.reduce((s, x) => s + x, 0);
  if (total <= 0) return null;
  if (stock <= 0) return 0;
  let left = stock;
  for (let i = 0; i < dailyForecast.length; i++) {
    const f = dailyForecast[i];
    if (f >= left && f > 0) return i + left / f;
    left -= f;
  }
  return dailyForecast.length + left / (total / dailyForecast.length);
}

/**
 * First day offset d (0 = today) on which cumulative expected demand through day d exceeds the net stock
 * plus receipts scheduled on or before day d; null if that never happens within the forecast horizon.
 * Days, integer.
 * Reference: projected available balance, Silver, Pyke & Thomas, 4th ed., ch. 15 (MRP netting logic).
 * @example projectedStockoutDay([3, 3, 3, 3], 7, [{ day: 2, quantity: 1 }]) // day 0: 4 left, 1: 1, 2: −1 → 2
 */
export function projectedStockoutDay(
  dailyForecast: readonly number[],
  stock: number,
  receipts: readonly ScheduledReceipt[] = []
): number | null {
  requireFinite(stock, "stock");
  for (const r of receipts) {
    requireNonNegative(r.day, "receipt day");
    requireNonNegative(r.quantity, "receipt quantity");
  }
  let balance = stock;
  for (let d = 0; d < dailyForecast.length; d++) {
    for (const r of receipts) if (Math.floor(r.day) === d) balance += r.quantity;
    balance -= dailyForecast[d];
    if (balance < -1e-9) return d;
  }
  return null;
}

const fmt = (x: number): string => (Math.abs(x - Math.round(x)) < 0.05 ? String(Math.round(x)) : x.toFixed(1));

/**
 * Plans one variant × location under periodic review: reorder point s = E[LTD] + SS (lead time only),
 * order-up-to level S = quantile of demand over review period + lead time; if inventory position
 * IP < S, the raw requirement is max(S − IP, EOQ) (EOQ only with cost data), rounded by MOQ / case pack /
 * maximum. Quantiles come from the forecaster's interval distributions when supplied, otherwise from
 * normal moments with σ² = T·σ_d² + d̄²·σ_L² over the interval T.
 *
 * Urgency ladder (days from today; L = mean lead time, R = review period):
 * - critical: stock (with scheduled receipts) runs out before day L — even an order placed now arrives late;
 * - high: runs out before day L + R — the order must go out at this review;
 * - medium: no stockout within L + R, but IP is below S, so an order is suggested;
 * - low: IP ≥ S and no stockout within L + R; nothing to do.
 *
 * Reference: Silver, Pyke & Thomas, Inventory and Production Management in Supply Chains, 4th ed., ch. 6 ((R, S) and (s, Q) systems); Harris (1913) for EOQ.
 * @throws RangeError "dailyForecast must cover lead time plus review period", "dailySd is required without leadTimeDemand and protectionDemand", plus the component functions' errors
 * @example planLine({ dailyForecast: Array(30).fill(10), dailySd: 4, leadTime: { meanDays: 5, sdDays: 0 }, reviewPeriodDays: 7,
 *   serviceLevel: 0.95, stock: { onHand: 30, onOrder: 0, committed: 0 }, constraints: { casePack: 12 } })
 * // S = 120 + 1.645·√(12·16) = 142.8; order 142.8 − 30 → 120 (10 cases); cover 3 days, stockout day 3 < L = 5 → "critical"
 */
export function planLine(input: PlanLineInput): PlanLine {
  const { dailyForecast, leadTime, reviewPeriodDays, serviceLevel } = input;
  requireProbability(serviceLevel, "serviceLevel");
  requireNonNegative(leadTime.meanDays, "leadTime.meanDays");
  requireNonNegative(leadTime.sdDays, "leadTime.sdDays");
  requireNonNegative(reviewPeriodDays, "reviewPeriodDays");
  for (const f of dailyForecast) requireNonNegative(f, "dailyForecast");
  const protectionDays = leadTime.meanDays + reviewPeriodDays;
  if (Math.ceil(protectionDays) > dailyForecast.length) throw new RangeError("dailyForecast must cover lead time plus review period");

  const interval = (days: number, given: IntervalDemand | undefined): IntervalDemand => {
    if (given) {
      requireNonNegative(given.mean, "interval mean");
      requireFinite(given.quantile, "interval quantile");
      return given;
    }
    if (input.dailySd === undefined) throw new RangeError("dailySd is required without leadTimeDemand and protectionDemand");
    requireNonNegative(input.dailySd, "dailySd");
    const mean = sumForecast(dailyForecast, days);
    const rate = days > 0 ? mean / days : 0;
    const sd = Math.sqrt(days * input.dailySd ** 2 + rate * rate * leadTime.sdDays ** 2);
    return { mean, quantile: mean + safetyFactorForCycleService(serviceLevel) * sd };
  };
  const ltd = interval(leadTime.meanDays, input.leadTimeDemand);
  const prot = interval(protectionDays, input.protectionDemand);

  const ip = inventoryPosition(input.stock);
  const net = netStock(input.stock);
  let eoq: number | null = null;
  if (input.eoqCosts) {
    requirePositive(input.eoqCosts.unitCostCents, "unitCostCents");
    const horizonMean = dailyForecast.reduce((s, x) => s + x, 0) / dailyForecast.length;
    eoq = economicOrderQuantity({ annualDemand: horizonMean * 365, ...input.eoqCosts });
  }
  const rawQuantity = ip < prot.quantile ? Math.max(prot.quantile - ip, eoq ?? 0) : 0;
  const rounded = roundOrderQuantity(rawQuantity, input.constraints);
  const cover = daysOfCover(dailyForecast, net);
  const stockout = projectedStockoutDay(dailyForecast, net, input.scheduledReceipts);

  let urgency: Urgency;
  if (stockout !== null && stockout < leadTime.meanDays) urgency = "critical";
  else if (stockout !== null && stockout < protectionDays) urgency = "high";
  else if (rounded.quantity > 0) urgency = "medium";
  else urgency = "low";

  const outlook = buildOutlook({ net, cover, stockout, leadDays: leadTime.meanDays, urgency });
  return {
    inventoryPosition: ip,
    netStock: net,
    leadTimeDemandMean: ltd.mean,
    protectionDemandMean: prot.mean,
    safetyStock: ltd.quantile - ltd.mean,
    reorderPoint: ltd.quantile,
    orderUpToLevel: prot.quantile,
    economicOrderQuantity: eoq,
    rawQuantity,
    suggestedQuantity: rounded.quantity,
    roundingApplied: rounded.applied,
    daysOfCover: cover,
    projectedStockoutDay: stockout,
    urgency,
    outlook,
  };
}

function buildOutlook(p: { net: number; cover: number | null; stockout: number | null; leadDays: number; urgency: Urgency }): string {
  const parts: string[] = [];
  const coverText = p.cover === null ? "no sales are expected" : `that covers about ${fmt(p.cover)} days of expected sales`;
  parts.push(`${fmt(p.net)} available to sell; ${coverText}.`);
  if (p.stockout !== null) {
    const when = p.stockout === 0 ? "today" : `in ${p.stockout} days`;
    if (p.urgency === "critical") parts.push(`Stock runs out ${when}, before an order placed now can arrive (${fmt(p.leadDays)}-day lead time).`);
    else parts.push(`Stock runs out ${when}.`);
  }
  return parts.join(" ");
}
