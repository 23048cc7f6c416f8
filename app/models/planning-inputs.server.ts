import { Prisma } from "@prisma/client";
import prisma, { isPostgres } from "~/db.server";
import { inIdChunks } from "~/models/id-chunks.server";

/** Open-PO statuses whose remaining quantity is on order (approved but not fully received). */
export const ON_ORDER_STATUSES = ["approved", "sent", "partially_received"] as const;
/** PO statuses whose units are drafted, not yet ordered (docs/on-order.md). */
export const DRAFTED_STATUSES = ["draft", "pending_approval"] as const;

/**
 * Mean unit cost (decimal string) of the shop's tracked, live variants with a known cost, each at its landed
 * cost where it has one (as the plan values it: docs/landed-cost.md); null when none has a cost.
 */
export async function meanTrackedUnitCost(shop: string): Promise<string | null> {
  const live = { shop, deletedAt: null, tracked: true };
  const [landed, shopify] = await Promise.all([
    prisma.variant.aggregate({ where: { ...live, landedUnitCost: { gt: 0 } }, _sum: { landedUnitCost: true }, _count: { _all: true } }),
    prisma.variant.aggregate({ where: { ...live, landedUnitCost: null, unitCost: { gt: 0 } }, _sum: { unitCost: true }, _count: { _all: true } }),
  ]);
  const count = landed._count._all + shopify._count._all;
  if (count === 0) return null;
  const sum = new Prisma.Decimal(landed._sum.landedUnitCost ?? 0).plus(shopify._sum.unitCost ?? 0);
  return sum.dividedBy(count).toString();
}

/** Variants to plan (not deleted; all, those of `ids`, or those after `after`), with product, vendor and planning overrides. */
export async function listPlannableVariants(shop: string, ids?: readonly string[], after?: string) {
  if (ids) return (await inIdChunks([...ids], (chunk) => findPlannableVariants(shop, chunk))).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return findPlannableVariants(shop, undefined, after);
}

/** `after`: only ids after it, in the database's own order (the order a run plans and resumes in). */
function findPlannableVariants(shop: string, ids?: string[], after?: string) {
  return prisma.variant.findMany({
    where: { shop, deletedAt: null, ...(ids ? { id: { in: ids } } : after ? { id: { gt: after } } : {}) },
    select: {
      id: true,
      title: true,
      sku: true,
      tracked: true,
      doNotReorder: true,
      inventoryPolicy: true,
      unitCost: true,
      landedUnitCost: true,
      price: true,
      casePack: true,
      moqOverride: true,
      leadTimeOverrideDays: true,
      minQty: true,
      maxQty: true,
      product: { select: { title: true, status: true, vendorId: true, productType: true } },
    },
    orderBy: { id: "asc" },
  });
}

export function listActiveLocations(shop: string) {
  return prisma.location.findMany({ where: { shop, deletedAt: null, active: true }, select: { id: true, name: true } });
}

export function listVendors(shop: string) {
  return prisma.vendor.findMany({ where: { shop }, select: { id: true, name: true, statedLeadTimeDays: true, moq: true } });
}

export function listInventoryLevels(shop: string, variantIds: string[]) {
  return prisma.inventoryLevel.findMany({
    where: { shop, variantId: { in: variantIds } },
    select: { variantId: true, locationId: true, available: true, onHand: true, committed: true, incoming: true },
  });
}

/**
 * Demand of these variants in [fromDate, toDate], one row per variant × location with its days packed into a
 * string ("date=units,…", null when it sold only after `toDate`), and each series' revenue since `revenueFrom`
 * (any later date included, as ABC's revenue read always was). Packed because a plan reads millions of demand
 * days: row-by-row through the client cost more than the forecasts (docs/benchmarks.md, "Plan run at scale"),
 * and a worker thread unpacks them (plan-chunk.ts). The revenue comes with the same rows, so ABC classes need
 * no second pass over a year of DemandDay.
 */
