import { mulberry32 } from "../forecasting";
import { requireNonNegative, requirePositive, requirePositiveInteger, requireNonNegativeInteger } from "./validate";

/** What a policy sees at a review: only the past. Units and days. */
export interface ReviewContext {
  /** Day index of this review in the series (0-based). */
  readonly day: number;
  /** Recorded sales for days 0..day−1 (lost demand is not recorded: sales ≤ demand). */
  readonly sales: readonly number[];
  /** For days 0..day−1: true when the shelf was empty at the end of the day (that day's sales are a lower bound). */
  readonly stockedOut: readonly boolean[];
  /** For days 0..day−1: true when the day opened with no stock, so no sale was possible (demand entirely unobserved). */
  readonly openedEmpty: readonly boolean[];
  readonly onHand: number;
  /** Units ordered and not yet received. */
  readonly onOrder: number;
  /** Lead times (days) of orders received so far, in order of receipt. */
  readonly observedLeadTimes: readonly number[];
}

/** A replenishment policy: returns the quantity to order now (units, ≥ 0). May keep a private cache. */
export type ReplenishmentPolicy = (context: ReviewContext) => number;

/** Simulation settings. Days are calendar days (series index steps). */
export interface SimulationInput {
  /** True daily demand of one item (the real series). */
  readonly demand: readonly number[];
  /** Days 0..startDay−1 are history only (sales = demand, in stock); simulation runs from startDay. */
  readonly startDay: number;
  /** Days between reviews (7 = weekly). */
  readonly reviewPeriodDays: number;
  /** Lead time (days, integer ≥ 1) of an order placed on day t; common to all policies (common random numbers). */
  readonly leadTimeByDay: readonly number[];
  readonly policy: ReplenishmentPolicy;
}

/** Outcome of one simulated item. Units and days; average inventory is end-of-day on hand. */
export interface SimulationResult {
  readonly days: number;
  readonly demand: number;
  readonly sold: number;
  readonly lost: number;
  /** sold ÷ demand (β, unit fill rate); null when there was no demand. */
  readonly fillRate: number | null;
  /** Days on which some demand was lost. */
  readonly stockoutDays: number;
  /** Mean end-of-day units on hand over the simulated days. */
  readonly averageOnHand: number;
  /** Orders placed after the initial stocking. */
  readonly orders: number;
}

/**
 * Replays a real demand series through a lost-sales inventory system under periodic review. At startDay
 * the shelf is stocked instantly with the policy's first order (so every policy starts at its own target,
 * not from an arbitrary level). Then, each day: receipts due that day arrive; on review days
 * (every reviewPeriodDays from startDay) the policy orders, to arrive leadTimeByDay[t] days later; demand is
 * served from stock and any excess is lost. The policy sees recorded sales (censored at zero stock) and two
 * stock-out flags per day (ended empty: sales are a lower bound; opened empty: nothing could sell), never
 * true demand. Complexity O(days + policy cost).
 * Reference: lost-sales periodic-review simulation as in Silver, Pyke & Thomas, Inventory and Production
 * Management in Supply Chains, 4th ed., ch. 6 (lost-sales case) and Axsäter, Inventory Control, 3rd ed., ch. 5.
 * @throws RangeError "startDay must be a non-negative integer", "reviewPeriodDays must be a positive integer", "leadTimeByDay must cover every day", "leadTimeByDay must hold positive integers", "policy must return a non-negative finite number"
 * @example simulateInventory({ demand: [1, 1, 1, 1], startDay: 1, reviewPeriodDays: 7, leadTimeByDay: [1, 1, 1, 1], policy: () => 3 })
 * // stocked with 3 at day 1, sells 3 of 3 → fillRate 1, averageOnHand (2 + 1 + 0)/3 = 1
 */
