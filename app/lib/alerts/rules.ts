/** Severity ladder, most urgent first. */
export type AlertSeverity = "critical" | "warning" | "info";
export type AlertType = "stockout_before_arrival" | "below_reorder_point" | "overstock" | "po_overdue";

/** One alert a rule raises now. The dedupe key names the condition, so a persisting condition is one alert. */
export interface AlertCandidate {
  readonly type: AlertType;
  readonly severity: AlertSeverity;
  readonly dedupeKey: string;
  readonly entityType: "variant_location" | "purchase_order";
  readonly entityId: string;
  readonly message: string;
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
  readonly expectedDate: string | null;
}

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
const fmt = (x: number) => (Math.abs(x - Math.round(x)) < 0.05 ? String(Math.round(x)) : x.toFixed(1));

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
    const entityId = `${l.variantId}|${l.locationId}`;
    if (l.projectedStockoutDate !== null) {
      const inDays = daysBetween(options.asOfDate, l.projectedStockoutDate);
      if (inDays < l.leadTimeDays) {
        out.push({
          type: "stockout_before_arrival",
          severity: "critical",
          dedupeKey: `stockout_before_arrival:${entityId}`,
          entityType: "variant_location",
          entityId,
          message: `${l.label}: stock runs out ${inDays <= 0 ? "today" : `in ${inDays} day${inDays === 1 ? "" : "s"}`} (${fmt(l.available)} available), before an order placed now could arrive (${fmt(l.leadTimeDays)}-day lead time).`,
        });
      }
    }
    if (l.inventoryPosition < l.reorderPoint && l.onOrder === 0) {
      out.push({
        type: "below_reorder_point",
        severity: "warning",
        dedupeKey: `below_reorder_point:${entityId}`,
        entityType: "variant_location",
        entityId,
        message: `${l.label}: ${fmt(l.inventoryPosition)} units in stock and on order, below the reorder point of ${fmt(l.reorderPoint)}, and nothing is on order.`,
      });
    }
    if (l.daysOfCover !== null && l.daysOfCover > options.overstockDays) {
      out.push({
        type: "overstock",
        severity: "info",
        dedupeKey: `overstock:${entityId}`,
        entityType: "variant_location",
        entityId,
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
      message: `${po.number} from ${po.vendor} is ${late} day${late === 1 ? "" : "s"} overdue (expected ${po.expectedDate}).`,
    });
  }
  return out;
}