export async function listDemandSeries(shop: string, variantIds: string[], fromDate: string, toDate: string, revenueFrom = toDate) {
  if (variantIds.length === 0) return [];
  const p = (i: number) => (isPostgres ? `$${i}` : "?");
  // SQLite (no ANALYZE statistics) would pick the (shop, date) index for the date range and read every
  // variant's two years per chunk; unary + keeps it on (shop, variantId, locationId, date).
  const date = isPostgres ? `"date"` : `+"date"`;
  // Parameters are numbered in the order they appear: SQLite binds its "?" by position.
  const day = `CASE WHEN "date" <= ${p(1)} THEN "date" || '=' || "units" END`;
  const packed = isPostgres ? `string_agg(${day}, ',')` : `group_concat(${day}, ',')`;
  const revenue = `SUM(CASE WHEN "date" >= ${p(2)} THEN "revenue" ELSE 0 END)`;
  const marks = variantIds.map((_, i) => p(i + 5)).join(", ");
  const rows = await prisma.$queryRawUnsafe<{ variantId: string; locationId: string; days: string | null; revenue: unknown }[]>(
    `SELECT "variantId", "locationId", ${packed} AS "days", ${revenue} AS "revenue" FROM "DemandDay"
     WHERE "shop" = ${p(3)} AND ${date} >= ${p(4)} AND "variantId" IN (${marks})
     GROUP BY "variantId", "locationId"`,
    toDate,
    revenueFrom,
    shop,
    fromDate,
    ...variantIds,
  );
  // Decimal sums arrive as numbers (SQLite) or Decimal/strings (PostgreSQL): as strings for toCents.
  return rows.map((r) => ({ variantId: r.variantId, locationId: r.locationId, days: r.days, revenue: String(r.revenue ?? 0) }));
}

/** Stocked-out days of these variants in [fromDate, toDate] (raw for the same index reason as listDemandSeries). */
export async function listStockoutDays(shop: string, variantIds: string[], fromDate: string, toDate: string) {
  if (variantIds.length === 0) return [];
  const p = (i: number) => (isPostgres ? `$${i}` : "?");
  const date = isPostgres ? `"date"` : `+"date"`;
  const marks = variantIds.map((_, i) => p(i + 4)).join(", ");
  return prisma.$queryRawUnsafe<{ variantId: string; locationId: string; date: string }[]>(
    `SELECT "variantId", "locationId", "date" FROM "InventorySnapshot"
     WHERE "shop" = ${p(1)} AND "stockedOut" AND ${date} >= ${p(2)} AND ${date} <= ${p(3)} AND "variantId" IN (${marks})`,
    shop,
    fromDate,
    toDate,
    ...variantIds,
  );
}

/**
 * Revenue per variant since `fromDate` (all locations), for a first plan's ABC classes. Raw, on the
 * (shop, variantId, locationId, date) index: SQLite would take (shop, date) and fetch a year of rows in date
 * order, 10× slower on a cold cache (docs/benchmarks.md).
 */
export async function revenueByVariant(shop: string, fromDate: string) {
  const date = isPostgres ? `"date"` : `+"date"`;
  const p = (i: number) => (isPostgres ? `$${i}` : "?");
  const rows = await prisma.$queryRawUnsafe<{ variantId: string; revenue: unknown }[]>(
    `SELECT "variantId", SUM("revenue") AS "revenue" FROM "DemandDay" WHERE "shop" = ${p(1)} AND ${date} >= ${p(2)} GROUP BY "variantId"`,
    shop,
    fromDate,
  );
  return rows.map((r) => ({ variantId: r.variantId, revenue: String(r.revenue ?? 0) }));
}

/**
 * The shop's sales calendar in [fromDate, toDate]: units sold per date (dates without a row sold
 * nothing) and each variant × location's first and last day with a sale, for closedDays.
 */
export async function salesCalendar(shop: string, fromDate: string, toDate: string) {
  const p = (i: number) => (isPostgres ? `$${i}` : "?");
  const [totals, spans] = await Promise.all([
    prisma.$queryRawUnsafe<{ date: string; units: unknown }[]>(
      `SELECT "date", SUM("units") AS "units" FROM "DemandDay" WHERE "shop" = ${p(1)} AND "date" >= ${p(2)} AND "date" <= ${p(3)} GROUP BY "date"`,
      shop,
      fromDate,
      toDate,
    ),
    prisma.$queryRawUnsafe<{ variantId: string; locationId: string; first: string; last: string }[]>(
      `SELECT "variantId", "locationId", MIN("date") AS "first", MAX("date") AS "last" FROM "DemandDay"
       WHERE "shop" = ${p(1)} AND "date" >= ${p(2)} AND "date" <= ${p(3)} AND "units" > 0 GROUP BY "variantId", "locationId"`,
      shop,
      fromDate,
      toDate,
    ),
  ]);
  return { totals: totals.map((t) => ({ date: t.date, units: Number(t.units ?? 0) })), spans };
}