export function simulateInventory(input: SimulationInput): SimulationResult {
  const { demand, startDay, reviewPeriodDays, leadTimeByDay, policy } = input;
  requireNonNegativeInteger(startDay, "startDay");
  requirePositiveInteger(reviewPeriodDays, "reviewPeriodDays");
  if (leadTimeByDay.length < demand.length) throw new RangeError("leadTimeByDay must cover every day");
  for (const l of leadTimeByDay) if (!Number.isInteger(l) || l < 1) throw new RangeError("leadTimeByDay must hold positive integers");
  for (const d of demand) requireNonNegative(d, "demand");

  const sales: number[] = demand.slice(0, startDay);
  const stockedOut: boolean[] = new Array<boolean>(Math.min(startDay, demand.length)).fill(false);
  const openedEmpty: boolean[] = [...stockedOut];
  const arrivals = new Map<number, number[]>(); // day → quantities (with order day to recover lead time)
  const orderDay = new Map<number, number[]>();
  const observedLeadTimes: number[] = [];
  let onHand = 0;
  let onOrder = 0;
  let orders = 0;
  let sold = 0;
  let total = 0;
  let stockoutDays = 0;
  let onHandSum = 0;

  const ask = (day: number): number => {
    const q = policy({ day, sales, stockedOut, openedEmpty, onHand, onOrder, observedLeadTimes });
    if (!Number.isFinite(q) || q < 0) throw new RangeError("policy must return a non-negative finite number");
    return q;
  };

  for (let t = startDay; t < demand.length; t++) {
    const due = arrivals.get(t);
    if (due) {
      const from = orderDay.get(t) ?? [];
      due.forEach((q, i) => {
        onHand += q;
        onOrder -= q;
        observedLeadTimes.push(t - from[i]);
      });
      arrivals.delete(t);
    }
    if (t === startDay) {
      onHand = ask(t);
    } else if ((t - startDay) % reviewPeriodDays === 0) {
      const q = ask(t);
      if (q > 0) {
        const arrive = t + leadTimeByDay[t];
        arrivals.set(arrive, [...(arrivals.get(arrive) ?? []), q]);
        orderDay.set(arrive, [...(orderDay.get(arrive) ?? []), t]);
        onOrder += q;
        orders++;
      }
    }
    const d = demand[t];
    openedEmpty.push(onHand <= 0);
    const s = Math.min(onHand, d);
    onHand -= s;
    sold += s;
    total += d;
    if (d > s) stockoutDays++;
    sales.push(s);
    stockedOut.push(onHand <= 0);
    onHandSum += onHand;
  }
  const days = Math.max(0, demand.length - startDay);
  return {
    days,
    demand: total,
    sold,
    lost: total - sold,
    fillRate: total > 0 ? sold / total : null,
    stockoutDays,
    averageOnHand: days > 0 ? onHandSum / days : 0,
    orders,
  };
}

/**
 * Seeded lead-time draws, one per day: L_t = max(1, round(mean + sd·Z_t)), Z_t standard normal by
 * Box–Muller from a mulberry32 stream. Days, integers ≥ 1.
 * Reference: Box & Muller (1958), Ann. Math. Statist. 29(2); mulberry32 (T. Ettinger, 2017, public domain).
 * @throws RangeError "days must be a non-negative integer", "meanDays must be a positive finite number", "sdDays must be a non-negative finite number"
 * @example drawLeadTimes({ days: 3, meanDays: 14, sdDays: 0, seed: 1 }) // [14, 14, 14]
 */
export function drawLeadTimes(input: { readonly days: number; readonly meanDays: number; readonly sdDays: number; readonly seed: number }): number[] {
  requireNonNegativeInteger(input.days, "days");
  requirePositive(input.meanDays, "meanDays");
  requireNonNegative(input.sdDays, "sdDays");
  const u = mulberry32(input.seed);
  const out: number[] = [];
  for (let i = 0; i < input.days; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    out.push(Math.max(1, Math.round(input.meanDays + input.sdDays * z)));
  }
  return out;
}

export { mulberry32 };
