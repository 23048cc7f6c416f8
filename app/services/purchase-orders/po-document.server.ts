// Loads one PO as a document (shop-scoped) and renders it as a PDF or CSV file for download or email.
import { findPurchaseOrder, lookupPurchaseOrderNames } from "~/models/purchase-orders.server";
import { findShop } from "~/models/shop.server";
import { vendorSkusFor } from "~/services/vendor-terms.server";
import { NOT_FOUND_MESSAGE, PurchaseOrderError } from "./errors";
import { documentLines, lineTitle, poCsv, poFilename, type PoDocument } from "./po-document";
import { renderPoPdf } from "./po-pdf.server";

type StoredPo = NonNullable<Awaited<ReturnType<typeof findPurchaseOrder>>>;

/** The document model of a PO already loaded with its vendor and lines. */
export async function buildPoDocument(shop: string, po: StoredPo): Promise<PoDocument> {
  const variantIds = po.lines.map((l) => l.variantId);
  const [names, shopRow, terms] = await Promise.all([
    lookupPurchaseOrderNames(shop, { variantIds, locationIds: [po.destinationLocationId] }),
    findShop(shop),
    vendorSkusFor(shop, po.vendor, variantIds),
  ]);
  const { lines, units, total } = documentLines(
    po.lines.map((l) => {
      const v = names.variants.get(l.variantId);
      return { sku: v?.sku ?? null, vendorSku: terms.get(l.variantId) ?? null, title: v ? lineTitle(v.product.title, v.title) : "Unknown product", quantity: l.quantityOrdered, unitCost: l.unitCost.toFixed() };
    }),
  );
  return {
    shopName: shopRow?.name ?? shop.replace(/\.myshopify\.com$/, ""),
    number: po.number,
    status: po.status,
    currency: po.currency,
    vendor: { name: po.vendor.name, contactName: po.vendor.contactName, email: po.vendor.email, phone: po.vendor.phone },
    destination: names.locations.get(po.destinationLocationId) ?? "Unknown location",
    expectedAt: po.expectedAt?.toISOString() ?? null,
    issuedAt: (po.approvedAt ?? po.createdAt).toISOString(),
    notes: po.notes,
    lines,
    units,
    total,
  };
}

/** A PO of this shop as a document, or a not-found error. */
export async function loadPoDocument(shop: string, poId: string): Promise<PoDocument> {
  const po = await findPurchaseOrder(shop, poId);
  if (!po) throw new PurchaseOrderError("not_found", NOT_FOUND_MESSAGE);
  return buildPoDocument(shop, po);
}

export interface PoFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export async function poPdfFile(doc: PoDocument): Promise<PoFile> {
  return { filename: poFilename(doc.number, "pdf"), contentType: "application/pdf", body: await renderPoPdf(doc) };
}

export function poCsvFile(doc: PoDocument): PoFile {
  return { filename: poFilename(doc.number, "csv"), contentType: "text/csv; charset=utf-8", body: Buffer.from(poCsv(doc), "utf8") };
}

/** The PO of this shop as a downloadable file; any viewer may download, in any status. */
export async function downloadPurchaseOrder(shop: string, poId: string, format: "pdf" | "csv"): Promise<PoFile> {
  const doc = await loadPoDocument(shop, poId);
  return format === "pdf" ? poPdfFile(doc) : poCsvFile(doc);
}
