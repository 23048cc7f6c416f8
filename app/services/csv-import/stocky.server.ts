// Stocky import: its supplier list becomes Vendors (matched by name) and its purchase-order export becomes
// purchase orders with source "stocky" (matched by Stocky's PO number, so importing a PO again updates it).
// Both run inside import.server.ts's all-or-nothing frame: every check happens in the plan step, before the
// transaction, so a file with one bad row writes nothing. Every write is audited. docs/stocky-import.md.
import { recordAudit } from "~/models/audit.server";
import { findLocationsByName, findVariantsBySku } from "~/models/import-batch.server";
import { findShop } from "~/models/shop.server";
import {
  createImportedPurchaseOrder,
  createImportedVendor,
  findPurchaseOrdersByNumber,
  listVendorsForImport,
  STOCKY_SOURCE,
  updateImportedPurchaseOrder,
  updateImportedVendor,
  type ImportedPoHeader,
  type ImportedPoLine,
  type ImportVendor,
  type StoredImportedPo,
  type VendorFields,
} from "~/models/stocky-import.server";
import { defaultDb, type Db } from "~/models/transaction.server";
import { setVendorSkus } from "~/models/vendor-terms.server";
import { defaultLocationId } from "~/services/sync/locations.server";
import { PO_ENTITY } from "~/services/purchase-orders/lifecycle.server";
import type { StockyCounts } from "~/utils/import-result";
import type { StockyMappedStatus, StockyPurchaseOrderRow, StockySupplierRow } from "./formats";
import type { RowError } from "./read-csv.server";

export const VENDOR_ENTITY = "Vendor";
/** Imported POs are numbered "STOCKY-<Stocky's number>": never in Stockcast's own PO-#### sequence. */
export const stockyPoNumber = (ref: string) => `STOCKY-${ref}`;

export interface StockyPlan {
  errors: RowError[];
  skipped: number;
  write: (tx: Db) => Promise<{ written: number; touched: []; counts: StockyCounts }>;
}

const zeroCounts = (): StockyCounts => ({
  vendorsCreated: 0,
  vendorsUpdated: 0,
  vendorsUnchanged: 0,
  purchaseOrdersCreated: 0,
  purchaseOrdersUpdated: 0,
  purchaseOrdersUnchanged: 0,
});

/** A vendor by exact name, else by case-insensitive name when that is unambiguous. */
function matchVendor(vendors: readonly ImportVendor[], name: string): ImportVendor | string | null {
  const exact = vendors.find((v) => v.name === name);
  if (exact) return exact;
  const loose = vendors.filter((v) => v.name.toLowerCase() === name.toLowerCase());
  if (loose.length > 1) return `"${name}" matches ${loose.length} vendors that differ only in capitals (${loose.map((v) => `"${v.name}"`).join(", ")}); rename one first`;
  return loose[0] ?? null;
}

function vendorFields(row: StockySupplierRow): VendorFields {
  const fields: VendorFields = {
    email: row.Email,
    phone: row.Phone,
    contactName: row.Contact,
    statedLeadTimeDays: row["Lead time"],
    moq: row.MOQ,
    currency: row.Currency,
    notes: row.Notes,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as VendorFields;
}

/** Only the fields that change (blank cells never clear what the vendor already has). */
function vendorChanges(vendor: ImportVendor, fields: VendorFields): VendorFields {
  return Object.fromEntries(Object.entries(fields).filter(([key, value]) => vendor[key as keyof ImportVendor] !== value)) as VendorFields;
}

export async function planStockySuppliers(shop: string, rows: { line: number; value: StockySupplierRow }[], actor: string): Promise<StockyPlan> {
  const errors: RowError[] = [];
  const vendors = await listVendorsForImport(shop);
  const seen = new Map<string, number>();
  const planned: { line: number; row: StockySupplierRow; vendor: ImportVendor | null }[] = [];
  for (const { line, value } of rows) {
    const key = value.Name.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({ line, message: `Name: supplier "${value.Name}" already appears on line ${earlier}` });
      continue;
    }
    seen.set(key, line);
    const vendor = matchVendor(vendors, value.Name);
    if (typeof vendor === "string") errors.push({ line, message: `Name: ${vendor}` });
    else planned.push({ line, row: value, vendor });
  }
  return {
    errors,
    skipped: 0,
    write: async (tx) => {
      const counts = zeroCounts();
      for (const { row, vendor } of planned) {
        const fields = vendorFields(row);
        if (!vendor) {
          const created = await createImportedVendor(shop, row.Name, fields, tx);
          await recordAudit(shop, { actor, action: "vendor.imported", entityType: VENDOR_ENTITY, entityId: created.id, before: null, after: { ...created, source: STOCKY_SOURCE } }, tx);
          counts.vendorsCreated++;
          continue;
        }
        const changes = vendorChanges(vendor, fields);
        if (Object.keys(changes).length === 0) {
          counts.vendorsUnchanged++;
          continue;
        }
        const after = await updateImportedVendor(shop, vendor.id, changes, tx);
        await recordAudit(shop, { actor, action: "vendor.import_updated", entityType: VENDOR_ENTITY, entityId: vendor.id, before: { ...vendor }, after: { ...after, source: STOCKY_SOURCE } }, tx);
        counts.vendorsUpdated++;
      }
      return { written: planned.length, touched: [], counts };
    },
  };
}

