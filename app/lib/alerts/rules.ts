import { daysBetween } from "~/lib/time";

/** Severity ladder, most urgent first. */
export type AlertSeverity = "critical" | "warning" | "info";
export type AlertType =
  | "below_reorder_point"
  | "stocked_out_now"
  | "overstock"
  | "dead_stock"
  | "po_overdue"
  | "vendor_reliability_dropped"
  | "demand_anomaly"
  | "sync_unhealthy";

/** Every rule, in the order the Alerts screen documents them. */
export const ALERT_TYPES: readonly AlertType[] = Object.freeze([
  "below_reorder_point",
  "stocked_out_now",
  "overstock",
  "dead_stock",
  "po_overdue",
  "vendor_reliability_dropped",
  "demand_anomaly",
  "sync_unhealthy",
]);

/**
 * Rules that no longer raise alerts: stockout_before_arrival merged into below_reorder_point (one alert per
 * line). Evaluation still syncs them, so their stored alerts resolve.
 */
export const RETIRED_ALERT_TYPES: readonly string[] = Object.freeze(["stockout_before_arrival"]);

/** What an alert is about. A variant × location id is "variantId|locationId". */
export type AlertEntityType = "variant_location" | "purchase_order" | "vendor" | "shop";

/** What a merchant can mute a rule for: a whole variant (all its locations), a vendor, or the shop. */
export interface MuteScope {
  readonly entityType: "variant" | "vendor" | "shop";
  readonly entityId: string;
}

/** One alert a rule raises now. The dedupe key names the condition, so a persisting condition is one alert. */
export interface AlertCandidate {
  readonly type: AlertType;
  readonly severity: AlertSeverity;
  readonly dedupeKey: string;
  readonly entityType: AlertEntityType;
  readonly entityId: string;
  readonly message: string;
  /** The scope a "mute this rule" applies to; absent when the alert cannot be muted. */
  readonly muteScope?: MuteScope;
  /** The numbers that triggered the alert (stored with it as JSON). */
  readonly data?: Readonly<Record<string, number | string | null>>;
}

/** What the stock rules read from one replenishment line (units; days; dates "YYYY-MM-DD"). */
export interface StockLineFacts {
  readonly variantId: string;
  readonly locationId: string;
  readonly label: string;
  readonly available: number;
  readonly onOrder: number;
  readonly inventoryPosition: number;
  readonly reorderPoint: number;
  readonly leadTimeDays: number;
  readonly daysOfCover: number | null;
  readonly projectedStockoutDate: string | null;
  readonly doNotReorder: boolean;
  /** The plan's order quantity for the line (the merchant's edit when there is one); 0 = nothing to order. */
  readonly suggestedQty: number;
  /** Units of the variant for this location in draft or pending-approval POs: the order is being placed. */
  readonly draftedUnits: number;
}

export interface OpenPurchaseOrderFacts {
  readonly id: string;
  readonly number: string;
  readonly vendor: string;
  /** Lets the merchant mute po_overdue per vendor. */
  readonly vendorId?: string;
  readonly expectedDate: string | null;
}

/** A number for a message: whole when it is (nearly) whole, else one decimal. */
export const fmt = (x: number) => (Math.abs(x - Math.round(x)) < 0.05 ? String(Math.round(x)) : x.toFixed(1));
/**
 * The identity of a `type` alert about one variant × location: entity id "variantId|locationId", dedupe key
 * "type:entityId" (one alert while the condition persists) and a mute scope of the whole variant.
 * @example variantLocationAlert("overstock", "v1", "l1")
 * // { type: "overstock", dedupeKey: "overstock:v1|l1", entityType: "variant_location", entityId: "v1|l1", muteScope: { entityType: "variant", entityId: "v1" } }
 */
