import prisma from "~/db.server";

/** One page of a plan run's forecasts (newest run passed in), optionally filtered by demand class. */
export async function listForecasts(shop: string, planRunId: string, q: { demandClass?: string; variantIds?: string[]; page: number; pageSize: number }) {
  const where = {
    shop,
    planRunId,
    ...(q.demandClass ? { demandClass: q.demandClass } : {}),
    ...(q.variantIds ? { variantId: { in: q.variantIds } } : {}),
  };
  const [rows, total, classes] = await Promise.all([
    prisma.forecast.findMany({
      where,
      orderBy: [{ abcClass: "asc" }, { variantId: "asc" }, { locationId: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: { id: true, variantId: true, locationId: true, method: true, demandClass: true, abcClass: true, mean: true, rmsse: true, params: true },
    }),
    prisma.forecast.count({ where }),
    prisma.forecast.groupBy({ by: ["demandClass"], where: { shop, planRunId }, _count: { _all: true } }),
  ]);
  return { rows, total, classCounts: Object.fromEntries(classes.map((c) => [c.demandClass, c._count._all])) };
}

export function findForecast(shop: string, planRunId: string, variantId: string, locationId: string) {
  return prisma.forecast.findUnique({ where: { planRunId_variantId_locationId: { planRunId, variantId, locationId }, shop } });
}

export function findReplenishmentLine(shop: string, planRunId: string, variantId: string, locationId: string) {
  return prisma.replenishmentLine.findUnique({ where: { planRunId_variantId_locationId: { planRunId, variantId, locationId }, shop } });
}

export function listLocationsOfVariant(shop: string, planRunId: string, variantId: string) {
  return prisma.forecast.findMany({ where: { shop, planRunId, variantId }, select: { locationId: true } });
}

/** Daily demand and stocked-out days of one variant × location since `fromDate`. */
export async function demandHistory(shop: string, variantId: string, locationId: string, fromDate: string) {
  const [days, stockouts] = await Promise.all([
    prisma.demandDay.findMany({ where: { shop, variantId, locationId, date: { gte: fromDate } }, select: { date: true, units: true } }),
    prisma.inventorySnapshot.findMany({ where: { shop, variantId, locationId, stockedOut: true, date: { gte: fromDate } }, select: { date: true } }),
  ]);
  return { days, stockoutDates: stockouts.map((s) => s.date) };
}

export function findVariantWithProduct(shop: string, variantId: string) {
  return prisma.variant.findFirst({
    where: { shop, id: variantId },
    select: { id: true, title: true, sku: true, product: { select: { title: true, vendor: { select: { name: true } } } } },
  });
}
