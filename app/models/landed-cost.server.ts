// Landed cost (docs/landed-cost.md): a variant's landed unit cost stored at receipt, apart from Shopify's unit
// cost, and what writing it back to Shopify needs. Every query is scoped by shop.
import { defaultDb, type Db } from "~/models/transaction.server";

/** Records a variant's landed unit cost (decimal string, shop currency). */
export function setVariantLandedCost(shop: string, variantId: string, landedUnitCost: string, at: Date, db: Db = defaultDb) {
  return db.variant.updateMany({ where: { id: variantId, shop }, data: { landedUnitCost, landedCostAt: at } });
}

/** Landed unit cost, inventory item and names of these variants of the shop. */
export function listLandedCosts(shop: string, variantIds: string[], db: Db = defaultDb) {
  if (variantIds.length === 0) return Promise.resolve([]);
  return db.variant.findMany({
    where: { shop, id: { in: variantIds } },
    select: { id: true, inventoryItemId: true, landedUnitCost: true, landedCostAt: true, unitCost: true },
  });
}

/** Whether the shop writes landed costs back to Shopify, and its currency. */
export function findLandedCostSettings(shop: string, db: Db = defaultDb) {
  return db.shop.findUnique({ where: { shop }, select: { landedCostToShopify: true, currencyCode: true } });
}

export function setLandedCostToShopify(shop: string, on: boolean, db: Db = defaultDb) {
  return db.shop.updateMany({ where: { shop }, data: { landedCostToShopify: on } });
}