export function variantLocationAlert(type: AlertType, variantId: string, locationId: string) {
  const entityId = `${variantId}|${locationId}`;
  const muteScope: MuteScope = { entityType: "variant", entityId: variantId };
  return { type, dedupeKey: `${type}:${entityId}`, entityType: "variant_location" as const, entityId, muteScope };
}

/**
 * Stock rules over one plan's lines, evaluated "as of" a date. One condition on one line is one alert:
 * - below_reorder_point — "order now": the inventory position (stock + on order − backorders) is below the
 *   reorder point, the plan suggests an order, no draft PO already holds the variant for that location, and
 *   the stock runs out before an order placed at the next review could arrive (projected stockout − today <
 *   lead time + review period). Critical when it runs out before an order placed now could arrive (< lead
 *   time), else warning. Lines that only dip below the reorder point with time to spare wait for the next
 *   review on the Replenishment screen. Silver, Pyke & Thomas, 4th ed., §6.7: under periodic review an order
 *   placed now must cover the lead time plus one review period (the protection interval);
 * - overstock (info): days of cover above `overstockDays` while more is on order or in a draft — the one
 *   overstock a person can still act on (reduce or cancel that order).
 * Items marked "do not reorder" raise no stock alert.
 * @example evaluateStockRules([{ variantId: "v", locationId: "l", label: "Tent", available: 2, onOrder: 0, inventoryPosition: 2, reorderPoint: 10, leadTimeDays: 7, daysOfCover: 1, projectedStockoutDate: "2026-01-02", doNotReorder: false, suggestedQty: 24, draftedUnits: 0 }], { asOfDate: "2026-01-01", overstockDays: 180, reviewPeriodDays: 7 })
 * // [critical below_reorder_point: "Tent: stock runs out in 1 day (2 available), before a new order could arrive (7-day lead time). Order 24 units."]
 */
export function evaluateStockRules(lines: readonly StockLineFacts[], options: { asOfDate: string; overstockDays: number; reviewPeriodDays: number }): AlertCandidate[] {
  checkStockOptions(options);
  const out: AlertCandidate[] = [];
  for (const l of lines) {
    if (l.doNotReorder) continue;
    const reorder = reorderAlert(l, options);
    if (reorder) out.push(reorder);
    const over = overstockAlert(l, options);
    if (over) out.push(over);
  }
  return out;
}

function checkStockOptions(options: { overstockDays?: number; reviewPeriodDays?: number }) {
  if (options.overstockDays !== undefined && !(options.overstockDays > 0)) throw new RangeError("overstockDays must be positive");
  if (options.reviewPeriodDays !== undefined && !(options.reviewPeriodDays >= 0)) throw new RangeError("reviewPeriodDays must be non-negative");
}

/**
 * The "order now" (below_reorder_point) alerts of {@link evaluateStockRules} alone, in line order.
 * @example evaluateOrderNowRule([tentLine], { asOfDate: "2026-01-01", reviewPeriodDays: 7 }) // the critical order-now alert of evaluateStockRules' example
 */
export function evaluateOrderNowRule(lines: readonly StockLineFacts[], options: { asOfDate: string; reviewPeriodDays: number }): AlertCandidate[] {
  checkStockOptions(options);
  return lines.flatMap((l) => (l.doNotReorder ? [] : (reorderAlert(l, options) ?? [])));
}

/**
 * The overstock alerts of {@link evaluateStockRules} alone, in line order: cover above `overstockDays` while
 * more is on order or in a draft.
 * @example evaluateOverstockRule([{ ...line, daysOfCover: 200, onOrder: 12 }], { overstockDays: 180 }) // [info overstock]
 */
export function evaluateOverstockRule(lines: readonly StockLineFacts[], options: { overstockDays: number }): AlertCandidate[] {
  checkStockOptions(options);
  return lines.flatMap((l) => (l.doNotReorder ? [] : (overstockAlert(l, options) ?? [])));
}

