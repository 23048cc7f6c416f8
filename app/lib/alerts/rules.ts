/** Severity ladder, most urgent first. */
export type AlertSeverity = "critical" | "warning" | "info";
export type AlertType =
  | "stockout_before_arrival"
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
  "stockout_before_arrival",
  "below_reorder_point",
  "stocked_out_now",
  "overstock",
  "dead_stock",
  "po_overdue",
  "vendor_reliability_dropped",
  "demand_anomaly",
  "sync_unhealthy",
]);

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
}

export interface OpenPurchaseOrderFacts {
  readonly id: string;
  readonly number: string;
  readonly vendor: string;
  /** Lets the merchant mute po_overdue per vendor. */
  readonly vendorId?: string;
  readonly expectedDate: string | null;
}

const DAY_MS = 86_400_000;
/** Whole days from a to b ("YYYY-MM-DD"). */
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
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
 * Stock rules over one plan's lines, evaluated "as of" a date:
 * - stockout_before_arrival (critical): the projected stockout falls within the lead time, so even an order
 *   placed today arrives late (the reorder-point logic of Silver, Pyke & Thomas, 4th ed., ch. 6);
 * - below_reorder_point (warning): inventory position is below the reorder point and nothing is on order;
 * - overstock (info): days of cover above `overstockDays`.
 * Items marked "do not reorder" raise no stock alert.
 * @example evaluateStockRules([{ variantId: "v", locationId: "l", label: "Tent", available: 2, onOrder: 0, inventoryPosition: 2, reorderPoint: 10, leadTimeDays: 7, daysOfCover: 1, projectedStockoutDate: "2026-01-02", doNotReorder: false }], { asOfDate: "2026-01-01", overstockDays: 180 })
 * // [critical stockout_before_arrival, warning below_reorder_point]
 */
export function evaluateStockRules(lines: readonly StockLineFacts[], options: { asOfDate: string; overstockDays: number }): AlertCandidate[] {
  if (!(options.overstockDays > 0)) throw new RangeError("overstockDays must be positive");
  const out: AlertCandidate[] = [];
  for (const l of lines) {
    if (l.doNotReorder) continue;
    if (l.projectedStockoutDate !== null) {
      const inDays = daysBetween(options.asOfDate, l.projectedStockoutDate);
      if (inDays < l.leadTimeDays) {
        out.push({
          ...variantLocationAlert("stockout_before_arrival", l.variantId, l.locationId),
          severity: "critical",
          data: { available: l.available, leadTimeDays: l.leadTimeDays, projectedStockoutDate: l.projectedStockoutDate, daysUntilStockout: inDays },
          message: `${l.label}: stock runs out ${inDays <= 0 ? "today" : `in ${inDays} day${inDays === 1 ? "" : "s"}`} (${fmt(l.available)} available), before an order placed now could arrive (${fmt(l.leadTimeDays)}-day lead time).`,
        });
      }
    }
    if (l.inventoryPosition < l.reorderPoint && l.onOrder === 0) {
      out.push({
        ...variantLocationAlert("below_reorder_point", l.variantId, l.locationId),
        severity: "warning",
        data: { inventoryPosition: l.inventoryPosition, reorderPoint: l.reorderPoint, onOrder: l.onOrder },
        message: `${l.label}: ${fmt(l.inventoryPosition)} units in stock and on order, below the reorder point of ${fmt(l.reorderPoint)}, and nothing is on order.`,
      });
    }
    if (l.daysOfCover !== null && l.daysOfCover > options.overstockDays) {
      out.push({
        ...variantLocationAlert("overstock", l.variantId, l.locationId),
        severity: "info",
        data: { daysOfCover: l.daysOfCover, overstockDays: options.overstockDays },
        message: `${l.label}: ${fmt(l.daysOfCover)} days of cover, above the ${options.overstockDays}-day overstock threshold.`,
      });
    }
  }
  return out;
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
