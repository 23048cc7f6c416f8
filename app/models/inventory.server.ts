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

/** The levels stored for these variants (the quantities refresh compares what it read with them). */
export function listLevelsOfVariants(shop: string, variantIds: readonly string[], db: Db = defaultDb) {
  return db.inventoryLevel.findMany({
    where: { shop, variantId: { in: [...variantIds] } },
    select: { variantId: true, locationId: true, available: true, onHand: true, committed: true, incoming: true, reserved: true, shopifyUpdatedAt: true, quantitiesUpdatedAt: true },
  });
}

export interface RefreshedQuantities {
  onHand: number;
  committed: number;
  incoming: number;
  reserved: number;
}

/**
 * Writes a level's `available` read from the Admin API, dated by Shopify's updated_at of the level: only when
 * no newer state is stored (a webhook dated after the read wins), and only when something changes (the same
 * state read again leaves the row, and the plan, alone). Returns whether it wrote.
 */
export async function applyRefreshedAvailable(shop: string, key: { variantId: string; locationId: string }, available: number, at: Date, db: Db = defaultDb): Promise<boolean> {
  const { count } = await db.inventoryLevel.updateMany({
    where: { shop, ...key, OR: [{ shopifyUpdatedAt: null }, { shopifyUpdatedAt: { lt: at } }, { shopifyUpdatedAt: at, available: { not: available } }] },
    data: { available, shopifyUpdatedAt: at },
  });
  return count > 0;
}

/**
 * Writes on hand, committed, incoming and reserved read from the Admin API at Shopify's updated_at `at`,
 * unless a read dated after it is stored, and only when something changes. Returns whether it wrote.
 */
export async function applyRefreshedQuantities(shop: string, key: { variantId: string; locationId: string }, q: RefreshedQuantities, at: Date, db: Db = defaultDb): Promise<boolean> {
  const differs = [{ onHand: { not: q.onHand } }, { committed: { not: q.committed } }, { incoming: { not: q.incoming } }, { reserved: { not: q.reserved } }];
  const { count } = await db.inventoryLevel.updateMany({
    where: { shop, ...key, OR: [{ quantitiesUpdatedAt: null }, { quantitiesUpdatedAt: { lt: at } }, { quantitiesUpdatedAt: at, OR: differs }] },
    data: { ...q, quantitiesUpdatedAt: at },
  });
  return count > 0;
}

/** A level the refresh found in Shopify but not here (its connect webhook not applied yet): all five quantities. */
export async function createRefreshedLevel(shop: string, key: { variantId: string; locationId: string }, available: number, q: RefreshedQuantities, at: Date, db: Db = defaultDb): Promise<void> {
  await db.inventoryLevel.upsert({
    where: { shop_variantId_locationId: { shop, ...key } },
    create: { shop, ...key, available, ...q, shopifyUpdatedAt: at, quantitiesUpdatedAt: at },
    update: {},
  });
}
