import { defaultDb, type Db } from "./transaction.server";

export interface InventoryLevelInput {
  variantId: string;
  locationId: string;
  available: number;
  shopifyUpdatedAt: Date | null;
}

/**
 * Writes a level keyed on (shop, variant, location) unless the stored one carries a newer Shopify
 * updated_at (deliveries are unordered: the newest state wins). Returns whether it was applied.
 */
export async function applyInventoryLevel(shop: string, input: InventoryLevelInput, db: Db = defaultDb): Promise<boolean> {
  const { variantId, locationId, available, shopifyUpdatedAt } = input;
  const newer = shopifyUpdatedAt ? { OR: [{ shopifyUpdatedAt: null }, { shopifyUpdatedAt: { lte: shopifyUpdatedAt } }] } : {};
  const updated = await db.inventoryLevel.updateMany({
    where: { shop, variantId, locationId, ...newer },
    data: { available, shopifyUpdatedAt },
  });
  if (updated.count > 0) return true;
  const row = await db.inventoryLevel.upsert({
    where: { shop_variantId_locationId: { shop, variantId, locationId } },
    create: { shop, variantId, locationId, available, shopifyUpdatedAt },
    update: {},
    select: { shopifyUpdatedAt: true },
  });
  return (row.shopifyUpdatedAt?.getTime() ?? null) === (shopifyUpdatedAt?.getTime() ?? null);
}

/** inventory_levels/disconnect: the item is no longer stocked there (unless a newer state is stored). */
export async function deleteInventoryLevel(shop: string, variantId: string, locationId: string, at: Date | null, db: Db = defaultDb) {
  const newer = at ? { OR: [{ shopifyUpdatedAt: null }, { shopifyUpdatedAt: { lte: at } }] } : {};
  return db.inventoryLevel.deleteMany({ where: { shop, variantId, locationId, ...newer } });
}

/** Removes every level of a variant (its inventory item was deleted). */
export function deleteInventoryLevelsOfVariant(shop: string, variantId: string, db: Db = defaultDb) {
  return db.inventoryLevel.deleteMany({ where: { shop, variantId } });
}

/** The end-of-day available for one variant × location × local date (last write of the day wins). */
export function upsertInventorySnapshot(shop: string, key: { variantId: string; locationId: string; date: string }, available: number, db: Db = defaultDb) {
  const data = { available, stockedOut: available <= 0 };
  return db.inventorySnapshot.upsert({
    where: { shop_variantId_locationId_date: { shop, ...key } },
    create: { shop, ...key, ...data },
    update: data,
  });
}

export function listInventoryLevels(shop: string, db: Db = defaultDb) {
  return db.inventoryLevel.findMany({ where: { shop }, select: { variantId: true, locationId: true, available: true, shopifyUpdatedAt: true } });
}

export function findInventoryLevel(shop: string, variantId: string, locationId: string, db: Db = defaultDb) {
  return db.inventoryLevel.findUnique({ where: { shop_variantId_locationId: { shop, variantId, locationId } } });
}

/**
 * Installed shops and their time zones, for the nightly snapshot sweep (a cross-shop read by nature: the
 * sweep fans out into one job per shop, and each job is scoped to its shop).
 */
export function listShopsForSnapshots(db: Db = defaultDb) {
  return db.shop.findMany({ where: { active: true }, select: { shop: true, ianaTimezone: true } });
}
