import { Prisma } from "@prisma/client";
import prisma, { isPostgres } from "~/db.server";
import { addDays } from "~/lib/time";

// The Overview's aggregates, one SQL statement each, written once for SQLite and PostgreSQL (quoted
// identifiers, CASE instead of MAX/GREATEST, TRUE literals). Money is summed as integer cents
// (each unit price or cost rounded to cents first) so both databases return the same exact totals.
// Definitions of every figure: docs/overview.md.

/** Integer cents of a Decimal column, in SQL. */
const cents = (column: Prisma.Sql) => Prisma.sql`CAST(ROUND(COALESCE(${column}, 0) * 100) AS BIGINT)`;
/** A variant's cost for stock value: its landed cost where one was received, else Shopify's (docs/landed-cost.md). */
const variantCost = Prisma.sql`COALESCE(v."landedUnitCost", v."unitCost")`;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(String(v)));
/**
 * Runs a composed statement. Fragments are built with @prisma/client's `Prisma.sql`, which the PostgreSQL
 * client (generated separately, see db.server.ts) does not recognise as nested SQL inside its own tagged
 * template, so the finished statement is sent as text with its values: `?` placeholders on SQLite, `$n` on
 * PostgreSQL.
 */
function query<T>(statement: Prisma.Sql): Promise<T[]> {
  return prisma.$queryRawUnsafe<T[]>(isPostgres ? statement.text : statement.sql, ...statement.values);
}
const atLocation = (column: Prisma.Sql, locationId: string | null) => (locationId ? Prisma.sql`AND ${column} = ${locationId}` : Prisma.empty);

