import { mapLocationIds } from "~/models/backfill.server";
import {
  applyRefreshedAvailable,
  applyRefreshedQuantities,
  createRefreshedLevel,
  listLevelsOfVariants,
  upsertInventorySnapshot,
} from "~/models/inventory.server";
import {
  clearRefreshedInventoryItems,
  countStockingLocations,
  countWaitingInventoryItems,
  inventoryItemsOfLineItems,
  inventoryItemsOfVariantGids,
  listWaitingInventoryItems,
  recordQuantitySweep,
  touchAllInventoryItems,
  touchInventoryItems,
  variantsOfInventoryItems,
} from "~/models/quantity-refresh.server";
import { findShop } from "~/models/shop.server";
import { inTransaction, type Db } from "~/models/transaction.server";
import type { AdminClient } from "~/shopify/admin-client.server";
import { fetchInventoryItemQuantities, type LiveLevelRecord } from "~/shopify/inventory-quantities.server";
import { itemsPerQuantitiesRequest } from "~/shopify/quantities-batch";
import { inIdChunks } from "~/models/id-chunks.server";
import type { WebhookPayload } from "~/shopify/webhook-topics";
import { logger } from "~/utils/logger.server";
import { toGid, toGidOrNull } from "./ids";
import { localDate } from "~/lib/time";

// Quantities refresh (docs/sync.md): webhooks keep `available` live; on hand, committed, incoming and reserved
// are read from the Admin API for the inventory items a stock webhook touched (debounced per shop), and for
// every item once a day (the sweep).

/** Stock webhook topics whose inventory items get their quantities refreshed. */
export const QUANTITY_TOPICS = [
  "inventory_levels/update",
  "inventory_levels/connect",
  "inventory_items/create",
  "inventory_items/update",
  "orders/create",
  "orders/updated",
  "orders/cancelled",
  "refunds/create",
] as const;
type QuantityTopic = (typeof QUANTITY_TOPICS)[number];

export function refreshesQuantities(topic: string | null): topic is QuantityTopic {
  return topic !== null && (QUANTITY_TOPICS as readonly string[]).includes(topic);
}

/**
 * Inside a webhook's transaction: records the inventory items it touched as waiting for a quantities refresh
 * (levels and items: their own; orders: their lines' variants; refunds: the refunded lines' variants).
 */
export async function touchItemsOfWebhook(shop: string, topic: string, data: unknown, at: Date, tx: Db): Promise<number> {
  if (!refreshesQuantities(topic)) return 0;
  let items: string[];
  switch (topic) {
    case "inventory_levels/update":
    case "inventory_levels/connect":
      items = [toGid("InventoryItem", (data as WebhookPayload<"inventory_levels/update">).inventory_item_id)];
      break;
    case "inventory_items/create":
    case "inventory_items/update":
      items = [(data as WebhookPayload<"inventory_items/update">).admin_graphql_api_id];
      break;
    case "refunds/create":
      items = await inventoryItemsOfLineItems(
        shop,
        (data as WebhookPayload<"refunds/create">).refund_line_items.map((l) => l.line_item?.admin_graphql_api_id ?? toGid("LineItem", l.line_item_id)),
        tx,
      );
      break;
    default:
      items = await inventoryItemsOfVariantGids(
        shop,
        (data as WebhookPayload<"orders/create">).line_items.flatMap((l) => toGidOrNull("ProductVariant", l.variant_id) ?? []),
        tx,
      );
  }
  await touchInventoryItems(shop, items, at, tx);
  return items.length;
}

/** touchItemsOfWebhook for a drain's group of orders/* events at once: their lines' variants' items, one read and one write. */
export async function touchItemsOfOrders(shop: string, orders: readonly WebhookPayload<"orders/create">[], at: Date, tx: Db): Promise<number> {
  const gids = [...new Set(orders.flatMap((o) => o.line_items.flatMap((l) => toGidOrNull("ProductVariant", l.variant_id) ?? [])))];
  const items = await inIdChunks(gids, (slice) => inventoryItemsOfVariantGids(shop, slice, tx));
  await touchInventoryItems(shop, items, at, tx);
  return items.length;
}

export interface RefreshSummary {
  /** Inventory items read. */
  items: number;
  /** Admin API requests made. */
  requests: number;
  /** Levels whose stored quantities changed. */
  levelsChanged: number;
  /** Variants (local ids) whose levels changed: the touched re-plan picks them up. */
  variantsChanged: string[];
  /** Items still waiting after `maxItems` (the caller runs again). */
  more: boolean;
}

