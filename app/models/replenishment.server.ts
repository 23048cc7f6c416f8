import type { Prisma } from "@prisma/client";
import prisma, { isPostgres } from "~/db.server";
import { inIdChunks } from "~/models/id-chunks.server";
import { SqlParams, variantMatchFilterSql } from "~/models/variant-search.server";
import { defaultDb, type Db } from "~/models/transaction.server";
import type { ReplenishmentSort, UrgencyFilter } from "~/utils/planning-options";


export interface ReplenishmentQuery {
  urgency?: UrgencyFilter[];
  vendorId?: string;
  locationId?: string;
  abcClass?: string;
  search?: string;
  sort: ReplenishmentSort;
  page: number;
  pageSize: number;
}

/**
 * Each sort as SQL: `key` is the leading, nullable column (null rows go last), `rest` the tie-breakers.
 * Each has an index on (shop, planRunId, key, …rest, then the urgency / location / ABC filter columns)
 * in prisma/schema.prisma, so a page of the whole run (or of an urgency, location or ABC filter) is read
 * in index order in two ranges, `key IS NOT NULL` then `key IS NULL`: NULLS LAST is not the index order
 * on both databases (SQLite puts nulls first ascending, PostgreSQL first descending), and sorting the
 * run's ~100k lines per request was the loader's cost (docs/benchmarks.md, "Plan run at scale").
 */
const SORTS: Record<ReplenishmentSort, { key: string | null; column: SortKey | null; dir: "ASC" | "DESC"; rest: string }> = {
  stockout: { key: `"projectedStockoutDate"`, column: "projectedStockoutDate", dir: "ASC", rest: `"suggestedQty" DESC, "id" ASC` },
  cover: { key: `"daysOfCover"`, column: "daysOfCover", dir: "ASC", rest: `"id" ASC` },
  quantity: { key: null, column: null, dir: "ASC", rest: `"suggestedQty" DESC, "id" ASC` },
  value: { key: `"unitCost"`, column: "unitCost", dir: "DESC", rest: `"suggestedQty" DESC, "id" ASC` },
};

const SORT_KEYS = ["projectedStockoutDate", "daysOfCover", "unitCost"] as const;
type SortKey = (typeof SORT_KEYS)[number];

/** A run's lines per urgency: how many, and how many have each sort key (PlanRun.lineCounts). */
export type LineCounts = Record<string, { lines: number } & Record<SortKey, number>>;

/** A stored PlanRun.lineCounts, or null when absent or not of this shape (then the screen counts). */
export function parseLineCounts(value: unknown): LineCounts | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const ok = Object.values(value).every(
    (c) => typeof c === "object" && c !== null && ["lines", ...SORT_KEYS].every((k) => typeof (c as Record<string, unknown>)[k] === "number"),
  );
  return ok ? (value as LineCounts) : null;
}

/**
 * Recounts a run's lines into PlanRun.lineCounts, which the Replenishment screen reads for its totals and
 * urgency tabs. Call it in the transaction (`db`) of any change to which lines a run has or to their
 * urgency, projected stockout date, days of cover or unit cost (e.g. an incremental plan rewriting lines
 * of the latest run); completing a run calls it.
 */
export async function refreshPlanRunLineCounts(shop: string, planRunId: string, db: Db = defaultDb): Promise<LineCounts> {
  const p = new SqlParams();
  const rows = await db.$queryRawUnsafe<({ urgency: string; lines: number | bigint } & Record<SortKey, number | bigint>)[]>(
    `SELECT "urgency", COUNT(*) AS "lines", ${SORT_KEYS.map((k) => `COUNT("${k}") AS "${k}"`).join(", ")}
     FROM "ReplenishmentLine" WHERE "shop" = ${p.bind(shop)} AND "planRunId" = ${p.bind(planRunId)} GROUP BY "urgency"`,
    ...p.values,
  );
  const counts: LineCounts = {};
  for (const r of rows) counts[r.urgency] = { lines: Number(r.lines), projectedStockoutDate: Number(r.projectedStockoutDate), daysOfCover: Number(r.daysOfCover), unitCost: Number(r.unitCost) };
  await db.planRun.updateMany({ where: { shop, id: planRunId }, data: { lineCounts: counts } });
  return counts;
}

