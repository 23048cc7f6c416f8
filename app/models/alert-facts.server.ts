import prisma, { isPostgres } from "~/db.server";

// The facts the alert rules read, one reader per fact kind (see AlertFacts in app/lib/alerts/rule.ts), each
// shop-scoped. The Alert table's own reads and writes are in alerts.server.ts.

const p = (i: number) => (isPostgres ? `$${i}` : "?");

/** Sent purchase orders not fully received, with vendor and expected date. */
export function listOpenSentPurchaseOrders(shop: string) {
  return prisma.purchaseOrder.findMany({
    where: { shop, status: { in: ["sent", "partially_received"] } },
    select: { id: true, number: true, expectedAt: true, confirmedEta: true, vendorId: true, vendor: { select: { name: true } } },
  });
}

/** A plan line with the facts the stock and dead-stock rules read, its current stock and its variant's names. */
export interface PlanLineForAlerts {
  /** The ReplenishmentLine's id (what "Create draft PO" orders). */
  id: string;
  vendorId: string | null;
  /** The merchant's edited quantity, else the plan's suggestion. */
  orderQty: number;
  variantId: string;
  locationId: string;
  onHand: number;
  available: number;
  onOrder: number;
  inventoryPosition: number;
  reorderPoint: number;
  leadTimeDays: number;
  daysOfCover: number | null;
  projectedStockoutDate: string | null;
  avgDailyDemand: number;
  /** Decimal as the database returns it (read with toString). */
  unitCost: { toString(): string } | null;
  /** InventoryLevel now (what webhooks reported since the plan), when the level exists. */
  stockNow: { available: number; onHand: number } | null;
  variantTitle: string | null;
  productTitle: string | null;
  variantCreatedAt: Date | null;
  /** Do-not-reorder flag or archived product. */
  notReordered: boolean;
  /** Shopify's inventory policy of the variant (null: not synced yet). */
  inventoryPolicy: string | null;
}

type Raw = Record<string, unknown>;
const num = (v: unknown) => Number(v);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * One page of the run's plan lines, in (variant, location) order after `after`, with current stock, names and
 * flags joined in one statement (per-variant id slices through the client took seconds at 100,000 lines).
 */
