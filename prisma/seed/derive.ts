/**
 * DemandDay derivation from OrderLine rows, the rule the demo seed follows (and checks itself against):
 * for each variant × location × local date having at least one non-cancelled line,
 *   units   = Σ (currentQuantity − refundedQuantity) over non-cancelled lines (can be 0 after full refunds),
 *   revenue = Σ (currentQuantity − refundedQuantity) × unitPrice over the same lines (2 dp),
 *   orders  = number of distinct non-cancelled orders.
 * Cancelled lines never count; a day with only cancelled lines has no row.
 */

export interface DerivableLine {
  orderGid: string;
  variantId: string | null;
  locationId: string | null;
  localDate: string;
  currentQuantity: number;
  refundedQuantity: number;
  /** Decimal as a string ("12.50") or number. */
  unitPrice: string | number;
  cancelledAt: Date | null;
}

export interface DerivedDay {
  variantId: string;
  locationId: string;
  date: string;
  units: number;
  /** Revenue in cents (integer). */
  revenueCents: number;
  orders: number;
}

export function demandKey(variantId: string, locationId: string, date: string): string {
  return `${variantId}|${locationId}|${date}`;
}

export function toCents(value: string | number): number {
  return Math.round(Number(value) * 100);
}

export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Derives one DemandDay aggregate per variant × location × date, keyed by demandKey. O(lines). */
export function deriveDemandDays(lines: Iterable<DerivableLine>): Map<string, DerivedDay> {
  const out = new Map<string, DerivedDay>();
  const seenOrders = new Map<string, Set<string>>();
  for (const line of lines) {
    if (line.cancelledAt !== null || line.variantId === null || line.locationId === null) continue;
    const key = demandKey(line.variantId, line.locationId, line.localDate);
    let day = out.get(key);
    if (!day) {
      day = { variantId: line.variantId, locationId: line.locationId, date: line.localDate, units: 0, revenueCents: 0, orders: 0 };
      out.set(key, day);
      seenOrders.set(key, new Set());
    }
    const net = line.currentQuantity - line.refundedQuantity;
    day.units += net;
    day.revenueCents += net * toCents(line.unitPrice);
    const orders = seenOrders.get(key)!;
    if (!orders.has(line.orderGid)) {
      orders.add(line.orderGid);
      day.orders += 1;
    }
  }
  return out;
}
