// Prisma I/O for editing a PO after drafting: line quantities and costs, added lines, and the variants a PO
// may add (its vendor's). Every function is shop-scoped.
import prisma from "~/db.server";
import { SqlParams, variantMatchFilterSql } from "~/models/variant-search.server";
import { defaultDb, type Db } from "~/models/transaction.server";

export function setPurchaseOrderLine(shop: string, lineId: string, data: { quantityOrdered: number; unitCost: string }, db: Db = defaultDb) {
  return db.purchaseOrderLine.updateMany({ where: { id: lineId, shop }, data });
}

/** These variants when they are live and sold by `vendorId` (their product's vendor), with their unit cost. */
export function findVendorVariants(shop: string, vendorId: string, variantIds: string[], db: Db = defaultDb) {
  return db.variant.findMany({
    where: { shop, id: { in: variantIds }, deletedAt: null, product: { vendorId } },
    select: { id: true, unitCost: true },
  });
}

/**
 * Up to `limit` live variants of `vendorId` whose SKU, title or product title contains `search`
 * (case-insensitively on both databases), by product and variant title.
 */
export async function searchVendorVariants(shop: string, vendorId: string, search: string, limit: number) {
  const p = new SqlParams();
  const sql = `SELECT v."id" AS "id" FROM "Variant" v JOIN "Product" pr ON pr."id" = v."productId"
    WHERE v."shop" = ${p.bind(shop)} AND v."deletedAt" IS NULL AND pr."vendorId" = ${p.bind(vendorId)}
      AND ${variantMatchFilterSql(`v."id"`, shop, search, p)}
    ORDER BY pr."title", v."title", v."id" LIMIT ${p.bind(limit)}`;
  const ids = (await prisma.$queryRawUnsafe<{ id: string }[]>(sql, ...p.values)).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await prisma.variant.findMany({
    where: { shop, id: { in: ids } },
    select: { id: true, title: true, sku: true, unitCost: true, product: { select: { title: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
