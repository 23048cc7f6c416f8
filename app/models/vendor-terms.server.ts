// A vendor's own SKU and price per variant (VendorVariant; docs/vendors.md). Every query is scoped by shop.
import { defaultDb, type Db } from "~/models/transaction.server";

export interface VendorTermInput {
  variantId: string;
  vendorSku: string | null;
  /** Decimal string in the vendor's currency, or null. */
  vendorPrice: string | null;
}

/** The vendor's terms for these variants (all of the vendor's when `variantIds` is omitted). */
export function listVendorTerms(shop: string, vendorId: string, variantIds?: string[], db: Db = defaultDb) {
  return db.vendorVariant.findMany({
    where: { shop, vendorId, ...(variantIds ? { variantId: { in: variantIds } } : {}) },
    select: { variantId: true, vendorSku: true, vendorPrice: true, updatedAt: true },
  });
}

/** Saves terms; a row with neither SKU nor price is deleted. Variants must belong to the shop (checked by caller). */
export async function saveVendorTerms(shop: string, vendorId: string, rows: VendorTermInput[], db: Db = defaultDb) {
  for (const r of rows) {
    const key = { shop_vendorId_variantId: { shop, vendorId, variantId: r.variantId } };
    if (r.vendorSku === null && r.vendorPrice === null) {
      await db.vendorVariant.deleteMany({ where: { shop, vendorId, variantId: r.variantId } });
      continue;
    }
    const data = { vendorSku: r.vendorSku, vendorPrice: r.vendorPrice };
    await db.vendorVariant.upsert({ where: key, create: { shop, vendorId, variantId: r.variantId, ...data }, update: data });
  }
}

/** Sets vendor SKUs from an import (price untouched; a blank cell never reaches here). Returns the rows that changed. */
export async function setVendorSkus(shop: string, vendorId: string, rows: { variantId: string; vendorSku: string }[], db: Db = defaultDb) {
  const changed: { variantId: string; before: string | null; after: string }[] = [];
  for (const r of rows) {
    const existing = await db.vendorVariant.findUnique({ where: { shop_vendorId_variantId: { shop, vendorId, variantId: r.variantId } } });
    if (existing?.vendorSku === r.vendorSku) continue;
    if (existing) await db.vendorVariant.update({ where: { id: existing.id }, data: { vendorSku: r.vendorSku } });
    else await db.vendorVariant.create({ data: { shop, vendorId, variantId: r.variantId, vendorSku: r.vendorSku } });
    changed.push({ variantId: r.variantId, before: existing?.vendorSku ?? null, after: r.vendorSku });
  }
  return changed;
}

/** Ids of those variants that belong to the shop. */
export async function shopVariantIds(shop: string, variantIds: string[], db: Db = defaultDb): Promise<Set<string>> {
  const rows = await db.variant.findMany({ where: { shop, id: { in: variantIds } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/**
 * Live variants the vendor supplies (its products' variants) plus any variant with terms from this vendor,
 * up to `limit`, by product then variant title, with the vendor's terms. `total` counts them all.
 */
export async function listVendorVariantsWithTerms(shop: string, vendorId: string, limit: number, db: Db = defaultDb) {
  const where = { shop, deletedAt: null, OR: [{ product: { vendorId } }, { vendorTerms: { some: { shop, vendorId } } }] };
  const [rows, total] = await Promise.all([
    db.variant.findMany({
      where,
      select: { id: true, title: true, sku: true, unitCost: true, product: { select: { title: true } }, vendorTerms: { where: { shop, vendorId }, select: { vendorSku: true, vendorPrice: true } } },
      orderBy: [{ product: { title: "asc" } }, { title: "asc" }, { id: "asc" }],
      take: limit,
    }),
    db.variant.count({ where }),
  ]);
  return { rows, total };
}

/** Vendor prices (decimal strings) of these variants, keyed "vendorId|variantId"; rows without a price are left out. */
export async function listVendorPrices(shop: string, variantIds: string[], db: Db = defaultDb): Promise<Map<string, string>> {
  if (variantIds.length === 0) return new Map();
  const rows = await db.vendorVariant.findMany({ where: { shop, variantId: { in: variantIds }, vendorPrice: { not: null } }, select: { vendorId: true, variantId: true, vendorPrice: true } });
  return new Map(rows.map((r) => [`${r.vendorId}|${r.variantId}`, r.vendorPrice!.toFixed()]));
}
