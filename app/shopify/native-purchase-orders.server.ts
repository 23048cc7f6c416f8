import { z } from "zod";
import type { NativePoLineFields } from "~/lib/sync/records";
import type { AdminClient } from "./admin-client.server";
import { MappingError } from "./mappers";
import { INVENTORY_PURCHASE_ORDERS } from "./queries/inventory-purchase-orders";

/** One line of a native purchase order marked ordered, as Stockcast keeps it. */
export interface NativePoLineRecord extends NativePoLineFields {
  inventoryItemId: string;
  locationShopifyId: string;
}

export interface NativePurchaseOrders {
  lines: NativePoLineRecord[];
  /** Ordered POs read (drafts and archived ones are skipped). */
  orders: number;
  requests: number;
  /** POs with more lines than one page holds: their further lines were not read. */
  truncated: string[];
  /** True when the page limit stopped the read before the last page. */
  incomplete: boolean;
}

const PAGE_SIZE = 50;
const LINES_PER_PO = 100;

const gid = (type: string) => z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`), `expected a ${type} GID`);
const dateTime = z.string().datetime({ offset: true });
const page = z.object({
  pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
  nodes: z.array(
    z.object({
      id: gid("InventoryPurchaseOrder"),
      name: z.string(),
      status: z.string(),
      orderedAt: dateTime.nullable(),
      archivedAt: dateTime.nullable(),
      origin: z.object({ supplier: z.object({ name: z.string() }).nullable() }).nullable(),
      destination: z.object({ location: z.object({ id: gid("Location") }).nullable() }).nullable(),
      lineItems: z.object({
        pageInfo: z.object({ hasNextPage: z.boolean() }),
        nodes: z.array(
          z.object({
            id: gid("InventoryPurchaseOrderLineItem"),
            totalQuantity: z.number().int(),
            supplierSku: z.string().nullable(),
            inventoryItem: z.object({ id: gid("InventoryItem") }).nullable(),
          }),
        ),
      }),
    }),
  ),
});

/**
 * Reads the shop's native purchase orders page by page and keeps the lines of those marked ORDERED and not
 * archived, with a destination and an inventory item (their units are in that level's `incoming`). Drafts
 * raise nothing in Shopify, so they are not on order. Throttling and retries are the client's; a page of an
 * unexpected shape throws MappingError.
 */
export async function fetchOrderedNativePurchaseOrders(client: AdminClient, options: { maxPages?: number } = {}): Promise<NativePurchaseOrders> {
  const maxPages = options.maxPages ?? 40;
  const result: NativePurchaseOrders = { lines: [], orders: 0, requests: 0, truncated: [], incomplete: false };
  let after: string | null = null;
  for (;;) {
    const data = await client.request(INVENTORY_PURCHASE_ORDERS, { first: PAGE_SIZE, after, lines: LINES_PER_PO });
    result.requests++;
    const parsed = page.safeParse(data.inventoryPurchaseOrders);
    if (!parsed.success) throw new MappingError(`native purchase orders have an unexpected shape — ${parsed.error.issues[0]?.message ?? "invalid"}`);
    for (const po of parsed.data.nodes) {
      const locationShopifyId = po.destination?.location?.id;
      if (po.status !== "ORDERED" || po.archivedAt !== null || !locationShopifyId) continue;
      result.orders++;
      if (po.lineItems.pageInfo.hasNextPage) result.truncated.push(po.id);
      for (const line of po.lineItems.nodes) {
        if (!line.inventoryItem || line.totalQuantity <= 0) continue;
        result.lines.push({
          lineGid: line.id,
          purchaseOrderGid: po.id,
          name: po.name,
          supplier: po.origin?.supplier?.name ?? null,
          supplierSku: line.supplierSku,
          orderedAt: po.orderedAt ? new Date(po.orderedAt) : null,
          inventoryItemId: line.inventoryItem.id,
          locationShopifyId,
          quantity: line.totalQuantity,
        });
      }
    }
    after = parsed.data.pageInfo.endCursor;
    if (!parsed.data.pageInfo.hasNextPage || after === null) return result;
    if (result.requests >= maxPages) return { ...result, incomplete: true };
  }
}