/** "12.50" and "12.5" are the same amount: compare decimal strings without trailing zeros. */
function sameAmount(a: string, b: string) {
  const norm = (s: string) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s).replace(/^0+(?=\d)/, "");
  return norm(a) === norm(b);
}

/** The date of a calendar day, stored at 00:00Z (as Stockcast stores expected dates). */
const dayStart = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

interface PlannedPo {
  ref: string;
  line: number;
  vendorName: string;
  existing: StoredImportedPo | null;
  header: Omit<ImportedPoHeader, "vendorId"> & { vendorId: string | null };
  lines: ImportedPoLine[];
  /** Supplier SKU cells of the PO's lines (docs/stocky-import.md). */
  vendorSkus: { variantId: string; vendorSku: string }[];
}

/** Sets the vendor SKUs a PO's rows carry, audited on the vendor; returns how many changed. */
async function importVendorSkus(shop: string, vendorId: string, rows: { variantId: string; vendorSku: string }[], actor: string, tx: Db): Promise<number> {
  if (rows.length === 0) return 0;
  const changed = await setVendorSkus(shop, vendorId, rows, tx);
  if (changed.length) await recordAudit(shop, { actor, action: "vendor.terms_imported", entityType: VENDOR_ENTITY, entityId: vendorId, before: null, after: { source: STOCKY_SOURCE, vendorSkus: changed } }, tx);
  return changed.length;
}

function unchanged(existing: StoredImportedPo, header: ImportedPoHeader, lines: ImportedPoLine[]) {
  if (
    existing.vendorId !== header.vendorId ||
    existing.destinationLocationId !== header.destinationLocationId ||
    existing.status !== header.status ||
    existing.currency !== header.currency ||
    iso(existing.expectedAt) !== iso(header.expectedAt) ||
    iso(existing.sentAt) !== iso(header.sentAt) ||
    existing.lines.length !== lines.length
  )
    return false;
  const byVariant = new Map(existing.lines.map((l) => [l.variantId, l]));
  return lines.every((l) => {
    const e = byVariant.get(l.variantId);
    return e && e.quantityOrdered === l.quantityOrdered && e.quantityReceived === l.quantityReceived && sameAmount(e.unitCost.toString(), l.unitCost);
  });
}

function poSnapshot(number: string, ref: string, header: ImportedPoHeader, lines: ImportedPoLine[]) {
  return {
    number,
    source: STOCKY_SOURCE,
    externalRef: ref,
    vendorId: header.vendorId,
    destinationLocationId: header.destinationLocationId,
    status: header.status,
    currency: header.currency,
    expectedAt: iso(header.expectedAt),
    sentAt: iso(header.sentAt),
    lines: lines.map((l) => ({ ...l })),
  };
}

