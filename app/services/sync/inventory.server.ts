import { findLocationByGid, findVariantByInventoryItem } from "~/models/catalog.server";
import { applyInventoryLevel, deleteInventoryLevel, listInventoryLevels, upsertInventorySnapshot } from "~/models/inventory.server";
import { defaultDb, inTransaction, type Db } from "~/models/transaction.server";
import type { WebhookPayload } from "~/shopify/webhook-topics";
import { toGid } from "./ids";
import { localDate } from "~/lib/time";

type LevelPayload = WebhookPayload<"inventory_levels/update">;

async function resolveLevel(shop: string, level: LevelPayload, tx: Db) {
  const itemGid = toGid("InventoryItem", level.inventory_item_id);
  const locationGid = toGid("Location", level.location_id);
  const variant = await findVariantByInventoryItem(shop, itemGid, tx);
  if (!variant) throw new Error(`no variant with inventory item ${itemGid} yet`);
  const location = await findLocationByGid(shop, locationGid, tx);
  if (!location) throw new Error(`location ${locationGid} is not synced yet`);
  return { variantId: variant.id, locationId: location.id };
}

/**
 * inventory_levels/update|connect: InventoryLevel keyed on variant (via the inventory item GID) × location;
 * the newest Shopify `updated_at` wins. A payload without `updated_at` is dated by its receipt (`receivedAt`,
 * the latest time its state can be from): it never erases the stored date, so an older delivery arriving
 * after it still loses, and it does not overwrite a state dated after its receipt. When applied, the snapshot of that local date (shop time zone) is
 * written too: available, and stockedOut = available ≤ 0. An unknown item or location throws (retry).
 */
export async function applyInventoryLevelPayload(shop: string, level: LevelPayload, timeZone: string, receivedAt: Date, tx: Db) {
  const key = await resolveLevel(shop, level, tx);
  const updatedAt = level.updated_at ? new Date(level.updated_at) : receivedAt;
  const available = level.available ?? 0;
  const applied = await applyInventoryLevel(shop, { ...key, available, shopifyUpdatedAt: updatedAt }, tx);
  if (applied) await upsertInventorySnapshot(shop, { ...key, date: localDate(updatedAt, timeZone) }, available, tx);
  return { applied };
}

/** inventory_levels/disconnect: the item is no longer stocked at that location (dated as an update is). */
export async function disconnectInventoryLevelPayload(shop: string, level: LevelPayload, receivedAt: Date, tx: Db) {
  const key = await resolveLevel(shop, level, tx);
  await deleteInventoryLevel(shop, key.variantId, key.locationId, level.updated_at ? new Date(level.updated_at) : receivedAt, tx);
}

/**
 * The nightly end-of-day snapshot: one InventorySnapshot per stocked variant × location for the shop's
 * local `date`, from the current InventoryLevel (so days without any stock movement still have a row and
 * stocked-out days are known). Idempotent: re-running rewrites the same rows.
 */
export async function snapshotShopInventory(shop: string, date: string): Promise<number> {
  const levels = await listInventoryLevels(shop, defaultDb);
  await inTransaction(async (tx) => {
    for (const level of levels) {
      await upsertInventorySnapshot(shop, { variantId: level.variantId, locationId: level.locationId, date }, level.available, tx);
    }
  });
  return levels.length;
}