export interface OverviewScope {
  /** First and last local date of the range, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  locationId: string | null;
}

/** Active locations of the shop, for the location filter. */
export function listOverviewLocations(shop: string) {
  return prisma.location.findMany({
    where: { shop, deletedAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/**
 * Current on-hand stock (positive on hand, live variants) by the latest plan's ABC class (null when the
 * variant × location has no plan line): units and value at cost in cents.
 */
export async function stockByAbcClass(shop: string, planRunId: string | null, locationId: string | null) {
  const rows = await query<{
    abcClass: string | null;
    units: unknown;
    valueCents: unknown;
  }>(Prisma.sql`
    SELECT r."abcClass" AS "abcClass", SUM(il."onHand") AS "units", SUM(il."onHand" * ${cents(variantCost)}) AS "valueCents"
    FROM "InventoryLevel" il
    JOIN "Variant" v ON v."id" = il."variantId" AND v."shop" = il."shop"
    LEFT JOIN "ReplenishmentLine" r ON r."shop" = il."shop" AND r."planRunId" = ${
      planRunId ?? ""
    } AND r."variantId" = il."variantId" AND r."locationId" = il."locationId"
    WHERE il."shop" = ${shop} AND il."onHand" > 0 AND v."deletedAt" IS NULL ${atLocation(Prisma.sql`il."locationId"`, locationId)}
    GROUP BY r."abcClass"`);
  return rows.map((r) => ({
    abcClass: r.abcClass,
    units: num(r.units),
    valueCents: num(r.valueCents),
  }));
}

/** On-hand value at cost (cents) of variant × locations with no units sold on or after `sinceDate`. */
export async function deadStockValueCents(shop: string, sinceDate: string, locationId: string | null): Promise<number> {
  const [row] = await query<{ valueCents: unknown }>(Prisma.sql`
    SELECT SUM(il."onHand" * ${cents(variantCost)}) AS "valueCents"
    FROM "InventoryLevel" il
    JOIN "Variant" v ON v."id" = il."variantId" AND v."shop" = il."shop"
    WHERE il."shop" = ${shop} AND il."onHand" > 0 AND v."deletedAt" IS NULL ${atLocation(Prisma.sql`il."locationId"`, locationId)}
      AND NOT EXISTS (
        SELECT 1 FROM "DemandDay" d
        WHERE d."shop" = il."shop" AND d."variantId" = il."variantId" AND d."locationId" = il."locationId" AND d."date" >= ${sinceDate} AND d."units" > 0
      )`);
  return num(row?.valueCents);
}

/** Units sold, revenue and cost of goods sold (cents) per local date of the range, from DemandDay. */
export async function salesByDay(shop: string, scope: OverviewScope) {
  const rows = await query<{
    date: string;
    units: unknown;
    revenueCents: unknown;
    cogsCents: unknown;
  }>(Prisma.sql`
    SELECT d."date" AS "date", SUM(d."units") AS "units", SUM(${cents(Prisma.sql`d."revenue"`)}) AS "revenueCents",
           SUM(d."units" * ${cents(variantCost)}) AS "cogsCents"
    FROM "DemandDay" d
    JOIN "Variant" v ON v."id" = d."variantId" AND v."shop" = d."shop"
    WHERE d."shop" = ${shop} AND d."date" >= ${scope.from} AND d."date" <= ${scope.to} ${atLocation(Prisma.sql`d."locationId"`, scope.locationId)}
    GROUP BY d."date"
    ORDER BY d."date"`);
  return rows.map((r) => ({
    date: r.date,
    units: num(r.units),
    revenueCents: num(r.revenueCents),
    cogsCents: num(r.cogsCents),
  }));
}

/**
 * Stockout exposure over the range: stocked-out snapshot days, all snapshot days, the number of tracked
 * variant × locations (live, tracked variants with an inventory level), and the lost revenue estimate
 * Σ stocked-out days × the plan's average daily demand × price (cents, unrounded).
 */
export async function stockoutExposure(shop: string, planRunId: string | null, scope: OverviewScope) {
  const loc = (column: Prisma.Sql) => atLocation(column, scope.locationId);
  const [[out], [all], [tracked]] = await Promise.all([
    query<{ days: unknown; lostCents: unknown }>(Prisma.sql`
      SELECT COUNT(*) AS "days", SUM(COALESCE(r."avgDailyDemand", 0) * ${cents(Prisma.sql`v."price"`)}) AS "lostCents"
      FROM "InventorySnapshot" s
      JOIN "Variant" v ON v."id" = s."variantId" AND v."shop" = s."shop"
      LEFT JOIN "ReplenishmentLine" r ON r."shop" = s."shop" AND r."planRunId" = ${
        planRunId ?? ""
      } AND r."variantId" = s."variantId" AND r."locationId" = s."locationId"
      WHERE s."shop" = ${shop} AND s."stockedOut" = TRUE AND s."date" >= ${scope.from} AND s."date" <= ${scope.to} AND v."deletedAt" IS NULL ${loc(
      Prisma.sql`s."locationId"`
    )}`),
    query<{ days: unknown }>(Prisma.sql`
      SELECT COUNT(*) AS "days" FROM "InventorySnapshot" s
      WHERE s."shop" = ${shop} AND s."date" >= ${scope.from} AND s."date" <= ${scope.to} ${loc(Prisma.sql`s."locationId"`)}`),
    query<{ series: unknown }>(Prisma.sql`
      SELECT COUNT(*) AS "series" FROM "InventoryLevel" il
      JOIN "Variant" v ON v."id" = il."variantId" AND v."shop" = il."shop"
      WHERE il."shop" = ${shop} AND v."deletedAt" IS NULL AND v."tracked" = TRUE ${loc(Prisma.sql`il."locationId"`)}`),
  ]);
  return {
    stockedOutDays: num(out?.days),
    lostRevenueCents: num(out?.lostCents),
    snapshotDays: num(all?.days),
    trackedSeries: num(tracked?.series),
  };
}

/** Remaining quantity × unit cost (cents) of lines on purchase orders in `statuses`, by destination. */
export async function openPoValueCents(shop: string, statuses: readonly string[], locationId: string | null): Promise<number> {
  const [row] = await query<{ valueCents: unknown }>(Prisma.sql`
    SELECT SUM(CASE WHEN l."quantityOrdered" > l."quantityReceived" THEN l."quantityOrdered" - l."quantityReceived" ELSE 0 END * ${cents(
      Prisma.sql`l."unitCost"`
    )}) AS "valueCents"
    FROM "PurchaseOrderLine" l
    JOIN "PurchaseOrder" po ON po."id" = l."purchaseOrderId" AND po."shop" = l."shop"
    WHERE l."shop" = ${shop} AND po."status" IN (${Prisma.join([...statuses])}) ${atLocation(Prisma.sql`po."destinationLocationId"`, locationId)}`);
  return num(row?.valueCents);
}

export interface AtRiskRow {
  variantId: string;
  locationId: string;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  locationName: string;
  available: number;
  leadTimeDemand: number;
  leadTimeDays: number;
  projectedStockoutDate: string | null;
  priceCents: number;
}

/** The plan's critical lines (stock runs out before an order placed today could arrive), with names and price. */
export async function listCriticalLines(shop: string, planRunId: string, locationId: string | null): Promise<AtRiskRow[]> {
  const rows = await query<Omit<AtRiskRow, "priceCents"> & { priceCents: unknown }>(Prisma.sql`
    SELECT r."variantId" AS "variantId", r."locationId" AS "locationId", p."title" AS "productTitle", v."title" AS "variantTitle", v."sku" AS "sku",
           loc."name" AS "locationName", r."available" AS "available", r."leadTimeDemand" AS "leadTimeDemand", r."leadTimeDays" AS "leadTimeDays",
           r."projectedStockoutDate" AS "projectedStockoutDate", ${cents(Prisma.sql`v."price"`)} AS "priceCents"
    FROM "ReplenishmentLine" r
    JOIN "Variant" v ON v."id" = r."variantId" AND v."shop" = r."shop"
    JOIN "Product" p ON p."id" = v."productId" AND p."shop" = v."shop"
    JOIN "Location" loc ON loc."id" = r."locationId" AND loc."shop" = r."shop"
    WHERE r."shop" = ${shop} AND r."planRunId" = ${planRunId} AND r."urgency" = 'critical' ${atLocation(Prisma.sql`r."locationId"`, locationId)}`);
  return rows.map((r) => ({
    ...r,
    available: num(r.available),
    leadTimeDemand: num(r.leadTimeDemand),
    leadTimeDays: num(r.leadTimeDays),
    priceCents: num(r.priceCents),
  }));
}

/** A forecast snapshot: the date it was taken (its plan's date) and the plan run that took it. */
export interface SnapshotRef {
  date: string;
  planRunId: string;
}

/**
 * The newest forecast snapshot of a finished plan (complete or superseded) dated on or before `lastDate`,
 * and the oldest one after it (scored later), among snapshots dated `since` or later. Failed runs'
 * snapshots are deleted with the run, so the first row of the date index usually answers.
 */
export async function findForecastSnapshots(shop: string, lastDate: string, since: string): Promise<{ scored: SnapshotRef | null; next: SnapshotRef | null }> {
  const runs = await prisma.planRun.findMany({
    where: { shop, status: { in: ["complete", "superseded"] }, asOfDate: { gte: since } },
    select: { id: true },
  });
  const planRunId = { in: runs.map((r) => r.id) };
  const select = { date: true, planRunId: true } as const;
  const [scored, next] = await Promise.all([
    prisma.forecastSnapshot.findFirst({ where: { shop, date: { gte: since, lte: lastDate }, planRunId }, orderBy: { date: "desc" }, select }),
    prisma.forecastSnapshot.findFirst({ where: { shop, date: { gt: lastDate }, planRunId }, orderBy: { date: "asc" }, select }),
  ]);
  return { scored, next };
}

/** One variant × location of a snapshot: its forecast weeks and naive benchmark, and per week what sold and whether it stocked out. */
export interface SnapshotSeriesRow {
  variantId: string;
  locationId: string;
  forecastWeeks: number[];
  naiveDaily: number;
  actualWeeks: number[];
  stockedOutWeeks: boolean[];
}

/**
 * A snapshot's series with the units sold (DemandDay) and stocked-out days (InventorySnapshot) in each of
 * the 4 weeks from its date, summed per week in SQL (three statements, each reading only the 4 weeks).
 */
export async function listSnapshotSeries(shop: string, snapshot: SnapshotRef, locationId: string | null): Promise<SnapshotSeriesRow[]> {
  const weekEnds = [6, 13, 20, 27].map((d) => addDays(snapshot.date, d));
  const week = (column: Prisma.Sql) =>
    Prisma.sql`CASE WHEN ${column} <= ${weekEnds[0]} THEN 0 WHEN ${column} <= ${weekEnds[1]} THEN 1 WHEN ${column} <= ${weekEnds[2]} THEN 2 ELSE 3 END`;
  const [rows, sold, out] = await Promise.all([
    query<{ variantId: string; locationId: string; week1: unknown; week2: unknown; week3: unknown; week4: unknown; naiveDaily: unknown }>(Prisma.sql`
      SELECT s."variantId" AS "variantId", s."locationId" AS "locationId", s."week1" AS "week1", s."week2" AS "week2", s."week3" AS "week3",
             s."week4" AS "week4", s."naiveDaily" AS "naiveDaily"
      FROM "ForecastSnapshot" s
      WHERE s."shop" = ${shop} AND s."date" = ${snapshot.date} AND s."planRunId" = ${snapshot.planRunId} ${atLocation(Prisma.sql`s."locationId"`, locationId)}`),
    // One row per series (summing by week in the row): cheaper than a row per series × week to group.
    query<{ variantId: string; locationId: string; w0: unknown; w1: unknown; w2: unknown; w3: unknown }>(Prisma.sql`
      SELECT d."variantId" AS "variantId", d."locationId" AS "locationId",
             SUM(CASE WHEN d."date" <= ${weekEnds[0]} THEN d."units" ELSE 0 END) AS "w0",
             SUM(CASE WHEN d."date" > ${weekEnds[0]} AND d."date" <= ${weekEnds[1]} THEN d."units" ELSE 0 END) AS "w1",
             SUM(CASE WHEN d."date" > ${weekEnds[1]} AND d."date" <= ${weekEnds[2]} THEN d."units" ELSE 0 END) AS "w2",
             SUM(CASE WHEN d."date" > ${weekEnds[2]} THEN d."units" ELSE 0 END) AS "w3"
      FROM "DemandDay" d
      WHERE d."shop" = ${shop} AND d."date" >= ${snapshot.date} AND d."date" <= ${weekEnds[3]} ${atLocation(Prisma.sql`d."locationId"`, locationId)}
      GROUP BY d."variantId", d."locationId"`),
    query<{ variantId: string; locationId: string; week: unknown }>(Prisma.sql`
      SELECT DISTINCT s."variantId" AS "variantId", s."locationId" AS "locationId", ${week(Prisma.sql`s."date"`)} AS "week"
      FROM "InventorySnapshot" s
      WHERE s."shop" = ${shop} AND s."stockedOut" = TRUE AND s."date" >= ${snapshot.date} AND s."date" <= ${weekEnds[3]} ${atLocation(
        Prisma.sql`s."locationId"`,
        locationId,
      )}`),
  ]);
  const bySeries = new Map<string, SnapshotSeriesRow>();
  for (const r of rows)
    bySeries.set(`${r.variantId}|${r.locationId}`, {
      variantId: r.variantId,
      locationId: r.locationId,
      forecastWeeks: [num(r.week1), num(r.week2), num(r.week3), num(r.week4)],
      naiveDaily: num(r.naiveDaily),
      actualWeeks: [0, 0, 0, 0],
      stockedOutWeeks: [false, false, false, false],
    });
  for (const r of sold) {
    const series = bySeries.get(`${r.variantId}|${r.locationId}`);
    if (series) series.actualWeeks = [num(r.w0), num(r.w1), num(r.w2), num(r.w3)];
  }
  for (const r of out) {
    const series = bySeries.get(`${r.variantId}|${r.locationId}`);
    if (series) series.stockedOutWeeks[num(r.week)] = true;
  }
  return [...bySeries.values()];
}

/**
 * The plan's daily forecast summed over its variant × locations for the first `days` days from the plan date
 * (index 0 = plan date; shorter when the forecasts are), unpacked from the `mean` JSON arrays inside the
 * database (json_each on SQLite, jsonb_array_elements_text on PostgreSQL) rather than parsing ~1,000 arrays in JS.
 */
export async function forecastTotalsByDay(shop: string, planRunId: string, locationId: string | null, days: number): Promise<number[]> {
  const where = Prisma.sql`f."shop" = ${shop} AND f."planRunId" = ${planRunId} ${atLocation(Prisma.sql`f."locationId"`, locationId)}`;
  const rows = isPostgres
    ? await query<{ i: unknown; units: unknown }>(Prisma.sql`
        SELECT e."i" - 1 AS "i", SUM(CAST(e."v" AS DOUBLE PRECISION)) AS "units"
        FROM "Forecast" f, jsonb_array_elements_text(f."mean") WITH ORDINALITY AS e("v", "i")
        WHERE ${where} AND e."i" <= ${days}
        GROUP BY e."i"`)
    : await query<{ i: unknown; units: unknown }>(Prisma.sql`
        SELECT CAST(j."key" AS INTEGER) AS "i", SUM(j."value") AS "units"
        FROM "Forecast" f, json_each(f."mean") j
        WHERE ${where} AND j."key" < ${days}
        GROUP BY j."key"`);
  const totals: number[] = Array.from({ length: rows.reduce((n, r) => Math.max(n, num(r.i) + 1), 0) }, () => 0);
  for (const r of rows) totals[num(r.i)] = num(r.units);
  return totals;
}