export async function listPlanLinesForAlerts(
  shop: string,
  planRunId: string,
  page: { after: { variantId: string; locationId: string } | null; limit: number; variantIds?: readonly string[] },
): Promise<PlanLineForAlerts[]> {
  // The ">=" alone is what lets both databases seek in the (planRunId, variantId, locationId) index.
  const after = page.after ? `AND r."variantId" >= ${p(3)} AND (r."variantId" > ${p(4)} OR (r."variantId" = ${p(5)} AND r."locationId" > ${p(6)}))` : "";
  const afterParams = page.after ? [page.after.variantId, page.after.variantId, page.after.variantId, page.after.locationId] : [];
  // Only these variants (at most IDS_PER_QUERY): an incremental re-plan's alerts.
  const firstId = 3 + afterParams.length;
  const only = page.variantIds ? `AND r."variantId" IN (${page.variantIds.map((_, i) => p(firstId + i)).join(", ") || "NULL"})` : "";
  const rows = await prisma.$queryRawUnsafe<Raw[]>(
    `SELECT r."id", r."vendorId", COALESCE(r."editedQty", r."suggestedQty") AS "orderQty", r."variantId", r."locationId", r."onHand", r."available", r."onOrder", r."inventoryPosition", r."reorderPoint", r."leadTimeDays",
       r."daysOfCover", r."projectedStockoutDate", r."avgDailyDemand", r."unitCost", i."available" AS "availableNow", i."onHand" AS "onHandNow",
       v."title" AS "variantTitle", pr."title" AS "productTitle", v."createdAt" AS "variantCreatedAt", v."inventoryPolicy" AS "inventoryPolicy",
       CASE WHEN v."doNotReorder" OR pr."status" = 'ARCHIVED' THEN 1 ELSE 0 END AS "notReordered"
     FROM "ReplenishmentLine" r
     LEFT JOIN "InventoryLevel" i ON i."shop" = r."shop" AND i."variantId" = r."variantId" AND i."locationId" = r."locationId"
     LEFT JOIN "Variant" v ON v."shop" = r."shop" AND v."id" = r."variantId"
     LEFT JOIN "Product" pr ON pr."shop" = v."shop" AND pr."id" = v."productId"
     WHERE ${isPostgres ? "" : "+"}r."shop" = ${p(1)} AND r."planRunId" = ${p(2)} ${after} ${only}
     ORDER BY r."variantId", r."locationId" LIMIT ${Math.max(1, Math.floor(page.limit))}`,
    shop,
    planRunId,
    ...afterParams,
    ...(page.variantIds ?? []),
  );
  return rows.map((r) => ({
    id: String(r.id),
    vendorId: strOrNull(r.vendorId),
    orderQty: num(r.orderQty),
    variantId: String(r.variantId),
    locationId: String(r.locationId),
    onHand: num(r.onHand),
    available: num(r.available),
    onOrder: num(r.onOrder),
    inventoryPosition: num(r.inventoryPosition),
    reorderPoint: num(r.reorderPoint),
    leadTimeDays: num(r.leadTimeDays),
    daysOfCover: numOrNull(r.daysOfCover),
    projectedStockoutDate: strOrNull(r.projectedStockoutDate),
    avgDailyDemand: num(r.avgDailyDemand),
    unitCost: (r.unitCost ?? null) as { toString(): string } | null,
    stockNow: r.availableNow === null || r.availableNow === undefined ? null : { available: num(r.availableNow), onHand: num(r.onHandNow) },
    variantTitle: strOrNull(r.variantTitle),
    productTitle: strOrNull(r.productTitle),
    variantCreatedAt: r.variantCreatedAt === null || r.variantCreatedAt === undefined ? null : new Date(r.variantCreatedAt as string | number | Date),
    notReordered: num(r.notReordered) === 1,
    inventoryPolicy: strOrNull(r.inventoryPolicy),
  }));
}

/**
 * The last day with a sale of each variant × location ("variantId|locationId" → "YYYY-MM-DD"; absent when it
 * never sold): one backward step on the (shop, variant, location, date) index per series, not a scan of history.
 */
export async function lastSaleDays(shop: string, series: readonly { variantId: string; locationId: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < series.length; i += 20_000) {
    const json = JSON.stringify(series.slice(i, i + 20_000).map((s) => [s.variantId, s.locationId]));
    const pairs = isPostgres ? `SELECT e ->> 0 AS v, e ->> 1 AS l FROM json_array_elements($1::json) e` : `SELECT value ->> 0 AS v, value ->> 1 AS l FROM json_each(?)`;
    const rows = await prisma.$queryRawUnsafe<{ variantId: string; locationId: string; lastSale: string | null }[]>(
      `WITH p AS MATERIALIZED (${pairs})
       SELECT p.v AS "variantId", p.l AS "locationId", (SELECT d."date" FROM "DemandDay" d
         WHERE d."shop" = ${p(2)} AND d."variantId" = p.v AND d."locationId" = p.l AND d."units" > 0 ORDER BY d."date" DESC LIMIT 1) AS "lastSale"
       FROM p`,
      json,
      shop,
    );
    for (const r of rows) if (r.lastSale !== null) out.set(`${r.variantId}|${r.locationId}`, r.lastSale);
  }
  return out;
}

/**
 * Units per "variantId|locationId" in the shop's draft and pending-approval POs (the order is being placed, so
 * the line needs no "order now" alert). Drafts are few: one grouped read.
 */
