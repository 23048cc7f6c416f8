import { mapLocationIds } from "~/models/backfill.server";
import { clearNativePurchaseOrderLines, replaceNativePurchaseOrderLines, type NativePoLineInput } from "~/models/native-purchase-orders.server";
import { variantsOfInventoryItems } from "~/models/quantity-refresh.server";
import { findShop } from "~/models/shop.server";
import { inTransaction } from "~/models/transaction.server";
import type { AdminClient } from "~/shopify/admin-client.server";
import { fetchOrderedNativePurchaseOrders } from "~/shopify/native-purchase-orders.server";
import { grantsScope, NATIVE_PURCHASE_ORDERS_SCOPE } from "~/shopify/scopes";

// Native purchase orders (docs/on-order.md): read at the end of the backfill and with the daily quantities
// sweep, only where the shop granted read_inventory_purchase_orders. They never change on-order units (those are
// in `incoming` already); the stored lines say which PO, supplier and order date some of those units have.

/** True when the shop granted the optional scope that lets Stockcast read its native purchase orders. */
export async function readsNativePurchaseOrders(shop: string): Promise<boolean> {
  return grantsScope((await findShop(shop))?.scopes, NATIVE_PURCHASE_ORDERS_SCOPE);
}

export type NativePoSyncSummary =
  | { outcome: "no scope"; cleared: number }
  | { outcome: "stored"; orders: number; lines: number; unmatched: number; requests: number; truncated: number; incomplete: boolean };

/**
 * Reads the shop's ordered native POs and replaces the stored lines with them, in one transaction. Lines for
 * an item or destination Stockcast does not know (yet) are skipped and counted. Without the scope nothing is
 * read, and lines kept from before a revocation are dropped.
 */
export async function syncNativePurchaseOrders(shop: string, client: AdminClient): Promise<NativePoSyncSummary> {
  if (!(await readsNativePurchaseOrders(shop))) return { outcome: "no scope", cleared: await clearNativePurchaseOrderLines(shop) };
  const read = await fetchOrderedNativePurchaseOrders(client);
  return inTransaction(async (tx) => {
    const variants = await variantsOfInventoryItems(shop, [...new Set(read.lines.map((l) => l.inventoryItemId))], tx);
    const locations = await mapLocationIds(shop, [...new Set(read.lines.map((l) => l.locationShopifyId))], tx);
    const rows: NativePoLineInput[] = [];
    let unmatched = 0;
    for (const line of read.lines) {
      const variantIds = variants.get(line.inventoryItemId) ?? [];
      const locationId = locations.get(line.locationShopifyId);
      if (variantIds.length === 0 || !locationId) {
        unmatched++;
        continue;
      }
      const { inventoryItemId: _item, locationShopifyId: _location, ...kept } = line;
      // An inventory item belongs to one variant; should two rows share it, the first carries the line.
      rows.push({ ...kept, variantId: variantIds[0], locationId });
    }
    const lines = await replaceNativePurchaseOrderLines(shop, rows, tx);
    return { outcome: "stored", orders: read.orders, lines, unmatched, requests: read.requests, truncated: read.truncated.length, incomplete: read.incomplete };
  });
}
