import type { NativePoLineFields } from "~/lib/sync/records";
import { inIdChunks } from "./id-chunks.server";
import { defaultDb, type Db } from "./transaction.server";

// Lines of Shopify's own purchase orders marked ordered (docs/on-order.md, "Native purchase orders"): a
// snapshot replaced on each read, so a PO received, cancelled back to draft or archived in Shopify drops out.

export interface NativePoLineInput extends NativePoLineFields {
  variantId: string;
  locationId: string;
}

/** Replaces the shop's stored native PO lines with `lines` (call inside a transaction); returns how many. */
export async function replaceNativePurchaseOrderLines(shop: string, lines: readonly NativePoLineInput[], db: Db = defaultDb): Promise<number> {
  await db.nativePurchaseOrderLine.deleteMany({ where: { shop } });
  if (lines.length === 0) return 0;
  const { count } = await db.nativePurchaseOrderLine.createMany({ data: lines.map((l) => ({ shop, ...l })) });
  return count;
}

/** Drops the shop's native PO lines (the scope was revoked); returns how many went. */
export async function clearNativePurchaseOrderLines(shop: string, db: Db = defaultDb): Promise<number> {
  return (await db.nativePurchaseOrderLine.deleteMany({ where: { shop } })).count;
}

/** The stored native PO lines of these variants (all locations), oldest order first. */
export async function listNativePurchaseOrderLines(shop: string, variantIds: readonly string[], db: Db = defaultDb) {
  const rows = await inIdChunks(variantIds, (slice) =>
    db.nativePurchaseOrderLine.findMany({
      where: { shop, variantId: { in: slice } },
      select: { lineGid: true, name: true, supplier: true, supplierSku: true, orderedAt: true, variantId: true, locationId: true, quantity: true },
    }),
  );
  return rows.sort((a, b) => (a.orderedAt?.getTime() ?? 0) - (b.orderedAt?.getTime() ?? 0) || a.lineGid.localeCompare(b.lineGid));
}
