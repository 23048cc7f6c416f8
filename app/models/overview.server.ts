import prisma from "~/db.server";

/** On-hand stock with unit cost, per variant × location (positive on hand only). */
export function listStockOnHand(shop: string) {
  return prisma.inventoryLevel.findMany({
    where: { shop, onHand: { gt: 0 } },
    select: { variantId: true, locationId: true, onHand: true, variant: { select: { unitCost: true, price: true } } },
  });
}

/** The latest complete plan's lines with what the KPIs need. */
export function listPlanLinesForKpis(shop: string, planRunId: string) {
  return prisma.replenishmentLine.findMany({
    where: { shop, planRunId },
    select: { variantId: true, locationId: true, urgency: true, available: true, leadTimeDemand: true, avgDailyDemand: true, unitCost: true, projectedStockoutDate: true, suggestedQty: true },
  });
}

/** Variant × locations that sold anything since `fromDate`. */
export async function sellersSince(shop: string, fromDate: string): Promise<Set<string>> {
  const rows = await prisma.demandDay.groupBy({ by: ["variantId", "locationId"], where: { shop, date: { gte: fromDate }, units: { gt: 0 } } });
  return new Set(rows.map((r) => `${r.variantId}|${r.locationId}`));
}

/** Stocked-out variant-location-days since `fromDate`, and all snapshot days, for the stockout rate. */
export async function stockoutDays(shop: string, fromDate: string) {
  const [out, all] = await Promise.all([
    prisma.inventorySnapshot.findMany({ where: { shop, date: { gte: fromDate }, stockedOut: true }, select: { variantId: true, locationId: true } }),
    prisma.inventorySnapshot.count({ where: { shop, date: { gte: fromDate } } }),
  ]);
  return { out, all };
}

/** Remaining quantity × unit cost of open purchase-order lines. */
export function listOpenPoLines(shop: string, statuses: readonly string[]) {
  return prisma.purchaseOrderLine.findMany({
    where: { shop, purchaseOrder: { status: { in: [...statuses] } } },
    select: { quantityOrdered: true, quantityReceived: true, unitCost: true },
  });
}
