import { nativeIncomingShares } from "~/lib/replenishment";
import { listNativePurchaseOrderLines } from "~/models/native-purchase-orders.server";
import { findShop } from "~/models/shop.server";
import { addDays, localDate } from "~/lib/time";

/** Units of a plan line's `incoming` that come from one native Shopify PO line (docs/on-order.md). */
export interface NativeOnOrderDto {
  /** The PO's name in Shopify admin, e.g. "#PO12". */
  name: string;
  supplier: string | null;
  supplierSku: string | null;
  /** Part of the line's on order (never added to it). */
  units: number;
  /** The shop's local day the PO was marked ordered. */
  orderedOn: string | null;
  /** Ordered day + the plan's lead time (Shopify's PO has no arrival date). */
  expectedOn: string | null;
}

export interface PlannedLevel {
  variantId: string;
  locationId: string;
  /** Shopify's incoming as the plan stored it. */
  incoming: number;
  /** The plan's lead time for the line, in days. */
  leadTimeDays: number;
}

export const levelKey = (variantId: string, locationId: string) => `${variantId}|${locationId}`;

/**
 * For each planned level, the native PO lines its `incoming` holds: shares of `incoming` (nativeIncomingShares,
 * newest PO first), with the PO's supplier and its expected arrival in the shop's time zone. Keyed by levelKey;
 * levels without native units are absent.
 */
export async function nativeOnOrderOf(shop: string, levels: readonly PlannedLevel[]): Promise<Map<string, NativeOnOrderDto[]>> {
  const out = new Map<string, NativeOnOrderDto[]>();
  if (levels.length === 0) return out;
  const stored = await listNativePurchaseOrderLines(shop, [...new Set(levels.map((l) => l.variantId))]);
  if (stored.length === 0) return out;
  const timeZone = (await findShop(shop))?.ianaTimezone ?? "UTC";
  for (const level of levels) {
    const lines = stored.filter((s) => s.variantId === level.variantId && s.locationId === level.locationId);
    if (lines.length === 0) continue;
    const shares = nativeIncomingShares(lines.map((l) => ({ quantity: l.quantity, orderedAt: l.orderedAt?.getTime() ?? null })), Math.max(0, level.incoming));
    const dtos = lines.flatMap((l, i) => {
      if (shares[i] === 0) return [];
      const orderedOn = l.orderedAt ? localDate(l.orderedAt, timeZone) : null;
      const expectedOn = orderedOn ? addDays(orderedOn, Math.ceil(level.leadTimeDays)) : null;
      return [{ name: l.name, supplier: l.supplier, supplierSku: l.supplierSku, units: shares[i], orderedOn, expectedOn }];
    });
    if (dtos.length) out.set(levelKey(level.variantId, level.locationId), dtos);
  }
  return out;
}
