import { defaultDb, type Db } from "./transaction.server";

// Persistence for the Stocky import: vendors matched by name, purchase orders imported from Stocky (source
// "stocky", externalRef = Stocky's PO number, number = "STOCKY-" + that number, unique per shop).

export const STOCKY_SOURCE = "stocky";

const VENDOR_FIELDS = { id: true, name: true, email: true, phone: true, contactName: true, statedLeadTimeDays: true, moq: true, currency: true, notes: true } as const;

export interface VendorFields {
  email?: string;
  phone?: string;
  contactName?: string;
  statedLeadTimeDays?: number;
  moq?: number;
  currency?: string;
  notes?: string;
}

/** Every vendor of the shop (a shop has tens, not thousands). */
export function listVendorsForImport(shop: string, db: Db = defaultDb) {
  return db.vendor.findMany({ where: { shop }, select: VENDOR_FIELDS, orderBy: { name: "asc" } });
}
export type ImportVendor = Awaited<ReturnType<typeof listVendorsForImport>>[number];

export function createImportedVendor(shop: string, name: string, fields: VendorFields, db: Db = defaultDb) {
  return db.vendor.create({ data: { shop, name, ...fields }, select: VENDOR_FIELDS });
}

export async function updateImportedVendor(shop: string, id: string, fields: VendorFields, db: Db = defaultDb) {
  await db.vendor.updateMany({ where: { shop, id }, data: fields });
  return db.vendor.findFirstOrThrow({ where: { shop, id }, select: VENDOR_FIELDS });
}

/** Purchase orders already stored under these numbers, with their lines and whether Stockcast received them. */
export function findPurchaseOrdersByNumber(shop: string, numbers: string[], db: Db = defaultDb) {
  return db.purchaseOrder.findMany({
    where: { shop, number: { in: [...new Set(numbers)] } },
    select: {
      id: true,
      number: true,
      source: true,
      externalRef: true,
      vendorId: true,
      destinationLocationId: true,
      status: true,
      currency: true,
      expectedAt: true,
      sentAt: true,
      version: true,
      lines: { select: { id: true, variantId: true, quantityOrdered: true, quantityReceived: true, unitCost: true }, orderBy: { variantId: "asc" } },
      _count: { select: { receipts: true } },
    },
  });
}
export type StoredImportedPo = Awaited<ReturnType<typeof findPurchaseOrdersByNumber>>[number];

export interface ImportedPoHeader {
  vendorId: string;
  destinationLocationId: string;
  status: string;
  currency: string;
  expectedAt: Date | null;
  sentAt: Date | null;
  /** Left out: kept as stored. */
  cancelledAt?: Date | null;
  closedAt?: Date | null;
}
export interface ImportedPoLine {
  variantId: string;
  quantityOrdered: number;
  quantityReceived: number;
  /** Decimal string. */
  unitCost: string;
}

export function createImportedPurchaseOrder(
  shop: string,
  po: ImportedPoHeader & { number: string; externalRef: string; createdBy: string; lines: ImportedPoLine[] },
  db: Db = defaultDb,
) {
  const { lines, ...header } = po;
  return db.purchaseOrder.create({
    data: { shop, ...header, source: STOCKY_SOURCE, lines: { create: lines.map((l) => ({ shop, ...l })) } },
    select: { id: true },
  });
}

/** Rewrites an imported PO to match the file: header, lines upserted by variant, lines no longer listed removed. */
export async function updateImportedPurchaseOrder(shop: string, id: string, header: ImportedPoHeader, lines: ImportedPoLine[], db: Db = defaultDb) {
  await db.purchaseOrder.updateMany({ where: { shop, id }, data: { ...header, version: { increment: 1 } } });
  await db.purchaseOrderLine.deleteMany({ where: { shop, purchaseOrderId: id, variantId: { notIn: lines.map((l) => l.variantId) } } });
  for (const line of lines) {
    await db.purchaseOrderLine.upsert({
      where: { purchaseOrderId_variantId: { purchaseOrderId: id, variantId: line.variantId } },
      create: { shop, purchaseOrderId: id, ...line },
      update: { quantityOrdered: line.quantityOrdered, quantityReceived: line.quantityReceived, unitCost: line.unitCost },
    });
  }
}