export async function draftedUnitsByLine(shop: string): Promise<Map<string, number>> {
  const lines = await prisma.purchaseOrderLine.findMany({
    where: { shop, purchaseOrder: { shop, status: { in: ["draft", "pending_approval"] } } },
    select: { variantId: true, quantityOrdered: true, purchaseOrder: { select: { destinationLocationId: true } } },
  });
  const out = new Map<string, number>();
  for (const l of lines) {
    const key = `${l.variantId}|${l.purchaseOrder.destinationLocationId}`;
    out.set(key, (out.get(key) ?? 0) + l.quantityOrdered);
  }
  return out;
}

/** Names of all the shop's locations (deleted ones too: old plan lines may point at them). */
export async function locationNames(shop: string) {
  const rows = await prisma.location.findMany({ where: { shop }, select: { id: true, name: true } });
  return new Map(rows.map((l) => [l.id, l.name]));
}

/** One forecast whose day `index` may be outside its 95% band on `date` (numbers as stored; see below). */
export interface DemandAgainstBand {
  variantId: string;
  locationId: string;
  units: number;
  stockedOut: boolean;
  /** The stored JSON values of mean[index] and the 95% band's lower/upper[index]: numbers, or null/other when absent. */
  mean: unknown;
  lower: unknown;
  upper: unknown;
}

/**
 * Units sold on `date` per forecast of the run, against the forecast's day `index` (mean and 95% band). Only
 * the three array elements are read, in SQL (a forecast's JSON is ~3 KB: reading them all held gigabytes at
 * 50,000 variants), and only series that can be outside the band come back: units above the upper bound or,
 * not stocked out and with a positive lower bound, below it, each bound widened by a billionth of itself so
 * that SQL's float parsing (an ulp off at most) cannot drop one. The rule itself decides, on the values
 * returned: the stored JSON's own text of each element.
 */
export async function demandAgainstForecast(shop: string, planRunId: string, date: string, index: number): Promise<DemandAgainstBand[]> {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError("index must be a non-negative integer");
  const sql = isPostgres
    ? `WITH b AS (
         SELECT f."variantId", f."locationId", f."mean" -> $4::int AS m, f."bands" -> '95' -> 'lower' -> $4::int AS lo,
                f."bands" -> '95' -> 'upper' -> $4::int AS up, COALESCE(d."units", 0) AS units, s."id" IS NOT NULL AS "stockedOut"
         FROM "Forecast" f
         LEFT JOIN "DemandDay" d ON d."shop" = f."shop" AND d."variantId" = f."variantId" AND d."locationId" = f."locationId" AND d."date" = $3
         LEFT JOIN "InventorySnapshot" s ON s."shop" = f."shop" AND s."variantId" = f."variantId" AND s."locationId" = f."locationId" AND s."date" = $3 AND s."stockedOut"
         WHERE f."shop" = $1 AND f."planRunId" = $2),
       n AS (SELECT *, CASE WHEN jsonb_typeof(lo) = 'number' THEN lo::float8 END AS lon, CASE WHEN jsonb_typeof(up) = 'number' THEN up::float8 END AS upn
             FROM b WHERE jsonb_typeof(m) = 'number')
       SELECT "variantId", "locationId", units, "stockedOut", m::text AS "mean", lo::text AS "lower", up::text AS "upper" FROM n
       WHERE lon IS NOT NULL AND upn IS NOT NULL AND (units > upn - abs(upn) * 1e-9 OR (NOT "stockedOut" AND lon > 0 AND units < lon * (1 + 1e-9)))`
    : // One parse of each JSON text (json_extract with two paths), kept by MATERIALIZED: SQLite's JSON parsing is the cost here.
      `WITH a AS MATERIALIZED (
         SELECT f."variantId", f."locationId", f."mean" -> ? AS m, json_extract(f."bands", ?, ?) AS band,
                COALESCE(d."units", 0) AS units, s."id" IS NOT NULL AS "stockedOut"
         FROM "Forecast" f
         LEFT JOIN "DemandDay" d ON d."shop" = f."shop" AND d."variantId" = f."variantId" AND d."locationId" = f."locationId" AND d."date" = ?
         LEFT JOIN "InventorySnapshot" s ON s."shop" = f."shop" AND s."variantId" = f."variantId" AND s."locationId" = f."locationId" AND s."date" = ? AND s."stockedOut"
         WHERE f."shop" = ? AND f."planRunId" = ?),
       b AS (SELECT "variantId", "locationId", m, band -> 0 AS lo, band -> 1 AS up, units, "stockedOut" FROM a)
       SELECT "variantId", "locationId", units, "stockedOut", m AS "mean", lo AS "lower", up AS "upper" FROM b
       WHERE json_type(m) IN ('integer', 'real') AND json_type(lo) IN ('integer', 'real') AND json_type(up) IN ('integer', 'real')
         AND (units > json_extract(up, '$') - abs(json_extract(up, '$')) * 1e-9
              OR (NOT "stockedOut" AND json_extract(lo, '$') > 0 AND units < json_extract(lo, '$') * (1 + 1e-9)))`;
  const params = isPostgres ? [shop, planRunId, date, index] : [`$[${index}]`, `$."95".lower[${index}]`, `$."95".upper[${index}]`, date, date, shop, planRunId];
  const rows = await prisma.$queryRawUnsafe<{ variantId: string; locationId: string; units: number | bigint; stockedOut: boolean | number | bigint; mean: string; lower: string; upper: string }[]>(
    sql,
    ...params,
  );
  // Elements come back as JSON text and are parsed as the whole column would have been, so values are identical.
  return rows.map((r) => ({
    variantId: r.variantId,
    locationId: r.locationId,
    units: Number(r.units),
    stockedOut: Boolean(Number(r.stockedOut)),
    mean: JSON.parse(r.mean) as unknown,
    lower: JSON.parse(r.lower) as unknown,
    upper: JSON.parse(r.upper) as unknown,
  }));
}