/**
 * The line counts of some variants' lines in a run (an incremental patch subtracts them before and adds them
 * after, instead of recounting the whole run). `+"shop"` on SQLite: without it, SQLite walks a (shop, planRunId)
 * sort index through every line of the run instead of seeking each variant in (planRunId, variantId).
 */
export async function lineCountsOfVariants(shop: string, planRunId: string, variantIds: readonly string[], db: Db = defaultDb): Promise<LineCounts> {
  const counts: LineCounts = {};
  await inIdChunks(variantIds, async (ids) => {
    const p = new SqlParams();
    const rows = await db.$queryRawUnsafe<({ urgency: string; lines: number | bigint } & Record<SortKey, number | bigint>)[]>(
      `SELECT "urgency", COUNT(*) AS "lines", ${SORT_KEYS.map((k) => `COUNT("${k}") AS "${k}"`).join(", ")}
       FROM "ReplenishmentLine" WHERE ${isPostgres ? "" : "+"}"shop" = ${p.bind(shop)} AND "planRunId" = ${p.bind(planRunId)}
         AND "variantId" IN (${ids.map((id) => p.bind(id)).join(", ")}) GROUP BY "urgency"`,
      ...p.values,
    );
    for (const r of rows) {
      const c = (counts[r.urgency] ??= { lines: 0, projectedStockoutDate: 0, daysOfCover: 0, unitCost: 0 });
      c.lines += Number(r.lines);
      for (const k of SORT_KEYS) c[k] += Number(r[k]);
    }
    return [];
  });
  return counts;
}

/** `total` − `removed` + `added`, per urgency and column; urgencies left with no line are dropped. */
export function patchLineCounts(total: LineCounts, removed: LineCounts, added: LineCounts): LineCounts {
  const out: LineCounts = {};
  for (const urgency of new Set([...Object.keys(total), ...Object.keys(added)])) {
    const c = { lines: 0, projectedStockoutDate: 0, daysOfCover: 0, unitCost: 0 };
    for (const k of ["lines", ...SORT_KEYS] as const) c[k] = (total[urgency]?.[k] ?? 0) - (removed[urgency]?.[k] ?? 0) + (added[urgency]?.[k] ?? 0);
    if (c.lines > 0) out[urgency] = c;
  }
  return out;
}

/** The WHERE clause of a listing: the run, then the screen's filters. */
function filterSql(shop: string, planRunId: string, q: ReplenishmentQuery, p: SqlParams): string {
  // A search should drive the (planRunId, variantId, …) unique index from the matching variants. SQLite
  // (no ANALYZE statistics) would rather walk a (shop, planRunId, …) sort index: unary + rules those out.
  // PostgreSQL estimates the ILIKE subquery at thousands of variants and hash-joins every line; as an
  // ARRAY(…) it is computed first and probed through the index.
  const shopColumn = q.search && !isPostgres ? `+"shop"` : `"shop"`;
  const parts = [`${shopColumn} = ${p.bind(shop)}`, `"planRunId" = ${p.bind(planRunId)}`];
  if (q.urgency?.length) parts.push(`"urgency" IN (${q.urgency.map((u) => p.bind(u)).join(", ")})`);
  if (q.vendorId) parts.push(`"vendorId" = ${p.bind(q.vendorId)}`);
  if (q.locationId) parts.push(`"locationId" = ${p.bind(q.locationId)}`);
  if (q.abcClass) parts.push(`"abcClass" = ${p.bind(q.abcClass)}`);
  if (q.search) parts.push(variantMatchFilterSql(`"variantId"`, shop, q.search, p));
  return parts.join(" AND ");
}

