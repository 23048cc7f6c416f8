import prisma from "~/db.server";

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
      lines: { select: { quantityOrdered: true, quantityReceived: true, unitCost: true } },
      receipts: { select: { receivedAt: true }, orderBy: { receivedAt: "asc" } },
    },
  });
}