function storedSnapshot(po: StoredImportedPo) {
  return {
    number: po.number,
    source: po.source,
    externalRef: po.externalRef,
    vendorId: po.vendorId,
    destinationLocationId: po.destinationLocationId,
    status: po.status,
    currency: po.currency,
    expectedAt: iso(po.expectedAt),
    sentAt: iso(po.sentAt),
    lines: po.lines.map((l) => ({ variantId: l.variantId, quantityOrdered: l.quantityOrdered, quantityReceived: l.quantityReceived, unitCost: l.unitCost.toString() })),
  };
}

type PoField = "Supplier" | "Status" | "Ordered at" | "Expected at" | "Location" | "Currency";
const PO_FIELDS: PoField[] = ["Supplier", "Status", "Ordered at", "Expected at", "Location", "Currency"];

export async function planStockyPurchaseOrders(
  shop: string,
  rows: { line: number; value: StockyPurchaseOrderRow }[],
  actor: string,
  now: Date = new Date(),
): Promise<StockyPlan> {
  const errors: RowError[] = [];
  const shopRow = await findShop(shop);
  const variants = await findVariantsBySku(shop, rows.map((r) => r.value.SKU));
  const locations = await findLocationsByName(shop);
  const fallbackId = await defaultLocationId(shop, defaultDb);
  const vendors = await listVendorsForImport(shop);
  const stored = new Map((await findPurchaseOrdersByNumber(shop, rows.map((r) => stockyPoNumber(r.value["PO number"])))).map((p) => [p.number, p]));

  // Group rows by PO; PO-level columns may be on every row or only the first, but must not disagree.
  const groups = new Map<string, { line: number; value: StockyPurchaseOrderRow }[]>();
  for (const row of rows) groups.set(row.value["PO number"], [...(groups.get(row.value["PO number"]) ?? []), row]);

  const planned: PlannedPo[] = [];
  for (const [ref, group] of groups) {
    const first = group[0].line;
    const header: Partial<Record<PoField, { value: string; line: number }>> = {};
    let consistent = true;
    for (const { line, value } of group) {
      for (const field of PO_FIELDS) {
        const cell = value[field];
        if (cell === undefined) continue;
        const seen = header[field];
        if (!seen) header[field] = { value: cell, line };
        else if (seen.value !== cell) {
          errors.push({ line, message: `${field}: "${cell}" differs from "${seen.value}" on line ${seen.line}; every line of PO ${ref} must agree` });
          consistent = false;
        }
      }
    }
    const supplier = header.Supplier?.value;
    const status = header.Status?.value as StockyMappedStatus | undefined;
    if (!supplier) errors.push({ line: first, message: `Supplier: PO ${ref} names no supplier` });
    if (!status) errors.push({ line: first, message: `Status: PO ${ref} has no status` });

    const locationName = header.Location?.value;
    const location = locationName === undefined ? [...locations.values()].find((l) => l.id === fallbackId) : locations.get(locationName);
    if (!location)
      errors.push({
        line: header.Location?.line ?? first,
        message: locationName === undefined ? `Location: PO ${ref} names no location and the shop has no default location` : `Location: "${locationName}" is not one of the shop's locations`,
      });

    const vendor = supplier ? matchVendor(vendors, supplier) : null;
    if (typeof vendor === "string") errors.push({ line: header.Supplier!.line, message: `Supplier: ${vendor}` });

    const existing = stored.get(stockyPoNumber(ref)) ?? null;
    if (existing && existing.source !== STOCKY_SOURCE) errors.push({ line: first, message: `PO number: ${existing.number} already exists in Stockcast and was not imported from Stocky` });
    else if (existing && existing._count.receipts > 0)
      errors.push({ line: first, message: `PO number: PO ${ref} has been received in Stockcast since it was imported, so Stocky's copy can no longer change it; remove its rows from the file` });

    const lines: ImportedPoLine[] = [];
    const vendorSkus: { variantId: string; vendorSku: string }[] = [];
    const skuLine = new Map<string, number>();
    for (const { line, value } of group) {
      const matches = variants.get(value.SKU) ?? [];
      if (matches.length !== 1) {
        errors.push({ line, message: matches.length === 0 ? `SKU: "${value.SKU}" matches no product variant` : `SKU: "${value.SKU}" matches ${matches.length} variants; make SKUs unique first` });
        continue;
      }
      const twice = skuLine.get(value.SKU);
      if (twice !== undefined) {
        errors.push({ line, message: `SKU: "${value.SKU}" is already on line ${twice} of PO ${ref}; put each SKU on one line` });
        continue;
      }
      skuLine.set(value.SKU, line);
      const received = value["Quantity received"] ?? 0;
      if (received > value["Quantity ordered"]) {
        errors.push({ line, message: `Quantity received: ${received} is more than the ${value["Quantity ordered"]} ordered` });
        continue;
      }
      lines.push({ variantId: matches[0].id, quantityOrdered: value["Quantity ordered"], quantityReceived: received, unitCost: value.Cost ?? "0" });
      if (value["Supplier SKU"]) vendorSkus.push({ variantId: matches[0].id, vendorSku: value["Supplier SKU"] });
    }
    if (!consistent || !supplier || !status || !location || typeof vendor === "string") continue;

    // An "ordered" PO with units already received is partially received in Stockcast's terms.
    const effective: StockyMappedStatus = status === "sent" && lines.some((l) => l.quantityReceived > 0) ? "partially_received" : status;
    const orderedAt = header["Ordered at"]?.value;
    const statusChanged = !existing || existing.status !== effective;
    planned.push({
      ref,
      line: first,
      vendorName: supplier,
      existing,
      header: {
        vendorId: vendor?.id ?? null,
        destinationLocationId: location.id,
        status: effective,
        currency: header.Currency?.value ?? vendor?.currency ?? shopRow?.currencyCode ?? "USD",
        expectedAt: header["Expected at"] ? dayStart(header["Expected at"].value) : null,
        sentAt: orderedAt && effective !== "draft" ? dayStart(orderedAt) : null,
        // Stocky's export has no cancel/close dates: the import's time, kept while the status stays.
        ...(statusChanged ? { cancelledAt: effective === "cancelled" ? now : null, closedAt: effective === "closed" ? now : null } : {}),
      },
      lines,
      vendorSkus,
    });
  }

  return {
    errors,
    skipped: 0,
    write: async (tx) => {
      const counts = zeroCounts();
      // Suppliers named by the POs but not yet vendors are created with default terms (14-day lead time).
      const vendorIds = new Map<string, string>();
      for (const po of planned) {
        if (po.header.vendorId || vendorIds.has(po.vendorName.toLowerCase())) continue;
        const created = await createImportedVendor(shop, po.vendorName, {}, tx);
        await recordAudit(shop, { actor, action: "vendor.imported", entityType: VENDOR_ENTITY, entityId: created.id, before: null, after: { ...created, source: STOCKY_SOURCE } }, tx);
        vendorIds.set(po.vendorName.toLowerCase(), created.id);
        counts.vendorsCreated++;
      }
      for (const po of planned) {
        const header: ImportedPoHeader = { ...po.header, vendorId: po.header.vendorId ?? vendorIds.get(po.vendorName.toLowerCase())! };
        const number = stockyPoNumber(po.ref);
        const skus = await importVendorSkus(shop, header.vendorId, po.vendorSkus, actor, tx);
        if (skus) counts.vendorSkusSet = (counts.vendorSkusSet ?? 0) + skus;
        if (!po.existing) {
          const created = await createImportedPurchaseOrder(shop, { ...header, number, externalRef: po.ref, createdBy: actor, lines: po.lines }, tx);
          await recordAudit(shop, { actor, action: "purchase_order.imported", entityType: PO_ENTITY, entityId: created.id, before: null, after: poSnapshot(number, po.ref, header, po.lines) }, tx);
          counts.purchaseOrdersCreated++;
        } else if (unchanged(po.existing, header, po.lines)) {
          counts.purchaseOrdersUnchanged++;
        } else {
          await updateImportedPurchaseOrder(shop, po.existing.id, header, po.lines, tx);
          await recordAudit(
            shop,
            { actor, action: "purchase_order.import_updated", entityType: PO_ENTITY, entityId: po.existing.id, before: storedSnapshot(po.existing), after: poSnapshot(number, po.ref, header, po.lines) },
            tx,
          );
          counts.purchaseOrdersUpdated++;
        }
      }
      return { written: planned.reduce((n, po) => n + po.lines.length, 0), touched: [], counts };
    },
  };
}