async function queryIds(sql: string, p: SqlParams): Promise<string[]> {
  return (await prisma.$queryRawUnsafe<{ id: string }[]>(sql, ...p.values)).map((r) => r.id);
}

/** COUNT(*) and COUNT(`column`) of the matching lines. */
async function countMatching(shop: string, planRunId: string, q: ReplenishmentQuery, column: string): Promise<{ total: number; withColumn: number }> {
  const p = new SqlParams();
  const [row] = await prisma.$queryRawUnsafe<{ total: number | bigint; withColumn: number | bigint }[]>(
    `SELECT COUNT(*) AS "total", COUNT(${column}) AS "withColumn" FROM "ReplenishmentLine" WHERE ${filterSql(shop, planRunId, q, p)}`,
    ...p.values,
  );
  return { total: Number(row?.total ?? 0), withColumn: Number(row?.withColumn ?? 0) };
}

const limitSql = (limit: number, offset: number) => `LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`;

/**
 * A vendor or a search leaves a few hundred lines: read them by that filter's index and sort them, with
 * the total in the same statement (the search's variant scan then runs once).
 */
async function selectiveFilterPage(shop: string, planRunId: string, q: ReplenishmentQuery, offset: number) {
  const { key, dir, rest } = SORTS[q.sort];
  const p = new SqlParams();
  const orderBy = key === null ? rest : `(${key} IS NULL), ${key} ${dir}, ${rest}`;
  const rows = await prisma.$queryRawUnsafe<{ id: string; total: number | bigint }[]>(
    `SELECT "id", COUNT(*) OVER () AS "total" FROM "ReplenishmentLine" WHERE ${filterSql(shop, planRunId, q, p)} ORDER BY ${orderBy} ${limitSql(q.pageSize, offset)}`,
    ...p.values,
  );
  // A page past the end has no row to carry the total.
  const total = rows.length ? Number(rows[0].total) : offset > 0 ? (await countMatching(shop, planRunId, q, "*")).total : 0;
  return { ids: rows.map((r) => r.id), total };
}

/** Otherwise the page is read in the sort index's order: lines with the sort key, then those without. */
async function sortIndexPage(shop: string, planRunId: string, q: ReplenishmentQuery, offset: number, counts: LineCounts | null) {
  const { key, column, dir, rest } = SORTS[q.sort];
  // The run's cached counts answer the whole run and urgency tabs; location and ABC filters are counted.
  const cached = counts && !q.locationId && !q.abcClass ? Object.entries(counts).filter(([u]) => !q.urgency?.length || q.urgency.includes(u as UrgencyFilter)) : null;
  const { total, withColumn: withKey } = cached
    ? { total: cached.reduce((n, [, c]) => n + c.lines, 0), withColumn: cached.reduce((n, [, c]) => n + (column ? c[column] : c.lines), 0) }
    : await countMatching(shop, planRunId, q, key ?? "*");
  const end = Math.min(total, offset + q.pageSize);
  const range = async (keyed: boolean, from: number, limit: number) => {
    if (limit <= 0) return [];
    const p = new SqlParams();
    const where = filterSql(shop, planRunId, q, p) + (key === null ? "" : ` AND ${key} IS ${keyed ? "NOT NULL" : "NULL"}`);
    const orderBy = key !== null && keyed ? `${key} ${dir}, ${rest}` : rest;
    return queryIds(`SELECT "id" FROM "ReplenishmentLine" WHERE ${where} ORDER BY ${orderBy} ${limitSql(limit, from)}`, p);
  };
  const keyed = await range(true, offset, Math.min(end, withKey) - offset);
  const unkeyed = await range(false, Math.max(0, offset - withKey), end - Math.max(offset, withKey));
  return { ids: [...keyed, ...unkeyed], total };
}

