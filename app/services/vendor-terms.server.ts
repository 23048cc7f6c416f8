// Vendor SKU and vendor price per variant × vendor (docs/vendors.md): the vendor page's card and its save.
import type { z } from "zod";
import { recordAudit } from "~/models/audit.server";
import { inTransaction } from "~/models/transaction.server";
import { listVendorTerms, listVendorVariantsWithTerms, saveVendorTerms, shopVariantIds } from "~/models/vendor-terms.server";
import { listNativePurchaseOrderLines } from "~/models/native-purchase-orders.server";
import { findVendor } from "~/models/vendors.server";
import { roleOf, type Actor } from "~/services/permissions.server";
import { normaliseUnitCost } from "~/services/purchase-orders/money";
import { VENDOR_TERMS_PAGE, type vendorTermsIntentSchema } from "./vendor-terms-form";
import type { VendorTermsRow } from "~/utils/vendor-terms-dto";

export async function getVendorTerms(shop: string, vendorId: string): Promise<{ rows: VendorTermsRow[]; total: number }> {
  const { rows, total } = await listVendorVariantsWithTerms(shop, vendorId, VENDOR_TERMS_PAGE);
  return {
    total,
    rows: rows.map((v) => ({
      variantId: v.id,
      product: v.product.title,
      variant: v.title === "Default Title" ? "" : v.title,
      sku: v.sku,
      vendorSku: v.vendorTerms[0]?.vendorSku ?? "",
      vendorPrice: v.vendorTerms[0]?.vendorPrice ? normaliseUnitCost(v.vendorTerms[0].vendorPrice.toFixed()) : "",
    })),
  };
}

export class VendorTermsError extends Error {
  constructor(
    readonly code: "not_found" | "forbidden" | "invalid",
    message: string,
  ) {
    super(message);
    this.name = "VendorTermsError";
  }
}

/** Saves the vendor's SKUs and prices for these variants of the shop (empty both: removed), audited. */
export async function saveVendorTermsForVendor(shop: string, actor: Actor, vendorId: string, rows: z.infer<typeof vendorTermsIntentSchema>["rows"]) {
  return inTransaction(async (tx) => {
    if (!(await roleOf(shop, actor, tx)).canEdit) throw new VendorTermsError("forbidden", "Viewers can look at vendors but not change them — ask the shop owner for a role");
    if (!(await findVendor(shop, vendorId, tx))) throw new VendorTermsError("not_found", "Vendor not found");
    const known = await shopVariantIds(shop, rows.map((r) => r.variantId), tx);
    if (rows.some((r) => !known.has(r.variantId))) throw new VendorTermsError("invalid", "A variant on this form no longer exists — reload the page");
    const before = await listVendorTerms(shop, vendorId, rows.map((r) => r.variantId), tx);
    await saveVendorTerms(shop, vendorId, rows, tx);
    await recordAudit(
      shop,
      {
        actor: actor.staffId,
        action: "vendor.terms_updated",
        entityType: "Vendor",
        entityId: vendorId,
        before: before.map((t) => ({ variantId: t.variantId, vendorSku: t.vendorSku, vendorPrice: t.vendorPrice?.toFixed() ?? null })),
        after: rows,
      },
      tx,
    );
    return { saved: rows.length };
  });
}

/**
 * Vendor SKUs of these variants for a PO of this vendor: the merchant's own (VendorVariant) first, else the
 * `supplierSku` of a Shopify native PO line whose supplier is this vendor by name (ignoring case).
 */
export async function vendorSkusFor(shop: string, vendor: { id: string; name: string }, variantIds: string[]): Promise<Map<string, string>> {
  const [terms, native] = await Promise.all([listVendorTerms(shop, vendor.id, variantIds), listNativePurchaseOrderLines(shop, variantIds)]);
  const out = new Map<string, string>();
  const name = vendor.name.trim().toLowerCase();
  for (const l of native) if (l.supplierSku && l.supplier?.trim().toLowerCase() === name) out.set(l.variantId, l.supplierSku);
  for (const t of terms) if (t.vendorSku) out.set(t.variantId, t.vendorSku);
  return out;
}
