import prisma from "~/db.server";
import { SqlParams, variantMatchFilterSql } from "~/models/variant-search.server";
import { defaultDb, type Db } from "~/models/transaction.server";

/**
 * One page of a plan run's forecasts (newest run passed in), optionally filtered by demand class and by a
 * search of SKU / variant / product title (as a subquery: a search may match more variants than a statement
 * can bind ids).
 */
export async function listForecasts(shop: string, planRunId: string, q: { demandClass?: string; search?: string; page: number; pageSize: number }) {
  const select = { id: true, variantId: true, locationId: true, method: true, demandClass: true, abcClass: true, xyzClass: true, mean: true, rmsse: true, params: true } as const;
  const classes = prisma.forecast.groupBy({ by: ["demandClass"], where: { shop, planRunId }, _count: { _all: true } });
  const classCounts = async () => Object.fromEntries((await classes).map((c) => [c.demandClass, c._count._all]));
  if (!q.search) {
    const where = { shop, planRunId, ...(q.demandClass ? { demandClass: q.demandClass } : {}) };
    const [rows, total] = await Promise.all([
      prisma.forecast.findMany({ where, orderBy: [{ abcClass: "asc" }, { variantId: "asc" }, { locationId: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize, select }),
      prisma.forecast.count({ where }),
    ]);
    return { rows, total, classCounts: await classCounts() };
  }
  const p = new SqlParams();
  const where = [`"shop" = ${p.bind(shop)}`, `"planRunId" = ${p.bind(planRunId)}`];
  if (q.demandClass) where.push(`"demandClass" = ${p.bind(q.demandClass)}`);
  where.push(variantMatchFilterSql(`"variantId"`, shop, q.search, p));
  // Same order as the unfiltered listing (each database's own NULL placement for abcClass, as Prisma leaves it).
  const page = await prisma.$queryRawUnsafe<{ id: string; total: number | bigint }[]>(
    `SELECT "id", COUNT(*) OVER () AS "total" FROM "Forecast" WHERE ${where.join(" AND ")}
     ORDER BY "abcClass" ASC, "variantId" ASC, "locationId" ASC LIMIT ${p.bind(q.pageSize)} OFFSET ${p.bind((q.page - 1) * q.pageSize)}`,
    ...p.values,
  );
  const byId = new Map((await prisma.forecast.findMany({ where: { shop, id: { in: page.map((r) => r.id) } }, select })).map((r) => [r.id, r]));
  const total = page.length ? Number(page[0].total) : await countForecastsBeyondPage(where, p);
  return { rows: page.flatMap((r) => byId.get(r.id) ?? []), total, classCounts: await classCounts() };
}

/** A page past the end brings no row to read the total from: count apart. */
async function countForecastsBeyondPage(where: string[], p: SqlParams): Promise<number> {
  const values = p.values.slice(0, -2); // the LIMIT and OFFSET bound last
  const [row] = await prisma.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS "n" FROM "Forecast" WHERE ${where.join(" AND ")}`, ...values);
  return Number(row?.n ?? 0);
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
    select: { id: true, title: true, sku: true, inventoryPolicy: true, product: { select: { title: true, vendor: { select: { name: true } } } } },
  });
}

/** The planning overrides a merchant edits per variant (null = use the vendor's / shop's default). */
export interface VariantOverridesWrite {
  leadTimeOverrideDays: number | null;
  moqOverride: number | null;
  casePack: number | null;
  minQty: number | null;
  maxQty: number | null;
  doNotReorder: boolean;
}

const OVERRIDE_SELECT = { leadTimeOverrideDays: true, moqOverride: true, casePack: true, minQty: true, maxQty: true, doNotReorder: true } as const;

/** A variant's planning overrides with its vendor's defaults, or null when it is not this shop's. */
export function findVariantOverrides(shop: string, variantId: string, db: Db = defaultDb) {
  return db.variant.findFirst({
    where: { shop, id: variantId, deletedAt: null },
    select: { id: true, ...OVERRIDE_SELECT, product: { select: { vendor: { select: { id: true, name: true, statedLeadTimeDays: true, moq: true } } } } },
  });
}

/**
 * Writes the overrides only if they still equal `expected` (what the editor loaded): false when someone
 * changed them in between. Comparing the fields themselves, not updatedAt, keeps catalog syncs from
 * causing false conflicts.
 */
export async function updateVariantOverridesIfUnchanged(shop: string, variantId: string, expected: VariantOverridesWrite, data: VariantOverridesWrite, db: Db = defaultDb) {
  const { count } = await db.variant.updateMany({ where: { shop, id: variantId, deletedAt: null, ...expected }, data });
  return count === 1;
}

/** Manual forecast overrides of one variant (optionally one location), by start date. */
export function listForecastOverrides(shop: string, variantId: string, locationId?: string) {
  return prisma.forecastOverride.findMany({
    where: { shop, variantId, ...(locationId ? { locationId } : {}) },
    orderBy: [{ startDate: "asc" }, { createdAt: "asc" }],
  });
}

export function createForecastOverride(
  shop: string,
  data: { variantId: string; locationId: string; startDate: string; endDate: string; dailyUnits: number; note: string | null; createdBy: string },
  db: Db = defaultDb,
) {
  return db.forecastOverride.create({ data: { shop, ...data } });
}

export function findForecastOverride(shop: string, variantId: string, id: string, db: Db = defaultDb) {
  return db.forecastOverride.findFirst({ where: { shop, variantId, id } });
}

/** Deletes one override; false when it was already gone (or is another shop's). */
export async function deleteForecastOverride(shop: string, variantId: string, id: string, db: Db = defaultDb) {
  const { count } = await db.forecastOverride.deleteMany({ where: { shop, variantId, id } });
  return count === 1;
}

/** Whether the location is one of the shop's. */
export async function locationExists(shop: string, locationId: string) {
  return (await prisma.location.count({ where: { shop, id: locationId } })) === 1;
}

/**
 * A variant's audit trail, newest first: its own entries (overrides, forecast overrides) and the quantity
 * edits made to its replenishment lines.
 */
export async function listVariantAudit(shop: string, variantId: string, take = 100) {
  const lines = await prisma.replenishmentLine.findMany({ where: { shop, variantId }, select: { id: true } });
  return prisma.auditEntry.findMany({
    where: {
      shop,
      OR: [{ entityType: "Variant", entityId: variantId }, ...(lines.length ? [{ entityType: "ReplenishmentLine", entityId: { in: lines.map((l) => l.id) } }] : [])],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
  });
}