/** Remaining quantities of open purchase-order lines, with destination, expected arrival and the PO's source ("stockcast", "stocky"). */
export async function listOpenPurchaseOrderLines(shop: string, variantIds?: readonly string[]) {
  if (variantIds) return inIdChunks([...variantIds], (ids) => findOpenPurchaseOrderLines(shop, ids));
  return findOpenPurchaseOrderLines(shop);
}

async function findOpenPurchaseOrderLines(shop: string, variantIds?: string[]) {
  const lines = await prisma.purchaseOrderLine.findMany({
    where: { shop, ...(variantIds ? { variantId: { in: variantIds } } : {}), purchaseOrder: { status: { in: [...ON_ORDER_STATUSES, ...DRAFTED_STATUSES] } } },
    select: {
      variantId: true,
      quantityOrdered: true,
      quantityReceived: true,
      purchaseOrder: { select: { destinationLocationId: true, expectedAt: true, confirmedEta: true, source: true, status: true } },
    },
  });
  return lines.map((l) => ({
    variantId: l.variantId,
    locationId: l.purchaseOrder.destinationLocationId,
    remaining: Math.max(0, l.quantityOrdered - l.quantityReceived),
    /** When the units arrive: the vendor-confirmed ETA when there is one, else the expected date. */
    expectedAt: l.purchaseOrder.confirmedEta ?? l.purchaseOrder.expectedAt,
    source: l.purchaseOrder.source,
    /** Not yet ordered: drafted units (the suggestion is net of them), not on order. */
    drafted: (DRAFTED_STATUSES as readonly string[]).includes(l.purchaseOrder.status),
  }));
}

/** Days from sending each PO to its first receipt, per vendor: observed lead times. */
export async function observedLeadTimes(shop: string): Promise<Map<string, number[]>> {
  const orders = await prisma.purchaseOrder.findMany({
    where: { shop, sentAt: { not: null }, receipts: { some: {} } },
    select: { vendorId: true, sentAt: true, receipts: { select: { receivedAt: true }, orderBy: { receivedAt: "asc" }, take: 1 } },
  });
  const byVendor = new Map<string, number[]>();
  for (const o of orders) {
    const days = (o.receipts[0].receivedAt.getTime() - o.sentAt!.getTime()) / 86_400_000;
    if (days >= 0) byVendor.set(o.vendorId, [...(byVendor.get(o.vendorId) ?? []), days]);
  }
  return byVendor;
}

