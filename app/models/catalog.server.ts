import { inIdChunks } from "./id-chunks.server";
import { defaultDb, type Db } from "./transaction.server";

// Catalog mirror: Vendor (by name), Product, Variant and Location keyed on (shop, Shopify GID).
// Writes are ordered by Shopify's updated_at: an older delivery never overwrites a newer row.

/** The vendor named `name` in this shop, created on first sight ((shop, name) is unique). */
export function upsertVendorByName(shop: string, name: string, db: Db = defaultDb) {
  return db.vendor.upsert({ where: { shop_name: { shop, name } }, create: { shop, name }, update: {}, select: { id: true } });
}

export interface ProductInput {
  shopifyId: string;
  title: string;
  vendorId: string | null;
  productType: string | null;
  status: string;
  shopifyCreatedAt: Date | null;
  shopifyUpdatedAt: Date;
}

/** Upserts a product unless a newer version is stored. Returns the row id and whether it was applied. */
export async function applyProduct(shop: string, input: ProductInput, db: Db = defaultDb): Promise<{ id: string; applied: boolean }> {
  const data = { ...input, deletedAt: null };
  const updated = await db.product.updateMany({
    where: { shop, shopifyId: input.shopifyId, OR: [{ shopifyUpdatedAt: null }, { shopifyUpdatedAt: { lte: input.shopifyUpdatedAt } }] },
    data,
  });
  const row = await db.product.upsert({
    where: { shop_shopifyId: { shop, shopifyId: input.shopifyId } },
    create: { shop, ...data },
    update: {},
    select: { id: true, shopifyUpdatedAt: true },
  });
  return { id: row.id, applied: updated.count > 0 || row.shopifyUpdatedAt?.getTime() === input.shopifyUpdatedAt.getTime() };
}

export interface VariantInput {
  shopifyId: string;
  title: string;
  sku: string | null;
  barcode: string | null;
  price: string;
  inventoryItemId: string | null;
  /** "CONTINUE" | "DENY"; undefined keeps the stored one (a payload that does not say). */
  inventoryPolicy?: "CONTINUE" | "DENY";
  shopifyCreatedAt: Date | null;
  shopifyUpdatedAt: Date;
}

/** Upserts a variant of `productId` (ordered by the product's updated_at). Returns the row id. */
export async function applyVariant(shop: string, productId: string, input: VariantInput, db: Db = defaultDb): Promise<string> {
  const data = { ...input, productId, deletedAt: null };
  await db.variant.updateMany({
    where: { shop, shopifyId: input.shopifyId, OR: [{ shopifyUpdatedAt: null }, { shopifyUpdatedAt: { lte: input.shopifyUpdatedAt } }] },
    data,
  });
  const row = await db.variant.upsert({
    where: { shop_shopifyId: { shop, shopifyId: input.shopifyId } },
    create: { shop, ...data },
    update: {},
    select: { id: true },
  });
  return row.id;
}

/** Variants of a product that a newer product payload no longer lists are tombstoned. */
export function markMissingVariantsDeleted(shop: string, productId: string, keepShopifyIds: string[], at: Date, db: Db = defaultDb) {
  return db.variant.updateMany({
    where: { shop, productId, shopifyId: { notIn: keepShopifyIds }, deletedAt: null },
    data: { deletedAt: at },
  });
}

/** products/delete: tombstone the product and its variants (history stays for planning reports). */
export async function markProductDeleted(shop: string, shopifyId: string, at: Date, db: Db = defaultDb): Promise<void> {
  const product = await db.product.findUnique({ where: { shop_shopifyId: { shop, shopifyId } }, select: { id: true } });
  if (!product) return;
  await db.product.updateMany({ where: { shop, id: product.id }, data: { deletedAt: at, status: "DELETED" } });
  await db.variant.updateMany({ where: { shop, productId: product.id, deletedAt: null }, data: { deletedAt: at } });
}

export function findVariantByGid(shop: string, shopifyId: string, db: Db = defaultDb) {
  return db.variant.findUnique({ where: { shop_shopifyId: { shop, shopifyId } }, select: { id: true } });
}

/** Variant ids by GID, for a drain's group of order events (one read instead of one per line). */
export async function findVariantIdsByGids(shop: string, shopifyIds: readonly string[], db: Db = defaultDb): Promise<Map<string, string>> {
  if (shopifyIds.length === 0) return new Map();
  const rows = await inIdChunks([...new Set(shopifyIds)], (ids) => db.variant.findMany({ where: { shop, shopifyId: { in: ids } }, select: { id: true, shopifyId: true } }));
  return new Map(rows.map((r) => [r.shopifyId, r.id]));
}

/** Location ids by GID (deleted or inactive ones too, as findLocationByGid), for a drain's group of order events. */
export async function findLocationIdsByGids(shop: string, shopifyIds: readonly string[], db: Db = defaultDb): Promise<Map<string, string>> {
  if (shopifyIds.length === 0) return new Map();
  const rows = await inIdChunks([...new Set(shopifyIds)], (ids) => db.location.findMany({ where: { shop, shopifyId: { in: ids } }, select: { id: true, shopifyId: true } }));
  return new Map(rows.map((r) => [r.shopifyId, r.id]));
}

export function findVariantByInventoryItem(shop: string, inventoryItemId: string, db: Db = defaultDb) {
  return db.variant.findFirst({ where: { shop, inventoryItemId }, orderBy: { createdAt: "asc" }, select: { id: true, tracked: true } });
}

/** inventory_items/create|update: unit cost and tracked flag on the variant(s) of that inventory item. */
export function updateInventoryItem(shop: string, inventoryItemId: string, fields: { unitCost?: string | null; tracked?: boolean }, db: Db = defaultDb) {
  return db.variant.updateMany({ where: { shop, inventoryItemId }, data: fields });
}

export interface LocationInput {
  shopifyId: string;
  name: string;
  active: boolean;
  shopifyUpdatedAt: Date | null;
}

/** Upserts a location unless a newer version is stored. */
export async function applyLocation(shop: string, input: LocationInput, db: Db = defaultDb) {
  const data = { ...input, deletedAt: null };
  if (input.shopifyUpdatedAt) {
    await db.location.updateMany({
      where: { shop, shopifyId: input.shopifyId, OR: [{ shopifyUpdatedAt: null }, { shopifyUpdatedAt: { lte: input.shopifyUpdatedAt } }] },
      data,
    });
  }
  return db.location.upsert({
    where: { shop_shopifyId: { shop, shopifyId: input.shopifyId } },
    create: { shop, ...data },
    update: input.shopifyUpdatedAt ? {} : data,
    select: { id: true },
  });
}

export function markLocationDeleted(shop: string, shopifyId: string, at: Date, db: Db = defaultDb) {
  return db.location.updateMany({ where: { shop, shopifyId }, data: { deletedAt: at, active: false } });
}

export function findLocationByGid(shop: string, shopifyId: string, db: Db = defaultDb) {
  return db.location.findUnique({ where: { shop_shopifyId: { shop, shopifyId } }, select: { id: true, active: true, deletedAt: true } });
}

/** Active, not deleted locations (id and GID), for the default-location rule. */
export function listActiveLocations(shop: string, db: Db = defaultDb) {
  return db.location.findMany({ where: { shop, active: true, deletedAt: null }, select: { id: true, shopifyId: true } });
}