function overstockAlert(l: StockLineFacts, options: { overstockDays: number }): AlertCandidate | null {
  if (l.daysOfCover === null || !(l.daysOfCover > options.overstockDays) || !(l.onOrder + l.draftedUnits > 0)) return null;
  return {
    ...variantLocationAlert("overstock", l.variantId, l.locationId),
    severity: "info",
    data: { daysOfCover: l.daysOfCover, overstockDays: options.overstockDays, onOrder: l.onOrder, draftedUnits: l.draftedUnits },
    message: `${l.label}: ${fmt(l.daysOfCover)} days of cover, above the ${options.overstockDays}-day overstock threshold, and ${fmt(l.onOrder + l.draftedUnits)} more ${l.draftedUnits > 0 ? "on order or in a draft PO" : "on order"}.`,
  };
}

/** The "order now" alert of one line, or null (see evaluateStockRules). */
function reorderAlert(l: StockLineFacts, options: { asOfDate: string; reviewPeriodDays: number }): AlertCandidate | null {
  if (!(l.inventoryPosition < l.reorderPoint) || l.suggestedQty <= 0 || l.draftedUnits > 0 || l.projectedStockoutDate === null) return null;
  const inDays = Math.max(0, daysBetween(options.asOfDate, l.projectedStockoutDate));
  if (inDays >= l.leadTimeDays + options.reviewPeriodDays) return null;
  const critical = inDays < l.leadTimeDays;
  const when = l.available <= 0 ? "out of stock now" : `stock runs out ${inDays === 0 ? "today" : `in ${inDays} day${inDays === 1 ? "" : "s"}`} (${fmt(l.available)} available)`;
  const order = `Order ${fmt(l.suggestedQty)} unit${l.suggestedQty === 1 ? "" : "s"}.`;
  return {
    ...variantLocationAlert("below_reorder_point", l.variantId, l.locationId),
    severity: critical ? "critical" : "warning",
    data: {
      available: l.available,
      onOrder: l.onOrder,
      inventoryPosition: l.inventoryPosition,
      reorderPoint: l.reorderPoint,
      leadTimeDays: l.leadTimeDays,
      projectedStockoutDate: l.projectedStockoutDate,
      daysUntilStockout: inDays,
      suggestedQty: l.suggestedQty,
    },
    message: critical
      ? `${l.label}: ${when}, before a new order could arrive (${fmt(l.leadTimeDays)}-day lead time). ${order}`
      : `${l.label}: ${fmt(l.inventoryPosition)} in stock and on order, below the reorder point of ${fmt(l.reorderPoint)}; ${when} unless an order goes out before the next review. ${order}`,
  };
}

/**
 * A sent purchase order whose expected date has passed without full receipt is overdue (warning).
 * @example evaluatePurchaseOrderRules([{ id: "p", number: "PO-1", vendor: "Acme", expectedDate: "2026-01-01" }], { asOfDate: "2026-01-05" })
 * // [{ type: "po_overdue", message: "PO-1 from Acme is 4 days overdue …" }]
 */
export function evaluatePurchaseOrderRules(orders: readonly OpenPurchaseOrderFacts[], options: { asOfDate: string }): AlertCandidate[] {
  const out: AlertCandidate[] = [];
  for (const po of orders) {
    if (po.expectedDate === null) continue;
    const late = daysBetween(po.expectedDate, options.asOfDate);
    if (late <= 0) continue;
    out.push({
      type: "po_overdue",
      severity: "warning",
      dedupeKey: `po_overdue:${po.id}`,
      entityType: "purchase_order",
      entityId: po.id,
      ...(po.vendorId ? { muteScope: { entityType: "vendor", entityId: po.vendorId } as const } : {}),
      data: { daysOverdue: late, expectedDate: po.expectedDate },
      message: `${po.number} from ${po.vendor} is ${late} day${late === 1 ? "" : "s"} overdue (expected ${po.expectedDate}).`,
    });
  }
  return out;
}
