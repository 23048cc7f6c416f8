import { Prisma } from "@prisma/client";
import { isPostgres } from "~/db.server";
import { defaultDb, type Db } from "./transaction.server";

// The work list of the quantities refresh (docs/sync.md, "Quantities refresh"): inventory items whose on hand,
// committed, incoming and reserved wait to be read from the Admin API, one row per shop × item.

/**
 * Marks inventory items as waiting for a refresh (a stock webhook touched them). A row already waiting is
 * re-dated, so a refresh that read the item before this touch keeps it for the next run.
 */
export async function touchInventoryItems(shop: string, inventoryItemIds: readonly string[], at: Date, db: Db = defaultDb): Promise<void> {
  for (const inventoryItemId of new Set(inventoryItemIds)) {
    await db.quantityRefresh.upsert({
      where: { shop_inventoryItemId: { shop, inventoryItemId } },
      create: { shop, inventoryItemId, touchedAt: at },
      update: { touchedAt: at },
    });
  }
}

/**
 * The daily sweep: every inventory item of the shop's variants waits for a refresh (one statement; items
 * already waiting keep their date). Returns how many rows were added.
 */
export function touchAllInventoryItems(shop: string, at: Date, db: Db = defaultDb): Promise<number> {
  // A parameter in a SELECT list is text to PostgreSQL: cast it (SQLite stores what Prisma passes).
  const touchedAt = isPostgres ? Prisma.sql`CAST(${at} AS TIMESTAMP(3))` : Prisma.sql`${at}`;
  return db.$executeRaw(Prisma.sql`
    INSERT INTO "QuantityRefresh" ("shop", "inventoryItemId", "touchedAt")
    SELECT DISTINCT "shop", "inventoryItemId", ${touchedAt} FROM "Variant"
    WHERE "shop" = ${shop} AND "inventoryItemId" IS NOT NULL AND "deletedAt" IS NULL
    ON CONFLICT ("shop", "inventoryItemId") DO NOTHING`);
}

/** The next `limit` waiting items, oldest touch first. */
export async function listWaitingInventoryItems(shop: string, limit: number, db: Db = defaultDb): Promise<string[]> {
  const rows = await db.quantityRefresh.findMany({ where: { shop }, orderBy: [{ touchedAt: "asc" }, { inventoryItemId: "asc" }], take: limit, select: { inventoryItemId: true } });
  return rows.map((r) => r.inventoryItemId);
}

/** Items read by a refresh that began at `readAt`: done, unless touched again since then. */
export function clearRefreshedInventoryItems(shop: string, inventoryItemIds: readonly string[], readAt: Date, db: Db = defaultDb) {
  return db.quantityRefresh.deleteMany({ where: { shop, inventoryItemId: { in: [...inventoryItemIds] }, touchedAt: { lte: readAt } } });
}

export function countWaitingInventoryItems(shop: string, db: Db = defaultDb): Promise<number> {
  return db.quantityRefresh.count({ where: { shop } });
}

/** Drops the work list of a shop that cannot be refreshed (uninstalled, or the demo shop). */
export function clearWaitingInventoryItems(shop: string, db: Db = defaultDb) {
  return db.quantityRefresh.deleteMany({ where: { shop } });
}

/**
 * Active, non-demo shops whose last full sweep is older than `before` (or that were never swept): a
 * cross-shop read by nature, fanned out into one job per shop.
 */
export async function shopsDueForQuantitySweep(before: Date, db: Db = defaultDb): Promise<string[]> {
  const [shops, swept] = await Promise.all([
    db.shop.findMany({ where: { active: true, isDemo: false }, select: { shop: true } }),
    db.quantitySweep.findMany({ where: { sweptAt: { gte: before } }, select: { shop: true } }),
  ]);
  const recent = new Set(swept.map((s) => s.shop));
  return shops.map((s) => s.shop).filter((shop) => !recent.has(shop));
}

/** Records the start of a full sweep of the shop. */
export function recordQuantitySweep(shop: string, at: Date, db: Db = defaultDb) {
  return db.quantitySweep.upsert({ where: { shop }, create: { shop, sweptAt: at }, update: { sweptAt: at } });
}

/** Inventory items of these variants (by Shopify GID): an order's lines. */
export async function inventoryItemsOfVariantGids(shop: string, variantGids: readonly string[], db: Db = defaultDb): Promise<string[]> {
  if (variantGids.length === 0) return [];
  const rows = await db.variant.findMany({ where: { shop, shopifyId: { in: [...new Set(variantGids)] }, inventoryItemId: { not: null } }, select: { inventoryItemId: true } });
  return rows.map((r) => r.inventoryItemId!);
}

/** Inventory items of the variants on these order lines (by line item GID): a refund's lines. */
export async function inventoryItemsOfLineItems(shop: string, lineItemGids: readonly string[], db: Db = defaultDb): Promise<string[]> {
  if (lineItemGids.length === 0) return [];
  const lines = await db.orderLine.findMany({ where: { shop, lineItemGid: { in: [...new Set(lineItemGids)] }, variantId: { not: null } }, select: { variantId: true } });
  if (lines.length === 0) return [];
  const rows = await db.variant.findMany({ where: { shop, id: { in: [...new Set(lines.map((l) => l.variantId!))] }, inventoryItemId: { not: null } }, select: { inventoryItemId: true } });
  return rows.map((r) => r.inventoryItemId!);
}

/** Variants (local id) of these inventory items, by item GID. */
export async function variantsOfInventoryItems(shop: string, inventoryItemIds: readonly string[], db: Db = defaultDb): Promise<Map<string, string[]>> {
  const rows = await db.variant.findMany({ where: { shop, inventoryItemId: { in: [...inventoryItemIds] } }, select: { id: true, inventoryItemId: true } });
  const byItem = new Map<string, string[]>();
  for (const r of rows) byItem.set(r.inventoryItemId!, [...(byItem.get(r.inventoryItemId!) ?? []), r.id]);
  return byItem;
}

/** How many levels one item can have: the shop's locations that are not deleted (at least 1). */
export async function countStockingLocations(shop: string, db: Db = defaultDb): Promise<number> {
  return Math.max(1, await db.location.count({ where: { shop, deletedAt: null } }));
}

/** Whether the shop has an offline session to call the Admin API with (none once uninstalled). */
export async function hasOfflineSession(shop: string, db: Db = defaultDb): Promise<boolean> {
  return (await db.session.count({ where: { shop, isOnline: false } })) > 0;
}