/** A line of the screen with the names it shows (null when the variant, location or vendor is gone). */
export interface ReplenishmentPageRow {
  id: string;
  variantId: string;
  locationId: string;
  vendorId: string | null;
  onHand: number;
  available: number;
  onOrder: number;
  /** Shopify's incoming, part of onOrder. */
  incoming: number;
  daysOfCover: number | null;
  projectedStockoutDate: string | null;
  urgency: string;
  suggestedQty: number;
  editedQty: number | null;
  abcClass: string | null;
  xyzClass: string | null;
  /** The suggestion before the plan's purchase budget cut it (null: not cut). */
  budgetCutFrom: number | null;
  unitCost: Prisma.Decimal | null;
  reason: string;
  // The why panel's figures (services/order-why.server.ts).
  arithmetic: string | null;
  leadTimeDemand: number;
  reorderPoint: number;
  orderUpTo: number;
  inventoryPosition: number;
  draftedUnits: number;
  leadTimeDays: number;
  serviceLevel: number;
  /** The line's forecast method code and cross-validated RMSSE (null when the forecast row is missing). */
  method: string | null;
  rmsse: number | null;
  productTitle: string | null;
  variantTitle: string | null;
  sku: string | null;
  locationName: string | null;
  vendorName: string | null;
  /** The variant's Shopify inventory policy ("CONTINUE" | "DENY"; null: not synced yet). */
  inventoryPolicy: string | null;
}

/** The lines with these ids, with their names, in one statement per 500 ids (in no particular order). */
async function pageRows(shop: string, planRunId: string, ids: readonly string[]): Promise<ReplenishmentPageRow[]> {
  if (ids.length === 0) return [];
  // SQLite would scan the run on a (shop, planRunId, …) index; unary + leaves it the primary key.
  const plus = isPostgres ? "" : "+";
  return inIdChunks(ids, (slice) => {
    const p = new SqlParams();
    const s = p.bind(shop);
    return prisma.$queryRawUnsafe<ReplenishmentPageRow[]>(
      `SELECT l."id", l."variantId", l."locationId", l."vendorId", l."onHand", l."available", l."onOrder", l."incoming", l."leadTimeDays", l."daysOfCover",
         l."projectedStockoutDate", l."urgency", l."suggestedQty", l."editedQty", l."abcClass", l."xyzClass", l."budgetCutFrom", l."unitCost", l."reason",
         l."arithmetic", l."leadTimeDemand", l."reorderPoint", l."orderUpTo", l."inventoryPosition", l."draftedUnits", l."serviceLevel",
         f."method", f."rmsse",
         pr."title" AS "productTitle", v."title" AS "variantTitle", v."sku", loc."name" AS "locationName", ven."name" AS "vendorName",
         v."inventoryPolicy"
       FROM "ReplenishmentLine" l
       LEFT JOIN "Variant" v ON v."id" = l."variantId" AND v."shop" = l."shop"
       LEFT JOIN "Product" pr ON pr."id" = v."productId" AND pr."shop" = l."shop"
       LEFT JOIN "Location" loc ON loc."id" = l."locationId" AND loc."shop" = l."shop"
       LEFT JOIN "Vendor" ven ON ven."id" = l."vendorId" AND ven."shop" = l."shop"
       LEFT JOIN "Forecast" f ON f."planRunId" = l."planRunId" AND f."variantId" = l."variantId" AND f."locationId" = l."locationId" AND f."shop" = l."shop"
       WHERE ${plus}l."shop" = ${s} AND ${plus}l."planRunId" = ${p.bind(planRunId)} AND l."id" IN (${slice.map((id) => p.bind(id)).join(", ")})`,
      ...p.values,
    );
  });
}

/**
 * One page of a plan run's lines with their names, filtered and sorted in the database (null sort keys
 * last), plus the total for pagination. Order: the sort's key, its tie-breakers, then id — stable across
 * pages.
 */
