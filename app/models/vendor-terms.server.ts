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

/** Fills in a vendor SKU where none is set yet (imports never overwrite the merchant's own entries). */
export async function fillVendorSkus(shop: string, vendorId: string, rows: { variantId: string; vendorSku: string }[], db: Db = defaultDb) {
  let filled = 0;
  for (const r of rows) {
    const existing = await db.vendorVariant.findUnique({ where: { shop_vendorId_variantId: { shop, vendorId, variantId: r.variantId } } });
    if (existing?.vendorSku) continue;
    if (existing) await db.vendorVariant.update({ where: { id: existing.id }, data: { vendorSku: r.vendorSku } });
    else await db.vendorVariant.create({ data: { shop, vendorId, variantId: r.variantId, vendorSku: r.vendorSku } });
    filled += 1;
  }
  return filled;
}

/** Ids of those variants that belong to the shop. */
export async function shopVariantIds(shop: string, variantIds: string[], db: Db = defaultDb): Promise<Set<string>> {
  const rows = await db.variant.findMany({ where: { shop, id: { in: variantIds } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
