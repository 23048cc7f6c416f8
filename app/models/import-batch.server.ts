import prisma from "~/db.server";
import { defaultDb, type Db } from "./transaction.server";

// ImportBatch: one imported file, unique per (shop, kind, fileHash) so the same file is applied once.
// Also the lookups a CSV import needs (SKU → variant, location name → location).

export type ImportBatchStatus = "completed" | "failed";

export function findImportBatch(shop: string, kind: string, fileHash: string, db: Db = defaultDb) {
  return db.importBatch.findUnique({ where: { shop_kind_fileHash: { shop, kind, fileHash } } });
}

export function listImportBatches(shop: string, take = 20, db: Db = defaultDb) {
  return db.importBatch.findMany({ where: { shop }, orderBy: { createdAt: "desc" }, take });
}

/** Records a file's outcome; a failed earlier attempt at the same file is replaced. */
export async function recordImportBatch(
  shop: string,
  batch: { kind: string; fileName: string; fileHash: string; status: ImportBatchStatus; rowCount: number; errors?: { line: number; message: string }[] },
  db: Db = defaultDb,
) {
  await db.importBatch.deleteMany({ where: { shop, kind: batch.kind, fileHash: batch.fileHash, status: "failed" } });
  return db.importBatch.create({ data: { shop, ...batch, errors: batch.errors ?? undefined } });
}

/**
 * Runs a whole file's writes in one transaction (all or nothing). Longer limits than webhook transactions:
 * a year of order history is tens of thousands of rows.
 */
export function inImportTransaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
  return prisma.$transaction(fn, { timeout: 600_000, maxWait: 30_000 });
}

/** Variants (not deleted) carrying each SKU; a SKU may match several variants. */
export async function findVariantsBySku(shop: string, skus: string[], db: Db = defaultDb) {
  const rows = await db.variant.findMany({
    where: { shop, deletedAt: null, sku: { in: [...new Set(skus)] } },
    select: { id: true, shopifyId: true, sku: true },
  });
  const bySku = new Map<string, { id: string; shopifyId: string }[]>();
  for (const r of rows) bySku.set(r.sku!, [...(bySku.get(r.sku!) ?? []), { id: r.id, shopifyId: r.shopifyId }]);
  return bySku;
}

/** Locations by exact name (deleted ones included: history may name a closed location). */
export async function findLocationsByName(shop: string, db: Db = defaultDb) {
  const rows = await db.location.findMany({ where: { shop }, select: { id: true, shopifyId: true, name: true, deletedAt: true }, orderBy: { createdAt: "asc" } });
  const byName = new Map<string, { id: string; shopifyId: string }>();
  for (const r of rows) if (!byName.has(r.name) || !r.deletedAt) byName.set(r.name, { id: r.id, shopifyId: r.shopifyId });
  return byName;
}

/** Order names already stored from Shopify itself (webhook or backfill): a CSV never overrides those. */
export async function findShopifyOrderNames(shop: string, names: string[], db: Db = defaultDb): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db.orderLine.findMany({
    where: { shop, orderName: { in: [...new Set(names)] }, NOT: { source: "csv" } },
    select: { orderName: true },
    distinct: ["orderName"],
  });
  return new Set(rows.map((r) => r.orderName!));
}