export async function listReplenishmentLines(
  shop: string,
  planRunId: string,
  q: ReplenishmentQuery,
  counts: LineCounts | null = null,
): Promise<{ rows: ReplenishmentPageRow[]; total: number }> {
  const offset = (q.page - 1) * q.pageSize;
  const { ids, total } = q.vendorId || q.search ? await selectiveFilterPage(shop, planRunId, q, offset) : await sortIndexPage(shop, planRunId, q, offset, counts);
  const rows = await pageRows(shop, planRunId, ids);
  const position = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return { rows, total };
}

/** What a selection needs of a line: its vendor, quantity (edited or suggested) and unit cost. */
export interface SelectableLine {
  id: string;
  vendorId: string | null;
  suggestedQty: number;
  editedQty: number | null;
  unitCost: Prisma.Decimal | string | number | null;
}

/** Every line of the run matching the screen's filters, up to `limit` (by id; sort does not matter here). */
export async function listMatchingLines(shop: string, planRunId: string, q: Omit<ReplenishmentQuery, "page" | "pageSize">, limit: number): Promise<SelectableLine[]> {
  const p = new SqlParams();
  return prisma.$queryRawUnsafe<SelectableLine[]>(
    `SELECT "id", "vendorId", "suggestedQty", "editedQty", "unitCost" FROM "ReplenishmentLine"
     WHERE ${filterSql(shop, planRunId, { ...q, page: 1, pageSize: limit }, p)} ORDER BY "id" ${limitSql(limit, 0)}`,
    ...p.values,
  );
}

export async function countLinesByUrgency(shop: string, planRunId: string): Promise<Record<string, number>> {
  const p = new SqlParams();
  const groups = await prisma.$queryRawUnsafe<{ urgency: string; n: number | bigint }[]>(
    `SELECT "urgency", COUNT(*) AS "n" FROM "ReplenishmentLine" WHERE "shop" = ${p.bind(shop)} AND "planRunId" = ${p.bind(planRunId)} GROUP BY "urgency"`,
    ...p.values,
  );
  return Object.fromEntries(groups.map((g) => [g.urgency, Number(g.n)]));
}

/** Names for the ids on one page: variants (with product and SKU), locations, vendors. */
export async function lookupNames(shop: string, ids: { variantIds: string[]; locationIds: string[]; vendorIds: string[] }) {
  const [variants, locations, vendors] = await Promise.all([
    inIdChunks(ids.variantIds, (variantIds) =>
      prisma.variant.findMany({ where: { shop, id: { in: variantIds } }, select: { id: true, title: true, sku: true, product: { select: { title: true } } } }),
    ),
    inIdChunks(ids.locationIds, (locationIds) => prisma.location.findMany({ where: { shop, id: { in: locationIds } }, select: { id: true, name: true } })),
    inIdChunks(ids.vendorIds, (vendorIds) => prisma.vendor.findMany({ where: { shop, id: { in: vendorIds } }, select: { id: true, name: true } })),
  ]);
  return { variants: new Map(variants.map((v) => [v.id, v])), locations: new Map(locations.map((l) => [l.id, l.name])), vendors: new Map(vendors.map((v) => [v.id, v.name])) };
}

export function listFilterOptions(shop: string) {
  return Promise.all([
    prisma.vendor.findMany({ where: { shop }, select: { id: true, name: true, moq: true }, orderBy: { name: "asc" } }),
    prisma.location.findMany({ where: { shop, deletedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
}

/** Sets (or clears, with null) the merchant's own quantity on one line of the shop's plan; returns before/after. */
export async function setEditedQuantity(shop: string, lineId: string, quantity: number | null, db: Db = defaultDb) {
  const before = await db.replenishmentLine.findFirst({ where: { shop, id: lineId }, select: { id: true, variantId: true, suggestedQty: true, editedQty: true } });
  if (!before) return null;
  await db.replenishmentLine.update({ where: { id: lineId, shop }, data: { editedQty: quantity } });
  return { before, after: { ...before, editedQty: quantity } };
}