/** Manual forecast overrides of these variants that end on or after `fromDate`, oldest first (later ones win). */
export function listActiveForecastOverrides(shop: string, variantIds: string[], fromDate: string) {
  return prisma.forecastOverride.findMany({
    where: { shop, variantId: { in: variantIds }, endDate: { gte: fromDate } },
    select: { id: true, variantId: true, locationId: true, startDate: true, endDate: true, dailyUnits: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/**
 * Variants whose plan inputs changed since `since`: stock levels, order lines (orders, edits, refunds),
 * the variant itself (cost, tracking, planning overrides), purchase orders and forecast overrides. Sorted;
 * at most `limit` (the caller treats `limit` as "too many").
 */
export async function variantsTouchedSince(shop: string, since: Date, limit: number): Promise<string[]> {
  const after = { gt: since };
  const [levels, orderLines, variants, orders, overrides, audited, vendorVariants, productVariants, lineEdits] = await Promise.all([
    prisma.inventoryLevel.findMany({ where: { shop, updatedAt: after }, select: { variantId: true }, distinct: ["variantId"], take: limit }),
    prisma.orderLine.findMany({ where: { shop, updatedAt: after, variantId: { not: null } }, select: { variantId: true }, distinct: ["variantId"], take: limit }),
    prisma.variant.findMany({ where: { shop, updatedAt: after }, select: { id: true }, take: limit }),
    prisma.purchaseOrderLine.findMany({ where: { shop, purchaseOrder: { updatedAt: after } }, select: { variantId: true }, distinct: ["variantId"], take: limit }),
    prisma.forecastOverride.findMany({ where: { shop, createdAt: after }, select: { variantId: true }, distinct: ["variantId"], take: limit }),
    // A removed forecast override leaves no row behind, only its audit entry.
    prisma.auditEntry.findMany({ where: { shop, entityType: "Variant", at: after }, select: { entityId: true }, distinct: ["entityId"], take: limit }),
    // A vendor's lead time or minimum order moves every one of its variants' lines.
    prisma.variant.findMany({ where: { shop, product: { vendor: { updatedAt: after } } }, select: { id: true }, take: limit }),
    // A product's status or vendor (products/update) moves all its variants.
    prisma.variant.findMany({ where: { shop, product: { updatedAt: after } }, select: { id: true }, take: limit }),
    // A line removed from a PO leaves no line behind, only the edit's audit entry (its `before` names it).
    prisma.auditEntry.findMany({ where: { shop, entityType: "PurchaseOrder", action: "purchase_order.lines_updated", at: after }, select: { before: true }, take: limit }),
  ]);
  const ids = new Set<string>([
    ...levels.map((r) => r.variantId),
    ...orderLines.flatMap((r) => (r.variantId ? [r.variantId] : [])),
    ...variants.map((r) => r.id),
    ...orders.map((r) => r.variantId),
    ...overrides.map((r) => r.variantId),
    ...audited.map((r) => r.entityId),
    ...vendorVariants.map((r) => r.id),
    ...productVariants.map((r) => r.id),
    ...lineEdits.flatMap((r) => editedLineVariants(r.before)),
  ]);
  // A bundle sale is its components' demand: components of bundles with changed lines are touched too.
  const bundleLines = orderLines.flatMap((r) => (r.variantId ? [r.variantId] : []));
  if (bundleLines.length) {
    const rows = await inIdChunks(bundleLines, (chunk) =>
      prisma.bundleComponent.findMany({ where: { shop, bundleVariantId: { in: chunk } }, select: { componentVariantId: true } }),
    );
    for (const r of rows) ids.add(r.componentVariantId);
  }
  return [...ids].sort().slice(0, limit);
}

/** The variant ids in a "purchase_order.lines_updated" snapshot ({ lines: [{ variantId }] }); none when malformed. */
function editedLineVariants(snapshot: unknown): string[] {
  const lines = snapshot && typeof snapshot === "object" && "lines" in snapshot ? (snapshot as { lines: unknown }).lines : null;
  if (!Array.isArray(lines)) return [];
  return lines.flatMap((l) => (l && typeof l === "object" && typeof (l as { variantId?: unknown }).variantId === "string" ? [(l as { variantId: string }).variantId] : []));
}

/**
 * ABC classes the given plan run assigned, by variant: to all its variants (one raw read of ~100 k lines for a
 * full run's provisional classes), or to these (an incremental run).
 */
export async function abcClassesInRun(shop: string, planRunId: string, variantIds?: readonly string[]): Promise<Record<string, string>> {
  const rows = variantIds
    ? await inIdChunks([...variantIds], (ids) =>
        // `+"shop"` on SQLite: seek each variant in the (planRunId, variantId) key, not the run's every line.
        prisma.$queryRawUnsafe<{ variantId: string; abcClass: string }[]>(
          `SELECT DISTINCT "variantId", "abcClass" FROM "ReplenishmentLine" WHERE ${isPostgres ? "" : "+"}"shop" = ${isPostgres ? "$1" : "?"} AND "planRunId" = ${isPostgres ? "$2" : "?"}
             AND "variantId" IN (${ids.map((_, i) => (isPostgres ? `$${i + 3}` : "?")).join(", ")}) AND "abcClass" IS NOT NULL`,
          shop,
          planRunId,
          ...ids,
        ),
      )
    : await prisma.$queryRaw<{ variantId: string; abcClass: string }[]>`
        SELECT DISTINCT "variantId", "abcClass" FROM "ReplenishmentLine" WHERE "shop" = ${shop} AND "planRunId" = ${planRunId} AND "abcClass" IS NOT NULL`;
  return Object.fromEntries(rows.map((r) => [r.variantId, r.abcClass!]));
}