export interface RefreshOptions {
  now?: () => Date;
  /** Stop after this many items (the job re-enqueues itself for the rest). Default 2,000. */
  maxItems?: number;
}

/**
 * Reads the waiting inventory items' quantities from the Admin API, one request per batch (sized by the
 * query's cost), and writes each batch in one transaction: `available` only when no newer state is stored (a
 * webhook dated after the read wins), on hand / committed / incoming / reserved unless a newer read is
 * stored, and only what changed. A batch's items stop waiting unless touched again during the read.
 */
export async function refreshWaitingQuantities(shop: string, client: AdminClient, options: RefreshOptions = {}): Promise<RefreshSummary> {
  const now = options.now ?? (() => new Date());
  const maxItems = options.maxItems ?? 2000;
  const timeZone = (await findShop(shop))?.ianaTimezone ?? "UTC";
  const levelsPerItem = Math.min(250, await countStockingLocations(shop));
  const batch = itemsPerQuantitiesRequest(levelsPerItem);
  const summary: RefreshSummary = { items: 0, requests: 0, levelsChanged: 0, variantsChanged: [], more: false };
  const changed = new Set<string>();
  while (summary.items < maxItems) {
    const ids = await listWaitingInventoryItems(shop, Math.min(batch, maxItems - summary.items));
    if (ids.length === 0) break;
    const readAt = now();
    const live = await fetchInventoryItemQuantities(client, ids, levelsPerItem);
    summary.requests++;
    summary.items += ids.length;
    if (live.truncated.length) logger.warn({ kind: "quantities-refresh", shop, outcome: "truncated", items: live.truncated.slice(0, 5), levelsPerItem });
    await inTransaction(async (tx) => {
      const written = await writeLiveLevels(shop, live.levels, readAt, timeZone, tx);
      for (const variantId of written.variants) changed.add(variantId);
      summary.levelsChanged += written.levels;
      await clearRefreshedInventoryItems(shop, ids, readAt, tx);
    });
  }
  summary.more = summary.items >= maxItems && (await countWaitingInventoryItems(shop)) > 0;
  summary.variantsChanged = [...changed].sort();
  return summary;
}

/** Writes one batch's levels; returns the variants whose levels changed and how many levels did. */
async function writeLiveLevels(shop: string, levels: readonly LiveLevelRecord[], readAt: Date, timeZone: string, tx: Db): Promise<{ variants: Set<string>; levels: number }> {
  const changed = new Set<string>();
  let changedLevels = 0;
  if (levels.length === 0) return { variants: changed, levels: 0 };
  const variantsByItem = await variantsOfInventoryItems(shop, [...new Set(levels.map((l) => l.inventoryItemId))], tx);
  const locationIds = await mapLocationIds(shop, levels.map((l) => l.locationShopifyId), tx);
  const variantIds = [...variantsByItem.values()].flat();
  const stored = new Set((await listLevelsOfVariants(shop, variantIds, tx)).map((l) => `${l.variantId}|${l.locationId}`));
  for (const level of levels) {
    const locationId = locationIds.get(level.locationShopifyId);
    if (!locationId) continue; // a location not synced yet: its locations/create webhook brings it, the sweep its levels
    const at = level.shopifyUpdatedAt ?? readAt;
    const quantities = { onHand: level.onHand, committed: level.committed, incoming: level.incoming, reserved: level.reserved };
    for (const variantId of variantsByItem.get(level.inventoryItemId) ?? []) {
      const key = { variantId, locationId };
      let availableWritten: boolean;
      let wrote: boolean;
      if (!stored.has(`${variantId}|${locationId}`)) {
        await createRefreshedLevel(shop, key, level.available, quantities, at, tx);
        availableWritten = wrote = true;
      } else {
        availableWritten = await applyRefreshedAvailable(shop, key, level.available, at, tx);
        const quantitiesWritten = await applyRefreshedQuantities(shop, key, quantities, at, tx);
        wrote = availableWritten || quantitiesWritten;
      }
      if (availableWritten) await upsertInventorySnapshot(shop, { ...key, date: localDate(at, timeZone) }, level.available, tx);
      if (wrote) {
        changed.add(variantId);
        changedLevels++;
      }
    }
  }
  return { variants: changed, levels: changedLevels };
}

/** The daily sweep of one shop: every inventory item waits for a refresh; returns how many were added. */
export async function sweepShopQuantities(shop: string, now: Date): Promise<number> {
  return inTransaction(async (tx) => {
    await recordQuantitySweep(shop, now, tx);
    return touchAllInventoryItems(shop, now, tx);
  });
}
