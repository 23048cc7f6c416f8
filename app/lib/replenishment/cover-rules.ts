import { requireNonNegative, requirePositiveInteger } from "./validate";
import type { ReplenishmentPolicy } from "./simulate";

/**
 * Merchant rule (a): order up to average daily sales of the last `windowDays` calendar days × (lead time +
 * cover days), i.e. target T = (Σ last-window sales / windowDays)·(L + C); order ⌈T − IP⌉ when IP < T.
 * Units; L and C in days. Stock-out days count as zero sales, which is the rule's known weakness.
 * Reference: "days of cover" / time-supply rule, Silver, Pyke & Thomas, 4th ed., ch. 2 (time supply); used
 * here as the baseline merchants apply (see ADR 025).
 * @throws RangeError "coverDays must be a non-negative finite number", "windowDays must be a positive integer"
 * @example averageSalesCoverPolicy({ leadTimeDays: 14, coverDays: 30 }) // policy for simulateInventory
 */
export function averageSalesCoverPolicy(options: {
  readonly leadTimeDays: number;
  readonly coverDays: number;
  readonly windowDays?: number;
}): ReplenishmentPolicy {
  const window = options.windowDays ?? 30;
  requireNonNegative(options.leadTimeDays, "leadTimeDays");
  requireNonNegative(options.coverDays, "coverDays");
  requirePositiveInteger(window, "windowDays");
  return (ctx) => {
    const from = Math.max(0, ctx.sales.length - window);
    let sum = 0;
    for (let i = from; i < ctx.sales.length; i++) sum += ctx.sales[i];
    const target = (sum / window) * (options.leadTimeDays + options.coverDays);
    const ip = ctx.onHand + ctx.onOrder;
    return ip < target ? Math.ceil(target - ip) : 0;
  };
}

/**
 * Merchant rule (b): order up to in-stock-day velocity × (lead time + cover days), never below a fixed
 * minimum: v = sales on in-stock days (days that opened with stock) ÷ their number within the last
 * `windowDays` (0 if none),
 * T = max(minimumUnits, v·(L + C)); order ⌈T − IP⌉ when IP < T. Units and days.
 * Reference: days-of-cover rule with stock-out-corrected velocity (Silver, Pyke & Thomas, 4th ed., ch. 2
 * time supply; censoring per ch. 3 on estimating demand from sales); baseline per ADR 025.
 * @throws RangeError "minimumUnits must be a non-negative finite number"
 * @example inStockVelocityCoverPolicy({ leadTimeDays: 14, coverDays: 30, minimumUnits: 2 })
 */
export function inStockVelocityCoverPolicy(options: {
  readonly leadTimeDays: number;
  readonly coverDays: number;
  readonly minimumUnits: number;
  readonly windowDays?: number;
}): ReplenishmentPolicy {
  const window = options.windowDays ?? 30;
  requireNonNegative(options.leadTimeDays, "leadTimeDays");
  requireNonNegative(options.coverDays, "coverDays");
  requireNonNegative(options.minimumUnits, "minimumUnits");
  requirePositiveInteger(window, "windowDays");
  return (ctx) => {
    const from = Math.max(0, ctx.sales.length - window);
    let sum = 0;
    let days = 0;
    for (let i = from; i < ctx.sales.length; i++) {
      if (!ctx.openedEmpty[i]) {
        sum += ctx.sales[i];
        days++;
      }
    }
    const v = days > 0 ? sum / days : 0;
    const target = Math.max(options.minimumUnits, v * (options.leadTimeDays + options.coverDays));
    const ip = ctx.onHand + ctx.onOrder;
    return ip < target ? Math.ceil(target - ip) : 0;
  };
}
