import prisma from "~/db.server";
import { defaultDb, type Db } from "~/models/transaction.server";

/** Vendors with their product counts. */
export function listVendorsWithCounts(shop: string) {
  return prisma.vendor.findMany({
    where: { shop },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, statedLeadTimeDays: true, moq: true, currency: true, _count: { select: { products: { where: { deletedAt: null } } } } },
  });
}

/** Purchase orders sent since `since` or still open, with lines and receipts (the vendor's delivery record). */
export function listSentPurchaseOrders(shop: string, since: Date, openStatuses: readonly string[]) {
  return prisma.purchaseOrder.findMany({
    where: { shop, status: { not: "cancelled" }, OR: [{ sentAt: { gte: since } }, { status: { in: [...openStatuses] } }] },
    select: {
      vendorId: true,
      status: true,
      sentAt: true,
      expectedAt: true,
      lines: { select: { variantId: true, quantityOrdered: true, quantityReceived: true, unitCost: true } },
      receipts: { select: { receivedAt: true }, orderBy: { receivedAt: "asc" } },
    },
  });
}

/** One vendor of the shop (null when it belongs to another shop or does not exist). */
export function findVendor(shop: string, id: string, db: Db = defaultDb) {
  return db.vendor.findFirst({
    where: { shop, id },
    select: {
      id: true,
      name: true,
      contactName: true,
      email: true,
      phone: true,
      currency: true,
      statedLeadTimeDays: true,
      moq: true,
      notes: true,
      updatedAt: true,
      _count: { select: { products: { where: { deletedAt: null } } } },
    },
  });
}

export interface VendorWrite {
  contactName: string | null;
  email: string | null;
  phone: string | null;
  currency: string;
  statedLeadTimeDays: number;
  moq: number | null;
  notes: string | null;
}

/**
 * Writes the editable fields only if the vendor still has the `updatedAt` the editor loaded (optimistic
 * concurrency): returns false when someone saved in between, so no update is lost silently.
 */
export async function updateVendorIfUnchanged(shop: string, id: string, expectedUpdatedAt: Date, data: VendorWrite, db: Db = defaultDb) {
  const { count } = await db.vendor.updateMany({ where: { shop, id, updatedAt: expectedUpdatedAt }, data });
  return count === 1;
}

/** The vendor's purchase orders sent since `since` or still open, newest first, with lines and first receipt. */
export function listVendorPurchaseOrders(shop: string, vendorId: string, since: Date, openStatuses: readonly string[]) {
  return prisma.purchaseOrder.findMany({
    where: { shop, vendorId, status: { not: "cancelled" }, OR: [{ sentAt: { gte: since } }, { status: { in: [...openStatuses] } }] },
    orderBy: [{ createdAt: "desc" }],
    select: {
      id: true,
      number: true,
      vendorId: true,
      status: true,
      currency: true,
      sentAt: true,
      expectedAt: true,
      confirmedEta: true,
      lines: { select: { variantId: true, quantityOrdered: true, quantityReceived: true, unitCost: true } },
      receipts: { select: { receivedAt: true }, orderBy: { receivedAt: "asc" } },
    },
  });
}
