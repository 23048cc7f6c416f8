/**
 * DemandDay derivation from OrderLine rows, the rule the demo seed follows (and checks itself against):
 * for each variant × location × local date having at least one non-cancelled line,
 *   units   = Σ (currentQuantity − refundedQuantity) over non-cancelled lines (can be 0 after full refunds),
 *   revenue = Σ (currentQuantity − refundedQuantity) × unitPrice over the same lines (2 dp),
 *   orders  = number of distinct non-cancelled orders.
 * Cancelled lines never count; a day with only cancelled lines has no row.
 * A kit (a bundle: BundleComponent rows) sells as its components, as the app's rederiveDemandDays does
 * (explodeBundleDemand, app/lib/replenishment/bundles.ts): its lines become component units × quantity on
 * the same day and location, revenue split by the components' prices in thousandths, and it has no row.
 */
import { explodeBundleDemand, type BomRow } from "../../app/lib/replenishment/bundles";

/** Kits and what they are made of; component prices in thousandths of the currency (as the app splits). */
export interface DemoBundles {
  bom: readonly BomRow[];
  priceMills: Readonly<Record<string, number>>;
}

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
  /** Revenue in cents (integer; a kit's share rounded from revenueMills). */
  revenueCents: number;
  /** Revenue in thousandths: exact, kit shares included (what DemandDay.revenue stores). */
  revenueMills: number;
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

export function toMills(value: string | number): number {
  return Math.round(Number(value) * 1000);
}

export function millsToDecimal(mills: number): string {
  const sign = mills < 0 ? "-" : "";
  const abs = Math.abs(mills);
  return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, "0")}`;
}

/** Derives one DemandDay aggregate per variant × location × date, keyed by demandKey, kits exploded. O(lines). */
export function deriveDemandDays(lines: Iterable<DerivableLine>, bundles: DemoBundles = { bom: [], priceMills: {} }): Map<string, DerivedDay> {
  const live = [];
  for (const line of lines) {
    if (line.cancelledAt !== null || line.variantId === null || line.locationId === null) continue;
    const net = line.currentQuantity - line.refundedQuantity;
    live.push({ variantId: line.variantId, units: net, revenueMinor: net * toCents(line.unitPrice) * 10, orderGid: line.orderGid, locationId: line.locationId, date: line.localDate });
  }
  const out = new Map<string, DerivedDay>();
  const seenOrders = new Map<string, Set<string>>();
  for (const line of explodeBundleDemand(live, bundles.bom, bundles.priceMills)) {
    const key = demandKey(line.variantId, line.locationId, line.date);
    let day = out.get(key);
    if (!day) {
      day = { variantId: line.variantId, locationId: line.locationId, date: line.date, units: 0, revenueCents: 0, revenueMills: 0, orders: 0 };
      out.set(key, day);
      seenOrders.set(key, new Set());
    }
    day.units += line.units;
    day.revenueMills += line.revenueMinor;
    day.revenueCents = Math.round(day.revenueMills / 10);
    const orders = seenOrders.get(key)!;
    if (!orders.has(line.orderGid)) {
      orders.add(line.orderGid);
      day.orders += 1;
    }
  }
  return out;
}

/** DemoBundles from BundleComponent rows and the components' prices (decimal strings or numbers). */
export function demoBundles(
  rows: readonly { bundleVariantId: string; componentVariantId: string; quantity: number }[],
  priceOf: (variantId: string) => string | number,
): DemoBundles {
  return {
    bom: rows.map((r) => ({ bundleId: r.bundleVariantId, componentId: r.componentVariantId, quantity: r.quantity })),
    priceMills: Object.fromEntries(rows.map((r) => [r.componentVariantId, toMills(priceOf(r.componentVariantId))])),
  };
}