/** Purchase orders sent or first received since `since`, with lines and receipts (vendor reliability). */
export function listPurchaseOrdersForReliability(shop: string, since: Date) {
  return prisma.purchaseOrder.findMany({
    where: { shop, status: { not: "cancelled" }, sentAt: { not: null }, receipts: { some: { receivedAt: { gte: since } } } },
    select: {
      vendorId: true,
      sentAt: true,
      expectedAt: true,
      vendor: { select: { name: true } },
      lines: { select: { quantityOrdered: true, quantityReceived: true, unitCost: true } },
      receipts: { select: { receivedAt: true }, orderBy: { receivedAt: "asc" } },
    },
  });
}

/** Webhook deliveries of the shop since `since`: total and failed. */
export async function webhookFailures(shop: string, since: Date) {
  const [total, failed] = await Promise.all([
    prisma.webhookEvent.count({ where: { shop, receivedAt: { gte: since } } }),
    prisma.webhookEvent.count({ where: { shop, receivedAt: { gte: since }, status: "failed" } }),
  ]);
  return { total, failed };
}

/** The newest backfill run that has not completed, if any. */
export function unfinishedBackfill(shop: string) {
  return prisma.backfillRun.findFirst({ where: { shop, status: { in: ["running", "failed"] } }, orderBy: { startedAt: "desc" }, select: { stage: true, startedAt: true, status: true } });
}

/** The run's plan lines of some variants at one vendor × location (what "Create draft PO" from an alert group orders). */
export async function planLineIdsOf(shop: string, planRunId: string, vendorId: string, locationId: string, variantIds: readonly string[]): Promise<string[]> {
  if (variantIds.length === 0) return [];
  const lines = await prisma.replenishmentLine.findMany({ where: { shop, planRunId, locationId, vendorId, variantId: { in: [...variantIds] } }, select: { id: true } });
  return lines.map((l) => l.id);
}
